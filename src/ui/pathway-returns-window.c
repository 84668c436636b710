/* pathway-returns-window.c: return forms in the app.
 *
 * One window, three pages in a stack, built in code because every row comes from the
 * programme: "status" (a row per lead with their latest form's state, read again after every
 * write, undo and redo), "request" (a PathwayReturnRequest planned again whenever its days
 * change; a row per lead with a check to leave them out) and "review" (a PathwayReturnImport of
 * the files chosen; a group per file with a check per change). The header's buttons change
 * with the page. Nothing is written until Write Forms or Apply, each one batch and one undo
 * step, ending in a toast on the main window. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-exchange.h"
#include "pathway-format.h"
#include "pathway-returns-window.h"
#include "pathway-returns.h"
#include "pathway-update-round.h"
#include "pathway-window.h"

struct _PathwayReturnsWindow
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  char *folder;
  PathwayReturnRequest *request;
  PathwayReturnImport *import;
  GStrv import_paths;          /* the files the review was read from */
  GHashTable *left_out;        /* ids of the leads left out of the request */
  char *board_name;            /* the default board, whose last meeting the request asks from */
  GtkFileChooserNative *chooser;

  AdwWindowTitle *title;
  GtkStack *stack;
  GtkWidget *back_button;
  GtkWidget *request_button;
  GtkWidget *import_button;
  GtkWidget *write_button;
  GtkWidget *apply_button;

  GtkListBox *status_list;

  PathwayEntryRow *since_row;
  PathwayEntryRow *due_row;
  GtkLabel *request_summary;
  GtkListBox *request_list;
  GtkLabel *request_error;

  GtkLabel *review_error;
  GtkLabel *review_summary;
  GtkBox *review_box;
  /* The check of each change, by its index in the import. */
  GPtrArray *change_checks;
  gboolean updating_checks;
};

G_DEFINE_FINAL_TYPE (PathwayReturnsWindow, pathway_returns_window, ADW_TYPE_WINDOW)

/* Pieces ------------------------------------------------------------------------------------ */

static GtkWidget *
plain_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row whose title and subtitle are the programme's text, never markup. */
static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* A page: scrolled, clamped, its parts 18 pixels apart. */
static GtkBox *
add_page (PathwayReturnsWindow *self, const char *name)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, name);
  return GTK_BOX (box);
}

static void
toast (PathwayReturnsWindow *self, const char *text, gboolean undoable)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *message;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  message = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (message, _("_Undo"));
      adw_toast_set_action_name (message, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), message);
}

static void
show_page (PathwayReturnsWindow *self, const char *name)
{
  gboolean status = g_str_equal (name, "status");
  gboolean writable = !pathway_document_get_read_only (self->document);

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->back_button, !status);
  gtk_widget_set_visible (self->request_button, status);
  gtk_widget_set_visible (self->import_button, status);
  gtk_widget_set_sensitive (self->request_button, writable);
  gtk_widget_set_sensitive (self->import_button, writable);
  gtk_widget_set_visible (self->write_button, g_str_equal (name, "request"));
  gtk_widget_set_visible (self->apply_button, g_str_equal (name, "review"));
  adw_window_title_set_title (self->title,
                              status ? _("Returns")
                                     : g_str_equal (name, "request") ? _("Request Updates")
                                                                      : _("Import Returns"));
}

/* Status ------------------------------------------------------------------------------------ */

