/* test-tagged-pdf.c: the board pack as a tagged PDF, its structure tree read back with
 * poppler-glib: the title and the sections' headings as H1 in the pack's order, subheadings
 * as H2, every table with its header cells (TH, column scope) in its first row and only there,
 * every chart a Figure whose alternative text is the chart's description, bullets as list
 * items; the catalog says the document is British English and tagged (pdfinfo's "Tagged: yes"
 * where pdfinfo is installed); and the pages look as the untagged drawing does (the preview
 * and the printout): the same text in the same places, and the same pixels but for
 * anti-aliasing. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "pathway-demo.h"
#include "pathway-pack-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerStructureElement, g_object_unref)

static char *work_dir;
static PathwayDocument *demo;
static PathwayPack *pack;
static char *pdf_path;

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
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

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

/* The structure tree ------------------------------------------------------------------------ */

/* One element as read back: its kind, its text (stripped), its alternative text and its
 * children. */
typedef struct _Element Element;
struct _Element {
  PopplerStructureElementKind kind;
  char *text;
  char *alt;
  GPtrArray *children; /* Element */
};

static void
element_free (gpointer pointer)
{
  Element *element = pointer;

  g_free (element->text);
  g_free (element->alt);
  g_ptr_array_unref (element->children);
  g_free (element);
}

static GPtrArray *
read_level (PopplerStructureElementIter *iter)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (element_free);

  if (iter == NULL)
    return elements;
  do
    {
      g_autoptr(PopplerStructureElement) source = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);
      Element *element = g_new0 (Element, 1);

      element->kind = poppler_structure_element_get_kind (source);
      element->text = poppler_structure_element_get_text (source,
                                                          POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
      if (element->text != NULL)
        g_strstrip (element->text);
      element->alt = poppler_structure_element_get_alt_text (source);

      element->children = read_level (child);
      if (child != NULL)
        poppler_structure_element_iter_free (child);
      g_ptr_array_add (elements, element);
    }
  while (poppler_structure_element_iter_next (iter));
  return elements;
}

static GPtrArray *
read_tree (PopplerDocument *pdf)
{
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (pdf);
  GPtrArray *tree;

  g_assert_nonnull (iter);
  tree = read_level (iter);
  poppler_structure_element_iter_free (iter);
  return tree;
}

/* Every element of a kind, in reading order. */
static void
collect (GPtrArray *elements, PopplerStructureElementKind kind, GPtrArray *found)
{
  for (guint i = 0; i < elements->len; i++)
    {
      Element *element = g_ptr_array_index (elements, i);

      if (element->kind == kind)
        g_ptr_array_add (found, element);
      collect (element->children, kind, found);
    }
}

static GPtrArray *
all_of_kind (GPtrArray *tree, PopplerStructureElementKind kind)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (tree, kind, found);
  return found;
}

/* The tests --------------------------------------------------------------------------------- */

/* One Document holding the sections; the title and each section's heading are H1 in the
 * pack's order, and there are subheadings, paragraphs and lists. */
