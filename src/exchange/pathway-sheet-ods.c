/* pathway-sheet-ods.c: reads one sheet of an OpenDocument spreadsheet (.ods, as LibreOffice
 * saves it) the way pathway-sheet-xlsx.c reads a workbook, through the same zip package and
 * limits (pathway-sheet-package.c). Every sheet is a <table:table> in content.xml, so the part
 * is read twice: once for the sheet names, their visibility and the cell styles, once for the
 * rows of the chosen sheet. styles.xml adds the named cell styles ("Good", "Bad", "Neutral")
 * that automatic styles derive from.
 *
 * Cells become text as the XLSX reader makes them: numbers (float, percentage, currency) from
 * their value in General format, so a reference typed 2.3 reads "2.3"; dates and times as
 * LibreOffice shows them (its text of the cell, which follows the cell's format); booleans as
 * TRUE/FALSE; text with its paragraphs joined by "\n" and ODF's white space rules applied (runs
 * collapsed, <text:s/> for the spaces written). Comments and drawings in a cell are not its
 * text. A cell or row repeated N times (how ODF writes a run of equal cells, and how it writes
 * the empty rest of a sheet) costs nothing while it is empty: only cells with text or a fill
 * are held, only as far as the column limit, and only rows with text are stored. Besides the
 * text: each cell's background colour (its own style, or its row's or column's default cell
 * style, through the styles' parents), hidden rows and columns (visibility collapse or filter)
 * and merged ranges (number-columns-spanned and number-rows-spanned; covered cells hold
 * nothing a person sees). */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* A repeat beyond these is no sheet LibreOffice or Excel can hold; the counts saturate. */
#define MAX_ROW_NUMBER (16 * 1024 * 1024)
#define MAX_COLUMN_NUMBER (1024 * 1024)
#define MAX_STYLES 100000
#define MAX_SHEETS 10000
/* How far a cell style may derive from another. */
#define MAX_STYLE_DEPTH 16
/* A fill is held with this bit set, so 0 means none and black is not lost. */
#define FILL_SET 0x1000000u

typedef enum {
  BACKGROUND_INHERITED, /* the style says nothing: its parent's counts */
  BACKGROUND_NONE,      /* "transparent" */
  BACKGROUND_SET,
} Background;

typedef struct {
  char *parent;
  Background background;
  guint32 rgb;
  gboolean hidden; /* a table's style: table:display="false" */
} OdsStyle;

static void
ods_style_free (gpointer data)
{
  OdsStyle *style = data;

  g_free (style->parent);
  g_free (style);
}

/* One cell element of the row being read, with its repeat; expanded when the row ends. */
typedef struct {
  guint column;
  guint repeat;
  char *text;          /* NULL when empty */
  gboolean has_style;  /* its own style, which replaces the row's and column's defaults */
  guint32 fill;        /* of its own style: FILL_SET | 0xRRGGBB, or 0 */
  guint columns_spanned;
  guint rows_spanned;
} OdsCell;

