/* pathway-import-preview.c: every row of a tracker sheet (or a risk register's) as the import
 * reads it.
 *
 *   the sheet's rows: GtkStringList of the row numbers Excel shows (position = row index)
 *     ──▶ GtkNoSelection ──▶ GtkColumnView: Skip | Row | Import | A | B | C ...
 *
 * Only the rows on screen have widgets, so a tracker of thousands of rows costs what a
 * screenful does, and a person can skip any of them, not just the first few. A cell is drawn
 * from the plan and the mapping when it is bound; a new plan of the same sheet (every change
 * of the mapping, a skipped row among them) draws the bound cells again in place, so the
 * scroll position and the focus stay where they were, on the check just toggled. Text from the
 * file goes into inscriptions and tooltips as text, never markup. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-import-preview.h"

/* A row's description in accessible names: enough to tell rows apart. */
#define DESCRIBE_CHARS 80

typedef enum {
  CELL_SKIP,    /* the check that skips the row */
  CELL_ROW,     /* Excel's row number, marked when the row has a problem */
  CELL_OUTCOME, /* what the import does with the row */
  CELL_SHEET,   /* a cell of the sheet */
} CellKind;

/* What a column of the view shows; one per factory, freed with it. */
typedef struct {
  PathwayImportPreview *preview;
  CellKind kind;
  guint column; /* the sheet's column, for CELL_SHEET */
} CellColumn;

struct _PathwayImportPreview
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkColumnView *view;
  PathwaySheet *sheet;
  PathwayImportMapping *mapping;
  PathwayImportPlan *plan;
  /* The cells on screen (GtkListItem -> its CellColumn), drawn again for each new plan. */
  GHashTable *bound;
};

G_DEFINE_FINAL_TYPE (PathwayImportPreview, pathway_import_preview, GTK_TYPE_WIDGET)

static const char *const row_classes[] = {
  "import-above-header", "import-header-row", "import-heading-row", "import-skipped-row",
  "import-error-row",
};

/* Describing rows ----------------------------------------------------------------------------- */

static void
append_part (GString *text, const char *part)
{
  if (*part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, part);
}

