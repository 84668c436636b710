/* pathway-document-query.c: what the file can tell beyond the loaded model: an action's
 * history, revisions and evidence, an indicator's readings, how every action stood on a
 * past date, counts by rating at each month end, and the file's own checks.
 *
 * "As at" answers come from the history alone: every action's first updates record how it
 * started (see write_new_action), so folding the updates up to a moment gives its state. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-document-private.h"

static gboolean
usable (PathwayDocument *self, GError **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED, _("The programme is closed."));
  return FALSE;
}

GListModel *
pathway_document_query_objects (PathwayDocument *self, GType type, const char *where,
                                gint64 id, const char *order, GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (type);
  g_autofree char *columns = pathway_document_column_list (kind);
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s ORDER BY %s",
                                          columns, kind->table, where, order);
  g_autoptr (GListStore) store = g_list_store_new (type);
  sqlite3_stmt *stmt;
  int rc;

  if (!usable (self, error))
    return NULL;
  stmt = pathway_db_prepare (self->db, g_intern_string (sql), error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GObject) object = g_object_new (type, "id", sqlite3_column_int64 (stmt, 0),
                                                 NULL);

      pathway_document_fill_object (self, object, kind, stmt, 1);
      g_list_store_append (store, object);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the file"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static GListModel *
list_objects (PathwayDocument *self, GType type, const char *key, gint64 id, const char *order,
              GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s = ?1", key);

  return pathway_document_query_objects (self, type, where, id, order, error);
}

GListModel *
pathway_document_list_revisions (PathwayDocument *self, PathwayAction *action, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return list_objects (self, PATHWAY_TYPE_TIMESCALE_REVISION, "withdrawn = 0 AND action_id",
                       pathway_action_get_id (action), "id", error);
}

GListModel *
pathway_document_list_evidence (PathwayDocument *self, PathwayAction *action, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return list_objects (self, PATHWAY_TYPE_EVIDENCE, "retired = 0 AND action_id",
                       pathway_action_get_id (action), "date, id", error);
}

GListModel *
pathway_document_list_readings (PathwayDocument *self, PathwayIndicator *indicator,
                                GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return list_objects (self, PATHWAY_TYPE_READING, "retired = 0 AND indicator_id",
                       pathway_indicator_get_id (indicator), "date, id", error);
}

GListModel *
pathway_document_list_milestones (PathwayDocument *self, PathwayIndicator *indicator,
                                  GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return list_objects (self, PATHWAY_TYPE_MILESTONE, "retired = 0 AND indicator_id",
                       pathway_indicator_get_id (indicator), "date, id", error);
}

static GListModel *
list_updates (PathwayDocument *self, const char *sql, const char *kind, gint64 id,
              GError **error)
{
  g_autoptr (GListStore) store = g_list_store_new (PATHWAY_TYPE_ACTION_UPDATE);
  sqlite3_stmt *stmt;
  int rc;

  if (!usable (self, error))
    return NULL;
  stmt = pathway_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (kind != NULL)
    pathway_db_bind_text (stmt, 2, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) at = pathway_date_time_from_unix (sqlite3_column_int64 (stmt, 2));
      /* Only a change dated in the past has a second time: when it was written. */
      g_autoptr (GDateTime) recorded =
        sqlite3_column_type (stmt, 10) == SQLITE_NULL
          ? NULL : pathway_date_time_from_unix (sqlite3_column_int64 (stmt, 10));
      PathwayField field = sqlite3_column_int (stmt, 4);
      g_autoptr (PathwayActionUpdate) update = NULL;

      if (field > PATHWAY_FIELD_NOTE)
        field = PATHWAY_FIELD_TEXT;
      update = g_object_new (PATHWAY_TYPE_ACTION_UPDATE,
                             "id", sqlite3_column_int64 (stmt, 0),
                             "action-id", sqlite3_column_int64 (stmt, 1),
                             "at", at,
                             "author", pathway_db_column_text (stmt, 3),
                             "field", field,
                             "from-value", pathway_db_column_text (stmt, 5),
                             "to-value", pathway_db_column_text (stmt, 6),
                             "note", pathway_db_column_text (stmt, 7),
                             "meeting-id", sqlite3_column_int64 (stmt, 8),
                             "property", pathway_db_column_text (stmt, 9),
                             "recorded", recorded,
                             NULL);
      g_list_store_append (store, update);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
