/* pathway-damage-dialog.h: what the window says when a programme file is found damaged, at
 * open or by the check that finishes after it, with the two ways back side by side: a copy of
 * its latest good backup, or a salvaged copy of what can still be read. The damaged file is
 * never written. */
#pragma once

#include <adwaita.h>

#include "pathway-window.h"

G_BEGIN_DECLS

/* Presents the dialog for the damaged file at 'path'; 'error' is the store's message. */
AdwMessageDialog *pathway_damage_dialog_present (PathwayWindow *window,
                                                 const char    *path,
                                                 const GError  *error);

/* Tests: salvage to 'target' without asking where. */
void pathway_damage_dialog_set_target_path (AdwMessageDialog *dialog,
                                            const char       *target);

G_END_DECLS
