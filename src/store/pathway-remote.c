/* pathway-remote.c: a programme kept on a PostgreSQL server, behind the same document API.
 *
 * The document's SQLite database is a replica of the server's tables in memory, so every
 * reader works unchanged. A write is made as for a file, inside a local transaction that the
 * SQLite session extension records; before it commits, its changes (each row's key, the old
 * values it wrote over and the new ones) go to the server's pathway_apply() in one server
 * transaction (pathway-remote-sql.c). Refused there (someone changed a value since this copy
 * read it, or the connection is gone), the local transaction is rolled back and the model
 * keeps its values. Record ids come from a block the server gives each transaction, so ids
 * chosen here never meet another client's.
 *
 * Other clients' commits arrive by LISTEN on a second connection whose socket the main loop
 * watches; each notification makes this copy read the commits after the last one it has seen,
 * in commit order, write their rows into the replica and bring the model's records up to date
 * (in place where a record only changed, so views keep their selection). A lost connection
 * makes the programme read-only with the reason, and is retried in the background on a
 * worker thread so the window never waits on the network. */
#define G_LOG_DOMAIN "pathway-store"
/* Debian's SQLite is built with the session extension; its header declares it only so. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <math.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathway-record-private.h"
#include "pathway-remote-private.h"
#include "pathway-schema.h"

#define SQLSTATE_CONFLICT "PW409"

typedef struct _PathwayRemote {
  char *uri;
  char *password;
  PGconn *conn;       /* reads and writes */
  PGconn *listen;     /* LISTEN pathway */
  GPtrArray *tables;  /* PathwayRemoteTable */
  gint64 seen;        /* the last commit applied to the replica */
  GHashTable *mine;   /* commits this copy made (seq as gint64*) */
  sqlite3_session *session;
  GHashTable *apply_statements; /* "table:op" -> sqlite3_stmt* writing a commit's row */
  gboolean catch_up_pending;
  char *opened_read_only; /* the reason the document was opened read-only, or NULL */

  PathwayAccess access; /* what the signed-in role may do (the set-up role: as a manager) */
  gint64 me;            /* the person it is, or 0 */

  PathwayConnection state;
  char *problem;
  gboolean watching;
  GSource *socket_source;
  guint catch_up_idle;
  guint retry_timeout;
  guint retry_seconds;
  GCancellable *reconnecting;
} PathwayRemote;

static void remote_lost (PathwayDocument *self, const char *problem);

gboolean
pathway_location_is_remote (const char *location)
{
  return location != NULL && (g_str_has_prefix (location, "postgresql://") ||
                               g_str_has_prefix (location, "postgres://"));
}

gboolean
pathway_document_get_remote (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->remote != NULL;
}

PathwayConnection
pathway_document_get_connection (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), PATHWAY_CONNECTION_LOCAL);
  return self->remote ? self->remote->state : PATHWAY_CONNECTION_LOCAL;
}

const char *
pathway_document_get_connection_problem (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->remote && self->remote->state == PATHWAY_CONNECTION_LOST ? self->remote->problem
                                                                        : NULL;
}

gint64
pathway_document_get_commit_seen (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), 0);
  return self->remote ? self->remote->seen : 0;
}

PathwayAccess
pathway_document_get_access (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), PATHWAY_ACCESS_NONE);
  return self->remote ? self->remote->access : PATHWAY_ACCESS_MANAGER;
}

char *
pathway_document_dup_refusal (PathwayDocument *self, gpointer record)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);

  if (self->read_only)
    return g_strdup (self->read_only_reason);
  if (self->remote == NULL || record == NULL)
    return NULL;
  return pathway_remote_refusal (self->programme, self->remote->access, self->remote->me,
                                 record);
}

/* Connections ------------------------------------------------------------------------------- */

char *
pathway_remote_display_uri (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  const char *host = NULL, *port = NULL, *dbname = NULL, *user = NULL, *sslmode = NULL;
  GString *shown;

  /* Never the text itself: it may hold a password. */
  if (options == NULL)
    return g_strdup ("postgresql://…");
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "sslmode") && !g_str_equal (o->val, "prefer"))
        sslmode = o->val;
    }
  /* Each part escaped, so the address opens again from the recent programmes as it is. */
  shown = g_string_new ("postgresql://");
  if (user != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (user, NULL, FALSE);

      g_string_append_printf (shown, "%s@", escaped);
    }
  if (host != NULL && host[0] != '/')
    g_string_append (shown, host);
  if (port != NULL)
    g_string_append_printf (shown, ":%s", port);
  if (dbname != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (dbname, NULL, FALSE);

      g_string_append_printf (shown, "/%s", escaped);
    }
  else
    g_string_append_c (shown, '/');
  if (host != NULL && host[0] == '/')
    {
      g_autofree char *escaped = g_uri_escape_string (host, "/", FALSE);

      g_string_append_printf (shown, "?host=%s", escaped);
    }
  if (sslmode != NULL)
    g_string_append_printf (shown, "%csslmode=%s", host && host[0] == '/' ? '&' : '?', sslmode);
  PQconninfoFree (options);
  return g_string_free (shown, FALSE);
}

/* The first line of libpq's message: the rest repeats it or gives hints for developers. */
static char *
first_line (const char *message)
{
  const char *end;

  if (message == NULL || *message == '\0')
    return g_strdup (_("no reason given"));
  end = strchr (message, '\n');
  return end ? g_strndup (message, end - message) : g_strdup (message);
}

void
pathway_remote_set_error (GError **error, PGconn *conn, PGresult *result, const char *doing)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = first_line (result ? PQresultErrorField (result,
                                                                      PG_DIAG_MESSAGE_PRIMARY)
                                                : NULL);
  gboolean lost = conn == NULL || PQstatus (conn) != CONNECTION_OK;

  if (result == NULL || PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) == NULL)
    {
      g_free (message);
      message = first_line (conn ? PQerrorMessage (conn) : NULL);
    }
  /* The server's refusals are written to be read as they are ("Only the leads of workstream
   * B can change this"); PostgreSQL's own say "permission denied". */
  if (!lost && state != NULL && g_str_equal (state, "42501"))
    {
      if (g_str_has_prefix (message, "permission denied"))
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                     _("You have no access to this programme on the server (%s): ask its "
                       "manager."), message);
      else
        g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, message);
      return;
    }
  g_set_error (error, PATHWAY_ERROR, lost ? PATHWAY_ERROR_OFFLINE : PATHWAY_ERROR_FAILED,
               _("The server could not finish %s: %s"), doing, message);
}

/* The server's notices ("terminating connection due to administrator command") are for the
 * debug log, not the terminal of whoever runs the app. */
static void
log_notice (void *data, const char *message)
{
  g_debug ("Server: %s", message);
}

PGconn *
pathway_remote_connect (const char *uri, const char *password, GError **error)
{
  /* Later keywords win over the URI's: a lost network is noticed in about 15 seconds. The
   * catch-up's query over the commits' rows is estimated large enough for the server to
   * compile it (JIT), which costs far more than running it: a change would reach the other
   * windows tens or hundreds of milliseconds later. */
  const char *keys[] = { "dbname", "password", "connect_timeout", "keepalives",
                         "keepalives_idle", "keepalives_interval", "keepalives_count",
                         "application_name", "options", NULL };
  const char *values[] = { uri, password, "10", "1", "5", "2", "3", "Pathway",
                           "-c statement_timeout=120000"
                           " -c idle_in_transaction_session_timeout=600000 -c jit=off",
                           NULL };
  PGconn *conn;

  if (password == NULL)
    {
      /* Skip the password's slot: keys and values end at the first NULL key. */
      keys[1] = "connect_timeout";
      values[1] = "10";
    }
  conn = PQconnectdbParams (keys, values, 1);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *shown = pathway_remote_display_uri (uri);
      g_autofree char *message = first_line (conn ? PQerrorMessage (conn) : NULL);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE,
                   _("Cannot connect to %s: %s"), shown, message);
      PQfinish (conn);
      return NULL;
    }
  PQsetClientEncoding (conn, "UTF8");
  PQsetNoticeProcessor (conn, log_notice, NULL);
  return conn;
}

