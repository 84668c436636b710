/* test-import-trackers.c: trackers as areas keep them, each behaviour with a tracker of its
 * own, checked by what lands in the programme: the header found under a title block; the
 * header names and the words of ratings and statuses areas use; the sheet that is the tracker
 * chosen from a workbook, and a workbook of one sheet per workstream imported in one go; the
 * months of a tracker with a rating and an update per month as dated history; slips that warn
 * rather than block (no reference, one reference twice, notes, keys and totals under the
 * table, a row the user skips); sections that are areas of weakness; evidence columns as
 * evidence records; and a second import of the same file changing nothing. CSV where the
 * behaviour is about text, XLSX (written by libxlsxwriter) where it is about sheets. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"

/* A programme in a folder of its own (exchange-test-support.h). */
typedef ExchangeFixture Fixture;

static PathwayImportPlan *
plan_sheet (Fixture *fixture, PathwaySheet *sheet)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);

  return pathway_import_plan (sheet, mapping, fixture->document, NULL);
}

static PathwayImportPlan *
plan_text (Fixture *fixture, const char *name, const char *text)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (name, text);

  return plan_sheet (fixture, sheet);
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

static void
import_text (Fixture *fixture, const char *name, const char *text)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, name, text);

  apply_plan (fixture, plan);
}

/* Imports the text again and checks that nothing would change and the file stays as it is. */
static void
assert_second_import_changes_nothing (Fixture *fixture, const char *name, const char *text)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, name, text);
  g_autoptr(GBytes) before = exchange_test_read (fixture->path);

  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
  apply_plan (fixture, plan);
  exchange_test_assert_unchanged (fixture->path, before);
}

static PathwayAction *
find (Fixture *fixture, const char *reference)
{
  PathwayAction *action = exchange_test_find_action (fixture->document, reference);

  if (action == NULL)
    g_error ("no action %s", reference);
  return action;
}

static guint
count_actions (Fixture *fixture)
{
  GListModel *actions = pathway_programme_get_actions (
    pathway_document_get_programme (fixture->document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      n += !pathway_action_get_deleted (action);
    }
  return n;
}

static void
assert_fields (PathwaySheet *sheet, const PathwayImportField *expected, guint n)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);

  g_assert_cmpuint (pathway_import_mapping_get_n_columns (mapping), ==, n);
  for (guint c = 0; c < n; c++)
    if (pathway_import_mapping_get_field (mapping, c) != expected[c])
      g_error ("%s column %u (%s): %s, not %s", pathway_sheet_get_display_name (sheet), c,
               pathway_sheet_get_header (sheet, c),
               pathway_import_field_nick (pathway_import_mapping_get_field (mapping, c)),
               pathway_import_field_nick (expected[c]));
}

static GDate *
day (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

static PathwayRating
rating_as_at (Fixture *fixture, PathwayAction *action, int year, int month, int d)
{
  g_autoptr(GDate) date = day (year, month, d);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, PATHWAY_TYPE_RATING);
  g_assert_true (pathway_document_get_value_as_at (fixture->document, action, "rating", date,
                                                   &value, &error));
  g_assert_no_error (error);
  return g_value_get_enum (&value);
}

static char *
commentary_as_at (Fixture *fixture, PathwayAction *action, int year, int month, int d)
{
  g_autoptr(GDate) date = day (year, month, d);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (pathway_document_get_value_as_at (fixture->document, action, "commentary",
                                                   date, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

/* The header row ------------------------------------------------------------------------------- */

/* A title block above the header, its first row a title merged across the table (each cell
 * holding it, as a merged cell is read): the header is the row naming the most fields. */
static void
test_header_under_title_block (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
    "titled.csv",
    "Action plan,Action plan,Action plan,Action plan\n"
    "Progress update June 2019,,,\n"
    "Lead: Director of Education,,,\n"
    ",,,\n"
    "Ref,Action,Lead,RAG\n"
    "1.1,Set up a parent forum,Sam Patel,G\n");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);

  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, pathway_sheet_get_header_row (sheet)),
                    ==, 5);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  apply_plan (fixture, plan);
  g_assert_cmpuint (count_actions (fixture), ==, 1);
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "1.1"))), ==,
                   "Sam Patel");
}

/* Header names --------------------------------------------------------------------------------- */

