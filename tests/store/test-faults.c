/* test-faults.c: a full disk or a failing write fails one edit cleanly. The edit is refused
 * with DISK_FULL or IO and a message, the model keeps the value it had, earlier edits stay in
 * the file, the file passes its checks, and the document goes on working.
 *
 * As SQLite's own tests do, a VFS that wraps the default one and is made the default fails
 * the Nth write after it is armed; N is stepped forward from 1 until the edit gets through, so
 * every write of the transaction (journal, database pages, the journal's header) fails once.
 * A full disk stays full, so from the Nth write on every write fails until it is disarmed; an
 * I/O error fails the one write. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "store-fixture.h"

#define MAX_WRITES 400

/* The faulty VFS --------------------------------------------------------------------------- */

typedef struct {
  gboolean armed;
  gboolean persistent; /* once fired, every later write fails too */
  gboolean fired;
  guint fail_at;
  guint writes;
  int code;
} Fault;

static Fault fault;
static sqlite3_vfs *real_vfs;

typedef struct {
  sqlite3_file base;
  sqlite3_file *real; /* the wrapped VFS's file, which follows this struct in memory */
} FaultFile;

static sqlite3_file *
real_file (sqlite3_file *file)
{
  return ((FaultFile *) file)->real;
}

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xClose (real);
}

static int
fault_read (sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xRead (real, data, amount, offset);
}

static int
fault_write (sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);

  if (fault.armed)
    {
      fault.writes++;
      if ((fault.fired && fault.persistent) || fault.writes == fault.fail_at)
        {
          fault.fired = TRUE;
          return fault.code;
        }
    }
  return real->pMethods->xWrite (real, data, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xTruncate (real, size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xSync (real, flags);
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileSize (real, size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xLock (real, level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xUnlock (real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file, int *out)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xCheckReservedLock (real, out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileControl (real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xSectorSize (real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xDeviceCharacteristics (real);
}

static int
fault_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion < 2 || real->pMethods->xShmMap == NULL)
    return SQLITE_IOERR;
  return real->pMethods->xShmMap (real, page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion < 2 || real->pMethods->xShmLock == NULL)
    return SQLITE_IOERR;
  return real->pMethods->xShmLock (real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion >= 2 && real->pMethods->xShmBarrier != NULL)
    real->pMethods->xShmBarrier (real);
}

static int
fault_shm_unmap (sqlite3_file *file, int delete_flag)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion < 2 || real->pMethods->xShmUnmap == NULL)
    return SQLITE_OK;
  return real->pMethods->xShmUnmap (real, delete_flag);
}

static int
fault_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion < 3 || real->pMethods->xFetch == NULL)
    {
      *out = NULL;
      return SQLITE_OK;
    }
  return real->pMethods->xFetch (real, offset, amount, out);
}

static int
fault_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *data)
{
  sqlite3_file *real = real_file (file);

  if (real->pMethods->iVersion < 3 || real->pMethods->xUnfetch == NULL)
    return SQLITE_OK;
  return real->pMethods->xUnfetch (real, offset, data);
}

static const sqlite3_io_methods fault_io_methods = {
  3,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  fault_fetch,
  fault_unfetch,
};

