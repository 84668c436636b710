/* pathway-editor-section.h: one part of the action editor: the details, the timescale, the
 * progress, the evidence or the history of an action. The editor gives every section the
 * action and then only asks: has anything changed, do the changes need a note, can what is
 * typed be saved, does what was changed still stand where it was shown, write it into this
 * batch, put it on this new action. A section says that the person changed one of its fields
 * with the ::changed signal.
 *
 * "Changed" means changed from what the section showed when it was given the action, not from
 * the action now: on a server others change the action while the editor is open, and a field
 * the person left alone is not written back over their change. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EDITOR_SECTION (pathway_editor_section_get_type ())
G_DECLARE_INTERFACE (PathwayEditorSection, pathway_editor_section, PATHWAY, EDITOR_SECTION,
                     GtkWidget)

typedef enum {
  PATHWAY_EDITOR_FLAG_NONE = 0,
  /* The same action, found again in a programme the document has read anew (a rolled-back
   * batch replaces the programme and its objects): what the person typed stays. */
  PATHWAY_EDITOR_FLAG_KEEP_TYPED = 1 << 0,
} PathwayEditorFlags;

struct _PathwayEditorSectionInterface
{
  GTypeInterface parent_iface;

  /* Required. Shows the action in the fields (action NULL: a new action). */
  void (*set_action) (PathwayEditorSection *self,
                      PathwayDocument      *document,
                      PathwayAction        *action,
                      PathwayEditorFlags    flags);
  /* Reads again what the document keeps about the action (history, evidence) after it was
   * written or someone else changed it; what the person typed stays, and a field they left
   * alone shows the action's value now. */
  void (*refresh) (PathwayEditorSection *self);
  /* Whether saving would write anything, or lose anything on closing. */
  gboolean (*has_changes) (PathwayEditorSection *self);
  /* Whether the changes are ones the board asks about, which carry a note. */
  gboolean (*needs_note) (PathwayEditorSection *self);
  /* Shows beside each field what is wrong with it; FALSE when something is. saving: the
   * person has asked to save, so what is missing is an error even where they have not been. */
  gboolean (*validate) (PathwayEditorSection *self,
                        gboolean              saving);
  /* Whether each field the person changed still holds, in the action, what the section showed:
   * FALSE with PATHWAY_ERROR_CONFLICT (pathway_document_check_unchanged's message, naming who
   * changed it) when one does not. Every changed field is checked, and each that someone else
   * changed is taken as shown as it is now, so saving again applies what the person typed. */
  gboolean (*check_unchanged) (PathwayEditorSection *self,
                               GError              **error);
  /* Writes the changes to the action through the document; the editor holds the batch. */
  gboolean (*apply) (PathwayEditorSection *self,
                     const char           *note,
                     GError              **error);
  /* Puts the fields on the draft of a new action. */
  void (*fill_draft) (PathwayEditorSection *self,
                      PathwayAction        *draft);
};

void pathway_editor_section_set_action (PathwayEditorSection *self,
                                        PathwayDocument      *document,
                                        PathwayAction        *action,
                                        PathwayEditorFlags    flags);
void pathway_editor_section_refresh (PathwayEditorSection *self);
gboolean pathway_editor_section_has_changes (PathwayEditorSection *self);
gboolean pathway_editor_section_needs_note (PathwayEditorSection *self);
gboolean pathway_editor_section_validate (PathwayEditorSection *self,
                                          gboolean              saving);
gboolean pathway_editor_section_check_unchanged (PathwayEditorSection *self,
                                                 GError              **error);
gboolean pathway_editor_section_apply (PathwayEditorSection *self,
                                       const char           *note,
                                       GError              **error);
void pathway_editor_section_fill_draft (PathwayEditorSection *self,
                                        PathwayAction        *draft);
/* For the sections: emits ::changed. */
void pathway_editor_section_changed (PathwayEditorSection *self);

G_END_DECLS
