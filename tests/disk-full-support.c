/* disk-full-support.c: mounting, filling and checking a small tmpfs for the disk-full tests
 * of the store, report, exchange and cli suites. */
#define G_LOG_DOMAIN "pathway-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "disk-full-support.h"

/* Big enough for a demo board pack and a tracker, small enough to fill at once. */
#define DISK_SIZE "size=1m"

static gboolean
run_quietly (const char *const *argv, char **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      *message = g_strdup_printf ("%s %s", error->message, err ? g_strstrip (err) : "");
      return FALSE;
    }
  return TRUE;
}

/* Returns the mounted folder, or NULL after g_test_skip when mounting is not permitted. */
char *
disk_full_mount (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *dir;

  if (geteuid () != 0)
    {
      g_test_skip ("mounting a small tmpfs for a full disk needs root");
      return NULL;
    }
  dir = g_dir_make_tmp ("pathway-full-XXXXXX", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "mount", "-t", "tmpfs", "-o", DISK_SIZE, "tmpfs", dir, NULL };

    if (!run_quietly (argv, &message))
      {
        g_autofree char *why = g_strdup_printf ("a tmpfs could not be mounted: %s", message);

        g_test_skip (why);
        g_rmdir (dir);
        g_free (dir);
        return NULL;
      }
  }
  return dir;
}

void
disk_full_unmount (char *dir)
{
  g_autofree char *message = NULL;
  const char *argv[] = { "umount", dir, NULL };

  if (dir == NULL)
    return;
  if (!run_quietly (argv, &message))
    g_error ("%s could not be unmounted: %s", dir, message);
  g_rmdir (dir);
  g_free (dir);
}

/* Writes a filler file until the disk refuses, in big blocks and then byte by byte. */
void
disk_full_fill (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  static const gsize sizes[] = { 65536, 4096, 1 };
  char block[65536];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      for (;;)
        {
          gssize written = write (fd, block, sizes[i]);

          if (written < 0)
            {
              g_assert_cmpint (errno, ==, ENOSPC);
              break;
            }
          g_assert_cmpint (written, >, 0);
        }
    }
  g_assert_cmpint (close (fd), ==, 0);
}

/* Fills the disk, then gives back 'free_bytes' of it (rounded down to whole pages, the unit
 * a tmpfs counts in), for writers that must work or fail cleanly at every level of fullness. */
void
disk_full_fill_leaving (const char *dir, gsize free_bytes)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  GStatBuf st;

  disk_full_fill (dir);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size - MIN ((goffset) free_bytes, st.st_size)), ==, 0);
}

/* Removes the filler: the disk has its space again. */
void
disk_full_empty (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* The folder holds exactly the named files and the filler: no temporary left behind. */
void
disk_full_assert_only (const char *dir, const char *first_name, ...)
{
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list names;

  g_hash_table_add (expected, (gpointer) "filler");
  va_start (names, first_name);
  for (name = first_name; name != NULL; name = va_arg (names, const char *))
    g_hash_table_add (expected, (gpointer) name);
  va_end (names);

  folder = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (!g_hash_table_contains (expected, name))
      g_error ("%s was left in %s", name, dir);
}

/* The message names the file and says there is no space, in words. */
void
disk_full_assert_message (const char *message, const char *file_name)
{
  g_assert_nonnull (strstr (message, file_name));
  g_assert_nonnull (strstr (message, "not enough space"));
  g_assert_nonnull (strstr (message, g_strerror (ENOSPC)));
  g_assert_null (strstr (message, "ZIP"));
}

void
disk_full_assert_mode (const char *path, guint mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, mode);
}
