/* pathway-import-dialog.c: the Import Tracker window, and the Import Risk Register window,
 * which is the same window with a risk register's fields for the columns and no date.
 *
 * The file is read once when the window opens: every sheet of a workbook, each with the
 * mapping guessed for it, which the person's choices then change. What the window imports:
 *
 *   workbook sheets ──(the sheet chosen, or every one that looks like a tracker)──▶ sheets
 *   sheets + their mappings ──pathway_import_plan / _plan_sheets──▶ one plan per sheet
 *
 * Each change of a mapping in use (a column's field, a row skipped) makes the plans again
 * (nothing is written) and shows them: the counts of all, the columns and rows of the sheet
 * shown, every problem and every row skipped. Import writes the plans with
 * pathway_import_apply_all as one batch, dated at the end of the day the tracker stood on
 * when one is typed. Every text from the file goes into labels and inscriptions as text,
 * never as markup (libadwaita 1.2's rows take markup, so theirs is turned off). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"
/* For the month a column's header names (pathway_import_header_month), which the mapping
 * reads but does not yet offer in pathway-exchange.h. */
#include "pathway-exchange-private.h"
#include "pathway-format.h"
#include "pathway-import-dialog.h"
#include "pathway-import-preview.h"
#include "pathway-window.h"

#define MAX_LISTED 500 /* problems and skipped rows listed one by one; the rest are counted */
#define ALL_SHEETS -1  /* self->chosen when every tracker sheet is imported */
#define FIELD_CHARS 30 /* a field's name at the end of its column's row */
#define FIELD_LIST_CHARS 40

/* One sheet of the file as read, with the mapping the person is making for it. */
typedef struct {
  char *name;
  PathwaySheet *sheet;           /* NULL when it could not be read */
  PathwayImportMapping *mapping; /* NULL with the sheet */
  char *lacks;                   /* what it lacks to look like a tracker, or NULL */
  char *unreadable;              /* why it could not be read, or NULL */
} WorkbookSheet;

struct _PathwayImportDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  char *path;
  PathwayImportTarget target; /* a tracker's actions or a risk register's risks */
  GPtrArray *workbook;     /* WorkbookSheet, one per sheet of the file */
  int chosen;              /* index into workbook, or ALL_SHEETS */
  GPtrArray *sheets;       /* WorkbookSheet (the workbook's) being imported */
  GPtrArray *plans;        /* PathwayImportPlan, one per sheet being imported */
  guint shown;             /* index into sheets of the sheet whose columns and rows are shown */
  GError *read_error;
  gboolean syncing;        /* while the controls are set from the mappings */
  GtkStringList *fields;   /* the fields' names, for the columns' rows */
  GPtrArray *sheet_checks; /* a GtkCheckButton per workbook sheet, then "All" when offered */
  GPtrArray *column_rows;  /* an AdwComboRow per column of the sheet shown */

  /* Template children */
  AdwWindowTitle *title;
  GtkWidget *import_button;
  GtkRevealer *apply_error_revealer;
  GtkLabel *apply_error_label;
  GtkStack *stack;
  AdwStatusPage *read_error_page;
  AdwPreferencesGroup *sheet_group;
  GtkWidget *as_at_box;
  PathwayEntryRow *as_at_row;
  GtkLabel *as_at_problem;
  AdwPreferencesGroup *columns_group;
  AdwComboRow *shown_row;
  GtkLabel *summary_label;
  GtkLabel *preview_heading;
  PathwayImportPreview *preview;
  GtkWidget *problems_scroll;
  GtkLabel *problems_heading;
  GtkListBox *problem_list;
  GtkLabel *skipped_heading;
  GtkListBox *skipped_list;
};

G_DEFINE_FINAL_TYPE (PathwayImportDialog, pathway_import_dialog, ADW_TYPE_WINDOW)

static void replan (PathwayImportDialog *self);
static void show_date_limit (PathwayImportDialog *self);

static void
workbook_sheet_free (gpointer data)
{
  WorkbookSheet *entry = data;

  g_free (entry->name);
  g_clear_object (&entry->sheet);
  g_clear_object (&entry->mapping);
  g_free (entry->lacks);
  g_free (entry->unreadable);
  g_free (entry);
}

static WorkbookSheet *
imported (PathwayImportDialog *self, guint index)
{
  return g_ptr_array_index (self->sheets, index);
}

static WorkbookSheet *
shown_sheet (PathwayImportDialog *self)
{
  return self->sheets != NULL && self->shown < self->sheets->len ? imported (self, self->shown)
                                                                 : NULL;
}

static PathwayImportPlan *
shown_plan (PathwayImportDialog *self)
{
  return self->plans != NULL && self->shown < self->plans->len
           ? g_ptr_array_index (self->plans, self->shown)
           : NULL;
}

