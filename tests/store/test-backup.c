/* test-backup.c: rolling backups exist, are checked, are thinned out and can be restored.
 *
 * Each test points PATHWAY_BACKUP_DIR at its own temporary folder. A backup is taken when a
 * file that changed since its newest backup is opened (or, for the window, which defers it,
 * when asked or before the first write), and after a write when the newest is
 * over a day old by the document's clock; a damaged copy is listed as unverified and is not
 * restored; dated over 45 days with a fake clock, the newest of each of the last 7 days and of
 * each month are kept; a restored copy is a new file that opens with the same actions, never
 * written over an existing file, and the programme stays byte for byte as it was. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pathway-backup.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *backups = NULL;

  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "Plan.pathway", NULL);
  backups = g_build_filename (fixture->dir, "backups", NULL);
  g_setenv ("PATHWAY_BACKUP_DIR", backups, TRUE);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static PathwayDocument *
open_document (const char *path)
{
  g_autoptr (GError) error = NULL;
  PathwayDocument *document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return document;
}

static void
add_action (PathwayDocument *document, const char *reference)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayAction) draft = pathway_action_new ();

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, "Publish the local offer");
  g_assert_true (pathway_document_add_action (document, draft, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_backups (const char *path)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *backups = pathway_backups_list (path, &error);

  g_assert_no_error (error);
  return backups;
}

static char *
backup_name (GPtrArray *backups, guint index)
{
  PathwayBackup *backup = g_ptr_array_index (backups, index);

  return g_path_get_basename (backup->path);
}

/* Left for later by the window's open, the backup is taken when asked for, once. */
static void
test_deferred_taken_when_asked (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;

  store_fixture_make_programme (fixture->path, 3);
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFER_BACKUP, &error);
  g_assert_no_error (error);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 0);

  pathway_document_backup_if_pending (document);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);

  pathway_document_backup_if_pending (document);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  pathway_document_close (document);
}

/* A write before the deferred backup is taken takes it first: the copy is the file as it was
 * opened, without the write's change. */
static void
test_deferred_taken_before_write (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;

  store_fixture_make_programme (fixture->path, 3);
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFER_BACKUP, &error);
  g_assert_no_error (error);
  add_action (document, "4");

  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (((PathwayBackup *) g_ptr_array_index (backups, 0))->n_actions, ==, 3);
  pathway_document_close (document);
}

static void
test_folder_per_file (void)
{
  g_autofree char *a = pathway_backup_folder_for ("/srv/east/Plan.pathway");
  g_autofree char *b = pathway_backup_folder_for ("/srv/west/Plan.pathway");
  g_autofree char *base = g_path_get_basename (a);

  g_setenv ("PATHWAY_BACKUP_DIR", "/backups", TRUE);
  g_free (a);
  g_free (b);
  a = pathway_backup_folder_for ("/srv/east/Plan.pathway");
  b = pathway_backup_folder_for ("/srv/west/Plan.pathway");
  g_assert_true (g_str_has_prefix (a, "/backups/Plan.pathway-"));
  g_assert_true (g_str_has_prefix (b, "/backups/Plan.pathway-"));
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (base, !=, "");
}

