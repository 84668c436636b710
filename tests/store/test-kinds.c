/* test-kinds.c: every kind of record is added, changed, retired, undone and redone through one
 * mechanism, each step a row of the change log, and the file holds what the model shows after
 * it is opened again. Records are made from fields as text, as the command line makes them.
 * "As at" is checked for a retired person and a workstream whose lead changed. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <math.h>
#include <string.h>

#include "pg-test-util.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
  PathwayDocument *document;
} Fixture;

/* A programme with what other kinds need: two people, a workstream, an action, an indicator
 * and a board. */
static const char *const base[][7] = {
  { "person", "name", "Beth Kowalski", "role", "Head of SEND", NULL },
  { "person", "name", "Ann Lee", "role", "Designated Clinical Officer", NULL },
  { "workstream", "code", "B", "title", "Assessment and planning", "lead", "Beth Kowalski" },
  { "action", "reference", "1B i", "workstream", "B", "original", "March 2027" },
  { "indicator", "name", "Waiting time", "unit", "weeks", "better", "lower" },
  { "board", "name", "Improvement Board", "chair", "Ann Lee", NULL },
};

static gpointer
add_record (PathwayDocument *document, const char *kind_name, const char *const *fields,
            const char *const *values)
{
  const PathwayKind *kind = pathway_kind_lookup (kind_name);
  g_autoptr (GError) error = NULL;
  gpointer record = NULL;

  g_assert_nonnull (kind);
  if (!pathway_document_add_fields (document, kind, fields, values, &record, &error))
    g_error ("adding a %s: %s", kind_name, error->message);
  g_assert_nonnull (record);
  return record;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "kinds.pathway", NULL);
  fixture->document = store_fixture_create (fixture->path, "Westmoor", &error);
  g_assert_no_error (error);
  store_fixture_set_day (fixture->document, 2026, 10, 1);
  for (guint i = 0; i < G_N_ELEMENTS (base); i++)
    {
      const char *fields[4] = { NULL }, *values[4] = { NULL };
      g_autoptr (GObject) record = NULL;

      for (guint f = 0; f < 3 && base[i][1 + 2 * f] != NULL; f++)
        {
          fields[f] = base[i][1 + 2 * f];
          values[f] = base[i][2 + 2 * f];
        }
      record = add_record (fixture->document, base[i][0], fields, values);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->document != NULL)
    store_fixture_check_server (fixture->document);
  store_fixture_forget_servers ();
  g_clear_object (&fixture->document);
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  store_fixture_check_server (fixture->document);
  pathway_document_close (fixture->document);
  g_clear_object (&fixture->document);
  fixture->document = store_fixture_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* One case per kind: the fields it is added with, one field changed and its new value (none
 * for a revision, which is withdrawn rather than changed). */
typedef struct {
  const char *kind;
  const char *fields[7];
  const char *values[7];
  const char *change;
  const char *change_to;
} KindCase;

