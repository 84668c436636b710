/* test-meeting.c: what the document says about a board's meetings. The previous meeting is
 * the same board's latest one dated before (of two on one day, the one added last; an undated
 * meeting counts as today's); the actions a meeting reviews are the red, amber and overdue
 * ones and those whose rating differs from the previous meeting's, in the plan's order,
 * without deleted ones; the "you said, we did" entries a meeting hears are those after the
 * previous meeting up to its day, oldest first, or the latest few at a board's first meeting
 * or when nothing is new, never a retired one; a state is found in an "as at" array by its action's id; a meeting's
 * record is the re-ratings, notes and decisions made while it was set, oldest first; and its
 * summary is written and read back without losing what a person wrote. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <string.h>

#include "pathway-meeting-record.h"
#include "pg-test-util.h"
#include "store-fixture.h"

typedef struct {
  char *dir;
  PathwayDocument *document;
  PathwayBoard *board;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = store_fixture_make_dir ();
  path = g_build_filename (f->dir, "programme.pathway", NULL);
  f->document = store_fixture_create (path, "Northbridge", &error);
  g_assert_no_error (error);
  store_fixture_set_day (f->document, 2026, 1, 10);

  f->board = pathway_board_new ();
  pathway_board_set_name (f->board, "SEND Improvement Board");
  g_assert_true (pathway_document_add_board (f->document, f->board, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->board);
  store_fixture_check_server (f->document);
  store_fixture_forget_servers ();
  pathway_document_close (f->document);
  g_clear_object (&f->document);
  store_fixture_remove_dir (f->dir);
  g_free (f->dir);
}

/* A meeting of 'board' on that day (year 0: undated). */
static PathwayMeeting *
add_meeting (Fixture *f, PathwayBoard *board, int year, int month, int day)
{
  g_autoptr(PathwayMeeting) draft = pathway_meeting_new ();
  g_autoptr(GError) error = NULL;

  if (year > 0)
    {
      g_autoptr(GDate) date = store_fixture_date (year, month, day);

      pathway_meeting_set_date (draft, date);
    }
  g_assert_true (pathway_document_add_meeting (f->document, board, draft, &error));
  g_assert_no_error (error);
  return draft; /* the board keeps it */
}

static PathwayWorkstream *
add_workstream (Fixture *f, const char *code)
{
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
  g_autoptr(GError) error = NULL;

  pathway_workstream_set_code (draft, code);
  pathway_workstream_set_title (draft, code);
  g_assert_true (pathway_document_add_workstream (f->document, draft, &error));
  g_assert_no_error (error);
  return draft; /* the programme keeps it */
}

static PathwayAction *
add_action (Fixture *f, const char *reference, PathwayWorkstream *workstream,
            PathwayRating rating, const char *timescale)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(GError) error = NULL;

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, "Publish the local offer in plain English");
  pathway_action_set_workstream (draft, workstream);
  pathway_action_set_rating (draft, rating);
  if (timescale != NULL)
    {
      g_autoptr(PathwayTimescale) due = pathway_timescale_parse (timescale);

      pathway_action_set_original_timescale (draft, due);
    }
  g_assert_true (pathway_document_add_action (f->document, draft, &error));
  g_assert_no_error (error);
  return draft; /* the programme keeps it */
}

static void
rate (Fixture *f, PathwayAction *action, PathwayRating rating, int year, int month, int day)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_day (f->document, year, month, day);
  g_assert_true (pathway_document_set_rating (f->document, action, rating, NULL, &error));
  g_assert_no_error (error);
}

/* Previous meeting --------------------------------------------------------------------------- */

