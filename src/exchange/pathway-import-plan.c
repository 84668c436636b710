/* pathway-import-plan.c: what an import would do, row by row, and then doing it.
 *
 * The plan reads every row below the header the way a person reads a tracker: blank rows
 * and the header repeated on each printed page say nothing; a row with one text (one cell, or
 * one cell merged across the row) is a section heading, the theme of the rows under it, and an
 * area of weakness too when it says so ("Area of weakness 2: ..."); under the table it is a
 * note, and a colour key or a totals row is recognised and skipped; ratings and statuses are
 * read in the words areas use (pathway-import-words.c), and a rating cell with no text by its
 * colour (the sheet's own colour key first, then the colours ratings are shown in:
 * pathway-import-colours.c); where a cell's text and colour disagree the text wins, with a
 * warning, and a colour near no rating is an error; timescales go through the model's
 * parser, and text it cannot read is kept as written with a warning. Each row is matched to an
 * action by its reference (case and spacing aside). A blank cell never clears a field and
 * nothing is deleted: an import only adds and changes. A cell the reader had to mend (bytes
 * that were not UTF-8) is a warning on its row.
 *
 * Slips warn rather than block: a row with an action and no reference is imported under one
 * made from its row number ("Row 12"), and two different actions under one reference are both
 * kept, the second marked ("2.1 (2)"); since the marks and the made references follow from
 * the file alone, importing it again finds the same actions. Errors are kept for what would
 * put wrong data in: a rating or status no rule can read, a month no header names.
 *
 * Leads, workstreams and areas of weakness are found by name (a workstream by its code or
 * title, an area by its reference, its number or its title). One the programme does not have
 * is added by the import, because a tracker's names are the programme's people: a programme
 * manager importing their tracker expects its leads to come across, not a list of warnings to
 * retype. The plan lists each addition so the preview shows them.
 *
 * A tracker with a rating and an update for each month brings its past: each earlier month
 * becomes an update dated at that month's end (pathway_document_set_as_at), so the ratings
 * over time start with the area's own history. A new action is created as it stood in its
 * first month; an existing one takes only the months after its last change, since the
 * history before that is the programme's own.
 *
 * A copy of a tracker as it stood on an earlier day (pathway_import_plan_set_as_at) is
 * compared with the programme as it stood at the end of that day and written dated that day:
 * an action changed since takes only what its history keeps (rating, status, commentary,
 * evidence), between the changes already there, so an area's monthly trackers imported in
 * any order give each action its history and leave the latest as its state.
 *
 * Applying writes everything in one document batch (one undo step), with "Imported from FILE"
 * as the note of every update, keeps the mapping's choices for the tracker's layout, and rolls
 * the whole batch back on the first failure. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

#define FIELD_BIT(f) (1u << (f))

/* An earlier month's columns, from the mapping and the headers. */
typedef struct {
  GDate month_end;
  char *label;           /* "June 2019", for the notes of its updates */
  int rating_column;     /* -1 when the month has none */
  int commentary_column;
} MonthColumns;

/* One row's earlier month. */
typedef struct {
  guint month;           /* index in the plan's months */
  gboolean has_rating;
  gboolean rated_complete;
  gboolean from_fill;    /* the rating was read from the cell's colour */
  PathwayRating rating;
  char *commentary;      /* NULL when blank */
} PlanMonth;

typedef struct {
  PathwayImportRowOutcome outcome;
  guint changes;  /* FIELD_BIT of each field the row would set */
  guint present;  /* FIELD_BIT of each field with a value in the row */
  gboolean has_error;
  gboolean rated_complete; /* the rating cell said Complete, Done or Blue */
  gboolean rating_from_fill; /* the rating cell had no text: its colour was read */
  const char *skip_reason; /* translated, static */
  char *reference;
  char *description;
  char *lead;
  char *workstream;
  char *theme;
  char *area;
  char *success_measure;
  char *commentary;
  char *evidence;
  PathwayTimescale *original;
  PathwayTimescale *revised;
  PathwayRating rating;
  PathwayStatus status;
  GArray *history; /* PlanMonth, oldest first; NULL without earlier months */
} PlanRow;

/* The public struct points into these. */
typedef struct {
  PathwayImportProblem problem;
  char *column_letter;
  char *header;
  char *value;
  char *message;
} OwnedProblem;

/* Something the import adds beside actions: a person, a workstream or an area. */
typedef struct {
  char *key;   /* folded, as rows name it */
  char *text;  /* as first written */
  char *code;  /* workstream code or area reference */
  char *title;
} Addition;

struct _PathwayImportPlan
{
  GObject parent_instance;

  PathwayImportTarget target;
  PathwaySheet *sheet;
  char *file_display_name;
  char *note;
  GArray *rows;        /* PlanRow, one per sheet row */
  GArray *months;      /* MonthColumns, oldest first */
  GArray *problems;    /* OwnedProblem */
  GHashTable *worst;   /* (row, column) key -> index of the worst problem on it */
  guint n_added, n_updated, n_unchanged, n_headings, n_skipped, n_errors, n_warnings;
  GPtrArray *new_people;      /* Addition */
  GPtrArray *new_workstreams; /* Addition */
  GPtrArray *new_areas;       /* Addition */
  gboolean turn_on_blue;
  guint n_colour_ratings;     /* rating cells of the rows imported read by their colour */
  GDate as_at;                /* the day the tracker is dated (cleared: today) */
  PathwayDocument *document;  /* weak: the document planned against, for set_as_at */
  char *layout_key;           /* the sheet's layout and the mapping's choices, kept by apply */
  char *layout_choices;
  /* A risk register's plan (pathway-import-risks.c): what its rows hold, and the people it
   * adds, one line each. */
  gpointer target_data;
  GDestroyNotify target_data_destroy;
  GPtrArray *addition_lines;
};

G_DEFINE_FINAL_TYPE (PathwayImportPlan, pathway_import_plan, G_TYPE_OBJECT)

static void
plan_month_clear (gpointer data)
{
  PlanMonth *month = data;

  g_clear_pointer (&month->commentary, g_free);
}

static void
month_columns_clear (gpointer data)
{
  MonthColumns *month = data;

  g_clear_pointer (&month->label, g_free);
}

static void
plan_row_clear (gpointer data)
{
  PlanRow *row = data;

  g_free (row->reference);
  g_free (row->description);
  g_free (row->lead);
  g_free (row->workstream);
  g_free (row->theme);
  g_free (row->area);
  g_free (row->success_measure);
  g_free (row->commentary);
  g_free (row->evidence);
  g_clear_pointer (&row->original, pathway_timescale_free);
  g_clear_pointer (&row->revised, pathway_timescale_free);
  g_clear_pointer (&row->history, g_array_unref);
}

static void
owned_problem_clear (gpointer data)
{
  OwnedProblem *problem = data;

  g_free (problem->column_letter);
  g_free (problem->header);
  g_free (problem->value);
  g_free (problem->message);
}

static void
addition_free (gpointer data)
{
  Addition *addition = data;

  g_free (addition->key);
  g_free (addition->text);
  g_free (addition->code);
  g_free (addition->title);
  g_free (addition);
}

static void
pathway_import_plan_finalize (GObject *object)
{
  PathwayImportPlan *self = PATHWAY_IMPORT_PLAN (object);

  g_clear_object (&self->sheet);
  g_clear_weak_pointer (&self->document);
  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->layout_choices, g_free);
  g_clear_pointer (&self->file_display_name, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->worst, g_hash_table_unref);
  g_clear_pointer (&self->new_people, g_ptr_array_unref);
  g_clear_pointer (&self->new_workstreams, g_ptr_array_unref);
  g_clear_pointer (&self->new_areas, g_ptr_array_unref);
  g_clear_pointer (&self->addition_lines, g_ptr_array_unref);
  if (self->target_data_destroy != NULL)
    g_clear_pointer (&self->target_data, self->target_data_destroy);

  G_OBJECT_CLASS (pathway_import_plan_parent_class)->finalize (object);
}

static void
pathway_import_plan_class_init (PathwayImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_import_plan_finalize;
}

static void
pathway_import_plan_init (PathwayImportPlan *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (PlanRow));
  g_array_set_clear_func (self->rows, plan_row_clear);
  self->months = g_array_new (FALSE, TRUE, sizeof (MonthColumns));
  g_array_set_clear_func (self->months, month_columns_clear);
  self->problems = g_array_new (FALSE, TRUE, sizeof (OwnedProblem));
  g_array_set_clear_func (self->problems, owned_problem_clear);
  self->worst = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->new_people = g_ptr_array_new_with_free_func (addition_free);
  self->new_workstreams = g_ptr_array_new_with_free_func (addition_free);
  self->new_areas = g_ptr_array_new_with_free_func (addition_free);
  self->addition_lines = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->as_at, 1);
}

/* Text ---------------------------------------------------------------------------------------- */


/* A cell's value as the import uses it: line ends made LF, spaces around it dropped, and for
 * CSV the apostrophe our export put before text a spreadsheet could take for a formula. */
char *
pathway_import_cell_value (PathwaySheet *sheet, guint row, int column)
{
  const char *raw;
  GString *out;

  if (column < 0)
    return g_strdup ("");
  raw = pathway_sheet_get_cell (sheet, row, (guint) column);
  out = g_string_sized_new (strlen (raw));
  for (const char *p = raw; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, p[0] == '\r' ? '\n' : p[0]);
    }
  /* Text our export marked is taken back exactly as it was, leading tab or newline and all. */
  if (pathway_sheet_get_format (sheet) == PATHWAY_SHEET_FORMAT_CSV && out->str[0] == '\'' &&
      (pathway_export_text_is_risky (out->str + 1) ||
       (out->str[1] == '\'' && pathway_export_text_is_risky (out->str + 2))))
    {
      g_string_erase (out, 0, 1);
      return g_string_free (out, FALSE);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

/* Problems ------------------------------------------------------------------------------------ */

static gint64
cell_key (guint row, int column)
{
  return ((gint64) row << 16) | (gint64) (column + 1);
}

static void
add_problem_valist (PathwayImportPlan *self, PathwayImportSeverity severity, guint row,
                    int column, const char *value, const char *format, va_list args)
    G_GNUC_PRINTF (6, 0);

static void G_GNUC_PRINTF (6, 7)
add_problem (PathwayImportPlan *self, PathwayImportSeverity severity, guint row, int column,
             const char *value, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (self, severity, row, column, value, format, args);
  va_end (args);
}

void
pathway_import_plan_add_problem (PathwayImportPlan *self, PathwayImportSeverity severity,
                                 guint row, int column, const char *value, const char *format,
                                 ...)
{
  va_list args;

  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));

  va_start (args, format);
  add_problem_valist (self, severity, row, column, value, format, args);
  va_end (args);
}

static void
add_problem_valist (PathwayImportPlan *self, PathwayImportSeverity severity, guint row,
                    int column, const char *value, const char *format, va_list args)
{
  OwnedProblem problem = { 0 };
  gint64 *key;
  gpointer existing;

  problem.message = g_strdup_vprintf (format, args);
  problem.column_letter = column >= 0 ? pathway_column_letter ((guint) column) : g_strdup ("");
  problem.header = g_strdup (column >= 0 ? pathway_sheet_get_header (self->sheet, (guint) column)
                                         : "");
  problem.value = g_strdup (value ? value : "");
  problem.problem.severity = severity;
  problem.problem.row = row;
  problem.problem.row_number = pathway_sheet_get_row_number (self->sheet, row);
  problem.problem.column = column;
  g_array_append_val (self->problems, problem);

  if (severity == PATHWAY_IMPORT_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;
  if (row < self->rows->len && severity == PATHWAY_IMPORT_ERROR)
    g_array_index (self->rows, PlanRow, row).has_error = TRUE;

  {
    gint64 lookup = cell_key (row, column);

    if (g_hash_table_lookup_extended (self->worst, &lookup, NULL, &existing))
      {
        const OwnedProblem *other = &g_array_index (self->problems, OwnedProblem,
                                                    GPOINTER_TO_UINT (existing));

        if (other->problem.severity == PATHWAY_IMPORT_ERROR)
          return;
      }
  }
  key = g_new (gint64, 1);
  *key = cell_key (row, column);
  g_hash_table_replace (self->worst, key, GUINT_TO_POINTER (self->problems->len - 1));
}

/* The public struct's strings point into the owned ones; the array may have moved since. */
static const PathwayImportProblem *
problem_at (PathwayImportPlan *self, guint index)
{
  OwnedProblem *owned = &g_array_index (self->problems, OwnedProblem, index);

  owned->problem.column_letter = owned->column_letter;
  owned->problem.header = owned->header;
  owned->problem.value = owned->value;
  owned->problem.message = owned->message;
  return &owned->problem;
}

/* Reading values -------------------------------------------------------------------------------- */

/* Two timescales mean the same when they name the same day at the same precision ("Dec 18" is
 * "December 2018"), or, undated, read the same. */
static gboolean
same_timescale (const PathwayTimescale *a, const PathwayTimescale *b)
{
  gboolean a_empty = a == NULL || *a->text == '\0';
  gboolean b_empty = b == NULL || *b->text == '\0';

  if (a_empty || b_empty)
    return a_empty == b_empty;
  if (pathway_timescale_has_date (a) != pathway_timescale_has_date (b))
    return FALSE;
  if (pathway_timescale_has_date (a))
    return a->precision == b->precision && g_date_compare (&a->date, &b->date) == 0;
  {
    g_autofree char *x = pathway_import_fold_name (a->text);
    g_autofree char *y = pathway_import_fold_name (b->text);

    return strcmp (x, y) == 0;
  }
}

static gboolean
same_text (const char *stored, const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (stored ? stored : ""));

  return strcmp (trimmed, value) == 0;
}

