/* pathway-chart-heatmap.c: the risk log as a heat map, open entries counted by likelihood (up
 * the rows, almost certain at the top) and impact (along the columns, severe at the right).
 * Each cell is coloured by the band of its score (likelihood times impact), in full where it
 * holds risks and as a tint where it holds none, with its count written in it; an empty cell
 * is blank. The programme's words for the levels stand beside and under the grid, wrapped onto
 * a second line or shortened when the chart is small, and become the level's number when not
 * even a shortened word fits; the axis titles and a legend of the bands come when there is
 * room for them. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-private.h"

#define LEVELS PATHWAY_CHART_RISK_LEVELS

/* The rows' words may take this share of the width before they wrap or are shortened. */
#define ROW_SHARE 0.3
/* Cells no wider than this many times their height, nor taller than wide: a grid stretched
 * further reads as bars. */
#define MAX_ASPECT 2.4

/* Bands in the order the legend lists them: the one a board looks for first, first. */
static const PathwayRiskBand band_order[PATHWAY_CHART_RISK_BANDS] = {
  PATHWAY_RISK_BAND_VERY_HIGH, PATHWAY_RISK_BAND_HIGH, PATHWAY_RISK_BAND_MEDIUM,
  PATHWAY_RISK_BAND_LOW,
};

/* Words ------------------------------------------------------------------------------------- */

static const char *
band_scores (PathwayRiskBand band)
{
  switch (band)
    {
    case PATHWAY_RISK_BAND_LOW:
      return "1–4";
    case PATHWAY_RISK_BAND_MEDIUM:
      return "5–9";
    case PATHWAY_RISK_BAND_HIGH:
      return "10–16";
    case PATHWAY_RISK_BAND_VERY_HIGH:
      return "20–25";
    case PATHWAY_RISK_BAND_NONE:
    default:
      return "";
    }
}

/* "High" as it reads inside a sentence: "score 16, high". */
static char *
band_word_lower (PathwayRiskBand band)
{
  const char *label = pathway_risk_band_label (band);
  gunichar first = g_utf8_get_char (label);
  g_autofree char *rest = g_strdup (g_utf8_next_char (label));
  char start[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_tolower (first), start);
  return g_strconcat (start, rest, NULL);
}

/* "1 risk", "12 risks", "no risks" */
static char *
format_risks (guint count)
{
  g_autofree char *number = NULL;

  if (count == 0)
    return g_strdup (_("no risks"));
  number = pathway_chart_format_count (count);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s risk", "%s risks", count), number);
}

/* "12 open risks" */
static char *
format_open_risks (guint count)
{
  g_autofree char *number = pathway_chart_format_count (count);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s open risk", "%s open risks", count),
                          number);
}

static guint
count_scored (const PathwayChartData *data)
{
  guint total = 0;

  for (guint l = 0; l < LEVELS; l++)
    for (guint i = 0; i < LEVELS; i++)
      total += data->risks[l][i];
  return total;
}

/* Fitting words ------------------------------------------------------------------------------ */

/* Breaks 'text' at spaces into at most 'max_lines' lines no wider than 'max_width' (more
 * words than fit go on the last line, which is then shortened when it is placed). Returns the
 * number of lines. */
static guint
wrap_words (PathwayChartLayout *layout, const char *text, PathwayChartFont font,
            double max_width, guint max_lines, GPtrArray *lines)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint n = 0;

  g_ptr_array_set_size (lines, 0);
  for (guint w = 0; words[w] != NULL; w++)
    {
      g_autofree char *candidate = NULL;

      if (*words[w] == '\0')
        continue;
      if (line->len == 0)
        {
          g_string_assign (line, words[w]);
          continue;
        }
      candidate = g_strdup_printf ("%s %s", line->str, words[w]);
      if (n + 1 < max_lines
          && pathway_chart_layout_text_width (layout, candidate, font) > max_width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          n++;
          g_string_assign (line, words[w]);
        }
      else
        g_string_assign (line, candidate);
    }
  g_ptr_array_add (lines, g_strdup (line->str));
  return n + 1;
}

/* Whether every word would be readable in lines of 'max_width': at least its first letters
 * and an ellipsis. */
