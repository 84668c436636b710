/* pathway-safe-file.c: a file written beside its target and renamed over it only when every
 * byte is on the disk. A full disk used to leave a truncated board pack where the good one
 * had been, and the command said it had worked; here the first failed write is kept, nothing
 * after it counts, and the target is only touched by the final rename. */
#define G_LOG_DOMAIN "pathway-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pathway-error.h"
#include "pathway-safe-file.h"

struct _PathwaySafeFile
{
  char *path;
  char *dir;
  char *temp;
  int fd;
  int failed_errno;   /* the first failure's errno, or 0 */
  char *failed_reason; /* the first failure in words when it had no errno */
  gboolean failed;
};

static gboolean
is_lack_of_space (int saved_errno)
{
#ifdef EDQUOT
  if (saved_errno == EDQUOT)
    return TRUE;
#endif
  return saved_errno == ENOSPC;
}

static void
set_write_error (GError **error, const char *path, int saved_errno, const char *reason)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (is_lack_of_space (saved_errno))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *folder = g_filename_display_name (dir);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL,
                   _("Could not write “%s”: there is not enough space in %s (%s)"), name,
                   folder, g_strerror (saved_errno));
      return;
    }
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO, _("Could not write “%s”: %s"), name,
               saved_errno != 0 ? g_strerror (saved_errno)
                                : (reason != NULL ? reason : g_strerror (EIO)));
}

/* Opens a temporary file in the folder of 'path' (so that the rename cannot cross a disk).
 * A new file gets the permissions the user's umask gives, as any program's would: open()
 * applies the umask to the 0666 asked for here (mkstemp alone would give 0600). A file that
 * replaces another keeps the other's permissions. */
PathwaySafeFile *
pathway_safe_file_new (const char *path, GError **error)
{
  g_autofree char *base = NULL;
  PathwaySafeFile *self;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (PathwaySafeFile, 1);
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->temp = g_strdup_printf ("%s/.%s.XXXXXX", self->dir, base);
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      set_write_error (error, path, errno, NULL);
      g_clear_pointer (&self->temp, g_free);
      pathway_safe_file_free (self);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (self->fd, st.st_mode & 07777);
  return self;
}

/* The temporary's name, for a library that writes a file by name (libxlsxwriter); it must
 * write in place, and its failure is passed on with pathway_safe_file_fail. */
const char *
pathway_safe_file_get_temp_path (PathwaySafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp;
}

/* Keeps the first failure only: what follows it is a consequence. */
void
pathway_safe_file_fail (PathwaySafeFile *self, int saved_errno, const char *reason)
{
  g_return_if_fail (self != NULL);

  if (self->failed)
    return;
  self->failed = TRUE;
  self->failed_errno = saved_errno;
  self->failed_reason = g_strdup (reason);
}

gboolean
pathway_safe_file_has_failed (PathwaySafeFile *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->failed;
}

/* Writes all of 'data', or records why not; once a write has failed, every later one does. */
gboolean
pathway_safe_file_write (PathwaySafeFile *self, const void *data, gsize length)
{
  const char *bytes = data;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failed)
    return FALSE;
  while (length > 0)
    {
      gssize written = write (self->fd, bytes, MIN (length, G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          pathway_safe_file_fail (self, written < 0 ? errno : ENOSPC, NULL);
          return FALSE;
        }
      bytes += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* The rename is durable only once the folder is synced; a folder that cannot be synced (some
 * network file systems) still has the whole file. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Syncs, closes and renames the temporary over the target. On any failure, before or now,
 * the temporary is removed, the target is left as it was and 'error' says why in words. */
gboolean
pathway_safe_file_commit (PathwaySafeFile *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (!self->failed && fsync (self->fd) != 0)
    pathway_safe_file_fail (self, errno, NULL);
  if (close (self->fd) != 0 && !self->failed)
    pathway_safe_file_fail (self, errno, NULL);
  self->fd = -1;
  if (!self->failed && g_rename (self->temp, self->path) != 0)
    pathway_safe_file_fail (self, errno, NULL);

  if (self->failed)
    {
      g_unlink (self->temp);
      g_clear_pointer (&self->temp, g_free);
      set_write_error (error, self->path, self->failed_errno, self->failed_reason);
      return FALSE;
    }
  g_clear_pointer (&self->temp, g_free);
  sync_folder (self->dir);
  return TRUE;
}

/* Abandons a file not committed: the temporary goes, the target stays. */
void
pathway_safe_file_free (PathwaySafeFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp != NULL)
    g_unlink (self->temp);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->temp);
  g_free (self->failed_reason);
  g_free (self);
}

gboolean
pathway_safe_file_set_contents (const char *path, const void *data, gsize length,
                                GError **error)
{
  g_autoptr(PathwaySafeFile) file = pathway_safe_file_new (path, error);

  if (file == NULL)
    return FALSE;
  pathway_safe_file_write (file, data, length);
  return pathway_safe_file_commit (file, error);
}
