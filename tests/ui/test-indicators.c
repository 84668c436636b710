/* test-indicators.c: the Indicators view and the charts in the views, in the main window on
 * the demo programme (written into a temporary folder). It proves that the view lists every
 * indicator with its latest value and whether it meets its target, shows an indicator's target
 * and a trend chart whose accessible description states the target, adds a reading through its
 * form (a row, and a reading in the file) and refuses a date it cannot read without adding
 * anything; that a chart says what is under the pointer and exports to PNG, SVG and PDF; that
 * the Overview and Workstreams views carry charts of their counts; and that adding is
 * insensitive on a read-only file. With PATHWAY_SCREENSHOT_DIR set it saves PNGs of the
 * Overview (with its charts), Workstreams and Indicators at 1280x800 light and dark and at
 * 1024x768. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-chart-view.h"
#include "pathway-demo.h"
#include "pathway-indicators-view.h"
#include "pathway-overview-view.h"
#include "pathway-window.h"
#include "pathway-workstreams-view.h"

#define AUTISM "Autism assessment waiting time"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static PathwayDocument *
document_of (Fixture *f)
{
  PathwayDocument *document = pathway_window_get_document (f->window);

  g_assert_nonnull (document);
  return document;
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (document_of (f));
}

static PathwayIndicatorsView *
indicators_view (Fixture *f)
{
  GtkWidget *view = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_INDICATORS_VIEW, NULL);

  g_assert_nonnull (view);
  return PATHWAY_INDICATORS_VIEW (view);
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkLabel *
named_label (GtkWidget  *root,
             const char *name)
{
  GtkWidget *widget = named (root, name);

  g_assert_true (GTK_IS_LABEL (widget));
  return GTK_LABEL (widget);
}

/* Widgets of that name that are shown (views keep spare rows hidden). */
static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found->len;
}

static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static PathwayChartView *
chart_view_in (GtkWidget  *root,
               const char *card_name)
{
  GtkWidget *view = find_of_type (named (root, card_name), PATHWAY_TYPE_CHART_VIEW, NULL);

  g_assert_nonnull (view);
  return PATHWAY_CHART_VIEW (view);
}

/* Shows a view and waits until it has been laid out and drawn, as a person would see it. */
static void
show_view (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             name));
  wait_for_drawn (f->window);
}

static PathwayIndicator *
find_indicator (Fixture    *f,
                const char *name)
{
  GListModel *indicators = pathway_programme_get_indicators (programme_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);

      if (g_str_equal (pathway_indicator_get_name (indicator), name))
        return indicator; /* the programme's list holds it */
    }
  g_assert_not_reached ();
  return NULL;
}

static guint
n_readings (Fixture          *f,
            PathwayIndicator *indicator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) readings = pathway_document_list_readings (document_of (f), indicator,
                                                                   &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (readings);
}

static void
show_autism (Fixture *f)
{
  show_view (f, "indicators");
  pathway_indicators_view_select (indicators_view (f),
                                  pathway_indicator_get_id (find_indicator (f, AUTISM)));
  /* Its page laid out: the chart has its size. */
  wait_for_drawn (indicators_view (f));
  g_assert_true (pathway_indicators_view_get_selected (indicators_view (f)) ==
                 find_indicator (f, AUTISM));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-indicators-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_drawn (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The list ---------------------------------------------------------------------------------- */

static void
test_lists_indicators (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *list;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  show_view (f, "indicators");
  view = GTK_WIDGET (indicators_view (f));
  g_assert_true (pathway_view_get_document (PATHWAY_VIEW (view)) ==
                 document_of (f));
  list = named (view, "indicator-list");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_indicators (programme_of (f))),
                    ==, 5);
  g_assert_cmpuint (count_named (list, "indicator-row"), ==, 5);
  g_assert_true (gtk_widget_is_drawable (list));

  /* Each row has its latest value and says, in a word, whether it meets its target. */
  collect_named (list, "indicator-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *status = gtk_label_get_text (named_label (row, "indicator-row-status"));

      g_assert_true (g_str_equal (status, "Meets target") || g_str_equal (status, "Misses target"));
      g_assert_cmpstr (gtk_label_get_text (named_label (row, "indicator-row-value")), !=, "");
    }
}

/* One indicator ----------------------------------------------------------------------------- */

