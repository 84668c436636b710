/* pathway-trajectory.h: where an indicator stands on a day against the path the programme
 * planned for it. The plan is a line through the baseline, the milestones and the target
 * (each a value at a date); the latest reading on or before the day is set against the value
 * that line reaches on the day, and against the final target. A reading ahead of the line is
 * on trajectory even while it misses the final target, which is what a board needs to know
 * months before the target date. Pure functions over the model's objects: the store, the
 * pack and the views read the readings and milestones and ask here. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_TRAJECTORY_NO_READING,    /* "No reading yet" */
  PATHWAY_TRAJECTORY_STALE,         /* "No reading since June 2026" */
  PATHWAY_TRAJECTORY_NO_TARGET,     /* "No target set": no target and no milestones */
  PATHWAY_TRAJECTORY_NOT_MET,       /* "Target not yet met": a target but no line to the day */
  PATHWAY_TRAJECTORY_BEHIND,        /* "Behind trajectory by 4.1 points" */
  PATHWAY_TRAJECTORY_ON_TRAJECTORY, /* "On trajectory" */
  PATHWAY_TRAJECTORY_TARGET_MET,    /* "Target met" */
} PathwayTrajectoryStatus;

typedef struct {
  PathwayTrajectoryStatus status;
  /* The latest reading with a value on or before the day (of two on one day, the later in
   * the list); NULL for NO_READING. A reference the struct holds. */
  PathwayReading *reading;
  /* The value the plan reaches on the day; NAN before the plan starts or without one. */
  double expected;
  /* How far the reading is behind 'expected', in the indicator's unit and rounded as it is
   * written (a tenth; a whole number for a count): above 0 for BEHIND only. */
  double behind_by;
} PathwayTrajectory;

/* The value planned for 'date': on the straight line between the points either side of it,
 * the points being the baseline (value and date), the milestones (any order; those without a
 * date or value are passed over) and the target (value and date). After the last point its
 * value holds; before the first there is none. NAN when there is none. 'milestones' (items
 * PathwayMilestone) may be NULL. */
double pathway_trajectory_expected_value (PathwayIndicator *indicator, GListModel *milestones,
                                          const GDate *date);

/* Works out where 'indicator' stands on 'date' from its readings (items PathwayReading, any
 * order; readings after the day are not yet known) and milestones (may be NULL). The latest
 * reading is stale when it is more than three months older than the day and more than twice
 * the indicator's usual interval between readings (the median gap between the readings known
 * on the day). Clear with pathway_trajectory_clear. */
void pathway_trajectory_init (PathwayTrajectory *self, PathwayIndicator *indicator,
                              GListModel *readings, GListModel *milestones, const GDate *date);
void pathway_trajectory_clear (PathwayTrajectory *self);

/* The status in words: "On trajectory", "Behind trajectory by 4.1 points" (points for a
 * percentage, the unit otherwise: "by 3 weeks", "by 12"), "Target met",
 * "No reading since June 2026", "No reading yet", "No target set", "Target not yet met". */
char *pathway_trajectory_describe (const PathwayTrajectory *self, PathwayIndicator *indicator);

/* Whether the status is good news (on trajectory, target met) or asks for attention (behind,
 * stale); neither for the rest. Views colour the status by these. */
gboolean pathway_trajectory_is_good (const PathwayTrajectory *self);
gboolean pathway_trajectory_needs_attention (const PathwayTrajectory *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PathwayTrajectory, pathway_trajectory_clear)

G_END_DECLS
