/* pathway-import-plan.c: what an import would do, row by row, and then doing it.
 *
 * The plan reads every row below the header the way a person reads a tracker: blank rows
 * and the header repeated on each printed page say nothing; a row with only its first cell
 * filled is a section heading, the theme of the rows under it; ratings are Red/R, Amber/A,
 * Green/G, Blue/B or Complete(d), or the programme's own words for them; timescales go
 * through the model's parser, and text it cannot read is kept as written with a warning. Each
 * row is matched to an action by its reference (case and spacing aside). A blank cell never
 * clears a field and nothing is deleted: an import only adds and changes. A cell the reader
 * had to mend (bytes that were not UTF-8) is a warning on its row.
 *
 * Leads, workstreams and areas of weakness are found by name (a workstream by its code or
 * title, an area by its reference or title). One the programme does not have is added by the
 * import, because a tracker's names are the programme's people: a programme manager importing
 * their tracker expects its leads to come across, not a list of warnings to retype. The plan
 * lists each addition so the preview shows them.
 *
 * Applying writes everything in one document batch, with "Imported from FILE" as the note of
 * every update, and rolls the whole batch back on the first failure. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

#define FIELD_BIT(f) (1u << (f))

typedef struct {
  PathwayImportRowOutcome outcome;
  guint changes;  /* FIELD_BIT of each field the row would set */
  guint present;  /* FIELD_BIT of each field with a value in the row */
  gboolean has_error;
  gboolean rated_complete; /* the rating cell said "Complete" */
  char *reference;
  char *description;
  char *lead;
  char *workstream;
  char *theme;
  char *area;
  char *success_measure;
  char *commentary;
  PathwayTimescale *original;
  PathwayTimescale *revised;
  PathwayRating rating;
  PathwayStatus status;
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

  PathwaySheet *sheet;
  char *file_display_name;
  char *note;
  GArray *rows;        /* PlanRow, one per sheet row */
  GArray *problems;    /* OwnedProblem */
  GHashTable *worst;   /* (row, column) key -> index of the worst problem on it */
  guint n_added, n_updated, n_unchanged, n_headings, n_skipped, n_errors, n_warnings;
  GPtrArray *new_people;      /* Addition */
  GPtrArray *new_workstreams; /* Addition */
  GPtrArray *new_areas;       /* Addition */
  gboolean turn_on_blue;
};

G_DEFINE_FINAL_TYPE (PathwayImportPlan, pathway_import_plan, G_TYPE_OBJECT)

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
  g_clear_pointer (&row->original, pathway_timescale_free);
  g_clear_pointer (&row->revised, pathway_timescale_free);
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
  g_clear_pointer (&self->file_display_name, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->worst, g_hash_table_unref);
  g_clear_pointer (&self->new_people, g_ptr_array_unref);
  g_clear_pointer (&self->new_workstreams, g_ptr_array_unref);
  g_clear_pointer (&self->new_areas, g_ptr_array_unref);

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
  self->problems = g_array_new (FALSE, TRUE, sizeof (OwnedProblem));
  g_array_set_clear_func (self->problems, owned_problem_clear);
  self->worst = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->new_people = g_ptr_array_new_with_free_func (addition_free);
  self->new_workstreams = g_ptr_array_new_with_free_func (addition_free);
  self->new_areas = g_ptr_array_new_with_free_func (addition_free);
}

/* Text ---------------------------------------------------------------------------------------- */

/* How names are compared: case-folded, with runs of spaces as one. */
static char *
fold_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* A cell's value as the import uses it: line ends made LF, spaces around it dropped, and for
 * CSV the apostrophe our export put before text a spreadsheet could take for a formula. */
static char *
cell_value (PathwaySheet *sheet, guint row, int column)
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

