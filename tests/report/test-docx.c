/* test-docx.c: the board pack as a Word document. The demo's pack, with every section (the
 * landscape appendix too), a report title and a red action's description full of markup
 * characters, is written as a .docx and read back two ways:
 *  - its XML, unzipped with libzip and parsed with GMarkup: every part well formed and named in
 *    [Content_Types].xml; Heading 1 to 3 styles with outline levels; the sections' headings as
 *    Heading 1 in the pack's order; every table of the pack with a header row Word repeats
 *    (w:tblHeader) on its first row and no other; the red actions' references as the headings
 *    under "Red actions" in the pack's order; alternative text on every chart, its picture a
 *    PNG in the package; the rating's word in every rating cell, on the rating's tint; user
 *    text as written (S<OT & "SALT"), control characters dropped; the classification and the
 *    page fields in the header and footer; a landscape section; the same bytes for the same
 *    day;
 *  - through LibreOffice (soffice --headless, with a profile of its own in a temporary
 *    folder): its text holds every section heading and the red references in order, and its
 *    PDF has pages numbered "Page N of M" with the classification on each. Skipped, saying so,
 *    where soffice is not installed. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>
#include <zip.h>

#include "pathway-demo.h"
#include "pathway-pack-private.h"
#include "pathway-reference.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define AWKWARD "S<OT & \"SALT\" <b>bold</b>"

static char *work_dir;
static char *docx_path;
static PathwayDocument *demo;
static PathwayPack *pack;
static GPtrArray *red_references; /* char *, in the pack's order */

/* Helpers ----------------------------------------------------------------------------------- */

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static PathwayMeeting *
latest_meeting (PathwayDocument *document)
{
  GListModel *boards = pathway_programme_get_boards (pathway_document_get_programme (document));
  g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, 0);
  GListModel *meetings = pathway_board_get_meetings (board);
  PathwayMeeting *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);

      if (latest == NULL || g_date_compare (pathway_meeting_get_date (meeting),
                                            pathway_meeting_get_date (latest)) > 0)
        latest = meeting;
    }
  g_assert_nonnull (latest);
  return latest;
}

/* Every part of the package by name. */
static GHashTable *
read_package (const char *path)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  int zip_error = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);

  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t stat;
      zip_file_t *file;
      char *data;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t) i, 0, &stat), ==, 0);
      data = g_malloc (stat.size + 1);
      file = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      g_assert_nonnull (file);
      g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
      zip_fclose (file);
      data[stat.size] = '\0';
      g_hash_table_insert (parts, g_strdup (stat.name), g_bytes_new_take (data, stat.size));
    }
  zip_close (zip);
  return parts;
}

static const char *
part_text (GHashTable *parts, const char *name)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);

  if (bytes == NULL)
    g_error ("the package has no part %s", name);
  return g_bytes_get_data (bytes, NULL);
}

