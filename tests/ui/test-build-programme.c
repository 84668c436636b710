/* test-build-programme.c: a whole programme built from nothing in one main window, through the
 * app alone, as a person sets one up: the new programme assistant creates the file (the
 * programme, its local area, the board with its chair and next meeting); the Set-up view adds
 * an area of weakness; the Workstreams view adds a workstream whose lead is a person added
 * there and then; the action editor (win.new-action) adds three actions in that workstream,
 * each with a rating; the Set-up view adds the board's second meeting; the Indicators view adds
 * an indicator, three readings, and corrects one. The Board report then shows a pack whose
 * pages carry the board's name, read back from the PDF with poppler. Last, win.undo takes each
 * of those steps back in turn, newest first, and the programme and the views follow. The
 * document API is only read, to check what the widgets wrote.
 *
 * The workstream editor's lead picker is not given the document, so it offers no "Add
 * Person…": until it does, the main test adds the lead through the Set-up view's Add Person…
 * and chooses them in the picker, and /ui/build-programme/workstream-lead-added-from-picker
 * reports itself incomplete. Presenting a meeting and leaving without a change is proved to
 * leave the file byte for byte as it was in test-presenter.c, and is not repeated here.
 *
 * With PATHWAY_SCREENSHOT_DIR set it saves the Overview and the Board report of the programme
 * built, at 1280x800 and 1024x768, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <poppler.h>

#include "pathway-action-editor.h"
#include "pathway-format.h"
#include "pathway-indicator-editor.h"
#include "pathway-indicators-view.h"
#include "pathway-new-programme-assistant.h"
#include "pathway-pack.h"
#include "pathway-person-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-reading-dialog.h"
#include "pathway-record-dialog.h"
#include "pathway-report-view.h"
#include "pathway-setup-view.h"
#include "pathway-window.h"
#include "pathway-workstream-editor.h"
#include "pathway-workstreams-view.h"

#define PROGRAMME_NAME "Sallowmere SEND Improvement Programme"
#define BOARD_NAME "SEND Improvement Board"
#define LEAD_NAME "Zainab Hussain"
#define INDICATOR_NAME "Weeks to finish an EHC needs assessment"

typedef struct {
  char *dir;
  char *path; /* what the assistant is told: the file is this with ".pathway" */
  PathwayWindow *window;
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

