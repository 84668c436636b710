/* pathway-risk-dialog.c: adds or edits one entry of the risk and issue log (see the header).
 *
 * The rows are the template's; a table below names each with its field as the command line
 * names it, so that every value is read and written as text: a drop-down keeps beside its
 * items the text each stands for (an enumeration's word, a level's number, a record's UUID),
 * a person picker gives its person's UUID and the review day is written YYYY-MM-DD. Each field
 * keeps the text it started with, so an edit writes only what changed, all in one
 * pathway_document_set_fields call (one undo step).
 *
 * The store's messages name the field first ("likelihood: 7 is not a level…"): such a
 * message goes under its field, named by its label, and any other into the bar at the top.
 * The entry edited is kept by id and found again when saved: a rolled-back batch replaces the
 * programme and its objects. On a read-only programme, or one on a server whose rules do not
 * let this person change the entry (a lead of another workstream), the fields are shown but
 * insensitive, with the reason in a bar at the top. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-history-dialog.h"
#include "pathway-person-picker.h"
#include "pathway-remote.h"
#include "pathway-risk-dialog.h"
#include "pathway-shown-values.h"
#include "pathway-risk-score.h"
#include "pathway-style.h"

typedef enum {
  ROW_ENTRY,
  ROW_TEXT,   /* paragraphs, in a text view */
  ROW_CHOICE, /* a combo row over values kept beside it */
  ROW_PERSON,
  ROW_DAY,
} RowKind;

typedef enum {
  FIELD_REFERENCE,
  FIELD_KIND,
  FIELD_TITLE,
  FIELD_RAISED_FROM,
  FIELD_OWNER,
  FIELD_WORKSTREAM,
  FIELD_DESCRIPTION,
  FIELD_LIKELIHOOD,
  FIELD_IMPACT,
  FIELD_PROXIMITY,
  FIELD_RESPONSE,
  FIELD_RESPONSE_OWNER,
  FIELD_ACTIONS,
  FIELD_RESIDUAL_LIKELIHOOD,
  FIELD_RESIDUAL_IMPACT,
  FIELD_REVIEW_DATE,
  FIELD_STATUS,
  N_FIELDS
} FieldId;

typedef struct {
  const char *field; /* as the command line names it */
  const char *label; /* in a refusal under the field, marked with N_() */
  RowKind kind;
} FieldSpec;

static const FieldSpec field_specs[N_FIELDS] = {
  [FIELD_REFERENCE] = { "reference", N_("Reference"), ROW_ENTRY },
  [FIELD_KIND] = { "kind", N_("Kind"), ROW_CHOICE },
  [FIELD_TITLE] = { "title", N_("Title"), ROW_ENTRY },
  [FIELD_RAISED_FROM] = { "raised-from", N_("Raised from"), ROW_CHOICE },
  [FIELD_OWNER] = { "owner", N_("Owner"), ROW_PERSON },
  [FIELD_WORKSTREAM] = { "workstream", N_("Workstream"), ROW_CHOICE },
  [FIELD_DESCRIPTION] = { "description", N_("Description"), ROW_TEXT },
  [FIELD_LIKELIHOOD] = { "likelihood", N_("Likelihood"), ROW_CHOICE },
  [FIELD_IMPACT] = { "impact", N_("Impact"), ROW_CHOICE },
  [FIELD_PROXIMITY] = { "proximity", N_("Proximity"), ROW_ENTRY },
  [FIELD_RESPONSE] = { "response", N_("Response"), ROW_TEXT },
  [FIELD_RESPONSE_OWNER] = { "response-owner", N_("Response owner"), ROW_PERSON },
  [FIELD_ACTIONS] = { "actions", N_("Linked actions"), ROW_ENTRY },
  [FIELD_RESIDUAL_LIKELIHOOD] = { "residual-likelihood", N_("Residual likelihood"),
                                  ROW_CHOICE },
  [FIELD_RESIDUAL_IMPACT] = { "residual-impact", N_("Residual impact"), ROW_CHOICE },
  [FIELD_REVIEW_DATE] = { "review-date", N_("Next review"), ROW_DAY },
  [FIELD_STATUS] = { "status", N_("Status"), ROW_CHOICE },
};

typedef struct {
  GtkWidget *row;     /* PathwayEntryRow, AdwComboRow, PathwayPersonPicker or GtkTextView */
  GtkLabel *caption;  /* why the store refused the value, under the field */
  GPtrArray *values;  /* CHOICE: the text each item stands for (char *) */
  char *initial;      /* the text the field started with */
} Field;

/* The order of the statuses in their drop-down: the live ones first. */
static const PathwayRiskStatus statuses[] = {
  PATHWAY_RISK_STATUS_OPEN, PATHWAY_RISK_STATUS_ESCALATED, PATHWAY_RISK_STATUS_CLOSED,
};

struct _PathwayRiskDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  gint64 risk_id;          /* the entry edited (or added, once saved); 0 before */
  Field fields[N_FIELDS];
  gboolean ready;          /* the required fields are filled in, and the file can be written */
  gboolean read_only;      /* this person may not change the entry (or the programme) */
  GtkLabel *read_only_label;
  /* The reference offered for a new entry, while the person has not typed another. */
  char *suggested_reference;
  gboolean filling;        /* set while the dialog puts values in its rows */
  guint fit_source;
  /* The entry's values when the dialog showed them: a field someone else changed since is not
   * written over unseen (a programme on a server). */
  PathwayShownValues *shown;

  GtkWidget *score_chip;
  GtkWidget *residual_chip;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkWidget *fields_box;
  PathwayEntryRow *reference_row;
  AdwComboRow *kind_row;
  PathwayEntryRow *title_row;
  AdwComboRow *raised_from_row;
  PathwayPersonPicker *owner_picker;
  AdwComboRow *workstream_row;
  GtkTextView *description_view;
  AdwComboRow *likelihood_row;
  AdwComboRow *impact_row;
  AdwActionRow *score_row;
  PathwayEntryRow *proximity_row;
  GtkTextView *response_view;
  PathwayPersonPicker *response_owner_picker;
  PathwayEntryRow *actions_row;
  GtkMenuButton *add_link_button;
  GtkPopover *link_popover;
  GtkSearchEntry *link_search;
  GtkListBox *link_list;
  GtkListBox *linked_list;
  AdwComboRow *residual_likelihood_row;
  AdwComboRow *residual_impact_row;
  AdwActionRow *residual_score_row;
  PathwayEntryRow *review_row;
  AdwComboRow *status_row;
  GtkWidget *record_buttons;
  GtkWidget *raise_button;
};

