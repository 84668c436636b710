/* test-contrast.c: the contrast of every text style the app uses, measured from what GTK draws.
 *
 * Each style is a real label with the app's classes (and libadwaita's: dim-label, caption,
 * heading, the titles, a row's subtitle, links) inside the elements its rule in ui/style.css
 * names, on the backgrounds text sits on (the window, a view, a card), in light and in dark
 * (AdwStyleManager's colour scheme). The label shows a full block ("█"), so the pixel at the
 * glyph's centre is the text's colour exactly as drawn, its opacity and alpha included; the
 * pixel beside the glyph, inside the label, is the background under it (a chip's own fill, a
 * bar's tint). The WCAG 2.2 contrast ratio of the two must be at least 4.5:1. A chip (a rating
 * badge and the other coloured chips) must also stand apart from what is around it: its
 * outermost pixel against the background just outside it at least 3:1. The presenter's bars
 * are measured in a window styled as the presenter's, and a real slide is drawn with every
 * part it colours (text, dim text, the overdue warning, the rating panel and the history's
 * chips) to measure its inks and its chips' edges the same way.
 *
 * Every pair measured is printed as a TAP diagnostic: the style, the background, light or
 * dark, the ratio and the two colours. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "pathway-presenter-slide.h"
#include "pathway-style.h"

#define BLOCK "█"
#define TEXT_MINIMUM 4.5
#define OUTLINE_MINIMUM 3.0

typedef enum {
  MEASURE_TEXT,
  MEASURE_CHIP,      /* the text on its own fill, and the chip's edge against what is around */
  MEASURE_LINK,      /* a link button's label */
  MEASURE_VISITED,   /* a visited link button's label */
  MEASURE_SUBTITLE,  /* an action row's subtitle */
} Measure;

typedef struct {
  const char *context; /* the elements around the label, outermost first: "columnview.a .b" */
  const char *classes; /* the label's own classes */
  Measure measure;
} Style;

static const Style styles[] = {
  /* libadwaita's, as the app's views and dialogs use them. */
  { "", "", MEASURE_TEXT },
  { "", "dim-label", MEASURE_TEXT },
  { "", "caption", MEASURE_TEXT },
  { "", "caption dim-label", MEASURE_TEXT },
  { "", "heading", MEASURE_TEXT },
  { "", "heading dim-label", MEASURE_TEXT },
  { "", "title-1", MEASURE_TEXT },
  { "", "title-2", MEASURE_TEXT },
  { "", "title-4", MEASURE_TEXT },
  { "", "numeric dim-label", MEASURE_TEXT },
  { "", "error", MEASURE_TEXT },
  { "", "warning", MEASURE_TEXT },
  { "", "accent", MEASURE_TEXT },
  { "", "", MEASURE_LINK },
  { "", "", MEASURE_VISITED },
  { "", "", MEASURE_SUBTITLE },
  /* The figures on the Overview and Indicators: a number and its words on a card. */
  { ".summary-figure", "title-1", MEASURE_TEXT },
  { ".summary-figure", "caption dim-label", MEASURE_TEXT },
  /* Rating badges and the other chips. */
  { "", "rating-badge red", MEASURE_CHIP },
  { "", "rating-badge amber", MEASURE_CHIP },
  { "", "rating-badge green", MEASURE_CHIP },
  { "", "rating-badge blue", MEASURE_CHIP },
  { "", "rating-badge none", MEASURE_CHIP },
  { "", "rating-badge small amber", MEASURE_CHIP },
  { "", "trajectory-chip", MEASURE_TEXT },
  { "", "trajectory-chip good", MEASURE_CHIP },
  { "", "trajectory-chip attention", MEASURE_CHIP },
  { "", "coproduction-status", MEASURE_TEXT },
  { "", "coproduction-status done", MEASURE_CHIP },
  { "", "coproduction-status acting", MEASURE_CHIP },
  { "", "coproduction-status not-done", MEASURE_CHIP },
  { "", "risk-score none", MEASURE_TEXT },
  { "", "risk-score low", MEASURE_CHIP },
  { "", "risk-score medium", MEASURE_CHIP },
  { "", "risk-score high", MEASURE_CHIP },
  { "", "risk-score very-high", MEASURE_CHIP },
  { "", "return-state returned", MEASURE_TEXT },
  { "", "return-state outstanding", MEASURE_TEXT },
  { "", "return-state overdue", MEASURE_TEXT },
  { "", "workstream-code", MEASURE_TEXT },
  { "", "setup-number", MEASURE_TEXT },
  /* The app's own text styles, in the elements their rules name. */
  { "columnview.actions-table", "match-reason", MEASURE_TEXT },
  { ".actions-toolbar dropdown.filter-active button", "", MEASURE_TEXT },
  { ".risks-toolbar dropdown.filter-active button", "", MEASURE_TEXT },
  { "", "import-column-letter", MEASURE_TEXT },
  { "row.import-no-header", "title", MEASURE_TEXT },
  { ".import-preview", "import-row-number", MEASURE_TEXT },
  { ".import-preview", "import-outcome", MEASURE_TEXT },
  { ".import-preview", "import-above-header", MEASURE_TEXT },
  { ".import-preview", "import-skipped-row import-outcome", MEASURE_TEXT },
  { ".import-preview", "import-heading-row import-outcome", MEASURE_TEXT },
  { ".import-preview", "import-error-row import-outcome", MEASURE_TEXT },
  { ".import-preview .import-header-row", "", MEASURE_TEXT },
  { ".import-preview .import-hidden-column", "", MEASURE_TEXT },
  { ".import-preview", "import-cell error", MEASURE_TEXT },
  { ".import-preview", "import-cell warning", MEASURE_TEXT },
  { "", "import-summary-errors", MEASURE_TEXT },
  { "", "coproduction-heading", MEASURE_TEXT },
  { ".coproduction-summary", "coproduction-audience", MEASURE_TEXT },
  { "", "risk-overdue", MEASURE_TEXT },
  { "row.risk-link-unknown", "", MEASURE_TEXT },
  { "row.return-conflict", "", MEASURE_TEXT },
  { ".read-only-bar", "", MEASURE_TEXT },
  { ".read-only-bar", "dim-label", MEASURE_TEXT },
  { ".read-only-bar.connection-lost", "", MEASURE_TEXT },
  { ".update-round-bar", "", MEASURE_TEXT },
  { ".update-round-bar", "dim-label", MEASURE_TEXT },
  { ".action-editor-error-bar", "", MEASURE_TEXT },
  { ".import-error-bar", "", MEASURE_TEXT },
  { "", "history-note", MEASURE_TEXT },
};

