/* pathway-pack.h: the board pack, the report a programme sends its board before each meeting,
 * laid out on A4 pages. One drawing serves the PDF, the on-screen preview and the printout:
 * pathway_pack_draw_page draws a page in points with the origin at its top-left corner, and
 * the caller scales the cairo_t to its own units.
 *
 * The pack is worked out when it is made: ratings, statuses and commentary as they stood on
 * the "as at" date (from the history), the movements since the board's previous meeting,
 * the settings kept with the meeting (title, report by, report for, classification,
 * recommendation, sections). Making it again for the same as-at date gives the same pages, and
 * the same PDF bytes. No GTK here. */
#pragma once

#include <cairo.h>
#include "pathway-document.h"

G_BEGIN_DECLS

/* The sections a pack may hold, in the order they print. The header block is always there. */
typedef enum {
  PATHWAY_PACK_SECTION_INTRODUCTION,
  PATHWAY_PACK_SECTION_HEADLINES,      /* printed when the meeting's headlines have text */
  PATHWAY_PACK_SECTION_CURRENT_RATING,
  PATHWAY_PACK_SECTION_RECOMMENDATION,
  PATHWAY_PACK_SECTION_DECISIONS,      /* printed when the meeting asks for decisions */
  PATHWAY_PACK_SECTION_RED,
  PATHWAY_PACK_SECTION_AMBER,
  PATHWAY_PACK_SECTION_WORKSTREAMS,
  PATHWAY_PACK_SECTION_INDICATORS,
  PATHWAY_PACK_SECTION_OVERDUE,
  PATHWAY_PACK_SECTION_RISKS,          /* the risk log when it has entries, else the meeting's
                                        * risks when they have text */
  PATHWAY_PACK_SECTION_COPRODUCTION,   /* "You said, we did" */
  PATHWAY_PACK_SECTION_APPENDIX,
  PATHWAY_PACK_N_SECTIONS,
} PathwayPackSection;

/* Every section but the appendix (the whole tracker, landscape). */
#define PATHWAY_PACK_SECTIONS_DEFAULT \
  ((1u << PATHWAY_PACK_SECTION_APPENDIX) - 1u)

/* "introduction", "current-rating", ... as kept in the meeting's report-sections. */
const char *pathway_pack_section_key (PathwayPackSection section);
/* The section's heading in the pack ("Red actions"). */
const char *pathway_pack_section_title (PathwayPackSection section);
/* A set of sections (bit 1 << section) from the comma-separated keys; unknown keys are
 * ignored and an empty text gives PATHWAY_PACK_SECTIONS_DEFAULT. */
guint pathway_pack_sections_parse (const char *text);
/* The comma-separated keys of a set of sections, in print order (free with g_free). */
char *pathway_pack_sections_to_string (guint sections);

#define PATHWAY_TYPE_PACK (pathway_pack_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPack, pathway_pack, PATHWAY, PACK, GObject)

/* The pack for a meeting of a board. as_at NULL: the meeting's as-at date, else its date.
 * Reads the history from the document; fails (with the reason) only when the file cannot be
 * read. */
PathwayPack *pathway_pack_new (PathwayDocument *document, PathwayMeeting *meeting,
                               const GDate *as_at, GError **error);

/* The day the ratings and commentary are shown as they stood at its end. */
const GDate *pathway_pack_get_as_at (PathwayPack *self);
/* How many pages the pack has (at least one). */
guint pathway_pack_get_n_pages (PathwayPack *self);
/* A4 portrait (595.28 x 841.89 pt); appendix pages are A4 landscape. */
void pathway_pack_get_page_size (PathwayPack *self, guint page, double *width_pt,
                                 double *height_pt);
/* The section a page starts in, for page navigation ("Red actions"). */
const char *pathway_pack_get_page_title (PathwayPack *self, guint page);
/* Draws page 'page' (from 0) in points, origin at the page's top-left. Paints nothing behind
 * the page: the caller's paper shows through. */
void pathway_pack_draw_page (PathwayPack *self, cairo_t *cr, guint page);
/* Writes the whole pack as a PDF, to a temporary name synced and renamed into place, so a
 * failure (a full disk) keeps the old file and fails with PATHWAY_ERROR_DISK_FULL or
 * PATHWAY_ERROR_IO and a message naming the file. The PDF's dates are the as-at date, so the
 * bytes depend only on the file's contents and that date. It is a tagged PDF in British
 * English: headings, paragraphs, lists, tables with header cells, charts as figures with
 * their description as alternative text (pathway-pack-tags.h). */
gboolean pathway_pack_write_pdf (PathwayPack *self, const char *path, GError **error);
/* Writes the pack as a Word document (.docx) with the same sections: real headings, tables
 * whose header row repeats, the rating's word in rating cells, charts as pictures with their
 * numbers in words as alternative text, the classification and page numbers in the header and
 * footer. Written as the PDF is (a temporary synced and renamed; a failure keeps the old file
 * and names it), and the same as-at day gives the same bytes. */
gboolean pathway_pack_write_docx (PathwayPack *self, const char *path, GError **error);

G_END_DECLS