static const char *
attribute (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* WordprocessingML read back ---------------------------------------------------------------- */

typedef struct {
  char *style;
  char *text;
} Paragraph;

typedef struct {
  char *fill;
  char *text;
} Cell;

typedef struct {
  gboolean header;
  GPtrArray *cells;  /* Cell */
} Row;

typedef struct {
  char *style;
  gboolean first_row_look; /* w:tblLook w:firstRow="1" */
  GPtrArray *rows;   /* Row */
} Table;

typedef struct {
  char *description;
  char *embed;
} Drawing;

/* What a part holds: its body's paragraphs (not those in tables), its tables, its drawings,
 * its fields and its sections' orientations; all text is the characters Word shows. */
typedef struct {
  GPtrArray *paragraphs; /* Paragraph */
  GPtrArray *tables;     /* Table */
  GPtrArray *drawings;   /* Drawing */
  GPtrArray *fields;     /* char *, w:fldSimple instructions */
  guint n_landscape, n_portrait;
  GString *all_text;     /* every paragraph's text, one a line */

  /* while parsing */
  int table_depth;
  gboolean in_text;
  GString *text;
  char *style;
  Table *table;
  Row *row;
  Cell *cell;
} Word;

static void
paragraph_free (gpointer data)
{
  Paragraph *p = data;

  g_free (p->style);
  g_free (p->text);
  g_free (p);
}

static void
cell_free (gpointer data)
{
  Cell *c = data;

  g_free (c->fill);
  g_free (c->text);
  g_free (c);
}

static void
row_free (gpointer data)
{
  Row *r = data;

  g_ptr_array_unref (r->cells);
  g_free (r);
}

static void
table_free (gpointer data)
{
  Table *t = data;

  g_free (t->style);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static void
drawing_free (gpointer data)
{
  Drawing *d = data;

  g_free (d->description);
  g_free (d->embed);
  g_free (d);
}

static void
word_free (Word *word)
{
  g_ptr_array_unref (word->paragraphs);
  g_ptr_array_unref (word->tables);
  g_ptr_array_unref (word->drawings);
  g_ptr_array_unref (word->fields);
  g_string_free (word->all_text, TRUE);
  g_string_free (word->text, TRUE);
  g_free (word->style);
  g_free (word);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Word, word_free)

static void
word_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer data, GError **error)
{
  Word *word = data;

  if (g_str_equal (element, "w:p"))
    {
      g_string_truncate (word->text, 0);
      g_clear_pointer (&word->style, g_free);
    }
  else if (g_str_equal (element, "w:pStyle"))
    word->style = g_strdup (attribute (names, values, "w:val"));
  else if (g_str_equal (element, "w:t"))
    word->in_text = TRUE;
  else if (g_str_equal (element, "w:br"))
    g_string_append_c (word->text, '\n');
  else if (g_str_equal (element, "w:tab") && word->in_text == FALSE
           && g_markup_parse_context_get_element_stack (context)->next != NULL
           && g_str_equal (g_markup_parse_context_get_element_stack (context)->next->data, "w:r"))
    g_string_append_c (word->text, '\t');
  else if (g_str_equal (element, "w:tbl"))
    {
      g_assert_cmpint (word->table_depth, ==, 0);
      word->table_depth++;
      word->table = g_new0 (Table, 1);
      word->table->rows = g_ptr_array_new_with_free_func (row_free);
      g_ptr_array_add (word->tables, word->table);
    }
  else if (g_str_equal (element, "w:tblStyle"))
    word->table->style = g_strdup (attribute (names, values, "w:val"));
  else if (g_str_equal (element, "w:tblLook"))
    word->table->first_row_look = g_strcmp0 (attribute (names, values, "w:firstRow"), "1") == 0;
  else if (g_str_equal (element, "w:tr"))
    {
      word->row = g_new0 (Row, 1);
      word->row->cells = g_ptr_array_new_with_free_func (cell_free);
      g_ptr_array_add (word->table->rows, word->row);
    }
  else if (g_str_equal (element, "w:tblHeader"))
    word->row->header = TRUE;
  else if (g_str_equal (element, "w:tc"))
    {
      word->cell = g_new0 (Cell, 1);
      word->cell->text = g_strdup ("");
      g_ptr_array_add (word->row->cells, word->cell);
    }
  else if (g_str_equal (element, "w:shd") && word->cell != NULL)
    {
      /* A cell's shading, not a run's inside it. */
      const char *parent = g_markup_parse_context_get_element_stack (context)->next->data;

      if (g_str_equal (parent, "w:tcPr"))
        word->cell->fill = g_strdup (attribute (names, values, "w:fill"));
    }
  else if (g_str_equal (element, "wp:docPr"))
    {
      Drawing *drawing = g_new0 (Drawing, 1);

      drawing->description = g_strdup (attribute (names, values, "descr"));
      g_ptr_array_add (word->drawings, drawing);
    }
  else if (g_str_equal (element, "a:blip"))
    {
      Drawing *drawing = g_ptr_array_index (word->drawings, word->drawings->len - 1);

      drawing->embed = g_strdup (attribute (names, values, "r:embed"));
    }
  else if (g_str_equal (element, "w:fldSimple"))
    g_ptr_array_add (word->fields, g_strdup (attribute (names, values, "w:instr")));
  else if (g_str_equal (element, "w:pgSz"))
    {
      if (g_strcmp0 (attribute (names, values, "w:orient"), "landscape") == 0)
        word->n_landscape++;
      else
        word->n_portrait++;
    }
}

static void
word_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Word *word = data;

  if (g_str_equal (element, "w:t"))
    word->in_text = FALSE;
  else if (g_str_equal (element, "w:p"))
    {
      g_string_append_printf (word->all_text, "%s\n", word->text->str);
      if (word->cell != NULL)
        {
          char *joined = g_strconcat (word->cell->text, *word->cell->text ? "\n" : "",
                                      word->text->str, NULL);

          g_free (word->cell->text);
          word->cell->text = joined;
        }
      else if (word->table_depth == 0)
        {
          Paragraph *paragraph = g_new0 (Paragraph, 1);

          paragraph->style = g_strdup (word->style);
          paragraph->text = g_strdup (word->text->str);
          g_ptr_array_add (word->paragraphs, paragraph);
        }
    }
  else if (g_str_equal (element, "w:tc"))
    word->cell = NULL;
  else if (g_str_equal (element, "w:tr"))
    word->row = NULL;
  else if (g_str_equal (element, "w:tbl"))
    {
      word->table_depth--;
      word->table = NULL;
    }
}

