/* pathway-model-private.c: the properties the model classes describe in tables of fields, and
 * the setters that change the fields. A setter that finds the value unchanged leaves the field
 * alone and stays silent, so a "notify" from the model always means a real change. */
#define G_LOG_DOMAIN "pathway-model"

#include <math.h>
#include <string.h>

#include "pathway-model-private.h"

/* What pathway_model_class_install() keeps for a class, as qdata of its type: the property id
 * of fields[i] is i + 1, and so is the index of its param spec in pspecs. The model's classes
 * are never unloaded, so this is never freed. */
typedef struct
{
  const PathwayModelField *fields;
  guint n_fields;
  GParamSpec **pspecs;
  GObjectClass *parent_class;
  /* For each offset in the instance up to the last field's, 1 + the index of the field there,
   * or 0: a setter finds its field without a search. */
  guint8 *field_at_offset;
  gsize n_offsets;
} ClassFields;

/* Made by the first pathway_model_class_install(), before any object of the model exists. */
static GQuark class_fields_quark;

/* A look-up in the type system takes its lock, and loading a programme sets hundreds of
 * thousands of properties, class by class: each thread remembers the last class it found. */
static const ClassFields *
class_fields_of (GType type)
{
  static _Thread_local GType last_type;
  static _Thread_local const ClassFields *last_fields;

  if (type != last_type || last_fields == NULL)
    {
      last_fields = g_type_get_qdata (type, class_fields_quark);
      last_type = type;
    }
  return last_fields;
}

/* The entry of the object's table for the field at member, which the table must name. */
static const PathwayModelField *
find_field (GObject       *object,
            gconstpointer  member)
{
  const ClassFields *class_fields = class_fields_of (G_OBJECT_TYPE (object));
  glong offset = (const char *)member - (const char *)object;

  g_return_val_if_fail (offset >= 0 && (gsize) offset < class_fields->n_offsets, NULL);
  g_return_val_if_fail (class_fields->field_at_offset[offset] != 0, NULL);

  return &class_fields->fields[class_fields->field_at_offset[offset] - 1];
}

gpointer
pathway_model_field_address (GObject          *object,
                             const char       *name,
                             PathwayModelKind  kind)
{
  const ClassFields *class_fields;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* A class that never installed a table has no qdata, so it has no fields. */
  class_fields = class_fields_of (G_OBJECT_TYPE (object));
  if (class_fields == NULL)
    return NULL;

  for (guint i = 0; i < class_fields->n_fields; i++)
    {
      const PathwayModelField *field = &class_fields->fields[i];

      if (field->kind == kind && strcmp (field->name, name) == 0)
        return G_STRUCT_MEMBER_P (object, field->offset);
    }

  return NULL;
}

static gboolean
notify_changed (GObject       *object,
                gconstpointer  member)
{
  const ClassFields *class_fields = class_fields_of (G_OBJECT_TYPE (object));
  const PathwayModelField *field = find_field (object, member);

  if (field != NULL)
    g_object_notify_by_pspec (object, class_fields->pspecs[field - class_fields->fields + 1]);

  return TRUE;
}

/* pathway_timescale_equal() reads NULL as the empty timescale, but a revised timescale left NULL
 * means "never revised", which is not the same as one revised to the empty timescale. */
static gboolean
timescale_equal (const PathwayTimescale *a,
                 const PathwayTimescale *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return pathway_timescale_equal (a, b);
}

static GParamSpec *
param_spec_for (const PathwayModelField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  if (field->flags & PATHWAY_MODEL_READ_ONLY)
    flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  if (field->flags & PATHWAY_MODEL_NAN_UNSET)
    flags |= G_PARAM_LAX_VALIDATION;

  switch (field->kind)
    {
    case PATHWAY_MODEL_STRING:
      return g_param_spec_string (field->name, NULL, NULL, "", flags);

    case PATHWAY_MODEL_INT:
      return g_param_spec_int (field->name, NULL, NULL, 0, G_MAXINT, field->default_value, flags);

    case PATHWAY_MODEL_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);

    case PATHWAY_MODEL_DOUBLE:
      return g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

    case PATHWAY_MODEL_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, field->default_value, flags);

    case PATHWAY_MODEL_ENUM:
      return g_param_spec_enum (field->name, NULL, NULL,
                                field->get_type (), field->default_value, flags);

    case PATHWAY_MODEL_DATE:
      return g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_DATE, flags);

    case PATHWAY_MODEL_DATE_TIME:
      return g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_DATE_TIME, flags);

    case PATHWAY_MODEL_TIMESCALE:
      return g_param_spec_boxed (field->name, NULL, NULL, PATHWAY_TYPE_TIMESCALE, flags);

    case PATHWAY_MODEL_OBJECT:
      return g_param_spec_object (field->name, NULL, NULL, field->get_type (), flags);
    }

  g_return_val_if_reached (NULL);
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  const PathwayModelField *field = &class_fields_of (pspec->owner_type)->fields[prop_id - 1];
  gpointer member = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->kind)
    {
    case PATHWAY_MODEL_STRING:
      g_value_set_string (value, *(char **)member);
      break;

    case PATHWAY_MODEL_INT:
      g_value_set_int (value, *(int *)member);
      break;

    case PATHWAY_MODEL_INT64:
      g_value_set_int64 (value, *(gint64 *)member);
      break;

    case PATHWAY_MODEL_DOUBLE:
      g_value_set_double (value, *(double *)member);
      break;

    case PATHWAY_MODEL_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *)member);
      break;

    case PATHWAY_MODEL_ENUM:
      g_value_set_enum (value, *(int *)member);
      break;

    case PATHWAY_MODEL_DATE:
      g_value_set_boxed (value, pathway_model_get_date (member));
      break;

    case PATHWAY_MODEL_DATE_TIME:
    case PATHWAY_MODEL_TIMESCALE:
      g_value_set_boxed (value, *(gpointer *)member);
      break;

    case PATHWAY_MODEL_OBJECT:
      g_value_set_object (value, *(gpointer *)member);
      break;
    }
}

