/* pathway-import-risk-fields.c: what a risk register's columns can fill, the header names
 * areas give them (from registers kept in Excel: "Risk ID", "Cause, event, effect", "L", "I",
 * "Target L", "Residual score", "RAG", "Controls / Mitigation", "WSOA ref"), the guess of a
 * register's columns, and the words registers write in their cells: levels of likelihood and
 * impact as numbers or words ("Almost certain", "Major", "4 - Likely"), the type of entry and
 * its status.
 *
 * The guess shares the tracker's machinery (pathway-import-mapping.c: the header row found
 * among the first rows, headers matched exactly and then by their first words, the choices
 * kept per layout); what is a register's own is read here. Registers often head their scores
 * with two rows: "Inherent risk" and "Residual risk" merged over an "L", "I" and "Score" each,
 * so a column under a group naming the residual (or target) risk takes the residual field.
 * A "Risk/Issue" column is the type when its cells say Risk or Issue and otherwise the risk's
 * title; a "Status" of colours is the score when no column is; with no title column, the
 * description is the title, since every risk needs one. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

static const char *const no_headers[] = { NULL };
static const char *const reference_headers[] = {
  "Ref", "Reference", "Risk ref", "Risk reference", "Risk ID", "ID", "Risk no", "Risk number",
  "No.", "No", "Number", "Issue ID", "Issue ref", "Issue no", "Log ref", "RAID ref", "RAID ID",
  "Risk code", "Ref no", "Risk/issue ref", "Risk/issue ID", NULL
};
static const char *const kind_headers[] = {
  "Type", "Type (Risk/Issue)", "Risk/Issue", "Risk or issue", "Risk / issue", "RAID type",
  "RAID", "R/I", "Log type", "Entry type", "Kind", "Type of entry", NULL
};
static const char *const title_headers[] = {
  "Risk", "Risk title", "Title", "Risk name", "Name", "Short title", "Summary", "Risk summary",
  "Issue", "Issue title", "Risk/issue title", "Headline", "Risk headline", NULL
};
static const char *const description_headers[] = {
  "Description", "Risk description", "Cause, event, effect", "Cause event effect",
  "Cause, event and effect", "Cause and effect", "Cause / effect", "Details", "Detail",
  "Risk detail", "Risk details", "Issue description", "Description of risk",
  "Description of the risk", "Risk description (cause, event, effect)", "Cause",
  "Risk and impact", NULL
};
static const char *const owner_headers[] = {
  "Owner", "Risk owner", "Issue owner", "Lead", "Risk lead", "Responsible", "Responsible officer",
  "Accountable", "Accountable officer", "Owned by", NULL
};
static const char *const workstream_headers[] = {
  "Workstream", "Work stream", "Workstreams", "Priority", "Priority area", "Strand", NULL
};
static const char *const actions_headers[] = {
  "Linked actions", "Linked action", "WSOA ref", "WSOA refs", "WSOA reference",
  "WSOA references", "WSOA action", "WSOA actions", "Linked WSOA actions", "Link to WSOA",
  "Links to WSOA", "Related actions", "Action ref", "Action refs", "Action reference",
  "Action references", "Linked action refs", "Plan reference", "Linked plan actions", NULL
};
static const char *const likelihood_headers[] = {
  "Likelihood", "L", "Probability", "P", "Prob", "Likelihood score", "Likelihood (L)",
  "Inherent likelihood", "Gross likelihood", "Likelihood rating", "Current likelihood",
  "Likelihood (1-5)", NULL
};
static const char *const impact_headers[] = {
  "Impact", "I", "Severity", "Consequence", "Consequences", "C", "Impact score", "Impact (I)",
  "Inherent impact", "Gross impact", "Impact rating", "Current impact", "Severity score",
  "Impact (1-5)", NULL
};
static const char *const score_headers[] = {
  "Score", "Risk score", "Rating", "Risk rating", "Inherent score", "Inherent risk score",
  "Inherent rating", "Inherent risk rating", "Inherent risk", "RAG", "RAG rating", "RAG status",
  "Overall score", "Total score", "Current score", "Current risk score", "Current rating",
  "Gross score", "Gross risk score", "Gross risk", "L x I", "LxI", "L*I", "Likelihood x impact",
  "Impact x likelihood", "C x L", "CxL", "Risk level", NULL
};
static const char *const residual_likelihood_headers[] = {
  "Residual likelihood", "Target likelihood", "Target L", "Residual L", "Net likelihood",
  "Post-mitigation likelihood", "Residual probability", "Target probability",
  "Mitigated likelihood", NULL
};
static const char *const residual_impact_headers[] = {
  "Residual impact", "Target impact", "Target I", "Residual I", "Net impact",
  "Post-mitigation impact", "Residual severity", "Target severity", "Residual consequence",
  "Mitigated impact", NULL
};
static const char *const residual_score_headers[] = {
  "Residual score", "Target score", "Residual rating", "Residual risk score",
  "Residual risk rating", "Residual risk", "Net score", "Net risk score", "Target rating",
  "Target risk score", "Target risk", "Residual RAG", "Target RAG", "Post-mitigation score",
  "Mitigated score", NULL
};
static const char *const proximity_headers[] = {
  "Proximity", "Risk proximity", "Time to impact", "Timeframe", "Time frame", NULL
};
static const char *const review_headers[] = {
  "Review date", "Next review", "Next review date", "Date of next review", "Review by",
  "Date to be reviewed", "Review", NULL
};
static const char *const response_headers[] = {
  "Response", "Risk response", "Controls", "Existing controls", "Controls in place",
  "Mitigation", "Mitigations", "Mitigating actions", "Mitigation actions",
  "Mitigation / actions", "Response / mitigation", "Controls / mitigation",
  "Controls and mitigations", "Actions", "Actions to mitigate", "Further actions", "Treatment",
  "Action plan", "Management actions", "Planned actions", NULL
};
static const char *const response_owner_headers[] = {
  "Response owner", "Action owner", "Mitigation owner", "Control owner", "Actionee",
  "Action lead", NULL
};
static const char *const status_headers[] = {
  "Status", "Open/Closed", "Open / closed", "Open or closed", "Risk status", "Current status",
  "State", NULL
};
static const char *const raised_from_headers[] = {
  "Raised from", "Raised from risk", "From risk", "Linked risk", "Related risk", "Parent risk",
  "Originating risk", NULL
};

static const PathwayImportFieldInfo risk_fields[PATHWAY_RISK_N_FIELDS] = {
  [PATHWAY_RISK_FIELD_NONE] = { "none", N_("Ignore"), no_headers },
  [PATHWAY_RISK_FIELD_REFERENCE] = { "reference", N_("Reference"), reference_headers },
  [PATHWAY_RISK_FIELD_KIND] = { "type", N_("Type (risk, issue…)"), kind_headers },
  [PATHWAY_RISK_FIELD_TITLE] = { "title", N_("Risk"), title_headers },
  [PATHWAY_RISK_FIELD_DESCRIPTION] = { "description", N_("Description"), description_headers },
  [PATHWAY_RISK_FIELD_OWNER] = { "owner", N_("Owner"), owner_headers },
  [PATHWAY_RISK_FIELD_WORKSTREAM] = { "workstream", N_("Workstream"), workstream_headers },
  [PATHWAY_RISK_FIELD_ACTIONS] = { "actions", N_("Linked actions"), actions_headers },
  [PATHWAY_RISK_FIELD_LIKELIHOOD] = { "likelihood", N_("Likelihood"), likelihood_headers },
  [PATHWAY_RISK_FIELD_IMPACT] = { "impact", N_("Impact"), impact_headers },
  /* A score is checked against likelihood times impact, never imported. */
  [PATHWAY_RISK_FIELD_SCORE] = { "score", N_("Score (checked)"), score_headers },
  [PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD] = { "residual-likelihood", N_("Residual likelihood"),
                                               residual_likelihood_headers },
  [PATHWAY_RISK_FIELD_RESIDUAL_IMPACT] = { "residual-impact", N_("Residual impact"),
                                           residual_impact_headers },
  [PATHWAY_RISK_FIELD_RESIDUAL_SCORE] = { "residual-score", N_("Residual score (checked)"),
                                          residual_score_headers },
  [PATHWAY_RISK_FIELD_PROXIMITY] = { "proximity", N_("Proximity"), proximity_headers },
  [PATHWAY_RISK_FIELD_REVIEW_DATE] = { "review-date", N_("Review date"), review_headers },
  [PATHWAY_RISK_FIELD_RESPONSE] = { "response", N_("Response"), response_headers },
  [PATHWAY_RISK_FIELD_RESPONSE_OWNER] = { "response-owner", N_("Response owner"),
                                          response_owner_headers },
  [PATHWAY_RISK_FIELD_STATUS] = { "status", N_("Status"), status_headers },
  [PATHWAY_RISK_FIELD_RAISED_FROM] = { "raised-from", N_("Raised from"), raised_from_headers },
};

