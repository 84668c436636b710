/* test-sheet-ods.c: LibreOffice's own spreadsheets (.ods) read as XLSX is: the fixture
 * tracker.ods (written by make-sheet-fixtures.c) holds a summary sheet, the tracker and a
 * hidden sheet, with numbers, percentages, dates, booleans, errors, paragraphs, spaces and a
 * comment; fills from automatic and named styles and a column's default; hidden columns and a
 * filtered row; a merged range; repeated rows and cells, and the empty rest of the sheet as
 * LibreOffice writes it. Hostile files are assembled here: huge repeats, a zip bomb, a DOCTYPE,
 * an encrypted file. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"
#include "pathway-exchange-private.h"

static PathwaySheet *
read_tracker (const char *sheet_name)
{
  g_autofree char *path = exchange_test_fixture ("tracker.ods");
  g_autoptr(GError) error = NULL;
  PathwaySheet *sheet = pathway_sheet_read (path, sheet_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
assert_fill (PathwaySheet *sheet, guint row, guint column, guint32 expected)
{
  guint32 rgb = 0;

  if (!pathway_sheet_get_cell_fill (sheet, row, column, &rgb))
    g_error ("row %u, column %u: no fill, %06X expected", row, column, expected);
  if (rgb != expected)
    g_error ("row %u, column %u: fill %06X, %06X expected", row, column, rgb, expected);
}

static void
test_cells (void)
{
  g_autoptr(PathwaySheet) sheet = read_tracker ("Tracker");

  g_assert_true (pathway_sheet_get_format (sheet) == PATHWAY_SHEET_FORMAT_ODS);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (sheet), ==, "Tracker");
  g_assert_null (pathway_sheet_get_encoding (sheet));
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (pathway_sheet_get_n_columns (sheet), ==, 7);
  g_assert_cmpuint (pathway_sheet_get_header_row (sheet), ==, 0);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 1), ==, "Action");

  /* A number from its value, in General format: 2.3, though the cell shows 2.30. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 0), ==, "2.3");
  /* Paragraphs joined with a newline; a run of white space is one space, <text:s/> one more;
   * the comment is not the cell's text. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Agree the  plan with families\nSecond line");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 6), ==, "TRUE");
  /* A percentage is its value, as in XLSX; a date as LibreOffice shows it, or as Excel's
   * default shows it when the file has no text for it; an error as shown. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 0), ==, "0.25");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 1), ==, "Dec-18");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 4), ==, "#DIV/0!");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 6), ==, "31/03/2019");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 2), ==, "");

  /* Row numbers as LibreOffice shows them; a row repeated twice is two rows, a cell repeated
   * twice two cells. */
  for (guint r = 0; r < 8; r++)
    g_assert_cmpuint (pathway_sheet_get_row_number (sheet, r), ==, r + 1);
  for (guint r = 6; r < 8; r++)
    {
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, 0), ==, "Same");
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, 1), ==, "x");
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, 2), ==, "x");
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, 3), ==, "");
    }
}

static void
test_sheets (void)
{
  g_autofree char *path = exchange_test_fixture ("tracker.ods");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = pathway_sheet_list_sheet_names (path, &error);
  g_autoptr(PathwaySheet) first = NULL;
  g_autoptr(PathwaySheet) by_case = NULL;
  g_autoptr(PathwaySheet) hidden = NULL;
  g_autoptr(PathwaySheet) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Summary");
  g_assert_cmpstr (names[1], ==, "Tracker");
  g_assert_cmpstr (names[2], ==, "Old");

  /* As for XLSX, without a name the first sheet one can see. */
  first = read_tracker (NULL);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (first), ==, "Summary");
  g_assert_cmpstr (pathway_sheet_get_cell (first, 0, 0), ==, "A summary, not the tracker");

  by_case = read_tracker ("TRACKER");
  g_assert_cmpstr (pathway_sheet_get_sheet_name (by_case), ==, "Tracker");

  /* A hidden sheet is read when asked for by name. */
  hidden = read_tracker ("Old");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 0, 0), ==, "Last year's tracker");

  missing = pathway_sheet_read (path, "Budget", &error);
  g_assert_null (missing);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "“Summary”, “Tracker”, “Old”"));
}

