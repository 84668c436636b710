/* test-risks-view.c: the Risks view in the main window, on a programme made for each test with
 * pathway_document_create and a fixed today, driven through its actions, keys and dialogs the
 * way a person uses them. It proves that an empty programme offers Add Risk… and Import Risk
 * Register… (the latter only while the window has win.import-risks); that a risk added through
 * the dialog is shown with its score as number and word, the text as written; that changing its
 * likelihood changes the score chip and the heat map, and one undo takes the change back; that
 * the filters (band, status, kind, owner, search, overdue review, a heat map cell) narrow the
 * table and the count says so; that Delete asks and retires, and undo brings the entry back;
 * that Raise Issue makes an issue raised from the risk; that a refused value is shown under its
 * field; that the linked actions are written as the store names them and open in the action
 * editor; that rows, filters and fields say what they show to screen readers; and that the
 * table is one Tab stop. With
 * PATHWAY_SCREENSHOT_DIR set it saves PNGs of the view at 1024x768 and 1920x1080 and of the
 * dialog, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pathway-action-editor.h"
#include "pathway-demo.h"
#include "pathway-chart-view.h"
#include "pathway-history-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-risk-dialog.h"
#include "pathway-risks-view.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\" <b>x</b>"

/* What a fixture opens. */
enum {
  EMPTY_PROGRAMME,
  DEMO_PROGRAMME,
  READ_ONLY_DEMO,
};

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwayRisksView *view;
} Fixture;

/* Finding things ------------------------------------------------------------------------------- */

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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_toplevel (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_toplevel (gpointer type)
{
  return !has_toplevel (type);
}

static GtkWidget *
named_in (gpointer    root,
          const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static PathwayRiskDialog *
risk_dialog (void)
{
  GtkWidget *dialog;

  wait_for ("the risk dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_RISK_DIALOG));
  dialog = GTK_WIDGET (find_toplevel (PATHWAY_TYPE_RISK_DIALOG));
  {
    g_autoptr(GString) unnamed = g_string_new (NULL);

    /* Every window opened has a name for each of its controls. */
    ui_test_collect_unnamed (dialog, unnamed);
    if (unnamed->len > 0)
      g_error ("without a name in %s: %s", G_OBJECT_TYPE_NAME (dialog), unnamed->str);
  }
  return PATHWAY_RISK_DIALOG (dialog);
}

static gboolean
has_message_dialog (gpointer data)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (dialog)), data) == 0;
}

static AdwMessageDialog *
message_dialog (const char *name)
{
  wait_for (name, has_message_dialog, (gpointer) name);
  return ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
check_label (gpointer    widget,
             const char *expected)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (mismatch != NULL)
    g_error ("%s: %s", gtk_widget_get_name (GTK_WIDGET (widget)), mismatch);
}

/* The table's widgets -------------------------------------------------------------------------- */

typedef struct {
  GtkWidget *root;
  GType type;
  const char *css_class;
  const char *text;
  GtkWidget *found;
} Search;

static const char *
text_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* The first widget below root showing the text, of the type and class given, and mapped. */
static GtkWidget *
find_showing (GtkWidget  *root,
              GType       type,
              const char *css_class,
              const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)) &&
          g_strcmp0 (text_of (child), text) == 0)
        return child;
      found = find_showing (child, type, css_class, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
table_shows (gpointer data)
{
  Search *search = data;

  search->found = find_showing (search->root, search->type, search->css_class, search->text);
  return search->found != NULL;
}

/* Waits until the table shows a widget with that text (a chip, a reference). */
#define wait_for_table_text(f, type, css_class, text) \
  G_STMT_START { \
    Search search_ = { named_in ((f)->view, "risks-table"), (type), (css_class), (text), NULL }; \
    wait_for ("the table to show " text, table_shows, &search_); \
  } G_STMT_END

static GtkWidget *
table_widget (Fixture    *f,
              GType       type,
              const char *css_class,
              const char *text)
{
  Search search = { named_in (f->view, "risks-table"), type, css_class, text, NULL };

  wait_for ("the table to show it", table_shows, &search);
  return search.found;
}

typedef struct {
  Fixture *fixture;
  guint count;
} Count;

static gboolean
has_count (gpointer data)
{
  Count *wanted = data;

  return pathway_risks_view_get_n_shown (wanted->fixture->view) == wanted->count;
}

#define wait_for_shown(f, n) \
  G_STMT_START { \
    Count wanted_ = { (f), (n) }; \
    wait_for ("the table to show " #n " entries", has_count, &wanted_); \
  } G_STMT_END

static PathwayRisk *
shown_at (Fixture *f,
          guint    position)
{
  g_autoptr(PathwayRisk) risk = g_list_model_get_item (pathway_risks_view_get_shown (f->view),
                                                       position);

  g_assert_nonnull (risk);
  return risk; /* the programme holds it */
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named_in (f->view, "risks-count")));
}