static void
word_text (GMarkupParseContext *context, const char *text, gsize length, gpointer data,
           GError **error)
{
  Word *word = data;

  if (word->in_text)
    g_string_append_len (word->text, text, (gssize) length);
}

static Word *
parse_word (const char *xml)
{
  static const GMarkupParser parser = { word_start, word_end, word_text, NULL, NULL };
  Word *word = g_new0 (Word, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  word->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  word->tables = g_ptr_array_new_with_free_func (table_free);
  word->drawings = g_ptr_array_new_with_free_func (drawing_free);
  word->fields = g_ptr_array_new_with_free_func (g_free);
  word->all_text = g_string_new (NULL);
  word->text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, word, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return word;
}

/* Attributes of every element of one name, in order: "Id=...|Target=..." lists. */
typedef struct {
  const char *element;
  GPtrArray *found; /* GHashTable name -> value */
} Elements;

static void
elements_start (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  Elements *elements = data;

  if (g_str_equal (element, elements->element))
    {
      GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint i = 0; names[i] != NULL; i++)
        g_hash_table_insert (attributes, g_strdup (names[i]), g_strdup (values[i]));
      g_ptr_array_add (elements->found, attributes);
    }
}

static GPtrArray *
find_elements (const char *xml, const char *element)
{
  static const GMarkupParser parser = { elements_start, NULL, NULL, NULL, NULL };
  Elements elements = { element, g_ptr_array_new_with_free_func (
                                   (GDestroyNotify) g_hash_table_unref) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &elements,
                                                                      NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return elements.found;
}

/* The pack's blocks ------------------------------------------------------------------------- */

static GPtrArray *
blocks_of_kind (PackBlockKind kind)
{
  PackFlow *flow = _pathway_pack_get_flow (pack);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pack_flow_get_n_blocks (flow); i++)
    {
      PackBlock *block = g_new (PackBlock, 1);

      pack_flow_get_block (flow, i, block);
      if (block->kind == kind)
        g_ptr_array_add (found, block);
      else
        g_free (block);
    }
  return found;
}

static char *
hex_colour (const double rgb[3])
{
  return g_strdup_printf ("%02X%02X%02X", (guint) (rgb[0] * 255 + 0.5),
                          (guint) (rgb[1] * 255 + 0.5), (guint) (rgb[2] * 255 + 0.5));
}

/* The XML ----------------------------------------------------------------------------------- */

