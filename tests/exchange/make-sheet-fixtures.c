/* make-sheet-fixtures.c: writes the workbook fixtures that show what a person sees besides a
 * cell's text, into the folder given (tests/exchange/fixtures): fills given every way Excel
 * gives them, hidden rows and columns, merged cells, numbers typed as references, a risk
 * register with a header of two rows, and a LibreOffice spreadsheet. Most are zipped from XML
 * spelled out here, so every attribute the reader meets is one we chose (libxlsxwriter cannot
 * write a theme colour, a tint or an indexed one, and nothing here writes ODS); two are
 * written by libxlsxwriter, as the export writes, so the reader is also tried on a real
 * writer's output. The files are committed;
 * run this again after changing it:
 *
 *   build/tests/exchange/make-sheet-fixtures tests/exchange/fixtures
 *
 * Dates inside the zips are fixed, so the same program writes the same bytes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <xlsxwriter.h>
#include <zip.h>

/* 2019-10-16 12:00 UTC. */
#define FIXED_TIME ((time_t) 1571227200)

/* Writes a zip of NULL-terminated pairs of part name and text; the first part is stored, not
 * deflated (as ODF wants its mimetype). */
static void
write_zip (const char *path, const char *first_name, ...)
{
  int zip_error = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  va_list args;
  gboolean first = TRUE;

  if (zip == NULL)
    g_error ("Cannot write %s", path);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);
      zip_source_t *source = zip_source_buffer (zip, text, strlen (text), 0);
      zip_int64_t index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8);

      if (source == NULL || index < 0)
        g_error ("Cannot add %s to %s", name, path);
      zip_file_set_mtime (zip, (zip_uint64_t) index, FIXED_TIME, 0);
      if (first)
        zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_STORE, 0);
      first = FALSE;
    }
  va_end (args);
  if (zip_close (zip) != 0)
    g_error ("Cannot write %s: %s", path, zip_strerror (zip));
}

/* XLSX parts -------------------------------------------------------------------------------- */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#define CONTENT_TYPES_HEAD \
  XML_HEAD \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"rels\" " \
  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" \
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/" \
  "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" \
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/" \
  "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" \
  "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/" \
  "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"

static const char content_types[] =
  CONTENT_TYPES_HEAD
  "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"application/"
  "vnd.openxmlformats-officedocument.theme+xml\"/>"
  "</Types>";

static const char content_types_no_theme[] = CONTENT_TYPES_HEAD "</Types>";

static const char package_rels[] =
  XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char workbook[] =
  XML_HEAD
  "<workbook " MAIN_NS " xmlns:r=\"" REL_NS "\">"
  "<sheets><sheet name=\"Tracker\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_rels[] =
  XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL_NS "/theme\" Target=\"theme/theme1.xml\"/>"
  "</Relationships>";

/* Without a theme: theme colours are Office's own. */
static const char workbook_rels_no_theme[] =
  XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

/* The Office 2007 theme, which many councils' older trackers still carry. Its scheme lists
 * dk1, lt1, dk2, lt2: a cell's theme="0" is lt1, theme="2" is lt2. */
static const char theme_2007[] =
  XML_HEAD
  "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
  "name=\"Office Theme\"><a:themeElements><a:clrScheme name=\"Office\">"
  "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>"
  "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>"
  "<a:dk2><a:srgbClr val=\"1F497D\"/></a:dk2>"
  "<a:lt2><a:srgbClr val=\"EEECE1\"/></a:lt2>"
  "<a:accent1><a:srgbClr val=\"4F81BD\"/></a:accent1>"
  "<a:accent2><a:srgbClr val=\"C0504D\"/></a:accent2>"
  "<a:accent3><a:srgbClr val=\"9BBB59\"/></a:accent3>"
  "<a:accent4><a:srgbClr val=\"8064A2\"/></a:accent4>"
  "<a:accent5><a:srgbClr val=\"4BACC6\"/></a:accent5>"
  "<a:accent6><a:srgbClr val=\"F79646\"/></a:accent6>"
  "<a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink>"
  "<a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink>"
  "</a:clrScheme>"
  /* Colours elsewhere in a theme are not the scheme's. */
  "<a:fmtScheme name=\"Office\"><a:fillStyleLst><a:solidFill><a:srgbClr val=\"ABCDEF\"/>"
  "</a:solidFill></a:fillStyleLst></a:fmtScheme>"
  "</a:themeElements></a:theme>";

