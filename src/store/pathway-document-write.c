/* pathway-document-write.c: every change to a programme, and undo.
 *
 * A change is an operation (Op) that can be written forwards or backwards: setting one field
 * of any record, adding a record of any kind, retiring one, linking a workstream to an area,
 * revising an action's timescale. Each writes its row of the change log (author, time, kind,
 * record, field, from, to, note, meeting); what differs between kinds of record is read from
 * their descriptions (pathway-kinds.c). Writing is two phases: the SQL in one transaction (a
 * savepoint inside a batch), and only after it committed, the model objects, whose notify
 * signals refresh the views. So a failed write leaves both file and model as they were. Undo
 * writes the operation backwards as a new change (the log records it); nothing already in the
 * log is ever rewritten, and no record is ever erased. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pathway-backup.h"
#include "pathway-document-private.h"
#include "pathway-remote.h"
#include "pathway-record-private.h"

typedef enum {
  OP_SET,    /* one property of one record */
  OP_REVISE, /* a timescale revision of an action (inverse: withdrawing one) */
  OP_ADD,    /* forwards: added (or brought back); backwards: retired */
  OP_RETIRE, /* forwards: retired; backwards: brought back */
  OP_LINK,   /* a workstream linked to an area (inverse: unlinked) */
} OpKind;

typedef struct {
  OpKind kind;
  GObject *object;                    /* the record (the action of a revision, the workstream
                                       * of a link) */
  GObject *owner;                     /* OP_ADD, OP_RETIRE: what it belongs to; OP_LINK: the
                                       * area */
  GParamSpec *pspec;                  /* OP_SET */
  GValue before;                      /* OP_SET, OP_REVISE (a PathwayTimescale or NULL) */
  GValue after;
  PathwayTimescaleRevision *revision; /* OP_REVISE */
  gint64 new_id;                      /* id given by the first forward write */
  gboolean written_once;
  gboolean inverse;                   /* OP_REVISE, OP_LINK: the operation taken back */
  char *note;
  /* OP_SET written as at a past moment (pathway_document_set_as_at): 'at' is that moment and
   * 'log_id' its row in the log, which undo removes again rather than adding a change dated
   * now. 'history_only': a later change of the field is already there, so the record keeps
   * its value and only the history gains the row. 'created_log_id': the record's creation row,
   * dated after 'at', which moves back to 'at' (the record stood then, as the change says),
   * and undo moves back to 'created_at'. OP_ADD made as at a past moment: 'at' dates its undo
   * and redo too, so a record taken back is absent on every day. */
  gint64 at;
  gint64 log_id;
  gboolean history_only;
  gint64 created_log_id;
  gint64 created_at;
} Op;

struct _PathwayUndoStep
{
  char *label;
  GPtrArray *ops;
};

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  g_clear_object (&op->owner);
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
  /* Damage is found before anything is written over it. */
  if (self->damage_scan != NULL && !pathway_document_finish_check (self, error))
    return FALSE;
  /* The backup an open left for later is of the file as it was before this change; its check
   * may find the file damaged, which makes it read-only. */
  pathway_document_backup_if_pending (self);
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
  if (self->batch != NULL)
    return pathway_db_exec (self->db, "SAVEPOINT pathway_change", error);
  if (!pathway_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (pathway_remote_begin (self, error))
    return TRUE;
  sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
rollback (PathwayDocument *self)
{
  if (self->batch != NULL)
    sqlite3_exec (self->db->handle, "ROLLBACK TO pathway_change; RELEASE pathway_change",
                  NULL, NULL, NULL);
  else
    {
      if (!sqlite3_get_autocommit (self->db->handle))
        sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
      pathway_remote_end (self);
    }
}

/* On a server, the transaction is the server's first: refused there, it is rolled back here. */
static gboolean
commit (PathwayDocument *self, GError **error)
{
  if (self->batch != NULL)
    {
      if (pathway_db_exec (self->db, "RELEASE pathway_change", error))
        return TRUE;
      rollback (self);
      return FALSE;
    }
  if (pathway_remote_commit (self, error) && pathway_db_exec (self->db, "COMMIT", error))
    {
      pathway_remote_end (self);
      return TRUE;
    }
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

/* Actions keep their rating, status and commentary changes as fields of their own, which the
 * "as at" states and monthly counts read; every other change is a TEXT change of a property. */
static PathwayField
field_for (GObject *object, const char *property)
{
  if (!PATHWAY_IS_ACTION (object))
    return PATHWAY_FIELD_TEXT;
  if (g_str_equal (property, "rating"))
    return PATHWAY_FIELD_RATING;
  if (g_str_equal (property, "status"))
    return PATHWAY_FIELD_STATUS;
  if (g_str_equal (property, "commentary"))
    return PATHWAY_FIELD_COMMENTARY;
  return PATHWAY_FIELD_TEXT;
}

/* The change log ---------------------------------------------------------------------------- */

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

typedef struct {
  PathwayField field;
  const char *property; /* TEXT and NOTE changes */
  const char *from;
  const char *to;
  gint64 from_ref;      /* linked records' ids, 0 for none */
  gint64 to_ref;
  const char *note;
} Change;

/* Appends one row to the change log; a change to an action also dates the action. */
static gboolean
record_change (PathwayDocument *self, const PathwayKind *kind, gint64 record_id,
               const Change *change, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 now = pathway_document_now_unix (self);

  stmt = pathway_db_prepare (self->db,
                             "INSERT INTO change_log (kind, record_id, at, author, field,"
                             " property, from_value, to_value, from_ref, to_ref, note, meeting_id,"
                             " recorded_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                             error);
  if (stmt == NULL)
    return FALSE;
  pathway_db_bind_text (stmt, 1, kind->name);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_int64 (stmt, 3, now);
  bind_user_text (stmt, 4, self->author);
  sqlite3_bind_int (stmt, 5, change->field);
  pathway_db_bind_text (stmt, 6, change->field == PATHWAY_FIELD_TEXT ||
                                 change->field == PATHWAY_FIELD_NOTE ? change->property : "");
  bind_user_text (stmt, 7, change->from);
  bind_user_text (stmt, 8, change->to);
  if (change->from_ref > 0)
    sqlite3_bind_int64 (stmt, 9, change->from_ref);
  if (change->to_ref > 0)
    sqlite3_bind_int64 (stmt, 10, change->to_ref);
  bind_user_text (stmt, 11, change->note ? change->note : "");
  if (self->meeting != NULL && pathway_meeting_get_id (self->meeting) > 0)
    sqlite3_bind_int64 (stmt, 12, pathway_meeting_get_id (self->meeting));
  /* A change dated in the past keeps the moment it was written too, for the audit trail. */
  if (self->as_at != 0)
    sqlite3_bind_int64 (stmt, 13, pathway_document_clock_unix (self));
  if (!pathway_db_step_done (self->db, stmt, error))
    return FALSE;
  self->last_log_id = sqlite3_last_insert_rowid (self->db->handle);
  if (!g_str_equal (kind->name, "action"))
    return TRUE;

  /* History added for a past day does not make the action look recently updated. */
  stmt = pathway_db_prepare (self->db,
                             "UPDATE action SET last_updated = CASE WHEN ?3"
                             " THEN max (coalesce (last_updated, 0), ?1) ELSE ?1 END"
                             " WHERE id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_int (stmt, 3, self->as_at != 0);
  return pathway_db_step_done (self->db, stmt, error);
}

/* A change to an action's history (its creation, rating, status, commentary, a note). */
static gboolean
record_update (PathwayDocument *self, gint64 action_id, PathwayField field,
               const char *property, const char *from, const char *to, const char *note,
               GError **error)
{
  Change change = { field, property, from, to, 0, 0, note };

  return record_change (self, pathway_kind_for_type (PATHWAY_TYPE_ACTION), action_id, &change,
                        error);
}

/* The model takes the moment the row holds, which record_change wrote: a change dated in the
 * past leaves a later update the latest, taking one out writes no row, and the clock may have
 * moved on while a server took the change. */
static void
touch_action (PathwayDocument *self, PathwayAction *action)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "SELECT last_updated FROM action WHERE id = ?1"
                                           " AND last_updated IS NOT NULL", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, pathway_action_get_id (action));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) last = pathway_date_time_from_unix (sqlite3_column_int64 (stmt, 0));

      _pathway_action_set_last_updated (action, last);
    }
  sqlite3_reset (stmt);
}

