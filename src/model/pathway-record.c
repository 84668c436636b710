/* pathway-record.c: the id and uuid of a record of any kind, read and written through the
 * class's table of fields (pathway-model-private.h), so a new kind of record needs nothing here
 * beyond its two lines in that table. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-record.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

static gpointer
field_of (gpointer          record,
          const char       *name,
          PathwayModelKind  kind)
{
  if (record == NULL || !G_IS_OBJECT (record))
    return NULL;

  return pathway_model_field_address (record, name, kind);
}

gint64
pathway_record_get_id (gpointer record)
{
  const gint64 *id = field_of (record, "id", PATHWAY_MODEL_INT64);

  return id != NULL ? *id : 0;
}

const char *
pathway_record_get_uuid (gpointer record)
{
  char **uuid = field_of (record, "uuid", PATHWAY_MODEL_STRING);

  return uuid != NULL ? *uuid : "";
}

char *
pathway_record_new_uuid (void)
{
  return g_uuid_string_random ();
}

void
_pathway_record_set_id (gpointer record,
                        gint64   id)
{
  gint64 *field = field_of (record, "id", PATHWAY_MODEL_INT64);

  g_return_if_fail (field != NULL);

  pathway_model_set_int64 (record, field, id);
}

void
_pathway_record_set_uuid (gpointer    record,
                          const char *uuid)
{
  char **field = field_of (record, "uuid", PATHWAY_MODEL_STRING);

  g_return_if_fail (field != NULL);

  pathway_model_set_string (record, field, uuid);
}
