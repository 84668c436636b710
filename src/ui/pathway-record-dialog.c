/* pathway-record-dialog.c: adds or edits one record of any kind (see the header).
 *
 * The rows are made from the caller's table: one-line fields go into boxed lists, a run of
 * them in one list; a long text stands alone under its heading, as in the action editor. Each
 * field keeps the text the record had, so an edit writes only the fields that changed, all of
 * them in one pathway_document_set_fields call (one undo step). A new record is written with
 * pathway_document_add_fields, its owner named by UUID. The store's messages name the field
 * first ("date: “31/02” is not a date written YYYY-MM-DD."): such a message goes under its
 * field (scrolled into view with it), any other into the bar at the top. A field may have a
 * hint under it until a refusal takes its place, and may be shown only while a choice has one
 * value (a survey's count of responses). A field changed here that someone else changed since
 * the dialog opened (a programme on a server) is refused, naming them, what was typed kept;
 * saving again writes it on purpose (PathwayShownValues). On a read-only programme, or one on a
 * server whose rules keep this person from changing such a record (only managers change the
 * programme's set-up), the fields are insensitive and a bar at the top says why. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-person-picker.h"
#include "pathway-record-dialog.h"
#include "pathway-remote.h"
#include "pathway-shown-values.h"

typedef struct {
  const PathwayRecordField *spec;
  GtkWidget *row;        /* PathwayEntryRow, AdwComboRow, PathwayPersonPicker, GtkTextView, or
                          * (SWITCH) an AdwActionRow */
  GtkSwitch *toggle;     /* SWITCH: the switch in the row */
  GtkLabel *caption;     /* why the store refused the value (or the hint), under the field's
                          * list */
  GtkLabel *day_meaning; /* DAY: the day in words, inside the row */
  GEnumClass *choices;   /* CHOICE */
  char *initial;         /* the record's text for the field, "" for a new record */
  PathwayPerson *initial_person;
  int shown_with;        /* shown_when: the index of the field it depends on, or -1 */
  char *shown_nick;      /* shown_when: that field's value that shows this one */
} Field;

struct _PathwayRecordDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  const PathwayKind *kind;
  GObject *owner;  /* a new record's owner, or NULL */
  GObject *record; /* the record edited, or the one added once saved */
  GArray *fields;  /* Field */
  gboolean ready;  /* every required field is filled in, and the file can be written */
  char *refusal;   /* why this person may not change the record (or add one), or NULL */
  GtkLabel *read_only_label;
  guint fit_source;
  GtkWidget *revealing; /* a refused field's caption to scroll into view once laid out */
  gulong reveal_handler;
  PathwayShownValues *shown; /* the record's values when the dialog showed them */

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkBox *fields_box;
};

G_DEFINE_FINAL_TYPE (PathwayRecordDialog, pathway_record_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->choices, g_type_class_unref);
  g_clear_pointer (&field->initial, g_free);
  g_clear_pointer (&field->shown_nick, g_free);
  g_clear_object (&field->initial_person);
}

static Field *
field_at (PathwayRecordDialog *self,
          guint                i)
{
  return &g_array_index (self->fields, Field, i);
}

static Field *
find_field (PathwayRecordDialog *self,
            const char          *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      if (g_str_equal (field_at (self, i)->spec->field, name))
        return field_at (self, i);
    }
  return NULL;
}

/* The property a field is kept in ("location" for "venue"). */
static GParamSpec *
pspec_of (const PathwayKind *kind,
          GObjectClass      *klass,
          const char        *name)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (klass, &n);
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (pathway_kind_field_for_property (kind, pspecs[i]->name), name))
        return pspecs[i];
    }
  return NULL;
}

static const char *
property_of (const PathwayKind *kind,
             GObject           *record,
             const char        *name)
{
  GParamSpec *pspec = pspec_of (kind, G_OBJECT_GET_CLASS (record), name);

  return pspec != NULL ? pspec->name : NULL;
}

/* A field's label as it is read: without the underline of its access key ("Show in the public
 * version" for "_Show in the public version"). */
static char *
dup_plain_label (Field *field)
{
  const char *label = _(field->spec->label);
  GString *text = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_' && c[1] == '_')
        c++;
      else if (*c == '_')
        continue;
      g_string_append_c (text, *c);
    }
  return g_string_free (text, FALSE);
}

