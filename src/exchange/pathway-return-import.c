/* pathway-return-import.c: reading returned forms into a plan of changes, and writing the
 * changes people accept. A PathwayReturnImport reads each file's hidden sheet first (is it a
 * form, of this programme, which lead, which rows with which values as sent), then its Updates
 * sheet, whose columns are found by their headers.
 *
 * Rows are matched to the rows the form was sent with: at the row they were sent in when the
 * reference there is the one sent, else wherever that reference is now (rows sorted or moved),
 * else at the row they were sent in with the reference flagged as altered. A form row found
 * nowhere was deleted; a row with text that matches none was added: both are reported. A row
 * is then compared cell by cell with what was sent: a changed reference, action or current
 * rating or commentary flags the row, and its changes wait for a person to accept them. New
 * values are read as areas write them (pathway-import-words.c); one the lists do not know is
 * reported and left out. A change is a New value that is not blank and differs from the
 * action's value now; a value changed in the programme since the form was sent is a conflict,
 * and so is a value two files of one import both change.
 *
 * Applying writes the accepted changes in one batch, checking first that each action still
 * has the value the plan compared it with. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"
#include "pathway-returns.h"

/* The header row of the Updates sheet is among its first rows. */
#define HEADER_SEARCH_ROWS 30

typedef struct {
  char *display_name;
  char *form_id;
  char *programme_name;
  PathwayPerson *lead;
  char *lead_name;
  GDate sent;
  GDate due;
  GDate returned; /* the form's record's, before this import */
  PathwayReturnForm *form;
  guint n_rows;
} ImportFile;

/* A change as kept: the public struct and the values it was planned against. */
typedef struct {
  PathwayReturnChange change;
  char *new_text; /* commentary and recovery plan as they will be written */
} Change;

struct _PathwayReturnImport
{
  GObject parent_instance;

  PathwayDocument *document;
  GPtrArray *files;    /* ImportFile */
  GArray *changes;     /* Change */
  GArray *problems;    /* PathwayReturnProblem */
  GStringChunk *strings;
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (PathwayReturnImport, pathway_return_import, G_TYPE_OBJECT)

static void
import_file_free (gpointer data)
{
  ImportFile *file = data;

  g_free (file->display_name);
  g_free (file->form_id);
  g_free (file->programme_name);
  g_clear_object (&file->lead);
  g_free (file->lead_name);
  g_clear_object (&file->form);
  g_free (file);
}

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->change.action);
  g_clear_pointer (&change->new_text, g_free);
}

static void
problem_clear (gpointer data)
{
  PathwayReturnProblem *problem = data;

  g_clear_object (&problem->action);
}

static void
pathway_return_import_finalize (GObject *object)
{
  PathwayReturnImport *self = PATHWAY_RETURN_IMPORT (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  G_OBJECT_CLASS (pathway_return_import_parent_class)->finalize (object);
}

static void
pathway_return_import_class_init (PathwayReturnImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_return_import_finalize;
}

static void
pathway_return_import_init (PathwayReturnImport *self)
{
  self->files = g_ptr_array_new_with_free_func (import_file_free);
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);
  self->problems = g_array_new (FALSE, TRUE, sizeof (PathwayReturnProblem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->strings = g_string_chunk_new (4096);
}

PathwayReturnImport *
pathway_return_import_new (PathwayDocument *document)
{
  PathwayReturnImport *self;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_RETURN_IMPORT, NULL);
  self->document = g_object_ref (document);
  return self;
}

PathwayDocument *
pathway_return_import_get_document (PathwayReturnImport *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), NULL);
  return self->document;
}

static const char *
keep (PathwayReturnImport *self, const char *text)
{
  return g_string_chunk_insert_const (self->strings, text ? text : "");
}

/* Reading the hidden sheet ------------------------------------------------------------------- */

/* One row of the form as it was sent. */
typedef struct {
  guint form_row; /* its row on the Updates sheet */
  char *cells[PATHWAY_FORM_ROW_N_CELLS];
  int matched;    /* the Updates sheet's row index it was found at, or -1 */
  gboolean moved_ref; /* found by reference away from its row */
} SentRow;

static void
sent_row_clear (gpointer data)
{
  SentRow *row = data;

  for (guint c = 0; c < PATHWAY_FORM_ROW_N_CELLS; c++)
    g_free (row->cells[c]);
}

typedef struct {
  char *programme_uuid;
  char *programme_name;
  char *lead_uuid;
  char *lead_name;
  char *form_id;
  GDate sent;
  GDate due;
  GArray *rows; /* SentRow */
} SentForm;

static void
sent_form_clear (SentForm *form)
{
  g_free (form->programme_uuid);
  g_free (form->programme_name);
  g_free (form->lead_uuid);
  g_free (form->lead_name);
  g_free (form->form_id);
  g_clear_pointer (&form->rows, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SentForm, sent_form_clear)

static gboolean
not_a_form (GError **error, const char *display_name)
{
  g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM,
               _("%s is not a return form from Pathway: it has no “%s” sheet with the form's "
                 "details. Only the forms made by Request Updates can be imported as returns; "
                 "import a tracker with Import Tracker instead."),
               display_name, PATHWAY_RETURN_FORM_SHEET);
  return FALSE;
}

