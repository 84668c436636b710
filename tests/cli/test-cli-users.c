/* test-cli-users.c: `pathway-cli server user add`, `set-role`, `remove` and `list`, as a
 * programme's manager uses them on the real server of build-aux/test, signed in as ordinary
 * roles (a superuser would bypass the server's row-level security): the set-up role makes the
 * first manager; the manager, who may not create roles, adds a lead and is handed the SQL for
 * IT, which the test runs as IT would; the lead changes their action and cannot give access;
 * as a reader they read and cannot edit; removed, they cannot read, and the history still
 * names them. Without a server (PATHWAY_TEST_PG unset, see tests/pg-test-util.h) those cases
 * are skipped; the usage errors and the help need none. Runs the built pathway-cli. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli-test-support.h"
#include "pg-test-util.h"

static gboolean
skip_without_server (void)
{
  if (pathway_test_pg_available ())
    return FALSE;
  g_test_skip ("no PostgreSQL server: PATHWAY_TEST_PG is not set (build-aux/test starts one)");
  return TRUE;
}

/* A new database holding the demo, as the set-up role (the test server's superuser). */
static char *
upload_demo (Fixture *fixture)
{
  g_autofree char *demo = fixture_path (fixture, "demo.pathway");
  char *uri = pathway_test_pg_new_database ();
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "demo", demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "server", "upload", demo, uri, NULL);
  if (run.status != 0)
    g_error ("server upload: exit %d\n%s%s", run.status, run.out, run.err);
  return uri;
}

/* Runs a command that must succeed in silence on stderr, and returns what it printed. */
static char *
dup_output (Fixture *fixture, const char *const *args)
{
  g_auto(Run) run = { 0 };

  run_cli_argv (fixture, &run, args);
  if (run.status != 0)
    g_error ("pathway-cli %s %s %s: exit %d\n%s%s", args[0], args[1], args[2], run.status,
             run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

/* The line of 'list' whose first column is 'login'. */
static char *
dup_list_line (const char *list, const char *login)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], " ", 2);

      if (cells[0] != NULL && g_str_equal (cells[0], login))
        return g_strdup (lines[i]);
    }
  g_error ("%s is not listed:\n%s", login, list);
  return NULL;
}

/* A refusal: exit 2, nothing on stdout, one line on stderr saying 'says'. */
static void
assert_refused (const Run *run, const char *says)
{
  if (run->status != 2)
    g_error ("exit %d, not 2\n%s%s", run->status, run->out, run->err);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "pathway-cli: "));
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  if (strstr (run->err, says) == NULL)
    g_error ("the refusal does not say “%s”: %s", says, run->err);
}

