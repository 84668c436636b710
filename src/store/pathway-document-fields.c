/* pathway-document-fields.c: records of every kind by name and fields as text, for the
 * command line (and for scripts that set up a programme), and "as at" for any field.
 *
 * Everything here works from the kinds' descriptions (pathway-kinds.c): a record's name is its
 * key fields (an owned record's owner's name first), a field is found by its command-line
 * name, and a value is read from text by the type of its property. Adding or changing from
 * text reads every value before anything is written, so one bad value changes nothing. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pathway-document-private.h"
#include "pathway-record-private.h"

static gboolean
invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID, message);
  return FALSE;
}

static const PathwayKind *
owner_kind_of (const PathwayKind *kind)
{
  return kind->owner ? pathway_kind_lookup (kind->owner) : NULL;
}

/* Records ----------------------------------------------------------------------------------- */

gpointer
pathway_document_lookup (PathwayDocument *self, GType type, gint64 id)
{
  const PathwayKind *kind = pathway_kind_for_type (type);
  g_autoptr (GListModel) found = NULL;

  if (kind == NULL || id <= 0)
    return NULL;
  if (kind->loaded)
    {
      gpointer record = pathway_programme_find_record (self->programme, type, id);

      return record ? g_object_ref (record) : NULL;
    }
  if (type == PATHWAY_TYPE_PROGRAMME)
    return g_object_ref (self->programme);
  found = pathway_document_query_objects (self, type, "id = ?1", id, "id", NULL);
  return found && g_list_model_get_n_items (found) > 0 ? g_list_model_get_item (found, 0) : NULL;
}

static char *
field_text (PathwayDocument *self, GObject *record, const PathwayColumn *column)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                    column->property);
  g_auto (GValue) value = G_VALUE_INIT;
  char *text;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, column->property, &value);
  if (column->flags & PATHWAY_COLUMN_OWNER)
    {
      const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
      const PathwayKind *owner_kind = owner_kind_of (kind);
      g_autoptr (GObject) owner = pathway_document_lookup (self, owner_kind->get_type (),
                                                           g_value_get_int64 (&value));

      return owner ? pathway_document_record_name (self, owner) : g_strdup ("");
    }
  text = pathway_value_to_text (pspec, &value, NULL);
  return text ? text : g_strdup ("");
}

static char *
name_of (PathwayDocument *self, GObject *record, gboolean with_owner)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (kind == NULL)
    return g_strdup ("");
  if (PATHWAY_IS_PROGRAMME (record))
    return g_strdup (pathway_programme_get_name (PATHWAY_PROGRAMME (record)));
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      if (!(c->flags & PATHWAY_COLUMN_KEY) ||
          (!with_owner && (c->flags & PATHWAY_COLUMN_OWNER)))
        continue;
      g_ptr_array_add (parts, field_text (self, record, c));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

char *
pathway_document_record_name (PathwayDocument *self, gpointer record)
{
  return name_of (self, record, TRUE);
}

char *
pathway_document_dup_record_name (PathwayDocument *self, gpointer record)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  return name_of (self, record, TRUE);
}

GListModel *
pathway_document_list_records (PathwayDocument *self, const PathwayKind *kind,
                               gboolean with_retired, GError **error)
{
  g_autofree char *where = NULL;
  g_autoptr (GListModel) rows = NULL;
  g_autoptr (GListStore) records = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  where = kind->retired && !with_retired ? g_strdup_printf ("%s = 0", kind->retired)
                                         : g_strdup ("1");
  rows = pathway_document_query_objects (self, kind->get_type (), where, 0, kind->order, error);
  if (rows == NULL || !kind->loaded)
    return g_steal_pointer (&rows);

  /* The model's own objects stand for the records it keeps. */
  records = g_list_store_new (kind->get_type ());
  if (kind->get_type () == PATHWAY_TYPE_PROGRAMME)
    {
      g_list_store_append (records, self->programme);
      return G_LIST_MODEL (g_steal_pointer (&records));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (rows, i);
      gpointer record = pathway_programme_find_record (self->programme, kind->get_type (),
                                                       pathway_record_get_id (row));

      if (record != NULL)
        g_list_store_append (records, record);
    }
  return G_LIST_MODEL (g_steal_pointer (&records));
}