#define SOLID(colour) \
  "<fill><patternFill patternType=\"solid\"><fgColor " colour "/><bgColor indexed=\"64\"/>" \
  "</patternFill></fill>"

/* fills.xlsx: cell style N has fill N. */
static const char fills_styles[] =
  XML_HEAD
  "<styleSheet " MAIN_NS ">"
  "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
  "<fills count=\"14\">"
  "<fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill>"
  SOLID ("rgb=\"FF00B050\"")
  SOLID ("indexed=\"10\"")
  SOLID ("theme=\"5\" tint=\"0.39997558519241921\"")
  SOLID ("theme=\"5\" tint=\"-0.249977111117893\"")
  SOLID ("theme=\"9\" tint=\"-0.249977111117893\"")
  SOLID ("theme=\"2\"")
  SOLID ("theme=\"3\"")
  SOLID ("theme=\"0\"")
  SOLID ("theme=\"1\"")
  "<fill><patternFill patternType=\"gray125\"><fgColor rgb=\"FFFF0000\"/></patternFill></fill>"
  "<fill><gradientFill degree=\"90\"><stop position=\"0\"><color rgb=\"FFFF0000\"/></stop>"
  "<stop position=\"1\"><color rgb=\"FF00B050\"/></stop></gradientFill></fill>"
  SOLID ("rgb=\"FFFFC000\"")
  "</fills>"
  "<borders count=\"1\"><border/></borders>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
  "</cellStyleXfs>"
  "<cellXfs count=\"14\">"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"1\" borderId=\"0\" xfId=\"0\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"4\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"5\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"6\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"7\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"8\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"9\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"10\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"11\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"12\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"13\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
  "</cellXfs>"
  /* A conditional format's fill: not a cell's. */
  "<dxfs count=\"1\"><dxf><fill><patternFill><bgColor rgb=\"FFFF0000\"/></patternFill></fill>"
  "</dxf></dxfs>"
  "</styleSheet>";

#define TEXT(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define FILLED(ref, style) "<c r=\"" ref "\" s=\"" style "\"/>"

/* Each action rated by colour alone in column C, the way the fill is given said in D. */
static const char fills_sheet[] =
  XML_HEAD
  "<worksheet " MAIN_NS "><sheetData>"
  "<row r=\"1\">" TEXT ("A1", "Ref") TEXT ("B1", "Action") TEXT ("C1", "RAG")
  TEXT ("D1", "Given as") "</row>"
  "<row r=\"2\">" TEXT ("A2", "1.1") TEXT ("B2", "Agree the plan") FILLED ("C2", "2")
  TEXT ("D2", "rgb 00B050") "</row>"
  "<row r=\"3\">" TEXT ("A3", "1.2") TEXT ("B3", "Train staff") FILLED ("C3", "3")
  TEXT ("D3", "indexed 10") "</row>"
  "<row r=\"4\">" TEXT ("A4", "1.3") TEXT ("B4", "Review files") FILLED ("C4", "4")
  TEXT ("D4", "accent 2, lighter 40%") "</row>"
  "<row r=\"5\">" TEXT ("A5", "1.4") TEXT ("B5", "Audit plans") FILLED ("C5", "5")
  TEXT ("D5", "accent 2, darker 25%") "</row>"
  "<row r=\"6\">" TEXT ("A6", "1.5") TEXT ("B6", "Survey parents") FILLED ("C6", "6")
  TEXT ("D6", "accent 6, darker 25%") "</row>"
  "<row r=\"7\">" TEXT ("A7", "1.6") TEXT ("B7", "Publish offer") FILLED ("C7", "7")
  TEXT ("D7", "theme 2 (lt2)") "</row>"
  "<row r=\"8\">" TEXT ("A8", "1.7") TEXT ("B8", "Set targets") FILLED ("C8", "8")
  TEXT ("D8", "theme 3 (dk2)") "</row>"
  "<row r=\"9\">" TEXT ("A9", "1.8") TEXT ("B9", "Report") FILLED ("C9", "9")
  FILLED ("D9", "10") "</row>"
  "<row r=\"10\">" TEXT ("A10", "1.9") TEXT ("B10", "Not solid") FILLED ("C10", "11")
  FILLED ("D10", "12") FILLED ("E10", "1") "</row>"
  "<row r=\"11\">" TEXT ("A11", "2.1") TEXT ("B11", "Text and fill")
  "<c r=\"C11\" s=\"13\" t=\"inlineStr\"><is><t>Amber</t></is></c></row>"
  /* A row of fills alone has no text, so it is no row of the sheet. */
  "<row r=\"12\">" FILLED ("A12", "2") FILLED ("B12", "2") "</row>"
  "</sheetData></worksheet>";

