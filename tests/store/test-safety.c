/* test-safety.c: a file the store cannot or must not change is left exactly as it was. Files
 * that are not programmes, are newer than this build, are damaged, missing or read-only are
 * refused or opened read-only with the file byte for byte the same and nothing left beside
 * it; a file another process has open is refused with that process's user, host and time,
 * and a lock left by a process that died does not block anyone. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "programme.pathway", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The names in the folder, sorted, one a line. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Opening must fail with 'code' and leave the file and its folder as they were. */
static void
assert_refused (Fixture *fixture, PathwayError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = store_fixture_read_file (fixture->path);
  g_autofree char *listing = list_dir (fixture->dir);
  g_autofree char *after = NULL;
  g_autoptr(PathwayDocument) document = NULL;

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, code);
  g_test_message ("refused: %s", error->message);
  store_fixture_assert_file_unchanged (fixture->path, before);
  g_clear_error (&error);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, code);
  store_fixture_assert_file_unchanged (fixture->path, before);

  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, listing);
}

static void
test_refuses_text_file (Fixture *fixture, gconstpointer data)
{
  static const char text[] = "Ref,Action,Timescale\n1A,Publish the local offer,Dec 18\n";

  store_fixture_write_file (fixture->path, text, strlen (text));
  assert_refused (fixture, PATHWAY_ERROR_NOT_SQLITE);
}

static void
test_refuses_short_text_file (Fixture *fixture, gconstpointer data)
{
  store_fixture_write_file (fixture->path, "SQLite", 6);
  assert_refused (fixture, PATHWAY_ERROR_NOT_SQLITE);
}

static void
test_refuses_empty_file (Fixture *fixture, gconstpointer data)
{
  store_fixture_write_file (fixture->path, "", 0);
  assert_refused (fixture, PATHWAY_ERROR_EMPTY);
}

static void
test_refuses_other_application (Fixture *fixture, gconstpointer data)
{
  exec_sql (fixture->path, "CREATE TABLE bookmark (url TEXT, title TEXT);"
                           "INSERT INTO bookmark VALUES ('https://example.org', 'Example');");
  assert_refused (fixture, PATHWAY_ERROR_NOT_PROGRAMME);
}

static void
test_refuses_newer_schema (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          PATHWAY_SCHEMA_VERSION + 1);

  store_fixture_make_programme (fixture->path, 2);
  exec_sql (fixture->path, sql);
  assert_refused (fixture, PATHWAY_ERROR_NEWER_VERSION);
}

static void
test_refuses_missing_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autofree char *listing = list_dir (fixture->dir);
  g_autofree char *after = NULL;

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, listing);
}

static guint32
read_be (const guint8 *p, guint n)
{
  guint32 value = 0;

  for (guint i = 0; i < n; i++)
    value = (value << 8) | p[i];
  return value;
}

/* Overwrites the header and cell pointers of the b-tree page nearest the middle of the file:
 * damage that SQLite's own checks find on any page of any table. */
static void
damage_middle_page (const char *path)
{
  g_autoptr(GBytes) bytes = store_fixture_read_file (path);
  gsize size = g_bytes_get_size (bytes);
  guint8 *data = g_malloc (MAX (size, 100));
  guint32 page_size;
  guint32 n_pages;
  guint32 chosen = 0;

  g_assert_cmpuint (size, >=, 100);
  memcpy (data, g_bytes_get_data (bytes, NULL), size);
  page_size = read_be (data + 16, 2);
  if (page_size == 1)
    page_size = 65536;
  n_pages = size / page_size;
  g_assert_cmpuint (n_pages, >=, 8);

  for (guint32 offset = 0; offset < n_pages / 2 && chosen == 0; offset++)
    {
      guint32 candidates[] = { n_pages / 2 + offset, n_pages / 2 - offset };

      for (guint i = 0; i < G_N_ELEMENTS (candidates) && chosen == 0; i++)
        {
          guint32 page = candidates[i]; /* counting from 0; page 0 holds the schema */
          guint8 kind = data[(gsize) page * page_size];

          if (page > 0 && (kind == 0x02 || kind == 0x05 || kind == 0x0a || kind == 0x0d))
            chosen = page;
        }
    }
  g_assert_cmpuint (chosen, >, 0);
  g_test_message ("damaging page %u of %u", chosen + 1, n_pages);
  memset (data + (gsize) chosen * page_size, 0xa5, 64);
  store_fixture_write_file (path, data, size);
  g_free (data);
}

