/* pathway-application.h: the Pathway application. It decides which programme a new window
 * opens (the file given, the last one, or the demo programme written on first run) and
 * holds the actions that belong to no window (About, Quit). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATHWAY_TYPE_APPLICATION (pathway_application_get_type ())
G_DECLARE_FINAL_TYPE (PathwayApplication, pathway_application, PATHWAY, APPLICATION,
                      AdwApplication)

PathwayApplication *pathway_application_new (void);

/* Pathway's settings, or NULL when the schema is not installed (a run from a build folder
 * without GSETTINGS_SCHEMA_DIR): the windows then work without remembering anything. */
GSettings *pathway_application_new_settings (void);

/* Where the demo programme is kept: <user data dir>/pathway/Demo programme.pathway. */
char *pathway_application_dup_demo_path (void);

G_END_DECLS
