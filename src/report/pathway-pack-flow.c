/* pathway-pack-flow.c: measures the pack's blocks with Pango and cuts them into pages (the
 * rules are in the header). Every block becomes one or more atoms: a piece of known height
 * that is drawn at a place on a page, whole or (for text and very tall rows) as a slice
 * between two of its lines. Measuring uses a Pango context at 72 dpi with hinting off, so a
 * point is a Pango unit and the same layout draws the same on a PDF, a printer and the screen. */
#define G_LOG_DOMAIN "pathway-report"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-chart-layout.h"
#include "pathway-pack-flow.h"

#define CELL_PAD 4.0
#define BULLET_INDENT 14.0
#define LABEL_SHARE 0.28
#define CHIP_WIDTH 62.0
#define CELL_BULLET_INDENT 10.0
#define RUN_GAP 1.5

typedef enum {
  ATOM_TEXT,
  ATOM_ROW,
  ATOM_SPACE,
  ATOM_DRAWING,
  ATOM_RATING_BAR,
  ATOM_RATING_LINE,
  ATOM_LABEL_VALUE,
  ATOM_TITLE_RULE,
  ATOM_RULE,
} AtomKind;

typedef struct {
  AtomKind kind;
  PackBlockKind block;  /* what the pack asked for, for other writers */
  PackFont font;        /* TEXT */
  double height;        /* whole height in points */
  double x;             /* indent from the text's left edge */
  double width;         /* the width it was laid out in */
  gboolean landscape;
  gboolean keep_with_next;
  gboolean break_before;
  int group;            /* > 0: keep together with atoms of the same group */
  const char *section;  /* starts this section (owned by the flow) */

  PangoLayout *layout;  /* TEXT, RATING_LINE text, LABEL_VALUE value */
  PangoLayout *label;   /* LABEL_VALUE label */
  gboolean bullet;

  PackTable *table;     /* ROW */
  gboolean header;
  gboolean group_row;
  GPtrArray *cells;     /* ROW: Cell per column (group row: one) */
  PackCell *given;      /* ROW: the cells as the pack gave them, texts in given_texts */
  char **given_texts;
  PathwayRating *ratings;
  PathwayRating rating; /* RATING_LINE */
  guint counts[PATHWAY_N_RATINGS];

  PackDrawFunc draw;
  gpointer data;
  GDestroyNotify destroy;
} Atom;

/* A table cell's text: plain runs and bullet runs, one layout each, stacked. */
typedef struct {
  PangoLayout *layout;
  double y;             /* from the top of the cell */
  gboolean bullet;
} CellRun;

typedef struct {
  GArray *runs;         /* CellRun */
  double height;
} Cell;

struct _PackTable {
  guint n_columns;
  double *x;            /* column left edges, from the text's left edge */
  double *w;
  Atom *header;         /* the header row, placed again on each page the table spans */
};

typedef struct {
  Atom *atom;
  double y;             /* from the top of the body */
  double from, to;      /* the slice of the atom's content drawn here */
  gboolean continued;   /* a repeated table header */
} Placement;

typedef struct {
  gboolean landscape;
  const char *title;
  GArray *placements;
} Page;

struct _PackFlow {
  PangoContext *context;
  PangoFontDescription *fonts[PACK_N_FONTS];
  char *rating_labels[PATHWAY_N_RATINGS];
  gboolean black_and_white; /* chips and bars in greys, for a black-and-white printer */
  GPtrArray *atoms;     /* Atom, in reading order */
  GPtrArray *tables;
  GPtrArray *strings;   /* section titles */
  GArray *pages;        /* Page */
  gboolean landscape;
  const char *pending_section;
  gboolean pending_break;
  int group;            /* the open group, or 0 */
  int n_groups;
};

static const struct {
  const char *family;
  double size;
  PangoWeight weight;
} font_specs[PACK_N_FONTS] = {
  [PACK_FONT_BODY] = { "Cantarell, DejaVu Sans, sans-serif", 9.5, PANGO_WEIGHT_NORMAL },
  [PACK_FONT_BOLD] = { "Cantarell, DejaVu Sans, sans-serif", 9.5, PANGO_WEIGHT_BOLD },
  [PACK_FONT_SMALL] = { "Cantarell, DejaVu Sans, sans-serif", 8.0, PANGO_WEIGHT_NORMAL },
  [PACK_FONT_SMALL_BOLD] = { "Cantarell, DejaVu Sans, sans-serif", 8.0, PANGO_WEIGHT_BOLD },
  [PACK_FONT_TITLE] = { "Cantarell, DejaVu Sans, sans-serif", 20.0, PANGO_WEIGHT_BOLD },
  [PACK_FONT_HEADING] = { "Cantarell, DejaVu Sans, sans-serif", 14.0, PANGO_WEIGHT_BOLD },
  [PACK_FONT_SUBHEADING] = { "Cantarell, DejaVu Sans, sans-serif", 11.0, PANGO_WEIGHT_BOLD },
};

/* Tints for rating chips: light enough for black text, distinct in grey. In black and
 * white, greys of different darkness (red darkest), the word carrying the meaning. */
static void
rating_tint (PackFlow *flow, PathwayRating rating, double rgb[3])
{
  static const double tints[PATHWAY_N_RATINGS][3] = {
    { 0.92, 0.92, 0.92 },
    { 0.96, 0.76, 0.76 },
    { 0.99, 0.88, 0.62 },
    { 0.78, 0.91, 0.80 },
    { 0.76, 0.85, 0.96 },
  };
  static const double greys[PATHWAY_N_RATINGS] = { 1.0, 0.62, 0.78, 0.94, 0.86 };
  guint r = (guint) rating < PATHWAY_N_RATINGS ? rating : 0;

  if (flow->black_and_white)
    rgb[0] = rgb[1] = rgb[2] = greys[r];
  else
    memcpy (rgb, tints[r], sizeof tints[0]);
}

/* Strong colours for the edge of a chip and bar segments (black in black and white). */
static void
rating_strong (PackFlow *flow, PathwayRating rating, double rgb[3])
{
  static const double strong[PATHWAY_N_RATINGS][3] = {
    { 0.45, 0.45, 0.45 },
    { 0.75, 0.11, 0.16 },
    { 0.85, 0.58, 0.02 },
    { 0.10, 0.48, 0.27 },
    { 0.13, 0.40, 0.75 },
  };

  if (flow->black_and_white)
    rgb[0] = rgb[1] = rgb[2] = 0.0;
  else
    memcpy (rgb, strong[(guint) rating < PATHWAY_N_RATINGS ? rating : 0], sizeof strong[0]);
}

