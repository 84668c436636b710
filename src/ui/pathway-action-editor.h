/* pathway-action-editor.h: a window editing one action (or a new one): every field, with
 * changes of rating, status and timescale asking for a short note, and the action's history
 * as a timeline. Every change goes through the document. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"
#include "pathway-update-round.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACTION_EDITOR (pathway_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (PathwayActionEditor, pathway_action_editor, PATHWAY, ACTION_EDITOR,
                      AdwWindow)

/* action NULL: a new action, added to the document when the person saves it. */
PathwayActionEditor *pathway_action_editor_new (GtkWindow *parent, PathwayDocument *document,
                                                PathwayAction *action);
PathwayAction *pathway_action_editor_get_action (PathwayActionEditor *self);
/* An editor going through a monthly update's round from the action it is on (the round must
 * not have finished): Save and Next (Ctrl+Enter) saves and moves on, Skip (Ctrl+K) passes
 * over; after the last it closes, saying how many were updated. Closing keeps the round where
 * it is, for the window to go on with. */
PathwayActionEditor *pathway_action_editor_new_round (GtkWindow *parent,
                                                      PathwayUpdateRound *round);
/* The round the editor goes through, or NULL. */
PathwayUpdateRound *pathway_action_editor_get_round (PathwayActionEditor *self);

G_END_DECLS
