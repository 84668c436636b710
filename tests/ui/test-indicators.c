/* test-indicators.c: the Indicators view and the charts in the views, in the main window on the
 * demo programme (written into a temporary folder). It proves that the view lists every indicator
 * with its latest value and where it stands against its trajectory, as a chip of words coloured
 * good or needing attention with an accessible name, on the row and the page and again after a
 * reading; shows an indicator's target and a trend chart whose accessible description states the
 * target; that a reading is added through the reading dialog, which offers the end of last month
 * and refuses a day it cannot read without adding anything; that a reading is corrected and retired
 * from its row's menu, and Undo brings it back, the list and the figures following each time; that
 * an indicator is added with every field through its editor, and milestones added, changed and
 * removed in one, each save one undo step, and an indicator retired after asking; that a chart says
 * what is under the pointer and exports to PNG, SVG and PDF; that the Overview and Workstreams
 * views carry charts of their counts; that nothing can be added or changed in a read-only file;
 * that the sidebar's arrows move the focus without choosing, Enter chooses and Tab leaves; and that
 * readings and the target are read with their values.
 * With PATHWAY_SCREENSHOT_DIR set it saves PNGs of the Overview (with its charts), Workstreams and
 * Indicators at 1280x800 light and dark and at 1024x768 (on the day of the demo's last meeting, one
 * indicator behind its trajectory among them), and of the Indicators view, the reading dialog, the
 * indicator editor and the question before retiring, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-chart-view.h"
#include "pathway-demo.h"
#include "pathway-format.h"
#include "pathway-indicator-editor.h"
#include "pathway-indicators-view.h"
#include "pathway-overview-view.h"
#include "pathway-person-picker.h"
#include "pathway-reading-dialog.h"
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
  PathwayView *view = pathway_window_get_view (f->window, "indicators");

  g_assert_true (PATHWAY_IS_INDICATORS_VIEW (view));
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

/* The words the model gives for the indicator's status today by the document's clock. */
static char *
expected_status (Fixture          *f,
                 PathwayIndicator *indicator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) readings = pathway_document_list_readings (document_of (f), indicator,
                                                                   &error);
  g_autoptr(GListModel) milestones = pathway_document_list_milestones (document_of (f),
                                                                       indicator, &error);
  g_auto(PathwayTrajectory) trajectory = { 0 };
  GDate today;

  g_assert_no_error (error);
  pathway_document_get_today (document_of (f), &today);
  pathway_trajectory_init (&trajectory, indicator, readings, milestones, &today);
  return pathway_trajectory_describe (&trajectory, indicator);
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

  /* Each row has its latest value and says in words where it stands against its trajectory
   * today; the rows are in the programme's order. */
  collect_named (list, "indicator-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(PathwayIndicator) indicator =
        g_list_model_get_item (pathway_programme_get_indicators (programme_of (f)), i);
      g_autofree char *status = expected_status (f, indicator);

      g_assert_cmpstr (gtk_label_get_text (named_label (row, "indicator-row-status")), ==,
                       status);
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
  g_autofree char *status = NULL;

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
  /* Where the latest waiting time stands is said in words, not by colour alone. */
  status = expected_status (f, autism);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-latest-status")), ==,
                   status);

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

/* The row of the indicator named, among those shown. */
static GtkWidget *
indicator_row (Fixture    *f,
               const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (named (GTK_WIDGET (indicators_view (f)), "indicator-list"), "indicator-row",
                 rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_str_equal (gtk_label_get_text (GTK_LABEL (find_of_type (row, GTK_TYPE_LABEL, NULL))),
                       name))
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

/* A status chip: its words, its look and the name a screen reader gives it. */
static void
assert_status_chip (GtkLabel   *chip,
                    const char *words,
                    const char *look)
{
  g_autofree char *name = g_strdup_printf ("Status: %s", words);
  g_autofree char *mismatch = NULL;

  g_assert_cmpstr (gtk_label_get_text (chip), ==, words);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "trajectory-chip"));
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (chip), "good"), ==,
                   g_strcmp0 (look, "good") == 0);
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (chip), "attention"), ==,
                   g_strcmp0 (look, "attention") == 0);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chip),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_null (mismatch);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (chip)));
}

/* On the day of the demo's last meeting the autism waits (21 weeks at the end of September) are
 * ahead of the line to the next milestone though far from the 13-week target: on trajectory,
 * in the good look, on its row and its page. Audiology is behind. A reading of 30 weeks turns
 * the autism chips to behind, with the gap in weeks. */
