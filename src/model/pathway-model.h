/* pathway-model.h: the whole model in one include, for the layers above it. */
#pragma once

#include "pathway-types.h"
#include "pathway-rating-scheme.h"
#include "pathway-programme.h"
#include "pathway-area-of-weakness.h"
#include "pathway-person.h"
#include "pathway-workstream.h"
#include "pathway-member.h"
#include "pathway-action.h"
#include "pathway-action-update.h"
#include "pathway-timescale-revision.h"
#include "pathway-evidence.h"
#include "pathway-indicator.h"
#include "pathway-reading.h"
#include "pathway-milestone.h"
#include "pathway-board.h"
#include "pathway-meeting.h"
