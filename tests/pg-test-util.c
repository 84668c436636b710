/* pg-test-util.c: databases and roles on the test server for the tests of programmes on
 * PostgreSQL, made with libpq directly so that the tests check the store against the server
 * itself and not against the store's own idea of it. */
#define G_LOG_DOMAIN "pathway-test"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "pg-test-util.h"

G_DEFINE_QUARK (pathway-test-pg-error-quark, pathway_test_pg_error)

/* The databases this process made, dropped by drop_databases() at exit. */
static GMutex databases_lock;
static GPtrArray *databases;
static char *databases_base_uri;
static pid_t databases_owner;

char *
pathway_test_pg_base_uri (void)
{
  const char *uri = g_getenv ("PATHWAY_TEST_PG");

  if (uri == NULL || *uri == '\0')
    return NULL;
  return g_strdup (uri);
}

gboolean
pathway_test_pg_available (void)
{
  const char *uri = g_getenv ("PATHWAY_TEST_PG");

  return uri != NULL && *uri != '\0';
}

int
pathway_test_pg_skip_all (void)
{
  printf ("1..0 # SKIP no PostgreSQL server: PATHWAY_TEST_PG is not set (build-aux/test "
          "starts one)\n");
  fflush (stdout);
  return 0;
}

/* Notices ("database does not exist, skipping") would only clutter the tests' output. */
static void
ignore_notice (void *data, const char *message)
{
}

static PGconn *
connect_to (const char *uri, GError **error)
{
  PGconn *connection = PQconnectdb (uri);

  if (PQstatus (connection) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (connection));

      g_set_error (error, PATHWAY_TEST_PG_ERROR, 0, "could not connect to %s: %s", uri,
                   g_strstrip (message));
      PQfinish (connection);
      return NULL;
    }
  PQsetNoticeProcessor (connection, ignore_notice, NULL);
  return connection;
}

static gboolean
result_ok (PGresult *result, GError **error)
{
  const char *primary, *detail, *state;

  switch (PQresultStatus (result))
    {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return TRUE;
    default:
      break;
    }
  primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (primary == NULL)
    {
      g_autofree char *message = g_strdup (PQresultErrorMessage (result));

      g_set_error (error, PATHWAY_TEST_PG_ERROR, 0, "%s", g_strstrip (message));
      return FALSE;
    }
  g_set_error (error, PATHWAY_TEST_PG_ERROR, 0, "%s%s%s (SQLSTATE %s)", primary,
               detail != NULL ? ": " : "", detail != NULL ? detail : "",
               state != NULL ? state : "unknown");
  return FALSE;
}

static gboolean
run (PGconn *connection, const char *sql, GError **error)
{
  PGresult *result = PQexec (connection, sql);
  gboolean ok = result_ok (result, error);

  PQclear (result);
  return ok;
}

/* The URI with the database and the user replaced where given, every other parameter (host,
 * port, options) kept as it was. */
static char *
rewrite_uri (const char *uri, const char *dbname, const char *user)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (uri, &message);
  const char *database = dbname;
  GString *text;
  char separator = '?';

  if (options == NULL)
    g_error ("%s is not a PostgreSQL URI: %s", uri, message != NULL ? message : "out of memory");
  if (database == NULL)
    {
      for (PQconninfoOption *option = options; option->keyword != NULL; option++)
        if (strcmp (option->keyword, "dbname") == 0)
          database = option->val;
    }

  text = g_string_new ("postgresql:///");
  if (database != NULL)
    g_string_append_uri_escaped (text, database, NULL, TRUE);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      const char *value = option->val;

      if (strcmp (option->keyword, "dbname") == 0)
        continue;
      if (user != NULL && strcmp (option->keyword, "user") == 0)
        continue;
      if (value == NULL)
        continue;
      g_string_append_printf (text, "%c%s=", separator, option->keyword);
      g_string_append_uri_escaped (text, value, "/:", TRUE);
      separator = '&';
    }
  if (user != NULL)
    {
      g_string_append_printf (text, "%cuser=", separator);
      g_string_append_uri_escaped (text, user, NULL, TRUE);
    }
  PQconninfoFree (options);
  return g_string_free (text, FALSE);
}

/* At exit, in the process that made them only: a child forked from a test inherits the list
 * but not the databases. FORCE ends the sessions still open on them. */
