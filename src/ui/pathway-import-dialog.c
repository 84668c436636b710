/* pathway-import-dialog.c: the Import Tracker window. The left side maps each column of the
 * file (its letter and header, shown as written) to a field of an action; the right side
 * says what the import would do, shows the first rows as the file has them with the cells
 * that have problems marked, and lists every problem. Each change of the mapping makes the
 * plan again (it writes nothing); Import writes the plan through pathway_import_apply as one
 * batch. Every text from the file goes into labels as text, never as markup. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-import-dialog.h"
#include "pathway-window.h"

#define PREVIEW_ROWS 40    /* rows of the file shown in the preview */
#define MAX_LISTED 500     /* problems listed one by one; the rest are counted */

struct _PathwayImportDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  char *path;
  char **sheet_names;
  PathwaySheet *sheet;
  PathwayImportMapping *mapping;
  PathwayImportPlan *plan;
  GError *read_error;
  gboolean syncing; /* while the drop-downs are set from the mapping */

  AdwWindowTitle *title;
  GtkWidget *import_button;
  GtkStack *stack;
  AdwStatusPage *read_error_page;
  GtkLabel *apply_error_label;
  GtkRevealer *apply_error_revealer;
  GtkWidget *sheet_box;
  GtkDropDown *sheet_drop_down;
  GtkListBox *mapping_list;
  GPtrArray *field_drop_downs; /* one GtkDropDown per column */
  GtkLabel *summary_label;
  GtkLabel *header_note_label;
  GtkGrid *preview_grid;
  GtkListBox *problem_list;
  GtkLabel *problems_heading;
};

G_DEFINE_FINAL_TYPE (PathwayImportDialog, pathway_import_dialog, ADW_TYPE_WINDOW)

/* A plain label: the text is the file's, so never markup. */
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
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static const char *
severity_icon (PathwayImportSeverity severity)
{
  return severity == PATHWAY_IMPORT_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic";
}

static const char *
severity_class (PathwayImportSeverity severity)
{
  return severity == PATHWAY_IMPORT_ERROR ? "error" : "warning";
}

static const char *
outcome_text (PathwayImportRowOutcome outcome)
{
  switch (outcome)
    {
    case PATHWAY_IMPORT_ROW_HEADING:
      return C_("import row", "Theme");
    case PATHWAY_IMPORT_ROW_ADD:
      return C_("import row", "Add");
    case PATHWAY_IMPORT_ROW_UPDATE:
      return C_("import row", "Update");
    case PATHWAY_IMPORT_ROW_UNCHANGED:
      return C_("import row", "Unchanged");
    case PATHWAY_IMPORT_ROW_SKIPPED:
      return C_("import row", "Skipped");
    default:
      return "";
    }
}

/* The plan's parts ------------------------------------------------------------------------- */

static void
refresh_summary (PathwayImportDialog *self)
{
  guint errors = pathway_import_plan_get_n_errors (self->plan);
  guint warnings = pathway_import_plan_get_n_warnings (self->plan);
  g_autofree char *rows = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;

  rows = g_strdup_printf (_("%u to add, %u to update, %u unchanged"),
                          pathway_import_plan_get_n_added (self->plan),
                          pathway_import_plan_get_n_updated (self->plan),
                          pathway_import_plan_get_n_unchanged (self->plan));
  if (errors == 0 && warnings == 0)
    problems = g_strdup (_("no problems"));
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                            warnings);

      problems = g_strdup_printf ("%s, %s", e, w);
    }
  text = g_strdup_printf ("%s · %s", rows, problems);
  gtk_label_set_text (self->summary_label, text);
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "import-summary-errors");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "import-summary-errors");
}

static GtkWidget *
preview_cell (const char *text, const PathwayImportProblem *problem, const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = text_label (text, 0.0);

  gtk_widget_add_css_class (box, "import-cell");
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (problem != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (problem->severity));
      g_autofree char *tooltip = pathway_import_problem_to_string (problem);

      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_add_css_class (box, severity_class (problem->severity));
      gtk_widget_set_tooltip_text (box, tooltip);
    }
  else if (text[0] != '\0')
    gtk_widget_set_tooltip_text (box, text);
  return box;
}