static void
test_hidden (void)
{
  g_autoptr(PathwaySheet) sheet = read_tracker ("Tracker");

  /* Columns D and E: one <table:table-column> repeated twice, visibility collapse. */
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 2));
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 3));
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 4));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 5));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 500));
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 3), ==, "Red");

  /* Row 3 is filtered out. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==, "Filtered out");
  g_assert_true (pathway_sheet_row_is_hidden (sheet, 2));
  g_assert_false (pathway_sheet_row_is_hidden (sheet, 1));
  g_assert_false (pathway_sheet_row_is_hidden (sheet, 3));
}

static void
test_fills (void)
{
  g_autoptr(PathwaySheet) sheet = read_tracker ("Tracker");

  /* An automatic style's background. */
  assert_fill (sheet, 1, 2, 0x00B050);
  /* The named style "Bad" through an automatic style's parent; none where a style says
   * transparent, whatever its parent. */
  assert_fill (sheet, 3, 2, 0xFFCCCC);
  g_assert_false (pathway_sheet_get_cell_fill (sheet, 3, 3, NULL));
  /* Column F's default cell style fills a cell with no style of its own, not one with. */
  assert_fill (sheet, 1, 5, 0xFFC000);
  g_assert_false (pathway_sheet_get_cell_fill (sheet, 3, 5, NULL));
  g_assert_false (pathway_sheet_get_cell_fill (sheet, 1, 0, NULL));
}

static void
test_merged (void)
{
  g_autoptr(PathwaySheet) sheet = read_tracker ("Tracker");
  PathwaySheetRange range = { 0 };

  /* A5:C6: every cell reads as A5, with its fill; D6 is its own. */
  for (guint r = 4; r <= 5; r++)
    for (guint c = 0; c <= 2; c++)
      {
        g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, c), ==, "Workstream 2: early help");
        assert_fill (sheet, r, c, 0x00B050);
        g_assert_true (pathway_sheet_get_merged_range (sheet, r, c, &range));
        g_assert_cmpuint (range.first_row_number, ==, 5);
        g_assert_cmpuint (range.last_row_number, ==, 6);
        g_assert_cmpuint (range.first_column, ==, 0);
        g_assert_cmpuint (range.last_column, ==, 2);
        g_assert_true (pathway_sheet_cell_is_covered (sheet, r, c) == (r != 4 || c != 0));
      }
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 5, 3), ==, "Below the merge");
  g_assert_false (pathway_sheet_get_merged_range (sheet, 5, 3, NULL));
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 4, 3), ==, "");
}

/* Hostile files -------------------------------------------------------------------------------- */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

static GBytes *
ods (const char *body)
{
  g_autofree char *content = g_strconcat (
    "<office:document-content><office:body><office:spreadsheet>"
    "<table:table table:name=\"Sheet1\">", body,
    "</table:table></office:spreadsheet></office:body></office:document-content>", NULL);

  return exchange_test_zip ("mimetype", ODS_MIMETYPE, "content.xml", content, NULL);
}

static void
assert_refused (GBytes *bytes, const char *name, int code, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (bytes, name, NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, name));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
}

static void
test_repeats_cost_nothing (void)
{
  /* Empty cells and rows repeated as far as any count goes cost nothing. */
  g_autoptr(GBytes) empty = ods (
    "<table:table-column table:number-columns-repeated=\"4000000000\"/>"
    "<table:table-row table:number-rows-repeated=\"3\">"
    "<table:table-cell table:number-columns-repeated=\"4000000000\"/></table:table-row>"
    "<table:table-row>"
    "<table:table-cell table:number-columns-repeated=\"99999999999999999999\"/>"
    "<table:table-cell table:number-columns-repeated=\"-5\"/></table:table-row>"
    "<table:table-row><table:table-cell><text:p>kept</text:p></table:table-cell>"
    "</table:table-row>");
  /* Text after four thousand million empty cells is past the last column: refused. */
  g_autoptr(GBytes) far = ods (
    "<table:table-row><table:table-cell table:number-columns-repeated=\"4000000000\"/>"
    "<table:table-cell><text:p>far away</text:p></table:table-cell></table:table-row>");
  /* Text repeated past the limits is refused, not stored. */
  g_autoptr(GBytes) rows = ods (
    "<table:table-row table:number-rows-repeated=\"1000000\">"
    "<table:table-cell><text:p>again</text:p></table:table-cell></table:table-row>");
  g_autoptr(GBytes) columns = ods (
    "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000\">"
    "<text:p>again</text:p></table:table-cell></table:table-row>");
  g_autoptr(GBytes) spaces = ods (
    "<table:table-row><table:table-cell><text:p><text:s text:c=\"4000000000\"/></text:p>"
    "</table:table-cell></table:table-row>");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (empty, "empty.ods", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 1);
  g_assert_cmpuint (pathway_sheet_get_n_columns (sheet), ==, 1);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 0), ==, 5);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 0, 0), ==, "kept");

  assert_refused (far, "far.ods", PATHWAY_EXCHANGE_ERROR_TOO_LARGE, "columns");
  assert_refused (rows, "rows.ods", PATHWAY_EXCHANGE_ERROR_TOO_LARGE, "rows");
  assert_refused (columns, "columns.ods", PATHWAY_EXCHANGE_ERROR_TOO_LARGE, "columns");
  assert_refused (spaces, "spaces.ods", PATHWAY_EXCHANGE_ERROR_TOO_LARGE, "one cell");

  {
    g_autoptr(GBytes) fine = ods (
      "<table:table-row table:number-rows-repeated=\"1048570\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "<table:table-row><table:table-cell table:number-columns-repeated=\"16000\"/>"
      "</table:table-row>"
      "<table:table-row><table:table-cell><text:p>last row</text:p></table:table-cell>"
      "</table:table-row>");
    g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (fine, "fine.ods", NULL, &error);

    /* Past the row limit only by its number: refused, as XLSX is. */
    g_assert_null (sheet);
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
  {
    g_autoptr(GBytes) fine = ods (
      "<table:table-row table:number-rows-repeated=\"40000\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "<table:table-row><table:table-cell><text:p>row 40001</text:p></table:table-cell>"
      "</table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1000000\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>");
    g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (fine, "fine.ods", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 1);
    g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 0), ==, 40001);
  }
}