/* A plain label: the text may be the file's, so never markup. */
static GtkWidget *
text_label (const char *text, float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static void
remove_children (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
severity_icon (PathwayImportSeverity severity)
{
  return severity == PATHWAY_IMPORT_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic";
}

/* Messages about a sheet's rows name the sheet when several are imported together. */
static char *
name_sheet (PathwayImportDialog *self, PathwayImportPlan *plan, char *text)
{
  const char *name = pathway_sheet_get_sheet_name (pathway_import_plan_get_sheet (plan));
  char *named;

  if (self->plans->len < 2 || name == NULL)
    return text;
  /* TRANSLATORS: a problem or a skipped row of one of several sheets imported together */
  named = g_strdup_printf (_("Sheet “%s”: %s"), name, text);
  g_free (text);
  return named;
}

/* The rows of a plan with an error on them, as a set of row indices. The plan leaves them out
 * ("has errors"), but they are to be put right or skipped, not counted or listed as rows the
 * import passes over. */
static GHashTable *
rows_with_errors (PathwayImportPlan *plan)
{
  GHashTable *rows = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);

      if (problem->severity == PATHWAY_IMPORT_ERROR)
        g_hash_table_add (rows, GUINT_TO_POINTER (problem->row));
    }
  return rows;
}

/* The rows below the header that the import passes over, and why. */
static guint
count_skipped (PathwayImportPlan *plan)
{
  g_autoptr(GHashTable) errors = rows_with_errors (plan);
  guint header = pathway_sheet_get_header_row (pathway_import_plan_get_sheet (plan));
  GHashTableIter iter;
  gpointer row;
  guint n = pathway_import_plan_get_n_skipped (plan);

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (GPOINTER_TO_UINT (row) > header &&
        pathway_import_plan_get_row_skip_reason (plan, GPOINTER_TO_UINT (row)) != NULL)
      n--;
  return n;
}

/* The columns --------------------------------------------------------------------------------- */

/* What a month column holds ("Rating, July 2019 (history)"), or NULL for other columns. */
static char *
month_text (PathwaySheet *sheet, PathwayImportField field, guint column)
{
  g_autofree char *month = NULL;
  PathwayImportField words;
  GDate month_end;

  if ((field != PATHWAY_IMPORT_FIELD_RATING && field != PATHWAY_IMPORT_FIELD_COMMENTARY &&
       !pathway_import_field_is_repeated (field)) ||
      !pathway_import_header_month (pathway_sheet_get_header (sheet, column), &words, &month_end,
                                    &month))
    return NULL;
  switch (field)
    {
    case PATHWAY_IMPORT_FIELD_EARLIER_RATING:
      /* TRANSLATORS: a column of an earlier month's ratings; %s is the month, "July 2019" */
      return g_strdup_printf (_("Rating, %s (history)"), month);
    case PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY:
      return g_strdup_printf (_("Commentary, %s (history)"), month);
    case PATHWAY_IMPORT_FIELD_RATING:
      /* TRANSLATORS: the column of the latest month's ratings; %s is the month */
      return g_strdup_printf (_("Rating, %s (current)"), month);
    case PATHWAY_IMPORT_FIELD_COMMENTARY:
      return g_strdup_printf (_("Commentary, %s (current)"), month);
    default:
      return NULL;
    }
}

/* The group heading a risk register's column stands under ("Under “Residual risk”"): cells
 * merged over it in the row above the header, which say whose likelihood and impact these
 * are. NULL for others. */
static char *
group_text (PathwaySheet *sheet, guint column)
{
  guint header = pathway_sheet_get_header_row (sheet);
  PathwaySheetRange range;
  const char *above;
  g_autofree char *flat = NULL;

  if (header == 0)
    return NULL;
  above = pathway_sheet_get_cell (sheet, header - 1, column);
  if (*above == '\0' || g_strcmp0 (above, pathway_sheet_get_header (sheet, column)) == 0 ||
      !pathway_sheet_get_merged_range (sheet, header - 1, column, &range) ||
      range.first_column == range.last_column)
    return NULL;
  flat = g_strdup (above);
  g_strdelimit (flat, "\n\r\t", ' ');
  /* TRANSLATORS: the group heading a column of a risk register stands under */
  return g_strdup_printf (_("Under “%s”"), flat);
}

/* Says under each column's header what the sheet and the mapping make of it, and names its
 * row with the column and the field chosen. */
