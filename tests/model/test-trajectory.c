/* test-trajectory.c: an indicator against its planned trajectory, with no file. The value
 * expected on a day lies on the straight line between the milestones either side of it, or between
 * the baseline and the target where there are none; a reading at or ahead of that line is on
 * trajectory even while it misses the final target, and one worse is behind by a gap written in
 * points or the unit; a reading that meets the target says so; a reading older than three months
 * and than twice the usual interval is stale; and an indicator with no reading, no target or no
 * line says that. */
#include <math.h>
#include <string.h>

#include "pathway-model.h"

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static PathwayIndicator *
make_indicator (PathwayUnit unit, PathwayDirection direction, double baseline, double target)
{
  PathwayIndicator *indicator = pathway_indicator_new ();
  GDate baseline_date = day (2025, 3, 31);
  GDate target_date = day (2027, 3, 31);

  pathway_indicator_set_name (indicator, "Test indicator");
  pathway_indicator_set_unit (indicator, unit);
  pathway_indicator_set_direction (indicator, direction);
  pathway_indicator_set_baseline_value (indicator, baseline);
  pathway_indicator_set_baseline_date (indicator, &baseline_date);
  pathway_indicator_set_target_value (indicator, target);
  pathway_indicator_set_target_date (indicator, &target_date);
  return indicator;
}

static void
add_milestone (GListStore *store, int year, int month, int d, double value)
{
  g_autoptr(PathwayMilestone) milestone = pathway_milestone_new ();
  GDate date = day (year, month, d);

  pathway_milestone_set_date (milestone, &date);
  pathway_milestone_set_planned_value (milestone, value);
  g_list_store_append (store, milestone);
}

static void
add_reading (GListStore *store, int year, int month, int d, double value)
{
  g_autoptr(PathwayReading) reading = pathway_reading_new ();
  GDate date = day (year, month, d);

  pathway_reading_set_date (reading, &date);
  pathway_reading_set_value (reading, value);
  g_list_store_append (store, reading);
}

/* The status on a day with one reading, and its words. */
static char *
status_with_reading (PathwayIndicator *indicator, GListModel *milestones, const GDate *reading_day,
                     double value, const GDate *date, PathwayTrajectoryStatus *status)
{
  g_autoptr(GListStore) readings = g_list_store_new (PATHWAY_TYPE_READING);
  g_autoptr(PathwayReading) reading = pathway_reading_new ();
  g_auto(PathwayTrajectory) trajectory = { 0 };

  pathway_reading_set_date (reading, reading_day);
  pathway_reading_set_value (reading, value);
  g_list_store_append (readings, reading);
  pathway_trajectory_init (&trajectory, indicator, G_LIST_MODEL (readings), milestones, date);
  g_assert_true (trajectory.reading == reading);
  *status = trajectory.status;
  return pathway_trajectory_describe (&trajectory, indicator);
}

static void
test_between_milestones (void)
{
  g_autoptr(PathwayIndicator) indicator =
    make_indicator (PATHWAY_UNIT_PERCENT, PATHWAY_DIRECTION_HIGHER_IS_BETTER, 20, 80);
  g_autoptr(GListStore) milestones = g_list_store_new (PATHWAY_TYPE_MILESTONE);
  GDate date;

  /* Out of order: the line is drawn by date. */
  add_milestone (milestones, 2026, 9, 30, 60);
  add_milestone (milestones, 2026, 3, 31, 40);

  /* Between the two milestones: 91 of their 183 days. */
  date = day (2026, 6, 30);
  g_assert_cmpfloat_with_epsilon (pathway_trajectory_expected_value (indicator,
                                                                     G_LIST_MODEL (milestones),
                                                                     &date),
                                  40 + 20 * 91.0 / 183.0, 1e-9);
  /* On a milestone's day, its value. */
  date = day (2026, 3, 31);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (indicator, G_LIST_MODEL (milestones), &date), 40, 1e-9);
  /* Before the first milestone: from the baseline to it (365 days, 184 of them gone). */
  date = day (2025, 9, 30);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (indicator, G_LIST_MODEL (milestones), &date),
    20 + 20 * 183.0 / 365.0, 1e-9);
  /* After the last milestone: from it to the target (182 days, 92 of them gone). */
  date = day (2026, 12, 31);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (indicator, G_LIST_MODEL (milestones), &date),
    60 + 20 * 92.0 / 182.0, 1e-9);
  /* After the target date the target holds; before the baseline nothing is expected. */
  date = day (2027, 6, 30);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (indicator, G_LIST_MODEL (milestones), &date), 80, 1e-9);
  date = day (2025, 1, 31);
  g_assert_true (isnan (pathway_trajectory_expected_value (indicator, G_LIST_MODEL (milestones),
                                                           &date)));
}

