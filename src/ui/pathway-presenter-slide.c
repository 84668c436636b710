/* pathway-presenter-slide.c: one slide, laid out with Pango for the size it is given and drawn
 * from that layout.
 *
 * Laying out makes a list of text parts (a PangoLayout and its place) and shapes (rating
 * panels, chips, rules and outlines); drawing only paints them, so what the tests measure is
 * what is drawn. Type is sized in pixels from the window's size (scale 1.0 at 1024x768), so a
 * slide reads the same from the back of the room whatever the projector. Each kind of text
 * has a size and a floor: a part too long for its room first shrinks to its floor, then ends
 * with "…"; commentary also says how many characters are left out. A part that has no room at
 * all (a window far smaller than any projector) is left out rather than drawn over another. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathway-chart-style.h"
#include "pathway-presenter-slide.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

/* Sizes in pixels at scale 1.0 (a 1024x768 window). */
#define TITLE_PX 40.0
#define TITLE_FLOOR_PX 32.0
#define BODY_PX 28.0
#define BODY_FLOOR_PX 24.0
#define SMALL_PX 24.0
#define COMMENTARY_PX 30.0

typedef enum {
  INK_TEXT,
  INK_DIM,
  INK_ALERT,
  INK_ON_FILL, /* on the fill of the part's rating */
} Ink;

typedef struct {
  PathwayPresenterTextPart public;
  Ink ink;
  PathwayRating rating;
} Part;

typedef enum {
  SHAPE_RATING,   /* a panel or chip in the rating's colour */
  SHAPE_ALERT,    /* an outline around an overdue warning */
  SHAPE_TAG,      /* an outline around "Note" or "Decision" */
  SHAPE_RULE,     /* a bar in the text colour */
} ShapeKind;

typedef struct {
  ShapeKind kind;
  graphene_rect_t rect;
  double radius;
  double line_width;
  PathwayRating rating;
} Shape;

typedef struct {
  GdkRGBA background;
  GdkRGBA text;
  GdkRGBA dim;
  GdkRGBA alert;
  GdkRGBA alert_background;
  GdkRGBA rule;
} Palette;

struct _PathwayPresenterSlide
{
  GtkWidget parent_instance;

  PathwayPresenterSlideKind kind;
  PathwayPresenterTitleFacts title;
  PathwayPresenterOverviewFacts overview;
  PathwayPresenterActionFacts action;
  PathwayPresenterClosingFacts closing;
  PathwayPresenterCoproductionFacts coproduction;

  /* The layout, for the size it was made for. */
  gboolean laid_out;
  int laid_width;
  int laid_height;
  double scale;
  GArray *parts;  /* Part */
  GArray *shapes; /* Shape */
  gboolean has_chart;
  graphene_rect_t chart_area;
};

G_DEFINE_FINAL_TYPE (PathwayPresenterSlide, pathway_presenter_slide, GTK_TYPE_WIDGET)

/* Facts -------------------------------------------------------------------------------------- */

void
pathway_presenter_title_facts_clear (PathwayPresenterTitleFacts *facts)
{
  g_clear_pointer (&facts->programme, g_free);
  g_clear_pointer (&facts->board, g_free);
  g_clear_pointer (&facts->meeting, g_free);
  g_clear_pointer (&facts->date, g_free);
  g_clear_pointer (&facts->location, g_free);
  g_clear_pointer (&facts->agenda, g_free);
}

void
pathway_presenter_overview_facts_clear (PathwayPresenterOverviewFacts *facts)
{
  g_clear_pointer (&facts->heading, g_free);
  g_clear_pointer (&facts->as_at, g_free);
  g_clear_pointer (&facts->counts, g_free);
  g_clear_pointer (&facts->agenda, g_free);
  g_clear_object (&facts->chart);
}

void
pathway_presenter_action_facts_clear (PathwayPresenterActionFacts *facts)
{
  g_clear_pointer (&facts->reference, g_free);
  g_clear_pointer (&facts->title, g_free);
  g_clear_pointer (&facts->workstream, g_free);
  g_clear_pointer (&facts->lead, g_free);
  g_clear_pointer (&facts->timescale, g_free);
  g_clear_pointer (&facts->due, g_free);
  facts->due_warning = FALSE;
  g_clear_pointer (&facts->rating_word, g_free);
  g_clear_pointer (&facts->rating_note, g_free);
  g_clear_pointer (&facts->commentary_heading, g_free);
  g_clear_pointer (&facts->commentary, g_free);
  g_clear_pointer (&facts->recovery_plan, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (facts->trail); i++)
    {
      g_clear_pointer (&facts->trail[i].date, g_free);
      g_clear_pointer (&facts->trail[i].word, g_free);
    }
  facts->n_trail = 0;
  g_clear_pointer (&facts->position, g_free);
  facts->rating = PATHWAY_RATING_NONE;
}

void
pathway_presenter_closing_facts_clear (PathwayPresenterClosingFacts *facts)
{
  g_clear_pointer (&facts->heading, g_free);
  g_clear_pointer (&facts->subheading, g_free);
  g_clear_pointer (&facts->entries, g_ptr_array_unref);
  g_clear_pointer (&facts->lines, g_strfreev);
  g_clear_pointer (&facts->footer, g_free);
}

void
pathway_presenter_coproduction_facts_clear (PathwayPresenterCoproductionFacts *facts)
{
  g_clear_pointer (&facts->heading, g_free);
  g_clear_pointer (&facts->period, g_free);
  g_clear_pointer (&facts->who, g_free);
  g_clear_pointer (&facts->date, g_free);
  g_clear_pointer (&facts->status_word, g_free);
  g_clear_pointer (&facts->said, g_free);
  g_clear_pointer (&facts->will_do, g_free);
  g_clear_pointer (&facts->did_heading, g_free);
  g_clear_pointer (&facts->did, g_free);
  g_clear_pointer (&facts->links, g_free);
  facts->status = PATHWAY_RESPONSE_HEARD;
}

/* Colours ------------------------------------------------------------------------------------ */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
palette_init (Palette *palette, gboolean dark)
{
  /* Black on white, or white on near-black: a projector washes out anything softer. Dim text
   * still has a contrast above 10:1; the overdue warning is a word first, its colour second. */
  if (dark)
    {
      gdk_rgba_parse (&palette->background, "#121212");
      gdk_rgba_parse (&palette->text, "#ffffff");
      gdk_rgba_parse (&palette->dim, "#d4d4d4");
      gdk_rgba_parse (&palette->alert, "#ff8f80");
      gdk_rgba_parse (&palette->alert_background, "rgba(255,143,128,0.12)");
      gdk_rgba_parse (&palette->rule, "#ffffff");
    }
  else
    {
      gdk_rgba_parse (&palette->background, "#ffffff");
      gdk_rgba_parse (&palette->text, "#000000");
      gdk_rgba_parse (&palette->dim, "#36343b");
      gdk_rgba_parse (&palette->alert, "#a51d2d");
      gdk_rgba_parse (&palette->alert_background, "rgba(165,29,45,0.07)");
      gdk_rgba_parse (&palette->rule, "#000000");
    }
}

/* WCAG 2.2's relative luminance of an opaque colour, and the contrast ratio of two. */
static double
relative_luminance (const GdkRGBA *colour)
{
  const double channels[3] = { colour->red, colour->green, colour->blue };
  const double weights[3] = { 0.2126, 0.7152, 0.0722 };
  double luminance = 0;

  for (guint i = 0; i < 3; i++)
    {
      double c = channels[i];

      luminance += weights[i] * (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }
  return luminance;
}

static double
contrast_ratio (const GdkRGBA *a, const GdkRGBA *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GdkRGBA
mix_colours (const GdkRGBA *a, const GdkRGBA *b, double amount)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * amount,
                     a->green + (b->green - a->green) * amount,
                     a->blue + (b->blue - a->blue) * amount, 1.0 };
}

/* The fills of ui/style.css, whose inks have a contrast of at least 4.5:1 with them. */
static void
rating_colours (PathwayRating rating, GdkRGBA *fill, GdkRGBA *ink)
{
  static const char *fills[PATHWAY_N_RATINGS] = {
    "#5e5c64", "#c01c28", "#e5a50a", "#1b7a44", "#1a5fb4",
  };

  if ((guint) rating >= PATHWAY_N_RATINGS)
    rating = PATHWAY_RATING_NONE;
  gdk_rgba_parse (fill, fills[rating]);
  gdk_rgba_parse (ink, rating == PATHWAY_RATING_AMBER ? "#000000" : "#ffffff");
}

/* Text --------------------------------------------------------------------------------------- */

