/* test-workstreams.c: adding, changing and retiring workstreams in the Workstreams view of the
 * main window, on the demo programme (written into a temporary folder), through the view's
 * buttons and the workstream editor the way a person uses them. It proves that a workstream
 * added with a lead, a member and an area is in the model and the file and shown; that a
 * change of description is one undo step; that Cancel writes nothing and a code another
 * workstream has is refused beside the field; that retiring a workstream that actions still
 * belong to is refused by the store and the question names those actions, and that moving
 * them to another workstream and retiring is one undo step; that a read-only programme offers
 * none of it; and that the sidebar's arrows move the focus without choosing, Enter chooses and
 * Tab leaves the list. With PATHWAY_SCREENSHOT_DIR set it saves PNGs of the view at 1280x800
 * and 1024x768, of the editor (new, and a workstream's, at the top and at its members) and of
 * the question about retiring, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pathway-demo.h"
#include "pathway-history-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-window.h"
#include "pathway-workstream-editor.h"
#include "pathway-workstreams-view.h"

#define DESCRIPTION "Short breaks for families, with <b>respite</b> & holiday clubs."

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

static GtkWidget *
view_of (Fixture *f)
{
  GtkWidget *view = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_WORKSTREAMS_VIEW, NULL);

  g_assert_nonnull (view);
  return view;
}

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
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = named (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *widget = named (root, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static PathwayPerson *
person_called (Fixture    *f,
               const char *name)
{
  PathwayPerson *person = pathway_programme_find_person_by_name (programme_of (f), name);

  g_assert_nonnull (person);
  return person;
}

static PathwayWorkstream *
workstream_coded (Fixture    *f,
                  const char *code)
{
  return pathway_programme_find_workstream_by_code (programme_of (f), code);
}

/* Toplevels -------------------------------------------------------------------------------- */

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
wait_for_toplevel (GType type)
{
  GtkWidget *window;

  wait_for ("the window to open", toplevel_mapped, GSIZE_TO_POINTER (type));
  window = GTK_WIDGET (find_toplevel (type));
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

/* As a person answers: the response, then the dialog closes (as its buttons do, and
 * adw_message_dialog_response alone does not). */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* The view --------------------------------------------------------------------------------- */

static void
show_workstreams (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "workstreams"));
  wait_for_drawn (f->window);
}

static void
show_workstream (Fixture           *f,
                 PathwayWorkstream *workstream)
{
  show_workstreams (f);
  pathway_workstreams_view_select (PATHWAY_WORKSTREAMS_VIEW (view_of (f)),
                                   pathway_workstream_get_id (workstream));
  wait_for_drawn (view_of (f));
  g_assert_true (pathway_workstreams_view_get_selected (PATHWAY_WORKSTREAMS_VIEW (view_of (f))) ==
                 workstream);
}

static GtkWidget *
open_editor (Fixture    *f,
             const char *button)
{
  GtkWidget *editor;

  click (view_of (f), button);
  editor = wait_for_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  return editor;
}

static void
save_editor (GtkWidget *editor)
{
  click (editor, "workstream-save-button");
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
}

/* The check rows of the areas, in the programme's order. */
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

/* Ctrl+Enter saves, caught before the field with the focus (a text view would take it for a
 * new line). */
static gboolean
has_save_shortcut (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (strstr (trigger, "<Control>Return") != NULL && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           "editor.save"))
            return TRUE;
        }
    }
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-workstreams-XXXXXX", &error);
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

/* Adding and changing ---------------------------------------------------------------------- */