/* The first rows as the file has them: Excel's row numbers, what each row would do, and the
 * cells, with the problem ones marked and their message as tooltip. */
static void
refresh_preview (PathwayImportDialog *self)
{
  guint n_rows = MIN (pathway_sheet_get_n_rows (self->sheet), PREVIEW_ROWS);
  guint n_columns = pathway_sheet_get_n_columns (self->sheet);
  guint header_row = pathway_sheet_get_header_row (self->sheet);

  remove_children (GTK_WIDGET (self->preview_grid));

  gtk_grid_attach (self->preview_grid, preview_cell ("", NULL, "import-corner"), 0, 0, 1, 1);
  gtk_grid_attach (self->preview_grid,
                   preview_cell (_("Import"), NULL, "import-column-letter"), 1, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *letter = pathway_column_letter (c);

      gtk_grid_attach (self->preview_grid, preview_cell (letter, NULL, "import-column-letter"),
                       c + 2, 0, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", pathway_sheet_get_row_number (self->sheet,
                                                                                  r));
      const PathwayImportProblem *row_problem =
        pathway_import_plan_get_cell_problem (self->plan, r, -1);
      const char *outcome = r <= header_row
                              ? ""
                              : outcome_text (pathway_import_plan_get_row_outcome (self->plan, r));
      const char *row_class = r == header_row ? "import-header-row" : NULL;

      gtk_grid_attach (self->preview_grid, preview_cell (number, row_problem, "import-row-number"),
                       0, r + 1, 1, 1);
      gtk_grid_attach (self->preview_grid, preview_cell (outcome, NULL, "import-outcome"),
                       1, r + 1, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = pathway_sheet_get_cell (self->sheet, r, c);
          const PathwayImportProblem *problem =
            pathway_import_plan_get_cell_problem (self->plan, r, (int) c);
          GtkWidget *cell = preview_cell (text, problem, row_class);

          if (pathway_import_mapping_get_field (self->mapping, c) == PATHWAY_IMPORT_FIELD_NONE)
            gtk_widget_add_css_class (cell, "import-ignored");
          gtk_grid_attach (self->preview_grid, cell, c + 2, r + 1, 1, 1);
        }
    }
}

static GtkWidget *
problem_row (const PathwayImportProblem *problem)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (problem->severity));
  g_autofree char *text = pathway_import_problem_to_string (problem);
  GtkWidget *label = text_label (text, 0.0);

  gtk_widget_add_css_class (box, "import-problem");
  gtk_widget_add_css_class (icon, severity_class (problem->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
refresh_problems (PathwayImportDialog *self)
{
  guint n = pathway_import_plan_get_n_problems (self->plan);

  remove_children (GTK_WIDGET (self->problem_list));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), n > 0);
  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    gtk_list_box_append (self->problem_list,
                         problem_row (pathway_import_plan_get_problem (self->plan, i)));
  if (n > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more problem. Put these right "
                                                         "and they will be listed.",
                                                         "And %u more problems. Put these "
                                                         "right and the rest will be listed.",
                                                         n - MAX_LISTED),
                                               n - MAX_LISTED);
      GtkWidget *label = text_label (more, 0.0);

      gtk_widget_add_css_class (label, "import-problem");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->problem_list, label);
    }
}

static void
sync_drop_downs (PathwayImportDialog *self)
{
  self->syncing = TRUE;
  for (guint c = 0; c < self->field_drop_downs->len; c++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->field_drop_downs, c),
                                pathway_import_mapping_get_field (self->mapping, c));
  self->syncing = FALSE;
}

/* Makes the plan again from the mapping and shows it. */
static void
replan (PathwayImportDialog *self)
{
  g_clear_object (&self->plan);
  self->plan = pathway_import_plan (self->sheet, self->mapping, self->document, NULL);
  sync_drop_downs (self);
  refresh_summary (self);
  refresh_preview (self);
  refresh_problems (self);
  gtk_widget_set_sensitive (self->import_button, pathway_import_dialog_can_import (self));
}

/* The mapping ------------------------------------------------------------------------------ */

static void
field_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, PathwayImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->syncing || selected >= PATHWAY_IMPORT_N_FIELDS)
    return;
  if (pathway_import_mapping_get_field (self->mapping, column) != (PathwayImportField) selected)
    pathway_import_mapping_set_field (self->mapping, column, (PathwayImportField) selected);
}