G_DEFINE_FINAL_TYPE (PathwayRiskDialog, pathway_risk_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_RAISE_ISSUE,
  SIGNAL_RETIRE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields for the history dialog --------------------------------------------------------- */

static const char *
risk_kind_word (int value)
{
  return pathway_risk_kind_label ((PathwayRiskKind) value);
}

static const char *
risk_status_word (int value)
{
  return pathway_risk_status_label ((PathwayRiskStatus) value);
}

static const PathwayRecordField history_fields[] = {
  { "reference", N_("Reference"), PATHWAY_RECORD_ROW_TEXT, .required = TRUE },
  { "kind", N_("Kind"), PATHWAY_RECORD_ROW_CHOICE, .choices = pathway_risk_kind_get_type,
    .choice_label = risk_kind_word },
  { "title", N_("Title"), PATHWAY_RECORD_ROW_TEXT, .required = TRUE },
  { "description", N_("Description"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "owner", N_("Owner"), PATHWAY_RECORD_ROW_PERSON },
  { "workstream", N_("Workstream"), PATHWAY_RECORD_ROW_TEXT },
  { "actions", N_("Linked actions"), PATHWAY_RECORD_ROW_TEXT },
  { "likelihood", N_("Likelihood"), PATHWAY_RECORD_ROW_TEXT },
  { "impact", N_("Impact"), PATHWAY_RECORD_ROW_TEXT },
  { "residual-likelihood", N_("Residual likelihood"), PATHWAY_RECORD_ROW_TEXT },
  { "residual-impact", N_("Residual impact"), PATHWAY_RECORD_ROW_TEXT },
  { "proximity", N_("Proximity"), PATHWAY_RECORD_ROW_TEXT },
  { "review-date", N_("Next review"), PATHWAY_RECORD_ROW_DAY },
  { "response", N_("Response"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "response-owner", N_("Response owner"), PATHWAY_RECORD_ROW_PERSON },
  { "status", N_("Status"), PATHWAY_RECORD_ROW_CHOICE, .choices = pathway_risk_status_get_type,
    .choice_label = risk_status_word },
  { "raised-from", N_("Raised from"), PATHWAY_RECORD_ROW_TEXT },
  { NULL }
};

const PathwayRecordField *
pathway_risk_dialog_get_fields (void)
{
  return history_fields;
}

/* Finding things ----------------------------------------------------------------------------- */

static PathwayProgramme *
programme_of (PathwayRiskDialog *self)
{
  return pathway_document_get_programme (self->document);
}

static PathwayRisk *
find_risk (PathwayRiskDialog *self)
{
  PathwayProgramme *programme = programme_of (self);

  if (self->risk_id == 0 || programme == NULL)
    return NULL;
  return pathway_programme_find_risk (programme, self->risk_id);
}

static FieldId
field_of_row (PathwayRiskDialog *self,
              gpointer           row)
{
  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      if (self->fields[id].row == row)
        return id;
    }
  return N_FIELDS;
}

/* Values ------------------------------------------------------------------------------------- */

/* The field's value as the store reads it. */
static char *
dup_value (PathwayRiskDialog *self,
           FieldId            id)
{
  Field *field = &self->fields[id];

  switch (field_specs[id].kind)
    {
    case ROW_TEXT:
      {
        g_autofree char *text = pathway_editor_dup_view_text (GTK_TEXT_VIEW (field->row));

        return g_strdup (g_strstrip (text));
      }
    case ROW_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        if (field->values == NULL || selected >= field->values->len)
          return g_strdup ("");
        return g_strdup (g_ptr_array_index (field->values, selected));
      }
    case ROW_PERSON:
      {
        PathwayPerson *person =
          pathway_person_picker_get_selected (PATHWAY_PERSON_PICKER (field->row));

        /* By UUID: two people may share a name. */
        return g_strdup (person != NULL ? pathway_record_get_uuid (person) : "");
      }
    case ROW_DAY:
      {
        GDate day;

        if (pathway_day_field_read (PATHWAY_ENTRY_ROW (field->row), &day) == PATHWAY_DAY_VALID)
          return pathway_date_format_iso (&day);
        return pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
      }
    case ROW_ENTRY:
    default:
      return pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
    }
}

static void
select_value (PathwayRiskDialog *self,
              FieldId            id,
              const char        *value)
{
  Field *field = &self->fields[id];
  guint position = 0;

  for (guint i = 0; field->values != NULL && i < field->values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (field->values, i), value) == 0)
        position = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), position);
}

static int
chosen_level (PathwayRiskDialog *self,
              FieldId            id)
{
  g_autofree char *value = dup_value (self, id);

  return atoi (value);
}

static PathwayRiskKind
chosen_kind (PathwayRiskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < PATHWAY_N_RISK_KINDS ? (PathwayRiskKind) selected : PATHWAY_RISK_KIND_RISK;
}

/* A choice's items: 'labels' shown, 'values' (taken) stood for, at the same positions. */
static void
set_choices (PathwayRiskDialog *self,
             FieldId            id,
             GPtrArray         *labels,
             GPtrArray         *values)
{
  Field *field = &self->fields[id];
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  g_clear_pointer (&field->values, g_ptr_array_unref);
  field->values = values;
  adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (list));
  pathway_editor_set_choice_items (ADW_COMBO_ROW (field->row), PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
}

static char *
code_and_title (const char *code,
                const char *title)
{
  if (*code == '\0')
    return g_strdup (title);
  if (*title == '\0')
    return g_strdup (code);
  /* TRANSLATORS: a workstream's or risk's code and title in a drop-down, "B – EHC plans" */
  return g_strdup_printf (_("%s – %s"), code, title);
}

