/* pathway-sheet.c: PathwaySheet, a tracker file read into rows of text cells, whatever it was
 * (CSV, XLSX or ODS, told apart by their content). The readers fill it through a builder that
 * enforces the limits on rows, columns, cell length and all the text together, so no file can
 * make us hold more than a tracker needs. Besides the text a cell may have a fill, rows and
 * columns may be hidden, and merged ranges are kept as ranges: a cell they cover reads as the
 * range's first cell, found through its row's short list of ranges, so a range costs nothing
 * per cell and a row no text of its own reaches (only merged cells from above) is left out like
 * a blank one. The header row is guessed here, as the row naming the most fields. A reader that
 * had to mend a cell (bytes that were not UTF-8) says so in the sheet's warnings. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* Header rows are looked for among the first rows only: a title block is a few lines. */
#define HEADER_SEARCH_ROWS 30

/* A fill is stored with this bit set, so 0 means none and black is not lost. */
#define FILL_SET 0x1000000u

typedef struct {
  guint row_number;
  gboolean hidden;
  GPtrArray *cells; /* char *, NULL for an empty cell */
  GArray *fills;    /* guint32: FILL_SET | 0xRRGGBB, or 0; NULL when no cell has a fill */
  GArray *merges;   /* guint: indexes of the merged ranges over this row; NULL when none */
} SheetRow;

typedef struct {
  PathwaySheetRange range;
  const char *text; /* of the range's first cell, owned by its row (which is kept), or NULL */
  guint32 fill;     /* of the first cell, as in SheetRow.fills */
} Merge;

typedef struct {
  PathwaySheetWarning warning;
  char *message;
} OwnedWarning;

struct _PathwaySheet
{
  GObject parent_instance;

  PathwaySheetFormat format;
  char *display_name;
  char *sheet_name;
  char *encoding;
  char delimiter;
  GArray *rows; /* SheetRow */
  guint n_columns;
  guint header_row;
  GArray *warnings; /* OwnedWarning */
  GArray *hidden_columns; /* gboolean per column, as far as the last hidden one */
  GArray *merges; /* Merge */
};

G_DEFINE_FINAL_TYPE (PathwaySheet, pathway_sheet, G_TYPE_OBJECT)

G_DEFINE_QUARK (pathway-exchange-error-quark, pathway_exchange_error)

static void
sheet_row_clear (gpointer data)
{
  SheetRow *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->fills, g_array_unref);
  g_clear_pointer (&row->merges, g_array_unref);
}

static void
owned_warning_clear (gpointer data)
{
  OwnedWarning *warning = data;

  g_clear_pointer (&warning->message, g_free);
}

static GArray *
warnings_new (void)
{
  GArray *warnings = g_array_new (FALSE, TRUE, sizeof (OwnedWarning));

  g_array_set_clear_func (warnings, owned_warning_clear);
  return warnings;
}

static void
pathway_sheet_finalize (GObject *object)
{
  PathwaySheet *self = PATHWAY_SHEET (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sheet_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  g_clear_pointer (&self->hidden_columns, g_array_unref);
  g_clear_pointer (&self->merges, g_array_unref);

  G_OBJECT_CLASS (pathway_sheet_parent_class)->finalize (object);
}

static void
pathway_sheet_class_init (PathwaySheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_sheet_finalize;
}

static void
pathway_sheet_init (PathwaySheet *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (SheetRow));
  g_array_set_clear_func (self->rows, sheet_row_clear);
  self->warnings = warnings_new ();
  self->hidden_columns = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->merges = g_array_new (FALSE, TRUE, sizeof (Merge));
}

/* Limits ---------------------------------------------------------------------------------- */

void
pathway_sheet_set_limit_error (GError **error, const char *display_name, const char *what,
                               guint64 limit)
{
  g_autofree char *valid = g_utf8_make_valid (what, -1);

  g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_TOO_LARGE,
               _("%s is refused: %s is more than the limit of %" G_GUINT64_FORMAT ". A tracker "
                 "never needs this much; the file may be damaged or made to cause harm."),
               display_name, valid, limit);
}

/* The builder ----------------------------------------------------------------------------- */

