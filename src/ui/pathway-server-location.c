/* pathway-server-location.c: a programme's place on a PostgreSQL server (see the header).
 *
 * URIs are read with GUri: libpq's own parser belongs to the store, and the parts the keyring
 * and the titles need (host, port, database, user, and the same given in the query) are the
 * ones GUri reads. Values are percent-decoded when read and escaped when written, so a
 * database called "SEND & inclusion" survives the round trip.
 *
 * The keyring is asked only when a session bus is there to reach it: without one (a test under
 * Xvfb, a session without a keyring) GDBus would try to start a bus of its own, so a password
 * is simply not kept, as the brief for the dialog says: quietly. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "pathway-remote.h"
#include "pathway-server-location.h"

/* Locations ---------------------------------------------------------------------------------- */

PathwayServerLocation *
pathway_server_location_new (const char *host, guint port, const char *database,
                             const char *user)
{
  PathwayServerLocation *self = g_new0 (PathwayServerLocation, 1);

  self->host = g_strdup (host != NULL ? host : "");
  self->port = port != 0 ? port : PATHWAY_SERVER_DEFAULT_PORT;
  self->database = g_strdup (database != NULL ? database : "");
  self->user = g_strdup (user != NULL ? user : "");
  return self;
}

void
pathway_server_location_free (PathwayServerLocation *self)
{
  if (self == NULL)
    return;
  g_free (self->host);
  g_free (self->database);
  g_free (self->user);
  g_free (self);
}

static gboolean
parse_port (const char *text, guint *port)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;
  *port = (guint) value;
  return TRUE;
}

PathwayServerLocation *
pathway_server_location_parse (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path;
  const char *value;
  const char *host;
  const char *user;
  guint port = PATHWAY_SERVER_DEFAULT_PORT;

  if (!pathway_location_is_remote (uri))
    return NULL;
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL)
    return NULL;
  if (g_uri_get_query (parsed) != NULL)
    {
      params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
      if (params == NULL)
        return NULL;
    }

  host = g_uri_get_host (parsed);
  user = g_uri_get_user (parsed);
  path = g_uri_get_path (parsed);
  if (g_uri_get_port (parsed) > 0)
    port = (guint) g_uri_get_port (parsed);
  if (params != NULL)
    {
      /* The query's values win over the authority's, as they do for libpq. */
      if ((value = g_hash_table_lookup (params, "host")) != NULL)
        host = value;
      if ((value = g_hash_table_lookup (params, "user")) != NULL)
        user = value;
      if ((value = g_hash_table_lookup (params, "port")) != NULL && !parse_port (value, &port))
        return NULL;
      if ((value = g_hash_table_lookup (params, "dbname")) != NULL)
        path = value;
    }
  /* Several hosts, for libpq to try in turn: not one place a password can be kept for. */
  if (host != NULL && strchr (host, ',') != NULL)
    return NULL;
  if (path != NULL && *path == '/')
    path++;
  return pathway_server_location_new (host, port, path, user);
}

/* Escapes everything but the characters a URI never needs escaped. */
static void
append_escaped (GString *uri, const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  g_string_append (uri, escaped);
}

char *
pathway_server_location_to_uri (const PathwayServerLocation *self)
{
  GString *uri = g_string_new ("postgresql://");
  gboolean socket_folder = self->host[0] == '/';

  if (self->user[0] != '\0')
    {
      append_escaped (uri, self->user);
      g_string_append_c (uri, '@');
    }
  if (!socket_folder && strchr (self->host, ':') != NULL)
    g_string_append_printf (uri, "[%s]", self->host);
  else if (!socket_folder)
    append_escaped (uri, self->host);
  if (self->port != PATHWAY_SERVER_DEFAULT_PORT)
    g_string_append_printf (uri, ":%u", self->port);
  g_string_append_c (uri, '/');
  append_escaped (uri, self->database);
  if (socket_folder)
    {
      g_string_append (uri, "?host=");
      append_escaped (uri, self->host);
    }
  return g_string_free (uri, FALSE);
}