static void
test_header_words (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) first = exchange_test_sheet_from_text (
    "first.csv", "Ref,Milestone / action,Lead officer,By when,RAG status,Progress update,"
                 "Evidence of impact,How we will know\n1,x\n");
  g_autoptr(PathwaySheet) second = exchange_test_sheet_from_text (
    "second.csv", "No.,Further action(s),Responsible,Target date,Completion date,BRAG,Update,"
                  "Outcome,Measure of success\n1,x\n");
  g_autoptr(PathwaySheet) third = exchange_test_sheet_from_text (
    "third.csv", "Ref,Key action(s),Lead officer(s),Timescale\n1,x\n");
  g_autoptr(PathwaySheet) fourth = exchange_test_sheet_from_text ("fourth.csv", "Ref,Task,Owner\n1,x\n");
  g_autoptr(PathwaySheet) fifth = exchange_test_sheet_from_text ("fifth.csv", "Ref,What we will do\n1,x\n");
  static const PathwayImportField first_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION, PATHWAY_IMPORT_FIELD_LEAD,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, PATHWAY_IMPORT_FIELD_RATING,
    PATHWAY_IMPORT_FIELD_COMMENTARY, PATHWAY_IMPORT_FIELD_EVIDENCE,
    PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE,
  };
  static const PathwayImportField second_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION, PATHWAY_IMPORT_FIELD_LEAD,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE,
    PATHWAY_IMPORT_FIELD_RATING, PATHWAY_IMPORT_FIELD_COMMENTARY, PATHWAY_IMPORT_FIELD_EVIDENCE,
    PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE,
  };
  static const PathwayImportField third_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION, PATHWAY_IMPORT_FIELD_LEAD,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE,
  };
  static const PathwayImportField fourth_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION, PATHWAY_IMPORT_FIELD_LEAD,
  };
  static const PathwayImportField fifth_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION,
  };
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(PathwayEvidence) record = NULL;
  PathwayAction *action;

  assert_fields (first, first_fields, G_N_ELEMENTS (first_fields));
  assert_fields (second, second_fields, G_N_ELEMENTS (second_fields));
  assert_fields (third, third_fields, G_N_ELEMENTS (third_fields));
  assert_fields (fourth, fourth_fields, G_N_ELEMENTS (fourth_fields));
  assert_fields (fifth, fifth_fields, G_N_ELEMENTS (fifth_fields));

  /* What the first layout's cells become. */
  import_text (fixture, "words.csv",
               "Ref,Milestone / action,Lead officer,By when,RAG status,Progress update,"
               "Evidence of impact,How we will know\n"
               "3.1,Publish the local offer,Aisha Begum,Dec 19,On track,Draft with parents,"
               "Visits to the site doubled,Parents say they can find what they need\n");
  action = find (fixture, "3.1");
  g_assert_cmpstr (pathway_action_get_description (action), ==, "Publish the local offer");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (action)), ==, "Aisha Begum");
  g_assert_cmpstr (pathway_action_get_original_timescale (action)->text, ==, "Dec 19");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpstr (pathway_action_get_commentary (action), ==, "Draft with parents");
  g_assert_cmpstr (pathway_action_get_success_measure (action), ==,
                   "Parents say they can find what they need");
  evidence = pathway_document_list_evidence (fixture->document, action, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  record = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (pathway_evidence_get_text (record), ==, "Visits to the site doubled");
}

/* Rating and status words ---------------------------------------------------------------------- */

static const char ratings_tracker[] =
  "Ref,Action,RAG\n"
  "W1,a,On track\n"
  "W2,b,At risk\n"
  "W3,c,Off track\n"
  "W4,d,Complete\n"
  "W5,e,Completed\n"
  "W6,f,Done\n"
  "W7,g,Blue\n"
  "W8,h,B\n"
  "W9,i,Not started\n"
  "W10,j,A/G\n"
  "W11,k,Amber/Red\n"
  "W12,l,R/A\n"
  "W13,m,G/A\n";

/* In RAG (a programme in use, so the tracker's Blue does not turn BRAG on) complete is Green
 * with the status Complete; in BRAG it is Blue, with the status Complete too. Split ratings
 * take the worse colour, each with a warning. */