/* Values --------------------------------------------------------------------------------------- */

static const char *
choice_word (Field *field,
             guint  index)
{
  GEnumValue *value = &field->choices->values[index];

  if (field->spec->choice_label != NULL)
    return field->spec->choice_label (value->value);
  return value->value_nick;
}

/* The field's value as the store reads it. */
static char *
dup_value (Field *field)
{
  switch (field->spec->kind)
    {
    case PATHWAY_RECORD_ROW_LONG_TEXT:
      {
        g_autofree char *text = pathway_editor_dup_view_text (GTK_TEXT_VIEW (field->row));

        return g_strdup (g_strchomp (text));
      }
    case PATHWAY_RECORD_ROW_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        if (selected >= field->choices->n_values)
          return g_strdup ("");
        return g_strdup (field->choices->values[selected].value_nick);
      }
    case PATHWAY_RECORD_ROW_PERSON:
      {
        PathwayPerson *person =
          pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (field->row));

        /* By UUID: two people may share a name. */
        return g_strdup (person != NULL ? pathway_record_get_uuid (person) : "");
      }
    case PATHWAY_RECORD_ROW_DATE:
      {
        GDate day;

        /* As the store reads days; text that names none goes as typed, to be refused. */
        if (pathway_day_field_read (PATHWAY_ENTRY_ROW (field->row), &day) == PATHWAY_DAY_VALID)
          return pathway_date_format_iso (&day);
        return pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
      }
    case PATHWAY_RECORD_ROW_NUMBER:
      {
        g_autofree char *text = pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));

        return g_strdup (*text != '\0' ? text : "0");
      }
    case PATHWAY_RECORD_ROW_SWITCH:
      return g_strdup (gtk_switch_get_active (field->toggle) ? "yes" : "no");
    case PATHWAY_RECORD_ROW_TEXT:
    case PATHWAY_RECORD_ROW_DAY:
    default:
      return pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
    }
}

static gboolean
field_changed (Field *field)
{
  g_autofree char *value = NULL;

  if (field->spec->kind == PATHWAY_RECORD_ROW_PERSON)
    return pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (field->row)) !=
           field->initial_person;
  value = dup_value (field);
  return g_strcmp0 (value, field->initial) != 0;
}

/* What a screen reader says for the row: its label and its value, "Role: Head of SEND". */
static void
update_accessible_name (Field *field)
{
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  switch (field->spec->kind)
    {
    case PATHWAY_RECORD_ROW_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        value = g_strdup (selected < field->choices->n_values ? choice_word (field, selected)
                                                                : "");
        break;
      }
    case PATHWAY_RECORD_ROW_TEXT:
    case PATHWAY_RECORD_ROW_DAY:
    case PATHWAY_RECORD_ROW_DATE:
    case PATHWAY_RECORD_ROW_NUMBER:
      value = pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
      break;
    case PATHWAY_RECORD_ROW_SWITCH:
      value = g_strdup (gtk_switch_get_active (field->toggle) ? _("Yes") : _("No"));
      break;
    case PATHWAY_RECORD_ROW_PERSON:    /* the picker names itself */
    case PATHWAY_RECORD_ROW_LONG_TEXT: /* labelled by its heading; its text is its value */
    default:
      return;
    }
  label = dup_plain_label (field);
  if (*value != '\0')
    /* TRANSLATORS: the accessible name of a field: its label and value, "Role: Head of SEND" */
    name = g_strdup_printf (_("%s: %s"), label, value);
  else
    name = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  if (field->toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A field shown only with a value of another ("Responses" with "Survey"). */
static void
update_shown (PathwayRecordDialog *self,
              Field               *field)
{
  g_autofree char *value = NULL;
  gboolean shown;

  if (field->shown_with < 0)
    return;
  value = dup_value (field_at (self, field->shown_with));
  shown = g_strcmp0 (value, field->shown_nick) == 0;
  gtk_widget_set_visible (field->row, shown);
  if (!shown)
    gtk_widget_set_visible (GTK_WIDGET (field->caption), FALSE);
  else if (field->spec->hint != NULL && !gtk_widget_has_css_class (field->row, "error"))
    pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_HINT, _(field->spec->hint));
}