struct _PathwaySheetBuilder
{
  char *display_name;
  GArray *rows; /* SheetRow */
  guint n_columns;
  guint64 text_size; /* bytes of all cells' text */
  GArray *warnings; /* OwnedWarning, row holding the row number until finish */
  GArray *hidden_columns; /* gboolean */
  GArray *merges; /* PathwaySheetRange */
};

PathwaySheetBuilder *
pathway_sheet_builder_new (const char *display_name)
{
  PathwaySheetBuilder *builder = g_new0 (PathwaySheetBuilder, 1);

  builder->display_name = g_strdup (display_name);
  builder->rows = g_array_new (FALSE, TRUE, sizeof (SheetRow));
  g_array_set_clear_func (builder->rows, sheet_row_clear);
  builder->warnings = warnings_new ();
  builder->hidden_columns = g_array_new (FALSE, TRUE, sizeof (gboolean));
  builder->merges = g_array_new (FALSE, FALSE, sizeof (PathwaySheetRange));
  return builder;
}

void
pathway_sheet_builder_free (PathwaySheetBuilder *builder)
{
  if (builder == NULL)
    return;
  g_clear_pointer (&builder->rows, g_array_unref);
  g_clear_pointer (&builder->warnings, g_array_unref);
  g_clear_pointer (&builder->hidden_columns, g_array_unref);
  g_clear_pointer (&builder->merges, g_array_unref);
  g_free (builder->display_name);
  g_free (builder);
}

gboolean
pathway_sheet_builder_begin_row (PathwaySheetBuilder *builder, guint row_number, GError **error)
{
  SheetRow row = { row_number, FALSE, NULL, NULL, NULL };

  if (builder->rows->len >= PATHWAY_SHEET_MAX_ROWS || row_number > PATHWAY_SHEET_MAX_ROWS)
    {
      pathway_sheet_set_limit_error (error, builder->display_name, _("the number of rows"),
                                     PATHWAY_SHEET_MAX_ROWS);
      return FALSE;
    }
  if (builder->rows->len > 0 &&
      row_number <= g_array_index (builder->rows, SheetRow, builder->rows->len - 1).row_number)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                   _("%s is damaged: row %u comes after a later row."), builder->display_name,
                   row_number);
      return FALSE;
    }
  row.cells = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (builder->rows, row);
  return TRUE;
}

