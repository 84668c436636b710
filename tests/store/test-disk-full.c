/* test-disk-full.c: the programme file and the backup writer on a disk that is full, or all
 * but full, fail in words and lose nothing.
 *
 * The disk is a small tmpfs (disk-full-support.c: root only, skipped with a message elsewhere),
 * which counts its space in 4 KB pages. The programme's edits are tried at some hundreds of
 * levels of free space: at each, a fresh copy of a small programme is opened on the disk, the
 * disk is filled leaving that much, and edits of every size (commentary, ratings, new actions
 * and batches of several changes) are made until a few have failed. Every edit either works or
 * fails with PATHWAY_ERROR_DISK_FULL and a message naming the file and saying there is not
 * enough space; a failed one changes neither the model nor the file (every page in use byte
 * for byte). Once space is freed the document takes an edit again, and the file reopens,
 * passes pathway_document_check and holds every acknowledged edit. A new programme made at a
 * range of levels is either made whole or leaves nothing behind. A backup taken at a range of
 * levels down to none is either taken whole or fails in words, leaving no temporary, the older
 * backups as they were and the programme unchanged; and the backups the document takes by
 * itself, after a write and at open, fail quietly without stopping either. The counts of
 * levels tried and passed are printed as TAP comments. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <string.h>
#include <glib/gstdio.h>

#include "disk-full-support.h"
#include "pathway-backup.h"
#include "store-fixture.h"

/* Levels of free space for the edits: 0 to MAX_FREE bytes in N_LEVELS steps. */
#define N_LEVELS 300
#define MAX_FREE (200 * 1024)
/* Edits at one level stop after this many have failed (or this many were tried). */
#define FAILURES_PER_LEVEL 3
#define MAX_EDITS_PER_LEVEL 60
/* Levels of free space for making a new programme: 0 to MAX_CREATE_FREE in pages. */
#define MAX_CREATE_FREE (320 * 1024)
#define CREATE_STEP 4096
/* Levels of free space for a backup: MAX_BACKUP_FREE down to 0. */
#define MAX_BACKUP_FREE (320 * 1024)
#define BACKUP_STEP 8192

#define FILE_NAME "plan.pathway"

/* What the test expects of one action. */
typedef struct {
  gint64 id;
  PathwayRating rating;
  char *commentary;
} Expected;

static void
expected_clear (Expected *expected)
{
  g_free (expected->commentary);
}

static GArray *
expected_new (void)
{
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));

  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);
  return expected;
}

static GArray *
expected_copy (GArray *from)
{
  GArray *copy = expected_new ();

  for (guint i = 0; i < from->len; i++)
    {
      Expected one = g_array_index (from, Expected, i);

      one.commentary = g_strdup (one.commentary);
      g_array_append_val (copy, one);
    }
  return copy;
}

static guint
count_live_actions (PathwayDocument *document)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      n += !pathway_action_get_deleted (action);
    }
  return n;
}

/* The model holds exactly the expected actions with the expected values. */
static void
assert_model (PathwayDocument *document, GArray *expected, const char *when)
{
  g_assert_cmpuint (count_live_actions (document), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *one = &g_array_index (expected, Expected, i);
      PathwayAction *action = store_fixture_find_live_action (document, one->id);

      if (action == NULL)
        g_error ("%s: action %" G_GINT64_FORMAT " is missing", when, one->id);
      if (pathway_action_get_rating (action) != one->rating ||
          g_strcmp0 (pathway_action_get_commentary (action), one->commentary) != 0)
        g_error ("%s: action %" G_GINT64_FORMAT " is %s \"%.30s...\", expected %s \"%.30s...\"",
                 when, one->id, pathway_rating_to_nick (pathway_action_get_rating (action)),
                 pathway_action_get_commentary (action), pathway_rating_to_nick (one->rating),
                 one->commentary);
    }
}

static GArray *
expected_from (PathwayDocument *document)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  GArray *expected = expected_new ();

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      Expected one = { 0 };

      if (pathway_action_get_deleted (action))
        continue;
      one.id = pathway_action_get_id (action);
      one.rating = pathway_action_get_rating (action);
      one.commentary = g_strdup (pathway_action_get_commentary (action));
      g_array_append_val (expected, one);
    }
  return expected;
}

static PathwayDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  PathwayDocument *document;

  /* Backups have a test of their own below; here they would only fill the build folder. */
  document = pathway_document_open (path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 2, 1);
  return document;
}

