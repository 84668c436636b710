/* test-export.c: the tracker out and back. CSV is UTF-8 with a BOM and CRLF; XLSX has a bold
 * frozen header, an autofilter, coloured rating cells that carry the word, real dates and
 * column widths. No cell can run as a formula. Exporting the demo programme and importing it
 * into an empty one gives the same actions, field by field, from CSV and from XLSX; and when
 * LibreOffice is installed, its reading of the XLSX is the same cells as the CSV. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "exchange-test-support.h"
#include "pathway-demo.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = exchange_test_make_dir ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  exchange_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
in_dir (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static PathwayDocument *
open_demo (Fixture *fixture)
{
  g_autofree char *path = in_dir (fixture, "demo.pathway");
  g_autoptr(GError) error = NULL;
  PathwayDocument *document;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      pathway_demo_write (path, &error);
      g_assert_no_error (error);
    }
  document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return document;
}

static void
export (PathwayDocument *document, const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_export (document, path, &error));
  g_assert_no_error (error);
}

/* Imports 'path' into a new programme 'name' in the fixture's folder. */
static PathwayDocument *
import_into_new (Fixture *fixture, const char *path, const char *name)
{
  g_autofree char *target = in_dir (fixture, name);
  PathwayDocument *document = exchange_test_new_programme (target, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read (path, NULL, &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;

  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, document, NULL);
  if (pathway_import_plan_has_errors (plan))
    {
      g_autofree char *text = pathway_import_problem_to_string (
        pathway_import_plan_get_problem (plan, 0));

      g_error ("%s", text);
    }
  g_assert_true (pathway_import_apply (plan, document, &error));
  g_assert_no_error (error);
  return document;
}

static guint
count_live (PathwayDocument *document)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      n += !pathway_action_get_deleted (action);
    }
  return n;
}

static void
assert_same_timescale (const char *what, const PathwayTimescale *a, const PathwayTimescale *b)
{
  gboolean a_empty = a == NULL || *a->text == '\0';
  gboolean b_empty = b == NULL || *b->text == '\0';

  if (a_empty && b_empty)
    return;
  if (a_empty != b_empty || !pathway_timescale_equal (a, b))
    g_error ("%s: “%s” came back as “%s”", what, a ? a->text : "", b ? b->text : "");
}

/* Every action of 'a' is in 'b' with the same fields. */
static void
assert_same_actions (PathwayDocument *a, PathwayDocument *b)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (a));
  guint compared = 0;

  g_assert_cmpuint (count_live (a), ==, count_live (b));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) x = g_list_model_get_item (actions, i);
      PathwayAction *y;
      const char *ref = pathway_action_get_reference (x);
      PathwayWorkstream *xw, *yw;
      PathwayAreaOfWeakness *xa, *ya;
      PathwayPerson *xl, *yl;

      if (pathway_action_get_deleted (x))
        continue;
      y = exchange_test_find_action (b, ref);
      if (y == NULL)
        g_error ("%s did not come back", ref);
      g_assert_cmpstr (pathway_action_get_description (x), ==, pathway_action_get_description (y));
      g_assert_cmpstr (pathway_action_get_theme (x), ==, pathway_action_get_theme (y));
      g_assert_cmpstr (pathway_action_get_success_measure (x), ==,
                       pathway_action_get_success_measure (y));
      g_assert_cmpstr (pathway_action_get_commentary (x), ==, pathway_action_get_commentary (y));
      g_assert_cmpint (pathway_action_get_rating (x), ==, pathway_action_get_rating (y));
      g_assert_cmpint (pathway_action_get_status (x), ==, pathway_action_get_status (y));
      assert_same_timescale (ref, pathway_action_get_original_timescale (x),
                             pathway_action_get_original_timescale (y));
      assert_same_timescale (ref, pathway_action_get_revised_timescale (x),
                             pathway_action_get_revised_timescale (y));
      xw = pathway_action_get_workstream (x), yw = pathway_action_get_workstream (y);
      g_assert_true ((xw == NULL) == (yw == NULL));
      if (xw != NULL)
        {
          g_assert_cmpstr (pathway_workstream_get_code (xw), ==, pathway_workstream_get_code (yw));
          g_assert_cmpstr (pathway_workstream_get_title (xw), ==,
                           pathway_workstream_get_title (yw));
        }
      xa = pathway_action_get_area (x), ya = pathway_action_get_area (y);
      g_assert_true ((xa == NULL) == (ya == NULL));
      if (xa != NULL)
        {
          g_assert_cmpstr (pathway_area_of_weakness_get_reference (xa), ==,
                           pathway_area_of_weakness_get_reference (ya));
          g_assert_cmpstr (pathway_area_of_weakness_get_title (xa), ==,
                           pathway_area_of_weakness_get_title (ya));
        }
      xl = pathway_action_get_lead (x), yl = pathway_action_get_lead (y);
      g_assert_true ((xl == NULL) == (yl == NULL));
      if (xl != NULL)
        g_assert_cmpstr (pathway_person_get_name (xl), ==, pathway_person_get_name (yl));
      compared++;
    }
  g_assert_cmpuint (compared, >, 50);
}

