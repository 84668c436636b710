/* pathway-import-readings.c: indicator readings from a spreadsheet, as an area collects them
 * (one row per indicator and month: indicator, date, value, perhaps a note), added to the
 * programme in one go.
 *
 * Columns are found by their headers, not their places, so a file laid out in any order
 * reads the same. Every row is checked before anything is written, and every problem is
 * listed with the row and column a person sees in the spreadsheet, so one pass over the file
 * puts all of them right; a file with any problem writes nothing. A good file is written as
 * one batch of pathway_document_add_fields calls, the same path as adding one reading by
 * hand, so the readings are in the change log and the first failure rolls back the rest. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* The headers are looked for among the first rows, below a title or a note if there is one. */
#define HEADER_SEARCH_ROWS 10

typedef enum {
  COLUMN_INDICATOR,
  COLUMN_DATE,
  COLUMN_VALUE,
  COLUMN_NOTE,
  N_COLUMNS,
} ReadingColumn;

/* The headers, folded as pathway_import_fold_header folds a cell, and the reading's fields
 * they fill (the names pathway_document_add_fields takes). */
/* A day as English spreadsheets show it, day first: "31/10/2026" (what a date cell of an
 * .xlsx file reads as). */
static gboolean
parse_day_first (const char *text, GDate *date)
{
  g_auto (GStrv) parts = g_strsplit (text, "/", -1);
  guint64 day, month, year;

  if (g_strv_length (parts) != 3 || strlen (parts[2]) != 4 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1000, 9999, &year, NULL) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
pathway_import_parse_day (const char *text, GDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (text != NULL && (pathway_date_parse_iso (text, date) || parse_day_first (text, date)))
    return TRUE;
  g_date_clear (date, 1);
  return FALSE;
}

static const char *const column_names[N_COLUMNS] = { "indicator", "date", "value", "note" };
#define N_REQUIRED COLUMN_NOTE

typedef struct {
  PathwaySheet *sheet;
  PathwayDocument *document;
  GPtrArray *problems;
  int columns[N_COLUMNS]; /* -1: not in the file */
} ReadingsCheck;

/* A row that passed every check: what pathway_document_add_fields is given for it. */
typedef struct {
  guint row;
  PathwayIndicator *indicator;
  char *date;
  char *value;
  char *note;
} GoodRow;

static void
good_row_free (GoodRow *good)
{
  g_clear_object (&good->indicator);
  g_free (good->date);
  g_free (good->value);
  g_free (good->note);
  g_free (good);
}

static void G_GNUC_PRINTF (4, 5)
add_cell_problem (ReadingsCheck *check, guint row, ReadingColumn column, const char *format,
                  ...)
{
  g_autofree char *letter = pathway_column_letter ((guint) check->columns[column]);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* "readings.csv: row 4, column B (date): “31/04/2026” is not a date written YYYY-MM-DD." */
  g_ptr_array_add (check->problems,
                   g_strdup_printf (_("%s: row %u, column %s (%s): %s"),
                                    pathway_sheet_get_display_name (check->sheet),
                                    pathway_sheet_get_row_number (check->sheet, row), letter,
                                    column_names[column], message));
}

static ReadingColumn
column_of_header (const char *header)
{
  g_autofree char *folded = pathway_import_fold_header (header);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (folded, column_names[c]))
      return c;
  return N_COLUMNS;
}

/* The header row: the first of the first rows with a cell headed indicator, date or value;
 * else the first row, where the headers are then missing. */
static guint
find_header_row (PathwaySheet *sheet)
{
  guint n_rows = MIN (pathway_sheet_get_n_rows (sheet), HEADER_SEARCH_ROWS);

  for (guint row = 0; row < n_rows; row++)
    for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
      if (column_of_header (pathway_sheet_get_cell (sheet, row, c)) < N_REQUIRED)
        return row;
  return 0;
}

/* Finds each column by its header; a required header that is missing, or a header given
 * twice, is a problem. Returns FALSE when the rows cannot be read for that. */