/* A day typed is shown in words inside its row, or said not to be one. */
static void
update_day_meaning (Field *field)
{
  g_autofree char *text = pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
  g_autofree char *words = NULL;
  GDate day;

  if (*text == '\0')
    {
      gtk_label_set_text (field->day_meaning, _("YYYY-MM-DD"));
      gtk_widget_remove_css_class (GTK_WIDGET (field->day_meaning), "error");
      return;
    }
  if (pathway_date_parse_iso (text, &day))
    {
      words = pathway_format_date (&day);
      gtk_label_set_text (field->day_meaning, words);
      gtk_widget_remove_css_class (GTK_WIDGET (field->day_meaning), "error");
    }
  else
    {
      gtk_label_set_text (field->day_meaning, _("Not a day: write YYYY-MM-DD"));
      gtk_widget_add_css_class (GTK_WIDGET (field->day_meaning), "error");
    }
}

static void
update_save (PathwayRecordDialog *self)
{
  gboolean ready = self->refusal == NULL;

  for (guint i = 0; i < self->fields->len && ready; i++)
    {
      Field *field = field_at (self, i);
      g_autofree char *value = NULL;

      if (!field->spec->required)
        continue;
      value = dup_value (field);
      ready = *value != '\0';
    }
  self->ready = ready;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.save", ready);
}

static void
clear_errors (PathwayRecordDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);

      if (field->spec->hint != NULL && gtk_widget_get_visible (field->row))
        pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_HINT, _(field->spec->hint));
      else
        pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_HIDDEN, NULL);
      pathway_editor_mark_error (field->row, FALSE);
    }
}

static void
value_changed_cb (PathwayRecordDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);

      update_accessible_name (field);
      update_shown (self, field);
      if (field->day_meaning != NULL)
        update_day_meaning (field);
    }
  update_save (self);
}

/* Rows ----------------------------------------------------------------------------------------- */

/* GTK 4.8's text view learns the height of the text it was given only once it is laid out,
 * on an idle, and does not ask for that height then: ask for it, after that idle. */
static gboolean
fit_text_views_cb (gpointer data)
{
  PathwayRecordDialog *self = data;

  self->fit_source = 0;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);

      if (field->spec->kind == PATHWAY_RECORD_ROW_LONG_TEXT)
        gtk_widget_queue_resize (field->row);
    }
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (PathwayRecordDialog *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_LOW, fit_text_views_cb, self, NULL);
}

static GtkWidget *
caption_new (void)
{
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (caption), FALSE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "action-editor-caption");
  gtk_widget_set_visible (caption, FALSE);
  return caption;
}

