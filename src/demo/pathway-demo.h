/* pathway-demo.h: the demo programme, a fictional local area's written statement of action
 * with eighteen months of monthly updates, indicators and board meetings, so that every view,
 * chart and report has something true-to-life to show before a user brings their own data. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the demo programme to a new file at path; an existing file is refused
 * (PATHWAY_ERROR_EXISTS). The content is the same on every run, to the byte. */
gboolean pathway_demo_write (const char *path, GError **error);

G_END_DECLS