static void
describe_columns (PathwayImportDialog *self)
{
  WorkbookSheet *entry = shown_sheet (self);

  for (guint c = 0; entry != NULL && c < self->column_rows->len; c++)
    {
      AdwActionRow *row = g_ptr_array_index (self->column_rows, c);
      guint field = pathway_import_mapping_get_field (entry->mapping, c);
      gboolean hidden = pathway_sheet_column_is_hidden (entry->sheet, c);
      g_autofree char *month = self->target == PATHWAY_IMPORT_TARGET_TRACKER
                                 ? month_text (entry->sheet, field, c)
                                 : NULL;
      g_autofree char *group = self->target == PATHWAY_IMPORT_TARGET_RISKS
                                 ? group_text (entry->sheet, c)
                                 : NULL;
      g_autofree char *letter = pathway_column_letter (c);
      g_autofree char *column = NULL;
      g_autofree char *label = NULL;
      const char *header = pathway_sheet_get_header (entry->sheet, c);

      if (hidden && month != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s · %s", _("Hidden in the sheet"), month);

          adw_action_row_set_subtitle (row, both);
        }
      else if (hidden && group != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s · %s", _("Hidden in the sheet"), group);

          adw_action_row_set_subtitle (row, both);
        }
      else
        adw_action_row_set_subtitle (row, hidden   ? _("Hidden in the sheet")
                                          : month ? month
                                                  : group);

      if (*header == '\0')
        /* TRANSLATORS: a column named for its accessible name; %s is its letter */
        column = g_strdup_printf (_("Column %s"), letter);
      else
        /* TRANSLATORS: a column named for its accessible name: its letter and header */
        column = g_strdup_printf (_("Column %s, “%s”"), letter, header);
      if (hidden)
        {
          g_autofree char *plain = g_steal_pointer (&column);

          column = g_strdup_printf (_("%s, hidden in the sheet"), plain);
        }
      /* TRANSLATORS: a column's choice of field, named with the column and the field it goes
       * to: "Column E, “RAG Jun 19”: Rating, June 2019 (history)" */
      label = g_strdup_printf (_("%s: %s"), column,
                               month != NULL
                                 ? month
                                 : pathway_import_target_field_label (self->target, field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
sync_columns (PathwayImportDialog *self)
{
  WorkbookSheet *entry = shown_sheet (self);

  self->syncing = TRUE;
  for (guint c = 0; entry != NULL && c < self->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                pathway_import_mapping_get_field (entry->mapping, c));
  self->syncing = FALSE;
  describe_columns (self);
}

static void
field_selected_cb (AdwComboRow *row, GParamSpec *pspec, PathwayImportDialog *self)
{
  WorkbookSheet *entry = shown_sheet (self);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || entry == NULL ||
      selected >= pathway_import_target_get_n_fields (self->target))
    return;
  /* The mapping's "changed" makes the plans again. */
  if (pathway_import_mapping_get_field (entry->mapping, column) != selected)
    pathway_import_mapping_set_field (entry->mapping, column, selected);
}

/* A column: its letter, its header as written, what the sheet and the mapping make of it
 * under that, and its field at the end. */
static GtkWidget *
column_row_new (PathwayImportDialog *self, PathwaySheet *sheet, guint column)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *letter = pathway_column_letter (column);
  const char *header = pathway_sheet_get_header (sheet, column);
  GtkWidget *letter_label = text_label (letter, 0.5);
  g_autofree char *name = g_strdup_printf ("field-%s", letter);
  g_autofree char *flat = g_strdup (header);

  g_strdelimit (flat, "\n\r\t", ' ');
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *flat != '\0' ? flat : _("(no header)"));
  /* One line, cut short when long; a header of a letter or two ("L", "I" in a risk register)
   * is left whole, as GTK 4.8 measures a cut label narrower than its ellipsis wrongly. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), g_utf8_strlen (flat, -1) > 3 ? 1 : 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, *header != '\0' ? header : NULL);
  gtk_widget_add_css_class (row, "import-column-row");
  if (*header == '\0')
    gtk_widget_add_css_class (row, "import-no-header");
  if (pathway_sheet_column_is_hidden (sheet, column))
    gtk_widget_add_css_class (row, "import-hidden-column");

  gtk_widget_add_css_class (letter_label, "import-column-letter");
  gtk_label_set_width_chars (GTK_LABEL (letter_label), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), letter_label);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->fields));
  pathway_editor_set_choice_items (ADW_COMBO_ROW (row), FIELD_CHARS, FIELD_LIST_CHARS);
  g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);
  return row;
}

/* The columns of the sheet shown, one row each. */
static void
show_columns (PathwayImportDialog *self)
{
  WorkbookSheet *entry = shown_sheet (self);
  guint header_row;
  g_autofree char *note = NULL;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group,
                                  g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  if (entry == NULL)
    return;

  for (guint c = 0; c < pathway_sheet_get_n_columns (entry->sheet); c++)
    {
      GtkWidget *row = column_row_new (self, entry->sheet, c);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  /* A title block above the header is passed over: say so, and where the header was found. */
  header_row = pathway_sheet_get_header_row (entry->sheet);
  if (header_row > 0 && header_row < pathway_sheet_get_n_rows (entry->sheet))
    note = g_strdup_printf (_("Headers read from row %u; the rows above it are not imported."),
                            pathway_sheet_get_row_number (entry->sheet, header_row));
  adw_preferences_group_set_description (self->columns_group, note);

  if (self->sheets->len > 1)
    {
      /* TRANSLATORS: the heading over the rows of one of several sheets imported together */
      g_autofree char *heading = g_strdup_printf (_("Rows of “%s”"), entry->name);

      gtk_label_set_text (self->preview_heading, heading);
    }
  else
    gtk_label_set_text (self->preview_heading, _("Rows"));
  sync_columns (self);
}

/* Which of several sheets imported together is shown. */
static void
name_shown_row (PathwayImportDialog *self)
{
  WorkbookSheet *entry = shown_sheet (self);
  g_autofree char *label = NULL;

  if (entry == NULL)
    return;
  /* TRANSLATORS: the accessible name of the choice of the sheet whose columns and rows are
   * shown; %s is the sheet's name */
  label = g_strdup_printf (_("Sheet shown: %s"), entry->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shown_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
shown_selected_cb (PathwayImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->shown_row);

  if (self->syncing || self->sheets == NULL || selected >= self->sheets->len ||
      selected == self->shown)
    return;
  self->shown = selected;
  name_shown_row (self);
  show_columns (self);
  pathway_import_preview_show (self->preview, shown_plan (self), shown_sheet (self)->mapping);
}

/* The plans ----------------------------------------------------------------------------------- */

static void
refresh_summary (PathwayImportDialog *self)
{
  guint added = 0, updated = 0, unchanged = 0, skipped = 0, errors = 0, warnings = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->plans->len; i++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (self->plans, i);

      added += pathway_import_plan_get_n_added (plan);
      updated += pathway_import_plan_get_n_updated (plan);
      unchanged += pathway_import_plan_get_n_unchanged (plan);
      skipped += count_skipped (plan);
      errors += pathway_import_plan_get_n_errors (plan);
      warnings += pathway_import_plan_get_n_warnings (plan);
    }

  if (self->target == PATHWAY_IMPORT_TARGET_RISKS)
    g_string_append_printf (text, ngettext ("%u risk to add", "%u risks to add", added), added);
  else
    g_string_append_printf (text, ngettext ("%u action to add", "%u actions to add", added),
                            added);
  if (updated > 0)
    g_string_append_printf (text, ngettext (", %u to update", ", %u to update", updated),
                            updated);
  if (unchanged > 0)
    g_string_append_printf (text, ngettext (", %u unchanged", ", %u unchanged", unchanged),
                            unchanged);
  if (skipped > 0)
    g_string_append_printf (text, ngettext (", %u row skipped", ", %u rows skipped", skipped),
                            skipped);
  g_string_append (text, " · ");
  if (errors == 0 && warnings == 0)
    g_string_append (text, _("no problems"));
  else
    {
      g_string_append_printf (text, ngettext ("%u error", "%u errors", errors), errors);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u warning", "%u warnings", warnings), warnings);
    }
  gtk_label_set_text (self->summary_label, text->str);
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "import-summary-errors");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "import-summary-errors");
}

static GtkWidget *
line_row (const char *icon_name, const char *css_class, const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = text_label (text, 0.0);

  gtk_widget_add_css_class (box, "import-problem");
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, css_class);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Appends a line to one of the lists, its row read as 'spoken' (the text GTK 4.8 would not
 * read from the row's labels). */
static void
append_line (GtkListBox *list, GtkWidget *line, const char *spoken)
{
  gtk_list_box_append (list, line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (line)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
append_more (GtkListBox *list, const char *text)
{
  GtkWidget *label = text_label (text, 0.0);

  gtk_widget_add_css_class (label, "import-problem");
  gtk_widget_add_css_class (label, "dim-label");
  append_line (list, label, text);
}

static void
refresh_problems (PathwayImportDialog *self)
{
  guint n = 0, listed = 0;

  remove_children (self->problem_list);
  for (guint p = 0; p < self->plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (self->plans, p);
      guint n_problems = pathway_import_plan_get_n_problems (plan);

      n += n_problems;
      for (guint i = 0; i < n_problems && listed < MAX_LISTED; i++, listed++)
        {
          const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);
          g_autofree char *text = name_sheet (self, plan,
                                              pathway_import_problem_to_string (problem));

          gboolean error = problem->severity == PATHWAY_IMPORT_ERROR;
          /* TRANSLATORS: a problem found in a spreadsheet as read out: "Error: Row 3, …" */
          g_autofree char *spoken = g_strdup_printf (error ? _("Error: %s") : _("Warning: %s"),
                                                     text);

          append_line (self->problem_list,
                       line_row (severity_icon (problem->severity), error ? "error" : "warning",
                                 text),
                       spoken);
        }
    }
  if (n > listed)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more problem. Put these right "
                                                         "and they will be listed.",
                                                         "And %u more problems. Put these "
                                                         "right and the rest will be listed.",
                                                         n - listed),
                                               n - listed);

      append_more (self->problem_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), n > 0);
}

