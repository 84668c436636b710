/* pathway-import-risks.c: what importing a risk register would do to the risk log, row by
 * row, and then doing it.
 *
 * The plan reads the rows below the header as a person reads a register: blank rows and the
 * header repeated say nothing; a row of one text is a section heading; a colour key or a
 * scoring note under the table is passed over. Each row is matched to a risk of the log by
 * its reference (case and spacing aside), so importing the same register again changes
 * nothing; a row with a risk and no reference is imported under one made from its row number
 * ("Row 12"), with a warning. A blank cell never clears a field and nothing is retired: an
 * import only adds and changes.
 *
 * Values are read in the words registers use (pathway-import-risk-fields.c). Errors are kept
 * for what would put wrong data in, each naming its row, column and value: a likelihood of 7,
 * a level no word names, a number and word that disagree ("2 - Likely"), a date that is none,
 * a type or status no word names, a reference on two rows, a new risk with no title. What can
 * be left out is a warning: a linked action or a workstream the programme does not have is
 * dropped; a score is checked against likelihood times impact but never imported, since the
 * log works it out, and a score (a number, a word or only a cell's colour) with no likelihood
 * and impact beside it cannot be split into them, so that risk is left unscored. An owner the
 * programme does not know is added as a person, as a tracker's leads are.
 *
 * Applying writes everything in one document batch (one undo step): the people first, then
 * each new risk (its creation noted "Imported from FILE") and each changed field of an
 * existing one (noted the same), then the risks issues were raised from, once every new risk
 * of the import is there; the mapping's choices are kept for the register's layout, and the
 * first failure rolls everything back. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"
#include "pathway-reference.h"

#define FIELD_BIT(f) (1u << (f))
/* The fields compared with the log: the scores are checked, never written. */
#define SCORE_BITS (FIELD_BIT (PATHWAY_RISK_FIELD_SCORE) | \
                    FIELD_BIT (PATHWAY_RISK_FIELD_RESIDUAL_SCORE))

/* What a risk row holds, read and checked. */
typedef struct {
  guint present;  /* FIELD_BIT of each field the row gives a value */
  char *reference;
  PathwayRiskKind kind;
  char *title;
  char *description;
  char *owner;          /* a person's name as written */
  char *workstream;     /* as written; found again when applied */
  char *actions;        /* the linked actions found, as the store names them: "1A i, 2B iii" */
  int likelihood;
  int impact;
  int residual_likelihood;
  int residual_impact;
  char *proximity;
  GDate review_date;
  char *response;
  char *response_owner;
  PathwayRiskStatus status;
  char *raised_from;    /* a risk's reference */
} RiskRow;

static void
risk_row_clear (gpointer data)
{
  RiskRow *row = data;

  g_free (row->reference);
  g_free (row->title);
  g_free (row->description);
  g_free (row->owner);
  g_free (row->workstream);
  g_free (row->actions);
  g_free (row->proximity);
  g_free (row->response);
  g_free (row->response_owner);
  g_free (row->raised_from);
}

/* The programme's records by the names rows give them. */
typedef struct {
  GHashTable *risks;       /* pathway_import_fold_name (reference) -> PathwayRisk */
  GHashTable *people;      /* pathway_import_fold_name (name) -> PathwayPerson */
  GHashTable *workstreams; /* pathway_import_fold_header (code, title, both) -> workstream */
} Index;

static void
index_add_list (GHashTable *table, GListModel *list, const char *(*key_of) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (list, i);
      char *key = pathway_import_fold_name (key_of (record));

      if (*key != '\0' && !g_hash_table_contains (table, key))
        g_hash_table_insert (table, key, record);
      else
        g_free (key);
    }
}

static const char *
risk_key (gpointer record)
{
  return pathway_risk_get_reference (record);
}

static const char *
person_key (gpointer record)
{
  return pathway_person_get_name (record);
}

static void
index_workstream (GHashTable *table, const char *text, PathwayWorkstream *workstream)
{
  char *key = pathway_import_fold_header (text);

  if (*key != '\0' && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, key, workstream);
  else
    g_free (key);
}

static void
index_init (Index *index, PathwayProgramme *programme)
{
  GListModel *workstreams = pathway_programme_get_workstreams (programme);

  index->risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->workstreams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_add_list (index->risks, pathway_programme_get_risks (programme), risk_key);
  index_add_list (index->people, pathway_programme_get_people (programme), person_key);
  /* "2", "Health" and "2 – Health" as the tracker's export writes it. */
  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      const char *code = pathway_workstream_get_code (workstream);
      const char *title = pathway_workstream_get_title (workstream);
      g_autofree char *both = g_strdup_printf ("%s %s", code ? code : "", title ? title : "");

      index_workstream (index->workstreams, code, workstream);
      index_workstream (index->workstreams, title, workstream);
      index_workstream (index->workstreams, both, workstream);
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->risks, g_hash_table_unref);
  g_clear_pointer (&index->people, g_hash_table_unref);
  g_clear_pointer (&index->workstreams, g_hash_table_unref);
}

static gpointer
index_find (GHashTable *table, const char *text)
{
  g_autofree char *key = pathway_import_fold_name (text);

  return g_hash_table_lookup (table, key);
}

static PathwayWorkstream *
find_workstream (Index *index, const char *text)
{
  g_autofree char *key = pathway_import_fold_header (text);

  return g_hash_table_lookup (index->workstreams, key);
}

/* Planning ------------------------------------------------------------------------------------ */

/* What the sheets of one import share: the references seen (one risk each), every reference
 * they hold (an issue may be raised from a risk further down) and the people to add. */
