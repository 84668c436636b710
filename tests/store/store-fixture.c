/* store-fixture.c: temporary folders, whole-file comparison, a small programme and the
 * property-by-property comparison of model objects that the store tests share; and the switch
 * that runs the document tests against a programme on the PostgreSQL test server. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "pathway-document-private.h"
#include "pathway-remote.h"
#include "pg-test-util.h"
#include "store-fixture.h"

/* Fails the running test with a message built like printf, naming the caller's line. */
#define fail_printf(...) fail_at (__FILE__, __LINE__, G_STRFUNC, __VA_ARGS__)

static void fail_at (const char *file, int line, const char *func, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
fail_at (const char *file, int line, const char *func, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

char *
store_fixture_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathway-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
store_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  /* A test may have made the folder read-only; it must still be emptied. */
  g_chmod (dir, 0700);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        store_fixture_remove_dir (child);
      else if (g_unlink (child) != 0)
        g_test_message ("could not remove %s: %s", child, g_strerror (errno));
    }

  if (g_rmdir (dir) != 0)
    g_test_message ("could not remove %s: %s", dir, g_strerror (errno));
}

GBytes *
store_fixture_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

void
store_fixture_write_file (const char *path, const void *data, gsize size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

void
store_fixture_copy_file (const char *from, const char *to)
{
  g_autoptr(GBytes) bytes = store_fixture_read_file (from);
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  store_fixture_write_file (to, data, size);
}

void
store_fixture_assert_file_unchanged (const char *path, GBytes *before)
{
  g_autoptr(GBytes) after = store_fixture_read_file (path);
  gsize before_size = 0;
  gsize after_size = 0;
  const guint8 *before_data = g_bytes_get_data (before, &before_size);
  const guint8 *after_data = g_bytes_get_data (after, &after_size);

  g_assert_cmpuint (after_size, ==, before_size);
  if (before_size > 0 && memcmp (before_data, after_data, before_size) != 0)
    {
      gsize first = 0;

      while (before_data[first] == after_data[first])
        first++;
      fail_printf ("%s changed, first at byte %" G_GSIZE_FORMAT,
                                            path, first);
    }
}

GDateTime *
store_fixture_utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

GDate *
store_fixture_date (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

void
store_fixture_set_day (PathwayDocument *document, int year, int month, int day)
{
  g_autoptr(GDateTime) now = store_fixture_utc (year, month, day, 12, 0);

  pathway_document_set_now (document, now);
}

/* Programmes on the server ------------------------------------------------------------- */

/* The ordinary role the tests sign in as, as a client does; its person is the author. */
#define SERVER_ROLE "pathway_tester"

typedef struct {
  char *db;  /* the database, as the superuser */
  char *uri; /* signed in as SERVER_ROLE */
  PathwayDocument *observer; /* a second client, open since the upload */
} ServerCopy;

static void
server_copy_free (ServerCopy *copy)
{
  if (copy->observer != NULL)
    pathway_document_close (copy->observer);
  g_clear_object (&copy->observer);
  g_free (copy->db);
  g_free (copy->uri);
  g_free (copy);
}

/* The database each path's programme was uploaded into, by the path. */
static GHashTable *
server_copies (void)
{
  static GHashTable *copies;

  if (copies == NULL)
    copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) server_copy_free);
  return copies;
}

gboolean
store_fixture_on_server (void)
{
  return g_strcmp0 (g_getenv ("PATHWAY_TEST_STORE"), "postgresql") == 0;
}

gboolean
store_fixture_server_missing (void)
{
  return store_fixture_on_server () && !pathway_test_pg_available ();
}