/* Setting one column ----------------------------------------------------------------------- */

/* "UPDATE t SET c = ?1 WHERE id = ?2", interned so the statement cache can key on it. */
static const char *
update_sql (const PathwayKind *kind, const PathwayColumn *column, GParamSpec *pspec,
            int *id_index)
{
  g_autofree char *name = g_strdelimit (g_strdup (column->column ? column->column
                                                                 : column->property),
                                        "-", '_');
  g_autofree char *sql = NULL;

  if (pspec->value_type == PATHWAY_TYPE_TIMESCALE)
    {
      sql = g_strdup_printf ("UPDATE %s SET %s_text = ?1, %s_date = ?2, %s_precision = ?3"
                             " WHERE id = ?4", kind->table, name, name, name);
      *id_index = 4;
    }
  else
    {
      sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", kind->table, name);
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

/* Writes one field and logs it; the rating scheme's words are logged as the programme's.
 * 'column' FALSE: only the log row (history for a past day that a later change overrides);
 * 'log' FALSE: only the column (undoing a change dated in the past, whose row goes). */
static gboolean
write_value_full (PathwayDocument *self, GObject *object, GParamSpec *pspec,
                  const GValue *value, const GValue *from_value, const char *note,
                  gboolean write_column, gboolean log, GError **error)
{
  const PathwayKind *kind;
  g_auto (GValue) current = G_VALUE_INIT;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  Change change = { 0 };
  gint64 record_id;

  if (PATHWAY_IS_RATING_SCHEME (object))
    {
      if (write_column && !write_scheme_value (self, pspec, value, error))
        return FALSE;
      kind = pathway_kind_for_type (PATHWAY_TYPE_PROGRAMME);
      record_id = 1;
    }
  else if (!write_column)
    {
      kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
      record_id = pathway_record_get_id (object);
    }
  else
    {
      const PathwayColumn *column;
      const char *sql;
      sqlite3_stmt *stmt;
      int id_index;

      kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
      column = pathway_kind_column (kind, pspec->name);
      sql = update_sql (kind, column, pspec, &id_index);
      stmt = pathway_db_prepare (self->db, sql, error);
      if (stmt == NULL)
        return FALSE;
      record_id = pathway_record_get_id (object);
      pathway_document_bind_value (stmt, 1, pspec, value);
      sqlite3_bind_int64 (stmt, id_index, record_id);
      if (!pathway_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  if (!log)
    return TRUE;
  g_value_init (&current, pspec->value_type);
  if (from_value != NULL)
    g_value_copy (from_value, &current);
  else
    g_object_get_property (object, pspec->name, &current);
  from = pathway_value_to_text (pspec, &current, &change.from_ref);
  to = pathway_value_to_text (pspec, value, &change.to_ref);
  change.field = field_for (object, pspec->name);
  change.property = pspec->name;
  change.from = from;
  change.to = to;
  change.note = note;
  return record_change (self, kind, record_id, &change, error);
}

static gboolean
write_value (PathwayDocument *self, GObject *object, GParamSpec *pspec, const GValue *value,
             const char *note, GError **error)
{
  return write_value_full (self, object, pspec, value, NULL, note, TRUE, TRUE, error);
}

/* The next change of the same field after the log row 'log_id' says what it changed from:
 * the row's new value once the row is in the history (to_this), or the row's old value when
 * it is taken out. "As at" answers read that chain. */
static gboolean
relink_next (PathwayDocument *self, gint64 log_id, gboolean to_this, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (
    self->db,
    "UPDATE change_log SET"
    " from_value = (SELECT CASE WHEN ?2 THEN to_value ELSE from_value END"
    "               FROM change_log WHERE id = ?1),"
    " from_ref = (SELECT CASE WHEN ?2 THEN to_ref ELSE from_ref END"
    "             FROM change_log WHERE id = ?1)"
    " WHERE id = (SELECT n.id FROM change_log n, change_log t WHERE t.id = ?1"
    "             AND n.kind = t.kind AND n.record_id = t.record_id AND n.field = t.field"
    "             AND n.property = t.property AND n.id <> t.id"
    "             AND (n.at > t.at OR (n.at = t.at AND n.id > t.id))"
    "             ORDER BY n.at, n.id LIMIT 1)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, log_id);
  sqlite3_bind_int (stmt, 2, to_this);
  return pathway_db_step_done (self->db, stmt, error);
}

/* Dates a record's creation row at 'at'. */
static gboolean
move_creation (PathwayDocument *self, gint64 log_id, gint64 at, GError **error)
{
  sqlite3_stmt *stmt = pathway_db_prepare (self->db, "UPDATE change_log SET at = ?1 WHERE id = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, log_id);
  return pathway_db_step_done (self->db, stmt, error);
}

/* A change dated in the past: written as at its moment, with a row in the log that undo
 * removes; undone by putting the value back without a row and removing that one. A record
 * created after that moment is dated from it (and back again by undo). */
static gboolean
write_backdated (PathwayDocument *self, Op *op, gboolean forward, const char *note,
                 GError **error)
{
  gint64 saved = self->as_at;
  gboolean ok;

  if (!forward)
    {
      sqlite3_stmt *stmt = pathway_db_prepare (self->db, "DELETE FROM change_log WHERE id = ?1",
                                               error);

      if (stmt == NULL || !relink_next (self, op->log_id, FALSE, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, op->log_id);
      if (!pathway_db_step_done (self->db, stmt, error))
        return FALSE;
      if (op->created_log_id != 0 &&
          !move_creation (self, op->created_log_id, op->created_at, error))
        return FALSE;
      return op->history_only ||
             write_value_full (self, op->object, op->pspec, &op->before, NULL, note, TRUE,
                               FALSE, error);
    }
  self->as_at = op->at;
  ok = write_value_full (self, op->object, op->pspec, &op->after,
                         op->history_only ? &op->before : NULL, note, !op->history_only, TRUE,
                         error);
  self->as_at = saved;
  if (!ok)
    return FALSE;
  op->log_id = self->last_log_id;
  if (!relink_next (self, op->log_id, TRUE, error))
    return FALSE;
  return op->created_log_id == 0 || move_creation (self, op->created_log_id, op->at, error);
}

/* The record's creation row, when the log has one dated after 'at': its id and moment. */
static gboolean
created_after (PathwayDocument *self, GObject *object, gint64 at, gint64 *log_id,
               gint64 *created, GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "SELECT id, at FROM change_log WHERE kind = ?1"
                                           " AND record_id = ?2 AND field = 0 ORDER BY id"
                                           " LIMIT 1",
                                           error);
  int rc;

  *log_id = 0;
  if (stmt == NULL)
    return FALSE;
  pathway_db_bind_text (stmt, 1, kind->name);
  sqlite3_bind_int64 (stmt, 2, pathway_record_get_id (object));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 1) > at)
    {
      *log_id = sqlite3_column_int64 (stmt, 0);
      *created = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return FALSE;
    }
  return TRUE;
}

/* Whether the log holds a change of this field of the record after 'at'. */
static gboolean
changed_after (PathwayDocument *self, GObject *object, GParamSpec *pspec, gint64 at,
               gboolean *later, GError **error)
{
  const PathwayKind *kind = PATHWAY_IS_RATING_SCHEME (object)
                              ? pathway_kind_for_type (PATHWAY_TYPE_PROGRAMME)
                              : pathway_kind_for_type (G_OBJECT_TYPE (object));
  PathwayField field = field_for (object, pspec->name);
  sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                           "SELECT EXISTS (SELECT 1 FROM change_log"
                                           " WHERE kind = ?1 AND record_id = ?2 AND field = ?3"
                                           " AND property = ?4 AND at > ?5)",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  pathway_db_bind_text (stmt, 1, kind->name);
  sqlite3_bind_int64 (stmt, 2, PATHWAY_IS_RATING_SCHEME (object) ? 1
                                                                 : pathway_record_get_id (object));
  sqlite3_bind_int (stmt, 3, field);
  pathway_db_bind_text (stmt, 4, field == PATHWAY_FIELD_TEXT || field == PATHWAY_FIELD_NOTE
                                   ? pspec->name : "");
  sqlite3_bind_int64 (stmt, 5, at);
  rc = sqlite3_step (stmt);
  *later = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      pathway_db_set_error (error, self->db->handle, rc, _("reading the history"));
      return FALSE;
    }
  return TRUE;
}

/* Inserting rows --------------------------------------------------------------------------- */

/* Inserts every column of 'object' and returns the new row's id, or 0 on failure. */
static gint64
insert_object (PathwayDocument *self, GObject *object, GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  g_autofree char *columns = pathway_document_column_list (kind);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int count = 0, index = 1;

  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);

      count += pspec->value_type == PATHWAY_TYPE_TIMESCALE ? 3 : 1;
    }
  for (int i = 1; i <= count; i++)
    g_string_append_printf (marks, i > 1 ? ", ?%d" : "?%d", i);
  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (%s)", kind->table, columns, marks->str);

  stmt = pathway_db_prepare (self->db, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return 0;
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, c->property, &value);
      index = pathway_document_bind_value (stmt, index, pspec, &value);
    }
  if (!pathway_db_step_done (self->db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db->handle);
}

/* Validation ------------------------------------------------------------------------------- */

/* A record of this programme that is not retired (readings, milestones, evidence and
 * revisions are not kept in the model: their rows say). */
static gboolean
belongs (PathwayDocument *self, GObject *object)
{
  const PathwayKind *kind;
  gint64 id;

  if (object == NULL)
    return TRUE;
  if (PATHWAY_IS_RATING_SCHEME (object))
    return PATHWAY_RATING_SCHEME (object) ==
           pathway_programme_get_rating_scheme (self->programme);
  if (PATHWAY_IS_PROGRAMME (object))
    return PATHWAY_PROGRAMME (object) == self->programme;
  kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
  id = pathway_record_get_id (object);
  if (kind == NULL || id <= 0)
    return FALSE;
  if (!kind->loaded)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                              kind->retired, kind->table);
      sqlite3_stmt *stmt = pathway_db_prepare (self->db, g_intern_string (sql), NULL);
      gboolean live;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      live = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
      sqlite3_reset (stmt);
      return live;
    }
  return pathway_programme_find_record (self->programme, G_OBJECT_TYPE (object), id) ==
           (gpointer) object &&
         !pathway_programme_is_retired (self->programme, object);
}