static void
test_manager_gives_and_takes_access (Fixture *fixture, gconstpointer data)
{
  g_autofree char *uri = NULL;
  g_autofree char *base = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *manager_uri = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *lead_uri = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *list = NULL;
  g_autofree char *line = NULL;
  g_autofree char *history = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  const char *sql_start;

  if (skip_without_server ())
    return;
  /* Roles belong to the whole server and outlive its databases: names of this run's own. */
  manager = g_strdup_printf ("cli_manager_%d", (int) getpid ());
  lead = g_strdup_printf ("cli_beth_%d", (int) getpid ());
  base = pathway_test_pg_base_uri ();
  uri = upload_demo (fixture);

  /* The set-up role may create roles: it makes the first manager, and no SQL is left over. */
  run_cli (fixture, &run, "server", "user", "add", uri, "--login", manager, "--person",
           "Priya Raman", "--role", "manager", NULL);
  if (run.status != 0)
    g_error ("server user add: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("Priya Raman (%s) is now a manager of the "
                                                 "programme on postgresql://", manager);

    g_assert_true (g_str_has_prefix (run.out, expected));
  }
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  manager_uri = pathway_test_pg_add_role (base, manager, uri);

  /* The manager may not create roles: the lead is given access all the same, and the SQL
   * for IT is printed after saying why, with exit status 0. */
  run_cli (fixture, &run, "server", "user", "add", manager_uri, "--login", lead, "--person",
           "Beth Kowalski", "--role", "lead", NULL);
  if (run.status != 0)
    g_error ("server user add: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("Beth Kowalski (%s) is now a lead of the "
                                                 "programme on postgresql://%s@/",
                                                 lead, manager);

    g_assert_true (g_str_has_prefix (run.out, expected));
  }
  g_assert_nonnull (strstr (run.out, "does not let you create sign-in roles"));
  g_assert_nonnull (strstr (run.out, "database administrator"));
  sql_start = strstr (run.out, "\n\nCREATE ROLE ");
  g_assert_nonnull (sql_start);
  sql = g_strdup (sql_start + 2);
  g_assert_nonnull (strstr (sql, lead));
  g_assert_nonnull (strstr (sql, " LOGIN;\nGRANT "));
  g_assert_nonnull (strstr (sql, "_lead TO "));

  /* Everyone is listed; the lead cannot sign in until IT has run the SQL. */
  {
    const char *args[] = { "server", "user", "list", manager_uri, NULL };

    list = dup_output (fixture, args);
  }
  g_assert_true (g_str_has_prefix (list, "login "));
  line = dup_list_line (list, manager);
  g_assert_nonnull (strstr (line, "Priya Raman"));
  g_assert_true (g_str_has_suffix (line, " manager"));
  g_clear_pointer (&line, g_free);
  line = dup_list_line (list, lead);
  g_assert_nonnull (strstr (line, "Beth Kowalski"));
  g_assert_nonnull (strstr (line, " lead "));
  g_assert_true (g_str_has_suffix (line, "  cannot sign in yet"));
  g_clear_pointer (&line, g_free);
  g_clear_pointer (&list, g_free);

  /* IT runs it, as printed. */
  g_assert_true (pathway_test_pg_exec (uri, sql, &error));
  g_assert_no_error (error);
  lead_uri = pathway_test_pg_add_role (base, lead, uri);

  /* Beth changes an action she leads, and cannot give anyone access. */
  run_cli (fixture, &run, "edit", lead_uri, "action", "1B iii", "--set", "rating=amber",
           "--note", "Recovery plan agreed", NULL);
  if (run.status != 0)
    g_error ("edit as the lead: exit %d\n%s%s", run.status, run.out, run.err);
  run_cli (fixture, &run, "server", "user", "add", lead_uri, "--login", manager, "--person",
           "Priya Raman", "--role", "reader", NULL);
  assert_refused (&run, "Only the programme’s managers");
  run_cli (fixture, &run, "server", "user", "set-role", lead_uri, "--login", lead, "--role",
           "manager", NULL);
  assert_refused (&run, "Only the programme’s managers can give or take access");

  /* As a reader she reads the programme and changes nothing. */
  run_cli (fixture, &run, "server", "user", "set-role", manager_uri, "--login", lead, "--role",
           "reader", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("Beth Kowalski (%s) is now a reader of the "
                                                 "programme on postgresql://", lead);

    g_assert_true (g_str_has_prefix (run.out, expected));
  }
  {
    const char *args[] = { "summary", lead_uri, "--today", "2026-01-15", NULL };
    g_autofree char *summary = dup_output (fixture, args);

    g_assert_nonnull (strstr (summary, "Sallowmere"));
  }
  run_cli (fixture, &run, "edit", lead_uri, "action", "1B iii", "--set", "rating=green", NULL);
  assert_refused (&run, "You can read this programme; only its managers, leads and data "
                        "officers change it.");

  /* Removed: she cannot read the programme any more, and her change keeps her name. */
  run_cli (fixture, &run, "server", "user", "remove", manager_uri, "--login", lead, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("Beth Kowalski (%s) no longer has access to "
                                                 "the programme on postgresql://", lead);

    g_assert_true (g_str_has_prefix (run.out, expected));
  }
  g_assert_nonnull (strstr (run.out, "stay in its history"));
  run_cli (fixture, &run, "summary", lead_uri, NULL);
  assert_refused (&run, "You have no access to this programme");
  {
    const char *args[] = { "history", manager_uri, "action", "1B iii", NULL };

    history = dup_output (fixture, args);
  }
  g_assert_nonnull (strstr (history, "Beth Kowalski  rating changed from “red” to “amber” "
                                     "(note: Recovery plan agreed)"));

  /* Listed as removed, the person kept; again, and it says nothing was changed. */
  {
    const char *args[] = { "server", "user", "list", manager_uri, NULL };

    list = dup_output (fixture, args);
  }
  line = dup_list_line (list, lead);
  g_assert_nonnull (strstr (line, "Beth Kowalski"));
  g_assert_true (g_str_has_suffix (line, "  removed"));
  g_assert_null (strstr (line, "reader"));
  run_cli (fixture, &run, "server", "user", "remove", manager_uri, "--login", lead, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "nothing was changed"));

  /* A login that never had access is named. */
  run_cli (fixture, &run, "server", "user", "remove", manager_uri, "--login", "nobody_at_all",
           NULL);
  assert_refused (&run, "“nobody_at_all” has no access");
}

