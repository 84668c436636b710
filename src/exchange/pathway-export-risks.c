/* pathway-export-risks.c: the risk log out to CSV and XLSX, for a board or a partner that keeps
 * its register in a spreadsheet. One row per live entry (risks, assumptions, issues and
 * dependencies), in the natural order of their references, under headers the risk register
 * import reads back to the same fields, so exporting and importing into the same programme
 * changes nothing.
 *
 * Levels are numbers from 1 to 5 and the scores likelihood times impact (blank while not
 * assessed); in XLSX they are numeric cells, each score filled in its band's colour, and the
 * review date a real date. As in the tracker's export (pathway-export.c) no cell runs as a
 * formula: CSV text a spreadsheet could take for one gets an apostrophe, which import takes
 * off again, and XLSX writes all text as string cells. Both are written through a
 * PathwaySafeFile, so a failure leaves the old file whole and says why. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "pathway-exchange-private.h"
#include "pathway-reference.h"
#include "pathway-safe-file.h"

#define MAX_ROW_HEIGHT 409.0

typedef enum {
  COLUMN_REFERENCE,
  COLUMN_KIND,
  COLUMN_TITLE,
  COLUMN_DESCRIPTION,
  COLUMN_OWNER,
  COLUMN_WORKSTREAM,
  COLUMN_ACTIONS,
  COLUMN_LIKELIHOOD,
  COLUMN_IMPACT,
  COLUMN_SCORE,
  COLUMN_RESIDUAL_LIKELIHOOD,
  COLUMN_RESIDUAL_IMPACT,
  COLUMN_RESIDUAL_SCORE,
  COLUMN_PROXIMITY,
  COLUMN_REVIEW_DATE,
  COLUMN_RESPONSE,
  COLUMN_RESPONSE_OWNER,
  COLUMN_STATUS,
  COLUMN_RAISED_FROM,
  N_COLUMNS
} Column;

/* Headers stay English whatever the language: they are what import matches. Widths are in
 * Excel's characters; numbers are numeric cells. */
static const struct {
  const char *header;
  double min_width;
  double max_width;
  gboolean wrap;
  gboolean number;
} columns[N_COLUMNS] = {
  [COLUMN_REFERENCE] = { "Ref", 6, 12, FALSE, FALSE },
  [COLUMN_KIND] = { "Type", 8, 12, FALSE, FALSE },
  [COLUMN_TITLE] = { "Risk", 24, 50, TRUE, FALSE },
  [COLUMN_DESCRIPTION] = { "Description", 30, 60, TRUE, FALSE },
  [COLUMN_OWNER] = { "Owner", 10, 24, TRUE, FALSE },
  [COLUMN_WORKSTREAM] = { "Workstream", 12, 30, TRUE, FALSE },
  [COLUMN_ACTIONS] = { "Linked actions", 10, 24, TRUE, FALSE },
  [COLUMN_LIKELIHOOD] = { "Likelihood", 8, 10, FALSE, TRUE },
  [COLUMN_IMPACT] = { "Impact", 8, 10, FALSE, TRUE },
  [COLUMN_SCORE] = { "Score", 7, 8, FALSE, TRUE },
  [COLUMN_RESIDUAL_LIKELIHOOD] = { "Residual likelihood", 10, 12, FALSE, TRUE },
  [COLUMN_RESIDUAL_IMPACT] = { "Residual impact", 10, 12, FALSE, TRUE },
  [COLUMN_RESIDUAL_SCORE] = { "Residual score", 9, 10, FALSE, TRUE },
  [COLUMN_PROXIMITY] = { "Proximity", 10, 20, TRUE, FALSE },
  [COLUMN_REVIEW_DATE] = { "Review date", 11, 12, FALSE, FALSE },
  [COLUMN_RESPONSE] = { "Response", 30, 60, TRUE, FALSE },
  [COLUMN_RESPONSE_OWNER] = { "Response owner", 10, 24, TRUE, FALSE },
  [COLUMN_STATUS] = { "Status", 9, 12, FALSE, FALSE },
  [COLUMN_RAISED_FROM] = { "Raised from", 8, 12, FALSE, FALSE },
};

/* The score's band as the heat map shows it, with text that reads on it. */
static const struct {
  lxw_color_t fill;
  lxw_color_t font;
} band_colours[] = {
  [PATHWAY_RISK_BAND_NONE] = { 0, 0 },
  [PATHWAY_RISK_BAND_LOW] = { 0x00B050, LXW_COLOR_BLACK },
  [PATHWAY_RISK_BAND_MEDIUM] = { 0xFFC000, LXW_COLOR_BLACK },
  [PATHWAY_RISK_BAND_HIGH] = { 0xED7D31, LXW_COLOR_BLACK },
  [PATHWAY_RISK_BAND_VERY_HIGH] = { 0xC00000, 0xFFFFFF },
};

