/* test-import-dialog.c: the Import Tracker window on a real programme file (made in a
 * temporary folder), small CSV trackers and a workbook written by the test with libxlsxwriter
 * as a council keeps one: a Summary sheet first, then a sheet per workstream, each with a
 * title block above its header, a rating and an update column for each month, and on the
 * first a hidden column of last quarter's ratings, a section heading merged across the row and
 * a colour key under the table.
 *
 * It proves that the guessed mapping is shown column by column with each header as written
 * (markup characters and all); that a bad rating keeps Import insensitive, marks its cell in
 * the preview and lists the problem; that setting that column to Ignore clears the error and
 * enables Import; that Import adds the actions, and a later file's changes become updates
 * carrying "Imported from FILE"; that the sheet that looks like a tracker is chosen, each
 * sheet offered with what it holds, another or all the tracker sheets can be chosen, and all
 * of them import as one; that a hidden column is marked and left unmapped but can be chosen,
 * and month columns are shown with their month; that skipping a row from its check changes the
 * counts and what is imported, and keeps the focus on the check; that the day the tracker
 * stood on dates the import's changes; that every control can be reached with Tab; that an
 * .ods is read; and that a file that is not a tracker shows why and changes nothing. The
 * same window imports a risk register (its own fields for the columns, a residual score under
 * its merged group heading said so, no date, a bad level refused, one undo step). With
 * PATHWAY_SCREENSHOT_DIR set it saves the window with problems and the risk register at
 * 1280x800, and the workbook at 1024x768 and 1920x1080 (the latter when the screen is that
 * big), light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <xlsxwriter.h>

#include "pathway-import-dialog.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\""

#define BAD_CSV \
  "Ref,Action,Lead,Workstream,RAG,\"S<OT & \"\"SALT\"\"\"\n" \
  "1A i,Publish the local offer,Sam Patel,Local offer,Green,first\n" \
  "1A ii,Train staff in the graduated approach,Sam Patel,Local offer,Purple,second\n" \
  "2B i,Review the quality of EHC plans,Aisha Begum,EHC plans,Amber,third\n"

#define LATER_CSV \
  "Ref,Action,Lead,Workstream,RAG\n" \
  "1A i,Publish the local offer,Sam Patel,Local offer,Amber\n" \
  "3C i,Set up the parent carer forum,Aisha Begum,Co-production,Red\n"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwayImportDialog *dialog; /* weak */
} Fixture;

static char *
write_tracker (Fixture *f, const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;

  f->dir = g_dir_make_tmp ("pathway-import-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "area.pathway", NULL);
  document = pathway_document_create (f->path, "Northshire SEND", &error);
  g_assert_no_error (error);
  g_clear_object (&document);

  f->window = g_object_ref_sink (pathway_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static gboolean
window_gone (gpointer data)
{
  Fixture *f = data;

  return f->window == NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  Fixture *f = data;

  return f->dialog == NULL;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_assert_null (f->dialog);
  /* Gone, document and all, before its folder is. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  wait_for ("the window to be finalized", window_gone, f);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PathwayDocument *
document_of (Fixture *f)
{
  return pathway_window_get_document (f->window);
}

static void
open_dialog (Fixture *f, const char *tracker)
{
  g_autoptr(GError) error = NULL;

  f->dialog = pathway_import_dialog_new (document_of (f), tracker, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (f->dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->dialog));
  wait_for_drawn (f->dialog);
  {
    g_autoptr(GString) unnamed = g_string_new (NULL);

    /* Every control of the dialog has a name for a screen reader. */
    ui_test_collect_unnamed (GTK_WIDGET (f->dialog), unnamed);
    if (unnamed->len > 0)
      g_error ("without a name in the import dialog: %s", unnamed->str);
  }
}

static GtkWidget *
widget_named (Fixture *f, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->dialog), name);

  if (widget == NULL)
    g_error ("no widget named %s in the dialog", name);
  return widget;
}