static void
fill_status (PathwayReturnsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = pathway_returns_list_status (self->document, NULL, &error);

  clear_list (self->status_list);
  if (leads == NULL)
    {
      gtk_list_box_append (self->status_list, text_row (error->message, NULL));
      return;
    }
  for (guint i = 0; i < leads->len; i++)
    {
      const PathwayReturnLeadStatus *lead = leads->pdata[i];
      g_autofree char *sent = pathway_format_date (pathway_return_form_get_sent (lead->form));
      g_autofree char *due = pathway_format_date (pathway_return_form_get_due (lead->form));
      g_autofree char *subtitle = NULL;
      g_autofree char *state = NULL;
      g_autofree char *name = NULL;
      GtkWidget *row, *chip;

      /* TRANSLATORS: a lead's latest return form: "Sent 7 December 2026, due 14 December 2026,
       * 6 actions" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent %s, due %s, %d action",
                                               "Sent %s, due %s, %d actions",
                                               pathway_return_form_get_actions (lead->form)),
                                  sent, due, pathway_return_form_get_actions (lead->form));
      /* Earlier forms still out are said, not hidden behind the latest. */
      {
        guint earlier = lead->n_outstanding - (lead->state != PATHWAY_RETURN_RETURNED ? 1 : 0);

        if (earlier > 0)
          {
            g_autofree char *line = g_steal_pointer (&subtitle);

            subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s\n%u earlier form not returned",
                                                     "%s\n%u earlier forms not returned",
                                                     earlier),
                                        line, earlier);
          }
      }
      if (lead->state == PATHWAY_RETURN_RETURNED)
        {
          g_autofree char *returned =
            pathway_format_date (pathway_return_form_get_returned (lead->form));

          state = g_strdup_printf (_("Returned %s"), returned);
        }
      else
        state = g_strdup (pathway_return_state_label (lead->state));
      row = text_row (pathway_person_get_name (lead->lead), subtitle);
      name = g_strdup_printf ("return-%s", pathway_person_get_name (lead->lead));
      gtk_widget_set_name (row, name);
      chip = gtk_label_new (state);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (chip, "return-state");
      gtk_widget_add_css_class (chip, lead->state == PATHWAY_RETURN_RETURNED ? "returned"
                                      : lead->state == PATHWAY_RETURN_OVERDUE ? "overdue"
                                                                              : "outstanding");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      {
        g_autofree char *spoken = g_strdup_printf ("%s, %s, %s",
                                                   pathway_person_get_name (lead->lead), state,
                                                   subtitle);

        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        spoken, -1);
      }
      gtk_list_box_append (self->status_list, row);
    }
}

void
pathway_returns_window_show_status (PathwayReturnsWindow *self)
{
  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  fill_status (self);
  show_page (self, "status");
}

/* Request ----------------------------------------------------------------------------------- */

static void
included_toggled_cb (GtkCheckButton *check, PathwayReturnsWindow *self)
{
  guint form = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "form"));
  g_autofree char *summary = NULL;

  if (self->request == NULL)
    return;
  pathway_return_request_set_included (self->request, form, gtk_check_button_get_active (check));
  {
    gint64 id = pathway_person_get_id (pathway_return_request_get_lead (self->request, form));

    if (gtk_check_button_get_active (check))
      g_hash_table_remove (self->left_out, &id);
    else
      g_hash_table_add (self->left_out, g_memdup2 (&id, sizeof id));
  }
  summary = g_strdup_printf (_("%u forms asking about %u actions."),
                             pathway_return_request_get_n_included (self->request),
                             pathway_return_request_get_n_included_actions (self->request));
  gtk_label_set_text (self->request_summary, summary);
  gtk_widget_set_sensitive (self->write_button,
                            pathway_return_request_get_n_included (self->request) > 0);
}

