/* test-charts.c: the charts, drawn and measured. Every chart is drawn at small, ordinary and
 * full-screen sizes in every style to image, SVG and PDF surfaces; the layouts' geometry is
 * checked directly (a donut's segments make a full turn, bars are as long as their counts,
 * labels stay inside the chart and apart), including one action, everything one rating,
 * 10,000 actions, long workstream titles and huge and tiny readings. Risk heat maps are checked
 * cell by cell against the demo's log, with every word inside the chart at every size and in
 * every style (an area's long words for the levels wrapped or shortened, never dropped), as at
 * a past day and on residual scores. The words are checked in
 * describe() and in the text of an exported PDF, read back with poppler-glib (cairo's SVG has
 * glyph outlines, not text). Programmes are made in memory or in a temporary folder. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "pathway-chart-private.h"
#include "pathway-demo.h"
#include "pathway-record-private.h"

/* poppler-glib 22 has no g_autoptr support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static const struct {
  double width, height;
} sizes[] = { { 200, 120 }, { 800, 500 }, { 1920, 1080 } };

static const PathwayChartStyle styles[] = {
  PATHWAY_CHART_STYLE_SCREEN_LIGHT, PATHWAY_CHART_STYLE_SCREEN_DARK, PATHWAY_CHART_STYLE_PRINT,
  PATHWAY_CHART_STYLE_PROJECTOR,
};

/* The demo programme, written once for the whole run. */
static char *demo_dir;
static PathwayDocument *demo;

/* Fixtures ---------------------------------------------------------------------------------- */

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static PathwayProgramme *
demo_programme (void)
{
  return pathway_document_get_programme (demo);
}

static PathwayIndicator *
demo_indicator (const char *name)
{
  GListModel *indicators = pathway_programme_get_indicators (demo_programme ());

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);

      if (g_str_equal (pathway_indicator_get_name (indicator), name))
        return indicator;
    }
  g_error ("the demo has no indicator named %s", name);
}

/* A programme in memory: 'n' actions, in workstreams of the given titles in turn (none: no
 * workstreams), rated by 'rate' (NULL: red, amber, green in turn). */
static PathwayProgramme *
make_programme (guint n, const char *const *titles, PathwayRating (*rate) (guint i))
{
  PathwayProgramme *programme = pathway_programme_new ();
  g_autoptr(GPtrArray) workstreams = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    {
      PathwayWorkstream *workstream = pathway_workstream_new ();
      g_autofree char *code = g_strdup_printf ("%c", 'A' + i % 26);

      _pathway_workstream_set_id (workstream, i + 1);
      pathway_workstream_set_code (workstream, code);
      pathway_workstream_set_title (workstream, titles[i]);
      pathway_programme_add_workstream (programme, workstream);
      g_ptr_array_add (workstreams, workstream);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u", i + 1);

      _pathway_action_set_id (action, i + 1);
      pathway_action_set_reference (action, reference);
      pathway_action_set_rating (action, rate ? rate (i) : (PathwayRating) (1 + i % 3));
      if (workstreams->len > 0)
        pathway_action_set_workstream (action,
                                       g_ptr_array_index (workstreams, i % workstreams->len));
      pathway_programme_add_action (programme, action);
    }
  return programme;
}

static PathwayRating
rate_green (guint i)
{
  return PATHWAY_RATING_GREEN;
}

/* One red and one blue among thousands: slivers that must still be seen and labelled. */
static PathwayRating
rate_mostly_amber (guint i)
{
  if (i == 0)
    return PATHWAY_RATING_RED;
  if (i == 1)
    return PATHWAY_RATING_BLUE;
  if (i % 7 == 0)
    return PATHWAY_RATING_NONE;
  return i % 3 ? PATHWAY_RATING_AMBER : PATHWAY_RATING_GREEN;
}

static const char *const demo_like_titles[] = {
  "Co-production and engagement", "EHC needs assessments and plans",
  "Health pathways and waiting times", NULL
};

static const char *const long_titles[] = {
  "Joint commissioning of speech and language therapy, occupational therapy and "
  "physiotherapy across education, health and care, with the parent carer forum",
  "Short",
  "Preparing for adulthood: employment, independent living, friends, relationships and "
  "community, and good health, from year 9 onwards, for every young person with an EHC plan",
  NULL
};

typedef struct {
  const char *name;
  PathwayChart *chart;
} NamedChart;

static void
named_chart_clear (gpointer data)
{
  NamedChart *named = data;

  g_clear_object (&named->chart);
}

static void
add_chart (GArray *charts, const char *name, PathwayChart *chart)
{
  NamedChart named = { name, chart };

  g_assert_nonnull (chart);
  g_array_append_val (charts, named);
}

/* A document with one indicator and these readings (NAN: no reading that month), monthly
 * from January 2025. */
static PathwayChart *
make_trend (const char *dir, const char *file, PathwayUnit unit, PathwayDirection direction,
            double target, const double *values, guint n)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayIndicator) indicator = pathway_indicator_new ();
  g_autoptr(GError) error = NULL;
  PathwayChart *chart;

  document = pathway_document_create (path, "Trend", &error);
  g_assert_no_error (error);
  pathway_indicator_set_name (indicator, file);
  pathway_indicator_set_unit (indicator, unit);
  pathway_indicator_set_direction (indicator, direction);
  pathway_indicator_set_target_value (indicator, target);
  pathway_document_add_indicator (document, indicator, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayReading) reading = NULL;
      g_autoptr(GDate) date = NULL;

      if (isnan (values[i]))
        continue;
      reading = pathway_reading_new ();
      date = g_date_new_dmy (1, (GDateMonth) (1 + i % 12), (GDateYear) (2025 + i / 12));
      g_date_add_months (date, 1);
      g_date_subtract_days (date, 1);
      pathway_reading_set_date (reading, date);
      pathway_reading_set_value (reading, values[i]);
      pathway_document_add_reading (document, indicator, reading, &error);
      g_assert_no_error (error);
    }

  chart = pathway_chart_new_indicator_trend (document, indicator, &error);
  g_assert_no_error (error);
  pathway_document_close (document);
  return chart;
}

/* Risk heat maps: the demo's log now and on its residual scores, one of no risks, one with
 * thousands in a cell, and one in an area's own long words for the levels. */
static const guint no_risks[5][5] = { { 0 } };

static const guint crowded_risks[5][5] = {
  { 1, 0, 0, 0, 0 },
  { 0, 12, 0, 3, 0 },
  { 0, 0, 7, 0, 0 },
  { 0, 99, 0, 1234, 0 },
  { 2, 0, 0, 0, 25 },
};

static PathwayProgramme *
programme_with_words (const char *likelihood_words, const char *impact_words)
{
  PathwayProgramme *programme = make_programme (0, NULL, NULL);

  g_object_set (programme, "likelihood-words", likelihood_words, "impact-words", impact_words,
                NULL);
  return programme;
}

static PathwayProgramme *
long_words_programme (void)
{
  return programme_with_words ("Very unlikely to happen in the next year\n"
                               "Unlikely\nAs likely as not\nMore likely than not\n"
                               "Expected to happen within the next three months",
                               "Insignificant\nMinor disruption to services\n"
                               "Moderate\nSerious harm to children's outcomes\n"
                               "Catastrophic");
}

static void
add_heat_maps (GArray *charts)
{
  g_autoptr(PathwayProgramme) plain = make_programme (0, NULL, NULL);
  g_autoptr(PathwayProgramme) long_words = long_words_programme ();
  g_autoptr(GError) error = NULL;

  add_chart (charts, "demo risk heat map",
             pathway_chart_new_risk_heat_map (demo, NULL, FALSE, &error));
  g_assert_no_error (error);
  add_chart (charts, "demo residual heat map",
             pathway_chart_new_risk_heat_map (demo, NULL, TRUE, &error));
  g_assert_no_error (error);
  add_chart (charts, "no risks", pathway_chart_new_risk_counts (plain, NULL, no_risks));
  add_chart (charts, "crowded heat map",
             pathway_chart_new_risk_counts (plain, "Crowded", crowded_risks));
  add_chart (charts, "heat map in long words",
             pathway_chart_new_risk_counts (long_words, NULL, crowded_risks));
}

