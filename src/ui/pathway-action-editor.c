/* pathway-action-editor.c: the editor of one action, or of a new one.
 *
 * The fields live in sections (PathwayEditorSection): the details, the timescale, the
 * progress and the evidence on the first page, the history on the second. The editor holds
 * the sections and what belongs to the action as a whole: nothing is written while the person
 * edits, but on every change it asks the sections what Save would write, whether the changes
 * need a note (the progress section shows the note field then) and whether anything is
 * missing, to know whether Save can be pressed and whether closing would lose anything. Save
 * has every section write its changes into one batch, so that one undo takes the whole edit
 * back; a failed save rolls the batch back, says why at the top and keeps everything as typed.
 * After the action is written, the sections read its history and evidence again, once the
 * batch's notifications are over.
 *
 * On a server others change the action while the editor is open. Before saving, every field
 * the person changed is checked against what it showed; one someone else changed meanwhile is
 * refused (the message names them, when and to what) with everything typed kept, and the field
 * takes the value there now as shown, so a second Save applies the person's input on purpose.
 * The server refuses the same way a change that crossed another on the way; this copy then
 * catches up first. Fields the person left alone follow the action, and a lost connection makes
 * the editor read-only until it is back, keeping what was typed. On a server the person signed
 * in may also be one who may not change this action (a lead of another workstream, a data
 * officer): the editor is then read-only with the store's reason at the top, and follows the
 * action should it move into their workstream. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-action-editor.h"
#include "pathway-editor-details-section.h"
#include "pathway-editor-evidence-section.h"
#include "pathway-editor-history-section.h"
#include "pathway-editor-progress-section.h"
#include "pathway-editor-timescale-section.h"
#include "pathway-format.h"
#include "pathway-remote.h"
#include "pathway-style.h"
#include "pathway-update-round.h"
#include "pathway-window.h"

/* The sections in the order they write, which is the order of the change log's rows; the
 * whole save is one batch, so one undo takes all of it back, evidence included. */
enum {
  SECTION_DETAILS,
  SECTION_TIMESCALE,
  SECTION_PROGRESS,
  SECTION_EVIDENCE,
  SECTION_HISTORY,
  N_SECTIONS
};

struct _PathwayActionEditor
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayAction *action; /* NULL while a new action is being written */
  gint64 action_id;
  /* Followed: a rolled-back batch can replace the programme, and its objects with it. */
  PathwayProgramme *programme;

  PathwayEditorSection *sections[N_SECTIONS];
  /* Why this person may not change the action (or the programme, for a new one), or NULL. */
  char *refusal;
  guint refresh_idle;
  gboolean closing;

  /* The monthly update's round this editor goes through, or NULL: then Save is Save and
   * Next, and Skip passes an action over. */
  PathwayUpdateRound *round;
  GtkWidget *round_bar;
  GtkLabel *round_count_label;
  GtkLabel *round_detail_label;

  /* Template children */
  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkWidget *error_close_button;
  GtkWidget *read_only_bar;
  GtkLabel *read_only_label;
  GtkWidget *switcher_bar;
  PathwayEditorDetailsSection *details_section;
  PathwayEditorTimescaleSection *timescale_section;
  PathwayEditorProgressSection *progress_section;
  PathwayEditorEvidenceSection *evidence_section;
  PathwayEditorHistorySection *history_section;
  GtkWidget *delete_group;
  GtkStack *stack;
  GtkScrolledWindow *details_page;
};

G_DEFINE_FINAL_TYPE (PathwayActionEditor, pathway_action_editor, ADW_TYPE_WINDOW)

static gboolean
is_read_only (PathwayActionEditor *self)
{
  return self->refusal != NULL;
}

/* What the sections say ------------------------------------------------------------------------ */

