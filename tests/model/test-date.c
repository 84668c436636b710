/* test-date.c: days as YYYY-MM-DD text. Exactly that shape naming a real day is read, every
 * other way of writing a day is refused (and leaves no date behind), and what is written reads
 * back as the same day. */
#include "pathway-model.h"

static void
assert_day (const GDate *date, int year, int month, int day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
test_reads_a_day (void)
{
  GDate date;

  g_assert_true (pathway_date_parse_iso ("2026-11-18", &date));
  assert_day (&date, 2026, 11, 18);
  g_assert_true (pathway_date_parse_iso ("2024-02-29", &date));
  assert_day (&date, 2024, 2, 29);
  g_assert_true (pathway_date_parse_iso ("0001-01-01", &date));
  assert_day (&date, 1, 1, 1);
}

/* As a person types a day: one digit of month or day, a space either side. */
static void
test_reads_short_forms (void)
{
  static const char *typed[] = { "2026-1-5", "2026-01-5", "2026-1-05", " 2026-1-5", "2026-1-5 " };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *written = NULL;

      g_assert_true (pathway_date_parse_iso (typed[i], &date));
      written = pathway_date_format_iso (&date);
      g_assert_cmpstr (written, ==, "2026-01-05");
    }
}

static void
test_refuses_other_shapes (void)
{
  static const char *refused[] = {
    "", "26-11-18", "2026/11/18", "18-11-2026", "2026-111-18", "2026-11-180", "20261-11-18",
    "2026-11-", "2026--18", "2026-11-18T10:00", "2026-11-18 x", "+026-11-18", "2026-1a-18", "２０２６-11-18",
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-11-00",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      /* A day left from before must not survive a refusal. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      if (pathway_date_parse_iso (refused[i], &date))
        g_error ("“%s” was read as a day", refused[i]);
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (pathway_date_parse_iso (NULL, &date));
  g_assert_false (g_date_valid (&date));
}

static void
test_writes_what_it_reads (void)
{
  static const char *days[] = { "2026-03-04", "1999-12-31", "0005-01-01", "2024-02-29" };
  g_autoptr(GDate) day = g_date_new_dmy (4, G_DATE_MARCH, 2026);
  g_autofree char *written = pathway_date_format_iso (day);
  GDate invalid;

  g_assert_cmpstr (written, ==, "2026-03-04");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;
      g_autofree char *again = NULL;

      g_assert_true (pathway_date_parse_iso (days[i], &date));
      again = pathway_date_format_iso (&date);
      g_assert_cmpstr (again, ==, days[i]);
    }

  g_date_clear (&invalid, 1);
  g_assert_null (pathway_date_format_iso (&invalid));
  g_assert_null (pathway_date_format_iso (NULL));
}

static void
assert_days (const PathwayMeetingRule *rule, const char *after, const char *const *expected)
{
  GDate from;
  g_autoptr (GArray) days = NULL;
  guint n = g_strv_length ((char **) expected);

  g_assert_true (pathway_date_parse_iso (after, &from));
  days = pathway_meeting_rule_next_dates (rule, &from, n);
  g_assert_nonnull (days);
  g_assert_cmpuint (days->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = pathway_date_format_iso (&g_array_index (days, GDate, i));

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

/* A board's rule gives the days it meets, after the day given, not on it. */
static void
test_meeting_rule (void)
{
  PathwayMeetingRule third_wednesday = { G_DATE_WEDNESDAY, 3, 1 };
  PathwayMeetingRule last_tuesday = { G_DATE_TUESDAY, -1, 2 };
  PathwayMeetingRule nonsense = { G_DATE_TUESDAY, 5, 1 };
  g_autofree char *words = pathway_meeting_rule_describe (&third_wednesday);
  GDate day;

  assert_days (&third_wednesday, "2026-12-07",
               (const char *const[]) { "2026-12-16", "2027-01-20", "2027-02-17", NULL });
  /* On the day itself: that meeting is not "next". */
  assert_days (&third_wednesday, "2026-12-16",
               (const char *const[]) { "2027-01-20", NULL });
  assert_days (&last_tuesday, "2026-12-07",
               (const char *const[]) { "2026-12-29", "2027-02-23", "2027-04-27", NULL });
  g_assert_cmpstr (words, ==, "the third Wednesday of every month");
  g_assert_true (pathway_date_parse_iso ("2026-12-07", &day));
  g_assert_null (pathway_meeting_rule_next_dates (&nonsense, &day, 2));
}

static void
test_last_month_end (void)
{
  GDate today, end;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (pathway_date_parse_iso ("2026-12-07", &today));
  pathway_date_last_month_end (&today, &end);
  first = pathway_date_format_iso (&end);
  g_assert_cmpstr (first, ==, "2026-11-30");
  g_assert_true (pathway_date_parse_iso ("2027-01-01", &today));
  pathway_date_last_month_end (&today, &end);
  second = pathway_date_format_iso (&end);
  g_assert_cmpstr (second, ==, "2026-12-31");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/date/reads-a-day", test_reads_a_day);
  g_test_add_func ("/model/date/reads-short-forms", test_reads_short_forms);
  g_test_add_func ("/model/date/refuses-other-shapes", test_refuses_other_shapes);
  g_test_add_func ("/model/date/writes-what-it-reads", test_writes_what_it_reads);
  g_test_add_func ("/model/date/meeting-rule", test_meeting_rule);
  g_test_add_func ("/model/date/last-month-end", test_last_month_end);

  return g_test_run ();
}
