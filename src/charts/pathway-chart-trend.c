/* pathway-chart-trend.c: an indicator's readings over time against its target. The readings
 * are a line with a point for each, broken where more than about six weeks pass without one
 * (a missing month is not a straight line between its neighbours); the target is a dashed
 * line labelled with its value, the comparator a dotted one; milestones are small diamonds.
 * The latest reading is ringed and labelled with its value and, in words, whether it meets
 * the target, judged by the indicator's direction. The value axis carries the unit. Labels
 * are placed where they cover the fewest points and none of each other. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-private.h"

/* Readings further apart than this are not joined. */
#define MAX_JOINED_DAYS 45
/* Milestones this far past the latest reading still widen the time axis. */
#define MILESTONE_HORIZON_DAYS 550

static double
x_of (const PathwayTrendLayout *self, double julian)
{
  return self->plot.x + (julian - self->x_min) / (self->x_max - self->x_min) * self->plot.width;
}

static double
y_of (const PathwayTrendLayout *self, double value)
{
  return self->plot.y + self->plot.height
         - (value - self->y_min) / (self->y_max - self->y_min) * self->plot.height;
}

static gboolean
milestone_in_range (const PathwayChartData *data, const PathwayChartMilestone *milestone)
{
  const PathwayChartReading *first = &g_array_index (data->readings, PathwayChartReading, 0);
  const PathwayChartReading *last = &g_array_index (data->readings, PathwayChartReading,
                                                    data->readings->len - 1);
  gint64 day = g_date_get_julian (&milestone->date);

  return isfinite (milestone->value)
         && day >= (gint64) g_date_get_julian (&first->date) - 183
         && day <= (gint64) g_date_get_julian (&last->date) + MILESTONE_HORIZON_DAYS;
}

static char *
tick_text (PathwayUnit unit, double value, int decimals)
{
  g_autofree char *number = pathway_chart_format_number (value, decimals);

  if (unit == PATHWAY_UNIT_PERCENT)
    return g_strdup_printf ("%s%%", number);
  return g_steal_pointer (&number);
}

/* How much a box would hide: points under it, and stretches of the line through it. */
static double
covering (const PathwayTrendLayout *self, const PathwayChartBox *box)
{
  double r = self->parent.theme.point_radius + 2;
  double penalty = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint, i);
      PathwayChartBox mark = { p->x - r, p->y - r, 2 * r, 2 * r };

      if (pathway_chart_box_intersects (box, &mark))
        penalty += 2;
      if (i > 0 && p->joined)
        {
          const PathwayTrendPoint *q = &g_array_index (self->points, PathwayTrendPoint, i - 1);

          for (guint s = 1; s < 8; s++)
            if (pathway_chart_box_contains (box, q->x + (p->x - q->x) * s / 8.0,
                                            q->y + (p->y - q->y) * s / 8.0))
              penalty += 0.5;
        }
    }
  for (guint i = 0; i < self->milestones->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->milestones, PathwayTrendPoint, i);
      PathwayChartBox mark = { p->x - r, p->y - r, 2 * r, 2 * r };

      if (pathway_chart_box_intersects (box, &mark))
        penalty += 1;
    }
  return penalty;
}

static gboolean
collides (const PathwayChartLayout *layout, const PathwayChartBox *box)
{
  PathwayChartBox bounds = pathway_chart_layout_bounds (layout);

  if (!pathway_chart_box_inside (box, &bounds))
    return TRUE;
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const PathwayChartLabel *label = &g_array_index (layout->labels, PathwayChartLabel, i);

      if (label->visible && pathway_chart_box_intersects (box, &label->box))
        return TRUE;
    }
  return FALSE;
}

/* Picks, among candidate boxes, the free one that hides least, preferring earlier ones (each
 * candidate costs 'cost' times its place in the list) and boxes off the lines listed in
 * 'avoid_y' (the target and comparator), which must not run through text. Returns FALSE
 * when none is free. */
