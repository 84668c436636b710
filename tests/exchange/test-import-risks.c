/* test-import-risks.c: risk registers into the risk log, and the log out again. Columns
 * guessed from header sets areas use (a title block above the header, a header of two rows
 * with "Inherent risk" and "Residual risk" merged over their columns, a "Risk/Issue" column
 * holding titles, a RAG status of colours); levels read as numbers and as words, the
 * programme's own first; every refusal named by row, column and value, with nothing written;
 * what is left out named in a warning (an unknown linked action, a score that cannot be
 * split, a colour with no likelihood and impact); an unknown owner added as a person; the
 * import one undo step with every change noted "Imported from FILE"; the same register again
 * changing nothing; the choices kept per layout; and the log exported to CSV and XLSX and
 * imported back unchanged, with text that looks like a formula kept as text. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"
#include "pathway-demo.h"
#include "pathway-exchange-private.h"

typedef ExchangeFixture Fixture;

/* The programme's actions, people and workstreams, from a tracker. */
#define TRACKER_CSV \
  "Ref,Action,Lead,Workstream,RAG\n" \
  "1A i,Publish the local offer,Beth Kowalski,A – Local offer,Green\n" \
  "1B i,Train staff in the graduated approach,Ann Lee,B – Training,Amber\n" \
  "2A i,Cut the wait for an assessment,Sam Patel,C – Health,Red\n"

static void
set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  exchange_fixture_set_up (fixture, data);
  sheet = exchange_test_sheet_from_text ("tracker.csv", TRACKER_CSV);
  mapping = pathway_import_guess_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  g_assert_true (pathway_import_apply (plan, fixture->document, &error));
  g_assert_no_error (error);
}

static PathwayImportPlan *
plan_text (Fixture *fixture, const char *name, const char *text)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (name, text);
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_risk_mapping (sheet);

  return pathway_import_plan (sheet, mapping, fixture->document, NULL);
}

static void
apply (Fixture *fixture, PathwayImportPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_import_apply (plan, fixture->document, &error));
  g_assert_no_error (error);
}

static PathwayProgramme *
programme_of (Fixture *fixture)
{
  return pathway_document_get_programme (fixture->document);
}

static guint
count_risks (Fixture *fixture)
{
  return g_list_model_get_n_items (pathway_programme_get_risks (programme_of (fixture)));
}

static PathwayRisk *
risk (Fixture *fixture, const char *reference)
{
  PathwayRisk *found = pathway_programme_find_risk_by_reference (programme_of (fixture),
                                                                 reference);

  if (found == NULL)
    g_error ("no risk %s", reference);
  return found;
}

static gboolean
has_person (Fixture *fixture, const char *name)
{
  GListModel *people = pathway_programme_get_people (programme_of (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (pathway_person_get_name (person), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The index of the row Excel numbers 'number'. */
static guint
row_index (PathwaySheet *sheet, guint number)
{
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    if (pathway_sheet_get_row_number (sheet, r) == number)
      return r;
  g_error ("no row %u", number);
}

/* The problem on a cell ("F" of the row Excel numbers 'number'), or NULL. */
static const PathwayImportProblem *
problem_at (PathwayImportPlan *plan, guint number, const char *letter)
{
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);

      if (problem->row_number == number && g_strcmp0 (problem->column_letter, letter) == 0)
        return problem;
    }
  return NULL;
}

static const PathwayImportProblem *
expect_problem (PathwayImportPlan *plan, guint number, const char *letter,
                PathwayImportSeverity severity, const char *value, const char *words)
{
  const PathwayImportProblem *problem = problem_at (plan, number, letter);

  if (problem == NULL)
    g_error ("no problem on row %u, column %s", number, letter);
  g_assert_cmpint (problem->severity, ==, severity);
  g_assert_cmpstr (problem->value, ==, value);
  if (strstr (problem->message, words) == NULL)
    g_error ("row %u, column %s says “%s”, not “%s”", number, letter, problem->message, words);
  return problem;
}

/* The first change of a record's history, which is its creation. */
static char *
creation_note (Fixture *fixture, gpointer record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = pathway_document_list_changes (fixture->document, record,
                                                                 &error);
  g_autoptr(PathwayActionUpdate) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), >, 0);
  first = g_list_model_get_item (changes, 0);
  return g_strdup (pathway_action_update_get_note (first));
}

