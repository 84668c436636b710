/* test-action-editor.c: the action editor on a real programme file (the demo, written into a
 * temporary folder), driven through its own widgets the way a person uses them. It proves that
 * a rating changed in the editor becomes one update carrying its note, in the model and in the
 * file, and that undo takes it back with a row of its own; that a change of rating without a
 * note, a new action without a reference, a reference another action has and a revision
 * without a reason are all refused with the reason shown beside the field; that a failed save
 * keeps the editor open and says why; that closing with unsaved changes asks first; that
 * deleting goes through the main window; that a read-only programme can be read and not
 * changed; and that the person's text, markup characters and all, is kept and shown as
 * written, in the fields and in the history. With PATHWAY_SCREENSHOT_DIR set it saves the
 * editor (at its own size, over the main window at 1280x800) as PNGs: both pages, top and
 * bottom, light and dark; a change waiting for its note and reason; a new action; the
 * read-only editor; and the list of themes. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "pathway-action-editor.h"
#include "pathway-actions-view.h"
#include "pathway-editor-details-section.h"
#include "pathway-editor-fields.h"
#include "pathway-demo.h"
#include "pathway-person-picker.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\" <b>x</b>"
#define NOTE "Agreed at the March board: the survey slipped"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwayActionEditor *editor; /* weak */
} Fixture;

/* A label showing exactly this text, as a person would read it. */
static GtkLabel *
find_label_showing (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
widget_named (Fixture    *f,
              const char *name)
{
  GtkWidget *widget;

  g_assert_nonnull (f->editor);
  widget = find_named (GTK_WIDGET (f->editor), name);
  if (widget == NULL)
    g_error ("no widget named %s in the editor", name);
  return widget;
}

static void
type_into (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *widget = widget_named (f, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
click (Fixture    *f,
       const char *name)
{
  g_signal_emit_by_name (widget_named (f, name), "clicked");
}

static gboolean
shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (!gtk_widget_get_visible (w))
        return FALSE;
      if (GTK_IS_REVEALER (w) && !gtk_revealer_get_reveal_child (GTK_REVEALER (w)))
        return FALSE;
    }
  return TRUE;
}

/* A caption under a field that says what is wrong. */
static void
assert_error_shown (Fixture    *f,
                    const char *label_name,
                    const char *row_name,
                    const char *text)
{
  GtkWidget *label = widget_named (f, label_name);

  g_assert_true (shown (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_true (gtk_widget_has_css_class (widget_named (f, row_name), "error"));
}

static gboolean
save_enabled (Fixture *f)
{
  return gtk_widget_get_sensitive (widget_named (f, "save-button"));
}

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

static PathwayAction *
action_called (Fixture    *f,
               const char *reference)
{
  PathwayAction *action = pathway_programme_find_action_by_reference (programme_of (f),
                                                                      reference);

  g_assert_nonnull (action);
  return action;
}

static void
open_editor (Fixture       *f,
             PathwayAction *action)
{
  f->editor = pathway_action_editor_new (GTK_WINDOW (f->window), document_of (f), action);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (GTK_WINDOW (f->editor));
  wait_for_drawn (f->editor);
}

static gboolean
editor_gone (gpointer data)
{
  Fixture *f = data;

  return f->editor == NULL;
}

/* Runs what the save left ready to run, so that an editor that was going to close has
 * closed, and one still open will stay so. */
static void
press_save (Fixture *f)
{
  click (f, "save-button");
  drain_main_loop ();
}

static guint
n_updates (Fixture       *f,
           PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document_of (f), action,
                                                                 &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (updates);
}

static PathwayActionUpdate *
last_update (Fixture       *f,
             PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document_of (f), action,
                                                                 &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (updates);
  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (updates, n - 1);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer parent)
{
  return find_message_dialog (parent) != NULL;
}

static gboolean
has_no_message_dialog (gpointer parent)
{
  return find_message_dialog (parent) == NULL;
}

/* As a person answers: the response, then the dialog closes (as its buttons do, and
 * adw_message_dialog_response alone does not). */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static gboolean
theme_is_governance (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget_named (f, "theme-row"))),
                    "Governance") == 0;
}

