/* pathway-pack-tags.c: the elements of a tagged PDF kept open across pages, and the update
 * that gives cairo 1.16's output what its API cannot write.
 *
 * Cairo 1.16 builds the structure tree from cairo_tag_begin and cairo_tag_end: an element
 * with children holds no content of its own (what is drawn while it is the innermost open
 * element is left unmarked), and only an element without children is marked content. So
 * content is always drawn inside a leaf (a heading, a paragraph, a cell, a figure), and what
 * belongs to no element (the running header and footer, rules, a repeated table header, the
 * draft mark) is drawn while only containers are open. A leaf never stays open across a page
 * break, since the next page's header would land in it.
 *
 * Cairo writes the StructElem dictionaries with /S, /P, /K and /Pg only (attributes of
 * structure tags are ignored) and has no call for the catalog's /Lang, so after it has
 * finished we append an incremental update (PDF 1.7, 7.5.6): the Figure elements with /Alt,
 * the header cells with their column scope and the catalog with /Lang again as new revisions
 * of the same objects, an xref section for them and a trailer whose /Prev points at cairo's
 * xref. */
#define G_LOG_DOMAIN "pathway-report"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pathway-error.h"
#include "pathway-pack-tags.h"

struct _PackTags {
  gboolean enabled;
  gboolean open[PACK_TAG_N_LEVELS];
  const char *names[PACK_TAG_N_LEVELS];
  gconstpointer keys[PACK_TAG_N_LEVELS];
  const char *leaf;
  GPtrArray *figures;
};

PackTags *
pack_tags_new (cairo_t *cr)
{
  PackTags *tags = g_new0 (PackTags, 1);

  tags->figures = g_ptr_array_new ();
  tags->enabled = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
  /* A Document first makes cairo write the catalog's /MarkInfo (a tagged PDF). */
  pack_tags_enter (tags, cr, PACK_TAG_DOCUMENT, "Document", NULL);
  return tags;
}

void
pack_tags_free (PackTags *tags)
{
  if (tags == NULL)
    return;
  g_ptr_array_unref (tags->figures);
  g_free (tags);
}

gboolean
pack_tags_enabled (PackTags *tags)
{
  return tags != NULL && tags->enabled;
}

void
pack_tags_leave (PackTags *tags, cairo_t *cr, PackTagLevel level)
{
  if (!pack_tags_enabled (tags))
    return;
  g_return_if_fail (tags->leaf == NULL);

  for (int i = PACK_TAG_N_LEVELS - 1; i >= (int) level; i--)
    if (tags->open[i])
      {
        cairo_tag_end (cr, tags->names[i]);
        tags->open[i] = FALSE;
        tags->names[i] = NULL;
        tags->keys[i] = NULL;
      }
}

void
pack_tags_enter (PackTags *tags, cairo_t *cr, PackTagLevel level, const char *name,
                 gconstpointer key)
{
  if (!pack_tags_enabled (tags))
    return;
  g_return_if_fail (tags->leaf == NULL);

  if (tags->open[level] && tags->keys[level] == key && strcmp (tags->names[level], name) == 0)
    return;
  pack_tags_leave (tags, cr, level);
  cairo_tag_begin (cr, name, NULL);
  tags->open[level] = TRUE;
  tags->names[level] = name;
  tags->keys[level] = key;
}

void
pack_tags_begin_leaf (PackTags *tags, cairo_t *cr, const char *name)
{
  if (!pack_tags_enabled (tags))
    return;
  g_return_if_fail (tags->leaf == NULL);

  cairo_tag_begin (cr, name, NULL);
  tags->leaf = name;
}

void
pack_tags_end_leaf (PackTags *tags, cairo_t *cr)
{
  if (!pack_tags_enabled (tags))
    return;
  g_return_if_fail (tags->leaf != NULL);

  cairo_tag_end (cr, tags->leaf);
  tags->leaf = NULL;
}

void
pack_tags_begin_figure (PackTags *tags, cairo_t *cr, gconstpointer block)
{
  if (!pack_tags_enabled (tags))
    return;
  pack_tags_begin_leaf (tags, cr, "Figure");
  g_ptr_array_add (tags->figures, (gpointer) block);
}

