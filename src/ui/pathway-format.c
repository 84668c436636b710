/* pathway-format.c: dates and shares in words for the views (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include <glib/gi18n.h>

#include "pathway-format.h"

char *
pathway_format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* Midday, so that no time zone moves it to another day. */
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  /* Translators: a date as in "14 March 2026" (a g_date_time_format() format). */
  return g_date_time_format (time, _("%-d %B %Y"));
}

char *
pathway_format_day_of (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  return g_date_time_format (local, _("%-d %B %Y"));
}

char *
pathway_format_moment (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a day and time as in "Monday 7 December 2026, 09:30" (a g_date_time_format()
   * format). */
  return g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));
}

guint
pathway_percent_of (guint part,
                    guint whole)
{
  if (whole == 0)
    return 0;
  return (guint) (((guint64) part * 100 + whole / 2) / whole);
}

void
pathway_label_set_printf (GtkLabel   *label,
                          const char *format,
                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_if_fail (GTK_IS_LABEL (label));

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_label_set_text (label, text);
}