/* The heat map --------------------------------------------------------------------------------- */

static PathwayChartView *
heat_map (Fixture *f)
{
  return PATHWAY_CHART_VIEW (named_in (f->view, "heat-map"));
}

static gboolean
cell_box (Fixture           *f,
          int                likelihood,
          int                impact,
          cairo_rectangle_t *cell)
{
  PathwayChartView *view = heat_map (f);
  PathwayChart *chart = pathway_chart_view_get_chart (view);

  return chart != NULL &&
         pathway_chart_get_risk_cell (chart, gtk_widget_get_width (GTK_WIDGET (view)),
                                      gtk_widget_get_height (GTK_WIDGET (view)),
                                      pathway_chart_view_get_style (view), likelihood, impact,
                                      cell);
}

/* What the map says of a cell when pointed at: "Likely, Major: 1 risk, score 16, high". */
static char *
cell_text (Fixture *f,
           int      likelihood,
           int      impact)
{
  cairo_rectangle_t cell;

  wait_for_drawn (heat_map (f));
  g_assert_true (cell_box (f, likelihood, impact, &cell));
  return pathway_chart_view_describe_at (heat_map (f), cell.x + cell.width / 2,
                                         cell.y + cell.height / 2);
}

typedef struct {
  Fixture *fixture;
  int likelihood, impact;
  const char *text;
} CellText;

static gboolean
cell_says (gpointer data)
{
  CellText *wanted = data;
  g_autofree char *text = cell_text (wanted->fixture, wanted->likelihood, wanted->impact);

  return g_strcmp0 (text, wanted->text) == 0;
}

#define wait_for_cell(f, likelihood, impact, text) \
  G_STMT_START { \
    CellText wanted_ = { (f), (likelihood), (impact), (text) }; \
    wait_for ("the heat map to say " text, cell_says, &wanted_); \
  } G_STMT_END

/* A click in the middle of a cell, as the map's gesture takes it. */
static void
click_cell (Fixture *f,
            int      likelihood,
            int      impact)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (heat_map (f)));
  cairo_rectangle_t cell;

  g_assert_true (cell_box (f, likelihood, impact, &cell));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        {
          g_signal_emit_by_name (controller, "released", 1, cell.x + cell.width / 2,
                                 cell.y + cell.height / 2);
          return;
        }
    }
  g_error ("the heat map takes no clicks");
}

/* A key as the map's key controller takes it while it has the focus. */
static void
press_on_map (Fixture *f,
              guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (heat_map (f)));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* Test data ------------------------------------------------------------------------------------ */

static gpointer
add_record (Fixture           *f,
            const char        *kind,
            const char *const *fields,
            const char *const *values)
{
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

  g_assert_true (pathway_document_add_fields (document_of (f), pathway_kind_lookup (kind),
                                              fields, values, &record, &error));
  g_assert_no_error (error);
  g_object_unref (record); /* the programme keeps it */
  return record;
}

static PathwayPerson *
add_person (Fixture    *f,
            const char *name)
{
  const char *fields[] = { "name", NULL };
  const char *values[] = { name, NULL };

  return add_record (f, "person", fields, values);
}

/* An entry as the command line adds one; owner by name. */
static PathwayRisk *
add_risk (Fixture    *f,
          const char *reference,
          const char *kind,
          const char *title,
          const char *likelihood,
          const char *impact,
          const char *status,
          const char *owner,
          const char *review)
{
  const char *fields[] = { "reference", "kind", "title", "likelihood", "impact", "status",
                           "owner", "review-date", NULL };
  const char *values[] = { reference, kind, title, likelihood, impact, status,
                           owner ? owner : "", review ? review : "", NULL };

  return add_record (f, "risk", fields, values);
}

/* Four entries: a high risk, a closed one, an escalated issue and an assumption whose review
 * is overdue (today is 5 January 2026). */
static void
add_log (Fixture *f)
{
  const char *fields[] = { "description", "response", NULL };
  const char *values[] = { "Waiting lists for educational psychologists are long.",
                           "Commission assessments from a second provider.", NULL };
  PathwayRisk *r01;

  add_person (f, "Beth Kowalski");
  add_person (f, "Priya Raman");
  r01 = add_risk (f, "R01", "risk", "Too few educational psychologists", "4", "4", "open",
                  "Beth Kowalski", "2027-01-14");
  g_assert_true (pathway_document_set_fields (document_of (f), r01, fields, values, NULL, NULL));
  add_risk (f, "R02", "risk", "Transport contract ends", "2", "2", "closed", "Priya Raman",
            NULL);
  add_risk (f, "I01", "issue", "Annual reviews late", "5", "4", "escalated", "Priya Raman",
            "2026-02-01");
  add_risk (f, "A01", "assumption", "Funding continues", "1", "3", "open", NULL, "2025-12-01");
}

/* Driving things ------------------------------------------------------------------------------- */

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
}

