/* exchange-test-support.c: folders, fixtures, programmes and workbooks for the exchange
 * tests. Workbooks are zipped here with libzip from XML the tests write out in full, or
 * written by libxlsxwriter from rows of text when what matters is what the cells say. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "exchange-test-support.h"

char *
exchange_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathway-exchange-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
exchange_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        exchange_test_remove_dir (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

char *
exchange_test_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *cwd = NULL;

  /* Absolute, since some tests run programs in another folder. */
  if (g_path_is_absolute (path))
    return g_steal_pointer (&path);
  cwd = g_get_current_dir ();
  return g_build_filename (cwd, path, NULL);
}

GBytes *
exchange_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
exchange_test_write (const char *path, const char *data, gssize length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
exchange_test_assert_unchanged (const char *path, GBytes *before)
{
  g_autoptr(GBytes) now = exchange_test_read (path);

  g_assert_cmpuint (g_bytes_get_size (now), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (now, before));
}

PathwayDocument *
exchange_test_new_programme (const char *path, gboolean uses_blue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2019, 10, 16, 12, 0, 0);
  PathwayDocument *document = pathway_document_create (path, "Test area SEND programme", &error);

  g_assert_no_error (error);
  pathway_document_set_now (document, now);
  pathway_document_set_author (document, "Programme manager");
  if (uses_blue)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      PathwayProgramme *programme = pathway_document_get_programme (document);

      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, TRUE);
      pathway_document_set_value (document, pathway_programme_get_rating_scheme (programme),
                                  "uses-blue", &value, NULL, &error);
      g_assert_no_error (error);
    }
  return document;
}

static GBytes *
zip_pairs (GPtrArray *pairs)
{
  g_autofree char *dir = exchange_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.xlsx", NULL);
  int zip_error = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  GBytes *bytes;

  g_assert_nonnull (zip);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *name = g_ptr_array_index (pairs, i);
      const char *text = g_ptr_array_index (pairs, i + 1);
      zip_source_t *source = zip_source_buffer (zip, text, strlen (text), 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
  bytes = exchange_test_read (path);
  exchange_test_remove_dir (dir);
  return bytes;
}

GBytes *
exchange_test_zip (const char *first_name, ...)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      g_ptr_array_add (pairs, (char *) name);
      g_ptr_array_add (pairs, va_arg (args, char *));
    }
  va_end (args);
  return zip_pairs (pairs);
}

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Tracker\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

GBytes *
exchange_test_xlsx (const char *sheet_xml, const char *shared_strings_xml,
                    const char *styles_xml)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();

  g_ptr_array_add (pairs, "[Content_Types].xml");
  g_ptr_array_add (pairs, (char *) content_types);
  g_ptr_array_add (pairs, "_rels/.rels");
  g_ptr_array_add (pairs, (char *) package_rels);
  g_ptr_array_add (pairs, "xl/workbook.xml");
  g_ptr_array_add (pairs, (char *) workbook);
  g_ptr_array_add (pairs, "xl/_rels/workbook.xml.rels");
  g_ptr_array_add (pairs, (char *) workbook_rels);
  g_ptr_array_add (pairs, "xl/worksheets/sheet1.xml");
  g_ptr_array_add (pairs, (char *) sheet_xml);
  if (shared_strings_xml != NULL)
    {
      g_ptr_array_add (pairs, "xl/sharedStrings.xml");
      g_ptr_array_add (pairs, (char *) shared_strings_xml);
    }
  if (styles_xml != NULL)
    {
      g_ptr_array_add (pairs, "xl/styles.xml");
      g_ptr_array_add (pairs, (char *) styles_xml);
    }
  return zip_pairs (pairs);
}

char *
exchange_test_zip_part (const char *path, const char *name)
{
  int zip_error = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zip_error);
  zip_stat_t st;
  zip_file_t *file;
  char *text;

  g_assert_nonnull (zip);
  if (zip_stat (zip, name, 0, &st) != 0)
    {
      zip_discard (zip);
      return NULL;
    }
  text = g_malloc0 (st.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  zip_discard (zip);
  return text;
}

PathwayAction *
exchange_test_find_action (PathwayDocument *document, const char *reference)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (!pathway_action_get_deleted (action) &&
          g_strcmp0 (pathway_action_get_reference (action), reference) == 0)
        return action;
    }
  return NULL;
}