gboolean
pathway_document_is_retired (PathwayDocument *self, gpointer record)
{
  const PathwayKind *kind;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  if (self->programme == NULL || kind == NULL || kind->retired == NULL)
    return FALSE;
  if (kind->loaded)
    return pathway_programme_is_retired (self->programme, record);
  /* Kinds read when shown: their row says. */
  return pathway_record_get_id (record) > 0 && self->db != NULL &&
         !belongs (self, record);
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

/* Names compared as people read them: case and surrounding spaces do not count. */
static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (x), g_strstrip (y));
}

/* A key that names one live record of its kind (a workstream's code, a board's name) is not
 * given to a second. */
static gboolean
check_unique (PathwayDocument *self, GObject *record, const PathwayColumn *column,
              const GValue *value, GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  g_autoptr (GListModel) records = NULL;
  const char *wanted;

  if (!(column->flags & PATHWAY_COLUMN_UNIQUE) || !G_VALUE_HOLDS_STRING (value) ||
      (wanted = g_value_get_string (value)) == NULL)
    return TRUE;
  records = pathway_document_list_records (self, kind, FALSE, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (records, i);
      g_autofree char *text = NULL;

      if (other == record)
        continue;
      g_object_get (other, column->property, &text, NULL);
      if (text != NULL && same_name (g_strstrip (text), wanted))
        return invalid (error, _("%s: another %s is already called “%s”."),
                        pathway_column_field (column), kind->name, wanted);
    }
  return TRUE;
}