/* Every chart the tests draw: the demo's, and the awkward ones. */
static GArray *
all_charts (const char *dir)
{
  GArray *charts = g_array_new (FALSE, TRUE, sizeof (NamedChart));
  g_autoptr(PathwayProgramme) empty = make_programme (0, NULL, NULL);
  g_autoptr(PathwayProgramme) one = make_programme (1, demo_like_titles, NULL);
  g_autoptr(PathwayProgramme) green = make_programme (40, demo_like_titles, rate_green);
  g_autoptr(PathwayProgramme) many = make_programme (10000, demo_like_titles, rate_mostly_amber);
  g_autoptr(PathwayProgramme) long_names = make_programme (30, long_titles, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *indicators = pathway_programme_get_indicators (demo_programme ());
  static const double huge[] = { 1.2e9, 1.25e9, 1.21e9, NAN, 1.3e9, 1.31e9 };
  static const double tiny[] = { 3e-6, 2.5e-6, 2.2e-6, 2e-6, 1.1e-6 };
  static const double signed_values[] = { -12, -4, 3, 9, -1 };
  static const double single[] = { 42 };
  static const double flat[] = { 5, 5, 5, 5 };

  g_array_set_clear_func (charts, named_chart_clear);

  add_chart (charts, "demo rating",
             pathway_chart_new_rating_distribution (demo_programme (), NULL));
  add_chart (charts, "demo rating by workstream",
             pathway_chart_new_rating_by_workstream (demo_programme ()));
  add_chart (charts, "demo rating history",
             pathway_chart_new_rating_history (demo, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);

      add_chart (charts, pathway_indicator_get_name (indicator),
                 pathway_chart_new_indicator_trend (demo, indicator, &error));
      g_assert_no_error (error);
    }

  add_chart (charts, "no actions", pathway_chart_new_rating_distribution (empty, NULL));
  add_chart (charts, "no workstreams", pathway_chart_new_rating_by_workstream (empty));
  add_chart (charts, "one action", pathway_chart_new_rating_distribution (one, NULL));
  add_chart (charts, "one action by workstream", pathway_chart_new_rating_by_workstream (one));
  add_chart (charts, "all green", pathway_chart_new_rating_distribution (green, NULL));
  add_chart (charts, "all green by workstream", pathway_chart_new_rating_by_workstream (green));
  add_chart (charts, "10,000 actions", pathway_chart_new_rating_distribution (many, NULL));
  add_chart (charts, "10,000 actions by workstream",
             pathway_chart_new_rating_by_workstream (many));
  add_chart (charts, "long titles", pathway_chart_new_rating_by_workstream (long_names));

  /* A BRAG scheme in the programme's own, longer words. */
  {
    PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (many);

    _pathway_rating_scheme_set_uses_blue (scheme, TRUE);
    _pathway_rating_scheme_set_label (scheme, PATHWAY_RATING_RED, "Off track, needs the board");
    _pathway_rating_scheme_set_label (scheme, PATHWAY_RATING_AMBER, "At risk of slipping");
    _pathway_rating_scheme_set_label (scheme, PATHWAY_RATING_GREEN, "On track");
    _pathway_rating_scheme_set_label (scheme, PATHWAY_RATING_BLUE, "Complete and evidenced");
    add_chart (charts, "own words", pathway_chart_new_rating_distribution (many, NULL));
    add_chart (charts, "own words by workstream", pathway_chart_new_rating_by_workstream (many));
  }

  add_chart (charts, "no readings",
             make_trend (dir, "none.pathway", PATHWAY_UNIT_WEEKS,
                         PATHWAY_DIRECTION_LOWER_IS_BETTER, 18, NULL, 0));
  add_chart (charts, "one reading",
             make_trend (dir, "one.pathway", PATHWAY_UNIT_DAYS, PATHWAY_DIRECTION_LOWER_IS_BETTER,
                         30, single, G_N_ELEMENTS (single)));
  add_chart (charts, "huge readings",
             make_trend (dir, "huge.pathway", PATHWAY_UNIT_COUNT,
                         PATHWAY_DIRECTION_HIGHER_IS_BETTER, 1.5e9, huge, G_N_ELEMENTS (huge)));
  add_chart (charts, "tiny readings",
             make_trend (dir, "tiny.pathway", PATHWAY_UNIT_PERCENT,
                         PATHWAY_DIRECTION_LOWER_IS_BETTER, 1e-6, tiny, G_N_ELEMENTS (tiny)));
  add_chart (charts, "readings either side of zero",
             make_trend (dir, "signed.pathway", PATHWAY_UNIT_COUNT,
                         PATHWAY_DIRECTION_HIGHER_IS_BETTER, NAN, signed_values,
                         G_N_ELEMENTS (signed_values)));
  add_chart (charts, "flat readings",
             make_trend (dir, "flat.pathway", PATHWAY_UNIT_WEEKS,
                         PATHWAY_DIRECTION_LOWER_IS_BETTER, 5, flat, G_N_ELEMENTS (flat)));
  add_heat_maps (charts);
  return charts;
}

/* Geometry checks --------------------------------------------------------------------------- */

static guint
assert_labels_inside_and_apart (const PathwayChartLayout *layout, const char *what)
{
  PathwayChartBox bounds = pathway_chart_layout_bounds (layout);
  guint visible = 0;

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const PathwayChartLabel *a = &g_array_index (layout->labels, PathwayChartLabel, i);

      if (!a->visible)
        continue;
      visible++;
      if (!pathway_chart_box_inside (&a->box, &bounds))
        g_error ("%s at %gx%g: label “%s” (%g,%g %gx%g) leaves the chart", what, layout->width,
                 layout->height, pango_layout_get_text (a->text), a->box.x, a->box.y,
                 a->box.width, a->box.height);
      for (guint j = i + 1; j < layout->labels->len; j++)
        {
          const PathwayChartLabel *b = &g_array_index (layout->labels, PathwayChartLabel, j);

          if (b->visible && pathway_chart_box_intersects (&a->box, &b->box))
            g_error ("%s at %gx%g: “%s” and “%s” overlap", what, layout->width, layout->height,
                     pango_layout_get_text (a->text), pango_layout_get_text (b->text));
        }
    }
  return visible;
}

static guint
count_hidden (const PathwayChartLayout *layout)
{
  guint hidden = 0;

  for (guint i = 0; i < layout->labels->len; i++)
    if (!g_array_index (layout->labels, PathwayChartLabel, i).visible)
      hidden++;
  return hidden;
}

static gboolean
has_label (const PathwayChartLayout *layout, const char *text)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const PathwayChartLabel *label = &g_array_index (layout->labels, PathwayChartLabel, i);

      if (label->visible && g_str_equal (pango_layout_get_text (label->text), text))
        return TRUE;
    }
  return FALSE;
}

static void
assert_full_turn (const PathwayDonutLayout *donut)
{
  double sum = 0;

  g_assert_cmpuint (donut->n_segments, >, 0);
  g_assert_cmpfloat_with_epsilon (donut->segments[0].start, 0, 1e-12);
  for (guint i = 0; i < donut->n_segments; i++)
    {
      g_assert_cmpfloat (donut->segments[i].end, >, donut->segments[i].start);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (donut->segments[i].start, donut->segments[i - 1].end,
                                        1e-12);
      sum += donut->segments[i].end - donut->segments[i].start;
    }
  g_assert_cmpfloat_with_epsilon (sum, 2 * G_PI, 1e-9);
}

/* Tests --------------------------------------------------------------------------------------- */

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_on (PathwayChart *chart, cairo_surface_t *surface, double width, double height,
         PathwayChartStyle style, const char *what)
{
  cairo_t *cr = cairo_create (surface);

  pathway_chart_draw (chart, cr, width, height, style);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", what, cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* On an image, something was drawn. */
  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface) / 4;
      guint inked = 0;

      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
          inked += pixels[y * stride + x] != 0;
      if (inked < 20)
        g_error ("%s: nothing drawn", what);
    }

  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", what, cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

static void
test_draw_every_surface (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(GArray) charts = all_charts (dir);

  for (guint c = 0; c < charts->len; c++)
    {
      NamedChart *named = &g_array_index (charts, NamedChart, c);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
          {
            double w = sizes[s].width, h = sizes[s].height;
            g_autofree char *what = g_strdup_printf ("%s, %gx%g, style %d", named->name, w, h,
                                                     styles[t]);
            gsize svg_bytes = 0, pdf_bytes = 0;

            draw_on (named->chart, cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w,
                                                               (int) h),
                     w, h, styles[t], what);
            draw_on (named->chart, cairo_svg_surface_create_for_stream (discard, &svg_bytes, w, h),
                     w, h, styles[t], what);
            draw_on (named->chart, cairo_pdf_surface_create_for_stream (discard, &pdf_bytes, w, h),
                     w, h, styles[t], what);
            g_assert_cmpuint (svg_bytes, >, 0);
            g_assert_cmpuint (pdf_bytes, >, 0);
          }
    }
  g_clear_pointer (&charts, g_array_unref);
  remove_dir (dir);
}

/* A chart drawn on a scaled, translated cairo_t (a HiDPI widget, a page of a report) draws
 * where it is told. */
static void
test_draw_respects_transformation (void)
{
  g_autoptr(PathwayChart) chart = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 700);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  int stride;

  cairo_translate (cr, 100, 100);
  cairo_scale (cr, 2, 2);
  pathway_chart_draw (chart, cr, 400, 250, PATHWAY_CHART_STYLE_SCREEN_LIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Nothing outside the box it was given; something inside. */
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < 700; y++)
    for (int x = 0; x < 1000; x++)
      if (x < 100 || y < 100 || x >= 900 || y >= 600)
        g_assert_cmphex (pixels[y * stride + x], ==, 0);
  /* The ring, above and below the hole. */
  g_assert_cmphex (pixels[190 * stride + 500] | pixels[510 * stride + 500], !=, 0);
  cairo_surface_destroy (surface);
}