/* A label below root whose text contains needle (or equals it, when exact). */
static GtkLabel *
find_label (GtkWidget *root, const char *needle, gboolean exact)
{
  if (GTK_IS_LABEL (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));

      if (exact ? g_strcmp0 (text, needle) == 0 : strstr (text, needle) != NULL)
        return GTK_LABEL (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, needle, exact);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
selected_field (Fixture *f, const char *letter)
{
  g_autofree char *name = g_strdup_printf ("field-%s", letter);

  return adw_combo_row_get_selected (ADW_COMBO_ROW (widget_named (f, name)));
}

static guint
count_actions (Fixture *f)
{
  GListModel *actions = pathway_programme_get_actions (
    pathway_document_get_programme (document_of (f)));

  return g_list_model_get_n_items (actions);
}

static PathwayAction *
action_called (Fixture *f, const char *reference)
{
  PathwayAction *action = pathway_programme_find_action_by_reference (
    pathway_document_get_programme (document_of (f)), reference);

  if (action == NULL)
    g_error ("no action %s", reference);
  return action;
}

static gboolean
has_update_noted (Fixture *f, PathwayAction *action, PathwayField field, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document_of (f), action,
                                                                 &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == field &&
          g_strcmp0 (pathway_action_update_get_note (update), note) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The preview cell of a kind (a sheet's cell, a row number) marked with css_class ("error")
 * whose tooltip mentions needle. */
static GtkWidget *
find_marked (GtkWidget *root, const char *cell_class, const char *css_class, const char *needle)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (gtk_widget_has_css_class (root, cell_class) &&
      gtk_widget_has_css_class (root, css_class) && tooltip != NULL &&
      strstr (tooltip, needle) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked (child, cell_class, css_class, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_marked_cell (GtkWidget *root, const char *css_class, const char *needle)
{
  return find_marked (root, "import-sheet-cell", css_class, needle);
}

/* The text of a preview cell. */
static const char *
cell_text (GtkWidget *cell)
{
  GtkWidget *inscription = find_of_type (cell, GTK_TYPE_INSCRIPTION, NULL);

  g_assert_nonnull (inscription);
  return gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
}

/* What the preview says the import does with the row Excel numbers 'number'. */
static const char *
outcome_of_row (Fixture *f, guint number)
{
  g_autofree char *name = g_strdup_printf ("outcome-row-%u", number);

  return cell_text (widget_named (f, name));
}

static void
assert_accessible_label (GtkWidget *widget, const char *expected)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (mismatch != NULL)
    g_error ("the accessible name of %s: %s", gtk_widget_get_name (widget), mismatch);
}

static const char *
summary_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (widget_named (f, "summary")));
}

/* A column's row in the list of columns. */
static AdwActionRow *
column_row (Fixture *f, const char *letter)
{
  g_autofree char *name = g_strdup_printf ("field-%s", letter);

  return ADW_ACTION_ROW (widget_named (f, name));
}

/* What a column's row says under its header ("" for nothing). */
static const char *
subtitle_of (Fixture *f, const char *letter)
{
  const char *subtitle = adw_action_row_get_subtitle (column_row (f, letter));

  return subtitle != NULL ? subtitle : "";
}

static gboolean
plan_has_no_errors (gpointer data)
{
  Fixture *f = data;

  return pathway_import_plan_get_n_errors (pathway_import_dialog_get_plan (f->dialog)) == 0;
}

static void
test_problems_then_import (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  g_autofree char *later = write_tracker (f, "later.csv", LATER_CSV, -1);
  PathwayImportPlan *plan;
  GtkWidget *import_button;
  GtkWidget *cell;
  GtkLabel *header;
  guint before = count_actions (f);

  open_dialog (f, bad);
  import_button = widget_named (f, "import-button");

  /* The guessed mapping, column by column; the sixth column's header as written. */
  g_assert_cmpuint (selected_field (f, "A"), ==, PATHWAY_IMPORT_FIELD_REFERENCE);
  g_assert_cmpuint (selected_field (f, "B"), ==, PATHWAY_IMPORT_FIELD_DESCRIPTION);
  g_assert_cmpuint (selected_field (f, "C"), ==, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "D"), ==, PATHWAY_IMPORT_FIELD_WORKSTREAM);
  g_assert_cmpuint (selected_field (f, "E"), ==, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "F"), ==, PATHWAY_IMPORT_FIELD_NONE);
  header = find_label (widget_named (f, "mapping"), TRICKY, TRUE);
  g_assert_nonnull (header);
  g_assert_false (gtk_label_get_use_markup (header));

  /* "Purple": an error, Import insensitive, its cell marked and the problem listed. */
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), >=, 1);
  g_assert_false (pathway_import_dialog_can_import (f->dialog));
  g_assert_false (gtk_widget_get_sensitive (import_button));
  cell = find_marked_cell (widget_named (f, "preview"), "error", "Purple");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Purple");
  g_assert_true (gtk_widget_get_visible (find_of_type (cell, GTK_TYPE_IMAGE, NULL)));
  /* Its row's number is marked too, for a column scrolled out of sight. */
  cell = find_marked (widget_named (f, "preview"), "import-row-number", "error", "Purple");
  g_assert_cmpstr (cell_text (cell), ==, "3");
  g_assert_nonnull (find_label (widget_named (f, "problems"), "Purple", FALSE));
  g_assert_nonnull (find_label (widget_named (f, "problems"), "Row 3, column E", FALSE));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "summary"))),
                            "1 error"));
  /* Import refuses while the error stands, and writes nothing. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pathway_import_dialog_import (f->dialog, &error));
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
    g_assert_nonnull (f->dialog);
    g_assert_cmpuint (count_actions (f), ==, before);
  }

  /* Ignoring the rating column clears the error and enables Import. */
  pathway_import_dialog_set_field (f->dialog, 4, PATHWAY_IMPORT_FIELD_NONE);
  wait_for ("the plan to be made again without errors", plan_has_no_errors, f);
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 3);
  g_assert_cmpuint (selected_field (f, "E"), ==, PATHWAY_IMPORT_FIELD_NONE);
  g_assert_true (pathway_import_dialog_can_import (f->dialog));
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_null (find_marked_cell (widget_named (f, "preview"), "error", "Purple"));
  g_assert_null (find_label (widget_named (f, "problems"), "Purple", FALSE));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "summary"))),
                            "3 actions to add · no problems"));

  /* Choosing a field for a second column takes it from the first. */
  pathway_import_dialog_set_field (f->dialog, 5, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "C"), ==, PATHWAY_IMPORT_FIELD_NONE);
  pathway_import_dialog_set_field (f->dialog, 2, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "F"), ==, PATHWAY_IMPORT_FIELD_NONE);

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (pathway_import_dialog_import (f->dialog, &error));
    g_assert_no_error (error);
  }
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 3);
  g_assert_cmpstr (pathway_action_get_description (action_called (f, "1A ii")), ==,
                   "Train staff in the graduated approach");
  g_assert_cmpint (pathway_action_get_rating (action_called (f, "1A i")), ==,
                   PATHWAY_RATING_NONE);

  /* A later tracker: 1A i re-rated (an update noted with the file), 3C i new. */
  open_dialog (f, later);
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  g_assert_true (pathway_import_dialog_import (f->dialog, NULL));
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 4);
  g_assert_cmpint (pathway_action_get_rating (action_called (f, "1A i")), ==,
                   PATHWAY_RATING_AMBER);
  g_assert_true (has_update_noted (f, action_called (f, "1A i"), PATHWAY_FIELD_RATING,
                                   "Imported from later.csv"));
}

