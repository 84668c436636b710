/* pathway-indicator-editor.c: adding an indicator, or changing one.
 *
 * The fields are read into a Form (what Save would write) whenever one changes, so that each
 * caption says at once what a typed day means and, once the person has tried to save, what is
 * wrong. Figures are read in the unit chosen (pathway-figure.h); days as a person
 * writes them; an empty figure or day means "not recorded". The milestones are read from the
 * file when the editor opens and kept as rows: each remembers its milestone (none for one
 * added here), and those removed are kept aside to be retired.
 *
 * Save writes every change in one batch: the indicator's fields (or the new indicator), then
 * the milestones (retired, changed, added), so that one undo takes the whole save back. The
 * first change the store refuses rolls the batch back, and its message is shown under the
 * field it concerns; the editor stays open, and a rolled-back batch's new programme is
 * followed by the indicator's id. A field is changed when it differs from what the editor
 * showed (PathwayShownValues), and one someone else changed meanwhile (a programme on a server)
 * is refused naming them, what was typed kept; saving again writes it on purpose. After a
 * save the editor emits "saved", says so in a toast
 * on the main window with Undo, and closes. Cancel and Escape close it without writing;
 * Ctrl+Enter saves. On a read-only programme, or one on a server where only its managers
 * change indicators (a lead, a data officer, who add readings instead), the fields are
 * insensitive and a bar at the top says why. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-indicator-editor.h"
#include "pathway-figure.h"
#include "pathway-person-picker.h"
#include "pathway-remote.h"
#include "pathway-shown-values.h"
#include "pathway-style.h"
#include "pathway-window.h"

/* The choices of the drop-downs, in their order. */
static const PathwayUnit units[] = {
  PATHWAY_UNIT_PERCENT, PATHWAY_UNIT_WEEKS, PATHWAY_UNIT_DAYS, PATHWAY_UNIT_COUNT,
  PATHWAY_UNIT_NUMBER,
};
static const PathwayDirection directions[] = {
  PATHWAY_DIRECTION_HIGHER_IS_BETTER, PATHWAY_DIRECTION_LOWER_IS_BETTER,
};

typedef struct {
  PathwayMilestone *milestone; /* NULL: added in this editor */
  GtkWidget *row;
  GtkEntry *date_entry;
  GtkEntry *value_entry;
  GtkLabel *unit_label;
  GtkLabel *caption;
  /* As read from the form */
  GDate date;
  double value;
  gboolean blank; /* a new row left empty, which Save passes over */
} MilestoneEntry;

/* What Save would write. Figures never given are NAN; days never given are cleared. */
typedef struct {
  char *name;
  char *service;
  char *definition;
  PathwayUnit unit;
  PathwayDirection direction;
  double baseline;
  GDate baseline_date;
  double target;
  GDate target_date;
  char *target_source;
  char *comparator_label;
  double comparator;
  PathwayPerson *owner;
  char *source;
} Form;

struct _PathwayIndicatorEditor
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  /* Followed: a rolled-back batch replaces the programme, and its objects with it. */
  PathwayProgramme *programme;
  PathwayIndicator *indicator; /* NULL while a new one is written */
  gint64 indicator_id;
  GPtrArray *milestones;         /* MilestoneEntry, in the list's order */
  GPtrArray *removed_milestones; /* PathwayMilestone */
  GtkWidget *milestones_none;
  PathwayShownValues *shown; /* the indicator's fields as the editor showed them */
  /* The person has tried to save: what is wrong is said as they type. */
  gboolean tried;
  gboolean read_only; /* this person may not change the indicator (or add one) */
  GtkLabel *read_only_label;

  /* What is wrong with a field, under it */
  GtkLabel *name_caption;
  GtkLabel *service_caption;
  GtkLabel *definition_caption;
  GtkLabel *baseline_caption;
  GtkLabel *baseline_date_caption;
  GtkLabel *target_caption;
  GtkLabel *target_date_caption;
  GtkLabel *target_source_caption;
  GtkLabel *comparator_caption;
  GtkLabel *figures_caption;
  GtkLabel *milestones_caption;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwPreferencesGroup *indicator_group;
  PathwayEntryRow *name_row;
  PathwayEntryRow *service_row;
  AdwComboRow *unit_row;
  AdwComboRow *direction_row;
  GtkTextView *definition_view;
  PathwayEntryRow *baseline_row;
  GtkLabel *baseline_unit;
  PathwayEntryRow *baseline_date_row;
  PathwayEntryRow *target_row;
  GtkLabel *target_unit;
  PathwayEntryRow *target_date_row;
  PathwayEntryRow *target_source_row;
  PathwayEntryRow *comparator_label_row;
  PathwayEntryRow *comparator_row;
  GtkLabel *comparator_unit;
  PathwayPersonPicker *owner_picker;
  PathwayEntryRow *source_row;
  AdwPreferencesGroup *milestones_group;
};