static void G_GNUC_PRINTF (6, 7)
add_problem (PathwayImportPlan *self, PathwayImportSeverity severity, guint row, int column,
             const char *value, const char *format, ...)
{
  OwnedProblem problem = { 0 };
  va_list args;
  gint64 *key;
  gpointer existing;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
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

typedef enum {
  RATING_READ_NONE,     /* blank */
  RATING_READ_OK,
  RATING_READ_COMPLETE, /* "Complete": blue where the scheme has it, else green and complete */
  RATING_READ_BAD,
} RatingRead;

static RatingRead
read_rating (PathwayRatingScheme *scheme, const char *text, PathwayRating *rating)
{
  g_autofree char *folded = fold_name (text);
  static const struct {
    const char *word;
    PathwayRating rating;
  } words[] = {
    { "r", PATHWAY_RATING_RED }, { "red", PATHWAY_RATING_RED },
    { "a", PATHWAY_RATING_AMBER }, { "amber", PATHWAY_RATING_AMBER },
    { "g", PATHWAY_RATING_GREEN }, { "green", PATHWAY_RATING_GREEN },
    { "b", PATHWAY_RATING_BLUE }, { "blue", PATHWAY_RATING_BLUE },
  };

  if (*folded == '\0')
    return RATING_READ_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i].word) == 0)
      {
        *rating = words[i].rating;
        return RATING_READ_OK;
      }
  if (strcmp (folded, "complete") == 0 || strcmp (folded, "completed") == 0)
    return RATING_READ_COMPLETE;
  /* The programme's own words: "Not on track", "On track" ... */
  for (PathwayRating r = PATHWAY_RATING_RED; r <= PATHWAY_RATING_BLUE; r++)
    {
      g_autofree char *label = fold_name (pathway_rating_scheme_get_label (scheme, r));

      if (*label != '\0' && strcmp (label, folded) == 0)
        {
          *rating = r;
          return RATING_READ_OK;
        }
    }
  return RATING_READ_BAD;
}

static gboolean
read_status (const char *text, PathwayStatus *status)
{
  g_autofree char *folded = fold_name (text);
  static const struct {
    const char *word;
    PathwayStatus status;
  } words[] = {
    { "not started", PATHWAY_STATUS_NOT_STARTED }, { "not yet started", PATHWAY_STATUS_NOT_STARTED },
    { "on track", PATHWAY_STATUS_ON_TRACK }, { "in progress", PATHWAY_STATUS_ON_TRACK },
    { "started", PATHWAY_STATUS_ON_TRACK }, { "ongoing", PATHWAY_STATUS_ON_TRACK },
    { "delayed", PATHWAY_STATUS_DELAYED }, { "behind", PATHWAY_STATUS_DELAYED },
    { "off track", PATHWAY_STATUS_DELAYED }, { "complete", PATHWAY_STATUS_COMPLETE },
    { "completed", PATHWAY_STATUS_COMPLETE }, { "done", PATHWAY_STATUS_COMPLETE },
    { "suspended", PATHWAY_STATUS_SUSPENDED }, { "on hold", PATHWAY_STATUS_SUSPENDED },
    { "paused", PATHWAY_STATUS_SUSPENDED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i].word) == 0)
      {
        *status = words[i].status;
        return TRUE;
      }
  for (PathwayStatus s = PATHWAY_STATUS_NOT_STARTED; s < PATHWAY_N_STATUSES; s++)
    {
      g_autofree char *label = fold_name (pathway_status_label (s));
      g_autofree char *nick = fold_name (pathway_status_to_nick (s));

      if (strcmp (label, folded) == 0 || strcmp (nick, folded) == 0)
        {
          *status = s;
          return TRUE;
        }
    }
  return FALSE;
}

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
    g_autofree char *x = fold_name (a->text);
    g_autofree char *y = fold_name (b->text);

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
      char *key = fold_name (text);

      if (g_hash_table_contains (table, key))
        g_free (key);
      else
        g_hash_table_insert (table, key, object);
    }
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

      index_add (index->areas, reference, area);
      index_add (index->areas, joined, area);
      index_add (index->areas, title, area);
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
  g_autofree char *key = fold_name (text);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  gpointer found = g_hash_table_lookup (table, key);

  if (found == NULL && split_code_title (text, &code, &title))
    {
      g_autofree char *code_key = fold_name (code);

      found = g_hash_table_lookup (table, code_key);
    }
  return found;
}

static gboolean
same_key (const char *text, const char *key)
{
  g_autofree char *folded = text ? fold_name (text) : NULL;

  return folded != NULL && *folded != '\0' && strcmp (folded, key) == 0;
}

/* An addition already noted under this text, its code or its title: "F – Finance", "F" and
 * "Finance" are one workstream. */