/* A link to a record that is not a live one of this programme, named with its value. */
static gboolean
not_here (PathwayDocument *self, const char *field, GObject *record, GError **error)
{
  g_autofree char *name = NULL;

  if (record != NULL && pathway_kind_for_type (G_OBJECT_TYPE (record)) != NULL)
    name = pathway_document_record_name (self, record);
  if (name != NULL && *name != '\0')
    return invalid (error, _("%s: “%s” is not (or is no longer) part of this programme."),
                    field, name);
  return invalid (error, _("%s: that is not part of this programme."), field);
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
    return not_here (self, pspec->name, g_value_get_object (value), error);
  if (!PATHWAY_IS_RATING_SCHEME (object) && !PATHWAY_IS_PROGRAMME (object))
    {
      const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
      const PathwayColumn *column = kind ? pathway_kind_column (kind, pspec->name) : NULL;

      if (column != NULL && !check_unique (self, object, column, value, error))
        return FALSE;
    }
  return TRUE;
}

/* Operations -------------------------------------------------------------------------------- */

/* The owner a record names in its owner column (a meeting's board), or NULL. */
static gpointer
owner_of (PathwayDocument *self, const PathwayKind *kind, GObject *record)
{
  const PathwayColumn *column = pathway_kind_owner_column (kind);
  const PathwayKind *owner_kind = kind->owner ? pathway_kind_lookup (kind->owner) : NULL;
  gint64 owner_id = 0;

  if (column == NULL || owner_kind == NULL)
    return NULL;
  g_object_get (record, column->property, &owner_id, NULL);
  return pathway_programme_find_record (self->programme, owner_kind->get_type (), owner_id);
}

static gboolean
write_retired (PathwayDocument *self, GObject *record, gboolean retired, const char *note,
               GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", kind->table,
                                          kind->retired);
  sqlite3_stmt *stmt = pathway_db_prepare (self->db, g_intern_string (sql), error);
  Change change = { PATHWAY_FIELD_DELETED, NULL, retired ? "no" : "yes", retired ? "yes" : "no",
                    0, 0, note };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, retired);
  sqlite3_bind_int64 (stmt, 2, pathway_record_get_id (record));
  return pathway_db_step_done (self->db, stmt, error) &&
         record_change (self, kind, pathway_record_get_id (record), &change, error);
}

/* The first write of a new record: its UUID, its row, its creation in the log, and what its
 * kind records beyond the row (an action's first rating, status and commentary). */
static gboolean
write_new_record (PathwayDocument *self, Op *op, GError **error)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (op->object));
  g_autoptr (GDateTime) now = pathway_date_time_from_unix (pathway_document_now_unix (self));
  g_autofree char *name = NULL;
  Change change = { PATHWAY_FIELD_CREATED };
  gboolean ok;
  gint64 id;

  if (*pathway_record_get_uuid (op->object) == '\0')
    {
      g_autofree char *uuid = pathway_record_new_uuid ();

      _pathway_record_set_uuid (op->object, uuid);
    }
  if (pathway_kind_column (kind, "created") != NULL)
    g_object_set (op->object, "created", now, "last-updated", now, NULL);
  /* A kind whose retired flag is a property too (an action's "deleted") starts live, even a
   * draft taken back by a rolled-back batch and added again. */
  if (pathway_kind_column (kind, kind->retired) != NULL)
    g_object_set (op->object, kind->retired, FALSE, NULL);
  id = insert_object (self, op->object, error);
  if (id == 0)
    return FALSE;
  op->new_id = id;

  /* The record is named in its creation row as it was named then. The id is the object's
   * only while the transaction is open; op_apply gives it for good after the commit. */
  _pathway_record_set_id (op->object, id);
  name = pathway_document_record_name (self, op->object);
  change.to = name;
  change.note = op->note;
  ok = record_change (self, kind, id, &change, error) &&
       (kind->created == NULL || kind->created (self, op->object, error));
  _pathway_record_set_id (op->object, 0);
  return ok;
}