static void
fill_level_choices (PathwayRiskDialog *self,
                    FieldId            id,
                    gboolean           likelihood)
{
  PathwayProgramme *programme = programme_of (self);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (_("Not assessed")));
  g_ptr_array_add (values, g_strdup ("0"));
  for (int level = 1; level <= 5; level++)
    {
      const char *word = likelihood ? pathway_programme_get_likelihood_word (programme, level)
                                    : pathway_programme_get_impact_word (programme, level);

      /* TRANSLATORS: a level of likelihood or impact and the area's word for it, "4 – Likely" */
      g_ptr_array_add (labels, g_strdup_printf (_("%d – %s"), level, word));
      g_ptr_array_add (values, g_strdup_printf ("%d", level));
    }
  set_choices (self, id, labels, values);
  g_ptr_array_unref (labels);
}

static void
fill_choices (PathwayRiskDialog *self)
{
  PathwayProgramme *programme = programme_of (self);
  GListModel *workstreams = pathway_programme_get_workstreams (programme);
  GListModel *risks = pathway_programme_get_risks (programme);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (PATHWAY_TYPE_RISK_KIND);
  g_autoptr(GEnumClass) status_class = g_type_class_ref (PATHWAY_TYPE_RISK_STATUS);
  GPtrArray *labels;
  GPtrArray *values;

  /* In the enumeration's order: chosen_kind reads the position as the kind. */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < PATHWAY_N_RISK_KINDS; i++)
    {
      GEnumValue *value = g_enum_get_value (kinds, (int) i);

      g_ptr_array_add (labels, g_strdup (pathway_risk_kind_label ((PathwayRiskKind) i)));
      g_ptr_array_add (values, g_strdup (value->value_nick));
    }
  set_choices (self, FIELD_KIND, labels, values);
  g_ptr_array_unref (labels);

  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GEnumValue *value = g_enum_get_value (status_class, statuses[i]);

      g_ptr_array_add (labels, g_strdup (pathway_risk_status_label (statuses[i])));
      g_ptr_array_add (values, g_strdup (value->value_nick));
    }
  set_choices (self, FIELD_STATUS, labels, values);
  g_ptr_array_unref (labels);

  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (labels, g_strdup (_("None")));
  g_ptr_array_add (values, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);

      g_ptr_array_add (labels, code_and_title (pathway_workstream_get_code (workstream),
                                               pathway_workstream_get_title (workstream)));
      g_ptr_array_add (values, g_strdup (pathway_record_get_uuid (workstream)));
    }
  set_choices (self, FIELD_WORKSTREAM, labels, values);
  g_ptr_array_unref (labels);

  /* An issue comes from a risk: the log's risks, but never the entry itself. */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (labels, g_strdup (_("None")));
  g_ptr_array_add (values, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, i);

      if (pathway_risk_get_id (risk) == self->risk_id ||
          pathway_risk_get_kind (risk) != PATHWAY_RISK_KIND_RISK)
        continue;
      g_ptr_array_add (labels, code_and_title (pathway_risk_get_reference (risk),
                                               pathway_risk_get_title (risk)));
      g_ptr_array_add (values, g_strdup (pathway_record_get_uuid (risk)));
    }
  set_choices (self, FIELD_RAISED_FROM, labels, values);
  g_ptr_array_unref (labels);

  fill_level_choices (self, FIELD_LIKELIHOOD, TRUE);
  fill_level_choices (self, FIELD_IMPACT, FALSE);
  fill_level_choices (self, FIELD_RESIDUAL_LIKELIHOOD, TRUE);
  fill_level_choices (self, FIELD_RESIDUAL_IMPACT, FALSE);
}

/* The risk a choice names may be one no longer offered (an issue raised from a risk since
 * retired, or turned into an issue itself): it is added to the choices, so it is kept. */
static void
offer_raised_from (PathwayRiskDialog *self,
                   PathwayRisk       *risk)
{
  Field *field = &self->fields[FIELD_RAISED_FROM];
  GListModel *model = adw_combo_row_get_model (self->raised_from_row);
  g_autofree char *label = NULL;

  for (guint i = 0; i < field->values->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (field->values, i), pathway_record_get_uuid (risk)))
        return;
    }
  label = code_and_title (pathway_risk_get_reference (risk), pathway_risk_get_title (risk));
  g_ptr_array_add (field->values, g_strdup (pathway_record_get_uuid (risk)));
  gtk_string_list_append (GTK_STRING_LIST (model), label);
}

/* A reference's letters and number ("R", 7 for "R07"); FALSE for one not written so. */
static gboolean
split_reference (const char *reference,
                 char       *letters,
                 gsize       size,
                 guint64    *number,
                 int        *digits)
{
  gsize length = 0;

  while (g_ascii_isalpha (reference[length]))
    length++;
  if (length == 0 || length >= size || reference[length] == '\0' ||
      !g_ascii_string_to_unsigned (reference + length, 10, 0, 999999, number, NULL))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    letters[i] = g_ascii_toupper (reference[i]);
  letters[length] = '\0';
  *digits = (int) strlen (reference + length);
  return TRUE;
}

/* The next free reference for a kind, in the log's own numbering: the letters its entries of
 * that kind use most ("R" for a log that numbers every kind as R01, R02…), else those the log
 * uses for every kind it holds, else the kind's initial; then one more than the highest number
 * with those letters (retired entries counted, so a number is never given twice), written with
 * as many digits as the others, two at least. */
