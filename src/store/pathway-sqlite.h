/* pathway-sqlite.h: a thin layer over one SQLite connection: prepared statements cached and
 * reused, and SQLite's result codes turned into PathwayError codes the UI can act on. */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  sqlite3 *handle;
  GHashTable *statements; /* SQL text (static) -> sqlite3_stmt* */
} PathwayDb;

PathwayDb *pathway_db_new (sqlite3 *handle);
void pathway_db_free (PathwayDb *self);

/* A prepared statement for static SQL text, reset and with bindings cleared. The text must
 * outlive the connection (a string literal), since it keys the cache. */
sqlite3_stmt *pathway_db_prepare (PathwayDb *self, const char *sql, GError **error);
gboolean pathway_db_exec (PathwayDb *self, const char *sql, GError **error);
/* Steps a statement that returns no rows (or ignores them) and resets it. */
gboolean pathway_db_step_done (PathwayDb *self, sqlite3_stmt *stmt, GError **error);
/* One integer from a PRAGMA or SELECT; -1 when there is no row. */
gint64 pathway_db_query_int (PathwayDb *self, const char *sql, GError **error);

/* Sets 'error' from a SQLite result code, saying what was being done. */
void pathway_db_set_error (GError **error, sqlite3 *handle, int rc, const char *doing);

/* Text binding that takes NULL as SQL NULL; the text is copied. */
void pathway_db_bind_text (sqlite3_stmt *stmt, int index, const char *text);
/* Column text that is never NULL. */
const char *pathway_db_column_text (sqlite3_stmt *stmt, int column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayDb, pathway_db_free)

G_END_DECLS
