/* fuzz-xlsx.c: libFuzzer harness for XLSX reading: any bytes are opened as a zip, the
 * workbook found through its relationships, shared strings, styles (fills and palettes),
 * theme and the sheet parsed (hidden rows and columns, merged ranges; with the limits on
 * sizes, ratio and rows in force), every cell's text, fill and range asked for, then mapped
 * and planned against a small programme (ratings read from fills, the plan compared again as
 * at a past day). Also lists the sheets and reads the second one by name. Built only with
 * -Dfuzzing=true (clang); run by build-aux/fuzz. */
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

/* The ratings read from colours, and the plan compared again as at a past day. */
static void
exercise_colours_and_day (PathwaySheet *sheet, PathwayImportPlan *plan)
{
  g_autoptr(GDate) day = g_date_new_dmy (31, 7, 2019);
  guint n_from_fill = 0;

  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    {
      PathwayRating rating = PATHWAY_RATING_NONE;
      gboolean from_fill = FALSE;

      if (pathway_import_plan_get_cell_rating (plan, r, &rating, &from_fill))
        g_assert (rating < PATHWAY_N_RATINGS);
      n_from_fill += from_fill;
    }
  g_assert (n_from_fill <= pathway_sheet_get_n_rows (sheet));
  pathway_import_plan_set_as_at (plan, day);
  g_assert (pathway_import_plan_get_n_added (plan) + pathway_import_plan_get_n_updated (plan) +
              pathway_import_plan_get_n_unchanged (plan) <= pathway_sheet_get_n_rows (sheet));
}

static void
exercise_sheet (PathwaySheet *sheet)
{
  g_autoptr(PathwayImportMapping) mapping = pathway_import_guess_mapping (sheet);
  g_autoptr(PathwayImportPlan) plan = NULL;

  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    {
      pathway_sheet_row_is_hidden (sheet, r);
      for (guint c = 0; c < pathway_sheet_get_n_columns (sheet) + 1; c++)
        {
          PathwaySheetRange range;
          guint32 rgb = 0;

          g_assert (g_utf8_validate (pathway_sheet_get_cell (sheet, r, c), -1, NULL));
          if (pathway_sheet_get_cell_fill (sheet, r, c, &rgb))
            g_assert (rgb <= 0xFFFFFF);
          if (pathway_sheet_get_merged_range (sheet, r, c, &range))
            g_assert (range.first_row_number <= range.last_row_number &&
                      range.first_column <= c && c <= range.last_column);
          pathway_sheet_column_is_hidden (sheet, c);
        }
    }
  plan = pathway_import_plan (sheet, mapping, document, "fuzz.xlsx");
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      g_autofree char *text = pathway_import_problem_to_string (
        pathway_import_plan_get_problem (plan, i));

      g_assert (g_utf8_validate (text, -1, NULL));
    }
  exercise_colours_and_day (sheet, plan);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_xlsx (bytes, "fuzz.xlsx", NULL, &error);
  g_auto(GStrv) names = NULL;

  if (sheet != NULL)
    exercise_sheet (sheet);
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  names = pathway_sheet_list_xlsx_sheets (bytes, "fuzz.xlsx", &error);
  g_clear_error (&error);
  if (names != NULL && names[0] != NULL && names[1] != NULL)
    {
      g_autoptr(PathwaySheet) second = pathway_sheet_read_xlsx (bytes, "fuzz.xlsx", names[1],
                                                               &error);

      if (second != NULL)
        exercise_sheet (second);
    }
  return 0;
}
