/* pathway-chart.h: a chart of the programme, drawn by one Cairo code on any cairo_t at any
 * size: the screen (light and dark), the printed board pack (reads in black and white) and
 * the projector (large type, high contrast). A chart holds its data, taken from the model or
 * the document when it is made; drawing does no I/O. No GTK here: text is PangoCairo. */
#pragma once

#include <cairo.h>
#include "pathway-document.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_CHART_STYLE_SCREEN_LIGHT,
  PATHWAY_CHART_STYLE_SCREEN_DARK,
  PATHWAY_CHART_STYLE_PRINT,        /* greys and hatching, for a black-and-white printer */
  PATHWAY_CHART_STYLE_PROJECTOR,
  PATHWAY_CHART_STYLE_PRINT_COLOUR, /* on paper in the ratings' colours, as the chips are */
} PathwayChartStyle;

typedef enum {
  PATHWAY_CHART_RATING_DISTRIBUTION, /* the whole programme (or a workstream): donut */
  PATHWAY_CHART_RATING_BY_WORKSTREAM, /* horizontal stacked bars, one per workstream */
  PATHWAY_CHART_RATING_HISTORY,       /* counts at each month end, stacked */
  PATHWAY_CHART_INDICATOR_TREND,      /* readings over time against target */
  PATHWAY_CHART_RISK_HEAT_MAP,        /* open risks by likelihood and impact */
} PathwayChartKind;

#define PATHWAY_TYPE_CHART (pathway_chart_get_type ())
G_DECLARE_FINAL_TYPE (PathwayChart, pathway_chart, PATHWAY, CHART, GObject)

/* Counts by rating now, for the programme or one workstream (NULL). */
PathwayChart *pathway_chart_new_rating_distribution (PathwayProgramme *programme,
                                                     PathwayWorkstream *workstream);
PathwayChart *pathway_chart_new_rating_by_workstream (PathwayProgramme *programme);
/* From the history: counts at the end of each month up to 'until' (NULL: today). */
PathwayChart *pathway_chart_new_rating_history (PathwayDocument *document,
                                                PathwayWorkstream *workstream,
                                                const GDate *until, GError **error);
PathwayChart *pathway_chart_new_indicator_trend (PathwayDocument *document,
                                                 PathwayIndicator *indicator, GError **error);
/* Only the readings dated on or before 'until' (NULL: all), for a report "as at" a date. */
PathwayChart *pathway_chart_new_indicator_trend_until (PathwayDocument *document,
                                                       PathwayIndicator *indicator,
                                                       const GDate *until, GError **error);

/* Charts of counts worked out elsewhere (a report's counts "as at" a past date). */
typedef struct {
  const char *code;  /* "A"; may be NULL */
  const char *title;
  guint counts[PATHWAY_N_RATINGS];
} PathwayChartRowCounts;

PathwayChart *pathway_chart_new_rating_counts (PathwayProgramme *programme, const char *title,
                                               const guint counts[PATHWAY_N_RATINGS]);
PathwayChart *pathway_chart_new_rating_rows (PathwayProgramme *programme, const char *title,
                                             const PathwayChartRowCounts *rows, guint n_rows);

/* The open (not closed) entries of the risk log by likelihood (rows, 5 at the top) and impact
 * (columns), as they stood at the end of 'as_at' (NULL: now), on their residual scores when
 * 'residual'; entries not scored are left off the grid and counted in the description. Cells
 * are coloured by the score's band, the axes carry the programme's words for the levels. */
PathwayChart *pathway_chart_new_risk_heat_map (PathwayDocument *document, const GDate *as_at,
                                               gboolean residual, GError **error);
/* A heat map of counts worked out elsewhere: counts[likelihood - 1][impact - 1]. */
PathwayChart *pathway_chart_new_risk_counts (PathwayProgramme *programme, const char *title,
                                             const guint counts[5][5]);

PathwayChartKind pathway_chart_get_kind (PathwayChart *self);
/* A short title ("Actions by rating", the indicator's name). */
const char *pathway_chart_get_title (PathwayChart *self);

/* Draws the chart in the box (0, 0, width, height) of cr's user space, and nowhere else. The
 * background is left as it is (the card or page shows through); the title is not drawn (the
 * card or page heading gives it). The layout of the last size and style is kept, so drawing
 * again at one size (hover, redraws) only draws. */
void pathway_chart_draw (PathwayChart *self, cairo_t *cr, double width, double height,
                         PathwayChartStyle style);
/* The chart's numbers in words, for screen readers and alt text. */
char *pathway_chart_describe (PathwayChart *self);
/* What is under a point of the chart drawn at that size ("Amber: 30 actions (27%)"), or
 * NULL where there is nothing. */
char *pathway_chart_describe_at (PathwayChart *self, double width, double height,
                                 PathwayChartStyle style, double x, double y);
/* A risk heat map's cell, in the chart drawn at that size and style: the box of the cell of a
 * likelihood and impact (1 to 5 each), or the likelihood and impact of the cell at a point.
 * FALSE for another kind of chart, a level out of range or a point on no cell. For a widget
 * that filters by a cell clicked, or shows the cell chosen from the keyboard. */
gboolean pathway_chart_get_risk_cell (PathwayChart *self, double width, double height,
                                      PathwayChartStyle style, int likelihood, int impact,
                                      cairo_rectangle_t *cell);
gboolean pathway_chart_find_risk_cell (PathwayChart *self, double width, double height,
                                       PathwayChartStyle style, double x, double y,
                                       int *likelihood, int *impact);
/* Writes the chart to a PNG, SVG or PDF file, chosen by the name's extension; the file is
 * written to a temporary name and renamed, so a failure leaves no half file. The file stands
 * on its own: the style's background, the title on top, the chart below. Sizes are pixels for
 * PNG and SVG and points for PDF. */
gboolean pathway_chart_export (PathwayChart *self, const char *path, double width,
                               double height, PathwayChartStyle style, GError **error);

G_END_DECLS
