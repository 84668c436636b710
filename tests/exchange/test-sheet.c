/* test-sheet.c: reading trackers into sheets. Each CSV quirk has its own fixture in
 * tests/exchange/fixtures (BOM, no BOM, Windows-1252 bytes, CRLF and LF, embedded newlines
 * and quotes, semicolons, tabs, Excel's sep= line, UTF-16, a title above the header, NUL
 * bytes, UTF-8 with a few bad bytes); the workbooks are assembled here from XML parts (shared
 * strings with rich text, inline strings, dates in built-in and custom formats), and so are the
 * hostile ones: a zip bomb, sizes that lie, a billion-laughs DOCTYPE, a string index out of
 * range, a part path that climbs out. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"
#include "pathway-exchange-private.h"

static PathwaySheet *
read_fixture (const char *name)
{
  g_autofree char *path = exchange_test_fixture (name);
  g_autoptr(GError) error = NULL;
  PathwaySheet *sheet = pathway_sheet_read (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

/* The three-row tracker both UTF-8 fixtures hold, whatever their line ends. */
static void
assert_basic_tracker (PathwaySheet *sheet)
{
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 4);
  g_assert_cmpuint (pathway_sheet_get_n_columns (sheet), ==, 6);
  g_assert_cmpuint (pathway_sheet_get_header_row (sheet), ==, 0);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 0), ==, "Ref");
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 5), ==, "Comments");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 0), ==, "1B ii");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 3), ==, "Dec 18");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 5), ==, "Mapping complete");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 9), ==, "");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 9, 0), ==, "");
  for (guint r = 0; r < 4; r++)
    g_assert_cmpuint (pathway_sheet_get_row_number (sheet, r), ==, r + 1);
  g_assert_cmpint (pathway_sheet_get_delimiter (sheet), ==, ',');
  g_assert_true (pathway_sheet_get_format (sheet) == PATHWAY_SHEET_FORMAT_CSV);
}

static void
test_csv_bom_crlf (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("utf8-bom-crlf.csv");

  assert_basic_tracker (sheet);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-8 with BOM");
  /* No stray CR at the end of the last cell of a CRLF line. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 5), ==, "Plan drafted");
}

static void
test_csv_no_bom_lf (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("utf8-no-bom-lf.csv");

  assert_basic_tracker (sheet);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpstr (pathway_sheet_get_display_name (sheet), ==, "utf8-no-bom-lf.csv");
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("windows-1252.csv");

  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "Windows-1252");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Review the parent\u2019s guide \u2013 \u00a3300 budget");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 2), ==, "Ren\u00e9e Martin");
}

static void
test_csv_embedded_newlines (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("embedded-newlines.csv");

  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Develop a local area agreement for therapy provision (S<OT & \"SALT\")");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 5), ==,
                   "Line one\nLine two\n\"quoted\" line three");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==,
                   "Review commissioning, across the LA and the CCG");
  /* A record over three lines is still one row in Excel; the file has no final newline. */
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 2), ==, 3);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 5), ==, "Done");
}

static void
test_csv_semicolon (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("semicolon.csv");

  g_assert_cmpint (pathway_sheet_get_delimiter (sheet), ==, ';');
  g_assert_cmpuint (pathway_sheet_get_n_columns (sheet), ==, 6);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Develop a quarterly reporting system, of key indicators, to the executive");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 5), ==, "Delayed, awaiting sign off");
}

static void
test_csv_tab (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("tab.csv");

  g_assert_cmpint (pathway_sheet_get_delimiter (sheet), ==, '\t');
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Develop an escalation process, with the DMO");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 4), ==, "Complete");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 5), ==, "");
}

static void
test_csv_sep_line (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("sep-line.csv");

  g_assert_cmpint (pathway_sheet_get_delimiter (sheet), ==, ';');
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 0, 0), ==, "Ref");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==, "First, with a comma");
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 1), ==, 2);
}

static void
test_csv_utf16 (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("utf16.txt");

  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-16LE");
  g_assert_cmpint (pathway_sheet_get_delimiter (sheet), ==, '\t');
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==, "Unicode text \u2013 S<OT & \"SALT\"");
}