/* The workbook ------------------------------------------------------------------------------ */

static const char *const summary_rows[] = {
  "Summary of progress", "Actions|5", "Red|1", NULL
};
/* From row 1; column D (last quarter's ratings) is hidden, rows 1 and 5 are merged across. */
static const char *const offer_rows[] = {
  "Written Statement of Action: Local offer",
  "Progress update July 2019",
  "",
  "Ref|Action|Lead|RAG Q1|RAG Jun 19|Update Jun 19|RAG Jul 19|Update Jul 19",
  "Area of weakness 1: The local offer is hard to find",
  "1.1|Publish the local offer|Sam Patel|G|A|Drafting|G|Published",
  "1.2|Train staff in the graduated approach|Sam Patel|R|R|Not begun|A|Booked",
  "1.3|Hold termly surgeries|Jo Lee|A|A|Planned|A|First one held",
  "",
  "Key|Red = off track",
  NULL
};
static const char *const plans_rows[] = {
  "Workstream 2: EHC plans",
  "",
  "Ref|Action|Lead|RAG Jun 19|Update Jun 19|RAG Jul 19|Update Jul 19",
  "2.1|Review the quality of EHC plans|Aisha Begum|R|Started|A|Audit begun",
  "2.2|Cut waiting times for assessments|Aisha Begum|A|Recruiting|G|Two recruited",
  NULL
};

static void
write_rows (lxw_worksheet *sheet, const char *const *rows)
{
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "|", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        if (*cells[c] != '\0')
          g_assert_cmpint (worksheet_write_string (sheet, r, c, cells[c], NULL), ==,
                           LXW_NO_ERROR);
    }
}