/* 'text' as an SQL string literal. */
static char *
sql_literal (const char *text)
{
  g_autoptr (GString) quoted = g_string_new ("'");

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static void
server_set_person (const char *db, const char *person)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *literal = sql_literal (person);
  /* A manager (who may change what: test-access.c), whose name is the author's. */
  g_autofree char *sql = g_strdup_printf ("SELECT pathway_set_user ('" SERVER_ROLE "', NULL,"
                                          " 'manager', false);"
                                          "UPDATE pathway_user SET person = %s"
                                          " WHERE login = '" SERVER_ROLE "'",
                                          literal);

  g_assert_true (pathway_test_pg_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The databases of tests that have ended (their superuser's URIs), emptied for the next: a
 * new database costs the server a second or two to make and drop, an emptied one almost
 * nothing. */
static GPtrArray *
spare_databases (void)
{
  static GPtrArray *spare;

  if (spare == NULL)
    spare = g_ptr_array_new_with_free_func (g_free);
  return spare;
}

/* Empties a database a test used, as the superuser: every table of the programme and of the
 * server, and the sequences started again, as pathway_server_init left it but for the
 * programme's row, which an upload replaces anyway. */
static char *
server_reuse_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *sql = NULL;
  char *db;

  if (spare_databases ()->len == 0)
    return pathway_test_pg_new_database ();
  db = g_ptr_array_steal_index (spare_databases (), spare_databases ()->len - 1);
  tables = pathway_test_pg_query_text (db, "SELECT string_agg (quote_ident (name), ', ')"
                                           " FROM pathway_table");
  g_assert_nonnull (tables);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                         " WHERE datname = current_database () AND pid <> pg_backend_pid ();"
                         "TRUNCATE %s, pathway_commit, pathway_user;"
                         "ALTER SEQUENCE pathway_commit_seq RESTART;"
                         "ALTER SEQUENCE pathway_id_block RESTART", tables);
  g_assert_true (pathway_test_pg_exec (db, sql, &error));
  g_assert_no_error (error);
  return db;
}

/* Uploads the file at 'path' into a database of its own, whose role's person is 'author'. */
static ServerCopy *
server_upload (const char *path, const char *author, GError **error)
{
  g_autofree char *base = pathway_test_pg_base_uri ();
  ServerCopy *copy = g_new0 (ServerCopy, 1);

  copy->db = server_reuse_database ();
  copy->uri = pathway_test_pg_add_role (base, SERVER_ROLE, copy->db);
  if (!pathway_server_upload (path, copy->db, NULL, error))
    {
      server_copy_free (copy);
      return NULL;
    }
  if (author != NULL)
    server_set_person (copy->db, author);
  copy->observer = pathway_document_open (copy->uri, PATHWAY_OPEN_READ_ONLY, error);
  if (copy->observer == NULL)
    {
      server_copy_free (copy);
      return NULL;
    }
  g_hash_table_replace (server_copies (), g_strdup (path), copy);
  return copy;
}

static ServerCopy *
server_copy_for (const char *location)
{
  GHashTableIter iter;
  gpointer value;

  if (!pathway_location_is_remote (location))
    return g_hash_table_lookup (server_copies (), location);
  /* A document's path on a server is its URI as shown, without the password. */
  g_hash_table_iter_init (&iter, server_copies ());
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ServerCopy *copy = value;
      g_autofree char *shown = pathway_remote_display_uri (copy->uri);

      if (g_str_equal (location, copy->uri) || g_str_equal (location, shown))
        return copy;
    }
  return NULL;
}

static PathwayDocument *
server_open (ServerCopy *copy, PathwayOpenFlags flags, GError **error)
{
  PathwayDocument *document = pathway_document_open (copy->uri, flags, error);

  if (document != NULL)
    g_object_set_data_full (G_OBJECT (document), "store-fixture-db", g_strdup (copy->db), g_free);
  return document;
}

PathwayDocument *
store_fixture_create (const char *path, const char *name, GError **error)
{
  g_autoptr (PathwayDocument) file = pathway_document_create (path, name, error);
  g_autofree char *author = NULL;
  ServerCopy *copy;

  if (file == NULL || !store_fixture_on_server ())
    return g_steal_pointer (&file);
  /* The file is made as for the file store, so the two start alike. */
  author = g_strdup (pathway_document_get_author (file));
  pathway_document_close (file);
  copy = server_upload (path, author, error);
  return copy != NULL ? server_open (copy, PATHWAY_OPEN_DEFAULT, error) : NULL;
}