static void
test_rating_words (Fixture *fixture, gconstpointer data)
{
  gboolean brag = GPOINTER_TO_INT (data);
  g_autoptr(PathwayImportPlan) plan = NULL;
  static const struct {
    const char *reference;
    PathwayRating rating;
  } colours[] = {
    { "W1", PATHWAY_RATING_GREEN }, { "W2", PATHWAY_RATING_AMBER }, { "W3", PATHWAY_RATING_RED },
    { "W9", PATHWAY_RATING_NONE }, { "W10", PATHWAY_RATING_AMBER },
    { "W11", PATHWAY_RATING_RED }, { "W12", PATHWAY_RATING_RED },
    { "W13", PATHWAY_RATING_AMBER },
  };

  import_text (fixture, "in-use.csv", "Ref,Action\nX,Already here\n");
  plan = plan_text (fixture, "ratings.csv", ratings_tracker);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 4);
  g_assert_nonnull (strstr (pathway_import_plan_get_problem (plan, 0)->message, "Amber"));
  g_assert_cmpuint (pathway_import_plan_get_problem (plan, 0)->row_number, ==, 11);
  apply_plan (fixture, plan);

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    g_assert_cmpint (pathway_action_get_rating (find (fixture, colours[i].reference)), ==,
                     colours[i].rating);
  for (const char *const *r = (const char *const[]) { "W4", "W5", "W6", "W7", "W8", NULL }; *r;
       r++)
    {
      PathwayAction *action = find (fixture, *r);

      g_assert_cmpint (pathway_action_get_rating (action), ==,
                       brag ? PATHWAY_RATING_BLUE : PATHWAY_RATING_GREEN);
      g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_COMPLETE);
    }
  g_assert_cmpint (pathway_action_get_status (find (fixture, "W9")), ==,
                   PATHWAY_STATUS_NOT_STARTED);
  assert_second_import_changes_nothing (fixture, "ratings.csv", ratings_tracker);
}

static void
test_status_words (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) statuses_only = exchange_test_sheet_from_text (
    "status.csv", "Ref,Action,Status\nS1,a,In progress\nS2,b,Delayed\n");
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (statuses_only);
  static const struct {
    const char *word;
    PathwayStatus status;
  } words[] = {
    { "Not started", PATHWAY_STATUS_NOT_STARTED }, { "In progress", PATHWAY_STATUS_ON_TRACK },
    { "On track", PATHWAY_STATUS_ON_TRACK }, { "Ongoing", PATHWAY_STATUS_ON_TRACK },
    { "Delayed", PATHWAY_STATUS_DELAYED }, { "Behind", PATHWAY_STATUS_DELAYED },
    { "Slipped", PATHWAY_STATUS_DELAYED }, { "Complete", PATHWAY_STATUS_COMPLETE },
    { "Completed", PATHWAY_STATUS_COMPLETE }, { "Done", PATHWAY_STATUS_COMPLETE },
    { "On hold", PATHWAY_STATUS_SUSPENDED },
  };
  g_autoptr(GString) tracker = g_string_new ("Ref,Action,RAG,Status\n");

  /* A "Status" column of statuses is the status, with no rating column beside it. */
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 2), ==, PATHWAY_IMPORT_FIELD_STATUS);

  /* The status column says the status, whatever the rating says. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_string_append_printf (tracker, "S%u,Action %u,Amber,%s\n", i, i, words[i].word);
  import_text (fixture, "statuses.csv", tracker->str);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *reference = g_strdup_printf ("S%u", i);
      PathwayAction *action = find (fixture, reference);

      g_assert_cmpint (pathway_action_get_status (action), ==, words[i].status);
      g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);
    }
}

/* Choosing sheets ------------------------------------------------------------------------------ */

static const char *const summary_rows[] = { "RAG|Count", "Red|3", "Amber|2", "Green|1", NULL };
static const char *const contacts_rows[] = { "Name|Email", "Sam Patel|sam@example.invalid",
                                             NULL };
static const char *const tracker_rows[] = {
  "Ref|Action|Lead|RAG", "1.1|Set up a parent forum|Sam Patel|G",
  "1.2|Hold termly surgeries|Sam Patel|A", "1.3|Publish a newsletter|Jo Lee|R", NULL
};
static const char *const old_tracker_rows[] = {
  "Ref|Action|Lead|RAG", "1.1|Set up a parent forum|Sam Patel|R", NULL
};

/* A Summary and a list of contacts before the tracker, and an older copy of it with fewer
 * rows: the tracker is the sheet with a reference and an action column and the most rows. */