static void
ods_cell_clear (gpointer data)
{
  OdsCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

typedef struct {
  const char *display_name;
  GHashTable *cell_styles;  /* name -> OdsStyle */
  GHashTable *table_styles; /* name -> OdsStyle */
  OdsStyle *style;          /* the style being read, or NULL */
  gboolean in_body;
  int table_depth;          /* tables in tables are not sheets */

  /* The first reading: the sheets. */
  gboolean listing;
  GPtrArray *sheet_names;   /* char * */
  GArray *sheet_hidden;     /* gboolean */

  /* The second reading: the rows of one sheet. */
  int wanted;               /* index of the sheet to read */
  int table_index;          /* of the last sheet begun */
  gboolean reading;
  PathwaySheetBuilder *builder;
  GArray *column_fills;     /* guint32 per column: its default cell style's fill */
  guint column;             /* of the next column or cell */
  guint row_number;         /* of the next row */
  guint last_row_begun;
  gboolean in_row;
  guint row_repeat;
  gboolean row_hidden;
  gboolean row_has_style;
  guint32 row_fill;
  gboolean row_has_text;
  GArray *row_cells;        /* OdsCell */

  /* The cell being read. */
  gboolean in_cell;
  gboolean covered;
  OdsCell cell;
  char *value_type;
  char *value;
  char *date_value;
  char *boolean_value;
  char *string_value;
  gboolean error_value;
  GString *text;
  guint n_paragraphs;
  int paragraph_depth;
  gboolean paragraph_empty;
  gboolean pending_space;
  int skip_depth;           /* inside a comment or a drawing */
} OdsParse;

/* ODF names its elements and attributes with fixed prefixes (office:, table:, text:, style:,
 * fo:); LibreOffice, Excel and Google Sheets all write them so. The prefix matters: both
 * office:value-type and calcext:value-type may be on one cell. */
static const char *
attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* A repeat or span count: at least 1, at most 'cap'. */
static guint
parse_count (const char *text, guint cap)
{
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return 1;
  value = g_ascii_strtoull (text, NULL, 10);
  return (guint) CLAMP (value, 1, cap);
}

static guint
add_saturating (guint a, guint b, guint cap)
{
  return a >= cap || b >= cap - a ? cap : a + b;
}

static gboolean
is_hidden_visibility (const char *visibility)
{
  return g_strcmp0 (visibility, "collapse") == 0 || g_strcmp0 (visibility, "filter") == 0;
}

/* "#RRGGBB" */
static gboolean
parse_colour (const char *text, guint32 *rgb)
{
  guint32 value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
      value = value << 4 | (guint32) g_ascii_xdigit_value (text[i]);
    }
  *rgb = value;
  return TRUE;
}

/* The fill of a cell style, through its parents. */
static guint32
style_fill (OdsParse *parse, const char *name)
{
  for (guint depth = 0; name != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      const OdsStyle *style = g_hash_table_lookup (parse->cell_styles, name);

      if (style == NULL || style->background == BACKGROUND_NONE)
        return 0;
      if (style->background == BACKGROUND_SET)
        return FILL_SET | style->rgb;
      name = style->parent;
    }
  return 0;
}

/* Styles, in styles.xml and in content.xml's automatic styles ---------------------------------- */

static void
style_start (OdsParse *parse, const char *element, const char **names, const char **values)
{
  if (strcmp (element, "style:style") == 0)
    {
      const char *name = attribute (names, values, "style:name");
      const char *family = attribute (names, values, "style:family");
      GHashTable *styles = g_strcmp0 (family, "table-cell") == 0 ? parse->cell_styles
                           : g_strcmp0 (family, "table") == 0    ? parse->table_styles
                                                                 : NULL;

      parse->style = NULL;
      if (name == NULL || styles == NULL || g_hash_table_size (styles) >= MAX_STYLES)
        return;
      parse->style = g_new0 (OdsStyle, 1);
      parse->style->parent = g_strdup (attribute (names, values, "style:parent-style-name"));
      g_hash_table_replace (styles, g_strdup (name), parse->style);
    }
  else if (parse->style == NULL)
    return;
  else if (strcmp (element, "style:table-cell-properties") == 0)
    {
      const char *background = attribute (names, values, "fo:background-color");

      if (g_strcmp0 (background, "transparent") == 0)
        parse->style->background = BACKGROUND_NONE;
      else if (parse_colour (background, &parse->style->rgb))
        parse->style->background = BACKGROUND_SET;
    }
  else if (strcmp (element, "style:table-properties") == 0)
    parse->style->hidden = g_strcmp0 (attribute (names, values, "table:display"), "false") == 0;
}

static void
styles_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                 const char **values, gpointer data, GError **error)
{
  style_start (data, element, names, values);
}

static void
styles_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  OdsParse *parse = data;

  if (strcmp (element, "style:style") == 0)
    parse->style = NULL;
}

static const GMarkupParser styles_parser = { styles_start_cb, styles_end_cb, NULL,
                                             pathway_sheet_xml_passthrough_cb, NULL };

/* Cells ---------------------------------------------------------------------------------------- */

