/* pathway-reading.c: one dated value of an indicator. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-reading.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayReading
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 indicator_id;
  GDate date;
  double value;
  char *note;
};

G_DEFINE_FINAL_TYPE (PathwayReading, pathway_reading, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayReading, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayReading, uuid) },
  { "indicator-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayReading, indicator_id) },
  { "date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayReading, date) },
  { "value", PATHWAY_MODEL_DOUBLE, G_STRUCT_OFFSET (PathwayReading, value) },
  { "note", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayReading, note) },
};

static void
pathway_reading_class_init (PathwayReadingClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_reading_init (PathwayReading *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->indicator_id, indicator_id);
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

  pathway_model_set_date (G_OBJECT (self), &self->date, date);
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

  pathway_model_set_double (G_OBJECT (self), &self->value, value);
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

  pathway_model_set_string (G_OBJECT (self), &self->note, note);
}
