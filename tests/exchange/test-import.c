/* test-import.c: from sheet to programme. The mapping guessed from the headers areas use;
 * rows read like a person reads them (section headings as themes, the header repeated on
 * each page, ratings in every spelling, timescales such as "Dec 18"); every problem named by
 * row, column and value; updates to existing actions carrying "Imported from FILE"; nothing
 * deleted; one batch that is undone in one step, and that leaves the file byte for byte as it
 * was when any part of it fails. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"

/* A programme in a folder of its own (exchange-test-support.h). */
typedef ExchangeFixture Fixture;

static PathwaySheet *
sheet_from_fixture (const char *name)
{
  g_autofree char *path = exchange_test_fixture (name);
  g_autoptr(GError) error = NULL;
  PathwaySheet *sheet = pathway_sheet_read (path, NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

static PathwayImportPlan *
plan_sheet (Fixture *fixture, PathwaySheet *sheet)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);

  return pathway_import_plan (sheet, mapping, fixture->document, NULL);
}

static void
apply_plan (Fixture *fixture, PathwayImportPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_import_apply (plan, fixture->document, &error));
  g_assert_no_error (error);
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

/* Mapping ------------------------------------------------------------------------------------ */

static void
assert_fields (PathwaySheet *sheet, const PathwayImportField *expected, guint n)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);

  g_assert_cmpuint (pathway_import_mapping_get_n_columns (mapping), ==, n);
  for (guint c = 0; c < n; c++)
    if (pathway_import_mapping_get_field (mapping, c) != expected[c])
      g_error ("column %u (%s): %s, not %s", c, pathway_sheet_get_header (sheet, c),
               pathway_import_field_nick (pathway_import_mapping_get_field (mapping, c)),
               pathway_import_field_nick (expected[c]));
}

static void
test_mapping_guess (void)
{
  g_autoptr(PathwaySheet) newcastle = sheet_from_fixture ("section-headings.csv");
  g_autoptr(PathwaySheet) full = exchange_test_sheet_from_text (
    "full.csv", "No.,Description,Owner,Deadline,Original timescale,Status,RAG,"
                "Progress update,Work stream,Theme,Priority,Evidence of impact,Last updated,"
                "Comments October 2019\n1,x\n");
  g_autoptr(PathwaySheet) plain = exchange_test_sheet_from_text (
    "plain.csv", "Ref,Action,Responsible,Due date,Status,Impact\n1,x\n");
  static const PathwayImportField newcastle_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, PATHWAY_IMPORT_FIELD_COMMENTARY
  };
  static const PathwayImportField full_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION,
    PATHWAY_IMPORT_FIELD_LEAD, PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, PATHWAY_IMPORT_FIELD_STATUS,
    PATHWAY_IMPORT_FIELD_RATING, PATHWAY_IMPORT_FIELD_COMMENTARY,
    PATHWAY_IMPORT_FIELD_WORKSTREAM, PATHWAY_IMPORT_FIELD_THEME, PATHWAY_IMPORT_FIELD_AREA,
    /* evidence of what changed is evidence, not the measure planned */
    PATHWAY_IMPORT_FIELD_EVIDENCE, PATHWAY_IMPORT_FIELD_NONE,
    /* a second commentary column: the first one keeps the field */
    PATHWAY_IMPORT_FIELD_NONE
  };
  static const PathwayImportField plain_fields[] = {
    PATHWAY_IMPORT_FIELD_REFERENCE, PATHWAY_IMPORT_FIELD_DESCRIPTION, PATHWAY_IMPORT_FIELD_LEAD,
    PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, PATHWAY_IMPORT_FIELD_RATING,
    PATHWAY_IMPORT_FIELD_EVIDENCE
  };

  assert_fields (newcastle, newcastle_fields, G_N_ELEMENTS (newcastle_fields));
  assert_fields (full, full_fields, G_N_ELEMENTS (full_fields));
  assert_fields (plain, plain_fields, G_N_ELEMENTS (plain_fields));
}

