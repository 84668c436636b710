/* pathway-date.h: a day written as YYYY-MM-DD, the one way Pathway writes a day as text: in
 * the file, on the command line and in the board report's settings. A day typed in another
 * order or with other separators is refused rather than guessed at. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads YYYY-MM-DD naming a real day into 'date': four digits of year, one or two of month
 * and of day, spaces around allowed. Returns FALSE, leaving 'date' cleared (not valid), for
 * anything else, NULL too. */
gboolean pathway_date_parse_iso (const char *text, GDate *date);

/* "2026-11-18"; NULL when 'date' is NULL or not valid. */
char *pathway_date_format_iso (const GDate *date);
/* "7 December 2026", as people write a day in a message or note; "" for NULL or no day. */
char *pathway_date_format_words (const GDate *date);

G_END_DECLS
