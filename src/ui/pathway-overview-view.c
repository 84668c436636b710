/* pathway-overview-view.c: the programme at a glance: dates, share complete, counts by rating and what needs attention. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-overview-view.h"

struct _PathwayOverviewView
{
  AdwBin parent_instance;

  PathwayDocument *document;
};

G_DEFINE_FINAL_TYPE (PathwayOverviewView, pathway_overview_view, ADW_TYPE_BIN)

static void
pathway_overview_view_dispose (GObject *object)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_overview_view_parent_class)->dispose (object);
}

static void
pathway_overview_view_class_init (PathwayOverviewViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pathway_overview_view_dispose;
}

static void
pathway_overview_view_init (PathwayOverviewView *self)
{
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}

GtkWidget *
pathway_overview_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_OVERVIEW_VIEW, NULL);
}

void
pathway_overview_view_set_document (PathwayOverviewView *self, PathwayDocument *document)
{
  g_return_if_fail (PATHWAY_IS_OVERVIEW_VIEW (self));
  g_set_object (&self->document, document);
}

PathwayDocument *
pathway_overview_view_get_document (PathwayOverviewView *self)
{
  g_return_val_if_fail (PATHWAY_IS_OVERVIEW_VIEW (self), NULL);
  return self->document;
}
