/* pathway-access-dialog.h: Who Has Access…, where a manager of a programme kept on a PostgreSQL
 * server says who may sign in to it and what each may change: the people with access (sign-in
 * name, person, role, and whether they were removed or cannot sign in yet), a form that gives
 * someone access, a drop-down on each row that changes their role, and a button that takes their
 * access away after asking. Every call to the server runs on a worker thread while the dialog says
 * it is busy; a refusal is shown in the dialog, naming what is wrong. Where the server does not
 * let the manager create sign-in roles, the SQL that the database's administrator must run is
 * shown, to be selected or copied. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACCESS_DIALOG (pathway_access_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayAccessDialog, pathway_access_dialog, PATHWAY, ACCESS_DIALOG,
                      AdwWindow)

/* For the programme on a server that 'document' shows; the password is the keyring's. */
PathwayAccessDialog *pathway_access_dialog_new (GtkWindow *parent, PathwayDocument *document);
/* Whether a call to the server is under way (the list being read, or a change). */
gboolean pathway_access_dialog_get_busy (PathwayAccessDialog *self);
/* The SQL shown for the database's administrator, or NULL while there is none. */
char *pathway_access_dialog_dup_sql_for_it (PathwayAccessDialog *self);

G_END_DECLS
