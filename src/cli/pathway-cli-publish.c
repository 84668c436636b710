/* pathway-cli-publish.c: `pathway-cli publish`, the public version of the plan for families:
 * a static website and a PDF written into a folder, and a record of who approved it and when
 * (pathway-publish.h). Prints where the site starts and what changed since the publication
 * before. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-publish.h"

int
run_publish (const CliArgs *args)
{
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  const char *approved_by = g_hash_table_lookup (args->values, "--approved-by");
  const char *approved_on_arg = g_hash_table_lookup (args->values, "--approved-on");
  const char *date_arg = g_hash_table_lookup (args->values, "--date");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *index = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) changes = NULL;
  PathwayPublishOptions options = { 0 };
  GDate approved_on, published;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");
  if (output_arg == NULL)
    return usage_error (_("publish: missing -o FOLDER"));
  if (approved_by == NULL || *approved_by == '\0')
    return usage_error (_("publish: missing --approved-by NAME: say who approved the public "
                          "version"));
  if (approved_on_arg == NULL)
    return usage_error (_("publish: missing --approved-on YYYY-MM-DD: say when it was "
                          "approved"));
  if (!pathway_date_parse_iso (approved_on_arg, &approved_on))
    return usage_error (_("publish: --approved-on needs a day as YYYY-MM-DD, not '%s'"),
                        approved_on_arg);
  if (date_arg != NULL && !pathway_date_parse_iso (date_arg, &published))
    return usage_error (_("publish: --date needs a day as YYYY-MM-DD, not '%s'"), date_arg);
  folder = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  if (folder == NULL)
    return usage_error (_("publish: the folder '%s' cannot be a file name here"), output_arg);

  document = pathway_document_open (args->file, PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    return file_error (args->file, error);

  options.approved_by = approved_by;
  options.approved_on = &approved_on;
  options.published = date_arg != NULL ? &published : NULL;
  if (!pathway_publish (document, folder, &options, &publication, &error))
    {
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID))
        return usage_error ("publish: %s", error->message);
      g_printerr ("pathway-cli: %s\n", error->message);
      return CLI_EXIT_FILE;
    }

  index = g_build_filename (folder, PATHWAY_PUBLISH_INDEX, NULL);
  shown = g_filename_display_name (index);
  g_print (_("Published the plan for families: %s (and %s beside it)\n"), shown,
           PATHWAY_PUBLISH_PDF);
  changes = g_strsplit (pathway_publication_get_changes (publication), "\n", -1);
  for (guint i = 0; changes[i] != NULL; i++)
    {
      g_autofree char *line = dup_printable (changes[i]);

      g_print ("  %s\n", line);
    }
  pathway_document_close (document);
  return CLI_EXIT_OK;
}