static void
load_window (Fixture          *f,
             const char       *path,
             PathwayOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_window_load (f->window, path, flags, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-editor-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);

  f->window = pathway_window_new (NULL);
  load_window (f, f->path, PATHWAY_OPEN_DEFAULT);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    destroy_window (f->editor);
  if (f->window != NULL)
    destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Counts the rows of the file's history for one action that match, read with SQLite itself
 * once the document has let the file go. */
static int
count_rows (const char *path,
            const char *sql,
            gint64      action_id,
            const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The rating, changed with the editor's own buttons and saved with a note, is one update in
 * the model, the file and the history; the window offers to undo it, and undo writes a row of
 * its own that puts the rating back. */
static void
test_rating_change_is_one_update_with_note (Fixture       *f,
                                            gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  gint64 id = pathway_action_get_id (action);
  guint before = n_updates (f, action);
  g_autoptr(PathwayActionUpdate) update = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  open_editor (f, action);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "1B vi");
  g_assert_false (save_enabled (f));

  click (f, "rating-red");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget_named (f,
                                                                                "rating-red"))));
  g_assert_true (shown (widget_named (f, "note-row")));
  g_assert_false (save_enabled (f));
  type_into (f, "note-row", NOTE);
  g_assert_true (save_enabled (f));
  /* Nothing is written until Save. */
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);

  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  g_assert_cmpuint (n_updates (f, action), ==, before + 1);
  update = last_update (f, action);
  g_assert_cmpint (pathway_action_update_get_field (update), ==, PATHWAY_FIELD_RATING);
  g_assert_cmpstr (pathway_action_update_get_from_value (update), ==, "green");
  g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, "red");
  g_assert_cmpstr (pathway_action_update_get_note (update), ==, NOTE);
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==, "Update 1B vi");
  g_assert_nonnull (find_label_showing (GTK_WIDGET (f->window), "Saved 1B vi"));

  /* The history shows it, with the programme's words and the note. */
  open_editor (f, action);
  g_assert_nonnull (find_label_showing (widget_named (f, "timeline-list"), NOTE));
  g_assert_nonnull (find_label_showing (widget_named (f, "timeline-list"), "Red"));
  destroy_window (f->editor);

  g_assert_true (pathway_document_undo (document_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpuint (n_updates (f, action), ==, before + 2);

  /* In the file, read once the window has closed it. */
  destroy_window (f->window);
  f->window = NULL;
  g_assert_cmpint (count_rows (f->path,
                               "SELECT count(*) FROM change_log"
                               " WHERE kind = 'action' AND record_id = ?1"
                               " AND field = 1 AND from_value = 'green' AND to_value = 'red'"
                               " AND note = ?2", id, NOTE), ==, 1);
  g_assert_cmpint (count_rows (f->path,
                               "SELECT count(*) FROM change_log"
                               " WHERE kind = 'action' AND record_id = ?1"
                               " AND field = 1 AND from_value = 'red' AND to_value = 'green'",
                               id, NULL), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM action WHERE id = ?1"
                               " AND rating = 'green'", id, NULL), ==, 1);
}

/* Making an action red asks for its recovery plan, which is saved with the update and kept with
 * its history; a green action's editor does not show the field. */
static void
test_red_asks_for_recovery_plan (Fixture       *f,
                                 gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");

  open_editor (f, action);
  g_assert_false (shown (widget_named (f, "recovery-group")));
  click (f, "rating-red");
  g_assert_true (shown (widget_named (f, "recovery-group")));
  type_into (f, "note-row", NOTE);
  type_into (f, "recovery-plan-view", "Extra therapists from January; back on track by March.");
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  g_assert_cmpstr (pathway_action_get_recovery_plan (action), ==,
                   "Extra therapists from January; back on track by March.");
}

static void
test_refuses_rating_change_without_note (Fixture       *f,
                                         gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  guint before = n_updates (f, action);

  open_editor (f, action);
  click (f, "rating-amber");
  press_save (f);
  g_assert_nonnull (f->editor);
  g_assert_false (save_enabled (f));
  assert_error_shown (f, "note-error", "note-row",
                      "A short note is needed when the rating, status or timescale changes");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);

  /* Ctrl+S, the other way to save, is refused too. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  drain_main_loop ();
  g_assert_nonnull (f->editor);
  g_assert_cmpuint (n_updates (f, action), ==, before);

  /* A status change asks for it as well; going back to the rating it had does not. */
  click (f, "rating-green");
  g_assert_false (shown (widget_named (f, "note-row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget_named (f, "status-row")),
                              PATHWAY_STATUS_DELAYED);
  g_assert_true (shown (widget_named (f, "note-row")));
  g_assert_false (save_enabled (f));
}

static void
test_refuses_new_action_without_reference (Fixture       *f,
                                           gconstpointer  data)
{
  guint before = g_list_model_get_n_items (pathway_programme_get_actions (programme_of (f)));
  GtkWidget *reference_error;

  open_editor (f, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "New action");
  /* The reference is typed first: the keyboard starts there. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->editor)) != NULL &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->editor)),
                                         widget_named (f, "reference-row")));
  g_assert_false (save_enabled (f));
  g_assert_false (shown (widget_named (f, "page-switcher")));
  type_into (f, "description-view", "Publish a guide to the local offer");
  press_save (f);
  g_assert_nonnull (f->editor);
  /* Until the person has been in the field, what is needed is said without alarm. */
  reference_error = widget_named (f, "reference-error");
  g_assert_true (shown (reference_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (reference_error)),
                            "needs a reference"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (programme_of (f))),
                    ==, before);

  /* Spaces are not a reference either. */
  type_into (f, "reference-row", "   ");
  g_assert_false (save_enabled (f));
  assert_error_shown (f, "reference-error", "reference-row", "needs a reference");
}

static void
test_refuses_reference_of_another_action (Fixture       *f,
                                          gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");

  open_editor (f, action);
  type_into (f, "reference-row", "1A ii");
  g_assert_false (save_enabled (f));
  assert_error_shown (f, "reference-error", "reference-row", "already the reference");
  press_save (f);
  g_assert_cmpstr (pathway_action_get_reference (action), ==, "1B vi");

  type_into (f, "reference-row", "1B vii");
  g_assert_false (shown (widget_named (f, "reference-error")));
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpstr (pathway_action_get_reference (action), ==, "1B vii");
}

/* A new action, with the person's text in every field, is added and shows as written; its
 * first history entry says it was created. */
