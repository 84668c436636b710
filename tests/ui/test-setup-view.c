/* test-setup-view.c: the Set-up view in the main window, on an empty programme made with
 * pathway_document_create, driven through its actions and dialogs the way a person uses them.
 * It proves that people, an area of weakness, a board with its chair, a meeting, and meetings
 * by a rule are added through the record and rule dialogs and shown (people by name, meetings
 * by day); that a person's role is changed and the history dialog shows the change from and
 * to; that a value the store refuses is shown beside its field and nothing is written; that
 * retiring a person still named is refused with the uses named, and reassigning then retires;
 * that merging two people moves an action's lead; that undo (win.undo) takes each add back
 * out of the view; that the search filters people; and that a read-only programme can be read
 * and not changed. With PATHWAY_SCREENSHOT_DIR set it saves PNGs of each section at 1280x800
 * and 1024x768 and of each dialog, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-demo.h"
#include "pathway-history-dialog.h"
#include "pathway-meeting-rule-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-record-dialog.h"
#include "pathway-setup-view.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\" <b>x</b>"

/* What a fixture opens (its test data). */
enum {
  EMPTY_PROGRAMME,
  READ_ONLY_PROGRAMME,
  DEMO_PROGRAMME,
};

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwaySetupView *view;
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
has_record_dialog (gpointer data)
{
  return find_toplevel (PATHWAY_TYPE_RECORD_DIALOG) != NULL;
}

static gboolean
has_no_record_dialog (gpointer data)
{
  return find_toplevel (PATHWAY_TYPE_RECORD_DIALOG) == NULL;
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

/* As a person answers: the response, then the dialog closes. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_loop ();
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

/* The rows of a list that are shown (the search hides some). */
static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        n++;
    }
  return n;
}

/* The view makes its rows again when the programme changes (the boards' lists too): a list
 * is looked for afresh each time it is counted. */
typedef struct {
  Fixture *fixture;
  GtkWidget *(*list) (Fixture *f);
  guint count;
} RowCount;

static gboolean
has_row_count (gpointer data)
{
  RowCount *wanted = data;

  return count_rows (wanted->list (wanted->fixture)) == wanted->count;
}

#define wait_for_rows(f, list, n) \
  G_STMT_START { \
    RowCount wanted_ = { (f), (list), (n) }; \
    wait_for (#list " to show " #n " rows", has_row_count, &wanted_); \
  } G_STMT_END

static const char *
row_title (GtkWidget *list,
           guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GtkWidget *
people_list (Fixture *f)
{
  return named_in (f->view, "people-list");
}

static GtkWidget *
areas_list (Fixture *f)
{
  return named_in (f->view, "areas-list");
}

/* The meetings list of the first board. */
static GtkWidget *
meetings_list (Fixture *f)
{
  return named_in (named_in (f->view, "boards-box"), "meetings-list");
}

static gboolean
has_board (gpointer data)
{
  Fixture *f = data;

  return find_named (named_in (f->view, "boards-box"), "board") != NULL;
}

static gboolean
has_no_board (gpointer data)
{
  return !has_board (data);
}

typedef struct {
  GtkWidget *list;
  guint index;
  const char *subtitle;
} Subtitle;

static gboolean
has_subtitle (gpointer data)
{
  Subtitle *wanted = data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (wanted->list),
                                                      wanted->index);

  return ADW_IS_ACTION_ROW (row) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), wanted->subtitle) == 0;
}

static PathwayPerson *
person_called (Fixture    *f,
               const char *name)
{
  GListModel *people = pathway_programme_get_people (programme_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (pathway_person_get_name (person), name))
        return person; /* the programme holds it */
    }
  g_error ("no person called %s", name);
  return NULL;
}

static gpointer
first_of (GListModel *list)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, 0);

  g_assert_nonnull (item);
  return item; /* the list holds it */
}