static gboolean
choose (const PathwayTrendLayout *self, const PathwayChartBox *candidates, guint n, double cost,
        const double *avoid_y, guint n_avoid, PathwayChartBox *chosen)
{
  const PathwayChartTheme *theme = &self->parent.theme;
  PathwayChartBox room = { self->plot.x, self->plot.y - theme->gap, self->plot.width,
                           self->plot.height + theme->gap };
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      double penalty;

      if (!pathway_chart_box_inside (&candidates[i], &room)
          || collides (&self->parent, &candidates[i]))
        continue;
      penalty = covering (self, &candidates[i]) + i * cost;
      for (guint k = 0; k < n_avoid; k++)
        if (avoid_y[k] > candidates[i].y && avoid_y[k] < candidates[i].y + candidates[i].height)
          penalty += 4; /* a line struck through text is worse than a covered point */
      if (penalty < best)
        {
          best = penalty;
          *chosen = candidates[i];
        }
    }
  return best < G_MAXDOUBLE;
}

/* A label on a horizontal line: at the right end or the left, above or below it. */
static int
place_line_label (PathwayTrendLayout *self, const char *text, double line_y,
                  const PathwayChartColour *colour, const double *avoid_y, guint n_avoid)
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  PangoLayout *pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL,
                                                  self->plot.width);
  double w, h, pad = theme->gap * 0.5, lift = theme->target_width + 1;
  double right, left = self->plot.x + pad;
  PathwayChartBox chosen = { 0 };

  pathway_chart_text_size (pango, &w, &h);
  right = self->plot.x + self->plot.width - w - pad;
  {
    PathwayChartBox candidates[] = {
      { right, line_y - lift - h, w, h },
      { right, line_y + lift, w, h },
      { left, line_y - lift - h, w, h },
      { left, line_y + lift, w, h },
      { self->plot.x + (self->plot.width - w) / 2, line_y - lift - h, w, h },
      { self->plot.x + (self->plot.width - w) / 2, line_y + lift, w, h },
    };

    if (!choose (self, candidates, G_N_ELEMENTS (candidates), 0.01, avoid_y, n_avoid, &chosen))
      {
        g_object_unref (pango);
        return -1;
      }
  }
  return pathway_chart_layout_add_label (layout, pango, chosen.x, chosen.y, colour);
}

static void
place_latest (PathwayTrendLayout *self, const PathwayChartData *data)
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  const PathwayTrendPoint *point = &g_array_index (self->points, PathwayTrendPoint,
                                                   self->latest);
  const PathwayChartReading *reading = &g_array_index (data->readings, PathwayChartReading,
                                                       point->reading);
  g_autofree char *value = pathway_chart_format_value (data->unit, reading->value);
  PangoLayout *value_text = pathway_chart_layout_text (layout, value, PATHWAY_CHART_FONT_BOLD,
                                                       -1);
  PangoLayout *verdict_text = NULL;
  double vw, vh, dw = 0, dh = 0, w, h, r = theme->point_radius * 2 + theme->gap * 0.5;
  double avoid[2];
  guint n_avoid = 0;
  PathwayChartBox chosen = { 0 };

  if (self->has_target)
    avoid[n_avoid++] = self->target_y;
  if (self->has_comparator)
    avoid[n_avoid++] = self->comparator_y;

  pathway_chart_text_size (value_text, &vw, &vh);
  if (data->verdict != NULL)
    {
      verdict_text = pathway_chart_layout_text (layout, data->verdict, PATHWAY_CHART_FONT_NORMAL,
                                                -1);
      pathway_chart_text_size (verdict_text, &dw, &dh);
    }
  else if (isfinite (data->target))
    {
      verdict_text = pathway_chart_layout_text (layout,
                                                reading->meets_target ? _("meets target")
                                                                      : _("misses target"),
                                                PATHWAY_CHART_FONT_NORMAL, -1);
      pathway_chart_text_size (verdict_text, &dw, &dh);
    }
  w = MAX (vw, dw);
  h = vh + dh;

  {
    double px = point->x, py = point->y;
    PathwayChartBox candidates[] = {
      { px - w - r * 0.6, py - r - h, w, h },  /* above, to the left */
      { px - w - r * 0.6, py + r, w, h },      /* below, to the left */
      { px - w - r, py - h / 2, w, h },        /* left */
      { px - w / 2, py - r - h, w, h },        /* above */
      { px - w / 2, py + r, w, h },            /* below */
      { px + r, py - h / 2, w, h },            /* right */
      { px - w - r * 0.6, py - r * 2.5 - h, w, h },
      { px - w - r * 0.6, py + r * 2.5, w, h },
      { px - w / 2, py - r * 2.5 - h, w, h },
      { px - w / 2, py + r * 2.5, w, h },
      { px - w - r * 2.5, py - h / 2, w, h },
      { px - w - r * 0.6, py - r * 4 - h, w, h },
      { px - w - r * 0.6, py + r * 4, w, h },
    };

    if (!choose (self, candidates, G_N_ELEMENTS (candidates), 0.3, avoid, n_avoid, &chosen))
      {
        g_object_unref (value_text);
        g_clear_object (&verdict_text);
        return;
      }
  }

  /* Right-aligned when the label sits left of the point, so it reads towards it. */
  {
    gboolean align_right = chosen.x + w <= point->x;
    double vx = align_right ? chosen.x + w - vw : chosen.x;
    double dx = align_right ? chosen.x + w - dw : chosen.x;
    gboolean good = data->verdict != NULL ? data->verdict_good : reading->meets_target;
    const PathwayChartColour *colour = good ? &theme->meets : &theme->misses;

    self->latest_label = pathway_chart_layout_add_label (layout, value_text, vx, chosen.y,
                                                         &theme->text);
    if (verdict_text != NULL)
      self->verdict_label = pathway_chart_layout_add_label (layout, verdict_text, dx,
                                                            chosen.y + vh, colour);
  }
}

