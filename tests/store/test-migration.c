/* test-migration.c: a file written by the first release opens in this one. It is upgraded to
 * the current schema with everything in it kept, after a backup that is the old file byte for
 * byte. The old file is made the way the first release made it (an empty programme file at
 * schema version 1) and filled with SQL, as that release would have filled it. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <math.h>
#include <string.h>
#include <sqlite3.h>

#include "pathway-store-private.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "old.pathway", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

/* A version 1 programme: a workstream with a lead, an action with a term timescale and a
 * rating change in its history, an indicator with a reading, a board with a meeting. */
static const char v1_content[] =
  "UPDATE programme SET name = 'Westmoor Written Statement of Action',"
  "  local_area = 'Westmoor', regime = 'wsoa-2014', inspection_date = '2018-03-12',"
  "  vision = 'Needs met early';"
  "UPDATE rating_scheme SET definition = 'Will not be met' WHERE rating = 'red';"
  "INSERT INTO person (id, name, role, organisation)"
  "  VALUES (1, 'Ann Lee', 'Head of SEND', 'Westmoor Council');"
  "INSERT INTO area (id, reference, kind, title, position)"
  "  VALUES (1, 'WSOA1', 'weakness', 'Joint commissioning', 1);"
  "INSERT INTO workstream (id, code, title, lead_organisation, lead_id)"
  "  VALUES (1, 'A', 'Commissioning', 'joint', 1);"
  "INSERT INTO member (id, workstream_id, person_id, role) VALUES (1, 1, 1, 'Chair');"
  "INSERT INTO workstream_area (workstream_id, area_id) VALUES (1, 1);"
  "INSERT INTO action (id, reference, description, area_id, workstream_id, lead_id,"
  "  original_text, original_date, original_precision, status, rating, commentary, created,"
  "  last_updated)"
  "  VALUES (1, '1A i', 'Agree a joint commissioning strategy', 1, 1, 1,"
  "  'Spring Term 2019', '2019-04-05', 'term', 'on-track', 'amber', 'Draft with partners',"
  "  1530000000, 1540000000);"
  "INSERT INTO action_update (id, action_id, at, author, field, from_value, to_value, note)"
  "  VALUES (1, 1, 1530000000, 'Ann Lee', 0, NULL, '1A i', ''),"
  "         (2, 1, 1540000000, 'Ann Lee', 1, 'red', 'amber', 'Strategy drafted');"
  "INSERT INTO indicator (id, name, unit, direction, baseline_value, baseline_date, position)"
  "  VALUES (1, 'EHC plans within 20 weeks', 'percent', 'higher-is-better', 23.5,"
  "  '2018-03-31', 1);"
  "INSERT INTO reading (id, indicator_id, date, value, note)"
  "  VALUES (1, 1, '2018-09-30', 41.0, 'Half year');"
  "INSERT INTO board (id, name, chair, cadence)"
  "  VALUES (1, 'SEND Improvement Board', 'Chief Executive', 'Monthly');"
  "INSERT INTO meeting (id, board_id, date, title) VALUES (1, 1, '2018-10-02', 'October');";

static void
make_v1_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_store_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, PATHWAY_APPLICATION_ID);
  exec_sql (path, v1_content);
}

