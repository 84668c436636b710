/* pathway-trajectory.c: an indicator's reading set against the line planned through its
 * baseline, milestones and target (see the header). Days are counted as Julian days, so the
 * line is straight in time whatever the months' lengths. */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-indicator.h"
#include "pathway-milestone.h"
#include "pathway-reading.h"
#include "pathway-trajectory.h"

/* A point the plan passes through. Of points on one day the later kind wins: a milestone over
 * the baseline, the target over a milestone. */
typedef enum {
  POINT_BASELINE,
  POINT_MILESTONE,
  POINT_TARGET,
} PointKind;

typedef struct {
  guint32 day; /* Julian */
  PointKind kind;
  double value;
} Point;

static int
compare_points (gconstpointer a, gconstpointer b)
{
  const Point *p = a, *q = b;

  if (p->day != q->day)
    return p->day < q->day ? -1 : 1;
  return (int) p->kind - (int) q->kind;
}

static gboolean
usable_date (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

static void
add_point (GArray *points, const GDate *date, PointKind kind, double value)
{
  Point point = { 0 };

  if (!usable_date (date) || !isfinite (value))
    return;
  point.day = g_date_get_julian (date);
  point.kind = kind;
  point.value = value;
  g_array_append_val (points, point);
}

double
pathway_trajectory_expected_value (PathwayIndicator *indicator,
                                   GListModel       *milestones,
                                   const GDate      *date)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
  gboolean planned = FALSE;
  guint32 day;
  const Point *before = NULL, *after = NULL;

  g_return_val_if_fail (PATHWAY_IS_INDICATOR (indicator), NAN);
  g_return_val_if_fail (milestones == NULL || G_IS_LIST_MODEL (milestones), NAN);
  g_return_val_if_fail (usable_date (date), NAN);

  add_point (points, pathway_indicator_get_baseline_date (indicator), POINT_BASELINE,
             pathway_indicator_get_baseline_value (indicator));
  for (guint i = 0; milestones != NULL && i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PathwayMilestone) milestone = g_list_model_get_item (milestones, i);

      add_point (points, pathway_milestone_get_date (milestone), POINT_MILESTONE,
                 pathway_milestone_get_planned_value (milestone));
    }
  add_point (points, pathway_indicator_get_target_date (indicator), POINT_TARGET,
             pathway_indicator_get_target_value (indicator));

  /* A baseline alone plans nothing: where the figure started is not where it should be. */
  for (guint i = 0; i < points->len; i++)
    planned |= g_array_index (points, Point, i).kind != POINT_BASELINE;
  if (!planned)
    return NAN;

  g_array_sort (points, compare_points);
  day = g_date_get_julian (date);
  for (guint i = 0; i < points->len; i++)
    {
      const Point *point = &g_array_index (points, Point, i);

      if (point->day <= day)
        before = point;
      else if (after == NULL)
        after = point;
    }

  /* Before the plan starts nothing is expected yet; after its last point, that value. */
  if (before == NULL)
    return NAN;
  if (after == NULL || before->day == day)
    return before->value;
  return before->value + (after->value - before->value) * (double) (day - before->day) /
                           (double) (after->day - before->day);
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint32 p = *(const guint32 *) a, q = *(const guint32 *) b;

  return p < q ? -1 : p > q;
}

/* Whether the latest reading is older than the limit: three months, or twice the usual gap
 * between readings (the median, so one late month does not stretch it) when that is longer.
 * Monthly figures come a month or more after the month they are for, so a limit of two
 * months would call them stale when a single month is late. */
static gboolean
is_stale (GArray *days, guint32 latest, const GDate *date)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 day = g_date_get_julian (date);
  GDate three_months = *date;

  g_date_subtract_months (&three_months, 3);
  if (latest >= g_date_get_julian (&three_months))
    return FALSE;

  g_array_sort (days, compare_days);
  for (guint i = 1; i < days->len; i++)
    {
      guint32 gap = g_array_index (days, guint32, i) - g_array_index (days, guint32, i - 1);

      if (gap > 0)
        g_array_append_val (gaps, gap);
    }
  if (gaps->len > 0)
    {
      double usual;

      g_array_sort (gaps, compare_days);
      usual = gaps->len % 2 == 1
                ? g_array_index (gaps, guint32, gaps->len / 2)
                : (g_array_index (gaps, guint32, gaps->len / 2 - 1) +
                   g_array_index (gaps, guint32, gaps->len / 2)) / 2.0;
      return (double) (day - latest) > 2 * usual;
    }
  return TRUE;
}

/* How finely a difference in the unit is written: a tenth, a whole count, a hundredth of a
 * rate. */
static int
unit_decimals (PathwayUnit unit)
{
  switch (unit)
    {
    case PATHWAY_UNIT_COUNT:
      return 0;
    case PATHWAY_UNIT_NUMBER:
      return 2;
    case PATHWAY_UNIT_WEEKS:
    case PATHWAY_UNIT_DAYS:
    case PATHWAY_UNIT_PERCENT:
    default:
      return 1;
    }
}

