/* pathway-schema.h: the file's tables, as an ordered list of steps. Step N takes a file from
 * schema version N-1 to N; a new file runs them all. */
#pragma once

#include "pathway-sqlite.h"

G_BEGIN_DECLS

/* Runs the steps from 'from' (exclusive) to 'to' (inclusive) and sets user_version, all in
 * one transaction: a failure leaves the file as it was. */
gboolean pathway_schema_migrate (PathwayDb *db, int from, int to, GError **error);

/* The replica of a server's programme: the file's schema, each table's integer key taken from
 * a sequence (pathway-remote.c sets it to the block of ids the server gave). */
gboolean pathway_schema_create_replica (PathwayDb *db, GError **error);

G_END_DECLS