static void
test_refuses_damaged_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *after = NULL;

  store_fixture_make_programme (fixture->path, 200);
  damage_middle_page (fixture->path);
  before = store_fixture_read_file (fixture->path);
  listing = list_dir (fixture->dir);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  if (!g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    store_fixture_assert_pathway_error (error, PATHWAY_ERROR_NOT_SQLITE);
  store_fixture_assert_file_unchanged (fixture->path, before);
  g_clear_error (&error);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  store_fixture_assert_file_unchanged (fixture->path, before);
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, listing);
}

static void
test_create_refuses_existing_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) programme = NULL;
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.pathway", NULL);

  store_fixture_write_file (text_path, "notes", 5);
  text = store_fixture_read_file (text_path);
  document = pathway_document_create (text_path, "Over the notes", &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_EXISTS);
  store_fixture_assert_file_unchanged (text_path, text);
  g_clear_error (&error);

  store_fixture_make_programme (fixture->path, 3);
  programme = store_fixture_read_file (fixture->path);
  document = pathway_document_create (fixture->path, "Over the programme", &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_EXISTS);
  store_fixture_assert_file_unchanged (fixture->path, programme);
}

/* Read-only ----------------------------------------------------------------------------- */

/* Opens read-only (for whatever reason), shows that no write gets through and that the file
 * is the same afterwards. */
static void
assert_opens_read_only (const char *path, PathwayOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) before = store_fixture_read_file (path);
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  PathwayAction *action;

  document = pathway_document_open (path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (pathway_document_get_read_only (document));
  g_assert_nonnull (pathway_document_get_read_only_reason (document));
  g_assert_cmpstr (pathway_document_get_read_only_reason (document), !=, "");
  g_test_message ("read-only because: %s", pathway_document_get_read_only_reason (document));

  action = store_fixture_find_live_action (document, 1);
  g_assert_nonnull (action);
  g_assert_false (pathway_document_set_rating (document, action, PATHWAY_RATING_RED, NULL,
                                               &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_NONE);
  g_assert_false (pathway_document_set_commentary (document, action, "No", &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (pathway_action_get_commentary (action), ==, "");
  pathway_action_set_reference (draft, "9Z");
  g_assert_false (pathway_document_add_action (document, draft, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
  g_assert_cmpint (pathway_action_get_id (draft), ==, 0);

  pathway_document_close (document);
  store_fixture_assert_file_unchanged (path, before);
}

static gboolean
skip_as_root (void)
{
  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which ignores file permissions");
      return TRUE;
    }
  return FALSE;
}

static void
test_read_only_flag (Fixture *fixture, gconstpointer data)
{
  store_fixture_make_programme (fixture->path, 2);
  assert_opens_read_only (fixture->path, PATHWAY_OPEN_READ_ONLY);
}

static void
test_read_only_file (Fixture *fixture, gconstpointer data)
{
  if (skip_as_root ())
    return;
  store_fixture_make_programme (fixture->path, 2);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_opens_read_only (fixture->path, PATHWAY_OPEN_DEFAULT);
}

static void
test_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *listing = NULL;
  g_autofree char *after = NULL;

  if (skip_as_root ())
    return;
  store_fixture_make_programme (fixture->path, 2);
  listing = list_dir (fixture->dir);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  assert_opens_read_only (fixture->path, PATHWAY_OPEN_DEFAULT);
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, listing);
  g_chmod (fixture->dir, 0700);
}

/* Locks --------------------------------------------------------------------------------- */

typedef struct {
  GSubprocess *process;
  GDataInputStream *output;
} Child;

static void
child_start_holding (Child *child, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "store-child", NULL);
  g_autofree char *line = NULL;

  child->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                     | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                     &error, program, "hold", path, NULL);
  g_assert_no_error (error);
  child->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  line = g_data_input_stream_read_line_utf8 (child->output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
}

static void
child_kill (Child *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (child->process, SIGKILL);
  g_subprocess_wait (child->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child->process));
  g_clear_object (&child->output);
  g_clear_object (&child->process);
}

/* Closing its standard input lets the child close the document and exit by itself. */
static void
child_release (Child *child)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (g_subprocess_get_stdin_pipe (child->process), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (child->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&child->output);
  g_clear_object (&child->process);
}