/* The presenter's bars, in a window styled as the presenter is. */
static const Style presenter_styles[] = {
  { ".presenter-bar", "", MEASURE_TEXT },
  { ".presenter-bar", "presenter-read-only", MEASURE_TEXT },
  { ".presenter-bar.presenter-note-bar", "presenter-note-prompt", MEASURE_TEXT },
  { ".presenter-bar.presenter-note-bar", "presenter-help", MEASURE_TEXT },
  { ".presenter-bar.presenter-note-bar", "presenter-note-problem", MEASURE_TEXT },
  { ".presenter-bar.presenter-note-bar", "rating-badge amber", MEASURE_CHIP },
  { ".presenter-bar.presenter-note-bar", "rating-badge blue", MEASURE_CHIP },
};

/* The backgrounds text sits on: the window's, a view's and a card's. */
static const char *surfaces[] = { "", "view", "card" };

typedef struct {
  const char *what;
  const char *surface;
  GtkWidget *label;
  Measure measure;
} Sample;

typedef struct {
  GdkTexture *texture;
  guchar *pixels;
  gsize stride;
  int width;
  int height;
} Picture;

typedef struct {
  guint n_measured;
  guint n_failed;
  gboolean dark;
} Tally;

/* Colours and the WCAG ratio ---------------------------------------------------------------- */

typedef struct {
  guchar r, g, b;
} Colour;

