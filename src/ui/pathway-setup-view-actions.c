/* pathway-setup-view-actions.c: what the set-up view does to records, as setup.* actions so that
 * a button, a row's menu and a row's activation take one path: adding a person, an area, a
 * board or a meeting (one by one in PathwayRecordDialog, or by a rule in
 * PathwayMeetingRuleDialog), editing a record, showing its history (PathwayHistoryDialog),
 * merging a duplicate person into the one kept, and retiring a record.
 *
 * Retiring asks first. The store refuses a record still in use (PATHWAY_ERROR_IN_USE); the
 * view then names the uses and offers to reassign them (a PathwayPersonPicker for a person, a
 * drop-down of the live records of the kind for others) and retire. Every write is announced
 * in a toast on the window with Undo (win.undo). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-history-dialog.h"
#include "pathway-meeting-rule-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-setup-view-private.h"
#include "pathway-window.h"

/* The fields of each kind ---------------------------------------------------------------------- */

static const char *
finding_kind_word (int value)
{
  return pathway_finding_kind_label ((PathwayFindingKind) value);
}

static const PathwayRecordField person_fields[] = {
  { "name", N_("Name"), PATHWAY_RECORD_ROW_TEXT, .required = TRUE },
  { "role", N_("Role"), PATHWAY_RECORD_ROW_TEXT },
  { "organisation", N_("Organisation"), PATHWAY_RECORD_ROW_TEXT },
  { "email", N_("Email"), PATHWAY_RECORD_ROW_TEXT },
  { "public", N_("May be named in the public version"), PATHWAY_RECORD_ROW_SWITCH,
    .hint = N_("Officers are not named in the plan published for families unless this is on") },
  { NULL }
};

static const PathwayRecordField area_fields[] = {
  { "number", N_("Number"), PATHWAY_RECORD_ROW_TEXT, .required = TRUE },
  { "kind", N_("Kind"), PATHWAY_RECORD_ROW_CHOICE, .choices = pathway_finding_kind_get_type,
    .choice_label = finding_kind_word },
  { "title", N_("Title"), PATHWAY_RECORD_ROW_TEXT },
  { "finding", N_("_Finding"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "commitment", N_("_Commitment"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "public-summary", N_("_Summary for families"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { NULL }
};

static const PathwayRecordField board_fields[] = {
  { "name", N_("Name"), PATHWAY_RECORD_ROW_TEXT, .required = TRUE },
  { "chair", N_("Chair"), PATHWAY_RECORD_ROW_PERSON },
  { "cadence", N_("How often it meets"), PATHWAY_RECORD_ROW_TEXT },
  { NULL }
};

static const PathwayRecordField meeting_fields[] = {
  { "date", N_("Date"), PATHWAY_RECORD_ROW_DAY },
  { "time", N_("Time"), PATHWAY_RECORD_ROW_TEXT },
  { "venue", N_("Venue"), PATHWAY_RECORD_ROW_TEXT },
  { "title", N_("Title"), PATHWAY_RECORD_ROW_TEXT },
  { NULL }
};

typedef struct {
  const char *kind;
  const PathwayRecordField *fields;
  const char *add_title;
  const char *edit_title;
} SetupKind;

static const SetupKind setup_kinds[] = {
  { "person", person_fields, N_("New Person"), N_("Edit Person") },
  { "area", area_fields, N_("New Area of Weakness"), N_("Edit Area of Weakness") },
  { "board", board_fields, N_("New Board"), N_("Edit Board") },
  { "meeting", meeting_fields, N_("New Meeting"), N_("Edit Meeting") },
};

static const SetupKind *
setup_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (setup_kinds); i++)
    {
      if (g_str_equal (setup_kinds[i].kind, kind))
        return &setup_kinds[i];
    }
  return NULL;
}

const PathwayRecordField *
_pathway_setup_view_fields (const char *kind)
{
  const SetupKind *found = setup_kind (kind);

  return found != NULL ? found->fields : NULL;
}

GMenuModel *
_pathway_setup_view_record_menu (const char *kind,
                                 gint64      id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) look = g_menu_new ();
  g_autoptr(GMenu) merge = g_menu_new ();
  g_autoptr(GMenu) retire = g_menu_new ();
  g_autoptr(GMenuItem) edit_item = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) history_item = g_menu_item_new (_("_History…"), NULL);
  g_autoptr(GMenuItem) retire_item = g_menu_item_new (_("_Retire…"), NULL);

  g_menu_item_set_action_and_target_value (edit_item, "setup.edit",
                                           g_variant_new ("(sx)", kind, id));
  g_menu_item_set_action_and_target_value (history_item, "setup.history",
                                           g_variant_new ("(sx)", kind, id));
  g_menu_item_set_action_and_target_value (retire_item, "setup.retire",
                                           g_variant_new ("(sx)", kind, id));
  g_menu_append_item (look, edit_item);
  g_menu_append_item (look, history_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (look));
  if (g_str_equal (kind, "person"))
    {
      g_autoptr(GMenuItem) merge_item = g_menu_item_new (_("_Merge Into…"), NULL);

      g_menu_item_set_action_and_target_value (merge_item, "setup.merge",
                                               g_variant_new_int64 (id));
      g_menu_append_item (merge, merge_item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (merge));
    }
  g_menu_append_item (retire, retire_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (retire));
  return G_MENU_MODEL (menu);
}

