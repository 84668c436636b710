/* test-damage.c: damage is found before anything is written over it, the damaged file is kept
 * as it was (and a copy of it aside), and salvage reads what can be read into a new file.
 *
 * The cases: fixtures/index-damage.pathway, a real file whose indexes disagree with their
 * tables in a way quick_check misses (an Amber rating's index entry reads "ambe?", so the
 * ratings as at the end of 2025 showed the action as not rated); the same file down the large
 * file's path (the index comparison left to check_step and finished before the first write);
 * a programme with one table page overwritten; and a programme cut short. Each is refused at
 * open with the file byte for byte as it was, and each salvage opens and passes the check. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pathway-backup.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
  char *salvaged;
  char *backups;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "programme.pathway", NULL);
  fixture->salvaged = g_build_filename (fixture->dir, "salvaged.pathway", NULL);
  /* Each test keeps its backups, and the damaged file's copy, to itself. */
  fixture->backups = g_build_filename (fixture->dir, "backups", NULL);
  g_setenv ("PATHWAY_BACKUP_DIR", fixture->backups, TRUE);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_unsetenv ("PATHWAY_FULL_CHECK_BYTES");
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->salvaged);
  g_free (fixture->backups);
}

static GBytes *
copy_index_damage (Fixture *fixture)
{
  g_autofree char *kept = g_test_build_filename (G_TEST_DIST, "fixtures", "index-damage.pathway",
                                                 NULL);

  store_fixture_copy_file (kept, fixture->path);
  return store_fixture_read_file (fixture->path);
}

/* Whether a file named damaged-*.pathway is in the programme's backup folder. */
static gboolean
kept_aside (const char *path)
{
  g_autofree char *folder = pathway_backup_folder_for (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "damaged-") && g_str_has_suffix (name, ".pathway"))
      return TRUE;
  return FALSE;
}

/* The rating of action 11 as at the end of 2025: Amber, unless the damaged index is read. */
static PathwayRating
rating_of_11_at_end_of_2025 (PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = store_fixture_date (2025, 12, 31);
  g_autoptr(GArray) states = pathway_document_states_as_at (document, day, &error);
  const PathwayActionState *state;

  g_assert_no_error (error);
  state = pathway_action_states_find (states, 11);
  g_assert_nonnull (state);
  return state->rating;
}

static void
assert_opens_clean (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PathwayDocument) document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT,
                                                               &error);

  g_assert_no_error (error);
  if (!pathway_document_check (document, problems, &error))
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_index_damage_refused (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) before = copy_index_damage (fixture);
  const PathwayOpenFlags flags[] = { PATHWAY_OPEN_DEFAULT, PATHWAY_OPEN_READ_ONLY,
                                     PATHWAY_OPEN_DEFER_CHECK };

  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = pathway_document_open (fixture->path, flags[i],
                                                                   &error);

      g_assert_null (document);
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "programme.pathway"));
      g_assert_nonnull (strstr (error->message, "indexes"));
      g_assert_nonnull (strstr (error->message, "has not changed it"));
      store_fixture_assert_file_unchanged (fixture->path, before);
    }
  g_assert_true (kept_aside (fixture->path));

  /* The check on its own says the same, whichever way it looks. */
  for (int full = 0; full <= 1; full++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pathway_document_check_file (fixture->path, full, &error));
      g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED);
    }
  store_fixture_assert_file_unchanged (fixture->path, before);
}

/* Down the large file's path: quick_check passes, the open returns, and the index comparison
 * finds the damage in steps, or before the first write. */