static gboolean
find_columns (ReadingsCheck *check, guint header_row)
{
  const char *name = pathway_sheet_get_display_name (check->sheet);
  gboolean usable = TRUE;

  for (guint c = 0; c < N_COLUMNS; c++)
    check->columns[c] = -1;
  for (guint c = 0; c < pathway_sheet_get_n_columns (check->sheet); c++)
    {
      ReadingColumn column = column_of_header (pathway_sheet_get_cell (check->sheet,
                                                                       header_row, c));

      if (column == N_COLUMNS)
        continue;
      if (check->columns[column] >= 0)
        {
          g_autofree char *first = pathway_column_letter ((guint) check->columns[column]);
          g_autofree char *second = pathway_column_letter (c);

          g_ptr_array_add (check->problems,
                           g_strdup_printf (_("%s: row %u: columns %s and %s are both headed "
                                              "“%s”; keep one of them."),
                                            name,
                                            pathway_sheet_get_row_number (check->sheet,
                                                                          header_row),
                                            first, second, column_names[column]));
          usable = FALSE;
          continue;
        }
      check->columns[column] = (int) c;
    }

  for (guint c = 0; c < N_REQUIRED; c++)
    if (check->columns[c] < 0)
      {
        g_ptr_array_add (check->problems,
                         g_strdup_printf (_("%s: no column is headed “%s”; a readings file "
                                            "needs columns headed indicator, date and value "
                                            "(and may have one headed note)."),
                                          name, column_names[c]));
        usable = FALSE;
      }
  return usable;
}

/* Why no single indicator has that name: none has, or several have. */
static char *
dup_unknown_indicator_message (ReadingsCheck *check, const char *text)
{
  const PathwayKind *kind = pathway_kind_lookup ("indicator");
  g_autoptr(GListModel) indicators = pathway_document_list_records (check->document, kind,
                                                                    FALSE, NULL);
  g_autofree char *wanted = g_utf8_casefold (text, -1);
  guint n_named = 0;

  for (guint i = 0; indicators != NULL && i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GObject) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *name = pathway_document_dup_record_name (check->document, indicator);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, wanted))
        n_named++;
    }
  if (n_named > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” names %u indicator; give its id instead.",
                                         "“%s” names %u indicators; give the id of the one "
                                         "meant instead.", n_named),
                            text, n_named);
  return g_strdup_printf (_("“%s” is not an indicator of this programme."), text);
}

/* The days that already have a reading of an indicator, as Julian days. */
static GHashTable *
dup_reading_days (ReadingsCheck *check, PathwayIndicator *indicator)
{
  g_autoptr(GListModel) readings = pathway_document_list_readings (check->document, indicator,
                                                                   NULL);
  GHashTable *days = g_hash_table_new (NULL, NULL);

  for (guint i = 0; readings != NULL && i < g_list_model_get_n_items (readings); i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, i);
      const GDate *date = pathway_reading_get_date (reading);

      if (date != NULL && g_date_valid (date))
        g_hash_table_add (days, GUINT_TO_POINTER (g_date_get_julian (date)));
    }
  return days;
}

static const char *
cell (ReadingsCheck *check, guint row, ReadingColumn column)
{
  if (check->columns[column] < 0)
    return "";
  return pathway_sheet_get_cell (check->sheet, row, (guint) check->columns[column]);
}

/* Checks every row; the good ones go into 'rows' (GoodRow). Returns FALSE when a problem was
 * found. */
