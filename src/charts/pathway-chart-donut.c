/* pathway-chart-donut.c: the rating distribution as a donut, its total in the hole. Labels
 * go outside the ring, level with their segment and joined to it by a leader line, pushed
 * apart where segments are small; when they cannot all be placed so, every label moves to a
 * legend beside or under the donut. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-private.h"

/* The thinnest slice drawn, so one action in ten thousand still shows and can be pointed at;
 * what it takes comes off the largest segment. */
#define MIN_SWEEP (G_PI / 180.0)
#define HOLE 0.58

static void
polar (const PathwayDonutLayout *self, double radius, double angle, double *x, double *y)
{
  *x = self->cx + radius * sin (angle);
  *y = self->cy - radius * cos (angle);
}

static guint
total_of (const guint counts[PATHWAY_N_RATINGS])
{
  guint total = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += counts[r];
  return total;
}

/* "7 (6%)": what follows the rating's word on its label. */
static char *
segment_numbers (const PathwayChartData *data, PathwayRating rating, const guint percents[])
{
  g_autofree char *share = pathway_chart_format_percent (percents[rating], data->counts[rating],
                                                         total_of (data->counts));

  g_autofree char *count = pathway_chart_format_count (data->counts[rating]);

  /* TRANSLATORS: a donut segment's count and share, after the rating's word: "7 (6%)". */
  return g_strdup_printf (_("%s (%s)"), count, share);
}

/* "Red 7 (6%)". */
static char *
segment_text (const PathwayChartData *data, PathwayRating rating, const guint percents[])
{
  g_autofree char *numbers = segment_numbers (data, rating, percents);

  return g_strdup_printf ("%s %s", data->rating_labels[rating], numbers);
}

static void
set_angles (PathwayDonutLayout *self)
{
  double sweeps[PATHWAY_N_RATINGS];
  double start = 0, borrowed = 0;
  guint largest = 0;

  for (guint i = 0; i < self->n_segments; i++)
    {
      sweeps[i] = 2 * G_PI * self->segments[i].count / self->total;
      if (sweeps[i] > sweeps[largest])
        largest = i;
    }
  for (guint i = 0; i < self->n_segments; i++)
    if (i != largest && sweeps[i] < MIN_SWEEP)
      {
        borrowed += MIN_SWEEP - sweeps[i];
        sweeps[i] = MIN_SWEEP;
      }
  sweeps[largest] -= borrowed;

  for (guint i = 0; i < self->n_segments; i++)
    {
      self->segments[i].start = start;
      start += sweeps[i];
      self->segments[i].end = i + 1 == self->n_segments ? 2 * G_PI : start;
    }
}

typedef struct {
  guint segment;
  PangoLayout *text;
  double width, height;
  double want;  /* centre the label would like */
  double top;
} Placement;

static int
compare_placements (gconstpointer a, gconstpointer b)
{
  const Placement *pa = a, *pb = b;

  return (pa->want > pb->want) - (pa->want < pb->want);
}

/* Stacks one side's labels as near their segments as they can go; FALSE when they do not
 * fit in the height. */
static gboolean
stack_side (PathwayDonutLayout *self, Placement *side, guint n)
{
  const PathwayChartTheme *theme = &self->parent.theme;
  double top_limit = theme->margin, bottom_limit = self->parent.height - theme->margin;
  double spacing = theme->gap * 0.3;
  double previous = -G_MAXDOUBLE;

  qsort (side, n, sizeof *side, compare_placements);
  for (guint i = 0; i < n; i++)
    {
      side[i].top = MAX (side[i].want - side[i].height / 2, top_limit);
      if (i > 0)
        side[i].top = MAX (side[i].top, previous + spacing);
      previous = side[i].top + side[i].height;
    }
  for (guint i = n; i-- > 0;)
    {
      double limit = i + 1 < n ? side[i + 1].top - spacing : bottom_limit;

      if (side[i].top + side[i].height > limit)
        side[i].top = limit - side[i].height;
    }
  return n == 0 || side[0].top >= top_limit - 0.01;
}