/* Taken at the open of a changed file, and only then. */
static void
test_taken_at_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  PathwayBackup *backup;
  GStatBuf first, again, programme;
  mode_t mask = umask (022);

  umask (mask);
  store_fixture_make_programme (fixture->path, 3);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 0);

  document = open_document (fixture->path);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_true (backup->verified);
  g_assert_cmpint (backup->n_actions, ==, 3);
  g_assert_cmpint (g_stat (backup->path, &first), ==, 0);
  /* What the user's umask gives any new file. */
  g_assert_cmpint (first.st_mode & 0777, ==, 0666 & ~mask);
  pathway_document_close (document);
  g_clear_object (&document);

  /* Unchanged: the same backup stays, no new one is written. */
  document = open_document (fixture->path);
  pathway_document_close (document);
  g_clear_object (&document);
  g_assert_cmpint (g_stat (backup->path, &again), ==, 0);
  g_assert_cmpuint (again.st_ino, ==, first.st_ino);

  /* Changed: the next open takes one with the new action in it. */
  document = open_document (fixture->path);
  add_action (document, "4");
  pathway_document_close (document);
  g_clear_object (&document);
  g_assert_cmpint (g_stat (fixture->path, &programme), ==, 0);
  if (programme.st_mtim.tv_sec == first.st_mtim.tv_sec &&
      programme.st_mtim.tv_nsec == first.st_mtim.tv_nsec)
    {
      /* The write fell in the same tick of the file system's clock as the backup; a person's
       * next edit never does. Move the file's time on as that edit would. */
      struct timespec times[2] = { programme.st_atim, programme.st_mtim };

      times[1].tv_sec += 1;
      g_assert_cmpint (utimensat (AT_FDCWD, fixture->path, times, 0), ==, 0);
    }

  document = open_document (fixture->path);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, >=, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_true (backup->verified);
  g_assert_cmpint (backup->n_actions, ==, 4);
  pathway_document_close (document);
}

/* While open, a write takes one when the newest is over a day old. */
static void
test_daily_after_write (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GDateTime) day1 = g_date_time_new_local (2030, 3, 4, 9, 0, 0);
  g_autoptr (GDateTime) later = g_date_time_add_hours (day1, 6);
  g_autoptr (GDateTime) day2 = g_date_time_add_hours (day1, 25);
  g_autofree char *name = NULL;

  document = pathway_document_create (fixture->path, "Plan", &error);
  g_assert_no_error (error);
  pathway_document_set_now (document, day1);
  add_action (document, "1");
  pathway_document_set_now (document, later);
  add_action (document, "2");
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 0);

  pathway_document_set_now (document, day2);
  add_action (document, "3");
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  name = backup_name (backups, 0);
  g_assert_cmpstr (name, ==, "2030-03-05-100000.pathway");
  g_assert_cmpint (((PathwayBackup *) g_ptr_array_index (backups, 0))->n_actions, ==, 3);
  pathway_document_close (document);
}

/* A copy whose bytes were damaged is listed as not verified and is not restored. */
static void
test_damaged_detected (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "Restored.pathway", NULL);
  g_autofree char *backup_path = NULL;
  gsize size;

  store_fixture_make_programme (fixture->path, 3);
  document = open_document (fixture->path);
  pathway_document_close (document);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (((PathwayBackup *) g_ptr_array_index (backups, 0))->verified);
  backup_path = g_strdup (((PathwayBackup *) g_ptr_array_index (backups, 0))->path);

  /* Every page after the first (4096 bytes) overwritten: the tables' pages are noise. */
  bytes = store_fixture_read_file (backup_path);
  damaged = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_cmpuint (size, >, 4096);
  memset (damaged + 4096, 0x5a, size - 4096);
  store_fixture_write_file (backup_path, damaged, size);

  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (((PathwayBackup *) g_ptr_array_index (backups, 0))->verified);

  g_assert_false (pathway_backup_restore (backup_path, target, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_DAMAGED);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
assert_names (GPtrArray *backups, const char *const *expected)
{
  g_autoptr (GString) got = g_string_new (NULL);
  g_autofree char *want = g_strjoinv (" ", (char **) expected);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = backup_name (backups, i);

      g_string_append_printf (got, "%s%s", i ? " " : "", name);
    }
  g_assert_cmpstr (got->str, ==, want);
}

/* Dated over 45 days: the newest of each of the last 7 days and of each of the last 12
 * months stay; the rest go. */
