/* pathway-board-dialog.c: adding a board, its chair and its next meeting.
 *
 * Add stays off until the board has a name. Pressing it refuses a name another board has
 * (boards are found by name, as meetings are by their board's name and date) and a date that
 * names no day; then the board and, when a date was given, its meeting are written in one
 * batch, so one undo takes both back and a failure writes neither. The chair is chosen with a
 * PathwayPersonPicker that can add a person; that is its own step, done when the person is
 * added. A failure leaves the window open with what was typed. Escape cancels.
 *
 * Made for a board that exists already, it asks only for the date of its next meeting. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-board-dialog.h"
#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-person-picker.h"
#include "pathway-style.h"

struct _PathwayBoardDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayBoard *board;        /* the board a meeting is added to, or NULL for a new board */
  PathwayPersonPicker *chair_picker;

  /* Template children */
  AdwPreferencesGroup *board_group;
  AdwPreferencesGroup *meeting_group;
  PathwayEntryRow *name_row;
  PathwayEntryRow *date_row;
  GtkLabel *problem_label;
};

enum {
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayBoardDialog, pathway_board_dialog, ADW_TYPE_WINDOW)

static void
show_problem (PathwayBoardDialog *self,
              const char         *text)
{
  pathway_editor_set_caption (self->problem_label,
                              text != NULL ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN,
                              text);
}

/* A new board needs its name; a meeting of a board that exists, its date. */
static void
fields_changed_cb (PathwayBoardDialog *self)
{
  show_problem (self, NULL);
  pathway_editor_mark_error (self->name_row, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add",
                                 pathway_editor_entry_has_text (self->board != NULL
                                                                  ? self->date_row
                                                                  : self->name_row));
}

static gboolean
board_named (PathwayProgramme *programme,
             const char       *name)
{
  GListModel *boards = pathway_programme_get_boards (programme);

  for (guint i = 0, n = g_list_model_get_n_items (boards); i < n; i++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, i);

      if (g_strcmp0 (pathway_board_get_name (board), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
write_board (PathwayBoardDialog  *self,
             PathwayBoard        *board,
             PathwayMeeting      *meeting,
             GError             **error)
{
  if (self->board != NULL)
    return pathway_document_add_meeting (self->document, board, meeting, error);

  if (!pathway_document_begin_batch (self->document, _("Add board"), error))
    return FALSE;
  if (!pathway_document_add_board (self->document, board, error) ||
      (meeting != NULL && !pathway_document_add_meeting (self->document, board, meeting, error)) ||
      !pathway_document_commit_batch (self->document, error))
    {
      pathway_document_rollback_batch (self->document);
      return FALSE;
    }
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwayBoardDialog *self = PATHWAY_BOARD_DIALOG (widget);
  g_autofree char *name = pathway_editor_dup_entry_text (self->name_row);
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (self->board == NULL && *name == '\0')
    return;
  if (self->board == NULL && board_named (pathway_document_get_programme (self->document), name))
    {
      g_autofree char *text = g_strdup_printf (_("There is already a board called “%s”."),
                                               name);

      show_problem (self, text);
      pathway_editor_mark_error (self->name_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (!pathway_day_field_check (self->date_row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

  if (self->board != NULL)
    board = g_object_ref (self->board);
  else
    {
      board = pathway_board_new ();
      pathway_board_set_name (board, name);
      pathway_board_set_chair (board, pathway_person_picker_get_selected (self->chair_picker));
    }
  if (pathway_day_field_read (self->date_row, &date) == PATHWAY_DAY_VALID)
    {
      meeting = pathway_meeting_new ();
      pathway_meeting_set_date (meeting, &date);
    }
  else if (self->board != NULL)
    return;
  if (!write_board (self, board, meeting, &error))
    {
      show_problem (self, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, board, meeting);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* A rolled-back batch replaces the programme, and so its list of people. */
static void
programme_changed_cb (PathwayBoardDialog *self)
{
  PathwayPerson *chair = pathway_person_picker_get_selected (self->chair_picker);
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  gint64 chair_id = chair != NULL ? pathway_person_get_id (chair) : 0;

  pathway_person_picker_set_people (self->chair_picker, pathway_programme_get_people (programme));
  pathway_person_picker_set_selected (self->chair_picker,
                                      pathway_programme_find_person (programme, chair_id));
}

static void
pathway_board_dialog_dispose (GObject *object)
{
  PathwayBoardDialog *self = PATHWAY_BOARD_DIALOG (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->board);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_BOARD_DIALOG);
  G_OBJECT_CLASS (pathway_board_dialog_parent_class)->dispose (object);
}

static void
pathway_board_dialog_class_init (PathwayBoardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_board_dialog_dispose;

  signals[SIGNAL_ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 2, PATHWAY_TYPE_BOARD,
                                        PATHWAY_TYPE_MEETING);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-board-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayBoardDialog, board_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayBoardDialog, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayBoardDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayBoardDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayBoardDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "board.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_board_dialog_init (PathwayBoardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->chair_picker = PATHWAY_PERSON_PICKER (pathway_person_picker_new (_("Chair")));
  gtk_widget_set_name (GTK_WIDGET (self->chair_picker), "board-chair-picker");
  adw_preferences_group_add (self->board_group, GTK_WIDGET (self->chair_picker));

  pathway_day_field_attach (self->date_row);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fields_changed_cb (self);
}

PathwayBoardDialog *
pathway_board_dialog_new (GtkWindow       *parent,
                          PathwayDocument *document)
{
  PathwayBoardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_BOARD_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  pathway_person_picker_set_people (self->chair_picker,
                                    pathway_programme_get_people (
                                      pathway_document_get_programme (document)));
  pathway_person_picker_set_document (self->chair_picker, document);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

PathwayBoardDialog *
pathway_board_dialog_new_meeting (GtkWindow       *parent,
                                  PathwayDocument *document,
                                  PathwayBoard    *board)
{
  PathwayBoardDialog *self;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (PATHWAY_IS_BOARD (board), NULL);

  self = pathway_board_dialog_new (parent, document);
  if (self == NULL)
    return NULL;
  self->board = g_object_ref (board);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Meeting"));
  gtk_widget_set_visible (GTK_WIDGET (self->board_group), FALSE);
  /* The board's name heads the group; titles are markup, the name is the person's text. */
  escaped = g_markup_escape_text (pathway_board_get_name (board), -1);
  adw_preferences_group_set_title (self->meeting_group, escaped);
  adw_preferences_group_set_description (self->meeting_group,
                                         _("The date of its next meeting, such as 18 November "
                                           "2026 or 18/11/2026."));
  fields_changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->date_row));
  return self;
}
