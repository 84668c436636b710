/* pathway-actions-view.h: the tracker: every action in a sortable, filterable table, with a
 * live search, filters for rating, workstream, theme, lead, area of weakness and overdue, the
 * count of actions shown, and Present (win.present), which shows them in meeting mode. */
#pragma once

#include <adwaita.h>
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACTIONS_VIEW (pathway_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayActionsView, pathway_actions_view, PATHWAY, ACTIONS_VIEW,
                      PathwayView)

GtkWidget *pathway_actions_view_new (void);

/* Puts the keyboard in the search entry (Ctrl+F). */
void pathway_actions_view_focus_search (PathwayActionsView *self);
/* Sets the search entry's text and filters by it at once. */
void pathway_actions_view_set_search (PathwayActionsView *self, const char *text);
/* Clears every filter, then applies one: "red", "amber", "overdue" or "stale" (no update for
 * longer than the stale days). An unknown preset just clears. */
void pathway_actions_view_apply_preset (PathwayActionsView *self, const char *preset);
void pathway_actions_view_clear_filters (PathwayActionsView *self);
/* The actions shown, filtered and in the table's order (transfer none). Items: PathwayAction. */
GListModel *pathway_actions_view_get_shown (PathwayActionsView *self);
guint pathway_actions_view_get_n_shown (PathwayActionsView *self);
/* The table's order as the person has sorted it (transfer none). */
GtkSorter *pathway_actions_view_get_sorter (PathwayActionsView *self);

G_END_DECLS
