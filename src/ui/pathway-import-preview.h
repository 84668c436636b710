/* pathway-import-preview.h: the rows of a tracker sheet as an import will read them, every
 * row, in a table like the spreadsheet's: Excel's row numbers, what each row would do (add,
 * update, a section heading, skipped and why), the cells with problems marked, and a check
 * per row that skips it. The Import Tracker window shows one sheet's plan in it at a time. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-exchange.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_IMPORT_PREVIEW (pathway_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (PathwayImportPreview, pathway_import_preview, PATHWAY, IMPORT_PREVIEW,
                      GtkWidget)

GtkWidget *pathway_import_preview_new (void);
/* Shows the plan's sheet as the mapping reads it. A plan of the sheet already shown (the
 * mapping changed, a row was skipped) redraws the rows in place, keeping the scroll position
 * and the focus; another sheet starts at its top. The Skip checks set rows skipped in the
 * mapping, whose "changed" signal tells the window to make the plan again. */
void pathway_import_preview_show (PathwayImportPreview *self, PathwayImportPlan *plan,
                                  PathwayImportMapping *mapping);
/* Forgets the plan (the file could not be read). */
void pathway_import_preview_clear (PathwayImportPreview *self);

/* What a row holds, in a few words for its accessible name and messages: its reference and
 * action when those columns are mapped, else its first two texts ("1.1, Publish the local
 * offer"). Free with g_free. */
char *pathway_import_preview_describe_row (PathwaySheet *sheet, PathwayImportMapping *mapping,
                                           guint row);

G_END_DECLS
