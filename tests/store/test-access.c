/* test-access.c: who may change what on a server, enforced by the server. Against the real
 * PostgreSQL of build-aux/test, signed in as ordinary roles (a superuser would bypass the
 * policies): a lead changes the actions of their workstream and nothing of another's, nor the
 * rating scheme, nor another's readings; a data officer adds readings and nothing else; a
 * reader changes nothing; nobody writes a log row under another name, by plain SQL or through
 * the document; a user removed loses access and keeps their history; the document says what
 * its user may not change, and why. */
#include <glib/gstdio.h>
#include <string.h>

#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-remote.h"
#include "pg-test-util.h"

typedef struct {
  char *db;      /* as the set-up role (the test server's superuser) */
  char *manager; /* "Claire Dunmore", manager */
  char *mark;    /* "Mark Pennington", lead of workstream B */
  char *data;    /* "Ravi Patel", data officer */
  char *reader;  /* "Jo Lambert", reader */
  char *dir;
} Server;

static char *
uri_as (const char *db, const char *login)
{
  g_autofree char *base = pathway_test_pg_base_uri ();

  /* The role is made by the manager below; only the URI is wanted here. */
  return pathway_test_pg_add_role (base, login, db);
}

static void
add_user (const char *as, const char *login, const char *person, PathwayAccess access)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *for_it = NULL;
  gboolean ok = pathway_server_add_user (as, NULL, login, person, access, &for_it, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_null (for_it);
}

static void
server_set_up (Server *server)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *suffix = g_strdup_printf ("%d", (int) getpid ());
  gboolean ok;

  server->db = pathway_test_pg_new_database ();
  server->dir = g_dir_make_tmp ("pathway-access-XXXXXX", &error);
  path = g_build_filename (server->dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (path, &error));
  ok = pathway_server_upload (path, server->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* The set-up role makes the first manager; the manager gives everyone else access. */
  add_user (server->db, "claire", "Claire Dunmore", PATHWAY_ACCESS_MANAGER);
  server->manager = uri_as (server->db, "claire");
  add_user (server->db, "mark", "Mark Pennington", PATHWAY_ACCESS_LEAD);
  add_user (server->db, "ravi", "Ravi Patel", PATHWAY_ACCESS_DATA_OFFICER);
  add_user (server->db, "jo", "Jo Lambert", PATHWAY_ACCESS_READER);
  server->mark = uri_as (server->db, "mark");
  server->data = uri_as (server->db, "ravi");
  server->reader = uri_as (server->db, "jo");
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
  g_free (server->manager);
  g_free (server->mark);
  g_free (server->data);
  g_free (server->reader);
}

static PathwayDocument *
open_as (const char *uri)
{
  g_autoptr (GError) error = NULL;
  PathwayDocument *document = pathway_document_open (uri, PATHWAY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
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

/* The first action of workstream 'code'. */
static PathwayAction *
action_of (PathwayDocument *document, const char *code)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (actions, i);
      PathwayWorkstream *workstream = pathway_action_get_workstream (action);
      PathwayPerson *lead = pathway_action_get_lead (action);

      if (workstream && g_str_equal (pathway_workstream_get_code (workstream), code) &&
          (lead == NULL || !g_str_equal (pathway_person_get_name (lead), "Mark Pennington")))
        return action;
    }
  g_assert_not_reached ();
}

static void
assert_refused_sql (const char *uri, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pathway_test_pg_exec (uri, sql, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "42501"));
}

