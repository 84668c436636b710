/* pathway-actions-view.c: the tracker: every action in a sortable, filterable table. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-actions-view.h"

struct _PathwayActionsView
{
  AdwBin parent_instance;

  PathwayDocument *document;
};

G_DEFINE_FINAL_TYPE (PathwayActionsView, pathway_actions_view, ADW_TYPE_BIN)

static void
pathway_actions_view_dispose (GObject *object)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_actions_view_parent_class)->dispose (object);
}

static void
pathway_actions_view_class_init (PathwayActionsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pathway_actions_view_dispose;
}

static void
pathway_actions_view_init (PathwayActionsView *self)
{
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}

GtkWidget *
pathway_actions_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_ACTIONS_VIEW, NULL);
}

void
pathway_actions_view_set_document (PathwayActionsView *self, PathwayDocument *document)
{
  g_return_if_fail (PATHWAY_IS_ACTIONS_VIEW (self));
  g_set_object (&self->document, document);
}

PathwayDocument *
pathway_actions_view_get_document (PathwayActionsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTIONS_VIEW (self), NULL);
  return self->document;
}
