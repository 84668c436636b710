/* fuzz-csv.c: libFuzzer harness for the CSV side of import: any bytes are decoded, sniffed
 * and parsed into a sheet, mapped from its headers (and once more with a mapping taken from
 * the input itself, so every field meets every kind of cell), and planned against a small
 * programme that already has actions, people and a workstream, so both the adding and the
 * updating paths run, and compared again as at a past day; then planned as two sheets of one
 * workbook with a row skipped; then read as a risk register. A plan writes nothing, so the
 * programme stays the same for every input. Built only with -Dfuzzing=true (clang); run by
 * build-aux/fuzz. */
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
  /* Compared again with the programme as it stood at a past day. */
  {
    g_autoptr(GDate) day = g_date_new_dmy (31, 7, 2019);

    pathway_import_plan_set_as_at (plan, day);
    g_assert (pathway_import_plan_get_n_added (plan) + pathway_import_plan_get_n_updated (plan) +
                pathway_import_plan_get_n_unchanged (plan) <= pathway_sheet_get_n_rows (sheet));
  }
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
  /* No layout is kept in the fuzz programme: nothing to recall, but the key is made. */
  g_assert (!pathway_import_mapping_recall (guessed, sheet, document));
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

  /* The same sheet twice as a workbook's sheets, one row skipped: references compared across
   * sheets, marks and made references, the sheet's workstream. */
  {
    g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
    g_autoptr(GPtrArray) mappings = g_ptr_array_new ();
    g_autoptr(GPtrArray) plans = NULL;

    if (pathway_sheet_get_n_rows (sheet) > 1)
      pathway_import_mapping_set_row_skipped (guessed, data[0] % pathway_sheet_get_n_rows (sheet),
                                              TRUE);
    for (guint i = 0; i < 2; i++)
      {
        g_ptr_array_add (sheets, sheet);
        g_ptr_array_add (mappings, i == 0 ? guessed : chosen);
      }
    plans = pathway_import_plan_sheets (sheets, mappings, document, "fuzz.csv");
    g_ptr_array_set_free_func (plans, g_object_unref);
    for (guint i = 0; i < plans->len; i++)
      for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
        {
          const char *reason = pathway_import_plan_get_row_skip_reason (g_ptr_array_index (plans,
                                                                                           i), r);
          const char *reference = pathway_import_plan_get_row_reference (
            g_ptr_array_index (plans, i), r);

          g_assert (reason == NULL || g_utf8_validate (reason, -1, NULL));
          g_assert (reference == NULL || g_utf8_validate (reference, -1, NULL));
        }
  }

  /* The same sheet as a risk register, last, since its guess may move the header row: the
   * guessed mapping, and one the input chooses. */
  {
    g_autoptr(PathwayImportMapping) risks = pathway_import_guess_risk_mapping (sheet);
    g_autoptr(PathwayImportMapping) chosen_risks =
      pathway_import_mapping_new_for (PATHWAY_IMPORT_TARGET_RISKS, n_columns);

    exercise_plan (sheet, risks);
    for (guint c = 0; c < n_columns && c < size; c++)
      pathway_import_mapping_set_field (chosen_risks, c, data[c] % PATHWAY_RISK_N_FIELDS);
    exercise_plan (sheet, chosen_risks);
  }
  return 0;
}
