/* test-import-history.c: an area's past brought in from its old trackers, and next month's
 * import made easier, checked by what lands in the programme (a real .pathway in a temporary
 * folder). Three monthly trackers of the same actions imported each as at its month's end,
 * oldest first and in three shuffled orders, give every action its history: the programme as it
 * stood at each month's end is that month's tracker, and now it is the latest's; the same file
 * at the same day again changes nothing; each change is dated at its day and keeps the time it
 * was recorded; a tracker of month columns dated at a day keeps its earlier months at their
 * months' ends and writes nothing after that day. One undo takes back a whole import, earlier
 * months' history and all. The columns chosen for a tracker's layout are remembered, and next
 * month's file of that layout is read the same way. Workbooks written by libxlsxwriter. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include "exchange-test-support.h"

/* A programme in a folder of its own (exchange-test-support.h). */
typedef ExchangeFixture Fixture;

static char *
write_tracker (Fixture *fixture, const char *name, const char *const *rows)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  const ExchangeTestSheet sheets[] = { { "Tracker", rows } };

  exchange_test_write_workbook (path, sheets, G_N_ELEMENTS (sheets));
  return path;
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

/* Plans the tracker at 'path' with the guessed mapping, dated as at the day (NULL: today). */
static PathwayImportPlan *
plan_tracker (Fixture *fixture, const char *path, const GDate *as_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_import_read_tracker (path, &error);
  g_autoptr(PathwayImportMapping) mapping = NULL;
  PathwayImportPlan *plan;

  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  if (as_at != NULL)
    pathway_import_plan_set_as_at (plan, as_at);
  assert_no_errors (plan);
  return plan;
}

static void
apply (Fixture *fixture, PathwayImportPlan *plan)
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

/* Closes the programme and opens it again from the file. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->document);
  fixture->document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static guint
count_live_actions (Fixture *fixture)
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

/* Three months of one area's tracker ------------------------------------------------------------ */

typedef struct {
  const char *reference;
  PathwayRating rating;
  const char *commentary;
} Expected;

typedef struct {
  const char *name;
  int month;
  const char *const *rows;
  const Expected *expected;
  guint n_expected;
} Month;

static const char *const june_rows[] = {
  "Ref|Action|Lead|RAG|Update",
  "1.1|Set up a parent forum|Sam Patel|R|Forum planned",
  "1.2|Publish the local offer|Aisha Begum|A|Draft written",
  "1.3|Train SENCOs|Jo Lee|G|Sessions booked",
  "1.5|Review short breaks|Jo Lee|R|Review scoped",
  NULL
};
static const Expected june_expected[] = {
  { "1.1", PATHWAY_RATING_RED, "Forum planned" },
  { "1.2", PATHWAY_RATING_AMBER, "Draft written" },
  { "1.3", PATHWAY_RATING_GREEN, "Sessions booked" },
  { "1.5", PATHWAY_RATING_RED, "Review scoped" },
};

/* 1.4 first appears in July. */
static const char *const july_rows[] = {
  "Ref|Action|Lead|RAG|Update",
  "1.1|Set up a parent forum|Sam Patel|A|Forum met once",
  "1.2|Publish the local offer|Aisha Begum|A|Draft with parents",
  "1.3|Train SENCOs|Jo Lee|G|Half trained",
  "1.4|Audit EHC plans|Sam Patel|R|Audit started",
  "1.5|Review short breaks|Jo Lee|A|Review under way",
  NULL
};
static const Expected july_expected[] = {
  { "1.1", PATHWAY_RATING_AMBER, "Forum met once" },
  { "1.2", PATHWAY_RATING_AMBER, "Draft with parents" },
  { "1.3", PATHWAY_RATING_GREEN, "Half trained" },
  { "1.4", PATHWAY_RATING_RED, "Audit started" },
  { "1.5", PATHWAY_RATING_AMBER, "Review under way" },
};

