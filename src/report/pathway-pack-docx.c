/* pathway-pack-docx.c: the board pack as a Word document, for the committee systems that file
 * board papers as .docx. It walks the blocks pathway-pack.c wrote for the PDF
 * (pathway-pack-flow.h), so it holds the same sections in the same order, written the way
 * Word expects a document to be made:
 *  - headings are the built-in Heading 1 and 2 styles with outline levels, so a contents page
 *    and the navigation pane work; the title is the Title style;
 *  - tables have a header row Word repeats on every page (w:tblHeader), fixed column widths
 *    from the PDF's shares, and the rating's word in each rating cell on its tint;
 *  - charts are PNGs drawn by the same callbacks at twice the PDF's resolution, inline, with
 *    the chart's numbers in words as alternative text;
 *  - bullets are a list; landscape blocks (the appendix) are a landscape section;
 *  - every page has the classification in its header and footer, and "Page N of M" as fields.
 *
 * The WordprocessingML parts are written here as text: only the parts Word needs (plus the
 * settings that keep Word out of compatibility mode and the document's title), zipped in
 * memory with libzip. User text is always escaped character data, never markup, with the
 * characters XML cannot hold dropped. The zip's times and the document's dates are the as-at
 * day, so the same pack for the same day is the same bytes; the file is written through
 * PathwaySafeFile like every export. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "pathway-pack-private.h"
#include "pathway-safe-file.h"

/* Charts are drawn at twice the PDF's 72 dpi: sharp on screen and on paper. */
#define IMAGE_SCALE 2.0
#define EMU_PER_POINT 12700
#define LABEL_SHARE 0.28      /* as the PDF's label/value lists */
#define CHIP_INDENT 72.0      /* a rating line's text starts after its chip, in points */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MIME_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

static int
twips (double points)
{
  return (int) lround (points * 20.0);
}

/* Escaping ----------------------------------------------------------------------------------- */

/* Whether XML 1.0 can hold a character; control characters are dropped as well. */
static gboolean
is_kept (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n';
  if (c >= 0x7f && c < 0xa0)
    return FALSE;
  return c != 0xfffe && c != 0xffff;
}

/* Text as character data (or, in an attribute, with quotes escaped and line ends as spaces). */
static void
append_escaped (GString *out, const char *text, gboolean attribute)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_kept (c))
        continue;
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, attribute ? ' ' : (char) c);
          break;
        default:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

/* One run of text with its properties (rPr, or NULL): line ends become breaks and tabs tabs,
 * so text never carries its own layout into the XML. */
static void
append_run (GString *out, const char *rpr, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  g_string_append (out, "<w:r>");
  if (rpr != NULL && *rpr != '\0')
    g_string_append_printf (out, "<w:rPr>%s</w:rPr>", rpr);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (lines[i], "\t", -1);

      if (i > 0)
        g_string_append (out, "<w:br/>");
      for (guint k = 0; pieces[k] != NULL; k++)
        {
          if (k > 0)
            g_string_append (out, "<w:tab/>");
          if (*pieces[k] == '\0')
            continue;
          g_string_append (out, "<w:t xml:space=\"preserve\">");
          append_escaped (out, pieces[k], FALSE);
          g_string_append (out, "</w:t>");
        }
    }
  g_string_append (out, "</w:r>");
}

static char *
hex_colour (const double rgb[3])
{
  return g_strdup_printf ("%02X%02X%02X", (guint) lround (CLAMP (rgb[0], 0, 1) * 255),
                          (guint) lround (CLAMP (rgb[1], 0, 1) * 255),
                          (guint) lround (CLAMP (rgb[2], 0, 1) * 255));
}

/* The writer --------------------------------------------------------------------------------- */

/* A paragraph is kept open until the next block begins, so that the end of a section (its
 * w:sectPr, which Word keeps in the section's last paragraph) can still go into it. */
typedef struct {
  const char *style;         /* NULL: Normal */
  gboolean keep_next;
  gboolean page_break_before;
  gboolean rule_above;       /* the thin rule that separates items, above or below it */
  gboolean rule_below;
  int space_before;          /* twips, or -1 for the style's */
  int indent;                /* hanging indent and its tab stop, twips, or 0 */
  char *sect_pr;
  GString *runs;
} Paragraph;

typedef struct {
  PathwayPack *pack;
  PackFlow *flow;
  PathwayPackRunningText running;
  GString *body;
  Paragraph *paragraph;      /* open, not yet written */
  const PackTable *table;    /* the table being written */
  gboolean facts;            /* a label/value list is being written, as a table */
  gboolean after_table;      /* the last thing written is a table */
  gboolean after_list;       /* ... and that table is a label/value list */
  gboolean landscape;        /* the section being written */
  gboolean any_landscape;
  gboolean any_portrait;
  gboolean written;          /* anything is in the body */
  gboolean rule_pending;
  gboolean break_pending;
  const char *last_heading;  /* for a drawing without a description */
  GPtrArray *images;         /* GBytes: word/media/chartN.png */
  GError *error;
} Writer;

static void
paragraph_free (Paragraph *paragraph)
{
  g_string_free (paragraph->runs, TRUE);
  g_free (paragraph->sect_pr);
  g_free (paragraph);
}