static GtkWidget *
entry_row_new (PathwayRecordDialog *self,
               Field               *field)
{
  GtkWidget *row = pathway_entry_row_new ();

  /* The user's text is shown as written. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  pathway_entry_row_set_activates_default (PATHWAY_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (value_changed_cb), self);
  if (field->spec->kind == PATHWAY_RECORD_ROW_DAY)
    {
      GtkWidget *meaning = gtk_label_new (NULL);

      gtk_widget_add_css_class (meaning, "dim-label");
      gtk_widget_add_css_class (meaning, "record-day-meaning");
      pathway_entry_row_add_suffix (PATHWAY_ENTRY_ROW (row), meaning);
      field->day_meaning = GTK_LABEL (meaning);
    }
  else if (field->spec->kind == PATHWAY_RECORD_ROW_DATE)
    pathway_day_field_attach (PATHWAY_ENTRY_ROW (row));
  else if (field->spec->kind == PATHWAY_RECORD_ROW_NUMBER)
    gtk_editable_set_alignment (GTK_EDITABLE (row), 0.0);
  return row;
}

static GtkWidget *
switch_row_new (PathwayRecordDialog *self,
                Field               *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (value_changed_cb), self);
  field->toggle = GTK_SWITCH (toggle);
  return row;
}

static GtkWidget *
choice_row_new (PathwayRecordDialog *self,
                Field               *field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) words = gtk_string_list_new (NULL);

  field->choices = g_type_class_ref (field->spec->choices ());
  for (guint i = 0; i < field->choices->n_values; i++)
    gtk_string_list_append (words, choice_word (field, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (words));
  pathway_editor_set_choice_items (ADW_COMBO_ROW (row), PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (value_changed_cb), self);
  return row;
}

static GtkWidget *
person_row_new (PathwayRecordDialog *self,
                Field               *field)
{
  GtkWidget *row = pathway_person_picker_new (_(field->spec->label));
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  pathway_person_picker_set_people (PATHWAY_PERSON_PICKER (row),
                                    pathway_programme_get_people (programme));
  pathway_person_picker_set_document (PATHWAY_PERSON_PICKER (row), self->document);
  pathway_person_picker_set_allow_none (PATHWAY_PERSON_PICKER (row), !field->spec->required);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (value_changed_cb), self);
  return row;
}

static void
add_long_text (PathwayRecordDialog *self,
               Field               *field,
               gboolean             first)
{
  GtkWidget *heading = gtk_label_new_with_mnemonic (_(field->spec->label));
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "action-editor-text-heading");
  if (first)
    gtk_widget_set_margin_top (heading, 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), view);
  gtk_box_append (self->fields_box, heading);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "action-editor-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (value_changed_cb), self);
  gtk_box_append (self->fields_box, view);
  field->row = view;
}

/* One-line fields one after another share a boxed list; their captions follow it. */
static void
build_rows (PathwayRecordDialog *self)
{
  GtkWidget *list = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new (); /* captions of the open list */

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);
      GtkWidget *caption = caption_new ();

      field->caption = GTK_LABEL (caption);
      if (field->spec->kind == PATHWAY_RECORD_ROW_LONG_TEXT)
        {
          for (guint j = 0; j < pending->len; j++)
            gtk_box_append (self->fields_box, g_ptr_array_index (pending, j));
          g_ptr_array_set_size (pending, 0);
          list = NULL;
          add_long_text (self, field, i == 0);
          gtk_box_append (self->fields_box, caption);
          continue;
        }

      if (list == NULL)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          if (i > 0)
            gtk_widget_set_margin_top (list, 18);
          gtk_box_append (self->fields_box, list);
        }
      switch (field->spec->kind)
        {
        case PATHWAY_RECORD_ROW_CHOICE:
          field->row = choice_row_new (self, field);
          break;
        case PATHWAY_RECORD_ROW_PERSON:
          field->row = person_row_new (self, field);
          break;
        case PATHWAY_RECORD_ROW_SWITCH:
          field->row = switch_row_new (self, field);
          break;
        case PATHWAY_RECORD_ROW_TEXT:
        case PATHWAY_RECORD_ROW_DAY:
        case PATHWAY_RECORD_ROW_DATE:
        case PATHWAY_RECORD_ROW_NUMBER:
        case PATHWAY_RECORD_ROW_LONG_TEXT:
        default:
          field->row = entry_row_new (self, field);
          break;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), field->row);
      g_ptr_array_add (pending, caption);
    }
  for (guint j = 0; j < pending->len; j++)
    gtk_box_append (self->fields_box, g_ptr_array_index (pending, j));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);
      g_autofree char *caption_name = g_strconcat (field->spec->field, "-error", NULL);

      gtk_widget_set_name (field->row, field->spec->field);
      gtk_widget_set_name (GTK_WIDGET (field->caption), caption_name);
      pathway_editor_describe_with (field->toggle != NULL ? GTK_WIDGET (field->toggle)
                                                          : field->row,
                                    field->caption);
      if (field->spec->hint != NULL)
        pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_HINT, _(field->spec->hint));
    }
}

