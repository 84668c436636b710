/* pathway-backup.c: rolling backups of a programme (see pathway-backup.h).
 *
 * The copy is read through the document's own connection, which holds the file's exclusive
 * lock, so no other process can be half-way through a write while it is taken. Whether the
 * file changed since the newest backup is told by modification times: each backup is given
 * the programme's modification time when it is taken, so a file whose time differs from its
 * newest backup's has been written since. Dates in names are the document's clock, so tests
 * can lay down backups over weeks with pathway_document_set_now. */
#define G_LOG_DOMAIN "pathway-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathway-backup.h"
#include "pathway-document-private.h"

#define BACKUP_SUFFIX ".pathway"
#define SECONDS_PER_DAY (24 * 60 * 60)

void
pathway_backup_free (PathwayBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->when, g_date_time_unref);
  g_free (backup);
}

char *
pathway_backup_root (void)
{
  const char *root = g_getenv ("PATHWAY_BACKUP_DIR");

  if (root != NULL && *root != '\0')
    return g_strdup (root);
  return g_build_filename (g_get_user_data_dir (), "pathway", "backups", NULL);
}

char *
pathway_backup_folder_for (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *name = NULL;
  g_autofree char *root = pathway_backup_root ();

  hash[8] = '\0';
  name = g_strdup_printf ("%s-%s", base, hash);
  return g_build_filename (root, name, NULL);
}

char *
pathway_backup_resolve (const char *path, const char *name)
{
  g_autofree char *folder = NULL;

  if (strchr (name, G_DIR_SEPARATOR) != NULL)
    return g_strdup (name);
  folder = pathway_backup_folder_for (path);
  return g_build_filename (folder, name, NULL);
}

/* Names ----------------------------------------------------------------------------------- */

/* The local time a backup's name gives, or NULL for a file that is not a backup. */
static GDateTime *
parse_name (const char *name)
{
  int year, month, day, hour, minute, second, used = 0;

  if (strlen (name) != strlen ("YYYY-MM-DD-HHMMSS" BACKUP_SUFFIX) ||
      !g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;
  if (sscanf (name, "%4d-%2d-%2d-%2d%2d%2d%n", &year, &month, &day, &hour, &minute, &second,
              &used) != 6 || used != 17)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const PathwayBackup *x = *(PathwayBackup *const *) a;
  const PathwayBackup *y = *(PathwayBackup *const *) b;
  int order = g_date_time_compare (y->when, x->when);

  return order != 0 ? order : g_strcmp0 (y->path, x->path);
}

/* The backups in 'folder' by name only, newest first, unchecked. */
static GPtrArray *
scan_folder (const char *folder)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_backup_free);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      GDateTime *when = parse_name (name);
      PathwayBackup *backup;

      if (when == NULL)
        continue;
      backup = g_new0 (PathwayBackup, 1);
      backup->path = g_build_filename (folder, name, NULL);
      backup->when = when;
      backup->n_actions = -1;
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/* Checking a copy ------------------------------------------------------------------------- */

/* Opens the copy read-only on a connection of its own: it passes when SQLite finds nothing
 * wrong in it and it is a Pathway programme; its live actions are counted on the way. */
static gboolean
inspect (const char *path, gint64 *n_actions, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  gint64 app_id = 0;
  int rc;

  *n_actions = -1;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      rc = sqlite3_exec (db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc == SQLITE_OK && sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL)
      == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    app_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc == SQLITE_OK && g_strcmp0 (result, "ok") == 0 &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM action WHERE deleted = 0", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *n_actions = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                   _("The backup “%s” cannot be read: %s"), name,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);
  if (g_strcmp0 (result, "ok") != 0 || app_id != PATHWAY_APPLICATION_ID || *n_actions < 0)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                   _("The backup “%s” is damaged."), name);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
pathway_backups_list (const char *path, GError **error)
{
  g_autofree char *folder = NULL;
  GPtrArray *backups;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = pathway_backup_folder_for (path);
  backups = scan_folder (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, i);

      backup->verified = inspect (backup->path, &backup->n_actions, NULL);
    }
  return backups;
}

/* Writing --------------------------------------------------------------------------------- */

/* Names the programme and the backup folder, never the temporary (which is gone by the time
 * anyone reads this), and says a full disk in the words every writer uses; the programme
 * itself is untouched by a backup that failed. */
static gboolean
io_error (GError **error, const char *programme, const char *folder, int saved)
{
  g_autofree char *name = g_filename_display_basename (programme);
  g_autofree char *where = g_filename_display_name (folder);

  if (saved == ENOSPC)
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL,
                 _("Could not write a backup of “%s”: there is not enough space in %s (%s). "
                   "The programme itself is unchanged; free some space there and the next "
                   "backup will be taken."),
                 name, where, g_strerror (saved));
  else
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO,
                 _("Could not write a backup of “%s” in %s: %s. The programme itself is "
                   "unchanged."),
                 name, where, g_strerror (saved));
  return FALSE;
}

