/* test-import-colours.c: ratings shown by a cell's colour, each behaviour with a tracker of its
 * own, checked by what lands in the programme: cells with no text read by the nearest of the
 * colours ratings are shown in (Excel's, Pathway's, theme colours with a tint resolved through
 * the workbook's theme); a white fill is no rating and a grey or purple one an error naming the
 * cell; the sheet's own colour key read before those colours; text and colour that disagree
 * (the text wins, with a warning); a column of colours alone guessed as the rating, earlier
 * months' colours as history; and what the preview is told for each row. Workbooks written by
 * libxlsxwriter (fills given as {RRGGBB}), and fixtures/fills.xlsx. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"

/* A programme in a folder of its own (exchange-test-support.h). */
typedef ExchangeFixture Fixture;

/* Writes a one-sheet workbook of these rows and reads its tracker sheet. */
static PathwaySheet *
workbook_sheet (Fixture *fixture, const char *name, const char *const *rows)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  const ExchangeTestSheet sheets[] = { { "Tracker", rows } };
  g_autoptr(GError) error = NULL;
  PathwaySheet *sheet;

  exchange_test_write_workbook (path, sheets, G_N_ELEMENTS (sheets));
  sheet = pathway_import_read_tracker (path, &error);
  g_assert_no_error (error);
  return sheet;
}

static PathwayImportPlan *
plan_sheet (Fixture *fixture, PathwaySheet *sheet)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);

  return pathway_import_plan (sheet, mapping, fixture->document, NULL);
}

static void
assert_no_errors (PathwayImportPlan *plan)
{
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);
      g_autofree char *text = pathway_import_problem_to_string (problem);

      if (problem->severity == PATHWAY_IMPORT_ERROR)
        g_error ("unexpected error: %s", text);
    }
}

static void
apply_plan (Fixture *fixture, PathwayImportPlan *plan)
{
  g_autoptr(GError) error = NULL;

  assert_no_errors (plan);
  g_assert_true (pathway_import_apply (plan, fixture->document, &error));
  g_assert_no_error (error);
}

static PathwayAction *
find (Fixture *fixture, const char *reference)
{
  PathwayAction *action = exchange_test_find_action (fixture->document, reference);

  if (action == NULL)
    g_error ("no action %s", reference);
  return action;
}

/* The problem on the cell at the row the spreadsheet shows, or NULL. */
static const PathwayImportProblem *
problem_at (PathwayImportPlan *plan, guint row_number, int column)
{
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);

      if (problem->row_number == row_number && problem->column == column)
        return problem;
    }
  return NULL;
}

/* The sheet row index of the row the spreadsheet shows as row_number. */
static guint
row_index (PathwaySheet *sheet, guint row_number)
{
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    if (pathway_sheet_get_row_number (sheet, r) == row_number)
      return r;
  g_error ("no row %u", row_number);
}

static void
assert_cell_rating (PathwayImportPlan *plan, guint row_number, PathwayRating expected,
                    gboolean expected_from_fill)
{
  PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
  PathwayRating rating = PATHWAY_RATING_NONE;
  gboolean from_fill = !expected_from_fill;

  if (!pathway_import_plan_get_cell_rating (plan, row_index (sheet, row_number), &rating,
                                            &from_fill))
    g_error ("row %u: no rating read", row_number);
  g_assert_cmpint (rating, ==, expected);
  g_assert_cmpint (from_fill, ==, expected_from_fill);
}

/* Fills alone --------------------------------------------------------------------------------- */

/* Cells with no text, coloured as trackers colour them: Excel's red, orange, green and blue,
 * the export's darker red, Excel's Neutral fill and its light green. A white cell is no
 * rating and no error; a cell with text is read by its text. */
