/* pathway-editor-history-section.h: the action editor's history of an action: every change,
 * newest first, and the revisions of its timescale. It is only read. */
#pragma once

#include "pathway-editor-section.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_HISTORY_SECTION (pathway_editor_history_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwayEditorHistorySection, pathway_editor_history_section, PATHWAY,
                      EDITOR_HISTORY_SECTION, AdwBin)

G_END_DECLS
