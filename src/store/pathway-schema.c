/* pathway-schema.c: the tables of a .pathway file, version by version.
 *
 * Enumerations are stored as their nicks ("red", "not-started") so that a file can be read
 * with any SQLite tool and no renumbering can change its meaning. Dates are "YYYY-MM-DD"
 * text; moments are Unix seconds (UTC). A timescale is three columns: the text as written,
 * the date it means and the precision of that date. Nothing is ever deleted from the
 * history tables: removal of an action is a flag plus an update. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-document.h"
#include "pathway-schema.h"

/* Version 1: the first release. */
static const char schema_v1[] =
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  local_area TEXT NOT NULL DEFAULT '',"
  "  partners TEXT NOT NULL DEFAULT '',"
  "  regime TEXT NOT NULL DEFAULT 'wsoa-2014',"
  "  inspection_date TEXT,"
  "  letter_published TEXT,"
  "  plan_agreed TEXT,"
  "  vision TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE rating_scheme ("
  "  rating TEXT PRIMARY KEY,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  definition TEXT NOT NULL DEFAULT '',"
  "  in_use INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID;"
  "CREATE TABLE area ("
  "  id INTEGER PRIMARY KEY,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT 'weakness',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  finding TEXT NOT NULL DEFAULT '',"
  "  commitment TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE workstream ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  lead_organisation TEXT NOT NULL DEFAULT 'council',"
  "  lead_id INTEGER REFERENCES person (id),"
  "  description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  workstream_id INTEGER NOT NULL REFERENCES workstream (id),"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  role TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE workstream_area ("
  "  workstream_id INTEGER NOT NULL REFERENCES workstream (id),"
  "  area_id INTEGER NOT NULL REFERENCES area (id),"
  "  PRIMARY KEY (workstream_id, area_id)) WITHOUT ROWID;"
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  area_id INTEGER REFERENCES area (id),"
  "  workstream_id INTEGER REFERENCES workstream (id),"
  "  theme TEXT NOT NULL DEFAULT '',"
  "  lead_id INTEGER REFERENCES person (id),"
  "  original_text TEXT NOT NULL DEFAULT '',"
  "  original_date TEXT,"
  "  original_precision TEXT NOT NULL DEFAULT 'none',"
  "  status TEXT NOT NULL DEFAULT 'not-started',"
  "  rating TEXT NOT NULL DEFAULT 'none',"
  "  success_measure TEXT NOT NULL DEFAULT '',"
  "  commentary TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  last_updated INTEGER,"
  "  deleted INTEGER NOT NULL DEFAULT 0);"
  /* field: a PathwayField number; property names the field of a 'text' update. */
  "CREATE TABLE action_update ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action (id),"
  "  at INTEGER NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  field INTEGER NOT NULL,"
  "  property TEXT NOT NULL DEFAULT '',"
  "  from_value TEXT,"
  "  to_value TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  meeting_id INTEGER REFERENCES meeting (id));"
  "CREATE INDEX action_update_by_action ON action_update (action_id, at);"
  /* Covers the monthly counts: one ordered pass over the rating changes. */
  "CREATE INDEX action_update_by_field ON action_update (field, at, id, action_id, to_value);"
  "CREATE INDEX action_update_by_meeting ON action_update (meeting_id) WHERE meeting_id IS NOT NULL;"
  "CREATE TABLE timescale_revision ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action (id),"
  "  text TEXT NOT NULL DEFAULT '',"
  "  date TEXT,"
  "  precision TEXT NOT NULL DEFAULT 'none',"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  approved_by TEXT NOT NULL DEFAULT '',"
  "  approved_on TEXT,"
  "  recorded_at INTEGER NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  withdrawn INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX timescale_revision_by_action ON timescale_revision (action_id, withdrawn, id);"
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  service TEXT NOT NULL DEFAULT '',"
  "  definition TEXT NOT NULL DEFAULT '',"
  "  unit TEXT NOT NULL DEFAULT 'count',"
  "  direction TEXT NOT NULL DEFAULT 'lower-is-better',"
  "  baseline_value REAL,"
  "  baseline_date TEXT,"
  "  target_value REAL,"
  "  target_date TEXT,"
  "  target_source TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE reading ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id),"
  "  date TEXT,"
  "  value REAL,"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX reading_by_indicator ON reading (indicator_id, date);"
  "CREATE TABLE board ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  chair TEXT NOT NULL DEFAULT '',"
  "  cadence TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  board_id INTEGER NOT NULL REFERENCES board (id),"
  "  date TEXT,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  location TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '');";

/* Version 2: evidence of impact kept apart from commentary, indicator milestones and a
 * national comparator. */
static const char schema_v2[] =
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action (id),"
  "  date TEXT,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX evidence_by_action ON evidence (action_id, date);"
  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id),"
  "  date TEXT,"
  "  planned_value REAL);"
  "CREATE INDEX milestone_by_indicator ON milestone (indicator_id, date);"
  "ALTER TABLE indicator ADD COLUMN comparator_value REAL;"
  "ALTER TABLE indicator ADD COLUMN comparator_label TEXT NOT NULL DEFAULT '';";