gboolean
pathway_remote_exec (PGconn *conn, const char *sql, const char *doing, GError **error)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK ||
                PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    pathway_remote_set_error (error, conn, result, doing);
  PQclear (result);
  return ok;
}

int
pathway_remote_schema_version (PGconn *conn, GError **error)
{
  PGresult *result;
  int version = -1;

  result = PQexec (conn, "SELECT to_regclass ('public.pathway_meta') IS NOT NULL,"
                         " (SELECT count (*) FROM pg_tables WHERE schemaname = 'public')");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, conn, result, _("reading the database’s version"));
      PQclear (result);
      return -1;
    }
  if (PQgetvalue (result, 0, 0)[0] != 't')
    {
      if (atoi (PQgetvalue (result, 0, 1)) == 0)
        version = 0;
      else
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                     _("The database “%s” holds tables of something other than Pathway."),
                     PQdb (conn));
      PQclear (result);
      return version;
    }
  PQclear (result);
  result = PQexec (conn, "SELECT value FROM pathway_meta WHERE key = 'schema_version'");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    version = atoi (PQgetvalue (result, 0, 0));
  else
    pathway_remote_set_error (error, conn, result, _("reading the database’s version"));
  PQclear (result);
  return version;
}

/* Tables ------------------------------------------------------------------------------------- */

static void
remote_table_free (PathwayRemoteTable *table)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      PathwayRemoteColumn *column = &g_array_index (table->columns, PathwayRemoteColumn, i);

      g_free (column->name);
      g_free (column->type);
      g_free (column->default_value);
    }
  g_array_unref (table->columns);
  g_free (table->name);
  g_free (table);
}

static const char *
kind_of_table (const char *table)
{
  guint n = 0;
  const PathwayKind *const *kinds = pathway_kinds_all (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (kinds[i]->table, table))
      return kinds[i]->name;
  return NULL;
}

GPtrArray *
pathway_remote_list_tables (PathwayDb *db, GError **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) remote_table_free);
  sqlite3_stmt *list = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                           " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &list, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      PathwayRemoteTable *table = g_new0 (PathwayRemoteTable, 1);
      g_autofree char *pragma = NULL;
      sqlite3_stmt *info = NULL;
      int rc2;

      table->name = g_strdup ((const char *) sqlite3_column_text (list, 0));
      table->kind = kind_of_table (table->name);
      table->autoincrement = strstr ((const char *) sqlite3_column_text (list, 1),
                                     "AUTOINCREMENT") != NULL;
      table->columns = g_array_new (FALSE, TRUE, sizeof (PathwayRemoteColumn));
      g_ptr_array_add (tables, table);
      pragma = g_strdup_printf ("PRAGMA table_info (%s)", table->name);
      rc2 = sqlite3_prepare_v2 (db->handle, pragma, -1, &info, NULL);
      while (rc2 == SQLITE_OK || rc2 == SQLITE_ROW)
        {
          if ((rc2 = sqlite3_step (info)) != SQLITE_ROW)
            break;
          {
          PathwayRemoteColumn column = { 0 };
          int pk = sqlite3_column_int (info, 5);

          column.name = g_strdup ((const char *) sqlite3_column_text (info, 1));
          column.type = g_strdup ((const char *) sqlite3_column_text (info, 2));
          column.not_null = sqlite3_column_int (info, 3) != 0;
          column.default_value = g_strdup ((const char *) sqlite3_column_text (info, 4));
          if (pk > 0 && pk <= (int) G_N_ELEMENTS (table->key))
            {
              table->key[pk - 1] = table->columns->len;
              table->n_key = MAX (table->n_key, (guint) pk);
            }
          g_array_append_val (table->columns, column);
          }
        }
      sqlite3_finalize (info);
      if (rc2 != SQLITE_DONE)
        {
          rc = rc2;
          break;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (list);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, db->handle, rc, _("reading the programme’s tables"));
      return NULL;
    }
  return g_steal_pointer (&tables);
}

PathwayRemoteTable *
pathway_remote_find_table (GPtrArray *tables, const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->name, name))
        return table;
    }
  return NULL;
}

PathwayDb *
pathway_remote_new_replica (GError **error)
{
  sqlite3 *handle = NULL;
  g_autoptr (PathwayDb) db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &handle,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                            NULL);

  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, handle, rc, _("making the programme’s copy in memory"));
      sqlite3_close_v2 (handle);
      return NULL;
    }
  db = pathway_db_new (handle);
  if (!pathway_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !pathway_schema_create_replica (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* Copying ------------------------------------------------------------------------------------ */

static char *
column_list (PathwayRemoteTable *table, const char *prefix)
{
  GString *list = g_string_new (NULL);

  for (guint c = 0; c < table->columns->len; c++)
    g_string_append_printf (list, "%s%s%s", c ? ", " : "", prefix,
                            g_array_index (table->columns, PathwayRemoteColumn, c).name);
  return g_string_free (list, FALSE);
}

/* COPY's text format: backslash, tab, newline and carriage return escaped, \N for NULL. */
static void
append_copy_value (GString *line, sqlite3_value *value)
{
  const char *text;

  if (sqlite3_value_type (value) == SQLITE_NULL)
    {
      g_string_append (line, "\\N");
      return;
    }
  if (sqlite3_value_type (value) == SQLITE_FLOAT)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (line, g_ascii_dtostr (buffer, sizeof buffer, sqlite3_value_double (value)));
      return;
    }
  text = (const char *) sqlite3_value_text (value);
  for (const char *p = text; p && *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *p);
      }
}

gboolean
pathway_remote_copy_up (PathwayDb *from, PGconn *conn, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (from, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);
      g_autofree char *columns = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *select = NULL;
      g_autoptr (GString) buffer = NULL;
      g_autofree char *doing = NULL;
      sqlite3_stmt *stmt = NULL;
      PGresult *result;
      int rc;

      /* A snapshot's note of where it came from stays with the file. */
      if (g_str_equal (table->name, "snapshot"))
        continue;
      columns = column_list (table, "");
      copy = g_strdup_printf ("COPY %s (%s) FROM STDIN", table->name, columns);
      select = g_strdup_printf ("SELECT %s FROM %s", columns, table->name);
      buffer = g_string_new (NULL);
      doing = g_strdup_printf (_("copying the table “%s”"), table->name);
      result = PQexec (conn, copy);

      if (PQresultStatus (result) != PGRES_COPY_IN)
        {
          pathway_remote_set_error (error, conn, result, doing);
          PQclear (result);
          return FALSE;
        }
      PQclear (result);
      rc = sqlite3_prepare_v2 (from->handle, select, -1, &stmt, NULL);
      while (rc == SQLITE_OK || rc == SQLITE_ROW)
        {
          if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
            break;
          for (guint c = 0; c < table->columns->len; c++)
            {
              if (c > 0)
                g_string_append_c (buffer, '\t');
              append_copy_value (buffer, sqlite3_column_value (stmt, c));
            }
          g_string_append_c (buffer, '\n');
          if (buffer->len > 256 * 1024)
            {
              if (PQputCopyData (conn, buffer->str, buffer->len) != 1)
                break;
              g_string_truncate (buffer, 0);
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          PQputCopyEnd (conn, "reading the file failed");
          PQclear (PQgetResult (conn));
          pathway_db_set_error (error, from->handle, rc, doing);
          return FALSE;
        }
      if ((buffer->len > 0 && PQputCopyData (conn, buffer->str, buffer->len) != 1) ||
          PQputCopyEnd (conn, NULL) != 1)
        {
          pathway_remote_set_error (error, conn, NULL, doing);
          return FALSE;
        }
      result = PQgetResult (conn);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          pathway_remote_set_error (error, conn, result, doing);
          PQclear (result);
          while ((result = PQgetResult (conn)) != NULL)
            PQclear (result);
          return FALSE;
        }
      PQclear (result);
      while ((result = PQgetResult (conn)) != NULL)
        PQclear (result);
    }
  return TRUE;
}

