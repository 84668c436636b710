/* test-empty-states.c: the main window on a programme just created, with nothing in it yet
 * (written into a temporary folder). It proves that the Overview says what to do next and that
 * its buttons run win.import and win.new-action; that the action editor's lead picker, with no
 * people yet, can add one (the search's text becomes the name) and chooses them; that the Board
 * report offers Add Board…, whose dialog writes the board, its chair and its next meeting in
 * one step and the pack is then shown, and Add Meeting… for a board without meetings; and that
 * F5 without a board offers the board too, then asks again with the new meeting chosen. With
 * PATHWAY_SCREENSHOT_DIR set it saves the empty Overview and Board report at 1280x800 and
 * 1024x768, light and dark, and the Add Person, Add Board and meeting dialogs. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-action-editor.h"
#include "pathway-board-dialog.h"
#include "pathway-person-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-presenter-chooser.h"
#include "pathway-presenter.h"
#include "pathway-report-view.h"
#include "pathway-window.h"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (root, name)), text);
}

static PathwayDocument *
document_of (Fixture *f)
{
  return pathway_window_get_document (f->window);
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (document_of (f));
}

/* The first visible toplevel of that type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window; /* the list of toplevels keeps it */
    }
  return NULL;
}

typedef struct {
  GType type;
  GtkWindow *found;
} Wanted;

static gboolean
toplevel_mapped (gpointer data)
{
  Wanted *wanted = data;

  wanted->found = find_toplevel (wanted->type);
  return wanted->found != NULL && gtk_widget_get_mapped (GTK_WIDGET (wanted->found));
}

static gboolean
toplevel_gone (gpointer data)
{
  Wanted *wanted = data;

  return find_toplevel (wanted->type) == NULL;
}

#define wait_for_toplevel(type, what) wait_for_toplevel_ (__FILE__, __LINE__, (type), (what))

static GtkWindow *
wait_for_toplevel_ (const char *file,
                    int         line,
                    GType       type,
                    const char *what)
{
  Wanted wanted = { type, NULL };

  ui_test_wait_for (file, line, G_STRFUNC, what, toplevel_mapped, &wanted);
  return wanted.found;
}

static void
wait_for_no_toplevel (GType type)
{
  Wanted wanted = { type, NULL };

  wait_for ("a dialog to close", toplevel_gone, &wanted);
}

static GtkWindow *
find_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
titled_shown (gpointer title)
{
  return find_titled (title) != NULL;
}

static void
show_view (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", name));
}

static gboolean
named_mapped (gpointer data)
{
  gpointer *args = data;
  GtkWidget *widget = find_named (args[0], args[1]);

  return widget != NULL && gtk_widget_get_mapped (widget);
}

#define wait_for_named(root, name) \
  G_STMT_START { \
    gpointer args_[2] = { (root), (gpointer) (name) }; \
    wait_for ("“" name "” to be shown", named_mapped, args_); \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) created = NULL;

  f->dir = g_dir_make_tmp ("pathway-empty-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "New programme.pathway", NULL);
  created = pathway_document_create (f->path, "Sallowmere SEND Improvement Programme", &error);
  g_assert_no_error (error);
  pathway_document_close (created);

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
add_action (Fixture *f)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(GError) error = NULL;

  pathway_action_set_reference (action, "1A i");
  pathway_action_set_description (action, "Agree the local offer review");
  g_assert_true (pathway_document_add_action (document_of (f), action, &error));
  g_assert_no_error (error);
}

/* The Overview -------------------------------------------------------------------------------- */

static gboolean
overview_shows_figures (gpointer data)
{
  Fixture *f = data;
  GtkWidget *count = find_named (GTK_WIDGET (f->window), "actions-count");

  return count != NULL && gtk_widget_get_mapped (count);
}