static gboolean
looks_like_uuid (const char *text)
{
  return strlen (text) == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' &&
         text[23] == '-';
}

gpointer
pathway_document_find_record (PathwayDocument *self, const PathwayKind *kind,
                              const char *id_or_key, GError **error)
{
  g_autoptr (GListModel) records = NULL;
  g_autoptr (GPtrArray) exact = g_ptr_array_new ();
  g_autoptr (GPtrArray) own = g_ptr_array_new ();
  g_autofree char *wanted = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (id_or_key == NULL || *id_or_key == '\0')
    {
      invalid (error, _("Which %s? Give its id or its name."), kind->name);
      return NULL;
    }
  records = pathway_document_list_records (self, kind, FALSE, error);
  if (records == NULL)
    return NULL;
  if (kind->get_type () == PATHWAY_TYPE_PROGRAMME)
    return g_list_model_get_item (records, 0);

  wanted = g_utf8_casefold (id_or_key, -1);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (GObject) record = g_list_model_get_item (records, i);
      g_autofree char *full = NULL;
      g_autofree char *short_name = NULL;

      if (looks_like_uuid (id_or_key))
        {
          if (g_ascii_strcasecmp (pathway_record_get_uuid (record), id_or_key) == 0)
            return g_steal_pointer (&record);
          continue;
        }
      {
        g_autofree char *name = name_of (self, record, TRUE);
        g_autofree char *own_name = name_of (self, record, FALSE);

        full = g_utf8_casefold (name, -1);
        short_name = g_utf8_casefold (own_name, -1);
      }
      if (g_str_equal (full, wanted))
        g_ptr_array_add (exact, record);
      else if (g_str_equal (short_name, wanted))
        g_ptr_array_add (own, record);
    }

  matches = exact->len > 0 ? exact : own;
  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));
  if (matches->len == 0)
    invalid (error, _("There is no %s “%s” in this programme."), kind->name, id_or_key);
  else
    invalid (error, _("%u records of kind %s are called “%s”; give the id of the one you "
                      "mean."), matches->len, kind->name, id_or_key);
  return NULL;
}

/* Values from text --------------------------------------------------------------------------- */

/* An enumeration's word: its nick ("higher-is-better"), or the nick's first word when only
 * one nick starts so ("higher"). */
static gboolean
parse_enum (GParamSpec *pspec, const char *field, const char *text, GValue *value,
            GError **error)
{
  GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autoptr (GString) words = g_string_new (NULL);
  GEnumValue *found = NULL;
  guint n_found = 0;

  g_strstrip (lower);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = klass->values[i].value_nick;
      gsize length = strlen (lower);

      if (g_str_equal (nick, lower))
        {
          g_value_set_enum (value, klass->values[i].value);
          return TRUE;
        }
      if (length > 0 && g_str_has_prefix (nick, lower) && nick[length] == '-')
        {
          found = &klass->values[i];
          n_found++;
        }
      g_string_append_printf (words, "%s%s", i ? ", " : "", nick);
    }
  if (n_found == 1)
    {
      g_value_set_enum (value, found->value);
      return TRUE;
    }
  return invalid (error, _("%s: “%s” is not one of %s."), field, text, words->str);
}