static void
test_previous_meeting (Fixture *f, gconstpointer data)
{
  g_autoptr(PathwayBoard) other = pathway_board_new ();
  g_autoptr(GError) error = NULL;
  PathwayMeeting *march, *january, *february, *february_again, *elsewhere, *undated;

  pathway_board_set_name (other, "Health sub-group");
  g_assert_true (pathway_document_add_board (f->document, other, &error));
  g_assert_no_error (error);

  /* Added out of order, as a secretary catches up. */
  march = add_meeting (f, f->board, 2026, 3, 4);
  january = add_meeting (f, f->board, 2026, 1, 14);
  february = add_meeting (f, f->board, 2026, 2, 11);
  elsewhere = add_meeting (f, other, 2026, 2, 25);

  g_assert_true (pathway_document_previous_meeting (f->document, march) == february);
  g_assert_true (pathway_document_previous_meeting (f->document, february) == january);
  g_assert_null (pathway_document_previous_meeting (f->document, january));
  /* Another board's meetings are not this board's. */
  g_assert_null (pathway_document_previous_meeting (f->document, elsewhere));

  /* Of two on the same day, the one added last. */
  february_again = add_meeting (f, f->board, 2026, 2, 11);
  g_assert_true (pathway_document_previous_meeting (f->document, march) == february_again);
  /* Neither is before the other. */
  g_assert_true (pathway_document_previous_meeting (f->document, february) == january);
  g_assert_true (pathway_document_previous_meeting (f->document, february_again) == january);

  /* An undated meeting is taken as today's, by the document's clock. */
  undated = add_meeting (f, f->board, 0, 0, 0);
  store_fixture_set_day (f->document, 2026, 2, 20);
  g_assert_true (pathway_document_previous_meeting (f->document, undated) == february_again);
  store_fixture_set_day (f->document, 2026, 1, 1);
  g_assert_null (pathway_document_previous_meeting (f->document, undated));
  /* ... and is never anyone's previous meeting. */
  store_fixture_set_day (f->document, 2026, 6, 1);
  g_assert_true (pathway_document_previous_meeting (f->document, march) == february_again);
}

/* What a meeting reviews ---------------------------------------------------------------------- */

/* What 'meeting' reviews on 'today' (NULL: the document's clock), as references. */
static void
assert_presented (Fixture *f, PathwayMeeting *meeting, const GDate *today,
                  const char *const *expected)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *wanted = g_strjoinv (", ", (char **) expected);

  actions = pathway_document_actions_to_present (f->document, meeting, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (got, "%s%s", i > 0 ? ", " : "",
                              pathway_action_get_reference (action));
    }
  g_assert_cmpstr (got->str, ==, wanted);
}

static void
test_actions_to_present (Fixture *f, gconstpointer data)
{
  PathwayWorkstream *ws10 = add_workstream (f, "WS10");
  PathwayWorkstream *ws2 = add_workstream (f, "WS2");
  PathwayMeeting *meeting, *first;
  PathwayAction *gone, *back;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = store_fixture_date (2026, 3, 4);
  static const char *const expected[] = { "1A ii", "1A x", "2", "3", "1A i", "5", NULL };
  static const char *const without[] = { "1A ii", "1A x", "2", "1A i", "5", NULL };

  /* Made on 10 January 2026. */
  add_action (f, "1A i", ws10, PATHWAY_RATING_RED, NULL);
  add_action (f, "1A x", ws2, PATHWAY_RATING_AMBER, NULL);
  add_action (f, "1A ii", ws2, PATHWAY_RATING_AMBER, NULL);
  add_action (f, "2", ws2, PATHWAY_RATING_GREEN, "December 2025");  /* overdue */
  back = add_action (f, "3", ws2, PATHWAY_RATING_AMBER, "2027");    /* re-rated later */
  add_action (f, "4", ws2, PATHWAY_RATING_GREEN, "2027");           /* as it was */
  add_action (f, "5", NULL, PATHWAY_RATING_RED, NULL);              /* no workstream */
  gone = add_action (f, "6", ws2, PATHWAY_RATING_RED, NULL);
  {
    /* Green at the previous meeting, amber between, green again now: no change to review. */
    PathwayAction *again = add_action (f, "7", ws2, PATHWAY_RATING_GREEN, "2027");

    rate (f, again, PATHWAY_RATING_AMBER, 2026, 2, 12);
    rate (f, again, PATHWAY_RATING_GREEN, 2026, 2, 20);
  }
  g_assert_true (pathway_document_delete_action (f->document, gone, NULL, &error));
  g_assert_no_error (error);

  first = add_meeting (f, f->board, 2026, 2, 11);
  meeting = add_meeting (f, f->board, 2026, 3, 4);
  rate (f, back, PATHWAY_RATING_GREEN, 2026, 2, 20);
  /* New since the previous meeting, and green: nothing to compare with. */
  add_action (f, "8", ws2, PATHWAY_RATING_GREEN, "2027");

  assert_presented (f, meeting, today, expected);
  /* Without a meeting nothing counts as re-rated; at the board's first meeting, likewise. */
  assert_presented (f, NULL, today, without);
  assert_presented (f, first, today, without);
}

