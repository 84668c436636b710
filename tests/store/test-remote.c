/* test-remote.c: a programme kept on a real PostgreSQL server (PATHWAY_TEST_PG, started by
 * build-aux/test): set up, uploaded, opened by two clients as different people; a change in
 * one reaches the other's model; a change over a value someone else changed is refused naming
 * them; undo takes back only one's own; the server writes the log itself and refuses or logs
 * writes made outside its functions; a snapshot is a read-only file. */
#include <math.h>

#include <glib/gstdio.h>

#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-remote.h"
#include "pg-test-util.h"
#include "store-fixture.h"

typedef struct {
  char *db;    /* the database, as the superuser (its owner) */
  char *beth;  /* signed in as beth, who is "Beth Kowalski" */
  char *omar;  /* signed in as omar, who is "Omar Haddad" */
  char *dir;
} Server;

static void
server_set_up (Server *server, gboolean demo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();

  server->db = pathway_test_pg_new_database ();
  server->beth = pathway_test_pg_add_role (base, "beth", server->db);
  server->omar = pathway_test_pg_add_role (base, "omar", server->db);
  server->dir = g_dir_make_tmp ("pathway-remote-XXXXXX", &error);
  g_assert_no_error (error);
  if (demo)
    {
      g_autofree char *path = g_build_filename (server->dir, "demo.pathway", NULL);

      g_assert_true (pathway_demo_write (path, &error));
      g_assert_no_error (error);
      gboolean ok = pathway_server_upload (path, server->db, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      gboolean ok = pathway_server_init (server->db, NULL, "Test area", &error);

      g_assert_no_error (error);
      g_assert_true (ok);
    }
  /* Both may change everything (who may change what: test-access.c). */
  g_assert_true (pathway_server_add_user (server->db, NULL, "beth", "Beth Kowalski",
                                          PATHWAY_ACCESS_MANAGER, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_server_add_user (server->db, NULL, "omar", "Omar Haddad",
                                          PATHWAY_ACCESS_MANAGER, NULL, &error));
  g_assert_no_error (error);
}

static void
server_tear_down (Server *server)
{
  g_autoptr (GDir) dir = g_dir_open (server->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (server->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (server->dir);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->beth);
  g_free (server->omar);
}

static PathwayDocument *
open_as (const char *uri)
{
  g_autoptr (GError) error = NULL;
  PathwayDocument *document = pathway_document_open (uri, PATHWAY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (pathway_document_get_remote (document));
  return document;
}

static PathwayAction *
find_action (PathwayDocument *document, const char *reference)
{
  PathwayAction *action = pathway_programme_find_action_by_reference (
    pathway_document_get_programme (document), reference);

  g_assert_nonnull (action);
  return action;
}

typedef struct {
  char *author;
  char *summary;
  guint count;
} Heard;

static void
on_remote_change (PathwayDocument *document, const char *author, const char *summary,
                  guint n_changes, Heard *heard)
{
  g_free (heard->author);
  g_free (heard->summary);
  heard->author = g_strdup (author);
  heard->summary = g_strdup (summary);
  heard->count++;
}

static void
test_empty_programme (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) again = NULL;
  g_autoptr (PathwayPerson) draft = pathway_person_new ();
  g_autofree char *author = NULL;

  server_set_up (&server, FALSE);
  /* init twice changes nothing. */
  g_assert_true (pathway_server_init (server.db, NULL, "Another name", &error));
  g_assert_no_error (error);

  beth = open_as (server.beth);
  g_assert_cmpstr (pathway_programme_get_name (pathway_document_get_programme (beth)), ==,
                   "Test area");
  g_assert_cmpstr (pathway_document_get_author (beth), ==, "Beth Kowalski");
  pathway_person_set_name (draft, "Sam O'Neill");
  g_assert_true (pathway_document_add_person (beth, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_person_get_id (draft), >, 0);

  /* The server has the record and its log row, written as the signed-in person. */
  author = pathway_test_pg_query_text (server.db,
                                       "SELECT author FROM change_log WHERE kind = 'person'"
                                       " AND field = 0 ORDER BY commit_seq DESC LIMIT 1");
  g_assert_cmpstr (author, ==, "Beth Kowalski");
  again = open_as (server.omar);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (
                      pathway_document_get_programme (again))), ==, 3);
  server_tear_down (&server);
}

static void
test_change_reaches_other (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  PathwayAction *in_beth, *in_omar;
  PathwayRating was;
  Heard heard = { 0 };
  guint applied = 0;
  g_autoptr (PathwayPerson) draft = pathway_person_new ();

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  g_signal_connect (omar, "remote-change", G_CALLBACK (on_remote_change), &heard);
  in_beth = find_action (beth, "2A v");
  in_omar = find_action (omar, "2A v");
  was = pathway_action_get_rating (in_beth);

  g_assert_true (pathway_document_set_rating (beth, in_beth,
                                              was == PATHWAY_RATING_RED ? PATHWAY_RATING_GREEN
                                                                        : PATHWAY_RATING_RED,
                                              "Reviewed at the board", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (in_omar), ==, was);
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 1);
  /* The same object, changed in place. */
  g_assert_true (in_omar == find_action (omar, "2A v"));
  g_assert_cmpint (pathway_action_get_rating (in_omar), ==, pathway_action_get_rating (in_beth));
  g_assert_cmpuint (heard.count, ==, 1);
  g_assert_cmpstr (heard.author, ==, "Beth Kowalski");
  g_assert_cmpstr (heard.summary, ==, "re-rated 2A v");

  /* A new record joins the other's lists. */
  pathway_person_set_name (draft, "Priya Shah");
  g_assert_true (pathway_document_add_person (beth, draft, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_nonnull (pathway_programme_find_record (pathway_document_get_programme (omar),
                                                   PATHWAY_TYPE_PERSON,
                                                   pathway_person_get_id (draft)));
  g_assert_cmpstr (heard.summary, ==, "added Priya Shah");
  /* Nothing new: nothing applied, nothing heard. */
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_cmpuint (applied, ==, 0);
  g_assert_cmpuint (heard.count, ==, 2);
  g_free (heard.author);
  g_free (heard.summary);
  server_tear_down (&server);
}

static void
test_conflict_refused (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  PathwayAction *in_beth, *in_omar;
  g_autofree char *commentary = NULL;
  g_auto (GValue) shown = G_VALUE_INIT;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  in_beth = find_action (beth, "1A i");
  in_omar = find_action (omar, "1A i");

  g_assert_true (pathway_document_set_commentary (beth, in_beth, "S<OT & \"SALT\" agreed",
                                                  &error));
  g_assert_no_error (error);
  /* Omar has not seen it: the server refuses his change over it, naming Beth. */
  g_assert_false (pathway_document_set_commentary (omar, in_omar, "Omar's words", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beth Kowalski"));
  g_assert_nonnull (strstr (error->message, "1A i"));
  g_assert_nonnull (strstr (error->message, "S<OT & \"SALT\" agreed"));
  g_clear_error (&error);
  commentary = pathway_test_pg_query_text (server.db,
                                           "SELECT commentary FROM action WHERE reference = '1A i'");
  g_assert_cmpstr (commentary, ==, "S<OT & \"SALT\" agreed");

  /* Caught up, his copy shows hers; a form that showed the old text is told so. */
  g_assert_true (pathway_document_catch_up (omar, NULL, &error));
  g_assert_cmpstr (pathway_action_get_commentary (in_omar), ==, "S<OT & \"SALT\" agreed");
  g_value_init (&shown, G_TYPE_STRING);
  g_value_set_string (&shown, "what the form showed");
  g_assert_false (pathway_document_check_unchanged (omar, in_omar, "commentary", &shown, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beth Kowalski"));
  g_clear_error (&error);

  /* Undo takes back only what is still as one left it. */
  g_assert_true (pathway_document_set_commentary (omar, in_omar, "Omar's words", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_catch_up (beth, NULL, &error));
  g_assert_cmpstr (pathway_action_get_commentary (in_beth), ==, "Omar's words");
  g_assert_false (pathway_document_undo (beth, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Omar Haddad"));
  g_clear_error (&error);
  g_assert_true (pathway_document_undo (omar, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_action_get_commentary (in_omar), ==, "S<OT & \"SALT\" agreed");
  server_tear_down (&server);
}

static void
test_log_not_bypassed (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *logged = NULL;
  g_autofree char *forged = NULL;
  guint applied = 0;
  gint64 seen_at_open;

  server_set_up (&server, TRUE);
  omar = open_as (server.omar);
  seen_at_open = pathway_document_get_commit_seen (omar);

  /* A role that signs in cannot write a table with plain SQL. */
  g_assert_false (pathway_test_pg_exec (server.beth,
                                        "UPDATE action SET rating = 'blue'"
                                        " WHERE reference = '1A i'", &error));
  g_assert_nonnull (strstr (error->message, "42501"));
  g_clear_error (&error);
  g_assert_false (pathway_test_pg_exec (server.beth,
                                        "INSERT INTO change_log (id, kind, record_id, at,"
                                        " author, field) VALUES (99, 'action', 1, 0, 'x', 1)",
                                        &error));
  g_clear_error (&error);

  /* Through the function, a change needs its log row, whose author the server writes. */
  g_assert_false (pathway_test_pg_exec (server.beth,
                                        "SELECT pathway_apply ('[{\"t\":\"action\",\"o\":\"U\","
                                        "\"k\":{\"id\":1},\"d\":{},\"n\":{\"rating\":\"blue\"}}]',"
                                        " 0)", &error));
  g_assert_nonnull (strstr (error->message, "PW403"));
  g_clear_error (&error);
  g_assert_true (pathway_test_pg_exec (server.beth,
                                       "SELECT pathway_apply ('[{\"t\":\"change_log\",\"o\":\"I\","
                                       "\"k\":{\"id\":987654321},\"n\":{\"id\":987654321,\"kind\":\"action\","
                                       "\"record_id\":1,\"at\":0,\"author\":\"Omar Haddad\","
                                       "\"field\":7,\"property\":\"note\",\"to_value\":\"hi\","
                                       "\"note\":\"\"}}]', 0)", &error));
  g_assert_no_error (error);
  forged = pathway_test_pg_query_text (server.db, "SELECT author FROM change_log WHERE id = 987654321");
  g_assert_cmpstr (forged, ==, "Beth Kowalski");

  /* The owner's plain SQL is logged and reaches the clients. */
  g_assert_true (pathway_test_pg_exec (server.db,
                                       "UPDATE action SET rating = 'blue'"
                                       " WHERE reference = '1A i'", &error));
  g_assert_no_error (error);
  logged = pathway_test_pg_query_text (server.db,
                                       "SELECT note || ': ' || property || ' ' || to_value"
                                       " FROM change_log WHERE property = 'rating'"
                                       " ORDER BY commit_seq DESC LIMIT 1");
  g_assert_cmpstr (logged, ==, "Changed outside Pathway: rating blue");
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 2);
  g_assert_cmpint (pathway_action_get_rating (find_action (omar, "1A i")), ==,
                   PATHWAY_RATING_BLUE);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pathway_commit WHERE seq > %"
                                            G_GINT64_FORMAT, seen_at_open);

    rating = pathway_test_pg_query_text (server.db, sql);
    g_assert_cmpstr (rating, ==, "2");
  }
  server_tear_down (&server);
}

static void
test_snapshot_and_refusals (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) copy = NULL;
  g_autoptr (PathwayDocument) live = NULL;
  g_autofree char *path = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *other = pathway_test_pg_new_database ();
  g_autofree char *empty = pathway_test_pg_new_database ();

  server_set_up (&server, TRUE);
  live = open_as (server.beth);
  path = g_build_filename (server.dir, "copy.pathway", NULL);
  g_assert_true (pathway_server_snapshot (server.beth, NULL, path, &error));
  g_assert_no_error (error);
  copy = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_read_only (copy));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (copy))), ==,
                    g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (live))));
  /* Never over a file. */
  g_assert_false (pathway_server_snapshot (server.beth, NULL, path, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS);
  g_clear_error (&error);

  /* A database of something else is neither set up nor opened. */
  g_assert_true (pathway_test_pg_exec (other, "CREATE TABLE invoices (n int)", &error));
  g_assert_false (pathway_server_init (other, NULL, "x", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME);
  g_clear_error (&error);
  g_assert_null (pathway_document_open (other, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME);
  g_clear_error (&error);
  g_assert_null (pathway_document_open (empty, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME);
  g_clear_error (&error);
  /* An upload into a programme that has changed is refused. */
  g_assert_true (pathway_document_set_commentary (live, find_action (live, "1A i"), "x",
                                                  &error));
  demo = g_build_filename (server.dir, "demo.pathway", NULL);
  g_assert_false (pathway_server_upload (demo, server.db, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS);
  g_clear_error (&error);
  /* No server there: a clear message, at once. */
  g_assert_null (pathway_document_open ("postgresql:///nothing?host=/nonexistent",
                                        PATHWAY_OPEN_DEFAULT, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE);
  g_clear_error (&error);
  server_tear_down (&server);
}


/* Both clients hold what the server holds, row for row and record for record, once the other
 * has caught up. */
static void
assert_both_match (Server *server, PathwayDocument *writer, PathwayDocument *other,
                   const char *step)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *writer_step = g_strdup_printf ("%s, the writer", step);
  g_autofree char *other_step = g_strdup_printf ("%s, the other client", step);

  g_assert_true (pathway_document_catch_up (other, NULL, &error));
  g_assert_no_error (error);
  store_fixture_assert_matches_server (writer_step, writer, server->db);
  store_fixture_assert_matches_server (other_step, other, server->db);
}

static gpointer
add_fields (PathwayDocument *document, const char *kind, const char *const *fields,
            const char *const *values)
{
  g_autoptr (GError) error = NULL;
  gpointer record = NULL;

  if (!pathway_document_add_fields (document, pathway_kind_lookup (kind), fields, values,
                                    &record, &error))
    g_error ("adding a %s: %s", kind, error->message);
  return record;
}

static void
test_batches_and_undo_reach_both (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (GObject) temp = NULL;
  g_autoptr (GObject) kept = NULL;
  g_autoptr (GObject) dropped = NULL;
  g_autoptr (PathwayWorkstream) workstream = pathway_workstream_new ();
  PathwayProgramme *programme;
  PathwayAreaOfWeakness *area;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  programme = pathway_document_get_programme (beth);
  {
    g_autoptr (GObject) first = g_list_model_get_item (pathway_programme_get_areas (programme),
                                                       0);

    area = PATHWAY_AREA_OF_WEAKNESS (first);
  }

  /* Added and retired in one batch; a nested batch rolled back; a workstream added, linked
   * and unlinked and linked again. */
  g_assert_true (pathway_document_begin_batch (beth, "Tidy up", &error));
  g_assert_no_error (error);
  temp = add_fields (beth, "person", (const char *[]) { "name", NULL },
                     (const char *[]) { "Temporary Person", NULL });
  g_assert_true (pathway_document_retire (beth, temp, "Added in error", &error));
  g_assert_no_error (error);
  kept = add_fields (beth, "person", (const char *[]) { "name", "role", NULL },
                     (const char *[]) { "Kept Person", "Chair", NULL });
  g_assert_true (pathway_document_begin_batch (beth, "Inner", &error));
  dropped = add_fields (beth, "person", (const char *[]) { "name", NULL },
                        (const char *[]) { "Dropped Person", NULL });
  pathway_document_rollback_batch (beth);
  pathway_workstream_set_code (workstream, "Z");
  pathway_workstream_set_title (workstream, "Joint commissioning");
  g_assert_true (pathway_document_add_workstream (beth, workstream, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_link_area (beth, workstream, area, &error));
  g_assert_true (pathway_document_unlink_area (beth, workstream, area, &error));
  g_assert_true (pathway_document_link_area (beth, workstream, area, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_commit_batch (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a batch");

  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "the batch undone");
  g_assert_true (pathway_document_redo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "the batch redone");

  /* An add undone and redone alone; a link undone. */
  {
    g_autoptr (GObject) board = add_fields (beth, "board", (const char *[]) { "name", NULL },
                                            (const char *[]) { "Health Board", NULL });

    g_assert_true (pathway_document_undo (beth, &error));
    assert_both_match (&server, beth, omar, "an add undone");
    g_assert_true (pathway_document_redo (beth, &error));
    g_assert_no_error (error);
    assert_both_match (&server, beth, omar, "an add redone");
  }
  g_assert_true (pathway_document_unlink_area (beth, workstream, area, &error));
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "an unlink undone");
  server_tear_down (&server);
}

static void
test_backdated_changes_reach_both (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_months (now, -2);
  g_autoptr (GDateTime) earlier = g_date_time_add_months (now, -3);
  g_autoptr (GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (then),
                                          g_date_time_get_month (then),
                                          g_date_time_get_year (then));
  g_autoptr (GDate) day_before = g_date_new_dmy (g_date_time_get_day_of_month (earlier),
                                                 g_date_time_get_month (earlier),
                                                 g_date_time_get_year (earlier));
  g_autoptr (PathwayAction) draft = pathway_action_new ();
  PathwayAction *action;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  action = find_action (beth, "1A i");

  /* A change dated in the past joins the history between the changes since; undo takes its
   * log row out again. */
  g_assert_true (pathway_document_begin_batch (beth, "Import", &error));
  g_assert_true (pathway_document_set_as_at (beth, day, &error));
  g_assert_true (pathway_document_set_rating (beth, action, PATHWAY_RATING_RED, "Then", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (beth, action, "Back then", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_commit_batch (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a backdated change");
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a backdated change undone");
  g_assert_true (pathway_document_redo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a backdated change redone");

  /* Dated before Omar's later change, the change joins the history under his (whose row now
   * says what it changed from) and leaves the value his; undone, his row says so again. */
  g_assert_true (pathway_document_catch_up (omar, NULL, &error));
  g_assert_true (pathway_document_set_status (omar, find_action (omar, "1A i"),
                                              PATHWAY_STATUS_DELAYED, "Now", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_catch_up (beth, NULL, &error));
  g_assert_true (pathway_document_begin_batch (beth, "Import", &error));
  g_assert_true (pathway_document_set_as_at (beth, day_before, &error));
  g_assert_true (pathway_document_set_status (beth, action, PATHWAY_STATUS_ON_TRACK, "Then",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_commit_batch (beth, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_DELAYED);
  assert_both_match (&server, beth, omar, "a change dated under another's");
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a change dated under another's, undone");

  /* A record added as at a day moves its creation back, and is retired from then on undo. */
  pathway_action_set_reference (draft, "9Z");
  pathway_action_set_description (draft, "Added from an old tracker");
  g_assert_true (pathway_document_begin_batch (beth, "Import", &error));
  g_assert_true (pathway_document_set_as_at (beth, day_before, &error));
  g_assert_true (pathway_document_add_action (beth, draft, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_as_at (beth, day, &error));
  g_assert_true (pathway_document_set_rating (beth, draft, PATHWAY_RATING_AMBER, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_commit_batch (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a record added as at a day");
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a record added as at a day, undone");
  server_tear_down (&server);
}

static void
test_values_reach_both (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (GObject) indicator = NULL;
  g_autoptr (GObject) reading = NULL;
  PathwayProgramme *programme;
  PathwayAction *action;
  static const char awkward[] = "It's \"done\" \\ back\\slash\nnew line\ttab \x7f £ € 🎉";
  static const char invalid[] = "Caf\xe9 au lait \xff\xfe end";

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  programme = pathway_document_get_programme (beth);
  action = find_action (beth, "1A i");

  /* The programme's row, the rating scheme (keyed by text) and user text of every sort. */
  g_assert_true (pathway_document_set_text (beth, programme, "name", "Northbridge \"SEND\"",
                                            &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (beth, pathway_programme_get_rating_scheme (programme),
                                            "amber-definition", awkward, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (beth, action, awkward, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (beth, action, PATHWAY_RATING_AMBER, awkward,
                                              &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "text");
  g_assert_cmpstr (pathway_action_get_commentary (find_action (omar, "1A i")), ==, awkward);
  g_assert_cmpstr (pathway_rating_scheme_get_definition (
                     pathway_programme_get_rating_scheme (pathway_document_get_programme (omar)),
                     PATHWAY_RATING_AMBER), ==, awkward);

  /* Invalid UTF-8 is repaired or refused as in a file, never half-saved. */
  if (pathway_document_set_commentary (beth, action, invalid, &error))
    g_assert_true (g_utf8_validate (pathway_action_get_commentary (action), -1, NULL));
  g_clear_error (&error);
  if (pathway_document_set_rating (beth, action, PATHWAY_RATING_RED, invalid, &error))
    g_assert_no_error (error);
  g_clear_error (&error);
  assert_both_match (&server, beth, omar, "invalid UTF-8");

  /* Numbers: none given (NaN), fractions, very large and very small; dates. */
  indicator = add_fields (beth, "indicator",
                          (const char *[]) { "name", "unit", "better", "baseline", "target",
                                             "target-date", NULL },
                          (const char *[]) { "Plans on time", "percent", "higher", "0.1", "1e300",
                                             "2027-03-31", NULL });
  reading = add_fields (beth, "reading",
                        (const char *[]) { "indicator", "date", "value", "note", NULL },
                        (const char *[]) { "Plans on time", "2026-01-31", "0.30000000000000004",
                                           awkward, NULL });
  g_clear_object (&reading);
  reading = add_fields (beth, "reading",
                        (const char *[]) { "indicator", "date", "value", NULL },
                        (const char *[]) { "Plans on time", "2026-02-28", "-2.5e-300", NULL });
  g_assert_true (pathway_document_set_fields (beth, indicator, (const char *[]) { "target", NULL },
                                              (const char *[]) { "", NULL }, NULL, &error));
  g_assert_no_error (error);
  /* Numbers JSON cannot carry are kept by neither store, or by both. */
  for (guint i = 0; i < 3; i++)
    {
      const char *odd[] = { "1e999", "nan", "-inf" };

      if (!pathway_document_set_fields (beth, indicator, (const char *[]) { "baseline", NULL },
                                        (const char *[]) { odd[i], NULL }, NULL, &error))
        g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
      else
        g_test_message ("%s accepted", odd[i]);
      g_clear_error (&error);
    }
  assert_both_match (&server, beth, omar, "numbers");
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "numbers undone");
  /* Infinities, which JSON has no numbers for, given by a program rather than typed: kept
   * on the server and by the other client as in a file. (The model reads them back as the
   * largest numbers there are, from a file as from a server.) */
  {
    g_autoptr (PathwayIndicator) draft = pathway_indicator_new ();
    g_autofree char *sql = NULL;
    g_autofree char *kept = NULL;

    pathway_indicator_set_name (draft, "Without bounds");
    pathway_indicator_set_baseline_value (draft, -INFINITY);
    pathway_indicator_set_target_value (draft, INFINITY);
    g_assert_true (pathway_document_add_indicator (beth, draft, &error));
    g_assert_no_error (error);
    sql = g_strdup_printf ("SELECT baseline_value || ' ' || target_value FROM indicator"
                           " WHERE id = %" G_GINT64_FORMAT, pathway_indicator_get_id (draft));
    kept = pathway_test_pg_query_text (server.db, sql);
    g_assert_cmpstr (kept, ==, "-Infinity Infinity");
    g_assert_true (pathway_document_catch_up (omar, NULL, &error));
    g_assert_no_error (error);
    store_fixture_assert_matches_server ("infinities, the other client", omar, server.db);
  }
  server_tear_down (&server);
}


/* An import of 10,000 actions is one commit: sent, written by the server and caught up by
 * the other client in reasonable time. */
static void
test_large_batch (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  PathwayWorkstream *workstream;
  guint applied = 0, before;

  server_set_up (&server, FALSE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  {
    g_autoptr (PathwayWorkstream) draft = pathway_workstream_new ();

    pathway_workstream_set_code (draft, "A");
    pathway_workstream_set_title (draft, "Identification of need");
    g_assert_true (pathway_document_add_workstream (beth, draft, &error));
    g_assert_no_error (error);
    workstream = draft;
  }
  before = g_list_model_get_n_items (pathway_programme_get_actions (
    pathway_document_get_programme (beth)));
  g_assert_true (pathway_document_begin_batch (beth, "Import", &error));
  for (guint i = 1; i <= 10000; i++)
    {
      g_autoptr (PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u", i);

      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, "Agree the local offer review, \"in full\"\n");
      pathway_action_set_workstream (action, workstream);
      pathway_action_set_rating (action, PATHWAY_RATING_AMBER);
      pathway_action_set_commentary (action, "Imported from tracker.xlsx");
      g_assert_true (pathway_document_add_action (beth, action, &error));
      g_assert_no_error (error);
    }
  g_test_message ("written locally in %.2f s", g_timer_elapsed (timer, NULL));
  g_timer_start (timer);
  pathway_document_commit_batch (beth, &error);
  g_assert_no_error (error);
  g_test_message ("committed in %.2f s", g_timer_elapsed (timer, NULL));
  g_timer_start (timer);
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_no_error (error);
  g_test_message ("caught up in %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (applied, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (omar))), ==, before + 10000);
  g_timer_start (timer);
  {
    g_autoptr (PathwayDocument) third = open_as (server.omar);

    g_test_message ("opened in %.2f s", g_timer_elapsed (timer, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                        pathway_document_get_programme (third))), ==, before + 10000);
  }
  g_timer_start (timer);
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  g_test_message ("undone in %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_true (pathway_document_catch_up (omar, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (omar))), ==, before);
  server_tear_down (&server);
}


static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until 'done' says so, failing after 'seconds'. A tick wakes the
 * loop now and then, since what is awaited may happen on a worker thread or the server. */
static void
wait_for (gboolean (*done) (gpointer data), gpointer data, guint seconds, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, keep_ticking, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited %u seconds for %s", seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
is_online (gpointer data)
{
  return pathway_document_get_connection (data) == PATHWAY_CONNECTION_ONLINE;
}

typedef struct {
  PathwayDocument *document;
  const char *reference;
  const char *commentary;
} Expected;

static gboolean
shows_commentary (gpointer data)
{
  Expected *expected = data;
  PathwayAction *action = pathway_programme_find_action_by_reference (
    pathway_document_get_programme (expected->document), expected->reference);

  return action != NULL &&
         g_strcmp0 (pathway_action_get_commentary (action), expected->commentary) == 0;
}

/* Ends every session of the role on this database, as a network failure or a restarted
 * server would. */
static void
cut_off (Server *server, const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE usename = '%s'"
                                          " AND datname = current_database ()", role);

  g_assert_true (pathway_test_pg_exec (server->db, sql, &error));
  g_assert_no_error (error);
}

/* A lost connection: the next write is refused and changes nothing, the programme stays
 * readable and says why it cannot be changed; watched, it comes back by itself, writable, and
 * catches up on what others did meanwhile. */
static void
test_lost_connection (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PathwayAction *in_omar;
  const char *commentary;
  Expected expected;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  pathway_document_watch (omar, TRUE);
  in_omar = find_action (omar, "1A i");
  commentary = pathway_action_get_commentary (in_omar);
  before = pathway_test_pg_query_text (server.db,
                                       "SELECT count (*) || ' ' || max (seq) FROM pathway_commit");

  cut_off (&server, "omar");
  g_assert_false (pathway_document_set_commentary (omar, in_omar, "Written while cut off",
                                                   &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_cmpint (pathway_document_get_connection (omar), ==, PATHWAY_CONNECTION_LOST);
  g_assert_nonnull (pathway_document_get_connection_problem (omar));
  g_assert_true (pathway_document_get_read_only (omar));
  g_assert_nonnull (strstr (pathway_document_get_read_only_reason (omar), "connection"));
  g_assert_false (pathway_document_get_can_undo (omar));
  /* Nothing was kept: not in the model, not on the server, not queued for later. */
  g_assert_cmpstr (pathway_action_get_commentary (in_omar), ==, commentary);
  after = pathway_test_pg_query_text (server.db,
                                      "SELECT count (*) || ' ' || max (seq) FROM pathway_commit");
  g_assert_cmpstr (after, ==, before);
  /* Another write is refused at once, without the network. */
  g_assert_false (pathway_document_set_rating (omar, in_omar, PATHWAY_RATING_GREEN, NULL,
                                               &error));
  g_assert_true (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY) ||
                 g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE));
  g_clear_error (&error);

  /* Meanwhile Beth changes it. */
  g_assert_true (pathway_document_set_commentary (beth, find_action (beth, "1A i"),
                                                  "Agreed while Omar was away", &error));
  g_assert_no_error (error);

  wait_for (is_online, omar, 60, "the connection to come back");
  g_assert_false (pathway_document_get_read_only (omar));
  g_assert_null (pathway_document_get_connection_problem (omar));
  expected = (Expected) { omar, "1A i", "Agreed while Omar was away" };
  wait_for (shows_commentary, &expected, 30, "Beth's change to reach Omar");
  g_assert_true (in_omar == find_action (omar, "1A i"));

  /* Writable again, and watching: his change reaches Beth, hers reaches him. */
  g_assert_true (pathway_document_set_commentary (omar, in_omar, "Omar is back", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (beth, find_action (beth, "2A v"),
                                                  "Beth again", &error));
  g_assert_no_error (error);
  expected = (Expected) { omar, "2A v", "Beth again" };
  wait_for (shows_commentary, &expected, 30, "Beth's next change to reach Omar");
  pathway_document_watch (omar, FALSE);
  assert_both_match (&server, omar, beth, "after the reconnection");
  server_tear_down (&server);
}

/* A closed connection's session ends on the server a moment after the client has gone; a
 * refused open leaves none behind. */
static gboolean
signed_out (gpointer data)
{
  Server *server = data;
  g_autofree char *sessions = pathway_test_pg_query_text (server->db,
                                                          "SELECT count (*) FROM pg_stat_activity"
                                                          " WHERE datname = current_database ()"
                                                          " AND usename IN ('beth', 'omar')");

  return g_strcmp0 (sessions, "0") == 0;
}

/* A database of a newer Pathway is refused for every use; an upgrade with nothing to do is
 * made whoever is connected, one that would change the schema waits until nobody else is. */
static void
test_schema_version (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) refused = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);

  /* Nothing to upgrade: done, even with Beth connected. */
  g_assert_true (pathway_server_upgrade (server.db, NULL, &error));
  g_assert_no_error (error);

  /* An older schema needs an upgrade, which waits for Beth to close the programme, and which
   * the programme is not opened without. */
  g_assert_true (pathway_test_pg_exec (server.db, "UPDATE pathway_meta SET value = '6'"
                                                  " WHERE key = 'schema_version'", &error));
  g_assert_false (pathway_server_upgrade (server.db, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_LOCKED);
  g_clear_error (&error);
  refused = pathway_document_open (server.omar, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (refused);
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  /* With nobody else connected the upgrade runs, though no Pathway made a server of a version
   * before this one's, so there is nothing it could do. */
  pathway_document_close (beth);
  wait_for (signed_out, &server, 30, "the sessions of Beth and of Omar's refused opens to end");
  g_assert_false (pathway_server_upgrade (server.db, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME);
  g_clear_error (&error);

  /* A newer Pathway's database: not opened, set up, uploaded into or upgraded. */
  g_assert_true (pathway_test_pg_exec (server.db, "UPDATE pathway_meta SET value = '99'"
                                                  " WHERE key = 'schema_version'", &error));
  refused = pathway_document_open (server.omar, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_null (refused);
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  g_assert_false (pathway_server_init (server.db, NULL, "Again", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  path = g_build_filename (server.dir, "demo.pathway", NULL);
  g_assert_false (pathway_server_upload (path, server.db, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (pathway_server_upgrade (server.db, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  shown = pathway_test_pg_query_text (server.db, "SELECT value FROM pathway_meta"
                                                 " WHERE key = 'schema_version'");
  g_assert_cmpstr (shown, ==, "99");
  server_tear_down (&server);
}


/* Records kept in rows of their own (the rating scheme's words, keyed by the rating; a
 * workstream's areas, keyed by both ids) are refused over someone's change like any other,
 * naming them. */
static void
test_conflicts_beside_records (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (PathwayWorkstream) draft = pathway_workstream_new ();
  PathwayRatingScheme *in_omar;
  PathwayWorkstream *workstream;
  PathwayAreaOfWeakness *area_in_beth, *area_in_omar;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  in_omar = pathway_programme_get_rating_scheme (pathway_document_get_programme (omar));

  g_assert_true (pathway_document_set_text (beth, pathway_programme_get_rating_scheme (
                                              pathway_document_get_programme (beth)),
                                            "amber-definition", "Behind, with a plan", &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_set_text (omar, in_omar, "amber-definition", "Slipping",
                                             &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beth Kowalski"));
  g_assert_nonnull (strstr (error->message, "Behind, with a plan"));
  g_clear_error (&error);
  g_assert_true (pathway_document_catch_up (omar, NULL, &error));
  g_assert_cmpstr (pathway_rating_scheme_get_definition (in_omar, PATHWAY_RATING_AMBER), ==,
                   "Behind, with a plan");

  /* Both link the same area to a workstream: the second is refused. */
  pathway_workstream_set_code (draft, "Z");
  pathway_workstream_set_title (draft, "Joint commissioning");
  g_assert_true (pathway_document_add_workstream (beth, draft, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_catch_up (omar, NULL, &error));
  workstream = pathway_programme_find_record (pathway_document_get_programme (omar),
                                              PATHWAY_TYPE_WORKSTREAM,
                                              pathway_workstream_get_id (draft));
  g_assert_nonnull (workstream);
  {
    g_autoptr (GObject) first = g_list_model_get_item (
      pathway_programme_get_areas (pathway_document_get_programme (beth)), 0);

    area_in_beth = PATHWAY_AREA_OF_WEAKNESS (first);
  }
  area_in_omar = pathway_programme_find_record (pathway_document_get_programme (omar),
                                                PATHWAY_TYPE_AREA_OF_WEAKNESS,
                                                pathway_area_of_weakness_get_id (area_in_beth));
  g_assert_true (pathway_document_link_area (beth, draft, area_in_beth, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_link_area (omar, workstream, area_in_omar, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beth Kowalski"));
  g_clear_error (&error);
  assert_both_match (&server, beth, omar, "a link refused");
  /* And unlinking what someone else unlinked first. */
  g_assert_true (pathway_document_unlink_area (beth, draft, area_in_beth, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_unlink_area (omar, workstream, area_in_omar, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Beth Kowalski"));
  g_clear_error (&error);
  assert_both_match (&server, beth, omar, "an unlink refused");
  server_tear_down (&server);
}


/* What the model keeps beside the records follows another's change in place: an action's
 * latest timescale revision, the rating scheme's words, a workstream's areas. The programme
 * is not read again, so one's own undo history stays. */
static void
test_catch_up_in_place (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autoptr (GDate) date = g_date_new_dmy (31, 3, 2027);
  g_autoptr (PathwayTimescale) march = pathway_timescale_new ("March 2027", date,
                                                              PATHWAY_PRECISION_MONTH);
  PathwayProgramme *programme;
  PathwayAction *in_omar;
  PathwayWorkstream *workstream;
  PathwayAreaOfWeakness *area = NULL;
  GListModel *areas;
  guint n_areas;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  programme = pathway_document_get_programme (omar);
  in_omar = find_action (omar, "2A v");
  g_assert_true (pathway_document_set_commentary (omar, find_action (omar, "1A i"), "Mine",
                                                  &error));
  g_assert_no_error (error);

  g_assert_true (pathway_document_revise_timescale (beth, find_action (beth, "2A v"), march,
                                                    "Recruitment", "Board", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (beth, pathway_programme_get_rating_scheme (
                                              pathway_document_get_programme (beth)),
                                            "red-label", "Off track", &error));
  g_assert_no_error (error);
  {
    g_autoptr (GObject) first = g_list_model_get_item (
      pathway_programme_get_workstreams (pathway_document_get_programme (beth)), 0);
    PathwayWorkstream *in_beth = PATHWAY_WORKSTREAM (first);
    GListModel *all = pathway_programme_get_areas (pathway_document_get_programme (beth));

    /* An area the workstream does not address yet. */
    for (guint i = 0; area == NULL && i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr (GObject) candidate = g_list_model_get_item (all, i);
        GListModel *linked = pathway_workstream_get_areas (in_beth);
        gboolean found = FALSE;

        for (guint j = 0; j < g_list_model_get_n_items (linked); j++)
          {
            g_autoptr (GObject) item = g_list_model_get_item (linked, j);

            found |= item == candidate;
          }
        if (!found)
          area = PATHWAY_AREA_OF_WEAKNESS (candidate);
      }
    g_assert_nonnull (area);
    g_assert_true (pathway_document_link_area (beth, in_beth, area, &error));
    g_assert_no_error (error);
    workstream = pathway_programme_find_record (programme, PATHWAY_TYPE_WORKSTREAM,
                                                pathway_workstream_get_id (in_beth));
  }
  areas = pathway_workstream_get_areas (workstream);
  n_areas = g_list_model_get_n_items (areas);

  g_assert_true (pathway_document_catch_up (omar, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_programme (omar) == programme);
  g_assert_true (find_action (omar, "2A v") == in_omar);
  g_assert_nonnull (pathway_action_get_revised_timescale (in_omar));
  g_assert_cmpstr (pathway_action_get_revised_timescale (in_omar)->text, ==, "March 2027");
  g_assert_cmpstr (pathway_rating_scheme_get_label (pathway_programme_get_rating_scheme (
                                                      programme), PATHWAY_RATING_RED), ==,
                   "Off track");
  g_assert_true (pathway_workstream_get_areas (workstream) == areas);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, n_areas + 1);
  g_assert_true (pathway_document_get_can_undo (omar));
  g_assert_true (pathway_document_catch_up (beth, NULL, &error));
  assert_both_match (&server, beth, omar, "changes beside the records");
  g_assert_true (pathway_document_undo (omar, &error));
  g_assert_no_error (error);
  server_tear_down (&server);
}

/* The person a role is may be renamed while the programme is open: the next change is
 * written under the new name, here as on the server, and can still be undone. */
static void
test_author_renamed (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) beth = NULL;
  g_autoptr (PathwayDocument) omar = NULL;
  g_autofree char *author = NULL;

  server_set_up (&server, TRUE);
  beth = open_as (server.beth);
  omar = open_as (server.omar);
  /* Her person is renamed (by plain SQL, so the server logs it as made outside Pathway). */
  g_assert_true (pathway_test_pg_exec (server.db, "UPDATE person SET name = 'Beth Kowalski-Reid'"
                                                  " WHERE name = 'Beth Kowalski'",
                                       &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (beth, find_action (beth, "1A i"), "Renamed",
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_document_get_author (beth), ==, "Beth Kowalski-Reid");
  author = pathway_test_pg_query_text (server.db, "SELECT author FROM change_log"
                                                  " WHERE to_value = 'Renamed'");
  g_assert_cmpstr (author, ==, "Beth Kowalski-Reid");
  g_assert_true (pathway_document_catch_up (beth, NULL, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "a change by a renamed person");
  g_assert_true (pathway_document_undo (beth, &error));
  g_assert_no_error (error);
  assert_both_match (&server, beth, omar, "its undoing");
  server_tear_down (&server);
}

int
main (int argc, char *argv[])
{
  if (!pathway_test_pg_available ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remote/empty-programme", test_empty_programme);
  g_test_add_func ("/remote/change-reaches-other", test_change_reaches_other);
  g_test_add_func ("/remote/conflict-refused", test_conflict_refused);
  g_test_add_func ("/remote/log-not-bypassed", test_log_not_bypassed);
  g_test_add_func ("/remote/snapshot-and-refusals", test_snapshot_and_refusals);
  g_test_add_func ("/remote/batches-and-undo-reach-both", test_batches_and_undo_reach_both);
  g_test_add_func ("/remote/backdated-changes-reach-both", test_backdated_changes_reach_both);
  g_test_add_func ("/remote/values-reach-both", test_values_reach_both);
  g_test_add_func ("/remote/conflicts-beside-records", test_conflicts_beside_records);
  g_test_add_func ("/remote/catch-up-in-place", test_catch_up_in_place);
  g_test_add_func ("/remote/author-renamed", test_author_renamed);
  g_test_add_func ("/remote/large-batch", test_large_batch);
  g_test_add_func ("/remote/lost-connection", test_lost_connection);
  g_test_add_func ("/remote/schema-version", test_schema_version);
  return g_test_run ();
}
