/* pathway-sheet-xlsx.c: reads one worksheet of an XLSX workbook. The zip and the limits on
 * what its parts may expand to are pathway-sheet-package.c's; the parts are found the way
 * Excel finds them (the package's relationships name the workbook, the workbook's name its
 * sheets, shared strings, styles and theme). An Excel binary workbook (.xlsb), a zip too, is
 * refused with a message saying to save it as .xlsx.
 *
 * Cells become text as Excel shows them: shared strings (rich text runs joined, phonetic
 * guides left out), inline strings, booleans, numbers in General format, and numbers whose
 * style has a date format shown in that format (pathway-number-format.c). Besides the text:
 * each cell's solid fill (from its style, the colour resolved through the legacy palette or
 * the workbook's theme and tinted as Excel does), hidden rows and columns, and merged
 * ranges. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* Short names for the shared XML helpers, used on every element. */
#define local_name pathway_sheet_xml_local_name
#define find_attribute pathway_sheet_xml_attribute
#define passthrough_cb pathway_sheet_xml_passthrough_cb
#define malformed pathway_sheet_set_malformed_error

/* Resolves a relationship's target against the folder of the part that names it, inside the
 * package: "../" may not climb out of it. */
static char *
resolve_target (const char *base_dir, const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *out;

  if (target == NULL || *target == '\0')
    return NULL;
  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base_dir != NULL && *base_dir != '\0')
    joined = g_strconcat (base_dir, "/", target, NULL);
  else
    joined = g_strdup (target);
  g_strdelimit (joined, "\\", '/');

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (kept, i));
    }
  return g_string_free (out, FALSE);
}

static char *
dir_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash ? g_strndup (path, slash - path) : g_strdup ("");
}

/* Relationships ------------------------------------------------------------------------------ */

typedef struct {
  char *id;
  char *type; /* the last segment of the type URI: "worksheet", "sharedStrings" ... */
  char *target;
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
rels_start_cb (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  GPtrArray *rels = data;
  const char *type, *slash;
  Relationship *rel;

  if (strcmp (local_name (element), "Relationship") != 0)
    return;
  type = find_attribute (names, values, "Type");
  slash = type ? strrchr (type, '/') : NULL;
  rel = g_new0 (Relationship, 1);
  rel->id = g_strdup (find_attribute (names, values, "Id"));
  rel->type = g_strdup (slash ? slash + 1 : type ? type : "");
  rel->target = g_strdup (find_attribute (names, values, "Target"));
  g_ptr_array_add (rels, rel);
  if (rels->len > 10000)
    g_set_error_literal (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                         _("The workbook names more than 10000 parts."));
}

static const GMarkupParser rels_parser = { rels_start_cb, NULL, NULL, passthrough_cb, NULL };

static GPtrArray *
read_rels (PathwaySheetPackage *package, const char *name, GError **error)
{
  GPtrArray *rels = g_ptr_array_new_with_free_func (relationship_free);
  g_autoptr(GError) local_error = NULL;

  if (!pathway_sheet_package_parse (package, name, &rels_parser, rels, TRUE, &local_error) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_ptr_array_unref (rels);
      return NULL;
    }
  return rels;
}

static const Relationship *
find_rel (GPtrArray *rels, const char *id, const char *type)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *rel = g_ptr_array_index (rels, i);

      if ((id == NULL || g_strcmp0 (rel->id, id) == 0) &&
          (type == NULL || g_strcmp0 (rel->type, type) == 0))
        return rel;
    }
  return NULL;
}

/* The workbook ------------------------------------------------------------------------------ */

typedef struct {
  char *name;
  char *rel_id;
  gboolean hidden;
} SheetEntry;

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->rel_id);
  g_free (entry);
}

typedef struct {
  GPtrArray *sheets; /* SheetEntry */
  gboolean date1904;
} Workbook;

static void
workbook_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                   const char **values, gpointer data, GError **error)
{
  Workbook *workbook = data;
  const char *local = local_name (element);

  if (strcmp (local, "sheet") == 0)
    {
      SheetEntry *entry = g_new0 (SheetEntry, 1);
      const char *state = find_attribute (names, values, "state");

      entry->name = g_strdup (find_attribute (names, values, "name"));
      entry->rel_id = g_strdup (find_attribute (names, values, "id"));
      entry->hidden = state != NULL && strcmp (state, "visible") != 0;
      g_ptr_array_add (workbook->sheets, entry);
      if (workbook->sheets->len > 10000)
        g_set_error_literal (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                             _("The workbook names more than 10000 sheets."));
    }
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *date1904 = find_attribute (names, values, "date1904");

      workbook->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 ||
                                                g_ascii_strcasecmp (date1904, "true") == 0);
    }
}

static const GMarkupParser workbook_parser = { workbook_start_cb, NULL, NULL, passthrough_cb,
                                               NULL };

/* Finds the workbook part through the package relationships, and reads its sheet list and
 * its own relationships. */
