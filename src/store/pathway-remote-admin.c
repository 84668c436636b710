/* pathway-remote-admin.c: setting a server up: the schema in an empty database, a file's
 * programme copied up with its whole history and record ids, a file copy of the server's
 * programme, and schema upgrades. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pathway-remote-private.h"

/* Creates the server's tables and functions (the caller's transaction). */
static gboolean
create_schema (PGconn *conn, GError **error)
{
  g_autoptr (PathwayDb) replica = pathway_remote_new_replica (error);
  g_autofree char *sql = NULL;

  if (replica == NULL)
    return FALSE;
  sql = pathway_remote_sql_schema (replica, error);
  return sql != NULL && pathway_remote_exec (conn, sql, _("setting up the database"), error);
}

/* Ids the clients take next start above every id the copied programme holds. */
static gboolean
set_id_blocks (PathwayDb *db, PGconn *conn, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (db, error);
  g_autofree char *sql = NULL;
  gint64 max_id = 0;

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);
      g_autofree char *query = NULL;
      gint64 top;

      if (!table->autoincrement &&
          !(table->n_key == 1 &&
            g_str_equal (g_array_index (table->columns, PathwayRemoteColumn,
                                        table->key[0]).name, "id")))
        continue;
      query = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", table->name);
      top = pathway_db_query_int (db, g_intern_string (query), error);
      if (top < 0)
        return FALSE;
      max_id = MAX (max_id, top);
    }
  sql = g_strdup_printf ("SELECT setval ('pathway_id_block', %" G_GINT64_FORMAT ")",
                         max_id / 1048576 + 1);
  return pathway_remote_exec (conn, sql, _("setting up the database"), error);
}

static gboolean
set_up_access (PathwayDb *from, PGconn *conn, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (from, error);
  g_autofree char *prefix = pathway_remote_role_prefix (PQdb (conn));
  g_autofree char *sql = NULL;

  if (tables == NULL)
    return FALSE;
  /* A snapshot's note stays with the file: the server has no such table. */
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((PathwayRemoteTable *) g_ptr_array_index (tables, i))->name, "snapshot"))
      g_ptr_array_remove_index (tables, i--);
  sql = pathway_remote_sql_access (prefix, tables);
  if (pathway_remote_exec (conn, sql, _("setting up who may do what"), error))
    return TRUE;
  /* The roles are the server's: making them needs a right IT keeps. */
  if (g_error_matches (*error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY))
    {
      g_autofree char *why = g_strdup ((*error)->message);

      g_clear_error (error);
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                   _("Setting up the programme makes its roles (%s_manager, %s_lead, "
                     "%s_data_officer, %s_reader and %s_owner): sign in as a role that may "
                     "create roles (CREATEROLE) and owns the database, or as a superuser. "
                     "The server said: %s"),
                   prefix, prefix, prefix, prefix, prefix, why);
    }
  return FALSE;
}

/* Copies a file's tables into a database that is empty or holds only what init made. */
static gboolean
upload_db (PathwayDb *from, PGconn *conn, GError **error)
{
  int version = pathway_remote_schema_version (conn, error);
  PGresult *result;

  if (version < 0)
    return FALSE;
  if (version > 0 && version != PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("The database “%s” holds a programme of another version of Pathway (%d)."),
                   PQdb (conn), version);
      return FALSE;
    }
  if (!pathway_remote_exec (conn, "BEGIN", _("setting up the database"), error))
    return FALSE;
  /* Nobody writes while the programme goes in. */
  if (!pathway_remote_exec (conn, "SELECT pg_advisory_xact_lock (5057415900)",
                            _("setting up the database"), error))
    goto fail;
  if (version == 0 && !create_schema (conn, error))
    goto fail;
  if (version > 0)
    {
      g_autoptr (GPtrArray) tables = pathway_remote_list_tables (from, error);

      /* A programme with history of its own (changed, or uploaded) is never replaced. */
      result = PQexec (conn, "SELECT (SELECT count (*) FROM pathway_commit) +"
                             " (SELECT count (*) FROM change_log)");
      if (PQresultStatus (result) != PGRES_TUPLES_OK || atoi (PQgetvalue (result, 0, 0)) > 0)
        {
          if (PQresultStatus (result) != PGRES_TUPLES_OK)
            pathway_remote_set_error (error, conn, result, _("setting up the database"));
          else
            g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS,
                         _("The database “%s” already holds a programme with a history; a "
                           "programme is uploaded only into a new database."), PQdb (conn));
          PQclear (result);
          goto fail;
        }
      PQclear (result);
      if (tables == NULL)
        goto fail;
      /* What init made (the programme's row and the rating scheme) gives way to the file's. */
      if (!pathway_remote_exec (conn, "SELECT set_config ('pathway.applying', 'on', true)",
                                _("setting up the database"), error))
        goto fail;
      for (guint i = 0; i < tables->len; i++)
        {
          PathwayRemoteTable *table = g_ptr_array_index (tables, i);
          g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", table->name);

          if (!pathway_remote_exec (conn, sql, _("setting up the database"), error))
            goto fail;
        }
    }
  if (!pathway_remote_exec (conn, "SELECT set_config ('pathway.applying', 'on', true)",
                            _("setting up the database"), error) ||
      !pathway_remote_copy_up (from, conn, error) || !set_id_blocks (from, conn, error))
    goto fail;
  /* Then who may do what, once the programme is in. */
  if (version == 0 && !set_up_access (from, conn, error))
    goto fail;
  if (!pathway_remote_exec (conn, "COMMIT", _("setting up the database"), error))
    goto fail;
  return TRUE;