static char *
write_workbook (Fixture *f)
{
  char *path = g_build_filename (f->dir, "tracker.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *summary, *offer, *plans;
  lxw_row_col_options hidden = { .hidden = 1 };

  g_assert_nonnull (book);
  summary = workbook_add_worksheet (book, "Summary");
  offer = workbook_add_worksheet (book, "Local offer");
  plans = workbook_add_worksheet (book, "EHC plans");
  write_rows (summary, summary_rows);
  write_rows (offer, offer_rows);
  write_rows (plans, plans_rows);
  g_assert_cmpint (worksheet_merge_range (offer, 0, 0, 0, 7, offer_rows[0], NULL), ==,
                   LXW_NO_ERROR);
  g_assert_cmpint (worksheet_merge_range (offer, 4, 0, 4, 7, offer_rows[4], NULL), ==,
                   LXW_NO_ERROR);
  g_assert_cmpint (worksheet_set_column_opt (offer, 3, 3, LXW_DEF_COL_WIDTH, NULL, &hidden), ==,
                   LXW_NO_ERROR);
  g_assert_cmpint (worksheet_set_column (offer, 1, 1, 40, NULL), ==, LXW_NO_ERROR);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static GtkWidget *
check_named (Fixture *f, const char *name)
{
  GtkWidget *check = widget_named (f, name);

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  return check;
}

static const char *
plan_sheet_name (PathwayImportPlan *plan)
{
  return pathway_sheet_get_sheet_name (pathway_import_plan_get_sheet (plan));
}

/* The Summary is passed over for the sheet that looks like a tracker with the most rows; each
 * sheet says what it holds; another sheet, or all the tracker sheets, can be chosen, and all of
 * them are planned and imported as one. */
static void
test_sheets (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_workbook (f);
  GtkWidget *sheets, *shown;
  GPtrArray *plans;
  PathwayWorkstream *workstream;
  guint before = count_actions (f);

  open_dialog (f, path);
  sheets = widget_named (f, "sheets");
  g_assert_true (gtk_widget_get_visible (sheets));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_named (f, "sheet-1"))));
  plans = pathway_import_dialog_get_plans (f->dialog);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (plan_sheet_name (g_ptr_array_index (plans, 0)), ==, "Local offer");
  g_assert_nonnull (find_label (sheets, "Not a tracker: no reference or action column", TRUE));
  g_assert_nonnull (find_label (sheets, "Tracker, 5 rows", TRUE));
  assert_accessible_label (check_named (f, "sheet-0"),
                           "Summary: Not a tracker: no reference or action column");
  assert_accessible_label (check_named (f, "sheet-1"), "Local offer: Tracker, 5 rows");
  assert_accessible_label (check_named (f, "sheet-2"), "EHC plans: Tracker, 2 rows");
  assert_accessible_label (check_named (f, "sheet-all"),
                           "All tracker sheets: Local offer, EHC plans, as one import");
  g_assert_cmpstr (summary_text (f), ==, "3 actions to add, 1 row skipped · no problems");
  g_assert_false (gtk_widget_get_visible (widget_named (f, "sheet-shown")));

  /* Another sheet, chosen by hand. */
  gtk_widget_activate (check_named (f, "sheet-2"));
  plans = pathway_import_dialog_get_plans (f->dialog);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (plan_sheet_name (g_ptr_array_index (plans, 0)), ==, "EHC plans");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_named (f, "sheet-1"))));
  g_assert_cmpstr (summary_text (f), ==, "2 actions to add · no problems");
  g_assert_cmpuint (selected_field (f, "A"), ==, PATHWAY_IMPORT_FIELD_REFERENCE);
  wait_for_drawn (f->dialog);
  g_assert_cmpstr (outcome_of_row (f, 4), ==, "Add");

  /* All the tracker sheets: one plan each, counted together; the columns and rows shown are
   * one sheet's, chosen in "Sheet shown". */
  gtk_widget_activate (check_named (f, "sheet-all"));
  plans = pathway_import_dialog_get_plans (f->dialog);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpstr (plan_sheet_name (g_ptr_array_index (plans, 0)), ==, "Local offer");
  g_assert_cmpstr (plan_sheet_name (g_ptr_array_index (plans, 1)), ==, "EHC plans");
  g_assert_cmpstr (summary_text (f), ==, "5 actions to add, 1 row skipped · no problems");
  shown = widget_named (f, "sheet-shown");
  g_assert_true (gtk_widget_get_visible (shown));
  assert_accessible_label (shown, "Sheet shown: Local offer");
  g_assert_cmpuint (selected_field (f, "H"), ==, PATHWAY_IMPORT_FIELD_COMMENTARY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (shown), 1);
  assert_accessible_label (shown, "Sheet shown: EHC plans");
  g_assert_null (find_named (GTK_WIDGET (f->dialog), "field-H"));
  g_assert_cmpuint (selected_field (f, "G"), ==, PATHWAY_IMPORT_FIELD_COMMENTARY);
  g_assert_true (pathway_import_dialog_get_plan (f->dialog) == g_ptr_array_index (plans, 1));
  wait_for_drawn (f->dialog);
  g_assert_cmpstr (outcome_of_row (f, 5), ==, "Add");

  g_assert_true (pathway_import_dialog_import (f->dialog, NULL));
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 5);
  /* A sheet without a workstream column: the workstream its title block names, or its name. */
  workstream = pathway_action_get_workstream (action_called (f, "2.1"));
  g_assert_nonnull (workstream);
  g_assert_cmpstr (pathway_workstream_get_title (workstream), ==, "EHC plans");
  workstream = pathway_action_get_workstream (action_called (f, "1.1"));
  g_assert_nonnull (workstream);
  g_assert_cmpstr (pathway_workstream_get_title (workstream), ==, "Local offer");
  g_assert_cmpint (pathway_action_get_rating (action_called (f, "2.2")), ==,
                   PATHWAY_RATING_GREEN);
}

/* The columns as the sheet has them: the hidden one marked and not guessed, but still there to
 * choose; the months of month columns; the header found under the title block. And the rows:
 * the title block, the header, a merged section heading and a colour key, each said so. */
static void
test_columns_and_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_workbook (f);
  GListModel *columns;

  open_dialog (f, path);
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (widget_named (f, "mapping"))), ==,
                   "Headers read from row 4; the rows above it are not imported.");

  /* The hidden column: marked, ignored, named so. */
  g_assert_cmpuint (selected_field (f, "D"), ==, PATHWAY_IMPORT_FIELD_NONE);
  g_assert_cmpstr (subtitle_of (f, "D"), ==, "Hidden in the sheet");
  assert_accessible_label (widget_named (f, "field-D"),
                           "Column D, “RAG Q1”, hidden in the sheet: Ignore");

  /* The months: the latest is current, the earlier one history. */
  g_assert_cmpuint (selected_field (f, "E"), ==, PATHWAY_IMPORT_FIELD_EARLIER_RATING);
  g_assert_cmpuint (selected_field (f, "F"), ==, PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY);
  g_assert_cmpuint (selected_field (f, "G"), ==, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "H"), ==, PATHWAY_IMPORT_FIELD_COMMENTARY);
  g_assert_cmpstr (subtitle_of (f, "E"), ==,
                   "Rating, June 2019 (history)");
  g_assert_cmpstr (subtitle_of (f, "F"), ==,
                   "Commentary, June 2019 (history)");
  g_assert_cmpstr (subtitle_of (f, "G"), ==,
                   "Rating, July 2019 (current)");
  assert_accessible_label (widget_named (f, "field-E"),
                           "Column E, “RAG Jun 19”: Rating, June 2019 (history)");
  assert_accessible_label (widget_named (f, "field-B"), "Column B, “Action”: Description");
  g_assert_cmpstr (subtitle_of (f, "B"), ==, "");

  /* The preview marks the hidden column too. */
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget_named (f, "preview")));
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 3 + 3);

    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "D · RAG Q1 (hidden)");
  }

  /* A person may still choose the hidden column: it takes the rating from G. */
  pathway_import_dialog_set_field (f->dialog, 3, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "D"), ==, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "G"), ==, PATHWAY_IMPORT_FIELD_NONE);
  assert_accessible_label (widget_named (f, "field-D"),
                           "Column D, “RAG Q1”, hidden in the sheet: Rating");
  g_assert_cmpstr (subtitle_of (f, "G"), ==, "");
  pathway_import_dialog_set_field (f->dialog, 6, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "D"), ==, PATHWAY_IMPORT_FIELD_NONE);

  /* Every row, with what the import does with it. */
  wait_for_drawn (f->dialog);
  g_assert_cmpstr (outcome_of_row (f, 1), ==, "Above the header");
  g_assert_cmpstr (outcome_of_row (f, 2), ==, "Above the header");
  g_assert_cmpstr (outcome_of_row (f, 4), ==, "Header");
  g_assert_cmpstr (outcome_of_row (f, 5), ==, "Section heading");
  g_assert_cmpstr (outcome_of_row (f, 6), ==, "Add");
  g_assert_cmpstr (outcome_of_row (f, 10), ==, "Skipped: a colour key");
  g_assert_nonnull (find_label (widget_named (f, "skipped"), "Row 10: a colour key", TRUE));
  g_assert_false (gtk_widget_get_visible (widget_named (f, "skip-row-4")));
  assert_accessible_label (widget_named (f, "skip-row-5"),
                           "Skip row 5: Area of weakness 1: The local offer is hard to find");
  assert_accessible_label (widget_named (f, "skip-row-7"),
                           "Skip row 7: 1.2, Train staff in the graduated approach");
}