static void
test_parts_well_formed (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(GPtrArray) overrides = find_elements (part_text (parts, "[Content_Types].xml"),
                                                  "Override");
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  g_assert_true (g_hash_table_contains (parts, "word/document.xml"));
  g_assert_true (g_hash_table_contains (parts, "_rels/.rels"));
  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      g_autofree char *part_name = g_strconcat ("/", name, NULL);
      gboolean named = FALSE;

      if (g_str_has_suffix (name, ".png"))
        {
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
          continue;
        }
      /* Every XML part parses, without a DTD of its own. */
      g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "<!DOCTYPE"));
      g_ptr_array_unref (find_elements (g_bytes_get_data (bytes, NULL), "none"));
      if (g_str_has_suffix (name, ".rels") || g_str_equal (name, "[Content_Types].xml"))
        continue;
      for (guint i = 0; i < overrides->len; i++)
        named |= g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (overrides, i), "PartName"),
                            part_name) == 0;
      if (!named)
        g_error ("%s has no content type", name);
    }
}

/* The document's language is British English wherever Word and screen readers look: the
 * styles' defaults, the theme's fonts and the core properties. */
static void
test_document_language (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  const char *styles = part_text (parts, "word/styles.xml");
  const char *defaults = strstr (styles, "<w:docDefaults>");
  const char *defaults_end = defaults ? strstr (defaults, "</w:docDefaults>") : NULL;
  g_autofree char *in_defaults = NULL;

  g_assert_nonnull (defaults_end);
  in_defaults = g_strndup (defaults, defaults_end - defaults);
  g_assert_nonnull (strstr (in_defaults, "<w:lang w:val=\"en-GB\"/>"));
  g_assert_nonnull (strstr (part_text (parts, "word/settings.xml"),
                            "<w:themeFontLang w:val=\"en-GB\"/>"));
  g_assert_nonnull (strstr (part_text (parts, "docProps/core.xml"),
                            "<dc:language>en-GB</dc:language>"));
}

static void
test_heading_styles (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  const char *styles = part_text (parts, "word/styles.xml");
  static const struct { const char *id, *name, *level; } headings[] = {
    { "Heading1", "heading 1", "0" },
    { "Heading2", "heading 2", "1" },
    { "Heading3", "heading 3", "2" },
  };

  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    {
      g_autofree char *open = g_strdup_printf ("w:styleId=\"%s\">", headings[h].id);
      g_autofree char *name = g_strdup_printf ("<w:name w:val=\"%s\"/>", headings[h].name);
      g_autofree char *level = g_strdup_printf ("<w:outlineLvl w:val=\"%s\"/>",
                                                headings[h].level);
      const char *start = strstr (styles, open);
      const char *end = start ? strstr (start, "</w:style>") : NULL;
      g_autofree char *style = NULL;

      g_assert_nonnull (end);
      style = g_strndup (start, end - start);
      g_assert_nonnull (strstr (style, name));
      g_assert_nonnull (strstr (style, level));
    }
}

/* The sections' headings are Heading 1, in the pack's order; the red actions' references are
 * the Heading 2s under "Red actions", in the pack's order. */
static void
test_headings_and_red_actions (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(Word) word = parse_word (part_text (parts, "word/document.xml"));
  g_autoptr(GPtrArray) headings = blocks_of_kind (PACK_BLOCK_HEADING);
  g_autoptr(GPtrArray) red = g_ptr_array_new ();
  guint h = 0;
  gboolean in_red = FALSE;

  for (guint i = 0; i < word->paragraphs->len; i++)
    {
      Paragraph *p = g_ptr_array_index (word->paragraphs, i);

      if (g_strcmp0 (p->style, "Heading1") == 0)
        {
          g_assert_cmpuint (h, <, headings->len);
          g_assert_cmpstr (p->text, ==, ((PackBlock *) g_ptr_array_index (headings, h))->text);
          h++;
          in_red = g_str_equal (p->text,
                                pathway_pack_section_title (PATHWAY_PACK_SECTION_RED));
        }
      else if (in_red && g_strcmp0 (p->style, "Heading2") == 0)
        g_ptr_array_add (red, p->text);
    }
  g_assert_cmpuint (h, ==, headings->len);
  for (PathwayPackSection s = 0; s < PATHWAY_PACK_N_SECTIONS; s++)
    g_assert_nonnull (strstr (word->all_text->str, pathway_pack_section_title (s)));

  g_assert_cmpuint (red->len, ==, red_references->len);
  for (guint i = 0; i < red->len; i++)
    g_assert_cmpstr (g_ptr_array_index (red, i), ==, g_ptr_array_index (red_references, i));
}

