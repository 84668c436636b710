/* pathway-editor-timescale-section.h: the action editor's timescale of an action: the original
 * timescale, written once and then fixed, and the revisions that move it. */
#pragma once

#include "pathway-editor-section.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_TIMESCALE_SECTION (pathway_editor_timescale_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwayEditorTimescaleSection, pathway_editor_timescale_section, PATHWAY,
                      EDITOR_TIMESCALE_SECTION, AdwBin)

G_END_DECLS