/* Helpers -------------------------------------------------------------------------------------- */

static PathwayDocument *
document_of (PathwaySetupView *self)
{
  return pathway_view_get_document (PATHWAY_VIEW (self));
}

static GtkWindow *
window_of (PathwaySetupView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A live record the programme keeps, by kind and id; NULL when it has gone. Transfer none. */
static gpointer
find_record (PathwaySetupView *self,
             const char       *kind_name,
             gint64            id)
{
  PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));
  const PathwayKind *kind = pathway_kind_lookup (kind_name);

  if (programme == NULL || kind == NULL)
    return NULL;
  return pathway_programme_find_record (programme, pathway_kind_get_record_type (kind), id);
}

/* A toast on the main window, with Undo when the write made an undo step. Toast titles are
 * markup in libadwaita 1.2, and these quote the user's text. */
static void
announce (PathwaySetupView *self,
          const char       *text,
          gboolean          undoable)
{
  GtkWindow *window = window_of (self);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (window))
    return;
  toast = adw_toast_new (escaped);
  if (undoable && pathway_document_get_can_undo (document_of (self)))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (window), toast);
}

/* A refusal the person cannot act on here (the file could not be written). */
static void
show_failure (PathwaySetupView *self,
              const char       *heading,
              const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_saved_cb (PathwaySetupView    *self,
                 GObject             *record,
                 gboolean             added,
                 PathwayRecordDialog *dialog)
{
  g_autofree char *name = pathway_document_dup_record_name (document_of (self), record);
  g_autofree char *text = NULL;

  /* TRANSLATORS: toasts after the record dialog: "Added Priya Raman", "Saved Priya Raman" */
  text = added ? g_strdup_printf (_("Added %s"), name) : g_strdup_printf (_("Saved %s"), name);
  announce (self, text, TRUE);
}

static void
present_record_dialog (PathwaySetupView    *self,
                       PathwayRecordDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (record_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adding and editing --------------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  const SetupKind *kind = setup_kind (g_variant_get_string (parameter, NULL));

  if (kind == NULL || document_of (self) == NULL)
    return;
  present_record_dialog (self,
                         pathway_record_dialog_new_add (window_of (self), document_of (self),
                                                        pathway_kind_lookup (kind->kind), NULL,
                                                        kind->fields, _(kind->add_title)));
}

static void
add_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  PathwayBoard *board = find_record (self, "board", g_variant_get_int64 (parameter));
  PathwayRecordDialog *dialog;

  if (board == NULL)
    return;
  dialog = pathway_record_dialog_new_add (window_of (self), document_of (self),
                                          pathway_kind_lookup ("meeting"), board,
                                          meeting_fields, _("New Meeting"));
  present_record_dialog (self, dialog);
}

static void
meetings_added_cb (PathwaySetupView         *self,
                   guint                     count,
                   PathwayMeetingRuleDialog *dialog)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("Added %u meeting", "Added %u meetings", count), count);
  announce (self, text, TRUE);
}