static void
test_adds_new_action_with_text_as_written (Fixture       *f,
                                           gconstpointer  data)
{
  PathwayAction *action;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(PathwayActionUpdate) first = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GtkLabel *title;

  open_editor (f, NULL);
  type_into (f, "reference-row", TRICKY);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, TRICKY);
  type_into (f, "description-view", TRICKY);
  type_into (f, "theme-row", TRICKY);
  type_into (f, "public-summary-view", "Families will hear back within five days.");
  type_into (f, "original-row", "Dec 26");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "original-caption"))), ==,
                   "Means 31 December 2026");
  click (f, "rating-amber");
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);

  action = action_called (f, TRICKY);
  g_assert_cmpstr (pathway_action_get_description (action), ==, TRICKY);
  g_assert_cmpstr (pathway_action_get_theme (action), ==, TRICKY);
  g_assert_cmpstr (pathway_action_get_public_summary (action), ==,
                   "Families will hear back within five days.");
  g_assert_cmpstr (pathway_action_get_original_timescale (action)->text, ==, "Dec 26");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);
  g_assert_nonnull (find_label_showing (GTK_WIDGET (f->window), "Added " TRICKY));
  updates = pathway_document_list_updates (document_of (f), action, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (updates, 0);
  g_assert_cmpint (pathway_action_update_get_field (first), ==, PATHWAY_FIELD_CREATED);

  /* Opened again: the fields and the title read exactly as typed. */
  open_editor (f, action);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget_named (f, "reference-row"))),
                   ==, TRICKY);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget_named (f, "description-view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, TRICKY);
  title = find_label_showing (widget_named (f, "editor-title"), TRICKY);
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (title));
  /* The original timescale is now fixed. */
  g_assert_false (shown (widget_named (f, "original-row")));
  g_assert_true (shown (widget_named (f, "original-fixed-row")));
}

/* The person's text in the description round-trips through the file and shows literally in
 * the history. */
static void
test_description_shows_literally_in_history (Fixture       *f,
                                             gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  g_autoptr(PathwayActionUpdate) update = NULL;
  GtkLabel *label;

  open_editor (f, action);
  type_into (f, "description-view", TRICKY);
  /* Wording needs no note. */
  g_assert_false (shown (widget_named (f, "note-row")));
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpstr (pathway_action_get_description (action), ==, TRICKY);
  update = last_update (f, action);
  g_assert_cmpint (pathway_action_update_get_field (update), ==, PATHWAY_FIELD_TEXT);
  g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, TRICKY);

  open_editor (f, action);
  label = find_label_showing (widget_named (f, "timeline-list"), TRICKY);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
}

static void
test_revision_needs_reason (Fixture       *f,
                            gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(PathwayTimescaleRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayTimescale *revised;

  open_editor (f, action);
  g_assert_true (shown (widget_named (f, "original-fixed-row")));
  click (f, "revise-button");
  type_into (f, "new-timescale-row", "Spring Term 2026");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "new-timescale-caption"))),
                   ==, "Means 31 March 2026");
  assert_error_shown (f, "reason-error", "reason-row", "needs a reason");
  g_assert_false (save_enabled (f));
  press_save (f);
  g_assert_nonnull (f->editor);
  g_assert_null (pathway_action_get_revised_timescale (action));

  /* Text that names no date is kept as written, and said to be. */
  type_into (f, "new-timescale-row", "when the new team is in post");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "new-timescale-caption"))),
                   ==, "Kept as written: no date");
  g_assert_true (gtk_widget_has_css_class (widget_named (f, "new-timescale-caption"),
                                           "warning"));

  type_into (f, "new-timescale-row", "Spring Term 2026");
  type_into (f, "reason-row", TRICKY);
  type_into (f, "approved-by-row", "SEND Improvement Board");
  type_into (f, "approved-on-row", "next Tuesday");
  assert_error_shown (f, "approved-on-caption", "approved-on-row", "such as");
  g_assert_false (save_enabled (f));
  type_into (f, "approved-on-row", "12 March 2026");
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);

  revised = pathway_action_get_revised_timescale (action);
  g_assert_nonnull (revised);
  g_assert_cmpstr (revised->text, ==, "Spring Term 2026");
  revisions = pathway_document_list_revisions (document_of (f), action, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  revision = g_list_model_get_item (revisions, 0);
  g_assert_cmpstr (pathway_timescale_revision_get_reason (revision), ==, TRICKY);
  g_assert_cmpstr (pathway_timescale_revision_get_approved_by (revision), ==,
                   "SEND Improvement Board");

  open_editor (f, action);
  g_assert_nonnull (find_label_showing (widget_named (f, "revisions-list"),
                                        "Reason: " TRICKY));
  g_assert_nonnull (find_label_showing (widget_named (f, "timeline-list"),
                                        "Revised timescale: Spring Term 2026"));
}

/* Several fields saved together are one step: one undo takes them all back. */
static void
test_one_save_is_one_undo (Fixture       *f,
                           gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  g_autofree char *commentary = g_strdup (pathway_action_get_commentary (action));
  g_autoptr(GError) error = NULL;

  open_editor (f, action);
  click (f, "rating-amber");
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget_named (f, "status-row")),
                              PATHWAY_STATUS_DELAYED);
  type_into (f, "note-row", NOTE);
  type_into (f, "commentary-view", "Waiting for the survey results.");
  type_into (f, "theme-row", "Participation");
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_DELAYED);
  g_assert_cmpstr (pathway_action_get_theme (action), ==, "Participation");

  g_assert_true (pathway_document_undo (document_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_COMPLETE);
  g_assert_cmpstr (pathway_action_get_commentary (action), ==, commentary);
  g_assert_cmpstr (pathway_action_get_theme (action), ==, "Co-production");
}

