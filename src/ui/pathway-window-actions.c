/* pathway-window-actions.c: the main window's actions (win.*), installed on the class with
 * their keys, so that a menu item, a button in a view and a key take one path: opening and
 * creating programmes, connecting to one kept on a server, importing and exporting trackers
 * and risk registers, editing, deleting, undoing and redoing, moving between the views,
 * meeting mode, restoring from a backup, the preferences and the Keyboard Shortcuts window.
 * Each action works on the window's open document; _pathway_window_update_actions turns off
 * what it does not allow. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-access-dialog.h"
#include "pathway-action-editor.h"
#include "pathway-backup-dialog.h"
#include "pathway-connect-dialog.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-import-dialog.h"
#include "pathway-new-programme-assistant.h"
#include "pathway-preferences-window.h"
#include "pathway-publish-dialog.h"
#include "pathway-returns-window.h"
#include "pathway-presenter-chooser.h"
#include "pathway-window-private.h"

/* Enabling ------------------------------------------------------------------------------------ */

void
_pathway_window_update_actions (PathwayWindow *self)
{
  gboolean open = self->document != NULL;
  gboolean writable = open && !pathway_document_get_read_only (self->document);
  gboolean remote = open && pathway_document_get_remote (self->document);
  PathwayAccess access = open ? pathway_document_get_access (self->document)
                              : PATHWAY_ACCESS_NONE;
  /* On a server a data officer gives readings only, and only a manager publishes: what they
   * can never do is off. A lead's changes outside their workstreams are the server's to refuse,
   * saying so. A file's user may do everything. */
  gboolean changes_actions = writable && (access == PATHWAY_ACCESS_MANAGER ||
                                          access == PATHWAY_ACCESS_LEAD);
  gboolean manages = writable && access == PATHWAY_ACCESS_MANAGER;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-action", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-action", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && pathway_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && pathway_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-action", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-round", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.returns", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-updates", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-returns", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-risks", changes_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-risks", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", manages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filter-actions", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workstream", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.programme-settings", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-meeting", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", open);
  /* A server keeps its own backups: there are none of a programme on one here. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", open && !remote);
  /* Who may sign in is a manager's to say, even while the connection is lost: the dialog
   * makes its own. The menu offers it only for a programme on a server. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.access",
                                 remote && access == PATHWAY_ACCESS_MANAGER);
  if (remote && g_menu_model_get_n_items (G_MENU_MODEL (self->server_section)) == 0)
    g_menu_append (self->server_section, _("_Who Has Access…"), "win.access");
  else if (!remote)
    g_menu_remove_all (self->server_section);
}

/* Messages ------------------------------------------------------------------------------------ */

/* Toast titles are markup in libadwaita 1.2, and messages quote the user's text. */
static AdwToast *
plain_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
toast_error (PathwayWindow *self, const GError *error)
{
  AdwToast *toast = plain_toast_new (error->message);

  adw_toast_set_timeout (toast, 6);
  _pathway_window_announce_toast (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
conflict_details_cb (AdwToast *toast, PathwayWindow *self)
{
  _pathway_window_show_message (self, g_object_get_data (G_OBJECT (toast), "pathway-heading"),
                                g_object_get_data (G_OBJECT (toast), "pathway-message"));
}

/* An undo or redo refused because someone else changed the field since (a programme on a
 * server): the toast names them, and since libadwaita 1.2 shows a toast's title on one line,
 * Details gives the whole message (who, what to, when). */
static void
toast_conflict (PathwayWindow *self, const char *heading, const GError *error)
{
  AdwToast *toast = plain_toast_new (error->message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "pathway-heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "pathway-message", g_strdup (error->message),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (conflict_details_cb), self, 0);
  pathway_window_add_toast (self, toast);
}

/* Open and new ------------------------------------------------------------------------------ */

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) programmes = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  gtk_file_filter_set_name (programmes, _("Pathway Programmes"));
  gtk_file_filter_add_pattern (programmes, "*.pathway");
  gtk_file_chooser_add_filter (chooser, programmes);
  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (chooser, everything);
  gtk_file_chooser_set_filter (chooser, programmes);
}

static void
chooser_response_cb (PathwayWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    pathway_window_open (self, file);
}

/* The folder of the open programme, or NULL: the next file is usually beside it. */
static GFile *
dup_document_folder (PathwayWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->document == NULL || pathway_document_get_remote (self->document))
    return NULL;
  file = g_file_new_for_path (pathway_document_get_path (self->document));
  return g_file_get_parent (file);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  g_autoptr(GFile) folder = dup_document_folder (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Open Programme"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
programme_created_cb (PathwayWindow *self, PathwayDocument *document, gboolean import,
                      PathwayNewProgrammeAssistant *assistant)
{
  _pathway_window_show_document (self, document);
  if (import)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.import", NULL);
}

/* The assistant asks for everything a programme starts with, then where to save it. */
static void
new_programme_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayNewProgrammeAssistant *assistant = pathway_new_programme_assistant_new (GTK_WINDOW (self));
  g_autoptr(GFile) folder = dup_document_folder (self);

  pathway_new_programme_assistant_set_folder (assistant, folder);
  if (self->settings != NULL)
    {
      g_autofree char *author = g_settings_get_string (self->settings, "author-name");

      pathway_new_programme_assistant_set_author (assistant, author);
    }
  g_signal_connect_object (assistant, "created", G_CALLBACK (programme_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

/* A file's path, or a server's URI without its password. */
static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pathway_window_open_location (PATHWAY_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
connected_cb (PathwayWindow *self, PathwayDocument *document, const char *uri,
              PathwayConnectDialog *dialog)
{
  _pathway_window_show_document (self, document);
}

void
_pathway_window_connect (PathwayWindow *self, const char *uri, const GError *error)
{
  PathwayConnectDialog *dialog = pathway_connect_dialog_new (GTK_WINDOW (self));

  /* The server of the programme shown is the likeliest to be wanted again. */
  if (uri == NULL && self->document != NULL && pathway_document_get_remote (self->document))
    uri = pathway_document_get_path (self->document);
  if (uri != NULL)
    pathway_connect_dialog_set_location (dialog, uri);
  if (error != NULL)
    pathway_connect_dialog_show_error (dialog, error);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);
  /* Opened at start-up, the window may not be on screen yet to hold the dialog. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_window_connect (PATHWAY_WINDOW (widget), NULL, NULL);
}

/* Import and export of trackers and risk registers ------------------------------------------- */

/* Which an import or export chooser is for: the risk log's carry this mark. */
#define RISKS_KEY "pathway-risks"

static void
import_chooser_response_cb (PathwayWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PathwayImportDialog *dialog;
  PathwayImportTarget target = g_object_get_data (G_OBJECT (chooser), RISKS_KEY) != NULL
                                 ? PATHWAY_IMPORT_TARGET_RISKS
                                 : PATHWAY_IMPORT_TARGET_TRACKER;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->document == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_FOUND,
                           _("Only files on this computer can be imported."));
      toast_error (self, error);
      return;
    }
  dialog = pathway_import_dialog_new_for (self->document, path, target, &error);
  if (dialog == NULL)
    {
      toast_error (self, error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.import and win.import-risks: a tracker, or a risk register for the risk log. */
static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) trackers = gtk_file_filter_new ();
  gboolean risks = g_str_equal (action_name, "win.import-risks");

  if (self->document == NULL || pathway_document_get_read_only (self->document))
    return;
  chooser = gtk_file_chooser_native_new (risks ? _("Import Risk Register") : _("Import Tracker"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (risks)
    g_object_set_data (G_OBJECT (chooser), RISKS_KEY, GINT_TO_POINTER (1));
  gtk_file_filter_set_name (trackers, risks ? _("Risk registers (CSV, Excel, OpenDocument)")
                                            : _("Trackers (CSV, Excel, OpenDocument)"));
  gtk_file_filter_add_pattern (trackers, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (trackers, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (trackers, "*.[oO][dD][sS]");
  /* An old .xls cannot be read, but choosing one says how to save it so it can. */
  gtk_file_filter_add_pattern (trackers, "*.[xX][lL][sS]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), trackers);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_chooser_response_cb (PathwayWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileFilter *filter;
  gboolean risks = g_object_get_data (G_OBJECT (chooser), RISKS_KEY) != NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  /* A name without .csv or .xlsx takes the ending of the format chosen. */
  if (path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
        {
          gboolean csv = filter != NULL && g_object_get_data (G_OBJECT (filter), "csv") != NULL;
          char *with_suffix = g_strconcat (path, csv ? ".csv" : ".xlsx", NULL);

          g_free (path);
          path = with_suffix;
        }
    }
  g_object_unref (chooser);
  if (path == NULL || self->document == NULL)
    return;

  name = g_filename_display_basename (path);
  if (risks ? !pathway_export_risks (self->document, path, &error)
            : !pathway_export (self->document, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to %s"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nChoose another folder or name, or "
                                                 "close the file if another program has it "
                                                 "open, and export again."),
                                               error->message);

      _pathway_window_show_message (self, heading, body);
      return;
    }
  text = risks ? g_strdup_printf (_("Exported the risk log to %s"), name)
               : g_strdup_printf (_("Exported the tracker to %s"), name);
  pathway_window_add_toast (self, plain_toast_new (text));
}

/* win.export and win.export-risks: the tracker, or the risk log. */
static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  gboolean risks = g_str_equal (action_name, "win.export-risks");

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (risks ? _("Export Risk Log") : _("Export Tracker"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (risks)
    g_object_set_data (G_OBJECT (chooser), RISKS_KEY, GINT_TO_POINTER (1));
  gtk_file_filter_set_name (xlsx, _("Excel Workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.[xX][lL][sS][xX]");
  gtk_file_filter_set_name (csv, _("CSV (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.[cC][sS][vV]");
  g_object_set_data (G_OBJECT (csv), "csv", GINT_TO_POINTER (1));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     risks ? "risk-log.xlsx" : "tracker.xlsx");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The plan for families ------------------------------------------------------------------- */

static void
open_published_folder_cb (AdwToast *toast, PathwayWindow *self)
{
  const char *folder = g_object_get_data (G_OBJECT (toast), "pathway-folder");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
published_cb (PathwayWindow *self, PathwayPublication *publication, PathwayPublishDialog *dialog)
{
  const char *folder = pathway_publish_dialog_get_folder (dialog);
  g_autofree char *name = g_filename_display_basename (folder);
  g_autofree char *text = g_strdup_printf (_("Published the plan for families to %s"), name);
  AdwToast *toast = plain_toast_new (text);

  adw_toast_set_button_label (toast, _("_Open Folder"));
  g_object_set_data_full (G_OBJECT (toast), "pathway-folder", g_strdup (folder), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_published_folder_cb), self,
                           0);
  pathway_window_add_toast (self, toast);
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayPublishDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = pathway_publish_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "published", G_CALLBACK (published_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions on actions ------------------------------------------------------------------------- */

static PathwayAction *
find_action (PathwayWindow *self, GVariant *parameter)
{
  if (self->document == NULL)
    return NULL;
  return pathway_programme_find_action (pathway_document_get_programme (self->document),
                                        g_variant_get_int64 (parameter));
}

static void
open_editor (PathwayWindow *self, PathwayAction *action)
{
  PathwayActionEditor *editor;

  if (self->document == NULL)
    return;
  editor = pathway_action_editor_new (GTK_WINDOW (self), self->document, action);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayAction *action = find_action (self, parameter);

  if (action != NULL)
    open_editor (self, action);
}

static void
new_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (PATHWAY_WINDOW (widget), NULL);
}

/* Return forms ------------------------------------------------------------------------------ */

static void
returns_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayReturnsWindow *returns;

  if (self->document == NULL)
    return;
  returns = pathway_returns_window_new (GTK_WINDOW (self), self->document);
  if (self->settings != NULL)
    {
      g_autofree char *board = g_settings_get_string (self->settings, "default-board");

      pathway_returns_window_set_board_name (returns, *board != '\0' ? board : NULL);
    }
  if (g_str_equal (action_name, "win.request-updates"))
    pathway_returns_window_show_request (returns);
  gtk_window_present (GTK_WINDOW (returns));
  if (g_str_equal (action_name, "win.import-returns"))
    pathway_returns_window_choose_returns (returns);
}

/* The monthly update ---------------------------------------------------------------------- */

static void
start_round (PathwayWindow *self, PathwayUpdateRound *round)
{
  PathwayActionEditor *editor;

  g_set_object (&self->round, round);
  editor = pathway_action_editor_new_round (GTK_WINDOW (self), round);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct {
  PathwayWindow *window;
  GtkEntry *since_entry;
  GtkLabel *count_label;
} RoundAsk;

/* The day as typed, and how many actions a round from it would visit ("38 actions have not
 * been updated since Wednesday 18 November 2026"). */
static gboolean
round_ask_read (RoundAsk *ask, GDate *since, guint *n_actions)
{
  g_autoptr(GPtrArray) needing = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  *n_actions = 0;
  if (!pathway_editor_parse_day (gtk_editable_get_text (GTK_EDITABLE (ask->since_entry)), since))
    {
      gtk_label_set_text (ask->count_label, _("Not a date: write it as 18 November 2026 or "
                                              "18/11/2026"));
      return FALSE;
    }
  needing = pathway_document_list_needing_update (ask->window->document, since, NULL);
  *n_actions = needing != NULL ? needing->len : 0;
  day = pathway_format_date (since);
  if (*n_actions == 0)
    text = g_strdup_printf (_("Every action not complete has been updated since %s."), day);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u action has not been updated since %s.",
                                         "%u actions have not been updated since %s.",
                                         *n_actions),
                            *n_actions, day);
  gtk_label_set_text (ask->count_label, text);
  return TRUE;
}

static void
round_ask_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  RoundAsk *ask = g_object_get_data (G_OBJECT (dialog), "round-ask");
  GDate since;
  guint n_actions;

  round_ask_read (ask, &since, &n_actions);
  adw_message_dialog_set_response_enabled (dialog, "start", n_actions > 0);
}

static void
round_ask_response_cb (AdwMessageDialog *dialog, const char *response, RoundAsk *ask)
{
  g_autoptr(PathwayUpdateRound) round = NULL;
  g_autoptr(GError) error = NULL;
  GDate since;
  guint n_actions;

  if (!g_str_equal (response, "start") || ask->window->document == NULL ||
      !round_ask_read (ask, &since, &n_actions) || n_actions == 0)
    return;
  /* In the tracker's order, as the person has sorted it. */
  round = pathway_update_round_new (
    ask->window->document, &since,
    pathway_actions_view_get_sorter (
      PATHWAY_ACTIONS_VIEW (pathway_window_get_view (ask->window, "actions"))),
    &error);
  if (round == NULL)
    {
      toast_error (ask->window, error);
      return;
    }
  start_round (ask->window, round);
}

/* Asks from which day; the last meeting of the default board is offered. */
static void
ask_round (PathwayWindow *self)
{
  g_autofree char *board = self->settings != NULL
                             ? g_settings_get_string (self->settings, "default-board") : NULL;
  g_autofree char *day = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *row, *label;
  RoundAsk *ask = g_new0 (RoundAsk, 1);
  GDate since;

  pathway_update_round_default_since (self->document,
                                      board != NULL && *board != '\0' ? board : NULL, &since);
  day = pathway_format_date (&since);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Monthly Update"),
                                                       NULL));
  gtk_widget_set_name (GTK_WIDGET (dialog), "update-round-dialog");
  adw_message_dialog_set_body (dialog,
                               _("Go through the actions that are not complete and have had "
                                 "no change of rating, status or commentary since a day, one "
                                 "after another, in the order the tracker shows them."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("Not updated _since"));
  ask->window = self;
  ask->since_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (ask->since_entry), "round-since");
  gtk_widget_set_hexpand (GTK_WIDGET (ask->since_entry), TRUE);
  gtk_entry_set_activates_default (ask->since_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (ask->since_entry), day);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (ask->since_entry));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (ask->since_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (ask->since_entry));
  ask->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ask->count_label), "round-count");
  gtk_label_set_wrap (ask->count_label, TRUE);
  gtk_label_set_xalign (ask->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (ask->count_label), "dim-label");
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->count_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (ask->since_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, ask->count_label, NULL,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "round-ask", ask, g_free);
  g_signal_connect_object (ask->since_entry, "changed", G_CALLBACK (round_ask_changed_cb),
                           dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (round_ask_response_cb), ask);
  round_ask_changed_cb (GTK_EDITABLE (ask->since_entry), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (ask->since_entry));
}

/* Goes on where the last round stopped; a finished one, or one of another file, asks again. */
static void
update_round_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  if (self->document == NULL || pathway_document_get_read_only (self->document))
    return;
  if (self->round != NULL &&
      (pathway_update_round_get_document (self->round) != self->document ||
       pathway_update_round_is_finished (self->round)))
    g_clear_object (&self->round);
  /* Updated elsewhere, or deleted, since the round stopped there: on to the next. */
  if (self->round != NULL && !pathway_update_round_current_needs_update (self->round))
    pathway_update_round_advance (self->round, FALSE);
  if (self->round != NULL && !pathway_update_round_is_finished (self->round))
    {
      g_autoptr(PathwayUpdateRound) round = g_object_ref (self->round);

      start_round (self, round);
      return;
    }
  g_clear_object (&self->round);
  ask_round (self);
}

static void
add_undo_toast (PathwayWindow *self, const char *title)
{
  AdwToast *toast = plain_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  _pathway_window_announce_toast (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayAction *action = find_action (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;

  if (action == NULL)
    return;
  reference = g_strdup (pathway_action_get_reference (action));
  if (!pathway_document_delete_action (self->document, action, NULL, &error))
    {
      toast_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Deleted %s"), reference);
  add_undo_toast (self, title);
}

static void
replay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->document == NULL)
    return;
  label = g_strdup (pathway_document_get_undo_label (self->document));
  if (!(undo ? pathway_document_undo (self->document, &error)
             : pathway_document_redo (self->document, &error)))
    {
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT))
        toast_conflict (self, undo ? _("Not Undone") : _("Not Redone"), error);
      else
        toast_error (self, error);
      return;
    }
  if (undo)
    title = label ? g_strdup_printf (_("Undone: %s"), label) : g_strdup (_("Undone"));
  else
    title = g_strdup (_("Redone"));
  toast = plain_toast_new (title);
  adw_toast_set_timeout (toast, 3);
  _pathway_window_announce_toast (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Navigation ---------------------------------------------------------------------------------- */

/* The views the actions lead into, made if they have not been shown yet. */
static PathwayWorkstreamsView *
workstreams_view (PathwayWindow *self)
{
  return PATHWAY_WORKSTREAMS_VIEW (pathway_window_get_view (self, "workstreams"));
}

static PathwayActionsView *
actions_view (PathwayWindow *self)
{
  return PATHWAY_ACTIONS_VIEW (pathway_window_get_view (self, "actions"));
}

static void
show_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

static void
show_workstream_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "workstreams");
  pathway_workstreams_view_select (workstreams_view (self), g_variant_get_int64 (parameter));
}

static void
filter_actions_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  pathway_actions_view_apply_preset (actions_view (self), g_variant_get_string (parameter, NULL));
}

static void
find_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  pathway_actions_view_focus_search (actions_view (self));
}

/* Meeting mode ------------------------------------------------------------------------------- */

static void
start_presenter (PathwayWindow *self, PathwayMeeting *meeting, GListModel *actions,
                 GdkMonitor *monitor)
{
  PathwayPresenter *presenter;

  if (self->document == NULL)
    return;
  /* One meeting at a time: a presenter still open comes to the front instead. */
  if (self->presenter != NULL && gtk_widget_get_visible (GTK_WIDGET (self->presenter)))
    {
      gtk_window_present (GTK_WINDOW (self->presenter));
      return;
    }
  presenter = pathway_presenter_new (GTK_WINDOW (self), self->document, meeting, actions);
  g_set_weak_pointer (&self->presenter, presenter);
  if (monitor == NULL)
    monitor = pathway_presenter_default_monitor (GTK_WINDOW (self));
  pathway_presenter_present (presenter, monitor);
}

static void
meeting_chosen_cb (PathwayPresenterChooser *chooser, PathwayMeeting *meeting,
                   GdkMonitor *monitor, PathwayWindow *self)
{
  start_presenter (self, meeting, g_object_get_data (G_OBJECT (chooser), "actions"), monitor);
}

/* Asks which meeting to record in, then presents 'actions' (NULL: the meeting's default set). */
static void
choose_meeting (PathwayWindow *self, GListModel *actions)
{
  PathwayPresenterChooser *chooser;

  if (self->document == NULL)
    return;
  chooser = pathway_presenter_chooser_new (GTK_WINDOW (self), self->document);
  if (actions != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "actions", g_object_ref (actions),
                            g_object_unref);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (meeting_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
present_meeting_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayMeeting *meeting = NULL;

  if (self->document == NULL)
    return;
  if (parameter != NULL && g_variant_get_int64 (parameter) > 0)
    meeting = pathway_programme_find_meeting (pathway_document_get_programme (self->document),
                                              g_variant_get_int64 (parameter));
  if (meeting != NULL)
    start_presenter (self, meeting, NULL, NULL);
  else
    choose_meeting (self, NULL);
}

static void
present_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  GListModel *shown = pathway_actions_view_get_shown (actions_view (self));
  g_autoptr(GListStore) actions = g_list_store_new (PATHWAY_TYPE_ACTION);

  /* The tracker's rows as they are now, in its order: later filtering leaves them be. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) action = g_list_model_get_item (shown, i);

      g_list_store_append (actions, action);
    }
  choose_meeting (self, G_LIST_MODEL (actions));
}

/* Backups ----------------------------------------------------------------------------------- */

/* Who may sign in to the programme on a server, and what each may change. */
static void
access_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  if (self->document == NULL || !pathway_document_get_remote (self->document))
    return;
  gtk_window_present (GTK_WINDOW (pathway_access_dialog_new (GTK_WINDOW (self),
                                                             self->document)));
}

/* The dialog restores a copy and opens it here; the open programme is never written. */
static void
restore_backup_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (pathway_backup_dialog_new (self)));
}

