/* pathway-pack-private.h: what the pack's other writers (pathway-pack-docx.c) read from a
 * pack made by pathway-pack.c: its blocks, the text of its running header and footer, and the
 * words that describe its drawings. Only src/report includes this. */
#pragma once

#include "pathway-pack-flow.h"
#include "pathway-pack.h"

G_BEGIN_DECLS

/* The text the PDF prints around every page and keeps as the document's properties. */
typedef struct {
  const char *title;          /* the report's title */
  const char *author;         /* the meeting's "report by"; may be "" */
  const char *header;         /* left of the running header: title, board and meeting date */
  const char *footer;         /* left of the footer: the programme */
  const char *classification; /* right of the header and middle of the footer */
} PathwayPackRunningText;

PackFlow *_pathway_pack_get_flow (PathwayPack *self);
void _pathway_pack_get_running_text (PathwayPack *self, PathwayPackRunningText *text);
/* A drawing block's numbers in words, for alternative text (free with g_free); NULL for a
 * drawing the pack did not make as a chart. */
/* A figure in a unit, as finely as readings are written ("56.9%", "24.3 weeks", "216"): the
 * pack's and the public version's. */
char *_pathway_pack_format_value (PathwayUnit unit, double value);
char *_pathway_pack_describe_drawing (PathwayPack *self, const PackBlock *block);

G_END_DECLS
