/* fuzz-programme.c: a small programme for the fuzz harnesses, made through the document API
 * in a temporary folder that is removed when the process ends, and what the XLSX and ODS
 * harnesses ask of every sheet they read. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "pathway-exchange-private.h"
#include "fuzz-programme.h"

static char *dir;
static char *path;

static void
remove_programme (void)
{
  g_autofree char *lock = g_strconcat (path, "-lock", NULL);

  g_unlink (path);
  g_unlink (lock);
  g_rmdir (dir);
}

static void
add_action (PathwayDocument *document, const char *reference, PathwayWorkstream *workstream,
            PathwayPerson *lead, PathwayRating rating)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse ("Dec 18");

  pathway_action_set_reference (action, reference);
  pathway_action_set_description (action, "An action");
  pathway_action_set_workstream (action, workstream);
  pathway_action_set_lead (action, lead);
  pathway_action_set_rating (action, rating);
  pathway_action_set_original_timescale (action, timescale);
  if (!pathway_document_add_action (document, action, NULL))
    g_error ("could not add %s", reference);
}

PathwayDocument *
fuzz_programme_open (void)
{
  PathwayDocument *document;
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();
  g_autoptr(PathwayPerson) person = pathway_person_new ();

  dir = g_dir_make_tmp ("pathway-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    g_error ("no temporary folder");
  path = g_build_filename (dir, "fuzz.pathway", NULL);
  document = pathway_document_create (path, "Fuzz", NULL);
  if (document == NULL)
    g_error ("could not create %s", path);
  atexit (remove_programme);

  pathway_workstream_set_code (workstream, "A");
  pathway_workstream_set_title (workstream, "Co-production");
  pathway_person_set_name (person, "Aisha Begum");
  if (!pathway_document_add_workstream (document, workstream, NULL) ||
      !pathway_document_add_person (document, person, NULL))
    g_error ("could not make the fuzz programme");
  add_action (document, "1B ii", workstream, person, PATHWAY_RATING_RED);
  add_action (document, "1B iv", workstream, NULL, PATHWAY_RATING_AMBER);
  return document;
}

/* A sheet read by a harness ------------------------------------------------------------ */

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

void
fuzz_exercise_sheet (PathwaySheet *sheet, PathwayDocument *document, const char *file_name)
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
  plan = pathway_import_plan (sheet, mapping, document, file_name);
  for (guint i = 0; i < pathway_import_plan_get_n_problems (plan); i++)
    {
      g_autofree char *text = pathway_import_problem_to_string (
        pathway_import_plan_get_problem (plan, i));

      g_assert (g_utf8_validate (text, -1, NULL));
    }
  exercise_colours_and_day (sheet, plan);
}
