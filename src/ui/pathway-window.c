/* pathway-window.c: the main window. It holds one open document and shows a summary of its
 * programme: name, local area, the number of actions, how many carry each rating (in the
 * programme's own words, with a letter as well as a colour), the share complete and the number
 * overdue. The summary follows the model's notify signals, so a change made through the
 * document shows at once. Opening goes through the document, and every reason a file cannot
 * be opened is explained in a dialog that says what to do. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "pathway-application.h"
#include "pathway-window.h"

struct _PathwayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PathwayDocument *document;
  /* The document's programme and its actions, kept to disconnect from them on close. */
  PathwayProgramme *programme;
  GListModel *actions;
  guint refresh_source;
  GtkFileChooserNative *chooser;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *programme_label;
  GtkLabel *area_label;
  GtkLabel *actions_value;
  GtkLabel *actions_detail;
  GtkLabel *complete_value;
  GtkLabel *complete_detail;
  GtkLabel *overdue_value;
  GtkLabel *overdue_detail;
  AdwPreferencesGroup *ratings_group;

  /* One row per rating, indexed by PathwayRating */
  AdwActionRow *rating_rows[PATHWAY_N_RATINGS];
  GtkLabel *rating_counts[PATHWAY_N_RATINGS];
  GtkLabel *rating_shares[PATHWAY_N_RATINGS];
};

G_DEFINE_FINAL_TYPE (PathwayWindow, pathway_window, ADW_TYPE_APPLICATION_WINDOW)

/* Worst first, the order in which boards read a RAG summary. */
static const PathwayRating rating_order[] = {
  PATHWAY_RATING_RED,
  PATHWAY_RATING_AMBER,
  PATHWAY_RATING_GREEN,
  PATHWAY_RATING_BLUE,
  PATHWAY_RATING_NONE,
};

/* Style classes and widget names of each rating, indexed by PathwayRating. */
static const char *rating_names[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };

/* The rating colours are chosen so that the letter on each badge has a contrast of at least
 * 4.5:1 with its background; the letter and the word beside it carry the meaning, the colour
 * only repeats it. */
static const char style_sheet[] =
  ".rating-badge {\n"
  "  min-width: 36px;\n"
  "  min-height: 36px;\n"
  "  border-radius: 8px;\n"
  "  font-weight: bold;\n"
  "  font-size: 1.1em;\n"
  "}\n"
  ".rating-badge.red { background-color: #c01c28; color: #ffffff; }\n"
  ".rating-badge.amber { background-color: #e5a50a; color: #000000; }\n"
  ".rating-badge.green { background-color: #1b7a44; color: #ffffff; }\n"
  ".rating-badge.blue { background-color: #1a5fb4; color: #ffffff; }\n"
  ".rating-badge.none {\n"
  "  background-color: #5e5c64;\n"
  "  color: #ffffff;\n"
  "}\n"
  ".rating-count { min-width: 3em; }\n"
  ".rating-share { min-width: 3.5em; }\n"
  ".summary-figures > flowboxchild { padding: 0; }\n"
  ".summary-figure { padding: 18px 18px 15px 18px; }\n"
  ".read-only-bar {\n"
  "  padding: 9px 18px;\n"
  "  background-color: mix(@accent_bg_color, @window_bg_color, 0.8);\n"
  "  border-bottom: 1px solid alpha(currentColor, 0.15);\n"
  "}\n";

static void
install_style_sheet (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "pathway-style-sheet") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, style_sheet, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "pathway-style-sheet",
                          g_steal_pointer (&provider), g_object_unref);
}

static guint
share_of (guint part, guint whole)
{
  if (whole == 0)
    return 0;
  return (guint) (((guint64) part * 100 + whole / 2) / whole);
}

static void
set_label_printf (GtkLabel   *label,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
set_label_printf (GtkLabel   *label,
                  const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_label_set_text (label, text);
}

static void
refresh_titles (PathwayWindow *self)
{
  const char *name;
  const char *area;
  g_autofree char *file_name = NULL;

  if (self->programme == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Pathway"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Pathway"));
      return;
    }

  name = pathway_programme_get_name (self->programme);
  if (name[0] == '\0')
    name = _("Untitled Programme");
  area = pathway_programme_get_local_area (self->programme);
  file_name = g_filename_display_basename (pathway_document_get_path (self->document));

  /* The user's text is set as text, never as markup. */
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_label_set_text (self->programme_label, name);
  gtk_label_set_text (self->area_label, area);
  gtk_widget_set_visible (GTK_WIDGET (self->area_label), area[0] != '\0');
}