typedef struct {
  GHashTable *seen;       /* folded reference -> where, for a message ("row 7") */
  GHashTable *in_import;  /* folded reference -> TRUE */
  GHashTable *new_people; /* folded name -> TRUE */
  gboolean several;
} Shared;

typedef struct {
  PathwayImportPlan *plan;
  PathwayDocument *document;
  PathwayProgramme *programme;
  PathwaySheet *sheet;
  PathwayImportMapping *mapping;
  Shared *shared;
  Index index;
  int columns[PATHWAY_RISK_N_FIELDS];
  gboolean has_sheet_kind; /* the sheet is named for a kind ("Issues") */
  PathwayRiskKind sheet_kind;
  GArray *rows;            /* RiskRow per sheet row: the plan's target data */
} Planner;

static const char *
field_name (guint field)
{
  return pathway_import_target_field_label (PATHWAY_IMPORT_TARGET_RISKS, field);
}

/* "Issues", "Issue log", "Assumptions": the kind of the rows that do not say theirs. */
static gboolean
sheet_kind (PathwaySheet *sheet, PathwayRiskKind *kind)
{
  const char *name = pathway_sheet_get_sheet_name (sheet);
  g_autofree char *folded = pathway_import_fold_header (name ? name : "");
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  return words[0] != NULL && pathway_import_read_risk_kind (words[0], kind) &&
         strlen (words[0]) > 1;
}

static char *
cell (Planner *planner, guint r, guint field)
{
  return pathway_import_cell_value (planner->sheet, r, planner->columns[field]);
}

static void
problem (Planner *planner, PathwayImportSeverity severity, guint r, guint field,
         const char *value, const char *message)
{
  pathway_import_plan_add_problem (planner->plan, severity, r, planner->columns[field], value,
                                   "%s", message);
}

static void
read_text (Planner *planner, guint r, RiskRow *row, guint field, char **out)
{
  g_autofree char *value = cell (planner, r, field);

  if (*value == '\0')
    return;
  *out = g_steal_pointer (&value);
  row->present |= FIELD_BIT (field);
}

/* The programme's words for a scale, for a message: "Rare, Unlikely, Possible, Likely or
 * Almost certain". */
static char *
scale_words (PathwayProgramme *programme, gboolean impact)
{
  const char *words[5];

  for (int l = 1; l <= 5; l++)
    words[l - 1] = impact ? pathway_programme_get_impact_word (programme, l)
                          : pathway_programme_get_likelihood_word (programme, l);
  /* TRANSLATORS: the five words of a risk's levels, from 1 to 5 */
  return g_strdup_printf (_("%s, %s, %s, %s or %s"), words[0], words[1], words[2], words[3],
                          words[4]);
}

static void
read_level (Planner *planner, guint r, RiskRow *row, guint field, gboolean impact, int *out)
{
  g_autofree char *value = cell (planner, r, field);
  g_autofree char *message = NULL;
  g_autofree char *lower = g_utf8_strdown (field_name (field), -1);
  int level;

  switch (pathway_import_read_risk_level (planner->programme, impact, value, &level))
    {
    case PATHWAY_RISK_LEVEL_BLANK:
      return;
    case PATHWAY_RISK_LEVEL_READ:
      *out = level;
      row->present |= FIELD_BIT (field);
      return;
    case PATHWAY_RISK_LEVEL_OUT_OF_RANGE:
      switch (field)
        {
        case PATHWAY_RISK_FIELD_LIKELIHOOD:
          message = g_strdup_printf (_("A likelihood of %d is not a level from 1 to 5."), level);
          break;
        case PATHWAY_RISK_FIELD_IMPACT:
          message = g_strdup_printf (_("An impact of %d is not a level from 1 to 5."), level);
          break;
        case PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD:
          message = g_strdup_printf (_("A residual likelihood of %d is not a level from 1 to "
                                       "5."),
                                     level);
          break;
        default:
          message = g_strdup_printf (_("A residual impact of %d is not a level from 1 to 5."),
                                     level);
          break;
        }
      break;
    case PATHWAY_RISK_LEVEL_DISAGREES:
      message = g_strdup_printf (_("The number and the word say different levels: write the "
                                   "%s as a number from 1 to 5 or as its word."),
                                 lower);
      break;
    case PATHWAY_RISK_LEVEL_UNKNOWN:
    default:
      {
        g_autofree char *words = scale_words (planner->programme, impact);

        /* TRANSLATORS: %s is "likelihood" or "impact", then the scale's five words */
        message = g_strdup_printf (_("Not a level of %s: write a number from 1 to 5, or %s."),
                                   lower, words);
      }
      break;
    }
  problem (planner, PATHWAY_IMPORT_ERROR, r, field, value, message);
}