static PangoLayout *
make_text (PathwayPresenterSlide *self, const char *text, double px, PangoWeight weight,
           double width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, round (px) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  /* Always as text: user text is never markup. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* At most max_lines lines, the last ending with "…" when there is more. */
static PangoLayout *
make_lines (PathwayPresenterSlide *self, const char *text, double px, PangoWeight weight,
            double width, int max_lines)
{
  PangoLayout *layout = make_text (self, text, px, weight, width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
line_height (PathwayPresenterSlide *self, double px, PangoWeight weight)
{
  g_autoptr(PangoLayout) probe = make_text (self, "Ag", px, weight, -1);

  return layout_height (probe);
}

/* From px down to floor_px until the text fits max_height; at the floor it ends with "…" at
 * the last line that fits. */
static PangoLayout *
fit_text (PathwayPresenterSlide *self, const char *text, PangoWeight weight, double px,
          double floor_px, double width, double max_height)
{
  double step = MAX (1.0, round (self->scale));
  PangoLayout *layout = NULL;

  for (double size = px;; size = MAX (floor_px, size - step))
    {
      g_clear_object (&layout);
      layout = make_text (self, text, size, weight, width);
      if (layout_height (layout) <= max_height || size <= floor_px)
        break;
    }
  if (layout_height (layout) > max_height)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) floor (max_height) * PANGO_SCALE);
    }
  return layout;
}

/* "1,240", with the locale's separator (a comma where it has none). */
static char *
format_count (guint count)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%u", count);
  GString *text = g_string_new (NULL);
  guint len = strlen (digits);

  if (separator == NULL || *separator == '\0')
    separator = ",";
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* How many lines of layout fit in height (their bottoms at or above it). */
static int
lines_fitting (PangoLayout *layout, double height)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  int count = 0;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if ((logical.y + logical.height) / (double) PANGO_SCALE > height)
        break;
      count++;
    }
  while (pango_layout_iter_next_line (iter));
  return count;
}

/* Drops the last word (or, in a word longer than a line, the last character) of text. */
static void
drop_last_word (GString *text)
{
  char *space;

  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  space = strrchr (text->str, ' ');
  if (space != NULL && space > text->str)
    g_string_truncate (text, space - text->str);
  else if (text->len > 0)
    g_string_truncate (text, g_utf8_find_prev_char (text->str, text->str + text->len) -
                               text->str);
  while (text->len > 0 && (g_ascii_isspace (text->str[text->len - 1]) ||
                           strchr (",;:.-", text->str[text->len - 1]) != NULL))
    g_string_truncate (text, text->len - 1);
}

/* Commentary: shrinks to its floor; then shows the lines that fit, the last ending with "…"
 * (unless it ends a paragraph), and a line below saying how many characters are left out.
 * *more is that line's layout, or NULL. */
static PangoLayout *
fit_commentary (PathwayPresenterSlide *self, const char *text, double px, double floor_px,
                double width, double max_height, PangoLayout **more)
{
  double step = MAX (1.0, round (self->scale));
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) full = NULL;
  g_autofree char *count = NULL;
  g_autofree char *more_text = NULL;
  g_autoptr(GString) shown = NULL;
  PangoLayout *layout = NULL;
  double room;
  int n_lines;
  guint left_out;

  *more = NULL;
  for (double size = px; size > floor_px; size = MAX (floor_px, size - step))
    {
      layout = make_text (self, text, size, PANGO_WEIGHT_NORMAL, width);
      if (layout_height (layout) <= max_height)
        return layout;
      g_clear_object (&layout);
    }
  full = make_text (self, text, floor_px, PANGO_WEIGHT_NORMAL, width);
  if (layout_height (full) <= max_height)
    return g_steal_pointer (&full);

  /* Room for the text is what is left above the line that says how much more there is. */
  probe = make_text (self, "… 0", floor_px, PANGO_WEIGHT_NORMAL, width);
  room = max_height - layout_height (probe);
  n_lines = room > 0 ? lines_fitting (full, room) : 0;

  shown = g_string_new (NULL);
  if (n_lines > 0)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (full, n_lines);
      gsize end = line != NULL ? (gsize) line->start_index : strlen (text);
      gboolean paragraph_end = FALSE;

      g_string_append_len (shown, text, end);
      while (shown->len > 0 && g_ascii_isspace (shown->str[shown->len - 1]))
        {
          paragraph_end |= shown->str[shown->len - 1] == '\n';
          g_string_truncate (shown, shown->len - 1);
        }
      /* Cut where a paragraph ends, the lines shown stand as they are; cut inside one, the
       * last ends with "…", a word going if that makes room for it. */
      if (shown->len > 0 && !paragraph_end)
        for (;;)
          {
            g_autofree char *candidate = g_strconcat (shown->str, "…", NULL);

            layout = make_text (self, candidate, floor_px, PANGO_WEIGHT_NORMAL, width);
            if (layout_height (layout) <= room)
              break;
            g_clear_object (&layout);
            drop_last_word (shown);
            if (shown->len == 0)
              break;
          }
      else if (shown->len > 0)
        layout = make_text (self, shown->str, floor_px, PANGO_WEIGHT_NORMAL, width);
    }

  left_out = g_utf8_strlen (text, -1) - g_utf8_strlen (shown->str, -1);
  count = format_count (left_out);
  /* TRANSLATORS: after commentary cut short on a slide; %s is a number such as "1,240" */
  more_text = g_strdup_printf (ngettext ("… and %s more character", "… and %s more characters",
                                         left_out),
                               count);
  *more = make_lines (self, more_text, floor_px, PANGO_WEIGHT_NORMAL, width, 1);
  if (layout == NULL)
    layout = make_text (self, "", floor_px, PANGO_WEIGHT_NORMAL, width);
  return layout;
}

/* The layout ----------------------------------------------------------------------------------- */

static void
clear_layout (PathwayPresenterSlide *self)
{
  for (guint i = 0; i < self->parts->len; i++)
    g_object_unref (g_array_index (self->parts, Part, i).public.layout);
  g_array_set_size (self->parts, 0);
  g_array_set_size (self->shapes, 0);
  self->has_chart = FALSE;
  self->laid_out = FALSE;
}

/* Adds a part at (x, y); a part that would reach below 'limit' is left out. Returns its
 * height, or -1 when it was left out. Takes the layout. */
static int
add_part (PathwayPresenterSlide *self, const char *name, PangoLayout *layout, double x, double y,
          Ink ink, double limit)
{
  Part part = { { name, layout, round (x), round (y) }, ink, PATHWAY_RATING_NONE };
  int height = layout_height (layout);

  if (y + height > limit + 0.5 || y < 0)
    {
      g_object_unref (layout);
      return -1;
    }
  g_array_append_val (self->parts, part);
  return height;
}

static void
add_rating_part (PathwayPresenterSlide *self, const char *name, PangoLayout *layout, double x,
                 double y, PathwayRating rating)
{
  Part part = { { name, layout, round (x), round (y) }, INK_ON_FILL, rating };

  g_array_append_val (self->parts, part);
}

static void
add_shape (PathwayPresenterSlide *self, ShapeKind kind, double x, double y, double width,
           double height, double radius, double line_width, PathwayRating rating)
{
  Shape shape = { kind, GRAPHENE_RECT_INIT (round (x), round (y), round (width), round (height)),
                  radius, line_width, rating };

  g_array_append_val (self->shapes, shape);
}

/* A chip: a rounded square in the rating's colour carrying its letter. */
static void
add_chip (PathwayPresenterSlide *self, const char *name, PathwayRating rating, double x,
          double y, double size)
{
  PangoLayout *letter = make_text (self, pathway_rating_letter (rating), size * 0.55,
                                   PANGO_WEIGHT_BOLD, -1);
  int lw = layout_width (letter), lh = layout_height (letter);

  add_shape (self, SHAPE_RATING, x, y, size, size, size * 0.18, 0, rating);
  add_rating_part (self, name, letter, x + (size - lw) / 2.0, y + (size - lh) / 2.0, rating);
}

static void
lay_out_title (PathwayPresenterSlide *self, double width, double height)
{
  const PathwayPresenterTitleFacts *facts = &self->title;
  double s = self->scale;
  double mx = round (64 * s), my = round (48 * s);
  double cw = width - 2 * mx;
  double bottom = height - my;
  double gap = round (14 * s);
  PangoLayout *footer;
  PangoLayout *blocks[6] = { NULL, };
  Ink inks[6] = { INK_DIM, INK_TEXT, INK_TEXT, INK_TEXT, INK_DIM, INK_TEXT };
  const char *names[6] = { "programme", "board", "meeting", "date", "location", "agenda" };
  double total = 0, rule_h = round (6 * s), rule_gap = round (28 * s);
  double y, footer_h;

  footer = make_lines (self, _("Press H to show the keys"), SMALL_PX * s, PANGO_WEIGHT_NORMAL,
                       cw, 1);
  footer_h = layout_height (footer);

  blocks[0] = make_lines (self, facts->programme, BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 2);
  blocks[1] = fit_text (self, facts->board, PANGO_WEIGHT_BOLD, 60 * s, TITLE_FLOOR_PX * s, cw,
                        (bottom - my) * 0.32);
  if (facts->meeting != NULL && *facts->meeting != '\0')
    blocks[2] = make_lines (self, facts->meeting, 34 * s, PANGO_WEIGHT_NORMAL, cw, 2);
  blocks[3] = make_lines (self, facts->date, TITLE_PX * s, PANGO_WEIGHT_BOLD, cw, 2);
  if (facts->location != NULL && *facts->location != '\0')
    blocks[4] = make_lines (self, facts->location, BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 2);
  if (facts->agenda != NULL && *facts->agenda != '\0')
    blocks[5] = make_lines (self, facts->agenda, BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 2);

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (blocks[i] != NULL)
      total += layout_height (blocks[i]) + gap;
  total += rule_h + 2 * rule_gap;

  /* The block sits a little above the middle, clear of the line at the foot. */
  y = MAX (my, (height - footer_h - total) * 0.45);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      int h;

      if (blocks[i] == NULL)
        continue;
      if (i == 3)
        {
          /* A short bar between who meets and when. */
          y += rule_gap - gap;
          add_shape (self, SHAPE_RULE, mx, y, round (120 * s), rule_h, rule_h / 2, 0,
                     PATHWAY_RATING_NONE);
          y += rule_h + rule_gap;
        }
      h = add_part (self, names[i], blocks[i], mx, y, inks[i], bottom - footer_h - gap);
      if (h >= 0)
        y += h + gap;
    }
  add_part (self, "footer", footer, mx, bottom - footer_h, INK_DIM, bottom);
}