/* August's 1.2 is described anew and has a new lead; 1.5 is rated as it was in June, so
 * August's import leaves its rating as it was. */
static const char *const august_rows[] = {
  "Ref|Action|Lead|RAG|Update",
  "1.1|Set up a parent forum|Sam Patel|G|Forum meets monthly",
  "1.2|Publish the local offer online|Jo Lee|G|Published",
  "1.3|Train SENCOs|Jo Lee|A|Trainer left",
  "1.4|Audit EHC plans|Sam Patel|A|Half audited",
  "1.5|Review short breaks|Jo Lee|R|Review stalled",
  NULL
};
static const Expected august_expected[] = {
  { "1.1", PATHWAY_RATING_GREEN, "Forum meets monthly" },
  { "1.2", PATHWAY_RATING_GREEN, "Published" },
  { "1.3", PATHWAY_RATING_AMBER, "Trainer left" },
  { "1.4", PATHWAY_RATING_AMBER, "Half audited" },
  { "1.5", PATHWAY_RATING_RED, "Review stalled" },
};

static const Month months[] = {
  { "june.xlsx", 6, june_rows, june_expected, G_N_ELEMENTS (june_expected) },
  { "july.xlsx", 7, july_rows, july_expected, G_N_ELEMENTS (july_expected) },
  { "august.xlsx", 8, august_rows, august_expected, G_N_ELEMENTS (august_expected) },
};

static GDate *
month_end (int month)
{
  return g_date_new_dmy (g_date_get_days_in_month (month, 2019), month, 2019);
}

/* Imports a month's tracker as at its month's end. */
static void
import_month (Fixture *fixture, const Month *month)
{
  g_autofree char *path = write_tracker (fixture, month->name, month->rows);
  g_autoptr(GDate) as_at = month_end (month->month);
  g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, as_at);

  g_assert_true (g_date_compare (pathway_import_plan_get_as_at (plan), as_at) == 0);
  apply (fixture, plan);
}

/* The programme as it stood at the end of the month's last day is the month's tracker. */
static void
assert_month (Fixture *fixture, const Month *month)
{
  g_autoptr(GDate) end = month_end (month->month);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = pathway_document_states_as_at (fixture->document, end, &error);

  g_assert_no_error (error);
  if (states->len != month->n_expected)
    g_error ("%s: %u actions stood at the month's end, not %u", month->name, states->len,
             month->n_expected);
  for (guint i = 0; i < month->n_expected; i++)
    {
      const Expected *expected = &month->expected[i];
      const PathwayActionState *state = pathway_action_states_find (
        states, pathway_action_get_id (find (fixture, expected->reference)));

      if (state == NULL)
        g_error ("%s: %s did not stand", month->name, expected->reference);
      if (state->rating != expected->rating || g_strcmp0 (state->commentary,
                                                          expected->commentary) != 0)
        g_error ("%s: %s stood %s, “%s”, not %s, “%s”", month->name, expected->reference,
                 pathway_rating_to_nick (state->rating), state->commentary,
                 pathway_rating_to_nick (expected->rating), expected->commentary);
    }
}

/* Now: the latest tracker, August's, description and lead too. */
static void
assert_now_august (Fixture *fixture)
{
  PathwayAction *action;

  for (guint i = 0; i < G_N_ELEMENTS (august_expected); i++)
    {
      action = find (fixture, august_expected[i].reference);
      g_assert_cmpint (pathway_action_get_rating (action), ==, august_expected[i].rating);
      g_assert_cmpstr (pathway_action_get_commentary (action), ==,
                       august_expected[i].commentary);
    }
  action = find (fixture, "1.2");
  g_assert_cmpstr (pathway_action_get_description (action), ==, "Publish the local offer online");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (action)), ==, "Jo Lee");
  g_assert_cmpuint (count_live_actions (fixture), ==, 5);
}