static void
test_shows_trajectory_status (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 18, 12, 0, 0);
  g_autoptr(PathwayReading) reading = pathway_reading_new ();
  g_autoptr(GDate) october = g_date_new_dmy (31, G_DATE_OCTOBER, 2026);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  pathway_document_set_now (document_of (f), now);
  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));

  assert_status_chip (named_label (indicator_row (f, AUTISM), "indicator-row-status"),
                      "On trajectory", "good");
  assert_status_chip (named_label (view, "indicator-latest-status"), "On trajectory", "good");
  assert_status_chip (named_label (indicator_row (f, "Audiology diagnostics within 6 weeks"),
                                   "indicator-row-status"),
                      "Behind trajectory by 2.5 points", "attention");

  /* Expected on the day: 22.5 weeks, on the line from 26 at the end of September to 13 at the
   * end of March. */
  pathway_reading_set_date (reading, october);
  pathway_reading_set_value (reading, 30);
  g_assert_true (pathway_document_add_reading (document_of (f), find_indicator (f, AUTISM),
                                               reading, &error));
  g_assert_no_error (error);
  wait_for_label_text (named_label (view, "indicator-latest-status"),
                       "Behind trajectory by 7.5 weeks");
  assert_status_chip (named_label (view, "indicator-latest-status"),
                      "Behind trajectory by 7.5 weeks", "attention");
  assert_status_chip (named_label (indicator_row (f, AUTISM), "indicator-row-status"),
                      "Behind trajectory by 7.5 weeks", "attention");
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "indicator-latest-value")), ==,
                   "30 weeks");
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

  if (GTK_IS_TEXT_VIEW (entry))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), text, -1);
  else
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

/* Toplevels: the editor and the reading dialog ---------------------------------------------- */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window; /* the list of toplevels holds it */
    }
  return NULL;
}

static gboolean
toplevel_mapped (gpointer type)
{
  GtkWindow *window = find_toplevel ((GType) GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWidget *
wait_for_toplevel (Fixture *f,
                   GType    type)
{
  GtkWidget *window;

  wait_for ("the window to open", toplevel_mapped, GSIZE_TO_POINTER (type));
  window = GTK_WIDGET (find_toplevel (type));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  {
    g_autoptr(GString) unnamed = g_string_new (NULL);

    /* Every window opened has a name for each of its controls. */
    ui_test_collect_unnamed (window, unnamed);
    if (unnamed->len > 0)
      g_error ("without a name in %s: %s", G_OBJECT_TYPE_NAME (window), unnamed->str);
  }
  return window;
}

static void
wait_for_no_toplevel (GType type)
{
  wait_for ("the window to close", toplevel_gone, GSIZE_TO_POINTER (type));
}

/* The day a new reading starts on: the end of last month by the document's clock. */
static char *
last_month_end (Fixture *f)
{
  GDate today, month_end;

  pathway_document_get_today (document_of (f), &today);
  pathway_date_last_month_end (&today, &month_end);
  return pathway_format_date (&month_end);
}

/* Adds a reading through the dialog as a person does; the day as written, or NULL to keep the
 * day it offers. */
static void
add_reading (Fixture    *f,
             const char *date,
             const char *value,
             const char *note)
{
  GtkWidget *dialog;

  click (GTK_WIDGET (indicators_view (f)), "add-reading-button");
  dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
  if (date != NULL)
    type_into (dialog, "reading-date-entry", date);
  type_into (dialog, "reading-value-entry", value);
  if (note != NULL)
    type_into (dialog, "reading-note-entry", note);
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);
}

/* The row of the reading of that day, shown. */
static GtkWidget *
reading_row (GtkWidget  *view,
             const char *date)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (view, "indicator-reading-row", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), date) == 0)
      return rows->pdata[i];
  return NULL;
}

typedef struct {
  GtkWidget *view;
  const char *date;
  const char *value; /* NULL: no row for the day */
} RowShows;

static gboolean
row_shows (gpointer data)
{
  RowShows *shows = data;
  GtkWidget *row = reading_row (shows->view, shows->date);

  if (shows->value == NULL)
    return row == NULL;
  return row != NULL &&
         g_strcmp0 (gtk_label_get_text (named_label (row, "indicator-reading-value")),
                    shows->value) == 0;
}

