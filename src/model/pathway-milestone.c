/* pathway-milestone.c: one planned value of an indicator. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-milestone.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMilestone
{
  GObject parent_instance;

  gint64 id;
  gint64 indicator_id;
  GDate date;
  double planned_value;
};

G_DEFINE_FINAL_TYPE (PathwayMilestone, pathway_milestone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INDICATOR_ID,
  PROP_DATE,
  PROP_PLANNED_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_milestone_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwayMilestone *self = PATHWAY_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INDICATOR_ID:
      g_value_set_int64 (value, self->indicator_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, pathway_milestone_get_date (self));
      break;

    case PROP_PLANNED_VALUE:
      g_value_set_double (value, self->planned_value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_milestone_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwayMilestone *self = PATHWAY_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_milestone_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_INDICATOR_ID:
      _pathway_milestone_set_indicator_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pathway_milestone_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_PLANNED_VALUE:
      pathway_milestone_set_planned_value (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_milestone_class_init (PathwayMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pathway_milestone_get_property;
  object_class->set_property = pathway_milestone_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INDICATOR_ID] =
    g_param_spec_int64 ("indicator-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PLANNED_VALUE] =
    g_param_spec_double ("planned-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_milestone_init (PathwayMilestone *self)
{
  g_date_clear (&self->date, 1);
}

PathwayMilestone *
pathway_milestone_new (void)
{
  return g_object_new (PATHWAY_TYPE_MILESTONE, NULL);
}

gint64
pathway_milestone_get_id (PathwayMilestone *self)
{
  g_return_val_if_fail (PATHWAY_IS_MILESTONE (self), 0);

  return self->id;
}

void
_pathway_milestone_set_id (PathwayMilestone *self,
                          gint64            id)
{
  g_return_if_fail (PATHWAY_IS_MILESTONE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

gint64
pathway_milestone_get_indicator_id (PathwayMilestone *self)
{
  g_return_val_if_fail (PATHWAY_IS_MILESTONE (self), 0);

  return self->indicator_id;
}

void
_pathway_milestone_set_indicator_id (PathwayMilestone *self,
                                    gint64            indicator_id)
{
  g_return_if_fail (PATHWAY_IS_MILESTONE (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->indicator_id, indicator_id,
                           properties[PROP_INDICATOR_ID]);
}

const GDate *
pathway_milestone_get_date (PathwayMilestone *self)
{
  g_return_val_if_fail (PATHWAY_IS_MILESTONE (self), NULL);

  return pathway_model_get_date (&self->date);
}

void
pathway_milestone_set_date (PathwayMilestone *self,
                            const GDate      *date)
{
  g_return_if_fail (PATHWAY_IS_MILESTONE (self));

  pathway_model_set_date (G_OBJECT (self), &self->date, date, properties[PROP_DATE]);
}

double
pathway_milestone_get_planned_value (PathwayMilestone *self)
{
  g_return_val_if_fail (PATHWAY_IS_MILESTONE (self), 0);

  return self->planned_value;
}

void
pathway_milestone_set_planned_value (PathwayMilestone *self,
                                     double            planned_value)
{
  g_return_if_fail (PATHWAY_IS_MILESTONE (self));

  pathway_model_set_double (G_OBJECT (self), &self->planned_value, planned_value,
                            properties[PROP_PLANNED_VALUE]);
}