static gboolean
plan_has_errors (gpointer data)
{
  Fixture *f = data;

  return pathway_import_plan_get_n_errors (pathway_import_dialog_get_plan (f->dialog)) > 0;
}

/* A row skipped from its check, from the keyboard: it drops out of the counts and of what is
 * imported, its error with it, and the focus stays on the check. */
static void
test_skip_row (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  GtkWidget *check;
  guint before = count_actions (f);

  open_dialog (f, bad);
  g_assert_cmpstr (summary_text (f), ==, "2 actions to add · 1 error, 0 warnings");
  g_assert_cmpstr (outcome_of_row (f, 3), ==, "Has errors");
  g_assert_false (gtk_widget_get_visible (widget_named (f, "skipped")));
  g_assert_false (pathway_import_dialog_can_import (f->dialog));
  check = widget_named (f, "skip-row-3");
  assert_accessible_label (check, "Skip row 3: 1A ii, Train staff in the graduated approach");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  g_assert_true (gtk_widget_grab_focus (check));
  gtk_widget_activate (check);
  wait_for ("the plan to be made again without errors", plan_has_no_errors, f);
  g_assert_true (pathway_import_mapping_get_row_skipped (
    pathway_import_dialog_get_mapping (f->dialog), 2));
  g_assert_cmpstr (summary_text (f), ==, "2 actions to add, 1 row skipped · no problems");
  g_assert_true (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->dialog)) == check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (outcome_of_row (f, 3), ==, "Skipped as asked");
  g_assert_nonnull (find_label (widget_named (f, "skipped"), "Row 3: skipped as asked", TRUE));
  g_assert_null (find_marked_cell (widget_named (f, "preview"), "error", "Purple"));

  /* And back. */
  gtk_widget_activate (check);
  wait_for ("the plan to be made again with the error", plan_has_errors, f);
  g_assert_cmpstr (outcome_of_row (f, 3), ==, "Has errors");
  gtk_widget_activate (check);
  wait_for ("the plan to be made again without errors", plan_has_no_errors, f);

  g_assert_true (pathway_import_dialog_import (f->dialog, NULL));
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 2);
  g_assert_null (pathway_programme_find_action_by_reference (
    pathway_document_get_programme (document_of (f)), "1A ii"));
  g_assert_nonnull (pathway_programme_find_action_by_reference (
    pathway_document_get_programme (document_of (f)), "2B i"));
}

static guint
count_states (Fixture *f, int year, int month, int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = pathway_document_states_as_at (document_of (f), date, &error);

  g_assert_no_error (error);
  return states->len;
}

static void
type_as_at (Fixture *f, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget_named (f, "as-at")), text);
}

/* "This tracker is as it stood on": a day in any of the app's forms; a day that is not one, or
 * is after today, is refused with nothing written; a day dates the import's changes; the same
 * tracker again as at the same day changes nothing. */
