/* pathway-import-sheets.c: which sheets of a workbook are the tracker, or the risk register. A
 * workbook often holds more than the tracker: a Summary of counts before it, a list of
 * contacts, a colour key, a scoring matrix beside a risk register. The tracker is the sheet
 * whose guessed mapping has a reference and an action column (a register: a reference and a
 * risk column), and of several such, the one with the most rows; a tracker kept as one sheet
 * per workstream, or a log kept as a sheet of risks and one of issues, is all of them. Each
 * sheet is read by the ordinary reader, so what it can read (CSV, XLSX and whatever comes
 * later) this can choose among. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

char *
pathway_import_sheet_lacks (PathwaySheet *sheet, PathwayImportMapping *mapping)
{
  g_autoptr(PathwayImportMapping) guessed = NULL;
  gboolean reference, action;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);

  if (mapping == NULL)
    mapping = guessed = pathway_import_guess_mapping (sheet);
  if (pathway_import_mapping_get_target (mapping) == PATHWAY_IMPORT_TARGET_RISKS)
    {
      reference = pathway_import_mapping_get_column (mapping, PATHWAY_RISK_FIELD_REFERENCE) >= 0;
      action = pathway_import_mapping_get_column (mapping, PATHWAY_RISK_FIELD_TITLE) >= 0;
      if (!reference && !action)
        return g_strdup (_("no reference or risk column"));
      if (!reference)
        return g_strdup (_("no reference column"));
      if (!action)
        return g_strdup (_("no risk column"));
      if (pathway_sheet_get_header_row (sheet) + 1 >= pathway_sheet_get_n_rows (sheet))
        return g_strdup (_("no rows under its header"));
      return NULL;
    }
  reference = pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_REFERENCE) >= 0;
  action = pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_DESCRIPTION) >= 0;
  if (!reference && !action)
    return g_strdup (_("no reference or action column"));
  if (!reference)
    return g_strdup (_("no reference column"));
  if (!action)
    return g_strdup (_("no action column"));
  if (pathway_sheet_get_header_row (sheet) + 1 >= pathway_sheet_get_n_rows (sheet))
    return g_strdup (_("no rows under its header"));
  return NULL;
}

/* One sheet of the workbook as read, or why it cannot be a tracker. */
typedef struct {
  char *name;
  PathwaySheet *sheet; /* NULL when it has no cells */
  char *lacks;         /* NULL when it looks like a tracker */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_clear_object (&candidate->sheet);
  g_free (candidate->lacks);
  g_free (candidate);
}

/* Every sheet of the file, read. An empty sheet is a candidate that lacks everything; any
 * other failure to read one stops the whole reading, as it would for that sheet alone. */
static GPtrArray *
read_candidates (const char *path, PathwayImportTarget target, GError **error)
{
  g_auto(GStrv) names = pathway_sheet_list_sheet_names (path, error);
  g_autoptr(GPtrArray) candidates = NULL;

  if (names == NULL)
    return NULL;
  candidates = g_ptr_array_new_with_free_func (candidate_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      Candidate *candidate = g_new0 (Candidate, 1);

      candidate->name = g_strdup (names[i]);
      g_ptr_array_add (candidates, candidate);
      candidate->sheet = pathway_sheet_read (path, names[i], &local_error);
      if (candidate->sheet == NULL)
        {
          if (!g_error_matches (local_error, PATHWAY_EXCHANGE_ERROR,
                                PATHWAY_EXCHANGE_ERROR_EMPTY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          candidate->lacks = g_strdup (_("nothing in it"));
          continue;
        }
      {
        g_autoptr(PathwayImportMapping) mapping =
          pathway_import_guess_mapping_for (candidate->sheet, target);

        candidate->lacks = pathway_import_sheet_lacks (candidate->sheet, mapping);
      }
    }
  return g_steal_pointer (&candidates);
}

static guint
rows_under_header (PathwaySheet *sheet)
{
  return pathway_sheet_get_n_rows (sheet) - pathway_sheet_get_header_row (sheet) - 1;
}

static void
set_not_tracker_error (GError **error, const char *path, PathwayImportTarget target,
                       GPtrArray *candidates)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autoptr(GString) sheets = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = g_ptr_array_index (candidates, i);

      g_string_append_printf (sheets, "%s“%s”: %s", i > 0 ? "; " : "", candidate->name,
                              candidate->lacks);
    }
  if (target == PATHWAY_IMPORT_TARGET_RISKS)
    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_TRACKER,
                 _("%s has no sheet that looks like a risk register (a reference and a risk "
                   "column): %s. Choose the sheet, and the columns, yourself."),
                 display_name, sheets->str);
  else
    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_TRACKER,
                 _("%s has no sheet that looks like a tracker (a reference and an action "
                   "column): %s. Choose the sheet, and the columns, yourself."),
                 display_name, sheets->str);
}

PathwaySheet *
pathway_import_read_tracker (const char *path, GError **error)
{
  return pathway_import_read_sheet_for (path, PATHWAY_IMPORT_TARGET_TRACKER, error);
}

PathwaySheet *
pathway_import_read_sheet_for (const char *path, PathwayImportTarget target, GError **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  Candidate *best = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  candidates = read_candidates (path, target, error);
  if (candidates == NULL)
    return NULL;
  /* One sheet is the tracker whatever it lacks: the plan says what, column by column. */
  if (candidates->len == 1)
    {
      Candidate *only = g_ptr_array_index (candidates, 0);

      if (only->sheet == NULL)
        return pathway_sheet_read (path, only->name, error);
      return g_object_ref (only->sheet);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);

      if (candidate->lacks == NULL &&
          (best == NULL || rows_under_header (candidate->sheet) > rows_under_header (best->sheet)))
        best = candidate;
    }
  if (best == NULL)
    {
      set_not_tracker_error (error, path, target, candidates);
      return NULL;
    }
  return g_object_ref (best->sheet);
}

GPtrArray *
pathway_import_read_trackers (const char *path, const char *const *sheet_names, GError **error)
{
  return pathway_import_read_sheets_for (path, PATHWAY_IMPORT_TARGET_TRACKER, sheet_names,
                                         error);
}

GPtrArray *
pathway_import_read_sheets_for (const char *path, PathwayImportTarget target,
                                const char *const *sheet_names, GError **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (sheet_names != NULL && sheet_names[0] != NULL, NULL);

  if (sheet_names[1] == NULL && g_ascii_strcasecmp (sheet_names[0], "all") == 0)
    {
      g_autoptr(GPtrArray) candidates = read_candidates (path, target, error);

      if (candidates == NULL)
        return NULL;
      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *candidate = g_ptr_array_index (candidates, i);

          if (candidate->lacks == NULL)
            g_ptr_array_add (sheets, g_object_ref (candidate->sheet));
        }
      if (sheets->len == 0)
        {
          set_not_tracker_error (error, path, target, candidates);
          return NULL;
        }
      return g_steal_pointer (&sheets);
    }
  for (guint i = 0; sheet_names[i] != NULL; i++)
    {
      PathwaySheet *sheet = pathway_sheet_read (path, sheet_names[i], error);

      if (sheet == NULL)
        return NULL;
      g_ptr_array_add (sheets, sheet);
    }
  return g_steal_pointer (&sheets);
}
