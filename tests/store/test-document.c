/* test-document.c: the document keeps what it is given. Every field of every model class goes
 * through a file and comes back the same; every change of rating, status, commentary and
 * timescale leaves one entry in the history, dated by the document's clock; the history can
 * say how the programme stood on any day; undo writes a new change rather than erasing one;
 * a read-only document writes nothing; the user's text is kept exactly as written. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pathway-remote.h"
#include "pg-test-util.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "programme.pathway", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  store_fixture_forget_servers ();
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static PathwayDocument *
create_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PathwayDocument *document = store_fixture_create (fixture->path, "Northbridge", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static PathwayDocument *
reopen (PathwayDocument *document, PathwayOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (pathway_document_get_path (document));
  PathwayDocument *again;

  store_fixture_check_server (document);
  pathway_document_close (document);
  g_object_unref (document);
  again = store_fixture_open (path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

static PathwayAction *
add_action (PathwayDocument *document, const char *reference, PathwayWorkstream *workstream,
            PathwayRating rating, PathwayStatus status, const char *commentary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayAction) draft = pathway_action_new ();

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, "Publish the local offer in plain English");
  pathway_action_set_workstream (draft, workstream);
  pathway_action_set_rating (draft, rating);
  pathway_action_set_status (draft, status);
  pathway_action_set_commentary (draft, commentary);
  g_assert_true (pathway_document_add_action (document, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_id (draft), >, 0);
  return draft; /* the document keeps its own reference */
}

static PathwayWorkstream *
add_workstream (PathwayDocument *document, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();

  pathway_workstream_set_code (draft, code);
  pathway_workstream_set_title (draft, "Joint commissioning");
  g_assert_true (pathway_document_add_workstream (document, draft, &error));
  g_assert_no_error (error);
  return draft;
}

static guint
count_updates (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

  g_assert_no_error (error);
  g_assert_nonnull (updates);
  return g_list_model_get_n_items (updates);
}

/* The newest update of an action (a new reference). */
static PathwayActionUpdate *
last_update (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (updates);
  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (updates, n - 1);
}

static void
assert_update (PathwayActionUpdate *update, PathwayAction *action, PathwayField field,
               const char *author, GDateTime *at, const char *from, const char *to,
               const char *note)
{
  g_assert_cmpint (pathway_action_update_get_action_id (update), ==,
                   pathway_action_get_id (action));
  g_assert_cmpint (pathway_action_update_get_id (update), >, 0);
  g_assert_cmpint (pathway_action_update_get_field (update), ==, field);
  g_assert_cmpstr (pathway_action_update_get_author (update), ==, author);
  g_assert_nonnull (pathway_action_update_get_at (update));
  g_assert_true (g_date_time_equal (pathway_action_update_get_at (update), at));
  if (from != NULL)
    g_assert_cmpstr (pathway_action_update_get_from_value (update), ==, from);
  if (to != NULL)
    g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, to);
  if (note != NULL)
    g_assert_cmpstr (pathway_action_update_get_note (update), ==, note);
}

static void
set_date (PathwayDocument *document, gpointer object, const char *property, int year, int month,
          int day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = store_fixture_date (year, month, day);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, date);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

static void
set_enum (PathwayDocument *document, gpointer object, const char *property, GType type,
          int number)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, number);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}


static void
set_boolean (PathwayDocument *document, gpointer object, const char *property, gboolean on)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, on);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

static void
set_int (PathwayDocument *document, gpointer object, const char *property, int number)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

static void
set_object (PathwayDocument *document, gpointer object, const char *property, gpointer target)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_value_set_object (&value, target);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

static char *
dup_string (gpointer object, const char *property)
{
  char *text = NULL;

  g_object_get (object, property, &text, NULL);
  return text;
}

static void
set_text (PathwayDocument *document, gpointer object, const char *property, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (pathway_document_set_text (document, object, property, text, &error));
  g_assert_no_error (error);
  stored = dup_string (object, property);
  g_assert_cmpstr (stored, ==, text);
}

static void
assert_timescale (const PathwayTimescale *timescale, const char *text, int year, int month,
                  int day, PathwayPrecision precision)
{
  g_assert_nonnull (timescale);
  g_assert_cmpstr (timescale->text, ==, text);
  g_assert_true (g_date_valid (&timescale->date));
  g_assert_cmpint (g_date_get_year (&timescale->date), ==, year);
  g_assert_cmpint (g_date_get_month (&timescale->date), ==, month);
  g_assert_cmpint (g_date_get_day (&timescale->date), ==, day);
  g_assert_cmpint (timescale->precision, ==, precision);
}

static void
assert_date (const GDate *date, int year, int month, int day)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static PathwayTimescale *
timescale_on (const char *text, int year, int month, int day, PathwayPrecision precision)
{
  g_autoptr(GDate) date = store_fixture_date (year, month, day);

  return pathway_timescale_new (text, date, precision);
}

/* Creating ------------------------------------------------------------------------------ */

static void
test_create_makes_empty_programme (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) document = create_document (fixture);
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayRatingScheme *scheme;

  /* On a server the document's path is the server's URI. */
  if (!store_fixture_on_server ())
    g_assert_cmpstr (pathway_document_get_path (document), ==, fixture->path);
  else
    g_assert_true (pathway_document_get_remote (document));
  g_assert_false (pathway_document_get_read_only (document));
  g_assert_null (pathway_document_get_read_only_reason (document));
  g_assert_null (pathway_document_get_migration_backup (document));
  g_assert_false (pathway_document_get_can_undo (document));
  g_assert_false (pathway_document_get_can_redo (document));
  g_assert_cmpstr (pathway_programme_get_name (programme), ==, "Northbridge");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (programme)), ==, 0);

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  programme = pathway_document_get_programme (document);
  scheme = pathway_programme_get_rating_scheme (programme);
  g_assert_cmpstr (pathway_programme_get_name (programme), ==, "Northbridge");
  g_assert_false (pathway_rating_scheme_get_uses_blue (scheme));
  g_assert_cmpstr (pathway_rating_scheme_get_red_definition (scheme), ==, "Not on track");
  g_assert_null (pathway_document_get_migration_backup (document));
}

static void
test_author_defaults_to_user (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) document = create_document (fixture);
  const char *real = g_get_real_name ();
  const char *expected = (real && *real && g_strcmp0 (real, "Unknown") != 0)
                           ? real : g_get_user_name ();

  g_assert_cmpstr (pathway_document_get_author (document), ==, expected);
  store_fixture_set_author (document, "Priya Shah");
  /* On a server the author is the signed-in role's person, which a document learns as it
   * writes. */
  if (store_fixture_on_server ())
    set_text (document, pathway_document_get_programme (document), "name", "Northbridge SEND");
  g_assert_cmpstr (pathway_document_get_author (document), ==, "Priya Shah");
}

/* The round trip ------------------------------------------------------------------------ */

typedef struct {
  gint64 action_id;
  gint64 plain_id;
  gint64 indicator_id;
  gint64 sparse_id;
  gint64 board_id;
  gint64 meeting_id;
  gint64 workstream_id;
} Ids;

static PathwayPerson *
add_person (PathwayDocument *document, const char *name, const char *role,
            const char *organisation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayPerson) draft = pathway_person_new ();

  pathway_person_set_name (draft, name);
  pathway_person_set_role (draft, role);
  pathway_person_set_organisation (draft, organisation);
  {
    g_autofree char *email = g_strdup_printf ("%c.person@example.org", g_ascii_tolower (*name));

    pathway_person_set_email (draft, email);
  }
  g_object_set (draft, "public", TRUE, NULL);
  g_assert_true (pathway_document_add_person (document, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_person_get_id (draft), >, 0);
  return draft;
}

static PathwayAreaOfWeakness *
add_area (PathwayDocument *document, const char *reference, PathwayFindingKind kind,
          int position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayAreaOfWeakness) draft = pathway_area_of_weakness_new ();

  pathway_area_of_weakness_set_reference (draft, reference);
  pathway_area_of_weakness_set_kind (draft, kind);
  pathway_area_of_weakness_set_title (draft, "Timeliness of EHC plans");
  pathway_area_of_weakness_set_finding (draft, "Too few plans are issued within 20 weeks.");
  pathway_area_of_weakness_set_commitment (draft, "Issue 80% of plans within 20 weeks.");
  pathway_area_of_weakness_set_position (draft, position);
  g_object_set (draft, "public-summary", "Families waited too long for plans.", NULL);
  g_assert_true (pathway_document_add_area (document, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_area_of_weakness_get_id (draft), >, 0);
  return draft;
}