static void
add_meetings_by_rule_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  PathwayBoard *board = find_record (self, "board", g_variant_get_int64 (parameter));
  PathwayMeetingRuleDialog *dialog;

  if (board == NULL)
    return;
  dialog = pathway_meeting_rule_dialog_new (window_of (self), document_of (self), board);
  g_signal_connect_object (dialog, "added", G_CALLBACK (meetings_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  const char *kind_name = NULL;
  gint64 id = 0;
  const SetupKind *kind;
  gpointer record;

  g_variant_get (parameter, "(&sx)", &kind_name, &id);
  kind = setup_kind (kind_name);
  record = find_record (self, kind_name, id);
  if (kind == NULL || record == NULL)
    return;
  present_record_dialog (self,
                         pathway_record_dialog_new_edit (window_of (self), document_of (self),
                                                         record, kind->fields,
                                                         _(kind->edit_title)));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  const char *kind_name = NULL;
  gint64 id = 0;
  gpointer record;

  g_variant_get (parameter, "(&sx)", &kind_name, &id);
  record = find_record (self, kind_name, id);
  if (record == NULL)
    return;
  gtk_window_present (GTK_WINDOW (pathway_history_dialog_new (window_of (self),
                                                              document_of (self), record,
                                                              _pathway_setup_view_fields (
                                                                kind_name))));
}

/* Choosing another record ---------------------------------------------------------------------- */

static gboolean
is_not_cb (gpointer item,
           gpointer data)
{
  return item != data;
}

/* A row choosing another live record of the kind of 'record' (a person picker for people, a
 * drop-down of names for others), named "reassign-picker" or "merge-picker". */
static GtkWidget *
other_record_row_new (PathwaySetupView *self,
                      GObject          *record,
                      const char       *title,
                      const char       *name)
{
  const PathwayKind *kind = pathway_kind_for_record (record);
  GtkWidget *row;

  if (PATHWAY_IS_PERSON (record))
    {
      PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));
      GtkCustomFilter *filter = gtk_custom_filter_new (is_not_cb, record, NULL);
      g_autoptr(GtkFilterListModel) others =
        gtk_filter_list_model_new (g_object_ref (pathway_programme_get_people (programme)),
                                   GTK_FILTER (filter));

      row = pathway_person_picker_new (title);
      pathway_person_picker_set_allow_none (PATHWAY_PERSON_PICKER (row), FALSE);
      pathway_person_picker_set_people (PATHWAY_PERSON_PICKER (row), G_LIST_MODEL (others));
    }
  else
    {
      g_autoptr(GListModel) records = pathway_document_list_records (document_of (self), kind,
                                                                     FALSE, NULL);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GPtrArray *choices = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (records, i);
          g_autofree char *other_name = NULL;

          if (other == record)
            continue;
          other_name = pathway_document_dup_record_name (document_of (self), other);
          gtk_string_list_append (names, other_name);
          g_ptr_array_add (choices, g_steal_pointer (&other));
        }
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      pathway_editor_set_choice_items (ADW_COMBO_ROW (row), PATHWAY_EDITOR_VALUE_CHARS,
                                       PATHWAY_EDITOR_LIST_CHARS);
      g_object_set_data_full (G_OBJECT (row), "pathway-choices", choices,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  gtk_widget_set_name (row, name);
  return row;
}

/* The record chosen in such a row, or NULL. Transfer none. */
static GObject *
other_record_chosen (GtkWidget *row)
{
  GPtrArray *choices;
  guint selected;

  if (PATHWAY_IS_PERSON_PICKER (row))
    return G_OBJECT (pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (row)));
  choices = g_object_get_data (G_OBJECT (row), "pathway-choices");
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  return selected < choices->len ? g_ptr_array_index (choices, selected) : NULL;
}

/* A message dialog with the row inside a boxed list, whose 'response' waits for a choice. */
static void
chosen_cb (AdwMessageDialog *dialog)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), "pathway-chooser");
  const char *response = g_object_get_data (G_OBJECT (dialog), "pathway-choose-response");

  adw_message_dialog_set_response_enabled (dialog, response, other_record_chosen (row) != NULL);
}