/* The rows below the header that are not imported, and why (the preview shows them in place;
 * this lists them for a long tracker). */
static void
refresh_skipped (PathwayImportDialog *self)
{
  guint n = 0, listed = 0;

  remove_children (self->skipped_list);
  for (guint p = 0; p < self->plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (self->plans, p);
      PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
      const char *sheet_name = pathway_sheet_get_sheet_name (sheet);
      g_autoptr(GHashTable) errors = rows_with_errors (plan);

      for (guint r = pathway_sheet_get_header_row (sheet) + 1;
           r < pathway_sheet_get_n_rows (sheet); r++)
        {
          const char *reason = pathway_import_plan_get_row_skip_reason (plan, r);
          guint number = pathway_sheet_get_row_number (sheet, r);
          g_autofree char *text = NULL;

          if (reason == NULL || g_hash_table_contains (errors, GUINT_TO_POINTER (r)))
            continue;
          n++;
          if (listed >= MAX_LISTED)
            continue;
          if (self->plans->len > 1 && sheet_name != NULL)
            /* TRANSLATORS: a row the import skips, of one of several sheets: the sheet, the
             * row's number and why ("a colour key") */
            text = g_strdup_printf (_("Sheet “%s”, row %u: %s"), sheet_name, number, reason);
          else
            /* TRANSLATORS: a row the import skips: its number and why ("a colour key") */
            text = g_strdup_printf (_("Row %u: %s"), number, reason);
          append_line (self->skipped_list, line_row (NULL, NULL, text), text);
          listed++;
        }
    }
  if (n > listed)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more row.", "And %u more rows.",
                                                         n - listed),
                                               n - listed);

      append_more (self->skipped_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_list), n > 0);
  gtk_widget_set_visible (self->problems_scroll,
                          n > 0 || gtk_widget_get_visible (GTK_WIDGET (self->problem_list)));
}