gboolean
pathway_document_parse_value (PathwayDocument *self, GParamSpec *pspec, const char *field,
                              const char *text, gint64 ref, GValue *value, GError **error)
{
  GType type = pspec->value_type;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (type == G_TYPE_STRING)
    g_value_take_string (value, g_utf8_make_valid (text ? text : "", -1));
  else if (G_TYPE_IS_ENUM (type))
    return parse_enum (pspec, field, trimmed, value, error);
  else if (type == G_TYPE_BOOLEAN)
    {
      if (g_ascii_strcasecmp (trimmed, "yes") == 0 || g_str_equal (trimmed, "1") ||
          g_ascii_strcasecmp (trimmed, "true") == 0)
        g_value_set_boolean (value, TRUE);
      else if (g_ascii_strcasecmp (trimmed, "no") == 0 || g_str_equal (trimmed, "0") ||
               g_ascii_strcasecmp (trimmed, "false") == 0)
        g_value_set_boolean (value, FALSE);
      else
        return invalid (error, _("%s: “%s” is not yes or no."), field, text);
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gint64 number;

      if (!g_ascii_string_to_signed (trimmed, 10, 0, type == G_TYPE_INT ? G_MAXINT : G_MAXINT64,
                                     &number, NULL))
        return invalid (error, _("%s: “%s” is not a whole number."), field, text);
      if (type == G_TYPE_INT)
        g_value_set_int (value, (int) number);
      else
        g_value_set_int64 (value, number);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      char *end = NULL;
      double number;

      if (*trimmed == '\0')
        {
          g_value_set_double (value, NAN);
          return TRUE;
        }
      number = g_ascii_strtod (trimmed, &end);
      if (end == trimmed || *end != '\0' || !isfinite (number))
        return invalid (error, _("%s: “%s” is not a number."), field, text);
      g_value_set_double (value, number);
    }
  else if (type == G_TYPE_DATE)
    {
      GDate date;

      if (*trimmed == '\0')
        return TRUE;
      if (!pathway_date_parse_iso (trimmed, &date))
        return invalid (error, _("%s: “%s” is not a date written YYYY-MM-DD."), field, text);
      g_value_set_boxed (value, &date);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr (GDateTime) moment = g_date_time_new_from_iso8601 (trimmed, NULL);

      g_value_set_boxed (value, moment);
    }
  else if (type == PATHWAY_TYPE_TIMESCALE)
    {
      if (*trimmed != '\0')
        g_value_take_boxed (value, pathway_timescale_parse (trimmed));
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      const PathwayKind *kind = pathway_kind_for_type (type);
      g_autoptr (GObject) record = NULL;
      g_autoptr (GError) local_error = NULL;

      if (ref > 0)
        record = pathway_document_lookup (self, type, ref);
      else if (*trimmed != '\0' && kind != NULL)
        {
          record = pathway_document_find_record (self, kind, trimmed, &local_error);
          if (record == NULL)
            return invalid (error, "%s: %s", field, local_error->message);
        }
      g_value_set_object (value, record);
    }
  else
    return invalid (error, _("%s cannot be written as text."), field);
  return TRUE;
}

/* A text of links (a risk's linked actions): each link must name a live record of the column's
 * kind, and is written back as that record's name, so "1a I; 2B iii" is kept as "1A i, 2B iii"
 * and a reference that names nothing is refused naming it. */
static gboolean
normalise_links (PathwayDocument *self, const PathwayColumn *column, const char *field,
                 GValue *value, GError **error)
{
  const PathwayKind *linked = pathway_kind_lookup (column->links);
  g_auto (GStrv) links = pathway_links_split (g_value_get_string (value));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; links[i] != NULL; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GObject) record = pathway_document_find_record (self, linked, links[i],
                                                                 &local_error);
      char *name;

      if (record == NULL)
        return invalid (error, "%s: %s", field, local_error->message);
      name = name_of (self, record, TRUE);
      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, NULL);
  g_value_take_string (value, g_strjoinv (", ", (char **) names->pdata));
  return TRUE;
}

/* What a column's description asks of a value beyond its type: links that name records, a
 * level from 0 to 5. */
static gboolean
check_column (PathwayDocument *self, const PathwayColumn *column, const char *field,
              GValue *value, GError **error)
{
  if (column->links != NULL)
    return normalise_links (self, column, field, value, error);
  if ((column->flags & PATHWAY_COLUMN_LEVEL) &&
      (g_value_get_int (value) < 0 || g_value_get_int (value) > 5))
    return invalid (error, _("%s: %d is not a level from 1 to 5 (or 0 for not assessed)."),
                    field, g_value_get_int (value));
  return TRUE;
}