static gboolean
is_blank (const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
pathway_sheet_builder_set_cell (PathwaySheetBuilder *builder, guint column, const char *text,
                                gsize length, GError **error)
{
  SheetRow *row;
  g_autofree char *value = NULL;

  g_return_val_if_fail (builder->rows->len > 0, FALSE);

  /* Empty cells cost nothing, wherever they are: Excel formats whole rows and columns. A
   * cell of nothing but spaces is empty too: it looks empty, and a row of them is blank. */
  if (length == 0 || is_blank (text, length))
    return TRUE;
  if (column >= PATHWAY_SHEET_MAX_COLUMNS)
    {
      pathway_sheet_set_limit_error (error, builder->display_name, _("the number of columns"),
                                     PATHWAY_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  if (length > PATHWAY_SHEET_MAX_CELL_LENGTH)
    {
      pathway_sheet_set_limit_error (error, builder->display_name,
                                     _("the length of one cell in bytes"),
                                     PATHWAY_SHEET_MAX_CELL_LENGTH);
      return FALSE;
    }

  /* Text from a file may hold anything: cells are shown and stored, so they must be valid
   * UTF-8 without NUL bytes (which would end the string early). */
  if (memchr (text, '\0', length) != NULL)
    {
      GString *clean = g_string_sized_new (length);

      for (gsize i = 0; i < length; i++)
        if (text[i] != '\0')
          g_string_append_c (clean, text[i]);
      value = g_utf8_make_valid (clean->str, (gssize) clean->len);
      g_string_free (clean, TRUE);
    }
  else
    value = g_utf8_make_valid (text, (gssize) length);
  if (*value == '\0')
    return TRUE;
  /* One cell's text may be copied into many (an ODS cell repeated, a shared string used
   * again and again), so the whole is limited too. */
  builder->text_size += strlen (value);
  if (builder->text_size > PATHWAY_SHEET_MAX_TEXT_SIZE)
    {
      pathway_sheet_set_limit_error (error, builder->display_name,
                                     _("the size of all the cells' text in bytes"),
                                     PATHWAY_SHEET_MAX_TEXT_SIZE);
      return FALSE;
    }

  row = &g_array_index (builder->rows, SheetRow, builder->rows->len - 1);
  if (row->cells->len <= column)
    g_ptr_array_set_size (row->cells, column + 1);
  g_free (g_ptr_array_index (row->cells, column));
  g_ptr_array_index (row->cells, column) = g_steal_pointer (&value);
  if (column + 1 > builder->n_columns)
    builder->n_columns = column + 1;
  return TRUE;
}

void
pathway_sheet_builder_set_fill (PathwaySheetBuilder *builder, guint column, guint32 rgb)
{
  SheetRow *row;

  g_return_if_fail (builder->rows->len > 0);

  if (column >= PATHWAY_SHEET_MAX_COLUMNS)
    return;
  row = &g_array_index (builder->rows, SheetRow, builder->rows->len - 1);
  if (row->fills == NULL)
    row->fills = g_array_new (FALSE, TRUE, sizeof (guint32));
  if (row->fills->len <= column)
    g_array_set_size (row->fills, column + 1);
  g_array_index (row->fills, guint32, column) = FILL_SET | (rgb & 0xFFFFFF);
}

void
pathway_sheet_builder_set_row_hidden (PathwaySheetBuilder *builder)
{
  g_return_if_fail (builder->rows->len > 0);

  g_array_index (builder->rows, SheetRow, builder->rows->len - 1).hidden = TRUE;
}

void
pathway_sheet_builder_set_columns_hidden (PathwaySheetBuilder *builder, guint first, guint last)
{
  last = MIN (last, PATHWAY_SHEET_MAX_COLUMNS - 1);
  if (first > last)
    return;
  if (builder->hidden_columns->len <= last)
    g_array_set_size (builder->hidden_columns, last + 1);
  for (guint c = first; c <= last; c++)
    g_array_index (builder->hidden_columns, gboolean, c) = TRUE;
}

gboolean
pathway_sheet_builder_add_merge (PathwaySheetBuilder *builder, const PathwaySheetRange *range,
                                 GError **error)
{
  PathwaySheetRange sorted = {
    MIN (range->first_row_number, range->last_row_number),
    MAX (range->first_row_number, range->last_row_number),
    MIN (range->first_column, range->last_column),
    MAX (range->first_column, range->last_column),
  };

  /* A range of one cell merges nothing; one starting past the last column holds nothing we
   * read. */
  if ((sorted.first_row_number == sorted.last_row_number &&
       sorted.first_column == sorted.last_column) ||
      sorted.first_column >= PATHWAY_SHEET_MAX_COLUMNS)
    return TRUE;
  if (builder->merges->len >= PATHWAY_SHEET_MAX_MERGED_RANGES)
    {
      pathway_sheet_set_limit_error (error, builder->display_name,
                                     _("the number of merged ranges"),
                                     PATHWAY_SHEET_MAX_MERGED_RANGES);
      return FALSE;
    }
  sorted.last_column = MIN (sorted.last_column, PATHWAY_SHEET_MAX_COLUMNS - 1);
  g_array_append_val (builder->merges, sorted);
  return TRUE;
}

void
pathway_sheet_builder_add_warning (PathwaySheetBuilder *builder, guint row_number, int column,
                                   const char *message)
{
  OwnedWarning warning = { { 0 }, NULL };

  g_return_if_fail (message != NULL);

  if (builder->warnings->len > 0)
    {
      const OwnedWarning *last = &g_array_index (builder->warnings, OwnedWarning,
                                                 builder->warnings->len - 1);

      if (last->warning.row_number == row_number && last->warning.column == column)
        return;
    }
  warning.message = g_utf8_make_valid (message, -1);
  warning.warning.row_number = row_number;
  warning.warning.column = column;
  warning.warning.message = warning.message;
  g_array_append_val (builder->warnings, warning);
}

/* Gives each warning the index of its row among the rows kept, and drops a warning whose row
 * was left out as blank (nothing of it is imported). Both lists are in row order. */
static void
place_warnings (GArray *warnings, GArray *rows)
{
  guint r = 0, kept = 0;

  for (guint w = 0; w < warnings->len; w++)
    {
      OwnedWarning *warning = &g_array_index (warnings, OwnedWarning, w);

      while (r < rows->len &&
             g_array_index (rows, SheetRow, r).row_number < warning->warning.row_number)
        r++;
      if (r >= rows->len || g_array_index (rows, SheetRow, r).row_number !=
                              warning->warning.row_number)
        {
          owned_warning_clear (warning);
          continue;
        }
      warning->warning.row = r;
      if (w != kept)
        g_array_index (warnings, OwnedWarning, kept) = *warning;
      kept++;
    }
  /* What was moved down must not be freed twice. */
  for (guint w = kept; w < warnings->len; w++)
    g_array_index (warnings, OwnedWarning, w).message = NULL;
  g_array_set_size (warnings, kept);
}

/* The index of the first row numbered row_number or after it (rows are in order). */
static guint
find_row (GArray *rows, guint row_number)
{
  guint low = 0, high = rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (rows, SheetRow, middle).row_number < row_number)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gboolean
in_columns (const Merge *merge, guint column)
{
  return column >= merge->range.first_column && column <= merge->range.last_column;
}

/* Gives each merged range its first cell's text and fill, and each row the ranges over it.
 * Only rows that were read are visited, so a range down a whole column costs what its rows
 * with text cost; the sum over all ranges is limited, as overlapping ranges (which Excel never
 * writes) could otherwise make it square. */
static gboolean
spread_merges (PathwaySheetBuilder *builder, GArray *merges, GError **error)
{
  guint64 spread = 0;

  for (guint i = 0; i < builder->merges->len; i++)
    {
      const PathwaySheetRange *range = &g_array_index (builder->merges, PathwaySheetRange, i);
      Merge merge = { *range, NULL, 0 };
      guint r = find_row (builder->rows, range->first_row_number);

      if (r < builder->rows->len)
        {
          const SheetRow *first = &g_array_index (builder->rows, SheetRow, r);

          if (first->row_number == range->first_row_number)
            {
              if (range->first_column < first->cells->len)
                merge.text = g_ptr_array_index (first->cells, range->first_column);
              if (first->fills != NULL && range->first_column < first->fills->len)
                merge.fill = g_array_index (first->fills, guint32, range->first_column);
            }
        }
      for (; r < builder->rows->len; r++)
        {
          SheetRow *row = &g_array_index (builder->rows, SheetRow, r);

          if (row->row_number > range->last_row_number)
            break;
          if (++spread > PATHWAY_SHEET_MAX_MERGED_ROWS)
            {
              pathway_sheet_set_limit_error (error, builder->display_name,
                                             _("the number of rows that merged cells cover"),
                                             PATHWAY_SHEET_MAX_MERGED_ROWS);
              return FALSE;
            }
          if (row->merges == NULL)
            row->merges = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (row->merges, merges->len);
        }
      g_array_append_val (merges, merge);
    }
  return TRUE;
}

/* Whether a row has text a person sees as its own: a cell outside every merged range, or the
 * first cell of one. A row that merged cells from above merely pass through is blank, and so
 * is one whose only text is hidden under a merged range. Keeping every row that holds a
 * range's first text also keeps that text (which Merge.text points to) alive. */
static gboolean
row_is_blank (const SheetRow *row, GArray *merges)
{
  for (guint c = 0; row->cells && c < row->cells->len; c++)
    {
      gboolean shown = TRUE;

      if (g_ptr_array_index (row->cells, c) == NULL)
        continue;
      for (guint m = 0; row->merges != NULL && m < row->merges->len; m++)
        {
          const Merge *merge = &g_array_index (merges, Merge,
                                               g_array_index (row->merges, guint, m));

          if (!in_columns (merge, c))
            continue;
          if (merge->range.first_row_number == row->row_number &&
              merge->range.first_column == c)
            {
              shown = TRUE;
              break;
            }
          shown = FALSE;
        }
      if (shown)
        return FALSE;
    }
  return TRUE;
}

/* The merged range a cell lies in (the first listed, should ranges overlap), or NULL. */
static const Merge *
cell_merge (PathwaySheet *self, const SheetRow *row, guint column)
{
  for (guint m = 0; row->merges != NULL && m < row->merges->len; m++)
    {
      const Merge *merge = &g_array_index (self->merges, Merge,
                                           g_array_index (row->merges, guint, m));

      if (in_columns (merge, column))
        return merge;
    }
  return NULL;
}

/* How many of the row's cells name a field: the header row names the most. A merged range
 * counts once, so a heading merged across the table is not taken for a row of headers. */
static guint
count_header_names (PathwaySheet *sheet, guint row)
{
  guint count = 0;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const char *text = pathway_sheet_get_cell (sheet, row, c);
      PathwayImportField field;

      if (pathway_sheet_cell_is_covered (sheet, row, c))
        continue;

      if (*text != '\0' && strlen (text) < 80 && pathway_import_field_from_name (text, &field) &&
          field != PATHWAY_IMPORT_FIELD_NONE)
        count++;
    }
  return count;
}

PathwaySheet *
pathway_sheet_builder_finish (PathwaySheetBuilder *builder, PathwaySheetFormat format,
                              const char *sheet_name, const char *encoding, char delimiter,
                              GError **error)
{
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(GArray) merges = g_array_new (FALSE, TRUE, sizeof (Merge));
  guint best = 0, best_count = 0;
  guint n_rows = 0;

  if (!spread_merges (builder, merges, error))
    {
      pathway_sheet_builder_free (builder);
      return NULL;
    }

  /* Rows with no text ("," alone, Excel's formatted empty rows, a final newline) say
   * nothing; the row numbers of the others still show where they were. */
  for (guint r = 0; r < builder->rows->len; r++)
    {
      SheetRow *row = &g_array_index (builder->rows, SheetRow, r);

      if (row_is_blank (row, merges))
        continue;
      if (r != n_rows)
        {
          SheetRow *to = &g_array_index (builder->rows, SheetRow, n_rows);

          sheet_row_clear (to);
          *to = *row;
          row->cells = NULL;
          row->fills = NULL;
          row->merges = NULL;
        }
      n_rows++;
    }
  g_array_set_size (builder->rows, n_rows);
  if (n_rows == 0)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_EMPTY,
                   _("%s has no cells with text: there is nothing to import."),
                   builder->display_name);
      pathway_sheet_builder_free (builder);
      return NULL;
    }

  /* A range's text reaches as far right as the range does. */
  for (guint r = 0; r < n_rows; r++)
    {
      const SheetRow *row = &g_array_index (builder->rows, SheetRow, r);

      for (guint m = 0; row->merges != NULL && m < row->merges->len; m++)
        {
          const Merge *merge = &g_array_index (merges, Merge,
                                               g_array_index (row->merges, guint, m));

          if (merge->text != NULL)
            builder->n_columns = MAX (builder->n_columns, merge->range.last_column + 1);
        }
    }

  sheet = g_object_new (PATHWAY_TYPE_SHEET, NULL);
  sheet->format = format;
  sheet->display_name = g_strdup (builder->display_name);
  sheet->sheet_name = g_strdup (sheet_name);
  sheet->encoding = g_strdup (encoding);
  sheet->delimiter = delimiter;
  sheet->n_columns = builder->n_columns;
  g_array_unref (sheet->rows);
  sheet->rows = g_steal_pointer (&builder->rows);
  g_array_unref (sheet->warnings);
  sheet->warnings = g_steal_pointer (&builder->warnings);
  g_array_unref (sheet->hidden_columns);
  sheet->hidden_columns = g_steal_pointer (&builder->hidden_columns);
  g_array_unref (sheet->merges);
  sheet->merges = g_steal_pointer (&merges);
  place_warnings (sheet->warnings, sheet->rows);
  pathway_sheet_builder_free (builder);

  for (guint r = 0; r < MIN (n_rows, HEADER_SEARCH_ROWS); r++)
    {
      guint count = count_header_names (sheet, r);

      if (count > best_count)
        {
          best = r;
          best_count = count;
        }
    }
  sheet->header_row = best_count >= 2 ? best : 0;
  return g_steal_pointer (&sheet);
}

