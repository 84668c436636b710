/* test-cli-records.c: a programme set up from nothing with pathway-cli alone (new, add,
 * readings) down to a board pack read back with poppler; edit, retire, list and history as a
 * script uses them; readings files and values that are refused, with every problem named and
 * the programme file left byte for byte as it was. Runs the built pathway-cli. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cli-test-support.h"

/* poppler-glib's types have no autoptr cleanups of their own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define BOARD "SEND Improvement Board"
#define INDICATOR "EHC plans on time"
/* The pack shows the programme as it stood on the meeting's day, and the records are added
 * today: the meeting is after any day the test runs. */
#define MEETING "2099-03-18"

/* Runs a command that must succeed and print nothing on stderr. */
static void G_GNUC_NULL_TERMINATED
run_ok (Fixture *fixture, Run *run, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (fixture, run, (const char *const *) args->pdata);
  if (run->status != 0 || *run->err != '\0')
    g_error ("pathway-cli %s %s: exit %d\n%s%s", first, args->len > 2 ? (char *) args->pdata[2]
                                                                       : "",
             run->status, run->out, run->err);
}

/* add prints the new record's id, a UUID, and nothing else. Returns it. */
static char *
take_id (Run *run)
{
  g_autofree char *id = g_strdup (run->out);

  g_assert_true (g_str_has_suffix (id, "\n"));
  id[strlen (id) - 1] = '\0';
  if (!g_uuid_string_is_valid (id))
    g_error ("add printed “%s”, not an id", run->out);
  return g_steal_pointer (&id);
}

static char *
new_programme (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  char *path = fixture_path (fixture, "northshire.pathway");

  run_ok (fixture, &run, "new", path, "--name", "Northshire SEND", NULL);
  return path;
}

static void
write_text (Fixture *fixture, const char *name, const char *text)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Every page's text, with runs of white space (line ends included) made one space, so a
 * phrase broken across lines is still found. */
static char *
dup_pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  GString *text = g_string_new (NULL);
  gboolean space = FALSE;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; *p; p++)
        {
          if (g_ascii_isspace (*p))
            space = TRUE;
          else
            {
              if (space && text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append_c (text, *p);
              space = FALSE;
            }
        }
      space = TRUE;
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_line (const char *text, const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char *const *) lines, line);
}

/* A whole programme from the command line --------------------------------------------------
 * An area, two people, a workstream with a lead and a member, three actions, a board with a
 * chair and two meetings, an indicator with a milestone and three readings from a CSV file:
 * the board pack for the second meeting names the board, the meeting's day, the indicator and
 * its latest reading as the pack writes them. */