void
pack_tags_finish (PackTags *tags, cairo_t *cr)
{
  if (!pack_tags_enabled (tags))
    return;
  if (tags->leaf != NULL)
    pack_tags_end_leaf (tags, cr);
  pack_tags_leave (tags, cr, PACK_TAG_DOCUMENT);
}

const GPtrArray *
pack_tags_get_figures (PackTags *tags)
{
  return tags->figures;
}

/* The incremental update ------------------------------------------------------------------- */

/* The last occurrence of 'needle' in the first 'length' bytes of 'data', or NULL. */
static const char *
find_last (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = length >= n ? length - n + 1 : 0; at-- > 0;)
    if (memcmp (data + at, needle, n) == 0)
      return data + at;
  return NULL;
}

static const char *
find_from (const char *data, gsize length, const char *from, const char *needle)
{
  gsize n = strlen (needle);

  for (const char *at = from; at + n <= data + length; at++)
    if (memcmp (at, needle, n) == 0)
      return at;
  return NULL;
}

/* The number after 'key' in the trailer ("/Root 26 0 R": 26), or -1. */
static long
trailer_number (const char *trailer, const char *end, const char *key)
{
  const char *at = find_from (trailer, end - trailer, trailer, key);

  if (at == NULL)
    return -1;
  return strtol (at + strlen (key), NULL, 10);
}

/* One object of cairo's, "N 0 obj\n<< … >>\nendobj": its number and its dictionary without
 * the closing ">>", to be written again with more entries. */
typedef struct {
  long number;
  GString *dictionary;
} PdfObject;

static const char *
line_start (const char *data, const char *at)
{
  while (at > data && at[-1] != '\n')
    at--;
  return at;
}

static gboolean
read_object (const char *data, gsize length, const char *start, PdfObject *object)
{
  const char *body, *end, *close;

  object->number = strtol (start, NULL, 10);
  body = find_from (data, length, start, " 0 obj\n<<");
  if (body == NULL)
    return FALSE;
  body += strlen (" 0 obj\n");
  end = find_from (data, length, body, "\nendobj");
  if (end == NULL)
    return FALSE;
  close = find_last (body, end - body, ">>");
  if (close == NULL)
    return FALSE;
  object->dictionary = g_string_new_len (body, close - body);
  return TRUE;
}

/* A PDF text string: ASCII as a literal, anything else as UTF-16BE with its mark, in hex. */
static void
append_text_string (GString *out, const char *text)
{
  gboolean plain = TRUE;

  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || (guchar) *c > 0x7e)
      plain = FALSE;
  if (plain)
    {
      g_string_append_c (out, '(');
      for (const char *c = text; *c != '\0'; c++)
        {
          if (*c == '(' || *c == ')' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, ')');
    }
  else
    {
      glong n = 0;
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

      g_string_append (out, "<FEFF");
      for (glong i = 0; utf16 != NULL && i < n; i++)
        g_string_append_printf (out, "%04X", utf16[i]);
      g_string_append_c (out, '>');
    }
}

typedef struct {
  long number;
  gsize offset;
} XrefEntry;

/* How cairo 1.16 opens a Figure's and a header cell's element, after its number. */
#define FIGURE_START " 0 obj\n<< /Type /StructElem\n   /S /Figure\n"
#define HEADER_CELL_START " 0 obj\n<< /Type /StructElem\n   /S /TH\n"

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const XrefEntry *x = a, *y = b;

  return (x->number > y->number) - (x->number < y->number);
}

static void
append_object (GByteArray *pdf, GArray *entries, long number, GString *dictionary)
{
  XrefEntry entry = { number, pdf->len };
  g_autofree char *text = g_strdup_printf ("%ld 0 obj\n%s>>\nendobj\n", number, dictionary->str);

  g_array_append_val (entries, entry);
  g_byte_array_append (pdf, (const guint8 *) text, strlen (text));
}