static gboolean
check_rows (PathwaySheet *sheet, PathwayDocument *document, GPtrArray *problems,
            GPtrArray *rows)
{
  ReadingsCheck check = { sheet, document, problems };
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_object_unref);
  /* indicator text -> why it names no indicator */
  g_autoptr(GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  /* indicator -> the days it has a reading on, in the programme or in a row above */
  g_autoptr(GHashTable) days = g_hash_table_new_full (NULL, NULL, NULL,
                                                      (GDestroyNotify) g_hash_table_unref);
  guint n_problems = problems->len;
  guint header_row;

  header_row = find_header_row (sheet);
  if (!find_columns (&check, header_row))
    return FALSE;

  for (guint row = header_row + 1; row < pathway_sheet_get_n_rows (sheet); row++)
    {
      g_autofree char *indicator_text = g_strstrip (g_strdup (cell (&check, row,
                                                                     COLUMN_INDICATOR)));
      g_autofree char *date_text = g_strstrip (g_strdup (cell (&check, row, COLUMN_DATE)));
      g_autofree char *value_text = g_strstrip (g_strdup (cell (&check, row, COLUMN_VALUE)));
      PathwayIndicator *indicator = NULL;
      gboolean row_good = TRUE;
      GDate date;
      char *end = NULL;
      double value;

      g_date_clear (&date, 1);

      /* The indicator, found once for each different name. */
      if (*indicator_text == '\0')
        {
          add_cell_problem (&check, row, COLUMN_INDICATOR,
                            _("empty; every reading needs the indicator it measures."));
          row_good = FALSE;
        }
      else if (g_hash_table_contains (unknown, indicator_text))
        {
          add_cell_problem (&check, row, COLUMN_INDICATOR, "%s",
                            (const char *) g_hash_table_lookup (unknown, indicator_text));
          row_good = FALSE;
        }
      else if ((indicator = g_hash_table_lookup (indicators, indicator_text)) == NULL)
        {
          indicator = pathway_document_find_record (document, pathway_kind_lookup ("indicator"),
                                                    indicator_text, NULL);
          if (indicator != NULL)
            g_hash_table_insert (indicators, g_strdup (indicator_text), indicator);
          else
            {
              char *message = dup_unknown_indicator_message (&check, indicator_text);

              g_hash_table_insert (unknown, g_strdup (indicator_text), message);
              add_cell_problem (&check, row, COLUMN_INDICATOR, "%s", message);
              row_good = FALSE;
            }
        }

      /* The day, as the file and the store write days. */
      if (*date_text == '\0')
        {
          add_cell_problem (&check, row, COLUMN_DATE,
                            _("empty; every reading needs the day it was taken, written "
                              "YYYY-MM-DD."));
          row_good = FALSE;
        }
      else if (!pathway_import_parse_day (date_text, &date))
        {
          add_cell_problem (&check, row, COLUMN_DATE,
                            _("“%s” is not a date written YYYY-MM-DD or DD/MM/YYYY."),
                            date_text);
          row_good = FALSE;
        }

      /* The value: a plain number, with a point for decimals. */
      value = g_ascii_strtod (value_text, &end);
      if (*value_text == '\0')
        {
          add_cell_problem (&check, row, COLUMN_VALUE, _("empty; every reading needs a value."));
          row_good = FALSE;
        }
      else if (end == value_text || *end != '\0' || !isfinite (value))
        {
          add_cell_problem (&check, row, COLUMN_VALUE,
                            _("“%s” is not a number (write it with a point for decimals and "
                              "nothing else, 12.5 not 12,5 or 12.5%%)."), value_text);
          row_good = FALSE;
        }

      /* One reading a day for each indicator: a second would be a file read in twice. */
      if (row_good)
        {
          GHashTable *taken = g_hash_table_lookup (days, indicator);
          gpointer day = GUINT_TO_POINTER (g_date_get_julian (&date));

          if (taken == NULL)
            {
              taken = dup_reading_days (&check, indicator);
              g_hash_table_insert (days, indicator, taken);
            }
          if (g_hash_table_contains (taken, day))
            {
              g_autofree char *name = pathway_document_dup_record_name (document, indicator);
              g_autofree char *day_text = pathway_date_format_iso (&date);

              add_cell_problem (&check, row, COLUMN_DATE,
                                _("“%s” already has a reading on %s."), name, day_text);
              row_good = FALSE;
            }
          else
            g_hash_table_add (taken, day);
        }

      if (row_good)
        {
          GoodRow *good = g_new0 (GoodRow, 1);

          good->row = row;
          good->indicator = g_object_ref (indicator);
          good->date = pathway_date_format_iso (&date);
          good->value = g_strdup (value_text);
          good->note = g_strdup (cell (&check, row, COLUMN_NOTE));
          g_ptr_array_add (rows, good);
        }
    }

  return problems->len == n_problems;
}

gboolean
pathway_import_readings (PathwaySheet *sheet, PathwayDocument *document, GPtrArray *problems,
                         guint *n_added, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) good_row_free);
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autofree char *label = NULL;
  const PathwayKind *kind = pathway_kind_lookup ("reading");
  const char *fields[] = { "indicator", "date", "value", "note", NULL };

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func (g_free);

  if (!check_rows (sheet, document, problems, rows))
    {
      guint n = problems->len;

      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u problem; no reading was added.",
                                "%s has %u problems; no reading was added.", n),
                   pathway_sheet_get_display_name (sheet), n);
      return FALSE;
    }

  label = g_strdup_printf (_("Readings from %s"), pathway_sheet_get_display_name (sheet));
  if (!pathway_document_begin_batch (document, label, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      GoodRow *good = g_ptr_array_index (rows, i);
      /* By its id: the name was found once already, and ids are never ambiguous. */
      const char *values[] = { pathway_record_get_uuid (good->indicator), good->date,
                               good->value, good->note, NULL };

      if (!pathway_document_add_fields (document, kind, fields, values, NULL, error))
        {
          pathway_document_rollback_batch (document);
          g_prefix_error (error, _("%s: row %u: "), pathway_sheet_get_display_name (sheet),
                          pathway_sheet_get_row_number (sheet, good->row));
          return FALSE;
        }
    }
  /* A commit that fails rolls the batch back itself. */
  if (!pathway_document_commit_batch (document, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = rows->len;
  return TRUE;
}
