/* pathway-chart-private.h: a chart's data and each kind's layout, shared by the files of
 * src/charts and by the tests, which check the geometry directly. The data is copied from the
 * model (or read from the document) when a chart is made; a layout is computed from the data,
 * a size and a style, and the drawing reads only the layout. */
#pragma once

#include "pathway-chart.h"
#include "pathway-chart-layout.h"

G_BEGIN_DECLS

/* Data ---------------------------------------------------------------------------------- */

/* Likelihood and impact are each scored 1 to 5. */
#define PATHWAY_CHART_RISK_LEVELS 5

typedef struct {
  char *code;                      /* "A"; may be empty */
  char *title;                     /* "Co-production and engagement" */
  guint counts[PATHWAY_N_RATINGS];
} PathwayChartRow;

typedef struct {
  GDate date;
  double value;
  char *note;
  gboolean meets_target;
} PathwayChartReading;

typedef struct {
  GDate date;
  double value;
} PathwayChartMilestone;

typedef struct {
  PathwayChartKind kind;
  char *title;
  /* The programme's words for each rating, and which ratings its charts list: red, amber and
   * green always, blue in a BRAG scheme, any rating that some action has. */
  char *rating_labels[PATHWAY_N_RATINGS];
  gboolean shown[PATHWAY_N_RATINGS];

  guint counts[PATHWAY_N_RATINGS]; /* RATING_DISTRIBUTION */
  GArray *rows;                    /* RATING_BY_WORKSTREAM: PathwayChartRow */
  GArray *months;                  /* RATING_HISTORY: PathwayMonthCounts */

  /* INDICATOR_TREND */
  PathwayUnit unit;
  PathwayDirection direction;
  double target;                   /* NAN: none */
  GDate target_date;               /* may be invalid */
  char *target_source;
  double comparator;               /* NAN: none */
  char *comparator_label;
  GArray *readings;                /* PathwayChartReading, by date, finite values only */
  GArray *milestones;              /* PathwayChartMilestone, by date */
  /* The latest reading's status against the trajectory ("On trajectory", "Behind trajectory
   * by 4.1 points"), as the Indicators view and the pack say it; NULL: none. */
  char *verdict;
  gboolean verdict_good;

  /* RISK_HEAT_MAP: open entries of the risk log by likelihood and impact, each 1 to 5:
   * risks[likelihood - 1][impact - 1]. Entries not scored are only counted. */
  guint risks[PATHWAY_CHART_RISK_LEVELS][PATHWAY_CHART_RISK_LEVELS];
  guint risks_unscored;
  gboolean residual;
  char *likelihood_words[PATHWAY_CHART_RISK_LEVELS]; /* the programme's, "Rare" first */
  char *impact_words[PATHWAY_CHART_RISK_LEVELS];
} PathwayChartData;

PathwayChartData *pathway_chart_data_new (PathwayChartKind kind, const char *title,
                                          PathwayRatingScheme *scheme);
void pathway_chart_data_free (PathwayChartData *data);
/* Marks ratings that some count uses as shown. */
void pathway_chart_data_show_used (PathwayChartData *data, const guint counts[PATHWAY_N_RATINGS]);
/* "12 actions" */
char *pathway_chart_format_actions (guint count);
/* "18 weeks", "60%", "412" */
char *pathway_chart_format_value (PathwayUnit unit, double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayChartData, pathway_chart_data_free)

/* A chart made from data directly (taking it): for tests, and for charts of made-up data. */
PathwayChart *pathway_chart_new_for_data (PathwayChartData *data);
const PathwayChartData *pathway_chart_get_data (PathwayChart *self);

/* Layouts ------------------------------------------------------------------------------- */

/* Any kind's layout: the kind's struct begins with this. */
PathwayChartLayout *pathway_chart_layout_new (const PathwayChartData *data, double width,
                                              double height, PathwayChartStyle style);
void pathway_chart_layout_free (PathwayChartLayout *layout);
void pathway_chart_layout_draw (const PathwayChartLayout *layout, cairo_t *cr);
char *pathway_chart_layout_describe_at (const PathwayChartLayout *layout,
                                        const PathwayChartData *data, double x, double y);
