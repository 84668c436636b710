/* pathway-document-write.c: every change to a programme, and undo.
 *
 * A change is an operation (Op) that can be written forwards or backwards. Writing is two
 * phases: the SQL in one transaction (a savepoint inside a batch), and only after it
 * committed, the model objects, whose notify signals refresh the views. So a failed write
 * leaves both file and model as they were. Undo writes the operation backwards as a new
 * change (history records it); nothing already in the history is ever rewritten. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pathway-document-private.h"
#include "pathway-record-private.h"

typedef enum {
  OP_SET,           /* one property of one object */
  OP_REVISE,        /* a timescale revision of an action */
  OP_ADD_ACTION,    /* forwards: added (or restored); backwards: removed */
  OP_DELETE_ACTION, /* forwards: removed; backwards: restored */
} OpKind;

typedef struct {
  OpKind kind;
  GObject *object;                      /* the object changed (the action for action ops) */
  GParamSpec *pspec;                    /* OP_SET */
  GValue before;                        /* OP_SET, OP_REVISE (a PathwayTimescale or NULL) */
  GValue after;
  PathwayTimescaleRevision *revision;   /* OP_REVISE */
  gint64 new_id;                        /* id given by the first forward write */
  gboolean written_once;
  char *note;
} Op;

struct _PathwayUndoStep
{
  char *label;
  GPtrArray *ops;
  gboolean undoable;
};

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  g_clear_object (&op->revision);
  if (G_IS_VALUE (&op->before))
    g_value_unset (&op->before);
  if (G_IS_VALUE (&op->after))
    g_value_unset (&op->after);
  g_free (op->note);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

static Op *
op_new (OpKind kind, gpointer object, const char *note)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->object = g_object_ref (object);
  op->note = g_strdup (note ? note : "");
  return op;
}

static PathwayUndoStep *
undo_step_new (const char *label)
{
  PathwayUndoStep *step = g_new0 (PathwayUndoStep, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  step->undoable = TRUE;
  return step;
}

void
pathway_undo_step_free (PathwayUndoStep *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

void
pathway_document_clear_undo (PathwayDocument *self)
{
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  pathway_document_notify_undo (self);
}

/* Transactions ----------------------------------------------------------------------------
 * Outside a batch each change is one transaction; inside, a savepoint, so one failed change
 * leaves the batch's earlier changes intact. */

static gboolean
writable (PathwayDocument *self, GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED, _("The programme is closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, "%s",
                   self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin (PathwayDocument *self, GError **error)
{
  if (!writable (self, error))
    return FALSE;
  return pathway_db_exec (self->db, self->batch ? "SAVEPOINT pathway_change"
                                                : "BEGIN IMMEDIATE", error);
}

static void
rollback (PathwayDocument *self)
{
  if (self->batch != NULL)
    sqlite3_exec (self->db->handle, "ROLLBACK TO pathway_change; RELEASE pathway_change",
                  NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (self->db->handle))
    sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
commit (PathwayDocument *self, GError **error)
{
  if (pathway_db_exec (self->db, self->batch ? "RELEASE pathway_change" : "COMMIT", error))
    return TRUE;
  rollback (self);
  return FALSE;
}

/* Values ----------------------------------------------------------------------------------- */

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_DOUBLE)
    {
      double x = g_value_get_double (a), y = g_value_get_double (b);

      return (isnan (x) && isnan (y)) || x == y;
    }
  if (type == G_TYPE_DATE)
    {
      const GDate *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
      gboolean vx = x && g_date_valid (x), vy = y && g_date_valid (y);

      return vx == vy && (!vx || g_date_compare (x, y) == 0);
    }
  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return pathway_timescale_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* The value as the history shows it: text as written, an enum's nick, a person's name. */
static char *
value_to_text (GParamSpec *pspec, const GValue *value)
{
  GType type = pspec->value_type;

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

      return isnan (d) ? NULL : g_strdup_printf ("%g", d);
    }
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "yes" : "no");
  if (type == PATHWAY_TYPE_PERSON)
    {
      PathwayPerson *person = g_value_get_object (value);

      return person ? g_strdup (pathway_person_get_name (person)) : NULL;
    }
  if (type == PATHWAY_TYPE_WORKSTREAM)
    {
      PathwayWorkstream *workstream = g_value_get_object (value);

      return workstream ? g_strdup (pathway_workstream_get_code (workstream)) : NULL;
    }
  if (type == PATHWAY_TYPE_AREA_OF_WEAKNESS)
    {
      PathwayAreaOfWeakness *area = g_value_get_object (value);

      return area ? g_strdup (pathway_area_of_weakness_get_reference (area)) : NULL;
    }
  return NULL;
}

static PathwayField
field_for (const char *property)
{
  if (g_str_equal (property, "rating"))
    return PATHWAY_FIELD_RATING;
  if (g_str_equal (property, "status"))
    return PATHWAY_FIELD_STATUS;
  if (g_str_equal (property, "commentary"))
    return PATHWAY_FIELD_COMMENTARY;
  return PATHWAY_FIELD_TEXT;
}

/* History ---------------------------------------------------------------------------------- */

/* Binds user text, repairing invalid UTF-8 so that it can always be shown. */
static void
bind_user_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *fixed = g_utf8_make_valid (text, -1);

      pathway_db_bind_text (stmt, index, fixed);
    }
  else
    pathway_db_bind_text (stmt, index, text);
}

