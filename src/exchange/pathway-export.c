/* pathway-export.c: the tracker out to CSV and XLSX, for boards that still want a
 * spreadsheet. One row per action (deleted ones left out), by workstream and natural
 * reference order, under headers that import reads back to the same fields, so exporting and
 * importing into an empty programme gives the same actions.
 *
 * No cell runs as a formula. In CSV, text beginning with = + - @, tab, CR or LF gets a
 * leading apostrophe (Excel's own mark for "this is text"; import takes it off again). In
 * XLSX every text is written as a string cell, which no spreadsheet evaluates, so it needs no
 * mark. Timescales that are a day or a month are written as real dates, in a number format
 * that shows them exactly as they were written ("Dec 18" as mmm yy); others as their text.
 *
 * Both are written through a PathwaySafeFile: a temporary file beside the target, every write
 * checked, synced and renamed over it, so a crash or a full disk leaves the old file or the
 * whole new one, and a failure says why in words. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/statvfs.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "pathway-exchange-private.h"
#include "pathway-reference.h"
#include "pathway-safe-file.h"

/* Excel holds at most this many characters in a cell, and rows this many points high. */
#define XLSX_MAX_CELL_CHARS 32767
#define MAX_ROW_HEIGHT 409.0

typedef enum {
  COLUMN_REFERENCE,
  COLUMN_DESCRIPTION,
  COLUMN_AREA,
  COLUMN_WORKSTREAM,
  COLUMN_THEME,
  COLUMN_LEAD,
  COLUMN_ORIGINAL,
  COLUMN_REVISED,
  COLUMN_STATUS,
  COLUMN_RATING,
  COLUMN_SUCCESS,
  COLUMN_COMMENTARY,
  COLUMN_LAST_UPDATED,
  N_COLUMNS
} Column;

/* Headers stay English whatever the language: they are what import matches, and what other
 * areas' trackers say. Widths are in Excel's characters. */
static const struct {
  const char *header;
  double min_width;
  double max_width;
  gboolean wrap;
} columns[N_COLUMNS] = {
  [COLUMN_REFERENCE] = { "Ref", 6, 14, FALSE },
  [COLUMN_DESCRIPTION] = { "Action", 30, 60, TRUE },
  [COLUMN_AREA] = { "Area of weakness", 16, 36, TRUE },
  [COLUMN_WORKSTREAM] = { "Workstream", 12, 30, TRUE },
  [COLUMN_THEME] = { "Theme", 10, 26, TRUE },
  [COLUMN_LEAD] = { "Lead", 10, 24, TRUE },
  [COLUMN_ORIGINAL] = { "Original timescale", 11, 20, FALSE },
  [COLUMN_REVISED] = { "Revised timescale", 11, 20, FALSE },
  [COLUMN_STATUS] = { "Status", 10, 14, FALSE },
  [COLUMN_RATING] = { "RAG", 7, 9, FALSE },
  [COLUMN_SUCCESS] = { "Success measure", 20, 50, TRUE },
  [COLUMN_COMMENTARY] = { "Commentary", 30, 70, TRUE },
  [COLUMN_LAST_UPDATED] = { "Last updated", 11, 12, FALSE },
};

static const char *const rating_words[PATHWAY_N_RATINGS] = { "", "Red", "Amber", "Green",
                                                             "Blue" };

gboolean
pathway_export_text_is_risky (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r\n", text[0]) != NULL;
}

/* The actions, in order ---------------------------------------------------------------------- */

/* The actions not deleted, by workstream and then reference, in natural order. */
static GPtrArray *
sorted_actions (PathwayProgramme *programme)
{
  GListModel *list = pathway_programme_get_actions (programme);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      PathwayAction *action = g_list_model_get_item (list, i);

      if (pathway_action_get_deleted (action))
        g_object_unref (action);
      else
        g_ptr_array_add (sorted, action);
    }
  pathway_actions_sort_by_workstream (sorted);
  return sorted;
}

static char *
joined (const char *code, const char *title)
{
  if (code == NULL || *code == '\0')
    return g_strdup (title ? title : "");
  if (title == NULL || *title == '\0' || strcmp (code, title) == 0)
    return g_strdup (code);
  return g_strdup_printf ("%s – %s", code, title);
}