G_DEFINE_FINAL_TYPE (PathwayIndicatorEditor, pathway_indicator_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
milestone_entry_free (gpointer data)
{
  MilestoneEntry *entry = data;

  g_clear_object (&entry->milestone);
  g_free (entry);
}

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->name, g_free);
  g_clear_pointer (&form->service, g_free);
  g_clear_pointer (&form->definition, g_free);
  g_clear_pointer (&form->target_source, g_free);
  g_clear_pointer (&form->comparator_label, g_free);
  g_clear_pointer (&form->source, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Form, form_clear)

static gint64
id_of (gpointer record)
{
  return record != NULL ? pathway_record_get_id (record) : 0;
}

/* A row of a group's list saying, dimmed, why the list is empty. A preferences row, so that
 * the group puts it in its list. */
static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE,
                                 "focusable", FALSE, NULL);
  GtkWidget *label = pathway_editor_plain_label (text, "dim-label");

  gtk_widget_add_css_class (label, "record-editor-placeholder");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Two days, either of which may be none (NULL or cleared). */
static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid == b_valid;
  return g_date_compare (a, b) == 0;
}

static PathwayUnit
chosen_unit (PathwayIndicatorEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  return selected < G_N_ELEMENTS (units) ? units[selected] : PATHWAY_UNIT_COUNT;
}

/* Reading the form -----------------------------------------------------------------------------
 * A field's caption is a row of its own under the field's row (pathway_editor_caption_row_after
 * in pathway-editor-fields.c); under a text view or inside a milestone's row, a label. */

/* A figure in the chosen unit; empty is "not recorded". */
static gboolean
read_figure (PathwayIndicatorEditor *self,
             GtkEditable            *field,
             GtkLabel               *caption,
             double                 *value)
{
  const char *problem = NULL;
  gboolean valid = pathway_figure_parse (chosen_unit (self), gtk_editable_get_text (field), TRUE,
                                         value, &problem);

  if (caption != NULL)
    pathway_editor_show_caption (caption, field, !valid && self->tried ? PATHWAY_CAPTION_ERROR
                                                        : PATHWAY_CAPTION_HIDDEN, problem);
  return valid;
}

/* A day as a person writes one; empty is "not recorded". The caption says what was read, so
 * that "3/4/26" cannot be taken for the wrong day. */
static gboolean
read_day (PathwayIndicatorEditor *self,
          GtkEditable            *field,
          GtkLabel               *caption,
          GDate                  *date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (field)));
  g_autofree char *meaning = NULL;
  g_autofree char *hint = NULL;

  g_date_clear (date, 1);
  if (*text == '\0')
    {
      if (caption != NULL)
        pathway_editor_show_caption (caption, field, PATHWAY_CAPTION_HIDDEN, NULL);
      return TRUE;
    }
  if (!pathway_editor_parse_day (text, date))
    {
      g_date_clear (date, 1);
      if (caption != NULL)
        pathway_editor_show_caption (caption, field, self->tried ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HINT,
                      _("Write one day, such as “31 March 2027”"));
      return FALSE;
    }
  meaning = pathway_format_date (date);
  /* Translators: how a date that was typed was read: "Means 31 March 2027". */
  hint = g_strdup_printf (_("Means %s"), meaning);
  if (caption != NULL)
    pathway_editor_show_caption (caption, field, g_str_equal (meaning, text) ? PATHWAY_CAPTION_HIDDEN
                                                             : PATHWAY_CAPTION_HINT, hint);
  return TRUE;
}

/* The name names the indicator wherever it is used: it must be there, and be no other's. */
static gboolean
read_name (PathwayIndicatorEditor *self,
           char                  **name_out)
{
  g_autofree char *name = pathway_editor_dup_entry_text (self->name_row);
  GListModel *indicators = pathway_programme_get_indicators (self->programme);
  g_autofree char *taken = NULL;

  if (*name == '\0')
    {
      pathway_editor_show_caption (self->name_caption, self->name_row,
                    self->tried ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN,
                    _("Write what the indicator measures, such as “EHC plans issued within 20 "
                      "weeks”"));
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators) && taken == NULL; i++)
    {
      g_autoptr(PathwayIndicator) other = g_list_model_get_item (indicators, i);

      if (id_of (other) != self->indicator_id &&
          g_utf8_collate (pathway_indicator_get_name (other), name) == 0)
        taken = g_strdup (_("Another indicator has that name: choose another."));
    }
  pathway_editor_show_caption (self->name_caption, self->name_row,
                taken != NULL ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN, taken);
  *name_out = g_steal_pointer (&name);
  return taken == NULL;
}