static gboolean
open_workbook (PathwaySheetPackage *package, Workbook *workbook, char **workbook_path,
               GPtrArray **workbook_rels, GError **error)
{
  const char *display_name = pathway_sheet_package_get_display_name (package);
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *rels_name = NULL;
  const Relationship *office;

  rels = read_rels (package, "_rels/.rels", error);
  if (rels == NULL)
    return FALSE;
  office = find_rel (rels, NULL, "officeDocument");
  path = office ? resolve_target ("", office->target) : g_strdup ("xl/workbook.xml");
  if (path == NULL)
    return malformed (error, display_name, _("it names its workbook wrongly"));
  /* An Excel binary workbook is a zip too, with its parts in Excel's own binary form. */
  if (g_str_has_suffix (path, ".bin") ||
      (!pathway_sheet_package_has_part (package, path) &&
       pathway_sheet_package_has_part (package, "xl/workbook.bin")))
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                   _("%s is an Excel Binary Workbook (.xlsb), which cannot be read. Open it in "
                     "Excel or LibreOffice and save it as an Excel Workbook (.xlsx) or as an "
                     "OpenDocument Spreadsheet (.ods), then import that."), display_name);
      return FALSE;
    }
  if (!pathway_sheet_package_has_part (package, path))
    {
      /* An OpenDocument spreadsheet comes to the ODS reader by its mimetype part; one here is
       * a text document or a presentation. */
      if (pathway_sheet_package_has_part (package, "content.xml"))
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                       _("%s is an OpenDocument file but not a spreadsheet. Copy its table into "
                         "a spreadsheet and save that as .xlsx, .ods or CSV."), display_name);
          return FALSE;
        }
      if (pathway_sheet_package_has_part (package, "word/document.xml"))
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                       _("%s is a Word document, not a spreadsheet. Copy its table into a "
                         "spreadsheet and save that as .xlsx or CSV."), display_name);
          return FALSE;
        }
      return malformed (error, display_name, _("it has no workbook part"));
    }

  workbook->sheets = g_ptr_array_new_with_free_func (sheet_entry_free);
  if (!pathway_sheet_package_parse (package, path, &workbook_parser, workbook, FALSE, error))
    return FALSE;

  dir = dir_of (path);
  {
    const char *slash = strrchr (path, '/');

    rels_name = g_strdup_printf ("%s%s_rels/%s.rels", dir, *dir ? "/" : "",
                                 slash ? slash + 1 : path);
  }
  *workbook_rels = read_rels (package, rels_name, error);
  if (*workbook_rels == NULL)
    return FALSE;
  *workbook_path = g_steal_pointer (&path);
  return TRUE;
}

char **
pathway_sheet_list_xlsx_sheets (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(PathwaySheetPackage) package = NULL;
  Workbook workbook = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  GPtrArray *names = NULL;

  package = pathway_sheet_package_open (bytes, display_name, error);
  if (package == NULL)
    return NULL;
  if (open_workbook (package, &workbook, &path, &rels, error))
    {
      names = g_ptr_array_new ();
      for (guint i = 0; i < workbook.sheets->len; i++)
        {
          const SheetEntry *entry = g_ptr_array_index (workbook.sheets, i);

          g_ptr_array_add (names, g_utf8_make_valid (entry->name ? entry->name : "", -1));
        }
      g_ptr_array_add (names, NULL);
    }
  g_clear_pointer (&workbook.sheets, g_ptr_array_unref);
  return names ? (char **) g_ptr_array_free (names, FALSE) : NULL;
}

/* Text in OOXML ------------------------------------------------------------------------------
 * Characters XML cannot hold are written _xHHHH_ (and a literal "_x" as _x005F_x). */
static void
append_ooxml_text (GString *out, const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '_' && i + 6 < length && text[i + 1] == 'x' && text[i + 6] == '_' &&
          g_ascii_isxdigit (text[i + 2]) && g_ascii_isxdigit (text[i + 3]) &&
          g_ascii_isxdigit (text[i + 4]) && g_ascii_isxdigit (text[i + 5]))
        {
          gunichar c = (gunichar) (g_ascii_xdigit_value (text[i + 2]) << 12 |
                                   g_ascii_xdigit_value (text[i + 3]) << 8 |
                                   g_ascii_xdigit_value (text[i + 4]) << 4 |
                                   g_ascii_xdigit_value (text[i + 5]));

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          i += 6;
          continue;
        }
      g_string_append_c (out, text[i]);
    }
}

/* Shared strings ---------------------------------------------------------------------------- */

typedef struct {
  const char *display_name;
  GPtrArray *strings;
  GString *current;
  gboolean in_si;
  gboolean in_t;
  int phonetic_depth; /* inside <rPh>: a reading guide, not text */
} SharedStrings;

static void
sst_start_cb (GMarkupParseContext *context, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  SharedStrings *sst = data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0)
    {
      if (sst->strings->len >= PATHWAY_SHEET_MAX_SHARED_STRINGS)
        {
          pathway_sheet_set_limit_error (error, sst->display_name,
                                         _("the number of shared strings"),
                                         PATHWAY_SHEET_MAX_SHARED_STRINGS);
          return;
        }
      sst->in_si = TRUE;
      g_string_truncate (sst->current, 0);
    }
  else if (strcmp (local, "rPh") == 0)
    sst->phonetic_depth++;
  else if (strcmp (local, "t") == 0 && sst->in_si)
    sst->in_t = TRUE;
}

