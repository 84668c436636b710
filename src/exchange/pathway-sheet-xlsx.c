/* pathway-sheet-xlsx.c: reads one worksheet of an XLSX workbook. The zip is opened from memory
 * with libzip; the parts are found the way Excel finds them (the package's relationships name
 * the workbook, the workbook's name its sheets, shared strings and styles) and parsed with
 * GMarkup, which never loads a DTD nor expands an entity of the file's own; a part with a
 * DOCTYPE is refused outright. Every part is read in pieces against limits: its size, the
 * size of all parts read, and how far it expands beyond its compressed size (whatever its
 * header claims), so a zip bomb stops after a few megabytes with a message naming the limit.
 *
 * Cells become text as Excel shows them: shared strings (rich text runs joined, phonetic
 * guides left out), inline strings, booleans, numbers in General format, and numbers whose
 * style has a date format shown in that format (pathway-number-format.c). */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "pathway-exchange-private.h"

/* An entry this small may expand as far as it likes: the ratio only matters for big ones. */
#define RATIO_FLOOR (1024 * 1024)
#define READ_CHUNK (64 * 1024)

typedef struct {
  const char *display_name;
  zip_t *zip;
  guint64 total_read; /* bytes of all entries read so far, uncompressed */
} Package;

/* 'what' may quote the file (a part's name, the XML parser's report of bad bytes): it is
 * made valid UTF-8 before it reaches a message. */
static gboolean
malformed (GError **error, const char *display_name, const char *what)
{
  g_autofree char *valid = g_utf8_make_valid (what, -1);

  g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
               _("%s is not a workbook Pathway can read: %s. Open it in Excel or LibreOffice "
                 "and save it again as an Excel Workbook (.xlsx) or CSV."),
               display_name, valid);
  return FALSE;
}

/* Element and attribute names without their namespace prefix: some writers use "x:c". */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

static const char *
find_attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

/* The passthrough handler sees what GMarkup does not interpret: comments, processing
 * instructions and a DOCTYPE. A DOCTYPE in a workbook part is never needed and is how entity
 * expansion attacks start, so it is refused. */
static void
passthrough_cb (GMarkupParseContext *context, const char *text, gsize length, gpointer data,
                GError **error)
{
  if (length >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         "DOCTYPE refused");
}

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

/* Reading one part ------------------------------------------------------------------------ */

/* Parses the entry 'name' with 'parser'. A missing entry returns FALSE with no error when
 * 'optional'. */
