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

  char *author;
  GDateTime *now;
  PathwayMeeting *meeting;

  GPtrArray *undo_stack; /* PathwayUndoStep*, most recent last */
  GPtrArray *redo_stack;
  PathwayUndoStep *batch; /* the open batch, or NULL */
};

/* How a property of a model class maps to a column of its table. */
typedef enum {
  PATHWAY_COLUMN_SETTABLE = 1 << 0, /* pathway_document_set_value may change it */
} PathwayColumnFlags;

typedef struct {
  const char *property;
  const char *column; /* a timescale property names the prefix of its three columns */
  PathwayColumnFlags flags;
} PathwayColumn;

typedef struct {
  GType (*get_type) (void);
  const char *table;
  const PathwayColumn *columns; /* ends with a NULL property */
} PathwayTable;

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

gint64 pathway_document_now_unix (PathwayDocument *self);
GDateTime *pathway_date_time_from_unix (gint64 seconds);

/* Tells the views that undo and redo may have changed. */
void pathway_document_notify_undo (PathwayDocument *self);
/* Replaces the programme after a rolled-back batch. */
void pathway_document_replace_programme (PathwayDocument *self, PathwayProgramme *programme);

/* Loading (pathway-document-load.c) */
PathwayProgramme *pathway_document_load_programme (PathwayDocument *self, GError **error);

/* Writing (pathway-document-write.c) */
void pathway_document_clear_undo (PathwayDocument *self);
void pathway_undo_step_free (PathwayUndoStep *step);

G_END_DECLS