static void
test_shows_target_and_chart (Fixture       *f,
                             gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  GtkWidget *view;
  GtkWidget *target_row;
  PathwayChartView *chart_view;
  PathwayChart *chart;
  g_autofree char *description = NULL;
  g_autofree char *mismatch = NULL;

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));

  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-name")), ==, AUTISM);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-target-value")), ==,
                   "13 weeks");
  target_row = named (view, "indicator-target-row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target_row)), ==,
                   pathway_indicator_get_target_source (autism));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target_row)),
                            "NICE guidance"));
  g_assert_true (gtk_widget_is_drawable (target_row));
  /* The latest waiting time is well above 13 weeks: said in words, not by colour alone. */
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-latest-status")), ==,
                   "Misses target");

  chart_view = chart_view_in (view, "indicator-trend-chart");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (chart_view)));
  chart = pathway_chart_view_get_chart (chart_view);
  g_assert_nonnull (chart);
  g_assert_cmpint (pathway_chart_get_kind (chart), ==, PATHWAY_CHART_INDICATOR_TREND);
  g_assert_cmpstr (pathway_chart_get_title (chart), ==, AUTISM);

  /* Its accessible description states the numbers, the target among them. */
  description = pathway_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Target: 13 weeks"));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart_view),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart_view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
}

/* Pointing at the chart says the exact value under the pointer; outside it, nothing. */
static void
test_chart_describes_point (Fixture       *f,
                            gconstpointer  data)
{
  PathwayChartView *chart_view;
  int width, height;
  g_autofree char *found = NULL;

  show_autism (f);
  chart_view = chart_view_in (GTK_WIDGET (indicators_view (f)), "indicator-trend-chart");
  width = gtk_widget_get_width (GTK_WIDGET (chart_view));
  height = gtk_widget_get_height (GTK_WIDGET (chart_view));
  g_assert_cmpint (width, >=, 320);
  g_assert_cmpint (height, >=, 320);

  /* Across the plot area, somewhere a reading is under the pointer. */
  for (int y = height / 10; found == NULL && y < height * 9 / 10; y += 3)
    for (int x = width / 10; found == NULL && x < width * 9 / 10; x += 3)
      found = pathway_chart_view_describe_at (chart_view, x, y);
  g_assert_nonnull (found);
  g_assert_nonnull (strstr (found, "week"));
  g_assert_null (pathway_chart_view_describe_at (chart_view, width + 10, height + 10));
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *entry = named (root, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = named (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

typedef struct {
  GtkWidget *root;
  const char *name;
  guint n;
} CountIs;

static gboolean
count_is (gpointer data)
{
  CountIs *count = data;

  return count_named (count->root, count->name) == count->n;
}

static void
test_adds_reading (Fixture       *f,
                   gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  guint before = n_readings (f, autism);
  GtkWidget *view;
  GtkWidget *first_row;
  guint rows_before;
  CountIs rows = { NULL, "indicator-reading-row", 0 };

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  rows_before = count_named (view, "indicator-reading-row");
  g_assert_cmpuint (rows_before, ==, before);

  click (view, "add-reading-button");
  g_assert_true (gtk_widget_is_drawable (named (view, "reading-date-entry")));
  type_into (view, "reading-date-entry", "14 November 2026");
  type_into (view, "reading-value-entry", "19.5");
  type_into (view, "reading-note-entry", "Extra clinics <b>& weekend</b> sessions");
  click (view, "reading-save-button");

  /* In the file, and on the page once it has refreshed, newest first, with the note as
   * written. */
  g_assert_cmpuint (n_readings (f, autism), ==, before + 1);
  rows.root = view;
  rows.n = rows_before + 1;
  wait_for ("a row for the new reading", count_is, &rows);
  first_row = named (view, "indicator-reading-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row)), ==,
                   "14 November 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first_row)), ==,
                   "Extra clinics <b>& weekend</b> sessions");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (first_row)));
  g_assert_cmpstr (gtk_label_get_text (named_label (first_row, "indicator-reading-value")), ==,
                   "19.5 weeks");
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-latest-value")), ==,
                   "19.5 weeks");
  /* The form has closed, and the list beside the page has the new latest value. */
  g_assert_false (gtk_widget_get_visible (named (view, "reading-form")) &&
                  gtk_widget_is_drawable (named (view, "reading-form")));
  g_assert_cmpstr (gtk_label_get_text (named_label (
                     GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (
                       named (view, "indicator-list")))), "indicator-row-value")),
                   ==, "19.5 weeks");
}