static GtkWidget *
named (gpointer    root,
       const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static gpointer
view_of (Fixture *f,
         GType    type)
{
  GtkWidget *view = find_of_type (GTK_WIDGET (f->window), type, NULL);

  g_assert_nonnull (view);
  return view;
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

/* The first visible toplevel of that type, or NULL. */
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

#define wait_for_toplevel(type) \
  (wait_for ("the " #type " window to open", toplevel_mapped, GSIZE_TO_POINTER (type)), \
   GTK_WIDGET (find_toplevel (type)))
#define wait_for_no_toplevel(type) \
  wait_for ("the " #type " window to close", toplevel_gone, GSIZE_TO_POINTER (type))

/* Doing things as a person does ---------------------------------------------------------------- */

static void
type_into (gpointer    root,
           const char *name,
           const char *text)
{
  GtkWidget *widget = named (root, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
click (gpointer    root,
       const char *name)
{
  GtkWidget *button = named (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
}

/* win.undo, as the header bar's button and Ctrl+Z run it, after checking that the step it
 * will take back is the one expected (its label starts with what is given). */
static void
undo (Fixture    *f,
      const char *expected)
{
  const char *label = pathway_document_get_undo_label (document_of (f));

  g_test_message ("undo: %s", label);
  g_assert_true (pathway_document_get_can_undo (document_of (f)));
  if (!g_str_has_prefix (label, expected))
    g_error ("the step to undo is “%s”, not “%s…”", label, expected);
  activate (f->window, "win.undo");
}

static void
show_view (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             name));
  wait_for_drawn (f->window);
}

typedef struct {
  GtkWidget *root;
  const char *name;
} Named;

static gboolean
named_mapped (gpointer data)
{
  Named *wanted = data;
  GtkWidget *widget = find_named (wanted->root, wanted->name);

  return widget != NULL && gtk_widget_get_mapped (widget);
}

#define wait_for_named(root, name) \
  G_STMT_START { \
    Named wanted_ = { GTK_WIDGET (root), (name) }; \
    wait_for ("“" name "” to be shown", named_mapped, &wanted_); \
  } G_STMT_END

/* The Set-up view's lists ---------------------------------------------------------------------- */

static PathwaySetupView *
setup_view (Fixture *f)
{
  return view_of (f, PATHWAY_TYPE_SETUP_VIEW);
}

static void
show_section (Fixture    *f,
              const char *section)
{
  show_view (f, "setup");
  pathway_setup_view_show_section (setup_view (f), section);
  wait_for_drawn (setup_view (f));
}

/* The rows of a list that are shown. */
static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

/* The view makes its rows again when the programme changes: a list is looked for afresh. */
typedef struct {
  Fixture *fixture;
  const char *list;
  guint count;
} RowCount;

static gboolean
has_row_count (gpointer data)
{
  RowCount *wanted = data;
  GtkWidget *list = find_named (GTK_WIDGET (setup_view (wanted->fixture)), wanted->list);

  return list != NULL && count_rows (list) == wanted->count;
}

#define wait_for_rows(f, list, n) \
  G_STMT_START { \
    RowCount wanted_ = { (f), (list), (n) }; \
    wait_for (list " to show " #n " rows", has_row_count, &wanted_); \
  } G_STMT_END

/* Presses a record dialog's Save (or Add) and waits for it to close. */
static void
save_record_dialog (GtkWidget *dialog)
{
  click (dialog, "save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_RECORD_DIALOG);
}

/* Fixture -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-build-programme-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sallowmere", NULL);
  f->window = pathway_window_new (NULL);
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

/* 1. The assistant ----------------------------------------------------------------------------- */

static gboolean
document_open (gpointer data)
{
  Fixture *f = data;
  PathwayDocument *document = pathway_window_get_document (f->window);

  return document != NULL && g_str_has_prefix (pathway_document_get_path (document), f->dir);
}

static void
created_cb (PathwayNewProgrammeAssistant *assistant,
            PathwayDocument              *document,
            gboolean                      import,
            PathwayDocument             **created)
{
  g_assert_false (import);
  *created = document;
}

static void
create_programme (Fixture *f)
{
  PathwayNewProgrammeAssistant *assistant;
  PathwayDocument *created = NULL;
  g_autofree char *file = g_strconcat (f->path, ".pathway", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 2, 10, 10, 0, 0);
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayMeeting) meeting = NULL;
  PathwayProgramme *programme;
  PathwayPerson *chair;

  activate (f->window, "win.new-programme");
  assistant = PATHWAY_NEW_PROGRAMME_ASSISTANT (wait_for_toplevel (
    PATHWAY_TYPE_NEW_PROGRAMME_ASSISTANT));
  g_signal_connect (assistant, "created", G_CALLBACK (created_cb), &created);

  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "programme");
  type_into (assistant, "assistant-name-row", PROGRAMME_NAME);
  type_into (assistant, "assistant-local-area-row", "Sallowmere");
  activate (assistant, "assistant.next");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "ratings");
  activate (assistant, "assistant.next");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "start");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (assistant, "assistant-empty-check")),
                               TRUE);
  activate (assistant, "assistant.next");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "board");
  type_into (assistant, "assistant-board-name-row", BOARD_NAME);
  type_into (assistant, "assistant-chair-name-row", "Sam Okafor");
  type_into (assistant, "assistant-chair-role-row", "Director of Children’s Services");
  type_into (assistant, "assistant-meeting-date-row", "17 March 2027");

  /* No file chooser: the path is given, as a person would choose it. */
  pathway_new_programme_assistant_set_path (assistant, f->path);
  activate (assistant, "assistant.create");
  wait_for ("the new programme to open in the window", document_open, f);
  wait_for_no_toplevel (PATHWAY_TYPE_NEW_PROGRAMME_ASSISTANT);
  g_assert_true (created == document_of (f));
  g_assert_cmpstr (pathway_document_get_path (document_of (f)), ==, file);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* A fixed today from here on: the day a reading is offered and the meeting a pack is made
   * for follow from it. The assistant wrote with the real clock, which is earlier. */
  pathway_document_set_now (document_of (f), now);

  programme = programme_of (f);
  g_assert_cmpstr (pathway_programme_get_name (programme), ==, PROGRAMME_NAME);
  g_assert_cmpstr (pathway_programme_get_local_area (programme), ==, "Sallowmere");
  g_assert_cmpuint (n_items (pathway_programme_get_boards (programme)), ==, 1);
  board = g_list_model_get_item (pathway_programme_get_boards (programme), 0);
  g_assert_cmpstr (pathway_board_get_name (board), ==, BOARD_NAME);
  chair = pathway_board_get_chair (board);
  g_assert_nonnull (chair);
  g_assert_cmpstr (pathway_person_get_name (chair), ==, "Sam Okafor");
  g_assert_cmpuint (n_items (pathway_board_get_meetings (board)), ==, 1);
  meeting = g_list_model_get_item (pathway_board_get_meetings (board), 0);
  g_assert_cmpint (g_date_get_year (pathway_meeting_get_date (meeting)), ==, 2027);
  g_assert_cmpint (g_date_get_month (pathway_meeting_get_date (meeting)), ==, 3);
  g_assert_cmpint (g_date_get_day (pathway_meeting_get_date (meeting)), ==, 17);
  g_assert_cmpuint (n_items (pathway_programme_get_actions (programme)), ==, 0);
}