static void
count_changed (PathwayImportMapping *mapping, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_mapping_override (void)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
    "map.csv", "Ref,Action,Owner,When,RAG status\n1,x,y,Dec 18,R\n");
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);
  g_autoptr(GError) error = NULL;
  PathwayImportField field;
  guint changed = 0;

  g_signal_connect (mapping, "changed", G_CALLBACK (count_changed), &changed);

  /* By letter, by header (any case), by number; a field moves, leaving its old column. */
  g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, "D=revised-timescale",
                                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 3), ==,
                   PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE);
  g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, "owner=ignore", &error));
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 2), ==, PATHWAY_IMPORT_FIELD_NONE);
  g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, "2=Reference", &error));
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 1), ==,
                   PATHWAY_IMPORT_FIELD_REFERENCE);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 0), ==, PATHWAY_IMPORT_FIELD_NONE);
  g_assert_cmpint (pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_REFERENCE),
                   ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_false (pathway_import_mapping_parse_override (mapping, sheet, "Q=rating", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "map.csv"));
  g_clear_error (&error);
  g_assert_false (pathway_import_mapping_parse_override (mapping, sheet, "A=colour", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "success-measure"));
  g_clear_error (&error);
  g_assert_false (pathway_import_mapping_parse_override (mapping, sheet, "rating", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);

  g_assert_true (pathway_import_field_from_name ("Timescale original WSOA", &field));
  g_assert_cmpint (field, ==, PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE);
  g_assert_true (pathway_import_field_from_name ("  SUCCESS-MEASURE ", &field));
  g_assert_cmpint (field, ==, PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE);
  g_assert_false (pathway_import_field_from_name ("Budget", &field));
}

/* Reading rows --------------------------------------------------------------------------------- */

static void
test_section_headings (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("section-headings.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);

  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 4);
  g_assert_cmpuint (pathway_import_plan_get_n_headings (plan), ==, 3);
  /* the repeated header row */
  g_assert_cmpuint (pathway_import_plan_get_n_skipped (plan), ==, 1);
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, 1), ==, PATHWAY_IMPORT_ROW_HEADING);
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, 4), ==, PATHWAY_IMPORT_ROW_SKIPPED);
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, 8), ==, PATHWAY_IMPORT_ROW_ADD);

  apply_plan (fixture, plan);
  g_assert_cmpuint (count_actions (fixture), ==, 4);
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "1B ii")), ==, "Co-production");
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "1B iv")), ==, "Co-production");
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "1E vii")), ==,
                   "Workforce and training");
  g_assert_cmpstr (pathway_action_get_theme (find (fixture, "1C iv")), ==, "Dashboard");
  g_assert_cmpstr (pathway_action_get_commentary (find (fixture, "1E vii")), ==,
                   "Audit in progress");
}

static void
test_ratings (Fixture *fixture, gconstpointer data)
{
  gboolean brag = GPOINTER_TO_INT (data);
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("ratings.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  static const struct {
    const char *reference;
    PathwayRating rating;
  } expected[] = {
    { "R1", PATHWAY_RATING_RED }, { "R2", PATHWAY_RATING_RED }, { "R3", PATHWAY_RATING_RED },
    { "R4", PATHWAY_RATING_AMBER }, { "R5", PATHWAY_RATING_AMBER },
    { "R6", PATHWAY_RATING_GREEN }, { "R7", PATHWAY_RATING_GREEN },
    { "R10", PATHWAY_RATING_NONE },
  };

  g_assert_cmpuint (pathway_import_plan_get_n_problems (plan), ==, 0);
  apply_plan (fixture, plan);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (pathway_action_get_rating (find (fixture, expected[i].reference)), ==,
                     expected[i].rating);
  /* Complete is blue in BRAG; in RAG green, with the delivery status complete. */
  for (const char *const *r = (const char *const[]) { "R8", "R9", NULL }; *r; r++)
    {
      PathwayAction *action = find (fixture, *r);

      g_assert_cmpint (pathway_action_get_rating (action), ==,
                       brag ? PATHWAY_RATING_BLUE : PATHWAY_RATING_GREEN);
      if (!brag)
        g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_COMPLETE);
    }
}

