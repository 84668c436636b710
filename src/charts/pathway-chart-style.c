/* pathway-chart-style.c: the five styles a chart is drawn in. Screen colours are those of
 * ui/style.css, so a chart and a rating badge agree. Print is grey: the ratings differ in
 * darkness and in pattern, and every shape has a black outline, so a photocopy keeps them
 * apart; print in colour uses the screen's rating colours on white paper; the words on the
 * chart carry the meaning in every style. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <math.h>

#include "pathway-chart-style.h"

static PathwayChartColour
hex (guint32 rgb)
{
  return (PathwayChartColour) {
    ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1.0
  };
}

static PathwayChartColour
hex_alpha (guint32 rgb, double alpha)
{
  PathwayChartColour colour = hex (rgb);

  colour.alpha = alpha;
  return colour;
}

static void
set_screen_ratings (PathwayChartTheme *theme)
{
  /* Each ink has a contrast of at least 4.5:1 with its fill (see ui/style.css). */
  theme->fill[PATHWAY_RATING_RED] = hex (0xc01c28);
  theme->fill[PATHWAY_RATING_AMBER] = hex (0xe5a50a);
  theme->fill[PATHWAY_RATING_GREEN] = hex (0x1b7a44);
  theme->fill[PATHWAY_RATING_BLUE] = hex (0x1a5fb4);
  theme->fill[PATHWAY_RATING_NONE] = hex (0x5e5c64);
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    {
      theme->on_fill[r] = hex (0xffffff);
      theme->pattern[r] = PATHWAY_CHART_PATTERN_NONE;
    }
  theme->on_fill[PATHWAY_RATING_AMBER] = hex (0x000000);
}

static void
init_screen_light (PathwayChartTheme *theme)
{
  theme->background = hex (0xffffff);
  theme->text = hex (0x1e1e1e);
  theme->text_dim = hex (0x5e5c64);
  theme->grid = hex_alpha (0x000000, 0.10);
  theme->axis = hex_alpha (0x000000, 0.45);
  theme->outline = hex_alpha (0x000000, 0.0);
  set_screen_ratings (theme);
  theme->line = hex (0x1c71d8);
  theme->target = hex (0x1e1e1e);
  theme->comparator = hex (0x77767b);
  theme->milestone = hex (0x613583);
  theme->meets = hex (0x1b7a44);
  theme->misses = hex (0xc01c28);
}

static void
init_screen_dark (PathwayChartTheme *theme)
{
  /* libadwaita's dark window. */
  theme->background = hex (0x242424);
  theme->text = hex (0xffffff);
  theme->text_dim = hex (0xc0bfbc);
  theme->grid = hex_alpha (0xffffff, 0.12);
  theme->axis = hex_alpha (0xffffff, 0.50);
  theme->outline = hex_alpha (0x000000, 0.0);
  set_screen_ratings (theme);
  theme->line = hex (0x62a0ea);
  theme->target = hex (0xffffff);
  theme->comparator = hex (0x9a9996);
  theme->milestone = hex (0xdc8add);
  theme->meets = hex (0x57e389);
  theme->misses = hex (0xff7b63);
}

