/* pathway-chart-history.c: ratings over time, one stacked column per month end, red at the
 * bottom so whether red is falling reads straight off the baseline. A count axis on the left
 * with round steps, month labels underneath as often as they fit, and a legend on top. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-private.h"

static guint
month_total (const PathwayMonthCounts *month)
{
  guint total = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += month->counts[r];
  return total;
}

static char *
end_text (PathwayRating rating, guint count)
{
  g_autofree char *number = pathway_chart_format_count (count);

  /* Not rated has a dash for a letter, which would read as a minus sign. */
  if (rating == PATHWAY_RATING_NONE)
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", pathway_rating_letter (rating), number);
}

/* The room the latest month's counts need beside its column, or 0 when there are none. */
static double
end_labels_width (PathwayChartLayout *layout, const PathwayChartData *data,
                  const PathwayMonthCounts *month)
{
  double widest = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) pango = NULL;
      double w;

      if (month->counts[r] == 0)
        continue;
      text = end_text (r, month->counts[r]);
      pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_BOLD, -1);
      pathway_chart_text_size (pango, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* Beside the last column, each count level with its segment, pushed apart where segments are
 * thin and kept within the plot. */
static void
place_end_labels (PathwayHistoryLayout *self, PathwayHistoryColumn *column)
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  PangoLayout *texts[PATHWAY_N_RATINGS];
  double tops[PATHWAY_N_RATINGS], heights[PATHWAY_N_RATINGS];
  double top_limit = self->plot.y - layout->theme.gap, bottom_limit;
  double x = column->segments[0].rect.x + column->segments[0].rect.width + theme->gap * 0.5;
  guint n = column->n_segments;

  bottom_limit = self->plot.y + self->plot.height;
  /* Segments are stacked bottom up: place from the bottom, each above the one before. */
  for (guint k = 0; k < n; k++)
    {
      const PathwayChartSegment *segment = &column->segments[k];
      g_autofree char *text = end_text (segment->rating, segment->count);
      double below = k == 0 ? bottom_limit : tops[k - 1];

      texts[k] = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_BOLD, -1);
      pathway_chart_text_size (texts[k], NULL, &heights[k]);
      tops[k] = MIN (segment->rect.y + (segment->rect.height - heights[k]) / 2,
                     below - heights[k]);
    }
  /* Then down again, should the top ones have run out of room. */
  for (guint k = n; k-- > 0;)
    {
      double above = k + 1 < n ? tops[k + 1] + heights[k + 1] : top_limit;

      tops[k] = MAX (tops[k], above);
    }
  for (guint k = 0; k < n; k++)
    {
      PathwayChartSegment *segment = &column->segments[k];

      segment->label = pathway_chart_layout_add_label (layout, texts[k], x, tops[k],
                                                       &theme->text);
    }
}