/* Writes the open paragraph, its properties in the order the schema gives them. */
static void
flush_paragraph (Writer *w)
{
  Paragraph *p = w->paragraph;
  GString *out = w->body;

  if (p == NULL)
    return;
  g_string_append (out, "<w:p><w:pPr>");
  if (p->style != NULL)
    g_string_append_printf (out, "<w:pStyle w:val=\"%s\"/>", p->style);
  if (p->keep_next)
    g_string_append (out, "<w:keepNext/>");
  if (p->page_break_before)
    g_string_append (out, "<w:pageBreakBefore/>");
  if (p->rule_above || p->rule_below)
    g_string_append_printf (out, "<w:pBdr><w:%s w:val=\"single\" w:sz=\"4\" w:space=\"8\" "
                                 "w:color=\"999999\"/></w:pBdr>",
                            p->rule_above ? "top" : "bottom");
  if (p->indent > 0)
    g_string_append_printf (out, "<w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs>",
                            p->indent);
  if (p->space_before >= 0)
    g_string_append_printf (out, "<w:spacing w:before=\"%d\"/>", p->space_before);
  if (p->indent > 0)
    g_string_append_printf (out, "<w:ind w:left=\"%d\" w:hanging=\"%d\"/>", p->indent,
                            p->indent);
  if (p->sect_pr != NULL)
    g_string_append (out, p->sect_pr);
  g_string_append (out, "</w:pPr>");
  g_string_append_len (out, p->runs->str, p->runs->len);
  g_string_append (out, "</w:p>");
  g_clear_pointer (&w->paragraph, paragraph_free);
  w->after_table = FALSE;
  w->written = TRUE;
}

static Paragraph *
begin_paragraph (Writer *w, const char *style)
{
  Paragraph *p = g_new0 (Paragraph, 1);

  flush_paragraph (w);
  p->style = style;
  p->space_before = -1;
  p->runs = g_string_new (NULL);
  p->rule_above = w->rule_pending;
  p->page_break_before = w->break_pending;
  /* Text straight after a table would touch its last rule (a list has none, and less space);
   * headings have space of their own. */
  if (w->after_table && (style == NULL || !g_str_has_prefix (style, "Heading")))
    p->space_before = w->after_list ? 80 : 160;
  w->rule_pending = FALSE;
  w->break_pending = FALSE;
  w->paragraph = p;
  return p;
}

/* Sections ----------------------------------------------------------------------------------- */

/* The page's size and margins: A4, 25 mm on the binding edge and 18 mm elsewhere, as the PDF;
 * the header and footer parts of the orientation (the tab stops differ). */
static char *
section_properties (gboolean landscape)
{
  int short_side = twips (PACK_A4_SHORT), long_side = twips (PACK_A4_LONG);

  return g_strdup_printf (
    "<w:sectPr>"
    "<w:headerReference w:type=\"default\" r:id=\"%s\"/>"
    "<w:footerReference w:type=\"default\" r:id=\"%s\"/>"
    "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>"
    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"567\" "
    "w:footer=\"567\" w:gutter=\"0\"/>"
    "</w:sectPr>",
    landscape ? "rIdHeaderLandscape" : "rIdHeader",
    landscape ? "rIdFooterLandscape" : "rIdFooter",
    landscape ? long_side : short_side, landscape ? short_side : long_side,
    landscape ? " w:orient=\"landscape\"" : "", twips (PACK_MARGIN_TOP),
    twips (PACK_MARGIN_OUTER), twips (PACK_MARGIN_BOTTOM), twips (PACK_MARGIN_INNER));
}

static void close_table (Writer *w);

/* Ends the section being written: its properties go in its last paragraph. */
static void
end_section (Writer *w)
{
  close_table (w);
  if (w->paragraph == NULL)
    begin_paragraph (w, NULL);
  w->paragraph->sect_pr = section_properties (w->landscape);
  flush_paragraph (w);
}

static void
note_orientation (Writer *w)
{
  if (w->landscape)
    w->any_landscape = TRUE;
  else
    w->any_portrait = TRUE;
}

/* Blocks ------------------------------------------------------------------------------------- */

static void
add_text_paragraph (Writer *w, const char *style, const char *rpr, const char *text,
                    gboolean keep_next)
{
  Paragraph *p = begin_paragraph (w, style);

  p->keep_next = keep_next;
  append_run (p->runs, rpr, text);
}

/* Plain lines: a blank line starts a new paragraph, a single line end is a line break. */
static void
add_plain_text (Writer *w, const char *style, const char *rpr, const char *text,
                gboolean keep_next)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        {
          if (paragraph->len > 0)
            add_text_paragraph (w, style, rpr, paragraph->str, keep_next);
          g_string_truncate (paragraph, 0);
          continue;
        }
      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, lines[i]);
    }
  if (paragraph->len > 0)
    add_text_paragraph (w, style, rpr, paragraph->str, keep_next);
}

static const char *
font_style (PackFont font)
{
  return font == PACK_FONT_SMALL || font == PACK_FONT_SMALL_BOLD ? "SmallText" : NULL;
}

static const char *
font_run (PackFont font)
{
  return font == PACK_FONT_BOLD || font == PACK_FONT_SMALL_BOLD ? "<w:b/>" : NULL;
}