static gboolean
record_update (PathwayDocument *self, gint64 action_id, PathwayField field,
               const char *property, const char *from, const char *to, const char *note,
               GError **error)
{
  sqlite3_stmt *stmt;
  gint64 now = pathway_document_now_unix (self);

  stmt = pathway_db_prepare (self->db,
                             "INSERT INTO action_update (action_id, at, author, field, property,"
                             " from_value, to_value, note, meeting_id)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, now);
  bind_user_text (stmt, 3, self->author);
  sqlite3_bind_int (stmt, 4, field);
  pathway_db_bind_text (stmt, 5,
                        field == PATHWAY_FIELD_TEXT || field == PATHWAY_FIELD_NOTE ? property : "");
  bind_user_text (stmt, 6, from);
  bind_user_text (stmt, 7, to);
  bind_user_text (stmt, 8, note ? note : "");
  if (self->meeting != NULL && pathway_meeting_get_id (self->meeting) > 0)
    sqlite3_bind_int64 (stmt, 9, pathway_meeting_get_id (self->meeting));
  if (!pathway_db_step_done (self->db, stmt, error))
    return FALSE;

  stmt = pathway_db_prepare (self->db, "UPDATE action SET last_updated = ?1 WHERE id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, action_id);
  return pathway_db_step_done (self->db, stmt, error);
}

static void
touch_action (PathwayDocument *self, PathwayAction *action)
{
  g_autoptr (GDateTime) now = pathway_date_time_from_unix (pathway_document_now_unix (self));

  _pathway_action_set_last_updated (action, now);
}

/* Setting one column ----------------------------------------------------------------------- */

static const PathwayColumn *
column_for (const PathwayTable *table, const char *property)
{
  for (const PathwayColumn *c = table->columns; c->property; c++)
    {
      if (g_str_equal (c->property, property))
        return c;
    }
  return NULL;
}

/* "UPDATE t SET c = ?1 WHERE id = ?2", interned so the statement cache can key on it. */
static const char *
update_sql (const PathwayTable *table, const PathwayColumn *column, GParamSpec *pspec,
            int *id_index)
{
  g_autofree char *name = g_strdelimit (g_strdup (column->column ? column->column
                                                                 : column->property),
                                        "-", '_');
  g_autofree char *sql = NULL;

  if (pspec->value_type == PATHWAY_TYPE_TIMESCALE)
    {
      sql = g_strdup_printf ("UPDATE %s SET %s_text = ?1, %s_date = ?2, %s_precision = ?3"
                             " WHERE id = ?4", table->table, name, name, name);
      *id_index = 4;
    }
  else
    {
      sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table->table, name);
      *id_index = 2;
    }
  return g_intern_string (sql);
}

static gboolean
write_scheme_value (PathwayDocument *self, GParamSpec *pspec, const GValue *value,
                    GError **error)
{
  g_auto (GStrv) parts = g_strsplit (pspec->name, "-", 2);
  sqlite3_stmt *stmt;

  if (g_str_equal (pspec->name, "uses-blue"))
    {
      stmt = pathway_db_prepare (self->db,
                                 "UPDATE rating_scheme SET in_use = ?1 WHERE rating = 'blue'",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, g_value_get_boolean (value));
      return pathway_db_step_done (self->db, stmt, error);
    }

  stmt = pathway_db_prepare (self->db,
                             g_str_equal (parts[1], "label")
                               ? "UPDATE rating_scheme SET label = ?1 WHERE rating = ?2"
                               : "UPDATE rating_scheme SET definition = ?1 WHERE rating = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  pathway_db_bind_text (stmt, 1, g_value_get_string (value));
  pathway_db_bind_text (stmt, 2, parts[0]);
  return pathway_db_step_done (self->db, stmt, error);
}

static gint64
id_of (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

static gboolean
write_value (PathwayDocument *self, GObject *object, GParamSpec *pspec, const GValue *value,
             const char *note, GError **error)
{
  const PathwayTable *table;
  const PathwayColumn *column;
  const char *sql;
  sqlite3_stmt *stmt;
  int id_index;

  if (PATHWAY_IS_RATING_SCHEME (object))
    return write_scheme_value (self, pspec, value, error);

  table = pathway_document_table_for (G_OBJECT_TYPE (object));
  column = column_for (table, pspec->name);
  sql = update_sql (table, column, pspec, &id_index);
  stmt = pathway_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  pathway_document_bind_value (stmt, 1, pspec, value);
  sqlite3_bind_int64 (stmt, id_index, id_of (object));
  if (!pathway_db_step_done (self->db, stmt, error))
    return FALSE;

  if (PATHWAY_IS_ACTION (object))
    {
      g_auto (GValue) current = G_VALUE_INIT;
      g_autofree char *from = NULL;
      g_autofree char *to = value_to_text (pspec, value);

      g_value_init (&current, pspec->value_type);
      g_object_get_property (object, pspec->name, &current);
      from = value_to_text (pspec, &current);
      return record_update (self, id_of (object), field_for (pspec->name), pspec->name, from,
                             to, note, error);
    }
  return TRUE;
}

/* Inserting rows --------------------------------------------------------------------------- */

/* Inserts every column of 'object' (plus one extra integer column when named) and returns
 * the new row's id, or 0 on failure. */
static gint64
insert_object (PathwayDocument *self, GObject *object, const char *extra_column,
               gint64 extra_value, GError **error)
{
  const PathwayTable *table = pathway_document_table_for (G_OBJECT_TYPE (object));
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  g_autofree char *columns = pathway_document_column_list (table);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int count = 0, index = 1;

  for (const PathwayColumn *c = table->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);

      count += pspec->value_type == PATHWAY_TYPE_TIMESCALE ? 3 : 1;
    }
  if (extra_column != NULL)
    count++;
  for (int i = 1; i <= count; i++)
    g_string_append_printf (marks, i > 1 ? ", ?%d" : "?%d", i);
  g_string_printf (sql, "INSERT INTO %s (%s%s%s) VALUES (%s)", table->table, columns,
                   extra_column ? ", " : "", extra_column ? extra_column : "", marks->str);

  stmt = pathway_db_prepare (self->db, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return 0;
  for (const PathwayColumn *c = table->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, c->property, &value);
      index = pathway_document_bind_value (stmt, index, pspec, &value);
    }
  if (extra_column != NULL)
    sqlite3_bind_int64 (stmt, index, extra_value);
  if (!pathway_db_step_done (self->db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db->handle);
}

/* Validation ------------------------------------------------------------------------------- */

static gboolean
belongs (PathwayDocument *self, GObject *object)
{
  gint64 id;

  if (object == NULL)
    return TRUE;
  if (PATHWAY_IS_RATING_SCHEME (object))
    return PATHWAY_RATING_SCHEME (object) ==
           pathway_programme_get_rating_scheme (self->programme);
  if (PATHWAY_IS_PROGRAMME (object))
    return PATHWAY_PROGRAMME (object) == self->programme;
  id = id_of (object);
  if (PATHWAY_IS_PERSON (object))
    return pathway_programme_find_person (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_WORKSTREAM (object))
    return pathway_programme_find_workstream (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_AREA_OF_WEAKNESS (object))
    return pathway_programme_find_area (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_ACTION (object))
    return pathway_programme_find_action (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_INDICATOR (object))
    return pathway_programme_find_indicator (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_BOARD (object))
    return pathway_programme_find_board (self->programme, id) == (gpointer) object;
  if (PATHWAY_IS_MEETING (object))
    return pathway_programme_find_meeting (self->programme, id) == (gpointer) object;
  /* Members, readings, milestones and evidence are reached through their owners. */
  return id > 0;
}

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

/* User text must be valid UTF-8 to be shown; broken bytes are replaced, never dropped. */
static void
repair_text (GValue *value)
{
  const char *text = g_value_get_string (value);

  if (text == NULL)
    g_value_set_string (value, "");
  else if (!g_utf8_validate (text, -1, NULL))
    g_value_take_string (value, g_utf8_make_valid (text, -1));
}

static gboolean
check_rating (PathwayDocument *self, PathwayRating rating, GError **error)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);

  if (rating == PATHWAY_RATING_NONE || pathway_rating_scheme_offers (scheme, rating))
    return TRUE;
  return invalid (error, _("This programme does not use the rating “%s”; turn it on in the "
                           "programme's rating scheme first."),
                  pathway_rating_scheme_get_label (scheme, rating));
}

static gboolean
check_value (PathwayDocument *self, GObject *object, GParamSpec *pspec, GValue *value,
             GError **error)
{
  if (pspec->value_type == G_TYPE_STRING)
    repair_text (value);

  if (PATHWAY_IS_ACTION (object))
    {
      PathwayAction *action = PATHWAY_ACTION (object);

      if (g_str_equal (pspec->name, "reference"))
        {
          g_value_take_string (value, g_strstrip (g_value_dup_string (value)));
          if (*g_value_get_string (value) == '\0')
            return invalid (error, _("An action needs a reference, such as “1B vi”."));
        }
      if (g_str_equal (pspec->name, "rating") &&
          !check_rating (self, g_value_get_enum (value), error))
        return FALSE;
      if (g_str_equal (pspec->name, "original-timescale") &&
          *pathway_action_get_original_timescale (action)->text != '\0')
        return invalid (error, _("The original timescale of %s is fixed; record a revised "
                                 "timescale with its reason instead."),
                        pathway_action_get_reference (action));
      if (g_str_equal (pspec->name, "original-timescale") && g_value_get_boxed (value) == NULL)
        return invalid (error, _("A timescale is needed."));
    }
  if (G_TYPE_IS_OBJECT (pspec->value_type) && !belongs (self, g_value_get_object (value)))
    return invalid (error, _("“%s” refers to something that is not in this programme."),
                    pspec->name);
  return TRUE;
}

/* Operations -------------------------------------------------------------------------------- */

static gboolean
write_deleted (PathwayDocument *self, PathwayAction *action, gboolean deleted,
               const char *note, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "UPDATE action SET deleted = ?1 WHERE id = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, deleted);
  sqlite3_bind_int64 (stmt, 2, pathway_action_get_id (action));
  return pathway_db_step_done (self->db, stmt, error) &&
         record_update (self, pathway_action_get_id (action), PATHWAY_FIELD_DELETED, NULL,
                        deleted ? "no" : "yes", deleted ? "yes" : "no", note, error);
}

static gboolean
write_new_action (PathwayDocument *self, Op *op, GError **error)
{
  PathwayAction *action = PATHWAY_ACTION (op->object);
  const PathwayTimescale *revised = pathway_action_get_revised_timescale (action);
  g_autoptr (GDateTime) now = pathway_date_time_from_unix (pathway_document_now_unix (self));
  const char *commentary = pathway_action_get_commentary (action);
  gint64 id;

  _pathway_action_set_created (action, now);
  _pathway_action_set_last_updated (action, now);
  id = insert_object (self, op->object, NULL, 0, error);
  if (id == 0)
    return FALSE;
  op->new_id = id;

  /* The first entries of the history say how the action started, so that "as at" queries
   * and monthly counts need nothing but the history. */
  if (!record_update (self, id, PATHWAY_FIELD_CREATED, NULL, NULL,
                      pathway_action_get_reference (action), op->note, error) ||
      !record_update (self, id, PATHWAY_FIELD_RATING, NULL, NULL,
                      pathway_rating_to_nick (pathway_action_get_rating (action)), NULL, error) ||
      !record_update (self, id, PATHWAY_FIELD_STATUS, NULL, NULL,
                      pathway_status_to_nick (pathway_action_get_status (action)), NULL, error))
    return FALSE;
  if (*commentary != '\0' &&
      !record_update (self, id, PATHWAY_FIELD_COMMENTARY, NULL, NULL, commentary, NULL, error))
    return FALSE;
  if (revised != NULL && *revised->text != '\0')
    {
      sqlite3_stmt *stmt;
      g_autofree char *iso = pathway_timescale_dup_iso_date (revised);

      stmt = pathway_db_prepare (self->db,
                                 "INSERT INTO timescale_revision (action_id, text, date,"
                                 " precision, recorded_at, author) VALUES (?1, ?2, ?3, ?4, ?5,"
                                 " ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      pathway_db_bind_text (stmt, 2, revised->text);
      pathway_db_bind_text (stmt, 3, iso);
      pathway_db_bind_text (stmt, 4, pathway_precision_to_nick (revised->precision));
      sqlite3_bind_int64 (stmt, 5, pathway_document_now_unix (self));
      pathway_db_bind_text (stmt, 6, self->author);
      if (!pathway_db_step_done (self->db, stmt, error) ||
          !record_update (self, id, PATHWAY_FIELD_REVISED_TIMESCALE, NULL, NULL, revised->text,
                          NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_revision (PathwayDocument *self, Op *op, gboolean forward, const char *note,
                GError **error)
{
  PathwayAction *action = PATHWAY_ACTION (op->object);
  const PathwayTimescale *from = g_value_get_boxed (forward ? &op->before : &op->after);
  const PathwayTimescale *to = g_value_get_boxed (forward ? &op->after : &op->before);
  sqlite3_stmt *stmt;

  if (forward && !op->written_once)
    {
      op->new_id = insert_object (self, G_OBJECT (op->revision), NULL, 0, error);
      if (op->new_id == 0)
        return FALSE;
    }
  else
    {
      stmt = pathway_db_prepare (self->db,
                                 "UPDATE timescale_revision SET withdrawn = ?1 WHERE id = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, forward ? 0 : 1);
      sqlite3_bind_int64 (stmt, 2, op->new_id);
      if (!pathway_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return record_update (self, pathway_action_get_id (action), PATHWAY_FIELD_REVISED_TIMESCALE,
                        NULL, from ? from->text : NULL, to ? to->text : NULL, note, error);
}

static gboolean
op_write (PathwayDocument *self, Op *op, gboolean forward, const char *note, GError **error)
{
  switch (op->kind)
    {
    case OP_SET:
      return write_value (self, op->object, op->pspec, forward ? &op->after : &op->before,
                          note, error);
    case OP_REVISE:
      return write_revision (self, op, forward, note, error);
    case OP_ADD_ACTION:
      if (forward && !op->written_once)
        return write_new_action (self, op, error);
      return write_deleted (self, PATHWAY_ACTION (op->object), !forward, note, error);
    case OP_DELETE_ACTION:
      return write_deleted (self, PATHWAY_ACTION (op->object), forward, note, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
show_action (PathwayDocument *self, PathwayAction *action, gboolean present)
{
  _pathway_action_set_deleted (action, !present);
  if (present && pathway_programme_find_action (self->programme,
                                                pathway_action_get_id (action)) == NULL)
    pathway_programme_add_action (self->programme, action);
  else if (!present)
    pathway_programme_remove_action (self->programme, action);
}

/* Brings the model in line with what op_write wrote; called only after the commit. */
static void
op_apply (PathwayDocument *self, Op *op, gboolean forward)
{
  switch (op->kind)
    {
    case OP_SET:
      g_object_set_property (op->object, op->pspec->name, forward ? &op->after : &op->before);
      if (PATHWAY_IS_ACTION (op->object))
        touch_action (self, PATHWAY_ACTION (op->object));
      break;
    case OP_REVISE:
      if (forward && !op->written_once)
        _pathway_timescale_revision_set_id (op->revision, op->new_id);
      pathway_action_set_revised_timescale (PATHWAY_ACTION (op->object),
                                            g_value_get_boxed (forward ? &op->after
                                                                       : &op->before));
      touch_action (self, PATHWAY_ACTION (op->object));
      break;
    case OP_ADD_ACTION:
      if (forward && !op->written_once)
        _pathway_action_set_id (PATHWAY_ACTION (op->object), op->new_id);
      touch_action (self, PATHWAY_ACTION (op->object));
      show_action (self, PATHWAY_ACTION (op->object), forward);
      break;
    case OP_DELETE_ACTION:
      touch_action (self, PATHWAY_ACTION (op->object));
      show_action (self, PATHWAY_ACTION (op->object), !forward);
      break;
    default:
      g_assert_not_reached ();
    }
  if (forward)
    op->written_once = TRUE;
}

static void
push_step (PathwayDocument *self, PathwayUndoStep *step)
{
  g_ptr_array_set_size (self->redo_stack, 0);
  if (step->undoable)
    g_ptr_array_add (self->undo_stack, step);
  else
    {
      /* An add that cannot be taken back ends the undo history: undoing what came before it
       * could leave references to something that is gone. */
      g_ptr_array_set_size (self->undo_stack, 0);
      pathway_undo_step_free (step);
    }
  pathway_document_notify_undo (self);
}

/* Writes one operation as its own transaction (or savepoint), then the model, then keeps it
 * for undo. Takes the operation. */
static gboolean
perform (PathwayDocument *self, Op *op_in, const char *label, GError **error)
{
  g_autoptr (Op) op = op_in;

  if (!begin (self, error))
    return FALSE;
  if (!op_write (self, op, TRUE, op->note, error))
    {
      rollback (self);
      return FALSE;
    }
  if (!commit (self, error))
    return FALSE;
  op_apply (self, op, TRUE);

  if (self->batch != NULL)
    g_ptr_array_add (self->batch->ops, g_steal_pointer (&op));
  else
    {
      PathwayUndoStep *step = undo_step_new (label);

      g_ptr_array_add (step->ops, g_steal_pointer (&op));
      push_step (self, step);
    }
  return TRUE;
}

/* For adds that undo does not take back: writes, then ends the undo history. */
static gboolean
perform_plain (PathwayDocument *self, gboolean (*write) (PathwayDocument *, gpointer, gpointer,
                                                         GError **),
               void (*apply) (PathwayDocument *, gpointer, gpointer), gpointer object,
               gpointer owner, GError **error)
{
  if (!begin (self, error))
    return FALSE;
  if (!write (self, object, owner, error))
    {
      rollback (self);
      return FALSE;
    }
  if (!commit (self, error))
    return FALSE;
  apply (self, object, owner);
  if (self->batch != NULL)
    self->batch->undoable = FALSE;
  else
    pathway_document_clear_undo (self);
  return TRUE;
}

static char *
label_for (GObject *object, const char *what)
{
  if (PATHWAY_IS_ACTION (object))
    return g_strdup_printf (_("%s of %s"), what,
                            pathway_action_get_reference (PATHWAY_ACTION (object)));
  return g_strdup (what);
}

/* Setting values ----------------------------------------------------------------------------- */

gboolean
pathway_document_set_value (PathwayDocument *self, gpointer object, const char *property,
                            const GValue *value, const char *note, GError **error)
{
  const PathwayTable *table;
  const PathwayColumn *column;
  GParamSpec *pspec;
  g_autoptr (Op) op = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL && value != NULL, FALSE);

  if (!writable (self, error))
    return FALSE;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  table = pathway_document_table_for (G_OBJECT_TYPE (object));
  column = table ? column_for (table, property) : NULL;
  if (pspec == NULL ||
      (!PATHWAY_IS_RATING_SCHEME (object) && (column == NULL ||
                                              !(column->flags & PATHWAY_COLUMN_SETTABLE))) ||
      (PATHWAY_IS_RATING_SCHEME (object) && g_str_equal (property, "id")))
    return invalid (error, _("“%s” is not a field that can be changed here."), property);
  if (!belongs (self, object))
    return invalid (error, _("That is not part of this programme."));
  if (!g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type))
    return invalid (error, _("Wrong kind of value for “%s”."), property);

  op = op_new (OP_SET, object, note);
  op->pspec = pspec;
  g_value_init (&op->before, pspec->value_type);
  g_value_init (&op->after, pspec->value_type);
  g_object_get_property (object, property, &op->before);
  g_value_copy (value, &op->after);
  if (!check_value (self, object, pspec, &op->after, error))
    return FALSE;
  if (values_equal (pspec, &op->before, &op->after))
    return TRUE;

  label = label_for (object, _("Change"));
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_set_text (PathwayDocument *self, gpointer object, const char *property,
                           const char *text, GError **error)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return pathway_document_set_value (self, object, property, &value, NULL, error);
}

static gboolean
set_enum (PathwayDocument *self, PathwayAction *action, const char *property, GType type,
          int v, const char *note, GError **error)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, v);
  return pathway_document_set_value (self, action, property, &value, note, error);
}

gboolean
pathway_document_set_rating (PathwayDocument *self, PathwayAction *action,
                             PathwayRating rating, const char *note, GError **error)
{
  return set_enum (self, action, "rating", PATHWAY_TYPE_RATING, rating, note, error);
}

gboolean
pathway_document_set_status (PathwayDocument *self, PathwayAction *action,
                             PathwayStatus status, const char *note, GError **error)
{
  return set_enum (self, action, "status", PATHWAY_TYPE_STATUS, status, note, error);
}

gboolean
pathway_document_set_commentary (PathwayDocument *self, PathwayAction *action,
                                 const char *commentary, GError **error)
{
  return pathway_document_set_text (self, action, "commentary", commentary, error);
}

gboolean
pathway_document_revise_timescale (PathwayDocument *self, PathwayAction *action,
                                   const PathwayTimescale *timescale, const char *reason,
                                   const char *approved_by, const GDate *approved_on,
                                   GError **error)
{
  g_autoptr (Op) op = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *label = NULL;
  const PathwayTimescale *current;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), FALSE);

  if (!writable (self, error))
    return FALSE;
  if (!belongs (self, G_OBJECT (action)))
    return invalid (error, _("That is not part of this programme."));
  if (timescale == NULL || *timescale->text == '\0')
    return invalid (error, _("A revised timescale is needed, such as “March 2026”."));
  if (reason == NULL || *reason == '\0')
    return invalid (error, _("A revised timescale needs a reason."));
  current = pathway_action_get_revised_timescale (action);
  if (current != NULL && pathway_timescale_equal (current, timescale))
    return TRUE;

  op = op_new (OP_REVISE, action, reason);
  g_value_init (&op->before, PATHWAY_TYPE_TIMESCALE);
  g_value_init (&op->after, PATHWAY_TYPE_TIMESCALE);
  g_value_set_boxed (&op->before, current);
  g_value_set_boxed (&op->after, timescale);
  now = pathway_date_time_from_unix (pathway_document_now_unix (self));
  op->revision = g_object_new (PATHWAY_TYPE_TIMESCALE_REVISION,
                               "action-id", pathway_action_get_id (action),
                               "timescale", timescale,
                               "approved-on", approved_on,
                               "recorded-at", now,
                               "author", self->author,
                               NULL);
  {
    g_autofree char *fixed_reason = g_utf8_make_valid (reason, -1);
    g_autofree char *fixed_by = approved_by ? g_utf8_make_valid (approved_by, -1) : NULL;

    _pathway_timescale_revision_set_reason (op->revision, fixed_reason);
    _pathway_timescale_revision_set_approved_by (op->revision, fixed_by);
    g_free (op->note);
    op->note = g_strdup (fixed_reason);
  }
  label = label_for (G_OBJECT (action), _("Revise timescale"));
  return perform (self, g_steal_pointer (&op), label, error);
}

/* Actions -------------------------------------------------------------------------------------- */

gboolean
pathway_document_add_action (PathwayDocument *self, PathwayAction *draft, GError **error)
{
  g_autofree char *label = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_ACTION (draft), FALSE);

  if (!writable (self, error))
    return FALSE;
  if (pathway_action_get_id (draft) != 0)
    return invalid (error, _("That action is already in a programme."));
  reference = g_strstrip (g_utf8_make_valid (pathway_action_get_reference (draft), -1));
  if (*reference == '\0')
    return invalid (error, _("An action needs a reference, such as “1B vi”."));
  if (!check_rating (self, pathway_action_get_rating (draft), error))
    return FALSE;
  if (!belongs (self, G_OBJECT (pathway_action_get_workstream (draft))) ||
      !belongs (self, G_OBJECT (pathway_action_get_area (draft))) ||
      !belongs (self, G_OBJECT (pathway_action_get_lead (draft))))
    return invalid (error, _("Action %s refers to a workstream, area or lead that is not in "
                             "this programme."), reference);
  pathway_action_set_reference (draft, reference);
  for (const char *const *p = (const char *const[]) { "description", "theme", "success-measure",
                                                      "commentary", NULL }; *p; p++)
    {
      g_autofree char *text = NULL;

      g_object_get (draft, *p, &text, NULL);
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          g_autofree char *fixed = g_utf8_make_valid (text, -1);

          g_object_set (draft, *p, fixed, NULL);
        }
    }

  label = label_for (G_OBJECT (draft), _("Add action"));
  return perform (self, op_new (OP_ADD_ACTION, draft, NULL), label, error);
}

gboolean
pathway_document_delete_action (PathwayDocument *self, PathwayAction *action,
                                const char *note, GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), FALSE);

  if (!writable (self, error))
    return FALSE;
  if (!belongs (self, G_OBJECT (action)))
    return invalid (error, _("That action is not in this programme."));
  label = label_for (G_OBJECT (action), _("Delete action"));
  return perform (self, op_new (OP_DELETE_ACTION, action, note), label, error);
}

/* Other additions ----------------------------------------------------------------------------- */

static gboolean
write_plain (PathwayDocument *self, gpointer object, gpointer owner, GError **error)
{
  gint64 id = insert_object (self, object, NULL, 0, error);

  if (id == 0)
    return FALSE;
  g_object_set (object, "id", id, NULL);
  return TRUE;
}

/* Readings, milestones and evidence are not kept in the model: they are queried when shown. */
static void
apply_to_programme (PathwayDocument *self, gpointer object, gpointer owner)
{
  if (PATHWAY_IS_AREA_OF_WEAKNESS (object))
    pathway_programme_add_area (self->programme, object);
  else if (PATHWAY_IS_PERSON (object))
    pathway_programme_add_person (self->programme, object);
  else if (PATHWAY_IS_WORKSTREAM (object))
    pathway_programme_add_workstream (self->programme, object);
  else if (PATHWAY_IS_INDICATOR (object))
    pathway_programme_add_indicator (self->programme, object);
  else if (PATHWAY_IS_BOARD (object))
    pathway_programme_add_board (self->programme, object);
  else if (PATHWAY_IS_MEETING (object))
    pathway_board_add_meeting (owner, object);
}

/* Validates a draft's text fields and references before any add. */
static gboolean
check_draft (PathwayDocument *self, GObject *draft, GError **error)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (draft);
  const PathwayTable *table = pathway_document_table_for (G_OBJECT_TYPE (draft));

  if (id_of (draft) != 0)
    return invalid (error, _("That is already part of a programme."));
  for (const PathwayColumn *c = table->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);
      g_auto (GValue) value = G_VALUE_INIT;

      if (pspec->value_type != G_TYPE_STRING && !G_TYPE_IS_OBJECT (pspec->value_type))
        continue;
      g_value_init (&value, pspec->value_type);
      g_object_get_property (draft, c->property, &value);
      if (pspec->value_type == G_TYPE_STRING)
        {
          const char *text = g_value_get_string (&value);

          if (text != NULL && !g_utf8_validate (text, -1, NULL))
            {
              repair_text (&value);
              g_object_set_property (draft, c->property, &value);
            }
        }
      else if (!belongs (self, g_value_get_object (&value)))
        return invalid (error, _("“%s” refers to something that is not in this programme."),
                        c->property);
    }
  return TRUE;
}

