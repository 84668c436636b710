/* pathway-new-programme-assistant.c: setting up a new programme, a page at a time.
 *
 * The pages sit in a GtkStack; Back and Next (Alt+Left, Alt+Right, and Enter in a field) move
 * between them, and Next leaves a page only when what it holds can be written: the programme
 * has a name, and every date typed names a day. The rating scheme's rows start from a new
 * PathwayRatingScheme's words; the blue pair shows only with BRAG. The board's chair and
 * meeting rows wait for the board's name, since neither can exist without the board.
 *
 * Create checks every page again, asks where to save (GtkFileChooserNative, as the window's
 * Open does) unless a path was given, creates the file with the programme's name and writes
 * everything else in one batch: the programme's fields, the rating scheme's, the chair as a
 * person, the board and its next meeting. Should that batch fail, the new file is removed and
 * the assistant stays open with everything typed, as it does when the file cannot be created
 * (a name taken, a folder that cannot be written to). Escape, or Cancel, closes it. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-new-programme-assistant.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"

static const char *const pages[] = { "programme", "ratings", "start", "board" };

/* The ratings a scheme words, in the order the rows show them; blue last, as it is optional. */
static const PathwayRating scheme_ratings[] = {
  PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN, PATHWAY_RATING_BLUE,
};

enum { PART_LABEL, PART_DEFINITION, N_PARTS };

struct _PathwayNewProgrammeAssistant
{
  AdwWindow parent_instance;

  GFile *folder;
  char *author;
  char *path;
  GtkFileChooserNative *chooser;
  PathwayEntryRow *scheme_rows[PATHWAY_N_RATINGS][N_PARTS];

  /* Template children */
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkWidget *create_button;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  PathwayEntryRow *name_row;
  PathwayEntryRow *local_area_row;
  PathwayEntryRow *partners_row;
  AdwComboRow *regime_row;
  PathwayEntryRow *inspection_row;
  PathwayEntryRow *letter_row;
  GtkSwitch *brag_switch;
  AdwPreferencesGroup *scheme_group;
  GtkCheckButton *import_check;
  PathwayEntryRow *board_row;
  PathwayEntryRow *chair_row;
  PathwayEntryRow *chair_role_row;
  PathwayEntryRow *meeting_row;
};

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayNewProgrammeAssistant, pathway_new_programme_assistant,
                     ADW_TYPE_WINDOW)

/* Pages ---------------------------------------------------------------------------------------- */

static guint
page_index (PathwayNewProgrammeAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i]) == 0)
      return i;
  return 0;
}

static void
update_buttons (PathwayNewProgrammeAssistant *self)
{
  guint index = page_index (self);
  gboolean last = index == G_N_ELEMENTS (pages) - 1;
  gboolean named = pathway_editor_entry_has_text (self->name_row);
  g_autofree char *step = NULL;

  gtk_widget_set_visible (self->cancel_button, index == 0);
  gtk_widget_set_visible (self->back_button, index > 0);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->create_button, last);
  gtk_window_set_default_widget (GTK_WINDOW (self), last ? self->create_button
                                                         : self->next_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", !last && named);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.create", named);

  /* TRANSLATORS: where the person is in the new programme's pages: "Step 2 of 4" */
  step = g_strdup_printf (_("Step %u of %u"), index + 1, (guint) G_N_ELEMENTS (pages));
  adw_window_title_set_subtitle (self->window_title, step);
}

/* The first field of each page takes the focus when the page is shown. */
static void
focus_page (PathwayNewProgrammeAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *first = NULL;

  if (g_str_equal (name, "programme"))
    first = GTK_WIDGET (self->name_row);
  else if (g_str_equal (name, "ratings"))
    first = GTK_WIDGET (self->brag_switch);
  else if (g_str_equal (name, "start"))
    first = GTK_WIDGET (self->import_check);
  else
    first = GTK_WIDGET (self->board_row);
  gtk_widget_grab_focus (first);
}

static void
show_page (PathwayNewProgrammeAssistant *self,
           guint                         index)
{
  gtk_stack_set_visible_child_name (self->stack, pages[index]);
  update_buttons (self);
  focus_page (self);
}

/* Whether the page holds what can be written; if not, the field to put right has the focus
 * and says what is wrong. */