static void
assert_v1_content (PathwayDocument *document, guint n_evidence)
{
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayAction *action = pathway_programme_find_action (programme, 1);
  PathwayWorkstream *workstream = pathway_programme_find_workstream (programme, 1);
  PathwayIndicator *indicator = pathway_programme_find_indicator (programme, 1);
  PathwayBoard *board = pathway_programme_find_board (programme, 1);
  const PathwayTimescale *original;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GListModel) readings = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(PathwayActionUpdate) change = NULL;
  g_autoptr(PathwayReading) reading = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (1530000000);

  g_assert_cmpstr (pathway_programme_get_name (programme), ==,
                   "Westmoor Written Statement of Action");
  g_assert_cmpstr (pathway_programme_get_local_area (programme), ==, "Westmoor");
  g_assert_cmpint (g_date_get_year (pathway_programme_get_inspection_date (programme)), ==, 2018);
  g_assert_cmpstr (pathway_rating_scheme_get_red_definition (
                     pathway_programme_get_rating_scheme (programme)), ==, "Will not be met");

  g_assert_nonnull (workstream);
  g_assert_cmpstr (pathway_workstream_get_code (workstream), ==, "A");
  g_assert_cmpint (pathway_workstream_get_lead_organisation (workstream), ==,
                   PATHWAY_LEAD_JOINT);
  g_assert_cmpstr (pathway_person_get_name (pathway_workstream_get_lead (workstream)), ==,
                   "Ann Lee");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (workstream)), ==,
                    1);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_areas (workstream)), ==, 1);

  g_assert_nonnull (action);
  g_assert_cmpstr (pathway_action_get_reference (action), ==, "1A i");
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpstr (pathway_action_get_commentary (action), ==, "Draft with partners");
  g_assert_true (pathway_action_get_workstream (action) == workstream);
  g_assert_true (g_date_time_equal (pathway_action_get_created (action), created));
  original = pathway_action_get_original_timescale (action);
  g_assert_cmpstr (original->text, ==, "Spring Term 2019");
  g_assert_cmpint (original->precision, ==, PATHWAY_PRECISION_TERM);
  g_assert_cmpint (g_date_get_day (&original->date), ==, 5);
  g_assert_null (pathway_action_get_revised_timescale (action));

  updates = pathway_document_list_updates (document, action, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 2);
  change = g_list_model_get_item (updates, 1);
  g_assert_cmpint (pathway_action_update_get_field (change), ==, PATHWAY_FIELD_RATING);
  g_assert_cmpstr (pathway_action_update_get_to_value (change), ==, "amber");
  g_assert_cmpstr (pathway_action_update_get_note (change), ==, "Strategy drafted");

  /* What version 2 added is there (empty until evidence is added). */
  evidence = pathway_document_list_evidence (document, action, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, n_evidence);

  g_assert_nonnull (indicator);
  g_assert_cmpfloat (pathway_indicator_get_baseline_value (indicator), ==, 23.5);
  g_assert_true (isnan (pathway_indicator_get_comparator_value (indicator)));
  g_assert_cmpstr (pathway_indicator_get_comparator_label (indicator), ==, "");
  readings = pathway_document_list_readings (document, indicator, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (readings), ==, 1);
  reading = g_list_model_get_item (readings, 0);
  g_assert_cmpfloat (pathway_reading_get_value (reading), ==, 41.0);
  milestones = pathway_document_list_milestones (document, indicator, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 0);

  g_assert_nonnull (board);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 1);
}

static void
test_v1_file_is_upgraded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  make_v1_file (fixture->path);
  old = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_false (pathway_document_get_read_only (document));

  g_assert_nonnull (pathway_document_get_migration_backup (document));
  backup = g_strdup (pathway_document_get_migration_backup (document));
  g_test_message ("backup: %s", backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (backup, !=, fixture->path);
  store_fixture_assert_file_unchanged (backup, old);

  assert_v1_content (document, 0);
  g_assert_true (pathway_document_check (document, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The upgraded file takes what version 2 added. */
  {
    g_autoptr(PathwayEvidence) evidence = pathway_evidence_new ();
    g_autoptr(GDate) date = store_fixture_date (2019, 1, 15);
    PathwayAction *action = pathway_programme_find_action (
      pathway_document_get_programme (document), 1);

    pathway_evidence_set_date (evidence, date);
    pathway_evidence_set_text (evidence, "Strategy signed by all partners");
    g_assert_true (pathway_document_add_evidence (document, action, evidence, &error));
    g_assert_no_error (error);
  }
  pathway_document_close (document);
  g_clear_object (&document);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PATHWAY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA application_id"), ==,
                   PATHWAY_APPLICATION_ID);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM evidence"), ==, 1);
  /* The backup is still the old file, and still a version 1 programme. */
  store_fixture_assert_file_unchanged (backup, old);
  g_assert_cmpint (query_int (backup, "PRAGMA user_version"), ==, 1);

  /* Opening the upgraded file again upgrades nothing. */
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (pathway_document_get_migration_backup (document));
  assert_v1_content (document, 1);
}

static void
test_empty_v1_file_is_upgraded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) old = NULL;

  g_assert_true (pathway_store_create_at_version (fixture->path, 1, &error));
  g_assert_no_error (error);
  old = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (document))), ==, 0);
  g_assert_nonnull (pathway_document_get_migration_backup (document));
  store_fixture_assert_file_unchanged (pathway_document_get_migration_backup (document), old);
  pathway_document_close (document);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PATHWAY_SCHEMA_VERSION);
}

/* Read-only, an old file cannot be upgraded: whatever the document does, the file stays. */
static void
test_read_only_v1_file_is_not_changed (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) old = NULL;

  make_v1_file (fixture->path);
  old = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  if (document != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (pathway_document_get_read_only (document));
      g_assert_null (pathway_document_get_migration_backup (document));
      assert_v1_content (document, 0);
      pathway_document_close (document);
    }
  else
    {
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_READ_ONLY);
      g_test_message ("refused: %s", error->message);
    }
  store_fixture_assert_file_unchanged (fixture->path, old);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/migration/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("v1-file-is-upgraded", test_v1_file_is_upgraded);
  ADD ("empty-v1-file-is-upgraded", test_empty_v1_file_is_upgraded);
  ADD ("read-only-v1-file-is-not-changed", test_read_only_v1_file_is_not_changed);

#undef ADD

  return g_test_run ();
}
