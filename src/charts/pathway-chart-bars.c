/* pathway-chart-bars.c: ratings by workstream as horizontal stacked bars on one scale, so a
 * bar's length is its number of actions. The workstream's code and title sit beside the bar
 * (above it when the chart is too narrow for both), the total at the bar's end, the rating's
 * letter and count inside each segment with room for them, and a legend of the programme's
 * words on top. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-private.h"

/* Names may take this share of the width before they are shortened or put above the bars. */
#define NAME_SHARE 0.38

static PangoLayout *
name_text (PathwayChartLayout *layout, const PathwayChartRow *row, double max_width)
{
  g_autofree char *text = NULL;
  PangoLayout *pango;

  if (row->code[0] == '\0')
    return pathway_chart_layout_text (layout, row->title, PATHWAY_CHART_FONT_NORMAL, max_width);

  /* The code in bold, as on the workstream's badge in the app. */
  text = g_strdup_printf ("%s  %s", row->code, row->title);
  pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL, max_width);
  {
    PangoAttrList *attrs = pango_attr_list_new ();
    PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

    bold->start_index = 0;
    bold->end_index = (guint) strlen (row->code);
    pango_attr_list_insert (attrs, bold);
    pango_layout_set_attributes (pango, attrs);
    pango_attr_list_unref (attrs);
  }
  return pango;
}

static guint
row_total (const PathwayChartRow *row)
{
  guint total = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += row->counts[r];
  return total;
}

/* Puts "R 7" inside a segment, or "7", or nothing, whichever fits. */
static int
label_segment (PathwayChartLayout *layout, const PathwayChartSegment *segment)
{
  const PathwayChartTheme *theme = &layout->theme;
  g_autofree char *count = pathway_chart_format_count (segment->count);
  g_autofree char *with_letter = g_strdup_printf ("%s %s", pathway_rating_letter (segment->rating),
                                                  count);
  const char *texts[] = { with_letter, count };
  double pad = theme->font_size * 0.3;
  /* Not rated has a dash for a letter, which would read as a minus sign. */
  guint first = segment->rating == PATHWAY_RATING_NONE ? 1 : 0;

  for (guint i = first; i < G_N_ELEMENTS (texts); i++)
    {
      PangoLayout *text = pathway_chart_layout_text (layout, texts[i], PATHWAY_CHART_FONT_BOLD,
                                                     -1);
      double w, h;

      pathway_chart_text_size (text, &w, &h);
      if (w + 2 * pad <= segment->rect.width && h <= segment->rect.height)
        {
          int index = pathway_chart_layout_add_label (
            layout, text, segment->rect.x + (segment->rect.width - w) / 2,
            segment->rect.y + (segment->rect.height - h) / 2, &theme->on_fill[segment->rating]);

          if (theme->pattern[segment->rating] != PATHWAY_CHART_PATTERN_NONE)
            pathway_chart_layout_peek_label (layout, index)->plate = theme->fill[segment->rating];
          return index;
        }
      g_object_unref (text);
    }
  return -1;
}