static void
assert_checks (PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!pathway_document_check (document, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s", (char *) problems->pdata[i]);
      g_error ("the file fails its checks (%u problems)", problems->len);
    }
  g_assert_no_error (error);
}

static void
remove_programme (const char *path)
{
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  g_autofree char *lock = g_strdup_printf ("%s-lock", path);

  g_unlink (path);
  g_unlink (journal);
  g_unlink (lock);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The file is as it was, but for what is in its free pages. SQLite does not copy a free page
 * into the journal before it reuses it (its contents mean nothing), so a rolled-back edit can
 * leave other bytes in one; the list of free pages, and every page in use, must be exactly as
 * before. */
static void
assert_file_unchanged (const char *path, GBytes *before)
{
  g_autoptr(GBytes) after = store_fixture_read_file (path);
  gsize size = 0, after_size = 0;
  const guint8 *old = g_bytes_get_data (before, &size);
  const guint8 *now = g_bytes_get_data (after, &after_size);
  g_autoptr(GHashTable) free_pages = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint32 page_size;
  guint32 trunk;

  g_assert_cmpuint (after_size, ==, size);
  g_assert_cmpuint (size, >=, 100);
  page_size = ((guint32) old[16] << 8) | old[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (size % page_size, ==, 0);

  /* The free leaf pages, from the trunk pages that list them (header offset 32). */
  for (trunk = read_be32 (old + 32); trunk != 0;)
    {
      const guint8 *page = old + (gsize) (trunk - 1) * page_size;
      guint32 n_leaves = read_be32 (page + 4);

      g_assert_cmpuint ((gsize) trunk * page_size, <=, size);
      for (guint32 i = 0; i < n_leaves; i++)
        g_hash_table_add (free_pages, GUINT_TO_POINTER (read_be32 (page + 8 + 4 * i)));
      trunk = read_be32 (page);
    }

  for (gsize offset = 0; offset < size; offset += page_size)
    {
      guint32 number = (guint32) (offset / page_size) + 1;

      if (g_hash_table_contains (free_pages, GUINT_TO_POINTER (number)))
        continue;
      if (memcmp (old + offset, now + offset, page_size) != 0)
        g_error ("%s changed in page %u, which is in use", path, number);
    }
}

/* Edits ------------------------------------------------------------------------------------ */

/* A commentary of some length, different for every level and edit. */
static char *
commentary_for (guint level, guint edit, gsize length)
{
  GString *text = g_string_new (NULL);

  g_string_printf (text, "Level %u, edit %u:", level, edit);
  while (text->len < length)
    g_string_append (text, " The panel reviewed the plans with schools and the parent forum.");
  return g_string_free (text, FALSE);
}

/* Makes edit 'edit' of level 'level' and, when the document acknowledges it, what it changed
 * in 'expected'. The kinds take turns: commentary of up to 12 KB, a rating, a new action with
 * a long description, and a batch changing two actions' ratings and commentary at once. */
static gboolean
make_edit (PathwayDocument *document, GArray *expected, guint level, guint edit,
           GError **error)
{
  guint seed = level * 131 + edit * 17;
  Expected *target = &g_array_index (expected, Expected, seed % expected->len);
  PathwayAction *action = store_fixture_find_live_action (document, target->id);

  g_assert_nonnull (action);
  switch (edit % 4)
    {
    case 0:
      {
        g_autofree char *commentary = commentary_for (level, edit, 200 + (seed * 397) % 12000);

        if (!pathway_document_set_commentary (document, action, commentary, error))
          return FALSE;
        g_free (target->commentary);
        target->commentary = g_steal_pointer (&commentary);
        return TRUE;
      }
    case 1:
      {
        PathwayRating rating = store_edit_next_rating (target->rating);
        g_autofree char *note = g_strdup_printf ("Level %u, edit %u", level, edit);

        if (!pathway_document_set_rating (document, action, rating, note, error))
          return FALSE;
        target->rating = rating;
        return TRUE;
      }
    case 2:
      {
        g_autoptr(PathwayAction) draft = pathway_action_new ();
        g_autofree char *reference = g_strdup_printf ("L%u-%u", level, edit);
        g_autofree char *description = commentary_for (level, edit, 100 + (seed * 211) % 3000);
        Expected added = { 0 };

        pathway_action_set_reference (draft, reference);
        pathway_action_set_description (draft, description);
        if (!pathway_document_add_action (document, draft, error))
          {
            /* A draft that was not added has no id. */
            g_assert_cmpint (pathway_action_get_id (draft), ==, 0);
            return FALSE;
          }
        added.id = pathway_action_get_id (draft);
        added.rating = pathway_action_get_rating (draft);
        added.commentary = g_strdup (pathway_action_get_commentary (draft));
        g_array_append_val (expected, added);
        return TRUE;
      }
    default:
      {
        Expected *other = &g_array_index (expected, Expected, (seed + 1) % expected->len);
        PathwayAction *second = store_fixture_find_live_action (document, other->id);
        g_autofree char *commentary = commentary_for (level, edit, 200 + (seed * 733) % 6000);
        PathwayRating rating = store_edit_next_rating (other->rating);

        g_assert_nonnull (second);
        if (!pathway_document_begin_batch (document, "Save", error))
          return FALSE;
        if (!pathway_document_set_commentary (document, action, commentary, error) ||
            !pathway_document_set_rating (document, second, rating, "Batch", error))
          {
            pathway_document_rollback_batch (document);
            return FALSE;
          }
        /* A commit that fails rolls the batch back itself. */
        if (!pathway_document_commit_batch (document, error))
          return FALSE;
        g_free (target->commentary);
        target->commentary = g_steal_pointer (&commentary);
        other->rating = rating;
        return TRUE;
      }
    }
}

/* (a) Edits at every level of free space ---------------------------------------------------- */

typedef struct {
  guint tried;
  guint passed;
  guint edits;
  guint acknowledged;
  guint failed;
  guint levels_filled; /* levels at which at least one edit failed */
} EditCounts;

/* One level; any fault fails the test there and then. */
static void
edits_at_level (const char *disk, const char *template, guint level, gsize leave,
                EditCounts *counts)
{
  g_autofree char *path = g_build_filename (disk, FILE_NAME, NULL);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GArray) expected = NULL;
  guint failures = 0;

  store_fixture_copy_file (template, path);
  document = open_document (path);
  expected = expected_from (document);
  disk_full_fill_leaving (disk, leave);

  for (guint edit = 0; edit < MAX_EDITS_PER_LEVEL && failures < FAILURES_PER_LEVEL; edit++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = store_fixture_read_file (path);
      g_autoptr(GArray) attempt = expected_copy (expected);

      counts->edits++;
      if (make_edit (document, attempt, level, edit, &error))
        {
          g_assert_no_error (error);
          counts->acknowledged++;
          g_clear_pointer (&expected, g_array_unref);
          expected = g_steal_pointer (&attempt);
          continue;
        }
      failures++;
      counts->failed++;
      g_assert_nonnull (error);
      if (!g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL))
        g_error ("level %u (%" G_GSIZE_FORMAT " bytes free), edit %u failed otherwise: %s",
                 level, leave, edit, error->message);
      disk_full_assert_message (error->message, FILE_NAME);
      assert_model (document, expected, "after a failed edit");
      assert_file_unchanged (path, before);
    }
  if (failures > 0)
    counts->levels_filled++;

  /* With space again, the same document goes on. */
  disk_full_empty (disk);
  {
    g_autoptr(GError) error = NULL;

    counts->edits++;
    if (!make_edit (document, expected, level, MAX_EDITS_PER_LEVEL, &error))
      g_error ("level %u: an edit with space again failed: %s", level, error->message);
    counts->acknowledged++;
  }
  assert_model (document, expected, "before closing");
  pathway_document_close (document);
  g_clear_object (&document);

  document = open_document (path);
  assert_checks (document);
  assert_model (document, expected, "after reopening");
  pathway_document_close (document);
  remove_programme (path);
  counts->passed++;
}