static void
test_round_trip (Fixture *fixture, gconstpointer data)
{
  const char *name = data;
  g_autoptr(PathwayDocument) demo = open_demo (fixture);
  g_autofree char *path = in_dir (fixture, name);
  g_autoptr(PathwayDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) again = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;

  export (demo, path);
  back = import_into_new (fixture, path, "back.pathway");
  assert_same_actions (demo, back);

  /* The same file again changes nothing. */
  again = pathway_sheet_read (path, NULL, &error);
  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (again);
  plan = pathway_import_plan (again, mapping, back, NULL);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_unchanged (plan), ==, count_live (demo));
}

static void
test_csv_format (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) demo = open_demo (fixture);
  g_autofree char *path = in_dir (fixture, "tracker.csv");
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  gsize length;
  guint crlf = 0;

  export (demo, path);
  bytes = exchange_test_read (path);
  text = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Ref,Action,Area of weakness,Workstream,"
                                         "Theme,Lead,Original timescale,Revised timescale,"
                                         "Status,RAG,Success measure,Commentary,"
                                         "Last updated\r\n"));
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      {
        g_assert_true (i > 0 && text[i - 1] == '\r');
        crlf++;
      }
  g_assert_cmpuint (crlf, ==, count_live (demo) + 1);
  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
}

/* A programme whose text looks like formulas and markup. */
static PathwayDocument *
risky_programme (Fixture *fixture)
{
  static const char *const descriptions[] = {
    "=1+1", "+SUM(A1:A9)", "-2 days behind", "@board please note", "\tTabbed in",
    "\nNew line first", "'=already marked", "S<OT & \"SALT\"", "</span><b>bold</b>",
  };
  g_autofree char *path = in_dir (fixture, "risky.pathway");
  PathwayDocument *document = exchange_test_new_programme (path, FALSE);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("F%u", i + 1);

      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, descriptions[i]);
      pathway_action_set_commentary (action, "=HYPERLINK(\"http://example.invalid\")");
      pathway_action_set_rating (action, PATHWAY_RATING_AMBER);
      g_assert_true (pathway_document_add_action (document, action, &error));
      g_assert_no_error (error);
    }
  return document;
}

static void
test_formula_injection (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) risky = risky_programme (fixture);
  g_autofree char *csv = in_dir (fixture, "risky.csv");
  g_autofree char *xlsx = in_dir (fixture, "risky.xlsx");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autoptr(PathwayDocument) from_csv = NULL;
  g_autoptr(PathwayDocument) from_xlsx = NULL;
  const char *text;

  export (risky, csv);
  export (risky, xlsx);

  /* CSV: each such cell starts with an apostrophe inside its quotes. */
  bytes = exchange_test_read (csv);
  text = g_bytes_get_data (bytes, NULL);
  for (const char *const *cell = (const char *const[]) {
         "\"'=1+1\"", "\"'+SUM(A1:A9)\"", "\"'-2 days behind\"", "\"'@board please note\"",
         "\"'\tTabbed in\"", "\"'\nNew line first\"", "\"''=already marked\"",
         "\"'=HYPERLINK(\"\"http://example.invalid\"\")\"", NULL };
       *cell; cell++)
    if (strstr (text, *cell) == NULL)
      g_error ("CSV lacks %s", *cell);
  g_assert_null (strstr (text, ",=1+1"));

  /* XLSX: text only in string cells; no formula anywhere. */
  sheet_xml = exchange_test_zip_part (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (sheet_xml);
  g_assert_null (strstr (sheet_xml, "<f>"));
  g_assert_null (strstr (sheet_xml, "<f "));
  g_assert_nonnull (strstr (sheet_xml, "t=\"s\""));

  from_csv = import_into_new (fixture, csv, "from-csv.pathway");
  from_xlsx = import_into_new (fixture, xlsx, "from-xlsx.pathway");
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *reference = g_strdup_printf ("F%u", i);
      PathwayAction *original = exchange_test_find_action (risky, reference);
      PathwayAction *via_csv = exchange_test_find_action (from_csv, reference);
      PathwayAction *via_xlsx = exchange_test_find_action (from_xlsx, reference);
      const char *description = pathway_action_get_description (original);

      g_assert_cmpstr (pathway_action_get_description (via_csv), ==, description);
      g_assert_cmpstr (pathway_action_get_commentary (via_csv), ==,
                       pathway_action_get_commentary (original));
      g_assert_cmpstr (pathway_action_get_commentary (via_xlsx), ==,
                       pathway_action_get_commentary (original));
      /* A spreadsheet cell is trimmed on import, so only leading space is lost from XLSX. */
      if (!g_ascii_isspace (description[0]))
        g_assert_cmpstr (pathway_action_get_description (via_xlsx), ==, description);
    }
}