static gboolean
add_plain (PathwayDocument *self, gpointer draft, gpointer owner, GError **error)
{
  if (!writable (self, error) || !check_draft (self, draft, error))
    return FALSE;
  return perform_plain (self, write_plain, apply_to_programme, draft, owner, error);
}

gboolean
pathway_document_add_area (PathwayDocument *self, PathwayAreaOfWeakness *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (draft), FALSE);
  return add_plain (self, draft, NULL, error);
}

gboolean
pathway_document_add_person (PathwayDocument *self, PathwayPerson *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (draft), FALSE);
  return add_plain (self, draft, NULL, error);
}

gboolean
pathway_document_add_workstream (PathwayDocument *self, PathwayWorkstream *draft,
                                 GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (draft), FALSE);
  return add_plain (self, draft, NULL, error);
}

gboolean
pathway_document_add_indicator (PathwayDocument *self, PathwayIndicator *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (draft), FALSE);
  return add_plain (self, draft, NULL, error);
}

gboolean
pathway_document_add_board (PathwayDocument *self, PathwayBoard *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (draft), FALSE);
  return add_plain (self, draft, NULL, error);
}

/* Adds a record that belongs to another (a board's meeting, an action's evidence, an
 * indicator's reading or milestone): the draft is linked to its owner by the owner's id, in
 * the property that names it ("board-id", "action-id", "indicator-id"). */