/* Choosing a sheet --------------------------------------------------------------------------- */

int
pathway_sheet_choose (const char * const *names, const gboolean *hidden, guint n_sheets,
                      const char *wanted, const char *display_name, GError **error)
{
  if (n_sheets == 0)
    {
      pathway_sheet_set_malformed_error (error, display_name, _("it has no worksheets"));
      return -1;
    }
  if (wanted != NULL)
    {
      GString *list;

      for (guint i = 0; i < n_sheets; i++)
        if (g_strcmp0 (names[i], wanted) == 0)
          return (int) i;
      for (guint i = 0; i < n_sheets; i++)
        if (names[i] != NULL && g_utf8_validate (names[i], -1, NULL) &&
            g_utf8_validate (wanted, -1, NULL))
          {
            g_autofree char *a = g_utf8_casefold (names[i], -1);
            g_autofree char *b = g_utf8_casefold (wanted, -1);

            if (strcmp (a, b) == 0)
              return (int) i;
          }

      list = g_string_new (NULL);
      for (guint i = 0; i < n_sheets; i++)
        {
          g_autofree char *valid = g_utf8_make_valid (names[i] ? names[i] : "", -1);

          g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", valid);
        }
      {
        g_autofree char *valid_wanted = g_utf8_make_valid (wanted, -1);

        g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET,
                     _("%s has no sheet called “%s”. Its sheets are %s."), display_name,
                     valid_wanted, list->str);
      }
      g_string_free (list, TRUE);
      return -1;
    }
  /* The first sheet the user can see; the first of all when every one is hidden. */
  for (guint i = 0; i < n_sheets; i++)
    if (!hidden[i])
      return (int) i;
  return 0;
}