static void
lay_out_overview (PathwayPresenterSlide *self, double width, double height)
{
  const PathwayPresenterOverviewFacts *facts = &self->overview;
  double s = self->scale;
  double mx = round (56 * s), my = round (40 * s);
  double cw = width - 2 * mx;
  double bottom = height - my;
  double y = my;
  int h;

  h = add_part (self, "heading",
                fit_text (self, facts->heading, PANGO_WEIGHT_BOLD, TITLE_PX * s,
                          TITLE_FLOOR_PX * s, cw, (bottom - my) * 0.25),
                mx, y, INK_TEXT, bottom);
  if (h >= 0)
    y += h + round (4 * s);
  h = add_part (self, "as-at",
                make_lines (self, facts->as_at, 26 * s, PANGO_WEIGHT_NORMAL, cw, 1),
                mx, y, INK_DIM, bottom);
  if (h >= 0)
    y += h + round (18 * s);
  h = add_part (self, "counts",
                make_lines (self, facts->counts, 32 * s, PANGO_WEIGHT_BOLD, cw, 3),
                mx, y, INK_TEXT, bottom);
  if (h >= 0)
    y += h + round (8 * s);
  if (facts->agenda != NULL && *facts->agenda != '\0')
    {
      h = add_part (self, "agenda",
                    make_lines (self, facts->agenda, BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 2),
                    mx, y, INK_TEXT, bottom);
      if (h >= 0)
        y += h;
    }
  y += round (20 * s);

  if (facts->chart != NULL && bottom - y >= 150 * s)
    {
      self->has_chart = TRUE;
      self->chart_area = GRAPHENE_RECT_INIT (mx, y, cw, bottom - y);
    }
}

/* The action slide ------------------------------------------------------------------------- */

/* How the rating history at the foot of an action slide is shown: chips under a heading with
 * their dates below them, one row (the heading, then each chip with its date beside it), or
 * not at all. It is the first part to give way to the commentary. */
typedef enum {
  TRAIL_NONE,
  TRAIL_ROW,
  TRAIL_FULL,
} TrailForm;

/* What an action slide gives the parts that can give way: the title's lines, the lead's and
 * the timescale's lines, and the trail's form. */
typedef struct {
  int title_lines;
  int detail_lines;
  TrailForm trail;
} ActionPlan;

typedef enum {
  GROW_TITLE,
  GROW_DETAILS,
  GROW_TRAIL,
} Growth;

/* What the plans of one action slide are measured from, and what has been measured. */
typedef struct {
  double x, width, bottom;
  double left_w;            /* of the lead, timescale and due date, beside the rating */
  double value_x;           /* where the lead's and the timescale's values start */
  double fixed;             /* the gaps, and the due date */
  double right_h;           /* the rating panel and the note under it */
  int title_natural;        /* the lines of the whole title at its floor */
  double title_h[8];        /* by lines - 1; 0 until measured */
  double trail_h[3];        /* by form; 0 until measured, -1 when it does not fit across */
} ActionMeasure;

/* The title in at most max_lines lines, as large as that allows; at its floor the words that
 * fit, ending with "…" (after a whole word, not inside one). */
static PangoLayout *
make_title (PathwayPresenterSlide *self, const char *text, int max_lines, double width)
{
  double step = MAX (1.0, round (self->scale));
  double floor_px = TITLE_FLOOR_PX * self->scale;
  g_autoptr(GString) shown = NULL;
  PangoLayout *layout = NULL;
  PangoLayoutLine *line;

  for (double size = TITLE_PX * self->scale;; size = MAX (floor_px, size - step))
    {
      g_clear_object (&layout);
      layout = make_text (self, text, size, PANGO_WEIGHT_BOLD, width);
      if (pango_layout_get_line_count (layout) <= max_lines)
        return layout;
      if (size <= floor_px)
        break;
    }

  line = pango_layout_get_line_readonly (layout, max_lines);
  shown = g_string_new_len (text, line->start_index);
  while (shown->len > 0 && strchr (" \t\n,;:.-", shown->str[shown->len - 1]) != NULL)
    g_string_truncate (shown, shown->len - 1);
  while (shown->len > 0)
    {
      g_autofree char *candidate = g_strconcat (shown->str, "…", NULL);
      PangoLayout *cut = make_text (self, candidate, floor_px, PANGO_WEIGHT_BOLD, width);

      if (pango_layout_get_line_count (cut) <= max_lines)
        {
          g_object_unref (layout);
          return cut;
        }
      g_object_unref (cut);
      drop_last_word (shown);
    }
  /* One word longer than the lines: Pango cuts it. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return layout;
}

/* Lays out the trail in 'form' with its foot at 'bottom' and returns its height, or -1 when it
 * does not fit across; with add FALSE it only measures. */
static double
lay_out_trail (PathwayPresenterSlide *self, TrailForm form, double x0, double cw, double bottom,
               gboolean add)
{
  const PathwayPresenterActionFacts *facts = &self->action;
  double s = self->scale;
  double chip = round ((form == TRAIL_FULL ? 52 : 44) * s);
  double slot_gap = round (26 * s), date_gap = round (8 * s);
  PangoLayout *heading;
  PangoLayout *dates[G_N_ELEMENTS (facts->trail)] = { NULL, };
  guint first = 0, n = MIN (facts->n_trail, G_N_ELEMENTS (facts->trail));
  double heading_w, heading_h, date_w = 0, date_h = 0, slot_w, across, height, top, x;

  if (form == TRAIL_NONE)
    return 0;
  heading = make_lines (self, n > 0 ? _("Rating history") : _("No rating recorded yet"),
                        SMALL_PX * s, PANGO_WEIGHT_BOLD, cw, 1);
  heading_w = layout_width (heading);
  heading_h = layout_height (heading);
  for (guint i = 0; i < n; i++)
    {
      dates[i] = make_lines (self, facts->trail[i].date, SMALL_PX * s, PANGO_WEIGHT_NORMAL, -1,
                             1);
      date_w = MAX (date_w, layout_width (dates[i]));
      date_h = MAX (date_h, layout_height (dates[i]));
    }

  /* Each step's slot holds its chip with the date below it, or beside it in a row. Fewer,
   * most recent steps when all do not fit across. */
  slot_w = form == TRAIL_FULL ? MAX (chip, date_w) : chip + date_gap + date_w;
  across = form == TRAIL_FULL ? cw : cw - heading_w - slot_gap;
  while (n - first > 1 && (n - first) * slot_w + (n - first - 1) * slot_gap > across)
    g_clear_object (&dates[first++]);
  if (form == TRAIL_FULL)
    height = heading_h + (n > 0 ? round (8 * s) + chip + round (4 * s) + date_h : 0);
  else
    height = n > 0 ? MAX (chip, MAX (heading_h, date_h)) : heading_h;

  if (!add || (n > first && slot_w > across))
    {
      g_object_unref (heading);
      for (guint i = first; i < n; i++)
        g_object_unref (dates[i]);
      return n > first && slot_w > across ? -1 : height;
    }

  top = bottom - height;
  if (form == TRAIL_FULL)
    {
      double chip_y = top + heading_h + round (8 * s);

      add_part (self, "trail-heading", heading, x0, top, INK_DIM, bottom);
      x = x0;
      for (guint i = first; i < n; i++)
        {
          add_chip (self, "trail-letter", facts->trail[i].rating, x + (slot_w - chip) / 2, chip_y,
                    chip);
          add_part (self, "trail-date", dates[i], x + (slot_w - layout_width (dates[i])) / 2,
                    chip_y + chip + round (4 * s), INK_TEXT, bottom);
          x += slot_w + slot_gap;
        }
    }
  else
    {
      add_part (self, "trail-heading", heading, x0, top + (height - heading_h) / 2, INK_DIM,
                bottom);
      x = x0 + heading_w + slot_gap;
      for (guint i = first; i < n; i++)
        {
          add_chip (self, "trail-letter", facts->trail[i].rating, x, top + (height - chip) / 2,
                    chip);
          add_part (self, "trail-date", dates[i], x + chip + date_gap,
                    top + (height - layout_height (dates[i])) / 2, INK_TEXT, bottom);
          x += slot_w + slot_gap;
        }
    }
  return height;
}

/* "Lead  Priya Shah, Head of SEN" in at most max_lines lines: the label in bold, the value
 * starting at value_x (so the values of the rows stand in one column) and its lines after the
 * first indented to it. */
static PangoLayout *
make_detail (PathwayPresenterSlide *self, const char *label, const char *value, double value_x,
             double width, int max_lines)
{
  g_autofree char *text = g_strdup_printf ("%s\t%s", label, value);
  PangoLayout *layout = make_lines (self, text, BODY_PX * self->scale, PANGO_WEIGHT_NORMAL,
                                    width, max_lines);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                            (int) round (value_x));

  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (layout, -(int) round (value_x) * PANGO_SCALE);
  return layout;
}