static void
test_xlsx_structure (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) demo = open_demo (fixture);
  g_autofree char *path = in_dir (fixture, "tracker.xlsx");
  g_autofree char *sheet_xml = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  guint n = 0;

  export (demo, path);
  n = count_live (demo);
  sheet_xml = exchange_test_zip_part (path, "xl/worksheets/sheet1.xml");
  styles = exchange_test_zip_part (path, "xl/styles.xml");

  /* Frozen header, autofilter over every row, column widths. */
  g_assert_nonnull (strstr (sheet_xml, "ySplit=\"1\""));
  g_assert_nonnull (strstr (sheet_xml, "state=\"frozen\""));
  filter = g_strdup_printf ("<autoFilter ref=\"A1:M%u\"/>", n + 1);
  g_assert_nonnull (strstr (sheet_xml, filter));
  g_assert_nonnull (strstr (sheet_xml, "<cols>"));
  /* Bold header; the four rating fills. */
  g_assert_nonnull (strstr (styles, "<b/>"));
  for (const char *const *fill = (const char *const[]) { "FFC00000", "FFFFC000", "FF00B050",
                                                         NULL };
       *fill; fill++)
    g_assert_nonnull (strstr (styles, *fill));
  /* Dates are numbers with date formats. */
  g_assert_nonnull (strstr (styles, "formatCode=\"dd/mm/yyyy\""));

  /* Read back: rating cells carry the word; dates show as written. */
  sheet = pathway_sheet_read (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pathway_sheet_get_n_rows (sheet), ==, n + 1);
  for (guint r = 1; r <= n; r++)
    {
      const char *rating = pathway_sheet_get_cell (sheet, r, 9);

      g_assert_true (*rating == '\0' || g_str_equal (rating, "Red") ||
                     g_str_equal (rating, "Amber") || g_str_equal (rating, "Green") ||
                     g_str_equal (rating, "Blue"));
      g_assert_true (g_regex_match_simple ("^[0-9]{2}/[0-9]{2}/[0-9]{4}$",
                                           pathway_sheet_get_cell (sheet, r, 12), 0, 0));
    }
}

static char *
find_libreoffice (void)
{
  char *office = g_find_program_in_path ("libreoffice");

  return office ? office : g_find_program_in_path ("soffice");
}

/* Converts 'files' (NULL-terminated) with LibreOffice into out_dir, with a profile of its own
 * in the fixture's folder. */
static void
convert_with_libreoffice (Fixture *fixture, const char *office, const char *filter,
                          const char *out_dir, const char *const *files)
{
  g_autofree char *profile = in_dir (fixture, "profile");
  g_autofree char *profile_url = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_url);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) office);
  g_ptr_array_add (argv, env_arg);
  g_ptr_array_add (argv, "--headless");
  /* CSV in as UTF-8, comma-separated, as our fixtures are, without turning "Dec 18" into
   * a date of this year (its "detect special numbers"). */
  g_ptr_array_add (argv, "--infilter=CSV:44,34,76,1,,0,false,false");
  g_ptr_array_add (argv, "--convert-to");
  g_ptr_array_add (argv, (char *) filter);
  g_ptr_array_add (argv, "--outdir");
  g_ptr_array_add (argv, (char *) out_dir);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) files[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (fixture->dir, (char **) argv->pdata, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (g_file_test (profile, G_FILE_TEST_IS_DIR))
    exchange_test_remove_dir (profile);
}

static void
assert_same_cells (const char *what, PathwaySheet *ours, PathwaySheet *theirs)
{
  g_assert_cmpuint (pathway_sheet_get_n_rows (theirs), ==, pathway_sheet_get_n_rows (ours));
  g_assert_cmpuint (pathway_sheet_get_n_columns (theirs), ==, pathway_sheet_get_n_columns (ours));
  for (guint r = 0; r < pathway_sheet_get_n_rows (ours); r++)
    {
      g_assert_cmpuint (pathway_sheet_get_row_number (theirs, r), ==,
                        pathway_sheet_get_row_number (ours, r));
      for (guint c = 0; c < pathway_sheet_get_n_columns (ours); c++)
        if (!g_str_equal (pathway_sheet_get_cell (ours, r, c),
                          pathway_sheet_get_cell (theirs, r, c)))
          g_error ("%s, row %u column %u: “%s”, but “%s” through LibreOffice", what, r + 1, c + 1,
                   pathway_sheet_get_cell (ours, r, c), pathway_sheet_get_cell (theirs, r, c));
    }
}

/* LibreOffice reads our XLSX as the same cells our CSV holds. Skipped without it. */
static void
test_libreoffice_reads_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *office = find_libreoffice ();
  g_autoptr(PathwayDocument) demo = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) ours = NULL;
  g_autoptr(PathwaySheet) theirs = NULL;

  if (office == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  demo = open_demo (fixture);
  xlsx = in_dir (fixture, "tracker.xlsx");
  csv = in_dir (fixture, "tracker.csv");
  out_dir = in_dir (fixture, "converted");
  converted = g_build_filename (out_dir, "tracker.csv", NULL);
  export (demo, xlsx);
  export (demo, csv);

  convert_with_libreoffice (fixture, office, "csv:Text - txt - csv (StarCalc):44,34,76,1",
                            out_dir, (const char *const[]) { xlsx, NULL });
  ours = pathway_sheet_read (csv, NULL, &error);
  g_assert_no_error (error);
  theirs = pathway_sheet_read (converted, NULL, &error);
  g_assert_no_error (error);
  assert_same_cells ("tracker.xlsx", ours, theirs);
}