static void
test_as_at (Fixture *f, gconstpointer data)
{
  g_autofree char *later = write_tracker (f, "later.csv", LATER_CSV, -1);
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  static const char *const forms[] = { "30/11/2025", "2025-11-30", "30 Nov 2025" };

  open_dialog (f, later);
  row = widget_named (f, "as-at");
  assert_accessible_label (row, "This tracker is as it stood on");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "As it stood on");
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      type_as_at (f, forms[i]);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (row, "day-meaning"))), ==,
                       "Sunday 30 November 2025");
    }
  assert_accessible_label (row, "This tracker is as it stood on: 30 Nov 2025");

  type_as_at (f, "31/11/2025");
  g_assert_false (pathway_import_dialog_import (f->dialog, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (f->dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (row, "day-meaning"))), ==,
                   "Not a date");

  type_as_at (f, "1 January 2099");
  g_assert_false (pathway_import_dialog_import (f->dialog, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (widget_named (f, "as-at-problem")));
  g_assert_cmpuint (count_actions (f), ==, 0);
  type_as_at (f, "30/11/2025");
  g_assert_false (gtk_widget_get_visible (widget_named (f, "as-at-problem")));

  g_assert_cmpuint (count_states (f, 2025, 11, 30), ==, 0);
  g_assert_true (pathway_import_dialog_import (f->dialog, &error));
  g_assert_no_error (error);
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, 2);
  g_assert_cmpuint (count_states (f, 2025, 11, 29), ==, 0);
  g_assert_cmpuint (count_states (f, 2025, 11, 30), ==, 2);
  g_assert_cmpuint (count_states (f, 2026, 1, 1), ==, 2);

  /* The same tracker again, as at the same day: compared with the programme as it stood
   * then, nothing changes, and it imports without a word about the date. */
  open_dialog (f, later);
  type_as_at (f, "30/11/2025");
  g_assert_false (gtk_widget_get_visible (widget_named (f, "as-at-problem")));
  g_assert_true (pathway_import_dialog_import (f->dialog, &error));
  g_assert_no_error (error);
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, 2);
  g_assert_cmpuint (count_states (f, 2025, 11, 29), ==, 0);
  g_assert_cmpuint (count_states (f, 2025, 11, 30), ==, 2);
}

/* Tab from the top of the window reaches every kind of control: the sheets (a check, or its
 * row, which Enter and Space choose), the date, the columns' fields, the rows' checks (but not
 * the hidden ones of the rows above the header) and Import. */
static void
test_keyboard (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_workbook (f);
  static const char *const wanted[] = { "sheet-1", "sheet-all", "as-at", "field-A", "field-H",
                                        "skip-row-6", "skip-row-10", "import-button" };
  gboolean reached[G_N_ELEMENTS (wanted)] = { FALSE };

  open_dialog (f, path);
  gtk_widget_grab_focus (widget_named (f, "sheet-0"));
  for (guint step = 0; step < 300; step++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (f->dialog), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (f->dialog));
      if (GTK_IS_CHECK_BUTTON (focus))
        g_assert_true (gtk_widget_get_visible (focus));
      for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (wanted); i++)
        {
          GtkWidget *target = widget_named (f, wanted[i]);

          /* The control, or the row it is the activatable widget of (Enter works it). */
          reached[i] |= focus == target || gtk_widget_is_ancestor (focus, target) ||
                        (ADW_IS_ACTION_ROW (focus) &&
                         adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) == target);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!reached[i])
      g_error ("Tab never reached %s", wanted[i]);
}

/* LibreOffice's own file: its tracker sheet chosen over the Summary before it. */
static void
test_ods (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("PATHWAY_EXCHANGE_FIXTURES"), "tracker.ods",
                                            NULL);
  PathwayImportPlan *plan;

  open_dialog (f, path);
  g_assert_null (pathway_import_dialog_get_read_error (f->dialog));
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_nonnull (plan);
  g_assert_true (pathway_sheet_get_format (pathway_import_plan_get_sheet (plan)) ==
                 PATHWAY_SHEET_FORMAT_ODS);
  g_assert_cmpstr (plan_sheet_name (plan), ==, "Tracker");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_named (f, "sheet-1"))));
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), >, 0);
}

/* How many preview cells say they read their rating from the cell's colour. */
static guint
count_colour_cells (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) != NULL &&
      strstr (gtk_inscription_get_text (GTK_INSCRIPTION (root)), "from the cell’s colour"))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_colour_cells (child);
  return n;
}

/* A tracker whose ratings are only fill colours: the preview shows the rating read from each
 * such cell, and says where it came from. */
static void
test_colour_ratings (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("PATHWAY_EXCHANGE_FIXTURES"), "fills.xlsx",
                                            NULL);
  PathwayImportPlan *plan;

  open_dialog (f, path);
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (pathway_import_plan_get_n_colour_ratings (plan), >, 0);
  wait_for_drawn (f->dialog);
  g_assert_cmpuint (count_colour_cells (GTK_WIDGET (f->dialog)), >, 0);
}