static gboolean
read_sent_form (PathwaySheet *sheet, const char *display_name, SentForm *form, GError **error)
{
  guint n_rows = pathway_sheet_get_n_rows (sheet);
  gboolean marked = FALSE;
  int rows_header = -1;

  g_date_clear (&form->sent, 1);
  g_date_clear (&form->due, 1);
  form->rows = g_array_new (FALSE, TRUE, sizeof (SentRow));
  g_array_set_clear_func (form->rows, sent_row_clear);

  for (guint r = 0; r < n_rows && rows_header < 0; r++)
    {
      const char *key = pathway_sheet_get_cell (sheet, r, 0);
      const char *value = pathway_sheet_get_cell (sheet, r, 1);
      const char *extra = pathway_sheet_get_cell (sheet, r, 2);

      if (g_str_equal (key, PATHWAY_FORM_MARK))
        marked = TRUE;
      else if (g_str_equal (key, PATHWAY_FORM_KEY_PROGRAMME))
        {
          form->programme_uuid = g_strstrip (g_strdup (value));
          form->programme_name = g_strdup (extra);
        }
      else if (g_str_equal (key, PATHWAY_FORM_KEY_LEAD))
        {
          form->lead_uuid = g_strstrip (g_strdup (value));
          form->lead_name = g_strdup (extra);
        }
      else if (g_str_equal (key, PATHWAY_FORM_KEY_FORM))
        form->form_id = g_strstrip (g_strdup (value));
      else if (g_str_equal (key, PATHWAY_FORM_KEY_SENT))
        pathway_date_parse_iso (value, &form->sent);
      else if (g_str_equal (key, PATHWAY_FORM_KEY_DUE))
        pathway_date_parse_iso (value, &form->due);
      else if (g_str_equal (key, PATHWAY_FORM_ROWS))
        rows_header = (int) r;
    }
  if (!marked || rows_header < 0 || form->programme_uuid == NULL || form->form_id == NULL ||
      *form->programme_uuid == '\0' || *form->form_id == '\0')
    return not_a_form (error, display_name);

  for (guint r = (guint) rows_header + 1; r < n_rows; r++)
    {
      SentRow row = { 0 };
      guint64 number = 0;

      if (!g_ascii_string_to_unsigned (pathway_sheet_get_cell (sheet, r, 0), 10, 1, G_MAXUINT,
                                       &number, NULL))
        continue;
      row.form_row = (guint) number;
      row.matched = -1;
      for (guint c = 0; c < PATHWAY_FORM_ROW_N_CELLS; c++)
        row.cells[c] = g_strdup (pathway_sheet_get_cell (sheet, r, c));
      g_array_append_val (form->rows, row);
    }
  return TRUE;
}

/* Reading the Updates sheet ------------------------------------------------------------------ */

typedef struct {
  PathwaySheet *sheet;
  guint header_row;
  int columns[PATHWAY_FORM_N_COLUMNS];
} Updates;

static gboolean
find_columns (Updates *updates, const char *display_name, GError **error)
{
  PathwaySheet *sheet = updates->sheet;
  guint n_rows = MIN (pathway_sheet_get_n_rows (sheet), HEADER_SEARCH_ROWS);
  guint best_found = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      int columns[PATHWAY_FORM_N_COLUMNS];
      guint found = 0;

      for (guint h = 0; h < PATHWAY_FORM_N_COLUMNS; h++)
        {
          g_autofree char *wanted = pathway_import_fold_name (pathway_form_headers[h]);

          columns[h] = -1;
          for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
            {
              g_autofree char *folded = pathway_import_fold_name (pathway_sheet_get_cell (sheet,
                                                                                         r, c));

              if (g_str_equal (folded, wanted))
                {
                  columns[h] = (int) c;
                  found++;
                  break;
                }
            }
        }
      if (found > best_found)
        {
          best_found = found;
          updates->header_row = r;
          memcpy (updates->columns, columns, sizeof columns);
        }
    }
  for (guint h = 0; h < PATHWAY_FORM_N_COLUMNS; h++)
    if (best_found < 2 || updates->columns[h] < 0)
      {
        g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM,
                     _("%s: the “%s” sheet has no column headed “%s”, so its rows cannot be "
                       "read. Was the header row changed? Ask for the form again."),
                     display_name, pathway_sheet_get_sheet_name (sheet)
                                     ? pathway_sheet_get_sheet_name (sheet)
                                     : PATHWAY_RETURN_UPDATES_SHEET,
                     pathway_form_headers[h]);
        return FALSE;
      }
  return TRUE;
}

static const char *
cell (Updates *updates, guint row, PathwayFormColumn column)
{
  return pathway_sheet_get_cell (updates->sheet, row, (guint) updates->columns[column]);
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *x = pathway_return_clean_text (a);
  g_autofree char *y = pathway_return_clean_text (b);

  return g_str_equal (x, y);
}