/* Where the values of the lead and timescale rows start: after the wider label. */
static double
detail_value_x (PathwayPresenterSlide *self)
{
  g_autoptr(PangoLayout) lead = make_text (self, _("Lead"), BODY_PX * self->scale,
                                           PANGO_WEIGHT_BOLD, -1);
  g_autoptr(PangoLayout) timescale = make_text (self, _("Timescale"), BODY_PX * self->scale,
                                                PANGO_WEIGHT_BOLD, -1);

  return MAX (layout_width (lead), layout_width (timescale)) + round (14 * self->scale);
}

/* What a plan takes of the slide's height besides the header and the commentary (measured
 * once for each form of each part). */
static double
plan_height (PathwayPresenterSlide *self, ActionMeasure *m, const ActionPlan *plan)
{
  const PathwayPresenterActionFacts *facts = &self->action;
  double row_gap = round (8 * self->scale), gap = round (22 * self->scale);
  double left_h = 0;
  int lines = MIN (plan->title_lines, m->title_natural);

  if (m->title_h[lines - 1] == 0)
    {
      g_autoptr(PangoLayout) probe = make_title (self, facts->title, lines, m->width);

      m->title_h[lines - 1] = layout_height (probe);
    }
  if (m->trail_h[plan->trail] == 0 && plan->trail != TRAIL_NONE)
    m->trail_h[plan->trail] = lay_out_trail (self, plan->trail, m->x, m->width, m->bottom,
                                             FALSE);
  if (m->trail_h[plan->trail] < 0)
    return G_MAXDOUBLE;
  if (facts->lead != NULL)
    {
      g_autoptr(PangoLayout) probe = make_detail (self, _("Lead"), facts->lead, m->value_x,
                                                  m->left_w, plan->detail_lines);

      left_h += layout_height (probe) + row_gap;
    }
  if (facts->timescale != NULL)
    {
      g_autoptr(PangoLayout) probe = make_detail (self, _("Timescale"), facts->timescale,
                                                  m->value_x, m->left_w, plan->detail_lines);

      left_h += layout_height (probe) + row_gap;
    }
  return m->title_h[lines - 1] + MAX (left_h + m->fixed, m->right_h) +
         (plan->trail != TRAIL_NONE ? m->trail_h[plan->trail] + gap : 0);
}

/* An action slide, top to bottom: the reference (with the workstream and the action's place in
 * the meeting), the title, the lead, timescale and due date beside the rating, the latest
 * commentary, a red action's recovery plan, and the rating history at the foot.
 *
 * The commentary is what the room discusses, so it has its room first: three lines at the
 * body size (or all of it when it is shorter), and a red action's plan two. The title, the
 * lead and the timescale start at one line each and take a second (the title a third) only
 * while the commentary keeps those lines; the rating history then comes in as a row and then
 * in full, the lead and timescale take a third line and the title more, only while the whole
 * commentary still fits. Whatever is left is the commentary's. So the rating history is the
 * first to give way, then the lines of the other parts. */
