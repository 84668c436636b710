/* pathway-document.c: opening, creating, locking and migrating a .pathway file.
 *
 * Before SQLite sees a file, its first 100 bytes are read directly: a file that is empty, not
 * SQLite, another application's or newer than this build is refused without being opened for
 * writing, so it stays byte-identical. A file that is ours is opened with the settings below
 * and locked exclusively for as long as the document is open; a side file beside it says who
 * has it, so a second copy of the app can name them.
 *
 * Paths are resolved (symbolic links to the file or to any folder above it) before the lock
 * side file and the rollback journal are named, so two paths to one file share one lock. A
 * read-only open still recovers what a crash left: SQLite rolls a hot journal back only
 * through a connection that may write, so one is opened for just that long. A file of an
 * older version opened read-only is shown from an upgraded temporary copy, and the person is
 * offered the upgrade instead of a refusal. */
#define G_LOG_DOMAIN "pathway-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathway-backup.h"
#include "pathway-damage.h"
#include "pathway-document-private.h"
#include "pathway-remote.h"
#include "pathway-schema.h"
#include "pathway-store-private.h"

/* No text or value the app writes comes near this; a file that claims otherwise is refused
 * cell by cell instead of being loaded into memory. */
#define MAX_VALUE_BYTES (64 * 1024 * 1024)
#define LOCK_WAIT_MS 250

enum {
  PROP_0,
  PROP_PATH,
  PROP_PROGRAMME,
  PROP_READ_ONLY,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOTE_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayDocument, pathway_document, G_TYPE_OBJECT)

static void
pathway_document_finalize (GObject *object)
{
  PathwayDocument *self = PATHWAY_DOCUMENT (object);

  pathway_document_close (self);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->batch_marks, g_array_unref);
  g_clear_object (&self->programme);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->path);
  g_free (self->lock_path);
  g_free (self->read_only_reason);
  g_free (self->migration_backup);
  g_free (self->copy_dir);
  g_free (self->author);

  G_OBJECT_CLASS (pathway_document_parent_class)->finalize (object);
}

static void
pathway_document_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  PathwayDocument *self = PATHWAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_PROGRAMME: g_value_set_object (value, self->programme); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, pathway_document_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, pathway_document_get_can_redo (self)); break;
    case PROP_CONNECTION: g_value_set_int (value, pathway_document_get_connection (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_document_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  PathwayDocument *self = PATHWAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR: pathway_document_set_author (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_document_class_init (PathwayDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_document_finalize;
  object_class->get_property = pathway_document_get_property;
  object_class->set_property = pathway_document_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PATHWAY_TYPE_PROGRAMME,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A PathwayConnection. */
  properties[PROP_CONNECTION] =
    g_param_spec_int ("connection", NULL, NULL, PATHWAY_CONNECTION_LOCAL,
                      PATHWAY_CONNECTION_LOST, PATHWAY_CONNECTION_LOCAL,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Another person's commit on the server reached the model: who, what ("re-rated 2A v") and
   * how many changes it held. */
  signals[REMOTE_CHANGE] =
    g_signal_new ("remote-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT);
}

void
pathway_document_emit_remote_change (PathwayDocument *self, const char *author,
                                     const char *summary, guint n_changes)
{
  g_signal_emit (self, signals[REMOTE_CHANGE], 0, author, summary, n_changes);
}

void
pathway_document_notify_connection (PathwayDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

void
pathway_document_set_read_only_reason (PathwayDocument *self, const char *reason)
{
  gboolean was = self->read_only;

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  self->read_only = reason != NULL;
  if (was != self->read_only)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
pathway_document_init (PathwayDocument *self)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  self->author = g_strdup (name);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_undo_step_free);
  self->batch_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->backup_days = PATHWAY_BACKUP_DEFAULT_DAYS;
  self->backup_months = PATHWAY_BACKUP_DEFAULT_MONTHS;
}

/* The file's own header ------------------------------------------------------------------ */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Says what the first 100 bytes make of the file, without SQLite and without writing. */
static gboolean
check_header (const char *path, int *version, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  guint8 header[100];
  GStatBuf st;
  gssize got = 0;
  int fd;

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                   _("“%s” is a folder, not a programme file. Choose a file whose name ends "
                     "in “.pathway”."),
                   name);
      return FALSE;
    }
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PATHWAY_ERROR,
                   saved == ENOENT ? PATHWAY_ERROR_NOT_FOUND : PATHWAY_ERROR_IO,
                   saved == ENOENT ? _("“%s” does not exist.")
                                   : _("“%s” could not be read: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  while (got < (gssize) sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  if (got == 0)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes): it is not a Pathway programme."), name);
      return FALSE;
    }
  if (got < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_SQLITE,
                   _("“%s” is not a Pathway programme: it is not a database file."), name);
      return FALSE;
    }
  if (read_be32 (header + 68) != PATHWAY_APPLICATION_ID)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                   _("“%s” is a database of another application, not a Pathway programme."),
                   name);
      return FALSE;
    }
  *version = (int) read_be32 (header + 60);
  if (*version > PATHWAY_SCHEMA_VERSION)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Pathway (file format %d; this "
                     "version reads up to %d). Update Pathway to open it."),
                   name, *version, PATHWAY_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                   _("“%s” is not a Pathway programme: it has no programme in it."), name);
      return FALSE;
    }
  return TRUE;
}

