/* pathway-workstreams-view.h: the workstreams, each with its lead, members, areas of weakness,
 * spread of ratings and actions. */
#pragma once

#include <adwaita.h>
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_WORKSTREAMS_VIEW (pathway_workstreams_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayWorkstreamsView, pathway_workstreams_view, PATHWAY,
                      WORKSTREAMS_VIEW, PathwayView)

GtkWidget *pathway_workstreams_view_new (void);
/* Shows the workstream with this id (and, on a narrow window, its page rather than the list).
 * An id the programme does not have changes nothing. */
void pathway_workstreams_view_select (PathwayWorkstreamsView *self, gint64 workstream_id);
/* The workstream shown, or NULL. */
PathwayWorkstream *pathway_workstreams_view_get_selected (PathwayWorkstreamsView *self);

G_END_DECLS
