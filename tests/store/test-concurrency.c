/* test-concurrency.c: many clients of one programme on a PostgreSQL server (PATHWAY_TEST_PG)
 * at once, each its own process signed in as its own role (remote-client).
 *
 * Edits: the clients all start at once and edit the same few actions' ratings and commentary,
 * each edit its own commit, catching up now and then as a person's copy does. Afterwards the
 * server must hold every edit a client was told was saved, as that client's (the log's author
 * is the person its role is), and nothing it was told was refused; each refusal must have
 * been a conflict naming a person; each commit must hold its log rows, the commits must be
 * numbered in the order they were made; each field must hold the last saved edit in commit
 * order; and every client, caught up, must show what the server holds.
 *
 * Kills: a client makes a large batch (people added, every action's commentary set, each
 * marked with the run's own text) and is killed with SIGKILL at a moment chosen by what it or
 * the server is doing, never by time: part way through the batch, as it starts to commit,
 * while the server runs its commit (held there by a lock the test takes on the commits'
 * table, the server's session then ended too or not), while the server runs it unhindered, or
 * after the commit. The server must then hold the batch whole or not at all (whole when it was
 * acknowledged, nothing when the commit was never sent), and a copy opened afresh and one open
 * all along, caught up, must pass the consistency check and show the same programme.
 *
 * Built with CONCURRENCY_LONG (the slow suite) it runs the figures: 20 clients of 500
 * edits each over 10 actions, and 60 kills. The counts are printed as a TAP comment. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <libpq-fe.h>

#include "pathway-document.h"
#include "pathway-remote.h"
#include "pg-test-util.h"
#include "store-fixture.h"

#ifdef CONCURRENCY_LONG
#define N_CLIENTS 20
#define N_EDITS 500
#define N_KILLS 60
#else
#define N_CLIENTS 20
#define N_EDITS 25
/* Each moment once (the first runs take the moments in turn). */
#define N_KILLS 6
#endif
#define N_ACTIONS 10
/* The batch: people added and the commentary of every action of the kill test's programme. */
#define N_BATCH_PEOPLE 150
#define N_BATCH_ACTIONS 150

/* Sign-in roles belong to the whole server and outlive the test's databases. */
#define CLIENT_ROLE "pathway_client_%02u"
#define CLIENT_PERSON "Officer %02u"
#define BATCH_ROLE "pathway_batch_client"
#define OBSERVER_ROLE "pathway_observer"

typedef struct {
  char *db;   /* the superuser's URI of the test's database */
  char *dir;
} Server;

static void
server_set_up (Server *server, guint n_actions)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  server->db = pathway_test_pg_new_database ();
  server->dir = store_fixture_make_dir ();
  path = g_build_filename (server->dir, "programme.pathway", NULL);
  store_fixture_make_programme (path, n_actions);
  g_assert_true (pathway_server_upload (path, server->db, NULL, &error));
  g_assert_no_error (error);
}

static void
server_tear_down (Server *server)
{
  store_fixture_remove_dir (server->dir);
  g_free (server->dir);
  g_free (server->db);
}

static PGconn *
connect_to (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", uri, PQerrorMessage (conn));
  return conn;
}

/* A query that must succeed; the caller clears the result. */
static PGresult *
query (PGconn *conn, const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  return result;
}

static gint64
query_int (PGconn *conn, const char *sql)
{
  PGresult *result = query (conn, sql);
  gint64 value;

  g_assert_cmpint (PQntuples (result), ==, 1);
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

static GSubprocess *
spawn_client (GSubprocessFlags flags, const char *mode, const char *uri, const char *a,
              const char *b)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "remote-client", NULL);
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | flags, &error, program, mode,
                              uri, a, b, NULL);
  g_assert_no_error (error);
  return process;
}

/* Edits --------------------------------------------------------------------------------------- */

typedef struct {
  guint number;     /* the client's edit, from 1 */
  gboolean saved;
  char *reference;
  gboolean rating;  /* the rating, else the commentary */
  char *value;      /* saved: the value written */
  gint64 seen;      /* saved: the commit the client had seen after it */
  char *message;    /* refused: why */
  gint64 seq;       /* saved: the server's commit, found by the test */
} Edit;

typedef struct {
  guint index;      /* from 1 */
  char *role;
  char *person;
  char *uri;
  GSubprocess *process;
  GDataInputStream *output;
  GArray *edits;    /* Edit */
  GHashTable *final; /* reference -> "RATING\tCOMMENTARY" as the client last saw it */
  gint64 final_seen;
  gboolean done;
  gboolean ended;   /* printed "end" */
  gboolean eof;
  gboolean exited;
} Client;