static gboolean
add_owned (PathwayDocument *self,
           gpointer         owner,
           gpointer         draft,
           const char      *link_property,
           const char      *not_here,
           GError         **error)
{
  if (!writable (self, error))
    return FALSE;
  if (owner == NULL || !belongs (self, G_OBJECT (owner)))
    return invalid (error, "%s", not_here);
  g_object_set (draft, link_property, id_of (owner), NULL);
  return add_plain (self, draft, owner, error);
}

gboolean
pathway_document_add_meeting (PathwayDocument *self, PathwayBoard *board,
                              PathwayMeeting *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (draft), FALSE);
  return add_owned (self, board, draft, "board-id",
                    _("That board is not in this programme."), error);
}

gboolean
pathway_document_add_evidence (PathwayDocument *self, PathwayAction *action,
                               PathwayEvidence *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_EVIDENCE (draft), FALSE);
  return add_owned (self, action, draft, "action-id",
                    _("That action is not in this programme."), error);
}

gboolean
pathway_document_add_reading (PathwayDocument *self, PathwayIndicator *indicator,
                              PathwayReading *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_READING (draft), FALSE);
  /* Said before the programme is asked: the form names the date first. */
  if (writable (self, NULL) && belongs (self, G_OBJECT (indicator)) &&
      pathway_reading_get_date (draft) == NULL)
    return invalid (error, _("A reading needs a date."));
  return add_owned (self, indicator, draft, "indicator-id",
                    _("That indicator is not in this programme."), error);
}