static void
sst_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  SharedStrings *sst = data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0 && sst->in_si)
    {
      g_ptr_array_add (sst->strings, g_strndup (sst->current->str, sst->current->len));
      sst->in_si = FALSE;
    }
  else if (strcmp (local, "rPh") == 0 && sst->phonetic_depth > 0)
    sst->phonetic_depth--;
  else if (strcmp (local, "t") == 0)
    sst->in_t = FALSE;
}

static void
sst_text_cb (GMarkupParseContext *context, const char *text, gsize length, gpointer data,
             GError **error)
{
  SharedStrings *sst = data;

  if (!sst->in_t || sst->phonetic_depth > 0)
    return;
  if (sst->current->len + length > PATHWAY_SHEET_MAX_CELL_LENGTH)
    {
      pathway_sheet_set_limit_error (error, sst->display_name,
                                     _("the length of one cell in bytes"),
                                     PATHWAY_SHEET_MAX_CELL_LENGTH);
      return;
    }
  append_ooxml_text (sst->current, text, length);
}

static const GMarkupParser sst_parser = { sst_start_cb, sst_end_cb, sst_text_cb, passthrough_cb,
                                          NULL };

/* Colours ----------------------------------------------------------------------------------
 * A fill's colour is an RGB value, an index into the legacy palette of 64 colours (which a
 * workbook may replace with its own), or one of the twelve colours of the workbook's theme,
 * any of them lightened or darkened by a tint. */

typedef enum {
  COLOUR_NONE,
  COLOUR_RGB,
  COLOUR_INDEXED,
  COLOUR_THEME,
  COLOUR_AUTO, /* the system's window text colour */
} ColourKind;

typedef struct {
  ColourKind kind;
  guint32 value; /* 0xRRGGBB, or the index */
  double tint;   /* -1 (black) .. 1 (white) */
} Colour;

/* The legacy palette (ECMA-376 18.8.27); 64 and 65 are the system's foreground and
 * background. */
static const guint32 legacy_palette[] = {
  0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
  0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
  0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
  0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
  0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
  0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
  0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
  0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
  0x000000, 0xFFFFFF,
};

/* The theme's colours in the order of a cell's theme="N": Excel counts the scheme's first
 * four the other way round within each pair (lt1, dk1, lt2, dk2, where the theme part lists
 * dk1, lt1, dk2, lt2). */
#define N_THEME_COLOURS 12
static const char * const theme_slots[N_THEME_COLOURS] = {
  "lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5",
  "accent6", "hlink", "folHlink",
};

/* Office's own theme (2013 to 2021), for a workbook that has no theme part. */
static const guint32 office_theme[N_THEME_COLOURS] = {
  0xFFFFFF, 0x000000, 0xE7E6E6, 0x44546A, 0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5,
  0x70AD47, 0x0563C1, 0x954F72,
};

/* "FFRRGGBB" (the alpha is ignored, as Excel does) or "RRGGBB". */
static gboolean
parse_rgb (const char *text, guint32 *rgb)
{
  gsize length = text ? strlen (text) : 0;
  guint32 value = 0;

  if (length != 6 && length != 8)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
      value = value << 4 | (guint32) g_ascii_xdigit_value (text[i]);
    }
  *rgb = value & 0xFFFFFF;
  return TRUE;
}

static gboolean
xml_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0);
}

static void
parse_colour (const char **names, const char **values, Colour *colour)
{
  const char *rgb = find_attribute (names, values, "rgb");
  const char *theme = find_attribute (names, values, "theme");
  const char *indexed = find_attribute (names, values, "indexed");
  const char *tint = find_attribute (names, values, "tint");

  colour->kind = COLOUR_NONE;
  colour->tint = 0;
  if (rgb != NULL && parse_rgb (rgb, &colour->value))
    colour->kind = COLOUR_RGB;
  else if (theme != NULL && g_ascii_isdigit (*theme))
    {
      colour->kind = COLOUR_THEME;
      colour->value = (guint32) MIN (g_ascii_strtoull (theme, NULL, 10), G_MAXUINT32);
    }
  else if (indexed != NULL && g_ascii_isdigit (*indexed))
    {
      colour->kind = COLOUR_INDEXED;
      colour->value = (guint32) MIN (g_ascii_strtoull (indexed, NULL, 10), G_MAXUINT32);
    }
  else if (xml_true (find_attribute (names, values, "auto")))
    colour->kind = COLOUR_AUTO;
  if (tint != NULL)
    {
      double value = g_ascii_strtod (tint, NULL);

      colour->tint = isfinite (value) ? CLAMP (value, -1.0, 1.0) : 0;
    }
}

/* Excel converts to HLS and back as Windows does, in integers on a scale of 0 to 240 (the
 * ColorRGBToHLS and ColorHLSToRGB of its shell library), and its colour pickers show the
 * result: so the tinted colour below is the one Excel shows, to the unit. */
#define HLS_MAX 240
#define RGB_MAX 255

static int
hue_to_rgb (int n1, int n2, int hue)
{
  if (hue < 0)
    hue += HLS_MAX;
  if (hue > HLS_MAX)
    hue -= HLS_MAX;
  if (hue < HLS_MAX / 6)
    return n1 + ((n2 - n1) * hue + HLS_MAX / 12) / (HLS_MAX / 6);
  if (hue < HLS_MAX / 2)
    return n2;
  if (hue < HLS_MAX * 2 / 3)
    return n1 + ((n2 - n1) * (HLS_MAX * 2 / 3 - hue) + HLS_MAX / 12) / (HLS_MAX / 6);
  return n1;
}

