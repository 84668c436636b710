/* pathway-window.c: the main window. It holds one open document (and so its lock) and shows
 * its programme in views: Overview, Workstreams, Actions, Indicators and the Board report. The window owns the actions every view shares (edit, new and
 * delete an action, undo and redo, find, preferences) so that a menu item, a button and a
 * key all take one path. Opening goes through the document, and every reason a file cannot
 * be opened is explained in a dialog that says what to do. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "pathway-action-editor.h"
#include "pathway-actions-view.h"
#include "pathway-application.h"
#include "pathway-import-dialog.h"
#include "pathway-indicators-view.h"
#include "pathway-overview-view.h"
#include "pathway-preferences-window.h"
#include "pathway-presenter-chooser.h"
#include "pathway-presenter.h"
#include "pathway-report-view.h"
#include "pathway-style.h"
#include "pathway-window.h"
#include "pathway-workstreams-view.h"

#define MAX_RECENT 8

struct _PathwayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PathwayDocument *document;
  GtkFileChooserNative *chooser;
  gboolean reported_first_frame;
  PathwayPresenter *presenter; /* weak: meeting mode, while it is open */

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwViewStack *view_stack;
  PathwayOverviewView *overview_view;
  PathwayWorkstreamsView *workstreams_view;
  PathwayActionsView *actions_view;
  PathwayIndicatorsView *indicators_view;
  PathwayReportView *report_view;
  GMenu *recent_section;
};

G_DEFINE_FINAL_TYPE (PathwayWindow, pathway_window, ADW_TYPE_APPLICATION_WINDOW)

/* Titles and sensitivity ------------------------------------------------------------------- */

static void
refresh_titles (PathwayWindow *self)
{
  PathwayProgramme *programme;
  g_autofree char *file_name = NULL;
  const char *name;

  if (self->document == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Pathway"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Pathway"));
      return;
    }

  programme = pathway_document_get_programme (self->document);
  name = pathway_programme_get_name (programme);
  if (name[0] == '\0')
    name = _("Untitled Programme");
  file_name = g_filename_display_basename (pathway_document_get_path (self->document));

  /* AdwWindowTitle shows plain text: a name with '<' or '&' reads as written. */
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
refresh_actions (PathwayWindow *self)
{
  gboolean open = self->document != NULL;
  gboolean writable = open && !pathway_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-action", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-action", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && pathway_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && pathway_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-action", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filter-actions", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workstream", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.programme-settings", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-meeting", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", open);
}

static void
programme_name_cb (PathwayWindow *self)
{
  refresh_titles (self);
}

static void
document_undo_cb (PathwayWindow *self)
{
  refresh_actions (self);
}

static void
watch_programme (PathwayWindow *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  g_signal_connect_object (programme, "notify::name", G_CALLBACK (programme_name_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
document_programme_cb (PathwayWindow *self)
{
  /* A rolled-back batch replaces the programme object: follow the new one. */
  watch_programme (self);
  refresh_titles (self);
}

/* Recent files ---------------------------------------------------------------------------- */

static void
refresh_recent (PathwayWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

static void
remember_recent (PathwayWindow *self, const char *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], path) || !g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) updated);
  g_settings_set_string (self->settings, "last-file", path);
}

/* The document ----------------------------------------------------------------------------- */

/* Gives the document to the visible view only; the others get it when first shown, so that
 * opening a programme builds one view, not three. */
static void
give_document_to_visible_view (PathwayWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible == GTK_WIDGET (self->overview_view) &&
      pathway_overview_view_get_document (self->overview_view) != self->document)
    pathway_overview_view_set_document (self->overview_view, self->document);
  else if (visible == GTK_WIDGET (self->workstreams_view) &&
           pathway_workstreams_view_get_document (self->workstreams_view) != self->document)
    pathway_workstreams_view_set_document (self->workstreams_view, self->document);
  else if (visible == GTK_WIDGET (self->actions_view) &&
           pathway_actions_view_get_document (self->actions_view) != self->document)
    pathway_actions_view_set_document (self->actions_view, self->document);
  else if (visible == GTK_WIDGET (self->indicators_view) &&
           pathway_indicators_view_get_document (self->indicators_view) != self->document)
    pathway_indicators_view_set_document (self->indicators_view, self->document);
  else if (visible == GTK_WIDGET (self->report_view) &&
           pathway_report_view_get_document (self->report_view) != self->document)
    pathway_report_view_set_document (self->report_view, self->document);
}