void
pack_flow_set_black_and_white (PackFlow *flow, gboolean black_and_white)
{
  flow->black_and_white = black_and_white;
}

static void
atom_free (gpointer pointer)
{
  Atom *atom = pointer;

  g_clear_object (&atom->layout);
  g_clear_object (&atom->label);
  g_clear_pointer (&atom->cells, g_ptr_array_unref);
  g_free (atom->given);
  g_strfreev (atom->given_texts);
  g_free (atom->ratings);
  if (atom->destroy != NULL && atom->data != NULL)
    atom->destroy (atom->data);
  g_free (atom);
}

static void
cell_free (gpointer pointer)
{
  Cell *cell = pointer;

  for (guint i = 0; i < cell->runs->len; i++)
    g_object_unref (g_array_index (cell->runs, CellRun, i).layout);
  g_array_unref (cell->runs);
  g_free (cell);
}

static void
table_free (gpointer pointer)
{
  PackTable *table = pointer;

  g_free (table->x);
  g_free (table->w);
  if (table->header != NULL)
    atom_free (table->header);
  g_free (table);
}

static void
clear_pages (PackFlow *flow)
{
  for (guint i = 0; i < flow->pages->len; i++)
    g_array_unref (g_array_index (flow->pages, Page, i).placements);
  g_array_set_size (flow->pages, 0);
}