/* Overdue is judged on the day given, else on the document's clock. */
static void
test_actions_to_present_overdue_by_day (Fixture *f, gconstpointer data)
{
  PathwayWorkstream *ws = add_workstream (f, "A");
  PathwayMeeting *meeting = add_meeting (f, f->board, 2026, 3, 4);
  g_autoptr(GDate) before_due = store_fixture_date (2025, 11, 30);
  static const char *const none[] = { NULL };
  static const char *const due[] = { "1", NULL };

  add_action (f, "1", ws, PATHWAY_RATING_GREEN, "December 2025");
  assert_presented (f, meeting, before_due, none);
  store_fixture_set_day (f->document, 2026, 3, 4);
  assert_presented (f, meeting, NULL, due);
}

/* What a meeting hears of "you said, we did" ---------------------------------------------------- */

static PathwayCoproduction *
add_entry (Fixture *f, const char *date, const char *said)
{
  const char *fields[] = { "date", "said", NULL };
  const char *values[] = { date, said, NULL };
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

  g_assert_true (pathway_document_add_fields (f->document, pathway_kind_lookup ("coproduction"),
                                              fields, values, &record, &error));
  g_assert_no_error (error);
  g_object_unref (record); /* the programme keeps it */
  return record;
}

static PathwayCoproduction *
entry_said (Fixture *f, const char *said)
{
  GListModel *entries = pathway_programme_get_coproduction (
    pathway_document_get_programme (f->document));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (pathway_coproduction_get_said (entry), said))
        return entry; /* the programme keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

/* What 'meeting' hears, as what was said, and the day they follow. */
static void
assert_heard (Fixture *f, PathwayMeeting *meeting, const char *expected, const char *since)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  GDate after;

  entries = pathway_document_coproduction_to_present (f->document, meeting, NULL, &after);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (got, "%s%s", i > 0 ? ", " : "",
                              pathway_coproduction_get_said (entry));
    }
  g_assert_cmpstr (got->str, ==, expected);
  if (since == NULL)
    g_assert_false (g_date_valid (&after));
  else
    {
      g_autofree char *day = pathway_date_format_iso (&after);

      g_assert_cmpstr (day, ==, since);
    }
}

static void
test_coproduction_to_present (Fixture *f, gconstpointer data)
{
  PathwayMeeting *first = add_meeting (f, f->board, 2026, 2, 11);
  PathwayMeeting *second = add_meeting (f, f->board, 2026, 4, 15);
  PathwayMeeting *third = add_meeting (f, f->board, 2026, 4, 30);
  PathwayCoproduction *retired;
  g_autoptr(GError) error = NULL;

  add_entry (f, "2026-04-15", "on the day");
  add_entry (f, "2026-02-11", "at the first meeting");
  add_entry (f, "2026-03-02", "between");
  add_entry (f, "2026-04-16", "after");
  retired = add_entry (f, "2026-03-20", "retired");
  g_assert_true (pathway_document_retire (f->document, retired, NULL, &error));
  g_assert_no_error (error);
  for (int i = 1; i <= 7; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-0%d-01", i);
      g_autofree char *said = g_strdup_printf ("2025 %d", i);

      add_entry (f, date, said);
    }

  /* After the meeting before, up to the meeting's day, oldest first. */
  assert_heard (f, second, "between, on the day", "2026-02-11");
  /* A board's first meeting: the latest few up to its day. */
  assert_heard (f, first, "2025 4, 2025 5, 2025 6, 2025 7, at the first meeting", NULL);
  /* Nothing new since the meeting before: the latest few, not as new. */
  g_assert_true (pathway_document_retire (f->document, entry_said (f, "after"), NULL, &error));
  g_assert_no_error (error);
  assert_heard (f, third, "2025 6, 2025 7, at the first meeting, between, on the day", NULL);
  /* Without a meeting: up to today (10 January 2026), the latest few. */
  assert_heard (f, NULL, "2025 3, 2025 4, 2025 5, 2025 6, 2025 7", NULL);
}

/* States as at a day --------------------------------------------------------------------------- */