void
pathway_trajectory_init (PathwayTrajectory *self,
                         PathwayIndicator  *indicator,
                         GListModel        *readings,
                         GListModel        *milestones,
                         const GDate       *date)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  PathwayReading *latest = NULL;
  double value;

  g_return_if_fail (self != NULL);
  memset (self, 0, sizeof *self);
  self->status = PATHWAY_TRAJECTORY_NO_READING;
  self->expected = NAN;
  g_return_if_fail (PATHWAY_IS_INDICATOR (indicator));
  g_return_if_fail (readings == NULL || G_IS_LIST_MODEL (readings));
  g_return_if_fail (usable_date (date));

  self->expected = pathway_trajectory_expected_value (indicator, milestones, date);

  for (guint i = 0; readings != NULL && i < g_list_model_get_n_items (readings); i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, i);
      const GDate *day = pathway_reading_get_date (reading);
      guint32 julian;

      if (!usable_date (day) || g_date_compare (day, date) > 0
          || !isfinite (pathway_reading_get_value (reading)))
        continue;
      julian = g_date_get_julian (day);
      g_array_append_val (days, julian);
      if (latest == NULL || g_date_compare (day, pathway_reading_get_date (latest)) >= 0)
        latest = reading; /* the list holds it */
    }
  if (latest == NULL)
    return;

  self->reading = g_object_ref (latest);
  value = pathway_reading_get_value (latest);

  if (is_stale (days, g_date_get_julian (pathway_reading_get_date (latest)), date))
    self->status = PATHWAY_TRAJECTORY_STALE;
  else if (pathway_indicator_meets_target (indicator, value))
    self->status = PATHWAY_TRAJECTORY_TARGET_MET;
  else if (isfinite (self->expected))
    {
      double scale = pow (10, unit_decimals (pathway_indicator_get_unit (indicator)));
      double shortfall = pathway_indicator_is_better (indicator, self->expected, value)
                           ? fabs (self->expected - value)
                           : 0;

      /* Behind by less than the figures are written in is on the line as the board reads it:
       * "behind by 0.0 points" would say nothing. */
      self->behind_by = round (shortfall * scale) / scale;
      self->status = self->behind_by > 0 ? PATHWAY_TRAJECTORY_BEHIND
                                         : PATHWAY_TRAJECTORY_ON_TRAJECTORY;
    }
  else if (pathway_indicator_has_target (indicator))
    self->status = PATHWAY_TRAJECTORY_NOT_MET;
  else
    self->status = PATHWAY_TRAJECTORY_NO_TARGET;
}

void
pathway_trajectory_clear (PathwayTrajectory *self)
{
  g_return_if_fail (self != NULL);

  g_clear_object (&self->reading);
}

/* "4.1", "3", "0.25": as finely as the unit is written, without trailing zeros. */
static char *
format_amount (double value, int decimals)
{
  char *text = g_strdup_printf ("%.*f", decimals, value);
  char *end;

  if (decimals == 0)
    return text;
  end = text + strlen (text) - 1;
  while (end > text && *end == '0')
    *end-- = '\0';
  /* The decimal separator the locale writes, now with nothing after it. */
  if (end > text && (*end == '.' || *end == ','))
    *end = '\0';
  return text;
}

/* "Behind trajectory by 4.1 points": points for a percentage, the unit's word otherwise. */
static char *
behind_words (double behind_by, PathwayUnit unit)
{
  g_autofree char *amount = format_amount (behind_by, unit_decimals (unit));
  gulong plural = behind_by == 1.0 ? 1 : 2;

  switch (unit)
    {
    case PATHWAY_UNIT_PERCENT:
      /* Translators: a gap between two percentages, in percentage points. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind trajectory by %s point",
                                           "Behind trajectory by %s points", plural),
                              amount);
    case PATHWAY_UNIT_WEEKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind trajectory by %s week",
                                           "Behind trajectory by %s weeks", plural),
                              amount);
    case PATHWAY_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind trajectory by %s day",
                                           "Behind trajectory by %s days", plural),
                              amount);
    case PATHWAY_UNIT_COUNT:
    case PATHWAY_UNIT_NUMBER:
    default:
      /* Translators: a gap in a count or a rate, which has no unit: "by 12". */
      return g_strdup_printf (_("Behind trajectory by %s"), amount);
    }
}

char *
pathway_trajectory_describe (const PathwayTrajectory *self,
                             PathwayIndicator        *indicator)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (indicator), NULL);

  switch (self->status)
    {
    case PATHWAY_TRAJECTORY_STALE:
      {
        char month[64] = "";

        if (self->reading != NULL && usable_date (pathway_reading_get_date (self->reading)))
          /* Translators: a month and year, as in "June 2026"; strftime format. */
          g_date_strftime (month, sizeof month, _("%B %Y"),
                           pathway_reading_get_date (self->reading));
        /* Translators: the latest reading is too old to go by: "No reading since June 2026". */
        return g_strdup_printf (_("No reading since %s"), month);
      }
    case PATHWAY_TRAJECTORY_NO_TARGET:
      return g_strdup (_("No target set"));
    case PATHWAY_TRAJECTORY_NOT_MET:
      return g_strdup (_("Target not yet met"));
    case PATHWAY_TRAJECTORY_BEHIND:
      return behind_words (self->behind_by, pathway_indicator_get_unit (indicator));
    case PATHWAY_TRAJECTORY_ON_TRAJECTORY:
      return g_strdup (_("On trajectory"));
    case PATHWAY_TRAJECTORY_TARGET_MET:
      return g_strdup (_("Target met"));
    case PATHWAY_TRAJECTORY_NO_READING:
    default:
      return g_strdup (_("No reading yet"));
    }
}

gboolean
pathway_trajectory_is_good (const PathwayTrajectory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->status == PATHWAY_TRAJECTORY_ON_TRAJECTORY ||
         self->status == PATHWAY_TRAJECTORY_TARGET_MET;
}

gboolean
pathway_trajectory_needs_attention (const PathwayTrajectory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->status == PATHWAY_TRAJECTORY_BEHIND || self->status == PATHWAY_TRAJECTORY_STALE;
}
