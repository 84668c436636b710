/* test-cli-exchange.c: `pathway-cli import` and `export` run as a person or a script runs
 * them (the built program, from PATHWAY_CLI), for trackers and (--risks) risk registers: what
 * they print, their exit codes (0 done, 1 wrong usage, 2 a file that cannot be used or a
 * tracker with errors), and that a failed or dry-run import leaves the programme byte for byte
 * as it was. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "exchange-test-support.h"

typedef struct {
  char *dir;
} Fixture;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

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

static void G_GNUC_NULL_TERMINATED
run_cli (Fixture *fixture, Run *run, const char *first, ...)
{
  const char *cli = g_getenv ("PATHWAY_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (fixture->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->status == -1 || strstr (run->err, "Sanitizer") != NULL ||
      strstr (run->err, "runtime error") != NULL || strstr (run->err, "CRITICAL") != NULL ||
      strstr (run->err, "WARNING") != NULL)
    g_error ("pathway-cli %s failed badly (%d):\n%s", first, wait_status, run->err);
}

static char *
in_dir (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
make_programme (Fixture *fixture, const char *name)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "new", name, "--name", "Test area", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static guint
count_actions (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY,
                                                              &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (
    pathway_programme_get_actions (pathway_document_get_programme (document)));
}

static void
test_import_errors_change_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tracker = exchange_test_fixture ("bad-rating-row-57.csv");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  make_programme (fixture, "area.pathway");
  before = exchange_test_read (programme);

  run_cli (fixture, &run, "import", tracker, "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "Row 57, column E (RAG), “Purple”"));
  g_assert_nonnull (strstr (run.out, "error:"));
  g_assert_nonnull (strstr (run.out, "E  RAG"));
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  exchange_test_assert_unchanged (programme, before);
  g_assert_cmpuint (count_actions (programme), ==, 0);
}

static void
test_import_dry_run_then_real (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tracker = exchange_test_fixture ("utf8-bom-crlf.csv");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  make_programme (fixture, "area.pathway");
  before = exchange_test_read (programme);

  run_cli (fixture, &run, "import", tracker, "--into", "area.pathway", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "UTF-8 with BOM"));
  g_assert_nonnull (strstr (run.out, "A  Ref        -> Reference"));
  g_assert_nonnull (strstr (run.out, "Added: 3, updated: 0, unchanged: 0"));
  g_assert_nonnull (strstr (run.out, "Lead: Aisha Begum"));
  g_assert_nonnull (strstr (run.out, "Dry run"));
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", tracker, "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_actions (programme), ==, 3);

  run_cli (fixture, &run, "import", tracker, "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 0, unchanged: 3"));
}

static void
test_import_map_and_sheet (Fixture *fixture, gconstpointer data)
{
  g_autofree char *timescales = exchange_test_fixture ("timescales.csv");
  g_auto(Run) run = { 0 };

  make_programme (fixture, "area.pathway");
  run_cli (fixture, &run, "import", timescales, "--into", "area.pathway", "--map", "D=none",
           "--map=Action=commentary", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "D  Revised timescale   (ignored)"));
  g_assert_nonnull (strstr (run.out, "B  Action              -> Commentary"));

  run_cli (fixture, &run, "import", timescales, "--into", "area.pathway", "--map", "Z=rating",
           NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a column"));
  run_cli (fixture, &run, "import", timescales, "--into", "area.pathway", "--map", "B=colour",
           NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* XLSX: a sheet by name, and one that is not there. */
  run_cli (fixture, &run, "import", timescales, "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "export", "area.pathway", "-o", "out.xlsx", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "import", "out.xlsx", "--into", "area.pathway", "--sheet", "Budget",
           NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“Actions”"));
  run_cli (fixture, &run, "import", "out.xlsx", "--into", "area.pathway", "--sheet", "Actions",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 0, unchanged: 6"));
}

/* A file with a NUL byte is refused before the programme is opened for writing; one that is
 * UTF-8 but for a few bytes is read as UTF-8 and its mended cells are warnings. */
static void
test_import_nul_and_bad_utf8 (Fixture *fixture, gconstpointer data)
{
  g_autofree char *nul = exchange_test_fixture ("nul.csv");
  g_autofree char *bad = exchange_test_fixture ("badutf8.csv");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  make_programme (fixture, "area.pathway");
  before = exchange_test_read (programme);

  run_cli (fixture, &run, "import", nul, "--into", "area.pathway", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "nul.csv"));
  g_assert_nonnull (strstr (run.err, "row 2, column B"));
  g_assert_null (strstr (run.out, "Added:"));
  run_cli (fixture, &run, "import", nul, "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", bad, "--into", "area.pathway", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "UTF-8"));
  g_assert_null (strstr (run.out, "Windows-1252"));
  g_assert_nonnull (strstr (run.out, "Added: 2, updated: 0, unchanged: 0"));
  g_assert_nonnull (strstr (run.out, "Lead: Zo\u00eb \u00c5ngstr\u00f6m"));
  g_assert_nonnull (strstr (run.out, "Problems: 0 errors, 2 warnings"));
  g_assert_nonnull (strstr (run.out, "warning: Row 3, column B (Action)"));
  g_assert_nonnull (strstr (run.out, "warning: Row 3, column L (Commentary)"));
  g_assert_nonnull (strstr (run.out, "Dry run"));
  exchange_test_assert_unchanged (programme, before);
}