pathway_document_list_updates (PathwayDocument *self, PathwayAction *action, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), NULL);
  return pathway_document_list_changes (self, action, error);
}

GListModel *
pathway_document_list_meeting_updates (PathwayDocument *self, PathwayMeeting *meeting,
                                       GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_MEETING (meeting), NULL);
  return list_updates (self,
                       "SELECT id, record_id, at, author, field, from_value, to_value, note,"
                       " meeting_id, property, recorded_at FROM change_log"
                       " WHERE meeting_id = ?1 AND kind = 'action' ORDER BY at, id",
                       NULL, pathway_meeting_get_id (meeting), error);
}

GListModel *
pathway_document_list_changes (PathwayDocument *self, gpointer record, GError **error)
{
  const PathwayKind *kind;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  g_return_val_if_fail (kind != NULL, NULL);
  return list_updates (self,
                       "SELECT id, record_id, at, author, field, from_value, to_value, note,"
                       " meeting_id, property, recorded_at FROM change_log"
                       " WHERE record_id = ?1 AND kind = ?2 ORDER BY at, id",
                       kind->name, pathway_record_get_id (record), error);
}

/* The first moment after the end of 'date', by the local clock: an edit made at 00:30 on
 * 1 June in British Summer Time belongs to June, not May. */
static gint64
end_of_day (const GDate *date)
{
  GDate next = *date;
  g_autoptr (GDateTime) start = NULL;

  g_date_add_days (&next, 1);
  start = g_date_time_new_local (g_date_get_year (&next), g_date_get_month (&next),
                                 g_date_get_day (&next), 0, 0, 0);
  return g_date_time_to_unix (start);
}

static void
clear_state (gpointer data)
{
  PathwayActionState *state = data;

  g_clear_pointer (&state->commentary, g_free);
}

GArray *
pathway_document_states_as_at (PathwayDocument *self, const GDate *date, GError **error)
{
  g_autoptr (GArray) states = NULL;
  PathwayActionState current = { 0 };
  gboolean exists = FALSE, deleted = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!usable (self, error))
    return NULL;
  states = g_array_new (FALSE, TRUE, sizeof (PathwayActionState));
  g_array_set_clear_func (states, clear_state);

  stmt = pathway_db_prepare (self->db,
                             "SELECT record_id, field, to_value, at FROM change_log"
                             " WHERE kind = 'action' AND at < ?1 AND field IN (0, 1, 2, 4, 5)"
                             " ORDER BY record_id, at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, end_of_day (date));

  /* Rows come grouped by action: fold each group, keep it when the action stood then. */
  for (;;)
    {
      gint64 action_id = 0;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        action_id = sqlite3_column_int64 (stmt, 0);
      if (current.action_id != 0 && (rc != SQLITE_ROW || action_id != current.action_id))
        {
          if (exists && !deleted)
            g_array_append_val (states, current);
          else
            g_free (current.commentary);
          memset (&current, 0, sizeof current);
          exists = deleted = FALSE;
        }
      if (rc != SQLITE_ROW)
        break;

      current.action_id = action_id;
      switch (sqlite3_column_int (stmt, 1))
        {
        case PATHWAY_FIELD_CREATED:
          exists = TRUE;
          break;
        case PATHWAY_FIELD_RATING:
          current.rating = pathway_rating_from_nick (pathway_db_column_text (stmt, 2));
          break;
        case PATHWAY_FIELD_STATUS:
          current.status = pathway_status_from_nick (pathway_db_column_text (stmt, 2));
          break;
        case PATHWAY_FIELD_COMMENTARY:
          g_free (current.commentary);
          current.commentary = g_strdup (pathway_db_column_text (stmt, 2));
          current.commentary_at = sqlite3_column_int64 (stmt, 3);
          break;
        case PATHWAY_FIELD_DELETED:
          deleted = g_strcmp0 (pathway_db_column_text (stmt, 2), "yes") == 0;
          break;
        default:
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return NULL;
    }
  for (guint i = 0; i < states->len; i++)
    {
      PathwayActionState *state = &g_array_index (states, PathwayActionState, i);

      if (state->commentary == NULL)
        state->commentary = g_strdup ("");
    }
  return g_steal_pointer (&states);
}

GPtrArray *
pathway_document_list_needing_update (PathwayDocument *self, const GDate *since, GError **error)
{
  g_autoptr (GPtrArray) needing = NULL;
  g_autoptr (GArray) before = NULL;
  GListModel *actions;
  GDate day_before;
  guint n_actions;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (since != NULL && g_date_valid (since), NULL);

  if (!usable (self, error))
    return NULL;
  needing = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->programme == NULL)
    return g_steal_pointer (&needing);

  /* How each action stood when the day began. Comparing with now, rather than looking for
   * changes, leaves out a change that was undone, and what was changed and changed back. */
  day_before = *since;
  if (g_date_get_julian (&day_before) > 1)
    g_date_subtract_days (&day_before, 1);
  before = pathway_document_states_as_at (self, &day_before, error);
  if (before == NULL)
    return NULL;

  actions = pathway_programme_get_actions (self->programme);
  n_actions = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (actions, i);
      const PathwayActionState *state = pathway_action_states_find (before,
                                                                     pathway_action_get_id (action));

      /* An action made since began with its rating, status and commentary: it is new. */
      if (pathway_action_is_complete (action) || state == NULL)
        continue;
      if (state->rating == pathway_action_get_rating (action) &&
          state->status == pathway_action_get_status (action) &&
          g_strcmp0 (state->commentary, pathway_action_get_commentary (action)) == 0)
        g_ptr_array_add (needing, g_steal_pointer (&action));
    }
  pathway_actions_sort_by_workstream (needing);
  return g_steal_pointer (&needing);
}

