/* pathway-return-form.c: a return form sent to a lead, and whether it came back. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-return-form.h"
#include "pathway-person.h"
#include "pathway-model-private.h"

struct _PathwayReturnForm
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  PathwayPerson *lead;
  GDate sent;
  GDate due;
  GDate since;
  int actions;
  GDate returned;
  char *file;
};

G_DEFINE_FINAL_TYPE (PathwayReturnForm, pathway_return_form, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayReturnForm, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayReturnForm, uuid) },
  { "lead", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayReturnForm, lead),
    pathway_person_get_type },
  { "sent", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayReturnForm, sent) },
  { "due", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayReturnForm, due) },
  { "since", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayReturnForm, since) },
  { "actions", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayReturnForm, actions) },
  { "returned", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayReturnForm, returned) },
  { "file", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayReturnForm, file) },
};

static void
pathway_return_form_class_init (PathwayReturnFormClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_return_form_init (PathwayReturnForm *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayReturnForm *
pathway_return_form_new (void)
{
  return g_object_new (PATHWAY_TYPE_RETURN_FORM, NULL);
}

gint64
pathway_return_form_get_id (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), 0);

  return self->id;
}

PathwayPerson *
pathway_return_form_get_lead (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return self->lead;
}

void
pathway_return_form_set_lead (PathwayReturnForm *self,
                              PathwayPerson     *lead)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_object (G_OBJECT (self), &self->lead, lead);
}

const GDate *
pathway_return_form_get_sent (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return pathway_model_get_date (&self->sent);
}

void
pathway_return_form_set_sent (PathwayReturnForm *self,
                              const GDate       *sent)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_date (G_OBJECT (self), &self->sent, sent);
}

const GDate *
pathway_return_form_get_due (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return pathway_model_get_date (&self->due);
}

void
pathway_return_form_set_due (PathwayReturnForm *self,
                             const GDate       *due)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_date (G_OBJECT (self), &self->due, due);
}

const GDate *
pathway_return_form_get_since (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return pathway_model_get_date (&self->since);
}

void
pathway_return_form_set_since (PathwayReturnForm *self,
                               const GDate       *since)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_date (G_OBJECT (self), &self->since, since);
}

int
pathway_return_form_get_actions (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), 0);

  return self->actions;
}

void
pathway_return_form_set_actions (PathwayReturnForm *self,
                                 int                actions)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_int (G_OBJECT (self), &self->actions, actions);
}

const GDate *
pathway_return_form_get_returned (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return pathway_model_get_date (&self->returned);
}

void
pathway_return_form_set_returned (PathwayReturnForm *self,
                                  const GDate       *returned)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_date (G_OBJECT (self), &self->returned, returned);
}

const char *
pathway_return_form_get_file (PathwayReturnForm *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_FORM (self), NULL);

  return self->file;
}

void
pathway_return_form_set_file (PathwayReturnForm *self,
                              const char        *file)
{
  g_return_if_fail (PATHWAY_IS_RETURN_FORM (self));

  pathway_model_set_string (G_OBJECT (self), &self->file, file);
}
