/* pathway-import-mapping.c: the fields a tracker's columns can fill, the header names areas
 * give them (from real trackers and board reports: "Ref to WSOA", "Timescale original WSOA",
 * "Milestone / action", "RAG", "Progress update", "Evidence of impact"), and
 * PathwayImportMapping, which column fills which field and which rows the user skips.
 *
 * The guess first finds the header row (a title block may stand above it), then matches
 * headers exactly (case, spaces and punctuation aside), then by their first words ("Comments
 * October 2019", "Lead officer(s)"). Columns of a rating and an update for each month ("RAG
 * Jun 19 | Update Jun 19 | RAG Jul 19 ...") are told apart by the month in their headers: the
 * latest month's are the current rating and commentary, the others earlier months', which the
 * plan turns into dated history. A column headed only "Status" is the rating unless it sits
 * beside one or holds statuses ("In progress", "Delayed"). The user corrects the rest, and
 * the choices are kept in the programme by the layout of the tracker's headers, so next
 * month's file of that layout is read the same way (pathway_import_mapping_recall).
 *
 * A risk register is read by the same machinery: a mapping has a target, whose table of fields
 * (the tracker's here, the register's in pathway-import-risk-fields.c) the header row, the
 * matching of headers, --map and the kept choices all read. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

static const char *const no_headers[] = { NULL };
static const char *const reference_headers[] = {
  "Ref", "Reference", "Ref to WSOA", "WSOA ref", "WSOA reference", "No.", "No", "Number",
  "Ref no", "Action ref", "Action reference", "Action no", "Action number", "ID", NULL
};
static const char *const description_headers[] = {
  "Action", "Actions", "Action(s)", "Description", "Action description", "Key action",
  "Key actions", "Key action(s)", "Further action", "Further actions", "Further action(s)",
  "Milestone / action", "Milestones / actions", "Action / milestone", "Milestone",
  "Milestones", "Action required", "Actions required", "What we will do", "What will we do",
  "Task", "Tasks", "Activity", "Activities", NULL
};
static const char *const lead_headers[] = {
  "Lead", "Owner", "Responsible", "Lead officer", "Lead officers", "Lead officer(s)",
  "Action owner", "Responsible officer", "Lead person", "Lead name", "Named lead",
  "Accountable officer", "Who", NULL
};
/* The first ones name a timescale without saying which one: see generic_timescale. */
static const char *const original_headers[] = {
  "Timescale", "Timescales", "Deadline", "Due date", "Due", "Due by", "Target date",
  "Target completion date", "By when", "Completion date", "Date", "When", "Original timescale",
  "Timescale original", "Timescale original WSOA", "Original timescale WSOA",
  "Original deadline", "Original date", "Original due date", "Original target date", "Original",
  NULL
};
static const char *const generic_timescale[] = {
  "Timescale", "Timescales", "Deadline", "Due date", "Due", "Due by", "Target date",
  "Target completion date", "By when", "Completion date", "Date", "When", NULL
};
static const char *const revised_headers[] = {
  "Revised timescale", "Timescale revised", "Revised deadline", "Revised date",
  "Revised due date", "Revised target date", "Revised", "New timescale", "New deadline",
  "Agreed revised timescale", NULL
};
static const char *const rating_headers[] = {
  "RAG", "Rating", "RAG rating", "RAG status", "BRAG", "BRAG rating", "BRAG status",
  "Current RAG", "Current rating", "Status", NULL
};
static const char *const status_headers[] = {
  "Delivery status", "Progress status", "Action status", "Delivery", "Status", NULL
};
static const char *const commentary_headers[] = {
  "Comments", "Comment", "Commentary", "Progress", "Update", "Updates", "Progress update",
  "Progress updates", "Progress update(s)", "Latest update", "Update on progress",
  "Progress to date", "Progress commentary", "Progress made", "Notes", "Current position",
  "Latest position", NULL
};
static const char *const workstream_headers[] = {
  "Workstream", "Work stream", "Workstreams", "Workstream code", "Strand", NULL
};
static const char *const theme_headers[] = { "Theme", "Themes", "Category", "Section", NULL };
static const char *const area_headers[] = {
  "Area of weakness", "Areas of weakness", "Weakness", "Area of significant weakness",
  "Significant weakness", "Priority", "Priority action", "Area for improvement", "Concern",
  "Inspection concern", "Finding", "Inspection finding", NULL
};
/* What will show the action worked, written when it is planned. */
static const char *const success_headers[] = {
  "Success measure", "Success measures", "Success criteria", "Measure of success",
  "Measures of success", "Impact measure", "Impact measures", "Expected impact",
  "Expected outcome", "Expected outcomes", "How will we know", "How we will know",
  "How will we know we have made a difference", NULL
};
/* What has changed, written as it happens: the action's evidence records. */
static const char *const evidence_headers[] = {
  "Evidence", "Evidence of impact", "Evidence of progress", "Evidence of success", "Impact",
  "Impact achieved", "Impact so far", "Outcome", "Outcomes", "Outcomes achieved",
  "Difference made", NULL
};