/* Fills a programme so that every property of every class is away from its default. */
static void
fill_programme (PathwayDocument *document, Ids *ids)
{
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(PathwayAction) plain = pathway_action_new ();
  g_autoptr(PathwayTimescale) original = NULL;
  g_autoptr(PathwayTimescale) first_revision = NULL;
  g_autoptr(PathwayTimescale) second_revision = NULL;
  g_autoptr(GDate) approved = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(PathwayIndicator) indicator = pathway_indicator_new ();
  g_autoptr(PathwayIndicator) sparse = pathway_indicator_new ();
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(PathwayMeeting) february = pathway_meeting_new ();
  g_autoptr(PathwayMeeting) january = pathway_meeting_new ();
  PathwayPerson *chair;
  PathwayPerson *lead;
  PathwayPerson *clinician;
  PathwayAreaOfWeakness *first_area;
  PathwayAreaOfWeakness *second_area;

  set_text (document, programme, "name", "Northbridge SEND improvement programme");
  set_text (document, programme, "local-area", "Northbridge");
  set_text (document, programme, "partners", "Northbridge Council; NHS Northbridge ICB");
  set_enum (document, programme, "regime", PATHWAY_TYPE_REGIME,
            PATHWAY_REGIME_ACCELERATED_PROGRESS);
  set_date (document, programme, "inspection-date", 2023, 3, 14);
  set_date (document, programme, "letter-published", 2023, 5, 2);
  set_date (document, programme, "plan-agreed", 2023, 7, 20);
  set_text (document, programme, "vision", "Every child's needs met early, close to home.");
  set_int (document, programme, "stale-days", 45);
  set_text (document, programme, "likelihood-words", "Very unlikely\nUnlikely\n\nLikely");
  set_text (document, programme, "impact-words", "Slight\nNoticeable");
  set_boolean (document, programme, "public-ratings", FALSE);

  set_boolean (document, scheme, "uses-blue", TRUE);
  set_text (document, scheme, "red-label", "Off track");
  set_text (document, scheme, "red-definition", "Will not be delivered without the board");
  set_text (document, scheme, "amber-label", "At risk");
  set_text (document, scheme, "amber-definition", "Late but recoverable");
  set_text (document, scheme, "green-label", "On course");
  set_text (document, scheme, "green-definition", "On track to the agreed date");
  set_text (document, scheme, "blue-label", "Done");
  set_text (document, scheme, "blue-definition", "Delivered and evidenced");

  chair = add_person (document, "Sam Okafor", "Director of Children's Services", "Council");
  lead = add_person (document, "Dr Ruth Evans", "Designated Clinical Officer", "NHS ICB");
  clinician = add_person (document, "Tom Price", "Head of SEND", "Council");
  first_area = add_area (document, "WSOA1", PATHWAY_FINDING_PRIORITY_ACTION, 1);
  second_area = add_area (document, "WSOA2", PATHWAY_FINDING_AREA_FOR_IMPROVEMENT, 2);

  pathway_workstream_set_code (workstream, "B");
  pathway_workstream_set_title (workstream, "Health contribution to EHC plans");
  pathway_workstream_set_lead_organisation (workstream, PATHWAY_LEAD_HEALTH);
  pathway_workstream_set_lead (workstream, lead);
  pathway_workstream_set_description (workstream, "Advice from health within six weeks.");
  g_assert_true (pathway_document_add_workstream (document, workstream, &error));
  g_assert_no_error (error);
  ids->workstream_id = pathway_workstream_get_id (workstream);
  g_assert_true (pathway_document_add_member (document, workstream, chair, "Chair", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_add_member (document, workstream, clinician, "Deputy",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_link_area (document, workstream, first_area, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_link_area (document, workstream, second_area, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (workstream)), ==,
                    2);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_areas (workstream)), ==, 2);

  original = timescale_on ("Spring Term 2024", 2024, 3, 28, PATHWAY_PRECISION_TERM);
  pathway_action_set_reference (action, "1B vi");
  pathway_action_set_description (action, "Health advice for EHC needs assessments within "
                                           "six weeks");
  pathway_action_set_area (action, first_area);
  pathway_action_set_workstream (action, workstream);
  pathway_action_set_theme (action, "Timeliness");
  pathway_action_set_lead (action, lead);
  pathway_action_set_original_timescale (action, original);
  pathway_action_set_status (action, PATHWAY_STATUS_ON_TRACK);
  pathway_action_set_rating (action, PATHWAY_RATING_AMBER);
  pathway_action_set_success_measure (action, "90% of advice returned within six weeks");
  pathway_action_set_commentary (action, "Two new posts filled in January.");
  pathway_action_set_recovery_plan (action, "Agency cover until the posts are filled, by May.");
  g_object_set (action, "public-summary", "Health advice for plans on time.", NULL);
  g_assert_true (pathway_document_add_action (document, action, &error));
  g_assert_no_error (error);
  ids->action_id = pathway_action_get_id (action);

  first_revision = timescale_on ("Sept 24", 2024, 9, 30, PATHWAY_PRECISION_MONTH);
  second_revision = timescale_on ("Dec 24", 2024, 12, 31, PATHWAY_PRECISION_MONTH);
  approved = store_fixture_date (2024, 2, 6);
  g_assert_true (pathway_document_revise_timescale (document, action, first_revision,
                                                    "Recruitment delayed",
                                                    "SEND Improvement Board", approved,
                                                    &error));
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 2, 7);
  g_assert_true (pathway_document_revise_timescale (document, action, second_revision,
                                                    "Second post vacant",
                                                    "SEND Improvement Board", approved,
                                                    &error));
  g_assert_no_error (error);

  pathway_action_set_reference (plain, "1B vii");
  g_assert_true (pathway_document_add_action (document, plain, &error));
  g_assert_no_error (error);
  ids->plain_id = pathway_action_get_id (plain);
  set_object (document, plain, "area", second_area);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PathwayEvidence) evidence = pathway_evidence_new ();
      g_autoptr(GDate) when = store_fixture_date (2024, 1 + i, 15);

      pathway_evidence_set_date (evidence, when);
      pathway_evidence_set_text (evidence, i == 0 ? "Audit of 40 plans: 31 on time"
                                                  : "Parent carer forum survey");
      pathway_evidence_set_source (evidence, "Quality assurance team");
      g_assert_true (pathway_document_add_evidence (document, action, evidence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pathway_evidence_get_action_id (evidence), ==, ids->action_id);
    }

  /* A risk, an issue raised from it, and an entry of "you said, we did", every field given as
   * the command line gives it. */
  {
    const char *risk_fields[] = { "reference", "kind", "title", "description", "owner",
                                  "workstream", "actions", "likelihood", "impact",
                                  "residual-likelihood", "residual-impact", "proximity",
                                  "review-date", "response", "response-owner", "status", NULL };
    const char *risk_values[] = { "R1", "risk", "Health advice posts stay vacant",
                                  "Two posts out of six", "Dr Ruth Evans", "B",
                                  "1b VI; 1B vi", "4", "5", "2", "3", "Within 3 months",
                                  "2024-03-01", "Agency cover", "Tom Price", "escalated", NULL };
    const char *issue_fields[] = { "reference", "kind", "title", "raised-from", "likelihood",
                                   "impact", NULL };
    const char *issue_values[] = { "I1", "issue", "Advice late in January", "R1", "5", "4",
                                   NULL };
    const char *entry_fields[] = { "date", "audience", "who", "responses", "said", "will-do",
                                   "did", "status", "actions", "areas", "public", NULL };
    const char *entry_values[] = { "2024-01-20", "survey", "Annual parent survey", "212",
                                   "Plans arrive late", "Report waits monthly",
                                   "Published the waits", "done", "1B vi", "wsoa2, WSOA1",
                                   "no", NULL };
    g_autoptr (GObject) risk = NULL;
    g_autoptr (GObject) issue = NULL;
    g_autoptr (GObject) entry = NULL;

    g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("risk"),
                                                risk_fields, risk_values, (gpointer *) &risk,
                                                &error));
    g_assert_no_error (error);
    /* Links are kept as the records are named, each once. */
    g_assert_cmpstr (pathway_risk_get_actions (PATHWAY_RISK (risk)), ==, "1B vi");
    g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("risk"),
                                                issue_fields, issue_values, (gpointer *) &issue,
                                                &error));
    g_assert_no_error (error);
    g_assert_true (pathway_risk_get_raised_from (PATHWAY_RISK (issue)) == PATHWAY_RISK (risk));
    g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup ("coproduction"),
                                                entry_fields, entry_values,
                                                (gpointer *) &entry, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pathway_coproduction_get_areas (PATHWAY_COPRODUCTION (entry)), ==,
                     "WSOA2, WSOA1");
    g_assert_cmpint (pathway_risk_get_score (PATHWAY_RISK (risk)), ==, 20);
    g_assert_cmpint (pathway_risk_get_residual_score (PATHWAY_RISK (risk)), ==, 6);
  }

  pathway_indicator_set_name (indicator, "EHC plans issued within 20 weeks");
  pathway_indicator_set_service (indicator, "SEND casework");
  pathway_indicator_set_definition (indicator, "Plans issued in the month within 20 weeks, "
                                               "as a share of all plans issued");
  pathway_indicator_set_unit (indicator, PATHWAY_UNIT_PERCENT);
  pathway_indicator_set_direction (indicator, PATHWAY_DIRECTION_HIGHER_IS_BETTER);
  pathway_indicator_set_baseline_value (indicator, 41.5);
  date = store_fixture_date (2023, 3, 31);
  pathway_indicator_set_baseline_date (indicator, date);
  pathway_indicator_set_target_value (indicator, 80.0);
  g_clear_pointer (&date, g_date_free);
  date = store_fixture_date (2025, 3, 31);
  pathway_indicator_set_target_date (indicator, date);
  pathway_indicator_set_target_source (indicator, "National average");
  pathway_indicator_set_comparator_value (indicator, 50.3);
  pathway_indicator_set_comparator_label (indicator, "England 2023");
  pathway_indicator_set_position (indicator, 1);
  pathway_indicator_set_source (indicator, "SEN2 return and the case management system");
  pathway_indicator_set_owner (indicator, lead);
  g_assert_true (pathway_document_add_indicator (document, indicator, &error));
  g_assert_no_error (error);
  ids->indicator_id = pathway_indicator_get_id (indicator);

  /* A zero baseline is a value, not a missing one; the comparator stays missing (NAN). */
  pathway_indicator_set_name (sparse, "Tribunal appeals");
  pathway_indicator_set_unit (sparse, PATHWAY_UNIT_COUNT);
  pathway_indicator_set_baseline_value (sparse, 0.0);
  pathway_indicator_set_position (sparse, 2);
  g_assert_true (pathway_document_add_indicator (document, sparse, &error));
  g_assert_no_error (error);
  ids->sparse_id = pathway_indicator_get_id (sparse);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PathwayReading) reading = pathway_reading_new ();
      g_autoptr(GDate) when = store_fixture_date (2023, 9 + i, 30);

      pathway_reading_set_date (reading, when);
      /* 0.1 + 0.2 is not 0.3: a value written as text with too few digits would change. */
      pathway_reading_set_value (reading, i == 0 ? 47.25 : 0.1 + 0.2);
      pathway_reading_set_note (reading, "From the case management system");
      g_assert_true (pathway_document_add_reading (document, indicator, reading, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pathway_reading_get_indicator_id (reading), ==, ids->indicator_id);
    }

  {
    g_autoptr(PathwayMilestone) milestone = pathway_milestone_new ();
    g_autoptr(GDate) when = store_fixture_date (2024, 3, 31);

    pathway_milestone_set_date (milestone, when);
    pathway_milestone_set_planned_value (milestone, 60.0);
    g_assert_true (pathway_document_add_milestone (document, indicator, milestone, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pathway_milestone_get_indicator_id (milestone), ==, ids->indicator_id);
  }

  pathway_board_set_name (board, "SEND Improvement Board");
  pathway_board_set_chair (board, chair);
  pathway_board_set_cadence (board, "Monthly");
  g_assert_true (pathway_document_add_board (document, board, &error));
  g_assert_no_error (error);
  ids->board_id = pathway_board_get_id (board);

  g_clear_pointer (&date, g_date_free);
  date = store_fixture_date (2024, 2, 6);
  pathway_meeting_set_date (february, date);
  pathway_meeting_set_title (february, "February board");
  pathway_meeting_set_location (february, "Civic Centre, Room 2");
  pathway_meeting_set_time (february, "14:00");
  pathway_meeting_set_summary (february, "Agreed the revised timescale for 1B vi.");
  pathway_meeting_set_report_title (february, "SEND improvement: progress report");
  pathway_meeting_set_report_by (february, "Programme manager");
  pathway_meeting_set_report_for (february, "Information, discussion and decision");
  pathway_meeting_set_classification (february, "OFFICIAL");
  pathway_meeting_set_recommendation (february, "The board is asked to note <progress> & \"agree\".");
  pathway_meeting_set_report_sections (february, "introduction,current-rating,red");
  pathway_meeting_set_headlines (february, "- Waiting times are down.\n- Two actions slipped.");
  pathway_meeting_set_risks (february, "Recruitment of educational psychologists.");
  pathway_meeting_set_decisions (february, "Agree the revised timescale for 2.3.");
  pathway_meeting_set_draft (february, TRUE);
  pathway_meeting_set_black_and_white (february, TRUE);
  {
    g_autoptr(GDate) as_at = store_fixture_date (2024, 1, 31);

    pathway_meeting_set_as_at (february, as_at);
  }
  g_assert_true (pathway_document_add_meeting (document, board, february, &error));
  g_assert_no_error (error);
  ids->meeting_id = pathway_meeting_get_id (february);
  g_assert_cmpint (pathway_meeting_get_board_id (february), ==, ids->board_id);

  g_clear_pointer (&date, g_date_free);
  date = store_fixture_date (2024, 1, 9);
  pathway_meeting_set_date (january, date);
  pathway_meeting_set_title (january, "January board");
  pathway_meeting_set_location (january, "Online");
  pathway_meeting_set_time (january, "10:30");
  pathway_meeting_set_summary (january, "First meeting of the new board.");
  g_assert_true (pathway_document_add_meeting (document, board, january, &error));
  g_assert_no_error (error);

  /* A change made in a meeting carries the meeting. */
  store_fixture_set_day (document, 2024, 2, 6);
  pathway_document_set_meeting (document, february);
  g_assert_true (pathway_document_set_rating (document, action, PATHWAY_RATING_GREEN,
                                              "Agreed at the February board", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_add_note (document, action, "decision",
                                            "Lead to report back in March", &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_add_note (document, action, "decision", "  \n", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pathway_document_add_note (document, action, "remark", "text", &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  pathway_document_set_meeting (document, NULL);
}

/* Queries each history list of the programme, keyed by what it is and whose it is. */
static GHashTable *
collect_lists (PathwayDocument *document)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (programme);
  GListModel *indicators = pathway_programme_get_indicators (programme);
  GListModel *boards = pathway_programme_get_boards (programme);
  GHashTable *lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      gint64 id = pathway_action_get_id (action);
      g_autoptr(GError) error = NULL;

      g_hash_table_insert (lists, g_strdup_printf ("updates of action %" G_GINT64_FORMAT, id),
                           pathway_document_list_updates (document, action, &error));
      g_assert_no_error (error);
      g_hash_table_insert (lists, g_strdup_printf ("revisions of action %" G_GINT64_FORMAT, id),
                           pathway_document_list_revisions (document, action, &error));
      g_assert_no_error (error);
      g_hash_table_insert (lists, g_strdup_printf ("evidence of action %" G_GINT64_FORMAT, id),
                           pathway_document_list_evidence (document, action, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);
      gint64 id = pathway_indicator_get_id (indicator);
      g_autoptr(GError) error = NULL;

      g_hash_table_insert (lists, g_strdup_printf ("readings of indicator %" G_GINT64_FORMAT, id),
                           pathway_document_list_readings (document, indicator, &error));
      g_assert_no_error (error);
      g_hash_table_insert (lists,
                           g_strdup_printf ("milestones of indicator %" G_GINT64_FORMAT, id),
                           pathway_document_list_milestones (document, indicator, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, i);
      GListModel *meetings = pathway_board_get_meetings (board);

      for (guint j = 0; j < g_list_model_get_n_items (meetings); j++)
        {
          g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, j);
          g_autoptr(GError) error = NULL;

          g_hash_table_insert (lists,
                               g_strdup_printf ("updates in meeting %" G_GINT64_FORMAT,
                                                pathway_meeting_get_id (meeting)),
                               pathway_document_list_meeting_updates (document, meeting,
                                                                      &error));
          g_assert_no_error (error);
        }
    }

  return lists;
}

static GListModel *
lookup_list (GHashTable *lists, const char *what, gint64 id)
{
  g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT, what, id);
  GListModel *list = g_hash_table_lookup (lists, key);

  g_assert_nonnull (list);
  return list;
}

static void
assert_every_item_set (const char *what, GListModel *list, const char *const *except)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      store_fixture_assert_all_set (what, item, except);
    }
}

static void
assert_fixture_complete (PathwayDocument *document, const Ids *ids, GHashTable *lists)
{
  static const char *const scheme_except[] = { "id", NULL };
  static const char *const action_except[] = { "deleted", NULL };
  /* A rating update names no field: "property" is only for text updates (tested apart). */
  /* "recorded" is only for changes dated in the past (tested apart). */
  static const char *const update_except[] = { "property", "recorded", NULL };
  static const char *const meeting_except[] = { "report-title", "report-by", "report-for",
                                                "classification", "recommendation",
                                                "report-sections", "as-at", "headlines",
                                                "risks", "decisions", "draft",
                                                "black-and-white", NULL };
  static const char *const note_except[] = { "from-value", "to-value", "recorded", NULL };
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayWorkstream *workstream = pathway_programme_find_workstream (programme,
                                                                     ids->workstream_id);
  PathwayBoard *board = pathway_programme_find_board (programme, ids->board_id);
  GListModel *meeting_updates = lookup_list (lists, "updates in meeting", ids->meeting_id);

  store_fixture_assert_all_set ("programme", programme, NULL);
  store_fixture_assert_all_set ("rating scheme", pathway_programme_get_rating_scheme (programme),
                                scheme_except);
  assert_every_item_set ("areas", pathway_programme_get_areas (programme), NULL);
  assert_every_item_set ("people", pathway_programme_get_people (programme), NULL);
  store_fixture_assert_all_set ("workstream", workstream, NULL);
  assert_every_item_set ("members", pathway_workstream_get_members (workstream), NULL);
  store_fixture_assert_all_set ("action",
                                pathway_programme_find_action (programme, ids->action_id),
                                action_except);
  store_fixture_assert_all_set ("indicator",
                                pathway_programme_find_indicator (programme, ids->indicator_id),
                                NULL);
  store_fixture_assert_all_set ("board", board, NULL);
  {
    /* The first is a risk, the default kind; the issue raised from it is checked apart. */
    static const char *const risk_except[] = { "raised-from", "kind", NULL };
    GListModel *risks = pathway_programme_get_risks (programme);
    g_autoptr (GObject) risk = g_list_model_get_item (risks, 0);
    g_autoptr (GObject) issue = g_list_model_get_item (risks, 1);

    g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 2);
    store_fixture_assert_all_set ("risk", risk, risk_except);
    g_assert_true (pathway_risk_get_raised_from (PATHWAY_RISK (issue)) == PATHWAY_RISK (risk));
    assert_every_item_set ("you said, we did", pathway_programme_get_coproduction (programme),
                           NULL);
  }
  /* The January meeting has no report settings; February has every one. */
  assert_every_item_set ("meetings", pathway_board_get_meetings (board), meeting_except);
  store_fixture_assert_all_set ("meeting",
                                pathway_programme_find_meeting (programme, ids->meeting_id),
                                NULL);
  assert_every_item_set ("revisions", lookup_list (lists, "revisions of action", ids->action_id),
                         NULL);
  assert_every_item_set ("evidence", lookup_list (lists, "evidence of action", ids->action_id),
                         NULL);
  assert_every_item_set ("readings",
                         lookup_list (lists, "readings of indicator", ids->indicator_id), NULL);
  assert_every_item_set ("milestones",
                         lookup_list (lists, "milestones of indicator", ids->indicator_id), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (meeting_updates), ==, 2);
  {
    g_autoptr(PathwayActionUpdate) rating = g_list_model_get_item (meeting_updates, 0);
    g_autoptr(PathwayActionUpdate) note = g_list_model_get_item (meeting_updates, 1);

    store_fixture_assert_all_set ("meeting update", rating, update_except);
    /* A decision names its kind in "property" and changes no value. */
    store_fixture_assert_all_set ("meeting note", note, note_except);
    g_assert_cmpint (pathway_action_update_get_field (note), ==, PATHWAY_FIELD_NOTE);
    g_assert_cmpstr (pathway_action_update_get_property_name (note), ==, "decision");
    g_assert_cmpstr (pathway_action_update_get_note (note), ==, "Lead to report back in March");
  }
}