static void
clear_cell_values (OdsParse *parse)
{
  g_clear_pointer (&parse->value_type, g_free);
  g_clear_pointer (&parse->value, g_free);
  g_clear_pointer (&parse->date_value, g_free);
  g_clear_pointer (&parse->boolean_value, g_free);
  g_clear_pointer (&parse->string_value, g_free);
  ods_cell_clear (&parse->cell);
}

static gboolean
text_too_long (OdsParse *parse, gsize more, GError **error)
{
  if (parse->text->len + more <= PATHWAY_SHEET_MAX_CELL_LENGTH)
    return FALSE;
  pathway_sheet_set_limit_error (error, parse->display_name, _("the length of one cell in bytes"),
                                 PATHWAY_SHEET_MAX_CELL_LENGTH);
  return TRUE;
}

/* Text written by an element (<text:s/>, <text:tab/>, <text:line-break/>) is kept as it is,
 * after the one space a run of white space before it stands for. */
static void
append_written (OdsParse *parse, const char *text, guint count, GError **error)
{
  gsize length = strlen (text);

  if (parse->pending_space)
    {
      g_string_append_c (parse->text, ' ');
      parse->pending_space = FALSE;
    }
  if (text_too_long (parse, (gsize) count * length, error))
    return;
  for (guint i = 0; i < count; i++)
    g_string_append_len (parse->text, text, (gssize) length);
  parse->paragraph_empty = FALSE;
}

static void
cell_start (OdsParse *parse, const char *element, const char **names, const char **values,
            GError **error)
{
  if (parse->skip_depth > 0 || strcmp (element, "office:annotation") == 0 ||
      g_str_has_prefix (element, "draw:"))
    {
      parse->skip_depth++;
      return;
    }
  if (parse->covered)
    return;
  if (strcmp (element, "text:p") == 0 || strcmp (element, "text:h") == 0)
    {
      if (parse->paragraph_depth++ > 0)
        return;
      if (parse->n_paragraphs++ > 0)
        {
          if (text_too_long (parse, 1, error))
            return;
          g_string_append_c (parse->text, '\n');
        }
      parse->paragraph_empty = TRUE;
      parse->pending_space = FALSE;
    }
  else if (parse->paragraph_depth == 0)
    return;
  else if (strcmp (element, "text:s") == 0)
    append_written (parse, " ",
                    parse_count (attribute (names, values, "text:c"),
                                 PATHWAY_SHEET_MAX_CELL_LENGTH + 1), error);
  else if (strcmp (element, "text:tab") == 0)
    append_written (parse, "\t", 1, error);
  else if (strcmp (element, "text:line-break") == 0)
    append_written (parse, "\n", 1, error);
}

static void
cell_text_cb (OdsParse *parse, const char *text, gsize length, GError **error)
{
  if (!parse->in_cell || parse->covered || parse->skip_depth > 0 || parse->paragraph_depth == 0)
    return;
  if (text_too_long (parse, length + 1, error))
    return;
  /* ODF's white space: a run of spaces, tabs and line ends is one space, and none at the
   * start or the end of a paragraph. */
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          if (!parse->paragraph_empty)
            parse->pending_space = TRUE;
          continue;
        }
      if (parse->pending_space)
        {
          g_string_append_c (parse->text, ' ');
          parse->pending_space = FALSE;
        }
      g_string_append_c (parse->text, c);
      parse->paragraph_empty = FALSE;
    }
}

