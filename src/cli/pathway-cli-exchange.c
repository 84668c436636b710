/* pathway-cli-exchange.c: `pathway-cli import` and `pathway-cli export`, of a tracker or, with
 * --risks, of a risk register and the risk log. Import reads a
 * tracker (CSV or XLSX: the sheet that looks like one, the sheets named, or all of them),
 * prints the mapping of its columns (the one chosen last time for the same layout, without
 * --map), what it would add and change, how many ratings it read from cell colours, every
 * problem (row, column, value, what is wrong) and every row it skips and why; with no errors
 * and without --dry-run it writes the whole import, every sheet of it, in one transaction,
 * dated at --as-at's day when given. With errors it writes nothing and exits 2, so the file
 * stays exactly as it was. Export opens the programme read-only. */
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
  const GDate *recalled = pathway_import_mapping_get_recalled_date (mapping);

  if (recalled != NULL)
    {
      g_autofree char *day = pathway_date_format_words (recalled);

      g_print (_("Columns as chosen for this layout on %s\n"), day);
    }
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
      guint field = pathway_import_mapping_get_field (mapping, c);

      g_string_append (out, "  ");
      append_padded (out, letter, 3, FALSE);
      append_padded (out, shortened, header_width, FALSE);
      if (field == 0)
        g_string_append_printf (out, "  %s", _("(ignored)"));
      else
        g_string_append_printf (out, "  -> %s",
                                pathway_import_target_field_label (
                                  pathway_import_mapping_get_target (mapping), field));
      /* A hidden column is only read when chosen (--map). */
      if (pathway_sheet_column_is_hidden (sheet, c))
        g_string_append_printf (out, " %s", _("(hidden in the sheet)"));
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

/* "Sheet “Health”: " before each line about a sheet, when there are several. */
static char *
sheet_prefix (PathwayImportPlan *plan, gboolean several)
{
  PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
  g_autofree char *name = NULL;

  if (!several)
    return g_strdup ("");
  name = dup_printable (pathway_sheet_get_sheet_name (sheet));
  return g_strdup_printf (_("Sheet “%s”: "), name);
}

static void
print_plans (GPtrArray *plans)
{
  gboolean several = plans->len > 1;
  guint added = 0, updated = 0, unchanged = 0, headings = 0, skipped = 0;
  guint n_errors = 0, n_warnings = 0, colour_ratings = 0;
  g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);
      g_auto(GStrv) lines = pathway_import_plan_get_additions (plan);

      added += pathway_import_plan_get_n_added (plan);
      updated += pathway_import_plan_get_n_updated (plan);
      unchanged += pathway_import_plan_get_n_unchanged (plan);
      headings += pathway_import_plan_get_n_headings (plan);
      skipped += pathway_import_plan_get_n_skipped (plan);
      n_errors += pathway_import_plan_get_n_errors (plan);
      n_warnings += pathway_import_plan_get_n_warnings (plan);
      colour_ratings += pathway_import_plan_get_n_colour_ratings (plan);
      /* Sheets of one workbook name the same people: each once. */
      for (guint i = 0; lines[i] != NULL; i++)
        if (!g_ptr_array_find_with_equal_func (additions, lines[i], g_str_equal, NULL))
          g_ptr_array_add (additions, g_strdup (lines[i]));
    }

  /* Scripts read this line: keep its form. */
  g_print (_("Added: %u, updated: %u, unchanged: %u\n"), added, updated, unchanged);
  g_print (_("Section headings: %u, rows skipped: %u\n"), headings, skipped);
  if (colour_ratings > 0)
    g_print (_("Ratings read from cell colours: %u\n"), colour_ratings);
  if (additions->len > 0)
    {
      g_print (_("New in the programme:\n"));
      for (guint i = 0; i < additions->len; i++)
        print_line ("  ", g_ptr_array_index (additions, i));
    }
  if (n_errors + n_warnings > 0)
    {
      g_print (_("Problems: %u errors, %u warnings\n"), n_errors, n_warnings);
      for (guint p = 0; p < plans->len; p++)
        {
          PathwayImportPlan *plan = g_ptr_array_index (plans, p);
          g_autofree char *prefix = sheet_prefix (plan, several);

          for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
            {
              const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);
              g_autofree char *text = pathway_import_problem_to_string (problem);
              g_autofree char *line = g_strconcat (prefix, text, NULL);

              print_line (problem->severity == PATHWAY_IMPORT_ERROR ? _("  error: ")
                                                                    : _("  warning: "),
                          line);
            }
        }
    }
  if (skipped > 0)
    {
      g_print (_("Rows skipped:\n"));
      for (guint p = 0; p < plans->len; p++)
        {
          PathwayImportPlan *plan = g_ptr_array_index (plans, p);
          PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
          g_autofree char *prefix = sheet_prefix (plan, several);

          for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
            {
              const char *reason = pathway_import_plan_get_row_skip_reason (plan, r);
              g_autofree char *line = NULL;

              if (reason == NULL)
                continue;
              line = g_strdup_printf (_("%sRow %u: %s"), prefix,
                                      pathway_sheet_get_row_number (sheet, r), reason);
              print_line ("  ", line);
            }
        }
    }
}