static void
type_into (gpointer    dialog,
           const char *name,
           const char *text)
{
  GtkWidget *widget = named_in (dialog, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
choose (gpointer    dialog,
        const char *name,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (named_in (dialog, name)), position);
}

static void
press_save (PathwayRiskDialog *dialog)
{
  GtkWidget *button = named_in (dialog, "save-button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for ("the risk dialog to close", has_no_toplevel,
            GSIZE_TO_POINTER (PATHWAY_TYPE_RISK_DIALOG));
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
}

static void
choose_filter (Fixture    *f,
               const char *name,
               guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named_in (f->view, name)), position);
}

static void
show_view (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "risks"));
  f->view = PATHWAY_RISKS_VIEW (pathway_window_get_view (f->window, "risks"));
  g_assert_nonnull (f->view);
  wait_for_mapped (f->view);
}

/* Fixture -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 1, 5, 10, 0, 0);

  f->dir = g_dir_make_tmp ("pathway-risks-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sallowmere SEND.pathway", NULL);
  if (GPOINTER_TO_INT (data) == DEMO_PROGRAMME || GPOINTER_TO_INT (data) == READ_ONLY_DEMO)
    {
      g_assert_true (pathway_demo_write (f->path, &error));
      /* A day after the demo's last board, so that its log has reviews due and overdue. */
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_new_local (2026, 12, 7, 10, 0, 0);
    }
  else
    {
      created = pathway_document_create (f->path, "Sallowmere SEND improvement", &error);
      g_assert_no_error (error);
      pathway_document_close (created);
    }

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path,
                                      GPOINTER_TO_INT (data) == READ_ONLY_DEMO
                                        ? PATHWAY_OPEN_READ_ONLY
                                        : PATHWAY_OPEN_DEFAULT,
                                      &error));
  g_assert_no_error (error);
  /* Reviews fall due by today: a fixed today gives fixed answers. */
  pathway_document_set_now (document_of (f), now);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
  show_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL ||
         (dialog = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    destroy_window (dialog);
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Screenshots ---------------------------------------------------------------------------------- */

/* The views' switcher has found its place, in the header bar or the bar at the foot, and
 * has stopped moving there. */
static gboolean
switcher_settled (gpointer data)
{
  Fixture *f = data;
  GtkWidget *squeezer = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_SQUEEZER, NULL);
  GtkWidget *bar = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  GtkWidget *revealer = bar != NULL ? find_of_type (bar, GTK_TYPE_REVEALER, NULL) : NULL;

  if (squeezer != NULL && adw_squeezer_get_transition_running (ADW_SQUEEZER (squeezer)))
    return FALSE;
  return revealer == NULL || gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) ==
                               gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* Whether the screen has room for a window of that size: a window is kept within its screen
 * (run under a screen of 1920x1080 for the larger screenshots). */
static gboolean
screen_fits (Fixture *f,
             int      width,
             int      height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width >= width && screen.height >= height)
    return TRUE;
  g_test_message ("not saving %dx%d: the screen is %dx%d", width, height, screen.width,
                  screen.height);
  return FALSE;
}

static void
set_window_size (Fixture *f,
                 int      width,
                 int      height)
{
  /* A mapped window keeps its size; a default size applies when it is shown again. */
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, width, height);
  wait_for_drawn (f->window);
  wait_for ("the views' switcher to settle", switcher_settled, f);
}

static void
save_named_png (GtkWidget  *widget,
                const char *folder,
                const char *name,
                const char *scheme)
{
  g_autofree char *file = g_strdup_printf ("risks-%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  save_png (widget, path);
  g_test_message ("saved %s", path);
}

/* Tests ---------------------------------------------------------------------------------------- */

static gboolean
window_has_action (const char *name)
{
  GtkWidgetClass *klass = g_type_class_peek (PATHWAY_TYPE_WINDOW);
  const char *action;
  const GVariantType *parameter;
  const char *property;
  GType owner;

  /* GTK 4.8 fills in every out argument. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action, &parameter, &property);
       i++)
    {
      if (g_str_equal (action, name))
        return TRUE;
    }
  return FALSE;
}

/* An empty programme says there is nothing yet and offers to add or import. */
static void
test_empty_offers_add_and_import (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *page = named_in (f->view, "no-risks-page");
  GtkWidget *import = named_in (f->view, "import-risks-button");

  wait_for_mapped (page);
  g_assert_false (gtk_widget_get_mapped (named_in (f->view, "risks-table")));
  g_assert_true (gtk_widget_is_sensitive (named_in (f->view, "none-add-button")));
  /* Import waits for the window's action: insensitive while there is none. */
  g_assert_true (gtk_widget_get_mapped (import));
  g_assert_cmpint (gtk_widget_is_sensitive (import), ==, window_has_action ("win.import-risks"));
  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL && *g_getenv ("PATHWAY_SCREENSHOT_DIR") != '\0')
    {
      const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      set_window_size (f, 1024, 768);
      save_named_png (GTK_WIDGET (f->window), folder, "empty-1024x768", "light");
    }

  /* Add Risk… opens the dialog, with the first reference offered. */
  g_signal_emit_by_name (named_in (f->view, "none-add-button"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (risk_dialog (), "reference"))),
                   ==, "R01");
}

