/* pathway-damage.c: damage found before it is written over, the damaged file kept aside, and
 * salvage into a new file.
 *
 * Why more than quick_check: quick_check walks every page's structure but never compares an
 * index with its table, and Pathway's queries read values from covering indexes (the history
 * by field, for one), so a flipped byte in an index makes an Amber action print as "Not rated"
 * while the file "passes". integrity_check compares them, but reads the whole file several
 * times over; on a large file the open instead compares each index with its table through a
 * digest of every entry's values, one pass over each. */
#define G_LOG_DOMAIN "pathway-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pathway-backup.h"
#include "pathway-damage.h"
#include "pathway-document.h"
#include "pathway-error.h"

/* Lines of integrity_check output read: enough to tell index damage from worse. */
#define MAX_REPORTED 100

/* The digest ------------------------------------------------------------------------------ */

static guint32
fnv1a (guint32 hash, const guint8 *bytes, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      hash ^= bytes[i];
      hash *= 16777619u;
    }
  return hash;
}

/* A 32-bit digest of a row's values with their types. The sums of the digests of an index's
 * entries and of its table's rows agree when the two hold the same. */
static guint32
row_digest (sqlite3_stmt *stmt)
{
  guint32 hash = 2166136261u;
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      int type = sqlite3_column_type (stmt, i);
      guint8 tag = (guint8) type;

      hash = fnv1a (hash, &tag, 1);
      if (type == SQLITE_INTEGER)
        {
          gint64 value = sqlite3_column_int64 (stmt, i);

          hash = fnv1a (hash, (const guint8 *) &value, sizeof value);
        }
      else if (type == SQLITE_FLOAT)
        {
          double value = sqlite3_column_double (stmt, i);

          hash = fnv1a (hash, (const guint8 *) &value, sizeof value);
        }
      else if (type == SQLITE_TEXT || type == SQLITE_BLOB)
        {
          const guint8 *bytes = type == SQLITE_TEXT ? sqlite3_column_text (stmt, i)
                                                    : sqlite3_column_blob (stmt, i);

          hash = fnv1a (hash, bytes, (gsize) sqlite3_column_bytes (stmt, i));
        }
    }
  return hash;
}

/* Steps 'stmt' while it gives rows; '*rc' holds the prepare's result at first and the last
 * step's after, SQLITE_DONE when every row was read. */
static gboolean
next_row (sqlite3_stmt *stmt, int *rc)
{
  if (*rc != SQLITE_OK && *rc != SQLITE_ROW)
    return FALSE;
  *rc = sqlite3_step (stmt);
  return *rc == SQLITE_ROW;
}

/* Messages --------------------------------------------------------------------------------- */

/* 'detail' is SQLite's report, or NULL when only indexes were found not to agree with their
 * tables. */
static void
set_damaged (GError **error, const char *path, const char *detail)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *shown = g_strdup (detail);

  if (detail == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                   _("“%s” is damaged: its indexes no longer agree with its records, so lists, "
                     "charts and the board pack could show wrong values."), name);
      return;
    }
  /* SQLite's report spans lines; the message is one line, and its start says enough. */
  g_strdelimit (shown, "\n\r\t", ' ');
  if (g_utf8_strlen (shown, -1) > 120)
    {
      char *cut = g_utf8_offset_to_pointer (shown, 117);

      strcpy (cut, "...");
    }
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
               _("“%s” is damaged: parts of it cannot be read (%s)."), name, shown);
}