static void
test_bad_rating_row_57 (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("bad-rating-row-57.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  g_autoptr(GBytes) before = exchange_test_read (fixture->path);
  g_autoptr(GError) error = NULL;
  const PathwayImportProblem *problem;
  g_autofree char *text = NULL;

  g_assert_true (pathway_import_plan_has_errors (plan));
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 1);
  problem = pathway_import_plan_get_problem (plan, 0);
  g_assert_cmpuint (problem->row_number, ==, 57);
  g_assert_cmpint (problem->column, ==, 4);
  g_assert_cmpstr (problem->column_letter, ==, "E");
  g_assert_cmpstr (problem->header, ==, "RAG");
  g_assert_cmpstr (problem->value, ==, "Purple");
  g_assert_true (pathway_import_plan_get_cell_problem (plan, problem->row, 4) != NULL);
  g_assert_null (pathway_import_plan_get_cell_problem (plan, problem->row, 3));
  text = pathway_import_problem_to_string (problem);
  g_assert_nonnull (strstr (text, "Row 57, column E (RAG), “Purple”"));
  g_assert_cmpint (pathway_import_plan_get_row_outcome (plan, problem->row), ==,
                   PATHWAY_IMPORT_ROW_SKIPPED);

  g_assert_false (pathway_import_apply (plan, fixture->document, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
  g_assert_cmpuint (count_actions (fixture), ==, 0);
  exchange_test_assert_unchanged (fixture->path, before);
}

static void
test_timescales (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("timescales.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  const PathwayImportProblem *problem;
  const PathwayTimescale *original, *revised;

  /* Only the text the parser cannot read warns; "Ongoing" means no date on purpose. */
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 1);
  problem = pathway_import_plan_get_problem (plan, 0);
  g_assert_cmpuint (problem->row_number, ==, 5);
  g_assert_cmpstr (problem->value, ==, "when funding allows");
  g_assert_true (problem->severity == PATHWAY_IMPORT_WARNING);
  apply_plan (fixture, plan);

  original = pathway_action_get_original_timescale (find (fixture, "T1"));
  g_assert_cmpstr (original->text, ==, "Dec 18");
  g_assert_cmpint (original->precision, ==, PATHWAY_PRECISION_MONTH);
  g_assert_cmpint (g_date_get_year (&original->date), ==, 2018);
  g_assert_cmpint (g_date_get_month (&original->date), ==, 12);
  g_assert_cmpint (g_date_get_day (&original->date), ==, 31);

  revised = pathway_action_get_revised_timescale (find (fixture, "T2"));
  g_assert_cmpstr (revised->text, ==, "Summer Term 2020");
  g_assert_cmpint (revised->precision, ==, PATHWAY_PRECISION_TERM);
  g_assert_cmpint (pathway_action_get_original_timescale (find (fixture, "T3"))->precision, ==,
                   PATHWAY_PRECISION_DAY);
  original = pathway_action_get_original_timescale (find (fixture, "T4"));
  g_assert_cmpstr (original->text, ==, "when funding allows");
  g_assert_false (pathway_timescale_has_date (original));
  g_assert_cmpint (pathway_action_get_original_timescale (find (fixture, "T6"))->precision, ==,
                   PATHWAY_PRECISION_QUARTER);
}

static gboolean
has_update (PathwayDocument *document, PathwayAction *action, PathwayField field,
            const char *to, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == field &&
          (to == NULL || g_strcmp0 (pathway_action_update_get_to_value (update), to) == 0) &&
          g_strcmp0 (pathway_action_update_get_note (update), note) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_updates_existing (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) first = sheet_from_fixture ("utf8-no-bom-lf.csv");
  g_autoptr(PathwayImportPlan) first_plan = plan_sheet (fixture, first);
  g_autoptr(PathwaySheet) second = NULL;
  g_autoptr(PathwayImportPlan) second_plan = NULL;
  g_autoptr(GError) error = NULL;
  PathwayAction *changed;

  apply_plan (fixture, first_plan);
  g_assert_cmpuint (count_actions (fixture), ==, 3);
  g_assert_true (has_update (fixture->document, find (fixture, "1B ii"), PATHWAY_FIELD_NOTE, NULL,
                             "Imported from utf8-no-bom-lf.csv"));

  /* A month later: 1B ii re-rated with new commentary, 1B iv as it was, 4A iv left out of
   * the file (it stays), 5A i new, and a blank comment that clears nothing. */
  second = exchange_test_sheet_from_text ("november.csv",
                            "Ref,Action,Lead,Timescale,RAG,Comments\n"
                            "1b  II,Co-produce a plan for participation groups,aisha begum,"
                            "December 2018,A,Plan agreed with the forum\n"
                            "1B iv,Agree a forward plan for engagement,Daniel Okoro,Nov 18,"
                            "amber,\n"
                            "5A i,Publish the local offer review,Daniel Okoro,Mar 19,G,\n");
  second_plan = plan_sheet (fixture, second);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (second_plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (second_plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (second_plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_unchanged (second_plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_row_changes (second_plan, 1), ==,
                    (1u << PATHWAY_IMPORT_FIELD_RATING) | (1u << PATHWAY_IMPORT_FIELD_COMMENTARY));
  apply_plan (fixture, second_plan);

  g_assert_cmpuint (count_actions (fixture), ==, 4);
  changed = find (fixture, "1B ii");
  g_assert_cmpint (pathway_action_get_rating (changed), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpstr (pathway_action_get_commentary (changed), ==, "Plan agreed with the forum");
  /* "December 2018" means the same as "Dec 18": no revision, and the text stays. */
  g_assert_cmpstr (pathway_action_get_original_timescale (changed)->text, ==, "Dec 18");
  g_assert_true (has_update (fixture->document, changed, PATHWAY_FIELD_RATING, "amber",
                             "Imported from november.csv"));
  g_assert_true (has_update (fixture->document, changed, PATHWAY_FIELD_COMMENTARY,
                             "Plan agreed with the forum", "Imported from november.csv"));
  g_assert_cmpstr (pathway_action_get_commentary (find (fixture, "1B iv")), ==,
                   "Workshops from Spring Term");
  g_assert_nonnull (find (fixture, "4A iv"));

  /* The import is one step: undo takes all of it back. */
  g_assert_true (pathway_document_get_can_undo (fixture->document));
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==,
                   "Import november.csv");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_null (exchange_test_find_action (fixture->document, "5A i"));
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "1B ii")), ==, PATHWAY_RATING_RED);
}

/* A missing or repeated reference is a slip: the rows are imported, each with a warning. */
static void
test_reference_problems (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
    "refs.csv", "Ref,Action,Lead\n1A,First,Sam\n,No reference here,Sam\n1a,Again,Sam\n");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  g_autoptr(PathwaySheet) unmapped = exchange_test_sheet_from_text ("nothing.csv", "Colour,Shape\nred,round\n");
  g_autoptr(PathwayImportPlan) unmapped_plan = plan_sheet (fixture, unmapped);
  const PathwayImportProblem *problem;

  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 2);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 3);
  problem = pathway_import_plan_get_problem (plan, 0);
  g_assert_cmpuint (problem->row_number, ==, 3);
  g_assert_cmpstr (problem->column_letter, ==, "A");
  g_assert_nonnull (strstr (problem->message, "“Row 3”"));
  problem = pathway_import_plan_get_problem (plan, 1);
  g_assert_cmpuint (problem->row_number, ==, 4);
  g_assert_nonnull (strstr (problem->message, "row 2"));
  g_assert_nonnull (strstr (problem->message, "“1a (2)”"));
  g_assert_cmpstr (pathway_import_plan_get_row_reference (plan, 2), ==, "Row 3");
  g_assert_cmpstr (pathway_import_plan_get_row_reference (plan, 3), ==, "1a (2)");

  g_assert_cmpuint (pathway_import_plan_get_n_errors (unmapped_plan), ==, 1);
  problem = pathway_import_plan_get_problem (unmapped_plan, 0);
  g_assert_cmpint (problem->column, ==, -1);
  g_assert_nonnull (strstr (problem->message, "Reference"));
}

