/* pathway-cli-backup.c: the backups and restore commands of pathway-cli.
 *
 * "backups FILE" lists the rolling backups the store keeps of a programme (pathway-backup.h),
 * newest first, each with its date, its actions and whether it passed its check; the
 * programme itself is not opened, so its backups can be listed when it is lost or damaged.
 * "restore FILE BACKUP -o NEW" copies one of them, named as listed or by its path, to a new
 * file, never over one that exists. "salvage FILE -o NEW" reads what can be read of a damaged
 * programme into a new file (pathway_document_salvage) and says what was lost. A damaged file's
 * error is followed by these ways back (print_damage_help). */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-backup.h"
#include "pathway-cli-private.h"

int
run_backups (const CliArgs *args)
{
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  backups = pathway_backups_list (args->file, &error);
  if (backups == NULL)
    return file_error (args->file, error);
  if (backups->len == 0)
    {
      g_autofree char *folder = pathway_backup_folder_for (args->file);
      g_autofree char *shown = g_filename_display_name (folder);

      g_print (_("No backups yet (they are kept in %s)\n"), shown);
      return CLI_EXIT_OK;
    }

  append_padded (out, _("Date"), 19, FALSE);
  g_string_append (out, "  ");
  append_padded (out, _("Actions"), 7, TRUE);
  g_string_append (out, "  ");
  append_padded (out, _("Checked"), 8, FALSE);
  g_string_append_printf (out, "  %s\n", _("Backup"));
  for (guint i = 0; i < backups->len; i++)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *when = g_date_time_format (backup->when, "%Y-%m-%d %H:%M:%S");
      g_autofree char *actions = backup->n_actions >= 0
                                   ? g_strdup_printf ("%" G_GINT64_FORMAT, backup->n_actions)
                                   : g_strdup ("?");
      g_autofree char *name = g_filename_display_basename (backup->path);

      append_padded (out, when, 19, FALSE);
      g_string_append (out, "  ");
      append_padded (out, actions, 7, TRUE);
      g_string_append (out, "  ");
      /* TRANSLATORS: whether a backup passed its check, in the list of backups */
      append_padded (out, backup->verified ? _("ok") : _("damaged"), 8, FALSE);
      g_string_append_printf (out, "  %s\n", name);
    }
  g_print ("%s", out->str);
  return CLI_EXIT_OK;
}

int
run_restore (const CliArgs *args)
{
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");
  if (output_arg == NULL)
    return usage_error (_("restore: missing -o NEW"));
  output = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  name = g_filename_from_utf8 (args->operands[0], -1, NULL, NULL, NULL);
  if (output == NULL || name == NULL)
    return usage_error (_("restore: '%s' cannot be a file name here"),
                        output == NULL ? output_arg : args->operands[0]);

  backup = pathway_backup_resolve (args->file, name);
  if (!pathway_backup_restore (backup, output, &error))
    return file_error (output_arg, error);
  return CLI_EXIT_OK;
}

/* What to do about a damaged file: its latest good backup, and salvage. */
void
print_damage_help (const char *file)
{
  g_autoptr (GPtrArray) backups = pathway_backups_list (file, NULL);
  g_autofree char *quoted = g_shell_quote (file);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      PathwayBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *when = NULL;
      g_autofree char *name = NULL;

      if (!backup->verified)
        continue;
      when = g_date_time_format (backup->when, "%Y-%m-%d %H:%M");
      name = g_filename_display_basename (backup->path);
      g_printerr (_("Latest good backup: %s, from %s, %" G_GINT64_FORMAT " actions. "
                    "To open it as a copy: pathway-cli restore %s %s -o NEW.pathway\n"),
                  name, when, backup->n_actions, quoted, name);
      break;
    }
  g_printerr (_("To read what can be read into a new file: pathway-cli salvage %s -o "
                "NEW.pathway\n"), quoted);
}

int
run_salvage (const CliArgs *args)
{
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  g_auto (PathwaySalvage) salvage = { 0 };
  g_autofree char *output = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GError) error = NULL;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");
  if (output_arg == NULL)
    return usage_error (_("salvage: missing -o NEW"));
  output = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  if (output == NULL)
    return usage_error (_("salvage: '%s' cannot be a file name here"), output_arg);

  if (!pathway_document_salvage (args->file, output, &salvage, &error))
    return file_error (output_arg, error);
  summary = dup_printable (salvage.summary);
  g_print ("%s\n", summary);
  if (!salvage.indexes_only)
    g_print (_("Rows kept: %" G_GUINT64_FORMAT ", lost: %" G_GUINT64_FORMAT "\n"),
             salvage.rows_kept, salvage.rows_lost);
  return CLI_EXIT_OK;
}