static void
set_views_document (PathwayWindow *self, PathwayDocument *document)
{
  if (document == NULL)
    {
      pathway_overview_view_set_document (self->overview_view, NULL);
      pathway_workstreams_view_set_document (self->workstreams_view, NULL);
      pathway_actions_view_set_document (self->actions_view, NULL);
      pathway_indicators_view_set_document (self->indicators_view, NULL);
      pathway_report_view_set_document (self->report_view, NULL);
      return;
    }
  give_document_to_visible_view (self);
}

static void
close_document (PathwayWindow *self)
{
  if (self->document == NULL)
    return;
  /* Meeting mode records into this document: it ends (keeping its summary) first. */
  if (self->presenter != NULL)
    pathway_presenter_leave (self->presenter);
  g_clear_weak_pointer (&self->presenter);
  set_views_document (self, NULL);
  g_signal_handlers_disconnect_by_data (pathway_document_get_programme (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  pathway_document_close (self->document);
  g_clear_object (&self->document);
}

static void
show_document (PathwayWindow *self, PathwayDocument *document)
{
  gboolean read_only = pathway_document_get_read_only (document);

  close_document (self);
  self->document = g_object_ref (document);

  if (self->settings != NULL)
    {
      g_autofree char *author_name = g_settings_get_string (self->settings, "author-name");

      if (author_name[0] != '\0')
        pathway_document_set_author (document, author_name);
    }
  remember_recent (self, pathway_document_get_path (document));

  watch_programme (self);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (document_programme_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (document_undo_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (document_undo_cb), self,
                           G_CONNECT_SWAPPED);

  set_views_document (self, document);
  refresh_titles (self);
  refresh_actions (self);

  if (read_only)
    {
      const char *reason = pathway_document_get_read_only_reason (document);

      gtk_label_set_text (self->read_only_label,
                          reason != NULL && reason[0] != '\0'
                            ? reason
                            : _("This programme is open read-only, so it cannot be changed."));
    }
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);

  if (pathway_document_get_migration_backup (document) != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("This programme was brought up to date. "
                                                  "A copy of the old file was kept beside it.")));

  gtk_stack_set_visible_child_name (self->stack, "programme");
}

/* What the person can do about each reason a file will not open. */
static const char *
advice_for (const GError *error)
{
  if (error->domain != PATHWAY_ERROR)
    return _("Check the file and try again.");

  switch ((PathwayError) error->code)
    {
    case PATHWAY_ERROR_NOT_FOUND:
      return _("It may have been moved, renamed or deleted. Choose it again with Open.");
    case PATHWAY_ERROR_EMPTY:
    case PATHWAY_ERROR_NOT_SQLITE:
    case PATHWAY_ERROR_NOT_PROGRAMME:
      return _("Pathway opens programme files, whose names end in “.pathway”. "
               "Choose one of those instead.");
    case PATHWAY_ERROR_NEWER_VERSION:
      return _("It was saved by a newer version of Pathway. Open it with that version, "
               "or install it on this computer. The file has not been changed.");
    case PATHWAY_ERROR_DAMAGED:
      return _("Restore the file from your backups. If it was upgraded recently, the copy "
               "kept beside it before the upgrade can be opened instead.");
    case PATHWAY_ERROR_LOCKED:
      return _("Try again once it has been closed there.");
    case PATHWAY_ERROR_READ_ONLY:
      return _("Copy the file to a folder you can write to, then open the copy.");
    case PATHWAY_ERROR_IO:
      return _("Check that the file’s folder is available and that you may read it, "
               "then try again.");
    case PATHWAY_ERROR_DISK_FULL:
      return _("Free some space on the disk, then try again.");
    case PATHWAY_ERROR_FAILED:
    case PATHWAY_ERROR_EXISTS:
    case PATHWAY_ERROR_INVALID:
    default:
      return _("Check the file and try again.");
    }
}

static void
present_error (PathwayWindow *self, const char *heading, const GError *error)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, advice_for (error));
  AdwMessageDialog *dialog;

  /* Heading and body are plain text: file names and messages may contain '<' or '&'. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
locked_response_cb (AdwMessageDialog *dialog, const char *response, PathwayWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(PathwayDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "copy"))
    return;
  copy = pathway_document_open_copy (path, &error);
  if (copy == NULL)
    present_error (self, _("Could Not Open a Copy"), error);
  else
    show_document (self, copy);
}

static void
show_open_error (PathwayWindow *self, GFile *file, const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_LOCKED))
    {
      present_error (self, heading, error);
      return;
    }

  /* Someone else has it: say who, and offer to look at a copy without changing anything. */
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("You can open a read-only copy of it as it is now, to read "
                            "while they work."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"),
                                    "copy", _("Open a _Read-Only Copy"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_file_get_path (file), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (locked_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
create_programme (PathwayWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = NULL;
  char *dot;

  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, ".pathway"))
    {
      char *with_suffix = g_strconcat (path, ".pathway", NULL);

      g_free (path);
      path = with_suffix;
    }
  /* The file's name is a fair first name for the programme; settings can change it. */
  basename = g_filename_display_basename (path);
  if ((dot = strrchr (basename, '.')) != NULL)
    *dot = '\0';
  document = pathway_document_create (path, basename, &error);
  if (document == NULL)
    {
      present_error (self, _("Could Not Create the Programme"), error);
      return;
    }
  show_document (self, document);
}

static void
chooser_response_cb (PathwayWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;
  if (saving)
    create_programme (self, file);
  else
    pathway_window_open (self, file);
}

static void
show_chooser (PathwayWindow *self, GtkFileChooserAction action)
{
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (saving ? _("New Programme")
                                                      : _("Open Programme"),
                                               GTK_WINDOW (self), action,
                                               saving ? _("_Create") : _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  if (saving)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                       _("Programme.pathway"));

  /* Start where the open programme is: the next file is usually beside it. */
  if (self->document != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (pathway_document_get_path (self->document));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_chooser (PATHWAY_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_programme_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_chooser (PATHWAY_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  pathway_window_open (PATHWAY_WINDOW (widget), file);
}

/* Import and export of trackers ----------------------------------------------------------- */

static void
import_chooser_response_cb (PathwayWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PathwayImportDialog *dialog;

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
  dialog = pathway_import_dialog_new (self->document, path, &error);
  if (dialog == NULL)
    {
      toast_error (self, error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) trackers = gtk_file_filter_new ();

  if (self->document == NULL || pathway_document_get_read_only (self->document))
    return;
  chooser = gtk_file_chooser_native_new (_("Import Tracker"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (trackers, _("Trackers (CSV, Excel)"));
  gtk_file_filter_add_pattern (trackers, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (trackers, "*.[xX][lL][sS][xX]");
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
  if (!pathway_export (self->document, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to %s"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nChoose another folder or name, or "
                                                 "close the file if another program has it "
                                                 "open, and export again."),
                                               error->message);
      AdwMessageDialog *dialog;

      /* Heading and body are plain text: file names and messages may contain '<' or '&'. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  text = g_strdup_printf (_("Exported the tracker to %s"), name);
  pathway_window_add_toast (self, plain_toast_new (text));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Tracker"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel Workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.[xX][lL][sS][xX]");
  gtk_file_filter_set_name (csv, _("CSV (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.[cC][sS][vV]");
  g_object_set_data (G_OBJECT (csv), "csv", GINT_TO_POINTER (1));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "tracker.xlsx");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

static void
add_undo_toast (PathwayWindow *self, const char *title)
{
  AdwToast *toast = plain_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
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
      toast_error (self, error);
      return;
    }
  if (undo)
    title = label ? g_strdup_printf (_("Undone: %s"), label) : g_strdup (_("Undone"));
  else
    title = g_strdup (_("Redone"));
  toast = plain_toast_new (title);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Navigation ---------------------------------------------------------------------------------- */

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
  pathway_workstreams_view_select (self->workstreams_view, g_variant_get_int64 (parameter));
}

static void
filter_actions_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  pathway_actions_view_apply_preset (self->actions_view, g_variant_get_string (parameter, NULL));
}

static void
find_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  pathway_actions_view_focus_search (self->actions_view);
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
  pathway_presenter_present (presenter,
                             monitor != NULL ? monitor
                                             : pathway_presenter_default_monitor (GTK_WINDOW (self)));
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
  GListModel *shown = pathway_actions_view_get_shown (self->actions_view);
  g_autoptr(GListStore) actions = g_list_store_new (PATHWAY_TYPE_ACTION);

  /* The tracker's rows as they are now, in its order: later filtering leaves them be. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) action = g_list_model_get_item (shown, i);

      g_list_store_append (actions, action);
    }
  choose_meeting (self, G_LIST_MODEL (actions));
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

/* Settings that the views follow ----------------------------------------------------------- */

static void
stale_days_cb (PathwayWindow *self)
{
  guint days = self->settings ? g_settings_get_uint (self->settings, "stale-days") : 60;

  pathway_overview_view_set_stale_days (self->overview_view, days);
  pathway_actions_view_set_stale_days (self->actions_view, days);
}

static void
author_name_cb (PathwayWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");

  if (self->document != NULL)
    pathway_document_set_author (self->document, name);
}

/* First frame ------------------------------------------------------------------------------- */

/* Milliseconds since this process started, from the kernel's own start time. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  double up = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  /* The command name may hold spaces: the fields start after its closing parenthesis. */
  fields = strrchr (stat, ')');
  if (fields == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d "
              "%*d %*d %*d %llu", &start_ticks) != 1 ||
      sscanf (uptime, "%lf", &up) != 1)
    return -1;
  return (up - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock, PathwayWindow *self)
{
  if (self->reported_first_frame)
    return;
  self->reported_first_frame = TRUE;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  /* Measured from process start, so it includes loading GTK and opening the programme. */
  g_print ("first-frame: %.0f ms after process start\n", process_age_ms ());
}

static void
pathway_window_realize (GtkWidget *widget)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);

  GTK_WIDGET_CLASS (pathway_window_parent_class)->realize (widget);
  if (g_getenv ("PATHWAY_REPORT_FIRST_FRAME") != NULL && !self->reported_first_frame)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (after_paint_cb), self);
}

/* Class -------------------------------------------------------------------------------------- */

static void
pathway_window_dispose (GObject *object)
{
  PathwayWindow *self = PATHWAY_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->presenter != NULL)
    {
      /* The window is going: keep the meeting's summary, but show it over nothing. */
      GtkWindow *summary = pathway_presenter_leave (self->presenter);

      if (summary != NULL)
        gtk_window_destroy (summary);
      g_clear_weak_pointer (&self->presenter);
    }
  close_document (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_WINDOW);

  G_OBJECT_CLASS (pathway_window_parent_class)->dispose (object);
}

static void
pathway_window_class_init (PathwayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_window_dispose;
  widget_class->realize = pathway_window_realize;

  g_type_ensure (PATHWAY_TYPE_OVERVIEW_VIEW);
  g_type_ensure (PATHWAY_TYPE_WORKSTREAMS_VIEW);
  g_type_ensure (PATHWAY_TYPE_ACTIONS_VIEW);
  g_type_ensure (PATHWAY_TYPE_INDICATORS_VIEW);
  g_type_ensure (PATHWAY_TYPE_REPORT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, workstreams_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, indicators_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL,
                                   new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "win.new-action", NULL, new_action_action);
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
  gtk_widget_class_install_action (widget_class, "win.programme-settings", NULL,
                                   preferences_action);
  gtk_widget_class_install_action (widget_class, "win.present-meeting", "x",
                                   present_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);

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
}

static void
pathway_window_init (PathwayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->settings = pathway_application_new_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::stale-days",
                               G_CALLBACK (stale_days_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::author-name",
                               G_CALLBACK (author_name_cb), self, G_CONNECT_SWAPPED);
    }
  refresh_recent (self);
  stale_days_cb (self);
  refresh_titles (self);
  refresh_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (give_document_to_visible_view), self,
                           G_CONNECT_SWAPPED);
}