static char *
insert_sql (PathwayRemoteTable *table)
{
  g_autofree char *columns = column_list (table, "");
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (", table->name, columns);
  for (guint c = 0; c < table->columns->len; c++)
    g_string_append_printf (sql, "%s?", c ? ", " : "");
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

gboolean
pathway_remote_copy_down (PGconn *conn, PathwayDb *to, gint64 *seen, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (to, error);
  PGresult *result;
  gboolean ok = FALSE;

  if (tables == NULL)
    return FALSE;
  /* One snapshot of the server for every table and the commit it stands at. */
  if (!pathway_remote_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                            _("reading the programme"), error))
    return FALSE;
  result = PQexec (conn, "SELECT coalesce (max (seq), 0) FROM pathway_commit");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, conn, result, _("reading the programme"));
      PQclear (result);
      goto out;
    }
  *seen = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  if (!pathway_db_exec (to, "BEGIN; PRAGMA defer_foreign_keys = ON", error))
    goto out;
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);
      g_autofree char *columns = column_list (table, "");
      g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s", columns, table->name);
      g_autofree char *insert = insert_sql (table);
      g_autofree gboolean *real = g_new0 (gboolean, table->columns->len);
      sqlite3_stmt *stmt = NULL;
      int rc, rows;

      for (guint c = 0; c < table->columns->len; c++)
        real[c] = g_ascii_strcasecmp (g_array_index (table->columns, PathwayRemoteColumn,
                                                     c).type, "REAL") == 0;

      result = PQexec (conn, select);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          pathway_remote_set_error (error, conn, result, _("reading the programme"));
          PQclear (result);
          sqlite3_exec (to->handle, "ROLLBACK", NULL, NULL, NULL);
          goto out;
        }
      rc = sqlite3_prepare_v2 (to->handle, insert, -1, &stmt, NULL);
      rows = PQntuples (result);
      for (int r = 0; rc == SQLITE_OK && r < rows; r++)
        {
          for (guint c = 0; c < table->columns->len; c++)
            if (PQgetisnull (result, r, c))
              sqlite3_bind_null (stmt, c + 1);
            else if (real[c])
              /* The server's shortest exact text, or "Infinity", which SQLite would keep as
               * text. */
              sqlite3_bind_double (stmt, c + 1, g_ascii_strtod (PQgetvalue (result, r, c), NULL));
            else
              sqlite3_bind_text (stmt, c + 1, PQgetvalue (result, r, c),
                                 PQgetlength (result, r, c), SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          rc = rc == SQLITE_DONE ? sqlite3_reset (stmt) : rc;
        }
      sqlite3_finalize (stmt);
      PQclear (result);
      if (rc != SQLITE_OK)
        {
          pathway_db_set_error (error, to->handle, rc, _("reading the programme"));
          sqlite3_exec (to->handle, "ROLLBACK", NULL, NULL, NULL);
          goto out;
        }
    }
  ok = pathway_db_exec (to, "COMMIT", error);
out:
  PQclear (PQexec (conn, "COMMIT"));
  return ok;
}

/* Opening ------------------------------------------------------------------------------------ */

static void
remote_free (PathwayRemote *remote)
{
  g_clear_pointer (&remote->conn, PQfinish);
  g_clear_pointer (&remote->listen, PQfinish);
  g_clear_pointer (&remote->tables, g_ptr_array_unref);
  g_clear_pointer (&remote->mine, g_hash_table_unref);
  g_clear_pointer (&remote->session, sqlite3session_delete);
  g_clear_pointer (&remote->apply_statements, g_hash_table_unref);
  g_free (remote->uri);
  if (remote->password != NULL)
    memset (remote->password, 0, strlen (remote->password));
  g_free (remote->password);
  g_free (remote->problem);
  g_free (remote->opened_read_only);
  g_free (remote);
}

/* Connects, checks the version, and reads the programme into the replica and the model. */
static gboolean
open_remote (PathwayDocument *self, const char *uri, const char *password,
             PathwayOpenFlags flags, GError **error)
{
  PathwayRemote *remote = self->remote;
  PGresult *result;
  int version;

  remote->conn = pathway_remote_connect (uri, password, error);
  if (remote->conn == NULL)
    return FALSE;

  version = pathway_remote_schema_version (remote->conn, error);
  if (version < 0)
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                   _("The database “%s” holds no Pathway programme. Set it up with "
                     "“pathway-cli server init”."), PQdb (remote->conn));
      return FALSE;
    }
  if (version > PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("The programme in “%s” was set up by a newer version of Pathway "
                     "(version %d). Install the newer Pathway to open it."),
                   PQdb (remote->conn), version);
      return FALSE;
    }
  if (version < PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("The programme in “%s” needs upgrading to this version of Pathway: run "
                     "“pathway-cli server upgrade” when nobody else has it open."),
                   PQdb (remote->conn));
      return FALSE;
    }

  self->db = pathway_remote_new_replica (error);
  if (self->db == NULL)
    return FALSE;
  remote->tables = pathway_remote_list_tables (self->db, error);
  if (remote->tables == NULL ||
      !pathway_remote_copy_down (remote->conn, self->db, &remote->seen, error))
    return FALSE;

  /* Who the signed-in role is and may be: a reader's copy is read-only from the start. */
  result = PQexec (remote->conn,
                   "SELECT coalesce (u.role, 'none'), coalesce (u.person_id, 0),"
                   " pg_has_role (session_user, (SELECT value FROM pathway_meta"
                   "                             WHERE key = 'owner_role'), 'MEMBER')"
                   " FROM (SELECT 1) one LEFT JOIN pathway_user u"
                   " ON u.login = session_user AND NOT u.removed");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, remote->conn, result, _("reading who you are"));
      PQclear (result);
      return FALSE;
    }
  remote->access = PQgetvalue (result, 0, 2)[0] == 't'
                     ? PATHWAY_ACCESS_MANAGER
                     : pathway_access_from_string (PQgetvalue (result, 0, 0));
  remote->me = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  PQclear (result);

  result = PQexec (remote->conn, "SELECT pathway_author ()");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, remote->conn, result, _("reading who you are"));
      PQclear (result);
      return FALSE;
    }
  g_free (self->author);
  self->author = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);

  if (flags & PATHWAY_OPEN_READ_ONLY)
    remote->opened_read_only = g_strdup (_("The programme is open to read only."));
  else if (remote->access == PATHWAY_ACCESS_READER || remote->access == PATHWAY_ACCESS_NONE)
    remote->opened_read_only = pathway_remote_refusal (NULL, remote->access, remote->me, NULL);
  if (remote->opened_read_only != NULL)
    pathway_document_set_read_only_reason (self, remote->opened_read_only);
  self->programme = pathway_document_load_programme (self, error);
  return self->programme != NULL;
}