static void
assert_same_programme (PathwayProgramme *before, PathwayProgramme *after)
{
  GListModel *workstreams = pathway_programme_get_workstreams (before);
  GListModel *boards = pathway_programme_get_boards (before);

  store_fixture_assert_same_properties ("programme", before, after);
  store_fixture_assert_same_properties ("rating scheme",
                                        pathway_programme_get_rating_scheme (before),
                                        pathway_programme_get_rating_scheme (after));
  store_fixture_assert_same_items ("areas", pathway_programme_get_areas (before),
                                   pathway_programme_get_areas (after));
  store_fixture_assert_same_items ("people", pathway_programme_get_people (before),
                                   pathway_programme_get_people (after));
  store_fixture_assert_same_items ("workstreams", workstreams,
                                   pathway_programme_get_workstreams (after));
  store_fixture_assert_same_items ("actions", pathway_programme_get_actions (before),
                                   pathway_programme_get_actions (after));
  store_fixture_assert_same_items ("indicators", pathway_programme_get_indicators (before),
                                   pathway_programme_get_indicators (after));
  store_fixture_assert_same_items ("risks", pathway_programme_get_risks (before),
                                   pathway_programme_get_risks (after));
  store_fixture_assert_same_items ("you said, we did",
                                   pathway_programme_get_coproduction (before),
                                   pathway_programme_get_coproduction (after));
  store_fixture_assert_same_items ("boards", boards, pathway_programme_get_boards (after));

  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      PathwayWorkstream *again =
        pathway_programme_find_workstream (after, pathway_workstream_get_id (workstream));

      g_assert_nonnull (again);
      store_fixture_assert_same_items ("members", pathway_workstream_get_members (workstream),
                                       pathway_workstream_get_members (again));
      store_fixture_assert_same_items ("linked areas", pathway_workstream_get_areas (workstream),
                                       pathway_workstream_get_areas (again));
    }

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, i);
      PathwayBoard *again = pathway_programme_find_board (after, pathway_board_get_id (board));
      GListModel *meetings;

      g_assert_nonnull (again);
      store_fixture_assert_same_items ("meetings", pathway_board_get_meetings (board),
                                       pathway_board_get_meetings (again));
      /* Meetings come back in date order, the earliest first. */
      meetings = pathway_board_get_meetings (again);
      for (guint j = 1; j < g_list_model_get_n_items (meetings); j++)
        {
          g_autoptr(PathwayMeeting) earlier = g_list_model_get_item (meetings, j - 1);
          g_autoptr(PathwayMeeting) later = g_list_model_get_item (meetings, j);

          g_assert_cmpint (g_date_compare (pathway_meeting_get_date (earlier),
                                           pathway_meeting_get_date (later)), <=, 0);
        }
    }
}

static void
assert_same_lists (GHashTable *before, GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GListModel *again = g_hash_table_lookup (after, key);

      g_assert_nonnull (again);
      store_fixture_assert_same_items (key, value, again);
    }
}

/* The values that matter most are also named, so a failure reads as what went wrong. */
static void
assert_named_values (PathwayDocument *document, const Ids *ids, GHashTable *lists)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  PathwayAction *action = pathway_programme_find_action (programme, ids->action_id);
  PathwayAction *plain = pathway_programme_find_action (programme, ids->plain_id);
  PathwayIndicator *indicator = pathway_programme_find_indicator (programme, ids->indicator_id);
  PathwayIndicator *sparse = pathway_programme_find_indicator (programme, ids->sparse_id);
  GListModel *readings = lookup_list (lists, "readings of indicator", ids->indicator_id);
  g_autoptr(PathwayReading) second_reading = NULL;
  g_autoptr(GDateTime) created = store_fixture_utc (2024, 2, 6, 12, 0);

  g_assert_cmpint (pathway_programme_get_regime (programme), ==,
                   PATHWAY_REGIME_ACCELERATED_PROGRESS);
  assert_date (pathway_programme_get_inspection_date (programme), 2023, 3, 14);
  g_assert_true (pathway_rating_scheme_get_uses_blue (scheme));
  g_assert_cmpstr (pathway_rating_scheme_get_label (scheme, PATHWAY_RATING_BLUE), ==, "Done");
  g_assert_cmpstr (pathway_rating_scheme_get_definition (scheme, PATHWAY_RATING_AMBER), ==,
                   "Late but recoverable");

  g_assert_nonnull (action);
  assert_timescale (pathway_action_get_original_timescale (action), "Spring Term 2024", 2024, 3,
                    28, PATHWAY_PRECISION_TERM);
  assert_timescale (pathway_action_get_revised_timescale (action), "Dec 24", 2024, 12, 31,
                    PATHWAY_PRECISION_MONTH);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (action), ==, PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpstr (pathway_action_get_reference (action), ==, "1B vi");
  g_assert_nonnull (pathway_action_get_workstream (action));
  g_assert_cmpint (pathway_workstream_get_id (pathway_action_get_workstream (action)), ==,
                   ids->workstream_id);
  g_assert_cmpstr (pathway_person_get_name (pathway_action_get_lead (action)), ==,
                   "Dr Ruth Evans");
  g_assert_cmpstr (pathway_area_of_weakness_get_reference (pathway_action_get_area (action)), ==,
                   "WSOA1");
  g_assert_true (g_date_time_equal (pathway_action_get_created (action), created));

  g_assert_nonnull (plain);
  g_assert_null (pathway_action_get_revised_timescale (plain));
  g_assert_null (pathway_action_get_workstream (plain));
  g_assert_null (pathway_action_get_lead (plain));
  g_assert_cmpstr (pathway_area_of_weakness_get_reference (pathway_action_get_area (plain)), ==,
                   "WSOA2");
  g_assert_cmpstr (pathway_action_get_original_timescale (plain)->text, ==, "");
  g_assert_false (pathway_timescale_has_date (pathway_action_get_original_timescale (plain)));

  g_assert_cmpfloat (pathway_indicator_get_comparator_value (indicator), ==, 50.3);
  g_assert_true (isnan (pathway_indicator_get_comparator_value (sparse)));
  g_assert_true (isnan (pathway_indicator_get_target_value (sparse)));
  g_assert_false (isnan (pathway_indicator_get_baseline_value (sparse)));
  g_assert_cmpfloat (pathway_indicator_get_baseline_value (sparse), ==, 0.0);
  g_assert_null (pathway_indicator_get_target_date (sparse));

  g_assert_cmpuint (g_list_model_get_n_items (readings), ==, 2);
  second_reading = g_list_model_get_item (readings, 1);
  g_assert_cmpfloat (pathway_reading_get_value (second_reading), ==, 0.1 + 0.2);
  g_assert_cmpuint (g_list_model_get_n_items (lookup_list (lists, "revisions of action",
                                                           ids->action_id)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lookup_list (lists, "evidence of action",
                                                           ids->action_id)), ==, 2);
}

