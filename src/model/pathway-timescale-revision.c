/* pathway-timescale-revision.c: one approved change of an action's timescale. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-timescale-revision.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayTimescaleRevision
{
  GObject parent_instance;

  gint64 id;
  gint64 action_id;
  PathwayTimescale *timescale;
  char *reason;
  char *approved_by;
  GDate approved_on;
  GDateTime *recorded_at;
  char *author;
};

G_DEFINE_FINAL_TYPE (PathwayTimescaleRevision, pathway_timescale_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTION_ID,
  PROP_TIMESCALE,
  PROP_REASON,
  PROP_APPROVED_BY,
  PROP_APPROVED_ON,
  PROP_RECORDED_AT,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_timescale_revision_finalize (GObject *object)
{
  PathwayTimescaleRevision *self = (PathwayTimescaleRevision *)object;

  g_clear_pointer (&self->timescale, pathway_timescale_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->approved_by, g_free);
  g_clear_pointer (&self->recorded_at, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (pathway_timescale_revision_parent_class)->finalize (object);
}

static void
pathway_timescale_revision_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PathwayTimescaleRevision *self = PATHWAY_TIMESCALE_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;

    case PROP_TIMESCALE:
      g_value_set_boxed (value, self->timescale);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_APPROVED_BY:
      g_value_set_string (value, self->approved_by);
      break;

    case PROP_APPROVED_ON:
      g_value_set_boxed (value, pathway_timescale_revision_get_approved_on (self));
      break;

    case PROP_RECORDED_AT:
      g_value_set_boxed (value, self->recorded_at);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_timescale_revision_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PathwayTimescaleRevision *self = PATHWAY_TIMESCALE_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_timescale_revision_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTION_ID:
      _pathway_timescale_revision_set_action_id (self, g_value_get_int64 (value));
      break;

    case PROP_TIMESCALE:
      _pathway_timescale_revision_set_timescale (self, g_value_get_boxed (value));
      break;

    case PROP_REASON:
      _pathway_timescale_revision_set_reason (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_BY:
      _pathway_timescale_revision_set_approved_by (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_ON:
      _pathway_timescale_revision_set_approved_on (self, g_value_get_boxed (value));
      break;

    case PROP_RECORDED_AT:
      _pathway_timescale_revision_set_recorded_at (self, g_value_get_boxed (value));
      break;

    case PROP_AUTHOR:
      _pathway_timescale_revision_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_timescale_revision_class_init (PathwayTimescaleRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_timescale_revision_finalize;
  object_class->get_property = pathway_timescale_revision_get_property;
  object_class->set_property = pathway_timescale_revision_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMESCALE] =
    g_param_spec_boxed ("timescale", NULL, NULL,
                        PATHWAY_TYPE_TIMESCALE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPROVED_BY] =
    g_param_spec_string ("approved-by", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPROVED_ON] =
    g_param_spec_boxed ("approved-on", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RECORDED_AT] =
    g_param_spec_boxed ("recorded-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_timescale_revision_init (PathwayTimescaleRevision *self)
{
  self->timescale = pathway_timescale_new ("", NULL, PATHWAY_PRECISION_NONE);
  self->reason = g_strdup ("");
  self->approved_by = g_strdup ("");
  g_date_clear (&self->approved_on, 1);
  self->author = g_strdup ("");
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id,
                           properties[PROP_ACTION_ID]);
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

  pathway_model_set_timescale (G_OBJECT (self), &self->timescale, timescale, TRUE,
                               properties[PROP_TIMESCALE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->reason, reason, properties[PROP_REASON]);
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

  pathway_model_set_string (G_OBJECT (self), &self->approved_by, approved_by,
                            properties[PROP_APPROVED_BY]);
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

  pathway_model_set_date (G_OBJECT (self), &self->approved_on, approved_on,
                          properties[PROP_APPROVED_ON]);
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

  pathway_model_set_date_time (G_OBJECT (self), &self->recorded_at, recorded_at,
                               properties[PROP_RECORDED_AT]);
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

  pathway_model_set_string (G_OBJECT (self), &self->author, author, properties[PROP_AUTHOR]);
}