static gboolean
has_change_noted (Fixture *fixture, gpointer record, const char *property, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = pathway_document_list_changes (fixture->document, record,
                                                                 &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(PathwayActionUpdate) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (pathway_action_update_get_property_name (change), property) == 0 &&
          g_strcmp0 (pathway_action_update_get_note (change), note) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Guessing ------------------------------------------------------------------------------------- */

static void
assert_fields (const char *name, const char *text, const guint *expected, guint n)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (name, text);
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_risk_mapping (sheet);

  g_assert_cmpint (pathway_import_mapping_get_target (mapping), ==, PATHWAY_IMPORT_TARGET_RISKS);
  g_assert_cmpuint (pathway_import_mapping_get_n_columns (mapping), ==, n);
  for (guint c = 0; c < n; c++)
    {
      guint field = pathway_import_mapping_get_field (mapping, c);

      if (field != expected[c])
        g_error ("%s, column %u (%s): guessed %s, expected %s", name, c,
                 pathway_sheet_get_header (sheet, c),
                 pathway_import_target_field_nick (PATHWAY_IMPORT_TARGET_RISKS, field),
                 pathway_import_target_field_nick (PATHWAY_IMPORT_TARGET_RISKS, expected[c]));
    }
}

static void
test_guess_header_sets (void)
{
  /* Every field headed as a register's template heads it. */
  static const guint full[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_TITLE, PATHWAY_RISK_FIELD_DESCRIPTION,
    PATHWAY_RISK_FIELD_OWNER, PATHWAY_RISK_FIELD_WORKSTREAM, PATHWAY_RISK_FIELD_LIKELIHOOD,
    PATHWAY_RISK_FIELD_IMPACT, PATHWAY_RISK_FIELD_SCORE, PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD,
    PATHWAY_RISK_FIELD_RESIDUAL_IMPACT, PATHWAY_RISK_FIELD_RESIDUAL_SCORE,
    PATHWAY_RISK_FIELD_RESPONSE, PATHWAY_RISK_FIELD_RESPONSE_OWNER,
    PATHWAY_RISK_FIELD_REVIEW_DATE, PATHWAY_RISK_FIELD_PROXIMITY, PATHWAY_RISK_FIELD_STATUS,
    PATHWAY_RISK_FIELD_KIND, PATHWAY_RISK_FIELD_ACTIONS, PATHWAY_RISK_FIELD_RAISED_FROM,
  };
  /* A health partner's: probability and severity, target scores, "Priority" for the
   * workstream, the actions' references as "WSOA ref". */
  static const guint health[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_TITLE, PATHWAY_RISK_FIELD_DESCRIPTION,
    PATHWAY_RISK_FIELD_OWNER, PATHWAY_RISK_FIELD_WORKSTREAM, PATHWAY_RISK_FIELD_LIKELIHOOD,
    PATHWAY_RISK_FIELD_IMPACT, PATHWAY_RISK_FIELD_SCORE, PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD,
    PATHWAY_RISK_FIELD_RESIDUAL_IMPACT, PATHWAY_RISK_FIELD_RESIDUAL_SCORE,
    PATHWAY_RISK_FIELD_RESPONSE, PATHWAY_RISK_FIELD_RESPONSE_OWNER,
    PATHWAY_RISK_FIELD_REVIEW_DATE, PATHWAY_RISK_FIELD_STATUS, PATHWAY_RISK_FIELD_ACTIONS,
  };
  /* Short: "Risk/Issue" holding the risks themselves, L and I, a RAG, "Actions" as the
   * response, and a column of its own. */
  static const guint short_fields[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_TITLE, PATHWAY_RISK_FIELD_DESCRIPTION,
    PATHWAY_RISK_FIELD_LIKELIHOOD, PATHWAY_RISK_FIELD_IMPACT, PATHWAY_RISK_FIELD_SCORE,
    PATHWAY_RISK_FIELD_RESPONSE, PATHWAY_RISK_FIELD_STATUS, PATHWAY_RISK_FIELD_NONE,
  };
  /* A title block; the description the only text, so the title; "Risk/Issue" of types; a
   * "Risk appetite" that is no risk. */
  static const guint titled[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_TITLE, PATHWAY_RISK_FIELD_OWNER,
    PATHWAY_RISK_FIELD_LIKELIHOOD, PATHWAY_RISK_FIELD_IMPACT, PATHWAY_RISK_FIELD_SCORE,
    PATHWAY_RISK_FIELD_KIND, PATHWAY_RISK_FIELD_NONE, PATHWAY_RISK_FIELD_STATUS,
  };
  /* A "Status" of colours is the RAG. */
  static const guint rag_status[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_TITLE, PATHWAY_RISK_FIELD_SCORE,
  };

  assert_fields ("full.csv",
                 "Risk ID,Risk title,Risk description,Risk owner,Workstream,Likelihood,Impact,"
                 "Inherent score,Residual likelihood,Residual impact,Residual score,Controls,"
                 "Action owner,Review date,Proximity,Status,Type (Risk/Issue),Linked actions,"
                 "Raised from\n"
                 "R1,Backlog,Vacancies,Beth Kowalski,A,3,4,12,2,2,4,Agency staff,Sam Patel,"
                 "31/03/2027,Within 3 months,Open,Risk,1A i,\n",
                 full, G_N_ELEMENTS (full));
  assert_fields ("health.csv",
                 "No.,Risk,\"Cause, event, effect\",Owner,Priority,Probability,Severity,Rating,"
                 "Target L,Target I,Target score,Mitigation,Mitigation owner,Next review,"
                 "Open/Closed,WSOA ref\n"
                 "1,Waits,Referrals doubled,Sam Patel,C,4,4,16,2,3,6,Clinics,Sam Patel,"
                 "01/04/2027,Open,2A i\n",
                 health, G_N_ELEMENTS (health));
  assert_fields ("short.csv",
                 "Ref,Risk/Issue,Description,L,I,RAG,Actions,Status,Budget\n"
                 "R1,Assessment backlog grows,Vacancies,3,4,Red,Agency cover,Open,£10k\n"
                 "R2,Parents lose trust,Complaints,2,2,Green,Forum,Open,\n",
                 short_fields, G_N_ELEMENTS (short_fields));
  assert_fields ("titled.csv",
                 "SEND risk register,,,,,,,,\n"
                 "Updated March 2026,,,,,,,,\n"
                 ",,,,,,,,\n"
                 "Risk ref,Risk description,Risk owner,Likelihood (1-5),Impact (1-5),"
                 "Risk score,Risk/Issue,Risk appetite,Status\n"
                 "R1,Assessment backlog grows,Beth Kowalski,3,4,12,Risk,Low,Open\n"
                 "I1,Waits over 40 weeks,Sam Patel,5,4,20,Issue,Low,Open\n",
                 titled, G_N_ELEMENTS (titled));
  assert_fields ("rag.csv",
                 "Ref,Risk,Status\nR1,Backlog,Red\nR2,Trust,Amber\n",
                 rag_status, G_N_ELEMENTS (rag_status));

  /* The header row is found under the title block. */
  {
    g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
      "titled.csv", "SEND risk register\nUpdated March 2026\n\nRisk ref,Risk,Owner\nR1,A,B\n");
    g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_risk_mapping (sheet);

    g_assert_cmpuint (pathway_sheet_get_row_number (sheet, pathway_sheet_get_header_row (sheet)),
                      ==, 4);
  }
}

