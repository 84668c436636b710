/* pathway-editor-evidence-section.h: the action editor's evidence of impact: what has been
 * recorded for the action, and one more piece added with the save. */
#pragma once

#include "pathway-editor-section.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_EVIDENCE_SECTION (pathway_editor_evidence_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwayEditorEvidenceSection, pathway_editor_evidence_section, PATHWAY,
                      EDITOR_EVIDENCE_SECTION, AdwBin)

G_END_DECLS
