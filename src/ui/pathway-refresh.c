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
  self->item_func = NULL;
  self->source = 0;
  self->dirty = FALSE;
  self->watched = NULL;
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
  pathway_refresh_unwatch_all (self);
}

/* Following the model ------------------------------------------------------------------------ */

void
pathway_refresh_set_item_func (PathwayRefresh *self, PathwayRefreshItemFunc item_func)
{
  self->item_func = item_func;
}

static gboolean
connect_once (PathwayRefresh *self, gpointer object, const char *signal, GCallback callback)
{
  gulong handler;

  if (self->watched == NULL)
    self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  if (g_hash_table_contains (self->watched, object))
    return FALSE;
  handler = g_signal_connect_swapped (object, signal, callback, self);
  g_hash_table_insert (self->watched, g_object_ref (object), GSIZE_TO_POINTER (handler));
  return TRUE;
}

static void
object_notify_cb (PathwayRefresh *self, GParamSpec *pspec, GObject *object)
{
  pathway_refresh_queue (self);
}

void
pathway_refresh_watch (PathwayRefresh *self, gpointer object)
{
  g_return_if_fail (G_IS_OBJECT (object));

  connect_once (self, object, "notify", G_CALLBACK (object_notify_cb));
}

static void
watch_item (PathwayRefresh *self, GObject *item)
{
  pathway_refresh_watch (self, item);
  if (self->item_func != NULL)
    self->item_func (self, item);
}

static void
list_items_changed_cb (PathwayRefresh *self, guint position, guint removed, guint added,
                       GListModel *list)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      watch_item (self, item);
    }
  pathway_refresh_queue (self);
}

void
pathway_refresh_watch_list (PathwayRefresh *self, GListModel *list)
{
  g_return_if_fail (G_IS_LIST_MODEL (list));

  if (!connect_once (self, list, "items-changed", G_CALLBACK (list_items_changed_cb)))
    return;
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      watch_item (self, item);
    }
}

void
pathway_refresh_unwatch_all (PathwayRefresh *self)
{
  GHashTableIter iter;
  gpointer object, handler;

  if (self->watched == NULL)
    return;
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &object, &handler))
    g_signal_handler_disconnect (object, GPOINTER_TO_SIZE (handler));
  g_clear_pointer (&self->watched, g_hash_table_unref);
}