static void
lay_out_action (PathwayPresenterSlide *self, double width, double height)
{
  const PathwayPresenterActionFacts *facts = &self->action;
  double s = self->scale;
  double mx = round (56 * s), my = round (36 * s);
  double cw = width - 2 * mx;
  double bottom = height - my;
  double gap = round (22 * s), band_gap = round (14 * s), block_gap = round (14 * s);
  double panel_w = MIN (round (320 * s), cw * 0.38);
  double col_gap = round (40 * s);
  double left_w = cw - panel_w - col_gap;
  double pad = round (16 * s), row_gap = round (8 * s);
  double pill_x = round (14 * s), pill_y = round (6 * s);
  gboolean empty = facts->commentary == NULL || *facts->commentary == '\0';
  gboolean has_plan = facts->recovery_plan != NULL && *facts->recovery_plan != '\0';
  double y = my;
  PangoLayout *reference, *position, *workstream = NULL;
  PangoLayout *caption, *word, *note = NULL, *due = NULL;
  double panel_h, right_h, due_h = 0, trail_top;
  double heading_h, body_line, comment_whole, comment_least, plan_whole = 0, plan_least = 0;
  double need_least, need_whole;
  ActionMeasure m = { 0, };
  ActionPlan plan = { 1, 1, TRAIL_NONE };
  int ref_base, h;

  /* Header: reference, workstream, and where this action is in the meeting's list. */
  position = make_lines (self, facts->position, SMALL_PX * s, PANGO_WEIGHT_NORMAL, cw * 0.3, 1);
  reference = make_lines (self, facts->reference, 38 * s, PANGO_WEIGHT_BOLD, cw * 0.45, 1);
  ref_base = pango_layout_get_baseline (reference) / PANGO_SCALE;
  if (facts->workstream != NULL)
    {
      double room = cw - layout_width (reference) - layout_width (position) - 2 * gap;

      if (room > 120 * s)
        workstream = make_lines (self, facts->workstream, 26 * s, PANGO_WEIGHT_NORMAL, room, 1);
    }
  if (workstream != NULL)
    add_part (self, "workstream", workstream, mx + layout_width (reference) + gap,
              y + ref_base - pango_layout_get_baseline (workstream) / PANGO_SCALE, INK_DIM,
              bottom);
  add_part (self, "position", position, mx + cw - layout_width (position),
            y + ref_base - pango_layout_get_baseline (position) / PANGO_SCALE, INK_DIM, bottom);
  h = add_part (self, "reference", reference, mx, y, INK_TEXT, bottom);
  y += MAX (h, 0) + round (10 * s);

  /* What does not give way: the rating panel ("Rating" over the word, large, on its
   * colour), the rating at the last meeting under it, and the due date. */
  caption = make_lines (self, _("Rating"), SMALL_PX * s, PANGO_WEIGHT_NORMAL, panel_w - 2 * pad,
                        1);
  word = fit_text (self, facts->rating_word, PANGO_WEIGHT_BOLD, 52 * s, 32 * s,
                   panel_w - 2 * pad, 2 * line_height (self, 32 * s, PANGO_WEIGHT_BOLD));
  panel_h = pad + layout_height (caption) + round (2 * s) + layout_height (word) + pad;
  right_h = panel_h;
  if (facts->rating_note != NULL)
    {
      note = make_lines (self, facts->rating_note, SMALL_PX * s, PANGO_WEIGHT_NORMAL, panel_w, 2);
      right_h += row_gap + layout_height (note);
    }
  if (facts->due != NULL)
    {
      /* A warning stands out in a pill; a date passed beside a green rating is said plainly. */
      due = make_lines (self, facts->due, BODY_PX * s,
                        facts->due_warning ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                        facts->due_warning ? left_w - 2 * pill_x : left_w - detail_value_x (self),
                        1);
      due_h = facts->due_warning ? round (4 * s) + layout_height (due) + 2 * pill_y + row_gap
                                 : layout_height (due) + row_gap;
    }

  /* What the commentary (and a red action's recovery plan) needs: the least, and all of it. */
  heading_h = line_height (self, SMALL_PX * s, PANGO_WEIGHT_BOLD) + round (6 * s);
  body_line = line_height (self, BODY_PX * s, PANGO_WEIGHT_NORMAL);
  if (empty)
    comment_whole = body_line;
  else
    {
      g_autoptr(PangoLayout) probe = make_text (self, facts->commentary, BODY_PX * s,
                                                PANGO_WEIGHT_NORMAL, cw);

      comment_whole = layout_height (probe);
    }
  /* Three lines, and the line saying how much more there is. */
  comment_least = comment_whole <= 3 * body_line
                    ? comment_whole
                    : 3 * body_line + line_height (self, BODY_FLOOR_PX * s, PANGO_WEIGHT_NORMAL);
  if (has_plan)
    {
      g_autoptr(PangoLayout) probe = make_text (self, facts->recovery_plan, BODY_PX * s,
                                                PANGO_WEIGHT_NORMAL, cw);

      plan_whole = layout_height (probe);
      plan_least = MIN (plan_whole, 2 * body_line);
    }
  need_least = heading_h + comment_least + (has_plan ? block_gap + heading_h + plan_least : 0);
  need_whole = heading_h + comment_whole + (has_plan ? block_gap + heading_h + plan_whole : 0);

  /* The plan: from the least of everything, each step taken while what it needs is still left
   * for the commentary. */
  m.x = mx;
  m.width = cw;
  m.bottom = bottom;
  m.left_w = left_w;
  m.value_x = detail_value_x (self);
  m.fixed = gap + due_h + band_gap;
  m.right_h = right_h + gap + band_gap;
  {
    g_autoptr(PangoLayout) probe = make_text (self, facts->title, TITLE_FLOOR_PX * s,
                                              PANGO_WEIGHT_BOLD, cw);

    m.title_natural = CLAMP (pango_layout_get_line_count (probe), 1,
                             (int) G_N_ELEMENTS (m.title_h));
  }
  {
    static const struct {
      Growth growth;
      int to;
      gboolean whole; /* it needs the whole commentary to fit, not only its least */
    } steps[] = {
      { GROW_TITLE, 2, FALSE },
      { GROW_DETAILS, 2, FALSE },
      { GROW_TITLE, 3, FALSE },
      { GROW_TRAIL, TRAIL_ROW, TRUE },
      { GROW_TRAIL, TRAIL_FULL, TRUE },
      { GROW_DETAILS, 3, TRUE },
      { GROW_TITLE, 4, TRUE },
      { GROW_TITLE, 5, TRUE },
      { GROW_TITLE, 6, TRUE },
      { GROW_TITLE, 7, TRUE },
      { GROW_TITLE, 8, TRUE },
    };
    double room = bottom - y;

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        ActionPlan next = plan;

        if (steps[i].growth == GROW_TITLE)
          {
            if (steps[i].to > m.title_natural)
              continue;
            next.title_lines = steps[i].to;
          }
        else if (steps[i].growth == GROW_DETAILS)
          next.detail_lines = steps[i].to;
        else
          next.trail = steps[i].to;
        if (room - plan_height (self, &m, &next) >= (steps[i].whole ? need_whole : need_least))
          plan = next;
      }
  }

  /* The title: the action's description. */
  h = add_part (self, "title", make_title (self, facts->title, MIN (plan.title_lines,
                                                                     m.title_natural), cw),
                mx, y, INK_TEXT, bottom);
  if (h >= 0)
    y += h + gap;

  /* The trail at the foot; the rest shares what is above it. */
  trail_top = bottom;
  if (plan.trail != TRAIL_NONE)
    trail_top = bottom - lay_out_trail (self, plan.trail, mx, cw, bottom, TRUE) - gap;

  /* Lead, timescale and due date on the left, the rating on the right. */
  {
    double left_y = y, panel_y = y;

    if (facts->lead != NULL)
      {
        h = add_part (self, "lead", make_detail (self, _("Lead"), facts->lead, m.value_x, left_w,
                                                 plan.detail_lines),
                      mx, left_y, INK_TEXT, trail_top);
        if (h >= 0)
          left_y += h + row_gap;
      }
    if (facts->timescale != NULL)
      {
        h = add_part (self, "timescale", make_detail (self, _("Timescale"), facts->timescale,
                                                      m.value_x, left_w, plan.detail_lines),
                      mx, left_y, INK_TEXT, trail_top);
        if (h >= 0)
          left_y += h + row_gap;
      }
    if (due != NULL && facts->due_warning)
      {
        int ow = layout_width (due);

        left_y += round (4 * s);
        h = add_part (self, "due", due, mx + pill_x, left_y + pill_y, INK_ALERT,
                      trail_top - pill_y);
        if (h >= 0)
          {
            add_shape (self, SHAPE_ALERT, mx, left_y, ow + 2 * pill_x, h + 2 * pill_y,
                       round (10 * s), MAX (2.0, round (3 * s)), PATHWAY_RATING_NONE);
            left_y += h + 2 * pill_y + row_gap;
          }
      }
    else if (due != NULL)
      {
        /* Under the timescale's value, which it is about. */
        h = add_part (self, "due", due, mx + m.value_x, left_y, INK_DIM, trail_top);
        if (h >= 0)
          left_y += h + row_gap;
      }

    if (panel_y + panel_h <= trail_top)
      {
        double px = mx + cw - panel_w;

        add_shape (self, SHAPE_RATING, px, panel_y, panel_w, panel_h, round (16 * s), 0,
                   facts->rating);
        add_rating_part (self, "rating-caption", caption, px + pad, panel_y + pad, facts->rating);
        add_rating_part (self, "rating", word, px + pad,
                         panel_y + pad + layout_height (caption) + round (2 * s), facts->rating);
        panel_y += panel_h + row_gap;
        if (note != NULL)
          {
            h = add_part (self, "rating-note", note, px, panel_y, INK_DIM, trail_top);
            if (h >= 0)
              panel_y += h;
          }
      }
    else
      {
        g_object_unref (caption);
        g_object_unref (word);
        g_clear_object (&note);
      }
    y = MAX (left_y, panel_y) + band_gap;
  }

  /* The latest commentary, and a red action's recovery plan below it: the commentary has its
   * least first; then the plan what it needs of the rest, at least its least where that is
   * left, and only the room the commentary does not need to be whole; whatever is left over
   * is the commentary's. A plan with no room for a line gives way (it is back when the note
   * bar closes). */
  {
    PangoLayout *more = NULL;
    PangoLayout *text;
    double region = trail_top - y - heading_h;
    double plan_room = 0;
    double commentary_px = COMMENTARY_PX * s;

    if (has_plan)
      {
        double plan_region = region - block_gap - heading_h;

        plan_room = CLAMP (plan_region - comment_whole, plan_least, plan_whole);
        plan_room = MIN (plan_room, plan_region - MIN (plan_region, comment_least));
        if (plan_room < line_height (self, BODY_FLOOR_PX * s, PANGO_WEIGHT_NORMAL))
          has_plan = FALSE;
        else
          region = plan_region;
      }

    h = add_part (self, "commentary-heading",
                  make_lines (self, facts->commentary_heading, SMALL_PX * s, PANGO_WEIGHT_BOLD,
                              cw, 1),
                  mx, y, INK_DIM, trail_top);
    if (h < 0)
      return;
    y += heading_h;
    if (empty)
      text = make_lines (self, _("No commentary yet."), BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 1);
    else
      text = fit_commentary (self, facts->commentary, COMMENTARY_PX * s, BODY_FLOOR_PX * s, cw,
                             region - (has_plan ? plan_room : 0), &more);
    commentary_px = pango_font_description_get_size (pango_layout_get_font_description (text)) /
                    (double) PANGO_SCALE;
    /* Cut short to nothing, only the line saying how much there is stays. */
    if (*pango_layout_get_text (text) == '\0')
      {
        g_object_unref (text);
        h = 0;
      }
    else
      h = add_part (self, "commentary", text, mx, y, empty ? INK_DIM : INK_TEXT, trail_top);
    if (h >= 0)
      y += h;
    if (more != NULL)
      {
        h = add_part (self, "commentary-more", more, mx, y, INK_DIM, trail_top);
        if (h >= 0)
          y += h;
      }

    if (has_plan)
      {
        y += block_gap;
        h = add_part (self, "recovery-heading",
                      make_lines (self, _("Recovery plan"), SMALL_PX * s, PANGO_WEIGHT_BOLD, cw,
                                  1),
                      mx, y, INK_DIM, trail_top);
        if (h < 0)
          return;
        y += heading_h;
        add_part (self, "recovery",
                  fit_text (self, facts->recovery_plan, PANGO_WEIGHT_NORMAL,
                            MAX (commentary_px, BODY_FLOOR_PX * s), BODY_FLOOR_PX * s, cw,
                            trail_top - y),
                  mx, y, INK_TEXT, trail_top);
      }
  }
}