static void
test_round_trip_every_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(PathwayProgramme) before = NULL;
  g_autoptr(GHashTable) lists_before = NULL;
  g_autoptr(GHashTable) lists_after = NULL;
  Ids ids = { 0 };

  store_fixture_set_day (document, 2024, 2, 6);
  store_fixture_set_author (document, "Priya Shah");
  fill_programme (document, &ids);

  before = g_object_ref (pathway_document_get_programme (document));
  lists_before = collect_lists (document);
  assert_fixture_complete (document, &ids, lists_before);
  assert_named_values (document, &ids, lists_before);

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  lists_after = collect_lists (document);
  assert_same_programme (before, pathway_document_get_programme (document));
  assert_same_lists (lists_before, lists_after);
  assert_named_values (document, &ids, lists_after);

  /* Read-only, the same file loads the same way. */
  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_READ_ONLY);
  assert_same_programme (before, pathway_document_get_programme (document));
}

/* History ------------------------------------------------------------------------------- */

typedef struct {
  PathwayDocument *document;
  PathwayAction *action;
  gint64 action_id;
} OneAction;

static void
one_action_open (Fixture *fixture, OneAction *one)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(PathwayTimescale) original = timescale_on ("Spring Term 2024", 2024, 3, 28,
                                                       PATHWAY_PRECISION_TERM);

  one->document = create_document (fixture);
  store_fixture_set_author (one->document, "Priya Shah");
  store_fixture_set_day (one->document, 2024, 1, 10);
  pathway_action_set_reference (draft, "2A");
  pathway_action_set_original_timescale (draft, original);
  g_assert_true (pathway_document_add_action (one->document, draft, &error));
  g_assert_no_error (error);
  one->action = draft;
  one->action_id = pathway_action_get_id (draft);
}

static void
one_action_reopen (OneAction *one)
{
  one->document = reopen (one->document, PATHWAY_OPEN_DEFAULT);
  one->action = pathway_programme_find_action (pathway_document_get_programme (one->document),
                                               one->action_id);
  g_assert_nonnull (one->action);
}

static void
test_add_action_records_creation (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(PathwayActionUpdate) first = NULL;
  PathwayAction *action;

  store_fixture_set_author (document, "Priya Shah");
  store_fixture_set_day (document, 2024, 1, 10);
  now = pathway_document_dup_now (document);
  action = add_action (document, "3C", NULL, PATHWAY_RATING_RED, PATHWAY_STATUS_DELAYED,
                       "Behind plan");
  g_assert_true (g_date_time_equal (pathway_action_get_created (action), now));
  g_assert_true (g_date_time_equal (pathway_action_get_last_updated (action), now));

  /* The creation comes first. Its rating, status and commentary are in that entry or in
   * entries of their own made at the same moment; either way the history alone can say how
   * the action started. */
  updates = pathway_document_list_updates (document, action, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), >=, 1);
  first = g_list_model_get_item (updates, 0);
  assert_update (first, action, PATHWAY_FIELD_CREATED, "Priya Shah", now, NULL, NULL, NULL);
  for (guint i = 1; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);
      PathwayField field = pathway_action_update_get_field (update);
      const char *to = pathway_action_update_get_to_value (update);

      assert_update (update, action, field, "Priya Shah", now, NULL, NULL, NULL);
      if (field == PATHWAY_FIELD_RATING)
        g_assert_cmpstr (to, ==, pathway_rating_to_nick (PATHWAY_RATING_RED));
      else if (field == PATHWAY_FIELD_STATUS)
        g_assert_cmpstr (to, ==, pathway_status_to_nick (PATHWAY_STATUS_DELAYED));
      else if (field == PATHWAY_FIELD_COMMENTARY)
        g_assert_cmpstr (to, ==, "Behind plan");
      else
        g_error ("update %u of a new action records field %d", i, field);
    }
}

static void
test_each_write_appends_one_update (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OneAction one;
  guint n;

  one_action_open (fixture, &one);

  {
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(PathwayActionUpdate) update = NULL;

    store_fixture_set_day (one.document, 2024, 2, 3);
    now = pathway_document_dup_now (one.document);
    n = count_updates (one.document, one.action);
    g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_AMBER,
                                                "Recovery plan agreed", &error));
    g_assert_no_error (error);
    g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_AMBER);
    g_assert_true (g_date_time_equal (pathway_action_get_last_updated (one.action), now));
    g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
    update = last_update (one.document, one.action);
    assert_update (update, one.action, PATHWAY_FIELD_RATING, "Priya Shah", now,
                   pathway_rating_to_nick (PATHWAY_RATING_NONE),
                   pathway_rating_to_nick (PATHWAY_RATING_AMBER), "Recovery plan agreed");
  }

  {
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(PathwayActionUpdate) update = NULL;

    store_fixture_set_day (one.document, 2024, 2, 4);
    store_fixture_set_author (one.document, "Sam Okafor");
    now = pathway_document_dup_now (one.document);
    n = count_updates (one.document, one.action);
    g_assert_true (pathway_document_set_status (one.document, one.action,
                                                PATHWAY_STATUS_DELAYED, "Staff shortage",
                                                &error));
    g_assert_no_error (error);
    g_assert_cmpint (pathway_action_get_status (one.action), ==, PATHWAY_STATUS_DELAYED);
    g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
    update = last_update (one.document, one.action);
    assert_update (update, one.action, PATHWAY_FIELD_STATUS, "Sam Okafor", now,
                   pathway_status_to_nick (PATHWAY_STATUS_NOT_STARTED),
                   pathway_status_to_nick (PATHWAY_STATUS_DELAYED), "Staff shortage");
  }

  {
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(PathwayActionUpdate) update = NULL;

    store_fixture_set_day (one.document, 2024, 2, 5);
    now = pathway_document_dup_now (one.document);
    n = count_updates (one.document, one.action);
    g_assert_true (pathway_document_set_commentary (one.document, one.action,
                                                    "Interviews on 12 February.", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pathway_action_get_commentary (one.action), ==,
                     "Interviews on 12 February.");
    g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
    update = last_update (one.document, one.action);
    assert_update (update, one.action, PATHWAY_FIELD_COMMENTARY, "Sam Okafor", now, "",
                   "Interviews on 12 February.", NULL);

    /* A second commentary records the first as its 'from'. */
    g_clear_object (&update);
    g_assert_true (pathway_document_set_commentary (one.document, one.action,
                                                    "Both posts filled.", &error));
    g_assert_no_error (error);
    update = last_update (one.document, one.action);
    assert_update (update, one.action, PATHWAY_FIELD_COMMENTARY, "Sam Okafor", now,
                   "Interviews on 12 February.", "Both posts filled.", NULL);
  }

  {
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(PathwayActionUpdate) update = NULL;

    store_fixture_set_day (one.document, 2024, 2, 6);
    now = pathway_document_dup_now (one.document);
    n = count_updates (one.document, one.action);
    set_text (one.document, one.action, "theme", "Co-production");
    g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
    update = last_update (one.document, one.action);
    assert_update (update, one.action, PATHWAY_FIELD_TEXT, "Sam Okafor", now, "",
                   "Co-production", NULL);
    /* A text update says which field it changed, so the history can name it. */
    g_assert_cmpstr (pathway_action_update_get_property_name (update), ==, "theme");
  }

  n = count_updates (one.document, one.action);
  one_action_reopen (&one);
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_status (one.action), ==, PATHWAY_STATUS_DELAYED);
  g_assert_cmpstr (pathway_action_get_commentary (one.action), ==, "Both posts filled.");
  g_assert_cmpstr (pathway_action_get_theme (one.action), ==, "Co-production");
  g_object_unref (one.document);
}

static void
test_same_value_writes_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *label = NULL;
  PathwayProgramme *programme;
  OneAction one;
  guint n;

  one_action_open (fixture, &one);
  programme = pathway_document_get_programme (one.document);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_RED,
                                              NULL, &error));
  g_assert_true (pathway_document_set_status (one.document, one.action,
                                              PATHWAY_STATUS_ON_TRACK, NULL, &error));
  g_assert_true (pathway_document_set_commentary (one.document, one.action, "As planned",
                                                  &error));
  set_text (one.document, one.action, "theme", "Timeliness");
  set_date (one.document, programme, "plan-agreed", 2023, 7, 20);
  g_assert_no_error (error);

  n = count_updates (one.document, one.action);
  label = g_strdup (pathway_document_get_undo_label (one.document));
  before = store_fixture_read_programme (fixture->path);
  store_fixture_set_day (one.document, 2024, 3, 1);

  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_RED,
                                              "Still red", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_status (one.document, one.action,
                                              PATHWAY_STATUS_ON_TRACK, "Still on track",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (one.document, one.action, "As planned",
                                                  &error));
  g_assert_no_error (error);
  set_text (one.document, one.action, "theme", "Timeliness");
  set_text (one.document, programme, "name", "Northbridge");
  set_date (one.document, programme, "plan-agreed", 2023, 7, 20);

  g_assert_cmpuint (count_updates (one.document, one.action), ==, n);
  g_assert_cmpstr (pathway_document_get_undo_label (one.document), ==, label);
  store_fixture_assert_programme_unchanged (fixture->path, before);
  g_object_unref (one.document);
}