static PathwayReading *
reading_on (Fixture          *f,
            PathwayIndicator *indicator,
            const char       *iso_date)
{
  g_autoptr(GListModel) readings = pathway_document_list_readings (document_of (f), indicator,
                                                                   NULL);
  GDate date;

  g_assert_true (pathway_date_parse_iso (iso_date, &date));
  for (guint i = 0; i < g_list_model_get_n_items (readings); i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, i);

      if (g_date_compare (pathway_reading_get_date (reading), &date) == 0)
        return g_steal_pointer (&reading);
    }
  return NULL;
}

/* Readings ---------------------------------------------------------------------------------- */

static void
test_adds_reading (Fixture       *f,
                   gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  guint before = n_readings (f, autism);
  GtkWidget *view;
  GtkWidget *dialog;
  GtkWidget *first_row;
  guint rows_before;
  CountIs rows = { NULL, "indicator-reading-row", 0 };
  g_autofree char *month_end = last_month_end (f);

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  rows_before = count_named (view, "indicator-reading-row");
  g_assert_cmpuint (rows_before, ==, before);

  click (view, "add-reading-button");
  dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
  /* It offers the end of last month, the day a month's figures are for. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "reading-date-entry"))),
                   ==, month_end);
  g_assert_cmpstr (gtk_label_get_text (named_label (dialog, "reading-value-caption")), ==, "");
  type_into (dialog, "reading-date-entry", "14 November 2026");
  type_into (dialog, "reading-value-entry", "19.5");
  type_into (dialog, "reading-note-entry", "Extra clinics <b>& weekend</b> sessions");
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);

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
  /* The list beside the page has the new latest value. */
  g_assert_cmpstr (gtk_label_get_text (named_label (
                     GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (
                       named (view, "indicator-list")))), "indicator-row-value")),
                   ==, "19.5 weeks");
  /* One step, which Undo takes back. */
  g_assert_true (pathway_document_get_can_undo (document_of (f)));
}

static void
test_refuses_invalid_date (Fixture       *f,
                           gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  guint before = n_readings (f, autism);
  GtkWidget *view;
  GtkWidget *dialog;
  GtkLabel *caption;
  guint rows_before;

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  rows_before = count_named (view, "indicator-reading-row");

  click (view, "add-reading-button");
  dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
  type_into (dialog, "reading-date-entry", "sometime in the autumn");
  type_into (dialog, "reading-value-entry", "18");
  click (dialog, "reading-save-button");

  /* The problem is said next to the field; nothing is added and the dialog stays open. */
  caption = named_label (dialog, "reading-date-caption");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (caption), "14 March 2026"));
  g_assert_true (gtk_widget_has_css_class (named (dialog, "reading-date-entry"), "error"));
  g_assert_false (gtk_widget_get_visible (named (dialog, "reading-value-caption")));
  g_assert_cmpuint (n_readings (f, autism), ==, before);
  g_assert_cmpuint (count_named (view, "indicator-reading-row"), ==, rows_before);
  g_assert_true (gtk_widget_is_drawable (named (dialog, "reading-form")));

  /* A month is not a day either; a value that is not a number is refused too. */
  type_into (dialog, "reading-date-entry", "March 2026");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  type_into (dialog, "reading-value-entry", "eighteen");
  click (dialog, "reading-save-button");
  g_assert_true (gtk_widget_is_drawable (named (dialog, "reading-value-caption")));
  g_assert_cmpuint (n_readings (f, autism), ==, before);

  /* Put right, the caption turns to a hint of what was read, then the reading is added. */
  type_into (dialog, "reading-date-entry", "14/11/2026");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_cmpstr (gtk_label_get_text (caption), ==, "Means 14 November 2026");
  type_into (dialog, "reading-value-entry", "18");
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);
  g_assert_cmpuint (n_readings (f, autism), ==, before + 1);
}