const PathwayImportFieldInfo *
pathway_import_risk_fields (void)
{
  return risk_fields;
}

/* Words in cells ------------------------------------------------------------------------------ */

typedef struct {
  const char *word; /* folded */
  int level;
} LevelWord;

/* Both scales' words: a register's impact column may well say "High". */
static const LevelWord level_words[] = {
  { "rare", 1 }, { "remote", 1 }, { "very unlikely", 1 }, { "highly unlikely", 1 },
  { "improbable", 1 }, { "unlikely", 2 }, { "possible", 3 }, { "possibly", 3 },
  { "likely", 4 }, { "probable", 4 }, { "very likely", 5 }, { "highly likely", 5 },
  { "almost certain", 5 }, { "certain", 5 },
  { "very low", 1 }, { "v low", 1 }, { "low", 2 }, { "medium", 3 }, { "med", 3 },
  { "high", 4 }, { "very high", 5 }, { "v high", 5 },
  { "negligible", 1 }, { "insignificant", 1 }, { "minimal", 1 }, { "minor", 2 },
  { "moderate", 3 }, { "significant", 4 }, { "major", 4 }, { "severe", 5 },
  { "catastrophic", 5 }, { "critical", 5 }, { "extreme", 5 },
};

/* What says "not assessed": nothing to import. */
static const char *const blank_words[] = {
  "n a", "na", "tbc", "tbd", "to be confirmed", "not assessed", "not yet assessed", "none",
  "not known", "unknown", NULL
};