static GtkWidget *
mapping_row (PathwayImportDialog *self, guint column, GtkStringList *fields)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *letter = pathway_column_letter (column);
  const char *header = pathway_sheet_get_header (self->sheet, column);
  GtkWidget *letter_label = text_label (letter, 0.5);
  GtkWidget *header_label = text_label (header[0] != '\0' ? header : _("(no header)"), 0.0);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (fields)), NULL);
  g_autofree char *name = g_strdup_printf ("field-%s", letter);

  gtk_widget_add_css_class (box, "import-mapping-row");
  gtk_widget_add_css_class (letter_label, "import-column-letter");
  gtk_label_set_width_chars (GTK_LABEL (letter_label), 3);
  if (header[0] == '\0')
    gtk_widget_add_css_class (header_label, "dim-label");
  gtk_widget_set_name (header_label, "column-header");
  gtk_label_set_ellipsize (GTK_LABEL (header_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (header_label, header);
  gtk_widget_set_hexpand (header_label, TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_name (drop_down, name);
  gtk_widget_set_size_request (drop_down, 190, -1);
  g_object_set_data (G_OBJECT (drop_down), "column", GUINT_TO_POINTER (column));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                              pathway_import_mapping_get_field (self->mapping, column));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (field_selected_cb), self,
                           0);
  g_ptr_array_add (self->field_drop_downs, drop_down);

  gtk_box_append (GTK_BOX (box), letter_label);
  gtk_box_append (GTK_BOX (box), header_label);
  gtk_box_append (GTK_BOX (box), drop_down);
  return box;
}