gboolean
pathway_document_add_milestone (PathwayDocument *self, PathwayIndicator *indicator,
                                PathwayMilestone *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_MILESTONE (draft), FALSE);
  return add_owned (self, indicator, draft, "indicator-id",
                    _("That indicator is not in this programme."), error);
}

static gboolean
write_member (PathwayDocument *self, gpointer member, gpointer workstream, GError **error)
{
  gint64 id = insert_object (self, member, "workstream_id",
                             pathway_workstream_get_id (workstream), error);

  if (id == 0)
    return FALSE;
  _pathway_member_set_id (member, id);
  return TRUE;
}

static void
apply_member (PathwayDocument *self, gpointer member, gpointer workstream)
{
  pathway_workstream_add_member (workstream, member);
}

gboolean
pathway_document_add_member (PathwayDocument *self, PathwayWorkstream *workstream,
                             PathwayPerson *person, const char *role, GError **error)
{
  g_autoptr (PathwayMember) member = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  if (!writable (self, error))
    return FALSE;
  if (person == NULL || !belongs (self, G_OBJECT (workstream)) ||
      !belongs (self, G_OBJECT (person)))
    return invalid (error, _("That workstream or person is not in this programme."));
  member = pathway_member_new ();
  _pathway_member_set_person (member, person);
  _pathway_member_set_role (member, role);
  if (!check_draft (self, G_OBJECT (member), error))
    return FALSE;
  return perform_plain (self, write_member, apply_member, member, workstream, error);
}