char *
pathway_import_preview_describe_row (PathwaySheet *sheet, PathwayImportMapping *mapping,
                                     guint row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean risks;
  int reference, description;
  gboolean mapped;
  glong length;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (mapping), NULL);

  /* A risk is told by its reference and title, as an action by its reference and text. */
  risks = pathway_import_mapping_get_target (mapping) == PATHWAY_IMPORT_TARGET_RISKS;
  reference = pathway_import_mapping_get_column (mapping, risks ? PATHWAY_RISK_FIELD_REFERENCE
                                                                : PATHWAY_IMPORT_FIELD_REFERENCE);
  description = pathway_import_mapping_get_column (mapping,
                                                   risks ? PATHWAY_RISK_FIELD_TITLE
                                                         : PATHWAY_IMPORT_FIELD_DESCRIPTION);

  /* A cell merged with the one before it reads as that one: it is said once. */
  if (reference >= 0 && !pathway_sheet_cell_is_covered (sheet, row, (guint) reference))
    append_part (text, pathway_sheet_get_cell (sheet, row, (guint) reference));
  if (description >= 0 && !pathway_sheet_cell_is_covered (sheet, row, (guint) description))
    append_part (text, pathway_sheet_get_cell (sheet, row, (guint) description));
  /* A heading, a note or a row of a sheet not mapped yet: its first texts. */
  mapped = text->len > 0;
  for (guint c = 0, n = 0; !mapped && c < pathway_sheet_get_n_columns (sheet) && n < 2; c++)
    {
      const char *cell = pathway_sheet_get_cell (sheet, row, c);

      if (*cell == '\0' || pathway_sheet_cell_is_covered (sheet, row, c))
        continue;
      append_part (text, cell);
      n++;
    }
  g_strdelimit (text->str, "\n\r\t", ' ');
  length = g_utf8_strlen (text->str, -1);
  if (length > DESCRIBE_CHARS)
    {
      g_string_truncate (text, (gsize) (g_utf8_offset_to_pointer (text->str, DESCRIBE_CHARS - 1) -
                                        text->str));
      g_string_append (text, "…");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Drawing cells ------------------------------------------------------------------------------- */

static void
set_class (GtkWidget *widget, const char *name, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* The problem on the row itself, else the worst on its cells (the first error, else the first
 * warning), or NULL. */
static const PathwayImportProblem *
row_problem (PathwayImportPreview *self, guint row)
{
  const PathwayImportProblem *found = pathway_import_plan_get_cell_problem (self->plan, row, -1);

  for (guint c = 0; c < pathway_sheet_get_n_columns (self->sheet); c++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_cell_problem (self->plan, row,
                                                                                  (int) c);

      if (problem != NULL &&
          (found == NULL || (problem->severity == PATHWAY_IMPORT_ERROR &&
                             found->severity != PATHWAY_IMPORT_ERROR)))
        found = problem;
    }
  return found;
}

/* Whether the plan found an error on the row. The plan leaves such a row out ("has errors"),
 * but it is there to be put right or skipped, not a row the import passes over. */
static gboolean
row_has_error (PathwayImportPreview *self, guint row)
{
  const PathwayImportProblem *problem = row_problem (self, row);

  return problem != NULL && problem->severity == PATHWAY_IMPORT_ERROR;
}

/* The class that styles every cell of a row (the title block, the header, a heading, a
 * skipped row), or NULL. */
static const char *
row_class (PathwayImportPreview *self, guint row)
{
  guint header = pathway_sheet_get_header_row (self->sheet);

  if (row < header)
    return "import-above-header";
  if (row == header)
    return "import-header-row";
  switch (pathway_import_plan_get_row_outcome (self->plan, row))
    {
    case PATHWAY_IMPORT_ROW_HEADING:
      return "import-heading-row";
    case PATHWAY_IMPORT_ROW_SKIPPED:
      if (pathway_import_plan_get_row_skip_reason (self->plan, row) == NULL)
        return NULL;
      return !pathway_import_mapping_get_row_skipped (self->mapping, row) &&
                 row_has_error (self, row)
               ? "import-error-row"
               : "import-skipped-row";
    case PATHWAY_IMPORT_ROW_ADD:
    case PATHWAY_IMPORT_ROW_UPDATE:
    case PATHWAY_IMPORT_ROW_UNCHANGED:
    default:
      return NULL;
    }
}

static void
set_row_class (GtkWidget *widget, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_classes); i++)
    set_class (widget, row_classes[i], g_strcmp0 (row_classes[i], name) == 0);
}

/* What the import does with the row, in a word or a few. */
static char *
outcome_text (PathwayImportPreview *self, guint row)
{
  guint header = pathway_sheet_get_header_row (self->sheet);
  const char *reason;
  const char *reference;
  int reference_column;

  if (row < header)
    return g_strdup (_("Above the header"));
  if (row == header)
    return g_strdup (_("Header"));
  switch (pathway_import_plan_get_row_outcome (self->plan, row))
    {
    case PATHWAY_IMPORT_ROW_HEADING:
      return g_strdup (_("Section heading"));
    case PATHWAY_IMPORT_ROW_ADD:
      /* A reference made for the row ("Row 12") or marked as a second ("2.1 (2)"). */
      reference = pathway_import_plan_get_row_reference (self->plan, row);
      reference_column = pathway_import_mapping_get_column (
        self->mapping, pathway_import_mapping_get_target (self->mapping) ==
                           PATHWAY_IMPORT_TARGET_RISKS
                         ? PATHWAY_RISK_FIELD_REFERENCE
                         : PATHWAY_IMPORT_FIELD_REFERENCE);
      if (reference != NULL && reference_column >= 0 &&
          g_strcmp0 (reference, pathway_sheet_get_cell (self->sheet, row,
                                                        (guint) reference_column)) != 0)
        return g_strdup_printf (_("Add as %s"), reference);
      return g_strdup (_("Add"));
    case PATHWAY_IMPORT_ROW_UPDATE:
      return g_strdup (_("Update"));
    case PATHWAY_IMPORT_ROW_UNCHANGED:
      return g_strdup (_("Unchanged"));
    case PATHWAY_IMPORT_ROW_SKIPPED:
    default:
      if (pathway_import_mapping_get_row_skipped (self->mapping, row))
        return g_strdup (_("Skipped as asked"));
      if (row_has_error (self, row))
        return g_strdup (_("Has errors"));
      reason = pathway_import_plan_get_row_skip_reason (self->plan, row);
      /* TRANSLATORS: %s is why, as pathway_import_plan_get_row_skip_reason says it: "a colour
       * key", "a totals row" */
      return reason != NULL ? g_strdup_printf (_("Skipped: %s"), reason) : g_strdup ("");
    }
}

