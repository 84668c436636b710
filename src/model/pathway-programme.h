/* pathway-programme.h: the local area's SEND improvement programme: the written statement of
 * action (or priority action plan) agreed after the inspection, with its areas of weakness,
 * workstreams, people, actions, indicators and the boards that oversee it. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PROGRAMME (pathway_programme_get_type ())

G_DECLARE_FINAL_TYPE (PathwayProgramme, pathway_programme, PATHWAY, PROGRAMME, GObject)

PathwayProgramme *pathway_programme_new (void);

gint64 pathway_programme_get_id (PathwayProgramme *self);
const char *pathway_programme_get_name (PathwayProgramme *self);
const char *pathway_programme_get_local_area (PathwayProgramme *self);
const char *pathway_programme_get_partners (PathwayProgramme *self);
PathwayRegime pathway_programme_get_regime (PathwayProgramme *self);
const GDate *pathway_programme_get_inspection_date (PathwayProgramme *self);
const GDate *pathway_programme_get_letter_published (PathwayProgramme *self);
const GDate *pathway_programme_get_plan_agreed (PathwayProgramme *self);
const char *pathway_programme_get_vision (PathwayProgramme *self);
/* Days after which an action's commentary counts as stale, before the day it is looked at. */
#define PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS 60
int pathway_programme_get_stale_days (PathwayProgramme *self);
PathwayRatingScheme *pathway_programme_get_rating_scheme (PathwayProgramme *self);

GListModel *pathway_programme_get_areas (PathwayProgramme *self);
void pathway_programme_add_area (PathwayProgramme *self, PathwayAreaOfWeakness *area);
void pathway_programme_remove_area (PathwayProgramme *self, PathwayAreaOfWeakness *area);
GListModel *pathway_programme_get_workstreams (PathwayProgramme *self);
void pathway_programme_add_workstream (PathwayProgramme *self, PathwayWorkstream *workstream);
void pathway_programme_remove_workstream (PathwayProgramme *self, PathwayWorkstream *workstream);
GListModel *pathway_programme_get_people (PathwayProgramme *self);
void pathway_programme_add_person (PathwayProgramme *self, PathwayPerson *person);
void pathway_programme_remove_person (PathwayProgramme *self, PathwayPerson *person);
GListModel *pathway_programme_get_actions (PathwayProgramme *self);
void pathway_programme_add_action (PathwayProgramme *self, PathwayAction *action);
void pathway_programme_remove_action (PathwayProgramme *self, PathwayAction *action);
GListModel *pathway_programme_get_indicators (PathwayProgramme *self);
void pathway_programme_add_indicator (PathwayProgramme *self, PathwayIndicator *indicator);
void pathway_programme_remove_indicator (PathwayProgramme *self, PathwayIndicator *indicator);
GListModel *pathway_programme_get_boards (PathwayProgramme *self);
void pathway_programme_add_board (PathwayProgramme *self, PathwayBoard *board);
void pathway_programme_remove_board (PathwayProgramme *self, PathwayBoard *board);

/* The risk and issue log, in the order it was loaded (see pathway-kinds.c), and the entries of
 * "you said, we did". */
GListModel *pathway_programme_get_risks (PathwayProgramme *self);
void pathway_programme_add_risk (PathwayProgramme *self, PathwayRisk *risk);
void pathway_programme_remove_risk (PathwayProgramme *self, PathwayRisk *risk);
PathwayRisk *pathway_programme_find_risk (PathwayProgramme *self, gint64 id);
PathwayRisk *pathway_programme_find_risk_by_reference (PathwayProgramme *self,
                                                       const char *reference);
GListModel *pathway_programme_get_coproduction (PathwayProgramme *self);
void pathway_programme_add_coproduction (PathwayProgramme *self, PathwayCoproduction *entry);
void pathway_programme_remove_coproduction (PathwayProgramme *self,
                                            PathwayCoproduction *entry);
/* The word for a level (1 to 5) of a risk's likelihood or impact: the programme's own
 * ("likelihood-words", "impact-words": a line per level) or the usual ("Rare" ... "Almost
 * certain"; "Negligible" ... "Severe"); "" for any other level. */
const char *pathway_programme_get_likelihood_word (PathwayProgramme *self, int level);
const char *pathway_programme_get_impact_word (PathwayProgramme *self, int level);
/* Whether the public version of the plan shows ratings ("public-ratings", on by default). */
gboolean pathway_programme_get_public_ratings (PathwayProgramme *self);

/* By the id an object had when it was added; objects added with id 0 are not found. */
PathwayAreaOfWeakness *pathway_programme_find_area (PathwayProgramme *self, gint64 id);
PathwayWorkstream *pathway_programme_find_workstream (PathwayProgramme *self, gint64 id);
PathwayPerson *pathway_programme_find_person (PathwayProgramme *self, gint64 id);
PathwayAction *pathway_programme_find_action (PathwayProgramme *self, gint64 id);
PathwayIndicator *pathway_programme_find_indicator (PathwayProgramme *self, gint64 id);
PathwayBoard *pathway_programme_find_board (PathwayProgramme *self, gint64 id);
/* The board of that name in any case ("send improvement board"), or with name NULL the first
 * board; NULL when there is none. */
PathwayBoard *pathway_programme_find_board_by_name (PathwayProgramme *self, const char *name);
PathwayMeeting *pathway_programme_find_meeting (PathwayProgramme *self, gint64 id);
PathwayAction *pathway_programme_find_action_by_reference (PathwayProgramme *self,
                                                           const char *reference);
PathwayPerson *pathway_programme_find_person_by_name (PathwayProgramme *self, const char *name);
PathwayWorkstream *pathway_programme_find_workstream_by_code (PathwayProgramme *self,
                                                              const char *code);

/* Records are never erased: a retired record has left the programme's lists (and its board's
 * or workstream's) but is still found by its type and id, so what refers to it, such as the
 * board pack of an earlier date, can show it as it was. A record counts as retired when the
 * programme holds a retired record of its type and id. */
gboolean pathway_programme_is_retired (PathwayProgramme *self, gpointer record);

/* The record of that type and id: a live one (the programme itself, an area, person,
 * workstream, action, indicator or board, a meeting of a board, a member of a workstream), or
 * else a retired one of any kind; NULL if there is none, and for id 0. */
gpointer pathway_programme_find_record (PathwayProgramme *self, GType type, gint64 id);

/* Summaries leave deleted actions out; a NULL workstream means the whole programme. */
void pathway_programme_count_ratings (PathwayProgramme *self, PathwayWorkstream *workstream,
                                      guint counts[PATHWAY_N_RATINGS]);
guint pathway_programme_count_overdue (PathwayProgramme *self, PathwayWorkstream *workstream,
                                       const GDate *today);
guint pathway_programme_count_complete (PathwayProgramme *self, PathwayWorkstream *workstream);
double pathway_programme_get_share_complete (PathwayProgramme *self, PathwayWorkstream *workstream);

G_END_DECLS
