/* pathway-backup.h: rolling backups of each programme, kept in the user's data folder.
 *
 * A backup is a whole copy of the programme taken through SQLite's online backup API from the
 * open document's own connection, written to a temporary name, synced, checked with
 * integrity_check on a connection of its own and only then renamed to YYYY-MM-DD-HHMMSS.pathway
 * (local time by the document's clock). A document takes one when it is opened for writing and
 * the file changed since the newest backup, and after a write when the newest backup is over a
 * day old. Old ones are thinned out: the newest of each of the last N days and of each of the
 * last N months stay. Restoring copies a backup to a new file, never over an existing one. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

/* How many days and months of backups to keep when nothing else is said. */
#define PATHWAY_BACKUP_DEFAULT_DAYS 7
#define PATHWAY_BACKUP_DEFAULT_MONTHS 12

typedef struct {
  char *path;        /* the backup file */
  GDateTime *when;   /* local time, from its name */
  gint64 n_actions;  /* actions not deleted, read from the copy; -1 when it could not be read */
  gboolean verified; /* the copy passes integrity_check and is a Pathway programme */
} PathwayBackup;

void pathway_backup_free (PathwayBackup *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayBackup, pathway_backup_free)

/* The folder holding every programme's backup folder: PATHWAY_BACKUP_DIR when set (tests), else
 * g_get_user_data_dir()/pathway/backups. */
char *pathway_backup_root (void);
/* The folder holding the backups of the programme at 'path': the environment variable
 * PATHWAY_BACKUP_DIR when set (tests), else g_get_user_data_dir()/pathway/backups, then a
 * folder named after the file and a short hash of its absolute path, so that two programmes
 * of one name in different folders keep their backups apart. */
char *pathway_backup_folder_for (const char *path);

/* How many days and months of backups the document keeps (the preferences' backup-days and
 * backup-months; the defaults above until set). 0 days: it takes none by itself (the demo,
 * whose clock runs through months in seconds). */
void pathway_document_set_backup_policy (PathwayDocument *self, guint days, guint months);
/* Takes the backup that an open with PATHWAY_OPEN_DEFER_BACKUP left for later, if it is still
 * owed (the file changed since its newest backup, and no write has taken it yet). As at open,
 * a failure is logged, and a copy that fails its check makes the document damaged. */
void pathway_document_backup_if_pending (PathwayDocument *self);
/* Writes, checks and keeps a backup now, then thins out the old ones. */
gboolean pathway_document_backup_now (PathwayDocument *self, GError **error);

/* The backups of the programme at 'path', newest first, each opened read-only to count its
 * actions and check it. Element type PathwayBackup. An absent folder is an empty list. */
GPtrArray *pathway_backups_list (const char *path, GError **error);
/* The backup 'name' of the programme at 'path': a path with a folder in it as it is, or a
 * file name in the programme's backup folder. */
char *pathway_backup_resolve (const char *path, const char *name);
/* Copies a backup to 'new_path', which must not exist (PATHWAY_ERROR_EXISTS), syncs it and
 * opens it once to check it; a copy that does not open is removed again. */
gboolean pathway_backup_restore (const char *backup, const char *new_path, GError **error);

G_END_DECLS
