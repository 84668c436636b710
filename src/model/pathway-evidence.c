/* pathway-evidence.c: one dated piece of evidence of impact, and where it comes from. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-evidence.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayEvidence
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 action_id;
  GDate date;
  char *text;
  char *source;
};

G_DEFINE_FINAL_TYPE (PathwayEvidence, pathway_evidence, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayEvidence, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayEvidence, uuid) },
  { "action-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayEvidence, action_id) },
  { "date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayEvidence, date) },
  { "text", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayEvidence, text) },
  { "source", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayEvidence, source) },
};

static void
pathway_evidence_class_init (PathwayEvidenceClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_evidence_init (PathwayEvidence *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayEvidence *
pathway_evidence_new (void)
{
  return g_object_new (PATHWAY_TYPE_EVIDENCE, NULL);
}

gint64
pathway_evidence_get_id (PathwayEvidence *self)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (self), 0);

  return self->id;
}

void
_pathway_evidence_set_id (PathwayEvidence *self,
                          gint64           id)
{
  g_return_if_fail (PATHWAY_IS_EVIDENCE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

gint64
pathway_evidence_get_action_id (PathwayEvidence *self)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (self), 0);

  return self->action_id;
}

void
_pathway_evidence_set_action_id (PathwayEvidence *self,
                                 gint64           action_id)
{
  g_return_if_fail (PATHWAY_IS_EVIDENCE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id);
}

const GDate *
pathway_evidence_get_date (PathwayEvidence *self)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (self), NULL);

  return pathway_model_get_date (&self->date);
}

void
pathway_evidence_set_date (PathwayEvidence *self,
                           const GDate     *date)
{
  g_return_if_fail (PATHWAY_IS_EVIDENCE (self));

  pathway_model_set_date (G_OBJECT (self), &self->date, date);
}

const char *
pathway_evidence_get_text (PathwayEvidence *self)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (self), NULL);

  return self->text;
}

void
pathway_evidence_set_text (PathwayEvidence *self,
                           const char      *text)
{
  g_return_if_fail (PATHWAY_IS_EVIDENCE (self));

  pathway_model_set_string (G_OBJECT (self), &self->text, text);
}

const char *
pathway_evidence_get_source (PathwayEvidence *self)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (self), NULL);

  return self->source;
}

void
pathway_evidence_set_source (PathwayEvidence *self,
                             const char      *source)
{
  g_return_if_fail (PATHWAY_IS_EVIDENCE (self));

  pathway_model_set_string (G_OBJECT (self), &self->source, source);
}