static double
channel (guchar value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Colour c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

static double
contrast (Colour a, Colour b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static gboolean
colour_equal (Colour a, Colour b)
{
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void
record (Tally *tally, const char *what, const char *surface, Colour front, Colour back,
        double minimum)
{
  double ratio = contrast (front, back);
  const char *scheme = tally->dark ? "dark" : "light";

  g_test_message ("%s on %s, %s: %.2f:1 (#%02x%02x%02x on #%02x%02x%02x)%s", what, surface,
                  scheme, ratio, front.r, front.g, front.b, back.r, back.g, back.b,
                  ratio < minimum ? " BELOW THE MINIMUM" : "");
  tally->n_measured++;
  if (ratio < minimum)
    tally->n_failed++;
}

/* Pictures --------------------------------------------------------------------------------- */

static void
picture_take (Picture *picture, GtkWidget *window)
{
  g_autoptr(GskRenderNode) node = wait_for_picture (window);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (window));

  picture->width = gtk_widget_get_width (window);
  picture->height = gtk_widget_get_height (window);
  picture->texture = gsk_renderer_render_texture (renderer, node,
                                                  &GRAPHENE_RECT_INIT (0, 0, picture->width,
                                                                       picture->height));
  picture->stride = picture->width * 4;
  picture->pixels = g_malloc (picture->stride * picture->height);
  /* Cairo's ARGB32, premultiplied; the window is opaque, so the alpha is always whole. */
  gdk_texture_download (picture->texture, picture->pixels, picture->stride);
}

static void
picture_clear (Picture *picture)
{
  g_clear_object (&picture->texture);
  g_clear_pointer (&picture->pixels, g_free);
}

static Colour
pixel (Picture *picture, double x, double y)
{
  int ix = CLAMP ((int) floor (x), 0, picture->width - 1);
  int iy = CLAMP ((int) floor (y), 0, picture->height - 1);
  guchar *p = picture->pixels + iy * picture->stride + ix * 4;
  guint32 argb = *(guint32 *) p;

  g_assert_cmpuint (argb >> 24, ==, 0xff);
  return (Colour) { (argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff };
}

/* The centre of the block glyph at byte 'index' of a layout drawn at (x, y) in 'widget', in
 * the window's coordinates; and the point just left of the glyph, on the same line. */
static void
glyph_points (GtkWidget *widget, GtkWidget *window, PangoLayout *layout, double x, double y,
              int index, graphene_point_t *centre, graphene_point_t *beside)
{
  PangoRectangle rect;
  graphene_point_t local;

  pango_layout_index_to_pos (layout, index, &rect);
  local = GRAPHENE_POINT_INIT (x + (rect.x + rect.width / 2.0) / PANGO_SCALE,
                               y + (rect.y + rect.height / 2.0) / PANGO_SCALE);
  g_assert_true (gtk_widget_compute_point (widget, window, &local, centre));
  local = GRAPHENE_POINT_INIT (x + rect.x / (double) PANGO_SCALE - 2.5,
                               y + (rect.y + rect.height / 2.0) / PANGO_SCALE);
  g_assert_true (gtk_widget_compute_point (widget, window, &local, beside));
}

/* Building the styles ---------------------------------------------------------------------- */

static void
element_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->dispose (object);
}

static void
element_class_init (gpointer klass, gpointer data)
{
  G_OBJECT_CLASS (klass)->dispose = element_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), data);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

/* A widget whose CSS node has that name ("columnview", "row"), as the rule being measured
 * names it, holding one child. */
static GtkWidget *
element_new (const char *name)
{
  g_autofree char *type_name = g_strdup_printf ("ContrastElement_%s", name);
  GType type = g_type_from_name (type_name);

  if (type == 0)
    {
      const GTypeInfo info = {
        sizeof (GtkWidgetClass), NULL, NULL, element_class_init, NULL, g_intern_string (name),
        sizeof (GtkWidget), 0, NULL, NULL,
      };

      type = g_type_register_static (GTK_TYPE_WIDGET, type_name, &info, 0);
    }
  return g_object_new (type, NULL);
}

static void
add_classes (GtkWidget *widget, const char *classes)
{
  g_auto(GStrv) names = g_strsplit (classes, ".", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      gtk_widget_add_css_class (widget, names[i]);
}

/* The elements of 'context' ("columnview.a .b"), outermost first, each holding the next; the
 * innermost holds 'child'. Returns the outermost. */
static GtkWidget *
wrap_in_context (GtkWidget *child, const char *context)
{
  g_auto(GStrv) steps = g_strsplit (context, " ", -1);
  GtkWidget *inner = child;

  for (guint i = g_strv_length (steps); i > 0; i--)
    {
      const char *step = steps[i - 1];
      const char *dot = strchr (step, '.');
      g_autofree char *name = g_strndup (step, dot != NULL ? (gsize) (dot - step) : strlen (step));
      GtkWidget *outer;

      if (*step == '\0')
        continue;
      outer = *name != '\0' ? element_new (name) : gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      if (dot != NULL)
        add_classes (outer, dot);
      if (GTK_IS_BOX (outer))
        gtk_box_append (GTK_BOX (outer), inner);
      else
        gtk_widget_set_parent (inner, outer);
      inner = outer;
    }
  return inner;
}

/* A label showing the block, with room beside the glyph (the background under the text) and
 * a margin around it (the background around a chip). Returns the widget to place, and the
 * label in 'label'. */
static GtkWidget *
sample_new (const Style *style, GtkWidget **label)
{
  GtkWidget *top;

  switch (style->measure)
    {
    case MEASURE_LINK:
    case MEASURE_VISITED:
      top = gtk_link_button_new_with_label ("https://example.org/", BLOCK);
      gtk_link_button_set_visited (GTK_LINK_BUTTON (top), style->measure == MEASURE_VISITED);
      *label = gtk_button_get_child (GTK_BUTTON (top));
      gtk_widget_set_size_request (*label, 40, -1);
      break;
    case MEASURE_SUBTITLE:
      {
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Title");
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), BLOCK);
        top = gtk_list_box_new ();
        gtk_widget_add_css_class (top, "boxed-list");
        gtk_list_box_append (GTK_LIST_BOX (top), row);
        *label = find_of_type (row, GTK_TYPE_LABEL, "subtitle");
        g_assert_nonnull (*label);
        /* Room for the background on both sides of the glyph. */
        gtk_label_set_xalign (GTK_LABEL (*label), 0.5);
        gtk_widget_set_size_request (*label, 40, -1);
      }
      break;
    case MEASURE_TEXT:
    case MEASURE_CHIP:
    default:
      *label = gtk_label_new (BLOCK);
      gtk_widget_set_size_request (*label, 40, -1);
      {
        g_autofree char *dotted = g_strdelimit (g_strdup (style->classes), " ", '.');

        add_classes (*label, dotted);
      }
      top = *label;
      break;
    }
  gtk_widget_set_margin_start (*label, 6);
  gtk_widget_set_margin_end (*label, 6);
  gtk_widget_set_margin_top (*label, 6);
  gtk_widget_set_margin_bottom (*label, 6);
  return wrap_in_context (top, style->context);
}