/* Three readings, the first on the day offered; one corrected, one retired and brought back. */
static void
test_corrects_and_retires_readings (Fixture       *f,
                                    gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 4, 10, 12, 0, 0);
  g_autoptr(PathwayReading) february = NULL;
  g_autoptr(PathwayReading) march = NULL;
  g_autoptr(PathwayReading) corrected = NULL;
  GtkWidget *view;
  GtkWidget *dialog;
  GMenuModel *menu;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  guint before;
  RowShows shows;

  /* A clock after the demo's last reading, so that the day offered has none yet. */
  pathway_document_set_now (document_of (f), now);
  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  before = n_readings (f, autism);

  add_reading (f, NULL, "17", "Offered day");
  add_reading (f, "28 February 2027", "16", NULL);
  add_reading (f, "31 January 2027", "18", NULL);
  g_assert_cmpuint (n_readings (f, autism), ==, before + 3);
  /* The first went on the day offered: the end of March. */
  g_assert_nonnull ((march = reading_on (f, autism, "2027-03-31")));
  g_assert_cmpfloat (pathway_reading_get_value (march), ==, 17);
  shows = (RowShows) { view, "31 March 2027", "17 weeks" };
  wait_for ("the row of the end of March", row_shows, &shows);
  wait_for_label_text (named_label (view, "indicator-latest-value"), "17 weeks");

  /* Each row's menu names its own reading. */
  february = reading_on (f, autism, "2027-02-28");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (
    named (reading_row (view, "28 February 2027"), "indicator-reading-menu")));
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "indicators.correct-reading");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_cmpint (g_variant_get_int64 (target), ==, pathway_reading_get_id (february));

  /* Corrected: the dialog has the reading as it is; the row shows the new value. */
  g_assert_true (gtk_widget_activate_action (view, "indicators.correct-reading", "x",
                                             pathway_reading_get_id (february)));
  dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Correct Reading");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "reading-date-entry"))),
                   ==, "28 February 2027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "reading-value-entry"))),
                   ==, "16");
  type_into (dialog, "reading-value-entry", "14.5");
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);
  corrected = reading_on (f, autism, "2027-02-28");
  g_assert_cmpfloat (pathway_reading_get_value (corrected), ==, 14.5);
  g_assert_cmpint (pathway_reading_get_id (corrected), ==, pathway_reading_get_id (february));
  shows = (RowShows) { view, "28 February 2027", "14.5 weeks" };
  wait_for ("the corrected value in its row", row_shows, &shows);
  g_assert_cmpuint (n_readings (f, autism), ==, before + 3);

  /* Retired: the row goes, the latest is the one before; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (view, "indicators.retire-reading", "x",
                                             pathway_reading_get_id (march)));
  g_assert_cmpuint (n_readings (f, autism), ==, before + 2);
  shows = (RowShows) { view, "31 March 2027", NULL };
  wait_for ("the retired reading's row to go", row_shows, &shows);
  wait_for_label_text (named_label (view, "indicator-latest-value"), "14.5 weeks");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (n_readings (f, autism), ==, before + 3);
  shows = (RowShows) { view, "31 March 2027", "17 weeks" };
  wait_for ("the reading back in its row", row_shows, &shows);
  wait_for_label_text (named_label (view, "indicator-latest-value"), "17 weeks");
}

/* Indicators and their milestones ----------------------------------------------------------- */

static GtkWidget *
open_editor (Fixture    *f,
             const char *button)
{
  click (GTK_WIDGET (indicators_view (f)), button);
  return wait_for_toplevel (f, PATHWAY_TYPE_INDICATOR_EDITOR);
}