static gboolean
write_link (PathwayDocument *self, gpointer area, gpointer workstream, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "INSERT OR IGNORE INTO workstream_area"
                                           " (workstream_id, area_id) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pathway_workstream_get_id (workstream));
  sqlite3_bind_int64 (stmt, 2, pathway_area_of_weakness_get_id (area));
  return pathway_db_step_done (self->db, stmt, error);
}

static void
apply_link (PathwayDocument *self, gpointer area, gpointer workstream)
{
  GListModel *areas = pathway_workstream_get_areas (workstream);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (areas, i);

      if (item == area)
        return;
    }
  pathway_workstream_add_area (workstream, area);
}

gboolean
pathway_document_link_area (PathwayDocument *self, PathwayWorkstream *workstream,
                            PathwayAreaOfWeakness *area, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  if (!writable (self, error))
    return FALSE;
  if (workstream == NULL || area == NULL || !belongs (self, G_OBJECT (workstream)) ||
      !belongs (self, G_OBJECT (area)))
    return invalid (error, _("That workstream or area is not in this programme."));
  return perform_plain (self, write_link, apply_link, area, workstream, error);
}

/* Batches -------------------------------------------------------------------------------------- */

gboolean
pathway_document_begin_batch (PathwayDocument *self, const char *label, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (self->batch != NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                   _("A batch of changes is already open."));
      return FALSE;
    }
  if (!writable (self, error) || !pathway_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->batch = undo_step_new (label);
  return TRUE;
}