/* Problems and changes ------------------------------------------------------------------------ */

static char *
column_letter (Updates *updates, PathwayFormColumn column)
{
  return pathway_column_letter ((guint) updates->columns[column]);
}

static const PathwayReturnProblem *
add_problem (PathwayReturnImport *self, PathwayReturnProblemKind kind, guint file,
             guint row_number, int column, PathwayAction *action, const char *message)
{
  PathwayReturnProblem problem = { 0 };
  g_autofree char *letter = column >= 0 ? pathway_column_letter ((guint) column) : NULL;

  problem.kind = kind;
  problem.file = file;
  problem.row_number = row_number;
  problem.column = column;
  problem.column_letter = keep (self, letter);
  problem.action = action ? g_object_ref (action) : NULL;
  problem.message = keep (self, message);
  g_array_append_val (self->problems, problem);
  return &g_array_index (self->problems, PathwayReturnProblem, self->problems->len - 1);
}

/* "Updates from Beth Kowalski.xlsx, row 7, column A (Ref)" */
static char *
where (const char *display_name, guint row_number, Updates *updates, PathwayFormColumn column)
{
  g_autofree char *letter = column_letter (updates, column);

  return g_strdup_printf (_("%s, row %u, column %s (%s)"), display_name, row_number, letter,
                          pathway_form_headers[column]);
}

typedef struct {
  PathwayReturnImport *self;
  guint file_index;
  ImportFile *file;
  Updates *updates;
  PathwayRatingScheme *scheme;
  GHashTable *planned; /* "action-id:field" -> index of the change, across files */
} Reader;

static void
add_change (Reader *reader, PathwayAction *action, PathwayReturnField field, guint row,
            PathwayFormColumn column, const char *current, const char *sent,
            const char *returned, const char *new_text, PathwayRating rating,
            PathwayStatus status, gboolean conflict, gboolean flagged, const char *flag_reason)
{
  PathwayReturnImport *self = reader->self;
  guint row_number = pathway_sheet_get_row_number (reader->updates->sheet, row);
  g_autofree char *letter = column_letter (reader->updates, column);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d",
                                          pathway_action_get_id (action), field);
  g_autofree char *reason = NULL;
  g_autofree char *what = g_utf8_strdown (pathway_return_field_label (field), -1);
  gpointer earlier_index;
  Change change = { 0 };

  if (conflict && (field == PATHWAY_RETURN_RATING || field == PATHWAY_RETURN_STATUS))
    reason = g_strdup_printf (_("The %s of %s was changed in the programme after the form was "
                                "sent: it was %s then and is %s now."),
                              what, pathway_action_get_reference (action), sent, current);
  else if (conflict)
    reason = g_strdup_printf (_("The %s of %s was changed in the programme after the form was "
                                "sent."),
                              what, pathway_action_get_reference (action));
  else if (flagged)
    reason = g_strdup (flag_reason);

  if (g_hash_table_lookup_extended (reader->planned, key, NULL, &earlier_index))
    {
      Change *earlier = &g_array_index (self->changes, Change, GPOINTER_TO_UINT (earlier_index));
      ImportFile *other = g_ptr_array_index (self->files, earlier->change.file);
      g_autofree char *both = g_strdup_printf (_("The %s of %s is changed by two returns, %s and "
                                                 "%s: choose one."),
                                               what,
                                               pathway_action_get_reference (action),
                                               other->display_name,
                                               reader->file->display_name);

      earlier->change.conflict = TRUE;
      earlier->change.accepted = FALSE;
      earlier->change.reason = keep (self, both);
      conflict = TRUE;
      g_free (reason);
      reason = g_strdup (both);
    }
  else
    g_hash_table_insert (reader->planned, g_strdup (key), GUINT_TO_POINTER (self->changes->len));

  change.change.file = reader->file_index;
  change.change.action = g_object_ref (action);
  change.change.field = field;
  change.change.row_number = row_number;
  change.change.column_letter = keep (self, letter);
  change.change.current = keep (self, current);
  change.change.sent = keep (self, sent);
  change.change.returned = keep (self, returned);
  change.change.rating = rating;
  change.change.status = status;
  change.change.conflict = conflict;
  change.change.flagged = flagged;
  change.change.reason = reason ? keep (self, reason) : NULL;
  change.change.accepted = !conflict && !flagged;
  change.new_text = g_strdup (new_text);
  g_array_append_val (self->changes, change);
}

/* Compares a matched row with what was sent, reporting each cell that should not have changed;
 * the row's changes are flagged with the first such message. */