static void
test_overview_offers_setup (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *setup;
  GtkWidget *stack;
  GtkWindow *editor;

  show_view (f, "overview");
  wait_for_named (root, "overview-setup");
  setup = named (root, "overview-setup");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (setup)), ==,
                   "Set Up the Programme");
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (setup)));
  /* Open Set-up is offered only where the window has that page. */
  stack = gtk_widget_get_ancestor (setup, ADW_TYPE_VIEW_STACK);
  g_assert_cmpint (gtk_widget_get_visible (named (setup, "overview-setup-open")), ==,
                   adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "setup") != NULL);

  /* Add Action… opens the editor of a new action. */
  click (named (setup, "overview-setup-add-action"));
  editor = wait_for_toplevel (PATHWAY_TYPE_ACTION_EDITOR, "the action editor to open");
  gtk_window_destroy (editor);

  /* Import Tracker… asks for the tracker's file. */
  click (named (setup, "overview-setup-import"));
  wait_for ("the window to ask for the tracker", titled_shown, (gpointer) "Import Tracker");
  gtk_window_destroy (find_titled ("Import Tracker"));

  /* With an action, the Overview shows its figures. */
  add_action (f);
  wait_for ("the Overview to show the programme's figures", overview_shows_figures, f);
}

/* The lead picker's Add Person ---------------------------------------------------------------- */

static void
test_picker_adds_person (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *picker;
  GtkWidget *add_button;
  PathwayPerson *chosen;
  GListModel *choices;
  char *mismatch;

  show_view (f, "overview");
  wait_for_named (GTK_WIDGET (f->window), "overview-setup");
  click (named (GTK_WIDGET (f->window), "overview-setup-add-action"));
  editor = wait_for_toplevel (PATHWAY_TYPE_ACTION_EDITOR, "the action editor to open");

  /* No one yet: the picker can still be opened, to add someone. */
  picker = named (GTK_WIDGET (editor), "lead-row");
  g_assert_true (gtk_widget_is_sensitive (picker));
  add_button = named (picker, "person-add");
  g_assert_true (gtk_widget_get_visible (add_button));
  g_assert_true (pathway_person_picker_get_document (PATHWAY_PERSON_PICKER (picker)) ==
                 document_of (f));

  /* Enter on a name not found adds that person. */
  type_into (picker, "person-search", "Zainab Hussain");
  g_signal_emit_by_name (named (picker, "person-search"), "activate");
  dialog = wait_for_toplevel (PATHWAY_TYPE_PERSON_DIALOG, "the Add Person dialog to open");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (GTK_WIDGET (dialog),
                                                               "person-name-row"))),
                   ==, "Zainab Hussain");
  type_into (GTK_WIDGET (dialog), "person-role-row", "Head of SEND");
  type_into (GTK_WIDGET (dialog), "person-organisation-row", "Sallowmere Council");
  type_into (GTK_WIDGET (dialog), "person-email-row", "zainab.hussain@sallowmere.example");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_PERSON_DIALOG);

  chosen = pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (picker));
  g_assert_nonnull (chosen);
  g_assert_cmpstr (pathway_person_get_name (chosen), ==, "Zainab Hussain");
  g_assert_cmpstr (pathway_person_get_role (chosen), ==, "Head of SEND");
  g_assert_cmpint (pathway_person_get_id (chosen), >, 0);
  g_assert_true (pathway_programme_find_person_by_name (programme_of (f), "Zainab Hussain") ==
                 chosen);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Lead: Zainab Hussain");
  g_assert_cmpstr (mismatch, ==, NULL);

  /* The button does the same, and the list stays sorted by name. */
  type_into (picker, "person-search", "");
  g_signal_emit_by_name (add_button, "clicked");
  dialog = wait_for_toplevel (PATHWAY_TYPE_PERSON_DIALOG, "the Add Person dialog to open");
  /* A name the programme has is refused, naming it. */
  type_into (GTK_WIDGET (dialog), "person-name-row", "Zainab Hussain");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add", NULL));
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (dialog), "person-problem")));
  type_into (GTK_WIDGET (dialog), "person-name-row", "Aled Evans");
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (dialog), "person-problem")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_PERSON_DIALOG);
  g_assert_cmpstr (pathway_person_get_name (pathway_person_picker_get_selected (
                     PATHWAY_PERSON_PICKER (picker))), ==, "Aled Evans");
  choices = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (named (picker,
                                                                        "person-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3); /* None, Aled, Zainab */
  {
    g_autoptr(PathwayPerson) first = g_list_model_get_item (choices, 1);
    g_autoptr(PathwayPerson) second = g_list_model_get_item (choices, 2);

    g_assert_cmpstr (pathway_person_get_name (first), ==, "Aled Evans");
    g_assert_cmpstr (pathway_person_get_name (second), ==, "Zainab Hussain");
  }
  gtk_window_destroy (editor);
}

/* The Board report ------------------------------------------------------------------------------ */

static PathwayReportView *
report_view (Fixture *f)
{
  return PATHWAY_REPORT_VIEW (find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_REPORT_VIEW,
                                            NULL));
}