PathwayChartLayout *
pathway_bars_layout_new (const PathwayChartData *data, double width, double height,
                         PathwayChartStyle style)
{
  PathwayBarsLayout *self = g_new0 (PathwayBarsLayout, 1);
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  guint n = data->rows ? data->rows->len : 0;
  PathwayRating ratings[PATHWAY_N_RATINGS];
  char *texts[PATHWAY_N_RATINGS];
  PathwayChartBox legend_area;
  double line, top, band, thickness, max_name = 0, max_total_w = 0, name_w, bar_x, bar_room;
  guint max_total = 0, n_ratings = 0;

  pathway_chart_layout_init (layout, PATHWAY_CHART_RATING_BY_WORKSTREAM, width, height, style);
  self->rows = g_array_new (FALSE, TRUE, sizeof (PathwayBarRow));
  line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);

  for (guint i = 0; i < n; i++)
    max_total = MAX (max_total, row_total (&g_array_index (data->rows, PathwayChartRow, i)));
  if (n == 0 || max_total == 0)
    {
      pathway_chart_layout_add_message (layout, n == 0 ? _("No workstreams yet")
                                                       : _("No actions yet"));
      pathway_chart_layout_settle (layout);
      return layout;
    }

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];

      if (!data->shown[r])
        continue;
      ratings[n_ratings] = r;
      texts[n_ratings++] = data->rating_labels[r];
    }
  legend_area = (PathwayChartBox) { theme->margin, theme->margin, width - 2 * theme->margin,
                                    height - 2 * theme->margin };
  top = theme->margin + pathway_chart_layout_legend (layout, ratings, texts, NULL, n_ratings,
                                                     &legend_area, FALSE, self->entries)
        + theme->gap * 1.5;
  self->n_entries = n_ratings;

  for (guint i = 0; i < n; i++)
    {
      const PathwayChartRow *row = &g_array_index (data->rows, PathwayChartRow, i);
      g_autoptr(PangoLayout) name = name_text (layout, row, -1);
      g_autofree char *total = pathway_chart_format_count (row_total (row));
      g_autoptr(PangoLayout) total_text = pathway_chart_layout_text (layout, total,
                                                                     PATHWAY_CHART_FONT_NORMAL,
                                                                     -1);
      double w;

      pathway_chart_text_size (name, &w, NULL);
      max_name = MAX (max_name, w);
      pathway_chart_text_size (total_text, &w, NULL);
      max_total_w = MAX (max_total_w, w);
    }

  band = (height - theme->margin - top) / n;
  name_w = MIN (max_name, (width - 2 * theme->margin) * NAME_SHARE);
  /* A narrow chart with long names: each name above its bar, across the whole width. */
  self->names_above = max_name > name_w && band >= line * 2.1;
  /* Rows keep together under the legend in a tall chart rather than drifting apart. */
  if (self->names_above)
    {
      band = MIN (band, line * 3.6);
      name_w = width - 2 * theme->margin;
      bar_x = theme->margin;
      thickness = MIN (band - line - theme->gap * 0.8, line * 1.6);
    }
  else
    {
      band = MIN (band, line * 3.0);
      bar_x = theme->margin + name_w + theme->gap * 1.5;
      thickness = MIN (band * 0.64, line * 1.7);
    }
  thickness = MAX (thickness, 1.0);
  bar_room = width - theme->margin - max_total_w - theme->gap - bar_x;
  self->scale = MAX (bar_room, 0) / max_total;

  for (guint i = 0; i < n; i++)
    {
      const PathwayChartRow *row = &g_array_index (data->rows, PathwayChartRow, i);
      PathwayBarRow bar = { { 0 } };
      double band_y = top + i * band, bar_y, name_y, x;
      g_autofree char *total = NULL;
      PangoLayout *text;
      double w, h;

      if (self->names_above)
        {
          name_y = band_y + (band - (line + theme->gap * 0.3 + thickness)) / 2;
          bar_y = name_y + line + theme->gap * 0.3;
        }
      else
        {
          bar_y = band_y + (band - thickness) / 2;
          name_y = band_y + (band - line) / 2;
        }

      bar.row = (PathwayChartBox) { theme->margin, band_y, width - 2 * theme->margin, band };
      bar.total = row_total (row);
      bar.bar = (PathwayChartBox) { bar_x, bar_y, bar.total * self->scale, thickness };
      bar.name_label = pathway_chart_layout_add_label (layout, name_text (layout, row, name_w),
                                                       theme->margin, name_y, &theme->text);

      total = pathway_chart_format_count (bar.total);
      text = pathway_chart_layout_text (layout, total, PATHWAY_CHART_FONT_NORMAL, -1);
      pathway_chart_text_size (text, &w, &h);
      bar.total_label = pathway_chart_layout_add_label (layout, text,
                                                        bar_x + bar.bar.width + theme->gap,
                                                        bar_y + (thickness - h) / 2,
                                                        &theme->text_dim);

      x = bar_x;
      for (guint k = 0; k < PATHWAY_N_RATINGS; k++)
        {
          PathwayRating r = pathway_chart_rating_order[k];
          PathwayChartSegment *segment;

          if (row->counts[r] == 0)
            continue;
          segment = &bar.segments[bar.n_segments++];
          segment->rating = r;
          segment->count = row->counts[r];
          segment->rect = (PathwayChartBox) { x, bar_y, row->counts[r] * self->scale, thickness };
          x += segment->rect.width;
        }
      g_array_append_val (self->rows, bar);
    }

  /* Counts inside segments come last: the names, totals and legend matter more. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      PathwayBarRow *bar = &g_array_index (self->rows, PathwayBarRow, i);

      for (guint k = 0; k < bar->n_segments; k++)
        bar->segments[k].label = label_segment (layout, &bar->segments[k]);
    }

  pathway_chart_layout_settle (layout);
  return layout;
}

void
pathway_bars_layout_free (PathwayBarsLayout *self)
{
  g_clear_pointer (&self->rows, g_array_unref);
  pathway_chart_layout_clear (&self->parent);
  g_free (self);
}

static void
rounded_bar (cairo_t *cr, const PathwayChartBox *box, double r)
{
  r = MIN (r, MIN (box->width, box->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, box->x + box->width - r, box->y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, box->x + box->width - r, box->y + box->height - r, r, 0, G_PI / 2);
  cairo_arc (cr, box->x + r, box->y + box->height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, box->x + r, box->y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
pathway_bars_layout_draw (const PathwayBarsLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  gboolean print = theme->outline.alpha > 0;

  if (self->rows->len == 0)
    {
      pathway_chart_layout_draw_message (layout, cr);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      const PathwayBarRow *bar = &g_array_index (self->rows, PathwayBarRow, i);

      if (bar->bar.width <= 0)
        continue;
      cairo_save (cr);
      /* Rounded ends on screen; square in print, where every segment has its outline. */
      if (!print)
        {
          rounded_bar (cr, &bar->bar, MIN (bar->bar.height * 0.2, theme->font_size * 0.3));
          cairo_clip (cr);
        }
      if (!print && bar->n_segments > 1)
        {
          double lines[PATHWAY_N_RATINGS][4];

          for (guint k = 1; k < bar->n_segments; k++)
            {
              lines[k - 1][0] = lines[k - 1][2] = bar->segments[k].rect.x;
              lines[k - 1][1] = bar->bar.y - 1;
              lines[k - 1][3] = bar->bar.y + bar->bar.height + 1;
            }
          pathway_chart_clip_out_lines (cr, layout, (const double (*)[4]) lines,
                                        bar->n_segments - 1,
                                        MAX (theme->separator_width * 0.6, 1.0));
        }
      for (guint k = 0; k < bar->n_segments; k++)
        {
          const PathwayChartSegment *segment = &bar->segments[k];

          cairo_rectangle (cr, segment->rect.x, segment->rect.y, segment->rect.width,
                           segment->rect.height);
          pathway_chart_theme_fill_rating (theme, cr, segment->rating);
        }
      cairo_restore (cr);
    }

  pathway_chart_draw_legend (layout, cr, self->entries, self->n_entries);
  pathway_chart_layout_draw_labels (layout, cr);
}