/* The risks, in order ------------------------------------------------------------------------ */

typedef struct {
  PathwayRisk *risk;
  char *key;
} SortedRisk;

static int
compare_sorted (gconstpointer a, gconstpointer b)
{
  const SortedRisk *x = a, *y = b;

  return strcmp (x->key, y->key);
}

/* The live entries by reference, in natural order ("R2" before "R10"). */
static GPtrArray *
sorted_risks (PathwayProgramme *programme)
{
  GListModel *list = pathway_programme_get_risks (programme);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (SortedRisk), n);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      SortedRisk entry;

      entry.risk = g_list_model_get_item (list, i);
      entry.key = pathway_reference_sort_key (pathway_risk_get_reference (entry.risk));
      g_array_append_val (keyed, entry);
    }
  g_array_sort (keyed, compare_sorted);
  for (guint i = 0; i < keyed->len; i++)
    {
      SortedRisk *entry = &g_array_index (keyed, SortedRisk, i);

      g_ptr_array_add (sorted, entry->risk);
      g_free (entry->key);
    }
  return sorted;
}

static char *
level_text (int level)
{
  return level > 0 ? g_strdup_printf ("%d", level) : g_strdup ("");
}

static char *
person_text (PathwayPerson *person)
{
  return g_strdup (person != NULL ? pathway_person_get_name (person) : "");
}

/* "2 – Health", as the tracker's export writes a workstream and import finds it again. */
static char *
workstream_text (PathwayWorkstream *workstream)
{
  const char *code, *title;

  if (workstream == NULL)
    return g_strdup ("");
  code = pathway_workstream_get_code (workstream);
  title = pathway_workstream_get_title (workstream);
  if (code == NULL || *code == '\0')
    return g_strdup (title ? title : "");
  if (title == NULL || *title == '\0' || strcmp (code, title) == 0)
    return g_strdup (code);
  return g_strdup_printf ("%s – %s", code, title);
}

/* The text of each cell of a risk's row (the CSV's; XLSX writes numbers and dates as such). */
static void
row_texts (PathwayRisk *risk, char *texts[N_COLUMNS])
{
  const GDate *review = pathway_risk_get_review_date (risk);
  PathwayRisk *from = pathway_risk_get_raised_from (risk);

  texts[COLUMN_REFERENCE] = g_strdup (pathway_risk_get_reference (risk));
  texts[COLUMN_KIND] = g_strdup (pathway_export_risk_kind_word (pathway_risk_get_kind (risk)));
  texts[COLUMN_TITLE] = g_strdup (pathway_risk_get_title (risk));
  texts[COLUMN_DESCRIPTION] = g_strdup (pathway_risk_get_description (risk));
  texts[COLUMN_OWNER] = person_text (pathway_risk_get_owner (risk));
  texts[COLUMN_WORKSTREAM] = workstream_text (pathway_risk_get_workstream (risk));
  texts[COLUMN_ACTIONS] = g_strdup (pathway_risk_get_actions (risk));
  texts[COLUMN_LIKELIHOOD] = level_text (pathway_risk_get_likelihood (risk));
  texts[COLUMN_IMPACT] = level_text (pathway_risk_get_impact (risk));
  texts[COLUMN_SCORE] = level_text (pathway_risk_get_score (risk));
  texts[COLUMN_RESIDUAL_LIKELIHOOD] = level_text (pathway_risk_get_residual_likelihood (risk));
  texts[COLUMN_RESIDUAL_IMPACT] = level_text (pathway_risk_get_residual_impact (risk));
  texts[COLUMN_RESIDUAL_SCORE] = level_text (pathway_risk_get_residual_score (risk));
  texts[COLUMN_PROXIMITY] = g_strdup (pathway_risk_get_proximity (risk));
  texts[COLUMN_REVIEW_DATE] = review != NULL && g_date_valid (review)
                                ? pathway_date_format_iso (review)
                                : g_strdup ("");
  texts[COLUMN_RESPONSE] = g_strdup (pathway_risk_get_response (risk));
  texts[COLUMN_RESPONSE_OWNER] = person_text (pathway_risk_get_response_owner (risk));
  texts[COLUMN_STATUS] =
    g_strdup (pathway_export_risk_status_word (pathway_risk_get_status (risk)));
  texts[COLUMN_RAISED_FROM] = g_strdup (from != NULL ? pathway_risk_get_reference (from) : "");
  for (guint c = 0; c < N_COLUMNS; c++)
    if (texts[c] == NULL)
      texts[c] = g_strdup ("");
}