static void
init_print (PathwayChartTheme *theme)
{
  theme->background = hex (0xffffff);
  theme->text = hex (0x000000);
  theme->text_dim = hex (0x3d3d3d);
  theme->grid = hex (0xc8c8c8);
  theme->axis = hex (0x000000);
  theme->outline = hex (0x000000);

  /* Darkest for red, the rating a board must see first; then by pattern. Inks are chosen for
   * at least 4.5:1 against the plain fill; on a pattern, text sits on a plate of the fill. */
  theme->fill[PATHWAY_RATING_RED] = hex (0x262626);
  theme->on_fill[PATHWAY_RATING_RED] = hex (0xffffff);
  theme->pattern[PATHWAY_RATING_RED] = PATHWAY_CHART_PATTERN_NONE;

  theme->fill[PATHWAY_RATING_AMBER] = hex (0xa6a6a6);
  theme->on_fill[PATHWAY_RATING_AMBER] = hex (0x000000);
  theme->pattern[PATHWAY_RATING_AMBER] = PATHWAY_CHART_PATTERN_DIAGONAL;
  theme->pattern_ink[PATHWAY_RATING_AMBER] = hex (0x1a1a1a);

  theme->fill[PATHWAY_RATING_GREEN] = hex (0xffffff);
  theme->on_fill[PATHWAY_RATING_GREEN] = hex (0x000000);
  theme->pattern[PATHWAY_RATING_GREEN] = PATHWAY_CHART_PATTERN_NONE;

  theme->fill[PATHWAY_RATING_BLUE] = hex (0xdcdcdc);
  theme->on_fill[PATHWAY_RATING_BLUE] = hex (0x000000);
  theme->pattern[PATHWAY_RATING_BLUE] = PATHWAY_CHART_PATTERN_CROSSHATCH;
  theme->pattern_ink[PATHWAY_RATING_BLUE] = hex (0x4d4d4d);

  theme->fill[PATHWAY_RATING_NONE] = hex (0xffffff);
  theme->on_fill[PATHWAY_RATING_NONE] = hex (0x000000);
  theme->pattern[PATHWAY_RATING_NONE] = PATHWAY_CHART_PATTERN_DOTS;
  theme->pattern_ink[PATHWAY_RATING_NONE] = hex (0x000000);

  theme->line = hex (0x000000);
  theme->target = hex (0x000000);
  theme->comparator = hex (0x595959);
  theme->milestone = hex (0x000000);
  theme->meets = hex (0x000000);
  theme->misses = hex (0x000000);
}

/* Paper in colour: the screen's rating colours (the chips' and the app's), black type and
 * axes, a thin outline so neighbouring segments stay apart. */
static void
init_print_colour (PathwayChartTheme *theme)
{
  theme->background = hex (0xffffff);
  theme->text = hex (0x000000);
  theme->text_dim = hex (0x3d3d3d);
  theme->grid = hex (0xc8c8c8);
  theme->axis = hex (0x000000);
  theme->outline = hex (0xffffff);
  set_screen_ratings (theme);
  theme->line = hex (0x1a5fb4);
  theme->target = hex (0x000000);
  theme->comparator = hex (0x595959);
  theme->milestone = hex (0x613583);
  theme->meets = hex (0x1b7a44);
  theme->misses = hex (0xc01c28);
}

static void
init_projector (PathwayChartTheme *theme)
{
  /* Projectors wash colours out in a lit room: black on white, strong lines, no greys for
   * anything that must be read. */
  theme->background = hex (0xffffff);
  theme->text = hex (0x000000);
  theme->text_dim = hex (0x000000);
  theme->grid = hex (0xb0b0b0);
  theme->axis = hex (0x000000);
  theme->outline = hex_alpha (0x000000, 0.0);
  set_screen_ratings (theme);
  theme->line = hex (0x1a5fb4);
  theme->target = hex (0x000000);
  theme->comparator = hex (0x3d3846);
  theme->milestone = hex (0x613583);
  theme->meets = hex (0x1b7a44);
  theme->misses = hex (0xc01c28);
}

/* Risk bands take the ratings' looks, so a heat map reads like the rest of the pack: low as
 * green, medium as amber, high as red; very high is darker than red in every style. */
