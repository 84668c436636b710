/* pathway-import-dialog.h: the window that brings an area's own tracker (CSV or XLSX) into
 * the open programme. It shows how the file's columns map to the fields of an action (guessed
 * from the headers, changeable column by column), what the import would do, and every problem
 * with the cell it is on; nothing is written until the person presses Import, and then the
 * whole import is one batch. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"
#include "pathway-exchange.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_IMPORT_DIALOG (pathway_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayImportDialog, pathway_import_dialog, PATHWAY, IMPORT_DIALOG,
                      AdwWindow)

/* Reads the tracker at path. A file that cannot be read (not CSV or XLSX, damaged, too large)
 * still gives a dialog, which shows why and offers no import. Returns NULL with
 * PATHWAY_ERROR_READ_ONLY when the document cannot be changed. Set it transient for the main
 * window before presenting it: the toast after an import goes there. */
PathwayImportDialog *pathway_import_dialog_new (PathwayDocument *document, const char *path,
                                                GError **error);

/* Gives a column a field, as choosing it in the column's drop-down does; the plan is made
 * again at once. */
void pathway_import_dialog_set_field (PathwayImportDialog *self, guint column,
                                      PathwayImportField field);
/* The current plan, or NULL when the file could not be read. */
PathwayImportPlan *pathway_import_dialog_get_plan (PathwayImportDialog *self);
PathwayImportMapping *pathway_import_dialog_get_mapping (PathwayImportDialog *self);
/* Why the file could not be read, or NULL. */
const GError *pathway_import_dialog_get_read_error (PathwayImportDialog *self);
/* TRUE when the file was read and its plan has no errors (the Import button is sensitive). */
gboolean pathway_import_dialog_can_import (PathwayImportDialog *self);
/* What the Import button does: writes the plan as one batch, shows a toast on the parent
 * window and closes. On failure the dialog stays open, shows why, and nothing changed. */
gboolean pathway_import_dialog_import (PathwayImportDialog *self, GError **error);

G_END_DECLS
