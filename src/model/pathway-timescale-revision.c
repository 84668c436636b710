/* pathway-timescale-revision.c: one approved change of an action's timescale. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-timescale-revision.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayTimescaleRevision
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 action_id;
  PathwayTimescale *timescale;
  char *reason;
  char *approved_by;
  GDate approved_on;
  GDateTime *recorded_at;
  char *author;
};

G_DEFINE_FINAL_TYPE (PathwayTimescaleRevision, pathway_timescale_revision, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayTimescaleRevision, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayTimescaleRevision, uuid) },
  { "action-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayTimescaleRevision, action_id) },
  { "timescale", PATHWAY_MODEL_TIMESCALE, G_STRUCT_OFFSET (PathwayTimescaleRevision, timescale),
    .flags = PATHWAY_MODEL_NEVER_NULL },
  { "reason", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayTimescaleRevision, reason) },
  { "approved-by", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayTimescaleRevision, approved_by) },
  { "approved-on", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayTimescaleRevision, approved_on) },
  { "recorded-at", PATHWAY_MODEL_DATE_TIME,
    G_STRUCT_OFFSET (PathwayTimescaleRevision, recorded_at) },
  { "author", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayTimescaleRevision, author) },
};

static void
pathway_timescale_revision_class_init (PathwayTimescaleRevisionClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_timescale_revision_init (PathwayTimescaleRevision *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayTimescaleRevision *
pathway_timescale_revision_new (void)
{
  return g_object_new (PATHWAY_TYPE_TIMESCALE_REVISION, NULL);
}

gint64
pathway_timescale_revision_get_id (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), 0);

  return self->id;
}

void
_pathway_timescale_revision_set_id (PathwayTimescaleRevision *self,
                                    gint64                    id)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

gint64
pathway_timescale_revision_get_action_id (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), 0);

  return self->action_id;
}

void
_pathway_timescale_revision_set_action_id (PathwayTimescaleRevision *self,
                                           gint64                    action_id)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id);
}

const PathwayTimescale *
pathway_timescale_revision_get_timescale (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return self->timescale;
}

void
_pathway_timescale_revision_set_timescale (PathwayTimescaleRevision *self,
                                           const PathwayTimescale   *timescale)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_timescale (G_OBJECT (self), &self->timescale, timescale);
}

const char *
pathway_timescale_revision_get_reason (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return self->reason;
}

void
_pathway_timescale_revision_set_reason (PathwayTimescaleRevision *self,
                                        const char               *reason)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_string (G_OBJECT (self), &self->reason, reason);
}

const char *
pathway_timescale_revision_get_approved_by (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return self->approved_by;
}

void
_pathway_timescale_revision_set_approved_by (PathwayTimescaleRevision *self,
                                             const char               *approved_by)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_string (G_OBJECT (self), &self->approved_by, approved_by);
}

const GDate *
pathway_timescale_revision_get_approved_on (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return pathway_model_get_date (&self->approved_on);
}

void
_pathway_timescale_revision_set_approved_on (PathwayTimescaleRevision *self,
                                             const GDate              *approved_on)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_date (G_OBJECT (self), &self->approved_on, approved_on);
}

GDateTime *
pathway_timescale_revision_get_recorded_at (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return self->recorded_at;
}

void
_pathway_timescale_revision_set_recorded_at (PathwayTimescaleRevision *self,
                                             GDateTime                *recorded_at)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_date_time (G_OBJECT (self), &self->recorded_at, recorded_at);
}

const char *
pathway_timescale_revision_get_author (PathwayTimescaleRevision *self)
{
  g_return_val_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self), NULL);

  return self->author;
}

void
_pathway_timescale_revision_set_author (PathwayTimescaleRevision *self,
                                        const char               *author)
{
  g_return_if_fail (PATHWAY_IS_TIMESCALE_REVISION (self));

  pathway_model_set_string (G_OBJECT (self), &self->author, author);
}
