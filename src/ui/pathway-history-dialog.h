/* pathway-history-dialog.h: every change of one record of any kind (a person, an area of
 * weakness, a board, a meeting), newest first: who made it and when, what changed from what to
 * what, and the note given with it. It is only read. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"
#include "pathway-record-dialog.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_HISTORY_DIALOG (pathway_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayHistoryDialog, pathway_history_dialog, PATHWAY, HISTORY_DIALOG,
                      AdwWindow)

/* 'fields' (may be NULL) names the fields as the record dialog shows them, and gives the
 * words of a choice; it must outlive the dialog (a static table). */
PathwayHistoryDialog *pathway_history_dialog_new (GtkWindow                *parent,
                                                  PathwayDocument          *document,
                                                  gpointer                  record,
                                                  const PathwayRecordField *fields);

G_END_DECLS