/* "Red{FF0000}": the text before a fill given as {RRGGBB} at the end of a cell, and the fill. */
static gboolean
split_fill (const char *cell, char **text, guint32 *rgb)
{
  gsize length = strlen (cell);
  guint64 value;
  g_autofree char *hex = NULL;

  if (length < 8 || cell[length - 1] != '}' || cell[length - 8] != '{')
    return FALSE;
  hex = g_strndup (cell + length - 7, 6);
  if (!g_ascii_string_to_unsigned (hex, 16, 0, 0xFFFFFF, &value, NULL))
    return FALSE;
  *text = g_strndup (cell, length - 8);
  *rgb = (guint32) value;
  return TRUE;
}

void
exchange_test_write_workbook (const char *path, const ExchangeTestSheet *sheets, guint n_sheets)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autoptr(GHashTable) formats = g_hash_table_new (NULL, NULL);

  g_assert_nonnull (workbook);
  for (guint s = 0; s < n_sheets; s++)
    {
      lxw_worksheet *worksheet = workbook_add_worksheet (workbook, sheets[s].name);

      g_assert_nonnull (worksheet);
      for (guint r = 0; sheets[s].rows[r] != NULL; r++)
        {
          g_auto(GStrv) cells = g_strsplit (sheets[s].rows[r], "|", -1);

          for (guint c = 0; cells[c] != NULL; c++)
            {
              g_autofree char *text = NULL;
              lxw_format *format = NULL;
              guint32 rgb;

              if (split_fill (cells[c], &text, &rgb))
                {
                  format = g_hash_table_lookup (formats, GUINT_TO_POINTER (rgb + 1));
                  if (format == NULL)
                    {
                      format = workbook_add_format (workbook);
                      format_set_bg_color (format, rgb);
                      g_hash_table_insert (formats, GUINT_TO_POINTER (rgb + 1), format);
                    }
                }
              else
                text = g_strdup (cells[c]);
              if (*text != '\0')
                g_assert_cmpint (worksheet_write_string (worksheet, r, c, text, format), ==,
                                 LXW_NO_ERROR);
              else if (format != NULL)
                g_assert_cmpint (worksheet_write_blank (worksheet, r, c, format), ==,
                                 LXW_NO_ERROR);
            }
        }
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

/* The import tests' fixture ---------------------------------------------------------------- */

static void
fixture_open (ExchangeFixture *fixture, gboolean uses_blue)
{
  fixture->dir = exchange_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "area.pathway", NULL);
  fixture->document = exchange_test_new_programme (fixture->path, uses_blue);
}

void
exchange_fixture_set_up (ExchangeFixture *fixture, gconstpointer data)
{
  fixture_open (fixture, GPOINTER_TO_INT (data));
}

void
exchange_fixture_set_up_rag (ExchangeFixture *fixture, gconstpointer data)
{
  fixture_open (fixture, FALSE);
}

void
exchange_fixture_tear_down (ExchangeFixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->document);
  exchange_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

PathwaySheet *
exchange_test_sheet_from_text (const char *name, const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PathwaySheet *sheet = pathway_sheet_read_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

/* Return forms ----------------------------------------------------------------------------- */

static void
set_day (PathwayDocument *document, const GDate *today, int days_before)
{
  GDate day = *today;
  g_autoptr(GDateTime) noon = NULL;

  g_date_subtract_days (&day, days_before);
  noon = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 12, 0, 0);
  pathway_document_set_now (document, noon);
}

static void
add_fields (PathwayDocument *document, const char *kind, const char *const *pairs)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_ptr_array_add (fields, (gpointer) pairs[i]);
      g_ptr_array_add (values, (gpointer) pairs[i + 1]);
    }
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (values, NULL);
  g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup (kind),
                                              (const char *const *) fields->pdata,
                                              (const char *const *) values->pdata,
                                              (gpointer *) &record, &error));
  g_assert_no_error (error);
}

