/* pathway-member.c: a person's place in a workstream. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-member.h"
#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMember
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 workstream_id;
  PathwayPerson *person;
  char *role;
};

G_DEFINE_FINAL_TYPE (PathwayMember, pathway_member, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMember, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMember, uuid) },
  { "workstream-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMember, workstream_id) },
  { "person", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayMember, person),
    pathway_person_get_type },
  { "role", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMember, role) },
};

static void
pathway_member_class_init (PathwayMemberClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_member_init (PathwayMember *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayMember *
pathway_member_new (void)
{
  return g_object_new (PATHWAY_TYPE_MEMBER, NULL);
}

gint64
pathway_member_get_id (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), 0);

  return self->id;
}

void
_pathway_member_set_id (PathwayMember *self,
                        gint64         id)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

gint64
pathway_member_get_workstream_id (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), 0);

  return self->workstream_id;
}

void
_pathway_member_set_workstream_id (PathwayMember *self,
                                   gint64         workstream_id)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->workstream_id, workstream_id);
}

PathwayPerson *
pathway_member_get_person (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), NULL);

  return self->person;
}

void
pathway_member_set_person (PathwayMember *self,
                           PathwayPerson *person)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));
  g_return_if_fail (person == NULL || PATHWAY_IS_PERSON (person));

  pathway_model_set_object (G_OBJECT (self), &self->person, person);
}

/* The store's own name for the public setter, which it has always called. */
void
_pathway_member_set_person (PathwayMember *self,
                            PathwayPerson *person)
{
  pathway_member_set_person (self, person);
}

const char *
pathway_member_get_role (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), NULL);

  return self->role;
}

void
pathway_member_set_role (PathwayMember *self,
                         const char    *role)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));

  pathway_model_set_string (G_OBJECT (self), &self->role, role);
}

void
_pathway_member_set_role (PathwayMember *self,
                          const char    *role)
{
  pathway_member_set_role (self, role);
}