static char *
check_row (Reader *reader, SentRow *sent, guint row, PathwayAction *action)
{
  PathwayReturnImport *self = reader->self;
  Updates *updates = reader->updates;
  const char *name = reader->file->display_name;
  guint row_number = pathway_sheet_get_row_number (updates->sheet, row);
  const char *ref = cell (updates, row, PATHWAY_FORM_REF);
  PathwayRating sent_rating = pathway_rating_from_nick (sent->cells[PATHWAY_FORM_ROW_RATING]);
  PathwayRating shown_rating;
  char *first = NULL;

  if (!same_text (ref, sent->cells[PATHWAY_FORM_ROW_REF]))
    {
      g_autofree char *at = where (name, row_number, updates, PATHWAY_FORM_REF);
      g_autofree char *message = g_strdup_printf (_("%s: the reference was changed from “%s” to "
                                                    "“%s”; the row is still read as %s."),
                                                  at, sent->cells[PATHWAY_FORM_ROW_REF], ref,
                                                  pathway_action_get_reference (action));

      add_problem (self, PATHWAY_RETURN_PROBLEM_ALTERED_REFERENCE, reader->file_index,
                   row_number, updates->columns[PATHWAY_FORM_REF], action, message);
      first = first ? first : g_strdup (message);
    }
  if (!same_text (cell (updates, row, PATHWAY_FORM_ACTION),
                  sent->cells[PATHWAY_FORM_ROW_DESCRIPTION]))
    {
      g_autofree char *at = where (name, row_number, updates, PATHWAY_FORM_ACTION);
      g_autofree char *message = g_strdup_printf (_("%s: the action's text was changed, though "
                                                    "it is not for changing here; the change is "
                                                    "not imported."), at);

      add_problem (self, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, reader->file_index, row_number,
                   updates->columns[PATHWAY_FORM_ACTION], action, message);
      first = first ? first : g_strdup (message);
    }
  pathway_import_read_rating_word (reader->scheme, cell (updates, row,
                                                         PATHWAY_FORM_CURRENT_RATING),
                                   &shown_rating);
  if (shown_rating != sent_rating)
    {
      g_autofree char *at = where (name, row_number, updates, PATHWAY_FORM_CURRENT_RATING);
      g_autofree char *message = g_strdup_printf (_("%s: the current rating was changed from "
                                                    "“%s” to “%s”; a new rating goes in New "
                                                    "rating, so this one is not imported."),
                                                  at,
                                                  pathway_return_rating_text (reader->scheme,
                                                                              sent_rating),
                                                  cell (updates, row,
                                                        PATHWAY_FORM_CURRENT_RATING));

      add_problem (self, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, reader->file_index, row_number,
                   updates->columns[PATHWAY_FORM_CURRENT_RATING], action, message);
      first = first ? first : g_strdup (message);
    }
  if (!same_text (cell (updates, row, PATHWAY_FORM_CURRENT_COMMENTARY),
                  sent->cells[PATHWAY_FORM_ROW_COMMENTARY]))
    {
      g_autofree char *at = where (name, row_number, updates, PATHWAY_FORM_CURRENT_COMMENTARY);
      g_autofree char *message = g_strdup_printf (_("%s: the current commentary was changed; "
                                                    "new commentary goes in New commentary, so "
                                                    "this is not imported."), at);

      add_problem (self, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, reader->file_index, row_number,
                   updates->columns[PATHWAY_FORM_CURRENT_COMMENTARY], action, message);
      first = first ? first : g_strdup (message);
    }
  return first;
}

static void
unreadable (Reader *reader, guint row, PathwayFormColumn column, PathwayAction *action,
            const char *text, const char *what)
{
  g_autofree char *at = where (reader->file->display_name,
                               pathway_sheet_get_row_number (reader->updates->sheet, row),
                               reader->updates, column);
  g_autofree char *message = g_strdup_printf ("%s: “%s” %s", at, text, what);

  add_problem (reader->self, PATHWAY_RETURN_PROBLEM_UNREADABLE, reader->file_index,
               pathway_sheet_get_row_number (reader->updates->sheet, row),
               reader->updates->columns[column], action, message);
}

