/* pathway-indicator-editor.h: the window where an indicator is added or changed: every field
 * the command line knows (name, service, definition, unit, which direction is better, baseline,
 * target and where it comes from, comparator, source and owner) and its milestones. Nothing is
 * written until the person saves; then everything is written in one batch, so that one undo
 * takes the whole save back. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_INDICATOR_EDITOR (pathway_indicator_editor_get_type ())
G_DECLARE_FINAL_TYPE (PathwayIndicatorEditor, pathway_indicator_editor, PATHWAY,
                      INDICATOR_EDITOR, AdwWindow)

/* indicator NULL: a new one. Modal over parent. When the save is written the editor emits
 * "saved" with the indicator (the new one, once added) and closes. */
PathwayIndicatorEditor *pathway_indicator_editor_new (GtkWindow        *parent,
                                                      PathwayDocument  *document,
                                                      PathwayIndicator *indicator);

G_END_DECLS