static void
save_editor (GtkWidget *editor)
{
  click (editor, "indicator-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_INDICATOR_EDITOR);
}

static void
test_adds_indicator (Fixture       *f,
                     gconstpointer  data)
{
  PathwayProgramme *programme = programme_of (f);
  guint before = g_list_model_get_n_items (pathway_programme_get_indicators (programme));
  PathwayIndicator *added;
  GtkWidget *view;
  GtkWidget *editor;
  GtkLabel *caption;
  const GDate *target_date;

  show_view (f, "indicators");
  view = GTK_WIDGET (indicators_view (f));
  editor = open_editor (f, "add-indicator-button");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Indicator");

  /* The name must be there. */
  click (editor, "indicator-save-button");
  caption = named_label (editor, "indicator-name-caption");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_true (toplevel_mapped (GSIZE_TO_POINTER (PATHWAY_TYPE_INDICATOR_EDITOR)));

  type_into (editor, "indicator-name-row", "Wait for a <speech> & language assessment");
  type_into (editor, "indicator-service-row", "Speech and language therapy");
  type_into (editor, "indicator-definition-view", "Weeks from referral to first assessment.");
  /* Weeks, lower is better. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "indicator-unit-row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "indicator-better-row")), 1);
  type_into (editor, "indicator-baseline-row", "26");
  type_into (editor, "indicator-baseline-date-row", "30/9/2026");
  g_assert_cmpstr (gtk_label_get_text (named_label (editor, "indicator-baseline-date-caption")),
                   ==, "Means 30 September 2026");
  type_into (editor, "indicator-target-row", "18");
  type_into (editor, "indicator-target-date-row", "31 March 2027");
  type_into (editor, "indicator-target-source-row", "Agreed with the ICB");
  type_into (editor, "indicator-comparator-name-row", "Regional average");
  type_into (editor, "indicator-comparator-row", "22.5");
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (named (editor,
                                                                    "indicator-owner-row")),
                                      pathway_programme_find_person_by_name (programme,
                                                                             "Rachel Osei"));
  type_into (editor, "indicator-source-row", "Therapy service waiting list");
  /* A figure that is not one is said beside its field once Save is tried. */
  type_into (editor, "indicator-target-row", "eighteen");
  click (editor, "indicator-save-button");
  g_assert_true (gtk_widget_has_css_class (named (editor, "indicator-target-row"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_indicators (programme)), ==,
                    before);
  type_into (editor, "indicator-target-row", "18");
  save_editor (editor);

  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_indicators (programme)), ==,
                    before + 1);
  added = find_indicator (f, "Wait for a <speech> & language assessment");
  g_assert_cmpint (pathway_indicator_get_unit (added), ==, PATHWAY_UNIT_WEEKS);
  g_assert_cmpint (pathway_indicator_get_direction (added), ==,
                   PATHWAY_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpfloat (pathway_indicator_get_target_value (added), ==, 18);
  target_date = pathway_indicator_get_target_date (added);
  g_assert_nonnull (target_date);
  g_assert_cmpint (g_date_get_year (target_date), ==, 2027);
  g_assert_cmpint (g_date_get_month (target_date), ==, 3);
  g_assert_cmpint (g_date_get_day (target_date), ==, 31);
  g_assert_cmpfloat (pathway_indicator_get_baseline_value (added), ==, 26);
  g_assert_cmpfloat (pathway_indicator_get_comparator_value (added), ==, 22.5);
  g_assert_cmpstr (pathway_indicator_get_comparator_label (added), ==, "Regional average");
  g_assert_cmpstr (pathway_indicator_get_target_source (added), ==, "Agreed with the ICB");
  g_assert_cmpstr (pathway_person_get_name (pathway_indicator_get_owner (added)), ==,
                   "Rachel Osei");
  g_assert_cmpstr (pathway_indicator_get_source (added), ==, "Therapy service waiting list");
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==,
                   "Add indicator Wait for a <speech> & language assessment");

  /* Shown at once, last in the list, with its target in its unit. */
  g_assert_true (pathway_indicators_view_get_selected (indicators_view (f)) == added);
  wait_for_label_text (named_label (view, "indicator-name"),
                       "Wait for a <speech> & language assessment");
  wait_for_label_text (named_label (view, "indicator-target-value"), "18 weeks");

  /* Undo takes the whole of it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_indicators (programme)), ==,
                    before);
}

/* A milestone added, another changed and a third removed, in one save and one undo step. */
static void
test_changes_milestones (Fixture       *f,
                         gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  g_autoptr(GListModel) before = pathway_document_list_milestones (document_of (f), autism,
                                                                   NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) undone = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(PathwayMilestone) first = NULL;
  g_autoptr(PathwayMilestone) second = NULL;
  g_autoptr(PathwayMilestone) added = NULL;
  guint n = g_list_model_get_n_items (before);
  GtkWidget *editor;
  GtkWidget *row;
  double first_value;

  g_assert_cmpuint (n, >=, 2);
  first = g_list_model_get_item (before, 0);
  second = g_list_model_get_item (before, 1);
  first_value = pathway_milestone_get_planned_value (first);

  show_autism (f);
  editor = open_editor (f, "edit-indicator-button");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Indicator");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "indicator-name-row"))),
                   ==, AUTISM);
  collect_named (editor, "milestone-row", rows);
  g_assert_cmpuint (rows->len, ==, n);

  /* The first planned lower; the second removed. */
  type_into (rows->pdata[0], "milestone-value-entry", "35.5");
  g_signal_emit_by_name (named (rows->pdata[1], "milestone-remove-button"), "clicked");

  /* A new one, at the end. */
  click (editor, "add-milestone-button");
  g_ptr_array_set_size (rows, 0);
  collect_named (editor, "milestone-row", rows);
  g_assert_cmpuint (rows->len, ==, n);
  row = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (row, "milestone-date-entry"))),
                   ==, "");
  type_into (row, "milestone-date-entry", "30 June 2027");
  type_into (row, "milestone-value-entry", "15");
  save_editor (editor);

  after = pathway_document_list_milestones (document_of (f), autism, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PathwayMilestone) milestone = g_list_model_get_item (after, i);
      const GDate *date = pathway_milestone_get_date (milestone);

      /* Removed: retired, so no longer listed. */
      g_assert_cmpint (pathway_milestone_get_id (milestone), !=,
                       pathway_milestone_get_id (second));
      if (pathway_milestone_get_id (milestone) == pathway_milestone_get_id (first))
        g_assert_cmpfloat (pathway_milestone_get_planned_value (milestone), ==, 35.5);
      if (g_date_get_year (date) == 2027 && g_date_get_month (date) == 6 &&
          g_date_get_day (date) == 30)
        added = g_steal_pointer (&milestone);
    }
  g_assert_nonnull (added);
  g_assert_cmpfloat (pathway_milestone_get_planned_value (added), ==, 15);
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==,
                   "Change indicator " AUTISM);

  /* One undo takes all three back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  undone = pathway_document_list_milestones (document_of (f), autism, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (undone), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayMilestone) milestone = g_list_model_get_item (undone, i);

      g_assert_cmpint (pathway_milestone_get_id (milestone), !=, pathway_milestone_get_id (added));
      if (pathway_milestone_get_id (milestone) == pathway_milestone_get_id (first))
        g_assert_cmpfloat (pathway_milestone_get_planned_value (milestone), ==, first_value);
    }
}

static void
test_retires_indicator (Fixture       *f,
                        gconstpointer  data)
{
  PathwayIndicator *autism = find_indicator (f, AUTISM);
  AdwMessageDialog *dialog;

  show_autism (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (indicators_view (f)),
                                             "indicators.retire", NULL));
  wait_for ("the question about retiring", toplevel_mapped,
            GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Retire " AUTISM "?");
  adw_message_dialog_response (dialog, "retire");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (pathway_document_is_retired (document_of (f), autism));
  g_assert_true (g_str_has_prefix (pathway_document_get_undo_label (document_of (f)),
                                  "Retire indicator"));
}

static void
test_read_only_cannot_add (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Copy for the board.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GtkWidget *button;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_window_load (f->window, copy, PATHWAY_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);

  show_autism (f);
  view = GTK_WIDGET (indicators_view (f));
  button = named (view, "add-reading-button");
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_is_sensitive (named (view, "add-indicator-button")));
  g_assert_false (gtk_widget_is_sensitive (named (view, "edit-indicator-button")));
  /* No reading can be corrected or retired: their menus are not offered. */
  g_assert_cmpuint (count_named (view, "indicator-reading-menu"), ==, 0);
  gtk_widget_activate_action (view, "indicators.add-reading", NULL);
  drain_main_loop ();
  g_assert_null (find_toplevel (PATHWAY_TYPE_READING_DIALOG));
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
  /* Made now if not yet shown: the window makes a view when its page is first shown. */
  GtkWidget *overview = GTK_WIDGET (pathway_window_get_view (f->window, "overview"));
  GtkWidget *workstreams = GTK_WIDGET (pathway_window_get_view (f->window, "workstreams"));
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