static gboolean
check_page (PathwayNewProgrammeAssistant *self,
            guint                         index)
{
  PathwayEntryRow *dates[2] = { NULL, NULL };

  if (index == 0)
    {
      if (!pathway_editor_entry_has_text (self->name_row))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return FALSE;
        }
      dates[0] = self->inspection_row;
      dates[1] = self->letter_row;
    }
  else if (index == G_N_ELEMENTS (pages) - 1)
    dates[0] = self->meeting_row;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && !pathway_day_field_check (dates[i]))
      {
        gtk_widget_grab_focus (GTK_WIDGET (dates[i]));
        return FALSE;
      }
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (widget);
  guint index = page_index (self);

  if (index + 1 >= G_N_ELEMENTS (pages) || !check_page (self, index))
    return;
  show_page (self, index + 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (widget);
  guint index = page_index (self);

  if (index > 0)
    show_page (self, index - 1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Fields that depend on others ---------------------------------------------------------------- */

static void
name_changed_cb (PathwayNewProgrammeAssistant *self)
{
  update_buttons (self);
}

static void
board_changed_cb (PathwayNewProgrammeAssistant *self)
{
  gboolean named = pathway_editor_entry_has_text (self->board_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->chair_row), named);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chair_role_row), named);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_row), named);
}

static void
brag_changed_cb (PathwayNewProgrammeAssistant *self)
{
  gboolean blue = gtk_switch_get_active (self->brag_switch);

  for (guint part = 0; part < N_PARTS; part++)
    gtk_widget_set_visible (GTK_WIDGET (self->scheme_rows[PATHWAY_RATING_BLUE][part]), blue);
}

static void
word_changed_cb (PathwayEntryRow *row,
                 GParamSpec      *pspec,
                 gpointer         badges)
{
  g_autofree char *word = pathway_editor_dup_entry_text (row);
  PathwayRatingBadge *const *pair = badges;

  /* The badges' tooltip and accessible name are the rating's word, as typed. */
  for (guint part = 0; part < N_PARTS; part++)
    pathway_rating_badge_set_rating (pair[part], pathway_rating_badge_get_rating (pair[part]),
                                     *word != '\0' ? word : NULL);
}

static void
add_scheme_rows (PathwayNewProgrammeAssistant *self)
{
  /* Whole phrases, so that each language can put the colour where it belongs. */
  static const char *titles[PATHWAY_N_RATINGS][N_PARTS] = {
    [PATHWAY_RATING_RED] = { N_("Word for red"), N_("Definition of red") },
    [PATHWAY_RATING_AMBER] = { N_("Word for amber"), N_("Definition of amber") },
    [PATHWAY_RATING_GREEN] = { N_("Word for green"), N_("Definition of green") },
    [PATHWAY_RATING_BLUE] = { N_("Word for blue"), N_("Definition of blue") },
  };
  g_autoptr(PathwayRatingScheme) defaults = pathway_rating_scheme_new ();

  for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
    {
      PathwayRating rating = scheme_ratings[i];
      PathwayRatingBadge **badges = g_new0 (PathwayRatingBadge *, N_PARTS);

      for (guint part = 0; part < N_PARTS; part++)
        {
          PathwayEntryRow *row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
          PathwayRatingBadge *badge = PATHWAY_RATING_BADGE (pathway_rating_badge_new ());
          g_autofree char *name = g_strdup_printf ("assistant-%s-%s-row",
                                                   pathway_style_rating_class (rating),
                                                   part == PART_LABEL ? "label" : "definition");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[rating][part]));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          pathway_entry_row_set_activates_default (row, TRUE);
          gtk_widget_set_name (GTK_WIDGET (row), name);
          gtk_editable_set_text (GTK_EDITABLE (row),
                                 part == PART_LABEL
                                   ? pathway_rating_scheme_get_label (defaults, rating)
                                   : pathway_rating_scheme_get_definition (defaults, rating));
          pathway_rating_badge_set_small (badge, TRUE);
          pathway_rating_badge_set_rating (badge, rating,
                                           pathway_rating_scheme_get_label (defaults, rating));
          pathway_entry_row_add_prefix (row, GTK_WIDGET (badge));
          adw_preferences_group_add (self->scheme_group, GTK_WIDGET (row));
          self->scheme_rows[rating][part] = row;
          badges[part] = badge;
        }
      /* The row holds its badges; the array lives as long as the word's row. */
      g_object_set_data_full (G_OBJECT (self->scheme_rows[rating][PART_LABEL]), "pathway-badges",
                              badges, g_free);
      g_signal_connect (self->scheme_rows[rating][PART_LABEL], "notify::text",
                        G_CALLBACK (word_changed_cb), badges);
    }
}

/* Writing the programme ----------------------------------------------------------------------- */

static gboolean
set_text (PathwayDocument  *document,
          gpointer          object,
          const char       *property,
          PathwayEntryRow  *row,
          GError          **error)
{
  g_autofree char *text = pathway_editor_dup_entry_text (row);

  return pathway_document_set_text (document, object, property, text, error);
}