char *
pathway_document_dup_field_text (PathwayDocument *self, gpointer record, const char *field)
{
  const PathwayKind *kind;
  const PathwayColumn *column;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  column = kind ? pathway_kind_field_column (kind, field) : NULL;
  if (column == NULL)
    return NULL;
  return field_text (self, record, column);
}

static void
free_value (gpointer data)
{
  GValue *value = data;

  if (G_IS_VALUE (value))
    g_value_unset (value);
  g_free (value);
}

static gboolean
unknown_field (const PathwayKind *kind, const char *field, GError **error)
{
  g_autofree const char **fields = pathway_kind_dup_fields (kind);
  g_autofree char *list = g_strjoinv (", ", (char **) fields);

  return invalid (error, _("“%s” is not a field of a record of kind %s; its fields are %s."),
                  field, kind->name, list);
}

gboolean
pathway_document_add_fields (PathwayDocument *self, const PathwayKind *kind,
                             const char *const *fields, const char *const *values,
                             gpointer *record, GError **error)
{
  g_autoptr (GObject) draft = NULL;
  g_autoptr (GObject) owner = NULL;
  GObjectClass *klass;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (kind->retired == NULL)
    return invalid (error, _("A programme file holds one %s; change it with edit."),
                    kind->name);
  draft = g_object_new (kind->get_type (), NULL);
  klass = G_OBJECT_GET_CLASS (draft);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const PathwayColumn *column = pathway_kind_field_column (kind, fields[i]);
      GParamSpec *pspec;
      g_auto (GValue) value = G_VALUE_INIT;

      if (column == NULL)
        return unknown_field (kind, fields[i], error);
      if (column->flags & PATHWAY_COLUMN_OWNER)
        {
          g_autoptr (GError) local_error = NULL;

          g_clear_object (&owner);
          owner = pathway_document_find_record (self, owner_kind_of (kind), values[i],
                                                &local_error);
          if (owner == NULL)
            return invalid (error, "%s: %s", fields[i], local_error->message);
          continue;
        }
      pspec = g_object_class_find_property (klass, column->property);
      g_value_init (&value, pspec->value_type);
      if (!pathway_document_parse_value (self, pspec, fields[i], values[i], 0, &value, error) ||
          !check_column (self, column, fields[i], &value, error))
        return FALSE;
      g_object_set_property (draft, column->property, &value);
    }
  if (owner_kind_of (kind) != NULL && owner == NULL)
    return invalid (error, _("A new record of kind %s needs its “%s”."), kind->name,
                    pathway_column_field (pathway_kind_owner_column (kind)));
  if (!pathway_document_add (self, owner, draft, error))
    return FALSE;
  if (record != NULL)
    {
      /* A kind added through another call (a revision) made its own record: find it. */
      if (pathway_record_get_id (draft) == 0)
        {
          g_autoptr (GListModel) all = pathway_document_list_records (self, kind, FALSE, NULL);
          guint n = all ? g_list_model_get_n_items (all) : 0;

          *record = n > 0 ? g_list_model_get_item (all, n - 1) : NULL;
        }
      else
        *record = g_steal_pointer (&draft);
    }
  return TRUE;
}