static gboolean
report_shows_pack (gpointer data)
{
  Fixture *f = data;

  return pathway_report_view_get_pack (report_view (f)) != NULL &&
         gtk_widget_get_mapped (find_named (GTK_WIDGET (f->window), "report-preview"));
}

static void
test_report_offers_board (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *status;
  GtkWindow *dialog;
  GtkWidget *chair;
  GtkWindow *person;
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayMeeting) meeting = NULL;
  const GDate *date;

  show_view (f, "report");
  view = GTK_WIDGET (report_view (f));
  wait_for_named (view, "report-add-board");
  status = named (view, "report-status");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Board Yet");
  g_assert_false (gtk_widget_get_visible (named (view, "report-add-meeting")));

  click (named (view, "report-add-board"));
  dialog = wait_for_toplevel (PATHWAY_TYPE_BOARD_DIALOG, "the Add Board dialog to open");
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (dialog), "board-add-button")));
  type_into (GTK_WIDGET (dialog), "board-name-row", "SEND Improvement Board");
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (dialog), "board-add-button")));

  /* The chair is added from the picker, as a lead is. */
  chair = named (GTK_WIDGET (dialog), "board-chair-picker");
  type_into (chair, "person-search", "Sam Okafor");
  g_signal_emit_by_name (named (chair, "person-search"), "activate");
  person = wait_for_toplevel (PATHWAY_TYPE_PERSON_DIALOG, "the Add Person dialog to open");
  type_into (GTK_WIDGET (person), "person-role-row", "Director of Children’s Services");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person), "person.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_PERSON_DIALOG);

  /* A date that names no day is refused; then a day is written with the board. */
  type_into (GTK_WIDGET (dialog), "board-meeting-date-row", "next Wednesday");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "board.add", NULL));
  g_assert_true (find_toplevel (PATHWAY_TYPE_BOARD_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (named (GTK_WIDGET (dialog), "board-meeting-date-row"),
                                           "error"));
  type_into (GTK_WIDGET (dialog), "board-meeting-date-row", "18/11/2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "board.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_BOARD_DIALOG);

  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_boards (programme_of (f))),
                    ==, 1);
  board = g_list_model_get_item (pathway_programme_get_boards (programme_of (f)), 0);
  g_assert_cmpstr (pathway_board_get_name (board), ==, "SEND Improvement Board");
  g_assert_cmpstr (pathway_person_get_name (pathway_board_get_chair (board)), ==, "Sam Okafor");
  meeting = g_list_model_get_item (pathway_board_get_meetings (board), 0);
  date = pathway_meeting_get_date (meeting);
  g_assert_cmpint (g_date_get_day (date), ==, 18);
  g_assert_cmpint (g_date_get_month (date), ==, 11);
  /* Board and meeting are one step. */
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==, "Add board");

  wait_for ("the Board report to show the pack", report_shows_pack, f);
}