static void
test_labels_inside_and_apart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(GArray) charts = all_charts (dir);
  static const struct {
    double width, height;
  } more_sizes[] = { { 200, 120 }, { 320, 200 }, { 480, 300 }, { 800, 500 }, { 1024, 768 },
                     { 1920, 1080 }, { 300, 900 }, { 1200, 160 }, { 60, 40 } };

  for (guint c = 0; c < charts->len; c++)
    {
      NamedChart *named = &g_array_index (charts, NamedChart, c);

      for (guint s = 0; s < G_N_ELEMENTS (more_sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
          {
            const PathwayChartLayout *layout = pathway_chart_get_layout (named->chart,
                                                                         more_sizes[s].width,
                                                                         more_sizes[s].height,
                                                                         styles[t]);
            guint visible = assert_labels_inside_and_apart (layout, named->name);

            /* Anything but a thumbnail says something. */
            if (more_sizes[s].width >= 200)
              g_assert_cmpuint (visible, >, 0);
          }
    }
  g_clear_pointer (&charts, g_array_unref);
  remove_dir (dir);
}

/* The layouts place every label apart themselves: at ordinary sizes the last check (which
 * hides a label that would overlap) has nothing to do. */
static void
test_labels_none_hidden_at_ordinary_sizes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(GArray) charts = all_charts (dir);

  for (guint c = 0; c < charts->len; c++)
    {
      NamedChart *named = &g_array_index (charts, NamedChart, c);

      for (guint s = 1; s < G_N_ELEMENTS (sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
          {
            const PathwayChartLayout *layout = pathway_chart_get_layout (named->chart,
                                                                         sizes[s].width,
                                                                         sizes[s].height,
                                                                         styles[t]);

            if (count_hidden (layout) != 0)
              g_error ("%s at %gx%g in style %d: %u labels hidden", named->name, sizes[s].width,
                       sizes[s].height, styles[t], count_hidden (layout));
          }
    }
  g_clear_pointer (&charts, g_array_unref);
  remove_dir (dir);
}

static void
test_donut_full_turn (void)
{
  g_autoptr(PathwayProgramme) one = make_programme (1, NULL, NULL);
  g_autoptr(PathwayProgramme) green = make_programme (12, NULL, rate_green);
  g_autoptr(PathwayProgramme) many = make_programme (10000, NULL, rate_mostly_amber);
  PathwayProgramme *programmes[] = { demo_programme (), one, green, many };

  for (guint p = 0; p < G_N_ELEMENTS (programmes); p++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
        {
          g_autoptr(PathwayChart) chart = pathway_chart_new_rating_distribution (programmes[p],
                                                                                 NULL);
          const PathwayDonutLayout *donut = (const PathwayDonutLayout *)
            pathway_chart_get_layout (chart, sizes[s].width, sizes[s].height, styles[t]);
          guint counts[PATHWAY_N_RATINGS];
          guint total = 0;

          g_assert_cmpint (donut->parent.kind, ==, PATHWAY_CHART_RATING_DISTRIBUTION);
          assert_full_turn (donut);
          pathway_programme_count_ratings (programmes[p], NULL, counts);
          for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
            total += counts[r];
          g_assert_cmpuint (donut->total, ==, total);

          for (guint i = 0; i < donut->n_segments; i++)
            {
              const PathwayDonutSegment *segment = &donut->segments[i];
              double share = (segment->end - segment->start) / (2 * G_PI);

              g_assert_cmpuint (segment->count, ==, counts[segment->rating]);
              /* Proportional, but for the sliver a lone action gets (a degree at most), which
               * the largest segment gives up. */
              g_assert_cmpfloat (fabs (share - (double) segment->count / total), <=,
                                 donut->n_segments / 360.0);
              g_assert_cmpfloat (segment->end - segment->start, >=, G_PI / 180 - 1e-12);
            }
        }
}

static void
test_donut_labels_every_segment (void)
{
  g_autoptr(PathwayProgramme) green = make_programme (12, NULL, rate_green);
  g_autoptr(PathwayChart) chart = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  g_autoptr(PathwayChart) all_green = pathway_chart_new_rating_distribution (green, NULL);
  const PathwayDonutLayout *donut;
  guint counts[PATHWAY_N_RATINGS];
  guint total = 0;

  pathway_programme_count_ratings (demo_programme (), NULL, counts);
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    total += counts[r];

  /* Beside the ring with leader lines at an ordinary size, in the legend when small. */
  donut = (const PathwayDonutLayout *) pathway_chart_get_layout (chart, 800, 500,
                                                                 PATHWAY_CHART_STYLE_SCREEN_LIGHT);
  g_assert_false (donut->legend);
  for (guint i = 0; i < donut->n_segments; i++)
    {
      const PathwayDonutSegment *segment = &donut->segments[i];
      const PathwayChartLabel *label = pathway_chart_layout_get_label (&donut->parent,
                                                                       segment->label);
      g_autofree char *text = g_strdup_printf ("%s %u (%u%%)",
                                               i == 0 ? "Red" : i == 1 ? "Amber" : "Green",
                                               segment->count,
                                               (segment->count * 100 + total / 2) / total);

      g_assert_nonnull (label);
      g_assert_cmpstr (pango_layout_get_text (label->text), ==, text);
      /* The leader starts at the ring and ends at the label. */
      g_assert_cmpfloat (fabs (hypot (segment->leader[0][0] - donut->cx,
                                      segment->leader[0][1] - donut->cy) - donut->outer),
                         <=, 2.0);
      g_assert_cmpfloat (fabs (segment->leader[2][1]
                               - (label->box.y + label->box.height / 2)), <, 0.01);
    }
  g_assert_true (has_label (&donut->parent, "110"));

  donut = (const PathwayDonutLayout *) pathway_chart_get_layout (chart, 200, 120,
                                                                 PATHWAY_CHART_STYLE_SCREEN_LIGHT);
  g_assert_true (donut->legend);
  g_assert_true (has_label (&donut->parent, "Red 7 (6%)"));
  g_assert_true (has_label (&donut->parent, "Amber 30 (27%)"));
  g_assert_true (has_label (&donut->parent, "Green 73 (66%)"));

  donut = (const PathwayDonutLayout *) pathway_chart_get_layout (all_green, 800, 500,
                                                                 PATHWAY_CHART_STYLE_PRINT);
  g_assert_cmpuint (donut->n_segments, ==, 1);
  g_assert_true (has_label (&donut->parent, "Green 12 (100%)"));
}

static void
test_bars_proportional (void)
{
  g_autoptr(PathwayProgramme) many = make_programme (10000, demo_like_titles, rate_mostly_amber);
  g_autoptr(PathwayProgramme) long_names = make_programme (30, long_titles, NULL);
  PathwayProgramme *programmes[] = { demo_programme (), many, long_names };

  for (guint p = 0; p < G_N_ELEMENTS (programmes); p++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
        {
          g_autoptr(PathwayChart) chart = pathway_chart_new_rating_by_workstream (programmes[p]);
          const PathwayChartData *data = pathway_chart_get_data (chart);
          const PathwayBarsLayout *bars = (const PathwayBarsLayout *)
            pathway_chart_get_layout (chart, sizes[s].width, sizes[s].height, styles[t]);
          double right = 0;

          g_assert_cmpuint (bars->rows->len, ==, data->rows->len);
          g_assert_cmpfloat (bars->scale, >, 0);
          for (guint i = 0; i < bars->rows->len; i++)
            {
              const PathwayBarRow *row = &g_array_index (bars->rows, PathwayBarRow, i);
              const PathwayChartRow *counts = &g_array_index (data->rows, PathwayChartRow, i);
              double x = row->bar.x;
              guint total = 0;

              for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
                total += counts->counts[r];
              g_assert_cmpuint (row->total, ==, total);
              g_assert_cmpfloat_with_epsilon (row->bar.width, total * bars->scale, 1e-6);
              for (guint k = 0; k < row->n_segments; k++)
                {
                  const PathwayChartSegment *segment = &row->segments[k];

                  g_assert_cmpuint (segment->count, ==, counts->counts[segment->rating]);
                  g_assert_cmpfloat_with_epsilon (segment->rect.width,
                                                  segment->count * bars->scale, 1e-6);
                  g_assert_cmpfloat_with_epsilon (segment->rect.x, x, 1e-6);
                  x += segment->rect.width;
                }
              right = MAX (right, row->bar.x + row->bar.width);
            }
          /* The bars keep inside the chart. */
          g_assert_cmpfloat (right, <=, sizes[s].width);
        }
}

static void
test_bars_long_titles_shortened (void)
{
  g_autoptr(PathwayProgramme) long_names = make_programme (30, long_titles, NULL);
  g_autoptr(PathwayChart) chart = pathway_chart_new_rating_by_workstream (long_names);

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    {
      const PathwayBarsLayout *bars = (const PathwayBarsLayout *)
        pathway_chart_get_layout (chart, 480, 300, styles[t]);

      for (guint i = 0; i < bars->rows->len; i++)
        {
          const PathwayBarRow *row = &g_array_index (bars->rows, PathwayBarRow, i);
          const PathwayChartLabel *name = pathway_chart_layout_get_label (&bars->parent,
                                                                          row->name_label);

          /* Every name shows, shortened with an ellipsis where it is long, never over its
           * bar. */
          g_assert_nonnull (name);
          if (!bars->names_above)
            g_assert_cmpfloat (name->box.x + name->box.width, <=, row->bar.x);
          else
            g_assert_cmpfloat (name->box.y + name->box.height, <=, row->bar.y);
          if (i != 1)
            g_assert_true (pango_layout_is_ellipsized (name->text));
        }
    }
}

static void
test_history_stacks_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) chart = pathway_chart_new_rating_history (demo, NULL, NULL, &error);
  const PathwayChartData *data;
  const PathwayHistoryLayout *history;

  g_assert_no_error (error);
  data = pathway_chart_get_data (chart);
  g_assert_cmpuint (data->months->len, >=, 12);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      history = (const PathwayHistoryLayout *) pathway_chart_get_layout (
        chart, sizes[s].width, sizes[s].height, PATHWAY_CHART_STYLE_SCREEN_LIGHT);
      g_assert_cmpuint (history->columns->len, ==, data->months->len);
      g_assert_cmpuint (history->y_ticks->len, >=, 2);
      g_assert_cmpuint (history->x_ticks->len, >=, 1);

      for (guint i = 0; i < history->columns->len; i++)
        {
          const PathwayHistoryColumn *column = &g_array_index (history->columns,
                                                               PathwayHistoryColumn, i);
          const PathwayMonthCounts *month = &g_array_index (data->months, PathwayMonthCounts, i);
          double bottom = history->plot.y + history->plot.height;

          g_assert_cmpfloat (history->y_max, >=, column->total);
          for (guint k = 0; k < column->n_segments; k++)
            {
              const PathwayChartSegment *segment = &column->segments[k];

              g_assert_cmpuint (segment->count, ==, month->counts[segment->rating]);
              g_assert_cmpfloat_with_epsilon (segment->rect.height,
                                              segment->count / history->y_max
                                                * history->plot.height,
                                              1e-6);
              /* Stacked from the baseline with no gaps, red first. */
              g_assert_cmpfloat_with_epsilon (segment->rect.y + segment->rect.height, bottom,
                                              1e-6);
              bottom = segment->rect.y;
            }
          if (column->n_segments > 0 && month->counts[PATHWAY_RATING_RED] > 0)
            g_assert_cmpint (column->segments[0].rating, ==, PATHWAY_RATING_RED);
        }

      /* Value ticks rise by equal round steps from zero. */
      for (guint i = 1; i < history->y_ticks->len; i++)
        {
          const PathwayChartTick *a = &g_array_index (history->y_ticks, PathwayChartTick, i - 1);
          const PathwayChartTick *b = &g_array_index (history->y_ticks, PathwayChartTick, i);

          g_assert_cmpfloat (b->value, >, a->value);
          g_assert_cmpfloat (b->position, <, a->position);
        }
    }
}

static void
test_trend_gaps_and_verdict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  /* Waiting weeks, lower is better, target 18: February and March are missing. */
  static const double weeks[] = { 30, 26, NAN, NAN, 22, 19, 17 };
  static const double shares[] = { 40, 45, 52, 58 };
  g_autoptr(PathwayChart) waits = make_trend (dir, "waits.pathway", PATHWAY_UNIT_WEEKS,
                                              PATHWAY_DIRECTION_LOWER_IS_BETTER, 18, weeks,
                                              G_N_ELEMENTS (weeks));
  g_autoptr(PathwayChart) plans = make_trend (dir, "plans.pathway", PATHWAY_UNIT_PERCENT,
                                              PATHWAY_DIRECTION_HIGHER_IS_BETTER, 60, shares,
                                              G_N_ELEMENTS (shares));

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    {
      const PathwayTrendLayout *trend = (const PathwayTrendLayout *)
        pathway_chart_get_layout (waits, 800, 500, styles[t]);
      const PathwayChartLabel *label;

      g_assert_cmpuint (trend->points->len, ==, 5);
      g_assert_false (g_array_index (trend->points, PathwayTrendPoint, 0).joined);
      g_assert_true (g_array_index (trend->points, PathwayTrendPoint, 1).joined);
      /* Three months without a reading break the line. */
      g_assert_false (g_array_index (trend->points, PathwayTrendPoint, 2).joined);
      g_assert_true (g_array_index (trend->points, PathwayTrendPoint, 3).joined);
      g_assert_true (g_array_index (trend->points, PathwayTrendPoint, 4).joined);
      for (guint i = 1; i < trend->points->len; i++)
        g_assert_cmpfloat (g_array_index (trend->points, PathwayTrendPoint, i).x, >,
                           g_array_index (trend->points, PathwayTrendPoint, i - 1).x);

      g_assert_true (trend->has_target);
      g_assert_true (has_label (&trend->parent, "Target 18 weeks"));
      g_assert_true (has_label (&trend->parent, "weeks"));
      label = pathway_chart_layout_get_label (&trend->parent, trend->latest_label);
      g_assert_nonnull (label);
      g_assert_cmpstr (pango_layout_get_text (label->text), ==, "17 weeks");
      /* The verdict is the app's own on the chart's day (today, long after these readings):
       * the reading is stale. */
      label = pathway_chart_layout_get_label (&trend->parent, trend->verdict_label);
      g_assert_nonnull (label);
      g_assert_true (g_str_has_prefix (pango_layout_get_text (label->text), "No reading since "));
      /* The target line is where 18 is on the value ticks. */
      g_assert_cmpfloat (trend->target_y, >, trend->plot.y);
      g_assert_cmpfloat (trend->target_y, <, trend->plot.y + trend->plot.height);

      trend = (const PathwayTrendLayout *) pathway_chart_get_layout (plans, 800, 500, styles[t]);
      g_assert_true (has_label (&trend->parent, "Target 60%"));
      g_assert_true (has_label (&trend->parent, "58%"));
      label = pathway_chart_layout_get_label (&trend->parent, trend->verdict_label);
      g_assert_nonnull (label);
      g_assert_true (g_str_has_prefix (pango_layout_get_text (label->text), "No reading since "));
      g_assert_true (has_label (&trend->parent, "60%"));
    }

  g_clear_object (&waits);
  g_clear_object (&plans);
  remove_dir (dir);
}