static void
test_new_names (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = exchange_test_sheet_from_text (
    "names.csv", "Ref,Action,Lead,Workstream,Area of weakness,RAG\n"
                 "1,One,Sam Patel,F – Finance,6 – Oversight of budgets,B\n"
                 "2,Two,sam patel,F,6,G\n"
                 "3,Three,Jo Lee,Health and care,Oversight of budgets,\n");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  g_auto(GStrv) additions = pathway_import_plan_get_additions (plan);
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);
  PathwayAction *one, *two, *three;

  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  /* BRAG taken from the tracker, since the programme is new; two workstreams, one area (the
   * third row names it by title), two people (the second "sam patel" is the first). */
  g_assert_cmpuint (g_strv_length (additions), ==, 1 + 2 + 1 + 2);
  apply_plan (fixture, plan);

  g_assert_true (pathway_rating_scheme_get_uses_blue (pathway_programme_get_rating_scheme (programme)));
  one = find (fixture, "1");
  two = find (fixture, "2");
  three = find (fixture, "3");
  g_assert_cmpint (pathway_action_get_rating (one), ==, PATHWAY_RATING_BLUE);
  g_assert_cmpstr (pathway_workstream_get_code (pathway_action_get_workstream (one)), ==, "F");
  g_assert_cmpstr (pathway_workstream_get_title (pathway_action_get_workstream (one)), ==,
                   "Finance");
  g_assert_true (pathway_action_get_workstream (two) == pathway_action_get_workstream (one));
  g_assert_true (pathway_action_get_lead (two) == pathway_action_get_lead (one));
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (one)), ==, "Sam Patel");
  g_assert_cmpstr (pathway_area_of_weakness_get_reference (pathway_action_get_area (one)), ==,
                   "6");
  g_assert_true (pathway_action_get_area (three) == pathway_action_get_area (one));
  g_assert_cmpstr (pathway_workstream_get_title (pathway_action_get_workstream (three)), ==,
                   "Health and care");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==, 2);
}