/* A rating's word on its tint, as the PDF's chips. */
static void
append_chip (Writer *w, GString *out, PathwayRating rating, const char *word)
{
  double tint[3];
  g_autofree char *fill = NULL;
  g_autofree char *rpr = NULL;
  g_autofree char *text = g_strdup_printf ("\u00a0%s\u00a0", word);

  pack_flow_get_rating_colours (w->flow, rating, tint, NULL);
  fill = hex_colour (tint);
  rpr = g_strdup_printf ("<w:b/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", fill);
  append_run (out, rpr, text);
}

static void
add_rating_line (Writer *w, const PackBlock *block, gboolean keep_next)
{
  Paragraph *p = begin_paragraph (w, "Details");

  p->keep_next = keep_next;
  p->indent = twips (CHIP_INDENT);
  append_chip (w, p->runs, block->rating, block->label);
  append_run (p->runs, NULL, "\t");
  append_run (p->runs, NULL, block->text);
}

/* The counts by rating as a line of chips ("3 Red  5 Amber"): words a reader can search and
 * copy, where the PDF draws a bar. */
static void
add_rating_bar (Writer *w, const PackBlock *block, gboolean keep_next)
{
  Paragraph *p = begin_paragraph (w, "Details");
  gboolean any = FALSE;

  p->keep_next = keep_next;
  for (PathwayRating r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
    {
      g_autofree char *word = NULL;

      if (block->counts[r] == 0)
        continue;
      if (any)
        append_run (p->runs, NULL, "  ");
      word = g_strdup_printf ("%u %s", block->counts[r], pack_flow_get_rating_label (w->flow, r));
      append_chip (w, p->runs, r, word);
      any = TRUE;
    }
  if (!any)
    append_run (p->runs, NULL, _("No rated actions"));
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The drawing as a PNG on white (a transparent picture turns black in some converters). */
static GBytes *
render_drawing (Writer *w, guint index, const PackBlock *block, GError **error)
{
  int width = (int) ceil (block->width * IMAGE_SCALE);
  int height = (int) ceil (block->height * IMAGE_SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  cairo_status_t status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, IMAGE_SCALE, IMAGE_SCALE);
  pack_flow_draw_block (w->flow, index, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO, _("A chart could not be drawn: %s"),
                   cairo_status_to_string (status));
      g_byte_array_unref (png);
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

static gboolean
add_drawing (Writer *w, guint index, const PackBlock *block, gboolean keep_next)
{
  g_autoptr(GBytes) png = render_drawing (w, index, block, &w->error);
  g_autofree char *description = _pathway_pack_describe_drawing (w->pack, block);
  long cx = lround (block->width * EMU_PER_POINT), cy = lround (block->height * EMU_PER_POINT);
  guint n;
  Paragraph *p;
  GString *out;

  if (png == NULL)
    return FALSE;
  g_ptr_array_add (w->images, g_bytes_ref (png));
  n = w->images->len;
  if (description == NULL || *description == '\0')
    {
      g_free (description);
      description = g_strdup_printf (_("Chart: %s"), w->last_heading ? w->last_heading : "");
    }

  p = begin_paragraph (w, "Figure");
  p->keep_next = keep_next;
  out = p->runs;
  g_string_append_printf (out,
                          "<w:r><w:drawing>"
                          "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                          "<wp:extent cx=\"%ld\" cy=\"%ld\"/>"
                          "<wp:docPr id=\"%u\" name=\"Chart %u\" descr=\"",
                          cx, cy, n, n);
  append_escaped (out, description, TRUE);
  g_string_append_printf (out,
                          "\"/>"
                          "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/"
                          "2006/main\">"
                          "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/"
                          "2006/picture\">"
                          "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/"
                          "2006/picture\">"
                          "<pic:nvPicPr><pic:cNvPr id=\"%u\" name=\"chart%u.png\"/>"
                          "<pic:cNvPicPr/></pic:nvPicPr>"
                          "<pic:blipFill><a:blip r:embed=\"rIdChart%u\"/>"
                          "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                          "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                          "<a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
                          "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                          "</pic:pic></a:graphicData></a:graphic>"
                          "</wp:inline></w:drawing></w:r>",
                          n, n, n, cx, cy);
  return TRUE;
}

/* Tables ------------------------------------------------------------------------------------- */

static void
close_table (Writer *w)
{
  if (w->table == NULL && !w->facts)
    return;
  g_string_append (w->body, "</w:tbl>");
  w->after_list = w->facts;
  w->table = NULL;
  w->facts = FALSE;
  w->after_table = TRUE;
}

/* Before a table: what was open is written, and a paragraph keeps it apart from a table just
 * before (two tables in a row would be one to Word) or carries its page break. */
static void
prepare_table (Writer *w)
{
  close_table (w);
  flush_paragraph (w);
  if (w->after_table || w->break_pending)
    {
      begin_paragraph (w, "TableGap");
      flush_paragraph (w);
    }
  w->written = TRUE;
}

/* A label/value list (the header block, a red action's facts) is a table without rules, as
 * committee papers set out their facts: the values line up however long the labels, and the
 * list is one piece that keeps with the text around it. */
static void
add_label_value (Writer *w, const PackBlock *block, gboolean keep_next)
{
  GString *out = w->body;
  int width = twips (block->width), label = twips (block->width * LABEL_SHARE);
  const char *ppr = keep_next ? "<w:pPr><w:pStyle w:val=\"KeyFact\"/><w:keepNext/></w:pPr>"
                              : "<w:pPr><w:pStyle w:val=\"KeyFact\"/></w:pPr>";

  if (!w->facts)
    {
      prepare_table (w);
      g_string_append_printf (out,
                              "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                              "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
                              "<w:top w:w=\"0\" w:type=\"dxa\"/>"
                              "<w:left w:w=\"0\" w:type=\"dxa\"/>"
                              "<w:bottom w:w=\"50\" w:type=\"dxa\"/>"
                              "<w:right w:w=\"0\" w:type=\"dxa\"/>"
                              "</w:tblCellMar></w:tblPr>"
                              "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/>"
                              "</w:tblGrid>",
                              width, label, width - label);
      w->facts = TRUE;
    }
  g_string_append_printf (out,
                          "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                          "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:tcMar><w:right w:w=\"160\" w:type=\"dxa\"/></w:tcMar></w:tcPr>"
                          "<w:p>%s",
                          label, ppr);
  append_run (out, "<w:b/>", block->label);
  g_string_append_printf (out,
                          "</w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
                          "</w:tcPr><w:p>%s",
                          width - label, ppr);
  append_run (out, NULL, block->text);
  g_string_append (out, "</w:p></w:tc></w:tr>");
}

static void
open_table (Writer *w, const PackBlock *block)
{
  int total = 0;

  prepare_table (w);
  for (guint i = 0; i < block->n_columns; i++)
    total += twips (block->column_widths[i]);
  g_string_append_printf (w->body,
                          "<w:tbl><w:tblPr><w:tblStyle w:val=\"PackTable\"/>"
                          "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:tblLayout w:type=\"fixed\"/>"
                          /* The first row is the header row in the table's look too, as
                           * Word's accessibility checker and screen readers expect. */
                          "<w:tblLook w:val=\"0620\" w:firstRow=\"1\" w:lastRow=\"0\" "
                          "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
                          "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
                          total);
  for (guint i = 0; i < block->n_columns; i++)
    g_string_append_printf (w->body, "<w:gridCol w:w=\"%d\"/>", twips (block->column_widths[i]));
  g_string_append (w->body, "</w:tblGrid>");
  w->table = block->table;
}

static void
begin_cell (GString *out, int width, guint span, const char *fill)
{
  g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
  if (span > 1)
    g_string_append_printf (out, "<w:gridSpan w:val=\"%u\"/>", span);
  if (fill != NULL)
    g_string_append_printf (out, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>",
                            fill);
  g_string_append (out, "</w:tcPr>");
}

static void
append_cell_paragraph (GString *out, const char *rpr, const char *text, gboolean bullet,
                       gboolean keep_next)
{
  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
  if (keep_next)
    g_string_append (out, "<w:keepNext/>");
  if (bullet)
    g_string_append (out, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                          "<w:ind w:left=\"200\" w:hanging=\"160\"/>");
  g_string_append (out, "</w:pPr>");
  if (text != NULL && *text != '\0')
    append_run (out, rpr, text);
  g_string_append (out, "</w:p>");
}

typedef struct {
  GString *out;
  const char *rpr;
  guint n;
} CellRuns;

static void
add_cell_run (gpointer data, const char *text, gboolean bullet)
{
  CellRuns *runs = data;

  append_cell_paragraph (runs->out, runs->rpr, text, bullet, FALSE);
  runs->n++;
}

static void
add_row (Writer *w, const PackBlock *block)
{
  GString *out = w->body;
  gboolean header = block->kind == PACK_BLOCK_TABLE_HEADER;

  if (w->table != block->table || header)
    open_table (w, block);
  g_string_append (out, "<w:tr>");
  /* Rows move whole to the next page, as in the PDF, unless they are a good part of a page
   * themselves. */
  if (header)
    g_string_append (out, "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  else if (block->height < pack_flow_body_height (block->landscape) / 3)
    g_string_append (out, "<w:trPr><w:cantSplit/></w:trPr>");

  if (block->kind == PACK_BLOCK_TABLE_GROUP_ROW)
    {
      int total = 0;

      for (guint i = 0; i < block->n_columns; i++)
        total += twips (block->column_widths[i]);
      begin_cell (out, total, block->n_columns, "F0F0F0");
      /* A theme's row stays with the first row under it. */
      append_cell_paragraph (out, "<w:b/>", block->text, FALSE, TRUE);
      g_string_append (out, "</w:tc></w:tr>");
      return;
    }

  for (guint i = 0; i < block->n_columns; i++)
    {
      const PackCell *cell = &block->cells[i];
      int width = twips (block->column_widths[i]);

      if (header)
        {
          begin_cell (out, width, 1, "DBDBDB");
          append_cell_paragraph (out, "<w:b/>", cell->text, FALSE, FALSE);
        }
      else if (cell->rating != PATHWAY_RATING_NONE)
        {
          double tint[3];
          g_autofree char *fill = NULL;

          pack_flow_get_rating_colours (w->flow, cell->rating, tint, NULL);
          fill = hex_colour (tint);
          begin_cell (out, width, 1, fill);
          append_cell_paragraph (out, "<w:b/>", cell->text, FALSE, FALSE);
        }
      else
        {
          CellRuns runs = { out, cell->bold ? "<w:b/>" : NULL, 0 };

          begin_cell (out, width, 1, NULL);
          pack_flow_foreach_run (cell->text, add_cell_run, &runs);
          /* Word needs a paragraph in every cell. */
          if (runs.n == 0)
            append_cell_paragraph (out, NULL, NULL, FALSE, FALSE);
        }
      g_string_append (out, "</w:tc>");
    }
  g_string_append (out, "</w:tr>");
}

/* Whether the next block that shows anything belongs to the same group: the group's
 * paragraphs keep with each other, as the PDF keeps one red action on one page. */
static gboolean
keeps_with_next (Writer *w, guint index, const PackBlock *block)
{
  guint n = pack_flow_get_n_blocks (w->flow);

  for (guint k = index + 1; k < n; k++)
    {
      PackBlock next;

      pack_flow_get_block (w->flow, k, &next);
      if (next.kind == PACK_BLOCK_SPACE || next.kind == PACK_BLOCK_TITLE_RULE)
        continue;
      /* A label/value list stays whole. */
      if (block->kind == PACK_BLOCK_LABEL_VALUE && next.kind == PACK_BLOCK_LABEL_VALUE)
        return TRUE;
      return block->group > 0 && next.group == block->group;
    }
  return FALSE;
}

static gboolean
write_blocks (Writer *w)
{
  guint n = pack_flow_get_n_blocks (w->flow);

  for (guint i = 0; i < n; i++)
    {
      PackBlock block;
      gboolean keep;

      pack_flow_get_block (w->flow, i, &block);
      if (block.kind == PACK_BLOCK_SPACE)
        continue;
      if (i == 0 || !w->written)
        w->landscape = block.landscape;
      else if (block.landscape != w->landscape)
        {
          note_orientation (w);
          end_section (w);
          w->landscape = block.landscape;
          /* The new section starts a page of its own. */
          block.page_break = FALSE;
        }
      if (block.section != NULL && block.page_break && w->written)
        w->break_pending = TRUE;
      if ((w->facts && block.kind != PACK_BLOCK_LABEL_VALUE)
          || (w->table != NULL && block.kind != PACK_BLOCK_TABLE_ROW
              && block.kind != PACK_BLOCK_TABLE_GROUP_ROW))
        close_table (w);

      keep = keeps_with_next (w, i, &block);
      switch (block.kind)
        {
        case PACK_BLOCK_TITLE:
          add_text_paragraph (w, "Title", NULL, block.text, TRUE);
          break;
        case PACK_BLOCK_HEADING:
          add_text_paragraph (w, "Heading1", NULL, block.text, TRUE);
          w->last_heading = block.text;
          break;
        case PACK_BLOCK_SUBHEADING:
          add_text_paragraph (w, "Heading2", NULL, block.text, TRUE);
          w->last_heading = block.text;
          break;
        case PACK_BLOCK_LABEL:
          add_text_paragraph (w, "Label", NULL, block.text, TRUE);
          break;
        case PACK_BLOCK_PARAGRAPH:
          add_plain_text (w, font_style (block.font), font_run (block.font), block.text, keep);
          break;
        case PACK_BLOCK_BULLET:
          {
            Paragraph *p = begin_paragraph (w, "ListBullet");

            if (font_style (block.font) != NULL)
              p->style = "ListBulletSmall";
            p->keep_next = keep;
            append_run (p->runs, font_run (block.font), block.text);
          }
          break;
        case PACK_BLOCK_RULE:
          /* Under the item before rather than over the next, so that an item at the top of a
           * page has no rule there (as in the PDF). */
          if (w->paragraph != NULL)
            w->paragraph->rule_below = TRUE;
          else
            w->rule_pending = TRUE;
          break;
        case PACK_BLOCK_LABEL_VALUE:
          add_label_value (w, &block, keep);
          break;
        case PACK_BLOCK_RATING_LINE:
          add_rating_line (w, &block, keep);
          break;
        case PACK_BLOCK_RATING_BAR:
          add_rating_bar (w, &block, keep);
          break;
        case PACK_BLOCK_DRAWING:
          if (!add_drawing (w, i, &block, keep))
            return FALSE;
          break;
        case PACK_BLOCK_TABLE_HEADER:
        case PACK_BLOCK_TABLE_ROW:
        case PACK_BLOCK_TABLE_GROUP_ROW:
          add_row (w, &block);
          break;
        case PACK_BLOCK_TITLE_RULE:
        case PACK_BLOCK_SPACE:
        default:
          break;
        }
    }
  close_table (w);
  /* Word ends a document with a paragraph, never a table. */
  if (w->after_table)
    begin_paragraph (w, "TableGap");
  flush_paragraph (w);
  note_orientation (w);
  return TRUE;
}

/* Parts -------------------------------------------------------------------------------------- */

static GBytes *
take_part (GString *part)
{
  return g_string_free_to_bytes (part);
}

static GBytes *
document_part (Writer *w)
{
  GString *out = g_string_new (XML_DECL);
  g_autofree char *last = section_properties (w->landscape);

  g_string_append (out, "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
                        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
                        "wordprocessingDrawing\"><w:body>");
  g_string_append_len (out, w->body->str, w->body->len);
  g_string_append (out, last);
  g_string_append (out, "</w:body></w:document>");
  return take_part (out);
}

/* The styles: Arial (or its metric twin) as committee papers are, a little larger than the
 * PDF's type since a Word document is read on screen and edited. */
static GBytes *
styles_part (void)
{
  static const char styles[] =
    XML_DECL
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\"/>"
    "</w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"

    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:keepNext/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"6\" "
    "w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"240\" w:line=\"240\" "
    "w:lineRule=\"auto\"/></w:pPr>"
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
    "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
    "<w:spacing w:before=\"360\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "<w:outlineLvl w:val=\"0\"/></w:pPr>"
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
    "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
    "<w:spacing w:before=\"240\" w:after=\"80\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "<w:outlineLvl w:val=\"1\"/></w:pPr>"
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
    "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
    "<w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Label\">"
    "<w:name w:val=\"Label\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
    "<w:pPr><w:keepNext/><w:spacing w:before=\"160\" w:after=\"40\"/></w:pPr>"
    "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"SmallText\">"
    "<w:name w:val=\"Small Text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"KeyFact\">"
    "<w:name w:val=\"Key Fact\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Details\">"
    "<w:name w:val=\"Details\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
    "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"ListBulletSmall\">"
    "<w:name w:val=\"List Bullet Small\"/><w:basedOn w:val=\"ListBullet\"/>"
    "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Figure\">"
    "<w:name w:val=\"Figure\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:before=\"60\" w:after=\"200\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\">"
    "<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"30\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
    "<w:rPr><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableGap\">"
    "<w:name w:val=\"Table Gap\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr>"
    "<w:rPr><w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/></w:rPr></w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
    "<w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"
    "</w:style>"

    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
    "<w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"
    "</w:style>"

    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"

    "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"PackTable\">"
    "<w:name w:val=\"Pack Table\"/><w:basedOn w:val=\"TableNormal\"/>"
    "<w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C7C7C7\"/>"
    "</w:tblBorders><w:tblCellMar>"
    "<w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>";

  return g_bytes_new_static (styles, sizeof styles - 1);
}

static GBytes *
numbering_part (void)
{
  static const char numbering[] =
    XML_DECL
    "<w:numbering xmlns:w=\"" NS_W "\">"
    "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\u2022\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "</w:numbering>";

  return g_bytes_new_static (numbering, sizeof numbering - 1);
}

/* Without compatibilityMode 15 Word opens the file in "Compatibility Mode". The theme's
 * language is the document's, as in the styles' defaults, for proofing and screen readers. */
static GBytes *
settings_part (void)
{
  static const char settings[] =
    XML_DECL
    "<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"720\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "<w:themeFontLang w:val=\"en-GB\"/>"
    "</w:settings>";

  return g_bytes_new_static (settings, sizeof settings - 1);
}

/* The running header and footer, as the PDF's: the report and its classification above a
 * rule; the programme, the classification and "Page N of M" below one. */
static GBytes *
header_part (Writer *w, gboolean landscape)
{
  GString *out = g_string_new (XML_DECL);
  int width = twips ((landscape ? PACK_A4_LONG : PACK_A4_SHORT) - PACK_MARGIN_INNER
                     - PACK_MARGIN_OUTER);

  g_string_append_printf (out,
                          "<w:hdr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
                          "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" "
                          "w:color=\"808080\"/></w:pBdr>"
                          "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs></w:pPr>",
                          width);
  append_run (out, NULL, w->running.header);
  append_run (out, NULL, "\t");
  append_run (out, "<w:b/><w:color w:val=\"000000\"/>", w->running.classification);
  g_string_append (out, "</w:p></w:hdr>");
  return take_part (out);
}

static GBytes *
footer_part (Writer *w, gboolean landscape)
{
  GString *out = g_string_new (XML_DECL);
  int width = twips ((landscape ? PACK_A4_LONG : PACK_A4_SHORT) - PACK_MARGIN_INNER
                     - PACK_MARGIN_OUTER);
  /* Translators: the footer of the pack as a Word document. {page} and {pages} stand for
   * the page's number and the number of pages: keep them as they are. */
  const char *page = _("Page {page} of {pages}");

  g_string_append_printf (out,
                          "<w:ftr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
                          "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" "
                          "w:color=\"808080\"/></w:pBdr>"
                          "<w:tabs><w:tab w:val=\"center\" w:pos=\"%d\"/>"
                          "<w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs></w:pPr>",
                          (int) lround (width * 0.7), width);
  append_run (out, NULL, w->running.footer);
  append_run (out, NULL, "\t");
  append_run (out, "<w:b/><w:color w:val=\"000000\"/>", w->running.classification);
  append_run (out, NULL, "\t");
  /* The words between the fields, which Word and LibreOffice fill in on every page. */
  while (*page != '\0')
    {
      const char *field = NULL;
      const char *next = strchr (page, '{');
      g_autofree char *words = NULL;

      if (next == NULL)
        next = page + strlen (page);
      else if (g_str_has_prefix (next, "{pages}"))
        field = "NUMPAGES";
      else if (g_str_has_prefix (next, "{page}"))
        field = "PAGE";
      else
        next = strchr (next + 1, '{') ? strchr (next + 1, '{') : next + strlen (next);
      words = g_strndup (page, next - page);
      if (*words != '\0')
        append_run (out, NULL, words);
      page = next;
      if (field != NULL)
        {
          g_string_append_printf (out, "<w:fldSimple w:instr=\" %s \"><w:r><w:t>1</w:t></w:r>"
                                       "</w:fldSimple>",
                                  field);
          page += g_str_equal (field, "PAGE") ? strlen ("{page}") : strlen ("{pages}");
        }
    }
  g_string_append (out, "</w:p></w:ftr>");
  return take_part (out);
}

static GBytes *
content_types_part (Writer *w)
{
  GString *out = g_string_new (XML_DECL);

  g_string_append (out,
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/"
                   "vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"" MIME_WML
                   "document.main+xml\"/>"
                   "<Override PartName=\"/word/styles.xml\" ContentType=\"" MIME_WML
                   "styles+xml\"/>"
                   "<Override PartName=\"/word/numbering.xml\" ContentType=\"" MIME_WML
                   "numbering+xml\"/>"
                   "<Override PartName=\"/word/settings.xml\" ContentType=\"" MIME_WML
                   "settings+xml\"/>");
  if (w->any_portrait)
    g_string_append (out,
                     "<Override PartName=\"/word/header1.xml\" ContentType=\"" MIME_WML
                     "header+xml\"/>"
                     "<Override PartName=\"/word/footer1.xml\" ContentType=\"" MIME_WML
                     "footer+xml\"/>");
  if (w->any_landscape)
    g_string_append (out,
                     "<Override PartName=\"/word/header2.xml\" ContentType=\"" MIME_WML
                     "header+xml\"/>"
                     "<Override PartName=\"/word/footer2.xml\" ContentType=\"" MIME_WML
                     "footer+xml\"/>");
  g_string_append (out,
                   "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-package.core-properties+xml\"/>"
                   "</Types>");
  return take_part (out);
}

static GBytes *
package_relationships_part (void)
{
  static const char rels[] =
    XML_DECL
    "<Relationships xmlns=\"" NS_REL "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

  return g_bytes_new_static (rels, sizeof rels - 1);
}

static GBytes *
document_relationships_part (Writer *w)
{
  GString *out = g_string_new (XML_DECL);

  g_string_append (out,
                   "<Relationships xmlns=\"" NS_REL "\">"
                   "<Relationship Id=\"rIdStyles\" Type=\"" REL_TYPE "styles\" "
                   "Target=\"styles.xml\"/>"
                   "<Relationship Id=\"rIdNumbering\" Type=\"" REL_TYPE "numbering\" "
                   "Target=\"numbering.xml\"/>"
                   "<Relationship Id=\"rIdSettings\" Type=\"" REL_TYPE "settings\" "
                   "Target=\"settings.xml\"/>");
  if (w->any_portrait)
    g_string_append (out,
                     "<Relationship Id=\"rIdHeader\" Type=\"" REL_TYPE "header\" "
                     "Target=\"header1.xml\"/>"
                     "<Relationship Id=\"rIdFooter\" Type=\"" REL_TYPE "footer\" "
                     "Target=\"footer1.xml\"/>");
  if (w->any_landscape)
    g_string_append (out,
                     "<Relationship Id=\"rIdHeaderLandscape\" Type=\"" REL_TYPE "header\" "
                     "Target=\"header2.xml\"/>"
                     "<Relationship Id=\"rIdFooterLandscape\" Type=\"" REL_TYPE "footer\" "
                     "Target=\"footer2.xml\"/>");
  for (guint i = 1; i <= w->images->len; i++)
    g_string_append_printf (out,
                            "<Relationship Id=\"rIdChart%u\" Type=\"" REL_TYPE "image\" "
                            "Target=\"media/chart%u.png\"/>",
                            i, i);
  g_string_append (out, "</Relationships>");
  return take_part (out);
}

/* The title and author a committee system shows, dated the as-at day. */
static GBytes *
core_properties_part (Writer *w, const char *day)
{
  GString *out = g_string_new (XML_DECL);

  g_string_append (out,
                   "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
                   "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/"
                   "1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  append_escaped (out, w->running.title, FALSE);
  g_string_append (out, "</dc:title>");
  if (w->running.author != NULL && *w->running.author != '\0')
    {
      g_string_append (out, "<dc:creator>");
      append_escaped (out, w->running.author, FALSE);
      g_string_append (out, "</dc:creator>");
    }
  g_string_append (out, "<dc:language>en-GB</dc:language>");
  g_string_append_printf (out,
                          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z"
                          "</dcterms:created>"
                          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z"
                          "</dcterms:modified></cp:coreProperties>",
                          day, day);
  return take_part (out);
}

/* The zip ------------------------------------------------------------------------------------ */

typedef struct {
  zip_t *zip;
  GPtrArray *parts;  /* GBytes, alive until the zip is closed */
  time_t mtime;
  char *failure;
} Package;

static void
add_part (Package *package, const char *name, GBytes *bytes, gboolean compress)
{
  gsize length;
  gconstpointer data = g_bytes_get_data (bytes, &length);
  zip_source_t *source;
  zip_int64_t index;

  g_ptr_array_add (package->parts, bytes);
  if (package->failure != NULL)
    return;
  source = zip_source_buffer (package->zip, data, length, 0);
  index = source != NULL ? zip_file_add (package->zip, name, source, ZIP_FL_ENC_UTF_8) : -1;
  if (index < 0)
    {
      if (source != NULL)
        zip_source_free (source);
      package->failure = g_strdup (zip_strerror (package->zip));
      return;
    }
  /* Pictures are compressed already. */
  if (zip_set_file_compression (package->zip, (zip_uint64_t) index,
                                compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0
      || zip_file_set_mtime (package->zip, (zip_uint64_t) index, package->mtime, 0) < 0)
    package->failure = g_strdup (zip_strerror (package->zip));
}

/* The parts zipped in memory; NULL with the reason in 'failure' (free with g_free). */
static GBytes *
zip_parts (Writer *w, const GDate *as_at, char **failure)
{
  g_autofree char *day = pathway_date_format_iso (as_at);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (as_at),
                                                         g_date_get_month (as_at),
                                                         g_date_get_day (as_at), 0, 0, 0);
  Package package = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref),
                      (time_t) g_date_time_to_unix (midnight), NULL };
  zip_error_t zip_error;
  zip_source_t *buffer;
  GByteArray *bytes = NULL;

  zip_error_init (&zip_error);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zip_error);
  if (buffer != NULL)
    package.zip = zip_open_from_source (buffer, ZIP_TRUNCATE, &zip_error);
  if (package.zip == NULL)
    {
      *failure = g_strdup (zip_error_strerror (&zip_error));
      if (buffer != NULL)
        zip_source_free (buffer);
      zip_error_fini (&zip_error);
      g_ptr_array_unref (package.parts);
      return NULL;
    }
  /* The archive is read back from the buffer after it is closed. */
  zip_source_keep (buffer);

  add_part (&package, "[Content_Types].xml", content_types_part (w), TRUE);
  add_part (&package, "_rels/.rels", package_relationships_part (), TRUE);
  add_part (&package, "docProps/core.xml", core_properties_part (w, day), TRUE);
  add_part (&package, "word/document.xml", document_part (w), TRUE);
  add_part (&package, "word/_rels/document.xml.rels", document_relationships_part (w), TRUE);
  add_part (&package, "word/styles.xml", styles_part (), TRUE);
  add_part (&package, "word/numbering.xml", numbering_part (), TRUE);
  add_part (&package, "word/settings.xml", settings_part (), TRUE);
  if (w->any_portrait)
    {
      add_part (&package, "word/header1.xml", header_part (w, FALSE), TRUE);
      add_part (&package, "word/footer1.xml", footer_part (w, FALSE), TRUE);
    }
  if (w->any_landscape)
    {
      add_part (&package, "word/header2.xml", header_part (w, TRUE), TRUE);
      add_part (&package, "word/footer2.xml", footer_part (w, TRUE), TRUE);
    }
  for (guint i = 0; i < w->images->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/chart%u.png", i + 1);

      add_part (&package, name, g_bytes_ref (g_ptr_array_index (w->images, i)), FALSE);
    }

  if (package.failure == NULL && zip_close (package.zip) < 0)
    package.failure = g_strdup (zip_strerror (package.zip));
  if (package.failure != NULL)
    zip_discard (package.zip);
  else if (zip_source_open (buffer) < 0)
    package.failure = g_strdup (zip_error_strerror (zip_source_error (buffer)));
  else
    {
      char chunk[65536];
      zip_int64_t n;

      bytes = g_byte_array_new ();
      while ((n = zip_source_read (buffer, chunk, sizeof chunk)) > 0)
        g_byte_array_append (bytes, (const guint8 *) chunk, (guint) n);
      if (n < 0)
        package.failure = g_strdup (zip_error_strerror (zip_source_error (buffer)));
      zip_source_close (buffer);
    }
  zip_source_free (buffer);
  zip_error_fini (&zip_error);
  g_ptr_array_unref (package.parts);

  if (package.failure != NULL)
    {
      *failure = package.failure;
      g_clear_pointer (&bytes, g_byte_array_unref);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* Writing ------------------------------------------------------------------------------------ */

gboolean
pathway_pack_write_docx (PathwayPack *self, const char *path, GError **error)
{
  g_autoptr(PathwaySafeFile) file = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autofree char *failure = NULL;
  Writer w = { 0 };
  gboolean drawn;

  g_return_val_if_fail (PATHWAY_IS_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pathway_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;

  w.pack = self;
  w.flow = _pathway_pack_get_flow (self);
  _pathway_pack_get_running_text (self, &w.running);
  w.body = g_string_new (NULL);
  w.images = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  drawn = write_blocks (&w);
  if (drawn)
    zip = zip_parts (&w, pathway_pack_get_as_at (self), &failure);
  g_clear_pointer (&w.paragraph, paragraph_free);
  g_string_free (w.body, TRUE);
  g_ptr_array_unref (w.images);

  if (!drawn)
    pathway_safe_file_fail (file, 0, w.error->message);
  else if (zip == NULL)
    pathway_safe_file_fail (file, 0, failure);
  else
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (zip, &length);

      pathway_safe_file_write (file, data, length);
    }
  g_clear_error (&w.error);
  return pathway_safe_file_commit (file, error);
}
