/* pathway-action-update.c: one dated, signed change to an action. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-action-update.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayActionUpdate
{
  GObject parent_instance;

  gint64 id;
  gint64 action_id;
  GDateTime *at;
  char *author;
  PathwayField field;
  char *from_value;
  char *to_value;
  char *note;
  char *property;
  gint64 meeting_id;
};

G_DEFINE_FINAL_TYPE (PathwayActionUpdate, pathway_action_update, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTION_ID,
  PROP_AT,
  PROP_AUTHOR,
  PROP_FIELD,
  PROP_FROM_VALUE,
  PROP_TO_VALUE,
  PROP_NOTE,
  PROP_PROPERTY,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_action_update_finalize (GObject *object)
{
  PathwayActionUpdate *self = (PathwayActionUpdate *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->from_value, g_free);
  g_clear_pointer (&self->to_value, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->property, g_free);

  G_OBJECT_CLASS (pathway_action_update_parent_class)->finalize (object);
}

static void
pathway_action_update_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwayActionUpdate *self = PATHWAY_ACTION_UPDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;

    case PROP_FROM_VALUE:
      g_value_set_string (value, self->from_value);
      break;

    case PROP_TO_VALUE:
      g_value_set_string (value, self->to_value);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PROPERTY:
      g_value_set_string (value, self->property);
      break;

    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_action_update_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PathwayActionUpdate *self = PATHWAY_ACTION_UPDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_action_update_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTION_ID:
      _pathway_action_update_set_action_id (self, g_value_get_int64 (value));
      break;

    case PROP_AT:
      _pathway_action_update_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_AUTHOR:
      _pathway_action_update_set_author (self, g_value_get_string (value));
      break;

    case PROP_FIELD:
      _pathway_action_update_set_field (self, g_value_get_enum (value));
      break;

    case PROP_FROM_VALUE:
      _pathway_action_update_set_from_value (self, g_value_get_string (value));
      break;

    case PROP_TO_VALUE:
      _pathway_action_update_set_to_value (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      _pathway_action_update_set_note (self, g_value_get_string (value));
      break;

    case PROP_PROPERTY:
      _pathway_action_update_set_property_name (self, g_value_get_string (value));
      break;

    case PROP_MEETING_ID:
      _pathway_action_update_set_meeting_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_action_update_class_init (PathwayActionUpdateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_action_update_finalize;
  object_class->get_property = pathway_action_update_get_property;
  object_class->set_property = pathway_action_update_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL,
                       PATHWAY_TYPE_FIELD, PATHWAY_FIELD_CREATED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FROM_VALUE] =
    g_param_spec_string ("from-value", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TO_VALUE] =
    g_param_spec_string ("to-value", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* For a TEXT update: which field of the action changed ("description", "theme"). */
  properties[PROP_PROPERTY] =
    g_param_spec_string ("property", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_action_update_init (PathwayActionUpdate *self)
{
  self->author = g_strdup ("");
  self->from_value = g_strdup ("");
  self->to_value = g_strdup ("");
  self->note = g_strdup ("");
  self->property = g_strdup ("");
}

PathwayActionUpdate *
pathway_action_update_new (void)
{
  return g_object_new (PATHWAY_TYPE_ACTION_UPDATE, NULL);
}

gint64
pathway_action_update_get_id (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), 0);

  return self->id;
}

void
_pathway_action_update_set_id (PathwayActionUpdate *self,
                              gint64               id)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

gint64
pathway_action_update_get_action_id (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), 0);

  return self->action_id;
}

void
_pathway_action_update_set_action_id (PathwayActionUpdate *self,
                                     gint64               action_id)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id,
                           properties[PROP_ACTION_ID]);
}

GDateTime *
pathway_action_update_get_at (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->at;
}

void
_pathway_action_update_set_at (PathwayActionUpdate *self,
                              GDateTime           *at)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_date_time (G_OBJECT (self), &self->at, at, properties[PROP_AT]);
}

const char *
pathway_action_update_get_author (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->author;
}

void
_pathway_action_update_set_author (PathwayActionUpdate *self,
                                  const char          *author)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_string (G_OBJECT (self), &self->author, author, properties[PROP_AUTHOR]);
}

PathwayField
pathway_action_update_get_field (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), PATHWAY_FIELD_CREATED);

  return self->field;
}

void
_pathway_action_update_set_field (PathwayActionUpdate *self,
                                 PathwayField         field)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  if (self->field == field)
    return;

  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
pathway_action_update_get_from_value (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->from_value;
}

void
_pathway_action_update_set_from_value (PathwayActionUpdate *self,
                                      const char          *from_value)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_string (G_OBJECT (self), &self->from_value, from_value,
                            properties[PROP_FROM_VALUE]);
}

const char *
pathway_action_update_get_to_value (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->to_value;
}

void
_pathway_action_update_set_to_value (PathwayActionUpdate *self,
                                    const char          *to_value)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_string (G_OBJECT (self), &self->to_value, to_value, properties[PROP_TO_VALUE]);
}

const char *
pathway_action_update_get_note (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->note;
}

void
_pathway_action_update_set_note (PathwayActionUpdate *self,
                                const char          *note)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}

gint64
pathway_action_update_get_meeting_id (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), 0);

  return self->meeting_id;
}

void
_pathway_action_update_set_meeting_id (PathwayActionUpdate *self,
                                      gint64               meeting_id)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->meeting_id, meeting_id,
                           properties[PROP_MEETING_ID]);
}

const char *
pathway_action_update_get_property_name (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->property;
}

void
_pathway_action_update_set_property_name (PathwayActionUpdate *self,
                                         const char          *property)
{
  g_return_if_fail (PATHWAY_IS_ACTION_UPDATE (self));

  pathway_model_set_string (G_OBJECT (self), &self->property, property, properties[PROP_PROPERTY]);
}
