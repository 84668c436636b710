/* pathway-history-dialog.c: every change of one record, newest first (see the header).
 *
 * The changes are read when the dialog opens, with pathway_document_list_changes, and again
 * when someone else's change on a server comes in while it is open. A row
 * reads as a row of the action editor's history (pathway-history-rows.h): when and by whom,
 * then what changed in words: "Role: Head of SEND → Director of Education" for a short value,
 * "Finding changed" with the new text and "Was: …" under it for a long one; a choice by its
 * words, a person by name; then the note given with the change. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-editor-fields.h"
#include "pathway-history-dialog.h"
#include "pathway-history-rows.h"

/* Values longer than this, or of more than one line, are shown under the headline. */
#define SHORT_VALUE_CHARS 60

struct _PathwayHistoryDialog
{
  AdwWindow parent_instance;

  const PathwayRecordField *fields;
  PathwayDocument *document;
  GObject *record;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkListBox *changes_list;
};

G_DEFINE_FINAL_TYPE (PathwayHistoryDialog, pathway_history_dialog, ADW_TYPE_WINDOW)

static const PathwayRecordField *
field_spec (PathwayHistoryDialog *self,
            const char           *field)
{
  for (const PathwayRecordField *spec = self->fields; spec != NULL && spec->field != NULL;
       spec++)
    {
      if (g_str_equal (spec->field, field))
        return spec;
    }
  return NULL;
}

/* "Role", or the field's own name with a capital when the table does not have it. */
static char *
dup_field_label (PathwayHistoryDialog *self,
                 const char           *field)
{
  const PathwayRecordField *spec = field_spec (self, field);
  g_autofree char *words = NULL;

  if (spec != NULL)
    return g_strdup (_(spec->label));
  words = g_strdelimit (g_strdup (field), "-", ' ');
  if (*words != '\0')
    words[0] = g_ascii_toupper (words[0]);
  return g_steal_pointer (&words);
}

/* A value as the dialog shows it: a choice by its words ("Priority action"). */
static char *
dup_value_text (PathwayHistoryDialog *self,
                const char           *field,
                const char           *value)
{
  const PathwayRecordField *spec = field_spec (self, field);
  g_autoptr(GEnumClass) choices = NULL;
  GEnumValue *choice;

  if (spec == NULL || spec->kind != PATHWAY_RECORD_ROW_CHOICE || spec->choice_label == NULL)
    return g_strdup (value);
  choices = g_type_class_ref (spec->choices ());
  choice = g_enum_get_value_by_nick (choices, value);
  return g_strdup (choice != NULL ? spec->choice_label (choice->value) : value);
}

static gboolean
is_short (const char *text)
{
  return g_utf8_strlen (text, -1) <= SHORT_VALUE_CHARS && strchr (text, '\n') == NULL;
}