/* "A – Families first", "1: Leadership", "WS2 - Health": a short code, a dash or colon, a
 * title. Returns FALSE when the text is not written that way. */
static gboolean
split_code_title (const char *text, char **code, char **title)
{
  static const char *const separators[] = { " – ", " — ", " - ", ": ", ". " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (text, separators[i]);

      if (at != NULL && at > text && at - text <= 12 && memchr (text, ' ', at - text) == NULL &&
          at[strlen (separators[i])] != '\0')
        {
          *code = g_strndup (text, at - text);
          *title = g_strstrip (g_strdup (at + strlen (separators[i])));
          return TRUE;
        }
    }
  return FALSE;
}

/* The text an export writes for a workstream or an area, which finding reads back. */
static char *
join_code_title (const char *code, const char *title)
{
  if (code == NULL || *code == '\0')
    return g_strdup (title ? title : "");
  if (title == NULL || *title == '\0' || strcmp (code, title) == 0)
    return g_strdup (code);
  return g_strdup_printf ("%s – %s", code, title);
}

/* Finding things in the programme ------------------------------------------------------------ */

/* An index of the programme's names, built once per plan or apply. */
typedef struct {
  GHashTable *actions;     /* folded reference -> PathwayAction */
  GHashTable *people;      /* folded name -> PathwayPerson */
  GHashTable *workstreams; /* folded code, title and "code – title" -> PathwayWorkstream */
  GHashTable *areas;       /* folded reference, title and "ref – title" -> area */
  gboolean has_actions;
} Index;

static void
index_add (GHashTable *table, const char *text, gpointer object)
{
  if (text != NULL && *text != '\0')
    {
      char *key = pathway_import_fold_name (text);

      if (g_hash_table_contains (table, key))
        g_free (key);
      else
        g_hash_table_insert (table, key, object);
    }
}

/* The number of a reference written as a word and a number ("AoW 2", "W2", "Area 3"), or
 * NULL: "1A" is a reference of its own, not area 1. */
static char *
area_number (const char *reference)
{
  const char *p = reference ? reference : "";
  const char *digits;

  while (*p != '\0' && (g_ascii_isalpha (*p) || *p == ' ' || *p == '.'))
    p++;
  if (p == reference || !g_ascii_isdigit (*p))
    return NULL;
  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0' ? g_strdup (digits) : NULL;
}

static void
index_init (Index *index, PathwayProgramme *programme)
{
  GListModel *list;

  index->actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->workstreams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->has_actions = FALSE;

  list = pathway_programme_get_actions (programme);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (list, i);

      if (pathway_action_get_deleted (action))
        continue;
      index->has_actions = TRUE;
      index_add (index->actions, pathway_action_get_reference (action), action);
    }
  list = pathway_programme_get_people (programme);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (list, i);

      index_add (index->people, pathway_person_get_name (person), person);
    }
  list = pathway_programme_get_workstreams (programme);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (list, i);
      const char *code = pathway_workstream_get_code (workstream);
      const char *title = pathway_workstream_get_title (workstream);
      g_autofree char *joined = join_code_title (code, title);

      index_add (index->workstreams, code, workstream);
      index_add (index->workstreams, joined, workstream);
      index_add (index->workstreams, title, workstream);
    }
  list = pathway_programme_get_areas (programme);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (list, i);
      const char *reference = pathway_area_of_weakness_get_reference (area);
      const char *title = pathway_area_of_weakness_get_title (area);
      g_autofree char *joined = join_code_title (reference, title);

      g_autofree char *number = area_number (reference);

      index_add (index->areas, reference, area);
      index_add (index->areas, joined, area);
      index_add (index->areas, title, area);
      /* "Area of weakness 2" finds the area whose reference is "AoW 2". */
      index_add (index->areas, number, area);
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->actions, g_hash_table_unref);
  g_clear_pointer (&index->people, g_hash_table_unref);
  g_clear_pointer (&index->workstreams, g_hash_table_unref);
  g_clear_pointer (&index->areas, g_hash_table_unref);
}

/* Finds a workstream or area by the row's text: the whole text, or its code part when the
 * text is "code – title". */
static gpointer
find_coded (GHashTable *table, const char *text)
{
  g_autofree char *key = pathway_import_fold_name (text);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  gpointer found = g_hash_table_lookup (table, key);

  if (found == NULL && split_code_title (text, &code, &title))
    {
      g_autofree char *code_key = pathway_import_fold_name (code);

      found = g_hash_table_lookup (table, code_key);
    }
  return found;
}

static gboolean
same_key (const char *text, const char *key)
{
  g_autofree char *folded = text ? pathway_import_fold_name (text) : NULL;

  return folded != NULL && *folded != '\0' && strcmp (folded, key) == 0;
}

/* An addition already noted under this text, its code or its title: "F – Finance", "F" and
 * "Finance" are one workstream. */
static Addition *
find_addition (GPtrArray *additions, const char *text)
{
  g_autofree char *key = pathway_import_fold_name (text);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code_key = NULL;

  if (split_code_title (text, &code, &title))
    code_key = pathway_import_fold_name (code);
  for (guint i = 0; i < additions->len; i++)
    {
      Addition *addition = g_ptr_array_index (additions, i);

      if (strcmp (addition->key, key) == 0 || same_key (addition->code, key) ||
          same_key (addition->title, key) ||
          (code_key != NULL && same_key (addition->code, code_key)))
        return addition;
    }
  return NULL;
}

/* Notes a name the programme lacks, once. For workstreams and areas the code is the text's
 * own ("A – Families first") or, for a short text with no spaces, the text; otherwise one is
 * given when applying. */
static void
note_addition (GPtrArray *additions, const char *text, gboolean coded)
{
  Addition *addition;

  if (find_addition (additions, text) != NULL)
    return;
  addition = g_new0 (Addition, 1);
  addition->key = pathway_import_fold_name (text);
  addition->text = g_strdup (text);
  if (coded && !split_code_title (text, &addition->code, &addition->title))
    {
      if (g_utf8_strlen (text, -1) <= 8 && strchr (text, ' ') == NULL)
        addition->code = g_strdup (text);
      addition->title = g_strdup (text);
    }
  g_ptr_array_add (additions, addition);
}

/* The moment an update as at 'date' is dated: the last second of the day, as the store dates
 * it (pathway_document_set_as_at). */
static gint64
end_of_day (const GDate *date)
{
  GDate next = *date;
  g_autoptr(GDateTime) start = NULL;

  g_date_add_days (&next, 1);
  start = g_date_time_new_local (g_date_get_year (&next), g_date_get_month (&next),
                                 g_date_get_day (&next), 0, 0, 0);
  return g_date_time_to_unix (start) - 1;
}

/* What the rows are compared with: the programme as it is now, or, for a tracker dated at
 * an earlier day (pathway_import_plan_set_as_at), as it stood at the end of that day. An
 * action changed since that day takes from the tracker only what its history can hold
 * (rating, status, commentary, evidence), dated that day between the changes already there;
 * its other fields are the later tracker's. */
typedef struct {
  GDate day;       /* the day the tracker is dated: the as-at day, else today */
  gboolean as_at;
  GArray *states;  /* PathwayActionState at the end of the as-at day; NULL without one */
} Baseline;

static void
baseline_init (Baseline *baseline, PathwayImportPlan *plan, PathwayDocument *document)
{
  baseline->as_at = g_date_valid (&plan->as_at);
  baseline->states = NULL;
  if (!baseline->as_at)
    {
      pathway_document_get_today (document, &baseline->day);
      return;
    }
  baseline->day = plan->as_at;
  /* Without the history (a closed or damaged file) every action counts as changed since: the
   * write that follows reports the trouble. */
  baseline->states = pathway_document_states_as_at (document, &baseline->day, NULL);
}

static void
baseline_clear (Baseline *baseline)
{
  g_clear_pointer (&baseline->states, g_array_unref);
}

/* Whether the tracker is the latest word on the action: nothing changed it after the day. */
static gboolean
baseline_is_latest (const Baseline *baseline, PathwayAction *action)
{
  GDateTime *last;

  if (!baseline->as_at)
    return TRUE;
  last = pathway_action_get_last_updated (action);
  return last == NULL || g_date_time_to_unix (last) <= end_of_day (&baseline->day);
}

/* The action's rating, status and commentary on the tracker's day: none of them when it did
 * not exist yet. */
static void
baseline_state (const Baseline *baseline, PathwayAction *action, PathwayRating *rating,
                PathwayStatus *status, const char **commentary)
{
  const PathwayActionState *state = NULL;

  if (baseline_is_latest (baseline, action))
    {
      *rating = pathway_action_get_rating (action);
      *status = pathway_action_get_status (action);
      *commentary = pathway_action_get_commentary (action);
      return;
    }
  if (baseline->states != NULL)
    state = pathway_action_states_find (baseline->states, pathway_action_get_id (action));
  *rating = state ? state->rating : PATHWAY_RATING_NONE;
  *status = state ? state->status : PATHWAY_STATUS_NOT_STARTED;
  *commentary = state ? state->commentary : "";
}

/* Planning ---------------------------------------------------------------------------------------- */

/* What the plans of one import share: the references of every sheet, so that a second action
 * under one reference is kept apart whichever sheet it is on. */
typedef struct {
  PathwayImportPlan *plan; /* not a reference: the plans outlive the planning */
  guint row;
  char *description; /* folded */
  char *workstream;  /* folded */
} SeenReference;

typedef struct {
  GHashTable *seen;    /* folded reference -> SeenReference, as imported */
  GHashTable *in_file; /* folded references written in the file: a mark avoids them */
  gboolean several;    /* several sheets: made references name their sheet */
  gboolean turn_on_blue;
} Shared;

static void
seen_reference_free (gpointer data)
{
  SeenReference *seen = data;

  g_free (seen->description);
  g_free (seen->workstream);
  g_free (seen);
}

static void
shared_init (Shared *shared, gboolean several)
{
  shared->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, seen_reference_free);
  shared->in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  shared->several = several;
  shared->turn_on_blue = FALSE;
}

static void
shared_clear (Shared *shared)
{
  g_clear_pointer (&shared->seen, g_hash_table_unref);
  g_clear_pointer (&shared->in_file, g_hash_table_unref);
}

/* Notes the references a sheet's rows give, before any row is planned. */
static void
shared_scan (Shared *shared, PathwaySheet *sheet, PathwayImportMapping *mapping)
{
  int column = pathway_import_mapping_get_column (mapping, PATHWAY_IMPORT_FIELD_REFERENCE);

  if (column < 0)
    return;
  for (guint r = pathway_sheet_get_header_row (sheet) + 1; r < pathway_sheet_get_n_rows (sheet);
       r++)
    {
      const char *text = pathway_sheet_get_cell (sheet, r, (guint) column);

      if (*text != '\0')
        g_hash_table_add (shared->in_file, pathway_import_fold_name (text));
    }
}

typedef struct {
  PathwayImportPlan *plan;
  PathwayDocument *document;
  PathwaySheet *sheet;
  PathwayImportMapping *mapping;
  PathwayProgramme *programme;
  PathwayRatingScheme *scheme;
  Shared *shared;
  Index index;
  Baseline baseline;
  GArray *colour_key;       /* PathwayColourMeaning: what the sheet's own key says */
  int columns[PATHWAY_IMPORT_N_FIELDS];
  int first_column;         /* the first column with a field */
  guint last_table_row;     /* the last row of the table itself: notes come after it */
  char *heading_theme;
  char *heading_area;       /* "2 – Title", from the last area heading */
  char *default_workstream; /* the sheet's, when it has no workstream column */
} Planner;

