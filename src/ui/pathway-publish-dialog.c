/* pathway-publish-dialog.c: Publish for Families…, the public version of the plan.
 *
 * The dialog says when the plan was last published and who approved it, and lists what has
 * changed since (pathway_publish_dup_changes: what the new publication will record). It asks
 * for the folder (the last publication's, or one chosen with Choose Folder…), who approved this
 * publication and the day they did, which pathway_publish requires; Publish stays off until
 * all three are given. Publish writes the site, the PDF and the record in one step, one undo;
 * the store's refusal (an approval after today, a folder that cannot be written) is shown under
 * the form and the dialog stays open with what was typed. On success it emits "published" and
 * closes; the window toasts it with Open Folder. Escape cancels. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-publish-dialog.h"
#include "pathway-publish.h"
#include "pathway-style.h"

struct _PathwayPublishDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  char *folder;               /* a file name; NULL until chosen */
  GtkFileChooserNative *chooser;

  /* Template children */
  AdwPreferencesGroup *changes_group;
  AdwActionRow *last_row;
  GtkLabel *changes_label;
  AdwActionRow *folder_row;
  GtkButton *choose_button;
  PathwayEntryRow *approved_by_row;
  PathwayEntryRow *approved_on_row;
  GtkLabel *problem_label;
};

enum {
  SIGNAL_PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayPublishDialog, pathway_publish_dialog, ADW_TYPE_WINDOW)

static void
show_problem (PathwayPublishDialog *self,
              const char           *text)
{
  pathway_editor_set_caption (self->problem_label,
                              text != NULL ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN,
                              text);
}

/* Publish needs a folder, an approver and an approval day. */
static void
fields_changed_cb (PathwayPublishDialog *self)
{
  show_problem (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish",
                                 self->folder != NULL
                                 && pathway_editor_entry_has_text (self->approved_by_row)
                                 && pathway_editor_entry_has_text (self->approved_on_row)
                                 && !pathway_document_get_read_only (self->document));
}

/* The folder in the row, and in the chooser button's name for screen readers. */
static void
show_folder (PathwayPublishDialog *self)
{
  g_autofree char *shown = self->folder != NULL ? g_filename_display_name (self->folder)
                                                : g_strdup (_("No folder chosen yet"));
  g_autofree char *label = g_strdup_printf (_("Choose the folder to publish into. Now: %s"),
                                            shown);

  adw_action_row_set_subtitle (self->folder_row, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  fields_changed_cb (self);
}

/* The last publication and what has changed since, as the next record will list it. */
static void
show_last_publication (PathwayPublishDialog *self)
{
  g_autoptr(PathwayPublication) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  GString *list = g_string_new (NULL);

  latest = pathway_publish_get_latest (self->document, &error);
  if (latest == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_row),
                                     error != NULL ? error->message
                                                   : _("The plan has not been published yet"));
      adw_action_row_set_subtitle (self->last_row, "");
      adw_preferences_group_set_title (self->changes_group, _("What Has Changed"));
    }
  else
    {
      g_autofree char *published =
        pathway_date_format_words (pathway_publication_get_published (latest));
      g_autofree char *approved_on =
        pathway_date_format_words (pathway_publication_get_approved_on (latest));
      g_autofree char *title = g_strdup_printf (_("Published %s"), published);
      g_autofree char *subtitle =
        g_strdup_printf (_("Approved by %s on %s, into %s"),
                         pathway_publication_get_approved_by (latest), approved_on,
                         pathway_publication_get_folder (latest));
      g_autofree char *heading = g_strdup_printf (_("What Has Changed Since %s"), published);
      g_autofree char *escaped = g_markup_escape_text (heading, -1);
      g_autofree char *folder = g_filename_from_utf8 (pathway_publication_get_folder (latest), -1,
                                                      NULL, NULL, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_row), title);
      adw_action_row_set_subtitle (self->last_row, subtitle);
      adw_preferences_group_set_title (self->changes_group, escaped);
      if (self->folder == NULL && folder != NULL)
        pathway_publish_dialog_set_folder (self, folder);
      if (!pathway_editor_entry_has_text (self->approved_by_row))
        gtk_editable_set_text (GTK_EDITABLE (self->approved_by_row),
                               pathway_publication_get_approved_by (latest));
    }

  changes = pathway_publish_dup_changes (self->document, NULL, &error);
  if (changes == NULL)
    g_string_append (list, error->message);
  else if (latest == NULL)
    g_string_append (list, _("This will be the first publication of the plan."));
  else
    {
      g_auto(GStrv) lines = g_strsplit (changes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "", lines[i]);
    }
  gtk_label_set_text (self->changes_label, list->str);
  g_string_free (list, TRUE);
}

static void
folder_chosen_cb (PathwayPublishDialog *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path != NULL)
    pathway_publish_dialog_set_folder (self, path);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwayPublishDialog *self = PATHWAY_PUBLISH_DIALOG (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Publish into a Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayPublishDialog *self = PATHWAY_PUBLISH_DIALOG (widget);
  g_autofree char *approved_by = pathway_editor_dup_entry_text (self->approved_by_row);
  g_autoptr(PathwayPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  PathwayPublishOptions options = { 0 };
  GDate approved_on;

  if (self->folder == NULL || *approved_by == '\0')
    return;
  if (!pathway_day_field_check (self->approved_on_row)
      || pathway_day_field_read (self->approved_on_row, &approved_on) != PATHWAY_DAY_VALID)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->approved_on_row));
      return;
    }
  options.approved_by = approved_by;
  options.approved_on = &approved_on;
  if (!pathway_publish (self->document, self->folder, &options, &publication, &error))
    {
      show_problem (self, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_PUBLISHED], 0, publication);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
pathway_publish_dialog_dispose (GObject *object)
{
  PathwayPublishDialog *self = PATHWAY_PUBLISH_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_PUBLISH_DIALOG);
  G_OBJECT_CLASS (pathway_publish_dialog_parent_class)->dispose (object);
}

static void
pathway_publish_dialog_finalize (GObject *object)
{
  PathwayPublishDialog *self = PATHWAY_PUBLISH_DIALOG (object);

  g_free (self->folder);
  G_OBJECT_CLASS (pathway_publish_dialog_parent_class)->finalize (object);
}

static void
pathway_publish_dialog_class_init (PathwayPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_publish_dialog_dispose;
  object_class->finalize = pathway_publish_dialog_finalize;

  signals[SIGNAL_PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, PATHWAY_TYPE_PUBLICATION);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, changes_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, approved_by_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, approved_on_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPublishDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "publish.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "publish.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_publish_dialog_init (PathwayPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  pathway_day_field_attach (self->approved_on_row);
  g_signal_connect_object (self->approved_by_row, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->approved_on_row, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

PathwayPublishDialog *
pathway_publish_dialog_new (GtkWindow       *parent,
                            PathwayDocument *document)
{
  PathwayPublishDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  show_last_publication (self);
  show_folder (self);
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (pathway_editor_entry_has_text (self->approved_by_row)
                                      ? self->approved_on_row : self->approved_by_row));
  return self;
}

void
pathway_publish_dialog_set_folder (PathwayPublishDialog *self,
                                   const char           *folder)
{
  g_return_if_fail (PATHWAY_IS_PUBLISH_DIALOG (self));

  g_free (self->folder);
  self->folder = folder != NULL && *folder != '\0' ? g_strdup (folder) : NULL;
  if (self->document != NULL)
    show_folder (self);
}

const char *
pathway_publish_dialog_get_folder (PathwayPublishDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLISH_DIALOG (self), NULL);

  return self->folder;
}
