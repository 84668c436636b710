/* pathway-editor-progress-section.h: the action editor's progress of an action: its status,
 * its rating, the note a change of either carries, and the progress commentary. */
#pragma once

#include "pathway-editor-section.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_PROGRESS_SECTION (pathway_editor_progress_section_get_type ())
G_DECLARE_FINAL_TYPE (PathwayEditorProgressSection, pathway_editor_progress_section, PATHWAY,
                      EDITOR_PROGRESS_SECTION, AdwBin)

/* Whether the save carries a note: some section's changes need one (a rating or status here,
 * an original timescale elsewhere). The note field shows while one is needed. */
void pathway_editor_progress_section_set_note_required (PathwayEditorProgressSection *self,
                                                        gboolean required);
/* The note as typed, without the spaces around it. */
char *pathway_editor_progress_section_dup_note (PathwayEditorProgressSection *self);
/* Moves the keyboard focus to the chosen rating's button: an update starts there. */
gboolean pathway_editor_progress_section_focus_rating (PathwayEditorProgressSection *self);

G_END_DECLS
