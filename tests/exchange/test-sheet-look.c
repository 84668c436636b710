/* test-sheet-look.c: what a workbook shows besides its cells' text, as the sheet reads it:
 * solid fills given as RGB, as an index into the legacy palette or the workbook's own, and as
 * a theme colour with a tint (the colours asserted are the ones Excel shows); hidden columns
 * and rows; merged ranges giving their text and fill to every cell; numbers typed as
 * references read as Excel shows them (2.3, not 2.2999999999999998); and the files we cannot
 * read (an old .xls, an encrypted workbook, an .xlsb) refused with a message saying what to do.
 * The workbooks are fixtures written by make-sheet-fixtures.c. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"
#include "pathway-exchange-private.h"

static PathwaySheet *
read_fixture (const char *name, const char *sheet_name)
{
  g_autofree char *path = exchange_test_fixture (name);
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
assert_no_fill (PathwaySheet *sheet, guint row, guint column)
{
  guint32 rgb = 0;

  if (pathway_sheet_get_cell_fill (sheet, row, column, &rgb))
    g_error ("row %u, column %u: fill %06X, none expected", row, column, rgb);
}

/* Fills ---------------------------------------------------------------------------------------- */

static void
test_fills_every_way (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("fills.xlsx", NULL);

  /* Row 12 has fills and no text: it is no row of the sheet. */
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 11);
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 0), ==, "1.1");
  /* Colour alone: the cell has no text. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 2), ==, "");
  assert_fill (sheet, 1, 2, 0x00B050);
  /* indexed="10" in the legacy palette is red. */
  assert_fill (sheet, 2, 2, 0xFF0000);
  /* Theme colours with a tint, through the workbook's own theme (Office 2007's): Excel shows
   * "Red, Accent 2, Lighter 40%" as DA9694, "Darker 25%" as 963634, and "Orange, Accent 6,
   * Darker 25%" as E26B0A. */
  assert_fill (sheet, 3, 2, 0xDA9694);
  assert_fill (sheet, 4, 2, 0x963634);
  assert_fill (sheet, 5, 2, 0xE26B0A);
  /* theme="2" is lt2 and theme="3" dk2, though the theme lists dk2 before lt2; 0 is lt1 (white)
   * and 1 dk1 (black). */
  assert_fill (sheet, 6, 2, 0xEEECE1);
  assert_fill (sheet, 7, 2, 0x1F497D);
  assert_fill (sheet, 8, 2, 0xFFFFFF);
  assert_fill (sheet, 8, 3, 0x000000);
  /* A pattern that is not solid and a gradient are no solid fill; gray125 neither. */
  assert_no_fill (sheet, 9, 2);
  assert_no_fill (sheet, 9, 3);
  assert_no_fill (sheet, 9, 4);
  /* Text and fill both. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 10, 2), ==, "Amber");
  assert_fill (sheet, 10, 2, 0xFFC000);
  /* Cells without a style, past the row, past the sheet. */
  assert_no_fill (sheet, 1, 0);
  assert_no_fill (sheet, 1, 200);
  assert_no_fill (sheet, 50, 2);
  g_assert_true (pathway_sheet_get_cell_fill (sheet, 1, 2, NULL));
}

static void
test_fills_own_palette (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("fills-own-palette.xlsx", NULL);

  /* The workbook's own palette replaces the legacy one: its index 10 is 123456. */
  assert_fill (sheet, 1, 1, 0x123456);
  /* No theme part: Office's own theme (accent1 4472C4), which Excel shows lightened 80% as
   * D9E1F2. */
  assert_fill (sheet, 2, 1, 0xD9E1F2);
  /* Index 64 is the system's foreground colour. */
  assert_fill (sheet, 3, 1, 0x000000);
}

/* Hidden rows and columns, merged cells -------------------------------------------------------- */