static void
test_refuses_invalid_date (Fixture       *f,
                           gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  guint before = n_readings (f, autism);
  GtkWidget *view;
  GtkLabel *caption;
  guint rows_before;

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  rows_before = count_named (view, "indicator-reading-row");

  click (view, "add-reading-button");
  type_into (view, "reading-date-entry", "sometime in the autumn");
  type_into (view, "reading-value-entry", "18");
  click (view, "reading-save-button");

  /* The problem is said next to the field; nothing is added and the form stays open. */
  caption = named_label (view, "reading-date-caption");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (caption), "14 March 2026"));
  g_assert_true (gtk_widget_has_css_class (named (view, "reading-date-entry"), "error"));
  g_assert_false (gtk_widget_get_visible (named (view, "reading-value-caption")));
  g_assert_cmpuint (n_readings (f, autism), ==, before);
  g_assert_cmpuint (count_named (view, "indicator-reading-row"), ==, rows_before);
  g_assert_true (gtk_widget_is_drawable (named (view, "reading-form")));

  /* A month is not a day either; a value that is not a number is refused too. */
  type_into (view, "reading-date-entry", "March 2026");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  type_into (view, "reading-value-entry", "eighteen");
  click (view, "reading-save-button");
  g_assert_true (gtk_widget_is_drawable (named (view, "reading-value-caption")));
  g_assert_cmpuint (n_readings (f, autism), ==, before);

  /* Put right, the caption turns to a hint of what was read, then the reading is added. */
  type_into (view, "reading-date-entry", "14/11/2026");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_cmpstr (gtk_label_get_text (caption), ==, "Means 14 November 2026");
  type_into (view, "reading-value-entry", "18");
  click (view, "reading-save-button");
  g_assert_cmpuint (n_readings (f, autism), ==, before + 1);
}

static void
test_read_only_cannot_add (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Copy for the board.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_window_load (f->window, copy, PATHWAY_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);

  show_autism (f);
  button = named (GTK_WIDGET (indicators_view (f)), "add-reading-button");
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
}

/* Export ------------------------------------------------------------------------------------ */

static void
test_exports_chart (Fixture       *f,
                    gconstpointer  data)
{
  static const char *names[] = { "trend.png", "trend.svg", "trend.pdf" };
  PathwayChartView *chart_view;
  GtkWidget *menu;
  int width, height;

  show_autism (f);
  chart_view = chart_view_in (GTK_WIDGET (indicators_view (f)), "indicator-trend-chart");
  width = gtk_widget_get_width (GTK_WIDGET (chart_view));
  height = gtk_widget_get_height (GTK_WIDGET (chart_view));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (pathway_chart_view_export (chart_view, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (g_str_has_suffix (path, ".png"))
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

          /* Twice the widget's size, for denser screens and print. */
          g_assert_no_error (error);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, width * 2);
          g_assert_cmpint (gdk_texture_get_height (texture), ==, height * 2);
        }
      else if (g_str_has_suffix (path, ".svg"))
        {
          g_assert_nonnull (strstr (contents, "<svg"));
        }
      else
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
    }

  /* A name it cannot tell the format of is refused, and nothing is written. */
  {
    g_autofree char *path = g_build_filename (f->dir, "trend.gif", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (pathway_chart_view_export (chart_view, path, &error));
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* The keyboard opens the same menu as a right-click (Menu, Shift+F10). */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart_view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart_view), "menu.popup", NULL));
  menu = find_of_type (GTK_WIDGET (chart_view), GTK_TYPE_POPOVER_MENU, NULL);
  g_assert_nonnull (menu);
  wait_for_mapped (menu);
  gtk_popover_popdown (GTK_POPOVER (menu));
  wait_for_unmapped (menu);
}

/* Charts in the other views ------------------------------------------------------------------ */

static gboolean
charts_made (gpointer data)
{
  GPtrArray *views = data;

  for (guint i = 0; i < views->len; i++)
    if (pathway_chart_view_get_chart (g_ptr_array_index (views, i)) == NULL)
      return FALSE;
  return views->len > 0;
}