/* The field names for --map, for risks only. */
static void
test_field_names (void)
{
  guint field;

  g_assert_cmpuint (pathway_import_target_get_n_fields (PATHWAY_IMPORT_TARGET_RISKS), ==,
                    PATHWAY_RISK_N_FIELDS);
  g_assert_true (pathway_import_target_field_from_name (PATHWAY_IMPORT_TARGET_RISKS,
                                                        "residual-impact", &field));
  g_assert_cmpuint (field, ==, PATHWAY_RISK_FIELD_RESIDUAL_IMPACT);
  g_assert_true (pathway_import_target_field_from_name (PATHWAY_IMPORT_TARGET_RISKS, "Target L",
                                                        &field));
  g_assert_cmpuint (field, ==, PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD);
  g_assert_true (pathway_import_target_field_from_name (PATHWAY_IMPORT_TARGET_RISKS, "ignore",
                                                        &field));
  g_assert_cmpuint (field, ==, PATHWAY_RISK_FIELD_NONE);
  /* A tracker's field is no field of a register. */
  g_assert_false (pathway_import_target_field_from_name (PATHWAY_IMPORT_TARGET_RISKS,
                                                         "original-timescale", &field));
  g_assert_cmpstr (pathway_import_target_field_nick (PATHWAY_IMPORT_TARGET_RISKS,
                                                     PATHWAY_RISK_FIELD_REVIEW_DATE),
                   ==, "review-date");
}

/* The workbook: a scoring sheet, the register under a title and a header of two rows, an issue
 * log. */
static void
test_two_row_header (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = exchange_test_fixture ("risk-register.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_import_read_sheet_for (path,
                                                                 PATHWAY_IMPORT_TARGET_RISKS,
                                                                 &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  static const guint expected[] = {
    PATHWAY_RISK_FIELD_REFERENCE, PATHWAY_RISK_FIELD_KIND, PATHWAY_RISK_FIELD_TITLE,
    PATHWAY_RISK_FIELD_DESCRIPTION, PATHWAY_RISK_FIELD_OWNER, PATHWAY_RISK_FIELD_WORKSTREAM,
    PATHWAY_RISK_FIELD_LIKELIHOOD, PATHWAY_RISK_FIELD_IMPACT, PATHWAY_RISK_FIELD_SCORE,
    PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD, PATHWAY_RISK_FIELD_RESIDUAL_IMPACT,
    PATHWAY_RISK_FIELD_RESIDUAL_SCORE, PATHWAY_RISK_FIELD_RESPONSE,
    PATHWAY_RISK_FIELD_RESPONSE_OWNER, PATHWAY_RISK_FIELD_REVIEW_DATE,
    PATHWAY_RISK_FIELD_STATUS, PATHWAY_RISK_FIELD_ACTIONS,
    /* The RAG of colours: the score is the Score column's. */
    PATHWAY_RISK_FIELD_NONE,
  };
  PathwayRisk *r01, *i01, *r03;
  g_auto(GStrv) additions = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (sheet), ==, "Risk register");
  mapping = pathway_import_guess_risk_mapping (sheet);
  g_assert_cmpuint (pathway_sheet_get_row_number (sheet, pathway_sheet_get_header_row (sheet)),
                    ==, 5);
  g_assert_cmpuint (pathway_import_mapping_get_n_columns (mapping), ==, G_N_ELEMENTS (expected));
  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    g_assert_cmpuint (pathway_import_mapping_get_field (mapping, c), ==, expected[c]);
  g_assert_null (pathway_import_sheet_lacks (sheet, mapping));

  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  g_assert_cmpint (pathway_import_plan_get_target (plan), ==, PATHWAY_IMPORT_TARGET_RISKS);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 4);
  g_assert_cmpuint (pathway_import_plan_get_n_skipped (plan), ==, 1);
  /* The key under the table. */
  g_assert_cmpstr (pathway_import_plan_get_row_skip_reason (plan, row_index (sheet, 11)), ==,
                   "a key under the table");
  /* An action the programme lacks is left out, the one it has kept. */
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 1);
  expect_problem (plan, 8, "Q", PATHWAY_IMPORT_WARNING, "2A i, 9Z", "no action “9Z”");
  additions = pathway_import_plan_get_additions (plan);
  g_assert_cmpuint (g_strv_length (additions), ==, 1);
  g_assert_cmpstr (additions[0], ==, "Person: Dr Nadia Rahman");
  apply (fixture, plan);

  g_assert_cmpuint (count_risks (fixture), ==, 4);
  r01 = risk (fixture, "R01");
  g_assert_cmpint (pathway_risk_get_kind (r01), ==, PATHWAY_RISK_KIND_RISK);
  g_assert_cmpstr (pathway_risk_get_title (r01), ==, "Assessment backlog grows");
  g_assert_cmpint (pathway_risk_get_likelihood (r01), ==, 4);
  g_assert_cmpint (pathway_risk_get_impact (r01), ==, 4);
  g_assert_cmpint (pathway_risk_get_residual_likelihood (r01), ==, 3);
  g_assert_cmpint (pathway_risk_get_residual_impact (r01), ==, 3);
  g_assert_cmpstr (pathway_workstream_get_code (pathway_risk_get_workstream (r01)), ==, "A");
  g_assert_cmpstr (pathway_person_get_name (pathway_risk_get_owner (r01)), ==, "Beth Kowalski");
  g_assert_cmpstr (pathway_person_get_name (pathway_risk_get_response_owner (r01)), ==,
                   "Sam Patel");
  g_assert_cmpstr (pathway_risk_get_actions (r01), ==, "1A i");
  {
    g_autofree char *day = pathway_date_format_iso (pathway_risk_get_review_date (r01));

    g_assert_cmpstr (day, ==, "2026-03-31");
  }
  i01 = risk (fixture, "I01");
  g_assert_cmpint (pathway_risk_get_kind (i01), ==, PATHWAY_RISK_KIND_ISSUE);
  g_assert_cmpint (pathway_risk_get_status (i01), ==, PATHWAY_RISK_STATUS_ESCALATED);
  g_assert_cmpint (pathway_risk_get_score (i01), ==, 25);
  g_assert_cmpint (pathway_risk_get_residual_score (i01), ==, 16);
  g_assert_cmpstr (pathway_risk_get_actions (i01), ==, "2A i");
  g_assert_cmpstr (pathway_person_get_name (pathway_risk_get_owner (i01)), ==,
                   "Dr Nadia Rahman");
  r03 = risk (fixture, "R03");
  g_assert_cmpint (pathway_risk_get_score (r03), ==, 10);
  g_assert_cmpint (pathway_risk_get_residual_score (r03), ==, 0);
  g_assert_cmpint (pathway_risk_get_status (r03), ==, PATHWAY_RISK_STATUS_CLOSED);
  g_assert_null (pathway_risk_get_review_date (r03));
  g_assert_null (pathway_risk_get_workstream (r03));
  g_assert_cmpint (pathway_risk_get_kind (risk (fixture, "R02")), ==, PATHWAY_RISK_KIND_RISK);
}