static void
test_headings_in_order (void)
{
  g_autoptr(PopplerDocument) pdf = open_pdf (pdf_path);
  g_autoptr(GPtrArray) tree = read_tree (pdf);
  g_autoptr(GPtrArray) h1 = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_HEADING_1);
  g_autoptr(GPtrArray) h2 = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_HEADING_2);
  g_autoptr(GPtrArray) sections = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_SECTION);
  g_autoptr(GPtrArray) paragraphs = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_PARAGRAPH);
  g_autoptr(GPtrArray) items = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_LIST_ITEM);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  Element *root;

  g_assert_cmpuint (tree->len, ==, 1);
  root = g_ptr_array_index (tree, 0);
  g_assert_cmpint (root->kind, ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);

  /* The sections in the order the pack wrote them. */
  for (guint i = 0; i < pack_flow_get_n_blocks (_pathway_pack_get_flow (pack)); i++)
    {
      PackBlock block;

      pack_flow_get_block (_pathway_pack_get_flow (pack), i, &block);
      if (block.section != NULL)
        g_ptr_array_add (titles, (gpointer) block.section);
    }
  g_assert_cmpuint (titles->len, >=, 5);
  g_assert_cmpuint (sections->len, ==, titles->len);
  g_assert_cmpuint (h1->len, ==, titles->len);

  /* The first section is the summary under the pack's title; the others open with their
   * heading. */
  {
    PathwayPackRunningText running;

    _pathway_pack_get_running_text (pack, &running);
    g_assert_cmpstr (((Element *) g_ptr_array_index (h1, 0))->text, ==, running.title);
  }
  for (guint i = 1; i < titles->len; i++)
    g_assert_cmpstr (((Element *) g_ptr_array_index (h1, i))->text, ==,
                     g_ptr_array_index (titles, i));
  /* Each heading is the first thing its section holds. */
  for (guint i = 1; i < sections->len; i++)
    {
      Element *section = g_ptr_array_index (sections, i);

      g_assert_cmpuint (section->children->len, >, 0);
      g_assert_true (g_ptr_array_index (section->children, 0) == g_ptr_array_index (h1, i));
    }
  g_assert_cmpuint (h2->len, >, 0);
  g_assert_cmpuint (paragraphs->len, >, 10);
  g_assert_cmpuint (items->len, >, 0);
}

/* Every table's first row is its header cells, each heading its column, and only its first
 * row: a header repeated on the next page is not read again. Every row has as many cells as
 * the header. */
static void
test_tables_have_header_cells (void)
{
  g_autoptr(PopplerDocument) pdf = open_pdf (pdf_path);
  g_autoptr(GPtrArray) tree = read_tree (pdf);
  g_autoptr(GPtrArray) tables = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_TABLE);
  PackFlow *flow = _pathway_pack_get_flow (pack);
  guint n_headers = 0;

  for (guint i = 0; i < pack_flow_get_n_blocks (flow); i++)
    {
      PackBlock block;

      pack_flow_get_block (flow, i, &block);
      n_headers += block.kind == PACK_BLOCK_TABLE_HEADER;
    }
  g_assert_cmpuint (tables->len, ==, n_headers);
  g_assert_cmpuint (tables->len, >=, 4);

  for (guint t = 0; t < tables->len; t++)
    {
      Element *table = g_ptr_array_index (tables, t);
      Element *first;

      g_assert_cmpuint (table->children->len, >, 1);
      first = g_ptr_array_index (table->children, 0);
      g_assert_cmpint (first->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW);
      g_assert_cmpuint (first->children->len, >, 0);
      for (guint r = 0; r < table->children->len; r++)
        {
          Element *row = g_ptr_array_index (table->children, r);

          g_assert_cmpint (row->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW);
          for (guint c = 0; c < row->children->len; c++)
            {
              Element *cell = g_ptr_array_index (row->children, c);

              g_assert_cmpint (cell->kind, ==, r == 0 ? POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING
                                                      : POPPLER_STRUCTURE_ELEMENT_TABLE_DATA);

            }
          /* A theme's row is one cell across the table. */
          if (row->children->len != 1)
            g_assert_cmpuint (row->children->len, ==, first->children->len);
        }
    }

  /* Each header cell heads its column: poppler-glib 22.12 reads a scope only from a Table
   * element, so the file says it. Cairo wrote each TH once and the update once more with
   * its scope. */
  {
    g_autofree char *bytes = NULL;
    gsize length;
    guint n_cells = 0, n_scoped = 0;
    static const char cell[] = "<< /Type /StructElem\n   /S /TH\n";
    static const char scope[] = "   /A << /O /Table /Scope /Column >>\n>>";

    g_assert_true (g_file_get_contents (pdf_path, &bytes, &length, NULL));
    for (gsize at = 0; at + sizeof cell - 1 <= length; at++)
      {
        n_cells += memcmp (bytes + at, cell, sizeof cell - 1) == 0;
        /* Each pattern only where the whole of it fits before the end. */
        n_scoped += at + sizeof scope - 1 <= length &&
                    memcmp (bytes + at, scope, sizeof scope - 1) == 0;
      }
    g_assert_cmpuint (n_scoped, >=, tables->len);
    g_assert_cmpuint (n_cells, ==, 2 * n_scoped);
  }
}