/* A row that repeats the header (trackers printed with the header on each page). */
static gboolean
repeats_header (Planner *planner, guint row)
{
  guint header = pathway_sheet_get_header_row (planner->sheet);
  gboolean any = FALSE;

  for (guint c = 0; c < pathway_sheet_get_n_columns (planner->sheet); c++)
    {
      const char *a = pathway_sheet_get_cell (planner->sheet, row, c);
      const char *b = pathway_sheet_get_cell (planner->sheet, header, c);
      g_autofree char *x = pathway_import_fold_header (a);
      g_autofree char *y = pathway_import_fold_header (b);

      if (strcmp (x, y) != 0)
        return FALSE;
      any |= *x != '\0';
    }
  return any;
}

/* How many cells of a row have text, the first of them, and whether they all hold the same
 * text: a cell merged across the row gives each of its cells its value, and is still one. */
static guint
count_filled (PathwaySheet *sheet, guint row, int *first, gboolean *one_text)
{
  const char *first_text = NULL;
  guint filled = 0;

  *first = -1;
  *one_text = TRUE;
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      const char *text = pathway_sheet_get_cell (sheet, row, c);

      for (; *text && g_ascii_isspace (*text); text++)
        ;
      if (*text == '\0')
        continue;
      filled++;
      if (*first < 0)
        {
          *first = (int) c;
          first_text = pathway_sheet_get_cell (sheet, row, c);
        }
      else if (strcmp (first_text, pathway_sheet_get_cell (sheet, row, c)) != 0)
        *one_text = FALSE;
    }
  return filled;
}

/* A colour key: its first cell says "Key", or is a colour on its own or followed by what it
 * means ("Red", "Red = not on track", "Green - complete"). */
static gboolean
is_key_text (const char *text)
{
  static const char *const keys[] = {
    "key", "keys", "colour key", "color key", "rag key", "brag key", "rating key",
    "ratings key", "rag rating key", "key to ratings", "key to rag ratings", "legend",
    "rag", "brag",
  };
  static const char *const colours[] = { "red", "amber", "green", "blue" };
  g_autofree char *folded = pathway_import_fold_name (text);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (folded, keys[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      gsize n = strlen (colours[i]);

      if (strncmp (folded, colours[i], n) == 0)
        {
          const char *rest = folded + n;

          for (; *rest == ' '; rest++)
            ;
          if (*rest == '\0' || strchr ("=:-(", *rest) != NULL ||
              g_str_has_prefix (rest, "–") || g_str_has_prefix (rest, "—"))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_number_text (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!strchr (" .,%", *p))
        return FALSE;
    }
  return digit;
}

/* A totals row: its first cell says "Total" (or the like) and the rest are numbers. */
static gboolean
is_totals_row (PathwaySheet *sheet, guint row, int first)
{
  static const char *const words[] = {
    "total", "totals", "grand total", "sub total", "subtotal", "count", "overall",
    "number of actions", "total actions", "total number of actions",
  };
  g_autofree char *folded = pathway_import_fold_header (pathway_sheet_get_cell (sheet, row,
                                                                                (guint) first));
  gboolean named = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    named |= strcmp (folded, words[i]) == 0;
  if (!named)
    return FALSE;
  for (guint c = (guint) first + 1; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      const char *text = pathway_sheet_get_cell (sheet, row, c);

      if (*text != '\0' && !is_number_text (text))
        return FALSE;
    }
  return TRUE;
}

/* A cell with a colour of its own: a fill that is not white. */
static gboolean
has_colour (PathwaySheet *sheet, guint row, guint column, guint32 *rgb)
{
  guint32 fill;

  if (!pathway_sheet_get_cell_fill (sheet, row, column, &fill) ||
      pathway_import_fill_is_blank (fill))
    return FALSE;
  if (rgb != NULL)
    *rgb = fill;
  return TRUE;
}

/* A line of a colour key that does not say "Key": a coloured cell and a rating word in it or
 * just after it ("Off track", "Complete"), and at most one other text. A rating cell of the
 * table is never one. */
static gboolean
is_key_line (Planner *planner, guint row, int first)
{
  PathwaySheet *sheet = planner->sheet;
  PathwayRating rating;
  int texts = 0;

  if (first == planner->columns[PATHWAY_IMPORT_FIELD_RATING] ||
      pathway_import_field_is_repeated (pathway_import_mapping_get_field (planner->mapping,
                                                                          (guint) first)) ||
      pathway_import_read_key_word (planner->scheme,
                                    pathway_sheet_get_cell (sheet, row, (guint) first),
                                    &rating) == PATHWAY_RATING_WORD_UNKNOWN)
    return FALSE;
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    texts += *pathway_sheet_get_cell (sheet, row, c) != '\0';
  return texts <= 2 && (has_colour (sheet, row, (guint) first, NULL) ||
                        (first > 0 && has_colour (sheet, row, (guint) first - 1, NULL)));
}

/* Why a row that is not an action is skipped, or NULL when it may be one. */
static const char *
not_an_action (Planner *planner, guint row, int first)
{
  if (is_key_text (pathway_sheet_get_cell (planner->sheet, row, (guint) first)) ||
      is_key_line (planner, row, first))
    return _("a colour key");
  if (is_totals_row (planner->sheet, row, first))
    return _("a totals row");
  return NULL;
}

static gboolean
has_cell (Planner *planner, guint row, PathwayImportField field)
{
  int column = planner->columns[field];
  const char *text;

  if (column < 0)
    return FALSE;
  text = pathway_sheet_get_cell (planner->sheet, row, (guint) column);
  for (; *text && g_ascii_isspace (*text); text++)
    ;
  return *text != '\0';
}

/* The last row of the table: one with a reference or an action and something beside it. */
static guint
find_last_table_row (Planner *planner)
{
  guint header = pathway_sheet_get_header_row (planner->sheet);
  guint last = header;

  for (guint r = header + 1; r < pathway_sheet_get_n_rows (planner->sheet); r++)
    {
      int first;
      gboolean one_text;

      if (count_filled (planner->sheet, r, &first, &one_text) < 2 || one_text ||
          repeats_header (planner, r) || not_an_action (planner, r, first) != NULL)
        continue;
      if (has_cell (planner, r, PATHWAY_IMPORT_FIELD_REFERENCE) ||
          has_cell (planner, r, PATHWAY_IMPORT_FIELD_DESCRIPTION))
        last = r;
    }
  return last;
}

/* Notes what a coloured cell of a key means: its own text or, when it has none, the text
 * beside it ("[red] | Off track" or "Off track | [red]"). */
static void
note_key_cell (Planner *planner, guint row, guint column, guint32 rgb)
{
  PathwaySheet *sheet = planner->sheet;
  const char *text = pathway_sheet_get_cell (sheet, row, column);
  PathwayColourMeaning meaning = { rgb };

  if (*text == '\0' && column + 1 < pathway_sheet_get_n_columns (sheet) &&
      !has_colour (sheet, row, column + 1, NULL))
    text = pathway_sheet_get_cell (sheet, row, column + 1);
  if (*text == '\0' && column > 0 && !has_colour (sheet, row, column - 1, NULL))
    text = pathway_sheet_get_cell (sheet, row, column - 1);
  meaning.word = pathway_import_read_key_word (planner->scheme, text, &meaning.rating);
  if (meaning.word == PATHWAY_RATING_WORD_UNKNOWN)
    return;
  /* The first meaning of a colour stands. */
  for (guint i = 0; i < planner->colour_key->len; i++)
    if (g_array_index (planner->colour_key, PathwayColourMeaning, i).rgb == rgb)
      return;
  g_array_append_val (planner->colour_key, meaning);
}

/* The sheet's own colour key, when it has one: coloured cells saying what their colour means,
 * above the header, under the table, in rows the plan skips as a key, or in a column beside
 * the table with no header. The rating cells of the table never teach it: a cell whose text
 * and colour disagree is the tracker's slip, not its key. */
static GArray *
find_colour_key (Planner *planner)
{
  PathwaySheet *sheet = planner->sheet;
  guint header = pathway_sheet_get_header_row (sheet);
  GArray *key = g_array_new (FALSE, FALSE, sizeof (PathwayColourMeaning));

  planner->colour_key = key;
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    {
      gboolean key_row = r < header || r > planner->last_table_row;
      int first;
      gboolean one_text;

      if (r == header)
        continue;
      if (!key_row && count_filled (sheet, r, &first, &one_text) > 0)
        key_row = not_an_action (planner, r, first) != NULL && !repeats_header (planner, r);
      for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
        {
          guint32 rgb;

          if (!key_row && (pathway_import_mapping_get_field (planner->mapping, c) !=
                             PATHWAY_IMPORT_FIELD_NONE ||
                           *pathway_sheet_get_header (sheet, c) != '\0'))
            continue;
          if (has_colour (sheet, r, c, &rgb))
            note_key_cell (planner, r, c, rgb);
        }
    }
  return key;
}

/* "Area of weakness 2: Leaders' oversight", "AoW 1A – ...", "Priority 3": an area's number
 * and its title (perhaps empty). */
static gboolean
read_area_heading (const char *text, char **code, char **title)
{
  static GRegex *heading;
  static gsize done = 0;
  g_autoptr(GMatchInfo) match = NULL;

  /* Compiled once: every plan of every keystroke in the dialog reads headings. */
  if (g_once_init_enter (&done))
    {
      heading = g_regex_new (
        "^\\s*(?:areas?\\s+of\\s+(?:significant\\s+)?weakness(?:es)?|aow|weakness|"
        "areas?\\s+for\\s+(?:improvement|development)|priority(?:\\s+action)?|"
        "(?:inspection\\s+)?(?:concern|finding))\\s*(?:no\\.?|number|#)?\\s*(\\d+[a-z]?)\\b"
        "[\\s:.\\-–—)]*(.*)$",
        G_REGEX_CASELESS | G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  if (heading == NULL || !g_regex_match (heading, text, 0, &match))
    return FALSE;
  *code = g_match_info_fetch (match, 1);
  *title = g_strstrip (g_match_info_fetch (match, 2));
  return TRUE;
}

static void
read_heading (Planner *planner, guint r, int column)
{
  g_autofree char *text = pathway_import_cell_value (planner->sheet, r, column);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;

  if (read_area_heading (text, &code, &title))
    {
      g_free (planner->heading_area);
      planner->heading_area = join_code_title (code, title);
    }
  g_free (planner->heading_theme);
  planner->heading_theme = g_steal_pointer (&text);
}

/* The workstream a sheet of a workbook kept by workstream stands for: what its title block
 * names ("Workstream 2: Health"), or its own name unless that is Excel's ("Sheet2"). */
static char *
sheet_workstream (PathwaySheet *sheet)
{
  g_autoptr(GRegex) named = g_regex_new (
    "^\\s*(?:work\\s*stream|strand)(?!\\s*(?:leads?|owners?|chairs?|sponsors?|members?)\\b)"
    "\\s*(?:(\\w{1,4})\\s*[:.\\-–—]\\s*(\\S.*)|[:\\-–—]\\s*(\\S.*)|(\\w{1,4}))\\s*$",
    G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) generic = g_regex_new ("^\\s*sheet\\s*\\d*\\s*$", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) coded = g_regex_new ("^\\s*(\\S*\\d\\S*)\\s+(\\D.*)$", 0, 0, NULL);
  const char *name = pathway_sheet_get_sheet_name (sheet);
  g_autoptr(GMatchInfo) match = NULL;

  for (guint r = 0; r < pathway_sheet_get_header_row (sheet); r++)
    for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
      {
        g_autoptr(GMatchInfo) found = NULL;

        if (g_regex_match (named, pathway_sheet_get_cell (sheet, r, c), 0, &found))
          {
            g_autofree char *code = g_match_info_fetch (found, 1);
            g_autofree char *title = g_match_info_fetch (found, 2);
            g_autofree char *only_title = g_match_info_fetch (found, 3);
            g_autofree char *only_code = g_match_info_fetch (found, 4);

            if (code != NULL && *code != '\0')
              return join_code_title (code, g_strstrip (title));
            if (only_title != NULL && *only_title != '\0')
              return g_strstrip (g_steal_pointer (&only_title));
            return g_steal_pointer (&only_code);
          }
      }
  if (name == NULL || *name == '\0' || g_regex_match (generic, name, 0, NULL))
    return NULL;
  /* "WS1 Education" is workstream WS1, Education. */
  if (g_regex_match (coded, name, 0, &match))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);
      g_autofree char *title = g_strstrip (g_match_info_fetch (match, 2));

      return join_code_title (code, title);
    }
  return g_strstrip (g_strdup (name));
}

static char *
take_field (Planner *planner, guint r, PlanRow *row, PathwayImportField field)
{
  char *value = pathway_import_cell_value (planner->sheet, r, planner->columns[field]);

  if (*value != '\0')
    row->present |= FIELD_BIT (field);
  return value;
}

static void
read_timescale (Planner *planner, guint r, PlanRow *row, PathwayImportField field,
                PathwayTimescale **out)
{
  g_autofree char *text = take_field (planner, r, row, field);

  if (*text == '\0')
    return;
  *out = pathway_timescale_parse (text);
  /* "Ongoing" is meant to have no date; anything else undated was probably meant to. */
  if (!pathway_timescale_has_date (*out) && g_ascii_strcasecmp (text, "ongoing") != 0)
    add_problem (planner->plan, PATHWAY_IMPORT_WARNING, r, planner->columns[field], text,
                 _("No date can be read from this timescale; it is kept as written, but the "
                   "action cannot show as overdue. Write a month and year, such as “Dec 18”, "
                   "to give it one."));
}

static const char *
colour_name (PathwayRating rating)
{
  static const char *const names[PATHWAY_N_RATINGS] = {
    N_("no rating"), N_("Red"), N_("Amber"), N_("Green"), N_("Blue"),
  };

  return g_dgettext (GETTEXT_PACKAGE, names[rating]);
}

/* The colour a word or a fill stands for, to tell whether a cell's text and colour agree:
 * completion is blue, "not started" no colour. */
static PathwayRating
seen_colour (PathwayRatingWord word, PathwayRating rating)
{
  switch (word)
    {
    case PATHWAY_RATING_WORD_COLOUR:
      return rating;
    case PATHWAY_RATING_WORD_BLUE:
    case PATHWAY_RATING_WORD_COMPLETE:
      return PATHWAY_RATING_BLUE;
    case PATHWAY_RATING_WORD_BLANK:
    case PATHWAY_RATING_WORD_NOT_STARTED:
    case PATHWAY_RATING_WORD_SPLIT:
    case PATHWAY_RATING_WORD_UNKNOWN:
    default:
      return PATHWAY_RATING_NONE;
    }
}

/* A rating shown by a cell's colour: a cell with no text is read by its fill (the sheet's key
 * first, then the colours ratings are given in); a colour near no rating is an error, since a
 * guess would put a wrong rating in. Where the text and the colour disagree, the text wins and
 * the row is warned. Returns the word to read the cell by. */
static PathwayRatingWord
read_rating_colour (Planner *planner, guint r, int column, const char *text,
                    PathwayRating *rating, gboolean *from_fill)
{
  PathwayRatingWord word = pathway_import_read_rating_word (planner->scheme, text, rating);
  PathwayRatingWord fill_word;
  PathwayRating fill_rating = PATHWAY_RATING_NONE;
  PathwayRating said, shown;
  guint32 rgb;

  *from_fill = FALSE;
  if (column < 0 || !has_colour (planner->sheet, r, (guint) column, &rgb))
    return word;
  if (!pathway_import_read_fill (planner->colour_key, rgb, &fill_word, &fill_rating))
    {
      if (word == PATHWAY_RATING_WORD_BLANK)
        add_problem (planner->plan, PATHWAY_IMPORT_ERROR, r, column, "",
                     _("This cell has no text, and its colour (%s, #%06X) is not one a rating "
                       "is shown in, nor one the sheet's colour key gives. Type the rating in "
                       "the cell, or take the colour off if it has none."),
                     pathway_import_fill_name (rgb), rgb);
      return word == PATHWAY_RATING_WORD_BLANK ? PATHWAY_RATING_WORD_UNKNOWN : word;
    }
  if (word == PATHWAY_RATING_WORD_BLANK)
    {
      *from_fill = TRUE;
      *rating = fill_rating;
      return fill_word;
    }
  said = seen_colour (word, *rating);
  shown = seen_colour (fill_word, fill_rating);
  /* In a scheme without Blue, complete is green. */
  if (!pathway_rating_scheme_get_uses_blue (planner->scheme))
    {
      said = said == PATHWAY_RATING_BLUE ? PATHWAY_RATING_GREEN : said;
      shown = shown == PATHWAY_RATING_BLUE ? PATHWAY_RATING_GREEN : shown;
    }
  if (word != PATHWAY_RATING_WORD_SPLIT && word != PATHWAY_RATING_WORD_UNKNOWN && said != shown)
    add_problem (planner->plan, PATHWAY_IMPORT_WARNING, r, column, text,
                 _("The cell says “%s” but is coloured %s (#%06X), which reads as %s: the text "
                   "is taken. Check which is right."),
                 text, pathway_import_fill_name (rgb), rgb, colour_name (shown));
  return word;
}

/* Reads a rating cell into *rating, by its text or, with none, by its colour; FALSE when it is
 * blank or cannot be read (an error). *complete: a word of completion, which makes the status
 * complete; *not_started: "Not started", which makes it that; *from_fill: read by the colour. */
static gboolean
read_rating_cell (Planner *planner, guint r, int column, const char *text,
                  PathwayRating *rating, gboolean *complete, gboolean *not_started,
                  gboolean *from_fill)
{
  gboolean uses_blue = pathway_rating_scheme_get_uses_blue (planner->scheme);
  PathwayRatingWord word = read_rating_colour (planner, r, column, text, rating, from_fill);

  *complete = *not_started = FALSE;
  /* The error on a colour read as nothing is given already. */
  if (*text == '\0' && word == PATHWAY_RATING_WORD_UNKNOWN)
    return FALSE;
  switch (word)
    {
    case PATHWAY_RATING_WORD_BLANK:
      return FALSE;
    case PATHWAY_RATING_WORD_COLOUR:
      return TRUE;
    case PATHWAY_RATING_WORD_SPLIT:
      add_problem (planner->plan, PATHWAY_IMPORT_WARNING, r, column, text,
                   _("A split rating: it is read as %s, the worse of its colours."),
                   colour_name (*rating));
      return TRUE;
    case PATHWAY_RATING_WORD_NOT_STARTED:
      *rating = PATHWAY_RATING_NONE;
      *not_started = TRUE;
      return TRUE;
    case PATHWAY_RATING_WORD_BLUE:
      /* A new programme takes the tracker's BRAG scheme; in one rated RAG, complete is green
       * with the status saying so. */
      if (!uses_blue && !planner->index.has_actions)
        {
          planner->shared->turn_on_blue = TRUE;
          uses_blue = TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case PATHWAY_RATING_WORD_COMPLETE:
      *complete = TRUE;
      *rating = uses_blue ? PATHWAY_RATING_BLUE : PATHWAY_RATING_GREEN;
      return TRUE;
    case PATHWAY_RATING_WORD_UNKNOWN:
    default:
      add_problem (planner->plan, PATHWAY_IMPORT_ERROR, r, column, text,
                   uses_blue
                     ? _("This is not a rating. Use Red, Amber, Green or Blue (or R, A, G, B, "
                         "On track, At risk, Off track or Complete), or leave it blank.")
                     : _("This is not a rating. Use Red, Amber or Green (or R, A, G, On track, "
                         "At risk, Off track or Complete), or leave it blank."));
      return FALSE;
    }
}

/* The earlier months' ratings and commentaries of a row. */
static void
read_history (Planner *planner, guint r, PlanRow *row)
{
  GArray *months = planner->plan->months;

  if (months->len == 0)
    return;
  row->history = g_array_new (FALSE, TRUE, sizeof (PlanMonth));
  g_array_set_clear_func (row->history, plan_month_clear);
  for (guint m = 0; m < months->len; m++)
    {
      const MonthColumns *columns = &g_array_index (months, MonthColumns, m);
      g_autofree char *rating_text = pathway_import_cell_value (planner->sheet, r,
                                                                columns->rating_column);
      g_autofree char *commentary = pathway_import_cell_value (planner->sheet, r,
                                                               columns->commentary_column);
      PlanMonth month = { m };
      gboolean not_started;

      month.has_rating = read_rating_cell (planner, r, columns->rating_column, rating_text,
                                           &month.rating, &month.rated_complete, &not_started,
                                           &month.from_fill);
      if (*commentary != '\0')
        month.commentary = g_steal_pointer (&commentary);
      if (month.has_rating || month.commentary != NULL)
        g_array_append_val (row->history, month);
    }
}

static void
read_row_values (Planner *planner, guint r, PlanRow *row)
{
  PathwayImportPlan *plan = planner->plan;
  g_autofree char *rating_text = NULL;
  g_autofree char *status_text = NULL;
  gboolean not_started = FALSE;

  row->reference = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_REFERENCE);
  row->description = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_DESCRIPTION);
  row->lead = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_LEAD);
  row->workstream = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_WORKSTREAM);
  row->theme = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_THEME);
  row->area = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_AREA);
  row->success_measure = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE);
  row->commentary = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_COMMENTARY);
  row->evidence = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_EVIDENCE);
  read_timescale (planner, r, row, PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, &row->original);
  read_timescale (planner, r, row, PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE, &row->revised);

  /* What the sheet says above the row stands for what the row leaves out. */
