/* test-cli-server.c: `pathway-cli server` and the other commands given a programme on a
 * PostgreSQL server, as an IT team and scripts use them: init of an empty database (twice:
 * the second time says it was set up already) and refused on a database holding something
 * else, naming it; the demo uploaded and read back through summary, list and history as the
 * file reads; an edit by a sign-in role logged with the role's name as author; a snapshot that
 * reads the same and refuses edits, and refuses to write over a file; upload refused into a
 * database whose programme has been changed. Without a server (PATHWAY_TEST_PG unset, see
 * tests/pg-test-util.h) those cases are skipped; the usage errors, the help and a URI's
 * password kept out of every message need none. Runs the built pathway-cli. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-support.h"
#include "pathway-remote.h"
#include "pg-test-util.h"

/* The day summaries count overdue actions at, so two runs either side of midnight agree. */
#define TODAY "2026-01-15"

static gboolean
skip_without_server (void)
{
  if (pathway_test_pg_available ())
    return FALSE;
  g_test_skip ("no PostgreSQL server: PATHWAY_TEST_PG is not set (build-aux/test starts one)");
  return TRUE;
}

/* The database's name, as the store's messages quote it. */
static char *
dup_database_name (const char *uri)
{
  return pathway_test_pg_query_text (uri, "SELECT current_database ()");
}

static char *
write_demo (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  char *path = fixture_path (fixture, "demo.pathway");

  run_cli (fixture, &run, "demo", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

/* A new database holding the demo, uploaded from 'demo'. */
static char *
upload_demo (Fixture *fixture, const char *demo)
{
  char *uri = pathway_test_pg_new_database ();
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "server", "upload", demo, uri, NULL);
  if (run.status != 0)
    g_error ("server upload: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "with its whole history"));
  return uri;
}

/* What a command prints, which must succeed in silence on stderr. */
static char *
dup_output (Fixture *fixture, const char *const *args)
{
  g_auto(Run) run = { 0 };

  run_cli_argv (fixture, &run, args);
  if (run.status != 0)
    g_error ("pathway-cli %s %s: exit %d\n%s%s", args[0], args[1], run.status, run.out,
             run.err);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

static void
assert_reads_the_same (Fixture *fixture, const char *a, const char *b)
{
  const char *summary_a[] = { "summary", a, "--by", "workstream", "--today", TODAY, NULL };
  const char *summary_b[] = { "summary", b, "--by", "workstream", "--today", TODAY, NULL };
  const char *list_a[] = { "list", a, "action", "--json", "--retired", NULL };
  const char *list_b[] = { "list", b, "action", "--json", "--retired", NULL };
  const char *people_a[] = { "list", a, "person", "--json", NULL };
  const char *people_b[] = { "list", b, "person", "--json", NULL };
  g_autofree char *text_a = dup_output (fixture, summary_a);
  g_autofree char *text_b = dup_output (fixture, summary_b);
  g_autofree char *actions_a = dup_output (fixture, list_a);
  g_autofree char *actions_b = dup_output (fixture, list_b);
  g_autofree char *persons_a = dup_output (fixture, people_a);
  g_autofree char *persons_b = dup_output (fixture, people_b);

  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (actions_a, ==, actions_b);
  g_assert_cmpstr (persons_a, ==, persons_b);
}

/* The last change in a record's history, as JSON. */
static GVariant *
last_change (Fixture *fixture, const char *location, const char *kind, const char *key)
{
  const char *args[] = { "history", location, kind, key, "--json", NULL };
  g_autofree char *out = dup_output (fixture, args);
  g_autoptr(GVariant) changes = json_parse (out);
  gsize n = g_variant_n_children (changes);
  g_autoptr(GVariant) boxed = NULL;

  g_assert_cmpuint (n, >, 0);
  boxed = g_variant_get_child_value (changes, n - 1);
  return g_variant_get_variant (boxed);
}

/* init ------------------------------------------------------------------------------------- */

static void
test_init_twice (Fixture *fixture, gconstpointer data)
{
  g_autofree char *uri = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GVariant) summary = NULL;
  g_autofree char *name = NULL;
  g_auto(Run) run = { 0 };

  if (skip_without_server ())
    return;
  uri = pathway_test_pg_new_database ();

  run_cli (fixture, &run, "server", "init", uri, "--name", "Northmere SEND programme", NULL);
  if (run.status != 0)
    g_error ("server init: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Set up postgresql://"));
  g_assert_nonnull (strstr (run.out, "an empty programme, “Northmere SEND programme”"));

  /* Again: nothing to do, and it says so. */
  run_cli (fixture, &run, "server", "init", uri, "--name", "Another name", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "set up already"));
  g_assert_nonnull (strstr (run.out, "“Northmere SEND programme”"));
  g_assert_nonnull (strstr (run.out, "nothing was changed"));

  {
    const char *args[] = { "summary", uri, "--json", NULL };

    json = dup_output (fixture, args);
  }
  summary = json_parse (json);
  name = json_dup_string (summary, "programme");
  g_assert_cmpstr (name, ==, "Northmere SEND programme");
  g_assert_cmpuint (json_uint (summary, "actions"), ==, 0);
}

