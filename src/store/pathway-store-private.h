/* pathway-store-private.h: what the store's tests need beyond the document API. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates an empty programme file at an older schema version, as an older Pathway would
 * have, so that migrations can be tested from real files. */
gboolean pathway_store_create_at_version (const char *path, int version, GError **error);

G_END_DECLS