static const PathwayImportFieldInfo fields[PATHWAY_IMPORT_N_FIELDS] = {
  [PATHWAY_IMPORT_FIELD_NONE] = { "none", N_("Ignore"), no_headers },
  [PATHWAY_IMPORT_FIELD_REFERENCE] = { "reference", N_("Reference"), reference_headers },
  [PATHWAY_IMPORT_FIELD_DESCRIPTION] = { "description", N_("Description"),
                                         description_headers },
  [PATHWAY_IMPORT_FIELD_LEAD] = { "lead", N_("Lead"), lead_headers },
  [PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE] = { "original-timescale", N_("Original timescale"),
                                                original_headers },
  [PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE] = { "revised-timescale", N_("Revised timescale"),
                                               revised_headers },
  [PATHWAY_IMPORT_FIELD_RATING] = { "rating", N_("Rating"), rating_headers },
  [PATHWAY_IMPORT_FIELD_STATUS] = { "status", N_("Delivery status"), status_headers },
  [PATHWAY_IMPORT_FIELD_COMMENTARY] = { "commentary", N_("Commentary"), commentary_headers },
  [PATHWAY_IMPORT_FIELD_WORKSTREAM] = { "workstream", N_("Workstream"), workstream_headers },
  [PATHWAY_IMPORT_FIELD_THEME] = { "theme", N_("Theme"), theme_headers },
  [PATHWAY_IMPORT_FIELD_AREA] = { "area", N_("Area of weakness"), area_headers },
  [PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE] = { "success-measure", N_("Success measure"),
                                             success_headers },
  [PATHWAY_IMPORT_FIELD_EVIDENCE] = { "evidence", N_("Evidence of impact"), evidence_headers },
  /* Their headers are the rating's and commentary's with a month: see
   * pathway_import_header_month. */
  [PATHWAY_IMPORT_FIELD_EARLIER_RATING] = { "earlier-rating", N_("Rating of an earlier month"),
                                            no_headers },
  [PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY] = { "earlier-commentary",
                                                N_("Commentary of an earlier month"),
                                                no_headers },
};

/* The fields of each kind of import: a tracker's here, a risk register's in
 * pathway-import-risk-fields.c. A header names a field by its first words only when they are
 * long enough not to begin unrelated headers ("Risk appetite" is no risk). */
typedef struct {
  const PathwayImportFieldInfo *fields;
  guint n_fields;
  gsize min_prefix; /* the shortest folded name that may begin a header */
  const char *layout_prefix;
} FieldSet;

static const FieldSet *
field_set (PathwayImportTarget target)
{
  static FieldSet sets[2];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sets[PATHWAY_IMPORT_TARGET_TRACKER] = (FieldSet) { fields, PATHWAY_IMPORT_N_FIELDS, 3,
                                                         "headers:" };
      sets[PATHWAY_IMPORT_TARGET_RISKS] = (FieldSet) { pathway_import_risk_fields (),
                                                       PATHWAY_RISK_N_FIELDS, 5,
                                                       "risk-headers:" };
      g_once_init_leave (&done, 1);
    }
  g_return_val_if_fail ((guint) target < G_N_ELEMENTS (sets), &sets[0]);
  return &sets[target];
}

guint
pathway_import_target_get_n_fields (PathwayImportTarget target)
{
  return field_set (target)->n_fields;
}

const char *
pathway_import_target_field_label (PathwayImportTarget target, guint field)
{
  const FieldSet *set = field_set (target);

  g_return_val_if_fail (field < set->n_fields, "");
  return g_dgettext (GETTEXT_PACKAGE, set->fields[field].label);
}

const char *
pathway_import_target_field_nick (PathwayImportTarget target, guint field)
{
  const FieldSet *set = field_set (target);

  g_return_val_if_fail (field < set->n_fields, "");
  return set->fields[field].nick;
}

gboolean
pathway_import_field_is_repeated (PathwayImportField field)
{
  return field == PATHWAY_IMPORT_FIELD_EARLIER_RATING ||
         field == PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY;
}

const char *
pathway_import_field_label (PathwayImportField field)
{
  return pathway_import_target_field_label (PATHWAY_IMPORT_TARGET_TRACKER, field);
}

const char *
pathway_import_field_nick (PathwayImportField field)
{
  return pathway_import_target_field_nick (PATHWAY_IMPORT_TARGET_TRACKER, field);
}

const char *const *
pathway_import_field_header_names (PathwayImportField field)
{
  g_return_val_if_fail ((guint) field < PATHWAY_IMPORT_N_FIELDS, no_headers);
  return fields[field].headers;
}