/* The layout of the chart at that size, kept until the next size or style is asked for. */
const PathwayChartLayout *pathway_chart_get_layout (PathwayChart *self, double width,
                                                    double height, PathwayChartStyle style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayChartLayout, pathway_chart_layout_free)

/* Rating distribution: a donut with its total in the hole. Each segment is labelled outside
 * the ring with a leader line ("Red 7 (6%)"); when the labels cannot all be placed apart,
 * they move to a legend beside (or under) the donut. */
typedef struct {
  PathwayRating rating;
  guint count;
  double start, end;     /* radians, clockwise from twelve o'clock */
  int label;             /* -1: none */
  double leader[3][2];   /* ring, elbow, label; when labelled outside */
} PathwayDonutSegment;

typedef struct {
  PathwayChartLayout parent;
  double cx, cy, outer, inner;
  guint total;
  guint n_segments;
  PathwayDonutSegment segments[PATHWAY_N_RATINGS];
  gboolean legend;       /* the labels are in the legend */
  guint n_entries;
  PathwayChartLegendEntry entries[PATHWAY_N_RATINGS];
  int total_label;
  int total_caption;
} PathwayDonutLayout;

PathwayChartLayout *pathway_donut_layout_new (const PathwayChartData *data, double width,
                                              double height, PathwayChartStyle style);
void pathway_donut_layout_free (PathwayDonutLayout *layout);
void pathway_donut_layout_draw (const PathwayDonutLayout *layout, cairo_t *cr);
char *pathway_donut_layout_describe_at (const PathwayDonutLayout *layout,
                                        const PathwayChartData *data, double x, double y);
char *pathway_donut_describe (const PathwayChartData *data);

/* Ratings by workstream: one horizontal stacked bar per workstream, all on one scale, its
 * name beside it (or above it when the chart is narrow), its total at its end and counts
 * inside the segments that have room. */
typedef struct {
  PathwayRating rating;
  guint count;
  PathwayChartBox rect;
  int label;
} PathwayChartSegment;

typedef struct {
  PathwayChartBox row;   /* the row's whole band, for hovering */
  PathwayChartBox bar;   /* the bar's extent: its length is proportional to its total */
  guint total;
  int name_label;
  int total_label;
  guint n_segments;
  PathwayChartSegment segments[PATHWAY_N_RATINGS];
} PathwayBarRow;

typedef struct {
  PathwayChartLayout parent;
  GArray *rows;          /* PathwayBarRow, one per data row */
  double scale;          /* length per action */
  gboolean names_above;
  guint n_entries;
  PathwayChartLegendEntry entries[PATHWAY_N_RATINGS];
} PathwayBarsLayout;

PathwayChartLayout *pathway_bars_layout_new (const PathwayChartData *data, double width,
                                             double height, PathwayChartStyle style);
void pathway_bars_layout_free (PathwayBarsLayout *layout);
void pathway_bars_layout_draw (const PathwayBarsLayout *layout, cairo_t *cr);
char *pathway_bars_layout_describe_at (const PathwayBarsLayout *layout,
                                       const PathwayChartData *data, double x, double y);
char *pathway_bars_describe (const PathwayChartData *data);

/* Ratings over time: a column per month end, stacked by rating from the baseline up (red at
 * the bottom, where its rise and fall reads most easily), a count axis and month labels. */
typedef struct {
  PathwayChartBox column; /* the month's band, for hovering */
  guint total;
  guint n_segments;
  PathwayChartSegment segments[PATHWAY_N_RATINGS];
} PathwayHistoryColumn;

typedef struct {
  PathwayChartLayout parent;
  PathwayChartBox plot;
  double y_max;
  GArray *columns;       /* PathwayHistoryColumn, one per month */
  GArray *y_ticks;       /* PathwayChartTick */
  GArray *x_ticks;
  guint n_entries;
  PathwayChartLegendEntry entries[PATHWAY_N_RATINGS];
} PathwayHistoryLayout;

PathwayChartLayout *pathway_history_layout_new (const PathwayChartData *data, double width,
                                                double height, PathwayChartStyle style);
void pathway_history_layout_free (PathwayHistoryLayout *layout);
void pathway_history_layout_draw (const PathwayHistoryLayout *layout, cairo_t *cr);
char *pathway_history_layout_describe_at (const PathwayHistoryLayout *layout,
                                          const PathwayChartData *data, double x, double y);