static void
test_programme_from_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = new_programme (fixture);
  g_autofree char *pdf = fixture_path (fixture, "pack.pdf");
  g_autofree char *readings = fixture_path (fixture, "readings.csv");
  g_autofree char *text = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *area_id = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Run) run = { 0 };
  GDate meeting_day;
  char meeting_text[64];
  static const char *const actions[][4] = {
    { "1.1", "Issue EHC plans within 20 weeks", "Summer Term 2027", "amber" },
    { "1.2", "Train caseworkers in the new assessment", "December 2026", "green" },
    { "1.3", "Publish the local offer again", "Spring Term 2027", "red" },
  };

  run_ok (fixture, &run, "add", path, "area", "--set", "number=1", "--set",
          "finding=Too few plans are issued on time", "--set",
          "commitment=Every plan within 20 weeks", NULL);
  area_id = take_id (&run);
  g_hash_table_add (ids, g_strdup (area_id));

  run_ok (fixture, &run, "add", path, "person", "--set", "name=Beth Kowalski", "--set",
          "role=Director of Children's Services", "--set", "organisation=Northshire Council",
          "--set", "email=beth.kowalski@example.org", NULL);
  g_hash_table_add (ids, take_id (&run));
  run_ok (fixture, &run, "add", path, "person", "--set=name=Sam Patel", "--set=role=Therapist",
          NULL);
  g_hash_table_add (ids, take_id (&run));

  run_ok (fixture, &run, "add", path, "workstream", "--set", "code=WS1", "--set",
          "title=Assessment and plans", "--set", "lead=Beth Kowalski", "--set",
          "organisation=council", NULL);
  g_hash_table_add (ids, take_id (&run));
  run_ok (fixture, &run, "add", path, "member", "--set", "workstream=WS1", "--set",
          "person=Sam Patel", "--set", "role=Therapy lead", NULL);
  g_hash_table_add (ids, take_id (&run));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *reference = g_strconcat ("reference=", actions[i][0], NULL);
      g_autofree char *description = g_strconcat ("description=", actions[i][1], NULL);
      g_autofree char *original = g_strconcat ("original=", actions[i][2], NULL);
      g_autofree char *rating = g_strconcat ("rating=", actions[i][3], NULL);

      run_ok (fixture, &run, "add", path, "action", "--set", reference, "--set", description,
              "--set", "workstream=WS1", "--set", "area=1", "--set", "lead=Sam Patel", "--set",
              original, "--set", rating, NULL);
      g_hash_table_add (ids, take_id (&run));
    }

  run_ok (fixture, &run, "add", path, "board", "--set", "name=" BOARD, "--set",
          "chair=Beth Kowalski", "--set", "cadence=Every two months", NULL);
  g_hash_table_add (ids, take_id (&run));
  run_ok (fixture, &run, "add", path, "meeting", "--set", "board=" BOARD, "--set",
          "date=2099-01-21", "--set", "time=14:00", "--set", "venue=Town Hall", NULL);
  g_hash_table_add (ids, take_id (&run));
  run_ok (fixture, &run, "add", path, "meeting", "--set", "board=" BOARD, "--set",
          "date=" MEETING, "--set", "venue=Town Hall", NULL);
  g_hash_table_add (ids, take_id (&run));

  run_ok (fixture, &run, "add", path, "indicator", "--set", "name=" INDICATOR, "--set",
          "unit=percent", "--set", "better=higher", "--set", "baseline=40", "--set",
          "baseline-date=2026-03-31", "--set", "target=60", "--set", "target-date=2027-03-31",
          "--set", "owner=Beth Kowalski", NULL);
  g_hash_table_add (ids, take_id (&run));
  run_ok (fixture, &run, "add", path, "milestone", "--set", "indicator=" INDICATOR, "--set",
          "date=2027-01-31", "--set", "value=55", NULL);
  g_hash_table_add (ids, take_id (&run));

  /* Every record has an id of its own. */
  g_assert_cmpuint (g_hash_table_size (ids), ==, 13);

  /* Headers in another order and case, and a note on one row only. */
  write_text (fixture, "readings.csv",
              "Value,INDICATOR,Date,Note\n"
              "45," INDICATOR ",2026-06-30,\n"
              "48.5," INDICATOR ",31/08/2026,After the summer\n"
              "52," INDICATOR ",2026-10-31,\n");
  run_ok (fixture, &run, "readings", path, "--from", readings, NULL);
  g_assert_cmpstr (run.out, ==, "Added 3 readings.\n");

  run_ok (fixture, &run, "list", path, "reading", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);

    g_assert_cmpuint (g_variant_n_children (list), ==, 3);
  }

  /* Not run_ok: under LeakSanitizer, fontconfig's suppressed leaks are listed on stderr. */
  run_cli (fixture, &run, "pack", path, "--board", BOARD, "--date", MEETING, "-o", pdf,
           NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = dup_pdf_text (pdf);

  /* As the pack writes them (pathway-pack.c: format_date, format_value), in the locale the
   * program ran in, which is this one. */
  g_date_clear (&meeting_day, 1);
  g_date_set_dmy (&meeting_day, 18, G_DATE_MARCH, 2099);
  g_date_strftime (meeting_text, sizeof meeting_text, "%-d %B %Y", &meeting_day);
  /* Without trailing zeros: "52%". */
  latest = g_strdup_printf ("%g%%", 52.0);

  if (strstr (text, BOARD) == NULL || strstr (text, meeting_text) == NULL
      || strstr (text, INDICATOR) == NULL || strstr (text, latest) == NULL)
    g_error ("the pack lacks “%s”, “%s”, “%s” or “%s”:\n%s", BOARD, meeting_text, INDICATOR,
             latest, text);
  g_assert_cmpint (g_unlink (pdf), ==, 0);
}

/* edit, history, retire, list ------------------------------------------------------------ */