/* The text a person sees in the cell, or NULL. */
static char *
cell_value (OdsParse *parse)
{
  const char *type = parse->value_type;

  if (parse->error_value)
    return g_strdup (parse->text->str);
  if (type != NULL && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0 ||
                       strcmp (type, "currency") == 0) && parse->value != NULL)
    {
      char *end = NULL;
      double number = g_ascii_strtod (parse->value, &end);

      if (end != parse->value && *end == '\0')
        return pathway_number_format_general (number);
    }
  if (g_strcmp0 (type, "boolean") == 0 && parse->boolean_value != NULL)
    return g_strdup (g_ascii_strcasecmp (parse->boolean_value, "true") == 0 ? "TRUE" : "FALSE");
  if (g_strcmp0 (type, "date") == 0 && parse->n_paragraphs == 0 && parse->date_value != NULL)
    {
      int y = 0, m = 0, d = 0;

      if (sscanf (parse->date_value, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
          g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        {
          GDate date;
          char *shown;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
          shown = pathway_number_format_date (pathway_number_format_serial (&date), 14, NULL);
          if (shown != NULL)
            return shown;
        }
      return g_strdup (parse->date_value);
    }
  if (parse->n_paragraphs == 0 && parse->string_value != NULL)
    return g_strdup (parse->string_value);
  return g_strdup (parse->text->str);
}

static gboolean
has_visible_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static void
begin_cell (OdsParse *parse, const char *element, const char **names, const char **values)
{
  const char *style = attribute (names, values, "table:style-name");

  clear_cell_values (parse);
  parse->in_cell = TRUE;
  parse->covered = strcmp (element, "table:covered-table-cell") == 0;
  parse->cell.column = parse->column;
  parse->cell.repeat = parse_count (attribute (names, values, "table:number-columns-repeated"),
                                    MAX_COLUMN_NUMBER);
  parse->cell.has_style = style != NULL;
  parse->cell.fill = style != NULL ? style_fill (parse, style) : 0;
  parse->cell.columns_spanned = parse->covered ? 1 : parse_count (
    attribute (names, values, "table:number-columns-spanned"), MAX_COLUMN_NUMBER);
  parse->cell.rows_spanned = parse->covered ? 1 : parse_count (
    attribute (names, values, "table:number-rows-spanned"), MAX_ROW_NUMBER);
  parse->value_type = g_strdup (attribute (names, values, "office:value-type"));
  parse->value = g_strdup (attribute (names, values, "office:value"));
  parse->date_value = g_strdup (attribute (names, values, "office:date-value"));
  parse->boolean_value = g_strdup (attribute (names, values, "office:boolean-value"));
  parse->string_value = g_strdup (attribute (names, values, "office:string-value"));
  parse->error_value = g_strcmp0 (attribute (names, values, "calcext:value-type"), "error") == 0;
  g_string_truncate (parse->text, 0);
  parse->n_paragraphs = 0;
  parse->paragraph_depth = 0;
  parse->pending_space = FALSE;
  parse->skip_depth = 0;
}

static void
end_cell (OdsParse *parse)
{
  OdsCell cell = parse->cell;

  parse->in_cell = FALSE;
  parse->column = add_saturating (parse->column, cell.repeat, MAX_COLUMN_NUMBER);
  /* Past the last column only text matters: it is refused when the row is stored. */
  if (!parse->covered)
    cell.text = cell_value (parse);
  parse->cell.text = NULL;
  if (!has_visible_text (cell.text))
    g_clear_pointer (&cell.text, g_free);
  if (cell.column >= PATHWAY_SHEET_MAX_COLUMNS && cell.text == NULL)
    return;
  if (cell.text != NULL)
    parse->row_has_text = TRUE;
  g_array_append_val (parse->row_cells, cell);
}

/* Rows ----------------------------------------------------------------------------------------- */

static void
begin_row (OdsParse *parse, const char **names, const char **values)
{
  const char *style = attribute (names, values, "table:default-cell-style-name");

  parse->in_row = TRUE;
  parse->column = 0;
  parse->row_repeat = parse_count (attribute (names, values, "table:number-rows-repeated"),
                                   MAX_ROW_NUMBER);
  parse->row_hidden = is_hidden_visibility (attribute (names, values, "table:visibility"));
  parse->row_has_style = style != NULL;
  parse->row_fill = style != NULL ? style_fill (parse, style) : 0;
  parse->row_has_text = FALSE;
  g_array_set_size (parse->row_cells, 0);
}

static guint32
fill_at (OdsParse *parse, const OdsCell *cell, guint column)
{
  if (cell->has_style)
    return cell->fill;
  if (parse->row_has_style)
    return parse->row_fill;
  if (column < parse->column_fills->len)
    return g_array_index (parse->column_fills, guint32, column);
  return 0;
}

static gboolean
store_cells (OdsParse *parse, GError **error)
{
  for (guint i = 0; i < parse->row_cells->len; i++)
    {
      const OdsCell *cell = &g_array_index (parse->row_cells, OdsCell, i);
      /* As far as one past the last column, so that text there is refused. */
      guint first = MIN (cell->column, PATHWAY_SHEET_MAX_COLUMNS);
      guint end = MIN (add_saturating (cell->column, cell->repeat, MAX_COLUMN_NUMBER),
                       PATHWAY_SHEET_MAX_COLUMNS + 1);

      for (guint column = first; column < MAX (end, first + 1); column++)
        {
          guint32 fill = fill_at (parse, cell, column);

          if (cell->text != NULL &&
              !pathway_sheet_builder_set_cell (parse->builder, column, cell->text,
                                               strlen (cell->text), error))
            return FALSE;
          if (fill != 0)
            pathway_sheet_builder_set_fill (parse->builder, column, fill & 0xFFFFFF);
        }
    }
  return TRUE;
}

static gboolean
add_merges (OdsParse *parse, guint row_number, GError **error)
{
  for (guint i = 0; i < parse->row_cells->len; i++)
    {
      const OdsCell *cell = &g_array_index (parse->row_cells, OdsCell, i);
      PathwaySheetRange range = {
        row_number, add_saturating (row_number, cell->rows_spanned - 1, MAX_ROW_NUMBER),
        cell->column, add_saturating (cell->column, cell->columns_spanned - 1,
                                      MAX_COLUMN_NUMBER),
      };

      if ((cell->rows_spanned > 1 || cell->columns_spanned > 1) &&
          !pathway_sheet_builder_add_merge (parse->builder, &range, error))
        return FALSE;
    }
  return TRUE;
}

/* A row ends: each of its repeats with text becomes a row of the sheet. A repeat without text
 * is nothing, so the empty rest of a sheet (one row repeated a million times) costs one step.
 */
static void
end_row (OdsParse *parse, GError **error)
{
  parse->in_row = FALSE;
  for (guint i = 0; i < parse->row_repeat; i++)
    {
      guint row_number = add_saturating (parse->row_number, i, MAX_ROW_NUMBER);

      if (!parse->row_has_text)
        {
          if (i == 0)
            add_merges (parse, row_number, error);
          break;
        }
      if (row_number <= parse->last_row_begun)
        break;
      if (!pathway_sheet_builder_begin_row (parse->builder, row_number, error))
        return;
      parse->last_row_begun = row_number;
      if (parse->row_hidden)
        pathway_sheet_builder_set_row_hidden (parse->builder);
      if (!store_cells (parse, error) || !add_merges (parse, row_number, error))
        return;
    }
  parse->row_number = add_saturating (parse->row_number, parse->row_repeat, MAX_ROW_NUMBER);
  g_array_set_size (parse->row_cells, 0);
}

static void
add_column (OdsParse *parse, const char **names, const char **values)
{
  guint repeat = parse_count (attribute (names, values, "table:number-columns-repeated"),
                              MAX_COLUMN_NUMBER);
  const char *style = attribute (names, values, "table:default-cell-style-name");
  guint32 fill = style != NULL ? style_fill (parse, style) : 0;
  guint first = parse->column;

  parse->column = add_saturating (parse->column, repeat, MAX_COLUMN_NUMBER);
  if (is_hidden_visibility (attribute (names, values, "table:visibility")))
    pathway_sheet_builder_set_columns_hidden (parse->builder, first, parse->column - 1);
  if (fill == 0 || first >= PATHWAY_SHEET_MAX_COLUMNS)
    return;
  if (parse->column_fills->len < MIN (parse->column, PATHWAY_SHEET_MAX_COLUMNS))
    g_array_set_size (parse->column_fills, MIN (parse->column, PATHWAY_SHEET_MAX_COLUMNS));
  for (guint c = first; c < MIN (parse->column, PATHWAY_SHEET_MAX_COLUMNS); c++)
    g_array_index (parse->column_fills, guint32, c) = fill;
}

/* content.xml ---------------------------------------------------------------------------------- */

static void
content_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                  const char **values, gpointer data, GError **error)
{
  OdsParse *parse = data;

  if (!parse->in_body)
    {
      if (strcmp (element, "office:body") == 0)
        parse->in_body = TRUE;
      else if (parse->listing)
        style_start (parse, element, names, values);
      return;
    }
  if (strcmp (element, "table:table") == 0)
    {
      if (parse->table_depth++ > 0)
        return;
      parse->table_index++;
      if (parse->listing)
        {
          const char *style_name = attribute (names, values, "table:style-name");
          const char *name = attribute (names, values, "table:name");
          const OdsStyle *style = NULL;
          gboolean hidden;

          if (style_name != NULL)
            style = g_hash_table_lookup (parse->table_styles, style_name);
          hidden = style != NULL && style->hidden;

          if (parse->sheet_names->len >= MAX_SHEETS)
            {
              g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                           _("%s has more than %u sheets."), parse->display_name, MAX_SHEETS);
              return;
            }
          g_ptr_array_add (parse->sheet_names, g_utf8_make_valid (name ? name : "", -1));
          g_array_append_val (parse->sheet_hidden, hidden);
        }
      else if (parse->table_index == parse->wanted)
        {
          parse->reading = TRUE;
          parse->column = 0;
          parse->row_number = 1;
        }
      return;
    }
  if (!parse->reading || parse->table_depth != 1)
    return;
  if (parse->in_cell)
    cell_start (parse, element, names, values, error);
  else if (strcmp (element, "table:table-row") == 0)
    begin_row (parse, names, values);
  else if (parse->in_row && (strcmp (element, "table:table-cell") == 0 ||
                             strcmp (element, "table:covered-table-cell") == 0))
    begin_cell (parse, element, names, values);
  else if (!parse->in_row && strcmp (element, "table:table-column") == 0)
    add_column (parse, names, values);
}