/* Records written through the document, as the command line writes them. */
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
            const char *name,
            const char *role)
{
  const char *fields[] = { "name", "role", NULL };
  const char *values[] = { name, role, NULL };

  return add_record (f, "person", fields, values);
}

/* Driving the dialogs -------------------------------------------------------------------------- */

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
}

/* The record dialog once it is open; every one opened has a name for each of its controls. */
static PathwayRecordDialog *
record_dialog (void)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkWidget *dialog;

  wait_for ("the record dialog", has_record_dialog, NULL);
  dialog = GTK_WIDGET (find_toplevel (PATHWAY_TYPE_RECORD_DIALOG));
  ui_test_collect_unnamed (dialog, unnamed);
  if (unnamed->len > 0)
    g_error ("without a name in the record dialog: %s", unnamed->str);
  return PATHWAY_RECORD_DIALOG (dialog);
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

/* Presses Save (or Add) and waits for the dialog to close. */
static void
press_save (PathwayRecordDialog *dialog)
{
  GtkWidget *button = named_in (dialog, "save-button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for ("the record dialog to close", has_no_record_dialog, NULL);
}

static void
add_person_through_dialog (Fixture    *f,
                           const char *name,
                           const char *role,
                           const char *organisation)
{
  PathwayRecordDialog *dialog;

  activate (f, "setup.add", g_variant_new_string ("person"));
  dialog = record_dialog ();
  /* Nothing to add before the name is given. */
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "save-button")));
  type_into (dialog, "name", name);
  type_into (dialog, "role", role);
  type_into (dialog, "organisation", organisation);
  press_save (dialog);
}