/* A cell of text: an inscription, and an icon for the problem on it. */
static GtkWidget *
text_cell_new (const char *css_class, float xalign)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_inscription_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_add_css_class (box, "import-cell");
  gtk_widget_add_css_class (box, css_class);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 1);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  return box;
}

static void
text_cell_show (GtkWidget *cell, const char *text, const PathwayImportProblem *problem,
                const char *tooltip)
{
  GtkWidget *inscription = gtk_widget_get_first_child (cell);
  GtkWidget *icon = gtk_widget_get_last_child (cell);
  g_autofree char *message = problem != NULL ? pathway_import_problem_to_string (problem) : NULL;
  gboolean error = problem != NULL && problem->severity == PATHWAY_IMPORT_ERROR;

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_visible (icon, problem != NULL);
  if (problem != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic"
                                                          : "dialog-warning-symbolic");
  set_class (cell, "error", problem != NULL && error);
  set_class (cell, "warning", problem != NULL && !error);
  if (message != NULL)
    gtk_widget_set_tooltip_text (cell, message);
  else if (tooltip != NULL && *tooltip != '\0')
    gtk_widget_set_tooltip_text (cell, tooltip);
  else
    gtk_widget_set_tooltip_text (cell, NULL);
}

static void
draw_skip (PathwayImportPreview *self, GtkWidget *check, guint row)
{
  guint number = pathway_sheet_get_row_number (self->sheet, row);
  gboolean skippable = row > pathway_sheet_get_header_row (self->sheet);
  g_autofree char *name = g_strdup_printf ("skip-row-%u", number);

  /* The title block and the header are not rows of the tracker: nothing to skip. Not
   * focusable either: a column view's cell gives the focus to its child even when hidden. */
  gtk_widget_set_visible (check, skippable);
  gtk_widget_set_focusable (check, skippable);
  gtk_widget_set_name (check, name);
  if (!skippable)
    return;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               pathway_import_mapping_get_row_skipped (self->mapping, row));
  {
    g_autofree char *holds = pathway_import_preview_describe_row (self->sheet, self->mapping,
                                                                  row);
    /* TRANSLATORS: the check that skips a row of the tracker; %u is its row number, %s what
     * it holds ("1.1, Publish the local offer") */
    g_autofree char *label = g_strdup_printf (_("Skip row %u: %s"), number, holds);

    gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
    gtk_widget_set_tooltip_text (check, label);
  }
}