PathwayDocument *
pathway_document_open_remote (const char *uri, const char *password, PathwayOpenFlags flags,
                              GError **error)
{
  g_autoptr (PathwayDocument) self = NULL;
  g_autofree char *shown = NULL;
  PathwayRemote *remote;

  g_return_val_if_fail (uri != NULL, NULL);

  shown = pathway_remote_display_uri (uri);
  self = pathway_document_new_for_remote (shown);
  remote = g_new0 (PathwayRemote, 1);
  self->remote = remote;
  remote->uri = g_strdup (uri);
  remote->password = g_strdup (password);
  remote->mine = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  remote->state = PATHWAY_CONNECTION_ONLINE;
  if (!open_remote (self, uri, password, flags, error))
    {
      /* Closing a document that never got its copy in memory does not reach its
       * connection. */
      pathway_remote_close (self);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
pathway_remote_close (PathwayDocument *self)
{
  PathwayRemote *remote = self->remote;

  if (remote == NULL)
    return;
  pathway_document_watch (self, FALSE);
  g_clear_pointer (&self->remote, remote_free);
}

/* Writing ------------------------------------------------------------------------------------ */

static gboolean
offline_error (PathwayDocument *self, GError **error)
{
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE,
               _("The connection to the server is lost (%s). Nothing was saved; changes can be "
                 "made again when it is back."),
               self->remote->problem ? self->remote->problem : _("no reason given"));
  return FALSE;
}

gboolean
pathway_remote_begin (PathwayDocument *self, GError **error)
{
  PathwayRemote *remote = self->remote;
  g_autoptr (GString) sql = NULL;
  PGresult *result;
  gint64 block;
  int rc;

  if (remote == NULL)
    return TRUE;
  if (remote->state == PATHWAY_CONNECTION_LOST || remote->conn == NULL)
    return offline_error (self, error);

  /* The person the server writes as author is read again with the ids: the log rows written
   * here must be the server's to the letter, or this copy's undo and dating of its own changes
   * would be refused as someone else's. */
  result = PQexec (remote->conn, "SELECT pathway_reserve_ids (), pathway_author ()");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, remote->conn, result, _("saving the change"));
      PQclear (result);
      if (PQstatus (remote->conn) != CONNECTION_OK)
        remote_lost (self, PQerrorMessage (remote->conn));
      return FALSE;
    }
  block = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  if (g_strcmp0 (self->author, PQgetvalue (result, 0, 1)) != 0)
    {
      g_free (self->author);
      self->author = g_strdup (PQgetvalue (result, 0, 1));
      g_object_notify (G_OBJECT (self), "author");
    }
  PQclear (result);

  sql = g_string_new ("DELETE FROM sqlite_sequence;");
  for (guint i = 0; i < remote->tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (remote->tables, i);

      if (table->autoincrement)
        g_string_append_printf (sql, "INSERT INTO sqlite_sequence (name, seq) VALUES ('%s', %"
                                G_GINT64_FORMAT ");", table->name, block - 1);
    }
  if (!pathway_db_exec (self->db, sql->str, error))
    return FALSE;

  g_clear_pointer (&remote->session, sqlite3session_delete);
  rc = sqlite3session_create (self->db->handle, "main", &remote->session);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (remote->session, NULL);
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("saving the change"));
      return FALSE;
    }
  return TRUE;
}

static void
append_json_string (GString *json, const char *text, int length)
{
  g_string_append_c (json, '"');
  for (int i = 0; i < length; i++)
    {
      unsigned char c = text[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, c);
    }
  g_string_append_c (json, '"');
}

static void
append_json_value (GString *json, sqlite3_value *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sqlite3_value_type (value))
    {
    case SQLITE_NULL: g_string_append (json, "null"); break;
    case SQLITE_INTEGER:
      g_string_append_printf (json, "%" G_GINT64_FORMAT, (gint64) sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      {
        double d = sqlite3_value_double (value);

        /* JSON has no infinity: the server reads PostgreSQL's words for it into its numbers.
         * (SQLite keeps no NaN: a missing number is NULL.) */
        if (isfinite (d))
          g_string_append (json, g_ascii_dtostr (buffer, sizeof buffer, d));
        else if (isinf (d))
          g_string_append (json, d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        else
          g_string_append (json, "null");
      }
      break;
    default:
      append_json_string (json, (const char *) sqlite3_value_text (value),
                          sqlite3_value_bytes (value));
    }
}

/* {"col": value, ...} of the values the changeset defines (an UPDATE's unchanged columns are
 * left out). 'key_only' takes only the primary key's columns. */
static void
append_json_row (GString *json, PathwayRemoteTable *table, sqlite3_changeset_iter *iter,
                 gboolean use_new, gboolean key_only)
{
  gboolean first = TRUE;

  g_string_append_c (json, '{');
  for (guint c = 0; c < table->columns->len; c++)
    {
      sqlite3_value *value = NULL;
      gboolean is_key = FALSE;

      for (guint k = 0; k < table->n_key; k++)
        is_key |= table->key[k] == c;
      if (key_only && !is_key)
        continue;
      if ((use_new ? sqlite3changeset_new (iter, c, &value)
                   : sqlite3changeset_old (iter, c, &value)) != SQLITE_OK || value == NULL)
        continue;
      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      {
        const char *name = g_array_index (table->columns, PathwayRemoteColumn, c).name;

        append_json_string (json, name, strlen (name));
      }
      g_string_append_c (json, ':');
      append_json_value (json, value);
    }
  g_string_append_c (json, '}');
}

/* The session's changes as the ops pathway_apply() takes: [{"t","o","k","d","n"}...]. Rows of
 * tables the server does not keep (sqlite_sequence) are left out. */
static gboolean
changeset_to_json (PathwayDocument *self, GString *json, guint *n_ops, GError **error)
{
  PathwayRemote *remote = self->remote;
  int size = 0;
  void *changeset = NULL;
  sqlite3_changeset_iter *iter = NULL;
  int rc;

  *n_ops = 0;
  rc = sqlite3session_changeset (remote->session, &size, &changeset);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_start (&iter, size, changeset);
  g_string_append_c (json, '[');
  while (rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *name = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      PathwayRemoteTable *table;

      rc = sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
      table = rc == SQLITE_OK ? pathway_remote_find_table (remote->tables, name) : NULL;
      if (table == NULL)
        continue;
      if ((*n_ops)++ > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "{\"t\":\"%s\",\"o\":\"%s\",\"k\":", table->name,
                              op == SQLITE_INSERT ? "I" : op == SQLITE_UPDATE ? "U" : "D");
      append_json_row (json, table, iter, op == SQLITE_INSERT, TRUE);
      if (op != SQLITE_INSERT)
        {
          g_string_append (json, ",\"d\":");
          append_json_row (json, table, iter, FALSE, FALSE);
        }
      if (op != SQLITE_DELETE)
        {
          g_string_append (json, ",\"n\":");
          append_json_row (json, table, iter, TRUE, FALSE);
        }
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  if (iter != NULL)
    {
      int rc2 = sqlite3changeset_finalize (iter);

      rc = rc == SQLITE_OK ? rc2 : rc;
    }
  sqlite3_free (changeset);
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("saving the change"));
      return FALSE;
    }
  return TRUE;
}

/* "Beth Kowalski changed the rating of 2A v to “Red” at 14:02, after ...": from the detail of
 * the server's PW409 (kind, id, author, at, field, property, new value). */