/* Scrolls the page holding 'widget' until the widget is in view, as a person would before
 * pressing it: a popover opened from a widget scrolled out of sight has nowhere to show. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  double x, y;

  g_assert_nonnull (scrolled);
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  wait_for_drawn (scrolled);
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, MAX (0, y - 48));
  wait_for_drawn (scrolled);
}

/* The themes already in use are offered; evidence is added with the save, dated as the
 * person wrote it, and listed. */
static void
test_offers_themes_and_adds_evidence (Fixture       *f,
                                      gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(PathwayEvidence) added = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *governance;
  GtkWidget *row;
  char date[16];

  before = pathway_document_list_evidence (document_of (f), action, &error);
  g_assert_no_error (error);

  open_editor (f, action);
  scroll_into_view (widget_named (f, "theme-button"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (widget_named (f, "theme-button")));
  wait_for_mapped (widget_named (f, "theme-list"));
  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("PATHWAY_SCREENSHOT_DIR"),
                                                "action-editor-themes.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (g_getenv ("PATHWAY_SCREENSHOT_DIR"), 0755), ==, 0);
      save_png (gtk_widget_get_ancestor (widget_named (f, "theme-list"), GTK_TYPE_POPOVER), path);
    }
  governance = find_label_showing (widget_named (f, "theme-list"), "Governance");
  g_assert_nonnull (governance);
  row = gtk_widget_get_ancestor (GTK_WIDGET (governance), GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (widget_named (f, "theme-list"), "row-activated", row);
  wait_for ("the theme to read Governance", theme_is_governance, f);

  type_into (f, "evidence-source-row", "Termly survey");
  assert_error_shown (f, "evidence-error", "evidence-text-row", "Say what has changed");
  g_assert_false (save_enabled (f));
  type_into (f, "evidence-text-row", TRICKY);
  type_into (f, "evidence-date-row", "the other week");
  assert_error_shown (f, "evidence-error", "evidence-date-row", "such as");
  type_into (f, "evidence-date-row", "14/07/2026");
  g_assert_false (shown (widget_named (f, "evidence-error")));
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);

  g_assert_cmpstr (pathway_action_get_theme (action), ==, "Governance");
  after = pathway_document_list_evidence (document_of (f), action, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==,
                    g_list_model_get_n_items (before) + 1);
  added = g_list_model_get_item (after, g_list_model_get_n_items (after) - 1);
  g_assert_cmpstr (pathway_evidence_get_text (added), ==, TRICKY);
  g_assert_cmpstr (pathway_evidence_get_source (added), ==, "Termly survey");
  g_assert_nonnull (pathway_evidence_get_date (added));
  g_date_strftime (date, sizeof date, "%Y-%m-%d", pathway_evidence_get_date (added));
  g_assert_cmpstr (date, ==, "2026-07-14");

  /* Listed with the action, as written. */
  open_editor (f, action);
  g_assert_true (shown (widget_named (f, "evidence-list")));
  row = gtk_widget_get_ancestor (GTK_WIDGET (find_label_showing (widget_named (f,
                                                                               "evidence-list"),
                                                                 TRICKY)),
                                 ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "14 July 2026 · Termly survey");
}

/* A save the document refuses leaves the editor open, with the reason at the top and every
 * field as typed. */