/* --json: an array of objects, one per login, for scripts. */
static void
test_list_json (Fixture *fixture, gconstpointer data)
{
  g_autofree char *uri = NULL;
  g_autofree char *newcomer = g_strdup_printf ("cli_newcomer_%d", (int) getpid ());
  g_autofree char *out = NULL;
  g_autoptr(GVariant) users = NULL;
  g_auto(Run) run = { 0 };
  gboolean seen = FALSE;

  if (skip_without_server ())
    return;
  uri = upload_demo (fixture);

  /* Nobody yet: said in words, and an empty array for a script. */
  run_cli (fixture, &run, "server", "user", "list", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Nobody has been given access"));
  {
    const char *args[] = { "server", "user", "list", uri, "--json", NULL };

    out = dup_output (fixture, args);
  }
  users = json_parse (out);
  g_assert_cmpuint (g_variant_n_children (users), ==, 0);
  g_clear_pointer (&users, g_variant_unref);
  g_clear_pointer (&out, g_free);

  run_cli (fixture, &run, "server", "user", "add", uri, "--login", newcomer, "--person",
           "Ravi Patel", "--role", "DATA-OFFICER", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "is now a data officer"));
  {
    const char *args[] = { "server", "user", "list", uri, "--json", NULL };

    out = dup_output (fixture, args);
  }
  users = json_parse (out);
  for (gsize i = 0; i < g_variant_n_children (users); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (users, i);
      g_autoptr(GVariant) user = g_variant_get_variant (boxed);
      g_autofree char *login = json_dup_string (user, "login");
      g_autofree char *person = NULL;
      g_autofree char *role = NULL;
      gboolean removed = TRUE, can_sign_in = FALSE;

      if (!g_str_equal (login, newcomer))
        continue;
      seen = TRUE;
      person = json_dup_string (user, "person");
      role = json_dup_string (user, "role");
      g_assert_true (g_variant_lookup (user, "removed", "b", &removed));
      g_assert_true (g_variant_lookup (user, "can_sign_in", "b", &can_sign_in));
      g_assert_cmpstr (person, ==, "Ravi Patel");
      g_assert_cmpstr (role, ==, "data-officer");
      g_assert_false (removed);
      /* Made by the set-up role, which may create roles. */
      g_assert_true (can_sign_in);
    }
  g_assert_true (seen);
}

/* Without a server ------------------------------------------------------------------------- */