/* Plans the request again from the days as typed. */
static void
plan_request (PathwayReturnsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  GDate since, due;
  GPtrArray *unled;
  guint n_forms;

  g_clear_object (&self->request);
  clear_list (self->request_list);
  gtk_widget_set_sensitive (self->write_button, FALSE);
  gtk_label_set_text (self->request_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->request_error), FALSE);
  if (pathway_day_field_read (self->since_row, &since) != PATHWAY_DAY_VALID ||
      pathway_day_field_read (self->due_row, &due) != PATHWAY_DAY_VALID)
    {
      gtk_label_set_text (self->request_summary,
                          _("Write both days, such as 18 November 2026 or 18/11/2026."));
      return;
    }
  self->request = pathway_return_request_new (self->document, &since, &due, &error);
  if (self->request == NULL)
    {
      gtk_label_set_text (self->request_summary, error->message);
      return;
    }
  n_forms = pathway_return_request_get_n_forms (self->request);
  for (guint form = 0; form < n_forms; form++)
    {
      PathwayPerson *lead = pathway_return_request_get_lead (self->request, form);
      GPtrArray *actions = pathway_return_request_get_actions (self->request, form);
      const char *email = pathway_person_get_email (lead);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      gint64 lead_id = pathway_person_get_id (lead);
      GtkWidget *row, *check;

      /* Changing a day plans again; whom the person left out stays out. */
      if (g_hash_table_contains (self->left_out, &lead_id))
        pathway_return_request_set_included (self->request, form, FALSE);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action, %s\n%s",
                                               "%u actions, %s\n%s", actions->len),
                                  actions->len,
                                  email != NULL && *email != '\0' ? email
                                                                  : _("no email address on record"),
                                  pathway_return_request_get_file_name (self->request, form));
      row = text_row (pathway_person_get_name (lead), subtitle);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   pathway_return_request_get_included (self->request, form));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "form", GUINT_TO_POINTER (form));
      accessible = g_strdup_printf (_("Send a form to %s"), pathway_person_get_name (lead));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (included_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->request_list, row);
    }

  if (n_forms == 0)
    g_string_append (summary, _("Every action not complete has been updated since that day: "
                                "there is nothing to ask."));
  else
    g_string_append_printf (summary, _("%u forms asking about %u actions."),
                            pathway_return_request_get_n_included (self->request),
                            pathway_return_request_get_n_included_actions (self->request));
  unled = pathway_return_request_get_unled_actions (self->request);
  if (unled->len > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u action has no lead, so no form asks about it:",
                                           "%u actions have no lead, so no form asks about them:",
                                           unled->len),
                              unled->len);
      for (guint i = 0; i < unled->len; i++)
        g_string_append_printf (summary, "%s %s", i == 0 ? "" : ",",
                                pathway_action_get_reference (unled->pdata[i]));
      g_string_append_c (summary, '.');
    }
  gtk_label_set_text (self->request_summary, summary->str);
  gtk_widget_set_sensitive (self->write_button,
                            pathway_return_request_get_n_included (self->request) > 0);
}

void
pathway_returns_window_show_request (PathwayReturnsWindow *self)
{
  GDate since, due;
  g_autofree char *since_text = NULL;
  g_autofree char *due_text = NULL;

  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  pathway_update_round_default_since (self->document, self->board_name, &since);
  pathway_document_get_today (self->document, &due);
  g_date_add_days (&due, PATHWAY_RETURN_DEFAULT_DAYS);
  since_text = pathway_format_date (&since);
  due_text = pathway_format_date (&due);
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), since_text);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);
  plan_request (self);
  show_page (self, "request");
  gtk_widget_grab_focus (GTK_WIDGET (self->since_row));
}

static void
write_forms_to (PathwayReturnsWindow *self, const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_forms;

  if (self->request == NULL)
    return;
  n_forms = pathway_return_request_get_n_included (self->request);
  if (!pathway_return_request_write (self->request, folder, &error))
    {
      gtk_label_set_text (self->request_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->request_error), TRUE);
      return;
    }
  /* TRANSLATORS: "Wrote 6 forms to /home/priya/Returns; who gets which is in “Who gets which
   * file.csv”" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Wrote %u form to %s; who gets which is in “%s”",
                                          "Wrote %u forms to %s; who gets which is in “%s”",
                                          n_forms),
                             n_forms, folder, PATHWAY_RETURN_LIST_FILE);
  toast (self, message, FALSE);
  g_clear_object (&self->request);
  pathway_returns_window_show_status (self);
}

static void
folder_chosen_cb (PathwayReturnsWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path != NULL)
    write_forms_to (self, path);
}

static void
write_clicked_cb (PathwayReturnsWindow *self)
{
  if (self->folder != NULL)
    {
      write_forms_to (self, self->folder);
      return;
    }
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Write the Forms into a Folder"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Write Forms Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Review ------------------------------------------------------------------------------------ */