static void
test_report_offers_meeting (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GtkWindow *dialog;

  pathway_board_set_name (board, "SEND Improvement Board");
  g_assert_true (pathway_document_add_board (document_of (f), board, &error));
  g_assert_no_error (error);

  show_view (f, "report");
  view = GTK_WIDGET (report_view (f));
  wait_for_named (view, "report-add-meeting");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (named (view, "report-status"))),
                   ==, "No Board Meetings");
  g_assert_false (gtk_widget_get_visible (named (view, "report-add-board")));
  click (named (view, "report-add-meeting"));
  dialog = wait_for_toplevel (PATHWAY_TYPE_BOARD_DIALOG, "the Add Meeting dialog to open");
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Add Meeting");
  g_assert_false (gtk_widget_is_visible (named (GTK_WIDGET (dialog), "board-name-row")));
  /* The date is what a meeting needs. */
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (dialog), "board-add-button")));
  type_into (GTK_WIDGET (dialog), "board-meeting-date-row", "2026-11-18");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "board.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_BOARD_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_boards (programme_of (f))),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 1);
  wait_for ("the Board report to show the pack", report_shows_pack, f);
}

/* Present without a board ------------------------------------------------------------------- */

static gboolean
presenter_mapped (gpointer data)
{
  PathwayPresenter **out = data;

  *out = PATHWAY_PRESENTER (find_toplevel (PATHWAY_TYPE_PRESENTER));
  return *out != NULL && gtk_widget_get_mapped (GTK_WIDGET (*out));
}

static void
test_present_offers_board (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *chooser;
  GtkWindow *dialog;
  PathwayPresenter *presenter = NULL;
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayMeeting) meeting = NULL;

  add_action (f);
  pathway_presenter_set_fullscreen (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-meeting", "x",
                                             (gint64) 0));
  chooser = wait_for_toplevel (PATHWAY_TYPE_PRESENTER_CHOOSER, "the meeting chooser to open");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (chooser)), ==,
                   "No Board Yet");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (chooser), "add-board"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (chooser), "without"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (chooser)), ==,
                   "add-board");

  /* (A button closes the dialog as it responds; a response made here does not.) */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "add-board");
  gtk_window_destroy (chooser);
  dialog = wait_for_toplevel (PATHWAY_TYPE_BOARD_DIALOG, "the Add Board dialog to open");
  type_into (GTK_WIDGET (dialog), "board-name-row", "SEND Improvement Board");
  type_into (GTK_WIDGET (dialog), "board-meeting-date-row", "18 November 2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "board.add", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_BOARD_DIALOG);

  /* Asked again, on the meeting just added. */
  board = g_list_model_get_item (pathway_programme_get_boards (programme_of (f)), 0);
  meeting = g_list_model_get_item (pathway_board_get_meetings (board), 0);
  chooser = wait_for_toplevel (PATHWAY_TYPE_PRESENTER_CHOOSER, "the meeting chooser to ask again");
  g_assert_true (pathway_presenter_chooser_get_meeting (PATHWAY_PRESENTER_CHOOSER (chooser)) ==
                 meeting);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "present");
  gtk_window_destroy (chooser);
  wait_for ("the presenter to be shown", presenter_mapped, &presenter);
  g_assert_true (pathway_presenter_get_meeting (presenter) == meeting);
  pathway_presenter_leave (presenter);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 1);
}

/* Screenshots ---------------------------------------------------------------------------------- */

static gboolean
resize (Fixture *f,
        int      width,
        int      height)
{
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, width, height);
  return TRUE;
}

