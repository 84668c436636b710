/* pathway-shown-values.c: what a form showed of a record (see the header). Each field is kept
 * as a GValue of its property's type; a linked record (an action's lead, its workstream) is
 * kept as its type and id and found again in the document's programme when it is compared,
 * since the programme's objects are replaced when a rolled-back batch reads it again. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>

#include "pathway-remote.h"
#include "pathway-shown-values.h"

typedef struct {
  GParamSpec *pspec;
  GValue value;  /* a plain value; unset for a linked record */
  gint64 id;     /* a linked record's, 0 for none */
} Shown;

struct _PathwayShownValues
{
  GHashTable *fields; /* interned property name -> Shown */
};

const GValue *pathway_shown_values_get (PathwayShownValues *self, const char *property);

static gboolean
is_link (GParamSpec *pspec)
{
  return g_type_is_a (pspec->value_type, G_TYPE_OBJECT);
}

static void
shown_free (Shown *shown)
{
  if (G_IS_VALUE (&shown->value))
    g_value_unset (&shown->value);
  g_param_spec_unref (shown->pspec);
  g_free (shown);
}

PathwayShownValues *
pathway_shown_values_new (void)
{
  PathwayShownValues *self = g_new0 (PathwayShownValues, 1);

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) shown_free);
  return self;
}

void
pathway_shown_values_free (PathwayShownValues *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->fields);
  g_free (self);
}

void
pathway_shown_values_clear (PathwayShownValues *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->fields);
}

void
pathway_shown_values_remember (PathwayShownValues *self, gpointer record, const char *property)
{
  GParamSpec *pspec;
  Shown *shown;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (record));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_return_if_fail (pspec != NULL);
  shown = g_new0 (Shown, 1);
  shown->pspec = g_param_spec_ref (pspec);
  if (is_link (pspec))
    {
      g_autoptr(GObject) linked = NULL;

      g_object_get (record, property, &linked, NULL);
      shown->id = pathway_record_get_id (linked);
    }
  else
    {
      g_value_init (&shown->value, pspec->value_type);
      g_object_get_property (record, property, &shown->value);
    }
  g_hash_table_replace (self->fields, (gpointer) g_intern_string (property), shown);
}

gboolean
pathway_shown_values_has (PathwayShownValues *self, const char *property)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->fields, property);
}

const char *
pathway_shown_values_get_string (PathwayShownValues *self, const char *property)
{
  Shown *shown;

  g_return_val_if_fail (self != NULL, "");

  shown = g_hash_table_lookup (self->fields, property);
  if (shown == NULL || !G_VALUE_HOLDS_STRING (&shown->value))
    return "";
  return g_value_get_string (&shown->value) != NULL ? g_value_get_string (&shown->value) : "";
}

int
pathway_shown_values_get_enum (PathwayShownValues *self, const char *property)
{
  Shown *shown;

  g_return_val_if_fail (self != NULL, 0);

  shown = g_hash_table_lookup (self->fields, property);
  if (shown == NULL || !G_VALUE_HOLDS_ENUM (&shown->value))
    return 0;
  return g_value_get_enum (&shown->value);
}

double
pathway_shown_values_get_double (PathwayShownValues *self, const char *property)
{
  const GValue *value = pathway_shown_values_get (self, property);

  return value != NULL && G_VALUE_HOLDS_DOUBLE (value) ? g_value_get_double (value) : NAN;
}

const GDate *
pathway_shown_values_get_date (PathwayShownValues *self, const char *property)
{
  const GValue *value = pathway_shown_values_get (self, property);

  return value != NULL && G_VALUE_HOLDS (value, G_TYPE_DATE) ? g_value_get_boxed (value) : NULL;
}

const GValue *
pathway_shown_values_get (PathwayShownValues *self, const char *property)
{
  Shown *shown;

  g_return_val_if_fail (self != NULL, NULL);

  shown = g_hash_table_lookup (self->fields, property);
  return shown != NULL && G_IS_VALUE (&shown->value) ? &shown->value : NULL;
}

gint64
pathway_shown_values_get_id (PathwayShownValues *self, const char *property)
{
  Shown *shown;

  g_return_val_if_fail (self != NULL, 0);

  shown = g_hash_table_lookup (self->fields, property);
  return shown != NULL ? shown->id : 0;
}

/* The shown value as the document compares it: a linked record as the programme's object now. */
static void
init_value (Shown *shown, PathwayDocument *document, GValue *value)
{
  g_value_init (value, shown->pspec->value_type);
  if (!is_link (shown->pspec))
    {
      g_value_copy (&shown->value, value);
      return;
    }
  if (shown->id != 0)
    g_value_set_object (value,
                        pathway_programme_find_record (pathway_document_get_programme (document),
                                                       shown->pspec->value_type, shown->id));
}

gboolean
pathway_shown_values_check (PathwayShownValues *self, PathwayDocument *document,
                            gpointer record, const char *property, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  Shown *shown;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  shown = g_hash_table_lookup (self->fields, property);
  if (shown == NULL)
    return TRUE;
  init_value (shown, document, &value);
  if (pathway_document_check_unchanged (document, record, property, &value, &local_error))
    return TRUE;
  /* Seen now: saving again writes the person's value over it on purpose. */
  if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT))
    pathway_shown_values_remember (self, record, property);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
pathway_shown_values_matches (PathwayShownValues *self, PathwayDocument *document,
                              gpointer record, const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  Shown *shown;

  g_return_val_if_fail (self != NULL, FALSE);

  shown = g_hash_table_lookup (self->fields, property);
  if (shown == NULL)
    return TRUE;
  init_value (shown, document, &value);
  return pathway_document_check_unchanged (document, record, property, &value, NULL);
}

/* The property a field of the record's kind is kept in, or NULL. */
static const char *
property_of_field (gpointer record, const char *field)
{
  const PathwayKind *kind = pathway_kind_for_record (record);
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  if (kind == NULL)
    return NULL;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (pathway_kind_field_for_property (kind, pspecs[i]->name), field))
      return pspecs[i]->name;
  return NULL;
}

void
pathway_shown_values_remember_field (PathwayShownValues *self, gpointer record,
                                     const char *field)
{
  const char *property;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (record));

  property = property_of_field (record, field);
  if (property != NULL)
    pathway_shown_values_remember (self, record, property);
}

gboolean
pathway_shown_values_check_field (PathwayShownValues *self, PathwayDocument *document,
                                  gpointer record, const char *field, GError **error)
{
  const char *property;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  property = property_of_field (record, field);
  return property == NULL ||
         pathway_shown_values_check (self, document, record, property, error);
}