static void
test_edits_at_every_level (void)
{
  g_autofree char *work = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (work, "template.pathway", NULL);
  char *disk = disk_full_mount ();
  EditCounts counts = { 0 };

  if (disk == NULL)
    {
      store_fixture_remove_dir (work);
      return;
    }
  store_fixture_make_programme (template, 5);

  for (guint level = 0; level < N_LEVELS; level++)
    {
      gsize leave = (gsize) level * MAX_FREE / (N_LEVELS - 1);

      counts.tried++;
      edits_at_level (disk, template, level, leave, &counts);
    }
  g_test_message ("disk full, programme edits: %u levels of free space from 0 to %d bytes "
                  "tried, %u passed; %u edits, %u acknowledged, %u refused for want of space "
                  "(%u levels reached a refusal)",
                  counts.tried, MAX_FREE, counts.passed, counts.edits, counts.acknowledged,
                  counts.failed, counts.levels_filled);
  g_assert_cmpuint (counts.passed, ==, counts.tried);
  /* The levels must reach a full disk, or they show nothing. */
  g_assert_cmpuint (counts.levels_filled, ==, counts.tried);

  disk_full_unmount (disk);
  store_fixture_remove_dir (work);
}

/* (b) A new programme on a full disk ---------------------------------------------------------- */

