/* pathway-backup-dialog.c: restoring a programme from one of its backups (see the header).
 *
 * The backups are listed once, when the dialog opens, with pathway_backups_list, which opens
 * each copy read-only to count its actions and check it; a row shows when the backup was
 * taken, how many actions it holds, and "Damaged" for one that failed its check, which cannot
 * be chosen. Restoring asks where to save the copy (beside the original, named after it and
 * the backup's day), then pathway_backup_restore writes it, refusing any file that exists, and
 * the window opens the copy in place of the original. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-backup-dialog.h"
#include "pathway-backup.h"
#include "pathway-format.h"

/* What a row keeps of its backup. */
#define ROW_PATH "pathway-backup-path"
#define ROW_DAY "pathway-backup-day"

struct _PathwayBackupDialog
{
  AdwWindow parent_instance;

  char *programme_path;
  char *target_path; /* tests: where to restore without asking */
  GtkFileChooserNative *chooser;

  /* Template children */
  GtkListBox *backups_list;
  GtkWidget *empty_box;
  GtkLabel *empty_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (PathwayBackupDialog, pathway_backup_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
backup_row_new (const PathwayBackup *backup)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = pathway_format_moment (backup->when);
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  /* The file name is ours, but nothing in a row is markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  if (backup->n_actions >= 0)
    count = g_strdup_printf (ngettext ("%d action", "%d actions", (gulong) backup->n_actions),
                             (int) MIN (backup->n_actions, G_MAXINT));
  else
    count = g_strdup (_("Actions could not be counted"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);

  if (backup->verified)
    {
      /* Translators: how a backup's row is read out: its time, then how many actions. */
      accessible = g_strdup_printf (_("%s, %s"), when, count);
    }
  else
    {
      GtkWidget *damaged = gtk_label_new (_("Damaged"));

      gtk_widget_add_css_class (damaged, "error");
      gtk_widget_set_valign (damaged, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), damaged);
      /* A copy that fails its check would only be refused when restored. */
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Translators: how a damaged backup's row is read out: its time, how many actions. */
      accessible = g_strdup_printf (_("%s, %s, damaged"), when, count);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  g_object_set_data_full (G_OBJECT (row), ROW_PATH, g_strdup (backup->path), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_DAY,
                          g_date_time_format (backup->when, "%Y-%m-%d"), g_free);
  return row;
}

static void
show_error (PathwayBackupDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill_list (PathwayBackupDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = pathway_backups_list (self->programme_path, &error);

  if (backups == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->backups_list), FALSE);
      return;
    }
  for (guint i = 0; i < backups->len; i++)
    {
      const PathwayBackup *backup = g_ptr_array_index (backups, i);
      GtkWidget *row = backup_row_new (backup);

      gtk_list_box_append (self->backups_list, row);
      /* The newest that passed its check is the one most people want. */
      if (backup->verified && gtk_list_box_get_selected_row (self->backups_list) == NULL)
        gtk_list_box_select_row (self->backups_list, GTK_LIST_BOX_ROW (row));
    }

  if (backups->len == 0)
    {
      g_autofree char *folder = pathway_backup_folder_for (self->programme_path);
      g_autofree char *display = g_filename_display_name (folder);

      pathway_label_set_printf (self->empty_label,
                                _("Pathway keeps backups of this programme in %s"), display);
      gtk_widget_set_visible (GTK_WIDGET (self->backups_list), FALSE);
      gtk_widget_set_visible (self->empty_box, TRUE);
    }
}

static void
update_restore (PathwayBackupDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore",
                                 gtk_list_box_get_selected_row (self->backups_list) != NULL
                                 && self->chooser == NULL);
}

static void
selected_rows_changed_cb (PathwayBackupDialog *self)
{
  /* The list lets its rows go while the dialog is disposed. */
  if (self->error_label == NULL)
    return;
  show_error (self, NULL);
  update_restore (self);
}

/* Restoring ---------------------------------------------------------------------------------- */