#define FROM_ABOVE(member, field, value)                                                      \
  if (*row->member == '\0' && (value) != NULL)                                                \
    {                                                                                         \
      g_free (row->member);                                                                   \
      row->member = g_strdup (value);                                                         \
      row->present |= FIELD_BIT (field);                                                      \
    }
  FROM_ABOVE (theme, PATHWAY_IMPORT_FIELD_THEME, planner->heading_theme);
  FROM_ABOVE (area, PATHWAY_IMPORT_FIELD_AREA, planner->heading_area);
  FROM_ABOVE (workstream, PATHWAY_IMPORT_FIELD_WORKSTREAM, planner->default_workstream);
#undef FROM_ABOVE

  status_text = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_STATUS);
  if (*status_text != '\0' && !pathway_import_read_status_word (status_text, &row->status))
    {
      add_problem (plan, PATHWAY_IMPORT_ERROR, r, planner->columns[PATHWAY_IMPORT_FIELD_STATUS],
                   status_text,
                   _("This is not a delivery status. Use Not started, In progress, Delayed, "
                     "Complete or On hold, or leave it blank."));
      row->present &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);
    }

  rating_text = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_RATING);
  if (read_rating_cell (planner, r, planner->columns[PATHWAY_IMPORT_FIELD_RATING], rating_text,
                        &row->rating, &row->rated_complete, &not_started,
                        &row->rating_from_fill))
    row->present |= FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
  else
    row->present &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
  /* The status column says the status; without one the rating's words do. */
  if ((row->rated_complete || not_started) && *status_text == '\0')
    {
      row->status = row->rated_complete ? PATHWAY_STATUS_COMPLETE : PATHWAY_STATUS_NOT_STARTED;
      row->present |= FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);
    }
  read_history (planner, r, row);
}

/* Whether an earlier month goes into an action's history: every month that ended before the
 * tracker's day ('today': the as-at day, or today) for a new action (NULL); for an existing one
 * only the months after its last change, since the history before that is the programme's
 * own. */
static gboolean
month_applies (PathwayImportPlan *plan, const PlanMonth *month, PathwayAction *action,
               const GDate *today)
{
  const MonthColumns *columns = &g_array_index (plan->months, MonthColumns, month->month);
  GDateTime *last;

  /* A month not over by the tracker's day would be dated after that day's own changes. */
  if (g_date_compare (&columns->month_end, today) >= 0)
    return FALSE;
  if (action == NULL)
    return TRUE;
  last = pathway_action_get_last_updated (action);
  return last == NULL || end_of_day (&columns->month_end) > g_date_time_to_unix (last);
}

/* The first earlier month a new action would start from, or NULL. */
static const PlanMonth *
first_month (PathwayImportPlan *plan, PlanRow *row, const GDate *today)
{
  for (guint m = 0; row->history != NULL && m < row->history->len; m++)
    {
      const PlanMonth *month = &g_array_index (row->history, PlanMonth, m);

      if (month_applies (plan, month, NULL, today))
        return month;
    }
  return NULL;
}