static gboolean
read_milestone (PathwayIndicatorEditor *self,
                MilestoneEntry         *entry)
{
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (entry->date_entry))));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (entry->value_entry));
  g_autofree char *value_trimmed = g_strstrip (g_strdup (value_text));
  const char *problem = NULL;
  gboolean date_ok, value_ok;

  entry->blank = entry->milestone == NULL && *date_text == '\0' && *value_trimmed == '\0';
  g_date_clear (&entry->date, 1);
  entry->value = NAN;
  if (entry->blank)
    {
      pathway_editor_show_caption (entry->caption, NULL, PATHWAY_CAPTION_HIDDEN, NULL);
      pathway_editor_mark_error (entry->date_entry, FALSE);
      pathway_editor_mark_error (entry->value_entry, FALSE);
      return TRUE;
    }

  date_ok = *date_text != '\0' && pathway_editor_parse_day (date_text, &entry->date);
  value_ok = pathway_figure_parse (chosen_unit (self), value_text, FALSE, &entry->value,
                                   &problem);
  if (!date_ok)
    {
      g_date_clear (&entry->date, 1);
      problem = _("Write the day it is planned for, such as “31 March 2027”");
    }
  pathway_editor_mark_error (entry->date_entry, !date_ok && self->tried);
  pathway_editor_mark_error (entry->value_entry, !value_ok && self->tried);
  if (problem != NULL)
    pathway_editor_show_caption (entry->caption, NULL, self->tried ? PATHWAY_CAPTION_ERROR
                                                    : PATHWAY_CAPTION_HIDDEN, problem);
  else
    {
      g_autofree char *meaning = pathway_format_date (&entry->date);
      /* Translators: under a milestone: the day it was read as. */
      g_autofree char *hint = g_strdup_printf (_("Means %s"), meaning);

      pathway_editor_show_caption (entry->caption, NULL,
                    g_str_equal (meaning, date_text) ? PATHWAY_CAPTION_HIDDEN
                                                     : PATHWAY_CAPTION_HINT, hint);
    }
  return date_ok && value_ok;
}

/* Reads every field, showing what is wrong under each; FALSE when something is. */
static gboolean
read_form (PathwayIndicatorEditor *self,
           Form                   *form)
{
  gboolean valid = TRUE;
  guint direction = adw_combo_row_get_selected (self->direction_row);

  valid &= read_name (self, &form->name);
  form->service = pathway_editor_dup_entry_text (self->service_row);
  form->definition = pathway_editor_dup_view_text (self->definition_view);
  form->unit = chosen_unit (self);
  form->direction = direction < G_N_ELEMENTS (directions) ? directions[direction]
                                                          : PATHWAY_DIRECTION_LOWER_IS_BETTER;
  valid &= read_figure (self, GTK_EDITABLE (self->baseline_row), self->baseline_caption,
                        &form->baseline);
  valid &= read_day (self, GTK_EDITABLE (self->baseline_date_row), self->baseline_date_caption,
                     &form->baseline_date);
  valid &= read_figure (self, GTK_EDITABLE (self->target_row), self->target_caption,
                        &form->target);
  valid &= read_day (self, GTK_EDITABLE (self->target_date_row), self->target_date_caption,
                     &form->target_date);
  form->target_source = pathway_editor_dup_entry_text (self->target_source_row);
  form->comparator_label = pathway_editor_dup_entry_text (self->comparator_label_row);
  valid &= read_figure (self, GTK_EDITABLE (self->comparator_row), self->comparator_caption,
                        &form->comparator);
  form->owner = pathway_person_picker_get_selected (self->owner_picker);
  form->source = pathway_editor_dup_entry_text (self->source_row);
  for (guint i = 0; i < self->milestones->len; i++)
    valid &= read_milestone (self, g_ptr_array_index (self->milestones, i));
  return valid;
}

static void
field_changed_cb (PathwayIndicatorEditor *self)
{
  g_auto(Form) form = { NULL, };

  if (self->programme != NULL)
    read_form (self, &form);
}

static void
show_units (PathwayIndicatorEditor *self)
{
  const char *word = pathway_figure_unit_word (chosen_unit (self));
  GtkLabel *labels[] = { self->baseline_unit, self->target_unit, self->comparator_unit };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_text (labels[i], word != NULL ? word : "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), word != NULL);
    }
  for (guint i = 0; i < self->milestones->len; i++)
    {
      MilestoneEntry *entry = g_ptr_array_index (self->milestones, i);

      gtk_label_set_text (entry->unit_label, word != NULL ? word : "");
      gtk_widget_set_visible (GTK_WIDGET (entry->unit_label), word != NULL);
    }
}

static void
unit_changed_cb (PathwayIndicatorEditor *self)
{
  show_units (self);
  field_changed_cb (self);
}

/* Milestones ---------------------------------------------------------------------------------- */

static void
update_milestones_none (PathwayIndicatorEditor *self)
{
  gtk_widget_set_visible (self->milestones_none, self->milestones->len == 0);
}

static void remove_milestone_cb (GtkButton *button, PathwayIndicatorEditor *self);

