/* pathway-person.c: someone named in the plan, with their role, organisation and email. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayPerson
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *name;
  char *role;
  char *organisation;
  char *email;
  gboolean public;
};

G_DEFINE_FINAL_TYPE (PathwayPerson, pathway_person, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayPerson, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPerson, uuid) },
  { "name", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPerson, name) },
  { "role", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPerson, role) },
  { "organisation", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPerson, organisation) },
  { "email", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPerson, email) },
  { "public", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayPerson, public) },
};

static void
pathway_person_class_init (PathwayPersonClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_person_init (PathwayPerson *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayPerson *
pathway_person_new (void)
{
  return g_object_new (PATHWAY_TYPE_PERSON, NULL);
}

gint64
pathway_person_get_id (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), 0);

  return self->id;
}

void
_pathway_person_set_id (PathwayPerson *self,
                        gint64         id)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

const char *
pathway_person_get_name (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->name;
}

void
pathway_person_set_name (PathwayPerson *self,
                         const char    *name)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->name, name);
}

const char *
pathway_person_get_role (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->role;
}

void
pathway_person_set_role (PathwayPerson *self,
                         const char    *role)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->role, role);
}

const char *
pathway_person_get_organisation (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->organisation;
}

void
pathway_person_set_organisation (PathwayPerson *self,
                                 const char    *organisation)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->organisation, organisation);
}

const char *
pathway_person_get_email (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->email;
}

void
pathway_person_set_email (PathwayPerson *self,
                          const char    *email)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->email, email);
}

gboolean
pathway_person_get_public (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), FALSE);

  return self->public;
}
