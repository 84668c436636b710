/* pathway-timescale-revision.h: a revision of an action's timescale, with the reason for it, who
 * approved it (some areas need DfE approval) and when, so slippage can be explained to the
 * board. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_TIMESCALE_REVISION (pathway_timescale_revision_get_type ())

G_DECLARE_FINAL_TYPE (PathwayTimescaleRevision, pathway_timescale_revision,
                      PATHWAY, TIMESCALE_REVISION, GObject)

PathwayTimescaleRevision *pathway_timescale_revision_new (void);

gint64 pathway_timescale_revision_get_id (PathwayTimescaleRevision *self);
gint64 pathway_timescale_revision_get_action_id (PathwayTimescaleRevision *self);
const PathwayTimescale *pathway_timescale_revision_get_timescale (PathwayTimescaleRevision *self);
const char *pathway_timescale_revision_get_reason (PathwayTimescaleRevision *self);
const char *pathway_timescale_revision_get_approved_by (PathwayTimescaleRevision *self);
const GDate *pathway_timescale_revision_get_approved_on (PathwayTimescaleRevision *self);
GDateTime *pathway_timescale_revision_get_recorded_at (PathwayTimescaleRevision *self);
const char *pathway_timescale_revision_get_author (PathwayTimescaleRevision *self);

G_END_DECLS