/* Makes the plans again from the mappings, writing nothing, and shows them. */
static void
replan (PathwayImportDialog *self)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autoptr(GPtrArray) mappings = g_ptr_array_new ();

  if (self->sheets == NULL || self->sheets->len == 0)
    return;
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  if (self->sheets->len == 1)
    {
      self->plans = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->plans, pathway_import_plan (imported (self, 0)->sheet,
                                                         imported (self, 0)->mapping,
                                                         self->document, NULL));
    }
  else
    {
      for (guint i = 0; i < self->sheets->len; i++)
        {
          g_ptr_array_add (sheets, imported (self, i)->sheet);
          g_ptr_array_add (mappings, imported (self, i)->mapping);
        }
      self->plans = pathway_import_plan_sheets (sheets, mappings, self->document, NULL);
    }
  /* The date the tracker stood on: each plan compares the rows with the programme as it
   * stood then and dates every change it writes (made again when the date changes). */
  {
    GDate date, today;

    pathway_document_get_today (self->document, &today);
    if (pathway_day_field_read (self->as_at_row, &date) == PATHWAY_DAY_VALID &&
        g_date_compare (&date, &today) <= 0)
      for (guint i = 0; i < self->plans->len; i++)
        pathway_import_plan_set_as_at (g_ptr_array_index (self->plans, i), &date);
  }

  sync_columns (self);
  refresh_summary (self);
  pathway_import_preview_show (self->preview, shown_plan (self), shown_sheet (self)->mapping);
  refresh_problems (self);
  refresh_skipped (self);
  show_date_limit (self);
  gtk_widget_set_sensitive (self->import_button, pathway_import_dialog_can_import (self));
}

/* The sheets ---------------------------------------------------------------------------------- */

static guint
rows_under_header (PathwaySheet *sheet)
{
  return pathway_sheet_get_n_rows (sheet) - pathway_sheet_get_header_row (sheet) - 1;
}

static guint
count_trackers (PathwayImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->workbook->len; i++)
    {
      WorkbookSheet *entry = g_ptr_array_index (self->workbook, i);

      n += entry->sheet != NULL && entry->lacks == NULL;
    }
  return n;
}

/* Imports the workbook's sheet 'index', or with ALL_SHEETS every sheet that looks like a
 * tracker, each with the mapping made for it so far. */
static void
choose_sheets (PathwayImportDialog *self, int index)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->chosen = index;
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  self->sheets = g_ptr_array_new ();
  for (guint i = 0; i < self->workbook->len; i++)
    {
      WorkbookSheet *entry = g_ptr_array_index (self->workbook, i);

      if (index == ALL_SHEETS ? entry->sheet != NULL && entry->lacks == NULL : (int) i == index)
        {
          g_ptr_array_add (self->sheets, entry);
          gtk_string_list_append (names, entry->name);
        }
    }
  self->shown = 0;

  self->syncing = TRUE;
  for (guint i = 0; self->sheet_checks != NULL && i < self->sheet_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->sheet_checks, i),
                                 i == (index == ALL_SHEETS ? self->workbook->len : (guint) index));
  adw_combo_row_set_model (self->shown_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->shown_row, 0);
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->shown_row), self->sheets->len > 1);
  name_shown_row (self);

  show_columns (self);
  replan (self);
}

static void
sheet_toggled_cb (GtkCheckButton *check, PathwayImportDialog *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "sheet"));

  if (self->syncing || !gtk_check_button_get_active (check) || index == self->chosen)
    return;
  choose_sheets (self, index);
}