static void
test_revision_keeps_original_timescale (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayTimescale) december = timescale_on ("Dec 24", 2024, 12, 31,
                                                       PATHWAY_PRECISION_MONTH);
  g_autoptr(PathwayTimescale) quarter = timescale_on ("Q1 2025/26", 2025, 6, 30,
                                                      PATHWAY_PRECISION_QUARTER);
  g_autoptr(PathwayTimescale) rewritten = timescale_on ("Summer 2024", 2024, 7, 19,
                                                        PATHWAY_PRECISION_TERM);
  g_autoptr(GDate) approved = store_fixture_date (2024, 3, 5);
  g_autoptr(GDateTime) march = NULL;
  g_autoptr(GDateTime) june = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  OneAction one;
  guint n;

  one_action_open (fixture, &one);
  store_fixture_set_day (one.document, 2024, 3, 5);
  march = pathway_document_dup_now (one.document);
  n = count_updates (one.document, one.action);
  g_assert_true (pathway_document_revise_timescale (one.document, one.action, december,
                                                    "Recruitment delayed",
                                                    "SEND Improvement Board", approved,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
  {
    g_autoptr(PathwayActionUpdate) update = last_update (one.document, one.action);

    assert_update (update, one.action, PATHWAY_FIELD_REVISED_TIMESCALE, "Priya Shah", march,
                   NULL, NULL, NULL);
    g_assert_nonnull (strstr (pathway_action_update_get_to_value (update), "Dec 24"));
  }
  assert_timescale (pathway_action_get_original_timescale (one.action), "Spring Term 2024", 2024,
                    3, 28, PATHWAY_PRECISION_TERM);
  assert_timescale (pathway_action_get_revised_timescale (one.action), "Dec 24", 2024, 12, 31,
                    PATHWAY_PRECISION_MONTH);
  assert_timescale (pathway_action_get_due_timescale (one.action), "Dec 24", 2024, 12, 31,
                    PATHWAY_PRECISION_MONTH);
  g_assert_cmpint (pathway_action_get_slippage_days (one.action), ==, 278);

  store_fixture_set_day (one.document, 2024, 6, 1);
  june = pathway_document_dup_now (one.document);
  g_assert_true (pathway_document_revise_timescale (one.document, one.action, quarter,
                                                    "Second post vacant", "Chair", NULL,
                                                    &error));
  g_assert_no_error (error);
  assert_timescale (pathway_action_get_revised_timescale (one.action), "Q1 2025/26", 2025, 6,
                    30, PATHWAY_PRECISION_QUARTER);
  assert_timescale (pathway_action_get_original_timescale (one.action), "Spring Term 2024", 2024,
                    3, 28, PATHWAY_PRECISION_TERM);

  /* The original is not a field that can be set once the action exists. */
  n = count_updates (one.document, one.action);
  g_value_init (&value, PATHWAY_TYPE_TIMESCALE);
  g_value_set_boxed (&value, rewritten);
  g_assert_false (pathway_document_set_value (one.document, one.action, "original-timescale",
                                              &value, NULL, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  assert_timescale (pathway_action_get_original_timescale (one.action), "Spring Term 2024", 2024,
                    3, 28, PATHWAY_PRECISION_TERM);
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n);

  one_action_reopen (&one);
  assert_timescale (pathway_action_get_original_timescale (one.action), "Spring Term 2024", 2024,
                    3, 28, PATHWAY_PRECISION_TERM);
  assert_timescale (pathway_action_get_revised_timescale (one.action), "Q1 2025/26", 2025, 6,
                    30, PATHWAY_PRECISION_QUARTER);
  {
    g_autoptr(GListModel) revisions = pathway_document_list_revisions (one.document, one.action,
                                                                       &error);
    gboolean seen_december = FALSE;
    gboolean seen_quarter = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(PathwayTimescaleRevision) revision = g_list_model_get_item (revisions, i);
        const PathwayTimescale *timescale = pathway_timescale_revision_get_timescale (revision);

        g_assert_cmpint (pathway_timescale_revision_get_action_id (revision), ==, one.action_id);
        g_assert_cmpstr (pathway_timescale_revision_get_author (revision), ==, "Priya Shah");
        if (g_str_equal (timescale->text, "Dec 24"))
          {
            seen_december = TRUE;
            g_assert_cmpstr (pathway_timescale_revision_get_reason (revision), ==,
                             "Recruitment delayed");
            g_assert_cmpstr (pathway_timescale_revision_get_approved_by (revision), ==,
                             "SEND Improvement Board");
            assert_date (pathway_timescale_revision_get_approved_on (revision), 2024, 3, 5);
            g_assert_true (g_date_time_equal (pathway_timescale_revision_get_recorded_at (revision),
                                              march));
          }
        else
          {
            seen_quarter = TRUE;
            assert_timescale (timescale, "Q1 2025/26", 2025, 6, 30, PATHWAY_PRECISION_QUARTER);
            g_assert_null (pathway_timescale_revision_get_approved_on (revision));
            g_assert_true (g_date_time_equal (pathway_timescale_revision_get_recorded_at (revision),
                                              june));
          }
      }
    g_assert_true (seen_december && seen_quarter);
  }
  g_object_unref (one.document);
}

/* As at a date ---------------------------------------------------------------------------- */

typedef struct {
  PathwayDocument *document;
  gint64 a, b, c;
  gint64 first_workstream, second_workstream;
} History;

/* Three actions rated over four months of 2024; the second is deleted in March:
 *            Jan 10        Feb 10            Mar 10           Apr 10
 *   A (ws 1) red           amber, delayed                     green
 *   B (ws 1) amber                           deleted
 *   C (ws 2) green                           red                               */
static void
history_build (Fixture *fixture, History *history)
{
  g_autoptr(GError) error = NULL;
  PathwayWorkstream *first;
  PathwayWorkstream *second;
  PathwayAction *a, *b, *c;

  history->document = create_document (fixture);
  store_fixture_set_day (history->document, 2024, 1, 10);
  first = add_workstream (history->document, "A");
  second = add_workstream (history->document, "B");
  history->first_workstream = pathway_workstream_get_id (first);
  history->second_workstream = pathway_workstream_get_id (second);
  a = add_action (history->document, "1", first, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK,
                  "Started");
  b = add_action (history->document, "2", first, PATHWAY_RATING_AMBER,
                  PATHWAY_STATUS_NOT_STARTED, "Waiting for funding");
  c = add_action (history->document, "3", second, PATHWAY_RATING_GREEN, PATHWAY_STATUS_ON_TRACK,
                  "Going well");
  history->a = pathway_action_get_id (a);
  history->b = pathway_action_get_id (b);
  history->c = pathway_action_get_id (c);

  store_fixture_set_day (history->document, 2024, 2, 10);
  g_assert_true (pathway_document_set_rating (history->document, a, PATHWAY_RATING_AMBER, NULL,
                                              &error));
  g_assert_true (pathway_document_set_status (history->document, a, PATHWAY_STATUS_DELAYED,
                                              NULL, &error));
  g_assert_true (pathway_document_set_commentary (history->document, a, "February note",
                                                  &error));
  g_assert_no_error (error);

  store_fixture_set_day (history->document, 2024, 3, 10);
  g_assert_true (pathway_document_delete_action (history->document, b, "Merged into 1", &error));
  g_assert_true (pathway_document_set_rating (history->document, c, PATHWAY_RATING_RED, NULL,
                                              &error));
  g_assert_no_error (error);

  store_fixture_set_day (history->document, 2024, 4, 10);
  g_assert_true (pathway_document_set_rating (history->document, a, PATHWAY_RATING_GREEN, NULL,
                                              &error));
  g_assert_no_error (error);
  store_fixture_set_day (history->document, 2024, 4, 20);
}

static GArray *
states_on (PathwayDocument *document, int year, int month, int day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = store_fixture_date (year, month, day);
  GArray *states = pathway_document_states_as_at (document, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (states);
  return states;
}

static void
assert_state (GArray *states, guint index, gint64 id, PathwayRating rating,
              PathwayStatus status, const char *commentary)
{
  PathwayActionState *state;

  g_assert_cmpuint (index, <, states->len);
  state = &g_array_index (states, PathwayActionState, index);
  g_assert_cmpint (state->action_id, ==, id);
  g_assert_cmpint (state->rating, ==, rating);
  g_assert_cmpint (state->status, ==, status);
  g_assert_cmpstr (state->commentary, ==, commentary);
}

static void
assert_history_states (History *history)
{
  g_autoptr(GArray) before = states_on (history->document, 2024, 1, 9);
  g_autoptr(GArray) first_day = states_on (history->document, 2024, 1, 10);
  g_autoptr(GArray) january = states_on (history->document, 2024, 1, 31);
  g_autoptr(GArray) february = states_on (history->document, 2024, 2, 20);
  g_autoptr(GArray) deletion_day = states_on (history->document, 2024, 3, 10);
  g_autoptr(GArray) april = states_on (history->document, 2024, 4, 30);

  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpuint (first_day->len, ==, 3);
  g_assert_cmpuint (january->len, ==, 3);
  assert_state (january, 0, history->a, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK, "Started");
  assert_state (january, 1, history->b, PATHWAY_RATING_AMBER, PATHWAY_STATUS_NOT_STARTED,
                "Waiting for funding");
  assert_state (january, 2, history->c, PATHWAY_RATING_GREEN, PATHWAY_STATUS_ON_TRACK,
                "Going well");

  g_assert_cmpuint (february->len, ==, 3);
  assert_state (february, 0, history->a, PATHWAY_RATING_AMBER, PATHWAY_STATUS_DELAYED,
                "February note");
  assert_state (february, 1, history->b, PATHWAY_RATING_AMBER, PATHWAY_STATUS_NOT_STARTED,
                "Waiting for funding");
  assert_state (february, 2, history->c, PATHWAY_RATING_GREEN, PATHWAY_STATUS_ON_TRACK,
                "Going well");

  g_assert_cmpuint (deletion_day->len, ==, 2);
  assert_state (deletion_day, 0, history->a, PATHWAY_RATING_AMBER, PATHWAY_STATUS_DELAYED,
                "February note");
  assert_state (deletion_day, 1, history->c, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK,
                "Going well");

  g_assert_cmpuint (april->len, ==, 2);
  assert_state (april, 0, history->a, PATHWAY_RATING_GREEN, PATHWAY_STATUS_DELAYED,
                "February note");
  assert_state (april, 1, history->c, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK, "Going well");
}

/* Expected counts, month by month, in the order none, red, amber, green, blue. */
static void
assert_months (GArray *months, const guint expected[][PATHWAY_N_RATINGS], guint n_months)
{
  static const int month_ends[][3] = {
    { 2024, 1, 31 }, { 2024, 2, 29 }, { 2024, 3, 31 }, { 2024, 4, 30 },
  };

  g_assert_cmpuint (months->len, ==, n_months);
  for (guint i = 0; i < n_months; i++)
    {
      PathwayMonthCounts *month = &g_array_index (months, PathwayMonthCounts, i);

      assert_date (&month->month_end, month_ends[i][0], month_ends[i][1], month_ends[i][2]);
      for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
        {
          if (month->counts[r] != expected[i][r])
            g_error ("month %u, rating %s: %u actions, expected %u", i + 1,
                     pathway_rating_to_nick (r), month->counts[r], expected[i][r]);
        }
    }
}

static GArray *
months_until (PathwayDocument *document, gint64 workstream_id, const GDate *until)
{
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayWorkstream *workstream = NULL;
  GArray *months;

  if (workstream_id != 0)
    {
      workstream = pathway_programme_find_workstream (programme, workstream_id);
      g_assert_nonnull (workstream);
    }
  months = pathway_document_monthly_counts (document, workstream, until, &error);
  g_assert_no_error (error);
  g_assert_nonnull (months);
  return months;
}

static void
assert_history_months (History *history)
{
  static const guint all[][PATHWAY_N_RATINGS] = {
    { 0, 1, 1, 1, 0 }, { 0, 0, 2, 1, 0 }, { 0, 1, 1, 0, 0 }, { 0, 1, 0, 1, 0 },
  };
  static const guint first[][PATHWAY_N_RATINGS] = {
    { 0, 1, 1, 0, 0 }, { 0, 0, 2, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0, 0, 0, 1, 0 },
  };
  static const guint second[][PATHWAY_N_RATINGS] = {
    { 0, 0, 0, 1, 0 }, { 0, 0, 0, 1, 0 }, { 0, 1, 0, 0, 0 }, { 0, 1, 0, 0, 0 },
  };
  g_autoptr(GDate) april = store_fixture_date (2024, 4, 30);
  g_autoptr(GArray) whole = months_until (history->document, 0, april);
  g_autoptr(GArray) by_clock = months_until (history->document, 0, NULL);
  g_autoptr(GArray) first_workstream = months_until (history->document,
                                                     history->first_workstream, april);
  g_autoptr(GArray) second_workstream = months_until (history->document,
                                                      history->second_workstream, april);

  assert_months (whole, all, 4);
  assert_months (by_clock, all, 4);
  assert_months (first_workstream, first, 4);
  assert_months (second_workstream, second, 4);
}

static void
test_states_as_at (Fixture *fixture, gconstpointer data)
{
  History history;

  history_build (fixture, &history);
  assert_history_states (&history);
  history.document = reopen (history.document, PATHWAY_OPEN_DEFAULT);
  store_fixture_set_day (history.document, 2024, 4, 20);
  assert_history_states (&history);
  g_object_unref (history.document);
}

static void
test_monthly_counts (Fixture *fixture, gconstpointer data)
{
  History history;

  history_build (fixture, &history);
  assert_history_months (&history);
  history.document = reopen (history.document, PATHWAY_OPEN_READ_ONLY);
  store_fixture_set_day (history.document, 2024, 4, 20);
  assert_history_months (&history);
  g_object_unref (history.document);
}

/* Inside a batch, changes dated as at an earlier day are seen by "as at" answers from the end
 * of that day on and not before; the clock comes back when asked and when the batch ends, and
 * a day after today is refused. */
static void
test_as_at_dates_batch_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) june = store_fixture_date (2024, 1, 31);
  g_autoptr(GDate) before = store_fixture_date (2024, 1, 30);
  g_autoptr(GDate) later = store_fixture_date (2024, 2, 20);
  g_autoptr(GDate) tomorrow = store_fixture_date (2024, 3, 2);
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(PathwayActionUpdate) last = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  OneAction one;

  one_action_open (fixture, &one);
  store_fixture_set_day (one.document, 2024, 3, 1);
  g_assert_true (pathway_document_begin_batch (one.document, "History", &error));
  g_assert_true (pathway_document_set_as_at (one.document, june, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_AMBER,
                                              "January", &error));
  g_assert_false (pathway_document_set_as_at (one.document, tomorrow, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pathway_document_set_as_at (one.document, NULL, &error));
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_GREEN,
                                              "Today", &error));
  g_assert_true (pathway_document_set_as_at (one.document, june, &error));
  g_assert_true (pathway_document_commit_batch (one.document, &error));
  g_assert_no_error (error);

  g_value_init (&value, PATHWAY_TYPE_RATING);
  g_assert_true (pathway_document_get_value_as_at (one.document, one.action, "rating", before,
                                                   &value, &error));
  g_assert_cmpint (g_value_get_enum (&value), ==, PATHWAY_RATING_NONE);
  g_assert_true (pathway_document_get_value_as_at (one.document, one.action, "rating", june,
                                                   &value, &error));
  g_assert_cmpint (g_value_get_enum (&value), ==, PATHWAY_RATING_AMBER);
  g_assert_true (pathway_document_get_value_as_at (one.document, one.action, "rating", later,
                                                   &value, &error));
  g_assert_cmpint (g_value_get_enum (&value), ==, PATHWAY_RATING_AMBER);
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);

  /* The batch ended with the date still set: the next change is by the clock again. */
  g_assert_true (pathway_document_set_commentary (one.document, one.action, "After", &error));
  updates = pathway_document_list_updates (one.document, one.action, &error);
  last = g_list_model_get_item (updates, g_list_model_get_n_items (updates) - 1);
  g_assert_cmpint (g_date_time_get_month (pathway_action_update_get_at (last)), ==, 3);
  g_object_unref (one.document);
}