static void
test_hidden_rows_and_columns (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("hidden-merged.xlsx", NULL);

  g_assert_cmpuint (pathway_sheet_get_header_row (sheet), ==, 1);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, 2), ==, "RAG Q1");
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 0));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 1));
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 2));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 3));
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 4));
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 5));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 6));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 1000));
  /* What is hidden is still read. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 2), ==, "Red");

  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 3), ==, 4);
  g_assert_true (pathway_sheet_row_is_hidden (sheet, 3));
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 1), ==, "Train staff");
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    if (r != 3)
      g_assert_false (pathway_sheet_row_is_hidden (sheet, r));
  g_assert_false (pathway_sheet_row_is_hidden (sheet, 100));
}

static void
test_merged_cells (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("hidden-merged.xlsx", NULL);
  PathwaySheetRange range = { 0 };

  /* Rows 1, 2, 3, 4, 5, 7, 9, 10: row 6 has only the workstream merged down into it. */
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, 5), ==, 7);

  /* The title over A1:G1 is in every cell of it. */
  for (guint c = 0; c < 7; c++)
    g_assert_cmpstr (pathway_sheet_get_cell (sheet, 0, c), ==, "Improvement plan tracker");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 0, 7), ==, "");

  /* The workstream merged down G3:G6 reaches rows 4 and 5, with its fill. */
  for (guint r = 2; r <= 4; r++)
    {
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, 6), ==, "Workstream 1");
      assert_fill (sheet, r, 6, 0xFFC000);
      g_assert_true (pathway_sheet_get_merged_range (sheet, r, 6, &range));
      g_assert_cmpuint (range.first_row_number, ==, 3);
      g_assert_cmpuint (range.last_row_number, ==, 6);
      g_assert_cmpuint (range.first_column, ==, 6);
      g_assert_cmpuint (range.last_column, ==, 6);
    }
  g_assert_false (pathway_sheet_get_merged_range (sheet, 2, 5, NULL));
  g_assert_false (pathway_sheet_get_merged_range (sheet, 2, 0, NULL));
  /* The first cell of a range is its own; the others are covered by it. */
  g_assert_false (pathway_sheet_cell_is_covered (sheet, 2, 6));
  g_assert_true (pathway_sheet_cell_is_covered (sheet, 3, 6));
  g_assert_false (pathway_sheet_cell_is_covered (sheet, 2, 0));

  /* A heading merged across A7:F7: what was typed under it is hidden, as Excel hides it. */
  for (guint c = 0; c < 6; c++)
    g_assert_cmpstr (pathway_sheet_get_cell (sheet, 5, c), ==,
                     "Area of weakness 2: communication with families");
  g_assert_true (pathway_sheet_get_merged_range (sheet, 5, 3, &range));
  g_assert_cmpuint (range.first_row_number, ==, 7);
  g_assert_cmpuint (range.last_column, ==, 5);
  /* A person sees one cell of text in the row: a section heading. */
  g_assert_false (pathway_sheet_cell_is_covered (sheet, 5, 0));
  for (guint c = 1; c < 6; c++)
    g_assert_true (pathway_sheet_cell_is_covered (sheet, 5, c));
  g_assert_false (pathway_sheet_cell_is_covered (sheet, 5, 6));
  /* The heading is not taken for the header row, though every cell of it names a field. */
  g_assert_cmpuint (pathway_sheet_get_header_row (sheet), ==, 1);

  /* B9:C10: both rows, both columns, text and fill. */
  for (guint r = 6; r <= 7; r++)
    for (guint c = 1; c <= 2; c++)
      {
        g_assert_cmpstr (pathway_sheet_get_cell (sheet, r, c), ==, "Shared action");
        assert_fill (sheet, r, c, 0xFFC000);
      }
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 7, 0), ==, "3.2");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 7, 3), ==, "Amber");
}

/* Numbers -------------------------------------------------------------------------------------- */

static void
test_numbers_as_shown (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("hidden-merged.xlsx", NULL);
  static const struct {
    double value;
    const char *shown;
  } cases[] = {
    { 2.2999999999999998, "2.3" }, { 0.1 + 0.2, "0.3" }, { 1.0 / 3, "0.333333333333333" },
    { -0.0, "0" }, { 10, "10" }, { -2.5, "-2.5" }, { 123456789012345.0, "123456789012345" },
    { 1e15, "1E+15" }, { 1.5e20, "1.5E+20" }, { 1e-5, "1E-05" }, { 0.0001, "0.0001" },
    { 43435.5, "43435.5" },
  };

  /* 2.3 typed in Excel is in the file as 2.2999999999999998; 0.1 as 0.10000000000000001. */
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 2, 0), ==, "2.3");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, 0), ==, "10");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 4, 0), ==, "0.1");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = pathway_number_format_general (cases[i].value);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