static const KindCase cases[] = {
  { "person", { "name", "role", "email" },
    { "Priya Raman", "Service Manager", "priya@example.org" }, "role", "Head of Service" },
  { "area", { "number", "finding", "commitment" },
    { "WSOA 3", "Plans are late", "Plans on time" }, "commitment", "All plans in 20 weeks" },
  { "workstream", { "code", "title", "lead", "organisation" },
    { "C", "Preparing for adulthood", "Beth Kowalski", "joint" }, "lead", "Ann Lee" },
  { "member", { "workstream", "person", "role" }, { "B", "Ann Lee", "Member" }, "role",
    "Deputy lead" },
  { "board", { "name", "chair", "cadence" },
    { "Health Scrutiny", "Beth Kowalski", "Quarterly" }, "chair", "Ann Lee" },
  { "meeting", { "board", "date", "time", "venue" },
    { "Improvement Board", "2026-12-16", "14:00", "Town Hall" }, "venue", "Online" },
  { "indicator", { "name", "unit", "better", "target", "owner", "baseline" },
    { "Tribunal appeals per 10,000", "number", "lower", "5.5", "Beth Kowalski", "7.25" },
    "target", "4.75" },
  { "reading", { "indicator", "date", "value", "note" },
    { "Waiting time", "2026-09-30", "14.5", "Provisional" }, "value", "13" },
  { "milestone", { "indicator", "date", "value" }, { "Waiting time", "2027-03-31", "10" },
    "value", "9" },
  { "action", { "reference", "description", "workstream", "lead", "original", "rating" },
    { "1B ii", "Audit plans monthly", "B", "Ann Lee", "Summer Term 2027", "amber" }, "rating",
    "red" },
  { "evidence", { "action", "date", "text" },
    { "1B i", "2026-09-15", "Audit of 40 plans" }, "text", "Audit of 45 plans" },
  { "revision", { "action", "timescale", "reason", "approver" },
    { "1B i", "June 2027", "Recruitment took longer", "Improvement Board" }, NULL, NULL },
  { "return-form", { "lead", "sent", "due", "since", "actions", "file" },
    { "Beth Kowalski", "2026-12-07", "2026-12-14", "2026-11-18", "3",
      "Updates from Beth Kowalski - due 2026-12-14.xlsx" }, "returned", "2026-12-10" },
  { "risk", { "reference", "title", "owner", "actions", "likelihood", "impact" },
    { "R03", "Too few educational psychologists", "Beth Kowalski", "1B i", "4", "4" },
    "likelihood", "3" },
  { "coproduction", { "date", "audience", "who", "said", "will-do", "actions" },
    { "2026-09-12", "parent-carers", "Parent carer forum", "We hear about plans too late",
      "Send a letter at each stage", "1B i" }, "status", "done" },
  { "publication", { "published", "approved-by", "approved-on" },
    { "2026-10-01", "Director of Children's Services", "2026-09-30" }, NULL, NULL },
};

static guint
n_live (PathwayDocument *document, const char *kind_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) records =
    pathway_document_list_records (document, pathway_kind_lookup (kind_name), FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (records);
}

static gpointer
find (PathwayDocument *document, const char *kind_name, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  gpointer record = pathway_document_find_record (document, pathway_kind_lookup (kind_name),
                                                  uuid, &error);

  if (record == NULL)
    g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  return record;
}

static char *
field_of (PathwayDocument *document, const char *kind_name, const char *uuid,
          const char *field)
{
  g_autoptr (GObject) record = find (document, kind_name, uuid);

  g_assert_nonnull (record);
  return pathway_document_dup_field_text (document, record, field);
}