static void
free_texts (char *texts[N_COLUMNS])
{
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&texts[c], g_free);
}

/* The safe file's message names the file and says why; exports report it in their domain. */
static gboolean
pass_on_write_error (GError **error, const GError *local_error)
{
  g_set_error_literal (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}

/* CSV ------------------------------------------------------------------------------------------ */

gboolean
pathway_export_risks_csv (PathwayDocument *document, const char *path, GError **error)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      pathway_export_append_csv_field (out, columns[c].header);
    }
  g_string_append (out, "\r\n");

  sorted = sorted_risks (pathway_document_get_programme (document));
  for (guint i = 0; i < sorted->len; i++)
    {
      char *texts[N_COLUMNS] = { NULL };

      row_texts (g_ptr_array_index (sorted, i), texts);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          pathway_export_append_csv_field (out, texts[c]);
        }
      g_string_append (out, "\r\n");
      free_texts (texts);
    }

  if (!pathway_safe_file_set_contents (path, out->str, out->len, &local_error))
    return pass_on_write_error (error, local_error);
  return TRUE;
}

/* XLSX ----------------------------------------------------------------------------------------- */

typedef struct {
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrapped;
  lxw_format *number;
  lxw_format *date;
  lxw_format *bands[G_N_ELEMENTS (band_colours)];
} Formats;

static void
make_formats (Formats *formats)
{
  formats->header = workbook_add_format (formats->workbook);
  format_set_bold (formats->header);
  format_set_bg_color (formats->header, 0xD9D9D9);
  format_set_bottom (formats->header, LXW_BORDER_THIN);
  format_set_text_wrap (formats->header);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_TOP);

  formats->text = workbook_add_format (formats->workbook);
  format_set_align (formats->text, LXW_ALIGN_VERTICAL_TOP);

  formats->wrapped = workbook_add_format (formats->workbook);
  format_set_text_wrap (formats->wrapped);
  format_set_align (formats->wrapped, LXW_ALIGN_VERTICAL_TOP);

  formats->number = workbook_add_format (formats->workbook);
  format_set_align (formats->number, LXW_ALIGN_CENTER);
  format_set_align (formats->number, LXW_ALIGN_VERTICAL_TOP);

  formats->date = workbook_add_format (formats->workbook);
  format_set_num_format (formats->date, "dd/mm/yyyy");
  format_set_align (formats->date, LXW_ALIGN_LEFT);
  format_set_align (formats->date, LXW_ALIGN_VERTICAL_TOP);

  for (guint b = PATHWAY_RISK_BAND_LOW; b < G_N_ELEMENTS (band_colours); b++)
    {
      formats->bands[b] = workbook_add_format (formats->workbook);
      format_set_bg_color (formats->bands[b], band_colours[b].fill);
      format_set_font_color (formats->bands[b], band_colours[b].font);
      format_set_bold (formats->bands[b]);
      format_set_align (formats->bands[b], LXW_ALIGN_CENTER);
      format_set_align (formats->bands[b], LXW_ALIGN_VERTICAL_TOP);
    }
}

static lxw_error
write_cell (lxw_worksheet *sheet, Formats *formats, lxw_row_t row, Column column,
            PathwayRisk *risk, const char *text)
{
  g_autofree char *fitted = NULL;

  if (*text == '\0')
    return LXW_NO_ERROR;
  if (column == COLUMN_SCORE || column == COLUMN_RESIDUAL_SCORE)
    {
      int score = column == COLUMN_SCORE ? pathway_risk_get_score (risk)
                                         : pathway_risk_get_residual_score (risk);
      PathwayRiskBand band = pathway_risk_band_for_score (score);

      return worksheet_write_number (sheet, row, column, score,
                                     band != PATHWAY_RISK_BAND_NONE ? formats->bands[band]
                                                                    : formats->number);
    }
  if (columns[column].number)
    return worksheet_write_number (sheet, row, column, g_ascii_strtod (text, NULL),
                                   formats->number);
  if (column == COLUMN_REVIEW_DATE)
    {
      double serial = pathway_number_format_serial (pathway_risk_get_review_date (risk));

      return worksheet_write_number (sheet, row, column, serial, formats->date);
    }
  fitted = pathway_export_fit_cell (text);
  return worksheet_write_string (sheet, row, column, fitted,
                                 columns[column].wrap ? formats->wrapped : formats->text);
}