/* A score is checked, never imported: the log works it out from likelihood and impact. */
static void
check_score (Planner *planner, guint r, RiskRow *row, guint field, guint likelihood_field,
             guint impact_field, int likelihood, int impact)
{
  int column = planner->columns[field];
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  guint32 rgb = 0;
  gboolean coloured;

  if (column < 0)
    return;
  value = cell (planner, r, field);
  coloured = pathway_sheet_get_cell_fill (planner->sheet, r, (guint) column, &rgb) &&
             !pathway_import_fill_is_blank (rgb);
  if (*value == '\0' && !coloured)
    return;
  if ((row->present & FIELD_BIT (likelihood_field)) && (row->present & FIELD_BIT (impact_field)))
    {
      char *end = NULL;
      double score = *value != '\0' ? g_ascii_strtod (value, &end) : 0;

      /* A word or a colour is no number to check. */
      if (end != NULL && end != value && *end == '\0' && score != (double) (likelihood * impact))
        {
          message = g_strdup_printf (_("Not likelihood times impact, which is %d × %d = %d: the "
                                       "score is worked out from them, so check them."),
                                     likelihood, impact, likelihood * impact);
          problem (planner, PATHWAY_IMPORT_WARNING, r, field, value, message);
        }
      return;
    }
  if (*value == '\0')
    /* TRANSLATORS: %s is a colour's name, "red" */
    message = g_strdup_printf (_("A score shown only by the cell’s colour (%s) cannot be split "
                                 "into likelihood and impact, so it is not imported and the "
                                 "risk stays unscored. Give the likelihood and impact in "
                                 "columns of their own."),
                               pathway_import_fill_name (rgb));
  else
    message = g_strdup (_("A score cannot be split into likelihood and impact, so it is not "
                          "imported and the risk stays unscored. Give the likelihood and "
                          "impact in columns of their own."));
  problem (planner, PATHWAY_IMPORT_WARNING, r, field, value, message);
}

static void
read_person (Planner *planner, guint r, RiskRow *row, guint field, char **out)
{
  g_autofree char *value = cell (planner, r, field);
  g_autofree char *key = NULL;

  if (*value == '\0')
    return;
  /* A name written across lines is one name. */
  g_strdelimit (value, "\n\t", ' ');
  key = pathway_import_fold_name (value);
  if (index_find (planner->index.people, value) == NULL &&
      !g_hash_table_contains (planner->shared->new_people, key))
    {
      g_autofree char *line = g_strdup_printf (_("Person: %s"), g_strstrip (value));

      g_hash_table_add (planner->shared->new_people, g_steal_pointer (&key));
      pathway_import_plan_add_addition (planner->plan, line);
    }
  *out = g_strdup (g_strstrip (value));
  row->present |= FIELD_BIT (field);
}

static void
read_workstream (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_WORKSTREAM);

  if (*value == '\0')
    return;
  if (find_workstream (&planner->index, value) == NULL)
    {
      problem (planner, PATHWAY_IMPORT_WARNING, r, PATHWAY_RISK_FIELD_WORKSTREAM, value,
               _("The programme has no workstream of that code or title, so it is left out. "
                 "Add the workstream first, or write it as the programme names it."));
      return;
    }
  row->workstream = g_steal_pointer (&value);
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_WORKSTREAM);
}

/* Each linked action found, written as the store writes links; one the programme does not
 * have is named in a warning and left out. */
static void
read_actions (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_ACTIONS);
  g_auto(GStrv) links = pathway_links_split (value);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const PathwayKind *kind = pathway_kind_lookup ("action");

  if (links[0] == NULL)
    return;
  for (guint i = 0; links[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) action = pathway_document_find_record (planner->document, kind,
                                                                links[i], &error);
      char *name;

      if (action == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The programme has no action “%s”, so that link is left out."),
                             links[i]);

          problem (planner, PATHWAY_IMPORT_WARNING, r, PATHWAY_RISK_FIELD_ACTIONS, value,
                   message);
          continue;
        }
      name = pathway_document_dup_record_name (planner->document, action);
      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  if (names->len == 0)
    return;
  g_ptr_array_add (names, NULL);
  row->actions = g_strjoinv (", ", (char **) names->pdata);
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_ACTIONS);
}

static void
read_review_date (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_REVIEW_DATE);
  g_autoptr(PathwayTimescale) timescale = NULL;

  if (*value == '\0')
    return;
  g_date_clear (&row->review_date, 1);
  if (!pathway_import_parse_day (value, &row->review_date))
    {
      /* As a spreadsheet shows a date in another format: "14 March 2027", "14-Mar-27". */
      timescale = pathway_timescale_parse (value);
      if (timescale == NULL || !pathway_timescale_has_date (timescale) ||
          timescale->precision != PATHWAY_PRECISION_DAY)
        {
          problem (planner, PATHWAY_IMPORT_ERROR, r, PATHWAY_RISK_FIELD_REVIEW_DATE, value,
                   _("Not a date: write it as 31/03/2027 or 2027-03-31."));
          return;
        }
      row->review_date = timescale->date;
    }
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_REVIEW_DATE);
}

static void
read_kind (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_KIND);

  if (*value == '\0')
    return;
  if (!pathway_import_read_risk_kind (value, &row->kind))
    {
      problem (planner, PATHWAY_IMPORT_ERROR, r, PATHWAY_RISK_FIELD_KIND, value,
               _("Not a type of entry: write Risk, Issue, Assumption or Dependency."));
      return;
    }
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_KIND);
}

static void
read_status (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_STATUS);

  if (*value == '\0')
    return;
  if (!pathway_import_read_risk_status (value, &row->status))
    {
      problem (planner, PATHWAY_IMPORT_ERROR, r, PATHWAY_RISK_FIELD_STATUS, value,
               _("Not a status: write Open, Closed or Escalated."));
      return;
    }
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_STATUS);
}

static void
read_raised_from (Planner *planner, guint r, RiskRow *row)
{
  g_autofree char *value = cell (planner, r, PATHWAY_RISK_FIELD_RAISED_FROM);
  g_autofree char *key = NULL;

  if (*value == '\0')
    return;
  key = pathway_import_fold_name (value);
  if (index_find (planner->index.risks, value) == NULL &&
      !g_hash_table_contains (planner->shared->in_import, key))
    {
      problem (planner, PATHWAY_IMPORT_WARNING, r, PATHWAY_RISK_FIELD_RAISED_FROM, value,
               _("No risk of the log or of this register has that reference, so the link is "
                 "left out."));
      return;
    }
  row->raised_from = g_steal_pointer (&value);
  row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_RAISED_FROM);
}