static void
add_chooser (AdwMessageDialog *dialog,
             GtkWidget        *row,
             const char       *response)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "pathway-chooser", row);
  g_object_set_data (G_OBJECT (dialog), "pathway-choose-response", (gpointer) response);
  g_signal_connect_object (row, PATHWAY_IS_PERSON_PICKER (row) ? "notify::selected"
                                                               : "notify::selected-item",
                           G_CALLBACK (chosen_cb), dialog, G_CONNECT_SWAPPED);
  chosen_cb (dialog);
}

/* Retiring ------------------------------------------------------------------------------------- */

static void retire_now (PathwaySetupView *self, GObject *record);

static void
reassign_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PathwaySetupView *self)
{
  GObject *record = g_object_get_data (G_OBJECT (dialog), "pathway-record");
  GObject *to = other_record_chosen (g_object_get_data (G_OBJECT (dialog), "pathway-chooser"));
  g_autoptr(GError) error = NULL;

  PathwayDocument *document = document_of (self);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "reassign") || to == NULL || document == NULL)
    return;
  /* One batch, so one undo takes back both the reassignment and the retirement. */
  name = pathway_document_dup_record_name (document, record);
  /* TRANSLATORS: an undo step: "Reassign and retire Priya Raman" */
  label = g_strdup_printf (_("Reassign and retire %s"), name);
  if (!pathway_document_begin_batch (document, label, &error))
    {
      show_failure (self, _("Could Not Reassign"), error);
      return;
    }
  if (!pathway_document_reassign (document, record, to, NULL, &error) ||
      !pathway_document_retire (document, record, NULL, &error) ||
      !pathway_document_commit_batch (document, &error))
    {
      pathway_document_rollback_batch (document);
      show_failure (self, _("Could Not Reassign"), error);
      return;
    }
  text = g_strdup_printf (_("Retired %s"), name);
  announce (self, text, TRUE);
}

/* The store refused: the record is used. Name the uses and offer to move them. */
static void
offer_reassign (PathwaySetupView *self,
                GObject          *record)
{
  g_autofree char *name = pathway_document_dup_record_name (document_of (self), record);
  g_autoptr(GPtrArray) uses = pathway_document_list_uses (document_of (self), record, NULL);
  g_autofree char *where = uses != NULL ? pathway_document_describe_uses (document_of (self),
                                                                          uses)
                                        : g_strdup ("");
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* TRANSLATORS: the heading when a record cannot be retired: "Priya Raman Is Still Named" */
  heading = g_strdup_printf (_("%s Is Still Named"), name);
  /* TRANSLATORS: %s are the record's name and where it is used: "Priya Raman is still the
   * lead of workstream B; chair of board SEND Board. …" */
  body = g_strdup_printf (_("%s is still the %s.\n\nChoose who takes these over; then %s is "
                            "retired."), name, where, name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), heading, body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "in-use-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "reassign", _("_Reassign and Retire"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reassign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reassign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pathway-record", g_object_ref (record),
                          g_object_unref);
  add_chooser (dialog, other_record_row_new (self, record, _("Reassign to"), "reassign-picker"),
               "reassign");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reassign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retire_now (PathwaySetupView *self,
            GObject          *record)
{
  g_autofree char *name = pathway_document_dup_record_name (document_of (self), record);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathway_document_retire (document_of (self), record, NULL, &error))
    {
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_IN_USE))
        offer_reassign (self, record);
      else
        show_failure (self, _("Could Not Retire"), error);
      return;
    }
  /* TRANSLATORS: a toast: "Retired Priya Raman" */
  text = g_strdup_printf (_("Retired %s"), name);
  announce (self, text, TRUE);
}