static MilestoneEntry *
milestone_entry_new (PathwayIndicatorEditor *self,
                     PathwayMilestone       *milestone)
{
  MilestoneEntry *entry = g_new0 (MilestoneEntry, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *unit = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  entry->milestone = milestone != NULL ? g_object_ref (milestone) : NULL;
  /* A preferences row, so that the group puts it in its list; not a stop of its own for Tab,
   * which goes straight to its fields. */
  entry->row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, "selectable", FALSE,
                             "focusable", FALSE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Milestone"), -1);
  gtk_widget_set_name (entry->row, "milestone-row");
  gtk_widget_add_css_class (entry->row, "milestone-row");

  gtk_widget_set_name (date_entry, "milestone-date-entry");
  gtk_widget_set_hexpand (date_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date_entry), _("Day, such as 31 March 2027"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day of the milestone"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (date_entry), TRUE);
  g_signal_connect_swapped (date_entry, "changed", G_CALLBACK (field_changed_cb), self);
  gtk_box_append (GTK_BOX (line), date_entry);

  gtk_widget_set_name (value_entry, "milestone-value-entry");
  gtk_editable_set_width_chars (GTK_EDITABLE (value_entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (value_entry), 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_entry_set_input_purpose (GTK_ENTRY (value_entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Value planned by that day"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (value_entry), TRUE);
  g_signal_connect_swapped (value_entry, "changed", G_CALLBACK (field_changed_cb), self);
  gtk_box_append (GTK_BOX (line), value_entry);

  gtk_widget_add_css_class (unit, "dim-label");
  gtk_widget_set_size_request (unit, 40, -1);
  gtk_label_set_xalign (GTK_LABEL (unit), 0.0);
  gtk_box_append (GTK_BOX (line), unit);

  gtk_widget_set_name (remove, "milestone-remove-button");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the milestone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the milestone"), -1);
  g_object_set_data (G_OBJECT (remove), "milestone-entry", entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_milestone_cb), self);
  gtk_box_append (GTK_BOX (line), remove);

  gtk_box_append (GTK_BOX (box), line);
  entry->caption = pathway_editor_caption_label_new ();
  gtk_widget_set_name (GTK_WIDGET (entry->caption), "milestone-caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry->caption));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), box);

  if (milestone != NULL)
    {
      g_autofree char *date = pathway_format_date (pathway_milestone_get_date (milestone));
      double value = pathway_milestone_get_planned_value (milestone);
      g_autofree char *number = isfinite (value) ? pathway_figure_format_number (value) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (date_entry), date != NULL ? date : "");
      gtk_editable_set_text (GTK_EDITABLE (value_entry), number != NULL ? number : "");
    }

  entry->date_entry = GTK_ENTRY (date_entry);
  entry->value_entry = GTK_ENTRY (value_entry);
  entry->unit_label = GTK_LABEL (unit);
  adw_preferences_group_add (self->milestones_group, entry->row);
  g_ptr_array_add (self->milestones, entry);
  update_milestones_none (self);
  return entry;
}

static void
remove_milestone_cb (GtkButton              *button,
                     PathwayIndicatorEditor *self)
{
  MilestoneEntry *entry = g_object_get_data (G_OBJECT (button), "milestone-entry");
  guint index;

  if (!g_ptr_array_find (self->milestones, entry, &index))
    return;
  if (entry->milestone != NULL)
    g_ptr_array_add (self->removed_milestones, g_object_ref (entry->milestone));
  adw_preferences_group_remove (self->milestones_group, entry->row);
  g_ptr_array_remove_index (self->milestones, index);
  update_milestones_none (self);
  /* The focus was on the button that went. */
  gtk_widget_grab_focus (self->save_button);
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwayIndicatorEditor *self = PATHWAY_INDICATOR_EDITOR (widget);
  MilestoneEntry *entry = milestone_entry_new (self, NULL);

  show_units (self);
  gtk_widget_grab_focus (GTK_WIDGET (entry->date_entry));
}

static void
fill_milestones (PathwayIndicatorEditor *self)
{
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GError) error = NULL;

  if (self->indicator != NULL)
    {
      milestones = pathway_document_list_milestones (self->document, self->indicator, &error);
      if (milestones == NULL)
        pathway_editor_show_caption (self->milestones_caption, NULL, PATHWAY_CAPTION_ERROR, error->message);
    }
  for (guint i = 0; milestones != NULL && i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PathwayMilestone) milestone = g_list_model_get_item (milestones, i);

      milestone_entry_new (self, milestone);
    }
  update_milestones_none (self);
}

/* What the editor showed of the indicator (PathwayShownValues): a field is changed when it
 * differs from that, so one the person left alone is not written over someone else's change. */
static const char *
shown_text (PathwayIndicatorEditor *self, const char *property)
{
  return pathway_shown_values_get_string (self->shown, property);
}

static int
shown_enum (PathwayIndicatorEditor *self, const char *property)
{
  return pathway_shown_values_get_enum (self->shown, property);
}

static double
shown_number (PathwayIndicatorEditor *self, const char *property)
{
  return pathway_shown_values_get_double (self->shown, property);
}

static const GDate *
shown_day (PathwayIndicatorEditor *self, const char *property)
{
  return pathway_shown_values_get_date (self->shown, property);
}

static gint64
shown_id (PathwayIndicatorEditor *self, const char *property)
{
  return pathway_shown_values_get_id (self->shown, property);
}

/* Saving -------------------------------------------------------------------------------------- */

/* The first refusal rolls the batch back and is shown under its field. */
static gboolean
refused (PathwayIndicatorEditor *self,
         GtkLabel               *caption,
         gpointer                field,
         GError                 *error)
{
  pathway_document_rollback_batch (self->document);
  pathway_editor_show_caption (caption, field, PATHWAY_CAPTION_ERROR, error->message);
  if (field != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (field));
  return FALSE;
}

static gboolean
set_field (PathwayIndicatorEditor *self,
           gpointer                record,
           const char             *property,
           const GValue           *value,
           GtkLabel               *caption,
           gpointer                field)
{
  g_autoptr(GError) error = NULL;

  /* Not over a value someone else gave the indicator since the editor showed it. */
  if ((record != self->indicator ||
       pathway_shown_values_check (self->shown, self->document, record, property, &error)) &&
      pathway_document_set_value (self->document, record, property, value, NULL, &error))
    return TRUE;
  return refused (self, caption, field, error);
}

static gboolean
set_string (PathwayIndicatorEditor *self,
            const char             *property,
            const char             *text,
            const char             *current,
            GtkLabel               *caption,
            gpointer                field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_strcmp0 (text, current) == 0)
    return TRUE;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return set_field (self, self->indicator, property, &value, caption, field);
}

static gboolean
set_number (PathwayIndicatorEditor *self,
            gpointer                record,
            const char             *property,
            double                  number,
            double                  current,
            GtkLabel               *caption,
            gpointer                field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (same_number (number, current))
    return TRUE;
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return set_field (self, record, property, &value, caption, field);
}

static gboolean
set_day (PathwayIndicatorEditor *self,
         gpointer                record,
         const char             *property,
         const GDate            *day,
         const GDate            *current,
         GtkLabel               *caption,
         gpointer                field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (same_day (day, current))
    return TRUE;
  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, g_date_valid (day) ? day : NULL);
  return set_field (self, record, property, &value, caption, field);
}

static gboolean
set_enum (PathwayIndicatorEditor *self,
          const char             *property,
          GType                   type,
          int                     chosen,
          int                     current,
          GtkLabel               *caption,
          gpointer                field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (chosen == current)
    return TRUE;
  g_value_init (&value, type);
  g_value_set_enum (&value, chosen);
  return set_field (self, self->indicator, property, &value, caption, field);
}

static gboolean
write_fields (PathwayIndicatorEditor *self,
              const Form             *form)
{
  PathwayIndicator *indicator = self->indicator;

  if (!set_string (self, "name", form->name, shown_text (self, "name"),
                   self->name_caption, self->name_row) ||
      !set_string (self, "service", form->service, shown_text (self, "service"),
                   self->service_caption, self->service_row) ||
      !set_string (self, "definition", form->definition,
                   shown_text (self, "definition"), self->definition_caption,
                   self->definition_view) ||
      !set_enum (self, "unit", PATHWAY_TYPE_UNIT, form->unit,
                 shown_enum (self, "unit"), self->definition_caption,
                 self->unit_row) ||
      !set_enum (self, "direction", PATHWAY_TYPE_DIRECTION, form->direction,
                 shown_enum (self, "direction"), self->definition_caption,
                 self->direction_row) ||
      !set_number (self, indicator, "baseline-value", form->baseline,
                   shown_number (self, "baseline-value"), self->baseline_caption,
                   self->baseline_row) ||
      !set_day (self, indicator, "baseline-date", &form->baseline_date,
                shown_day (self, "baseline-date"), self->baseline_date_caption,
                self->baseline_date_row) ||
      !set_number (self, indicator, "target-value", form->target,
                   shown_number (self, "target-value"), self->target_caption,
                   self->target_row) ||
      !set_day (self, indicator, "target-date", &form->target_date,
                shown_day (self, "target-date"), self->target_date_caption,
                self->target_date_row) ||
      !set_string (self, "target-source", form->target_source,
                   shown_text (self, "target-source"), self->target_source_caption,
                   self->target_source_row) ||
      !set_string (self, "comparator-label", form->comparator_label,
                   shown_text (self, "comparator-label"), self->comparator_caption,
                   self->comparator_label_row) ||
      !set_number (self, indicator, "comparator-value", form->comparator,
                   shown_number (self, "comparator-value"), self->comparator_caption,
                   self->comparator_row) ||
      !set_string (self, "source", form->source, shown_text (self, "source"),
                   self->figures_caption, self->source_row))
    return FALSE;
  if (id_of (form->owner) != shown_id (self, "owner"))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_PERSON);
      g_value_set_object (&value, form->owner);
      if (!set_field (self, indicator, "owner", &value, self->figures_caption,
                      self->owner_picker))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_milestones (PathwayIndicatorEditor *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->removed_milestones->len; i++)
    {
      PathwayMilestone *milestone = g_ptr_array_index (self->removed_milestones, i);

      if (!pathway_document_retire (self->document, milestone, NULL, &error))
        return refused (self, self->milestones_caption, NULL, error);
    }
  for (guint i = 0; i < self->milestones->len; i++)
    {
      MilestoneEntry *entry = g_ptr_array_index (self->milestones, i);

      if (entry->blank)
        continue;
      if (entry->milestone == NULL)
        {
          g_autoptr(PathwayMilestone) draft = pathway_milestone_new ();

          pathway_milestone_set_date (draft, &entry->date);
          pathway_milestone_set_planned_value (draft, entry->value);
          if (!pathway_document_add_milestone (self->document, self->indicator, draft, &error))
            return refused (self, entry->caption, entry->date_entry, error);
        }
      else if (!set_day (self, entry->milestone, "date", &entry->date,
                         pathway_milestone_get_date (entry->milestone), entry->caption,
                         entry->date_entry) ||
               !set_number (self, entry->milestone, "planned-value", entry->value,
                            pathway_milestone_get_planned_value (entry->milestone),
                            entry->caption, entry->value_entry))
        return FALSE;
    }
  return TRUE;
}