static gboolean
parse_entry (Package *package, const char *name, const GMarkupParser *parser, gpointer data,
             gboolean optional, GError **error)
{
  zip_int64_t index;
  zip_stat_t st;
  zip_file_t *file;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 read_here = 0, allowed;

  index = zip_name_locate (package->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      if (optional)
        return FALSE;
      {
        g_autofree char *what = g_strdup_printf (_("its part %s is missing"), name);

        return malformed (error, package->display_name, what);
      }
    }

  zip_stat_init (&st);
  if (zip_stat_index (package->zip, (zip_uint64_t) index, 0, &st) != 0)
    return malformed (error, package->display_name, _("its table of contents is damaged"));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                   _("%s is protected with a password. Save a copy without the password, "
                     "then import that."), package->display_name);
      return FALSE;
    }

  /* The sizes in the header are checked first, but they may lie: the bytes actually read are
   * counted against the same limits below. */
  if ((st.valid & ZIP_STAT_SIZE) && st.size > PATHWAY_SHEET_MAX_ENTRY_SIZE)
    {
      g_autofree char *what = g_strdup_printf (_("the uncompressed size of its part %s"), name);

      pathway_sheet_set_limit_error (error, package->display_name, what,
                                     PATHWAY_SHEET_MAX_ENTRY_SIZE);
      return FALSE;
    }
  allowed = PATHWAY_SHEET_MAX_ENTRY_SIZE;
  if (st.valid & ZIP_STAT_COMP_SIZE)
    allowed = MIN (allowed, MAX ((guint64) RATIO_FLOOR,
                                 (guint64) st.comp_size * PATHWAY_SHEET_MAX_RATIO));
  if ((st.valid & ZIP_STAT_SIZE) && st.size > allowed)
    {
      g_autofree char *what = g_strdup_printf (_("how many times its part %s expands beyond "
                                                 "its compressed size"), name);

      pathway_sheet_set_limit_error (error, package->display_name, what,
                                     PATHWAY_SHEET_MAX_RATIO);
      return FALSE;
    }

  file = zip_fopen_index (package->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      zip_error_t *zip_error = zip_get_error (package->zip);

      if (zip_error_code_zip (zip_error) == ZIP_ER_NOPASSWD ||
          zip_error_code_zip (zip_error) == ZIP_ER_ENCRNOTSUPP)
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                       _("%s is protected with a password. Save a copy without the password, "
                         "then import that."), package->display_name);
          return FALSE;
        }
      return malformed (error, package->display_name, zip_error_strerror (zip_error));
    }

  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, data, NULL);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      zip_int64_t n = zip_fread (file, buffer, READ_CHUNK);

      if (n < 0)
        {
          g_autofree char *what = g_strdup_printf (_("its part %s is damaged (%s)"), name,
                                                   zip_file_strerror (file));

          zip_fclose (file);
          return malformed (error, package->display_name, what);
        }
      if (n == 0)
        break;
      read_here += (guint64) n;
      package->total_read += (guint64) n;
      if (read_here > allowed)
        {
          g_autofree char *what = NULL;

          zip_fclose (file);
          if (allowed < PATHWAY_SHEET_MAX_ENTRY_SIZE)
            {
              what = g_strdup_printf (_("how many times its part %s expands beyond its "
                                        "compressed size"), name);
              pathway_sheet_set_limit_error (error, package->display_name, what,
                                             PATHWAY_SHEET_MAX_RATIO);
            }
          else
            {
              what = g_strdup_printf (_("the uncompressed size of its part %s"), name);
              pathway_sheet_set_limit_error (error, package->display_name, what,
                                             PATHWAY_SHEET_MAX_ENTRY_SIZE);
            }
          return FALSE;
        }
      if (package->total_read > PATHWAY_SHEET_MAX_TOTAL_SIZE)
        {
          zip_fclose (file);
          pathway_sheet_set_limit_error (error, package->display_name,
                                         _("the uncompressed size of the parts read"),
                                         PATHWAY_SHEET_MAX_TOTAL_SIZE);
          return FALSE;
        }
      if (!g_markup_parse_context_parse (context, buffer, (gssize) n, &local_error))
        break;
    }
  zip_fclose (file);

  if (local_error == NULL)
    g_markup_parse_context_end_parse (context, &local_error);
  if (local_error != NULL)
    {
      g_autofree char *what = NULL;

      /* Our own errors (limits, bad indexes) come through GMarkup unchanged. */
      if (local_error->domain == PATHWAY_EXCHANGE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_error_matches (local_error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT) &&
          strstr (local_error->message, "DOCTYPE refused") != NULL)
        what = g_strdup_printf (_("its part %s has a document type declaration (DOCTYPE), "
                                  "which workbooks never need and which can be used to "
                                  "cause harm"), name);
      else
        what = g_strdup_printf (_("its part %s is not well-formed XML (%s)"), name,
                                local_error->message);
      return malformed (error, package->display_name, what);
    }
  return TRUE;
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
read_rels (Package *package, const char *name, GError **error)
{
  GPtrArray *rels = g_ptr_array_new_with_free_func (relationship_free);
  g_autoptr(GError) local_error = NULL;

  if (!parse_entry (package, name, &rels_parser, rels, TRUE, &local_error) && local_error != NULL)
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
open_workbook (Package *package, Workbook *workbook, char **workbook_path,
               GPtrArray **workbook_rels, GError **error)
{
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
    return malformed (error, package->display_name, _("it names its workbook wrongly"));
  if (zip_name_locate (package->zip, path, ZIP_FL_NOCASE) < 0)
    {
      if (zip_name_locate (package->zip, "content.xml", 0) >= 0)
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                       _("%s is an OpenDocument spreadsheet (.ods). In LibreOffice, save it as "
                         "Excel 2007-365 (.xlsx) or as CSV, then import that."),
                       package->display_name);
          return FALSE;
        }
      if (zip_name_locate (package->zip, "word/document.xml", 0) >= 0)
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
                       _("%s is a Word document, not a spreadsheet. Copy its table into a "
                         "spreadsheet and save that as .xlsx or CSV."), package->display_name);
          return FALSE;
        }
      return malformed (error, package->display_name, _("it has no workbook part"));
    }

  workbook->sheets = g_ptr_array_new_with_free_func (sheet_entry_free);
  if (!parse_entry (package, path, &workbook_parser, workbook, FALSE, error))
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