static void
show_view (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "setup"));
  f->view = PATHWAY_SETUP_VIEW (find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_SETUP_VIEW,
                                              NULL));
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

  f->dir = g_dir_make_tmp ("pathway-setup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sallowmere SEND.pathway", NULL);
  if (GPOINTER_TO_INT (data) == DEMO_PROGRAMME)
    g_assert_true (pathway_demo_write (f->path, &error));
  else
    {
      created = pathway_document_create (f->path, "Sallowmere SEND improvement", &error);
      g_assert_no_error (error);
      pathway_document_close (created);
    }
  g_assert_no_error (error);

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path,
                                      GPOINTER_TO_INT (data) == READ_ONLY_PROGRAMME
                                        ? PATHWAY_OPEN_READ_ONLY
                                        : PATHWAY_OPEN_DEFAULT,
                                      &error));
  g_assert_no_error (error);
  /* Meetings by a rule start after today: a fixed today gives fixed days. */
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

  while ((dialog = find_toplevel (ADW_TYPE_WINDOW)) != NULL ||
         (dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    destroy_window (dialog);
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Tests ---------------------------------------------------------------------------------------- */

/* People, an area, a board and its meetings are added through the dialogs and shown. */
static void
test_builds_programme (Fixture       *f,
                       gconstpointer  data)
{
  PathwayRecordDialog *dialog;
  PathwayMeetingRuleDialog *rule_dialog;
  PathwayAreaOfWeakness *area;
  PathwayBoard *board;
  PathwayPerson *priya;
  GtkWidget *picker;
  g_autoptr(GArray) days = NULL;
  const PathwayMeetingRule third_wednesday = { G_DATE_WEDNESDAY, 3, 1 };
  const char *expected_days[] = { "2026-03-18", "2026-04-15", "2026-05-20" };
  char *mismatch;

  /* Two people, shown sorted by name with role and organisation. */
  add_person_through_dialog (f, "Priya Raman", "Head of SEND", "Sallowmere Council");
  wait_for_rows (f, people_list, 1);
  add_person_through_dialog (f, "Beth Kowalski", "Designated Clinical Officer", "");
  wait_for_rows (f, people_list, 2);
  g_assert_cmpstr (row_title (people_list (f), 0), ==, "Beth Kowalski");
  g_assert_cmpstr (row_title (people_list (f), 1), ==, "Priya Raman");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (
                     GTK_LIST_BOX (people_list (f)), 1))), ==,
                   "Head of SEND, Sallowmere Council");
  priya = person_called (f, "Priya Raman");
  g_assert_cmpstr (pathway_person_get_organisation (priya), ==, "Sallowmere Council");

  /* An area of weakness, its kind chosen from the enumeration's words. */
  activate (f, "setup.add", g_variant_new_string ("area"));
  dialog = record_dialog ();
  type_into (dialog, "number", "1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named_in (dialog, "kind")), 1);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (named_in (dialog, "kind")),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Kind: Priority action");
  g_assert_cmpstr (mismatch, ==, NULL);
  type_into (dialog, "title", TRICKY);
  type_into (dialog, "finding", "Leaders do not know the needs of children in the area.");
  type_into (dialog, "commitment", "A joint needs assessment by the summer.");
  press_save (dialog);
  wait_for_rows (f, areas_list, 1);
  g_assert_cmpstr (row_title (areas_list (f), 0), ==, TRICKY);
  area = first_of (pathway_programme_get_areas (programme_of (f)));
  g_assert_cmpint (pathway_area_of_weakness_get_kind (area), ==, PATHWAY_FINDING_PRIORITY_ACTION);
  g_assert_cmpstr (pathway_area_of_weakness_get_commitment (area), ==,
                   "A joint needs assessment by the summer.");

  /* A board, its chair chosen with the person picker. */
  activate (f, "setup.add", g_variant_new_string ("board"));
  dialog = record_dialog ();
  type_into (dialog, "name", "SEND Improvement Board");
  picker = named_in (dialog, "chair");
  g_assert_true (PATHWAY_IS_PERSON_PICKER (picker));
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (picker), priya);
  type_into (dialog, "cadence", "Monthly");
  press_save (dialog);
  wait_for ("the board to be shown", has_board, f);
  board = first_of (pathway_programme_get_boards (programme_of (f)));
  g_assert_true (pathway_board_get_chair (board) == priya);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (f->view, "board-details"))), ==,
                   "Chaired by Priya Raman · Monthly · 0 meetings");

  /* A meeting. */
  activate (f, "setup.add-meeting", g_variant_new_int64 (pathway_board_get_id (board)));
  dialog = record_dialog ();
  type_into (dialog, "date", "2026-02-18");
  type_into (dialog, "time", "14:00");
  type_into (dialog, "venue", "Town Hall");
  press_save (dialog);
  wait_for_rows (f, meetings_list, 1);
  g_assert_cmpstr (row_title (meetings_list (f), 0), ==, "Wednesday 18 February 2026");

  /* Three more by a rule, starting after the last meeting, with its time and venue. */
  activate (f, "setup.add-meetings-by-rule", g_variant_new_int64 (pathway_board_get_id (board)));
  wait_for ("the rule dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_MEETING_RULE_DIALOG));
  rule_dialog = PATHWAY_MEETING_RULE_DIALOG (find_toplevel (PATHWAY_TYPE_MEETING_RULE_DIALOG));
  {
    g_autoptr(GString) unnamed = g_string_new (NULL);

    ui_test_collect_unnamed (GTK_WIDGET (rule_dialog), unnamed);
    if (unnamed->len > 0)
      g_error ("without a name in the rule dialog: %s", unnamed->str);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (rule_dialog, "after-row"))),
                   ==, "2026-02-18");
  pathway_meeting_rule_dialog_set_rule (rule_dialog, &third_wednesday, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (rule_dialog, "rule-description"))),
                   ==, "On the third Wednesday of every month");
  days = pathway_meeting_rule_dialog_dup_dates (rule_dialog);
  g_assert_cmpuint (days->len, ==, 3);
  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *day = pathway_date_format_iso (&g_array_index (days, GDate, i));

      g_assert_cmpstr (day, ==, expected_days[i]);
    }
  g_assert_cmpuint (count_rows (named_in (rule_dialog, "dates-list")), ==, 3);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named_in (rule_dialog, "add-button"))), ==,
                   "_Add 3 Meetings");
  g_signal_emit_by_name (named_in (rule_dialog, "add-button"), "clicked");
  wait_for_rows (f, meetings_list, 4);
  g_assert_cmpstr (row_title (meetings_list (f), 1), ==, "Wednesday 18 March 2026");
  g_assert_cmpstr (row_title (meetings_list (f), 3), ==, "Wednesday 20 May 2026");
  {
    g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (pathway_board_get_meetings (board),
                                                               3);

    g_assert_cmpstr (pathway_meeting_get_time (meeting), ==, "14:00");
    g_assert_cmpstr (pathway_meeting_get_location (meeting), ==, "Town Hall");
  }
  /* The batch is one undo step: all three go together. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for_rows (f, meetings_list, 1);
}

/* A role changed in the record dialog is one change, and its history shows it from and to. */
static void
test_edit_and_history (Fixture       *f,
                       gconstpointer  data)
{
  PathwayPerson *priya = add_person (f, "Priya Raman", "Head of SEND");
  PathwayRecordDialog *dialog;
  GtkWindow *history;
  GtkWidget *headline;
  GtkWidget *list;
  char *mismatch;

  wait_for_rows (f, people_list, 1);
  activate (f, "setup.edit", g_variant_new ("(sx)", "person",
                                            pathway_person_get_id (priya)));
  dialog = record_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "role"))), ==,
                   "Head of SEND");
  type_into (dialog, "role", "Director of Education");
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (named_in (dialog, "role")),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Role: Director of Education");
  g_assert_cmpstr (mismatch, ==, NULL);
  press_save (dialog);
  g_assert_cmpstr (pathway_person_get_role (priya), ==, "Director of Education");
  {
    Subtitle wanted = { people_list (f), 0, "Director of Education" };

    wait_for ("the row to show the new role", has_subtitle, &wanted);
  }

  /* Newest first: the change of role, from and to, then the person's adding. */
  activate (f, "setup.history", g_variant_new ("(sx)", "person",
                                               pathway_person_get_id (priya)));
  wait_for ("the history dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_HISTORY_DIALOG));
  history = find_toplevel (PATHWAY_TYPE_HISTORY_DIALOG);
  list = named_in (history, "changes-list");
  g_assert_cmpuint (count_rows (list), ==, 2);
  headline = named_in (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0),
                       "change-headline");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (headline)), ==,
                   "Role: Head of SEND → Director of Education");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (headline)));
  headline = named_in (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1),
                       "change-headline");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (headline)), ==, "Added as “Priya Raman”");
  destroy_window (history);
}