static void
draw_sheet_cell (PathwayImportPreview *self, GtkWidget *cell, guint row, guint column)
{
  const char *text = pathway_sheet_get_cell (self->sheet, row, column);
  const PathwayImportProblem *problem =
    pathway_import_plan_get_cell_problem (self->plan, row, (int) column);
  PathwaySheetRange range;
  gboolean covered = pathway_sheet_cell_is_covered (self->sheet, row, column);
  const char *tooltip = text;
  g_autofree char *colour_text = NULL;

  if (covered && pathway_sheet_get_merged_range (self->sheet, row, column, &range))
    {
      /* Merged across the row, the spreadsheet shows one cell: its text once. Merged down
       * (a workstream written once beside its rows), each row reads it, so it is shown,
       * dimmed, on each. */
      if (range.first_row_number == pathway_sheet_get_row_number (self->sheet, row))
        text = tooltip = "";
      else
        tooltip = _("Merged with the cell above, so read as its text");
    }
  /* A rating read from the cell's colour: the word, and where it came from. */
  {
    PathwayRating rating = PATHWAY_RATING_NONE;
    gboolean from_fill = FALSE;

    if (*text == '\0' &&
        pathway_import_mapping_get_target (self->mapping) == PATHWAY_IMPORT_TARGET_TRACKER &&
        pathway_import_mapping_get_field (self->mapping, column) == PATHWAY_IMPORT_FIELD_RATING &&
        pathway_import_plan_get_cell_rating (self->plan, row, &rating, &from_fill) && from_fill &&
        rating != PATHWAY_RATING_NONE)
      {
        static const char *const words[] = {
          [PATHWAY_RATING_RED] = N_("Red"), [PATHWAY_RATING_AMBER] = N_("Amber"),
          [PATHWAY_RATING_GREEN] = N_("Green"), [PATHWAY_RATING_BLUE] = N_("Blue"),
        };

        /* TRANSLATORS: a rating read from a cell's fill colour, "Amber (from the cell's
         * colour)" */
        colour_text = g_strdup_printf (_("%s (from the cell’s colour)"), _(words[rating]));
        text = colour_text;
        tooltip = _("Read from the cell’s colour");
      }
  }
  text_cell_show (cell, text, problem, tooltip);
  set_class (cell, "import-merged", covered);
  /* Field 0 is Ignore for every kind of import. */
  set_class (cell, "import-ignored",
             pathway_import_mapping_get_field (self->mapping, column) == 0);
  set_class (cell, "import-hidden-column", pathway_sheet_column_is_hidden (self->sheet, column));
}

static void
draw (PathwayImportPreview *self, GtkListItem *item, const CellColumn *column)
{
  guint row = gtk_list_item_get_position (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (self->plan == NULL || row == GTK_INVALID_LIST_POSITION ||
      row >= pathway_sheet_get_n_rows (self->sheet))
    return;

  switch (column->kind)
    {
    case CELL_SKIP:
      draw_skip (self, child, row);
      return;
    case CELL_ROW:
      {
        g_autofree char *number = g_strdup_printf ("%u",
                                                   pathway_sheet_get_row_number (self->sheet,
                                                                                 row));

        /* Marked here too, so a problem in a column scrolled out of sight is seen. */
        text_cell_show (child, number, row_problem (self, row), NULL);
      }
      break;
    case CELL_OUTCOME:
      {
        g_autofree char *outcome = outcome_text (self, row);
        g_autofree char *name = g_strdup_printf ("outcome-row-%u",
                                                 pathway_sheet_get_row_number (self->sheet, row));

        /* A hidden row is read like the rest; a person may not know it is there. */
        if (pathway_sheet_row_is_hidden (self->sheet, row) && *outcome != '\0')
          {
            g_autofree char *plain = g_steal_pointer (&outcome);

            /* TRANSLATORS: what the import does with a row ("Add") of a row hidden in the
             * spreadsheet */
            outcome = g_strdup_printf (_("%s (hidden in the sheet)"), plain);
          }
        gtk_widget_set_name (child, name);
        text_cell_show (child, outcome, NULL, outcome);
      }
      break;
    case CELL_SHEET:
    default:
      draw_sheet_cell (self, child, row, column->column);
      break;
    }
  set_row_class (child, row_class (self, row));
}

/* Factories ----------------------------------------------------------------------------------- */

static void
skip_toggled_cb (GtkCheckButton *check, CellColumn *column)
{
  PathwayImportPreview *self = column->preview;
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "list-item");
  guint row = gtk_list_item_get_position (item);
  gboolean skip = gtk_check_button_get_active (check);

  /* Drawing a cell sets the check to what the mapping holds: nothing to do then. */
  if (self->mapping == NULL || row == GTK_INVALID_LIST_POSITION ||
      row <= pathway_sheet_get_header_row (self->sheet) ||
      pathway_import_mapping_get_row_skipped (self->mapping, row) == skip)
    return;
  pathway_import_mapping_set_row_skipped (self->mapping, row, skip);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CellColumn *column)
{
  GtkWidget *child;

  switch (column->kind)
    {
    case CELL_SKIP:
      child = gtk_check_button_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "import-skip");
      g_object_set_data (G_OBJECT (child), "list-item", item);
      g_signal_connect (child, "toggled", G_CALLBACK (skip_toggled_cb), column);
      break;
    case CELL_ROW:
      child = text_cell_new ("import-row-number", 1.0);
      break;
    case CELL_OUTCOME:
      child = text_cell_new ("import-outcome", 0.0);
      break;
    case CELL_SHEET:
    default:
      child = text_cell_new ("import-sheet-cell", 0.0);
      break;
    }
  gtk_list_item_set_child (item, child);
  /* Nothing happens on activating a row: the check is its one control. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CellColumn *column)
{
  g_hash_table_insert (column->preview->bound, item, column);
  draw (column->preview, item, column);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, CellColumn *column)
{
  g_hash_table_remove (column->preview->bound, item);
}

static GtkColumnViewColumn *
column_new (PathwayImportPreview *self, CellKind kind, guint sheet_column, const char *title,
            int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellColumn *column = g_new0 (CellColumn, 1);
  GtkColumnViewColumn *view_column;

  column->preview = self;
  column->kind = kind;
  column->column = sheet_column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), column,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, kind == CELL_SHEET || kind == CELL_OUTCOME);
  return view_column;
}

/* A risk register's: wide for a risk and what is done about it, narrow for a level. */
static int
risk_column_width (guint field)
{
  switch (field)
    {
    case PATHWAY_RISK_FIELD_TITLE:
    case PATHWAY_RISK_FIELD_DESCRIPTION:
    case PATHWAY_RISK_FIELD_RESPONSE:
      return 260;
    case PATHWAY_RISK_FIELD_REFERENCE:
    case PATHWAY_RISK_FIELD_KIND:
    case PATHWAY_RISK_FIELD_LIKELIHOOD:
    case PATHWAY_RISK_FIELD_IMPACT:
    case PATHWAY_RISK_FIELD_SCORE:
    case PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD:
    case PATHWAY_RISK_FIELD_RESIDUAL_IMPACT:
    case PATHWAY_RISK_FIELD_RESIDUAL_SCORE:
    case PATHWAY_RISK_FIELD_STATUS:
      return 110;
    default:
      return 150;
    }
}