PathwayDocument *
exchange_test_returns_programme (const char *path, const char *name, const GDate *today)
{
  g_autoptr(GError) error = NULL;
  PathwayDocument *document = pathway_document_create (path, name, &error);
  GDate meeting = *today;
  g_autofree char *meeting_day = NULL;

  g_assert_no_error (error);
  pathway_document_set_author (document, "Programme manager");
  set_day (document, today, 67);
  add_fields (document, "person", (const char *[]) { "name", "Beth Kowalski", "email",
                                                     "beth.kowalski@westmoor.gov.uk", NULL });
  add_fields (document, "person", (const char *[]) { "name", "Sam Patel", "email",
                                                     "sam.patel@westmoor.nhs.uk", NULL });
  add_fields (document, "person", (const char *[]) { "name", "Ann Lee", NULL });
  add_fields (document, "workstream", (const char *[]) { "code", "A", "title",
                                                         "Assessment and planning", NULL });
  add_fields (document, "workstream", (const char *[]) { "code", "B", "title",
                                                         "Preparing for adulthood", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "1A i", "workstream", "A", "lead", "Beth Kowalski",
    "description", "Agree a joint commissioning strategy with health partners.",
    "rating", "amber", "status", "on-track",
    "commentary", "Draft strategy shared with partners; comments due in November.", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "1A ii", "workstream", "A", "lead", "Beth Kowalski",
    "description", "Recruit two more SEN case officers.", "rating", "red",
    "status", "delayed", "commentary", "Recruitment paused while the budget is agreed.",
    "recovery-plan", "Agency cover until the posts are filled.", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "1B i", "workstream", "A", "lead", "Sam Patel",
    "description", "Audit 40 EHC plans a quarter.", "rating", "green", "status", "on-track",
    "commentary", "Audit of 30 plans complete.", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "1B ii", "workstream", "A", "lead", "Ann Lee",
    "description", "Publish the local offer.", "rating", "green", "status", "complete", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "2A i", "workstream", "B", "description", "Map post-16 provision.",
    "rating", "amber", NULL });
  add_fields (document, "action", (const char *[]) {
    "reference", "2A ii", "workstream", "B", "lead", "Sam Patel",
    "description", "Agree transition plans at 14.", "rating", "amber", NULL });
  g_date_subtract_days (&meeting, 19);
  meeting_day = pathway_date_format_iso (&meeting);
  add_fields (document, "board", (const char *[]) { "name", "SEND Improvement Board", NULL });
  add_fields (document, "meeting", (const char *[]) { "board", "SEND Improvement Board",
                                                      "date", meeting_day, NULL });
  set_day (document, today, 17);
  g_assert_true (pathway_document_set_commentary (document,
                                                  exchange_test_find_action (document, "2A ii"),
                                                  "Transition plans agreed in three schools.",
                                                  &error));
  g_assert_no_error (error);
  set_day (document, today, 0);
  return document;
}

typedef struct {
  zip_t *zip;
  GString *sheet;
  GString *strings;
} FormParts;

static char *
read_part (zip_t *zip, const char *name)
{
  zip_stat_t st;
  zip_file_t *file;
  char *text;

  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  text = g_malloc0 (st.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  return text;
}

static void
open_form (const char *path, FormParts *parts)
{
  int zip_error = 0;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;

  parts->zip = zip_open (path, 0, &zip_error);
  g_assert_nonnull (parts->zip);
  sheet = read_part (parts->zip, "xl/worksheets/sheet1.xml");
  strings = read_part (parts->zip, "xl/sharedStrings.xml");
  parts->sheet = g_string_new (sheet);
  parts->strings = g_string_new (strings);
}

static void
replace_part (zip_t *zip, const char *name, GString *text)
{
  zip_source_t *source = zip_source_buffer (zip, text->str, text->len, 0);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), >=, 0);
}

/* Writes the parts back: the zip takes the new text when it is closed. */
static void
close_form (FormParts *parts)
{
  replace_part (parts->zip, "xl/worksheets/sheet1.xml", parts->sheet);
  replace_part (parts->zip, "xl/sharedStrings.xml", parts->strings);
  g_assert_cmpint (zip_close (parts->zip), ==, 0);
  g_string_free (parts->sheet, TRUE);
  g_string_free (parts->strings, TRUE);
}

/* The number in an attribute of the first element named 'element'. */
static guint
attribute_number (GString *xml, const char *element, const char *attribute, gsize *at,
                  gsize *length)
{
  g_autofree char *pattern = g_strdup_printf ("<%s [^>]*\\b%s=\"([0-9]+)\"", element, attribute);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  int start, end;

  g_assert_true (g_regex_match (regex, xml->str, 0, &match));
  g_match_info_fetch_pos (match, 1, &start, &end);
  number = g_match_info_fetch (match, 1);
  *at = (gsize) start;
  *length = (gsize) (end - start);
  return (guint) g_ascii_strtoull (number, NULL, 10);
}