static void
refresh_summary (PathwayWindow *self)
{
  PathwayRatingScheme *scheme;
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autoptr(GDateTime) now = NULL;
  GDate today;
  guint total = 0;
  guint complete;
  guint overdue;
  guint workstreams;
  double share_complete;

  if (self->programme == NULL)
    return;

  scheme = pathway_programme_get_rating_scheme (self->programme);
  pathway_programme_count_ratings (self->programme, NULL, counts);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts[i];
  complete = pathway_programme_count_complete (self->programme, NULL);
  share_complete = pathway_programme_get_share_complete (self->programme, NULL);
  workstreams = g_list_model_get_n_items (pathway_programme_get_workstreams (self->programme));

  /* "Today" is the document's, so a programme with a fixed clock (the demo, a test) agrees
   * with itself about what is overdue. */
  now = pathway_document_dup_now (self->document);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  overdue = pathway_programme_count_overdue (self->programme, NULL, &today);

  set_label_printf (self->actions_value, "%u", total);
  if (workstreams > 0)
    set_label_printf (self->actions_detail,
                      ngettext ("In %u workstream", "Across %u workstreams", workstreams),
                      workstreams);
  else
    gtk_label_set_text (self->actions_detail, "");
  gtk_widget_set_visible (GTK_WIDGET (self->actions_detail), workstreams > 0);

  /* Rounded down, so that 100% means every action is complete. */
  /* Translators: a share of the programme's actions, such as "38%". */
  set_label_printf (self->complete_value, _("%u%%"),
                    (guint) floor (CLAMP (share_complete, 0.0, 1.0) * 100.0 + 1e-9));
  set_label_printf (self->complete_detail,
                    ngettext ("%u of %u action", "%u of %u actions", total), complete, total);

  set_label_printf (self->overdue_value, "%u", overdue);
  if (overdue == 0)
    gtk_label_set_text (self->overdue_detail, _("None past its due date"));
  else
    gtk_label_set_text (self->overdue_detail,
                        ngettext ("Past its due date", "Past their due date", overdue));

  for (guint i = 0; i < G_N_ELEMENTS (rating_order); i++)
    {
      PathwayRating rating = rating_order[i];
      gboolean shown = pathway_rating_scheme_offers (scheme, rating) || counts[rating] > 0;

      gtk_widget_set_visible (GTK_WIDGET (self->rating_rows[rating]), shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rating_rows[rating]),
                                     pathway_rating_scheme_get_label (scheme, rating));
      adw_action_row_set_subtitle (self->rating_rows[rating],
                                   pathway_rating_scheme_get_definition (scheme, rating));
      set_label_printf (self->rating_counts[rating], "%u", counts[rating]);
      set_label_printf (self->rating_shares[rating], _("%u%%"), share_of (counts[rating], total));
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PathwayWindow *self = user_data;

  self->refresh_source = 0;
  refresh_summary (self);
  return G_SOURCE_REMOVE;
}