static char *
describe_style (const Style *style)
{
  const char *what = style->measure == MEASURE_LINK ? "link"
                     : style->measure == MEASURE_VISITED ? "visited link"
                     : style->measure == MEASURE_SUBTITLE ? "row subtitle"
                     : *style->classes != '\0' ? style->classes : "label";

  return *style->context != '\0' ? g_strdup_printf ("%s in %s", what, style->context)
                                 : g_strdup (what);
}

/* The text's colour and the background's in a label showing the block: along the middle of
 * the label, from just inside its left edge (the background under the text; inside a chip's
 * edge), to the first pixel unlike it (the glyph's edge, perhaps partly covered) and on to the
 * last; the glyph's colour is the one in the middle of that run, wholly covered. */
static void
label_colours (Picture *picture, GtkWidget *label, GtkWidget *window, Colour *text,
               Colour *background)
{
  graphene_rect_t bounds;
  double y, x, first = -1, last = -1;

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  y = bounds.origin.y + bounds.size.height / 2.0;
  *background = pixel (picture, bounds.origin.x + 2.5, y);
  for (x = bounds.origin.x + 3.5; x < bounds.origin.x + bounds.size.width - 1; x += 1)
    {
      gboolean unlike = !colour_equal (pixel (picture, x, y), *background);

      if (unlike && first < 0)
        first = x;
      if (unlike)
        last = x;
      else if (first >= 0)
        break;
    }
  g_assert_cmpfloat (first, >=, 0);
  /* A block a few pixels wide: its middle is wholly covered. */
  g_assert_cmpfloat (last - first, >=, 2);
  *text = pixel (picture, (first + last) / 2.0, y);
}

/* Measures the text of every sample, and the edge of every chip, in the picture. */
static void
measure_samples (Tally *tally, GArray *samples, GtkWidget *window, Picture *picture)
{
  for (guint i = 0; i < samples->len; i++)
    {
      Sample *sample = &g_array_index (samples, Sample, i);
      Colour text, background;

      label_colours (picture, sample->label, window, &text, &background);
      record (tally, sample->what, sample->surface, text, background, TEXT_MINIMUM);
      if (sample->measure == MEASURE_CHIP)
        {
          g_autofree char *what = g_strdup_printf ("edge of %s", sample->what);
          graphene_rect_t bounds;
          double y;

          /* The chip's first column of pixels at half its height (its border box: a widget's
           * own coordinates start at its content), against its margin. */
          g_assert_true (gtk_widget_compute_bounds (sample->label, window, &bounds));
          y = bounds.origin.y + bounds.size.height / 2.0;
          record (tally, what, sample->surface, pixel (picture, bounds.origin.x + 0.5, y),
                  pixel (picture, bounds.origin.x - 3.5, y), OUTLINE_MINIMUM);
        }
    }
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  drain_main_loop ();
}