/* A change dated before a later change of the same field joins the history between them: the
 * record keeps its current value, "as at" answers for the days between see the change, the
 * change says when it was recorded, and undo takes the row out of the history again. A
 * backdated change with nothing after it sets the value, and undo puts it back with no row. */
static PathwayRating
rating_at (PathwayDocument *document, PathwayAction *action, int year, int month, int day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = store_fixture_date (year, month, day);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, PATHWAY_TYPE_RATING);
  g_assert_true (pathway_document_get_value_as_at (document, action, "rating", date, &value,
                                                   &error));
  g_assert_no_error (error);
  return g_value_get_enum (&value);
}

static void
test_as_at_between_later_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) february = store_fixture_date (2024, 2, 29);
  g_autoptr(GListModel) updates = NULL;
  OneAction one;
  guint n_before, n_with;
  gboolean found_recorded = FALSE;

  one_action_open (fixture, &one);
  store_fixture_set_day (one.document, 2024, 3, 10);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_GREEN,
                                              NULL, &error));
  store_fixture_set_day (one.document, 2024, 4, 2);
  updates = pathway_document_list_updates (one.document, one.action, &error);
  n_before = g_list_model_get_n_items (updates);
  g_clear_object (&updates);

  /* February's tracker, imported in April: Amber at the end of February. */
  g_assert_true (pathway_document_begin_batch (one.document, "February tracker", &error));
  g_assert_true (pathway_document_set_as_at (one.document, february, &error));
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_AMBER,
                                              "Imported", &error));
  g_assert_true (pathway_document_set_status (one.document, one.action,
                                              PATHWAY_STATUS_DELAYED, "Imported", &error));
  g_assert_true (pathway_document_commit_batch (one.document, &error));
  g_assert_no_error (error);

  /* The rating changed later (10 March), so it stays Green; the status had no later change. */
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (one.action), ==, PATHWAY_STATUS_DELAYED);
  g_assert_cmpint (rating_at (one.document, one.action, 2024, 2, 28), ==, PATHWAY_RATING_NONE);
  g_assert_cmpint (rating_at (one.document, one.action, 2024, 3, 1), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (rating_at (one.document, one.action, 2024, 3, 11), ==, PATHWAY_RATING_GREEN);

  updates = pathway_document_list_updates (one.document, one.action, &error);
  n_with = g_list_model_get_n_items (updates);
  g_assert_cmpuint (n_with, ==, n_before + 2);
  for (guint i = 0; i < n_with; i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);
      GDateTime *recorded = pathway_action_update_get_recorded (update);

      if (recorded == NULL)
        continue;
      found_recorded = TRUE;
      g_assert_cmpint (g_date_time_get_month (pathway_action_update_get_at (update)), ==, 2);
      g_assert_cmpint (g_date_time_get_month (recorded), ==, 4);
    }
  g_assert_true (found_recorded);
  g_clear_object (&updates);

  /* Undo takes the import out of the history, and puts the status back. */
  g_assert_true (pathway_document_undo (one.document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (one.action), !=, PATHWAY_STATUS_DELAYED);
  g_assert_cmpint (rating_at (one.document, one.action, 2024, 3, 1), ==, PATHWAY_RATING_NONE);
  updates = pathway_document_list_updates (one.document, one.action, &error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, n_before);
  g_clear_object (&updates);

  /* And redo brings it back as it was. */
  g_assert_true (pathway_document_redo (one.document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rating_at (one.document, one.action, 2024, 3, 1), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_status (one.action), ==, PATHWAY_STATUS_DELAYED);
  g_object_unref (one.document);
}

/* A change dated before its record was created: the record stood then, so its creation is
 * dated back; its value stays the later one, and "as at" reads the history in between. Undo
 * takes the change out and dates the creation forward again. An action added as at a past day
 * and taken back by undo is absent on every day. */
static void
test_as_at_before_creation (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) december = store_fixture_date (2023, 12, 31);
  g_autoptr(GDate) january = store_fixture_date (2024, 1, 5);
  g_autoptr(GDate) today = store_fixture_date (2024, 3, 1);
  g_autoptr(GArray) states = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  const PathwayActionState *state;
  OneAction one;

  one_action_open (fixture, &one);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_GREEN,
                                              NULL, &error));
  store_fixture_set_day (one.document, 2024, 3, 1);
  g_assert_true (pathway_document_begin_batch (one.document, "December", &error));
  g_assert_true (pathway_document_set_as_at (one.document, december, &error));
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_RED,
                                              "December", &error));
  g_assert_true (pathway_document_commit_batch (one.document, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);
  states = pathway_document_states_as_at (one.document, december, &error);
  state = pathway_action_states_find (states, one.action_id);
  g_assert_nonnull (state);
  g_assert_cmpint (state->rating, ==, PATHWAY_RATING_RED);
  g_value_init (&value, PATHWAY_TYPE_RATING);
  g_assert_true (pathway_document_get_value_as_at (one.document, one.action, "rating", january,
                                                   &value, &error));
  g_assert_cmpint (g_value_get_enum (&value), ==, PATHWAY_RATING_RED);

  g_assert_true (pathway_document_undo (one.document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&states, g_array_unref);
  states = pathway_document_states_as_at (one.document, december, &error);
  g_assert_null (pathway_action_states_find (states, one.action_id));
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_GREEN);

  /* Added as at December, then taken back. */
  pathway_action_set_reference (draft, "2B");
  g_assert_true (pathway_document_begin_batch (one.document, "Add", &error));
  g_assert_true (pathway_document_set_as_at (one.document, december, &error));
  g_assert_true (pathway_document_add_action (one.document, draft, &error));
  g_assert_true (pathway_document_commit_batch (one.document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&states, g_array_unref);
  states = pathway_document_states_as_at (one.document, december, &error);
  g_assert_nonnull (pathway_action_states_find (states, pathway_action_get_id (draft)));
  g_assert_true (pathway_document_undo (one.document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&states, g_array_unref);
  states = pathway_document_states_as_at (one.document, december, &error);
  g_assert_null (pathway_action_states_find (states, pathway_action_get_id (draft)));
  g_clear_pointer (&states, g_array_unref);
  states = pathway_document_states_as_at (one.document, today, &error);
  g_assert_null (pathway_action_states_find (states, pathway_action_get_id (draft)));
  listed = pathway_document_list_as_at (one.document, pathway_kind_lookup ("action"), december,
                                        &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PathwayAction) item = g_list_model_get_item (listed, i);

      g_assert_true (item != draft);
    }
  g_object_unref (one.document);
}

/* Undo ---------------------------------------------------------------------------------- */

static void
test_undo_rating_appends_update (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OneAction one;
  guint n;

  one_action_open (fixture, &one);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_RED,
                                              NULL, &error));
  g_assert_no_error (error);
  store_fixture_set_day (one.document, 2024, 2, 1);
  g_assert_true (pathway_document_set_rating (one.document, one.action, PATHWAY_RATING_AMBER,
                                              "Better", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_can_undo (one.document));
  g_assert_false (pathway_document_get_can_redo (one.document));
  g_assert_nonnull (pathway_document_get_undo_label (one.document));
  n = count_updates (one.document, one.action);

  store_fixture_set_day (one.document, 2024, 2, 2);
  g_assert_true (pathway_document_undo (one.document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_RED);
  g_assert_true (pathway_document_get_can_redo (one.document));
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 1);
  {
    g_autoptr(PathwayActionUpdate) update = last_update (one.document, one.action);
    g_autoptr(GDateTime) now = pathway_document_dup_now (one.document);

    assert_update (update, one.action, PATHWAY_FIELD_RATING, "Priya Shah", now,
                   pathway_rating_to_nick (PATHWAY_RATING_AMBER),
                   pathway_rating_to_nick (PATHWAY_RATING_RED), NULL);
  }

  g_assert_true (pathway_document_redo (one.document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n + 2);
  g_assert_false (pathway_document_get_can_redo (one.document));
  g_assert_true (pathway_document_get_can_undo (one.document));

  /* A new change after an undo leaves nothing to redo. */
  g_assert_true (pathway_document_undo (one.document, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_get_can_redo (one.document));
  g_assert_true (pathway_document_set_status (one.document, one.action,
                                              PATHWAY_STATUS_ON_TRACK, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pathway_document_get_can_redo (one.document));
  n = count_updates (one.document, one.action);

  one_action_reopen (&one);
  g_assert_cmpint (pathway_action_get_rating (one.action), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (pathway_action_get_status (one.action), ==, PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpuint (count_updates (one.document, one.action), ==, n);
  g_assert_false (pathway_document_get_can_undo (one.document));
  g_object_unref (one.document);
}

static gboolean
has_update (PathwayDocument *document, PathwayAction *action, PathwayField field,
            const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == field
          && (note == NULL || g_strcmp0 (pathway_action_update_get_note (update), note) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
test_undo_add_and_delete_action (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(PathwayAction) kept = NULL;
  PathwayAction *added;
  gint64 added_id;
  gint64 kept_id;

  store_fixture_set_day (document, 2024, 1, 10);
  kept = g_object_ref (add_action (document, "1", NULL, PATHWAY_RATING_GREEN,
                                   PATHWAY_STATUS_ON_TRACK, "Kept"));
  kept_id = pathway_action_get_id (kept);
  added = add_action (document, "2", NULL, PATHWAY_RATING_RED, PATHWAY_STATUS_DELAYED, "Added");
  added_id = pathway_action_get_id (added);

  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_null (store_fixture_find_live_action (document, added_id));
  g_assert_nonnull (store_fixture_find_live_action (document, kept_id));
  g_assert_true (pathway_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (store_fixture_find_live_action (document, added_id));
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document,
                                                                               added_id)),
                   ==, PATHWAY_RATING_RED);
  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);

  store_fixture_set_day (document, 2024, 2, 1);
  g_assert_true (pathway_document_delete_action (document, kept, "Duplicate of 3", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_action_get_deleted (kept));
  g_assert_null (store_fixture_find_live_action (document, kept_id));
  g_assert_true (has_update (document, kept, PATHWAY_FIELD_DELETED, "Duplicate of 3"));

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  g_assert_null (store_fixture_find_live_action (document, kept_id));
  g_assert_null (store_fixture_find_live_action (document, added_id));

  /* Undo does not outlive the session; bring the action back in a new one to show that
   * deletion kept the row and its history. */
  g_assert_false (pathway_document_get_can_undo (document));
  g_clear_object (&document);
  document = store_fixture_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 2, 2);
  {
    g_autoptr(PathwayAction) again = g_object_ref (add_action (document, "4", NULL,
                                                               PATHWAY_RATING_NONE,
                                                               PATHWAY_STATUS_NOT_STARTED, ""));

    g_assert_true (pathway_document_delete_action (document, again, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (pathway_document_undo (document, &error));
    g_assert_no_error (error);
    g_assert_nonnull (store_fixture_find_live_action (document, pathway_action_get_id (again)));
    g_assert_false (pathway_action_get_deleted (store_fixture_find_live_action (
      document, pathway_action_get_id (again))));
    g_assert_cmpuint (count_updates (document, again), >=, 3);

    document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
    g_assert_nonnull (store_fixture_find_live_action (document, pathway_action_get_id (again)));
  }
}

static void
test_undo_delete_restores_action (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(PathwayAction) action = NULL;
  PathwayAction *back;
  gint64 id;
  guint n;

  store_fixture_set_day (document, 2024, 1, 10);
  action = g_object_ref (add_action (document, "5", NULL, PATHWAY_RATING_AMBER,
                                     PATHWAY_STATUS_ON_TRACK, "Half way"));
  id = pathway_action_get_id (action);
  g_assert_true (pathway_document_delete_action (document, action, "Not needed", &error));
  g_assert_no_error (error);
  n = count_updates (document, action);
  g_assert_null (store_fixture_find_live_action (document, id));

  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);
  back = store_fixture_find_live_action (document, id);
  g_assert_nonnull (back);
  g_assert_false (pathway_action_get_deleted (back));
  g_assert_cmpint (pathway_action_get_rating (back), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpstr (pathway_action_get_commentary (back), ==, "Half way");
  /* The deletion stays in the history and its undoing is added to it. */
  g_assert_cmpuint (count_updates (document, back), ==, n + 1);
  g_assert_true (has_update (document, back, PATHWAY_FIELD_DELETED, "Not needed"));

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  back = store_fixture_find_live_action (document, id);
  g_assert_nonnull (back);
  g_assert_cmpint (pathway_action_get_rating (back), ==, PATHWAY_RATING_AMBER);
}

static void
test_batch_undoes_as_one_step (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  PathwayAction *a, *b, *c;
  gint64 a_id, b_id, c_id;

  store_fixture_set_day (document, 2024, 1, 10);
  a = add_action (document, "1", NULL, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK, "");
  b = add_action (document, "2", NULL, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK, "");
  a_id = pathway_action_get_id (a);
  b_id = pathway_action_get_id (b);
  g_assert_true (pathway_document_set_rating (document, a, PATHWAY_RATING_GREEN, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pathway_document_begin_batch (document, "Import", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (document, a, PATHWAY_RATING_AMBER, NULL, &error));
  g_assert_true (pathway_document_set_rating (document, b, PATHWAY_RATING_GREEN, NULL, &error));
  g_assert_no_error (error);
  c = add_action (document, "3", NULL, PATHWAY_RATING_GREEN, PATHWAY_STATUS_COMPLETE, "");
  c_id = pathway_action_get_id (c);
  g_assert_true (pathway_document_commit_batch (document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Import");

  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, a_id)),
                   ==, PATHWAY_RATING_GREEN);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, b_id)),
                   ==, PATHWAY_RATING_RED);
  g_assert_null (store_fixture_find_live_action (document, c_id));
  g_assert_true (pathway_document_get_can_undo (document));
  g_assert_cmpstr (pathway_document_get_undo_label (document), !=, "Import");

  g_assert_true (pathway_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, a_id)),
                   ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, b_id)),
                   ==, PATHWAY_RATING_GREEN);
  g_assert_nonnull (store_fixture_find_live_action (document, c_id));

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, a_id)),
                   ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_rating (store_fixture_find_live_action (document, c_id)),
                   ==, PATHWAY_RATING_GREEN);
}