/* Whether any section says yes. */
static gboolean
any_section (PathwayActionEditor *self,
             gboolean (*says) (PathwayEditorSection *section))
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (says (self->sections[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_changes (PathwayActionEditor *self)
{
  return any_section (self, pathway_editor_section_has_changes);
}

/* A change the board will ask about carries a note, whichever section it is in. */
static gboolean
note_required (PathwayActionEditor *self)
{
  return any_section (self, pathway_editor_section_needs_note);
}

static gboolean
validate (PathwayActionEditor *self,
          gboolean             saving)
{
  gboolean valid = TRUE;

  pathway_editor_progress_section_set_note_required (self->progress_section,
                                                     note_required (self));
  /* Every section checks, so that every problem is shown at once. */
  for (guint i = 0; i < N_SECTIONS; i++)
    valid &= pathway_editor_section_validate (self->sections[i], saving);
  return valid;
}

static void
revalidate (PathwayActionEditor *self)
{
  gboolean valid;

  if (self->programme == NULL)
    return;
  valid = validate (self, FALSE);
  /* In a round, Save and Next moves on even when nothing was changed. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 valid && !is_read_only (self) &&
                                 (self->action == NULL || self->round != NULL ||
                                  has_changes (self)));
}

/* The reference as typed; where the action belongs, as saved. */
static void
show_titles (PathwayActionEditor *self)
{
  g_autofree char *reference = pathway_editor_details_section_dup_reference (self->details_section);
  g_autofree char *subtitle = NULL;
  PathwayWorkstream *workstream = self->action ? pathway_action_get_workstream (self->action)
                                               : NULL;
  const char *title;

  subtitle = workstream ? pathway_editor_details_section_name_workstream (workstream)
                        : g_strdup ("");
  if (*reference != '\0')
    title = reference;
  else if (self->action != NULL)
    title = pathway_action_get_reference (self->action);
  else
    title = _("New action");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
section_changed_cb (PathwayActionEditor *self)
{
  show_titles (self);
  revalidate (self);
}

/* Following the action ------------------------------------------------------------------------- */

static void
refresh_sections (PathwayActionEditor *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    pathway_editor_section_refresh (self->sections[i]);
}

static void show_read_only (PathwayActionEditor *self);

static gboolean
refresh_idle (gpointer data)
{
  PathwayActionEditor *self = data;
  g_autofree char *refusal = pathway_document_dup_refusal (self->document, self->action);

  self->refresh_idle = 0;
  refresh_sections (self);
  /* Moved into (or out of) this person's workstreams meanwhile. */
  if (g_strcmp0 (refusal, self->refusal) != 0)
    {
      show_read_only (self);
      revalidate (self);
    }
  return G_SOURCE_REMOVE;
}

/* A batch notifies many times: read the history once, after it. */
static void
action_notify_cb (PathwayActionEditor *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle, self);
}

static void
set_action (PathwayActionEditor *self,
            PathwayAction       *action)
{
  if (self->action == action)
    return;
  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  g_set_object (&self->action, action);
  if (action != NULL)
    g_signal_connect_object (action, "notify", G_CALLBACK (action_notify_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
set_sections_action (PathwayActionEditor *self,
                     PathwayEditorFlags   flags)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    pathway_editor_section_set_action (self->sections[i], self->document, self->action, flags);
}

static void close_now (PathwayActionEditor *self);

/* The document's programme, replaced by a rolled-back batch: the action is found again by id,
 * and the sections move to it keeping what was typed. */
static void
programme_changed_cb (PathwayActionEditor *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  if (programme == self->programme)
    return;
  g_set_object (&self->programme, programme);
  if (programme == NULL)
    return;
  if (self->action_id != 0)
    set_action (self, pathway_programme_find_action (programme, self->action_id));
  /* The action is gone from this programme (its adding was rolled back): nothing to edit. */
  if (self->action_id != 0 && self->action == NULL)
    {
      close_now (self);
      return;
    }
  set_sections_action (self, PATHWAY_EDITOR_FLAG_KEEP_TYPED);
  action_notify_cb (self);
  revalidate (self);
}

/* Read-only: everything can be read, nothing changed. The reason is the document's (a file
 * opened read-only, a server's connection lost) or the server's rule for this action. */
static void
show_read_only (PathwayActionEditor *self)
{
  gboolean read_only;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  g_free (self->refusal);
  self->refusal = pathway_document_dup_refusal (self->document, self->action);
  read_only = is_read_only (self);

  /* A text that has the focus when it is made insensitive never hears that it lost it (a
   * server's connection lost while the person types): the focus goes to the button. */
  if (read_only && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    gtk_window_set_focus (GTK_WINDOW (self), self->cancel_button);
  gtk_widget_set_visible (self->read_only_bar, read_only);
  gtk_label_set_text (self->read_only_label, read_only ? self->refusal : "");
  gtk_widget_set_visible (self->save_button, !read_only);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), read_only ? _("_Close")
                                                                     : _("_Cancel"));
  /* The history is only read, and stays as it is. */
  for (guint i = 0; i < N_SECTIONS; i++)
    if (i != SECTION_HISTORY)
      gtk_widget_set_sensitive (GTK_WIDGET (self->sections[i]), !read_only);
  gtk_widget_set_visible (self->delete_group, self->action != NULL && !read_only);
}

/* A server's connection lost or back while the editor is open. */
static void
read_only_changed_cb (PathwayActionEditor *self)
{
  show_read_only (self);
  /* show_read_only names the button Cancel; in a round, leaving keeps the place. */
  if (self->round != NULL)
    gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  revalidate (self);
}

/* Saving --------------------------------------------------------------------------------------- */

/* Whether every field the person changed still holds what the editor showed; each that does
 * not is taken as shown as it is now. The first refusal is the error. */
static gboolean
check_unchanged (PathwayActionEditor *self,
                 GError             **error)
{
  gboolean unchanged = TRUE;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (pathway_editor_section_check_unchanged (self->sections[i], &local_error))
        continue;
      if (unchanged)
        g_propagate_error (error, g_steal_pointer (&local_error));
      unchanged = FALSE;
    }
  return unchanged;
}

static gboolean
save_existing (PathwayActionEditor *self,
               char               **undo_label,
               GError             **error)
{
  g_autofree char *label = g_strdup_printf (_("Update %s"),
                                            pathway_action_get_reference (self->action));
  g_autofree char *note = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_unchanged (self, error))
    return FALSE;
  if (note_required (self))
    note = pathway_editor_progress_section_dup_note (self->progress_section);
  if (!pathway_document_begin_batch (self->document, label, error))
    return FALSE;
  for (guint i = 0; i < N_SECTIONS; i++)
    if (!pathway_editor_section_apply (self->sections[i], note, error))
      {
        pathway_document_rollback_batch (self->document);
        return FALSE;
      }
  if (!pathway_document_commit_batch (self->document, &local_error))
    {
      /* The server saw a change this copy had not yet: with it caught up, the fields it
       * touched are taken as shown as they are now. */
      if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT) &&
          pathway_document_get_remote (self->document) &&
          pathway_document_catch_up (self->document, NULL, NULL))
        check_unchanged (self, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *undo_label = g_steal_pointer (&label);
  return TRUE;
}

static gboolean
save_new (PathwayActionEditor *self,
          GError             **error)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();

  for (guint i = 0; i < N_SECTIONS; i++)
    pathway_editor_section_fill_draft (self->sections[i], draft);
  return pathway_document_add_action (self->document, draft, error);
}

static void
show_save_error (PathwayActionEditor *self,
                 const GError        *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A toast is markup: the reference is the person's text. */
static void
announce (PathwayActionEditor *self,
          gboolean             added,
          const char          *reference,
          gboolean             undoable)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  title = added ? g_strdup_printf (_("Added %s"), reference)
                : g_strdup_printf (_("Saved %s"), reference);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), toast);
}