/* fills-own-palette.xlsx: a palette of the workbook's own (index 10 is no longer red), and no
 * theme part, so theme colours are Office's. */
static const char own_palette_styles[] =
  XML_HEAD
  "<styleSheet " MAIN_NS ">"
  "<fills count=\"5\">"
  "<fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill>"
  SOLID ("indexed=\"10\"")
  SOLID ("theme=\"4\" tint=\"0.79998168889431442\"")
  SOLID ("indexed=\"64\"")
  "</fills>"
  "<cellXfs count=\"5\"><xf fillId=\"0\"/><xf fillId=\"1\"/><xf fillId=\"2\"/>"
  "<xf fillId=\"3\"/><xf fillId=\"4\"/></cellXfs>"
  "<colors><indexedColors>"
  "<rgbColor rgb=\"00000000\"/><rgbColor rgb=\"00FFFFFF\"/><rgbColor rgb=\"00FF0000\"/>"
  "<rgbColor rgb=\"0000FF00\"/><rgbColor rgb=\"000000FF\"/><rgbColor rgb=\"00FFFF00\"/>"
  "<rgbColor rgb=\"00FF00FF\"/><rgbColor rgb=\"0000FFFF\"/><rgbColor rgb=\"00000000\"/>"
  "<rgbColor rgb=\"00FFFFFF\"/><rgbColor rgb=\"00123456\"/>"
  "</indexedColors></colors>"
  "</styleSheet>";

static const char own_palette_sheet[] =
  XML_HEAD
  "<worksheet " MAIN_NS "><sheetData>"
  "<row r=\"1\">" TEXT ("A1", "Ref") TEXT ("B1", "RAG") "</row>"
  "<row r=\"2\">" TEXT ("A2", "1") FILLED ("B2", "2") "</row>"
  "<row r=\"3\">" TEXT ("A3", "2") FILLED ("B3", "3") "</row>"
  "<row r=\"4\">" TEXT ("A4", "3") FILLED ("B4", "4") "</row>"
  "</sheetData></worksheet>";

/* hidden-merged.xlsx: a title merged across the top; last quarter's rating in hidden column
 * C and old notes in hidden E:F; a hidden row; references typed as numbers (2.3 kept as the
 * double nearest it, which Excel writes with 17 digits); a workstream merged down G3:G6, row
 * 6 having nothing else; a section heading merged across A7:F7; an action merged over B9:C10
 * with a fill. */
static const char hidden_merged_styles[] =
  XML_HEAD
  "<styleSheet " MAIN_NS ">"
  "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill>" SOLID ("rgb=\"FFFFC000\"") "</fills>"
  "<cellXfs count=\"2\"><xf fillId=\"0\"/><xf fillId=\"2\" applyFill=\"1\"/></cellXfs>"
  "</styleSheet>";