static PathwayBoard *
the_board (Fixture *f)
{
  g_autoptr(PathwayBoard) board = g_list_model_get_item (pathway_programme_get_boards (
                                                           programme_of (f)), 0);

  g_assert_nonnull (board);
  return board; /* the programme holds it */
}

/* 2. An area of weakness ----------------------------------------------------------------------- */

static PathwayAreaOfWeakness *
add_area (Fixture *f)
{
  GListModel *areas = pathway_programme_get_areas (programme_of (f));
  g_autoptr(PathwayAreaOfWeakness) area = NULL;
  GtkWidget *dialog;

  show_section (f, "areas");
  wait_for_named (setup_view (f), "add-areas-button");
  click (setup_view (f), "add-areas-button");
  dialog = wait_for_toplevel (PATHWAY_TYPE_RECORD_DIALOG);
  type_into (dialog, "number", "1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "kind")), 1);
  type_into (dialog, "title", "Identifying needs early");
  type_into (dialog, "finding", "Leaders do not know the needs of children in the area.");
  type_into (dialog, "commitment", "A joint needs assessment by the summer.");
  save_record_dialog (dialog);

  wait_for_rows (f, "areas-list", 1);
  g_assert_cmpuint (n_items (areas), ==, 1);
  area = g_list_model_get_item (areas, 0);
  g_assert_cmpstr (pathway_area_of_weakness_get_title (area), ==, "Identifying needs early");
  g_assert_cmpint (pathway_area_of_weakness_get_kind (area), ==, PATHWAY_FINDING_PRIORITY_ACTION);
  return area; /* the programme holds it */
}

/* 3. A workstream and its lead ----------------------------------------------------------------- */

/* Adds the lead through the lead picker's "Add Person…", as a person finds there that the
 * lead is not in the programme yet. FALSE when the picker does not offer it. */
static gboolean
add_lead_from_picker (Fixture   *f,
                      GtkWidget *editor)
{
  GtkWidget *picker = named (editor, "workstream-lead-row");
  GtkWidget *dialog;
  PathwayPerson *chosen;

  g_assert_true (PATHWAY_IS_PERSON_PICKER (picker));
  if (!gtk_widget_get_visible (named (picker, "person-add")))
    return FALSE;

  type_into (picker, "person-search", LEAD_NAME);
  click (picker, "person-add");
  dialog = wait_for_toplevel (PATHWAY_TYPE_PERSON_DIALOG);
  /* What was searched for is the name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "person-name-row"))), ==,
                   LEAD_NAME);
  type_into (dialog, "person-role-row", "Head of SEND");
  type_into (dialog, "person-organisation-row", "Sallowmere Council");
  activate (dialog, "person.add");
  wait_for_no_toplevel (PATHWAY_TYPE_PERSON_DIALOG);

  chosen = pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (picker));
  g_assert_nonnull (chosen);
  g_assert_cmpstr (pathway_person_get_name (chosen), ==, LEAD_NAME);
  g_assert_true (pathway_programme_find_person_by_name (programme_of (f), LEAD_NAME) == chosen);
  return TRUE;
}

/* Until the workstream editor's picker can add a person: Set-up, People, Add Person…. */
static void
add_lead_in_setup (Fixture *f)
{
  GtkWidget *dialog;

  show_section (f, "people");
  wait_for_named (setup_view (f), "add-people-button");
  click (setup_view (f), "add-people-button");
  dialog = wait_for_toplevel (PATHWAY_TYPE_RECORD_DIALOG);
  type_into (dialog, "name", LEAD_NAME);
  type_into (dialog, "role", "Head of SEND");
  type_into (dialog, "organisation", "Sallowmere Council");
  save_record_dialog (dialog);
  /* Sam Okafor, the chair, and the lead. */
  wait_for_rows (f, "people-list", 2);
  g_assert_nonnull (pathway_programme_find_person_by_name (programme_of (f), LEAD_NAME));
}

static GtkWidget *
open_new_workstream (Fixture *f)
{
  GtkWidget *view;

  show_view (f, "workstreams");
  view = view_of (f, PATHWAY_TYPE_WORKSTREAMS_VIEW);
  wait_for_named (view, "empty-add-workstream-button");
  click (view, "empty-add-workstream-button");
  return wait_for_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
}

static PathwayWorkstream *
add_workstream (Fixture *f)
{
  PathwayWorkstream *added;
  GtkWidget *editor;
  GtkWidget *view;

  editor = open_new_workstream (f);
  if (!add_lead_from_picker (f, editor))
    {
      g_test_message ("the workstream editor's lead picker offers no Add Person…: the lead "
                      "is added in Set-up instead");
      click (editor, "workstream-cancel-button");
      wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
      add_lead_in_setup (f);
      show_view (f, "workstreams");
      editor = open_new_workstream (f);
      pathway_person_picker_set_selected (
        PATHWAY_PERSON_PICKER (named (editor, "workstream-lead-row")),
        pathway_programme_find_person_by_name (programme_of (f), LEAD_NAME));
    }
  type_into (editor, "workstream-code-row", "A");
  type_into (editor, "workstream-title-row", "Joint commissioning and short breaks");
  type_into (editor, "workstream-description-view", "Short breaks for families, with "
                                                     "holiday clubs.");
  click (editor, "workstream-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);

  added = pathway_programme_find_workstream_by_code (programme_of (f), "A");
  g_assert_nonnull (added);
  g_assert_cmpstr (pathway_workstream_get_title (added), ==,
                   "Joint commissioning and short breaks");
  g_assert_nonnull (pathway_workstream_get_lead (added));
  g_assert_cmpstr (pathway_person_get_name (pathway_workstream_get_lead (added)), ==, LEAD_NAME);
  view = view_of (f, PATHWAY_TYPE_WORKSTREAMS_VIEW);
  wait_for_label_text (GTK_LABEL (named (view, "workstream-title")),
                       "Joint commissioning and short breaks");
  return added;
}

/* 4. Three actions ----------------------------------------------------------------------------- */

static PathwayAction *
add_action (Fixture     *f,
            const char  *reference,
            const char  *description,
            const char  *rating,
            PathwayRating expected)
{
  GtkWidget *editor;
  GtkWidget *workstream_row;
  GListModel *choices;
  PathwayAction *added;

  activate (f->window, "win.new-action");
  editor = wait_for_toplevel (PATHWAY_TYPE_ACTION_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New action");
  type_into (editor, "reference-row", reference);
  type_into (editor, "description-view", description);
  /* "None", then the one workstream. */
  workstream_row = named (editor, "workstream-row");
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (workstream_row));
  g_assert_cmpuint (n_items (choices), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   "A – Joint commissioning and short breaks");
  adw_combo_row_set_selected (ADW_COMBO_ROW (workstream_row), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "area-row")), 1);
  click (editor, rating);
  click (editor, "save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_ACTION_EDITOR);

  added = pathway_programme_find_action_by_reference (programme_of (f), reference);
  g_assert_nonnull (added);
  g_assert_cmpstr (pathway_action_get_description (added), ==, description);
  g_assert_true (pathway_action_get_workstream (added) ==
                 pathway_programme_find_workstream_by_code (programme_of (f), "A"));
  g_assert_cmpint (pathway_action_get_rating (added), ==, expected);
  return added;
}

/* 5. The board's second meeting ---------------------------------------------------------------- */

static PathwayMeeting *
add_meeting (Fixture *f)
{
  PathwayBoard *board = the_board (f);
  GtkWidget *button;
  GtkWidget *dialog;
  g_autoptr(PathwayMeeting) second = NULL;
  g_autofree char *day = NULL;

  show_section (f, "boards");
  wait_for_rows (f, "meetings-list", 1);
  /* Add Meeting… is a split button (its menu adds meetings by a rule): pressed, it runs its
   * action for its board. */
  button = named (setup_view (f), "add-meeting-button");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_activate_action_variant (
    button, gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
    gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))));
  dialog = wait_for_toplevel (PATHWAY_TYPE_RECORD_DIALOG);
  type_into (dialog, "date", "2027-04-21");
  type_into (dialog, "time", "14:00");
  type_into (dialog, "venue", "Town Hall");
  save_record_dialog (dialog);

  wait_for_rows (f, "meetings-list", 2);
  g_assert_cmpuint (n_items (pathway_board_get_meetings (board)), ==, 2);
  second = g_list_model_get_item (pathway_board_get_meetings (board), 1);
  day = pathway_date_format_iso (pathway_meeting_get_date (second));
  g_assert_cmpstr (day, ==, "2027-04-21");
  g_assert_cmpstr (pathway_meeting_get_location (second), ==, "Town Hall");
  return second; /* the board holds it */
}