/* Version 3: the board report's settings kept with each meeting. */
static const char schema_v3[] =
  "ALTER TABLE meeting ADD COLUMN report_title TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN report_by TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN report_for TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN classification TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN recommendation TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN report_sections TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN as_at TEXT;";

/* A random version 4 UUID, made per row. */
#define UUID_SQL \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||" \
  " substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + abs (random () % 4), 1) ||" \
  " substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"
#define WITH_UUID(table) \
  "ALTER TABLE " table " ADD COLUMN uuid TEXT;" \
  "UPDATE " table " SET uuid = " UUID_SQL ";" \
  "CREATE UNIQUE INDEX " table "_by_uuid ON " table " (uuid);"
#define RETIRABLE(table) \
  "ALTER TABLE " table " ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"

/* Version 4: one change log for every kind of record, a stable id (a UUID) on every record
 * that stays the same when a programme is copied to another store, and retiring in place of
 * erasing. The actions' updates move into the log unchanged (same ids, same values). A board's
 * chair becomes a person: "Name, Role" text becomes a person with that name and role, or the
 * person of that name when there is one. */
static const char schema_v4[] =
  "CREATE TABLE change_log ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  field INTEGER NOT NULL,"
  "  property TEXT NOT NULL DEFAULT '',"
  "  from_value TEXT,"
  "  to_value TEXT,"
  "  from_ref INTEGER,"
  "  to_ref INTEGER,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  meeting_id INTEGER REFERENCES meeting (id));"
  "INSERT INTO change_log (id, kind, record_id, at, author, field, property, from_value,"
  "  to_value, note, meeting_id)"
  "  SELECT id, 'action', action_id, at, author, field, property, from_value, to_value, note,"
  "  meeting_id FROM action_update ORDER BY id;"
  "DROP TABLE action_update;"
  "CREATE INDEX change_log_by_record ON change_log (kind, record_id, at);"
  /* Covers the monthly counts: one ordered pass over the rating changes. */
  "CREATE INDEX change_log_by_field ON change_log (kind, field, at, id, record_id, to_value);"
  "CREATE INDEX change_log_by_meeting ON change_log (meeting_id) WHERE meeting_id IS NOT NULL;"
  RETIRABLE ("area") RETIRABLE ("person") RETIRABLE ("workstream") RETIRABLE ("member")
  RETIRABLE ("evidence") RETIRABLE ("indicator") RETIRABLE ("reading") RETIRABLE ("milestone")
  RETIRABLE ("board") RETIRABLE ("meeting")
  "ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE action ADD COLUMN recovery_plan TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE indicator ADD COLUMN owner_id INTEGER REFERENCES person (id);"
  "ALTER TABLE indicator ADD COLUMN source TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN time TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE board ADD COLUMN chair_id INTEGER REFERENCES person (id);"
  /* One person per chair's name (names compared without case), the role from the first
   * board that gives one; a name that is already a person's is that person. */
  "CREATE TEMP TABLE chair_text AS SELECT id AS board_id,"
  "    trim (CASE WHEN instr (chair, ',') > 0 THEN substr (chair, 1, instr (chair, ',') - 1)"
  "          ELSE chair END) AS name,"
  "    trim (CASE WHEN instr (chair, ',') > 0 THEN substr (chair, instr (chair, ',') + 1)"
  "          ELSE '' END) AS role"
  "  FROM board WHERE trim (chair) <> '';"
  "INSERT INTO person (name, role)"
  "  SELECT name, max (role) FROM chair_text"
  "  WHERE lower (name) NOT IN (SELECT lower (name) FROM person)"
  "  GROUP BY lower (name) ORDER BY min (board_id);"
  "UPDATE board SET chair_id = (SELECT min (p.id) FROM person p, chair_text c"
  "  WHERE c.board_id = board.id AND lower (p.name) = lower (c.name));"
  "DROP TABLE chair_text;"
  "ALTER TABLE board DROP COLUMN chair;"
  WITH_UUID ("programme") WITH_UUID ("area") WITH_UUID ("person") WITH_UUID ("workstream")
  WITH_UUID ("member") WITH_UUID ("action") WITH_UUID ("timescale_revision")
  WITH_UUID ("evidence") WITH_UUID ("indicator") WITH_UUID ("reading") WITH_UUID ("milestone")
  WITH_UUID ("board") WITH_UUID ("meeting");