/* Each table the pack made has a header row that Word repeats, and only that row; the other
 * tables are the label/value lists (the header block, a red action's facts), with no header. */
static void
test_tables_repeat_their_header (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(Word) word = parse_word (part_text (parts, "word/document.xml"));
  g_autoptr(GPtrArray) headers = blocks_of_kind (PACK_BLOCK_TABLE_HEADER);
  guint n_pack_tables = 0, n_lists = 0;

  for (guint t = 0; t < word->tables->len; t++)
    {
      Table *table = g_ptr_array_index (word->tables, t);
      gboolean pack_table = g_strcmp0 (table->style, "PackTable") == 0;

      g_assert_cmpuint (table->rows->len, >, 0);
      /* The pack's tables say their first row is the header; the layout tables do not. */
      g_assert_true (table->first_row_look == pack_table);
      for (guint r = 0; r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);

          g_assert_true (row->header == (pack_table && r == 0));
        }
      if (pack_table)
        {
          PackBlock *header = g_ptr_array_index (headers, n_pack_tables);
          Row *first = g_ptr_array_index (table->rows, 0);

          g_assert_cmpuint (first->cells->len, ==, header->n_columns);
          for (guint c = 0; c < header->n_columns; c++)
            g_assert_cmpstr (((Cell *) g_ptr_array_index (first->cells, c))->text, ==,
                             header->cells[c].text);
          n_pack_tables++;
        }
      else
        n_lists++;
    }
  g_assert_cmpuint (n_pack_tables, ==, headers->len);
  g_assert_cmpuint (n_pack_tables, >=, 4);
  g_assert_cmpuint (n_lists, >, 0);
}

/* Every rating cell holds its rating's word on the rating's tint, in the pack's order; no
 * other cell has a rating's fill. */
static void
test_rating_cells_hold_the_word (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(Word) word = parse_word (part_text (parts, "word/document.xml"));
  g_autoptr(GPtrArray) rows = blocks_of_kind (PACK_BLOCK_TABLE_ROW);
  PackFlow *flow = _pathway_pack_get_flow (pack);
  g_autoptr(GPtrArray) expected_words = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected_fills = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      PackBlock *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < row->n_columns; c++)
        if (row->cells[c].rating != PATHWAY_RATING_NONE)
          {
            double tint[3];

            pack_flow_get_rating_colours (flow, row->cells[c].rating, tint, NULL);
            g_ptr_array_add (expected_words, (gpointer) pack_flow_get_rating_label (
                                               flow, row->cells[c].rating));
            g_ptr_array_add (expected_fills, hex_colour (tint));
          }
    }
  g_assert_cmpuint (expected_words->len, >, 10);

  for (guint t = 0; t < word->tables->len; t++)
    {
      Table *table = g_ptr_array_index (word->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; c < row->cells->len; c++)
            {
              Cell *cell = g_ptr_array_index (row->cells, c);
              gboolean rating_fill = FALSE;

              for (guint k = 0; k < expected_fills->len; k++)
                rating_fill |= g_strcmp0 (cell->fill, g_ptr_array_index (expected_fills, k))
                               == 0;
              if (!rating_fill)
                continue;
              g_assert_cmpuint (n, <, expected_words->len);
              g_assert_cmpstr (cell->text, ==, g_ptr_array_index (expected_words, n));
              g_assert_cmpstr (cell->fill, ==, g_ptr_array_index (expected_fills, n));
              n++;
            }
        }
    }
  g_assert_cmpuint (n, ==, expected_words->len);
}

