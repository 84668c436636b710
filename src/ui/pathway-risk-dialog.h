/* pathway-risk-dialog.h: a dialog, modal over the main window, that adds or edits one entry of
 * the risk and issue log with every field it has: likelihood and impact in the area's own
 * words ("4 – Likely") with the score they make, before and after the response; the owner and
 * the response's owner chosen from the programme's people; the linked actions typed by
 * reference or chosen from the plan, each opening in the action editor.
 *
 * Save writes through pathway_document_add_fields or _set_fields, so every value is checked
 * before anything is written and one undo takes the save back; a value the store refuses is
 * shown under its field. Cancel and Escape close without writing; Ctrl+Enter saves. A saved
 * entry's dialog also shows its history, raises an issue from a risk and retires it: the
 * last two are the caller's to do ("raise-issue", "retire"). */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"
#include "pathway-record-dialog.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RISK_DIALOG (pathway_risk_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayRiskDialog, pathway_risk_dialog, PATHWAY, RISK_DIALOG, AdwWindow)

/* A new entry, its reference the next free one ("R15"). */
PathwayRiskDialog *pathway_risk_dialog_new_add (GtkWindow       *parent,
                                                PathwayDocument *document);
/* A new issue raised from 'risk': its fields copied, kind issue, raised from the risk. */
PathwayRiskDialog *pathway_risk_dialog_new_issue (GtkWindow       *parent,
                                                  PathwayDocument *document,
                                                  PathwayRisk     *risk);
/* Edits 'risk', showing its fields as they are now. */
PathwayRiskDialog *pathway_risk_dialog_new_edit (GtkWindow       *parent,
                                                 PathwayDocument *document,
                                                 PathwayRisk     *risk);

/* The entry edited, or the one added once saved; NULL before. */
PathwayRisk *pathway_risk_dialog_get_risk (PathwayRiskDialog *self);
/* Saves as the Save button does: TRUE when written (or nothing had changed) and the dialog is
 * closing; FALSE, showing why, when a value was refused. */
gboolean pathway_risk_dialog_save (PathwayRiskDialog *self);

/* The log's fields as the record dialog names them, for PathwayHistoryDialog. */
const PathwayRecordField *pathway_risk_dialog_get_fields (void);

G_END_DECLS
