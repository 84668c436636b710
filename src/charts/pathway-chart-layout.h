/* pathway-chart-layout.h: what every chart's layout is made of. A layout is plain geometry,
 * computed from a chart's data, its size and its style: the boxes of its labels (measured with
 * Pango), legends and axis ticks, and, in each kind's own struct, its segments, bars and
 * points. Drawing reads a layout and nothing else; tests check its geometry directly. */
#pragma once

#include <pango/pangocairo.h>
#include "pathway-chart-style.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} PathwayChartBox;

gboolean pathway_chart_box_intersects (const PathwayChartBox *a, const PathwayChartBox *b);
gboolean pathway_chart_box_contains (const PathwayChartBox *box, double x, double y);
gboolean pathway_chart_box_inside (const PathwayChartBox *inner, const PathwayChartBox *outer);

typedef enum {
  PATHWAY_CHART_FONT_NORMAL,
  PATHWAY_CHART_FONT_BOLD,
  PATHWAY_CHART_FONT_BIG,
  PATHWAY_CHART_FONT_TITLE,
} PathwayChartFont;

typedef struct {
  PathwayChartBox box;        /* the text's logical extents, where it is drawn */
  PangoLayout *text;
  PathwayChartColour colour;
  PathwayChartColour plate;   /* drawn behind the text when its alpha is not 0 */
  gboolean visible;           /* FALSE: it would have left the chart or covered another */
} PathwayChartLabel;

typedef struct {
  PathwayChartKind kind;
  double width, height;
  PathwayChartStyle style;
  PathwayChartTheme theme;
  PangoContext *context;      /* measures the text */
  PangoFontDescription *fonts[PATHWAY_CHART_FONT_TITLE + 1];
  GArray *labels;             /* PathwayChartLabel, in the order they were placed */
  int message;                /* "No actions yet" and the like, or -1 */
} PathwayChartLayout;

void pathway_chart_layout_init (PathwayChartLayout *layout, PathwayChartKind kind, double width,
                                double height, PathwayChartStyle style);
void pathway_chart_layout_clear (PathwayChartLayout *layout);

/* The chart's own area, (0, 0, width, height). */
PathwayChartBox pathway_chart_layout_bounds (const PathwayChartLayout *layout);
/* The line height of a font. */
double pathway_chart_layout_line_height (PathwayChartLayout *layout, PathwayChartFont font);

/* Measured text, not yet placed. A max_width > 0 ellipsizes it at the end to fit. */
PangoLayout *pathway_chart_layout_text (PathwayChartLayout *layout, const char *text,
                                        PathwayChartFont font, double max_width);
void pathway_chart_text_size (PangoLayout *text, double *width, double *height);
/* How wide text would be in font, measured and let go. */
double pathway_chart_layout_text_width (PathwayChartLayout *layout, const char *text,
                                        PathwayChartFont font);
/* "word suffix" measured; when wider than max_width the word is shortened ("At risk of…
 * 5713 (57%)") so the numbers in the suffix always show. */
PangoLayout *pathway_chart_layout_text_with_suffix (PathwayChartLayout *layout, const char *word,
                                                    const char *suffix, PathwayChartFont font,
                                                    double max_width);

/* Places measured text (taking it) with its top left at (x, y); returns the label's index. */
int pathway_chart_layout_add_label (PathwayChartLayout *layout, PangoLayout *text, double x,
                                    double y, const PathwayChartColour *colour);
/* The label at 'index', or NULL for -1 or a hidden label. */
const PathwayChartLabel *pathway_chart_layout_get_label (const PathwayChartLayout *layout,
                                                          int index);
PathwayChartLabel *pathway_chart_layout_peek_label (PathwayChartLayout *layout, int index);
/* A message centred in the chart, for a chart with nothing to show. */
void pathway_chart_layout_add_message (PathwayChartLayout *layout, const char *message);
/* The last word on labels: in the order they were placed, a label that leaves the chart or
 * covers one already kept is hidden. Layouts place labels so this hides none at ordinary
 * sizes; in a chart too small for its text it keeps the first (most important) ones. */
void pathway_chart_layout_settle (PathwayChartLayout *layout);
void pathway_chart_layout_draw_labels (const PathwayChartLayout *layout, cairo_t *cr);
void pathway_chart_layout_draw_message (const PathwayChartLayout *layout, cairo_t *cr);