static void
read_row_values (Planner *planner, guint r, RiskRow *row)
{
  read_kind (planner, r, row);
  read_text (planner, r, row, PATHWAY_RISK_FIELD_TITLE, &row->title);
  read_text (planner, r, row, PATHWAY_RISK_FIELD_DESCRIPTION, &row->description);
  read_person (planner, r, row, PATHWAY_RISK_FIELD_OWNER, &row->owner);
  read_workstream (planner, r, row);
  read_actions (planner, r, row);
  read_level (planner, r, row, PATHWAY_RISK_FIELD_LIKELIHOOD, FALSE, &row->likelihood);
  read_level (planner, r, row, PATHWAY_RISK_FIELD_IMPACT, TRUE, &row->impact);
  read_level (planner, r, row, PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD, FALSE,
              &row->residual_likelihood);
  read_level (planner, r, row, PATHWAY_RISK_FIELD_RESIDUAL_IMPACT, TRUE,
              &row->residual_impact);
  check_score (planner, r, row, PATHWAY_RISK_FIELD_SCORE, PATHWAY_RISK_FIELD_LIKELIHOOD,
               PATHWAY_RISK_FIELD_IMPACT, row->likelihood, row->impact);
  check_score (planner, r, row, PATHWAY_RISK_FIELD_RESIDUAL_SCORE,
               PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD, PATHWAY_RISK_FIELD_RESIDUAL_IMPACT,
               row->residual_likelihood, row->residual_impact);
  read_text (planner, r, row, PATHWAY_RISK_FIELD_PROXIMITY, &row->proximity);
  read_review_date (planner, r, row);
  read_text (planner, r, row, PATHWAY_RISK_FIELD_RESPONSE, &row->response);
  read_person (planner, r, row, PATHWAY_RISK_FIELD_RESPONSE_OWNER, &row->response_owner);
  read_status (planner, r, row);
  read_raised_from (planner, r, row);
}

/* Comparing with the log ---------------------------------------------------------------------- */

static gboolean
same_text (const char *stored, const char *value)
{
  return g_strcmp0 (stored ? stored : "", value ? value : "") == 0;
}

static gboolean
same_person (PathwayPerson *person, const char *name)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (person == NULL)
    return FALSE;
  a = pathway_import_fold_name (pathway_person_get_name (person));
  b = pathway_import_fold_name (name);
  return strcmp (a, b) == 0;
}

/* The fields a present value would change. */
static guint
changes_for (const RiskRow *row, PathwayRisk *risk, Index *index)
{
  guint changes = 0;
  const GDate *review = pathway_risk_get_review_date (risk);
  PathwayRisk *raised_from = pathway_risk_get_raised_from (risk);

#define CHANGED(field, differs)                                                                \
  G_STMT_START                                                                                 \
  {                                                                                            \
    if ((row->present & FIELD_BIT (field)) && (differs))                                       \
      changes |= FIELD_BIT (field);                                                            \
  }                                                                                            \
  G_STMT_END

  CHANGED (PATHWAY_RISK_FIELD_KIND, row->kind != pathway_risk_get_kind (risk));
  CHANGED (PATHWAY_RISK_FIELD_TITLE, !same_text (pathway_risk_get_title (risk), row->title));
  CHANGED (PATHWAY_RISK_FIELD_DESCRIPTION,
           !same_text (pathway_risk_get_description (risk), row->description));
  CHANGED (PATHWAY_RISK_FIELD_OWNER, !same_person (pathway_risk_get_owner (risk), row->owner));
  CHANGED (PATHWAY_RISK_FIELD_WORKSTREAM,
           find_workstream (index, row->workstream) != pathway_risk_get_workstream (risk));
  CHANGED (PATHWAY_RISK_FIELD_ACTIONS, !same_text (pathway_risk_get_actions (risk), row->actions));
  CHANGED (PATHWAY_RISK_FIELD_LIKELIHOOD, row->likelihood != pathway_risk_get_likelihood (risk));
  CHANGED (PATHWAY_RISK_FIELD_IMPACT, row->impact != pathway_risk_get_impact (risk));
  CHANGED (PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD,
           row->residual_likelihood != pathway_risk_get_residual_likelihood (risk));
  CHANGED (PATHWAY_RISK_FIELD_RESIDUAL_IMPACT,
           row->residual_impact != pathway_risk_get_residual_impact (risk));
  CHANGED (PATHWAY_RISK_FIELD_PROXIMITY,
           !same_text (pathway_risk_get_proximity (risk), row->proximity));
  CHANGED (PATHWAY_RISK_FIELD_REVIEW_DATE,
           review == NULL || !g_date_valid (review) ||
             g_date_compare (review, &row->review_date) != 0);
  CHANGED (PATHWAY_RISK_FIELD_RESPONSE, !same_text (pathway_risk_get_response (risk),
                                                    row->response));
  CHANGED (PATHWAY_RISK_FIELD_RESPONSE_OWNER,
           !same_person (pathway_risk_get_response_owner (risk), row->response_owner));
  CHANGED (PATHWAY_RISK_FIELD_STATUS, row->status != pathway_risk_get_status (risk));
  CHANGED (PATHWAY_RISK_FIELD_RAISED_FROM,
           raised_from == NULL || index_find (index->risks, row->raised_from) != raised_from);
#undef CHANGED
  return changes;
}

/* The rows ------------------------------------------------------------------------------------- */

