/* pathway-workstream-editor.h: the window where a workstream is added or changed: its code,
 * title and description, its lead and lead organisation, its members with their roles, and
 * the areas of weakness it addresses. Nothing is written until the person saves; then
 * everything is written in one batch, so that one undo takes the whole save back. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_WORKSTREAM_EDITOR (pathway_workstream_editor_get_type ())
G_DECLARE_FINAL_TYPE (PathwayWorkstreamEditor, pathway_workstream_editor, PATHWAY,
                      WORKSTREAM_EDITOR, AdwWindow)

/* workstream NULL: a new one. Modal over parent. When the save is written the editor emits
 * "saved" with the workstream (the new one, once added) and closes. */
PathwayWorkstreamEditor *pathway_workstream_editor_new (GtkWindow         *parent,
                                                        PathwayDocument   *document,
                                                        PathwayWorkstream *workstream);

G_END_DECLS