static void
test_init_refuses_other_tables (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *database = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *tables = NULL;
  g_auto(Run) run = { 0 };

  if (skip_without_server ())
    return;
  uri = pathway_test_pg_new_database ();
  database = dup_database_name (uri);
  pathway_test_pg_exec (uri, "CREATE TABLE payroll (id integer, salary numeric)", &error);
  g_assert_no_error (error);

  run_cli (fixture, &run, "server", "init", uri, "--name", "Programme", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  quoted = g_strdup_printf ("“%s”", database);
  g_assert_nonnull (strstr (run.err, quoted));
  g_assert_nonnull (strstr (run.err, "something other than Pathway"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  /* The database is as it was: its one table, and nothing of Pathway's. */
  tables = pathway_test_pg_query_text (uri, "SELECT string_agg (tablename, ',') FROM pg_tables"
                                            " WHERE schemaname = 'public'");
  g_assert_cmpstr (tables, ==, "payroll");

  /* Other commands name it the same way. */
  run_cli (fixture, &run, "summary", uri, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, quoted));
}

/* upload, and the other commands on the server ---------------------------------------------- */

static void
test_upload_reads_as_the_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *editor_uri = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GVariant) change = NULL;
  g_autofree char *author = NULL;
  g_autofree char *to = NULL;
  g_autofree char *note = NULL;
  g_autofree char *demo_sum = NULL;
  g_autofree char *demo_after = NULL;
  g_auto(Run) run = { 0 };

  if (skip_without_server ())
    return;
  demo = write_demo (fixture);
  demo_sum = file_checksum (demo);
  uri = upload_demo (fixture, demo);

  assert_reads_the_same (fixture, demo, uri);

  /* The other read-only commands take the URI too. */
  run_cli (fixture, &run, "check", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  {
    g_autofree char *csv = fixture_path (fixture, "tracker.csv");

    run_cli (fixture, &run, "export", uri, "-o", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  }

  /* An edit by a person signed in as a role of their own: the server logs it with the
   * role's person as author, whoever the client says it is. */
  base = pathway_test_pg_base_uri ();
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (pathway_server_add_user (uri, NULL, "pathway_cli_editor", "Casey Edwards",
                                            PATHWAY_ACCESS_MANAGER, NULL, &error));
    g_assert_no_error (error);
  }
  editor_uri = pathway_test_pg_add_role (base, "pathway_cli_editor", uri);
  run_cli (fixture, &run, "edit", editor_uri, "action", "1A i", "--set", "rating=red", "--note",
           "x", NULL);
  if (run.status != 0)
    g_error ("edit: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");

  change = last_change (fixture, uri, "action", "1A i");
  author = json_dup_string (change, "author");
  to = json_dup_string (change, "to");
  note = json_dup_string (change, "note");
  g_assert_cmpstr (author, ==, "Casey Edwards");
  g_assert_cmpstr (to, ==, "red");
  g_assert_cmpstr (note, ==, "x");

  /* The text history says the same. */
  run_cli (fixture, &run, "history", uri, "action", "1A i", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Casey Edwards"));
  g_assert_nonnull (strstr (run.out, "rating changed from “green” to “red” (note: x)"));

  /* The file uploaded is not the server's copy: it is as it was. */
  demo_after = file_checksum (demo);
  g_assert_cmpstr (demo_after, ==, demo_sum);
}

static void
test_upload_refused_after_changes (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *database = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  const char *summary[] = { "summary", NULL, "--today", TODAY, NULL };

  if (skip_without_server ())
    return;
  demo = write_demo (fixture);
  uri = upload_demo (fixture, demo);
  database = dup_database_name (uri);

  run_cli (fixture, &run, "edit", uri, "action", "1A i", "--set", "rating=amber", NULL);
  g_assert_cmpint (run.status, ==, 0);
  summary[1] = uri;
  before = dup_output (fixture, summary);

  run_cli (fixture, &run, "server", "upload", demo, uri, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  quoted = g_strdup_printf ("“%s”", database);
  g_assert_nonnull (strstr (run.err, quoted));
  g_assert_nonnull (strstr (run.err, "holds a programme with a history"));

  /* The change stands. */
  after = dup_output (fixture, summary);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GVariant) change = last_change (fixture, uri, "action", "1A i");
    g_autofree char *to = json_dup_string (change, "to");

    g_assert_cmpstr (to, ==, "amber");
  }
}

/* snapshot --------------------------------------------------------------------------------- */

static void
test_snapshot (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_sum = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  if (skip_without_server ())
    return;
  demo = write_demo (fixture);
  uri = upload_demo (fixture, demo);
  copy = fixture_path (fixture, "copy.pathway");

  /* A change on the server first, so the copy is of the server and not of the file. */
  run_cli (fixture, &run, "edit", uri, "action", "1A i", "--set", "rating=amber", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (fixture, &run, "server", "snapshot", uri, "-o", "copy.pathway", NULL);
  if (run.status != 0)
    g_error ("server snapshot: exit %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "copy.pathway"));
  g_assert_nonnull (strstr (run.out, "read-only"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  assert_reads_the_same (fixture, uri, copy);
  {
    g_autoptr(GVariant) change = last_change (fixture, copy, "action", "1A i");
    g_autofree char *to = json_dup_string (change, "to");

    g_assert_cmpstr (to, ==, "amber");
  }

  /* The copy is a record of the server's programme, not a second place to change it. */
  copy_sum = file_checksum (copy);
  run_cli (fixture, &run, "edit", copy, "action", "1A i", "--set", "rating=green", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
  after = file_checksum (copy);
  g_assert_cmpstr (after, ==, copy_sum);

  /* Never over a file that is there. */
  run_cli (fixture, &run, "server", "snapshot", uri, "-o", copy, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "copy.pathway"));
  g_assert_nonnull (strstr (run.err, "already exists"));
  g_free (after);
  after = file_checksum (copy);
  g_assert_cmpstr (after, ==, copy_sum);
}

/* upgrade ---------------------------------------------------------------------------------- */

static void
test_upgrade_up_to_date (Fixture *fixture, gconstpointer data)
{
  g_autofree char *uri = NULL;
  g_auto(Run) run = { 0 };

  if (skip_without_server ())
    return;
  uri = pathway_test_pg_new_database ();

  /* Nothing to upgrade in a database that holds no programme. */
  run_cli (fixture, &run, "server", "upgrade", uri, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no Pathway programme"));

  run_cli (fixture, &run, "server", "init", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "server", "upgrade", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "up to date"));

  /* upgrade takes a server as server upgrade does. */
  run_cli (fixture, &run, "upgrade", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "up to date"));
}

/* Without a server --------------------------------------------------------------------------- */

/* A server that cannot be reached cannot be used (exit 2), and the URI's password is never
 * printed. */
static void
test_unreachable_hides_password (Fixture *fixture, gconstpointer data)
{
  g_autofree char *missing = fixture_path (fixture, "no-server");
  g_autofree char *uri = g_strdup_printf ("postgresql://beth:s3cr3t-word@/pathway?host=%s",
                                          missing);
  const char *const commands[][4] = {
    { "summary", uri, NULL },
    { "list", uri, "action", NULL },
    { "server", "init", uri, NULL },
    { "server", "upgrade", uri, NULL },
    { "server", "snapshot", uri, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      for (guint a = 0; commands[i][a] != NULL; a++)
        g_ptr_array_add (args, (char *) commands[i][a]);
      if (i == 4)
        {
          g_ptr_array_add (args, "-o");
          g_ptr_array_add (args, "copy.pathway");
        }
      g_ptr_array_add (args, NULL);
      run_cli_argv (fixture, &run, (const char *const *) args->pdata);
      if (run.status != 2)
        g_error ("case %u: exit %d\n%s%s", i, run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
      g_assert_nonnull (strstr (run.err, "Cannot connect to postgresql://beth@/pathway"));
      g_assert_null (strstr (run.err, "s3cr3t"));
    }
}

typedef struct {
  const char *args[7];
  const char *says;
} UsageCase;

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  const char *uri = "postgresql://db.example.org/send";
  const UsageCase cases[] = {
    { { "server", NULL }, "init, upload, snapshot, upgrade" },
    { { "server", "frobnicate", uri, NULL }, "server frobnicate" },
    { { "server", "init", NULL }, "missing URI" },
    { { "server", "init", "programme.pathway", NULL }, "not a server" },
    { { "server", "init", uri, "--name", "  ", NULL }, "empty" },
    { { "server", "upload", "programme.pathway", NULL }, "missing URI" },
    { { "server", "upload", "programme.pathway", "other.pathway", NULL }, "not a server" },
    { { "server", "upload", uri, uri, NULL }, "not a server" },
    { { "server", "snapshot", uri, NULL }, "missing -o" },
    { { "server", "snapshot", uri, "-o", uri, NULL }, "not a server" },
    { { "server", "upgrade", uri, "--name", "x", NULL }, "unknown option" },
    { { "new", uri, "--name", "Programme", NULL }, "server init" },
    { { "demo", uri, NULL }, "server upload" },
    { { "backups", uri, NULL }, "pg_dump" },
    { { "salvage", uri, "-o", "new.pathway", NULL }, "server snapshot" },
    { { "restore", uri, "backup", "-o", "new.pathway", NULL }, "server snapshot" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli_argv (fixture, &run, cases[i].args);
      if (run.status != 1)
        g_error ("case %u (%s %s): exit %d\n%s%s", i, cases[i].args[0],
                 cases[i].args[1] ? cases[i].args[1] : "", run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "pathway-cli: "));
      if (strstr (lines[0], cases[i].says) == NULL)
        g_error ("case %u does not say “%s”: %s", i, cases[i].says, lines[0]);
      g_assert_cmpstr (lines[1], ==, "Try 'pathway-cli --help'");
    }

  /* Nothing was written by a command line that was refused. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_help (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  /* Listed once, as a group. */
  run_cli (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  server "));
  g_assert_null (strstr (run.out, "server init"));
  g_assert_nonnull (strstr (run.out, "postgresql://HOST/DATABASE"));

  for (const char *const *words = (const char *[]) { "help", "server", NULL, "server",
                                                     "--help", NULL, NULL };
       *words != NULL; words += 3)
    {
      run_cli (fixture, &run, words[0], words[1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (const char *const *command = (const char *[]) { "server init URI [--name NAME]",
                                                           "server upload FILE URI",
                                                           "server snapshot URI -o FILE",
                                                           "server upgrade URI", NULL };
           *command; command++)
        g_assert_nonnull (strstr (run.out, *command));
      g_assert_nonnull (strstr (run.out, "~/.pgpass"));
      g_assert_nonnull (strstr (run.out, "sslmode=verify-full"));
      /* No list of kinds of record for a command that takes none. */
      g_assert_null (strstr (run.out, "Kinds and their fields"));
    }

  run_cli (fixture, &run, "help", "server", "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: pathway-cli server init URI"));
  g_assert_nonnull (strstr (run.out, "--name"));

  /* Commands that take FILE say it may be a server; those that need a file do not. */
  run_cli (fixture, &run, "help", "summary", NULL);
  g_assert_nonnull (strstr (run.out, "FILE may also be a programme kept on a PostgreSQL"));
  run_cli (fixture, &run, "help", "import", NULL);
  g_assert_nonnull (strstr (run.out, "FILE may also be a programme kept on a PostgreSQL"));
  run_cli (fixture, &run, "help", "backups", NULL);
  g_assert_null (strstr (run.out, "PostgreSQL"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/server/init/twice", test_init_twice);
  ADD ("/cli/server/init/refuses-other-tables", test_init_refuses_other_tables);
  ADD ("/cli/server/upload/reads-as-the-file", test_upload_reads_as_the_file);
  ADD ("/cli/server/upload/refused-after-changes", test_upload_refused_after_changes);
  ADD ("/cli/server/snapshot/same-and-read-only", test_snapshot);
  ADD ("/cli/server/upgrade/up-to-date", test_upgrade_up_to_date);
  ADD ("/cli/server/unreachable-hides-password", test_unreachable_hides_password);
  ADD ("/cli/server/usage-errors", test_usage_errors);
  ADD ("/cli/server/help", test_help);

#undef ADD

  return g_test_run ();
}