static void
test_csv_blank_lines_and_sections (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("section-headings.csv");

  /* The blank line is row 5 in Excel; the sheet leaves it out, and the rows after it keep
   * the numbers Excel gives them. */
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 9);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 4, 0), ==, "Ref to WSOA");
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 3), ==, 4);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 4), ==, 6);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 7, 0), ==, "Dashboard");
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 7), ==, 9);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 8), ==, 10);
}

static void
test_csv_title_above_header (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("title-above-header.csv");

  /* The ",,," line is no row; the header is Excel's row 4. */
  g_assert_cmpuint (pathway_sheet_get_header_row (sheet), ==, 2);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 2), ==, 4);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 2), ==, "Owner");
}

/* Old Mac line ends (CR alone), a quote never closed, the same header twice. */
static void
test_csv_lone_cr_and_unbalanced (void)
{
  static const char text[] = "Ref,Action,Action\rA1,One,first\rA2,\"never closed, to the end\rA3,x";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (bytes, "old-mac.csv", NULL, &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 2), ==, "first");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 0), ==, "A2");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==, "never closed, to the end\rA3,x");
  mapping = pathway_import_guess_mapping (sheet);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 1), ==,
                   PATHWAY_IMPORT_FIELD_DESCRIPTION);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 2), ==, PATHWAY_IMPORT_FIELD_NONE);
}

/* A NUL byte once ended the reading without a word (the rows after it were lost): now the
 * file is refused, naming the row and column, however it is encoded. */
static void
test_csv_nul_refused (void)
{
  static const char quoted[] = "Ref,Action\n1,\"two\nlines\"\n2,ok,\"x\0y\"\n";
  static const char cp1252[] = "Ref,Action\n1,Caf\xe9\n2,a\0b\n";
  static const char bom[] = "\xEF\xBB\xBFRef,Action\n1,\0\n";
  static const char utf16[] = "\xFF\xFER\0e\0f\0\n\0\0\0\n\0";
  static const struct {
    const char *text;
    gsize length;
    const char *where;
  } cases[] = {
    { quoted, sizeof quoted - 1, "row 3, column C" },
    { cp1252, sizeof cp1252 - 1, "row 3, column B" },
    { bom, sizeof bom - 1, "row 2, column B" },
    { utf16, sizeof utf16 - 1, "row 2, column A" },
  };
  g_autofree char *path = exchange_test_fixture ("nul.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read (path, NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nul.csv"));
  g_assert_nonnull (strstr (error->message, "row 2, column B"));
  g_assert_nonnull (strstr (error->message, "NUL"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, cases[i].length);

      g_clear_error (&error);
      g_assert_null (pathway_sheet_read_bytes (bytes, "case.csv", NULL, &error));
      g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED);
      if (strstr (error->message, cases[i].where) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].where);
    }
}

static void
assert_warning (PathwaySheet *sheet, guint index, guint row_number, int column)
{
  const PathwaySheetWarning *warning = pathway_sheet_get_warning (sheet, index);

  g_assert_cmpuint (warning->row_number, ==, row_number);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, warning->row), ==, row_number);
  g_assert_cmpint (warning->column, ==, column);
  g_assert_nonnull (strstr (warning->message, "UTF-8"));
  g_assert_true (g_utf8_validate (warning->message, -1, NULL));
}

/* One bad byte once made a whole UTF-8 file read as Windows-1252 ("ZoÃ« Ã…ngstrÃ¶m"): the
 * encoding is judged on the whole file, the bad bytes are replaced and their cells named. */
static void
test_csv_bad_utf8 (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("badutf8.csv");
  const char *cell;

  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Caf\u00e9 na\u00efve \u2013 \u201cquotes\u201d");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 5), ==, "Zo\u00eb \u00c5ngstr\u00f6m");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 11), ==, "valid utf8 \u2713");
  cell = pathway_sheet_get_cell (sheet, 2, 1);
  g_assert_true (g_utf8_validate (cell, -1, NULL));
  g_assert_true (g_str_has_prefix (cell, "bad \uFFFD( seq and \uFFFD\uFFFD and"));
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 11), ==, "lone cont \uFFFD\uFFFD");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 5), ==, "Pat Lead");

  g_assert_cmpuint (pathway_sheet_get_n_warnings (sheet), ==, 2);
  assert_warning (sheet, 0, 3, 1);
  assert_warning (sheet, 1, 3, 11);
}