/* A value the store refuses is shown beside its field, and nothing is written; Cancel writes
 * nothing either. */
static void
test_refused_value_shown_beside_field (Fixture       *f,
                                       gconstpointer  data)
{
  const char *fields[] = { "name", NULL };
  const char *values[] = { "SEND Improvement Board", NULL };
  PathwayBoard *board = add_record (f, "board", fields, values);
  PathwayRecordDialog *dialog;
  GtkWidget *caption;

  wait_for ("the board to be shown", has_board, f);
  activate (f, "setup.add-meeting", g_variant_new_int64 (pathway_board_get_id (board)));
  dialog = record_dialog ();
  type_into (dialog, "date", "2026-02-31");
  type_into (dialog, "venue", TRICKY);
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();

  /* Still open, the message under the field, named by its label. */
  g_assert_true (find_toplevel (PATHWAY_TYPE_RECORD_DIALOG) == GTK_WINDOW (dialog));
  caption = named_in (dialog, "date-error");
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_true (gtk_widget_has_css_class (caption, "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (caption)), "Date: "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (caption)), "2026-02-31"));
  g_assert_true (gtk_widget_has_css_class (named_in (dialog, "date"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 0);

  /* Ctrl+Enter saves from any field, a text view's too: caught before the field takes it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        g_autoptr(GtkShortcut) shortcut = NULL;
        g_autofree char *trigger = NULL;
        GtkShortcutAction *action;

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
          continue;
        shortcut = g_list_model_get_item (G_LIST_MODEL (controller), 0);
        trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        action = gtk_shortcut_get_action (shortcut);
        found = g_str_equal (trigger, "<Control>Return|<Control>KP_Enter") &&
                GTK_IS_NAMED_ACTION (action) &&
                g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                             "record.save");
      }
    g_assert_true (found);
  }

  /* Cancel closes without writing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.cancel", NULL));
  wait_for ("the record dialog to close", has_no_record_dialog, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 0);
}

static void
check_accessible (gpointer              widget,
                  GtkAccessibleProperty property,
                  const char           *value)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, value);

  if (mismatch != NULL)
    g_error ("%s", mismatch);
}

/* The search filters people by name, role or organisation as it is typed. */
static void
test_search_filters_people (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *search = named_in (f->view, "people-search");
  GtkWidget *subtitle;

  add_person (f, "Priya Raman", "Head of SEND");
  add_person (f, "Beth Kowalski", "Designated Clinical Officer");
  add_person (f, "Aisha Begum", "Head of SEND Health " TRICKY);
  wait_for_rows (f, people_list, 3);
  g_assert_cmpstr (row_title (people_list (f), 0), ==, "Aisha Begum");
  /* The person's text is shown as written, never as markup. */
  subtitle = find_of_type (GTK_WIDGET (gtk_list_box_get_row_at_index (
                             GTK_LIST_BOX (people_list (f)), 0)), GTK_TYPE_LABEL, "subtitle");
  g_assert_nonnull (subtitle);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (subtitle)), ==, "Head of SEND Health " TRICKY);
  /* A screen reader reads the row as the person with their details, and the section in the
   * sidebar with its count. */
  check_accessible (gtk_list_box_get_row_at_index (GTK_LIST_BOX (people_list (f)), 0),
                    GTK_ACCESSIBLE_PROPERTY_LABEL, "Aisha Begum");
  check_accessible (gtk_list_box_get_row_at_index (GTK_LIST_BOX (people_list (f)), 0),
                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Head of SEND Health " TRICKY);
  check_accessible (gtk_widget_get_ancestor (named_in (f->view, "people-count"),
                                             GTK_TYPE_LIST_BOX_ROW),
                    GTK_ACCESSIBLE_PROPERTY_LABEL, "People: 3");

  gtk_editable_set_text (GTK_EDITABLE (search), "head of send");
  wait_for_rows (f, people_list, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "kowal");
  wait_for_rows (f, people_list, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "nobody");
  wait_for_rows (f, people_list, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for_rows (f, people_list, 3);
}

/* A read-only programme is shown, and nothing in the view can change it. */
static void
test_read_only_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_assert_true (pathway_document_get_read_only (document_of (f)));
  g_assert_false (gtk_widget_is_sensitive (named_in (f->view, "add-people-button")));
  /* The action is there, and turned off: it opens nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "setup.add", "s", "person");
  drain_main_loop ();
  g_assert_false (has_record_dialog (NULL));
}

/* Retiring a person still named is refused with the uses named; reassigning then retires. */
static void
test_retire_in_use_reassigns (Fixture       *f,
                              gconstpointer  data)
{
  PathwayPerson *priya = add_person (f, "Priya Raman", "Head of SEND");
  PathwayPerson *beth = add_person (f, "Beth Kowalski", "Designated Clinical Officer");
  const char *fields[] = { "code", "title", "lead", NULL };
  const char *values[] = { "B", "Joint commissioning", pathway_record_get_uuid (priya), NULL };
  PathwayWorkstream *workstream = add_record (f, "workstream", fields, values);
  AdwMessageDialog *dialog;
  GtkWidget *picker;

  wait_for_rows (f, people_list, 2);
  activate (f, "setup.retire", g_variant_new ("(sx)", "person", pathway_person_get_id (priya)));
  dialog = message_dialog ("retire-dialog");
  g_assert_false (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Retire Priya Raman?");
  answer (dialog, "retire");

  /* Refused: the store says where she is named, and nothing changed. */
  dialog = message_dialog ("in-use-dialog");
  g_assert_false (pathway_document_is_retired (document_of (f), priya));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lead of workstream B"));
  picker = named_in (dialog, "reassign-picker");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reassign"));
  /* She is not offered to take over from herself. */
  g_assert_cmpuint (g_list_model_get_n_items (pathway_person_picker_get_people (
                      PATHWAY_PERSON_PICKER (picker))), ==, 1);
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (picker), beth);
  answer (dialog, "reassign");

  g_assert_true (pathway_document_is_retired (document_of (f), priya));
  g_assert_true (pathway_workstream_get_lead (workstream) == beth);
  wait_for_rows (f, people_list, 1);
  g_assert_cmpstr (row_title (people_list (f), 0), ==, "Beth Kowalski");
}

/* Merging a duplicate moves an action's lead to the person kept and retires the duplicate. */
static void
test_merge_moves_lead (Fixture       *f,
                       gconstpointer  data)
{
  PathwayPerson *priya = add_person (f, "Priya Raman", "Head of SEND");
  PathwayPerson *duplicate = add_person (f, "P Raman", "");
  const char *fields[] = { "reference", "description", "lead", NULL };
  const char *values[] = { "1A i", "Publish the local offer", pathway_record_get_uuid (duplicate),
                           NULL };
  PathwayAction *action = add_record (f, "action", fields, values);
  AdwMessageDialog *dialog;
  GtkWidget *picker;

  g_assert_true (pathway_action_get_lead (action) == duplicate);
  wait_for_rows (f, people_list, 2);
  activate (f, "setup.merge", g_variant_new_int64 (pathway_person_get_id (duplicate)));
  dialog = message_dialog ("merge-dialog");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
  picker = named_in (dialog, "merge-picker");
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (picker), priya);
  answer (dialog, "merge");

  g_assert_true (pathway_action_get_lead (action) == priya);
  g_assert_true (pathway_document_is_retired (document_of (f), duplicate));
  wait_for_rows (f, people_list, 1);
  g_assert_cmpstr (row_title (people_list (f), 0), ==, "Priya Raman");

  /* One undo takes the whole merge back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (pathway_action_get_lead (action) == duplicate);
  wait_for_rows (f, people_list, 2);
}

/* Each add is taken back out of the view by win.undo. */
static void
test_undo_takes_back_each_add (Fixture       *f,
                               gconstpointer  data)
{
  PathwayRecordDialog *dialog;
  PathwayBoard *board;

  add_person_through_dialog (f, "Priya Raman", "Head of SEND", "");
  wait_for_rows (f, people_list, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for_rows (f, people_list, 0);

  activate (f, "setup.add", g_variant_new_string ("area"));
  dialog = record_dialog ();
  type_into (dialog, "number", "2");
  press_save (dialog);
  wait_for_rows (f, areas_list, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for_rows (f, areas_list, 0);

  activate (f, "setup.add", g_variant_new_string ("board"));
  dialog = record_dialog ();
  type_into (dialog, "name", "Health and Wellbeing Board");
  press_save (dialog);
  wait_for ("the board to be shown", has_board, f);
  board = first_of (pathway_programme_get_boards (programme_of (f)));

  activate (f, "setup.add-meeting", g_variant_new_int64 (pathway_board_get_id (board)));
  dialog = record_dialog ();
  type_into (dialog, "date", "2026-03-04");
  press_save (dialog);
  wait_for_rows (f, meetings_list, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for_rows (f, meetings_list, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  wait_for ("the board to go", has_no_board, f);
}

/* Screenshots ---------------------------------------------------------------------------------- */

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
}

static void
save_named_png (GtkWidget  *widget,
                const char *folder,
                const char *name,
                const char *scheme)
{
  g_autofree char *file = g_strdup_printf ("setup-%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  save_png (widget, path);
  g_test_message ("saved %s", path);
}

static gboolean
stack_still (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* Shows a section once its crossfade has ended. */
static void
show_section (Fixture    *f,
              const char *section)
{
  GtkWidget *stack = gtk_widget_get_parent (named_in (f->view, "people-list"));

  while (!GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  pathway_setup_view_show_section (f->view, section);
  g_assert_cmpstr (pathway_setup_view_get_section (f->view), ==, section);
  wait_for_drawn (f->view);
  wait_for ("the sections to stop moving", stack_still, stack);
}

/* Saves the dialog now over the window, then closes it. */
static void
save_dialog_png (GtkWindow  *dialog,
                 const char *folder,
                 const char *name,
                 const char *scheme)
{
  /* Twice: a text view learns its height from its text after it is first drawn. */
  wait_for_drawn (dialog);
  wait_for_drawn (dialog);
  save_named_png (GTK_WIDGET (dialog), folder, name, scheme);
  destroy_window (dialog);
}

static void
save_dialogs (Fixture    *f,
              const char *folder,
              const char *scheme)
{
  PathwayProgramme *programme = programme_of (f);
  PathwayPerson *person = person_called (f, "Priya Raman");
  PathwayAreaOfWeakness *area = first_of (pathway_programme_get_areas (programme));
  PathwayBoard *board = first_of (pathway_programme_get_boards (programme));
  PathwayRecordDialog *dialog;
  AdwMessageDialog *message;

  activate (f, "setup.edit", g_variant_new ("(sx)", "person", pathway_person_get_id (person)));
  save_dialog_png (GTK_WINDOW (record_dialog ()), folder, "person-dialog", scheme);

  activate (f, "setup.edit", g_variant_new ("(sx)", "area",
                                            pathway_area_of_weakness_get_id (area)));
  save_dialog_png (GTK_WINDOW (record_dialog ()), folder, "area-dialog", scheme);

  activate (f, "setup.edit", g_variant_new ("(sx)", "board", pathway_board_get_id (board)));
  save_dialog_png (GTK_WINDOW (record_dialog ()), folder, "board-dialog", scheme);

  /* A new meeting whose day the store refused. */
  activate (f, "setup.add-meeting", g_variant_new_int64 (pathway_board_get_id (board)));
  dialog = record_dialog ();
  type_into (dialog, "date", "2027-02-30");
  type_into (dialog, "time", "14:00");
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();
  save_dialog_png (GTK_WINDOW (dialog), folder, "meeting-dialog-refused", scheme);

  activate (f, "setup.add-meetings-by-rule", g_variant_new_int64 (pathway_board_get_id (board)));
  wait_for ("the rule dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_MEETING_RULE_DIALOG));
  save_dialog_png (find_toplevel (PATHWAY_TYPE_MEETING_RULE_DIALOG), folder, "rule-dialog",
                   scheme);

  /* A history with changes: the board's chair and cadence changed, with a note. */
  if (g_strcmp0 (pathway_board_get_cadence (board), "Every other month") != 0)
    {
      const char *fields[] = { "chair", "cadence", NULL };
      const char *values[] = { pathway_record_get_uuid (person), "Every other month", NULL };
      g_autoptr(GError) error = NULL;

      g_assert_true (pathway_document_set_fields (document_of (f), board, fields, values,
                                                  "Agreed at the annual review", &error));
      g_assert_no_error (error);
    }
  activate (f, "setup.history", g_variant_new ("(sx)", "board", pathway_board_get_id (board)));
  wait_for ("the history dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_HISTORY_DIALOG));
  save_dialog_png (find_toplevel (PATHWAY_TYPE_HISTORY_DIALOG), folder, "history-dialog",
                   scheme);

  activate (f, "setup.retire", g_variant_new ("(sx)", "person", pathway_person_get_id (person)));
  message = message_dialog ("retire-dialog");
  save_dialog_png (GTK_WINDOW (message), folder, "retire-dialog", scheme);

  /* Priya Raman leads actions and workstreams: retiring her is refused. */
  activate (f, "setup.retire", g_variant_new ("(sx)", "person", pathway_person_get_id (person)));
  answer (message_dialog ("retire-dialog"), "retire");
  save_dialog_png (GTK_WINDOW (message_dialog ("in-use-dialog")), folder, "in-use-dialog",
                   scheme);

  activate (f, "setup.merge", g_variant_new_int64 (pathway_person_get_id (person)));
  save_dialog_png (GTK_WINDOW (message_dialog ("merge-dialog")), folder, "merge-dialog", scheme);
}

/* Each section at 1280x800 and 1024x768, and each dialog, light and dark, on the demo. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const char *sections[] = { "people", "areas", "boards" };
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 768 } };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  wait_for_rows (f, people_list, g_list_model_get_n_items (
                   pathway_programme_get_people (programme_of (f))));

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          set_window_size (f, sizes[s][0], sizes[s][1]);
          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%dx%d", sections[i], sizes[s][0],
                                                       sizes[s][1]);

              show_section (f, sections[i]);
              save_named_png (GTK_WIDGET (f->window), folder, name, scheme);
            }
        }
      set_window_size (f, 1280, 800);
      save_dialogs (f, folder, scheme);
    }

  /* Folded, in a narrow window of its own (the main window's switcher bar is not the subject
   * here): a section's page with a way back to the list of sections. */
  {
    GtkWidget *narrow = adw_window_new ();
    GtkWidget *view = pathway_setup_view_new ();
    GtkWidget *leaflet;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    adw_window_set_content (ADW_WINDOW (narrow), view);
    gtk_window_set_default_size (GTK_WINDOW (narrow), 480, 700);
    pathway_view_set_document (PATHWAY_VIEW (view), document_of (f));
    gtk_window_present (GTK_WINDOW (narrow));
    wait_for_mapped (view);
    leaflet = find_of_type (view, ADW_TYPE_LEAFLET, NULL);
    wait_for_folded (leaflet, TRUE);
    pathway_setup_view_show_section (PATHWAY_SETUP_VIEW (view), "boards");
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
    g_assert_true (gtk_widget_get_visible (named_in (view, "boards-back")));
    wait_for_drawn (narrow);
    save_named_png (narrow, folder, "boards-480x700-folded", "light");
    destroy_window (narrow);
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
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

  g_test_add ("/ui/setup-view/builds-programme", Fixture, NULL, fixture_set_up,
              test_builds_programme, fixture_tear_down);
  g_test_add ("/ui/setup-view/edit-and-history", Fixture, NULL, fixture_set_up,
              test_edit_and_history, fixture_tear_down);
  g_test_add ("/ui/setup-view/retire-in-use-reassigns", Fixture, NULL, fixture_set_up,
              test_retire_in_use_reassigns, fixture_tear_down);
  g_test_add ("/ui/setup-view/merge-moves-lead", Fixture, NULL, fixture_set_up,
              test_merge_moves_lead, fixture_tear_down);
  g_test_add ("/ui/setup-view/undo-takes-back-each-add", Fixture, NULL, fixture_set_up,
              test_undo_takes_back_each_add, fixture_tear_down);
  g_test_add ("/ui/setup-view/refused-value-shown-beside-field", Fixture, NULL, fixture_set_up,
              test_refused_value_shown_beside_field, fixture_tear_down);
  g_test_add ("/ui/setup-view/search-filters-people", Fixture, NULL, fixture_set_up,
              test_search_filters_people, fixture_tear_down);
  g_test_add ("/ui/setup-view/read-only-changes-nothing", Fixture,
              GINT_TO_POINTER (READ_ONLY_PROGRAMME), fixture_set_up,
              test_read_only_changes_nothing, fixture_tear_down);
  g_test_add ("/ui/setup-view/screenshots", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