PathwayChartLayout *
pathway_history_layout_new (const PathwayChartData *data, double width, double height,
                            PathwayChartStyle style)
{
  PathwayHistoryLayout *self = g_new0 (PathwayHistoryLayout, 1);
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  guint n = data->months ? data->months->len : 0;
  gboolean shown[PATHWAY_N_RATINGS];
  PathwayRating ratings[PATHWAY_N_RATINGS];
  char *texts[PATHWAY_N_RATINGS];
  PathwayChartBox legend_area;
  g_autofree GDate *dates = NULL;
  g_autofree double *xs = NULL;
  double line, top, bottom, left, right, lo = 0, hi, step, tick_w = 0, pitch, column_w;
  guint max_total = 0, n_ratings = 0, max_ticks, n_ticks;
  gboolean numbered;
  double end_w = 0;
  int decimals;

  pathway_chart_layout_init (layout, PATHWAY_CHART_RATING_HISTORY, width, height, style);
  self->columns = g_array_new (FALSE, TRUE, sizeof (PathwayHistoryColumn));
  self->y_ticks = g_array_new (FALSE, TRUE, sizeof (PathwayChartTick));
  self->x_ticks = g_array_new (FALSE, TRUE, sizeof (PathwayChartTick));
  line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    shown[r] = data->shown[r];
  for (guint i = 0; i < n; i++)
    {
      const PathwayMonthCounts *month = &g_array_index (data->months, PathwayMonthCounts, i);

      max_total = MAX (max_total, month_total (month));
      for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
        shown[r] = shown[r] || month->counts[r] > 0;
    }
  if (n == 0 || max_total == 0)
    {
      pathway_chart_layout_add_message (layout, _("No actions yet"));
      pathway_chart_layout_settle (layout);
      return layout;
    }

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];

      if (!shown[r])
        continue;
      ratings[n_ratings] = r;
      texts[n_ratings++] = data->rating_labels[r];
    }
  legend_area = (PathwayChartBox) { theme->margin, theme->margin, width - 2 * theme->margin,
                                    height - 2 * theme->margin };
  top = theme->margin + pathway_chart_layout_legend (layout, ratings, texts, NULL, n_ratings,
                                                     &legend_area, FALSE, self->entries)
        + theme->gap * 1.5 + line / 2;
  self->n_entries = n_ratings;
  bottom = height - theme->margin - line - theme->gap * 0.6;

  /* Round steps for the counts, as many as the height takes with room between labels. */
  hi = max_total;
  max_ticks = (guint) CLAMP ((bottom - top) / (line * 2.0) + 1, 2, 8);
  step = pathway_chart_nice_step (&lo, &hi, max_ticks, TRUE);
  decimals = pathway_chart_decimals_for_step (step);
  self->y_max = hi;
  n_ticks = (guint) round ((hi - lo) / step) + 1;
  for (guint k = 0; k < n_ticks; k++)
    {
      g_autofree char *text = pathway_chart_format_number (lo + k * step, decimals);

      tick_w = MAX (tick_w,
                    pathway_chart_layout_text_width (layout, text, PATHWAY_CHART_FONT_NORMAL));
    }

  left = theme->margin + tick_w + theme->gap;
  right = width - theme->margin;

  /* Counts go inside the segments when every column is wide enough for the largest (some
   * columns numbered and others not would look like missing data). Otherwise the latest
   * month's counts stand beside its column, where the board looks for "now". */
  {
    g_autofree char *widest = pathway_chart_format_count (max_total);
    g_autoptr(PangoLayout) pango = pathway_chart_layout_text (layout, widest,
                                                              PATHWAY_CHART_FONT_NORMAL, -1);
    double w;

    pathway_chart_text_size (pango, &w, NULL);
    numbered = w + theme->font_size * 0.4 <= MIN ((right - left) / n * 0.72, line * 4);
    if (!numbered)
      {
        end_w = end_labels_width (layout, data, &g_array_index (data->months,
                                                                PathwayMonthCounts, n - 1));
        if (end_w > 0)
          right -= end_w + theme->gap * 0.5;
      }
  }
  self->plot = (PathwayChartBox) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };

  for (guint k = 0; k < n_ticks; k++)
    {
      double v = lo + k * step;
      g_autofree char *text = pathway_chart_format_number (v, decimals);
      PangoLayout *pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL,
                                                      -1);
      PathwayChartTick tick;
      double w, h;

      pathway_chart_text_size (pango, &w, &h);
      tick.value = v;
      tick.position = bottom - (v / hi) * self->plot.height;
      tick.label = pathway_chart_layout_add_label (layout, pango, left - theme->gap - w,
                                                   tick.position - h / 2, &theme->text_dim);
      g_array_append_val (self->y_ticks, tick);
    }

  pitch = self->plot.width / n;
  column_w = MIN (pitch * 0.72, line * 4);
  dates = g_new (GDate, n);
  xs = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      const PathwayMonthCounts *month = &g_array_index (data->months, PathwayMonthCounts, i);
      PathwayHistoryColumn column = { { 0 } };
      double centre = left + pitch * (i + 0.5);
      double y = bottom;

      column.column = (PathwayChartBox) { left + pitch * i, top, pitch, self->plot.height };
      column.total = month_total (month);
      for (guint k = 0; k < PATHWAY_N_RATINGS; k++)
        {
          PathwayRating r = pathway_chart_rating_order[k];
          PathwayChartSegment *segment;
          double h;

          if (month->counts[r] == 0)
            continue;
          h = month->counts[r] / hi * self->plot.height;
          segment = &column.segments[column.n_segments++];
          segment->rating = r;
          segment->count = month->counts[r];
          segment->rect = (PathwayChartBox) { centre - column_w / 2, y - h, column_w, h };
          segment->label = -1;
          y -= h;
        }
      g_array_append_val (self->columns, column);
      dates[i] = month->month_end;
      xs[i] = centre;
    }

  /* Month labels may reach left of the plot, but not under the count axis's labels. */
  pathway_chart_layout_month_ticks (layout, dates, xs, n, bottom + theme->gap * 0.6,
                                    left - theme->gap * 0.5, width - theme->margin,
                                    self->x_ticks);

  for (guint i = 0; numbered && i < n; i++)
    {
      PathwayHistoryColumn *column = &g_array_index (self->columns, PathwayHistoryColumn, i);

      for (guint k = 0; k < column->n_segments; k++)
        {
          PathwayChartSegment *segment = &column->segments[k];
          g_autofree char *text = pathway_chart_format_count (segment->count);
          PangoLayout *pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL,
                                                          -1);
          double w, h;

          pathway_chart_text_size (pango, &w, &h);
          if (h > segment->rect.height)
            {
              g_object_unref (pango);
              continue;
            }
          segment->label = pathway_chart_layout_add_label (
            layout, pango, segment->rect.x + (segment->rect.width - w) / 2,
            segment->rect.y + (segment->rect.height - h) / 2, &theme->on_fill[segment->rating]);
          if (theme->pattern[segment->rating] != PATHWAY_CHART_PATTERN_NONE)
            pathway_chart_layout_peek_label (layout, segment->label)->plate =
              theme->fill[segment->rating];
        }
    }

  if (!numbered && end_w > 0)
    place_end_labels (self, &g_array_index (self->columns, PathwayHistoryColumn, n - 1));

  pathway_chart_layout_settle (layout);
  return layout;
}