static void
test_baseline_to_target (void)
{
  g_autoptr(PathwayIndicator) indicator =
    make_indicator (PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13);
  g_autoptr(GListStore) none = g_list_store_new (PATHWAY_TYPE_MILESTONE);
  GDate date = day (2026, 3, 31);

  /* Halfway in time (365 of 730 days), halfway in value. */
  g_assert_cmpfloat_with_epsilon (pathway_trajectory_expected_value (indicator, NULL, &date),
                                  37, 1e-9);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (indicator, G_LIST_MODEL (none), &date), 37, 1e-9);

  /* Without a target date the line has no end: a baseline alone plans nothing. */
  pathway_indicator_set_target_date (indicator, NULL);
  g_assert_true (isnan (pathway_trajectory_expected_value (indicator, NULL, &date)));
}

/* Lower is better: a wait shorter than the line's is on trajectory though it misses the
 * target; a longer one is behind, by weeks. Higher is better the other way, by points. */
static void
test_ahead_and_behind (void)
{
  g_autoptr(PathwayIndicator) wait =
    make_indicator (PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13);
  g_autoptr(PathwayIndicator) share =
    make_indicator (PATHWAY_UNIT_PERCENT, PATHWAY_DIRECTION_HIGHER_IS_BETTER, 20, 80);
  g_autoptr(GListStore) milestones = g_list_store_new (PATHWAY_TYPE_MILESTONE);
  GDate reading_day = day (2026, 2, 28);
  GDate date = day (2026, 3, 31);
  PathwayTrajectoryStatus status;
  char *words;

  /* Expected 37 weeks on the day. */
  words = status_with_reading (wait, NULL, &reading_day, 35, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_ON_TRAJECTORY);
  g_assert_cmpstr (words, ==, "On trajectory");
  g_free (words);
  words = status_with_reading (wait, NULL, &reading_day, 37, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_ON_TRAJECTORY);
  g_free (words);
  words = status_with_reading (wait, NULL, &reading_day, 40, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_BEHIND);
  g_assert_cmpstr (words, ==, "Behind trajectory by 3 weeks");
  g_free (words);
  words = status_with_reading (wait, NULL, &reading_day, 38, &date, &status);
  g_assert_cmpstr (words, ==, "Behind trajectory by 1 week");
  g_free (words);

  /* Expected 50% on the day, half way from the milestone of 40% to the next of 60%. */
  add_milestone (milestones, 2026, 1, 31, 40);
  add_milestone (milestones, 2026, 5, 1, 60);
  date = day (2026, 3, 17);
  g_assert_cmpfloat_with_epsilon (
    pathway_trajectory_expected_value (share, G_LIST_MODEL (milestones), &date), 50, 1e-9);
  words = status_with_reading (share, G_LIST_MODEL (milestones), &reading_day, 45.9, &date,
                               &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_BEHIND);
  g_assert_cmpstr (words, ==, "Behind trajectory by 4.1 points");
  g_free (words);
  words = status_with_reading (share, G_LIST_MODEL (milestones), &reading_day, 52, &date,
                               &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_ON_TRAJECTORY);
  g_free (words);
  /* Short of the line by less than the tenth the figures are written in is on it. */
  words = status_with_reading (share, G_LIST_MODEL (milestones), &reading_day, 49.96, &date,
                               &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_ON_TRAJECTORY);
  g_free (words);
}