/* Wide enough for a sentence where the text is long (an action, its commentary). */
static int
sheet_column_width (PathwayImportMapping *mapping, guint column)
{
  if (pathway_import_mapping_get_target (mapping) == PATHWAY_IMPORT_TARGET_RISKS)
    return risk_column_width (pathway_import_mapping_get_field (mapping, column));
  switch (pathway_import_mapping_get_field (mapping, column))
    {
    case PATHWAY_IMPORT_FIELD_DESCRIPTION:
    case PATHWAY_IMPORT_FIELD_COMMENTARY:
    case PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY:
    case PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE:
    case PATHWAY_IMPORT_FIELD_EVIDENCE:
      return 260;
    case PATHWAY_IMPORT_FIELD_REFERENCE:
    case PATHWAY_IMPORT_FIELD_RATING:
    case PATHWAY_IMPORT_FIELD_EARLIER_RATING:
      return 110;
    case PATHWAY_IMPORT_FIELD_NONE:
    case PATHWAY_IMPORT_FIELD_LEAD:
    case PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE:
    case PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE:
    case PATHWAY_IMPORT_FIELD_STATUS:
    case PATHWAY_IMPORT_FIELD_WORKSTREAM:
    case PATHWAY_IMPORT_FIELD_THEME:
    case PATHWAY_IMPORT_FIELD_AREA:
    default:
      return 150;
    }
}

static void
remove_columns (PathwayImportPreview *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  guint n;

  /* Their cells are about to go; none is drawn again. */
  g_hash_table_remove_all (self->bound);
  while ((n = g_list_model_get_n_items (columns)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, n - 1);

      gtk_column_view_remove_column (self->view, column);
    }
}