static void
report (Tally *tally)
{
  g_test_message ("%u pairs measured, %u below the minimum", tally->n_measured, tally->n_failed);
  if (tally->n_failed > 0)
    g_test_fail_printf ("%u of %u pairs have too little contrast (see the diagnostics)",
                        tally->n_failed, tally->n_measured);
}

/* The app's styles ------------------------------------------------------------------------- */

static void
test_app_styles (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  GtkWidget *window = adw_window_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GArray) samples = g_array_new (FALSE, TRUE, sizeof (Sample));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0, 0, dark };
  Picture picture = { NULL, };

  set_dark (dark);
  /* The picture is of the content, which draws the window's background (a window's own
   * picture takes in its frame, and is scaled to fit). */
  gtk_widget_add_css_class (column, "background");
  adw_window_set_content (ADW_WINDOW (window), column);
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      GtkWidget *surface = gtk_grid_new ();

      gtk_widget_set_margin_start (surface, 12);
      gtk_widget_set_margin_end (surface, 12);
      if (*surfaces[s] != '\0')
        gtk_widget_add_css_class (surface, surfaces[s]);
      gtk_box_append (GTK_BOX (column), surface);
      for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
        {
          Sample sample = { NULL, *surfaces[s] != '\0' ? surfaces[s] : "window",
                            NULL, styles[i].measure };
          char *what = describe_style (&styles[i]);

          g_ptr_array_add (names, what);
          sample.what = what;
          gtk_grid_attach (GTK_GRID (surface), sample_new (&styles[i], &sample.label), i % 12,
                           i / 12, 1, 1);
          g_array_append_val (samples, sample);
        }
    }
  pathway_style_install (gtk_widget_get_display (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (window);
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, dark);

  /* Drawn twice, so the picture is of the window as laid out at its final size. */
  wait_for_drawn (window);
  picture_take (&picture, column);
  measure_samples (&tally, samples, column, &picture);
  picture_clear (&picture);
  destroy_window (window);
  report (&tally);
}

/* The presenter ------------------------------------------------------------------------------ */

/* An action slide whose every coloured part shows the block: its text, dim text, the overdue
 * warning, the words on the rating panel; and a history of every rating, whose chips show
 * their letters. */
static void
show_blocks (PathwayPresenterSlide *slide, PathwayRating rating)
{
  static const PathwayRating trail[] = { PATHWAY_RATING_NONE, PATHWAY_RATING_RED,
                                         PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
                                         PATHWAY_RATING_BLUE };
  PathwayPresenterActionFacts facts = { NULL, };

  facts.reference = g_strdup (BLOCK);
  facts.title = g_strdup (BLOCK);
  facts.workstream = g_strdup (BLOCK);
  facts.lead = g_strdup (BLOCK);
  facts.timescale = g_strdup (BLOCK);
  facts.due = g_strdup (BLOCK);
  facts.due_warning = TRUE;
  facts.rating = rating;
  facts.rating_word = g_strdup (BLOCK);
  facts.rating_note = g_strdup (BLOCK);
  facts.commentary_heading = g_strdup (BLOCK);
  facts.commentary = g_strdup (BLOCK);
  for (guint i = 0; i < G_N_ELEMENTS (trail); i++)
    {
      facts.trail[i].rating = trail[i];
      facts.trail[i].word = g_strdup ("Word");
      facts.trail[i].date = g_strdup (BLOCK);
    }
  facts.n_trail = G_N_ELEMENTS (trail);
  facts.position = g_strdup (BLOCK);
  pathway_presenter_slide_show_action (slide, &facts);
}

/* Going left from (x, y) to the first pixel of the slide's background: the shape's edge is
 * the pixel two further in (the one next to the background may be partly covered). */
static void
measure_edge (Tally *tally, Picture *picture, const char *what, double x, double y,
              Colour background)
{
  double bx = x;

  while (bx > 0 && !colour_equal (pixel (picture, bx, y), background))
    bx -= 1;
  g_assert_cmpfloat (bx, >, 0);
  record (tally, what, "slide", pixel (picture, bx + 2, y), background, OUTLINE_MINIMUM);
}