/* Reads the lines of integrity_check or quick_check into 'lines'; TRUE when it ran. */
static gboolean
run_check (sqlite3 *db, const char *pragma, GPtrArray *lines, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s(%d)", pragma, MAX_REPORTED);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (next_row (stmt, &rc))
    g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, db, rc, _("checking the file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
lines_ok (GPtrArray *lines)
{
  return lines->len == 1 && g_str_equal (g_ptr_array_index (lines, 0), "ok");
}

/* Whether every problem integrity_check reported is an index's alone, which REINDEX
 * rebuilds from the tables. */
static gboolean
only_index_damage (GPtrArray *lines)
{
  if (lines->len == 0 || lines_ok (lines))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (!(g_str_has_prefix (line, "row ") && strstr (line, " missing from index ") != NULL) &&
          !g_str_has_prefix (line, "wrong # of entries in index ") &&
          !g_str_has_prefix (line, "non-unique entry in index "))
        return FALSE;
    }
  return TRUE;
}

/* Index against table -------------------------------------------------------------------- */

typedef struct {
  char *name;
  char *table;
  char *where;   /* a partial index's condition, or "1" */
  GString *columns;
} IndexInfo;

static void
index_info_free (IndexInfo *info)
{
  g_free (info->name);
  g_free (info->table);
  g_free (info->where);
  g_string_free (info->columns, TRUE);
  g_free (info);
}

static char *
quote_identifier (const char *name)
{
  g_autoptr (GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* A partial index's WHERE clause, from its CREATE INDEX text. */
static char *
partial_condition (const char *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);
  const char *where = g_strrstr (lower, " where ");

  if (where == NULL)
    return g_strdup ("1");
  return g_strdup (sql + (where - lower) + strlen (" where "));
}

/* The indexes of plain columns (an index on an expression is left to integrity_check). */
static GPtrArray *
list_indexes (sqlite3 *db, GError **error)
{
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) index_info_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name, tbl_name, sql FROM sqlite_schema"
                           " WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
                           -1, &stmt, NULL);
  while (next_row (stmt, &rc))
    {
      IndexInfo *info = g_new0 (IndexInfo, 1);

      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->table = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->where = partial_condition ((const char *) sqlite3_column_text (stmt, 2));
      info->columns = g_string_new ("rowid");
      g_ptr_array_add (indexes, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pathway_db_set_error (error, db, rc, _("checking the file"));
      return NULL;
    }

  for (guint i = 0; i < indexes->len; i++)
    {
      IndexInfo *info = g_ptr_array_index (indexes, i);
      char *sql = sqlite3_mprintf ("SELECT name FROM pragma_index_info(%Q)", info->name);
      gboolean expression = FALSE;

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      sqlite3_free (sql);
      while (next_row (stmt, &rc))
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *quoted = NULL;

          if (column == NULL)
            {
              expression = TRUE;
              continue;
            }
          quoted = quote_identifier (column);
          g_string_append_printf (info->columns, ", %s", quoted);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          pathway_db_set_error (error, db, rc, _("checking the file"));
          return NULL;
        }
      if (expression)
        g_ptr_array_remove_index (indexes, i--);
    }
  return g_steal_pointer (&indexes);
}

/* The scan: each index read through itself and its table read without it, a few rows at a
 * time, so that an open can leave it to idle moments and finish it before the first write. */
typedef struct {
  IndexInfo *index;
  sqlite3_stmt *stmt;
  gint64 count;
  gint64 sum;
} ScanPart;

struct _PathwayDamageScan {
  sqlite3 *db;
  char *path;
  GPtrArray *indexes; /* IndexInfo */
  GArray *parts;      /* ScanPart: through the index, then through the table, per index */
  guint current;
  char *problem;      /* the first index found not to agree, once the scan is done */
};

void
pathway_damage_scan_free (PathwayDamageScan *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; self->parts != NULL && i < self->parts->len; i++)
    sqlite3_finalize (g_array_index (self->parts, ScanPart, i).stmt);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->indexes, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->problem);
  g_free (self);
}

static PathwayDamageScan *
scan_new (sqlite3 *db, const char *path, GError **error)
{
  g_autoptr (PathwayDamageScan) self = g_new0 (PathwayDamageScan, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->indexes = list_indexes (db, error);
  if (self->indexes == NULL)
    return NULL;
  self->parts = g_array_new (FALSE, TRUE, sizeof (ScanPart));
  for (guint i = 0; i < self->indexes->len; i++)
    {
      IndexInfo *info = g_ptr_array_index (self->indexes, i);
      g_autofree char *table = quote_identifier (info->table);
      g_autofree char *index = quote_identifier (info->name);

      for (int through_index = 1; through_index >= 0; through_index--)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s %s%s WHERE %s",
                                                  info->columns->str, table,
                                                  through_index ? "INDEXED BY " : "NOT INDEXED",
                                                  through_index ? index : "", info->where);
          ScanPart part = { info, NULL, 0, 0 };
          int rc = sqlite3_prepare_v2 (db, sql, -1, &part.stmt, NULL);

          g_array_append_val (self->parts, part);
          if (rc != SQLITE_OK)
            {
              pathway_db_set_error (error, db, rc, _("checking the file"));
              return NULL;
            }
        }
    }
  return g_steal_pointer (&self);
}

