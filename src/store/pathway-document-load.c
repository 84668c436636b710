/* pathway-document-load.c: reads a programme from the file into model objects.
 *
 * Only what the views show at once is loaded: the programme, its rating scheme, and the kinds
 * whose description says so (areas, people, workstreams and their members, actions with their
 * latest timescale revision, indicators, boards and their meetings), retired ones included.
 * An action's history, evidence and an indicator's readings are queried when shown, so a file
 * with years of history opens as fast as a new one. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-document-private.h"
#include "pathway-record-private.h"

/* Reads every row of a kind's table, retired ones included: a live record joins its owner's
 * lists, a retired one the programme's retired records, where "as at" answers find it. */
static gboolean
load_kind (PathwayDocument *self, const PathwayKind *kind, GError **error)
{
  g_autofree char *columns = pathway_document_column_list (kind);
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s, %s FROM %s ORDER BY %s", columns,
                                          kind->retired, kind->table, kind->order);
  const PathwayColumn *owner_column = pathway_kind_owner_column (kind);
  GType owner_type = kind->owner ? pathway_kind_get_record_type (pathway_kind_lookup (kind->owner))
                                 : G_TYPE_INVALID;
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
      g_autoptr (GObject) object = g_object_new (kind->get_type (),
                                                 "id", sqlite3_column_int64 (stmt, 0), NULL);
      int retired_column = pathway_document_fill_object (self, object, kind, stmt, 1);
      gpointer owner = NULL;

      if (owner_column != NULL)
        {
          gint64 owner_id = 0;

          g_object_get (object, owner_column->property, &owner_id, NULL);
          owner = pathway_programme_find_record (self->programme, owner_type, owner_id);
        }
      if (sqlite3_column_int (stmt, retired_column) != 0)
        _pathway_programme_add_retired (self->programme, object);
      else
        kind->attach (self->programme, owner, object, TRUE);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the programme"));
      return FALSE;
    }
  return TRUE;
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
      /* Retired ones too: a workstream keeps the areas it addressed. */
      PathwayWorkstream *workstream =
        pathway_programme_find_record (self->programme, PATHWAY_TYPE_WORKSTREAM,
                                       sqlite3_column_int64 (stmt, 0));
      PathwayAreaOfWeakness *area =
        pathway_programme_find_record (self->programme, PATHWAY_TYPE_AREA_OF_WEAKNESS,
                                       sqlite3_column_int64 (stmt, 1));

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
      /* A deleted action keeps its revised timescale for packs as at earlier days. */
      PathwayAction *action =
        pathway_programme_find_record (self->programme, PATHWAY_TYPE_ACTION,
                                       sqlite3_column_int64 (stmt, 0));
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
  guint n_kinds;
  const PathwayKind *const *kinds = pathway_kinds_all (&n_kinds);
  gboolean ok;

  /* The loaders resolve references through self->programme while it fills. */
  self->programme = pathway_programme_new ();
  ok = load_programme_row (self, error) && load_rating_scheme (self, error);
  for (guint i = 0; ok && i < n_kinds; i++)
    {
      if (kinds[i]->loaded && kinds[i]->attach != NULL)
        ok = load_kind (self, kinds[i], error);
      if (ok && kinds[i]->get_type () == PATHWAY_TYPE_ACTION)
        ok = load_revised_timescales (self, error);
    }
  ok = ok && load_links (self, error);

  programme = g_steal_pointer (&self->programme);
  self->programme = g_steal_pointer (&previous);
  return ok ? g_steal_pointer (&programme) : NULL;
}