static void
test_presenter (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  static const PathwayRating ratings[] = { PATHWAY_RATING_NONE, PATHWAY_RATING_RED,
                                           PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
                                           PATHWAY_RATING_BLUE };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *column = element_new ("window");
  GtkWidget *bars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  PathwayPresenterSlide *slide = PATHWAY_PRESENTER_SLIDE (pathway_presenter_slide_new ());
  g_autoptr(GArray) samples = g_array_new (FALSE, TRUE, sizeof (Sample));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0, 0, dark };

  set_dark (dark);
  /* As the presenter styles its window (pathway-presenter.c): an element named "window" is
   * the picture taken, as a window's own picture takes in its frame. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (column)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (column, "presenter");
  if (dark)
    gtk_widget_add_css_class (column, "dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 900);
  gtk_window_set_child (GTK_WINDOW (window), column);
  gtk_widget_set_size_request (GTK_WIDGET (slide), 1024, 768);
  gtk_widget_set_parent (GTK_WIDGET (slide), column);
  gtk_widget_set_parent (bars, column);
  for (guint i = 0; i < G_N_ELEMENTS (presenter_styles); i++)
    {
      Sample sample = { NULL, "presenter window", NULL, presenter_styles[i].measure };
      char *what = describe_style (&presenter_styles[i]);

      g_ptr_array_add (names, what);
      sample.what = what;
      gtk_box_append (GTK_BOX (bars), sample_new (&presenter_styles[i], &sample.label));
      g_array_append_val (samples, sample);
    }
  pathway_style_install (gtk_widget_get_display (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (window);

  for (guint r = 0; r < G_N_ELEMENTS (ratings); r++)
    {
      Picture picture = { NULL, };
      Colour background;

      show_blocks (slide, ratings[r]);
      picture_take (&picture, column);
      if (r == 0)
        measure_samples (&tally, samples, column, &picture);

      {
        graphene_point_t corner;

        g_assert_true (gtk_widget_compute_point (GTK_WIDGET (slide), column,
                                                 &GRAPHENE_POINT_INIT (3, 3), &corner));
        background = pixel (&picture, corner.x, corner.y);
      }
      for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
        {
          const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);
          const char *text = pango_layout_get_text (part->layout);
          const char *block = strstr (text, BLOCK);
          graphene_point_t centre, beside;
          gboolean on_panel = g_str_equal (part->name, "rating") ||
                              g_str_equal (part->name, "rating-caption");

          /* Each ink once; the rating panel's for each rating. */
          if (block != NULL && (r == 0 || on_panel))
            {
              g_autofree char *what = on_panel
                                        ? g_strdup_printf ("slide %s on %s", part->name,
                                                           pathway_rating_letter (ratings[r]))
                                        : g_strdup_printf ("slide %s", part->name);

              glyph_points (GTK_WIDGET (slide), column, part->layout, part->x, part->y,
                            block - text, &centre, &beside);
              record (&tally, what, "slide", pixel (&picture, centre.x, centre.y),
                      pixel (&picture, beside.x, beside.y), TEXT_MINIMUM);
            }
          /* The chips of the history (every rating), and the rating panel. */
          if ((r == 0 && g_str_equal (part->name, "trail-letter")) ||
              (on_panel && block != NULL))
            {
              PangoRectangle ink;
              graphene_point_t start;
              g_autofree char *what = g_strdup_printf ("edge of slide %s %s", part->name,
                                                       on_panel
                                                         ? pathway_rating_letter (ratings[r])
                                                         : text);

              pango_layout_get_pixel_extents (part->layout, &ink, NULL);
              g_assert_true (gtk_widget_compute_point (
                GTK_WIDGET (slide), column,
                &GRAPHENE_POINT_INIT (part->x + ink.x - 1, part->y + ink.y + ink.height / 2.0),
                &start));
              measure_edge (&tally, &picture, what, start.x, start.y, background);
            }
        }
      picture_clear (&picture);
    }
  destroy_window (window);
  report (&tally);
}

int
main (int argc, char *argv[])
{
  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/ui/contrast/light", GINT_TO_POINTER (FALSE), test_app_styles);
  g_test_add_data_func ("/ui/contrast/dark", GINT_TO_POINTER (TRUE), test_app_styles);
  g_test_add_data_func ("/ui/contrast/presenter-light", GINT_TO_POINTER (FALSE),
                        test_presenter);
  g_test_add_data_func ("/ui/contrast/presenter-dark", GINT_TO_POINTER (TRUE), test_presenter);

  return g_test_run ();
}