gboolean
pathway_damage_scan_step (PathwayDamageScan *self, guint max_rows, gboolean *done,
                          GError **error)
{
  guint rows = 0;

  *done = FALSE;
  while (self->current < self->parts->len && rows < max_rows)
    {
      ScanPart *part = &g_array_index (self->parts, ScanPart, self->current);
      int rc;

      while (rows < max_rows && (rc = sqlite3_step (part->stmt)) == SQLITE_ROW)
        {
          part->count++;
          part->sum += row_digest (part->stmt);
          rows++;
        }
      if (rows >= max_rows)
        break;
      if (rc != SQLITE_DONE)
        {
          /* A page that cannot be read is damage too. */
          if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
            {
              g_autofree char *name = g_filename_display_basename (self->path);

              g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                           _("“%s” is damaged: parts of it cannot be read."), name);
            }
          else
            pathway_db_set_error (error, self->db, rc, _("checking the file"));
          return FALSE;
        }
      sqlite3_reset (part->stmt);
      /* Both halves of an index read: they must agree. */
      if (self->current % 2 == 1)
        {
          ScanPart *through_index = part - 1;

          if (through_index->count != part->count || through_index->sum != part->sum)
            {
              set_damaged (error, self->path, NULL);
              return FALSE;
            }
        }
      self->current++;
    }
  *done = self->current >= self->parts->len;
  return TRUE;
}

/* PATHWAY_FULL_CHECK_BYTES replaces the size limit, so the tests can take a small file down
 * the large file's path. */
static gint64
full_check_bytes (void)
{
  const char *limit = g_getenv ("PATHWAY_FULL_CHECK_BYTES");

  return limit != NULL ? g_ascii_strtoll (limit, NULL, 10) : PATHWAY_DAMAGE_FULL_CHECK_BYTES;
}

gboolean
pathway_damage_check (PathwayDb *db, const char *path, PathwayDamageCheck how,
                      PathwayDamageScan **deferred, GError **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PathwayDamageScan) scan = NULL;
  gint64 pages, page_size;
  gboolean full, done = FALSE;

  if (deferred != NULL)
    *deferred = NULL;
  pages = pathway_db_query_int (db, "PRAGMA page_count", &local_error);
  if (local_error == NULL)
    page_size = pathway_db_query_int (db, "PRAGMA page_size", &local_error);
  if (local_error != NULL)
    goto failed;

  full = how == PATHWAY_DAMAGE_CHECK_FULL ||
         (how == PATHWAY_DAMAGE_CHECK_AUTO && pages * page_size <= full_check_bytes ());
  if (!run_check (db->handle, full ? "integrity_check" : "quick_check", lines, &local_error))
    goto failed;
  if (!lines_ok (lines))
    {
      g_autofree char *joined = NULL;

      gboolean indexes = only_index_damage (lines);

      g_ptr_array_add (lines, NULL);
      joined = g_strjoinv ("; ", (char **) lines->pdata);
      set_damaged (error, path, indexes ? NULL : joined);
      return FALSE;
    }
  if (full)
    return TRUE;

  scan = scan_new (db->handle, path, &local_error);
  if (scan == NULL)
    goto failed;
  if (how == PATHWAY_DAMAGE_CHECK_AUTO && deferred != NULL)
    {
      *deferred = g_steal_pointer (&scan);
      return TRUE;
    }
  while (!done)
    if (!pathway_damage_scan_step (scan, G_MAXUINT, &done, error))
      return FALSE;
  return TRUE;

