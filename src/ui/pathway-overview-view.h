/* pathway-overview-view.h: the programme at a glance: its name, partners and dates, share
 * complete, counts by rating and the actions that need attention (red, overdue, or not updated
 * for longer than the user's stale period). */
#pragma once

#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_OVERVIEW_VIEW (pathway_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayOverviewView, pathway_overview_view, PATHWAY, OVERVIEW_VIEW,
                      PathwayView)

GtkWidget *pathway_overview_view_new (void);
/* The box under the counts by rating that holds the charts of them (the view fills it while
 * the programme has actions). It shows itself while it has a child. */
GtkBox *pathway_overview_view_get_chart_slot (PathwayOverviewView *self);

G_END_DECLS