/* How many cells of a row a person sees filled (a merged range once), and the first. */
static guint
count_filled (PathwaySheet *sheet, guint row, int *first)
{
  guint n = 0;

  *first = -1;
  for (guint c = 0; c < pathway_sheet_get_n_columns (sheet); c++)
    {
      g_autofree char *text = pathway_import_cell_value (sheet, row, (int) c);

      if (*text == '\0' || pathway_sheet_cell_is_covered (sheet, row, c))
        continue;
      if (*first < 0)
        *first = (int) c;
      n++;
    }
  return n;
}

/* The header again (a register printed with it on each page): every mapped column's cell reads
 * as its header. */
static gboolean
repeats_header (Planner *planner, guint r)
{
  guint header = pathway_sheet_get_header_row (planner->sheet);
  guint matched = 0;

  for (guint c = 0; c < pathway_import_mapping_get_n_columns (planner->mapping); c++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (pathway_import_mapping_get_field (planner->mapping, c) == PATHWAY_RISK_FIELD_NONE)
        continue;
      a = pathway_import_fold_header (pathway_sheet_get_cell (planner->sheet, r, c));
      b = pathway_import_fold_header (pathway_sheet_get_cell (planner->sheet, header, c));
      if (strcmp (a, b) != 0)
        return FALSE;
      matched += *a != '\0';
    }
  return matched >= 2;
}

/* A key or a note on the scoring under the table: "Key", "RAG key: Red 15-25", "Scoring". */
static gboolean
is_key_line (PathwaySheet *sheet, guint r, int first)
{
  static const char *const starts[] = { "key", "rag key", "colour key", "scoring",
                                        "risk scoring", "score key", NULL };
  g_autofree char *folded = pathway_import_fold_header (pathway_sheet_get_cell (sheet, r,
                                                                                (guint) first));

  for (guint i = 0; starts[i] != NULL; i++)
    {
      gsize length = strlen (starts[i]);

      if (strncmp (folded, starts[i], length) == 0 &&
          (folded[length] == '\0' || folded[length] == ' '))
        return TRUE;
    }
  return FALSE;
}

static void
plan_row (Planner *planner, guint r)
{
  RiskRow *row = &g_array_index (planner->rows, RiskRow, r);
  g_autofree char *reference = NULL;
  g_autofree char *key = NULL;
  const char *seen;
  PathwayRisk *risk;
  guint n_filled;
  int first;
  guint changes;

  if (pathway_import_mapping_get_row_skipped (planner->mapping, r))
    {
      pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_SKIPPED, 0, NULL,
                                   _("skipped as asked"));
      return;
    }
  n_filled = count_filled (planner->sheet, r, &first);
  if (n_filled == 0)
    return;
  if (repeats_header (planner, r))
    {
      pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_SKIPPED, 0, NULL,
                                   _("the header again"));
      return;
    }
  if (is_key_line (planner->sheet, r, first))
    {
      pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_SKIPPED, 0, NULL,
                                   _("a key under the table"));
      return;
    }

  reference = cell (planner, r, PATHWAY_RISK_FIELD_REFERENCE);
  if (n_filled == 1 && *reference == '\0')
    {
      pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_HEADING, 0, NULL, NULL);
      return;
    }
  read_row_values (planner, r, row);
  if (*reference == '\0')
    {
      if (!(row->present & FIELD_BIT (PATHWAY_RISK_FIELD_TITLE)))
        {
          pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_SKIPPED, 0, NULL,
                                       _("not a risk: no reference or title"));
          return;
        }
      g_free (reference);
      if (planner->shared->several && pathway_sheet_get_sheet_name (planner->sheet) != NULL)
        reference = g_strdup_printf ("%s row %u", pathway_sheet_get_sheet_name (planner->sheet),
                                     pathway_sheet_get_row_number (planner->sheet, r));
      else
        reference = g_strdup_printf ("Row %u", pathway_sheet_get_row_number (planner->sheet, r));
      {
        g_autofree char *message =
          g_strdup_printf (_("No reference: imported as “%s”. Give it a reference in the "
                             "register to keep it the same risk when rows move."),
                           reference);

        problem (planner, PATHWAY_IMPORT_WARNING, r, PATHWAY_RISK_FIELD_REFERENCE, "", message);
      }
    }
  g_strdelimit (reference, "\n\t", ' ');
  row->reference = g_strdup (reference);

  key = pathway_import_fold_name (reference);
  seen = g_hash_table_lookup (planner->shared->seen, key);
  if (seen != NULL)
    {
      /* TRANSLATORS: a reference on two rows; %s is where it was first, "row 7" */
      g_autofree char *message = g_strdup_printf (_("This reference is also on %s: each risk "
                                                    "has one row. Give one of them another "
                                                    "reference, or skip a row."),
                                                  seen);

      problem (planner, PATHWAY_IMPORT_ERROR, r, PATHWAY_RISK_FIELD_REFERENCE, reference,
               message);
    }
  else
    {
      const char *sheet_name = pathway_sheet_get_sheet_name (planner->sheet);
      guint number = pathway_sheet_get_row_number (planner->sheet, r);
      char *where = planner->shared->several && sheet_name != NULL
                      /* TRANSLATORS: where a reference was first seen */
                      ? g_strdup_printf (_("row %u of sheet “%s”"), number, sheet_name)
                      : g_strdup_printf (_("row %u"), number);

      g_hash_table_insert (planner->shared->seen, g_strdup (key), where);
    }

  risk = g_hash_table_lookup (planner->index.risks, key);
  if (risk == NULL)
    {
      if (!(row->present & FIELD_BIT (PATHWAY_RISK_FIELD_KIND)) && planner->has_sheet_kind)
        {
          row->kind = planner->sheet_kind;
          row->present |= FIELD_BIT (PATHWAY_RISK_FIELD_KIND);
        }
      if (!(row->present & FIELD_BIT (PATHWAY_RISK_FIELD_TITLE)))
        problem (planner, PATHWAY_IMPORT_ERROR, r,
                 planner->columns[PATHWAY_RISK_FIELD_TITLE] >= 0 ? PATHWAY_RISK_FIELD_TITLE
                                                                 : PATHWAY_RISK_FIELD_NONE,
                 "", _("A new risk needs its title: the log has no risk of this reference."));
      pathway_import_plan_set_row (planner->plan, r, PATHWAY_IMPORT_ROW_ADD,
                                   row->present & ~SCORE_BITS, reference, NULL);
      return;
    }
  changes = changes_for (row, risk, &planner->index);
  pathway_import_plan_set_row (planner->plan, r,
                               changes != 0 ? PATHWAY_IMPORT_ROW_UPDATE
                                            : PATHWAY_IMPORT_ROW_UNCHANGED,
                               changes, reference, NULL);
}