/* Reading --------------------------------------------------------------------------------- */

static const guchar zip_magic[] = { 'P', 'K', 3, 4 };
static const guchar ole_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

typedef enum {
  KIND_CSV,
  KIND_XLSX,
  KIND_ODS,
} Kind;

static gboolean
has_prefix (GBytes *bytes, const guchar *prefix, gsize length)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

/* Whether an OLE compound file holds a stream of this name: its directory entries hold their
 * names in UTF-16LE, so the name's bytes are somewhere in the file. */
static gboolean
has_ole_stream (GBytes *bytes, const char *name)
{
  gsize size, length = strlen (name) * 2;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree guchar *wide = g_malloc (length);

  for (gsize i = 0; name[i] != '\0'; i++)
    {
      wide[2 * i] = (guchar) name[i];
      wide[2 * i + 1] = 0;
    }
  for (gsize i = 0; i + length <= size; i++)
    if (data[i] == wide[0] && memcmp (data + i, wide, length) == 0)
      return TRUE;
  return FALSE;
}

/* An OLE compound file is an old .xls (or a .doc ...), or an .xlsx or .ods encrypted with a
 * password, which Office wraps in one. */
static void
set_ole_error (GBytes *bytes, const char *display_name, GError **error)
{
  if (has_ole_stream (bytes, "EncryptedPackage"))
    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                 _("%s is protected with a password, so it cannot be read. Open it in Excel, "
                   "remove the password and save it, then import that."), display_name);
  else
    g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                 _("%s is an old Excel .xls file, which cannot be read. Open it in Excel or "
                   "LibreOffice and save it as an Excel Workbook (.xlsx) or as an "
                   "OpenDocument Spreadsheet (.ods), then import that."), display_name);
}