/* The changes one matched row asks for. */
static void
read_row (Reader *reader, SentRow *sent, guint row, PathwayAction *action)
{
  Updates *updates = reader->updates;
  PathwayRatingScheme *scheme = reader->scheme;
  g_autofree char *flag = check_row (reader, sent, row, action);
  gboolean flagged = flag != NULL;
  const char *text;

  /* Rating */
  text = cell (updates, row, PATHWAY_FORM_NEW_RATING);
  {
    g_autofree char *clean = pathway_return_clean_text (text);
    PathwayRating rating = PATHWAY_RATING_NONE;
    PathwayRatingWord word = *clean ? pathway_import_read_rating_word (scheme, clean, &rating)
                                    : PATHWAY_RATING_WORD_BLANK;
    PathwayRating current = pathway_action_get_rating (action);
    PathwayRating was = pathway_rating_from_nick (sent->cells[PATHWAY_FORM_ROW_RATING]);

    if (word == PATHWAY_RATING_WORD_COLOUR ||
        (word == PATHWAY_RATING_WORD_BLUE && pathway_rating_scheme_offers (scheme, rating)))
      {
        if (rating != current)
          add_change (reader, action, PATHWAY_RETURN_RATING, row, PATHWAY_FORM_NEW_RATING,
                      pathway_return_rating_text (scheme, current),
                      pathway_return_rating_text (scheme, was),
                      pathway_return_rating_text (scheme, rating), NULL, rating, 0,
                      current != was, flagged, flag);
      }
    else if (word != PATHWAY_RATING_WORD_BLANK)
      unreadable (reader, row, PATHWAY_FORM_NEW_RATING, action, clean,
                  _("is not one of the programme's ratings; it is not imported."));
  }

  /* Status */
  text = cell (updates, row, PATHWAY_FORM_NEW_STATUS);
  {
    g_autofree char *clean = pathway_return_clean_text (text);
    PathwayStatus status = PATHWAY_STATUS_NOT_STARTED;
    PathwayStatus current = pathway_action_get_status (action);
    PathwayStatus was = pathway_status_from_nick (sent->cells[PATHWAY_FORM_ROW_STATUS]);

    if (*clean != '\0' && pathway_import_read_status_word (clean, &status))
      {
        if (status != current)
          add_change (reader, action, PATHWAY_RETURN_STATUS, row, PATHWAY_FORM_NEW_STATUS,
                      pathway_status_label (current), pathway_status_label (was),
                      pathway_status_label (status), NULL, PATHWAY_RATING_NONE, status,
                      current != was, flagged, flag);
      }
    else if (*clean != '\0')
      unreadable (reader, row, PATHWAY_FORM_NEW_STATUS, action, clean,
                  _("is not a status; it is not imported."));
  }

  /* Commentary and recovery plan: text as written. */
  for (guint f = PATHWAY_RETURN_COMMENTARY; f <= PATHWAY_RETURN_RECOVERY_PLAN; f++)
    {
      PathwayFormColumn column = f == PATHWAY_RETURN_COMMENTARY ? PATHWAY_FORM_NEW_COMMENTARY
                                                                : PATHWAY_FORM_NEW_RECOVERY_PLAN;
      const char *now = f == PATHWAY_RETURN_COMMENTARY
                          ? pathway_action_get_commentary (action)
                          : pathway_action_get_recovery_plan (action);
      const char *was = sent->cells[f == PATHWAY_RETURN_COMMENTARY
                                      ? PATHWAY_FORM_ROW_COMMENTARY
                                      : PATHWAY_FORM_ROW_RECOVERY_PLAN];
      g_autofree char *clean = pathway_return_clean_text (cell (updates, row, column));
      g_autofree char *now_cell = pathway_return_cell_text (now);

      if (*clean == '\0' || same_text (clean, now))
        continue;
      add_change (reader, action, f, row, column, now, was, clean, clean, PATHWAY_RATING_NONE,
                  0, !same_text (now_cell, was), flagged, flag);
    }
}

/* Matching rows ------------------------------------------------------------------------------ */

static GHashTable *
actions_by_uuid (PathwayDocument *document)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      PathwayAction *action = g_list_model_get_item (actions, i);

      if (pathway_action_get_deleted (action))
        g_object_unref (action);
      else
        g_hash_table_replace (table, (gpointer) pathway_record_get_uuid (action), action);
    }
  return table;
}

static gboolean
row_has_text (PathwaySheet *sheet, guint row)
{
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      const char *text = pathway_sheet_get_cell (sheet, row, c);

      for (const char *p = text; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
    }
  return FALSE;
}

static void
match_rows (Reader *reader, GArray *sent_rows)
{
  PathwayReturnImport *self = reader->self;
  Updates *updates = reader->updates;
  PathwaySheet *sheet = updates->sheet;
  guint n_rows = pathway_sheet_get_n_rows (sheet);
  g_autofree gboolean *taken = g_new0 (gboolean, n_rows + 1);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) actions = actions_by_uuid (self->document);

  for (guint r = updates->header_row + 1; r < n_rows; r++)
    g_hash_table_insert (by_number, GUINT_TO_POINTER (pathway_sheet_get_row_number (sheet, r)),
                         GUINT_TO_POINTER (r + 1));

  /* Where it was sent, with its reference; then wherever its reference is; then where it was
   * sent, whatever the reference now says. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < sent_rows->len; i++)
      {
        SentRow *sent = &g_array_index (sent_rows, SentRow, i);
        guint at = GPOINTER_TO_UINT (g_hash_table_lookup (by_number,
                                                          GUINT_TO_POINTER (sent->form_row)));

        if (sent->matched >= 0)
          continue;
        if (pass != 1 && at > 0 && !taken[at - 1] &&
            (pass == 2 || same_text (cell (updates, at - 1, PATHWAY_FORM_REF),
                                     sent->cells[PATHWAY_FORM_ROW_REF])))
          {
            sent->matched = (int) at - 1;
            taken[at - 1] = TRUE;
          }
        for (guint r = updates->header_row + 1; pass == 1 && r < n_rows; r++)
          if (!taken[r] && same_text (cell (updates, r, PATHWAY_FORM_REF),
                                      sent->cells[PATHWAY_FORM_ROW_REF]))
            {
              sent->matched = (int) r;
              taken[r] = TRUE;
              break;
            }
      }

  for (guint i = 0; i < sent_rows->len; i++)
    {
      SentRow *sent = &g_array_index (sent_rows, SentRow, i);
      PathwayAction *action = g_hash_table_lookup (actions, sent->cells[PATHWAY_FORM_ROW_UUID]);
      const char *ref = sent->cells[PATHWAY_FORM_ROW_REF];

      if (sent->matched < 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s: the row of %s (sent as row %u) is missing: it was deleted, "
                               "so nothing of it is imported."),
                             reader->file->display_name, ref, sent->form_row);

          add_problem (self, PATHWAY_RETURN_PROBLEM_ROW_DELETED, reader->file_index, 0, -1,
                       action, message);
          continue;
        }
      if (action == NULL)
        {
          guint row_number = pathway_sheet_get_row_number (sheet, (guint) sent->matched);
          g_autofree char *message =
            g_strdup_printf (_("%s, row %u: %s has been deleted from the programme since the "
                               "form was sent; its row is not imported."),
                             reader->file->display_name, row_number, ref);

          add_problem (self, PATHWAY_RETURN_PROBLEM_NO_ACTION, reader->file_index, row_number,
                       -1, NULL, message);
          continue;
        }
      read_row (reader, sent, (guint) sent->matched, action);
    }

  for (guint r = updates->header_row + 1; r < n_rows; r++)
    if (!taken[r] && row_has_text (sheet, r))
      {
        guint row_number = pathway_sheet_get_row_number (sheet, r);
        g_autofree char *message =
          g_strdup_printf (_("%s, row %u: this row was added to the form (it was not sent with "
                             "it), so it is not imported; an action is added in the programme "
                             "itself."),
                           reader->file->display_name, row_number);

        add_problem (self, PATHWAY_RETURN_PROBLEM_ROW_ADDED, reader->file_index, row_number, -1,
                     NULL, message);
      }
}

/* Adding a file ------------------------------------------------------------------------------- */

