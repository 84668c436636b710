/* pathway-refresh.h: how a view keeps up with the model without redoing its work per change.
 * Many changes arrive together (a batch, an undo): the view is refreshed once, on an idle,
 * when they are done. A view that is not shown (another page of the window) only notes that
 * it is out of date, so edits made elsewhere cost it nothing until it is shown again.
 *
 * A view embeds a PathwayRefresh, calls pathway_refresh_init with its refresh function,
 * pathway_refresh_queue when the model changes, pathway_refresh_map from its map vfunc
 * (before chaining up) and pathway_refresh_clear from dispose. Its refresh function calls
 * pathway_refresh_begin first. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PathwayRefreshFunc) (gpointer view);

typedef struct {
  GtkWidget *widget;
  PathwayRefreshFunc refresh;
  guint source;
  gboolean dirty;
} PathwayRefresh;

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
/* From dispose: drops a queued refresh. */
void pathway_refresh_clear (PathwayRefresh *self);

G_END_DECLS