static GVariant *
find_by_id (GVariant *list, const char *id)
{
  for (gsize i = 0; i < g_variant_n_children (list); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (list, i);
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      g_autofree char *other = json_dup_string (object, "id");

      if (g_str_equal (other, id))
        return g_steal_pointer (&object);
    }
  return NULL;
}

static void
test_edit_history_retire_list (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = new_programme (fixture);
  g_autofree char *sam = NULL;
  g_autofree char *beth = NULL;
  g_auto(Run) run = { 0 };

  run_ok (fixture, &run, "add", path, "person", "--set", "name=Sam Patel", "--set",
          "role=Therapist", NULL);
  sam = take_id (&run);
  run_ok (fixture, &run, "add", path, "person", "--set", "name=Beth Kowalski", "--set",
          "email=beth@example.org", NULL);
  beth = take_id (&run);

  /* By name, in any case; then by id. */
  run_ok (fixture, &run, "edit", path, "person", "sam patel", "--set", "role=Therapy lead",
          "--note", "Promoted in May", NULL);
  g_assert_cmpstr (run.out, ==, "");
  run_ok (fixture, &run, "edit", path, "person", sam, "--set", "organisation=Northshire NHS",
          NULL);

  run_ok (fixture, &run, "history", path, "person", "Sam Patel", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    g_assert_nonnull (strstr (lines[0], "added as “Sam Patel”"));
    g_assert_nonnull (strstr (lines[1],
                              "role changed from “Therapist” to “Therapy lead” (note: Promoted "
                              "in May)"));
    g_assert_nonnull (strstr (lines[2], "organisation set to “Northshire NHS”"));
    /* Each line starts with the day and time. */
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (g_ascii_isdigit (lines[i][0]));
        g_assert_cmpint (lines[i][4], ==, '-');
        g_assert_cmpint (lines[i][13], ==, ':');
      }
  }

  run_ok (fixture, &run, "history", path, "person", sam, "--json", NULL);
  {
    g_autoptr(GVariant) changes = json_parse (run.out);
    g_autoptr(GVariant) boxed = NULL;
    g_autoptr(GVariant) change = NULL;
    g_autofree char *field = NULL;
    g_autofree char *property = NULL;
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;
    g_autofree char *note = NULL;
    g_autofree char *at = NULL;
    g_autoptr(GDateTime) when = NULL;

    g_assert_cmpuint (g_variant_n_children (changes), ==, 3);
    boxed = g_variant_get_child_value (changes, 1);
    change = g_variant_get_variant (boxed);
    field = json_dup_string (change, "field");
    property = json_dup_string (change, "property");
    from = json_dup_string (change, "from");
    to = json_dup_string (change, "to");
    note = json_dup_string (change, "note");
    at = json_dup_string (change, "at");
    g_free (json_dup_string (change, "author"));
    g_assert_cmpstr (field, ==, "text");
    g_assert_cmpstr (property, ==, "role");
    g_assert_cmpstr (from, ==, "Therapist");
    g_assert_cmpstr (to, ==, "Therapy lead");
    g_assert_cmpstr (note, ==, "Promoted in May");
    when = g_date_time_new_from_iso8601 (at, NULL);
    g_assert_nonnull (when);
  }

  /* list --json: an object for each record, with its id and every field. */
  run_ok (fixture, &run, "list", path, "person", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);
    g_autoptr(GVariant) person = NULL;
    g_autofree char *name = NULL;
    g_autofree char *role = NULL;
    g_autofree char *organisation = NULL;
    g_autofree char *email = NULL;
    g_autoptr(GVariant) retired = NULL;

    g_assert_cmpuint (g_variant_n_children (list), ==, 2);
    person = find_by_id (list, sam);
    g_assert_nonnull (person);
    name = json_dup_string (person, "name");
    role = json_dup_string (person, "role");
    organisation = json_dup_string (person, "organisation");
    email = json_dup_string (person, "email");
    g_assert_cmpstr (name, ==, "Sam Patel");
    g_assert_cmpstr (role, ==, "Therapy lead");
    g_assert_cmpstr (organisation, ==, "Northshire NHS");
    g_assert_cmpstr (email, ==, "");
    /* "retired" comes with --retired only. */
    retired = g_variant_lookup_value (person, "retired", NULL);
    g_assert_null (retired);
  }

  run_ok (fixture, &run, "list", path, "person", NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_nonnull (strstr (run.out, "Sam Patel"));
  g_assert_nonnull (strstr (run.out, sam));
  g_assert_nonnull (strstr (run.out, beth));

  /* Retired: out of the list, in it with --retired, its history still there. */
  run_ok (fixture, &run, "retire", path, "person", "Sam Patel", "--note", "Left the service",
          NULL);
  g_assert_cmpstr (run.out, ==, "");
  run_ok (fixture, &run, "list", path, "person", NULL);
  g_assert_null (strstr (run.out, "Sam Patel"));
  g_assert_null (strstr (run.out, sam));
  g_assert_nonnull (strstr (run.out, "Beth Kowalski"));

  run_ok (fixture, &run, "list", path, "person", "--retired", NULL);
  g_assert_nonnull (strstr (run.out, "Sam Patel"));
  g_assert_nonnull (strstr (run.out, sam));

  run_ok (fixture, &run, "list", path, "person", "--retired", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);
    g_autoptr(GVariant) person = find_by_id (list, sam);
    g_autoptr(GVariant) other = find_by_id (list, beth);
    gboolean retired = FALSE;

    g_assert_cmpuint (g_variant_n_children (list), ==, 2);
    g_assert_nonnull (person);
    g_assert_true (g_variant_lookup (person, "retired", "b", &retired));
    g_assert_true (retired);
    g_assert_true (g_variant_lookup (other, "retired", "b", &retired));
    g_assert_false (retired);
  }

  run_ok (fixture, &run, "history", path, "person", sam, NULL);
  g_assert_cmpuint (count_lines (run.out), ==, 4);
  g_assert_nonnull (strstr (run.out, "retired (note: Left the service)"));

  /* A retired record is not there to change. */
  run_cli (fixture, &run, "edit", path, "person", "Sam Patel", "--set", "role=Lead", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
}