static void
test_rolled_back_batch_leaves_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(GBytes) before = NULL;
  PathwayAction *a;
  gint64 a_id;
  guint n;

  store_fixture_set_day (document, 2024, 1, 10);
  a = add_action (document, "1", NULL, PATHWAY_RATING_RED, PATHWAY_STATUS_ON_TRACK, "Before");
  a_id = pathway_action_get_id (a);
  n = count_updates (document, a);
  before = store_fixture_read_programme (fixture->path);

  g_assert_true (pathway_document_begin_batch (document, "Import", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (document, a, PATHWAY_RATING_GREEN, NULL, &error));
  g_assert_true (pathway_document_set_commentary (document, a, "During", &error));
  g_assert_no_error (error);
  add_action (document, "2", NULL, PATHWAY_RATING_NONE, PATHWAY_STATUS_NOT_STARTED, "");
  pathway_document_rollback_batch (document);

  /* The model is reloaded, so look the action up again. */
  a = store_fixture_find_live_action (document, a_id);
  g_assert_nonnull (a);
  g_assert_cmpint (pathway_action_get_rating (a), ==, PATHWAY_RATING_RED);
  g_assert_cmpstr (pathway_action_get_commentary (a), ==, "Before");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (
                      pathway_document_get_programme (document))), ==, 1);
  g_assert_cmpuint (count_updates (document, a), ==, n);
  store_fixture_assert_programme_unchanged (fixture->path, before);

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  a = store_fixture_find_live_action (document, a_id);
  g_assert_cmpint (pathway_action_get_rating (a), ==, PATHWAY_RATING_RED);
}

/* Read-only ----------------------------------------------------------------------------- */

static void
expect_read_only (gboolean ok, GError **error)
{
  g_assert_false (ok);
  store_fixture_assert_pathway_error (*error, PATHWAY_ERROR_READ_ONLY);
  g_clear_error (error);
}

static void
test_read_only_refuses_every_write (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(PathwayTimescale) timescale = timescale_on ("Dec 24", 2024, 12, 31,
                                                        PATHWAY_PRECISION_MONTH);
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(PathwayProgramme) programme_before = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PathwayProgramme *programme;
  PathwayAction *action;
  PathwayWorkstream *workstream;
  PathwayPerson *person;
  PathwayIndicator *indicator;
  PathwayBoard *board;
  Ids ids = { 0 };

  store_fixture_set_day (document, 2024, 2, 6);
  fill_programme (document, &ids);
  /* An area no workstream is linked to yet, so linking it would be a change. */
  add_area (document, "WSOA3", PATHWAY_FINDING_WEAKNESS, 3);
  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_READ_ONLY);
  before = store_fixture_read_programme (fixture->path);

  g_assert_true (pathway_document_get_read_only (document));
  g_assert_nonnull (pathway_document_get_read_only_reason (document));
  g_assert_cmpstr (pathway_document_get_read_only_reason (document), !=, "");
  programme = pathway_document_get_programme (document);
  programme_before = g_object_ref (programme);
  lists = collect_lists (document);
  action = pathway_programme_find_action (programme, ids.action_id);
  workstream = pathway_programme_find_workstream (programme, ids.workstream_id);
  board = pathway_programme_find_board (programme, ids.board_id);
  indicator = pathway_programme_find_indicator (programme, ids.indicator_id);
  person = pathway_workstream_get_lead (workstream);

  expect_read_only (pathway_document_set_rating (document, action, PATHWAY_RATING_RED, NULL,
                                                 &error), &error);
  expect_read_only (pathway_document_set_status (document, action, PATHWAY_STATUS_COMPLETE,
                                                 NULL, &error), &error);
  expect_read_only (pathway_document_set_commentary (document, action, "No", &error), &error);
  expect_read_only (pathway_document_set_text (document, action, "description", "No", &error),
                    &error);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "No");
  expect_read_only (pathway_document_set_value (document, programme, "name", &value, NULL,
                                                &error), &error);
  expect_read_only (pathway_document_revise_timescale (document, action, timescale, "No", "No",
                                                       NULL, &error), &error);
  {
    g_autoptr(PathwayAreaOfWeakness) draft = pathway_area_of_weakness_new ();

    expect_read_only (pathway_document_add_area (document, draft, &error), &error);
    g_assert_cmpint (pathway_area_of_weakness_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayPerson) draft = pathway_person_new ();

    expect_read_only (pathway_document_add_person (document, draft, &error), &error);
    g_assert_cmpint (pathway_person_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();

    expect_read_only (pathway_document_add_workstream (document, draft, &error), &error);
    g_assert_cmpint (pathway_workstream_get_id (draft), ==, 0);
  }
  expect_read_only (pathway_document_add_member (document, workstream, person, "Member",
                                                 &error), &error);
  {
    g_autoptr(PathwayAreaOfWeakness) other = NULL;
    GListModel *areas = pathway_programme_get_areas (programme);

    other = g_list_model_get_item (areas, g_list_model_get_n_items (areas) - 1);
    expect_read_only (pathway_document_link_area (document, workstream, other, &error), &error);
  }
  {
    g_autoptr(PathwayAction) draft = pathway_action_new ();

    pathway_action_set_reference (draft, "9Z");
    expect_read_only (pathway_document_add_action (document, draft, &error), &error);
    g_assert_cmpint (pathway_action_get_id (draft), ==, 0);
  }
  expect_read_only (pathway_document_delete_action (document, action, NULL, &error), &error);
  g_assert_false (pathway_action_get_deleted (action));
  {
    g_autoptr(PathwayEvidence) draft = pathway_evidence_new ();

    expect_read_only (pathway_document_add_evidence (document, action, draft, &error), &error);
    g_assert_cmpint (pathway_evidence_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayIndicator) draft = pathway_indicator_new ();

    expect_read_only (pathway_document_add_indicator (document, draft, &error), &error);
    g_assert_cmpint (pathway_indicator_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayReading) draft = pathway_reading_new ();
    g_autoptr(GDate) when = store_fixture_date (2024, 1, 31);

    pathway_reading_set_date (draft, when);
    pathway_reading_set_value (draft, 52.0);

    expect_read_only (pathway_document_add_reading (document, indicator, draft, &error), &error);
    g_assert_cmpint (pathway_reading_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayMilestone) draft = pathway_milestone_new ();
    g_autoptr(GDate) when = store_fixture_date (2024, 6, 30);

    pathway_milestone_set_date (draft, when);
    pathway_milestone_set_planned_value (draft, 70.0);

    expect_read_only (pathway_document_add_milestone (document, indicator, draft, &error),
                      &error);
    g_assert_cmpint (pathway_milestone_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayBoard) draft = pathway_board_new ();

    expect_read_only (pathway_document_add_board (document, draft, &error), &error);
    g_assert_cmpint (pathway_board_get_id (draft), ==, 0);
  }
  {
    g_autoptr(PathwayMeeting) draft = pathway_meeting_new ();

    expect_read_only (pathway_document_add_meeting (document, board, draft, &error), &error);
    g_assert_cmpint (pathway_meeting_get_id (draft), ==, 0);
  }
  expect_read_only (pathway_document_begin_batch (document, "Import", &error), &error);
  g_assert_false (pathway_document_get_can_undo (document));

  /* Nothing in the model moved, and nothing in the file. */
  g_assert_true (pathway_document_get_programme (document) == programme_before);
  assert_same_programme (programme_before, programme);
  {
    g_autoptr(GHashTable) again = collect_lists (document);

    assert_same_lists (lists, again);
  }
  pathway_document_close (document);
  store_fixture_assert_programme_unchanged (fixture->path, before);
}

/* Text ---------------------------------------------------------------------------------- */