static gboolean
evidence_is_new (PathwayDocument *document, PathwayAction *action, const char *text)
{
  g_autoptr(GListModel) evidence = NULL;
  g_autofree char *key = pathway_import_fold_name (text);

  if (action == NULL)
    return TRUE;
  evidence = pathway_document_list_evidence (document, action, NULL);
  for (guint i = 0; evidence != NULL && i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(PathwayEvidence) record = g_list_model_get_item (evidence, i);
      g_autofree char *other = pathway_import_fold_name (pathway_evidence_get_text (record));

      if (strcmp (key, other) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Which of the row's fields would change the existing action: its earlier months after the
 * action's last change, then the fields themselves, compared with the action as it stood on
 * the tracker's day. A field the row leaves blank is left alone; an action changed since that
 * day takes only what its history keeps. */
static guint
changes_for (PathwayImportPlan *plan, PlanRow *row, PathwayAction *action, Index *index,
             PathwayDocument *document, const Baseline *baseline, Planner *planner, guint r)
{
  gboolean latest = baseline_is_latest (baseline, action);
  PathwayRating rating_then;
  PathwayStatus status_then;
  const char *commentary_then;
  guint changes = 0;

  baseline_state (baseline, action, &rating_then, &status_then, &commentary_then);
  if (row->history != NULL)
    {
      PathwayRating rating = rating_then;
      const char *commentary = commentary_then;

      for (guint m = 0; m < row->history->len; m++)
        {
          const PlanMonth *month = &g_array_index (row->history, PlanMonth, m);

          if (!month_applies (plan, month, action, &baseline->day))
            continue;
          if (month->has_rating && month->rating != rating)
            {
              changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
              rating = month->rating;
            }
          if (month->commentary != NULL && !same_text (commentary, month->commentary))
            {
              changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY);
              commentary = month->commentary;
            }
        }
    }

  /* What the history keeps. */
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY)) &&
      !same_text (commentary_then, row->commentary))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY);
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)) && row->rating != rating_then)
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS)) && row->status != status_then)
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_EVIDENCE)) &&
      evidence_is_new (document, action, row->evidence))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_EVIDENCE);
  /* The rest is the latest tracker's. */
  if (!latest)
    return changes;

#define TEXT_CHANGE(field, getter, value)                                                    \
  if ((row->present & FIELD_BIT (field)) && !same_text (getter (action), value))             \
    changes |= FIELD_BIT (field);

  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_DESCRIPTION, pathway_action_get_description,
               row->description);
  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_THEME, pathway_action_get_theme, row->theme);
  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE, pathway_action_get_success_measure,
               row->success_measure);
#undef TEXT_CHANGE

  if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_LEAD))
    {
      g_autofree char *key = pathway_import_fold_name (row->lead);
      PathwayPerson *lead = g_hash_table_lookup (index->people, key);

      if (lead == NULL || lead != pathway_action_get_lead (action))
        changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_LEAD);
    }
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_WORKSTREAM)) &&
      find_coded (index->workstreams, row->workstream) != pathway_action_get_workstream (action))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_WORKSTREAM);
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_AREA)) &&
      find_coded (index->areas, row->area) != pathway_action_get_area (action))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_AREA);
  if (row->original != NULL)
    {
      const PathwayTimescale *current = pathway_action_get_original_timescale (action);

      if (current == NULL || *current->text == '\0')
        changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE);
      else if (!same_timescale (current, row->original) && planner != NULL)
        add_problem (planner->plan, PATHWAY_IMPORT_WARNING, r,
                     planner->columns[PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE],
                     row->original->text,
                     _("The original timescale of %s is fixed at “%s” and is not changed by "
                       "an import. Put a new date in the revised timescale column instead."),
                     pathway_action_get_reference (action), current->text);
    }
  if (row->revised != NULL)
    {
      const PathwayTimescale *current = pathway_action_get_revised_timescale (action);
      const PathwayTimescale *due = current != NULL && *current->text != '\0'
                                      ? current
                                      : pathway_action_get_original_timescale (action);

      /* A revised timescale equal to the one the action already keeps to is no revision. */
      if (!same_timescale (due, row->revised))
        changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE);
    }
  return changes;
}

/* Everything a new action would be given. */
static guint
changes_for_new (PlanRow *row)
{
  guint changes = row->present | FIELD_BIT (PATHWAY_IMPORT_FIELD_REFERENCE);

  if (row->revised != NULL && same_timescale (row->original, row->revised))
    changes &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE);
  for (guint m = 0; row->history != NULL && m < row->history->len; m++)
    {
      const PlanMonth *month = &g_array_index (row->history, PlanMonth, m);

      if (month->has_rating)
        changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
      if (month->commentary != NULL)
        changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY);
    }
  return changes;
}

/* A reference for a row that has an action and none of its own, from the row number the
 * spreadsheet shows, so the same file gives the same reference again. Not translated: a
 * reference must not change with the language of whoever imports. */
static char *
made_reference (Planner *planner, guint r)
{
  guint number = pathway_sheet_get_row_number (planner->sheet, r);
  const char *sheet_name = pathway_sheet_get_sheet_name (planner->sheet);

  if (planner->shared->several && sheet_name != NULL)
    return g_strdup_printf ("%s row %u", sheet_name, number);
  return g_strdup_printf ("Row %u", number);
}

/* "2.1 (2)": the reference with the first number after it that no row of the file and no
 * action of this import has. */
static char *
marked_reference (Shared *shared, const char *reference)
{
  for (guint n = 2;; n++)
    {
      g_autofree char *marked = g_strdup_printf ("%s (%u)", reference, n);
      g_autofree char *key = pathway_import_fold_name (marked);

      if (!g_hash_table_contains (shared->in_file, key) && !g_hash_table_contains (shared->seen,
                                                                                   key))
        return g_steal_pointer (&marked);
    }
}

/* "row 5", or "row 5 of sheet “Health”" when it is on another sheet. */
static char *
describe_seen (Planner *planner, const SeenReference *seen)
{
  guint number = pathway_sheet_get_row_number (seen->plan->sheet, seen->row);

  if (seen->plan != planner->plan)
    return g_strdup_printf (_("row %u of sheet “%s”"), number,
                            pathway_sheet_get_sheet_name (seen->plan->sheet));
  return g_strdup_printf (_("row %u"), number);
}

static void
plan_action_row (Planner *planner, guint r, PlanRow *row)
{
  PathwayImportPlan *plan = planner->plan;
  int reference_column = planner->columns[PATHWAY_IMPORT_FIELD_REFERENCE];
  g_autofree char *key = NULL;
  g_autofree char *description_key = NULL;
  g_autofree char *workstream_key = NULL;
  SeenReference *seen;
  PathwayAction *action;

  read_row_values (planner, r, row);

  if (*row->reference == '\0')
    {
      g_autofree char *made_key = NULL;

      g_free (row->reference);
      row->reference = made_reference (planner, r);
      made_key = pathway_import_fold_name (row->reference);
      if (g_hash_table_contains (planner->shared->in_file, made_key) ||
          g_hash_table_contains (planner->shared->seen, made_key))
        {
          g_autofree char *marked = marked_reference (planner->shared, row->reference);

          g_free (row->reference);
          row->reference = g_steal_pointer (&marked);
        }
      add_problem (plan, PATHWAY_IMPORT_WARNING, r, reference_column, "",
                   _("This row has an action but no reference: it is imported as “%s”. Give "
                     "it its reference from the plan to keep the two together."),
                   row->reference);
    }
  key = pathway_import_fold_name (row->reference);
  description_key = pathway_import_fold_name (row->description);
  workstream_key = pathway_import_fold_name (row->workstream);
  seen = g_hash_table_lookup (planner->shared->seen, key);
  if (seen != NULL)
    {
      g_autofree char *where = describe_seen (planner, seen);

      if (strcmp (seen->description, description_key) == 0 &&
          strcmp (seen->workstream, workstream_key) == 0)
        {
          add_problem (plan, PATHWAY_IMPORT_WARNING, r, reference_column, row->reference,
                       _("This row repeats %s (the same reference and action), so it is "
                         "skipped."), where);
          row->skip_reason = _("a repeat of an earlier row");
          return;
        }
      {
        g_autofree char *marked = marked_reference (planner->shared, row->reference);

        add_problem (plan, PATHWAY_IMPORT_WARNING, r, reference_column, row->reference,
                     _("This reference is also in %s, with another action: this one is "
                       "imported as “%s”. Give it a reference of its own to keep the two "
                       "apart."),
                     where, marked);
        g_free (row->reference);
        row->reference = g_steal_pointer (&marked);
        g_free (key);
        key = pathway_import_fold_name (row->reference);
      }
    }
  seen = g_new0 (SeenReference, 1);
  seen->plan = plan;
  seen->row = r;
  seen->description = g_steal_pointer (&description_key);
  seen->workstream = g_steal_pointer (&workstream_key);
  g_hash_table_insert (planner->shared->seen, g_strdup (key), seen);

  /* Names the programme does not have yet are added by the import. */
  if (*row->lead != '\0')
    {
      g_autofree char *lead_key = pathway_import_fold_name (row->lead);

      if (g_hash_table_lookup (planner->index.people, lead_key) == NULL)
        note_addition (plan->new_people, row->lead, FALSE);
    }
  if (*row->workstream != '\0' && find_coded (planner->index.workstreams, row->workstream) == NULL)
    note_addition (plan->new_workstreams, row->workstream, TRUE);
  if (*row->area != '\0' && find_coded (planner->index.areas, row->area) == NULL)
    note_addition (plan->new_areas, row->area, TRUE);

  action = g_hash_table_lookup (planner->index.actions, key);
  if (action == NULL)
    {
      if (*row->description == '\0')
        add_problem (plan, PATHWAY_IMPORT_WARNING, r,
                     planner->columns[PATHWAY_IMPORT_FIELD_DESCRIPTION], "",
                     _("Action %s has no description; it is added without one."),
                     row->reference);
      row->changes = changes_for_new (row);
      row->outcome = PATHWAY_IMPORT_ROW_ADD;
    }
  else
    {
      row->changes = changes_for (plan, row, action, &planner->index, planner->document,
                                  &planner->baseline, planner, r);
      row->outcome = row->changes ? PATHWAY_IMPORT_ROW_UPDATE : PATHWAY_IMPORT_ROW_UNCHANGED;
    }
}

/* The earlier months the mapping names, each with its rating and commentary column, oldest
 * first; a column whose header names no month is an error on the header. */
static void
find_months (Planner *planner)
{
  PathwayImportPlan *plan = planner->plan;
  guint header = pathway_sheet_get_header_row (planner->sheet);

  for (guint c = 0; c < pathway_import_mapping_get_n_columns (planner->mapping); c++)
    {
      PathwayImportField field = pathway_import_mapping_get_field (planner->mapping, c);
      const char *text = pathway_sheet_get_header (planner->sheet, c);
      PathwayImportField named;
      MonthColumns month = { { 0 }, NULL, -1, -1 };
      g_autofree char *label = NULL;
      MonthColumns *found = NULL;

      if (!pathway_import_field_is_repeated (field))
        continue;
      if (!pathway_import_header_month (text, &named, &month.month_end, &label))
        {
          add_problem (plan, PATHWAY_IMPORT_ERROR, header, (int) c, text,
                       _("No month can be read from this header, and an earlier month's "
                         "column needs one, such as “RAG Jun 19”. Give it another field, or "
                         "ignore it."));
          continue;
        }
      for (guint m = 0; m < plan->months->len && found == NULL; m++)
        if (g_date_compare (&g_array_index (plan->months, MonthColumns, m).month_end,
                            &month.month_end) == 0)
          found = &g_array_index (plan->months, MonthColumns, m);
      if (found == NULL)
        {
          month.label = g_steal_pointer (&label);
          g_array_append_val (plan->months, month);
          found = &g_array_index (plan->months, MonthColumns, plan->months->len - 1);
        }
      if (field == PATHWAY_IMPORT_FIELD_EARLIER_RATING && found->rating_column < 0)
        found->rating_column = (int) c;
      else if (field == PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY && found->commentary_column < 0)
        found->commentary_column = (int) c;
    }
  /* Oldest first, as the history is written. */
  for (guint i = 1; i < plan->months->len; i++)
    for (guint j = i; j > 0; j--)
      {
        MonthColumns *a = &g_array_index (plan->months, MonthColumns, j - 1);
        MonthColumns *b = &g_array_index (plan->months, MonthColumns, j);
        MonthColumns swap;

        if (g_date_compare (&a->month_end, &b->month_end) <= 0)
          break;
        swap = *a;
        *a = *b;
        *b = swap;
      }
}