static char *
next_reference (PathwayRiskDialog *self,
                PathwayRiskKind    kind)
{
  static const char *const initials[PATHWAY_N_RISK_KINDS] = { "R", "A", "I", "D" };
  g_autoptr(GListModel) all = pathway_document_list_records (self->document,
                                                             pathway_kind_lookup ("risk"),
                                                             TRUE, NULL);
  g_autoptr(GHashTable) of_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) every = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = all != NULL ? g_list_model_get_n_items (all) : 0;
  gboolean kinds_seen[PATHWAY_N_RISK_KINDS] = { FALSE, };
  guint n_kinds = 0;
  const char *prefix = initials[kind];
  guint most = 0;
  guint64 highest = 0;
  int digits = 2;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (all, i);
      char letters[16];
      guint64 number;
      int width;

      if (!split_reference (pathway_risk_get_reference (risk), letters, sizeof letters, &number,
                            &width))
        continue;
      if (pathway_risk_get_kind (risk) == kind)
        g_hash_table_insert (of_kind, g_strdup (letters),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (of_kind,
                                                                                      letters)) +
                                               1));
      g_hash_table_add (every, g_strdup (letters));
      if (!kinds_seen[pathway_risk_get_kind (risk)])
        n_kinds++;
      kinds_seen[pathway_risk_get_kind (risk)] = TRUE;
    }
  g_hash_table_iter_init (&iter, of_kind);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (value) > most)
        {
          most = GPOINTER_TO_UINT (value);
          prefix = key;
        }
    }
  if (most == 0 && n_kinds > 1 && g_hash_table_size (every) == 1)
    {
      g_hash_table_iter_init (&iter, every);
      if (g_hash_table_iter_next (&iter, &key, NULL))
        prefix = key;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (all, i);
      char letters[16];
      guint64 number;
      int width;

      if (!split_reference (pathway_risk_get_reference (risk), letters, sizeof letters, &number,
                            &width) ||
          !g_str_equal (letters, prefix))
        continue;
      highest = MAX (highest, number);
      digits = MAX (digits, width);
    }
  return g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, digits, highest + 1);
}

/* What the dialog shows ---------------------------------------------------------------------- */

/* What a screen reader says for a row: its label and its value, "Likelihood: 4 – Likely". */
static void
update_accessible_name (PathwayRiskDialog *self,
                        FieldId            id)
{
  Field *field = &self->fields[id];
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;
  const char *title;

  switch (field_specs[id].kind)
    {
    case ROW_CHOICE:
      {
        GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (field->row));

        value = g_strdup (GTK_IS_STRING_OBJECT (item)
                            ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                            : "");
        break;
      }
    case ROW_ENTRY:
    case ROW_DAY:
      value = pathway_editor_dup_entry_text (PATHWAY_ENTRY_ROW (field->row));
      break;
    case ROW_PERSON: /* the picker names itself */
    case ROW_TEXT:   /* labelled by its heading; its text is its value */
    default:
      return;
    }
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row));
  if (*value != '\0')
    /* TRANSLATORS: the accessible name of a field: its label and value, "Impact: 4 – Major" */
    name = g_strdup_printf (_("%s: %s"), title, value);
  else
    name = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static void
update_scores (PathwayRiskDialog *self)
{
  int score = chosen_level (self, FIELD_LIKELIHOOD) * chosen_level (self, FIELD_IMPACT);
  int residual = chosen_level (self, FIELD_RESIDUAL_LIKELIHOOD) *
                 chosen_level (self, FIELD_RESIDUAL_IMPACT);
  g_autofree char *score_text = pathway_risk_score_dup_text (score);
  g_autofree char *residual_text = pathway_risk_score_dup_text (residual);
  g_autofree char *score_name = g_strdup_printf (_("%s: %s"), _("Score"), score_text);
  g_autofree char *residual_name = g_strdup_printf (_("%s: %s"), _("Residual score"),
                                                    residual_text);

  pathway_risk_score_chip_set (self->score_chip, score, _("Score"));
  pathway_risk_score_chip_set (self->residual_chip, residual, _("Residual score"));
  /* The row is read with its value, as the fields are. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, score_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->residual_score_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, residual_name, -1);
}

/* An issue says where it came from; other kinds only while they still name a risk. */
static void
update_raised_from (PathwayRiskDialog *self)
{
  gboolean issue = chosen_kind (self) == PATHWAY_RISK_KIND_ISSUE;
  gboolean named = adw_combo_row_get_selected (self->raised_from_row) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->raised_from_row), issue || named);
}

static void
update_save (PathwayRiskDialog *self)
{
  gboolean ready = !self->read_only;

  ready = ready && pathway_editor_entry_has_text (self->reference_row) &&
          pathway_editor_entry_has_text (self->title_row);
  self->ready = ready;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.save", ready);
}

/* The linked actions --------------------------------------------------------------------------- */

static GtkWidget *
linked_row_new (PathwayAction *action,
                const char    *reference)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (action != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *name = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pathway_action_get_reference (action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pathway_action_get_description (action));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the action"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "pathway-action-id",
                              g_memdup2 (&(gint64) { pathway_action_get_id (action) },
                                         sizeof (gint64)),
                              g_free);
      /* TRANSLATORS: a linked action's row, read out: "Open action 1A i: Train staff…" */
      name = g_strdup_printf (_("Open action %s: %s"), pathway_action_get_reference (action),
                              pathway_action_get_description (action));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reference);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No action has this reference"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "risk-link-unknown");
    }
  return row;
}

/* The rows under the references, one per reference typed, made again as they are typed. */
static void
update_linked (PathwayRiskDialog *self)
{
  g_autofree char *text = pathway_editor_dup_entry_text (self->actions_row);
  g_auto(GStrv) links = pathway_links_split (text);

  pathway_editor_clear_list_box (self->linked_list);
  for (guint i = 0; links[i] != NULL; i++)
    {
      /* Found as the store finds it when it writes them ("1a i" is "1A i"). */
      g_autoptr(PathwayAction) action = pathway_document_find_record (
        self->document, pathway_kind_lookup ("action"), links[i], NULL);

      gtk_list_box_append (self->linked_list, linked_row_new (action, links[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->linked_list), links[0] != NULL);
}

static void
linked_row_activated_cb (PathwayRiskDialog *self,
                         GtkListBoxRow     *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "pathway-action-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The main window's editor, over this dialog, which keeps what was typed. */
  if (id != NULL && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-action", "x", *id);
}

/* The popover that links an action: the plan's actions by reference and description, found
 * as one types; choosing one adds its reference to the row. */
static gboolean
link_filter_cb (GtkListBoxRow *row,
                gpointer       data)
{
  PathwayRiskDialog *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->link_search));
  const char *haystack = g_object_get_data (G_OBJECT (row), "pathway-search");
  g_autofree char *needle = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static void
fill_link_list (PathwayRiskDialog *self)
{
  PathwayProgramme *programme = programme_of (self);
  GListModel *actions = pathway_programme_get_actions (programme);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  pathway_editor_clear_list_box (self->link_list);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (actions, i));
  pathway_actions_sort_by_workstream (sorted);
  for (guint i = 0; i < sorted->len; i++)
    {
      PathwayAction *action = g_ptr_array_index (sorted, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *search = NULL;
      g_autofree char *joined = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pathway_action_get_reference (action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pathway_action_get_description (action));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      joined = g_strconcat (pathway_action_get_reference (action), "\n",
                            pathway_action_get_description (action), NULL);
      search = g_utf8_casefold (joined, -1);
      g_object_set_data_full (G_OBJECT (row), "pathway-search", g_steal_pointer (&search),
                              g_free);
      g_object_set_data_full (G_OBJECT (row), "pathway-reference",
                              g_strdup (pathway_action_get_reference (action)), g_free);
      gtk_list_box_append (self->link_list, row);
    }
  if (sorted->len == 0)
    gtk_list_box_append (self->link_list,
                         pathway_editor_placeholder_row_new (_("The plan has no actions yet")));
}

static void
link_popover_show_cb (PathwayRiskDialog *self)
{
  fill_link_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->link_search), "");
  gtk_list_box_invalidate_filter (self->link_list);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_search));
}

