/* pathway-sqlite.c: statement cache and error mapping for the store. */
#define G_LOG_DOMAIN "pathway-store"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "pathway-error.h"
#include "pathway-sqlite.h"

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

PathwayDb *
pathway_db_new (sqlite3 *handle)
{
  PathwayDb *self = g_new0 (PathwayDb, 1);

  self->handle = handle;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  return self;
}

void
pathway_db_free (PathwayDb *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self);
}

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL: return PATHWAY_ERROR_DISK_FULL;
    case SQLITE_IOERR: return PATHWAY_ERROR_IO;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return PATHWAY_ERROR_LOCKED;
    case SQLITE_READONLY: return PATHWAY_ERROR_READ_ONLY;
    case SQLITE_CORRUPT: return PATHWAY_ERROR_DAMAGED;
    case SQLITE_NOTADB: return PATHWAY_ERROR_NOT_SQLITE;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG: return PATHWAY_ERROR_INVALID;
    case SQLITE_CANTOPEN: return PATHWAY_ERROR_NOT_FOUND;
    default: return PATHWAY_ERROR_FAILED;
    }
}

/* A full disk is named as every other writer names it (see pathway-safe-file.c): the file and
 * its folder, "not enough space" and the system's own words, so the person knows which disk
 * to free space on; "the disk is full" alone does not say which disk. SQLite keeps no errno
 * for SQLITE_FULL (only for I/O errors), and its unix layer gives SQLITE_FULL for ENOSPC. */
static void
set_disk_full_error (GError **error, sqlite3 *handle, const char *doing)
{
  const char *path = handle ? sqlite3_db_filename (handle, "main") : NULL;
  const char *reason = g_strerror (ENOSPC);
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL,
                   _("There is not enough space on the disk (%s), so %s failed and nothing "
                     "was saved. Free some space and try again."), reason, doing);
      return;
    }
  name = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);
  folder = g_filename_display_name (dir);
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL,
               _("There is not enough space for “%s” in %s (%s), so %s failed and nothing "
                 "was saved. Free some space and try again."), name, folder, reason, doing);
}

void
pathway_db_set_error (GError **error, sqlite3 *handle, int rc, const char *doing)
{
  int code = error_code_for (rc);
  const char *detail = handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (code)
    {
    case PATHWAY_ERROR_DISK_FULL:
      set_disk_full_error (error, handle, doing);
      break;
    case PATHWAY_ERROR_IO:
      g_set_error (error, PATHWAY_ERROR, code,
                   _("The file could not be written or read (%s), so %s failed and nothing "
                     "was saved."), detail, doing);
      break;
    case PATHWAY_ERROR_READ_ONLY:
      g_set_error (error, PATHWAY_ERROR, code,
                   _("The file is read-only, so %s failed."), doing);
      break;
    case PATHWAY_ERROR_DAMAGED:
    case PATHWAY_ERROR_NOT_SQLITE:
      g_set_error (error, PATHWAY_ERROR, code,
                   _("The file is damaged (%s), so %s failed."), detail, doing);
      break;
    default:
      g_set_error (error, PATHWAY_ERROR, code, _("%s failed: %s"), doing, detail);
      break;
    }
}

sqlite3_stmt *
pathway_db_prepare (PathwayDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->handle, rc, _("reading the file"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
pathway_db_exec (PathwayDb *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->handle, rc, _("writing the file"));
      return FALSE;
    }
  return TRUE;
}

gboolean
pathway_db_step_done (PathwayDb *self, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->handle, rc, _("saving the change"));
      return FALSE;
    }
  return TRUE;
}

gint64
pathway_db_query_int (PathwayDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self, sql, error);
  gint64 value = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    pathway_db_set_error (error, self->handle, rc, _("reading the file"));
  sqlite3_reset (stmt);
  return value;
}

void
pathway_db_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
pathway_db_column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}