/* The order of the months, as the test's data: "0 1 2" is oldest first. */
static void
test_monthly_trackers (Fixture *fixture, gconstpointer data)
{
  g_auto(GStrv) order = g_strsplit (data, " ", -1);

  for (guint i = 0; order[i] != NULL; i++)
    import_month (fixture, &months[g_ascii_strtoull (order[i], NULL, 10)]);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    assert_month (fixture, &months[m]);
  assert_now_august (fixture);

  /* The same from the file as written; and each month's file again at its day changes
   * nothing, whatever the order they came in. */
  reopen (fixture);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, months[m].name, NULL);
      g_autoptr(GDate) as_at = month_end (months[m].month);
      g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, as_at);

      assert_month (fixture, &months[m]);
      g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
      g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
    }
  assert_now_august (fixture);
}

/* Each month's file again at its day: nothing to add or change, and the file stays as it is. */
static void
test_same_file_same_day_changes_nothing (Fixture *fixture, gconstpointer data)
{
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    import_month (fixture, &months[m]);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, months[m].name, NULL);
      g_autoptr(GDate) as_at = month_end (months[m].month);
      g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, as_at);
      g_autoptr(GBytes) before = exchange_test_read (fixture->path);

      g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
      g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 0);
      g_assert_cmpuint (pathway_import_plan_get_n_unchanged (plan), ==, months[m].n_expected);
      apply (fixture, plan);
      exchange_test_assert_unchanged (fixture->path, before);
    }
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    assert_month (fixture, &months[m]);
}

/* A change brought in as at a past day is dated that day (what "as at" answers and packs
 * use) and keeps the moment it was recorded (what the audit trail shows). The plan counts
 * against the programme as it stood that day: July's file, after August's, changes 1.1's
 * history, not 1.1 now. */
static void
test_change_dated_and_recorded (Fixture *fixture, gconstpointer data)
{
  g_autofree char *july = write_tracker (fixture, "july.xlsx", july_rows);
  g_autoptr(GDate) july_end = month_end (7);
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_local (2019, 8, 1, 0, 0, 0);
  g_autoptr(GDateTime) clock = pathway_document_dup_now (fixture->document);
  PathwayAction *action;
  gboolean found = FALSE;

  import_month (fixture, &months[2]);
  plan = plan_tracker (fixture, july, NULL);
  /* Compared with now, every action would change; with the end of July, every action stood
   * otherwise or not at all. */
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 5);
  pathway_import_plan_set_as_at (plan, july_end);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 5);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 0);
  apply (fixture, plan);

  action = find (fixture, "1.1");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  updates = pathway_document_list_updates (fixture->document, action, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);
      GDateTime *recorded = pathway_action_update_get_recorded (update);

      if (pathway_action_update_get_field (update) != PATHWAY_FIELD_RATING ||
          g_strcmp0 (pathway_action_update_get_note (update), "Imported from july.xlsx") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, "amber");
      g_assert_cmpint (g_date_time_to_unix (pathway_action_update_get_at (update)), ==,
                       g_date_time_to_unix (end) - 1);
      g_assert_nonnull (recorded);
      g_assert_cmpint (g_date_time_to_unix (recorded), ==, g_date_time_to_unix (clock));
    }
  g_assert_true (found);
}