static void
test_failed_save_keeps_editor_open (Fixture       *f,
                                    gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  GtkWidget *message;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  open_editor (f, action);
  type_into (f, "commentary-view", "Written after the file was closed.");
  pathway_document_close (document_of (f));
  press_save (f);
  g_assert_nonnull (f->editor);
  message = widget_named (f, "save-error");
  g_assert_true (shown (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");
  g_assert_cmpstr (pathway_action_get_commentary (action), !=,
                   "Written after the file was closed.");
  /* What was typed is still there. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget_named (f, "commentary-view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Written after the file was closed.");
}

static void
test_discard_asks_first (Fixture       *f,
                         gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  AdwMessageDialog *dialog;

  /* Nothing changed: Escape closes at once. */
  open_editor (f, action);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  wait_for ("the editor to close", editor_gone, f);

  open_editor (f, action);
  type_into (f, "theme-row", "Something else");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  wait_for ("the editor to ask before discarding", has_message_dialog, f->editor);
  g_assert_nonnull (f->editor);
  dialog = find_message_dialog (GTK_WINDOW (f->editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  answer (dialog, "cancel");
  wait_for ("the question to go once answered", has_no_message_dialog, f->editor);
  drain_main_loop ();
  g_assert_nonnull (f->editor);

  gtk_window_close (GTK_WINDOW (f->editor));
  wait_for ("the editor to ask again before closing", has_message_dialog, f->editor);
  dialog = find_message_dialog (GTK_WINDOW (f->editor));
  answer (dialog, "discard");
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpstr (pathway_action_get_theme (action), ==, "Co-production");
}

static void
test_delete_goes_through_window (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(PathwayAction) action = g_object_ref (action_called (f, "1B vi"));
  AdwMessageDialog *dialog;

  open_editor (f, action);
  g_assert_true (shown (widget_named (f, "delete-button")));
  click (f, "delete-button");
  wait_for ("the editor to ask before deleting", has_message_dialog, f->editor);
  dialog = find_message_dialog (GTK_WINDOW (f->editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete 1B vi?");
  answer (dialog, "delete");
  wait_for ("the editor to close", editor_gone, f);
  g_assert_true (pathway_action_get_deleted (action));
  g_assert_null (pathway_programme_find_action_by_reference (programme_of (f), "1B vi"));
  g_assert_nonnull (find_label_showing (GTK_WIDGET (f->window), "Deleted 1B vi"));
}

static void
test_read_only_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Copy for the board.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  GtkWidget *reason;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  load_window (f, copy, PATHWAY_OPEN_READ_ONLY);

  open_editor (f, action_called (f, "1B vi"));
  reason = widget_named (f, "read-only-reason");
  g_assert_true (shown (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==,
                   pathway_document_get_read_only_reason (document_of (f)));
  g_assert_false (gtk_widget_get_visible (widget_named (f, "save-button")));
  g_assert_false (gtk_widget_is_sensitive (widget_named (f, "reference-row")));
  g_assert_false (gtk_widget_is_sensitive (widget_named (f, "rating-red")));
  g_assert_false (gtk_widget_is_sensitive (widget_named (f, "description-view")));
  g_assert_false (shown (widget_named (f, "delete-button")));
  /* The history can still be read. */
  g_assert_true (gtk_widget_is_sensitive (widget_named (f, "timeline-list")));
  if (folder != NULL && folder[0] != '\0')
    {
      g_autofree char *path = g_build_filename (folder, "action-editor-read-only.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      save_png (f->editor, path);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL);
  wait_for ("the editor to close", editor_gone, f);
}

/* The lead is chosen from the programme's people, "None" first and then by name; typing finds
 * a person and Enter chooses them; the row's accessible name says what it chooses and who. A
 * new lead needs no note. */
static void
test_lead_picker_sorts_and_searches (Fixture       *f,
                                     gconstpointer  data)
{
  PathwayAction *action = action_called (f, "2A ii");
  guint n_people = g_list_model_get_n_items (pathway_programme_get_people (programme_of (f)));
  g_autofree char *previous = g_strdup ("");
  g_autoptr(GObject) none = NULL;
  GListModel *choices;
  GtkWidget *picker;
  char *mismatch;

  open_editor (f, action);
  picker = widget_named (f, "lead-row");
  g_assert_true (PATHWAY_IS_PERSON_PICKER (picker));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Lead: Mark Pennington");
  g_assert_cmpstr (mismatch, ==, NULL);

  choices = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget_named (f,
                                                                                "person-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, n_people + 1);
  none = g_list_model_get_item (choices, 0);
  g_assert_false (PATHWAY_IS_PERSON (none));
  for (guint i = 1; i <= n_people; i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (choices, i);
      char *name = g_utf8_casefold (pathway_person_get_name (person), -1);

      g_assert_cmpint (g_utf8_collate (previous, name), <=, 0);
      g_free (previous);
      previous = name;
    }

  type_into (f, "person-search", "begum");
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 1);
  g_signal_emit_by_name (widget_named (f, "person-search"), "activate");
  g_assert_cmpstr (pathway_person_get_name (pathway_person_picker_get_selected (
                     PATHWAY_PERSON_PICKER (picker))), ==, "Aisha Begum");
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (picker),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Lead: Aisha Begum");
  g_assert_cmpstr (mismatch, ==, NULL);
  g_assert_false (shown (widget_named (f, "note-row")));
  g_assert_true (save_enabled (f));
  press_save (f);
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (action)), ==, "Aisha Begum");
}

/* Screenshots ---------------------------------------------------------------------------------- */

static gboolean
stack_still (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static void
save_editor_png (Fixture    *f,
                 const char *folder,
                 const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  save_png (f->editor, path);
  g_test_message ("saved %s", path);
}

/* The page showing now, scrolled so that 'fraction' of what is below the first screen is
 * above it. */
static void
scroll_page (GtkStack *stack,
             double    fraction)
{
  GtkWidget *page = gtk_stack_get_visible_child (stack);
  GtkWidget *scrolled = page;
  GtkAdjustment *adjustment;

  while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
    scrolled = gtk_widget_get_first_child (scrolled);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment,
                            fraction * (gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment)));
}

static void
show_page (GtkStack   *stack,
           const char *name,
           double      scrolled)
{
  gtk_stack_set_visible_child_name (stack, name);
  wait_for ("the editor's page to finish switching", stack_still, stack);
  /* Laid out, so that the page knows how far it scrolls. */
  wait_for_drawn (stack);
  scroll_page (stack, scrolled);
}


/* An update starts at the rating: the progress comes first and has the focus, the details
 * follow; Ctrl+Enter saves from anywhere in the editor. A new action starts at its details. */
static void
test_leads_with_the_update (Fixture       *f,
                            gconstpointer  data)
{
  PathwayAction *action = action_called (f, "1B vi");
  GtkWidget *focus, *progress, *details;
  g_autofree char *expected = NULL;

  open_editor (f, action);
  expected = g_strdup_printf ("rating-%s",
                              pathway_rating_to_nick (pathway_action_get_rating (action)));
  focus = gtk_root_get_focus (GTK_ROOT (f->editor));
  g_assert_nonnull (focus);
  g_assert_cmpstr (gtk_widget_get_name (focus), ==, expected);
  /* The commentary says when it was written. */
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (
                                     ADW_PREFERENCES_GROUP (widget_named (f, "commentary-group"))),
                                   "Written "));

  /* The progress is above the action's definition on the page. */
  progress = gtk_widget_get_ancestor (widget_named (f, "rating-buttons"), GTK_TYPE_BOX);
  details = widget_named (f, "theme-row");
  {
    double progress_y, details_y, x;
    GtkWidget *page = gtk_widget_get_ancestor (details, GTK_TYPE_SCROLLED_WINDOW);

    g_assert_true (gtk_widget_translate_coordinates (progress, page, 0, 0, &x, &progress_y));
    g_assert_true (gtk_widget_translate_coordinates (details, page, 0, 0, &x, &details_y));
    g_assert_cmpfloat (progress_y, <, details_y);
  }

  click (f, "rating-amber");
  type_into (f, "note-row", NOTE);
  gtk_widget_grab_focus (widget_named (f, "commentary-view"));
  /* Ctrl+Enter is caught on the way down, before the text view could take Enter itself. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->editor));
    gboolean captured = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
          continue;
        for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                     k);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            captured |= GTK_IS_NAMED_ACTION (action) &&
                        g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                   "editor.save") == 0;
          }
      }
    g_assert_true (captured);
  }
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->editor), GDK_KEY_Return, GDK_CONTROL_MASK));
  drain_main_loop ();
  wait_for ("the editor to close", editor_gone, f);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);

  open_editor (f, NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->editor));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, PATHWAY_TYPE_EDITOR_DETAILS_SECTION));
}

/* The actions a monthly update since 'since' should visit, worked out from each action's
 * history here rather than by the store's query: not complete, and no change of rating,
 * status or commentary (or creation) from the start of that day. In the plan's order. */
static GPtrArray *
expected_round (Fixture *f, const GDate *since)
{
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  GPtrArray *expected = g_ptr_array_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (since),
                                                      g_date_get_month (since),
                                                      g_date_get_day (since), 0, 0, 0);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) updates = NULL;
      gboolean updated = FALSE;

      if (pathway_action_is_complete (action))
        continue;
      updates = pathway_document_list_updates (document_of (f), action, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < g_list_model_get_n_items (updates) && !updated; k++)
        {
          g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, k);
          PathwayField field = pathway_action_update_get_field (update);

          updated = (field == PATHWAY_FIELD_CREATED || field == PATHWAY_FIELD_RATING ||
                     field == PATHWAY_FIELD_STATUS || field == PATHWAY_FIELD_COMMENTARY) &&
                    g_date_time_compare (pathway_action_update_get_at (update), start) >= 0;
        }
      if (!updated)
        g_ptr_array_add (expected, action);
    }

  /* In the tracker's order: as its table shows them. */
  {
    GtkWidget *tracker;
    GListModel *shown;
    GPtrArray *ordered = g_ptr_array_new ();
    GtkColumnView *table;
    GListModel *columns;

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "actions");
    tracker = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_ACTIONS_VIEW, NULL);
    g_assert_nonnull (tracker);
    wait_for_drawn (tracker);
    /* Sorted by lead, Z to A, so the tracker's order is not the plan's. */
    table = GTK_COLUMN_VIEW (find_of_type (tracker, GTK_TYPE_COLUMN_VIEW, NULL));
    columns = gtk_column_view_get_columns (table);
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Lead") == 0)
          gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
      }
    wait_for_drawn (tracker);
    shown = pathway_actions_view_get_shown (PATHWAY_ACTIONS_VIEW (tracker));
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (shown, i);

        if (g_ptr_array_find (expected, action, NULL))
          g_ptr_array_add (ordered, action);
      }
    g_assert_cmpuint (ordered->len, ==, expected->len);
    g_assert_false (ordered->pdata[0] == expected->pdata[0]);
    g_ptr_array_unref (expected);
    return ordered;
  }
}

static PathwayActionEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_ACTION_EDITOR (window))
        return PATHWAY_ACTION_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  Fixture *f = data;
  PathwayActionEditor *editor = find_editor ();

  if (editor == NULL || !gtk_widget_get_mapped (GTK_WIDGET (editor)))
    return FALSE;
  if (f->editor != editor)
    {
      f->editor = editor;
      g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
    }
  return TRUE;
}

static const char *
round_count (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (widget_named (f, "round-count")));
}

/* Ctrl+U asks from which day (the default board's last meeting), then goes through exactly
 * the actions not complete and not updated since, in the plan's order: Skip passes one over
 * and the count does not move, Save and Next (Ctrl+Enter) counts one; leaving keeps the
 * place, and Ctrl+U goes on from it; after the last, the editor closes. */
static void
test_update_round (Fixture       *f,
                   gconstpointer  data)
{
  PathwayBoard *board;
  PathwayMeeting *meeting;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  g_autofree char *count = NULL;
  GDate today, since;

  /* The default board: the programme's first. Its last meeting up to today is the day. */
  pathway_document_get_today (document_of (f), &today);
  board = g_list_model_get_item (pathway_programme_get_boards (programme_of (f)), 0);
  meeting = pathway_board_find_last_meeting (board, &today);
  g_object_unref (board);
  g_assert_nonnull (meeting);
  since = *pathway_meeting_get_date (meeting);
  expected = expected_round (f, &since);
  g_assert_cmpuint (expected->len, >=, 3);
  /* The round starts from the Overview, in the tracker's order all the same. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "overview");

  g_assert_true (ui_test_press_key (GTK_WIDGET (f->window), GDK_KEY_u, GDK_CONTROL_MASK));
  wait_for ("the monthly update to ask from when", has_message_dialog, f->window);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  {
    GDate typed;
    g_autofree char *words = g_strdup_printf ("%u actions have not been updated", expected->len);

    g_assert_true (pathway_editor_parse_day (
      gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "round-since"))),
      &typed));
    g_assert_cmpint (g_date_compare (&typed, &since), ==, 0);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog),
                                                                         "round-count"))),
                              words));
  }
  answer (dialog, "start");
  wait_for ("the round's editor", editor_shown, f);
  count = g_strdup_printf ("0 of %u updated", expected->len);
  g_assert_cmpstr (round_count (f), ==, count);
  g_assert_true (pathway_action_editor_get_action (f->editor) == expected->pdata[0]);
  /* The update starts at the rating. */
  g_assert_true (g_str_has_prefix (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (f->editor))),
                                   "rating-"));

  /* Skip: on to the second, nothing counted. */
  g_ptr_array_add (visited, pathway_action_editor_get_action (f->editor));
  click (f, "skip-button");
  drain_main_loop ();
  g_assert_true (pathway_action_editor_get_action (f->editor) == expected->pdata[1]);
  g_assert_cmpstr (round_count (f), ==, count);

  /* A new commentary and Ctrl+Enter: saved, counted, on to the third. */
  g_ptr_array_add (visited, pathway_action_editor_get_action (f->editor));
  type_into (f, "commentary-view", "Leads met on 2 December; the plan is agreed.");
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->editor), GDK_KEY_Return, GDK_CONTROL_MASK));
  drain_main_loop ();
  g_assert_cmpstr (pathway_action_get_commentary (visited->pdata[1]), ==,
                   "Leads met on 2 December; the plan is agreed.");
  g_free (count);
  count = g_strdup_printf ("1 of %u updated", expected->len);
  g_assert_cmpstr (round_count (f), ==, count);
  g_assert_true (pathway_action_editor_get_action (f->editor) == expected->pdata[2]);

  /* Leaving keeps the place: Ctrl+U comes back to the same action without asking again. */
  click (f, "cancel-button");
  wait_for ("the editor to close", editor_gone, f);
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->window), GDK_KEY_u, GDK_CONTROL_MASK));
  wait_for ("the round's editor", editor_shown, f);
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));
  g_assert_true (pathway_action_editor_get_action (f->editor) == expected->pdata[2]);
  g_assert_cmpstr (round_count (f), ==, count);

  /* The rest, each passed on with Save and Next, until the round ends and the editor goes. */
  while (f->editor != NULL)
    {
      g_ptr_array_add (visited, pathway_action_editor_get_action (f->editor));
      g_assert_cmpuint (visited->len, <=, expected->len);
      click (f, "save-button");
      drain_main_loop ();
    }
  g_assert_cmpuint (visited->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (visited->pdata[i] == expected->pdata[i]);

  /* Only the skipped and unchanged ones still need an update. */
  {
    g_autoptr(GPtrArray) left = expected_round (f, &since);

    g_assert_cmpuint (left->len, ==, expected->len - 1);
  }

  /* The Overview's Needs Attention starts the next round, which asks again. */
  g_signal_emit_by_name (find_named (GTK_WIDGET (f->window), "attention-update-round"), "clicked");
  wait_for ("the monthly update to ask from when", has_message_dialog, f->window);
  answer (find_message_dialog (GTK_WINDOW (f->window)), "cancel");
  wait_for ("the question to go", has_no_message_dialog, f->window);
}

