/* pathway-indicator.c: an indicator and how a value compares with its target. A value that was
 * never given is NAN, so a baseline or target of 0 is a real figure. */
#define G_LOG_DOMAIN "pathway-model"

#include <math.h>

#include "pathway-indicator.h"
#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayIndicator
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *name;
  char *service;
  char *definition;
  PathwayPerson *owner;
  char *source;
  PathwayUnit unit;
  PathwayDirection direction;
  double baseline_value;
  GDate baseline_date;
  double target_value;
  GDate target_date;
  char *target_source;
  double comparator_value;
  char *comparator_label;
  int position;
};

G_DEFINE_FINAL_TYPE (PathwayIndicator, pathway_indicator, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayIndicator, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, uuid) },
  { "name", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, name) },
  { "service", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, service) },
  { "definition", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, definition) },
  { "owner", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayIndicator, owner),
    pathway_person_get_type },
  { "source", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, source) },
  { "unit", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayIndicator, unit),
    pathway_unit_get_type, PATHWAY_UNIT_WEEKS },
  { "direction", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayIndicator, direction),
    pathway_direction_get_type, PATHWAY_DIRECTION_LOWER_IS_BETTER },
  { "baseline-value", PATHWAY_MODEL_DOUBLE, G_STRUCT_OFFSET (PathwayIndicator, baseline_value),
    .flags = PATHWAY_MODEL_NAN_UNSET },
  { "baseline-date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayIndicator, baseline_date) },
  { "target-value", PATHWAY_MODEL_DOUBLE, G_STRUCT_OFFSET (PathwayIndicator, target_value),
    .flags = PATHWAY_MODEL_NAN_UNSET },
  { "target-date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayIndicator, target_date) },
  { "target-source", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayIndicator, target_source) },
  { "comparator-value", PATHWAY_MODEL_DOUBLE, G_STRUCT_OFFSET (PathwayIndicator, comparator_value),
    .flags = PATHWAY_MODEL_NAN_UNSET },
  { "comparator-label", PATHWAY_MODEL_STRING,
    G_STRUCT_OFFSET (PathwayIndicator, comparator_label) },
  { "position", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayIndicator, position) },
};

static void
pathway_indicator_class_init (PathwayIndicatorClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_indicator_init (PathwayIndicator *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayIndicator *
pathway_indicator_new (void)
{
  return g_object_new (PATHWAY_TYPE_INDICATOR, NULL);
}

gint64
pathway_indicator_get_id (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), 0);

  return self->id;
}

void
_pathway_indicator_set_id (PathwayIndicator *self,
                           gint64            id)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

const char *
pathway_indicator_get_name (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->name;
}

void
pathway_indicator_set_name (PathwayIndicator *self,
                            const char       *name)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->name, name);
}

const char *
pathway_indicator_get_service (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->service;
}

void
pathway_indicator_set_service (PathwayIndicator *self,
                               const char       *service)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->service, service);
}

const char *
pathway_indicator_get_definition (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->definition;
}

void
pathway_indicator_set_definition (PathwayIndicator *self,
                                  const char       *definition)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->definition, definition);
}

PathwayPerson *
pathway_indicator_get_owner (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->owner;
}

void
pathway_indicator_set_owner (PathwayIndicator *self,
                             PathwayPerson    *owner)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));
  g_return_if_fail (owner == NULL || PATHWAY_IS_PERSON (owner));

  pathway_model_set_object (G_OBJECT (self), &self->owner, owner);
}

const char *
pathway_indicator_get_source (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->source;
}

void
pathway_indicator_set_source (PathwayIndicator *self,
                              const char       *source)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->source, source);
}

PathwayUnit
pathway_indicator_get_unit (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), PATHWAY_UNIT_WEEKS);

  return self->unit;
}

void
pathway_indicator_set_unit (PathwayIndicator *self,
                            PathwayUnit       unit)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_enum (G_OBJECT (self), &self->unit, unit);
}

PathwayDirection
pathway_indicator_get_direction (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), PATHWAY_DIRECTION_LOWER_IS_BETTER);

  return self->direction;
}

void
pathway_indicator_set_direction (PathwayIndicator *self,
                                 PathwayDirection  direction)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_enum (G_OBJECT (self), &self->direction, direction);
}

double
pathway_indicator_get_baseline_value (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NAN);

  return self->baseline_value;
}

void
pathway_indicator_set_baseline_value (PathwayIndicator *self,
                                      double            baseline_value)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_double (G_OBJECT (self), &self->baseline_value, baseline_value);
}

const GDate *
pathway_indicator_get_baseline_date (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return pathway_model_get_date (&self->baseline_date);
}

void
pathway_indicator_set_baseline_date (PathwayIndicator *self,
                                     const GDate      *baseline_date)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_date (G_OBJECT (self), &self->baseline_date, baseline_date);
}

double
pathway_indicator_get_target_value (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NAN);

  return self->target_value;
}

void
pathway_indicator_set_target_value (PathwayIndicator *self,
                                    double            target_value)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_double (G_OBJECT (self), &self->target_value, target_value);
}

const GDate *
pathway_indicator_get_target_date (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return pathway_model_get_date (&self->target_date);
}

void
pathway_indicator_set_target_date (PathwayIndicator *self,
                                   const GDate      *target_date)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_date (G_OBJECT (self), &self->target_date, target_date);
}

const char *
pathway_indicator_get_target_source (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->target_source;
}

void
pathway_indicator_set_target_source (PathwayIndicator *self,
                                     const char       *target_source)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->target_source, target_source);
}

double
pathway_indicator_get_comparator_value (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NAN);

  return self->comparator_value;
}

void
pathway_indicator_set_comparator_value (PathwayIndicator *self,
                                        double            comparator_value)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_double (G_OBJECT (self), &self->comparator_value, comparator_value);
}

const char *
pathway_indicator_get_comparator_label (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), NULL);

  return self->comparator_label;
}

void
pathway_indicator_set_comparator_label (PathwayIndicator *self,
                                        const char       *comparator_label)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_string (G_OBJECT (self), &self->comparator_label, comparator_label);
}

int
pathway_indicator_get_position (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), 0);

  return self->position;
}

void
pathway_indicator_set_position (PathwayIndicator *self,
                                int               position)
{
  g_return_if_fail (PATHWAY_IS_INDICATOR (self));

  pathway_model_set_int (G_OBJECT (self), &self->position, position);
}

gboolean
pathway_indicator_has_target (PathwayIndicator *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), FALSE);

  return !isnan (self->target_value);
}

gboolean
pathway_indicator_is_better (PathwayIndicator *self,
                             double            a,
                             double            b)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), FALSE);

  if (self->direction == PATHWAY_DIRECTION_HIGHER_IS_BETTER)
    return a > b;

  return a < b;
}

gboolean
pathway_indicator_meets_target (PathwayIndicator *self,
                                double            value)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (self), FALSE);

  if (!pathway_indicator_has_target (self))
    return FALSE;

  return value == self->target_value ||
         pathway_indicator_is_better (self, value, self->target_value);
}