/* Every sheet that looks like a register, as one import: the issue log's rows are issues, and
 * its RAG, a colour with no likelihood and impact, cannot be split. */
static void
test_all_sheets (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = exchange_test_fixture ("risk-register.xlsx");
  const char *const all[] = { "all", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = pathway_import_read_sheets_for (path,
                                                                PATHWAY_IMPORT_TARGET_RISKS,
                                                                all, &error);
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plans = NULL;
  PathwayImportPlan *issues;
  const PathwayImportProblem *problem;

  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (g_ptr_array_index (sheets, 0)), ==,
                   "Risk register");
  g_assert_cmpstr (pathway_sheet_get_sheet_name (g_ptr_array_index (sheets, 1)), ==,
                   "Issue log");
  for (guint i = 0; i < sheets->len; i++)
    g_ptr_array_add (mappings, pathway_import_guess_risk_mapping (g_ptr_array_index (sheets, i)));
  plans = pathway_import_plan_sheets (sheets, mappings, fixture->document, NULL);
  issues = g_ptr_array_index (plans, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_added (issues), ==, 2);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (issues), ==, 0);
  problem = expect_problem (issues, 2, "D", PATHWAY_IMPORT_WARNING, "", "cannot be split");
  g_assert_nonnull (strstr (problem->message, "red"));
  g_assert_cmpstr (problem->header, ==, "RAG");
  expect_problem (issues, 3, "D", PATHWAY_IMPORT_WARNING, "", "cannot be split");
  g_assert_true (pathway_import_apply_all (plans, fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_risks (fixture), ==, 6);
  g_assert_cmpint (pathway_risk_get_kind (risk (fixture, "I10")), ==, PATHWAY_RISK_KIND_ISSUE);
  g_assert_cmpint (pathway_risk_get_score (risk (fixture, "I10")), ==, 0);

  /* A workbook with no register says what each sheet lacks. */
  {
    g_autofree char *tracker = exchange_test_fixture ("hidden-merged.xlsx");
    g_autoptr(PathwaySheet) none = pathway_import_read_sheet_for (tracker,
                                                                  PATHWAY_IMPORT_TARGET_RISKS,
                                                                  &error);

    /* One sheet is the register whatever it lacks. */
    g_assert_no_error (error);
    g_assert_nonnull (none);
  }
  {
    g_autofree char *tracker = exchange_test_fixture ("written-by-libxlsxwriter.xlsx");
    g_autoptr(PathwaySheet) none = pathway_import_read_sheet_for (tracker,
                                                                  PATHWAY_IMPORT_TARGET_RISKS,
                                                                  &error);

    g_assert_null (none);
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_TRACKER);
    g_assert_nonnull (strstr (error->message, "risk register"));
    g_assert_nonnull (strstr (error->message, "“Tracker”: no risk column"));
  }
}

/* Levels --------------------------------------------------------------------------------------- */