typedef struct {
  GMainLoop *loop;
  Client *clients;
  guint n_done;
  guint n_finished;
} Run;

static void
edit_clear (Edit *edit)
{
  g_free (edit->reference);
  g_free (edit->value);
  g_free (edit->message);
}

static void
client_clear (Client *client)
{
  g_free (client->role);
  g_free (client->person);
  g_free (client->uri);
  g_clear_object (&client->process);
  g_clear_object (&client->output);
  g_clear_pointer (&client->edits, g_array_unref);
  g_clear_pointer (&client->final, g_hash_table_unref);
}

static void read_next_line (Run *run, Client *client);

static void
check_finished (Run *run, Client *client)
{
  if (client->eof && client->exited)
    {
      if (++run->n_finished == N_CLIENTS)
        g_main_loop_quit (run->loop);
    }
}

/* Once every client has made all its edits, each catches up once more and says what it
 * shows. */
static void
tell_all_to_catch_up (Run *run)
{
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autoptr (GError) error = NULL;
      GOutputStream *input = g_subprocess_get_stdin_pipe (run->clients[i].process);

      g_assert_true (g_output_stream_write_all (input, "catch up\n", 9, NULL, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (input, NULL, NULL);
    }
}

static void
parse_line (Run *run, Client *client, const char *line)
{
  g_auto (GStrv) parts = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (parts);

  if (g_str_equal (line, "ready"))
    return;
  if (g_str_equal (line, "done"))
    {
      g_assert_false (client->done);
      g_assert_cmpuint (client->edits->len, ==, N_EDITS);
      client->done = TRUE;
      if (++run->n_done == N_CLIENTS)
        tell_all_to_catch_up (run);
      return;
    }
  if (g_str_equal (line, "end"))
    {
      client->ended = TRUE;
      return;
    }
  if (n == 5 && g_str_equal (parts[0], "ok"))
    {
      Edit edit = { client->edits->len + 1, TRUE, g_strdup (parts[1]),
                    g_str_equal (parts[2], "rating"), g_strdup (parts[3]),
                    g_ascii_strtoll (parts[4], NULL, 10), NULL, 0 };

      g_array_append_val (client->edits, edit);
      return;
    }
  if (n == 4 && g_str_equal (parts[0], "refused"))
    {
      Edit edit = { client->edits->len + 1, FALSE, g_strdup (parts[1]),
                    g_str_equal (parts[2], "rating"), NULL, 0, g_strdup (parts[3]), 0 };

      g_array_append_val (client->edits, edit);
      return;
    }
  if (n == 5 && g_str_equal (parts[0], "final"))
    {
      g_hash_table_insert (client->final, g_strdup (parts[1]),
                           g_strdup_printf ("%s\t%s", parts[2], parts[3]));
      client->final_seen = g_ascii_strtoll (parts[4], NULL, 10);
      return;
    }
  g_error ("client %u said: %s", client->index, line);
}

static void
on_line (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  Client *client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; i < N_CLIENTS; i++)
    if (G_OBJECT (run->clients[i].output) == source)
      client = &run->clients[i];
  g_assert_nonnull (client);
  line = g_data_input_stream_read_line_finish_utf8 (client->output, result, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL)
    {
      client->eof = TRUE;
      check_finished (run, client);
      return;
    }
  parse_line (run, client, line);
  read_next_line (run, client);
}

static void
read_next_line (Run *run, Client *client)
{
  g_data_input_stream_read_line_async (client->output, G_PRIORITY_DEFAULT, NULL, on_line, run);
}

static void
on_client_exit (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_CLIENTS; i++)
    if (G_OBJECT (run->clients[i].process) == source)
      {
        Client *client = &run->clients[i];

        g_assert_true (g_subprocess_wait_check_finish (client->process, result, &error));
        g_assert_no_error (error);
        client->exited = TRUE;
        check_finished (run, client);
      }
}

/* The saved edits as the server's log has them, matched to each client's in order: the log
 * rows of a client's person, in commit order, are exactly its saved edits. */