static void
plan_rows (PathwayImportPlan *self, PathwayImportMapping *mapping, PathwayDocument *document,
           Shared *shared, gboolean sheet_workstreams)
{
  PathwaySheet *sheet = self->sheet;
  Planner planner = { 0 };
  guint n_rows, header, n_sheet_warnings, next_sheet_warning = 0;

  n_rows = pathway_sheet_get_n_rows (sheet);
  header = pathway_sheet_get_header_row (sheet);
  g_array_set_size (self->rows, n_rows);

  planner.plan = self;
  planner.document = document;
  planner.sheet = sheet;
  planner.mapping = mapping;
  planner.shared = shared;
  planner.programme = pathway_document_get_programme (document);
  planner.scheme = pathway_programme_get_rating_scheme (planner.programme);
  baseline_init (&planner.baseline, self, document);
  index_init (&planner.index, planner.programme);
  for (guint f = 0; f < PATHWAY_IMPORT_N_FIELDS; f++)
    planner.columns[f] = pathway_import_field_is_repeated (f)
                           ? -1
                           : pathway_import_mapping_get_column (mapping, f);
  planner.first_column = 0;
  for (guint c = 0; c < pathway_import_mapping_get_n_columns (mapping); c++)
    if (pathway_import_mapping_get_field (mapping, c) != PATHWAY_IMPORT_FIELD_NONE)
      {
        planner.first_column = (int) c;
        break;
      }
  planner.last_table_row = find_last_table_row (&planner);
  find_colour_key (&planner);
  if (sheet_workstreams && planner.columns[PATHWAY_IMPORT_FIELD_WORKSTREAM] < 0)
    planner.default_workstream = sheet_workstream (sheet);
  n_sheet_warnings = pathway_sheet_get_n_warnings (sheet);

  if (planner.columns[PATHWAY_IMPORT_FIELD_REFERENCE] < 0)
    add_problem (self, PATHWAY_IMPORT_ERROR, header, -1, "",
                 _("No column is set to Reference. Choose the column that holds each action's "
                   "reference (such as “1B vi”), so that rows can be matched to actions."));
  find_months (&planner);

  for (guint r = 0; r < n_rows; r++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, r);
      gboolean skipped = pathway_import_mapping_get_row_skipped (mapping, r);
      gboolean one_text;
      guint filled;
      int first;

      row->outcome = PATHWAY_IMPORT_ROW_SKIPPED;
      /* What the reader had to mend comes first on its row; it does not stop the import. */
      for (; next_sheet_warning < n_sheet_warnings; next_sheet_warning++)
        {
          const PathwaySheetWarning *warning = pathway_sheet_get_warning (sheet,
                                                                          next_sheet_warning);

          if (warning->row != r)
            break;
          if (skipped)
            continue;
          add_problem (self, PATHWAY_IMPORT_WARNING, r, warning->column,
                       warning->column >= 0 ? pathway_sheet_get_cell (sheet, r,
                                                                      (guint) warning->column)
                                            : "",
                       "%s", warning->message);
        }
      if (r <= header)
        continue;
      if (skipped)
        {
          row->skip_reason = _("skipped as asked");
          continue;
        }
      filled = count_filled (sheet, r, &first, &one_text);
      if (filled == 0)
        continue;
      if (repeats_header (&planner, r))
        {
          row->skip_reason = _("the header again");
          continue;
        }
      if ((row->skip_reason = not_an_action (&planner, r, first)) != NULL)
        continue;
      if (filled == 1 || one_text)
        {
          if (r > planner.last_table_row)
            row->skip_reason = _("a note under the table");
          else if (first == 0 || first == planner.first_column || filled > 1 ||
                   first == planner.columns[PATHWAY_IMPORT_FIELD_DESCRIPTION] ||
                   first == planner.columns[PATHWAY_IMPORT_FIELD_REFERENCE])
            {
              row->outcome = PATHWAY_IMPORT_ROW_HEADING;
              read_heading (&planner, r, first);
            }
          else
            {
              row->skip_reason = _("no reference or action");
              add_problem (self, PATHWAY_IMPORT_WARNING, r, first,
                           pathway_sheet_get_cell (sheet, r, (guint) first),
                           _("This row has neither a reference nor an action, so it is "
                             "skipped."));
            }
          continue;
        }
      if (planner.columns[PATHWAY_IMPORT_FIELD_REFERENCE] < 0)
        continue;
      if (!has_cell (&planner, r, PATHWAY_IMPORT_FIELD_REFERENCE) &&
          !has_cell (&planner, r, PATHWAY_IMPORT_FIELD_DESCRIPTION))
        {
          row->skip_reason = _("no reference or action");
          add_problem (self, PATHWAY_IMPORT_WARNING, r, -1, "",
                       _("This row has neither a reference nor an action, so it is skipped."));
          continue;
        }
      plan_action_row (&planner, r, row);
    }

  g_free (planner.heading_theme);
  g_free (planner.heading_area);
  g_free (planner.default_workstream);
  g_clear_pointer (&planner.colour_key, g_array_unref);
  baseline_clear (&planner.baseline);
  index_clear (&planner.index);

  /* What apply keeps for next month's import of this layout. */
  self->layout_key = pathway_import_layout_key (sheet, header);
  self->layout_choices = pathway_import_mapping_dup_choices (mapping, sheet);
  g_set_weak_pointer (&self->document, document);
}

/* Once every sheet is planned: a tracker that uses Blue somewhere means Blue by Complete
 * everywhere; rows with errors are skipped; the counts. */
static void
finish_plan (PathwayImportPlan *self, Shared *shared)
{
  guint header = pathway_sheet_get_header_row (self->sheet);

  self->turn_on_blue = shared->turn_on_blue;
  for (guint r = 0; r < self->rows->len; r++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, r);

      if (self->turn_on_blue && row->rated_complete)
        row->rating = PATHWAY_RATING_BLUE;
      for (guint m = 0; self->turn_on_blue && row->history && m < row->history->len; m++)
        {
          PlanMonth *month = &g_array_index (row->history, PlanMonth, m);

          if (month->rated_complete)
            month->rating = PATHWAY_RATING_BLUE;
        }
      if (self->target == PATHWAY_IMPORT_TARGET_TRACKER && row->outcome == PATHWAY_IMPORT_ROW_ADD)
        row->changes = changes_for_new (row);
      if (!row->has_error && (row->outcome == PATHWAY_IMPORT_ROW_ADD ||
                              row->outcome == PATHWAY_IMPORT_ROW_UPDATE ||
                              row->outcome == PATHWAY_IMPORT_ROW_UNCHANGED))
        {
          self->n_colour_ratings += row->rating_from_fill &&
                                    (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING));
          for (guint m = 0; row->history && m < row->history->len; m++)
            self->n_colour_ratings += g_array_index (row->history, PlanMonth, m).from_fill;
        }
      if (row->has_error)
        {
          row->outcome = PATHWAY_IMPORT_ROW_SKIPPED;
          if (r > header)
            row->skip_reason = _("has errors");
        }
      switch (row->outcome)
        {
        case PATHWAY_IMPORT_ROW_ADD: self->n_added++; break;
        case PATHWAY_IMPORT_ROW_UPDATE: self->n_updated++; break;
        case PATHWAY_IMPORT_ROW_UNCHANGED: self->n_unchanged++; break;
        case PATHWAY_IMPORT_ROW_HEADING: self->n_headings++; break;
        case PATHWAY_IMPORT_ROW_SKIPPED:
        default:
          /* The header and the rows above it are not rows of the tracker. */
          if (r > header && row->skip_reason != NULL)
            self->n_skipped++;
          break;
        }
    }
}

static PathwayImportPlan *
plan_new (PathwaySheet *sheet, const char *file_display_name)
{
  PathwayImportPlan *self = g_object_new (PATHWAY_TYPE_IMPORT_PLAN, NULL);

  self->sheet = g_object_ref (sheet);
  self->file_display_name = g_strdup (file_display_name ? file_display_name
                                                        : pathway_sheet_get_display_name (sheet));
  self->note = g_strdup_printf (_("Imported from %s"), self->file_display_name);
  return self;
}

PathwayImportPlan *
pathway_import_plan (PathwaySheet *sheet, PathwayImportMapping *mapping,
                     PathwayDocument *document, const char *file_display_name)
{
  g_autoptr(PathwayImportPlan) self = NULL;
  Shared shared = { 0 };

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (mapping), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  if (pathway_import_mapping_get_target (mapping) == PATHWAY_IMPORT_TARGET_RISKS)
    {
      g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
      g_autoptr(GPtrArray) mappings = g_ptr_array_new ();
      g_autoptr(GPtrArray) plans = NULL;

      g_ptr_array_add (sheets, sheet);
      g_ptr_array_add (mappings, mapping);
      plans = pathway_import_plan_risk_sheets (sheets, mappings, document, file_display_name);
      return g_object_ref (g_ptr_array_index (plans, 0));
    }
  self = plan_new (sheet, file_display_name);
  shared_init (&shared, FALSE);
  shared_scan (&shared, sheet, mapping);
  plan_rows (self, mapping, document, &shared, FALSE);
  finish_plan (self, &shared);
  shared_clear (&shared);
  return g_steal_pointer (&self);
}

GPtrArray *
pathway_import_plan_sheets (GPtrArray *sheets, GPtrArray *mappings, PathwayDocument *document,
                            const char *file_display_name)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  Shared shared = { 0 };

  g_return_val_if_fail (sheets != NULL && mappings != NULL, NULL);
  g_return_val_if_fail (sheets->len == mappings->len, NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  /* The sheets of one import are all of one kind. */
  for (guint i = 1; i < mappings->len; i++)
    g_return_val_if_fail (pathway_import_mapping_get_target (g_ptr_array_index (mappings, i)) ==
                            pathway_import_mapping_get_target (g_ptr_array_index (mappings, 0)),
                          NULL);
  if (mappings->len > 0 && pathway_import_mapping_get_target (g_ptr_array_index (mappings, 0)) ==
                             PATHWAY_IMPORT_TARGET_RISKS)
    return pathway_import_plan_risk_sheets (sheets, mappings, document, file_display_name);
  shared_init (&shared, sheets->len > 1);
  for (guint i = 0; i < sheets->len; i++)
    shared_scan (&shared, g_ptr_array_index (sheets, i), g_ptr_array_index (mappings, i));
  for (guint i = 0; i < sheets->len; i++)
    {
      PathwayImportPlan *plan = plan_new (g_ptr_array_index (sheets, i), file_display_name);

      g_ptr_array_add (plans, plan);
      plan_rows (plan, g_ptr_array_index (mappings, i), document, &shared, sheets->len > 1);
    }
  for (guint i = 0; i < plans->len; i++)
    finish_plan (g_ptr_array_index (plans, i), &shared);
  shared_clear (&shared);
  return g_steal_pointer (&plans);
}

/* Plans of other targets ---------------------------------------------------------------------
 * A risk register's planner (pathway-import-risks.c) fills a plan through these, so the
 * preview, the dialog and the command line read it as they read a tracker's. */

PathwayImportPlan *
pathway_import_plan_new_for (PathwaySheet *sheet, PathwayImportTarget target,
                             const char *file_display_name)
{
  PathwayImportPlan *self = plan_new (sheet, file_display_name);

  self->target = target;
  g_array_set_size (self->rows, pathway_sheet_get_n_rows (sheet));
  return self;
}

void
pathway_import_plan_set_row (PathwayImportPlan *self, guint row, PathwayImportRowOutcome outcome,
                             guint changes, const char *reference, const char *skip_reason)
{
  PlanRow *plan_row;

  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));
  g_return_if_fail (row < self->rows->len);

  plan_row = &g_array_index (self->rows, PlanRow, row);
  plan_row->outcome = outcome;
  plan_row->changes = changes;
  plan_row->skip_reason = skip_reason;
  g_free (plan_row->reference);
  plan_row->reference = g_strdup (reference);
}

gboolean
pathway_import_plan_row_has_error (PathwayImportPlan *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), FALSE);

  return row < self->rows->len && g_array_index (self->rows, PlanRow, row).has_error;
}

void
pathway_import_plan_finish (PathwayImportPlan *self)
{
  Shared shared = { 0 };

  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));

  finish_plan (self, &shared);
}

void
pathway_import_plan_set_target_data (PathwayImportPlan *self, gpointer data,
                                     GDestroyNotify destroy)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));

  if (self->target_data_destroy != NULL)
    g_clear_pointer (&self->target_data, self->target_data_destroy);
  self->target_data = data;
  self->target_data_destroy = destroy;
}

gpointer
pathway_import_plan_get_target_data (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  return self->target_data;
}

const char *
pathway_import_plan_get_note (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  return self->note;
}