static gboolean
words_fit (PathwayChartLayout *layout, char *const *words, PathwayChartFont font,
           double max_width)
{
  for (guint i = 0; i < LEVELS; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);
      g_autofree char *start = NULL;
      g_autofree char *shortest = NULL;

      /* A word of three letters or fewer shows whole or not at all. */
      if (length <= 3)
        {
          if (pathway_chart_layout_text_width (layout, words[i], font) > max_width)
            return FALSE;
          continue;
        }
      start = g_utf8_substring (words[i], 0, 2);
      shortest = g_strdup_printf ("%s…", start);
      if (pathway_chart_layout_text_width (layout, shortest, font) > max_width)
        return FALSE;
    }
  return TRUE;
}

/* The most lines any of the words takes in 'max_width', up to 'max_lines'. */
static guint
lines_needed (PathwayChartLayout *layout, char *const *words, double max_width,
              guint max_lines)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint most = 1;

  for (guint i = 0; i < LEVELS; i++)
    most = MAX (most, wrap_words (layout, words[i], PATHWAY_CHART_FONT_NORMAL, max_width,
                                  max_lines, lines));
  return most;
}

/* Places a level's words (or its number) as lines, each centred on 'cx' (or ending at 'right'
 * when 'right' > 0), the block centred on 'cy' (or from 'top' when 'top' >= 0); returns the
 * box the lines take. */
static PathwayChartBox
place_level (PathwayChartLayout *layout, const char *text, double max_width, guint max_lines,
             double cx, double right, double cy, double top)
{
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n = wrap_words (layout, text, PATHWAY_CHART_FONT_NORMAL, max_width, max_lines, lines);
  double y = top >= 0 ? top : cy - n * line / 2;
  double left = G_MAXDOUBLE, far = -G_MAXDOUBLE;

  for (guint k = 0; k < n; k++)
    {
      PangoLayout *text_k = pathway_chart_layout_text (layout, g_ptr_array_index (lines, k),
                                                       PATHWAY_CHART_FONT_NORMAL, max_width);
      double w, x;

      pathway_chart_text_size (text_k, &w, NULL);
      x = right > 0 ? right - w : cx - w / 2;
      pathway_chart_layout_add_label (layout, text_k, x, y + k * line, &theme->text);
      left = MIN (left, x);
      far = MAX (far, x + w);
    }
  return (PathwayChartBox) { left, y, MAX (far - left, 0), n * line };
}

/* Layout ------------------------------------------------------------------------------------ */

/* What a try at laying the chart out keeps: which parts it shows and the sizes that follow. */
typedef struct {
  gboolean titles;
  gboolean legend;
  gboolean legend_beside;
  gboolean row_numbers, column_numbers;
  double row_width;      /* the rows' words */
  double top, grid_x;
  double cell_w, cell_h;
  guint row_lines, column_lines;
  double legend_w, legend_h;
} Plan;

static void
plan_sizes (PathwayChartLayout *layout, const PathwayChartData *data, Plan *plan,
            char **legend_texts)
{
  const PathwayChartTheme *theme = &layout->theme;
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double title_line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_BOLD);
  double inner_w = layout->width - 2 * theme->margin;
  double widest = 0, grid_room, bottom;

  for (guint i = 0; i < LEVELS; i++)
    widest = MAX (widest, pathway_chart_layout_text_width (layout, data->likelihood_words[i],
                                                           PATHWAY_CHART_FONT_NORMAL));
  plan->row_width = MIN (widest, inner_w * ROW_SHARE);
  plan->row_numbers = !words_fit (layout, data->likelihood_words, PATHWAY_CHART_FONT_NORMAL,
                                  plan->row_width);
  if (plan->row_numbers)
    plan->row_width = pathway_chart_layout_text_width (layout, "5", PATHWAY_CHART_FONT_NORMAL);

  plan->top = theme->margin + (plan->titles ? title_line + theme->gap * 0.5 : 0);
  plan->grid_x = theme->margin + plan->row_width + theme->gap;
  plan->legend_w = plan->legend_h = 0;
  if (plan->legend)
    pathway_chart_layout_measure_legend (layout, legend_texts, PATHWAY_CHART_RISK_BANDS,
                                         inner_w, plan->legend_beside, &plan->legend_w,
                                         &plan->legend_h);
  grid_room = layout->width - theme->margin - plan->grid_x
              - (plan->legend_beside ? plan->legend_w + theme->gap * 2 : 0);
  plan->cell_w = MAX (grid_room, 0) / LEVELS;

  /* Narrowing the cells may wrap the columns' words onto more lines, which takes height
   * from the cells: settle in a few rounds. */
  for (guint round = 0; round < 3; round++)
    {
      double word_room = plan->cell_w - theme->gap * 0.6;
      double cell_w;

      plan->column_numbers = !words_fit (layout, data->impact_words, PATHWAY_CHART_FONT_NORMAL,
                                         word_room);
      plan->column_lines = plan->column_numbers
                             ? 1 : lines_needed (layout, data->impact_words, word_room, 2);
      bottom = theme->margin + plan->column_lines * line + theme->gap * 0.5
               + (plan->titles ? title_line + theme->gap * 0.3 : 0)
               + (plan->legend && !plan->legend_beside ? plan->legend_h + theme->gap : 0);
      plan->cell_h = MAX (layout->height - plan->top - bottom, 0) / LEVELS;
      cell_w = MIN (MAX (grid_room, 0) / LEVELS, plan->cell_h * MAX_ASPECT);
      if (fabs (cell_w - plan->cell_w) < 0.5)
        break;
      plan->cell_w = cell_w;
    }
  plan->cell_h = MIN (plan->cell_h, plan->cell_w);
  plan->row_lines = plan->cell_h >= 2 * line + theme->gap * 0.5 ? 2 : 1;
}