static void
test_fills_read_as_ratings (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG",
    "1.1|Agree the plan|{FF0000}",
    "1.2|Train staff|{FFC000}",
    "1.3|Review files|{00B050}",
    "1.4|Audit plans|{0070C0}",
    "1.5|Survey parents|{C00000}",
    "1.6|Publish the offer|{FFEB9C}",
    "1.7|Set targets|{92D050}",
    "1.8|Write the report|{FFFFFF}",
    "1.9|Meet the forum|Amber",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "fills.xlsx", rows);
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);
  g_autoptr(PathwayImportPlan) plan = pathway_import_plan (sheet, mapping, fixture->document,
                                                            NULL);
  static const struct {
    const char *reference;
    PathwayRating rating;
  } expected[] = {
    { "1.1", PATHWAY_RATING_RED },   { "1.2", PATHWAY_RATING_AMBER },
    { "1.3", PATHWAY_RATING_GREEN }, { "1.4", PATHWAY_RATING_BLUE },
    { "1.5", PATHWAY_RATING_RED },   { "1.6", PATHWAY_RATING_AMBER },
    { "1.7", PATHWAY_RATING_GREEN }, { "1.8", PATHWAY_RATING_NONE },
    { "1.9", PATHWAY_RATING_AMBER },
  };

  /* A column of colours with no text is still the rating. */
  g_assert_cmpint (pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_RATING), ==,
                   2);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_colour_ratings (plan), ==, 7);
  assert_cell_rating (plan, 2, PATHWAY_RATING_RED, TRUE);
  assert_cell_rating (plan, 5, PATHWAY_RATING_BLUE, TRUE);
  assert_cell_rating (plan, 10, PATHWAY_RATING_AMBER, FALSE);
  g_assert_false (pathway_import_plan_get_cell_rating (plan, row_index (sheet, 9), NULL, NULL));
  g_assert_false (pathway_import_plan_get_cell_rating (plan, 0, NULL, NULL));

  apply_plan (fixture, plan);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (pathway_action_get_rating (find (fixture, expected[i].reference)), ==,
                     expected[i].rating);
  g_assert_cmpint (pathway_action_get_status (find (fixture, "1.4")), ==,
                   PATHWAY_STATUS_COMPLETE);
}

/* fixtures/fills.xlsx: fills given as RGB, as a legacy palette index and as theme colours with
 * a tint, resolved through the workbook's theme: accent 2 lighter 40% (DA9694) and darker 25%
 * (963634) are red, accent 6 darker 25% (E26B0A) amber, the dark blue of dk2 (1F497D) blue;
 * the cream of lt2 (EEECE1), white and patterns that are no solid fill are no rating. */
static void
test_theme_fills (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = exchange_test_fixture ("fills.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read (path, NULL, &error);
  g_autoptr(PathwayImportPlan) plan = NULL;
  static const struct {
    const char *reference;
    PathwayRating rating;
  } expected[] = {
    { "1.1", PATHWAY_RATING_GREEN }, { "1.2", PATHWAY_RATING_RED },
    { "1.3", PATHWAY_RATING_RED },   { "1.4", PATHWAY_RATING_RED },
    { "1.5", PATHWAY_RATING_AMBER }, { "1.6", PATHWAY_RATING_NONE },
    { "1.7", PATHWAY_RATING_BLUE },  { "1.8", PATHWAY_RATING_NONE },
    { "1.9", PATHWAY_RATING_NONE },  { "2.1", PATHWAY_RATING_AMBER },
  };

  g_assert_no_error (error);
  plan = plan_sheet (fixture, sheet);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_colour_ratings (plan), ==, 6);
  apply_plan (fixture, plan);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (pathway_action_get_rating (find (fixture, expected[i].reference)), ==,
                     expected[i].rating);
}

/* A grey or purple cell with no text is near no rating: an error naming the cell, its colour
 * and what to do, and nothing is imported. */