/* A count is behind by whole numbers, with no unit. */
static void
test_count_words (void)
{
  g_autoptr(PathwayIndicator) backlog =
    make_indicator (PATHWAY_UNIT_COUNT, PATHWAY_DIRECTION_LOWER_IS_BETTER, 412, 20);
  GDate reading_day = day (2026, 3, 31);
  PathwayTrajectoryStatus status;
  g_autofree char *words = NULL;

  /* Expected 216 on the day. */
  words = status_with_reading (backlog, NULL, &reading_day, 227.6, &reading_day, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_BEHIND);
  g_assert_cmpstr (words, ==, "Behind trajectory by 12");
}

static void
test_target_met (void)
{
  g_autoptr(PathwayIndicator) wait =
    make_indicator (PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13);
  GDate reading_day = day (2026, 2, 28);
  GDate date = day (2026, 3, 31);
  PathwayTrajectoryStatus status;
  char *words;

  /* Met long before the target date, and exactly met. */
  words = status_with_reading (wait, NULL, &reading_day, 12, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_TARGET_MET);
  g_assert_cmpstr (words, ==, "Target met");
  g_free (words);
  words = status_with_reading (wait, NULL, &reading_day, 13, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_TARGET_MET);
  g_free (words);
}

static void
test_stale_reading (void)
{
  g_autoptr(PathwayIndicator) wait =
    make_indicator (PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13);
  g_autoptr(GListStore) readings = g_list_store_new (PATHWAY_TYPE_READING);
  GDate date = day (2026, 11, 18);
  PathwayTrajectoryStatus status;
  char *words;

  /* Monthly readings up to June: nothing for over four months. */
  for (int month = 1; month <= 6; month++)
    add_reading (readings, 2026, month, 28, 40 - month);
  {
    g_auto(PathwayTrajectory) trajectory = { 0 };

    pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (readings), NULL, &date);
    g_assert_cmpint (trajectory.status, ==, PATHWAY_TRAJECTORY_STALE);
    g_assert_cmpfloat (pathway_reading_get_value (trajectory.reading), ==, 34);
    words = pathway_trajectory_describe (&trajectory, wait);
    g_assert_cmpstr (words, ==, "No reading since June 2026");
    g_free (words);
    g_assert_true (pathway_trajectory_needs_attention (&trajectory));
    g_assert_false (pathway_trajectory_is_good (&trajectory));
  }
  /* Up to August: under three months old, so a figure or two late is not yet stale... */
  add_reading (readings, 2026, 7, 28, 33);
  add_reading (readings, 2026, 8, 28, 32);
  {
    g_auto(PathwayTrajectory) trajectory = { 0 };

    pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (readings), NULL, &date);
    g_assert_cmpint (trajectory.status, !=, PATHWAY_TRAJECTORY_STALE);
    g_assert_cmpfloat (pathway_reading_get_value (trajectory.reading), ==, 32);
  }
  /* ...but is after three months. */
  date = day (2026, 11, 29);
  {
    g_auto(PathwayTrajectory) trajectory = { 0 };

    pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (readings), NULL, &date);
    g_assert_cmpint (trajectory.status, ==, PATHWAY_TRAJECTORY_STALE);
  }

  /* Quarterly readings: four months since the last is less than two quarters; six and a bit
   * is more. */
  {
    g_autoptr(GListStore) quarterly = g_list_store_new (PATHWAY_TYPE_READING);

    add_reading (quarterly, 2026, 3, 31, 40);
    add_reading (quarterly, 2025, 12, 31, 45);
    add_reading (quarterly, 2026, 6, 30, 35);
    date = day (2026, 10, 31);
    {
      g_auto(PathwayTrajectory) trajectory = { 0 };

      pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (quarterly), NULL, &date);
      g_assert_cmpint (trajectory.status, !=, PATHWAY_TRAJECTORY_STALE);
    }
    date = day (2027, 1, 5);
    {
      g_auto(PathwayTrajectory) trajectory = { 0 };

      pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (quarterly), NULL, &date);
      g_assert_cmpint (trajectory.status, ==, PATHWAY_TRAJECTORY_STALE);
    }
  }

  /* A single reading goes stale after three months. */
  {
    GDate reading_day = day (2026, 7, 31);

    date = day (2026, 10, 31);
    words = status_with_reading (wait, NULL, &reading_day, 20, &date, &status);
    g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_ON_TRAJECTORY);
    g_free (words);
    date = day (2026, 11, 1);
    words = status_with_reading (wait, NULL, &reading_day, 20, &date, &status);
    g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_STALE);
    g_assert_cmpstr (words, ==, "No reading since July 2026");
    g_free (words);
  }
}