/* The lock side file ---------------------------------------------------------------------- */

static char *
describe_holder (const char *lock_path)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;
  g_autofree char *since = NULL;

  if (!g_key_file_load_from_file (key_file, lock_path, G_KEY_FILE_NONE, NULL))
    return g_strdup (_("another copy of Pathway"));
  user = g_key_file_get_string (key_file, "lock", "user", NULL);
  host = g_key_file_get_string (key_file, "lock", "host", NULL);
  since = g_key_file_get_string (key_file, "lock", "since", NULL);
  if (since != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (since, NULL);
      g_autoptr (GDateTime) local = when ? g_date_time_to_local (when) : NULL;

      if (local != NULL)
        {
          g_free (since);
          since = g_date_time_format (local, "%-d %B %Y, %H:%M");
        }
    }
  return g_strdup_printf (_("%s on %s (since %s)"), user ? user : _("someone"),
                          host ? host : _("another computer"), since ? since : _("unknown"));
}

static void
write_lock_file (PathwayDocument *self)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_key_file_set_string (key_file, "lock", "user", self->author);
  g_key_file_set_string (key_file, "lock", "host", g_get_host_name ());
  g_key_file_set_int64 (key_file, "lock", "pid", getpid ());
  g_key_file_set_string (key_file, "lock", "since", since);
  contents = g_key_file_to_data (key_file, &length, NULL);
  /* Only a courtesy for the message a second copy shows: the SQLite lock is what protects
   * the file, so a side file that cannot be written is no reason to refuse. Written in place
   * and not synced: one left by a copy that did not close (a crash, a kill, quitting) would
   * otherwise be synced to disk at every open, tens of milliseconds before the window shows,
   * to keep a file that says nothing once its holder has gone. */
  self->wrote_lock = g_file_set_contents_full (self->lock_path, contents, (gssize) length,
                                               G_FILE_SET_CONTENTS_NONE, 0666, NULL);
}

/* Earlier versions wrote the side file as "FILE-lock.XXXXXX" and renamed it; a process that
 * died in between left the temporary behind. Called under the exclusive lock, when no other
 * copy can be writing one. */
static void
remove_stale_lock_temporaries (PathwayDocument *self)
{
  g_autofree char *dir_path = g_path_get_dirname (self->lock_path);
  g_autofree char *base = g_path_get_basename (self->lock_path);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (entry, prefix) && strlen (entry) == strlen (prefix) + 6)
        {
          g_autofree char *child = g_build_filename (dir_path, entry, NULL);

          g_unlink (child);
        }
    }
}

/* Crash recovery ---------------------------------------------------------------------------- */

/* A journal that starts with SQLite's magic number holds pages to put back (SQLite zeroes the
 * header when it is done with one it keeps). */