static void
test_chooses_tracker_sheet (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "workbook.xlsx", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "no-tracker.xlsx", NULL);
  const ExchangeTestSheet sheets[] = {
    { "Summary", summary_rows }, { "Contacts", contacts_rows }, { "Old", old_tracker_rows },
    { "Tracker", tracker_rows },
  };
  const ExchangeTestSheet no_tracker[] = {
    { "Summary", summary_rows }, { "Contacts", contacts_rows },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwaySheet) none = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;

  exchange_test_write_workbook (path, sheets, G_N_ELEMENTS (sheets));
  sheet = pathway_import_read_tracker (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (sheet), ==, "Tracker");
  plan = plan_sheet (fixture, sheet);
  apply_plan (fixture, plan);
  g_assert_cmpuint (count_actions (fixture), ==, 3);

  /* None looks like a tracker: the message names each sheet and what it lacks. */
  exchange_test_write_workbook (plain, no_tracker, G_N_ELEMENTS (no_tracker));
  none = pathway_import_read_tracker (plain, &error);
  g_assert_null (none);
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_TRACKER);
  g_assert_nonnull (strstr (error->message, "no-tracker.xlsx"));
  g_assert_nonnull (strstr (error->message, "“Summary”: no reference or action column"));
  g_assert_nonnull (strstr (error->message, "“Contacts”: no reference or action column"));
}

/* A tracker kept as one sheet per workstream, with no workstream column: each sheet's actions
 * take the workstream its name or title block names; one reference on two sheets is two
 * actions. Imported in one go, and again without a change. */
static void
test_sheet_per_workstream (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "workstreams.xlsx", NULL);
  static const char *const education[] = {
    "Ref|Action|RAG", "E1|Improve attendance|G", "E2|Cut exclusions|A", NULL
  };
  static const char *const health[] = {
    "Workstream 2: Health and care||", "", "Ref|Action|RAG", "H1|Speed up assessments|R",
    "E2|Agree a joint commissioning plan|A", NULL
  };
  const ExchangeTestSheet sheets[] = {
    { "Summary", summary_rows }, { "WS1 Education", education }, { "Health", health },
  };
  const char *const all[] = { "all", NULL };
  PathwayWorkstream *workstream;

  exchange_test_write_workbook (path, sheets, G_N_ELEMENTS (sheets));
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) read = pathway_import_read_trackers (path, all, &error);
      g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) plans = NULL;
      g_autoptr(GBytes) before = exchange_test_read (fixture->path);

      g_assert_no_error (error);
      g_assert_cmpuint (read->len, ==, 2);
      for (guint i = 0; i < read->len; i++)
        g_ptr_array_add (mappings, pathway_import_guess_mapping (g_ptr_array_index (read, i)));
      plans = pathway_import_plan_sheets (read, mappings, fixture->document, "workstreams.xlsx");
      for (guint i = 0; i < plans->len; i++)
        {
          PathwayImportPlan *plan = g_ptr_array_index (plans, i);

          assert_no_errors (plan);
          g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, pass == 0 ? 2 : 0);
          g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
        }
      g_assert_true (pathway_import_apply_all (plans, fixture->document, &error));
      g_assert_no_error (error);
      if (pass == 1)
        exchange_test_assert_unchanged (fixture->path, before);
    }

  g_assert_cmpuint (count_actions (fixture), ==, 4);
  workstream = pathway_action_get_workstream (find (fixture, "E1"));
  g_assert_cmpstr (pathway_workstream_get_code (workstream), ==, "WS1");
  g_assert_cmpstr (pathway_workstream_get_title (workstream), ==, "Education");
  g_assert_true (pathway_action_get_workstream (find (fixture, "E2")) == workstream);
  workstream = pathway_action_get_workstream (find (fixture, "H1"));
  g_assert_cmpstr (pathway_workstream_get_code (workstream), ==, "2");
  g_assert_cmpstr (pathway_workstream_get_title (workstream), ==, "Health and care");
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "E2 (2)")), ==,
                   "Agree a joint commissioning plan");
  g_assert_true (pathway_action_get_workstream (find (fixture, "E2 (2)")) == workstream);
}

/* Months --------------------------------------------------------------------------------------- */