/* The evidence of the whole file: a few bad bytes among UTF-8 characters, or bad bytes far
 * fewer than one in a thousand, keep UTF-8 (the row of a bad byte is found past a quoted cell
 * of two lines and a BOM); bytes that are never UTF-8 stay Windows-1252. */
static void
test_csv_encoding_evidence (void)
{
  g_autoptr(GString) large = g_string_new ("Ref,Action\n");
  g_autoptr(GString) many_bad = g_string_new ("Ref,Action\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  static const char quoted[] = "\xEF\xBB\xBFRef,Action\n1,\"two\nlines\"\n\n2,\xe9t\xe9\n";
  static const char latin[] = "Ref,Action\n1,Caf\xe9 \x96 cr\xe8me\n";

  bytes = g_bytes_new_static (quoted, sizeof quoted - 1);
  sheet = pathway_sheet_read_bytes (bytes, "quoted.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-8 with BOM");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==, "\uFFFDt\uFFFD");
  g_assert_cmpuint (pathway_sheet_get_n_warnings (sheet), ==, 1);
  assert_warning (sheet, 0, 4, 1);
  g_clear_object (&sheet);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static (latin, sizeof latin - 1);
  sheet = pathway_sheet_read_bytes (bytes, "latin.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "Windows-1252");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==,
                   "Caf\u00e9 \u2013 cr\u00e8me");
  g_assert_cmpuint (pathway_sheet_get_n_warnings (sheet), ==, 0);
  g_clear_object (&sheet);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 40 bad bytes in about 60 KB of UTF-8 text. */
  for (guint i = 1; i <= 2000; i++)
    g_string_append_printf (large, "%u,R\u00e9vision %s of the plan\n", i,
                            i % 50 == 0 ? "\xff" : "");
  bytes = g_bytes_new (large->str, large->len);
  sheet = pathway_sheet_read_bytes (bytes, "large.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpuint (pathway_sheet_get_n_warnings (sheet), ==, 40);
  assert_warning (sheet, 0, 51, 1);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 50, 1), ==, "R\u00e9vision \uFFFD of the plan");
  g_clear_object (&sheet);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Windows-1252 that happens to hold one UTF-8 sequence ("Ã©") among many of its own. */
  g_string_append (many_bad, "0,\xc3\xa9\n");
  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (many_bad, "%u,Caf\xe9\n", i);
  bytes = g_bytes_new (many_bad->str, many_bad->len);
  sheet = pathway_sheet_read_bytes (bytes, "many.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_encoding (sheet), ==, "Windows-1252");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==, "Caf\u00e9");
  g_assert_cmpuint (pathway_sheet_get_n_warnings (sheet), ==, 0);
}

static void
test_csv_limits (void)
{
  g_autoptr(GString) wide = g_string_new ("Ref");
  g_autoptr(GString) long_cell = g_string_new ("Ref\n\"");
  g_autoptr(GBytes) wide_bytes = NULL;
  g_autoptr(GBytes) long_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;

  for (guint i = 0; i < PATHWAY_SHEET_MAX_COLUMNS + 5; i++)
    g_string_append (wide, ",x");
  wide_bytes = g_bytes_new (wide->str, wide->len);
  sheet = pathway_sheet_read_bytes (wide_bytes, "wide.csv", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "wide.csv"));
  g_assert_nonnull (strstr (error->message, "256"));
  g_clear_error (&error);

  for (guint i = 0; i < PATHWAY_SHEET_MAX_CELL_LENGTH / 8 + 10; i++)
    g_string_append (long_cell, "abcdefgh");
  g_string_append (long_cell, "\"\n");
  long_bytes = g_bytes_new (long_cell->str, long_cell->len);
  sheet = pathway_sheet_read_bytes (long_bytes, "long.csv", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "long.csv"));
}