static void
plan_sheet (PathwayImportPlan *plan, PathwayImportMapping *mapping, PathwayDocument *document,
            Shared *shared)
{
  PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
  guint header = pathway_sheet_get_header_row (sheet);
  Planner planner = { 0 };

  planner.plan = plan;
  planner.document = document;
  planner.programme = pathway_document_get_programme (document);
  planner.sheet = sheet;
  planner.mapping = mapping;
  planner.shared = shared;
  planner.rows = g_array_new (FALSE, TRUE, sizeof (RiskRow));
  g_array_set_clear_func (planner.rows, risk_row_clear);
  g_array_set_size (planner.rows, pathway_sheet_get_n_rows (sheet));
  pathway_import_plan_set_target_data (plan, planner.rows, (GDestroyNotify) g_array_unref);
  index_init (&planner.index, planner.programme);
  for (guint f = 0; f < PATHWAY_RISK_N_FIELDS; f++)
    planner.columns[f] = pathway_import_mapping_get_column (mapping, f);
  planner.columns[PATHWAY_RISK_FIELD_NONE] = -1;
  planner.has_sheet_kind = sheet_kind (sheet, &planner.sheet_kind);

  if (planner.columns[PATHWAY_RISK_FIELD_REFERENCE] < 0 &&
      planner.columns[PATHWAY_RISK_FIELD_TITLE] < 0)
    pathway_import_plan_add_problem (plan, PATHWAY_IMPORT_ERROR, header, -1, "", "%s",
                                     _("No column is set to Reference or Risk. Choose the "
                                       "column that holds each risk’s reference (such as "
                                       "“R07”) and the one with the risk itself."));
  else
    for (guint r = header + 1; r < pathway_sheet_get_n_rows (sheet); r++)
      plan_row (&planner, r);

  /* A cell the reader had to mend is a warning on its row. */
  for (guint i = 0; i < pathway_sheet_get_n_warnings (sheet); i++)
    {
      const PathwaySheetWarning *warning = pathway_sheet_get_warning (sheet, i);

      if (warning->row > header)
        pathway_import_plan_add_problem (plan, PATHWAY_IMPORT_WARNING, warning->row,
                                         warning->column,
                                         warning->column >= 0
                                           ? pathway_sheet_get_cell (sheet, warning->row,
                                                                     (guint) warning->column)
                                           : "",
                                         "%s", warning->message);
    }
  index_clear (&planner.index);
  pathway_import_plan_set_layout (plan,
                                  pathway_import_layout_key_for (sheet, header,
                                                                 PATHWAY_IMPORT_TARGET_RISKS),
                                  pathway_import_mapping_dup_choices (mapping, sheet));
  pathway_import_plan_finish (plan);
}

/* Every reference the sheets hold, so an issue may be raised from a risk on a later row. */
static void
scan_references (Shared *shared, PathwaySheet *sheet, PathwayImportMapping *mapping)
{
  int column = pathway_import_mapping_get_column (mapping, PATHWAY_RISK_FIELD_REFERENCE);

  if (column < 0)
    return;
  for (guint r = pathway_sheet_get_header_row (sheet) + 1; r < pathway_sheet_get_n_rows (sheet);
       r++)
    {
      g_autofree char *value = pathway_import_cell_value (sheet, r, column);

      if (*value != '\0' && !pathway_import_mapping_get_row_skipped (mapping, r))
        g_hash_table_add (shared->in_import, pathway_import_fold_name (value));
    }
}

GPtrArray *
pathway_import_plan_risk_sheets (GPtrArray *sheets, GPtrArray *mappings,
                                 PathwayDocument *document, const char *file_display_name)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  Shared shared = { 0 };

  g_return_val_if_fail (sheets != NULL && mappings != NULL, NULL);
  g_return_val_if_fail (sheets->len == mappings->len && sheets->len > 0, NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  shared.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  shared.in_import = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  shared.new_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  shared.several = sheets->len > 1;
  for (guint i = 0; i < sheets->len; i++)
    scan_references (&shared, g_ptr_array_index (sheets, i), g_ptr_array_index (mappings, i));
  for (guint i = 0; i < sheets->len; i++)
    {
      PathwayImportPlan *plan = pathway_import_plan_new_for (g_ptr_array_index (sheets, i),
                                                             PATHWAY_IMPORT_TARGET_RISKS,
                                                             file_display_name);

      g_ptr_array_add (plans, plan);
      plan_sheet (plan, g_ptr_array_index (mappings, i), document, &shared);
    }
  g_hash_table_unref (shared.seen);
  g_hash_table_unref (shared.in_import);
  g_hash_table_unref (shared.new_people);
  return g_steal_pointer (&plans);
}

