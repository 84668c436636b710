/* pathway-remote-private.h: what the remote store's files share (pathway-remote.c, the
 * client; pathway-remote-sql.c, the server's dialect; pathway-remote-admin.c, setting a
 * server up). Nothing outside src/store includes it. */
#pragma once

#include <libpq-fe.h>

#include "pathway-document-private.h"
#include "pathway-remote.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *type;          /* as the replica declares it: INTEGER, REAL, TEXT */
  gboolean not_null;
  char *default_value; /* SQL text, or NULL */
} PathwayRemoteColumn;

typedef struct {
  char *name;
  const char *kind;     /* the kind of record it holds, or NULL */
  GArray *columns;      /* PathwayRemoteColumn */
  guint key[4];         /* the primary key's columns, by index */
  guint n_key;
  gboolean autoincrement;
} PathwayRemoteTable;

/* The replica's tables (sqlite_sequence left out), in name order. */
GPtrArray *pathway_remote_list_tables (PathwayDb *db, GError **error);
PathwayRemoteTable *pathway_remote_find_table (GPtrArray *tables, const char *name);

/* The whole server schema for a database: tables made from the replica's, and functions. */
char *pathway_remote_sql_schema (PathwayDb *replica, GError **error);

/* A connection with timeouts and keepalives set; PATHWAY_ERROR_OFFLINE when it fails. */
PGconn *pathway_remote_connect (const char *uri, const char *password, GError **error);
/* Sets 'error' from a failed result or connection, saying what was being done. */
void pathway_remote_set_error (GError **error, PGconn *conn, PGresult *result,
                               const char *doing);
/* Runs SQL that returns no rows; FALSE with 'error' set on failure. */
gboolean pathway_remote_exec (PGconn *conn, const char *sql, const char *doing, GError **error);
/* The schema version the database holds: 0 for an empty database, -1 (with 'error') for a
 * database that holds something other than a programme. */
int pathway_remote_schema_version (PGconn *conn, GError **error);
/* Copies every row of the replica's tables to the server (COPY), in the caller's transaction. */
gboolean pathway_remote_copy_up (PathwayDb *from, PGconn *conn, GError **error);
/* Reads every table of the server into an empty replica. */
gboolean pathway_remote_copy_down (PGconn *conn, PathwayDb *to, gint64 *seen, GError **error);
/* The programme's role names start with this (from the database's name). */
char *pathway_remote_role_prefix (const char *database);
/* The roles, owners, grants and row-level security of a database (pathway-remote-access.c). */
char *pathway_remote_sql_access (const char *prefix, GPtrArray *tables);
/* The server's pathway_refusal() for a record of this copy's model: NULL when 'access' (the
 * person with id 'me') may change it, else why not. */
char *pathway_remote_refusal (PathwayProgramme *programme, PathwayAccess access, gint64 me,
                              gpointer record);
/* A new in-memory replica with the schema made. */
PathwayDb *pathway_remote_new_replica (GError **error);

G_END_DECLS
