/* test-migration.c: a file written by an earlier release opens in this one. It is upgraded to
 * the current schema with everything in it kept, after a backup that is the old file byte for
 * byte. A version 1 file is made the way the first release made it (an empty programme file at
 * schema version 1) and filled with SQL, as that release would have filled it; a version 3 file
 * is the demo programme as the release before the change log wrote it, kept in fixtures/ (meson
 * sets G_TEST_SRCDIR to this folder); a version 5 file, made empty and filled with SQL like the
 * first, takes the return forms of version 6. The version 3 file is copied to a temporary folder
 * first: the original is never opened, so no run can change it. */
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

/* Read-only, so that looking at a file (or a backup attached to it) cannot change it. */
static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
db_query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
query_int (const char *path, const char *sql)
{
  sqlite3 *db = open_read_only (path);
  gint64 value = db_query_int (db, sql);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

/* Tables that hold no records of their own: the rating scheme (one row per rating, keyed by
 * it), the links between workstreams and areas, and the change log. Every other table is a
 * kind of record and must give each row a UUID. */
static const char *const not_record_tables[] = {
  "rating_scheme", "workstream_area", "change_log", "import_layout", NULL,
};

/* The record tables of schema version 4; a table added later is checked too, without being
 * named here. */
static const char *const record_tables[] = {
  "programme", "area", "person", "workstream", "member", "action", "timescale_revision",
  "evidence", "indicator", "reading", "milestone", "board", "meeting", NULL,
};

/* Every record's UUID as "table id uuid" lines, by table and id, so two calls can be compared.
 * Fails the test when a record table has no uuid column, or a row's UUID is missing, not 36
 * characters in the 8-4-4-4-12 form, or used by another row anywhere in the file. */
static GStrv
collect_uuids (const char *path)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *tables = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite^_%' ESCAPE '^' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      char *sql;
      sqlite3_stmt *rows = NULL;

      if (g_strv_contains (not_record_tables, table))
        continue;
      g_ptr_array_add (checked, g_strdup (table));

      sql = sqlite3_mprintf ("SELECT id, uuid FROM \"%w\" ORDER BY id", table);
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        {
          if (n_problems++ < 10)
            g_string_append_printf (problems, "%s: %s; ", table, sqlite3_errmsg (db));
          sqlite3_free (sql);
          continue;
        }
      sqlite3_free (sql);

      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (rows, 0);
          const char *uuid = (const char *) sqlite3_column_text (rows, 1);
          const char *other;
          g_autofree char *line = NULL;

          if (uuid == NULL || strlen (uuid) != 36 || !g_uuid_string_is_valid (uuid))
            {
              if (n_problems++ < 10)
                g_string_append_printf (problems, "%s %" G_GINT64_FORMAT ": uuid %s; ", table, id,
                                        uuid ? uuid : "missing");
              continue;
            }
          other = g_hash_table_lookup (seen, uuid);
          if (other != NULL)
            {
              if (n_problems++ < 10)
                g_string_append_printf (problems, "%s %" G_GINT64_FORMAT ": uuid %s also %s; ",
                                        table, id, uuid, other);
              continue;
            }
          g_hash_table_insert (seen, g_strdup (uuid),
                               g_strdup_printf ("%s %" G_GINT64_FORMAT, table, id));
          line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", table, id, uuid);
          g_strv_builder_add (lines, line);
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  if (n_problems > 10)
    g_string_append_printf (problems, "and %u more", n_problems - 10);
  g_assert_cmpstr (problems->str, ==, "");
  g_ptr_array_add (checked, NULL);
  for (guint i = 0; record_tables[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *) checked->pdata, record_tables[i]));

  return g_strv_builder_end (lines);
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
  PathwayPerson *chair;
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
  /* Version 4 made the chair's text a person. "Chief Executive" named no one in the programme,
   * so a person of that name was added beside Ann Lee. */
  chair = pathway_board_get_chair (board);
  g_assert_nonnull (chair);
  g_assert_cmpstr (pathway_person_get_name (chair), ==, "Chief Executive");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==, 2);
}