static gboolean
place_outside (PathwayDonutLayout *self, const PathwayChartData *data, const guint percents[])
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double leader = MAX (theme->gap * 2.5, theme->font_size);
  Placement right[PATHWAY_N_RATINGS], left[PATHWAY_N_RATINGS];
  guint n_right = 0, n_left = 0;
  double max_right = 0, max_left = 0, spare, min_outer;
  gboolean ok;

  for (guint i = 0; i < self->n_segments; i++)
    {
      const PathwayDonutSegment *segment = &self->segments[i];
      g_autofree char *text = segment_text (data, segment->rating, percents);
      Placement placement = { i, NULL, 0, 0, 0, 0 };
      double mid = self->n_segments == 1 ? G_PI / 4 : (segment->start + segment->end) / 2;

      placement.text = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL, -1);
      pathway_chart_text_size (placement.text, &placement.width, &placement.height);
      /* 'want' is the angle for now; it becomes a height once the radius is known. */
      placement.want = mid;
      if (mid <= G_PI)
        {
          right[n_right++] = placement;
          max_right = MAX (max_right, placement.width);
        }
      else
        {
          left[n_left++] = placement;
          max_left = MAX (max_left, placement.width);
        }
    }

  self->outer = MIN ((layout->height - 2 * theme->margin) / 2,
                     (layout->width - 2 * theme->margin - max_left - max_right
                      - (n_left ? leader : 0) - (n_right ? leader : 0)) / 2);
  min_outer = MAX (line * 2.2, MIN (layout->width, layout->height) * 0.2);
  ok = self->outer >= min_outer;

  if (ok)
    {
      spare = layout->width - 2 * theme->margin
              - (max_left + max_right + 2 * self->outer + (n_left ? leader : 0)
                 + (n_right ? leader : 0));
      self->cx = theme->margin + max_left + (n_left ? leader : 0) + self->outer + spare / 2;
      self->cy = layout->height / 2;
      self->inner = self->outer * HOLE;

      for (guint i = 0; i < n_right; i++)
        right[i].want = self->cy - (self->outer + leader * 0.5) * cos (right[i].want);
      for (guint i = 0; i < n_left; i++)
        left[i].want = self->cy - (self->outer + leader * 0.5) * cos (left[i].want);
      ok = stack_side (self, right, n_right) && stack_side (self, left, n_left);
    }

  for (guint side = 0; side < 2; side++)
    {
      Placement *placements = side == 0 ? right : left;
      guint n = side == 0 ? n_right : n_left;

      for (guint i = 0; i < n; i++)
        {
          PathwayDonutSegment *segment = &self->segments[placements[i].segment];
          double mid = self->n_segments == 1 ? G_PI / 4 : (segment->start + segment->end) / 2;
          double x, label_y = placements[i].top + placements[i].height / 2;

          if (!ok)
            {
              g_object_unref (placements[i].text);
              continue;
            }
          x = side == 0 ? self->cx + self->outer + leader
                        : self->cx - self->outer - leader - placements[i].width;
          segment->label = pathway_chart_layout_add_label (layout, placements[i].text, x,
                                                           placements[i].top, &theme->text);
          polar (self, self->outer + theme->leader_width, mid, &segment->leader[0][0],
                 &segment->leader[0][1]);
          polar (self, self->outer + leader * 0.5, mid, &segment->leader[1][0],
                 &segment->leader[1][1]);
          segment->leader[2][0] = side == 0 ? x - theme->gap * 0.4
                                            : x + placements[i].width + theme->gap * 0.4;
          segment->leader[2][1] = label_y;
        }
    }

  return ok;
}

static void
place_legend (PathwayDonutLayout *self, const PathwayChartData *data, const guint percents[])
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double inner_w = layout->width - 2 * theme->margin;
  double inner_h = layout->height - 2 * theme->margin;
  PathwayRating ratings[PATHWAY_N_RATINGS];
  char *texts[PATHWAY_N_RATINGS];
  char *words[PATHWAY_N_RATINGS];
  char *numbers[PATHWAY_N_RATINGS];
  double beside_w, beside_h, under_w, under_h, beside_r, under_r;
  PathwayChartBox area;
  guint n = 0;

  self->legend = TRUE;
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];

      if (!data->shown[r] && data->counts[r] == 0)
        continue;
      ratings[n] = r;
      texts[n] = segment_text (data, r, percents);
      words[n] = data->rating_labels[r];
      numbers[n] = segment_numbers (data, r, percents);
      n++;
    }

  pathway_chart_layout_measure_legend (layout, texts, n, inner_w * 0.6, TRUE, &beside_w,
                                       &beside_h);
  pathway_chart_layout_measure_legend (layout, texts, n, inner_w, FALSE, &under_w, &under_h);
  beside_r = MIN (inner_h / 2, (inner_w - beside_w - 2 * theme->gap) / 2);
  under_r = MIN (inner_w / 2, (inner_h - under_h - 2 * theme->gap) / 2);

  if (beside_h <= inner_h && (beside_r >= under_r || beside_r >= line * 3))
    {
      double group = 2 * beside_r + 2 * theme->gap + beside_w;

      self->outer = MAX (beside_r, 0);
      self->cx = (layout->width - group) / 2 + self->outer;
      self->cy = layout->height / 2;
      area = (PathwayChartBox) { self->cx + self->outer + 2 * theme->gap,
                                 self->cy - beside_h / 2, beside_w, beside_h };
      pathway_chart_layout_legend (layout, ratings, words, numbers, n, &area, TRUE,
                                   self->entries);
    }
  else
    {
      double group = 2 * MAX (under_r, 0) + 2 * theme->gap + under_h;

      self->outer = MAX (under_r, 0);
      self->cx = layout->width / 2;
      self->cy = (layout->height - group) / 2 + self->outer;
      area = (PathwayChartBox) { (layout->width - under_w) / 2,
                                 self->cy + self->outer + 2 * theme->gap, under_w, under_h };
      pathway_chart_layout_legend (layout, ratings, words, numbers, n, &area, FALSE,
                                   self->entries);
    }
  self->n_entries = n;
  self->inner = self->outer * HOLE;

  for (guint i = 0; i < n; i++)
    {
      g_free (texts[i]);
      g_free (numbers[i]);
    }
}