static void
build_mapping (PathwayImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n_columns = pathway_sheet_get_n_columns (self->sheet);

  for (guint f = 0; f < PATHWAY_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (fields, f == PATHWAY_IMPORT_FIELD_NONE
                                      ? _("Ignore")
                                      : pathway_import_field_label ((PathwayImportField) f));

  remove_children (GTK_WIDGET (self->mapping_list));
  g_ptr_array_set_size (self->field_drop_downs, 0);
  for (guint c = 0; c < n_columns; c++)
    gtk_list_box_append (self->mapping_list, mapping_row (self, c, fields));
}

/* Reading the file ------------------------------------------------------------------------- */

static void
show_read_error (PathwayImportDialog *self)
{
  adw_status_page_set_description (self->read_error_page, NULL);
  /* The description is markup; the message quotes the file's name. */
  {
    g_autofree char *escaped = g_markup_escape_text (self->read_error->message, -1);

    adw_status_page_set_description (self->read_error_page, escaped);
  }
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

/* Reads the sheet (NULL: the first), guesses its mapping and shows it. */
static void
load_sheet (PathwayImportDialog *self, const char *sheet_name)
{
  g_autoptr(PathwaySheet) sheet = NULL;

  g_clear_error (&self->read_error);
  sheet = pathway_sheet_read (self->path, sheet_name, &self->read_error);
  if (sheet == NULL)
    {
      show_read_error (self);
      return;
    }

  if (self->mapping != NULL)
    g_signal_handlers_disconnect_by_data (self->mapping, self);
  g_clear_object (&self->mapping);
  g_set_object (&self->sheet, sheet);
  self->mapping = pathway_import_guess_mapping (self->sheet);
  g_signal_connect_object (self->mapping, "changed", G_CALLBACK (replan), self,
                           G_CONNECT_SWAPPED);

  {
    guint header_row = pathway_sheet_get_header_row (self->sheet);
    g_autofree char *note = NULL;

    note = g_strdup_printf (_("Headers read from row %u; rows above it are not imported."),
                            header_row < pathway_sheet_get_n_rows (self->sheet)
                              ? pathway_sheet_get_row_number (self->sheet, header_row)
                              : 1);
    gtk_label_set_text (self->header_note_label, note);
    gtk_widget_set_visible (GTK_WIDGET (self->header_note_label), header_row > 0);
  }

  build_mapping (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  replan (self);
}

static void
sheet_selected_cb (PathwayImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->sheet_drop_down);

  if (self->sheet_names == NULL || selected >= g_strv_length (self->sheet_names))
    return;
  load_sheet (self, self->sheet_names[selected]);
}

/* Building the window ---------------------------------------------------------------------- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = text_label (text, 0.0);

  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
build_plan_page (PathwayImportDialog *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *left_scroll = gtk_scrolled_window_new ();
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *preview_scroll = gtk_scrolled_window_new ();
  GtkWidget *problems_scroll = gtk_scrolled_window_new ();
  GtkWidget *sheet_label;

  /* Left: the sheet, then one row per column. */
  gtk_widget_add_css_class (left, "import-side");
  self->sheet_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  sheet_label = heading (_("Sheet"));
  self->sheet_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->sheet_drop_down), "sheet");
  gtk_box_append (GTK_BOX (self->sheet_box), sheet_label);
  gtk_box_append (GTK_BOX (self->sheet_box), GTK_WIDGET (self->sheet_drop_down));
  gtk_widget_set_visible (self->sheet_box, FALSE);
  gtk_box_append (GTK_BOX (left), self->sheet_box);

  gtk_box_append (GTK_BOX (left), heading (_("Columns")));
  self->header_note_label = GTK_LABEL (text_label ("", 0.0));
  gtk_label_set_wrap (self->header_note_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->header_note_label), "dim-label");
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->header_note_label));
  self->mapping_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->mapping_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->mapping_list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->mapping_list), "mapping");
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->mapping_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroll), left);
  gtk_widget_set_size_request (left_scroll, 400, -1);

  /* Right: the summary, the preview and the problems. */
  gtk_widget_add_css_class (right, "import-side");
  self->summary_label = GTK_LABEL (text_label ("", 0.0));
  gtk_widget_set_name (GTK_WIDGET (self->summary_label), "summary");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "title-4");
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->summary_label));

  gtk_box_append (GTK_BOX (right), heading (_("Preview")));
  self->preview_grid = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->preview_grid), "preview");
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_grid), "import-preview");
  gtk_widget_set_halign (GTK_WIDGET (self->preview_grid), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->preview_grid), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview_scroll),
                                 GTK_WIDGET (self->preview_grid));
  gtk_widget_add_css_class (preview_scroll, "card");
  gtk_widget_set_overflow (preview_scroll, GTK_OVERFLOW_HIDDEN);
  /* As tall as the rows shown, up to half the window; the problems take the rest. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (preview_scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (preview_scroll), 380);
  gtk_box_append (GTK_BOX (right), preview_scroll);

  self->problems_heading = GTK_LABEL (heading (_("Problems")));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->problems_heading));
  self->problem_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problem_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->problem_list), "problems");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (problems_scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (problems_scroll, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->problem_list), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (problems_scroll),
                                 GTK_WIDGET (self->problem_list));
  gtk_box_append (GTK_BOX (right), problems_scroll);

  gtk_paned_set_start_child (GTK_PANED (paned), left_scroll);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  return paned;
}

static void
dismiss_apply_error (PathwayImportDialog *self)
{
  gtk_revealer_set_reveal_child (self->apply_error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_revealer), FALSE);
}

static void
build (PathwayImportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dismiss;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import Tracker"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_set_name (self->import_button, "import-button");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.import");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), self->import_button);
  gtk_box_append (GTK_BOX (content), header_bar);

  /* Why the last Import failed (the file and programme are as they were). */
  self->apply_error_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->apply_error_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  self->apply_error_label = GTK_LABEL (text_label ("", 0.0));
  gtk_widget_set_name (GTK_WIDGET (self->apply_error_label), "apply-error");
  gtk_label_set_wrap (self->apply_error_label, TRUE);
  gtk_label_set_wrap_mode (self->apply_error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->apply_error_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->apply_error_label), TRUE);
  gtk_widget_add_css_class (error_box, "import-error-bar");
  gtk_box_append (GTK_BOX (error_box), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
  gtk_box_append (GTK_BOX (error_box), GTK_WIDGET (self->apply_error_label));
  dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_widget_add_css_class (dismiss, "flat");
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (dismiss_apply_error), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (error_box), dismiss);
  gtk_revealer_set_child (self->apply_error_revealer, error_box);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_revealer), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->apply_error_revealer));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->read_error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->read_error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->read_error_page, _("The Tracker Could Not Be Read"));
  gtk_widget_set_name (GTK_WIDGET (self->read_error_page), "read-error");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->read_error_page), "error");
  gtk_stack_add_named (self->stack, build_plan_page (self), "plan");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), content);
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

  if (self->mapping != NULL)
    g_signal_handlers_disconnect_by_data (self->mapping, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->mapping);
  g_clear_object (&self->sheet);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_import_dialog_parent_class)->dispose (object);
}