static void
test_create_on_full_disk (void)
{
  char *disk = disk_full_mount ();
  g_autofree char *path = NULL;
  guint tried = 0, made = 0, refused = 0;

  if (disk == NULL)
    return;
  path = g_build_filename (disk, "new.pathway", NULL);

  for (gsize leave = 0; leave <= MAX_CREATE_FREE; leave += CREATE_STEP)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = NULL;

      tried++;
      disk_full_fill_leaving (disk, leave);
      document = pathway_document_create (path, "New programme", &error);
      if (document == NULL)
        {
          refused++;
          g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL);
          disk_full_assert_message (error->message, "new.pathway");
          /* Only the filler: no partial file, journal, lock side file or temporary. */
          disk_full_assert_only (disk, "filler", NULL);
          disk_full_empty (disk);
          continue;
        }
      g_assert_no_error (error);
      made++;
      pathway_document_close (document);
      g_clear_object (&document);
      disk_full_empty (disk);
      document = open_document (path);
      assert_checks (document);
      g_assert_cmpstr (pathway_programme_get_name (pathway_document_get_programme (document)), ==,
                       "New programme");
      pathway_document_close (document);
      remove_programme (path);
    }
  g_test_message ("disk full, new programme: %u levels from 0 to %d bytes tried, %u passed "
                  "(%u refused leaving nothing, %u made whole)",
                  tried, MAX_CREATE_FREE, refused + made, refused, made);
  /* The first level has no space at all; the last has room enough. */
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (made, >, 0);
  disk_full_unmount (disk);
}

/* (c) A backup to a full disk ----------------------------------------------------------------- */

static GPtrArray *
list_backups (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *backups = pathway_backups_list (path, &error);

  g_assert_no_error (error);
  return backups;
}

/* The backup folder holds exactly these backups, byte for byte, and nothing else. */
static void
assert_backups_kept (const char *folder, GPtrArray *names, GPtrArray *contents)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);
      guint index;

      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
        g_error ("%s was left in the backup folder", name);
      store_fixture_assert_file_unchanged (child, g_ptr_array_index (contents, index));
      n++;
    }
  g_assert_cmpuint (n, ==, names->len);
}

