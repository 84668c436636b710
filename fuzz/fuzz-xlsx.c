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

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_xlsx (bytes, "fuzz.xlsx", NULL, &error);
  g_auto(GStrv) names = NULL;

  if (sheet != NULL)
    fuzz_exercise_sheet (sheet, document, "fuzz.xlsx");
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
        fuzz_exercise_sheet (second, document, "fuzz.xlsx");
    }
  return 0;
}
