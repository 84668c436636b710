/* pathway-enums.h: the closed sets of values the model knows (ratings, delivery status,
 * timescale precision and the rest). GEnum types are generated from this file by
 * glib-mkenums, so every value has a stable nick that the store writes to the file. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The rating a board agrees for an action. Blue is only offered when the programme's rating
 * scheme uses it (BRAG). The order is the file's: never renumber. */
typedef enum {
  PATHWAY_RATING_NONE = 0,
  PATHWAY_RATING_RED = 1,
  PATHWAY_RATING_AMBER = 2,
  PATHWAY_RATING_GREEN = 3,
  PATHWAY_RATING_BLUE = 4,
} PathwayRating;
#define PATHWAY_N_RATINGS 5

/* Delivery status is not the rating: an action can be on track and still rated amber. */
typedef enum {
  PATHWAY_STATUS_NOT_STARTED = 0,
  PATHWAY_STATUS_ON_TRACK = 1,
  PATHWAY_STATUS_DELAYED = 2,
  PATHWAY_STATUS_COMPLETE = 3,
  PATHWAY_STATUS_SUSPENDED = 4,
} PathwayStatus;
#define PATHWAY_N_STATUSES 5

/* How precisely a timescale was written; its date is the last day of that period. */
typedef enum {
  PATHWAY_PRECISION_NONE = 0,
  PATHWAY_PRECISION_DAY = 1,
  PATHWAY_PRECISION_MONTH = 2,
  PATHWAY_PRECISION_TERM = 3,
  PATHWAY_PRECISION_QUARTER = 4,
  PATHWAY_PRECISION_YEAR = 5,
} PathwayPrecision;

typedef enum {
  PATHWAY_LEAD_COUNCIL = 0,
  PATHWAY_LEAD_HEALTH = 1,
  PATHWAY_LEAD_JOINT = 2,
} PathwayLeadOrganisation;

/* Which inspection framework the plan answers to; it decides what findings are called. */
typedef enum {
  PATHWAY_REGIME_WSOA_2014 = 0,
  PATHWAY_REGIME_ACCELERATED_PROGRESS = 1,
  PATHWAY_REGIME_PRIORITY_ACTIONS_2023 = 2,
} PathwayRegime;

typedef enum {
  PATHWAY_FINDING_WEAKNESS = 0,
  PATHWAY_FINDING_PRIORITY_ACTION = 1,
  PATHWAY_FINDING_AREA_FOR_IMPROVEMENT = 2,
} PathwayFindingKind;

typedef enum {
  PATHWAY_UNIT_WEEKS = 0,
  PATHWAY_UNIT_DAYS = 1,
  PATHWAY_UNIT_PERCENT = 2,
  PATHWAY_UNIT_COUNT = 3,
  PATHWAY_UNIT_NUMBER = 4, /* a figure that need not be whole, such as a rate per 10,000 */
} PathwayUnit;

typedef enum {
  PATHWAY_DIRECTION_LOWER_IS_BETTER = 0,
  PATHWAY_DIRECTION_HIGHER_IS_BETTER = 1,
} PathwayDirection;

/* What a line of the risk log is (a RAID log: risks, assumptions, issues, dependencies). An
 * issue is a risk that has happened. The order is the file's: never renumber. */
typedef enum {
  PATHWAY_RISK_KIND_RISK = 0,
  PATHWAY_RISK_KIND_ASSUMPTION = 1,
  PATHWAY_RISK_KIND_ISSUE = 2,
  PATHWAY_RISK_KIND_DEPENDENCY = 3,
} PathwayRiskKind;
#define PATHWAY_N_RISK_KINDS 4

typedef enum {
  PATHWAY_RISK_STATUS_OPEN = 0,
  PATHWAY_RISK_STATUS_CLOSED = 1,
  PATHWAY_RISK_STATUS_ESCALATED = 2,
} PathwayRiskStatus;
#define PATHWAY_N_RISK_STATUSES 3

