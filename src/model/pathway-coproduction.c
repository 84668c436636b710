/* pathway-coproduction.c: an entry of "you said, we did". */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathway-coproduction.h"
#include "pathway-model-private.h"

struct _PathwayCoproduction
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  GDate date;
  PathwayAudience audience;
  char *who;
  int responses;
  char *said;
  char *will_do;
  char *did;
  PathwayResponseStatus status;
  char *actions;
  char *areas;
  gboolean public;
};

G_DEFINE_FINAL_TYPE (PathwayCoproduction, pathway_coproduction, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayCoproduction, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, uuid) },
  { "date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayCoproduction, date) },
  { "audience", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayCoproduction, audience),
    pathway_audience_get_type, PATHWAY_AUDIENCE_PARENT_CARERS },
  { "who", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, who) },
  { "responses", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayCoproduction, responses) },
  { "said", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, said) },
  { "will-do", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, will_do) },
  { "did", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, did) },
  { "status", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayCoproduction, status),
    pathway_response_status_get_type, PATHWAY_RESPONSE_HEARD },
  { "actions", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, actions) },
  { "areas", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayCoproduction, areas) },
  { "public", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayCoproduction, public), NULL, TRUE },
};

static void
pathway_coproduction_class_init (PathwayCoproductionClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_coproduction_init (PathwayCoproduction *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayCoproduction *
pathway_coproduction_new (void)
{
  return g_object_new (PATHWAY_TYPE_COPRODUCTION, NULL);
}

gint64
pathway_coproduction_get_id (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), 0);

  return self->id;
}

const GDate *
pathway_coproduction_get_date (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return pathway_model_get_date (&self->date);
}

void
pathway_coproduction_set_date (PathwayCoproduction *self,
                               const GDate *date)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_date (G_OBJECT (self), &self->date, date);
}

PathwayAudience
pathway_coproduction_get_audience (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), PATHWAY_AUDIENCE_PARENT_CARERS);

  return self->audience;
}

void
pathway_coproduction_set_audience (PathwayCoproduction *self,
                                   PathwayAudience audience)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_enum (G_OBJECT (self), (int *) &self->audience, audience);
}

const char *
pathway_coproduction_get_who (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->who;
}

void
pathway_coproduction_set_who (PathwayCoproduction *self,
                              const char *who)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->who, who);
}

int
pathway_coproduction_get_responses (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), 0);

  return self->responses;
}

void
pathway_coproduction_set_responses (PathwayCoproduction *self,
                                    int responses)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_int (G_OBJECT (self), &self->responses, responses);
}

const char *
pathway_coproduction_get_said (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->said;
}

void
pathway_coproduction_set_said (PathwayCoproduction *self,
                               const char *said)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->said, said);
}

const char *
pathway_coproduction_get_will_do (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->will_do;
}

void
pathway_coproduction_set_will_do (PathwayCoproduction *self,
                                  const char *will_do)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->will_do, will_do);
}

const char *
pathway_coproduction_get_did (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->did;
}

void
pathway_coproduction_set_did (PathwayCoproduction *self,
                              const char *did)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->did, did);
}

PathwayResponseStatus
pathway_coproduction_get_status (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), PATHWAY_RESPONSE_HEARD);

  return self->status;
}

void
pathway_coproduction_set_status (PathwayCoproduction *self,
                                 PathwayResponseStatus status)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_enum (G_OBJECT (self), (int *) &self->status, status);
}

const char *
pathway_coproduction_get_actions (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->actions;
}

void
pathway_coproduction_set_actions (PathwayCoproduction *self,
                                  const char *actions)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->actions, actions);
}

const char *
pathway_coproduction_get_areas (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  return self->areas;
}

void
pathway_coproduction_set_areas (PathwayCoproduction *self,
                                const char *areas)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->areas, areas);
}

gboolean
pathway_coproduction_get_public (PathwayCoproduction *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), FALSE);

  return self->public;
}

void
pathway_coproduction_set_public (PathwayCoproduction *self,
                                 gboolean public)
{
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (self));

  pathway_model_set_boolean (G_OBJECT (self), &self->public, public);
}

char *
pathway_coproduction_dup_heard_from (PathwayCoproduction *self)
{
  g_autofree char *heard = NULL;

  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION (self), NULL);

  if (self->audience == PATHWAY_AUDIENCE_SURVEY && self->responses > 0)
    /* TRANSLATORS: a survey and how many answered it: "Survey, 212 responses" */
    heard = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d response",
                                          "%s, %d responses", self->responses),
                             pathway_audience_label (self->audience), self->responses);
  else
    heard = g_strdup (pathway_audience_label (self->audience));
  if (self->who != NULL && *self->who != '\0')
    /* TRANSLATORS: the audience and who in the area's words: "Schools · SENCO network" */
    return g_strdup_printf (_("%s · %s"), heard, self->who);
  return g_steal_pointer (&heard);
}
