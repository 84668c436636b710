/* pathway-indicators-view.h: the programme's indicators (waiting times, shares of plans on
 * time and the like), each with its latest value against target, the chart of its trend and
 * its readings, to which a new one can be added. */
#pragma once

#include <adwaita.h>
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_INDICATORS_VIEW (pathway_indicators_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayIndicatorsView, pathway_indicators_view, PATHWAY, INDICATORS_VIEW,
                      PathwayView)

GtkWidget *pathway_indicators_view_new (void);
/* Shows the indicator with this id (and, on a narrow window, its page rather than the list).
 * An id the programme does not have changes nothing. */
void pathway_indicators_view_select (PathwayIndicatorsView *self, gint64 indicator_id);
/* The indicator shown, or NULL. */
PathwayIndicator *pathway_indicators_view_get_selected (PathwayIndicatorsView *self);

G_END_DECLS
