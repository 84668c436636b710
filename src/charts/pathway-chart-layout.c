/* pathway-chart-layout.c: the pieces every chart's layout shares: measured labels and the
 * rule that keeps them apart and inside the chart, legends, round axis steps, month labels
 * that never touch, and the arithmetic of per cents. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-layout.h"

/* Labels may touch; they may not overlap by more than rounding. */
#define EPSILON 0.01

const PathwayRating pathway_chart_rating_order[PATHWAY_N_RATINGS] = {
  PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN, PATHWAY_RATING_BLUE,
  PATHWAY_RATING_NONE,
};

gboolean
pathway_chart_box_intersects (const PathwayChartBox *a, const PathwayChartBox *b)
{
  return a->x + EPSILON < b->x + b->width && b->x + EPSILON < a->x + a->width
         && a->y + EPSILON < b->y + b->height && b->y + EPSILON < a->y + a->height;
}

gboolean
pathway_chart_box_contains (const PathwayChartBox *box, double x, double y)
{
  return x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height;
}

gboolean
pathway_chart_box_inside (const PathwayChartBox *inner, const PathwayChartBox *outer)
{
  return inner->x >= outer->x - EPSILON && inner->y >= outer->y - EPSILON
         && inner->x + inner->width <= outer->x + outer->width + EPSILON
         && inner->y + inner->height <= outer->y + outer->height + EPSILON;
}

static void
label_clear (gpointer data)
{
  PathwayChartLabel *label = data;

  g_clear_object (&label->text);
}

void
pathway_chart_layout_init (PathwayChartLayout *layout, PathwayChartKind kind, double width,
                           double height, PathwayChartStyle style)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *base;

  memset (layout, 0, sizeof *layout);
  layout->kind = kind;
  layout->width = width;
  layout->height = height;
  layout->style = style;
  layout->message = -1;
  pathway_chart_theme_init (&layout->theme, style, width, height);

  /* Text is measured the same way for every surface (no hinting of metrics, positions not
   * rounded to pixels), so a chart lays out alike on screen, in a PNG and in a PDF, and the
   * boxes the tests check are the boxes drawn. */
  layout->context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (layout->context, FALSE);
  pango_context_set_language (layout->context, pango_language_get_default ());

  base = pango_font_description_from_string (layout->theme.font_family);
  for (guint f = 0; f < G_N_ELEMENTS (layout->fonts); f++)
    {
      PangoFontDescription *font = pango_font_description_copy (base);
      double size = layout->theme.font_size;

      if (f == PATHWAY_CHART_FONT_BIG)
        size = layout->theme.big_font_size;
      else if (f == PATHWAY_CHART_FONT_TITLE)
        size = layout->theme.title_font_size;
      if (f != PATHWAY_CHART_FONT_NORMAL)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      layout->fonts[f] = font;
    }
  pango_font_description_free (base);

  layout->labels = g_array_new (FALSE, TRUE, sizeof (PathwayChartLabel));
  g_array_set_clear_func (layout->labels, label_clear);
}

void
pathway_chart_layout_clear (PathwayChartLayout *layout)
{
  g_clear_pointer (&layout->labels, g_array_unref);
  for (guint f = 0; f < G_N_ELEMENTS (layout->fonts); f++)
    g_clear_pointer (&layout->fonts[f], pango_font_description_free);
  g_clear_object (&layout->context);
}

PathwayChartBox
pathway_chart_layout_bounds (const PathwayChartLayout *layout)
{
  return (PathwayChartBox) { 0, 0, layout->width, layout->height };
}

PangoLayout *
pathway_chart_layout_text (PathwayChartLayout *layout, const char *text, PathwayChartFont font,
                           double max_width)
{
  PangoLayout *pango = pango_layout_new (layout->context);

  pango_layout_set_font_description (pango, layout->fonts[font]);
  pango_layout_set_single_paragraph_mode (pango, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (pango, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_END);
    }
  /* The user's text is text, never markup. */
  pango_layout_set_text (pango, text ? text : "", -1);
  return pango;
}

