/* pathway-refresh.h: how a view keeps up with the model without redoing its work per change.
 * Many changes arrive together (a batch, an undo): the view is refreshed once, on an idle,
 * when they are done. A view that is not shown (another page of the window) only notes that
 * it is out of date, so edits made elsewhere cost it nothing until it is shown again.
 *
 * A view embeds a PathwayRefresh, calls pathway_refresh_init with its refresh function,
 * pathway_refresh_queue when the model changes, pathway_refresh_map from its map vfunc
 * (before chaining up) and pathway_refresh_clear from dispose. Its refresh function calls
 * pathway_refresh_begin first. pathway_refresh_watch and _watch_list connect the model's
 * objects and lists to pathway_refresh_queue. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PathwayRefreshFunc) (gpointer view);

typedef struct _PathwayRefresh PathwayRefresh;
/* Called for each object of a watched list, to watch lists it holds (a board's meetings). */
typedef void (*PathwayRefreshItemFunc) (PathwayRefresh *refresh, GObject *item);

struct _PathwayRefresh {
  GtkWidget *widget;
  PathwayRefreshFunc refresh;
  PathwayRefreshItemFunc item_func;
  guint source;
  gboolean dirty;
  GHashTable *watched; /* object or list -> signal handler id; NULL when none */
};

void pathway_refresh_init (PathwayRefresh *self, gpointer widget, PathwayRefreshFunc refresh);
/* At the start of the view's refresh function: nothing is pending any more. */
void pathway_refresh_begin (PathwayRefresh *self);
/* Refreshes on an idle if the view is shown (several calls, one refresh), else marks it
 * out of date. */
void pathway_refresh_queue (PathwayRefresh *self);
/* Refreshes now if the view is shown, else marks it out of date. */
void pathway_refresh_now_or_later (PathwayRefresh *self);
/* From the map vfunc, before chaining up: up to date before the first frame. */
void pathway_refresh_map (PathwayRefresh *self);
/* Whether a refresh is queued or owed (the view shows something older than the model). */
gboolean pathway_refresh_is_pending (PathwayRefresh *self);
/* From dispose: drops a queued refresh and stops watching. */
void pathway_refresh_clear (PathwayRefresh *self);

/* Following the model: a change to a watched object (its notify signal) or list (an item
 * added or removed) queues a refresh. A watched list's objects are watched too, and passed
 * to the item function when one is set. Watching twice is watching once. */
void pathway_refresh_set_item_func (PathwayRefresh *self, PathwayRefreshItemFunc item_func);
void pathway_refresh_watch (PathwayRefresh *self, gpointer object);
void pathway_refresh_watch_list (PathwayRefresh *self, GListModel *list);
/* Disconnects from everything watched (another programme was opened). */
void pathway_refresh_unwatch_all (PathwayRefresh *self);

G_END_DECLS