static void
test_hostile (void)
{
  g_autofree char *big = g_malloc (30 * 1024 * 1024 + 1);
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) doctype = exchange_test_zip (
    "mimetype", ODS_MIMETYPE, "content.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><office:document-content/>",
    NULL);
  g_autoptr(GBytes) encrypted = exchange_test_zip (
    "mimetype", ODS_MIMETYPE, "META-INF/manifest.xml",
    "<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\">"
    "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
    "content.xml", "\x12\x34 not xml", NULL);
  g_autoptr(GBytes) no_content = exchange_test_zip ("mimetype", ODS_MIMETYPE, NULL);
  g_autoptr(GBytes) broken = exchange_test_zip ("mimetype", ODS_MIMETYPE, "content.xml",
                                                "<office:document-content><office:body>",
                                                NULL);

  memset (big, ' ', 30 * 1024 * 1024);
  memcpy (big, "<office:document-content>", 25);
  big[30 * 1024 * 1024] = '\0';
  bomb = exchange_test_zip ("mimetype", ODS_MIMETYPE, "content.xml", big, NULL);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 200 * 1024);

  assert_refused (bomb, "bomb.ods", PATHWAY_EXCHANGE_ERROR_TOO_LARGE, "200");
  assert_refused (doctype, "doctype.ods", PATHWAY_EXCHANGE_ERROR_MALFORMED, "DOCTYPE");
  assert_refused (encrypted, "locked.ods", PATHWAY_EXCHANGE_ERROR_FORMAT, "password");
  assert_refused (no_content, "empty.ods", PATHWAY_EXCHANGE_ERROR_MALFORMED, "content.xml");
  assert_refused (broken, "broken.ods", PATHWAY_EXCHANGE_ERROR_MALFORMED, "content.xml");
}

/* By content, not by name ---------------------------------------------------------------------- */

static void
test_detected_by_content (void)
{
  g_autofree char *fixture = exchange_test_fixture ("tracker.ods");
  g_autoptr(GBytes) bytes = exchange_test_read (fixture);
  g_autoptr(GBytes) without_mimetype = exchange_test_zip (
    "content.xml",
    "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"S\">"
    "<table:table-row><table:table-cell><text:p>read</text:p></table:table-cell>"
    "</table:table-row></table:table></office:spreadsheet></office:body>"
    "</office:document-content>", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) named_xlsx = pathway_sheet_read_bytes (bytes, "tracker.xlsx",
                                                                 "Tracker", &error);
  g_autoptr(PathwaySheet) no_mimetype = NULL;

  g_assert_no_error (error);
  g_assert_true (pathway_sheet_get_format (named_xlsx) == PATHWAY_SHEET_FORMAT_ODS);

  /* A zip with content.xml and no mimetype part, which an OOXML package never is. */
  no_mimetype = pathway_sheet_read_bytes (without_mimetype, "bare.ods", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_cell (no_mimetype, 0, 0), ==, "read");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/ods/cells-as-shown", test_cells);
  g_test_add_func ("/exchange/ods/sheets-by-name", test_sheets);
  g_test_add_func ("/exchange/ods/hidden-rows-and-columns", test_hidden);
  g_test_add_func ("/exchange/ods/fills", test_fills);
  g_test_add_func ("/exchange/ods/merged-cells-fill-their-range", test_merged);
  g_test_add_func ("/exchange/ods/repeats-cost-nothing", test_repeats_cost_nothing);
  g_test_add_func ("/exchange/ods/refuses-hostile-files", test_hostile);
  g_test_add_func ("/exchange/ods/detected-by-content", test_detected_by_content);

  return g_test_run ();
}