static void
test_states_find (Fixture *f, gconstpointer data)
{
  PathwayWorkstream *ws = add_workstream (f, "A");
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  g_autoptr(GDate) day = store_fixture_date (2026, 1, 10);
  g_autoptr(GDate) before = store_fixture_date (2026, 1, 9);
  g_autoptr(GArray) states = NULL;
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id = 0;

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *reference = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (actions, add_action (f, reference, ws, i % 3 + 1, NULL));
    }
  states = pathway_document_states_as_at (f->document, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      PathwayAction *action = actions->pdata[i];
      const PathwayActionState *state =
        pathway_action_states_find (states, pathway_action_get_id (action));

      g_assert_nonnull (state);
      g_assert_cmpint (state->action_id, ==, pathway_action_get_id (action));
      g_assert_cmpint (state->rating, ==, pathway_action_get_rating (action));
      last_id = MAX (last_id, state->action_id);
    }
  g_assert_null (pathway_action_states_find (states, 0));
  g_assert_null (pathway_action_states_find (states, last_id + 1));

  /* Before anything was made there are no states to find. */
  empty = pathway_document_states_as_at (f->document, before, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_null (pathway_action_states_find (empty, pathway_action_get_id (actions->pdata[0])));
}

/* The meeting's record ------------------------------------------------------------------------- */

static void
test_record_collects_meeting_updates (Fixture *f, gconstpointer data)
{
  PathwayWorkstream *ws = add_workstream (f, "A");
  PathwayAction *first = add_action (f, "1B vi", ws, PATHWAY_RATING_AMBER, NULL);
  PathwayAction *second = add_action (f, "2A i", ws, PATHWAY_RATING_GREEN, NULL);
  PathwayMeeting *meeting = add_meeting (f, f->board, 2026, 3, 4);
  PathwayRatingScheme *scheme =
    pathway_programme_get_rating_scheme (pathway_document_get_programme (f->document));
  g_autoptr(GPtrArray) general =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  PathwayRecordEntry *entry;

  /* Before the meeting: not its record. */
  rate (f, second, PATHWAY_RATING_AMBER, 2026, 3, 1);

  store_fixture_set_day (f->document, 2026, 3, 4);
  pathway_document_set_meeting (f->document, meeting);
  g_assert_true (pathway_document_set_rating (f->document, first, PATHWAY_RATING_RED,
                                              "Not on track", &error));
  g_assert_true (pathway_document_set_commentary (f->document, first, "Recovery plan due",
                                                  &error));
  g_assert_true (pathway_document_add_note (f->document, second, "decision",
                                            "Escalate to the ICB", &error));
  g_assert_true (pathway_document_add_note (f->document, first, "note", "Ask for the data",
                                            &error));
  g_assert_no_error (error);
  pathway_document_set_meeting (f->document, NULL);
  /* After it: not its record either. */
  rate (f, second, PATHWAY_RATING_GREEN, 2026, 3, 5);

  g_ptr_array_add (general, pathway_record_entry_new (PATHWAY_RECORD_DECISION, NULL,
                                                      "Next meeting moved to May"));
  entries = pathway_record_collect (f->document, meeting, general, &error);
  g_assert_no_error (error);
  /* The commentary is history, not a decision of the board. */
  g_assert_cmpuint (entries->len, ==, 4);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->kind, ==, PATHWAY_RECORD_RERATING);
  g_assert_cmpstr (entry->reference, ==, "1B vi");
  g_assert_cmpint (entry->from, ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (entry->to, ==, PATHWAY_RATING_RED);
  g_assert_cmpstr (entry->text, ==, "Not on track");
  entry = entries->pdata[1];
  g_assert_cmpint (entry->kind, ==, PATHWAY_RECORD_DECISION);
  g_assert_cmpstr (entry->reference, ==, "2A i");
  entry = entries->pdata[2];
  g_assert_cmpint (entry->kind, ==, PATHWAY_RECORD_NOTE);
  g_assert_cmpstr (entry->text, ==, "Ask for the data");
  /* The meeting's own entries come last, as copies. */
  entry = entries->pdata[3];
  g_assert_true (entry != general->pdata[0]);
  g_assert_null (entry->reference);
  g_assert_cmpstr (entry->text, ==, "Next meeting moved to May");

  summary = pathway_record_format_summary (NULL, entries, scheme);
  g_assert_cmpstr (summary, ==,
                   "Re-ratings\n- 1B vi: Amber → Red. Not on track\n"
                   "Notes\n- 1B vi: Ask for the data\n"
                   "Decisions\n- 2A i: Escalate to the ICB\n- Next meeting moved to May");

  /* A meeting not yet in the file has no updates, only what it is given. */
  {
    g_autoptr(PathwayMeeting) draft = pathway_meeting_new ();
    g_autoptr(GPtrArray) none = pathway_record_collect (f->document, draft, general, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 1);
  }
}