static void
set_attribute_number (GString *xml, const char *element, const char *attribute, guint value)
{
  gsize at, length;
  g_autofree char *text = g_strdup_printf ("%u", value);

  attribute_number (xml, element, attribute, &at, &length);
  g_string_erase (xml, (gssize) at, (gssize) length);
  g_string_insert (xml, (gssize) at, text);
}

/* Adds a string to the shared strings, as Excel does for text typed in a cell; its index. */
static guint
add_shared_string (GString *strings, const char *text)
{
  gsize at, length;
  guint unique = attribute_number (strings, "sst", "uniqueCount", &at, &length);
  guint count = attribute_number (strings, "sst", "count", &at, &length);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *item = g_strdup_printf ("<si><t xml:space=\"preserve\">%s</t></si>", escaped);
  const char *end = strstr (strings->str, "</sst>");

  g_assert_nonnull (end);
  g_string_insert (strings, end - strings->str, item);
  set_attribute_number (strings, "sst", "uniqueCount", unique + 1);
  set_attribute_number (strings, "sst", "count", count + 1);
  return unique;
}

static char *
cell_xml (FormParts *parts, const char *cell, const char *style, const char *text)
{
  g_autofree char *styled = style ? g_strdup_printf (" s=\"%s\"", style) : g_strdup ("");

  if (*text == '\0')
    return g_strdup_printf ("<c r=\"%s\"%s/>", cell, styled);
  return g_strdup_printf ("<c r=\"%s\"%s t=\"s\"><v>%u</v></c>", cell, styled,
                          add_shared_string (parts->strings, text));
}

static void
set_cell (FormParts *parts, const char *cell, const char *text)
{
  g_autofree char *opening = g_strdup_printf ("<c r=\"%s\"", cell);
  const char *start = strstr (parts->sheet->str, opening);
  const char *close, *end;
  g_autofree char *tag = NULL;
  g_autofree char *style = NULL;
  g_autofree char *replacement = NULL;
  g_autoptr(GRegex) regex = g_regex_new (" s=\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (start);
  close = strchr (start, '>');
  end = close[-1] == '/' ? close + 1 : strstr (start, "</c>") + 4;
  tag = g_strndup (start, close - start);
  if (g_regex_match (regex, tag, 0, &match))
    style = g_match_info_fetch (match, 1);
  replacement = cell_xml (parts, cell, style, text);
  {
    gsize at = start - parts->sheet->str;

    g_string_erase (parts->sheet, (gssize) at, end - start);
    g_string_insert (parts->sheet, (gssize) at, replacement);
  }
}

void
exchange_test_fill_form (const char *path, const char *first_cell, ...)
{
  FormParts parts;
  va_list ap;

  open_form (path, &parts);
  va_start (ap, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (ap, const char *))
    set_cell (&parts, cell, va_arg (ap, const char *));
  va_end (ap);
  close_form (&parts);
}

void
exchange_test_delete_form_row (const char *path, guint row_number)
{
  g_autofree char *opening = g_strdup_printf ("<row r=\"%u\"", row_number);
  FormParts parts;
  const char *start, *end;

  open_form (path, &parts);
  start = strstr (parts.sheet->str, opening);
  g_assert_nonnull (start);
  end = strstr (start, "</row>") + strlen ("</row>");
  g_string_erase (parts.sheet, start - parts.sheet->str, end - start);
  close_form (&parts);
}

void
exchange_test_add_form_row (const char *path, guint row_number, const char *first_cell, ...)
{
  g_autoptr(GString) row = g_string_new (NULL);
  FormParts parts;
  const char *end;
  va_list ap;

  open_form (path, &parts);
  g_string_printf (row, "<row r=\"%u\" spans=\"1:8\">", row_number);
  va_start (ap, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (ap, const char *))
    {
      g_autofree char *xml = cell_xml (&parts, cell, NULL, va_arg (ap, const char *));

      g_string_append (row, xml);
    }
  va_end (ap);
  g_string_append (row, "</row>");
  end = strstr (parts.sheet->str, "</sheetData>");
  g_assert_nonnull (end);
  g_string_insert (parts.sheet, end - parts.sheet->str, row->str);
  close_form (&parts);
}
