/* pathway-history-rows.h: how a change reads in a history, wherever a history is shown (the
 * action editor's history section, the history dialog of any record): who made it and when,
 * the arrow between a value and the one it became, and the note, text and former value under
 * it. Rows are pathway_editor_text_row_new () rows, their lines plain text. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "14 July 2025, 10:00", by the local clock; "" for NULL. */
char *pathway_history_format_moment (GDateTime *at);
/* A dimmed caption line. */
GtkWidget *pathway_history_caption_new (const char *text);
/* "14 July 2025, 10:00 · Priya Raman": when a change was made, and by whom. */
GtkWidget *pathway_history_byline_new (GDateTime  *at,
                                       const char *author,
                                       GDateTime  *recorded);
/* "→", read as "changed to". */
GtkWidget *pathway_history_arrow_new (void);
/* Under a change's headline: the note given with it, the text it set and, dimmed, "Was: …"
 * (each left out when empty or NULL). */
void pathway_history_row_add_texts (GtkWidget  *row,
                                    const char *note,
                                    const char *detail,
                                    const char *was);

G_END_DECLS
