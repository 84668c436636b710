/* pathway-remote.h: programmes kept on a PostgreSQL server.
 *
 * A programme on a server is opened like a file: pathway_document_open() takes a
 * "postgresql://host/dbname" URI (or "postgres://") and gives the same document API. The
 * document keeps a replica of the server's tables in a private SQLite database, so every
 * reader (views, pack, presenter, exports, command line) works unchanged; every write goes
 * to the server as one transaction through its function pathway_apply(), which checks that
 * each value written over is still the one the client read, writes the change log's rows
 * with the signed-in role's name as author, and records the commit for other clients, who
 * hear of it by LISTEN/NOTIFY and catch up in commit order. See docs/ARCHITECTURE.md. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

/* TRUE for a "postgresql://" or "postgres://" URI. */
gboolean pathway_location_is_remote (const char *location);

/* Opens a programme kept on a server. 'password' may be NULL (libpq then uses the URI,
 * ~/.pgpass, the service file or the environment). Fails with PATHWAY_ERROR_OFFLINE when the
 * server cannot be reached, PATHWAY_ERROR_NOT_PROGRAMME for a database holding no programme,
 * PATHWAY_ERROR_NEWER_VERSION for one of a newer Pathway. pathway_document_open() calls this
 * for a remote location. */
PathwayDocument *pathway_document_open_remote (const char *uri, const char *password,
                                               PathwayOpenFlags flags, GError **error);

/* TRUE for a document kept on a server. */
gboolean pathway_document_get_remote (PathwayDocument *self);

typedef enum {
  PATHWAY_CONNECTION_LOCAL,  /* a file: no server */
  PATHWAY_CONNECTION_ONLINE,
  PATHWAY_CONNECTION_LOST,   /* readable, no edits until the connection is back */
} PathwayConnection;

/* The "connection" property. While LOST, writes fail with PATHWAY_ERROR_OFFLINE and the
 * document reconnects in the background (when watched) and catches up. */
PathwayConnection pathway_document_get_connection (PathwayDocument *self);
/* Why the connection is lost, for a banner; NULL while online. */
const char *pathway_document_get_connection_problem (PathwayDocument *self);

/* Starts (or stops) watching the server from the thread-default main context: the LISTEN
 * socket's notifications are applied as they come ("remote-change" is emitted for each
 * commit of another client), and a lost connection is retried in the background. */
void pathway_document_watch (PathwayDocument *self, gboolean watch);

/* Applies every commit made on the server since the last one seen, in commit order, without
 * a main loop (the command line, tests). 'n_applied' (may be NULL) gets how many. */
gboolean pathway_document_catch_up (PathwayDocument *self, guint *n_applied, GError **error);

/* The last commit seen from the server (0 for a file). */
gint64 pathway_document_get_commit_seen (PathwayDocument *self);

/* The signal "remote-change" (const char *author, const char *summary, guint n_changes) is
 * emitted after another person's commit reached the model: summary reads "re-rated 2A v" or
 * "imported 40 changes". */

/* The value 'shown' of 'property' (what a form showed the user) against the record's value
 * now: FALSE with PATHWAY_ERROR_CONFLICT naming who changed it, when and to what, when they
 * differ. For a file as for a server. */
gboolean pathway_document_check_unchanged (PathwayDocument *self, gpointer record,
                                           const char *property, const GValue *shown,
                                           GError **error);

/* Setting a server up (pathway-remote-admin.c). */

/* Creates the schema in an empty database and a programme called 'name' (idempotent: a
 * database that already holds a Pathway programme is left as it is; one holding anything
 * else is refused). */
gboolean pathway_server_init (const char *uri, const char *password, const char *name,
                              GError **error);
/* Copies the programme of the file at 'path', its whole history and record ids, into an empty
 * (or freshly initialised, unchanged) database. */
gboolean pathway_server_upload (const char *path, const char *uri, const char *password,
                                GError **error);
/* Writes the server's programme to a new file at 'path' (refuses to write over a file). */
gboolean pathway_server_snapshot (const char *uri, const char *password, const char *path,
                                  GError **error);
/* Brings the server's schema to this version in one transaction, refused while anyone else
 * is connected. */
gboolean pathway_server_upgrade (const char *uri, const char *password, GError **error);
/* Who may change what (pathway-remote-access.c) --------------------------------------------- */

/* What a sign-in role may do with a programme on a server, by its group role. */
typedef enum {
  PATHWAY_ACCESS_NONE,
  PATHWAY_ACCESS_MANAGER,      /* everything, and gives and takes access */
  PATHWAY_ACCESS_LEAD,         /* the actions, revisions, evidence and risks of their
                                * workstreams, the readings of indicators they own */
  PATHWAY_ACCESS_DATA_OFFICER, /* indicator readings */
  PATHWAY_ACCESS_READER,       /* reading only */
} PathwayAccess;

const char *pathway_access_to_string (PathwayAccess access);
/* "manager", "lead", "data-officer" (or "data_officer"), "reader"; NONE for anything else. */
PathwayAccess pathway_access_from_string (const char *text);

typedef struct {
  char *login;
  char *person;
  PathwayAccess access;
  gboolean removed;     /* access taken away; the person and their history stay */
  gboolean can_sign_in; /* the role exists on the server and may sign in */
} PathwayServerUser;

/* What the signed-in role may do (a file: MANAGER, everything). */
PathwayAccess pathway_document_get_access (PathwayDocument *self);
/* NULL when this user may change 'record' (NULL: the programme as a whole), else why not, as
 * the server would say it ("Only the leads of workstream B can change this"). */
char *pathway_document_dup_refusal (PathwayDocument *self, gpointer record);

void pathway_server_user_free (PathwayServerUser *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayServerUser, pathway_server_user_free)

/* Gives the sign-in role 'login' (made when missing) access as the person called 'person'
 * (made in the programme when it has nobody of that name). Where the server does not let the
 * caller create roles or grant their groups, the rest is done and 'sql_for_it' (may be NULL)
 * gets the SQL the server's administrator runs; else it gets NULL. */
gboolean pathway_server_add_user (const char *uri, const char *password, const char *login,
                                  const char *person, PathwayAccess access, char **sql_for_it,
                                  GError **error);
gboolean pathway_server_set_user_access (const char *uri, const char *password,
                                         const char *login, PathwayAccess access,
                                         char **sql_for_it, GError **error);
/* Takes the role's access away; the person and the history they wrote stay. */
gboolean pathway_server_remove_user (const char *uri, const char *password, const char *login,
                                     char **sql_for_it, GError **error);
/* PathwayServerUser* of everyone who has or had access. */
GPtrArray *pathway_server_list_users (const char *uri, const char *password, GError **error);

/* The URI without its password, for titles and recent lists. */
char *pathway_remote_display_uri (const char *uri);

G_END_DECLS