static void
place_total (PathwayDonutLayout *self)
{
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  g_autofree char *number = pathway_chart_format_number (self->total, 0);
  PangoLayout *big = pathway_chart_layout_text (layout, number, PATHWAY_CHART_FONT_BIG, -1);
  /* The total fills a large hole rather than floating in it. */
  double size = CLAMP (self->inner * 0.4, theme->big_font_size, theme->big_font_size * 2.2);
  PangoFontDescription *font = pango_font_description_copy (layout->fonts[PATHWAY_CHART_FONT_BIG]);
  PangoLayout *caption = pathway_chart_layout_text (layout,
                                                    g_dngettext (GETTEXT_PACKAGE, "action",
                                                                 "actions", self->total),
                                                    PATHWAY_CHART_FONT_NORMAL, -1);
  double room = self->inner * 2 * 0.8;
  double bw, bh, cw, ch;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (big, font);
  pango_font_description_free (font);
  pathway_chart_text_size (big, &bw, &bh);
  pathway_chart_text_size (caption, &cw, &ch);

  if (MAX (bw, cw) <= room && bh + ch <= room)
    {
      double top = self->cy - (bh + ch) / 2;

      self->total_label = pathway_chart_layout_add_label (layout, big, self->cx - bw / 2, top,
                                                          &theme->text);
      self->total_caption = pathway_chart_layout_add_label (layout, caption, self->cx - cw / 2,
                                                            top + bh, &theme->text_dim);
      return;
    }
  g_object_unref (caption);
  if (bw <= room && bh <= room)
    {
      self->total_label = pathway_chart_layout_add_label (layout, big, self->cx - bw / 2,
                                                          self->cy - bh / 2, &theme->text);
      return;
    }
  g_object_unref (big);
}

PathwayChartLayout *
pathway_donut_layout_new (const PathwayChartData *data, double width, double height,
                          PathwayChartStyle style)
{
  PathwayDonutLayout *self = g_new0 (PathwayDonutLayout, 1);
  PathwayChartLayout *layout = &self->parent;
  guint percents[PATHWAY_N_RATINGS];

  pathway_chart_layout_init (layout, PATHWAY_CHART_RATING_DISTRIBUTION, width, height, style);
  self->total_label = self->total_caption = -1;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    self->total += data->counts[r];
  if (self->total == 0)
    {
      pathway_chart_layout_add_message (layout, _("No actions yet"));
      pathway_chart_layout_settle (layout);
      return layout;
    }

  pathway_chart_percentages (data->counts, percents);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];

      if (data->counts[r] == 0)
        continue;
      self->segments[self->n_segments++] = (PathwayDonutSegment) {
        .rating = r, .count = data->counts[r], .label = -1
      };
    }
  set_angles (self);

  if (!place_outside (self, data, percents))
    {
      for (guint i = 0; i < self->n_segments; i++)
        self->segments[i].label = -1;
      place_legend (self, data, percents);
    }
  place_total (self);
  pathway_chart_layout_settle (layout);
  return layout;
}

void
pathway_donut_layout_free (PathwayDonutLayout *self)
{
  pathway_chart_layout_clear (&self->parent);
  g_free (self);
}