/* What a sheet holds, for its row in the chooser. */
static char *
describe_sheet (PathwayImportDialog *self, WorkbookSheet *entry)
{
  guint rows;

  if (entry->unreadable != NULL)
    return g_strdup (entry->unreadable);
  if (entry->sheet == NULL)
    return g_strdup (_("Nothing in it"));
  rows = rows_under_header (entry->sheet);
  if (self->target == PATHWAY_IMPORT_TARGET_RISKS && entry->lacks != NULL)
    /* TRANSLATORS: a sheet that does not look like a risk register; %s is what it lacks, "no
     * risk column" */
    return g_strdup_printf (_("Not a risk register: %s"), entry->lacks);
  if (self->target == PATHWAY_IMPORT_TARGET_RISKS)
    return g_strdup_printf (ngettext ("Risk register, %u row", "Risk register, %u rows", rows),
                            rows);
  if (entry->lacks != NULL)
    /* TRANSLATORS: a sheet that does not look like a tracker; %s is what it lacks, "no
     * reference column" */
    return g_strdup_printf (_("Not a tracker: %s"), entry->lacks);
  /* TRANSLATORS: a sheet that looks like a tracker, with its number of rows */
  return g_strdup_printf (ngettext ("Tracker, %u row", "Tracker, %u rows", rows), rows);
}

static void
add_sheet_row (PathwayImportDialog *self, int index, const char *title, const char *subtitle,
               gboolean sensitive)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = index == ALL_SHEETS ? g_strdup ("sheet-all")
                                              : g_strdup_printf ("sheet-%d", index);
  /* TRANSLATORS: the accessible name of a sheet's choice: its name and what it holds */
  g_autofree char *label = g_strdup_printf (_("%s: %s"), title, subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (self->sheet_checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                g_ptr_array_index (self->sheet_checks, 0));
  g_object_set_data (G_OBJECT (check), "sheet", GINT_TO_POINTER (index));
  g_signal_connect_object (check, "toggled", G_CALLBACK (sheet_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, sensitive);
  adw_preferences_group_add (self->sheet_group, row);
  g_ptr_array_add (self->sheet_checks, check);
}

/* A workbook of several sheets gets a chooser: each sheet with what it holds, and "All
 * tracker sheets" when more than one looks like a tracker. */
static void
build_sheet_chooser (PathwayImportDialog *self)
{
  guint n_trackers = count_trackers (self);

  if (self->workbook->len < 2)
    return;
  for (guint i = 0; i < self->workbook->len; i++)
    {
      WorkbookSheet *entry = g_ptr_array_index (self->workbook, i);
      g_autofree char *holds = describe_sheet (self, entry);

      add_sheet_row (self, (int) i, entry->name, holds, entry->sheet != NULL);
    }
  if (n_trackers > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->workbook->len; i++)
        {
          WorkbookSheet *entry = g_ptr_array_index (self->workbook, i);

          if (entry->sheet == NULL || entry->lacks != NULL)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, entry->name);
        }
      {
        /* TRANSLATORS: the sheets that look like trackers, imported together */
        g_autofree char *holds = g_strdup_printf (_("%s, as one import"), names->str);

        add_sheet_row (self, ALL_SHEETS,
                       self->target == PATHWAY_IMPORT_TARGET_RISKS ? _("All risk register sheets")
                                                                   : _("All tracker sheets"),
                       holds, TRUE);
      }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_group), TRUE);
}

/* Reads every sheet of the file and guesses each one's mapping. The sheet that looks like a
 * tracker is chosen as pathway_import_read_tracker chooses it: of those with a reference and
 * an action column, the one with the most rows under its header; else the first that could be
 * read. Returns FALSE, with self->read_error, when no sheet could be read. */
static gboolean
read_workbook (PathwayImportDialog *self, int *best)
{
  g_auto(GStrv) names = pathway_sheet_list_sheet_names (self->path, &self->read_error);
  int first_read = -1;

  *best = -1;
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      WorkbookSheet *entry = g_new0 (WorkbookSheet, 1);
      g_autoptr(GError) error = NULL;

      entry->name = g_strdup (names[i]);
      g_ptr_array_add (self->workbook, entry);
      entry->sheet = pathway_sheet_read (self->path, names[i], &error);
      if (entry->sheet == NULL)
        {
          if (!g_error_matches (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_EMPTY))
            entry->unreadable = g_strdup (error->message);
          if (self->read_error == NULL)
            self->read_error = g_steal_pointer (&error);
          continue;
        }
      /* The columns chosen last time for this layout, when the programme knows it. */
      entry->mapping = pathway_import_guess_mapping_for (entry->sheet, self->target);
      if (self->document != NULL)
        pathway_import_mapping_recall (entry->mapping, entry->sheet, self->document);
      entry->lacks = pathway_import_sheet_lacks (entry->sheet, entry->mapping);
      g_signal_connect_object (entry->mapping, "changed", G_CALLBACK (replan), self,
                               G_CONNECT_SWAPPED);
      if (first_read < 0)
        first_read = (int) i;
      if (entry->lacks == NULL &&
          (*best < 0 ||
           rows_under_header (entry->sheet) >
             rows_under_header (((WorkbookSheet *) g_ptr_array_index (self->workbook,
                                                                      (guint) *best))->sheet)))
        *best = (int) i;
    }
  if (*best < 0)
    *best = first_read;
  if (*best < 0)
    return FALSE;
  g_clear_error (&self->read_error);
  return TRUE;
}

