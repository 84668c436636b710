/* test-pg-harness.c: the PostgreSQL server the tests of programmes on a server rely on is
 * what they take it to be. Each new database is empty and apart from the others, its URI
 * reaches it, it is gone once the process that made it has exited, and a role made for a test
 * signs in as itself and is no superuser. Skipped when no server was started (PATHWAY_TEST_PG
 * unset); build-aux/test always starts one. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <string.h>
#include <unistd.h>

#include "pg-test-util.h"

/* The child of /pg-harness/dropped-at-exit writes its database's name into this database. */
#define PARENT_DB_VARIABLE "PATHWAY_TEST_PG_HARNESS_PARENT"

static void
test_databases_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = pathway_test_pg_new_database ();
  g_autofree char *second = pathway_test_pg_new_database ();
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *table = NULL;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_prefix (first, "postgresql://"));

  first_name = pathway_test_pg_query_text (first, "SELECT current_database()");
  second_name = pathway_test_pg_query_text (second, "SELECT current_database()");
  g_assert_true (g_str_has_prefix (first_name, "pathway_test_"));
  g_assert_true (g_str_has_prefix (second_name, "pathway_test_"));
  g_assert_cmpstr (first_name, !=, second_name);

  pathway_test_pg_exec (first, "CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2), (3)",
                        &error);
  g_assert_no_error (error);
  count = pathway_test_pg_query_text (first, "SELECT count(*) FROM t");
  g_assert_cmpstr (count, ==, "3");
  table = pathway_test_pg_query_text (second, "SELECT to_regclass('t')::text");
  g_assert_null (table);

  g_assert_false (pathway_test_pg_exec (second, "SELECT x FROM t", &error));
  g_assert_error (error, PATHWAY_TEST_PG_ERROR, 0);
  g_assert_nonnull (strstr (error->message, "(SQLSTATE 42P01)"));
}

static void
test_role_not_superuser (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *database = pathway_test_pg_new_database ();
  g_autofree char *name = g_strdup_printf ("pathway_test_clerk_%d", (int) getpid ());
  g_autofree char *clerk = pathway_test_pg_add_role (base, name, database);
  g_autofree char *again = pathway_test_pg_add_role (base, name, database);
  g_autofree char *user = pathway_test_pg_query_text (clerk, "SELECT current_user");
  g_autofree char *superuser = pathway_test_pg_query_text (clerk, "SHOW is_superuser");
  g_autofree char *in_catalogue = NULL;
  g_autofree char *where = pathway_test_pg_query_text (clerk, "SELECT current_database()");
  g_autofree char *expected_where = pathway_test_pg_query_text (database,
                                                                "SELECT current_database()");

  g_assert_cmpstr (clerk, ==, again);
  g_assert_cmpstr (user, ==, name);
  g_assert_cmpstr (superuser, ==, "off");
  g_assert_cmpstr (where, ==, expected_where);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT rolsuper::text FROM pg_roles "
                                            "WHERE rolname = '%s'", name);

    in_catalogue = pathway_test_pg_query_text (database, sql);
    g_assert_cmpstr (in_catalogue, ==, "false");
  }

  /* What only a superuser may do is refused, with the server's reason. */
  g_assert_false (pathway_test_pg_exec (clerk, "CREATE DATABASE pathway_test_not_allowed",
                                        &error));
  g_assert_error (error, PATHWAY_TEST_PG_ERROR, 0);
  g_assert_nonnull (strstr (error->message, "(SQLSTATE 42501)"));
}

static void
test_dropped_at_exit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *child_name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *left = NULL;
  g_autofree char *base = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *database = pathway_test_pg_new_database ();
      g_autofree char *name = pathway_test_pg_query_text (database, "SELECT current_database()");

      sql = g_strdup_printf ("INSERT INTO made VALUES ('%s')", name);
      pathway_test_pg_exec (g_getenv (PARENT_DB_VARIABLE), sql, &error);
      g_assert_no_error (error);
      return;
    }

  parent = pathway_test_pg_new_database ();
  pathway_test_pg_exec (parent, "CREATE TABLE made (name text)", &error);
  g_assert_no_error (error);
  g_setenv (PARENT_DB_VARIABLE, parent, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_unsetenv (PARENT_DB_VARIABLE);

  child_name = pathway_test_pg_query_text (parent, "SELECT name FROM made");
  g_assert_true (g_str_has_prefix (child_name, "pathway_test_"));
  base = pathway_test_pg_base_uri ();
  sql = g_strdup_printf ("SELECT datname FROM pg_database WHERE datname = '%s'", child_name);
  left = pathway_test_pg_query_text (base, sql);
  g_assert_null (left);
}

int
main (int argc, char *argv[])
{
  if (!pathway_test_pg_available ())
    return pathway_test_pg_skip_all ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-harness/databases-apart", test_databases_apart);
  g_test_add_func ("/pg-harness/role-not-superuser", test_role_not_superuser);
  g_test_add_func ("/pg-harness/dropped-at-exit", test_dropped_at_exit);

  return g_test_run ();
}