static void
test_kind (Fixture *fixture, gconstpointer data)
{
  const KindCase *c = data;
  const PathwayKind *kind = pathway_kind_lookup (c->kind);
  g_autoptr (GObject) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint before = n_live (fixture->document, c->kind);
  gint64 id;

  /* Added: listed, with a UUID, its fields as given and its creation in the log. */
  store_fixture_set_day (fixture->document, 2026, 10, 2);
  record = add_record (fixture->document, c->kind, c->fields, c->values);
  uuid = g_strdup (pathway_record_get_uuid (record));
  id = pathway_record_get_id (record);
  g_assert_cmpint (strlen (uuid), ==, 36);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before + 1);
  for (guint i = 0; c->fields[i] != NULL; i++)
    {
      g_autofree char *text = field_of (fixture->document, c->kind, uuid, c->fields[i]);

      if (g_str_equal (c->fields[i], "workstream") || g_str_equal (c->fields[i], "action") ||
          g_str_equal (c->fields[i], "indicator") || g_str_equal (c->fields[i], "board") ||
          !g_str_equal (c->values[i], text))
        {
          /* Owners are named by name; everything else reads back as written. */
          g_assert_true (g_str_has_prefix (text, c->values[i]) ||
                         g_str_equal (c->values[i], text));
        }
    }
  {
    g_autoptr (GListModel) changes = pathway_document_list_changes (fixture->document, record,
                                                                    &error);
    g_autoptr (PathwayActionUpdate) first = NULL;

    g_assert_no_error (error);
    first = g_list_model_get_item (changes, 0);
    g_assert_cmpint (pathway_action_update_get_field (first), ==, PATHWAY_FIELD_CREATED);
  }
  g_assert_true (pathway_document_get_can_undo (fixture->document));

  /* Changed, field by field, each change a row with from and to. */
  if (c->change != NULL)
    {
      const char *fields[] = { c->change, NULL };
      const char *values[] = { c->change_to, NULL };
      g_autofree char *old = field_of (fixture->document, c->kind, uuid, c->change);
      g_autofree char *now = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      g_autoptr (GListModel) changes = NULL;
      g_autoptr (PathwayActionUpdate) last = NULL;

      g_assert_true (pathway_document_set_fields (fixture->document, record, fields, values,
                                                  "Agreed at the board", &error));
      g_assert_no_error (error);
      now = field_of (fixture->document, c->kind, uuid, c->change);
      g_assert_cmpstr (now, ==, c->change_to);
      changes = pathway_document_list_changes (fixture->document, record, &error);
      g_assert_no_error (error);
      last = g_list_model_get_item (changes, g_list_model_get_n_items (changes) - 1);
      g_assert_cmpstr (pathway_action_update_get_from_value (last), ==, old);
      g_assert_cmpstr (pathway_action_update_get_to_value (last), ==, c->change_to);
      g_assert_cmpstr (pathway_action_update_get_note (last), ==, "Agreed at the board");

      g_assert_true (pathway_document_undo (fixture->document, &error));
      g_assert_no_error (error);
      undone = field_of (fixture->document, c->kind, uuid, c->change);
      g_assert_cmpstr (undone, ==, old);
      g_assert_true (pathway_document_redo (fixture->document, &error));
      g_assert_no_error (error);
      redone = field_of (fixture->document, c->kind, uuid, c->change);
      g_assert_cmpstr (redone, ==, c->change_to);
    }

  /* Retired: gone from the list, kept in the file and the log; undo brings it back. */
  g_assert_true (pathway_document_retire (fixture->document, record, "No longer needed",
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before);
  g_assert_null (find (fixture->document, c->kind, uuid));
  g_assert_true (pathway_document_is_retired (fixture->document, record));
  /* Retired is retired: not again, and its fields are not changed. */
  g_assert_false (pathway_document_retire (fixture->document, record, NULL, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  if (c->change != NULL)
    {
      const char *fields[] = { c->change, NULL };
      const char *values[] = { c->values[0], NULL };

      g_assert_false (pathway_document_set_fields (fixture->document, record, fields, values,
                                                   NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  {
    g_autoptr (GListModel) all = pathway_document_list_records (fixture->document, kind, TRUE,
                                                                &error);
    gboolean kept = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (all, i);

        kept = kept || g_str_equal (pathway_record_get_uuid (item), uuid);
      }
    g_assert_true (kept);
  }
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before + 1);
  g_assert_true (pathway_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before);
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);

  /* The whole history survives closing and opening. */
  reopen (fixture);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before + 1);
  {
    g_autoptr (GObject) again = find (fixture->document, c->kind, uuid);
    g_autoptr (GListModel) changes = NULL;

    g_assert_nonnull (again);
    changes = pathway_document_list_changes (fixture->document, again, &error);
    g_assert_no_error (error);
    /* Created, (changed, undone, redone,) retired, back, retired, back. */
    g_assert_cmpuint (g_list_model_get_n_items (changes), >=, c->change ? 8 : 5);
    if (c->change != NULL)
      {
        g_autofree char *kept = pathway_document_dup_field_text (fixture->document, again,
                                                                 c->change);

        g_assert_cmpstr (kept, ==, c->change_to);
      }

    /* Undoing the add after a reopen is not possible (the undo history is per session), but
     * retiring is, and it survives too. */
    g_assert_true (pathway_document_retire (fixture->document, again, NULL, &error));
    g_assert_no_error (error);
  }
  reopen (fixture);
  g_assert_cmpuint (n_live (fixture->document, c->kind), ==, before);
  pathway_document_close (fixture->document);
  g_assert_cmpint (store_fixture_query_int (fixture->path, "SELECT count(*) FROM change_log"
                               " WHERE kind = ?1 AND record_id = ?2 AND field = 0",
                               c->kind, id), ==, 1);
}

/* Undoing an add retires the record; redo brings the same record back. */
static void
test_undo_add (Fixture *fixture, gconstpointer data)
{
  const char *fields[] = { "name", NULL };
  const char *values[] = { "Sam Okafor", NULL };
  g_autoptr (GObject) person = NULL;
  g_autoptr (GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);
  guint before = g_list_model_get_n_items (pathway_programme_get_people (programme));

  person = add_record (fixture->document, "person", fields, values);
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==,
                   "Add person Sam Okafor");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==,
                    before + 1);
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==,
                    before);
  g_assert_true (pathway_programme_is_retired (programme, person));
  g_assert_true (pathway_programme_find_record (programme, PATHWAY_TYPE_PERSON,
                                                pathway_record_get_id (person)) == person);
  g_assert_true (pathway_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_programme_is_retired (programme, person));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (programme)), ==,
                    before + 1);
}