static void
test_adds_and_changes_workstream (Fixture       *f,
                                  gconstpointer  data)
{
  PathwayDocument *document = document_of (f);
  GtkWidget *editor;
  GtkWidget *view;
  GtkLabel *code_caption;
  g_autoptr(GPtrArray) area_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) member_rows = g_ptr_array_new ();
  g_autoptr(PathwayAreaOfWeakness) first_area = NULL;
  g_autoptr(PathwayAreaOfWeakness) linked_area = NULL;
  g_autoptr(PathwayMember) member = NULL;
  PathwayWorkstream *added;
  GListModel *areas;
  guint n_workstreams = g_list_model_get_n_items (pathway_programme_get_workstreams (
    programme_of (f)));
  char *mismatch;

  show_workstreams (f);
  view = view_of (f);
  editor = open_editor (f, "add-workstream-button");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Workstream");

  /* A code another workstream has is refused beside the field, and nothing is written. */
  type_into (editor, "workstream-code-row", "B");
  type_into (editor, "workstream-title-row", "Short breaks and respite");
  click (editor, "workstream-save-button");
  code_caption = GTK_LABEL (named (editor, "workstream-code-caption"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (code_caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (code_caption), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (code_caption), "Workstream B"));
  g_assert_true (gtk_widget_has_css_class (named (editor, "workstream-code-row"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_workstreams (
                      programme_of (f))), ==, n_workstreams);

  type_into (editor, "workstream-code-row", "F");
  type_into (editor, "workstream-description-view", DESCRIPTION);
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (named (editor, "workstream-lead-row")),
                                      person_called (f, "Priya Raman"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "workstream-organisation-row")), 2);

  /* A member: chosen, given a role, added to the list (nothing written yet). */
  pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (named (editor, "new-member-row")),
                                      person_called (f, "Beth Kowalski"));
  type_into (editor, "new-member-role-row", "Youth <representative>");
  click (editor, "add-member-button");
  collect_named (editor, "member-row", member_rows);
  g_assert_cmpuint (member_rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (member_rows->pdata[0])),
                   ==, "Beth Kowalski");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (member_rows->pdata[0])));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (named (editor,
                                                                        "member-role-entry")),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Role of Beth Kowalski");
  g_assert_cmpstr (mismatch, ==, NULL);

  /* The first area of weakness, ticked. */
  collect_named (editor, "area-check-row", area_rows);
  areas = pathway_programme_get_areas (programme_of (f));
  g_assert_cmpuint (area_rows->len, ==, g_list_model_get_n_items (areas));
  first_area = g_list_model_get_item (areas, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (
                                 ADW_ACTION_ROW (area_rows->pdata[0]))), TRUE);

  save_editor (editor);

  /* In the model (and so in the file: the model follows what was written), as typed. */
  added = workstream_coded (f, "F");
  g_assert_nonnull (added);
  g_assert_cmpstr (pathway_workstream_get_title (added), ==, "Short breaks and respite");
  g_assert_cmpstr (pathway_workstream_get_description (added), ==, DESCRIPTION);
  g_assert_true (pathway_workstream_get_lead (added) == person_called (f, "Priya Raman"));
  g_assert_cmpint (pathway_workstream_get_lead_organisation (added), ==, PATHWAY_LEAD_JOINT);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (added)), ==, 1);
  member = g_list_model_get_item (pathway_workstream_get_members (added), 0);
  g_assert_true (pathway_member_get_person (member) == person_called (f, "Beth Kowalski"));
  g_assert_cmpstr (pathway_member_get_role (member), ==, "Youth <representative>");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_areas (added)), ==, 1);
  linked_area = g_list_model_get_item (pathway_workstream_get_areas (added), 0);
  g_assert_true (linked_area == first_area);
  /* One step for the whole save. */
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Add workstream F");

  /* Shown, chosen in the list, with the text as written. */
  g_assert_true (pathway_workstreams_view_get_selected (PATHWAY_WORKSTREAMS_VIEW (view)) ==
                 added);
  wait_for_label_text (GTK_LABEL (named (view, "workstream-title")), "Short breaks and respite");
  wait_for_label_text (GTK_LABEL (named (view, "workstream-description")), DESCRIPTION);

  /* Changed: the description, then undone. */
  editor = open_editor (f, "edit-workstream-button");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Workstream");
  type_into (editor, "workstream-description-view", "Weekend and holiday short breaks.");
  g_assert_true (has_save_shortcut (editor));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
  g_assert_cmpstr (pathway_workstream_get_description (added), ==,
                   "Weekend and holiday short breaks.");
  wait_for_label_text (GTK_LABEL (named (view, "workstream-description")),
                       "Weekend and holiday short breaks.");
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Change workstream F");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (pathway_workstream_get_description (added), ==, DESCRIPTION);
  wait_for_label_text (GTK_LABEL (named (view, "workstream-description")), DESCRIPTION);
  /* The member and the area stay: only the last save was taken back. */
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (added)), ==, 1);
}