/* Shows a value in its row, as the store writes it. */
static void
show_value (Field      *field,
            const char *text)
{
  switch (field->spec->kind)
    {
    case PATHWAY_RECORD_ROW_LONG_TEXT:
      pathway_editor_set_view_text (GTK_TEXT_VIEW (field->row), text);
      break;
    case PATHWAY_RECORD_ROW_CHOICE:
      for (guint i = 0; i < field->choices->n_values; i++)
        {
          if (g_strcmp0 (field->choices->values[i].value_nick, text) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
        }
      break;
    case PATHWAY_RECORD_ROW_PERSON:
      break; /* by object: see load_record */
    case PATHWAY_RECORD_ROW_SWITCH:
      gtk_switch_set_active (field->toggle, g_ascii_strcasecmp (text, "yes") == 0 ||
                                              g_str_equal (text, "1") ||
                                              g_ascii_strcasecmp (text, "true") == 0);
      break;
    case PATHWAY_RECORD_ROW_NUMBER:
      /* Nothing counted is left empty rather than shown as 0. */
      gtk_editable_set_text (GTK_EDITABLE (field->row), g_str_equal (text, "0") ? "" : text);
      break;
    case PATHWAY_RECORD_ROW_TEXT:
    case PATHWAY_RECORD_ROW_DAY:
    case PATHWAY_RECORD_ROW_DATE:
    default:
      gtk_editable_set_text (GTK_EDITABLE (field->row), text);
      break;
    }
}

/* A new record's switch starts as the kind's default ("Show in the public version" on). */
static void
show_default (PathwayRecordDialog *self,
              Field               *field)
{
  GObjectClass *klass;
  GParamSpec *pspec;

  if (field->spec->kind != PATHWAY_RECORD_ROW_SWITCH)
    return;
  klass = g_type_class_ref (pathway_kind_get_record_type (self->kind));
  pspec = pspec_of (self->kind, klass, field->spec->field);
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    gtk_switch_set_active (field->toggle, G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  g_type_class_unref (klass);
}

static void
load_record (PathwayRecordDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);

      if (self->record == NULL)
        {
          show_default (self, field);
          field->initial = dup_value (field);
          continue;
        }
      if (field->spec->kind == PATHWAY_RECORD_ROW_PERSON)
        {
          const char *property = property_of (self->kind, self->record, field->spec->field);

          pathway_shown_values_remember_field (self->shown, self->record, field->spec->field);
          if (property != NULL)
            g_object_get (self->record, property, &field->initial_person, NULL);
          pathway_person_picker_set_selected (PATHWAY_PERSON_PICKER (field->row),
                                              field->initial_person);
          field->initial = dup_value (field);
          continue;
        }
      pathway_shown_values_remember_field (self->shown, self->record, field->spec->field);
      {
        g_autofree char *text = pathway_document_dup_field_text (self->document, self->record,
                                                                 field->spec->field);

        show_value (field, text ? text : "");
        field->initial = dup_value (field);
      }
    }
}

/* Saving --------------------------------------------------------------------------------------- */

/* Once the refused field's caption has been laid out: scroll as far as its foot, keeping the
 * field in view. Moving the focus to the field scrolls only as far as the field, and a one-line
 * field's caption comes after the rest of its list. */
static void
reveal_caption_cb (GdkFrameClock       *clock,
                   PathwayRecordDialog *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->fields_box),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->fields_box));
  GtkWidget *field = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t caption, row;

  g_clear_signal_handler (&self->reveal_handler, clock);
  if (scroller != NULL && self->revealing != NULL &&
      gtk_widget_compute_bounds (self->revealing, content, &caption))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);
      double bottom = caption.origin.y + caption.size.height + 12;

      if (bottom > value + page)
        value = bottom - page;
      if (field != NULL && gtk_widget_compute_bounds (field, content, &row) &&
          row.origin.y - 12 < value)
        value = row.origin.y - 12;
      gtk_adjustment_set_value (adjustment, value);
    }
  self->revealing = NULL;
}

static void
reveal_caption (PathwayRecordDialog *self,
                Field               *field)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  self->revealing = GTK_WIDGET (field->caption);
  if (self->reveal_handler == 0)
    self->reveal_handler = g_signal_connect_object (clock, "after-paint",
                                                    G_CALLBACK (reveal_caption_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A message about one field goes under it, named by its label; others into the bar. */
static void
show_error (PathwayRecordDialog *self,
            const GError        *error)
{
  const char *message = error->message;

  clear_errors (self);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);
      gsize length = strlen (field->spec->field);

      if (g_str_has_prefix (message, field->spec->field) && message[length] == ':')
        {
          const char *rest = message + length + 1;
          g_autofree char *text = NULL;
          g_autofree char *label = NULL;

          while (*rest == ' ')
            rest++;
          /* TRANSLATORS: a refused value under its field: "Date: “31/02” is not a date…" */
          label = dup_plain_label (field);
          text = g_strdup_printf (_("%s: %s"), label, rest);
          pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_ERROR, text);
          pathway_editor_mark_error (field->row, TRUE);
          gtk_widget_grab_focus (field->row);
          reveal_caption (self, field);
          return;
        }
    }
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* The owner's kind names the field that links a new record to it ("board"). */
static const char *
owner_field (PathwayRecordDialog *self)
{
  return pathway_kind_get_name (pathway_kind_for_record (self->owner));
}