/* Applying ------------------------------------------------------------------------------------- */

static gboolean
ensure_person (PathwayDocument *document, Index *index, const char *name, const char *note,
               GError **error)
{
  g_autoptr(PathwayPerson) person = NULL;

  if (name == NULL || index_find (index->people, name) != NULL)
    return TRUE;
  person = pathway_person_new ();
  pathway_person_set_name (person, name);
  if (!pathway_document_add_with_note (document, NULL, person, note, error))
    return FALSE;
  g_hash_table_insert (index->people, pathway_import_fold_name (name), person);
  return TRUE;
}

static gboolean
set_value (PathwayDocument *document, PathwayRisk *risk, const char *property, GValue *value,
           const char *note, GError **error)
{
  gboolean ok = pathway_document_set_value (document, risk, property, value, note, error);

  g_value_unset (value);
  return ok;
}

/* Writes each changed field of a risk, in one change each, noted. */
static gboolean
update_risk (PathwayDocument *document, PathwayRisk *risk, const RiskRow *row, guint changes,
             Index *index, const char *note, GError **error)
{
  GValue value = G_VALUE_INIT;

#define TEXT(field, property, text)                                                            \
  if (changes & FIELD_BIT (field))                                                             \
    {                                                                                          \
      g_value_init (&value, G_TYPE_STRING);                                                    \
      g_value_set_string (&value, (text));                                                     \
      if (!set_value (document, risk, (property), &value, note, error))                        \
        return FALSE;                                                                          \
    }
#define INT(field, property, number)                                                           \
  if (changes & FIELD_BIT (field))                                                             \
    {                                                                                          \
      g_value_init (&value, G_TYPE_INT);                                                       \
      g_value_set_int (&value, (number));                                                      \
      if (!set_value (document, risk, (property), &value, note, error))                        \
        return FALSE;                                                                          \
    }
#define OBJECT(field, property, type, object)                                                  \
  if (changes & FIELD_BIT (field))                                                             \
    {                                                                                          \
      g_value_init (&value, (type));                                                           \
      g_value_set_object (&value, (object));                                                   \
      if (!set_value (document, risk, (property), &value, note, error))                        \
        return FALSE;                                                                          \
    }

  if (changes & FIELD_BIT (PATHWAY_RISK_FIELD_KIND))
    {
      g_value_init (&value, PATHWAY_TYPE_RISK_KIND);
      g_value_set_enum (&value, row->kind);
      if (!set_value (document, risk, "kind", &value, note, error))
        return FALSE;
    }
  TEXT (PATHWAY_RISK_FIELD_TITLE, "title", row->title)
  TEXT (PATHWAY_RISK_FIELD_DESCRIPTION, "description", row->description)
  OBJECT (PATHWAY_RISK_FIELD_OWNER, "owner", PATHWAY_TYPE_PERSON,
          index_find (index->people, row->owner))
  OBJECT (PATHWAY_RISK_FIELD_WORKSTREAM, "workstream", PATHWAY_TYPE_WORKSTREAM,
          find_workstream (index, row->workstream))
  TEXT (PATHWAY_RISK_FIELD_ACTIONS, "actions", row->actions)
  INT (PATHWAY_RISK_FIELD_LIKELIHOOD, "likelihood", row->likelihood)
  INT (PATHWAY_RISK_FIELD_IMPACT, "impact", row->impact)
  INT (PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD, "residual-likelihood", row->residual_likelihood)
  INT (PATHWAY_RISK_FIELD_RESIDUAL_IMPACT, "residual-impact", row->residual_impact)
  TEXT (PATHWAY_RISK_FIELD_PROXIMITY, "proximity", row->proximity)
  if (changes & FIELD_BIT (PATHWAY_RISK_FIELD_REVIEW_DATE))
    {
      g_value_init (&value, G_TYPE_DATE);
      g_value_set_boxed (&value, &row->review_date);
      if (!set_value (document, risk, "review-date", &value, note, error))
        return FALSE;
    }
  TEXT (PATHWAY_RISK_FIELD_RESPONSE, "response", row->response)
  OBJECT (PATHWAY_RISK_FIELD_RESPONSE_OWNER, "response-owner", PATHWAY_TYPE_PERSON,
          index_find (index->people, row->response_owner))
  if (changes & FIELD_BIT (PATHWAY_RISK_FIELD_STATUS))
    {
      g_value_init (&value, PATHWAY_TYPE_RISK_STATUS);
      g_value_set_enum (&value, row->status);
      if (!set_value (document, risk, "status", &value, note, error))
        return FALSE;
    }
#undef TEXT
#undef INT
#undef OBJECT
  return TRUE;
}

static gboolean
add_risk (PathwayDocument *document, const RiskRow *row, Index *index, const char *note,
          GError **error)
{
  g_autoptr(PathwayRisk) risk = pathway_risk_new ();
  guint present = row->present;

  pathway_risk_set_reference (risk, row->reference);
  pathway_risk_set_title (risk, row->title);
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_KIND))
    pathway_risk_set_kind (risk, row->kind);
  pathway_risk_set_description (risk, row->description);
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_OWNER))
    pathway_risk_set_owner (risk, index_find (index->people, row->owner));
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_WORKSTREAM))
    pathway_risk_set_workstream (risk, find_workstream (index, row->workstream));
  pathway_risk_set_actions (risk, row->actions);
  pathway_risk_set_likelihood (risk, row->likelihood);
  pathway_risk_set_impact (risk, row->impact);
  pathway_risk_set_residual_likelihood (risk, row->residual_likelihood);
  pathway_risk_set_residual_impact (risk, row->residual_impact);
  pathway_risk_set_proximity (risk, row->proximity);
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_REVIEW_DATE))
    pathway_risk_set_review_date (risk, &row->review_date);
  pathway_risk_set_response (risk, row->response);
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_RESPONSE_OWNER))
    pathway_risk_set_response_owner (risk, index_find (index->people, row->response_owner));
  if (present & FIELD_BIT (PATHWAY_RISK_FIELD_STATUS))
    pathway_risk_set_status (risk, row->status);
  if (!pathway_document_add_with_note (document, NULL, risk, note, error))
    return FALSE;
  g_hash_table_insert (index->risks, pathway_import_fold_name (row->reference), risk);
  return TRUE;
}