static guint32
to_channel (int value)
{
  return (guint32) CLAMP (value, 0, RGB_MAX);
}

/* A tint changes the colour's luminance and keeps its hue and saturation (ECMA-376
 * 18.3.1.15): L * (1 + tint) for a negative tint (darker), L * (1 - tint) + (max - max * (1 -
 * tint)) for a positive one (lighter). */
static guint32
apply_tint (guint32 rgb, double tint)
{
  int r = (int) ((rgb >> 16) & 0xFF), g = (int) ((rgb >> 8) & 0xFF), b = (int) (rgb & 0xFF);
  int max = MAX (r, MAX (g, b)), min = MIN (r, MIN (g, b));
  int h = HLS_MAX * 2 / 3, s = 0, l = ((max + min) * HLS_MAX + RGB_MAX) / (2 * RGB_MAX);
  double tinted;

  if (tint == 0)
    return rgb;
  if (max != min)
    {
      int r_delta, g_delta, b_delta;

      if (l <= HLS_MAX / 2)
        s = ((max - min) * HLS_MAX + (max + min) / 2) / (max + min);
      else
        s = ((max - min) * HLS_MAX + (2 * RGB_MAX - max - min) / 2) /
            (2 * RGB_MAX - max - min);
      r_delta = ((max - r) * (HLS_MAX / 6) + (max - min) / 2) / (max - min);
      g_delta = ((max - g) * (HLS_MAX / 6) + (max - min) / 2) / (max - min);
      b_delta = ((max - b) * (HLS_MAX / 6) + (max - min) / 2) / (max - min);
      if (r == max)
        h = b_delta - g_delta;
      else if (g == max)
        h = HLS_MAX / 3 + r_delta - b_delta;
      else
        h = HLS_MAX * 2 / 3 + g_delta - r_delta;
      if (h < 0)
        h += HLS_MAX;
      if (h > HLS_MAX)
        h -= HLS_MAX;
    }

  if (tint < 0)
    tinted = l * (1 + tint);
  else
    tinted = l * (1 - tint) + (HLS_MAX - HLS_MAX * (1 - tint));
  l = CLAMP ((int) tinted, 0, HLS_MAX);

  if (s == 0)
    r = g = b = l * RGB_MAX / HLS_MAX;
  else
    {
      int magic2 = l <= HLS_MAX / 2 ? (l * (HLS_MAX + s) + HLS_MAX / 2) / HLS_MAX
                                    : l + s - (l * s + HLS_MAX / 2) / HLS_MAX;
      int magic1 = 2 * l - magic2;

      r = (hue_to_rgb (magic1, magic2, h + HLS_MAX / 3) * RGB_MAX + HLS_MAX / 2) / HLS_MAX;
      g = (hue_to_rgb (magic1, magic2, h) * RGB_MAX + HLS_MAX / 2) / HLS_MAX;
      b = (hue_to_rgb (magic1, magic2, h - HLS_MAX / 3) * RGB_MAX + HLS_MAX / 2) / HLS_MAX;
    }
  return to_channel (r) << 16 | to_channel (g) << 8 | to_channel (b);
}

/* Styles ------------------------------------------------------------------------------------ */

typedef struct {
  gboolean solid;
  Colour colour; /* the pattern's foreground, which is all a solid fill shows */
} Fill;

typedef struct {
  GHashTable *formats; /* numFmtId -> format code */
  GArray *xf_formats;  /* cellXfs index -> numFmtId */
  GArray *xf_fills;    /* cellXfs index -> fillId (guint) */
  GArray *fills;       /* Fill, by fillId */
  GArray *palette;     /* guint32: the workbook's own indexedColors, when it has them */
  guint32 theme[N_THEME_COLOURS];
  gboolean in_cell_xfs;
  gboolean in_fills;
  gboolean in_pattern;
  gboolean in_indexed_colors;
} Styles;

#define MAX_STYLES 100000

static void
styles_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                 const char **values, gpointer data, GError **error)
{
  Styles *styles = data;
  const char *local = local_name (element);

  if (strcmp (local, "numFmt") == 0)
    {
      const char *id = find_attribute (names, values, "numFmtId");
      const char *code = find_attribute (names, values, "formatCode");

      if (id != NULL && code != NULL && g_hash_table_size (styles->formats) < 10000)
        g_hash_table_replace (styles->formats, GINT_TO_POINTER (atoi (id)), g_strdup (code));
    }
  else if (strcmp (local, "cellXfs") == 0)
    styles->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && styles->in_cell_xfs &&
           styles->xf_formats->len < MAX_STYLES)
    {
      const char *id = find_attribute (names, values, "numFmtId");
      const char *fill = find_attribute (names, values, "fillId");
      int format_id = id ? atoi (id) : 0;
      guint fill_id = fill ? (guint) MIN (g_ascii_strtoull (fill, NULL, 10), G_MAXUINT) : 0;

      g_array_append_val (styles->xf_formats, format_id);
      g_array_append_val (styles->xf_fills, fill_id);
    }
  /* Conditional formats (<dxfs>) have fills too; only <fills> belong to cells. */
  else if (strcmp (local, "fills") == 0)
    styles->in_fills = TRUE;
  else if (strcmp (local, "fill") == 0 && styles->in_fills && styles->fills->len < MAX_STYLES)
    {
      Fill fill = { FALSE, { COLOUR_NONE, 0, 0 } };

      g_array_append_val (styles->fills, fill);
    }
  else if (strcmp (local, "patternFill") == 0 && styles->in_fills && styles->fills->len > 0)
    {
      const char *pattern = find_attribute (names, values, "patternType");

      styles->in_pattern = TRUE;
      g_array_index (styles->fills, Fill, styles->fills->len - 1).solid =
        g_strcmp0 (pattern, "solid") == 0;
    }
  else if (strcmp (local, "fgColor") == 0 && styles->in_pattern)
    {
      Fill *fill = &g_array_index (styles->fills, Fill, styles->fills->len - 1);

      parse_colour (names, values, &fill->colour);
    }
  else if (strcmp (local, "indexedColors") == 0)
    styles->in_indexed_colors = TRUE;
  else if (strcmp (local, "rgbColor") == 0 && styles->in_indexed_colors &&
           styles->palette->len < G_N_ELEMENTS (legacy_palette))
    {
      guint32 rgb = 0;

      parse_rgb (find_attribute (names, values, "rgb"), &rgb);
      g_array_append_val (styles->palette, rgb);
    }
}