static void
set_conflict_error (PathwayDocument *self, const char *detail, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (detail ? detail : "", "\x1f", -1);
  guint n = g_strv_length (parts);
  const PathwayKind *kind = n > 0 ? pathway_kind_lookup (parts[0]) : NULL;
  g_autoptr (GObject) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *words = NULL;
  const char *what;

  if (kind != NULL && n > 1)
    record = pathway_document_lookup (self, pathway_kind_get_record_type (kind),
                                      g_ascii_strtoll (parts[1], NULL, 10));
  name = record ? pathway_document_record_name (self, record) : g_strdup (_("this record"));
  if (n < 7 || parts[2][0] == '\0')
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT,
                   _("Someone else changed %s after you last saw it, so your change was not "
                     "saved. It is kept here to apply again."), name);
      return;
    }
  {
    g_autoptr (GDateTime) at = g_date_time_new_from_unix_local (g_ascii_strtoll (parts[3], NULL,
                                                                                  10));

    when = g_date_time_format (at, "%-d %B %Y %H:%M");
  }
  switch (atoi (parts[4]))
    {
    case PATHWAY_FIELD_RATING: what = _("the rating"); break;
    case PATHWAY_FIELD_STATUS: what = _("the status"); break;
    case PATHWAY_FIELD_COMMENTARY: what = _("the commentary"); break;
    case PATHWAY_FIELD_REVISED_TIMESCALE: what = _("the timescale"); break;
    case PATHWAY_FIELD_CREATED: what = NULL; break;
    case PATHWAY_FIELD_DELETED: what = NULL; break;
    default:
      what = kind ? pathway_kind_field_for_property (kind, parts[5]) : NULL;
      /* A property with no field of its own, such as the rating scheme's "amber-definition",
       * in words. */
      if (what == NULL || g_str_equal (what, parts[5]))
        what = words = g_strdelimit (g_strdup (parts[5]), "-", ' ');
    }
  if (what == NULL)
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT,
                 _("%s changed %s on %s, after you last saw it, so your change was not saved. "
                   "It is kept here to apply again."), parts[2], name, when);
  else
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT,
                 _("%s changed %s of %s to “%s” on %s, after you last saw it, so your change "
                   "was not saved. It is kept here to apply again."),
                 parts[2], what, name, parts[6], when);
}

gboolean
pathway_remote_commit (PathwayDocument *self, GError **error)
{
  PathwayRemote *remote = self->remote;
  g_autoptr (GString) json = NULL;
  g_autofree char *seen = NULL;
  const char *values[2];
  guint n_ops = 0;
  gint64 seq = 0;

  if (remote == NULL)
    return TRUE;
  if (remote->session == NULL)
    return TRUE;
  json = g_string_new (NULL);
  if (!changeset_to_json (self, json, &n_ops, error))
    return FALSE;
  if (n_ops == 0)
    return TRUE;
  seen = g_strdup_printf ("%" G_GINT64_FORMAT, remote->seen);
  values[0] = json->str;
  values[1] = seen;

  /* A transaction the server aborts for serialisation or a deadlock is tried again. */
  for (guint attempt = 0;; attempt++)
    {
      PGresult *result = PQexecParams (remote->conn, "SELECT pathway_apply ($1::jsonb, $2)", 2,
                                       NULL, values, NULL, NULL, 0);
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      if (PQresultStatus (result) == PGRES_TUPLES_OK)
        {
          seq = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
          PQclear (result);
          break;
        }
      if (state != NULL && (g_str_equal (state, "40001") || g_str_equal (state, "40P01")) &&
          attempt < 5)
        {
          PQclear (result);
          continue;
        }
      if (state != NULL && g_str_equal (state, SQLSTATE_CONFLICT))
        {
          set_conflict_error (self, PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL), error);
          /* This copy is behind: catch up so the form shows what is there now. */
          remote->catch_up_pending = TRUE;
        }
      else
        {
          pathway_remote_set_error (error, remote->conn, result, _("saving the change"));
          if (PQstatus (remote->conn) != CONNECTION_OK)
            remote_lost (self, PQerrorMessage (remote->conn));
        }
      PQclear (result);
      return FALSE;
    }

  g_hash_table_add (remote->mine, g_memdup2 (&seq, sizeof seq));
  /* The rows here are the server's (the log's author is the signed-in person here too): with
   * nobody else's commit between, this copy stands at the new commit; otherwise the commits
   * between are read, this one with them, in order. */
  if (seq == remote->seen + 1)
    remote->seen = seq;
  else
    remote->catch_up_pending = TRUE;
  return TRUE;
}

static gboolean catch_up_idle (gpointer data);

void
pathway_remote_end (PathwayDocument *self)
{
  PathwayRemote *remote = self->remote;

  if (remote == NULL)
    return;
  g_clear_pointer (&remote->session, sqlite3session_delete);
  if (remote->catch_up_pending && remote->watching && remote->catch_up_idle == 0)
    remote->catch_up_idle = g_idle_add (catch_up_idle, self);
}

/* Catching up -------------------------------------------------------------------------------- */

typedef struct {
  const PathwayKind *kind;
  char op;
  gint64 id;
} Touched;

/* What a catch-up wrote beside the kinds' rows, which the model keeps too. */
typedef struct {
  gboolean scheme;   /* the rating scheme's words */
  GArray *links;     /* Link: workstreams linked to or unlinked from areas */
} Beside;

typedef struct {
  gboolean linked;
  gint64 workstream_id;
  gint64 area_id;
} Link;

typedef struct {
  gint64 seq;
  char *author;
  gboolean mine;
  guint n_changes;
  char *kind;          /* the first change: its record's kind, id, field and property */
  gint64 record_id;
  int field;
  char *property;
  gboolean imported;   /* every change's note says it was imported */
} Commit;

static void
commit_free (Commit *commit)
{
  g_free (commit->author);
  g_free (commit->kind);
  g_free (commit->property);
  g_free (commit);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The statement writing a commit's row into the replica, the row given as the server's JSON
 * in ?1: an upsert by its key of every column (the server sends whole rows), or a delete by
 * the key. SQLite's JSON gives numbers as numbers and text as text, as the server had them.
 * Made once per table and kind of op. */
static sqlite3_stmt *
apply_statement (PathwayDocument *self, PathwayRemoteTable *table, char op)
{
  PathwayRemote *remote = self->remote;
  g_autofree char *name = g_strdup_printf ("%s:%c", table->name, op);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (remote->apply_statements == NULL)
    remote->apply_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      finalize_statement);
  stmt = g_hash_table_lookup (remote->apply_statements, name);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      return stmt;
    }
  if (op == 'D')
    {
      g_string_append_printf (sql, "DELETE FROM %s WHERE ", table->name);
      for (guint k = 0; k < table->n_key; k++)
        {
          const char *column = g_array_index (table->columns, PathwayRemoteColumn,
                                              table->key[k]).name;

          g_string_append_printf (sql, "%s%s IS json_extract (?1, '$.\"%s\"')", k ? " AND " : "",
                                  column, column);
        }
    }
  else
    {
      g_autoptr (GString) values = g_string_new (NULL);
      g_autoptr (GString) sets = g_string_new (NULL);
      g_autoptr (GString) key = g_string_new (NULL);
      g_autofree char *columns = column_list (table, "");

      for (guint c = 0; c < table->columns->len; c++)
        {
          const char *column = g_array_index (table->columns, PathwayRemoteColumn, c).name;
          gboolean is_key = FALSE;

          for (guint k = 0; k < table->n_key; k++)
            is_key |= table->key[k] == c;
          if (g_ascii_strcasecmp (g_array_index (table->columns, PathwayRemoteColumn, c).type,
                                  "REAL") == 0)
            /* The server gives an infinity in words, which SQLite would keep as text. */
            g_string_append_printf (values,
                                    "%sCASE json_extract (?1, '$.\"%s\"')"
                                    " WHEN 'Infinity' THEN 1e999 WHEN '-Infinity' THEN -1e999"
                                    " ELSE json_extract (?1, '$.\"%s\"') END",
                                    c ? ", " : "", column, column);
          else
            g_string_append_printf (values, "%sjson_extract (?1, '$.\"%s\"')", c ? ", " : "",
                                    column);
          if (!is_key)
            g_string_append_printf (sets, "%s%s = excluded.%s", sets->len ? ", " : "", column,
                                    column);
        }
      for (guint k = 0; k < table->n_key; k++)
        g_string_append_printf (key, "%s%s", k ? ", " : "",
                                g_array_index (table->columns, PathwayRemoteColumn,
                                               table->key[k]).name);
      g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO %s%s",
                              table->name, columns, values->str, key->str,
                              sets->len ? "UPDATE SET " : "NOTHING", sets->str);
    }
  if (sqlite3_prepare_v2 (self->db->handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  g_hash_table_insert (remote->apply_statements, g_steal_pointer (&name), stmt);
  return stmt;
}

/* Writes one row of a commit into the replica: an upsert by its key, or a delete. */
static gboolean
apply_row (PathwayDocument *self, PathwayRemoteTable *table, char op, const char *row,
           GError **error)
{
  sqlite3_stmt *stmt = apply_statement (self, table, op);
  int rc = stmt != NULL ? SQLITE_OK : sqlite3_errcode (self->db->handle);

  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, row, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (self->db->handle);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("bringing the programme up to date"));
      return FALSE;
    }
  return TRUE;
}