static void
test_refuses_xls_and_empty (void)
{
  static const guchar ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
  g_autoptr(GBytes) xls = g_bytes_new_static (ole, sizeof ole);
  g_autoptr(GBytes) blank = g_bytes_new_static (" \r\n,,\r\n", 7);
  g_autoptr(GError) error = NULL;

  g_assert_null (pathway_sheet_read_bytes (xls, "old.xls", NULL, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "old.xls"));
  g_clear_error (&error);

  g_assert_null (pathway_sheet_read_bytes (blank, "blank.csv", NULL, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_EMPTY);
}

/* XLSX -------------------------------------------------------------------------------------- */

static const char shared_strings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"7\" "
  "uniqueCount=\"7\">"
  "<si><t>Ref</t></si>"
  "<si><t>Action</t></si>"
  "<si><t>Timescale</t></si>"
  "<si><t>RAG</t></si>"
  /* rich text: runs joined, the phonetic guide left out */
  "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Develop </t></r><r><t>S&lt;OT &amp; "
  "\"SALT\"</t></r><rPh sb=\"0\" eb=\"1\"><t>IGNORED</t></rPh></si>"
  "<si><t>1B ii</t></si>"
  "<si><t>Line one_x000D_\nLine two</t></si>"
  "</sst>";

static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"mmm\\-yy\"/>"
  "<numFmt numFmtId=\"165\" formatCode=\"[$-809]d mmmm yyyy;@\"/></numFmts>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
  "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
  "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\"/>"
  "<xf numFmtId=\"10\"/></cellXfs>"
  "</styleSheet>";

static const char sheet_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
  "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
  "<c r=\"C2\" s=\"2\"><v>43435</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>R</t></is></c></row>"
  /* row 3 is formatting only: no text, so no row */
  "<row r=\"3\"><c r=\"A3\" s=\"1\"/></row>"
  "<row r=\"4\"><c r=\"A4\"><v>2.5</v></c><c r=\"B4\" t=\"s\"><v>6</v></c>"
  "<c r=\"C4\" s=\"1\"><v>43465</v></c><c r=\"D4\" t=\"b\"><v>1</v></c>"
  "<c r=\"F4\" s=\"3\"><v>42930</v></c><c r=\"G4\" s=\"4\"><v>0.5</v></c></row>"
  "<row r=\"7\"><c r=\"A7\" t=\"str\"><f>A4*2</f><v>5</v></c><c t=\"inlineStr\">"
  "<is><r><t>rich </t></r><r><t>inline</t></r></is></c><c t=\"e\"><v>#N/A</v></c></row>"
  "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>"
  "</sheetData></worksheet>";

static void
test_xlsx_cells (void)
{
  g_autoptr(GBytes) bytes = exchange_test_xlsx (sheet_xml, shared_strings, styles);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (bytes, "tracker.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (pathway_sheet_get_format (sheet) == PATHWAY_SHEET_FORMAT_XLSX);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (sheet), ==, "Tracker");
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 4);
  g_assert_cmpuint (pathway_sheet_get_n_columns (sheet), ==, 7);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 3), ==, "RAG");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 0), ==, "1B ii");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 1), ==, "Develop S<OT & \"SALT\"");
  /* 43435 is 1 December 2018; "Dec 18" typed into Excel is stored so, shown as mmm-yy. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 2), ==, "Dec-18");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 3), ==, "R");
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 2), ==, 4);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 0), ==, "2.5");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 1), ==, "Line one\r\nLine two");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 2), ==, "31/12/2018");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 3), ==, "TRUE");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 5), ==, "14 July 2017");
  /* A percentage format is not a date. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 6), ==, "0.5");
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 3), ==, 7);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 0), ==, "5");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 1), ==, "rich inline");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 2), ==, "#N/A");
}

static const char two_sheets_workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<x:workbookPr date1904=\"1\"/>"
  "<x:sheets><x:sheet name=\"Notes\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
  "<x:sheet name=\"Actions 2019\" sheetId=\"2\" r:id=\"rId2\"/></x:sheets></x:workbook>";

static const char two_sheets_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/notes.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"./worksheets/../worksheets/actions.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static GBytes *
two_sheets (void)
{
  return exchange_test_zip (
    "_rels/.rels", package_rels, "xl/workbook.xml", two_sheets_workbook,
    "xl/_rels/workbook.xml.rels", two_sheets_rels, "xl/styles.xml", styles,
    "xl/worksheets/notes.xml",
    "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>notes</t></is></c></row>"
    "</sheetData></worksheet>",
    "xl/worksheets/actions.xml",
    "<x:worksheet xmlns:x=\"urn:x\"><x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\">"
    "<x:is><x:t>action</x:t></x:is></x:c><x:c r=\"C2\" s=\"1\"><x:v>41973</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    NULL);
}

static void
test_xlsx_sheets (void)
{
  g_autoptr(GBytes) bytes = two_sheets ();
  g_autofree char *dir = exchange_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "two.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) first = NULL;
  g_autoptr(PathwaySheet) named = NULL;
  g_autoptr(PathwaySheet) missing = NULL;
  g_auto(GStrv) names = NULL;

  exchange_test_write (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  names = pathway_sheet_list_sheet_names (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Notes");
  g_assert_cmpstr (names[1], ==, "Actions 2019");

  /* The first sheet the user can see, through namespace prefixes and a path with ./ and ../ */
  first = pathway_sheet_read (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (first), ==, "Actions 2019");
  g_assert_cmpstr (pathway_sheet_get_cell (first, 0, 1), ==, "action");
  g_assert_cmpuint (pathway_sheet_get_row_number (first, 0), ==, 2);
  /* In the 1904 date system 41973 is 1 December 2018, not 1904 days earlier. */
  g_assert_cmpstr (pathway_sheet_get_cell (first, 0, 2), ==, "01/12/2018");

  named = pathway_sheet_read (path, "notes", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_cell (named, 0, 0), ==, "notes");

  missing = pathway_sheet_read (path, "Budget", &error);
  g_assert_null (missing);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "Actions 2019"));
  exchange_test_remove_dir (dir);
}

