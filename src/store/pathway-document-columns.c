/* pathway-document-columns.c: how a property's GValue becomes a SQLite value and back, and
 * text for the change log. Which property lives in which column is in the kinds'
 * descriptions (pathway-kinds.c); loading, inserting and every field edit go through here. */
#define G_LOG_DOMAIN "pathway-store"

#include <math.h>
#include <stdio.h>

#include "pathway-document-private.h"

static void
append_column_names (GString *out, const PathwayTable *table, const PathwayColumn *column)
{
  GObjectClass *klass = g_type_class_peek (table->get_type ());
  GParamSpec *pspec = g_object_class_find_property (klass, column->property);
  g_autofree char *name = g_strdelimit (g_strdup (column->column ? column->column
                                                                 : column->property),
                                        "-", '_');

  g_assert (pspec != NULL);
  if (pspec->value_type == PATHWAY_TYPE_TIMESCALE)
    {
      const char *sep = *name ? "_" : "";

      g_string_append_printf (out, "%s%stext, %s%sdate, %s%sprecision", name, sep, name, sep,
                              name, sep);
    }
  else
    g_string_append (out, name);
}

char *
pathway_document_column_list (const PathwayTable *table)
{
  GString *out = g_string_new (NULL);

  g_type_class_unref (g_type_class_ref (table->get_type ()));
  for (const PathwayColumn *column = table->columns; column->property; column++)
    {
      if (column != table->columns)
        g_string_append (out, ", ");
      append_column_names (out, table, column);
    }
  return g_string_free (out, FALSE);
}

GDateTime *
pathway_date_time_from_unix (gint64 seconds)
{
  return g_date_time_new_from_unix_utc (seconds);
}

int
pathway_document_bind_value (sqlite3_stmt *stmt, int index, GParamSpec *pspec,
                             const GValue *value)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      pathway_db_bind_text (stmt, index, text ? text : "");
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      pathway_db_bind_text (stmt, index, ev ? ev->value_nick : NULL);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (value);

      if (isnan (d))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, d);
    }
  else if (type == G_TYPE_DATE)
    {
      g_autofree char *iso = pathway_date_format_iso (g_value_get_boxed (value));

      pathway_db_bind_text (stmt, index, iso);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      if (dt != NULL)
        sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (dt));
      else
        sqlite3_bind_null (stmt, index);
    }
  else if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *ts = g_value_get_boxed (value);
      g_autofree char *iso = ts ? pathway_timescale_dup_iso_date (ts) : NULL;
      pathway_db_bind_text (stmt, index, ts ? ts->text : "");
      pathway_db_bind_text (stmt, index + 1, iso);
      pathway_db_bind_text (stmt, index + 2,
                            pathway_precision_to_nick (ts ? ts->precision
                                                          : PATHWAY_PRECISION_NONE));
      return index + 3;
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      gint64 id = pathway_record_get_id (g_value_get_object (value));

      if (id > 0)
        sqlite3_bind_int64 (stmt, index, id);
      else
        sqlite3_bind_null (stmt, index);
    }
  else
    g_assert_not_reached ();

  return index + 1;
}

static int
enum_from_column (GParamSpec *pspec, const char *nick)
{
  GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, nick);

  /* A nick this build does not know can only come from a damaged file: the check reports it,
   * and loading falls back to the property's default rather than refusing the whole file. */
  return ev ? ev->value : G_PARAM_SPEC_ENUM (pspec)->default_value;
}

int
pathway_document_column_value (PathwayDocument *self, sqlite3_stmt *stmt, int column,
                               GParamSpec *pspec, GValue *value)
{
  GType type = pspec->value_type;
  gboolean null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  if (type == G_TYPE_STRING)
    g_value_set_string (value, pathway_db_column_text (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, enum_from_column (pspec, pathway_db_column_text (stmt, column)));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, null ? NAN : sqlite3_column_double (stmt, column));
  else if (type == G_TYPE_DATE)
    {
      GDate date;

      if (pathway_date_parse_iso ((const char *) sqlite3_column_text (stmt, column), &date))
        g_value_set_boxed (value, &date);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      if (!null)
        g_value_take_boxed (value,
                            pathway_date_time_from_unix (sqlite3_column_int64 (stmt, column)));
    }
  else if (type == PATHWAY_TYPE_TIMESCALE)
    {
      GDate date;
      gboolean dated = pathway_date_parse_iso ((const char *) sqlite3_column_text (stmt,
                                                                                  column + 1),
                                              &date);
      PathwayPrecision precision =
        dated ? pathway_precision_from_nick (pathway_db_column_text (stmt, column + 2))
              : PATHWAY_PRECISION_NONE;

      g_value_take_boxed (value,
                          pathway_timescale_new (pathway_db_column_text (stmt, column),
                                                 dated ? &date : NULL, precision));
      return column + 3;
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      if (!null)
        g_value_set_object (value, pathway_programme_find_record (self->programme, type,
                                                                 sqlite3_column_int64 (stmt,
                                                                                       column)));
    }
  else
    g_assert_not_reached ();

  return column + 1;
}

int
pathway_document_fill_object (PathwayDocument *self, GObject *object,
                              const PathwayTable *table, sqlite3_stmt *stmt, int column)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);

  for (const PathwayColumn *c = table->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      column = pathway_document_column_value (self, stmt, column, pspec, &value);
      g_object_set_property (object, c->property, &value);
    }
  return column;
}

/* The name of a linked record: its first key field (a person's name, a workstream's code). */
static char *
link_text (gpointer record)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  g_autofree char *text = NULL;

  for (const PathwayColumn *c = kind ? kind->columns : NULL; c && c->property; c++)
    {
      if ((c->flags & PATHWAY_COLUMN_KEY) && !(c->flags & PATHWAY_COLUMN_OWNER))
        {
          g_object_get (record, c->property, &text, NULL);
          return g_steal_pointer (&text);
        }
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, pathway_record_get_id (record));
}

char *
pathway_value_to_text (GParamSpec *pspec, const GValue *value, gint64 *ref)
{
  GType type = pspec->value_type;

  if (ref != NULL)
    *ref = 0;
  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));

      return g_strdup (ev ? ev->value_nick : "");
    }
  if (type == G_TYPE_DATE)
    return pathway_date_format_iso (g_value_get_boxed (value));
  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *ts = g_value_get_boxed (value);

      return ts ? g_strdup (ts->text) : NULL;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (value);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return isnan (d) ? NULL : g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", d));
    }
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "yes" : "no");
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      return dt ? g_date_time_format_iso8601 (dt) : NULL;
    }
  if (G_TYPE_IS_OBJECT (type))
    {
      GObject *record = g_value_get_object (value);

      if (record == NULL)
        return NULL;
      if (ref != NULL)
        *ref = pathway_record_get_id (record);
      return link_text (record);
    }
  return NULL;
}