/* A day typed in the row, if any. */
static gboolean
set_day (PathwayDocument  *document,
         gpointer          object,
         const char       *property,
         PathwayEntryRow  *row,
         GError          **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GDate date;

  if (pathway_day_field_read (row, &date) != PATHWAY_DAY_VALID)
    return TRUE;
  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  return pathway_document_set_value (document, object, property, &value, NULL, error);
}

static gboolean
write_scheme (PathwayNewProgrammeAssistant  *self,
              PathwayDocument               *document,
              GError                       **error)
{
  PathwayRatingScheme *scheme =
    pathway_programme_get_rating_scheme (pathway_document_get_programme (document));
  g_auto(GValue) uses_blue = G_VALUE_INIT;
  gboolean blue = gtk_switch_get_active (self->brag_switch);

  g_value_init (&uses_blue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&uses_blue, blue);
  if (!pathway_document_set_value (document, scheme, "uses-blue", &uses_blue, NULL, error))
    return FALSE;

  /* A word left empty keeps the usual one. What is set to what it is already writes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
    for (guint part = 0; part < N_PARTS; part++)
      {
        PathwayRating rating = scheme_ratings[i];
        g_autofree char *property = g_strdup_printf ("%s-%s",
                                                     pathway_style_rating_class (rating),
                                                     part == PART_LABEL ? "label"
                                                                        : "definition");

        if ((rating == PATHWAY_RATING_BLUE && !blue) ||
            (part == PART_LABEL && !pathway_editor_entry_has_text (self->scheme_rows[rating][part])))
          continue;
        if (!set_text (document, scheme, property, self->scheme_rows[rating][part], error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
write_board (PathwayNewProgrammeAssistant  *self,
             PathwayDocument               *document,
             GError                       **error)
{
  g_autofree char *name = pathway_editor_dup_entry_text (self->board_row);
  g_autofree char *chair_name = pathway_editor_dup_entry_text (self->chair_row);
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayPerson) chair = NULL;
  GDate date;

  if (*name == '\0')
    return TRUE;

  if (*chair_name != '\0')
    {
      g_autofree char *role = pathway_editor_dup_entry_text (self->chair_role_row);

      chair = pathway_person_new ();
      pathway_person_set_name (chair, chair_name);
      pathway_person_set_role (chair, role);
      if (!pathway_document_add_person (document, chair, error))
        return FALSE;
    }

  board = pathway_board_new ();
  pathway_board_set_name (board, name);
  pathway_board_set_chair (board, chair);
  if (!pathway_document_add_board (document, board, error))
    return FALSE;

  if (pathway_day_field_read (self->meeting_row, &date) == PATHWAY_DAY_VALID)
    {
      g_autoptr(PathwayMeeting) meeting = pathway_meeting_new ();

      pathway_meeting_set_date (meeting, &date);
      if (!pathway_document_add_meeting (document, board, meeting, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_programme (PathwayNewProgrammeAssistant  *self,
                 PathwayDocument               *document,
                 GError                       **error)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  g_auto(GValue) regime = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (self->regime_row);

  g_value_init (&regime, PATHWAY_TYPE_REGIME);
  g_value_set_enum (&regime, selected != GTK_INVALID_LIST_POSITION ? (int) selected
                                                                    : PATHWAY_REGIME_WSOA_2014);

  if (!pathway_document_begin_batch (document, _("Set up the programme"), error))
    return FALSE;
  if (!set_text (document, programme, "local-area", self->local_area_row, error) ||
      !set_text (document, programme, "partners", self->partners_row, error) ||
      !pathway_document_set_value (document, programme, "regime", &regime, NULL, error) ||
      !set_day (document, programme, "inspection-date", self->inspection_row, error) ||
      !set_day (document, programme, "letter-published", self->letter_row, error) ||
      !write_scheme (self, document, error) ||
      !write_board (self, document, error) ||
      !pathway_document_commit_batch (document, error))
    {
      pathway_document_rollback_batch (document);
      return FALSE;
    }
  return TRUE;
}

static void
show_failure (PathwayNewProgrammeAssistant *self,
              const GError                 *error)
{
  AdwMessageDialog *dialog;

  /* Heading and body are plain text: the message may quote a file name. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Create the Programme"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_at (PathwayNewProgrammeAssistant *self,
           const char                   *chosen)
{
  g_autofree char *path = g_str_has_suffix (chosen, ".pathway")
                            ? g_strdup (chosen)
                            : g_strconcat (chosen, ".pathway", NULL);
  g_autofree char *name = pathway_editor_dup_entry_text (self->name_row);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = pathway_document_create (path, name, &error);
  if (document == NULL)
    {
      show_failure (self, error);
      return;
    }
  if (self->author != NULL && *self->author != '\0')
    pathway_document_set_author (document, self->author);
  if (!write_programme (self, document, &error))
    {
      /* Nothing of it was written but the name: the file goes, so that Create can try the
       * same name again. */
      pathway_document_close (document);
      g_unlink (path);
      show_failure (self, error);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, document,
                 gtk_check_button_get_active (self->import_check));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