static void
test_backup_on_full_disk (void)
{
  g_autofree char *work = store_fixture_make_dir ();
  g_autofree char *path = g_build_filename (work, "Plan.pathway", NULL);
  g_autofree char *old_backup_dir = g_strdup (g_getenv ("PATHWAY_BACKUP_DIR"));
  g_autofree char *backup_root = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) programme_before = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  guint tried = 0, made = 0, refused = 0;
  char *disk = disk_full_mount ();

  if (disk == NULL)
    {
      store_fixture_remove_dir (work);
      return;
    }
  backup_root = g_build_filename (disk, "backups", NULL);
  g_setenv ("PATHWAY_BACKUP_DIR", backup_root, TRUE);
  folder = pathway_backup_folder_for (path);

  /* Two backups from earlier days. */
  store_fixture_make_programme (path, 5);
  document = pathway_document_open (path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 3, 1);
  g_assert_true (pathway_document_backup_now (document, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) initial = expected_from (document);
    PathwayAction *action = store_fixture_find_live_action (
      document, g_array_index (initial, Expected, 0).id);

    g_assert_true (pathway_document_set_commentary (document, action, "Before the disk filled",
                                                    &error));
    g_assert_no_error (error);
  }
  store_fixture_set_day (document, 2024, 3, 2);
  g_assert_true (pathway_document_backup_now (document, &error));
  g_assert_no_error (error);

  backups = list_backups (path);
  g_assert_cmpuint (backups->len, ==, 2);
  for (guint i = 0; i < backups->len; i++)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, i);

      g_assert_true (backup->verified);
      g_ptr_array_add (names, g_path_get_basename (backup->path));
      g_ptr_array_add (contents, store_fixture_read_file (backup->path));
    }

  /* A third, on a disk with less and less room, down to none: it is taken whole, or it fails
   * leaving the older two as they were, no temporary, and the programme as it was. */
  expected = expected_from (document);
  programme_before = store_fixture_read_file (path);
  store_fixture_set_day (document, 2024, 3, 3);
  for (guint level = 0; level <= MAX_BACKUP_FREE / BACKUP_STEP; level++)
    {
      gsize leave = MAX_BACKUP_FREE - (gsize) level * BACKUP_STEP;

      tried++;
      disk_full_fill_leaving (disk, leave);
      if (pathway_document_backup_now (document, &error))
        {
          g_autoptr(GPtrArray) now = list_backups (path);
          PathwayBackup *newest = g_ptr_array_index (now, 0);

          g_assert_no_error (error);
          g_assert_cmpuint (now->len, ==, 3);
          g_assert_true (newest->verified);
          g_assert_cmpint (newest->n_actions, ==, 5);
          /* Away again, so that the next level starts from the same two. */
          g_assert_cmpint (g_unlink (newest->path), ==, 0);
          made++;
        }
      else
        {
          g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL);
          disk_full_assert_message (error->message, "Plan.pathway");
          if (leave == 0)
            g_test_message ("a backup to a full disk says: %s", error->message);
          g_clear_error (&error);
          refused++;
        }
      assert_backups_kept (folder, names, contents);
      disk_full_assert_only (disk, "backups", NULL);
      store_fixture_assert_file_unchanged (path, programme_before);
      assert_model (document, expected, "after a backup");
      disk_full_empty (disk);
    }
  g_test_message ("disk full, backup: %u levels from 0 to %d bytes tried, %u passed (%u refused "
                  "keeping the older backups, %u taken whole)",
                  tried, MAX_BACKUP_FREE, refused + made, refused, made);
  /* The last level had no space at all, the first room enough. */
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (made, >, 0);
  assert_checks (document);

  disk_full_fill (disk);
  /* The document goes on: an edit a day later, whose backup after the write fails too and
   * is only logged, and an open of the changed file, whose backup at open fails the same
   * way. */
  store_fixture_set_day (document, 2024, 3, 5);
  {
    Expected *first = &g_array_index (expected, Expected, 0);
    PathwayAction *action = store_fixture_find_live_action (document, first->id);

    g_test_expect_message ("pathway-store", G_LOG_LEVEL_DEBUG, "No daily backup of *");
    g_assert_true (pathway_document_set_commentary (document, action, "While the disk was full",
                                                    &error));
    g_assert_no_error (error);
    g_test_assert_expected_messages ();
    g_free (first->commentary);
    first->commentary = g_strdup ("While the disk was full");
  }
  pathway_document_close (document);
  g_clear_object (&document);
  assert_backups_kept (folder, names, contents);

  g_test_expect_message ("pathway-store", G_LOG_LEVEL_DEBUG, "No backup of * at open: *");
  document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  assert_backups_kept (folder, names, contents);
  disk_full_assert_only (disk, "backups", NULL);
  assert_model (document, expected, "opened on a full backup disk");
  assert_checks (document);
  pathway_document_close (document);
  g_clear_object (&document);

  /* With space again a backup is taken, beside the older ones. */
  disk_full_empty (disk);
  document = pathway_document_open (path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 3, 6);
  g_assert_true (pathway_document_backup_now (document, &error));
  g_assert_no_error (error);
  pathway_document_close (document);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = list_backups (path);
  g_assert_cmpuint (backups->len, ==, 3);
  for (guint i = 0; i < backups->len; i++)
    g_assert_true (((PathwayBackup *) g_ptr_array_index (backups, i))->verified);

  if (old_backup_dir != NULL)
    g_setenv ("PATHWAY_BACKUP_DIR", old_backup_dir, TRUE);
  else
    g_unsetenv ("PATHWAY_BACKUP_DIR");
  disk_full_unmount (disk);
  store_fixture_remove_dir (work);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/disk-full/edits-at-every-level", test_edits_at_every_level);
  g_test_add_func ("/store/disk-full/create", test_create_on_full_disk);
  g_test_add_func ("/store/disk-full/backup", test_backup_on_full_disk);
  return g_test_run ();
}