static void
test_trend_month_ticks (void)
{
  g_autoptr(PathwayChart) chart = pathway_chart_new_indicator_trend (
    demo, demo_indicator ("Autism assessment waiting time"), NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const PathwayTrendLayout *trend = (const PathwayTrendLayout *)
        pathway_chart_get_layout (chart, sizes[s].width, sizes[s].height,
                                  PATHWAY_CHART_STYLE_PROJECTOR);

      g_assert_cmpuint (trend->x_ticks->len, >=, 2);
      for (guint i = 0; i < trend->x_ticks->len; i++)
        {
          const PathwayChartTick *tick = &g_array_index (trend->x_ticks, PathwayChartTick, i);
          const PathwayChartLabel *label = pathway_chart_layout_get_label (&trend->parent,
                                                                           tick->label);
          GDate date;
          g_autofree char *expected = NULL;

          /* Ticks fall on the first of a month, labelled "Jan 2026": never a two-digit year. */
          g_date_clear (&date, 1);
          g_date_set_julian (&date, (guint32) tick->value);
          g_assert_cmpuint (g_date_get_day (&date), ==, 1);
          expected = pathway_chart_format_month (&date);
          g_assert_nonnull (label);
          g_assert_cmpstr (pango_layout_get_text (label->text), ==, expected);
          g_assert_cmpuint (strlen (expected), ==, 8);
        }
    }
}