static void
match_log (PGconn *conn, Client *clients, guint *n_saved)
{
  PGresult *result = query (conn,
                            "SELECT l.author, a.reference, l.field, l.to_value, l.note,"
                            " l.commit_seq"
                            " FROM change_log l JOIN action a ON a.id = l.record_id"
                            " WHERE l.kind = 'action' AND l.commit_seq IS NOT NULL"
                            " ORDER BY l.commit_seq, l.id");
  g_autoptr (GHashTable) next = g_hash_table_new (g_str_hash, g_str_equal);
  int rows = PQntuples (result);

  *n_saved = 0;
  for (int r = 0; r < rows; r++)
    {
      const char *author = PQgetvalue (result, r, 0);
      int field = atoi (PQgetvalue (result, r, 2));
      Client *client = NULL;
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (next, author));
      Edit *edit = NULL;

      for (guint i = 0; i < N_CLIENTS; i++)
        if (g_str_equal (clients[i].person, author))
          client = &clients[i];
      if (client == NULL)
        g_error ("a log row by %s, who is no client", author);
      g_assert_true (field == PATHWAY_FIELD_RATING || field == PATHWAY_FIELD_COMMENTARY);
      /* The next of this client's saved edits. */
      while (position < client->edits->len &&
             !g_array_index (client->edits, Edit, position).saved)
        position++;
      if (position >= client->edits->len)
        g_error ("%s has a change in the log it was never told was saved: %s %s", author,
                 PQgetvalue (result, r, 1), PQgetvalue (result, r, 3));
      edit = &g_array_index (client->edits, Edit, position);
      g_assert_cmpstr (edit->reference, ==, PQgetvalue (result, r, 1));
      g_assert_cmpint (edit->rating, ==, field == PATHWAY_FIELD_RATING);
      g_assert_cmpstr (edit->value, ==, PQgetvalue (result, r, 3));
      if (edit->rating)
        {
          g_autofree char *note = g_strdup_printf ("edit %u by %s", edit->number, author);

          g_assert_cmpstr (note, ==, PQgetvalue (result, r, 4));
        }
      edit->seq = g_ascii_strtoll (PQgetvalue (result, r, 5), NULL, 10);
      /* Its own commit follows the last it had seen before; it may not have seen its own. */
      g_assert_cmpint (edit->seen, <=, edit->seq);
      g_hash_table_insert (next, (gpointer) client->person, GUINT_TO_POINTER (position + 1));
      (*n_saved)++;
    }
  PQclear (result);

  /* No saved edit is missing from the log, and a client's copy never goes back. */
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      gint64 seen = 0;

      for (guint e = 0; e < clients[i].edits->len; e++)
        {
          Edit *edit = &g_array_index (clients[i].edits, Edit, e);

          if (!edit->saved)
            continue;
          if (edit->seq == 0)
            g_error ("%s was told edit %u was saved; the log lacks it", clients[i].person,
                     edit->number);
          g_assert_cmpint (edit->seen, >=, seen);
          seen = edit->seen;
        }
    }
}