/* 6. An indicator and its readings ------------------------------------------------------------- */

static PathwayIndicatorsView *
indicators_view (Fixture *f)
{
  return view_of (f, PATHWAY_TYPE_INDICATORS_VIEW);
}

static PathwayIndicator *
add_indicator (Fixture *f)
{
  GListModel *indicators = pathway_programme_get_indicators (programme_of (f));
  g_autoptr(PathwayIndicator) added = NULL;
  GtkWidget *editor;

  show_view (f, "indicators");
  wait_for_named (indicators_view (f), "empty-add-indicator-button");
  click (indicators_view (f), "empty-add-indicator-button");
  editor = wait_for_toplevel (PATHWAY_TYPE_INDICATOR_EDITOR);
  type_into (editor, "indicator-name-row", INDICATOR_NAME);
  type_into (editor, "indicator-service-row", "SEND assessment");
  /* Weeks, lower is better. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "indicator-unit-row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "indicator-better-row")), 1);
  type_into (editor, "indicator-baseline-row", "30");
  type_into (editor, "indicator-baseline-date-row", "31 October 2026");
  type_into (editor, "indicator-target-row", "20");
  type_into (editor, "indicator-target-date-row", "31 March 2027");
  click (editor, "indicator-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_INDICATOR_EDITOR);

  g_assert_cmpuint (n_items (indicators), ==, 1);
  added = g_list_model_get_item (indicators, 0);
  g_assert_cmpstr (pathway_indicator_get_name (added), ==, INDICATOR_NAME);
  g_assert_cmpint (pathway_indicator_get_unit (added), ==, PATHWAY_UNIT_WEEKS);
  g_assert_cmpfloat (pathway_indicator_get_target_value (added), ==, 20);
  /* The view shows what was saved. */
  wait_for_drawn (indicators_view (f));
  g_assert_true (pathway_indicators_view_get_selected (indicators_view (f)) == added);
  wait_for_label_text (GTK_LABEL (named (indicators_view (f), "indicator-name")),
                       INDICATOR_NAME);
  return added; /* the programme holds it */
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

static PathwayReading *
reading_on (Fixture          *f,
            PathwayIndicator *indicator,
            const char       *iso_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) readings = pathway_document_list_readings (document_of (f), indicator,
                                                                   &error);
  GDate date;

  g_assert_no_error (error);
  g_assert_true (pathway_date_parse_iso (iso_date, &date));
  for (guint i = 0; i < g_list_model_get_n_items (readings); i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, i);

      if (g_date_compare (pathway_reading_get_date (reading), &date) == 0)
        return g_steal_pointer (&reading);
    }
  return NULL;
}

