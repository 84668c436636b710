/* pathway-window.c: the main window. It holds one open document (and so its lock) and shows
 * its programme in views (Overview, Workstreams, Actions, Indicators, Board report, Set-up),
 * each a PathwayView that the window makes (through its page's PathwayViewSlot) and gives the
 * document when it is first shown. Opening goes
 * through the document, and every reason a file cannot be opened is explained in a dialog that
 * says what to do. The actions every view shares live in pathway-window-actions.c. The window's
 * size is read from the settings when it is made and written back when it closes.
 *
 * A programme kept on a server is opened in the background (the password from the keyring,
 * the network on a worker thread) and watched once shown: other people's changes reach the
 * views by themselves and are told in a quiet toast each ("Beth Kowalski re-rated 2A v"), and
 * a lost connection shows the read-only bar, saying why, until it is back. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-announce.h"
#include "pathway-application.h"
#include "pathway-backup.h"
#include "pathway-coproduction-view.h"
#include "pathway-damage-dialog.h"
#include "pathway-first-frame.h"
#include "pathway-indicators-view.h"
#include "pathway-overview-view.h"
#include "pathway-report-view.h"
#include "pathway-risks-view.h"
#include "pathway-server-location.h"
#include "pathway-setup-view.h"
#include "pathway-style.h"
#include "pathway-view-slot.h"
#include "pathway-window-private.h"

#define MAX_RECENT 8

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
  /* A file's name, or the database and its server ("send on db.example.org"): the path of a
   * programme on a server is its URI without the password. */
  file_name = pathway_location_describe (pathway_document_get_path (self->document));

  /* AdwWindowTitle shows plain text: a name with '<' or '&' reads as written. */
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
programme_name_cb (PathwayWindow *self)
{
  refresh_titles (self);
}

static void
document_undo_cb (PathwayWindow *self)
{
  _pathway_window_update_actions (self);
}

static void stale_days_cb (PathwayWindow *self);

static void
watch_programme (PathwayWindow *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  g_signal_connect_object (programme, "notify::name", G_CALLBACK (programme_name_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (programme, "notify::stale-days", G_CALLBACK (stale_days_cb), self,
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
      g_autofree char *label = pathway_location_describe (recent[i]);
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
      /* A file that has gone is dropped; a server cannot be asked from here. */
      if (g_str_equal (recent[i], path) ||
          (!pathway_location_is_remote (recent[i]) &&
           !g_file_test (recent[i], G_FILE_TEST_EXISTS)))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) updated);
  g_settings_set_string (self->settings, "last-file", path);
}

/* The document ----------------------------------------------------------------------------- */

static void give_stale_days_to_view (PathwayWindow *self, PathwayView *view);

/* The view a page holds, made now if it has not been shown before. */
static PathwayView *
view_of_page (PathwayWindow *self,
              GtkWidget     *child)
{
  PathwayViewSlot *slot;
  PathwayView *view;

  if (!PATHWAY_IS_VIEW_SLOT (child))
    return NULL;
  slot = PATHWAY_VIEW_SLOT (child);
  view = pathway_view_slot_peek_view (slot);
  if (view == NULL)
    {
      view = pathway_view_slot_get_view (slot);
      give_stale_days_to_view (self, view);
    }
  return view;
}

/* Each view made so far, through PathwayView: the window knows its pages only as views, and
 * a view not yet made gets what it needs when it is. */
static void
foreach_view (PathwayWindow *self,
              void (*func) (PathwayWindow *self, PathwayView *view))
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (pages)); i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      PathwayView *view = NULL;

      if (PATHWAY_IS_VIEW_SLOT (child))
        view = pathway_view_slot_peek_view (PATHWAY_VIEW_SLOT (child));
      if (view != NULL)
        func (self, view);
    }
}

/* Gives the document to the visible view only, making it if need be; the others are made and
 * get it when first shown, so that opening a programme builds one view, not six. */
static void
give_document_to_visible_view (PathwayWindow *self)
{
  PathwayView *view;

  if (self->document == NULL)
    return;
  view = view_of_page (self, adw_view_stack_get_visible_child (self->view_stack));
  if (view != NULL)
    pathway_view_set_document (view, self->document);
}

static void
take_document_from_view (PathwayWindow *self,
                         PathwayView   *view)
{
  pathway_view_set_document (view, NULL);
}

static void
set_views_document (PathwayWindow *self, PathwayDocument *document)
{
  if (document == NULL)
    foreach_view (self, take_document_from_view);
  else
    give_document_to_visible_view (self);
}

