/* pathway-action-editor.c: the editor of one action. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-action-editor.h"

struct _PathwayActionEditor
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayAction *action;
};

G_DEFINE_FINAL_TYPE (PathwayActionEditor, pathway_action_editor, ADW_TYPE_WINDOW)

static void
pathway_action_editor_dispose (GObject *object)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->action);
  G_OBJECT_CLASS (pathway_action_editor_parent_class)->dispose (object);
}

static void
pathway_action_editor_class_init (PathwayActionEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pathway_action_editor_dispose;
}

static void
pathway_action_editor_init (PathwayActionEditor *self)
{
}

PathwayActionEditor *
pathway_action_editor_new (GtkWindow *parent, PathwayDocument *document, PathwayAction *action)
{
  PathwayActionEditor *self = g_object_new (PATHWAY_TYPE_ACTION_EDITOR,
                                            "transient-for", parent, "modal", TRUE, NULL);

  self->document = g_object_ref (document);
  g_set_object (&self->action, action);
  return self;
}

PathwayAction *
pathway_action_editor_get_action (PathwayActionEditor *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_EDITOR (self), NULL);
  return self->action;
}