/* Adds a reading through the dialog; the day as typed, or NULL for the day it offers. */
static void
add_reading (Fixture    *f,
             const char *date,
             const char *value)
{
  GtkWidget *dialog;

  click (indicators_view (f), "add-reading-button");
  dialog = wait_for_toplevel (PATHWAY_TYPE_READING_DIALOG);
  if (date != NULL)
    type_into (dialog, "reading-date-entry", date);
  type_into (dialog, "reading-value-entry", value);
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);
}

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
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (named (row, "indicator-reading-value"))),
                    shows->value) == 0;
}

#define wait_for_reading_row(f, date, value) \
  G_STMT_START { \
    RowShows shows_ = { GTK_WIDGET (indicators_view (f)), (date), (value) }; \
    wait_for ("the reading of " date " to show " #value, row_shows, &shows_); \
  } G_STMT_END

static void
add_readings (Fixture          *f,
              PathwayIndicator *indicator)
{
  g_autoptr(PathwayReading) offered = NULL;

  add_reading (f, "30 November 2026", "28");
  add_reading (f, "31 December 2026", "25");
  /* Today is 10 February 2027: the day offered is the end of January. */
  add_reading (f, NULL, "23");
  g_assert_cmpuint (n_readings (f, indicator), ==, 3);
  offered = reading_on (f, indicator, "2027-01-31");
  g_assert_nonnull (offered);
  g_assert_cmpfloat (pathway_reading_get_value (offered), ==, 23);
  wait_for_reading_row (f, "30 November 2026", "28 weeks");
  wait_for_reading_row (f, "31 December 2026", "25 weeks");
  wait_for_reading_row (f, "31 January 2027", "23 weeks");
  wait_for_label_text (GTK_LABEL (named (indicators_view (f), "indicator-latest-value")),
                       "23 weeks");
}

/* The December figure is put right, from its row's menu (indicators.correct-reading). */
static void
correct_reading (Fixture          *f,
                 PathwayIndicator *indicator)
{
  g_autoptr(PathwayReading) december = reading_on (f, indicator, "2026-12-31");
  g_autoptr(PathwayReading) corrected = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (december);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (indicators_view (f)),
                                             "indicators.correct-reading", "x",
                                             pathway_reading_get_id (december)));
  dialog = wait_for_toplevel (PATHWAY_TYPE_READING_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Correct Reading");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "reading-value-entry"))),
                   ==, "25");
  type_into (dialog, "reading-value-entry", "24.5");
  click (dialog, "reading-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_READING_DIALOG);

  corrected = reading_on (f, indicator, "2026-12-31");
  g_assert_cmpint (pathway_reading_get_id (corrected), ==, pathway_reading_get_id (december));
  g_assert_cmpfloat (pathway_reading_get_value (corrected), ==, 24.5);
  g_assert_cmpuint (n_readings (f, indicator), ==, 3);
  /* Shown corrected. */
  wait_for_reading_row (f, "31 December 2026", "24.5 weeks");
}

