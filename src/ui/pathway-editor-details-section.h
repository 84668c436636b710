/* pathway-editor-details-section.h: the action editor's details of an action: its reference,
 * description and success measure, its area of weakness, workstream, lead and theme. */
#pragma once

#include "pathway-editor-section.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_DETAILS_SECTION (pathway_editor_details_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwayEditorDetailsSection, pathway_editor_details_section, PATHWAY,
                      EDITOR_DETAILS_SECTION, AdwBin)

/* The reference as typed, without the spaces around it. */
char *pathway_editor_details_section_dup_reference (PathwayEditorDetailsSection *self);
/* "B – EHC needs assessments and plans": a workstream as the editor names it. */
char *pathway_editor_details_section_name_workstream (PathwayWorkstream *workstream);

G_END_DECLS