/* A real writer -------------------------------------------------------------------------------- */

static void
test_written_by_libxlsxwriter (void)
{
  g_autofree char *path = exchange_test_fixture ("written-by-libxlsxwriter.xlsx");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = pathway_sheet_list_sheet_names (path, &error);
  g_autoptr(PathwaySheet) sheet = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[1], ==, "Tracker");
  sheet = read_fixture ("written-by-libxlsxwriter.xlsx", "Tracker");
  g_assert_cmpstr (pathway_sheet_get_cell (sheet, 1, 0), ==, "2.3");
  assert_fill (sheet, 1, 3, 0xFF0000);
  assert_fill (sheet, 2, 3, 0xFFC000);
  assert_no_fill (sheet, 1, 1);
  g_assert_true (pathway_sheet_column_is_hidden (sheet, 2));
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 3));
  g_assert_true (pathway_sheet_row_is_hidden (sheet, 2));
  g_assert_false (pathway_sheet_row_is_hidden (sheet, 1));
  for (guint c = 0; c < 4; c++)
    {
      g_assert_cmpstr (pathway_sheet_get_cell (sheet, 3, c), ==, "Area of weakness 2");
      assert_fill (sheet, 3, c, 0x00B050);
    }
}

/* Hostile merges ------------------------------------------------------------------------------- */

static void
test_merge_limits (void)
{
  GString *sheet_xml = g_string_new ("<worksheet><sheetData>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;

  /* 2,000 rows of text under 600 copies of a range over all of them: 1.2 million rows
   * covered, past the limit, refused rather than worked through. */
  for (guint r = 1; r <= 2000; r++)
    g_string_append_printf (sheet_xml, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", r, r, r);
  g_string_append (sheet_xml, "</sheetData><mergeCells>");
  for (guint i = 0; i < 600; i++)
    g_string_append (sheet_xml, "<mergeCell ref=\"A1:XFD1048576\"/>");
  g_string_append (sheet_xml, "</mergeCells></worksheet>");
  bytes = exchange_test_xlsx (sheet_xml->str, NULL, NULL);
  sheet = pathway_sheet_read_bytes (bytes, "merges.xlsx", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "merges.xlsx"));
  g_string_free (sheet_xml, TRUE);
  g_clear_error (&error);

  /* Overlapping ranges (which Excel never writes) and a range whose first cell is empty:
   * the first range listed wins, the empty one gives nothing. */
  {
    static const char overlapping[] =
      "<worksheet><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>one</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>two</t></is></c>"
      "<c r=\"D1\" t=\"inlineStr\"><is><t>own</t></is></c></row>"
      "<row r=\"2\"><c r=\"D2\" t=\"inlineStr\"><is><t>own</t></is></c></row>"
      "</sheetData><mergeCells><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"B1:C2\"/>"
      "<mergeCell ref=\"E1:F2\"/><mergeCell ref=\"G1\"/><mergeCell ref=\"nonsense\"/>"
      "<mergeCell ref=\"C2:A1\"/></mergeCells></worksheet>";
    g_autoptr(GBytes) overlap = exchange_test_xlsx (overlapping, NULL, NULL);
    g_autoptr(PathwaySheet) read = pathway_sheet_read_bytes (overlap, "overlap.xlsx", NULL,
                                                             &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pathway_sheet_get_cell (read, 0, 0), ==, "one");
    g_assert_cmpstr (pathway_sheet_get_cell (read, 0, 1), ==, "one");
    g_assert_cmpstr (pathway_sheet_get_cell (read, 1, 1), ==, "one");
    g_assert_cmpstr (pathway_sheet_get_cell (read, 0, 2), ==, "two");
    g_assert_cmpstr (pathway_sheet_get_cell (read, 1, 4), ==, "");
    g_assert_cmpstr (pathway_sheet_get_cell (read, 1, 3), ==, "own");
  }
}

/* What cannot be read -------------------------------------------------------------------------- */

/* An OLE compound file: the signature, and a directory entry naming a stream in UTF-16LE. */
static GBytes *
ole_file (const char *stream)
{
  GByteArray *data = g_byte_array_new ();
  static const guint8 magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guint8 zero[504] = { 0 };

  g_byte_array_append (data, magic, sizeof magic);
  g_byte_array_append (data, zero, sizeof zero);
  for (const char *p = stream; *p != '\0'; p++)
    {
      guint8 wide[2] = { (guint8) *p, 0 };

      g_byte_array_append (data, wide, 2);
    }
  g_byte_array_append (data, zero, 64);
  return g_byte_array_free_to_bytes (data);
}

static void
assert_format_error (GBytes *bytes, const char *display_name, const char * const *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_bytes (bytes, display_name, NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, display_name));
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” not in “%s”", words[i], error->message);
}