/* Bad fields change nothing: unknown field, bad value, missing key, unknown link. */
static void
test_refusals (Fixture *fixture, gconstpointer data)
{
  static const struct { const char *kind; const char *fields[3]; const char *values[3]; } bad[] = {
    { "person", { "name", "shoe-size" }, { "Ann", "9" } },
    { "indicator", { "name", "unit" }, { "Furlongs", "furlongs" } },
    { "indicator", { "name", "target" }, { "Target", "sixty" } },
    { "reading", { "indicator", "value" }, { "Waiting time", "3" } },
    { "reading", { "indicator", "date", "value" }, { "No such", "2026-01-31", "3" } },
    { "workstream", { "code", "lead" }, { "Z", "Nobody Known" } },
    { "meeting", { "board", "date" }, { "Improvement Board", "2026-02-30" } },
    { "person", { "role" }, { "Head" } },
    { "workstream", { "code" }, { "B" } },
    { "board", { "name" }, { "improvement board" } },
  };
  g_autoptr (GBytes) before = NULL;

  pathway_document_close (fixture->document);
  g_clear_object (&fixture->document);
  before = store_fixture_read_programme (fixture->path);
  fixture->document = store_fixture_open (fixture->path, PATHWAY_OPEN_DEFAULT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gpointer record = NULL;

      g_assert_false (pathway_document_add_fields (fixture->document,
                                                   pathway_kind_lookup (bad[i].kind),
                                                   bad[i].fields, bad[i].values, &record,
                                                   &error));
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
      g_assert_null (record);
    }
  pathway_document_close (fixture->document);
  g_clear_object (&fixture->document);
  store_fixture_assert_programme_unchanged (fixture->path, before);
}

/* A retired person is among the people as at a day before, not after; a workstream's lead as
 * at a day is who led it then, even a person retired since. */