static void
close_now (PathwayActionEditor *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The monthly update's round -------------------------------------------------------------- */

static void
show_round (PathwayActionEditor *self)
{
  g_autofree char *since = NULL;
  g_autofree char *count = NULL;
  g_autofree char *detail = NULL;
  guint n_actions, position;

  if (self->round == NULL)
    return;
  n_actions = pathway_update_round_get_n_actions (self->round);
  position = pathway_update_round_get_position (self->round);
  since = pathway_format_date (pathway_update_round_get_since (self->round));
  /* TRANSLATORS: the monthly update's progress: "12 of 38 updated" */
  count = g_strdup_printf (_("%u of %u updated"), pathway_update_round_count_updated (self->round),
                           n_actions);
  /* TRANSLATORS: "Action 13 of 38 not updated since 18 November 2026" */
  detail = g_strdup_printf (_("Action %u of %u not updated since %s"),
                            MIN (position + 1, n_actions), n_actions, since);
  gtk_label_set_text (self->round_count_label, count);
  gtk_label_set_text (self->round_detail_label, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->round_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
}

/* The editor moves to another action in place, as if opened on it. */
static void
load_action (PathwayActionEditor *self,
             PathwayAction       *action)
{
  set_action (self, action);
  self->action_id = pathway_action_get_id (action);
  set_sections_action (self, PATHWAY_EDITOR_FLAG_NONE);
  refresh_sections (self);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_page), 0);
  show_titles (self);
  show_read_only (self);
  /* show_read_only names the button Cancel; in a round, leaving keeps the place. */
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  revalidate (self);
  show_round (self);
  pathway_editor_progress_section_focus_rating (self->progress_section);
}