chooser_response_cb (PathwayNewProgrammeAssistant *self,
                     int                           response,
                     GtkFileChooserNative         *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (PATHWAY_ERROR, PATHWAY_ERROR_IO,
                                                     _("Programmes can only be saved to "
                                                       "folders on this computer."));

      show_failure (self, error);
      return;
    }
  create_at (self, path);
}

static void
ask_where (PathwayNewProgrammeAssistant *self)
{
  g_autoptr(GtkFileFilter) programmes = gtk_file_filter_new ();
  g_autofree char *name = pathway_editor_dup_entry_text (self->name_row);
  g_autofree char *file_name = NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Save the New Programme"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (programmes, _("Pathway Programmes"));
  gtk_file_filter_add_pattern (programmes, "*.pathway");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), programmes);
  /* The programme's name is a fair name for its file; a slash would make it a folder. */
  g_strdelimit (name, "/\\", '-');
  file_name = g_strconcat (name, ".pathway", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (widget);

  /* Every page again: a date may have been typed and left by Back. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (!check_page (self, i))
      {
        if (page_index (self) != i)
          {
            gtk_stack_set_visible_child_name (self->stack, pages[i]);
            update_buttons (self);
            check_page (self, i);
          }
        return;
      }

  if (self->path != NULL)
    create_at (self, self->path);
  else
    ask_where (self);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_new_programme_assistant_dispose (GObject *object)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_NEW_PROGRAMME_ASSISTANT);
  G_OBJECT_CLASS (pathway_new_programme_assistant_parent_class)->dispose (object);
}

static void
pathway_new_programme_assistant_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_new_programme_assistant_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  PathwayNewProgrammeAssistant *self = PATHWAY_NEW_PROGRAMME_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      pathway_new_programme_assistant_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_new_programme_assistant_class_init (PathwayNewProgrammeAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_new_programme_assistant_dispose;
  object_class->get_property = pathway_new_programme_assistant_get_property;
  object_class->set_property = pathway_new_programme_assistant_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          PATHWAY_TYPE_DOCUMENT, G_TYPE_BOOLEAN);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-new-programme-assistant.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayNewProgrammeAssistant, name)
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (create_button);
  BIND (window_title);
  BIND (stack);
  BIND (name_row);
  BIND (local_area_row);
  BIND (partners_row);
  BIND (regime_row);
  BIND (inspection_row);
  BIND (letter_row);
  BIND (brag_switch);
  BIND (scheme_group);
  BIND (import_check);
  BIND (board_row);
  BIND (chair_row);
  BIND (chair_role_row);
  BIND (meeting_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "assistant.next", NULL);
}

static void
pathway_new_programme_assistant_init (PathwayNewProgrammeAssistant *self)
{
  g_type_ensure (PATHWAY_TYPE_RATING_BADGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  add_scheme_rows (self);
  pathway_day_field_attach (self->inspection_row);
  pathway_day_field_attach (self->letter_row);
  pathway_day_field_attach (self->meeting_row);
  /* libadwaita's own items are cut at twenty characters, which leaves "Written statement of
   * …"; these give the full text room. */
  pathway_editor_set_choice_items (self->regime_row, 48, 48);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board_row, "changed", G_CALLBACK (board_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brag_switch, "notify::active", G_CALLBACK (brag_changed_cb),
                           self, G_CONNECT_SWAPPED);
  brag_changed_cb (self);
  board_changed_cb (self);
  show_page (self, 0);
}

PathwayNewProgrammeAssistant *
pathway_new_programme_assistant_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PATHWAY_TYPE_NEW_PROGRAMME_ASSISTANT, "transient-for", parent, NULL);
}

void
pathway_new_programme_assistant_set_folder (PathwayNewProgrammeAssistant *self,
                                            GFile                        *folder)
{
  g_return_if_fail (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
}

void
pathway_new_programme_assistant_set_author (PathwayNewProgrammeAssistant *self,
                                            const char                   *author)
{
  g_return_if_fail (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

void
pathway_new_programme_assistant_set_path (PathwayNewProgrammeAssistant *self,
                                          const char                   *path)
{
  g_return_if_fail (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

const char *
pathway_new_programme_assistant_get_path (PathwayNewProgrammeAssistant *self)
{
  g_return_val_if_fail (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (self), NULL);
  return self->path;
}

const char *
pathway_new_programme_assistant_get_page (PathwayNewProgrammeAssistant *self)
{
  g_return_val_if_fail (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