static void
test_levels (Fixture *fixture, gconstpointer data)
{
  static const struct {
    gboolean impact;
    const char *text;
    PathwayRiskLevelWord result;
    int level;
  } cases[] = {
    { FALSE, "3", PATHWAY_RISK_LEVEL_READ, 3 },
    { FALSE, " 5.0 ", PATHWAY_RISK_LEVEL_READ, 5 },
    { FALSE, "7", PATHWAY_RISK_LEVEL_OUT_OF_RANGE, 7 },
    { FALSE, "0", PATHWAY_RISK_LEVEL_OUT_OF_RANGE, 0 },
    { FALSE, "2.5", PATHWAY_RISK_LEVEL_UNKNOWN, 0 },
    { FALSE, "", PATHWAY_RISK_LEVEL_BLANK, 0 },
    { FALSE, "N/A", PATHWAY_RISK_LEVEL_BLANK, 0 },
    { FALSE, "TBC", PATHWAY_RISK_LEVEL_BLANK, 0 },
    { FALSE, "Rare", PATHWAY_RISK_LEVEL_READ, 1 },
    { FALSE, "unlikely", PATHWAY_RISK_LEVEL_READ, 2 },
    { FALSE, "POSSIBLE", PATHWAY_RISK_LEVEL_READ, 3 },
    { FALSE, "Likely", PATHWAY_RISK_LEVEL_READ, 4 },
    { FALSE, "Almost  certain", PATHWAY_RISK_LEVEL_READ, 5 },
    { FALSE, "Very low", PATHWAY_RISK_LEVEL_READ, 1 },
    { FALSE, "Medium", PATHWAY_RISK_LEVEL_READ, 3 },
    { FALSE, "Very High", PATHWAY_RISK_LEVEL_READ, 5 },
    { TRUE, "Negligible", PATHWAY_RISK_LEVEL_READ, 1 },
    { TRUE, "Minor", PATHWAY_RISK_LEVEL_READ, 2 },
    { TRUE, "Moderate", PATHWAY_RISK_LEVEL_READ, 3 },
    { TRUE, "Major", PATHWAY_RISK_LEVEL_READ, 4 },
    { TRUE, "Severe", PATHWAY_RISK_LEVEL_READ, 5 },
    { TRUE, "Catastrophic", PATHWAY_RISK_LEVEL_READ, 5 },
    { TRUE, "High", PATHWAY_RISK_LEVEL_READ, 4 },
    { FALSE, "4 - Likely", PATHWAY_RISK_LEVEL_READ, 4 },
    { TRUE, "Major (4)", PATHWAY_RISK_LEVEL_READ, 4 },
    { FALSE, "2 - Likely", PATHWAY_RISK_LEVEL_DISAGREES, 2 },
    { FALSE, "9 - Likely", PATHWAY_RISK_LEVEL_OUT_OF_RANGE, 9 },
    { FALSE, "Sometimes", PATHWAY_RISK_LEVEL_UNKNOWN, 0 },
  };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  int level;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PathwayRiskLevelWord result = pathway_import_read_risk_level (NULL, cases[i].impact,
                                                                    cases[i].text, &level);

      if (result != cases[i].result || level != cases[i].level)
        g_error ("“%s”: %d, level %d; expected %d, level %d", cases[i].text, result, level,
                 cases[i].result, cases[i].level);
    }

  /* The programme's own words come first, blank lines taking the usual word. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Hardly ever\nNow and then\n\nOften\nAll the time");
  g_assert_true (pathway_document_set_value (fixture->document, programme_of (fixture),
                                             "likelihood-words", &value, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_import_read_risk_level (programme_of (fixture), FALSE, "now and then",
                                                   &level),
                   ==, PATHWAY_RISK_LEVEL_READ);
  g_assert_cmpint (level, ==, 2);
  g_assert_cmpint (pathway_import_read_risk_level (programme_of (fixture), FALSE, "Possible",
                                                   &level),
                   ==, PATHWAY_RISK_LEVEL_READ);
  g_assert_cmpint (level, ==, 3);
  g_assert_cmpint (pathway_import_read_risk_level (programme_of (fixture), FALSE,
                                                   "5 - All the time", &level),
                   ==, PATHWAY_RISK_LEVEL_READ);
  g_assert_cmpint (level, ==, 5);

  /* A register in the programme's words imports; an unknown word is named with them. */
  {
    g_autoptr(PathwayImportPlan) plan = plan_text (
      fixture, "own-words.csv",
      "Ref,Risk,Likelihood,Impact\nR1,Backlog,Often,Major\nR2,Trust,Sometimes,Minor\n");

    g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 1);
    expect_problem (plan, 3, "C", PATHWAY_IMPORT_ERROR, "Sometimes",
                    "Not a level of likelihood: write a number from 1 to 5, or Hardly ever, "
                    "Now and then, Possible, Often or All the time.");
  }
}

/* Refusals ------------------------------------------------------------------------------------- */

#define BAD_CSV \
  "Ref,Risk,Likelihood,Impact,Review date,Status,Type,Residual impact\n" \
  "R1,Assessment backlog grows,7,3,,,,\n" \
  "R2,Parents lose trust,Sometimes,2,,,,\n" \
  "R3,Budget overspend,2 - Likely,2,,,,\n" \
  "R4,Waits grow,3,3,next week,,,\n" \
  "R5,Staff leave,3,3,,Pending,,\n" \
  "R6,Roads close,3,3,,,Risky,\n" \
  "R1,Backlog again,2,2,,,,\n" \
  "R7,,2,2,,,,\n" \
  "R8,Transport ends,2,2,,,,6\n" \
  "R9,Website down,2,2,31/03/2027,Open,Issue,1\n"