static gboolean
open_package (GBytes *bytes, const char *display_name, Package *package, GError **error)
{
  zip_error_t zip_error;
  zip_source_t *source;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  package->display_name = display_name;
  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, size, 0, &zip_error);
  if (source == NULL)
    {
      malformed (error, display_name, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return FALSE;
    }
  package->zip = zip_open_from_source (source, ZIP_RDONLY, &zip_error);
  if (package->zip == NULL)
    {
      zip_source_free (source);
      malformed (error, display_name, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return FALSE;
    }
  zip_error_fini (&zip_error);
  return TRUE;
}

static void
close_package (Package *package)
{
  if (package->zip != NULL)
    zip_discard (package->zip);
  package->zip = NULL;
}

char **
pathway_sheet_list_xlsx_sheets (GBytes *bytes, const char *display_name, GError **error)
{
  Package package = { 0 };
  Workbook workbook = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  GPtrArray *names = NULL;

  if (!open_package (bytes, display_name, &package, error))
    return NULL;
  if (open_workbook (&package, &workbook, &path, &rels, error))
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
  close_package (&package);
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

/* Styles ------------------------------------------------------------------------------------ */

typedef struct {
  GHashTable *formats; /* numFmtId -> format code */
  GArray *xf_formats;  /* cellXfs index -> numFmtId */
  gboolean in_cell_xfs;
} Styles;

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
  else if (strcmp (local, "xf") == 0 && styles->in_cell_xfs && styles->xf_formats->len < 100000)
    {
      const char *id = find_attribute (names, values, "numFmtId");
      int format_id = id ? atoi (id) : 0;

      g_array_append_val (styles->xf_formats, format_id);
    }
}

static void
styles_end_cb (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Styles *styles = data;

  if (strcmp (local_name (element), "cellXfs") == 0)
    styles->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start_cb, styles_end_cb, NULL,
                                             passthrough_cb, NULL };

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
  const char *display_name;
  PathwaySheetBuilder *builder;
  GPtrArray *shared;   /* char * */
  Styles *styles;
  gboolean date1904;

  gboolean in_sheet_data;
  guint row_number;    /* of the <row> being read */
  gboolean row_begun;  /* in the builder: only rows with text are */
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

  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > 20000)
        return FALSE;
    }
  if (*p != '$' && !g_ascii_isdigit (*p) && *p != '\0')
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