/* A member's role is changed, and another removed, in one save. */
static void
test_changes_members (Fixture       *f,
                      gconstpointer  data)
{
  PathwayWorkstream *b = workstream_coded (f, "B");
  GListModel *members = pathway_workstream_get_members (b);
  guint n = g_list_model_get_n_items (members);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(PathwayMember) first = g_list_model_get_item (members, 0);
  g_autoptr(PathwayMember) last = g_list_model_get_item (members, n - 1);
  GtkWidget *editor;
  GtkWidget *remove;

  show_workstream (f, b);
  editor = open_editor (f, "edit-workstream-button");
  collect_named (editor, "member-row", rows);
  g_assert_cmpuint (rows->len, ==, n);
  gtk_editable_set_text (GTK_EDITABLE (named (rows->pdata[0], "member-role-entry")), "Co-chair");
  remove = named (rows->pdata[n - 1], "member-remove-button");
  g_signal_emit_by_name (remove, "clicked");
  save_editor (editor);

  g_assert_cmpstr (pathway_member_get_role (first), ==, "Co-chair");
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n - 1);
  g_assert_true (pathway_document_is_retired (document_of (f), last));

  /* One undo takes both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  g_assert_cmpstr (pathway_member_get_role (first), !=, "Co-chair");
}

/* Cancel and Escape write nothing. */
static void
test_cancel_writes_nothing (Fixture       *f,
                            gconstpointer  data)
{
  PathwayWorkstream *b = workstream_coded (f, "B");
  g_autofree char *title = g_strdup (pathway_workstream_get_title (b));
  g_autofree char *undo_label = g_strdup (pathway_document_get_undo_label (document_of (f)));
  GtkWidget *editor;

  show_workstream (f, b);
  editor = open_editor (f, "edit-workstream-button");
  type_into (editor, "workstream-title-row", "Something else");
  click (editor, "workstream-cancel-button");
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
  g_assert_cmpstr (pathway_workstream_get_title (b), ==, title);

  editor = open_editor (f, "edit-workstream-button");
  type_into (editor, "workstream-title-row", "Something else");
  g_assert_true (gtk_widget_activate_action (editor, "editor.cancel", NULL));
  wait_for_no_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR);
  g_assert_cmpstr (pathway_workstream_get_title (b), ==, title);
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==, undo_label);
}

/* Retiring --------------------------------------------------------------------------------- */

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer parent)
{
  AdwMessageDialog *dialog = find_message_dialog (parent);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
has_no_message_dialog (gpointer parent)
{
  return find_message_dialog (parent) == NULL;
}

static GPtrArray *
actions_of (Fixture           *f,
            PathwayWorkstream *workstream)
{
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (pathway_action_get_workstream (action) == workstream)
        g_ptr_array_add (found, action); /* the programme's list holds it */
    }
  return found;
}

static gboolean
shows_another (gpointer data)
{
  Fixture *f = data;
  PathwayWorkstream *shown = pathway_workstreams_view_get_selected (
    PATHWAY_WORKSTREAMS_VIEW (view_of (f)));

  return shown != NULL && !pathway_document_is_retired (document_of (f), shown);
}