static gboolean
journal_looks_hot (const char *path)
{
  static const guint8 magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  guint8 start[8];
  gssize got;
  int fd;

  fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  do
    got = read (fd, start, sizeof start);
  while (got < 0 && errno == EINTR);
  close (fd);
  return got == (gssize) sizeof start && memcmp (start, magic, sizeof magic) == 0;
}

static gboolean
can_write_file_and_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* SQLite rolls a hot journal back on the first read, but only through a connection that may
 * write; a read-only one fails instead. This one lives just long enough for that: it reads the
 * header, which rolls the journal back and removes it, and closes. */
static gboolean
recover_journal (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, LOCK_WAIT_MS);
      rc = sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *doing = g_strdup_printf (_("recovering “%s”"), name);

      pathway_db_set_error (error, db, rc, doing);
    }
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}

/* Connection settings ---------------------------------------------------------------------- */

static gboolean
configure (PathwayDocument *self, GError **error)
{
  sqlite3 *db = self->db->handle;

  /* A file from someone's email must not be able to run schema tricks (triggers or views
   * calling functions) or write through shadow tables. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  /* No 1 GB cell: a damaged or hostile file fails on that cell instead of eating memory. */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
  /* A second process gets a quick "busy" rather than hanging the window. */
  sqlite3_busy_timeout (db, LOCK_WAIT_MS);

  return pathway_db_exec (self->db,
                          /* References between actions, workstreams and people must hold. */
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA trusted_schema = OFF;"
                          /* Damage inside a page is noticed when the page is read. */
                          "PRAGMA cell_size_check = ON;"
                          /* Plain reads: a memory-mapped file that shrinks underneath us
                           * (another host on a share) would crash the process. */
                          "PRAGMA mmap_size = 0;",
                          error);
}

static gboolean
configure_for_writing (PathwayDocument *self, GError **error)
{
  /* Held from the first write until close: a second process gets SQLITE_BUSY and never
   * reads a half-written state; the OS drops the lock when a process dies. */
  if (!pathway_db_exec (self->db, "PRAGMA locking_mode = EXCLUSIVE", error))
    return FALSE;
  /* The document stays one file at rest (WAL would add -wal and -shm files, and does not
   * work on network shares). */
  if (!pathway_db_exec (self->db, "PRAGMA journal_mode = DELETE", error))
    return FALSE;
  /* An acknowledged edit survives a power cut, and the folder is synced after the journal
   * goes, so the journal's removal is durable too. */
  if (!pathway_db_exec (self->db, "PRAGMA synchronous = EXTRA", error))
    return FALSE;
  /* Take the lock now rather than at the first edit. */
  return pathway_db_exec (self->db, "BEGIN EXCLUSIVE; COMMIT", error);
}

static gboolean
lock_error (PathwayDocument *self, GError **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *holder = describe_holder (self->lock_path);

  g_clear_error (error);
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_LOCKED,
               _("“%s” is open in Pathway by %s. Ask them to close it, or open a copy."),
               name, holder);
  return FALSE;
}

static gboolean
open_connection (PathwayDocument *self, int flags, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_autofree char *doing = g_strdup_printf (_("opening “%s”"), name);

      pathway_db_set_error (error, db, rc, doing);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  self->db = pathway_db_new (db);
  return configure (self, error);
}

/* Copies the file byte for byte to a temporary name, syncs it, checks it and renames it, so
 * a backup that exists is a whole one. The caller holds the exclusive lock. */
static gboolean
write_backup (PathwayDocument *self, int version, GError **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d-backup", self->path, version);
  g_autofree char *tmp = g_strdup_printf ("%s.tmp", backup);
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize length = 0, copy_length = 0;
  gboolean ok;
  int fd;

  if (!g_file_get_contents (self->path, &contents, &length, error))
    return FALSE;
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    goto io_error;
  ok = write (fd, contents, length) == (gssize) length && fsync (fd) == 0;
  ok = (close (fd) == 0) && ok;
  if (!ok)
    goto io_error;
  if (!g_file_get_contents (tmp, &copy, &copy_length, error))
    return FALSE;
  if (copy_length != length || memcmp (copy, contents, length) != 0 ||
      g_rename (tmp, backup) != 0)
    goto io_error;

  g_free (self->migration_backup);
  self->migration_backup = g_steal_pointer (&backup);
  return TRUE;

io_error:
  {
    int saved = errno;

    g_unlink (tmp);
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO,
                 _("Could not write a backup before upgrading the file: %s"),
                 g_strerror (saved));
    return FALSE;
  }
}