/* Whether a zip is an OpenDocument spreadsheet: its mimetype part says so (it is the first
 * part, stored, but any place will do; a template reads the same). A zip with no mimetype
 * part but content.xml, and none of an OOXML package's parts, is taken for one too. */
static gboolean
is_ods (GBytes *bytes, const char *display_name)
{
  g_autoptr(PathwaySheetPackage) package = pathway_sheet_package_open (bytes, display_name, NULL);
  g_autofree char *mimetype = NULL;

  if (package == NULL)
    return FALSE;
  mimetype = pathway_sheet_package_read_text (package, "mimetype", 256);
  if (mimetype == NULL)
    return !pathway_sheet_package_has_part (package, "mimetype") &&
           pathway_sheet_package_has_part (package, "content.xml") &&
           !pathway_sheet_package_has_part (package, "[Content_Types].xml") &&
           !pathway_sheet_package_has_part (package, "_rels/.rels");
  g_strstrip (mimetype);
  return strcmp (mimetype, "application/vnd.oasis.opendocument.spreadsheet") == 0 ||
         strcmp (mimetype, "application/vnd.oasis.opendocument.spreadsheet-template") == 0;
}

/* What the content says: XLSX and ODS are zips, told apart by ODS's mimetype part; an old
 * .xls or an encrypted workbook is an OLE compound file, which we cannot read and say so;
 * anything else is read as CSV. */