char *
pathway_import_fold_header (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* Every name folded once: matching runs for each cell of the first rows of every file. Each
 * array has one element per field of the target. */
typedef struct {
  guint n_fields;
  gsize min_prefix;
  GPtrArray **headers; /* folded header names of each field */
  char **nicks;
  char **labels;
  char **translated;
  GPtrArray *generic_timescale;
} FoldedNames;

static GPtrArray *
fold_list (const char *const *list)
{
  GPtrArray *folded = g_ptr_array_new ();

  for (guint i = 0; list[i] != NULL; i++)
    g_ptr_array_add (folded, pathway_import_fold_header (list[i]));
  return folded;
}

static void
fold_set (FoldedNames *names, PathwayImportTarget target)
{
  const FieldSet *set = field_set (target);

  names->n_fields = set->n_fields;
  names->min_prefix = set->min_prefix;
  names->headers = g_new0 (GPtrArray *, set->n_fields);
  names->nicks = g_new0 (char *, set->n_fields);
  names->labels = g_new0 (char *, set->n_fields);
  names->translated = g_new0 (char *, set->n_fields);
  for (guint f = 0; f < set->n_fields; f++)
    {
      names->headers[f] = fold_list (set->fields[f].headers);
      names->nicks[f] = pathway_import_fold_header (set->fields[f].nick);
      names->labels[f] = pathway_import_fold_header (set->fields[f].label);
      names->translated[f] = pathway_import_fold_header (
        pathway_import_target_field_label (target, f));
    }
  names->generic_timescale = fold_list (generic_timescale);
}

static const FoldedNames *
folded_names_for (PathwayImportTarget target)
{
  static FoldedNames names[2];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      fold_set (&names[PATHWAY_IMPORT_TARGET_TRACKER], PATHWAY_IMPORT_TARGET_TRACKER);
      fold_set (&names[PATHWAY_IMPORT_TARGET_RISKS], PATHWAY_IMPORT_TARGET_RISKS);
      g_once_init_leave (&done, 1);
    }
  return &names[target == PATHWAY_IMPORT_TARGET_RISKS ? 1 : 0];
}

/* The tracker's, which most of this file reads. */
static const FoldedNames *
folded_names (void)
{
  return folded_names_for (PATHWAY_IMPORT_TARGET_TRACKER);
}

static gboolean
in_list (const GPtrArray *list, const char *folded)
{
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), folded) == 0)
      return TRUE;
  return FALSE;
}

/* The field whose header names hold 'folded' exactly; "Status" and the timescale words that
 * do not say which timescale are left to the caller (they return their first field). */
gboolean
pathway_import_target_field_for_header (PathwayImportTarget target, const char *folded,
                                        guint *field)
{
  const FoldedNames *names = folded_names_for (target);

  for (guint f = 1; f < names->n_fields; f++)
    if (in_list (names->headers[f], folded))
      {
        *field = f;
        return TRUE;
      }
  return FALSE;
}

static gboolean
field_for_header (const char *folded, PathwayImportField *field)
{
  guint found;

  if (!pathway_import_target_field_for_header (PATHWAY_IMPORT_TARGET_TRACKER, folded, &found))
    return FALSE;
  *field = (PathwayImportField) found;
  return TRUE;
}

/* The field whose longest header name begins 'folded' as whole words: "comments october 2019"
 * is commentary. */
gboolean
pathway_import_target_field_for_header_prefix (PathwayImportTarget target, const char *folded,
                                               guint *field)
{
  const FoldedNames *names = folded_names_for (target);
  gsize best = 0;

  for (guint f = 1; f < names->n_fields; f++)
    for (guint i = 0; i < names->headers[f]->len; i++)
      {
        const char *name = g_ptr_array_index (names->headers[f], i);
        gsize length = strlen (name);

        if (length >= names->min_prefix && length > best && strncmp (folded, name, length) == 0 &&
            folded[length] == ' ')
          {
            best = length;
            *field = f;
          }
      }
  return best > 0;
}

static gboolean
field_for_header_prefix (const char *folded, PathwayImportField *field)
{
  guint found;

  if (!pathway_import_target_field_for_header_prefix (PATHWAY_IMPORT_TARGET_TRACKER, folded,
                                                      &found))
    return FALSE;
  *field = (PathwayImportField) found;
  return TRUE;
}

gboolean
pathway_import_target_field_from_name (PathwayImportTarget target, const char *name,
                                       guint *field)
{
  g_autofree char *folded = pathway_import_fold_header (name);

  if (*folded == '\0')
    return FALSE;
  if (strcmp (folded, "ignore") == 0 || strcmp (folded, "none") == 0 ||
      strcmp (folded, "skip") == 0)
    {
      *field = 0;
      return TRUE;
    }
  {
    const FoldedNames *names = folded_names_for (target);

    for (guint f = 0; f < names->n_fields; f++)
      if (strcmp (folded, names->nicks[f]) == 0 || strcmp (folded, names->labels[f]) == 0 ||
          strcmp (folded, names->translated[f]) == 0)
        {
          *field = f;
          return TRUE;
        }
  }
  return pathway_import_target_field_for_header (target, folded, field) ||
         pathway_import_target_field_for_header_prefix (target, folded, field);
}

gboolean
pathway_import_field_from_name (const char *name, PathwayImportField *field)
{
  guint found;

  if (!pathway_import_target_field_from_name (PATHWAY_IMPORT_TARGET_TRACKER, name, &found))
    return FALSE;
  *field = (PathwayImportField) found;
  return TRUE;
}

/* Months in headers ------------------------------------------------------------------------- */

/* "rag jun 19" with "rag" taken off: the month left, when it is one. */
static gboolean
read_month (const char *text, GDate *month_end)
{
  g_autoptr(PathwayTimescale) timescale = NULL;

  if (*text == '\0')
    return FALSE;
  timescale = pathway_timescale_parse (text);
  if (!pathway_timescale_has_date (timescale) ||
      (timescale->precision != PATHWAY_PRECISION_MONTH &&
       timescale->precision != PATHWAY_PRECISION_DAY))
    return FALSE;
  g_date_clear (month_end, 1);
  g_date_set_dmy (month_end,
                  g_date_get_days_in_month (g_date_get_month (&timescale->date),
                                            g_date_get_year (&timescale->date)),
                  g_date_get_month (&timescale->date), g_date_get_year (&timescale->date));
  return TRUE;
}