static gboolean
any_form_outstanding (PathwayReturnsWindow *self)
{
  for (guint file = 0; file < pathway_return_import_get_n_files (self->import); file++)
    {
      PathwayReturnForm *form = pathway_return_import_get_file_form (self->import, file);

      if (form != NULL && pathway_return_form_get_returned (form) == NULL)
        return TRUE;
    }
  return FALSE;
}

static void
show_review_summary (PathwayReturnsWindow *self)
{
  guint n_changes = pathway_return_import_get_n_changes (self->import);
  guint n_accepted = pathway_return_import_get_n_accepted (self->import);
  guint n_conflicts = pathway_return_import_get_n_conflicts (self->import);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *apply = NULL;

  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "%u change from %u forms, %u accepted.",
                                       "%u changes from %u forms, %u accepted.", n_changes),
                          n_changes, pathway_return_import_get_n_files (self->import),
                          n_accepted);
  if (n_conflicts > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u is a conflict: the programme changed since the "
                                           "form was sent, so it is not accepted unless you "
                                           "tick it.",
                                           "%u are conflicts: the programme changed since the "
                                           "forms were sent, so they are not accepted unless "
                                           "you tick them.",
                                           n_conflicts),
                              n_conflicts);
    }
  gtk_label_set_text (self->review_summary, summary->str);
  /* TRANSLATORS: the button that writes the accepted changes */
  apply = n_accepted > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Change",
                                                         "_Apply %u Changes", n_accepted),
                                            n_accepted)
                         : g_strdup (_("_Mark Returned"));
  gtk_button_set_label (GTK_BUTTON (self->apply_button), apply);
  /* A form sent back with nothing to change, or with every change rejected, is still back. */
  gtk_widget_set_sensitive (self->apply_button, n_accepted > 0 || any_form_outstanding (self));
}

static void
sync_checks (PathwayReturnsWindow *self)
{
  self->updating_checks = TRUE;
  for (guint i = 0; i < self->change_checks->len; i++)
    gtk_check_button_set_active (self->change_checks->pdata[i],
                                 pathway_return_import_get_change (self->import, i)->accepted);
  self->updating_checks = FALSE;
  show_review_summary (self);
}

static void
change_toggled_cb (GtkCheckButton *check, PathwayReturnsWindow *self)
{
  if (self->updating_checks || self->import == NULL)
    return;
  pathway_return_import_set_accepted (self->import,
                                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check),
                                                                           "change")),
                                      gtk_check_button_get_active (check));
  show_review_summary (self);
}

static void
file_accept_clicked_cb (GtkButton *button, PathwayReturnsWindow *self)
{
  guint file = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "file"));
  gboolean accept = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "accept"));

  pathway_return_import_set_file_accepted (self->import, file, accept);
  sync_checks (self);
}

static GtkWidget *
file_button (PathwayReturnsWindow *self, guint file, gboolean accept, const char *lead)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (accept ? _("Accept _All")
                                                           : _("_Reject All"));
  g_autofree char *spoken = g_strdup_printf (accept ? _("Accept all of %s's changes")
                                                    : _("Reject all of %s's changes"),
                                             lead);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "file", GUINT_TO_POINTER (file));
  g_object_set_data (G_OBJECT (button), "accept", GINT_TO_POINTER (accept));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (file_accept_clicked_cb), self, 0);
  return button;
}

/* "Now Amber, sent Amber, returned Green"; long text on lines of its own. */
static char *
describe_change (const PathwayReturnChange *change)
{
  if (change->field == PATHWAY_RETURN_RATING || change->field == PATHWAY_RETURN_STATUS)
    return g_strdup_printf (_("Now %s, sent as %s, returned %s"), change->current, change->sent,
                            change->returned);
  return g_strdup_printf (_("Returned: %s\nNow: %s"), change->returned,
                          *change->current != '\0' ? change->current : _("(none)"));
}