static void
test_lead (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) mark = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *commentary = NULL;
  PathwayAction *own, *other;
  PathwayRatingScheme *scheme;

  server_set_up (&server);
  mark = open_as (server.mark);
  g_assert_cmpint (pathway_document_get_access (mark), ==, PATHWAY_ACCESS_LEAD);
  g_assert_false (pathway_document_get_read_only (mark));
  own = action_of (mark, "B");
  other = action_of (mark, "C");

  g_assert_null (pathway_document_dup_refusal (mark, own));
  reason = pathway_document_dup_refusal (mark, other);
  g_assert_cmpstr (reason, ==, "Only the leads of workstream C can change this.");

  g_assert_true (pathway_document_set_commentary (mark, own, "Panel met twice", &error));
  g_assert_no_error (error);
  /* Through the document the server refuses, saying why, and nothing changes. */
  g_assert_false (pathway_document_set_commentary (mark, other, "Not mine", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Only the leads of workstream C"));
  g_clear_error (&error);
  g_assert_cmpstr (pathway_action_get_commentary (other), !=, "Not mine");
  scheme = pathway_programme_get_rating_scheme (pathway_document_get_programme (mark));
  {
    g_auto (GValue) label = G_VALUE_INIT;

    g_value_init (&label, G_TYPE_STRING);
    g_value_set_string (&label, "Off track");
    g_assert_false (pathway_document_set_value (mark, scheme, "red-label", &label, NULL,
                                                &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Plain SQL is refused outright, and the function refuses another workstream's row. */
  assert_refused_sql (server.mark, "UPDATE action SET commentary = 'x'");
  assert_refused_sql (server.mark, "UPDATE rating_scheme SET label = 'x'");
  assert_refused_sql (server.mark, "INSERT INTO change_log (id, kind, record_id, at, author,"
                                   " field) VALUES (5, 'action', 1, 0, 'Claire Dunmore', 7)");
  commentary = pathway_test_pg_query_text (server.db,
                                           "SELECT count (*) FROM action WHERE commentary ="
                                           " 'Not mine' OR commentary = 'x'");
  g_assert_cmpstr (commentary, ==, "0");
  server_tear_down (&server);
}

static void
test_data_officer_and_reader (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) data = NULL;
  g_autoptr (PathwayDocument) reader = NULL;
  g_autoptr (PathwayReading) reading = pathway_reading_new ();
  g_autoptr (PathwayReading) second = pathway_reading_new ();
  g_autoptr (GDate) day = g_date_new_dmy (30, G_DATE_DECEMBER, 2026);
  g_autofree char *author = NULL;
  PathwayIndicator *indicator;
  GListModel *indicators;

  server_set_up (&server);
  data = open_as (server.data);
  indicators = pathway_programme_get_indicators (pathway_document_get_programme (data));
  indicator = g_list_model_get_item (indicators, 0);
  g_object_unref (indicator);
  pathway_reading_set_date (reading, day);
  pathway_reading_set_value (reading, 57.5);
  g_assert_true (pathway_document_add_reading (data, indicator, reading, &error));
  g_assert_no_error (error);
  author = pathway_test_pg_query_text (server.db,
                                       "SELECT author FROM change_log WHERE kind = 'reading'"
                                       " ORDER BY commit_seq DESC NULLS LAST LIMIT 1");
  g_assert_cmpstr (author, ==, "Ravi Patel");
  g_assert_false (pathway_document_set_commentary (data, find_action (data, "1A i"), "x",
                                                   &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "readings only"));
  g_clear_error (&error);

  /* A reader reads, and the document says so before anything is tried. */
  reader = open_as (server.reader);
  g_assert_true (pathway_document_get_read_only (reader));
  g_assert_nonnull (strstr (pathway_document_get_read_only_reason (reader), "read this"));
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (reader))), >, 100);
  pathway_reading_set_value (second, 58);
  g_assert_false (pathway_document_add_reading (reader, g_list_model_get_item (
                    pathway_programme_get_indicators (pathway_document_get_programme (reader)),
                    0), second, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_refused_sql (server.reader, "SELECT pathway_apply ('[{\"t\":\"change_log\",\"o\":\"I\","
                                     "\"k\":{\"id\":987654321},\"n\":{\"id\":987654321,"
                                     "\"kind\":\"action\",\"record_id\":1,\"at\":0,"
                                     "\"field\":7,\"note\":\"\"}}]', 0)");
  assert_refused_sql (server.reader, "DELETE FROM reading");
  server_tear_down (&server);
}

static void
test_users (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (PathwayDocument) mark = NULL;
  g_autofree char *for_it = NULL;
  g_autofree char *history = NULL;
  g_autofree char *newcomer = NULL;
  gboolean ok;

  server_set_up (&server);
  mark = open_as (server.mark);
  g_assert_true (pathway_document_set_commentary (mark, action_of (mark, "B"), "Mark's update",
                                                  &error));
  g_clear_object (&mark);

  /* Only a manager gives access; a lead cannot. */
  g_assert_false (pathway_server_set_user_access (server.mark, NULL, "jo",
                                                  PATHWAY_ACCESS_MANAGER, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The manager may not create roles here: the rest is done and IT gets the SQL. */
  newcomer = g_strdup_printf ("newcomer_%d", (int) getpid ());
  ok = pathway_server_add_user (server.manager, NULL, newcomer, "Lee Chan",
                                PATHWAY_ACCESS_LEAD, &for_it, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (for_it);
  g_assert_nonnull (strstr (for_it, "CREATE ROLE"));
  g_assert_nonnull (strstr (for_it, newcomer));

  /* The manager changes a role and takes access away; the history stays. */
  ok = pathway_server_set_user_access (server.manager, NULL, "jo", PATHWAY_ACCESS_DATA_OFFICER,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = pathway_server_remove_user (server.manager, NULL, "mark", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_null (pathway_document_open (server.mark, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_refused_sql (server.mark, "SELECT pathway_apply ('[]', 0)");
  history = pathway_test_pg_query_text (server.db,
                                        "SELECT author FROM change_log WHERE to_value ="
                                        " 'Mark''s update'");
  g_assert_cmpstr (history, ==, "Mark Pennington");

  users = pathway_server_list_users (server.manager, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      PathwayServerUser *user = g_ptr_array_index (users, i);

      if (g_str_equal (user->login, "mark"))
        g_assert_true (user->removed);
      if (g_str_equal (user->login, "jo"))
        g_assert_cmpint (user->access, ==, PATHWAY_ACCESS_DATA_OFFICER);
      if (g_str_equal (user->login, newcomer))
        g_assert_false (user->can_sign_in);
    }
  g_assert_cmpuint (users->len, ==, 5);
  server_tear_down (&server);
}

/* IT sets a programme up as the database's owner with the right to create roles, not as a
 * superuser, and gives its manager access. */
static void
test_set_up_by_it (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *db = pathway_test_pg_new_database ();
  g_autofree char *it = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = pathway_test_pg_query_text (db, "SELECT current_database ()");
  g_autoptr (PathwayDocument) document = NULL;
  gboolean ok;

  it = pathway_test_pg_add_role (base, "pathway_it", db);
  sql = g_strdup_printf ("ALTER ROLE pathway_it CREATEROLE; ALTER DATABASE %s OWNER TO"
                         " pathway_it", name);
  g_assert_true (pathway_test_pg_exec (base, sql, &error));
  g_assert_no_error (error);
  ok = pathway_server_init (it, NULL, "Set up by IT", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  add_user (it, "claire", "Claire Dunmore", PATHWAY_ACCESS_MANAGER);
  manager = uri_as (db, "claire");
  document = open_as (manager);
  g_assert_cmpint (pathway_document_get_access (document), ==, PATHWAY_ACCESS_MANAGER);
  g_assert_cmpstr (pathway_programme_get_name (pathway_document_get_programme (document)), ==,
                   "Set up by IT");
}

int
main (int argc, char *argv[])
{
  if (!pathway_test_pg_available ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/access/lead", test_lead);
  g_test_add_func ("/access/data-officer-and-reader", test_data_officer_and_reader);
  g_test_add_func ("/access/users", test_users);
  g_test_add_func ("/access/set-up-by-it", test_set_up_by_it);
  return g_test_run ();
}