/* After every indicator there is: the list's order is the position's. */
static int
next_position (PathwayIndicatorEditor *self)
{
  GListModel *indicators = pathway_programme_get_indicators (self->programme);
  int position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);

      position = MAX (position, pathway_indicator_get_position (indicator));
    }
  return position + 1;
}

static gboolean
add_indicator (PathwayIndicatorEditor *self,
               const Form             *form)
{
  g_autoptr(PathwayIndicator) draft = pathway_indicator_new ();
  g_autoptr(GError) error = NULL;

  pathway_indicator_set_name (draft, form->name);
  pathway_indicator_set_service (draft, form->service);
  pathway_indicator_set_definition (draft, form->definition);
  pathway_indicator_set_unit (draft, form->unit);
  pathway_indicator_set_direction (draft, form->direction);
  pathway_indicator_set_baseline_value (draft, form->baseline);
  pathway_indicator_set_baseline_date (draft, g_date_valid (&form->baseline_date)
                                                ? &form->baseline_date : NULL);
  pathway_indicator_set_target_value (draft, form->target);
  pathway_indicator_set_target_date (draft, g_date_valid (&form->target_date)
                                              ? &form->target_date : NULL);
  pathway_indicator_set_target_source (draft, form->target_source);
  pathway_indicator_set_comparator_label (draft, form->comparator_label);
  pathway_indicator_set_comparator_value (draft, form->comparator);
  pathway_indicator_set_owner (draft, form->owner);
  pathway_indicator_set_source (draft, form->source);
  pathway_indicator_set_position (draft, next_position (self));
  if (!pathway_document_add (self->document, NULL, draft, &error))
    /* An indicator is known by its name: a refusal is most often about it. */
    return refused (self, self->name_caption, self->name_row, error);
  /* The programme holds it now; the milestones are written to it. */
  g_set_object (&self->indicator, draft);
  return TRUE;
}