/* Every chart is a picture in the package with its numbers in words as alternative text (the
 * risk heat map among them). */
static void
test_charts_have_alternative_text (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(Word) word = parse_word (part_text (parts, "word/document.xml"));
  g_autoptr(GPtrArray) relationships = find_elements (
    part_text (parts, "word/_rels/document.xml.rels"), "Relationship");
  g_autoptr(GPtrArray) drawings = blocks_of_kind (PACK_BLOCK_DRAWING);

  gboolean heat_map = FALSE;

  g_assert_cmpuint (drawings->len, >=, 2);
  g_assert_cmpuint (word->drawings->len, ==, drawings->len);
  for (guint i = 0; i < drawings->len; i++)
    {
      Drawing *drawing = g_ptr_array_index (word->drawings, i);
      g_autofree char *expected = _pathway_pack_describe_drawing (
        pack, g_ptr_array_index (drawings, i));
      g_autofree char *part = NULL;
      const char *target = NULL;

      g_assert_nonnull (expected);
      g_assert_cmpuint (strlen (expected), >, 10);
      g_assert_cmpstr (drawing->description, ==, expected);
      /* The risk log's heat map, its cells in words. */
      if (g_str_has_prefix (expected, "Open risks by likelihood and impact: "))
        {
          g_assert_nonnull (strstr (expected, "open risks scored. Very high: "));
          heat_map = TRUE;
        }
      for (guint r = 0; r < relationships->len; r++)
        if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (relationships, r), "Id"),
                       drawing->embed) == 0)
          target = g_hash_table_lookup (g_ptr_array_index (relationships, r), "Target");
      g_assert_nonnull (target);
      part = g_strconcat ("word/", target, NULL);
      g_assert_true (g_hash_table_contains (parts, part));
    }
  g_assert_true (heat_map);
}

/* User text is character data: markup characters escaped, never markup; a control character
 * is dropped. In the body, the running header and the document's title alike. */
static void
test_user_text_as_written (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  const char *document = part_text (parts, "word/document.xml");
  g_autoptr(Word) word = parse_word (document);
  g_autoptr(Word) header = parse_word (part_text (parts, "word/header1.xml"));

  g_assert_nonnull (strstr (document, "S&lt;OT &amp; \"SALT\" &lt;b&gt;bold&lt;/b&gt;"));
  g_assert_null (strstr (document, "<b>"));
  g_assert_null (strstr (document, "\a"));
  g_assert_nonnull (strstr (word->all_text->str, "\n" AWKWARD " rings twice\n"));
  g_assert_nonnull (strstr (header->all_text->str, AWKWARD " pack"));
  g_assert_nonnull (strstr (part_text (parts, "docProps/core.xml"),
                            "<dc:title>S&lt;OT &amp; \"SALT\" &lt;b&gt;bold&lt;/b&gt; pack"
                            "</dc:title>"));
}

/* The classification above and below every page, the page's number and the number of pages
 * as fields; the appendix in a landscape section of its own. */
static void
test_header_footer_and_sections (void)
{
  g_autoptr(GHashTable) parts = read_package (docx_path);
  g_autoptr(Word) word = parse_word (part_text (parts, "word/document.xml"));
  const char *names[] = { "word/header1.xml", "word/footer1.xml", "word/header2.xml",
                          "word/footer2.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(Word) part = parse_word (part_text (parts, names[i]));

      g_assert_nonnull (strstr (part->all_text->str, "OFFICIAL"));
      if (strstr (names[i], "footer") != NULL)
        {
          g_assert_cmpuint (part->fields->len, ==, 2);
          g_assert_cmpstr (g_ptr_array_index (part->fields, 0), ==, " PAGE ");
          g_assert_cmpstr (g_ptr_array_index (part->fields, 1), ==, " NUMPAGES ");
          g_assert_nonnull (strstr (part->all_text->str, "Page 1 of 1"));
        }
    }
  g_assert_cmpuint (word->n_portrait, >=, 1);
  g_assert_cmpuint (word->n_landscape, >=, 1);
}