static void
drop_databases (void)
{
  g_autoptr(GError) error = NULL;
  PGconn *connection;

  g_mutex_lock (&databases_lock);
  if (databases == NULL || getpid () != databases_owner)
    {
      g_mutex_unlock (&databases_lock);
      return;
    }
  connection = connect_to (databases_base_uri, &error);
  for (guint i = 0; connection != NULL && i < databases->len; i++)
    {
      const char *name = g_ptr_array_index (databases, i);
      char *quoted = PQescapeIdentifier (connection, name, strlen (name));
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", quoted);

      PQfreemem (quoted);
      if (!run (connection, sql, &error))
        break;
    }
  if (error != NULL)
    g_printerr ("The test databases could not all be dropped: %s\n", error->message);
  if (connection != NULL)
    PQfinish (connection);
  g_clear_pointer (&databases, g_ptr_array_unref);
  g_clear_pointer (&databases_base_uri, g_free);
  g_mutex_unlock (&databases_lock);
}

static void
remember_database (const char *base_uri, const char *name)
{
  g_mutex_lock (&databases_lock);
  if (databases == NULL || databases_owner != getpid ())
    {
      g_clear_pointer (&databases, g_ptr_array_unref);
      g_free (databases_base_uri);
      databases = g_ptr_array_new_with_free_func (g_free);
      databases_base_uri = g_strdup (base_uri);
      databases_owner = getpid ();
    }
  g_ptr_array_add (databases, g_strdup (name));
  g_mutex_unlock (&databases_lock);
}

char *
pathway_test_pg_new_database (void)
{
  static gsize registered = 0;
  static int counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_uri = pathway_test_pg_base_uri ();
  g_autofree char *name = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *create = NULL;
  PGconn *connection;
  char *quoted;

  if (base_uri == NULL)
    return NULL;
  if (g_once_init_enter (&registered))
    {
      atexit (drop_databases);
      g_once_init_leave (&registered, 1);
    }

  name = g_strdup_printf ("pathway_test_%d_%d", (int) getpid (), g_atomic_int_add (&counter, 1));
  connection = connect_to (base_uri, &error);
  if (connection == NULL)
    g_error ("PATHWAY_TEST_PG is set but the server cannot be reached: %s", error->message);
  quoted = PQescapeIdentifier (connection, name, strlen (name));
  /* A database of this name is left from a process that had the same id and was killed
   * before it could drop its own. */
  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", quoted);
  create = g_strdup_printf ("CREATE DATABASE %s", quoted);
  PQfreemem (quoted);
  if (!run (connection, drop, &error) || !run (connection, create, &error))
    g_error ("The test database %s could not be made: %s", name, error->message);
  PQfinish (connection);

  remember_database (base_uri, name);
  return rewrite_uri (base_uri, name, NULL);
}

gboolean
pathway_test_pg_exec (const char *uri, const char *sql, GError **error)
{
  PGconn *connection = connect_to (uri, error);
  gboolean ok;

  if (connection == NULL)
    return FALSE;
  ok = run (connection, sql, error);
  PQfinish (connection);
  return ok;
}

char *
pathway_test_pg_query_text (const char *uri, const char *sql)
{
  g_autoptr(GError) error = NULL;
  PGconn *connection = connect_to (uri, &error);
  PGresult *result;
  char *text = NULL;

  if (connection == NULL)
    {
      g_test_message ("%s", error->message);
      return NULL;
    }
  result = PQexec (connection, sql);
  if (!result_ok (result, &error))
    g_test_message ("%s: %s", sql, error->message);
  else if (PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    text = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (connection);
  return text;
}

char *
pathway_test_pg_add_role (const char *base_uri, const char *role, const char *db_uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  PGconn *connection = connect_to (base_uri, &error);
  PGresult *result;
  char *quoted;

  if (connection == NULL)
    g_error ("The role %s could not be made: %s", role, error->message);
  quoted = PQescapeIdentifier (connection, role, strlen (role));
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN NOSUPERUSER", quoted);
  PQfreemem (quoted);
  result = PQexec (connection, sql);
  if (!result_ok (result, &error))
    {
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      /* The role exists already (duplicate_object), or another process made it at the same
       * moment (unique_violation). */
      if (g_strcmp0 (state, "42710") != 0 && g_strcmp0 (state, "23505") != 0)
        g_error ("The role %s could not be made: %s", role, error->message);
    }
  PQclear (result);
  PQfinish (connection);
  return rewrite_uri (db_uri, NULL, role);
}