/* The text of each cell of an action's row. */
static void
row_texts (PathwayAction *action, char *texts[N_COLUMNS])
{
  PathwayAreaOfWeakness *area = pathway_action_get_area (action);
  PathwayWorkstream *workstream = pathway_action_get_workstream (action);
  PathwayPerson *lead = pathway_action_get_lead (action);
  const PathwayTimescale *original = pathway_action_get_original_timescale (action);
  const PathwayTimescale *revised = pathway_action_get_revised_timescale (action);
  GDateTime *updated = pathway_action_get_last_updated (action);

  texts[COLUMN_REFERENCE] = g_strdup (pathway_action_get_reference (action));
  texts[COLUMN_DESCRIPTION] = g_strdup (pathway_action_get_description (action));
  texts[COLUMN_AREA] = area ? joined (pathway_area_of_weakness_get_reference (area),
                                      pathway_area_of_weakness_get_title (area))
                            : g_strdup ("");
  texts[COLUMN_WORKSTREAM] = workstream ? joined (pathway_workstream_get_code (workstream),
                                                  pathway_workstream_get_title (workstream))
                                        : g_strdup ("");
  texts[COLUMN_THEME] = g_strdup (pathway_action_get_theme (action));
  texts[COLUMN_LEAD] = g_strdup (lead ? pathway_person_get_name (lead) : "");
  texts[COLUMN_ORIGINAL] = g_strdup (original ? original->text : "");
  texts[COLUMN_REVISED] = g_strdup (revised ? revised->text : "");
  texts[COLUMN_STATUS] = g_strdup (pathway_status_label (pathway_action_get_status (action)));
  texts[COLUMN_RATING] = g_strdup (rating_words[pathway_action_get_rating (action)]);
  texts[COLUMN_SUCCESS] = g_strdup (pathway_action_get_success_measure (action));
  texts[COLUMN_COMMENTARY] = g_strdup (pathway_action_get_commentary (action));
  if (updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);

      texts[COLUMN_LAST_UPDATED] = g_date_time_format (local, "%d/%m/%Y");
    }
  else
    texts[COLUMN_LAST_UPDATED] = g_strdup ("");
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

/* The safe file's message names the file and says why (a full disk in words); exports report
 * it in their own domain. */