/* "Monthly update finished: 36 of 38 actions updated, 2 skipped", on the main window. */
static void
announce_round_finished (PathwayActionEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint updated = pathway_update_round_count_updated (self->round);
  guint skipped = pathway_update_round_count_skipped (self->round);
  guint n_actions = pathway_update_round_get_n_actions (self->round);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  if (skipped > 0)
    title = g_strdup_printf (_("Monthly update finished: %u of %u updated, %u skipped"),
                             updated, n_actions, skipped);
  else
    title = g_strdup_printf (_("Monthly update finished: %u of %u updated"), updated, n_actions);
  escaped = g_markup_escape_text (title, -1);
  pathway_window_add_toast (PATHWAY_WINDOW (parent), adw_toast_new (escaped));
}

static void
round_next (PathwayActionEditor *self,
            gboolean             skip)
{
  PathwayAction *next = NULL;

  while (pathway_update_round_advance (self->round, skip))
    {
      skip = FALSE;
      next = pathway_update_round_get_current (self->round);
      if (next != NULL)
        break;
    }
  if (next == NULL)
    {
      announce_round_finished (self);
      close_now (self);
      return;
    }
  load_action (self, next);
}

static void
skip_now (PathwayActionEditor *self)
{
  if (self->round != NULL)
    round_next (self, TRUE);
}

static gboolean
skip_idle (gpointer data)
{
  PathwayActionEditor *self = data;

  if (self->document != NULL)
    skip_now (self);
  return G_SOURCE_REMOVE;
}

/* From a dialog's response: the last skip closes the editor, and the dialog with it, so not
 * while the dialog is still answering. */
static void
skip_soon (PathwayActionEditor *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, skip_idle, g_object_ref (self), g_object_unref);
}

static void ask_discard (PathwayActionEditor *self, gboolean then_skip);
static gboolean is_dirty (PathwayActionEditor *self);

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (widget);

  if (self->round == NULL)
    return;
  if (is_dirty (self))
    ask_discard (self, TRUE);
  else
    skip_now (self);
}

/* The bar under the header: how far the round has gone, and which day it counts from. */
static void
build_round_bar (PathwayActionEditor *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *skip = gtk_button_new_with_mnemonic (_("S_kip"));

  self->round_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_name (self->round_bar, "round-bar");
  gtk_widget_add_css_class (self->round_bar, "update-round-bar");
  self->round_count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->round_count_label), "round-count");
  gtk_label_set_xalign (self->round_count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->round_count_label), "heading");
  self->round_detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->round_detail_label), "round-detail");
  gtk_label_set_xalign (self->round_detail_label, 0);
  gtk_label_set_wrap (self->round_detail_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->round_detail_label), "caption");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->round_count_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->round_detail_label));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (self->round_bar), labels);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->read_only_bar)),
                              self->round_bar, self->read_only_bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->round_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Monthly update"), -1);

  gtk_widget_set_name (skip, "skip-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (skip), "editor.skip");
  gtk_widget_set_tooltip_text (skip, _("Leave this action as it is and go to the next"
                                       " (Ctrl+K)"));
  adw_header_bar_pack_end (self->header_bar, skip);

  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Save and _Next"));
  gtk_widget_set_tooltip_text (self->save_button,
                               _("Save this update and go to the next action (Ctrl+Enter)"));
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = pathway_editor_details_section_dup_reference (self->details_section);
  g_autofree char *undo_label = NULL;
  gboolean changed;

  if (is_read_only (self))
    return;
  /* The button is off while something is missing; a key or a script may still get here. */
  if (!validate (self, TRUE))
    {
      revalidate (self);
      return;
    }

  if (self->action == NULL)
    {
      if (!save_new (self, &error))
        {
          show_save_error (self, error);
          return;
        }
      announce (self, TRUE, reference, pathway_document_get_can_undo (self->document));
      close_now (self);
      return;
    }

  changed = has_changes (self);
  if (changed && !save_existing (self, &undo_label, &error))
    {
      show_save_error (self, error);
      revalidate (self);
      return;
    }
  /* A round counts what was saved in its bar; Undo stays on the main window (Ctrl+Z). */
  if (self->round != NULL)
    {
      round_next (self, FALSE);
      return;
    }
  if (changed)
    announce (self, FALSE, reference,
              pathway_document_get_can_undo (self->document) &&
              g_strcmp0 (pathway_document_get_undo_label (self->document), undo_label) == 0);
  close_now (self);
}

