/* test-open.c: opening files as people come to them. A crash leaves a hot rollback journal
 * beside the file (the reproducers hot.pathway and torn.pathway in fixtures/, each with its
 * journal): a read-only open rolls it back, and the file is then the one it was before the
 * crash, byte for byte the release-v3 fixture. A symbolic link to the file, or to a folder
 * above it, opens the file itself under one lock. A folder is named as a folder. A file of an
 * older version opened read-only is shown upgraded, the file untouched, with the upgrade
 * offered. The kept fixtures are copied to a temporary folder first and never change. */
#define G_LOG_DOMAIN "pathway-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pathway-document.h"
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

static char *
fixture_file (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_test_message ("%s not found: run the test with meson test, or set G_TEST_SRCDIR to "
                    "tests/store in the source tree", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Copies fixtures/NAME (and NAME-journal) to the test's file; returns the kept file's bytes so
 * the test can show the kept one did not change. */
static void
copy_pair (Fixture *fixture, const char *name, GBytes **kept, GBytes **kept_journal)
{
  g_autofree char *journal_name = g_strconcat (name, "-journal", NULL);
  g_autofree char *from = fixture_file (name);
  g_autofree char *from_journal = fixture_file (journal_name);
  g_autofree char *to_journal = g_strconcat (fixture->path, "-journal", NULL);

  *kept = store_fixture_read_file (from);
  *kept_journal = store_fixture_read_file (from_journal);
  store_fixture_copy_file (from, fixture->path);
  store_fixture_copy_file (from_journal, to_journal);
}

static void
assert_kept_unchanged (const char *name, GBytes *kept, GBytes *kept_journal)
{
  g_autofree char *journal_name = g_strconcat (name, "-journal", NULL);
  g_autofree char *path = fixture_file (name);
  g_autofree char *journal = fixture_file (journal_name);

  store_fixture_assert_file_unchanged (path, kept);
  store_fixture_assert_file_unchanged (journal, kept_journal);
}

/* Crash recovery ------------------------------------------------------------------------ */

/* What the crash interrupted was the upgrade of the demo as release 3 wrote it. */
#define V3_FIXTURE "release-v3.pathway"
#define V3_N_ACTIONS 110

static void
test_hot_journal_read_only (Fixture *fixture, gconstpointer data)
{
  const char *name = data;
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *v3 = fixture_file (V3_FIXTURE);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) kept_journal = NULL;
  g_autoptr(GBytes) before_crash = store_fixture_read_file (v3);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme;

  copy_pair (fixture, name, &kept, &kept_journal);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (pathway_document_get_read_only (document));
  programme = pathway_document_get_programme (document);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (programme)), ==,
                    V3_N_ACTIONS);
  pathway_document_close (document);

  /* Rolled back: the journal is gone and the file is what it was before the crash. */
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  store_fixture_assert_file_unchanged (fixture->path, before_crash);
  assert_kept_unchanged (name, kept, kept_journal);
}

/* A read-only copy (the file held by someone else) takes the journal with it: the copy is
 * rolled back, the file and its journal are left as they are. */
static void
test_hot_journal_copy (Fixture *fixture, gconstpointer data)
{
  const char *name = data;
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) kept_journal = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme;

  copy_pair (fixture, name, &kept, &kept_journal);

  document = pathway_document_open_copy (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  programme = pathway_document_get_programme (document);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (programme)), ==,
                    V3_N_ACTIONS);
  pathway_document_close (document);

  store_fixture_assert_file_unchanged (fixture->path, kept);
  store_fixture_assert_file_unchanged (journal, kept_journal);
  assert_kept_unchanged (name, kept, kept_journal);
}

/* Where neither the file nor its folder can be written, nothing can roll the journal back:
 * the refusal says so plainly, and the file and journal stay. */
static void
test_hot_journal_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) kept_journal = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which ignores file permissions");
      return;
    }
  copy_pair (fixture, "hot.pathway", &kept, &kept_journal);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "programme.pathway"));
  g_assert_nonnull (strstr (error->message, "not closed properly"));
  g_chmod (fixture->dir, 0700);
  store_fixture_assert_file_unchanged (fixture->path, kept);
  store_fixture_assert_file_unchanged (journal, kept_journal);
}

/* Earlier versions wrote the lock side file to "FILE-lock.XXXXXX" and renamed it; one a crash
 * left is removed when the file is next opened for writing, and nothing else is. */
static void
test_lock_temporaries_removed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *left = g_strconcat (fixture->path, "-lock.Ab3xYz", NULL);
  g_autofree char *other = g_strconcat (fixture->path, "-lock.notes", NULL);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_make_programme (fixture->path, 1);
  store_fixture_write_file (left, "[lock]\n", 7);
  store_fixture_write_file (other, "mine", 4);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  pathway_document_close (document);
  g_clear_object (&document);
  /* Read-only, the lock is not ours: someone may be writing it. */
  g_assert_true (g_file_test (left, G_FILE_TEST_EXISTS));

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Paths ------------------------------------------------------------------------------------ */