/* A risk added in an empty programme, its likelihood changed, the chip and the heat map
 * following, and undo taking the change back. */
static void
test_add_edit_undo (Fixture       *f,
                    gconstpointer  data)
{
  PathwayPerson *beth = add_person (f, "Beth Kowalski");
  PathwayRiskDialog *dialog;
  PathwayRisk *risk;
  GtkWidget *title;
  GtkWidget *row;

  activate (f, "risks.add", NULL);
  dialog = risk_dialog ();
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "save-button")));
  type_into (dialog, "title", TRICKY);
  type_into (dialog, "description", "Waiting lists for educational psychologists are long.");
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (named_in (dialog, "owner")), beth);
  choose (dialog, "likelihood", 4);
  choose (dialog, "impact", 4);
  /* The score as it will be, in number and word, for eyes and for screen readers. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (dialog, "score-chip"))), ==,
                   "16 High");
  check_label (named_in (dialog, "likelihood"), "Likelihood: 4 – Likely");
  check_label (named_in (dialog, "impact"), "Impact: 4 – Major");
  check_label (named_in (dialog, "score-row"), "Score: 16 High");
  type_into (dialog, "review-date", "14 January 2027");
  press_save (dialog);

  wait_for_shown (f, 1);
  wait_for_label_text (GTK_LABEL (named_in (f->view, "risks-count")), "1 risk or issue");
  risk = shown_at (f, 0);
  g_assert_cmpstr (pathway_risk_get_reference (risk), ==, "R01");
  g_assert_cmpstr (pathway_risk_get_title (risk), ==, TRICKY);
  g_assert_true (pathway_risk_get_owner (risk) == beth);
  g_assert_cmpint (pathway_risk_get_score (risk), ==, 16);
  /* The title as written, never as markup; the chip with number and word. */
  title = table_widget (f, GTK_TYPE_LABEL, NULL, TRICKY);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
  check_label (table_widget (f, GTK_TYPE_LABEL, "risk-score", "16 High"), "Score: 16 High");
  g_assert_true (gtk_widget_has_css_class (table_widget (f, GTK_TYPE_LABEL, "risk-score",
                                                         "16 High"), "high"));
  /* The row reads as a person would say it. */
  row = gtk_widget_get_parent (gtk_widget_get_parent (
    table_widget (f, GTK_TYPE_INSCRIPTION, NULL, "R01")));
  check_label (row, "R01, Risk, " TRICKY ", score 16 high, owner Beth Kowalski, "
                    "review 14 January 2027");
  /* The heat map counts it where it belongs. */
  wait_for_mapped (heat_map (f));
  wait_for_cell (f, 4, 4, "Likely, Major: 1 risk, score 16, high");

  /* Its likelihood up to 5: the chip says 20, very high. */
  activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (risk)));
  dialog = risk_dialog ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (dialog, "score-chip"))), ==,
                   "16 High");
  choose (dialog, "likelihood", 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (dialog, "score-chip"))), ==,
                   "20 Very high");
  check_label (named_in (dialog, "likelihood"), "Likelihood: 5 – Almost certain");
  press_save (dialog);
  g_assert_cmpint (pathway_risk_get_likelihood (risk), ==, 5);
  wait_for_table_text (f, GTK_TYPE_LABEL, "risk-score", "20 Very high");
  g_assert_true (gtk_widget_has_css_class (table_widget (f, GTK_TYPE_LABEL, "risk-score",
                                                         "20 Very high"), "very-high"));
  wait_for_cell (f, 5, 4, "Almost certain, Major: 1 risk, score 20, very high");
  wait_for_cell (f, 4, 4, "Likely, Major: no risks, score 16, high");

  /* One undo takes the whole save back. */
  undo (f);
  g_assert_cmpint (pathway_risk_get_likelihood (risk), ==, 4);
  wait_for_table_text (f, GTK_TYPE_LABEL, "risk-score", "16 High");
  wait_for_cell (f, 4, 4, "Likely, Major: 1 risk, score 16, high");
}

