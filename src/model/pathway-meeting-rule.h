/* pathway-meeting-rule.h: when a board meets, as a rule ("the third Wednesday of every
 * month", "the last Tuesday of every other month"), and the days it gives, so that a
 * programme manager adds a year of meetings at once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GDateWeekday weekday; /* G_DATE_MONDAY ... G_DATE_SUNDAY */
  int week;             /* 1 to 4: the first to the fourth such day of the month; -1: the last */
  int every_months;     /* 1: every month, 2: every other month, 3: quarterly ... */
} PathwayMeetingRule;

/* The first 'n' days the rule gives after 'after' (not on it), counting months from the
 * month of 'after'. Element type GDate. NULL when the rule makes no sense. */
GArray *pathway_meeting_rule_next_dates (const PathwayMeetingRule *rule, const GDate *after,
                                         guint n);

/* The rule in words: "the third Wednesday of every month". */
char *pathway_meeting_rule_describe (const PathwayMeetingRule *rule);

/* The last day of the month before the one 'today' is in: the day a month's figures are
 * usually for. */
void pathway_date_last_month_end (const GDate *today, GDate *month_end);

G_END_DECLS