gboolean
pathway_document_commit_batch (PathwayDocument *self, GError **error)
{
  PathwayUndoStep *step;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->batch != NULL, FALSE);

  if (!pathway_db_exec (self->db, "COMMIT", error))
    {
      pathway_document_rollback_batch (self);
      return FALSE;
    }
  step = g_steal_pointer (&self->batch);
  if (step->ops->len == 0 && step->undoable)
    pathway_undo_step_free (step);
  else
    push_step (self, step);
  return TRUE;
}

void
pathway_document_rollback_batch (PathwayDocument *self)
{
  g_autoptr (PathwayProgramme) programme = NULL;
  PathwayUndoStep *step;

  g_return_if_fail (PATHWAY_IS_DOCUMENT (self));

  if (self->batch == NULL)
    return;
  step = g_steal_pointer (&self->batch);
  if (!sqlite3_get_autocommit (self->db->handle))
    sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);

  /* The batch's changes already reached the model: take them back in memory, which works
   * even when the file cannot be read again (a failing disk). */
  for (guint i = step->ops->len; i > 0; i--)
    op_apply (self, g_ptr_array_index (step->ops, i - 1), FALSE);

  /* Adds that are not operations (areas, people, ...) are only undone by reloading. */
  if (!step->undoable)
    {
      programme = pathway_document_load_programme (self, NULL);
      if (programme != NULL)
        pathway_document_replace_programme (self, programme);
    }
  pathway_undo_step_free (step);
  pathway_document_clear_undo (self);
}