static Addition *
find_addition (GPtrArray *additions, const char *text)
{
  g_autofree char *key = fold_name (text);
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code_key = NULL;

  if (split_code_title (text, &code, &title))
    code_key = fold_name (code);
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
  addition->key = fold_name (text);
  addition->text = g_strdup (text);
  if (coded && !split_code_title (text, &addition->code, &addition->title))
    {
      if (g_utf8_strlen (text, -1) <= 8 && strchr (text, ' ') == NULL)
        addition->code = g_strdup (text);
      addition->title = g_strdup (text);
    }
  g_ptr_array_add (additions, addition);
}

/* Planning ---------------------------------------------------------------------------------------- */

typedef struct {
  PathwayImportPlan *plan;
  PathwaySheet *sheet;
  PathwayImportMapping *mapping;
  PathwayProgramme *programme;
  PathwayRatingScheme *scheme;
  Index index;
  int columns[PATHWAY_IMPORT_N_FIELDS];
  GHashTable *references_seen; /* folded reference -> row index + 1 */
  char *heading_theme;
} Planner;

static int
first_column (Planner *planner)
{
  for (guint c = 0; c < pathway_import_mapping_get_n_columns (planner->mapping); c++)
    if (pathway_import_mapping_get_field (planner->mapping, c) != PATHWAY_IMPORT_FIELD_NONE)
      return (int) c;
  return 0;
}

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

static char *
take_field (Planner *planner, guint r, PlanRow *row, PathwayImportField field)
{
  char *value = cell_value (planner->sheet, r, planner->columns[field]);

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

static void
read_row_values (Planner *planner, guint r, PlanRow *row)
{
  PathwayImportPlan *plan = planner->plan;
  g_autofree char *rating_text = NULL;
  g_autofree char *status_text = NULL;

  row->reference = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_REFERENCE);
  row->description = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_DESCRIPTION);
  row->lead = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_LEAD);
  row->workstream = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_WORKSTREAM);
  row->theme = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_THEME);
  row->area = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_AREA);
  row->success_measure = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE);
  row->commentary = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_COMMENTARY);
  read_timescale (planner, r, row, PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE, &row->original);
  read_timescale (planner, r, row, PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE, &row->revised);

  /* The heading above gives the theme when the row has none of its own. */
  if (*row->theme == '\0' && planner->heading_theme != NULL)
    {
      g_free (row->theme);
      row->theme = g_strdup (planner->heading_theme);
      row->present |= FIELD_BIT (PATHWAY_IMPORT_FIELD_THEME);
    }

  status_text = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_STATUS);
  if (*status_text != '\0' && !read_status (status_text, &row->status))
    {
      add_problem (plan, PATHWAY_IMPORT_ERROR, r, planner->columns[PATHWAY_IMPORT_FIELD_STATUS],
                   status_text,
                   _("This is not a delivery status. Use Not started, On track, Delayed, "
                     "Complete or Suspended, or leave it blank."));
      row->present &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);
    }

  rating_text = take_field (planner, r, row, PATHWAY_IMPORT_FIELD_RATING);
  switch (read_rating (planner->scheme, rating_text, &row->rating))
    {
    case RATING_READ_NONE:
      break;
    case RATING_READ_COMPLETE:
      row->rated_complete = TRUE;
      /* Complete is blue in BRAG; in RAG, green ("on track or complete") with the status
       * saying it is complete. */
      if (pathway_rating_scheme_get_uses_blue (planner->scheme))
        row->rating = PATHWAY_RATING_BLUE;
      else
        {
          row->rating = PATHWAY_RATING_GREEN;
          if (!(row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS)))
            {
              row->status = PATHWAY_STATUS_COMPLETE;
              row->present |= FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);
            }
        }
      break;
    case RATING_READ_OK:
      if (!pathway_rating_scheme_offers (planner->scheme, row->rating))
        {
          /* A new programme takes the tracker's BRAG scheme; one in use is not changed by
           * an import. */
          if (!planner->index.has_actions)
            plan->turn_on_blue = TRUE;
          else
            {
              add_problem (plan, PATHWAY_IMPORT_ERROR, r,
                           planner->columns[PATHWAY_IMPORT_FIELD_RATING], rating_text,
                           _("This programme rates Red, Amber and Green only. Turn on Blue "
                             "for complete actions in the programme's rating scheme, or "
                             "rate this action Green."));
              row->present &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
            }
        }
      break;
    case RATING_READ_BAD:
    default:
      add_problem (plan, PATHWAY_IMPORT_ERROR, r, planner->columns[PATHWAY_IMPORT_FIELD_RATING],
                   rating_text,
                   pathway_rating_scheme_get_uses_blue (planner->scheme)
                     ? _("This is not a rating. Use Red, Amber, Green or Blue (or R, A, G, B, "
                         "or Complete), or leave it blank.")
                     : _("This is not a rating. Use Red, Amber or Green (or R, A, G, or "
                         "Complete), or leave it blank."));
      row->present &= ~FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
      break;
    }
}

