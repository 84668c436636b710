/* pathway-overview-view.h: the programme at a glance: dates, share complete, counts by rating and what needs attention. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_OVERVIEW_VIEW (pathway_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayOverviewView, pathway_overview_view, PATHWAY, OVERVIEW_VIEW, AdwBin)

GtkWidget *pathway_overview_view_new (void);
/* The document to show, or NULL. The view follows the model's notify signals. */
void pathway_overview_view_set_document (PathwayOverviewView *self, PathwayDocument *document);
PathwayDocument *pathway_overview_view_get_document (PathwayOverviewView *self);

G_END_DECLS