static const char months_tracker[] =
  "Ref,Action,RAG Jun 19,Update Jun 19,RAG Jul 19,Update Jul 19,RAG Aug 19,Update Aug 19\n"
  "M1,Launch the local offer,R,Not begun,A,Drafting,G,Launched\n"
  "M2,Train the SENCOs,,,A,Booked,A,Half trained\n"
  "M3,Audit EHC plans,G,Audit planned,G,Audit planned,Complete,Audit done\n";

/* The latest month is the current rating and commentary; each earlier month is an update as
 * at its end, so "as at" answers and the monthly counts start with the tracker's own past. */
static void
test_month_columns (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text ("months.csv", months_tracker);
  static const PathwayImportField fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION,
    PATHWAY_IMPORT_FIELD_EARLIER_RATING, PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY,
    PATHWAY_IMPORT_FIELD_EARLIER_RATING, PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY,
    PATHWAY_IMPORT_FIELD_RATING, PATHWAY_IMPORT_FIELD_COMMENTARY,
  };
  g_autoptr(GDate) june = day (2019, 6, 30);
  g_autoptr(GDate) july = day (2019, 7, 31);
  g_autoptr(GDate) october = day (2019, 10, 31);
  g_autoptr(GArray) june_states = NULL;
  g_autoptr(GArray) july_states = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *july_commentary = NULL;
  g_autofree char *august_commentary = NULL;
  PathwayAction *m1, *m2, *m3;

  assert_fields (sheet, fields, G_N_ELEMENTS (fields));
  import_text (fixture, "months.csv", months_tracker);
  m1 = find (fixture, "M1");
  m2 = find (fixture, "M2");
  m3 = find (fixture, "M3");

  g_assert_cmpint (pathway_action_get_rating (m1), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpstr (pathway_action_get_commentary (m1), ==, "Launched");
  g_assert_cmpint (rating_as_at (fixture, m1, 2019, 6, 30), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (rating_as_at (fixture, m1, 2019, 7, 30), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (rating_as_at (fixture, m1, 2019, 7, 31), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (rating_as_at (fixture, m1, 2019, 9, 30), ==, PATHWAY_RATING_AMBER);
  july_commentary = commentary_as_at (fixture, m1, 2019, 7, 31);
  g_assert_cmpstr (july_commentary, ==, "Drafting");
  august_commentary = commentary_as_at (fixture, m2, 2019, 8, 31);
  g_assert_cmpstr (august_commentary, ==, "Booked");
  g_assert_cmpint (pathway_action_get_rating (m3), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (m3), ==, PATHWAY_STATUS_COMPLETE);

  /* M2 starts in July, its first month with anything in it. */
  june_states = pathway_document_states_as_at (fixture->document, june, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (june_states->len, ==, 2);
  g_assert_null (pathway_action_states_find (june_states, pathway_action_get_id (m2)));
  july_states = pathway_document_states_as_at (fixture->document, july, &error);
  g_assert_cmpuint (july_states->len, ==, 3);
  g_assert_cmpint (pathway_action_states_find (july_states, pathway_action_get_id (m2))->rating,
                   ==, PATHWAY_RATING_AMBER);

  /* The ratings over time begin in June 2019. */
  months = pathway_document_monthly_counts (fixture->document, NULL, october, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 5);
  g_assert_cmpint (g_date_get_month (&g_array_index (months, PathwayMonthCounts, 0).month_end),
                   ==, 6);
  g_assert_cmpuint (g_array_index (months, PathwayMonthCounts, 0).counts[PATHWAY_RATING_RED], ==,
                    1);
  g_assert_cmpuint (g_array_index (months, PathwayMonthCounts, 0).counts[PATHWAY_RATING_GREEN],
                    ==, 1);
  g_assert_cmpuint (g_array_index (months, PathwayMonthCounts, 1).counts[PATHWAY_RATING_AMBER],
                    ==, 2);

  assert_second_import_changes_nothing (fixture, "months.csv", months_tracker);
}

/* An action already in the programme takes the months after its last change; the history
 * before that is the programme's own. */
static void
test_month_columns_existing_action (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(GDateTime) may = g_date_time_new_utc (2019, 5, 1, 12, 0, 0);
  g_autoptr(GDateTime) july = g_date_time_new_utc (2019, 7, 10, 12, 0, 0);
  g_autoptr(GDateTime) october = g_date_time_new_utc (2019, 10, 16, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  static const char tracker[] = "Ref,Action,RAG Jun 19,RAG Jul 19,RAG Aug 19\n"
                                "X1,Existing,A,R,G\n";

  pathway_document_set_now (fixture->document, may);
  pathway_action_set_reference (draft, "X1");
  pathway_action_set_description (draft, "Existing");
  pathway_action_set_rating (draft, PATHWAY_RATING_GREEN);
  g_assert_true (pathway_document_add_action (fixture->document, draft, &error));
  pathway_document_set_now (fixture->document, july);
  g_assert_true (pathway_document_set_commentary (fixture->document, draft, "Mid July", &error));
  g_assert_no_error (error);
  pathway_document_set_now (fixture->document, october);

  import_text (fixture, "existing.csv", tracker);
  g_assert_cmpint (rating_as_at (fixture, draft, 2019, 6, 30), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (rating_as_at (fixture, draft, 2019, 7, 31), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (rating_as_at (fixture, draft, 2019, 9, 1), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (pathway_action_get_rating (draft), ==, PATHWAY_RATING_GREEN);
  assert_second_import_changes_nothing (fixture, "existing.csv", tracker);
}

/* Slips ---------------------------------------------------------------------------------------- */

static const char slips_tracker[] =
  "Ref,Action,Lead,RAG\n"
  "2.1,Write the strategy,Sam Patel,G\n"
  ",Hold a launch event,Sam Patel,A\n"
  "2.1,Publish the strategy,Sam Patel,A\n"
  "2.1,Write the strategy,Sam Patel,G\n"
  "2.2,Agree the budget,Jo Lee,R\n"
  "Total,,,4\n"
  "Key,Red = off track,,\n"
  "Green,On track or complete,,\n"
  "Ratings agreed at the board on 5 June 2019,,,\n";

/* Nothing here stops the import: each slip is a warning, and what is not an action is listed
 * as skipped, with why. */
static void
test_slips_warn (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, "slips.csv", slips_tracker);
  static const struct {
    guint row;
    const char *reason;
  } skipped[] = {
    { 4, "a repeat of an earlier row" }, { 6, "a totals row" }, { 7, "a colour key" },
    { 8, "a colour key" }, { 9, "a note under the table" },
  };

  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 3);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 4);
  g_assert_cmpuint (pathway_import_plan_get_n_skipped (plan), ==, G_N_ELEMENTS (skipped));
  g_assert_cmpuint (pathway_import_plan_get_n_headings (plan), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, skipped[i].row), ==,
                       PATHWAY_IMPORT_ROW_SKIPPED);
      g_assert_cmpstr (pathway_import_plan_get_row_skip_reason (plan, skipped[i].row), ==,
                       skipped[i].reason);
    }
  g_assert_null (pathway_import_plan_get_row_skip_reason (plan, 1));
  apply_plan (fixture, plan);

  g_assert_cmpuint (count_actions (fixture), ==, 4);
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "2.1")), ==,
                   "Write the strategy");
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "Row 3")), ==,
                   "Hold a launch event");
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "2.1 (2)")), ==,
                   "Publish the strategy");
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "2.1 (2)")), ==,
                   PATHWAY_RATING_AMBER);
  assert_second_import_changes_nothing (fixture, "slips.csv", slips_tracker);
}