static void
test_refusals_change_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, "bad.csv", BAD_CSV);
  g_autoptr(GBytes) before = exchange_test_read (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const PathwayImportProblem *problem;

  problem = expect_problem (plan, 2, "C", PATHWAY_IMPORT_ERROR, "7",
                            "A likelihood of 7 is not a level from 1 to 5.");
  text = pathway_import_problem_to_string (problem);
  g_assert_cmpstr (text, ==, "Row 2, column C (Likelihood), “7”: A likelihood of 7 is not a "
                             "level from 1 to 5.");
  expect_problem (plan, 3, "C", PATHWAY_IMPORT_ERROR, "Sometimes", "Not a level of likelihood");
  expect_problem (plan, 4, "C", PATHWAY_IMPORT_ERROR, "2 - Likely", "say different levels");
  expect_problem (plan, 5, "E", PATHWAY_IMPORT_ERROR, "next week", "Not a date");
  expect_problem (plan, 6, "F", PATHWAY_IMPORT_ERROR, "Pending", "Not a status");
  expect_problem (plan, 7, "G", PATHWAY_IMPORT_ERROR, "Risky", "Not a type of entry");
  expect_problem (plan, 8, "A", PATHWAY_IMPORT_ERROR, "R1", "also on row 2");
  expect_problem (plan, 9, "B", PATHWAY_IMPORT_ERROR, "", "A new risk needs its title");
  expect_problem (plan, 10, "H", PATHWAY_IMPORT_ERROR, "6",
                  "A residual impact of 6 is not a level from 1 to 5.");
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 9);
  /* The rows with errors are not imported; the good one would be. */
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, 1), ==, PATHWAY_IMPORT_ROW_SKIPPED);
  g_assert_cmpstr (pathway_import_plan_get_row_skip_reason (plan, 1), ==, "has errors");
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, 10), ==, PATHWAY_IMPORT_ROW_ADD);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 1);

  g_assert_false (pathway_import_apply (plan, fixture->document, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
  g_assert_nonnull (strstr (error->message, "bad.csv has 9 problems"));
  g_assert_cmpuint (count_risks (fixture), ==, 0);
  exchange_test_assert_unchanged (fixture->path, before);

  /* With no reference or risk column there is nothing to match: one error, on the header. */
  {
    g_autoptr(PathwayImportPlan) unmapped = plan_text (fixture, "unmapped.csv",
                                                       "Budget,Notes\n10,Fine\n");

    g_assert_cmpuint (pathway_import_plan_get_n_errors (unmapped), ==, 1);
    g_assert_cmpint (pathway_import_plan_get_problem (unmapped, 0)->column, ==, -1);
    g_assert_cmpuint (pathway_import_plan_get_problem (unmapped, 0)->row_number, ==, 1);
  }
}

/* Warnings ------------------------------------------------------------------------------------- */

#define WARNINGS_CSV \
  "Ref,Risk,Owner,Workstream,Linked actions,Likelihood,Impact,Score,Raised from\n" \
  "R1,Assessment backlog grows,New Officer,Z,\"1a I; 9Z\",3,4,11,\n" \
  "R2,Parents lose trust,Beth Kowalski,A,,,,16,\n" \
  "I1,Waits over 40 weeks,sam  patel,C – Health,2A i,4,4,16,R1\n" \
  "I2,Roads close,Sam Patel,,,,,,R99\n" \
  ",Funding gap,Ann Lee,,,,,,\n"

static void
test_warnings (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, "risks.csv", WARNINGS_CSV);
  g_auto(GStrv) additions = pathway_import_plan_get_additions (plan);
  PathwayRisk *r1, *i1;

  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  expect_problem (plan, 2, "D", PATHWAY_IMPORT_WARNING, "Z", "no workstream");
  expect_problem (plan, 2, "E", PATHWAY_IMPORT_WARNING, "1a I; 9Z", "no action “9Z”");
  expect_problem (plan, 2, "H", PATHWAY_IMPORT_WARNING, "11", "3 × 4 = 12");
  expect_problem (plan, 3, "H", PATHWAY_IMPORT_WARNING, "16", "cannot be split");
  expect_problem (plan, 5, "I", PATHWAY_IMPORT_WARNING, "R99", "left out");
  expect_problem (plan, 6, "A", PATHWAY_IMPORT_WARNING, "", "imported as “Row 6”");
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 6);
  g_assert_cmpstr (pathway_import_plan_get_row_reference (plan, 5), ==, "Row 6");
  /* Known people are found whatever their case and spacing; the new one is added. */
  g_assert_cmpuint (g_strv_length (additions), ==, 1);
  g_assert_cmpstr (additions[0], ==, "Person: New Officer");
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 5);
  apply (fixture, plan);

  g_assert_true (has_person (fixture, "New Officer"));
  r1 = risk (fixture, "R1");
  g_assert_cmpstr (pathway_person_get_name (pathway_risk_get_owner (r1)), ==, "New Officer");
  g_assert_cmpstr (pathway_risk_get_actions (r1), ==, "1A i");
  g_assert_null (pathway_risk_get_workstream (r1));
  g_assert_cmpint (pathway_risk_get_score (r1), ==, 12);
  /* Left unscored. */
  g_assert_cmpint (pathway_risk_get_score (risk (fixture, "R2")), ==, 0);
  i1 = risk (fixture, "I1");
  g_assert_true (pathway_risk_get_raised_from (i1) == r1);
  g_assert_cmpstr (pathway_person_get_name (pathway_risk_get_owner (i1)), ==, "Sam Patel");
  g_assert_cmpstr (pathway_workstream_get_code (pathway_risk_get_workstream (i1)), ==, "C");
  g_assert_null (pathway_risk_get_raised_from (risk (fixture, "I2")));
  g_assert_cmpstr (pathway_risk_get_title (risk (fixture, "Row 6")), ==, "Funding gap");
}

/* Applying ------------------------------------------------------------------------------------- */

#define FIRST_CSV \
  "Ref,Risk,Owner,Likelihood,Impact,Status\n" \
  "R1,Assessment backlog grows,New Officer,3,4,Open\n" \
  "R2,Parents lose trust,Beth Kowalski,2,2,Open\n"