static gboolean
check_kind (GBytes *bytes, const char *display_name, Kind *kind, GError **error)
{
  if (has_prefix (bytes, ole_magic, sizeof ole_magic))
    {
      set_ole_error (bytes, display_name, error);
      return FALSE;
    }
  if (!has_prefix (bytes, zip_magic, sizeof zip_magic))
    *kind = KIND_CSV;
  else if (is_ods (bytes, display_name))
    *kind = KIND_ODS;
  else
    *kind = KIND_XLSX;
  return TRUE;
}

PathwaySheet *
pathway_sheet_read_bytes (GBytes *bytes, const char *display_name, const char *sheet_name,
                          GError **error)
{
  Kind kind = KIND_CSV;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = _("The file");
  if (g_bytes_get_size (bytes) > PATHWAY_SHEET_MAX_FILE_SIZE)
    {
      pathway_sheet_set_limit_error (error, display_name, _("the file's size in bytes"),
                                     PATHWAY_SHEET_MAX_FILE_SIZE);
      return NULL;
    }
  if (!check_kind (bytes, display_name, &kind, error))
    return NULL;
  switch (kind)
    {
    case KIND_XLSX:
      return pathway_sheet_read_xlsx (bytes, display_name, sheet_name, error);
    case KIND_ODS:
      return pathway_sheet_read_ods (bytes, display_name, sheet_name, error);
    case KIND_CSV:
    default:
      return pathway_sheet_read_csv (bytes, display_name, error);
    }
}

/* Reads the whole file (it is small: a tracker) after checking its size, so a huge file is
 * refused before it is read. */
static GBytes *
read_file (const char *path, char **display_name, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  *display_name = g_filename_display_basename (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ,
                   _("%s cannot be read: %s"), *display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ,
                   _("%s is a folder, not a tracker file."), *display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > PATHWAY_SHEET_MAX_FILE_SIZE)
    {
      pathway_sheet_set_limit_error (error, *display_name, _("the file's size in bytes"),
                                     PATHWAY_SHEET_MAX_FILE_SIZE);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ,
                   _("%s cannot be read: %s"), *display_name, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

PathwaySheet *
pathway_sheet_read (const char *path, const char *sheet_name, GError **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = read_file (path, &display_name, error);
  if (bytes == NULL)
    return NULL;
  return pathway_sheet_read_bytes (bytes, display_name, sheet_name, error);
}

char **
pathway_sheet_list_sheet_names (const char *path, GError **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Kind kind = KIND_CSV;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = read_file (path, &display_name, error);
  if (bytes == NULL || !check_kind (bytes, display_name, &kind, error))
    return NULL;
  if (kind == KIND_XLSX)
    return pathway_sheet_list_xlsx_sheets (bytes, display_name, error);
  if (kind == KIND_ODS)
    return pathway_sheet_list_ods_sheets (bytes, display_name, error);
  {
    char **names = g_new0 (char *, 2);

    names[0] = g_steal_pointer (&display_name);
    return names;
  }
}

/* Reading what was read -------------------------------------------------------------------- */

PathwaySheetFormat
pathway_sheet_get_format (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), PATHWAY_SHEET_FORMAT_CSV);
  return self->format;
}

const char *
pathway_sheet_get_display_name (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), NULL);
  return self->display_name;
}

const char *
pathway_sheet_get_sheet_name (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), NULL);
  return self->sheet_name;
}

const char *
pathway_sheet_get_encoding (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), NULL);
  return self->encoding;
}

char
pathway_sheet_get_delimiter (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);
  return self->delimiter;
}

guint
pathway_sheet_get_n_rows (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);
  return self->rows->len;
}

