/* pathway-milestone.c: one planned value of an indicator. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-milestone.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMilestone
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 indicator_id;
  GDate date;
  double planned_value;
};

G_DEFINE_FINAL_TYPE (PathwayMilestone, pathway_milestone, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMilestone, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMilestone, uuid) },
  { "indicator-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMilestone, indicator_id) },
  { "date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayMilestone, date) },
  { "planned-value", PATHWAY_MODEL_DOUBLE, G_STRUCT_OFFSET (PathwayMilestone, planned_value) },
};

static void
pathway_milestone_class_init (PathwayMilestoneClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_milestone_init (PathwayMilestone *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->indicator_id, indicator_id);
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

  pathway_model_set_date (G_OBJECT (self), &self->date, date);
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

  pathway_model_set_double (G_OBJECT (self), &self->planned_value, planned_value);
}
