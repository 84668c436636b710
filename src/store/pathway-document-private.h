/* pathway-document-private.h: the document's insides, shared by the files that implement
 * it: pathway-document.c (open, create, lock, migrate), pathway-document-load.c (file to
 * model), pathway-document-write.c (every change, undo) and pathway-document-query.c
 * (history, as-at and monthly queries, checks). Nothing outside src/store includes it. */
#pragma once

#include "pathway-document.h"
#include "pathway-sqlite.h"

G_BEGIN_DECLS

typedef struct _PathwayUndoStep PathwayUndoStep;

struct _PathwayDocument
{
  GObject parent_instance;

  char *path;
  char *lock_path;
  gboolean wrote_lock; /* only the holder removes the side file */
  PathwayDb *db;
  PathwayProgramme *programme;

  gboolean read_only;
  char *read_only_reason;
  char *migration_backup;
  char *copy_dir; /* the folder of a read-only copy, removed at close */
  gboolean needs_upgrade; /* an older file, shown from an upgraded copy in copy_dir */
  gboolean can_upgrade;   /* ... whose file and folder can be written */
  /* The comparison of each index with its table, left from the open of a large file to idle
   * moments (pathway_document_check_step) and finished before the first write. */
  struct _PathwayDamageScan *damage_scan;
  gboolean damaged; /* damage found after the open: read-only from then on */

  char *author;
  GDateTime *now;
  PathwayMeeting *meeting;

  GPtrArray *undo_stack; /* PathwayUndoStep*, most recent last */
  GPtrArray *redo_stack;
  PathwayUndoStep *batch; /* the open batch, or NULL */
  GArray *batch_marks;    /* guint: the batch's length when each nested batch began */
  gint64 as_at;           /* inside a batch, the moment changes are dated at; 0: the clock */
  gint64 last_log_id;     /* the change log's row written last */

  /* Rolling backups (pathway-backup.c) */
  guint backup_days;
  guint backup_months;
  gint64 last_backup; /* the newest backup's time by the document's clock; 0: none known */
  gboolean backup_pending; /* the backup at open, left for later (PATHWAY_OPEN_DEFER_BACKUP) */

  /* A programme kept on a server (pathway-remote.c): the db above is its replica. */
  struct _PathwayRemote *remote;
};

/* How a property of a model class maps to a column of its table. */
typedef enum {
  PATHWAY_COLUMN_SETTABLE = 1 << 0, /* pathway_document_set_value may change it */
  PATHWAY_COLUMN_KEY = 1 << 1,      /* part of the record's name (its key), in order */
  PATHWAY_COLUMN_REQUIRED = 1 << 2, /* a record cannot be added without it */
  PATHWAY_COLUMN_OWNER = 1 << 3,    /* the id of the record this one belongs to */
  PATHWAY_COLUMN_INTERNAL = 1 << 4, /* kept by the store, not a field on the command line */
  PATHWAY_COLUMN_UNIQUE = 1 << 5,   /* no two live records of the kind share it */
  /* A link saying who it was at the time (the lead a return form went to): not a use, so it
   * neither keeps the person from being retired nor moves when their uses are reassigned. */
  PATHWAY_COLUMN_HISTORICAL = 1 << 6,
  /* A level from 1 to 5 (a risk's likelihood or impact); 0 while not assessed. */
  PATHWAY_COLUMN_LEVEL = 1 << 7,
} PathwayColumnFlags;

typedef struct {
  const char *property;
  const char *column; /* NULL: the property's name; a timescale names the prefix of three */
  PathwayColumnFlags flags;
  const char *field;  /* the field's name on the command line; NULL: the property's name */
  /* A text of links to records of this kind, by their names ("1A i, 2B iii"): each checked to
   * name a live record and written as its name (pathway-document-fields.c). */
  const char *links;
} PathwayColumn;

typedef void (*PathwayAttachFunc) (PathwayProgramme *programme, gpointer owner,
                                   gpointer record, gboolean present);

/* One kind of record, described once: the write, undo, history, "as at", loading and the
 * command line work from this, not from code per type. See pathway-kinds.c. */
struct _PathwayKind {
  const char *name;           /* "person": the command line's and the change log's word */
  GType (*get_type) (void);
  const char *table;
  const PathwayColumn *columns; /* ends with a NULL property */
  const char *retired;        /* the column that is 1 while retired; NULL: never retired */
  const char *owner;          /* the kind this one belongs to; NULL: the programme */
  const char *order;          /* ORDER BY for loading and listing */
  gboolean loaded;            /* kept in the model; otherwise read when shown */
  /* Puts a loaded record into (present) or takes it out of its owner's lists. */
  PathwayAttachFunc attach;
  /* Optional: adds a draft when adding is more than a row (an action, a revision). */
  gboolean (*add) (PathwayDocument *self, gpointer owner, gpointer draft, GError **error);
  /* Optional: writes what a new record starts with beyond its row, after it is inserted. */
  gboolean (*created) (PathwayDocument *self, gpointer record, GError **error);
  /* Optional: retires a record when retiring is more than a flag (a revision). */
  gboolean (*retire) (PathwayDocument *self, gpointer record, const char *note,
                      GError **error);
};

typedef struct _PathwayKind PathwayTable;

