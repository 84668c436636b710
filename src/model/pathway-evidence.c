/* pathway-evidence.c: one dated piece of evidence of impact, and where it comes from. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-evidence.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayEvidence
{
  GObject parent_instance;

  gint64 id;
  gint64 action_id;
  GDate date;
  char *text;
  char *source;
};

G_DEFINE_FINAL_TYPE (PathwayEvidence, pathway_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTION_ID,
  PROP_DATE,
  PROP_TEXT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_evidence_finalize (GObject *object)
{
  PathwayEvidence *self = (PathwayEvidence *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (pathway_evidence_parent_class)->finalize (object);
}

static void
pathway_evidence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PathwayEvidence *self = PATHWAY_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, pathway_evidence_get_date (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_evidence_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PathwayEvidence *self = PATHWAY_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_evidence_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTION_ID:
      _pathway_evidence_set_action_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pathway_evidence_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_TEXT:
      pathway_evidence_set_text (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      pathway_evidence_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_evidence_class_init (PathwayEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_evidence_finalize;
  object_class->get_property = pathway_evidence_get_property;
  object_class->set_property = pathway_evidence_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_evidence_init (PathwayEvidence *self)
{
  g_date_clear (&self->date, 1);
  self->text = g_strdup ("");
  self->source = g_strdup ("");
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->action_id, action_id,
                           properties[PROP_ACTION_ID]);
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

  pathway_model_set_date (G_OBJECT (self), &self->date, date, properties[PROP_DATE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->text, text, properties[PROP_TEXT]);
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

  pathway_model_set_string (G_OBJECT (self), &self->source, source, properties[PROP_SOURCE]);
}
