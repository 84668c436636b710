/* pathway-person-dialog.c: adding a person from wherever one is being chosen.
 *
 * Add stays off until a name is typed. Pressing it (or Enter in any row) refuses a name the
 * programme already has, since people are found by name (a lead named in a tracker, a chair
 * on the command line) and two of one name could not be told apart; otherwise the person is
 * added through pathway_document_add_person, "added" is emitted and the window closes. A
 * failure leaves the window open with what was typed and says why under the rows. Escape
 * cancels. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-person-dialog.h"
#include "pathway-style.h"

struct _PathwayPersonDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;

  /* Template children */
  PathwayEntryRow *name_row;
  PathwayEntryRow *role_row;
  PathwayEntryRow *organisation_row;
  PathwayEntryRow *email_row;
  GtkLabel *problem_label;
};

enum {
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayPersonDialog, pathway_person_dialog, ADW_TYPE_WINDOW)

static void
show_problem (PathwayPersonDialog *self,
              const char          *text)
{
  pathway_editor_set_caption (self->problem_label,
                              text != NULL ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN,
                              text);
  pathway_editor_mark_error (self->name_row, text != NULL);
}

static void
name_changed_cb (PathwayPersonDialog *self)
{
  show_problem (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add",
                                 pathway_editor_entry_has_text (self->name_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwayPersonDialog *self = PATHWAY_PERSON_DIALOG (widget);
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  g_autofree char *name = pathway_editor_dup_entry_text (self->name_row);
  g_autofree char *role = pathway_editor_dup_entry_text (self->role_row);
  g_autofree char *organisation = pathway_editor_dup_entry_text (self->organisation_row);
  g_autofree char *email = pathway_editor_dup_entry_text (self->email_row);
  g_autoptr(PathwayPerson) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;
  if (pathway_programme_find_person_by_name (programme, name) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("There is already someone called “%s” in "
                                                 "the programme: choose them from the list "
                                                 "instead."),
                                               name);

      show_problem (self, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  draft = pathway_person_new ();
  pathway_person_set_name (draft, name);
  pathway_person_set_role (draft, role);
  pathway_person_set_organisation (draft, organisation);
  pathway_person_set_email (draft, email);
  if (!pathway_document_add_person (self->document, draft, &error))
    {
      show_problem (self, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, draft);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
pathway_person_dialog_dispose (GObject *object)
{
  PathwayPersonDialog *self = PATHWAY_PERSON_DIALOG (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_PERSON_DIALOG);
  G_OBJECT_CLASS (pathway_person_dialog_parent_class)->dispose (object);
}

static void
pathway_person_dialog_class_init (PathwayPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_person_dialog_dispose;

  signals[SIGNAL_ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, PATHWAY_TYPE_PERSON);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "person.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_person_dialog_init (PathwayPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  name_changed_cb (self);
}

PathwayPersonDialog *
pathway_person_dialog_new (GtkWindow       *parent,
                           PathwayDocument *document)
{
  PathwayPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

void
pathway_person_dialog_set_name (PathwayPersonDialog *self,
                                const char          *name)
{
  g_return_if_fail (PATHWAY_IS_PERSON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
}
