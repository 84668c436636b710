/* pathway-demo-private.h: the parts of the demo programme written from their own files. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

/* The risk log's entries raised and changed at a month's review, and the "you said, we did"
 * entries recorded that month (month 0 is May 2025), written from text as the command line
 * writes them; the caller sets the clock and the batch. */
gboolean pathway_demo_write_log (PathwayDocument *doc, int month, GError **error);
/* The plain-language summaries of the areas and some actions, and who may be named, for the
 * public version of the plan. */
gboolean pathway_demo_write_public_summaries (PathwayDocument *doc, GError **error);

G_END_DECLS
