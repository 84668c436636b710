/* pathway-kinds.c: every kind of record the file keeps, described once.
 *
 * A kind names its table, the columns that hold its model properties (and what each is to the
 * command line: a key, a required field, the link to its owner), the column that marks it
 * retired, the kind that owns it, its order, whether the model keeps it loaded, and how a
 * loaded record joins or leaves its owner's lists. Writing, undo, the change log, loading,
 * "as at", listing and the command line all work from these descriptions (in the spirit of
 * GnuCash's per-type backend objects), so a new kind of record is a model class, a schema
 * step and an entry here. Column and table names come only from this static table, never
 * from a file or the user. */
#define G_LOG_DOMAIN "pathway-store"

#include "pathway-document-private.h"
#include "pathway-record-private.h"

#define S PATHWAY_COLUMN_SETTABLE
#define K PATHWAY_COLUMN_KEY
#define R PATHWAY_COLUMN_REQUIRED
#define O PATHWAY_COLUMN_OWNER
#define I PATHWAY_COLUMN_INTERNAL
#define U PATHWAY_COLUMN_UNIQUE
#define H PATHWAY_COLUMN_HISTORICAL
#define V PATHWAY_COLUMN_LEVEL

static const PathwayColumn programme_columns[] = {
  { "uuid", NULL, I }, { "name", NULL, S | R }, { "local-area", NULL, S }, { "partners", NULL, S },
  { "regime", NULL, S }, { "inspection-date", NULL, S }, { "letter-published", NULL, S },
  { "plan-agreed", NULL, S }, { "vision", NULL, S }, { "stale-days", "stale_days", S },
  { "likelihood-words", "likelihood_words", S }, { "impact-words", "impact_words", S },
  { "public-ratings", "public_ratings", S }, { NULL }
};

static const PathwayColumn area_columns[] = {
  { "uuid", NULL, I }, { "reference", NULL, S | K | R | U, "number" }, { "kind", NULL, S },
  { "title", NULL, S }, { "finding", NULL, S }, { "commitment", NULL, S }, { "position", NULL, S },
  { "public-summary", "public_summary", S }, { NULL }
};

static const PathwayColumn person_columns[] = {
  { "uuid", NULL, I }, { "name", NULL, S | K | R }, { "role", NULL, S },
  { "organisation", NULL, S }, { "email", NULL, S }, { "public", NULL, S }, { NULL }
};

static const PathwayColumn workstream_columns[] = {
  { "uuid", NULL, I }, { "code", NULL, S | K | R | U }, { "title", NULL, S },
  { "description", NULL, S }, { "lead", "lead_id", S },
  { "lead-organisation", NULL, S, "organisation" }, { NULL }
};

static const PathwayColumn member_columns[] = {
  { "uuid", NULL, I }, { "workstream-id", NULL, O | K | R, "workstream" },
  { "person", "person_id", K | R }, { "role", NULL, S }, { NULL }
};

static const PathwayColumn action_columns[] = {
  { "uuid", NULL, I }, { "reference", NULL, S | K | R }, { "description", NULL, S },
  { "workstream", "workstream_id", S }, { "theme", NULL, S }, { "area", "area_id", S },
  { "lead", "lead_id", S }, { "original-timescale", "original", S, "original" },
  { "status", NULL, S }, { "rating", NULL, S }, { "commentary", NULL, S },
  { "success-measure", NULL, S }, { "recovery-plan", NULL, S },
  { "public-summary", "public_summary", S }, { "created", NULL, I },
  { "last-updated", NULL, I }, { "deleted", NULL, I }, { NULL }
};

static const PathwayColumn revision_columns[] = {
  { "uuid", NULL, I }, { "action-id", NULL, O | K | R, "action" }, { "timescale", "", K | R },
  { "reason", NULL, R }, { "approved-by", NULL, 0, "approver" }, { "approved-on", NULL, 0 },
  { "recorded-at", NULL, I }, { "author", NULL, I }, { NULL }
};

static const PathwayColumn evidence_columns[] = {
  { "uuid", NULL, I }, { "action-id", NULL, O | K | R, "action" }, { "date", NULL, S | K },
  { "text", NULL, S | R }, { "source", NULL, S }, { NULL }
};