/* The filters narrow the table, and the count says how far. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  add_log (f);

  /* Open and escalated, the worst first. */
  wait_for_shown (f, 3);
  g_assert_cmpstr (count_text (f), ==, "3 of 4 risks and issues");
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "I01");
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 1)), ==, "R01");
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 2)), ==, "A01");
  check_label (named_in (f->view, "status-filter"), "Status: Open and escalated");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (named_in (f->view,
                                                                         "risks-count")),
                                               GTK_ACCESSIBLE_ROLE_STATUS));

  /* By band: the high one. */
  choose_filter (f, "band-filter", 2);
  check_label (named_in (f->view, "band-filter"), "Score: High (10–16)");
  wait_for_shown (f, 1);
  g_assert_cmpstr (count_text (f), ==, "1 of 4 risks and issues");
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R01");
  choose_filter (f, "band-filter", 0);

  /* By status: every status shows the closed one too, and nothing is left out. */
  choose_filter (f, "status-filter", 4);
  wait_for_shown (f, 4);
  g_assert_cmpstr (count_text (f), ==, "4 risks and issues");
  choose_filter (f, "status-filter", 3);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R02");
  choose_filter (f, "status-filter", 0);
  wait_for_shown (f, 3);

  /* By kind and owner. */
  choose_filter (f, "kind-filter", 2);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "I01");
  choose_filter (f, "kind-filter", 0);
  choose_filter (f, "owner-filter", 1);
  check_label (named_in (f->view, "owner-filter"), "Owner: Beth Kowalski");
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R01");
  choose_filter (f, "owner-filter", 0);

  /* The search reads the description and the response too. */
  pathway_risks_view_set_search (f->view, "PSYCHOLOGISTS");
  wait_for_shown (f, 1);
  pathway_risks_view_set_search (f->view, "second provider");
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R01");
  pathway_risks_view_set_search (f->view, "nothing like this");
  wait_for_shown (f, 0);
  wait_for_mapped (named_in (f->view, "no-match-page"));
  pathway_risks_view_set_search (f->view, NULL);

  /* Reviews past their day, open ones only. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named_in (f->view, "overdue-filter")), TRUE);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "A01");
  wait_for_mapped (table_widget (f, GTK_TYPE_LABEL, "risk-overdue", "Overdue"));

  /* A cell of the heat map clicked, and the way back from it. */
  pathway_risks_view_clear_filters (f->view);
  wait_for_shown (f, 3);
  g_assert_false (gtk_widget_get_visible (named_in (f->view, "clear-filters")));
  wait_for_mapped (heat_map (f));
  wait_for_drawn (heat_map (f));
  click_cell (f, 4, 4);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R01");
  g_assert_true (gtk_widget_get_visible (named_in (f->view, "cell-filter")));
  check_label (named_in (f->view, "cell-filter"),
               "Showing likelihood 4, Likely, impact 4, Major. Show every cell");
  g_signal_emit_by_name (named_in (f->view, "cell-filter"), "clicked");
  wait_for_shown (f, 3);
  g_assert_false (gtk_widget_get_visible (named_in (f->view, "cell-filter")));
  /* The same cell clicked twice shows every cell again. */
  click_cell (f, 5, 4);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "I01");
  click_cell (f, 5, 4);
  wait_for_shown (f, 3);

  /* From the keyboard: the map takes the focus on the highest score's cell, the arrows move
   * between cells, saying where they are, and Enter shows that cell's entries. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (heat_map (f))));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (heat_map (f))));
  check_label (heat_map (f), "Almost certain, Major: 1 risk, score 20, very high. Enter shows "
                             "only these in the log");
  press_on_map (f, GDK_KEY_Down);
  check_label (heat_map (f), "Likely, Major: 1 risk, score 16, high. Enter shows only these in "
                             "the log");
  press_on_map (f, GDK_KEY_Return);
  wait_for_shown (f, 1);
  g_assert_cmpstr (pathway_risk_get_reference (shown_at (f, 0)), ==, "R01");
  check_label (heat_map (f), "Likely, Major: 1 risk, score 16, high. The log shows these; Enter "
                             "shows every cell");
  press_on_map (f, GDK_KEY_Escape);
  wait_for_shown (f, 3);

  /* Residual scores: the map shows them, and its cells filter by them. */
  pathway_risks_view_set_residual (f->view, TRUE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named_in (f->view,
                                                                            "heat-map-residual"))));
  click_cell (f, 4, 4);
  wait_for_shown (f, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (
                     gtk_button_get_child (GTK_BUTTON (named_in (f->view, "cell-filter")))))),
                   ==, "Residual: Likely × Major");
  pathway_risks_view_set_residual (f->view, FALSE);
  wait_for_shown (f, 3);
}

/* Delete asks, then retires the entry selected; undo brings it back. */
static void
test_retire_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *question;
  PathwayRisk *r01;

  add_log (f);
  wait_for_shown (f, 3);
  r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R01");
  g_assert_true (pathway_risks_view_select (f->view, pathway_risk_get_id (r01)));
  gtk_widget_grab_focus (named_in (f->view, "risks-table"));
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Delete, 0));

  question = message_dialog ("retire-risk-dialog");
  g_assert_false (adw_message_dialog_get_heading_use_markup (question));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Retire R01?");
  /* Cancel retires nothing. */
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  drain_main_loop ();
  g_assert_false (pathway_document_is_retired (document_of (f), r01));

  g_assert_true (ui_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Delete, 0));
  question = message_dialog ("retire-risk-dialog");
  adw_message_dialog_response (question, "retire");
  gtk_window_close (GTK_WINDOW (question));
  wait_for_shown (f, 2);
  g_assert_true (pathway_document_is_retired (document_of (f), r01));
  g_assert_cmpstr (count_text (f), ==, "2 of 3 risks and issues");

  undo (f);
  wait_for_shown (f, 3);
  g_assert_false (pathway_document_is_retired (document_of (f), r01));
}