/* Which of the row's fields would change the existing action. A field the row leaves blank
 * is left alone. */
static guint
changes_for (PlanRow *row, PathwayAction *action, Index *index, Planner *planner, guint r)
{
  guint changes = 0;

#define TEXT_CHANGE(field, getter, value)                                                    \
  if ((row->present & FIELD_BIT (field)) && !same_text (getter (action), value))             \
    changes |= FIELD_BIT (field);

  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_DESCRIPTION, pathway_action_get_description,
               row->description);
  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_THEME, pathway_action_get_theme, row->theme);
  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE, pathway_action_get_success_measure,
               row->success_measure);
  TEXT_CHANGE (PATHWAY_IMPORT_FIELD_COMMENTARY, pathway_action_get_commentary,
               row->commentary);
#undef TEXT_CHANGE

  if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_LEAD))
    {
      g_autofree char *key = fold_name (row->lead);
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
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)) &&
      row->rating != pathway_action_get_rating (action))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING);
  if ((row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS)) &&
      row->status != pathway_action_get_status (action))
    changes |= FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS);

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
  return changes;
}

static void
plan_action_row (Planner *planner, guint r, PlanRow *row)
{
  PathwayImportPlan *plan = planner->plan;
  g_autofree char *key = NULL;
  gpointer seen;
  PathwayAction *action;

  read_row_values (planner, r, row);

  if (*row->reference == '\0')
    {
      add_problem (plan, PATHWAY_IMPORT_ERROR, r,
                   planner->columns[PATHWAY_IMPORT_FIELD_REFERENCE], "",
                   _("This row has no reference. Give the action its reference from the plan, "
                     "such as “1B vi”, or delete the row."));
      return;
    }
  key = fold_name (row->reference);
  if (g_hash_table_lookup_extended (planner->references_seen, key, NULL, &seen))
    {
      add_problem (plan, PATHWAY_IMPORT_ERROR, r,
                   planner->columns[PATHWAY_IMPORT_FIELD_REFERENCE], row->reference,
                   _("This reference is also in row %u. Each action needs its own reference."),
                   pathway_sheet_get_row_number (planner->sheet, GPOINTER_TO_UINT (seen) - 1));
      return;
    }
  g_hash_table_insert (planner->references_seen, g_steal_pointer (&key),
                       GUINT_TO_POINTER (r + 1));

  /* Names the programme does not have yet are added by the import. */
  if (*row->lead != '\0')
    {
      g_autofree char *lead_key = fold_name (row->lead);

      if (g_hash_table_lookup (planner->index.people, lead_key) == NULL)
        note_addition (plan->new_people, row->lead, FALSE);
    }
  if (*row->workstream != '\0' && find_coded (planner->index.workstreams, row->workstream) == NULL)
    note_addition (plan->new_workstreams, row->workstream, TRUE);
  if (*row->area != '\0' && find_coded (planner->index.areas, row->area) == NULL)
    note_addition (plan->new_areas, row->area, TRUE);

  {
    g_autofree char *lookup = fold_name (row->reference);

    action = g_hash_table_lookup (planner->index.actions, lookup);
  }
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
      row->changes = changes_for (row, action, &planner->index, planner, r);
      row->outcome = row->changes ? PATHWAY_IMPORT_ROW_UPDATE : PATHWAY_IMPORT_ROW_UNCHANGED;
    }
}