const PathwayActionState *
pathway_action_states_find (GArray *states, gint64 action_id)
{
  guint low = 0, high;

  g_return_val_if_fail (states != NULL, NULL);

  /* The states come ordered by action id. */
  high = states->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const PathwayActionState *state = &g_array_index (states, PathwayActionState, middle);

      if (state->action_id == action_id)
        return state;
      if (state->action_id < action_id)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

/* Monthly counts ------------------------------------------------------------------------------ */

typedef struct {
  gint64 at;
  gint64 id;
  gint64 action_id;
  gint8 value; /* a rating, or for a deletion 1 (deleted) / 0 (restored) */
  gboolean is_deletion;
} Event;

static PathwayRating
rating_from_text (const char *nick)
{
  /* The hot loop of the monthly counts: the nicks differ in their first letter. */
  switch (nick[0])
    {
    case 'r': return PATHWAY_RATING_RED;
    case 'a': return PATHWAY_RATING_AMBER;
    case 'g': return PATHWAY_RATING_GREEN;
    case 'b': return PATHWAY_RATING_BLUE;
    default: return PATHWAY_RATING_NONE;
    }
}

static gboolean
read_deletions (PathwayDocument *self, GArray *events, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "SELECT at, id, record_id, to_value"
                                           " FROM change_log"
                                           " WHERE kind = 'action' AND field = 5"
                                           " ORDER BY at, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Event event = {
        .at = sqlite3_column_int64 (stmt, 0),
        .id = sqlite3_column_int64 (stmt, 1),
        .action_id = sqlite3_column_int64 (stmt, 2),
        .value = g_strcmp0 (pathway_db_column_text (stmt, 3), "yes") == 0,
        .is_deletion = TRUE,
      };

      g_array_append_val (events, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return FALSE;
    }
  return TRUE;
}

/* Which actions count: all, or those of one workstream (as it is now). Indexed by id. */
static GArray *
read_membership (PathwayDocument *self, gint64 workstream_id, GError **error)
{
  g_autoptr (GArray) counted = g_array_new (FALSE, TRUE, sizeof (gboolean));
  sqlite3_stmt *stmt = pathway_db_prepare (self->db, "SELECT id, workstream_id FROM action",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id <= 0 || id > G_MAXINT32)
        continue;
      if ((guint) id >= counted->len)
        g_array_set_size (counted, id + 1);
      g_array_index (counted, gboolean, id) =
        workstream_id == 0 || sqlite3_column_int64 (stmt, 1) == workstream_id;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return NULL;
    }
  return g_steal_pointer (&counted);
}

