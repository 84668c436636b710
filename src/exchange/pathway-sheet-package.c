/* pathway-sheet-package.c: the zip package an XLSX or an ODS file is, opened from memory with
 * libzip, and its XML parts parsed with GMarkup, which never loads a DTD nor expands an entity
 * of the file's own; a part with a DOCTYPE is refused outright. Every part is read in pieces
 * against limits: its size, the size of all parts read, and how far it expands beyond its
 * compressed size (whatever its header claims), so a zip bomb stops after a few megabytes with
 * a message naming the limit. Both readers (pathway-sheet-xlsx.c, pathway-sheet-ods.c) read
 * their parts through here, so the limits are the same for both. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "pathway-exchange-private.h"

/* An entry this small may expand as far as it likes: the ratio only matters for big ones. */
#define RATIO_FLOOR (1024 * 1024)
#define READ_CHUNK (64 * 1024)

struct _PathwaySheetPackage
{
  char *display_name;
  zip_t *zip;
  guint64 total_read; /* bytes of all entries read so far, uncompressed */
};

/* 'what' may quote the file (a part's name, the XML parser's report of bad bytes): it is
 * made valid UTF-8 before it reaches a message. */
gboolean
pathway_sheet_set_malformed_error (GError **error, const char *display_name, const char *what)
{
  g_autofree char *valid = g_utf8_make_valid (what, -1);

  g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
               _("%s is not a workbook Pathway can read: %s. Open it in Excel or LibreOffice "
                 "and save it again as an Excel Workbook (.xlsx) or CSV."),
               display_name, valid);
  return FALSE;
}

const char *
pathway_sheet_xml_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

