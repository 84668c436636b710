/* pathway-connect-dialog.h: Connect to Server…, the small window that opens a programme kept
 * on a PostgreSQL server: host, port, database, user and password, and whether to keep the
 * password in the keyring. Connect opens the programme on a worker thread while the dialog
 * says it is connecting; a refusal is shown in the dialog, naming what is wrong, with
 * everything typed kept.
 *
 * Signal "connected" (PathwayDocument *document, const char *uri): the programme is open; uri
 * is where it is, without any password. The window closes itself after it. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_CONNECT_DIALOG (pathway_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayConnectDialog, pathway_connect_dialog, PATHWAY, CONNECT_DIALOG,
                      AdwWindow)

PathwayConnectDialog *pathway_connect_dialog_new (GtkWindow *parent);
/* Fills the rows from a "postgresql://" URI (a recent programme, one that would not open). */
void pathway_connect_dialog_set_location (PathwayConnectDialog *self, const char *uri);
/* Shows why the last attempt failed, marking the row it is about. */
void pathway_connect_dialog_show_error (PathwayConnectDialog *self, const GError *error);
/* The URI Connect would open, built from the rows, or NULL while something needed is missing
 * or wrong. */
char *pathway_connect_dialog_dup_uri (PathwayConnectDialog *self);
/* Whether an attempt is under way. */
gboolean pathway_connect_dialog_get_connecting (PathwayConnectDialog *self);

G_END_DECLS
