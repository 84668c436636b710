/* pathway-chart-view.h: a widget that shows one chart at its own size, in the light or dark
 * screen style as the desktop asks. Pointing at a part of it says the exact figures; its
 * accessible description states all of them in words; its context menu (right-click, the
 * Menu key or Shift+F10) exports it as PNG, SVG or PDF. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-chart.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_CHART_VIEW (pathway_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayChartView, pathway_chart_view, PATHWAY, CHART_VIEW, GtkWidget)

GtkWidget *pathway_chart_view_new (void);
/* The chart to show, or NULL for none. The view keeps a reference. */
void pathway_chart_view_set_chart (PathwayChartView *self, PathwayChart *chart);
PathwayChart *pathway_chart_view_get_chart (PathwayChartView *self);
/* The style the chart is drawn in now: SCREEN_DARK when the desktop is dark. */
PathwayChartStyle pathway_chart_view_get_style (PathwayChartView *self);
/* What the tooltip says at a point of the widget, or NULL where there is nothing. */
char *pathway_chart_view_describe_at (PathwayChartView *self, double x, double y);
/* Writes the chart as the export menu does: the light screen style, at the widget's size
 * (twice it, in pixels, for PNG), in the format the name's extension gives. */
gboolean pathway_chart_view_export (PathwayChartView *self, const char *path, GError **error);

/* A card holding a new chart view, under a heading that shows its chart's title when
 * show_title is set (leave it out where a heading nearby says it already). The card's widget
 * name is name (for tests and style), if given. */
GtkWidget *pathway_chart_card_new (const char *name, gboolean show_title,
                                   PathwayChartView **view);

G_END_DECLS