static void
test_empty_charts_say_so (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(PathwayProgramme) empty = make_programme (0, demo_like_titles, NULL);
  g_autoptr(PathwayChart) donut = pathway_chart_new_rating_distribution (empty, NULL);
  g_autoptr(PathwayChart) bars = pathway_chart_new_rating_by_workstream (empty);
  g_autoptr(PathwayChart) trend = make_trend (dir, "empty.pathway", PATHWAY_UNIT_DAYS,
                                              PATHWAY_DIRECTION_LOWER_IS_BETTER, 10, NULL, 0);
  struct {
    PathwayChart *chart;
    const char *message;
  } cases[] = { { donut, "No actions yet" }, { bars, "No actions yet" },
                { trend, "No readings yet" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        const PathwayChartLayout *layout = pathway_chart_get_layout (
          cases[i].chart, sizes[s].width, sizes[s].height, PATHWAY_CHART_STYLE_SCREEN_DARK);
        const PathwayChartLabel *label = pathway_chart_layout_get_label (layout, layout->message);
        g_autofree char *description = pathway_chart_describe (cases[i].chart);

        g_assert_nonnull (label);
        g_assert_cmpstr (pango_layout_get_text (label->text), ==, cases[i].message);
        /* Centred. */
        g_assert_cmpfloat_with_epsilon (label->box.x + label->box.width / 2, sizes[s].width / 2,
                                        1e-6);
        g_assert_cmpfloat_with_epsilon (label->box.y + label->box.height / 2,
                                        sizes[s].height / 2, 1e-6);
        g_assert_null (pathway_chart_describe_at (cases[i].chart, sizes[s].width,
                                                  sizes[s].height,
                                                  PATHWAY_CHART_STYLE_SCREEN_DARK,
                                                  sizes[s].width / 2, sizes[s].height / 2));
        g_assert_nonnull (strstr (description, "no "));
      }

  g_clear_object (&trend);
  remove_dir (dir);
}

static void
test_describe_states_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) donut = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  g_autoptr(PathwayChart) bars = pathway_chart_new_rating_by_workstream (demo_programme ());
  g_autoptr(PathwayChart) history = pathway_chart_new_rating_history (demo, NULL, NULL, &error);
  g_autoptr(PathwayChart) trend = pathway_chart_new_indicator_trend (
    demo, demo_indicator ("Autism assessment waiting time"), &error);
  GListModel *workstreams = pathway_programme_get_workstreams (demo_programme ());
  g_autofree char *text = NULL;
  const PathwayChartData *data;
  const PathwayMonthCounts *last;
  const PathwayChartReading *latest;
  guint counts[PATHWAY_N_RATINGS];

  g_assert_no_error (error);

  pathway_programme_count_ratings (demo_programme (), NULL, counts);
  text = pathway_chart_describe (donut);
  g_assert_true (g_str_has_prefix (text, "Actions by rating: 110 actions. "));
  g_assert_nonnull (strstr (text, "Red 7 (6%)"));
  g_assert_nonnull (strstr (text, "Amber 30 (27%)"));
  g_assert_nonnull (strstr (text, "Green 73 (66%)"));
  g_clear_pointer (&text, g_free);

  text = pathway_chart_describe (bars);
  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      g_autofree char *expected = NULL;

      pathway_programme_count_ratings (demo_programme (), workstream, counts);
      expected = g_strdup_printf ("%s %s: %u actions (Red %u, Amber %u, Green %u)",
                                  pathway_workstream_get_code (workstream),
                                  pathway_workstream_get_title (workstream),
                                  counts[1] + counts[2] + counts[3] + counts[0] + counts[4],
                                  counts[1], counts[2], counts[3]);
      g_assert_nonnull (strstr (text, expected));
    }
  g_clear_pointer (&text, g_free);

  data = pathway_chart_get_data (history);
  last = &g_array_index (data->months, PathwayMonthCounts, data->months->len - 1);
  text = pathway_chart_describe (history);
  {
    g_autofree char *month = pathway_chart_format_month (&last->month_end);
    g_autofree char *expected = g_strdup_printf ("End of %s: %u actions (Red %u, Amber %u, "
                                                 "Green %u)",
                                                 month,
                                                 last->counts[1] + last->counts[2]
                                                   + last->counts[3],
                                                 last->counts[1], last->counts[2],
                                                 last->counts[3]);
    g_autofree char *fell = g_strdup_printf (
      "Red went from %u to %u.",
      g_array_index (data->months, PathwayMonthCounts, 0).counts[PATHWAY_RATING_RED],
      last->counts[PATHWAY_RATING_RED]);

    g_assert_nonnull (strstr (text, expected));
    g_assert_nonnull (strstr (text, fell));
  }
  g_clear_pointer (&text, g_free);

  data = pathway_chart_get_data (trend);
  latest = &g_array_index (data->readings, PathwayChartReading, data->readings->len - 1);
  text = pathway_chart_describe (trend);
  {
    g_autofree char *value = pathway_chart_format_value (PATHWAY_UNIT_WEEKS, latest->value);

    g_assert_true (g_str_has_prefix (text, "Autism assessment waiting time: "));
    g_assert_nonnull (strstr (text, value));
    g_assert_nonnull (strstr (text, "misses target"));
    g_assert_nonnull (strstr (text, "Target: 13 weeks by 31 Mar 2027"));
    g_assert_nonnull (strstr (text, "lower is better"));
  }
}

static void
test_describe_at_names_what_is_there (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) donut = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  g_autoptr(PathwayChart) bars = pathway_chart_new_rating_by_workstream (demo_programme ());
  g_autoptr(PathwayChart) history = pathway_chart_new_rating_history (demo, NULL, NULL, &error);
  g_autoptr(PathwayChart) trend = pathway_chart_new_indicator_trend (
    demo, demo_indicator ("EHC plans issued within 20 weeks"), &error);
  PathwayChartStyle style = PATHWAY_CHART_STYLE_PROJECTOR;

  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s].width, h = sizes[s].height;
      const PathwayDonutLayout *ring = (const PathwayDonutLayout *)
        pathway_chart_get_layout (donut, w, h, style);

      for (guint i = 0; i < ring->n_segments; i++)
        {
          const PathwayDonutSegment *segment = &ring->segments[i];
          double angle = (segment->start + segment->end) / 2;
          double radius = (ring->inner + ring->outer) / 2;
          g_autofree char *text = pathway_chart_describe_at (donut, w, h, style,
                                                             ring->cx + radius * sin (angle),
                                                             ring->cy - radius * cos (angle));
          g_autofree char *expected = g_strdup_printf (": %u actions (", segment->count);

          g_assert_nonnull (text);
          g_assert_true (g_str_has_prefix (text, segment->rating == PATHWAY_RATING_RED ? "Red"
                                                 : segment->rating == PATHWAY_RATING_AMBER
                                                   ? "Amber"
                                                   : "Green"));
          g_assert_nonnull (strstr (text, expected));
        }
      {
        g_autofree char *middle = pathway_chart_describe_at (donut, w, h, style, ring->cx,
                                                             ring->cy);

        g_assert_cmpstr (middle, ==, "110 actions");
      }
    }

  {
    const PathwayBarsLayout *layout = (const PathwayBarsLayout *)
      pathway_chart_get_layout (bars, 800, 500, style);
    const PathwayBarRow *row = &g_array_index (layout->rows, PathwayBarRow, 0);
    const PathwayChartSegment *segment = &row->segments[1];
    g_autofree char *text = pathway_chart_describe_at (
      bars, 800, 500, style, segment->rect.x + segment->rect.width / 2,
      segment->rect.y + segment->rect.height / 2);
    g_autofree char *expected = g_strdup_printf ("A Co-production and engagement – Amber: "
                                                 "%u actions", segment->count);

    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, expected));
  }

  {
    const PathwayHistoryLayout *layout = (const PathwayHistoryLayout *)
      pathway_chart_get_layout (history, 800, 500, style);
    const PathwayHistoryColumn *column = &g_array_index (layout->columns, PathwayHistoryColumn,
                                                         0);
    const PathwayChartSegment *segment = &column->segments[0];
    g_autofree char *text = pathway_chart_describe_at (
      history, 800, 500, style, segment->rect.x + segment->rect.width / 2,
      segment->rect.y + segment->rect.height / 2);
    g_autofree char *expected = g_strdup_printf (" – Red: %u actions", segment->count);

    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, "End of "));
    g_assert_true (g_str_has_suffix (text, expected));
  }

  {
    const PathwayTrendLayout *layout = (const PathwayTrendLayout *)
      pathway_chart_get_layout (trend, 800, 500, style);
    const PathwayTrendPoint *point = &g_array_index (layout->points, PathwayTrendPoint, 3);
    const PathwayChartReading *reading = &g_array_index (pathway_chart_get_data (trend)->readings,
                                                         PathwayChartReading, point->reading);
    g_autofree char *value = pathway_chart_format_value (PATHWAY_UNIT_PERCENT, reading->value);
    g_autofree char *text = pathway_chart_describe_at (trend, 800, 500, style, point->x + 1,
                                                       point->y - 1);
    g_autofree char *target = pathway_chart_describe_at (trend, 800, 500, style,
                                                         layout->plot.x + 2, layout->target_y);

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, value));
    g_assert_nonnull (strstr (text, "misses target"));
    g_assert_nonnull (target);
    g_assert_true (g_str_has_prefix (target, "Target: 60%"));
  }

  /* Off the chart, and in its margin, nothing. */
  g_assert_null (pathway_chart_describe_at (donut, 800, 500, style, 900, 10));
  g_assert_null (pathway_chart_describe_at (bars, 800, 500, style, 799, 499));
}