/* A programme in use keeps its RAG scheme: Blue there is Green, with the status complete. */
static void
test_blue_in_rag_programme_in_use (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) first = exchange_test_sheet_from_text ("first.csv", "Ref,Action\n1,One\n");
  g_autoptr(PathwayImportPlan) first_plan = plan_sheet (fixture, first);
  g_autoptr(PathwaySheet) second = exchange_test_sheet_from_text ("second.csv", "Ref,RAG\n1,Blue\n");
  g_autoptr(PathwayImportPlan) second_plan = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);

  apply_plan (fixture, first_plan);
  second_plan = plan_sheet (fixture, second);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (second_plan), ==, 0);
  apply_plan (fixture, second_plan);
  g_assert_false (pathway_rating_scheme_get_uses_blue (
    pathway_programme_get_rating_scheme (programme)));
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "1")), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (find (fixture, "1")), ==, PATHWAY_STATUS_COMPLETE);
}

/* A failure in the middle of the batch takes the whole import back, file and model. */
static void
test_failure_rolls_back (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) first = exchange_test_sheet_from_text ("first.csv", "Ref,Action,RAG\nX,Existing,G\n");
  g_autoptr(PathwayImportPlan) first_plan = plan_sheet (fixture, first);
  g_autoptr(PathwaySheet) second = exchange_test_sheet_from_text (
    "second.csv", "Ref,Action,Lead,RAG\nY,New action,New Person,G\nX,Existing,,Blue\n");
  g_autoptr(PathwayImportPlan) second_plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);

  apply_plan (fixture, first_plan);
  second_plan = plan_sheet (fixture, second);
  g_assert_cmpuint (pathway_import_plan_get_n_problems (second_plan), ==, 0);

  /* Someone turns Blue off between the preview and the import. */
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, FALSE);
  g_assert_true (pathway_document_set_value (fixture->document,
                                             pathway_programme_get_rating_scheme (programme),
                                             "uses-blue", &value, NULL, &error));
  g_assert_no_error (error);
  before = exchange_test_read (fixture->path);

  g_assert_false (pathway_import_apply (second_plan, fixture->document, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Nothing was imported from second.csv"));
  g_assert_nonnull (strstr (error->message, "Row 3"));
  g_assert_null (exchange_test_find_action (fixture->document, "Y"));
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "X")), ==, PATHWAY_RATING_GREEN);
  /* The person was added inside the batch: the rollback reloads the programme. */
  programme = pathway_document_get_programme (fixture->document);
  g_assert_null (pathway_programme_find_person_by_name (programme, "New Person"));
  exchange_test_assert_unchanged (fixture->path, before);
}

static void
test_text_is_text (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("embedded-newlines.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  g_autoptr(PathwaySheet) formulas = sheet_from_fixture ("formula-text.csv");
  g_autoptr(PathwayImportPlan) formula_plan = NULL;

  apply_plan (fixture, plan);
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "3A ii")), ==,
                   "Develop a local area agreement for therapy provision (S<OT & \"SALT\")");
  g_assert_cmpstr (pathway_action_get_commentary (find (fixture, "3A ii")), ==,
                   "Line one\nLine two\n\"quoted\" line three");

  /* Formula-looking text from someone else's tracker is text, kept as written. */
  formula_plan = plan_sheet (fixture, formulas);
  apply_plan (fixture, formula_plan);
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "F1")), ==,
                   "=HYPERLINK(\"http://example.invalid\",\"click\")");
  g_assert_cmpstr (pathway_action_get_commentary (find (fixture, "F1")), ==, "+44 20 7946 0000");
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "F2")), ==, "-5 days behind");
}