static GKeyFile *
load_lock_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_path = g_strconcat (path, "-lock", NULL);
  GKeyFile *key_file = g_key_file_new ();

  g_key_file_load_from_file (key_file, lock_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  return key_file;
}

static char *
lock_string (GKeyFile *key_file, const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (key_file, "lock", key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpstr (value, !=, "");
  return value;
}

static void
assert_names_holder (const char *path, const char *user, const char *host, const char *since)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;

  document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_LOCKED);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, user));
  g_assert_nonnull (strstr (error->message, host));
  {
    /* The side file keeps ISO 8601; the message shows it as people read a time. */
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (since, NULL);
    g_autoptr(GDateTime) local = NULL;
    g_autofree char *shown = NULL;

    g_assert_nonnull (when);
    local = g_date_time_to_local (when);
    shown = g_date_time_format (local, "%-d %B %Y, %H:%M");
    g_assert_nonnull (strstr (error->message, shown));
  }
}

static void
test_lock_names_other_process (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GKeyFile) lock = NULL;
  g_autoptr(GKeyFile) still = NULL;
  g_autofree char *lock_path = g_strconcat (fixture->path, "-lock", NULL);
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GBytes) before = NULL;
  Child child = { 0 };

  store_fixture_make_programme (fixture->path, 2);
  child_start_holding (&child, fixture->path);
  before = store_fixture_read_file (fixture->path);
  lock = load_lock_file (fixture->path);
  user = lock_string (lock, "user");
  host = lock_string (lock, "host");
  since = lock_string (lock, "since");

  assert_names_holder (fixture->path, user, host, since);
  store_fixture_assert_file_unchanged (fixture->path, before);

  /* The refused open leaves the holder's side file alone, so the next one is told too. */
  if (!g_file_test (lock_path, G_FILE_TEST_EXISTS))
    g_error ("a refused open removed the side file of the process that holds the file");
  still = load_lock_file (fixture->path);
  g_assert_cmpint (g_key_file_get_int64 (still, "lock", "pid", NULL), ==,
                   g_ascii_strtoll (g_subprocess_get_identifier (child.process), NULL, 10));
  assert_names_holder (fixture->path, user, host, since);

  /* Once the holder closes it, the file is free again. */
  child_release (&child);
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Read-only, the file still cannot be read while another process holds it exclusively; the
 * refusal must be the same clear LOCKED, and must leave the holder's side file alone. */
static void
test_lock_refuses_read_only_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autofree char *lock_path = g_strconcat (fixture->path, "-lock", NULL);
  Child child = { 0 };

  store_fixture_make_programme (fixture->path, 2);
  child_start_holding (&child, fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  if (document != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (pathway_document_get_read_only (document));
      g_assert_nonnull (store_fixture_find_live_action (document, 1));
    }
  else
    {
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_LOCKED);
      g_test_message ("refused: %s", error->message);
    }
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_clear_object (&document);
  child_release (&child);
}

/* What the person gets instead: a read-only copy, which says whose file it is, refuses
 * writes, leaves the held file as it was and is gone once closed. */