/* Closing, discarding, deleting ---------------------------------------------------------------- */

/* What was typed would be lost: while a server's connection is lost the editor is read-only,
 * but what was typed is still to be saved once it is back. */
static gboolean
is_dirty (PathwayActionEditor *self)
{
  return (!is_read_only (self) ||
          pathway_document_get_connection (self->document) == PATHWAY_CONNECTION_LOST) &&
         self->programme != NULL && has_changes (self);
}

static gboolean
close_idle (gpointer data)
{
  PathwayActionEditor *self = data;

  /* Unless it went meanwhile (its document is let go in dispose). */
  if (self->document != NULL)
    close_now (self);
  return G_SOURCE_REMOVE;
}

/* From a dialog's response: the dialog goes with the editor, so not while it is still
 * answering. */
static void
close_soon (PathwayActionEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     PathwayActionEditor *self)
{
  if (g_str_equal (response, "discard"))
    close_soon (self);
  else if (g_str_equal (response, "skip"))
    skip_soon (self);
}

static void
ask_discard (PathwayActionEditor *self,
             gboolean             then_skip)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard changes?"), NULL));
  adw_message_dialog_set_body (dialog, self->action != NULL
                                 ? _("The changes to this action have not been saved.")
                                 : _("The new action has not been saved."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    then_skip ? "skip" : "discard",
                                    then_skip ? _("_Discard and Skip") : _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, then_skip ? "skip" : "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pathway_action_editor_close_request (GtkWindow *window)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (window);

  if (!self->closing && is_dirty (self))
    {
      ask_discard (self, FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (pathway_action_editor_parent_class)->close_request (window);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PathwayActionEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->action == NULL)
    return;
  /* Through the main window when there is one, for its toast and its Undo. */
  if (parent == NULL ||
      !gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-action", "x",
                                   pathway_action_get_id (self->action)))
    {
      if (!pathway_document_delete_action (self->document, self->action, NULL, &error))
        {
          show_save_error (self, error);
          return;
        }
    }
  close_soon (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->action == NULL || is_read_only (self))
    return;
  /* TRANSLATORS: asked before an action is deleted: "Delete 1B vi?" */
  heading = g_strdup_printf (_("Delete %s?"), pathway_action_get_reference (self->action));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog,
                               is_dirty (self)
                                 ? _("The action leaves the tracker and the changes made here "
                                     "are not saved. Its history is kept, and Undo brings it "
                                     "back.")
                                 : _("The action leaves the tracker. Its history is kept, and "
                                     "Undo brings it back."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
error_close_cb (PathwayActionEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_action_editor_dispose (GObject *object)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  set_action (self, NULL);
  g_clear_object (&self->programme);
  g_clear_object (&self->round);
  g_clear_pointer (&self->refusal, g_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_ACTION_EDITOR);
  G_OBJECT_CLASS (pathway_action_editor_parent_class)->dispose (object);
}

static void
pathway_action_editor_class_init (PathwayActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathway_action_editor_dispose;
  window_class->close_request = pathway_action_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.skip", NULL, skip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.skip",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  g_type_ensure (PATHWAY_TYPE_EDITOR_DETAILS_SECTION);
  g_type_ensure (PATHWAY_TYPE_EDITOR_TIMESCALE_SECTION);
  g_type_ensure (PATHWAY_TYPE_EDITOR_PROGRESS_SECTION);
  g_type_ensure (PATHWAY_TYPE_EDITOR_EVIDENCE_SECTION);
  g_type_ensure (PATHWAY_TYPE_EDITOR_HISTORY_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-action-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PathwayActionEditor, name)
  BIND (header_bar);
  BIND (window_title);
  BIND (cancel_button);
  BIND (save_button);
  BIND (error_revealer);
  BIND (error_label);
  BIND (error_close_button);
  BIND (read_only_bar);
  BIND (read_only_label);
  BIND (switcher_bar);
  BIND (details_section);
  BIND (timescale_section);
  BIND (progress_section);
  BIND (evidence_section);
  BIND (history_section);
  BIND (delete_group);
  BIND (stack);
  BIND (details_page);
#undef BIND
}

static void
pathway_action_editor_init (PathwayActionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->sections[SECTION_DETAILS] = PATHWAY_EDITOR_SECTION (self->details_section);
  self->sections[SECTION_TIMESCALE] = PATHWAY_EDITOR_SECTION (self->timescale_section);
  self->sections[SECTION_PROGRESS] = PATHWAY_EDITOR_SECTION (self->progress_section);
  self->sections[SECTION_EVIDENCE] = PATHWAY_EDITOR_SECTION (self->evidence_section);
  self->sections[SECTION_HISTORY] = PATHWAY_EDITOR_SECTION (self->history_section);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_signal_connect_object (self->sections[i], "changed", G_CALLBACK (section_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->error_close_button, "clicked", G_CALLBACK (error_close_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  /* Ctrl+Enter saves from anywhere, the commentary's text view included: caught on the way
   * down, before a text field can take Enter for itself. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_alternative_trigger_new (
                          gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                          gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                        gtk_named_action_new ("editor.save")));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
}

PathwayActionEditor *
pathway_action_editor_new (GtkWindow *parent, PathwayDocument *document, PathwayAction *action)
{
  PathwayActionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (action == NULL || PATHWAY_IS_ACTION (action), NULL);

  self = g_object_new (PATHWAY_TYPE_ACTION_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->action_id = action ? pathway_action_get_id (action) : 0;
  self->programme = g_object_ref (pathway_document_get_programme (document));
  if (self->action_id != 0)
    set_action (self, pathway_programme_find_action (self->programme, self->action_id));
  /* An action from elsewhere (not this document's) is edited as it is. */
  if (action != NULL && self->action != action)
    set_action (self, action);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (read_only_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Someone else's change on a server may add evidence or history the action's own signals
   * do not tell of. */
  g_signal_connect_object (document, "remote-change", G_CALLBACK (action_notify_cb), self,
                           G_CONNECT_SWAPPED);

  set_sections_action (self, PATHWAY_EDITOR_FLAG_NONE);
  refresh_sections (self);
  /* A new action has no history yet: one page, no switcher. */
  gtk_widget_set_visible (self->switcher_bar, self->action != NULL);
  show_titles (self);
  show_read_only (self);
  revalidate (self);
  if (self->action == NULL)
    {
      /* A new action is defined before it is rated: its details come first. */
      gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->progress_section))),
                                   GTK_WIDGET (self->progress_section),
                                   GTK_WIDGET (self->timescale_section));
      gtk_widget_grab_focus (GTK_WIDGET (self->details_section));
    }
  else
    pathway_editor_progress_section_focus_rating (self->progress_section);
  return self;
}

PathwayAction *
pathway_action_editor_get_action (PathwayActionEditor *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_EDITOR (self), NULL);
  return self->action;
}

PathwayActionEditor *
pathway_action_editor_new_round (GtkWindow *parent, PathwayUpdateRound *round)
{
  PathwayActionEditor *self;
  PathwayAction *action;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (round), NULL);

  action = pathway_update_round_get_current (round);
  g_return_val_if_fail (action != NULL, NULL);
  self = pathway_action_editor_new (parent, pathway_update_round_get_document (round), action);
  self->round = g_object_ref (round);
  build_round_bar (self);
  show_round (self);
  revalidate (self);
  return self;
}

PathwayUpdateRound *
pathway_action_editor_get_round (PathwayActionEditor *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_EDITOR (self), NULL);
  return self->round;
}