static void
close_document (PathwayWindow *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  /* A monthly update's round belongs to the file it counts in. */
  g_clear_object (&self->round);
  if (self->document == NULL)
    return;
  /* Meeting mode records into this document: it ends (keeping its summary) first. */
  if (self->presenter != NULL)
    pathway_presenter_leave (self->presenter);
  g_clear_weak_pointer (&self->presenter);
  set_views_document (self, NULL);
  g_signal_handlers_disconnect_by_data (pathway_document_get_programme (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  pathway_document_watch (self->document, FALSE);
  pathway_document_close (self->document);
  g_clear_object (&self->document);
}

static void
show_read_only_bar (PathwayWindow *self)
{
  gboolean read_only = pathway_document_get_read_only (self->document);
  gboolean lost = pathway_document_get_connection (self->document) == PATHWAY_CONNECTION_LOST;

  /* The same bar says that the connection to the server is lost (the document's reason says
   * so, with the problem), marked apart from a file that is read-only for good. */
  gtk_image_set_from_icon_name (self->read_only_icon, lost ? "network-offline-symbolic"
                                                           : "changes-prevent-symbolic");
  if (lost)
    gtk_widget_add_css_class (self->read_only_bar, "connection-lost");
  else
    gtk_widget_remove_css_class (self->read_only_bar, "connection-lost");
  if (read_only)
    {
      const char *reason = pathway_document_get_read_only_reason (self->document);

      gtk_label_set_text (self->read_only_label,
                          reason != NULL && reason[0] != '\0'
                            ? reason
                            : _("This programme is open read-only, so it cannot be changed."));
    }
  /* The bar appearing (a connection lost, say) is told: it is not where the focus is. */
  if (read_only && !gtk_revealer_get_reveal_child (self->read_only_revealer) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    pathway_announce (GTK_WIDGET (self), gtk_label_get_text (self->read_only_label));
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
}

/* Rows of index and table compared per idle moment: a few milliseconds' work. */
#define CHECK_ROWS_PER_STEP 20000

/* What opening leaves to idle moments once the programme is on screen (an edit before then does
 * both first): the backup that opening takes when the file changed since its newest backup,
 * and a large file's comparison of its indexes with their tables. Damage found by either (the
 * backup's copy is checked) makes the document read-only and brings up the ways back. */
static gboolean
damage_check_cb (gpointer data)
{
  PathwayWindow *self = PATHWAY_WINDOW (data);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (self->document != NULL)
    pathway_document_backup_if_pending (self->document);
  if (self->document != NULL && !pathway_document_get_damaged (self->document) &&
      pathway_document_check_step (self->document, CHECK_ROWS_PER_STEP, &done, &error))
    {
      if (!done)
        return G_SOURCE_CONTINUE;
      self->check_source = 0;
      return G_SOURCE_REMOVE;
    }
  self->check_source = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;
  if (pathway_document_get_damaged (self->document))
    {
      if (error == NULL)
        error = g_error_new_literal (PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                                     pathway_document_get_read_only_reason (self->document));
      show_read_only_bar (self);
      _pathway_window_update_actions (self);
      pathway_damage_dialog_present (self, pathway_document_get_path (self->document), error);
    }
  else if (error != NULL)
    g_warning ("Could not check %s: %s", pathway_document_get_path (self->document),
               error->message);
  return G_SOURCE_REMOVE;
}

/* The document became read-only or writable while shown (a server's connection lost or
 * back): the bar and the actions follow; the views follow by themselves (PathwayView). */
static void
document_read_only_cb (PathwayWindow *self)
{
  show_read_only_bar (self);
  _pathway_window_update_actions (self);
}

/* Toast titles are markup in libadwaita 1.2; names and summaries are the people's text. */
static AdwToast *
quiet_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  return toast;
}

static void
document_connection_cb (PathwayWindow *self)
{
  PathwayConnection connection = pathway_document_get_connection (self->document);

  if (connection == self->connection)
    return;
  if (self->connection == PATHWAY_CONNECTION_LOST && connection == PATHWAY_CONNECTION_ONLINE)
    pathway_window_add_toast (self, quiet_toast_new (_("Connected again")));
  self->connection = connection;
  document_read_only_cb (self);
}

/* Another person's change on the server reached the model (one signal per commit): said
 * quietly, "Beth Kowalski re-rated 2A v". */
static void
document_remote_change_cb (PathwayWindow *self, const char *author, const char *summary,
                           guint n_changes)
{
  /* TRANSLATORS: someone else's change, as a toast: "Beth Kowalski re-rated 2A v" */
  g_autofree char *text = g_strdup_printf (C_("remote change", "%s %s"), author, summary);

  pathway_window_add_toast (self, quiet_toast_new (text));
}

void
_pathway_window_show_document (PathwayWindow *self, PathwayDocument *document)
{
  gboolean read_only = pathway_document_get_read_only (document);
  gboolean remote = pathway_document_get_remote (document);

  close_document (self);
  self->document = g_object_ref (document);
  self->connection = pathway_document_get_connection (document);

  /* On a server the author is the signed-in person, and the server keeps the history: no
   * backups of a copy in memory. */
  if (remote)
    pathway_document_set_backup_policy (document, 0, 0);
  else if (self->settings != NULL)
    {
      g_autofree char *author_name = g_settings_get_string (self->settings, "author-name");

      if (author_name[0] != '\0')
        pathway_document_set_author (document, author_name);
      pathway_document_set_backup_policy (document,
                                          g_settings_get_uint (self->settings, "backup-days"),
                                          g_settings_get_uint (self->settings, "backup-months"));
    }
  remember_recent (self, pathway_document_get_path (document));

  watch_programme (self);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (document_programme_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (document_undo_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (document_undo_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (document_read_only_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::connection",
                           G_CALLBACK (document_connection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "remote-change", G_CALLBACK (document_remote_change_cb),
                           self, G_CONNECT_SWAPPED);

  set_views_document (self, document);
  stale_days_cb (self);
  refresh_titles (self);
  _pathway_window_update_actions (self);

  show_read_only_bar (self);
  gtk_widget_set_visible (GTK_WIDGET (self->upgrade_button),
                          pathway_document_get_can_upgrade (document));

  if (pathway_document_get_migration_backup (document) != NULL)
    {
      AdwToast *toast = adw_toast_new (_("This programme was brought up to date. "
                                         "A copy of the old file was kept beside it."));

      _pathway_window_announce_toast (self, toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  gtk_stack_set_visible_child_name (self->stack, "programme");
  gtk_spinner_stop (self->connecting_spinner);
  /* Other people's changes come in from here on, and a lost connection is tried again. */
  if (remote)
    {
      pathway_document_watch (document, TRUE);
      return;
    }
  /* The backup owed at open is taken, and damage found while opening is shown, from the same
   * idle, after the window's first frame. */
  if (!read_only || pathway_document_get_damaged (document))
    self->check_source = g_idle_add_full (G_PRIORITY_LOW, damage_check_cb, self, NULL);
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
      return _("Restore it from its backups with Restore from Backup…, or salvage what can be "
               "read into a new file. If it was upgraded recently, the copy kept beside it "
               "before the upgrade can be opened instead.");
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

void
_pathway_window_show_message (PathwayWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog;

  /* Heading and body are plain text: file names and messages may contain '<' or '&'. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_error (PathwayWindow *self, const char *heading, const GError *error)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, advice_for (error));

  _pathway_window_show_message (self, heading, body);
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
    _pathway_window_show_document (self, copy);
}

/* An older file is shown read-only from an upgraded copy; opening the file itself for editing
 * upgrades it, after a backup beside it. The copy holds no lock on the file, so the new
 * document is opened before the copy is let go, and a refusal leaves the copy shown. */
static void
upgrade_clicked_cb (PathwayWindow *self)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->document == NULL)
    return;
  path = g_strdup (pathway_document_get_path (self->document));
  document = pathway_document_open (path, PATHWAY_OPEN_DEFER_CHECK | PATHWAY_OPEN_DEFER_BACKUP,
                                    &error);
  if (document == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Upgrade “%s”"), name);

      present_error (self, heading, error);
      return;
    }
  _pathway_window_show_document (self, document);
}

static void
show_open_error (PathwayWindow *self, GFile *file, const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    {
      g_autofree char *path = g_file_get_path (file);

      pathway_damage_dialog_present (self, path, error);
      return;
    }
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

/* Settings that the views follow ----------------------------------------------------------- */

static void
give_stale_days_to_view (PathwayWindow *self,
                         PathwayView   *view)
{
  /* The programme's limit, the same the board pack uses. */
  pathway_view_set_stale_days (view,
                               self->document != NULL
                                 ? (guint) pathway_programme_get_stale_days (
                                     pathway_document_get_programme (self->document))
                                 : PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS);
}

static void
stale_days_cb (PathwayWindow *self)
{
  foreach_view (self, give_stale_days_to_view);
}

static void
author_name_cb (PathwayWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "author-name");

  if (self->document != NULL)
    pathway_document_set_author (self->document, name);
}

/* The window's size and state -------------------------------------------------------------- */

/* Read once and written once, when the window closes, as GNOME applications do: a live
 * binding writes on every step of a resize, and without a session bus each failed write
 * comes back to the binding. */
static void
restore_state (PathwayWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

void
pathway_window_save_state (PathwayWindow *self)
{
  int width = 0;
  int height = 0;

  g_return_if_fail (PATHWAY_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
pathway_window_close_request (GtkWindow *window)
{
  pathway_window_save_state (PATHWAY_WINDOW (window));

  return GTK_WINDOW_CLASS (pathway_window_parent_class)->close_request (window);
}

/* The empty page's large icon is drawn from SVG: it is given when the page is shown, because GTK
 * loads an image's icon as soon as it works out its style, shown or not, and the SVG loader is
 * a library of several megabytes that a window showing a programme does not need. */
static void
empty_page_map_cb (AdwStatusPage *page)
{
  adw_status_page_set_icon_name (page, APP_ID "-symbolic");
}

/* The main menu's popover is made when the menu is first opened: a menu button given its model
 * builds every item at once, with every window. */
static void
primary_menu_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  PathwayWindow *self = PATHWAY_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Focus ring ---------------------------------------------------------------------------------- */

/* GTK 4.8 hides the focus ring 3 s after it was last shown (VISIBLE_FOCUS_DURATION in
 * gtkwindow.c, armed by every key press through gtk_window_set_focus_visible), so whoever
 * works by keyboard alone loses sight of where they are whenever they pause. While the
 * keyboard is in use the ring is shown again as soon as GTK hides it; a click or a touch ends
 * that, and the ring goes as GTK would have it. */
static gboolean
keep_focus_visible_cb (gpointer data)
{
  PathwayWindow *self = PATHWAY_WINDOW (data);

  self->focus_visible_source = 0;
  if (self->keyboard_in_use)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  return G_SOURCE_REMOVE;
}

static void
focus_visible_cb (PathwayWindow *self)
{
  if (gtk_window_get_focus_visible (GTK_WINDOW (self)))
    self->keyboard_in_use = TRUE;
  /* Once GTK has finished hiding it, and before the next frame is drawn (GTK draws at a lower
   * priority), so the ring does not blink. */
  else if (self->keyboard_in_use && self->focus_visible_source == 0)
    self->focus_visible_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, keep_focus_visible_cb,
                                                  self, NULL);
}

static gboolean
input_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                PathwayWindow            *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      self->keyboard_in_use = TRUE;
      break;
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->keyboard_in_use = FALSE;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_keyboard (PathwayWindow *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (input_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_object (self, "notify::focus-visible", G_CALLBACK (focus_visible_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Switcher bar -------------------------------------------------------------------------------- */

/* The bar at the window's foot takes the views' buttons when the window is too narrow for them
 * in the header bar (the header bar then shows the title). It is given the views the first time
 * that happens: its buttons would otherwise be made, styled and measured with every window
 * and never seen in most. The title says it is shown while the header bar is being allocated;
 * the bar is revealed (or hidden) on an idle after that, as revealing it in the same allocation
 * would allocate it before it was measured. */
static gboolean
reveal_switcher_bar_cb (gpointer data)
{
  PathwayWindow *self = PATHWAY_WINDOW (data);
  gboolean shown = adw_view_switcher_title_get_title_visible (self->switcher_title);

  self->switcher_source = 0;
  if (shown && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, shown);
  return G_SOURCE_REMOVE;
}

static void
title_visible_cb (PathwayWindow *self)
{
  if (self->switcher_source == 0 &&
      adw_view_switcher_title_get_title_visible (self->switcher_title) !=
        adw_view_switcher_bar_get_reveal (self->switcher_bar))
    self->switcher_source = g_idle_add (reveal_switcher_bar_cb, self);
}

/* Class -------------------------------------------------------------------------------------- */

static void
pathway_window_dispose (GObject *object)
{
  PathwayWindow *self = PATHWAY_WINDOW (object);

  /* The focus goes from here on: the ring is not to be shown after. */
  g_signal_handlers_disconnect_by_func (self, focus_visible_cb, self);
  g_clear_handle_id (&self->focus_visible_source, g_source_remove);

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
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_pointer (&self->opening_uri, g_free);
  close_document (self);
  g_clear_object (&self->settings);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->switcher_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_WINDOW);

  G_OBJECT_CLASS (pathway_window_parent_class)->dispose (object);
}

static void
pathway_window_class_init (PathwayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathway_window_dispose;
  window_class->close_request = pathway_window_close_request;

  /* Registered now so that the template can name them; each class is made with its first
   * view. */
  g_type_ensure (PATHWAY_TYPE_ANNOUNCER);
  g_type_ensure (PATHWAY_TYPE_VIEW_SLOT);
  g_type_ensure (PATHWAY_TYPE_OVERVIEW_VIEW);
  g_type_ensure (PATHWAY_TYPE_WORKSTREAMS_VIEW);
  g_type_ensure (PATHWAY_TYPE_ACTIONS_VIEW);
  g_type_ensure (PATHWAY_TYPE_INDICATORS_VIEW);
  g_type_ensure (PATHWAY_TYPE_COPRODUCTION_VIEW);
  g_type_ensure (PATHWAY_TYPE_RISKS_VIEW);
  g_type_ensure (PATHWAY_TYPE_REPORT_VIEW);
  g_type_ensure (PATHWAY_TYPE_SETUP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_icon);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, upgrade_button);
  gtk_widget_class_bind_template_callback (widget_class, upgrade_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, empty_page_map_cb);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, server_section);

  _pathway_window_class_actions_init (widget_class);
}

static void
pathway_window_init (PathwayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_first_frame_watch (GTK_WINDOW (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->settings = pathway_application_new_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::author-name",
                               G_CALLBACK (author_name_cb), self, G_CONNECT_SWAPPED);
    }
  restore_state (self);
  refresh_recent (self);
  stale_days_cb (self);
  refresh_titles (self);
  _pathway_window_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (give_document_to_visible_view), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->menu_button, primary_menu_cb, self, NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  title_visible_cb (self);

  watch_keyboard (self);
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
  if (pathway_window_shows_location (self, path))
    return TRUE;

  document = pathway_document_open (path,
                                    flags | PATHWAY_OPEN_DEFER_CHECK | PATHWAY_OPEN_DEFER_BACKUP,
                                    error);
  if (document == NULL)
    return FALSE;

  _pathway_window_show_document (self, document);
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

  /* The application opens a file before it shows the window: the explanation needs the
   * window on screen under it. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  show_open_error (self, file, error);
}

/* Opening a programme on a server ------------------------------------------------------------ */

static void
stop_connecting (PathwayWindow *self)
{
  g_clear_object (&self->opening);
  g_clear_pointer (&self->opening_uri, g_free);
  gtk_spinner_stop (self->connecting_spinner);
  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
server_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PathwayWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_server_open_finish (result, &error);
  g_autofree char *uri = NULL;

  /* Given up: the window went, or another programme is being opened. */
  if (self->opening == NULL || g_task_get_cancellable (G_TASK (result)) != self->opening)
    return;
  uri = g_steal_pointer (&self->opening_uri);
  stop_connecting (self);
  if (document != NULL)
    {
      _pathway_window_show_document (self, document);
      return;
    }
  /* Connect to Server…, its rows filled in and what to check above them: what is missing is
   * most often a password. */
  _pathway_window_connect (self, uri, error);
}

static void
password_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PathwayWindow) self = user_data;
  char *password = pathway_server_location_lookup_password_finish (result);

  if (self->opening == NULL || g_task_get_cancellable (G_TASK (result)) != self->opening)
    {
      pathway_server_password_free (password);
      return;
    }
  pathway_server_open (self->opening_uri, password, self->opening, server_opened_cb,
                       g_object_ref (self));
  pathway_server_password_free (password);
}

static void
open_server (PathwayWindow *self, const char *uri)
{
  g_autoptr(PathwayServerLocation) location = pathway_server_location_parse (uri);
  g_autofree char *place = pathway_location_describe (uri);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();
  g_free (self->opening_uri);
  self->opening_uri = g_strdup (uri);
  /* A window showing nothing says where it is connecting; one showing a programme keeps it
   * until the other is open. */
  if (self->document == NULL)
    {
      adw_status_page_set_description (self->connecting_page, place);
      gtk_spinner_start (self->connecting_spinner);
      gtk_stack_set_visible_child_name (self->stack, "connecting");
    }
  pathway_server_location_lookup_password (location, self->opening, password_found_cb,
                                           g_object_ref (self));
}

void
pathway_window_open_location (PathwayWindow *self, const char *location)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  if (pathway_window_shows_location (self, location))
    return;
  if (pathway_location_is_remote (location))
    {
      open_server (self, location);
      return;
    }
  file = g_file_new_for_path (location);
  pathway_window_open (self, file);
}

gboolean
pathway_window_get_connecting (PathwayWindow *self)
{
  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), FALSE);

  return self->opening != NULL;
}

gboolean
pathway_window_shows_location (PathwayWindow *self, const char *location)
{
  const char *shown;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;
  shown = pathway_document_get_path (self->document);
  if (pathway_location_is_remote (location) || pathway_location_is_remote (shown))
    {
      g_autofree char *wanted = pathway_location_is_remote (location)
                                  ? pathway_remote_display_uri (location)
                                  : NULL;

      return wanted != NULL && g_str_equal (wanted, shown);
    }
  {
    g_autoptr(GFile) open_file = g_file_new_for_path (shown);
    g_autoptr(GFile) file = g_file_new_for_path (location);

    return g_file_equal (open_file, file);
  }
}

void
pathway_window_show_error (PathwayWindow *self, const char *heading, const GError *error)
{
  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  present_error (self, heading, error);
}

PathwayView *
pathway_window_get_view (PathwayWindow *self, const char *name)
{
  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return view_of_page (self, adw_view_stack_get_child_by_name (self->view_stack, name));
}

PathwayDocument *
pathway_window_get_document (PathwayWindow *self)
{
  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), NULL);

  return self->document;
}

static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         PathwayWindow *self)
{
  /* A toast let go while a newer one offers Undo goes later (dismiss_when_settled). */
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/* libadwaita 1.2 frees a toast's state when it has slid out, while its slide in (up to half
 * a second when it replaces another) may still be running and then touches the freed state:
 * a toast dismissed within a fifth of a second of appearing crashes the application (two
 * quick re-ratings in a meeting). So a toast is dismissed only once it has been up for longer
 * than its slide in could take. */
#define TOAST_SETTLE_USEC (600 * G_TIME_SPAN_MILLISECOND)

static gboolean
dismiss_toast_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr (AdwToast) toast = g_weak_ref_get (ref);

  if (toast != NULL)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
dismiss_when_settled (PathwayWindow *self,
                      AdwToast      *toast)
{
  gint64 now = g_get_monotonic_time ();
  gint64 due = self->toast_started + TOAST_SETTLE_USEC;
  GWeakRef *ref;

  if (now >= due)
    {
      adw_toast_dismiss (toast);
      self->toast_started = now;
      return;
    }
  /* Meanwhile it no longer offers Undo (the toast's button follows its label). */
  adw_toast_set_button_label (toast, NULL);
  adw_toast_set_action_name (toast, NULL);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((due - now) / 1000) + 1, dismiss_toast_cb,
                      ref, free_weak_ref);
  /* The next one starts to slide in when this one goes. */
  self->toast_started = due;
}

/* libadwaita 1.2's toasts say nothing to assistive technology: each is announced in the same
 * words. A toast's title is markup; what is said is its text. */
void
_pathway_window_announce_toast (PathwayWindow *self, AdwToast *toast)
{
  const char *title = adw_toast_get_title (toast);
  g_autofree char *text = NULL;

  if (title == NULL)
    return;
  if (!pango_parse_markup (title, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (title);
  pathway_announce (GTK_WIDGET (self), text);
}

void
pathway_window_add_toast (PathwayWindow *self, AdwToast *toast)
{
  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Undo takes back the latest change, so only the latest change's toast may offer it: the
   * one before it goes. (A high priority would show it sooner, but libadwaita 1.2 asserts when
   * a high-priority toast meets a dismissed one.) */
  if (g_strcmp0 (adw_toast_get_action_name (toast), "win.undo") == 0)
    {
      if (self->undo_toast != NULL)
        dismiss_when_settled (self, self->undo_toast);
      else
        self->toast_started = MAX (self->toast_started, g_get_monotonic_time ());
      g_set_weak_pointer (&self->undo_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                               0);
    }
  _pathway_window_announce_toast (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}


void
pathway_window_dismiss_toast (PathwayWindow *self,
                              AdwToast      *toast)
{
  g_return_if_fail (PATHWAY_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Which toast is sliding in is not known here: this one may have just begun. */
  self->toast_started = MAX (self->toast_started, g_get_monotonic_time ());
  dismiss_when_settled (self, toast);
}