PackFlow *
pack_flow_new (void)
{
  PackFlow *flow = g_new0 (PackFlow, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  flow->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (flow->context, 72.0);
  /* Unhinted metrics: text measures the same at every scale (preview, print, PDF). */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (flow->context, FALSE);

  for (guint i = 0; i < PACK_N_FONTS; i++)
    {
      flow->fonts[i] = pango_font_description_from_string (font_specs[i].family);
      pango_font_description_set_size (flow->fonts[i], font_specs[i].size * PANGO_SCALE);
      pango_font_description_set_weight (flow->fonts[i], font_specs[i].weight);
    }
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    flow->rating_labels[i] = g_strdup ("");
  flow->atoms = g_ptr_array_new_with_free_func (atom_free);
  flow->tables = g_ptr_array_new_with_free_func (table_free);
  flow->strings = g_ptr_array_new_with_free_func (g_free);
  flow->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  return flow;
}

void
pack_flow_free (PackFlow *flow)
{
  if (flow == NULL)
    return;
  clear_pages (flow);
  g_array_unref (flow->pages);
  g_ptr_array_unref (flow->atoms);
  g_ptr_array_unref (flow->tables);
  g_ptr_array_unref (flow->strings);
  for (guint i = 0; i < PACK_N_FONTS; i++)
    pango_font_description_free (flow->fonts[i]);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    g_free (flow->rating_labels[i]);
  g_object_unref (flow->context);
  g_free (flow);
}

void
pack_flow_set_rating_label (PackFlow *flow, PathwayRating rating, const char *label)
{
  g_return_if_fail ((guint) rating < PATHWAY_N_RATINGS);

  g_free (flow->rating_labels[rating]);
  flow->rating_labels[rating] = g_strdup (label ? label : "");
}

static double
text_width (PackFlow *flow)
{
  return (flow->landscape ? PACK_A4_LONG : PACK_A4_SHORT) - PACK_MARGIN_INNER
         - PACK_MARGIN_OUTER;
}

static double
body_height (gboolean landscape)
{
  return (landscape ? PACK_A4_SHORT : PACK_A4_LONG) - PACK_MARGIN_TOP - PACK_MARGIN_BOTTOM;
}

PangoLayout *
pack_flow_layout (PackFlow *flow, PackFont font, const char *text, double width)
{
  PangoLayout *layout = pango_layout_new (flow->context);

  pango_layout_set_font_description (layout, flow->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* User text is text, never markup. */
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Atom *
add_atom (PackFlow *flow, AtomKind kind)
{
  Atom *atom = g_new0 (Atom, 1);

  atom->kind = kind;
  atom->landscape = flow->landscape;
  atom->width = text_width (flow);
  atom->group = flow->group;
  atom->section = flow->pending_section;
  atom->break_before = flow->pending_break;
  flow->pending_section = NULL;
  flow->pending_break = FALSE;
  g_ptr_array_add (flow->atoms, atom);
  return atom;
}

void
pack_flow_begin_section (PackFlow *flow, const char *title, gboolean new_page)
{
  char *copy = g_strdup (title);

  g_ptr_array_add (flow->strings, copy);
  flow->pending_section = copy;
  flow->pending_break = new_page;
}

void
pack_flow_set_landscape (PackFlow *flow, gboolean landscape)
{
  flow->landscape = landscape;
}

void
pack_flow_space (PackFlow *flow, double points)
{
  Atom *atom;

  /* A space never carries a section start: the next block does. */
  const char *section = flow->pending_section;
  gboolean page_break = flow->pending_break;

  flow->pending_section = NULL;
  flow->pending_break = FALSE;
  atom = add_atom (flow, ATOM_SPACE);
  atom->block = PACK_BLOCK_SPACE;
  atom->height = points;
  flow->pending_section = section;
  flow->pending_break = page_break;
}

static Atom *
add_text (PackFlow *flow, const char *text, PackFont font, double indent, gboolean bullet,
          gboolean keep_with_next)
{
  Atom *atom = add_atom (flow, ATOM_TEXT);

  atom->block = bullet ? PACK_BLOCK_BULLET : PACK_BLOCK_PARAGRAPH;
  atom->font = font;
  atom->x = indent;
  atom->layout = pack_flow_layout (flow, font, text, atom->width - indent);
  atom->height = layout_height (atom->layout);
  atom->bullet = bullet;
  atom->keep_with_next = keep_with_next;
  return atom;
}

void
pack_flow_title (PackFlow *flow, const char *text)
{
  Atom *rule;

  add_text (flow, text, PACK_FONT_TITLE, 0, FALSE, TRUE)->block = PACK_BLOCK_TITLE;
  rule = add_atom (flow, ATOM_TITLE_RULE);
  rule->block = PACK_BLOCK_TITLE_RULE;
  rule->height = 10;
  rule->keep_with_next = TRUE;
}

void
pack_flow_label (PackFlow *flow, const char *text)
{
  add_text (flow, text, PACK_FONT_BOLD, 0, FALSE, TRUE)->block = PACK_BLOCK_LABEL;
  pack_flow_space (flow, 2);
}

void
pack_flow_rule (PackFlow *flow)
{
  Atom *rule = add_atom (flow, ATOM_RULE);

  rule->block = PACK_BLOCK_RULE;
  rule->height = 12;
  rule->keep_with_next = TRUE;
}

void
pack_flow_heading (PackFlow *flow, const char *text)
{
  pack_flow_space (flow, 14);
  add_text (flow, text, PACK_FONT_HEADING, 0, FALSE, TRUE)->block = PACK_BLOCK_HEADING;
  pack_flow_space (flow, 6);
}

void
pack_flow_subheading (PackFlow *flow, const char *text)
{
  pack_flow_space (flow, 8);
  add_text (flow, text, PACK_FONT_SUBHEADING, 0, FALSE, TRUE)->block = PACK_BLOCK_SUBHEADING;
  pack_flow_space (flow, 3);
}

/* "- item", "* item", "• item": the item's text, or NULL when the line is not a bullet. */
static const char *
bullet_text (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  if ((line[0] == '-' || line[0] == '*') && line[1] == ' ')
    return line + 2;
  if (g_str_has_prefix (line, "\u2022"))
    {
      line += strlen ("\u2022");
      while (*line == ' ')
        line++;
      return line;
    }
  return NULL;
}

/* Splits text into runs: plain lines joined, each bullet line on its own. Calls add for
 * each run. */
static void
for_each_run (const char *text, void (*add) (gpointer, const char *, gboolean), gpointer data)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *item = bullet_text (lines[i]);

      g_strchomp (lines[i]);
      if (item != NULL)
        {
          if (plain->len > 0)
            add (data, plain->str, FALSE);
          g_string_truncate (plain, 0);
          add (data, item, TRUE);
        }
      else
        {
          if (plain->len > 0)
            g_string_append_c (plain, '\n');
          g_string_append (plain, lines[i]);
        }
    }
  /* Trailing empty lines say nothing. */
  while (plain->len > 0 && plain->str[plain->len - 1] == '\n')
    g_string_truncate (plain, plain->len - 1);
  if (plain->len > 0)
    add (data, plain->str, FALSE);
}

typedef struct {
  PackFlow *flow;
  PackFont font;
} RunData;

static void
add_paragraph_run (gpointer data, const char *text, gboolean bullet)
{
  RunData *run = data;

  add_text (run->flow, text, run->font, bullet ? BULLET_INDENT : 0, bullet, FALSE);
  if (bullet)
    pack_flow_space (run->flow, 1.5);
}

void
pack_flow_paragraph (PackFlow *flow, const char *text, PackFont font)
{
  RunData run = { flow, font };

  for_each_run (text, add_paragraph_run, &run);
  pack_flow_space (flow, 5);
}

void
pack_flow_label_value (PackFlow *flow, const char *label, const char *value)
{
  Atom *atom = add_atom (flow, ATOM_LABEL_VALUE);
  double label_width = atom->width * LABEL_SHARE;

  atom->block = PACK_BLOCK_LABEL_VALUE;
  atom->label = pack_flow_layout (flow, PACK_FONT_BOLD, label, label_width - 8);
  atom->layout = pack_flow_layout (flow, PACK_FONT_BODY, value, atom->width - label_width);
  atom->height = MAX (layout_height (atom->label), layout_height (atom->layout)) + 3;
}

void
pack_flow_rating_line (PackFlow *flow, PathwayRating rating, const char *text)
{
  Atom *atom = add_atom (flow, ATOM_RATING_LINE);

  atom->block = PACK_BLOCK_RATING_LINE;
  atom->rating = rating;
  atom->label = pack_flow_layout (flow, PACK_FONT_SMALL_BOLD, flow->rating_labels[rating],
                                  CHIP_WIDTH - 8);
  atom->layout = pack_flow_layout (flow, PACK_FONT_BODY, text, atom->width - CHIP_WIDTH - 10);
  atom->height = MAX (layout_height (atom->layout), layout_height (atom->label) + 4) + 4;
}

void
pack_flow_rating_bar (PackFlow *flow, const guint counts[PATHWAY_N_RATINGS])
{
  Atom *atom = add_atom (flow, ATOM_RATING_BAR);

  atom->block = PACK_BLOCK_RATING_BAR;
  memcpy (atom->counts, counts, sizeof atom->counts);
  atom->height = 18;
}

void
pack_flow_drawing (PackFlow *flow, double height, PackDrawFunc draw, gpointer data,
                   GDestroyNotify destroy)
{
  Atom *atom = add_atom (flow, ATOM_DRAWING);

  atom->block = PACK_BLOCK_DRAWING;
  atom->height = height;
  atom->draw = draw;
  atom->data = data;
  atom->destroy = destroy;
}

void
pack_flow_begin_group (PackFlow *flow)
{
  flow->group = ++flow->n_groups;
}

void
pack_flow_end_group (PackFlow *flow)
{
  flow->group = 0;
}

/* Tables ----------------------------------------------------------------------------------- */

typedef struct {
  PackFlow *flow;
  PackFont font;
  double width;
  Cell *cell;
} CellData;

static void
add_cell_run (gpointer data, const char *text, gboolean bullet)
{
  CellData *d = data;
  CellRun run = { NULL, 0, bullet };
  double indent = bullet ? CELL_BULLET_INDENT : 0;

  if (d->cell->runs->len > 0)
    run.y = d->cell->height + RUN_GAP;
  run.layout = pack_flow_layout (d->flow, d->font, text, d->width - indent);
  d->cell->height = run.y + layout_height (run.layout);
  g_array_append_val (d->cell->runs, run);
}

/* A cell's text in 'width' points. With bullets, lines starting "- ", "* " or "• " are
 * bullets with a hanging indent, as in paragraphs. */
static Cell *
cell_new (PackFlow *flow, PackFont font, const char *text, double width, gboolean bullets)
{
  Cell *cell = g_new0 (Cell, 1);
  CellData data = { flow, font, width, cell };

  cell->runs = g_array_new (FALSE, FALSE, sizeof (CellRun));
  if (bullets)
    for_each_run (text, add_cell_run, &data);
  if (cell->runs->len == 0)
    add_cell_run (&data, bullets ? "" : text, FALSE);
  return cell;
}

static PangoLayout *
cell_first_layout (Cell *cell)
{
  return g_array_index (cell->runs, CellRun, 0).layout;
}

static double
row_height (Atom *atom)
{
  double tallest = 0;

  for (guint i = 0; i < atom->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (atom->cells, i);

      tallest = MAX (tallest, cell->height + (atom->ratings[i] ? 4 : 0));
    }
  return tallest + 2 * CELL_PAD;
}

/* The cells as given, with copies of their texts (a rating cell's text is its word). */
static void
keep_given_cells (PackFlow *flow, Atom *atom, guint n_columns, const PackCell *cells)
{
  atom->given = g_new0 (PackCell, n_columns);
  atom->given_texts = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      gboolean chip = cells[i].rating != PATHWAY_RATING_NONE;

      atom->given_texts[i] = g_strdup (chip ? flow->rating_labels[cells[i].rating]
                                            : cells[i].text ? cells[i].text : "");
      atom->given[i].text = atom->given_texts[i];
      atom->given[i].rating = cells[i].rating;
      atom->given[i].bold = cells[i].bold;
    }
}