static void
fill_review (PathwayReturnsWindow *self)
{
  guint n_files = pathway_return_import_get_n_files (self->import);
  guint n_changes = pathway_return_import_get_n_changes (self->import);
  guint n_problems = pathway_return_import_get_n_problems (self->import);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);
  g_ptr_array_set_size (self->change_checks, 0);

  for (guint file = 0; file < n_files; file++)
    {
      const char *lead = pathway_return_import_get_file_lead_name (self->import, file);
      const GDate *returned = pathway_return_import_get_file_returned (self->import, file);
      g_autofree char *sent = pathway_format_date (pathway_return_import_get_file_sent (self->import,
                                                                                        file));
      g_autofree char *description = NULL;
      g_autofree char *title = g_strdup_printf (_("From %s"), lead);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      guint shown = 0;

      if (returned != NULL)
        {
          g_autofree char *before = pathway_format_date (returned);

          description = g_strdup_printf (_("%s, sent %s, imported before on %s"),
                                         pathway_return_import_get_file_name (self->import, file),
                                         sent, before);
        }
      else
        description = g_strdup_printf (_("%s, sent %s"),
                                       pathway_return_import_get_file_name (self->import, file),
                                       sent);
      /* A group's title and description are markup: the names are the programme's text. */
      {
        g_autofree char *escaped_title = g_markup_escape_text (title, -1);
        g_autofree char *escaped_description = g_markup_escape_text (description, -1);

        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_title);
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               escaped_description);
      }
      gtk_box_append (GTK_BOX (buttons), file_button (self, file, TRUE, lead));
      gtk_box_append (GTK_BOX (buttons), file_button (self, file, FALSE, lead));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

      for (guint i = 0; i < n_changes; i++)
        {
          const PathwayReturnChange *change = pathway_return_import_get_change (self->import, i);
          g_autofree char *row_title = NULL;
          g_autofree char *subtitle = NULL;
          g_autofree char *spoken = NULL;
          GtkWidget *row, *check;

          if (change->file != file)
            continue;
          row_title = g_strdup_printf ("%s · %s", pathway_action_get_reference (change->action),
                                       pathway_return_field_label (change->field));
          subtitle = describe_change (change);
          if (change->reason != NULL)
            {
              g_autofree char *plain = g_steal_pointer (&subtitle);

              subtitle = g_strdup_printf ("%s\n%s", plain, change->reason);
            }
          row = text_row (row_title, subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
          if (change->conflict || change->flagged)
            gtk_widget_add_css_class (row, "return-conflict");
          check = gtk_check_button_new ();
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), change->accepted);
          g_object_set_data (G_OBJECT (check), "change", GUINT_TO_POINTER (i));
          spoken = g_strdup_printf (_("Accept %s: %s"), row_title, change->returned);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          spoken, -1);
          g_signal_connect_object (check, "toggled", G_CALLBACK (change_toggled_cb), self, 0);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_ptr_array_add (self->change_checks, check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          shown++;
        }
      if (shown == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   text_row (_("No changes: every value is as the programme has "
                                               "it now."), NULL));
      gtk_box_append (self->review_box, group);
    }

  if (n_problems > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Needs a Look"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("What the forms changed where they should not, "
                                               "and rows added or removed. Nothing here is "
                                               "applied."));
      for (guint i = 0; i < n_problems; i++)
        {
          const PathwayReturnProblem *problem = pathway_return_import_get_problem (self->import,
                                                                                   i);
          GtkWidget *row = text_row (problem->message, NULL);

          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (row, "return-conflict");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (self->review_box, group);
    }
  show_review_summary (self);
}