/* A row the user skips is not read, so even a rating no rule can read does not stop the rest. */
static void
test_skip_row (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
    "skip.csv", "Ref,Action,RAG\nK1,First,G\nK2,Second,Purple\nK3,Third,A\n");
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);
  g_autoptr(PathwayImportPlan) before = pathway_import_plan (sheet, mapping, fixture->document,
                                                             NULL);
  g_autoptr(PathwayImportPlan) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pathway_import_plan_get_n_errors (before), ==, 1);
  g_assert_true (pathway_import_mapping_parse_skip (mapping, sheet, "3", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_import_mapping_get_row_skipped (mapping, 2));
  after = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (after), ==, 0);
  g_assert_cmpstr (pathway_import_plan_get_row_skip_reason (after, 2), ==, "skipped as asked");
  apply_plan (fixture, after);
  g_assert_cmpuint (count_actions (fixture), ==, 2);
  g_assert_null (exchange_test_find_action (fixture->document, "K2"));

  g_assert_false (pathway_import_mapping_parse_skip (mapping, sheet, "9", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pathway_import_mapping_parse_skip (mapping, sheet, "row three", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
}

/* Where things belong -------------------------------------------------------------------------- */

static const char areas_tracker[] =
  "Ref,Action,RAG\n"
  "Area of weakness 1: Leaders do not know the area well enough,,\n"
  "Co-production,,\n"
  "1.1,Set up a parent forum,G\n"
  "1.2,Hold termly surgeries,A\n"
  "Area of weakness 2: Waiting times for assessments,,\n"
  "2.1,Recruit two educational psychologists,R\n";

/* Section rows naming an area of weakness make it (or find it by its number) and are the
 * theme of the rows below; other section rows are themes only. */
static void
test_area_sections (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayAreaOfWeakness) existing = pathway_area_of_weakness_new ();
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);
  PathwayAreaOfWeakness *first;

  pathway_area_of_weakness_set_reference (existing, "AoW 2");
  pathway_area_of_weakness_set_title (existing, "Waiting times");
  g_assert_true (pathway_document_add_area (fixture->document, existing, &error));
  g_assert_no_error (error);

  plan = plan_text (fixture, "areas.csv", areas_tracker);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_headings (plan), ==, 3);
  apply_plan (fixture, plan);

  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_areas (programme)), ==, 2);
  first = pathway_action_get_area (find (fixture, "1.1"));
  g_assert_nonnull (first);
  g_assert_cmpstr (pathway_area_of_weakness_get_reference (first), ==, "1");
  g_assert_cmpstr (pathway_area_of_weakness_get_title (first), ==,
                   "Leaders do not know the area well enough");
  g_assert_true (pathway_action_get_area (find (fixture, "1.2")) == first);
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "1.1")), ==, "Co-production");
  g_assert_true (pathway_action_get_area (find (fixture, "2.1")) == existing);
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "2.1")), ==,
                   "Area of weakness 2: Waiting times for assessments");
  assert_second_import_changes_nothing (fixture, "areas.csv", areas_tracker);
}

