/* pathway-milestone.h: a point on an indicator's planned trajectory: the value the programme
 * means to reach by a date, so readings can be set against the plan and not only the final
 * target. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MILESTONE (pathway_milestone_get_type ())

G_DECLARE_FINAL_TYPE (PathwayMilestone, pathway_milestone, PATHWAY, MILESTONE, GObject)

PathwayMilestone *pathway_milestone_new (void);

gint64 pathway_milestone_get_id (PathwayMilestone *self);
gint64 pathway_milestone_get_indicator_id (PathwayMilestone *self);
const GDate *pathway_milestone_get_date (PathwayMilestone *self);
void pathway_milestone_set_date (PathwayMilestone *self, const GDate *date);
double pathway_milestone_get_planned_value (PathwayMilestone *self);
void pathway_milestone_set_planned_value (PathwayMilestone *self, double planned_value);

G_END_DECLS