gboolean
pathway_import_header_month (const char *header, PathwayImportField *field, GDate *month_end,
                             char **label)
{
  static const PathwayImportField dated[] = { PATHWAY_IMPORT_FIELD_RATING,
                                              PATHWAY_IMPORT_FIELD_COMMENTARY };
  const FoldedNames *names = folded_names ();
  g_autofree char *folded = pathway_import_fold_header (header);
  gsize length = strlen (folded);

  for (guint d = 0; d < G_N_ELEMENTS (dated); d++)
    {
      const GPtrArray *list = names->headers[dated[d]];

      for (guint i = 0; i < list->len; i++)
        {
          const char *name = g_ptr_array_index (list, i);
          gsize n = strlen (name);
          g_autofree char *rest = NULL;

          /* "RAG Jun 19" or "Jun 19 RAG". */
          if (length > n + 1 && strncmp (folded, name, n) == 0 && folded[n] == ' ')
            rest = g_strdup (folded + n + 1);
          else if (length > n + 1 && strcmp (folded + length - n, name) == 0 &&
                   folded[length - n - 1] == ' ')
            rest = g_strndup (folded, length - n - 1);
          if (rest == NULL || !read_month (rest, month_end))
            continue;
          *field = dated[d];
          if (label != NULL)
            {
              char text[64];

              g_date_strftime (text, sizeof text, "%B %Y", month_end);
              *label = g_strdup (text);
            }
          return TRUE;
        }
    }
  return FALSE;
}

/* The header row ------------------------------------------------------------------------------ */

/* Rows looked at for the header: a title block is a few lines. */
#define HEADER_SEARCH_ROWS 20

/* How well a row reads as a header: for each field it names, 2 for a name as areas write it
 * (or with a month) and 1 for one its cell begins with; a field named twice counts once, so a
 * title spread over a merged row is one name. */
static guint
header_score (PathwaySheet *sheet, guint row, PathwayImportTarget target, guint *n_fields)
{
  guint n = field_set (target)->n_fields;
  g_autofree guint *weight = g_new0 (guint, n);
  guint score = 0;

  *n_fields = 0;
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      const char *text = pathway_sheet_get_cell (sheet, row, c);
      g_autofree char *folded = NULL;
      PathwayImportField month_field;
      guint field = 0;
      GDate month;
      guint w = 0;

      if (*text == '\0' || strlen (text) >= 80)
        continue;
      folded = pathway_import_fold_header (text);
      if (*folded == '\0')
        continue;
      if (pathway_import_target_field_for_header (target, folded, &field))
        w = 2;
      else if (target == PATHWAY_IMPORT_TARGET_TRACKER &&
               pathway_import_header_month (text, &month_field, &month, NULL))
        {
          field = month_field;
          w = 2;
        }
      else if (pathway_import_target_field_for_header_prefix (target, folded, &field))
        w = 1;
      if (w > 0 && w > weight[field])
        weight[field] = w;
    }
  for (guint f = 1; f < n; f++)
    if (weight[f] > 0)
      {
        score += weight[f];
        (*n_fields)++;
      }
  return score;
}

guint
pathway_import_find_header_row (PathwaySheet *sheet)
{
  return pathway_import_find_header_row_for (sheet, PATHWAY_IMPORT_TARGET_TRACKER);
}

guint
pathway_import_find_header_row_for (PathwaySheet *sheet, PathwayImportTarget target)
{
  guint best = pathway_sheet_get_header_row (sheet), best_score = 0;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), 0);

  for (guint r = 0; r < MIN (pathway_sheet_get_n_rows (sheet), HEADER_SEARCH_ROWS); r++)
    {
      guint n_fields;
      guint score = header_score (sheet, r, target, &n_fields);

      if (n_fields >= 2 && score > best_score)
        {
          best = r;
          best_score = score;
        }
    }
  return best;
}

/* The mapping ------------------------------------------------------------------------------- */

struct _PathwayImportMapping
{
  GObject parent_instance;

  PathwayImportTarget target;
  GArray *fields;       /* the target's field (a PathwayImportField or PathwayRiskField) per
                         * column, as a guint */
  GHashTable *skipped;  /* sheet row index + 1, as a pointer: the rows the user skips */
  GDate recalled;       /* the day the recalled choices were made; cleared when none were */
};

G_DEFINE_FINAL_TYPE (PathwayImportMapping, pathway_import_mapping, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pathway_import_mapping_finalize (GObject *object)
{
  PathwayImportMapping *self = PATHWAY_IMPORT_MAPPING (object);

  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->skipped, g_hash_table_unref);

  G_OBJECT_CLASS (pathway_import_mapping_parent_class)->finalize (object);
}