static PathwayPerson *
person_by_uuid (PathwayDocument *document, const char *uuid)
{
  g_autoptr(GListModel) people = NULL;

  if (uuid == NULL || *uuid == '\0')
    return NULL;
  people = pathway_document_list_records (document, pathway_kind_lookup ("person"), TRUE, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (pathway_record_get_uuid (person), uuid))
        return g_steal_pointer (&person);
    }
  return NULL;
}

gboolean
pathway_return_import_add_bytes (PathwayReturnImport *self, GBytes *bytes,
                                 const char *display_name, GError **error)
{
  PathwayProgramme *programme;
  g_autoptr(PathwaySheet) hidden = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(SentForm) sent = { 0 };
  Updates updates = { 0 };
  g_autoptr(GHashTable) planned = NULL;
  ImportFile *file;
  Reader reader = { 0 };

  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  programme = pathway_document_get_programme (self->document);
  hidden = pathway_sheet_read_bytes (bytes, display_name, PATHWAY_RETURN_FORM_SHEET,
                                     &local_error);
  if (hidden == NULL)
    {
      if (g_error_matches (local_error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET) ||
          g_error_matches (local_error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_EMPTY))
        return not_a_form (error, display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A CSV has no sheets: any name reads it whole. */
  if (pathway_sheet_get_format (hidden) == PATHWAY_SHEET_FORMAT_CSV)
    return not_a_form (error, display_name);
  if (!read_sent_form (hidden, display_name, &sent, error))
    return FALSE;

  if (!g_str_equal (sent.programme_uuid, pathway_record_get_uuid (programme)))
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_OTHER_PROGRAMME,
                   _("%s is a return form of the programme “%s”, not of “%s”: import it into "
                     "the programme that sent it."),
                   display_name, sent.programme_name ? sent.programme_name : "",
                   pathway_programme_get_name (programme));
      return FALSE;
    }
  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *other = g_ptr_array_index (self->files, i);

      if (g_str_equal (other->form_id, sent.form_id))
        {
          g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM,
                       _("%s is the same form as %s, which is already being imported."),
                       display_name, other->display_name);
          return FALSE;
        }
    }

  updates.sheet = pathway_sheet_read_bytes (bytes, display_name, PATHWAY_RETURN_UPDATES_SHEET,
                                            &local_error);
  if (updates.sheet == NULL &&
      g_error_matches (local_error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NO_SHEET))
    {
      /* A lead may rename the sheet: the form's one visible sheet is it. */
      g_clear_error (&local_error);
      updates.sheet = pathway_sheet_read_bytes (bytes, display_name, NULL, &local_error);
    }
  if (updates.sheet == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!find_columns (&updates, display_name, error))
    {
      g_object_unref (updates.sheet);
      return FALSE;
    }

  file = g_new0 (ImportFile, 1);
  file->display_name = g_strdup (display_name);
  file->form_id = g_strdup (sent.form_id);
  file->programme_name = g_strdup (sent.programme_name);
  file->lead = person_by_uuid (self->document, sent.lead_uuid);
  file->lead_name = g_strdup (file->lead ? pathway_person_get_name (file->lead)
                                         : sent.lead_name ? sent.lead_name : "");
  file->sent = sent.sent;
  file->due = sent.due;
  file->n_rows = sent.rows->len;
  g_date_clear (&file->returned, 1);
  file->form = pathway_document_find_record (self->document, pathway_kind_lookup ("return-form"),
                                             sent.form_id, NULL);
  if (file->form != NULL && pathway_return_form_get_returned (file->form) != NULL)
    file->returned = *pathway_return_form_get_returned (file->form);
  g_ptr_array_add (self->files, file);

  /* Two files changing one value are told apart across the whole import. */
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      g_hash_table_insert (planned,
                           g_strdup_printf ("%" G_GINT64_FORMAT ":%d",
                                            pathway_action_get_id (change->change.action),
                                            change->change.field),
                           GUINT_TO_POINTER (i));
    }
  reader.self = self;
  reader.file_index = self->files->len - 1;
  reader.file = file;
  reader.updates = &updates;
  reader.scheme = pathway_programme_get_rating_scheme (programme);
  reader.planned = planned;
  match_rows (&reader, sent.rows);
  g_object_unref (updates.sheet);
  return TRUE;
}