static void
assert_second_open_locked (const char *first, const char *second, const char *real)
{
  g_autofree char *real_lock = g_strconcat (real, "-lock", NULL);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  document = pathway_document_open (first, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (pathway_document_get_read_only (document));
  g_assert_cmpstr (pathway_document_get_path (document), ==, real);
  g_assert_true (g_file_test (real_lock, G_FILE_TEST_IS_REGULAR));

  again = pathway_document_open (second, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (again);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_LOCKED);
  /* The side file was found: the holder is named, not "another copy of Pathway". */
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* The copy offered then reads the same file. */
  again = pathway_document_open_copy (second, &error);
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_read_only (again));
  g_clear_object (&again);

  pathway_document_close (document);
  g_assert_false (g_file_test (real_lock, G_FILE_TEST_EXISTS));
}

static void
test_symlink_to_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.pathway", NULL);
  g_autofree char *link_lock = g_strconcat (link, "-lock", NULL);
  g_autofree char *real = NULL;

  store_fixture_make_programme (fixture->path, 2);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  real = realpath (fixture->path, NULL);

  assert_second_open_locked (link, fixture->path, real);
  assert_second_open_locked (fixture->path, link, real);
  g_assert_false (g_file_test (link_lock, G_FILE_TEST_EXISTS));
}

static void
test_symlinked_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *alias = g_build_filename (fixture->dir, "alias", NULL);
  g_autofree char *path = g_build_filename (sub, "plan.pathway", NULL);
  g_autofree char *through_alias = g_build_filename (alias, "plan.pathway", NULL);
  g_autofree char *real = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("sub", alias), ==, 0);
  store_fixture_make_programme (path, 2);
  real = realpath (path, NULL);

  assert_second_open_locked (through_alias, path, real);
  assert_second_open_locked (path, through_alias, real);
}

static void
test_folder (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      PathwayOpenFlags flags = i == 0 ? PATHWAY_OPEN_DEFAULT : PATHWAY_OPEN_READ_ONLY;
      g_autofree char *name = g_path_get_basename (fixture->dir);
      g_autofree char *expected = g_strdup_printf ("“%s” is a folder, not a programme file",
                                                   name);

      document = pathway_document_open (fixture->dir, flags, &error);
      g_assert_null (document);
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_NOT_PROGRAMME);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_clear_error (&error);
    }
  document = pathway_document_open_copy (fixture->dir, &error);
  g_assert_null (document);
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_NOT_PROGRAMME);
}

/* Older files ------------------------------------------------------------------------------ */

static GStrv
list_backups (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, "-backup"))
      g_strv_builder_add (builder, name);
  return g_strv_builder_end (builder);
}

static void
test_old_file_read_only_offers_upgrade (Fixture *fixture, gconstpointer data)
{
  g_autofree char *from = fixture_file ("old-v1.pathway");
  g_autoptr(GBytes) kept = store_fixture_read_file (from);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;
  g_autofree char *real = NULL;
  g_autofree char *real_backup = NULL;
  const char *reason;

  store_fixture_copy_file (from, fixture->path);
  real = realpath (fixture->path, NULL);
  real_backup = g_strconcat (real, ".v1-backup", NULL);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (pathway_document_get_read_only (document));
  g_assert_true (pathway_document_get_needs_upgrade (document));
  g_assert_true (pathway_document_get_can_upgrade (document));
  g_assert_null (pathway_document_get_migration_backup (document));
  g_assert_cmpstr (pathway_document_get_path (document), ==, real);
  g_assert_nonnull (pathway_document_get_programme (document));
  reason = pathway_document_get_read_only_reason (document);
  g_assert_nonnull (strstr (reason, "“programme.pathway”"));
  g_assert_nonnull (strstr (reason, "older version"));
  g_assert_nonnull (strstr (reason, "Upgrade"));
  g_assert_null (strstr (reason, "cannot be written"));
  pathway_document_close (document);
  g_clear_object (&document);

  /* Looking changed nothing, and left nothing beside the file. */
  store_fixture_assert_file_unchanged (fixture->path, kept);
  backups = list_backups (fixture->dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 0);

  /* Opened for editing, it is upgraded, with the old bytes kept. */
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (pathway_document_get_read_only (document));
  g_assert_false (pathway_document_get_needs_upgrade (document));
  g_assert_cmpstr (pathway_document_get_migration_backup (document), ==, real_backup);
  store_fixture_assert_file_unchanged (real_backup, kept);
  pathway_document_close (document);

  store_fixture_assert_file_unchanged (from, kept);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/open/hot-journal/hot/read-only", test_hot_journal_read_only, "hot.pathway");
  ADD ("/open/hot-journal/torn/read-only", test_hot_journal_read_only, "torn.pathway");
  ADD ("/open/hot-journal/hot/copy", test_hot_journal_copy, "hot.pathway");
  ADD ("/open/hot-journal/torn/copy", test_hot_journal_copy, "torn.pathway");
  ADD ("/open/hot-journal/read-only-folder", test_hot_journal_read_only_folder, NULL);
  ADD ("/open/lock-temporaries-removed", test_lock_temporaries_removed, NULL);
  ADD ("/open/symlink/file", test_symlink_to_file, NULL);
  ADD ("/open/symlink/folder", test_symlinked_folder, NULL);
  ADD ("/open/folder", test_folder, NULL);
  ADD ("/open/old-file/read-only-offers-upgrade", test_old_file_read_only_offers_upgrade,
       NULL);

#undef ADD

  return g_test_run ();
}
