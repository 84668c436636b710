/* pathway-preferences-window.h: the person's preferences (kept per user in GSettings) and the
 * programme's settings (kept in the file, shared by everyone who opens it). */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PREFERENCES_WINDOW (pathway_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPreferencesWindow, pathway_preferences_window, PATHWAY,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* settings may be NULL (no schema installed); document may be NULL (no programme open). */
PathwayPreferencesWindow *pathway_preferences_window_new (GtkWindow *parent,
                                                          GSettings *settings,
                                                          PathwayDocument *document);
/* Shows the programme's page rather than the personal one. */
void pathway_preferences_window_show_programme (PathwayPreferencesWindow *self);

G_END_DECLS
