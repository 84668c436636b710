/* pathway-workstreams-view.h: the workstreams, each with its lead, members, areas of weakness and actions. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_WORKSTREAMS_VIEW (pathway_workstreams_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayWorkstreamsView, pathway_workstreams_view, PATHWAY, WORKSTREAMS_VIEW, AdwBin)

GtkWidget *pathway_workstreams_view_new (void);
/* The document to show, or NULL. The view follows the model's notify signals. */
void pathway_workstreams_view_set_document (PathwayWorkstreamsView *self, PathwayDocument *document);
PathwayDocument *pathway_workstreams_view_get_document (PathwayWorkstreamsView *self);

G_END_DECLS