/* An action's rating is a field of its own in the change log: its history says so too. */
static void
test_action_rating_history (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = new_programme (fixture);
  g_auto(Run) run = { 0 };

  run_ok (fixture, &run, "add", path, "action", "--set", "reference=1.1", "--set",
          "description=Issue plans on time", "--set", "rating=amber", NULL);
  run_ok (fixture, &run, "edit", path, "action", "1.1", "--set", "rating=green", "--note",
          "Nine in ten plans on time", NULL);
  run_ok (fixture, &run, "history", path, "action", "1.1", NULL);
  g_assert_nonnull (strstr (run.out, "rating changed from “amber” to “green” (note: Nine in ten "
                                     "plans on time)"));

  run_ok (fixture, &run, "list", path, "action", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);
    g_autoptr(GVariant) boxed = g_variant_get_child_value (list, 0);
    g_autoptr(GVariant) action = g_variant_get_variant (boxed);
    g_autofree char *rating = json_dup_string (action, "rating");

    g_assert_cmpstr (rating, ==, "green");
  }
}

/* The demo's risk log and "you said, we did" are listed like any other kind: at least ten of
 * each, risks of every status, an issue raised from a risk, entries over several quarters, and
 * some risks changed since the board's meeting of 16 September 2026. */
static void
test_demo_risks_and_coproduction (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "demo.pathway");
  g_autoptr (GHashTable) quarters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_auto(Run) run = { 0 };
  guint statuses = 0;
  gboolean raised = FALSE;
  guint moved = 0;

  run_ok (fixture, &run, "demo", path, NULL);
  run_ok (fixture, &run, "list", path, "risk", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);

    g_assert_cmpuint (g_variant_n_children (list), >=, 10);
    for (gsize i = 0; i < g_variant_n_children (list); i++)
      {
        g_autoptr(GVariant) boxed = g_variant_get_child_value (list, i);
        g_autoptr(GVariant) risk = g_variant_get_variant (boxed);
        g_autofree char *status = json_dup_string (risk, "status");
        g_autofree char *from = json_dup_string (risk, "raised-from");
        g_autofree char *reference = json_dup_string (risk, "reference");
        g_auto(Run) history = { 0 };
        g_auto(GStrv) lines = NULL;

        statuses |= g_str_equal (status, "open") ? 1 : g_str_equal (status, "closed") ? 2 : 4;
        raised = raised || *from != '\0';
        run_ok (fixture, &history, "history", path, "risk", reference, NULL);
        lines = g_strsplit (history.out, "\n", -1);
        for (guint k = 0; lines[k] != NULL; k++)
          if (g_str_has_prefix (lines[k], "2026-10") ||
              (g_str_has_prefix (lines[k], "2026-09") && strcmp (lines[k], "2026-09-16") > 0))
            {
              moved++;
              break;
            }
      }
  }
  g_assert_cmpuint (statuses, ==, 7);
  g_assert_true (raised);
  g_assert_cmpuint (moved, >=, 3);

  run_ok (fixture, &run, "list", path, "coproduction", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);

    g_assert_cmpuint (g_variant_n_children (list), >=, 10);
    for (gsize i = 0; i < g_variant_n_children (list); i++)
      {
        g_autoptr(GVariant) boxed = g_variant_get_child_value (list, i);
        g_autoptr(GVariant) entry = g_variant_get_variant (boxed);
        g_autofree char *date = json_dup_string (entry, "date");
        int month = atoi (date + 5);

        g_hash_table_add (quarters, g_strdup_printf ("%.4s Q%d", date, (month - 1) / 3 + 1));
      }
  }
  g_assert_cmpuint (g_hash_table_size (quarters), >=, 4);
}

