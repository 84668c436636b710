/* pathway-announce.h: telling a screen reader about a change it cannot see (a filter's count,
 * a save, an undo, another person's change), for GTK 4.8, which has no announce call. A
 * window that announces holds a PathwayAnnouncer (the main window does, in its template);
 * pathway_announce finds the one of the widget's window, or of the window it is transient
 * for. See pathway-announce.c for what a screen reader is given. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATHWAY_TYPE_ANNOUNCER (pathway_announcer_get_type ())
G_DECLARE_FINAL_TYPE (PathwayAnnouncer, pathway_announcer, PATHWAY, ANNOUNCER, GtkWidget)

/* Says 'text' (plain text, for people) through the announcer of the window that holds
 * 'widget' (any widget in it, or the window). A window without one says nothing. */
void              pathway_announce              (GtkWidget        *widget,
                                                 const char       *text);

/* The announcer that pathway_announce would use for 'widget', or NULL. */
PathwayAnnouncer *pathway_announcer_find        (GtkWidget        *widget);
/* The last text announced, or NULL before the first. */
const char       *pathway_announcer_get_text    (PathwayAnnouncer *self);
/* How many announcements it has made: a repeat of the same words counts again. */
guint             pathway_announcer_get_n_announced (PathwayAnnouncer *self);

G_END_DECLS