static void
test_colour_near_no_rating (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG",
    "1.1|Agree the plan|{00B050}",
    "1.2|Train staff|{A6A6A6}",
    "1.3|Review files|{7030A0}",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "greys.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  g_autoptr(GError) error = NULL;
  const PathwayImportProblem *grey = problem_at (plan, 3, 2);
  const PathwayImportProblem *purple = problem_at (plan, 4, 2);
  g_autofree char *text = NULL;

  g_assert_nonnull (grey);
  g_assert_nonnull (purple);
  g_assert_cmpint (grey->severity, ==, PATHWAY_IMPORT_ERROR);
  g_assert_cmpint (purple->severity, ==, PATHWAY_IMPORT_ERROR);
  text = pathway_import_problem_to_string (grey);
  g_assert_true (g_str_has_prefix (text, "Row 3, column C (RAG): "));
  g_assert_nonnull (strstr (text, "grey, #A6A6A6"));
  g_assert_nonnull (strstr (purple->message, "purple, #7030A0"));
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 2);
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, row_index (sheet, 3)), ==,
                   PATHWAY_IMPORT_ROW_SKIPPED);

  g_assert_false (pathway_import_apply (plan, fixture->document, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
  g_assert_null (exchange_test_find_action (fixture->document, "1.1"));
}

/* The sheet's own key --------------------------------------------------------------------------- */

/* A key under the table gives its colours their meaning before the usual ones: a light blue
 * that would be Blue is On track (Green), a purple that would be refused is Complete, a grey
 * is Not started. A red the key does not name is still Red. The key's rows are skipped as a
 * key. */
static void
test_sheet_colour_key (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG",
    "K1|Agree the plan|{00B0F0}",
    "K2|Train staff|{7030A0}",
    "K3|Review files|{A6A6A6}",
    "K4|Audit plans|{FF0000}",
    "K5|Survey parents|{8EA9DB}",
    "",
    "Key",
    "{00B0F0}|On track",
    "{7030A0}|Complete",
    "{A6A6A6}|Not started",
    "Amber = at risk{8EA9DB}",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "key.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);

  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 5);
  for (guint number = 8; number <= 12; number++)
    g_assert_cmpstr (pathway_import_plan_get_row_skip_reason (plan, row_index (sheet, number)),
                     ==, "a colour key");
  assert_cell_rating (plan, 2, PATHWAY_RATING_GREEN, TRUE);
  assert_cell_rating (plan, 4, PATHWAY_RATING_NONE, TRUE);
  apply_plan (fixture, plan);

  g_assert_cmpint (pathway_action_get_rating (find (fixture, "K1")), ==, PATHWAY_RATING_GREEN);
  /* Complete in a programme rated RAG: Green, and the status says so. */
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "K2")), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (find (fixture, "K2")), ==,
                   PATHWAY_STATUS_COMPLETE);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "K3")), ==, PATHWAY_RATING_NONE);
  g_assert_cmpint (pathway_action_get_status (find (fixture, "K3")), ==,
                   PATHWAY_STATUS_NOT_STARTED);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "K4")), ==, PATHWAY_RATING_RED);
  /* "Amber = at risk" in a light blue: the key's word is what counts, not its colour. */
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "K5")), ==, PATHWAY_RATING_AMBER);
}

/* A key above the header, in the title block, beside the words it explains. */
static void
test_colour_key_above_header (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Action plan progress|||{C65911}|Off track",
    "|||{FFFF00}|At risk",
    "Ref|Action|RAG",
    "1.1|Agree the plan|{C65911}",
    "1.2|Train staff|{FFFF00}",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "titled.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);

  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, pathway_sheet_get_header_row (sheet)),
                    ==, 3);
  apply_plan (fixture, plan);
  /* An orange between amber and red, refused without a key, is red by this one. */
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "1.1")), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "1.2")), ==, PATHWAY_RATING_AMBER);
}

/* Text and colour ------------------------------------------------------------------------------ */

/* Where the text and the colour disagree the text wins, and the cell has a warning saying
 * what each says; where they agree, or the text is a split rating, there is none. */