/* How bad a risk's score (likelihood times impact, 1 to 25) is, for the heat map's colours and
 * the pack's words: 1-4 low, 5-9 medium, 10-16 high, 20-25 very high. */
typedef enum {
  PATHWAY_RISK_BAND_NONE = 0, /* not scored */
  PATHWAY_RISK_BAND_LOW = 1,
  PATHWAY_RISK_BAND_MEDIUM = 2,
  PATHWAY_RISK_BAND_HIGH = 3,
  PATHWAY_RISK_BAND_VERY_HIGH = 4,
} PathwayRiskBand;

/* Who told the area something (co-production, "you said, we did"). The order is the file's:
 * never renumber. */
typedef enum {
  PATHWAY_AUDIENCE_PARENT_CARERS = 0,
  PATHWAY_AUDIENCE_YOUNG_PEOPLE = 1,
  PATHWAY_AUDIENCE_SCHOOLS = 2,
  PATHWAY_AUDIENCE_SURVEY = 3,
  PATHWAY_AUDIENCE_PRACTITIONERS = 4,
  PATHWAY_AUDIENCE_OTHER = 5,
} PathwayAudience;
#define PATHWAY_N_AUDIENCES 6

/* Where a "you said" stands: heard, being acted on, done, or not done (the reason given). */
typedef enum {
  PATHWAY_RESPONSE_HEARD = 0,
  PATHWAY_RESPONSE_ACTING = 1,
  PATHWAY_RESPONSE_DONE = 2,
  PATHWAY_RESPONSE_NOT_DONE = 3,
} PathwayResponseStatus;
#define PATHWAY_N_RESPONSE_STATUSES 4

/* What one ActionUpdate changed. The order is the file's: never renumber. */
typedef enum {
  PATHWAY_FIELD_CREATED = 0,
  PATHWAY_FIELD_RATING = 1,
  PATHWAY_FIELD_STATUS = 2,
  PATHWAY_FIELD_REVISED_TIMESCALE = 3,
  PATHWAY_FIELD_COMMENTARY = 4,
  PATHWAY_FIELD_DELETED = 5,
  PATHWAY_FIELD_TEXT = 6, /* any other field: reference, description, theme, lead ... */
  PATHWAY_FIELD_NOTE = 7, /* a note or decision about the action that changes no field */
} PathwayField;

const char *pathway_rating_to_nick (PathwayRating rating);
PathwayRating pathway_rating_from_nick (const char *nick);
const char *pathway_rating_letter (PathwayRating rating);
const char *pathway_status_to_nick (PathwayStatus status);
PathwayStatus pathway_status_from_nick (const char *nick);
const char *pathway_status_label (PathwayStatus status);
const char *pathway_unit_label (PathwayUnit unit);
/* What a finding is called: "Area of significant weakness", "Priority action", "Area for
 * improvement". */
const char *pathway_finding_kind_label (PathwayFindingKind kind);
const char *pathway_precision_to_nick (PathwayPrecision precision);
PathwayPrecision pathway_precision_from_nick (const char *nick);

/* "Risk", "Assumption", "Issue", "Dependency". */
const char *pathway_risk_kind_label (PathwayRiskKind kind);
/* "Open", "Closed", "Escalated". */
const char *pathway_risk_status_label (PathwayRiskStatus status);
/* The band of a score of 1 to 25; 0 (not scored) is PATHWAY_RISK_BAND_NONE. */
PathwayRiskBand pathway_risk_band_for_score (int score);
/* "Low", "Medium", "High", "Very high"; "" for none. */
const char *pathway_risk_band_label (PathwayRiskBand band);
/* "Parent carer forum", "Young people's forum", "Schools", "Survey", "Practitioners",
 * "Other". */
const char *pathway_audience_label (PathwayAudience audience);
/* "Heard", "Acting on it", "Done", "Not done". */
const char *pathway_response_status_label (PathwayResponseStatus status);

G_END_DECLS