typedef struct {
  GArray *counted;  /* gboolean by action id */
  gint8 *rating;    /* by action id; -1 before the action existed */
  gboolean *deleted;
  guint counts[PATHWAY_N_RATINGS];
} Tally;

static void
tally_apply (Tally *tally, const Event *event)
{
  gint64 id = event->action_id;
  gboolean live_before, live_after;
  gint8 before;

  if (id <= 0 || (guint64) id >= tally->counted->len ||
      !g_array_index (tally->counted, gboolean, id))
    return;
  before = tally->rating[id];
  live_before = before >= 0 && !tally->deleted[id];
  if (event->is_deletion)
    tally->deleted[id] = event->value;
  else
    tally->rating[id] = event->value;
  live_after = tally->rating[id] >= 0 && !tally->deleted[id];
  if (live_before)
    tally->counts[before]--;
  if (live_after)
    tally->counts[tally->rating[id]]++;
}

static void
append_month (GArray *months, const GDate *month_end, const Tally *tally)
{
  PathwayMonthCounts entry = { 0 };

  entry.month_end = *month_end;
  memcpy (entry.counts, tally->counts, sizeof entry.counts);
  g_array_append_val (months, entry);
}

static void
month_end_of (GDate *date, GDateYear year, GDateMonth month)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
}

GArray *
pathway_document_monthly_counts (PathwayDocument *self, PathwayWorkstream *workstream,
                                 const GDate *until, GError **error)
{
  g_autoptr (GArray) months = g_array_new (FALSE, TRUE, sizeof (PathwayMonthCounts));
  g_autoptr (GArray) deletions = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autoptr (GArray) counted = NULL;
  g_autofree gint8 *ratings = NULL;
  g_autofree gboolean *deleted = NULL;
  Tally tally = { 0 };
  GDate last, month_end;
  gint64 first_at, boundary;
  guint next_deletion = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);

  if (!usable (self, error))
    return NULL;
  if (until != NULL && g_date_valid (until))
    last = *until;
  else
    {
      g_autoptr (GDateTime) clock = pathway_document_dup_now (self);
      g_autoptr (GDateTime) now = g_date_time_to_local (clock);

      g_date_clear (&last, 1);
      g_date_set_dmy (&last, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  first_at = pathway_db_query_int (self->db,
                                   "SELECT at FROM change_log"
                                   " WHERE kind = 'action' AND field = 1"
                                   " ORDER BY at LIMIT 1", error);
  if (first_at < 0)
    return error && *error ? NULL : g_steal_pointer (&months);

  counted = read_membership (self, workstream ? pathway_workstream_get_id (workstream) : 0,
                             error);
  if (counted == NULL || !read_deletions (self, deletions, error))
    return NULL;
  tally.counted = counted;
  ratings = g_new (gint8, counted->len + 1);
  memset (ratings, -1, counted->len + 1);
  deleted = g_new0 (gboolean, counted->len + 1);
  tally.rating = ratings;
  tally.deleted = deleted;

  {
    g_autoptr (GDateTime) first = g_date_time_new_from_unix_local (first_at);

    month_end_of (&month_end, g_date_time_get_year (first), g_date_time_get_month (first));
  }
  boundary = end_of_day (&month_end);

  stmt = pathway_db_prepare (self->db,
                             "SELECT at, id, record_id, to_value FROM change_log"
                             " WHERE kind = 'action' AND field = 1 ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;

  /* One pass in time order over rating changes, merged with the few deletions; each time a
   * month ends, the running counts are that month's. */
  for (;;)
    {
      Event event = { 0 };
      gboolean have;

      rc = sqlite3_step (stmt);
      have = rc == SQLITE_ROW;
      if (have)
        {
          event.at = sqlite3_column_int64 (stmt, 0);
          event.id = sqlite3_column_int64 (stmt, 1);
          event.action_id = sqlite3_column_int64 (stmt, 2);
          event.value = rating_from_text (pathway_db_column_text (stmt, 3));
        }

      while (next_deletion < deletions->len)
        {
          const Event *d = &g_array_index (deletions, Event, next_deletion);

          if (have && (d->at > event.at || (d->at == event.at && d->id > event.id)))
            break;
          while (d->at >= boundary && g_date_compare (&month_end, &last) <= 0)
            {
              append_month (months, &month_end, &tally);
              g_date_add_days (&month_end, 1);
              month_end_of (&month_end, g_date_get_year (&month_end),
                            g_date_get_month (&month_end));
              boundary = end_of_day (&month_end);
            }
          tally_apply (&tally, d);
          next_deletion++;
        }
      if (!have)
        break;

      while (event.at >= boundary && g_date_compare (&month_end, &last) <= 0)
        {
          append_month (months, &month_end, &tally);
          g_date_add_days (&month_end, 1);
          month_end_of (&month_end, g_date_get_year (&month_end),
                        g_date_get_month (&month_end));
          boundary = end_of_day (&month_end);
        }
      if (g_date_compare (&month_end, &last) > 0 &&
          !(g_date_get_year (&month_end) == g_date_get_year (&last) &&
            g_date_get_month (&month_end) == g_date_get_month (&last)))
        break;
      tally_apply (&tally, &event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return NULL;
    }

  /* The months after the last change, up to and including the month of 'until'. */
  while (g_date_get_year (&month_end) < g_date_get_year (&last) ||
         (g_date_get_year (&month_end) == g_date_get_year (&last) &&
          g_date_get_month (&month_end) <= g_date_get_month (&last)))
    {
      append_month (months, &month_end, &tally);
      g_date_add_days (&month_end, 1);
      month_end_of (&month_end, g_date_get_year (&month_end), g_date_get_month (&month_end));
    }
  return g_steal_pointer (&months);
}

/* Checks --------------------------------------------------------------------------------------- */

static void
collect (PathwayDocument *self, const char *sql, GPtrArray *problems, const char *what,
         gboolean *clean)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    {
      g_autoptr (GString) line = g_string_new (what);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (line, "%s%s", i ? ", " : ": ",
                                pathway_db_column_text (stmt, i));
      if (g_str_equal (line->str, "integrity: ok"))
        continue;
      *clean = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems, g_string_free (g_steal_pointer (&line), FALSE));
    }
  if (rc != SQLITE_DONE)
    {
      *clean = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %s", what,
                                                    sqlite3_errmsg (self->db->handle)));
    }
  sqlite3_finalize (stmt);
}

