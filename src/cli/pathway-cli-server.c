/* pathway-cli-server.c: `pathway-cli server init`, `server upload`, `server snapshot` and
 * `server upgrade`, what a council's IT team runs to keep a programme on a PostgreSQL server
 * (pathway-remote.h). Init sets up an empty database (and says when it was set up already);
 * upload copies a programme file with its whole history into a new database; snapshot writes
 * the server's programme to a new file, which Pathway opens read-only; upgrade brings the
 * database up to this version. Every other command takes a server's URI where it takes FILE,
 * through pathway_document_open().
 *
 * `server user add`, `set-role`, `remove` and `list` are the programme manager's: who may sign
 * in and what each may change, which the server enforces (pathway-remote-access.c). Many IT
 * departments keep the right to create sign-in roles to themselves; then add does everything
 * else and prints the SQL for them to run, and still succeeds.
 *
 * No password is taken on the command line, where other users of the machine can see it:
 * libpq reads PGPASSWORD, ~/.pgpass or the service file itself. A URI is only ever shown
 * without its password (pathway_remote_display_uri). */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-remote.h"

/* init, snapshot and upgrade take the server's URI where other commands take FILE. */
static gboolean
check_uri (const char *command, const char *uri, int *status)
{
  if (pathway_location_is_remote (uri))
    return TRUE;
  *status = usage_error (_("%s: '%s' is not a server: give a URI such as "
                           "postgresql://HOST/DATABASE"),
                         command, uri);
  return FALSE;
}

/* server init ------------------------------------------------------------------------------ */

int
run_server_init (const CliArgs *args)
{
  const char *name = g_hash_table_lookup (args->values, "--name");
  g_autofree char *display = dup_display_location (args->file);
  g_autofree char *stripped = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!check_uri ("server init", args->file, &status))
    return status;
  if (name != NULL)
    {
      stripped = g_strstrip (g_strdup (name));
      if (*stripped == '\0')
        return usage_error (_("server init: the programme's name is empty"));
    }

  /* A database set up already opens: say so rather than pass over it in silence. Anything
   * else (an empty database, or one holding something other than a programme) is for
   * pathway_server_init to set up or refuse. */
  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document != NULL)
    {
      PathwayProgramme *programme = pathway_document_get_programme (document);
      g_autofree char *shown = dup_printable (pathway_programme_get_name (programme));

      g_print (_("%s is set up already, holding the programme “%s”; nothing was changed.\n"),
               display, shown);
      pathway_document_close (document);
      return CLI_EXIT_OK;
    }
  if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_OFFLINE))
    return file_error (args->file, error);
  g_clear_error (&error);

  if (!pathway_server_init (args->file, NULL, stripped, &error))
    return file_error (args->file, error);
  if (stripped != NULL)
    {
      g_autofree char *shown = dup_printable (stripped);

      g_print (_("Set up %s with an empty programme, “%s”.\n"), display, shown);
    }
  else
    g_print (_("Set up %s with an empty programme.\n"), display);
  return CLI_EXIT_OK;
}

/* server upload ---------------------------------------------------------------------------- */

int
run_server_upload (const CliArgs *args)
{
  const char *uri = args->operands[0];
  g_autofree char *display = NULL;
  g_autofree char *file_display = g_filename_display_name (args->file);
  g_autofree char *name = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!check_uri ("server upload", uri, &status))
    return status;
  display = dup_display_location (uri);

  /* The file is read first, so what is wrong with it is said of the file and not of the
   * server. */
  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_NO_BACKUP,
                                    &error);
  if (document == NULL)
    return file_error (args->file, error);
  if (pathway_document_get_needs_upgrade (document))
    {
      g_autofree char *quoted = g_shell_quote (args->file);

      g_set_error (&error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION,
                   _("it was saved by an older version of Pathway: upgrade it first "
                     "(pathway-cli upgrade %s)"),
                   quoted);
      return file_error (args->file, error);
    }
  name = dup_printable (pathway_programme_get_name (pathway_document_get_programme (document)));
  pathway_document_close (document);
  g_clear_object (&document);

  if (!pathway_server_upload (args->file, uri, NULL, &error))
    return file_error (uri, error);
  g_print (_("Copied the programme “%s” from “%s”, with its whole history, to %s.\n"), name,
           file_display, display);
  return CLI_EXIT_OK;
}