/* Both pages of an action with evidence and a revision, light and dark; a rating change
 * waiting for its note; a new action; and the editor over the main window at 1280x800. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PathwayAction *action = action_called (f, "2A ii");

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, 1280, 800);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autofree char *details = g_strdup_printf ("action-editor-details-%s.png", scheme);
      g_autofree char *history = g_strdup_printf ("action-editor-history-%s.png", scheme);
      g_autofree char *details_middle = g_strdup_printf ("action-editor-details-middle-%s.png",
                                                         scheme);
      g_autofree char *details_end = g_strdup_printf ("action-editor-details-end-%s.png",
                                                      scheme);
      g_autofree char *history_end = g_strdup_printf ("action-editor-history-end-%s.png",
                                                      scheme);
      g_autofree char *note = g_strdup_printf ("action-editor-note-%s.png", scheme);
      g_autofree char *fresh = g_strdup_printf ("action-editor-new-%s.png", scheme);
      GtkStack *stack;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      open_editor (f, action);
      stack = GTK_STACK (gtk_widget_get_ancestor (widget_named (f, "reference-row"),
                                                  GTK_TYPE_STACK));
      save_editor_png (f, folder, details);
      show_page (stack, "details", 0.5);
      save_editor_png (f, folder, details_middle);
      show_page (stack, "details", 1.0);
      save_editor_png (f, folder, details_end);
      show_page (stack, "history", 0.0);
      save_editor_png (f, folder, history);
      show_page (stack, "history", 1.0);
      save_editor_png (f, folder, history_end);

      /* The rating changed and a revision begun: the note and the reason are asked for. */
      click (f, "rating-amber");
      click (f, "revise-button");
      type_into (f, "new-timescale-row", "Summer Term 2026");
      show_page (stack, "details", 0.62);
      save_editor_png (f, folder, note);
      destroy_window (f->editor);

      open_editor (f, NULL);
      save_editor_png (f, folder, fresh);
      destroy_window (f->editor);

      /* The monthly update: its question, then its first action. */
      {
        g_autofree char *ask = g_strdup_printf ("update-round-ask-%s.png", scheme);
        g_autofree char *first = g_strdup_printf ("update-round-%s.png", scheme);
        g_autofree char *ask_path = g_build_filename (folder, ask, NULL);
        AdwMessageDialog *dialog;

        gtk_widget_activate_action (GTK_WIDGET (f->window), "win.update-round", NULL);
        wait_for ("the monthly update to ask from when", has_message_dialog, f->window);
        dialog = find_message_dialog (GTK_WINDOW (f->window));
        save_png (dialog, ask_path);
        answer (dialog, "start");
        wait_for ("the round's editor", editor_shown, f);
        save_editor_png (f, folder, first);
        destroy_window (f->editor);
        /* Another file has no round going, so the next pass is asked too. */
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *other = g_build_filename (f->dir, dark ? "Dark.pathway"
                                                                  : "Light.pathway", NULL);

          g_assert_true (pathway_demo_write (other, &error));
          g_assert_no_error (error);
          load_window (f, other, PATHWAY_OPEN_DEFAULT);
          action = action_called (f, "2A ii");
        }
      }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Every field, drop-down and button of the editor has a name, on both pages, for an action
 * and for a new one. */