static void
styles_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Styles *styles = data;
  const char *local = local_name (element);

  if (strcmp (local, "cellXfs") == 0)
    styles->in_cell_xfs = FALSE;
  else if (strcmp (local, "fills") == 0)
    styles->in_fills = FALSE;
  else if (strcmp (local, "patternFill") == 0)
    styles->in_pattern = FALSE;
  else if (strcmp (local, "indexedColors") == 0)
    styles->in_indexed_colors = FALSE;
}

static const GMarkupParser styles_parser = { styles_start_cb, styles_end_cb, NULL,
                                             passthrough_cb, NULL };

static gboolean
resolve_colour (Styles *styles, const Colour *colour, guint32 *rgb)
{
  guint32 base;

  switch (colour->kind)
    {
    case COLOUR_RGB:
      base = colour->value;
      break;
    case COLOUR_INDEXED:
      if (colour->value < styles->palette->len)
        base = g_array_index (styles->palette, guint32, colour->value);
      else if (colour->value < G_N_ELEMENTS (legacy_palette))
        base = legacy_palette[colour->value];
      else
        return FALSE;
      break;
    case COLOUR_THEME:
      if (colour->value >= N_THEME_COLOURS)
        return FALSE;
      base = styles->theme[colour->value];
      break;
    case COLOUR_AUTO:
      base = 0x000000;
      break;
    case COLOUR_NONE:
    default:
      return FALSE;
    }
  *rgb = apply_tint (base, colour->tint);
  return TRUE;
}

/* The solid fill of a cell style, if it has one. */
static gboolean
style_fill (Styles *styles, int style, guint32 *rgb)
{
  guint fill_id;
  const Fill *fill;

  if (style < 0 || (guint) style >= styles->xf_fills->len)
    return FALSE;
  fill_id = g_array_index (styles->xf_fills, guint, style);
  if (fill_id >= styles->fills->len)
    return FALSE;
  fill = &g_array_index (styles->fills, Fill, fill_id);
  return fill->solid && resolve_colour (styles, &fill->colour, rgb);
}

/* The theme ---------------------------------------------------------------------------------
 * Only its colour scheme matters here: the first <a:clrScheme>, each slot an sRGB colour or a
 * system colour with the value it last had. */

typedef struct {
  Styles *styles;
  gboolean in_scheme;
  gboolean scheme_read;
  int slot;
} ThemeParse;

static void
theme_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  ThemeParse *theme = data;
  const char *local = local_name (element);

  if (strcmp (local, "clrScheme") == 0 && !theme->scheme_read)
    {
      theme->in_scheme = TRUE;
      return;
    }
  if (!theme->in_scheme)
    return;
  for (int i = 0; i < N_THEME_COLOURS; i++)
    if (strcmp (local, theme_slots[i]) == 0)
      {
        theme->slot = i;
        return;
      }
  if (theme->slot >= 0 && (strcmp (local, "srgbClr") == 0 || strcmp (local, "sysClr") == 0))
    {
      const char *value = find_attribute (names, values,
                                          strcmp (local, "srgbClr") == 0 ? "val" : "lastClr");
      guint32 rgb;

      if (value != NULL && parse_rgb (value, &rgb))
        theme->styles->theme[theme->slot] = rgb;
    }
}

static void
theme_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  ThemeParse *theme = data;
  const char *local = local_name (element);

  if (strcmp (local, "clrScheme") == 0 && theme->in_scheme)
    {
      theme->in_scheme = FALSE;
      theme->scheme_read = TRUE;
    }
  else if (theme->slot >= 0 && strcmp (local, theme_slots[theme->slot]) == 0)
    theme->slot = -1;
}

static const GMarkupParser theme_parser = { theme_start_cb, theme_end_cb, NULL, passthrough_cb,
                                            NULL };

/* The worksheet ----------------------------------------------------------------------------- */

typedef enum {
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_BOOLEAN,
  CELL_STRING, /* a formula's text result, or an error such as #N/A */
  CELL_DATE,   /* ISO 8601 text (t="d") */
} CellType;