/* A new sheet: its rows and its columns. */
static void
show_sheet (PathwayImportPreview *self)
{
  guint n_rows = pathway_sheet_get_n_rows (self->sheet);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GtkAdjustment *adjustment;

  remove_columns (self);
  for (guint r = 0; r < n_rows; r++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", pathway_sheet_get_row_number (self->sheet, r));
      gtk_string_list_append (rows, number);
    }
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                           G_LIST_MODEL (g_steal_pointer (&rows)))));

  {
    g_autoptr(GtkColumnViewColumn) skip = column_new (self, CELL_SKIP, 0, _("Skip"), 48);
    g_autoptr(GtkColumnViewColumn) number = column_new (self, CELL_ROW, 0, _("Row"), 56);
    g_autoptr(GtkColumnViewColumn) outcome = column_new (self, CELL_OUTCOME, 0, _("Import"),
                                                         176);

    gtk_column_view_append_column (self->view, skip);
    gtk_column_view_append_column (self->view, number);
    gtk_column_view_append_column (self->view, outcome);
  }
  for (guint c = 0; c < pathway_sheet_get_n_columns (self->sheet); c++)
    {
      g_autofree char *letter = pathway_column_letter (c);
      const char *header = pathway_sheet_get_header (self->sheet, c);
      g_autofree char *title = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (pathway_sheet_column_is_hidden (self->sheet, c))
        /* TRANSLATORS: a column's title in the preview: its letter, its header, and that the
         * spreadsheet hides it ("D · RAG Q1 (hidden)") */
        title = g_strdup_printf (_("%s · %s (hidden)"), letter, header);
      else if (*header != '\0')
        title = g_strdup_printf ("%s · %s", letter, header);
      else
        title = g_strdup (letter);
      g_strdelimit (title, "\n\r\t", ' ');
      column = column_new (self, CELL_SHEET, c, title, sheet_column_width (self->mapping, c));
      gtk_column_view_append_column (self->view, column);
    }

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
}

void
pathway_import_preview_show (PathwayImportPreview *self, PathwayImportPlan *plan,
                             PathwayImportMapping *mapping)
{
  PathwaySheet *sheet;
  GHashTableIter iter;
  gpointer item, column;

  g_return_if_fail (PATHWAY_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (plan));
  g_return_if_fail (PATHWAY_IS_IMPORT_MAPPING (mapping));

  sheet = pathway_import_plan_get_sheet (plan);
  g_set_object (&self->plan, plan);
  g_set_object (&self->mapping, mapping);
  if (g_set_object (&self->sheet, sheet))
    {
      g_autofree char *label = NULL;

      show_sheet (self);
      /* TRANSLATORS: the accessible name of the preview's table; %s is the sheet's name or
       * the file's */
      label = g_strdup_printf (_("Rows of %s"), pathway_sheet_get_sheet_name (sheet) != NULL
                                                  ? pathway_sheet_get_sheet_name (sheet)
                                                  : pathway_sheet_get_display_name (sheet));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      return;
    }
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, &column))
    draw (self, item, column);
}

void
pathway_import_preview_clear (PathwayImportPreview *self)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_PREVIEW (self));

  remove_columns (self);
  gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->plan);
  g_clear_object (&self->mapping);
  g_clear_object (&self->sheet);
}

/* The widget ---------------------------------------------------------------------------------- */

static void
pathway_import_preview_dispose (GObject *object)
{
  PathwayImportPreview *self = PATHWAY_IMPORT_PREVIEW (object);

  if (self->view != NULL)
    remove_columns (self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->view = NULL;
  g_clear_object (&self->plan);
  g_clear_object (&self->mapping);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (pathway_import_preview_parent_class)->dispose (object);
}

static void
pathway_import_preview_finalize (GObject *object)
{
  PathwayImportPreview *self = PATHWAY_IMPORT_PREVIEW (object);

  g_hash_table_unref (self->bound);
  G_OBJECT_CLASS (pathway_import_preview_parent_class)->finalize (object);
}

static void
pathway_import_preview_class_init (PathwayImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_import_preview_dispose;
  object_class->finalize = pathway_import_preview_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importpreview");
}

static void
pathway_import_preview_init (PathwayImportPreview *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->view), "preview");
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "import-preview");
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
pathway_import_preview_new (void)
{
  return g_object_new (PATHWAY_TYPE_IMPORT_PREVIEW, NULL);
}