static void
test_rotation (Fixture *fixture, gconstpointer data)
{
  static const char *const kept[] = {
    "2030-02-14-120000.pathway", "2030-02-13-120000.pathway", "2030-02-12-120000.pathway",
    "2030-02-11-120000.pathway", "2030-02-10-120000.pathway", "2030-02-09-120000.pathway",
    "2030-02-08-120000.pathway", "2030-01-31-120000.pathway", NULL,
  };
  static const char *const one_month[] = {
    "2030-02-14-130000.pathway", "2030-02-13-120000.pathway", "2030-02-12-120000.pathway",
    "2030-02-11-120000.pathway", "2030-02-10-120000.pathway", "2030-02-09-120000.pathway",
    "2030-02-08-120000.pathway", NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_local (2030, 1, 1, 12, 0, 0);

  document = pathway_document_create (fixture->path, "Plan", &error);
  g_assert_no_error (error);
  pathway_document_set_backup_policy (document, 7, 12);
  for (int day = 0; day < 45; day++)
    {
      g_autoptr (GDateTime) noon = g_date_time_add_days (start, day);

      if (day == 44)
        {
          /* Two on the last day: only the later one stays. */
          g_autoptr (GDateTime) morning = g_date_time_add_hours (noon, -2);

          pathway_document_set_now (document, morning);
          g_assert_true (pathway_document_backup_now (document, &error));
          g_assert_no_error (error);
        }
      pathway_document_set_now (document, noon);
      g_assert_true (pathway_document_backup_now (document, &error));
      g_assert_no_error (error);
    }
  backups = list_backups (fixture->path);
  assert_names (backups, kept);
  for (guint i = 0; i < backups->len; i++)
    g_assert_true (((PathwayBackup *) g_ptr_array_index (backups, i))->verified);

  /* A month kept: January's goes. */
  {
    g_autoptr (GDateTime) last = g_date_time_new_local (2030, 2, 14, 13, 0, 0);

    pathway_document_set_backup_policy (document, 7, 1);
    pathway_document_set_now (document, last);
    g_assert_true (pathway_document_backup_now (document, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (fixture->path);
  assert_names (backups, one_month);
  pathway_document_close (document);
}

/* A restored copy opens with the same actions; it never goes over a file that exists, and the
 * programme is left byte for byte. */
static void
test_restore (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (PathwayDocument) restored = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "Restored.pathway", NULL);
  g_autofree char *by_name = NULL;
  g_autofree char *name = NULL;
  PathwayBackup *backup;
  GListModel *actions;

  store_fixture_make_programme (fixture->path, 3);
  document = open_document (fixture->path);
  pathway_document_close (document);
  g_clear_object (&document);
  original = store_fixture_read_file (fixture->path);
  backups = list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);

  /* A listed name finds the backup in the programme's folder. */
  name = backup_name (backups, 0);
  by_name = pathway_backup_resolve (fixture->path, name);
  g_assert_cmpstr (by_name, ==, backup->path);

  g_assert_true (pathway_backup_restore (by_name, target, &error));
  g_assert_no_error (error);
  restored = open_document (target);
  actions = pathway_programme_get_actions (pathway_document_get_programme (restored));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (actions, i);
      g_autofree char *reference = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (pathway_action_get_reference (action), ==, reference);
    }
  pathway_document_close (restored);

  g_assert_false (pathway_backup_restore (backup->path, target, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (pathway_backup_restore (backup->path, fixture->path, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_EXISTS);
  store_fixture_assert_file_unchanged (fixture->path, original);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/backup/folder-per-file", test_folder_per_file);
  g_test_add ("/store/backup/taken-at-open-of-changed-file", Fixture, NULL, fixture_set_up,
              test_taken_at_open, fixture_tear_down);
  g_test_add ("/store/backup/deferred-taken-when-asked", Fixture, NULL, fixture_set_up,
              test_deferred_taken_when_asked, fixture_tear_down);
  g_test_add ("/store/backup/deferred-taken-before-write", Fixture, NULL, fixture_set_up,
              test_deferred_taken_before_write, fixture_tear_down);
  g_test_add ("/store/backup/daily-after-write", Fixture, NULL, fixture_set_up,
              test_daily_after_write, fixture_tear_down);
  g_test_add ("/store/backup/damaged-copy-detected", Fixture, NULL, fixture_set_up,
              test_damaged_detected, fixture_tear_down);
  g_test_add ("/store/backup/rotation-keeps-days-and-months", Fixture, NULL, fixture_set_up,
              test_rotation, fixture_tear_down);
  g_test_add ("/store/backup/restore-makes-a-new-file", Fixture, NULL, fixture_set_up,
              test_restore, fixture_tear_down);

  return g_test_run ();
}
