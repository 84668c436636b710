/* pathway-document-load.c: reads a programme from the file into model objects.
 *
 * Only what the views show at once is loaded: the programme, its rating scheme, areas,
 * people, workstreams, actions (with their latest timescale revision), indicators and boards.
 * An action's history, evidence and an indicator's readings are queried when shown, so a file
 * with years of history opens as fast as a new one. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-document-private.h"
#include "pathway-record-private.h"

typedef void (*AttachFunc) (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt,
                            int extra_column);

/* Runs "SELECT id, <columns> <extra> FROM <table> <tail>" and makes one object per row. */
static gboolean
load_table (PathwayDocument *self, GType type, const char *extra, const char *tail,
            AttachFunc attach, GError **error)
{
  const PathwayTable *table = pathway_document_table_for (type);
  g_autofree char *columns = pathway_document_column_list (table);
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s%s FROM %s %s", columns,
                                          extra ? extra : "", table->table, tail ? tail : "");
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the programme"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GObject) object = g_object_new (type, "id", sqlite3_column_int64 (stmt, 0),
                                                 NULL);
      int extra_column = pathway_document_fill_object (self, object, table, stmt, 1);

      attach (self, object, stmt, extra_column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the programme"));
      return FALSE;
    }
  return TRUE;
}

static void
attach_area (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_area (self->programme, PATHWAY_AREA_OF_WEAKNESS (object));
}

static void
attach_person (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_person (self->programme, PATHWAY_PERSON (object));
}

static void
attach_workstream (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_workstream (self->programme, PATHWAY_WORKSTREAM (object));
}

static void
attach_member (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  PathwayWorkstream *workstream =
    pathway_programme_find_workstream (self->programme, sqlite3_column_int64 (stmt, extra));

  if (workstream != NULL)
    pathway_workstream_add_member (workstream, PATHWAY_MEMBER (object));
}

static void
attach_action (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_action (self->programme, PATHWAY_ACTION (object));
}

static void
attach_indicator (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_indicator (self->programme, PATHWAY_INDICATOR (object));
}

static void
attach_board (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  pathway_programme_add_board (self->programme, PATHWAY_BOARD (object));
}

static void
attach_meeting (PathwayDocument *self, GObject *object, sqlite3_stmt *stmt, int extra)
{
  PathwayBoard *board =
    pathway_programme_find_board (self->programme,
                                  pathway_meeting_get_board_id (PATHWAY_MEETING (object)));

  if (board != NULL)
    pathway_board_add_meeting (board, PATHWAY_MEETING (object));
}

static gboolean
load_programme_row (PathwayDocument *self, GError **error)
{
  const PathwayTable *table = pathway_document_table_for (PATHWAY_TYPE_PROGRAMME);
  g_autofree char *columns = pathway_document_column_list (table);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM programme WHERE id = 1", columns);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      _pathway_programme_set_id (self->programme, 1);
      pathway_document_fill_object (self, G_OBJECT (self->programme), table, stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                 _("The file has no programme in it."));
  else
    pathway_db_set_error (error, self->db->handle, rc, _("reading the programme"));
  return FALSE;
}

static gboolean
load_rating_scheme (PathwayDocument *self, GError **error)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathway_db_prepare (self->db,
                             "SELECT rating, label, definition, in_use FROM rating_scheme",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwayRating rating = pathway_rating_from_nick (pathway_db_column_text (stmt, 0));

      if (rating == PATHWAY_RATING_NONE)
        continue;
      _pathway_rating_scheme_set_label (scheme, rating, pathway_db_column_text (stmt, 1));
      _pathway_rating_scheme_set_definition (scheme, rating, pathway_db_column_text (stmt, 2));
      if (rating == PATHWAY_RATING_BLUE)
        _pathway_rating_scheme_set_uses_blue (scheme, sqlite3_column_int (stmt, 3) != 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the rating scheme"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_links (PathwayDocument *self, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathway_db_prepare (self->db,
                             "SELECT workstream_id, area_id FROM workstream_area"
                             " ORDER BY workstream_id, area_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwayWorkstream *workstream =
        pathway_programme_find_workstream (self->programme, sqlite3_column_int64 (stmt, 0));
      PathwayAreaOfWeakness *area =
        pathway_programme_find_area (self->programme, sqlite3_column_int64 (stmt, 1));

      if (workstream != NULL && area != NULL)
        pathway_workstream_add_area (workstream, area);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the programme"));
      return FALSE;
    }
  return TRUE;
}

/* The revised timescale of an action is its latest revision that was not withdrawn. */
static gboolean
load_revised_timescales (PathwayDocument *self, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathway_db_prepare (self->db,
                             "SELECT action_id, text, date, precision FROM timescale_revision"
                             " WHERE withdrawn = 0 ORDER BY action_id, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwayAction *action =
        pathway_programme_find_action (self->programme, sqlite3_column_int64 (stmt, 0));
      GDate date;
      gboolean dated;
      g_autoptr (PathwayTimescale) timescale = NULL;

      if (action == NULL)
        continue;
      dated = pathway_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &date);
      timescale = pathway_timescale_new (pathway_db_column_text (stmt, 1), dated ? &date : NULL,
                                         dated ? pathway_precision_from_nick (pathway_db_column_text (stmt,
                                                                                              3))
                                               : PATHWAY_PRECISION_NONE);
      pathway_action_set_revised_timescale (action, timescale);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading timescale revisions"));
      return FALSE;
    }
  return TRUE;
}

PathwayProgramme *
pathway_document_load_programme (PathwayDocument *self, GError **error)
{
  g_autoptr (PathwayProgramme) previous = g_steal_pointer (&self->programme);
  g_autoptr (PathwayProgramme) programme = NULL;
  gboolean ok;

  /* The loaders resolve references through self->programme while it fills. */
  self->programme = pathway_programme_new ();
  ok = load_programme_row (self, error) &&
       load_rating_scheme (self, error) &&
       load_table (self, PATHWAY_TYPE_AREA_OF_WEAKNESS, NULL, "ORDER BY position, id",
                   attach_area, error) &&
       load_table (self, PATHWAY_TYPE_PERSON, NULL, "ORDER BY id", attach_person, error) &&
       load_table (self, PATHWAY_TYPE_WORKSTREAM, NULL, "ORDER BY code, id", attach_workstream,
                   error) &&
       load_table (self, PATHWAY_TYPE_MEMBER, ", workstream_id", "ORDER BY id", attach_member,
                   error) &&
       load_links (self, error) &&
       load_table (self, PATHWAY_TYPE_ACTION, NULL, "WHERE deleted = 0 ORDER BY id",
                   attach_action, error) &&
       load_revised_timescales (self, error) &&
       load_table (self, PATHWAY_TYPE_INDICATOR, NULL, "ORDER BY position, id",
                   attach_indicator, error) &&
       load_table (self, PATHWAY_TYPE_BOARD, NULL, "ORDER BY id", attach_board, error) &&
       load_table (self, PATHWAY_TYPE_MEETING, NULL, "ORDER BY date, id", attach_meeting, error);

  programme = g_steal_pointer (&self->programme);
  self->programme = g_steal_pointer (&previous);
  return ok ? g_steal_pointer (&programme) : NULL;
}