static void
lay_out_closing (PathwayPresenterSlide *self, double width, double height)
{
  const PathwayPresenterClosingFacts *facts = &self->closing;
  double s = self->scale;
  double mx = round (56 * s), my = round (40 * s);
  double cw = width - 2 * mx;
  double bottom = height - my;
  double y = my;
  double tag_w, tag_gap = round (28 * s), item_gap = round (16 * s);
  double chip = round (40 * s);
  guint n = facts->entries != NULL ? facts->entries->len : 0;
  PangoLayout *footer;
  double footer_h, limit;
  double size;
  guint fitted = 0;
  int h;

  h = add_part (self, "heading",
                make_lines (self, facts->heading, TITLE_PX * s, PANGO_WEIGHT_BOLD, cw, 2),
                mx, y, INK_TEXT, bottom);
  if (h >= 0)
    y += h + round (4 * s);
  h = add_part (self, "subheading",
                make_lines (self, facts->subheading, 26 * s, PANGO_WEIGHT_NORMAL, cw, 1),
                mx, y, INK_DIM, bottom);
  if (h >= 0)
    y += h + round (28 * s);

  footer = make_lines (self, facts->footer, SMALL_PX * s, PANGO_WEIGHT_NORMAL, cw, 1);
  footer_h = layout_height (footer);
  add_part (self, "footer", footer, mx, bottom - footer_h, INK_DIM, bottom);
  limit = bottom - footer_h - round (20 * s);

  if (n == 0)
    {
      add_part (self, "empty",
                make_lines (self, _("Nothing has been re-rated, noted or decided yet."),
                            BODY_PX * s, PANGO_WEIGHT_NORMAL, cw, 2),
                mx, y, INK_DIM, limit);
      return;
    }

  /* The tags' column is as wide as its widest tag. */
  tag_w = 0;
  for (guint i = 0; i < n; i++)
    {
      const PathwayRecordEntry *entry = g_ptr_array_index (facts->entries, i);
      g_autoptr(PangoLayout) probe = NULL;

      if (entry->kind == PATHWAY_RECORD_RERATING)
        {
          probe = make_text (self, "→", BODY_PX * s, PANGO_WEIGHT_BOLD, -1);
          tag_w = MAX (tag_w, 2 * chip + 2 * round (8 * s) + layout_width (probe));
        }
      else
        {
          probe = make_text (self, entry->kind == PATHWAY_RECORD_DECISION ? _("Decision")
                                                                          : _("Note"),
                             SMALL_PX * s, PANGO_WEIGHT_BOLD, -1);
          tag_w = MAX (tag_w, layout_width (probe) + 2 * round (12 * s));
        }
    }
  tag_w = MIN (tag_w, cw * 0.3);

  /* The largest size at which every entry fits; at the floor, as many as fit and a line
   * saying how many more the summary lists. */
  for (size = BODY_PX * s;; size = MAX (BODY_FLOOR_PX * s, size - MAX (1.0, round (s))))
    {
      double total = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PangoLayout) probe = make_lines (self, facts->lines[i], size,
                                                     PANGO_WEIGHT_NORMAL,
                                                     cw - tag_w - tag_gap, 3);

          total += MAX (layout_height (probe), chip) + item_gap;
        }
      if (y + total - item_gap <= limit || size <= BODY_FLOOR_PX * s)
        break;
    }

  for (guint i = 0; i < n; i++)
    {
      const PathwayRecordEntry *entry = g_ptr_array_index (facts->entries, i);
      PangoLayout *line = make_lines (self, facts->lines[i], size, PANGO_WEIGHT_NORMAL,
                                      cw - tag_w - tag_gap, 3);
      double line_h = layout_height (line);
      double row_h = MAX (line_h, chip);
      double reserve = i + 1 < n ? line_height (self, size, PANGO_WEIGHT_NORMAL) + item_gap : 0;

      if (y + row_h + reserve > limit)
        {
          g_object_unref (line);
          break;
        }

      if (entry->kind == PATHWAY_RECORD_RERATING)
        {
          PangoLayout *arrow = make_text (self, "→", size, PANGO_WEIGHT_BOLD, -1);
          double arrow_w = layout_width (arrow);

          add_chip (self, "closing-from", entry->from, mx, y, chip);
          add_part (self, "closing-arrow", arrow, mx + chip + round (8 * s),
                    y + (chip - layout_height (arrow)) / 2, INK_TEXT, limit);
          add_chip (self, "closing-to", entry->to, mx + chip + 2 * round (8 * s) + arrow_w, y,
                    chip);
        }
      else
        {
          double px = round (12 * s);
          PangoLayout *tag = make_lines (self,
                                         entry->kind == PATHWAY_RECORD_DECISION ? _("Decision")
                                                                                 : _("Note"),
                                         SMALL_PX * s, PANGO_WEIGHT_BOLD, tag_w - 2 * px, 1);
          double tag_h = layout_height (tag);

          add_shape (self, SHAPE_TAG, mx, y, layout_width (tag) + 2 * px, chip, round (8 * s),
                     entry->kind == PATHWAY_RECORD_DECISION ? MAX (2.0, round (3 * s))
                                                            : MAX (1.0, round (1.5 * s)),
                     PATHWAY_RATING_NONE);
          add_part (self, "closing-tag", tag, mx + px, y + (chip - tag_h) / 2, INK_TEXT, limit);
        }
      add_part (self, "closing-line", line, mx + tag_w + tag_gap,
                y + MAX (0, (chip - line_height (self, size, PANGO_WEIGHT_NORMAL)) / 2), INK_TEXT,
                limit);
      y += row_h + item_gap;
      fitted++;
    }

  if (fitted < n)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more, in the summary",
                                                         "… and %u more, in the summary",
                                                         n - fitted),
                                               n - fitted);

      add_part (self, "closing-more",
                make_lines (self, text, BODY_FLOOR_PX * s, PANGO_WEIGHT_BOLD, cw, 1),
                mx + tag_w + tag_gap, y, INK_DIM, limit);
    }
}

/* The "you said, we did" slide ------------------------------------------------------------ */

/* A status's chip in the colours of the ratings that mean the same to a board: done is green,
 * acting on it blue, not done amber (the slide says why), only heard grey. */
static PathwayRating
status_colour (PathwayResponseStatus status)
{
  switch (status)
    {
    case PATHWAY_RESPONSE_DONE: return PATHWAY_RATING_GREEN;
    case PATHWAY_RESPONSE_ACTING: return PATHWAY_RATING_BLUE;
    case PATHWAY_RESPONSE_NOT_DONE: return PATHWAY_RATING_AMBER;
    case PATHWAY_RESPONSE_HEARD:
    default: return PATHWAY_RATING_NONE;
    }
}

/* One entry: who said it and when beside its status, then "You said", "We will" and "We did"
 * (or "Why not") under their headings, the links at the foot. The three texts share the room:
 * all at the commentary's size while they fit, shrinking together to the floor; beyond that
 * each has three lines (or all of it) first, and what is left goes to them in order. */
static void
lay_out_coproduction (PathwayPresenterSlide *self, double width, double height)
{
  const PathwayPresenterCoproductionFacts *facts = &self->coproduction;
  double s = self->scale;
  double mx = round (56 * s), my = round (40 * s);
  double cw = width - 2 * mx;
  double bottom = height - my;
  double y = my;
  double block_gap = round (20 * s), heading_gap = round (4 * s);
  double pad_x = round (18 * s), pad_y = round (8 * s);
  const char *headings[3] = { _("You said"), NULL, NULL };
  const char *texts[3] = { facts->said, NULL, NULL };
  const char *names[3] = { "said", NULL, NULL };
  const char *heading_names[3] = { "said-heading", NULL, NULL };
  double natural[3] = { 0, }, room[3] = { 0, };
  PathwayRating colour = status_colour (facts->status);
  PangoLayout *word, *who, *links = NULL;
  double chip_w, chip_h, heading_h, text_room, limit, size, body_line;
  guint n = 1;
  int h;

  if (facts->will_do != NULL && *facts->will_do != '\0')
    {
      headings[n] = _("We will");
      names[n] = "will-do";
      heading_names[n] = "will-do-heading";
      texts[n++] = facts->will_do;
    }
  if (facts->did != NULL && *facts->did != '\0')
    {
      headings[n] = facts->did_heading != NULL ? facts->did_heading : _("We did");
      names[n] = "did";
      heading_names[n] = "did-heading";
      texts[n++] = facts->did;
    }

  h = add_part (self, "heading",
                make_lines (self, facts->heading, TITLE_PX * s, PANGO_WEIGHT_BOLD, cw, 1),
                mx, y, INK_TEXT, bottom);
  if (h >= 0)
    y += h + round (4 * s);
  h = add_part (self, "subheading",
                make_lines (self, facts->period, 26 * s, PANGO_WEIGHT_NORMAL, cw, 1),
                mx, y, INK_DIM, bottom);
  if (h >= 0)
    y += h + round (24 * s);

  /* The links at the foot. */
  limit = bottom;
  if (facts->links != NULL && *facts->links != '\0')
    {
      links = make_lines (self, facts->links, SMALL_PX * s, PANGO_WEIGHT_NORMAL, cw, 2);
      limit = bottom - layout_height (links) - round (16 * s);
      add_part (self, "links", links, mx, bottom - layout_height (links), INK_DIM, bottom);
    }

  /* Who and when on the left, the status on the right. */
  word = make_lines (self, facts->status_word, SMALL_PX * s, PANGO_WEIGHT_BOLD, cw * 0.3, 1);
  chip_w = layout_width (word) + 2 * pad_x;
  chip_h = layout_height (word) + 2 * pad_y;
  who = make_lines (self, facts->who, BODY_PX * s, PANGO_WEIGHT_BOLD, cw - chip_w - round (24 * s),
                    2);
  {
    double top = y;

    h = add_part (self, "who", who, mx, y, INK_TEXT, limit);
    if (h >= 0)
      y += h + round (2 * s);
    h = add_part (self, "date",
                  make_lines (self, facts->date, BODY_PX * s, PANGO_WEIGHT_NORMAL,
                              cw - chip_w - round (24 * s), 1),
                  mx, y, INK_DIM, limit);
    if (h >= 0)
      y += h;
    if (top + chip_h <= limit)
      {
        add_shape (self, SHAPE_RATING, mx + cw - chip_w, top, chip_w, chip_h, chip_h / 2, 0,
                   colour);
        add_rating_part (self, "status", word, mx + cw - chip_w + pad_x, top + pad_y, colour);
        y = MAX (y, top + chip_h);
      }
    else
      g_object_unref (word);
  }
  y += round (22 * s);
  add_shape (self, SHAPE_RULE, mx, y, cw, MAX (1.0, round (2 * s)), 0, 0, PATHWAY_RATING_NONE);
  y += MAX (1.0, round (2 * s)) + round (20 * s);

  /* The room the three texts share, and the size they share it at. */
  heading_h = line_height (self, SMALL_PX * s, PANGO_WEIGHT_BOLD) + heading_gap;
  body_line = line_height (self, BODY_FLOOR_PX * s, PANGO_WEIGHT_NORMAL);
  text_room = limit - y - n * heading_h - (n - 1) * block_gap;
  for (size = COMMENTARY_PX * s;; size = MAX (BODY_FLOOR_PX * s, size - MAX (1.0, round (s))))
    {
      double total = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PangoLayout) probe = make_text (self, texts[i], size, PANGO_WEIGHT_NORMAL,
                                                    cw);

          natural[i] = layout_height (probe);
          total += natural[i];
        }
      if (total <= text_room || size <= BODY_FLOOR_PX * s)
        break;
    }
  {
    double left = text_room;

    for (guint i = 0; i < n; i++)
      {
        room[i] = MIN (natural[i], 3 * body_line);
        left -= room[i];
      }
    for (guint i = 0; i < n && left > 0; i++)
      {
        double more = MIN (natural[i] - room[i], left);

        room[i] += more;
        left -= more;
      }
  }

  for (guint i = 0; i < n; i++)
    {
      h = add_part (self, heading_names[i],
                    make_lines (self, headings[i], SMALL_PX * s, PANGO_WEIGHT_BOLD, cw, 1),
                    mx, y, INK_DIM, limit);
      if (h < 0)
        return;
      y += heading_h;
      h = add_part (self, names[i],
                    fit_text (self, texts[i], PANGO_WEIGHT_NORMAL, size, BODY_FLOOR_PX * s, cw,
                              MAX (room[i], body_line)),
                    mx, y, INK_TEXT, limit);
      if (h < 0)
        return;
      y += h + block_gap;
    }
}

