/* pathway-returns-window.h: return forms in the app. Three pages in one window: Returns (per
 * lead: sent, due, returned or outstanding), Request Updates (which leads get a form of the
 * actions not updated since a day, and by when) and the review of returned forms (each change
 * beside the value now, accepted or rejected one by one or a lead at a time, conflicts and
 * altered rows shown, applied as one undo step). The work is done by src/exchange's
 * pathway-returns.h; this only shows and asks. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RETURNS_WINDOW (pathway_returns_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwayReturnsWindow, pathway_returns_window, PATHWAY, RETURNS_WINDOW,
                      AdwWindow)

PathwayReturnsWindow *pathway_returns_window_new (GtkWindow *parent, PathwayDocument *document);

/* The pages. */
void pathway_returns_window_show_status (PathwayReturnsWindow *self);
void pathway_returns_window_show_request (PathwayReturnsWindow *self);
/* Asks for the returned files, then shows them for review. */
void pathway_returns_window_choose_returns (PathwayReturnsWindow *self);
/* Reads these returned files and shows them for review (what the file chooser does; a file
 * that is refused is named at the top of the page with the reason, the rest are read). */
void pathway_returns_window_review_files (PathwayReturnsWindow *self, const char *const *paths);

/* The default board (by name; NULL: the first), whose last meeting the request asks from. */
void pathway_returns_window_set_board_name (PathwayReturnsWindow *self, const char *board_name);
/* The folder Write Forms writes to without asking (NULL: ask with a file chooser). */
void pathway_returns_window_set_folder (PathwayReturnsWindow *self, const char *folder);

G_END_DECLS