static gboolean
has_changes (PathwayIndicatorEditor *self,
             const Form             *form)
{
  PathwayIndicator *indicator = self->indicator;

  if (indicator == NULL || self->removed_milestones->len > 0)
    return TRUE;
  if (g_strcmp0 (form->name, shown_text (self, "name")) != 0 ||
      g_strcmp0 (form->service, shown_text (self, "service")) != 0 ||
      g_strcmp0 (form->definition, shown_text (self, "definition")) != 0 ||
      (int) form->unit != shown_enum (self, "unit") ||
      (int) form->direction != shown_enum (self, "direction") ||
      !same_number (form->baseline, shown_number (self, "baseline-value")) ||
      !same_day (&form->baseline_date, shown_day (self, "baseline-date")) ||
      !same_number (form->target, shown_number (self, "target-value")) ||
      !same_day (&form->target_date, shown_day (self, "target-date")) ||
      g_strcmp0 (form->target_source, shown_text (self, "target-source")) != 0 ||
      g_strcmp0 (form->comparator_label,
                 shown_text (self, "comparator-label")) != 0 ||
      !same_number (form->comparator, shown_number (self, "comparator-value")) ||
      id_of (form->owner) != shown_id (self, "owner") ||
      g_strcmp0 (form->source, shown_text (self, "source")) != 0)
    return TRUE;
  for (guint i = 0; i < self->milestones->len; i++)
    {
      MilestoneEntry *entry = g_ptr_array_index (self->milestones, i);

      if (entry->blank)
        continue;
      if (entry->milestone == NULL ||
          !same_day (&entry->date, pathway_milestone_get_date (entry->milestone)) ||
          !same_number (entry->value, pathway_milestone_get_planned_value (entry->milestone)))
        return TRUE;
    }
  return FALSE;
}

/* A toast is markup: the name is the person's text. */
static void
announce (PathwayIndicatorEditor *self,
          const char             *title,
          const char             *undo_label)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (pathway_document_get_can_undo (self->document) &&
      g_strcmp0 (pathway_document_get_undo_label (self->document), undo_label) == 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), toast);
}

