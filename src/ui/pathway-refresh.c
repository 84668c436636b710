/* pathway-refresh.c: one coalesced, visibility-aware refresh per view (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-refresh.h"

void
pathway_refresh_init (PathwayRefresh *self, gpointer widget, PathwayRefreshFunc refresh)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (refresh != NULL);

  self->widget = widget;
  self->refresh = refresh;
  self->source = 0;
  self->dirty = FALSE;
}

void
pathway_refresh_begin (PathwayRefresh *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->dirty = FALSE;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PathwayRefresh *self = user_data;

  self->source = 0;
  self->refresh (self->widget);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (PathwayRefresh *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->dirty = TRUE;
}

void
pathway_refresh_queue (PathwayRefresh *self)
{
  if (!gtk_widget_get_mapped (self->widget))
    mark_dirty (self);
  else if (self->source == 0)
    self->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

void
pathway_refresh_now_or_later (PathwayRefresh *self)
{
  if (gtk_widget_get_mapped (self->widget))
    self->refresh (self->widget);
  else
    mark_dirty (self);
}

void
pathway_refresh_map (PathwayRefresh *self)
{
  if (self->dirty)
    self->refresh (self->widget);
}

gboolean
pathway_refresh_is_pending (PathwayRefresh *self)
{
  return self->source != 0 || self->dirty;
}

void
pathway_refresh_clear (PathwayRefresh *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
}
