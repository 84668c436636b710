/* pathway-risk.c: a line of the risk and issue log, and its score. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-risk.h"
#include "pathway-person.h"
#include "pathway-workstream.h"
#include "pathway-model-private.h"

struct _PathwayRisk
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *reference;
  PathwayRiskKind kind;
  char *title;
  char *description;
  PathwayPerson *owner;
  PathwayWorkstream *workstream;
  char *actions;
  int likelihood;
  int impact;
  int residual_likelihood;
  int residual_impact;
  char *proximity;
  GDate review_date;
  char *response;
  PathwayPerson *response_owner;
  PathwayRiskStatus status;
  PathwayRisk *raised_from;
};

G_DEFINE_FINAL_TYPE (PathwayRisk, pathway_risk, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayRisk, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, uuid) },
  { "reference", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, reference) },
  { "kind", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayRisk, kind),
    pathway_risk_kind_get_type, PATHWAY_RISK_KIND_RISK },
  { "title", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, title) },
  { "description", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, description) },
  { "owner", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayRisk, owner),
    pathway_person_get_type },
  { "workstream", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayRisk, workstream),
    pathway_workstream_get_type },
  { "actions", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, actions) },
  { "likelihood", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayRisk, likelihood) },
  { "impact", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayRisk, impact) },
  { "residual-likelihood", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayRisk, residual_likelihood) },
  { "residual-impact", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayRisk, residual_impact) },
  { "proximity", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, proximity) },
  { "review-date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayRisk, review_date) },
  { "response", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayRisk, response) },
  { "response-owner", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayRisk, response_owner),
    pathway_person_get_type },
  { "status", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayRisk, status),
    pathway_risk_status_get_type, PATHWAY_RISK_STATUS_OPEN },
  { "raised-from", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayRisk, raised_from),
    pathway_risk_get_type },
};

static void
pathway_risk_class_init (PathwayRiskClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_risk_init (PathwayRisk *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayRisk *
pathway_risk_new (void)
{
  return g_object_new (PATHWAY_TYPE_RISK, NULL);
}

gint64
pathway_risk_get_id (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->id;
}

const char *
pathway_risk_get_reference (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->reference;
}

void
pathway_risk_set_reference (PathwayRisk *self,
                            const char *reference)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->reference, reference);
}

PathwayRiskKind
pathway_risk_get_kind (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), PATHWAY_RISK_KIND_RISK);

  return self->kind;
}

void
pathway_risk_set_kind (PathwayRisk *self,
                       PathwayRiskKind kind)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_enum (G_OBJECT (self), (int *) &self->kind, kind);
}

const char *
pathway_risk_get_title (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->title;
}

void
pathway_risk_set_title (PathwayRisk *self,
                        const char *title)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->title, title);
}

const char *
pathway_risk_get_description (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->description;
}

void
pathway_risk_set_description (PathwayRisk *self,
                              const char *description)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->description, description);
}

PathwayPerson *
pathway_risk_get_owner (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->owner;
}

void
pathway_risk_set_owner (PathwayRisk *self,
                        PathwayPerson *owner)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_object (G_OBJECT (self), (gpointer *) &self->owner, owner);
}

PathwayWorkstream *
pathway_risk_get_workstream (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->workstream;
}

void
pathway_risk_set_workstream (PathwayRisk *self,
                             PathwayWorkstream *workstream)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_object (G_OBJECT (self), (gpointer *) &self->workstream, workstream);
}

const char *
pathway_risk_get_actions (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->actions;
}

void
pathway_risk_set_actions (PathwayRisk *self,
                          const char *actions)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->actions, actions);
}

int
pathway_risk_get_likelihood (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->likelihood;
}

void
pathway_risk_set_likelihood (PathwayRisk *self,
                             int likelihood)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_int (G_OBJECT (self), &self->likelihood, likelihood);
}

int
pathway_risk_get_impact (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->impact;
}

void
pathway_risk_set_impact (PathwayRisk *self,
                         int impact)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_int (G_OBJECT (self), &self->impact, impact);
}

int
pathway_risk_get_residual_likelihood (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->residual_likelihood;
}

void
pathway_risk_set_residual_likelihood (PathwayRisk *self,
                                      int residual_likelihood)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_int (G_OBJECT (self), &self->residual_likelihood, residual_likelihood);
}

int
pathway_risk_get_residual_impact (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->residual_impact;
}

void
pathway_risk_set_residual_impact (PathwayRisk *self,
                                  int residual_impact)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_int (G_OBJECT (self), &self->residual_impact, residual_impact);
}

const char *
pathway_risk_get_proximity (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->proximity;
}

void
pathway_risk_set_proximity (PathwayRisk *self,
                            const char *proximity)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->proximity, proximity);
}

const GDate *
pathway_risk_get_review_date (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return pathway_model_get_date (&self->review_date);
}

void
pathway_risk_set_review_date (PathwayRisk *self,
                              const GDate *review_date)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_date (G_OBJECT (self), &self->review_date, review_date);
}

const char *
pathway_risk_get_response (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->response;
}

void
pathway_risk_set_response (PathwayRisk *self,
                           const char *response)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_string (G_OBJECT (self), &self->response, response);
}

PathwayPerson *
pathway_risk_get_response_owner (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->response_owner;
}

void
pathway_risk_set_response_owner (PathwayRisk *self,
                                 PathwayPerson *response_owner)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_object (G_OBJECT (self), (gpointer *) &self->response_owner, response_owner);
}

PathwayRiskStatus
pathway_risk_get_status (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), PATHWAY_RISK_STATUS_OPEN);

  return self->status;
}

void
pathway_risk_set_status (PathwayRisk *self,
                         PathwayRiskStatus status)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_enum (G_OBJECT (self), (int *) &self->status, status);
}

PathwayRisk *
pathway_risk_get_raised_from (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), NULL);

  return self->raised_from;
}

void
pathway_risk_set_raised_from (PathwayRisk *self,
                              PathwayRisk *raised_from)
{
  g_return_if_fail (PATHWAY_IS_RISK (self));

  pathway_model_set_object (G_OBJECT (self), (gpointer *) &self->raised_from, raised_from);
}

int
pathway_risk_get_score (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->likelihood * self->impact;
}

int
pathway_risk_get_residual_score (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), 0);

  return self->residual_likelihood * self->residual_impact;
}

/* An escalated risk is still open: it has gone up to the board, not away. */
gboolean
pathway_risk_is_open (PathwayRisk *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISK (self), FALSE);

  return self->status != PATHWAY_RISK_STATUS_CLOSED;
}