/* A manager of the programme (who may change what: test-access.c). */
static void
give_access (const char *db, const char *role, const char *person)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = pathway_server_add_user (db, NULL, role, person, PATHWAY_ACCESS_MANAGER, NULL,
                                         &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_edits (void)
{
  Server server = { 0 };
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) initial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  Client clients[N_CLIENTS] = { { 0 } };
  Run run = { 0 };
  guint n_saved = 0, n_refused = 0, n_self_named = 0, n_other_field = 0;
  gint64 n_commits, max_seq, start, setup_seq;
  double seconds;
  PGconn *conn;
  PGresult *result;

  server_set_up (&server, N_ACTIONS);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      Client *client = &clients[i];

      client->index = i + 1;
      client->role = g_strdup_printf (CLIENT_ROLE, i + 1);
      client->person = g_strdup_printf (CLIENT_PERSON, i + 1);
      client->uri = pathway_test_pg_add_role (base, client->role, server.db);
      client->edits = g_array_new (FALSE, TRUE, sizeof (Edit));
      g_array_set_clear_func (client->edits, (GDestroyNotify) edit_clear);
      client->final = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      give_access (server.db, client->role, client->person);
    }

  conn = connect_to (server.db);
  /* Giving access made commits of its own (the people); the clients' come after. */
  setup_seq = query_int (conn, "SELECT coalesce (max (seq), 0) FROM pathway_commit");
  result = query (conn, "SELECT reference, rating, commentary FROM action");
  for (int r = 0; r < PQntuples (result); r++)
    g_hash_table_insert (initial, g_strdup (PQgetvalue (result, r, 0)),
                         g_strdup_printf ("%s\t%s", PQgetvalue (result, r, 1),
                                          PQgetvalue (result, r, 2)));
  PQclear (result);
  g_assert_cmpuint (g_hash_table_size (initial), ==, N_ACTIONS);

  /* All at once; each reads its lines as it writes them, so none waits on a full pipe. */
  start = g_get_monotonic_time ();
  run.loop = g_main_loop_new (NULL, FALSE);
  run.clients = clients;
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *count = g_strdup_printf ("%d", N_EDITS);
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int () & 0x7fffffff);

      clients[i].process = spawn_client (G_SUBPROCESS_FLAGS_STDIN_PIPE, "edit", clients[i].uri,
                                         count, seed);
      clients[i].output = g_data_input_stream_new (
        g_subprocess_get_stdout_pipe (clients[i].process));
      read_next_line (&run, &clients[i]);
      g_subprocess_wait_check_async (clients[i].process, NULL, on_client_exit, &run);
    }
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_assert_true (clients[i].done);
      g_assert_true (clients[i].ended);
    }

  match_log (conn, clients, &n_saved);

  /* Each refusal named a person, and the server kept nothing of it (match_log). */
  for (guint i = 0; i < N_CLIENTS; i++)
    for (guint e = 0; e < clients[i].edits->len; e++)
      {
        Edit *edit = &g_array_index (clients[i].edits, Edit, e);
        gboolean named = FALSE;

        if (edit->saved)
          continue;
        n_refused++;
        for (guint j = 0; j < N_CLIENTS && !named; j++)
          if (strstr (edit->message, clients[j].person) != NULL)
            {
              named = TRUE;
              if (i == j && n_self_named++ < 3)
                g_test_message ("%s's edit %u of %s's %s was refused naming their own "
                                "change: %s", clients[i].person, edit->number, edit->reference,
                                edit->rating ? "rating" : "commentary", edit->message);
            }
        if (!named)
          g_error ("%s's refusal names nobody: %s", clients[i].person, edit->message);
        /* Refused over a change to the action's other field. */
        if (strstr (edit->message, edit->rating ? "the commentary of" : "the rating of") != NULL)
          n_other_field++;
      }
  g_assert_cmpuint (n_saved + n_refused, ==, N_CLIENTS * N_EDITS);

  /* One commit for each saved edit, by its client's person, holding its log row; numbered in
   * the order they were made (the moment each was written never goes back as the number
   * goes up); a refused commit may leave its number unused, never more. */
  n_commits = query_int (conn, "SELECT count (*) FROM pathway_commit") - setup_seq;
  g_assert_cmpint (n_commits, ==, n_saved);
  max_seq = query_int (conn, "SELECT coalesce (max (seq), 0) FROM pathway_commit");
  g_assert_cmpint (max_seq - setup_seq - n_commits, <=, n_refused);
  g_assert_cmpint (query_int (conn,
                              "SELECT count (*) FROM (SELECT at < lag (at) OVER (ORDER BY seq)"
                              " AS back FROM pathway_commit) x WHERE back"), ==, 0);
  g_assert_cmpint (query_int (conn,
                              "SELECT count (*) FROM change_log l WHERE commit_seq IS NOT NULL"
                              " AND NOT EXISTS (SELECT 1 FROM pathway_commit c,"
                              " jsonb_array_elements (c.rows) e WHERE c.seq = l.commit_seq"
                              " AND e->>'t' = 'change_log' AND (e->'r'->>'id')::bigint = l.id"
                              " AND c.author = l.author)"), ==, 0);
  g_assert_cmpint (query_int (conn,
                              "SELECT count (*) FROM pathway_commit c WHERE NOT EXISTS"
                              " (SELECT 1 FROM change_log l WHERE l.commit_seq = c.seq)"), ==, 0);

  /* Each field holds the last saved edit in commit order. */
  {
    g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);

    for (guint i = 0; i < N_CLIENTS; i++)
      for (guint e = 0; e < clients[i].edits->len; e++)
        {
          Edit *edit = &g_array_index (clients[i].edits, Edit, e);
          g_autofree char *key = NULL;
          Edit *before;

          if (!edit->saved)
            continue;
          key = g_strdup_printf ("%s\t%s", edit->reference, edit->rating ? "rating" : "commentary");
          before = g_hash_table_lookup (expected, key);
          if (before == NULL || before->seq < edit->seq)
            g_hash_table_insert (expected, g_steal_pointer (&key), edit);
        }
    result = query (conn, "SELECT reference, rating, commentary FROM action");
    for (int r = 0; r < PQntuples (result); r++)
      {
        const char *reference = PQgetvalue (result, r, 0);
        g_autofree char *rating_key = g_strdup_printf ("%s\trating", reference);
        g_autofree char *commentary_key = g_strdup_printf ("%s\tcommentary", reference);
        Edit *rating = g_hash_table_lookup (expected, rating_key);
        Edit *commentary = g_hash_table_lookup (expected, commentary_key);
        g_auto (GStrv) was = g_strsplit (g_hash_table_lookup (initial, reference), "\t", 2);
        g_autofree char *values = g_strdup_printf ("%s\t%s", PQgetvalue (result, r, 1),
                                                   PQgetvalue (result, r, 2));

        g_assert_cmpstr (PQgetvalue (result, r, 1), ==, rating ? rating->value : was[0]);
        g_assert_cmpstr (PQgetvalue (result, r, 2), ==, commentary ? commentary->value : was[1]);
        g_hash_table_insert (last, g_strdup (reference), NULL);

        /* Every client, caught up, shows the same. */
        for (guint i = 0; i < N_CLIENTS; i++)
          {
            g_assert_cmpstr (g_hash_table_lookup (clients[i].final, reference), ==, values);
            g_assert_cmpint (clients[i].final_seen, ==, max_seq);
          }
      }
    PQclear (result);
  }

  g_test_message ("concurrency: %u clients x %u edits over %u actions: %u acknowledged, "
                  "%u refused (%u naming a change to the other field, %u the refused "
                  "client's own change), %" G_GINT64_FORMAT " commits (numbers up to %"
                  G_GINT64_FORMAT "), %.1f s",
                  N_CLIENTS, N_EDITS, N_ACTIONS, n_saved, n_refused, n_other_field,
                  n_self_named, n_commits, max_seq, seconds);

  PQfinish (conn);
  for (guint i = 0; i < N_CLIENTS; i++)
    client_clear (&clients[i]);
  server_tear_down (&server);
}

