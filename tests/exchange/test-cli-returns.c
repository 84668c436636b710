/* test-cli-returns.c: `pathway-cli returns request`, `returns import` and `returns status` run
 * as a person or a script runs them (the built program, from PATHWAY_CLI): what they print and
 * their exit codes (0 done, 1 wrong usage, 2 a file refused), that a dry run or a refused file
 * leaves the programme byte for byte as it was, and that a conflict is listed and not applied.
 * The programme is the exchange tests' return-form programme (exchange_test_returns_programme),
 * its history leading up to today by the real clock, which pathway-cli uses. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "exchange-test-support.h"

typedef struct {
  char *dir;
  char *programme;
  char *forms;
  GDate today;
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
today_by_the_clock (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static void
make_programme (Fixture *fixture, gboolean with_board)
{
  g_autoptr(PathwayDocument) document =
    exchange_test_returns_programme (fixture->programme, "Westmoor SEND programme",
                                     &fixture->today);

  if (!with_board)
    {
      g_autoptr(GError) error = NULL;
      PathwayBoard *board = g_list_model_get_item (
        pathway_programme_get_boards (pathway_document_get_programme (document)), 0);

      g_assert_true (pathway_document_retire (document, board, NULL, &error));
      g_assert_no_error (error);
      g_object_unref (board);
    }
  pathway_document_close (document);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = exchange_test_make_dir ();
  fixture->programme = g_build_filename (fixture->dir, "westmoor.pathway", NULL);
  fixture->forms = g_build_filename (fixture->dir, "forms", NULL);
  g_assert_cmpint (g_mkdir (fixture->forms, 0755), ==, 0);
  today_by_the_clock (&fixture->today);
  make_programme (fixture, GPOINTER_TO_INT (data));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  exchange_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->programme);
  g_free (fixture->forms);
}

static void
run_cli_argv (Fixture *fixture, Run *run, GPtrArray *args)
{
  const char *cli = g_getenv ("PATHWAY_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (fixture->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (run->status == -1 || strstr (run->err, "Sanitizer") != NULL ||
      strstr (run->err, "runtime error") != NULL || strstr (run->err, "CRITICAL") != NULL ||
      strstr (run->err, "WARNING") != NULL)
    g_error ("pathway-cli %s failed badly (%d):\n%s", (char *) g_ptr_array_index (args, 0),
             wait_status, run->err);
}

static void G_GNUC_NULL_TERMINATED
run_cli (Fixture *fixture, Run *run, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  run_cli_argv (fixture, run, args);
}

static char *
day_iso (const GDate *today, int days_after)
{
  GDate day = *today;

  if (days_after >= 0)
    g_date_add_days (&day, (guint) days_after);
  else
    g_date_subtract_days (&day, (guint) -days_after);
  return pathway_date_format_iso (&day);
}

static char *
form_name (Fixture *fixture, const char *lead, int due_in)
{
  g_autofree char *due = day_iso (&fixture->today, due_in);

  return g_strdup_printf ("Updates from %s - due %s.xlsx", lead, due);
}

static char *
form_path (Fixture *fixture, const char *lead, int due_in)
{
  g_autofree char *name = form_name (fixture, lead, due_in);

  return g_build_filename (fixture->forms, name, NULL);
}

static PathwayDocument *
open_programme (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PathwayDocument *document = pathway_document_open (fixture->programme, PATHWAY_OPEN_DEFAULT,
                                                     &error);

  g_assert_no_error (error);
  return document;
}

/* Request, a conflict made in the programme, a dry run that writes nothing, the import, and
 * the status before and after. */
