/* pathway-editor-fields.h: what the fields of Pathway's editing windows (the action editor's
 * sections, the person picker and the preferences window) have in common: the text of entry
 * rows and text views, a typed day or timescale and what it means (days are written with
 * pathway-format.h, as in the views), the caption under a field, and the items of a drop-down
 * drawn as plain text with a check mark on the chosen one. */
#pragma once

#include <adwaita.h>
#include "pathway-entry-row.h"
#include "pathway-model.h"

G_BEGIN_DECLS

/* Object data on a label of a text row: what it says in words, when it shows a sign. */
#define PATHWAY_SPOKEN_KEY "pathway-spoken"

/* How a caption under a field speaks. */
typedef enum {
  PATHWAY_CAPTION_HIDDEN,
  PATHWAY_CAPTION_HINT,
  PATHWAY_CAPTION_WARNING,
  PATHWAY_CAPTION_ERROR,
} PathwayCaption;

/* The text of an entry row without the spaces around it. */
char *pathway_editor_dup_entry_text (PathwayEntryRow *row);
gboolean pathway_editor_entry_has_text (PathwayEntryRow *row);
char *pathway_editor_dup_view_text (GtkTextView *view);
void pathway_editor_set_view_text (GtkTextView *view, const char *text);
/* The text of a text view differs from what the model holds. */
gboolean pathway_editor_view_differs (GtkTextView *view, const char *current);

/* A timescale as written, with the day it means when that is not plain. */
char *pathway_editor_describe_timescale (const PathwayTimescale *timescale);
/* Reads a date as a person writes one; FALSE unless the text names one day. */
gboolean pathway_editor_parse_day (const char *text, GDate *date);

void pathway_editor_set_caption (GtkLabel *caption, PathwayCaption kind, const char *text);
/* Says under a timescale being typed what it will mean. */
void pathway_editor_show_timescale_meaning (GtkLabel *caption, const char *text);
void pathway_editor_mark_error (gpointer row, gboolean error);
/* A field's caption is read with it. */
void pathway_editor_describe_with (gpointer row, GtkLabel *caption);
/* Every combo row below 'root' is described by the choice it shows, kept up to date, so a
 * screen reader says the value with the row's title. */
void pathway_editor_describe_choices (GtkWidget *root);
/* A bar under the header bar of an editing window (an AdwWindow whose content is a box starting
 * with its header bar) saying why nothing in it can be changed: the programme is read-only, or
 * the person signed in to its server may not change this record ("Only the leads of workstream
 * B can change this."). Hidden until it has a reason; its label is named "read-only-reason". */
GtkLabel *pathway_editor_add_read_only_bar (AdwWindow *window);
/* Shows the reason in the bar of that label, or hides the bar for NULL. */
void pathway_editor_show_read_only (GtkLabel *label, const char *reason);
/* Ctrl+Enter runs 'action' (a dialog's save action) wherever the focus is in 'dialog'. */
void pathway_editor_add_save_shortcut (GtkWidget *dialog, const char *action);
/* A caption label: plain text, wrapping, hidden until it has something to say. */
GtkLabel *pathway_editor_caption_label_new (void);
/* A caption in a row of its own under 'field' in the field's list box, named 'name', read
 * with the field; shown only while it says something. */
GtkLabel *pathway_editor_caption_row_after (GtkWidget *field, const char *name);
/* Shows (or, with HIDDEN, hides) a caption and its row; 'field' (may be NULL) is marked as
 * wrong, for people and for screen readers, when the caption is an ERROR. */
void pathway_editor_show_caption (GtkLabel *caption, gpointer field, PathwayCaption kind,
                                  const char *text);

/* A label showing the person's text as written, wrapping. */
GtkWidget *pathway_editor_plain_label (const char *text, const char *css_class);
void pathway_editor_clear_list_box (GtkListBox *list);
/* A row of the editor's lists that are only read (the history, the evidence): lines of text,
 * one under the other. */
GtkWidget *pathway_editor_text_row_new (void);
void pathway_editor_text_row_add (GtkWidget *row, GtkWidget *line);
/* Such a row saying, dimmed, why a list is empty or could not be read. */
GtkWidget *pathway_editor_placeholder_row_new (const char *text);

/* The action editor's room for a choice's text: in the row beside its title, and in the list. */
#define PATHWAY_EDITOR_VALUE_CHARS 40
#define PATHWAY_EDITOR_LIST_CHARS 60

/* An item of a drop-down: its text, and a check mark shown in the list on the chosen item.
 * In the row the text is cut at value_chars; in the list at list_chars, with the whole text
 * as its tooltip. */
GtkWidget *pathway_editor_choice_item_new (int value_chars);
void pathway_editor_choice_item_show (GtkWidget  *item,
                                      const char *text,
                                      int         list_chars);
void pathway_editor_choice_item_mark (GtkWidget *item, gboolean chosen);
/* Draws a combo row's items (GtkStringObjects, which may be the person's text) that way. */
void pathway_editor_set_choice_items (AdwComboRow *row, int value_chars, int list_chars);

G_END_DECLS