void
pathway_import_plan_add_addition (PathwayImportPlan *self, const char *line)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));
  g_ptr_array_add (self->addition_lines, g_strdup (line));
}

void
pathway_import_plan_set_layout (PathwayImportPlan *self, char *key, char *choices)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));

  g_free (self->layout_key);
  g_free (self->layout_choices);
  self->layout_key = key;
  self->layout_choices = choices;
}

/* Reading the plan ------------------------------------------------------------------------------ */

PathwayImportTarget
pathway_import_plan_get_target (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), PATHWAY_IMPORT_TARGET_TRACKER);
  return self->target;
}

PathwaySheet *
pathway_import_plan_get_sheet (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  return self->sheet;
}

const char *
pathway_import_plan_get_file_display_name (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  return self->file_display_name;
}

#define COUNT_GETTER(name)                                                                    \
  guint pathway_import_plan_get_##name (PathwayImportPlan *self)                             \
  {                                                                                           \
    g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), 0);                                  \
    return self->name;                                                                        \
  }

COUNT_GETTER (n_added)
COUNT_GETTER (n_updated)
COUNT_GETTER (n_unchanged)
COUNT_GETTER (n_headings)
COUNT_GETTER (n_skipped)
COUNT_GETTER (n_errors)
COUNT_GETTER (n_warnings)

#undef COUNT_GETTER

gboolean
pathway_import_plan_has_errors (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), TRUE);
  return self->n_errors > 0;
}

guint
pathway_import_plan_get_n_problems (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), 0);
  return self->problems->len;
}

const PathwayImportProblem *
pathway_import_plan_get_problem (PathwayImportPlan *self, guint index)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return problem_at (self, index);
}

const PathwayImportProblem *
pathway_import_plan_get_cell_problem (PathwayImportPlan *self, guint row, int column)
{
  gint64 key = cell_key (row, column);
  gpointer index;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);

  if (!g_hash_table_lookup_extended (self->worst, &key, NULL, &index))
    return NULL;
  return problem_at (self, GPOINTER_TO_UINT (index));
}

char *
pathway_import_problem_to_string (const PathwayImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column < 0)
    return g_strdup_printf (_("Row %u: %s"), problem->row_number, problem->message);
  if (*problem->value == '\0')
    return g_strdup_printf (*problem->header ? _("Row %u, column %s (%s): %s")
                                             : _("Row %u, column %s%s: %s"),
                            problem->row_number, problem->column_letter, problem->header,
                            problem->message);
  return g_strdup_printf (*problem->header ? _("Row %u, column %s (%s), “%s”: %s")
                                           : _("Row %u, column %s%s, “%s”: %s"),
                          problem->row_number, problem->column_letter, problem->header,
                          problem->value, problem->message);
}

PathwayImportRowOutcome
pathway_import_plan_get_row_outcome (PathwayImportPlan *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), PATHWAY_IMPORT_ROW_SKIPPED);

  if (row >= self->rows->len)
    return PATHWAY_IMPORT_ROW_SKIPPED;
  return g_array_index (self->rows, PlanRow, row).outcome;
}

guint
pathway_import_plan_get_row_changes (PathwayImportPlan *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), 0);

  if (row >= self->rows->len)
    return 0;
  return g_array_index (self->rows, PlanRow, row).changes;
}

const char *
pathway_import_plan_get_row_skip_reason (PathwayImportPlan *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);

  if (row >= self->rows->len)
    return NULL;
  return g_array_index (self->rows, PlanRow, row).skip_reason;
}

const char *
pathway_import_plan_get_row_reference (PathwayImportPlan *self, guint row)
{
  const PlanRow *plan_row;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);

  if (row >= self->rows->len)
    return NULL;
  plan_row = &g_array_index (self->rows, PlanRow, row);
  switch (plan_row->outcome)
    {
    case PATHWAY_IMPORT_ROW_ADD:
    case PATHWAY_IMPORT_ROW_UPDATE:
    case PATHWAY_IMPORT_ROW_UNCHANGED:
      return plan_row->reference;
    case PATHWAY_IMPORT_ROW_SKIPPED:
    case PATHWAY_IMPORT_ROW_HEADING:
    default:
      return NULL;
    }
}

gboolean
pathway_import_plan_get_cell_rating (PathwayImportPlan *self, guint row, PathwayRating *rating,
                                     gboolean *from_fill)
{
  const PlanRow *plan_row;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;
  plan_row = &g_array_index (self->rows, PlanRow, row);
  if (!(plan_row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)))
    return FALSE;
  if (rating != NULL)
    *rating = plan_row->rating;
  if (from_fill != NULL)
    *from_fill = plan_row->rating_from_fill;
  return TRUE;
}

guint
pathway_import_plan_get_n_colour_ratings (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), 0);
  return self->n_colour_ratings;
}

const GDate *
pathway_import_plan_get_as_at (PathwayImportPlan *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);
  return g_date_valid (&self->as_at) ? &self->as_at : NULL;
}

/* Compares the rows that are actions with the programme again, as it stood on the tracker's
 * day: what each would add, change or leave. Reads no cell: the values are the plan's. */
static void
compare_rows (PathwayImportPlan *self, PathwayDocument *document)
{
  Index index = { 0 };
  Baseline baseline;

  index_init (&index, pathway_document_get_programme (document));
  baseline_init (&baseline, self, document);
  self->n_added = self->n_updated = self->n_unchanged = 0;
  for (guint r = 0; r < self->rows->len; r++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, r);
      g_autofree char *key = NULL;
      PathwayAction *action;

      if (row->outcome != PATHWAY_IMPORT_ROW_ADD && row->outcome != PATHWAY_IMPORT_ROW_UPDATE &&
          row->outcome != PATHWAY_IMPORT_ROW_UNCHANGED)
        continue;
      key = pathway_import_fold_name (row->reference);
      action = g_hash_table_lookup (index.actions, key);
      if (action == NULL)
        {
          row->changes = changes_for_new (row);
          row->outcome = PATHWAY_IMPORT_ROW_ADD;
          self->n_added++;
        }
      else
        {
          row->changes = changes_for (self, row, action, &index, document, &baseline, NULL, 0);
          row->outcome = row->changes ? PATHWAY_IMPORT_ROW_UPDATE : PATHWAY_IMPORT_ROW_UNCHANGED;
          if (row->changes)
            self->n_updated++;
          else
            self->n_unchanged++;
        }
    }
  baseline_clear (&baseline);
  index_clear (&index);
}

void
pathway_import_plan_set_as_at (PathwayImportPlan *self, const GDate *date)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_PLAN (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  /* A risk register says how things stand now: its plan is not dated. */
  if (self->target != PATHWAY_IMPORT_TARGET_TRACKER)
    return;
  if (date == NULL)
    g_date_clear (&self->as_at, 1);
  else
    self->as_at = *date;
  if (self->document != NULL)
    compare_rows (self, self->document);
}

char **
pathway_import_plan_get_additions (PathwayImportPlan *self)
{
  GPtrArray *lines;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (self), NULL);

  lines = g_ptr_array_new ();
  if (self->turn_on_blue)
    g_ptr_array_add (lines, g_strdup (_("Rating scheme: Blue for complete actions (BRAG)")));
  for (guint i = 0; i < self->new_workstreams->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_workstreams, i);

      g_ptr_array_add (lines, g_strdup_printf (_("Workstream: %s"), addition->text));
    }
  for (guint i = 0; i < self->new_areas->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_areas, i);

      g_ptr_array_add (lines, g_strdup_printf (_("Area of weakness: %s"), addition->text));
    }
  for (guint i = 0; i < self->new_people->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_people, i);

      g_ptr_array_add (lines, g_strdup_printf (_("Lead: %s"), addition->text));
    }
  for (guint i = 0; i < self->addition_lines->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (self->addition_lines, i)));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/* Applying ---------------------------------------------------------------------------------------- */

/* A code no workstream or area has yet: "1", "2" ... */
static char *
free_code (GHashTable *taken)
{
  for (guint n = 1;; n++)
    {
      char *code = g_strdup_printf ("%u", n);

      if (!g_hash_table_contains (taken, code))
        return code;
      g_free (code);
    }
}

static gboolean
add_people (PathwayImportPlan *self, PathwayDocument *document, Index *index, GError **error)
{
  for (guint i = 0; i < self->new_people->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_people, i);
      g_autoptr(PathwayPerson) person = NULL;

      if (g_hash_table_contains (index->people, addition->key))
        continue;
      person = pathway_person_new ();
      pathway_person_set_name (person, addition->text);
      if (!pathway_document_add_person (document, person, error))
        return FALSE;
      index_add (index->people, addition->text, person);
    }
  return TRUE;
}

static gboolean
add_workstreams (PathwayImportPlan *self, PathwayDocument *document, Index *index,
                 GError **error)
{
  for (guint i = 0; i < self->new_workstreams->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_workstreams, i);
      g_autoptr(PathwayWorkstream) workstream = NULL;
      g_autofree char *code = NULL;
      g_autofree char *code_key = NULL;

      if (find_coded (index->workstreams, addition->text) != NULL)
        continue;
      code = g_strdup (addition->code);
      code_key = code ? pathway_import_fold_name (code) : NULL;
      if (code == NULL || g_hash_table_contains (index->workstreams, code_key))
        {
          g_free (code);
          code = free_code (index->workstreams);
        }
      workstream = pathway_workstream_new ();
      pathway_workstream_set_code (workstream, code);
      pathway_workstream_set_title (workstream, addition->title);
      if (!pathway_document_add_workstream (document, workstream, error))
        return FALSE;
      index_add (index->workstreams, addition->text, workstream);
      index_add (index->workstreams, code, workstream);
      index_add (index->workstreams, addition->title, workstream);
    }
  return TRUE;
}

static gboolean
add_areas (PathwayImportPlan *self, PathwayDocument *document, Index *index, GError **error)
{
  guint position = g_list_model_get_n_items (
    pathway_programme_get_areas (pathway_document_get_programme (document)));

  for (guint i = 0; i < self->new_areas->len; i++)
    {
      const Addition *addition = g_ptr_array_index (self->new_areas, i);
      g_autoptr(PathwayAreaOfWeakness) area = NULL;
      g_autofree char *reference = NULL;
      g_autofree char *reference_key = NULL;

      if (find_coded (index->areas, addition->text) != NULL)
        continue;
      reference = g_strdup (addition->code);
      reference_key = reference ? pathway_import_fold_name (reference) : NULL;
      if (reference == NULL || g_hash_table_contains (index->areas, reference_key))
        {
          g_free (reference);
          reference = free_code (index->areas);
        }
      area = pathway_area_of_weakness_new ();
      pathway_area_of_weakness_set_reference (area, reference);
      pathway_area_of_weakness_set_title (area, addition->title);
      pathway_area_of_weakness_set_position (area, (int) ++position);
      if (!pathway_document_add_area (document, area, error))
        return FALSE;
      index_add (index->areas, addition->text, area);
      index_add (index->areas, reference, area);
      index_add (index->areas, addition->title, area);
    }
  return TRUE;
}

static gboolean
set_object (PathwayDocument *document, PathwayAction *action, const char *property,
            GType type, gpointer object, const char *note, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_object (&value, object);
  return pathway_document_set_value (document, action, property, &value, note, error);
}

static gboolean
set_string (PathwayDocument *document, PathwayAction *action, const char *property,
            const char *text, const char *note, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return pathway_document_set_value (document, action, property, &value, note, error);
}

/* Dates what is written from here on at the tracker's day: its as-at day, or by the clock. */
static gboolean
back_to_tracker_day (PathwayImportPlan *self, PathwayDocument *document, GError **error)
{
  return pathway_document_set_as_at (document, g_date_valid (&self->as_at) ? &self->as_at : NULL,
                                     error);
}

static gboolean
add_evidence (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
              PlanRow *row, const GDate *day, GError **error)
{
  g_autoptr(PathwayEvidence) evidence = pathway_evidence_new ();

  pathway_evidence_set_text (evidence, row->evidence);
  pathway_evidence_set_date (evidence, day);
  pathway_evidence_set_source (evidence, self->note);
  return pathway_document_add_evidence (document, action, evidence, error);
}

/* Writes one of the fields an action's history keeps. For an action changed after the
 * tracker's day ('later': the day of its last change, else NULL) the change joins its history
 * at the tracker's day; where nothing after that day changed this field, that write changed it
 * now too, so the value it had is written back as at 'later', and the action stays as the
 * later tracker left it. */