static void
pathway_import_dialog_finalize (GObject *object)
{
  PathwayImportDialog *self = PATHWAY_IMPORT_DIALOG (object);

  g_free (self->path);
  g_strfreev (self->sheet_names);
  g_clear_error (&self->read_error);
  g_clear_pointer (&self->field_drop_downs, g_ptr_array_unref);
  G_OBJECT_CLASS (pathway_import_dialog_parent_class)->finalize (object);
}

static void
pathway_import_dialog_class_init (PathwayImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_import_dialog_dispose;
  object_class->finalize = pathway_import_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_import_dialog_init (PathwayImportDialog *self)
{
  self->field_drop_downs = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (self), _("Import Tracker"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "import-dialog");
  build (self);
}

PathwayImportDialog *
pathway_import_dialog_new (PathwayDocument *document, const char *path, GError **error)
{
  PathwayImportDialog *self;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) names_error = NULL;

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
  display_name = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->title, display_name);

  /* A workbook of several sheets gets a chooser; an unreadable one fails again below. */
  self->sheet_names = pathway_sheet_list_sheet_names (path, &names_error);
  if (self->sheet_names != NULL && g_strv_length (self->sheet_names) > 1)
    {
      g_autoptr(GtkStringList) names =
        gtk_string_list_new ((const char * const *) self->sheet_names);

      gtk_drop_down_set_model (self->sheet_drop_down, G_LIST_MODEL (names));
      gtk_widget_set_visible (self->sheet_box, TRUE);
    }
  load_sheet (self, NULL);
  if (self->sheet != NULL && self->sheet_names != NULL)
    {
      const char *read = pathway_sheet_get_sheet_name (self->sheet);

      for (guint i = 0; read != NULL && self->sheet_names[i] != NULL; i++)
        if (g_str_equal (self->sheet_names[i], read))
          gtk_drop_down_set_selected (self->sheet_drop_down, i);
    }
  g_signal_connect_object (self->sheet_drop_down, "notify::selected",
                           G_CALLBACK (sheet_selected_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
pathway_import_dialog_set_field (PathwayImportDialog *self, guint column,
                                 PathwayImportField field)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->mapping != NULL);
  g_return_if_fail (column < pathway_import_mapping_get_n_columns (self->mapping));

  /* Through the drop-down, as a person would: its handler sets the mapping. */
  gtk_drop_down_set_selected (g_ptr_array_index (self->field_drop_downs, column), field);
}

PathwayImportPlan *
pathway_import_dialog_get_plan (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error != NULL ? NULL : self->plan;
}

PathwayImportMapping *
pathway_import_dialog_get_mapping (PathwayImportDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), NULL);

  return self->read_error != NULL ? NULL : self->mapping;
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

  return self->read_error == NULL && self->plan != NULL &&
         !pathway_import_plan_has_errors (self->plan) &&
         !pathway_document_get_read_only (self->document);
}

gboolean
pathway_import_dialog_import (PathwayImportDialog *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display_name = NULL;
  GtkWindow *parent;
  guint added, updated;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_DIALOG (self), FALSE);

  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->read_error));
      return FALSE;
    }

  /* The programme may have changed since the plan was made (an undo behind the dialog). */
  replan (self);
  added = pathway_import_plan_get_n_added (self->plan);
  updated = pathway_import_plan_get_n_updated (self->plan);
  if (!pathway_import_apply (self->plan, self->document, &local_error))
    {
      gtk_label_set_text (self->apply_error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->apply_error_revealer), TRUE);
      gtk_revealer_set_reveal_child (self->apply_error_revealer, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  display_name = g_filename_display_basename (self->path);
  text = g_strdup_printf (_("Imported %s: %u added, %u updated"), display_name, added, updated);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && PATHWAY_IS_WINDOW (parent))
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      pathway_window_add_toast (PATHWAY_WINDOW (parent), adw_toast_new (escaped));
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