static Atom *
new_row (PackFlow *flow, PackTable *table, const PackCell *cells, gboolean header)
{
  Atom *atom = g_new0 (Atom, 1);

  atom->kind = ATOM_ROW;
  atom->block = header ? PACK_BLOCK_TABLE_HEADER : PACK_BLOCK_TABLE_ROW;
  atom->landscape = flow->landscape;
  atom->width = text_width (flow);
  atom->table = table;
  atom->header = header;
  keep_given_cells (flow, atom, table->n_columns, cells);
  atom->cells = g_ptr_array_new_with_free_func (cell_free);
  atom->ratings = g_new0 (PathwayRating, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      PackFont font = header || cells[i].bold ? PACK_FONT_SMALL_BOLD : PACK_FONT_SMALL;
      gboolean chip = cells[i].rating != PATHWAY_RATING_NONE;
      const char *text = chip ? flow->rating_labels[cells[i].rating] : cells[i].text;

      if (chip)
        font = PACK_FONT_SMALL_BOLD;
      atom->ratings[i] = cells[i].rating;
      g_ptr_array_add (atom->cells,
                       cell_new (flow, font, text,
                                 table->w[i] - 2 * CELL_PAD - (chip ? 8 : 0),
                                 !header && !chip));
    }
  atom->height = row_height (atom);
  return atom;
}

PackTable *
pack_flow_begin_table (PackFlow *flow, guint n_columns, const double *shares,
                       const char *const *headers)
{
  PackTable *table = g_new0 (PackTable, 1);
  g_autofree PackCell *cells = g_new0 (PackCell, n_columns);
  double width = text_width (flow), x = 0;
  Atom *first;

  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->w[i] = width * shares[i];
      x += table->w[i];
      cells[i].text = headers[i];
    }
  g_ptr_array_add (flow->tables, table);
  table->header = new_row (flow, table, cells, TRUE);

  /* The header that opens the table, in the stream like any block. */
  first = add_atom (flow, ATOM_ROW);
  first->block = PACK_BLOCK_TABLE_HEADER;
  first->table = table;
  first->header = TRUE;
  first->cells = g_ptr_array_ref (table->header->cells);
  first->ratings = g_new0 (PathwayRating, n_columns);
  first->height = table->header->height;
  first->keep_with_next = TRUE;
  return table;
}

void
pack_flow_table_group_row (PackFlow *flow, PackTable *table, const char *text)
{
  Atom *atom = add_atom (flow, ATOM_ROW);

  atom->block = PACK_BLOCK_TABLE_GROUP_ROW;
  atom->table = table;
  atom->group_row = TRUE;
  atom->keep_with_next = TRUE;
  atom->cells = g_ptr_array_new_with_free_func (cell_free);
  atom->ratings = g_new0 (PathwayRating, 1);
  g_ptr_array_add (atom->cells, cell_new (flow, PACK_FONT_SMALL_BOLD, text,
                                          atom->width - 2 * CELL_PAD, FALSE));
  atom->height = row_height (atom);
}

void
pack_flow_table_row (PackFlow *flow, PackTable *table, const PackCell *cells)
{
  Atom *row = new_row (flow, table, cells, FALSE);
  Atom *slot = add_atom (flow, ATOM_ROW);
  int group = slot->group;
  const char *section = slot->section;
  gboolean page_break = slot->break_before;

  /* add_atom placed an empty atom; fill it with the row made above. */
  *slot = *row;
  slot->group = group;
  slot->section = section;
  slot->break_before = page_break;
  g_free (row);
}

void
pack_flow_end_table (PackFlow *flow, PackTable *table)
{
  pack_flow_space (flow, 8);
}

/* Cutting ---------------------------------------------------------------------------------- */