/* Calls 'apply' on each row to write (added, updated or unchanged, and free of errors), with
 * the row's number in any error. */
typedef gboolean (*ApplyRow) (PathwayDocument *document, PathwayImportPlan *plan,
                              const RiskRow *row, Index *index, GError **error);

static gboolean
each_row (GPtrArray *plans, PathwayDocument *document, Index *index, ApplyRow apply,
          GError **error)
{
  for (guint p = 0; p < plans->len; p++)
    {
      PathwayImportPlan *plan = g_ptr_array_index (plans, p);
      PathwaySheet *sheet = pathway_import_plan_get_sheet (plan);
      GArray *rows = pathway_import_plan_get_target_data (plan);

      for (guint r = 0; rows != NULL && r < rows->len; r++)
        {
          PathwayImportRowOutcome outcome = pathway_import_plan_get_row_outcome (plan, r);

          if (outcome != PATHWAY_IMPORT_ROW_ADD && outcome != PATHWAY_IMPORT_ROW_UPDATE &&
              outcome != PATHWAY_IMPORT_ROW_UNCHANGED)
            continue;
          if (apply (document, plan, &g_array_index (rows, RiskRow, r), index, error))
            continue;
          if (plans->len > 1 && pathway_sheet_get_sheet_name (sheet) != NULL)
            g_prefix_error (error, _("Sheet “%s”, row %u: "), pathway_sheet_get_sheet_name (sheet),
                            pathway_sheet_get_row_number (sheet, r));
          else
            g_prefix_error (error, _("Row %u: "), pathway_sheet_get_row_number (sheet, r));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_people (PathwayDocument *document, PathwayImportPlan *plan, const RiskRow *row,
              Index *index, GError **error)
{
  const char *note = pathway_import_plan_get_note (plan);

  return ensure_person (document, index, row->owner, note, error) &&
         ensure_person (document, index, row->response_owner, note, error);
}

/* Against the log as it is now, which is what the plan was made from unless it changed. */
static gboolean
apply_row (PathwayDocument *document, PathwayImportPlan *plan, const RiskRow *row, Index *index,
           GError **error)
{
  const char *note = pathway_import_plan_get_note (plan);
  PathwayRisk *risk = index_find (index->risks, row->reference);
  guint changes;

  if (risk == NULL)
    return add_risk (document, row, index, note, error);
  changes = changes_for (row, risk, index) & ~FIELD_BIT (PATHWAY_RISK_FIELD_RAISED_FROM);
  return changes == 0 || update_risk (document, risk, row, changes, index, note, error);
}

/* Once every risk of the import is in the log: the risk each issue was raised from. */
static gboolean
apply_raised_from (PathwayDocument *document, PathwayImportPlan *plan, const RiskRow *row,
                   Index *index, GError **error)
{
  PathwayRisk *risk = index_find (index->risks, row->reference);
  PathwayRisk *from;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!(row->present & FIELD_BIT (PATHWAY_RISK_FIELD_RAISED_FROM)) || risk == NULL ||
      !(changes_for (row, risk, index) & FIELD_BIT (PATHWAY_RISK_FIELD_RAISED_FROM)))
    return TRUE;
  from = index_find (index->risks, row->raised_from);
  if (from == NULL || from == risk)
    return TRUE;
  g_value_init (&value, PATHWAY_TYPE_RISK);
  g_value_set_object (&value, from);
  return pathway_document_set_value (document, risk, "raised-from", &value,
                                     pathway_import_plan_get_note (plan), error);
}

gboolean
pathway_import_apply_risks (GPtrArray *plans, PathwayDocument *document, GError **error)
{
  PathwayImportPlan *first;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  const char *display_name;
  Index index = { 0 };
  guint n_errors = 0;
  gboolean ok;

  g_return_val_if_fail (plans != NULL && plans->len > 0, FALSE);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);

  first = g_ptr_array_index (plans, 0);
  display_name = pathway_import_plan_get_file_display_name (first);
  for (guint p = 0; p < plans->len; p++)
    n_errors += pathway_import_plan_get_n_errors (g_ptr_array_index (plans, p));
  if (n_errors > 0)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u problem to put right first; nothing was imported.",
                                "%s has %u problems to put right first; nothing was imported.",
                                n_errors),
                   display_name, n_errors);
      return FALSE;
    }

  label = g_strdup_printf (_("Import %s"), display_name);
  if (!pathway_document_begin_batch (document, label, error))
    return FALSE;
  index_init (&index, pathway_document_get_programme (document));
  ok = each_row (plans, document, &index, apply_people, &local_error) &&
       each_row (plans, document, &index, apply_row, &local_error) &&
       each_row (plans, document, &index, apply_raised_from, &local_error) &&
       pathway_import_plan_remember_layouts (plans, document, &local_error);
  index_clear (&index);
  if (ok && pathway_document_commit_batch (document, &local_error))
    return TRUE;

  pathway_document_rollback_batch (document);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Nothing was imported from %s: "), display_name);
  return FALSE;
}
