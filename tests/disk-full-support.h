/* disk-full-support.h: a small disk that can be filled, wholly or all but a little, for the
 * tests of writers that must fail in words and keep the old file when there is no space left.
 * A tmpfs is mounted on a temporary folder, which needs root (CI runs as root); elsewhere the
 * test is skipped and says why. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *disk_full_mount             (void);
void  disk_full_unmount           (char       *dir);
void  disk_full_fill              (const char *dir);
void  disk_full_fill_leaving      (const char *dir,
                                   gsize       free_bytes);
void  disk_full_empty             (const char *dir);
void  disk_full_assert_only       (const char *dir,
                                   const char *first_name,
                                   ...) G_GNUC_NULL_TERMINATED;
void  disk_full_assert_message    (const char *message,
                                   const char *file_name);
void  disk_full_assert_mode       (const char *path,
                                   guint       mode);

G_END_DECLS
