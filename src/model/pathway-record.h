/* pathway-record.h: what every record of the plan has, whatever its kind: the id the file gave
 * it and a uuid that names it for good (programme, area of weakness, person, workstream, member,
 * action, timescale revision, evidence, indicator, reading, milestone, board, meeting and return
 * form). Code
 * that handles records of any kind, such as the change log or a list of records beside a page,
 * reads them here without asking which class it holds. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0 for NULL or an object without an id. */
gint64 pathway_record_get_id (gpointer record);

/* "" for NULL or an object without a uuid. */
const char *pathway_record_get_uuid (gpointer record);

/* A new random uuid (version 4) for a record the file has not seen: 36 lowercase characters,
 * "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx". Free with g_free(). */
char *pathway_record_new_uuid (void);

G_END_DECLS
