/* test-cli-open.c: pathway-cli on files as a crash or an older release left them. check on a
 * file with a hot rollback journal (the hot and torn reproducers kept in tests/store/fixtures,
 * found through PATHWAY_FIXTURES) recovers it and exits 0; check on a folder says it is one;
 * upgrade brings a version 1 file up to date and says where the backup is, which holds the old
 * bytes; a damaged file is refused by every command with the ways back, and salvaged. The kept
 * fixtures are copied first and compared after. */
#define G_LOG_DOMAIN "pathway-test"

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static char *
kept_fixture (const char *name)
{
  const char *dir = g_getenv ("PATHWAY_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Copies a kept fixture into the test's folder; returns the kept file's checksum. */
static char *
copy_fixture (Fixture *fixture, const char *name)
{
  g_autofree char *from = kept_fixture (name);
  g_autofree char *to = fixture_path (fixture, name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
  return file_checksum (from);
}

static void
test_check_hot_journal (Fixture *fixture, gconstpointer data)
{
  const char *name = data;
  g_autofree char *journal_name = g_strconcat (name, "-journal", NULL);
  g_autofree char *sum = copy_fixture (fixture, name);
  g_autofree char *journal_sum = copy_fixture (fixture, journal_name);
  g_autofree char *path = fixture_path (fixture, name);
  g_autofree char *journal = fixture_path (fixture, journal_name);
  g_autofree char *kept = kept_fixture (name);
  g_autofree char *kept_journal = kept_fixture (journal_name);
  g_autofree char *v3 = kept_fixture ("release-v3.pathway");
  g_autofree char *v3_sum = file_checksum (v3);
  g_autofree char *after = NULL;
  g_autofree char *kept_after = NULL;
  g_autofree char *kept_journal_after = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");

  /* Recovered to the state before the crash, the journal gone. */
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, v3_sum);

  kept_after = file_checksum (kept);
  kept_journal_after = file_checksum (kept_journal);
  g_assert_cmpstr (kept_after, ==, sum);
  g_assert_cmpstr (kept_journal_after, ==, journal_sum);
}

static void
test_check_folder (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "check", ".", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is a folder, not a programme file"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_upgrade_old_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sum = copy_fixture (fixture, "old-v1.pathway");
  g_autofree char *path = fixture_path (fixture, "old-v1.pathway");
  g_autofree char *backup = fixture_path (fixture, "old-v1.pathway.v1-backup");
  g_autofree char *kept = kept_fixture ("old-v1.pathway");
  g_autofree char *backup_sum = NULL;
  g_autofree char *kept_after = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  /* Read-only commands read it as it is, and leave it so. */
  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, sum);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_cli (fixture, &run, "upgrade", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Upgraded"));
  g_assert_nonnull (strstr (run.out, "old-v1.pathway.v1-backup"));
  backup_sum = file_checksum (backup);
  g_assert_cmpstr (backup_sum, ==, sum);
  g_clear_pointer (&after, g_free);
  after = file_checksum (path);
  g_assert_cmpstr (after, !=, sum);
  run_clear (&run);

  /* Twice is once. */
  run_cli (fixture, &run, "upgrade", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already up to date"));
  run_clear (&run);

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  kept_after = file_checksum (kept);
  g_assert_cmpstr (kept_after, ==, sum);
}

/* A damaged file: every command refuses it naming the file and the ways back, and salvage
 * makes a new file that works, leaving the damaged one as it was. */
static void
test_damaged_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sum = copy_fixture (fixture, "index-damage.pathway");
  g_autofree char *path = fixture_path (fixture, "index-damage.pathway");
  g_autofree char *salvaged = fixture_path (fixture, "salvaged.pathway");
  const char *const commands[] = { "summary", "check", "pack", NULL };

  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *pdf = fixture_path (fixture, "pack.pdf");

      if (g_str_equal (commands[i], "pack"))
        run_cli (fixture, &run, "pack", path, "-o", pdf, NULL);
      else
        run_cli (fixture, &run, commands[i], path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "index-damage.pathway"));
      g_assert_nonnull (strstr (run.err, "is damaged"));
      g_assert_nonnull (strstr (run.err, "pathway-cli salvage"));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *after = file_checksum (path);

    g_assert_cmpstr (after, ==, sum);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (fixture, &run, "salvage", path, "-o", salvaged, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "nothing was lost"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (fixture, &run, "check", salvaged, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
  }
  {
    g_auto(Run) run = { 0 };

    /* Never over a file that exists. */
    run_cli (fixture, &run, "salvage", path, "-o", salvaged, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "already exists"));
  }
  {
    g_autofree char *after = file_checksum (path);

    g_assert_cmpstr (after, ==, sum);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/open/check-hot-journal/hot", test_check_hot_journal, "hot.pathway");
  ADD ("/cli/open/check-hot-journal/torn", test_check_hot_journal, "torn.pathway");
  ADD ("/cli/open/check-folder", test_check_folder, NULL);
  ADD ("/cli/open/upgrade-old-file", test_upgrade_old_file, NULL);
  ADD ("/cli/open/damaged-file", test_damaged_file, NULL);

#undef ADD

  return g_test_run ();
}