/* Refused readings ------------------------------------------------------------------------ */

/* A programme with one indicator and one reading, for readings files to be refused by. */
static char *
programme_with_indicator (Fixture *fixture)
{
  char *path = new_programme (fixture);
  g_auto(Run) run = { 0 };

  run_ok (fixture, &run, "add", path, "indicator", "--set", "name=" INDICATOR, "--set",
          "unit=percent", NULL);
  run_ok (fixture, &run, "add", path, "reading", "--set", "indicator=" INDICATOR, "--set",
          "date=2026-05-31", "--set", "value=41", NULL);
  return path;
}

/* Runs readings on 'csv', which must be refused with exactly 'problems' (one line each, as
 * printed, then one line saying nothing was added), leaving the programme as it was. */
static void
assert_readings_refused (Fixture *fixture, const char *path, const char *csv,
                         const char *const *problems)
{
  g_autofree char *readings = fixture_path (fixture, "readings.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  guint n = g_strv_length ((char **) problems);

  write_text (fixture, "readings.csv", csv);
  before = file_checksum (path);
  run_cli (fixture, &run, "readings", path, "--from", readings, NULL);
  if (run.status != 2)
    g_error ("readings: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; i < n; i++)
    if (!has_line (run.err, problems[i]))
      g_error ("readings did not say\n%s\nbut\n%s", problems[i], run.err);
  g_assert_cmpuint (count_lines (run.err), ==, n + 1);
  g_assert_nonnull (strstr (run.err, "no reading was added"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  run_ok (fixture, &run, "list", path, "reading", "--json", NULL);
  {
    g_autoptr(GVariant) list = json_parse (run.out);

    g_assert_cmpuint (g_variant_n_children (list), ==, 1);
  }
}

static void
test_readings_refused (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = programme_with_indicator (fixture);

  /* Every problem of every row, with the good rows written nowhere. Row 1 is the header. */
  assert_readings_refused (
    fixture, path,
    "indicator,date,value,note\n"
    INDICATOR ",2026-06-30,44,\n"
    "EHC plans late,2026-06-30,44,\n"
    INDICATOR ",31/13/2026,45,\n"
    INDICATOR ",2026-08-31,about half,\n"
    "\n"
    "Waiting list,2026-02-30,12%,\n"
    INDICATOR ",2026-05-31,41,Read in twice\n"
    INDICATOR ",2026-06-30,44,Twice in the file\n",
    (const char *const[]) {
      "readings.csv: row 3, column A (indicator): “EHC plans late” is not an indicator of this "
      "programme.",
      "readings.csv: row 4, column B (date): “31/13/2026” is not a date written YYYY-MM-DD or "
      "DD/MM/YYYY.",
      "readings.csv: row 5, column C (value): “about half” is not a number (write it with a "
      "point for decimals and nothing else, 12.5 not 12,5 or 12.5%).",
      "readings.csv: row 7, column A (indicator): “Waiting list” is not an indicator of this "
      "programme.",
      "readings.csv: row 7, column B (date): “2026-02-30” is not a date written YYYY-MM-DD or "
      "DD/MM/YYYY.",
      "readings.csv: row 7, column C (value): “12%” is not a number (write it with a point for "
      "decimals and nothing else, 12.5 not 12,5 or 12.5%).",
      "readings.csv: row 8, column B (date): “" INDICATOR "” already has a reading on "
      "2026-05-31.",
      "readings.csv: row 9, column B (date): “" INDICATOR "” already has a reading on "
      "2026-06-30.",
      NULL,
    });

  /* A file without the headers it needs: each missing one named. */
  assert_readings_refused (
    fixture, path,
    "Indicator,When,Reading\n"
    INDICATOR ",2026-06-30,44\n",
    (const char *const[]) {
      "readings.csv: no column is headed “date”; a readings file needs columns headed "
      "indicator, date and value (and may have one headed note).",
      "readings.csv: no column is headed “value”; a readings file needs columns headed "
      "indicator, date and value (and may have one headed note).",
      NULL,
    });

  /* Empty cells are named too. */
  assert_readings_refused (
    fixture, path,
    "indicator,date,value\n"
    ",2026-06-30,44\n"
    INDICATOR ",,44\n"
    INDICATOR ",2026-07-31,\n",
    (const char *const[]) {
      "readings.csv: row 2, column A (indicator): empty; every reading needs the indicator it "
      "measures.",
      "readings.csv: row 3, column B (date): empty; every reading needs the day it was taken, "
      "written YYYY-MM-DD.",
      "readings.csv: row 4, column C (value): empty; every reading needs a value.",
      NULL,
    });
}

/* A UTF-8 readings file with one byte that is not: added, with a warning naming the cell. */
static void
test_readings_warn_bad_bytes (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = programme_with_indicator (fixture);
  g_autofree char *readings = fixture_path (fixture, "readings.csv");
  g_auto(Run) run = { 0 };

  write_text (fixture, "readings.csv",
              "indicator,date,value,note\n"
              INDICATOR ",2026-06-30,44,Zoë Ångström checked \xff the figure\n");
  run_cli (fixture, &run, "readings", path, "--from", readings, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Added 1 reading.\n");
  g_assert_nonnull (strstr (run.err, "readings.csv: row 2, column D: warning: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  run_ok (fixture, &run, "list", path, "reading", "--json", NULL);
  g_assert_nonnull (strstr (run.out, "Zoë Ångström checked \uFFFD the figure") != NULL
                      ? run.out : strstr (run.out, "Zoë Ångström checked � the figure"));
}

/* Usage errors and values that cannot be used --------------------------------------------- */

typedef struct {
  const char *args[10];
  const char *says; /* in the message, or NULL */
} UsageCase;

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = programme_with_indicator (fixture);
  g_autofree char *before = file_checksum (path);
  const UsageCase cases[] = {
    { { "add", NULL }, "missing FILE" },
    { { "add", path, NULL }, "missing KIND" },
    { { "add", path, "furniture", "--set", "name=Chair", NULL }, "person" },
    { { "add", path, "person", NULL }, "--set" },
    { { "add", path, "person", "--set", "name", NULL }, "FIELD=VALUE" },
    { { "add", path, "person", "--set", "=Sam", NULL }, "FIELD=VALUE" },
    { { "add", path, "person", "--set", "colour=red", NULL }, "colour" },
    { { "add", path, "person", "--set", "name=A", "--set", "name=B", NULL }, "twice" },
    { { "add", path, "person", "--set", NULL }, "needs a value" },
    { { "add", path, "person", "extra", "--set", "name=A", NULL }, "unexpected argument" },
    { { "add", path, "person", "--name", "A", NULL }, "unknown option" },
    { { "edit", path, "person", NULL }, "missing ID-OR-KEY" },
    { { "edit", path, "indicator", INDICATOR, NULL }, "--set" },
    { { "edit", path, "indicator", INDICATOR, "--set", "unit", NULL }, "FIELD=VALUE" },
    { { "retire", path, NULL }, "missing KIND" },
    { { "retire", path, "indicator", INDICATOR, "--set", "unit=days", NULL }, "unknown option" },
    { { "list", path, "persons", NULL }, "person" },
    { { "list", path, NULL }, "missing KIND" },
    { { "list", path, "person", "--retired=yes", NULL }, "takes no value" },
    { { "history", path, "person", NULL }, "missing ID-OR-KEY" },
    { { "readings", path, NULL }, "--from" },
    { { "readings", path, "--map", "A=value", NULL }, "unknown option" },
    { { "frobnicate", path, NULL }, "unknown command" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *args = cases[i].args;
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli_argv (fixture, &run, args);
      if (run.status != 1 || strstr (run.err, cases[i].says) == NULL)
        g_error ("case %u (%s): exit %d, not saying “%s”\n%s%s", i, args[0], run.status,
                 cases[i].says, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "pathway-cli: "));
      g_assert_cmpstr (lines[1], ==, "Try 'pathway-cli --help'");
    }

  {
    g_autofree char *after = file_checksum (path);

    g_assert_cmpstr (before, ==, after);
  }
}

typedef struct {
  const char *args[12];
  const char *says[3]; /* each in the one line of the message */
} ValueCase;

static void
test_bad_values_change_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = programme_with_indicator (fixture);
  g_autofree char *before = file_checksum (path);
  const ValueCase cases[] = {
    { { "add", path, "indicator", "--set", "name=Waiting list", "--set", "unit=furlongs", NULL },
      { "unit", "furlongs" } },
    { { "add", path, "risk", "--set", "reference=R1", "--set", "title=Too few therapists",
        "--set", "likelihood=7", NULL },
      { "likelihood", "7" } },
    { { "add", path, "risk", "--set", "reference=R1", "--set", "title=Too few therapists",
        "--set", "actions=9Z ix", NULL },
      { "actions", "9Z ix" } },
    { { "add", path, "workstream", "--set", "code=WS9", "--set", "lead=Nobody Here", NULL },
      { "lead", "Nobody Here" } },
    { { "add", path, "reading", "--set", "indicator=" INDICATOR, "--set", "date=2026-13-01",
        "--set", "value=3", NULL },
      { "date", "2026-13-01" } },
    { { "add", path, "reading", "--set", "indicator=Nothing like it", "--set",
        "date=2026-06-30", "--set", "value=3", NULL },
      { "indicator", "Nothing like it" } },
    { { "edit", path, "indicator", INDICATOR, "--set", "target=lots", NULL },
      { "target", "lots" } },
    { { "edit", path, "indicator", INDICATOR, "--set", "service=Health", "--set", "better=up",
        NULL },
      { "better", "up" } },
    { { "edit", path, "indicator", "No such indicator", "--set", "unit=days", NULL },
      { "No such indicator" } },
    { { "retire", path, "person", "Nobody Here", NULL }, { "Nobody Here" } },
    { { "history", path, "person", "Nobody Here", NULL }, { "Nobody Here" } },
    { { "add", path, "programme", "--set", "name=Another", NULL }, { "programme" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *args = cases[i].args;
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;

      run_cli_argv (fixture, &run, args);
      if (run.status != 2)
        g_error ("case %u (%s): exit %d\n%s%s", i, args[0], run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
      g_assert_nonnull (strstr (run.err, "northshire.pathway: "));
      for (guint s = 0; s < G_N_ELEMENTS (cases[i].says) && cases[i].says[s]; s++)
        if (strstr (run.err, cases[i].says[s]) == NULL)
          g_error ("case %u (%s): the message does not name “%s”:\n%s", i, args[0],
                   cases[i].says[s], run.err);

      after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
}

int
main (int argc, char *argv[])
{
  /* The pack writes days in the locale's words; the expected text is made in the same one. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/records/programme-from-nothing-to-pack", test_programme_from_nothing);
  ADD ("/cli/records/edit-history-retire-list", test_edit_history_retire_list);
  ADD ("/cli/records/action-rating-history", test_action_rating_history);
  ADD ("/cli/records/readings-refused-change-nothing", test_readings_refused);
  ADD ("/cli/records/readings-warn-bad-bytes", test_readings_warn_bad_bytes);
  ADD ("/cli/records/usage-errors-exit-1", test_usage_errors);
  ADD ("/cli/records/bad-values-change-nothing", test_bad_values_change_nothing);
  ADD ("/cli/records/demo-risks-and-coproduction", test_demo_risks_and_coproduction);

#undef ADD

  return g_test_run ();
}
