/* pathway-figure.c: an indicator's figures in words and back (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-figure.h"

char *
pathway_figure_format_number (double value)
{
  char *text;
  char *end;

  if (fabs (value - round (value)) < 0.005)
    return g_strdup_printf ("%.0f", round (value));

  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text) - 1;
  while (end > text && *end == '0')
    *end-- = '\0';
  return text;
}

char *
pathway_figure_format_value (PathwayUnit unit,
                             double      value)
{
  g_autofree char *number = pathway_figure_format_number (value);
  gulong plural = fabs (value) == 1.0 ? 1 : 2;

  switch (unit)
    {
    case PATHWAY_UNIT_PERCENT:
      /* Translators: a percentage, as in "56.9%". */
      return g_strdup_printf (_("%s%%"), number);
    case PATHWAY_UNIT_WEEKS:
      return g_strdup_printf (ngettext ("%s week", "%s weeks", plural), number);
    case PATHWAY_UNIT_DAYS:
      return g_strdup_printf (ngettext ("%s day", "%s days", plural), number);
    case PATHWAY_UNIT_COUNT:
    case PATHWAY_UNIT_NUMBER:
    default:
      return g_steal_pointer (&number);
    }
}

const char *
pathway_figure_unit_word (PathwayUnit unit)
{
  switch (unit)
    {
    case PATHWAY_UNIT_PERCENT:
      return "%";
    case PATHWAY_UNIT_WEEKS:
      return _("weeks");
    case PATHWAY_UNIT_DAYS:
      return _("days");
    case PATHWAY_UNIT_COUNT:
    case PATHWAY_UNIT_NUMBER:
    default:
      return NULL;
    }
}

gboolean
pathway_figure_parse (PathwayUnit  unit,
                      const char  *text,
                      gboolean     optional,
                      double      *value_out,
                      const char **problem_out)
{
  g_autoptr(GString) typed = g_string_new (text != NULL ? text : "");
  const char *problem = NULL;
  char *end = NULL;
  double value = NAN;

  g_strstrip (typed->str);
  g_string_set_size (typed, strlen (typed->str));
  if (unit == PATHWAY_UNIT_PERCENT && typed->len > 0 && typed->str[typed->len - 1] == '%')
    {
      g_string_truncate (typed, typed->len - 1);
      g_strchomp (typed->str);
      g_string_set_size (typed, strlen (typed->str));
    }
  /* Thousands written with commas, as a count may be. */
  for (char *comma; (comma = strchr (typed->str, ',')) != NULL;)
    g_string_erase (typed, comma - typed->str, 1);

  if (typed->len == 0)
    {
      if (!optional)
        problem = _("Write the value, such as “18”");
    }
  else
    {
      value = g_ascii_strtod (typed->str, &end);
      if (end == typed->str || *end != '\0' || !isfinite (value))
        problem = _("Write the value as a number, such as “18” or “18.5”");
      else if (value < 0)
        problem = _("The value cannot be below zero");
      else if (unit == PATHWAY_UNIT_PERCENT && value > 100)
        problem = _("A percentage cannot be over 100");
    }

  if (problem_out != NULL)
    *problem_out = problem;
  if (problem != NULL)
    return FALSE;
  if (value_out != NULL)
    *value_out = value;
  return TRUE;
}