static void
pathway_import_mapping_class_init (PathwayImportMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_import_mapping_finalize;

  /* A column's field changed (and perhaps another column's, which lost it), or a row was
   * skipped or taken back. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
pathway_import_mapping_init (PathwayImportMapping *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (guint));
  self->skipped = g_hash_table_new (NULL, NULL);
  g_date_clear (&self->recalled, 1);
}

PathwayImportMapping *
pathway_import_mapping_new (guint n_columns)
{
  return pathway_import_mapping_new_for (PATHWAY_IMPORT_TARGET_TRACKER, n_columns);
}

PathwayImportMapping *
pathway_import_mapping_new_for (PathwayImportTarget target, guint n_columns)
{
  PathwayImportMapping *self = g_object_new (PATHWAY_TYPE_IMPORT_MAPPING, NULL);

  g_return_val_if_fail (target == PATHWAY_IMPORT_TARGET_TRACKER ||
                          target == PATHWAY_IMPORT_TARGET_RISKS,
                        self);

  self->target = target;
  g_array_set_size (self->fields, n_columns);
  return self;
}

PathwayImportTarget
pathway_import_mapping_get_target (PathwayImportMapping *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), PATHWAY_IMPORT_TARGET_TRACKER);
  return self->target;
}

void
pathway_import_mapping_give (PathwayImportMapping *self, guint column, guint field)
{
  g_return_if_fail (PATHWAY_IS_IMPORT_MAPPING (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < field_set (self->target)->n_fields);

  g_array_index (self->fields, guint, column) = field;
}

guint
pathway_import_mapping_get_n_columns (PathwayImportMapping *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), 0);
  return self->fields->len;
}

guint
pathway_import_mapping_get_field (PathwayImportMapping *self, guint column)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), 0);

  if (column >= self->fields->len)
    return 0;
  return g_array_index (self->fields, guint, column);
}

int
pathway_import_mapping_get_column (PathwayImportMapping *self, guint field)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), -1);

  if (field == 0)
    return -1;
  for (guint c = 0; c < self->fields->len; c++)
    if (g_array_index (self->fields, guint, c) == field)
      return (int) c;
  return -1;
}

/* The earlier months' ratings and commentaries of a tracker may fill many columns; every other
 * field, a risk register's all, fills one. */
static gboolean
is_repeated (PathwayImportMapping *self, guint field)
{
  return self->target == PATHWAY_IMPORT_TARGET_TRACKER &&
         pathway_import_field_is_repeated ((PathwayImportField) field);
}

void
pathway_import_mapping_set_field (PathwayImportMapping *self, guint column, guint field)
{
  int previous;

  g_return_if_fail (PATHWAY_IS_IMPORT_MAPPING (self));
  g_return_if_fail (field < field_set (self->target)->n_fields);
  g_return_if_fail (column < self->fields->len);

  if (g_array_index (self->fields, guint, column) == field)
    return;
  previous = is_repeated (self, field) ? -1 : pathway_import_mapping_get_column (self, field);
  if (previous >= 0)
    g_array_index (self->fields, guint, previous) = 0;
  g_array_index (self->fields, guint, column) = field;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
pathway_import_mapping_set_row_skipped (PathwayImportMapping *self, guint row, gboolean skipped)
{
  gpointer key = GUINT_TO_POINTER (row + 1);

  g_return_if_fail (PATHWAY_IS_IMPORT_MAPPING (self));

  if (skipped == g_hash_table_contains (self->skipped, key))
    return;
  if (skipped)
    g_hash_table_add (self->skipped, key);
  else
    g_hash_table_remove (self->skipped, key);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
pathway_import_mapping_get_row_skipped (PathwayImportMapping *self, guint row)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), FALSE);
  return g_hash_table_contains (self->skipped, GUINT_TO_POINTER (row + 1));
}

gboolean
pathway_import_mapping_parse_skip (PathwayImportMapping *self, PathwaySheet *sheet,
                                   const char *row_text, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (row_text ? row_text : ""));
  guint64 number = 0;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), FALSE);

  if (*trimmed == '\0' || strspn (trimmed, "0123456789") != strlen (trimmed) ||
      (number = g_ascii_strtoull (trimmed, NULL, 10)) == 0 || number > G_MAXUINT)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("“%s” is not a row number: give the number the spreadsheet shows at the "
                     "left of the row, such as 12."), trimmed);
      return FALSE;
    }
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    if (pathway_sheet_get_row_number (sheet, r) == number)
      {
        pathway_import_mapping_set_row_skipped (self, r, TRUE);
        return TRUE;
      }
  g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
               _("Row %s of %s has nothing in it to skip."), trimmed,
               pathway_sheet_get_display_name (sheet));
  return FALSE;
}

/* The guess ----------------------------------------------------------------------------------- */

/* What the cells under a column headed "Status" say: colours make it a rating column (words
 * such as "Red", or cells with no text but a colour when no cell holds a status), words that
 * are only statuses ("In progress", "Delayed") a status column. */