gboolean
pathway_document_action_created (PathwayDocument *self, gpointer record, GError **error)
{
  PathwayAction *action = record;
  const PathwayTimescale *revised = pathway_action_get_revised_timescale (action);
  const char *commentary = pathway_action_get_commentary (action);
  gint64 id = pathway_record_get_id (action);

  /* The first entries of the history say how the action started, so that "as at" queries
   * and monthly counts need nothing but the history. */
  if (!record_update (self, id, PATHWAY_FIELD_RATING, NULL, NULL,
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
      g_autofree char *uuid = pathway_record_new_uuid ();

      stmt = pathway_db_prepare (self->db,
                                 "INSERT INTO timescale_revision (action_id, text, date,"
                                 " precision, recorded_at, author, uuid) VALUES (?1, ?2, ?3, ?4,"
                                 " ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      pathway_db_bind_text (stmt, 2, revised->text);
      pathway_db_bind_text (stmt, 3, iso);
      pathway_db_bind_text (stmt, 4, pathway_precision_to_nick (revised->precision));
      sqlite3_bind_int64 (stmt, 5, pathway_document_now_unix (self));
      pathway_db_bind_text (stmt, 6, self->author);
      pathway_db_bind_text (stmt, 7, uuid);
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
  const PathwayKind *kind = pathway_kind_for_type (PATHWAY_TYPE_TIMESCALE_REVISION);
  const PathwayTimescale *from = g_value_get_boxed (forward ? &op->before : &op->after);
  const PathwayTimescale *to = g_value_get_boxed (forward ? &op->after : &op->before);
  Change change = { 0 };

  /* The revision is a record with its own log (created, withdrawn, back), and the action's
   * history shows its revised timescale moving. */
  if (forward && !op->written_once)
    {
      if (*pathway_record_get_uuid (op->revision) == '\0')
        {
          g_autofree char *uuid = pathway_record_new_uuid ();

          _pathway_record_set_uuid (op->revision, uuid);
        }
      op->new_id = insert_object (self, G_OBJECT (op->revision), error);
      if (op->new_id == 0)
        return FALSE;
      change.field = PATHWAY_FIELD_CREATED;
      change.to = to ? to->text : NULL;
      change.note = note;
      if (!record_change (self, kind, op->new_id, &change, error))
        return FALSE;
    }
  else
    {
      gboolean withdrawn = forward == op->inverse;
      sqlite3_stmt *stmt = pathway_db_prepare (self->db,
                                               "UPDATE timescale_revision SET withdrawn = ?1"
                                               " WHERE id = ?2", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, withdrawn);
      sqlite3_bind_int64 (stmt, 2, op->new_id);
      change.field = PATHWAY_FIELD_DELETED;
      change.from = withdrawn ? "no" : "yes";
      change.to = withdrawn ? "yes" : "no";
      change.note = note;
      if (!pathway_db_step_done (self->db, stmt, error) ||
          !record_change (self, kind, op->new_id, &change, error))
        return FALSE;
    }
  return record_update (self, pathway_action_get_id (action), PATHWAY_FIELD_REVISED_TIMESCALE,
                        NULL, from ? from->text : NULL, to ? to->text : NULL, note, error);
}

static gboolean
write_link (PathwayDocument *self, Op *op, gboolean linked, const char *note, GError **error)
{
  const char *sql = linked ? "INSERT OR IGNORE INTO workstream_area (workstream_id, area_id)"
                             " VALUES (?1, ?2)"
                           : "DELETE FROM workstream_area WHERE workstream_id = ?1"
                             " AND area_id = ?2";
  sqlite3_stmt *stmt = pathway_db_prepare (self->db, sql, error);
  const char *area = pathway_area_of_weakness_get_reference (PATHWAY_AREA_OF_WEAKNESS (op->owner));
  gint64 area_id = pathway_record_get_id (op->owner);
  Change change = { PATHWAY_FIELD_TEXT, "areas", linked ? NULL : area, linked ? area : NULL,
                    linked ? 0 : area_id, linked ? area_id : 0, note };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pathway_record_get_id (op->object));
  sqlite3_bind_int64 (stmt, 2, area_id);
  return pathway_db_step_done (self->db, stmt, error) &&
         record_change (self, pathway_kind_for_type (PATHWAY_TYPE_WORKSTREAM),
                        pathway_record_get_id (op->object), &change, error);
}

static gboolean
op_write (PathwayDocument *self, Op *op, gboolean forward, const char *note, GError **error)
{
  switch (op->kind)
    {
    case OP_SET:
      if (op->at != 0)
        return write_backdated (self, op, forward, note, error);
      return write_value (self, op->object, op->pspec, forward ? &op->after : &op->before,
                          note, error);
    case OP_REVISE:
      return write_revision (self, op, forward, note, error);
    case OP_ADD:
      if (forward && !op->written_once)
        return write_new_record (self, op, error);
      if (op->at != 0)
        {
          gint64 saved = self->as_at;
          gboolean ok;

          /* Taken back (or brought back) from the moment it was made as at. */
          self->as_at = op->at;
          ok = write_retired (self, op->object, !forward, note, error);
          self->as_at = saved;
          return ok;
        }
      return write_retired (self, op->object, !forward, note, error);
    case OP_RETIRE:
      return write_retired (self, op->object, forward, note, error);
    case OP_LINK:
      return write_link (self, op, forward != op->inverse, note, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* A record joins its owner's lists (present) or leaves them for the programme's retired
 * records, where "as at" answers and packs for earlier days still find it. */
static void
show_record (PathwayDocument *self, Op *op, gboolean present)
{
  const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (op->object));

  if (kind->loaded)
    {
      if (present)
        {
          _pathway_programme_remove_retired (self->programme, op->object);
          kind->attach (self->programme, op->owner, op->object, TRUE);
        }
      else
        {
          kind->attach (self->programme, op->owner, op->object, FALSE);
          _pathway_programme_add_retired (self->programme, op->object);
        }
    }
  if (PATHWAY_IS_ACTION (op->object))
    touch_action (self, PATHWAY_ACTION (op->object));
}

static void
apply_link (PathwayWorkstream *workstream, PathwayAreaOfWeakness *area, gboolean linked)
{
  GListModel *areas = pathway_workstream_get_areas (workstream);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (areas) && !found; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (areas, i);

      found = item == (gpointer) area;
    }
  if (linked && !found)
    pathway_workstream_add_area (workstream, area);
  else if (!linked && found)
    pathway_workstream_remove_area (workstream, area);
}

/* Brings the model in line with what op_write wrote; called only after the commit. */
static void
op_apply (PathwayDocument *self, Op *op, gboolean forward)
{
  switch (op->kind)
    {
    case OP_SET:
      if (op->history_only)
        break;
      g_object_set_property (op->object, op->pspec->name, forward ? &op->after : &op->before);
      if (PATHWAY_IS_ACTION (op->object))
        touch_action (self, PATHWAY_ACTION (op->object));
      break;
    case OP_REVISE:
      if (forward && !op->written_once)
        _pathway_record_set_id (op->revision, op->new_id);
      pathway_action_set_revised_timescale (PATHWAY_ACTION (op->object),
                                            g_value_get_boxed (forward ? &op->after
                                                                       : &op->before));
      touch_action (self, PATHWAY_ACTION (op->object));
      break;
    case OP_ADD:
      if (forward && !op->written_once)
        _pathway_record_set_id (op->object, op->new_id);
      show_record (self, op, forward);
      break;
    case OP_RETIRE:
      show_record (self, op, !forward);
      break;
    case OP_LINK:
      apply_link (PATHWAY_WORKSTREAM (op->object), PATHWAY_AREA_OF_WEAKNESS (op->owner),
                  forward != op->inverse);
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
  g_ptr_array_add (self->undo_stack, step);
  pathway_document_notify_undo (self);
}

/* Writes one operation as its own transaction (or savepoint), then the model, then keeps it
 * for undo. Takes the operation. */
static gboolean
perform (PathwayDocument *self, Op *op_in, const char *label, GError **error)
{
  g_autoptr (Op) op = op_in;

  if (op->kind == OP_ADD && !op->written_once)
    op->at = self->as_at;
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

/* "Change of 1A i", "Add person Beth Kowalski": what undo will take back. */
static char *
label_for (PathwayDocument *self, GObject *object, const char *what)
{
  g_autofree char *name = NULL;

  if (PATHWAY_IS_ACTION (object))
    return g_strdup_printf (_("%s of %s"), what,
                            pathway_action_get_reference (PATHWAY_ACTION (object)));
  if (PATHWAY_IS_PROGRAMME (object) || PATHWAY_IS_RATING_SCHEME (object))
    return g_strdup (what);
  name = pathway_document_record_name (self, object);
  return g_strdup_printf (_("%s of %s"), what, name);
}

/* Setting values ----------------------------------------------------------------------------- */

gboolean
pathway_document_set_value (PathwayDocument *self, gpointer object, const char *property,
                            const GValue *value, const char *note, GError **error)
{
  const PathwayKind *kind;
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
  kind = pathway_kind_for_type (G_OBJECT_TYPE (object));
  column = kind ? pathway_kind_column (kind, property) : NULL;
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
  if (self->as_at != 0)
    {
      gboolean later = FALSE;

      /* For a past day, between the changes already there: where the field changed after
       * that day, the record keeps its value and the history gains the change. */
      op->at = self->as_at;
      if (!changed_after (self, object, pspec, op->at, &later, error))
        return FALSE;
      /* A record made after that day had every value it has from then on. */
      if (!PATHWAY_IS_RATING_SCHEME (object) &&
          !created_after (self, object, op->at, &op->created_log_id, &op->created_at, error))
        return FALSE;
      later |= op->created_log_id != 0;
      if (later && !PATHWAY_IS_RATING_SCHEME (object))
        {
          g_autoptr (GDateTime) moment = g_date_time_new_from_unix_local (op->at);
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, g_date_time_get_day_of_month (moment),
                          g_date_time_get_month (moment), g_date_time_get_year (moment));
          g_value_reset (&op->before);
          if (!pathway_document_get_value_as_at (self, object, property, &day, &op->before,
                                                 error))
            return FALSE;
          op->history_only = TRUE;
        }
    }
  if (values_equal (pspec, &op->before, &op->after))
    return TRUE;

  label = label_for (self, object, _("Change"));
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_check_set (PathwayDocument *self, gpointer object, const char *property,
                            GValue *value, GError **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (!writable (self, error))
    return FALSE;
  if (!belongs (self, object))
    return invalid (error, _("That is not part of this programme."));
  return check_value (self, object, pspec, value, error);
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
  label = label_for (self, G_OBJECT (action), _("Revise timescale"));
  return perform (self, g_steal_pointer (&op), label, error);
}

/* The revision that is an action's revised timescale now is withdrawn: the timescale goes back
 * to the revision before it (or to none). Older revisions are history, not withdrawn. */
gboolean
pathway_document_withdraw_revision (PathwayDocument *self, gpointer record, const char *note,
                                    GError **error)
{
  PathwayTimescaleRevision *revision = record;
  PathwayAction *action;
  g_autoptr (GListModel) revisions = NULL;
  g_autoptr (PathwayTimescaleRevision) latest = NULL;
  g_autoptr (PathwayTimescaleRevision) previous = NULL;
  g_autoptr (Op) op = NULL;
  g_autofree char *label = NULL;
  guint n;

  action = pathway_programme_find_action (self->programme,
                                          pathway_timescale_revision_get_action_id (revision));
  if (action == NULL || !belongs (self, G_OBJECT (action)))
    return invalid (error, _("That revision's action is not in this programme."));
  revisions = pathway_document_list_revisions (self, action, error);
  if (revisions == NULL)
    return FALSE;
  n = g_list_model_get_n_items (revisions);
  latest = n > 0 ? g_list_model_get_item (revisions, n - 1) : NULL;
  previous = n > 1 ? g_list_model_get_item (revisions, n - 2) : NULL;
  if (latest == NULL || pathway_record_get_id (latest) != pathway_record_get_id (revision))
    return invalid (error, _("Only the latest revised timescale of %s can be withdrawn."),
                    pathway_action_get_reference (action));

  op = op_new (OP_REVISE, action, note);
  op->revision = g_object_ref (latest);
  op->new_id = pathway_record_get_id (latest);
  op->written_once = TRUE;
  op->inverse = TRUE;
  g_value_init (&op->before, PATHWAY_TYPE_TIMESCALE);
  g_value_init (&op->after, PATHWAY_TYPE_TIMESCALE);
  g_value_set_boxed (&op->before, pathway_action_get_revised_timescale (action));
  g_value_set_boxed (&op->after, previous ? pathway_timescale_revision_get_timescale (previous)
                                          : NULL);
  label = label_for (self, G_OBJECT (action), _("Withdraw revised timescale"));
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_add_revision_draft (PathwayDocument *self, gpointer owner, gpointer draft,
                                     GError **error)
{
  PathwayTimescaleRevision *revision = draft;

  return pathway_document_revise_timescale (self, owner,
                                            pathway_timescale_revision_get_timescale (revision),
                                            pathway_timescale_revision_get_reason (revision),
                                            pathway_timescale_revision_get_approved_by (revision),
                                            pathway_timescale_revision_get_approved_on (revision),
                                            error);
}

/* Actions -------------------------------------------------------------------------------------- */

gboolean
pathway_document_add_action_draft (PathwayDocument *self, gpointer owner, gpointer record,
                                   GError **error)
{
  PathwayAction *draft = record;
  g_autofree char *label = NULL;
  g_autofree char *reference = NULL;

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

  /* TRANSLATORS: an undo step: "Add action 1A iii" */
  label = g_strdup_printf (_("Add action %s"), reference);
  return perform (self, op_new (OP_ADD, draft, NULL), label, error);
}

gboolean
pathway_document_add_action (PathwayDocument *self, PathwayAction *draft, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (draft), FALSE);
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_delete_action (PathwayDocument *self, PathwayAction *action,
                                const char *note, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), FALSE);
  return pathway_document_retire (self, action, note, error);
}

/* Adding and retiring any record --------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
value_given (GParamSpec *pspec, const GValue *value)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return !is_blank (g_value_get_string (value));
  if (type == G_TYPE_DOUBLE)
    return !isnan (g_value_get_double (value));
  if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);

      return date != NULL && g_date_valid (date);
    }
  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *ts = g_value_get_boxed (value);

      return ts != NULL && !is_blank (ts->text);
    }
  if (G_TYPE_IS_OBJECT (type))
    return g_value_get_object (value) != NULL;
  return TRUE;
}

/* Validates a draft's fields before any add: text repaired, links to records of this
 * programme, the kind's required fields given. */
static gboolean
check_draft (PathwayDocument *self, const PathwayKind *kind, GObject *draft, GError **error)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (draft);

  if (pathway_record_get_id (draft) != 0)
    return invalid (error, _("That is already part of a programme."));
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, c->property);
      g_auto (GValue) value = G_VALUE_INIT;

      if (c->flags & (PATHWAY_COLUMN_INTERNAL | PATHWAY_COLUMN_OWNER))
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
      else if (G_TYPE_IS_OBJECT (pspec->value_type) &&
               !belongs (self, g_value_get_object (&value)))
        return not_here (self, pathway_column_field (c), g_value_get_object (&value), error);
      if (pspec->value_type == G_TYPE_STRING && !check_unique (self, draft, c, &value, error))
        return FALSE;
      if ((c->flags & PATHWAY_COLUMN_REQUIRED) && !value_given (pspec, &value))
        return invalid (error, _("A new record of kind %s needs its “%s”."), kind->name,
                        pathway_column_field (c));
    }
  return TRUE;
}

gboolean
pathway_document_add (PathwayDocument *self, gpointer owner, gpointer draft, GError **error)
{
  return pathway_document_add_with_note (self, owner, draft, NULL, error);
}

gboolean
pathway_document_add_with_note (PathwayDocument *self, gpointer owner, gpointer draft,
                                const char *note, GError **error)
{
  const PathwayKind *kind;
  const PathwayKind *owner_kind;
  const PathwayColumn *owner_column;
  g_autoptr (Op) op = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (draft), FALSE);

  if (!writable (self, error))
    return FALSE;
  kind = pathway_kind_for_type (G_OBJECT_TYPE (draft));
  if (kind == NULL || kind->retired == NULL)
    return invalid (error, _("That cannot be added to a programme."));
  owner_kind = kind->owner ? pathway_kind_lookup (kind->owner) : NULL;
  if (owner_kind != NULL &&
      (owner == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (owner, owner_kind->get_type ()) ||
       !belongs (self, owner)))
    return invalid (error, _("The %s for this %s is not in this programme."), owner_kind->name,
                    kind->name);
  if (owner_kind == NULL && owner != NULL)
    return invalid (error, _("A %s belongs to the programme, not to another record."),
                    kind->name);
  if (kind->add != NULL)
    return kind->add (self, owner, draft, error);

  owner_column = pathway_kind_owner_column (kind);
  if (owner_column != NULL)
    g_object_set (draft, owner_column->property, pathway_record_get_id (owner), NULL);
  if (!check_draft (self, kind, draft, error))
    return FALSE;

  op = op_new (OP_ADD, draft, note);
  op->owner = owner ? g_object_ref (owner) : NULL;
  /* "Add person Sam Okafor", "Add meeting SEND Improvement Board 2027-04-21" */
  what = pathway_document_record_name (self, draft);
  label = g_strdup_printf (_("Add %s %s"), kind->name, what);
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_retire (PathwayDocument *self, gpointer record, const char *note,
                         GError **error)
{
  const PathwayKind *kind;
  g_autoptr (Op) op = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  if (!writable (self, error))
    return FALSE;
  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  if (kind == NULL || kind->retired == NULL)
    return invalid (error, _("That cannot be retired."));
  if (!belongs (self, record))
    return invalid (error, _("That %s is not in this programme, or is retired already."),
                    kind->name);
  {
    g_autoptr (GPtrArray) uses = pathway_document_list_uses (self, record, error);
    g_autofree char *name = NULL;
    g_autofree char *where = NULL;

    if (uses == NULL)
      return FALSE;
    if (uses->len > 0)
      {
        name = pathway_document_record_name (self, record);
        where = pathway_document_describe_uses (self, uses);
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IN_USE,
                     _("%s is still in use (%s); reassign those first."), name, where);
        return FALSE;
      }
  }
  if (kind->retire != NULL)
    return kind->retire (self, record, note, error);

  op = op_new (OP_RETIRE, record, note);
  op->owner = owner_of (self, kind, record);
  if (op->owner != NULL)
    g_object_ref (op->owner);
  what = PATHWAY_IS_ACTION (record) ? g_strdup (_("Delete action"))
                                    : g_strdup_printf (_("Retire %s"), kind->name);
  label = label_for (self, record, what);
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_add_area (PathwayDocument *self, PathwayAreaOfWeakness *draft, GError **error)
{
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_add_person (PathwayDocument *self, PathwayPerson *draft, GError **error)
{
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_add_workstream (PathwayDocument *self, PathwayWorkstream *draft,
                                 GError **error)
{
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_add_indicator (PathwayDocument *self, PathwayIndicator *draft, GError **error)
{
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_add_board (PathwayDocument *self, PathwayBoard *draft, GError **error)
{
  return pathway_document_add (self, NULL, draft, error);
}

gboolean
pathway_document_add_meeting (PathwayDocument *self, PathwayBoard *board,
                              PathwayMeeting *draft, GError **error)
{
  return pathway_document_add (self, board, draft, error);
}

gboolean
pathway_document_add_evidence (PathwayDocument *self, PathwayAction *action,
                               PathwayEvidence *draft, GError **error)
{
  return pathway_document_add (self, action, draft, error);
}

gboolean
pathway_document_add_reading (PathwayDocument *self, PathwayIndicator *indicator,
                              PathwayReading *draft, GError **error)
{
  return pathway_document_add (self, indicator, draft, error);
}

gboolean
pathway_document_add_milestone (PathwayDocument *self, PathwayIndicator *indicator,
                                PathwayMilestone *draft, GError **error)
{
  return pathway_document_add (self, indicator, draft, error);
}

gboolean
pathway_document_add_member (PathwayDocument *self, PathwayWorkstream *workstream,
                             PathwayPerson *person, const char *role, GError **error)
{
  g_autoptr (PathwayMember) member = pathway_member_new ();

  pathway_member_set_person (member, person);
  pathway_member_set_role (member, role);
  return pathway_document_add (self, workstream, member, error);
}

static gboolean
change_link (PathwayDocument *self, PathwayWorkstream *workstream,
             PathwayAreaOfWeakness *area, gboolean linked, GError **error)
{
  g_autoptr (Op) op = NULL;
  g_autofree char *label = NULL;
  GListModel *areas;
  gboolean found = FALSE;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  if (!writable (self, error))
    return FALSE;
  if (workstream == NULL || area == NULL || !belongs (self, G_OBJECT (workstream)) ||
      !belongs (self, G_OBJECT (area)))
    return invalid (error, _("That workstream or area is not in this programme."));
  areas = pathway_workstream_get_areas (workstream);
  for (guint i = 0; i < g_list_model_get_n_items (areas) && !found; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (areas, i);

      found = item == (gpointer) area;
    }
  if (found == linked)
    return TRUE;
  op = op_new (OP_LINK, workstream, NULL);
  op->owner = g_object_ref (G_OBJECT (area));
  op->inverse = !linked;
  label = label_for (self, G_OBJECT (workstream), linked ? _("Link area") : _("Unlink area"));
  return perform (self, g_steal_pointer (&op), label, error);
}

gboolean
pathway_document_link_area (PathwayDocument *self, PathwayWorkstream *workstream,
                            PathwayAreaOfWeakness *area, GError **error)
{
  return change_link (self, workstream, area, TRUE, error);
}

gboolean
pathway_document_unlink_area (PathwayDocument *self, PathwayWorkstream *workstream,
                              PathwayAreaOfWeakness *area, GError **error)
{
  return change_link (self, workstream, area, FALSE, error);
}

/* Batches -------------------------------------------------------------------------------------- */

gboolean
pathway_document_begin_batch (PathwayDocument *self, const char *label, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  /* A batch begun inside another (a reassignment inside a merge) is a savepoint of it: it
   * commits or rolls back alone, and the outer batch stays one undo step. */
  if (self->batch != NULL)
    {
      guint mark = self->batch->ops->len;

      if (!writable (self, error) || !pathway_db_exec (self->db, "SAVEPOINT pathway_batch",
                                                       error))
        return FALSE;
      g_array_append_val (self->batch_marks, mark);
      return TRUE;
    }
  if (!writable (self, error) || !pathway_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!pathway_remote_begin (self, error))
    {
      sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  self->batch = undo_step_new (label);
  return TRUE;
}

/* Takes back in memory the batch's operations after 'mark' (the file is rolled back by the
 * caller); a record they added never reached the file, so it is not kept as retired. */
static void
unapply_batch (PathwayDocument *self, guint mark)
{
  for (guint i = self->batch->ops->len; i > mark; i--)
    {
      Op *op = g_ptr_array_index (self->batch->ops, i - 1);

      op_apply (self, op, FALSE);
      if (op->kind == OP_ADD)
        {
          _pathway_programme_remove_retired (self->programme, op->object);
          _pathway_record_set_id (op->object, 0);
        }
    }
  g_ptr_array_set_size (self->batch->ops, mark);
}

gboolean
pathway_document_commit_batch (PathwayDocument *self, GError **error)
{
  PathwayUndoStep *step;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->batch != NULL, FALSE);

  if (self->batch_marks->len > 0)
    {
      if (!pathway_db_exec (self->db, "RELEASE pathway_batch", error))
        {
          pathway_document_rollback_batch (self);
          return FALSE;
        }
      g_array_set_size (self->batch_marks, self->batch_marks->len - 1);
      return TRUE;
    }
  if (!pathway_remote_commit (self, error) || !pathway_db_exec (self->db, "COMMIT", error))
    {
      pathway_document_rollback_batch (self);
      return FALSE;
    }
  pathway_remote_end (self);
  step = g_steal_pointer (&self->batch);
  self->as_at = 0;
  if (step->ops->len == 0)
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
  if (self->batch_marks->len > 0)
    {
      guint mark = g_array_index (self->batch_marks, guint, self->batch_marks->len - 1);

      sqlite3_exec (self->db->handle, "ROLLBACK TO pathway_batch; RELEASE pathway_batch", NULL,
                    NULL, NULL);
      unapply_batch (self, mark);
      g_array_set_size (self->batch_marks, self->batch_marks->len - 1);
      return;
    }
  if (!sqlite3_get_autocommit (self->db->handle))
    sqlite3_exec (self->db->handle, "ROLLBACK", NULL, NULL, NULL);
  pathway_remote_end (self);

  /* The batch's changes already reached the model: take them back in memory, which works
   * even when the file cannot be read again (a failing disk). */
  unapply_batch (self, 0);
  step = g_steal_pointer (&self->batch);
  pathway_undo_step_free (step);
  self->as_at = 0;

  /* On a server the batch never left this copy: taking it back in memory is enough, and the
   * views and the undo history stay as they are. */
  if (self->remote != NULL)
    return;
  /* Then the file, which is the truth, is read again when it can be: the views follow the
   * new programme (notify::programme). */
  programme = pathway_document_load_programme (self, NULL);
  if (programme != NULL)
    pathway_document_replace_programme (self, programme);
  pathway_document_clear_undo (self);
}

gboolean
pathway_document_set_as_at (PathwayDocument *self, const GDate *date, GError **error)
{
  g_autoptr (GDateTime) next_day = NULL;
  GDate today, next;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->batch != NULL, FALSE);

  if (date == NULL)
    {
      self->as_at = 0;
      return TRUE;
    }
  g_return_val_if_fail (g_date_valid (date), FALSE);
  pathway_document_get_today (self, &today);
  if (g_date_compare (date, &today) > 0)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      return invalid (error, _("Changes cannot be dated %s, which is after today."), text);
    }
  /* The last second of the day by the local clock, as "as at" queries count days. */
  next = *date;
  g_date_add_days (&next, 1);
  next_day = g_date_time_new_local (g_date_get_year (&next), g_date_get_month (&next),
                                    g_date_get_day (&next), 0, 0, 0);
  self->as_at = g_date_time_to_unix (next_day) - 1;
  return TRUE;
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
  step = g_ptr_array_index (from, from->len - 1);
  /* On a server, only what is still as this person left it is taken back. */
  if (self->remote != NULL)
    for (guint i = 0; i < step->ops->len; i++)
      {
        Op *op = g_ptr_array_index (step->ops, i);

        if (op->kind != OP_SET || op->history_only)
          continue;
        if (!pathway_document_check_unchanged (self, op->object, op->pspec->name,
                                               forward ? &op->before : &op->after, error))
          return FALSE;
      }
  if (!begin (self, error))
    return FALSE;

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

/* Changed since shown ------------------------------------------------------------------------ */

gboolean
pathway_document_check_unchanged (PathwayDocument *self, gpointer record, const char *property,
                                  const GValue *shown, GError **error)
{
  const PathwayKind *kind;
  GParamSpec *pspec;
  g_auto (GValue) now = G_VALUE_INIT;
  g_autofree char *name = NULL;
  g_autofree char *now_text = NULL;
  const char *field;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_return_val_if_fail (pspec != NULL, FALSE);
  g_value_init (&now, pspec->value_type);
  g_object_get_property (record, property, &now);
  if (values_equal (pspec, &now, shown))
    return TRUE;

  kind = pathway_kind_for_type (G_OBJECT_TYPE (record));
  name = pathway_document_record_name (self, record);
  now_text = pathway_value_to_text (pspec, &now, NULL);
  field = kind ? pathway_kind_field_for_property (kind, property) : NULL;
  field = field ? field : property;
  /* Who made the value what it is: the newest change of that field in the log. */
  stmt = kind == NULL ? NULL
                      : pathway_db_prepare (self->db,
                                            "SELECT author, at FROM change_log WHERE kind = ?1"
                                            " AND record_id = ?2 AND (property = ?3 OR field = ?4)"
                                            " ORDER BY at DESC, id DESC LIMIT 1",
                                            NULL);
  if (stmt != NULL)
    {
      PathwayField log_field = field_for (record, property);

      pathway_db_bind_text (stmt, 1, kind->name);
      sqlite3_bind_int64 (stmt, 2, pathway_record_get_id (record));
      pathway_db_bind_text (stmt, 3, log_field == PATHWAY_FIELD_TEXT ? property : "-");
      sqlite3_bind_int (stmt, 4, log_field == PATHWAY_FIELD_TEXT ? -1 : (int) log_field);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr (GDateTime) at = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt,
                                                                                            1));
          g_autofree char *when = g_date_time_format (at, "%-d %B %Y %H:%M");

          g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT,
                       _("%s changed the %s of %s to “%s” on %s, after you last saw it, so "
                         "your change was not saved. It is kept here to apply again."),
                       pathway_db_column_text (stmt, 0), field, name, now_text, when);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT,
               _("Someone else changed the %s of %s to “%s” after you last saw it, so your "
                 "change was not saved. It is kept here to apply again."),
               field, name, now_text);
  return FALSE;
}
