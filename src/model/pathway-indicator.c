/* pathway-indicator.c: an indicator and how a value compares with its target. A value that was
 * never given is NAN, so a baseline or target of 0 is a real figure. */
#define G_LOG_DOMAIN "pathway-model"

#include <math.h>

#include "pathway-indicator.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayIndicator
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *service;
  char *definition;
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

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SERVICE,
  PROP_DEFINITION,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_BASELINE_VALUE,
  PROP_BASELINE_DATE,
  PROP_TARGET_VALUE,
  PROP_TARGET_DATE,
  PROP_TARGET_SOURCE,
  PROP_COMPARATOR_VALUE,
  PROP_COMPARATOR_LABEL,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_indicator_finalize (GObject *object)
{
  PathwayIndicator *self = (PathwayIndicator *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->target_source, g_free);
  g_clear_pointer (&self->comparator_label, g_free);

  G_OBJECT_CLASS (pathway_indicator_parent_class)->finalize (object);
}

static void
pathway_indicator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwayIndicator *self = PATHWAY_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_BASELINE_VALUE:
      g_value_set_double (value, self->baseline_value);
      break;

    case PROP_BASELINE_DATE:
      g_value_set_boxed (value, pathway_indicator_get_baseline_date (self));
      break;

    case PROP_TARGET_VALUE:
      g_value_set_double (value, self->target_value);
      break;

    case PROP_TARGET_DATE:
      g_value_set_boxed (value, pathway_indicator_get_target_date (self));
      break;

    case PROP_TARGET_SOURCE:
      g_value_set_string (value, self->target_source);
      break;

    case PROP_COMPARATOR_VALUE:
      g_value_set_double (value, self->comparator_value);
      break;

    case PROP_COMPARATOR_LABEL:
      g_value_set_string (value, self->comparator_label);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_indicator_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwayIndicator *self = PATHWAY_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_indicator_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pathway_indicator_set_name (self, g_value_get_string (value));
      break;

    case PROP_SERVICE:
      pathway_indicator_set_service (self, g_value_get_string (value));
      break;

    case PROP_DEFINITION:
      pathway_indicator_set_definition (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      pathway_indicator_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_DIRECTION:
      pathway_indicator_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_BASELINE_VALUE:
      pathway_indicator_set_baseline_value (self, g_value_get_double (value));
      break;

    case PROP_BASELINE_DATE:
      pathway_indicator_set_baseline_date (self, g_value_get_boxed (value));
      break;

    case PROP_TARGET_VALUE:
      pathway_indicator_set_target_value (self, g_value_get_double (value));
      break;

    case PROP_TARGET_DATE:
      pathway_indicator_set_target_date (self, g_value_get_boxed (value));
      break;

    case PROP_TARGET_SOURCE:
      pathway_indicator_set_target_source (self, g_value_get_string (value));
      break;

    case PROP_COMPARATOR_VALUE:
      pathway_indicator_set_comparator_value (self, g_value_get_double (value));
      break;

    case PROP_COMPARATOR_LABEL:
      pathway_indicator_set_comparator_label (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      pathway_indicator_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_indicator_class_init (PathwayIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_indicator_finalize;
  object_class->get_property = pathway_indicator_get_property;
  object_class->set_property = pathway_indicator_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       PATHWAY_TYPE_UNIT, PATHWAY_UNIT_WEEKS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       PATHWAY_TYPE_DIRECTION, PATHWAY_DIRECTION_LOWER_IS_BETTER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A value never given is NAN, which GLib refuses for a double property unless validation
   * is lax. A GParamSpec cannot hold NAN as its default either, so 0 stands in there. */
  properties[PROP_BASELINE_VALUE] =
    g_param_spec_double ("baseline-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_LAX_VALIDATION |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BASELINE_DATE] =
    g_param_spec_boxed ("baseline-date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_VALUE] =
    g_param_spec_double ("target-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_LAX_VALIDATION |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_DATE] =
    g_param_spec_boxed ("target-date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_SOURCE] =
    g_param_spec_string ("target-source", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPARATOR_VALUE] =
    g_param_spec_double ("comparator-value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_LAX_VALIDATION |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPARATOR_LABEL] =
    g_param_spec_string ("comparator-label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_indicator_init (PathwayIndicator *self)
{
  self->name = g_strdup ("");
  self->service = g_strdup ("");
  self->definition = g_strdup ("");
  self->baseline_value = NAN;
  g_date_clear (&self->baseline_date, 1);
  self->target_value = NAN;
  g_date_clear (&self->target_date, 1);
  self->target_source = g_strdup ("");
  self->comparator_value = NAN;
  self->comparator_label = g_strdup ("");
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  pathway_model_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
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

  pathway_model_set_string (G_OBJECT (self), &self->service, service, properties[PROP_SERVICE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->definition, definition,
                            properties[PROP_DEFINITION]);
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

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
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

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
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

  pathway_model_set_double (G_OBJECT (self), &self->baseline_value, baseline_value,
                            properties[PROP_BASELINE_VALUE]);
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

  pathway_model_set_date (G_OBJECT (self), &self->baseline_date, baseline_date,
                          properties[PROP_BASELINE_DATE]);
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

  pathway_model_set_double (G_OBJECT (self), &self->target_value, target_value,
                            properties[PROP_TARGET_VALUE]);
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

  pathway_model_set_date (G_OBJECT (self), &self->target_date, target_date,
                          properties[PROP_TARGET_DATE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->target_source, target_source,
                            properties[PROP_TARGET_SOURCE]);
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

  pathway_model_set_double (G_OBJECT (self), &self->comparator_value, comparator_value,
                            properties[PROP_COMPARATOR_VALUE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->comparator_label, comparator_label,
                            properties[PROP_COMPARATOR_LABEL]);
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

  pathway_model_set_int (G_OBJECT (self), &self->position, position, properties[PROP_POSITION]);
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