static void
test_v1_file_is_upgraded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) uuids = NULL;
  g_auto(GStrv) uuids_again = NULL;

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
  /* The action's updates moved into the change log as they were, under the same ids. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_schema"
                                             " WHERE name = 'action_update'"), ==, 0);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM change_log WHERE kind = 'action'"
                              " AND record_id = 1 AND author = 'Ann Lee' AND meeting_id IS NULL"
                              " AND ((id = 1 AND at = 1530000000 AND field = 0"
                              "       AND from_value IS NULL AND to_value = '1A i' AND note = '')"
                              "   OR (id = 2 AND at = 1540000000 AND field = 1"
                              "       AND from_value = 'red' AND to_value = 'amber'"
                              "       AND note = 'Strategy drafted'))"), ==, 2);
  /* Every record has a UUID, the evidence added after the upgrade too. */
  uuids = collect_uuids (fixture->path);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM evidence"
                                             " WHERE length (uuid) = 36"), ==, 1);
  /* The backup is still the old file, and still a version 1 programme. */
  store_fixture_assert_file_unchanged (backup, old);
  g_assert_cmpint (query_int (backup, "PRAGMA user_version"), ==, 1);

  /* Opening the upgraded file again upgrades nothing, and the UUIDs stay. */
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (pathway_document_get_migration_backup (document));
  assert_v1_content (document, 1);
  pathway_document_close (document);
  uuids_again = collect_uuids (fixture->path);
  g_assert_true (g_strv_equal ((const char *const *) uuids, (const char *const *) uuids_again));
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

/* The demo programme as the release before the change log wrote it (schema version 3). */
#define V3_FIXTURE "release-v3.pathway"
#define V3_N_UPDATES 1431
#define V3_N_ACTIONS 110
#define V3_N_READINGS 87

static char *
fixture_file (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_test_message ("%s not found: run the test with meson test, or set G_TEST_SRCDIR to "
                    "tests/store in the source tree", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Opens 'path' read-only with 'backup' attached as "old", to compare the two in SQL. */
static sqlite3 *
open_with_backup (const char *path, const char *backup)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;

  /* An attached file takes the main file's flags, so the backup is read-only too. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH ?1 AS old", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (db_query_int (db, "PRAGMA old.user_version"), ==, 3);
  return db;
}

/* Every row of the old action_update is in the change log as an action's change, with the
 * same id and values, and the log holds no other action changes. */
static void
assert_updates_in_change_log (const char *path, const char *backup)
{
  sqlite3 *db = open_with_backup (path, backup);

  g_assert_cmpint (db_query_int (db, "SELECT count(*) FROM old.action_update"), ==,
                   V3_N_UPDATES);
  g_assert_cmpint (db_query_int (db, "SELECT count(*) FROM main.sqlite_schema"
                                     " WHERE name = 'action_update'"), ==, 0);
  g_assert_cmpint (db_query_int (db, "SELECT count(*) FROM main.change_log"
                                     " WHERE kind = 'action'"), ==, V3_N_UPDATES);
  g_assert_cmpint (db_query_int (db,
                                 "SELECT count(*) FROM old.action_update o"
                                 " JOIN main.change_log c ON c.id = o.id"
                                 " WHERE c.kind = 'action' AND c.record_id = o.action_id"
                                 " AND c.at = o.at AND c.author = o.author"
                                 " AND c.field = o.field AND c.property = o.property"
                                 " AND c.from_value IS o.from_value"
                                 " AND c.to_value IS o.to_value AND c.note = o.note"
                                 " AND c.meeting_id IS o.meeting_id"), ==, V3_N_UPDATES);
  /* The actions themselves are as they were. */
  g_assert_cmpint (db_query_int (db,
                                 "SELECT count(*) FROM old.action o JOIN main.action a USING (id)"
                                 " WHERE a.reference = o.reference AND a.rating = o.rating"
                                 " AND a.status = o.status AND a.commentary = o.commentary"
                                 " AND a.created = o.created"
                                 " AND a.last_updated IS o.last_updated"
                                 " AND a.deleted = o.deleted"), ==, V3_N_ACTIONS);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The counts the programme must load with, from the backup. */
typedef struct {
  gint64 people;
  gint64 workstreams;
  gint64 indicators;
  gint64 boards;
  gint64 meetings;
} V3Counts;

static void
read_v3_counts (const char *backup, V3Counts *counts)
{
  sqlite3 *db = open_read_only (backup);

  g_assert_cmpint (db_query_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (db_query_int (db, "SELECT count(*) FROM action WHERE NOT deleted"), ==,
                   V3_N_ACTIONS);
  g_assert_cmpint (db_query_int (db, "SELECT count(*) FROM reading"), ==, V3_N_READINGS);
  counts->people = db_query_int (db, "SELECT count(*) FROM person");
  counts->workstreams = db_query_int (db, "SELECT count(*) FROM workstream");
  counts->indicators = db_query_int (db, "SELECT count(*) FROM indicator");
  counts->boards = db_query_int (db, "SELECT count(*) FROM board");
  counts->meetings = db_query_int (db, "SELECT count(*) FROM meeting");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The number of updates each action had, by action id. */
static GHashTable *
read_v3_updates_per_action (const char *backup)
{
  sqlite3 *db = open_read_only (backup);
  sqlite3_stmt *stmt = NULL;
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action_id, count(*) FROM action_update"
                                           " GROUP BY action_id", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *action_id = g_new (gint64, 1);

      *action_id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (counts, action_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return counts;
}

static void
assert_v3_programme (PathwayDocument *document, const char *backup)
{
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (programme);
  GListModel *indicators = pathway_programme_get_indicators (programme);
  GListModel *boards = pathway_programme_get_boards (programme);
  g_autoptr(GHashTable) updates_per_action = read_v3_updates_per_action (backup);
  g_autoptr(PathwayBoard) board = NULL;
  PathwayPerson *chair;
  V3Counts counts;
  guint n_meetings = 0;
  guint n_readings = 0;
  guint n_updates = 0;

  read_v3_counts (backup, &counts);

  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, V3_N_ACTIONS);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==,
                    counts.people);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_workstreams (programme)), ==,
                    counts.workstreams);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, counts.indicators);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, counts.boards);
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(PathwayBoard) each = g_list_model_get_item (boards, i);

      n_meetings += g_list_model_get_n_items (pathway_board_get_meetings (each));
    }
  g_assert_cmpuint (n_meetings, ==, counts.meetings);

  /* The chair's text was "Helen Ashworth, Director of Children's Services", and Helen Ashworth
   * was already one of the programme's people: the board's chair is that person, and no one
   * was added (the count of people above is the old one). */
  g_assert_cmpuint (counts.boards, ==, 1);
  board = g_list_model_get_item (boards, 0);
  chair = pathway_board_get_chair (board);
  g_assert_nonnull (chair);
  g_assert_cmpstr (pathway_person_get_name (chair), ==, "Helen Ashworth");
  g_assert_true (chair == pathway_programme_find_person_by_name (programme, "Helen Ashworth"));

  /* Each action's history reads back from the change log, update for update. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);
      gint64 id = pathway_action_get_id (action);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (updates), ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (updates_per_action, &id)));
      n_updates += g_list_model_get_n_items (updates);
    }
  g_assert_cmpuint (n_updates, ==, V3_N_UPDATES);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GListModel) readings = pathway_document_list_readings (document, indicator,
                                                                       &error);

      g_assert_no_error (error);
      n_readings += g_list_model_get_n_items (readings);
    }
  g_assert_cmpuint (n_readings, ==, V3_N_READINGS);
}

/* The names in the folder that end in "-backup". */
static GStrv
list_backups (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_suffix (name, "-backup"))
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