static gboolean
sync_path (const char *path, int flags)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  return (close (fd) == 0) && ok;
}

/* Leftovers of a backup cut short (the process died): nobody else writes this programme's
 * backups while the document holds its lock. */
static void
remove_leftovers (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.' && (g_str_has_suffix (name, ".tmp") ||
                             g_str_has_suffix (name, ".tmp-journal")))
        {
          g_autofree char *child = g_build_filename (folder, name, NULL);

          g_unlink (child);
        }
    }
}

static gint
months_of (GDateTime *when)
{
  return g_date_time_get_year (when) * 12 + g_date_time_get_month (when) - 1;
}

/* Keeps the newest backup, and the newest of each of the last 'days' days and 'months'
 * months before 'now'; removes the rest. Anything dated after now (a clock put back) stays. */
static void
rotate (const char *folder, GDateTime *now, guint days, guint months)
{
  g_autoptr (GPtrArray) backups = scan_folder (folder);
  g_autoptr (GHashTable) days_seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) months_seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GDate) today_date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                                 g_date_time_get_month (now),
                                                 g_date_time_get_year (now));

  for (guint i = 0; i < backups->len; i++)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr (GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (backup->when),
                                              g_date_time_get_month (backup->when),
                                              g_date_time_get_year (backup->when));
      gint days_ago = g_date_days_between (day, today_date);
      gint months_ago = months_of (now) - months_of (backup->when);
      gpointer day_key = GINT_TO_POINTER (g_date_get_julian (day));
      gpointer month_key = GINT_TO_POINTER (months_of (backup->when) + 1);
      gboolean keep = i == 0 || g_date_time_compare (backup->when, now) > 0;

      if (days_ago >= 0 && days_ago < (gint) days && !g_hash_table_contains (days_seen, day_key))
        keep = TRUE;
      if (months_ago >= 0 && months_ago < (gint) months &&
          !g_hash_table_contains (months_seen, month_key))
        keep = TRUE;
      /* Newest first: the first of each day and month seen is its newest. */
      g_hash_table_add (days_seen, day_key);
      g_hash_table_add (months_seen, month_key);
      if (!keep)
        g_unlink (backup->path);
    }
}

static gboolean
copy_through_connection (PathwayDocument *self, const char *tmp, const char *folder,
                         GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* All at once: the source is ours alone, and the file is small. */
          rc = sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE
                 ? SQLITE_OK : (rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc);
        }
    }
  if ((rc & 0xff) == SQLITE_FULL)
    {
      sqlite3_close_v2 (dest);
      return io_error (error, self->path, folder, ENOSPC);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_autofree char *doing = g_strdup_printf (_("writing a backup of “%s”"), name);

      pathway_db_set_error (error, dest, rc, doing);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* Closing writes nothing more after the backup's commit; a failure is still a failure. */
  rc = sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    return io_error (error, self->path, folder, EIO);
  return TRUE;
}

static gboolean
backup_now (PathwayDocument *self, GError **error)
{
  g_autofree char *folder = pathway_backup_folder_for (self->path);
  g_autofree char *tmp = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *target = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr (GDateTime) now = pathway_document_dup_now (self);
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  struct timespec times[2];
  GStatBuf source;
  gint64 n_actions;
  int fd;

  if (self->db == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED, _("The programme is closed."));
      return FALSE;
    }
  /* A copy taken inside a batch would hold half of it. */
  if (!sqlite3_get_autocommit (self->db->handle))
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                   _("A backup cannot be taken while changes are being written."));
      return FALSE;
    }
  if (g_mkdir_with_parents (folder, 0777) != 0)
    return io_error (error, self->path, folder, errno);
  remove_leftovers (folder);

  /* The mode asks for what the umask allows, as any new file of the user's. */
  tmp = g_build_filename (folder, ".backup-XXXXXX.tmp", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return io_error (error, self->path, folder, errno);
  close (fd);
  journal = g_strdup_printf ("%s-journal", tmp);

  if (g_stat (self->path, &source) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return io_error (error, self->path, folder, saved);
    }
  if (!copy_through_connection (self, tmp, folder, error))
    goto fail;
  if (!sync_path (tmp, O_RDONLY))
    {
      io_error (error, self->path, folder, errno);
      goto fail;
    }
  if (!inspect (tmp, &n_actions, error))
    goto fail;

  /* The programme's own time: a later write to it makes the two differ. */
  times[0] = source.st_atim;
  times[1] = source.st_mtim;
  if (utimensat (AT_FDCWD, tmp, times, 0) != 0)
    {
      io_error (error, self->path, folder, errno);
      goto fail;
    }

  stamp = g_date_time_format (local, "%Y-%m-%d-%H%M%S");
  target = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s" BACKUP_SUFFIX, folder, stamp);
  if (g_rename (tmp, target) != 0)
    {
      io_error (error, self->path, folder, errno);
      goto fail;
    }
  /* The rename is durable only once the folder is synced. */
  if (!sync_path (folder, O_RDONLY | O_DIRECTORY))
    g_debug ("Could not sync %s: %s", folder, g_strerror (errno));

  self->last_backup = g_date_time_to_unix (now);
  rotate (folder, local, self->backup_days, self->backup_months);
  g_debug ("Backed up %s to %s (%" G_GINT64_FORMAT " actions)", self->path, target,
           n_actions);
  return TRUE;

fail:
  g_unlink (tmp);
  g_unlink (journal);
  return FALSE;
}

