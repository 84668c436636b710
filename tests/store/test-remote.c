/* test-remote.c: a programme kept on a real PostgreSQL server (PATHWAY_TEST_PG, started by
 * build-aux/test): set up, uploaded, opened by two clients as different people; a change in
 * one reaches the other's model; a change over a value someone else changed is refused naming
 * them; undo takes back only one's own; the server writes the log itself and refuses or logs
 * writes made outside its functions; a snapshot is a read-only file. */
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
  return g_test_run ();
}