static void
test_release_v3_file_is_upgraded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autofree char *original = fixture_file (V3_FIXTURE);
  g_autofree char *backup = g_strdup_printf ("%s.v3-backup", fixture->path);
  g_autoptr(GBytes) old = store_fixture_read_file (original);
  g_auto(GStrv) uuids = NULL;
  g_auto(GStrv) uuids_again = NULL;
  g_auto(GStrv) backups = NULL;

  store_fixture_copy_file (original, fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_false (pathway_document_get_read_only (document));

  /* The backup is FILE.v3-backup, the release's file byte for byte. */
  g_assert_nonnull (pathway_document_get_migration_backup (document));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GFile) named = g_file_new_for_path (pathway_document_get_migration_backup (document));
    g_autoptr(GFile) expected = g_file_new_for_path (backup);

    g_assert_true (g_file_equal (named, expected));
  }
  store_fixture_assert_file_unchanged (backup, old);

  assert_v3_programme (document, backup);
  pathway_document_close (document);
  g_clear_object (&document);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PATHWAY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA application_id"), ==,
                   PATHWAY_APPLICATION_ID);
  assert_updates_in_change_log (fixture->path, backup);
  uuids = collect_uuids (fixture->path);
  store_fixture_assert_file_unchanged (backup, old);

  /* A second open migrates nothing: no backup is made, the UUIDs stay as they were given. */
  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (pathway_document_get_migration_backup (document));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (document))), ==, V3_N_ACTIONS);
  /* Version 5's settings start at their defaults. */
  g_assert_cmpint (pathway_programme_get_stale_days (pathway_document_get_programme (document)),
                   ==, PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS);
  pathway_document_close (document);
  g_clear_object (&document);

  backups = list_backups (fixture->dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);
  g_assert_cmpstr (backups[0], ==, "old.pathway.v3-backup");
  store_fixture_assert_file_unchanged (backup, old);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PATHWAY_SCHEMA_VERSION);
  uuids_again = collect_uuids (fixture->path);
  g_assert_true (g_strv_equal ((const char *const *) uuids, (const char *const *) uuids_again));

  /* And the release's file itself is as it was. */
  store_fixture_assert_file_unchanged (original, old);
}