static void
assert_refused (GBytes *bytes, const char *name, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (bytes, name, NULL, &error);

  g_assert_null (sheet);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PATHWAY_EXCHANGE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, name));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
  g_test_message ("%s", error->message);
}

/* 30 MB of one character compresses to about 30 kB: a thousand to one. */
static char *
bomb_sheet (gsize size)
{
  static const char head[] = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>";
  static const char tail[] = "</t></is></c></row></sheetData></worksheet>";
  char *xml = g_malloc (size + 1);

  memset (xml, 'A', size);
  memcpy (xml, head, strlen (head));
  memcpy (xml + size - strlen (tail), tail, strlen (tail));
  xml[size] = '\0';
  return xml;
}

static void
test_xlsx_zip_bomb (void)
{
  g_autofree char *xml = bomb_sheet (30 * 1024 * 1024);
  g_autoptr(GBytes) bytes = exchange_test_xlsx (xml, NULL, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), <, 200 * 1024);
  assert_refused (bytes, "bomb.xlsx", "200");
}

/* Patches every uncompressed size of the entry 'name' in the zip (local header and central
 * directory) to 'size', as a crafted file would. */
static GBytes *
lie_about_size (GBytes *bytes, const char *name, guint32 size)
{
  gsize length;
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  gsize name_length = strlen (name);
  guint patched = 0;

  for (gsize i = 0; i + 46 + name_length <= length; i++)
    {
      if (memcmp (data + i, "PK\3\4", 4) == 0 && i + 30 + name_length <= length &&
          memcmp (data + i + 30, name, name_length) == 0)
        {
          data[i + 22] = size & 0xFF, data[i + 23] = (size >> 8) & 0xFF;
          data[i + 24] = (size >> 16) & 0xFF, data[i + 25] = size >> 24;
          patched++;
        }
      if (memcmp (data + i, "PK\1\2", 4) == 0 && memcmp (data + i + 46, name, name_length) == 0)
        {
          data[i + 24] = size & 0xFF, data[i + 25] = (size >> 8) & 0xFF;
          data[i + 26] = (size >> 16) & 0xFF, data[i + 27] = size >> 24;
          patched++;
        }
    }
  g_assert_cmpuint (patched, ==, 2);
  return g_bytes_new_take (data, length);
}

