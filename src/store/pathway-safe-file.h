/* pathway-safe-file.h: writing a file so that a failure never replaces a good one. Every
 * writer of a file people keep (the board pack's PDF, exported trackers) writes a temporary
 * file in the target's folder, checks every write, syncs it and renames it over the target;
 * on any failure the old file stays as it was and the temporary is removed. The first write
 * error is kept and reported in words naming the file ("not enough space in FOLDER" for a
 * full disk), never as a library's code.
 *
 * GLib and POSIX file calls only, no SQL: it lives in src/store, the lowest layer that both
 * src/report and src/exchange may use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PathwaySafeFile PathwaySafeFile;

PathwaySafeFile *pathway_safe_file_new           (const char       *path,
                                                  GError          **error);
const char      *pathway_safe_file_get_temp_path (PathwaySafeFile  *self);
gboolean         pathway_safe_file_write         (PathwaySafeFile  *self,
                                                  const void       *data,
                                                  gsize             length);
void             pathway_safe_file_fail          (PathwaySafeFile  *self,
                                                  int               saved_errno,
                                                  const char       *reason);
gboolean         pathway_safe_file_has_failed    (PathwaySafeFile  *self);
gboolean         pathway_safe_file_commit        (PathwaySafeFile  *self,
                                                  GError          **error);
void             pathway_safe_file_free          (PathwaySafeFile  *self);

gboolean         pathway_safe_file_set_contents  (const char       *path,
                                                  const void       *data,
                                                  gsize             length,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaySafeFile, pathway_safe_file_free)

G_END_DECLS