const char *
pathway_sheet_xml_attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (pathway_sheet_xml_local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

/* The passthrough handler sees what GMarkup does not interpret: comments, processing
 * instructions and a DOCTYPE. A DOCTYPE in a workbook part is never needed and is how entity
 * expansion attacks start, so it is refused. */
void
pathway_sheet_xml_passthrough_cb (GMarkupParseContext *context, const char *text, gsize length,
                                  gpointer data, GError **error)
{
  if (length >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         "DOCTYPE refused");
}

PathwaySheetPackage *
pathway_sheet_package_open (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr(PathwaySheetPackage) package = g_new0 (PathwaySheetPackage, 1);
  zip_error_t zip_error;
  zip_source_t *source;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  package->display_name = g_strdup (display_name);
  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, size, 0, &zip_error);
  if (source == NULL)
    {
      pathway_sheet_set_malformed_error (error, display_name, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  package->zip = zip_open_from_source (source, ZIP_RDONLY, &zip_error);
  if (package->zip == NULL)
    {
      zip_source_free (source);
      pathway_sheet_set_malformed_error (error, display_name, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);
  return g_steal_pointer (&package);
}

void
pathway_sheet_package_free (PathwaySheetPackage *package)
{
  if (package == NULL)
    return;
  if (package->zip != NULL)
    zip_discard (package->zip);
  g_free (package->display_name);
  g_free (package);
}

const char *
pathway_sheet_package_get_display_name (PathwaySheetPackage *package)
{
  return package->display_name;
}

gboolean
pathway_sheet_package_has_part (PathwaySheetPackage *package, const char *name)
{
  return zip_name_locate (package->zip, name, ZIP_FL_NOCASE) >= 0;
}

static gboolean
set_password_error (GError **error, const char *display_name)
{
  g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_FORMAT,
               _("%s is protected with a password. Save a copy without the password, then "
                 "import that."), display_name);
  return FALSE;
}

/* Opens an entry for reading after checking what its header says; *allowed is how many bytes
 * it may give. A missing entry gives NULL with no error when 'optional'. */
static zip_file_t *
open_entry (PathwaySheetPackage *package, const char *name, gboolean optional,
            guint64 *allowed, GError **error)
{
  zip_int64_t index;
  zip_stat_t st;
  zip_file_t *file;

  index = zip_name_locate (package->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      g_autofree char *what = NULL;

      if (optional)
        return NULL;
      what = g_strdup_printf (_("its part %s is missing"), name);
      pathway_sheet_set_malformed_error (error, package->display_name, what);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (package->zip, (zip_uint64_t) index, 0, &st) != 0)
    {
      pathway_sheet_set_malformed_error (error, package->display_name,
                                         _("its table of contents is damaged"));
      return NULL;
    }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      set_password_error (error, package->display_name);
      return NULL;
    }

  /* The sizes in the header are checked first, but they may lie: the bytes actually read are
   * counted against the same limits. */
  if ((st.valid & ZIP_STAT_SIZE) && st.size > PATHWAY_SHEET_MAX_ENTRY_SIZE)
    {
      g_autofree char *what = g_strdup_printf (_("the uncompressed size of its part %s"), name);

      pathway_sheet_set_limit_error (error, package->display_name, what,
                                     PATHWAY_SHEET_MAX_ENTRY_SIZE);
      return NULL;
    }
  *allowed = PATHWAY_SHEET_MAX_ENTRY_SIZE;
  if (st.valid & ZIP_STAT_COMP_SIZE)
    *allowed = MIN (*allowed, MAX ((guint64) RATIO_FLOOR,
                                   (guint64) st.comp_size * PATHWAY_SHEET_MAX_RATIO));
  if ((st.valid & ZIP_STAT_SIZE) && st.size > *allowed)
    {
      g_autofree char *what = g_strdup_printf (_("how many times its part %s expands beyond "
                                                 "its compressed size"), name);

      pathway_sheet_set_limit_error (error, package->display_name, what,
                                     PATHWAY_SHEET_MAX_RATIO);
      return NULL;
    }

  file = zip_fopen_index (package->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      zip_error_t *zip_error = zip_get_error (package->zip);

      if (zip_error_code_zip (zip_error) == ZIP_ER_NOPASSWD ||
          zip_error_code_zip (zip_error) == ZIP_ER_ENCRNOTSUPP)
        set_password_error (error, package->display_name);
      else
        pathway_sheet_set_malformed_error (error, package->display_name,
                                           zip_error_strerror (zip_error));
      return NULL;
    }
  return file;
}

/* Reads the next piece of an entry, counting it against the limits. Returns the number of
 * bytes read, 0 at the end, or -1 with the error set. */
static zip_int64_t
read_piece (PathwaySheetPackage *package, zip_file_t *file, const char *name, char *buffer,
            guint64 allowed, guint64 *read_here, GError **error)
{
  zip_int64_t n = zip_fread (file, buffer, READ_CHUNK);

  if (n < 0)
    {
      g_autofree char *what = g_strdup_printf (_("its part %s is damaged (%s)"), name,
                                               zip_file_strerror (file));

      pathway_sheet_set_malformed_error (error, package->display_name, what);
      return -1;
    }
  *read_here += (guint64) n;
  package->total_read += (guint64) n;
  if (*read_here > allowed)
    {
      g_autofree char *what = NULL;

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
      return -1;
    }
  if (package->total_read > PATHWAY_SHEET_MAX_TOTAL_SIZE)
    {
      pathway_sheet_set_limit_error (error, package->display_name,
                                     _("the uncompressed size of the parts read"),
                                     PATHWAY_SHEET_MAX_TOTAL_SIZE);
      return -1;
    }
  return n;
}

gboolean
pathway_sheet_package_parse (PathwaySheetPackage *package, const char *name,
                             const GMarkupParser *parser, gpointer data, gboolean optional,
                             GError **error)
{
  zip_file_t *file;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 read_here = 0, allowed = 0;

  file = open_entry (package, name, optional, &allowed, error);
  if (file == NULL)
    return FALSE;

  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, data, NULL);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      zip_int64_t n = read_piece (package, file, name, buffer, allowed, &read_here, error);

      if (n < 0)
        {
          zip_fclose (file);
          return FALSE;
        }
      if (n == 0)
        break;
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
      return pathway_sheet_set_malformed_error (error, package->display_name, what);
    }
  return TRUE;
}

char *
pathway_sheet_package_read_text (PathwaySheetPackage *package, const char *name, gsize max_size)
{
  zip_file_t *file;
  g_autofree char *buffer = NULL;
  GString *text = g_string_new (NULL);
  guint64 read_here = 0, allowed = 0;

  file = open_entry (package, name, TRUE, &allowed, NULL);
  if (file == NULL)
    return g_string_free (text, TRUE);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      zip_int64_t n = read_piece (package, file, name, buffer, allowed, &read_here, NULL);

      if (n <= 0 || text->len + (gsize) n > max_size)
        {
          zip_fclose (file);
          if (n == 0)
            return g_string_free (text, FALSE);
          return g_string_free (text, TRUE);
        }
      g_string_append_len (text, buffer, (gssize) n);
    }
}