static void
link_search_changed_cb (PathwayRiskDialog *self)
{
  gtk_list_box_invalidate_filter (self->link_list);
}

/* Adds the reference unless the row names it already. */
static void
add_link (PathwayRiskDialog *self,
          const char        *reference)
{
  g_autofree char *text = pathway_editor_dup_entry_text (self->actions_row);
  g_autofree char *joined = NULL;

  if (!pathway_links_contain (text, reference))
    {
      joined = *text != '\0' ? g_strconcat (text, ", ", reference, NULL) : g_strdup (reference);
      gtk_editable_set_text (GTK_EDITABLE (self->actions_row), joined);
    }
  gtk_popover_popdown (self->link_popover);
}

static void
link_row_activated_cb (PathwayRiskDialog *self,
                       GtkListBoxRow     *row)
{
  const char *reference = g_object_get_data (G_OBJECT (row), "pathway-reference");

  if (reference != NULL)
    add_link (self, reference);
}

/* Enter in the search takes the first action shown. */
static void
link_search_activate_cb (PathwayRiskDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->link_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
          g_object_get_data (G_OBJECT (child), "pathway-reference") != NULL)
        {
          link_row_activated_cb (self, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

/* Changes ------------------------------------------------------------------------------------ */

static void
clear_errors (PathwayRiskDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (FieldId id = 0; id < N_FIELDS; id++)
    pathway_editor_show_caption (self->fields[id].caption, self->fields[id].row,
                                 PATHWAY_CAPTION_HIDDEN, NULL);
}

static void
value_changed (PathwayRiskDialog *self,
               FieldId            id)
{
  if (self->filling)
    return;
  if (id < N_FIELDS)
    {
      update_accessible_name (self, id);
      /* A refusal is about the value refused: a new value takes it back. */
      pathway_editor_show_caption (self->fields[id].caption, self->fields[id].row,
                                   PATHWAY_CAPTION_HIDDEN, NULL);
    }
  switch (id)
    {
    case FIELD_KIND:
      {
        g_autofree char *reference = pathway_editor_dup_entry_text (self->reference_row);

        /* A new entry's offered reference follows its kind ("I03" for an issue) until the
         * person writes their own. */
        if (self->suggested_reference != NULL &&
            g_str_equal (reference, self->suggested_reference))
          {
            g_free (self->suggested_reference);
            self->suggested_reference = next_reference (self, chosen_kind (self));
            gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                                   self->suggested_reference);
          }
        update_raised_from (self);
        break;
      }
    case FIELD_RAISED_FROM:
      update_raised_from (self);
      break;
    case FIELD_LIKELIHOOD:
    case FIELD_IMPACT:
    case FIELD_RESIDUAL_LIKELIHOOD:
    case FIELD_RESIDUAL_IMPACT:
      update_scores (self);
      break;
    case FIELD_ACTIONS:
      update_linked (self);
      break;
    case FIELD_REFERENCE:
    case FIELD_TITLE:
    case FIELD_OWNER:
    case FIELD_WORKSTREAM:
    case FIELD_DESCRIPTION:
    case FIELD_PROXIMITY:
    case FIELD_RESPONSE:
    case FIELD_RESPONSE_OWNER:
    case FIELD_REVIEW_DATE:
    case FIELD_STATUS:
    case N_FIELDS:
    default:
      break;
    }
  update_save (self);
}

static void
row_changed_cb (GtkWidget         *row,
                GParamSpec        *pspec,
                PathwayRiskDialog *self)
{
  value_changed (self, field_of_row (self, row));
}

static void
entry_changed_cb (GtkEditable       *row,
                  PathwayRiskDialog *self)
{
  value_changed (self, field_of_row (self, row));
}

static void
buffer_changed_cb (GtkTextBuffer     *buffer,
                   PathwayRiskDialog *self)
{
  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      if (field_specs[id].kind == ROW_TEXT &&
          gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[id].row)) == buffer)
        value_changed (self, id);
    }
}

/* Setting up --------------------------------------------------------------------------------- */