/* Whether a plan leaves cells big enough for their counts and a line of words beside each. */
static gboolean
plan_fits (PathwayChartLayout *layout, const Plan *plan)
{
  double line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);
  double count_w = pathway_chart_layout_text_width (layout, "99", PATHWAY_CHART_FONT_BOLD);

  return plan->cell_h >= line * 1.1 && plan->cell_w >= count_w + layout->theme.gap;
}

static void
label_cell (PathwayChartLayout *layout, PathwayHeatMapCell *cell)
{
  const PathwayChartTheme *theme = &layout->theme;
  g_autofree char *count = NULL;
  PangoLayout *text;
  double w, h, pad;

  cell->label = -1;
  cell->plate = (PathwayChartBox) { 0 };
  if (cell->count == 0)
    return;
  count = pathway_chart_format_count (cell->count);
  /* Large where the cell leaves room around it: the counts are what the chart is for. */
  text = pathway_chart_layout_text (layout, count, PATHWAY_CHART_FONT_BIG, -1);
  pathway_chart_text_size (text, &w, &h);
  if (h * 1.9 > cell->rect.height || w + h > cell->rect.width)
    {
      g_object_unref (text);
      text = pathway_chart_layout_text (layout, count, PATHWAY_CHART_FONT_BOLD, -1);
      pathway_chart_text_size (text, &w, &h);
    }
  if (w + theme->font_size * 0.3 > cell->rect.width || h > cell->rect.height)
    {
      g_object_unref (text);
      return;
    }
  cell->label = pathway_chart_layout_add_label (layout, text,
                                                cell->rect.x + (cell->rect.width - w) / 2,
                                                cell->rect.y + (cell->rect.height - h) / 2,
                                                &theme->on_band[cell->band]);
  /* On a pattern, the count sits on a plate of the band's fill, as wide as the cell allows. */
  if (theme->band_pattern[cell->band] != PATHWAY_CHART_PATTERN_NONE)
    {
      const PathwayChartBox *box = &pathway_chart_layout_get_label (layout, cell->label)->box;

      pad = MIN (h * 0.35, MIN (cell->rect.width - w, cell->rect.height - h) / 2);
      pad = MAX (pad, 0);
      cell->plate = (PathwayChartBox) { box->x - pad, box->y - pad * 0.6, w + 2 * pad,
                                        h + 1.2 * pad };
    }
}