static void
init_bands (PathwayChartTheme *theme)
{
  static const PathwayRating like[] = {
    [PATHWAY_RISK_BAND_NONE] = PATHWAY_RATING_NONE,
    [PATHWAY_RISK_BAND_LOW] = PATHWAY_RATING_GREEN,
    [PATHWAY_RISK_BAND_MEDIUM] = PATHWAY_RATING_AMBER,
    [PATHWAY_RISK_BAND_HIGH] = PATHWAY_RATING_RED,
    [PATHWAY_RISK_BAND_VERY_HIGH] = PATHWAY_RATING_RED,
  };

  for (guint b = 0; b < G_N_ELEMENTS (like); b++)
    {
      theme->band_fill[b] = theme->fill[like[b]];
      theme->on_band[b] = theme->on_fill[like[b]];
      theme->band_pattern[b] = theme->pattern[like[b]];
      theme->band_pattern_ink[b] = theme->pattern_ink[like[b]];
    }

  if (theme->style == PATHWAY_CHART_STYLE_PRINT)
    {
      /* Red is a dark grey: very high is black, crossed with white lines. */
      theme->band_fill[PATHWAY_RISK_BAND_VERY_HIGH] = hex (0x000000);
      theme->on_band[PATHWAY_RISK_BAND_VERY_HIGH] = hex (0xffffff);
      theme->band_pattern[PATHWAY_RISK_BAND_VERY_HIGH] = PATHWAY_CHART_PATTERN_CROSSHATCH;
      theme->band_pattern_ink[PATHWAY_RISK_BAND_VERY_HIGH] = hex (0xffffff);
    }
  else
    {
      /* White on it has a contrast of 12:1; against red it is plainly darker. */
      theme->band_fill[PATHWAY_RISK_BAND_VERY_HIGH] = hex (0x6e0b14);
      theme->on_band[PATHWAY_RISK_BAND_VERY_HIGH] = hex (0xffffff);
      theme->band_pattern[PATHWAY_RISK_BAND_VERY_HIGH] = PATHWAY_CHART_PATTERN_NONE;
    }
}

void
pathway_chart_theme_init (PathwayChartTheme *theme, PathwayChartStyle style, double width,
                          double height)
{
  double shrink, grow;
  double unit;

  g_return_if_fail (theme != NULL);

  *theme = (PathwayChartTheme) { .style = style };
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    theme->pattern_ink[r] = hex (0x000000);

  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  /* Small charts (a card on the Overview) get slightly smaller type, never below legible;
   * a chart filling a large window, slightly larger. */
  shrink = CLAMP (MIN (width / 420.0, height / 260.0), 0.78, 1.0);
  grow = CLAMP (MIN (width / 900.0, height / 560.0), 1.0, 1.25);

  theme->font_family = "Cantarell, DejaVu Sans, sans-serif";

  switch (style)
    {
    case PATHWAY_CHART_STYLE_SCREEN_DARK:
      init_screen_dark (theme);
      unit = 13.0 * shrink * grow;
      break;
    case PATHWAY_CHART_STYLE_PRINT:
      init_print (theme);
      /* Units are points on paper. */
      unit = 10.0 * shrink;
      break;
    case PATHWAY_CHART_STYLE_PRINT_COLOUR:
      init_print_colour (theme);
      unit = 10.0 * shrink;
      break;
    case PATHWAY_CHART_STYLE_PROJECTOR:
      init_projector (theme);
      /* Read from the back of a room: about a twenty-fifth of the screen's height. */
      unit = MAX (MIN (width, height) / 25.0, 15.0);
      unit = MIN (unit, MIN (width / 16.0, height / 10.0));
      unit = MAX (unit, 9.0);
      break;
    case PATHWAY_CHART_STYLE_SCREEN_LIGHT:
    default:
      init_screen_light (theme);
      unit = 13.0 * shrink * grow;
      break;
    }

  init_bands (theme);

  theme->font_size = unit;
  theme->big_font_size = unit * 2.0;
  theme->title_font_size = unit * 1.3;
  theme->margin = round (unit * 0.6);
  theme->gap = round (unit * 0.45);
  theme->swatch_size = round (unit * 0.9);

  if (style == PATHWAY_CHART_STYLE_PROJECTOR)
    {
      theme->line_width = MAX (3.0, unit * 0.18);
      theme->point_radius = MAX (5.0, unit * 0.3);
      theme->grid_width = MAX (1.0, unit * 0.05);
      theme->axis_width = MAX (2.0, unit * 0.1);
      theme->target_width = MAX (3.0, unit * 0.14);
      theme->separator_width = MAX (3.0, unit * 0.12);
      theme->leader_width = MAX (2.0, unit * 0.08);
    }
  else if (style == PATHWAY_CHART_STYLE_PRINT || style == PATHWAY_CHART_STYLE_PRINT_COLOUR)
    {
      theme->line_width = 1.6;
      theme->point_radius = 2.6;
      theme->grid_width = 0.5;
      theme->axis_width = 0.8;
      theme->target_width = 1.2;
      theme->separator_width = 1.0;
      theme->outline_width = 0.7;
      theme->leader_width = 0.7;
    }
  else
    {
      theme->line_width = 2.0;
      theme->point_radius = 3.5;
      theme->grid_width = 1.0;
      theme->axis_width = 1.0;
      theme->target_width = 1.5;
      theme->separator_width = 2.0;
      theme->leader_width = 1.0;
    }

  theme->pattern_spacing = MAX (3.0, unit * 0.42);
  theme->pattern_width = style == PATHWAY_CHART_STYLE_PRINT ? 0.8 : 1.0;
}