gboolean
pathway_document_set_fields (PathwayDocument *self, gpointer record,
                             const char *const *fields, const char *const *values,
                             const char *note, GError **error)
{
  const PathwayKind *kind;
  g_autoptr (GPtrArray) parsed = g_ptr_array_new_with_free_func (free_value);
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  GObjectClass *klass;
  guint n = 0;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  klass = G_OBJECT_GET_CLASS (record);
  for (; fields != NULL && fields[n] != NULL; n++)
    {
      const PathwayColumn *column = pathway_kind_field_column (kind, fields[n]);
      GParamSpec *pspec;
      GValue *value;

      if (column == NULL)
        return unknown_field (kind, fields[n], error);
      if (!(column->flags & PATHWAY_COLUMN_SETTABLE))
        return invalid (error, _("The %s of a %s cannot be changed; retire it and add another "
                                 "instead."), fields[n], kind->name);
      pspec = g_object_class_find_property (klass, column->property);
      value = g_new0 (GValue, 1);
      g_value_init (value, pspec->value_type);
      g_ptr_array_add (parsed, value);
      if (!pathway_document_parse_value (self, pspec, fields[n], values[n], 0, value, error) ||
          !check_column (self, column, fields[n], value, error) ||
          !pathway_document_check_set (self, record, column->property, value, error))
        return FALSE;
    }

  name = name_of (self, record, TRUE);
  label = g_strdup_printf (_("Change of %s"), name);
  if (!pathway_document_begin_batch (self, label, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const PathwayColumn *column = pathway_kind_field_column (kind, fields[i]);

      if (!pathway_document_set_value (self, record, column->property,
                                       g_ptr_array_index (parsed, i), note, error))
        {
          pathway_document_rollback_batch (self);
          return FALSE;
        }
    }
  return pathway_document_commit_batch (self, error);
}

/* As at ------------------------------------------------------------------------------------- */

/* The first moment after the end of 'date', by the local clock. */
static gint64
end_of_day (const GDate *date)
{
  GDate next = *date;
  g_autoptr (GDateTime) start = NULL;

  g_date_add_days (&next, 1);
  start = g_date_time_new_local (g_date_get_year (&next), g_date_get_month (&next),
                                 g_date_get_day (&next), 0, 0, 0);
  return g_date_time_to_unix (start);
}

static PathwayField
logged_field (GObject *record, const char *property)
{
  if (PATHWAY_IS_ACTION (record))
    {
      if (g_str_equal (property, "rating"))
        return PATHWAY_FIELD_RATING;
      if (g_str_equal (property, "status"))
        return PATHWAY_FIELD_STATUS;
      if (g_str_equal (property, "commentary"))
        return PATHWAY_FIELD_COMMENTARY;
    }
  return PATHWAY_FIELD_TEXT;
}

gboolean
pathway_document_get_value_as_at (PathwayDocument *self, gpointer record,
                                  const char *property, const GDate *date, GValue *value,
                                  GError **error)
{
  const PathwayKind *kind;
  GParamSpec *pspec;
  PathwayField field;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (kind == NULL || pspec == NULL || pathway_kind_column (kind, property) == NULL)
    return invalid (error, _("“%s” is not a field the file keeps."), property);
  if (self->db == NULL)
    return invalid (error, _("The programme is closed."));

  /* The value then is what the last change by the end of that day changed it to; with none,
   * what the first change after it changed it from; with no change at all, the value now.
   * The last change first: history added for a past day (pathway_document_set_as_at) sits
   * between later changes without rewriting what they say they changed from. */
  field = logged_field (record, property);
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean before = pass == 0;

      stmt = pathway_db_prepare (self->db,
                                 before ? "SELECT to_value, to_ref FROM change_log"
                                          " WHERE kind = ?1 AND record_id = ?2 AND field = ?3"
                                          " AND (?3 <> 6 OR property = ?4) AND at < ?5"
                                          " ORDER BY at DESC, id DESC LIMIT 1"
                                        : "SELECT from_value, from_ref FROM change_log"
                                          " WHERE kind = ?1 AND record_id = ?2 AND field = ?3"
                                          " AND (?3 <> 6 OR property = ?4) AND at >= ?5"
                                          " ORDER BY at, id LIMIT 1",
                                 error);
      if (stmt == NULL)
        return FALSE;
      pathway_db_bind_text (stmt, 1, kind->name);
      sqlite3_bind_int64 (stmt, 2, pathway_record_get_id (record));
      sqlite3_bind_int (stmt, 3, field);
      pathway_db_bind_text (stmt, 4, property);
      sqlite3_bind_int64 (stmt, 5, end_of_day (date));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          gint64 ref = sqlite3_column_int64 (stmt, 1);
          gboolean null = sqlite3_column_type (stmt, 0) == SQLITE_NULL;

          sqlite3_reset (stmt);
          if (null && ref == 0)
            {
              /* Nothing was set then: the property's empty value. */
              g_auto (GValue) empty = G_VALUE_INIT;

              g_value_init (&empty, pspec->value_type);
              g_param_value_set_default (pspec, &empty);
              if (pspec->value_type == G_TYPE_DOUBLE)
                g_value_set_double (&empty, NAN);
              g_value_copy (&empty, value);
              return TRUE;
            }
          return pathway_document_parse_value (self, pspec, property, text, ref, value, error);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
          return FALSE;
        }
    }
  g_object_get_property (record, property, value);
  return TRUE;
}