static void
test_as_at (Fixture *fixture, gconstpointer data)
{
  const PathwayKind *people = pathway_kind_lookup ("person");
  const char *name[] = { "name", NULL };
  const char *sam[] = { "Sam Okafor", NULL };
  const char *lead[] = { "lead", NULL };
  const char *ann[] = { "Ann Lee", NULL };
  g_autoptr (GObject) person = NULL;
  g_autoptr (GObject) workstream = NULL;
  g_autoptr (GObject) beth = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) before_added = store_fixture_date (2026, 10, 9);
  g_autoptr (GDate) while_there = store_fixture_date (2026, 10, 12);
  g_autoptr (GDate) after_retired = store_fixture_date (2026, 10, 20);

  store_fixture_set_day (fixture->document, 2026, 10, 10);
  person = add_record (fixture->document, "person", name, sam);
  store_fixture_set_day (fixture->document, 2026, 10, 15);
  g_assert_true (pathway_document_retire (fixture->document, person, "Left the council",
                                          &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GListModel) then = NULL;
      g_autoptr (GListModel) earlier = NULL;
      g_autoptr (GListModel) later = NULL;
      gboolean found_then = FALSE, found_earlier = FALSE, found_later = FALSE;
      gint64 id = pathway_record_get_id (person);

      then = pathway_document_list_as_at (fixture->document, people, while_there, &error);
      g_assert_no_error (error);
      earlier = pathway_document_list_as_at (fixture->document, people, before_added, &error);
      g_assert_no_error (error);
      later = pathway_document_list_as_at (fixture->document, people, after_retired, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (then); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (then, i);

          found_then = found_then || pathway_record_get_id (item) == id;
        }
      for (guint i = 0; i < g_list_model_get_n_items (earlier); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (earlier, i);

          found_earlier = found_earlier || pathway_record_get_id (item) == id;
        }
      for (guint i = 0; i < g_list_model_get_n_items (later); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (later, i);

          found_later = found_later || pathway_record_get_id (item) == id;
        }
      g_assert_true (found_then);
      g_assert_false (found_earlier);
      g_assert_false (found_later);
      /* The two people of the base programme were there before the retired one came. */
      g_assert_cmpuint (g_list_model_get_n_items (earlier), ==, 2);
      g_assert_cmpuint (g_list_model_get_n_items (later), ==, 2);

      if (round == 0)
        {
          reopen (fixture);
          g_clear_object (&person);
          person = g_object_ref (pathway_programme_find_record (
            pathway_document_get_programme (fixture->document), PATHWAY_TYPE_PERSON, id));
        }
    }

  /* The lead of workstream B was Beth Kowalski from 1 October, Ann Lee from 15 October; Beth
   * is then retired. */
  workstream = pathway_document_find_record (fixture->document,
                                             pathway_kind_lookup ("workstream"), "B", &error);
  g_assert_no_error (error);
  store_fixture_set_day (fixture->document, 2026, 10, 15);
  g_assert_true (pathway_document_set_fields (fixture->document, workstream, lead, ann, NULL,
                                              &error));
  g_assert_no_error (error);
  beth = pathway_document_find_record (fixture->document, people, "Beth Kowalski", &error);
  g_assert_no_error (error);
  store_fixture_set_day (fixture->document, 2026, 10, 18);
  g_assert_true (pathway_document_retire (fixture->document, beth, NULL, &error));
  g_assert_no_error (error);
  reopen (fixture);
  g_clear_object (&workstream);
  workstream = pathway_document_find_record (fixture->document,
                                             pathway_kind_lookup ("workstream"), "B", &error);
  g_assert_no_error (error);
  {
    g_auto (GValue) then = G_VALUE_INIT;
    g_auto (GValue) now = G_VALUE_INIT;
    PathwayPerson *lead_then;

    g_value_init (&then, PATHWAY_TYPE_PERSON);
    g_value_init (&now, PATHWAY_TYPE_PERSON);
    g_assert_true (pathway_document_get_value_as_at (fixture->document, workstream, "lead",
                                                     while_there, &then, &error));
    g_assert_no_error (error);
    lead_then = g_value_get_object (&then);
    g_assert_nonnull (lead_then);
    g_assert_cmpstr (pathway_person_get_name (lead_then), ==, "Beth Kowalski");
    g_assert_true (pathway_programme_is_retired (pathway_document_get_programme (fixture->document),
                                                lead_then));
    g_assert_true (pathway_document_get_value_as_at (fixture->document, workstream, "lead",
                                                     after_retired, &now, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pathway_person_get_name (g_value_get_object (&now)), ==, "Ann Lee");
  }
}

/* A change refused after its values were read (a fixed original timescale) writes nothing and
 * leaves the undo history and the programme as they were. */