static void
test_request_import_status (Fixture *fixture, gconstpointer data)
{
  g_autofree char *beth_name = form_name (fixture, "Beth Kowalski", 7);
  g_autofree char *beth = form_path (fixture, "Beth Kowalski", 7);
  g_autofree char *sam = form_path (fixture, "Sam Patel", 7);
  g_autofree char *since = day_iso (&fixture->today, -19);
  g_autofree char *sent = day_iso (&fixture->today, 0);
  g_autofree char *due = day_iso (&fixture->today, 7);
  g_autofree char *line = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "returns", "status", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No form has been sent yet"));

  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing -o FOLDER"));

  /* Since the board's last meeting, due in a week. */
  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_nonnull (strstr (run.out, "2 forms of the actions without an update since "));
  line = g_strdup_printf ("  %s  Beth Kowalski  beth.kowalski@westmoor.gov.uk  2 actions\n",
                          beth_name);
  g_assert_nonnull (strstr (run.out, line));
  g_assert_nonnull (strstr (run.out, "Sam Patel      sam.patel@westmoor.nhs.uk      1 action\n"));
  g_assert_nonnull (strstr (run.out, "1 action needs an update but has no lead, so no form asks "
                                     "about it: 2A i\n"));
  g_assert_nonnull (strstr (run.out, "Wrote them and “Who gets which file.csv” in forms.\n"));
  g_assert_true (g_file_test (beth, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (sam, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(PathwayDocument) document = open_programme (fixture);
    g_autoptr(GListModel) forms = pathway_document_list_records (
      document, pathway_kind_lookup ("return-form"), FALSE, NULL);
    g_autoptr(PathwayReturnForm) form = g_list_model_get_item (forms, 0);
    g_autofree char *form_since = pathway_date_format_iso (pathway_return_form_get_since (form));

    g_assert_cmpuint (g_list_model_get_n_items (forms), ==, 2);
    g_assert_cmpstr (form_since, ==, since);
  }

  run_cli (fixture, &run, "returns", "status", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("  Beth Kowalski  %s  %s  Outstanding\n", sent, due);
  g_assert_nonnull (strstr (run.out, line));

  /* Beth rates 1A i red, but the programme made it green after the form went out. */
  exchange_test_fill_form (beth, "E6", "Red", "G7", "Both posts advertised.", NULL);
  {
    g_autoptr(PathwayDocument) document = open_programme (fixture);
    g_autoptr(GError) error = NULL;

    g_assert_true (pathway_document_set_rating (document,
                                                exchange_test_find_action (document, "1A i"),
                                                PATHWAY_RATING_GREEN, NULL, &error));
    g_assert_no_error (error);
    pathway_document_close (document);
  }

  before = exchange_test_read (fixture->programme);
  run_cli (fixture, &run, "returns", "import", "westmoor.pathway", beth, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_nonnull (strstr (run.out, "  1A ii  Commentary: Recruitment paused while the budget "
                                     "is agreed. -> Both posts advertised.\n"));
  g_assert_nonnull (strstr (run.out, "Conflicts and flagged rows"));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("  %s, row 6, column E: The rating of 1A i was changed in the "
                          "programme after the form was sent: it was Amber then and is Green "
                          "now.\n    now: Green; as sent: Amber; returned: Red\n", beth_name);
  g_assert_nonnull (strstr (run.out, line));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was written."));
  exchange_test_assert_unchanged (fixture->programme, before);

  run_cli (fixture, &run, "returns", "import", "westmoor.pathway", beth, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 1 change into westmoor.pathway.\n"));
  {
    g_autoptr(PathwayDocument) document = open_programme (fixture);

    g_assert_cmpint (pathway_action_get_rating (exchange_test_find_action (document, "1A i")),
                     ==, PATHWAY_RATING_GREEN);
    g_assert_cmpstr (pathway_action_get_commentary (exchange_test_find_action (document,
                                                                               "1A ii")),
                     ==, "Both posts advertised.");
  }

  run_cli (fixture, &run, "returns", "status", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("  Beth Kowalski  %s  %s  Returned %s\n", sent, due, sent);
  g_assert_nonnull (strstr (run.out, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("  Sam Patel      %s  %s  Outstanding\n", sent, due);
  g_assert_nonnull (strstr (run.out, line));

  /* A form past its day is overdue. */
  {
    g_autofree char *record = g_strdup_printf ("Sam Patel %s", sent);
    g_autofree char *set = day_iso (&fixture->today, -3);
    g_autofree char *assignment = g_strdup_printf ("due=%s", set);

    run_cli (fixture, &run, "edit", "westmoor.pathway", "return-form", record, "--set",
             assignment, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  run_cli (fixture, &run, "returns", "status", "westmoor.pathway", NULL);
  g_assert_nonnull (strstr (run.out, "Overdue by 3 days\n"));
}

/* A file that is not a form refuses the whole import: nothing is written. */
static void
test_refused_file_writes_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *beth = form_path (fixture, "Beth Kowalski", 7);
  g_autoptr(GBytes) before = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "export", "westmoor.pathway", "-o", "tracker.xlsx", NULL);
  g_assert_cmpint (run.status, ==, 0);
  exchange_test_fill_form (beth, "G6", "Agreed by all partners.", NULL);

  before = exchange_test_read (fixture->programme);
  run_cli (fixture, &run, "returns", "import", "westmoor.pathway", beth, "tracker.xlsx", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "tracker.xlsx is not a return form from Pathway"));
  g_assert_nonnull (strstr (run.err, "nothing was imported: 1 file was refused"));
  exchange_test_assert_unchanged (fixture->programme, before);

  run_cli (fixture, &run, "returns", "import", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing FORM.xlsx…"));
}

/* Days in the forms the rest of the command line takes; a programme without a meeting needs
 * --since. */
static void
test_days (Fixture *fixture, gconstpointer data)
{
  g_autofree char *since = day_iso (&fixture->today, -20);
  g_autofree char *yesterday = day_iso (&fixture->today, -1);
  GDate later = fixture->today;
  char due[16];
  g_autofree char *due_iso = NULL;
  g_autofree char *beth = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the programme has no board, so give --since"));
  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", "--board",
           "Health Scrutiny", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no board is called 'Health Scrutiny'"));
  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", "--since",
           "18 Nov", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", "--since",
           since, "--due", yesterday, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "has passed"));

  g_date_add_days (&later, 10);
  g_date_strftime (due, sizeof due, "%d/%m/%Y", &later);
  run_cli (fixture, &run, "returns", "request", "westmoor.pathway", "-o", "forms", "--since",
           since, "--due", due, NULL);
  g_assert_cmpint (run.status, ==, 0);
  beth = form_path (fixture, "Beth Kowalski", 10);
  g_assert_true (g_file_test (beth, G_FILE_TEST_IS_REGULAR));
  due_iso = pathway_date_format_iso (&later);
  g_assert_nonnull (strstr (run.out, due_iso));
}

static void
test_help (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  returns     Ask leads for their updates"));
  g_assert_null (strstr (run.out, "returns request"));
  run_cli (fixture, &run, "help", "returns", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Usage: pathway-cli returns request FILE -o FOLDER"));
  g_assert_nonnull (strstr (run.out, "Usage: pathway-cli returns import FILE FORM.xlsx…"));
  g_assert_nonnull (strstr (run.out, "Usage: pathway-cli returns status FILE"));
  run_cli (fixture, &run, "returns", "import", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--dry-run"));
  run_cli (fixture, &run, "returns", "send", "westmoor.pathway", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown command 'returns send'"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-returns/request-import-status", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_request_import_status, fixture_tear_down);
  g_test_add ("/cli-returns/refused-file-writes-nothing", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_refused_file_writes_nothing, fixture_tear_down);
  g_test_add ("/cli-returns/days", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_days,
              fixture_tear_down);
  g_test_add ("/cli-returns/help", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_help,
              fixture_tear_down);
  return g_test_run ();
}