guint
pathway_sheet_get_n_columns (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);
  return self->n_columns;
}

const char *
pathway_sheet_get_cell (PathwaySheet *self, guint row, guint column)
{
  const SheetRow *r;
  const Merge *merge;
  const char *text;

  g_return_val_if_fail (PATHWAY_IS_SHEET (self), "");

  if (row >= self->rows->len)
    return "";
  r = &g_array_index (self->rows, SheetRow, row);
  merge = cell_merge (self, r, column);
  if (merge != NULL)
    return merge->text ? merge->text : "";
  if (column >= r->cells->len)
    return "";
  text = g_ptr_array_index (r->cells, column);
  return text ? text : "";
}

gboolean
pathway_sheet_get_cell_fill (PathwaySheet *self, guint row, guint column, guint32 *rgb)
{
  const SheetRow *r;
  const Merge *merge;
  guint32 fill = 0;

  g_return_val_if_fail (PATHWAY_IS_SHEET (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;
  r = &g_array_index (self->rows, SheetRow, row);
  merge = cell_merge (self, r, column);
  if (merge != NULL)
    fill = merge->fill;
  else if (r->fills != NULL && column < r->fills->len)
    fill = g_array_index (r->fills, guint32, column);
  if ((fill & FILL_SET) == 0)
    return FALSE;
  if (rgb != NULL)
    *rgb = fill & 0xFFFFFF;
  return TRUE;
}

gboolean
pathway_sheet_column_is_hidden (PathwaySheet *self, guint column)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), FALSE);

  return column < self->hidden_columns->len &&
         g_array_index (self->hidden_columns, gboolean, column);
}

gboolean
pathway_sheet_row_is_hidden (PathwaySheet *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), FALSE);

  return row < self->rows->len && g_array_index (self->rows, SheetRow, row).hidden;
}

gboolean
pathway_sheet_get_merged_range (PathwaySheet *self, guint row, guint column,
                                PathwaySheetRange *range)
{
  const Merge *merge;

  g_return_val_if_fail (PATHWAY_IS_SHEET (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;
  merge = cell_merge (self, &g_array_index (self->rows, SheetRow, row), column);
  if (merge == NULL)
    return FALSE;
  if (range != NULL)
    *range = merge->range;
  return TRUE;
}

gboolean
pathway_sheet_cell_is_covered (PathwaySheet *self, guint row, guint column)
{
  const SheetRow *r;
  const Merge *merge;

  g_return_val_if_fail (PATHWAY_IS_SHEET (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;
  r = &g_array_index (self->rows, SheetRow, row);
  merge = cell_merge (self, r, column);
  return merge != NULL &&
         (merge->range.first_row_number != r->row_number || merge->range.first_column != column);
}

guint
pathway_sheet_get_row_number (PathwaySheet *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);

  if (row >= self->rows->len)
    return 0;
  return g_array_index (self->rows, SheetRow, row).row_number;
}

guint
pathway_sheet_get_header_row (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);
  return self->header_row;
}

void
pathway_sheet_set_header_row (PathwaySheet *self, guint row)
{
  g_return_if_fail (PATHWAY_IS_SHEET (self));
  g_return_if_fail (row < MAX (self->rows->len, 1));
  self->header_row = row;
}

const char *
pathway_sheet_get_header (PathwaySheet *self, guint column)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), "");
  return pathway_sheet_get_cell (self, self->header_row, column);
}

guint
pathway_sheet_get_n_warnings (PathwaySheet *self)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), 0);
  return self->warnings->len;
}

const PathwaySheetWarning *
pathway_sheet_get_warning (PathwaySheet *self, guint index)
{
  g_return_val_if_fail (PATHWAY_IS_SHEET (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);
  return &g_array_index (self->warnings, OwnedWarning, index).warning;
}

char *
pathway_column_letter (guint column)
{
  char buffer[16];
  int i = (int) sizeof buffer - 1;
  guint n = column + 1;

  buffer[i] = '\0';
  while (n > 0 && i > 0)
    {
      buffer[--i] = (char) ('A' + (n - 1) % 26);
      n = (n - 1) / 26;
    }
  return g_strdup (buffer + i);
}