static void
test_refused_change_keeps_undo (Fixture *fixture, gconstpointer data)
{
  const char *fields[] = { "description", "original", NULL };
  const char *values[] = { "Changed", "June 2030", NULL };
  PathwayProgramme *before = pathway_document_get_programme (fixture->document);
  g_autoptr (GObject) action = NULL;
  g_autoptr (GError) error = NULL;

  action = pathway_document_find_record (fixture->document, pathway_kind_lookup ("action"),
                                         "1B i", &error);
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_can_undo (fixture->document));
  g_assert_false (pathway_document_set_fields (fixture->document, action, fields, values, NULL,
                                               &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
  g_assert_true (pathway_document_get_can_undo (fixture->document));
  g_assert_true (pathway_document_get_programme (fixture->document) == before);
  g_assert_cmpstr (pathway_action_get_description (PATHWAY_ACTION (action)), ==, "");
}

/* What a retired record held is kept when the file is opened again: a deleted action's
 * revised timescale, a retired board's meetings. */
static void
test_retired_kept_on_reopen (Fixture *fixture, gconstpointer data)
{
  const char *revision_fields[] = { "action", "timescale", "reason", NULL };
  const char *revision_values[] = { "1B i", "June 2027", "Recruitment", NULL };
  const char *meeting_fields[] = { "board", "date", NULL };
  const char *meeting_values[] = { "Improvement Board", "2026-01-20", NULL };
  g_autoptr (GObject) revision = NULL;
  g_autoptr (GObject) meeting = NULL;
  g_autoptr (GObject) action = NULL;
  g_autoptr (GObject) board = NULL;
  g_autoptr (GError) error = NULL;
  PathwayProgramme *programme;
  PathwayAction *kept;
  gint64 action_id, meeting_id;

  revision = add_record (fixture->document, "revision", revision_fields, revision_values);
  meeting = add_record (fixture->document, "meeting", meeting_fields, meeting_values);
  meeting_id = pathway_record_get_id (meeting);
  action = pathway_document_find_record (fixture->document, pathway_kind_lookup ("action"),
                                         "1B i", &error);
  g_assert_no_error (error);
  action_id = pathway_record_get_id (action);
  board = pathway_document_find_record (fixture->document, pathway_kind_lookup ("board"),
                                        "Improvement Board", &error);
  g_assert_no_error (error);
  g_assert_true (pathway_document_retire (fixture->document, action, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_retire (fixture->document, board, NULL, &error));
  g_assert_no_error (error);

  reopen (fixture);
  programme = pathway_document_get_programme (fixture->document);
  kept = pathway_programme_find_record (programme, PATHWAY_TYPE_ACTION, action_id);
  g_assert_nonnull (kept);
  g_assert_true (pathway_programme_is_retired (programme, kept));
  g_assert_cmpstr (pathway_action_get_revised_timescale (kept)->text, ==, "June 2027");
  g_assert_nonnull (pathway_programme_find_record (programme, PATHWAY_TYPE_MEETING,
                                                   meeting_id));
}

/* A risk's links must name actions; where it stood on a day is read from the log, so the board
 * pack as at last meeting shows its score then. */
static void
test_risk_links_and_as_at (Fixture *fixture, gconstpointer data)
{
  const char *fields[] = { "reference", "title", "actions", "likelihood", "impact", NULL };
  const char *bad[] = { "R9", "Untested", "1B i, 9Z ix", "2", "2", NULL };
  const char *good[] = { "R9", "Untested", "1b I", "2", "2", NULL };
  const char *raise[] = { "likelihood", "status", NULL };
  const char *raised[] = { "5", "escalated", NULL };
  g_autoptr (GObject) risk = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) day = NULL;
  g_auto (GValue) then = G_VALUE_INIT;
  gpointer record = NULL;

  g_assert_false (pathway_document_add_fields (fixture->document, pathway_kind_lookup ("risk"),
                                               fields, bad, &record, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "actions"));
  g_assert_nonnull (strstr (error->message, "9Z ix"));
  g_clear_error (&error);
  g_assert_cmpuint (n_live (fixture->document, "risk"), ==, 0);

  store_fixture_set_day (fixture->document, 2026, 10, 2);
  risk = add_record (fixture->document, "risk", fields, good);
  g_assert_cmpstr (pathway_risk_get_actions (PATHWAY_RISK (risk)), ==, "1B i");
  store_fixture_set_day (fixture->document, 2026, 11, 20);
  g_assert_true (pathway_document_set_fields (fixture->document, risk, raise, raised, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_risk_get_score (PATHWAY_RISK (risk)), ==, 10);
  g_assert_cmpint (pathway_risk_get_status (PATHWAY_RISK (risk)), ==,
                   PATHWAY_RISK_STATUS_ESCALATED);

  day = g_date_new_dmy (1, 11, 2026);
  g_value_init (&then, G_TYPE_INT);
  g_assert_true (pathway_document_get_value_as_at (fixture->document, risk, "likelihood", day,
                                                   &then, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&then), ==, 2);
  g_value_unset (&then);
  g_value_init (&then, PATHWAY_TYPE_RISK_STATUS);
  g_assert_true (pathway_document_get_value_as_at (fixture->document, risk, "status", day,
                                                   &then, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_enum (&then), ==, PATHWAY_RISK_STATUS_OPEN);

  /* Undo takes both fields back as one step. */
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_risk_get_score (PATHWAY_RISK (risk)), ==, 4);
  g_assert_cmpint (pathway_risk_get_status (PATHWAY_RISK (risk)), ==, PATHWAY_RISK_STATUS_OPEN);
}

/* A person in use cannot be retired: the refusal names the uses. Reassigning moves them and
 * merging a duplicate moves them and retires it; each is one undo step. */
static void
test_uses (Fixture *fixture, gconstpointer data)
{
  const PathwayKind *people = pathway_kind_lookup ("person");
  const char *person_fields[] = { "name", NULL };
  const char *duplicate_name[] = { "B Kowalski", NULL };
  const char *lead_fields[] = { "lead", NULL };
  g_autoptr (GObject) beth = NULL;
  g_autoptr (GObject) ann = NULL;
  g_autoptr (GObject) duplicate = NULL;
  g_autoptr (GObject) workstream = NULL;
  g_autoptr (GObject) action = NULL;
  g_autoptr (GPtrArray) uses = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *where = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);

  beth = pathway_document_find_record (fixture->document, people, "Beth Kowalski", &error);
  g_assert_no_error (error);
  ann = pathway_document_find_record (fixture->document, people, "Ann Lee", &error);
  g_assert_no_error (error);
  workstream = pathway_document_find_record (fixture->document,
                                             pathway_kind_lookup ("workstream"), "B", &error);
  g_assert_no_error (error);
  action = pathway_document_find_record (fixture->document, pathway_kind_lookup ("action"),
                                         "1B i", &error);
  g_assert_no_error (error);

  uses = pathway_document_list_uses (fixture->document, beth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 1);
  where = pathway_document_describe_uses (fixture->document, uses);
  g_assert_cmpstr (where, ==, "lead of workstream B");
  {
    g_autoptr (GPtrArray) ann_uses = NULL;
    g_autofree char *ann_where = NULL;

    g_assert_true (pathway_document_add_member (fixture->document,
                                                PATHWAY_WORKSTREAM (workstream),
                                                PATHWAY_PERSON (ann), "Member", &error));
    g_assert_no_error (error);
    ann_uses = pathway_document_list_uses (fixture->document, ann, &error);
    g_assert_no_error (error);
    ann_where = pathway_document_describe_uses (fixture->document, ann_uses);
    g_assert_cmpstr (ann_where, ==, "member of workstream B; chair of board Improvement Board");
    g_assert_true (pathway_document_undo (fixture->document, &error));
    g_assert_no_error (error);
  }
  g_assert_false (pathway_document_retire (fixture->document, beth, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "lead of workstream B"));
  g_clear_error (&error);
  g_assert_false (pathway_programme_is_retired (programme, beth));

  g_assert_true (pathway_document_reassign (fixture->document, beth, ann, "Beth has left",
                                            &error));
  g_assert_no_error (error);
  g_assert_true (pathway_workstream_get_lead (PATHWAY_WORKSTREAM (workstream)) ==
                 PATHWAY_PERSON (ann));
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_workstream_get_lead (PATHWAY_WORKSTREAM (workstream)) ==
                 PATHWAY_PERSON (beth));

  /* An import made a second Beth, who leads an action: merged, the action is Beth's. */
  duplicate = add_record (fixture->document, "person", person_fields, duplicate_name);
  {
    const char *value[] = { "B Kowalski", NULL };

    g_assert_true (pathway_document_set_fields (fixture->document, action, lead_fields, value,
                                                NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pathway_document_merge (fixture->document, duplicate, beth, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_action_get_lead (PATHWAY_ACTION (action)) == PATHWAY_PERSON (beth));
  g_assert_true (pathway_programme_is_retired (programme, duplicate));
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==,
                   "Merge B Kowalski into Beth Kowalski");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_programme_is_retired (programme, duplicate));
  g_assert_true (pathway_action_get_lead (PATHWAY_ACTION (action)) ==
                 PATHWAY_PERSON (duplicate));
  g_assert_true (pathway_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_action_get_lead (PATHWAY_ACTION (action)) == PATHWAY_PERSON (beth));
}

/* A batch inside a batch is part of it: rolled back alone, committed with it, undone with it
 * in one step. */
static void
test_nested_batch (Fixture *fixture, gconstpointer data)
{
  const char *person[] = { "name", NULL };
  const char *sam[] = { "Sam Okafor", NULL };
  const char *area[] = { "number", NULL };
  const char *nine[] = { "WSOA 9", NULL };
  g_autoptr (GObject) added = NULL;
  g_autoptr (GObject) dropped = NULL;
  g_autoptr (GError) error = NULL;
  guint people = n_live (fixture->document, "person");
  guint areas = n_live (fixture->document, "area");

  g_assert_true (pathway_document_begin_batch (fixture->document, "Outer", &error));
  g_assert_no_error (error);
  added = add_record (fixture->document, "person", person, sam);
  g_assert_true (pathway_document_begin_batch (fixture->document, "Inner", &error));
  g_assert_no_error (error);
  dropped = add_record (fixture->document, "area", area, nine);
  pathway_document_rollback_batch (fixture->document);
  g_assert_cmpuint (n_live (fixture->document, "area"), ==, areas);
  g_assert_cmpint (pathway_record_get_id (dropped), ==, 0);
  g_assert_true (pathway_document_commit_batch (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_live (fixture->document, "person"), ==, people + 1);
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==, "Outer");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_live (fixture->document, "person"), ==, people);
  reopen (fixture);
  g_assert_cmpuint (n_live (fixture->document, "person"), ==, people);
  g_assert_cmpuint (n_live (fixture->document, "area"), ==, areas);
}