static void
content_end_cb (GMarkupParseContext *context, const char *element, gpointer data,
                GError **error)
{
  OdsParse *parse = data;

  if (!parse->in_body)
    {
      if (strcmp (element, "style:style") == 0)
        parse->style = NULL;
      return;
    }
  if (strcmp (element, "table:table") == 0)
    {
      if (--parse->table_depth == 0)
        parse->reading = FALSE;
      return;
    }
  if (!parse->reading || parse->table_depth != 1)
    return;
  if (parse->in_cell && parse->skip_depth > 0)
    parse->skip_depth--;
  else if (parse->in_cell && (strcmp (element, "table:table-cell") == 0 ||
                              strcmp (element, "table:covered-table-cell") == 0))
    end_cell (parse);
  else if (parse->in_cell && (strcmp (element, "text:p") == 0 || strcmp (element, "text:h") == 0))
    {
      if (parse->paragraph_depth > 0)
        parse->paragraph_depth--;
      parse->pending_space = FALSE;
    }
  else if (!parse->in_cell && strcmp (element, "table:table-row") == 0 && parse->in_row)
    end_row (parse, error);
}

static void
content_text_cb (GMarkupParseContext *context, const char *text, gsize length, gpointer data,
                 GError **error)
{
  OdsParse *parse = data;

  if (parse->reading)
    cell_text_cb (parse, text, length, error);
}

