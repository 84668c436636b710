/* pathway-cli-server.c: `pathway-cli server init`, `server upload`, `server snapshot` and
 * `server upgrade`, what a council's IT team runs to keep a programme on a PostgreSQL server
 * (pathway-remote.h). Init sets up an empty database (and says when it was set up already);
 * upload copies a programme file with its whole history into a new database; snapshot writes
 * the server's programme to a new file, which Pathway opens read-only; upgrade brings the
 * database up to this version. Every other command takes a server's URI where it takes FILE,
 * through pathway_document_open().
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