static void
save (GtkWidget  *widget,
      const char *folder,
      const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  wait_for_drawn (widget);
  save_png (widget, path);
  g_test_message ("saved %s", path);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 768 } };
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL)
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (folder, 0755);
  /* People to choose among in the chair's list. */
  {
    static const char *const names[] = { "Priya Raman", "Aled Evans", "Mark Pennington" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(PathwayPerson) person = pathway_person_new ();
        g_autoptr(GError) error = NULL;

        pathway_person_set_name (person, names[i]);
        g_assert_true (pathway_document_add_person (document_of (f), person, &error));
        g_assert_no_error (error);
      }
  }

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *overview = g_strdup_printf ("empty-overview-%dx%d-%s.png",
                                                       sizes[s].width, sizes[s].height, scheme);
          g_autofree char *report = g_strdup_printf ("empty-report-%dx%d-%s.png", sizes[s].width,
                                                     sizes[s].height, scheme);

          resize (f, sizes[s].width, sizes[s].height);
          show_view (f, "overview");
          wait_for_named (GTK_WIDGET (f->window), "overview-setup");
          save (GTK_WIDGET (f->window), folder, overview);
          show_view (f, "report");
          wait_for_named (GTK_WIDGET (f->window), "report-add-board");
          save (GTK_WIDGET (f->window), folder, report);
        }

      /* The dialogs, each at its own size. */
      {
        g_autofree char *board_name = g_strdup_printf ("add-board-dialog-%s.png", scheme);
        g_autofree char *person_name = g_strdup_printf ("add-person-dialog-%s.png", scheme);
        g_autofree char *chooser_name = g_strdup_printf ("present-no-board-%s.png", scheme);
        g_autofree char *popover_name = g_strdup_printf ("person-picker-add-%s.png", scheme);
        GtkWidget *popover;
        GtkWindow *dialog;
        GtkWindow *person;
        GtkWindow *chooser;
        GtkWidget *chair;

        click (named (GTK_WIDGET (f->window), "report-add-board"));
        dialog = wait_for_toplevel (PATHWAY_TYPE_BOARD_DIALOG, "the Add Board dialog to open");
        type_into (GTK_WIDGET (dialog), "board-name-row", "SEND Improvement Board");
        type_into (GTK_WIDGET (dialog), "board-meeting-date-row", "18/11/2026");
        save (GTK_WIDGET (dialog), folder, board_name);

        /* The chair's list, ending with Add Person…. */
        chair = named (GTK_WIDGET (dialog), "board-chair-picker");
        adw_action_row_activate (ADW_ACTION_ROW (chair));
        popover = gtk_widget_get_ancestor (named (chair, "person-list"), GTK_TYPE_POPOVER);
        wait_for_mapped (popover);
        save (popover, folder, popover_name);
        gtk_popover_popdown (GTK_POPOVER (popover));

        type_into (chair, "person-search", "Sam Okafor");
        g_signal_emit_by_name (named (chair, "person-search"), "activate");
        person = wait_for_toplevel (PATHWAY_TYPE_PERSON_DIALOG, "the Add Person dialog to open");
        type_into (GTK_WIDGET (person), "person-role-row", "Director of Children’s Services");
        type_into (GTK_WIDGET (person), "person-organisation-row", "Sallowmere Council");
        save (GTK_WIDGET (person), folder, person_name);
        gtk_window_destroy (person);
        gtk_window_destroy (dialog);

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window),
                                                   "win.present-meeting", "x", (gint64) 0));
        chooser = wait_for_toplevel (PATHWAY_TYPE_PRESENTER_CHOOSER,
                                     "the meeting chooser to open");
        save (GTK_WIDGET (chooser), folder, chooser_name);
        gtk_window_destroy (chooser);
      }
    }

  /* The meeting of a board without one. */
  {
    g_autoptr(PathwayBoard) board = pathway_board_new ();
    g_autoptr(GError) error = NULL;
    GtkWindow *dialog;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    pathway_board_set_name (board, "SEND Improvement Board");
    g_assert_true (pathway_document_add_board (document_of (f), board, &error));
    resize (f, 1280, 800);
    show_view (f, "report");
    wait_for_named (GTK_WIDGET (f->window), "report-add-meeting");
    save (GTK_WIDGET (f->window), folder, "empty-report-no-meetings-1280x800-light.png");
    click (named (GTK_WIDGET (f->window), "report-add-meeting"));
    dialog = wait_for_toplevel (PATHWAY_TYPE_BOARD_DIALOG, "the Add Meeting dialog to open");
    save (GTK_WIDGET (dialog), folder, "add-meeting-dialog-light.png");
    gtk_window_destroy (dialog);
  }
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
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/empty-states/overview-offers-setup", test_overview_offers_setup);
  ADD ("/ui/empty-states/picker-adds-person", test_picker_adds_person);
  ADD ("/ui/empty-states/report-offers-board", test_report_offers_board);
  ADD ("/ui/empty-states/report-offers-meeting", test_report_offers_meeting);
  ADD ("/ui/empty-states/present-offers-board", test_present_offers_board);
  ADD ("/ui/empty-states/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