static const char *const awkward_texts[] = {
  "S<OT & \"SALT\" <b>x</b>",
  "%s%n%d%%",
  "_File",
  "\u202Etxt.exe\u202C and \u200F\u05E9\u05DC\u05D5\u05DD",
  "Tab\there, new line\nthere, CRLF\r\nand a bell \a",
  "</span><span foreground='red'>&amp;",
  "Ofsted's ‘inspection’ — “quoted” 👩🏽‍🏫",
  "'; DROP TABLE action; --",
  "  leading and trailing spaces  ",
};

static char *
make_long_text (void)
{
  GString *text = g_string_new (NULL);
  guint chars = 0;

  /* Many-byte characters too, so no limit counted in bytes passes by luck. */
  while (chars < 100000)
    {
      g_string_append_unichar (text, chars % 7 == 0 ? 0x2014 : 'a' + chars % 26);
      chars++;
    }
  return g_string_free (text, FALSE);
}

static void
test_user_text_round_trips (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autofree char *long_text = make_long_text ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PathwayProgramme *programme = pathway_document_get_programme (document);
  gint64 long_id;

  g_assert_cmpuint (g_utf8_strlen (long_text, -1), ==, 100000);
  store_fixture_set_day (document, 2024, 1, 10);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_texts); i++)
    {
      g_autofree char *reference = g_strdup_printf ("T%u", i);
      PathwayAction *action = add_action (document, reference, NULL, PATHWAY_RATING_NONE,
                                          PATHWAY_STATUS_NOT_STARTED, "");
      gint64 id = pathway_action_get_id (action);

      set_text (document, action, "description", awkward_texts[i]);
      set_text (document, action, "theme", awkward_texts[i]);
      g_assert_true (pathway_document_set_commentary (document, action, awkward_texts[i],
                                                      &error));
      g_assert_no_error (error);
      g_assert_true (pathway_document_set_rating (document, action, PATHWAY_RATING_RED,
                                                  awkward_texts[i], &error));
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  set_text (document, programme, "vision", awkward_texts[3]);
  set_text (document, programme, "name", awkward_texts[0]);

  {
    PathwayAction *action = add_action (document, "Long", NULL, PATHWAY_RATING_NONE,
                                        PATHWAY_STATUS_NOT_STARTED, "");

    long_id = pathway_action_get_id (action);
    g_assert_true (pathway_document_set_commentary (document, action, long_text, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pathway_action_get_commentary (action), ==, long_text);
  }

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  programme = pathway_document_get_programme (document);
  g_assert_cmpstr (pathway_programme_get_vision (programme), ==, awkward_texts[3]);
  g_assert_cmpstr (pathway_programme_get_name (programme), ==, awkward_texts[0]);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_texts); i++)
    {
      PathwayAction *action = pathway_programme_find_action (programme,
                                                             g_array_index (ids, gint64, i));
      g_autoptr(PathwayActionUpdate) update = NULL;

      g_assert_nonnull (action);
      g_assert_cmpstr (pathway_action_get_description (action), ==, awkward_texts[i]);
      g_assert_cmpstr (pathway_action_get_theme (action), ==, awkward_texts[i]);
      g_assert_cmpstr (pathway_action_get_commentary (action), ==, awkward_texts[i]);
      update = last_update (document, action);
      g_assert_cmpstr (pathway_action_update_get_note (update), ==, awkward_texts[i]);
    }
  {
    PathwayAction *action = pathway_programme_find_action (programme, long_id);
    g_autoptr(PathwayActionUpdate) update = last_update (document, action);

    g_assert_cmpstr (pathway_action_get_commentary (action), ==, long_text);
    g_assert_cmpint (pathway_action_update_get_field (update), ==, PATHWAY_FIELD_COMMENTARY);
    g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, long_text);
  }
}

/* Invalid UTF-8 is either repaired or refused; what is stored is always valid. */
static void
assert_repaired_or_refused (gboolean ok, GError **error, const char *stored, const char *given,
                            const char *previous)
{
  if (ok)
    {
      g_autofree char *repaired = g_utf8_make_valid (given, -1);

      g_assert_no_error (*error);
      g_assert_true (g_utf8_validate (stored, -1, NULL));
      g_assert_cmpstr (stored, ==, repaired);
    }
  else
    {
      store_fixture_assert_pathway_error (*error, PATHWAY_ERROR_INVALID);
      g_clear_error (error);
      g_assert_cmpstr (stored, ==, previous);
    }
}

static void
test_invalid_utf8_is_repaired_or_refused (Fixture *fixture, gconstpointer data)
{
  static const char bad[] = "Caf\xe9 \xff\xfe budget \xc3";
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  PathwayAction *action;
  gboolean ok;
  gint64 id;

  g_assert_false (g_utf8_validate (bad, -1, NULL));
  store_fixture_set_day (document, 2024, 1, 10);
  action = add_action (document, "U1", NULL, PATHWAY_RATING_NONE, PATHWAY_STATUS_NOT_STARTED,
                       "Fine");
  id = pathway_action_get_id (action);

  ok = pathway_document_set_text (document, action, "description", bad, &error);
  assert_repaired_or_refused (ok, &error, pathway_action_get_description (action), bad,
                              "Publish the local offer in plain English");
  ok = pathway_document_set_commentary (document, action, bad, &error);
  assert_repaired_or_refused (ok, &error, pathway_action_get_commentary (action), bad, "Fine");
  ok = pathway_document_set_text (document, pathway_document_get_programme (document), "name",
                                  bad, &error);
  assert_repaired_or_refused (ok, &error,
                              pathway_programme_get_name (pathway_document_get_programme (
                                document)), bad, "Northbridge");
  ok = pathway_document_set_rating (document, action, PATHWAY_RATING_AMBER, bad, &error);
  if (ok)
    {
      g_autoptr(PathwayActionUpdate) update = last_update (document, action);

      g_assert_true (g_utf8_validate (pathway_action_update_get_note (update), -1, NULL));
    }
  else
    {
      store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
      g_clear_error (&error);
    }

  document = reopen (g_steal_pointer (&document), PATHWAY_OPEN_DEFAULT);
  action = pathway_programme_find_action (pathway_document_get_programme (document), id);
  g_assert_true (g_utf8_validate (pathway_action_get_description (action), -1, NULL));
  g_assert_true (g_utf8_validate (pathway_action_get_commentary (action), -1, NULL));
  g_assert_true (g_utf8_validate (pathway_programme_get_name (
                                    pathway_document_get_programme (document)), -1, NULL));
  {
    g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
      {
        g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

        g_assert_true (g_utf8_validate (pathway_action_update_get_from_value (update), -1, NULL));
        g_assert_true (g_utf8_validate (pathway_action_update_get_to_value (update), -1, NULL));
        g_assert_true (g_utf8_validate (pathway_action_update_get_note (update), -1, NULL));
      }
  }
}

static void
test_set_value_refuses_unknown_property (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = create_document (fixture);
  g_autoptr(GBytes) before = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PathwayAction *action;

  store_fixture_set_day (document, 2024, 1, 10);
  action = add_action (document, "1", NULL, PATHWAY_RATING_NONE, PATHWAY_STATUS_NOT_STARTED, "");
  before = store_fixture_read_programme (fixture->path);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "x");
  g_assert_false (pathway_document_set_value (document, action, "no-such-property", &value,
                                              NULL, &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pathway_document_set_text (document, action, "no-such-property", "x", &error));
  store_fixture_assert_pathway_error (error, PATHWAY_ERROR_INVALID);
  store_fixture_assert_programme_unchanged (fixture->path, before);
}

/* The monthly update's list: incomplete actions whose rating, status or commentary has not
 * changed since the day, in the plan's order; other edits do not count as an update. */
static void
test_needing_update (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) needing = NULL;
  g_autoptr(GDate) feb1 = store_fixture_date (2024, 2, 1);
  g_autoptr(GDate) feb4 = store_fixture_date (2024, 2, 4);
  g_autoptr(GDate) jan10 = store_fixture_date (2024, 1, 10);
  PathwayAction *actions[6] = { NULL };
  GListModel *list;

  store_fixture_make_programme (fixture->path, 5);
  document = store_fixture_open (fixture->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = pathway_programme_get_actions (pathway_document_get_programme (document));
  for (guint i = 0; i < 5; i++)
    {
      PathwayAction *action = g_list_model_get_item (list, i);

      actions[atoi (pathway_action_get_reference (action))] = action;
      g_object_unref (action);
    }

  store_fixture_set_day (document, 2024, 2, 3);
  g_assert_true (pathway_document_set_rating (document, actions[2], PATHWAY_RATING_AMBER,
                                              NULL, &error));
  g_assert_true (pathway_document_set_commentary (document, actions[3], "Panel met.", &error));
  g_assert_true (pathway_document_set_status (document, actions[4], PATHWAY_STATUS_COMPLETE,
                                              NULL, &error));
  g_assert_true (pathway_document_set_text (document, actions[5], "theme", "Health", &error));
  g_assert_no_error (error);

  needing = pathway_document_list_needing_update (document, feb1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needing->len, ==, 2);
  g_assert_true (g_ptr_array_index (needing, 0) == actions[1]);
  g_assert_true (g_ptr_array_index (needing, 1) == actions[5]);
  g_clear_pointer (&needing, g_ptr_array_unref);

  /* Changes before the day count for nothing; a complete action never needs one. */
  needing = pathway_document_list_needing_update (document, feb4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needing->len, ==, 4);
  g_assert_true (g_ptr_array_index (needing, 0) == actions[1]);
  g_assert_true (g_ptr_array_index (needing, 1) == actions[2]);
  g_assert_true (g_ptr_array_index (needing, 2) == actions[3]);
  g_assert_true (g_ptr_array_index (needing, 3) == actions[5]);
  g_clear_pointer (&needing, g_ptr_array_unref);

  /* An action's creation sets its rating, status and commentary: made that day, it is new. */
  needing = pathway_document_list_needing_update (document, jan10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needing->len, ==, 0);
  g_clear_pointer (&needing, g_ptr_array_unref);

  /* A change undone is no update. */
  g_assert_true (pathway_document_set_rating (document, actions[1], PATHWAY_RATING_RED, NULL,
                                              &error));
  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);
  needing = pathway_document_list_needing_update (document, feb1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needing->len, ==, 2);
  g_assert_true (g_ptr_array_index (needing, 0) == actions[1]);
}

int
main (int argc, char *argv[])
{
  if (store_fixture_server_missing ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create/makes-empty-programme", test_create_makes_empty_programme);
  ADD ("author/defaults-to-user", test_author_defaults_to_user);
  ADD ("round-trip/every-field", test_round_trip_every_field);
  ADD ("history/add-action-records-creation", test_add_action_records_creation);
  ADD ("history/each-write-appends-one-update", test_each_write_appends_one_update);
  ADD ("history/same-value-writes-nothing", test_same_value_writes_nothing);
  ADD ("history/revision-keeps-original-timescale", test_revision_keeps_original_timescale);
  ADD ("history/states-as-at", test_states_as_at);
  ADD ("history/monthly-counts", test_monthly_counts);
  ADD ("history/as-at-dates-batch-changes", test_as_at_dates_batch_changes);
  ADD ("history/as-at-between-later-changes", test_as_at_between_later_changes);
  ADD ("history/as-at-before-creation", test_as_at_before_creation);
  ADD ("history/needing-update", test_needing_update);
  ADD ("undo/rating-appends-update", test_undo_rating_appends_update);
  ADD ("undo/add-and-delete-action", test_undo_add_and_delete_action);
  ADD ("undo/delete-restores-action", test_undo_delete_restores_action);
  ADD ("undo/batch-is-one-step", test_batch_undoes_as_one_step);
  ADD ("batch/rollback-leaves-file", test_rolled_back_batch_leaves_file);
  ADD ("read-only/refuses-every-write", test_read_only_refuses_every_write);
  ADD ("text/round-trips-exactly", test_user_text_round_trips);
  ADD ("text/invalid-utf8-repaired-or-refused", test_invalid_utf8_is_repaired_or_refused);
  ADD ("set-value/refuses-unknown-property", test_set_value_refuses_unknown_property);

#undef ADD

  return g_test_run ();
}