/* Raise Issue makes an issue raised from the risk, with the risk's fields. */
static void
test_raise_issue (Fixture       *f,
                  gconstpointer  data)
{
  PathwayRiskDialog *dialog;
  PathwayRisk *r01;
  PathwayRisk *issue;

  add_log (f);
  wait_for_shown (f, 3);
  r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R01");
  activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (r01)));
  dialog = risk_dialog ();
  g_signal_emit_by_name (named_in (dialog, "raise-issue-button"), "clicked");
  /* The risk's dialog gives way to the issue's. */
  g_assert_true (risk_dialog () != dialog);
  dialog = risk_dialog ();
  /* The next issue's reference, kind issue, from R01. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "reference"))), ==,
                   "I02");
  check_label (named_in (dialog, "kind"), "Kind: Issue");
  check_label (named_in (dialog, "raised-from"), "Raised from: R01 – Too few educational "
                                                 "psychologists");
  type_into (dialog, "title", "Assessments waiting over 20 weeks");
  press_save (dialog);

  issue = pathway_programme_find_risk_by_reference (programme_of (f), "I02");
  g_assert_nonnull (issue);
  g_assert_cmpint (pathway_risk_get_kind (issue), ==, PATHWAY_RISK_KIND_ISSUE);
  g_assert_true (pathway_risk_get_raised_from (issue) == r01);
  g_assert_cmpstr (pathway_risk_get_response (issue), ==,
                   "Commission assessments from a second provider.");
  g_assert_true (pathway_risk_get_owner (issue) == pathway_risk_get_owner (r01));
  wait_for_table_text (f, GTK_TYPE_LABEL, NULL, "Raised from R01");
}

/* A right-click on a row selects it and offers what can be done to the entry. */
static void
test_row_menu (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *cell;
  GtkWidget *menu;
  GMenuModel *model;
  GtkGesture *secondary = NULL;
  const char *labels[] = { "_Edit…", "_History…", "Raise _Issue…", "_Retire…" };
  guint found = 0;

  add_log (f);
  wait_for_shown (f, 3);
  cell = table_widget (f, GTK_TYPE_INSCRIPTION, NULL, "R01");
  controllers = gtk_widget_observe_controllers (cell);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        secondary = GTK_GESTURE (controller);
    }
  g_assert_nonnull (secondary);
  g_signal_emit_by_name (secondary, "pressed", 1, 4.0, 4.0);
  g_assert_cmpstr (pathway_risk_get_reference (pathway_risks_view_get_selected (f->view)), ==,
                   "R01");
  menu = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_POPOVER_MENU, NULL);
  g_assert_nonnull (menu);
  wait_for_mapped (menu);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  for (int section = 0; section < g_menu_model_get_n_items (model); section++)
    {
      GMenuModel *items = g_menu_model_get_item_link (model, section, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (items); i++)
        {
          g_autofree char *label = NULL;

          g_assert_true (g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                                          &label));
          g_assert_cmpstr (label, ==, labels[found]);
          found++;
        }
      g_object_unref (items);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (labels));
  gtk_popover_popdown (GTK_POPOVER (menu));
  wait_for_unmapped (menu);
}

/* A refused value is shown under its field, and nothing is written. */
static void
test_refused_value_under_field (Fixture       *f,
                                gconstpointer  data)
{
  PathwayRiskDialog *dialog;
  GtkWidget *caption;

  add_log (f);
  wait_for_shown (f, 3);
  activate (f, "risks.add", NULL);
  dialog = risk_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "reference"))), ==,
                   "R03");
  /* The offered reference follows the kind until one is written. */
  choose (dialog, "kind", 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "reference"))), ==,
                   "I02");
  choose (dialog, "kind", 0);
  type_into (dialog, "reference", "R01");
  type_into (dialog, "title", "A second R01");
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();

  g_assert_true (find_toplevel (PATHWAY_TYPE_RISK_DIALOG) == GTK_WINDOW (dialog));
  caption = named_in (dialog, "reference-error");
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (caption)), "Reference: "));
  g_assert_true (gtk_widget_has_css_class (named_in (dialog, "reference"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_risks (programme_of (f))),
                    ==, 4);

  /* A day that is no day is refused before anything is written. */
  type_into (dialog, "reference", "R03");
  type_into (dialog, "review-date", "31 Febtember");
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();
  g_assert_true (gtk_widget_get_visible (named_in (dialog, "review-date-error")));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_risks (programme_of (f))),
                    ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "risk.cancel", NULL));
  wait_for ("the risk dialog to close", has_no_toplevel,
            GSIZE_TO_POINTER (PATHWAY_TYPE_RISK_DIALOG));
}