static void
test_lock_open_copy (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) copy = NULL;
  g_autoptr(GKeyFile) lock = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *user = NULL;
  g_autofree char *copy_path = NULL;
  PathwayAction *action;
  Child child = { 0 };

  store_fixture_make_programme (fixture->path, 2);
  child_start_holding (&child, fixture->path);
  before = store_fixture_read_file (fixture->path);
  lock = load_lock_file (fixture->path);
  user = lock_string (lock, "user");

  copy = pathway_document_open_copy (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (pathway_document_get_read_only (copy));
  g_assert_nonnull (strstr (pathway_document_get_read_only_reason (copy), user));
  action = store_fixture_find_live_action (copy, 1);
  g_assert_nonnull (action);
  g_assert_false (pathway_document_set_rating (copy, action, PATHWAY_RATING_RED, "no", &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
  store_fixture_assert_file_unchanged (fixture->path, before);

  copy_path = g_strdup (pathway_document_get_path (copy));
  g_assert_cmpstr (copy_path, !=, fixture->path);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  pathway_document_close (copy);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  child_release (&child);
}

static void
test_lock_side_file_records_holder (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GKeyFile) lock = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *since_text = NULL;
  gint64 pid;
  Child child = { 0 };

  store_fixture_make_programme (fixture->path, 2);
  child_start_holding (&child, fixture->path);
  lock = load_lock_file (fixture->path);
  user = lock_string (lock, "user");
  host = lock_string (lock, "host");
  since_text = lock_string (lock, "since");
  pid = g_key_file_get_int64 (lock, "lock", "pid", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (host, ==, g_get_host_name ());
  g_assert_cmpint (pid, ==, g_ascii_strtoll (g_subprocess_get_identifier (child.process),
                                             NULL, 10));
  since = g_date_time_new_from_iso8601 (since_text, local);
  if (since == NULL)
    g_error ("the lock's since, “%s”, is not an ISO 8601 time", since_text);
  child_release (&child);
}

static void
test_stale_lock_is_replaced (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GKeyFile) stale = NULL;
  g_autoptr(GKeyFile) fresh = NULL;
  g_autofree char *lock_path = g_strconcat (fixture->path, "-lock", NULL);
  gint64 child_pid;
  Child child = { 0 };

  store_fixture_make_programme (fixture->path, 2);
  child_start_holding (&child, fixture->path);
  child_pid = g_ascii_strtoll (g_subprocess_get_identifier (child.process), NULL, 10);
  child_kill (&child);

  /* The dead process's side file is still there, naming it. */
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  stale = load_lock_file (fixture->path);
  g_assert_cmpint (g_key_file_get_int64 (stale, "lock", "pid", NULL), ==, child_pid);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_false (pathway_document_get_read_only (document));
  g_assert_nonnull (store_fixture_find_live_action (document, 1));

  fresh = load_lock_file (fixture->path);
  g_assert_cmpint (g_key_file_get_int64 (fresh, "lock", "pid", NULL), ==, getpid ());

  /* And the file can be written. */
  g_assert_true (pathway_document_set_rating (document, store_fixture_find_live_action (document,
                                                                                         1),
                                              PATHWAY_RATING_AMBER, NULL, &error));
  g_assert_no_error (error);
}

static void
test_lock_within_one_process (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) first = NULL;
  g_autoptr(PathwayDocument) second = NULL;

  store_fixture_make_programme (fixture->path, 2);
  first = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  second = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (second);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_LOCKED);
  g_clear_error (&error);
  {
    g_autoptr(GKeyFile) lock = NULL;
    g_autofree char *lock_path = g_strconcat (fixture->path, "-lock", NULL);

    if (!g_file_test (lock_path, G_FILE_TEST_EXISTS))
      g_error ("a refused open removed the side file of the document that holds the file");
    lock = load_lock_file (fixture->path);
    g_assert_cmpint (g_key_file_get_int64 (lock, "lock", "pid", NULL), ==, getpid ());
  }

  /* The refused open must not have taken the first one's lock away. */
  g_assert_true (pathway_document_set_rating (first, store_fixture_find_live_action (first, 1),
                                              PATHWAY_RATING_GREEN, NULL, &error));
  g_assert_no_error (error);
  pathway_document_close (first);

  second = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (second, 1)), ==,
                   PATHWAY_RATING_GREEN);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open/refuses-text-file", test_refuses_text_file);
  ADD ("open/refuses-short-file", test_refuses_short_text_file);
  ADD ("open/refuses-empty-file", test_refuses_empty_file);
  ADD ("open/refuses-other-application", test_refuses_other_application);
  ADD ("open/refuses-newer-schema", test_refuses_newer_schema);
  ADD ("open/refuses-missing-file", test_refuses_missing_file);
  ADD ("open/refuses-damaged-file", test_refuses_damaged_file);
  ADD ("open/read-only-flag", test_read_only_flag);
  ADD ("open/read-only-file", test_read_only_file);
  ADD ("open/read-only-folder", test_read_only_folder);
  ADD ("create/refuses-existing-file", test_create_refuses_existing_file);
  ADD ("lock/names-other-process", test_lock_names_other_process);
  ADD ("lock/read-only-open-while-held", test_lock_refuses_read_only_open);
  ADD ("lock/open-copy-while-held", test_lock_open_copy);
  ADD ("lock/side-file-records-holder", test_lock_side_file_records_holder);
  ADD ("lock/stale-lock-is-replaced", test_stale_lock_is_replaced);
  ADD ("lock/within-one-process", test_lock_within_one_process);

#undef ADD

  return g_test_run ();
}