static const char hidden_merged_sheet[] =
  XML_HEAD
  "<worksheet " MAIN_NS ">"
  "<cols><col min=\"1\" max=\"2\" width=\"12\" customWidth=\"1\"/>"
  "<col min=\"3\" max=\"3\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>"
  "<col min=\"4\" max=\"4\" width=\"9\"/>"
  "<col min=\"5\" max=\"6\" width=\"9\" hidden=\"true\"/>"
  "<col min=\"7\" max=\"16384\" width=\"9\"/></cols>"
  "<sheetData>"
  "<row r=\"1\">" TEXT ("A1", "Improvement plan tracker") "</row>"
  "<row r=\"2\">" TEXT ("A2", "Ref") TEXT ("B2", "Action") TEXT ("C2", "RAG Q1")
  TEXT ("D2", "RAG") TEXT ("E2", "Old notes") TEXT ("F2", "Older notes")
  TEXT ("G2", "Workstream") "</row>"
  "<row r=\"3\"><c r=\"A3\"><v>2.2999999999999998</v></c>" TEXT ("B3", "Agree the plan")
  TEXT ("C3", "Red") TEXT ("D3", "Amber") TEXT ("E3", "Late")
  "<c r=\"G3\" s=\"1\" t=\"inlineStr\"><is><t>Workstream 1</t></is></c></row>"
  "<row r=\"4\" hidden=\"1\"><c r=\"A4\"><v>10</v></c>" TEXT ("B4", "Train staff")
  TEXT ("D4", "Green") FILLED ("G4", "1") "</row>"
  "<row r=\"5\"><c r=\"A5\"><v>0.10000000000000001</v></c>" TEXT ("B5", "Review files")
  TEXT ("D5", "Red") "</row>"
  "<row r=\"6\">" FILLED ("G6", "1") "</row>"
  "<row r=\"7\">" TEXT ("A7", "Area of weakness 2: communication with families")
  "<c r=\"B7\" t=\"inlineStr\"><is><t>hidden under the merge</t></is></c></row>"
  "<row r=\"9\">" TEXT ("A9", "3.1")
  "<c r=\"B9\" s=\"1\" t=\"inlineStr\"><is><t>Shared action</t></is></c>" TEXT ("D9", "Green")
  "</row>"
  "<row r=\"10\">" TEXT ("A10", "3.2") TEXT ("D10", "Amber") "</row>"
  "</sheetData>"
  "<mergeCells count=\"4\"><mergeCell ref=\"A1:G1\"/><mergeCell ref=\"G3:G6\"/>"
  "<mergeCell ref=\"A7:F7\"/><mergeCell ref=\"B9:C10\"/></mergeCells>"
  "</worksheet>";

static void
write_xlsx (const char *dir, const char *name, const char *rels, const char *styles,
            const char *sheet)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (rels == workbook_rels)
    write_zip (path, "[Content_Types].xml", content_types, "_rels/.rels", package_rels,
               "xl/workbook.xml", workbook, "xl/_rels/workbook.xml.rels", rels,
               "xl/styles.xml", styles, "xl/theme/theme1.xml", theme_2007,
               "xl/worksheets/sheet1.xml", sheet, NULL);
  else
    write_zip (path, "[Content_Types].xml", content_types_no_theme, "_rels/.rels", package_rels,
               "xl/workbook.xml", workbook, "xl/_rels/workbook.xml.rels", rels,
               "xl/styles.xml", styles, "xl/worksheets/sheet1.xml", sheet, NULL);
}

/* written-by-libxlsxwriter.xlsx: fills, a hidden column and row, a merged range and 2.3, as
 * libxlsxwriter writes them. */
static void
write_with_libxlsxwriter (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "written-by-libxlsxwriter.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *book = workbook_new_opt (path, &options);
  lxw_worksheet *summary = workbook_add_worksheet (book, "Summary");
  lxw_worksheet *sheet = workbook_add_worksheet (book, "Tracker");
  lxw_format *red = workbook_add_format (book);
  lxw_format *amber = workbook_add_format (book);
  lxw_format *heading = workbook_add_format (book);
  lxw_row_col_options hidden = { .hidden = 1, .level = 0, .collapsed = 0 };
  lxw_doc_properties properties = { .created = FIXED_TIME };

  workbook_set_properties (book, &properties);
  format_set_bg_color (red, 0xFF0000);
  format_set_bg_color (amber, 0xFFC000);
  format_set_bg_color (heading, 0x00B050);
  worksheet_write_string (summary, 0, 0, "Summary of the plan", NULL);

  worksheet_write_string (sheet, 0, 0, "Ref", NULL);
  worksheet_write_string (sheet, 0, 1, "Action", NULL);
  worksheet_write_string (sheet, 0, 2, "Old RAG", NULL);
  worksheet_write_string (sheet, 0, 3, "RAG", NULL);
  worksheet_write_number (sheet, 1, 0, 2.3, NULL);
  worksheet_write_string (sheet, 1, 1, "Agree the plan", NULL);
  worksheet_write_string (sheet, 1, 2, "Green", NULL);
  worksheet_write_blank (sheet, 1, 3, red);
  worksheet_write_number (sheet, 2, 0, 2.4, NULL);
  worksheet_write_string (sheet, 2, 1, "Hidden action", NULL);
  worksheet_write_blank (sheet, 2, 3, amber);
  worksheet_merge_range (sheet, 3, 0, 3, 3, "Area of weakness 2", heading);
  worksheet_set_column_opt (sheet, 2, 2, LXW_DEF_COL_WIDTH, NULL, &hidden);
  worksheet_set_row_opt (sheet, 2, LXW_DEF_ROW_HEIGHT, NULL, &hidden);
  if (workbook_close (book) != LXW_NO_ERROR)
    g_error ("Cannot write %s", path);
}