/* The first field that is wrong takes the focus. */
static void
focus_first_error (PathwayIndicatorEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->baseline_row),
    GTK_WIDGET (self->baseline_date_row), GTK_WIDGET (self->target_row),
    GTK_WIDGET (self->target_date_row), GTK_WIDGET (self->comparator_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (gtk_widget_has_css_class (fields[i], "error"))
      {
        gtk_widget_grab_focus (fields[i]);
        return;
      }
  for (guint i = 0; i < self->milestones->len; i++)
    {
      MilestoneEntry *entry = g_ptr_array_index (self->milestones, i);

      if (gtk_widget_has_css_class (GTK_WIDGET (entry->date_entry), "error"))
        {
          gtk_widget_grab_focus (GTK_WIDGET (entry->date_entry));
          return;
        }
      if (gtk_widget_has_css_class (GTK_WIDGET (entry->value_entry), "error"))
        {
          gtk_widget_grab_focus (GTK_WIDGET (entry->value_entry));
          return;
        }
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayIndicatorEditor *self = PATHWAY_INDICATOR_EDITOR (widget);
  g_auto(Form) form = { NULL, };
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gboolean adding = self->indicator_id == 0;

  if (self->read_only || self->programme == NULL)
    return;
  self->tried = TRUE;
  if (!read_form (self, &form))
    {
      focus_first_error (self);
      return;
    }
  if (!has_changes (self, &form))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Translators: the name of an undo step: "Add indicator Autism assessment waiting time". */
  label = g_strdup_printf (adding ? _("Add indicator %s") : _("Change indicator %s"), form.name);
  if (!pathway_document_begin_batch (self->document, label, &error))
    {
      pathway_editor_show_caption (self->name_caption, NULL, PATHWAY_CAPTION_ERROR, error->message);
      return;
    }
  if (!(adding ? add_indicator (self, &form) : write_fields (self, &form)) ||
      !write_milestones (self))
    return;
  if (!pathway_document_commit_batch (self->document, &error))
    {
      pathway_editor_show_caption (self->name_caption, NULL, PATHWAY_CAPTION_ERROR, error->message);
      return;
    }

  /* Translators: after a save: "Added indicator Autism assessment waiting time". */
  title = g_strdup_printf (adding ? _("Added indicator %s") : _("Saved indicator %s"), form.name);
  announce (self, title, label);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->indicator);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Filling in ---------------------------------------------------------------------------------- */

static void
set_figure_text (PathwayIndicatorEditor *self,
                 PathwayEntryRow        *row,
                 double                  value)
{
  g_autofree char *text = isfinite (value) ? pathway_figure_format_number (value) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_day_text (PathwayEntryRow *row,
              const GDate     *date)
{
  g_autofree char *text = pathway_format_date (date);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_fields (PathwayIndicatorEditor *self)
{
  PathwayIndicator *indicator = self->indicator;
  PathwayUnit unit = PATHWAY_UNIT_PERCENT;
  PathwayDirection direction = PATHWAY_DIRECTION_HIGHER_IS_BETTER;

  pathway_shown_values_clear (self->shown);
  if (indicator != NULL)
    {
      static const char *const shown[] = {
        "name", "service", "definition", "unit", "direction", "baseline-value",
        "baseline-date", "target-value", "target-date", "target-source", "comparator-label",
        "comparator-value", "owner", "source",
      };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        pathway_shown_values_remember (self->shown, indicator, shown[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), pathway_indicator_get_name (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->service_row),
                             pathway_indicator_get_service (indicator));
      pathway_editor_set_view_text (self->definition_view,
                                    pathway_indicator_get_definition (indicator));
      unit = pathway_indicator_get_unit (indicator);
      direction = pathway_indicator_get_direction (indicator);
      set_figure_text (self, self->baseline_row, pathway_indicator_get_baseline_value (indicator));
      set_day_text (self->baseline_date_row, pathway_indicator_get_baseline_date (indicator));
      set_figure_text (self, self->target_row, pathway_indicator_get_target_value (indicator));
      set_day_text (self->target_date_row, pathway_indicator_get_target_date (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->target_source_row),
                             pathway_indicator_get_target_source (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->comparator_label_row),
                             pathway_indicator_get_comparator_label (indicator));
      set_figure_text (self, self->comparator_row,
                       pathway_indicator_get_comparator_value (indicator));
      pathway_person_picker_set_selected (self->owner_picker,
                                          pathway_indicator_get_owner (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                             pathway_indicator_get_source (indicator));
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i] == unit)
      adw_combo_row_set_selected (self->unit_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    if (directions[i] == direction)
      adw_combo_row_set_selected (self->direction_row, i);
}

static void
show_titles (PathwayIndicatorEditor *self)
{
  const char *title = self->indicator_id == 0 ? _("New Indicator") : _("Edit Indicator");

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (self->indicator != NULL)
    adw_window_title_set_subtitle (self->window_title,
                                   pathway_indicator_get_name (self->indicator));
}

/* A rolled-back batch replaces the programme: the indicator and the owner are found again by
 * id. Milestones are rows of the file, which the rollback left as they were. */
static void
programme_changed_cb (PathwayIndicatorEditor *self)
{
  PathwayIndicator *found;
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  gint64 owner = id_of (pathway_person_picker_get_selected (self->owner_picker));

  if (programme == self->programme)
    return;
  g_set_object (&self->programme, programme);
  if (programme == NULL)
    return;
  found = self->indicator_id != 0
            ? pathway_programme_find_indicator (programme, self->indicator_id)
            : NULL;
  g_set_object (&self->indicator, found);
  if (self->indicator_id != 0 && self->indicator == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  pathway_person_picker_set_people (self->owner_picker, pathway_programme_get_people (programme));
  pathway_person_picker_set_selected (self->owner_picker,
                                      owner != 0 ? pathway_programme_find_person (programme, owner)
                                                 : NULL);
}

/* Read-only, saying why: the document's reason, or the server's rule for indicators. */
static void
show_read_only (PathwayIndicatorEditor *self)
{
  g_autoptr(PathwayIndicator) draft = self->indicator == NULL ? pathway_indicator_new () : NULL;
  g_autofree char *refusal = pathway_document_dup_refusal (self->document,
                                                           self->indicator != NULL
                                                             ? self->indicator
                                                             : draft);

  self->read_only = refusal != NULL;
  pathway_editor_show_read_only (self->read_only_label, refusal);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->indicator_group)),
                            !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-milestone", !self->read_only);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
pathway_indicator_editor_dispose (GObject *object)
{
  PathwayIndicatorEditor *self = PATHWAY_INDICATOR_EDITOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->programme);
  g_clear_object (&self->indicator);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_INDICATOR_EDITOR);
  G_OBJECT_CLASS (pathway_indicator_editor_parent_class)->dispose (object);
}

static void
pathway_indicator_editor_finalize (GObject *object)
{
  PathwayIndicatorEditor *self = PATHWAY_INDICATOR_EDITOR (object);

  g_ptr_array_unref (self->milestones);
  g_ptr_array_unref (self->removed_milestones);
  G_OBJECT_CLASS (pathway_indicator_editor_parent_class)->finalize (object);
}

static void
pathway_indicator_editor_class_init (PathwayIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_indicator_editor_dispose;
  object_class->finalize = pathway_indicator_editor_finalize;

  /* Emitted once the save is written, with the indicator saved (a new one, once added). */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        PATHWAY_TYPE_INDICATOR);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-milestone", NULL,
                                   add_milestone_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  g_type_ensure (PATHWAY_TYPE_PERSON_PICKER);
  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-indicator-editor.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (indicator_group);
  BIND (name_row);
  BIND (service_row);
  BIND (unit_row);
  BIND (direction_row);
  BIND (definition_view);
  BIND (baseline_row);
  BIND (baseline_unit);
  BIND (baseline_date_row);
  BIND (target_row);
  BIND (target_unit);
  BIND (target_date_row);
  BIND (target_source_row);
  BIND (comparator_label_row);
  BIND (comparator_row);
  BIND (comparator_unit);
  BIND (owner_picker);
  BIND (source_row);
  BIND (milestones_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
}

static GtkLabel *
caption_in_group (AdwPreferencesGroup *group,
                  const char          *name)
{
  GtkLabel *label = pathway_editor_caption_label_new ();

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_widget_add_css_class (GTK_WIDGET (label), "record-editor-caption");
  adw_preferences_group_add (group, GTK_WIDGET (label));
  return label;
}

static void
pathway_indicator_editor_init (PathwayIndicatorEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->shown = pathway_shown_values_new ();
  self->milestones = g_ptr_array_new_with_free_func (milestone_entry_free);
  self->removed_milestones = g_ptr_array_new_with_free_func (g_object_unref);

  self->name_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->name_row), "indicator-name-caption");
  self->service_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->service_row),
                                             "indicator-service-caption");
  self->baseline_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->baseline_row),
                                              "indicator-baseline-caption");
  self->baseline_date_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->baseline_date_row),
                                                   "indicator-baseline-date-caption");
  self->target_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->target_row),
                                            "indicator-target-caption");
  self->target_date_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->target_date_row),
                                                 "indicator-target-date-caption");
  self->target_source_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->target_source_row),
                                                   "indicator-target-source-caption");
  self->comparator_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->comparator_row),
                                                "indicator-comparator-caption");
  self->figures_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->source_row),
                                             "indicator-figures-caption");
  /* Under the text view and under the milestones' list: labels in the group's box. */
  self->definition_caption = caption_in_group (self->indicator_group,
                                               "indicator-definition-caption");
  pathway_editor_describe_with (self->definition_view, self->definition_caption);
  self->milestones_caption = caption_in_group (self->milestones_group,
                                               "indicator-milestones-caption");

  self->milestones_none = placeholder_row_new (_("No milestones yet."));
  adw_preferences_group_add (self->milestones_group, self->milestones_none);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  pathway_editor_add_save_shortcut (GTK_WIDGET (self), "editor.save");
  self->read_only_label = pathway_editor_add_read_only_bar (ADW_WINDOW (self));
}

PathwayIndicatorEditor *
pathway_indicator_editor_new (GtkWindow        *parent,
                              PathwayDocument  *document,
                              PathwayIndicator *indicator)
{
  PathwayIndicatorEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (indicator == NULL || PATHWAY_IS_INDICATOR (indicator), NULL);

  self = g_object_new (PATHWAY_TYPE_INDICATOR_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->programme = g_object_ref (pathway_document_get_programme (document));
  self->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;
  self->indicator_id = id_of (indicator);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);

  pathway_person_picker_set_people (self->owner_picker,
                                    pathway_programme_get_people (self->programme));
  pathway_person_picker_set_document (self->owner_picker, document);
  fill_fields (self);
  fill_milestones (self);
  show_units (self);
  show_titles (self);
  field_changed_cb (self);
  show_read_only (self);
  /* A server's connection lost or back while the editor is open. */
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (show_read_only), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
