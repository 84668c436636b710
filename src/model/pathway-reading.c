/* pathway-reading.c: one dated value of an indicator. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-reading.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayReading
{
  GObject parent_instance;

  gint64 id;
  gint64 indicator_id;
  GDate date;
  double value;
  char *note;
};

G_DEFINE_FINAL_TYPE (PathwayReading, pathway_reading, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INDICATOR_ID,
  PROP_DATE,
  PROP_VALUE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_reading_finalize (GObject *object)
{
  PathwayReading *self = (PathwayReading *)object;

  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (pathway_reading_parent_class)->finalize (object);
}

static void
pathway_reading_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PathwayReading *self = PATHWAY_READING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INDICATOR_ID:
      g_value_set_int64 (value, self->indicator_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, pathway_reading_get_date (self));
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_reading_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PathwayReading *self = PATHWAY_READING (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_reading_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_INDICATOR_ID:
      _pathway_reading_set_indicator_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pathway_reading_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_VALUE:
      pathway_reading_set_value (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      pathway_reading_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_reading_class_init (PathwayReadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_reading_finalize;
  object_class->get_property = pathway_reading_get_property;
  object_class->set_property = pathway_reading_set_property;

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

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_reading_init (PathwayReading *self)
{
  g_date_clear (&self->date, 1);
  self->note = g_strdup ("");
}

PathwayReading *
pathway_reading_new (void)
{
  return g_object_new (PATHWAY_TYPE_READING, NULL);
}

gint64
pathway_reading_get_id (PathwayReading *self)
{
  g_return_val_if_fail (PATHWAY_IS_READING (self), 0);

  return self->id;
}

void
_pathway_reading_set_id (PathwayReading *self,
                        gint64          id)
{
  g_return_if_fail (PATHWAY_IS_READING (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

gint64
pathway_reading_get_indicator_id (PathwayReading *self)
{
  g_return_val_if_fail (PATHWAY_IS_READING (self), 0);

  return self->indicator_id;
}

void
_pathway_reading_set_indicator_id (PathwayReading *self,
                                  gint64          indicator_id)
{
  g_return_if_fail (PATHWAY_IS_READING (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->indicator_id, indicator_id,
                           properties[PROP_INDICATOR_ID]);
}

const GDate *
pathway_reading_get_date (PathwayReading *self)
{
  g_return_val_if_fail (PATHWAY_IS_READING (self), NULL);

  return pathway_model_get_date (&self->date);
}

void
pathway_reading_set_date (PathwayReading *self,
                          const GDate    *date)
{
  g_return_if_fail (PATHWAY_IS_READING (self));

  pathway_model_set_date (G_OBJECT (self), &self->date, date, properties[PROP_DATE]);
}

double
pathway_reading_get_value (PathwayReading *self)
{
  g_return_val_if_fail (PATHWAY_IS_READING (self), 0);

  return self->value;
}

void
pathway_reading_set_value (PathwayReading *self,
                           double          value)
{
  g_return_if_fail (PATHWAY_IS_READING (self));

  pathway_model_set_double (G_OBJECT (self), &self->value, value, properties[PROP_VALUE]);
}

const char *
pathway_reading_get_note (PathwayReading *self)
{
  g_return_val_if_fail (PATHWAY_IS_READING (self), NULL);

  return self->note;
}

void
pathway_reading_set_note (PathwayReading *self,
                          const char     *note)
{
  g_return_if_fail (PATHWAY_IS_READING (self));

  pathway_model_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}