static void
read_status_column (PathwaySheet *sheet, guint column, gboolean *colours, gboolean *statuses)
{
  gboolean coloured = FALSE;

  *colours = *statuses = FALSE;
  for (guint r = pathway_sheet_get_header_row (sheet) + 1; r < pathway_sheet_get_n_rows (sheet);
       r++)
    {
      const char *text = pathway_sheet_get_cell (sheet, r, column);
      PathwayRating rating;
      PathwayStatus status;
      guint32 rgb;

      if (*text == '\0')
        {
          if (pathway_sheet_get_cell_fill (sheet, r, column, &rgb) &&
              !pathway_import_fill_is_blank (rgb))
            coloured = TRUE;
          continue;
        }
      if (pathway_import_word_is_colour (text))
        *colours = TRUE;
      else if (pathway_import_read_status_word (text, &status) &&
               pathway_import_read_rating_word (NULL, text, &rating) ==
                 PATHWAY_RATING_WORD_UNKNOWN)
        *statuses = TRUE;
    }
  /* Statuses in coloured cells are statuses; colours alone are ratings. */
  *colours |= coloured && !*statuses;
}

typedef struct {
  guint column;
  PathwayImportField field; /* rating or commentary */
  GDate month_end;
} DatedColumn;

static gint
compare_dated (gconstpointer a, gconstpointer b)
{
  const DatedColumn *x = a, *y = b;
  int by_month = g_date_compare (&x->month_end, &y->month_end);

  if (by_month != 0)
    return by_month;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* The rating and commentary columns that carry a month. Only two months or more make a
 * tracker of month columns: one dated column ("Comments October 2019") is an ordinary one. */
static GArray *
find_dated_columns (PathwaySheet *sheet)
{
  GArray *dated = g_array_new (FALSE, FALSE, sizeof (DatedColumn));
  GDate first;
  gboolean several = FALSE;

  g_date_clear (&first, 1);
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      DatedColumn column = { c, PATHWAY_IMPORT_FIELD_NONE };

      if (pathway_sheet_column_is_hidden (sheet, c))
        continue;
      if (!pathway_import_header_month (pathway_sheet_get_header (sheet, c), &column.field,
                                        &column.month_end, NULL))
        continue;
      if (!g_date_valid (&first))
        first = column.month_end;
      else if (g_date_compare (&first, &column.month_end) != 0)
        several = TRUE;
      g_array_append_val (dated, column);
    }
  if (!several)
    g_array_set_size (dated, 0);
  g_array_sort (dated, compare_dated);
  return dated;
}

static gboolean
is_dated (GArray *dated, guint column)
{
  for (guint i = 0; i < dated->len; i++)
    if (g_array_index (dated, DatedColumn, i).column == column)
      return TRUE;
  return FALSE;
}

PathwayImportMapping *
pathway_import_guess_mapping (PathwaySheet *sheet)
{
  guint n_columns;
  PathwayImportMapping *self;
  gboolean taken[PATHWAY_IMPORT_N_FIELDS] = { FALSE };
  gboolean explicit_original = FALSE;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) dated = NULL;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);

  pathway_sheet_set_header_row (sheet, pathway_import_find_header_row (sheet));
  n_columns = pathway_sheet_get_n_columns (sheet);
  self = pathway_import_mapping_new (n_columns);
  /* What a person does not see is not read: a hidden column (last quarter's ratings, say) is
   * left for the user to choose, never guessed. */
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (headers, pathway_sheet_column_is_hidden (sheet, c)
                                ? g_strdup ("")
                                : pathway_import_fold_header (pathway_sheet_get_header (sheet, c)));
  dated = find_dated_columns (sheet);

#define GIVE(column, f)                                                                       \
  G_STMT_START                                                                                \
  {                                                                                           \
    taken[f] = TRUE;                                                                          \
    g_array_index (self->fields, guint, column) = (f);                          \
  }                                                                                           \
  G_STMT_END

  /* What the headers say outright, first column first; "Status", the timescale words that do
   * not say which timescale and the months' columns wait for the passes below. */
  for (guint c = 0; c < n_columns; c++)
    {
      const char *folded = g_ptr_array_index (headers, c);
      PathwayImportField field;

      if (*folded == '\0' || strcmp (folded, "status") == 0 ||
          in_list (folded_names ()->generic_timescale, folded) || is_dated (dated, c))
        continue;
      if (!field_for_header (folded, &field) && !field_for_header_prefix (folded, &field))
        continue;
      if (taken[field])
        continue;
      explicit_original |= field == PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE;
      GIVE (c, field);
    }

  /* A "Status" column of colours is the current rating when no column says RAG. */
  for (guint c = 0; c < n_columns; c++)
    {
      gboolean colours, statuses;

      if (strcmp (g_ptr_array_index (headers, c), "status") != 0)
        continue;
      read_status_column (sheet, c, &colours, &statuses);
      if (colours && !taken[PATHWAY_IMPORT_FIELD_RATING])
        GIVE (c, PATHWAY_IMPORT_FIELD_RATING);
    }

  /* The months: the latest is the current rating and commentary, unless an undated column
   * already is; the others are history. */
  for (guint i = dated->len; i > 0; i--)
    {
      const DatedColumn *column = &g_array_index (dated, DatedColumn, i - 1);
      PathwayImportField earlier = column->field == PATHWAY_IMPORT_FIELD_RATING
                                     ? PATHWAY_IMPORT_FIELD_EARLIER_RATING
                                     : PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY;

      if (!taken[column->field])
        GIVE (column->column, column->field);
      else
        GIVE (column->column, earlier);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *folded = g_ptr_array_index (headers, c);
      PathwayImportField field = PATHWAY_IMPORT_FIELD_NONE;

      if (g_array_index (self->fields, guint, c) != PATHWAY_IMPORT_FIELD_NONE)
        continue;
      if (strcmp (folded, "status") == 0)
        {
          gboolean colours, statuses;

          /* Most trackers mean the RAG rating by "Status"; beside a RAG column, or holding
           * statuses, it is the delivery status. */
          read_status_column (sheet, c, &colours, &statuses);
          field = taken[PATHWAY_IMPORT_FIELD_RATING] || (statuses && !colours)
                    ? PATHWAY_IMPORT_FIELD_STATUS
                    : PATHWAY_IMPORT_FIELD_RATING;
        }
      else if (in_list (folded_names ()->generic_timescale, folded))
        /* "Deadline" beside an original timescale is the revised one. */
        field = explicit_original || taken[PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE]
                  ? PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE
                  : PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE;
      if (field == PATHWAY_IMPORT_FIELD_NONE || taken[field])
        continue;
      GIVE (c, field);
    }