/* risk-register.xlsx: a risk register as areas keep one, written by libxlsxwriter. A scoring
 * matrix sheet first; then the register, with a title merged across the top and a line under
 * it, a header of two rows (the columns that are not scores merged down over both, "Inherent
 * risk" and "Residual risk" merged over their Likelihood, Impact and Score and their L, I and
 * Score), levels written as words and as numbers, review dates as dates, a RAG column shown
 * by colour alone, and a key under the table; then an issue log whose only score is a RAG
 * column of colours. */
static void
write_risk_register (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "risk-register.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *book = workbook_new_opt (path, &options);
  lxw_worksheet *scoring = workbook_add_worksheet (book, "Scoring");
  lxw_worksheet *sheet = workbook_add_worksheet (book, "Risk register");
  lxw_worksheet *issues = workbook_add_worksheet (book, "Issue log");
  lxw_format *red = workbook_add_format (book);
  lxw_format *amber = workbook_add_format (book);
  lxw_format *green = workbook_add_format (book);
  lxw_format *title = workbook_add_format (book);
  lxw_format *group = workbook_add_format (book);
  lxw_format *date = workbook_add_format (book);
  lxw_doc_properties properties = { .created = FIXED_TIME };
  static const char *const merged_down[][2] = {
    { "A", "Risk ID" }, { "B", "Type (Risk/Issue)" }, { "C", "Risk title" },
    { "D", "Cause, event, effect" }, { "E", "Risk owner" }, { "F", "Workstream" },
    { "M", "Controls / Mitigation" }, { "N", "Action owner" }, { "O", "Next review" },
    { "P", "Open/Closed" }, { "Q", "WSOA ref" }, { "R", "RAG" },
  };
  static const char *const scores[] = { "Likelihood", "Impact", "Score", "L", "I", "Score" };
  /* Ref, type, title, cause, owner, workstream, L, I, score, residual L, I, score, controls,
   * action owner, review day (d/m/y), status, linked actions; then the RAG colour. */
  static const struct {
    const char *cells[17];
    int day, month, year;
    char rag;
  } risks[] = {
    { { "R01", "Risk", "Assessment backlog grows",
        "Vacancies in the EHC team mean assessments run past 20 weeks", "Beth Kowalski", "A",
        "Likely", "Major", "16", "Possible", "Moderate", "9",
        "Agency cover; weekly tracking of every open assessment", "Sam Patel", NULL, "Open",
        "1A i" }, 31, 3, 2026, 'R' },
    { { "R02", "Risk", "Parent confidence falls", "Complaints rise while plans are late",
        "Ann Lee", "B", "3", "4", "12", "2", "2", "4", "Forum meetings every month", "Ann Lee",
        NULL, "Open", "1B i" }, 30, 4, 2026, 'A' },
    { { "I01", "Issue", "Health waiting list over 40 weeks",
        "Referrals doubled after the school year began", "Dr Nadia Rahman", "C",
        "Almost certain", "Severe", "25", "Likely", "Major", "16", "Extra clinics on Saturdays",
        "Beth Kowalski", NULL, "Escalated", "2A i, 9Z" }, 28, 2, 2026, 'R' },
    { { "R03", "Risk", "Capital funding not confirmed", "", "Sam Patel", "", "Unlikely",
        "Catastrophic", "10", "", "", "", "", "", NULL, "Closed", "" }, 0, 0, 0, 'G' },
  };

  workbook_set_properties (book, &properties);
  format_set_bg_color (red, 0xFF0000);
  format_set_bg_color (amber, 0xFFC000);
  format_set_bg_color (green, 0x00B050);
  format_set_bold (title);
  format_set_bold (group);
  format_set_align (group, LXW_ALIGN_CENTER);
  format_set_num_format (date, "dd/mm/yyyy");

  worksheet_write_string (scoring, 0, 0, "Risk scoring matrix", title);
  worksheet_write_string (scoring, 1, 0, "Impact / Likelihood", NULL);
  for (int l = 1; l <= 5; l++)
    {
      worksheet_write_number (scoring, 1, (lxw_col_t) l, l, NULL);
      worksheet_write_number (scoring, (lxw_row_t) (l + 1), 0, l, NULL);
      for (int i = 1; i <= 5; i++)
        worksheet_write_number (scoring, (lxw_row_t) (i + 1), (lxw_col_t) l, l * i, NULL);
    }

  worksheet_merge_range (sheet, 0, 0, 0, 17, "Northshire SEND Partnership: risk and issue "
                         "register", title);
  worksheet_write_string (sheet, 1, 0, "Owned by the SEND Improvement Board. Last reviewed "
                          "12 February 2026.", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (merged_down); i++)
    {
      lxw_col_t column = (lxw_col_t) (merged_down[i][0][0] - 'A');

      worksheet_merge_range (sheet, 3, column, 4, column, merged_down[i][1], group);
    }
  worksheet_merge_range (sheet, 3, 6, 3, 8, "Inherent risk", group);
  worksheet_merge_range (sheet, 3, 9, 3, 11, "Residual risk", group);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    worksheet_write_string (sheet, 4, (lxw_col_t) (6 + i), scores[i], group);
  for (guint r = 0; r < G_N_ELEMENTS (risks); r++)
    {
      lxw_row_t row = (lxw_row_t) (5 + r);
      lxw_format *fill = risks[r].rag == 'R' ? red : risks[r].rag == 'A' ? amber : green;

      for (lxw_col_t c = 0; c < 17; c++)
        {
          const char *text = risks[r].cells[c];
          char *end = NULL;
          double number;

          if (c == 14 && risks[r].day > 0)
            {
              lxw_datetime when = { risks[r].year, risks[r].month, risks[r].day, 0, 0, 0 };

              worksheet_write_datetime (sheet, row, c, &when, date);
              continue;
            }
          if (text == NULL || *text == '\0')
            continue;
          number = g_ascii_strtod (text, &end);
          if (end != text && *end == '\0')
            worksheet_write_number (sheet, row, c, number, NULL);
          else
            worksheet_write_string (sheet, row, c, text, NULL);
        }
      worksheet_write_blank (sheet, row, 17, fill);
    }
  worksheet_merge_range (sheet, 10, 0, 10, 5, "Key: red 15 to 25, amber 8 to 14, green 1 to 7",
                         NULL);

  worksheet_write_string (issues, 0, 0, "Ref", NULL);
  worksheet_write_string (issues, 0, 1, "Issue", NULL);
  worksheet_write_string (issues, 0, 2, "Owner", NULL);
  worksheet_write_string (issues, 0, 3, "RAG", NULL);
  worksheet_write_string (issues, 0, 4, "Status", NULL);
  worksheet_write_string (issues, 1, 0, "I10", NULL);
  worksheet_write_string (issues, 1, 1, "Transport contract ends in July", NULL);
  worksheet_write_string (issues, 1, 2, "Sam Patel", NULL);
  worksheet_write_blank (issues, 1, 3, red);
  worksheet_write_string (issues, 1, 4, "Open", NULL);
  worksheet_write_string (issues, 2, 0, "I11", NULL);
  worksheet_write_string (issues, 2, 1, "Local offer website offline", NULL);
  worksheet_write_string (issues, 2, 2, "Ann Lee", NULL);
  worksheet_write_blank (issues, 2, 3, amber);
  worksheet_write_string (issues, 2, 4, "Open", NULL);
  if (workbook_close (book) != LXW_NO_ERROR)
    g_error ("Cannot write %s", path);
}

