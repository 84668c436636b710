/* pathway-damage.h: finding damage in a programme file before anything is written over it,
 * keeping the damaged file aside, and salvaging what can be read into a new file.
 *
 * At open, a file small enough is checked whole with integrity_check; a larger one with
 * quick_check (every page's structure) and then each index against its table, row by row
 * through a digest of the indexed values, so an index that no longer agrees with its table
 * (which quick_check misses, and which makes queries that read the index return wrong values)
 * is found within the open-time budget. A damaged file is never written: a byte-for-byte copy
 * is kept in its backup folder, and the message says so. */
#pragma once

#include "pathway-sqlite.h"

G_BEGIN_DECLS

/* Files up to this size get the full integrity_check at open. */
#define PATHWAY_DAMAGE_FULL_CHECK_BYTES (4 * 1024 * 1024)

typedef enum {
  PATHWAY_DAMAGE_CHECK_AUTO,  /* by the file's size, as at open */
  PATHWAY_DAMAGE_CHECK_FULL,  /* integrity_check whatever the size */
  PATHWAY_DAMAGE_CHECK_FAST,  /* quick_check and the index digests whatever the size */
} PathwayDamageCheck;

/* Comparing each index with its table, a few rows at a time. */
typedef struct _PathwayDamageScan PathwayDamageScan;

void pathway_damage_scan_free (PathwayDamageScan *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayDamageScan, pathway_damage_scan_free)

/* Reads up to 'max_rows' more rows; '*done' once every index was compared. FALSE with
 * PATHWAY_ERROR_DAMAGED when an index does not agree with its table or a page cannot be
 * read. */
gboolean pathway_damage_scan_step (PathwayDamageScan  *self,
                                   guint               max_rows,
                                   gboolean           *done,
                                   GError            **error);

/* Checks the open connection. FALSE with PATHWAY_ERROR_DAMAGED (the message naming the file
 * and saying in words what was found) when the file is damaged, or another error when it could
 * not be read at all. With AUTO on a file too large for integrity_check within the open's
 * budget, and 'deferred' given, the index comparison is not run but returned as a scan for the
 * caller to finish (in idle moments, and before the first write); otherwise it runs now. */
gboolean pathway_damage_check (PathwayDb           *db,
                               const char          *path,
                               PathwayDamageCheck   how,
                               PathwayDamageScan  **deferred,
                               GError             **error);

/* Copies the damaged file (and a journal beside it) byte for byte into the programme's backup
 * folder as damaged-YYYY-MM-DD-HHMMSS.pathway (the file's own modification time), once per
 * state of the file. Returns the copy's path, or NULL when it could not be kept. */
char *pathway_damage_keep_aside (const char *path);

G_END_DECLS