PathwayImportPlan *
pathway_import_plan (PathwaySheet *sheet, PathwayImportMapping *mapping,
                     PathwayDocument *document, const char *file_display_name)
{
  g_autoptr(PathwayImportPlan) self = NULL;
  Planner planner = { 0 };
  guint n_rows, header, n_sheet_warnings, next_sheet_warning = 0;
  int first;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (mapping), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_IMPORT_PLAN, NULL);
  self->sheet = g_object_ref (sheet);
  self->file_display_name = g_strdup (file_display_name ? file_display_name
                                                        : pathway_sheet_get_display_name (sheet));
  self->note = g_strdup_printf (_("Imported from %s"), self->file_display_name);
  n_rows = pathway_sheet_get_n_rows (sheet);
  header = pathway_sheet_get_header_row (sheet);
  g_array_set_size (self->rows, n_rows);

  planner.plan = self;
  planner.sheet = sheet;
  planner.mapping = mapping;
  planner.programme = pathway_document_get_programme (document);
  planner.scheme = pathway_programme_get_rating_scheme (planner.programme);
  index_init (&planner.index, planner.programme);
  planner.references_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint f = 0; f < PATHWAY_IMPORT_N_FIELDS; f++)
    planner.columns[f] = pathway_import_mapping_get_column (mapping, f);
  first = first_column (&planner);
  n_sheet_warnings = pathway_sheet_get_n_warnings (sheet);

  if (planner.columns[PATHWAY_IMPORT_FIELD_REFERENCE] < 0)
    add_problem (self, PATHWAY_IMPORT_ERROR, header, -1, "",
                 _("No column is set to Reference. Choose the column that holds each action's "
                   "reference (such as “1B vi”), so that rows can be matched to actions."));

  for (guint r = 0; r < n_rows; r++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, r);
      guint filled = 0;
      int filled_column = -1;

      row->outcome = PATHWAY_IMPORT_ROW_SKIPPED;
      /* What the reader had to mend comes first on its row; it does not stop the import. */
      for (; next_sheet_warning < n_sheet_warnings; next_sheet_warning++)
        {
          const PathwaySheetWarning *warning = pathway_sheet_get_warning (sheet,
                                                                          next_sheet_warning);

          if (warning->row != r)
            break;
          add_problem (self, PATHWAY_IMPORT_WARNING, r, warning->column,
                       warning->column >= 0 ? pathway_sheet_get_cell (sheet, r,
                                                                      (guint) warning->column)
                                            : "",
                       "%s", warning->message);
        }
      if (r <= header)
        continue;
      for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
        {
          const char *text = pathway_sheet_get_cell (sheet, r, c);

          for (; *text && g_ascii_isspace (*text); text++)
            ;
          if (*text != '\0')
            {
              filled++;
              if (filled_column < 0)
                filled_column = (int) c;
            }
        }
      if (filled == 0 || repeats_header (&planner, r))
        continue;
      if (filled == 1 && (filled_column == first || filled_column == 0))
        {
          row->outcome = PATHWAY_IMPORT_ROW_HEADING;
          g_free (planner.heading_theme);
          planner.heading_theme = cell_value (sheet, r, filled_column);
          continue;
        }
      if (planner.columns[PATHWAY_IMPORT_FIELD_REFERENCE] < 0)
        continue;
      plan_action_row (&planner, r, row);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, r);

      /* A tracker that uses Blue somewhere means Blue by "Complete" everywhere. */
      if (self->turn_on_blue && row->rated_complete)
        {
          row->rating = PATHWAY_RATING_BLUE;
          if (row->outcome == PATHWAY_IMPORT_ROW_ADD)
            row->changes = changes_for_new (row);
        }
      if (row->has_error)
        row->outcome = PATHWAY_IMPORT_ROW_SKIPPED;
      switch (row->outcome)
        {
        case PATHWAY_IMPORT_ROW_ADD: self->n_added++; break;
        case PATHWAY_IMPORT_ROW_UPDATE: self->n_updated++; break;
        case PATHWAY_IMPORT_ROW_UNCHANGED: self->n_unchanged++; break;
        case PATHWAY_IMPORT_ROW_HEADING: self->n_headings++; break;
        case PATHWAY_IMPORT_ROW_SKIPPED:
        default:
          /* The header and the rows above it are not rows of the tracker. */
          if (r > header)
            self->n_skipped++;
          break;
        }
    }

  g_free (planner.heading_theme);
  g_hash_table_unref (planner.references_seen);
  index_clear (&planner.index);
  return g_steal_pointer (&self);
}

