/* pathway-model-private.c: the property helpers the model classes share. A setter that finds
 * the value unchanged leaves the field alone and stays silent, so a "notify" from the model
 * always means a real change. */
#define G_LOG_DOMAIN "pathway-model"

#include <math.h>

#include "pathway-model-private.h"

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

gboolean
pathway_model_set_string (GObject     *object,
                          char       **field,
                          const char  *value,
                          GParamSpec  *pspec)
{
  char *old = *field;

  if (value == NULL)
    value = "";

  if (g_strcmp0 (old, value) == 0)
    return FALSE;

  /* Copied before the old string is freed, in case value points into it. */
  *field = g_strdup (value);
  g_free (old);
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_date (GObject     *object,
                        GDate       *field,
                        const GDate *value,
                        GParamSpec  *pspec)
{
  gboolean had = g_date_valid (field);
  gboolean has = value != NULL && g_date_valid (value);

  if (had == has && (!has || g_date_compare (field, value) == 0))
    return FALSE;

  if (has)
    *field = *value;
  else
    g_date_clear (field, 1);
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

const GDate *
pathway_model_get_date (const GDate *field)
{
  return g_date_valid (field) ? field : NULL;
}

gboolean
pathway_model_set_date_time (GObject     *object,
                             GDateTime  **field,
                             GDateTime   *value,
                             GParamSpec  *pspec)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_timescale (GObject                 *object,
                             PathwayTimescale       **field,
                             const PathwayTimescale  *value,
                             gboolean                 never_null,
                             GParamSpec              *pspec)
{
  g_autoptr(PathwayTimescale) empty = NULL;

  if (value == NULL && never_null)
    value = empty = pathway_timescale_new ("", NULL, PATHWAY_PRECISION_NONE);

  if (timescale_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, pathway_timescale_free);
  *field = value != NULL ? pathway_timescale_copy (value) : NULL;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_double (GObject    *object,
                          double     *field,
                          double      value,
                          GParamSpec *pspec)
{
  if (*field == value || (isnan (*field) && isnan (value)))
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_int (GObject    *object,
                       int        *field,
                       int         value,
                       GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_int64 (GObject    *object,
                         gint64     *field,
                         gint64      value,
                         GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
pathway_model_set_boolean (GObject    *object,
                           gboolean   *field,
                           gboolean    value,
                           GParamSpec *pspec)
{
  return pathway_model_set_int (object, field, !!value, pspec);
}

gpointer
pathway_model_borrow_item (GListStore *store,
                           guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (store), position);

  return object;
}