#define LATER_CSV \
  "Ref,Risk,Owner,Likelihood,Impact,Status\n" \
  "R1,Assessment backlog grows,New Officer,2,4,Closed\n" \
  "R2,Parents lose trust,Beth Kowalski,,,\n"

static void
test_one_undo_and_reimport (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayImportPlan) first = plan_text (fixture, "risks.csv", FIRST_CSV);
  g_autoptr(PathwayImportPlan) again = NULL;
  g_autoptr(PathwayImportPlan) later = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  PathwayRisk *r1;

  apply (fixture, first);
  g_assert_cmpuint (count_risks (fixture), ==, 2);
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==, "Import risks.csv");
  r1 = risk (fixture, "R1");
  note = creation_note (fixture, r1);
  g_assert_cmpstr (note, ==, "Imported from risks.csv");

  /* The same register again changes nothing, not even the file. */
  before = exchange_test_read (fixture->path);
  again = plan_text (fixture, "risks.csv", FIRST_CSV);
  g_assert_cmpuint (pathway_import_plan_get_n_added (again), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (again), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_unchanged (again), ==, 2);
  apply (fixture, again);
  exchange_test_assert_unchanged (fixture->path, before);

  /* A later copy: R1's likelihood and status change, each noted; R2's blanks clear nothing. */
  later = plan_text (fixture, "later.csv", LATER_CSV);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (later), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_unchanged (later), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_row_changes (later, 1), ==,
                    (1u << PATHWAY_RISK_FIELD_LIKELIHOOD) | (1u << PATHWAY_RISK_FIELD_STATUS));
  apply (fixture, later);
  g_assert_cmpint (pathway_risk_get_likelihood (r1), ==, 2);
  g_assert_cmpint (pathway_risk_get_status (r1), ==, PATHWAY_RISK_STATUS_CLOSED);
  g_assert_cmpint (pathway_risk_get_likelihood (risk (fixture, "R2")), ==, 2);
  g_assert_true (has_change_noted (fixture, r1, "likelihood", "Imported from later.csv"));
  g_assert_true (has_change_noted (fixture, r1, "status", "Imported from later.csv"));

  /* One undo takes the later copy back whole, another the first import, people and all. */
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_risk_get_likelihood (r1), ==, 3);
  g_assert_cmpint (pathway_risk_get_status (r1), ==, PATHWAY_RISK_STATUS_OPEN);
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_risks (fixture), ==, 0);
  g_assert_false (has_person (fixture, "New Officer"));
  g_assert_true (has_person (fixture, "Beth Kowalski"));
}

/* The columns chosen for a register's layout are its next copy's; a tracker of the same
 * headers is another layout. */
static void
test_recall (Fixture *fixture, gconstpointer data)
{
  const char *text = "Ref,Risk,Budget,Notes\nR1,Backlog,Agency cover,3\n";
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text ("risks.csv", text);
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_risk_mapping (sheet);
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pathway_import_mapping_get_field (mapping, 2), ==, PATHWAY_RISK_FIELD_NONE);
  g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, "Budget=response",
                                                        &error));
  g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, "D=likelihood", &error));
  g_assert_no_error (error);
  g_assert_false (pathway_import_mapping_parse_override (mapping, sheet, "C=original-timescale",
                                                         &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "raised-from"));
  g_clear_error (&error);
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  apply (fixture, plan);
  g_assert_cmpstr (pathway_risk_get_response (risk (fixture, "R1")), ==, "Agency cover");
  g_assert_cmpint (pathway_risk_get_likelihood (risk (fixture, "R1")), ==, 3);

  {
    g_autoptr(PathwaySheet) next = exchange_test_sheet_from_text ("risks.csv", text);
    g_autoptr(PathwayImportMapping) recalled = pathway_import_guess_risk_mapping (next);
    g_autoptr(PathwayImportMapping) tracker = pathway_import_guess_mapping (next);

    g_assert_true (pathway_import_mapping_recall (recalled, next, fixture->document));
    g_assert_nonnull (pathway_import_mapping_get_recalled_date (recalled));
    g_assert_cmpuint (pathway_import_mapping_get_field (recalled, 2), ==,
                      PATHWAY_RISK_FIELD_RESPONSE);
    g_assert_cmpuint (pathway_import_mapping_get_field (recalled, 3), ==,
                      PATHWAY_RISK_FIELD_LIKELIHOOD);
    g_assert_false (pathway_import_mapping_recall (tracker, next, fixture->document));
  }
}

/* Export and back ------------------------------------------------------------------------------ */

/* A log with every field: an issue raised from a risk, text that looks like a formula, a
 * description over lines, the programme's linked actions. */
#define LOG_CSV \
  "Ref,Type,Risk,Description,Owner,Workstream,Linked actions,Likelihood,Impact," \
  "Residual likelihood,Residual impact,Proximity,Review date,Response,Response owner," \
  "Status,Raised from\n" \
  "R10,Risk,=HYPERLINK(\"http://example.org\"),\"Vacancies\nand sickness\",Beth Kowalski,A," \
  "\"1A i, 1B i\",4,4,2,3,Within 3 months,31/03/2027,+44 1632 960000,Sam Patel,Open,\n" \
  "R2,Risk,-10% funding,@budget holders,Ann Lee,B,,2,5,,,,2027-06-30,,,Escalated,\n" \
  "I1,Issue,Waits over 40 weeks,,Sam Patel,C,2A i,5,4,3,3,Now,,Extra clinics,,Open,R10\n" \
  "A1,Assumption,Grant continues,,,,,,,,,,,,,Closed,\n"

