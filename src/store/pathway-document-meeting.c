/* pathway-document-meeting.c: what a board meeting is compared with and what it reviews, for
 * meeting mode and the board pack alike: the board's meeting before it, and the actions to
 * put in front of the board (red, amber and overdue ones, and those re-rated since that
 * meeting, in the plan's order), and the "you said, we did" entries of the period since that
 * meeting. Built on the document's model and its "as at" query, so
 * there is no SQL here. */
#define G_LOG_DOMAIN "pathway-store"

#include "pathway-document.h"

void
pathway_document_get_today (PathwayDocument *self, GDate *today)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));
  g_return_if_fail (today != NULL);

  now = pathway_document_dup_now (self);
  local = g_date_time_to_local (now);
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* The board's latest meeting dated before 'meeting' ('today' standing in for an undated one),
 * or NULL. Of two on the same day, the one added last. */
static PathwayMeeting *
meeting_before (PathwayProgramme *programme, PathwayMeeting *meeting, const GDate *today)
{
  PathwayBoard *board;
  const GDate *date;
  GListModel *meetings;
  PathwayMeeting *previous = NULL;

  board = pathway_programme_find_board (programme, pathway_meeting_get_board_id (meeting));
  if (board == NULL)
    return NULL;
  date = pathway_meeting_get_date (meeting);
  if (date == NULL || !g_date_valid (date))
    date = today;

  meetings = pathway_board_get_meetings (board);
  for (guint i = 0, n = g_list_model_get_n_items (meetings); i < n; i++)
    {
      g_autoptr (PathwayMeeting) other = g_list_model_get_item (meetings, i);
      const GDate *other_date = pathway_meeting_get_date (other);

      if (other == meeting || other_date == NULL || !g_date_valid (other_date)
          || g_date_compare (other_date, date) >= 0)
        continue;
      if (previous == NULL || g_date_compare (other_date, pathway_meeting_get_date (previous)) >= 0)
        previous = other;
    }
  return previous; /* the board keeps it */
}

PathwayMeeting *
pathway_document_previous_meeting (PathwayDocument *self, PathwayMeeting *meeting)
{
  GDate today;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_MEETING (meeting), NULL);

  pathway_document_get_today (self, &today);
  return meeting_before (pathway_document_get_programme (self), meeting, &today);
}

GListModel *
pathway_document_actions_to_present (PathwayDocument *self, PathwayMeeting *meeting,
                                     const GDate *today, GError **error)
{
  PathwayProgramme *programme;
  PathwayMeeting *previous = NULL;
  GListModel *all;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  GListStore *store;
  GDate day;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (meeting == NULL || PATHWAY_IS_MEETING (meeting), NULL);

  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    pathway_document_get_today (self, &day);

  programme = pathway_document_get_programme (self);
  if (meeting != NULL)
    previous = meeting_before (programme, meeting, &day);
  if (previous != NULL)
    {
      before = pathway_document_states_as_at (self, pathway_meeting_get_date (previous), error);
      if (before == NULL)
        return NULL;
    }

  all = pathway_programme_get_actions (programme);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (all, i);
      PathwayRating rating = pathway_action_get_rating (action);
      const PathwayActionState *then = NULL;

      if (pathway_action_get_deleted (action))
        continue;
      if (before != NULL)
        then = pathway_action_states_find (before, pathway_action_get_id (action));
      if (rating != PATHWAY_RATING_RED && rating != PATHWAY_RATING_AMBER
          && !pathway_action_is_overdue (action, &day) && (then == NULL || then->rating == rating))
        continue;

      g_ptr_array_add (chosen, action); /* the programme keeps it */
    }

  pathway_actions_sort_by_workstream (chosen);
  store = g_list_store_new (PATHWAY_TYPE_ACTION);
  g_list_store_splice (store, 0, 0, chosen->pdata, chosen->len);
  return G_LIST_MODEL (store);
}

/* Oldest first; of one day, in the order they were added. */
static int
compare_entries (gconstpointer a, gconstpointer b)
{
  PathwayCoproduction *first = *(PathwayCoproduction **) a;
  PathwayCoproduction *second = *(PathwayCoproduction **) b;
  int order = g_date_compare (pathway_coproduction_get_date (first),
                              pathway_coproduction_get_date (second));

  if (order != 0)
    return order;
  return pathway_coproduction_get_id (first) < pathway_coproduction_get_id (second) ? -1 : 1;
}

GListModel *
pathway_document_coproduction_to_present (PathwayDocument *self, PathwayMeeting *meeting,
                                          const GDate *today, GDate *since)
{
  PathwayProgramme *programme;
  PathwayMeeting *previous = NULL;
  const GDate *meeting_day = NULL;
  const GDate *after = NULL;
  GListModel *all;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  GListStore *store;
  GDate day;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (meeting == NULL || PATHWAY_IS_MEETING (meeting), NULL);

  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    pathway_document_get_today (self, &day);
  if (meeting != NULL)
    meeting_day = pathway_meeting_get_date (meeting);
  if (meeting_day != NULL && g_date_valid (meeting_day))
    day = *meeting_day;

  programme = pathway_document_get_programme (self);
  if (meeting != NULL)
    previous = meeting_before (programme, meeting, &day);
  if (previous != NULL)
    after = pathway_meeting_get_date (previous);

  all = pathway_programme_get_coproduction (programme);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr (PathwayCoproduction) entry = g_list_model_get_item (all, i);
      const GDate *date = pathway_coproduction_get_date (entry);

      if (date == NULL || !g_date_valid (date) || g_date_compare (date, &day) > 0)
        continue;
      g_ptr_array_add (chosen, entry); /* the programme keeps it */
    }
  g_ptr_array_sort (chosen, compare_entries);
  /* Those after the meeting before; with none, or no meeting before to count from, the latest
   * few stand for the period, as in the board pack. */
  {
    guint from = chosen->len;

    while (after != NULL && from > 0
           && g_date_compare (pathway_coproduction_get_date (g_ptr_array_index (chosen, from - 1)),
                              after) > 0)
      from--;
    if (from == chosen->len)
      {
        after = NULL;
        from = chosen->len > PATHWAY_COPRODUCTION_LATEST
                 ? chosen->len - PATHWAY_COPRODUCTION_LATEST : 0;
      }
    g_ptr_array_remove_range (chosen, 0, from);
  }
  if (since != NULL)
    {
      g_date_clear (since, 1);
      if (after != NULL)
        *since = *after;
    }

  store = g_list_store_new (PATHWAY_TYPE_COPRODUCTION);
  g_list_store_splice (store, 0, 0, chosen->pdata, chosen->len);
  return G_LIST_MODEL (store);
}