void
pathway_history_layout_free (PathwayHistoryLayout *self)
{
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->y_ticks, g_array_unref);
  g_clear_pointer (&self->x_ticks, g_array_unref);
  pathway_chart_layout_clear (&self->parent);
  g_free (self);
}

void
pathway_history_layout_draw (const PathwayHistoryLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  const PathwayChartBox *plot = &self->plot;
  gboolean print = theme->outline.alpha > 0;

  if (self->columns->len == 0)
    {
      pathway_chart_layout_draw_message (layout, cr);
      return;
    }

  /* Grid first, so columns sit on it. */
  pathway_chart_theme_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, theme->grid_width);
  for (guint i = 0; i < self->y_ticks->len; i++)
    {
      const PathwayChartTick *tick = &g_array_index (self->y_ticks, PathwayChartTick, i);

      if (tick->value == 0)
        continue;
      cairo_move_to (cr, plot->x, tick->position);
      cairo_line_to (cr, plot->x + plot->width, tick->position);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->columns->len; i++)
    {
      const PathwayHistoryColumn *column = &g_array_index (self->columns, PathwayHistoryColumn,
                                                           i);

      cairo_save (cr);
      if (!print && column->n_segments > 1 && column->segments[0].rect.width > 3)
        {
          double lines[PATHWAY_N_RATINGS][4];

          for (guint k = 1; k < column->n_segments; k++)
            {
              const PathwayChartBox *rect = &column->segments[k].rect;

              lines[k - 1][0] = rect->x - 1;
              lines[k - 1][2] = rect->x + rect->width + 1;
              lines[k - 1][1] = lines[k - 1][3] = rect->y + rect->height;
            }
          pathway_chart_clip_out_lines (cr, layout, (const double (*)[4]) lines,
                                        column->n_segments - 1, 1.0);
        }
      for (guint k = 0; k < column->n_segments; k++)
        {
          const PathwayChartSegment *segment = &column->segments[k];

          cairo_rectangle (cr, segment->rect.x, segment->rect.y, segment->rect.width,
                           segment->rect.height);
          pathway_chart_theme_fill_rating (theme, cr, segment->rating);
        }
      cairo_restore (cr);
    }

  /* The baseline over the columns' feet. */
  pathway_chart_theme_set_source (cr, &theme->axis);
  cairo_set_line_width (cr, theme->axis_width);
  cairo_move_to (cr, plot->x, plot->y + plot->height);
  cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height);
  cairo_stroke (cr);

  pathway_chart_draw_legend (layout, cr, self->entries, self->n_entries);
  pathway_chart_layout_draw_labels (layout, cr);
}