/* A day after today is refused when applying, and nothing is written. */
static void
test_as_at_after_today (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_tracker (fixture, "june.xlsx", june_rows);
  g_autoptr(GDate) tomorrow = g_date_new_dmy (17, 10, 2019);
  g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, tomorrow);
  g_autoptr(GError) error = NULL;

  g_assert_false (pathway_import_apply (plan, fixture->document, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after today"));
  g_assert_cmpuint (count_live_actions (fixture), ==, 0);
}

/* A tracker with a rating and an update for each month, imported as at a day: the earlier
 * months are still dated at their own months' ends, the latest at that day, and nothing after
 * it; a month that ends on or after that day is not an earlier month's history. */
static void
test_month_columns_as_at (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG Jun 19|Update Jun 19|RAG Jul 19|Update Jul 19|RAG Aug 19|Update Aug 19",
    "1.1|Set up a parent forum|R|Forum planned|A|Forum met once|G|Forum meets monthly",
    NULL
  };
  g_autofree char *path = write_tracker (fixture, "months.xlsx", rows);
  g_autoptr(GDate) july_end = month_end (7);
  g_autoptr(GDate) june_end = month_end (6);
  g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, july_end);
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GDateTime) after = g_date_time_new_local (2019, 8, 1, 0, 0, 0);
  g_autoptr(GArray) in_june = NULL;
  g_autoptr(GArray) in_july = NULL;
  PathwayAction *action;

  apply (fixture, plan);
  action = find (fixture, "1.1");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  in_june = pathway_document_states_as_at (fixture->document, june_end, NULL);
  in_july = pathway_document_states_as_at (fixture->document, july_end, NULL);
  g_assert_cmpint (pathway_action_states_find (in_june, pathway_action_get_id (action))->rating,
                   ==, PATHWAY_RATING_RED);
  g_assert_cmpstr (pathway_action_states_find (in_june,
                                               pathway_action_get_id (action))->commentary, ==,
                   "Forum planned");
  g_assert_cmpint (pathway_action_states_find (in_july, pathway_action_get_id (action))->rating,
                   ==, PATHWAY_RATING_GREEN);
  updates = pathway_document_list_updates (fixture->document, action, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      g_assert_cmpint (g_date_time_to_unix (pathway_action_update_get_at (update)), <,
                       g_date_time_to_unix (after));
    }
}

/* Undo ------------------------------------------------------------------------------------------ */

/* One undo takes back all of August's import: its changes at the end of August are gone, so
 * the programme at that day and now is July's again; another takes back July's, whose new
 * action is then absent on every day. */
static void
test_undo_takes_back_import (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) august_end = month_end (8);
  g_autoptr(GDate) july_end = month_end (7);
  g_autoptr(GArray) states = NULL;
  const Month july_in_august = { "july.xlsx", 8, july_rows, july_expected,
                                 G_N_ELEMENTS (july_expected) };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    import_month (fixture, &months[m]);
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==,
                   "Import august.xlsx");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);

  assert_month (fixture, &july_in_august);
  for (guint i = 0; i < G_N_ELEMENTS (july_expected); i++)
    g_assert_cmpint (pathway_action_get_rating (find (fixture, july_expected[i].reference)), ==,
                     july_expected[i].rating);
  g_assert_cmpstr (pathway_action_get_description (find (fixture, "1.2")), ==,
                   "Publish the local offer");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "1.2"))), ==,
                   "Aisha Begum");

  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_null (exchange_test_find_action (fixture->document, "1.4"));
  states = pathway_document_states_as_at (fixture->document, july_end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 4);
  g_clear_pointer (&states, g_array_unref);
  states = pathway_document_states_as_at (fixture->document, august_end, &error);
  g_assert_cmpuint (states->len, ==, 4);
  assert_month (fixture, &months[0]);
}

/* A tracker with a rating and an update for each month, imported into an empty programme: one
 * undo leaves no action and no history on any day, the people it added retired too. */
