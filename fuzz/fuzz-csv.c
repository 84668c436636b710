/* fuzz-csv.c: libFuzzer harness for the CSV side of import: any bytes are decoded, sniffed
 * and parsed into a sheet, mapped from its headers (and once more with a mapping taken from
 * the input itself, so every field meets every kind of cell), and planned against a small
 * programme that already has actions, people and a workstream, so both the adding and the
 * updating paths run. A plan writes nothing, so the programme stays the same for every
 * input. Built only with -Dfuzzing=true (clang); run by build-aux/fuzz. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "pathway-exchange-private.h"
#include "fuzz-programme.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PathwayDocument *document;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  document = fuzz_programme_open ();
  return 0;
}

static void
exercise_plan (PathwaySheet *sheet, PathwayImportMapping *mapping)
{
  g_autoptr(PathwayImportPlan) plan = pathway_import_plan (sheet, mapping, document, "fuzz.csv");

  g_strfreev (pathway_import_plan_get_additions (plan));
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      const PathwayImportProblem *problem = pathway_import_plan_get_problem (plan, i);
      g_autofree char *text = pathway_import_problem_to_string (problem);

      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert (pathway_import_plan_get_cell_problem (plan, problem->row, problem->column));
    }
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    (void) pathway_import_plan_get_row_outcome (plan, r);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_csv (bytes, "fuzz.csv", &error);
  g_autoptr(PathwayImportMapping) guessed = NULL;
  g_autoptr(PathwayImportMapping) chosen = NULL;
  guint n_columns;

  if (sheet == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  n_columns = pathway_sheet_get_n_columns (sheet);
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < n_columns; c++)
      g_assert (g_utf8_validate (pathway_sheet_get_cell (sheet, r, c), -1, NULL));

  guessed = pathway_import_guess_mapping (sheet);
  exercise_plan (sheet, guessed);

  /* A mapping the input chooses: column c gets the field named by byte c. */
  chosen = pathway_import_mapping_new (n_columns);
  for (guint c = 0; c < n_columns && c < size; c++)
    pathway_import_mapping_set_field (chosen, c,
                                      (PathwayImportField) (data[c] % PATHWAY_IMPORT_N_FIELDS));
  if (size > 0 && n_columns > 0)
    {
      g_autofree char *assignment = g_strdup_printf ("%s=rating",
                                                     pathway_sheet_get_header (sheet, 0));

      pathway_import_mapping_parse_override (chosen, sheet, assignment, NULL);
    }
  exercise_plan (sheet, chosen);
  return 0;
}