static int
fault_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out)
{
  FaultFile *wrapper = (FaultFile *) file;
  int rc;

  wrapper->real = (sqlite3_file *) (wrapper + 1);
  rc = real_vfs->xOpen (real_vfs, name, wrapper->real, flags, out);
  /* SQLite calls xClose only when pMethods is set, so mirror what the real open did. */
  wrapper->base.pMethods = wrapper->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs, int size, char *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
fault_set_system_call (sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
  return real_vfs->xSetSystemCall (real_vfs, name, call);
}

static sqlite3_syscall_ptr
fault_get_system_call (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xGetSystemCall (real_vfs, name);
}

static const char *
fault_next_system_call (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xNextSystemCall (real_vfs, name);
}

static sqlite3_vfs fault_vfs = {
  .iVersion = 3,
  .zName = "pathway-test-fault",
  .xOpen = fault_open,
  .xDelete = fault_delete,
  .xAccess = fault_access,
  .xFullPathname = fault_full_pathname,
  .xDlOpen = fault_dl_open,
  .xDlError = fault_dl_error,
  .xDlSym = fault_dl_sym,
  .xDlClose = fault_dl_close,
  .xRandomness = fault_randomness,
  .xSleep = fault_sleep,
  .xCurrentTime = fault_current_time,
  .xGetLastError = fault_get_last_error,
  .xCurrentTimeInt64 = fault_current_time_int64,
  .xSetSystemCall = fault_set_system_call,
  .xGetSystemCall = fault_get_system_call,
  .xNextSystemCall = fault_next_system_call,
};

static void
register_fault_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

static void
arm (guint fail_at, int code, gboolean persistent)
{
  fault = (Fault) { .armed = TRUE, .persistent = persistent, .fail_at = fail_at, .code = code };
}

static void
disarm (void)
{
  fault.armed = FALSE;
}

/* The tests ------------------------------------------------------------------------------ */

typedef struct {
  int code;              /* what the VFS returns */
  gboolean persistent;
  PathwayError expected; /* what the document must say */
} FaultCase;

static const FaultCase disk_full = { SQLITE_FULL, TRUE, PATHWAY_ERROR_DISK_FULL };
static const FaultCase disk_full_once = { SQLITE_FULL, FALSE, PATHWAY_ERROR_DISK_FULL };
static const FaultCase write_error = { SQLITE_IOERR_WRITE, FALSE, PATHWAY_ERROR_IO };
static const FaultCase write_error_persisting = { SQLITE_IOERR_WRITE, TRUE, PATHWAY_ERROR_IO };

static guint
count_updates (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (updates);
}

static PathwayAction *
nth_action (PathwayDocument *document, guint n)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  g_autoptr(PathwayAction) action = g_list_model_get_item (actions, n);

  g_assert_nonnull (action);
  return action; /* the programme keeps it */
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
assert_file_checks_clean (PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = pathway_document_check (document, problems, &error);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A commentary long enough to need overflow pages, so one edit writes several pages. */
static char *
long_commentary (void)
{
  GString *text = g_string_new ("After the fault: ");

  while (text->len < 9000)
    g_string_append (text, "the panel agreed the plan with the parent carer forum. ");
  return g_string_free (text, FALSE);
}

static void
test_commentary_edit (gconstpointer data)
{
  const FaultCase *fault_case = data;
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (dir, "template.pathway", NULL);
  g_autofree char *path = g_build_filename (dir, "faults.pathway", NULL);
  g_autofree char *commentary = long_commentary ();
  guint failures = 0;
  gboolean succeeded = FALSE;

  store_fixture_make_programme (template, 3);

  for (guint n = 1; n <= MAX_WRITES && !succeeded; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = NULL;
      PathwayAction *target;
      PathwayAction *other;
      g_autofree char *before = NULL;
      guint notified = 0;
      guint n_updates;
      gboolean ok;

      store_fixture_copy_file (template, path);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      target = nth_action (document, 0);
      other = nth_action (document, 1);
      g_assert_true (pathway_document_set_commentary (document, other, "Earlier edit", &error));
      g_assert_no_error (error);
      before = g_strdup (pathway_action_get_commentary (target));
      n_updates = count_updates (document, target);
      g_signal_connect (target, "notify::commentary", G_CALLBACK (count_notify), &notified);

      arm (n, fault_case->code, fault_case->persistent);
      ok = pathway_document_set_commentary (document, target, commentary, &error);
      disarm ();
      g_signal_handlers_disconnect_by_func (target, count_notify, &notified);

      if (ok)
        {
          g_assert_no_error (error);
          /* A write that failed is never acknowledged as saved. */
          g_assert_false (fault.fired);
          g_assert_cmpstr (pathway_action_get_commentary (target), ==, commentary);
          succeeded = TRUE;
        }
      else
        {
          g_assert_true (fault.fired);
          store_fixture_assert_pathway_error (error, fault_case->expected);
          if (n == 1)
            g_test_message ("the first failure says: %s", error->message);
          failures++;
          g_assert_cmpstr (pathway_action_get_commentary (target), ==, before);
          g_assert_cmpuint (notified, ==, 0);
          g_assert_cmpuint (count_updates (document, target), ==, n_updates);
          g_clear_error (&error);

          /* The document goes on working. */
          g_assert_true (pathway_document_set_rating (document, target, PATHWAY_RATING_AMBER,
                                                      "After the fault", &error));
          g_assert_no_error (error);
          g_assert_cmpuint (count_updates (document, target), ==, n_updates + 1);
        }

      pathway_document_close (document);
      g_clear_object (&document);

      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      assert_file_checks_clean (document);
      target = nth_action (document, 0);
      other = nth_action (document, 1);
      g_assert_cmpstr (pathway_action_get_commentary (other), ==, "Earlier edit");
      if (ok)
        {
          g_assert_cmpstr (pathway_action_get_commentary (target), ==, commentary);
          g_assert_cmpuint (count_updates (document, target), ==, n_updates + 1);
        }
      else
        {
          if (g_strcmp0 (pathway_action_get_commentary (target), before) != 0)
            g_error ("write %u failed and the edit was refused, but the file has it", n);
          g_assert_cmpint (pathway_action_get_rating (target), ==, PATHWAY_RATING_AMBER);
          g_assert_cmpuint (count_updates (document, target), ==, n_updates + 1);
        }
      pathway_document_close (document);
    }

  g_test_message ("%u failing writes before the edit got through", failures);
  g_assert_true (succeeded);
  /* A journal, the pages and a commit: an edit is several writes, each shown to fail. */
  g_assert_cmpuint (failures, >=, 3);
  store_fixture_remove_dir (dir);
}

static void
test_add_action (gconstpointer data)
{
  const FaultCase *fault_case = data;
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (dir, "template.pathway", NULL);
  g_autofree char *path = g_build_filename (dir, "faults.pathway", NULL);
  guint failures = 0;
  gboolean succeeded = FALSE;

  store_fixture_make_programme (template, 2);

  for (guint n = 1; n <= MAX_WRITES && !succeeded; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = NULL;
      g_autoptr(PathwayAction) draft = pathway_action_new ();
      GListModel *actions;
      guint n_actions;
      gboolean ok;

      store_fixture_copy_file (template, path);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      actions = pathway_programme_get_actions (pathway_document_get_programme (document));
      n_actions = g_list_model_get_n_items (actions);
      pathway_action_set_reference (draft, "New");
      pathway_action_set_commentary (draft, "Added while the disk filled up");

      arm (n, fault_case->code, fault_case->persistent);
      ok = pathway_document_add_action (document, draft, &error);
      disarm ();

      if (ok)
        {
          g_assert_no_error (error);
          g_assert_false (fault.fired);
          g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions + 1);
          succeeded = TRUE;
        }
      else
        {
          g_assert_true (fault.fired);
          store_fixture_assert_pathway_error (error, fault_case->expected);
          failures++;
          g_assert_cmpint (pathway_action_get_id (draft), ==, 0);
          g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions);
          g_assert_false (pathway_document_get_can_undo (document));
          g_clear_error (&error);

          /* The same draft goes in once there is room again. */
          g_assert_true (pathway_document_add_action (document, draft, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions + 1);
        }

      pathway_document_close (document);
      g_clear_object (&document);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      assert_file_checks_clean (document);
      actions = pathway_programme_get_actions (pathway_document_get_programme (document));
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions + 1);
      pathway_document_close (document);
    }

  g_assert_true (succeeded);
  g_assert_cmpuint (failures, >=, 3);
  store_fixture_remove_dir (dir);
}