gboolean
pathway_return_import_add_file (PathwayReturnImport *self, const char *path, GError **error)
{
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_basename (path);
  gfile = g_file_new_for_path (path);
  bytes = g_file_load_bytes (gfile, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return FALSE;
    }
  if (g_bytes_get_size (bytes) > PATHWAY_SHEET_MAX_FILE_SIZE)
    {
      pathway_sheet_set_limit_error (error, display_name, _("file size"),
                                     PATHWAY_SHEET_MAX_FILE_SIZE);
      return FALSE;
    }
  return pathway_return_import_add_bytes (self, bytes, display_name, error);
}

/* Reading the plan --------------------------------------------------------------------------- */

guint
pathway_return_import_get_n_files (PathwayReturnImport *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), 0);
  return self->files->len;
}

static ImportFile *
get_file (PathwayReturnImport *self, guint file)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), NULL);
  g_return_val_if_fail (file < self->files->len, NULL);
  return g_ptr_array_index (self->files, file);
}

const char *
pathway_return_import_get_file_name (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f ? f->display_name : NULL;
}

PathwayPerson *
pathway_return_import_get_file_lead (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f ? f->lead : NULL;
}

const char *
pathway_return_import_get_file_lead_name (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f ? f->lead_name : NULL;
}

const GDate *
pathway_return_import_get_file_sent (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f && g_date_valid (&f->sent) ? &f->sent : NULL;
}

const GDate *
pathway_return_import_get_file_due (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f && g_date_valid (&f->due) ? &f->due : NULL;
}

PathwayReturnForm *
pathway_return_import_get_file_form (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f ? f->form : NULL;
}

const GDate *
pathway_return_import_get_file_returned (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f && g_date_valid (&f->returned) ? &f->returned : NULL;
}

guint
pathway_return_import_get_file_n_rows (PathwayReturnImport *self, guint file)
{
  ImportFile *f = get_file (self, file);

  return f ? f->n_rows : 0;
}

guint
pathway_return_import_get_n_changes (PathwayReturnImport *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), 0);
  return self->changes->len;
}

const PathwayReturnChange *
pathway_return_import_get_change (PathwayReturnImport *self, guint index)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &g_array_index (self->changes, Change, index).change;
}

void
pathway_return_import_set_accepted (PathwayReturnImport *self, guint index, gboolean accepted)
{
  g_return_if_fail (PATHWAY_IS_RETURN_IMPORT (self));
  g_return_if_fail (index < self->changes->len);
  g_array_index (self->changes, Change, index).change.accepted = !!accepted;
}

void
pathway_return_import_set_file_accepted (PathwayReturnImport *self, guint file,
                                         gboolean accepted)
{
  g_return_if_fail (PATHWAY_IS_RETURN_IMPORT (self));

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      /* Accepting a whole form leaves its conflicts and altered rows to be ticked one by
       * one: a value changed since the form went out is never overwritten unasked. */
      if (change->change.file == file &&
          (!accepted || (!change->change.conflict && !change->change.flagged)))
        change->change.accepted = !!accepted;
    }
}

void
pathway_return_import_set_lead_accepted (PathwayReturnImport *self, PathwayPerson *lead,
                                         gboolean accepted)
{
  g_return_if_fail (PATHWAY_IS_RETURN_IMPORT (self));

  for (guint f = 0; f < self->files->len; f++)
    if (((ImportFile *) g_ptr_array_index (self->files, f))->lead == lead)
      pathway_return_import_set_file_accepted (self, f, accepted);
}

guint
pathway_return_import_get_n_accepted (PathwayReturnImport *self)
{
  guint n = 0;

  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), 0);
  for (guint i = 0; i < self->changes->len; i++)
    n += g_array_index (self->changes, Change, i).change.accepted ? 1 : 0;
  return n;
}

guint
pathway_return_import_get_n_conflicts (PathwayReturnImport *self)
{
  guint n = 0;

  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), 0);
  for (guint i = 0; i < self->changes->len; i++)
    n += g_array_index (self->changes, Change, i).change.conflict ? 1 : 0;
  return n;
}