PathwayDocument *
store_fixture_open (const char *path, PathwayOpenFlags flags, GError **error)
{
  ServerCopy *copy;

  if (!store_fixture_on_server ())
    return pathway_document_open (path, flags, error);
  copy = server_copy_for (path);
  if (copy == NULL && !pathway_location_is_remote (path))
    {
      g_autoptr (PathwayDocument) file = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY |
                                                                  PATHWAY_OPEN_NO_BACKUP,
                                                                error);
      g_autofree char *author = NULL;

      if (file == NULL)
        return NULL;
      author = g_strdup (pathway_document_get_author (file));
      pathway_document_close (file);
      copy = server_upload (path, author, error);
      if (copy == NULL)
        return NULL;
    }
  if (copy == NULL)
    return pathway_document_open (path, flags, error);
  return server_open (copy, flags, error);
}

/* Every table of the two copies in memory, row for row, value for value (type and bytes). */
static void
assert_same_replicas (const char *what, PathwayDocument *a, PathwayDocument *b)
{
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (a->db->handle,
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *all = g_strdup_printf ("SELECT * FROM %s", table);
      g_autoptr (GString) sql = g_string_new (all);
      sqlite3_stmt *rows[2] = { NULL, NULL };
      int n_columns, row = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (a->db->handle, all, -1, &rows[0], NULL), ==,
                       SQLITE_OK);
      n_columns = sqlite3_column_count (rows[0]);
      sqlite3_finalize (rows[0]);
      for (int c = 0; c < n_columns; c++)
        g_string_append_printf (sql, "%s%d", c ? ", " : " ORDER BY ", c + 1);
      g_assert_cmpint (sqlite3_prepare_v2 (a->db->handle, sql->str, -1, &rows[0], NULL), ==,
                       SQLITE_OK);
      if (sqlite3_prepare_v2 (b->db->handle, sql->str, -1, &rows[1], NULL) != SQLITE_OK)
        fail_printf ("%s: no table %s in the second copy", what, table);
      for (;; row++)
        {
          int rc0 = sqlite3_step (rows[0]), rc1 = sqlite3_step (rows[1]);

          if (rc0 != rc1)
            fail_printf ("%s: %s has %s rows in the first copy", what, table,
                         rc0 == SQLITE_ROW ? "more" : "fewer");
          if (rc0 != SQLITE_ROW)
            break;
          for (int c = 0; c < n_columns; c++)
            {
              sqlite3_value *x = sqlite3_column_value (rows[0], c);
              sqlite3_value *y = sqlite3_column_value (rows[1], c);
              gboolean same = sqlite3_value_type (x) == sqlite3_value_type (y);

              if (same && sqlite3_value_type (x) == SQLITE_FLOAT)
                same = sqlite3_value_double (x) == sqlite3_value_double (y);
              else if (same && sqlite3_value_type (x) != SQLITE_NULL)
                same = sqlite3_value_bytes (x) == sqlite3_value_bytes (y) &&
                       (sqlite3_value_bytes (x) == 0 ||
                        memcmp (sqlite3_value_blob (x), sqlite3_value_blob (y),
                                sqlite3_value_bytes (x)) == 0);
              if (!same)
                fail_printf ("%s: %s row %d (id %s) column %s: %s (type %d) then %s (type %d)",
                             what, table, row, sqlite3_column_text (rows[0], 0),
                             sqlite3_column_name (rows[0], c), sqlite3_column_text (rows[0], c),
                             sqlite3_column_type (rows[0], c), sqlite3_column_text (rows[1], c),
                             sqlite3_column_type (rows[1], c));
            }
        }
      sqlite3_finalize (rows[0]);
      sqlite3_finalize (rows[1]);
    }
  sqlite3_finalize (tables);
}

