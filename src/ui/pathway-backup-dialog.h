/* pathway-backup-dialog.h: the backups of the programme open in a window, newest first, and a
 * way to restore one of them as a copy beside the original, which the window then opens. The
 * original file is never touched: the copy goes to a new file the person names. */
#pragma once

#include <adwaita.h>

#include "pathway-window.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_BACKUP_DIALOG (pathway_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayBackupDialog, pathway_backup_dialog, PATHWAY, BACKUP_DIALOG,
                      AdwWindow)

/* Lists the backups of the window's open programme; the window must have one open. */
PathwayBackupDialog *pathway_backup_dialog_new (PathwayWindow *window);
/* The same for the programme at 'programme_path', which need not be open (a damaged one). */
PathwayBackupDialog *pathway_backup_dialog_new_for_path (PathwayWindow *window,
                                                         const char    *programme_path);

/* Tests: restore to 'path' without asking where (NULL asks again). */
void pathway_backup_dialog_set_target_path (PathwayBackupDialog *self, const char *path);

G_END_DECLS