/* Adds the bottoms of a layout's lines (offset by 'top') to 'cuts'. */
static void
add_line_bottoms (PangoLayout *layout, double top, GArray *cuts)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = top + (double) y1 / PANGO_SCALE;
      g_array_append_val (cuts, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Whether y falls between two lines of a layout (or past its end). */
static gboolean
between_lines (PangoLayout *layout, double top, double y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean ok = TRUE;

  do
    {
      int y0, y1;
      double a, b;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      a = top + (double) y0 / PANGO_SCALE;
      b = top + (double) y1 / PANGO_SCALE;
      if (y > a + 0.01 && y < b - 0.01)
        ok = FALSE;
    }
  while (ok && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return ok;
}

static int
compare_doubles_down (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The lowest place in (from, limit] where the atom can be cut between lines, or 'from' when
 * there is none. Text keeps two lines on each side of a cut when it has four or more. */
static double
find_cut (Atom *atom, double from, double limit)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double top = atom->kind == ATOM_ROW ? CELL_PAD : 0;

  if (atom->kind == ATOM_TEXT)
    {
      int n = pango_layout_get_line_count (atom->layout);

      add_line_bottoms (atom->layout, 0, cuts);
      if (n >= 4)
        {
          double low = g_array_index (cuts, double, 1);
          double high = g_array_index (cuts, double, n - 3);

          for (guint i = 0; i < cuts->len; i++)
            {
              double y = g_array_index (cuts, double, i);

              if ((y < low - 0.01 && from < 0.01) || y > high + 0.01)
                g_array_remove_index (cuts, i--);
            }
        }
    }
  else
    {
      for (guint i = 0; i < atom->cells->len; i++)
        {
          Cell *cell = g_ptr_array_index (atom->cells, i);

          for (guint r = 0; r < cell->runs->len; r++)
            {
              CellRun *run = &g_array_index (cell->runs, CellRun, r);

              add_line_bottoms (run->layout, top + run->y, cuts);
            }
        }
    }

  g_array_sort (cuts, compare_doubles_down);
  for (guint i = 0; i < cuts->len; i++)
    {
      double y = g_array_index (cuts, double, i);
      gboolean ok = y > from + 0.01 && y <= limit;

      if (ok && atom->kind == ATOM_ROW)
        for (guint c = 0; ok && c < atom->cells->len; c++)
          {
            Cell *cell = g_ptr_array_index (atom->cells, c);

            for (guint r = 0; ok && r < cell->runs->len; r++)
              {
                CellRun *run = &g_array_index (cell->runs, CellRun, r);

                ok = between_lines (run->layout, top + run->y, y);
              }
          }
      if (ok)
        return y;
    }
  return from;
}

/* Paginating ------------------------------------------------------------------------------- */

static Page *
open_page (PackFlow *flow, gboolean landscape, const char *title)
{
  Page page = { landscape, title, g_array_new (FALSE, TRUE, sizeof (Placement)) };

  g_array_append_val (flow->pages, page);
  return &g_array_index (flow->pages, Page, flow->pages->len - 1);
}

static void
place (Page *page, Atom *atom, double y, double from, double to, gboolean continued)
{
  Placement placement = { atom, y, from, to, continued };

  g_array_append_val (page->placements, placement);
}

/* The height of a group from atom 'start' to its last block (spaces after that do not
 * count: they may fall off the page). */
static double
group_rest (PackFlow *flow, guint start)
{
  Atom *first = g_ptr_array_index (flow->atoms, start);
  double height = 0, spaces = 0;

  for (guint i = start; i < flow->atoms->len; i++)
    {
      Atom *atom = g_ptr_array_index (flow->atoms, i);

      if (atom->group != first->group)
        break;
      if (atom->kind == ATOM_SPACE)
        spaces += atom->height;
      else
        {
          height += spaces + atom->height;
          spaces = 0;
        }
    }
  return height;
}

/* How much must come after an atom that keeps with the next: the spaces between, and all of
 * a group that keeps together (it would not start on this page otherwise), the first lines
 * of text, or the next block. */
static double
following_need (PackFlow *flow, guint i)
{
  Atom *atom = g_ptr_array_index (flow->atoms, i);
  double spaces = 0;

  for (guint k = i + 1; k < flow->atoms->len; k++)
    {
      Atom *next = g_ptr_array_index (flow->atoms, k);

      if (next->kind == ATOM_SPACE)
        {
          spaces += next->height;
          continue;
        }
      if (next->group > 0 && next->group != atom->group)
        {
          double rest = group_rest (flow, k);

          if (spaces + rest <= body_height (next->landscape))
            return spaces + rest;
        }
      if (next->keep_with_next)
        return spaces + next->height + following_need (flow, k);
      /* Text, and a row too tall for any page, break: their first lines are enough. */
      if (next->kind == ATOM_TEXT
          || (next->kind == ATOM_ROW && !next->header && !next->group_row
              && next->height > body_height (next->landscape) - next->table->header->height))
        return spaces + MIN (next->height, 36);
      return spaces + next->height;
    }
  return 0;
}

void
pack_flow_paginate (PackFlow *flow)
{
  Page *page = NULL;
  const char *section = NULL;
  double y = 0, body = 0;
  int last_group = 0;

  clear_pages (flow);

  for (guint i = 0; i < flow->atoms->len; i++)
    {
      Atom *atom = g_ptr_array_index (flow->atoms, i);
      gboolean fresh_page = FALSE;
      double from = 0;

      if (atom->section != NULL)
        section = atom->section;

      if (page == NULL || (atom->break_before && page->placements->len > 0)
          || atom->landscape != page->landscape)
        fresh_page = TRUE;
      else if (atom->kind == ATOM_SPACE)
        {
          if (y > 0)
            y += atom->height;
          continue;
        }
      else if (y > 0)
        {
          double need = atom->height;

          if (atom->keep_with_next)
            need += following_need (flow, i);
          /* A group that fits on a page starts on a new one rather than break. */
          if (atom->group > 0 && atom->group != last_group)
            {
              /* Its leading spaces are already counted in y. */
              double whole = group_rest (flow, i);

              last_group = atom->group;
              if (whole <= body && y + whole > body)
                fresh_page = TRUE;
            }
          if (!fresh_page && y + need > body)
            {
              /* Text may break, and a row that would not fit whole under the repeated
               * header of a fresh page; everything else moves. */
              gboolean breakable = (atom->kind == ATOM_TEXT && !atom->keep_with_next)
                                   || (atom->kind == ATOM_ROW && !atom->header
                                       && !atom->group_row
                                       && atom->height > body - atom->table->header->height);

              if (!breakable || find_cut (atom, 0, body - y) <= 0)
                fresh_page = TRUE;
            }
        }

      if (fresh_page)
        {
          if (atom->kind == ATOM_SPACE)
            continue;
          page = open_page (flow, atom->landscape, section);
          body = body_height (atom->landscape);
          y = 0;
          if (atom->table != NULL && !atom->header)
            {
              place (page, atom->table->header, 0, 0, atom->table->header->height, TRUE);
              y = atom->table->header->height;
            }
        }
      if (page->title == NULL)
        page->title = section;
      /* A rule separates items on a page; at the top of one it separates nothing. */
      if (atom->kind == ATOM_RULE && y <= 0)
        continue;

      /* Place it, a slice at a time when it is taller than what is left of the page. */
      while (TRUE)
        {
          double left = body - y;
          double to;

          if (atom->height - from <= left + 0.01
              || (atom->kind != ATOM_TEXT && atom->kind != ATOM_ROW))
            {
              place (page, atom, y, from, atom->height, FALSE);
              y += atom->height - from;
              break;
            }
          to = find_cut (atom, from, from + left);
          if (to <= from)
            {
              if (y == 0 || (atom->table != NULL && y <= atom->table->header->height + 0.01))
                to = from + left; /* one line taller than a page: cut it anyway */
              else
                to = from;
            }
          if (to > from)
            place (page, atom, y, from, to, FALSE);
          from = to;
          page = open_page (flow, atom->landscape, section);
          y = 0;
          if (atom->table != NULL)
            {
              place (page, atom->table->header, 0, 0, atom->table->header->height, TRUE);
              y = atom->table->header->height;
            }
        }
    }
  if (flow->pages->len == 0)
    open_page (flow, FALSE, section);
}

guint
pack_flow_get_n_pages (PackFlow *flow)
{
  return flow->pages->len;
}

gboolean
pack_flow_page_is_landscape (PackFlow *flow, guint page)
{
  g_return_val_if_fail (page < flow->pages->len, FALSE);

  return g_array_index (flow->pages, Page, page).landscape;
}

const char *
pack_flow_get_page_title (PackFlow *flow, guint page)
{
  g_return_val_if_fail (page < flow->pages->len, NULL);

  return g_array_index (flow->pages, Page, page).title;
}

guint
pack_flow_get_n_placements (PackFlow *flow, guint page)
{
  g_return_val_if_fail (page < flow->pages->len, 0);

  return g_array_index (flow->pages, Page, page).placements->len;
}

void
pack_flow_get_placement (PackFlow *flow, guint page, guint index, PackPlacementInfo *info)
{
  GArray *placements;
  const Placement *p;

  g_return_if_fail (page < flow->pages->len);
  placements = g_array_index (flow->pages, Page, page).placements;
  g_return_if_fail (index < placements->len);

  p = &g_array_index (placements, Placement, index);
  info->block = p->atom;
  info->row = p->atom->kind == ATOM_ROW && !p->atom->header && !p->atom->group_row;
  info->group_row = p->atom->kind == ATOM_ROW && p->atom->group_row;
  info->header = p->atom->kind == ATOM_ROW && p->atom->header;
  info->heading = p->atom->kind == ATOM_TEXT && p->atom->keep_with_next;
  info->continued = p->continued;
  info->y = p->y;
  info->from = p->from;
  info->to = p->to;
  info->height = p->atom->height;
}

double
pack_flow_body_height (gboolean landscape)
{
  return body_height (landscape);
}

/* Drawing ---------------------------------------------------------------------------------- */

/* Draws the lines of a layout that lie within [from, to) of it, with the layout's top at
 * y - from. Lines outside are not drawn at all (not merely clipped), so a PDF holds each line
 * once, on the page where it shows. */
static void
show_layout_slice (cairo_t *cr, PangoLayout *layout, double x, double y, double from, double to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      if (top < from - 0.01 || bottom > to + 0.01)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y - from + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A bullet's dot, at the middle of the lower-case letters of the first line of a layout
 * whose top is at y. */
static void
draw_bullet (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  double middle = pango_layout_get_baseline (layout) / (double) PANGO_SCALE * 0.66;

  cairo_new_path (cr);
  cairo_arc (cr, x, y + middle, 1.6, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The slice [from, to) of a cell (from its top), drawn with the cell's 'from' at y. */
static void
show_cell_slice (cairo_t *cr, Cell *cell, double x, double y, double from, double to)
{
  for (guint r = 0; r < cell->runs->len; r++)
    {
      CellRun *run = &g_array_index (cell->runs, CellRun, r);
      double indent = run->bullet ? CELL_BULLET_INDENT : 0;

      show_layout_slice (cr, run->layout, x + indent, y, from - run->y, to - run->y);
      if (run->bullet && from <= run->y + 0.01)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (run->layout);
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          pango_layout_iter_free (iter);
          if (run->y + (double) y1 / PANGO_SCALE <= to + 0.01)
            draw_bullet (cr, run->layout, x + indent / 2, y - from + run->y);
        }
    }
}

static void
draw_chip (cairo_t *cr, PackFlow *flow, PathwayRating rating, PangoLayout *text, double x,
           double y)
{
  PangoRectangle logical;
  double rgb[3], w, h, r = 2.5;

  pango_layout_get_extents (text, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 8;
  h = (double) logical.height / PANGO_SCALE + 3;
  rating_tint (flow, rating, rgb);
  pathway_chart_rounded_rectangle (cr, x, y, w, h, r);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  rating_strong (flow, rating, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x + 4, y + 1.5);
  pango_cairo_show_layout (cr, text);
}

static void
draw_row (cairo_t *cr, PackFlow *flow, const Placement *p, double left, double top,
          PackTags *tags)
{
  /* A header repeated on the next page is left out of the structure: read once is enough. */
  gboolean tagged = pack_tags_enabled (tags) && !p->continued;
  Atom *atom = p->atom;
  PackTable *table = atom->table;
  double height = p->to - p->from;
  double y = top + p->y;
  double width = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];

  if (atom->header || atom->group_row)
    {
      cairo_rectangle (cr, left, y, width, height);
      cairo_set_source_rgb (cr, atom->header ? 0.86 : 0.94, atom->header ? 0.86 : 0.94,
                            atom->header ? 0.86 : 0.94);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  /* A row cut by a page break goes on with its first cell again, marked "continued", when
   * that cell was all on the page before. */
  if (!atom->header && !atom->group_row && p->from > 0
      && ((Cell *) g_ptr_array_index (atom->cells, 0))->height + CELL_PAD <= p->from)
    {
      const char *first = pango_layout_get_text (
        cell_first_layout (g_ptr_array_index (atom->cells, 0)));
      double room = table->w[0] - 2 * CELL_PAD;
      g_autofree char *text = g_strdup_printf (_("%s\ncontinued"), first);
      PangoLayout *again = pack_flow_layout (flow, PACK_FONT_SMALL, text, -1);
      PangoRectangle logical;

      /* A narrow first column takes the short word rather than break the long one. */
      pango_layout_get_extents (again, NULL, &logical);
      if ((double) logical.width / PANGO_SCALE > room)
        {
          g_free (text);
          text = g_strdup_printf (_("%s\ncont."), first);
          g_object_unref (again);
          again = pack_flow_layout (flow, PACK_FONT_SMALL, text, -1);
        }
      pango_layout_set_width (again, (int) (room * PANGO_SCALE));

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, left + table->x[0] + CELL_PAD, y);
      pango_cairo_show_layout (cr, again);
      cairo_restore (cr);
      g_object_unref (again);
    }
  if (tagged)
    pack_tags_enter (tags, cr, PACK_TAG_ROW, "TR", p);
  if (atom->group_row)
    {
      if (tagged)
        pack_tags_begin_leaf (tags, cr, "TD");
      show_cell_slice (cr, g_ptr_array_index (atom->cells, 0), left + CELL_PAD,
                       y + (p->from > 0 ? 0 : CELL_PAD), p->from, p->to);
      if (tagged)
        pack_tags_end_leaf (tags, cr);
    }
  else
    for (guint i = 0; i < atom->cells->len; i++)
      {
        Cell *cell = g_ptr_array_index (atom->cells, i);
        double cell_from = MAX (0, p->from - CELL_PAD);
        double cell_top = y + (p->from > 0 ? 0 : CELL_PAD);
        double cell_to = p->to - CELL_PAD;

        /* Every cell is an element, even an empty one, so columns stay in line. */
        if (tagged)
          pack_tags_begin_leaf (tags, cr, atom->header ? "TH" : "TD");
        if (atom->ratings[i] != PATHWAY_RATING_NONE)
          {
            if (p->from <= 0)
              /* Its word on the same line as the text of the other cells. */
              draw_chip (cr, flow, atom->ratings[i], cell_first_layout (cell),
                         left + table->x[i] + CELL_PAD, cell_top - 1.5);
          }
        else if (cell_to > cell_from)
          show_cell_slice (cr, cell, left + table->x[i] + CELL_PAD, cell_top, cell_from,
                           cell_to);
        if (tagged)
          pack_tags_end_leaf (tags, cr);
      }
  if (tagged)
    pack_tags_leave (tags, cr, PACK_TAG_ROW);

  /* Rules: under every row, between columns. */
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_move_to (cr, left, y + height);
  cairo_line_to (cr, left + width, y + height);
  if (atom->header)
    {
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + width, y);
    }
  cairo_stroke (cr);
  if (!atom->group_row)
    {
      cairo_set_source_rgb (cr, 0.78, 0.78, 0.78);
      for (guint i = 1; i < table->n_columns; i++)
        {
          cairo_move_to (cr, left + table->x[i], y);
          cairo_line_to (cr, left + table->x[i], y + height);
        }
      cairo_stroke (cr);
    }
}

static void
draw_rating_bar (cairo_t *cr, PackFlow *flow, Atom *atom, double x, double y)
{
  guint total = 0;
  double width = atom->width * 0.62, at = x, h = atom->height - 4;

  for (guint r = 1; r < PATHWAY_N_RATINGS; r++)
    total += atom->counts[r];
  if (total == 0)
    {
      PangoLayout *none = pack_flow_layout (flow, PACK_FONT_SMALL, _("No rated actions"), -1);

      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, x, y + 2);
      pango_cairo_show_layout (cr, none);
      g_object_unref (none);
      return;
    }
  for (guint r = 1; r < PATHWAY_N_RATINGS; r++)
    {
      double rgb[3], w = width * atom->counts[r] / total;
      g_autofree char *text = NULL;
      PangoLayout *label;
      PangoRectangle logical;

      if (atom->counts[r] == 0)
        continue;
      rating_tint (flow, r, rgb);
      cairo_rectangle (cr, at, y + 2, w, h);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill_preserve (cr);
      rating_strong (flow, r, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      /* The word's first letter and the count: the bar reads in black and white. */
      text = g_strdup_printf ("%.1s %u", flow->rating_labels[r], atom->counts[r]);
      label = pack_flow_layout (flow, PACK_FONT_SMALL_BOLD, text, -1);
      pango_layout_get_extents (label, NULL, &logical);
      if ((double) logical.width / PANGO_SCALE + 4 <= w)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, at + (w - (double) logical.width / PANGO_SCALE) / 2,
                         y + 2 + (h - (double) logical.height / PANGO_SCALE) / 2);
          pango_cairo_show_layout (cr, label);
        }
      g_object_unref (label);
      at += w;
    }
  {
    g_autoptr(GString) words = g_string_new (NULL);
    PangoLayout *label;

    for (guint r = 1; r < PATHWAY_N_RATINGS; r++)
      if (atom->counts[r] > 0)
        g_string_append_printf (words, "%s%u %s", words->len ? ", " : "", atom->counts[r],
                                flow->rating_labels[r]);
    label = pack_flow_layout (flow, PACK_FONT_SMALL, words->str, atom->width - width - 12);
    cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
    cairo_move_to (cr, x + width + 10, y + 3);
    pango_cairo_show_layout (cr, label);
    g_object_unref (label);
  }
}

/* The element a placement's content goes in: the title and headings as headings (the title
 * heads the first section, which has no heading of its own), any other text as a paragraph;
 * NULL for what holds nothing to read (space, rules) and for rows and bullets, which are
 * tagged as they are drawn. */
static const char *
leaf_name (Atom *atom)
{
  switch (atom->kind)
    {
    case ATOM_TEXT:
      if (atom->bullet)
        return NULL;
      if (atom->block == PACK_BLOCK_TITLE || atom->block == PACK_BLOCK_HEADING)
        return "H1";
      if (atom->block == PACK_BLOCK_SUBHEADING)
        return "H2";
      return "P";
    case ATOM_LABEL_VALUE:
    case ATOM_RATING_LINE:
    case ATOM_RATING_BAR: /* its counts are written beside it in words */
      return "P";
    case ATOM_DRAWING:
      return "Figure";
    case ATOM_ROW:
    case ATOM_SPACE:
    case ATOM_TITLE_RULE:
    case ATOM_RULE:
    default:
      return NULL;
    }
}

/* Opens the elements a placement sits in: its section, and the table or list it is part of
 * (consecutive bullets make one list). Space and rules leave them as they are. */
static void
tag_containers (PackTags *tags, cairo_t *cr, const Placement *p)
{
  static const char list_key[] = "list";
  Atom *atom = p->atom;

  if (atom->kind == ATOM_SPACE || atom->kind == ATOM_RULE || atom->kind == ATOM_TITLE_RULE)
    return;
  if (atom->section != NULL && p->from <= 0 && !p->continued)
    {
      pack_tags_leave (tags, cr, PACK_TAG_SECTION);
      pack_tags_enter (tags, cr, PACK_TAG_SECTION, "Sect", atom->section);
    }
  if (atom->kind == ATOM_ROW)
    pack_tags_enter (tags, cr, PACK_TAG_BLOCK, "Table", atom->table);
  else if (atom->kind == ATOM_TEXT && atom->bullet)
    pack_tags_enter (tags, cr, PACK_TAG_BLOCK, "L", list_key);
  else
    pack_tags_leave (tags, cr, PACK_TAG_BLOCK);
}

void
pack_flow_draw_page (PackFlow *flow, cairo_t *cr, guint page_index)
{
  pack_flow_draw_page_tagged (flow, cr, page_index, NULL);
}

void
pack_flow_draw_page_tagged (PackFlow *flow, cairo_t *cr, guint page_index, PackTags *tags)
{
  Page *page;
  double left = PACK_MARGIN_INNER, top = PACK_MARGIN_TOP;

  g_return_if_fail (page_index < flow->pages->len);

  page = &g_array_index (flow->pages, Page, page_index);
  /* A table carried over from the page before says so above its repeated header. */
  if (page->placements->len > 0
      && g_array_index (page->placements, Placement, 0).continued && page->title != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s, continued"), page->title);
      PangoLayout *more = pack_flow_layout (flow, PACK_FONT_SMALL, text, -1);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, left, top - 13);
      pango_cairo_show_layout (cr, more);
      cairo_restore (cr);
      g_object_unref (more);
    }
  for (guint i = 0; i < page->placements->len; i++)
    {
      const Placement *p = &g_array_index (page->placements, Placement, i);
      Atom *atom = p->atom;
      double x = left + atom->x, y = top + p->y;
      const char *leaf = leaf_name (atom);

      if (pack_tags_enabled (tags))
        {
          tag_containers (tags, cr, p);
          if (atom->kind == ATOM_DRAWING)
            pack_tags_begin_figure (tags, cr, atom);
          else if (leaf != NULL)
            pack_tags_begin_leaf (tags, cr, leaf);
        }
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (atom->kind)
        {
        case ATOM_TEXT:
          if (atom->bullet && pack_tags_enabled (tags))
            {
              /* An item: its mark, then its text (the two do not overlap, so the order they
               * are drawn in changes nothing on the page). */
              pack_tags_enter (tags, cr, PACK_TAG_ROW, "LI", p);
              if (p->from <= 0)
                {
                  pack_tags_begin_leaf (tags, cr, "Lbl");
                  draw_bullet (cr, atom->layout, x - BULLET_INDENT / 2, y);
                  pack_tags_end_leaf (tags, cr);
                }
              pack_tags_begin_leaf (tags, cr, "LBody");
              show_layout_slice (cr, atom->layout, x, y, p->from, p->to);
              pack_tags_end_leaf (tags, cr);
              pack_tags_leave (tags, cr, PACK_TAG_ROW);
              break;
            }
          show_layout_slice (cr, atom->layout, x, y, p->from, p->to);
          if (atom->bullet && p->from <= 0)
            draw_bullet (cr, atom->layout, x - BULLET_INDENT / 2, y);
          break;
        case ATOM_ROW:
          draw_row (cr, flow, p, left, top, tags);
          break;
        case ATOM_LABEL_VALUE:
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, atom->label);
          cairo_move_to (cr, x + atom->width * LABEL_SHARE, y);
          pango_cairo_show_layout (cr, atom->layout);
          break;
        case ATOM_RATING_LINE:
          draw_chip (cr, flow, atom->rating, atom->label, x, y + 1);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, x + CHIP_WIDTH + 10, y + 1);
          pango_cairo_show_layout (cr, atom->layout);
          break;
        case ATOM_RATING_BAR:
          draw_rating_bar (cr, flow, atom, x, y);
          break;
        case ATOM_DRAWING:
          cairo_translate (cr, x, y);
          cairo_rectangle (cr, 0, 0, atom->width, atom->height);
          cairo_clip (cr);
          atom->draw (cr, atom->width, atom->height, atom->data);
          break;
        case ATOM_TITLE_RULE:
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, x, y + 4);
          cairo_line_to (cr, x + atom->width, y + 4);
          cairo_stroke (cr);
          break;
        case ATOM_RULE:
          cairo_set_line_width (cr, 0.5);
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_move_to (cr, x, y + 6);
          cairo_line_to (cr, x + atom->width, y + 6);
          cairo_stroke (cr);
          break;
        case ATOM_SPACE:
        default:
          break;
        }
      cairo_restore (cr);
      if (pack_tags_enabled (tags) && (leaf != NULL || atom->kind == ATOM_DRAWING))
        pack_tags_end_leaf (tags, cr);
    }
}