/* ODS parts ------------------------------------------------------------------------------- */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

#define ODF_NS \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " \
  "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" " \
  "office:version=\"1.3\""

static const char ods_manifest[] =
  XML_HEAD
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.3\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" ODS_MIMETYPE "\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>";

/* LibreOffice's named cell styles: "Bad" is filled, as LibreOffice's own is. */
static const char ods_styles[] =
  XML_HEAD
  "<office:document-styles " ODF_NS "><office:styles>"
  "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
  "<style:style style:name=\"Bad\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "fo:background-color=\"#ffcccc\"/></style:style>"
  "</office:styles></office:document-styles>";

#define ODS_TEXT(text) \
  "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\">" \
  "<text:p>" text "</text:p></table:table-cell>"
#define ODS_EMPTY "<table:table-cell/>"

/* tracker.ods: a summary sheet first, then the tracker, then a hidden sheet. The tracker:
 * columns D:E hidden, F filled amber by its default cell style; row 3 filtered out;
 * numbers, a percentage, a date, a boolean and an error; text over two paragraphs with a
 * run of spaces and a comment; fills from an automatic style, from the named "Bad" through
 * a parent, and none where a style says transparent; a range merged over A5:C6; a row
 * repeated with a cell repeated; and the empty rest of the sheet as LibreOffice writes it. */