static void
test_same_day_same_bytes (void)
{
  g_autofree char *again = work_path ("again.docx");
  g_autofree char *a = NULL, *b = NULL;
  gsize a_length, b_length;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_pack_write_docx (pack, again, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (docx_path, &a, &a_length, NULL));
  g_assert_true (g_file_get_contents (again, &b, &b_length, NULL));
  g_assert_cmpmem (a, a_length, b, b_length);
  g_unlink (again);
}

/* LibreOffice ------------------------------------------------------------------------------- */

/* Converts the .docx with soffice into 'folder'; its profile is a temporary folder of its own,
 * so runs never share state. */
static void
convert (const char *soffice, const char *profile, const char *format, const char *folder)
{
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, installation, "--headless", "--norestore", "--convert-to",
                         format, "--outdir", folder, docx_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("soffice --convert-to %s failed: %s\n%s%s", format, error->message, out, err);
}

static gboolean
has_line (const char *text, const char *line, const char **after)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  const char *found = strstr (*after, needle);

  if (found == NULL)
    return FALSE;
  *after = found + 1;
  return TRUE;
}

static void
test_libreoffice_opens_it (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *folder = work_path ("libreoffice");
  g_autofree char *pdf_path = g_build_filename (folder, "pack.pdf", NULL);
  g_autofree char *txt_path = g_build_filename (folder, "pack.txt", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  gboolean landscape = FALSE;
  int n;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: build-aux/setup installs "
                   "libreoffice-writer-nogui");
      return;
    }
  profile = g_dir_make_tmp ("pathway-libreoffice-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  convert (soffice, profile, "pdf", folder);
  /* Text in UTF-8 whatever the locale. */
  convert (soffice, profile, "txt:Text (encoded):UTF8", folder);
  remove_tree (profile);

  g_assert_true (g_file_get_contents (txt_path, &raw, NULL, NULL));
  g_assert_true (g_utf8_validate (raw, -1, NULL));
  text = g_strconcat ("\n", raw, "\n", NULL);
  g_strdelimit (text, "\r", '\n');
  for (PathwayPackSection s = 0; s < PATHWAY_PACK_N_SECTIONS; s++)
    {
      at = text;
      g_assert_true (has_line (text, pathway_pack_section_title (s), &at));
    }
  /* The red actions' references, in order, after the section's heading. */
  at = text;
  g_assert_true (has_line (text, pathway_pack_section_title (PATHWAY_PACK_SECTION_RED), &at));
  for (guint i = 0; i < red_references->len; i++)
    if (!has_line (text, g_ptr_array_index (red_references, i), &at))
      g_error ("%s is not a line of its own after the red actions before it",
               (const char *) g_ptr_array_index (red_references, i));
  g_assert_nonnull (strstr (text, AWKWARD " rings twice"));

  uri = g_filename_to_uri (pdf_path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n, >, 5);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n);
      double width, height;

      g_assert_nonnull (strstr (page_text, footer));
      g_assert_nonnull (strstr (page_text, "OFFICIAL"));
      poppler_page_get_size (page, &width, &height);
      landscape |= width > height;
    }
  g_assert_true (landscape);
}

/* Setting up -------------------------------------------------------------------------------- */

/* The demo with every section, an awkward title and an awkward red action; the red actions'
 * references in the pack's order (workstream, then reference). */