gboolean
pathway_document_backup_now (PathwayDocument *self, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return backup_now (self, error);
}

void
pathway_document_set_backup_policy (PathwayDocument *self, guint days, guint months)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  self->backup_days = days;
  self->backup_months = months;
}

/* When the document backs up by itself ------------------------------------------------------ */

static gboolean
same_time (const struct timespec *a, const struct timespec *b)
{
  return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

void
pathway_document_backup_at_open (PathwayDocument *self)
{
  g_autofree char *folder = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf source, newest;

  if (self->read_only || self->db == NULL || self->backup_days == 0)
    return;
  folder = pathway_backup_folder_for (self->path);
  backups = scan_folder (folder);
  if (backups->len > 0)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, 0);

      self->last_backup = g_date_time_to_unix (backup->when);
      if (g_stat (self->path, &source) == 0 && g_stat (backup->path, &newest) == 0 &&
          same_time (&source.st_mtim, &newest.st_mtim))
        return;
    }
  /* A failed backup must not stop anyone working; the next open or day tries again. A copy
   * that fails its check is another matter: the damage is the programme's. */
  if (!backup_now (self, &error))
    {
      g_debug ("No backup of %s at open: %s", self->path, error->message);
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
        pathway_document_mark_damaged (self, error);
    }
}

void
pathway_document_backup_if_pending (PathwayDocument *self)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  if (!self->backup_pending)
    return;
  self->backup_pending = FALSE;
  pathway_document_backup_at_open (self);
}

void
pathway_document_backup_after_write (PathwayDocument *self)
{
  g_autoptr (GError) error = NULL;

  /* A server's programme is backed up by the server's own means (README). */
  if (self->remote != NULL)
    return;
  if (self->read_only || self->db == NULL || self->batch != NULL || self->backup_days == 0 ||
      !sqlite3_get_autocommit (self->db->handle))
    return;
  /* A file made by this document has no backup yet: its day starts at its first write, and
   * its next open takes the first. */
  if (self->last_backup == 0)
    self->last_backup = pathway_document_now_unix (self);
  if (pathway_document_now_unix (self) - self->last_backup < SECONDS_PER_DAY)
    return;
  if (!backup_now (self, &error))
    {
      g_debug ("No daily backup of %s: %s", self->path, error->message);
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
        pathway_document_mark_damaged (self, error);
    }
}

/* Restoring ------------------------------------------------------------------------------- */

gboolean
pathway_backup_restore (const char *backup, const char *new_path, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (PathwayDocument) check = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 n_actions;
  char buffer[64 * 1024];
  gboolean ok = TRUE;
  int in, out;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (new_path != NULL, FALSE);

  if (!inspect (backup, &n_actions, error))
    return FALSE;

  name = g_filename_display_basename (new_path);
  in = g_open (backup, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (in < 0)
    {
      int saved = errno;
      g_autofree char *backup_name = g_filename_display_basename (backup);

      g_set_error (error, PATHWAY_ERROR,
                   saved == ENOENT ? PATHWAY_ERROR_NOT_FOUND : PATHWAY_ERROR_IO,
                   _("The backup “%s” could not be read: %s"), backup_name,
                   g_strerror (saved));
      return FALSE;
    }
  /* Never over a file that exists, the programme itself least of all. */
  out = g_open (new_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (out < 0)
    {
      int saved = errno;

      close (in);
      g_set_error (error, PATHWAY_ERROR,
                   saved == EEXIST ? PATHWAY_ERROR_EXISTS : PATHWAY_ERROR_IO,
                   saved == EEXIST ? _("“%s” already exists; choose another name.")
                                   : _("Could not create “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  while (ok)
    {
      gssize n = read (in, buffer, sizeof buffer);
      gssize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      while (ok && done < n)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          ok = w > 0;
          done += MAX (w, 0);
        }
    }
  ok = ok && fsync (out) == 0;
  if (!ok)
    {
      int saved = errno;

      close (in);
      close (out);
      g_unlink (new_path);
      g_set_error (error, PATHWAY_ERROR,
                   saved == ENOSPC ? PATHWAY_ERROR_DISK_FULL : PATHWAY_ERROR_IO,
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  close (in);
  close (out);
  folder = g_path_get_dirname (new_path);
  sync_path (folder, O_RDONLY | O_DIRECTORY);

  /* Opened once as the app would open it, so a copy that exists is one that works. */
  check = pathway_document_open (new_path, PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_NO_BACKUP,
                                 &local_error);
  if (check == NULL)
    {
      g_unlink (new_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  pathway_document_close (check);
  return TRUE;
}