/* Linked actions are written as the store names them and open in the action editor. */
static void
test_linked_actions (Fixture       *f,
                     gconstpointer  data)
{
  const char *fields[] = { "reference", "description", NULL };
  const char *first[] = { "1A i", "Train staff in " TRICKY, NULL };
  const char *second[] = { "2B iii", "Publish the local offer", NULL };
  PathwayRiskDialog *dialog;
  PathwayRisk *r01;
  GtkWidget *linked;
  GtkListBoxRow *row;

  add_log (f);
  add_record (f, "action", fields, first);
  add_record (f, "action", fields, second);
  wait_for_shown (f, 3);
  r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R01");
  activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (r01)));
  dialog = risk_dialog ();
  type_into (dialog, "actions", "1a i; 2B iii");
  linked = named_in (dialog, "linked-list");
  g_assert_true (gtk_widget_get_visible (linked));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (linked), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "1A i");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  check_label (row, "Open action 1A i: Train staff in " TRICKY);
  press_save (dialog);
  g_assert_cmpstr (pathway_risk_get_actions (r01), ==, "1A i, 2B iii");
  wait_for_table_text (f, GTK_TYPE_INSCRIPTION, NULL, "1A i, 2B iii");

  /* From the entry's dialog, a linked action opens in the action editor. */
  activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (r01)));
  dialog = risk_dialog ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named_in (dialog, "linked-list")), 1);
  g_signal_emit_by_name (named_in (dialog, "linked-list"), "row-activated", row);
  wait_for ("the action editor", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_ACTION_EDITOR));
  destroy_window (find_toplevel (PATHWAY_TYPE_ACTION_EDITOR));
  /* The risk's dialog stays open under it, with what was typed. */
  g_assert_true (find_toplevel (PATHWAY_TYPE_RISK_DIALOG) == GTK_WINDOW (dialog));

  /* A reference that names no action is refused under the field. */
  type_into (dialog, "actions", "1A i, 9Z");
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();
  g_assert_true (gtk_widget_get_visible (named_in (dialog, "actions-error")));
  g_assert_cmpstr (pathway_risk_get_actions (r01), ==, "1A i, 2B iii");
}

/* The history of an entry, from its dialog. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  PathwayRiskDialog *dialog;
  PathwayRisk *r01;
  GtkWindow *history;

  add_log (f);
  wait_for_shown (f, 3);
  r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R01");
  /* A row activated (Enter, or a double click) opens its entry. */
  g_assert_true (shown_at (f, 1) == r01);
  g_signal_emit_by_name (named_in (f->view, "risks-table"), "activate", 1);
  dialog = risk_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "reference"))), ==,
                   "R01");
  choose (dialog, "status", 1);
  press_save (dialog);
  g_assert_cmpint (pathway_risk_get_status (r01), ==, PATHWAY_RISK_STATUS_ESCALATED);

  activate (f, "risks.history", g_variant_new_int64 (pathway_risk_get_id (r01)));
  wait_for ("the history dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_HISTORY_DIALOG));
  history = find_toplevel (PATHWAY_TYPE_HISTORY_DIALOG);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (
                     gtk_list_box_get_row_at_index (GTK_LIST_BOX (named_in (history,
                                                                            "changes-list")),
                                                    0),
                     "change-headline"))),
                   ==, "Status: Open → Escalated");
  destroy_window (history);
}

/* Screenshots ---------------------------------------------------------------------------------- */

/* The demo's log, and two more entries: a dependency, and an assumption whose title is the
 * kind of text that must show as written. */
static void
add_screenshot_log (Fixture *f)
{
  const char *fields[] = { "reference", "kind", "title", "likelihood", "impact",
                           "residual-likelihood", "residual-impact", "status", "review-date",
                           NULL };
  const char *dependency[] = { "R16", "dependency",
                               "Regional alternative provision framework in place", "3", "2",
                               "2", "2", "open", "2027-01-13", NULL };
  const char *assumption[] = { "R17", "assumption",
                               "SENCO time for " TRICKY " stays protected in secondary schools",
                               "1", "4", "0", "0", "open", "", NULL };

  add_record (f, "risk", fields, dependency);
  add_record (f, "risk", fields, assumption);
}

