/* pathway-reference.h: the order of action references ("1B ii", "WSOA10", "2.3"), the way
 * areas number their actions, as a key that sorts with strcmp. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key for reference (never NULL; free with g_free). Numbers sort by value, roman numerals
 * standing as a word of their own after the first word ("1B ii", "3.1 (iv)") by value, and
 * text case-folded: "1B ii" < "1B iv" < "1B ix" < "1B x" < "2A i", "WSOA2" < "WSOA10",
 * "2.3" < "2.10", and "3B i-vi" follows "3B i". Punctuation only separates; references that
 * differ in nothing else fall back to their text, so no two references share a key. */
char *pathway_reference_sort_key (const char *reference);

G_END_DECLS
