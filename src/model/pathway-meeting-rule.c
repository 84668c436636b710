/* pathway-meeting-rule.c: the days a board's meeting rule gives. */
#define G_LOG_DOMAIN "pathway-model"

#include <glib/gi18n-lib.h>

#include "pathway-meeting-rule.h"

static gboolean
rule_valid (const PathwayMeetingRule *rule)
{
  return rule != NULL && g_date_valid_weekday (rule->weekday) &&
         (rule->week == -1 || (rule->week >= 1 && rule->week <= 4)) &&
         rule->every_months >= 1 && rule->every_months <= 12;
}

/* The rule's day in one month, or FALSE. */
static void
day_in_month (const PathwayMeetingRule *rule, GDateMonth month, GDateYear year, GDate *day)
{
  g_date_clear (day, 1);
  if (rule->week > 0)
    {
      g_date_set_dmy (day, 1, month, year);
      while (g_date_get_weekday (day) != rule->weekday)
        g_date_add_days (day, 1);
      g_date_add_days (day, 7 * (rule->week - 1));
    }
  else
    {
      g_date_set_dmy (day, g_date_get_days_in_month (month, year), month, year);
      while (g_date_get_weekday (day) != rule->weekday)
        g_date_subtract_days (day, 1);
    }
}

GArray *
pathway_meeting_rule_next_dates (const PathwayMeetingRule *rule, const GDate *after, guint n)
{
  g_autoptr (GArray) days = NULL;
  GDateMonth month;
  GDateYear year;

  g_return_val_if_fail (after != NULL && g_date_valid (after), NULL);

  if (!rule_valid (rule))
    return NULL;
  days = g_array_sized_new (FALSE, TRUE, sizeof (GDate), n);
  month = g_date_get_month (after);
  year = g_date_get_year (after);
  while (days->len < n)
    {
      GDate day;

      day_in_month (rule, month, year, &day);
      if (g_date_compare (&day, after) > 0)
        g_array_append_val (days, day);
      /* Once the first day is found the months step by the rule; before, month by month. */
      for (int i = 0; i < (days->len > 0 ? rule->every_months : 1); i++)
        {
          if (month == G_DATE_DECEMBER)
            {
              month = G_DATE_JANUARY;
              year++;
            }
          else
            month++;
        }
    }
  return g_steal_pointer (&days);
}

char *
pathway_meeting_rule_describe (const PathwayMeetingRule *rule)
{
  static const char *const weeks[] = { N_("first"), N_("second"), N_("third"), N_("fourth") };
  static const char *const weekdays[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };
  const char *which;
  const char *weekday;

  if (!rule_valid (rule))
    return g_strdup ("");
  which = rule->week > 0 ? _(weeks[rule->week - 1]) : _("last");
  weekday = _(weekdays[rule->weekday]);
  if (rule->every_months == 1)
    /* TRANSLATORS: "the third Wednesday of every month" */
    return g_strdup_printf (_("the %s %s of every month"), which, weekday);
  if (rule->every_months == 2)
    return g_strdup_printf (_("the %s %s of every other month"), which, weekday);
  /* TRANSLATORS: "the last Tuesday of every 3 months" */
  return g_strdup_printf (_("the %s %s of every %d months"), which, weekday,
                          rule->every_months);
}

void
pathway_date_last_month_end (const GDate *today, GDate *month_end)
{
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_date_clear (month_end, 1);
  g_date_set_dmy (month_end, 1, g_date_get_month (today), g_date_get_year (today));
  g_date_subtract_days (month_end, 1);
}