/* Writes the workbook into the safe file's temporary, and records any failure in it. */
static void
write_workbook (PathwayDocument *document, PathwaySafeFile *file, const char *tmpdir)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) tmpdir };
  g_autoptr(GPtrArray) sorted = NULL;
  Formats formats = { 0 };
  lxw_worksheet *sheet;
  lxw_error status = LXW_NO_ERROR;
  double widths[N_COLUMNS];
  PathwayProgramme *programme = pathway_document_get_programme (document);
  lxw_doc_properties properties = { 0 };
  char **texts;
  guint header_lines = 1;

  errno = 0;
  formats.workbook = workbook_new_opt (pathway_safe_file_get_temp_path (file), &options);
  if (formats.workbook == NULL)
    {
      pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno ? errno : EIO),
                              NULL);
      return;
    }
  make_formats (&formats);
  properties.title = (char *) pathway_programme_get_name (programme);
  properties.comments = (char *) "Risk log exported from Pathway";
  workbook_set_properties (formats.workbook, &properties);
  sheet = workbook_add_worksheet (formats.workbook, "Risks");

  /* Widths from every row first, then rows as high as their wrapped text: no spreadsheet fits
   * a row's height to its text when it opens a file. */
  sorted = sorted_risks (programme);
  texts = g_new0 (char *, (gsize) (sorted->len + 1) * N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = MAX (columns[c].min_width,
                     MIN (columns[c].max_width, pathway_export_text_width (columns[c].header) + 2));
  for (guint i = 0; i < sorted->len; i++)
    {
      char **row = texts + (gsize) i * N_COLUMNS;

      row_texts (g_ptr_array_index (sorted, i), row);
      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c],
                         MIN (columns[c].max_width, pathway_export_text_width (row[c]) + 1));
    }

  for (guint c = 0; c < N_COLUMNS && status == LXW_NO_ERROR; c++)
    {
      status = worksheet_set_column (sheet, c, c, widths[c], NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, 0, c, columns[c].header, formats.header);
      header_lines = MAX (header_lines,
                          pathway_export_wrapped_lines (columns[c].header, widths[c]));
    }
  if (status == LXW_NO_ERROR && header_lines > 1)
    status = worksheet_set_row (sheet, 0, header_lines * LXW_DEF_ROW_HEIGHT, NULL);
  for (guint i = 0; i < sorted->len && status == LXW_NO_ERROR; i++)
    {
      PathwayRisk *risk = g_ptr_array_index (sorted, i);
      char **row = texts + (gsize) i * N_COLUMNS;
      guint lines = 1;

      for (guint c = 0; c < N_COLUMNS && status == LXW_NO_ERROR; c++)
        {
          status = write_cell (sheet, &formats, (lxw_row_t) (i + 1), c, risk, row[c]);
          if (columns[c].wrap)
            lines = MAX (lines, pathway_export_wrapped_lines (row[c], widths[c]));
        }
      if (status == LXW_NO_ERROR && lines > 1)
        status = worksheet_set_row (sheet, (lxw_row_t) (i + 1),
                                    MIN (MAX_ROW_HEIGHT, lines * LXW_DEF_ROW_HEIGHT), NULL);
    }
  for (guint i = 0; i < sorted->len; i++)
    free_texts (texts + (gsize) i * N_COLUMNS);
  g_free (texts);

  if (status == LXW_NO_ERROR)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      status = worksheet_autofilter (sheet, 0, 0, (lxw_row_t) MAX (sorted->len, 1),
                                     N_COLUMNS - 1);
    }
  if (status == LXW_NO_ERROR)
    {
      /* Printed for a board: A4 landscape, one page wide, the header on every page. */
      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9);
      worksheet_fit_to_pages (sheet, 1, 0);
      status = worksheet_repeat_rows (sheet, 0, 0);
    }

  /* workbook_close frees the workbook whatever happens; it is where the file is written. */
  {
    lxw_error closed;

    errno = 0;
    closed = workbook_close (formats.workbook);
    if (status == LXW_NO_ERROR)
      status = closed;
  }
  if (status != LXW_NO_ERROR)
    pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno),
                            lxw_strerror (status));
}

gboolean
pathway_export_risks_xlsx (PathwayDocument *document, const char *path, GError **error)
{
  g_autoptr(PathwaySafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pathway_safe_file_new (path, &local_error);
  if (file == NULL)
    return pass_on_write_error (error, local_error);
  dir = g_path_get_dirname (path);
  write_workbook (document, file, dir);
  if (!pathway_safe_file_commit (file, &local_error))
    return pass_on_write_error (error, local_error);
  return TRUE;
}

gboolean
pathway_export_risks (PathwayDocument *document, const char *path, GError **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return pathway_export_risks_csv (document, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return pathway_export_risks_xlsx (document, path, error);
  {
    g_autofree char *name = g_filename_display_basename (path);

    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                 _("%s: the risk log can be exported as .csv or .xlsx; give the file one of "
                   "those endings."), name);
  }
  return FALSE;
}