typedef struct {
  guint column;
  guint32 rgb;
} PendingFill;

typedef struct {
  const char *display_name;
  PathwaySheetBuilder *builder;
  GPtrArray *shared;   /* char * */
  Styles *styles;
  gboolean date1904;

  gboolean in_sheet_data;
  guint row_number;    /* of the <row> being read */
  gboolean row_begun;  /* in the builder: only rows with text are */
  gboolean row_hidden;
  GArray *row_fills;   /* PendingFill: given to the row at its end, if it has text by then */
  guint next_column;   /* for cells without a reference */
  guint last_row_begun;

  gboolean in_cell;
  guint column;
  CellType type;
  int style;
  gboolean in_value;   /* <v> */
  gboolean in_text;    /* <is>...<t> */
  int phonetic_depth;
  GString *value;
} SheetParse;

/* "BC12" -> column 54 (from 0) and row 12. Returns FALSE for anything else. */
static gboolean
parse_cell_reference (const char *ref, guint *column, guint *row)
{
  guint c = 0, r = 0;
  const char *p = ref;

  if (*p == '$')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > 20000)
        return FALSE;
    }
  if (*p == '$')
    p++;
  if (!g_ascii_isdigit (*p) && *p != '\0')
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint) (*p - '0');
      if (r > 10000000)
        return FALSE;
    }
  *column = c - 1;
  *row = r;
  return TRUE;
}

/* "A1:C3" -> a range. A single cell is not one. */
static gboolean
parse_range (const char *ref, PathwaySheetRange *range)
{
  const char *colon = ref ? strchr (ref, ':') : NULL;
  g_autofree char *first = NULL;
  guint first_column, first_row, last_column, last_row;

  if (colon == NULL)
    return FALSE;
  first = g_strndup (ref, colon - ref);
  if (!parse_cell_reference (first, &first_column, &first_row) ||
      !parse_cell_reference (colon + 1, &last_column, &last_row) || first_row == 0 ||
      last_row == 0)
    return FALSE;
  range->first_row_number = first_row;
  range->last_row_number = last_row;
  range->first_column = first_column;
  range->last_column = last_column;
  return TRUE;
}

static void
sheet_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  SheetParse *parse = data;
  const char *local = local_name (element);

  if (strcmp (local, "sheetData") == 0)
    parse->in_sheet_data = TRUE;
  else if (!parse->in_sheet_data)
    {
      /* Before the rows: <cols>, which may hide columns; after them: <mergeCells>. */
      if (strcmp (local, "col") == 0 && xml_true (find_attribute (names, values, "hidden")))
        {
          const char *min = find_attribute (names, values, "min");
          const char *max = find_attribute (names, values, "max");
          guint64 first = min ? g_ascii_strtoull (min, NULL, 10) : 0;
          guint64 last = max ? g_ascii_strtoull (max, NULL, 10) : first;

          if (first >= 1 && last >= first)
            pathway_sheet_builder_set_columns_hidden (parse->builder, (guint) (first - 1),
                                                      (guint) MIN (last - 1, G_MAXUINT));
        }
      else if (strcmp (local, "mergeCell") == 0)
        {
          PathwaySheetRange range;

          if (parse_range (find_attribute (names, values, "ref"), &range))
            pathway_sheet_builder_add_merge (parse->builder, &range, error);
        }
    }
  else if (strcmp (local, "row") == 0)
    {
      const char *r = find_attribute (names, values, "r");
      guint number = r ? (guint) MIN (g_ascii_strtoull (r, NULL, 10), G_MAXUINT) : 0;

      parse->row_number = number > 0 ? number : parse->row_number + 1;
      parse->row_begun = FALSE;
      parse->row_hidden = xml_true (find_attribute (names, values, "hidden"));
      g_array_set_size (parse->row_fills, 0);
      parse->next_column = 0;
    }
  else if (strcmp (local, "c") == 0)
    {
      const char *ref = find_attribute (names, values, "r");
      const char *t = find_attribute (names, values, "t");
      const char *s = find_attribute (names, values, "s");
      guint column, row;

      parse->in_cell = TRUE;
      if (ref != NULL && parse_cell_reference (ref, &column, &row))
        parse->column = column;
      else
        parse->column = parse->next_column;
      parse->next_column = parse->column + 1;
      parse->style = s ? atoi (s) : 0;
      if (t == NULL || strcmp (t, "n") == 0)
        parse->type = CELL_NUMBER;
      else if (strcmp (t, "s") == 0)
        parse->type = CELL_SHARED;
      else if (strcmp (t, "inlineStr") == 0)
        parse->type = CELL_INLINE;
      else if (strcmp (t, "b") == 0)
        parse->type = CELL_BOOLEAN;
      else if (strcmp (t, "d") == 0)
        parse->type = CELL_DATE;
      else
        parse->type = CELL_STRING;
      g_string_truncate (parse->value, 0);
    }
  else if (!parse->in_cell)
    return;
  else if (strcmp (local, "v") == 0)
    {
      parse->in_value = TRUE;
      g_string_truncate (parse->value, 0);
    }
  else if (strcmp (local, "rPh") == 0)
    parse->phonetic_depth++;
  else if (strcmp (local, "t") == 0 && parse->type == CELL_INLINE)
    parse->in_text = TRUE;
}