void
pathway_chart_theme_set_source (cairo_t *cr, const PathwayChartColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
stroke_lines (cairo_t *cr, double x1, double y1, double x2, double y2, double spacing,
              double dx, double dy)
{
  /* Lines of direction (dx, dy) (a unit vector), 'spacing' apart, through the box; anchored
   * at the origin like the tiles. */
  double nx = -dy, ny = dx;
  double reach = hypot (x2 - x1, y2 - y1) + spacing;
  double from = floor (MIN (MIN (x1 * nx + y1 * ny, x2 * nx + y2 * ny),
                            MIN (x1 * nx + y2 * ny, x2 * nx + y1 * ny)) / spacing);
  double to = ceil (MAX (MAX (x1 * nx + y1 * ny, x2 * nx + y2 * ny),
                         MAX (x1 * nx + y2 * ny, x2 * nx + y1 * ny)) / spacing);
  double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
  double along = cx * dx + cy * dy;

  for (double k = from; k <= to; k++)
    {
      double px = nx * k * spacing + dx * along, py = ny * k * spacing + dy * along;

      cairo_move_to (cr, px - dx * reach, py - dy * reach);
      cairo_line_to (cr, px + dx * reach, py + dy * reach);
    }
  cairo_stroke (cr);
}

/* The pattern drawn stroke by stroke inside the current path, for SVG: cairo 1.16 loses
 * memory when an SVG surface is given a recording surface as a source. */
static void
stroke_pattern (const PathwayChartTheme *theme, cairo_t *cr, PathwayChartPattern kind,
                const PathwayChartColour *ink)
{
  double spacing = theme->pattern_spacing;
  double x1, y1, x2, y2;

  cairo_save (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  pathway_chart_theme_set_source (cr, ink);
  cairo_set_line_width (cr, theme->pattern_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  switch (kind)
    {
    case PATHWAY_CHART_PATTERN_CROSSHATCH:
      stroke_lines (cr, x1, y1, x2, y2, spacing, M_SQRT1_2, M_SQRT1_2);
      G_GNUC_FALLTHROUGH;
    case PATHWAY_CHART_PATTERN_DIAGONAL:
      stroke_lines (cr, x1, y1, x2, y2, spacing, M_SQRT1_2, -M_SQRT1_2);
      break;
    case PATHWAY_CHART_PATTERN_HORIZONTAL:
      stroke_lines (cr, x1, y1, x2, y2, spacing * M_SQRT2, 1.0, 0.0);
      break;
    case PATHWAY_CHART_PATTERN_DOTS:
      {
        double step = spacing * M_SQRT2;
        double r = MAX (theme->pattern_width * 0.9, 0.6);

        for (double y = floor (y1 / step) * step; y <= y2 + step; y += step)
          for (double x = floor (x1 / step) * step; x <= x2 + step; x += step)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x + step / 2, y + step / 2, r, 0, 2 * G_PI);
            }
        cairo_fill (cr);
      }
      break;
    case PATHWAY_CHART_PATTERN_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

/* One tile of a rating's pattern, repeated across the shape: a single fill however large the
 * shape, and a tiling pattern (still vector) in a PDF or SVG. Tiles are anchored at the
 * origin, so neighbouring shapes' patterns line up. */
static cairo_pattern_t *
create_pattern (const PathwayChartTheme *theme, PathwayChartPattern kind,
                const PathwayChartColour *ink)
{
  double s = theme->pattern_spacing * M_SQRT2;
  cairo_rectangle_t extents = { 0, 0, s, s };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  pathway_chart_theme_set_source (cr, ink);
  cairo_set_line_width (cr, theme->pattern_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  switch (kind)
    {
    case PATHWAY_CHART_PATTERN_CROSSHATCH:
      /* Lines falling to the right, then the rising ones below. */
      cairo_move_to (cr, -1, -1);
      cairo_line_to (cr, s + 1, s + 1);
      cairo_move_to (cr, s - 1, -1);
      cairo_line_to (cr, s + 1, 1);
      cairo_move_to (cr, -1, s - 1);
      cairo_line_to (cr, 1, s + 1);
      G_GNUC_FALLTHROUGH;
    case PATHWAY_CHART_PATTERN_DIAGONAL:
      cairo_move_to (cr, -1, s + 1);
      cairo_line_to (cr, s + 1, -1);
      /* The corners, where the neighbouring tiles' lines end. */
      cairo_move_to (cr, -1, 1);
      cairo_line_to (cr, 1, -1);
      cairo_move_to (cr, s - 1, s + 1);
      cairo_line_to (cr, s + 1, s - 1);
      cairo_stroke (cr);
      break;
    case PATHWAY_CHART_PATTERN_HORIZONTAL:
      cairo_move_to (cr, 0, s / 2);
      cairo_line_to (cr, s, s / 2);
      cairo_stroke (cr);
      break;
    case PATHWAY_CHART_PATTERN_DOTS:
      {
        double r = MAX (theme->pattern_width * 0.9, 0.6);

        cairo_arc (cr, s / 2, s / 2, r, 0, 2 * G_PI);
        cairo_fill (cr);
      }
      break;
    case PATHWAY_CHART_PATTERN_NONE:
    default:
      break;
    }

  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

/* Fill, then pattern, then outline, of the current path; clears the path. */
static void
fill_path (const PathwayChartTheme *theme, cairo_t *cr, const PathwayChartColour *fill,
           PathwayChartPattern kind, const PathwayChartColour *ink)
{
  gboolean patterned = kind != PATHWAY_CHART_PATTERN_NONE;
  gboolean outlined = theme->outline.alpha > 0 && theme->outline_width > 0;

  pathway_chart_theme_set_source (cr, fill);
  cairo_fill_preserve (cr);

  if (patterned && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_SVG)
    {
      /* The path is not part of the saved state: keep a copy for the outline. */
      cairo_path_t *path = cairo_copy_path (cr);

      stroke_pattern (theme, cr, kind, ink);
      cairo_new_path (cr);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
    }
  else if (patterned)
    {
      cairo_pattern_t *pattern = create_pattern (theme, kind, ink);

      cairo_set_source (cr, pattern);
      cairo_fill_preserve (cr);
      cairo_pattern_destroy (pattern);
    }

  if (outlined)
    {
      pathway_chart_theme_set_source (cr, &theme->outline);
      cairo_set_line_width (cr, theme->outline_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

void
pathway_chart_theme_fill_rating (const PathwayChartTheme *theme, cairo_t *cr,
                                 PathwayRating rating)
{
  g_return_if_fail ((guint) rating < PATHWAY_N_RATINGS);

  fill_path (theme, cr, &theme->fill[rating], theme->pattern[rating],
             &theme->pattern_ink[rating]);
}

static PathwayChartColour
mix (const PathwayChartColour *colour, const PathwayChartColour *background, double strength)
{
  return (PathwayChartColour) {
    background->red + (colour->red - background->red) * strength,
    background->green + (colour->green - background->green) * strength,
    background->blue + (colour->blue - background->blue) * strength,
    colour->alpha,
  };
}

void
pathway_chart_theme_fill_band (const PathwayChartTheme *theme, cairo_t *cr,
                               PathwayRiskBand band, double strength)
{
  PathwayChartColour fill, ink;

  g_return_if_fail (band > PATHWAY_RISK_BAND_NONE && band <= PATHWAY_RISK_BAND_VERY_HIGH);

  /* Mixed by hand rather than painted see-through, so a tint is the same on every surface
   * and a pattern keeps its lines. */
  strength = CLAMP (strength, 0.0, 1.0);
  fill = mix (&theme->band_fill[band], &theme->background, strength);
  ink = mix (&theme->band_pattern_ink[band], &theme->background, strength);
  fill_path (theme, cr, &fill, theme->band_pattern[band], &ink);
}