static void
test_every_control_is_named (Fixture       *f,
                             gconstpointer  data)
{
  PathwayAction *actions[] = { action_called (f, "1B vi"), NULL };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GString) unnamed = g_string_new (NULL);

      open_editor (f, actions[i]);
      ui_test_collect_unnamed (GTK_WIDGET (f->editor), unnamed);
      if (unnamed->len > 0)
        g_error ("without a name: %s", unnamed->str);
      gtk_window_destroy (GTK_WINDOW (f->editor));
      wait_for ("the editor to close", editor_gone, f);
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

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/action-editor/leads-with-the-update", Fixture, NULL,
              fixture_set_up, test_leads_with_the_update, fixture_tear_down);
  g_test_add ("/ui/action-editor/update-round", Fixture, NULL,
              fixture_set_up, test_update_round, fixture_tear_down);
  g_test_add ("/ui/action-editor/rating-change-is-one-update-with-note", Fixture, NULL,
              fixture_set_up, test_rating_change_is_one_update_with_note, fixture_tear_down);
  g_test_add ("/ui/action-editor/red-asks-for-recovery-plan", Fixture, NULL,
              fixture_set_up, test_red_asks_for_recovery_plan, fixture_tear_down);
  g_test_add ("/ui/action-editor/refuses-rating-change-without-note", Fixture, NULL,
              fixture_set_up, test_refuses_rating_change_without_note, fixture_tear_down);
  g_test_add ("/ui/action-editor/refuses-new-action-without-reference", Fixture, NULL,
              fixture_set_up, test_refuses_new_action_without_reference, fixture_tear_down);
  g_test_add ("/ui/action-editor/refuses-reference-of-another-action", Fixture, NULL,
              fixture_set_up, test_refuses_reference_of_another_action, fixture_tear_down);
  g_test_add ("/ui/action-editor/adds-new-action-with-text-as-written", Fixture, NULL,
              fixture_set_up, test_adds_new_action_with_text_as_written, fixture_tear_down);
  g_test_add ("/ui/action-editor/description-shows-literally-in-history", Fixture, NULL,
              fixture_set_up, test_description_shows_literally_in_history, fixture_tear_down);
  g_test_add ("/ui/action-editor/revision-needs-reason", Fixture, NULL, fixture_set_up,
              test_revision_needs_reason, fixture_tear_down);
  g_test_add ("/ui/action-editor/one-save-is-one-undo", Fixture, NULL, fixture_set_up,
              test_one_save_is_one_undo, fixture_tear_down);
  g_test_add ("/ui/action-editor/offers-themes-and-adds-evidence", Fixture, NULL,
              fixture_set_up, test_offers_themes_and_adds_evidence, fixture_tear_down);
  g_test_add ("/ui/action-editor/failed-save-keeps-editor-open", Fixture, NULL,
              fixture_set_up, test_failed_save_keeps_editor_open, fixture_tear_down);
  g_test_add ("/ui/action-editor/discard-asks-first", Fixture, NULL, fixture_set_up,
              test_discard_asks_first, fixture_tear_down);
  g_test_add ("/ui/action-editor/delete-goes-through-window", Fixture, NULL, fixture_set_up,
              test_delete_goes_through_window, fixture_tear_down);
  g_test_add ("/ui/action-editor/read-only-changes-nothing", Fixture, NULL, fixture_set_up,
              test_read_only_changes_nothing, fixture_tear_down);
  g_test_add ("/ui/action-editor/lead-picker-sorts-and-searches", Fixture, NULL,
              fixture_set_up, test_lead_picker_sorts_and_searches, fixture_tear_down);
  g_test_add ("/ui/action-editor/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  g_test_add ("/ui/action-editor/every-control-is-named", Fixture, NULL, fixture_set_up,
              test_every_control_is_named, fixture_tear_down);

  return g_test_run ();
}