static void
place_key (PathwayTrendLayout *self, double top)
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  const char *texts[] = { _("Readings"), _("Milestones") };
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double mark = theme->font_size * 1.4;
  double x = layout->width - theme->margin;

  /* From the right, milestones then readings, so the key ends at the chart's edge. */
  for (guint i = 2; i-- > 0;)
    {
      PangoLayout *text = pathway_chart_layout_text (layout, texts[i], PATHWAY_CHART_FONT_NORMAL,
                                                     -1);
      double w;

      pathway_chart_text_size (text, &w, NULL);
      x -= w;
      self->key_labels[i] = pathway_chart_layout_add_label (layout, text, x, top,
                                                            &theme->text_dim);
      x -= theme->gap * 0.5 + mark;
      self->key_marks[i] = (PathwayChartBox) { x, top, mark, line };
      x -= theme->gap * 2;
    }
  self->n_keys = 2;
}

PathwayChartLayout *
pathway_trend_layout_new (const PathwayChartData *data, double width, double height,
                          PathwayChartStyle style)
{
  PathwayTrendLayout *self = g_new0 (PathwayTrendLayout, 1);
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  guint n = data->readings ? data->readings->len : 0;
  double line, top, bottom, left, right, lo, hi, step, tick_w = 0, first_day, last_day, pad;
  g_autoptr(GArray) month_dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) month_xs = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean has_milestones = FALSE;
  guint max_ticks, n_ticks;
  int decimals;

  pathway_chart_layout_init (layout, PATHWAY_CHART_INDICATOR_TREND, width, height, style);
  self->points = g_array_new (FALSE, TRUE, sizeof (PathwayTrendPoint));
  self->milestones = g_array_new (FALSE, TRUE, sizeof (PathwayTrendPoint));
  self->y_ticks = g_array_new (FALSE, TRUE, sizeof (PathwayChartTick));
  self->x_ticks = g_array_new (FALSE, TRUE, sizeof (PathwayChartTick));
  self->latest = self->latest_label = self->verdict_label = -1;
  self->target_label = self->comparator_label = self->unit_label = -1;
  self->key_labels[0] = self->key_labels[1] = -1;
  line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);

  if (n == 0)
    {
      pathway_chart_layout_add_message (layout, _("No readings yet"));
      pathway_chart_layout_settle (layout);
      return layout;
    }

  /* The value range: readings, the target, the comparator and milestones in view. */
  lo = hi = g_array_index (data->readings, PathwayChartReading, 0).value;
  first_day = g_date_get_julian (&g_array_index (data->readings, PathwayChartReading, 0).date);
  last_day = g_date_get_julian (&g_array_index (data->readings, PathwayChartReading, n - 1).date);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (data->readings, PathwayChartReading, i).value;

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (isfinite (data->target))
    {
      lo = MIN (lo, data->target);
      hi = MAX (hi, data->target);
    }
  if (isfinite (data->comparator))
    {
      lo = MIN (lo, data->comparator);
      hi = MAX (hi, data->comparator);
    }
  for (guint i = 0; data->milestones && i < data->milestones->len; i++)
    {
      const PathwayChartMilestone *m = &g_array_index (data->milestones, PathwayChartMilestone, i);

      if (!milestone_in_range (data, m))
        continue;
      has_milestones = TRUE;
      lo = MIN (lo, m->value);
      hi = MAX (hi, m->value);
      first_day = MIN (first_day, g_date_get_julian (&m->date));
      last_day = MAX (last_day, g_date_get_julian (&m->date));
    }
  /* Waiting times, counts and shares are read against zero, unless every value is far from
   * it (a count in the millions moving by a few). */
  if (lo >= 0 && lo < hi * 0.6)
    lo = 0;

  /* The top line: the unit on the left, the key on the right. */
  top = theme->margin;
  if (data->unit != PATHWAY_UNIT_PERCENT)
    self->unit_label = pathway_chart_layout_add_label (
      layout, pathway_chart_layout_text (layout, pathway_unit_label (data->unit),
                                         PATHWAY_CHART_FONT_NORMAL, width / 3),
      theme->margin, top, &theme->text_dim);
  /* The key only when there is room for it and the plot as well. */
  if (has_milestones && height >= line * 11)
    place_key (self, top);
  if (self->unit_label >= 0 || self->n_keys > 0)
    top += line + theme->gap;
  top += line / 2;
  bottom = height - theme->margin - line - theme->gap * 0.6;

  max_ticks = (guint) CLAMP ((bottom - top) / (line * 2.0) + 1, 2, 8);
  step = pathway_chart_nice_step (&lo, &hi, max_ticks, data->unit == PATHWAY_UNIT_COUNT);
  decimals = pathway_chart_decimals_for_step (step);
  n_ticks = (guint) round ((hi - lo) / step) + 1;
  self->y_min = lo;
  self->y_max = hi;
  for (guint k = 0; k < n_ticks; k++)
    {
      g_autofree char *text = tick_text (data->unit, lo + k * step, decimals);

      tick_w = MAX (tick_w,
                    pathway_chart_layout_text_width (layout, text, PATHWAY_CHART_FONT_NORMAL));
    }
  left = theme->margin + tick_w + theme->gap;
  right = width - theme->margin;
  self->plot = (PathwayChartBox) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };

  for (guint k = 0; k < n_ticks; k++)
    {
      double v = lo + k * step;
      g_autofree char *text = tick_text (data->unit, v, decimals);
      PangoLayout *pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL,
                                                      -1);
      PathwayChartTick tick;
      double w, h;

      pathway_chart_text_size (pango, &w, &h);
      tick.value = v;
      tick.position = y_of (self, v);
      tick.label = pathway_chart_layout_add_label (layout, pango, left - theme->gap - w,
                                                   tick.position - h / 2, &theme->text_dim);
      g_array_append_val (self->y_ticks, tick);
    }

  /* Time: a little room either side so the end points are not on the edges. */
  pad = MAX ((last_day - first_day) * 0.03, 10);
  if (last_day == first_day)
    pad = 45;
  self->x_min = first_day - pad;
  self->x_max = last_day + pad;

  {
    GDate month;

    g_date_clear (&month, 1);
    g_date_set_julian (&month, (guint32) MAX (ceil (self->x_min), 1));
    if (g_date_get_day (&month) != 1)
      {
        g_date_set_day (&month, 1);
        g_date_add_months (&month, 1);
      }
    while (g_date_get_julian (&month) <= self->x_max && month_dates->len < 12 * 200)
      {
        double x = x_of (self, g_date_get_julian (&month));

        g_array_append_val (month_dates, month);
        g_array_append_val (month_xs, x);
        g_date_add_months (&month, 1);
      }
    pathway_chart_layout_month_ticks (layout, (const GDate *) month_dates->data,
                                      (const double *) month_xs->data, month_dates->len,
                                      bottom + theme->gap * 0.6, left - theme->gap * 0.5,
                                      width - theme->margin, self->x_ticks);
  }

  for (guint i = 0; i < n; i++)
    {
      const PathwayChartReading *reading = &g_array_index (data->readings, PathwayChartReading, i);
      PathwayTrendPoint point;
      guint32 day = g_date_get_julian (&reading->date);

      point.x = x_of (self, day);
      point.y = y_of (self, reading->value);
      point.reading = i;
      point.joined = i > 0
                     && day - g_date_get_julian (&g_array_index (data->readings,
                                                                 PathwayChartReading,
                                                                 i - 1).date)
                        <= MAX_JOINED_DAYS;
      g_array_append_val (self->points, point);
    }
  self->latest = (int) n - 1;

  for (guint i = 0; data->milestones && i < data->milestones->len; i++)
    {
      const PathwayChartMilestone *m = &g_array_index (data->milestones, PathwayChartMilestone, i);
      PathwayTrendPoint point = { 0 };

      if (!milestone_in_range (data, m))
        continue;
      point.x = x_of (self, g_date_get_julian (&m->date));
      point.y = y_of (self, m->value);
      point.reading = i;
      g_array_append_val (self->milestones, point);
    }

  if (isfinite (data->target))
    {
      self->has_target = TRUE;
      self->target_y = y_of (self, data->target);
    }
  if (isfinite (data->comparator))
    {
      self->has_comparator = TRUE;
      self->comparator_y = y_of (self, data->comparator);
    }

  /* The latest reading first: it is what the board asks about. */
  place_latest (self, data);
  if (self->has_target)
    {
      g_autofree char *value = pathway_chart_format_value (data->unit, data->target);
      /* TRANSLATORS: the label on a chart's target line, "Target 18 weeks". */
      g_autofree char *text = g_strdup_printf (_("Target %s"), value);
      double avoid[1] = { self->comparator_y };

      self->target_label = place_line_label (self, text, self->target_y, &theme->target, avoid,
                                             self->has_comparator ? 1 : 0);
    }
  if (self->has_comparator)
    {
      g_autofree char *value = pathway_chart_format_value (data->unit, data->comparator);
      g_autofree char *text = NULL;
      double avoid[1] = { self->target_y };

      if (data->comparator_label[0] != '\0')
        text = g_strdup_printf ("%s %s", data->comparator_label, value);
      else
        /* TRANSLATORS: the label on a chart's comparator line when it has no name. */
        text = g_strdup_printf (_("Comparator %s"), value);
      self->comparator_label = place_line_label (self, text, self->comparator_y,
                                                 &theme->comparator, avoid,
                                                 self->has_target ? 1 : 0);
    }

  pathway_chart_layout_settle (layout);
  return layout;
}