static GtkWidget **
row_slot (PathwayRiskDialog *self,
          FieldId            id)
{
  switch (id)
    {
    case FIELD_REFERENCE: return (GtkWidget **) &self->reference_row;
    case FIELD_KIND: return (GtkWidget **) &self->kind_row;
    case FIELD_TITLE: return (GtkWidget **) &self->title_row;
    case FIELD_RAISED_FROM: return (GtkWidget **) &self->raised_from_row;
    case FIELD_OWNER: return (GtkWidget **) &self->owner_picker;
    case FIELD_WORKSTREAM: return (GtkWidget **) &self->workstream_row;
    case FIELD_DESCRIPTION: return (GtkWidget **) &self->description_view;
    case FIELD_LIKELIHOOD: return (GtkWidget **) &self->likelihood_row;
    case FIELD_IMPACT: return (GtkWidget **) &self->impact_row;
    case FIELD_PROXIMITY: return (GtkWidget **) &self->proximity_row;
    case FIELD_RESPONSE: return (GtkWidget **) &self->response_view;
    case FIELD_RESPONSE_OWNER: return (GtkWidget **) &self->response_owner_picker;
    case FIELD_ACTIONS: return (GtkWidget **) &self->actions_row;
    case FIELD_RESIDUAL_LIKELIHOOD: return (GtkWidget **) &self->residual_likelihood_row;
    case FIELD_RESIDUAL_IMPACT: return (GtkWidget **) &self->residual_impact_row;
    case FIELD_REVIEW_DATE: return (GtkWidget **) &self->review_row;
    case FIELD_STATUS: return (GtkWidget **) &self->status_row;
    case N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A caption under a text view: a label after it, in the same box. */
static GtkLabel *
caption_after_view (GtkWidget  *view,
                    const char *name)
{
  GtkLabel *caption = pathway_editor_caption_label_new ();

  gtk_widget_set_name (GTK_WIDGET (caption), name);
  gtk_widget_add_css_class (GTK_WIDGET (caption), "record-editor-caption");
  gtk_widget_insert_after (GTK_WIDGET (caption), gtk_widget_get_parent (view), view);
  pathway_editor_describe_with (view, caption);
  return caption;
}

static void
set_up_fields (PathwayRiskDialog *self)
{
  PathwayProgramme *programme = programme_of (self);

  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      Field *field = &self->fields[id];
      g_autofree char *caption_name = g_strconcat (field_specs[id].field, "-error", NULL);

      field->row = *row_slot (self, id);
      if (field_specs[id].kind == ROW_TEXT)
        field->caption = caption_after_view (field->row, caption_name);
      else
        field->caption = pathway_editor_caption_row_after (field->row, caption_name);

      switch (field_specs[id].kind)
        {
        case ROW_CHOICE:
          g_signal_connect (field->row, "notify::selected", G_CALLBACK (row_changed_cb), self);
          break;
        case ROW_PERSON:
          pathway_person_picker_set_people (PATHWAY_PERSON_PICKER (field->row),
                                            pathway_programme_get_people (programme));
          pathway_person_picker_set_document (PATHWAY_PERSON_PICKER (field->row),
                                              self->document);
          g_signal_connect (field->row, "notify::selected", G_CALLBACK (row_changed_cb), self);
          break;
        case ROW_TEXT:
          g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->row)), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
          break;
        case ROW_DAY:
          pathway_day_field_attach (PATHWAY_ENTRY_ROW (field->row));
          g_signal_connect (field->row, "changed", G_CALLBACK (entry_changed_cb), self);
          break;
        case ROW_ENTRY:
        default:
          g_signal_connect (field->row, "changed", G_CALLBACK (entry_changed_cb), self);
          break;
        }
    }
  fill_choices (self);
}

/* Puts the entry's values in the rows (a new entry's too: 'risk' is then its model). */
static void
show_risk (PathwayRiskDialog *self,
           PathwayRisk       *risk)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (PATHWAY_TYPE_RISK_KIND);
  g_autoptr(GEnumClass) status_class = g_type_class_ref (PATHWAY_TYPE_RISK_STATUS);
  PathwayWorkstream *workstream = pathway_risk_get_workstream (risk);
  PathwayRisk *raised_from = pathway_risk_get_raised_from (risk);
  const GDate *review = pathway_risk_get_review_date (risk);
  g_autofree char *review_text = pathway_format_date (review);
  struct {
    FieldId id;
    int level;
  } levels[] = {
    { FIELD_LIKELIHOOD, pathway_risk_get_likelihood (risk) },
    { FIELD_IMPACT, pathway_risk_get_impact (risk) },
    { FIELD_RESIDUAL_LIKELIHOOD, pathway_risk_get_residual_likelihood (risk) },
    { FIELD_RESIDUAL_IMPACT, pathway_risk_get_residual_impact (risk) },
  };

  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), pathway_risk_get_reference (risk));
  select_value (self, FIELD_KIND,
                g_enum_get_value (kinds, pathway_risk_get_kind (risk))->value_nick);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), pathway_risk_get_title (risk));
  if (raised_from != NULL)
    {
      offer_raised_from (self, raised_from);
      select_value (self, FIELD_RAISED_FROM, pathway_record_get_uuid (raised_from));
    }
  pathway_person_picker_set_selected (self->owner_picker, pathway_risk_get_owner (risk));
  select_value (self, FIELD_WORKSTREAM,
                workstream != NULL ? pathway_record_get_uuid (workstream) : "");
  pathway_editor_set_view_text (self->description_view, pathway_risk_get_description (risk));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", CLAMP (levels[i].level, 0, 5));

      select_value (self, levels[i].id, value);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->proximity_row), pathway_risk_get_proximity (risk));
  pathway_editor_set_view_text (self->response_view, pathway_risk_get_response (risk));
  pathway_person_picker_set_selected (self->response_owner_picker,
                                      pathway_risk_get_response_owner (risk));
  gtk_editable_set_text (GTK_EDITABLE (self->actions_row), pathway_risk_get_actions (risk));
  gtk_editable_set_text (GTK_EDITABLE (self->review_row), review_text ? review_text : "");
  select_value (self, FIELD_STATUS,
                g_enum_get_value (status_class, pathway_risk_get_status (risk))->value_nick);
}

/* Every row's state from the values now in it; their texts become the starting point. */
static void
settle (PathwayRiskDialog *self)
{
  PathwayRisk *risk = find_risk (self);

  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      g_free (self->fields[id].initial);
      self->fields[id].initial = dup_value (self, id);
      update_accessible_name (self, id);
      if (risk != NULL)
        pathway_shown_values_remember_field (self->shown, risk, field_specs[id].field);
    }
  update_scores (self);
  update_raised_from (self);
  update_linked (self);
  update_save (self);
}

/* Read-only, saying why: the document's reason, or the server's rule for this entry (a new one
 * is the programme's to refuse; the server says which workstreams a lead may add to). */
static void
show_read_only (PathwayRiskDialog *self)
{
  g_autofree char *refusal = pathway_document_dup_refusal (self->document, find_risk (self));

  self->read_only = refusal != NULL;
  pathway_editor_show_read_only (self->read_only_label, refusal);
  /* The fields can be read, and the history shown, but nothing changed. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->fields_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != self->record_buttons)
        gtk_widget_set_sensitive (child, !self->read_only);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.raise-issue", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.retire", !self->read_only);
  update_save (self);
}

/* GTK 4.8's text view learns the height of the text it was given only once it is laid out,
 * on an idle, and does not ask for that height then: ask for it, after that idle. */
static gboolean
fit_text_views_cb (gpointer data)
{
  PathwayRiskDialog *self = data;

  self->fit_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->description_view));
  gtk_widget_queue_resize (GTK_WIDGET (self->response_view));
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (PathwayRiskDialog *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_LOW, fit_text_views_cb, self, NULL);
}