static void
test_overview_and_workstreams_charts (Fixture       *f,
                                      gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *overview = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_OVERVIEW_VIEW, NULL);
  GtkWidget *workstreams = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_WORKSTREAMS_VIEW,
                                         NULL);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  PathwayChartView *distribution;
  PathwayChartView *workstream_chart;
  PathwayChart *history;
  PathwayWorkstream *b = pathway_programme_find_workstream_by_code (programme_of (f), "B");
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autofree char *description = NULL;
  g_autofree char *amber = NULL;
  g_autofree char *mismatch = NULL;

  show_view (f, "overview");
  g_assert_true (gtk_widget_get_visible (
    GTK_WIDGET (pathway_overview_view_get_chart_slot (PATHWAY_OVERVIEW_VIEW (overview)))));
  collect_of_type (GTK_WIDGET (pathway_overview_view_get_chart_slot (PATHWAY_OVERVIEW_VIEW (
                     overview))), PATHWAY_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 3);
  wait_for ("the Overview's charts to be made", charts_made, views);

  distribution = chart_view_in (overview, "overview-distribution-chart");
  g_assert_cmpint (pathway_chart_get_kind (pathway_chart_view_get_chart (distribution)), ==,
                   PATHWAY_CHART_RATING_DISTRIBUTION);
  g_assert_cmpint (pathway_chart_get_kind (pathway_chart_view_get_chart (
                     chart_view_in (overview, "overview-history-chart"))), ==,
                   PATHWAY_CHART_RATING_HISTORY);
  g_assert_cmpint (pathway_chart_get_kind (pathway_chart_view_get_chart (
                     chart_view_in (overview, "overview-workstreams-chart"))), ==,
                   PATHWAY_CHART_RATING_BY_WORKSTREAM);

  /* The chart follows the desktop's style. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (pathway_chart_view_get_style (distribution), ==,
                   PATHWAY_CHART_STYLE_SCREEN_DARK);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (pathway_chart_view_get_style (distribution), ==,
                   PATHWAY_CHART_STYLE_SCREEN_LIGHT);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* A workstream's page has the chart of its own ratings, described in words. */
  show_view (f, "workstreams");
  pathway_workstreams_view_select (PATHWAY_WORKSTREAMS_VIEW (workstreams),
                                   pathway_workstream_get_id (b));
  wait_for_drawn (workstreams);
  workstream_chart = chart_view_in (workstreams, "workstream-ratings-chart");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (workstream_chart)));
  pathway_programme_count_ratings (programme_of (f), b, counts);
  description = pathway_chart_describe (pathway_chart_view_get_chart (workstream_chart));
  amber = g_strdup_printf ("%u", counts[PATHWAY_RATING_AMBER]);
  g_assert_nonnull (strstr (description, "Amber"));
  g_assert_nonnull (strstr (description, amber));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (workstream_chart),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);

  /* And its ratings at each month end, counting only its own actions: this month's column
   * is the counts shown beside the chart above. */
  history = pathway_chart_view_get_chart (chart_view_in (workstreams, "workstream-history-chart"));
  g_assert_nonnull (history);
  g_assert_cmpint (pathway_chart_get_kind (history), ==, PATHWAY_CHART_RATING_HISTORY);
  g_clear_pointer (&description, g_free);
  description = pathway_chart_describe (history);
  g_assert_nonnull (strstr (description, pathway_workstream_get_title (b)));
}

/* Screenshots ------------------------------------------------------------------------------- */

static gboolean
resize (Fixture *f,
        int      width,
        int      height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  /* A window is kept within its screen: run under a screen at least this big. */
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not resizing to %dx%d: the screen is %dx%d", width, height, screen.width,
                      screen.height);
      return FALSE;
    }

  /* A mapped window keeps its size; a default size applies when it is shown again. */
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, width, height);
  return TRUE;
}

static void
save (Fixture    *f,
      const char *folder,
      const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  save_png (f->window, path);
  g_test_message ("saved %s", path);
}

