/* pathway-reference.h: the order of action references ("1B ii", "WSOA10", "2.3"), the way
 * areas number their actions, as a key that sorts with strcmp; and the order a plan lists its
 * actions in, by workstream and then reference. */
#pragma once

#include <glib.h>
#include "pathway-action.h"

G_BEGIN_DECLS

/* A key for reference (never NULL; free with g_free). Numbers sort by value, roman numerals
 * standing as a word of their own after the first word ("1B ii", "3.1 (iv)") by value, and
 * text case-folded: "1B ii" < "1B iv" < "1B ix" < "1B x" < "2A i", "WSOA2" < "WSOA10",
 * "2.3" < "2.10", and "3B i-vi" follows "3B i". Punctuation only separates; references that
 * differ in nothing else fall back to their text, so no two references share a key. */
char *pathway_reference_sort_key (const char *reference);

/* A key for an action's place in the plan: by its workstream's code, then by its reference,
 * each in the natural order above; actions in no workstream come last. Compare with strcmp.
 * Sorting many actions, make each one's key once. */
char *pathway_action_sort_key (PathwayAction *action);
/* Two actions in that order: negative when 'a' comes first, 0 for the same place. Makes both
 * keys on each call. */
int pathway_action_compare_by_workstream (PathwayAction *a, PathwayAction *b);
/* Sorts an array of PathwayAction into that order, making each action's key once. */
void pathway_actions_sort_by_workstream (GPtrArray *actions);

/* The records a list of links names ("1A i, 2B iii": a risk's or co-production entry's linked
 * actions or areas), split at commas, semicolons and line ends, trimmed, empty ones left out;
 * never NULL. */
char **pathway_links_split (const char *text);
/* Whether the list names this reference. */
gboolean pathway_links_contain (const char *text, const char *reference);

G_END_DECLS