/* The records of every kind, retired ones too, with every property (the model's own objects
 * for the kinds the model keeps), and each record's changes. */
static void
assert_same_models (const char *what, PathwayDocument *a, PathwayDocument *b)
{
  for (const char *const *name = pathway_kind_list_names (); *name != NULL; name++)
    {
      const PathwayKind *kind = pathway_kind_lookup (*name);
      g_autoptr (GError) error = NULL;
      g_autoptr (GListModel) in_a = pathway_document_list_records (a, kind, TRUE, &error);
      g_autoptr (GListModel) in_b = NULL;
      g_autofree char *where = g_strdup_printf ("%s: %s", what, *name);

      g_assert_no_error (error);
      in_b = pathway_document_list_records (b, kind, TRUE, &error);
      g_assert_no_error (error);
      store_fixture_assert_same_items (where, in_a, in_b);
      for (guint i = 0; i < g_list_model_get_n_items (in_a); i++)
        {
          g_autoptr (GObject) record = g_list_model_get_item (in_a, i);
          g_autoptr (GObject) other = NULL;
          g_autoptr (GListModel) changes_a = NULL;
          g_autoptr (GListModel) changes_b = NULL;
          g_autofree char *changes = NULL;

          for (guint j = 0; other == NULL && j < g_list_model_get_n_items (in_b); j++)
            {
              g_autoptr (GObject) candidate = g_list_model_get_item (in_b, j);

              if (pathway_record_get_id (candidate) == pathway_record_get_id (record))
                other = g_steal_pointer (&candidate);
            }
          changes = g_strdup_printf ("%s #%" G_GINT64_FORMAT " changes", where,
                                     pathway_record_get_id (record));
          changes_a = pathway_document_list_changes (a, record, &error);
          g_assert_no_error (error);
          changes_b = pathway_document_list_changes (b, other, &error);
          g_assert_no_error (error);
          store_fixture_assert_same_items (changes, changes_a, changes_b);
        }
    }
}

void
store_fixture_assert_matches_server (const char *what, PathwayDocument *document,
                                     const char *uri)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) fresh = pathway_document_open (uri, PATHWAY_OPEN_READ_ONLY,
                                                             &error);

  g_assert_no_error (error);
  assert_same_replicas (what, document, fresh);
  assert_same_models (what, document, fresh);
  pathway_document_close (fresh);
}

static void
check_against_fresh (const char *what, ServerCopy *copy, PathwayDocument *document)
{
  store_fixture_assert_matches_server (what, document, copy->uri);
}

static void
check_observer (ServerCopy *copy)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pathway_document_catch_up (copy->observer, NULL, &error));
  g_assert_no_error (error);
  check_against_fresh ("a second client, caught up", copy, copy->observer);
}

void
store_fixture_check_server (PathwayDocument *document)
{
  const char *db = g_object_get_data (G_OBJECT (document), "store-fixture-db");
  GHashTableIter iter;
  gpointer value;

  if (db == NULL || document->db == NULL)
    return;
  g_hash_table_iter_init (&iter, server_copies ());
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ServerCopy *copy = value;

      if (!g_str_equal (copy->db, db))
        continue;
      check_against_fresh ("the writer", copy, document);
      check_observer (copy);
    }
}

void
store_fixture_forget_servers (void)
{
  GHashTableIter iter;
  gpointer value;

  if (!store_fixture_on_server ())
    return;
  g_hash_table_iter_init (&iter, server_copies ());
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ServerCopy *copy = value;

      check_observer (copy);
      g_ptr_array_add (spare_databases (), g_steal_pointer (&copy->db));
    }
  g_hash_table_remove_all (server_copies ());
}