void
pathway_donut_layout_draw (const PathwayDonutLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;

  if (self->total == 0)
    {
      pathway_chart_layout_draw_message (layout, cr);
      return;
    }
  if (self->outer <= 1)
    {
      pathway_chart_layout_draw_labels (layout, cr);
      pathway_chart_draw_legend (layout, cr, self->entries, self->n_entries);
      return;
    }

  /* On screen the segments are parted by gaps; in print each has its own outline. */
  cairo_save (cr);
  if (self->n_segments > 1 && theme->outline.alpha == 0)
    {
      double lines[PATHWAY_N_RATINGS][4];

      for (guint i = 0; i < self->n_segments; i++)
        {
          polar (self, self->inner - 1, self->segments[i].start, &lines[i][0], &lines[i][1]);
          polar (self, self->outer + 1, self->segments[i].start, &lines[i][2], &lines[i][3]);
        }
      pathway_chart_clip_out_lines (cr, layout, (const double (*)[4]) lines, self->n_segments,
                                    theme->separator_width);
    }
  for (guint i = 0; i < self->n_segments; i++)
    {
      const PathwayDonutSegment *segment = &self->segments[i];

      cairo_new_path (cr);
      if (self->n_segments == 1)
        {
          cairo_arc (cr, self->cx, self->cy, self->outer, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, 2 * G_PI, 0);
        }
      else
        {
          cairo_arc (cr, self->cx, self->cy, self->outer, segment->start - G_PI / 2,
                     segment->end - G_PI / 2);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, segment->end - G_PI / 2,
                              segment->start - G_PI / 2);
          cairo_close_path (cr);
        }
      pathway_chart_theme_fill_rating (theme, cr, segment->rating);
    }
  cairo_restore (cr);

  pathway_chart_theme_set_source (cr, &theme->text_dim);
  cairo_set_line_width (cr, theme->leader_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->n_segments; i++)
    {
      const PathwayDonutSegment *segment = &self->segments[i];

      if (pathway_chart_layout_get_label (layout, segment->label) == NULL)
        continue;
      cairo_move_to (cr, segment->leader[0][0], segment->leader[0][1]);
      cairo_line_to (cr, segment->leader[1][0], segment->leader[1][1]);
      cairo_line_to (cr, segment->leader[2][0], segment->leader[2][1]);
      cairo_stroke (cr);
    }

  pathway_chart_draw_legend (layout, cr, self->entries, self->n_entries);
  pathway_chart_layout_draw_labels (layout, cr);
}

static char *
describe_rating (const PathwayChartData *data, guint total, PathwayRating rating)
{
  guint percents[PATHWAY_N_RATINGS];
  g_autofree char *actions = pathway_chart_format_actions (data->counts[rating]);
  g_autofree char *share = NULL;

  pathway_chart_percentages (data->counts, percents);
  share = pathway_chart_format_percent (percents[rating], data->counts[rating], total);
  /* TRANSLATORS: what is under the pointer on a chart: "Amber: 30 actions (27%)". */
  return g_strdup_printf (_("%s: %s (%s)"), data->rating_labels[rating], actions, share);
}

char *
pathway_donut_layout_describe_at (const PathwayDonutLayout *self, const PathwayChartData *data,
                                  double x, double y)
{
  const PathwayChartLayout *layout = &self->parent;
  double dx = x - self->cx, dy = y - self->cy;
  double distance = hypot (dx, dy);

  if (self->total == 0)
    return NULL;

  for (guint i = 0; i < self->n_segments; i++)
    {
      const PathwayChartLabel *label = pathway_chart_layout_get_label (layout,
                                                                       self->segments[i].label);

      if (label != NULL && pathway_chart_box_contains (&label->box, x, y))
        return describe_rating (data, self->total, self->segments[i].rating);
    }
  for (guint i = 0; i < self->n_entries; i++)
    {
      const PathwayChartLabel *label = pathway_chart_layout_get_label (layout,
                                                                       self->entries[i].label);

      if (label != NULL && (pathway_chart_box_contains (&label->box, x, y)
                            || pathway_chart_box_contains (&self->entries[i].swatch, x, y)))
        return describe_rating (data, self->total, self->entries[i].rating);
    }

  if (distance >= self->inner && distance <= self->outer)
    {
      double angle = atan2 (dx, -dy);

      if (angle < 0)
        angle += 2 * G_PI;
      for (guint i = 0; i < self->n_segments; i++)
        if (angle >= self->segments[i].start && angle <= self->segments[i].end)
          return describe_rating (data, self->total, self->segments[i].rating);
    }
  if (distance < self->inner)
    return pathway_chart_format_actions (self->total);
  return NULL;
}

char *
pathway_donut_describe (const PathwayChartData *data)
{
  GString *out = g_string_new (data->title);
  guint percents[PATHWAY_N_RATINGS];
  guint total = 0;
  gboolean first = TRUE;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += data->counts[r];
  if (total == 0)
    {
      g_string_append_printf (out, ": %s.", _("no actions yet"));
      return g_string_free (out, FALSE);
    }

  pathway_chart_percentages (data->counts, percents);
  {
    g_autofree char *actions = pathway_chart_format_actions (total);

    g_string_append_printf (out, ": %s. ", actions);
  }
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];
      g_autofree char *text = NULL;

      if (!data->shown[r] && data->counts[r] == 0)
        continue;
      text = segment_text (data, r, percents);
      if (!first)
        g_string_append (out, ", ");
      g_string_append (out, text);
      first = FALSE;
    }
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}