/* Undo and redo -------------------------------------------------------------------------------- */

gboolean
pathway_document_get_can_undo (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0 && !self->read_only;
}

gboolean
pathway_document_get_can_redo (PathwayDocument *self)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0 && !self->read_only;
}

const char *
pathway_document_get_undo_label (PathwayDocument *self)
{
  PathwayUndoStep *step;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  step = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return step->label;
}

/* Writes a whole step backwards (undo) or forwards (redo) in one transaction. */
static gboolean
replay (PathwayDocument *self, GPtrArray *from, GPtrArray *to, gboolean forward,
        GError **error)
{
  PathwayUndoStep *step;
  const char *note = forward ? _("Redone") : _("Undone");
  guint n;

  if (self->batch != NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                   _("Finish the open batch of changes first."));
      return FALSE;
    }
  if (from->len == 0)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                   forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;

  step = g_ptr_array_index (from, from->len - 1);
  n = step->ops->len;
  for (guint i = 0; i < n; i++)
    {
      Op *op = g_ptr_array_index (step->ops, forward ? i : n - 1 - i);

      if (!op_write (self, op, forward, note, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!commit (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    op_apply (self, g_ptr_array_index (step->ops, forward ? i : n - 1 - i), forward);

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  pathway_document_notify_undo (self);
  return TRUE;
}

gboolean
pathway_document_undo (PathwayDocument *self, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return replay (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
pathway_document_redo (PathwayDocument *self, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  return replay (self, self->redo_stack, self->undo_stack, TRUE, error);
}

/* Notes and decisions ---------------------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
pathway_document_add_note (PathwayDocument *self, PathwayAction *action, const char *kind,
                           const char *text, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), FALSE);

  if (!writable (self, error))
    return FALSE;
  if (!belongs (self, G_OBJECT (action)))
    return invalid (error, _("That is not part of this programme."));
  if (g_strcmp0 (kind, "note") != 0 && g_strcmp0 (kind, "decision") != 0)
    return invalid (error, _("A note is either a note or a decision."));
  if (is_blank (text))
    return invalid (error, _("A note needs some text."));

  /* A note changes no field, so there is nothing for undo to take back: the undo history is
   * left as it is. */
  if (!begin (self, error))
    return FALSE;
  if (!record_update (self, pathway_action_get_id (action), PATHWAY_FIELD_NOTE, kind, NULL, NULL,
                      text, error))
    {
      rollback (self);
      return FALSE;
    }
  if (!commit (self, error))
    return FALSE;
  touch_action (self, action);
  return TRUE;
}
