/* pathway-import-dialog.h: the window that brings an area's own tracker (CSV, XLSX or ODS)
 * into the open programme, or its risk register into the risk log. It offers the workbook's
 * sheets with what each holds (the one that looks like a tracker chosen, or all the tracker
 * sheets of a workbook kept as a sheet per workstream), shows how the columns map to the
 * fields of an action (guessed from the headers, changeable column by column; hidden columns
 * and the months of month columns marked), every row with what the import would do with it
 * (a check skips any row), and every problem with the cell it is on. An optional date says
 * when the tracker stood so, for an older copy. Nothing is written until the person presses
 * Import, and then the whole import is one batch. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"
#include "pathway-exchange.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_IMPORT_DIALOG (pathway_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayImportDialog, pathway_import_dialog, PATHWAY, IMPORT_DIALOG,
                      AdwWindow)

/* Reads the tracker at path: every sheet of a workbook, choosing the one that looks like a
 * tracker. A file that cannot be read (not CSV, XLSX or ODS, damaged, too large) still gives a
 * dialog, which shows why and offers no import. Returns NULL with PATHWAY_ERROR_READ_ONLY when
 * the document cannot be changed. Set it transient for the main window before presenting it:
 * the toast after an import goes there. */
PathwayImportDialog *pathway_import_dialog_new (PathwayDocument *document, const char *path,
                                                GError **error);
/* The same for a tracker or a risk register ("Import Risk Register": the columns are offered
 * a risk's fields, the sheet chosen is the one that looks like a register, and there is no
 * date, since a register is imported as it stands). */
PathwayImportDialog *pathway_import_dialog_new_for (PathwayDocument *document, const char *path,
                                                    PathwayImportTarget target,
                                                    GError **error);

/* Gives a column of the sheet shown a field (a PathwayImportField, or a PathwayRiskField for a
 * risk register), as choosing it in the column's row does; the plan is made again at once. */
void pathway_import_dialog_set_field (PathwayImportDialog *self, guint column, guint field);
/* The plan of the sheet shown, or NULL when the file could not be read. */
PathwayImportPlan *pathway_import_dialog_get_plan (PathwayImportDialog *self);
/* The plans of every sheet the import would write: one, or one per tracker sheet when "All
 * tracker sheets" is chosen (element type PathwayImportPlan); NULL when the file could not be
 * read. */
GPtrArray *pathway_import_dialog_get_plans (PathwayImportDialog *self);
/* The mapping of the sheet shown. */
PathwayImportMapping *pathway_import_dialog_get_mapping (PathwayImportDialog *self);
/* Why the file could not be read, or NULL. */
const GError *pathway_import_dialog_get_read_error (PathwayImportDialog *self);
/* TRUE when the file was read and its plans have no errors (the Import button is sensitive). */
gboolean pathway_import_dialog_can_import (PathwayImportDialog *self);
/* What the Import button does: writes the plans as one batch (dated at the end of the day
 * typed as the day the tracker stood on, when one is), shows a toast on the parent window and
 * closes. A date that is not one, or is after today, is marked and nothing is written
 * (PATHWAY_ERROR_INVALID). On failure the dialog stays open, shows why, and nothing changed. */
gboolean pathway_import_dialog_import (PathwayImportDialog *self, GError **error);

G_END_DECLS