static GtkWidget *
change_row_new (PathwayHistoryDialog *self,
                const PathwayKind    *kind,
                PathwayActionUpdate  *update)
{
  const char *property = pathway_action_update_get_property_name (update);
  const char *field = pathway_kind_field_for_property (kind, property ? property : "");
  g_autofree char *label = dup_field_label (self, field);
  g_autofree char *from = dup_value_text (self, field,
                                          pathway_action_update_get_from_value (update));
  g_autofree char *to = dup_value_text (self, field,
                                        pathway_action_update_get_to_value (update));
  g_autofree char *headline = NULL;
  const char *detail = NULL;
  const char *was = NULL;
  GtkWidget *row = pathway_editor_text_row_new ();
  GtkWidget *line;

  line = pathway_history_byline_new (pathway_action_update_get_at (update),
                                     pathway_action_update_get_author (update),
                                     pathway_action_update_get_recorded (update));
  pathway_editor_text_row_add (row, line);

  switch (pathway_action_update_get_field (update))
    {
    case PATHWAY_FIELD_CREATED:
      /* TRANSLATORS: a record's first change: "Added as “Priya Raman”" */
      headline = *to != '\0' ? g_strdup_printf (_("Added as “%s”"), to) : g_strdup (_("Added"));
      break;
    case PATHWAY_FIELD_DELETED:
      headline = g_strdup (g_strcmp0 (pathway_action_update_get_to_value (update), "yes") == 0
                             ? _("Retired")
                             : _("Brought back"));
      break;
    case PATHWAY_FIELD_NOTE:
      headline = g_strdup (g_strcmp0 (property, "decision") == 0 ? _("Decision") : _("Note"));
      break;
    case PATHWAY_FIELD_RATING:
    case PATHWAY_FIELD_STATUS:
    case PATHWAY_FIELD_REVISED_TIMESCALE:
    case PATHWAY_FIELD_COMMENTARY:
    case PATHWAY_FIELD_TEXT:
    default:
      if (*to == '\0')
        {
          /* TRANSLATORS: a field emptied: "Role cleared" */
          headline = g_strdup_printf (_("%s cleared"), label);
          was = from;
        }
      else if (!is_short (from) || !is_short (to))
        {
          /* TRANSLATORS: a long field changed: "Finding changed" */
          headline = g_strdup_printf (_("%s changed"), label);
          detail = to;
          was = from;
        }
      else if (*from == '\0')
        /* TRANSLATORS: a field given its first value: "Role: Head of SEND" */
        headline = g_strdup_printf (_("%s: %s"), label, to);
      else
        /* TRANSLATORS: a field changed: "Role: Head of SEND → Director of Education" */
        headline = g_strdup_printf (_("%s: %s → %s"), label, from, to);
      break;
    }

  line = pathway_editor_plain_label (headline, "history-change");
  gtk_widget_set_name (line, "change-headline");
  pathway_editor_text_row_add (row, line);
  pathway_history_row_add_texts (row, pathway_action_update_get_note (update), detail, was);
  return row;
}

static void
fill (PathwayHistoryDialog *self,
      PathwayDocument      *document,
      GObject              *record)
{
  const PathwayKind *kind = pathway_kind_for_record (record);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  changes = pathway_document_list_changes (document, record, &error);
  if (changes == NULL)
    {
      gtk_list_box_append (self->changes_list,
                           pathway_editor_placeholder_row_new (error->message));
      return;
    }
  n = g_list_model_get_n_items (changes);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (changes, i - 1);

      gtk_list_box_append (self->changes_list, change_row_new (self, kind, update));
    }
  if (n == 0)
    gtk_list_box_append (self->changes_list,
                         pathway_editor_placeholder_row_new (_("No changes recorded yet")));
}

static void
remote_change_cb (PathwayHistoryDialog *self)
{
  pathway_editor_clear_list_box (self->changes_list);
  fill (self, self->document, self->record);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_history_dialog_dispose (GObject *object)
{
  PathwayHistoryDialog *self = PATHWAY_HISTORY_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (object), PATHWAY_TYPE_HISTORY_DIALOG);
  G_OBJECT_CLASS (pathway_history_dialog_parent_class)->dispose (object);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
pathway_history_dialog_class_init (PathwayHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayHistoryDialog, changes_list);

  gtk_widget_class_install_action (widget_class, "history.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "history.close", NULL);
}

static void
pathway_history_dialog_init (PathwayHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PathwayHistoryDialog *
pathway_history_dialog_new (GtkWindow                *parent,
                            PathwayDocument          *document,
                            gpointer                  record,
                            const PathwayRecordField *fields)
{
  PathwayHistoryDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pathway_kind_for_record (record) != NULL, NULL);

  name = pathway_document_dup_record_name (document, record);
  /* TRANSLATORS: the title of a record's history: "History of Priya Raman" */
  title = g_strdup_printf (_("History of %s"), name);
  self = g_object_new (PATHWAY_TYPE_HISTORY_DIALOG, "title", title, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  /* The window title is plain text: a name with '<' or '&' reads as written. */
  adw_window_title_set_title (self->window_title, _("History"));
  adw_window_title_set_subtitle (self->window_title, name);
  self->fields = fields;
  self->document = g_object_ref (document);
  self->record = g_object_ref (record);
  fill (self, document, record);
  g_signal_connect_object (document, "remote-change", G_CALLBACK (remote_change_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