/* Reading the plan ------------------------------------------------------------------------------ */

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
      code_key = code ? fold_name (code) : NULL;
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
      reference_key = reference ? fold_name (reference) : NULL;
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

static gboolean
update_action (PathwayImportPlan *self, PathwayDocument *document, PathwayAction *action,
               PlanRow *row, guint changes, Index *index, GError **error)
{
  const char *note = self->note;
  g_autofree char *lead_key = fold_name (row->lead);

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
      !set_string (document, action, "commentary", row->commentary, note, error))
    return FALSE;
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
      !pathway_document_set_status (document, action, row->status, note, error))
    return FALSE;
  if ((changes & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING)) &&
      !pathway_document_set_rating (document, action, row->rating, note, error))
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
  return TRUE;
}

static gboolean
add_action (PathwayImportPlan *self, PathwayDocument *document, PlanRow *row, Index *index,
            GError **error)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  guint changes = changes_for_new (row);

  pathway_action_set_reference (action, row->reference);
  pathway_action_set_description (action, row->description);
  pathway_action_set_theme (action, row->theme);
  pathway_action_set_success_measure (action, row->success_measure);
  pathway_action_set_commentary (action, row->commentary);
  if (*row->lead != '\0')
    {
      g_autofree char *key = fold_name (row->lead);

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
  if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_STATUS))
    pathway_action_set_status (action, row->status);
  if (row->present & FIELD_BIT (PATHWAY_IMPORT_FIELD_RATING))
    pathway_action_set_rating (action, row->rating);

  if (!pathway_document_add_action (document, action, error))
    return FALSE;
  index_add (index->actions, row->reference, action);
  /* The creation has no note of its own: this one says where the action came from. */
  return pathway_document_add_note (document, action, "note", self->note, error);
}

gboolean
pathway_import_apply (PathwayImportPlan *plan, PathwayDocument *document, GError **error)
{
  PathwayProgramme *programme;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  Index index = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_PLAN (plan), FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);

  if (plan->n_errors > 0)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u problem to put right first; nothing was imported.",
                                "%s has %u problems to put right first; nothing was imported.",
                                plan->n_errors),
                   plan->file_display_name, plan->n_errors);
      return FALSE;
    }

  label = g_strdup_printf (_("Import %s"), plan->file_display_name);
  if (!pathway_document_begin_batch (document, label, error))
    return FALSE;

  programme = pathway_document_get_programme (document);
  index_init (&index, programme);

  if (plan->turn_on_blue)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, TRUE);
      ok = pathway_document_set_value (document, pathway_programme_get_rating_scheme (programme),
                                       "uses-blue", &value, plan->note, &local_error);
    }
  ok = ok && add_people (plan, document, &index, &local_error) &&
       add_workstreams (plan, document, &index, &local_error) &&
       add_areas (plan, document, &index, &local_error);

  for (guint r = 0; ok && r < plan->rows->len; r++)
    {
      PlanRow *row = &g_array_index (plan->rows, PlanRow, r);
      g_autofree char *key = NULL;
      PathwayAction *action;

      if (row->outcome != PATHWAY_IMPORT_ROW_ADD && row->outcome != PATHWAY_IMPORT_ROW_UPDATE &&
          row->outcome != PATHWAY_IMPORT_ROW_UNCHANGED)
        continue;
      /* Against the programme as it is now, which is what the plan was made from unless it
       * changed since. */
      key = fold_name (row->reference);
      action = g_hash_table_lookup (index.actions, key);
      if (action == NULL)
        ok = add_action (plan, document, row, &index, &local_error);
      else
        {
          guint changes = changes_for (row, action, &index, NULL, r);

          if (changes != 0)
            ok = update_action (plan, document, action, row, changes, &index, &local_error);
        }
      if (!ok)
        g_prefix_error (&local_error, _("Row %u: "), pathway_sheet_get_row_number (plan->sheet, r));
    }

  index_clear (&index);
  if (ok && pathway_document_commit_batch (document, &local_error))
    return TRUE;

  pathway_document_rollback_batch (document);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Nothing was imported from %s: "), plan->file_display_name);
  return FALSE;
}