/* The level a folded word names: the programme's own words for the scale first, then the
 * words registers use. */
static gboolean
level_of_word (PathwayProgramme *programme, gboolean impact, const char *folded, int *level)
{
  if (*folded == '\0')
    return FALSE;
  for (int l = 1; programme != NULL && l <= 5; l++)
    {
      const char *own = impact ? pathway_programme_get_impact_word (programme, l)
                               : pathway_programme_get_likelihood_word (programme, l);
      g_autofree char *folded_own = pathway_import_fold_header (own);

      if (strcmp (folded, folded_own) == 0)
        {
          *level = l;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (level_words); i++)
    if (strcmp (folded, level_words[i].word) == 0)
      {
        *level = level_words[i].level;
        return TRUE;
      }
  return FALSE;
}

/* A whole number written in a cell ("3", "3.0", "07"); FALSE for anything else. */
static gboolean
read_whole_number (const char *text, gint64 *number)
{
  char *end = NULL;
  double value;

  if (*text == '\0' || !(g_ascii_isdigit (text[0]) || text[0] == '-'))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value != (double) (gint64) value)
    return FALSE;
  *number = (gint64) value;
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  return *text != '\0' && strspn (text, "0123456789") == strlen (text);
}

PathwayRiskLevelWord
pathway_import_read_risk_level (PathwayProgramme *programme, gboolean impact, const char *text,
                                int *level)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *folded = pathway_import_fold_header (trimmed);
  g_auto(GStrv) words = NULL;
  guint n_words;
  gint64 number;
  int named;

  *level = 0;
  if (*folded == '\0' || g_strv_contains (blank_words, folded))
    return PATHWAY_RISK_LEVEL_BLANK;
  if (read_whole_number (trimmed, &number))
    {
      *level = (int) CLAMP (number, G_MININT, G_MAXINT);
      return number >= 1 && number <= 5 ? PATHWAY_RISK_LEVEL_READ
                                        : PATHWAY_RISK_LEVEL_OUT_OF_RANGE;
    }
  /* A level is a whole number: 2.5 is none. */
  {
    char *end = NULL;

    g_ascii_strtod (trimmed, &end);
    if (end != trimmed && *end == '\0')
      return PATHWAY_RISK_LEVEL_UNKNOWN;
  }
  if (level_of_word (programme, impact, folded, level))
    return PATHWAY_RISK_LEVEL_READ;

  /* A number with its word, either way round: "4 - Likely", "Major (4)". */
  words = g_strsplit (folded, " ", -1);
  n_words = g_strv_length (words);
  if (n_words >= 2 && (all_digits (words[0]) || all_digits (words[n_words - 1])))
    {
      gboolean first = all_digits (words[0]);
      const char *digits = first ? words[0] : words[n_words - 1];
      g_autofree char *rest = NULL;

      if (strlen (digits) > 3)
        return PATHWAY_RISK_LEVEL_UNKNOWN;
      number = g_ascii_strtoll (digits, NULL, 10);
      *level = (int) number;
      if (number < 1 || number > 5)
        return PATHWAY_RISK_LEVEL_OUT_OF_RANGE;
      g_free (first ? words[0] : words[n_words - 1]);
      if (first)
        memmove (words, words + 1, n_words * sizeof (char *));
      else
        words[n_words - 1] = NULL;
      rest = g_strjoinv (" ", words);
      if (level_of_word (programme, impact, rest, &named) && named != *level)
        return PATHWAY_RISK_LEVEL_DISAGREES;
      return PATHWAY_RISK_LEVEL_READ;
    }
  return PATHWAY_RISK_LEVEL_UNKNOWN;
}

