/* pathway-editor-section.c: the interface of the action editor's sections.
 *
 * As GNOME Calendar's event editor does with its sections, the editor dialog keeps only the
 * sections and what belongs to the whole action (saving in one batch, closing, deleting);
 * each section keeps its own fields, what they mean and how they are written. Every method
 * but set_action may be left out: a section that shows nothing to save (the history) then has
 * no changes, needs no note, is always valid and writes nothing. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include "pathway-editor-section.h"

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (PathwayEditorSection, pathway_editor_section, GTK_TYPE_WIDGET)

static void
pathway_editor_section_default_init (PathwayEditorSectionInterface *iface)
{
  /**
   * PathwayEditorSection::changed:
   *
   * The person changed a field of the section, or something the section shows changed what
   * it would save (the programme's lists, its rating scheme): the editor checks again.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

void
pathway_editor_section_set_action (PathwayEditorSection *self,
                                   PathwayDocument      *document,
                                   PathwayAction        *action,
                                   PathwayEditorFlags    flags)
{
  g_return_if_fail (PATHWAY_IS_EDITOR_SECTION (self));
  g_return_if_fail (PATHWAY_IS_DOCUMENT (document));
  g_return_if_fail (action == NULL || PATHWAY_IS_ACTION (action));

  PATHWAY_EDITOR_SECTION_GET_IFACE (self)->set_action (self, document, action, flags);
}

void
pathway_editor_section_refresh (PathwayEditorSection *self)
{
  PathwayEditorSectionInterface *iface;

  g_return_if_fail (PATHWAY_IS_EDITOR_SECTION (self));

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self);
}

gboolean
pathway_editor_section_has_changes (PathwayEditorSection *self)
{
  PathwayEditorSectionInterface *iface;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_SECTION (self), FALSE);

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  return iface->has_changes != NULL && iface->has_changes (self);
}

gboolean
pathway_editor_section_needs_note (PathwayEditorSection *self)
{
  PathwayEditorSectionInterface *iface;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_SECTION (self), FALSE);

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  return iface->needs_note != NULL && iface->needs_note (self);
}

gboolean
pathway_editor_section_validate (PathwayEditorSection *self,
                                 gboolean              saving)
{
  PathwayEditorSectionInterface *iface;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_SECTION (self), FALSE);

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  return iface->validate == NULL || iface->validate (self, saving);
}

gboolean
pathway_editor_section_check_unchanged (PathwayEditorSection *self,
                                        GError              **error)
{
  PathwayEditorSectionInterface *iface;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_SECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  return iface->check_unchanged == NULL || iface->check_unchanged (self, error);
}

gboolean
pathway_editor_section_apply (PathwayEditorSection *self,
                              const char           *note,
                              GError              **error)
{
  PathwayEditorSectionInterface *iface;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_SECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  return iface->apply == NULL || iface->apply (self, note, error);
}

void
pathway_editor_section_fill_draft (PathwayEditorSection *self,
                                   PathwayAction        *draft)
{
  PathwayEditorSectionInterface *iface;

  g_return_if_fail (PATHWAY_IS_EDITOR_SECTION (self));
  g_return_if_fail (PATHWAY_IS_ACTION (draft));

  iface = PATHWAY_EDITOR_SECTION_GET_IFACE (self);
  if (iface->fill_draft != NULL)
    iface->fill_draft (self, draft);
}

void
pathway_editor_section_changed (PathwayEditorSection *self)
{
  g_return_if_fail (PATHWAY_IS_EDITOR_SECTION (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
