/* pathway-pack-tags.h: the structure of a tagged PDF (headings, paragraphs, lists, tables,
 * figures), for readers who use a screen reader or reflow the text. The page maker
 * (pack_flow_draw_page_tagged) marks what it draws with cairo's structure tags while the
 * pages of one PDF are drawn in order; PackTags keeps the elements that stay open from one
 * page to the next (the document, its section, a table or list running on). Cairo 1.16 cannot
 * give a figure its alternative text nor the document its language, so once cairo has
 * finished, pack_tags_update_pdf appends an incremental update that adds them. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* How deep an element sits: the levels that stay open across pages. */
typedef enum {
  PACK_TAG_DOCUMENT,
  PACK_TAG_SECTION,  /* Sect */
  PACK_TAG_BLOCK,    /* Table or L */
  PACK_TAG_ROW,      /* TR or LI, inside a block */
  PACK_TAG_N_LEVELS,
} PackTagLevel;

typedef struct _PackTags PackTags;

/* Tags only what is drawn on 'cr' while its target is a PDF surface (cairo ignores tags on
 * other surfaces, but a preview never needs them); opens the Document element. */
PackTags *pack_tags_new (cairo_t *cr);
void pack_tags_free (PackTags *tags);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackTags, pack_tags_free)

gboolean pack_tags_enabled (PackTags *tags);
/* Makes the element at 'level' one named 'name' for 'key' (a section's title, a table),
 * closing whatever was open at that level and below when it was another one. */
void pack_tags_enter (PackTags *tags, cairo_t *cr, PackTagLevel level, const char *name,
                      gconstpointer key);
/* Closes the elements at 'level' and below. */
void pack_tags_leave (PackTags *tags, cairo_t *cr, PackTagLevel level);
/* An element holding content, open until pack_tags_end_leaf: nothing else opens in it. */
void pack_tags_begin_leaf (PackTags *tags, cairo_t *cr, const char *name);
void pack_tags_end_leaf (PackTags *tags, cairo_t *cr);
/* A Figure whose alternative text comes from 'block' (pack_flow_find_block's pointer). */
void pack_tags_begin_figure (PackTags *tags, cairo_t *cr, gconstpointer block);
/* Closes every element, the Document too: before the last page is shown, so the end of the
 * document is on it rather than on a page of its own. */
void pack_tags_finish (PackTags *tags, cairo_t *cr);

/* The figures in the order they were tagged, as the blocks they were drawn from. */
const GPtrArray *pack_tags_get_figures (PackTags *tags);

/* Appends to the PDF cairo wrote an incremental update: the catalog again with the document's
 * language ('lang', e.g. "en-GB"), marked as tagged and asking viewers to show its title; each
 * Figure element again with its alternative text ('alts', in the order of
 * pack_tags_get_figures; NULL or "" leaves one without); each TH element as its column's
 * header. Deterministic: the same PDF and texts give the same bytes. FALSE (with 'error', for
 * a developer), the PDF left as it was, when it is not as cairo 1.16 writes it. */
gboolean pack_tags_update_pdf (GByteArray *pdf, const char *lang, const char *const *alts,
                               guint n_alts, GError **error);

G_END_DECLS
