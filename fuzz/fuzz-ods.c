/* fuzz-ods.c: libFuzzer harness for ODS reading: any bytes are opened as a zip, the manifest,
 * styles.xml and content.xml parsed (cell styles and their parents, sheets, columns and rows
 * with their repeats, spans, covered cells, paragraphs; with the limits on sizes, ratio, rows
 * and columns in force), every cell's text, fill and range asked for, then mapped and planned
 * against a small programme (ratings read from fills, the plan compared again as at a past
 * day). Also lists the sheets, reads the second one by name, and reads the bytes as a file of
 * unknown kind (the content sniffing). Built only with -Dfuzzing=true (clang); run by
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

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = pathway_sheet_read_ods (bytes, "fuzz.ods", NULL, &error);
  g_auto(GStrv) names = NULL;

  if (sheet != NULL)
    fuzz_exercise_sheet (sheet, document, "fuzz.ods");
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  {
    g_autoptr(PathwaySheet) sniffed = pathway_sheet_read_bytes (bytes, "fuzz.ods", NULL, &error);

    if (sniffed != NULL)
      fuzz_exercise_sheet (sniffed, document, "fuzz.ods");
    g_clear_error (&error);
  }

  names = pathway_sheet_list_ods_sheets (bytes, "fuzz.ods", &error);
  g_clear_error (&error);
  if (names != NULL && names[0] != NULL && names[1] != NULL)
    {
      g_autoptr(PathwaySheet) second = pathway_sheet_read_ods (bytes, "fuzz.ods", names[1],
                                                               &error);

      if (second != NULL)
        fuzz_exercise_sheet (second, document, "fuzz.ods");
    }
  return 0;
}