PathwayWindow *
pathway_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PATHWAY_TYPE_WINDOW, "application", application, NULL);
}

gboolean
pathway_window_load (PathwayWindow *self, const char *path, PathwayOpenFlags flags,
                     GError **error)
{
  g_autoptr(PathwayDocument) document = NULL;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Opening again what is already open here would only meet our own lock. */
  if (self->document != NULL)
    {
      g_autoptr(GFile) open_file = g_file_new_for_path (pathway_document_get_path (self->document));
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (g_file_equal (open_file, file))
        return TRUE;
    }

  document = pathway_document_open (path, flags, error);
  if (document == NULL)
    return FALSE;

  show_document (self, document);
  return TRUE;
}

void
pathway_window_open (PathwayWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_FOUND,
                         _("Only files on this computer can be opened."));
  else if (pathway_window_load (self, path, PATHWAY_OPEN_DEFAULT, &error))
    return;

  show_open_error (self, file, error);
}

void
pathway_window_show_error (PathwayWindow *self, const char *heading, const GError *error)
{
  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  present_error (self, heading, error);
}

PathwayDocument *
pathway_window_get_document (PathwayWindow *self)
{
  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), NULL);

  return self->document;
}

void
pathway_window_add_toast (PathwayWindow *self, AdwToast *toast)
{
  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