PathwayChartLayout *
pathway_heat_map_layout_new (const PathwayChartData *data, double width, double height,
                             PathwayChartStyle style)
{
  PathwayHeatMapLayout *self = g_new0 (PathwayHeatMapLayout, 1);
  PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  char *legend_texts[PATHWAY_CHART_RISK_BANDS];
  char *legend_words[PATHWAY_CHART_RISK_BANDS];
  char *legend_suffixes[PATHWAY_CHART_RISK_BANDS];
  PathwayRating legend_ratings[PATHWAY_CHART_RISK_BANDS] = { 0 };
  /* From the richest to the barest; the first whose cells hold their counts is taken. */
  static const Plan tries[] = {
    { .titles = TRUE, .legend = TRUE, .legend_beside = TRUE },
    { .titles = TRUE, .legend = TRUE, .legend_beside = FALSE },
    { .titles = TRUE },
    { .titles = FALSE },
  };
  Plan plan = { 0 };
  double line, sep, grid_bottom, below;
  guint pick = G_N_ELEMENTS (tries) - 1;

  pathway_chart_layout_init (layout, PATHWAY_CHART_RISK_HEAT_MAP, width, height, style);
  self->likelihood_title = self->impact_title = -1;
  line = pathway_chart_layout_line_height (layout, PATHWAY_CHART_FONT_NORMAL);

  for (guint b = 0; b < PATHWAY_CHART_RISK_BANDS; b++)
    {
      legend_words[b] = (char *) pathway_risk_band_label (band_order[b]);
      legend_suffixes[b] = (char *) band_scores (band_order[b]);
      legend_texts[b] = g_strdup_printf ("%s %s", legend_words[b], legend_suffixes[b]);
    }

  for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
    {
      Plan candidate = tries[t];

      plan_sizes (layout, data, &candidate, legend_texts);
      /* A legend beside the grid only where the grid keeps cells wider than tall. */
      if (candidate.legend_beside && (candidate.cell_w < candidate.cell_h * 1.3
                                      || candidate.legend_h > candidate.cell_h * LEVELS))
        continue;
      if (plan_fits (layout, &candidate) || t == pick)
        {
          plan = candidate;
          break;
        }
    }

  self->row_numbers = plan.row_numbers;
  self->column_numbers = plan.column_numbers;
  self->legend_beside = plan.legend && plan.legend_beside;
  self->grid = (PathwayChartBox) { plan.grid_x, plan.top, plan.cell_w * LEVELS,
                                   plan.cell_h * LEVELS };
  /* On screen, cells are parted by gaps; on paper, by their outlines, one line between two. */
  sep = theme->outline.alpha > 0 ? 0 : MAX (theme->separator_width, 1.0);

  /* The cells and their counts first: they matter most. */
  for (guint l = 0; l < LEVELS; l++)
    for (guint i = 0; i < LEVELS; i++)
      {
        PathwayHeatMapCell *cell = &self->cells[l][i];
        guint row = LEVELS - 1 - l;

        cell->count = data->risks[l][i];
        cell->score = (int) ((l + 1) * (i + 1));
        cell->band = pathway_risk_band_for_score (cell->score);
        cell->rect = (PathwayChartBox) { plan.grid_x + i * plan.cell_w + sep / 2,
                                         plan.top + row * plan.cell_h + sep / 2,
                                         MAX (plan.cell_w - sep, 0), MAX (plan.cell_h - sep, 0) };
        label_cell (layout, cell);
      }

  /* The levels' words: impact under the columns, likelihood beside the rows. */
  grid_bottom = plan.top + self->grid.height;
  for (guint i = 0; i < LEVELS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double cx = plan.grid_x + (i + 0.5) * plan.cell_w;

      self->columns[i] = place_level (layout,
                                      plan.column_numbers ? number : data->impact_words[i],
                                      plan.cell_w - theme->gap * 0.6, plan.column_lines, cx, 0,
                                      0, grid_bottom + theme->gap * 0.5);
    }
  for (guint l = 0; l < LEVELS; l++)
    {
      g_autofree char *number = g_strdup_printf ("%u", l + 1);
      guint row = LEVELS - 1 - l;

      self->rows[l] = place_level (layout, plan.row_numbers ? number : data->likelihood_words[l],
                                   plan.row_width, plan.row_lines, 0,
                                   plan.grid_x - theme->gap,
                                   plan.top + (row + 0.5) * plan.cell_h, -1);
    }

  below = grid_bottom + theme->gap * 0.5 + plan.column_lines * line;
  if (plan.titles)
    {
      PangoLayout *text = pathway_chart_layout_text (layout, _("Likelihood"),
                                                     PATHWAY_CHART_FONT_BOLD,
                                                     width - 2 * theme->margin);
      double w, h;

      self->likelihood_title = pathway_chart_layout_add_label (layout, text, theme->margin,
                                                               theme->margin, &theme->text);
      text = pathway_chart_layout_text (layout, _("Impact"), PATHWAY_CHART_FONT_BOLD,
                                        width - 2 * theme->margin);
      pathway_chart_text_size (text, &w, &h);
      self->impact_title = pathway_chart_layout_add_label (
        layout, text,
        CLAMP (plan.grid_x + self->grid.width / 2 - w / 2, theme->margin,
               width - theme->margin - w),
        below + theme->gap * 0.3, &theme->text);
      below += theme->gap * 0.3 + h;
    }

  if (plan.legend)
    {
      PathwayChartBox area;

      if (self->legend_beside)
        area = (PathwayChartBox) { plan.grid_x + self->grid.width + theme->gap * 2, plan.top,
                                   plan.legend_w, self->grid.height };
      else
        area = (PathwayChartBox) { theme->margin, below + theme->gap,
                                   width - 2 * theme->margin, plan.legend_h };
      /* The legend's helpers take ratings for their swatches; the bands are kept apart. */
      pathway_chart_layout_legend (layout, legend_ratings, legend_words, legend_suffixes,
                                   PATHWAY_CHART_RISK_BANDS, &area, self->legend_beside,
                                   self->entries);
      self->n_entries = PATHWAY_CHART_RISK_BANDS;
      memcpy (self->entry_bands, band_order, sizeof band_order);
    }

  for (guint b = 0; b < PATHWAY_CHART_RISK_BANDS; b++)
    g_free (legend_texts[b]);
  pathway_chart_layout_settle (layout);
  return layout;
}