/* 7. The Board report -------------------------------------------------------------------------- */

static PathwayReportView *
report_view (Fixture *f)
{
  return view_of (f, PATHWAY_TYPE_REPORT_VIEW);
}

static gboolean
report_shows_pack (gpointer data)
{
  Fixture *f = data;
  GtkWidget *preview = find_named (GTK_WIDGET (report_view (f)), "report-preview");

  return pathway_report_view_get_pack (report_view (f)) != NULL && preview != NULL &&
         gtk_widget_get_mapped (preview);
}

/* Writes the pack the view shows to a PDF and reads each page's text back with poppler:
 * how many pages there are, and how many carry the board's name. */
static void
check_pack (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "board-pack.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PathwayPack *pack;
  guint with_name = 0;
  int n_pages;

  show_view (f, "report");
  wait_for ("the Board report to show the pack", report_shows_pack, f);
  wait_for_drawn (report_view (f));
  pack = pathway_report_view_get_pack (report_view (f));
  g_assert_nonnull (pack);
  g_assert_cmpuint (pathway_pack_get_n_pages (pack), >=, 1);
  /* The next meeting from today, the one the assistant wrote. */
  {
    g_autofree char *as_at = pathway_date_format_iso (pathway_pack_get_as_at (pack));

    g_assert_cmpstr (as_at, ==, "2027-03-17");
  }

  g_assert_true (pathway_pack_write_pdf (pack, path, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, ==, (int) pathway_pack_get_n_pages (pack));
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, BOARD_NAME) != NULL)
        with_name++;
      /* The first page is the board's. */
      if (i == 0)
        {
          g_test_message ("page 1 of the pack:\n%s", text);
          g_assert_nonnull (strstr (text, BOARD_NAME));
        }
      g_object_unref (page);
    }
  g_object_unref (pdf);
  g_test_message ("the pack has %d pages, %u with the board's name", n_pages, with_name);
  g_assert_cmpuint (with_name, >=, 1);
}

/* The window's size ---------------------------------------------------------------------------- */

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

/* Toasts --------------------------------------------------------------------------------------- */

/* The toast on show, found by the widget libadwaita 1.2 shows it in (it has no public way to
 * ask the overlay), or NULL. */
static AdwToast *
shown_toast (Fixture *f)
{
  GType type = g_type_from_name ("AdwToastWidget");
  GtkWidget *widget = type != 0 ? find_of_type (GTK_WIDGET (f->window), type, NULL) : NULL;
  AdwToast *toast = NULL;

  if (widget != NULL)
    g_object_get (widget, "toast", &toast, NULL);
  if (toast != NULL)
    g_object_unref (toast); /* the overlay holds it while it shows */
  return toast;
}

typedef struct {
  Fixture *fixture;
  AdwToast *dismissed; /* compared, never used */
} Dismissing;