static double
scale_for (PathwayPresenterSlide *self, int width, int height)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  int window_w = surface != NULL ? gdk_surface_get_width (surface) : 0;
  int window_h = surface != NULL ? gdk_surface_get_height (surface) : 0;

  /* The window's size, not the slide's: a bar of keys below the slide takes room from it
   * without making the type smaller. (The surface's, which is the screen's when full
   * screen, and not a few pixels less where a window keeps a border.) */
  if (window_w <= 0 || window_h <= 0)
    {
      window_w = width;
      window_h = height;
    }
  return CLAMP (MIN (window_w / 1024.0, window_h / 768.0), 0.5, 4.0);
}

static void
ensure_layout (PathwayPresenterSlide *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = scale_for (self, width, height);

  if (self->laid_out && self->laid_width == width && self->laid_height == height &&
      self->scale == scale)
    return;
  clear_layout (self);
  self->laid_out = TRUE;
  self->laid_width = width;
  self->laid_height = height;
  self->scale = scale;
  if (width < 200 || height < 150)
    return;

  switch (self->kind)
    {
    case PATHWAY_PRESENTER_SLIDE_TITLE:
      lay_out_title (self, width, height);
      break;
    case PATHWAY_PRESENTER_SLIDE_OVERVIEW:
      lay_out_overview (self, width, height);
      break;
    case PATHWAY_PRESENTER_SLIDE_ACTION:
      lay_out_action (self, width, height);
      break;
    case PATHWAY_PRESENTER_SLIDE_COPRODUCTION:
      lay_out_coproduction (self, width, height);
      break;
    case PATHWAY_PRESENTER_SLIDE_CLOSING:
    default:
      lay_out_closing (self, width, height);
      break;
    }
}

/* Drawing ------------------------------------------------------------------------------------ */

/* The chart in the projector style on a light slide; on a dark one in the dark screen style.
 * Either way it is drawn at a reduced size and scaled up, so its labels are as large as the
 * slide's body text rather than a chart's usual size. */
static void
draw_chart (PathwayPresenterSlide *self, GtkSnapshot *snapshot, gboolean dark)
{
  PathwayChartStyle style = dark ? PATHWAY_CHART_STYLE_SCREEN_DARK
                                 : PATHWAY_CHART_STYLE_PROJECTOR;
  double width = self->chart_area.size.width, height = self->chart_area.size.height;
  double want = BODY_FLOOR_PX * self->scale;
  double zoom = 1.0;
  cairo_t *cr;

  for (; zoom < 3.0; zoom += 0.05)
    {
      PathwayChartTheme theme;

      pathway_chart_theme_init (&theme, style, width / zoom, height / zoom);
      if (theme.font_size * zoom >= want)
        break;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &self->chart_area);
  cairo_translate (cr, self->chart_area.origin.x, self->chart_area.origin.y);
  cairo_scale (cr, zoom, zoom);
  pathway_chart_draw (self->overview.chart, cr, width / zoom, height / zoom, style);
  cairo_destroy (cr);
}

static void
pathway_presenter_slide_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PathwayPresenterSlide *self = PATHWAY_PRESENTER_SLIDE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  Palette palette;

  ensure_layout (self);
  palette_init (&palette, dark);
  gtk_snapshot_append_color (snapshot, &palette.background,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (self->shapes, Shape, i);
      GskRoundedRect rounded;
      GdkRGBA fill, ink;

      gsk_rounded_rect_init_from_rect (&rounded, &shape->rect, shape->radius);
      switch (shape->kind)
        {
        case SHAPE_RATING:
          rating_colours (shape->rating, &fill, &ink);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &fill, &shape->rect);
          gtk_snapshot_pop (snapshot);
          /* A fill too close to the slide's background (amber on white; grey, red, green or
           * blue on near-black) gets an edge that stands apart from it by 3:1, as WCAG asks
           * of a shape that carries meaning: the fill taken halfway to the text's colour. */
          if (contrast_ratio (&fill, &palette.background) < 3.0)
            {
              GdkRGBA edge = mix_colours (&fill, &palette.text, 0.5);
              const float w = 2;

              gtk_snapshot_append_border (snapshot, &rounded, (float[4]) { w, w, w, w },
                                          (GdkRGBA[4]) { edge, edge, edge, edge });
            }
          break;
        case SHAPE_ALERT:
        case SHAPE_TAG:
          {
            GdkRGBA edge = shape->kind == SHAPE_ALERT ? palette.alert : palette.text;
            float w = shape->line_width;

            if (shape->kind == SHAPE_ALERT)
              {
                gtk_snapshot_push_rounded_clip (snapshot, &rounded);
                gtk_snapshot_append_color (snapshot, &palette.alert_background, &shape->rect);
                gtk_snapshot_pop (snapshot);
              }
            gtk_snapshot_append_border (snapshot, &rounded, (float[4]) { w, w, w, w },
                                        (GdkRGBA[4]) { edge, edge, edge, edge });
          }
          break;
        case SHAPE_RULE:
        default:
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &palette.rule, &shape->rect);
          gtk_snapshot_pop (snapshot);
          break;
        }
    }

  if (self->has_chart && self->overview.chart != NULL)
    draw_chart (self, snapshot, dark);

  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);
      GdkRGBA colour, fill;

      switch (part->ink)
        {
        case INK_DIM:
          colour = palette.dim;
          break;
        case INK_ALERT:
          colour = palette.alert;
          break;
        case INK_ON_FILL:
          rating_colours (part->rating, &fill, &colour);
          break;
        case INK_TEXT:
        default:
          colour = palette.text;
          break;
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (part->public.x, part->public.y));
      gtk_snapshot_append_layout (snapshot, part->public.layout, &colour);
      gtk_snapshot_restore (snapshot);
    }
}

/* Accessibility ------------------------------------------------------------------------------ */