static const PathwayColumn indicator_columns[] = {
  { "uuid", NULL, I }, { "name", NULL, S | K | R | U }, { "service", NULL, S },
  { "definition", NULL, S }, { "unit", NULL, S }, { "direction", NULL, S, "better" },
  { "baseline-value", NULL, S, "baseline" }, { "baseline-date", NULL, S },
  { "target-value", NULL, S, "target" }, { "target-date", NULL, S }, { "target-source", NULL, S },
  { "comparator-value", NULL, S, "comparator" }, { "comparator-label", NULL, S, "comparator-name" },
  { "source", NULL, S }, { "owner", "owner_id", S }, { "position", NULL, S }, { NULL }
};

static const PathwayColumn reading_columns[] = {
  { "uuid", NULL, I }, { "indicator-id", NULL, O | K | R, "indicator" },
  { "date", NULL, S | K | R }, { "value", NULL, S | R }, { "note", NULL, S }, { NULL }
};

static const PathwayColumn milestone_columns[] = {
  { "uuid", NULL, I }, { "indicator-id", NULL, O | K | R, "indicator" },
  { "date", NULL, S | K | R }, { "planned-value", NULL, S | R, "value" }, { NULL }
};

static const PathwayColumn board_columns[] = {
  { "uuid", NULL, I }, { "name", NULL, S | K | R | U }, { "chair", "chair_id", S },
  { "cadence", NULL, S }, { NULL }
};

static const PathwayColumn meeting_columns[] = {
  { "uuid", NULL, I }, { "board-id", NULL, O | K | R, "board" }, { "date", NULL, S | K },
  { "time", NULL, S }, { "location", NULL, S, "venue" }, { "title", NULL, S },
  { "summary", NULL, S }, { "report-title", NULL, S }, { "report-by", NULL, S },
  { "report-for", NULL, S }, { "classification", NULL, S }, { "recommendation", NULL, S },
  { "report-sections", NULL, S }, { "as-at", "as_at", S }, { "headlines", NULL, S },
  { "risks", NULL, S }, { "decisions", NULL, S }, { "draft", NULL, S },
  { "black-and-white", "black_and_white", S }, { NULL }
};

static const PathwayColumn return_form_columns[] = {
  { "uuid", NULL, I }, { "lead", "lead_id", K | R | H }, { "sent", NULL, K | R },
  { "due", NULL, S }, { "since", NULL, 0 }, { "actions", NULL, 0 }, { "returned", NULL, S },
  { "file", NULL, 0 }, { NULL }
};

/* Linked actions and areas are kept as their references (L: checked and written the way the
 * records are named, see pathway-document-fields.c). */
static const PathwayColumn risk_columns[] = {
  { "uuid", NULL, I }, { "reference", NULL, S | K | R | U }, { "kind", NULL, S },
  { "title", NULL, S | R }, { "description", NULL, S }, { "owner", "owner_id", S },
  { "workstream", "workstream_id", S }, { "actions", NULL, S, NULL, "action" },
  { "likelihood", NULL, S | V }, { "impact", NULL, S | V },
  { "residual-likelihood", "residual_likelihood", S | V },
  { "residual-impact", "residual_impact", S | V }, { "proximity", NULL, S },
  { "review-date", "review_date", S }, { "response", NULL, S },
  { "response-owner", "response_owner_id", S }, { "status", NULL, S },
  { "raised-from", "raised_from_id", S | H }, { NULL }
};

static const PathwayColumn coproduction_columns[] = {
  { "uuid", NULL, I }, { "date", NULL, S | K | R }, { "audience", NULL, S },
  { "who", NULL, S | K }, { "responses", NULL, S }, { "said", NULL, S | R },
  { "will-do", "will_do", S }, { "did", NULL, S }, { "status", NULL, S },
  { "actions", NULL, S, NULL, "action" }, { "areas", NULL, S, NULL, "area" },
  { "public", NULL, S }, { NULL }
};

static const PathwayColumn publication_columns[] = {
  { "uuid", NULL, I }, { "published", NULL, K | R }, { "approved-by", "approved_by", R },
  { "approved-on", "approved_on", R }, { "folder", NULL, 0 }, { "changes", NULL, 0 },
  { "contents", NULL, I }, { NULL }
};

#undef S
#undef K
#undef R
#undef O
#undef I
#undef U
#undef H
#undef V

/* Joining and leaving the owner's lists ------------------------------------------------------ */

static void
attach_area (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (present)
    pathway_programme_add_area (programme, record);
  else
    pathway_programme_remove_area (programme, record);
}