/* The summary's text, made and read back; what a person wrote is never dropped. */
static void
test_summary_text (Fixture *f, gconstpointer data)
{
  PathwayRatingScheme *scheme =
    pathway_programme_get_rating_scheme (pathway_document_get_programme (f->document));
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
  g_autoptr(GPtrArray) actions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
  g_autoptr(GPtrArray) general =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
  const char *hand = "Attendance: all partners.\nNotes\nThe chair thanked the forum.";
  g_autofree char *prior = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  PathwayRecordEntry *rerating;

  /* A summary written by hand, even with a line that looks like a heading, stays whole. */
  pathway_record_parse_summary (hand, NULL, scheme, &prior, general);
  g_assert_cmpstr (prior, ==, hand);
  g_assert_cmpuint (general->len, ==, 0);
  g_clear_pointer (&prior, g_free);

  rerating = pathway_record_entry_new (PATHWAY_RECORD_RERATING, "1B vi", "Not on track");
  rerating->from = PATHWAY_RATING_AMBER;
  rerating->to = PATHWAY_RATING_RED;
  g_ptr_array_add (entries, rerating);
  g_ptr_array_add (entries, pathway_record_entry_new (PATHWAY_RECORD_DECISION, NULL,
                                                      "Deep dive in January"));
  text = pathway_record_format_summary ("Apologies from the ICB.", entries, scheme);
  g_assert_cmpstr (text, ==,
                   "Apologies from the ICB.\n\nRe-ratings\n- 1B vi: Amber → Red. Not on track\n"
                   "Decisions\n- Deep dive in January");

  /* Read back: the re-rating is one the updates give again; the decision is the meeting's. */
  rerating = pathway_record_entry_new (PATHWAY_RECORD_RERATING, "1B vi", "Not on track");
  rerating->from = PATHWAY_RATING_AMBER;
  rerating->to = PATHWAY_RATING_RED;
  g_ptr_array_add (actions, rerating);
  pathway_record_parse_summary (text, actions, scheme, &prior, general);
  g_assert_cmpstr (prior, ==, "Apologies from the ICB.");
  g_assert_cmpuint (general->len, ==, 1);
  g_assert_cmpint (((PathwayRecordEntry *) g_ptr_array_index (general, 0))->kind, ==,
                   PATHWAY_RECORD_DECISION);
  g_assert_null (((PathwayRecordEntry *) g_ptr_array_index (general, 0))->reference);
  g_ptr_array_add (actions, g_ptr_array_steal_index (general, 0));
  again = pathway_record_format_summary (prior, actions, scheme);
  g_assert_cmpstr (again, ==, text);

  /* Text added among the sections since is kept too. */
  g_clear_pointer (&prior, g_free);
  {
    g_autofree char *edited = g_strconcat (text, "\nAgreed by the chair.", NULL);

    pathway_record_parse_summary (edited, actions, scheme, &prior, general);
    g_assert_cmpstr (prior, ==, "Apologies from the ICB.\n\nAgreed by the chair.");
  }
}

int
main (int argc, char *argv[])
{
  if (store_fixture_server_missing ())
    return pathway_test_pg_skip_all ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/store/meeting/previous-meeting", test_previous_meeting);
  ADD ("/store/meeting/actions-to-present", test_actions_to_present);
  ADD ("/store/meeting/actions-to-present-overdue-by-day", test_actions_to_present_overdue_by_day);
  ADD ("/store/meeting/coproduction-to-present", test_coproduction_to_present);
  ADD ("/store/meeting/states-find", test_states_find);
  ADD ("/store/meeting/record-collects-meeting-updates", test_record_collects_meeting_updates);
  ADD ("/store/meeting/summary-text", test_summary_text);

#undef ADD

  return g_test_run ();
}