/* Undo is a write like any other: when it fails, the value stays and undo is still offered. */
static void
test_undo (gconstpointer data)
{
  const FaultCase *fault_case = data;
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (dir, "template.pathway", NULL);
  g_autofree char *path = g_build_filename (dir, "faults.pathway", NULL);
  guint failures = 0;
  gboolean succeeded = FALSE;

  store_fixture_make_programme (template, 2);

  for (guint n = 1; n <= MAX_WRITES && !succeeded; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = NULL;
      PathwayAction *target;
      gint64 id;
      gboolean ok;

      store_fixture_copy_file (template, path);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      target = nth_action (document, 0);
      id = pathway_action_get_id (target);
      g_assert_true (pathway_document_set_rating (document, target, PATHWAY_RATING_GREEN, NULL,
                                                  &error));
      g_assert_no_error (error);

      arm (n, fault_case->code, fault_case->persistent);
      ok = pathway_document_undo (document, &error);
      disarm ();
      target = store_fixture_find_live_action (document, id);
      g_assert_nonnull (target);

      if (ok)
        {
          g_assert_no_error (error);
          g_assert_false (fault.fired);
          g_assert_cmpint (pathway_action_get_rating (target), ==, PATHWAY_RATING_NONE);
          succeeded = TRUE;
        }
      else
        {
          g_assert_true (fault.fired);
          store_fixture_assert_pathway_error (error, fault_case->expected);
          g_clear_error (&error);
          failures++;
          g_assert_cmpint (pathway_action_get_rating (target), ==, PATHWAY_RATING_GREEN);
          g_assert_true (pathway_document_get_can_undo (document));
          g_assert_false (pathway_document_get_can_redo (document));
          /* With room again, the same undo goes through. */
          g_assert_true (pathway_document_undo (document, &error));
          g_assert_no_error (error);
          target = store_fixture_find_live_action (document, id);
          g_assert_cmpint (pathway_action_get_rating (target), ==, PATHWAY_RATING_NONE);
        }

      pathway_document_close (document);
      g_clear_object (&document);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      assert_file_checks_clean (document);
      target = store_fixture_find_live_action (document, id);
      g_assert_cmpint (pathway_action_get_rating (target), ==, PATHWAY_RATING_NONE);
      pathway_document_close (document);
    }

  g_assert_true (succeeded);
  g_assert_cmpuint (failures, >=, 3);
  store_fixture_remove_dir (dir);
}