static void
test_xlsx_lying_sizes (void)
{
  g_autofree char *xml = bomb_sheet (30 * 1024 * 1024);
  g_autoptr(GBytes) honest = exchange_test_xlsx (xml, NULL, NULL);
  g_autoptr(GBytes) lying = lie_about_size (honest, "xl/worksheets/sheet1.xml", 1000);

  /* The header says 1000 bytes; the reader stops at the limit however much comes out. */
  assert_refused (lying, "lying.xlsx", NULL);
}

static void
test_xlsx_billion_laughs (void)
{
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE sst [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<sst><si><t>&lol9;</t></si></sst>";
  static const char external[] =
    "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"file:///etc/passwd\">"
    "<worksheet><sheetData/></worksheet>";
  static const char sheet[] =
    "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  g_autoptr(GBytes) laughing = exchange_test_xlsx (sheet, laughs, NULL);
  g_autoptr(GBytes) pointing = exchange_test_xlsx (external, NULL, NULL);

  assert_refused (laughing, "laughs.xlsx", "DOCTYPE");
  assert_refused (pointing, "external.xlsx", "DOCTYPE");
}

static void
test_xlsx_damaged (void)
{
  static const char bad_index[] =
    "<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>";
  static const char sst[] = "<sst><si><t>only one</t></si></sst>";
  static const char escaping_rels[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"../../../etc/passwd\"/></Relationships>";
  static const char workbook[] =
    "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\" xmlns:r=\"urn:r\"/></sheets></workbook>";
  static const char not_xml[] = "<worksheet><sheetData><row><c>";
  /* Found by fuzzing: the XML parser's report quoted the bad bytes into the message. */
  static const char bad_bytes[] = "<worksheet><sheet\xc4\xc3\x8c\x97" "Data/></worksheet>";
  g_autoptr(GBytes) out_of_range = exchange_test_xlsx (bad_index, sst, NULL);
  g_autoptr(GBytes) escaping = exchange_test_zip ("xl/workbook.xml", workbook,
                                                  "xl/_rels/workbook.xml.rels", escaping_rels,
                                                  NULL);
  g_autoptr(GBytes) truncated = exchange_test_xlsx (not_xml, NULL, NULL);
  g_autoptr(GBytes) invalid = exchange_test_xlsx (bad_bytes, NULL, NULL);
  g_autoptr(GBytes) ods = exchange_test_zip ("mimetype",
                                             "application/vnd.oasis.opendocument.spreadsheet",
                                             "content.xml", "<office:document-content/>", NULL);
  g_autoptr(GBytes) not_zip = g_bytes_new_static ("PK\3\4 not really a zip", 22);

  assert_refused (out_of_range, "index.xlsx", "shared string 7");
  assert_refused (escaping, "escaping.xlsx", NULL);
  assert_refused (truncated, "truncated.xlsx", "sheet1.xml");
  assert_refused (invalid, "invalid.xlsx", "sheet1.xml");
  /* An OpenDocument spreadsheet is read now; this one has no sheet to read. */
  assert_refused (ods, "budget.ods", "no worksheets");
  assert_refused (not_zip, "notzip.xlsx", NULL);
}

/* Number formats ------------------------------------------------------------------------------ */

static void
test_number_formats (void)
{
  static const struct {
    double serial;
    int id;
    const char *code;
    const char *shown;
  } cases[] = {
    { 43435, 0, "mmm\\-yy", "Dec-18" },
    { 43435, 17, NULL, "Dec-18" },
    { 43465, 14, NULL, "31/12/2018" },
    { 42930, 0, "d mmmm yyyy", "14 July 2017" },
    { 42930, 0, "dddd d mmm yy", "Friday 14 Jul 17" },
    { 42930.75, 0, "dd/mm/yyyy hh:mm", "14/07/2017 18:00" },
    { 42930.75, 0, "h:mm AM/PM", "6:00 PM" },
    { 42930, 0, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "Friday, 14 July 2017" },
    { 42930, 0, "\"Due \"mmmm yyyy", "Due July 2017" },
    /* Excel's 1900: serial 59 is 28 February, 61 is 1 March, 60 never was. */
    { 59, 14, NULL, "28/02/1900" },
    { 61, 14, NULL, "01/03/1900" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = pathway_number_format_date (cases[i].serial, cases[i].id,
                                                           cases[i].code);

      g_assert_true (pathway_number_format_is_date (cases[i].id, cases[i].code));
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_null (pathway_number_format_date (60, 14, NULL));
  g_assert_null (pathway_number_format_date (-3, 14, NULL));
  g_assert_false (pathway_number_format_is_date (0, "General"));
  g_assert_false (pathway_number_format_is_date (0, "0.00%"));
  g_assert_false (pathway_number_format_is_date (0, "[Red]#,##0;\"days\""));
  g_assert_false (pathway_number_format_is_date (10, NULL));

  for (int year = 1900; year <= 2100; year += 7)
    for (int month = 1; month <= 12; month += 5)
      {
        GDate date;
        g_autofree char *shown = NULL;
        g_autofree char *expected = g_strdup_printf ("%02d/%02d/%04d", 28, month, year);

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 28, month, year);
        shown = pathway_number_format_date (pathway_number_format_serial (&date), 14, NULL);
        g_assert_cmpstr (shown, ==, expected);
      }
  {
    g_autofree char *a = pathway_number_format_general (2.5);
    g_autofree char *b = pathway_number_format_general (0.1 + 0.2);
    g_autofree char *c = pathway_number_format_general (20);

    g_assert_cmpstr (a, ==, "2.5");
    g_assert_cmpstr (b, ==, "0.3");
    g_assert_cmpstr (c, ==, "20");
  }
}

static void
test_column_letters (void)
{
  static const struct {
    guint column;
    const char *letters;
  } cases[] = { { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 52, "BA" }, { 701, "ZZ" },
                { 702, "AAA" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *letters = pathway_column_letter (cases[i].column);

      g_assert_cmpstr (letters, ==, cases[i].letters);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/csv/utf8-bom-crlf", test_csv_bom_crlf);
  g_test_add_func ("/exchange/csv/utf8-no-bom-lf", test_csv_no_bom_lf);
  g_test_add_func ("/exchange/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/exchange/csv/embedded-newlines-and-quotes", test_csv_embedded_newlines);
  g_test_add_func ("/exchange/csv/semicolon-sniffed", test_csv_semicolon);
  g_test_add_func ("/exchange/csv/tab-sniffed", test_csv_tab);
  g_test_add_func ("/exchange/csv/sep-line", test_csv_sep_line);
  g_test_add_func ("/exchange/csv/utf16", test_csv_utf16);
  g_test_add_func ("/exchange/csv/blank-lines-keep-row-numbers", test_csv_blank_lines_and_sections);
  g_test_add_func ("/exchange/csv/title-above-header", test_csv_title_above_header);
  g_test_add_func ("/exchange/csv/lone-cr-unbalanced-quote", test_csv_lone_cr_and_unbalanced);
  g_test_add_func ("/exchange/csv/limits", test_csv_limits);
  g_test_add_func ("/exchange/csv/nul-refused", test_csv_nul_refused);
  g_test_add_func ("/exchange/csv/bad-utf8-kept-utf8", test_csv_bad_utf8);
  g_test_add_func ("/exchange/csv/encoding-on-whole-file", test_csv_encoding_evidence);
  g_test_add_func ("/exchange/sheet/refuses-xls-and-empty", test_refuses_xls_and_empty);
  g_test_add_func ("/exchange/xlsx/shared-inline-dates", test_xlsx_cells);
  g_test_add_func ("/exchange/xlsx/sheets-by-name", test_xlsx_sheets);
  g_test_add_func ("/exchange/xlsx/refuses-zip-bomb", test_xlsx_zip_bomb);
  g_test_add_func ("/exchange/xlsx/refuses-lying-sizes", test_xlsx_lying_sizes);
  g_test_add_func ("/exchange/xlsx/refuses-billion-laughs", test_xlsx_billion_laughs);
  g_test_add_func ("/exchange/xlsx/refuses-damage", test_xlsx_damaged);
  g_test_add_func ("/exchange/number-format/dates", test_number_formats);
  g_test_add_func ("/exchange/sheet/column-letters", test_column_letters);

  return g_test_run ();
}