void
pathway_returns_window_review_files (PathwayReturnsWindow *self, const char *const *paths)
{
  g_autoptr(GString) refused = g_string_new (NULL);

  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  if ((const char *const *) self->import_paths != paths)
    {
      g_strfreev (self->import_paths);
      self->import_paths = g_strdupv ((char **) paths);
    }
  g_clear_object (&self->import);
  self->import = pathway_return_import_new (self->document);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!pathway_return_import_add_file (self->import, paths[i], &error))
        g_string_append_printf (refused, "%s%s", refused->len > 0 ? "\n" : "", error->message);
    }
  gtk_label_set_text (self->review_error, refused->str);
  gtk_widget_set_visible (GTK_WIDGET (self->review_error), refused->len > 0);
  fill_review (self);
  show_page (self, "review");
}

static void
returns_chosen_cb (PathwayReturnsWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  g_clear_object (&self->chooser);
  if (paths->len > 1)
    pathway_returns_window_review_files (self, (const char *const *) paths->pdata);
}

void
pathway_returns_window_choose_returns (PathwayReturnsWindow *self)
{
  g_autoptr(GtkFileFilter) forms = gtk_file_filter_new ();

  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Returns"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (forms, _("Return forms (Excel, OpenDocument)"));
  gtk_file_filter_add_pattern (forms, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (forms, "*.[oO][dD][sS]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), forms);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (returns_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
apply_clicked_cb (PathwayReturnsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_applied = 0;

  if (self->import == NULL)
    return;
  if (!pathway_return_import_apply (self->import, &n_applied, &error))
    {
      /* A failed batch reads the programme again: read the files again against it, so no
       * change holds an action of the programme that was. */
      pathway_returns_window_review_files (self, (const char *const *) self->import_paths);
      gtk_label_set_text (self->review_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->review_error), TRUE);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Applied %u change from the returns",
                                          "Applied %u changes from the returns", n_applied),
                             n_applied);
  toast (self, message, pathway_document_get_can_undo (self->document));
  g_clear_object (&self->import);
  pathway_returns_window_show_status (self);
}

/* Building ---------------------------------------------------------------------------------- */

static GtkWidget *
header_button (const char *label, const char *name, gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = plain_label ("", "error");

  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static void
build (PathwayReturnsWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *group, *list_group;
  GtkBox *page;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Returns"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_name (self->back_button, "back-button");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the Returns (Alt+Left)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  self->request_button = header_button (_("_Request Updates…"), "request-button", FALSE);
  self->import_button = header_button (_("_Import Returns…"), "import-button", FALSE);
  self->write_button = header_button (_("_Write Forms…"), "write-button", TRUE);
  self->apply_button = header_button (_("_Apply"), "apply-button", TRUE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->write_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->request_button);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  /* Status */
  page = add_page (self, "status");
  gtk_box_append (page, plain_label (_("Leads send their monthly updates on a form: Request "
                                       "Updates writes one spreadsheet per lead of their actions "
                                       "not updated since a day, and Import Returns reads the "
                                       "filled-in forms back, showing each change before it is "
                                       "written."),
                                     "dim-label"));
  list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list_group), _("Forms by Lead"));
  self->status_list = boxed_list ();
  gtk_widget_set_name (GTK_WIDGET (self->status_list), "returns-status");
  gtk_list_box_set_placeholder (self->status_list,
                                plain_label (_("No forms have been sent yet."), "dim-label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Forms by lead"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group), GTK_WIDGET (self->status_list));
  gtk_box_append (page, list_group);

  /* Request */
  page = add_page (self, "request");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Which Actions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each lead is asked about their actions that are not "
                                           "complete and have had no new rating, status or "
                                           "commentary since the first day. Days are written as "
                                           "18 November 2026 or 18/11/2026."));
  self->since_row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->since_row), "since-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->since_row),
                                 _("Not updated since"));
  pathway_day_field_attach (self->since_row);
  self->due_row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->due_row), "due-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Due back by"));
  pathway_day_field_attach (self->due_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->since_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->due_row));
  gtk_box_append (page, group);
  self->request_summary = GTK_LABEL (plain_label ("", NULL));
  gtk_widget_set_name (GTK_WIDGET (self->request_summary), "request-summary");
  gtk_box_append (page, GTK_WIDGET (self->request_summary));
  self->request_error = GTK_LABEL (error_label ());
  gtk_widget_set_name (GTK_WIDGET (self->request_error), "request-error");
  gtk_box_append (page, GTK_WIDGET (self->request_error));
  list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list_group), _("Forms"));
  self->request_list = boxed_list ();
  gtk_widget_set_name (GTK_WIDGET (self->request_list), "request-forms");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->request_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Forms to write"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group), GTK_WIDGET (self->request_list));
  gtk_box_append (page, list_group);

  /* Review */
  page = add_page (self, "review");
  self->review_error = GTK_LABEL (error_label ());
  gtk_widget_set_name (GTK_WIDGET (self->review_error), "review-error");
  gtk_box_append (page, GTK_WIDGET (self->review_error));
  self->review_summary = GTK_LABEL (plain_label ("", NULL));
  gtk_widget_set_name (GTK_WIDGET (self->review_summary), "review-summary");
  gtk_box_append (page, GTK_WIDGET (self->review_summary));
  self->review_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_name (GTK_WIDGET (self->review_box), "review-changes");
  gtk_box_append (page, GTK_WIDGET (self->review_box));

  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_object (self->back_button, "clicked",
                           G_CALLBACK (pathway_returns_window_show_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->request_button, "clicked",
                           G_CALLBACK (pathway_returns_window_show_request), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_button, "clicked",
                           G_CALLBACK (pathway_returns_window_choose_returns), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->write_button, "clicked", G_CALLBACK (write_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->since_row, "changed", G_CALLBACK (plan_request), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_row, "changed", G_CALLBACK (plan_request), self,
                           G_CONNECT_SWAPPED);
}

/* Undo and redo elsewhere change what was sent and returned. */
static void
document_changed_cb (PathwayReturnsWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "status") == 0)
    fill_status (self);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pathway_returns_window_show_status (PATHWAY_RETURNS_WINDOW (widget));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject ----------------------------------------------------------------------------------- */

