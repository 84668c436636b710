/* pathway-cli-exchange.c: `pathway-cli import` and `pathway-cli export`. Import reads a
 * tracker (CSV or XLSX), prints the mapping of its columns, what it would add and change, and
 * every problem (row, column, value, what is wrong); with no errors and without --dry-run it
 * writes the whole import in one transaction. With errors it writes nothing and exits 2, so
 * the file stays exactly as it was. Export opens the programme read-only. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-exchange.h"

static void
print_line (const char *prefix, const char *text)
{
  g_autofree char *printable = dup_printable (text);

  g_print ("%s%s\n", prefix, printable);
}

static void
print_source (PathwaySheet *sheet)
{
  g_autofree char *name = dup_printable (pathway_sheet_get_display_name (sheet));
  guint header_number = pathway_sheet_get_row_number (sheet, pathway_sheet_get_header_row (sheet));

  if (pathway_sheet_get_format (sheet) != PATHWAY_SHEET_FORMAT_CSV)
    {
      g_autofree char *sheet_name = dup_printable (pathway_sheet_get_sheet_name (sheet));

      g_print (_("Read %s, sheet “%s”: %u rows, headers in row %u\n"), name, sheet_name,
               pathway_sheet_get_n_rows (sheet), header_number);
    }
  else
    {
      char delimiter = pathway_sheet_get_delimiter (sheet);
      const char *delimiter_name = delimiter == ';'    ? _("semicolons")
                                   : delimiter == '\t' ? _("tabs")
                                   : delimiter == '|'  ? _("bars")
                                                       : _("commas");

      g_print (_("Read %s (%s, separated by %s): %u rows, headers in row %u\n"), name,
               pathway_sheet_get_encoding (sheet), delimiter_name,
               pathway_sheet_get_n_rows (sheet), header_number);
    }
}

static void
print_mapping (PathwaySheet *sheet, PathwayImportMapping *mapping)
{
  GString *out = g_string_new (_("Columns:\n"));
  guint header_width = 0;

  for (guint c = 0; c < pathway_import_mapping_get_n_columns (mapping); c++)
    {
      g_autofree char *header = dup_printable (pathway_sheet_get_header (sheet, c));
      g_autofree char *shortened = dup_shortened (header, 40);

      header_width = MAX (header_width, text_width (shortened));
    }
  for (guint c = 0; c < pathway_import_mapping_get_n_columns (mapping); c++)
    {
      g_autofree char *letter = pathway_column_letter (c);
      g_autofree char *header = dup_printable (pathway_sheet_get_header (sheet, c));
      g_autofree char *shortened = dup_shortened (header, 40);
      PathwayImportField field = pathway_import_mapping_get_field (mapping, c);

      g_string_append (out, "  ");
      append_padded (out, letter, 3, FALSE);
      append_padded (out, shortened, header_width, FALSE);
      if (field == PATHWAY_IMPORT_FIELD_NONE)
        g_string_append_printf (out, "  %s\n", _("(ignored)"));
      else
        g_string_append_printf (out, "  -> %s\n", pathway_import_field_label (field));
    }
  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

static void
print_plan (PathwayImportPlan *plan)
{
  g_auto(GStrv) additions = pathway_import_plan_get_additions (plan);
  guint n_problems = pathway_import_plan_get_n_problems (plan);

  g_print (_("Added: %u, updated: %u, unchanged: %u\n"), pathway_import_plan_get_n_added (plan),
           pathway_import_plan_get_n_updated (plan), pathway_import_plan_get_n_unchanged (plan));
  g_print (_("Section headings: %u, rows skipped: %u\n"), pathway_import_plan_get_n_headings (plan),
           pathway_import_plan_get_n_skipped (plan));
  if (additions[0] != NULL)
    {
      g_print (_("New in the programme:\n"));
      for (guint i = 0; additions[i] != NULL; i++)
        print_line ("  ", additions[i]);
    }
  if (n_problems > 0)
    {
      g_print (_("Problems: %u errors, %u warnings\n"), pathway_import_plan_get_n_errors (plan),
               pathway_import_plan_get_n_warnings (plan));
      for (guint i = 0; i < n_problems; i++)
        {
          const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);
          g_autofree char *text = pathway_import_problem_to_string (problem);

          print_line (problem->severity == PATHWAY_IMPORT_ERROR ? _("  error: ")
                                                                : _("  warning: "),
                      text);
        }
    }
}

int
run_import (const CliArgs *args)
{
  const char *into = g_hash_table_lookup (args->values, "--into");
  const char *sheet_name = g_hash_table_lookup (args->values, "--sheet");
  gboolean dry_run = g_hash_table_contains (args->values, "--dry-run");
  GPtrArray *maps = g_hash_table_lookup (args->lists, "--map");
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (into == NULL)
    return usage_error (_("import: missing --into FILE, the programme to import into"));

  sheet = pathway_sheet_read (args->file, sheet_name, &error);
  if (sheet == NULL)
    return exchange_error (error);

  mapping = pathway_import_guess_mapping (sheet);
  for (guint i = 0; maps != NULL && i < maps->len; i++)
    if (!pathway_import_mapping_parse_override (mapping, sheet, g_ptr_array_index (maps, i),
                                                &error))
      return usage_error ("import: --map: %s", error->message);

  /* A dry run only looks, so it never takes the file for writing. */
  document = pathway_document_open (into, dry_run ? PATHWAY_OPEN_READ_ONLY : PATHWAY_OPEN_DEFAULT,
                                    &error);
  if (document == NULL)
    return file_error (into, error);
  if (!dry_run && pathway_document_get_read_only (document))
    {
      g_autoptr(GError) read_only = g_error_new_literal (
        PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, pathway_document_get_read_only_reason (document));

      return file_error (into, read_only);
    }

  print_source (sheet);
  print_mapping (sheet, mapping);
  plan = pathway_import_plan (sheet, mapping, document, NULL);
  print_plan (plan);

  if (pathway_import_plan_has_errors (plan))
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "pathway-cli: nothing was imported: put the %u error above right "
                               "in the tracker and import it again.\n",
                               "pathway-cli: nothing was imported: put the %u errors above right "
                               "in the tracker and import it again.\n",
                               pathway_import_plan_get_n_errors (plan)),
                  pathway_import_plan_get_n_errors (plan));
      return CLI_EXIT_FILE;
    }
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return CLI_EXIT_OK;
    }
  if (!pathway_import_apply (plan, document, &error))
    return file_error (into, error);
  pathway_document_close (document);
  g_print (_("Imported into %s.\n"), into);
  return CLI_EXIT_OK;
}

int
run_export (const CliArgs *args)
{
  const char *output = g_hash_table_lookup (args->values, "-o");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;

  if (output == NULL)
    output = g_hash_table_lookup (args->values, "--output");
  if (output == NULL)
    return usage_error (_("export: missing -o OUT, the .csv or .xlsx file to write"));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    return usage_error (_("export: OUT must end .csv or .xlsx"));

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);
  if (!pathway_export (document, output, &error))
    return exchange_error (error);
  return CLI_EXIT_OK;
}
