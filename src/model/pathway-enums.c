/* pathway-enums.c: nicks, letters and words for the model's enums. The nicks are what the
 * store writes to the file, so they come from the generated GEnum tables and never change. */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathway-enums.h"
#include "pathway-enum-types.h"

static const char *
enum_to_nick (GType type, int value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);
  const char *nick = ev ? ev->value_nick : NULL;

  /* The class of a static enum type is never freed, so the nick stays valid. */
  g_type_class_unref (klass);
  return nick;
}

static int
enum_from_nick (GType type, const char *nick, int fallback)
{
  GEnumClass *klass;
  GEnumValue *ev;
  int value;

  if (nick == NULL)
    return fallback;
  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  value = ev ? ev->value : fallback;
  g_type_class_unref (klass);
  return value;
}

const char *
pathway_rating_to_nick (PathwayRating rating)
{
  return enum_to_nick (PATHWAY_TYPE_RATING, rating);
}

PathwayRating
pathway_rating_from_nick (const char *nick)
{
  return enum_from_nick (PATHWAY_TYPE_RATING, nick, PATHWAY_RATING_NONE);
}

const char *
pathway_rating_letter (PathwayRating rating)
{
  switch (rating)
    {
    case PATHWAY_RATING_RED: return "R";
    case PATHWAY_RATING_AMBER: return "A";
    case PATHWAY_RATING_GREEN: return "G";
    case PATHWAY_RATING_BLUE: return "B";
    case PATHWAY_RATING_NONE:
    default: return "–";
    }
}

const char *
pathway_status_to_nick (PathwayStatus status)
{
  return enum_to_nick (PATHWAY_TYPE_STATUS, status);
}

PathwayStatus
pathway_status_from_nick (const char *nick)
{
  return enum_from_nick (PATHWAY_TYPE_STATUS, nick, PATHWAY_STATUS_NOT_STARTED);
}

const char *
pathway_status_label (PathwayStatus status)
{
  switch (status)
    {
    case PATHWAY_STATUS_NOT_STARTED: return _("Not started");
    case PATHWAY_STATUS_ON_TRACK: return _("On track");
    case PATHWAY_STATUS_DELAYED: return _("Delayed");
    case PATHWAY_STATUS_COMPLETE: return _("Complete");
    case PATHWAY_STATUS_SUSPENDED: return _("Suspended");
    default: return "";
    }
}

const char *
pathway_finding_kind_label (PathwayFindingKind kind)
{
  switch (kind)
    {
    case PATHWAY_FINDING_WEAKNESS: return _("Area of significant weakness");
    case PATHWAY_FINDING_PRIORITY_ACTION: return _("Priority action");
    case PATHWAY_FINDING_AREA_FOR_IMPROVEMENT: return _("Area for improvement");
    default: return "";
    }
}

const char *
pathway_unit_label (PathwayUnit unit)
{
  switch (unit)
    {
    case PATHWAY_UNIT_WEEKS: return _("weeks");
    case PATHWAY_UNIT_DAYS: return _("days");
    case PATHWAY_UNIT_PERCENT: return "%";
    case PATHWAY_UNIT_COUNT: return _("count");
    case PATHWAY_UNIT_NUMBER: return _("number");
    default: return "";
    }
}

const char *
pathway_precision_to_nick (PathwayPrecision precision)
{
  return enum_to_nick (PATHWAY_TYPE_PRECISION, precision);
}

PathwayPrecision
pathway_precision_from_nick (const char *nick)
{
  return enum_from_nick (PATHWAY_TYPE_PRECISION, nick, PATHWAY_PRECISION_NONE);
}