gboolean
pathway_document_check (PathwayDocument *self, GPtrArray *problems, GError **error)
{
  gboolean clean = TRUE;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (!usable (self, error))
    return FALSE;
  collect (self, "PRAGMA integrity_check", problems, "integrity", &clean);
  collect (self, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
           problems, "broken reference (table, row, refers to)", &clean);
  collect (self, "SELECT 'programme row missing' WHERE NOT EXISTS (SELECT 1 FROM programme)",
           problems, "schema", &clean);
  collect (self, "SELECT id, reference, rating FROM action"
                 " WHERE rating NOT IN ('none', 'red', 'amber', 'green', 'blue')",
           problems, "unknown rating (action, reference, rating)", &clean);
  collect (self, "SELECT id, reference, status FROM action WHERE status NOT IN"
                 " ('not-started', 'on-track', 'delayed', 'complete', 'suspended')",
           problems, "unknown status (action, reference, status)", &clean);
  /* NOT IN, not a correlated NOT EXISTS: SQLite answered that with change_log_by_field
   * (kind, field), which covers it, scanning every creation for each action, so the check
   * grew with the square of the actions (over 300 s at 100,000). The list is read once
   * from that index into a temporary b-tree, then each action is looked up in it.
   * record_id is NOT NULL, so NOT IN means the same as NOT EXISTS. */
  collect (self, "SELECT a.id, a.reference FROM action a WHERE a.id NOT IN"
                 " (SELECT u.record_id FROM change_log u"
                 "  WHERE u.kind = 'action' AND u.field = 0)",
           problems, "action without its creation in the history (action, reference)",
           &clean);
  return clean;
}

guint
pathway_document_count_recorded_after (PathwayDocument *self, const GDate *date, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 end;
  guint count = 0;
  int rc;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  end = end_of_day (date);
  stmt = pathway_db_prepare (self->db,
                             "SELECT count(*) FROM change_log WHERE recorded_at IS NOT NULL"
                             " AND at < ?1 AND recorded_at >= ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
  return count;
}
