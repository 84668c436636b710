/* pathway-area-of-weakness.h: one numbered finding of the inspection the plan answers (an area
 * of significant weakness, a priority action or an area for improvement), in the inspectors'
 * words, with what the local area committed to do about it. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_AREA_OF_WEAKNESS (pathway_area_of_weakness_get_type ())

G_DECLARE_FINAL_TYPE (PathwayAreaOfWeakness, pathway_area_of_weakness,
                      PATHWAY, AREA_OF_WEAKNESS, GObject)

PathwayAreaOfWeakness *pathway_area_of_weakness_new (void);

gint64 pathway_area_of_weakness_get_id (PathwayAreaOfWeakness *self);
const char *pathway_area_of_weakness_get_reference (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_reference (PathwayAreaOfWeakness *self, const char *reference);
PathwayFindingKind pathway_area_of_weakness_get_kind (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_kind (PathwayAreaOfWeakness *self, PathwayFindingKind kind);
const char *pathway_area_of_weakness_get_title (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_title (PathwayAreaOfWeakness *self, const char *title);
const char *pathway_area_of_weakness_get_finding (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_finding (PathwayAreaOfWeakness *self, const char *finding);
const char *pathway_area_of_weakness_get_commitment (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_commitment (PathwayAreaOfWeakness *self, const char *commitment);
int pathway_area_of_weakness_get_position (PathwayAreaOfWeakness *self);
void pathway_area_of_weakness_set_position (PathwayAreaOfWeakness *self, int position);

/* What the inspectors found and what the area is doing about it, in plain words for families. */
const char *pathway_area_of_weakness_get_public_summary (PathwayAreaOfWeakness *self);

G_END_DECLS