static void
test_index_damage_found_after_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  gboolean done = FALSE;
  guint steps = 0;

  g_setenv ("PATHWAY_FULL_CHECK_BYTES", "0", TRUE);
  before = copy_index_damage (fixture);

  /* Without deferral (the command line), the open itself finds it. */
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED);
  g_clear_error (&error);

  /* The file is of version 3; opened for writing it would be upgraded, so look read-only. */
  document = pathway_document_open (fixture->path,
                                    PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_DEFER_CHECK, &error);
  g_assert_null (document);
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED);
  g_clear_error (&error);
  store_fixture_assert_file_unchanged (fixture->path, before);

  /* A current file with the same damage: salvage an undamaged copy, then spoil an index. */
  {
    g_auto(PathwaySalvage) salvage = { 0 };
    sqlite3 *db = NULL;

    g_unsetenv ("PATHWAY_FULL_CHECK_BYTES");
    g_assert_true (pathway_document_salvage (fixture->path, fixture->salvaged, &salvage,
                                             &error));
    g_assert_no_error (error);
    document = pathway_document_open (fixture->salvaged, PATHWAY_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    pathway_document_close (document);
    g_clear_object (&document);

    /* An index that says something else than its table: what a flipped byte in an index
     * page does, made with writable_schema. */
    g_assert_cmpint (sqlite3_open (fixture->salvaged, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "PRAGMA writable_schema = ON;"
                                   "UPDATE sqlite_schema SET sql = replace(sql, '(kind, record_id,"
                                   " at)', '(kind, at, record_id)') WHERE name ="
                                   " 'change_log_by_record';",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_setenv ("PATHWAY_FULL_CHECK_BYTES", "0", TRUE);
  g_clear_pointer (&before, g_bytes_unref);
  before = store_fixture_read_file (fixture->salvaged);

  /* Opened for writing, it is backed up first (it changed since its last backup), and the
   * backup's check finds the damage: the copy's damage is the file's. */
  document = pathway_document_open (fixture->salvaged, PATHWAY_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_damaged (document));
  g_assert_true (pathway_document_get_read_only (document));
  g_assert_nonnull (strstr (pathway_document_get_read_only_reason (document), "backup copy"));
  pathway_document_close (document);
  g_clear_object (&document);
  store_fixture_assert_file_unchanged (fixture->salvaged, before);

  /* Without the backup, the index comparison in steps finds it. */
  document = pathway_document_open (fixture->salvaged,
                                    PATHWAY_OPEN_DEFER_CHECK | PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_false (pathway_document_get_damaged (document));
  while (pathway_document_check_step (document, 100, &done, &error) && !done)
    steps++;
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "salvaged.pathway"));
  g_clear_error (&error);
  g_test_message ("damage found after %u steps of 100 rows", steps);
  g_assert_cmpuint (steps, >, 1);
  g_assert_true (pathway_document_get_damaged (document));
  g_assert_true (pathway_document_get_read_only (document));

  /* Nothing is written to it from then on, and the message says why. */
  {
    GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
    g_autoptr(PathwayAction) action = g_list_model_get_item (actions, 0);

    g_assert_false (pathway_document_set_rating (document, action, PATHWAY_RATING_RED, NULL,
                                                 &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "damaged"));
    g_clear_error (&error);
  }
  pathway_document_close (document);
  g_clear_object (&document);
  store_fixture_assert_file_unchanged (fixture->salvaged, before);

  /* An edit before the steps finishes the comparison first, and is refused. */
  document = pathway_document_open (fixture->salvaged,
                                    PATHWAY_OPEN_DEFER_CHECK | PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  {
    GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
    g_autoptr(PathwayAction) action = g_list_model_get_item (actions, 0);

    g_assert_false (pathway_document_set_rating (document, action, PATHWAY_RATING_RED, NULL,
                                                 &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED);
    g_clear_error (&error);
    g_assert_true (pathway_document_get_damaged (document));
  }
  pathway_document_close (document);
  store_fixture_assert_file_unchanged (fixture->salvaged, before);
}

static void
test_index_damage_salvaged (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) before = copy_index_damage (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_auto(PathwaySalvage) salvage = { 0 };

  g_assert_true (pathway_document_salvage (fixture->path, fixture->salvaged, &salvage, &error));
  g_assert_no_error (error);
  g_assert_true (salvage.indexes_only);
  g_assert_cmpuint (salvage.rows_lost, ==, 0);
  g_assert_nonnull (strstr (salvage.summary, "nothing was lost"));
  store_fixture_assert_file_unchanged (fixture->path, before);

  /* The rating the damaged index hid is back. */
  document = pathway_document_open (fixture->salvaged, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rating_of_11_at_end_of_2025 (document), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpuint (g_list_model_get_n_items (
                      pathway_programme_get_actions (pathway_document_get_programme (document))),
                    ==, 110);
  pathway_document_close (document);
  assert_opens_clean (fixture->salvaged);

  /* Never over a file that exists. */
  {
    g_auto(PathwaySalvage) again = { 0 };

    g_assert_false (pathway_document_salvage (fixture->path, fixture->salvaged, &again, &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS);
  }
}

/* A programme with enough history to span many pages, closed. */
static void
make_programme_with_history (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  GListModel *actions;

  store_fixture_make_programme (path, 60);
  document = pathway_document_open (path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  for (guint round = 0; round < 6; round++)
    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
        g_autofree char *text = g_strdup_printf ("Round %u: the working group met and agreed "
                                                 "the next steps for action %u with the parent "
                                                 "carer forum.", round, i);

        g_assert_true (pathway_document_set_commentary (document, action, text, &error));
        g_assert_no_error (error);
      }
  pathway_document_close (document);
}

/* The page number of a leaf page of 'table', from SQLite's dbstat. */
static gint64
leaf_page_of (const char *path, const char *table, int nth)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ?1 AND"
                                           " pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, nth);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  return page;
}

static void
test_page_overwritten (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_auto(PathwaySalvage) salvage = { 0 };
  g_autofree guint8 *bytes = NULL;
  gsize size = 0;
  gint64 page;

  make_programme_with_history (fixture->path);
  page = leaf_page_of (fixture->path, "change_log", 2);
  g_assert_true (g_file_get_contents (fixture->path, (char **) &bytes, &size, NULL));
  /* A page of the history overwritten with something else, as a bad sector or a sync client
   * would leave it. */
  for (gsize i = 0; i < 4096; i++)
    bytes[(page - 1) * 4096 + i] = (guint8) (i * 37 + 11);
  store_fixture_write_file (fixture->path, bytes, size);
  before = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "programme.pathway"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  store_fixture_assert_file_unchanged (fixture->path, before);
  g_assert_true (kept_aside (fixture->path));

  g_assert_true (pathway_document_salvage (fixture->path, fixture->salvaged, &salvage, &error));
  g_assert_no_error (error);
  g_test_message ("%s", salvage.summary);
  g_assert_false (salvage.indexes_only);
  g_assert_cmpuint (salvage.rows_lost, >, 0);
  g_assert_cmpuint (salvage.rows_kept, >, 300);
  g_assert_nonnull (strstr (salvage.summary, "history entries"));
  store_fixture_assert_file_unchanged (fixture->path, before);
  assert_opens_clean (fixture->salvaged);

  /* Every action is still there: only history was on the page. */
  document = pathway_document_open (fixture->salvaged, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (
                      pathway_programme_get_actions (pathway_document_get_programme (document))),
                    ==, 60);
}

static void
test_truncated (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_auto(PathwaySalvage) salvage = { 0 };
  g_autofree char *bytes = NULL;
  gsize size = 0;

  make_programme_with_history (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &bytes, &size, NULL));
  /* Cut short at a page boundary, about two thirds in, as a copy interrupted would be. */
  store_fixture_write_file (fixture->path, bytes, (size * 2 / 3) / 4096 * 4096);
  before = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  store_fixture_assert_file_unchanged (fixture->path, before);

  /* What is left is salvaged, or the salvage says why not; either way the file is as it was. */
  if (pathway_document_salvage (fixture->path, fixture->salvaged, &salvage, &error))
    {
      g_test_message ("%s", salvage.summary);
      g_assert_cmpuint (salvage.rows_lost, >, 0);
      assert_opens_clean (fixture->salvaged);
    }
  else
    {
      g_test_message ("salvage refused: %s", error->message);
      g_assert_nonnull (error->message);
      g_assert_false (g_file_test (fixture->salvaged, G_FILE_TEST_EXISTS));
    }
  store_fixture_assert_file_unchanged (fixture->path, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/damage/index-damage-refused", Fixture, NULL, fixture_set_up,
              test_index_damage_refused, fixture_tear_down);
  g_test_add ("/store/damage/index-damage-found-after-open", Fixture, NULL, fixture_set_up,
              test_index_damage_found_after_open, fixture_tear_down);
  g_test_add ("/store/damage/index-damage-salvaged", Fixture, NULL, fixture_set_up,
              test_index_damage_salvaged, fixture_tear_down);
  g_test_add ("/store/damage/page-overwritten", Fixture, NULL, fixture_set_up,
              test_page_overwritten, fixture_tear_down);
  g_test_add ("/store/damage/truncated", Fixture, NULL, fixture_set_up, test_truncated,
              fixture_tear_down);
  return g_test_run ();
}
