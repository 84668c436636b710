/* pathway-column-layout.h: the columns of a GtkColumnView as a person arranged them: which are
 * shown, in what order and how wide, kept per user in one GSettings key and offered as check
 * items in a menu (the column headers' own menu and any "Columns" button).
 *
 * The key is an array of strings, "id:width:shown" in the columns' order, as in
 * "reference:-1:true" (width -1: as wide as the column asks; a width is kept only once the
 * person has dragged it). Until the person changes something the key stays empty and the
 * layout is the default one, which the program may fit to the room it has. A saved layout naming a column the program no longer has is read
 * without it; a column the layout does not name keeps its default place and state, so adding
 * a column to a later version keeps everyone's arrangement of the others.
 *
 * Each column's menu item is the action "columns.show-ID", a property action on the column's
 * "visible"; "columns.reset" puts back the default layout. A change is written once the person
 * has stopped changing things for a moment, and at once by pathway_column_layout_flush(). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATHWAY_TYPE_COLUMN_LAYOUT (pathway_column_layout_get_type ())
G_DECLARE_FINAL_TYPE (PathwayColumnLayout, pathway_column_layout, PATHWAY, COLUMN_LAYOUT,
                      GObject)

/* The columns are added through the layout, which appends them to column_view. */
PathwayColumnLayout *pathway_column_layout_new (GtkColumnView *column_view);

/* Appends column under id (letters, digits and '-'), named name in the menu, shown by default
 * or not. Every column gets the layout's menu as its header menu. */
void pathway_column_layout_append (PathwayColumnLayout *self, GtkColumnViewColumn *column,
                                   const char *id, const char *name, gboolean shown);
GtkColumnViewColumn *pathway_column_layout_find (PathwayColumnLayout *self, const char *id);
/* The id a column was appended under, or NULL. */
const char *pathway_column_layout_get_id (PathwayColumnLayout *self,
                                          GtkColumnViewColumn *column);

/* A check item for each column, in the default order, then "Reset Columns" (transfer none). */
GMenuModel *pathway_column_layout_get_menu (PathwayColumnLayout *self);
/* The actions the menu names, to be inserted as "columns" (transfer none). */
GActionGroup *pathway_column_layout_get_actions (PathwayColumnLayout *self);

/* Applies the layout kept under key in settings and from then on writes every change there.
 * settings NULL (no schema installed): the default layout, kept for this run only. */
void pathway_column_layout_bind (PathwayColumnLayout *self, GSettings *settings,
                                 const char *key);
/* The layout as the key would hold it (transfer full). */
char **pathway_column_layout_dup_state (PathwayColumnLayout *self);
/* Applies a layout in the key's form; unknown ids and malformed entries are passed over. */
void pathway_column_layout_apply_state (PathwayColumnLayout *self, const char *const *state);
/* Every column back in its default place, shown or hidden as by default, at its own width. */
void pathway_column_layout_reset (PathwayColumnLayout *self);
/* Whether the person has arranged the columns (or the settings held their arrangement), rather
 * than kept the default layout. */
gboolean pathway_column_layout_get_arranged (PathwayColumnLayout *self);
/* Changes whether a column is shown by default (as the room to show it comes and goes), and
 * shows or hides it now unless the person has arranged the columns. Not a change to keep. */
void pathway_column_layout_set_default_shown (PathwayColumnLayout *self, const char *id,
                                              gboolean shown);
/* Writes a change not written yet, now. */
void pathway_column_layout_flush (PathwayColumnLayout *self);

G_END_DECLS