char *
pathway_server_location_describe (const PathwayServerLocation *self)
{
  if (self->host[0] == '\0' || self->host[0] == '/')
    /* TRANSLATORS: a programme's database on a server on this computer: "send on this computer" */
    return g_strdup_printf (_("%s on this computer"), self->database);
  if (self->port != PATHWAY_SERVER_DEFAULT_PORT)
    /* TRANSLATORS: a programme's database, the server and its port:
     * "send on db.example.org:5433" */
    return g_strdup_printf (_("%s on %s:%u"), self->database, self->host, self->port);
  /* TRANSLATORS: a programme's database and the server: "send on db.example.org" */
  return g_strdup_printf (_("%s on %s"), self->database, self->host);
}

char *
pathway_location_describe (const char *location)
{
  g_autoptr(PathwayServerLocation) server = NULL;

  if (!pathway_location_is_remote (location))
    return g_filename_display_basename (location);
  server = pathway_server_location_parse (location);
  if (server == NULL)
    return pathway_remote_display_uri (location);
  return pathway_server_location_describe (server);
}

/* The keyring ------------------------------------------------------------------------------- */

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "org.pathway.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* Whether a session bus, and so perhaps a keyring, can be reached without starting one. */
static gboolean
keyring_reachable (void)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autofree char *bus = NULL;

  if (address != NULL && *address != '\0')
    return TRUE;
  bus = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  return g_file_test (bus, G_FILE_TEST_EXISTS);
}

/* The attributes the password is kept under: libpq signs in as the account's own name when
 * no user is given, so that is the user it is kept for. */
static GHashTable *
attributes_new (const PathwayServerLocation *self)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "host", g_strdup (self->host));
  g_hash_table_insert (attributes, (gpointer) "port", g_strdup_printf ("%u", self->port));
  g_hash_table_insert (attributes, (gpointer) "database", g_strdup (self->database));
  g_hash_table_insert (attributes, (gpointer) "user",
                       g_strdup (self->user[0] != '\0' ? self->user : g_get_user_name ()));
  return attributes;
}

static void
lookup_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  g_task_return_pointer (task, password, (GDestroyNotify) pathway_server_password_free);
}

void
pathway_server_location_lookup_password (const PathwayServerLocation *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_task_set_source_tag (task, pathway_server_location_lookup_password);
  if (self == NULL || !keyring_reachable ())
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  attributes = attributes_new (self);
  secret_password_lookupv (server_schema (), attributes, cancellable, lookup_done_cb,
                           g_steal_pointer (&task));
}

char *
pathway_server_location_lookup_password_finish (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
keep_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (user_data != NULL)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_debug ("The keyring did not keep the password: %s", error->message);
}

void
pathway_server_location_keep_password (const PathwayServerLocation *self, const char *password)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (self != NULL);

  if (!keyring_reachable ())
    return;
  attributes = attributes_new (self);
  if (password != NULL && *password != '\0')
    {
      g_autofree char *place = pathway_server_location_describe (self);
      /* TRANSLATORS: how the keyring lists a kept password: "Pathway: send on db.example.org
       * as beth" */
      g_autofree char *label = g_strdup_printf (_("Pathway: %s as %s"), place,
                                                (const char *) g_hash_table_lookup (attributes,
                                                                                    "user"));

      secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                              password, NULL, keep_done_cb, GINT_TO_POINTER (1));
    }
  else
    secret_password_clearv (server_schema (), attributes, NULL, keep_done_cb, NULL);
}

void
pathway_server_password_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

/* Opening ------------------------------------------------------------------------------------ */

typedef struct {
  char *uri;
  char *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->uri);
  pathway_server_password_free (data->password);
  g_free (data);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  PathwayDocument *document;

  /* Made on this thread and handed over whole: nothing of it is watched from a main loop
   * until the window calls pathway_document_watch. */
  document = pathway_document_open_remote (data->uri, data->password, PATHWAY_OPEN_DEFAULT,
                                           &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
pathway_server_open (const char *uri, const char *password, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  g_return_if_fail (uri != NULL);

  data->uri = g_strdup (uri);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, pathway_server_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

PathwayDocument *
pathway_server_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