/* The message for a damaged file says what was found, that the file is as it was, where its
 * copy is kept and what to do. */
static void
explain_damage (const char *path, gboolean keep_aside, GError **error)
{
  /* A throw-away copy (an upgraded view, another holder's file) is not what needs keeping. */
  g_autofree char *kept = keep_aside ? pathway_damage_keep_aside (path) : NULL;
  char *message;

  message = g_strconcat ((*error)->message, " ",
                         kept != NULL
                           ? _("Pathway has not changed it, and has kept a copy of it as it is "
                               "with its backups. Open its latest good backup, or salvage what "
                               "can be read into a new file.")
                           : _("Pathway has not changed it. Open its latest good backup, or "
                               "salvage what can be read into a new file."),
                         NULL);
  g_free ((*error)->message);
  (*error)->message = message;
}

/* Damage is looked for before anything is written: the checks that catch what the queries
 * depend on (pathway-damage.c). */
static gboolean
check_damage (PathwayDocument *self, PathwayOpenFlags flags, GError **error)
{
  if (pathway_damage_check (self->db, self->path, PATHWAY_DAMAGE_CHECK_AUTO,
                            (flags & PATHWAY_OPEN_DEFER_CHECK) ? &self->damage_scan : NULL,
                            error))
    return TRUE;
  if (g_error_matches (*error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    explain_damage (self->path, !(flags & PATHWAY_OPEN_NO_BACKUP), error);
  return FALSE;
}

static char *
read_only_reason_for (const char *path, PathwayOpenFlags flags)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (flags & PATHWAY_OPEN_READ_ONLY)
    return g_strdup (_("Opened read-only: changes cannot be saved."));
  if (g_access (path, W_OK) != 0)
    return g_strdup (_("The file is read-only, so changes cannot be saved. Save a copy "
                       "somewhere you can write to, or ask for write permission."));
  /* A rollback journal is created beside the file at every write. */
  if (g_access (dir, W_OK) != 0)
    return g_strdup (_("The folder holding the file is read-only, so changes cannot be "
                       "saved. Copy the file to a folder you can write to."));
  return NULL;
}

/* The file itself: symbolic links to it, and to folders above it, are followed, so that its
 * journal and lock side file are named from one path however the file was reached. */
static char *
resolve_path (const char *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  char *real = realpath (canonical, NULL);
  char *result;

  if (real == NULL)
    return g_steal_pointer (&canonical);
  result = g_strdup (real);
  free (real);
  return result;
}

static PathwayDocument *
document_new (const char *path)
{
  PathwayDocument *self = g_object_new (PATHWAY_TYPE_DOCUMENT, NULL);

  self->path = resolve_path (path);
  self->lock_path = g_strdup_printf ("%s-lock", self->path);
  return self;
}

PathwayDocument *
pathway_document_new_for_remote (const char *display)
{
  PathwayDocument *self = g_object_new (PATHWAY_TYPE_DOCUMENT, NULL);

  self->path = g_strdup (display);
  return self;
}

static void
set_not_closed_properly_error (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_clear_error (error);
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
               _("“%s” was not closed properly; it will be recovered when it is opened for "
                 "editing. It cannot be written here: ask for permission to write to it and "
                 "its folder, or copy it together with “%s-journal” beside it to a folder you "
                 "can write to, and open the copy."),
               name, name);
}

static PathwayDocument *open_upgraded_view (const char *path, GError **error);

/* A file written by pathway_server_snapshot() names its server and moment: it opens to read
 * only, so the copy and the server's programme never go separate ways. */