/* server snapshot -------------------------------------------------------------------------- */

int
run_server_snapshot (const CliArgs *args)
{
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  g_autofree char *display = dup_display_location (args->file);
  g_autofree char *output = NULL;
  g_autofree char *output_display = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");
  if (!check_uri ("server snapshot", args->file, &status))
    return status;
  if (output_arg == NULL)
    return usage_error (_("server snapshot: missing -o FILE, the new file to write"));
  if (pathway_location_is_remote (output_arg))
    return usage_error (_("server snapshot: -o takes a new file, not a server"));
  /* Option values were read as text; the file name goes back to the file system's bytes. */
  output = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  if (output == NULL)
    return usage_error (_("server snapshot: '%s' cannot be a file name here"), output_arg);
  output_display = g_filename_display_name (output);
  output_name = g_filename_display_basename (output);

  if (!refuse_existing (output, &error))
    return file_error (output, error);
  if (!pathway_server_snapshot (args->file, NULL, output, &error))
    {
      /* A failure to write names the file; one to read the server is said of the server. */
      message = dup_printable (error->message);
      if (strstr (message, output_name) != NULL)
        {
          g_printerr ("pathway-cli: %s\n", message);
          return CLI_EXIT_FILE;
        }
      return file_error (args->file, error);
    }
  g_print (_("Wrote the programme on %s, with its whole history, to “%s”.\n"), display,
           output_display);
  g_print (_("The copy is read-only: Pathway opens it to read, and changes are made on the "
             "server.\n"));
  return CLI_EXIT_OK;
}

/* server upgrade --------------------------------------------------------------------------- */

int
run_server_upgrade (const CliArgs *args)
{
  g_autofree char *display = dup_display_location (args->file);
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!check_uri ("server upgrade", args->file, &status))
    return status;
  if (!pathway_server_upgrade (args->file, NULL, &error))
    return file_error (args->file, error);
  g_print (_("The programme on %s is up to date (version %d).\n"), display,
           PATHWAY_SCHEMA_VERSION);
  return CLI_EXIT_OK;
}

/* server user ------------------------------------------------------------------------------ */

static const char role_words[] = N_("manager, lead, data-officer or reader");