GListModel *
pathway_document_list_as_at (PathwayDocument *self, const PathwayKind *kind,
                             const GDate *date, GError **error)
{
  g_autoptr (GListModel) records = NULL;
  g_autoptr (GListStore) result = NULL;
  g_autoptr (GHashTable) gone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  gint64 end;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  records = pathway_document_list_records (self, kind, TRUE, error);
  if (records == NULL)
    return NULL;
  end = end_of_day (date);

  /* Fold each record's creation and retirements: a record created after the day, or retired
   * on it, was not there. A record with no creation row was there from before the log. */
  stmt = pathway_db_prepare (self->db,
                             "SELECT record_id, field, to_value, at FROM change_log"
                             " WHERE kind = ?1 AND field IN (0, 5) ORDER BY record_id, at, id",
                             error);
  if (stmt == NULL)
    return NULL;
  pathway_db_bind_text (stmt, 1, kind->name);
  {
    gint64 current = 0;
    gboolean absent = FALSE;

    for (;;)
      {
        gint64 id = 0;

        rc = sqlite3_step (stmt);
        if (rc == SQLITE_ROW)
          id = sqlite3_column_int64 (stmt, 0);
        if (current != 0 && (rc != SQLITE_ROW || id != current))
          {
            if (absent)
              g_hash_table_add (gone, g_memdup2 (&current, sizeof current));
            absent = FALSE;
          }
        if (rc != SQLITE_ROW)
          break;
        current = id;
        if (sqlite3_column_int64 (stmt, 3) >= end)
          {
            if (sqlite3_column_int (stmt, 1) == PATHWAY_FIELD_CREATED)
              absent = TRUE;
            continue;
          }
        if (sqlite3_column_int (stmt, 1) == PATHWAY_FIELD_DELETED)
          absent = g_strcmp0 (pathway_db_column_text (stmt, 2), "yes") == 0;
      }
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return NULL;
    }

  result = g_list_store_new (kind->get_type ());
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (GObject) record = g_list_model_get_item (records, i);
      gint64 id = pathway_record_get_id (record);

      if (!g_hash_table_contains (gone, &id))
        g_list_store_append (result, record);
    }
  return G_LIST_MODEL (g_steal_pointer (&result));
}

/* Tracker layouts -------------------------------------------------------------------------- */

char *
pathway_document_dup_import_layout (PathwayDocument *self, const char *layout)
{
  sqlite3_stmt *stmt;
  char *mapping = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  if (self->db == NULL)
    return NULL;
  stmt = pathway_db_prepare (self->db, "SELECT mapping FROM import_layout WHERE layout = ?1",
                             NULL);
  if (stmt == NULL)
    return NULL;
  pathway_db_bind_text (stmt, 1, layout);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mapping = g_strdup (pathway_db_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return mapping;
}

gboolean
pathway_document_set_import_layout (PathwayDocument *self, const char *layout,
                                    const char *mapping, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (layout != NULL && mapping != NULL, FALSE);

  if (self->db == NULL || self->read_only)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, "%s",
                   self->read_only_reason ? self->read_only_reason
                                          : _("The programme is closed."));
      return FALSE;
    }
  /* A setting, not a change to the programme: no history, no undo; inside an import's batch
   * it is part of its transaction. */
  stmt = pathway_db_prepare (self->db,
                             "INSERT INTO import_layout (layout, mapping, used) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (layout) DO UPDATE SET mapping = ?2, used = ?3",
                             error);
  if (stmt == NULL)
    return FALSE;
  pathway_db_bind_text (stmt, 1, layout);
  pathway_db_bind_text (stmt, 2, mapping);
  sqlite3_bind_int64 (stmt, 3, pathway_document_clock_unix (self));
  return pathway_db_step_done (self->db, stmt, error);
}
