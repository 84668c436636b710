/* pathway-window.h: the main window, showing one programme in its views. A window holds
 * the open document (and so its lock) until it closes or opens another file. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_WINDOW (pathway_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwayWindow, pathway_window, PATHWAY, WINDOW, AdwApplicationWindow)

/* application may be NULL (tests). */
PathwayWindow *pathway_window_new (GtkApplication *application);

/* Opens the programme at path and shows it, closing the one shown before. On failure the
 * window keeps what it showed and error says why. */
gboolean pathway_window_load (PathwayWindow *self, const char *path, PathwayOpenFlags flags,
                              GError **error);

/* Like pathway_window_load, but a failure is explained to the person in a dialog, with what
 * they can do about it. */
void pathway_window_open (PathwayWindow *self, GFile *file);

/* Opens a programme file at a path, or one kept on a server at a "postgresql://" URI. A
 * server's programme is opened in the background with the password the keyring keeps for it
 * (or none: libpq then looks in ~/.pgpass), while the window keeps showing what it showed, or
 * says it is connecting; when it cannot be opened, Connect to Server… says why, its rows
 * filled in. */
void pathway_window_open_location (PathwayWindow *self, const char *location);
/* Whether a programme on a server is being opened. */
gboolean pathway_window_get_connecting (PathwayWindow *self);
/* Whether the window shows the programme at this path or URI. */
gboolean pathway_window_shows_location (PathwayWindow *self, const char *location);

/* Shows an error that stopped a programme from being opened. */
void pathway_window_show_error (PathwayWindow *self, const char *heading, const GError *error);

/* The open document, or NULL. */
PathwayDocument *pathway_window_get_document (PathwayWindow *self);

/* The view on the page called name ("overview", "workstreams", "actions", "indicators",
 * "report", "setup"), or NULL for no such page. A view is made when its page is first shown,
 * or here when it is asked for before that; it is given the document when it is shown. */
PathwayView *pathway_window_get_view (PathwayWindow *self, const char *name);

/* Writes the window's size and whether it is maximised to the settings. The window does it
 * when it closes; the application, before it quits (quitting closes no window). */
void pathway_window_save_state (PathwayWindow *self);

/* Shows a toast over the views (takes the floating reference). */
void pathway_window_add_toast (PathwayWindow *self, AdwToast *toast);
/* Dismisses a toast once any slide-in it may be in has finished (libadwaita 1.2 crashes on a
 * toast dismissed as it appears); a toast dismissed this way offers no button meanwhile. */
void pathway_window_dismiss_toast (PathwayWindow *self, AdwToast *toast);

G_END_DECLS