void
pathway_chart_text_size (PangoLayout *text, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
pathway_chart_layout_text_width (PathwayChartLayout *layout, const char *text,
                                 PathwayChartFont font)
{
  g_autoptr(PangoLayout) pango = pathway_chart_layout_text (layout, text, font, -1);
  double width = 0;

  pathway_chart_text_size (pango, &width, NULL);
  return width;
}

PangoLayout *
pathway_chart_layout_text_with_suffix (PathwayChartLayout *layout, const char *word,
                                       const char *suffix, PathwayChartFont font,
                                       double max_width)
{
  g_autofree char *full = suffix ? g_strdup_printf ("%s %s", word, suffix) : g_strdup (word);
  PangoLayout *text = pathway_chart_layout_text (layout, full, font, -1);
  glong lo = 0, hi = g_utf8_strlen (word, -1);
  double w;

  pathway_chart_text_size (text, &w, NULL);
  if (w <= max_width || suffix == NULL)
    {
      g_object_unref (text);
      return pathway_chart_layout_text (layout, full, font, max_width);
    }

  /* The longest start of the word that fits with an ellipsis and the suffix. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *start = g_utf8_substring (word, 0, mid);
      g_autofree char *candidate = g_strdup_printf ("%s… %s", g_strchomp (start), suffix);

      pango_layout_set_text (text, candidate, -1);
      pathway_chart_text_size (text, &w, NULL);
      if (w <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo == 0)
    {
      g_object_unref (text);
      return pathway_chart_layout_text (layout, full, font, max_width);
    }
  {
    g_autofree char *start = g_utf8_substring (word, 0, lo);
    g_autofree char *shortened = g_strdup_printf ("%s… %s", g_strchomp (start), suffix);

    pango_layout_set_text (text, shortened, -1);
  }
  return text;
}

double
pathway_chart_layout_line_height (PathwayChartLayout *layout, PathwayChartFont font)
{
  g_autoptr(PangoLayout) text = pathway_chart_layout_text (layout, "Ag", font, -1);
  double height;

  pathway_chart_text_size (text, NULL, &height);
  return height;
}

int
pathway_chart_layout_add_label (PathwayChartLayout *layout, PangoLayout *text, double x,
                                double y, const PathwayChartColour *colour)
{
  PathwayChartLabel label = { { x, y, 0, 0 }, text, *colour, { 0 }, TRUE };

  pathway_chart_text_size (text, &label.box.width, &label.box.height);
  g_array_append_val (layout->labels, label);
  return (int) layout->labels->len - 1;
}

PathwayChartLabel *
pathway_chart_layout_peek_label (PathwayChartLayout *layout, int index)
{
  if (index < 0 || (guint) index >= layout->labels->len)
    return NULL;
  return &g_array_index (layout->labels, PathwayChartLabel, index);
}

const PathwayChartLabel *
pathway_chart_layout_get_label (const PathwayChartLayout *layout, int index)
{
  const PathwayChartLabel *label;

  if (index < 0 || (guint) index >= layout->labels->len)
    return NULL;
  label = &g_array_index (layout->labels, PathwayChartLabel, index);
  return label->visible ? label : NULL;
}

void
pathway_chart_layout_add_message (PathwayChartLayout *layout, const char *message)
{
  double max_width = layout->width - 2 * layout->theme.margin;
  PangoLayout *text = pathway_chart_layout_text (layout, message, PATHWAY_CHART_FONT_NORMAL,
                                                 MAX (max_width, 1.0));
  double w, h;

  pathway_chart_text_size (text, &w, &h);
  layout->message = pathway_chart_layout_add_label (layout, text, (layout->width - w) / 2,
                                                    (layout->height - h) / 2,
                                                    &layout->theme.text_dim);
}

void
pathway_chart_layout_settle (PathwayChartLayout *layout)
{
  PathwayChartBox bounds = pathway_chart_layout_bounds (layout);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      PathwayChartLabel *label = &g_array_index (layout->labels, PathwayChartLabel, i);

      if (!label->visible)
        continue;
      if (!pathway_chart_box_inside (&label->box, &bounds) || label->box.width <= 0)
        {
          label->visible = FALSE;
          continue;
        }
      for (guint j = 0; j < i; j++)
        {
          const PathwayChartLabel *kept = &g_array_index (layout->labels, PathwayChartLabel, j);

          if (kept->visible && pathway_chart_box_intersects (&label->box, &kept->box))
            {
              label->visible = FALSE;
              break;
            }
        }
    }
}

void
pathway_chart_show_text (cairo_t *cr, PangoLayout *text, double x, double y,
                         const PathwayChartColour *colour)
{
  pathway_chart_theme_set_source (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

void
pathway_chart_rounded_rectangle (cairo_t *cr, double x, double y, double w, double h,
                                 double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
pathway_chart_clip_out_lines (cairo_t *cr, const PathwayChartLayout *layout,
                              const double (*lines)[4], guint n, double width)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  for (guint i = 0; i < n; i++)
    {
      double dx = lines[i][2] - lines[i][0], dy = lines[i][3] - lines[i][1];
      double length = hypot (dx, dy);
      double nx, ny;

      if (length <= 0)
        continue;
      nx = -dy / length * width / 2;
      ny = dx / length * width / 2;
      cairo_move_to (cr, lines[i][0] + nx, lines[i][1] + ny);
      cairo_line_to (cr, lines[i][2] + nx, lines[i][3] + ny);
      cairo_line_to (cr, lines[i][2] - nx, lines[i][3] - ny);
      cairo_line_to (cr, lines[i][0] - nx, lines[i][1] - ny);
      cairo_close_path (cr);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

void
pathway_chart_layout_draw_labels (const PathwayChartLayout *layout, cairo_t *cr)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const PathwayChartLabel *label = &g_array_index (layout->labels, PathwayChartLabel, i);

      if (!label->visible || (int) i == layout->message)
        continue;
      if (label->plate.alpha > 0)
        {
          double pad = layout->theme.font_size * 0.15;

          pathway_chart_rounded_rectangle (cr, label->box.x - pad, label->box.y,
                                           label->box.width + 2 * pad, label->box.height,
                                           pad * 1.5);
          pathway_chart_theme_set_source (cr, &label->plate);
          cairo_fill (cr);
        }
      pathway_chart_show_text (cr, label->text, label->box.x, label->box.y, &label->colour);
    }
}

void
pathway_chart_layout_draw_message (const PathwayChartLayout *layout, cairo_t *cr)
{
  const PathwayChartLabel *label = pathway_chart_layout_get_label (layout, layout->message);

  if (label != NULL)
    pathway_chart_show_text (cr, label->text, label->box.x, label->box.y, &label->colour);
}

/* Legends ---------------------------------------------------------------------------------- */

void
pathway_chart_layout_measure_legend (PathwayChartLayout *layout, char **texts, guint n,
                                     double max_width, gboolean column, double *width,
                                     double *height)
{
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double row_width = 0, widest = 0, total_height = n > 0 ? line : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) text = pathway_chart_layout_text (layout, texts[i],
                                                               PATHWAY_CHART_FONT_NORMAL, -1);
      double w;

      pathway_chart_text_size (text, &w, NULL);
      w = MIN (w + theme->swatch_size + theme->gap, max_width);
      if (column)
        {
          widest = MAX (widest, w);
          if (i > 0)
            total_height += line + theme->gap * 0.5;
          continue;
        }
      if (row_width > 0 && row_width + theme->gap * 2 + w > max_width)
        {
          widest = MAX (widest, row_width);
          total_height += line + theme->gap * 0.5;
          row_width = w;
        }
      else
        {
          row_width += (row_width > 0 ? theme->gap * 2 : 0) + w;
        }
    }
  widest = MAX (widest, row_width);
  if (width)
    *width = widest;
  if (height)
    *height = total_height;
}