failed:
  if (g_error_matches (local_error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                   _("“%s” is damaged: parts of it cannot be read."), name);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
pathway_document_check_file (const char *path, gboolean full, GError **error)
{
  g_autoptr (PathwayDb) db = NULL;
  sqlite3 *handle = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, handle, rc, _("checking the file"));
      sqlite3_close_v2 (handle);
      return FALSE;
    }
  db = pathway_db_new (handle);
  /* Without a document to defer to, the index scan runs now. */
  return pathway_damage_check (db, path,
                               full ? PATHWAY_DAMAGE_CHECK_FULL : PATHWAY_DAMAGE_CHECK_AUTO,
                               NULL, error);
}

/* Keeping the damaged file aside ----------------------------------------------------------- */

/* Copies 'from' to a new file 'to' (O_EXCL) and syncs it; removes it on failure. */
static gboolean
copy_to_new_file (const char *from, const char *to, GError **error)
{
  g_autofree char *name = g_filename_display_basename (to);
  char buffer[64 * 1024];
  gboolean ok = TRUE;
  int saved = 0;
  int in, out;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      g_autofree char *from_name = g_filename_display_basename (from);

      saved = errno;
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO, _("Could not read “%s”: %s"),
                   from_name, g_strerror (saved));
      return FALSE;
    }
  out = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (out < 0)
    {
      saved = errno;
      close (in);
      g_set_error (error, PATHWAY_ERROR, saved == EEXIST ? PATHWAY_ERROR_EXISTS : PATHWAY_ERROR_IO,
                   saved == EEXIST ? _("“%s” already exists; choose another name.")
                                   : _("Could not create “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  while (ok)
    {
      gssize n = read (in, buffer, sizeof buffer);
      gssize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = n == 0;
          saved = errno;
          break;
        }
      while (ok && done < n)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          ok = w > 0;
          saved = errno;
          done += MAX (w, 0);
        }
    }
  if (ok && fsync (out) != 0)
    {
      ok = FALSE;
      saved = errno;
    }
  close (in);
  if (close (out) != 0 && ok)
    {
      ok = FALSE;
      saved = errno;
    }
  if (!ok)
    {
      g_unlink (to);
      g_set_error (error, PATHWAY_ERROR,
                   saved == ENOSPC ? PATHWAY_ERROR_DISK_FULL : PATHWAY_ERROR_IO,
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
    }
  return ok;
}

char *
pathway_damage_keep_aside (const char *path)
{
  g_autofree char *folder = pathway_backup_folder_for (path);
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  g_autofree char *stamp = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_journal = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return NULL;
  when = g_date_time_new_from_unix_local (info.st_mtim.tv_sec);
  stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");
  copy = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "damaged-%s.pathway", folder, stamp);
  copy_journal = g_strdup_printf ("%s-journal", copy);

  /* Once per state of the file: opening it again keeps no second copy. */
  if (g_file_test (copy, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&copy);
  if (g_mkdir_with_parents (folder, 0777) != 0 ||
      !copy_to_new_file (path, copy, &error) ||
      (g_file_test (journal, G_FILE_TEST_EXISTS) &&
       !copy_to_new_file (journal, copy_journal, &error)))
    {
      g_debug ("Could not keep a copy of damaged %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
      g_unlink (copy);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Salvage ---------------------------------------------------------------------------------- */

void
pathway_salvage_clear (PathwaySalvage *salvage)
{
  g_clear_pointer (&salvage->summary, g_free);
}

/* What the user calls the rows of each table. */
static const char *
table_words (const char *table)
{
  static const struct { const char *table; const char *words; } names[] = {
    { "action", N_("actions") },
    { "action_update", N_("history entries") },
    { "change_log", N_("history entries") },
    { "timescale_revision", N_("timescale revisions") },
    { "evidence", N_("evidence records") },
    { "indicator", N_("indicators") },
    { "reading", N_("readings") },
    { "milestone", N_("milestones") },
    { "person", N_("people") },
    { "workstream", N_("workstreams") },
    { "member", N_("workstream members") },
    { "area", N_("areas of weakness") },
    { "workstream_area", N_("links between workstreams and areas") },
    { "board", N_("boards") },
    { "meeting", N_("meetings") },
    { "return_form", N_("return forms") },
    { "risk", N_("risks and issues") },
    { "coproduction", N_("“you said, we did” entries") },
    { "publication", N_("publications") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].table, table))
      return _(names[i].words);
  return table;
}

typedef struct {
  sqlite3 *from;
  sqlite3 *to;
  guint64 kept;
  guint64 lost;
  GHashTable *lost_by_table; /* table -> count, as GUINT_TO_POINTER */
} Salvager;

static void
add_lost (Salvager *self, const char *table, guint64 n)
{
  if (n == 0)
    return;
  self->lost += n;
  g_hash_table_insert (self->lost_by_table, g_strdup (table),
                       GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (self->lost_by_table,
                                                                                table)) + n));
}

static gboolean
exec_or_fail (sqlite3 *db, const char *sql, const char *doing, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* The number of rows the table held, as well as the file still tells: the largest count
 * through any of its indexes that can be read, or -1. */
static gint64
expected_rows (sqlite3 *db, const char *table)
{
  g_autofree char *quoted = quote_identifier (table);
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 best = -1;
  char *sql;

  sql = sqlite3_mprintf ("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
                         " AND tbl_name = %Q AND sql NOT LIKE '%% WHERE %%'", table);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_free (sql);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *index = quote_identifier (g_ptr_array_index (names, i));
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s INDEXED BY %s", quoted,
                                                index);

      if (sqlite3_prepare_v2 (db, count, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        best = MAX (best, sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return best;
}

/* Whether a row at or after 'rowid' can be read; sets 'found' to the first one. */
static gboolean
probe (sqlite3 *db, const char *quoted, gint64 rowid, gint64 *found, gboolean *end)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM %s NOT INDEXED WHERE rowid >= ?"
                                          " ORDER BY rowid LIMIT 1", quoted);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *end = FALSE;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *found = sqlite3_column_int64 (stmt, 0);
      *end = rc == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Copies the rows of one table that can be read, in rowid order. Where reading fails, it
 * jumps ahead (1, 2, 4, ... rows) until a row can be read again, then steps back to the first
 * readable one, so one damaged page costs the rows on it and no more. */
static gboolean
copy_table (Salvager *self, const char *table, GError **error)
{
  g_autofree char *quoted = quote_identifier (table);
  g_autofree char *select = g_strdup_printf ("SELECT rowid, * FROM %s NOT INDEXED"
                                             " WHERE rowid >= ? ORDER BY rowid", quoted);
  g_autofree char *insert = NULL;
  sqlite3_stmt *read = NULL, *write = NULL;
  gint64 expected = expected_rows (self->from, table);
  gint64 next = G_MININT64;
  guint64 kept = 0;
  gboolean damaged = FALSE, without_rowid = FALSE;
  int n_columns, rc;

  rc = sqlite3_prepare_v2 (self->from, select, -1, &read, NULL);
  if (rc != SQLITE_OK)
    {
      /* A table WITHOUT ROWID (the rating scheme, links) has no rowid to step over damage
       * by: it is read in one go, the rows after any damage lost. */
      g_free (select);
      select = g_strdup_printf ("SELECT 0, * FROM %s WHERE ?1 IS NOT NULL", quoted);
      without_rowid = TRUE;
      rc = sqlite3_prepare_v2 (self->from, select, -1, &read, NULL);
    }
  if (rc != SQLITE_OK)
    {
      /* The table's root cannot be read at all. */
      add_lost (self, table, MAX (expected, 1));
      return TRUE;
    }
  n_columns = sqlite3_column_count (read);
  {
    g_autoptr (GString) sql = g_string_new (NULL);

    g_string_append_printf (sql, "INSERT INTO %s VALUES (", quoted);
    for (int i = 1; i < n_columns; i++)
      g_string_append (sql, i > 1 ? ", ?" : "?");
    g_string_append (sql, ")");
    insert = g_string_free (g_steal_pointer (&sql), FALSE);
  }
  /* A rowid table's own id column is its rowid, so the rows keep their ids. */
  if (sqlite3_prepare_v2 (self->to, insert, -1, &write, NULL) != SQLITE_OK)
    {
      pathway_db_set_error (error, self->to, sqlite3_errcode (self->to), _("salvaging"));
      sqlite3_finalize (read);
      return FALSE;
    }

  for (;;)
    {
      gint64 last = next;

      sqlite3_reset (read);
      sqlite3_bind_int64 (read, 1, next);
      while ((rc = sqlite3_step (read)) == SQLITE_ROW)
        {
          last = sqlite3_column_int64 (read, 0);
          for (int i = 1; i < n_columns; i++)
            sqlite3_bind_value (write, i, sqlite3_column_value (read, i));
          if (sqlite3_step (write) != SQLITE_DONE)
            {
              pathway_db_set_error (error, self->to, sqlite3_errcode (self->to), _("salvaging"));
              sqlite3_finalize (read);
              sqlite3_finalize (write);
              return FALSE;
            }
          sqlite3_reset (write);
          kept++;
        }
      if (rc == SQLITE_DONE)
        break;

      /* Damage after 'last': find where the rows can be read again. */
      damaged = TRUE;
      if (without_rowid)
        break;
      {
        gint64 from = last == G_MININT64 ? 0 : last + 1;
        gint64 step = 1, found = 0;
        gboolean end = FALSE, resumed = FALSE;

        while (step > 0 && step < G_MAXINT64 / 4)
          {
            if (probe (self->from, quoted, from + step, &found, &end))
              {
                resumed = !end;
                break;
              }
            step *= 2;
          }
        if (!resumed)
          break;
        /* Back to the first start the rows can be read from (the probes before 'step'
         * failed). Each start found returns a row first, so the copy always moves on. */
        {
          gint64 low = from + step / 2 + 1, high = from + step;

          while (low < high)
            {
              gint64 middle = low + (high - low) / 2, at = 0;
              gboolean stop = FALSE;

              if (probe (self->from, quoted, middle, &at, &stop) && !stop)
                high = middle;
              else
                low = middle + 1;
            }
          next = high;
        }
      }
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  self->kept += kept;
  if (expected >= 0 && (guint64) expected > kept)
    add_lost (self, table, (guint64) expected - kept);
  else if (damaged)
    /* The file no longer says how many there were; at least one row was on the damage. */
    add_lost (self, table, 1);
  return TRUE;
}

static gboolean
cannot_salvage (GError **error)
{
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
               _("Nothing could be salvaged: the part of the file that lists what it holds "
                 "cannot be read. Restore the programme from one of its backups."));
  return FALSE;
}

/* Drops rows whose parent was lost, until none is left, counting them. */
static gboolean
drop_orphans (Salvager *self, GError **error)
{
  for (;;)
    {
      g_autoptr (GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->to, "SELECT \"table\", rowid FROM pragma_foreign_key_check",
                               -1, &stmt, NULL);
      while (next_row (stmt, &rc))
        {
          g_autofree char *quoted = quote_identifier ((const char *) sqlite3_column_text (stmt, 0));

          add_lost (self, (const char *) sqlite3_column_text (stmt, 0), 1);
          g_ptr_array_add (doomed, g_strdup_printf ("DELETE FROM %s WHERE rowid = %" G_GINT64_FORMAT,
                                                    quoted,
                                                    (gint64) sqlite3_column_int64 (stmt, 1)));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          pathway_db_set_error (error, self->to, rc, _("salvaging"));
          return FALSE;
        }
      if (doomed->len == 0)
        return TRUE;
      for (guint i = 0; i < doomed->len; i++)
        if (!exec_or_fail (self->to, g_ptr_array_index (doomed, i), _("salvaging"), error))
          return FALSE;
      self->kept -= MIN (self->kept, doomed->len);
    }
}

/* Copies the schema, then every table's readable rows, then builds the indexes. */
static gboolean
copy_tables (Salvager *self, GError **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) later = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!exec_or_fail (self->to, "PRAGMA foreign_keys = OFF; BEGIN", _("salvaging"), error))
    return FALSE;
  rc = sqlite3_prepare_v2 (self->from,
                           "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                           " AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid",
                           -1, &stmt, NULL);
  while (next_row (stmt, &rc))
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (g_str_equal (type, "table"))
        {
          if (!exec_or_fail (self->to, sql, _("salvaging"), error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      else
        g_ptr_array_add (later, g_strdup (sql));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cannot_salvage (error);

  for (guint i = 0; i < tables->len; i++)
    if (!copy_table (self, g_ptr_array_index (tables, i), error))
      return FALSE;
  if (!drop_orphans (self, error))
    return FALSE;
  for (guint i = 0; i < later->len; i++)
    if (!exec_or_fail (self->to, g_ptr_array_index (later, i), _("rebuilding the indexes"), error))
      return FALSE;
  return exec_or_fail (self->to, "COMMIT", _("salvaging"), error);
}

static char *
describe_losses (Salvager *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GList) tables = g_hash_table_get_keys (self->lost_by_table);

  tables = g_list_sort (tables, (GCompareFunc) g_strcmp0);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%" G_GUINT64_FORMAT " row could not be read and is lost",
                                       "%" G_GUINT64_FORMAT " rows could not be read and are lost",
                                       self->lost),
                          self->lost);
  g_string_append (text, " (");
  for (GList *l = tables; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%" G_GSIZE_FORMAT " %s", l == tables ? "" : ", ",
                            GPOINTER_TO_SIZE (g_hash_table_lookup (self->lost_by_table, l->data)),
                            table_words (l->data));
  g_string_append (text, ").");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
copy_header_values (sqlite3 *from, sqlite3 *to, GError **error)
{
  static const char *const pragmas[] = { "application_id", "user_version" };

  for (gsize i = 0; i < G_N_ELEMENTS (pragmas); i++)
    {
      g_autofree char *read = g_strdup_printf ("PRAGMA %s", pragmas[i]);
      g_autofree char *write = NULL;
      sqlite3_stmt *stmt = NULL;
      gint64 value = 0;
      int rc;

      rc = sqlite3_prepare_v2 (from, read, -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        return cannot_salvage (error);
      write = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, pragmas[i], value);
      if (!exec_or_fail (to, write, _("salvaging"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
open_plain (const char *path, int flags, sqlite3 **db, GError **error)
{
  int rc = sqlite3_open_v2 (path, db, flags | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      pathway_db_set_error (error, *db, rc, _("salvaging"));
      sqlite3_close_v2 (*db);
      *db = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
pathway_document_salvage (const char *path, const char *new_path, PathwaySalvage *salvage,
                          GError **error)
{
  g_autofree char *journal = g_strdup_printf ("%s-journal", path);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *work = NULL;
  g_autofree char *work_journal = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PathwayDocument) check = NULL;
  Salvager self = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (new_path != NULL, FALSE);
  g_return_val_if_fail (salvage != NULL, FALSE);

  memset (salvage, 0, sizeof *salvage);
  name = g_filename_display_basename (new_path);
  if (g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS,
                   _("“%s” already exists; choose another name."), name);
      return FALSE;
    }
  /* The damaged file is only ever read, through a copy of its own, so that SQLite may roll
   * back a journal and rebuild indexes without touching it. */
  folder = g_path_get_dirname (new_path);
  work = g_build_filename (folder, ".salvage-XXXXXX", NULL);
  {
    int fd = g_mkstemp_full (work, O_RDWR | O_CLOEXEC, 0666);

    if (fd < 0)
      {
        int saved = errno;

        g_set_error (error, PATHWAY_ERROR, saved == ENOSPC ? PATHWAY_ERROR_DISK_FULL
                                                           : PATHWAY_ERROR_IO,
                     _("Could not create a file in the folder of “%s”: %s"), name,
                     g_strerror (saved));
        return FALSE;
      }
    close (fd);
    g_unlink (work);
  }
  work_journal = g_strdup_printf ("%s-journal", work);
  if (!copy_to_new_file (path, work, error) ||
      (g_file_test (journal, G_FILE_TEST_EXISTS) &&
       !copy_to_new_file (journal, work_journal, error)))
    goto out;

  self.lost_by_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!open_plain (work, SQLITE_OPEN_READWRITE, &self.from, error))
    goto out;
  sqlite3_exec (self.from, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);

  /* Where only indexes disagree with their tables, rebuilding them loses nothing. */
  if (run_check (self.from, "integrity_check", lines, NULL) && only_index_damage (lines))
    {
      g_ptr_array_set_size (lines, 0);
      if (exec_or_fail (self.from, "REINDEX", _("rebuilding the indexes"), NULL) &&
          run_check (self.from, "integrity_check", lines, NULL) && lines_ok (lines))
        {
          sqlite3_close_v2 (self.from);
          self.from = NULL;
          if (g_rename (work, new_path) != 0)
            {
              int saved = errno;

              g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO, _("Could not write “%s”: %s"),
                           name, g_strerror (saved));
              goto out;
            }
          salvage->indexes_only = TRUE;
          salvage->rows_lost = 0;
          salvage->summary = g_strdup (_("Only the file's indexes were damaged; they were "
                                         "rebuilt from its records, and nothing was lost."));
          ok = TRUE;
          goto verify;
        }
    }

  /* Otherwise, table by table into a new file. */
  {
    g_autofree char *target = g_build_filename (folder, ".salvage-XXXXXX", NULL);
    int fd = g_mkstemp_full (target, O_RDWR | O_CLOEXEC, 0666);

    if (fd < 0)
      {
        int saved = errno;

        g_set_error (error, PATHWAY_ERROR, saved == ENOSPC ? PATHWAY_ERROR_DISK_FULL
                                                           : PATHWAY_ERROR_IO,
                     _("Could not create a file in the folder of “%s”: %s"), name,
                     g_strerror (saved));
        goto out;
      }
    close (fd);
    if (!open_plain (target, SQLITE_OPEN_READWRITE, &self.to, error) ||
        !copy_header_values (self.from, self.to, error) ||
        !copy_tables (&self, error))
      {
        sqlite3_close_v2 (self.to);
        self.to = NULL;
        g_unlink (target);
        goto out;
      }
    g_ptr_array_set_size (lines, 0);
    if (!run_check (self.to, "integrity_check", lines, error) || !lines_ok (lines))
      {
        if (error != NULL && *error == NULL)
          g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED,
                       _("What could be read of the file does not make a whole programme."));
        sqlite3_close_v2 (self.to);
        self.to = NULL;
        g_unlink (target);
        goto out;
      }
    sqlite3_close_v2 (self.to);
    self.to = NULL;
    if (g_rename (target, new_path) != 0)
      {
        int saved = errno;

        g_unlink (target);
        g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO, _("Could not write “%s”: %s"), name,
                     g_strerror (saved));
        goto out;
      }
    salvage->rows_kept = self.kept;
    salvage->rows_lost = self.lost;
    salvage->summary = self.lost == 0
                         ? g_strdup (_("Every row could be read; nothing was lost."))
                         : describe_losses (&self);
    ok = TRUE;
  }

verify:
  /* Opened once as the app would open it, so a salvaged file that exists is one that works. */
  check = pathway_document_open (new_path, PATHWAY_OPEN_READ_ONLY | PATHWAY_OPEN_NO_BACKUP,
                                 &local_error);
  if (check == NULL)
    {
      g_unlink (new_path);
      g_prefix_error (&local_error, _("The salvaged copy could not be opened: "));
      g_propagate_error (error, g_steal_pointer (&local_error));
      pathway_salvage_clear (salvage);
      ok = FALSE;
      goto out;
    }
  pathway_document_close (check);

out:
  if (self.from != NULL)
    sqlite3_close_v2 (self.from);
  g_unlink (work);
  g_unlink (work_journal);
  g_clear_pointer (&self.lost_by_table, g_hash_table_unref);
  if (ok)
    {
      int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (fd >= 0)
        {
          fsync (fd);
          close (fd);
        }
    }
  return ok;
}