/* Through the same setters as the classes' own, so a property set by name behaves exactly as
 * one set by its setter. */
static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  const PathwayModelField *field = &class_fields_of (pspec->owner_type)->fields[prop_id - 1];
  gpointer member = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->kind)
    {
    case PATHWAY_MODEL_STRING:
      pathway_model_set_string (object, member, g_value_get_string (value));
      break;

    case PATHWAY_MODEL_INT:
      pathway_model_set_int (object, member, g_value_get_int (value));
      break;

    case PATHWAY_MODEL_INT64:
      pathway_model_set_int64 (object, member, g_value_get_int64 (value));
      break;

    case PATHWAY_MODEL_DOUBLE:
      pathway_model_set_double (object, member, g_value_get_double (value));
      break;

    case PATHWAY_MODEL_BOOLEAN:
      pathway_model_set_boolean (object, member, g_value_get_boolean (value));
      break;

    case PATHWAY_MODEL_ENUM:
      pathway_model_set_enum (object, member, g_value_get_enum (value));
      break;

    case PATHWAY_MODEL_DATE:
      pathway_model_set_date (object, member, g_value_get_boxed (value));
      break;

    case PATHWAY_MODEL_DATE_TIME:
      pathway_model_set_date_time (object, member, g_value_get_boxed (value));
      break;

    case PATHWAY_MODEL_TIMESCALE:
      pathway_model_set_timescale (object, member, g_value_get_boxed (value));
      break;

    case PATHWAY_MODEL_OBJECT:
      pathway_model_set_object (object, member, g_value_get_object (value));
      break;
    }
}

void
pathway_model_class_install (GObjectClass            *klass,
                             const PathwayModelField *fields,
                             guint                    n_fields)
{
  ClassFields *class_fields = g_new0 (ClassFields, 1);

  if (class_fields_quark == 0)
    class_fields_quark = g_quark_from_static_string ("pathway-model-class-fields");

  class_fields->fields = fields;
  class_fields->n_fields = n_fields;
  class_fields->parent_class = g_type_class_peek_parent (klass);
  g_assert (n_fields < G_MAXUINT8);
  for (guint i = 0; i < n_fields; i++)
    class_fields->n_offsets = MAX (class_fields->n_offsets, (gsize) fields[i].offset + 1);
  class_fields->field_at_offset = g_new0 (guint8, class_fields->n_offsets);
  for (guint i = 0; i < n_fields; i++)
    class_fields->field_at_offset[fields[i].offset] = (guint8) (i + 1);
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), class_fields_quark, class_fields);

  klass->get_property = get_property;
  klass->set_property = set_property;
  klass->dispose = pathway_model_dispose;
  klass->finalize = pathway_model_finalize;

  /* All at once, as g_object_class_install_properties() wants them (index 0 unused): GObject
   * then finds a property set by name without a search of its pool. */
  class_fields->pspecs = g_new0 (GParamSpec *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    class_fields->pspecs[i + 1] = param_spec_for (&fields[i]);
  g_object_class_install_properties (klass, n_fields + 1, class_fields->pspecs);
}

void
pathway_model_init_fields (GObject *object)
{
  const ClassFields *class_fields = class_fields_of (G_OBJECT_TYPE (object));

  for (guint i = 0; i < class_fields->n_fields; i++)
    {
      const PathwayModelField *field = &class_fields->fields[i];
      gpointer member = G_STRUCT_MEMBER_P (object, field->offset);

      switch (field->kind)
        {
        case PATHWAY_MODEL_STRING:
          *(char **)member = g_strdup ("");
          break;

        case PATHWAY_MODEL_INT:
        case PATHWAY_MODEL_BOOLEAN:
        case PATHWAY_MODEL_ENUM:
          *(int *)member = field->default_value;
          break;

        case PATHWAY_MODEL_DOUBLE:
          *(double *)member = (field->flags & PATHWAY_MODEL_NAN_UNSET) ? NAN : 0;
          break;

        case PATHWAY_MODEL_DATE:
          g_date_clear (member, 1);
          break;

        case PATHWAY_MODEL_TIMESCALE:
          if (field->flags & PATHWAY_MODEL_NEVER_NULL)
            *(PathwayTimescale **)member = pathway_timescale_new ("", NULL, PATHWAY_PRECISION_NONE);
          break;

        case PATHWAY_MODEL_INT64:
        case PATHWAY_MODEL_DATE_TIME:
        case PATHWAY_MODEL_OBJECT:
          break;
        }
    }
}

