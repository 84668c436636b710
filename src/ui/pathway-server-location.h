/* pathway-server-location.h: where a programme kept on a PostgreSQL server is, as the window
 * and the Connect to Server dialog need it: the parts of a "postgresql://" URI (host, port,
 * database, user) read from one and written into one, the words a title shows ("send on
 * db.example.org"), the password kept for it in the desktop's keyring (libsecret, schema
 * "org.pathway.Server"), and opening it on a worker thread so that the window never waits on
 * the network. A password never goes into a URI: it travels beside it. */
#pragma once

#include <gio/gio.h>

#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_SERVER_DEFAULT_PORT 5432

typedef struct {
  char *host;     /* a name, an address, or a folder holding the server's socket; never NULL */
  guint port;
  char *database; /* never NULL */
  char *user;     /* "" for the account's own name, as libpq takes it */
} PathwayServerLocation;

PathwayServerLocation *pathway_server_location_new (const char *host, guint port,
                                                    const char *database, const char *user);
/* The parts of a "postgresql://" or "postgres://" URI, or NULL for one this cannot read
 * (several hosts, a service name): such a URI still opens, with no password kept for it. */
PathwayServerLocation *pathway_server_location_parse (const char *uri);
void pathway_server_location_free (PathwayServerLocation *self);
/* "postgresql://user@host:port/database", every part escaped; a host that is a folder goes in
 * the query ("?host=%2Frun%2Fpostgresql"), and the default port is left out. */
char *pathway_server_location_to_uri (const PathwayServerLocation *self);
/* "send on db.example.org", or "send on this computer" for a socket's folder. */
char *pathway_server_location_describe (const PathwayServerLocation *self);
/* The same words for any location: a file's name, a server's database and host. */
char *pathway_location_describe (const char *location);

/* The password kept in the keyring for the location's host, port, database and user, or NULL
 * (none kept, or no keyring on this computer: then libpq's own ~/.pgpass may still have one).
 * Never fails: the finish gives NULL. Free the password with pathway_server_password_free. */
void pathway_server_location_lookup_password (const PathwayServerLocation *self,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
char *pathway_server_location_lookup_password_finish (GAsyncResult *result);
/* Keeps the password in the keyring, or forgets the one kept (password NULL). Without a keyring
 * nothing happens and nothing is said. */
void pathway_server_location_keep_password (const PathwayServerLocation *self,
                                            const char *password);
/* Wipes a password's text before freeing it. */
void pathway_server_password_free (char *password);

/* Opens the programme at 'uri' with pathway_document_open_remote on a worker thread. */
void pathway_server_open (const char *uri, const char *password, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data);
PathwayDocument *pathway_server_open_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayServerLocation, pathway_server_location_free)

G_END_DECLS
