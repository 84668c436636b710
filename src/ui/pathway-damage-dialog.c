/* pathway-damage-dialog.c: the damaged-file dialog (see the header).
 *
 * The body is the store's message (what was found, that the file was not changed and that a
 * copy of it is kept with its backups), then the latest backup that passed its check, by date
 * and with its actions, or that there is none. "Restore Backup…" opens the backups dialog for
 * the file, where that backup is chosen first; "Salvage a Copy…" asks where to save (beside
 * the original, "NAME (salvaged).pathway"), runs pathway_document_salvage, says what was lost,
 * and opens the copy. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-backup-dialog.h"
#include "pathway-backup.h"
#include "pathway-damage-dialog.h"
#include "pathway-format.h"
#include "pathway-window-private.h"

#define DATA_PATH "pathway-damaged-path"
#define DATA_TARGET "pathway-salvage-target"

static void
salvage_to (PathwayWindow *window, const char *path, const char *target)
{
  g_auto (PathwaySalvage) salvage = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *name = g_filename_display_basename (target);
  g_autofree char *heading = NULL;

  if (!pathway_document_salvage (path, target, &salvage, &error))
    {
      pathway_window_show_error (window, _("Could Not Salvage the Programme"), error);
      return;
    }
  file = g_file_new_for_path (target);
  pathway_window_open (window, file);
  heading = g_strdup_printf (_("Salvaged to “%s”"), name);
  _pathway_window_show_message (window, heading, salvage.summary);
}

static void
chooser_response_cb (GtkFileChooserNative *chooser, int response, PathwayWindow *window)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *target = NULL;
  const char *path = g_object_get_data (G_OBJECT (chooser), DATA_PATH);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (target = g_file_get_path (file)) != NULL)
    salvage_to (window, path, target);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
ask_where (PathwayWindow *window, const char *path)
{
  g_autoptr (GFile) original = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_get_parent (original);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (g_str_has_suffix (base, ".pathway"))
    base[strlen (base) - strlen (".pathway")] = '\0';
  display = g_filename_display_name (base);
  /* Translators: the suggested file name of a salvaged copy of a damaged programme. */
  name = g_strdup_printf (_("%s (salvaged).pathway"), display);

  chooser = gtk_file_chooser_native_new (_("Save Salvaged Copy"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), DATA_PATH, g_strdup (path), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, PathwayWindow *window)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), DATA_PATH);
  const char *target = g_object_get_data (G_OBJECT (dialog), DATA_TARGET);

  if (g_str_equal (response, "backup"))
    gtk_window_present (GTK_WINDOW (pathway_backup_dialog_new_for_path (window, path)));
  else if (g_str_equal (response, "salvage") && target != NULL)
    salvage_to (window, path, target);
  else if (g_str_equal (response, "salvage"))
    ask_where (window, path);
}

AdwMessageDialog *
pathway_damage_dialog_present (PathwayWindow *window, const char *path, const GError *error)
{
  g_autoptr (GPtrArray) backups = pathway_backups_list (path, NULL);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Damaged"), name);
  g_autofree char *latest = NULL;
  g_autofree char *body = NULL;
  const PathwayBackup *good = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (PATHWAY_IS_WINDOW (window), NULL);

  for (guint i = 0; backups != NULL && i < backups->len && good == NULL; i++)
    if (((PathwayBackup *) g_ptr_array_index (backups, i))->verified)
      good = g_ptr_array_index (backups, i);
  if (good != NULL)
    {
      g_autofree char *when = pathway_format_moment (good->when);

      latest = g_strdup_printf (ngettext ("The latest good backup is from %s, with %d action.",
                                          "The latest good backup is from %s, with %d actions.",
                                          (gulong) MAX (good->n_actions, 0)),
                                when, (int) CLAMP (good->n_actions, 0, G_MAXINT));
    }
  else
    latest = g_strdup (_("There is no good backup of it yet."));
  body = g_strdup_printf ("%s\n\n%s", error->message, latest);

  /* Heading and body are plain text: the file's name may contain '<' or '&'. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (good != NULL)
    adw_message_dialog_add_response (dialog, "backup", _("_Restore Backup…"));
  adw_message_dialog_add_response (dialog, "salvage", _("_Salvage a Copy…"));
  adw_message_dialog_set_response_appearance (dialog, good != NULL ? "backup" : "salvage",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, good != NULL ? "backup" : "salvage");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), DATA_PATH, g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
pathway_damage_dialog_set_target_path (AdwMessageDialog *dialog, const char *target)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  g_object_set_data_full (G_OBJECT (dialog), DATA_TARGET, g_strdup (target), g_free);
}
