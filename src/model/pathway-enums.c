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

const char *
pathway_risk_kind_label (PathwayRiskKind kind)
{
  switch (kind)
    {
    case PATHWAY_RISK_KIND_RISK: return _("Risk");
    case PATHWAY_RISK_KIND_ASSUMPTION: return _("Assumption");
    case PATHWAY_RISK_KIND_ISSUE: return _("Issue");
    case PATHWAY_RISK_KIND_DEPENDENCY: return _("Dependency");
    default: return "";
    }
}

const char *
pathway_risk_status_label (PathwayRiskStatus status)
{
  switch (status)
    {
    case PATHWAY_RISK_STATUS_OPEN: return _("Open");
    case PATHWAY_RISK_STATUS_CLOSED: return _("Closed");
    case PATHWAY_RISK_STATUS_ESCALATED: return _("Escalated");
    default: return "";
    }
}

PathwayRiskBand
pathway_risk_band_for_score (int score)
{
  if (score <= 0)
    return PATHWAY_RISK_BAND_NONE;
  if (score <= 4)
    return PATHWAY_RISK_BAND_LOW;
  if (score <= 9)
    return PATHWAY_RISK_BAND_MEDIUM;
  if (score <= 16)
    return PATHWAY_RISK_BAND_HIGH;
  return PATHWAY_RISK_BAND_VERY_HIGH;
}

const char *
pathway_risk_band_label (PathwayRiskBand band)
{
  switch (band)
    {
    case PATHWAY_RISK_BAND_LOW: return _("Low");
    case PATHWAY_RISK_BAND_MEDIUM: return _("Medium");
    case PATHWAY_RISK_BAND_HIGH: return _("High");
    case PATHWAY_RISK_BAND_VERY_HIGH: return _("Very high");
    default: return "";
    }
}

const char *
pathway_audience_label (PathwayAudience audience)
{
  switch (audience)
    {
    case PATHWAY_AUDIENCE_PARENT_CARERS: return _("Parent carer forum");
    case PATHWAY_AUDIENCE_YOUNG_PEOPLE: return _("Young people’s forum");
    case PATHWAY_AUDIENCE_SCHOOLS: return _("Schools");
    case PATHWAY_AUDIENCE_SURVEY: return _("Survey");
    case PATHWAY_AUDIENCE_PRACTITIONERS: return _("Practitioners");
    case PATHWAY_AUDIENCE_OTHER: return _("Other");
    default: return "";
    }
}

const char *
pathway_response_status_label (PathwayResponseStatus status)
{
  switch (status)
    {
    case PATHWAY_RESPONSE_HEARD: return _("Heard");
    case PATHWAY_RESPONSE_ACTING: return _("Acting on it");
    case PATHWAY_RESPONSE_DONE: return _("Done");
    case PATHWAY_RESPONSE_NOT_DONE: return _("Not done");
    default: return "";
    }
}