/* Every chart is a Figure whose alternative text is the chart's description, in order. */
static void
test_figures_have_alternative_text (void)
{
  g_autoptr(PopplerDocument) pdf = open_pdf (pdf_path);
  g_autoptr(GPtrArray) tree = read_tree (pdf);
  g_autoptr(GPtrArray) figures = all_of_kind (tree, POPPLER_STRUCTURE_ELEMENT_FIGURE);
  PackFlow *flow = _pathway_pack_get_flow (pack);
  guint n = 0;

  for (guint i = 0; i < pack_flow_get_n_blocks (flow); i++)
    {
      PackBlock block;
      g_autofree char *description = NULL;
      Element *figure;

      pack_flow_get_block (flow, i, &block);
      if (block.kind != PACK_BLOCK_DRAWING)
        continue;
      description = _pathway_pack_describe_drawing (pack, &block);
      g_assert_nonnull (description);
      g_assert_cmpuint (n, <, figures->len);
      figure = g_ptr_array_index (figures, n);
      g_assert_cmpstr (figure->alt, ==, description);
      n++;
    }
  g_assert_cmpuint (n, ==, figures->len);
  g_assert_cmpuint (n, >=, 2);
}

/* The newest catalog says British English, tagged; pdfinfo agrees it is tagged. */
static void
test_language_and_tagged (void)
{
  g_autofree char *bytes = NULL;
  gsize length;
  const char *catalog = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  g_assert_true (g_file_get_contents (pdf_path, &bytes, &length, NULL));
  /* The incremental update's catalog is the last one in the file. */
  for (gsize at = 0; at + 14 <= length; at++)
    if (memcmp (bytes + at, "/Type /Catalog", 14) == 0)
      catalog = bytes + at;
  g_assert_nonnull (catalog);
  {
    g_autofree char *object = g_strndup (catalog, strstr (catalog, "endobj") - catalog);

    g_assert_nonnull (strstr (object, "/Lang (en-GB)"));
    g_assert_nonnull (strstr (object, "/MarkInfo << /Marked true >>"));
    g_assert_nonnull (strstr (object, "/StructTreeRoot "));
    g_assert_nonnull (strstr (object, "/DisplayDocTitle true"));
  }
  g_assert_cmpmem (bytes + length - 6, 6, "%%EOF\n", 6);

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  {
    const char *argv[] = { pdfinfo, pdf_path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int wait_status;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_nonnull (strstr (out, "Tagged:          yes"));
    /* poppler reads the update without complaint. */
    g_assert_null (strstr (err, "Syntax Error"));
    g_assert_null (strstr (err, "rror"));
  }
}

/* The same pack for the same day is the same bytes, tags, language and all. */
static void
test_same_day_same_bytes (void)
{
  g_autofree char *again = work_path ("again.pdf");
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_pack_write_pdf (pack, again, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (again, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
}

static cairo_status_t
write_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
render (PopplerPage *page)
{
  double width, height;
  cairo_surface_t *image;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 1.5),
                                      (int) (height * 1.5));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.5, 1.5);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The tags change nothing on the page: each page renders as the drawing the preview and the
 * printout use, made into a PDF without tags. Cairo ends a text object where marked content
 * starts, so a tagged line's words are placed each at its own position rather than by the
 * untagged run's offsets, which are rounded to a thousandth of an em: every character is where
 * it was to within 0.01 pt, and all but a few anti-aliased pixels of a page are the same. */
static void
test_pages_look_the_same (void)
{
  g_autoptr(PopplerDocument) tagged = open_pdf (pdf_path);
  g_autoptr(PopplerDocument) plain = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = pathway_pack_get_n_pages (pack);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  pathway_pack_get_page_size (pack, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, width, height);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      pathway_pack_get_page_size (pack, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      pathway_pack_draw_page (pack, cr, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  plain = poppler_document_new_from_bytes (data, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (poppler_document_get_n_pages (tagged), ==, (int) n_pages);
  g_assert_cmpint (poppler_document_get_n_pages (plain), ==, (int) n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) a = poppler_document_get_page (tagged, (int) i);
      g_autoptr(PopplerPage) b = poppler_document_get_page (plain, (int) i);
      cairo_surface_t *image_a = render (a);
      cairo_surface_t *image_b = render (b);
      int stride = cairo_image_surface_get_stride (image_a);
      int rows = cairo_image_surface_get_height (image_a);

      g_assert_cmpint (cairo_image_surface_get_width (image_a), ==,
                       cairo_image_surface_get_width (image_b));
      g_assert_cmpint (rows, ==, cairo_image_surface_get_height (image_b));
      {
        const guint32 *pixels_a = (const guint32 *) cairo_image_surface_get_data (image_a);
        const guint32 *pixels_b = (const guint32 *) cairo_image_surface_get_data (image_b);
        gsize n = (gsize) stride / 4 * rows, differ = 0;

        for (gsize k = 0; k < n; k++)
          differ += pixels_a[k] != pixels_b[k];
        g_assert_cmpuint (differ, <=, n / 10000);
      }
      cairo_surface_destroy (image_a);
      cairo_surface_destroy (image_b);
      {
        PopplerRectangle *rects_a = NULL, *rects_b = NULL;
        guint n_a = 0, n_b = 0;
        g_autofree char *text_a = poppler_page_get_text (a);
        g_autofree char *text_b = poppler_page_get_text (b);

        g_assert_cmpstr (text_a, ==, text_b);
        g_assert_true (poppler_page_get_text_layout (a, &rects_a, &n_a));
        g_assert_true (poppler_page_get_text_layout (b, &rects_b, &n_b));
        g_assert_cmpuint (n_a, ==, n_b);
        for (guint k = 0; k < n_a; k++)
          {
            g_assert_cmpfloat_with_epsilon (rects_a[k].x1, rects_b[k].x1, 0.01);
            g_assert_cmpfloat_with_epsilon (rects_a[k].y1, rects_b[k].y1, 0.01);
            g_assert_cmpfloat_with_epsilon (rects_a[k].x2, rects_b[k].x2, 0.01);
            g_assert_cmpfloat_with_epsilon (rects_a[k].y2, rects_b[k].y2, 0.01);
          }
        g_free (rects_a);
        g_free (rects_b);
      }
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("pathway-tagged-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = work_path ("demo.pathway");
  g_assert_true (pathway_demo_write (demo_path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (demo_path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  pack = pathway_pack_new (demo, latest_meeting (demo), NULL, &error);
  g_assert_no_error (error);
  pdf_path = work_path ("tagged.pdf");
  pathway_pack_write_pdf (pack, pdf_path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/report/tagged/headings-in-order", test_headings_in_order);
  g_test_add_func ("/report/tagged/tables-have-header-cells", test_tables_have_header_cells);
  g_test_add_func ("/report/tagged/figures-have-alternative-text",
                   test_figures_have_alternative_text);
  g_test_add_func ("/report/tagged/language-and-tagged", test_language_and_tagged);
  g_test_add_func ("/report/tagged/same-day-same-bytes", test_same_day_same_bytes);
  g_test_add_func ("/report/tagged/pages-look-the-same", test_pages_look_the_same);
  status = g_test_run ();

  g_clear_object (&pack);
  pathway_document_close (demo);
  g_object_unref (demo);
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = work_path (name);

        g_unlink (path);
      }
  }
  g_rmdir (work_dir);
  g_free (work_dir);
  g_free (pdf_path);
  return status;
}