static void
append_month (GString *out, const PathwayChartData *data, const PathwayMonthCounts *month,
              const gboolean shown[])
{
  gboolean first = TRUE;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];
      g_autofree char *count = NULL;

      if (!shown[r])
        continue;
      count = pathway_chart_format_count (month->counts[r]);
      g_string_append_printf (out, "%s%s %s", first ? "" : ", ", data->rating_labels[r], count);
      first = FALSE;
    }
}

static void
shown_ratings (const PathwayChartData *data, gboolean shown[])
{
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    shown[r] = data->shown[r];
  for (guint i = 0; data->months && i < data->months->len; i++)
    for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
      shown[r] = shown[r] || g_array_index (data->months, PathwayMonthCounts, i).counts[r] > 0;
}

static char *
describe_month (const PathwayChartData *data, const PathwayMonthCounts *month)
{
  g_autofree char *name = pathway_chart_format_month (&month->month_end);
  g_autofree char *actions = pathway_chart_format_actions (month_total (month));
  gboolean shown[PATHWAY_N_RATINGS];
  GString *out = g_string_new (NULL);

  shown_ratings (data, shown);
  /* TRANSLATORS: "End of Mar 26: 110 actions (Red 7, Amber 30, Green 73)". */
  g_string_append_printf (out, _("End of %s: %s ("), name, actions);
  append_month (out, data, month, shown);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

char *
pathway_history_layout_describe_at (const PathwayHistoryLayout *self,
                                    const PathwayChartData *data, double x, double y)
{
  const PathwayChartLegendEntry *entry;

  for (guint i = 0; i < self->columns->len; i++)
    {
      const PathwayHistoryColumn *column = &g_array_index (self->columns, PathwayHistoryColumn,
                                                           i);
      const PathwayMonthCounts *month = &g_array_index (data->months, PathwayMonthCounts, i);

      if (!pathway_chart_box_contains (&column->column, x, y))
        continue;
      for (guint k = 0; k < column->n_segments; k++)
        {
          const PathwayChartSegment *segment = &column->segments[k];

          if (pathway_chart_box_contains (&segment->rect, x, y))
            {
              g_autofree char *name = pathway_chart_format_month (&month->month_end);
              g_autofree char *actions = pathway_chart_format_actions (segment->count);

              /* TRANSLATORS: a segment under the pointer: "End of Mar 26 – Red: 7 actions". */
              return g_strdup_printf (_("End of %s – %s: %s"), name,
                                      data->rating_labels[segment->rating], actions);
            }
        }
      return describe_month (data, month);
    }

  entry = pathway_chart_legend_entry_at (&self->parent, self->entries, self->n_entries, x, y);
  return entry != NULL ? g_strdup (data->rating_labels[entry->rating]) : NULL;
}

char *
pathway_history_describe (const PathwayChartData *data)
{
  GString *out = g_string_new (data->title);
  guint n = data->months ? data->months->len : 0;
  gboolean shown[PATHWAY_N_RATINGS];
  const PathwayMonthCounts *first, *last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (n == 0)
    {
      g_string_append_printf (out, ": %s.", _("no actions yet"));
      return g_string_free (out, FALSE);
    }

  shown_ratings (data, shown);
  first = &g_array_index (data->months, PathwayMonthCounts, 0);
  last = &g_array_index (data->months, PathwayMonthCounts, n - 1);
  from = pathway_chart_format_month (&first->month_end);
  to = pathway_chart_format_month (&last->month_end);
  /* TRANSLATORS: "Actions by rating at each month end, Jan 25 to Nov 26." */
  g_string_append_printf (out, _(", %s to %s."), from, to);

  /* The change a board asks about first, then every month. */
  if (n > 1)
    for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
      {
        PathwayRating r = pathway_chart_rating_order[i];
        g_autofree char *from_count = NULL;
        g_autofree char *to_count = NULL;

        if (!shown[r])
          continue;
        from_count = pathway_chart_format_count (first->counts[r]);
        to_count = pathway_chart_format_count (last->counts[r]);
        g_string_append_c (out, ' ');
        /* TRANSLATORS: "Red went from 40 to 7." */
        g_string_append_printf (out, _("%s went from %s to %s."), data->rating_labels[r],
                                from_count, to_count);
      }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *month = describe_month (data,
                                               &g_array_index (data->months, PathwayMonthCounts,
                                                               i));

      g_string_append_printf (out, " %s.", month);
    }
  return g_string_free (out, FALSE);
}