/* The whole of a scrolled page, below the fold too, on the window's background. */
static void
save_page (Fixture    *f,
           GtkWidget  *view,
           const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GtkWidget *clamp = NULL;
  g_autoptr(GPtrArray) clamps = g_ptr_array_new ();
  g_autoptr(GskRenderNode) page = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GdkRGBA background;
  int width, height;

  collect_of_type (view, ADW_TYPE_CLAMP, clamps);
  for (guint i = 0; clamp == NULL && i < clamps->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (clamps, i)))
      clamp = g_ptr_array_index (clamps, i);
  g_assert_nonnull (clamp);

  page = wait_for_picture (clamp);
  width = gtk_widget_get_width (clamp);
  height = gtk_widget_get_height (clamp);
  snapshot = gtk_snapshot_new ();
  gdk_rgba_parse (&background, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                 ? "#242424" : "#fafafa");
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_node (snapshot, page);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (view)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { int width, height; gboolean dark; } sizes[] = {
    { 1280, 800, FALSE }, { 1280, 800, TRUE }, { 1024, 768, FALSE },
  };
  static const char *views[] = { "overview", "workstreams", "indicators" };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *workstreams = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_WORKSTREAMS_VIEW,
                                         NULL);
  GtkWidget *overview = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_OVERVIEW_VIEW, NULL);
  PathwayWorkstream *b = pathway_programme_find_workstream_by_code (programme_of (f), "B");

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  show_autism (f);
  show_view (f, "workstreams");
  pathway_workstreams_view_select (PATHWAY_WORKSTREAMS_VIEW (workstreams),
                                   pathway_workstream_get_id (b));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      adw_style_manager_set_color_scheme (style, sizes[s].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      if (!resize (f, sizes[s].width, sizes[s].height))
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("charts-%s-%dx%d-%s.png", views[v],
                                                   sizes[s].width, sizes[s].height,
                                                   sizes[s].dark ? "dark" : "light");

          show_view (f, views[v]);
          save (f, folder, name);
        }
    }

  /* The pages with charts, whole (at 1024x768), light and dark. */
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *overview_name = g_strdup_printf ("charts-overview-page-%s.png",
                                                        dark ? "dark" : "light");
      g_autofree char *indicator_name = g_strdup_printf ("charts-indicators-page-%s.png",
                                                         dark ? "dark" : "light");
      g_autofree char *workstream_name = g_strdup_printf ("charts-workstreams-page-%s.png",
                                                          dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      show_view (f, "overview");
      save_page (f, overview, folder, overview_name);
      show_view (f, "indicators");
      save_page (f, GTK_WIDGET (indicators_view (f)), folder, indicator_name);
      show_view (f, "workstreams");
      save_page (f, workstreams, folder, workstream_name);
    }

  /* The form with a date it cannot read, and the Indicators view folded on a narrow window. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (resize (f, 1280, 800))
    {
      GtkWidget *view = GTK_WIDGET (indicators_view (f));
      GtkWidget *scroller = gtk_widget_get_ancestor (named (view, "reading-form"),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      show_view (f, "indicators");
      click (view, "add-reading-button");
      type_into (view, "reading-date-entry", "31 Febtember");
      type_into (view, "reading-value-entry", "18");
      click (view, "reading-save-button");

      /* The form in view, a little below the top, with the heading above it. */
      g_assert_true (gtk_widget_compute_bounds (named (view, "reading-form"),
                                                gtk_scrolled_window_get_child (
                                                  GTK_SCROLLED_WINDOW (scroller)), &bounds));
      gtk_adjustment_set_value (adjustment, bounds.origin.y - 120);
      save (f, folder, "charts-indicators-form-error-1280x800-light.png");
      click (view, "reading-cancel-button");

      /* A chart reached with the keyboard shows that it has the focus. */
      gtk_adjustment_set_value (adjustment, 0);
      gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (chart_view_in (view, "indicator-trend-chart")));
      save (f, folder, "charts-indicators-focus-1280x800-light.png");
    }
  /* Folded, in a narrow window of its own (the main window's switcher bar is not the subject
   * here), the page of the chosen indicator with a way back to the list. */
  {
    GtkWidget *narrow = adw_window_new ();
    GtkWidget *view = pathway_indicators_view_new ();
    g_autofree char *path = g_build_filename (folder, "charts-indicators-560x700-light.png",
                                              NULL);
    GtkWidget *leaflet;

    adw_window_set_content (ADW_WINDOW (narrow), view);
    gtk_window_set_default_size (GTK_WINDOW (narrow), 560, 700);
    pathway_view_set_document (PATHWAY_VIEW (view), document_of (f));
    gtk_window_present (GTK_WINDOW (narrow));
    wait_for_mapped (view);
    pathway_indicators_view_select (PATHWAY_INDICATORS_VIEW (view),
                                    pathway_indicator_get_id (find_indicator (f, AUTISM)));
    leaflet = find_of_type (view, ADW_TYPE_LEAFLET, NULL);
    wait_for_folded (leaflet, TRUE);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
    save_png (narrow, path);
    destroy_window (narrow);
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  /* Screenshots show where things end up, not a frame of a transition on the way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/indicators/lists-indicators", test_lists_indicators);
  ADD ("/ui/indicators/shows-target-and-trend-chart", test_shows_target_and_chart);
  ADD ("/ui/indicators/chart-describes-point", test_chart_describes_point);
  ADD ("/ui/indicators/adds-reading", test_adds_reading);
  ADD ("/ui/indicators/refuses-invalid-date", test_refuses_invalid_date);
  ADD ("/ui/indicators/read-only-cannot-add", test_read_only_cannot_add);
  ADD ("/ui/charts/export-png-svg-pdf", test_exports_chart);
  ADD ("/ui/charts/overview-and-workstreams", test_overview_and_workstreams_charts);
  ADD ("/ui/indicators/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