static void
assert_round_trip (Fixture *fixture, const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;

  g_assert_true (pathway_export_risks (fixture->document, path, &error));
  g_assert_no_error (error);
  sheet = pathway_import_read_sheet_for (path, PATHWAY_IMPORT_TARGET_RISKS, &error);
  g_assert_no_error (error);
  mapping = pathway_import_guess_risk_mapping (sheet);
  for (guint c = 0; c < pathway_import_mapping_get_n_columns (mapping); c++)
    g_assert_cmpuint (pathway_import_mapping_get_field (mapping, c), ==, c + 1);
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      g_autofree char *text = pathway_import_problem_to_string (
        pathway_import_plan_get_problem (plan, i));

      g_error ("%s: %s", name, text);
    }
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_unchanged (plan), ==, 4);
}

static void
test_export_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayImportPlan) plan = plan_text (fixture, "log.csv", LOG_CSV);
  g_autofree char *csv = g_build_filename (fixture->dir, "log-out.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "log-out.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  apply (fixture, plan);
  g_assert_true (pathway_risk_get_raised_from (risk (fixture, "I1")) == risk (fixture, "R10"));

  assert_round_trip (fixture, "log-out.csv");
  assert_round_trip (fixture, "log-out.xlsx");

  /* CSV: a BOM, the headers, natural order (R2 before R10), and text that a spreadsheet could
   * take for a formula behind an apostrophe. */
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFRef,Type,Risk,Description,Owner,"));
  g_assert_nonnull (strstr (contents, "\"'=HYPERLINK(\"\"http://example.org\"\")\""));
  g_assert_nonnull (strstr (contents, "\"'+44 1632 960000\""));
  g_assert_nonnull (strstr (contents, "\"'-10% funding\",\"'@budget holders\""));
  g_assert_nonnull (strstr (contents, "R10,Risk,"));
  g_assert_true (strstr (contents, "A1,Assumption") < strstr (contents, "I1,Issue"));
  g_assert_true (strstr (contents, "\r\nR2,") < strstr (contents, "\r\nR10,"));
  g_assert_nonnull (strstr (contents, ",4,4,16,2,3,6,Within 3 months,2027-03-31,"));

  /* XLSX: text as strings, never a formula; levels as numbers. */
  strings = exchange_test_zip_part (xlsx, "xl/sharedStrings.xml");
  sheet_xml = exchange_test_zip_part (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strings);
  g_assert_nonnull (strstr (strings, "<t>=HYPERLINK("));
  g_assert_null (strstr (sheet_xml, "<f>"));

  /* Exporting what was imported from the export gives the same file. */
  {
    g_autofree char *again = g_build_filename (fixture->dir, "again.csv", NULL);
    g_autofree char *again_contents = NULL;

    g_assert_true (pathway_export_risks (fixture->document, again, &error));
    g_assert_true (g_file_get_contents (again, &again_contents, NULL, &error));
    g_assert_cmpstr (again_contents, ==, contents);
  }

  /* An ending neither format has is refused. */
  {
    g_autofree char *odd = g_build_filename (fixture->dir, "log.ods", NULL);

    g_assert_false (pathway_export_risks (fixture->document, odd, &error));
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
    g_assert_false (g_file_test (odd, G_FILE_TEST_EXISTS));
  }
}

/* The demo's log, every kind of entry and field, out and back: nothing to add or change and
 * nothing to say. */
static void
test_demo_round_trip (void)
{
  g_autofree char *dir = exchange_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.pathway", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) demo = NULL;
  const char *const names[] = { "demo-log.csv", "demo-log.xlsx" };
  guint n_risks;

  g_assert_true (pathway_demo_write (path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  n_risks = g_list_model_get_n_items (
    pathway_programme_get_risks (pathway_document_get_programme (demo)));
  g_assert_cmpuint (n_risks, >=, 10);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_autoptr(PathwaySheet) sheet = NULL;
      g_autoptr(PathwayImportMapping) mapping = NULL;
      g_autoptr(PathwayImportPlan) plan = NULL;

      g_assert_true (pathway_export_risks (demo, out, &error));
      g_assert_no_error (error);
      sheet = pathway_import_read_sheet_for (out, PATHWAY_IMPORT_TARGET_RISKS, &error);
      g_assert_no_error (error);
      mapping = pathway_import_guess_risk_mapping (sheet);
      plan = pathway_import_plan (sheet, mapping, demo, NULL);
      g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
      g_assert_cmpuint (pathway_import_plan_get_n_unchanged (plan), ==, n_risks);
      g_assert_cmpuint (pathway_import_plan_get_n_added (plan) +
                          pathway_import_plan_get_n_updated (plan),
                        ==, 0);
    }
  pathway_document_close (demo);
  g_clear_object (&demo);
  exchange_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (FALSE), set_up, func, exchange_fixture_tear_down)
  g_test_add_func ("/exchange/risks/guess-header-sets", test_guess_header_sets);
  g_test_add_func ("/exchange/risks/field-names", test_field_names);
  g_test_add_func ("/exchange/risks/demo-round-trip", test_demo_round_trip);
  ADD ("/exchange/risks/two-row-header", test_two_row_header);
  ADD ("/exchange/risks/all-sheets", test_all_sheets);
  ADD ("/exchange/risks/levels", test_levels);
  ADD ("/exchange/risks/refusals-change-nothing", test_refusals_change_nothing);
  ADD ("/exchange/risks/warnings", test_warnings);
  ADD ("/exchange/risks/one-undo-and-reimport", test_one_undo_and_reimport);
  ADD ("/exchange/risks/recall", test_recall);
  ADD ("/exchange/risks/export-round-trip", test_export_round_trip);
#undef ADD
  return g_test_run ();
}