/* Brings one loaded record up to date with its row: in place when it only changed, joined to
 * or taken from its owner's lists when it was added, retired, brought back or moved. FALSE
 * when the model cannot follow (a row removed), so the caller reads the programme again. */
static gboolean
refresh_record (PathwayDocument *self, const PathwayKind *kind, gint64 id)
{
  g_autofree char *columns = pathway_document_column_list (kind);
  g_autofree char *sql = NULL;
  const PathwayColumn *owner_column = pathway_kind_owner_column (kind);
  GType type = kind->get_type ();
  GType owner_type = kind->owner ? pathway_kind_get_record_type (pathway_kind_lookup (kind->owner))
                                 : G_TYPE_INVALID;
  gpointer record;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  gint64 owner_before = 0, owner_after = 0;
  gboolean was_retired = FALSE, now_retired;
  int retired_column;

  if (type == PATHWAY_TYPE_PROGRAMME)
    {
      sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE id = ?1", columns, kind->table);
      if (sqlite3_prepare_v2 (self->db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        pathway_document_fill_object (self, G_OBJECT (self->programme), kind, stmt, 1);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  if (kind->retired == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT id, %s, %s FROM %s WHERE id = ?1", columns, kind->retired,
                         kind->table);
  if (sqlite3_prepare_v2 (self->db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  record = pathway_programme_find_record (self->programme, type, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return record == NULL;
    }
  if (record == NULL)
    {
      g_autoptr (GObject) object = g_object_new (type, "id", id, NULL);
      gpointer owner = NULL;

      retired_column = pathway_document_fill_object (self, object, kind, stmt, 1);
      if (owner_column != NULL)
        {
          g_object_get (object, owner_column->property, &owner_after, NULL);
          owner = pathway_programme_find_record (self->programme, owner_type, owner_after);
        }
      if (sqlite3_column_int (stmt, retired_column) != 0)
        _pathway_programme_add_retired (self->programme, object);
      else
        kind->attach (self->programme, owner, object, TRUE);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  g_object_ref (record);
  was_retired = pathway_programme_is_retired (self->programme, record);
  if (owner_column != NULL)
    g_object_get (record, owner_column->property, &owner_before, NULL);
  retired_column = pathway_document_fill_object (self, record, kind, stmt, 1);
  now_retired = sqlite3_column_int (stmt, retired_column) != 0;
  if (owner_column != NULL)
    g_object_get (record, owner_column->property, &owner_after, NULL);
  sqlite3_finalize (stmt);
  if (was_retired != now_retired || owner_before != owner_after)
    {
      gpointer before = owner_column ? pathway_programme_find_record (self->programme, owner_type,
                                                                      owner_before)
                                     : NULL;
      gpointer after = owner_column ? pathway_programme_find_record (self->programme, owner_type,
                                                                     owner_after)
                                    : NULL;

      if (was_retired)
        _pathway_programme_remove_retired (self->programme, record);
      else
        kind->attach (self->programme, before, record, FALSE);
      if (now_retired)
        _pathway_programme_add_retired (self->programme, record);
      else
        kind->attach (self->programme, after, record, TRUE);
    }
  g_object_unref (record);
  return ok;
}

/* An action's revised timescale is its latest revision not withdrawn, as the programme is
 * loaded (pathway-document-load.c): revisions are not kept in the model, but this is. */
static void
refresh_revised_timescale (PathwayDocument *self, gint64 revision_id)
{
  sqlite3_stmt *stmt = NULL;
  PathwayAction *action = NULL;
  g_autoptr (PathwayTimescale) timescale = NULL;

  if (sqlite3_prepare_v2 (self->db->handle,
                          "SELECT r.action_id, latest.text, latest.date, latest.precision"
                          " FROM timescale_revision r LEFT JOIN timescale_revision latest"
                          " ON latest.id = (SELECT max (id) FROM timescale_revision"
                          "   WHERE action_id = r.action_id AND withdrawn = 0)"
                          " WHERE r.id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    action = pathway_programme_find_record (self->programme, PATHWAY_TYPE_ACTION,
                                            sqlite3_column_int64 (stmt, 0));
  if (action != NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      GDate date;
      gboolean dated = pathway_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2),
                                               &date);

      timescale = pathway_timescale_new ((const char *) sqlite3_column_text (stmt, 1),
                                         dated ? &date : NULL,
                                         dated ? pathway_precision_from_nick (
                                                   (const char *) sqlite3_column_text (stmt, 3))
                                               : PATHWAY_PRECISION_NONE);
    }
  if (action != NULL)
    pathway_action_set_revised_timescale (action, timescale);
  sqlite3_finalize (stmt);
}

/* The rating scheme's words, in place, as the programme is loaded. */
static void
refresh_rating_scheme (PathwayDocument *self)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db->handle,
                          "SELECT rating, label, definition, in_use FROM rating_scheme", -1,
                          &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PathwayRating rating = pathway_rating_from_nick ((const char *) sqlite3_column_text (stmt,
                                                                                           0));

      if (rating == PATHWAY_RATING_NONE)
        continue;
      _pathway_rating_scheme_set_label (scheme, rating,
                                        (const char *) sqlite3_column_text (stmt, 1));
      _pathway_rating_scheme_set_definition (scheme, rating,
                                             (const char *) sqlite3_column_text (stmt, 2));
      if (rating == PATHWAY_RATING_BLUE)
        _pathway_rating_scheme_set_uses_blue (scheme, sqlite3_column_int (stmt, 3) != 0);
    }
  sqlite3_finalize (stmt);
}

static void
refresh_link (PathwayDocument *self, const Link *link)
{
  PathwayWorkstream *workstream = pathway_programme_find_record (self->programme,
                                                                 PATHWAY_TYPE_WORKSTREAM,
                                                                 link->workstream_id);
  PathwayAreaOfWeakness *area = pathway_programme_find_record (self->programme,
                                                               PATHWAY_TYPE_AREA_OF_WEAKNESS,
                                                               link->area_id);
  GListModel *areas;
  gboolean found = FALSE;

  if (workstream == NULL || area == NULL)
    return;
  areas = pathway_workstream_get_areas (workstream);
  for (guint i = 0; i < g_list_model_get_n_items (areas) && !found; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (areas, i);

      found = item == (gpointer) area;
    }
  if (link->linked && !found)
    pathway_workstream_add_area (workstream, area);
  else if (!link->linked && found)
    pathway_workstream_remove_area (workstream, area);
}

/* The model follows the rows a catch-up wrote: kind by kind in the order the programme is
 * loaded (owners first), each record in place, then what the model keeps of other tables
 * (an action's latest revision, the rating scheme, a workstream's areas); anything it cannot
 * follow reads the whole programme again. */
static void
refresh_model (PathwayDocument *self, GArray *touched, const Beside *beside, gboolean reload)
{
  guint n_kinds = 0;
  const PathwayKind *const *kinds = pathway_kinds_all (&n_kinds);
  const PathwayKind *revision = pathway_kind_lookup ("revision");

  for (guint k = 0; k < n_kinds && !reload; k++)
    {
      if (!kinds[k]->loaded && kinds[k]->get_type () != PATHWAY_TYPE_PROGRAMME)
        continue;
      for (guint i = 0; i < touched->len && !reload; i++)
        {
          Touched *t = &g_array_index (touched, Touched, i);

          if (t->kind == kinds[k] && !refresh_record (self, t->kind, t->id))
            reload = TRUE;
        }
    }
  for (guint i = 0; i < touched->len && !reload; i++)
    {
      Touched *t = &g_array_index (touched, Touched, i);

      if (t->kind == revision)
        refresh_revised_timescale (self, t->id);
    }
  if (!reload && beside->scheme)
    refresh_rating_scheme (self);
  for (guint i = 0; i < beside->links->len && !reload; i++)
    refresh_link (self, &g_array_index (beside->links, Link, i));
  if (reload)
    {
      g_autoptr (PathwayProgramme) programme = pathway_document_load_programme (self, NULL);

      if (programme != NULL)
        {
          pathway_document_replace_programme (self, programme);
          /* The undo history names the records of the programme read before. */
          pathway_document_clear_undo (self);
        }
    }
}

static char *
describe_change (PathwayDocument *self, const char *kind_name, gint64 record_id, int field,
                 const char *property)
{
  const PathwayKind *kind = pathway_kind_lookup (kind_name);
  g_autoptr (GObject) record = NULL;
  g_autofree char *name = NULL;
  const char *what;

  if (kind != NULL)
    record = pathway_document_lookup (self, pathway_kind_get_record_type (kind), record_id);
  name = record ? pathway_document_record_name (self, record) : g_strdup (kind_name);
  switch (field)
    {
    case PATHWAY_FIELD_RATING: return g_strdup_printf (_("re-rated %s"), name);
    case PATHWAY_FIELD_STATUS: return g_strdup_printf (_("changed the status of %s"), name);
    case PATHWAY_FIELD_COMMENTARY: return g_strdup_printf (_("updated the commentary on %s"), name);
    case PATHWAY_FIELD_REVISED_TIMESCALE: return g_strdup_printf (_("revised the timescale of %s"), name);
    case PATHWAY_FIELD_CREATED: return g_strdup_printf (_("added %s"), name);
    case PATHWAY_FIELD_DELETED: return g_strdup_printf (_("removed %s"), name);
    case PATHWAY_FIELD_NOTE: return g_strdup_printf (_("added a note to %s"), name);
    default:
      what = kind ? pathway_kind_field_for_property (kind, property) : NULL;
      return g_strdup_printf (_("changed the %s of %s"), what ? what : property, name);
    }
}

gboolean
pathway_document_catch_up (PathwayDocument *self, guint *n_applied, GError **error)
{
  PathwayRemote *remote;
  g_autofree char *seen = NULL;
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (Touched));
  g_autoptr (GPtrArray) commits = g_ptr_array_new_with_free_func ((GDestroyNotify) commit_free);
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));
  Beside beside = { FALSE, links };
  const char *params[1];
  PGresult *result;
  gboolean reload = FALSE;
  int rows;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (n_applied != NULL)
    *n_applied = 0;
  remote = self->remote;
  if (remote == NULL)
    return TRUE;
  if (remote->state == PATHWAY_CONNECTION_LOST || remote->conn == NULL)
    return offline_error (self, error);
  /* Never in the middle of this copy's own transaction: it runs when that ends. */
  if (self->batch != NULL || !sqlite3_get_autocommit (self->db->handle))
    {
      remote->catch_up_pending = TRUE;
      return TRUE;
    }
  remote->catch_up_pending = FALSE;

  seen = g_strdup_printf ("%" G_GINT64_FORMAT, remote->seen);
  params[0] = seen;
  /* One line per row of each commit: the row as JSON, and what the model and the summary
   * need of it. */
  result = PQexecParams (remote->conn,
                         "SELECT c.seq, c.author, x.e->>'t', x.e->>'o', (x.e->'r')::text,"
                         " x.e->'r'->>'id', x.e->'r'->>'kind', x.e->'r'->>'record_id',"
                         " x.e->'r'->>'field', x.e->'r'->>'property', x.e->'r'->>'note'"
                         " FROM pathway_commit c,"
                         " jsonb_array_elements (c.rows) WITH ORDINALITY x (e, ord)"
                         " WHERE c.seq > $1::bigint ORDER BY c.seq, x.ord",
                         1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, remote->conn, result, _("reading others’ changes"));
      PQclear (result);
      if (PQstatus (remote->conn) != CONNECTION_OK)
        remote_lost (self, PQerrorMessage (remote->conn));
      return FALSE;
    }
  rows = PQntuples (result);
  if (rows == 0)
    {
      PQclear (result);
      return TRUE;
    }
  if (!pathway_db_exec (self->db, "BEGIN; PRAGMA defer_foreign_keys = ON", error))
    {
      PQclear (result);
      return FALSE;
    }
  for (int r = 0; r < rows; r++)
    {
      gint64 seq = g_ascii_strtoll (PQgetvalue (result, r, 0), NULL, 10);
      Commit *commit = commits->len ? g_ptr_array_index (commits, commits->len - 1) : NULL;
      const char *table_name = PQgetvalue (result, r, 2);
      char op = PQgetvalue (result, r, 3)[0];
      PathwayRemoteTable *table = pathway_remote_find_table (remote->tables, table_name);
      gint64 id = g_ascii_strtoll (PQgetvalue (result, r, 5), NULL, 10);

      if (commit == NULL || commit->seq != seq)
        {
          commit = g_new0 (Commit, 1);
          commit->seq = seq;
          commit->author = g_strdup (PQgetvalue (result, r, 1));
          commit->mine = g_hash_table_contains (remote->mine, &seq);
          commit->imported = TRUE;
          g_ptr_array_add (commits, commit);
        }
      if (table == NULL)
        continue;
      if (!apply_row (self, table, op, PQgetvalue (result, r, 4), error))
        {
          sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
          PQclear (result);
          return FALSE;
        }
      if (table->kind != NULL)
        {
          Touched t = { pathway_kind_lookup (table->kind), op, id };

          if (op == 'D')
            reload = TRUE;
          else
            g_array_append_val (touched, t);
        }
      else if (g_str_equal (table->name, "rating_scheme"))
        beside.scheme = TRUE;
      else if (g_str_equal (table->name, "workstream_area"))
        {
          const char *row = PQgetvalue (result, r, 4);
          Link link = { op != 'D', 0, 0 };
          sqlite3_stmt *ids = NULL;

          if (sqlite3_prepare_v2 (self->db->handle,
                                  "SELECT json_extract (?1, '$.workstream_id'),"
                                  " json_extract (?1, '$.area_id')", -1, &ids, NULL) == SQLITE_OK)
            {
              sqlite3_bind_text (ids, 1, row, -1, SQLITE_STATIC);
              if (sqlite3_step (ids) == SQLITE_ROW)
                {
                  link.workstream_id = sqlite3_column_int64 (ids, 0);
                  link.area_id = sqlite3_column_int64 (ids, 1);
                }
            }
          sqlite3_finalize (ids);
          g_array_append_val (beside.links, link);
        }
      else if (!g_str_equal (table->name, "change_log") &&
               !g_str_equal (table->name, "import_layout"))
        reload = TRUE;
      if (g_str_equal (table->name, "change_log") && op == 'I' && !PQgetisnull (result, r, 6) &&
          !commit->mine)
        {
          const char *note = PQgetvalue (result, r, 10);

          if (commit->n_changes++ == 0)
            {
              commit->kind = g_strdup (PQgetvalue (result, r, 6));
              commit->record_id = g_ascii_strtoll (PQgetvalue (result, r, 7), NULL, 10);
              commit->field = PQgetisnull (result, r, 8) ? -1 : atoi (PQgetvalue (result, r, 8));
              commit->property = g_strdup (PQgetvalue (result, r, 9));
            }
          commit->imported &= g_str_has_prefix (note, "Imported from");
        }
    }
  PQclear (result);
  if (!pathway_db_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  remote->seen = ((Commit *) g_ptr_array_index (commits, commits->len - 1))->seq;
  if (n_applied != NULL)
    *n_applied = commits->len;

  refresh_model (self, touched, &beside, reload);
  for (guint i = 0; i < commits->len; i++)
    {
      Commit *commit = g_ptr_array_index (commits, i);
      g_autofree char *summary = NULL;

      if (commit->mine || commit->n_changes == 0)
        continue;
      if (commit->n_changes == 1)
        summary = describe_change (self, commit->kind, commit->record_id, commit->field,
                                   commit->property);
      else if (commit->imported)
        summary = g_strdup_printf (_("imported %u changes"), commit->n_changes);
      else
        summary = g_strdup_printf (_("made %u changes"), commit->n_changes);
      pathway_document_emit_remote_change (self, commit->author, summary, commit->n_changes);
    }
  return TRUE;
}