/* Whether each field about to be written still holds what the dialog showed; each that does
 * not is taken as shown as it is now, and the first is the error. */
static gboolean
check_unchanged (PathwayRecordDialog *self,
                 const char *const   *names,
                 GError             **error)
{
  gboolean unchanged = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (pathway_shown_values_check_field (self->shown, self->document, self->record, names[i],
                                            &local_error))
        continue;
      if (unchanged)
        g_propagate_error (error, g_steal_pointer (&local_error));
      unchanged = FALSE;
    }
  return unchanged;
}

gboolean
pathway_record_dialog_save (PathwayRecordDialog *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean added = self->record == NULL;

  g_return_val_if_fail (PATHWAY_IS_RECORD_DIALOG (self), FALSE);

  if (!self->ready)
    return FALSE;
  /* A day typed in a form that names no day is refused here, in the words the row uses. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      if (field->spec->kind != PATHWAY_RECORD_ROW_DATE ||
          pathway_day_field_check (PATHWAY_ENTRY_ROW (field->row)))
        continue;
      clear_errors (self);
      label = dup_plain_label (field);
      /* TRANSLATORS: under a day that is not one: "Date: write a date such as 14 March 2025" */
      text = g_strdup_printf (_("%s: write a date such as 14 March 2025"),
                              label);
      pathway_editor_set_caption (field->caption, PATHWAY_CAPTION_ERROR, text);
      pathway_editor_mark_error (field->row, TRUE);
      gtk_widget_grab_focus (field->row);
      reveal_caption (self, field);
      return FALSE;
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);

      if (!added && !field_changed (field))
        continue;
      g_ptr_array_add (names, (gpointer) field->spec->field);
      g_ptr_array_add (values, dup_value (field));
    }
  if (added && self->owner != NULL)
    {
      g_ptr_array_add (names, (gpointer) owner_field (self));
      g_ptr_array_add (values, g_strdup (pathway_record_get_uuid (self->owner)));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);

  if (added)
    {
      gpointer record = NULL;

      if (!pathway_document_add_fields (self->document, self->kind,
                                        (const char *const *) names->pdata,
                                        (const char *const *) values->pdata, &record, &error))
        {
          show_error (self, error);
          return FALSE;
        }
      self->record = record;
    }
  else if (names->len > 1)
    {
      if (!check_unchanged (self, (const char *const *) names->pdata, &error) ||
          !pathway_document_set_fields (self->document, self->record,
                                        (const char *const *) names->pdata,
                                        (const char *const *) values->pdata, NULL, &error))
        {
          /* The server saw a change this copy had not yet: caught up, the fields it touched
           * are taken as shown as they are now. */
          if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT) &&
              pathway_document_get_remote (self->document) &&
              pathway_document_catch_up (self->document, NULL, NULL))
            check_unchanged (self, (const char *const *) names->pdata, NULL);
          show_error (self, error);
          return FALSE;
        }
    }

  if (added || names->len > 1)
    g_signal_emit (self, signals[SAVED], 0, self->record, added);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Actions -------------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pathway_record_dialog_save (PATHWAY_RECORD_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_record_dialog_dispose (GObject *object)
{
  PathwayRecordDialog *self = PATHWAY_RECORD_DIALOG (object);

  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  /* The handler on the frame clock goes with the dialog (g_signal_connect_object). */
  self->revealing = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_RECORD_DIALOG);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->owner);
  g_clear_object (&self->document);
  g_clear_pointer (&self->refusal, g_free);
  G_OBJECT_CLASS (pathway_record_dialog_parent_class)->dispose (object);
}

static void
pathway_record_dialog_class_init (PathwayRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_record_dialog_dispose;

  /**
   * PathwayRecordDialog::saved:
   * @record: the record added or changed
   * @added: whether it was added
   *
   * After a save that wrote something, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT,
                                 G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayRecordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRecordDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayRecordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayRecordDialog, fields_box);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "record.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "record.cancel", NULL);
}

static void
pathway_record_dialog_init (PathwayRecordDialog *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutAction *save = gtk_named_action_new ("record.save");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  self->shown = pathway_shown_values_new ();
  g_array_set_clear_func (self->fields, field_clear);

  /* Ctrl+Enter saves from any field: caught before a text view takes Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (
                        gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                      save));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  self->read_only_label = pathway_editor_add_read_only_bar (ADW_WINDOW (self));
}

/* Read-only, saying why: the document's reason, or the server's rule for the record (for a new
 * one, for a record of its kind). */
static void
show_read_only (PathwayRecordDialog *self)
{
  g_autoptr(GObject) draft = NULL;

  if (self->record == NULL)
    draft = g_object_new (pathway_kind_get_record_type (self->kind), NULL);
  g_free (self->refusal);
  self->refusal = pathway_document_dup_refusal (self->document,
                                                self->record != NULL ? self->record : draft);
  pathway_editor_show_read_only (self->read_only_label, self->refusal);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box), self->refusal == NULL);
  update_save (self);
}