static void
preferences_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  PathwayPreferencesWindow *preferences;

  preferences = pathway_preferences_window_new (GTK_WINDOW (self), self->settings,
                                                self->document);
  if (g_str_equal (action_name, "win.programme-settings"))
    pathway_preferences_window_show_programme (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The Keyboard Shortcuts window, built when asked for rather than with every window (see
 * ui/gtk/help-overlay.ui); it goes when closed. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/pathway/Pathway/ui/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

/* Class -------------------------------------------------------------------------------------- */

void
_pathway_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL,
                                   new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "win.new-action", NULL, new_action_action);
  gtk_widget_class_install_action (widget_class, "win.update-round", NULL, update_round_action);
  gtk_widget_class_install_action (widget_class, "win.returns", NULL, returns_action);
  gtk_widget_class_install_action (widget_class, "win.request-updates", NULL, returns_action);
  gtk_widget_class_install_action (widget_class, "win.import-returns", NULL, returns_action);
  gtk_widget_class_install_action (widget_class, "win.delete-action", "x",
                                   delete_action_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, replay_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, replay_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-workstream", "x",
                                   show_workstream_action);
  gtk_widget_class_install_action (widget_class, "win.filter-actions", "s",
                                   filter_actions_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.programme-settings", NULL,
                                   preferences_action);
  gtk_widget_class_install_action (widget_class, "win.present-meeting", "x",
                                   present_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import-risks", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-risks", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.access", NULL, access_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-programme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-action",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "win.update-round", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-meeting", "x",
                                       (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view",
                                       "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view",
                                       "s", "workstreams");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view",
                                       "s", "actions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view",
                                       "s", "indicators");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-view",
                                       "s", "report");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-view",
                                       "s", "setup");
  /* The views added later take the next keys rather than moving the first six. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-view",
                                       "s", "risks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "win.show-view",
                                       "s", "coproduction");
}