static gboolean
set_history_field (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
                   const char *property, const GValue *value, const GDate *later,
                   GError **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (action), property);
  g_auto(GValue) kept = G_VALUE_INIT;
  g_auto(GValue) now = G_VALUE_INIT;

  g_value_init (&kept, pspec->value_type);
  g_value_init (&now, pspec->value_type);
  g_object_get_property (G_OBJECT (action), property, &kept);
  if (!pathway_document_set_value (document, action, property, value, self->note, error))
    return FALSE;
  if (later == NULL)
    return TRUE;
  g_object_get_property (G_OBJECT (action), property, &now);
  if (g_param_values_cmp (pspec, &kept, &now) == 0)
    return TRUE;
  {
    g_autofree char *note = g_strdup_printf (_("As it stood after the history imported from %s"),
                                             self->file_display_name);

    return pathway_document_set_as_at (document, later, error) &&
           pathway_document_set_value (document, action, property, &kept, note, error) &&
           back_to_tracker_day (self, document, error);
  }
}

static gboolean
set_history_enum (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
                  const char *property, GType type, int v, const GDate *later, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, v);
  return set_history_field (self, document, action, property, &value, later, error);
}

/* Writes the row's changes to an existing action ('later' as for set_history_field). */
static gboolean
update_action (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
               PlanRow *row, guint changes, Index *index, const GDate *day, const GDate *later,
               GError **error)
{
  const char *note = self->note;
  g_autofree char *lead_key = pathway_import_fold_name (row->lead);

  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_DESCRIPTION)) &&
      !set_string (document, action, "description", row->description, note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_THEME)) &&
      !set_string (document, action, "theme", row->theme, note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE)) &&
      !set_string (document, action, "success-measure", row->success_measure, note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY)) &&
      (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY)))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, row->commentary);
      if (!set_history_field (self, document, action, "commentary", &value, later, error))
        return FALSE;
    }
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_LEAD)) &&
      !set_object (document, action, "lead", PATHWAY_TYPE_PERSON,
                   g_hash_table_lookup (index->people, lead_key), note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_WORKSTREAM)) &&
      !set_object (document, action, "workstream", PATHWAY_TYPE_WORKSTREAM,
                   find_coded (index->workstreams, row->workstream), note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_AREA)) &&
      !set_object (document, action, "area", PATHWAY_TYPE_AREA_OF_WEAKNESS,
                   find_coded (index->areas, row->area), note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS)) &&
      !set_history_enum (self, document, action, "status", PATHWAY_TYPE_STATUS, row->status,
                         later, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)) &&
      (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)) &&
      !set_history_enum (self, document, action, "rating", PATHWAY_TYPE_RATING, row->rating,
                         later, error))
    return FALSE;
  if (changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_TIMESCALE);
      g_value_set_boxed (&value, row->original);
      if (!pathway_document_set_value (document, action, "original-timescale", &value, note,
                                       error))
        return FALSE;
    }
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE)) &&
      !pathway_document_revise_timescale (document, action, row->revised, note, NULL, NULL,
                                          error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_EVIDENCE)) &&
      !add_evidence (self, document, action, row, day, error))
    return FALSE;
  return TRUE;
}

/* The row's earlier months, each dated at its month's end (after 'from', the month a new
 * action was created in, when it is not NULL), then back to the tracker's day. */
static gboolean
write_history (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
               PlanRow *row, const PlanMonth *from, const GDate *today, GError **error)
{
  gboolean after = from == NULL;

  for (guint m = 0; row->history != NULL && m < row->history->len; m++)
    {
      const PlanMonth *month = &g_array_index (row->history, PlanMonth, m);
      const MonthColumns *columns = &g_array_index (self->months, MonthColumns, month->month);
      g_autofree char *note = NULL;

      if (!after)
        {
          after = month == from;
          continue;
        }
      if (!month_applies (self, month, from != NULL ? NULL : action, today))
        continue;
      note = g_strdup_printf (_("Imported from %s (%s)"), self->file_display_name,
                              columns->label);
      if (!pathway_document_set_as_at (document, &columns->month_end, error))
        return FALSE;
      if (month->has_rating && month->rating != pathway_action_get_rating (action) &&
          !pathway_document_set_rating (document, action, month->rating, note, error))
        return FALSE;
      if (month->commentary != NULL &&
          !same_text (pathway_action_get_commentary (action), month->commentary) &&
          !set_string (document, action, "commentary", month->commentary, note, error))
        return FALSE;
    }
  return back_to_tracker_day (self, document, error);
}

static gboolean
add_action (PathwayImportPlan *self, PathwayDocument *document, PlanRow *row, Index *index,
            const GDate *today, GError **error)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  const PlanMonth *first = first_month (self, row, today);
  guint changes = changes_for_new (row);

  pathway_action_set_reference (action, row->reference);
  pathway_action_set_description (action, row->description);
  pathway_action_set_theme (action, row->theme);
  pathway_action_set_success_measure (action, row->success_measure);
  if (*row->lead != '\0')
    {
      g_autofree char *key = pathway_import_fold_name (row->lead);

      pathway_action_set_lead (action, g_hash_table_lookup (index->people, key));
    }
  if (*row->workstream != '\0')
    pathway_action_set_workstream (action, find_coded (index->workstreams, row->workstream));
  if (*row->area != '\0')
    pathway_action_set_area (action, find_coded (index->areas, row->area));
  if (row->original != NULL)
    pathway_action_set_original_timescale (action, row->original);
  if (changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE))
    pathway_action_set_revised_timescale (action, row->revised);

  if (first != NULL)
    {
      const MonthColumns *columns = &g_array_index (self->months, MonthColumns, first->month);

      /* The action as it stood in its first month; the months after it and then today's
       * values are updates, so its history is the tracker's. */
      pathway_action_set_commentary (action, first->commentary ? first->commentary : "");
      if (first->has_rating)
        pathway_action_set_rating (action, first->rating);
      if (!pathway_document_set_as_at (document, &columns->month_end, error) ||
          !pathway_document_add_action (document, action, error) ||
          !write_history (self, document, action, row, first, today, error))
        return FALSE;
      index_add (index->actions, row->reference, action);
      if (!update_action (self, document, action, row,
                          changes & (FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING) |
                                     FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS) |
                                     FIELD_BIT (PATHWAY_IMPORT_FIELD_COMMENTARY)),
                          index, today, NULL, error))
        return FALSE;
    }
  else
    {
      pathway_action_set_commentary (action, row->commentary);
      if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS))
        pathway_action_set_status (action, row->status);
      if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING))
        pathway_action_set_rating (action, row->rating);
      if (!pathway_document_add_action (document, action, error))
        return FALSE;
      index_add (index->actions, row->reference, action);
    }
  /* The creation has no note of its own: this one says where the action came from. */
  if (!pathway_document_add_note (document, action, "note", self->note, error))
    return FALSE;
  return !(changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_EVIDENCE)) ||
         add_evidence (self, document, action, row, today, error);
}

static gboolean
apply_row (PathwayImportPlan *plan, PathwayDocument *document, PlanRow *row, Index *index,
           const Baseline *baseline, GError **error)
{
  g_autofree char *key = pathway_import_fold_name (row->reference);
  PathwayAction *action = g_hash_table_lookup (index->actions, key);
  GDate later_day;
  const GDate *later = NULL;
  guint changes;

  /* Against the programme as it is now (as it stood on the tracker's day), which is what the
   * plan was made from unless it changed since. */
  if (action == NULL)
    return add_action (plan, document, row, index, &baseline->day, error);
  if (!baseline_is_latest (baseline, action))
    {
      g_autoptr(GDateTime) last = g_date_time_to_local (pathway_action_get_last_updated (action));
      GDate today;

      g_date_clear (&later_day, 1);
      g_date_set_dmy (&later_day, g_date_time_get_day_of_month (last),
                      g_date_time_get_month (last), g_date_time_get_year (last));
      pathway_document_get_today (document, &today);
      if (g_date_compare (&later_day, &today) > 0)
        later_day = today;
      later = &later_day;
    }
  if (!write_history (plan, document, action, row, NULL, &baseline->day, error))
    return FALSE;
  changes = changes_for (plan, row, action, index, document, baseline, NULL, 0);
  return changes == 0 || update_action (plan, document, action, row, changes, index,
                                        &baseline->day, later, error);
}

/* Keeps the choices made for each sheet's layout, for next month's import of it: only when
 * they changed, so an import that changes nothing leaves the file as it was. */
gboolean
pathway_import_plan_remember_layouts (GPtrArray *plans, PathwayDocument *document,
                                      GError **error)
{
  GDate today;
  g_autofree char *day = NULL;

  pathway_document_get_today (document, &today);
  day = pathway_date_format_iso (&today);
  for (guint p = 0; p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);
      g_autofree char *kept = NULL;
      g_autofree char *text = NULL;
      const char *choices;

      if (plan->layout_key == NULL || plan->layout_choices == NULL)
        continue;
      kept = pathway_document_dup_import_layout (document, plan->layout_key);
      /* The day the choices were made comes first: "chosen=2026-12-07;A=reference;...". */
      choices = kept != NULL ? strchr (kept, ';') : NULL;
      if (kept != NULL && g_str_has_prefix (kept, "chosen=") &&
          g_strcmp0 (choices != NULL ? choices + 1 : "", plan->layout_choices) == 0)
        continue;
      text = g_strdup_printf ("chosen=%s;%s", day, plan->layout_choices);
      if (!pathway_document_set_import_layout (document, plan->layout_key, text, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pathway_import_apply_all (GPtrArray *plans, PathwayDocument *document, GError **error)
{
  PathwayImportPlan *first;
  PathwayProgramme *programme;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  Index index = { 0 };
  guint n_errors = 0;
  gboolean turn_on_blue = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (plans != NULL && plans->len > 0, FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);

  first = g_ptr_array_index (plans, 0);
  if (first->target == PATHWAY_IMPORT_TARGET_RISKS)
    return pathway_import_apply_risks (plans, document, error);
  for (guint p = 0; p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);

      n_errors += plan->n_errors;
      turn_on_blue |= plan->turn_on_blue;
    }
  if (n_errors > 0)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u problem to put right first; nothing was imported.",
                                "%s has %u problems to put right first; nothing was imported.",
                                n_errors),
                   first->file_display_name, n_errors);
      return FALSE;
    }

  label = g_strdup_printf (_("Import %s"), first->file_display_name);
  if (!pathway_document_begin_batch (document, label, error))
    return FALSE;

  programme = pathway_document_get_programme (document);
  index_init (&index, programme);

  /* The whole import is dated at the tracker's day, the people and places it adds too. */
  ok = back_to_tracker_day (first, document, &local_error);
  if (ok && turn_on_blue)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, TRUE);
      ok = pathway_document_set_value (document, pathway_programme_get_rating_scheme (programme),
                                       "uses-blue", &value, first->note, &local_error);
    }
  for (guint p = 0; ok && p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);

      ok = add_people (plan, document, &index, &local_error) &&
           add_workstreams (plan, document, &index, &local_error) &&
           add_areas (plan, document, &index, &local_error);
    }

  for (guint p = 0; ok && p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);
      Baseline baseline;

      ok = back_to_tracker_day (plan, document, &local_error);
      baseline_init (&baseline, plan, document);
      for (guint r = 0; ok && r < plan->rows->len; r++)
        {
          PlanRow *row = &g_array_index (plan->rows, PlanRow, r);

          if (row->outcome != PATHWAY_IMPORT_ROW_ADD &&
              row->outcome != PATHWAY_IMPORT_ROW_UPDATE &&
              row->outcome != PATHWAY_IMPORT_ROW_UNCHANGED)
            continue;
          ok = apply_row (plan, document, row, &index, &baseline, &local_error);
          if (!ok && plans->len > 1)
            g_prefix_error (&local_error, _("Sheet “%s”, row %u: "),
                            pathway_sheet_get_sheet_name (plan->sheet),
                            pathway_sheet_get_row_number (plan->sheet, r));
          else if (!ok)
            g_prefix_error (&local_error, _("Row %u: "),
                            pathway_sheet_get_row_number (plan->sheet, r));
        }
      baseline_clear (&baseline);
    }
  if (ok)
    ok = pathway_import_plan_remember_layouts (plans, document, &local_error);

  index_clear (&index);
  if (ok && pathway_document_commit_batch (document, &local_error))
    return TRUE;

  pathway_document_rollback_batch (document);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Nothing was imported from %s: "), first->file_display_name);
  return FALSE;
}

gboolean
pathway_import_apply (PathwayImportPlan *plan, PathwayDocument *document, GError **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (plan), FALSE);

  g_ptr_array_add (plans, plan);
  return pathway_import_apply_all (plans, document, error);
}
