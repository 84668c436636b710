/* pathway-pack-flow.h: the board pack's page maker. The sections are written as a stream of
 * blocks (headings, paragraphs with bullets, label/value lists, tables, charts, rating bars);
 * the flow measures them with Pango and cuts the stream into A4 pages:
 *  - a heading keeps with what follows it, and a group (one red action) keeps together when it
 *    fits on a page;
 *  - a paragraph may break between its lines (never leaving a single line behind);
 *  - a table repeats its header row on every page it spans, and a row moves whole to the next
 *    page unless it is taller than a page, when it is cut between lines and goes on under a
 *    repeated header marked "continued";
 *  - landscape blocks (the appendix) start landscape pages.
 * Nothing here knows about programmes: pathway-pack.c turns the programme into blocks. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pathway-enums.h"
#include "pathway-pack-tags.h"

G_BEGIN_DECLS

#define PACK_A4_SHORT 595.276
#define PACK_A4_LONG 841.89
/* 25 mm on the binding edge survives a two-hole punch; 18 mm elsewhere. */
#define PACK_MARGIN_INNER 70.87
#define PACK_MARGIN_OUTER 51.02
#define PACK_MARGIN_TOP 62.0
#define PACK_MARGIN_BOTTOM 66.0

typedef enum {
  PACK_FONT_BODY,
  PACK_FONT_BOLD,
  PACK_FONT_SMALL,
  PACK_FONT_SMALL_BOLD,
  PACK_FONT_TITLE,
  PACK_FONT_HEADING,
  PACK_FONT_SUBHEADING,
  PACK_N_FONTS,
} PackFont;

typedef struct _PackFlow PackFlow;
typedef struct _PackTable PackTable;

/* A cell's content: text, or a rating shown as a tinted chip carrying its word. */
typedef struct {
  const char *text;
  PathwayRating rating; /* NONE: plain text */
  gboolean bold;
} PackCell;

PackFlow *pack_flow_new (void);
void pack_flow_free (PackFlow *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackFlow, pack_flow_free)

/* The words used for ratings in chips and bars (the programme's scheme). */
void pack_flow_set_rating_label (PackFlow *flow, PathwayRating rating, const char *label);
/* Chips and bars in greys, for a black-and-white printer; colour by default. */
void pack_flow_set_black_and_white (PackFlow *flow, gboolean black_and_white);

/* Where the next blocks go: a new section (its title names the pages it starts), landscape
 * pages or portrait, a page break. */
void pack_flow_begin_section (PackFlow *flow, const char *title, gboolean new_page);
void pack_flow_set_landscape (PackFlow *flow, gboolean landscape);

/* Blocks -------------------------------------------------------------------------------- */
void pack_flow_title (PackFlow *flow, const char *text);
void pack_flow_heading (PackFlow *flow, const char *text);
void pack_flow_subheading (PackFlow *flow, const char *text);
/* A bold line introducing the block after it ("Latest commentary"), kept with that block. */
void pack_flow_label (PackFlow *flow, const char *text);
/* A thin rule across the text width that separates one item from the next. */
void pack_flow_rule (PackFlow *flow);
/* Text as written; lines starting "- ", "* " or "• " print as bullets. */
void pack_flow_paragraph (PackFlow *flow, const char *text, PackFont font);
void pack_flow_space (PackFlow *flow, double points);
/* A two-column list: label on the left, value on the right (the header block). */
void pack_flow_label_value (PackFlow *flow, const char *label, const char *value);
/* A rating chip followed by text ("Red  Not on track"), for the rating definitions. */
void pack_flow_rating_line (PackFlow *flow, PathwayRating rating, const char *text);
/* A horizontal stacked bar of counts by rating, with the counts written in the segments. */
void pack_flow_rating_bar (PackFlow *flow, const guint counts[PATHWAY_N_RATINGS]);
/* A drawing of fixed height across the text width (a chart). The callback draws in the box
 * (0, 0, width, height); data is kept (and freed with 'destroy') by the flow. */
typedef void (*PackDrawFunc) (cairo_t *cr, double width, double height, gpointer data);
void pack_flow_drawing (PackFlow *flow, double height, PackDrawFunc draw, gpointer data,
                        GDestroyNotify destroy);
/* Keeps the blocks between begin and end on one page when they fit on one. */
void pack_flow_begin_group (PackFlow *flow);
void pack_flow_end_group (PackFlow *flow);

/* Tables: column widths as shares of the text width (summing to 1). */
PackTable *pack_flow_begin_table (PackFlow *flow, guint n_columns, const double *shares,
                                  const char *const *headers);
/* A row across all columns that names the group below it (the theme). */
void pack_flow_table_group_row (PackFlow *flow, PackTable *table, const char *text);
void pack_flow_table_row (PackFlow *flow, PackTable *table, const PackCell *cells);
void pack_flow_end_table (PackFlow *flow, PackTable *table);