static void
sheet_start_cb (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  SheetParse *parse = data;
  const char *local = local_name (element);

  if (strcmp (local, "sheetData") == 0)
    parse->in_sheet_data = TRUE;
  else if (!parse->in_sheet_data)
    return;
  else if (strcmp (local, "row") == 0)
    {
      const char *r = find_attribute (names, values, "r");
      guint number = r ? (guint) MIN (g_ascii_strtoull (r, NULL, 10), G_MAXUINT) : 0;

      parse->row_number = number > 0 ? number : parse->row_number + 1;
      parse->row_begun = FALSE;
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
  else if (strcmp (local, "c") == 0 && parse->in_cell)
    {
      g_autofree char *text = cell_text (parse, error);

      parse->in_cell = FALSE;
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
  if (workbook->sheets->len == 0)
    {
      malformed (error, display_name, _("it has no worksheets"));
      return NULL;
    }
  if (sheet_name != NULL)
    {
      for (guint i = 0; i < workbook->sheets->len; i++)
        {
          const SheetEntry *entry = g_ptr_array_index (workbook->sheets, i);

          if (g_strcmp0 (entry->name, sheet_name) == 0)
            return entry;
        }
      for (guint i = 0; i < workbook->sheets->len; i++)
        {
          const SheetEntry *entry = g_ptr_array_index (workbook->sheets, i);

          if (entry->name != NULL && g_utf8_validate (entry->name, -1, NULL) &&
              g_utf8_validate (sheet_name, -1, NULL))
            {
              g_autofree char *a = g_utf8_casefold (entry->name, -1);
              g_autofree char *b = g_utf8_casefold (sheet_name, -1);

              if (strcmp (a, b) == 0)
                return entry;
            }
        }
      {
        GString *names = g_string_new (NULL);

        for (guint i = 0; i < workbook->sheets->len; i++)
          {
            const SheetEntry *entry = g_ptr_array_index (workbook->sheets, i);
            g_autofree char *valid = g_utf8_make_valid (entry->name ? entry->name : "", -1);

            g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", valid);
          }
        g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET,
                     _("%s has no sheet called “%s”. Its sheets are %s."), display_name,
                     sheet_name, names->str);
        g_string_free (names, TRUE);
        return NULL;
      }
    }
  /* The first sheet the user can see; the first of all when every one is hidden. */
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      const SheetEntry *entry = g_ptr_array_index (workbook->sheets, i);

      if (!entry->hidden)
        return entry;
    }
  return g_ptr_array_index (workbook->sheets, 0);
}

PathwaySheet *
pathway_sheet_read_xlsx (GBytes *bytes, const char *display_name, const char *sheet_name,
                         GError **error)
{
  Package package = { 0 };
  Workbook workbook = { 0 };
  Styles styles = { 0 };
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

  if (!open_package (bytes, display_name, &package, error))
    return NULL;

  styles.formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  styles.xf_formats = g_array_new (FALSE, FALSE, sizeof (int));
  sst.display_name = display_name;
  sst.strings = g_ptr_array_new_with_free_func (g_free);
  sst.current = g_string_new (NULL);
  parse.value = g_string_new (NULL);

  if (!open_workbook (&package, &workbook, &workbook_path, &rels, &local_error))
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

  rel = find_rel (rels, NULL, "sharedStrings");
  if (rel != NULL)
    {
      g_autofree char *path = resolve_target (workbook_dir, rel->target);

      if (path != NULL && !parse_entry (&package, path, &sst_parser, &sst, TRUE, &local_error) &&
          local_error != NULL)
        goto out;
    }
  rel = find_rel (rels, NULL, "styles");
  if (rel != NULL)
    {
      g_autofree char *path = resolve_target (workbook_dir, rel->target);

      if (path != NULL &&
          !parse_entry (&package, path, &styles_parser, &styles, TRUE, &local_error) &&
          local_error != NULL)
        goto out;
    }

  parse.display_name = display_name;
  parse.builder = pathway_sheet_builder_new (display_name);
  parse.shared = sst.strings;
  parse.styles = &styles;
  parse.date1904 = workbook.date1904;
  if (!parse_entry (&package, sheet_path, &sheet_parser, &parse, FALSE, &local_error))
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
  close_package (&package);
  g_clear_pointer (&workbook.sheets, g_ptr_array_unref);
  g_hash_table_unref (styles.formats);
  g_array_unref (styles.xf_formats);
  g_ptr_array_unref (sst.strings);
  g_string_free (sst.current, TRUE);
  g_string_free (parse.value, TRUE);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return sheet;
}