guint
pathway_return_import_get_n_problems (PathwayReturnImport *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), 0);
  return self->problems->len;
}

const PathwayReturnProblem *
pathway_return_import_get_problem (PathwayReturnImport *self, guint index)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return &g_array_index (self->problems, PathwayReturnProblem, index);
}

/* Applying ----------------------------------------------------------------------------------- */

/* The action's value as the plan showed it as "current". */
static char *
current_text (PathwayRatingScheme *scheme, PathwayAction *action, PathwayReturnField field)
{
  switch (field)
    {
    case PATHWAY_RETURN_RATING:
      return g_strdup (pathway_return_rating_text (scheme, pathway_action_get_rating (action)));
    case PATHWAY_RETURN_STATUS:
      return g_strdup (pathway_status_label (pathway_action_get_status (action)));
    case PATHWAY_RETURN_COMMENTARY:
      return g_strdup (pathway_action_get_commentary (action));
    case PATHWAY_RETURN_RECOVERY_PLAN:
      return g_strdup (pathway_action_get_recovery_plan (action));
    default:
      return g_strdup ("");
    }
}

static gboolean
write_change (PathwayDocument *document, Change *change, const char *note, GError **error)
{
  PathwayAction *action = change->change.action;
  g_auto(GValue) value = G_VALUE_INIT;

  switch (change->change.field)
    {
    case PATHWAY_RETURN_RATING:
      return pathway_document_set_rating (document, action, change->change.rating, note, error);
    case PATHWAY_RETURN_STATUS:
      return pathway_document_set_status (document, action, change->change.status, note, error);
    case PATHWAY_RETURN_COMMENTARY:
    case PATHWAY_RETURN_RECOVERY_PLAN:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, change->new_text);
      return pathway_document_set_value (document, action,
                                         change->change.field == PATHWAY_RETURN_COMMENTARY
                                           ? "commentary" : "recovery-plan",
                                         &value, note, error);
    default:
      g_assert_not_reached ();
    }
}

gboolean
pathway_return_import_apply (PathwayReturnImport *self, guint *n_applied, GError **error)
{
  PathwayRatingScheme *scheme;
  g_autofree char *today_words = NULL;
  GDate today;
  guint applied = 0;

  g_return_val_if_fail (PATHWAY_IS_RETURN_IMPORT (self), FALSE);

  if (n_applied != NULL)
    *n_applied = 0;
  if (self->applied)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("These returns have been imported already; read the files again "
                             "to import what is still different."));
      return FALSE;
    }
  scheme = pathway_programme_get_rating_scheme (pathway_document_get_programme (self->document));
  pathway_document_get_today (self->document, &today);
  today_words = pathway_date_format_words (&today);

  /* Nothing is written over a value that moved since the plan compared it, nor one accepted
   * change over another. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      g_autofree char *now = NULL;

      if (!change->change.accepted)
        continue;
      for (guint k = 0; k < i; k++)
        {
          Change *other = &g_array_index (self->changes, Change, k);

          if (other->change.accepted && other->change.action == change->change.action &&
              other->change.field == change->change.field)
            {
              g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("Two returns change the %s of %s; accept only one of them."),
                           pathway_return_field_label (change->change.field),
                           pathway_action_get_reference (change->change.action));
              return FALSE;
            }
        }
      now = current_text (scheme, change->change.action, change->change.field);
      if (pathway_action_get_deleted (change->change.action) ||
          !g_str_equal (now, change->change.current))
        {
          g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                       _("%s of %s has changed since the returns were read; read them again "
                         "before importing."),
                       pathway_return_field_label (change->change.field),
                       pathway_action_get_reference (change->change.action));
          return FALSE;
        }
    }

  if (!pathway_document_begin_batch (self->document, _("Import returns"), error))
    return FALSE;
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      ImportFile *file = g_ptr_array_index (self->files, change->change.file);
      g_autofree char *note = NULL;

      if (!change->change.accepted)
        continue;
      /* TRANSLATORS: the note of an update from a returned form: the lead and the day */
      note = g_strdup_printf (_("Return from %s, %s"), file->lead_name, today_words);
      if (!write_change (self->document, change, note, error))
        {
          pathway_document_rollback_batch (self->document);
          return FALSE;
        }
      applied++;
    }
  for (guint f = 0; f < self->files->len; f++)
    {
      ImportFile *file = g_ptr_array_index (self->files, f);
      g_auto(GValue) value = G_VALUE_INIT;

      if (file->form == NULL || pathway_return_form_get_returned (file->form) != NULL)
        continue;
      g_value_init (&value, G_TYPE_DATE);
      g_value_set_boxed (&value, &today);
      if (!pathway_document_set_value (self->document, file->form, "returned", &value, NULL,
                                       error))
        {
          pathway_document_rollback_batch (self->document);
          return FALSE;
        }
    }
  if (!pathway_document_commit_batch (self->document, error))
    return FALSE;
  self->applied = TRUE;
  if (n_applied != NULL)
    *n_applied = applied;
  return TRUE;
}
