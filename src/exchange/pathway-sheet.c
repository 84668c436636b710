/* pathway-sheet.c: PathwaySheet, a tracker file read into rows of text cells, whatever it was
 * (CSV or XLSX, told apart by its first bytes). The readers fill it through a builder that
 * enforces the limits on rows, columns and cell length, so no file can make us hold more than
 * a tracker needs. The header row is guessed here, as the row naming the most fields. A reader
 * that had to mend a cell (bytes that were not UTF-8) says so in the sheet's warnings. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* Header rows are looked for among the first rows only: a title block is a few lines. */
#define HEADER_SEARCH_ROWS 30

typedef struct {
  guint row_number;
  GPtrArray *cells; /* char *, NULL for an empty cell */
} SheetRow;

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
};

G_DEFINE_FINAL_TYPE (PathwaySheet, pathway_sheet, G_TYPE_OBJECT)

G_DEFINE_QUARK (pathway-exchange-error-quark, pathway_exchange_error)

static void
sheet_row_clear (gpointer data)
{
  SheetRow *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
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
  GArray *warnings; /* OwnedWarning, row holding the row number until finish */
};

PathwaySheetBuilder *
pathway_sheet_builder_new (const char *display_name)
{
  PathwaySheetBuilder *builder = g_new0 (PathwaySheetBuilder, 1);

  builder->display_name = g_strdup (display_name);
  builder->rows = g_array_new (FALSE, TRUE, sizeof (SheetRow));
  g_array_set_clear_func (builder->rows, sheet_row_clear);
  builder->warnings = warnings_new ();
  return builder;
}

void
pathway_sheet_builder_free (PathwaySheetBuilder *builder)
{
  if (builder == NULL)
    return;
  g_clear_pointer (&builder->rows, g_array_unref);
  g_clear_pointer (&builder->warnings, g_array_unref);
  g_free (builder->display_name);
  g_free (builder);
}

gboolean
pathway_sheet_builder_begin_row (PathwaySheetBuilder *builder, guint row_number, GError **error)
{
  SheetRow row = { row_number, NULL };

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

static gboolean
row_is_blank (const SheetRow *row)
{
  for (guint c = 0; row->cells && c < row->cells->len; c++)
    if (g_ptr_array_index (row->cells, c) != NULL)
      return FALSE;
  return TRUE;
}

/* How many of the row's cells name a field: the header row names the most. */
static guint
count_header_names (const SheetRow *row)
{
  guint count = 0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      const char *text = g_ptr_array_index (row->cells, c);
      PathwayImportField field;

      if (text != NULL && strlen (text) < 80 && pathway_import_field_from_name (text, &field) &&
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
  guint best = 0, best_count = 0;
  guint n_rows = 0;

  /* Rows with no text ("," alone, Excel's formatted empty rows, a final newline) say
   * nothing; the row numbers of the others still show where they were. */
  for (guint r = 0; r < builder->rows->len; r++)
    {
      SheetRow *row = &g_array_index (builder->rows, SheetRow, r);

      if (row_is_blank (row))
        continue;
      if (r != n_rows)
        {
          SheetRow *to = &g_array_index (builder->rows, SheetRow, n_rows);

          sheet_row_clear (to);
          *to = *row;
          row->cells = NULL;
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
  place_warnings (sheet->warnings, sheet->rows);
  pathway_sheet_builder_free (builder);

  for (guint r = 0; r < MIN (n_rows, HEADER_SEARCH_ROWS); r++)
    {
      guint count = count_header_names (&g_array_index (sheet->rows, SheetRow, r));

      if (count > best_count)
        {
          best = r;
          best_count = count;
        }
    }
  sheet->header_row = best_count >= 2 ? best : 0;
  return g_steal_pointer (&sheet);
}

/* Reading --------------------------------------------------------------------------------- */

static const guchar zip_magic[] = { 'P', 'K', 3, 4 };
static const guchar ole_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static gboolean
has_prefix (GBytes *bytes, const guchar *prefix, gsize length)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

/* What the first bytes say: XLSX is a zip; an old .xls or an encrypted .xlsx is an OLE
 * compound file, which we cannot read and say so. */
static gboolean
check_kind (GBytes *bytes, const char *display_name, gboolean *is_xlsx, GError **error)
{
  if (has_prefix (bytes, ole_magic, sizeof ole_magic))
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                   _("%s is an old Excel .xls file or a password-protected workbook, which "
                     "cannot be read. In Excel, remove the password if there is one and save it "
                     "as an Excel Workbook (.xlsx) or as CSV, then import that."),
                   display_name);
      return FALSE;
    }
  *is_xlsx = has_prefix (bytes, zip_magic, sizeof zip_magic);
  return TRUE;
}

PathwaySheet *
pathway_sheet_read_bytes (GBytes *bytes, const char *display_name, const char *sheet_name,
                          GError **error)
{
  gboolean is_xlsx = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = _("The file");
  if (g_bytes_get_size (bytes) > PATHWAY_SHEET_MAX_FILE_SIZE)
    {
      pathway_sheet_set_limit_error (error, display_name, _("the file's size in bytes"),
                                     PATHWAY_SHEET_MAX_FILE_SIZE);
      return NULL;
    }
  if (!check_kind (bytes, display_name, &is_xlsx, error))
    return NULL;
  if (is_xlsx)
    return pathway_sheet_read_xlsx (bytes, display_name, sheet_name, error);
  return pathway_sheet_read_csv (bytes, display_name, error);
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
  gboolean is_xlsx = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = read_file (path, &display_name, error);
  if (bytes == NULL || !check_kind (bytes, display_name, &is_xlsx, error))
    return NULL;
  if (is_xlsx)
    return pathway_sheet_list_xlsx_sheets (bytes, display_name, error);
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
  const char *text;

  g_return_val_if_fail (PATHWAY_IS_SHEET (self), "");

  if (row >= self->rows->len)
    return "";
  r = &g_array_index (self->rows, SheetRow, row);
  if (column >= r->cells->len)
    return "";
  text = g_ptr_array_index (r->cells, column);
  return text ? text : "";
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