static void
restore_to (PathwayBackupDialog *self,
            const char          *target)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->backups_list);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (row == NULL)
    return;
  /* The store refuses a file that exists, the programme itself included. */
  if (!pathway_backup_restore (g_object_get_data (G_OBJECT (row), ROW_PATH), target, &error))
    {
      show_error (self, error->message);
      return;
    }

  file = g_file_new_for_path (target);
  if (PATHWAY_IS_WINDOW (parent))
    pathway_window_open (PATHWAY_WINDOW (parent), file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (PathwayBackupDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  update_restore (self);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    show_error (self, _("The copy can only be saved to a folder on this computer."));
  else
    restore_to (self, path);
}

/* "Pathway (restored 2026-12-07).pathway": named after the original and the backup's day, so
 * that copies of different backups do not collide. */
static char *
dup_suggested_name (PathwayBackupDialog *self,
                    GtkListBoxRow       *row)
{
  g_autofree char *base = g_path_get_basename (self->programme_path);
  g_autofree char *display = NULL;

  if (g_str_has_suffix (base, ".pathway"))
    base[strlen (base) - strlen (".pathway")] = '\0';
  display = g_filename_display_name (base);
  /* Translators: the suggested file name of a restored copy: the programme's file name and
   * the day of the backup. */
  return g_strdup_printf (_("%s (restored %s).pathway"), display,
                          (const char *) g_object_get_data (G_OBJECT (row), ROW_DAY));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayBackupDialog *self = PATHWAY_BACKUP_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->backups_list);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (row == NULL || self->chooser != NULL)
    return;
  show_error (self, NULL);
  if (self->target_path != NULL)
    {
      restore_to (self, self->target_path);
      return;
    }

  original = g_file_new_for_path (self->programme_path);
  folder = g_file_get_parent (original);
  name = dup_suggested_name (self, row);
  self->chooser = gtk_file_chooser_native_new (_("Save Restored Copy"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  update_restore (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* The class ---------------------------------------------------------------------------------- */

static void
pathway_backup_dialog_dispose (GObject *object)
{
  PathwayBackupDialog *self = PATHWAY_BACKUP_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), PATHWAY_TYPE_BACKUP_DIALOG);
  G_OBJECT_CLASS (pathway_backup_dialog_parent_class)->dispose (object);
}

static void
pathway_backup_dialog_finalize (GObject *object)
{
  PathwayBackupDialog *self = PATHWAY_BACKUP_DIALOG (object);

  g_free (self->programme_path);
  g_free (self->target_path);
  G_OBJECT_CLASS (pathway_backup_dialog_parent_class)->finalize (object);
}

static void
pathway_backup_dialog_class_init (PathwayBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_backup_dialog_dispose;
  object_class->finalize = pathway_backup_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-backup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayBackupDialog, backups_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayBackupDialog, empty_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayBackupDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayBackupDialog, error_label);

  gtk_widget_class_install_action (widget_class, "backup.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "backup.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "backup.close", NULL);
}

static void
pathway_backup_dialog_init (PathwayBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->backups_list, "selected-rows-changed",
                           G_CALLBACK (selected_rows_changed_cb), self, G_CONNECT_SWAPPED);
  update_restore (self);
}

PathwayBackupDialog *
pathway_backup_dialog_new (PathwayWindow *window)
{
  PathwayDocument *document;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (window), NULL);
  document = pathway_window_get_document (window);
  g_return_val_if_fail (document != NULL, NULL);

  return pathway_backup_dialog_new_for_path (window, pathway_document_get_path (document));
}

PathwayBackupDialog *
pathway_backup_dialog_new_for_path (PathwayWindow *window, const char *programme_path)
{
  PathwayBackupDialog *self;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (window), NULL);
  g_return_val_if_fail (programme_path != NULL, NULL);

  self = g_object_new (PATHWAY_TYPE_BACKUP_DIALOG, "transient-for", window, NULL);
  self->programme_path = g_strdup (programme_path);
  fill_list (self);
  return self;
}

void
pathway_backup_dialog_set_target_path (PathwayBackupDialog *self,
                                       const char          *path)
{
  g_return_if_fail (PATHWAY_IS_BACKUP_DIALOG (self));

  g_free (self->target_path);
  self->target_path = g_strdup (path);
}
