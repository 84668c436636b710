/* pathway-date.c: days as YYYY-MM-DD text, written with four, two and two digits, so that
 * what is written reads back as the same day and sorts as text does. Reading also takes a
 * month or day of one digit and spaces around the day, as a person types it ("2026-1-5"). */
#define G_LOG_DOMAIN "pathway-model"

#include <string.h>

#include "pathway-date.h"

/* Reads 'min' to 'max' ASCII digits at *text, moving past them. */
static gboolean
read_digits (const char **text, guint min, guint max, guint *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*text)[n]))
    {
      *value = *value * 10 + (guint) ((*text)[n] - '0');
      n++;
    }
  *text += n;
  return n >= min;
}

gboolean
pathway_date_parse_iso (const char *text, GDate *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!read_digits (&text, 4, 4, &year) || *text++ != '-' ||
      !read_digits (&text, 1, 2, &month) || *text++ != '-' ||
      !read_digits (&text, 1, 2, &day))
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text != '\0' || !g_date_valid_dmy (day, month, year))
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

char *
pathway_date_format_words (const GDate *date)
{
  char text[64];

  /* g_date_strftime gives UTF-8, whatever the locale's character set. */
  if (date == NULL || !g_date_valid (date) ||
      g_date_strftime (text, sizeof text, "%-d %B %Y", date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}