static void
show_read_error (PathwayImportDialog *self)
{
  /* The description is markup; the message quotes the file's name. */
  g_autofree char *escaped = g_markup_escape_text (self->read_error->message, -1);

  adw_status_page_set_description (self->read_error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

/* The date ------------------------------------------------------------------------------------ */

/* The row is named with what it is for and what is typed, as the record dialog's fields are;
 * what the text means is its description (pathway_day_field_attach). */
static void
as_at_changed_cb (PathwayImportDialog *self)
{
  g_autofree char *text = pathway_editor_dup_entry_text (self->as_at_row);
  g_autofree char *name = NULL;

  show_date_limit (self);
  if (*text != '\0')
    /* TRANSLATORS: the accessible name of the date of an older copy of the tracker, with the
     * date as typed */
    name = g_strdup_printf (_("This tracker is as it stood on: %s"), text);
  else
    name = g_strdup (_("This tracker is as it stood on"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->as_at_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The plans compare the rows with the programme as it stood on the day typed. */
  replan (self);
}

/* Says under the date when it is after today (shown as soon as the day is typed). */
static void
show_date_limit (PathwayImportDialog *self)
{
  GDate date, today;
  gboolean after = FALSE;

  if (self->document != NULL &&
      pathway_day_field_read (self->as_at_row, &date) == PATHWAY_DAY_VALID)
    {
      pathway_document_get_today (self->document, &today);
      after = g_date_compare (&date, &today) > 0;
    }
  if (after)
    gtk_label_set_text (self->as_at_problem, _("The tracker cannot be as it stood after today."));
  gtk_widget_set_visible (GTK_WIDGET (self->as_at_problem), after);
}

/* Reads the date typed: FALSE (and the row marked) when it is not a date, is after today or
 * cannot date these plans; otherwise *has_date says whether there is one. */
static gboolean
read_as_at (PathwayImportDialog *self, GDate *date, gboolean *has_date, GError **error)
{
  GDate today;

  *has_date = FALSE;
  if (!pathway_day_field_check (self->as_at_row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->as_at_row));
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("The day the tracker stood on is not a date."));
      return FALSE;
    }
  if (pathway_day_field_read (self->as_at_row, date) != PATHWAY_DAY_VALID)
    return TRUE;
  pathway_document_get_today (self->document, &today);
  if (g_date_compare (date, &today) > 0)
    {
      const char *message = _("The tracker cannot be as it stood after today.");

      gtk_label_set_text (self->as_at_problem, message);
      gtk_widget_set_visible (GTK_WIDGET (self->as_at_problem), TRUE);
      pathway_editor_mark_error (self->as_at_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->as_at_row));
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID, message);
      return FALSE;
    }
  *has_date = TRUE;
  return TRUE;
}

/* Writes the plans; a date typed is already theirs (replan). */
static gboolean
apply_plans (PathwayImportDialog *self, const GDate *date, GError **error)
{
  return pathway_import_apply_all (self->plans, self->document, error);
}

/* The window ---------------------------------------------------------------------------------- */

static void
dismiss_apply_error_cb (PathwayImportDialog *self)
{
  gtk_revealer_set_reveal_child (self->apply_error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_revealer), FALSE);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GError) error = NULL;

  /* The dialog stays open showing why; nothing was written. */
  pathway_import_dialog_import (PATHWAY_IMPORT_DIALOG (widget), &error);
}

static void
pathway_import_dialog_dispose (GObject *object)
{
  PathwayImportDialog *self = PATHWAY_IMPORT_DIALOG (object);

  for (guint i = 0; self->workbook != NULL && i < self->workbook->len; i++)
    {
      WorkbookSheet *entry = g_ptr_array_index (self->workbook, i);

      if (entry->mapping != NULL)
        g_signal_handlers_disconnect_by_data (entry->mapping, self);
    }
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->workbook, g_ptr_array_unref);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (pathway_import_dialog_parent_class)->dispose (object);
}

static void
pathway_import_dialog_finalize (GObject *object)
{
  PathwayImportDialog *self = PATHWAY_IMPORT_DIALOG (object);

  g_free (self->path);
  g_clear_error (&self->read_error);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->sheet_checks, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (pathway_import_dialog_parent_class)->finalize (object);
}