static void
retire_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PathwaySetupView *self)
{
  if (g_str_equal (response, "retire") && document_of (self) != NULL)
    retire_now (self, g_object_get_data (G_OBJECT (dialog), "pathway-record"));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  const char *kind_name = NULL;
  gint64 id = 0;
  GObject *record;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&sx)", &kind_name, &id);
  record = find_record (self, kind_name, id);
  if (record == NULL)
    return;
  name = pathway_document_dup_record_name (document_of (self), record);
  /* TRANSLATORS: asking before retiring a record: "Retire Priya Raman?" */
  heading = g_strdup_printf (_("Retire %s?"), name);
  if (PATHWAY_IS_BOARD (record))
    body = g_strdup (_("The board and its meetings leave the programme’s lists. They stay in "
                       "the history, and in board packs as at earlier days."));
  else
    /* TRANSLATORS: before retiring a record: "Priya Raman leaves the programme’s lists…" */
    body = g_strdup_printf (_("%s leaves the programme’s lists, but stays in the history and "
                              "in board packs as at earlier days."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), heading, body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "retire-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pathway-record", g_object_ref (record),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Merging -------------------------------------------------------------------------------------- */

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PathwaySetupView *self)
{
  GObject *duplicate = g_object_get_data (G_OBJECT (dialog), "pathway-record");
  GObject *keep = other_record_chosen (g_object_get_data (G_OBJECT (dialog), "pathway-chooser"));
  g_autofree char *duplicate_name = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "merge") || keep == NULL || document_of (self) == NULL)
    return;
  duplicate_name = pathway_document_dup_record_name (document_of (self), duplicate);
  keep_name = pathway_document_dup_record_name (document_of (self), keep);
  if (!pathway_document_merge (document_of (self), duplicate, keep, &error))
    {
      show_failure (self, _("Could Not Merge"), error);
      return;
    }
  /* TRANSLATORS: a toast: "Merged B Kowalski into Beth Kowalski" */
  text = g_strdup_printf (_("Merged %s into %s"), duplicate_name, keep_name);
  announce (self, text, TRUE);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);
  PathwayPerson *person = find_record (self, "person", g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL)
    return;
  /* TRANSLATORS: asking before merging a duplicate person: "Merge B Kowalski?" */
  heading = g_strdup_printf (_("Merge %s?"), pathway_person_get_name (person));
  /* TRANSLATORS: %s is the person merged, twice */
  body = g_strdup_printf (_("Choose the person to keep. Everything that names %s (actions, "
                            "workstreams, memberships, boards) will name them instead, and %s "
                            "is retired."),
                          pathway_person_get_name (person), pathway_person_get_name (person));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), heading, body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "merge-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pathway-record", g_object_ref (person),
                          g_object_unref);
  add_chooser (dialog, other_record_row_new (self, G_OBJECT (person), _("Keep"),
                                             "merge-picker"),
               "merge");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moving around -------------------------------------------------------------------------------- */

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  pathway_setup_view_show_section (PATHWAY_SETUP_VIEW (widget),
                                   g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Class ---------------------------------------------------------------------------------------- */

void
_pathway_setup_view_update_actions (PathwaySetupView *self)
{
  static const char *const writes[] = {
    "setup.add", "setup.add-meeting", "setup.add-meetings-by-rule", "setup.edit",
    "setup.retire", "setup.merge",
  };
  /* On a server the set-up is its managers' to change. */
  gboolean writable = pathway_view_get_manages (PATHWAY_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writes[i], writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.history",
                                 pathway_view_get_programme (PATHWAY_VIEW (self)) != NULL);
}

void
_pathway_setup_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "setup.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "setup.add-meeting", "x", add_meeting_action);
  gtk_widget_class_install_action (widget_class, "setup.add-meetings-by-rule", "x",
                                   add_meetings_by_rule_action);
  gtk_widget_class_install_action (widget_class, "setup.edit", "(sx)", edit_action);
  gtk_widget_class_install_action (widget_class, "setup.history", "(sx)", history_action);
  gtk_widget_class_install_action (widget_class, "setup.retire", "(sx)", retire_action);
  gtk_widget_class_install_action (widget_class, "setup.merge", "x", merge_action);
  gtk_widget_class_install_action (widget_class, "setup.show-section", "s",
                                   show_section_action);
  gtk_widget_class_install_action (widget_class, "setup.back", NULL, back_action);
}