/* The sheets to import: those named with --sheet ("all": every one that looks like a
 * tracker, or a risk register), or the one that looks like one. */
static GPtrArray *
read_sheets (const char *path, PathwayImportTarget target, GPtrArray *names, GError **error)
{
  g_autoptr(GPtrArray) sheets = NULL;

  if (names == NULL)
    {
      PathwaySheet *sheet = pathway_import_read_sheet_for (path, target, error);

      if (sheet == NULL)
        return NULL;
      sheets = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (sheets, sheet);
      return g_steal_pointer (&sheets);
    }
  {
    g_autoptr(GPtrArray) list = g_ptr_array_new ();

    for (guint i = 0; i < names->len; i++)
      g_ptr_array_add (list, g_ptr_array_index (names, i));
    g_ptr_array_add (list, NULL);
    return pathway_import_read_sheets_for (path, target, (const char *const *) list->pdata,
                                           error);
  }
}

/* --skip ROW, or SHEET!ROW (as Excel names a cell of another sheet) among several sheets. */
static gboolean
skip_row (GPtrArray *sheets, GPtrArray *mappings, const char *value, GError **error)
{
  const char *bang = strrchr (value, '!');
  g_autofree char *sheet_name = bang ? g_strndup (value, bang - value) : NULL;
  const char *row = bang ? bang + 1 : value;

  if (sheet_name == NULL)
    {
      if (sheets->len > 1)
        {
          g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                       _("“%s”: with several sheets, say which sheet, as SHEET!ROW."), value);
          return FALSE;
        }
      return pathway_import_mapping_parse_skip (g_ptr_array_index (mappings, 0),
                                                g_ptr_array_index (sheets, 0), row, error);
    }
  for (guint i = 0; i < sheets->len; i++)
    {
      PathwaySheet *sheet = g_ptr_array_index (sheets, i);
      const char *name = pathway_sheet_get_sheet_name (sheet);

      if (sheets->len == 1 || (name != NULL && g_utf8_collate (name, sheet_name) == 0))
        return pathway_import_mapping_parse_skip (g_ptr_array_index (mappings, i), sheet, row,
                                                  error);
    }
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
               _("“%s”: no sheet being imported is called “%s”."), value, sheet_name);
  return FALSE;
}