static void
test_export_pdf_has_the_words (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) donut = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  g_autoptr(PathwayChart) bars = pathway_chart_new_rating_by_workstream (demo_programme ());
  g_autoptr(PathwayChart) trend = pathway_chart_new_indicator_trend (
    demo, demo_indicator ("Autism assessment waiting time"), &error);
  struct {
    PathwayChart *chart;
    const char *words[4];
  } cases[] = {
    { donut, { "Actions by rating", "Red 7 (6%)", "Amber 30 (27%)", "Green 73 (66%)" } },
    { bars, { "Co-production and engagement", "Red", "Amber", "G 15" } },
    /* The verdict beside the latest reading depends on the day the chart is drawn (see
     * trend-gaps-and-verdict), so the words checked here are the ones that do not. */
    { trend, { "Autism assessment waiting time", "Target 13 weeks", "Target",
               "weeks" } },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      {
        g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
        g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
        g_autoptr(PopplerDocument) pdf = NULL;
        g_autoptr(PopplerPage) page = NULL;
        g_autofree char *text = NULL;
        double page_w, page_h;

        g_assert_true (pathway_chart_export (cases[i].chart, path, 640, 400, styles[t], &error));
        g_assert_no_error (error);
        pdf = poppler_document_new_from_file (uri, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
        page = poppler_document_get_page (pdf, 0);
        poppler_page_get_size (page, &page_w, &page_h);
        g_assert_cmpfloat_with_epsilon (page_w, 640, 0.5);
        g_assert_cmpfloat_with_epsilon (page_h, 400, 0.5);
        text = poppler_page_get_text (page);
        for (guint k = 0; k < G_N_ELEMENTS (cases[i].words); k++)
          if (strstr (text, cases[i].words[k]) == NULL)
            g_error ("“%s” is not in the PDF's text:\n%s", cases[i].words[k], text);
        {
          g_autofree char *title = poppler_document_get_title (pdf);

          g_assert_cmpstr (title, ==, pathway_chart_get_title (cases[i].chart));
        }
        g_assert_cmpint (g_unlink (path), ==, 0);
      }
  remove_dir (dir);
}

static void
test_export_formats_and_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autoptr(PathwayChart) chart = pathway_chart_new_rating_by_workstream (demo_programme ());
  static const struct {
    const char *name;
    const char *magic;
  } formats[] = { { "chart.png", "\x89PNG" }, { "chart.svg", "<?xml" }, { "chart.PDF", "%PDF" } };
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "chart.png", NULL);
  g_autofree char *text = g_build_filename (dir, "chart.txt", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* Twice: the second replaces the first whole. */
      for (guint round = 0; round < 2; round++)
        {
          g_assert_true (pathway_chart_export (chart, path, 480 + round * 100, 300,
                                               PATHWAY_CHART_STYLE_PRINT, &error));
          g_assert_no_error (error);
        }
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, formats[i].magic));
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 580);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 300);
          cairo_surface_destroy (png);
        }
    }

  g_assert_false (pathway_chart_export (chart, text, 480, 300, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                        &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));

  g_assert_false (pathway_chart_export (chart, missing, 480, 300,
                                        PATHWAY_CHART_STYLE_SCREEN_LIGHT, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

    g_assert_false (pathway_chart_export (chart, path, 0, 300, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                          &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (pathway_chart_export (chart, path, 480, NAN,
                                          PATHWAY_CHART_STYLE_SCREEN_LIGHT, &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* No temporary file is left behind: only the three charts. */
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (handle) != NULL)
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (formats));
  }
  remove_dir (dir);
}


/* Risk heat maps ---------------------------------------------------------------------------- */

static const PathwayChartStyle every_style[] = {
  PATHWAY_CHART_STYLE_SCREEN_LIGHT, PATHWAY_CHART_STYLE_SCREEN_DARK, PATHWAY_CHART_STYLE_PRINT,
  PATHWAY_CHART_STYLE_PROJECTOR, PATHWAY_CHART_STYLE_PRINT_COLOUR,
};

/* From a card on the Overview to the projector; the pack draws it 474 points wide. */
static const struct {
  double width, height;
} heat_map_sizes[] = { { 200, 120 }, { 240, 180 }, { 320, 200 }, { 474, 220 }, { 474, 320 },
                       { 800, 500 }, { 1920, 1080 }, { 300, 900 }, { 1200, 160 } };

static guint
count_cells (const PathwayChartData *data)
{
  guint total = 0;

  for (guint l = 0; l < 5; l++)
    for (guint i = 0; i < 5; i++)
      total += data->risks[l][i];
  return total;
}

static gboolean
is_heat_map_label (const PathwayHeatMapLayout *heat, int index)
{
  for (guint l = 0; l < 5; l++)
    for (guint i = 0; i < 5; i++)
      if (heat->cells[l][i].label == index)
        return TRUE;
  return FALSE;
}

/* The open, scored entries of the demo's log now, counted by hand. */
static void
count_demo_risks (gboolean residual, guint counts[5][5], guint *unscored)
{
  GListModel *risks = pathway_programme_get_risks (demo_programme ());

  memset (counts, 0, sizeof (guint) * 25);
  *unscored = 0;
  for (guint k = 0; k < g_list_model_get_n_items (risks); k++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, k);
      int l = residual ? pathway_risk_get_residual_likelihood (risk)
                       : pathway_risk_get_likelihood (risk);
      int i = residual ? pathway_risk_get_residual_impact (risk) : pathway_risk_get_impact (risk);

      if (!pathway_risk_is_open (risk))
        continue;
      if (l == 0 || i == 0)
        (*unscored)++;
      else
        counts[l - 1][i - 1]++;
    }
}

static void
save_heat_map (PathwayChart *chart, const char *name, double width, double height,
               PathwayChartStyle style)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* PATHWAY_CHART_DIR keeps PNGs of the heat maps there, to be looked at. */
  if (g_getenv ("PATHWAY_CHART_DIR") == NULL)
    return;
  file = g_strdup_printf ("heat-map-%s-%gx%g-style%d.png", name, width, height, style);
  path = g_build_filename (g_getenv ("PATHWAY_CHART_DIR"), file, NULL);
  g_assert_true (pathway_chart_export (chart, path, width, height, style, &error));
  g_assert_no_error (error);
}

/* Twenty-five cells in a grid, likelihood rising up the rows and impact to the right, apart
 * and of one size, inside the chart; each cell's band is its score's and its count is the
 * demo's count of open risks there, written in the cell, an empty cell blank. */
static void
test_heat_map_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) chart = pathway_chart_new_risk_heat_map (demo, NULL, FALSE, &error);
  guint expected[5][5], unscored, total = 0;

  g_assert_no_error (error);
  count_demo_risks (FALSE, expected, &unscored);
  for (guint l = 0; l < 5; l++)
    for (guint i = 0; i < 5; i++)
      total += expected[l][i];
  /* The demo's log has open risks in several cells. */
  g_assert_cmpuint (total, >=, 8);
  g_assert_cmpint (pathway_chart_get_kind (chart), ==, PATHWAY_CHART_RISK_HEAT_MAP);

  for (guint s = 0; s < G_N_ELEMENTS (heat_map_sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (every_style); t++)
      {
        double w = heat_map_sizes[s].width, h = heat_map_sizes[s].height;
        const PathwayHeatMapLayout *heat =
          (const PathwayHeatMapLayout *) pathway_chart_get_layout (chart, w, h, every_style[t]);
        const PathwayChartLayout *layout = &heat->parent;
        PathwayChartBox bounds = pathway_chart_layout_bounds (layout);
        const PathwayHeatMapCell *corner = &heat->cells[0][0];

        g_assert_true (pathway_chart_box_inside (&heat->grid, &bounds));
        for (guint l = 0; l < 5; l++)
          for (guint i = 0; i < 5; i++)
            {
              const PathwayHeatMapCell *cell = &heat->cells[l][i];
              const PathwayChartLabel *label;

              g_assert_cmpint (cell->score, ==, (int) ((l + 1) * (i + 1)));
              g_assert_cmpint (cell->band, ==, pathway_risk_band_for_score (cell->score));
              g_assert_cmpuint (cell->count, ==, expected[l][i]);
              g_assert_true (pathway_chart_box_inside (&cell->rect, &heat->grid));
              g_assert_cmpfloat (cell->rect.width, >, 0);
              g_assert_cmpfloat_with_epsilon (cell->rect.width, corner->rect.width, 1e-9);
              g_assert_cmpfloat_with_epsilon (cell->rect.height, corner->rect.height, 1e-9);
              /* Likelihood 5 on top, impact 5 on the right, none overlapping. */
              if (l > 0)
                {
                  const PathwayHeatMapCell *below = &heat->cells[l - 1][i];

                  g_assert_cmpfloat (cell->rect.y + cell->rect.height, <=, below->rect.y + 1e-9);
                  g_assert_cmpfloat_with_epsilon (cell->rect.x, below->rect.x, 1e-9);
                }
              if (i > 0)
                {
                  const PathwayHeatMapCell *left = &heat->cells[l][i - 1];

                  g_assert_cmpfloat (left->rect.x + left->rect.width, <=, cell->rect.x + 1e-9);
                  g_assert_cmpfloat_with_epsilon (cell->rect.y, left->rect.y, 1e-9);
                }
              if (cell->count == 0)
                {
                  g_assert_cmpint (cell->label, ==, -1);
                  continue;
                }
              label = pathway_chart_layout_get_label (layout, cell->label);
              g_assert_nonnull (label);
              g_assert_cmpuint (g_ascii_strtoull (pango_layout_get_text (label->text), NULL, 10),
                                ==, cell->count);
              g_assert_true (pathway_chart_box_inside (&label->box, &cell->rect));
            }
        save_heat_map (chart, "demo", w, h, every_style[t]);
      }
}

/* A widget finds the cells as they are drawn: each cell's box is the layout's, the cell at a
 * point in it is that cell, a point on no cell is none, and another kind of chart has none. */