const PathwayKind *pathway_kind_for_type (GType type);
const PathwayKind *const *pathway_kinds_all (guint *n_kinds);
const PathwayColumn *pathway_kind_column (const PathwayKind *kind, const char *property);
const PathwayColumn *pathway_kind_owner_column (const PathwayKind *kind);
/* The column of a command-line field name, or NULL. */
const PathwayColumn *pathway_kind_field_column (const PathwayKind *kind, const char *field);
const char *pathway_column_field (const PathwayColumn *column);

const PathwayTable *pathway_document_table_for (GType type);
/* "a, b, c_text, c_date, c_precision" for a table's columns. */
char *pathway_document_column_list (const PathwayTable *table);
/* Binds the value of 'pspec' at 'index' (a timescale takes three); returns the next index. */
int pathway_document_bind_value (sqlite3_stmt *stmt, int index, GParamSpec *pspec,
                                 const GValue *value);
/* Reads a column into 'value' (initialised to the pspec's type); returns the next column. */
int pathway_document_column_value (PathwayDocument *self, sqlite3_stmt *stmt, int column,
                                   GParamSpec *pspec, GValue *value);
/* Sets every column property of 'object' from a row that starts with its columns. */
int pathway_document_fill_object (PathwayDocument *self, GObject *object,
                                  const PathwayTable *table, sqlite3_stmt *stmt, int column);

/* A value as the change log and the command line write it: text as written, an enum's nick,
 * a date as YYYY-MM-DD, a number, a linked record's name (and its id in *ref). */
char *pathway_value_to_text (GParamSpec *pspec, const GValue *value, gint64 *ref);
/* A record's name: its key fields, an owned record's owner's name first ("B Beth Kowalski"). */
char *pathway_document_record_name (PathwayDocument *self, gpointer record);
/* The record of 'type' with 'id', live or retired, loaded or read from its table. */
gpointer pathway_document_lookup (PathwayDocument *self, GType type, gint64 id);

gint64 pathway_document_now_unix (PathwayDocument *self);
/* The document's clock, whatever moment changes are being dated at. */
gint64 pathway_document_clock_unix (PathwayDocument *self);
GDateTime *pathway_date_time_from_unix (gint64 seconds);

/* Tells the views that undo and redo may have changed. */
void pathway_document_notify_undo (PathwayDocument *self);
/* Replaces the programme after a rolled-back batch. */
void pathway_document_replace_programme (PathwayDocument *self, PathwayProgramme *programme);

/* Backups (pathway-backup.c): at open, when the file changed since the newest backup; after a
 * write, when the newest is over a day old. Failures are logged, never in anyone's way. */
void pathway_document_backup_at_open (PathwayDocument *self);
void pathway_document_backup_after_write (PathwayDocument *self);

/* Loading (pathway-document-load.c) */
PathwayProgramme *pathway_document_load_programme (PathwayDocument *self, GError **error);

/* Writing (pathway-document-write.c) */
gboolean pathway_document_add_action_draft (PathwayDocument *self, gpointer owner,
                                            gpointer draft, GError **error);
gboolean pathway_document_action_created (PathwayDocument *self, gpointer action,
                                          GError **error);
gboolean pathway_document_add_revision_draft (PathwayDocument *self, gpointer action,
                                              gpointer draft, GError **error);
gboolean pathway_document_withdraw_revision (PathwayDocument *self, gpointer revision,
                                             const char *note, GError **error);
/* What set_value checks of a value (and repairs in it), without writing. */
gboolean pathway_document_check_set (PathwayDocument *self, gpointer object,
                                     const char *property, GValue *value, GError **error);
/* The value of a field of 'pspec' read from text (the command line's, or the change log's
 * with its linked record's id in 'ref' when not 0). */
gboolean pathway_document_parse_value (PathwayDocument *self, GParamSpec *pspec,
                                       const char *field, const char *text, gint64 ref,
                                       GValue *value, GError **error);
/* One object of 'type' per row of its table matching "WHERE <where> ORDER BY <order>", with
 * ?1 bound to 'id'. */
GListModel *pathway_document_query_objects (PathwayDocument *self, GType type,
                                            const char *where, gint64 id, const char *order,
                                            GError **error);
void pathway_document_clear_undo (PathwayDocument *self);
void pathway_undo_step_free (PathwayUndoStep *step);

/* Damage found outside the open (in a backup copy): the document becomes read-only with the
 * damaged file's message as its reason, and the file is kept aside. */
void pathway_document_mark_damaged (PathwayDocument *self, const GError *found);

/* The remote store (pathway-remote.c); each is a no-op returning TRUE for a file. Called by
 * the write code as a top-level transaction begins (reserves record ids), before it commits
 * (sends the transaction to the server, which may refuse it) and after it ends. */
gboolean pathway_remote_begin (PathwayDocument *self, GError **error);
gboolean pathway_remote_commit (PathwayDocument *self, GError **error);
void pathway_remote_end (PathwayDocument *self);
void pathway_remote_close (PathwayDocument *self);
/* Signals and properties of the document the remote store emits. */
void pathway_document_emit_remote_change (PathwayDocument *self, const char *author,
                                          const char *summary, guint n_changes);
void pathway_document_notify_connection (PathwayDocument *self);
/* The document a remote open fills in (pathway-document.c). */
PathwayDocument *pathway_document_new_for_remote (const char *display);
void pathway_document_set_read_only_reason (PathwayDocument *self, const char *reason);

G_END_DECLS