/* The format code of a cell's style when it shows a date, else NULL (and *format_id 0). */
static gboolean
style_is_date (SheetParse *parse, int *format_id, const char **code)
{
  if (parse->styles == NULL || parse->style < 0 ||
      (guint) parse->style >= parse->styles->xf_formats->len)
    return FALSE;
  *format_id = g_array_index (parse->styles->xf_formats, int, parse->style);
  *code = g_hash_table_lookup (parse->styles->formats, GINT_TO_POINTER (*format_id));
  return pathway_number_format_is_date (*format_id, *code);
}

static char *
cell_text (SheetParse *parse, GError **error)
{
  const char *v = parse->value->str;
  int format_id = 0;
  const char *code = NULL;

  switch (parse->type)
    {
    case CELL_SHARED:
      {
        char *end = NULL;
        guint64 index;

        errno = 0;
        index = g_ascii_strtoull (v, &end, 10);
        if (*v == '\0')
          return g_strdup ("");
        if (errno != 0 || end == v || *end != '\0' || index >= parse->shared->len)
          {
            g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                         _("%s is damaged: a cell in row %u refers to shared string %s, which "
                           "does not exist."), parse->display_name, parse->row_number, v);
            return NULL;
          }
        return g_strdup (g_ptr_array_index (parse->shared, index));
      }
    case CELL_BOOLEAN:
      return g_strdup (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0 ? "TRUE"
                                                                                   : "FALSE");
    case CELL_DATE:
      {
        int y = 0, m = 0, d = 0;

        if (sscanf (v, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, d, m, y);
            if (!style_is_date (parse, &format_id, &code))
              format_id = 14, code = NULL;
            {
              char *text = pathway_number_format_date (pathway_number_format_serial (&date),
                                                       format_id, code);
              if (text != NULL)
                return text;
            }
          }
        return g_strdup (v);
      }
    case CELL_NUMBER:
      {
        char *end = NULL;
        double number;

        g_strstrip (parse->value->str);
        g_string_set_size (parse->value, strlen (parse->value->str));
        if (*v == '\0')
          return g_strdup ("");
        number = g_ascii_strtod (v, &end);
        if (end == v || *end != '\0')
          return g_strdup (v);
        if (style_is_date (parse, &format_id, &code))
          {
            char *text = pathway_number_format_date (number + (parse->date1904 ? 1462 : 0),
                                                     format_id, code);

            if (text != NULL)
              return text;
          }
        return pathway_number_format_general (number);
      }
    case CELL_INLINE:
    case CELL_STRING:
    default:
      return g_strdup (v);
    }
}

static void
sheet_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  SheetParse *parse = data;
  const char *local = local_name (element);

  if (strcmp (local, "sheetData") == 0)
    parse->in_sheet_data = FALSE;
  else if (strcmp (local, "v") == 0)
    parse->in_value = FALSE;
  else if (strcmp (local, "t") == 0)
    parse->in_text = FALSE;
  else if (strcmp (local, "rPh") == 0 && parse->phonetic_depth > 0)
    parse->phonetic_depth--;
  else if (strcmp (local, "row") == 0 && parse->in_sheet_data)
    {
      /* Only now is it known whether the row has text, and so is kept. */
      if (!parse->row_begun)
        return;
      if (parse->row_hidden)
        pathway_sheet_builder_set_row_hidden (parse->builder);
      for (guint i = 0; i < parse->row_fills->len; i++)
        {
          const PendingFill *fill = &g_array_index (parse->row_fills, PendingFill, i);

          pathway_sheet_builder_set_fill (parse->builder, fill->column, fill->rgb);
        }
    }
  else if (strcmp (local, "c") == 0 && parse->in_cell)
    {
      g_autofree char *text = cell_text (parse, error);
      PendingFill fill = { parse->column, 0 };

      parse->in_cell = FALSE;
      /* A fill past the last column we read is nothing we would show. */
      if (fill.column < PATHWAY_SHEET_MAX_COLUMNS &&
          parse->row_fills->len < PATHWAY_SHEET_MAX_COLUMNS &&
          style_fill (parse->styles, parse->style, &fill.rgb))
        g_array_append_val (parse->row_fills, fill);
      if (text == NULL || *text == '\0')
        return;
      if (!parse->row_begun)
        {
          if (parse->row_number <= parse->last_row_begun)
            {
              g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                           _("%s is damaged: its row %u comes after a later row."),
                           parse->display_name, parse->row_number);
              return;
            }
          if (!pathway_sheet_builder_begin_row (parse->builder, parse->row_number, error))
            return;
          parse->row_begun = TRUE;
          parse->last_row_begun = parse->row_number;
        }
      pathway_sheet_builder_set_cell (parse->builder, parse->column, text, strlen (text), error);
    }
}

static void
sheet_text_cb (GMarkupParseContext *context, const char *text, gsize length, gpointer data,
               GError **error)
{
  SheetParse *parse = data;

  if (!parse->in_cell || parse->phonetic_depth > 0 || (!parse->in_value && !parse->in_text))
    return;
  if (parse->value->len + length > PATHWAY_SHEET_MAX_CELL_LENGTH)
    {
      pathway_sheet_set_limit_error (error, parse->display_name,
                                     _("the length of one cell in bytes"),
                                     PATHWAY_SHEET_MAX_CELL_LENGTH);
      return;
    }
  if (parse->in_text)
    append_ooxml_text (parse->value, text, length);
  else
    g_string_append_len (parse->value, text, (gssize) length);
}