/* An evidence column is the action's evidence records: one per text, kept when the text
 * changes (evidence is added to, never replaced). */
static void
test_evidence_records (Fixture *fixture, gconstpointer data)
{
  static const char first[] = "Ref,Action,Evidence of impact\n"
                              "E1,Cut waiting times,Waiting time down from 20 to 12 weeks\n"
                              "E2,Start a forum,\n";
  static const char later[] = "Ref,Action,Evidence of impact\n"
                              "E1,Cut waiting times,Waiting time down to 9 weeks\n";
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(PathwayEvidence) record = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autofree char *date = NULL;

  import_text (fixture, "evidence.csv", first);
  evidence = pathway_document_list_evidence (fixture->document, find (fixture, "E1"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  record = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (pathway_evidence_get_text (record), ==,
                   "Waiting time down from 20 to 12 weeks");
  g_assert_cmpstr (pathway_evidence_get_source (record), ==, "Imported from evidence.csv");
  date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (pathway_evidence_get_date (record)),
                          g_date_get_month (pathway_evidence_get_date (record)),
                          g_date_get_day (pathway_evidence_get_date (record)));
  g_assert_cmpstr (date, ==, "2019-10-16");
  none = pathway_document_list_evidence (fixture->document, find (fixture, "E2"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  assert_second_import_changes_nothing (fixture, "evidence.csv", first);

  plan = plan_text (fixture, "later.csv", later);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_row_changes (plan, 1), ==,
                    1u << PATHWAY_IMPORT_FIELD_EVIDENCE);
  apply_plan (fixture, plan);
  g_clear_object (&evidence);
  evidence = pathway_document_list_evidence (fixture->document, find (fixture, "E1"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 2);
}

/* All at once ---------------------------------------------------------------------------------- */

/* A workbook with everything above in it, imported twice: the second import finds every
 * action as the first left it and writes nothing. */
static void
test_second_import_changes_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "everything.xlsx", NULL);
  static const char *const rows[] = {
    "Written Statement of Action|Written Statement of Action|Written Statement of Action",
    "Progress update August 2019",
    "",
    "Ref|Milestone / action|Lead officer|By when|RAG Jun 19|Update Jun 19|RAG Jul 19|"
    "Update Jul 19|RAG Aug 19|Update Aug 19|Status|Evidence of impact",
    "Area of weakness 3: Transitions to adulthood",
    "3.1|Map the pathways|Jo Lee|Dec 19|R|Started|A/G|Mapping|G|Mapped|In progress|"
    "Forty young people asked",
    "|Run a transitions fair|Jo Lee|Mar 20|||A|Booked|On track|Venue booked|Ongoing|",
    "3.1|Review the pathways|Jo Lee|Jun 20||||||Not started||",
    "Key|Red = off track",
    "Total||||||||3",
    NULL
  };
  const ExchangeTestSheet sheets[] = { { "Summary", summary_rows }, { "Tracker", rows } };

  exchange_test_write_workbook (path, sheets, G_N_ELEMENTS (sheets));
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaySheet) sheet = pathway_import_read_tracker (path, &error);
      g_autoptr(PathwayImportPlan) plan = NULL;
      g_autoptr(GBytes) before = exchange_test_read (fixture->path);

      g_assert_no_error (error);
      plan = plan_sheet (fixture, sheet);
      assert_no_errors (plan);
      g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, pass == 0 ? 3 : 0);
      g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
      g_assert_cmpuint (pathway_import_plan_get_n_skipped (plan), ==, 2);
      apply_plan (fixture, plan);
      if (pass == 1)
        exchange_test_assert_unchanged (fixture->path, before);
    }

  g_assert_cmpuint (count_actions (fixture), ==, 3);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "3.1")), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (rating_as_at (fixture, find (fixture, "3.1"), 2019, 7, 31), ==,
                   PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_status (find (fixture, "Row 7")), ==,
                   PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpstr (pathway_area_of_weakness_get_reference (
                     pathway_action_get_area (find (fixture, "3.1 (2)"))), ==, "3");
}