static void
test_undo_takes_back_month_columns (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|Lead|RAG Jun 19|Update Jun 19|RAG Jul 19|Update Jul 19|RAG Aug 19|"
    "Update Aug 19",
    "3.1|Map the pathways|Jo Lee|R|Started|A|Mapping|G|Mapped",
    "3.2|Run a transitions fair|Sam Patel|A|Booked|A|Venue booked|G|Held",
    NULL
  };
  g_autofree char *path = write_tracker (fixture, "months.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = plan_tracker (fixture, path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) june_end = month_end (6);
  g_autoptr(GDate) july_end = month_end (7);
  g_autoptr(GArray) in_june = NULL;
  g_autoptr(GArray) in_july = NULL;
  PathwayProgramme *programme;

  apply (fixture, plan);
  in_july = pathway_document_states_as_at (fixture->document, july_end, &error);
  g_assert_cmpuint (in_july->len, ==, 2);
  g_clear_pointer (&in_july, g_array_unref);

  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_get_can_undo (fixture->document));
  g_assert_cmpuint (count_live_actions (fixture), ==, 0);
  in_june = pathway_document_states_as_at (fixture->document, june_end, &error);
  in_july = pathway_document_states_as_at (fixture->document, july_end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_june->len, ==, 0);
  g_assert_cmpuint (in_july->len, ==, 0);
  programme = pathway_document_get_programme (fixture->document);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==, 0);

  /* Redo brings it all back. */
  g_assert_true (pathway_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&in_july, g_array_unref);
  in_july = pathway_document_states_as_at (fixture->document, july_end, &error);
  g_assert_cmpuint (in_july->len, ==, 2);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "3.1")), ==, PATHWAY_RATING_GREEN);
}

/* Earlier months written into an existing action's history, and taken out by one undo. */
static void
test_undo_takes_back_earlier_months (Fixture *fixture, gconstpointer data)
{
  static const char *const rows[] = {
    "Ref|Action|RAG Jul 19|RAG Aug 19|RAG Sep 19",
    "1.1|Set up a parent forum|A|A|G",
    NULL
  };
  g_autofree char *path = write_tracker (fixture, "quarter.xlsx", rows);
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const Month june_in_july = { "june.xlsx", 7, june_rows, june_expected,
                               G_N_ELEMENTS (june_expected) };
  const Month june_in_august = { "june.xlsx", 8, june_rows, june_expected,
                                 G_N_ELEMENTS (june_expected) };
  PathwayAction *action;

  import_month (fixture, &months[0]);
  plan = plan_tracker (fixture, path, NULL);
  apply (fixture, plan);
  action = find (fixture, "1.1");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  {
    g_autoptr(GDate) august_end = month_end (8);
    g_autoptr(GArray) states = pathway_document_states_as_at (fixture->document, august_end,
                                                              &error);

    g_assert_cmpint (pathway_action_states_find (states, pathway_action_get_id (action))->rating,
                     ==, PATHWAY_RATING_AMBER);
  }

  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  assert_month (fixture, &months[0]);
  assert_month (fixture, &june_in_july);
  assert_month (fixture, &june_in_august);
}

/* The next month is easier ---------------------------------------------------------------------- */

/* Headers the guess cannot read, chosen by hand with a row skipped: the choices are kept with
 * the programme, and next month's file of the same layout (other rows) is read by them
 * without a choice. Another layout is not. */