/* Appends "text." (or "heading: text.") as a sentence of its own, when there is text. */
static void
append_sentence (GString *text, const char *heading, const char *words)
{
  if (words == NULL || *words == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (heading != NULL)
    /* TRANSLATORS: a heading and its text read out, "Lead: Priya Shah" */
    g_string_append_printf (text, _("%s: %s"), heading, words);
  else
    g_string_append (text, words);
  /* A sentence's full stop, unless it ends with one of its own. */
  if (!g_str_has_suffix (words, ".") && !g_str_has_suffix (words, "!") &&
      !g_str_has_suffix (words, "?") && !g_str_has_suffix (words, "…"))
    g_string_append_c (text, '.');
}

/* The rating history in words, oldest first: "Amber, 12 Jun 2026; Red, 3 Sep 2026". */
static char *
trail_words (const PathwayPresenterActionFacts *facts)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < MIN (facts->n_trail, G_N_ELEMENTS (facts->trail)); i++)
    {
      const PathwayPresenterTrailStep *step = &facts->trail[i];

      if (words->len > 0)
        g_string_append (words, "; ");
      /* TRANSLATORS: one step of an action's rating history, "Amber, 12 Jun 2026" */
      g_string_append_printf (words, _("%s, %s"),
                              step->word != NULL ? step->word
                                                 : pathway_rating_letter (step->rating),
                              step->date != NULL ? step->date : "");
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* The slide's words for a screen reader, in reading order: the name says which slide it is
 * (an action's reference and title, or the slide's heading), the description everything else
 * the slide shows, in full where the slide has had to shorten it. */
static void
update_accessible (PathwayPresenterSlide *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;

  switch (self->kind)
    {
    case PATHWAY_PRESENTER_SLIDE_TITLE:
      name = g_strdup (self->title.board);
      append_sentence (text, NULL, self->title.programme);
      append_sentence (text, NULL, self->title.meeting);
      append_sentence (text, NULL, self->title.date);
      append_sentence (text, NULL, self->title.location);
      append_sentence (text, NULL, self->title.agenda);
      append_sentence (text, NULL, _("Press H to show the keys"));
      break;
    case PATHWAY_PRESENTER_SLIDE_OVERVIEW:
      {
        g_autofree char *chart = self->overview.chart != NULL
                                   ? pathway_chart_describe (self->overview.chart) : NULL;

        name = g_strdup (self->overview.heading);
        append_sentence (text, NULL, self->overview.as_at);
        append_sentence (text, NULL, self->overview.counts);
        append_sentence (text, NULL, self->overview.agenda);
        append_sentence (text, NULL, chart);
      }
      break;
    case PATHWAY_PRESENTER_SLIDE_ACTION:
      {
        const PathwayPresenterActionFacts *facts = &self->action;
        g_autofree char *trail = trail_words (facts);

        /* TRANSLATORS: an action slide's name, its reference and title, "1B iii, Include the
         * views of children" */
        name = g_strdup_printf (_("%s, %s"), facts->reference ? facts->reference : "",
                                facts->title ? facts->title : "");
        append_sentence (text, NULL, facts->position);
        append_sentence (text, NULL, facts->workstream);
        append_sentence (text, _("Rating"), facts->rating_word);
        append_sentence (text, NULL, facts->rating_note);
        append_sentence (text, NULL, facts->due);
        append_sentence (text, _("Lead"), facts->lead);
        append_sentence (text, _("Timescale"), facts->timescale);
        if (facts->commentary != NULL && *facts->commentary != '\0')
          append_sentence (text, facts->commentary_heading, facts->commentary);
        else
          append_sentence (text, facts->commentary_heading, _("None written"));
        append_sentence (text, _("Recovery plan"), facts->recovery_plan);
        if (facts->n_trail > 0)
          append_sentence (text, _("Rating history"), trail);
        else
          append_sentence (text, NULL, _("No rating recorded yet"));
      }
      break;
    case PATHWAY_PRESENTER_SLIDE_COPRODUCTION:
      name = g_strdup (self->coproduction.heading);
      append_sentence (text, NULL, self->coproduction.period);
      append_sentence (text, NULL, self->coproduction.date);
      append_sentence (text, NULL, self->coproduction.who);
      append_sentence (text, _("Status"), self->coproduction.status_word);
      append_sentence (text, _("You said"), self->coproduction.said);
      append_sentence (text, _("We will"), self->coproduction.will_do);
      append_sentence (text,
                       self->coproduction.did_heading != NULL
                         ? self->coproduction.did_heading : _("We did"),
                       self->coproduction.did);
      append_sentence (text, NULL, self->coproduction.links);
      break;
    case PATHWAY_PRESENTER_SLIDE_CLOSING:
    default:
      name = g_strdup (self->closing.heading);
      append_sentence (text, NULL, self->closing.subheading);
      for (guint i = 0; self->closing.lines != NULL && self->closing.lines[i] != NULL; i++)
        append_sentence (text, NULL, self->closing.lines[i]);
      if (self->closing.lines == NULL || self->closing.lines[0] == NULL)
        append_sentence (text, NULL, _("Nothing has been re-rated, noted or decided yet."));
      append_sentence (text, NULL, self->closing.footer);
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
changed (PathwayPresenterSlide *self, PathwayPresenterSlideKind kind)
{
  self->kind = kind;
  clear_layout (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Class -------------------------------------------------------------------------------------- */

static void
pathway_presenter_slide_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ensure_layout (PATHWAY_PRESENTER_SLIDE (widget));
}

static void
pathway_presenter_slide_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                                 int *minimum, int *natural, int *minimum_baseline,
                                 int *natural_baseline)
{
  /* The slide takes whatever room it is given and fits itself to it. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1024 : 768;
}

static void
dark_changed_cb (PathwayPresenterSlide *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pathway_presenter_slide_finalize (GObject *object)
{
  PathwayPresenterSlide *self = PATHWAY_PRESENTER_SLIDE (object);

  clear_layout (self);
  g_array_unref (self->parts);
  g_array_unref (self->shapes);
  pathway_presenter_title_facts_clear (&self->title);
  pathway_presenter_overview_facts_clear (&self->overview);
  pathway_presenter_action_facts_clear (&self->action);
  pathway_presenter_closing_facts_clear (&self->closing);
  pathway_presenter_coproduction_facts_clear (&self->coproduction);

  G_OBJECT_CLASS (pathway_presenter_slide_parent_class)->finalize (object);
}

static void
pathway_presenter_slide_class_init (PathwayPresenterSlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathway_presenter_slide_finalize;
  widget_class->snapshot = pathway_presenter_slide_snapshot;
  widget_class->size_allocate = pathway_presenter_slide_size_allocate;
  widget_class->measure = pathway_presenter_slide_measure;
  gtk_widget_class_set_css_name (widget_class, "presenterslide");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pathway_presenter_slide_init (PathwayPresenterSlide *self)
{
  self->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  self->shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
  self->kind = PATHWAY_PRESENTER_SLIDE_TITLE;
  self->scale = 1.0;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pathway_presenter_slide_new (void)
{
  return g_object_new (PATHWAY_TYPE_PRESENTER_SLIDE, NULL);
}

void
pathway_presenter_slide_show_title (PathwayPresenterSlide *self,
                                    PathwayPresenterTitleFacts *facts)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self));

  pathway_presenter_title_facts_clear (&self->title);
  self->title = *facts;
  *facts = (PathwayPresenterTitleFacts) { NULL, };
  changed (self, PATHWAY_PRESENTER_SLIDE_TITLE);
}

void
pathway_presenter_slide_show_overview (PathwayPresenterSlide *self,
                                       PathwayPresenterOverviewFacts *facts)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self));

  pathway_presenter_overview_facts_clear (&self->overview);
  self->overview = *facts;
  *facts = (PathwayPresenterOverviewFacts) { NULL, };
  changed (self, PATHWAY_PRESENTER_SLIDE_OVERVIEW);
}

void
pathway_presenter_slide_show_action (PathwayPresenterSlide *self,
                                     PathwayPresenterActionFacts *facts)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self));

  pathway_presenter_action_facts_clear (&self->action);
  self->action = *facts;
  *facts = (PathwayPresenterActionFacts) { NULL, };
  changed (self, PATHWAY_PRESENTER_SLIDE_ACTION);
}

void
pathway_presenter_slide_show_closing (PathwayPresenterSlide *self,
                                      PathwayPresenterClosingFacts *facts)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self));

  pathway_presenter_closing_facts_clear (&self->closing);
  self->closing = *facts;
  *facts = (PathwayPresenterClosingFacts) { NULL, };
  changed (self, PATHWAY_PRESENTER_SLIDE_CLOSING);
}

void
pathway_presenter_slide_show_coproduction (PathwayPresenterSlide *self,
                                           PathwayPresenterCoproductionFacts *facts)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self));

  pathway_presenter_coproduction_facts_clear (&self->coproduction);
  self->coproduction = *facts;
  *facts = (PathwayPresenterCoproductionFacts) { NULL, };
  changed (self, PATHWAY_PRESENTER_SLIDE_COPRODUCTION);
}

PathwayPresenterSlideKind
pathway_presenter_slide_get_kind (PathwayPresenterSlide *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), PATHWAY_PRESENTER_SLIDE_TITLE);
  return self->kind;
}

double
pathway_presenter_slide_get_scale (PathwayPresenterSlide *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), 1.0);
  ensure_layout (self);
  return self->scale;
}

guint
pathway_presenter_slide_get_n_parts (PathwayPresenterSlide *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), 0);
  ensure_layout (self);
  return self->parts->len;
}

const PathwayPresenterTextPart *
pathway_presenter_slide_get_part (PathwayPresenterSlide *self, guint index)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), NULL);
  ensure_layout (self);
  g_return_val_if_fail (index < self->parts->len, NULL);
  return &g_array_index (self->parts, Part, index).public;
}

const PathwayPresenterTextPart *
pathway_presenter_slide_find_part (PathwayPresenterSlide *self, const char *name)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), NULL);
  ensure_layout (self);
  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);

      if (g_str_equal (part->public.name, name))
        return &part->public;
    }
  return NULL;
}

gboolean
pathway_presenter_slide_get_chart_area (PathwayPresenterSlide *self, graphene_rect_t *area)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER_SLIDE (self), FALSE);
  ensure_layout (self);
  if (self->has_chart && area != NULL)
    *area = self->chart_area;
  return self->has_chart;
}