void
pathway_trend_layout_free (PathwayTrendLayout *self)
{
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->milestones, g_array_unref);
  g_clear_pointer (&self->y_ticks, g_array_unref);
  g_clear_pointer (&self->x_ticks, g_array_unref);
  pathway_chart_layout_clear (&self->parent);
  g_free (self);
}

static void
diamond (cairo_t *cr, double x, double y, double r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
draw_readings (const PathwayTrendLayout *self, cairo_t *cr)
{
  const PathwayChartTheme *theme = &self->parent.theme;

  pathway_chart_theme_set_source (cr, &theme->line);
  cairo_set_line_width (cr, theme->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint, i);

      if (p->joined)
        cairo_line_to (cr, p->x, p->y);
      else
        cairo_move_to (cr, p->x, p->y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, p->x, p->y, theme->point_radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* Lines and points stop short of the labels in the plot, whatever the background is. */
static void
clip_out_labels (const PathwayTrendLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  double pad = layout->theme.font_size * 0.2;
  int labels[] = { self->latest_label, self->verdict_label, self->target_label,
                   self->comparator_label };

  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const PathwayChartLabel *label = pathway_chart_layout_get_label (layout, labels[i]);

      if (label != NULL)
        cairo_rectangle (cr, label->box.x - pad, label->box.y, label->box.width + 2 * pad,
                         label->box.height);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

void
pathway_trend_layout_draw (const PathwayTrendLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  const PathwayChartBox *plot = &self->plot;
  double dash[2];

  if (self->points->len == 0)
    {
      pathway_chart_layout_draw_message (layout, cr);
      return;
    }

  cairo_save (cr);
  clip_out_labels (self, cr);

  pathway_chart_theme_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, theme->grid_width);
  for (guint i = 0; i < self->y_ticks->len; i++)
    {
      const PathwayChartTick *tick = &g_array_index (self->y_ticks, PathwayChartTick, i);

      cairo_move_to (cr, plot->x, tick->position);
      cairo_line_to (cr, plot->x + plot->width, tick->position);
    }
  cairo_stroke (cr);

  /* Values either side of zero: zero is a line of its own. */
  if (self->y_min < 0 && self->y_max > 0)
    {
      double zero = plot->y + plot->height * self->y_max / (self->y_max - self->y_min);

      pathway_chart_theme_set_source (cr, &theme->axis);
      cairo_set_line_width (cr, theme->axis_width);
      cairo_move_to (cr, plot->x, zero);
      cairo_line_to (cr, plot->x + plot->width, zero);
      cairo_stroke (cr);
    }

  /* Month ticks on the time axis. */
  pathway_chart_theme_set_source (cr, &theme->axis);
  cairo_set_line_width (cr, theme->axis_width);
  cairo_move_to (cr, plot->x, plot->y + plot->height);
  cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height);
  for (guint i = 0; i < self->x_ticks->len; i++)
    {
      const PathwayChartTick *tick = &g_array_index (self->x_ticks, PathwayChartTick, i);

      cairo_move_to (cr, tick->position, plot->y + plot->height);
      cairo_line_to (cr, tick->position, plot->y + plot->height + theme->gap * 0.5);
    }
  cairo_stroke (cr);

  if (self->has_comparator)
    {
      dash[0] = theme->target_width;
      dash[1] = theme->target_width * 2.5;
      pathway_chart_theme_set_source (cr, &theme->comparator);
      cairo_set_line_width (cr, theme->target_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, plot->x, self->comparator_y);
      cairo_line_to (cr, plot->x + plot->width, self->comparator_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->has_target)
    {
      dash[0] = theme->font_size * 0.6;
      dash[1] = theme->font_size * 0.35;
      pathway_chart_theme_set_source (cr, &theme->target);
      cairo_set_line_width (cr, theme->target_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, plot->x, self->target_y);
      cairo_line_to (cr, plot->x + plot->width, self->target_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  pathway_chart_theme_set_source (cr, &theme->milestone);
  cairo_set_line_width (cr, MAX (theme->line_width * 0.6, 1.0));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint i = 0; i < self->milestones->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->milestones, PathwayTrendPoint, i);

      diamond (cr, p->x, p->y, theme->point_radius * 1.5);
    }
  cairo_stroke (cr);

  draw_readings (self, cr);

  if (self->latest >= 0)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint,
                                                   self->latest);
      const PathwayChartLabel *verdict = pathway_chart_layout_get_label (layout,
                                                                         self->verdict_label);

      if (verdict != NULL)
        pathway_chart_theme_set_source (cr, &verdict->colour);
      else
        pathway_chart_theme_set_source (cr, &theme->line);
      cairo_set_line_width (cr, MAX (theme->line_width * 0.8, 1.2));
      cairo_new_sub_path (cr);
      cairo_arc (cr, p->x, p->y, theme->point_radius * 2, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The key's marks: a stretch of line with its point, and a diamond. */
  for (guint i = 0; i < self->n_keys; i++)
    {
      const PathwayChartBox *mark = &self->key_marks[i];
      double cx = mark->x + mark->width / 2, cy = mark->y + mark->height / 2;

      if (pathway_chart_layout_get_label (layout, self->key_labels[i]) == NULL)
        continue;
      if (i == 0)
        {
          pathway_chart_theme_set_source (cr, &theme->line);
          cairo_set_line_width (cr, theme->line_width);
          cairo_move_to (cr, mark->x, cy);
          cairo_line_to (cr, mark->x + mark->width, cy);
          cairo_stroke (cr);
          cairo_arc (cr, cx, cy, theme->point_radius, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      else
        {
          pathway_chart_theme_set_source (cr, &theme->milestone);
          cairo_set_line_width (cr, MAX (theme->line_width * 0.6, 1.0));
          diamond (cr, cx, cy, theme->point_radius * 1.5);
          cairo_stroke (cr);
        }
    }

  pathway_chart_layout_draw_labels (layout, cr);
}

static char *
format_day (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a day in a chart's description, "31 Oct 2026" (strftime format). */
  if (g_date_strftime (buffer, sizeof buffer, _("%e %b %Y"), date) == 0)
    return g_strdup ("");
  return g_strstrip (g_strdup (buffer));
}

static char *
describe_reading (const PathwayChartData *data, const PathwayChartReading *reading)
{
  g_autofree char *day = format_day (&reading->date);
  g_autofree char *value = pathway_chart_format_value (data->unit, reading->value);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s: %s", day, value);
  if (isfinite (data->target))
    g_string_append_printf (out, " (%s)", reading->meets_target ? _("meets target")
                                                                : _("misses target"));
  if (reading->note != NULL && reading->note[0] != '\0')
    g_string_append_printf (out, " – %s", reading->note);
  return g_string_free (out, FALSE);
}

static char *
describe_target (const PathwayChartData *data)
{
  g_autofree char *value = pathway_chart_format_value (data->unit, data->target);

  if (g_date_valid (&data->target_date))
    {
      g_autofree char *day = format_day (&data->target_date);

      /* TRANSLATORS: "Target: 18 weeks by 31 Mar 2027". */
      return g_strdup_printf (_("Target: %s by %s"), value, day);
    }
  return g_strdup_printf (_("Target: %s"), value);
}

char *
pathway_trend_layout_describe_at (const PathwayTrendLayout *self, const PathwayChartData *data,
                                  double x, double y)
{
  const PathwayChartTheme *theme = &self->parent.theme;
  double reach = MAX (theme->point_radius * 3, theme->font_size * 0.8);
  double best = reach;
  int nearest = -1, nearest_milestone = -1;

  if (self->points->len == 0)
    return NULL;

  for (guint i = 0; i < self->points->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint, i);
      double d = hypot (p->x - x, p->y - y);

      if (d <= best)
        {
          best = d;
          nearest = (int) i;
        }
    }
  for (guint i = 0; i < self->milestones->len; i++)
    {
      const PathwayTrendPoint *p = &g_array_index (self->milestones, PathwayTrendPoint, i);
      double d = hypot (p->x - x, p->y - y);

      if (d < best)
        {
          best = d;
          nearest_milestone = (int) i;
        }
    }

  if (nearest_milestone >= 0)
    {
      const PathwayTrendPoint *p = &g_array_index (self->milestones, PathwayTrendPoint,
                                                   nearest_milestone);
      const PathwayChartMilestone *m = &g_array_index (data->milestones, PathwayChartMilestone,
                                                       p->reading);
      g_autofree char *day = format_day (&m->date);
      g_autofree char *value = pathway_chart_format_value (data->unit, m->value);

      /* TRANSLATORS: "Milestone, 31 Mar 2026: 35%". */
      return g_strdup_printf (_("Milestone, %s: %s"), day, value);
    }
  if (nearest >= 0)
    {
      const PathwayTrendPoint *p = &g_array_index (self->points, PathwayTrendPoint, nearest);

      return describe_reading (data,
                               &g_array_index (data->readings, PathwayChartReading, p->reading));
    }

  {
    const PathwayChartLabel *label;
    gboolean in_plot = x >= self->plot.x && x <= self->plot.x + self->plot.width;
    double near = MAX (theme->target_width * 2, 4);

    label = pathway_chart_layout_get_label (&self->parent, self->target_label);
    if (self->has_target && ((in_plot && fabs (y - self->target_y) <= near)
                             || (label && pathway_chart_box_contains (&label->box, x, y))))
      return describe_target (data);
    label = pathway_chart_layout_get_label (&self->parent, self->comparator_label);
    if (self->has_comparator && ((in_plot && fabs (y - self->comparator_y) <= near)
                                 || (label && pathway_chart_box_contains (&label->box, x, y))))
      {
        g_autofree char *value = pathway_chart_format_value (data->unit, data->comparator);

        return g_strdup_printf ("%s: %s", data->comparator_label[0] != '\0'
                                            ? data->comparator_label
                                            : _("Comparator"),
                                value);
      }
    label = pathway_chart_layout_get_label (&self->parent, self->latest_label);
    if (label != NULL && pathway_chart_box_contains (&label->box, x, y))
      return describe_reading (data, &g_array_index (data->readings, PathwayChartReading,
                                                     data->readings->len - 1));
  }
  return NULL;
}

char *
pathway_trend_describe (const PathwayChartData *data)
{
  GString *out = g_string_new (data->title);
  guint n = data->readings ? data->readings->len : 0;
  const PathwayChartReading *lowest, *highest, *latest;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *latest_text = NULL;

  if (n == 0)
    {
      g_string_append_printf (out, ": %s.", _("no readings yet"));
      if (isfinite (data->target))
        {
          g_autofree char *target = describe_target (data);

          g_string_append_printf (out, " %s.", target);
        }
      return g_string_free (out, FALSE);
    }

  lowest = highest = latest = &g_array_index (data->readings, PathwayChartReading, n - 1);
  for (guint i = 0; i < n; i++)
    {
      const PathwayChartReading *r = &g_array_index (data->readings, PathwayChartReading, i);

      if (r->value < lowest->value)
        lowest = r;
      if (r->value > highest->value)
        highest = r;
    }

  from = pathway_chart_format_month (&g_array_index (data->readings, PathwayChartReading,
                                                     0).date);
  to = pathway_chart_format_month (&latest->date);
  /* TRANSLATORS: "Autism assessment waiting time: 17 readings in weeks, Jan 25 to Oct 26;
   * lower is better." */
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, ": %u reading in %s, %s to %s; %s.",
                                       ": %u readings in %s, %s to %s; %s.", n),
                          n, pathway_unit_label (data->unit), from, to,
                          data->direction == PATHWAY_DIRECTION_HIGHER_IS_BETTER
                            ? _("higher is better")
                            : _("lower is better"));

  latest_text = describe_reading (data, latest);
  g_string_append_printf (out, " %s %s.", _("Latest"), latest_text);
  if (isfinite (data->target))
    {
      g_autofree char *target = describe_target (data);

      g_string_append_printf (out, " %s.", target);
    }
  if (isfinite (data->comparator))
    {
      g_autofree char *value = pathway_chart_format_value (data->unit, data->comparator);

      g_string_append_printf (out, " %s: %s.",
                              data->comparator_label[0] != '\0' ? data->comparator_label
                                                                : _("Comparator"),
                              value);
    }
  {
    g_autofree char *low = describe_reading (data, lowest);
    g_autofree char *high = describe_reading (data, highest);

    g_string_append_printf (out, " %s %s. %s %s.", _("Lowest"), low, _("Highest"), high);
  }

  g_string_append_printf (out, " %s", _("Readings:"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = describe_reading (data, &g_array_index (data->readings,
                                                                      PathwayChartReading, i));

      g_string_append_printf (out, "%s %s", i == 0 ? "" : ";", text);
    }
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}