static void
attach_person (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (present)
    pathway_programme_add_person (programme, record);
  else
    pathway_programme_remove_person (programme, record);
}

static void
attach_workstream (PathwayProgramme *programme, gpointer owner, gpointer record,
                   gboolean present)
{
  if (present)
    pathway_programme_add_workstream (programme, record);
  else
    pathway_programme_remove_workstream (programme, record);
}

static void
attach_member (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (owner == NULL)
    return;
  if (present)
    pathway_workstream_add_member (owner, record);
  else
    pathway_workstream_remove_member (owner, record);
}

/* A removed action keeps its "deleted" flag, which the summaries read. */
static void
attach_action (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  _pathway_action_set_deleted (record, !present);
  if (present && pathway_programme_find_action (programme, pathway_record_get_id (record)) !=
                 record)
    pathway_programme_add_action (programme, record);
  else if (!present)
    pathway_programme_remove_action (programme, record);
}

static void
attach_indicator (PathwayProgramme *programme, gpointer owner, gpointer record,
                  gboolean present)
{
  if (present)
    pathway_programme_add_indicator (programme, record);
  else
    pathway_programme_remove_indicator (programme, record);
}

static void
attach_board (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (present)
    pathway_programme_add_board (programme, record);
  else
    pathway_programme_remove_board (programme, record);
}

static void
attach_risk (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (present)
    pathway_programme_add_risk (programme, record);
  else
    pathway_programme_remove_risk (programme, record);
}

static void
attach_coproduction (PathwayProgramme *programme, gpointer owner, gpointer record,
                     gboolean present)
{
  if (present)
    pathway_programme_add_coproduction (programme, record);
  else
    pathway_programme_remove_coproduction (programme, record);
}

static void
attach_meeting (PathwayProgramme *programme, gpointer owner, gpointer record, gboolean present)
{
  if (owner == NULL)
    return;
  if (present)
    pathway_board_add_meeting (owner, record);
  else
    pathway_board_remove_meeting (owner, record);
}

/* The kinds, owners before what they own: the order of loading. ------------------------------ */

static const PathwayKind programme_kind = {
  "programme", pathway_programme_get_type, "programme", programme_columns, NULL, NULL, "id",
  TRUE, NULL,
};
static const PathwayKind area_kind = {
  "area", pathway_area_of_weakness_get_type, "area", area_columns, "retired", NULL,
  "position, id", TRUE, attach_area,
};
static const PathwayKind person_kind = {
  "person", pathway_person_get_type, "person", person_columns, "retired", NULL, "id", TRUE,
  attach_person,
};
static const PathwayKind workstream_kind = {
  "workstream", pathway_workstream_get_type, "workstream", workstream_columns, "retired", NULL,
  "code, id", TRUE, attach_workstream,
};
static const PathwayKind member_kind = {
  "member", pathway_member_get_type, "member", member_columns, "retired", "workstream", "id",
  TRUE, attach_member,
};
static const PathwayKind action_kind = {
  "action", pathway_action_get_type, "action", action_columns, "deleted", NULL, "id", TRUE,
  attach_action, pathway_document_add_action_draft, pathway_document_action_created, NULL,
};
static const PathwayKind revision_kind = {
  "revision", pathway_timescale_revision_get_type, "timescale_revision", revision_columns,
  "withdrawn", "action", "id", FALSE, NULL, pathway_document_add_revision_draft, NULL,
  pathway_document_withdraw_revision,
};
static const PathwayKind evidence_kind = {
  "evidence", pathway_evidence_get_type, "evidence", evidence_columns, "retired", "action",
  "date, id", FALSE, NULL,
};
static const PathwayKind indicator_kind = {
  "indicator", pathway_indicator_get_type, "indicator", indicator_columns, "retired", NULL,
  "position, id", TRUE, attach_indicator,
};
static const PathwayKind reading_kind = {
  "reading", pathway_reading_get_type, "reading", reading_columns, "retired", "indicator",
  "date, id", FALSE, NULL,
};
static const PathwayKind milestone_kind = {
  "milestone", pathway_milestone_get_type, "milestone", milestone_columns, "retired",
  "indicator", "date, id", FALSE, NULL,
};
static const PathwayKind board_kind = {
  "board", pathway_board_get_type, "board", board_columns, "retired", NULL, "id", TRUE,
  attach_board,
};
static const PathwayKind meeting_kind = {
  "meeting", pathway_meeting_get_type, "meeting", meeting_columns, "retired", "board",
  "date, id", TRUE, attach_meeting,
};