/* Version 5: the programme's stale limit (so a pack for a day is the same whoever makes it);
 * a meeting's narrative (headlines, risks and issues, decisions), draft and black-and-white
 * settings; and each change's second time, when it was recorded, beside when it was true (a
 * backdated import): NULL where the two are the same; and the column choices made for each
 * tracker layout imported, so next month's import needs none. */
static const char schema_v5[] =
  "ALTER TABLE programme ADD COLUMN stale_days INTEGER NOT NULL DEFAULT 60;"
  "ALTER TABLE meeting ADD COLUMN headlines TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN risks TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN decisions TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE meeting ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE meeting ADD COLUMN black_and_white INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE change_log ADD COLUMN recorded_at INTEGER;"
  /* How a tracker's columns were read last time, by the layout of its headers. */
  "CREATE TABLE import_layout ("
  "  layout TEXT PRIMARY KEY,"
  "  mapping TEXT NOT NULL,"
  "  used INTEGER NOT NULL);";

/* Version 6: the return forms sent to leads for their monthly updates: to whom, when, by when,
 * from which day actions counted as needing an update, how many actions, the file's name, and
 * the day it came back (NULL while outstanding). The record's UUID is the form's id. */
static const char schema_v6[] =
  "CREATE TABLE return_form ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT,"
  "  lead_id INTEGER NOT NULL REFERENCES person (id),"
  "  sent TEXT,"
  "  due TEXT,"
  "  since TEXT,"
  "  actions INTEGER NOT NULL DEFAULT 0,"
  "  returned TEXT,"
  "  file TEXT NOT NULL DEFAULT '',"
  "  retired INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX return_form_by_uuid ON return_form (uuid);"
  "CREATE INDEX return_form_by_lead ON return_form (lead_id, sent);";

/* Version 7: the risk and issue log, "you said, we did", and each publication of the plan for
 * families; the area's words for a risk's levels and whether the public version shows ratings;
 * plain-language public summaries of areas and actions; and whether a person may be named in
 * public. Linked actions and areas are kept as their references, as written on the command
 * line, in the order given. */