static void
make_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = work_path ("demo.pathway");
  PathwayMeeting *meeting;
  PathwayProgramme *programme;
  g_autoptr(GArray) states = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  g_autofree char *sections = pathway_pack_sections_to_string ((1u << PATHWAY_PACK_N_SECTIONS)
                                                               - 1);
  const GDate *as_at;
  gboolean renamed = FALSE;

  g_assert_true (pathway_demo_write (path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  programme = pathway_document_get_programme (demo);
  meeting = latest_meeting (demo);
  g_assert_true (pathway_document_set_text (demo, meeting, "report-sections", sections, &error));
  /* The narrative sections print only with text: give them some. */
  g_assert_true (pathway_document_set_text (demo, meeting, "headlines",
                                            "- Waiting times for assessment are down.", &error));
  g_assert_true (pathway_document_set_text (demo, meeting, "decisions",
                                            "Agree the revised timescale for 1A v.", &error));
  g_assert_true (pathway_document_set_text (demo, meeting, "risks",
                                            "Recruitment is slower than planned.", &error));
  g_assert_true (pathway_document_set_text (demo, meeting, "report-title", AWKWARD " pack",
                                            &error));
  g_assert_no_error (error);

  as_at = pathway_meeting_get_as_at (meeting);
  states = pathway_document_states_as_at (demo, as_at ? as_at : pathway_meeting_get_date (meeting),
                                          &error);
  g_assert_no_error (error);
  red_references = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < states->len; i++)
    {
      PathwayActionState *state = &g_array_index (states, PathwayActionState, i);
      PathwayAction *action = pathway_programme_find_action (programme, state->action_id);

      if (state->rating != PATHWAY_RATING_RED || action == NULL)
        continue;
      if (!renamed)
        {
          g_assert_true (pathway_document_set_text (demo, action, "description",
                                                    AWKWARD "\a rings twice", &error));
          g_assert_no_error (error);
          renamed = TRUE;
        }
      g_ptr_array_add (actions, action);
    }
  pathway_actions_sort_by_workstream (actions);
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (red_references,
                     g_strdup (pathway_action_get_reference (g_ptr_array_index (actions, i))));
  g_assert_cmpuint (red_references->len, >, 2);

  pack = pathway_pack_new (demo, meeting, NULL, &error);
  g_assert_no_error (error);
  docx_path = work_path ("pack.docx");
  g_assert_true (pathway_pack_write_docx (pack, docx_path, &error));
  g_assert_no_error (error);
  /* PATHWAY_PACK_DIR keeps a copy, to be looked at. */
  if (g_getenv ("PATHWAY_PACK_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("PATHWAY_PACK_DIR"), "demo.docx",
                                                NULL);

      g_assert_true (pathway_pack_write_docx (pack, copy, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("pathway-docx-XXXXXX", &error);
  g_assert_no_error (error);
  make_pack ();

  g_test_add_func ("/report/docx/parts-well-formed", test_parts_well_formed);
  g_test_add_func ("/report/docx/heading-styles", test_heading_styles);
  g_test_add_func ("/report/docx/document-language", test_document_language);
  g_test_add_func ("/report/docx/headings-and-red-actions", test_headings_and_red_actions);
  g_test_add_func ("/report/docx/tables-repeat-their-header", test_tables_repeat_their_header);
  g_test_add_func ("/report/docx/rating-cells-hold-the-word", test_rating_cells_hold_the_word);
  g_test_add_func ("/report/docx/charts-have-alternative-text",
                   test_charts_have_alternative_text);
  g_test_add_func ("/report/docx/user-text-as-written", test_user_text_as_written);
  g_test_add_func ("/report/docx/header-footer-and-sections", test_header_footer_and_sections);
  g_test_add_func ("/report/docx/same-day-same-bytes", test_same_day_same_bytes);
  g_test_add_func ("/report/docx/libreoffice-opens-it", test_libreoffice_opens_it);
  status = g_test_run ();

  g_clear_object (&pack);
  g_ptr_array_unref (red_references);
  pathway_document_close (demo);
  g_object_unref (demo);
  remove_tree (work_dir);
  g_free (work_dir);
  g_free (docx_path);
  return status;
}