void
pathway_model_dispose (GObject *object)
{
  const ClassFields *class_fields = class_fields_of (G_OBJECT_TYPE (object));

  for (guint i = 0; i < class_fields->n_fields; i++)
    {
      if (class_fields->fields[i].kind == PATHWAY_MODEL_OBJECT)
        g_clear_object ((GObject **)G_STRUCT_MEMBER_P (object, class_fields->fields[i].offset));
    }

  class_fields->parent_class->dispose (object);
}

void
pathway_model_finalize (GObject *object)
{
  const ClassFields *class_fields = class_fields_of (G_OBJECT_TYPE (object));

  for (guint i = 0; i < class_fields->n_fields; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (object, class_fields->fields[i].offset);

      if (class_fields->fields[i].kind == PATHWAY_MODEL_STRING)
        g_clear_pointer ((char **)member, g_free);
      else if (class_fields->fields[i].kind == PATHWAY_MODEL_DATE_TIME)
        g_clear_pointer ((GDateTime **)member, g_date_time_unref);
      else if (class_fields->fields[i].kind == PATHWAY_MODEL_TIMESCALE)
        g_clear_pointer ((PathwayTimescale **)member, pathway_timescale_free);
    }

  class_fields->parent_class->finalize (object);
}

gboolean
pathway_model_set_string (GObject     *object,
                          char       **field,
                          const char  *value)
{
  char *old = *field;

  if (value == NULL)
    value = "";

  if (g_strcmp0 (old, value) == 0)
    return FALSE;

  /* Copied before the old string is freed, in case value points into it. */
  *field = g_strdup (value);
  g_free (old);

  return notify_changed (object, field);
}

gboolean
pathway_model_set_date (GObject     *object,
                        GDate       *field,
                        const GDate *value)
{
  gboolean had = g_date_valid (field);
  gboolean has = value != NULL && g_date_valid (value);

  if (had == has && (!has || g_date_compare (field, value) == 0))
    return FALSE;

  if (has)
    *field = *value;
  else
    g_date_clear (field, 1);

  return notify_changed (object, field);
}

const GDate *
pathway_model_get_date (const GDate *field)
{
  return g_date_valid (field) ? field : NULL;
}

gboolean
pathway_model_set_date_time (GObject    *object,
                             GDateTime **field,
                             GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;

  return notify_changed (object, field);
}

gboolean
pathway_model_set_timescale (GObject                 *object,
                             PathwayTimescale       **field,
                             const PathwayTimescale  *value)
{
  const PathwayModelField *entry = find_field (object, field);
  g_autoptr(PathwayTimescale) empty = NULL;

  if (value == NULL && entry != NULL && (entry->flags & PATHWAY_MODEL_NEVER_NULL))
    value = empty = pathway_timescale_new ("", NULL, PATHWAY_PRECISION_NONE);

  if (timescale_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, pathway_timescale_free);
  *field = value != NULL ? pathway_timescale_copy (value) : NULL;

  return notify_changed (object, field);
}

gboolean
pathway_model_set_double (GObject *object,
                          double  *field,
                          double   value)
{
  if (*field == value || (isnan (*field) && isnan (value)))
    return FALSE;

  *field = value;

  return notify_changed (object, field);
}

gboolean
pathway_model_set_int (GObject *object,
                       int     *field,
                       int      value)
{
  if (*field == value)
    return FALSE;

  *field = value;

  return notify_changed (object, field);
}

gboolean
pathway_model_set_int64 (GObject *object,
                         gint64  *field,
                         gint64   value)
{
  if (*field == value)
    return FALSE;

  *field = value;

  return notify_changed (object, field);
}

gboolean
pathway_model_set_boolean (GObject  *object,
                           gboolean *field,
                           gboolean  value)
{
  return pathway_model_set_int (object, field, !!value);
}

gboolean
pathway_model_set_enum (GObject  *object,
                        gpointer  field,
                        int       value)
{
  return pathway_model_set_int (object, field, value);
}

gboolean
pathway_model_set_object (GObject  *object,
                          gpointer  field,
                          gpointer  value)
{
  if (!g_set_object ((GObject **)field, value))
    return FALSE;

  return notify_changed (object, field);
}

gpointer
pathway_model_borrow_item (GListStore *store,
                           guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (store), position);

  return object;
}