/* A batch is one transaction: when its commit fails, none of it is kept, in file or model. */
static void
test_batch_commit (gconstpointer data)
{
  const FaultCase *fault_case = data;
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (dir, "template.pathway", NULL);
  g_autofree char *path = g_build_filename (dir, "faults.pathway", NULL);
  guint failures = 0;
  gboolean succeeded = FALSE;

  store_fixture_make_programme (template, 2);

  for (guint n = 1; n <= MAX_WRITES && !succeeded; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwayDocument) document = NULL;
      g_autoptr(PathwayAction) draft = pathway_action_new ();
      PathwayAction *first;
      PathwayAction *second;
      gint64 first_id, second_id;
      guint n_actions;
      gboolean ok;

      store_fixture_copy_file (template, path);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      first = nth_action (document, 0);
      second = nth_action (document, 1);
      first_id = pathway_action_get_id (first);
      second_id = pathway_action_get_id (second);
      n_actions = g_list_model_get_n_items (pathway_programme_get_actions (
                                              pathway_document_get_programme (document)));

      g_assert_true (pathway_document_begin_batch (document, "Import", &error));
      g_assert_true (pathway_document_set_rating (document, first, PATHWAY_RATING_RED, NULL,
                                                  &error));
      g_assert_true (pathway_document_set_commentary (document, second, "Imported", &error));
      pathway_action_set_reference (draft, "Imported");
      g_assert_true (pathway_document_add_action (document, draft, &error));
      g_assert_no_error (error);

      arm (n, fault_case->code, fault_case->persistent);
      ok = pathway_document_commit_batch (document, &error);
      disarm ();

      first = store_fixture_find_live_action (document, first_id);
      second = store_fixture_find_live_action (document, second_id);
      g_assert_nonnull (first);
      g_assert_nonnull (second);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_false (fault.fired);
          succeeded = TRUE;
        }
      else
        {
          g_assert_true (fault.fired);
          store_fixture_assert_pathway_error (error, fault_case->expected);
          g_clear_error (&error);
          failures++;
          if (pathway_action_get_rating (first) != PATHWAY_RATING_NONE)
            g_error ("the commit failed at write %u, yet the model shows the batch's rating", n);
          g_assert_cmpstr (pathway_action_get_commentary (second), ==, "");
          g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                              pathway_document_get_programme (document))), ==, n_actions);
          g_assert_false (pathway_document_get_can_undo (document));
          /* Not in a batch any more: a plain edit goes straight to the file. */
          g_assert_true (pathway_document_set_rating (document, first, PATHWAY_RATING_AMBER,
                                                      NULL, &error));
          g_assert_no_error (error);
        }

      pathway_document_close (document);
      g_clear_object (&document);
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      assert_file_checks_clean (document);
      first = store_fixture_find_live_action (document, first_id);
      second = store_fixture_find_live_action (document, second_id);
      g_assert_cmpint (pathway_action_get_rating (first), ==,
                       ok ? PATHWAY_RATING_RED : PATHWAY_RATING_AMBER);
      g_assert_cmpstr (pathway_action_get_commentary (second), ==, ok ? "Imported" : "");
      g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                          pathway_document_get_programme (document))), ==,
                        ok ? n_actions + 1 : n_actions);
      pathway_document_close (document);
    }

  g_assert_true (succeeded);
  g_assert_cmpuint (failures, >=, 3);
  store_fixture_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  register_fault_vfs ();

  g_test_add_data_func ("/store/faults/disk-full/commentary", &disk_full, test_commentary_edit);
  g_test_add_data_func ("/store/faults/disk-full-once/commentary", &disk_full_once,
                        test_commentary_edit);
  g_test_add_data_func ("/store/faults/write-error/commentary", &write_error,
                        test_commentary_edit);
  g_test_add_data_func ("/store/faults/write-error-persisting/commentary",
                        &write_error_persisting, test_commentary_edit);
  g_test_add_data_func ("/store/faults/disk-full/add-action", &disk_full, test_add_action);
  g_test_add_data_func ("/store/faults/write-error/add-action", &write_error, test_add_action);
  g_test_add_data_func ("/store/faults/disk-full/undo", &disk_full, test_undo);
  g_test_add_data_func ("/store/faults/write-error/undo", &write_error, test_undo);
  g_test_add_data_func ("/store/faults/disk-full/batch-commit", &disk_full, test_batch_commit);
  g_test_add_data_func ("/store/faults/write-error/batch-commit", &write_error,
                        test_batch_commit);
  g_test_add_data_func ("/store/faults/write-error-persisting/batch-commit",
                        &write_error_persisting, test_batch_commit);

  return g_test_run ();
}
