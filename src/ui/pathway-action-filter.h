/* pathway-action-filter.h: which of a programme's actions the tracker shows, and the keys it
 * sorts them by. The tracker view and the filter benchmark build the same chain on it:
 *
 *   pathway_action_filter_get_actions ()   the programme's actions, each announced again
 *     |                                     (items-changed of one) after it changes
 *   GtkFilterListModel                     this filter
 *     |
 *   GtkSortListModel                       sorters from pathway_action_filter_create_sorter ()
 *
 * Everything a row is tested or compared on is worked out once per action and kept until the
 * action (or a workstream, person, area or the rating scheme) changes, so a keystroke costs a
 * strstr per action and a sort a strcmp per comparison. When the commentary's dates are first
 * asked for, the dates of every action's are read from the document's history in one query,
 * and read again (once, before the changed rows are announced) after a commentary changes.
 *
 * Signal "choices-changed" (no arguments): the workstreams, people, areas, themes or rating
 * words that filters can offer may have changed. Emitted from an idle, once for many changes. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-document.h"
#include "pathway-model.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_ACTION_COLUMN_REFERENCE,
  PATHWAY_ACTION_COLUMN_DESCRIPTION,
  PATHWAY_ACTION_COLUMN_WORKSTREAM,
  PATHWAY_ACTION_COLUMN_THEME,
  PATHWAY_ACTION_COLUMN_LEAD,
  PATHWAY_ACTION_COLUMN_ORIGINAL,
  PATHWAY_ACTION_COLUMN_REVISED,
  PATHWAY_ACTION_COLUMN_RATING,
  PATHWAY_ACTION_COLUMN_STATUS,
  PATHWAY_ACTION_COLUMN_LAST_UPDATE,
  PATHWAY_ACTION_COLUMN_COMMENTARY,
} PathwayActionColumn;
#define PATHWAY_N_ACTION_COLUMNS 11

#define PATHWAY_TYPE_ACTION_FILTER (pathway_action_filter_get_type ())
G_DECLARE_FINAL_TYPE (PathwayActionFilter, pathway_action_filter, PATHWAY, ACTION_FILTER,
                      GtkFilter)

PathwayActionFilter *pathway_action_filter_new (void);

/* The programme whose actions are filtered, or NULL. Setting another one clears the criteria
 * that name its workstreams, people, areas and themes. */
void pathway_action_filter_set_programme (PathwayActionFilter *self,
                                          PathwayProgramme    *programme);
PathwayProgramme *pathway_action_filter_get_programme (PathwayActionFilter *self);
/* The model at the bottom of the chain (transfer none). Items: PathwayAction. */
GListModel *pathway_action_filter_get_actions (PathwayActionFilter *self);

/* A sorter over the keys of one column, ties broken by reference (transfer full). */
GtkSorter *pathway_action_filter_create_sorter (PathwayActionFilter *self,
                                                PathwayActionColumn  column);
/* "14 July 2025", the local date of the action's last update; "" when it has none. Kept with
 * the action's keys, so a row can show it without making it. */
const char *pathway_action_filter_get_last_update_text (PathwayActionFilter *self,
                                                        PathwayAction       *action);
/* The document whose history says when each commentary was written (NULL: none known). */
void pathway_action_filter_set_document (PathwayActionFilter *self,
                                         PathwayDocument     *document);
/* "12 Nov 2026", the local day the action's current commentary was written; "" when it has
 * none or no document is set. */
const char *pathway_action_filter_get_commentary_date_text (PathwayActionFilter *self,
                                                            PathwayAction       *action);
/* Reads the commentary's dates now if they are wanted later, so that showing them costs no
 * query while rows are bound. */
void pathway_action_filter_load_commentary_dates (PathwayActionFilter *self);
/* Why the search shows the action when some word of it is found only in text no column shown
 * holds (the commentary with its column hidden, the recovery plan, the success measure...):
 * "Matched in the recovery plan: …the words around it…", the found text at bytes
 * [*match_start, *match_end) of it. NULL when there is no search or every word is found in a
 * column shown. shown_columns: bits (1 << PathwayActionColumn) of the columns shown. */
char *pathway_action_filter_dup_match_reason (PathwayActionFilter *self,
                                              PathwayAction       *action,
                                              guint                shown_columns,
                                              guint               *match_start,
                                              guint               *match_end);

/* Criteria. Each change refilters once. */

/* Words, all of which must appear (any case) in the reference, description, lead's name,
 * commentary, theme, recovery plan or success measure. NULL or blank: no search. */
void pathway_action_filter_set_search (PathwayActionFilter *self, const char *text);
const char *pathway_action_filter_get_search (PathwayActionFilter *self);
/* Bits (1 << PathwayRating) of the ratings shown; 0: every rating. */
void pathway_action_filter_set_ratings (PathwayActionFilter *self, guint ratings);
guint pathway_action_filter_get_ratings (PathwayActionFilter *self);
void pathway_action_filter_set_workstream (PathwayActionFilter *self,
                                           PathwayWorkstream   *workstream);
PathwayWorkstream *pathway_action_filter_get_workstream (PathwayActionFilter *self);
/* Exactly this theme; NULL: every theme. */
void pathway_action_filter_set_theme (PathwayActionFilter *self, const char *theme);
const char *pathway_action_filter_get_theme (PathwayActionFilter *self);
void pathway_action_filter_set_lead (PathwayActionFilter *self, PathwayPerson *lead);
PathwayPerson *pathway_action_filter_get_lead (PathwayActionFilter *self);
void pathway_action_filter_set_area (PathwayActionFilter *self, PathwayAreaOfWeakness *area);
PathwayAreaOfWeakness *pathway_action_filter_get_area (PathwayActionFilter *self);
/* Only actions past their due date and not complete. */
void pathway_action_filter_set_overdue_only (PathwayActionFilter *self, gboolean overdue_only);
gboolean pathway_action_filter_get_overdue_only (PathwayActionFilter *self);
/* Only actions not complete and without an update for more than the stale days. */
void pathway_action_filter_set_stale_only (PathwayActionFilter *self, gboolean stale_only);
gboolean pathway_action_filter_get_stale_only (PathwayActionFilter *self);
void pathway_action_filter_set_stale_days (PathwayActionFilter *self, guint days);
guint pathway_action_filter_get_stale_days (PathwayActionFilter *self);
/* The day overdue and stale are judged on; NULL: today's local date, read afresh whenever
 * either criterion is set. */
void pathway_action_filter_set_today (PathwayActionFilter *self, const GDate *today);
/* That day, for a row that says whether its action is overdue as the filter would judge it. */
const GDate *pathway_action_filter_get_today (PathwayActionFilter *self);
/* Whether any criterion is set. */
gboolean pathway_action_filter_get_active (PathwayActionFilter *self);
/* Clears every criterion with one refilter. */
void pathway_action_filter_reset (PathwayActionFilter *self);

G_END_DECLS