static void
pathway_returns_window_dispose (GObject *object)
{
  PathwayReturnsWindow *self = PATHWAY_RETURNS_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->request);
  g_clear_object (&self->import);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_returns_window_parent_class)->dispose (object);
}

static void
pathway_returns_window_finalize (GObject *object)
{
  PathwayReturnsWindow *self = PATHWAY_RETURNS_WINDOW (object);

  g_free (self->folder);
  g_free (self->board_name);
  g_strfreev (self->import_paths);
  g_hash_table_unref (self->left_out);
  g_ptr_array_unref (self->change_checks);
  G_OBJECT_CLASS (pathway_returns_window_parent_class)->finalize (object);
}

static void
pathway_returns_window_class_init (PathwayReturnsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_returns_window_dispose;
  object_class->finalize = pathway_returns_window_finalize;

  gtk_widget_class_install_action (widget_class, "returns.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "returns.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "returns.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "returns.close", NULL);
}

static void
pathway_returns_window_init (PathwayReturnsWindow *self)
{
  self->change_checks = g_ptr_array_new ();
  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 700);
  gtk_window_set_title (GTK_WINDOW (self), _("Returns"));
  build (self);
}

PathwayReturnsWindow *
pathway_returns_window_new (GtkWindow *parent, PathwayDocument *document)
{
  PathwayReturnsWindow *self;
  PathwayProgramme *programme;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_RETURNS_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  programme = pathway_document_get_programme (document);
  adw_window_title_set_subtitle (self->title,
                                 programme != NULL ? pathway_programme_get_name (programme) : "");
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Someone else's change on a server changes what has come back, too. */
  g_signal_connect_object (document, "remote-change", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pathway_returns_window_show_status (self);
  return self;
}

void
pathway_returns_window_set_board_name (PathwayReturnsWindow *self, const char *board_name)
{
  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  g_free (self->board_name);
  self->board_name = g_strdup (board_name);
}

void
pathway_returns_window_set_folder (PathwayReturnsWindow *self, const char *folder)
{
  g_return_if_fail (PATHWAY_IS_RETURNS_WINDOW (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
}