static void
test_heat_map_cell_at (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayChart) chart = pathway_chart_new_risk_heat_map (demo, NULL, FALSE, &error);
  g_autoptr(PathwayChart) donut = pathway_chart_new_rating_distribution (demo_programme (), NULL);
  cairo_rectangle_t box;
  int likelihood = 0, impact = 0;

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (heat_map_sizes); s++)
    {
      double w = heat_map_sizes[s].width, h = heat_map_sizes[s].height;
      const PathwayHeatMapLayout *heat = (const PathwayHeatMapLayout *) pathway_chart_get_layout (
        chart, w, h, PATHWAY_CHART_STYLE_SCREEN_LIGHT);

      for (int l = 1; l <= 5; l++)
        for (int i = 1; i <= 5; i++)
          {
            const PathwayChartBox *rect = &heat->cells[l - 1][i - 1].rect;

            g_assert_true (pathway_chart_get_risk_cell (chart, w, h,
                                                        PATHWAY_CHART_STYLE_SCREEN_LIGHT, l, i,
                                                        &box));
            g_assert_cmpfloat (box.x, ==, rect->x);
            g_assert_cmpfloat (box.y, ==, rect->y);
            g_assert_cmpfloat (box.width, ==, rect->width);
            g_assert_cmpfloat (box.height, ==, rect->height);
            g_assert_true (pathway_chart_find_risk_cell (chart, w, h,
                                                         PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                                         box.x + box.width / 2,
                                                         box.y + box.height / 2, &likelihood,
                                                         &impact));
            g_assert_cmpint (likelihood, ==, l);
            g_assert_cmpint (impact, ==, i);
          }
      g_assert_false (pathway_chart_find_risk_cell (chart, w, h, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                                    heat->grid.x - 1, heat->grid.y - 1,
                                                    &likelihood, &impact));
    }
  g_assert_false (pathway_chart_get_risk_cell (chart, 320, 200, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                               0, 3, &box));
  g_assert_false (pathway_chart_get_risk_cell (chart, 320, 200, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                               3, 6, &box));
  g_assert_false (pathway_chart_get_risk_cell (donut, 320, 200, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                               3, 3, &box));
  g_assert_false (pathway_chart_find_risk_cell (donut, 320, 200, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                                160, 100, &likelihood, &impact));
}

/* At every size and in every style, every word is inside the chart and apart from the others;
 * from a small card up, nothing is dropped (words wrap or are shortened instead), each level
 * has its words beside or under the grid, and the axes are titled. */
static void
test_heat_map_labels_fit (void)
{
  g_autoptr(PathwayProgramme) plain = make_programme (0, NULL, NULL);
  g_autoptr(PathwayProgramme) long_words = long_words_programme ();
  g_autoptr(GError) error = NULL;
  PathwayChart *charts[] = {
    pathway_chart_new_risk_heat_map (demo, NULL, FALSE, &error),
    pathway_chart_new_risk_counts (plain, NULL, crowded_risks),
    pathway_chart_new_risk_counts (long_words, NULL, crowded_risks),
  };
  static const char *const names[] = { "demo", "crowded", "long words" };

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      const PathwayChartData *data = pathway_chart_get_data (charts[c]);

      for (guint s = 0; s < G_N_ELEMENTS (heat_map_sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (every_style); t++)
          {
            double w = heat_map_sizes[s].width, h = heat_map_sizes[s].height;
            const PathwayHeatMapLayout *heat =
              (const PathwayHeatMapLayout *) pathway_chart_get_layout (charts[c], w, h,
                                                                       every_style[t]);
            const PathwayChartLayout *layout = &heat->parent;
            g_autofree char *what = g_strdup_printf ("%s heat map in style %d", names[c],
                                                     every_style[t]);
            gboolean ordinary = w >= 320 && h >= 200;

            assert_labels_inside_and_apart (layout, what);
            if (count_hidden (layout) != 0)
              g_error ("%s at %gx%g: %u labels hidden", what, w, h, count_hidden (layout));
            for (guint k = 0; k < 5; k++)
              {
                g_assert_cmpfloat (heat->rows[k].width, >, 0);
                g_assert_cmpfloat (heat->columns[k].width, >, 0);
                /* The words sit left of their row and under their column. */
                g_assert_cmpfloat (heat->rows[k].x + heat->rows[k].width, <=, heat->grid.x);
                g_assert_cmpfloat (heat->columns[k].y, >=, heat->grid.y + heat->grid.height);
              }
            for (guint i = 0; i < layout->labels->len; i++)
              {
                const PathwayChartLabel *label = &g_array_index (layout->labels,
                                                                 PathwayChartLabel, i);

                /* The words are on the page, never outside the cells' grid's row or column. */
                if (!is_heat_map_label (heat, (int) i))
                  g_assert_false (pathway_chart_box_intersects (&label->box, &heat->grid));
              }
            if (!ordinary)
              continue;
            /* The area's words, not numbers, and the axes' titles. */
            g_assert_false (heat->row_numbers);
            g_assert_false (heat->column_numbers);
            g_assert_true (has_label (layout, "Likelihood"));
            g_assert_true (has_label (layout, "Impact"));
            if (c == 0)
              {
                g_assert_true (has_label (layout, data->impact_words[0]));
                g_assert_true (has_label (layout, data->likelihood_words[1]));
              }
          }
      save_heat_map (charts[c], c == 2 ? "long-words" : names[c], 320, 200,
                     PATHWAY_CHART_STYLE_SCREEN_LIGHT);
      save_heat_map (charts[c], c == 2 ? "long-words" : names[c], 200, 120,
                     PATHWAY_CHART_STYLE_PRINT);
      g_object_unref (charts[c]);
    }
}

/* A document whose log changed: the heat map as at a past day shows the log as it stood at
 * that day's end, now shows it as it is, and residual scores count where they put a risk. */
static void
test_heat_map_as_at_and_residual (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pathway-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "log.pathway", NULL);
  g_autoptr(PathwayDocument) document = pathway_document_create (path, "Log", &error);
  g_autoptr(GDateTime) january = g_date_time_new_local (2026, 1, 10, 10, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new_local (2026, 3, 10, 10, 0, 0);
  g_autoptr(GDate) end_of_january = g_date_new_dmy (31, G_DATE_JANUARY, 2026);
  g_autoptr(PathwayChart) then = NULL;
  g_autoptr(PathwayChart) now = NULL;
  g_autoptr(PathwayChart) residual = NULL;
  g_autoptr(GObject) r1 = NULL;
  g_autoptr(GObject) r2 = NULL;
  const PathwayChartData *data;
  static const char *const fields[] = { "reference", "title", "likelihood", "impact",
                                        "residual-likelihood", "residual-impact", "status",
                                        NULL };
  static const char *const rows[][7] = {
    { "R1", "Recruitment", "3", "3", "2", "2", "open" },
    { "R2", "Funding", "4", "5", "3", "4", "escalated" },
    { "R3", "Not yet scored", "0", "0", "0", "0", "open" },
    { "R4", "Closed already", "5", "5", "5", "5", "closed" },
  };
  static const char *const likelihood[] = { "likelihood", NULL };
  static const char *const five[] = { "5", NULL };
  static const char *const status[] = { "status", NULL };
  static const char *const closed[] = { "closed", NULL };
  static const char *const r5[] = { "R5", "Added in March", "2", "4", "1", "1", "open" };

  g_assert_no_error (error);
  pathway_document_set_now (document, january);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GObject) record = NULL;

      g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("risk"),
                                                  fields, rows[i], (gpointer *) &record,
                                                  &error));
      g_assert_no_error (error);
      if (i == 0)
        r1 = g_steal_pointer (&record);
      else if (i == 1)
        r2 = g_steal_pointer (&record);
    }
  pathway_document_set_now (document, march);
  g_assert_true (pathway_document_set_fields (document, r1, likelihood, five, NULL, &error));
  g_assert_true (pathway_document_set_fields (document, r2, status, closed, NULL, &error));
  g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("risk"), fields,
                                              r5, NULL, &error));
  g_assert_no_error (error);

  then = pathway_chart_new_risk_heat_map (document, end_of_january, FALSE, &error);
  g_assert_no_error (error);
  data = pathway_chart_get_data (then);
  g_assert_cmpuint (data->risks[2][2], ==, 1);
  g_assert_cmpuint (data->risks[3][4], ==, 1);
  g_assert_cmpuint (data->risks[4][4], ==, 0);
  g_assert_cmpuint (data->risks_unscored, ==, 1);
  g_assert_cmpuint (count_cells (data), ==, 2);

  now = pathway_chart_new_risk_heat_map (document, NULL, FALSE, &error);
  g_assert_no_error (error);
  data = pathway_chart_get_data (now);
  g_assert_cmpuint (data->risks[4][2], ==, 1);
  g_assert_cmpuint (data->risks[1][3], ==, 1);
  g_assert_cmpuint (data->risks_unscored, ==, 1);
  g_assert_cmpuint (count_cells (data), ==, 2);

  residual = pathway_chart_new_risk_heat_map (document, NULL, TRUE, &error);
  g_assert_no_error (error);
  data = pathway_chart_get_data (residual);
  g_assert_true (data->residual);
  g_assert_cmpuint (data->risks[1][1], ==, 1);
  g_assert_cmpuint (data->risks[0][0], ==, 1);
  g_assert_cmpuint (count_cells (data), ==, 2);
  g_assert_true (g_str_has_prefix (pathway_chart_get_title (residual),
                                   "Open risks by residual likelihood and impact"));

  pathway_document_close (document);
  g_clear_object (&document);
  remove_dir (dir);
}