/* Saving ------------------------------------------------------------------------------------- */

/* A message about one field goes under it, named by its label; others into the bar. */
static void
show_error (PathwayRiskDialog *self,
            const char        *message)
{
  clear_errors (self);
  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      gsize length = strlen (field_specs[id].field);

      if (g_str_has_prefix (message, field_specs[id].field) && message[length] == ':')
        {
          const char *rest = message + length + 1;
          g_autofree char *text = NULL;

          while (*rest == ' ')
            rest++;
          /* TRANSLATORS: a refused value under its field: "Likelihood: 7 is not a level…" */
          text = g_strdup_printf (_("%s: %s"), _(field_specs[id].label), rest);
          pathway_editor_show_caption (self->fields[id].caption, self->fields[id].row,
                                       PATHWAY_CAPTION_ERROR, text);
          gtk_widget_grab_focus (self->fields[id].row);
          return;
        }
    }
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* Whether each field about to be written still holds what the dialog showed; each that does
 * not is taken as shown as it is now, and the first is the error. */
static gboolean
check_unchanged (PathwayRiskDialog  *self,
                 PathwayRisk        *risk,
                 const char *const  *names,
                 GError            **error)
{
  gboolean unchanged = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (pathway_shown_values_check_field (self->shown, self->document, risk, names[i],
                                            &local_error))
        continue;
      if (unchanged)
        g_propagate_error (error, g_steal_pointer (&local_error));
      unchanged = FALSE;
    }
  return unchanged;
}

/* Writes what changed (a new entry: every field that says something). TRUE when written or
 * when there was nothing to write; *wrote says which. */
static gboolean
write_changes (PathwayRiskDialog *self,
               gboolean          *wrote)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PathwayRisk *risk = find_risk (self);
  gboolean adding = self->risk_id == 0;

  *wrote = FALSE;
  if (!self->ready)
    return FALSE;
  if (!adding && risk == NULL)
    {
      show_error (self, _("This entry is no longer in the log: it was retired or undone."));
      return FALSE;
    }
  if (!pathway_day_field_check (self->review_row))
    {
      pathway_editor_show_caption (self->fields[FIELD_REVIEW_DATE].caption, self->review_row,
                                   PATHWAY_CAPTION_ERROR,
                                   _("Next review: not a date. Write one such as 14 January "
                                     "2027."));
      gtk_widget_grab_focus (GTK_WIDGET (self->review_row));
      return FALSE;
    }

  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      g_autofree char *value = dup_value (self, id);

      if (adding ? (*value == '\0' || g_str_equal (value, "0"))
                 : g_strcmp0 (value, self->fields[id].initial) == 0)
        continue;
      g_ptr_array_add (names, (gpointer) field_specs[id].field);
      g_ptr_array_add (values, g_steal_pointer (&value));
    }
  if (names->len == 0)
    return TRUE;
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (values, NULL);

  clear_errors (self);
  if (adding)
    {
      gpointer added = NULL;

      if (!pathway_document_add_fields (self->document, pathway_kind_lookup ("risk"),
                                        (const char *const *) names->pdata,
                                        (const char *const *) values->pdata, &added, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      self->risk_id = pathway_risk_get_id (added);
      g_object_unref (added);
    }
  else if (!check_unchanged (self, risk, (const char *const *) names->pdata, &error) ||
           !pathway_document_set_fields (self->document, risk,
                                         (const char *const *) names->pdata,
                                         (const char *const *) values->pdata, NULL, &error))
    {
      /* The server saw a change this copy had not yet: caught up, the fields it touched are
       * taken as shown as they are now. */
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT) &&
          pathway_document_get_remote (self->document) &&
          pathway_document_catch_up (self->document, NULL, NULL) &&
          (risk = find_risk (self)) != NULL)
        check_unchanged (self, risk, (const char *const *) names->pdata, NULL);
      show_error (self, error->message);
      return FALSE;
    }
  *wrote = TRUE;
  return TRUE;
}

gboolean
pathway_risk_dialog_save (PathwayRiskDialog *self)
{
  gboolean adding;
  gboolean wrote = FALSE;

  g_return_val_if_fail (PATHWAY_IS_RISK_DIALOG (self), FALSE);

  adding = self->risk_id == 0;
  if (!write_changes (self, &wrote))
    return FALSE;
  if (wrote)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, find_risk (self), adding);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

PathwayRisk *
pathway_risk_dialog_get_risk (PathwayRiskDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK_DIALOG (self), NULL);
  return find_risk (self);
}

/* Actions -------------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pathway_risk_dialog_save (PATHWAY_RISK_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayRiskDialog *self = PATHWAY_RISK_DIALOG (widget);
  PathwayRisk *risk = find_risk (self);

  if (risk != NULL)
    gtk_window_present (GTK_WINDOW (pathway_history_dialog_new (GTK_WINDOW (self),
                                                                self->document, risk,
                                                                history_fields)));
}

/* What was typed is saved first: the issue copies the risk as it is. */
static void
raise_issue_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwayRiskDialog *self = PATHWAY_RISK_DIALOG (widget);
  g_autoptr(PathwayRisk) risk = NULL;
  gboolean wrote = FALSE;

  if (!write_changes (self, &wrote))
    return;
  risk = find_risk (self);
  if (risk == NULL)
    return;
  g_object_ref (risk);
  if (wrote)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, risk, FALSE);
  g_signal_emit (self, signals[SIGNAL_RAISE_ISSUE], 0, risk);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayRiskDialog *self = PATHWAY_RISK_DIALOG (widget);
  PathwayRisk *risk = find_risk (self);

  if (risk != NULL)
    g_signal_emit (self, signals[SIGNAL_RETIRE], 0, risk);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_risk_dialog_dispose (GObject *object)
{
  PathwayRiskDialog *self = PATHWAY_RISK_DIALOG (object);

  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_RISK_DIALOG);
  for (FieldId id = 0; id < N_FIELDS; id++)
    {
      g_clear_pointer (&self->fields[id].values, g_ptr_array_unref);
      g_clear_pointer (&self->fields[id].initial, g_free);
    }
  g_clear_pointer (&self->suggested_reference, g_free);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_risk_dialog_parent_class)->dispose (object);
}