/* Pages --------------------------------------------------------------------------------- */
void pack_flow_paginate (PackFlow *flow);
guint pack_flow_get_n_pages (PackFlow *flow);
gboolean pack_flow_page_is_landscape (PackFlow *flow, guint page);
const char *pack_flow_get_page_title (PackFlow *flow, guint page);
/* Draws the body of one page (not its header and footer), in points. */
void pack_flow_draw_page (PackFlow *flow, cairo_t *cr, guint page);
/* The same, marked with structure tags for a tagged PDF when 'tags' is given: the pages of
 * one PDF drawn in order with the same tags (pathway-pack-tags.h). */
void pack_flow_draw_page_tagged (PackFlow *flow, cairo_t *cr, guint page, PackTags *tags);

/* What a page holds, for tests of the page maker: each placement in order, with the block it
 * comes from (the same pointer for every slice of one block), its place from the top of the
 * body and the slice [from, to) of the block's height drawn there. */
typedef struct {
  gconstpointer block;
  gboolean row;        /* a table row (not a header or theme row) */
  gboolean group_row;  /* a table's theme row */
  gboolean header;     /* a table's header row */
  gboolean heading;    /* text that keeps with what follows (headings, labels) */
  gboolean continued;  /* a header repeated at the top of a page the table runs on to */
  double y, from, to, height;
} PackPlacementInfo;
guint pack_flow_get_n_placements (PackFlow *flow, guint page);
void pack_flow_get_placement (PackFlow *flow, guint page, guint index, PackPlacementInfo *info);
/* The height of a page's body (between the running header and the footer), in points. */
double pack_flow_body_height (gboolean landscape);

/* A Pango layout in the pack's fonts, width in points (-1: unwrapped). */
PangoLayout *pack_flow_layout (PackFlow *flow, PackFont font, const char *text, double width);

/* The blocks as written ------------------------------------------------------------------ */

/* Other writers of the pack (the Word document) walk the blocks in reading order, so they
 * hold whatever sections the pack holds. A paragraph's text comes as its runs: plain lines
 * (joined by "\n") and each bullet on its own. */
typedef enum {
  PACK_BLOCK_TITLE,
  PACK_BLOCK_TITLE_RULE,      /* the rule under the title */
  PACK_BLOCK_HEADING,
  PACK_BLOCK_SUBHEADING,
  PACK_BLOCK_LABEL,
  PACK_BLOCK_PARAGRAPH,       /* text and font */
  PACK_BLOCK_BULLET,          /* one bullet's text (without its mark) and font */
  PACK_BLOCK_SPACE,           /* height */
  PACK_BLOCK_RULE,
  PACK_BLOCK_LABEL_VALUE,     /* label and text */
  PACK_BLOCK_RATING_LINE,     /* rating, label (the rating's word) and text */
  PACK_BLOCK_RATING_BAR,      /* counts */
  PACK_BLOCK_DRAWING,         /* draw and data, width and height */
  PACK_BLOCK_TABLE_HEADER,    /* table and cells: the header row that opens a table */
  PACK_BLOCK_TABLE_GROUP_ROW, /* table and text */
  PACK_BLOCK_TABLE_ROW,       /* table and cells */
} PackBlockKind;

/* A read-only description of one block; its pointers belong to the flow. */
typedef struct {
  PackBlockKind kind;
  const char *section;        /* a section starts with this block: its title; else NULL */
  gboolean page_break;        /* the section starts a page */
  gboolean landscape;
  int group;                  /* > 0: kept together with the other blocks of the group */
  double width;               /* the width it was laid out in, in points */
  double height;              /* its height in the PDF, in points */
  const char *text;
  const char *label;
  PackFont font;
  PathwayRating rating;
  const guint *counts;        /* PATHWAY_N_RATINGS counts, by rating */
  PackDrawFunc draw;
  gconstpointer data;
  const PackTable *table;     /* the rows of one table follow each other */
  guint n_columns;
  const double *column_widths; /* n_columns widths in points */
  const PackCell *cells;      /* n_columns cells; a rating cell's text is the rating's word */
} PackBlock;

guint pack_flow_get_n_blocks (PackFlow *flow);
/* The index of a block from its pointer (PackPlacementInfo.block, pack_tags_get_figures). */
gboolean pack_flow_find_block (PackFlow *flow, gconstpointer block, guint *index);
void pack_flow_get_block (PackFlow *flow, guint index, PackBlock *block);
/* Draws a drawing or rating bar whole in the box (0, 0, width, height), as on the page. */
void pack_flow_draw_block (PackFlow *flow, guint index, cairo_t *cr);
/* Calls 'add' for each run of text as paragraphs and cells are cut: plain lines joined, and
 * each line starting "- ", "* " or "• " alone, without its mark. */
void pack_flow_foreach_run (const char *text,
                            void (*add) (gpointer data, const char *run, gboolean bullet),
                            gpointer data);
/* The word of a rating in chips and bars (pack_flow_set_rating_label). */
const char *pack_flow_get_rating_label (PackFlow *flow, PathwayRating rating);
/* The colours of a rating's chips and bars: the light tint behind its word, the strong edge. */
void pack_flow_get_rating_colours (PackFlow *flow, PathwayRating rating, double tint[3],
                                   double strong[3]);

G_END_DECLS