static void
pathway_import_dialog_class_init (PathwayImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_import_dialog_dispose;
  object_class->finalize = pathway_import_dialog_finalize;

  g_type_ensure (PATHWAY_TYPE_IMPORT_PREVIEW);
  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, apply_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, apply_error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, read_error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, sheet_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, as_at_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, as_at_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, as_at_problem);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, shown_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, preview_heading);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, problems_scroll);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, problem_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, skipped_heading);
  gtk_widget_class_bind_template_child (widget_class, PathwayImportDialog, skipped_list);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_apply_error_cb);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_import_dialog_init (PathwayImportDialog *self)
{
  self->workbook = g_ptr_array_new_with_free_func (workbook_sheet_free);
  self->chosen = 0;
  self->sheet_checks = g_ptr_array_new ();
  self->column_rows = g_ptr_array_new ();
  self->fields = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_set_choice_items (self->shown_row, 24, 40);
  pathway_day_field_attach (self->as_at_row);
  g_signal_connect_object (self->as_at_row, "changed", G_CALLBACK (as_at_changed_cb), self,
                           G_CONNECT_SWAPPED);
  as_at_changed_cb (self);
  g_signal_connect_object (self->shown_row, "notify::selected", G_CALLBACK (shown_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

PathwayImportDialog *
pathway_import_dialog_new (PathwayDocument *document, const char *path, GError **error)
{
  return pathway_import_dialog_new_for (document, path, PATHWAY_IMPORT_TARGET_TRACKER, error);
}

/* A risk register's window: its own words, and no date, since a register says how things
 * stand now. */
static void
use_risk_words (PathwayImportDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Import Risk Register"));
  adw_window_title_set_title (self->title, _("Import Risk Register"));
  adw_status_page_set_title (self->read_error_page, _("The Risk Register Could Not Be Read"));
  adw_preferences_group_set_description (self->sheet_group,
                                         _("The one that looks like a risk register is "
                                           "chosen."));
  gtk_widget_set_visible (self->as_at_box, FALSE);
}

PathwayImportDialog *
pathway_import_dialog_new_for (PathwayDocument *document, const char *path,
                               PathwayImportTarget target, GError **error)
{
  PathwayImportDialog *self;
  g_autofree char *display_name = NULL;
  int best;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pathway_document_get_read_only (document))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                           _("This programme is open read-only, so nothing can be imported "
                             "into it."));
      return NULL;
    }

  self = g_object_new (PATHWAY_TYPE_IMPORT_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->path = g_strdup (path);
  self->target = target;
  for (guint f = 0; f < pathway_import_target_get_n_fields (target); f++)
    gtk_string_list_append (self->fields, pathway_import_target_field_label (target, f));
  if (target == PATHWAY_IMPORT_TARGET_RISKS)
    use_risk_words (self);
  display_name = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->title, display_name);

  if (!read_workbook (self, &best))
    {
      show_read_error (self);
      return self;
    }
  build_sheet_chooser (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  choose_sheets (self, best);
  return self;
}

void
pathway_import_dialog_set_field (PathwayImportDialog *self, guint column, guint field)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (shown_sheet (self) != NULL);
  g_return_if_fail (column < self->column_rows->len);

  /* Through the row, as a person would: its handler sets the mapping. */
  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

PathwayImportPlan *
pathway_import_dialog_get_plan (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error != NULL ? NULL : shown_plan (self);
}

GPtrArray *
pathway_import_dialog_get_plans (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error != NULL ? NULL : self->plans;
}

PathwayImportMapping *
pathway_import_dialog_get_mapping (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error != NULL || shown_sheet (self) == NULL ? NULL
                                                                : shown_sheet (self)->mapping;
}

const GError *
pathway_import_dialog_get_read_error (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error;
}

gboolean
pathway_import_dialog_can_import (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), FALSE);

  if (self->read_error != NULL || self->plans == NULL ||
      pathway_document_get_read_only (self->document))
    return FALSE;
  for (guint i = 0; i < self->plans->len; i++)
    if (pathway_import_plan_has_errors (g_ptr_array_index (self->plans, i)))
      return FALSE;
  return TRUE;
}

gboolean
pathway_import_dialog_import (PathwayImportDialog *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display_name = NULL;
  GtkWindow *parent;
  guint added = 0, updated = 0;
  gboolean has_date;
  GDate date;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), FALSE);

  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->read_error));
      return FALSE;
    }
  if (!read_as_at (self, &date, &has_date, error))
    return FALSE;

  /* The programme may have changed since the plans were made (an undo behind the dialog). */
  replan (self);
  for (guint i = 0; i < self->plans->len; i++)
    {
      added += pathway_import_plan_get_n_added (g_ptr_array_index (self->plans, i));
      updated += pathway_import_plan_get_n_updated (g_ptr_array_index (self->plans, i));
    }
  if (!apply_plans (self, has_date ? &date : NULL, &local_error))
    {
      gtk_label_set_text (self->apply_error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->apply_error_revealer), TRUE);
      gtk_revealer_set_reveal_child (self->apply_error_revealer, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  display_name = g_filename_display_basename (self->path);
  if (has_date)
    {
      g_autofree char *day = pathway_format_date (&date);

      /* TRANSLATORS: the toast after an import dated as an older copy: the file, its day, and
       * how many actions were added and updated */
      text = g_strdup_printf (_("Imported %s as at %s: %u added, %u updated"), display_name, day,
                              added, updated);
    }
  else
    text = g_strdup_printf (_("Imported %s: %u added, %u updated"), display_name, added,
                            updated);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && PATHWAY_IS_WINDOW (parent))
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      pathway_window_add_toast (PATHWAY_WINDOW (parent), adw_toast_new (escaped));
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