/* The blocks as written -------------------------------------------------------------------- */

guint
pack_flow_get_n_blocks (PackFlow *flow)
{
  return flow->atoms->len;
}

gboolean
pack_flow_find_block (PackFlow *flow, gconstpointer block, guint *index)
{
  return g_ptr_array_find (flow->atoms, block, index);
}

void
pack_flow_get_block (PackFlow *flow, guint index, PackBlock *block)
{
  Atom *atom;

  g_return_if_fail (index < flow->atoms->len);

  atom = g_ptr_array_index (flow->atoms, index);
  memset (block, 0, sizeof *block);
  block->kind = atom->block;
  block->section = atom->section;
  block->page_break = atom->break_before;
  block->landscape = atom->landscape;
  block->group = atom->group;
  block->width = atom->width;
  block->height = atom->height;
  block->font = atom->font;
  block->rating = atom->rating;
  switch (atom->kind)
    {
    case ATOM_TEXT:
      block->text = pango_layout_get_text (atom->layout);
      break;
    case ATOM_LABEL_VALUE:
    case ATOM_RATING_LINE:
      block->label = pango_layout_get_text (atom->label);
      block->text = pango_layout_get_text (atom->layout);
      break;
    case ATOM_RATING_BAR:
      block->counts = atom->counts;
      break;
    case ATOM_DRAWING:
      block->draw = atom->draw;
      block->data = atom->data;
      break;
    case ATOM_ROW:
      block->table = atom->table;
      block->n_columns = atom->table->n_columns;
      block->column_widths = atom->table->w;
      if (atom->group_row)
        block->text = pango_layout_get_text (
          cell_first_layout (g_ptr_array_index (atom->cells, 0)));
      else
        /* The header that opens a table shares the repeated header's cells. */
        block->cells = atom->header ? atom->table->header->given : atom->given;
      break;
    case ATOM_SPACE:
    case ATOM_TITLE_RULE:
    case ATOM_RULE:
    default:
      break;
    }
}

void
pack_flow_draw_block (PackFlow *flow, guint index, cairo_t *cr)
{
  Atom *atom;

  g_return_if_fail (index < flow->atoms->len);

  atom = g_ptr_array_index (flow->atoms, index);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, atom->width, atom->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (atom->kind == ATOM_DRAWING)
    atom->draw (cr, atom->width, atom->height, atom->data);
  else if (atom->kind == ATOM_RATING_BAR)
    draw_rating_bar (cr, flow, atom, 0, 0);
  cairo_restore (cr);
}

void
pack_flow_foreach_run (const char *text,
                       void (*add) (gpointer data, const char *run, gboolean bullet),
                       gpointer data)
{
  for_each_run (text, add, data);
}

const char *
pack_flow_get_rating_label (PackFlow *flow, PathwayRating rating)
{
  g_return_val_if_fail ((guint) rating < PATHWAY_N_RATINGS, "");

  return flow->rating_labels[rating];
}

void
pack_flow_get_rating_colours (PackFlow *flow, PathwayRating rating, double tint[3],
                              double strong[3])
{
  if (tint != NULL)
    rating_tint (flow, rating, tint);
  if (strong != NULL)
    rating_strong (flow, rating, strong);
}