static char *
row_name (const PathwayChartRow *row)
{
  if (row->code[0] == '\0')
    return g_strdup (row->title);
  return g_strdup_printf ("%s %s", row->code, row->title);
}

static void
append_counts (GString *out, const PathwayChartData *data, const PathwayChartRow *row)
{
  gboolean first = TRUE;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating r = pathway_chart_rating_order[i];
      g_autofree char *count = NULL;

      if (!data->shown[r] && row->counts[r] == 0)
        continue;
      count = pathway_chart_format_count (row->counts[r]);
      g_string_append_printf (out, "%s%s %s", first ? "" : ", ", data->rating_labels[r], count);
      first = FALSE;
    }
}

static char *
describe_row (const PathwayChartData *data, const PathwayChartRow *row)
{
  g_autofree char *name = row_name (row);
  g_autofree char *actions = pathway_chart_format_actions (row_total (row));
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s: %s (", name, actions);
  append_counts (out, data, row);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

char *
pathway_bars_layout_describe_at (const PathwayBarsLayout *self, const PathwayChartData *data,
                                 double x, double y)
{
  const PathwayChartLegendEntry *entry;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const PathwayBarRow *bar = &g_array_index (self->rows, PathwayBarRow, i);
      const PathwayChartRow *row = &g_array_index (data->rows, PathwayChartRow, i);

      if (!pathway_chart_box_contains (&bar->row, x, y))
        continue;
      for (guint k = 0; k < bar->n_segments; k++)
        {
          const PathwayChartSegment *segment = &bar->segments[k];

          if (pathway_chart_box_contains (&segment->rect, x, y))
            {
              g_autofree char *name = row_name (row);
              g_autofree char *actions = pathway_chart_format_actions (segment->count);
              guint percents[PATHWAY_N_RATINGS];
              g_autofree char *share = NULL;

              pathway_chart_percentages (row->counts, percents);
              share = pathway_chart_format_percent (percents[segment->rating], segment->count,
                                                    row_total (row));
              /* TRANSLATORS: a workstream's bar segment under the pointer:
               * "A Co-production – Amber: 5 actions (24%)". */
              return g_strdup_printf (_("%s – %s: %s (%s)"), name,
                                      data->rating_labels[segment->rating], actions, share);
            }
        }
      return describe_row (data, row);
    }

  entry = pathway_chart_legend_entry_at (&self->parent, self->entries, self->n_entries, x, y);
  return entry != NULL ? g_strdup (data->rating_labels[entry->rating]) : NULL;
}

char *
pathway_bars_describe (const PathwayChartData *data)
{
  GString *out = g_string_new (data->title);
  guint n = data->rows ? data->rows->len : 0;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += row_total (&g_array_index (data->rows, PathwayChartRow, i));
  if (n == 0 || total == 0)
    {
      g_string_append_printf (out, ": %s.", n == 0 ? _("no workstreams yet")
                                                   : _("no actions yet"));
      return g_string_free (out, FALSE);
    }
  g_string_append_c (out, ':');
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row = describe_row (data, &g_array_index (data->rows, PathwayChartRow, i));

      g_string_append_printf (out, " %s.", row);
    }
  return g_string_free (out, FALSE);
}