/* Read when shown (the Returns page, the command line), not kept in the model. */
static const PathwayKind return_form_kind = {
  "return-form", pathway_return_form_get_type, "return_form", return_form_columns, "retired",
  NULL, "sent, id", FALSE, NULL,
};

/* The risk log in the order of its references as written; "you said, we did" by date. A risk
 * raised from another refers to one loaded before it only when it was added after it, so the
 * order of loading is by id (see pathway-document-load.c). */
static const PathwayKind risk_kind = {
  "risk", pathway_risk_get_type, "risk", risk_columns, "retired", NULL, "id", TRUE,
  attach_risk,
};
static const PathwayKind coproduction_kind = {
  "coproduction", pathway_coproduction_get_type, "coproduction", coproduction_columns,
  "retired", NULL, "date, id", TRUE, attach_coproduction,
};

/* Each publication of the plan for families: read when shown. */
static const PathwayKind publication_kind = {
  "publication", pathway_publication_get_type, "publication", publication_columns, "retired",
  NULL, "published, id", FALSE, NULL,
};

static const PathwayKind *const kinds[] = {
  &programme_kind, &area_kind, &person_kind, &workstream_kind, &member_kind, &action_kind,
  &revision_kind, &evidence_kind, &indicator_kind, &reading_kind, &milestone_kind,
  &board_kind, &meeting_kind, &return_form_kind, &risk_kind, &coproduction_kind,
  &publication_kind,
};

static const char *const kind_names[] = {
  "programme", "area", "person", "workstream", "member", "action", "revision", "evidence",
  "indicator", "reading", "milestone", "board", "meeting", "return-form", "risk",
  "coproduction", "publication", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) + 1 == G_N_ELEMENTS (kind_names));

const PathwayKind *const *
pathway_kinds_all (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const PathwayKind *
pathway_kind_for_type (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i]->get_type () == type)
        return kinds[i];
    }
  return NULL;
}

const PathwayTable *
pathway_document_table_for (GType type)
{
  return pathway_kind_for_type (type);
}

const PathwayKind *
pathway_kind_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i]->name, name))
        return kinds[i];
    }
  return NULL;
}

const char *
pathway_kind_get_name (const PathwayKind *kind)
{
  return kind->name;
}

const PathwayKind *
pathway_kind_for_record (gpointer record)
{
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  return pathway_kind_for_type (G_OBJECT_TYPE (record));
}

GType
pathway_kind_get_record_type (const PathwayKind *kind)
{
  return kind->get_type ();
}

const char *const *
pathway_kind_list_names (void)
{
  return kind_names;
}

const char *
pathway_column_field (const PathwayColumn *column)
{
  return column->field ? column->field : column->property;
}

const char **
pathway_kind_dup_fields (const PathwayKind *kind)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      if (!(c->flags & PATHWAY_COLUMN_INTERNAL))
        g_ptr_array_add (fields, (gpointer) pathway_column_field (c));
    }
  g_ptr_array_add (fields, NULL);
  return (const char **) g_ptr_array_free (fields, FALSE);
}

const PathwayColumn *
pathway_kind_column (const PathwayKind *kind, const char *property)
{
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      if (g_str_equal (c->property, property))
        return c;
    }
  return NULL;
}

const PathwayColumn *
pathway_kind_owner_column (const PathwayKind *kind)
{
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      if (c->flags & PATHWAY_COLUMN_OWNER)
        return c;
    }
  return NULL;
}

const PathwayColumn *
pathway_kind_field_column (const PathwayKind *kind, const char *field)
{
  for (const PathwayColumn *c = kind->columns; c->property; c++)
    {
      if (!(c->flags & PATHWAY_COLUMN_INTERNAL) && g_str_equal (pathway_column_field (c), field))
        return c;
    }
  return NULL;
}

gboolean
pathway_kind_field_is_key (const PathwayKind *kind, const char *field)
{
  const PathwayColumn *column = pathway_kind_field_column (kind, field);

  return column != NULL && (column->flags & PATHWAY_COLUMN_KEY);
}

const char *
pathway_kind_field_for_property (const PathwayKind *kind, const char *property)
{
  const PathwayColumn *column = property ? pathway_kind_column (kind, property) : NULL;

  return column != NULL ? pathway_column_field (column) : property;
}
