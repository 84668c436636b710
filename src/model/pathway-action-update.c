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
  GDateTime *recorded;
};

G_DEFINE_FINAL_TYPE (PathwayActionUpdate, pathway_action_update, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayActionUpdate, id) },
  { "action-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayActionUpdate, action_id) },
  { "at", PATHWAY_MODEL_DATE_TIME, G_STRUCT_OFFSET (PathwayActionUpdate, at) },
  { "author", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayActionUpdate, author) },
  { "field", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayActionUpdate, field),
    pathway_field_get_type, PATHWAY_FIELD_CREATED },
  { "from-value", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayActionUpdate, from_value) },
  { "to-value", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayActionUpdate, to_value) },
  { "note", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayActionUpdate, note) },
  /* For a TEXT update: which field of the action changed ("description", "theme"). */
  { "property", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayActionUpdate, property) },
  { "meeting-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayActionUpdate, meeting_id) },
  /* When a change dated in the past ("at", when it was true) was written; NULL for the rest,
   * which were written when they were true. */
  { "recorded", PATHWAY_MODEL_DATE_TIME, G_STRUCT_OFFSET (PathwayActionUpdate, recorded) },
};

static void
pathway_action_update_class_init (PathwayActionUpdateClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_action_update_init (PathwayActionUpdate *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id);
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

  pathway_model_set_date_time (G_OBJECT (self), &self->at, at);
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

  pathway_model_set_string (G_OBJECT (self), &self->author, author);
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

  pathway_model_set_enum (G_OBJECT (self), &self->field, field);
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

  pathway_model_set_string (G_OBJECT (self), &self->from_value, from_value);
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

  pathway_model_set_string (G_OBJECT (self), &self->to_value, to_value);
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

  pathway_model_set_string (G_OBJECT (self), &self->note, note);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->meeting_id, meeting_id);
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

  pathway_model_set_string (G_OBJECT (self), &self->property, property);
}

GDateTime *
pathway_action_update_get_recorded (PathwayActionUpdate *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_UPDATE (self), NULL);

  return self->recorded;
}