fail:
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}

gboolean
pathway_server_init (const char *uri, const char *password, const char *name, GError **error)
{
  PGconn *conn = pathway_remote_connect (uri, password, error);
  g_autoptr (PathwayDocument) fresh = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean ok = FALSE;
  int version;

  if (conn == NULL)
    return FALSE;
  version = pathway_remote_schema_version (conn, error);
  if (version < 0)
    goto out;
  if (version > 0)
    {
      /* Set up already: nothing to do, whoever asks twice. */
      ok = version == PATHWAY_SCHEMA_VERSION;
      if (!ok)
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                     _("The database “%s” holds a programme of another version of Pathway (%d)."),
                     PQdb (conn), version);
      goto out;
    }
  /* A new programme is made as a file is, then copied up. */
  dir = g_dir_make_tmp ("pathway-init-XXXXXX", error);
  if (dir == NULL)
    goto out;
  path = g_build_filename (dir, "new.pathway", NULL);
  fresh = pathway_document_create (path, name ? name : "", error);
  if (fresh != NULL)
    ok = upload_db (fresh->db, conn, error);
  g_clear_object (&fresh);
  g_unlink (path);
  g_rmdir (dir);
out:
  PQfinish (conn);
  return ok;
}

gboolean
pathway_server_upload (const char *path, const char *uri, const char *password, GError **error)
{
  g_autoptr (PathwayDocument) document = NULL;
  PGconn *conn;
  gboolean ok;

  document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_NO_BACKUP,
                                     error);
  if (document == NULL)
    return FALSE;
  if (document->needs_upgrade)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("“%s” is from an older Pathway: upgrade it first (pathway-cli upgrade)."),
                   name);
      return FALSE;
    }
  conn = pathway_remote_connect (uri, password, error);
  if (conn == NULL)
    return FALSE;
  ok = upload_db (document->db, conn, error);
  PQfinish (conn);
  return ok;
}

gboolean
pathway_server_snapshot (const char *uri, const char *password, const char *path,
                         GError **error)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *shown = pathway_remote_display_uri (uri);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS,
                   _("“%s” exists already; a copy is written only to a new file."), name);
      return FALSE;
    }
  document = pathway_document_open_remote (uri, password, PATHWAY_OPEN_READ_ONLY, error);
  if (document == NULL)
    return FALSE;
  /* The file says whose copy it is, so Pathway opens it to read only. */
  if (!pathway_db_exec (document->db,
                        "CREATE TABLE snapshot (server TEXT NOT NULL, commit_seq INTEGER NOT NULL,"
                        " taken INTEGER NOT NULL)", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (document->db->handle,
                           "INSERT INTO snapshot VALUES (?1, ?2, ?3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, shown, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, pathway_document_get_commit_seen (document));
      sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                         PATHWAY_APPLICATION_ID, PATHWAY_SCHEMA_VERSION);
  if (rc != SQLITE_OK || !pathway_db_exec (document->db, g_intern_string (sql), error))
    {
      if (rc != SQLITE_OK)
        pathway_db_set_error (error, document->db->handle, rc, _("writing the copy"));
      return FALSE;
    }
  stmt = NULL;
  rc = sqlite3_prepare_v2 (document->db->handle, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (document->db->handle);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *doing = g_strdup_printf (_("writing “%s”"), name);

      pathway_db_set_error (error, document->db->handle, rc, doing);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

gboolean
pathway_server_upgrade (const char *uri, const char *password, GError **error)
{
  PGconn *conn = pathway_remote_connect (uri, password, error);
  PGresult *result;
  gboolean ok = FALSE;
  int version, others;

  if (conn == NULL)
    return FALSE;
  if (!pathway_remote_exec (conn, "BEGIN", _("upgrading the database"), error) ||
      !pathway_remote_exec (conn, "SELECT pg_advisory_xact_lock (5057415900)",
                            _("upgrading the database"), error))
    goto out;
  version = pathway_remote_schema_version (conn, error);
  if (version < 0)
    goto out;
  if (version == 0 || version > PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, version == 0 ? PATHWAY_ERROR_NOT_PROGRAMME
                                                     : PATHWAY_ERROR_NEWER_VERSION,
                   version == 0 ? _("The database “%s” holds no Pathway programme.")
                                : _("The database “%s” was set up by a newer Pathway."),
                   PQdb (conn));
      goto out;
    }
  result = PQexec (conn, "SELECT count (*) FROM pg_stat_activity WHERE datname ="
                         " current_database () AND pid <> pg_backend_pid ()"
                         " AND backend_type = 'client backend'");
  others = PQresultStatus (result) == PGRES_TUPLES_OK ? atoi (PQgetvalue (result, 0, 0)) : -1;
  PQclear (result);
  if (others != 0 && version < PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_LOCKED,
                   ngettext ("%d other connection has the programme open; upgrade it when it "
                             "has closed it.",
                             "%d other connections have the programme open; upgrade it when "
                             "they have closed it.", others), others);
      goto out;
    }
  /* Version 7 is the first a server holds: later versions add their steps here, run in this
   * transaction, each taking the schema one version on, and record the version reached.
   * Until then an older version is none that Pathway made, and nothing would bring it on. */
  if (version < PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                   _("The database “%s” says it holds a programme of version %d, which no "
                     "Pathway kept on a server. Upload the programme from a file instead."),
                   PQdb (conn), version);
      goto out;
    }
  ok = pathway_remote_exec (conn, "COMMIT", _("upgrading the database"), error);
out:
  if (!ok)
    PQclear (PQexec (conn, "ROLLBACK"));
  PQfinish (conn);
  return ok;
}
