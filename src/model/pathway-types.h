/* pathway-types.h: forward declarations of the model's types, so headers can name each
 * other without including each other. */
#pragma once

#include <glib-object.h>
#include "pathway-enums.h"
#include "pathway-enum-types.h"
#include "pathway-error.h"
#include "pathway-timescale.h"

G_BEGIN_DECLS

typedef struct _PathwayProgramme PathwayProgramme;
typedef struct _PathwayRatingScheme PathwayRatingScheme;
typedef struct _PathwayAreaOfWeakness PathwayAreaOfWeakness;
typedef struct _PathwayPerson PathwayPerson;
typedef struct _PathwayWorkstream PathwayWorkstream;
typedef struct _PathwayMember PathwayMember;
typedef struct _PathwayAction PathwayAction;
typedef struct _PathwayActionUpdate PathwayActionUpdate;
typedef struct _PathwayTimescaleRevision PathwayTimescaleRevision;
typedef struct _PathwayEvidence PathwayEvidence;
typedef struct _PathwayIndicator PathwayIndicator;
typedef struct _PathwayReading PathwayReading;
typedef struct _PathwayMilestone PathwayMilestone;
typedef struct _PathwayBoard PathwayBoard;
typedef struct _PathwayMeeting PathwayMeeting;
typedef struct _PathwayReturnForm PathwayReturnForm;
typedef struct _PathwayRisk PathwayRisk;
typedef struct _PathwayCoproduction PathwayCoproduction;
typedef struct _PathwayPublication PathwayPublication;

G_END_DECLS