static void
test_import_usage (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tracker = exchange_test_fixture ("utf8-bom-crlf.csv");
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "import", tracker, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--into"));
  run_cli (fixture, &run, "import", "missing.csv", "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "missing.csv"));
  run_cli (fixture, &run, "import", tracker, "--into", "missing.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (fixture, &run, "import", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--map COLUMN=FIELD"));
  g_assert_nonnull (strstr (run.out, "--as-at YYYY-MM-DD"));
}

/* Without --sheet the sheet that looks like a tracker is read; with none, the message names
 * each sheet and what it lacks. --sheet all imports every tracker sheet in one go. */
static void
test_import_chooses_sheets (Fixture *fixture, gconstpointer data)
{
  g_autofree char *workbook = in_dir (fixture, "workbook.xlsx");
  g_autofree char *summary_only = in_dir (fixture, "summary.xlsx");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  static const char *const summary[] = { "RAG|Count", "Red|1", NULL };
  static const char *const education[] = {
    "Ref|Action|RAG", "E1|Improve attendance|G", "E2|Cut exclusions|A", NULL
  };
  static const char *const health[] = {
    "Workstream: Health", "Ref|Action|RAG", "H1|Speed up assessments|R", NULL
  };
  const ExchangeTestSheet sheets[] = {
    { "Summary", summary }, { "Education", education }, { "Health", health },
  };
  const ExchangeTestSheet no_tracker[] = { { "Summary", summary } , { "Notes", summary } };
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  exchange_test_write_workbook (workbook, sheets, G_N_ELEMENTS (sheets));
  exchange_test_write_workbook (summary_only, no_tracker, G_N_ELEMENTS (no_tracker));
  make_programme (fixture, "area.pathway");

  run_cli (fixture, &run, "import", "workbook.xlsx", "--into", "area.pathway", "--dry-run",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sheet “Education”"));
  g_assert_nonnull (strstr (run.out, "Added: 2, updated: 0, unchanged: 0"));

  before = exchange_test_read (programme);
  run_cli (fixture, &run, "import", "summary.xlsx", "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“Summary”: no reference or action column"));
  g_assert_nonnull (strstr (run.err, "“Notes”: no reference or action column"));
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", "workbook.xlsx", "--into", "area.pathway", "--sheet", "all",
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sheet “Education”"));
  g_assert_nonnull (strstr (run.out, "sheet “Health”"));
  g_assert_nonnull (strstr (run.out, "Added: 3, updated: 0, unchanged: 0"));
  g_assert_nonnull (strstr (run.out, "Workstream: Education"));
  g_assert_nonnull (strstr (run.out, "Workstream: Health"));
  g_assert_cmpuint (count_actions (programme), ==, 3);

  /* Several --sheet, again: nothing changes. */
  run_cli (fixture, &run, "import", "workbook.xlsx", "--into", "area.pathway", "--sheet",
           "Health", "--sheet", "Education", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 0, unchanged: 3"));
}

/* --skip takes a row out, even one with an error in it; rows skipped are listed with why. */
static void
test_import_skip (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tracker = in_dir (fixture, "skip.csv");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_auto(Run) run = { 0 };

  exchange_test_write (tracker,
                       "Ref,Action,RAG\nK1,First,G\nK2,Second,Purple\nK3,Third,A\n"
                       "Total,,3\n", -1);
  make_programme (fixture, "area.pathway");

  run_cli (fixture, &run, "import", "skip.csv", "--into", "area.pathway", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (fixture, &run, "import", "skip.csv", "--into", "area.pathway", "--skip", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 2, updated: 0, unchanged: 0"));
  g_assert_nonnull (strstr (run.out, "Rows skipped:"));
  g_assert_nonnull (strstr (run.out, "Row 3: skipped as asked"));
  g_assert_nonnull (strstr (run.out, "Row 5: a totals row"));
  g_assert_cmpuint (count_actions (programme), ==, 2);

  run_cli (fixture, &run, "import", "skip.csv", "--into", "area.pathway", "--skip", "40", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--skip"));
}

/* Ratings shown by colour alone are counted in the summary; --as-at dates the import (a copy
 * of last month's tracker imported after this month's joins the history); next month's file
 * of a layout chosen with --map is read the same way without it, and says so. */
static void
test_import_as_at_colours_and_layout (Fixture *fixture, gconstpointer data)
{
  static const char *const july[] = {
    "Ref|Thing to do|Colour", "1.1|Agree the plan|{FF0000}", "1.2|Train staff|{00B050}", NULL
  };
  static const char *const august[] = {
    "Ref|Thing to do|Colour", "1.1|Agree the plan|{FFC000}", "1.2|Train staff|{00B050}", NULL
  };
  const ExchangeTestSheet july_sheets[] = { { "Tracker", july } };
  const ExchangeTestSheet august_sheets[] = { { "Tracker", august } };
  g_autofree char *july_path = in_dir (fixture, "july.xlsx");
  g_autofree char *august_path = in_dir (fixture, "august.xlsx");
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GDate) july_end = g_date_new_dmy (31, 7, 2019);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GArray) states = NULL;
  g_auto(Run) run = { 0 };
  PathwayAction *action = NULL;
  GListModel *actions;

  exchange_test_write_workbook (july_path, july_sheets, 1);
  exchange_test_write_workbook (august_path, august_sheets, 1);
  make_programme (fixture, "area.pathway");

  run_cli (fixture, &run, "import", "august.xlsx", "--into", "area.pathway", "--map",
           "B=description", "--map", "C=rating", "--as-at", "2019-08-31", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Ratings read from cell colours: 2"));
  g_assert_nonnull (strstr (run.out, "Dated as at 31 August 2019"));
  g_assert_null (strstr (run.out, "Columns as chosen"));

  run_cli (fixture, &run, "import", "august.xlsx", "--into", "area.pathway", "--map",
           "B=description", "--map", "C=rating", "--as-at", "2019-08-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 2, updated: 0, unchanged: 0"));

  /* July's copy afterwards, its day written as English spreadsheets write it, and no --map:
   * the columns are those chosen for August's file, which has the same headers. */
  run_cli (fixture, &run, "import", "july.xlsx", "--into", "area.pathway", "--as-at",
           "31/07/2019", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Columns as chosen for this layout on "));
  g_assert_nonnull (strstr (run.out, "C  Colour       -> Rating"));
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 2, unchanged: 0"));
  run_cli (fixture, &run, "import", "july.xlsx", "--into", "area.pathway", "--as-at",
           "2019-07-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 0, unchanged: 2"));

  document = pathway_document_open (programme, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) item = g_list_model_get_item (actions, i);

      if (g_strcmp0 (pathway_action_get_reference (item), "1.1") == 0)
        action = item;
    }
  g_assert_nonnull (action);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);
  states = pathway_document_states_as_at (document, july_end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_states_find (states, pathway_action_get_id (action))->rating,
                   ==, PATHWAY_RATING_RED);
  g_clear_object (&document);

  /* A day that is not one, or after today, is refused before anything is read. */
  before = exchange_test_read (programme);
  run_cli (fixture, &run, "import", "july.xlsx", "--into", "area.pathway", "--as-at",
           "31/13/2019", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--as-at"));
  run_cli (fixture, &run, "import", "july.xlsx", "--into", "area.pathway", "--as-at",
           "2999-01-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "after today"));
  exchange_test_assert_unchanged (programme, before);
}

static void
test_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *csv = in_dir (fixture, "out.csv");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "demo", "demo.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "export", "demo.pathway", "-o", "out.csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  bytes = exchange_test_read (csv);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBFRef,"));
  run_cli (fixture, &run, "export", "demo.pathway", "--output", "out.xlsx", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (fixture, &run, "export", "demo.pathway", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (fixture, &run, "export", "demo.pathway", "-o", "out.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (fixture, &run, "export", "missing.pathway", "-o", "out.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (fixture, &run, "export", "demo.pathway", "-o", "no-such-folder/out.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "out.csv"));
}

/* --risks: a risk register into the risk log, refused whole for a level out of range, its
 * columns changed with --map; the log exported and read back unchanged. */
static void
test_risks (Fixture *fixture, gconstpointer data)
{
  g_autofree char *programme = in_dir (fixture, "area.pathway");
  g_autofree char *register_path = in_dir (fixture, "register.csv");
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  make_programme (fixture, "area.pathway");
  exchange_test_write (register_path,
                       "Risk ID,Risk,Owner,L,I,Budget\n"
                       "R1,Assessment backlog grows,Sam Patel,Likely,Major,Agency cover\n"
                       "R2,Parents lose trust,Ann Lee,7,2,\n",
                       -1);
  before = exchange_test_read (programme);

  run_cli (fixture, &run, "import", "register.csv", "--into", "area.pathway", "--risks", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "D  L        -> Likelihood"));
  g_assert_nonnull (strstr (run.out, "Row 3, column D (L), “7”: A likelihood of 7 is not a "
                                     "level from 1 to 5."));
  g_assert_nonnull (strstr (run.err, "in the risk register"));
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", "register.csv", "--into", "area.pathway", "--risks",
           "--map", "D=none", "--map", "Budget=response", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "F  Budget   -> Response"));
  g_assert_nonnull (strstr (run.out, "Added: 2, updated: 0, unchanged: 0"));
  g_assert_nonnull (strstr (run.out, "Person: Sam Patel"));
  g_assert_nonnull (strstr (run.out, "Dry run"));
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", "register.csv", "--into", "area.pathway", "--risks",
           "--map", "B=original-timescale", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "raised-from"));
  run_cli (fixture, &run, "import", "register.csv", "--into", "area.pathway", "--risks",
           "--as-at", "2019-10-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--as-at is for trackers"));
  exchange_test_assert_unchanged (programme, before);

  run_cli (fixture, &run, "import", "register.csv", "--into", "area.pathway", "--risks",
           "--map", "D=none", "--map", "Budget=response", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "list", "area.pathway", "risk", NULL);
  g_assert_nonnull (strstr (run.out, "Assessment backlog grows"));

  run_cli (fixture, &run, "export", "area.pathway", "-o", "log.xlsx", "--risks", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "import", "log.xlsx", "--into", "area.pathway", "--risks",
           "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sheet “Risks”"));
  g_assert_nonnull (strstr (run.out, "Added: 0, updated: 0, unchanged: 2"));
  g_assert_null (strstr (run.out, "Problems:"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                       \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/cli/import-errors-change-nothing", test_import_errors_change_nothing);
  ADD ("/exchange/cli/risks", test_risks);
  ADD ("/exchange/cli/import-dry-run-then-real", test_import_dry_run_then_real);
  ADD ("/exchange/cli/import-map-and-sheet", test_import_map_and_sheet);
  ADD ("/exchange/cli/import-nul-and-bad-utf8", test_import_nul_and_bad_utf8);
  ADD ("/exchange/cli/import-usage", test_import_usage);
  ADD ("/exchange/cli/import-chooses-sheets", test_import_chooses_sheets);
  ADD ("/exchange/cli/import-skip", test_import_skip);
  ADD ("/exchange/cli/import-as-at-colours-and-layout", test_import_as_at_colours_and_layout);
  ADD ("/exchange/cli/export", test_export);
#undef ADD

  return g_test_run ();
}
