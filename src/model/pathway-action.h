/* pathway-action.h: one action of the plan: what will be done (reference and description), for
 * which area of weakness, in which workstream and theme, led by whom, by when (the original
 * timescale, which never changes, and the revised one), its delivery status, the rating the
 * board agreed, how success is measured, the progress commentary and, for an action off track,
 * the recovery plan. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACTION (pathway_action_get_type ())

G_DECLARE_FINAL_TYPE (PathwayAction, pathway_action, PATHWAY, ACTION, GObject)

PathwayAction *pathway_action_new (void);

gint64 pathway_action_get_id (PathwayAction *self);
const char *pathway_action_get_reference (PathwayAction *self);
void pathway_action_set_reference (PathwayAction *self, const char *reference);
const char *pathway_action_get_description (PathwayAction *self);
void pathway_action_set_description (PathwayAction *self, const char *description);
PathwayAreaOfWeakness *pathway_action_get_area (PathwayAction *self);
void pathway_action_set_area (PathwayAction *self, PathwayAreaOfWeakness *area);
PathwayWorkstream *pathway_action_get_workstream (PathwayAction *self);
void pathway_action_set_workstream (PathwayAction *self, PathwayWorkstream *workstream);
const char *pathway_action_get_theme (PathwayAction *self);
void pathway_action_set_theme (PathwayAction *self, const char *theme);
PathwayPerson *pathway_action_get_lead (PathwayAction *self);
void pathway_action_set_lead (PathwayAction *self, PathwayPerson *lead);
const PathwayTimescale *pathway_action_get_original_timescale (PathwayAction *self);
void pathway_action_set_original_timescale (PathwayAction *self,
                                            const PathwayTimescale *original_timescale);
const PathwayTimescale *pathway_action_get_revised_timescale (PathwayAction *self);
void pathway_action_set_revised_timescale (PathwayAction *self,
                                           const PathwayTimescale *revised_timescale);
PathwayStatus pathway_action_get_status (PathwayAction *self);
void pathway_action_set_status (PathwayAction *self, PathwayStatus status);
PathwayRating pathway_action_get_rating (PathwayAction *self);
void pathway_action_set_rating (PathwayAction *self, PathwayRating rating);
const char *pathway_action_get_success_measure (PathwayAction *self);
void pathway_action_set_success_measure (PathwayAction *self, const char *success_measure);
const char *pathway_action_get_commentary (PathwayAction *self);
void pathway_action_set_commentary (PathwayAction *self, const char *commentary);
/* What will bring a red action back on track. */
const char *pathway_action_get_recovery_plan (PathwayAction *self);
void pathway_action_set_recovery_plan (PathwayAction *self, const char *recovery_plan);
GDateTime *pathway_action_get_created (PathwayAction *self);
GDateTime *pathway_action_get_last_updated (PathwayAction *self);
gboolean pathway_action_get_deleted (PathwayAction *self);

/* Worked out from the timescales on every call, never stored, so they cannot go stale.
 * Complete means status complete or rated blue; slippage is revised minus original, in days. */
const PathwayTimescale *pathway_action_get_due_timescale (PathwayAction *self);
gboolean pathway_action_is_complete (PathwayAction *self);
gboolean pathway_action_is_overdue (PathwayAction *self, const GDate *today);
int pathway_action_get_slippage_days (PathwayAction *self);
gboolean pathway_action_has_slipped (PathwayAction *self);
/* Where the action stands against its due date on 'today', in words for people, or NULL when
 * there is nothing to say (no dated timescale, not yet due, or complete). Overdue is about the
 * timescale, and the words agree with the rating beside them: past its date and rated red,
 * amber or not at all, "Overdue by 3 months" (*warning set); rated green, which says it is on
 * track, "Due December 2025, not complete" (*warning cleared). 'warning' may be NULL. */
char *pathway_action_dup_due_words (PathwayAction *self, const GDate *today, gboolean *warning);

/* What the action is, in plain words for families, for the public version of the plan; empty
 * when it has none (the public version then leaves the action's own words out). */
const char *pathway_action_get_public_summary (PathwayAction *self);

G_END_DECLS