/* Two clients' conflicts ----------------------------------------------------------------------
 * Found by the edits above and pinned down here with two documents in this process and their
 * clocks set: a change to one field is not refused over another field's, and a refusal names
 * the change in the way. */

/* Two clients, signed in as the first two client roles, on a programme of one action "1". */
static void
open_two (Server *server, PathwayDocument **a, PathwayDocument **b)
{
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autoptr (GError) error = NULL;
  g_autofree char *role_a = g_strdup_printf (CLIENT_ROLE, 1);
  g_autofree char *role_b = g_strdup_printf (CLIENT_ROLE, 2);
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_b = NULL;
  g_autofree char *person_a = NULL;
  g_autofree char *person_b = NULL;

  server_set_up (server, 1);
  uri_a = pathway_test_pg_add_role (base, role_a, server->db);
  uri_b = pathway_test_pg_add_role (base, role_b, server->db);
  person_a = g_strdup_printf (CLIENT_PERSON, 1);
  person_b = g_strdup_printf (CLIENT_PERSON, 2);
  give_access (server->db, role_a, person_a);
  give_access (server->db, role_b, person_b);
  *a = pathway_document_open (uri_a, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  *b = pathway_document_open (uri_b, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static PathwayAction *
first_action (PathwayDocument *document)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  g_autoptr (PathwayAction) action = g_list_model_get_item (actions, 0);

  g_assert_nonnull (action);
  return action;
}

/* One person re-rates an action; another, who has not seen it, writes its commentary a few
 * minutes later. Nobody changed the commentary, so it is saved: the action's "last updated"
 * moment, which every change to it moves, is no value anyone was shown. */
static void
test_other_field_saved (void)
{
  Server server = { 0 };
  g_autoptr (PathwayDocument) a = NULL;
  g_autoptr (PathwayDocument) b = NULL;
  g_autoptr (GDateTime) ten = store_fixture_utc (2026, 3, 2, 10, 0);
  g_autoptr (GDateTime) five_past = store_fixture_utc (2026, 3, 2, 10, 5);
  g_autoptr (GError) error = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *commentary = NULL;

  open_two (&server, &a, &b);
  pathway_document_set_now (a, ten);
  pathway_document_set_now (b, five_past);
  g_assert_true (pathway_document_set_rating (a, first_action (a), PATHWAY_RATING_RED, NULL,
                                              &error));
  g_assert_no_error (error);
  /* The re-rating moved the action's last-updated moment, which nobody was shown. */
  g_assert_true (pathway_document_set_commentary (b, first_action (b),
                                                  "Written after the re-rating", &error));
  g_assert_no_error (error);
  rating = pathway_test_pg_query_text (server.db, "SELECT rating FROM action");
  commentary = pathway_test_pg_query_text (server.db, "SELECT commentary FROM action");
  g_assert_cmpstr (rating, ==, "red");
  g_assert_cmpstr (commentary, ==, "Written after the re-rating");
  server_tear_down (&server);
}

/* A refusal names the change it was refused over: B re-rates an action after A changed its
 * commentary (both within the same second, so that the re-rating is saved), then changes the
 * commentary B never saw. The refusal names A and A's commentary, not B's own re-rating,
 * which is the newest change to the action B has not caught up with. */
static void
test_refusal_names_the_change (void)
{
  Server server = { 0 };
  g_autoptr (PathwayDocument) a = NULL;
  g_autoptr (PathwayDocument) b = NULL;
  g_autoptr (GDateTime) now = store_fixture_utc (2026, 3, 2, 10, 0);
  g_autoptr (GError) error = NULL;

  open_two (&server, &a, &b);
  pathway_document_set_now (a, now);
  pathway_document_set_now (b, now);
  g_assert_true (pathway_document_set_rating (a, first_action (a), PATHWAY_RATING_RED, NULL,
                                              &error));
  g_assert_true (pathway_document_catch_up (b, NULL, &error));
  g_assert_true (pathway_document_set_commentary (a, first_action (a), "A's words", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (b, first_action (b), PATHWAY_RATING_GREEN, NULL,
                                              &error));
  g_assert_no_error (error);

  g_assert_false (pathway_document_set_commentary (b, first_action (b), "B's words", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT);
  /* The change in the way, not the newest: B's own re-rating came after A's commentary. */
  g_assert_nonnull (strstr (error->message, "Officer 01"));
  g_assert_nonnull (strstr (error->message, "the commentary"));
  g_assert_nonnull (strstr (error->message, "A's words"));
  server_tear_down (&server);
}

/* Kills --------------------------------------------------------------------------------------- */

typedef enum {
  KILL_IN_BATCH,       /* part way through the batch: nothing sent */
  KILL_COMMITTING,     /* as it starts to commit */
  KILL_HELD_KEPT,      /* while the server's commit waits on the test's lock */
  KILL_HELD_ENDED,     /* the same, and the server's session ended before the lock is let go */
  KILL_RUNNING,        /* once the server shows the commit running */
  KILL_COMMITTED,      /* after the commit was acknowledged */
  N_KILL_MOMENTS
} KillMoment;

static const char *const moment_names[] = {
  "in the batch", "committing", "held in the server", "held, session ended",
  "running in the server", "after the commit",
};

static char *
read_line (GDataInputStream *output)
{
  g_autoptr (GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* Reads lines until one that starts with 'prefix'; FALSE at the end of the output. */
static gboolean
read_until (GDataInputStream *output, const char *prefix, gboolean *committed)
{
  for (;;)
    {
      g_autofree char *line = read_line (output);

      if (line == NULL)
        return FALSE;
      if (g_str_has_prefix (line, "committed"))
        *committed = TRUE;
      if (g_str_has_prefix (line, prefix))
        return TRUE;
    }
}

/* The backend of the batch client's session, once the server shows it running the commit
 * (and, when 'waiting', waiting for a lock); 0 once the session is gone. */
static int
find_commit (PGconn *conn, gboolean waiting)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (pid) FILTER (WHERE state ="
                                          " 'active' AND query LIKE '%%pathway_apply%%'%s), -1),"
                                          " count (*) FROM pg_stat_activity"
                                          " WHERE usename = '" BATCH_ROLE "'"
                                          " AND datname = current_database ()",
                                          waiting ? " AND wait_event_type = 'Lock'" : "");
  PGresult *result = query (conn, sql);
  int pid = atoi (PQgetvalue (result, 0, 0));
  int sessions = atoi (PQgetvalue (result, 0, 1));

  PQclear (result);
  return pid > 0 ? pid : sessions > 0 ? -1 : 0;
}

/* Until the server has no session of the batch client left (a session whose client died ends
 * when its statement does). */
static void
wait_for_sessions_to_end (PGconn *conn)
{
  while (query_int (conn, "SELECT count (*) FROM pg_stat_activity WHERE usename = '"
                          BATCH_ROLE "' AND datname = current_database ()") > 0)
    g_usleep (1000);
}

typedef struct {
  gint64 people;       /* named with the run's marker */
  gint64 actions;      /* with the run's marker as their commentary */
  gint64 marked_rows;  /* log rows whose new value carries the run's marker */
  gint64 log_rows;     /* all */
  gint64 commits;      /* all */
} Marked;

static void
count_marked (PGconn *conn, const char *marker, Marked *marked)
{
  g_autofree char *people = g_strdup_printf ("SELECT count (*) FROM person WHERE name LIKE"
                                             " '%s person %%'", marker);
  g_autofree char *actions = g_strdup_printf ("SELECT count (*) FROM action WHERE commentary"
                                              " LIKE '%s action %%'", marker);

  g_autofree char *marked_rows = g_strdup_printf ("SELECT count (*) FROM change_log WHERE"
                                                  " to_value LIKE '%s %%'", marker);

  marked->people = query_int (conn, people);
  marked->actions = query_int (conn, actions);
  marked->marked_rows = query_int (conn, marked_rows);
  marked->log_rows = query_int (conn, "SELECT count (*) FROM change_log");
  marked->commits = query_int (conn, "SELECT count (*) FROM pathway_commit");
}

/* A copy opened now and the one kept open, caught up, pass the check and show the same. */
static void
check_clients (const char *uri, PathwayDocument *kept, PGconn *conn)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) fresh = pathway_document_open (uri, PATHWAY_OPEN_DEFAULT, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  PathwayProgramme *a, *b;

  g_assert_no_error (error);
  g_assert_true (pathway_document_catch_up (kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_document_get_commit_seen (kept), ==,
                   pathway_document_get_commit_seen (fresh));
  g_assert_cmpint (pathway_document_get_commit_seen (fresh), ==,
                   query_int (conn, "SELECT coalesce (max (seq), 0) FROM pathway_commit"));
  for (guint i = 0; i < 2; i++)
    {
      gboolean clean = pathway_document_check (i ? kept : fresh, problems, &error);

      g_assert_no_error (error);
      if (!clean)
        g_error ("the check found %u problems, the first: %s", problems->len,
                 (char *) problems->pdata[0]);
    }
  a = pathway_document_get_programme (fresh);
  b = pathway_document_get_programme (kept);
  store_fixture_assert_same_items ("actions", pathway_programme_get_actions (a),
                                   pathway_programme_get_actions (b));
  store_fixture_assert_same_items ("people", pathway_programme_get_people (a),
                                   pathway_programme_get_people (b));
  g_assert_cmpint (g_list_model_get_n_items (pathway_programme_get_people (a)), ==,
                   query_int (conn, "SELECT count (*) FROM person"));
}

static void
test_kills (void)
{
  Server server = { 0 };
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *client_uri = NULL;
  g_autofree char *observer_uri = NULL;
  g_autoptr (PathwayDocument) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *n_people = g_strdup_printf ("%d", N_BATCH_PEOPLE);
  guint whole[N_KILL_MOMENTS] = { 0 }, nothing[N_KILL_MOMENTS] = { 0 };
  gint64 batch_log_rows = -1, batch_marked_rows = -1;
  PGconn *conn;

  server_set_up (&server, N_BATCH_ACTIONS);
  client_uri = pathway_test_pg_add_role (base, BATCH_ROLE, server.db);
  observer_uri = pathway_test_pg_add_role (base, OBSERVER_ROLE, server.db);
  give_access (server.db, BATCH_ROLE, "Batch Writer");
  give_access (server.db, OBSERVER_ROLE, "Observer");
  conn = connect_to (server.db);
  kept = pathway_document_open (observer_uri, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_KILLS; run++)
    {
      KillMoment moment = run < N_KILL_MOMENTS ? run
                                               : (KillMoment) g_test_rand_int_range (0,
                                                                               N_KILL_MOMENTS);
      g_autofree char *marker = g_strdup_printf ("Run %u", run + 1);
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GDataInputStream) output = NULL;
      g_autofree char *ready = NULL;
      PGconn *holder = NULL;
      gboolean committed = FALSE, killed;
      Marked before, after;
      int pid = 0;

      count_marked (conn, marker, &before);
      /* Held in the server: the commit's last write (its row in pathway_commit) waits on a
       * lock the test holds, so the client is killed with its whole commit in the server's
       * hands. */
      if (moment == KILL_HELD_KEPT || moment == KILL_HELD_ENDED)
        {
          holder = connect_to (server.db);
          PQclear (query (holder, "BEGIN; LOCK TABLE pathway_commit IN SHARE ROW EXCLUSIVE MODE"));
        }
      process = spawn_client (G_SUBPROCESS_FLAGS_NONE, "batch", client_uri, marker, n_people);
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      ready = read_line (output);
      g_assert_cmpstr (ready, ==, "ready");

      switch (moment)
        {
        case KILL_IN_BATCH:
          {
            g_autofree char *changed = g_strdup_printf ("changed %d\n",
                                                        g_test_rand_int_range (
                                                          1, N_BATCH_PEOPLE + N_BATCH_ACTIONS + 1));

            /* "changed 1" also starts "changed 10": match the whole line. */
            for (;;)
              {
                g_autofree char *line = read_line (output);
                g_autofree char *with_end = g_strconcat (line ? line : "", "\n", NULL);

                g_assert_nonnull (line);
                if (g_str_equal (with_end, changed))
                  break;
              }
          }
          break;
        case KILL_COMMITTING:
          g_assert_true (read_until (output, "committing", &committed));
          break;
        case KILL_HELD_KEPT:
        case KILL_HELD_ENDED:
          g_assert_true (read_until (output, "committing", &committed));
          while ((pid = find_commit (conn, TRUE)) <= 0)
            g_assert_cmpint (pid, !=, 0);
          break;
        case KILL_RUNNING:
          g_assert_true (read_until (output, "committing", &committed));
          /* Until the server shows it, unless the commit was over first. */
          while (find_commit (conn, FALSE) < 0 &&
                 query_int (conn, "SELECT count (*) FROM pathway_commit") == before.commits)
            ;
          break;
        case KILL_COMMITTED:
        case N_KILL_MOMENTS:
          g_assert_true (read_until (output, "committed", &committed));
          break;
        }
      g_subprocess_send_signal (process, SIGKILL);
      /* What it printed before the signal landed. */
      while (!committed && read_until (output, "committed", &committed))
        ;
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      killed = g_subprocess_get_if_signaled (process);
      if (!killed)
        g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

      if (holder != NULL)
        {
          if (moment == KILL_HELD_ENDED)
            {
              g_autofree char *terminate = g_strdup_printf ("SELECT pg_terminate_backend (%d)",
                                                            pid);

              PQclear (query (conn, terminate));
            }
          PQclear (query (holder, "COMMIT"));
          PQfinish (holder);
        }
      wait_for_sessions_to_end (conn);

      count_marked (conn, marker, &after);
      if (after.commits == before.commits)
        {
          /* Nothing: no person, no commentary, no log row, no commit. (The marker is matched
           * with the space after it, so "Run 1" never counts the rows of "Run 10".) */
          g_assert_false (committed);
          g_assert_cmpint (after.people, ==, 0);
          g_assert_cmpint (after.actions, ==, 0);
          g_assert_cmpint (after.marked_rows, ==, 0);
          g_assert_cmpint (after.log_rows, ==, before.log_rows);
          nothing[moment]++;
        }
      else
        {
          /* Whole: one commit holding every change and its log row. */
          g_assert_cmpint (after.commits, ==, before.commits + 1);
          g_assert_cmpint (after.people, ==, N_BATCH_PEOPLE);
          g_assert_cmpint (after.actions, ==, N_BATCH_ACTIONS);
          if (batch_log_rows < 0)
            {
              batch_log_rows = after.log_rows - before.log_rows;
              batch_marked_rows = after.marked_rows;
            }
          g_assert_cmpint (after.log_rows - before.log_rows, ==, batch_log_rows);
          g_assert_cmpint (after.marked_rows, ==, batch_marked_rows);
          g_assert_cmpint (batch_log_rows, >=, N_BATCH_PEOPLE + N_BATCH_ACTIONS);
          g_assert_cmpint (batch_marked_rows, >=, N_BATCH_ACTIONS);
          whole[moment]++;
        }
      /* Never sent: nothing; acknowledged: whole. */
      if (moment == KILL_IN_BATCH)
        g_assert_cmpint (after.commits, ==, before.commits);
      if (committed)
        g_assert_cmpint (after.commits, ==, before.commits + 1);
      if (moment == KILL_HELD_ENDED)
        g_assert_cmpint (after.commits, ==, before.commits);

      check_clients (observer_uri, kept, conn);
    }

  {
    g_autoptr (GString) counts = g_string_new (NULL);

    for (guint m = 0; m < N_KILL_MOMENTS; m++)
      g_string_append_printf (counts, "%s%s: %u whole, %u nothing", m ? "; " : "",
                              moment_names[m], whole[m], nothing[m]);
    g_test_message ("kills: %u runs of a batch of %d changes; %s", N_KILLS,
                    N_BATCH_PEOPLE + N_BATCH_ACTIONS, counts->str);
  }
  g_clear_object (&kept);
  PQfinish (conn);
  server_tear_down (&server);
}

int
main (int argc, char *argv[])
{
  if (!pathway_test_pg_available ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remote/concurrency/edits", test_edits);
  g_test_add_func ("/remote/concurrency/kills", test_kills);
  g_test_add_func ("/remote/concurrency/other-field-saved", test_other_field_saved);
  g_test_add_func ("/remote/concurrency/refusal-names-the-change", test_refusal_names_the_change);
  return g_test_run ();
}