static void
test_refuses_xls_xlsb_and_encrypted (void)
{
  g_autoptr(GBytes) xls = ole_file ("Workbook");
  g_autoptr(GBytes) encrypted = ole_file ("EncryptedPackage");
  g_autoptr(GBytes) xlsb = exchange_test_zip (
    "_rels/.rels",
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" "
    "Target=\"xl/workbook.bin\"/></Relationships>",
    "xl/workbook.bin", "\x83\x01\x00", NULL);
  g_autoptr(GBytes) ods_text = exchange_test_zip (
    "mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
    "<office:document-content/>", NULL);
  g_autofree char *dir = exchange_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Tracker 2019.xls", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const xls_words[] = { "old Excel .xls", "Excel or LibreOffice", ".xlsx",
                                            ".ods", "then import that", NULL };
  static const char * const encrypted_words[] = { "password", NULL };
  static const char * const xlsb_words[] = { ".xlsb", "Excel or LibreOffice", ".xlsx", ".ods",
                                             NULL };
  static const char * const text_words[] = { "not a spreadsheet", NULL };

  assert_format_error (xls, "Tracker 2019.xls", xls_words);
  assert_format_error (encrypted, "locked.xlsx", encrypted_words);
  assert_format_error (xlsb, "binary.xlsb", xlsb_words);
  assert_format_error (ods_text, "minutes.odt", text_words);

  /* From a file too, and when listing its sheets. */
  exchange_test_write (path, g_bytes_get_data (xls, NULL), (gssize) g_bytes_get_size (xls));
  g_assert_null (pathway_sheet_read (path, NULL, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Tracker 2019.xls"));
  g_clear_error (&error);
  g_assert_null (pathway_sheet_list_sheet_names (path, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT);
  exchange_test_remove_dir (dir);
}

/* CSV has none of it --------------------------------------------------------------------------- */

static void
test_csv_has_none (void)
{
  g_autoptr(PathwaySheet) sheet = read_fixture ("utf8-no-bom-lf.csv", NULL);

  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    {
      g_assert_false (pathway_sheet_row_is_hidden (sheet, r));
      for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
        {
          assert_no_fill (sheet, r, c);
          g_assert_false (pathway_sheet_get_merged_range (sheet, r, c, NULL));
        }
    }
  g_assert_false (pathway_sheet_column_is_hidden (sheet, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/xlsx/fills/rgb-indexed-theme-tint", test_fills_every_way);
  g_test_add_func ("/exchange/xlsx/fills/own-palette-default-theme", test_fills_own_palette);
  g_test_add_func ("/exchange/xlsx/hidden-rows-and-columns", test_hidden_rows_and_columns);
  g_test_add_func ("/exchange/xlsx/merged-cells-fill-their-range", test_merged_cells);
  g_test_add_func ("/exchange/xlsx/merged-cells-limits", test_merge_limits);
  g_test_add_func ("/exchange/xlsx/numbers-as-excel-shows", test_numbers_as_shown);
  g_test_add_func ("/exchange/xlsx/written-by-libxlsxwriter", test_written_by_libxlsxwriter);
  g_test_add_func ("/exchange/sheet/refuses-xls-xlsb-encrypted",
                   test_refuses_xls_xlsb_and_encrypted);
  g_test_add_func ("/exchange/csv/no-fills-hidden-or-merged", test_csv_has_none);

  return g_test_run ();
}