/* The heat map in words: how many open risks are scored, each band's count and the cells that
 * make it up, the highest first, and the entries left off; under the pointer, a cell's words,
 * count, score and band. */
static void
test_heat_map_describe (void)
{
  g_autoptr(PathwayProgramme) programme = make_programme (0, NULL, NULL);
  static const guint counts[5][5] = {
    { 1, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0 },
    { 0, 2, 0, 0, 0 },
    { 0, 0, 0, 3, 1 },
    { 0, 0, 0, 1, 0 },
  };
  g_autoptr(PathwayChart) chart = pathway_chart_new_risk_counts (programme, NULL, counts);
  g_autoptr(PathwayChart) empty = pathway_chart_new_risk_counts (programme, NULL, no_risks);
  g_autofree char *text = pathway_chart_describe (chart);
  g_autofree char *none = pathway_chart_describe (empty);
  const PathwayHeatMapLayout *heat;
  const PathwayHeatMapCell *cell;
  const PathwayChartLabel *label;
  g_autofree char *at_cell = NULL;
  g_autofree char *at_empty = NULL;
  g_autofree char *at_row = NULL;
  g_autofree char *at_legend = NULL;

  g_assert_cmpstr (text, ==,
                   "Open risks by likelihood and impact: 8 open risks scored. "
                   "Very high: 2 (likelihood Almost certain, impact Major: 1; likelihood Likely, "
                   "impact Severe: 1). "
                   "High: 3 (likelihood Likely, impact Major: 3). "
                   "Medium: 2 (likelihood Possible, impact Minor: 2). "
                   "Low: 1 (likelihood Rare, impact Negligible: 1).");
  g_assert_cmpstr (none, ==, "Open risks by likelihood and impact: no open risks scored.");

  heat = (const PathwayHeatMapLayout *) pathway_chart_get_layout (chart, 800, 500,
                                                                   PATHWAY_CHART_STYLE_SCREEN_LIGHT);
  cell = &heat->cells[3][3];
  at_cell = pathway_chart_describe_at (chart, 800, 500, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                       cell->rect.x + cell->rect.width / 2,
                                       cell->rect.y + cell->rect.height / 2);
  g_assert_cmpstr (at_cell, ==, "Likely, Major: 3 risks, score 16, high");
  cell = &heat->cells[0][1];
  at_empty = pathway_chart_describe_at (chart, 800, 500, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                        cell->rect.x + 1, cell->rect.y + 1);
  g_assert_cmpstr (at_empty, ==, "Rare, Minor: no risks, score 2, low");
  at_row = pathway_chart_describe_at (chart, 800, 500, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                      heat->rows[3].x + 1, heat->rows[3].y + 1);
  g_assert_cmpstr (at_row, ==, "Likelihood Likely (4): 4 open risks");
  g_assert_cmpuint (heat->n_entries, ==, 4);
  label = pathway_chart_layout_get_label (&heat->parent, heat->entries[1].label);
  g_assert_nonnull (label);
  at_legend = pathway_chart_describe_at (chart, 800, 500, PATHWAY_CHART_STYLE_SCREEN_LIGHT,
                                         label->box.x + 1, label->box.y + 1);
  g_assert_cmpstr (at_legend, ==, "High (scores 10–16): 3 open risks");

  /* The demo's log: its count and the open risks with no score yet. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PathwayChart) demo_map = pathway_chart_new_risk_heat_map (demo, NULL, FALSE,
                                                                        &error);
    g_autofree char *words = NULL;
    g_autofree char *start = NULL;
    guint expected[5][5], unscored, total = 0;

    g_assert_no_error (error);
    count_demo_risks (FALSE, expected, &unscored);
    for (guint l = 0; l < 5; l++)
      for (guint i = 0; i < 5; i++)
        total += expected[l][i];
    words = pathway_chart_describe (demo_map);
    start = g_strdup_printf ("Open risks by likelihood and impact: %u open risks scored. ",
                             total);
    g_assert_true (g_str_has_prefix (words, start));
    g_assert_nonnull (strstr (words, "Very high: "));
    g_assert_nonnull (strstr (words, "High: "));
  }
}

static void
test_format_numbers (void)
{
  static const struct {
    double value;
    int decimals;
    const char *text;
  } cases[] = {
    { 0, 0, "0" }, { 1250, 0, "1,250" }, { 1234567, -1, "1,234,567" }, { -3, 0, "−3" },
    { 0.5, 1, "0.5" }, { 56.94, -1, "56.94" }, { 56.9, -1, "56.9" }, { 412.4, -1, "412" },
    { 0.000123, -1, "0.00012" }, { 1.5e15, -1, "1.5e+15" }, { -0.0001, 2, "0.00" },
    { 1.2e9, 0, "1,200,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pathway_chart_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *one = pathway_chart_format_value (PATHWAY_UNIT_WEEKS, 1);
    g_autofree char *many = pathway_chart_format_value (PATHWAY_UNIT_DAYS, 12.5);
    g_autofree char *share = pathway_chart_format_value (PATHWAY_UNIT_PERCENT, 60);
    g_autofree char *count = pathway_chart_format_value (PATHWAY_UNIT_COUNT, 412);
    g_autofree char *sliver = pathway_chart_format_percent (0, 1, 10000);
    g_autofree char *nearly = pathway_chart_format_percent (100, 9999, 10000);

    g_assert_cmpstr (one, ==, "1 week");
    g_assert_cmpstr (many, ==, "12.5 days");
    g_assert_cmpstr (share, ==, "60%");
    g_assert_cmpstr (count, ==, "412");
    g_assert_cmpstr (sliver, ==, "<1%");
    g_assert_cmpstr (nearly, ==, ">99%");
  }

  /* Round steps that cover the range. */
  {
    static const double ranges[][2] = { { 0, 110 }, { 0, 7 }, { 1.2e9, 1.31e9 },
                                        { 1.1e-6, 3e-6 }, { -12, 9 }, { 5, 5 }, { 0, 0 } };

    for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        double lo = ranges[i][0], hi = ranges[i][1];
        double step = pathway_chart_nice_step (&lo, &hi, 6, FALSE);

        g_assert_cmpfloat (lo, <=, ranges[i][0]);
        g_assert_cmpfloat (hi, >=, ranges[i][1]);
        g_assert_cmpfloat (hi, >, lo);
        g_assert_cmpfloat ((hi - lo) / step, <=, 6.0 + 1e-9);
        g_assert_cmpfloat (fabs (lo / step - round (lo / step)), <, 1e-6);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The words and months the tests read are English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  demo_dir = g_dir_make_tmp ("pathway-charts-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (demo_dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (demo_path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (demo_path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/charts/draw/every-chart-size-style-and-surface", test_draw_every_surface);
  g_test_add_func ("/charts/draw/keeps-to-its-box-under-a-transformation",
                   test_draw_respects_transformation);
  g_test_add_func ("/charts/labels/inside-the-chart-and-apart", test_labels_inside_and_apart);
  g_test_add_func ("/charts/labels/none-dropped-at-ordinary-sizes",
                   test_labels_none_hidden_at_ordinary_sizes);
  g_test_add_func ("/charts/donut/segments-make-a-full-turn", test_donut_full_turn);
  g_test_add_func ("/charts/donut/labels-every-segment", test_donut_labels_every_segment);
  g_test_add_func ("/charts/bars/lengths-proportional-to-counts", test_bars_proportional);
  g_test_add_func ("/charts/bars/long-titles-shortened", test_bars_long_titles_shortened);
  g_test_add_func ("/charts/history/stacks-monthly-counts", test_history_stacks_counts);
  g_test_add_func ("/charts/trend/gaps-target-and-verdict", test_trend_gaps_and_verdict);
  g_test_add_func ("/charts/trend/month-ticks", test_trend_month_ticks);
  g_test_add_func ("/charts/empty/says-so-in-the-middle", test_empty_charts_say_so);
  g_test_add_func ("/charts/describe/states-the-numbers", test_describe_states_numbers);
  g_test_add_func ("/charts/describe-at/names-what-is-there",
                   test_describe_at_names_what_is_there);
  g_test_add_func ("/charts/export/pdf-has-the-words", test_export_pdf_has_the_words);
  g_test_add_func ("/charts/export/formats-and-failures", test_export_formats_and_failures);
  g_test_add_func ("/charts/format/numbers-and-steps", test_format_numbers);
  g_test_add_func ("/charts/heat-map/cells-counts-and-bands", test_heat_map_cells);
  g_test_add_func ("/charts/heat-map/labels-fit-every-size-and-style", test_heat_map_labels_fit);
  g_test_add_func ("/charts/heat-map/as-at-and-residual", test_heat_map_as_at_and_residual);
  g_test_add_func ("/charts/heat-map/describe", test_heat_map_describe);
  g_test_add_func ("/charts/heat-map/cell-at", test_heat_map_cell_at);

  status = g_test_run ();

  pathway_document_close (demo);
  g_clear_object (&demo);
  remove_dir (demo_dir);
  g_clear_pointer (&demo_dir, g_free);
  return status;
}