static const GMarkupParser content_parser = { content_start_cb, content_end_cb, content_text_cb,
                                              pathway_sheet_xml_passthrough_cb, NULL };

/* The manifest: an encrypted file's parts cannot be read --------------------------------------- */

static void
manifest_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                   const char **values, gpointer data, GError **error)
{
  gboolean *encrypted = data;

  if (strcmp (pathway_sheet_xml_local_name (element), "encryption-data") == 0)
    *encrypted = TRUE;
}

static const GMarkupParser manifest_parser = { manifest_start_cb, NULL, NULL,
                                               pathway_sheet_xml_passthrough_cb, NULL };

/* Reading -------------------------------------------------------------------------------------- */

static void
ods_parse_init (OdsParse *parse, const char *display_name)
{
  parse->display_name = display_name;
  parse->cell_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ods_style_free);
  parse->table_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ods_style_free);
  parse->sheet_names = g_ptr_array_new_with_free_func (g_free);
  parse->sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  parse->column_fills = g_array_new (FALSE, TRUE, sizeof (guint32));
  parse->row_cells = g_array_new (FALSE, TRUE, sizeof (OdsCell));
  g_array_set_clear_func (parse->row_cells, ods_cell_clear);
  parse->text = g_string_new (NULL);
  parse->wanted = -1;
  parse->table_index = -1;
}

