/* pathway-indicator.h: a key performance indicator the programme watches (EHC plans issued
 * within 20 weeks, waiting time for an autism assessment), with the person who owns its figures
 * and where they come from, its unit, which direction is better, a baseline, a target and where
 * the target comes from, and a comparator such as the national average. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_INDICATOR (pathway_indicator_get_type ())

G_DECLARE_FINAL_TYPE (PathwayIndicator, pathway_indicator, PATHWAY, INDICATOR, GObject)

PathwayIndicator *pathway_indicator_new (void);

gint64 pathway_indicator_get_id (PathwayIndicator *self);
const char *pathway_indicator_get_name (PathwayIndicator *self);
void pathway_indicator_set_name (PathwayIndicator *self, const char *name);
const char *pathway_indicator_get_service (PathwayIndicator *self);
void pathway_indicator_set_service (PathwayIndicator *self, const char *service);
const char *pathway_indicator_get_definition (PathwayIndicator *self);
void pathway_indicator_set_definition (PathwayIndicator *self, const char *definition);
PathwayPerson *pathway_indicator_get_owner (PathwayIndicator *self);
void pathway_indicator_set_owner (PathwayIndicator *self, PathwayPerson *owner);
const char *pathway_indicator_get_source (PathwayIndicator *self);
void pathway_indicator_set_source (PathwayIndicator *self, const char *source);
PathwayUnit pathway_indicator_get_unit (PathwayIndicator *self);
void pathway_indicator_set_unit (PathwayIndicator *self, PathwayUnit unit);
PathwayDirection pathway_indicator_get_direction (PathwayIndicator *self);
void pathway_indicator_set_direction (PathwayIndicator *self, PathwayDirection direction);
double pathway_indicator_get_baseline_value (PathwayIndicator *self);
void pathway_indicator_set_baseline_value (PathwayIndicator *self, double baseline_value);
const GDate *pathway_indicator_get_baseline_date (PathwayIndicator *self);
void pathway_indicator_set_baseline_date (PathwayIndicator *self, const GDate *baseline_date);
double pathway_indicator_get_target_value (PathwayIndicator *self);
void pathway_indicator_set_target_value (PathwayIndicator *self, double target_value);
const GDate *pathway_indicator_get_target_date (PathwayIndicator *self);
void pathway_indicator_set_target_date (PathwayIndicator *self, const GDate *target_date);
const char *pathway_indicator_get_target_source (PathwayIndicator *self);
void pathway_indicator_set_target_source (PathwayIndicator *self, const char *target_source);
double pathway_indicator_get_comparator_value (PathwayIndicator *self);
void pathway_indicator_set_comparator_value (PathwayIndicator *self, double comparator_value);
const char *pathway_indicator_get_comparator_label (PathwayIndicator *self);
void pathway_indicator_set_comparator_label (PathwayIndicator *self, const char *comparator_label);
int pathway_indicator_get_position (PathwayIndicator *self);
void pathway_indicator_set_position (PathwayIndicator *self, int position);

/* Values never given are NAN. A value equal to the target meets it. */
gboolean pathway_indicator_has_target (PathwayIndicator *self);
gboolean pathway_indicator_is_better (PathwayIndicator *self, double a, double b);
gboolean pathway_indicator_meets_target (PathwayIndicator *self, double value);

G_END_DECLS
