/* test-cli-publish.c: `pathway-cli publish` as people and scripts use it: the demo published
 * into a new folder (the site from index.html, the PDF, a publication record listed like any
 * other kind), published again saying what changed; refused without -o, an approver or an
 * approval day, with a day that is not one or an approval after the publish day (usage errors,
 * exit 1, nothing written), and a file where the folder should be (exit 2). Runs the built
 * pathway-cli. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-support.h"

static char *
write_demo (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  char *path = fixture_path (fixture, "demo.pathway");

  run_cli (fixture, &run, "demo", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

/* The fixture removes files, not folders: the site's folder goes here. */
static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static guint
count_publications (Fixture *fixture, const char *demo)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GVariant) list = NULL;

  run_cli (fixture, &run, "list", demo, "publication", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  list = json_parse (run.out);
  return (guint) g_variant_n_children (list);
}

static void
test_publish_writes_site (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *site = fixture_path (fixture, "public plan");
  g_autofree char *index = g_build_filename (site, "index.html", NULL);
  g_autofree char *pdf = g_build_filename (site, "plan.pdf", NULL);
  g_autofree char *css = g_build_filename (site, "style.css", NULL);
  g_autofree char *html = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) boxed = NULL;
  g_autoptr(GVariant) record = NULL;
  g_autofree char *approved_by = NULL;
  g_autofree char *published = NULL;
  g_autofree char *changes = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-by",
           "SEND Improvement Board", "--approved-on", "2026-12-04", "--date", "2026-12-07",
           NULL);
  /* No message (a sanitizer build may list the suppressions it used). */
  g_assert_null (strstr (run.err, "pathway-cli:"));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "index.html"));
  g_assert_nonnull (strstr (run.out, "First publication"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (css, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (index, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  g_assert_nonnull (strstr (html, "Last updated <time datetime=\"2026-12-07\">7 December "
                                  "2026</time>"));

  run_clear (&run);
  run_cli (fixture, &run, "list", demo, "publication", "--json", NULL);
  list = json_parse (run.out);
  g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  boxed = g_variant_get_child_value (list, 0);
  record = g_variant_get_variant (boxed);
  approved_by = json_dup_string (record, "approved-by");
  published = json_dup_string (record, "published");
  changes = json_dup_string (record, "changes");
  g_assert_cmpstr (approved_by, ==, "SEND Improvement Board");
  g_assert_cmpstr (published, ==, "2026-12-07");
  g_assert_cmpstr (changes, ==, "First publication");

  /* Again the next day: nothing changed, and the site says so. */
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-by",
           "SEND Improvement Board", "--approved-on", "2026-12-04", "--date", "2026-12-08",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No changes since 7 December 2026"));
  g_clear_pointer (&html, g_free);
  g_assert_true (g_file_get_contents (index, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "What has changed since 7 December 2026"));
  g_assert_cmpuint (count_publications (fixture, demo), ==, 2);
  remove_folder (site);
}

static void
test_publish_refused (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *site = fixture_path (fixture, "site");
  g_autofree char *file = fixture_path (fixture, "a file");
  g_autofree char *before = file_checksum (demo);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "publish", demo, "--approved-by", "Board", "--approved-on",
           "2026-12-04", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "-o FOLDER"));
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-on", "2026-12-04", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--approved-by"));
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-by", "Board", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--approved-on"));
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-by", "Board",
           "--approved-on", "4/12/2026", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'4/12/2026'"));
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", site, "--approved-by", "Board",
           "--approved-on", "2026-12-09", "--date", "2026-12-07", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "9 December 2026"));
  g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
  after = file_checksum (demo);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  run_clear (&run);
  run_cli (fixture, &run, "publish", demo, "-o", file, "--approved-by", "Board",
           "--approved-on", "2026-12-04", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not a folder"));
  g_assert_cmpuint (count_publications (fixture, demo), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/publish/writes-site-and-record", Fixture, NULL, fixture_set_up,
              test_publish_writes_site, fixture_tear_down);
  g_test_add ("/cli/publish/refused-without-approval", Fixture, NULL, fixture_set_up,
              test_publish_refused, fixture_tear_down);
  return g_test_run ();
}