/* Legends ---------------------------------------------------------------------------------- */

typedef struct {
  PathwayRating rating;
  PathwayChartBox swatch;
  int label;
} PathwayChartLegendEntry;

/* Lays out one entry per text (swatch and words, then the suffix if any: numbers, which are
 * never shortened), in rows that wrap within 'area' (or one per line when 'column'), from the
 * top of 'area'. Returns the height used; entries whose label cannot fit get label -1. */
double pathway_chart_layout_legend (PathwayChartLayout *layout, const PathwayRating *ratings,
                                    char **texts, char **suffixes, guint n,
                                    const PathwayChartBox *area, gboolean column,
                                    PathwayChartLegendEntry *entries);
/* The size a legend would take, without placing it. */
void pathway_chart_layout_measure_legend (PathwayChartLayout *layout, char **texts, guint n,
                                          double max_width, gboolean column, double *width,
                                          double *height);
void pathway_chart_draw_legend (const PathwayChartLayout *layout, cairo_t *cr,
                                const PathwayChartLegendEntry *entries, guint n);
/* The entry whose words are at (x, y), or NULL: what the pointer is over. */
const PathwayChartLegendEntry *
pathway_chart_legend_entry_at (const PathwayChartLayout *layout,
                               const PathwayChartLegendEntry *entries, guint n, double x,
                               double y);
/* A rectangle path with corners rounded by r (at most half the shorter side). */
void pathway_chart_rounded_rectangle (cairo_t *cr, double x, double y, double w, double h,
                                      double r);
void pathway_chart_draw_swatch (const PathwayChartTheme *theme, cairo_t *cr,
                                PathwayRating rating, const PathwayChartBox *box);

/* Axes -------------------------------------------------------------------------------------- */

typedef struct {
  double value;    /* the value, or the month's Julian day */
  double position; /* y of a value tick, x of a month tick */
  int label;
} PathwayChartTick;

/* Round steps for an axis from lo to hi with at most max_ticks ticks; widens lo and hi to
 * whole steps. 'whole' keeps steps at 1 or more (counts). */
double pathway_chart_nice_step (double *lo, double *hi, guint max_ticks, gboolean whole);
/* Decimals that show every multiple of 'step' exactly. */
int pathway_chart_decimals_for_step (double step);
/* "1,250", "0.5", "−3"; decimals -1: as many as the value needs, up to two. */
char *pathway_chart_format_number (double value, int decimals);
/* A count of actions, grouped by thousands as GOV.UK style asks: "7", "1,250". */
char *pathway_chart_format_count (guint count);
/* "Jan 26". */
char *pathway_chart_format_month (const GDate *date);

/* Month labels under an x axis: 'months' are dates in successive months at x positions 'xs'.
 * Labels every 1, 2, 3, 6 or 12 months (on round months), as often as they fit without
 * touching, centred under their x and kept within [left, right]. Appends to 'ticks'. */
void pathway_chart_layout_month_ticks (PathwayChartLayout *layout, const GDate *months,
                                       const double *xs, guint n, double top, double left,
                                       double right, GArray *ticks);

/* Ratings ---------------------------------------------------------------------------------- */

/* The order ratings are drawn and listed in: the one a board looks for first, first. */
extern const PathwayRating pathway_chart_rating_order[PATHWAY_N_RATINGS];

/* Each count's share of their sum in whole per cents, rounded half up. */
void pathway_chart_percentages (const guint counts[PATHWAY_N_RATINGS],
                                guint percents[PATHWAY_N_RATINGS]);
/* "27%"; "<1%" for a share that is not nothing, ">99%" for one that is not everything. */
char *pathway_chart_format_percent (guint percent, guint count, guint total);

/* Clips out thin strips along the given lines ((x1, y1, x2, y2) each), so shapes drawn next
 * are parted by true gaps, whatever lies behind the chart. Undo with cairo_restore. */
void pathway_chart_clip_out_lines (cairo_t *cr, const PathwayChartLayout *layout,
                                   const double (*lines)[4], guint n, double width);

/* Draws text on a cairo_t at (x, y). */
void pathway_chart_show_text (cairo_t *cr, PangoLayout *text, double x, double y,
                              const PathwayChartColour *colour);

G_END_DECLS