static const GMarkupParser sheet_parser = { sheet_start_cb, sheet_end_cb, sheet_text_cb,
                                            passthrough_cb, NULL };

/* Reading a workbook ------------------------------------------------------------------------- */

static const SheetEntry *
choose_sheet (Workbook *workbook, const char *sheet_name, const char *display_name,
              GError **error)
{
  guint n = workbook->sheets->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree gboolean *hidden = g_new0 (gboolean, n + 1);
  int chosen;

  for (guint i = 0; i < n; i++)
    {
      const SheetEntry *entry = g_ptr_array_index (workbook->sheets, i);

      names[i] = entry->name;
      hidden[i] = entry->hidden;
    }
  chosen = pathway_sheet_choose (names, hidden, n, sheet_name, display_name, error);
  return chosen < 0 ? NULL : g_ptr_array_index (workbook->sheets, chosen);
}

/* Reads the part a workbook relationship of this type names, if there is one. */
static gboolean
parse_related (PathwaySheetPackage *package, GPtrArray *rels, const char *workbook_dir,
               const char *type, const GMarkupParser *parser, gpointer data, GError **error)
{
  const Relationship *rel = find_rel (rels, NULL, type);
  g_autofree char *path = rel ? resolve_target (workbook_dir, rel->target) : NULL;
  g_autoptr(GError) local_error = NULL;

  if (path == NULL ||
      pathway_sheet_package_parse (package, path, parser, data, TRUE, &local_error) ||
      local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

PathwaySheet *
pathway_sheet_read_xlsx (GBytes *bytes, const char *display_name, const char *sheet_name,
                         GError **error)
{
  g_autoptr(PathwaySheetPackage) package = NULL;
  Workbook workbook = { 0 };
  Styles styles = { 0 };
  ThemeParse theme = { &styles, FALSE, FALSE, -1 };
  SharedStrings sst = { 0 };
  SheetParse parse = { 0 };
  g_autofree char *workbook_path = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *sheet_path = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GError) local_error = NULL;
  const SheetEntry *entry;
  const Relationship *rel;
  PathwaySheet *sheet = NULL;

  package = pathway_sheet_package_open (bytes, display_name, error);
  if (package == NULL)
    return NULL;

  styles.formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  styles.xf_formats = g_array_new (FALSE, FALSE, sizeof (int));
  styles.xf_fills = g_array_new (FALSE, FALSE, sizeof (guint));
  styles.fills = g_array_new (FALSE, FALSE, sizeof (Fill));
  styles.palette = g_array_new (FALSE, FALSE, sizeof (guint32));
  memcpy (styles.theme, office_theme, sizeof styles.theme);
  sst.display_name = display_name;
  sst.strings = g_ptr_array_new_with_free_func (g_free);
  sst.current = g_string_new (NULL);
  parse.value = g_string_new (NULL);
  parse.row_fills = g_array_new (FALSE, FALSE, sizeof (PendingFill));

  if (!open_workbook (package, &workbook, &workbook_path, &rels, &local_error))
    goto out;
  entry = choose_sheet (&workbook, sheet_name, display_name, &local_error);
  if (entry == NULL)
    goto out;
  workbook_dir = dir_of (workbook_path);

  rel = entry->rel_id ? find_rel (rels, entry->rel_id, NULL) : NULL;
  sheet_path = rel ? resolve_target (workbook_dir, rel->target) : NULL;
  if (sheet_path == NULL)
    {
      malformed (&local_error, display_name, _("it does not say where its sheet is"));
      goto out;
    }

  if (!parse_related (package, rels, workbook_dir, "sharedStrings", &sst_parser, &sst,
                      &local_error) ||
      !parse_related (package, rels, workbook_dir, "theme", &theme_parser, &theme,
                      &local_error) ||
      !parse_related (package, rels, workbook_dir, "styles", &styles_parser, &styles,
                      &local_error))
    goto out;

  parse.display_name = display_name;
  parse.builder = pathway_sheet_builder_new (display_name);
  parse.shared = sst.strings;
  parse.styles = &styles;
  parse.date1904 = workbook.date1904;
  if (!pathway_sheet_package_parse (package, sheet_path, &sheet_parser, &parse, FALSE,
                                    &local_error))
    {
      g_clear_pointer (&parse.builder, pathway_sheet_builder_free);
      goto out;
    }
  {
    g_autofree char *name = g_utf8_make_valid (entry->name ? entry->name : "", -1);

    sheet = pathway_sheet_builder_finish (g_steal_pointer (&parse.builder),
                                          PATHWAY_SHEET_FORMAT_XLSX, name, NULL, 0,
                                          &local_error);
  }

out:
  g_clear_pointer (&workbook.sheets, g_ptr_array_unref);
  g_hash_table_unref (styles.formats);
  g_array_unref (styles.xf_formats);
  g_array_unref (styles.xf_fills);
  g_array_unref (styles.fills);
  g_array_unref (styles.palette);
  g_ptr_array_unref (sst.strings);
  g_string_free (sst.current, TRUE);
  g_string_free (parse.value, TRUE);
  g_array_unref (parse.row_fills);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return sheet;
}