static void
ods_parse_clear (OdsParse *parse)
{
  clear_cell_values (parse);
  g_clear_pointer (&parse->cell_styles, g_hash_table_unref);
  g_clear_pointer (&parse->table_styles, g_hash_table_unref);
  g_clear_pointer (&parse->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&parse->sheet_hidden, g_array_unref);
  g_clear_pointer (&parse->column_fills, g_array_unref);
  g_clear_pointer (&parse->row_cells, g_array_unref);
  g_clear_pointer (&parse->builder, pathway_sheet_builder_free);
  if (parse->text != NULL)
    g_string_free (parse->text, TRUE);
  parse->text = NULL;
}

/* Opens the package and reads the sheets' names and the styles: the first reading of
 * content.xml. */
static PathwaySheetPackage *
list_sheets (GBytes *bytes, const char *display_name, OdsParse *parse, GError **error)
{
  g_autoptr(PathwaySheetPackage) package = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean encrypted = FALSE;

  package = pathway_sheet_package_open (bytes, display_name, error);
  if (package == NULL)
    return NULL;
  if (!pathway_sheet_package_parse (package, "META-INF/manifest.xml", &manifest_parser,
                                    &encrypted, TRUE, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (encrypted)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                   _("%s is protected with a password. Save a copy without the password, "
                     "then import that."), display_name);
      return NULL;
    }
  if (!pathway_sheet_package_parse (package, "styles.xml", &styles_parser, parse, TRUE,
                                    &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  parse->style = NULL;
  parse->listing = TRUE;
  if (!pathway_sheet_package_parse (package, "content.xml", &content_parser, parse, FALSE,
                                    error))
    return NULL;
  parse->listing = FALSE;
  return g_steal_pointer (&package);
}

char **
pathway_sheet_list_ods_sheets (GBytes *bytes, const char *display_name, GError **error)
{
  OdsParse parse = { 0 };
  g_autoptr(PathwaySheetPackage) package = NULL;
  char **names = NULL;

  ods_parse_init (&parse, display_name);
  package = list_sheets (bytes, display_name, &parse, error);
  if (package != NULL)
    {
      g_ptr_array_add (parse.sheet_names, NULL);
      names = (char **) g_ptr_array_free (g_steal_pointer (&parse.sheet_names), FALSE);
    }
  ods_parse_clear (&parse);
  return names;
}

PathwaySheet *
pathway_sheet_read_ods (GBytes *bytes, const char *display_name, const char *sheet_name,
                        GError **error)
{
  OdsParse parse = { 0 };
  g_autoptr(PathwaySheetPackage) package = NULL;
  PathwaySheet *sheet = NULL;
  int chosen;

  ods_parse_init (&parse, display_name);
  package = list_sheets (bytes, display_name, &parse, error);
  if (package == NULL)
    goto out;
  chosen = pathway_sheet_choose ((const char * const *) parse.sheet_names->pdata,
                                 (const gboolean *) (gpointer) parse.sheet_hidden->data,
                                 parse.sheet_names->len, sheet_name, display_name, error);
  if (chosen < 0)
    goto out;

  parse.in_body = FALSE;
  parse.table_depth = 0;
  parse.table_index = -1;
  parse.wanted = chosen;
  parse.builder = pathway_sheet_builder_new (display_name);
  if (!pathway_sheet_package_parse (package, "content.xml", &content_parser, &parse, FALSE,
                                    error))
    goto out;
  sheet = pathway_sheet_builder_finish (g_steal_pointer (&parse.builder),
                                        PATHWAY_SHEET_FORMAT_ODS,
                                        g_ptr_array_index (parse.sheet_names, chosen), NULL, 0,
                                        error);

out:
  ods_parse_clear (&parse);
  return sheet;
}