void
pathway_heat_map_layout_free (PathwayHeatMapLayout *self)
{
  pathway_chart_layout_clear (&self->parent);
  g_free (self);
}

/* Drawing ----------------------------------------------------------------------------------- */

/* How strongly an empty cell shows its band. */
#define EMPTY_STRENGTH 0.3

void
pathway_heat_map_layout_draw (const PathwayHeatMapLayout *self, cairo_t *cr)
{
  const PathwayChartLayout *layout = &self->parent;
  const PathwayChartTheme *theme = &layout->theme;
  gboolean print = theme->outline.alpha > 0;
  double r = print ? 0 : MIN (theme->font_size * 0.25, 4.0);

  for (guint l = 0; l < LEVELS; l++)
    for (guint i = 0; i < LEVELS; i++)
      {
        const PathwayHeatMapCell *cell = &self->cells[l][i];

        if (cell->rect.width <= 0 || cell->rect.height <= 0)
          continue;
        if (r > 0)
          pathway_chart_rounded_rectangle (cr, cell->rect.x, cell->rect.y, cell->rect.width,
                                           cell->rect.height, r);
        else
          cairo_rectangle (cr, cell->rect.x, cell->rect.y, cell->rect.width, cell->rect.height);
        pathway_chart_theme_fill_band (theme, cr, cell->band,
                                       cell->count > 0 ? 1.0 : EMPTY_STRENGTH);
        if (cell->plate.width > 0
            && pathway_chart_layout_get_label (layout, cell->label) != NULL)
          {
            pathway_chart_rounded_rectangle (cr, cell->plate.x, cell->plate.y, cell->plate.width,
                                             cell->plate.height, cell->plate.height * 0.3);
            pathway_chart_theme_set_source (cr, &theme->band_fill[cell->band]);
            cairo_fill (cr);
          }
      }

  for (guint k = 0; k < self->n_entries; k++)
    if (pathway_chart_layout_get_label (layout, self->entries[k].label) != NULL)
      {
        const PathwayChartBox *box = &self->entries[k].swatch;

        pathway_chart_rounded_rectangle (cr, box->x, box->y, box->width, box->height,
                                         print ? 0 : box->width * 0.2);
        pathway_chart_theme_fill_band (theme, cr, self->entry_bands[k], 1.0);
      }

  pathway_chart_layout_draw_labels (layout, cr);
}

/* Words for screen readers --------------------------------------------------------------- */

static guint
band_total (const PathwayChartData *data, PathwayRiskBand band)
{
  guint total = 0;

  for (guint l = 0; l < LEVELS; l++)
    for (guint i = 0; i < LEVELS; i++)
      if (pathway_risk_band_for_score ((int) ((l + 1) * (i + 1))) == band)
        total += data->risks[l][i];
  return total;
}

static guint
row_total (const PathwayChartData *data, guint l)
{
  guint total = 0;

  for (guint i = 0; i < LEVELS; i++)
    total += data->risks[l][i];
  return total;
}

static guint
column_total (const PathwayChartData *data, guint i)
{
  guint total = 0;

  for (guint l = 0; l < LEVELS; l++)
    total += data->risks[l][i];
  return total;
}