static void
pathway_risk_dialog_class_init (PathwayRiskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_risk_dialog_dispose;

  /**
   * PathwayRiskDialog::saved:
   * @risk: the entry added or changed
   * @added: whether it was added
   *
   * After a save that wrote something, before the dialog closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, PATHWAY_TYPE_RISK,
                                        G_TYPE_BOOLEAN);
  /**
   * PathwayRiskDialog::raise-issue:
   * @risk: the risk, saved as the dialog showed it
   *
   * Raise Issue was pressed; the dialog closes after.
   */
  signals[SIGNAL_RAISE_ISSUE] = g_signal_new ("raise-issue", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, PATHWAY_TYPE_RISK);
  /**
   * PathwayRiskDialog::retire:
   * @risk: the entry
   *
   * Retire was pressed: the caller asks, retires and closes the dialog.
   */
  signals[SIGNAL_RETIRE] = g_signal_new ("retire", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, PATHWAY_TYPE_RISK);

  g_type_ensure (PATHWAY_TYPE_PERSON_PICKER);
  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-risk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, fields_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, raised_from_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, owner_picker);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, workstream_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, impact_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, proximity_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, response_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, response_owner_picker);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, actions_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, link_popover);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, link_search);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, link_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, linked_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog,
                                        residual_likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, residual_impact_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, residual_score_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, record_buttons);
  gtk_widget_class_bind_template_child (widget_class, PathwayRiskDialog, raise_button);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, linked_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "risk.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "risk.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "risk.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "risk.raise-issue", NULL, raise_issue_action);
  gtk_widget_class_install_action (widget_class, "risk.retire", NULL, retire_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "risk.cancel", NULL);
}

static void
pathway_risk_dialog_init (PathwayRiskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  self->shown = pathway_shown_values_new ();
  pathway_editor_add_save_shortcut (GTK_WIDGET (self), "risk.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  self->read_only_label = pathway_editor_add_read_only_bar (ADW_WINDOW (self));

  self->score_chip = pathway_risk_score_chip_new ();
  gtk_widget_set_name (self->score_chip, "score-chip");
  gtk_widget_set_valign (self->score_chip, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->score_row, self->score_chip);
  self->residual_chip = pathway_risk_score_chip_new ();
  gtk_widget_set_name (self->residual_chip, "residual-score-chip");
  gtk_widget_set_valign (self->residual_chip, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->residual_score_row, self->residual_chip);

  gtk_list_box_set_filter_func (self->link_list, link_filter_cb, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

static PathwayRiskDialog *
risk_dialog_new (GtkWindow       *parent,
                 PathwayDocument *document,
                 PathwayRisk     *risk,
                 const char      *title)
{
  PathwayRiskDialog *self = g_object_new (PATHWAY_TYPE_RISK_DIALOG, "title", title, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  adw_window_title_set_title (self->window_title, title);
  self->document = g_object_ref (document);
  self->risk_id = risk != NULL ? pathway_risk_get_id (risk) : 0;
  gtk_button_set_label (self->save_button, risk == NULL ? _("_Add") : _("_Save"));
  gtk_widget_set_visible (self->record_buttons, risk != NULL);
  set_up_fields (self);
  show_read_only (self);
  /* A server's connection lost or back while the dialog is open. */
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (show_read_only), self,
                           G_CONNECT_SWAPPED);
  return self;
}

PathwayRiskDialog *
pathway_risk_dialog_new_add (GtkWindow       *parent,
                             PathwayDocument *document)
{
  PathwayRiskDialog *self;
  g_autoptr(PathwayRisk) draft = pathway_risk_new ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = risk_dialog_new (parent, document, NULL, _("New Risk or Issue"));
  self->filling = TRUE;
  show_risk (self, draft);
  self->suggested_reference = next_reference (self, PATHWAY_RISK_KIND_RISK);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), self->suggested_reference);
  self->filling = FALSE;
  settle (self);
  /* The reference is offered: the title is the first thing to write. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  return self;
}

PathwayRiskDialog *
pathway_risk_dialog_new_issue (GtkWindow       *parent,
                               PathwayDocument *document,
                               PathwayRisk     *risk)
{
  PathwayRiskDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_RISK (risk), NULL);

  self = risk_dialog_new (parent, document, NULL, _("Raise Issue"));
  /* TRANSLATORS: the subtitle of the dialog raising an issue: "From risk R04" */
  subtitle = g_strdup_printf (_("From risk %s"), pathway_risk_get_reference (risk));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  self->filling = TRUE;
  show_risk (self, risk);
  /* An issue of its own: open, raised from the risk, with the next issue's reference. */
  select_value (self, FIELD_KIND, "issue");
  select_value (self, FIELD_STATUS, "open");
  offer_raised_from (self, risk);
  select_value (self, FIELD_RAISED_FROM, pathway_record_get_uuid (risk));
  self->suggested_reference = next_reference (self, PATHWAY_RISK_KIND_ISSUE);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), self->suggested_reference);
  self->filling = FALSE;
  settle (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  return self;
}

PathwayRiskDialog *
pathway_risk_dialog_new_edit (GtkWindow       *parent,
                              PathwayDocument *document,
                              PathwayRisk     *risk)
{
  PathwayRiskDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_RISK (risk), NULL);

  self = risk_dialog_new (parent, document, risk,
                          /* TRANSLATORS: the title of the dialog editing "Risk", "Issue" … */
                          pathway_risk_kind_label (pathway_risk_get_kind (risk)));
  adw_window_title_set_subtitle (self->window_title, pathway_risk_get_reference (risk));
  gtk_widget_set_visible (self->raise_button,
                          pathway_risk_get_kind (risk) == PATHWAY_RISK_KIND_RISK);
  self->filling = TRUE;
  show_risk (self, risk);
  self->filling = FALSE;
  settle (self);
  return self;
}