static void
test_retire_in_use_moves_actions (Fixture       *f,
                                  gconstpointer  data)
{
  PathwayDocument *document = document_of (f);
  PathwayWorkstream *b = workstream_coded (f, "B");
  PathwayWorkstream *c = workstream_coded (f, "C");
  g_autoptr(GPtrArray) actions = actions_of (f, b);
  g_autoptr(GPtrArray) c_before = actions_of (f, c);
  g_autoptr(GPtrArray) c_after = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *move_to;
  GListModel *choices;
  guint c_index = G_MAXUINT;

  g_assert_cmpuint (actions->len, >, 0);

  /* The store refuses, naming the actions. */
  g_assert_false (pathway_document_retire (document, b, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message,
                            pathway_action_get_reference (actions->pdata[0])));

  /* So does the question, which offers to move them. */
  show_workstream (f, b);
  g_assert_true (gtk_widget_activate_action (view_of (f), "workstreams.retire", NULL));
  wait_for ("the question about retiring", has_message_dialog, f->window);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "still in use"));
  for (guint i = 0; i < actions->len; i++)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                              pathway_action_get_reference (actions->pdata[i])));
  g_assert_true (adw_message_dialog_has_response (dialog, "move"));
  g_assert_false (adw_message_dialog_has_response (dialog, "retire"));

  /* Cancelled: nothing changes. */
  answer (dialog, "cancel");
  wait_for ("the question to close", has_no_message_dialog, f->window);
  g_assert_false (pathway_document_is_retired (document, b));

  /* Moved to C, and retired. */
  g_assert_true (gtk_widget_activate_action (view_of (f), "workstreams.retire", NULL));
  wait_for ("the question about retiring", has_message_dialog, f->window);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  move_to = named (GTK_WIDGET (dialog), "retire-move-to");
  choices = gtk_drop_down_get_model (GTK_DROP_DOWN (move_to));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *choice = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      g_assert_false (g_str_has_prefix (choice, "B "));
      if (g_str_has_prefix (choice, "C "))
        c_index = i;
    }
  g_assert_cmpuint (c_index, !=, G_MAXUINT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (move_to), c_index);
  answer (dialog, "move");
  wait_for ("the question to close", has_no_message_dialog, f->window);

  g_assert_true (pathway_document_is_retired (document, b));
  g_assert_null (workstream_coded (f, "B"));
  for (guint i = 0; i < actions->len; i++)
    g_assert_true (pathway_action_get_workstream (actions->pdata[i]) == c);
  c_after = actions_of (f, c);
  g_assert_cmpuint (c_after->len, ==, c_before->len + actions->len);
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Retire workstream B");
  /* The list lets it go, and shows another. */
  wait_for ("the list to show another workstream", shows_another, f);

  /* One undo brings it back with its actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_false (pathway_document_is_retired (document, b));
  for (guint i = 0; i < actions->len; i++)
    g_assert_true (pathway_action_get_workstream (actions->pdata[i]) == b);
}

static void
test_retire_unused (Fixture       *f,
                    gconstpointer  data)
{
  PathwayDocument *document = document_of (f);
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  pathway_workstream_set_code (draft, "Z");
  pathway_workstream_set_title (draft, "Nothing yet");
  g_assert_true (pathway_document_add_workstream (document, draft, &error));
  g_assert_no_error (error);

  show_workstream (f, draft);
  g_assert_true (gtk_widget_activate_action (view_of (f), "workstreams.retire", NULL));
  wait_for ("the question about retiring", has_message_dialog, f->window);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Retire Workstream Z?");
  g_assert_false (adw_message_dialog_has_response (dialog, "move"));
  answer (dialog, "retire");
  wait_for ("the question to close", has_no_message_dialog, f->window);
  g_assert_true (pathway_document_is_retired (document, draft));
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Retire workstream Z");
}

/* The page's menu shows the workstream's history: a change of its title is there. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  PathwayDocument *document = document_of (f);
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  pathway_workstream_set_code (draft, "H");
  pathway_workstream_set_title (draft, "Health");
  g_assert_true (pathway_document_add_workstream (document, draft, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (document, draft, "title", "Health and care",
                                            &error));
  g_assert_no_error (error);

  show_workstream (f, draft);
  g_assert_true (gtk_widget_activate_action (view_of (f), "workstreams.history", NULL));
  dialog = wait_for_toplevel (PATHWAY_TYPE_HISTORY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_no_toplevel (PATHWAY_TYPE_HISTORY_DIALOG);
}

/* Read-only -------------------------------------------------------------------------------- */