double
pathway_chart_layout_legend (PathwayChartLayout *layout, const PathwayRating *ratings,
                             char **texts, char **suffixes, guint n, const PathwayChartBox *area,
                             gboolean column, PathwayChartLegendEntry *entries)
{
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double text_room = area->width - theme->swatch_size - theme->gap;
  double x = area->x, y = area->y;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      PathwayChartLegendEntry *entry = &entries[i];
      PangoLayout *text;
      double w, h;

      entry->rating = ratings[i];
      entry->label = -1;
      if (text_room < theme->font_size * 2)
        {
          entry->swatch = (PathwayChartBox) { 0 };
          continue;
        }

      text = pathway_chart_layout_text_with_suffix (layout, texts[i],
                                                    suffixes ? suffixes[i] : NULL,
                                                    PATHWAY_CHART_FONT_NORMAL, text_room);
      pathway_chart_text_size (text, &w, &h);
      if (x > area->x
          && (column || x + theme->swatch_size + theme->gap + w > area->x + area->width))
        {
          x = area->x;
          y += line + theme->gap * 0.5;
        }
      entry->swatch = (PathwayChartBox) {
        x, y + (line - theme->swatch_size) / 2, theme->swatch_size, theme->swatch_size
      };
      entry->label = pathway_chart_layout_add_label (layout, text,
                                                     x + theme->swatch_size + theme->gap, y,
                                                     &theme->text);
      x += theme->swatch_size + theme->gap + w + theme->gap * 2;
    }

  return y + line - area->y;
}

