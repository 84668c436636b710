/* pathway-person-dialog.h: the small window that adds one person to the programme, from
 * wherever a person is being chosen: a name (required, and not one the programme has
 * already), a role, an organisation and an email, written through the document as one step
 * that one undo takes back.
 *
 * Signal "added" (PathwayPerson *person): the person was added; the programme holds them.
 * The window closes itself after it. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PERSON_DIALOG (pathway_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPersonDialog, pathway_person_dialog, PATHWAY, PERSON_DIALOG,
                      AdwWindow)

PathwayPersonDialog *pathway_person_dialog_new (GtkWindow       *parent,
                                                PathwayDocument *document);
/* The name to start from, such as what was searched for. */
void pathway_person_dialog_set_name (PathwayPersonDialog *self,
                                     const char          *name);

G_END_DECLS