/* Dismisses each toast as it comes up (the overlay queues them and shows one at a time). */
static gboolean
no_toast_left (gpointer data)
{
  Dismissing *dismissing = data;
  AdwToast *toast = shown_toast (dismissing->fixture);

  if (toast == NULL)
    return TRUE;
  if (toast != dismissing->dismissed)
    {
      dismissing->dismissed = toast;
      pathway_window_dismiss_toast (dismissing->fixture->window, toast);
    }
  return FALSE;
}

/* A screenshot is of the view, not of what the steps before it said: the toasts go as a
 * person would close them. */
static void
dismiss_toasts (Fixture *f)
{
  Dismissing dismissing = { f, NULL };
  AdwToast *toast = shown_toast (f);

  if (toast != NULL)
    g_test_message ("the toast on show: “%s”, its button %s; the step win.undo would take "
                    "back: %s", adw_toast_get_title (toast),
                    adw_toast_get_action_name (toast) != NULL
                      ? adw_toast_get_action_name (toast) : "(none)",
                    pathway_document_get_undo_label (document_of (f)));
  wait_for ("the toasts to go", no_toast_left, &dismissing);
}

/* Screenshots ---------------------------------------------------------------------------------- */

static void
save_screenshots (Fixture *f)
{
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 768 } };
  static const char *const views[] = { "overview", "report" };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_message ("PATHWAY_SCREENSHOT_DIR is not set: no screenshots");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  dismiss_toasts (f);

  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          if (!resize (f, sizes[s].width, sizes[s].height))
            continue;
          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            {
              g_autofree char *name = g_strdup_printf ("build-programme-%s-%dx%d-%s.png",
                                                       views[v], sizes[s].width,
                                                       sizes[s].height, dark ? "dark" : "light");
              g_autofree char *path = g_build_filename (folder, name, NULL);

              show_view (f, views[v]);
              if (g_str_equal (views[v], "report"))
                wait_for ("the Board report to show the pack", report_shows_pack, f);
              save_png (f->window, path);
              g_test_message ("saved %s", path);
            }
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  resize (f, 1280, 800);
}

/* 8. Undo, newest first ------------------------------------------------------------------------ */

static void
undo_everything (Fixture                *f,
                 PathwayAreaOfWeakness  *area,
                 PathwayWorkstream      *workstream,
                 PathwayAction         **actions,
                 PathwayMeeting         *meeting,
                 PathwayIndicator       *indicator)
{
  PathwayDocument *document = document_of (f);
  PathwayProgramme *programme = programme_of (f);
  PathwayPerson *lead = pathway_programme_find_person_by_name (programme, LEAD_NAME);
  g_autoptr(PathwayReading) december = NULL;

  g_assert_nonnull (lead);
  show_view (f, "indicators");
  pathway_indicators_view_select (indicators_view (f), pathway_indicator_get_id (indicator));
  wait_for_drawn (indicators_view (f));

  /* The correction: December's figure is as first given again. */
  undo (f, "Correct the reading of " INDICATOR_NAME);
  december = reading_on (f, indicator, "2026-12-31");
  g_assert_cmpfloat (pathway_reading_get_value (december), ==, 25);
  g_assert_cmpuint (n_readings (f, indicator), ==, 3);
  wait_for_reading_row (f, "31 December 2026", "25 weeks");

  /* The readings, last added first. */
  undo (f, "Add reading");
  g_assert_cmpuint (n_readings (f, indicator), ==, 2);
  g_assert_null (reading_on (f, indicator, "2027-01-31"));
  wait_for_reading_row (f, "31 January 2027", NULL);
  wait_for_label_text (GTK_LABEL (named (indicators_view (f), "indicator-latest-value")),
                       "25 weeks");
  undo (f, "Add reading");
  g_assert_cmpuint (n_readings (f, indicator), ==, 1);
  g_assert_null (reading_on (f, indicator, "2026-12-31"));
  wait_for_reading_row (f, "31 December 2026", NULL);
  undo (f, "Add reading");
  g_assert_cmpuint (n_readings (f, indicator), ==, 0);
  wait_for_reading_row (f, "30 November 2026", NULL);

  /* The indicator: the view has none again. */
  undo (f, "Add indicator " INDICATOR_NAME);
  g_assert_true (pathway_document_is_retired (document, indicator));
  g_assert_cmpuint (n_items (pathway_programme_get_indicators (programme)), ==, 0);
  wait_for_named (indicators_view (f), "empty-add-indicator-button");

  /* The second meeting. */
  undo (f, "Add meeting");
  g_assert_true (pathway_document_is_retired (document, meeting));
  g_assert_cmpuint (n_items (pathway_board_get_meetings (the_board (f))), ==, 1);

  /* The actions, the last first; the others stay until their turn. */
  for (int i = 2; i >= 0; i--)
    {
      g_assert_nonnull (strstr (pathway_document_get_undo_label (document),
                                pathway_action_get_reference (actions[i])));
      undo (f, "Add action");
      g_assert_true (pathway_document_is_retired (document, actions[i]));
      g_assert_null (pathway_programme_find_action_by_reference (
        programme, pathway_action_get_reference (actions[i])));
      g_assert_cmpuint (n_items (pathway_programme_get_actions (programme)), ==, (guint) i);
      for (int j = 0; j < i; j++)
        g_assert_false (pathway_document_is_retired (document, actions[j]));
    }

  /* The workstream, then its lead (added on their own, before the workstream was saved). */
  undo (f, "Add workstream A");
  g_assert_true (pathway_document_is_retired (document, workstream));
  g_assert_null (pathway_programme_find_workstream_by_code (programme, "A"));
  g_assert_false (pathway_document_is_retired (document, lead));
  undo (f, "Add person");
  g_assert_true (pathway_document_is_retired (document, lead));
  g_assert_null (pathway_programme_find_person_by_name (programme, LEAD_NAME));

  /* The area; what the assistant wrote stays. */
  undo (f, "Add area");
  g_assert_true (pathway_document_is_retired (document, area));
  g_assert_cmpuint (n_items (pathway_programme_get_areas (programme)), ==, 0);
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Set up the programme");
  g_assert_cmpuint (n_items (pathway_programme_get_boards (programme)), ==, 1);

  /* The views that showed them have let them go too. */
  show_section (f, "boards");
  wait_for_rows (f, "meetings-list", 1);
  show_section (f, "areas");
  wait_for_rows (f, "areas-list", 0);
  show_section (f, "people");
  wait_for_rows (f, "people-list", 1);
  show_view (f, "workstreams");
  wait_for_named (view_of (f, PATHWAY_TYPE_WORKSTREAMS_VIEW), "empty-add-workstream-button");
}