/* Keyboard ---------------------------------------------------------------------------------- */

static gpointer
selected_indicator (GtkWidget *view)
{
  return pathway_indicators_view_get_selected (PATHWAY_INDICATORS_VIEW (view));
}

static void
test_sidebar_chooses_on_enter (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *view;

  show_view (f, "indicators");
  view = GTK_WIDGET (indicators_view (f));
  ui_test_check_sidebar_keys (GTK_WIDGET (f->window), view,
                      GTK_LIST_BOX (named (view, "indicator-list")), selected_indicator);
}

static void
check_accessible (GtkWidget             *widget,
                  GtkAccessibleProperty  property,
                  const char            *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  property, expected);

  if (mismatch != NULL)
    g_error ("%s: %s", gtk_widget_get_name (widget), mismatch);
}

/* A reading is read with its value, "30 September 2026, 56.9%", its note as the description;
 * the target's row says the target. */
static void
test_values_read_with_rows (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *view;
  GtkWidget *target;
  g_autofree char *expected = NULL;
  g_autofree char *date = NULL;
  PathwayIndicator *autism;
  guint checked = 0;

  show_view (f, "indicators");
  view = GTK_WIDGET (indicators_view (f));
  collect_named (view, "indicator-reading-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      g_autofree char *name = NULL;
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (!gtk_widget_get_visible (row))
        continue;
      name = g_strdup_printf ("%s, %s",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              gtk_label_get_text (named_label (row, "indicator-reading-value")));
      g_assert_cmpstr (gtk_label_get_text (named_label (row, "indicator-reading-value")), !=, "");
      check_accessible (row, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      check_accessible (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                        subtitle != NULL ? subtitle : "");
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);

  /* The target's row, on the autism waiting time's page. */
  show_autism (f);
  autism = find_indicator (f, AUTISM);
  date = pathway_format_date (pathway_indicator_get_target_date (autism));
  g_assert_nonnull (date);
  expected = g_strdup_printf ("Target, 13 weeks by %s", date);
  target = named (view, "indicator-target-row");
  check_accessible (target, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  check_accessible (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                    pathway_indicator_get_target_source (autism));

  /* The target's card above is read whole too. */
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Target, 13 weeks, By %s", date);
  check_accessible (gtk_widget_get_ancestor (GTK_WIDGET (named_label (view,
                                                                      "indicator-target-value")),
                                             GTK_TYPE_FLOW_BOX_CHILD),
                    GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
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
  GtkWidget *workstreams = GTK_WIDGET (pathway_window_get_view (f->window, "workstreams"));
  GtkWidget *overview = GTK_WIDGET (pathway_window_get_view (f->window, "overview"));
  PathwayWorkstream *b = pathway_programme_find_workstream_by_code (programme_of (f), "B");
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 18, 12, 0, 0);

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  /* The day of the demo's last meeting, so that the pictures do not change with the date. */
  pathway_document_set_now (document_of (f), now);
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

  /* A chart reached with the keyboard shows that it has the focus. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (resize (f, 1280, 800))
    {
      GtkWidget *view = GTK_WIDGET (indicators_view (f));

      show_view (f, "indicators");
      gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (chart_view_in (view, "indicator-trend-chart")));
      save (f, folder, "charts-indicators-focus-1280x800-light.png");
    }
  /* An indicator behind its trajectory, its status the longest the chips carry. */
  if (resize (f, 1024, 768))
    {
      PathwayIndicator *audiology = find_indicator (f, "Audiology diagnostics within 6 weeks");

      show_view (f, "indicators");
      pathway_indicators_view_select (indicators_view (f),
                                      pathway_indicator_get_id (audiology));
      wait_for_drawn (indicators_view (f));
      save (f, folder, "charts-indicators-behind-1024x768-light.png");
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

/* Scrolls the window's page so that the widget is near the top of what shows. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *page = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  /* Laid out first, rows just added included, so that the page is as long as it will be. */
  wait_for_drawn (gtk_widget_get_root (widget));
  /* Measured from the page, not from the viewport, which moves with the scrolling. */
  if (GTK_IS_VIEWPORT (page))
    page = gtk_viewport_get_child (GTK_VIEWPORT (page));
  g_assert_true (gtk_widget_compute_bounds (widget, page, &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            bounds.origin.y - 24);
}

/* Saves a window (a dialog at its own size) as folder/NAME-SCHEME.png. */
static void
save_window (GtkWidget  *window,
             const char *folder,
             const char *name,
             const char *scheme)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  save_png (window, path);
  g_test_message ("saved %s", path);
}

/* The view with its buttons and the readings' menus, the reading dialog (new, refusing a day,
 * correcting), the indicator editor (new; an indicator's, at the top, at its target and at its
 * milestones, one of them wrong) and the question about retiring, light and dark. */
static void
test_saves_editor_screenshots (Fixture       *f,
                               gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 768 } };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autoptr(GListModel) readings = NULL;
      g_autoptr(PathwayReading) latest = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      GtkWidget *view;
      GtkWidget *dialog;
      GtkWidget *editor;
      GtkWidget *row;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *view_name = g_strdup_printf ("indicators-view-%dx%d", sizes[s].width,
                                                        sizes[s].height);
          g_autofree char *readings_name = g_strdup_printf ("indicators-view-readings-%dx%d",
                                                            sizes[s].width, sizes[s].height);

          if (!resize (f, sizes[s].width, sizes[s].height))
            continue;
          show_autism (f);
          view = GTK_WIDGET (indicators_view (f));
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
            gtk_widget_get_ancestor (named (view, "add-reading-button"),
                                     GTK_TYPE_SCROLLED_WINDOW))), 0);
          save_window (GTK_WIDGET (f->window), folder, view_name, scheme);
          scroll_to (named (view, "add-reading-button"));
          save_window (GTK_WIDGET (f->window), folder, readings_name, scheme);
        }
      resize (f, 1280, 800);
      show_autism (f);
      view = GTK_WIDGET (indicators_view (f));

      /* The reading dialog: new, refusing what it cannot read, correcting. */
      click (view, "add-reading-button");
      dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
      save_window (dialog, folder, "reading-dialog-new", scheme);
      type_into (dialog, "reading-date-entry", "31 Febtember");
      type_into (dialog, "reading-value-entry", "a lot");
      click (dialog, "reading-save-button");
      save_window (dialog, folder, "reading-dialog-error", scheme);
      click (dialog, "reading-cancel-button");
      wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);

      readings = pathway_document_list_readings (document_of (f), find_indicator (f, AUTISM),
                                                 NULL);
      latest = g_list_model_get_item (readings, g_list_model_get_n_items (readings) - 1);
      g_assert_true (gtk_widget_activate_action (view, "indicators.correct-reading", "x",
                                                 pathway_reading_get_id (latest)));
      dialog = wait_for_toplevel (f, PATHWAY_TYPE_READING_DIALOG);
      save_window (dialog, folder, "reading-dialog-correct", scheme);
      click (dialog, "reading-cancel-button");
      wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);

      /* The indicator editor. */
      editor = open_editor (f, "add-indicator-button");
      save_window (editor, folder, "indicator-editor-new", scheme);
      destroy_window (editor);

      editor = open_editor (f, "edit-indicator-button");
      save_window (editor, folder, "indicator-editor", scheme);
      scroll_to (named (editor, "indicator-target-row"));
      save_window (editor, folder, "indicator-editor-target", scheme);
      click (editor, "add-milestone-button");
      collect_named (editor, "milestone-row", rows);
      row = g_ptr_array_index (rows, rows->len - 1);
      type_into (row, "milestone-date-entry", "Summer");
      type_into (row, "milestone-value-entry", "15");
      click (editor, "indicator-save-button");
      scroll_to (named (editor, "indicator-milestones-group"));
      save_window (editor, folder, "indicator-editor-milestones", scheme);
      destroy_window (editor);

      /* The question before retiring. */
      g_assert_true (gtk_widget_activate_action (view, "indicators.retire", NULL));
      wait_for ("the question about retiring", toplevel_mapped,
                GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
      dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      save_window (dialog, folder, "indicator-retire", scheme);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      gtk_window_close (GTK_WINDOW (dialog));
      wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
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
  ADD ("/ui/indicators/sidebar-chooses-on-enter", test_sidebar_chooses_on_enter);
  ADD ("/ui/indicators/values-read-with-rows", test_values_read_with_rows);
  ADD ("/ui/indicators/shows-target-and-trend-chart", test_shows_target_and_chart);
  ADD ("/ui/indicators/shows-trajectory-status", test_shows_trajectory_status);
  ADD ("/ui/indicators/chart-describes-point", test_chart_describes_point);
  ADD ("/ui/indicators/adds-reading", test_adds_reading);
  ADD ("/ui/indicators/refuses-invalid-date", test_refuses_invalid_date);
  ADD ("/ui/indicators/corrects-and-retires-readings", test_corrects_and_retires_readings);
  ADD ("/ui/indicators/adds-indicator", test_adds_indicator);
  ADD ("/ui/indicators/changes-milestones", test_changes_milestones);
  ADD ("/ui/indicators/retires-indicator", test_retires_indicator);
  ADD ("/ui/indicators/read-only-cannot-add", test_read_only_cannot_add);
  ADD ("/ui/charts/export-png-svg-pdf", test_exports_chart);
  ADD ("/ui/charts/overview-and-workstreams", test_overview_and_workstreams_charts);
  ADD ("/ui/indicators/save-screenshots", test_saves_screenshots);
  ADD ("/ui/indicators/save-editor-screenshots", test_saves_editor_screenshots);

#undef ADD

  return g_test_run ();
}