#undef GIVE
  return self;
}

static gboolean
parse_column_letters (const char *text, guint *column)
{
  guint c = 0;

  if (*text == '\0' || strlen (text) > 3)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
    }
  *column = c - 1;
  return TRUE;
}

gboolean
pathway_import_mapping_parse_override (PathwayImportMapping *self, PathwaySheet *sheet,
                                       const char *assignment, GError **error)
{
  const char *equals;
  g_autofree char *column_text = NULL;
  g_autofree char *field_text = NULL;
  g_autofree char *folded = NULL;
  const FieldSet *set;
  guint field;
  guint column = G_MAXUINT;
  guint n_columns;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), FALSE);

  equals = assignment ? strrchr (assignment, '=') : NULL;
  if (equals == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("“%s” is not COLUMN=FIELD, such as F=rating or “RAG status=rating”."),
                   assignment ? assignment : "");
      return FALSE;
    }
  column_text = g_strstrip (g_strndup (assignment, equals - assignment));
  field_text = g_strstrip (g_strdup (equals + 1));
  set = field_set (self->target);
  if (!pathway_import_target_field_from_name (self->target, field_text, &field))
    {
      GString *nicks = g_string_new (NULL);

      for (guint f = 0; f < set->n_fields; f++)
        g_string_append_printf (nicks, "%s%s", f > 0 ? ", " : "", set->fields[f].nick);
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("“%s” is not a field. The fields are %s."), field_text, nicks->str);
      g_string_free (nicks, TRUE);
      return FALSE;
    }

  n_columns = self->fields->len;
  folded = pathway_import_fold_header (column_text);
  if (*column_text != '\0' && strspn (column_text, "0123456789") == strlen (column_text))
    {
      guint64 number = g_ascii_strtoull (column_text, NULL, 10);

      if (number >= 1 && number <= n_columns)
        column = (guint) number - 1;
    }
  for (guint c = 0; column == G_MAXUINT && *folded != '\0' && c < n_columns; c++)
    {
      g_autofree char *header = pathway_import_fold_header (pathway_sheet_get_header (sheet, c));

      if (strcmp (header, folded) == 0)
        column = c;
    }
  if (column == G_MAXUINT)
    {
      guint letters;

      if (parse_column_letters (column_text, &letters) && letters < n_columns)
        column = letters;
    }
  if (column == G_MAXUINT)
    {
      g_autofree char *last = pathway_column_letter (n_columns > 0 ? n_columns - 1 : 0);

      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("“%s” is not a column of %s: give a letter from A to %s, a number from 1 "
                     "to %u, or a header as written in the header row."),
                   column_text, pathway_sheet_get_display_name (sheet), last, n_columns);
      return FALSE;
    }
  pathway_import_mapping_set_field (self, column, field);
  return TRUE;
}

/* Layouts remembered --------------------------------------------------------------------------- */

char *
pathway_import_layout_key (PathwaySheet *sheet, guint header_row)
{
  return pathway_import_layout_key_for (sheet, header_row, PATHWAY_IMPORT_TARGET_TRACKER);
}

/* A risk register of the same headers as a tracker is another layout: its choices are of other
 * fields. */
char *
pathway_import_layout_key_for (PathwaySheet *sheet, guint header_row, PathwayImportTarget target)
{
  g_autoptr(GString) headers = g_string_new (NULL);
  g_autofree char *checksum = NULL;
  gsize last = 0;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);

  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      g_autofree char *folded = pathway_import_fold_header (pathway_sheet_get_cell (sheet,
                                                                                    header_row,
                                                                                    c));

      if (c > 0)
        g_string_append_c (headers, '\n');
      g_string_append (headers, folded);
      if (*folded != '\0')
        last = headers->len;
    }
  /* Blank headers at the right are no part of the layout: next month's sheet may be
   * narrower. */
  if (last == 0)
    return NULL;
  g_string_truncate (headers, last);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, headers->str, headers->len);
  return g_strconcat (field_set (target)->layout_prefix, checksum, NULL);
}

/* The text of a row's first cell with any, folded: how a skipped row is known again next
 * month, when its number may have changed. */
static char *
row_mark (PathwaySheet *sheet, guint row)
{
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      g_autofree char *folded = pathway_import_fold_header (pathway_sheet_get_cell (sheet, row,
                                                                                    c));

      if (*folded != '\0')
        return g_steal_pointer (&folded);
    }
  return NULL;
}