/* Many changes arrive together (a batch, an undo): count once when they are done. */
static void
queue_refresh (PathwayWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
action_notify_cb (PathwayWindow *self,
                  GParamSpec    *pspec,
                  gpointer       action)
{
  queue_refresh (self);
}

static void
programme_notify_cb (PathwayWindow *self,
                     GParamSpec    *pspec,
                     gpointer       programme)
{
  refresh_titles (self);
}

static void
scheme_notify_cb (PathwayWindow *self,
                  GParamSpec    *pspec,
                  gpointer       scheme)
{
  queue_refresh (self);
}

static void
actions_items_changed_cb (PathwayWindow *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *actions)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_signal_connect_object (action, "notify", G_CALLBACK (action_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  queue_refresh (self);
}

static void
workstreams_items_changed_cb (PathwayWindow *self,
                              guint          position,
                              guint          removed,
                              guint          added,
                              GListModel    *workstreams)
{
  queue_refresh (self);
}

static void
unwatch_programme (PathwayWindow *self)
{
  if (self->programme == NULL)
    return;

  for (guint i = 0, n = g_list_model_get_n_items (self->actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (self->actions, i);

      g_signal_handlers_disconnect_by_data (action, self);
    }
  g_signal_handlers_disconnect_by_data (self->actions, self);
  g_signal_handlers_disconnect_by_data (pathway_programme_get_workstreams (self->programme),
                                        self);
  g_signal_handlers_disconnect_by_data (pathway_programme_get_rating_scheme (self->programme),
                                        self);
  g_signal_handlers_disconnect_by_data (self->programme, self);
  g_clear_object (&self->actions);
  g_clear_object (&self->programme);
}

static void
watch_programme (PathwayWindow    *self,
                 PathwayProgramme *programme)
{
  GListModel *actions = pathway_programme_get_actions (programme);

  self->programme = g_object_ref (programme);
  self->actions = g_object_ref (actions);

  g_signal_connect_object (programme, "notify::name", G_CALLBACK (programme_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (programme, "notify::local-area", G_CALLBACK (programme_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pathway_programme_get_rating_scheme (programme), "notify",
                           G_CALLBACK (scheme_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pathway_programme_get_workstreams (programme), "items-changed",
                           G_CALLBACK (workstreams_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (actions, "items-changed", G_CALLBACK (actions_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_signal_connect_object (action, "notify", G_CALLBACK (action_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
close_document (PathwayWindow *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  unwatch_programme (self);
  if (self->document != NULL)
    pathway_document_close (self->document);
  g_clear_object (&self->document);
}

static void
show_document (PathwayWindow   *self,
               PathwayDocument *document)
{
  const char *reason;

  close_document (self);
  self->document = g_object_ref (document);
  watch_programme (self, pathway_document_get_programme (document));

  if (self->settings != NULL)
    {
      g_autofree char *author_name = g_settings_get_string (self->settings, "author-name");

      if (author_name[0] != '\0')
        pathway_document_set_author (document, author_name);
      g_settings_set_string (self->settings, "last-file", pathway_document_get_path (document));
    }

  refresh_titles (self);
  refresh_summary (self);

  if (pathway_document_get_read_only (document))
    {
      reason = pathway_document_get_read_only_reason (document);
      gtk_label_set_text (self->read_only_label,
                          reason != NULL && reason[0] != '\0'
                            ? reason
                            : _("This programme is open read-only, so it cannot be changed."));
    }
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 pathway_document_get_read_only (document));

  if (pathway_document_get_migration_backup (document) != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("This programme was brought up to date. "
                                                  "A copy of the old file was kept beside it.")));

  gtk_stack_set_visible_child_name (self->stack, "summary");
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
               "or install it on this computer.");
    case PATHWAY_ERROR_DAMAGED:
      return _("Restore the file from your backups. If it was upgraded recently, the copy "
               "kept beside it before the upgrade can be opened instead.");
    case PATHWAY_ERROR_LOCKED:
      /* A programme open elsewhere is locked even for reading, so that no one reads a
       * half-written state: there is no read-only way in. */
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
present_error (PathwayWindow *self,
               const char    *heading,
               const GError  *error)
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
show_open_error (PathwayWindow *self,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  present_error (self, heading, error);
}

static void
chooser_response_cb (PathwayWindow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    pathway_window_open (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayWindow *self = PATHWAY_WINDOW (widget);
  g_autoptr(GtkFileFilter) programmes = NULL;
  g_autoptr(GtkFileFilter) everything = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open Programme"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  programmes = gtk_file_filter_new ();
  gtk_file_filter_set_name (programmes, _("Pathway Programmes"));
  gtk_file_filter_add_pattern (programmes, "*.pathway");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), programmes);

  everything = gtk_file_filter_new ();
  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), everything);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), programmes);

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
add_rating_row (PathwayWindow *self,
                PathwayRating  rating)
{
  g_autofree char *count_name = g_strdup_printf ("rating-count-%s", rating_names[rating]);
  g_autofree char *share_name = g_strdup_printf ("rating-share-%s", rating_names[rating]);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *badge = gtk_label_new (pathway_rating_letter (rating));
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *share = gtk_label_new ("0%");

  /* Rating words and definitions are the programme's own text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_add_css_class (badge, "rating-badge");
  gtk_widget_add_css_class (badge, rating_names[rating]);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (row, badge);

  gtk_widget_set_name (count, count_name);
  gtk_label_set_xalign (GTK_LABEL (count), 1.0);
  gtk_widget_add_css_class (count, "title-3");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "rating-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, count);

  gtk_widget_set_name (share, share_name);
  gtk_label_set_xalign (GTK_LABEL (share), 1.0);
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "dim-label");
  gtk_widget_add_css_class (share, "rating-share");
  gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, share);

  adw_preferences_group_add (self->ratings_group, GTK_WIDGET (row));

  self->rating_rows[rating] = row;
  self->rating_counts[rating] = GTK_LABEL (count);
  self->rating_shares[rating] = GTK_LABEL (share);
}

static void
pathway_window_dispose (GObject *object)
{
  PathwayWindow *self = PATHWAY_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, programme_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, area_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, actions_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, actions_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, complete_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, complete_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, overdue_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayWindow, ratings_group);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
}

static void
pathway_window_init (PathwayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  install_style_sheet (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; i < G_N_ELEMENTS (rating_order); i++)
    add_rating_row (self, rating_order[i]);

  self->settings = pathway_application_new_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

PathwayWindow *
pathway_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PATHWAY_TYPE_WINDOW, "application", application, NULL);
}

gboolean
pathway_window_load (PathwayWindow   *self,
                     const char      *path,
                     PathwayOpenFlags flags,
                     GError         **error)
{
  g_autoptr(PathwayDocument) document = NULL;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Opening again what is already open here would only meet our own lock. */
  if (self->document != NULL)
    {
      const char *open_path = pathway_document_get_path (self->document);
      g_autoptr(GFile) open_file = g_file_new_for_path (open_path);
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
pathway_window_open (PathwayWindow *self,
                     GFile         *file)
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
pathway_window_show_error (PathwayWindow *self,
                           const char    *heading,
                           const GError  *error)
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
