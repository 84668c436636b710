/* pathway-sidebar.h: the list beside a page of one record (the workstreams, the indicators):
 * a row per record in the programme's order, made again only when records come, go or move,
 * with the record shown kept across a rebuild by its id (a rolled-back batch brings new
 * objects for the same records). Its arrows move the focus without choosing a row: Enter,
 * Space or a click chooses, so that going down the list does not load each page on the way.
 *
 * A view embeds a PathwaySidebar and gives it the GtkListBox of its template; its own entry
 * struct starts with a PathwaySidebarEntry, made by the view's entry_new function. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  GtkWidget *row;
  GObject *item; /* a model object, with an int64 "id" property */
} PathwaySidebarEntry;

/* Makes the row for item (and holds a reference to it); the view fills in its own fields. */
typedef PathwaySidebarEntry *(*PathwaySidebarEntryNew) (GObject *item);

typedef struct {
  GtkListBox *list;
  GPtrArray *entries; /* the view's entries, in the list's order */
  gboolean rebuilding;
} PathwaySidebar;

/* entry_free frees the view's entry, including the PathwaySidebarEntry's item. */
void                 pathway_sidebar_init         (PathwaySidebar         *self,
                                                   GtkListBox             *list,
                                                   GDestroyNotify          entry_free);
void                 pathway_sidebar_clear        (PathwaySidebar         *self);

/* Makes the rows again if items differ from the rows; returns the entry to show (the one
 * with the id of shown, else the first, else NULL), its row selected in the list. *same is
 * TRUE when that entry is shown's record. Selecting a row here is not the person's choice:
 * pathway_sidebar_entry_for_row says NULL meanwhile. */
PathwaySidebarEntry *pathway_sidebar_update       (PathwaySidebar         *self,
                                                   GListModel             *items,
                                                   GObject                *shown,
                                                   PathwaySidebarEntryNew  entry_new,
                                                   gboolean               *same);

/* The entry of a row the person selected; NULL for no row or while rows are being made. */
PathwaySidebarEntry *pathway_sidebar_entry_for_row (PathwaySidebar        *self,
                                                    GtkListBoxRow         *row);
/* The entry of the record with this id, or NULL. */
PathwaySidebarEntry *pathway_sidebar_entry_for_id  (PathwaySidebar        *self,
                                                    gint64                 id);

G_END_DECLS