void
store_fixture_set_author (PathwayDocument *document, const char *author)
{
  const char *db = g_object_get_data (G_OBJECT (document), "store-fixture-db");

  if (db == NULL)
    pathway_document_set_author (document, author);
  else
    server_set_person (db, author);
}

static PGconn *
server_connect (const char *path)
{
  ServerCopy *copy = server_copy_for (path);
  PGconn *conn;

  if (copy == NULL)
    fail_printf ("%s was never opened on the server", path);
  conn = PQconnectdb (copy->db);
  if (PQstatus (conn) != CONNECTION_OK)
    fail_printf ("%s: %s", copy->db, PQerrorMessage (conn));
  return conn;
}

static PGresult *
server_query (PGconn *conn, const char *sql, int n_params, const Oid *types,
              const char *const *values)
{
  PGresult *result = PQexecParams (conn, sql, n_params, types, values, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    fail_printf ("%s: %s", sql, PQresultErrorMessage (result));
  return result;
}

GBytes *
store_fixture_read_programme (const char *path)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PGconn *conn;
  PGresult *tables;

  if (!store_fixture_on_server ())
    return store_fixture_read_file (path);
  /* Every row of every table in a fixed order, and the commits: a write that reached the
   * server shows in one or the other. */
  conn = server_connect (path);
  tables = server_query (conn, "SELECT name FROM pathway_table UNION ALL"
                               " SELECT 'pathway_commit' ORDER BY 1", 0, NULL, NULL);
  for (int i = 0; i < PQntuples (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT to_jsonb (t)::text FROM %s t ORDER BY 1",
                                              PQgetvalue (tables, i, 0));
      PGresult *rows = server_query (conn, sql, 0, NULL, NULL);

      g_string_append_printf (text, "%s:\n", PQgetvalue (tables, i, 0));
      for (int r = 0; r < PQntuples (rows); r++)
        g_string_append_printf (text, "%s\n", PQgetvalue (rows, r, 0));
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  {
    gsize size = text->len;

    return g_bytes_new_take (g_string_free (g_steal_pointer (&text), FALSE), size);
  }
}

void
store_fixture_assert_programme_unchanged (const char *path, GBytes *before)
{
  g_autoptr (GBytes) after = NULL;

  if (!store_fixture_on_server ())
    {
      store_fixture_assert_file_unchanged (path, before);
      return;
    }
  after = store_fixture_read_programme (path);
  if (!g_bytes_equal (before, after))
    {
      const char *a = g_bytes_get_data (before, NULL), *b = g_bytes_get_data (after, NULL);
      gsize n = MIN (g_bytes_get_size (before), g_bytes_get_size (after)), first = 0;

      while (first < n && a[first] == b[first])
        first++;
      fail_printf ("the programme on the server changed, first at \"%.80s\"", b + first);
    }
}

gint64
store_fixture_query_int (const char *path, const char *sql, const char *text, gint64 number)
{
  g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  const char *values[2] = { text, number_text };
  const Oid types[2] = { 25 /* text */, 20 /* bigint */ };
  g_autoptr (GString) server_sql = NULL;
  int n_params = 0;
  PGconn *conn;
  PGresult *result;
  gint64 value;

  if (!store_fixture_on_server ())
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      if (sqlite3_bind_parameter_count (stmt) >= 1)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, number);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      return value;
    }
  /* ?1 and ?2 are $1 and $2 to PostgreSQL, which wants only the parameters used. */
  server_sql = g_string_new (NULL);
  for (const char *p = sql; *p; p++)
    if (p[0] == '?' && (p[1] == '1' || p[1] == '2'))
      {
        n_params = MAX (n_params, p[1] - '0');
        g_string_append_c (server_sql, '$');
      }
    else
      g_string_append_c (server_sql, *p);
  conn = server_connect (path);
  result = server_query (conn, server_sql->str, n_params, types, values);
  g_assert_cmpint (PQntuples (result), ==, 1);
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