static const char ods_content[] =
  XML_HEAD
  "<office:document-content " ODF_NS ">"
  "<office:automatic-styles>"
  "<style:style style:name=\"co1\" style:family=\"table-column\">"
  "<style:table-column-properties style:column-width=\"2.258cm\"/></style:style>"
  "<style:style style:name=\"ro1\" style:family=\"table-row\">"
  "<style:table-row-properties style:row-height=\"0.452cm\"/></style:style>"
  "<style:style style:name=\"ta1\" style:family=\"table\" style:master-page-name=\"Default\">"
  "<style:table-properties table:display=\"true\"/></style:style>"
  "<style:style style:name=\"ta2\" style:family=\"table\" style:master-page-name=\"Default\">"
  "<style:table-properties table:display=\"false\"/></style:style>"
  "<style:style style:name=\"ce1\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "fo:background-color=\"#00b050\"/></style:style>"
  "<style:style style:name=\"ce2\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Bad\"/>"
  "<style:style style:name=\"ce3\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Bad\"><style:table-cell-properties "
  "fo:background-color=\"transparent\"/></style:style>"
  "<style:style style:name=\"ce4\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "fo:background-color=\"#ffc000\"/></style:style>"
  "</office:automatic-styles>"
  "<office:body><office:spreadsheet>"

  "<table:table table:name=\"Summary\" table:style-name=\"ta1\">"
  "<table:table-column table:style-name=\"co1\" table:default-cell-style-name=\"Default\"/>"
  "<table:table-row table:style-name=\"ro1\">" ODS_TEXT ("A summary, not the tracker")
  "</table:table-row></table:table>"

  "<table:table table:name=\"Tracker\" table:style-name=\"ta1\">"
  "<table:table-column table:style-name=\"co1\" table:number-columns-repeated=\"3\" "
  "table:default-cell-style-name=\"Default\"/>"
  "<table:table-column table:style-name=\"co1\" table:visibility=\"collapse\" "
  "table:number-columns-repeated=\"2\" table:default-cell-style-name=\"Default\"/>"
  "<table:table-column table:style-name=\"co1\" table:default-cell-style-name=\"ce4\"/>"
  "<table:table-column table:style-name=\"co1\" table:number-columns-repeated=\"1018\" "
  "table:default-cell-style-name=\"Default\"/>"

  "<table:table-header-rows><table:table-row table:style-name=\"ro1\">"
  ODS_TEXT ("Ref") ODS_TEXT ("Action") ODS_TEXT ("RAG") ODS_TEXT ("Old RAG")
  ODS_TEXT ("Old note") ODS_TEXT ("Colour") ODS_TEXT ("Checked")
  "<table:table-cell table:number-columns-repeated=\"1017\"/>"
  "</table:table-row></table:table-header-rows>"

  "<table:table-row table:style-name=\"ro1\">"
  "<table:table-cell office:value-type=\"float\" office:value=\"2.3\" "
  "calcext:value-type=\"float\"><text:p>2.30</text:p></table:table-cell>"
  "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\">"
  "<office:annotation><dc:creator>Sam</dc:creator><text:p>Not the cell's text</text:p>"
  "</office:annotation>"
  "<text:p>Agree the <text:s/>plan\n    with <text:span>families</text:span></text:p>"
  "<text:p>Second line</text:p></table:table-cell>"
  "<table:table-cell table:style-name=\"ce1\"/>"
  ODS_TEXT ("Red") ODS_TEXT ("Late")
  ODS_EMPTY
  "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\" "
  "calcext:value-type=\"boolean\"><text:p>TRUE</text:p></table:table-cell>"
  "<table:table-cell table:number-columns-repeated=\"1017\"/>"
  "</table:table-row>"

  "<table:table-row table:style-name=\"ro1\" table:visibility=\"filter\">"
  "<table:table-cell office:value-type=\"float\" office:value=\"10\" "
  "calcext:value-type=\"float\"><text:p>10</text:p></table:table-cell>"
  ODS_TEXT ("Filtered out")
  "<table:table-cell table:number-columns-repeated=\"1022\"/>"
  "</table:table-row>"

  "<table:table-row table:style-name=\"ro1\">"
  "<table:table-cell office:value-type=\"percentage\" office:value=\"0.25\" "
  "calcext:value-type=\"percentage\"><text:p>25%</text:p></table:table-cell>"
  "<table:table-cell office:value-type=\"date\" office:date-value=\"2018-12-01\" "
  "calcext:value-type=\"date\"><text:p>Dec-18</text:p></table:table-cell>"
  "<table:table-cell table:style-name=\"ce2\"/>"
  "<table:table-cell table:style-name=\"ce3\"/>"
  "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" "
  "office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p>"
  "</table:table-cell>"
  "<table:table-cell table:style-name=\"Default\"/>"
  "<table:table-cell office:value-type=\"date\" office:date-value=\"2019-03-31T00:00:00\"/>"
  "<table:table-cell table:number-columns-repeated=\"1017\"/>"
  "</table:table-row>"

  "<table:table-row table:style-name=\"ro1\">"
  "<table:table-cell table:style-name=\"ce1\" table:number-columns-spanned=\"3\" "
  "table:number-rows-spanned=\"2\" office:value-type=\"string\" calcext:value-type=\"string\">"
  "<text:p>Workstream 2: early help</text:p></table:table-cell>"
  "<table:covered-table-cell table:number-columns-repeated=\"2\"/>"
  "<table:table-cell table:number-columns-repeated=\"1021\"/>"
  "</table:table-row>"
  "<table:table-row table:style-name=\"ro1\">"
  "<table:covered-table-cell table:number-columns-repeated=\"3\"/>"
  ODS_TEXT ("Below the merge")
  "<table:table-cell table:number-columns-repeated=\"1020\"/>"
  "</table:table-row>"

  "<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=\"2\">"
  ODS_TEXT ("Same")
  "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\" "
  "calcext:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
  "<table:table-cell table:number-columns-repeated=\"1021\"/>"
  "</table:table-row>"

  "<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=\"1048568\">"
  "<table:table-cell table:style-name=\"ce1\" table:number-columns-repeated=\"1024\"/>"
  "</table:table-row>"
  "</table:table>"

  "<table:table table:name=\"Old\" table:style-name=\"ta2\">"
  "<table:table-column table:style-name=\"co1\" table:default-cell-style-name=\"Default\"/>"
  "<table:table-row table:style-name=\"ro1\">" ODS_TEXT ("Last year's tracker")
  "</table:table-row></table:table>"

  "<table:named-expressions/>"
  "</office:spreadsheet></office:body></office:document-content>";

static void
write_ods (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "tracker.ods", NULL);

  write_zip (path, "mimetype", ODS_MIMETYPE, "META-INF/manifest.xml", ods_manifest,
             "styles.xml", ods_styles, "content.xml", ods_content, NULL);
}

int
main (int argc, char **argv)
{
  const char *dir;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FOLDER\n", argv[0]);
      return EXIT_FAILURE;
    }
  dir = argv[1];
  write_xlsx (dir, "fills.xlsx", workbook_rels, fills_styles, fills_sheet);
  write_xlsx (dir, "fills-own-palette.xlsx", workbook_rels_no_theme, own_palette_styles,
              own_palette_sheet);
  write_xlsx (dir, "hidden-merged.xlsx", workbook_rels_no_theme, hidden_merged_styles,
              hidden_merged_sheet);
  write_with_libxlsxwriter (dir);
  write_risk_register (dir);
  write_ods (dir);
  return EXIT_SUCCESS;
}
