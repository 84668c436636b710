/* pathway-document-columns.c: which property of which model class lives in which column,
 * and how a GValue becomes a SQLite value and back. Loading, inserting and every field edit
 * go through this one table, so a new field is one line here plus its column in the schema.
 * Column and table names come only from this static table, never from a file or the user. */
#define G_LOG_DOMAIN "pathway-store"

#include <math.h>
#include <stdio.h>

#include "pathway-document-private.h"

#define S PATHWAY_COLUMN_SETTABLE

static const PathwayColumn programme_columns[] = {
  { "name", NULL, S }, { "local-area", NULL, S }, { "partners", NULL, S },
  { "regime", NULL, S }, { "inspection-date", NULL, S }, { "letter-published", NULL, S },
  { "plan-agreed", NULL, S }, { "vision", NULL, S }, { NULL }
};

static const PathwayColumn area_columns[] = {
  { "reference", NULL, S }, { "kind", NULL, S }, { "title", NULL, S }, { "finding", NULL, S },
  { "commitment", NULL, S }, { "position", NULL, S }, { NULL }
};

static const PathwayColumn person_columns[] = {
  { "name", NULL, S }, { "role", NULL, S }, { "organisation", NULL, S }, { NULL }
};

static const PathwayColumn workstream_columns[] = {
  { "code", NULL, S }, { "title", NULL, S }, { "lead-organisation", NULL, S },
  { "lead", "lead_id", S }, { "description", NULL, S }, { NULL }
};

static const PathwayColumn member_columns[] = {
  { "person", "person_id", 0 }, { "role", NULL, S }, { NULL }
};

static const PathwayColumn action_columns[] = {
  { "reference", NULL, S }, { "description", NULL, S }, { "area", "area_id", S },
  { "workstream", "workstream_id", S }, { "theme", NULL, S }, { "lead", "lead_id", S },
  { "original-timescale", "original", S }, { "status", NULL, S }, { "rating", NULL, S },
  { "success-measure", NULL, S }, { "commentary", NULL, S }, { "created", NULL, 0 },
  { "last-updated", NULL, 0 }, { "deleted", NULL, 0 }, { NULL }
};

static const PathwayColumn revision_columns[] = {
  { "action-id", NULL, 0 }, { "timescale", "", 0 }, { "reason", NULL, 0 },
  { "approved-by", NULL, 0 }, { "approved-on", NULL, 0 }, { "recorded-at", NULL, 0 },
  { "author", NULL, 0 }, { NULL }
};

static const PathwayColumn evidence_columns[] = {
  { "action-id", NULL, 0 }, { "date", NULL, S }, { "text", NULL, S }, { "source", NULL, S },
  { NULL }
};

static const PathwayColumn indicator_columns[] = {
  { "name", NULL, S }, { "service", NULL, S }, { "definition", NULL, S }, { "unit", NULL, S },
  { "direction", NULL, S }, { "baseline-value", NULL, S }, { "baseline-date", NULL, S },
  { "target-value", NULL, S }, { "target-date", NULL, S }, { "target-source", NULL, S },
  { "comparator-value", NULL, S }, { "comparator-label", NULL, S }, { "position", NULL, S },
  { NULL }
};

static const PathwayColumn reading_columns[] = {
  { "indicator-id", NULL, 0 }, { "date", NULL, S }, { "value", NULL, S }, { "note", NULL, S },
  { NULL }
};

static const PathwayColumn milestone_columns[] = {
  { "indicator-id", NULL, 0 }, { "date", NULL, S }, { "planned-value", NULL, S }, { NULL }
};

static const PathwayColumn board_columns[] = {
  { "name", NULL, S }, { "chair", NULL, S }, { "cadence", NULL, S }, { NULL }
};

static const PathwayColumn meeting_columns[] = {
  { "board-id", NULL, 0 }, { "date", NULL, S }, { "title", NULL, S }, { "location", NULL, S },
  { "summary", NULL, S }, { "report-title", NULL, S }, { "report-by", NULL, S },
  { "report-for", NULL, S }, { "classification", NULL, S }, { "recommendation", NULL, S },
  { "report-sections", NULL, S }, { "as-at", "as_at", S }, { NULL }
};

#undef S

static const PathwayTable tables[] = {
  { pathway_programme_get_type, "programme", programme_columns },
  { pathway_area_of_weakness_get_type, "area", area_columns },
  { pathway_person_get_type, "person", person_columns },
  { pathway_workstream_get_type, "workstream", workstream_columns },
  { pathway_member_get_type, "member", member_columns },
  { pathway_action_get_type, "action", action_columns },
  { pathway_timescale_revision_get_type, "timescale_revision", revision_columns },
  { pathway_evidence_get_type, "evidence", evidence_columns },
  { pathway_indicator_get_type, "indicator", indicator_columns },
  { pathway_reading_get_type, "reading", reading_columns },
  { pathway_milestone_get_type, "milestone", milestone_columns },
  { pathway_board_get_type, "board", board_columns },
  { pathway_meeting_get_type, "meeting", meeting_columns },
};

const PathwayTable *
pathway_document_table_for (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (tables[i].get_type () == type)
        return &tables[i];
    }
  return NULL;
}

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

static gint64
object_id (GObject *object)
{
  gint64 id = 0;

  if (object != NULL)
    g_object_get (object, "id", &id, NULL);
  return id;
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
      gint64 id = object_id (g_value_get_object (value));

      if (id > 0)
        sqlite3_bind_int64 (stmt, index, id);
      else
        sqlite3_bind_null (stmt, index);
    }
  else
    g_assert_not_reached ();

  return index + 1;
}

static GObject *
find_object (PathwayProgramme *programme, GType type, gint64 id)
{
  if (type == PATHWAY_TYPE_PERSON)
    return G_OBJECT (pathway_programme_find_person (programme, id));
  if (type == PATHWAY_TYPE_AREA_OF_WEAKNESS)
    return G_OBJECT (pathway_programme_find_area (programme, id));
  if (type == PATHWAY_TYPE_WORKSTREAM)
    return G_OBJECT (pathway_programme_find_workstream (programme, id));
  g_assert_not_reached ();
  return NULL;
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
        g_value_set_object (value, find_object (self->programme, type,
                                                sqlite3_column_int64 (stmt, column)));
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