void
store_fixture_make_programme (const char *path, guint n_actions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();

  document = pathway_document_create (path, "Fixture programme", &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 1, 10);

  pathway_workstream_set_code (workstream, "A");
  pathway_workstream_set_title (workstream, "Identification of need");
  pathway_document_add_workstream (document, workstream, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= n_actions; i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u", i);

      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, "Agree the local offer review");
      pathway_action_set_workstream (action, workstream);
      pathway_document_add_action (document, action, &error);
      g_assert_no_error (error);
    }

  pathway_document_close (document);
}

PathwayAction *
store_fixture_find_live_action (PathwayDocument *document, gint64 id)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayAction *action = pathway_programme_find_action (programme, id);

  if (action == NULL || pathway_action_get_deleted (action))
    return NULL;
  return action;
}

/* Comparing properties ------------------------------------------------------------------ */

static char *
describe_date (const GDate *date)
{
  char text[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("(no date)");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
describe_value (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_DATE)
    return describe_date (g_value_get_boxed (value));

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);

      return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("(no time)");
    }

  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *timescale = g_value_get_boxed (value);
      g_autofree char *date = NULL;

      if (timescale == NULL)
        return g_strdup ("(no timescale)");
      date = describe_date (&timescale->date);
      return g_strdup_printf ("\"%s\" %s precision %d", timescale->text, date,
                              timescale->precision);
    }

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      gsize length = text != NULL ? strlen (text) : 0;

      /* Very long strings are named by length and start, so a failure stays readable. */
      if (length > 200)
        return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes starting \"%.60s\"", length, text);
    }

  return g_strdup_value_contents (value);
}

static gboolean
dates_equal (const GDate *a, const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid == b_valid;
  return g_date_compare (a, b) == 0;
}

static gboolean
doubles_equal (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

static gboolean
timescales_equal (const PathwayTimescale *a, const PathwayTimescale *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->text, b->text) == 0 && dates_equal (&a->date, &b->date)
         && a->precision == b->precision;
}

static void compare_objects (const char *what, GObject *a, GObject *b, guint depth);

static gboolean
values_equal (const char *what, const GValue *a, const GValue *b, guint depth)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_DOUBLE)
    return doubles_equal (g_value_get_double (a), g_value_get_double (b));
  if (type == G_TYPE_DATE)
    return dates_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      if (ta == NULL || tb == NULL)
        return ta == tb;
      return g_date_time_equal (ta, tb);
    }
  if (type == PATHWAY_TYPE_TIMESCALE)
    return timescales_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (g_type_is_a (type, G_TYPE_OBJECT))
    {
      GObject *oa = g_value_get_object (a);
      GObject *ob = g_value_get_object (b);

      if (oa == NULL || ob == NULL)
        return oa == ob;
      if (G_OBJECT_TYPE (oa) != G_OBJECT_TYPE (ob))
        return FALSE;
      compare_objects (what, oa, ob, depth + 1);
      return TRUE;
    }

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_UINT:
      return g_value_get_uint (a) == g_value_get_uint (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_UINT64:
      return g_value_get_uint64 (a) == g_value_get_uint64 (b);
    case G_TYPE_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case G_TYPE_FLAGS:
      return g_value_get_flags (a) == g_value_get_flags (b);
    case G_TYPE_FLOAT:
      return doubles_equal (g_value_get_float (a), g_value_get_float (b));
    default:
      fail_printf ("%s: no comparison for type %s", what,
                                            g_type_name (type));
      return FALSE;
    }
}

static void
compare_objects (const char *what, GObject *a, GObject *b, guint depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  /* Objects refer to others (an action to its workstream, the workstream to its lead); a few
   * levels are enough to reach every kind, and stop any cycle. */
  if (depth > 3)
    return;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *where = NULL;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      where = g_strdup_printf ("%s %s:%s", what, G_OBJECT_TYPE_NAME (a), pspec->name);
      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);

      if (!values_equal (where, &va, &vb, depth))
        {
          g_autofree char *da = describe_value (&va);
          g_autofree char *db = describe_value (&vb);

          fail_printf ("%s differs: %s then %s", where, da, db);
        }
    }
}