static void
test_no_reading (void)
{
  g_autoptr(PathwayIndicator) wait =
    make_indicator (PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13);
  g_autoptr(GListStore) readings = g_list_store_new (PATHWAY_TYPE_READING);
  GDate date = day (2026, 3, 31);

  {
    g_auto(PathwayTrajectory) trajectory = { 0 };
    g_autofree char *words = NULL;

    pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (readings), NULL, &date);
    g_assert_cmpint (trajectory.status, ==, PATHWAY_TRAJECTORY_NO_READING);
    g_assert_null (trajectory.reading);
    /* What is expected is known without a reading. */
    g_assert_cmpfloat_with_epsilon (trajectory.expected, 37, 1e-9);
    words = pathway_trajectory_describe (&trajectory, wait);
    g_assert_cmpstr (words, ==, "No reading yet");
    g_assert_false (pathway_trajectory_is_good (&trajectory));
    g_assert_false (pathway_trajectory_needs_attention (&trajectory));
  }
  /* Readings after the day are not known on it, nor are readings without a value. */
  add_reading (readings, 2026, 4, 30, 30);
  add_reading (readings, 2026, 2, 28, NAN);
  {
    g_auto(PathwayTrajectory) trajectory = { 0 };

    pathway_trajectory_init (&trajectory, wait, G_LIST_MODEL (readings), NULL, &date);
    g_assert_cmpint (trajectory.status, ==, PATHWAY_TRAJECTORY_NO_READING);
  }
}

/* With nothing to compare the reading with, the words say what is missing. */
static void
test_no_target_or_line (void)
{
  g_autoptr(PathwayIndicator) indicator = pathway_indicator_new ();
  GDate reading_day = day (2026, 2, 28);
  GDate date = day (2026, 3, 31);
  GDate baseline_day = day (2025, 3, 31);
  PathwayTrajectoryStatus status;
  char *words;

  words = status_with_reading (indicator, NULL, &reading_day, 30, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_NO_TARGET);
  g_assert_cmpstr (words, ==, "No target set");
  g_free (words);

  /* A target with no date and a baseline: no line to the day, only the target. */
  pathway_indicator_set_baseline_value (indicator, 40);
  pathway_indicator_set_baseline_date (indicator, &baseline_day);
  pathway_indicator_set_target_value (indicator, 13);
  words = status_with_reading (indicator, NULL, &reading_day, 30, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_NOT_MET);
  g_assert_cmpstr (words, ==, "Target not yet met");
  g_free (words);
  words = status_with_reading (indicator, NULL, &reading_day, 12, &date, &status);
  g_assert_cmpint (status, ==, PATHWAY_TRAJECTORY_TARGET_MET);
  g_free (words);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/trajectory/between-milestones", test_between_milestones);
  g_test_add_func ("/model/trajectory/baseline-to-target", test_baseline_to_target);
  g_test_add_func ("/model/trajectory/ahead-and-behind", test_ahead_and_behind);
  g_test_add_func ("/model/trajectory/count-words", test_count_words);
  g_test_add_func ("/model/trajectory/target-met", test_target_met);
  g_test_add_func ("/model/trajectory/stale-reading", test_stale_reading);
  g_test_add_func ("/model/trajectory/no-reading", test_no_reading);
  g_test_add_func ("/model/trajectory/no-target-or-line", test_no_target_or_line);
  return g_test_run ();
}