static gboolean
pass_on_write_error (GError **error, const GError *local_error)
{
  g_set_error_literal (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}

/* CSV ------------------------------------------------------------------------------------------ */

void
pathway_export_append_csv_field (GString *out, const char *text)
{
  gboolean risky = pathway_export_text_is_risky (text) ||
                   (text[0] == '\'' && pathway_export_text_is_risky (text + 1));
  gboolean quote = risky || strpbrk (text, ",\"\r\n;\t") != NULL ||
                   (text[0] != '\0' && (text[0] == ' ' || text[strlen (text) - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (risky)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

gboolean
pathway_export_csv (PathwayDocument *document, const char *path, GError **error)
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

  sorted = sorted_actions (pathway_document_get_programme (document));
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

/* Number formats that show a date the way areas write it. */
static const char *const day_formats[] = {
  "dd/mm/yyyy", "d/m/yyyy", "dd/mm/yy", "d mmmm yyyy", "d mmm yyyy", "dd mmmm yyyy",
  "dd mmm yyyy", "d-mmm-yy", "d-mmm-yyyy", "dd-mmm-yy", "d mmm yy", "yyyy-mm-dd",
  "dddd d mmmm yyyy", "mmmm d, yyyy", NULL
};
static const char *const month_formats[] = {
  "mmm yy", "mmm-yy", "mmmm yyyy", "mmm yyyy", "mmmm yy", "mmm-yyyy", "mmmm-yy", "mm/yyyy",
  "m/yyyy", "yyyy-mm", NULL
};

/* A format that shows the timescale's date exactly as its text, or NULL (then the text is
 * written as it is). */
static const char *
timescale_format (const PathwayTimescale *timescale, double *serial)
{
  const char *const *formats;

  if (timescale == NULL || !pathway_timescale_has_date (timescale))
    return NULL;
  if (timescale->precision == PATHWAY_PRECISION_DAY)
    formats = day_formats;
  else if (timescale->precision == PATHWAY_PRECISION_MONTH)
    formats = month_formats;
  else
    return NULL;

  *serial = pathway_number_format_serial (&timescale->date);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *shown = pathway_number_format_date (*serial, 0, formats[i]);

      if (shown != NULL && strcmp (shown, timescale->text) == 0)
        return formats[i];
    }
  return NULL;
}

/* Rating fills carry the word too, so the sheet reads in black and white. */
static const struct {
  lxw_color_t fill;
  lxw_color_t font;
} rating_colours[PATHWAY_N_RATINGS] = {
  { 0, 0 },
  { 0xC00000, 0xFFFFFF },
  { 0xFFC000, LXW_COLOR_BLACK },
  { 0x00B050, LXW_COLOR_BLACK },
  { 0x0070C0, 0xFFFFFF },
};

typedef struct {
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrapped;
  lxw_format *ratings[PATHWAY_N_RATINGS];
  GHashTable *date_formats; /* code -> lxw_format */
} Formats;

static lxw_format *
date_format (Formats *formats, const char *code)
{
  lxw_format *format = g_hash_table_lookup (formats->date_formats, code);

  if (format == NULL)
    {
      format = workbook_add_format (formats->workbook);
      format_set_num_format (format, code);
      format_set_align (format, LXW_ALIGN_LEFT);
      format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
      g_hash_table_insert (formats->date_formats, (gpointer) code, format);
    }
  return format;
}

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

  for (guint r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
    {
      formats->ratings[r] = workbook_add_format (formats->workbook);
      format_set_bg_color (formats->ratings[r], rating_colours[r].fill);
      format_set_font_color (formats->ratings[r], rating_colours[r].font);
      format_set_bold (formats->ratings[r]);
      format_set_align (formats->ratings[r], LXW_ALIGN_CENTER);
      format_set_align (formats->ratings[r], LXW_ALIGN_VERTICAL_TOP);
    }
  formats->date_formats = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Excel holds 32,767 characters in a cell; longer text (the CSV keeps it whole) ends with an
 * ellipsis so the cut shows. */
char *
pathway_export_fit_cell (const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= XLSX_MAX_CELL_CHARS)
    return g_strdup (text);
  {
    const char *end = g_utf8_offset_to_pointer (text, XLSX_MAX_CELL_CHARS - 1);
    g_autofree char *head = g_strndup (text, end - text);

    return g_strconcat (head, "…", NULL);
  }
}

/* The widest line of a cell, in characters, for the column width. */
double
pathway_export_text_width (const char *text)
{
  glong widest = 0, current = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          widest = MAX (widest, current);
          current = 0;
        }
      else
        current++;
    }
  return (double) MAX (widest, current);
}

/* How many lines a wrapped cell takes in a column 'width' characters wide: each paragraph's
 * characters over the width (a width counts the widest digits, so most text is narrower,
 * which makes up for lines that wrap early at a space). */
guint
pathway_export_wrapped_lines (const char *text, double width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double per_line = MAX (1.0, width - 1.0);
  guint lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      double chars = (double) g_utf8_strlen (paragraphs[i], -1);

      lines += MAX (1, (guint) ((chars + per_line - 1) / per_line));
    }
  return MAX (lines, 1);
}

static lxw_error
write_cell (lxw_worksheet *sheet, Formats *formats, lxw_row_t row, Column column,
            PathwayAction *action, const char *text)
{
  g_autofree char *fitted = NULL;
  const char *code;
  double serial = 0;

  if (column == COLUMN_ORIGINAL || column == COLUMN_REVISED)
    {
      const PathwayTimescale *timescale =
        column == COLUMN_ORIGINAL ? pathway_action_get_original_timescale (action)
                                  : pathway_action_get_revised_timescale (action);

      code = timescale_format (timescale, &serial);
      if (code != NULL)
        return worksheet_write_number (sheet, row, column, serial,
                                       date_format (formats, code));
    }
  if (column == COLUMN_LAST_UPDATED && pathway_action_get_last_updated (action) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (pathway_action_get_last_updated (action));
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
      return worksheet_write_number (sheet, row, column, pathway_number_format_serial (&date),
                                     date_format (formats, "dd/mm/yyyy"));
    }
  if (*text == '\0')
    return LXW_NO_ERROR;
  if (column == COLUMN_RATING)
    return worksheet_write_string (sheet, row, column, text,
                                   formats->ratings[pathway_action_get_rating (action)]);
  fitted = pathway_export_fit_cell (text);
  return worksheet_write_string (sheet, row, column, fitted,
                                 columns[column].wrap ? formats->wrapped : formats->text);
}

/* libxlsxwriter reports a failed write as one of its codes ("Error in zip file operation")
 * and may lose errno on the way out; a folder with no space left is what a failure there
 * nearly always means, so it is asked. */
int
pathway_export_folder_errno (const char *dir, int saved_errno)
{
  struct statvfs st;

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    return saved_errno;
  if (statvfs (dir, &st) == 0 && st.f_bavail == 0)
    return ENOSPC;
  return saved_errno;
}

/* Writes the workbook into the safe file's temporary, by name, and records any failure in it. */
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

  errno = 0;
  formats.workbook = workbook_new_opt (pathway_safe_file_get_temp_path (file), &options);
  if (formats.workbook == NULL)
    {
      pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno ? errno : EIO), NULL);
      return;
    }
  make_formats (&formats);
  properties.title = (char *) pathway_programme_get_name (programme);
  properties.comments = (char *) "Action tracker exported from Pathway";
  workbook_set_properties (formats.workbook, &properties);
  sheet = workbook_add_worksheet (formats.workbook, "Actions");

  /* Widths first, from every row, then the rows with heights that fit their wrapped text:
   * neither Excel nor LibreOffice fits a row's height to its text when it opens a file. */
  sorted = sorted_actions (programme);
  texts = g_new0 (char *, (gsize) (sorted->len + 1) * N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = MAX (columns[c].min_width, pathway_export_text_width (columns[c].header) + 2);
  for (guint i = 0; i < sorted->len; i++)
    {
      char **row = texts + (gsize) i * N_COLUMNS;

      row_texts (g_ptr_array_index (sorted, i), row);
      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], MIN (columns[c].max_width, pathway_export_text_width (row[c]) + 1));
    }

  for (guint c = 0; c < N_COLUMNS && status == LXW_NO_ERROR; c++)
    {
      status = worksheet_set_column (sheet, c, c, widths[c], NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, 0, c, columns[c].header, formats.header);
    }
  for (guint i = 0; i < sorted->len && status == LXW_NO_ERROR; i++)
    {
      PathwayAction *action = g_ptr_array_index (sorted, i);
      char **row = texts + (gsize) i * N_COLUMNS;
      guint lines = 1;

      for (guint c = 0; c < N_COLUMNS && status == LXW_NO_ERROR; c++)
        {
          status = write_cell (sheet, &formats, (lxw_row_t) (i + 1), c, action, row[c]);
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
      guint header_lines = 1;

      for (guint c = 0; c < N_COLUMNS; c++)
        header_lines = MAX (header_lines, pathway_export_wrapped_lines (columns[c].header, widths[c]));
      if (header_lines > 1)
        status = worksheet_set_row (sheet, 0, header_lines * LXW_DEF_ROW_HEIGHT, NULL);
    }
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
    g_hash_table_unref (formats.date_formats);
    if (status == LXW_NO_ERROR)
      status = closed;
  }
  if (status != LXW_NO_ERROR)
    pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno), lxw_strerror (status));
}

gboolean
pathway_export_xlsx (PathwayDocument *document, const char *path, GError **error)
{
  g_autoptr(PathwaySafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pathway_safe_file_new (path, &local_error);
  if (file == NULL)
    return pass_on_write_error (error, local_error);
  /* libxlsxwriter's own scratch files go beside the target too, where there is room for it. */
  dir = g_path_get_dirname (path);
  write_workbook (document, file, dir);
  if (!pathway_safe_file_commit (file, &local_error))
    return pass_on_write_error (error, local_error);
  return TRUE;
}

gboolean
pathway_export (PathwayDocument *document, const char *path, GError **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return pathway_export_csv (document, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return pathway_export_xlsx (document, path, error);
  {
    g_autofree char *name = g_filename_display_basename (path);

    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                 _("%s: the tracker can be exported as .csv or .xlsx; give the file one of "
                   "those endings."), name);
  }
  return FALSE;
}