int
run_import (const CliArgs *args)
{
  const char *into = g_hash_table_lookup (args->values, "--into");
  gboolean dry_run = g_hash_table_contains (args->values, "--dry-run");
  GPtrArray *sheet_names = g_hash_table_lookup (args->lists, "--sheet");
  GPtrArray *maps = g_hash_table_lookup (args->lists, "--map");
  GPtrArray *skips = g_hash_table_lookup (args->lists, "--skip");
  const char *as_at_arg = g_hash_table_lookup (args->values, "--as-at");
  PathwayImportTarget target = g_hash_table_contains (args->values, "--risks")
                                 ? PATHWAY_IMPORT_TARGET_RISKS
                                 : PATHWAY_IMPORT_TARGET_TRACKER;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_errors = 0;
  GDate as_at, today;

  if (into == NULL)
    return usage_error (_("import: missing --into FILE, the programme to import into"));
  if (as_at_arg != NULL && target == PATHWAY_IMPORT_TARGET_RISKS)
    return usage_error (_("import: --as-at is for trackers; a risk register is imported as it "
                          "stands"));
  if (as_at_arg != NULL && !pathway_import_parse_day (as_at_arg, &as_at))
    return usage_error (_("import: --as-at needs a day as YYYY-MM-DD or DD/MM/YYYY, not '%s'"),
                        as_at_arg);

  sheets = read_sheets (args->file, target, sheet_names, &error);
  if (sheets == NULL)
    return exchange_error (error);

  for (guint s = 0; s < sheets->len; s++)
    {
      PathwaySheet *sheet = g_ptr_array_index (sheets, s);
      PathwayImportMapping *mapping = pathway_import_guess_mapping_for (sheet, target);

      g_ptr_array_add (mappings, mapping);
      /* The same choice for every sheet: a workbook's sheets share their layout. */
      for (guint i = 0; maps != NULL && i < maps->len; i++)
        if (!pathway_import_mapping_parse_override (mapping, sheet, g_ptr_array_index (maps, i),
                                                    &error))
          return usage_error ("import: --map: %s", error->message);
    }
  for (guint i = 0; skips != NULL && i < skips->len; i++)
    if (!skip_row (sheets, mappings, g_ptr_array_index (skips, i), &error))
      return usage_error ("import: --skip: %s", error->message);

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
  pathway_document_get_today (document, &today);
  if (as_at_arg != NULL && g_date_compare (&as_at, &today) > 0)
    return usage_error (_("import: --as-at %s is after today: a tracker is dated the day it "
                          "stood, which has passed"),
                        as_at_arg);

  for (guint s = 0; s < sheets->len; s++)
    {
      /* The choices made last time for this layout, unless the columns are given now. */
      if (maps == NULL)
        pathway_import_mapping_recall (g_ptr_array_index (mappings, s),
                                       g_ptr_array_index (sheets, s), document);
      print_source (g_ptr_array_index (sheets, s));
      print_mapping (g_ptr_array_index (sheets, s), g_ptr_array_index (mappings, s));
    }
  plans = pathway_import_plan_sheets (sheets, mappings, document, NULL);
  if (as_at_arg != NULL)
    {
      g_autofree char *day = pathway_date_format_words (&as_at);

      for (guint p = 0; p < plans->len; p++)
        pathway_import_plan_set_as_at (g_ptr_array_index (plans, p), &as_at);
      g_print (_("Dated as at %s (each change also records when it was imported)\n"), day);
    }
  print_plans (plans);

  for (guint p = 0; p < plans->len; p++)
    n_errors += pathway_import_plan_get_n_errors (g_ptr_array_index (plans, p));
  if (n_errors > 0 && target == PATHWAY_IMPORT_TARGET_RISKS)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "pathway-cli: nothing was imported: put the %u error above right "
                               "in the risk register and import it again.\n",
                               "pathway-cli: nothing was imported: put the %u errors above right "
                               "in the risk register and import it again.\n",
                               n_errors),
                  n_errors);
      return CLI_EXIT_FILE;
    }
  if (n_errors > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "pathway-cli: nothing was imported: put the %u error above right "
                               "in the tracker and import it again.\n",
                               "pathway-cli: nothing was imported: put the %u errors above right "
                               "in the tracker and import it again.\n",
                               n_errors),
                  n_errors);
      return CLI_EXIT_FILE;
    }
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return CLI_EXIT_OK;
    }
  if (!pathway_import_apply_all (plans, document, &error))
    return file_error (into, error);
  pathway_document_close (document);
  display = dup_display_location (into);
  g_print (_("Imported into %s.\n"), display);
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
  if (g_hash_table_contains (args->values, "--risks")
        ? !pathway_export_risks (document, output, &error)
        : !pathway_export (document, output, &error))
    return exchange_error (error);
  return CLI_EXIT_OK;
}