static const char schema_v7[] =
  "ALTER TABLE programme ADD COLUMN likelihood_words TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE programme ADD COLUMN impact_words TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE programme ADD COLUMN public_ratings INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE area ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE action ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN public INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE risk ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT,"
  "  reference TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'risk',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  owner_id INTEGER REFERENCES person (id),"
  "  workstream_id INTEGER REFERENCES workstream (id),"
  "  actions TEXT NOT NULL DEFAULT '',"
  "  likelihood INTEGER NOT NULL DEFAULT 0,"
  "  impact INTEGER NOT NULL DEFAULT 0,"
  "  residual_likelihood INTEGER NOT NULL DEFAULT 0,"
  "  residual_impact INTEGER NOT NULL DEFAULT 0,"
  "  proximity TEXT NOT NULL DEFAULT '',"
  "  review_date TEXT,"
  "  response TEXT NOT NULL DEFAULT '',"
  "  response_owner_id INTEGER REFERENCES person (id),"
  "  status TEXT NOT NULL DEFAULT 'open',"
  "  raised_from_id INTEGER REFERENCES risk (id),"
  "  retired INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX risk_by_uuid ON risk (uuid);"
  "CREATE TABLE coproduction ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT,"
  "  date TEXT,"
  "  audience TEXT NOT NULL DEFAULT 'parent-carers',"
  "  who TEXT NOT NULL DEFAULT '',"
  "  responses INTEGER NOT NULL DEFAULT 0,"
  "  said TEXT NOT NULL DEFAULT '',"
  "  will_do TEXT NOT NULL DEFAULT '',"
  "  did TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'heard',"
  "  actions TEXT NOT NULL DEFAULT '',"
  "  areas TEXT NOT NULL DEFAULT '',"
  "  public INTEGER NOT NULL DEFAULT 1,"
  "  retired INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX coproduction_by_uuid ON coproduction (uuid);"
  "CREATE TABLE publication ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT,"
  "  published TEXT,"
  "  approved_by TEXT NOT NULL DEFAULT '',"
  "  approved_on TEXT,"
  "  folder TEXT NOT NULL DEFAULT '',"
  "  changes TEXT NOT NULL DEFAULT '',"
  "  contents TEXT NOT NULL DEFAULT '',"
  "  retired INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX publication_by_uuid ON publication (uuid);";

static const char *const steps[] = {
  NULL, /* version 0: an empty file */
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
  schema_v7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == PATHWAY_SCHEMA_VERSION + 1);

gboolean
pathway_schema_migrate (PathwayDb *db, int from, int to, GError **error)
{
  g_autofree char *bump = NULL;

  g_return_val_if_fail (from >= 0 && from <= to && to <= PATHWAY_SCHEMA_VERSION, FALSE);

  if (!pathway_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from + 1; version <= to; version++)
    {
      if (!pathway_db_exec (db, steps[version], error))
        goto fail;
    }

  bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                          PATHWAY_APPLICATION_ID, to);
  if (!pathway_db_exec (db, bump, error) || !pathway_db_exec (db, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  g_prefix_error (error, _("Upgrading the file to version %d: "), to);
  return FALSE;
}

/* A server's programme is read into a private SQLite database of the same tables. Each table
 * keyed by an integer takes its new keys from a sequence (AUTOINCREMENT), which the remote
 * store sets before each transaction to a block of ids the server gave this client alone, so
 * that two clients adding at once never pick the same id. */
gboolean
pathway_schema_create_replica (PathwayDb *db, GError **error)
{
  if (!pathway_db_exec (db, "BEGIN", error))
    return FALSE;
  for (int version = 1; version <= PATHWAY_SCHEMA_VERSION; version++)
    {
      g_autoptr (GString) step = g_string_new (steps[version]);

      g_string_replace (step, "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,",
                        0);
      if (!pathway_db_exec (db, step->str, error))
        {
          sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return pathway_db_exec (db, "COMMIT", error);
}