gboolean
pack_tags_update_pdf (GByteArray *pdf, const char *lang, const char *const *alts,
                      guint n_alts, GError **error)
{
  const char *data = (const char *) pdf->data;
  gsize length = pdf->len;
  const char *trailer, *startxref, *at;
  long size, root, info, previous;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  g_autoptr(GArray) header_cells = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  PdfObject catalog = { 0, NULL };
  g_autofree char *catalog_start = NULL;

  trailer = find_last (data, length, "\ntrailer\n");
  startxref = find_last (data, length, "\nstartxref\n");
  if (trailer == NULL || startxref == NULL || startxref < trailer)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                           "no trailer");
      return FALSE;
    }
  size = trailer_number (trailer, startxref, "/Size ");
  root = trailer_number (trailer, startxref, "/Root ");
  info = trailer_number (trailer, startxref, "/Info ");
  previous = strtol (startxref + strlen ("\nstartxref\n"), NULL, 10);
  catalog_start = g_strdup_printf ("\n%ld 0 obj\n<< /Type /Catalog", root);
  at = find_from (data, length, data, catalog_start);
  if (size <= 0 || root <= 0 || previous <= 0 || at == NULL
      || !read_object (data, length, at + 1, &catalog))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                           "no catalog");
      return FALSE;
    }

  /* Every object read before anything is appended: appending may move the bytes. */
  for (at = data; (at = find_from (data, length, at, FIGURE_START)) != NULL; at++)
    {
      PdfObject object;
      guint i = figures->len;

      if (!read_object (data, length, line_start (data, at), &object))
        continue;
      if (i < n_alts && alts[i] != NULL && alts[i][0] != '\0')
        {
          g_string_append (object.dictionary, "   /Alt ");
          append_text_string (object.dictionary, alts[i]);
          g_string_append_c (object.dictionary, '\n');
        }
      g_array_append_val (figures, object);
    }
  /* The pack's header cells head their columns (a table's Scope attribute). */
  for (at = data; (at = find_from (data, length, at, HEADER_CELL_START)) != NULL; at++)
    {
      PdfObject object;

      if (!read_object (data, length, line_start (data, at), &object))
        continue;
      g_string_append (object.dictionary, "   /A << /O /Table /Scope /Column >>\n");
      g_array_append_val (header_cells, object);
    }
  for (guint i = 0; i < figures->len; i++)
    {
      PdfObject *object = &g_array_index (figures, PdfObject, i);

      if (i < n_alts && alts[i] != NULL && alts[i][0] != '\0')
        append_object (pdf, entries, object->number, object->dictionary);
      g_string_free (object->dictionary, TRUE);
    }
  for (guint i = 0; i < header_cells->len; i++)
    {
      PdfObject *object = &g_array_index (header_cells, PdfObject, i);

      append_object (pdf, entries, object->number, object->dictionary);
      g_string_free (object->dictionary, TRUE);
    }

  /* The catalog again: the language, tagged (cairo says so only when the first element is a
   * Document, Part, Art, Sect or Div), and its title in the window rather than the name. */
  g_string_append (catalog.dictionary, "   /Lang ");
  append_text_string (catalog.dictionary, lang);
  g_string_append_c (catalog.dictionary, '\n');
  if (strstr (catalog.dictionary->str, "/MarkInfo") == NULL)
    g_string_append (catalog.dictionary, "   /MarkInfo << /Marked true >>\n");
  if (strstr (catalog.dictionary->str, "/ViewerPreferences") == NULL)
    g_string_append (catalog.dictionary, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
  append_object (pdf, entries, root, catalog.dictionary);
  g_string_free (catalog.dictionary, TRUE);

  /* One subsection per object, in the order of their numbers. */
  g_array_sort (entries, compare_entries);
  {
    g_autoptr(GString) xref = g_string_new (NULL);
    gsize xref_offset = pdf->len;

    g_string_append (xref, "xref\n");
    for (guint i = 0; i < entries->len; i++)
      {
        XrefEntry *entry = &g_array_index (entries, XrefEntry, i);

        /* Each entry exactly 20 bytes, as the format requires. */
        g_string_append_printf (xref, "%ld 1\n%010" G_GSIZE_FORMAT " 00000 n \n", entry->number,
                                entry->offset);
      }
    g_string_append_printf (xref, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size, root);
    if (info > 0)
      g_string_append_printf (xref, "   /Info %ld 0 R\n", info);
    g_string_append_printf (xref, "   /Prev %ld\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            previous, xref_offset);
    g_byte_array_append (pdf, (const guint8 *) xref->str, xref->len);
  }
  return TRUE;
}