static gboolean
catch_up_idle (gpointer data)
{
  PathwayDocument *self = data;
  g_autoptr (GError) error = NULL;

  self->remote->catch_up_idle = 0;
  if (!pathway_document_catch_up (self, NULL, &error))
    g_debug ("Catching up: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* Watching ----------------------------------------------------------------------------------- */

static void schedule_reconnect (PathwayDocument *self);

static gboolean
on_socket (int fd, GIOCondition condition, gpointer data)
{
  PathwayDocument *self = data;
  PathwayRemote *remote = self->remote;
  PGnotify *notify;
  gboolean heard = FALSE;
  g_autoptr (GError) error = NULL;

  if (!PQconsumeInput (remote->listen))
    {
      g_autofree char *problem = g_strdup (PQerrorMessage (remote->listen));

      remote->socket_source = NULL;
      remote_lost (self, problem);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (remote->listen)) != NULL)
    {
      heard = TRUE;
      PQfreemem (notify);
    }
  if (heard && !pathway_document_catch_up (self, NULL, &error))
    g_debug ("Catching up: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_listening (PathwayDocument *self, GError **error)
{
  PathwayRemote *remote = self->remote;

  if (remote->listen == NULL)
    {
      remote->listen = pathway_remote_connect (remote->uri, remote->password, error);
      if (remote->listen == NULL ||
          !pathway_remote_exec (remote->listen, "LISTEN pathway", _("listening for changes"),
                                error))
        return FALSE;
    }
  if (remote->socket_source == NULL)
    {
      remote->socket_source = g_unix_fd_source_new (PQsocket (remote->listen),
                                                    G_IO_IN | G_IO_ERR | G_IO_HUP);
      g_source_set_callback (remote->socket_source, G_SOURCE_FUNC (on_socket), self, NULL);
      g_source_set_name (remote->socket_source, "[pathway] server notifications");
      g_source_attach (remote->socket_source, g_main_context_get_thread_default ());
      g_source_unref (remote->socket_source);
    }
  return TRUE;
}

void
pathway_document_watch (PathwayDocument *self, gboolean watch)
{
  PathwayRemote *remote;

  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  remote = self->remote;
  if (remote == NULL || remote->watching == watch)
    return;
  remote->watching = watch;
  if (watch)
    {
      g_autoptr (GError) error = NULL;

      if (remote->state == PATHWAY_CONNECTION_LOST)
        schedule_reconnect (self);
      else if (!start_listening (self, &error))
        remote_lost (self, error->message);
      else if (!pathway_document_catch_up (self, NULL, &error))
        g_debug ("Catching up: %s", error->message);
      return;
    }
  if (remote->socket_source != NULL)
    g_source_destroy (remote->socket_source);
  remote->socket_source = NULL;
  g_clear_handle_id (&remote->catch_up_idle, g_source_remove);
  g_clear_handle_id (&remote->retry_timeout, g_source_remove);
  if (remote->reconnecting != NULL)
    {
      g_cancellable_cancel (remote->reconnecting);
      g_clear_object (&remote->reconnecting);
    }
  g_clear_pointer (&remote->listen, PQfinish);
}

static void
remote_lost (PathwayDocument *self, const char *problem)
{
  PathwayRemote *remote = self->remote;
  g_autofree char *reason = NULL;

  if (remote->state == PATHWAY_CONNECTION_LOST)
    return;
  g_free (remote->problem);
  remote->problem = first_line (problem);
  remote->state = PATHWAY_CONNECTION_LOST;
  if (remote->socket_source != NULL)
    g_source_destroy (remote->socket_source);
  remote->socket_source = NULL;
  g_clear_pointer (&remote->listen, PQfinish);
  g_clear_pointer (&remote->conn, PQfinish);
  reason = g_strdup_printf (_("The connection to the server is lost (%s). The programme can be "
                              "read; changes can be made again when it is back."),
                            remote->problem);
  pathway_document_set_read_only_reason (self, reason);
  pathway_document_notify_connection (self);
  remote->retry_seconds = 1;
  if (remote->watching)
    schedule_reconnect (self);
}

typedef struct {
  char *uri;
  char *password;
  PGconn *conn;
  PGconn *listen;
} Reconnect;

static void
reconnect_free (Reconnect *data)
{
  g_free (data->uri);
  g_free (data->password);
  g_clear_pointer (&data->conn, PQfinish);
  g_clear_pointer (&data->listen, PQfinish);
  g_free (data);
}

/* On a worker thread: the network may take its connect timeout to answer. */
static void
reconnect_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Reconnect *data = task_data;
  GError *error = NULL;

  data->conn = pathway_remote_connect (data->uri, data->password, &error);
  if (data->conn != NULL)
    data->listen = pathway_remote_connect (data->uri, data->password, &error);
  if (data->listen != NULL &&
      !pathway_remote_exec (data->listen, "LISTEN pathway", _("listening for changes"), &error))
    g_clear_pointer (&data->listen, PQfinish);
  if (data->listen == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reconnect_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PathwayDocument *self = PATHWAY_DOCUMENT (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  Reconnect *data = g_task_get_task_data (G_TASK (result));
  PathwayRemote *remote = self->remote;
  g_autoptr (GError) error = NULL;

  if (g_cancellable_is_cancelled (cancellable) || remote == NULL ||
      remote->reconnecting != cancellable)
    return;
  g_clear_object (&remote->reconnecting);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_free (remote->problem);
      remote->problem = first_line (error->message);
      remote->retry_seconds = MIN (remote->retry_seconds * 2, 30);
      schedule_reconnect (self);
      return;
    }
  remote->conn = g_steal_pointer (&data->conn);
  remote->listen = g_steal_pointer (&data->listen);
  remote->state = PATHWAY_CONNECTION_ONLINE;
  g_clear_pointer (&remote->problem, g_free);
  pathway_document_set_read_only_reason (self, remote->opened_read_only);
  start_listening (self, NULL);
  if (!pathway_document_catch_up (self, NULL, &error))
    g_debug ("Catching up: %s", error->message);
  pathway_document_notify_connection (self);
}

static gboolean
retry_now (gpointer data)
{
  PathwayDocument *self = data;
  PathwayRemote *remote = self->remote;
  Reconnect *task_data = g_new0 (Reconnect, 1);
  g_autoptr (GTask) task = NULL;

  remote->retry_timeout = 0;
  remote->reconnecting = g_cancellable_new ();
  task_data->uri = g_strdup (remote->uri);
  task_data->password = g_strdup (remote->password);
  task = g_task_new (self, remote->reconnecting, reconnect_done, NULL);
  g_task_set_task_data (task, task_data, (GDestroyNotify) reconnect_free);
  g_task_run_in_thread (task, reconnect_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (PathwayDocument *self)
{
  PathwayRemote *remote = self->remote;

  if (remote->retry_timeout != 0 || remote->reconnecting != NULL)
    return;
  remote->retry_seconds = MAX (remote->retry_seconds, 1);
  remote->retry_timeout = g_timeout_add_seconds (remote->retry_seconds, retry_now, self);
}