/* fixtures/hidden-merged.xlsx: a hidden column of last quarter's ratings beside the current
 * one, and a section heading merged across the row. The hidden column is never guessed; the
 * merged heading is one heading (its area made), not an action. */
static void
test_hidden_and_merged (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = exchange_test_fixture ("hidden-merged.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read (path, NULL, &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  int hidden = -1;

  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet) && hidden < 0; c++)
    if (pathway_sheet_column_is_hidden (sheet, c))
      hidden = (int) c;
  g_assert_cmpint (hidden, >=, 0);
  g_assert_cmpstr (pathway_sheet_get_header (sheet, hidden), ==, "RAG Q1");
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, hidden), ==,
                   PATHWAY_IMPORT_FIELD_NONE);
  g_assert_cmpint (pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_RATING),
                   ==, hidden + 1);

  plan = pathway_import_plan (sheet, mapping, fixture->document, "hidden-merged.xlsx");
  g_assert_false (pathway_import_plan_has_errors (plan));
  g_assert_cmpuint (pathway_import_plan_get_n_headings (plan), ==, 1);
  apply_plan (fixture, plan);
  g_assert_cmpuint (count_actions (fixture), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (
                      pathway_programme_get_areas (pathway_document_get_programme (
                        fixture->document))), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, brag)                                                                 \
  g_test_add (path, Fixture, GINT_TO_POINTER (brag), exchange_fixture_set_up, func, exchange_fixture_tear_down)
  ADD ("/exchange/trackers/header-under-title-block", test_header_under_title_block, FALSE);
  ADD ("/exchange/trackers/header-words", test_header_words, FALSE);
  ADD ("/exchange/trackers/rating-words-rag", test_rating_words, FALSE);
  ADD ("/exchange/trackers/rating-words-brag", test_rating_words, TRUE);
  ADD ("/exchange/trackers/status-words", test_status_words, FALSE);
  ADD ("/exchange/trackers/chooses-tracker-sheet", test_chooses_tracker_sheet, FALSE);
  ADD ("/exchange/trackers/sheet-per-workstream", test_sheet_per_workstream, FALSE);
  ADD ("/exchange/trackers/month-columns", test_month_columns, FALSE);
  ADD ("/exchange/trackers/month-columns-existing-action", test_month_columns_existing_action,
       FALSE);
  ADD ("/exchange/trackers/slips-warn", test_slips_warn, FALSE);
  ADD ("/exchange/trackers/skip-row", test_skip_row, FALSE);
  ADD ("/exchange/trackers/area-sections", test_area_sections, FALSE);
  ADD ("/exchange/trackers/evidence-records", test_evidence_records, FALSE);
  ADD ("/exchange/trackers/second-import-changes-nothing", test_second_import_changes_nothing,
       FALSE);
  ADD ("/exchange/trackers/hidden-and-merged", test_hidden_and_merged, FALSE);
#undef ADD

  return g_test_run ();
}