static void
test_every_csv_fixture_imports (Fixture *fixture, gconstpointer data)
{
  /* tab.csv rates an action Blue: first, so the new programme takes BRAG from it. */
  static const char *const names[] = {
    "tab.csv", "utf8-bom-crlf.csv", "windows-1252.csv", "semicolon.csv", "sep-line.csv",
    "utf16.txt", "title-above-header.csv",
  };
  static const char *const references[] = { "1F iv", "4A iv", "2A i", "1D ii", "S1", "U1",
                                             "2B i" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PathwaySheet) sheet = sheet_from_fixture (names[i]);
      g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);

      if (pathway_import_plan_has_errors (plan))
        {
          g_autofree char *text = pathway_import_problem_to_string (
            pathway_import_plan_get_problem (plan, 0));

          g_error ("%s: %s", names[i], text);
        }
      apply_plan (fixture, plan);
      g_assert_nonnull (find (fixture, references[i]));
    }
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "2A i"))), ==,
                   "Ren\u00e9e Martin");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "2B i"))), ==,
                   "Joanne Fairclough");
}

/* Cells whose bad bytes the reader replaced are warnings on the plan, which do not stop the
 * import: the rest of the file is imported as written. */
static void
test_bad_utf8_warns (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwaySheet) sheet = sheet_from_fixture ("badutf8.csv");
  g_autoptr(PathwayImportPlan) plan = plan_sheet (fixture, sheet);
  const PathwayImportProblem *problem;
  g_autofree char *text = NULL;

  g_assert_false (pathway_import_plan_has_errors (plan));
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 2);
  g_assert_cmpuint (pathway_import_plan_get_n_warnings (plan), ==, 2);
  problem = pathway_import_plan_get_problem (plan, 0);
  g_assert_cmpint (problem->severity, ==, PATHWAY_IMPORT_WARNING);
  g_assert_cmpuint (problem->row_number, ==, 3);
  g_assert_cmpstr (problem->column_letter, ==, "B");
  g_assert_cmpstr (problem->header, ==, "Action");
  g_assert_true (g_str_has_prefix (problem->value, "bad \uFFFD("));
  g_assert_true (pathway_import_plan_get_cell_problem (plan, problem->row, 1) == problem);
  text = pathway_import_problem_to_string (problem);
  g_assert_nonnull (strstr (text, "Row 3, column B (Action)"));
  g_assert_cmpstr (pathway_import_plan_get_problem (plan, 1)->column_letter, ==, "L");

  apply_plan (fixture, plan);
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "U1"))), ==,
                   "Zo\u00eb \u00c5ngstr\u00f6m");
  g_assert_true (g_str_has_prefix (pathway_action_get_description (find (fixture, "U2")),
                                   "bad \uFFFD( seq"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/mapping/guess-from-headers", test_mapping_guess);
  g_test_add_func ("/exchange/mapping/override", test_mapping_override);
#define ADD(path, func, brag)                                                                 \
  g_test_add (path, Fixture, GINT_TO_POINTER (brag), exchange_fixture_set_up, func, exchange_fixture_tear_down)
  ADD ("/exchange/plan/section-headings-become-themes", test_section_headings, FALSE);
  ADD ("/exchange/plan/ratings-rag", test_ratings, FALSE);
  ADD ("/exchange/plan/ratings-brag", test_ratings, TRUE);
  ADD ("/exchange/plan/bad-rating-row-57", test_bad_rating_row_57, FALSE);
  ADD ("/exchange/plan/timescales", test_timescales, FALSE);
  ADD ("/exchange/plan/updates-existing-actions", test_updates_existing, FALSE);
  ADD ("/exchange/plan/reference-problems", test_reference_problems, FALSE);
  ADD ("/exchange/plan/new-leads-workstreams-areas", test_new_names, FALSE);
  ADD ("/exchange/plan/blue-in-rag-programme", test_blue_in_rag_programme_in_use, FALSE);
  ADD ("/exchange/apply/failure-rolls-back", test_failure_rolls_back, TRUE);
  ADD ("/exchange/apply/text-is-text", test_text_is_text, FALSE);
  ADD ("/exchange/apply/every-csv-fixture", test_every_csv_fixture_imports, FALSE);
  ADD ("/exchange/apply/bad-utf8-warns", test_bad_utf8_warns, FALSE);
#undef ADD

  return g_test_run ();
}