char *
pathway_heat_map_layout_describe_at (const PathwayHeatMapLayout *self,
                                     const PathwayChartData *data, double x, double y)
{
  for (guint l = 0; l < LEVELS; l++)
    for (guint i = 0; i < LEVELS; i++)
      {
        const PathwayHeatMapCell *cell = &self->cells[l][i];

        if (pathway_chart_box_contains (&cell->rect, x, y))
          {
            g_autofree char *risks = format_risks (cell->count);
            g_autofree char *band = band_word_lower (cell->band);

            /* TRANSLATORS: a cell of the risk heat map under the pointer: its likelihood and
             * impact in the programme's words, its count, its score and its band: "Likely,
             * Major: 3 risks, score 16, high". */
            return g_strdup_printf (_("%s, %s: %s, score %d, %s"), data->likelihood_words[l],
                                    data->impact_words[i], risks, cell->score, band);
          }
      }

  for (guint l = 0; l < LEVELS; l++)
    if (pathway_chart_box_contains (&self->rows[l], x, y))
      {
        g_autofree char *risks = format_open_risks (row_total (data, l));

        /* TRANSLATORS: "Likelihood Likely (4): 5 open risks". */
        return g_strdup_printf (_("Likelihood %s (%u): %s"), data->likelihood_words[l], l + 1,
                                risks);
      }
  for (guint i = 0; i < LEVELS; i++)
    if (pathway_chart_box_contains (&self->columns[i], x, y))
      {
        g_autofree char *risks = format_open_risks (column_total (data, i));

        /* TRANSLATORS: "Impact Major (4): 5 open risks". */
        return g_strdup_printf (_("Impact %s (%u): %s"), data->impact_words[i], i + 1, risks);
      }

  for (guint k = 0; k < self->n_entries; k++)
    {
      const PathwayChartLabel *label = pathway_chart_layout_get_label (&self->parent,
                                                                       self->entries[k].label);

      if (label != NULL && pathway_chart_box_contains (&label->box, x, y))
        {
          PathwayRiskBand band = self->entry_bands[k];
          g_autofree char *risks = format_open_risks (band_total (data, band));

          /* TRANSLATORS: a band in the heat map's legend: "High (scores 10–16): 5 open
           * risks". */
          return g_strdup_printf (_("%s (scores %s): %s"), pathway_risk_band_label (band),
                                  band_scores (band), risks);
        }
    }
  return NULL;
}

char *
pathway_heat_map_describe (const PathwayChartData *data)
{
  GString *out = g_string_new (data->title);
  guint scored = count_scored (data);

  if (scored == 0)
    g_string_append_printf (out, ": %s.", _("no open risks scored"));
  else
    {
      g_autofree char *number = pathway_chart_format_count (scored);

      g_string_append (out, ": ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s open risk scored.",
                                                "%s open risks scored.", scored),
                              number);
    }

  for (guint b = 0; b < PATHWAY_CHART_RISK_BANDS && scored > 0; b++)
    {
      PathwayRiskBand band = band_order[b];
      guint total = band_total (data, band);
      gboolean first = TRUE;

      if (total == 0)
        {
          /* TRANSLATORS: a band with no risks in it: "Very high: none." */
          g_string_append_printf (out, " %s: %s.", pathway_risk_band_label (band), _("none"));
          continue;
        }
      g_string_append_printf (out, " %s: %u (", pathway_risk_band_label (band), total);
      /* Highest score first, then the likelier. */
      for (int score = 25; score >= 1; score--)
        for (guint l = LEVELS; l-- > 0;)
          {
            guint i;

            if (score % (int) (l + 1) != 0 || (guint) (score / (int) (l + 1)) > LEVELS)
              continue;
            i = (guint) (score / (int) (l + 1)) - 1;
            if (data->risks[l][i] == 0 || pathway_risk_band_for_score (score) != band)
              continue;
            /* TRANSLATORS: one cell in the description: "likelihood Likely, impact Severe:
             * 1". */
            g_string_append_printf (out, _("%slikelihood %s, impact %s: %u"), first ? "" : "; ",
                                    data->likelihood_words[l], data->impact_words[i],
                                    data->risks[l][i]);
            first = FALSE;
          }
      g_string_append (out, ").");
    }

  if (data->risks_unscored > 0)
    {
      g_autofree char *number = pathway_chart_format_count (data->risks_unscored);

      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s open risk is not scored and not shown.",
                                           "%s open risks are not scored and not shown.",
                                           data->risks_unscored),
                              number);
    }
  return g_string_free (out, FALSE);
}
