/* pathway-timescale.h: a timescale as areas write it ("Dec 18", "Spring Term 2020",
 * "Q3 2019/20", "ongoing"), kept as written together with the date it means (the last day of
 * the period) and the precision of that date. Sorting, overdue and slippage use the date;
 * every report shows the text. */
#pragma once

#include <glib-object.h>
#include "pathway-enums.h"

G_BEGIN_DECLS

typedef struct {
  char *text;                 /* as written, trimmed; never NULL ("" when empty) */
  GDate date;                 /* end of the period; invalid (g_date_valid false) when none */
  PathwayPrecision precision; /* NONE exactly when date is invalid */
} PathwayTimescale;

#define PATHWAY_TYPE_TIMESCALE (pathway_timescale_get_type ())
GType pathway_timescale_get_type (void) G_GNUC_CONST;

/* Reads text the way a person would; text it cannot read keeps no date. Never NULL. */
PathwayTimescale *pathway_timescale_parse (const char *text);
/* Builds one from stored parts: date may be NULL. */
PathwayTimescale *pathway_timescale_new (const char *text, const GDate *date,
                                         PathwayPrecision precision);
PathwayTimescale *pathway_timescale_copy (const PathwayTimescale *self);
void pathway_timescale_free (PathwayTimescale *self);
gboolean pathway_timescale_has_date (const PathwayTimescale *self);
gboolean pathway_timescale_equal (const PathwayTimescale *a, const PathwayTimescale *b);
/* Orders by date; undated ones last, then by text. NULL sorts as undated and empty. */
int pathway_timescale_compare (const PathwayTimescale *a, const PathwayTimescale *b);
/* The timescale as it cannot be misread, for showing: "30 November 2025", "December 2025",
 * "Summer Term 2026", "Q3 2025/26", "2025/26"; text without a date as written. The text as
 * written stays what the editor shows and export writes. */
char *pathway_timescale_dup_display (const PathwayTimescale *self);
/* "YYYY-MM-DD" of the date, or NULL when there is none. */
char *pathway_timescale_dup_iso_date (const PathwayTimescale *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayTimescale, pathway_timescale_free)

G_END_DECLS