/* The value of a required option, without spaces around it; NULL after a usage error. */
static char *
dup_required (const CliArgs *args, const char *command, const char *option,
              const char *value_name, int *status)
{
  const char *value = g_hash_table_lookup (args->values, option);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    {
      *status = usage_error (_("%s: missing %s %s"), command, option, value_name);
      return NULL;
    }
  stripped = g_strstrip (g_strdup (value));
  if (*stripped == '\0')
    {
      *status = usage_error (_("%s: %s is empty"), command, option);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/* --role: one of the four, in any case. */
static gboolean
parse_role (const CliArgs *args, const char *command, PathwayAccess *access, int *status)
{
  const char *role = g_hash_table_lookup (args->values, "--role");
  g_autofree char *lower = NULL;

  if (role == NULL)
    {
      *status = usage_error (_("%s: missing --role ROLE (%s)"), command, _(role_words));
      return FALSE;
    }
  lower = g_ascii_strdown (role, -1);
  *access = pathway_access_from_string (g_strstrip (lower));
  if (*access == PATHWAY_ACCESS_NONE)
    {
      g_autofree char *shown = dup_printable (role);

      *status = usage_error (_("%s: --role takes %s, not '%s'"), command, _(role_words), shown);
      return FALSE;
    }
  return TRUE;
}

/* "Beth Kowalski (beth) is now a lead of the programme on postgresql://…", each role a whole
 * sentence for translators. */
static void
print_now (const char *person, const char *login, PathwayAccess access, const char *display)
{
  g_autofree char *shown_person = dup_printable (person);
  g_autofree char *shown_login = dup_printable (login);

  switch (access)
    {
    case PATHWAY_ACCESS_MANAGER:
      g_print (_("%s (%s) is now a manager of the programme on %s.\n"), shown_person,
               shown_login, display);
      break;
    case PATHWAY_ACCESS_LEAD:
      g_print (_("%s (%s) is now a lead of the programme on %s.\n"), shown_person, shown_login,
               display);
      break;
    case PATHWAY_ACCESS_DATA_OFFICER:
      g_print (_("%s (%s) is now a data officer of the programme on %s.\n"), shown_person,
               shown_login, display);
      break;
    case PATHWAY_ACCESS_READER:
      g_print (_("%s (%s) is now a reader of the programme on %s.\n"), shown_person,
               shown_login, display);
      break;
    case PATHWAY_ACCESS_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* What the server would not let the manager do, for its administrator. The rest was done, so
 * the command succeeds. */
static void
print_sql_for_it (const char *login, const char *sql)
{
  g_autofree char *shown_login = dup_printable (login);

  g_print ("\n");
  g_print (_("This server does not let you create sign-in roles, so %s cannot sign in yet. "
             "Someone who may create them (usually the database administrator) must run the "
             "SQL below on the server; everything else is done. To give the role a password, "
             "they add PASSWORD '…' after LOGIN, unless the server signs people in another "
             "way.\n"),
           shown_login);
  g_print ("\n%s", sql);
  if (!g_str_has_suffix (sql, "\n"))
    g_print ("\n");
}

/* Who the login is now (NULL when it never had access), for set-role and remove to name. */
static PathwayServerUser *
find_user (GPtrArray *users, const char *login)
{
  for (guint i = 0; i < users->len; i++)
    {
      PathwayServerUser *user = g_ptr_array_index (users, i);

      if (g_str_equal (user->login, login))
        return user;
    }
  return NULL;
}

int
run_server_user_add (const CliArgs *args)
{
  const char *command = "server user add";
  g_autofree char *login = NULL;
  g_autofree char *person = NULL;
  g_autofree char *display = NULL;
  g_autofree char *sql_for_it = NULL;
  g_autoptr(GError) error = NULL;
  PathwayAccess access = PATHWAY_ACCESS_NONE;
  int status = CLI_EXIT_OK;

  if (!check_uri (command, args->file, &status))
    return status;
  login = dup_required (args, command, "--login", "NAME", &status);
  if (login == NULL)
    return status;
  person = dup_required (args, command, "--person", "NAME", &status);
  if (person == NULL)
    return status;
  if (!parse_role (args, command, &access, &status))
    return status;
  if (strlen (login) > 63)
    return usage_error (_("%s: --login takes at most 63 bytes, as PostgreSQL's names do"),
                        command);
  display = dup_display_location (args->file);

  if (!pathway_server_add_user (args->file, NULL, login, person, access, &sql_for_it, &error))
    return file_error (args->file, error);
  print_now (person, login, access, display);
  if (sql_for_it != NULL)
    print_sql_for_it (login, sql_for_it);
  return CLI_EXIT_OK;
}

int
run_server_user_set_role (const CliArgs *args)
{
  const char *command = "server user set-role";
  g_autofree char *login = NULL;
  g_autofree char *display = NULL;
  g_autofree char *sql_for_it = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  PathwayServerUser *user;
  PathwayAccess access = PATHWAY_ACCESS_NONE;
  int status = CLI_EXIT_OK;

  if (!check_uri (command, args->file, &status))
    return status;
  login = dup_required (args, command, "--login", "NAME", &status);
  if (login == NULL)
    return status;
  if (!parse_role (args, command, &access, &status))
    return status;
  display = dup_display_location (args->file);

  users = pathway_server_list_users (args->file, NULL, &error);
  if (users == NULL)
    return file_error (args->file, error);
  if (!pathway_server_set_user_access (args->file, NULL, login, access, &sql_for_it, &error))
    return file_error (args->file, error);
  user = find_user (users, login);
  print_now (user != NULL ? user->person : login, login, access, display);
  if (user != NULL && user->removed)
    g_print (_("Their access, taken away earlier, is given back.\n"));
  if (sql_for_it != NULL)
    print_sql_for_it (login, sql_for_it);
  return CLI_EXIT_OK;
}

int
run_server_user_remove (const CliArgs *args)
{
  const char *command = "server user remove";
  g_autofree char *login = NULL;
  g_autofree char *display = NULL;
  g_autofree char *sql_for_it = NULL;
  g_autofree char *person = NULL;
  g_autofree char *shown_login = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  PathwayServerUser *user;
  int status = CLI_EXIT_OK;

  if (!check_uri (command, args->file, &status))
    return status;
  login = dup_required (args, command, "--login", "NAME", &status);
  if (login == NULL)
    return status;
  display = dup_display_location (args->file);

  users = pathway_server_list_users (args->file, NULL, &error);
  if (users == NULL)
    return file_error (args->file, error);
  if (!pathway_server_remove_user (args->file, NULL, login, &sql_for_it, &error))
    return file_error (args->file, error);
  user = find_user (users, login);
  person = dup_printable (user != NULL ? user->person : login);
  shown_login = dup_printable (login);
  if (user != NULL && user->removed)
    g_print (_("%s (%s) had lost access to the programme on %s already; nothing was "
               "changed.\n"),
             person, shown_login, display);
  else
    g_print (_("%s (%s) no longer has access to the programme on %s. The person and the "
               "changes they made stay in its history.\n"),
             person, shown_login, display);
  if (sql_for_it != NULL)
    print_sql_for_it (login, sql_for_it);
  return CLI_EXIT_OK;
}

/* A removed user's access is none, whatever the server keeps in its place. */
static PathwayAccess
access_now (const PathwayServerUser *user)
{
  return user->removed ? PATHWAY_ACCESS_NONE : user->access;
}

static gboolean
print_users_json (GPtrArray *users)
{
  JsonWriter writer;

  json_writer_init (&writer);
  json_open (&writer, NULL, '[');
  for (guint i = 0; i < users->len; i++)
    {
      PathwayServerUser *user = g_ptr_array_index (users, i);

      json_open (&writer, NULL, '{');
      json_add_string (&writer, "login", user->login);
      json_add_string (&writer, "person", user->person);
      json_add_string (&writer, "role", pathway_access_to_string (access_now (user)));
      json_add_boolean (&writer, "removed", user->removed);
      json_add_boolean (&writer, "can_sign_in", user->can_sign_in);
      json_close (&writer, '}');
    }
  json_close (&writer, ']');
  return json_writer_print (&writer);
}

/* login, person, role and what stands in the way: headed by the names --json uses. */
static void
print_users_text (GPtrArray *users)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  guint widths[3] = { 0 };

  g_ptr_array_add (rows, g_strdupv ((char *[]) { "login", "person", "role", "", NULL }));
  for (guint i = 0; i < users->len; i++)
    {
      PathwayServerUser *user = g_ptr_array_index (users, i);
      char **row = g_new0 (char *, 5);

      row[0] = dup_printable (user->login);
      row[1] = dup_printable (user->person);
      row[2] = g_strdup (user->removed ? "" : pathway_access_to_string (user->access));
      if (user->removed)
        row[3] = g_strdup (_("removed"));
      else if (!user->can_sign_in)
        row[3] = g_strdup (_("cannot sign in yet"));
      else
        row[3] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
      widths[c] = MAX (widths[c], text_width (((char **) g_ptr_array_index (rows, r))[c]));
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
        {
          append_padded (out, row[c], widths[c], FALSE);
          g_string_append (out, "  ");
        }
      g_string_append (out, row[3]);
      /* No spaces at the end of a line with no mark. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
}

int
run_server_user_list (const CliArgs *args)
{
  gboolean json = g_hash_table_contains (args->values, "--json");
  g_autofree char *display = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!check_uri ("server user list", args->file, &status))
    return status;
  users = pathway_server_list_users (args->file, NULL, &error);
  if (users == NULL)
    return file_error (args->file, error);
  if (json)
    return print_users_json (users) ? CLI_EXIT_OK : CLI_EXIT_FILE;
  if (users->len == 0)
    {
      display = dup_display_location (args->file);
      g_print (_("Nobody has been given access to the programme on %s yet: pathway-cli server "
                 "user add gives it.\n"),
               display);
      return CLI_EXIT_OK;
    }
  print_users_text (users);
  return CLI_EXIT_OK;
}