void
store_fixture_assert_same_properties (const char *what, gpointer a, gpointer b)
{
  g_assert_true (G_IS_OBJECT (a));
  g_assert_true (G_IS_OBJECT (b));
  compare_objects (what, a, b, 0);
}

static gint64
object_id (gpointer object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

void
store_fixture_assert_same_items (const char *what, GListModel *a, GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (g_list_model_get_n_items (b) != n)
    fail_printf ("%s: %u items then %u", what, n,
                                          g_list_model_get_n_items (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (a, i);
      gint64 id = object_id (item);
      gboolean found = FALSE;

      g_assert_cmpint (id, >, 0);
      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (b, j);

          if (object_id (other) == id)
            {
              g_autofree char *where = g_strdup_printf ("%s #%" G_GINT64_FORMAT, what, id);

              store_fixture_assert_same_properties (where, item, other);
              found = TRUE;
            }
        }

      if (!found)
        fail_printf ("%s: id %" G_GINT64_FORMAT " is missing", what,
                                              id);
    }
}

static gboolean
value_is_set (GParamSpec *pspec, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_get_string (value) != NULL && g_value_get_string (value)[0] != '\0';
  if (type == G_TYPE_DOUBLE)
    return !isnan (g_value_get_double (value));
  if (type == G_TYPE_DATE)
    return dates_equal (g_value_get_boxed (value), NULL) == FALSE;
  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *timescale = g_value_get_boxed (value);

      return timescale != NULL && timescale->text[0] != '\0'
             && pathway_timescale_has_date (timescale);
    }
  if (G_TYPE_IS_BOXED (type))
    return g_value_get_boxed (value) != NULL;
  if (g_type_is_a (type, G_TYPE_OBJECT))
    return g_value_get_object (value) != NULL;
  if (G_TYPE_FUNDAMENTAL (type) == G_TYPE_INT64 && g_str_equal (pspec->name, "id"))
    return g_value_get_int64 (value) != 0;

  return !g_param_value_defaults (pspec, value);
}

void
store_fixture_assert_all_set (const char *what, gpointer object, const char *const *except)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;
      if (except != NULL && g_strv_contains (except, pspec->name))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);
      if (!value_is_set (pspec, &value))
        fail_printf ("%s: %s:%s is left at its default, so the round "
                                              "trip does not test it", what,
                                              G_OBJECT_TYPE_NAME (object), pspec->name);
    }
}

/* The child's edits -------------------------------------------------------------------------- */

guint
store_edit_action_index (guint edit)
{
  return (edit - 1) % STORE_EDIT_N_ACTIONS;
}

gboolean
store_edit_is_rating (guint edit)
{
  return ((edit - 1) / STORE_EDIT_N_ACTIONS) % 2 == 1;
}

char *
store_edit_token (gint64 pid, guint edit)
{
  return g_strdup_printf ("P%" G_GINT64_FORMAT "-E%u", pid, edit);
}

char *
store_edit_commentary (const char *token, guint edit)
{
  static const char words[] = " The panel met and agreed the next steps with the parent carer "
                              "forum.";
  GString *text = g_string_new (token);
  gsize length = (edit * 397) % 6000;

  while (text->len < length)
    g_string_append (text, words);
  return g_string_free (text, FALSE);
}

PathwayRating
store_edit_next_rating (PathwayRating current)
{
  switch (current)
    {
    case PATHWAY_RATING_RED:
      return PATHWAY_RATING_AMBER;
    case PATHWAY_RATING_AMBER:
      return PATHWAY_RATING_GREEN;
    case PATHWAY_RATING_NONE:
    case PATHWAY_RATING_GREEN:
    case PATHWAY_RATING_BLUE:
    default:
      return PATHWAY_RATING_RED;
    }
}