/* A read-only programme's log can be read, filtered and opened, and nothing can change it. */
static void
test_read_only_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  PathwayRisk *r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R01");
  PathwayRiskDialog *dialog;
  GListModel *risks = pathway_programme_get_risks (programme_of (f));
  guint open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, i);

      open += pathway_risk_is_open (risk);
    }
  g_assert_true (pathway_document_get_read_only (document_of (f)));
  {
    Count wanted = { f, open };

    wait_for ("the table to show the open entries", has_count, &wanted);
  }
  g_assert_false (gtk_widget_is_sensitive (named_in (f->view, "add-risk-button")));
  /* Delete on the entry selected asks nothing. */
  g_assert_true (pathway_risks_view_select (f->view, pathway_risk_get_id (r01)));
  gtk_widget_grab_focus (named_in (f->view, "risks-table"));
  g_assert_false (ui_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Delete, 0));
  drain_main_loop ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* The entry opens to be read: its fields and what would change it are off. */
  activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (r01)));
  dialog = risk_dialog ();
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "save-button")));
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "retire-button")));
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "title")));
  g_assert_true (gtk_widget_is_sensitive (named_in (dialog, "history-button")));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  /* The demo's log, with an entry of every kind, its tricky text and a cell chosen. */
  add_screenshot_log (f);
  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *name = g_strdup_printf ("log-%dx%d", sizes[s][0], sizes[s][1]);

          if (!screen_fits (f, sizes[s][0], sizes[s][1]))
            continue;
          set_window_size (f, sizes[s][0], sizes[s][1]);
          save_named_png (GTK_WIDGET (f->window), folder, name, scheme);
        }
      /* A cell chosen, the keyboard on another, and the log filtered to the first. */
      if (screen_fits (f, 1024, 768))
        {
          set_window_size (f, 1024, 768);
          click_cell (f, 3, 3);
          g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (heat_map (f))));
          press_on_map (f, GDK_KEY_Right);
          wait_for_drawn (f->window);
          save_named_png (GTK_WIDGET (f->window), folder, "cell-1024x768", scheme);
          pathway_risks_view_filter_cell (f->view, 0, 0, FALSE);
          gtk_widget_grab_focus (named_in (f->view, "risks-table"));
        }
      {
        PathwayRisk *r01 = pathway_programme_find_risk_by_reference (programme_of (f), "R05");
        PathwayRiskDialog *dialog;

        set_window_size (f, 1280, 800);
        activate (f, "risks.edit", g_variant_new_int64 (pathway_risk_get_id (r01)));
        dialog = risk_dialog ();
        wait_for_mapped (dialog);
        save_named_png (GTK_WIDGET (dialog), folder, "dialog", scheme);
        {
          GtkWidget *scroller = find_of_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, NULL);
          GtkAdjustment *adjustment =
            gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          save_named_png (GTK_WIDGET (dialog), folder, "dialog-end", scheme);
        }
        destroy_window (dialog);
      }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
focus_within (GtkWidget *root,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The table is one Tab stop: the arrows move from row to row, and one Tab or Shift+Tab leaves
 * it; coming back, the focus is on the row the arrows left. */
static void
test_table_is_one_tab_stop (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *table = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *list = find_of_type (table, GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *first_row = gtk_widget_get_first_child (list);
  GtkWidget *second_row;

  while (first_row != NULL && g_strcmp0 (gtk_widget_get_css_name (first_row), "row") != 0)
    first_row = gtk_widget_get_next_sibling (first_row);
  g_assert_nonnull (first_row);
  g_assert_true (gtk_widget_grab_focus (first_row));

  g_assert_true (ui_test_press_key (root, GDK_KEY_Down, 0));
  second_row = gtk_root_get_focus (GTK_ROOT (root));
  g_assert_true (focus_within (root, table));
  g_assert_true (second_row != first_row);

  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, 0));
  g_assert_false (focus_within (root, table));
  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == second_row);
  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_false (focus_within (root, table));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/risks-view/empty-offers-add-and-import", Fixture, NULL, fixture_set_up,
              test_empty_offers_add_and_import, fixture_tear_down);
  g_test_add ("/ui/risks-view/add-edit-undo", Fixture, NULL, fixture_set_up, test_add_edit_undo,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/retire-and-undo", Fixture, NULL, fixture_set_up,
              test_retire_and_undo, fixture_tear_down);
  g_test_add ("/ui/risks-view/raise-issue", Fixture, NULL, fixture_set_up, test_raise_issue,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/row-menu", Fixture, NULL, fixture_set_up, test_row_menu,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/refused-value-under-field", Fixture, NULL, fixture_set_up,
              test_refused_value_under_field, fixture_tear_down);
  g_test_add ("/ui/risks-view/linked-actions", Fixture, NULL, fixture_set_up,
              test_linked_actions, fixture_tear_down);
  g_test_add ("/ui/risks-view/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/read-only-changes-nothing", Fixture,
              GINT_TO_POINTER (READ_ONLY_DEMO), fixture_set_up, test_read_only_changes_nothing,
              fixture_tear_down);
  g_test_add ("/ui/risks-view/table-is-one-tab-stop", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_table_is_one_tab_stop, fixture_tear_down);
  g_test_add ("/ui/risks-view/screenshots", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