/* A version 5 programme, as the release before return forms wrote it: a person who leads an
 * action. */
static const char v5_content[] =
  "UPDATE programme SET name = 'Westmoor Written Statement of Action';"
  "INSERT INTO person (id, name, email, uuid)"
  "  VALUES (1, 'Beth Kowalski', 'beth.kowalski@westmoor.gov.uk',"
  "  '1b4e28ba-2fa1-41d2-883f-0016d3cca427');"
  "INSERT INTO action (id, reference, lead_id, created, uuid, rating, commentary)"
  "  VALUES (1, '1A i', 1, 1790000000, '6fa459ea-ee8a-4ca4-894e-db77e160355e', 'amber',"
  "  'Draft with partners');"
  "INSERT INTO change_log (kind, record_id, at, field, to_value)"
  "  VALUES ('person', 1, 1790000000, 0, 'Beth Kowalski'),"
  "         ('action', 1, 1790000000, 0, '1A i');";

/* Version 6 adds the return forms: a version 5 file opens with everything kept, after a backup
 * that is the old file byte for byte, and takes a return form, which is there when it is
 * opened again. */
static void
test_v5_file_is_upgraded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GObject) form = NULL;
  g_autoptr(GListModel) forms = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *backup = g_strdup_printf ("%s.v5-backup", fixture->path);
  const char *fields[] = { "lead", "sent", "due", "actions", NULL };
  const char *values[] = { "Beth Kowalski", "2026-12-07", "2026-12-14", "1", NULL };
  PathwayProgramme *programme;
  PathwayAction *action;
  g_auto(GStrv) uuids = NULL;

  g_assert_true (pathway_store_create_at_version (fixture->path, 5, &error));
  g_assert_no_error (error);
  exec_sql (fixture->path, v5_content);
  old = store_fixture_read_file (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_document_get_migration_backup (document), ==, backup);
  store_fixture_assert_file_unchanged (backup, old);
  programme = pathway_document_get_programme (document);
  action = pathway_programme_find_action (programme, 1);
  g_assert_nonnull (action);
  g_assert_cmpstr (pathway_record_get_uuid (action), ==, "6fa459ea-ee8a-4ca4-894e-db77e160355e");
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (action)), ==,
                   "Beth Kowalski");
  forms = pathway_document_list_records (document, pathway_kind_lookup ("return-form"), TRUE,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (forms), ==, 0);

  g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("return-form"),
                                              fields, values, (gpointer *) &form, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_check (document, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  pathway_document_close (document);
  g_clear_object (&document);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, PATHWAY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (backup, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM return_form"
                                             " WHERE lead_id = 1 AND sent = '2026-12-07'"
                                             " AND due = '2026-12-14' AND actions = 1"
                                             " AND returned IS NULL AND retired = 0"), ==, 1);
  uuids = collect_uuids (fixture->path);

  document = pathway_document_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (pathway_document_get_migration_backup (document));
  g_clear_object (&forms);
  forms = pathway_document_list_records (document, pathway_kind_lookup ("return-form"), FALSE,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (forms), ==, 1);
  {
    g_autoptr(PathwayReturnForm) again = g_list_model_get_item (forms, 0);

    g_assert_cmpstr (pathway_record_get_uuid (again), ==, pathway_record_get_uuid (form));
    g_assert_cmpstr (pathway_person_get_name (pathway_return_form_get_lead (again)), ==,
                     "Beth Kowalski");
    g_assert_null (pathway_return_form_get_returned (again));
  }
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
  ADD ("release-v3-file-is-upgraded", test_release_v3_file_is_upgraded);
  ADD ("v5-file-is-upgraded", test_v5_file_is_upgraded);

#undef ADD

  return g_test_run ();
}