/* An XLSX that LibreOffice wrote from each CSV fixture reads as the same cells as the CSV:
 * another writer's shared strings, styles and row layout. Skipped without LibreOffice. */
static void
test_libreoffice_written_xlsx (Fixture *fixture, gconstpointer data)
{
  static const char *const names[] = {
    "utf8-bom-crlf.csv", "embedded-newlines.csv", "section-headings.csv", "timescales.csv",
    "ratings.csv", "bad-rating-row-57.csv", NULL
  };
  g_autofree char *office = find_libreoffice ();
  g_autofree char *out_dir = in_dir (fixture, "converted");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (office == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (paths, exchange_test_fixture (names[i]));
  g_ptr_array_add (paths, NULL);
  convert_with_libreoffice (fixture, office, "xlsx", out_dir,
                            (const char *const *) paths->pdata);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (names[i], strlen (names[i]) - 4);
      g_autofree char *xlsx_name = g_strconcat (base, ".xlsx", NULL);
      g_autofree char *xlsx = g_build_filename (out_dir, xlsx_name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaySheet) ours = pathway_sheet_read (g_ptr_array_index (paths, i), NULL,
                                                         &error);
      g_autoptr(PathwaySheet) theirs = NULL;

      g_assert_no_error (error);
      theirs = pathway_sheet_read (xlsx, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (pathway_sheet_get_format (theirs) == PATHWAY_SHEET_FORMAT_XLSX);
      assert_same_cells (xlsx_name, ours, theirs);
    }
}

static void
test_write_errors (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) demo = open_demo (fixture);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "out.xlsx", NULL);
  g_autofree char *nowhere_csv = g_build_filename (fixture->dir, "no-such-folder", "out.csv",
                                                   NULL);
  g_autofree char *pdf = in_dir (fixture, "out.pdf");
  g_autofree char *existing = in_dir (fixture, "existing.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  g_assert_false (pathway_export (demo, nowhere, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.xlsx"));
  g_clear_error (&error);
  g_assert_false (pathway_export (demo, nowhere_csv, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (pathway_export (demo, pdf, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
  g_clear_error (&error);

  /* Over an old file: replaced whole, and no temporary file left beside it. */
  exchange_test_write (existing, "old", 3);
  export (demo, existing);
  g_assert_true (g_file_test (existing, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".pathway-export"));
      files++;
    }
  g_assert_cmpuint (files, >=, 2);
  {
    g_autoptr(PathwaySheet) sheet = pathway_sheet_read (existing, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pathway_sheet_get_cell (sheet, 0, 0), ==, "Ref");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                                 \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/export/csv-bom-crlf", test_csv_format, NULL);
  ADD ("/exchange/export/round-trip-csv", test_round_trip, "tracker.csv");
  ADD ("/exchange/export/round-trip-xlsx", test_round_trip, "tracker.xlsx");
  ADD ("/exchange/export/no-formulas", test_formula_injection, NULL);
  ADD ("/exchange/export/xlsx-structure", test_xlsx_structure, NULL);
  ADD ("/exchange/export/libreoffice-reads-same-cells", test_libreoffice_reads_export, NULL);
  ADD ("/exchange/xlsx/libreoffice-written", test_libreoffice_written_xlsx, NULL);
  ADD ("/exchange/export/write-errors", test_write_errors, NULL);
#undef ADD

  return g_test_run ();
}
