/* pathway-date.c: days as YYYY-MM-DD text, read strictly and written with four, two and two
 * digits, so that what is written reads back as the same day and sorts as text does. */
#define G_LOG_DOMAIN "pathway-model"

#include <string.h>

#include "pathway-date.h"

#define ISO_LENGTH 10

gboolean
pathway_date_parse_iso (const char *text, GDate *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != ISO_LENGTH || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < ISO_LENGTH; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
pathway_date_format_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