typedef struct {
  const char *args[11];
  const char *says;
} UsageCase;

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  const char *uri = "postgresql://db.example.org/send";
  const UsageCase cases[] = {
    { { "server", "user", NULL }, "server user: missing command (add, set-role, remove, list)" },
    { { "server", NULL }, "(init, upload, snapshot, upgrade, user)" },
    { { "server", "user", "promote", uri, NULL }, "unknown command 'server user promote'" },
    { { "server", "user", "add", NULL }, "server user add: missing URI" },
    { { "server", "user", "add", "programme.pathway", "--login", "beth", "--person", "Beth",
        "--role", "lead", NULL }, "not a server" },
    { { "server", "user", "add", uri, "--person", "Beth Kowalski", "--role", "lead", NULL },
      "server user add: missing --login NAME" },
    { { "server", "user", "add", uri, "--login", " ", "--person", "Beth Kowalski", "--role",
        "lead", NULL }, "server user add: --login is empty" },
    { { "server", "user", "add", uri, "--login", "beth", "--role", "lead", NULL },
      "server user add: missing --person NAME" },
    { { "server", "user", "add", uri, "--login", "beth", "--person", "Beth Kowalski", NULL },
      "missing --role ROLE (manager, lead, data-officer or reader)" },
    { { "server", "user", "add", uri, "--login", "beth", "--person", "Beth Kowalski", "--role",
        "boss", NULL }, "server user add: --role takes manager, lead, data-officer or reader, "
                        "not 'boss'" },
    { { "server", "user", "add", uri, "--login",
        "a_sign_in_name_that_is_much_longer_than_postgresql_lets_a_name_be", "--person", "Beth",
        "--role", "lead", NULL }, "at most 63 bytes" },
    { { "server", "user", "set-role", uri, "--role", "lead", NULL },
      "server user set-role: missing --login NAME" },
    { { "server", "user", "set-role", uri, "--login", "beth", NULL },
      "server user set-role: missing --role ROLE" },
    { { "server", "user", "set-role", uri, "--login", "beth", "--role", "none", NULL },
      "not 'none'" },
    { { "server", "user", "set-role", uri, "--login", "beth", "--role", "lead", "--person",
        "Beth", NULL }, "unknown option '--person'" },
    { { "server", "user", "remove", uri, NULL }, "server user remove: missing --login NAME" },
    { { "server", "user", "list", uri, "extra", NULL }, "unexpected argument 'extra'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli_argv (fixture, &run, cases[i].args);
      if (run.status != 1)
        g_error ("case %u: exit %d\n%s%s", i, run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "pathway-cli: "));
      if (strstr (lines[0], cases[i].says) == NULL)
        g_error ("case %u does not say “%s”: %s", i, cases[i].says, lines[0]);
      g_assert_cmpstr (lines[1], ==, "Try 'pathway-cli --help'");
    }
}

static void
test_help (Fixture *fixture, gconstpointer data)
{
  static const char *const synopses[] = {
    "server user add URI --login NAME --person NAME --role ROLE",
    "server user set-role URI --login NAME --role ROLE",
    "server user remove URI --login NAME",
    "server user list URI [--json]",
    NULL
  };
  g_auto(Run) run = { 0 };

  /* The server group's help lists the user commands and what each role may change. */
  for (const char *const *words = (const char *[]) { "help", "server", NULL,
                                                     "server", "--help", NULL,
                                                     "help", "server", "user",
                                                     "server", "user", "--help", NULL };
       *words != NULL; words += 3)
    {
      run_cli (fixture, &run, words[0], words[1], words[2], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (const char *const *synopsis = synopses; *synopsis; synopsis++)
        g_assert_nonnull (strstr (run.out, *synopsis));
      g_assert_nonnull (strstr (run.out, "  data-officer  indicator readings\n"));
      g_assert_nonnull (strstr (run.out, "prints\nthe SQL for the database administrator"));
      g_assert_null (strstr (run.out, "Kinds and their fields"));
    }

  /* One command's help. */
  run_cli (fixture, &run, "help", "server", "user", "add", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: pathway-cli server user add URI --login "
                                            "NAME --person NAME --role ROLE\n"));
  g_assert_nonnull (strstr (run.out, "--role ROLE"));
  g_assert_nonnull (strstr (run.out, "manager, lead, data-officer or reader"));
  run_cli (fixture, &run, "server", "user", "remove", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: pathway-cli server user remove URI"));

  /* The overall help lists the server group once, not the group inside it. */
  run_cli (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  server "));
  g_assert_null (strstr (run.out, "server user"));

  run_cli (fixture, &run, "help", "server", "user", "promote", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown command 'server user promote'"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/server/user/manager-gives-and-takes-access", test_manager_gives_and_takes_access);
  ADD ("/cli/server/user/list-json", test_list_json);
  ADD ("/cli/server/user/usage-errors", test_usage_errors);
  ADD ("/cli/server/user/help", test_help);

#undef ADD

  return g_test_run ();
}
