/* pathway-workstreams-view.c: the workstreams, each with its lead, members, areas of weakness and actions. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-workstreams-view.h"

struct _PathwayWorkstreamsView
{
  AdwBin parent_instance;

  PathwayDocument *document;
};

G_DEFINE_FINAL_TYPE (PathwayWorkstreamsView, pathway_workstreams_view, ADW_TYPE_BIN)

static void
pathway_workstreams_view_dispose (GObject *object)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_workstreams_view_parent_class)->dispose (object);
}

static void
pathway_workstreams_view_class_init (PathwayWorkstreamsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pathway_workstreams_view_dispose;
}

static void
pathway_workstreams_view_init (PathwayWorkstreamsView *self)
{
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}

GtkWidget *
pathway_workstreams_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_WORKSTREAMS_VIEW, NULL);
}

void
pathway_workstreams_view_set_document (PathwayWorkstreamsView *self, PathwayDocument *document)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAMS_VIEW (self));
  g_set_object (&self->document, document);
}

PathwayDocument *
pathway_workstreams_view_get_document (PathwayWorkstreamsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAMS_VIEW (self), NULL);
  return self->document;
}
