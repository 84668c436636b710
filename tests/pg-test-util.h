/* pg-test-util.h: what the tests need of a real PostgreSQL server. build-aux/test starts one
 * in a temporary folder (build-aux/pg-server) and passes the URI of its maintenance database,
 * as a superuser, in PATHWAY_TEST_PG; each test makes its own empty databases and signs in as
 * ordinary roles of its own, so tests running at once never see each other's data.
 *
 * Without PATHWAY_TEST_PG there is no server and the tests that need one are skipped: a TAP
 * test (the suites' protocol) returns pathway_test_pg_skip_all() from main(), or calls
 * g_test_skip() in each case; meson counts exit code 77 as a skip only for tests declared with
 * protocol 'exitcode'. With PATHWAY_TEST_PG set, a server that cannot be reached fails the test
 * rather than skipping it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATHWAY_TEST_PG_ERROR (pathway_test_pg_error_quark ())

GQuark    pathway_test_pg_error_quark  (void);

/* The superuser's URI of the maintenance database, or NULL when no server was started. */
char     *pathway_test_pg_base_uri     (void);
gboolean  pathway_test_pg_available    (void);
/* Prints a TAP plan that skips the whole program and returns 0, for main() to return. */
int       pathway_test_pg_skip_all     (void);

/* Creates an empty database with a name of its own (pathway_test_PID_N), dropped when the
 * process exits, and returns the superuser's URI of it; NULL without a server. */
char     *pathway_test_pg_new_database (void);
/* Runs one or more SQL statements as the URI's user. The error's message is the server's,
 * with the detail and "(SQLSTATE xxxxx)" after it. */
gboolean  pathway_test_pg_exec         (const char  *uri,
                                        const char  *sql,
                                        GError     **error);
/* The first column of the first row as text; NULL for no row, SQL NULL or an error. */
char     *pathway_test_pg_query_text   (const char  *uri,
                                        const char  *sql);
/* Creates a role that can sign in and is not a superuser, unless one of that name exists
 * (roles belong to the whole server and outlive the databases), and returns db_uri signed in
 * as it. base_uri must be a superuser's. */
char     *pathway_test_pg_add_role     (const char  *base_uri,
                                        const char  *role,
                                        const char  *db_uri);

G_END_DECLS
