/* store-fixture.h: what the store tests share. A temporary folder for each test, files read
 * whole so a refusal can be shown to leave them byte for byte as they were, a small programme
 * made through the document API, and a property-by-property comparison of model objects so a
 * round trip through the file is checked for every field the class has, not only the ones a
 * test remembered to name.
 *
 * The tests of the document API run against either store: a file, or, with
 * PATHWAY_TEST_STORE=postgresql (and a server in PATHWAY_TEST_PG), a database of its own on the
 * test server for each programme. A test names its programme by a file's path either way; the
 * fixture's create and open functions make the file and, on a server, upload it into a new
 * database and open that instead, signed in as an ordinary role. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

/* A new folder under the system's temporary folder; remove it with store_fixture_remove_dir. */
char *store_fixture_make_dir (void);
/* Removes the folder and everything in it, making read-only entries writable first. */
void store_fixture_remove_dir (const char *dir);

GBytes *store_fixture_read_file (const char *path);
void store_fixture_write_file (const char *path, const void *data, gsize size);
void store_fixture_copy_file (const char *from, const char *to);
/* Fails the test when the file's bytes are not exactly 'before'. */
void store_fixture_assert_file_unchanged (const char *path, GBytes *before);

GDateTime *store_fixture_utc (int year, int month, int day, int hour, int minute);
GDate *store_fixture_date (int year, int month, int day);
/* Sets the document's clock to noon UTC on the day, so the day is the same in any zone. */
void store_fixture_set_day (PathwayDocument *document, int year, int month, int day);

/* TRUE when the tests run against a PostgreSQL server (PATHWAY_TEST_STORE=postgresql). */
gboolean store_fixture_on_server (void);
/* TRUE when they should but no server was started: main() then returns
 * pathway_test_pg_skip_all (). */
gboolean store_fixture_server_missing (void);

/* pathway_document_create(); on a server, the new file is uploaded into a new database, which
 * is opened (as the author the file store would have given the document). */
PathwayDocument *store_fixture_create (const char *path, const char *name, GError **error);
/* pathway_document_open(); on a server, opens the database 'path' was uploaded into (the file
 * at 'path' is uploaded first when it has not been), or 'path' itself when it is a server's
 * URI (a document's path). */
PathwayDocument *store_fixture_open (const char *path, PathwayOpenFlags flags, GError **error);
/* pathway_document_set_author(); on a server, where the author is the signed-in role's person,
 * the server is told the role's person is now 'author', which the document takes at its next
 * write. */
void store_fixture_set_author (PathwayDocument *document, const char *author);
/* On a server: the document's copy in memory holds, row for row, what a copy opened afresh
 * from the server holds, and its model shows the same records; and so does a second client
 * that opened the programme when it was put on the server and catches up now. Nothing for a
 * file. */
void store_fixture_check_server (PathwayDocument *document);
/* The document (a client of the server at 'uri') holds in its copy in memory, row for row, and
 * shows in its model, record for record with every property and change, what a client opening
 * 'uri' afresh does. 'what' names the document in a failure. */
void store_fixture_assert_matches_server (const char *what, PathwayDocument *document,
                                          const char *uri);
/* At the end of a test: every programme it put on the server is checked as above (its second
 * client against a fresh copy) and the second clients are closed. */
void store_fixture_forget_servers (void);
/* All that the programme at 'path' holds: the file's bytes, or on a server every table's rows
 * and its commits, for store_fixture_assert_programme_unchanged. */
GBytes *store_fixture_read_programme (const char *path);
void store_fixture_assert_programme_unchanged (const char *path, GBytes *before);
/* The first column of the first row of 'sql' run on the programme at 'path' (the file, or the
 * server's database), with ?1 bound to 'text' and ?2 to 'number'. */
gint64 store_fixture_query_int (const char *path, const char *sql, const char *text,
                                gint64 number);

/* Creates 'path' holding a programme with 'n_actions' actions (references "1".."n"), all in one
 * workstream, unrated, and closes it. */
void store_fixture_make_programme (const char *path, guint n_actions);

/* The action with this id if the programme shows it (found and not marked deleted). */
PathwayAction *store_fixture_find_live_action (PathwayDocument *document, gint64 id);

/* Every readable property of 'a' equals the same property of 'b': strings exactly, doubles
 * with NAN equal to NAN, dates, date-times as instants, timescales by text, date and precision,
 * objects by their own properties. 'what' names the pair in a failure. */
void store_fixture_assert_same_properties (const char *what, gpointer a, gpointer b);
/* Both lists hold objects with the same ids, and each pair has the same properties. */
void store_fixture_assert_same_items (const char *what, GListModel *a, GListModel *b);
/* Every property of 'object' is set away from its default (strings not empty, dates and
 * objects present, numbers not NAN, enums not their default), except those named. Shows that
 * a round-trip fixture exercises every field. */
void store_fixture_assert_all_set (const char *what, gpointer object, const char *const *except);

/* A GError from the Pathway domain with this code and a message a person can read. */
#define store_fixture_assert_pathway_error(error, code)                                       \
  G_STMT_START                                                                                \
  {                                                                                           \
    g_assert_error ((error), PATHWAY_ERROR, (int) (code));                                    \
    g_assert_nonnull ((error)->message);                                                      \
    g_assert_cmpstr ((error)->message, !=, "");                                               \
  }                                                                                           \
  G_STMT_END

G_END_DECLS

/* The edits that store-child makes in 'edit' mode, shared so the crash test can tell what a
 * reported edit must have left in the file. Edit n (from 1) changes action (n - 1) % 5 of the
 * first five by id; every other edit of one action is its commentary, the rest its rating. */
#define STORE_EDIT_N_ACTIONS 5

guint store_edit_action_index (guint edit);
gboolean store_edit_is_rating (guint edit);
/* The word that marks an edit: in the note of a rating change and at the start of a
 * commentary. Unique across children, since it holds the child's process id. */
char *store_edit_token (gint64 pid, guint edit);
/* The whole commentary an edit writes: the token and some length, so edits span pages. */
char *store_edit_commentary (const char *token, guint edit);
/* The rating an edit moves to from the current one; never the current one. */
PathwayRating store_edit_next_rating (PathwayRating current);