char *pathway_history_describe (const PathwayChartData *data);

/* An indicator's trend: readings as a line with points, broken where more than about six
 * weeks pass without one; the target as a labelled dashed line, the comparator as a dotted
 * one, milestones as small diamonds, and the latest reading labelled with its value and
 * whether it meets the target. */
typedef struct {
  double x, y;
  guint reading;         /* index in the data's readings */
  gboolean joined;       /* a line comes to it from the point before */
} PathwayTrendPoint;

typedef struct {
  PathwayChartLayout parent;
  PathwayChartBox plot;
  double y_min, y_max;   /* values at the plot's bottom and top */
  double x_min, x_max;   /* Julian days at the plot's left and right */
  GArray *points;        /* PathwayTrendPoint */
  GArray *milestones;    /* PathwayTrendPoint (reading: index in milestones) */
  GArray *y_ticks;
  GArray *x_ticks;
  gboolean has_target;
  double target_y;
  int target_label;
  gboolean has_comparator;
  double comparator_y;
  int comparator_label;
  int latest;            /* index in points, or -1 */
  int latest_label;      /* the value */
  int verdict_label;     /* "meets target" */
  int unit_label;        /* above the value axis */
  guint n_keys;
  PathwayChartBox key_marks[2];
  int key_labels[2];     /* readings, milestones */
} PathwayTrendLayout;

PathwayChartLayout *pathway_trend_layout_new (const PathwayChartData *data, double width,
                                              double height, PathwayChartStyle style);
void pathway_trend_layout_free (PathwayTrendLayout *layout);
void pathway_trend_layout_draw (const PathwayTrendLayout *layout, cairo_t *cr);
char *pathway_trend_layout_describe_at (const PathwayTrendLayout *layout,
                                        const PathwayChartData *data, double x, double y);
char *pathway_trend_describe (const PathwayChartData *data);

/* Risks by likelihood and impact: a grid of five by five cells, likelihood rising up the rows
 * and impact to the right, each coloured by its score's band (full where it holds risks, a
 * tint where it holds none) with its count; the programme's words for the levels beside and
 * under the grid, wrapped or shortened to fit; a legend of the bands. */
typedef struct {
  PathwayChartBox rect;
  guint count;
  int score;             /* likelihood times impact */
  PathwayRiskBand band;
  int label;             /* the count; -1 for an empty cell */
  PathwayChartBox plate; /* behind the count on a pattern, in the band's fill; else empty */
} PathwayHeatMapCell;

#define PATHWAY_CHART_RISK_BANDS 4

typedef struct {
  PathwayChartLayout parent;
  PathwayChartBox grid;
  /* [likelihood - 1][impact - 1]: likelihood 5 is the top row, impact 5 the right column. */
  PathwayHeatMapCell cells[PATHWAY_CHART_RISK_LEVELS][PATHWAY_CHART_RISK_LEVELS];
  PathwayChartBox rows[PATHWAY_CHART_RISK_LEVELS];    /* each likelihood's words, for hovering */
  PathwayChartBox columns[PATHWAY_CHART_RISK_LEVELS]; /* each impact's words */
  gboolean row_numbers, column_numbers; /* levels as numbers: no room for the words */
  int likelihood_title;  /* "Likelihood" above the rows' words, or -1 */
  int impact_title;      /* "Impact" under the columns' words, or -1 */
  gboolean legend_beside;
  guint n_entries;
  PathwayChartLegendEntry entries[PATHWAY_CHART_RISK_BANDS];
  PathwayRiskBand entry_bands[PATHWAY_CHART_RISK_BANDS]; /* the band of each entry */
} PathwayHeatMapLayout;

PathwayChartLayout *pathway_heat_map_layout_new (const PathwayChartData *data, double width,
                                                 double height, PathwayChartStyle style);
void pathway_heat_map_layout_free (PathwayHeatMapLayout *layout);
void pathway_heat_map_layout_draw (const PathwayHeatMapLayout *layout, cairo_t *cr);
char *pathway_heat_map_layout_describe_at (const PathwayHeatMapLayout *layout,
                                           const PathwayChartData *data, double x, double y);
char *pathway_heat_map_describe (const PathwayChartData *data);

G_END_DECLS
