/* pathway-actions-view.h: the tracker: every action in a sortable, filterable table. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACTIONS_VIEW (pathway_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayActionsView, pathway_actions_view, PATHWAY, ACTIONS_VIEW, AdwBin)

GtkWidget *pathway_actions_view_new (void);
/* The document to show, or NULL. The view follows the model's notify signals. */
void pathway_actions_view_set_document (PathwayActionsView *self, PathwayDocument *document);
PathwayDocument *pathway_actions_view_get_document (PathwayActionsView *self);

G_END_DECLS
