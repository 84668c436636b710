/* pathway-coproduction.h: an entry of "you said, we did": what parent carers, young people,
 * schools or a survey told the programme, what it will do about it, and what it did or why
 * not. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_COPRODUCTION (pathway_coproduction_get_type ())

G_DECLARE_FINAL_TYPE (PathwayCoproduction, pathway_coproduction, PATHWAY, COPRODUCTION, GObject)

PathwayCoproduction *pathway_coproduction_new (void);

gint64 pathway_coproduction_get_id (PathwayCoproduction *self);
/* When they said it (the meeting, or the day a survey closed). */
const GDate *pathway_coproduction_get_date (PathwayCoproduction *self);
void pathway_coproduction_set_date (PathwayCoproduction *self, const GDate *date);
PathwayAudience pathway_coproduction_get_audience (PathwayCoproduction *self);
void pathway_coproduction_set_audience (PathwayCoproduction *self, PathwayAudience audience);
/* Who in the area's words ("Parent carer forum steering group"). */
const char *pathway_coproduction_get_who (PathwayCoproduction *self);
void pathway_coproduction_set_who (PathwayCoproduction *self, const char *who);
/* A survey's count of responses; 0 otherwise. */
int pathway_coproduction_get_responses (PathwayCoproduction *self);
void pathway_coproduction_set_responses (PathwayCoproduction *self, int responses);
/* What they said ("you said"). */
const char *pathway_coproduction_get_said (PathwayCoproduction *self);
void pathway_coproduction_set_said (PathwayCoproduction *self, const char *said);
/* What the programme will do about it. */
const char *pathway_coproduction_get_will_do (PathwayCoproduction *self);
void pathway_coproduction_set_will_do (PathwayCoproduction *self, const char *will_do);
/* What was done ("we did"), or why not. */
const char *pathway_coproduction_get_did (PathwayCoproduction *self);
void pathway_coproduction_set_did (PathwayCoproduction *self, const char *did);
PathwayResponseStatus pathway_coproduction_get_status (PathwayCoproduction *self);
void pathway_coproduction_set_status (PathwayCoproduction *self, PathwayResponseStatus status);
/* Linked actions' references and areas' numbers, comma-separated. */
const char *pathway_coproduction_get_actions (PathwayCoproduction *self);
void pathway_coproduction_set_actions (PathwayCoproduction *self, const char *actions);
const char *pathway_coproduction_get_areas (PathwayCoproduction *self);
void pathway_coproduction_set_areas (PathwayCoproduction *self, const char *areas);
/* Whether the entry may appear in the public version of the plan. */
gboolean pathway_coproduction_get_public (PathwayCoproduction *self);
/* Who said it, in words: the audience with who in the area's words, a survey with its
 * responses: "Parent carer forum · Steering group", "Survey, 212 responses · Annual survey". */
char *pathway_coproduction_dup_heard_from (PathwayCoproduction *self);
void pathway_coproduction_set_public (PathwayCoproduction *self, gboolean public);

G_END_DECLS