static void
test_unreadable (Fixture *f, gconstpointer data)
{
  static const char not_a_tracker[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0binary";
  g_autofree char *path = write_tracker (f, "old.xls", not_a_tracker,
                                         sizeof not_a_tracker - 1);
  const GError *read_error;
  guint before = count_actions (f);
  GtkWidget *page;

  open_dialog (f, path);
  read_error = pathway_import_dialog_get_read_error (f->dialog);
  g_assert_nonnull (read_error);
  g_assert_nonnull (strstr (read_error->message, "old.xls"));
  g_assert_null (pathway_import_dialog_get_plan (f->dialog));
  g_assert_false (pathway_import_dialog_can_import (f->dialog));
  g_assert_false (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  page = widget_named (f, "read-error");
  g_assert_true (gtk_widget_is_drawable (page));
  {
    g_autofree char *escaped = g_markup_escape_text (read_error->message, -1);

    g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, escaped);
  }
  g_assert_false (pathway_import_dialog_import (f->dialog, NULL));
  g_assert_cmpuint (count_actions (f), ==, before);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) copy = pathway_document_open_copy (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (pathway_document_get_read_only (copy));
  g_assert_null (pathway_import_dialog_new (copy, bad, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
}

/* Risk registers ------------------------------------------------------------------------- */

/* The programme's actions, people and workstreams a register links to, from a tracker. */
static void
add_tracker (Fixture *f)
{
  static const char text[] =
    "Ref,Action,Lead,Workstream,RAG\n"
    "1A i,Publish the local offer,Beth Kowalski,A – Local offer,Green\n"
    "1B i,Train staff in the graduated approach,Ann Lee,B – Training,Amber\n"
    "2A i,Cut the wait for an assessment,Sam Patel,C – Health,Red\n";
  g_autofree char *path = write_tracker (f, "programme-tracker.csv", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read (path, NULL, &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;

  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, document_of (f), NULL);
  g_assert_true (pathway_import_apply (plan, document_of (f), &error));
  g_assert_no_error (error);
}

static void
open_risk_dialog (Fixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;

  f->dialog = pathway_import_dialog_new_for (document_of (f), path, PATHWAY_IMPORT_TARGET_RISKS,
                                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (f->dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->dialog));
  wait_for_drawn (f->dialog);
}

static guint
count_risks (Fixture *f)
{
  return g_list_model_get_n_items (
    pathway_programme_get_risks (pathway_document_get_programme (document_of (f))));
}

static gboolean
has_risk (Fixture *f, const char *reference)
{
  return pathway_programme_find_risk_by_reference (
           pathway_document_get_programme (document_of (f)), reference) != NULL;
}

#define RISKS_BAD_CSV \
  "Ref,Risk,Likelihood,Impact\n" \
  "R01,Assessment backlog grows,7,4\n" \
  "R05,Transport contract ends,2,3\n"

/* A risk register through the same window: its sheet chosen over a scoring matrix, its
 * columns offered a risk's fields (the residual scores under their merged group heading, so
 * said), no date, the counts in risks; a likelihood of 7 marked and refused until its column
 * is ignored; each import one undo step. */
static void
test_risk_register (Fixture *f, gconstpointer data)
{
  g_autofree char *workbook = g_build_filename (g_getenv ("PATHWAY_EXCHANGE_FIXTURES"),
                                                "risk-register.xlsx", NULL);
  g_autofree char *bad = write_tracker (f, "register.csv", RISKS_BAD_CSV, -1);
  PathwayImportPlan *plan;
  GtkWidget *cell;
  g_autoptr(GError) error = NULL;

  add_tracker (f);
  open_risk_dialog (f, workbook);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->dialog)), ==, "Import Risk Register");
  g_assert_false (gtk_widget_is_visible (widget_named (f, "as-at")));
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_cmpint (pathway_import_plan_get_target (plan), ==, PATHWAY_IMPORT_TARGET_RISKS);
  g_assert_cmpstr (plan_sheet_name (plan), ==, "Risk register");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_named (f, "sheet-1"))));
  assert_accessible_label (check_named (f, "sheet-0"),
                           "Scoring: Not a risk register: no reference or risk column");
  assert_accessible_label (check_named (f, "sheet-1"), "Risk register: Risk register, 5 rows");
  g_assert_nonnull (find_named (GTK_WIDGET (f->dialog), "sheet-all"));

  /* A risk's fields, the residual ones under their group heading. */
  g_assert_cmpuint (selected_field (f, "A"), ==, PATHWAY_RISK_FIELD_REFERENCE);
  g_assert_cmpuint (selected_field (f, "G"), ==, PATHWAY_RISK_FIELD_LIKELIHOOD);
  g_assert_cmpuint (selected_field (f, "J"), ==, PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD);
  g_assert_cmpuint (selected_field (f, "R"), ==, PATHWAY_RISK_FIELD_NONE);
  g_assert_cmpstr (subtitle_of (f, "J"), ==, "Under “Residual risk”");
  g_assert_cmpstr (subtitle_of (f, "G"), ==, "Under “Inherent risk”");
  g_assert_cmpstr (subtitle_of (f, "A"), ==, "");
  assert_accessible_label (GTK_WIDGET (column_row (f, "J")), "Column J, “L”: Residual likelihood");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                      ADW_COMBO_ROW (column_row (f, "J")))),
                    ==, PATHWAY_RISK_N_FIELDS);

  g_assert_cmpstr (summary_text (f), ==, "4 risks to add, 1 row skipped · 0 errors, 1 warning");
  g_assert_cmpstr (outcome_of_row (f, 6), ==, "Add");
  g_assert_cmpstr (outcome_of_row (f, 11), ==, "Skipped: a key under the table");
  g_assert_nonnull (find_label (widget_named (f, "problems"), "no action “9Z”", FALSE));
  g_assert_true (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  g_assert_true (pathway_import_dialog_import (f->dialog, &error));
  g_assert_no_error (error);
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_risks (f), ==, 4);
  g_assert_cmpstr (pathway_document_get_undo_label (document_of (f)), ==,
                   "Import risk-register.xlsx");

  /* A likelihood of 7: marked, listed, and Import refused until the column is ignored. */
  open_risk_dialog (f, bad);
  g_assert_false (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  cell = find_marked_cell (widget_named (f, "preview"), "error", "A likelihood of 7");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "7");
  g_assert_nonnull (find_label (widget_named (f, "problems"),
                                "Row 2, column C (Likelihood), “7”: A likelihood of 7 is not a "
                                "level from 1 to 5.",
                                FALSE));
  g_assert_false (pathway_import_dialog_import (f->dialog, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
  g_clear_error (&error);
  g_assert_cmpuint (count_risks (f), ==, 4);

  pathway_import_dialog_set_field (f->dialog, 2, PATHWAY_RISK_FIELD_NONE);
  wait_for ("the plan to be made again without errors", plan_has_no_errors, f);
  g_assert_cmpstr (summary_text (f), ==, "1 risk to add, 1 unchanged · no problems");
  g_assert_cmpstr (outcome_of_row (f, 2), ==, "Unchanged");
  g_assert_true (pathway_import_dialog_import (f->dialog, &error));
  g_assert_no_error (error);
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_true (has_risk (f, "R05"));
  g_assert_cmpint (pathway_risk_get_likelihood (pathway_programme_find_risk_by_reference (
                     pathway_document_get_programme (document_of (f)), "R01")),
                   ==, 4);

  /* One undo takes that import back whole, and only it. */
  g_assert_true (pathway_document_undo (document_of (f), &error));
  g_assert_no_error (error);
  g_assert_false (has_risk (f, "R05"));
  g_assert_cmpuint (count_risks (f), ==, 4);
}

/* Saves the dialog at a size, when the screen is that big (a window larger than the screen
 * is not given its size). */
static void
save_sized (Fixture *f, const char *folder, const char *what, int width, int height,
            gboolean dark)
{
  g_autofree char *name = g_strdup_printf ("import-dialog-%s-%dx%d-%s.png", what, width, height,
                                           dark ? "dark" : "light");
  g_autofree char *png = g_build_filename (folder, name, NULL);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->dialog));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s: the screen is %dx%d", name, screen.width, screen.height);
      return;
    }
  gtk_widget_hide (GTK_WIDGET (f->dialog));
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), width, height);
  gtk_window_present (GTK_WINDOW (f->dialog));
  wait_for_window_size (f->dialog, width, height);
  save_png (f->dialog, png);
  g_test_message ("saved %s", png);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *bad = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *register_path = g_build_filename (g_getenv ("PATHWAY_EXCHANGE_FIXTURES"),
                                                     "risk-register.xlsx", NULL);
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  workbook = write_workbook (f);
  add_tracker (f);
  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      open_dialog (f, bad);
      type_as_at (f, "30/11/2025");
      save_sized (f, folder, "problems", 1280, 800, dark);
      destroy_window (f->dialog);

      /* The workbook: its tracker sheet and a row skipped by hand; then all its tracker
       * sheets. */
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          open_dialog (f, workbook);
          gtk_widget_activate (widget_named (f, "skip-row-8"));
          save_sized (f, folder, "workbook", sizes[i][0], sizes[i][1], dark);
          gtk_widget_activate (widget_named (f, "sheet-all"));
          save_sized (f, folder, "all-sheets", sizes[i][0], sizes[i][1], dark);
          destroy_window (f->dialog);
        }

      /* A risk register with its header of two rows. */
      open_risk_dialog (f, register_path);
      save_sized (f, folder, "risk-register", 1280, 800, dark);
      /* Its residual scores' columns, under their group heading. */
      {
        g_autofree char *name = g_strdup_printf ("import-dialog-risk-register-residual-"
                                                 "1280x800-%s.png",
                                                 dark ? "dark" : "light");
        g_autofree char *png = g_build_filename (folder, name, NULL);

        gtk_widget_grab_focus (GTK_WIDGET (column_row (f, "L")));
        wait_for_drawn (f->dialog);
        save_png (f->dialog, png);
      }
      destroy_window (f->dialog);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-dialog/problems-then-import", Fixture, NULL, fixture_set_up,
              test_problems_then_import, fixture_tear_down);
  g_test_add ("/import-dialog/unreadable", Fixture, NULL, fixture_set_up, test_unreadable,
              fixture_tear_down);
  g_test_add ("/import-dialog/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/import-dialog/sheets", Fixture, NULL, fixture_set_up, test_sheets,
              fixture_tear_down);
  g_test_add ("/import-dialog/columns-and-rows", Fixture, NULL, fixture_set_up,
              test_columns_and_rows, fixture_tear_down);
  g_test_add ("/import-dialog/skip-row", Fixture, NULL, fixture_set_up, test_skip_row,
              fixture_tear_down);
  g_test_add ("/import-dialog/as-at", Fixture, NULL, fixture_set_up, test_as_at,
              fixture_tear_down);
  g_test_add ("/import-dialog/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/import-dialog/colour-ratings", Fixture, NULL, fixture_set_up,
              test_colour_ratings, fixture_tear_down);
  g_test_add ("/import-dialog/ods", Fixture, NULL, fixture_set_up, test_ods,
              fixture_tear_down);
  g_test_add ("/import-dialog/risk-register", Fixture, NULL, fixture_set_up,
              test_risk_register, fixture_tear_down);
  g_test_add ("/import-dialog/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