/* Tests ---------------------------------------------------------------------------------------- */

static void
test_builds_programme (Fixture       *f,
                       gconstpointer  data)
{
  PathwayAreaOfWeakness *area;
  PathwayWorkstream *workstream;
  PathwayAction *actions[3];
  PathwayMeeting *meeting;
  PathwayIndicator *indicator;

  create_programme (f);
  area = add_area (f);
  workstream = add_workstream (f);
  actions[0] = add_action (f, "1A i", "Agree a joint needs assessment with health partners",
                           "rating-red", PATHWAY_RATING_RED);
  actions[1] = add_action (f, "1A ii", "Publish the local offer of short breaks",
                           "rating-amber", PATHWAY_RATING_AMBER);
  actions[2] = add_action (f, "1A iii", "Train staff in early identification",
                           "rating-green", PATHWAY_RATING_GREEN);
  g_assert_cmpuint (n_items (pathway_programme_get_actions (programme_of (f))), ==, 3);
  meeting = add_meeting (f);
  indicator = add_indicator (f);
  add_readings (f, indicator);
  correct_reading (f, indicator);
  check_pack (f);
  save_screenshots (f);
  undo_everything (f, area, workstream, actions, meeting, indicator);
}

/* What the issue asks of the workstream editor: its lead picker ends with "Add Person…", as the
 * action editor's and the board dialog's do. */
static void
test_workstream_lead_added_from_picker (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWidget *editor;
  PathwayWorkstream *added;

  create_programme (f);
  editor = open_new_workstream (f);
  if (!add_lead_from_picker (f, editor))
    {
      g_test_incomplete ("the workstream editor's lead picker offers no Add Person…: "
                         "PathwayWorkstreamEditor does not give its pickers the document "
                         "(pathway_person_picker_set_document)");
      return;
    }
  type_into (editor, "workstream-code-row", "A");
  type_into (editor, "workstream-title-row", "Joint commissioning and short breaks");
  click (editor, "workstream-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
  added = pathway_programme_find_workstream_by_code (programme_of (f), "A");
  g_assert_nonnull (added);
  g_assert_cmpstr (pathway_person_get_name (pathway_workstream_get_lead (added)), ==, LEAD_NAME);
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

  ADD ("/ui/build-programme/builds-programme", test_builds_programme);
  ADD ("/ui/build-programme/workstream-lead-added-from-picker",
       test_workstream_lead_added_from_picker);

#undef ADD

  return g_test_run ();
}