static gboolean
snapshot_reason (PathwayDocument *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (pathway_db_query_int (self->db, "SELECT count (*) FROM sqlite_master WHERE type = 'table'"
                                      " AND name = 'snapshot'", error) <= 0)
    return error == NULL || *error == NULL;
  rc = sqlite3_prepare_v2 (self->db->handle, "SELECT server, taken FROM snapshot", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) taken = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt,
                                                                                           1));
      g_autofree char *when = g_date_time_format (taken, "%-d %B %Y %H:%M");
      g_autofree char *reason = g_strdup_printf (
        _("This is a copy of the programme on %s, taken on %s. It opens to read only; changes "
          "are made on the server."),
        (const char *) sqlite3_column_text (stmt, 0), when);

      pathway_document_set_read_only_reason (self, reason);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

PathwayDocument *
pathway_document_open (const char *path, PathwayOpenFlags flags, GError **error)
{
  g_autoptr (PathwayDocument) self = NULL;
  g_autoptr (GError) local_error = NULL;
  int version = 0;
  gint64 app_id;

  g_return_val_if_fail (path != NULL, NULL);

  if (pathway_location_is_remote (path))
    return pathway_document_open_remote (path, NULL, flags, error);
  if (!check_header (path, &version, error))
    return NULL;

  self = document_new (path);
  self->read_only_reason = read_only_reason_for (self->path, flags);
  self->read_only = self->read_only_reason != NULL;

  /* A writable connection rolls the journal back itself; a read-only one cannot. */
  if (self->read_only && journal_looks_hot (self->path))
    {
      if (!can_write_file_and_folder (self->path))
        {
          set_not_closed_properly_error (path, error);
          return NULL;
        }
      if (!recover_journal (self->path, &local_error))
        {
          if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY))
            {
              set_not_closed_properly_error (path, error);
              return NULL;
            }
          goto fail;
        }
    }

  if (!open_connection (self, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        &local_error))
    goto fail;
  if (!self->read_only)
    {
      if (!configure_for_writing (self, &local_error))
        goto fail;
      remove_stale_lock_temporaries (self);
    }

  /* Under the lock, read the header again: it may have changed since the first look. */
  app_id = pathway_db_query_int (self->db, "PRAGMA application_id", &local_error);
  if (local_error != NULL)
    goto fail;
  version = (int) pathway_db_query_int (self->db, "PRAGMA user_version", &local_error);
  if (local_error != NULL)
    goto fail;
  if (app_id != PATHWAY_APPLICATION_ID || version < 1 || version > PATHWAY_SCHEMA_VERSION)
    {
      pathway_document_close (self);
      check_header (path, &version, error);
      if (error && *error == NULL)
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME,
                     _("The file changed while it was being opened."));
      return NULL;
    }
  /* Its message is already the whole story. */
  if (!check_damage (self, flags, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (version < PATHWAY_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_autofree char *real = g_strdup (self->path);

          /* The view is taken from a copy: the file itself is the one to check first. */
          if (!pathway_document_finish_check (self, error))
            return NULL;
          pathway_document_close (self);
          return open_upgraded_view (real, error);
        }
      if (!write_backup (self, version, &local_error) ||
          !pathway_schema_migrate (self->db, version, PATHWAY_SCHEMA_VERSION, &local_error))
        goto fail;
    }

  /* A copy of a server's programme is never edited apart from it. */
  if (!self->read_only && !snapshot_reason (self, &local_error))
    goto fail;
  if (!self->read_only)
    write_lock_file (self);

  self->programme = pathway_document_load_programme (self, &local_error);
  if (self->programme == NULL)
    goto fail;

  if (!(flags & PATHWAY_OPEN_NO_BACKUP))
    {
      if (flags & PATHWAY_OPEN_DEFER_BACKUP)
        self->backup_pending = TRUE;
      else
        pathway_document_backup_at_open (self);
    }
  return g_steal_pointer (&self);

fail:
  if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_LOCKED))
    return (lock_error (self, error), NULL);
  if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_SQLITE) ||
      g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                   _("“%s” is damaged: parts of it cannot be read."), name);
      explain_damage (self->path, !(flags & PATHWAY_OPEN_NO_BACKUP), error);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static gboolean
