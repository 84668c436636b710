/* pathway-reading-dialog.h: the small window where a reading of an indicator is added, or a
 * reading already recorded is corrected (its day, value or note). Nothing is written until
 * the person saves; then the change is one undo step, and a toast on the main window offers
 * to undo it. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_READING_DIALOG (pathway_reading_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayReadingDialog, pathway_reading_dialog, PATHWAY, READING_DIALOG,
                      AdwWindow)

/* reading NULL: a new reading of indicator, dated the end of last month by the document's
 * clock. Otherwise the reading (one of indicator's, as pathway_document_list_readings gives
 * them) is corrected. The dialog is modal over parent. */
PathwayReadingDialog *pathway_reading_dialog_new (GtkWindow        *parent,
                                                  PathwayDocument  *document,
                                                  PathwayIndicator *indicator,
                                                  PathwayReading   *reading);

G_END_DECLS