void
pathway_chart_draw_swatch (const PathwayChartTheme *theme, cairo_t *cr, PathwayRating rating,
                           const PathwayChartBox *box)
{
  double r = box->width * 0.2;

  pathway_chart_rounded_rectangle (cr, box->x, box->y, box->width, box->height, r);
  pathway_chart_theme_fill_rating (theme, cr, rating);
}

const PathwayChartLegendEntry *
pathway_chart_legend_entry_at (const PathwayChartLayout *layout,
                               const PathwayChartLegendEntry *entries, guint n, double x,
                               double y)
{
  for (guint i = 0; i < n; i++)
    {
      const PathwayChartLabel *label = pathway_chart_layout_get_label (layout, entries[i].label);

      if (label != NULL && pathway_chart_box_contains (&label->box, x, y))
        return &entries[i];
    }
  return NULL;
}

void
pathway_chart_draw_legend (const PathwayChartLayout *layout, cairo_t *cr,
                           const PathwayChartLegendEntry *entries, guint n)
{
  for (guint i = 0; i < n; i++)
    if (pathway_chart_layout_get_label (layout, entries[i].label) != NULL)
      pathway_chart_draw_swatch (&layout->theme, cr, entries[i].rating, &entries[i].swatch);
}

/* Axes -------------------------------------------------------------------------------------- */

double
pathway_chart_nice_step (double *lo, double *hi, guint max_ticks, gboolean whole)
{
  static const double nice[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double range, raw, magnitude, step = 1.0;

  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = 0;
      *hi = 1;
    }
  if (*hi < *lo)
    {
      double t = *lo;

      *lo = *hi;
      *hi = t;
    }
  if (*hi - *lo <= fabs (*hi) * 1e-12)
    {
      /* One value: give it room either side, keeping zero as the floor for positive ones. */
      double pad = fabs (*hi) > 0 ? fabs (*hi) * 0.1 : 1.0;

      *hi += pad;
      *lo = *lo >= 0 && *lo - pad < 0 ? 0 : *lo - pad;
    }

  max_ticks = MAX (max_ticks, 2);
  range = *hi - *lo;
  raw = range / (max_ticks - 1);
  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    {
      step = nice[i] * magnitude;
      if (step >= raw * (1 - 1e-9))
        break;
    }
  /* 2.5 makes sense for values, not for whole steps like 25 when 20 would do. */
  if (whole)
    step = MAX (step, 1.0);
  if (whole && fmod (step, 1.0) != 0)
    step = ceil (step);

  *lo = floor (*lo / step + 1e-9) * step;
  *hi = ceil (*hi / step - 1e-9) * step;
  return step;
}

int
pathway_chart_decimals_for_step (double step)
{
  int decimals = 0;

  if (!isfinite (step) || step <= 0)
    return 0;
  while (decimals < 12 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals)))
                          > 1e-6 * step * pow (10, decimals))
    decimals++;
  return decimals;
}

