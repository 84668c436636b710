/* pathway-chart-style.h: what a chart looks like in each style (colours, patterns, type and
 * line widths), as plain values the layouts and drawings read. Screen light and dark follow
 * the application's rating colours; print uses greys and hatching so a black and white copy
 * still tells the ratings apart; projector uses large type, thick lines and full contrast. */
#pragma once

#include <cairo.h>
#include "pathway-chart.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} PathwayChartColour;

typedef enum {
  PATHWAY_CHART_PATTERN_NONE,
  PATHWAY_CHART_PATTERN_DIAGONAL,   /* lines rising to the right */
  PATHWAY_CHART_PATTERN_CROSSHATCH, /* lines both ways */
  PATHWAY_CHART_PATTERN_DOTS,
  PATHWAY_CHART_PATTERN_HORIZONTAL,
} PathwayChartPattern;

typedef struct {
  PathwayChartStyle style;

  PathwayChartColour background; /* painted by export; draw leaves the surface as it is */
  PathwayChartColour text;
  PathwayChartColour text_dim;   /* ticks and secondary words */
  PathwayChartColour grid;
  PathwayChartColour axis;
  PathwayChartColour outline;    /* around every filled shape; alpha 0: none */

  PathwayChartColour fill[PATHWAY_N_RATINGS];
  PathwayChartColour on_fill[PATHWAY_N_RATINGS]; /* text drawn on the fill */
  PathwayChartPattern pattern[PATHWAY_N_RATINGS];
  PathwayChartColour pattern_ink[PATHWAY_N_RATINGS];

  /* A risk score's band (PathwayRiskBand; NONE is not drawn): green, amber and red as the
   * ratings are shown in this style, and a darker red for very high (in print, black with a
   * white crosshatch, set apart from red's dark grey). */
  PathwayChartColour band_fill[PATHWAY_RISK_BAND_VERY_HIGH + 1];
  PathwayChartColour on_band[PATHWAY_RISK_BAND_VERY_HIGH + 1];
  PathwayChartPattern band_pattern[PATHWAY_RISK_BAND_VERY_HIGH + 1];
  PathwayChartColour band_pattern_ink[PATHWAY_RISK_BAND_VERY_HIGH + 1];

  PathwayChartColour line;       /* an indicator's readings */
  PathwayChartColour target;
  PathwayChartColour comparator;
  PathwayChartColour milestone;
  PathwayChartColour meets;      /* the latest reading's mark; its word says the same */
  PathwayChartColour misses;

  const char *font_family;
  double font_size;              /* labels, legends and ticks, in the drawing's units */
  double big_font_size;          /* a donut's total */
  double title_font_size;        /* the title an export puts above the chart */

  double margin;                 /* kept clear around the chart */
  double gap;                    /* between a label and what it labels */
  double line_width;
  double point_radius;
  double grid_width;
  double axis_width;
  double target_width;
  double separator_width;        /* the gap between two segments on screen */
  double outline_width;
  double leader_width;
  double pattern_spacing;
  double pattern_width;
  double swatch_size;
} PathwayChartTheme;

/* Fills 'theme' for a chart drawn at that size: type shrinks a little for small charts and, on
 * the projector, grows with the screen. */
void pathway_chart_theme_init (PathwayChartTheme *theme, PathwayChartStyle style, double width,
                               double height);

void pathway_chart_theme_set_source (cairo_t *cr, const PathwayChartColour *colour);

/* Fills the current path as 'rating' is shown in this style (colour, then pattern, then
 * outline) and clears the path. */
void pathway_chart_theme_fill_rating (const PathwayChartTheme *theme, cairo_t *cr,
                                      PathwayRating rating);

/* Fills the current path in the band's colours and clears the path; 'strength' below 1 mixes
 * them towards the background (a tint for an empty cell of a heat map). */
void pathway_chart_theme_fill_band (const PathwayChartTheme *theme, cairo_t *cr,
                                    PathwayRiskBand band, double strength);

G_END_DECLS