seed_new_file (PathwayDocument *self, const char *programme_name, int version, GError **error)
{
  static const struct { const char *rating; gboolean in_use; } ratings[] = {
    { "red", TRUE }, { "amber", TRUE }, { "green", TRUE }, { "blue", FALSE },
  };
  g_autoptr (PathwayRatingScheme) defaults = pathway_rating_scheme_new ();
  sqlite3_stmt *stmt;

  if (!pathway_schema_migrate (self->db, 0, version, error))
    return FALSE;
  if (!pathway_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Files of version 4 on give every record, the programme too, its UUID. */
  stmt = pathway_db_prepare (self->db,
                             version >= 4 ? "INSERT INTO programme (id, name, uuid)"
                                            " VALUES (1, ?1, ?2)"
                                          : "INSERT INTO programme (id, name) VALUES (1, ?1)",
                             error);
  if (stmt == NULL)
    goto fail;
  pathway_db_bind_text (stmt, 1, programme_name ? programme_name : "");
  if (version >= 4)
    {
      g_autofree char *uuid = pathway_record_new_uuid ();

      pathway_db_bind_text (stmt, 2, uuid);
    }
  if (!pathway_db_step_done (self->db, stmt, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      PathwayRating rating = pathway_rating_from_nick (ratings[i].rating);

      stmt = pathway_db_prepare (self->db,
                                 "INSERT INTO rating_scheme (rating, label, definition, in_use)"
                                 " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        goto fail;
      pathway_db_bind_text (stmt, 1, ratings[i].rating);
      pathway_db_bind_text (stmt, 2, pathway_rating_scheme_get_label (defaults, rating));
      pathway_db_bind_text (stmt, 3, pathway_rating_scheme_get_definition (defaults, rating));
      sqlite3_bind_int (stmt, 4, ratings[i].in_use);
      if (!pathway_db_step_done (self->db, stmt, error))
        goto fail;
    }
  return pathway_db_exec (self->db, "COMMIT", error);

fail:
  sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Makes the file with O_EXCL so that two creators never share one. */
static gboolean
create_empty_file (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PATHWAY_ERROR,
                   saved == EEXIST ? PATHWAY_ERROR_EXISTS : PATHWAY_ERROR_IO,
                   saved == EEXIST ? _("“%s” already exists; choose another name.")
                                   : _("Could not create “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static PathwayDocument *
create_at_version (const char *path, const char *programme_name, int version, GError **error)
{
  g_autoptr (PathwayDocument) self = NULL;

  if (!create_empty_file (path, error))
    return NULL;

  self = document_new (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !configure_for_writing (self, error) ||
      !seed_new_file (self, programme_name, version, error))
    {
      pathway_document_close (self);
      g_unlink (self->path);
      return NULL;
    }
  write_lock_file (self);
  return g_steal_pointer (&self);
}

PathwayDocument *
pathway_document_create (const char *path, const char *programme_name, GError **error)
{
  g_autoptr (PathwayDocument) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = create_at_version (path, programme_name, PATHWAY_SCHEMA_VERSION, error);
  if (self == NULL)
    return NULL;
  self->programme = pathway_document_load_programme (self, error);
  if (self->programme == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
pathway_store_create_at_version (const char *path, int version, GError **error)
{
  g_autoptr (PathwayDocument) self = NULL;

  g_return_val_if_fail (version >= 1 && version <= PATHWAY_SCHEMA_VERSION, FALSE);

  self = create_at_version (path, "", version, error);
  return self != NULL;
}

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &contents, &length, error) &&
         g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

/* Empties and removes a folder of copies, which holds only files. */
static void
remove_copy_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_copy (PathwayDocument *self)
{
  if (self->copy_dir == NULL)
    return;
  remove_copy_dir (self->copy_dir);
  g_clear_pointer (&self->copy_dir, g_free);
}

/* A journal that went between the look and the copy was finished with: the copy needs none. */
static gboolean
copy_journal_if_any (const char *journal, const char *copy_journal, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (copy_file (journal, copy_journal, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Copies the file with its rollback journal, if it has one, into a new temporary folder, so
 * that a write caught half-way (or a crash) is rolled back in the copy; opens the copy for
 * writing, which rolls the journal back and upgrades an older file, then read-only. The
 * holder may be writing while the bytes are read; a copy caught in between fails its check,
 * and another is taken. */
static PathwayDocument *
take_copy (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  g_autoptr(GError) local_error = NULL;

  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autofree char *dir = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *copy_journal = NULL;
      g_autoptr(PathwayDocument) self = NULL;

      /* Only the last attempt's error is told. */
      g_clear_error (&local_error);
      dir = g_dir_make_tmp ("pathway-copy-XXXXXX", &local_error);

      if (dir == NULL)
        break;
      g_clear_error (&local_error);
      copy = g_build_filename (dir, base, NULL);
      copy_journal = g_strdup_printf ("%s-journal", copy);
      if (copy_file (path, copy, &local_error) &&
          copy_journal_if_any (journal, copy_journal, &local_error))
        self = pathway_document_open (copy, PATHWAY_OPEN_NO_BACKUP, &local_error);
      if (self != NULL && pathway_document_get_read_only (self))
        {
          /* Opened for writing it would only open read-only again, and loop. */
          g_set_error (&local_error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, "%s",
                       pathway_document_get_read_only_reason (self));
          g_clear_object (&self);
        }
      if (self != NULL)
        {
          /* Writable underneath (it is ours), read-only to the person: changes to a copy
           * would be lost. */
          pathway_document_close (self);
          g_clear_object (&self);
          self = pathway_document_open (copy, PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_NO_BACKUP,
                                        &local_error);
        }
      if (self != NULL)
        {
          self->copy_dir = g_steal_pointer (&dir);
          return g_steal_pointer (&self);
        }
      remove_copy_dir (dir);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

PathwayDocument *
pathway_document_open_copy (const char *path, GError **error)
{
  g_autofree char *real = NULL;
  g_autofree char *name = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *lock_path = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PathwayDocument) self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%H:%M");
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &version, error))
    return NULL;
  real = resolve_path (path);
  name = g_filename_display_basename (path);
  lock_path = g_strdup_printf ("%s-lock", real);
  holder = describe_holder (lock_path);

  self = take_copy (real, &local_error);
  if (self == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not take a copy of “%s”: "), name);
      return NULL;
    }
  g_free (self->read_only_reason);
  self->read_only_reason =
    g_strdup_printf (_("This is a copy of “%s” taken at %s, because it is open in "
                       "Pathway by %s. Changes cannot be saved to it."),
                     name, when, holder);
  return g_steal_pointer (&self);
}

/* An older file opened read-only: shown from an upgraded copy, the file itself untouched. The
 * document's path stays the file's, so that "Upgrade" and the recent files name it. */
static PathwayDocument *
open_upgraded_view (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  PathwayDocument *self;

  self = take_copy (path, &local_error);
  if (self == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("“%s” was saved by an older version of Pathway and could "
                                    "not be shown upgraded: "),
                                  name);
      return NULL;
    }
  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->lock_path);
  self->lock_path = g_strdup_printf ("%s-lock", path);
  self->needs_upgrade = TRUE;
  self->can_upgrade = can_write_file_and_folder (path);
  g_free (self->read_only_reason);
  if (self->can_upgrade)
    self->read_only_reason =
      g_strdup_printf (_("“%s” was saved by an older version of Pathway, so it is shown "
                         "read-only and has not been changed. Upgrade it to make changes "
                         "(Upgrade…, or “pathway-cli upgrade FILE”); the file as it is now "
                         "is kept beside it as a backup."),
                       name);
  else
    self->read_only_reason =
      g_strdup_printf (_("“%s” was saved by an older version of Pathway, so it is shown "
                         "read-only and has not been changed. To make changes it must be "
                         "upgraded, which needs a folder you can write to: copy it to one "
                         "and open the copy, which is upgraded with a backup kept beside "
                         "it."),
                       name);
  return self;
}

void
pathway_document_close (PathwayDocument *self)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  if (self->db == NULL)
    return;
  if (self->batch != NULL)
    pathway_document_rollback_batch (self);
  pathway_remote_close (self);
  g_clear_pointer (&self->damage_scan, pathway_damage_scan_free);
  g_clear_pointer (&self->db, pathway_db_free);
  if (self->wrote_lock && self->lock_path != NULL)
    g_unlink (self->lock_path);
  self->wrote_lock = FALSE;
  remove_copy (self);
}

gboolean
pathway_document_check_step (PathwayDocument *self, guint max_rows, gboolean *done,
                             GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  *done = TRUE;
  if (self->damage_scan == NULL)
    return TRUE;
  if (pathway_damage_scan_step (self->damage_scan, max_rows, done, &local_error))
    {
      if (*done)
        g_clear_pointer (&self->damage_scan, pathway_damage_scan_free);
      return TRUE;
    }
  g_clear_pointer (&self->damage_scan, pathway_damage_scan_free);
  if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    {
      /* Nothing more is written to it: the message is the reason, wherever a write is tried. */
      explain_damage (self->path, TRUE, &local_error);
      self->damaged = TRUE;
      self->read_only = TRUE;
      g_free (self->read_only_reason);
      self->read_only_reason = g_strdup (local_error->message);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
pathway_document_mark_damaged (PathwayDocument *self, const GError *found)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (self->path);

  if (self->damaged)
    return;
  g_clear_pointer (&self->damage_scan, pathway_damage_scan_free);
  /* The copy was read from this file's own pages: its damage is the file's. */
  /* The backup's own message names its temporary file, which is gone by now. */
  g_debug ("Backup of %s failed its check: %s", self->path, found->message);
  error = g_error_new (PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                       _("“%s” is damaged: a backup copy taken of it just now failed its "
                         "integrity check."), name);
  explain_damage (self->path, TRUE, &error);
  self->damaged = TRUE;
  self->read_only = TRUE;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (error->message);
}

gboolean
pathway_document_finish_check (PathwayDocument *self, GError **error)
{
  gboolean done = FALSE;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (self->damaged)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED, self->read_only_reason);
      return FALSE;
    }
  while (!done)
    if (!pathway_document_check_step (self, G_MAXUINT, &done, error))
      return FALSE;
  return TRUE;
}

gboolean
pathway_document_get_damaged (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->damaged;
}

const char *
pathway_document_get_path (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->path;
}

PathwayProgramme *
pathway_document_get_programme (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->programme;
}

gboolean
pathway_document_get_read_only (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

const char *
pathway_document_get_read_only_reason (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->read_only_reason;
}

gboolean
pathway_document_get_needs_upgrade (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->needs_upgrade;
}

gboolean
pathway_document_get_can_upgrade (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->can_upgrade;
}

const char *
pathway_document_get_migration_backup (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->migration_backup;
}

const char *
pathway_document_get_author (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  return self->author;
}

void
pathway_document_set_author (PathwayDocument *self, const char *author)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  /* On a server the author is the signed-in role's person, which the server writes itself. */
  if (self->remote != NULL)
    return;
  if (author == NULL || *author == '\0')
    author = g_get_user_name ();
  if (g_strcmp0 (self->author, author) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

void
pathway_document_set_now (PathwayDocument *self, GDateTime *now)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  if (now != NULL)
    g_date_time_ref (now);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now;
}

GDateTime *
pathway_document_dup_now (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);

  if (self->now != NULL)
    return g_date_time_ref (self->now);
  return g_date_time_new_now_utc ();
}

gint64
pathway_document_now_unix (PathwayDocument *self)
{
  /* History brought in from an earlier time (pathway_document_set_as_at). */
  if (self->as_at != 0)
    return self->as_at;
  return pathway_document_clock_unix (self);
}

gint64
pathway_document_clock_unix (PathwayDocument *self)
{
  if (self->now != NULL)
    return g_date_time_to_unix (self->now);
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
pathway_document_set_meeting (PathwayDocument *self, PathwayMeeting *meeting)
{
  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));
  g_set_object (&self->meeting, meeting);
}

void
pathway_document_notify_undo (PathwayDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  /* A programme on a server is kept by the server: its path is no file to copy. */
  if (self->remote == NULL)
    pathway_document_backup_after_write (self);
}

void
pathway_document_replace_programme (PathwayDocument *self, PathwayProgramme *programme)
{
  if (g_set_object (&self->programme, programme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}