/* A return form says who it went to, which is history, not a use: the person can still be
 * retired (and merged or reassigned away from) while the form keeps naming them. */
static void
test_return_form_lead_is_not_a_use (Fixture *fixture, gconstpointer data)
{
  const char *person[] = { "name", NULL };
  const char *sam[] = { "Sam Okafor", NULL };
  const char *form_fields[] = { "lead", "sent", NULL };
  const char *form_values[] = { "Sam Okafor", "2026-12-07", NULL };
  g_autoptr (GObject) lead = add_record (fixture->document, "person", person, sam);
  g_autoptr (GObject) form = add_record (fixture->document, "return-form", form_fields,
                                         form_values);
  g_autoptr (GPtrArray) uses = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = g_strdup (pathway_record_get_uuid (form));
  g_autofree char *named = NULL;

  uses = pathway_document_list_uses (fixture->document, lead, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 0);
  g_assert_true (pathway_document_retire (fixture->document, lead, "Left", &error));
  g_assert_no_error (error);
  reopen (fixture);
  named = field_of (fixture->document, "return-form", uuid, "lead");
  g_assert_cmpstr (named, ==, "Sam Okafor");
}

int
main (int argc, char *argv[])
{
  if (store_fixture_server_missing ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/kinds/%s", cases[i].kind);

      g_test_add (name, Fixture, &cases[i], fixture_set_up, test_kind, fixture_tear_down);
    }
  g_test_add ("/kinds/undo-add", Fixture, NULL, fixture_set_up, test_undo_add,
              fixture_tear_down);
  g_test_add ("/kinds/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/kinds/as-at", Fixture, NULL, fixture_set_up, test_as_at, fixture_tear_down);
  g_test_add ("/kinds/nested-batch", Fixture, NULL, fixture_set_up, test_nested_batch,
              fixture_tear_down);
  g_test_add ("/kinds/risk-links-and-as-at", Fixture, NULL, fixture_set_up,
              test_risk_links_and_as_at, fixture_tear_down);
  g_test_add ("/kinds/uses", Fixture, NULL, fixture_set_up, test_uses, fixture_tear_down);
  g_test_add ("/kinds/refused-change-keeps-undo", Fixture, NULL, fixture_set_up,
              test_refused_change_keeps_undo, fixture_tear_down);
  g_test_add ("/kinds/retired-kept-on-reopen", Fixture, NULL, fixture_set_up,
              test_retired_kept_on_reopen, fixture_tear_down);
  g_test_add ("/kinds/return-form-lead-is-not-a-use", Fixture, NULL, fixture_set_up,
              test_return_form_lead_is_not_a_use, fixture_tear_down);
  return g_test_run ();
}