static void
test_read_only_offers_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Copy for the board.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_window_load (f->window, copy, PATHWAY_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);

  show_workstream (f, workstream_coded (f, "B"));
  g_assert_true (gtk_widget_is_drawable (named (view_of (f), "add-workstream-button")));
  g_assert_false (gtk_widget_is_sensitive (named (view_of (f), "add-workstream-button")));
  g_assert_false (gtk_widget_is_sensitive (named (view_of (f), "edit-workstream-button")));
  /* The actions are off, whatever asks for them. */
  gtk_widget_activate_action (view_of (f), "workstreams.retire", NULL);
  gtk_widget_activate_action (view_of (f), "workstreams.add", NULL);
  drain_main_loop ();
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));
  g_assert_null (find_toplevel (PATHWAY_TYPE_WORKSTREAM_EDITOR));
}

/* Screenshots ------------------------------------------------------------------------------ */

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
save (GtkWidget  *widget,
      const char *folder,
      const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  save_png (widget, path);
  g_test_message ("saved %s", path);
}

/* Scrolls the window so that the widget is near the top of what shows. */
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

/* Keyboard ---------------------------------------------------------------------------------- */

static gpointer
selected_workstream (GtkWidget *view)
{
  return pathway_workstreams_view_get_selected (PATHWAY_WORKSTREAMS_VIEW (view));
}

static void
test_sidebar_chooses_on_enter (Fixture       *f,
                               gconstpointer  data)
{
  show_workstreams (f);
  ui_test_check_sidebar_keys (GTK_WIDGET (f->window), view_of (f),
                      GTK_LIST_BOX (named (view_of (f), "workstream-list")),
                      selected_workstream);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 768 } };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PathwayWorkstream *b = workstream_coded (f, "B");

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autofree char *fresh = g_strdup_printf ("workstream-editor-new-%s.png", scheme);
      g_autofree char *error_name = g_strdup_printf ("workstream-editor-code-taken-%s.png",
                                                     scheme);
      g_autofree char *top = g_strdup_printf ("workstream-editor-%s.png", scheme);
      g_autofree char *members = g_strdup_printf ("workstream-editor-members-%s.png", scheme);
      g_autofree char *areas = g_strdup_printf ("workstream-editor-areas-%s.png", scheme);
      g_autofree char *question = g_strdup_printf ("workstream-retire-in-use-%s.png", scheme);
      GtkWidget *editor;
      AdwMessageDialog *dialog;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *name = g_strdup_printf ("workstreams-view-%dx%d-%s.png",
                                                   sizes[s].width, sizes[s].height, scheme);

          if (!resize (f, sizes[s].width, sizes[s].height))
            continue;
          show_workstream (f, b);
          save (GTK_WIDGET (f->window), folder, name);
        }
      resize (f, 1280, 800);
      show_workstream (f, b);

      editor = open_editor (f, "add-workstream-button");
      save (editor, folder, fresh);
      type_into (editor, "workstream-code-row", "B");
      click (editor, "workstream-save-button");
      save (editor, folder, error_name);
      destroy_window (editor);

      editor = open_editor (f, "edit-workstream-button");
      save (editor, folder, top);
      scroll_to (named (editor, "workstream-members-group"));
      save (editor, folder, members);
      scroll_to (named (editor, "workstream-areas-group"));
      save (editor, folder, areas);
      destroy_window (editor);

      g_assert_true (gtk_widget_activate_action (view_of (f), "workstreams.retire", NULL));
      wait_for ("the question about retiring", has_message_dialog, f->window);
      dialog = find_message_dialog (GTK_WINDOW (f->window));
      save (GTK_WIDGET (dialog), folder, question);
      answer (dialog, "cancel");
      wait_for ("the question to close", has_no_message_dialog, f->window);
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

  ADD ("/ui/workstreams/adds-and-changes-workstream", test_adds_and_changes_workstream);
  ADD ("/ui/workstreams/changes-members", test_changes_members);
  ADD ("/ui/workstreams/cancel-writes-nothing", test_cancel_writes_nothing);
  ADD ("/ui/workstreams/retire-in-use-moves-actions", test_retire_in_use_moves_actions);
  ADD ("/ui/workstreams/retire-unused", test_retire_unused);
  ADD ("/ui/workstreams/history", test_history);
  ADD ("/ui/workstreams/read-only-offers-nothing", test_read_only_offers_nothing);
  ADD ("/ui/workstreams/sidebar-chooses-on-enter", test_sidebar_chooses_on_enter);
  ADD ("/ui/workstreams/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