static void
test_layout_remembered (Fixture *fixture, gconstpointer data)
{
  static const char *const october[] = {
    "Ref|Thing to do|Person|Colour|Notes",
    "Example|Write what you will do|A name|G|How it went",
    "5.1|Agree the plan|Sam Patel|A|Drafted",
    "5.2|Train staff|Jo Lee|R|Not begun",
    NULL
  };
  static const char *const november[] = {
    "Ref|Thing to do|Person|Colour|Notes",
    "Example|Write what you will do|A name|G|How it went",
    "5.1|Agree the plan|Sam Patel|G|Agreed",
    "5.2|Train staff|Jo Lee|A|Booked",
    "5.3|Review files|Aisha Begum|R|Not begun",
    NULL
  };
  static const char *const other[] = {
    "Ref|Thing to do|Person|Colour|Notes|Extra",
    "5.1|Agree the plan|Sam Patel|G|Agreed|x",
    NULL
  };
  g_autofree char *october_path = write_tracker (fixture, "october.xlsx", october);
  g_autofree char *november_path = write_tracker (fixture, "november.xlsx", november);
  g_autofree char *other_path = write_tracker (fixture, "other.xlsx", other);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  const GDate *chosen;
  static const char *const choices[] = {
    "B=description", "C=lead", "D=rating", "E=commentary",
  };

  /* October: chosen by hand. */
  sheet = pathway_import_read_tracker (october_path, &error);
  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  g_assert_false (pathway_import_mapping_recall (mapping, sheet, fixture->document));
  g_assert_null (pathway_import_mapping_get_recalled_date (mapping));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_assert_true (pathway_import_mapping_parse_override (mapping, sheet, choices[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (pathway_import_mapping_parse_skip (mapping, sheet, "2", &error));
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  assert_no_errors (plan);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 2);
  apply (fixture, plan);
  g_clear_object (&plan);
  g_clear_object (&mapping);
  g_clear_object (&sheet);

  /* November: the same layout, read the same way with no choice, after reopening. */
  reopen (fixture);
  sheet = pathway_import_read_tracker (november_path, &error);
  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  g_assert_true (pathway_import_mapping_recall (mapping, sheet, fixture->document));
  chosen = pathway_import_mapping_get_recalled_date (mapping);
  g_assert_nonnull (chosen);
  g_assert_cmpuint (g_date_get_day (chosen), ==, 16);
  g_assert_cmpuint (g_date_get_month (chosen), ==, 10);
  g_assert_cmpuint (g_date_get_year (chosen), ==, 2019);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 1), ==,
                   PATHWAY_IMPORT_FIELD_DESCRIPTION);
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 3), ==,
                   PATHWAY_IMPORT_FIELD_RATING);
  g_assert_true (pathway_import_mapping_get_row_skipped (mapping, 1));
  plan = pathway_import_plan (sheet, mapping, fixture->document, NULL);
  assert_no_errors (plan);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 2);
  apply (fixture, plan);
  g_assert_cmpint (pathway_action_get_rating (find (fixture, "5.1")), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpstr (pathway_action_get_commentary (find (fixture, "5.3")), ==, "Not begun");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (find (fixture, "5.3"))), ==,
                   "Aisha Begum");
  g_assert_null (exchange_test_find_action (fixture->document, "Example"));
  g_clear_object (&plan);
  g_clear_object (&mapping);
  g_clear_object (&sheet);

  /* Another layout is not recalled, and its mapping stays the guess. */
  sheet = pathway_import_read_tracker (other_path, &error);
  g_assert_no_error (error);
  mapping = pathway_import_guess_mapping (sheet);
  g_assert_false (pathway_import_mapping_recall (mapping, sheet, fixture->document));
  g_assert_cmpint (pathway_import_mapping_get_field (mapping, 3), ==, PATHWAY_IMPORT_FIELD_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                                 \
  g_test_add (path, Fixture, data, exchange_fixture_set_up_rag, func, exchange_fixture_tear_down)
  ADD ("/exchange/history/monthly-trackers-oldest-first", test_monthly_trackers, "0 1 2");
  ADD ("/exchange/history/monthly-trackers-latest-first", test_monthly_trackers, "2 0 1");
  ADD ("/exchange/history/monthly-trackers-middle-first", test_monthly_trackers, "1 2 0");
  ADD ("/exchange/history/monthly-trackers-middle-last", test_monthly_trackers, "0 2 1");
  ADD ("/exchange/history/same-file-same-day-changes-nothing",
       test_same_file_same_day_changes_nothing, NULL);
  ADD ("/exchange/history/change-dated-and-recorded", test_change_dated_and_recorded, NULL);
  ADD ("/exchange/history/as-at-after-today", test_as_at_after_today, NULL);
  ADD ("/exchange/history/month-columns-as-at", test_month_columns_as_at, NULL);
  ADD ("/exchange/history/undo-takes-back-import", test_undo_takes_back_import, NULL);
  ADD ("/exchange/history/undo-takes-back-month-columns", test_undo_takes_back_month_columns,
       NULL);
  ADD ("/exchange/history/undo-takes-back-earlier-months", test_undo_takes_back_earlier_months,
       NULL);
  ADD ("/exchange/history/layout-remembered", test_layout_remembered, NULL);
#undef ADD

  return g_test_run ();
}