static PathwayRecordDialog *
record_dialog_new (GtkWindow                *parent,
                   PathwayDocument          *document,
                   const PathwayKind        *kind,
                   gpointer                  owner,
                   gpointer                  record,
                   const PathwayRecordField *fields,
                   const char               *title)
{
  PathwayRecordDialog *self = g_object_new (PATHWAY_TYPE_RECORD_DIALOG, "title", title, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  adw_window_title_set_title (self->window_title, title);
  /* Whose record it is: the record edited, or the owner of the one added ("SEND Improvement
   * Board" over a new meeting). The window title shows it as plain text. */
  if (record != NULL || owner != NULL)
    {
      g_autofree char *name = pathway_document_dup_record_name (document,
                                                                record ? record : owner);

      adw_window_title_set_subtitle (self->window_title, name);
    }
  gtk_button_set_label (self->save_button, record == NULL ? _("_Add") : _("_Save"));
  self->document = g_object_ref (document);
  self->kind = kind;
  g_set_object (&self->owner, owner);
  g_set_object (&self->record, record);
  for (const PathwayRecordField *spec = fields; spec->field != NULL; spec++)
    {
      Field field = { .spec = spec, .shown_with = -1 };

      g_array_append_val (self->fields, field);
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = field_at (self, i);
      g_auto(GStrv) parts = NULL;

      if (field->spec->shown_when == NULL)
        continue;
      parts = g_strsplit (field->spec->shown_when, "=", 2);
      for (guint j = 0; j < self->fields->len && parts[1] != NULL; j++)
        {
          if (g_str_equal (field_at (self, j)->spec->field, parts[0]))
            {
              field->shown_with = j;
              field->shown_nick = g_strdup (parts[1]);
            }
        }
      g_warn_if_fail (field->shown_with >= 0);
    }
  build_rows (self);
  load_record (self);
  for (const PathwayRecordField *spec = fields; spec->field != NULL; spec++)
    {
      /* Room for paragraphs: the window does not grow once shown. */
      if (spec->kind == PATHWAY_RECORD_ROW_LONG_TEXT)
        {
          gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
          g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
          break;
        }
    }
  show_read_only (self);
  value_changed_cb (self);
  /* A server's connection lost or back while the dialog is open. */
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (show_read_only), self,
                           G_CONNECT_SWAPPED);
  return self;
}

PathwayRecordDialog *
pathway_record_dialog_new_add (GtkWindow                *parent,
                               PathwayDocument          *document,
                               const PathwayKind        *kind,
                               gpointer                  owner,
                               const PathwayRecordField *fields,
                               const char               *title)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (owner == NULL || G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  return record_dialog_new (parent, document, kind, owner, NULL, fields, title);
}

PathwayRecordDialog *
pathway_record_dialog_new_edit (GtkWindow                *parent,
                                PathwayDocument          *document,
                                gpointer                  record,
                                const PathwayRecordField *fields,
                                const char               *title)
{
  const PathwayKind *kind;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  kind = pathway_kind_for_record (record);
  g_return_val_if_fail (kind != NULL, NULL);
  return record_dialog_new (parent, document, kind, NULL, record, fields, title);
}

void
pathway_record_dialog_set_text (PathwayRecordDialog *self,
                                const char          *field,
                                const char          *text)
{
  Field *found;

  g_return_if_fail (PATHWAY_IS_RECORD_DIALOG (self));

  found = find_field (self, field);
  g_return_if_fail (found != NULL);
  show_value (found, text);
}

gpointer
pathway_record_dialog_get_record (PathwayRecordDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_RECORD_DIALOG (self), NULL);
  return self->record;
}