gboolean
pathway_import_read_risk_kind (const char *text, PathwayRiskKind *kind)
{
  static const struct {
    const char *word;
    PathwayRiskKind kind;
  } words[] = {
    { "risk", PATHWAY_RISK_KIND_RISK }, { "risks", PATHWAY_RISK_KIND_RISK },
    { "r", PATHWAY_RISK_KIND_RISK }, { "issue", PATHWAY_RISK_KIND_ISSUE },
    { "issues", PATHWAY_RISK_KIND_ISSUE }, { "i", PATHWAY_RISK_KIND_ISSUE },
    { "assumption", PATHWAY_RISK_KIND_ASSUMPTION }, { "assumptions", PATHWAY_RISK_KIND_ASSUMPTION },
    { "a", PATHWAY_RISK_KIND_ASSUMPTION }, { "dependency", PATHWAY_RISK_KIND_DEPENDENCY },
    { "dependencies", PATHWAY_RISK_KIND_DEPENDENCY }, { "d", PATHWAY_RISK_KIND_DEPENDENCY },
  };
  g_autofree char *folded = pathway_import_fold_header (text ? text : "");

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i].word) == 0)
      {
        *kind = words[i].kind;
        return TRUE;
      }
  for (int k = 0; k < PATHWAY_N_RISK_KINDS; k++)
    {
      g_autofree char *label = pathway_import_fold_header (pathway_risk_kind_label (k));

      if (*folded != '\0' && strcmp (folded, label) == 0)
        {
          *kind = (PathwayRiskKind) k;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pathway_import_read_risk_status (const char *text, PathwayRiskStatus *status)
{
  static const struct {
    const char *word;
    PathwayRiskStatus status;
  } words[] = {
    { "open", PATHWAY_RISK_STATUS_OPEN }, { "live", PATHWAY_RISK_STATUS_OPEN },
    { "active", PATHWAY_RISK_STATUS_OPEN }, { "current", PATHWAY_RISK_STATUS_OPEN },
    { "ongoing", PATHWAY_RISK_STATUS_OPEN }, { "new", PATHWAY_RISK_STATUS_OPEN },
    { "open risk", PATHWAY_RISK_STATUS_OPEN }, { "open issue", PATHWAY_RISK_STATUS_OPEN },
    { "closed", PATHWAY_RISK_STATUS_CLOSED }, { "close", PATHWAY_RISK_STATUS_CLOSED },
    { "resolved", PATHWAY_RISK_STATUS_CLOSED }, { "complete", PATHWAY_RISK_STATUS_CLOSED },
    { "completed", PATHWAY_RISK_STATUS_CLOSED }, { "retired", PATHWAY_RISK_STATUS_CLOSED },
    { "archived", PATHWAY_RISK_STATUS_CLOSED }, { "done", PATHWAY_RISK_STATUS_CLOSED },
    { "no longer a risk", PATHWAY_RISK_STATUS_CLOSED },
    { "escalated", PATHWAY_RISK_STATUS_ESCALATED }, { "escalate", PATHWAY_RISK_STATUS_ESCALATED },
    { "escalated to board", PATHWAY_RISK_STATUS_ESCALATED },
  };
  g_autofree char *folded = pathway_import_fold_header (text ? text : "");

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i].word) == 0)
      {
        *status = words[i].status;
        return TRUE;
      }
  for (int s = 0; s < PATHWAY_N_RISK_STATUSES; s++)
    {
      g_autofree char *label = pathway_import_fold_header (pathway_risk_status_label (s));

      if (*folded != '\0' && strcmp (folded, label) == 0)
        {
          *status = (PathwayRiskStatus) s;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
pathway_export_risk_kind_word (PathwayRiskKind kind)
{
  static const char *const words[PATHWAY_N_RISK_KINDS] = {
    [PATHWAY_RISK_KIND_RISK] = "Risk", [PATHWAY_RISK_KIND_ASSUMPTION] = "Assumption",
    [PATHWAY_RISK_KIND_ISSUE] = "Issue", [PATHWAY_RISK_KIND_DEPENDENCY] = "Dependency",
  };

  return (guint) kind < PATHWAY_N_RISK_KINDS ? words[kind] : "";
}

const char *
pathway_export_risk_status_word (PathwayRiskStatus status)
{
  static const char *const words[PATHWAY_N_RISK_STATUSES] = {
    [PATHWAY_RISK_STATUS_OPEN] = "Open", [PATHWAY_RISK_STATUS_CLOSED] = "Closed",
    [PATHWAY_RISK_STATUS_ESCALATED] = "Escalated",
  };

  return (guint) status < PATHWAY_N_RISK_STATUSES ? words[status] : "";
}

/* The guess ----------------------------------------------------------------------------------- */

/* Whether the group heading over a column (the row above the header; "Residual risk" merged
 * over its L, I and score) says its scores are those after the response. */
static gboolean
under_residual_group (PathwaySheet *sheet, guint header, guint column)
{
  static const char *const words[] = { "residual", "target", "net", "post", "mitigated",
                                       "after", NULL };
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;

  if (header == 0)
    return FALSE;
  folded = pathway_import_fold_header (pathway_sheet_get_cell (sheet, header - 1, column));
  parts = g_strsplit (folded, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strv_contains (words, parts[i]))
      return TRUE;
  return FALSE;
}

static guint
residual_of (guint field)
{
  switch (field)
    {
    case PATHWAY_RISK_FIELD_LIKELIHOOD:
      return PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD;
    case PATHWAY_RISK_FIELD_IMPACT:
      return PATHWAY_RISK_FIELD_RESIDUAL_IMPACT;
    case PATHWAY_RISK_FIELD_SCORE:
      return PATHWAY_RISK_FIELD_RESIDUAL_SCORE;
    default:
      return field;
    }
}

/* How the cells under a column read: how many have text, how many of those are a type of
 * entry, how many a colour word, and how many have a colour and no text. */
typedef struct {
  guint texts;
  guint kinds;
  guint colours;
  guint fills;
} ColumnCells;

static void
read_column_cells (PathwaySheet *sheet, guint column, ColumnCells *cells)
{
  memset (cells, 0, sizeof *cells);
  for (guint r = pathway_sheet_get_header_row (sheet) + 1; r < pathway_sheet_get_n_rows (sheet);
       r++)
    {
      const char *text = pathway_sheet_get_cell (sheet, r, column);
      PathwayRiskKind kind;
      guint32 rgb;

      if (*text == '\0')
        {
          if (pathway_sheet_get_cell_fill (sheet, r, column, &rgb) &&
              !pathway_import_fill_is_blank (rgb))
            cells->fills++;
          continue;
        }
      cells->texts++;
      if (pathway_import_read_risk_kind (text, &kind))
        cells->kinds++;
      if (pathway_import_word_is_colour (text))
        cells->colours++;
    }
}

PathwayImportMapping *
pathway_import_guess_risk_mapping (PathwaySheet *sheet)
{
  guint n_columns, header;
  PathwayImportMapping *self;
  gboolean taken[PATHWAY_RISK_N_FIELDS] = { FALSE };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  int title, description, kind, status;

  g_return_val_if_fail (PATHWAY_IS_SHEET (sheet), NULL);

  header = pathway_import_find_header_row_for (sheet, PATHWAY_IMPORT_TARGET_RISKS);
  pathway_sheet_set_header_row (sheet, header);
  n_columns = pathway_sheet_get_n_columns (sheet);
  self = pathway_import_mapping_new_for (PATHWAY_IMPORT_TARGET_RISKS, n_columns);
  /* A hidden column is left for the person to choose, never guessed. */
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (headers, pathway_sheet_column_is_hidden (sheet, c)
                                ? g_strdup ("")
                                : pathway_import_fold_header (pathway_sheet_get_header (sheet, c)));

  /* Names as registers write them first, then names a header begins with, each pass first
   * column first: "Risk ID (unique)" after every "Risk". */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *folded = g_ptr_array_index (headers, c);
        guint field = PATHWAY_RISK_FIELD_NONE;
        gboolean found;

        if (*folded == '\0' ||
            pathway_import_mapping_get_field (self, c) != PATHWAY_RISK_FIELD_NONE)
          continue;
        found = pass == 0
                  ? pathway_import_target_field_for_header (PATHWAY_IMPORT_TARGET_RISKS, folded,
                                                            &field)
                  : pathway_import_target_field_for_header_prefix (PATHWAY_IMPORT_TARGET_RISKS,
                                                                   folded, &field);
        if (!found)
          continue;
        if (under_residual_group (sheet, header, c))
          field = residual_of (field);
        if (taken[field])
          continue;
        taken[field] = TRUE;
        pathway_import_mapping_give (self, c, field);
      }

  /* "Risk/Issue" heads the type or the risk itself: its cells say which. */
  kind = pathway_import_mapping_get_column (self, PATHWAY_RISK_FIELD_KIND);
  if (kind >= 0)
    {
      ColumnCells cells;

      read_column_cells (sheet, (guint) kind, &cells);
      if (cells.texts > 0 && cells.kinds * 2 < cells.texts)
        {
          gboolean to_title = !taken[PATHWAY_RISK_FIELD_TITLE];

          pathway_import_mapping_give (self, (guint) kind,
                                       to_title ? PATHWAY_RISK_FIELD_TITLE
                                                : PATHWAY_RISK_FIELD_NONE);
          taken[PATHWAY_RISK_FIELD_KIND] = FALSE;
          taken[PATHWAY_RISK_FIELD_TITLE] = TRUE;
        }
    }

  /* A "Status" of colours (a RAG status) is the score, which is checked and never split. */
  status = pathway_import_mapping_get_column (self, PATHWAY_RISK_FIELD_STATUS);
  if (status >= 0 && !taken[PATHWAY_RISK_FIELD_SCORE])
    {
      ColumnCells cells;

      read_column_cells (sheet, (guint) status, &cells);
      if ((cells.colours > 0 && cells.colours * 2 >= cells.texts) ||
          (cells.texts == 0 && cells.fills > 0))
        {
          pathway_import_mapping_give (self, (guint) status, PATHWAY_RISK_FIELD_SCORE);
          taken[PATHWAY_RISK_FIELD_STATUS] = FALSE;
          taken[PATHWAY_RISK_FIELD_SCORE] = TRUE;
        }
    }

  /* Every risk needs a title: a register with only a description column has it there. */
  title = pathway_import_mapping_get_column (self, PATHWAY_RISK_FIELD_TITLE);
  description = pathway_import_mapping_get_column (self, PATHWAY_RISK_FIELD_DESCRIPTION);
  if (title < 0 && description >= 0)
    pathway_import_mapping_give (self, (guint) description, PATHWAY_RISK_FIELD_TITLE);
  return self;
}