char *
pathway_import_mapping_dup_choices (PathwayImportMapping *self, PathwaySheet *sheet)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);

  for (guint c = 0; c < self->fields->len; c++)
    {
      guint field = g_array_index (self->fields, guint, c);
      g_autofree char *letter = NULL;

      if (field == 0)
        continue;
      letter = pathway_column_letter (c);
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? ";" : "", letter,
                              field_set (self->target)->fields[field].nick);
    }
  for (guint r = 0; r < pathway_sheet_get_n_rows (sheet); r++)
    {
      char *mark;

      if (!pathway_import_mapping_get_row_skipped (self, r) ||
          (mark = row_mark (sheet, r)) == NULL)
        continue;
      /* Folded text has no ';' or '=', so it needs no quoting. */
      if (g_ptr_array_find_with_equal_func (marks, mark, g_str_equal, NULL))
        g_free (mark);
      else
        {
          g_string_append_printf (text, "%sskip=%s", text->len > 0 ? ";" : "", mark);
          g_ptr_array_add (marks, mark);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reads choices kept by pathway_import_apply ("chosen=2019-10-16;A=reference;skip=key") for a
 * sheet of n_columns: the field of each column (none for those not named), the rows to skip by
 * their marks and the day. FALSE for text this version cannot read. */
static gboolean
read_choices (const FieldSet *set, const char *text, guint n_columns, GArray *chosen,
              GPtrArray *skips, GDate *day)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  g_array_set_size (chosen, n_columns);
  for (guint c = 0; c < n_columns; c++)
    g_array_index (chosen, guint, c) = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');
      g_autofree char *name = NULL;
      const char *value;
      guint column;
      guint f;

      if (*parts[i] == '\0')
        continue;
      if (equals == NULL)
        return FALSE;
      name = g_strndup (parts[i], equals - parts[i]);
      value = equals + 1;
      if (strcmp (name, "chosen") == 0)
        {
          if (!pathway_date_parse_iso (value, day))
            return FALSE;
          continue;
        }
      if (strcmp (name, "skip") == 0)
        {
          g_ptr_array_add (skips, g_strdup (value));
          continue;
        }
      if (!parse_column_letters (name, &column) || column >= n_columns)
        return FALSE;
      for (f = 1; f < set->n_fields && strcmp (set->fields[f].nick, value) != 0; f++)
        ;
      if (f == set->n_fields)
        return FALSE;
      g_array_index (chosen, guint, column) = f;
    }
  return TRUE;
}

gboolean
pathway_import_mapping_recall (PathwayImportMapping *self, PathwaySheet *sheet,
                               PathwayDocument *document)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  guint header, n_rows;
  gboolean changed = FALSE;
  GDate day;

  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);

  if (self->fields->len != pathway_sheet_get_n_columns (sheet))
    return FALSE;
  /* The header row found first; a row chosen by hand last time may be another of the first
   * rows. */
  header = pathway_sheet_get_header_row (sheet);
  n_rows = MIN (pathway_sheet_get_n_rows (sheet), HEADER_SEARCH_ROWS);
  for (guint i = 0; text == NULL && i <= n_rows; i++)
    {
      guint row = i == 0 ? header : i - 1;
      g_autofree char *key = NULL;

      if (i > 0 && row == header)
        continue;
      key = pathway_import_layout_key_for (sheet, row, self->target);
      if (key != NULL && (text = pathway_document_dup_import_layout (document, key)) != NULL)
        header = row;
    }
  if (text == NULL)
    return FALSE;
  g_date_clear (&day, 1);
  if (!read_choices (field_set (self->target), text, self->fields->len, chosen, skips, &day))
    return FALSE;

  pathway_sheet_set_header_row (sheet, header);
  for (guint c = 0; c < self->fields->len; c++)
    {
      guint field = g_array_index (chosen, guint, c);

      if (g_array_index (self->fields, guint, c) != field)
        {
          g_array_index (self->fields, guint, c) = field;
          changed = TRUE;
        }
    }
  for (guint r = header + 1; skips->len > 0 && r < pathway_sheet_get_n_rows (sheet); r++)
    {
      g_autofree char *mark = row_mark (sheet, r);
      gpointer key = GUINT_TO_POINTER (r + 1);

      if (mark != NULL && g_ptr_array_find_with_equal_func (skips, mark, g_str_equal, NULL) &&
          !g_hash_table_contains (self->skipped, key))
        {
          g_hash_table_add (self->skipped, key);
          changed = TRUE;
        }
    }
  self->recalled = day;
  if (!g_date_valid (&self->recalled))
    g_date_clear (&self->recalled, 1);
  if (changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

const GDate *
pathway_import_mapping_get_recalled_date (PathwayImportMapping *self)
{
  g_return_val_if_fail (PATHWAY_IS_IMPORT_MAPPING (self), NULL);
  return g_date_valid (&self->recalled) ? &self->recalled : NULL;
}

PathwayImportMapping *
pathway_import_guess_mapping_for (PathwaySheet *sheet, PathwayImportTarget target)
{
  if (target == PATHWAY_IMPORT_TARGET_RISKS)
    return pathway_import_guess_risk_mapping (sheet);
  return pathway_import_guess_mapping (sheet);
}