static void
append_grouped (GString *out, const char *digits)
{
  size_t n = strlen (digits);

  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
pathway_chart_format_number (double value, int decimals)
{
  GString *out = g_string_new (NULL);
  g_autofree char *text = NULL;
  char *point;

  if (!isfinite (value))
    {
      g_string_append (out, "–");
      return g_string_free (out, FALSE);
    }

  /* Beyond a trillion, grouped digits stop being readable. */
  if (fabs (value) >= 1e12)
    {
      g_string_printf (out, "%.3g", value);
      return g_string_free (out, FALSE);
    }

  if (decimals < 0)
    {
      double magnitude = fabs (value);

      if (magnitude != 0 && magnitude < 0.01)
        {
          /* Tiny values keep two significant figures rather than becoming 0. */
          decimals = MIN ((int) ceil (-log10 (magnitude)) + 1, 12);
        }
      else if (fabs (value - round (value)) < 1e-9 * MAX (1.0, magnitude))
        decimals = 0;
      else if (magnitude >= 100)
        decimals = 0;
      else if (fabs (value * 10 - round (value * 10)) < 1e-6)
        decimals = 1;
      else
        decimals = 2;
    }

  text = g_strdup_printf ("%.*f", decimals, fabs (value));
  /* A value that rounds to zero has no sign. */
  if (value < 0 && strspn (text, "0.") != strlen (text))
    g_string_append (out, "−");
  point = strchr (text, '.');
  if (point != NULL)
    *point = '\0';
  append_grouped (out, text);
  if (point != NULL)
    {
      g_string_append_c (out, '.');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

char *
pathway_chart_format_count (guint count)
{
  return pathway_chart_format_number (count, 0);
}

char *
pathway_chart_format_month (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a month on a chart's axis, "Jan 2026" (strftime format): never a two-digit
   * year, which reads as a day ("Dec 25"). */
  if (g_date_strftime (buffer, sizeof buffer, _("%b %Y"), date) == 0)
    return g_strdup ("");
  /* g_date_strftime writes UTF-8 whatever the locale's encoding. */
  return g_strdup (buffer);
}

void
pathway_chart_layout_month_ticks (PathwayChartLayout *layout, const GDate *months,
                                  const double *xs, guint n, double top, double left,
                                  double right, GArray *ticks)
{
  static const guint steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200 };
  const PathwayChartTheme *theme = &layout->theme;
  double widest = 0, pitch = G_MAXDOUBLE, last_right = -G_MAXDOUBLE;
  gboolean measured[12] = { FALSE };
  guint step = steps[G_N_ELEMENTS (steps) - 1];
  guint round_months = 0;

  if (n == 0)
    return;

  /* Month names differ in width; the digits of the year do not. */
  for (guint i = 0; i < n; i++)
    {
      guint m = g_date_get_month (&months[i]) - 1;

      if (!measured[m])
        {
          g_autofree char *text = pathway_chart_format_month (&months[i]);
          widest = MAX (widest,
                        pathway_chart_layout_text_width (layout, text, PATHWAY_CHART_FONT_NORMAL));
          measured[m] = TRUE;
        }
      if (i > 0)
        pitch = MIN (pitch, xs[i] - xs[i - 1]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (n == 1 || steps[i] * pitch >= widest + theme->gap * 2)
      {
        step = steps[i];
        break;
      }

  for (guint i = 0; i < n; i++)
    {
      guint index = g_date_get_year (&months[i]) * 12 + g_date_get_month (&months[i]) - 1;

      if (index % step == 0)
        round_months++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint index = g_date_get_year (&months[i]) * 12 + g_date_get_month (&months[i]) - 1;
      g_autofree char *text = NULL;
      PangoLayout *pango;
      PathwayChartTick tick;
      double w, x;

      /* Round months (January, each quarter) when the range has some; else from the first. */
      if (round_months >= MIN (n, 2) ? index % step != 0 : i % step != 0)
        continue;

      text = pathway_chart_format_month (&months[i]);
      pango = pathway_chart_layout_text (layout, text, PATHWAY_CHART_FONT_NORMAL, -1);
      pathway_chart_text_size (pango, &w, NULL);
      x = CLAMP (xs[i] - w / 2, left, right - w);
      if (x < last_right + theme->gap || x + w > right + EPSILON)
        {
          g_object_unref (pango);
          continue;
        }
      tick.value = g_date_get_julian (&months[i]);
      tick.position = xs[i];
      tick.label = pathway_chart_layout_add_label (layout, pango, x, top, &theme->text_dim);
      g_array_append_val (ticks, tick);
      last_right = x + w;
    }
}

/* Ratings ---------------------------------------------------------------------------------- */

void
pathway_chart_percentages (const guint counts[PATHWAY_N_RATINGS],
                           guint percents[PATHWAY_N_RATINGS])
{
  guint64 total = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += counts[r];
  /* Rounded half up, as the Overview and pathway-cli summary round, so a chart and the
   * figures beside it agree. */
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    percents[r] = total ? (guint) ((counts[r] * (guint64) 100 + total / 2) / total) : 0;
}

char *
pathway_chart_format_percent (guint percent, guint count, guint total)
{
  /* Rounding must not turn one action into none, nor all but one into all. */
  if (percent == 0 && count > 0)
    return g_strdup ("<1%");
  if (percent == 100 && count < total)
    return g_strdup (">99%");
  return g_strdup_printf ("%u%%", percent);
}