static void
test_text_and_fill_disagree (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG",
    "D1|Agree the plan|Green{FF0000}",
    "D2|Train staff|Red{FF0000}",
    "D3|Review files|Complete{0070C0}",
    "D4|Audit plans|A/G{FFC000}",
    "D5|Survey parents|On track{00B050}",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "disagree.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  const PathwayImportProblem *problem = problem_at (plan, 2, 2);

  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, PATHWAY_IMPORT_WARNING);
  g_assert_cmpstr (problem->value, ==, "Green");
  g_assert_nonnull (strstr (problem->message, "“Green”"));
  g_assert_nonnull (strstr (problem->message, "red (#FF0000)"));
  g_assert_nonnull (strstr (problem->message, "reads as Red"));
  g_assert_null (problem_at (plan, 3, 2));
  g_assert_null (problem_at (plan, 4, 2));
  g_assert_null (problem_at (plan, 6, 2));
  /* The split's own warning, and no other. */
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 2);
  assert_cell_rating (plan, 2, PATHWAY_RATING_GREEN, FALSE);
  g_assert_cmpuint (pathway_import_plan_get_n_colour_ratings (plan), ==, 0);
  apply_plan (fixture, plan);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "D1")), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "D2")), ==, PATHWAY_RATING_RED);
}

/* Columns of colours ---------------------------------------------------------------------------- */

/* A column headed "Status" whose cells are colours with no text is the rating, beside month
 * columns that would otherwise take it; the months' colours are history. */
static void
test_status_column_of_colours (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG Jul 19|RAG Aug 19|Status",
    "S1|Agree the plan|{FF0000}|{FFC000}|{00B050}",
    "S2|Train staff|{FFC000}||{FFC000}",
    NULL
  };
  g_autoptr(PathwaySheet) sheet = workbook_sheet (fixture, "status.xlsx", rows);
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GDate) july = g_date_new_dmy (31, 7, 2019);
  g_autoptr(GDate) august = g_date_new_dmy (31, 8, 2019);
  g_autoptr(GArray) in_july = NULL;
  g_autoptr(GArray) in_august = NULL;
  PathwayAction *s1;

  g_assert_cmpint (pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_RATING), ==,
                   4);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 2), ==,
                   PATHWAY_IMPORT_FIELD_EARLIER_RATING);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 3), ==,
                   PATHWAY_IMPORT_FIELD_EARLIER_RATING);
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  g_assert_cmpuint (pathway_import_plan_get_n_colour_ratings (plan), ==, 5);
  apply_plan (fixture, plan);

  s1 = find (fixture, "S1");
  g_assert_cmpint (pathway_action_get_rating (s1), ==, PATHWAY_RATING_GREEN);
  in_july = pathway_document_states_as_at (fixture->document, july, NULL);
  in_august = pathway_document_states_as_at (fixture->document, august, NULL);
  g_assert_cmpint (pathway_action_states_find (in_july, pathway_action_get_id (s1))->rating, ==,
                   PATHWAY_RATING_RED);
  g_assert_cmpint (pathway_action_states_find (in_august, pathway_action_get_id (s1))->rating,
                   ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "S2")), ==, PATHWAY_RATING_AMBER);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, brag)                                                                 \
  g_test_add (path, Fixture, GINT_TO_POINTER (brag), exchange_fixture_set_up, func, exchange_fixture_tear_down)
  ADD ("/exchange/colours/fills-read-as-ratings", test_fills_read_as_ratings, TRUE);
  ADD ("/exchange/colours/theme-fills", test_theme_fills, TRUE);
  ADD ("/exchange/colours/colour-near-no-rating", test_colour_near_no_rating, FALSE);
  ADD ("/exchange/colours/sheet-colour-key", test_sheet_colour_key, FALSE);
  ADD ("/exchange/colours/colour-key-above-header", test_colour_key_above_header, FALSE);
  ADD ("/exchange/colours/text-and-fill-disagree", test_text_and_fill_disagree, TRUE);
  ADD ("/exchange/colours/status-column-of-colours", test_status_column_of_colours, FALSE);
#undef ADD

  return g_test_run ();
}
