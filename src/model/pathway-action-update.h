/* pathway-action-update.h: one entry in an action's history: who changed what (its rating,
 * status, revised timescale, commentary or wording) from what to what and when, and at which
 * board meeting if any. Nothing about an action is overwritten without one of these. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_ACTION_UPDATE (pathway_action_update_get_type ())

G_DECLARE_FINAL_TYPE (PathwayActionUpdate, pathway_action_update, PATHWAY, ACTION_UPDATE, GObject)

PathwayActionUpdate *pathway_action_update_new (void);

gint64 pathway_action_update_get_id (PathwayActionUpdate *self);
gint64 pathway_action_update_get_action_id (PathwayActionUpdate *self);
GDateTime *pathway_action_update_get_at (PathwayActionUpdate *self);
const char *pathway_action_update_get_author (PathwayActionUpdate *self);
PathwayField pathway_action_update_get_field (PathwayActionUpdate *self);
const char *pathway_action_update_get_from_value (PathwayActionUpdate *self);
const char *pathway_action_update_get_to_value (PathwayActionUpdate *self);
const char *pathway_action_update_get_note (PathwayActionUpdate *self);
/* The "property" property: g_object_get_property would clash with the GObject name. */
const char *pathway_action_update_get_property_name (PathwayActionUpdate *self);
gint64 pathway_action_update_get_meeting_id (PathwayActionUpdate *self);

/* When a change dated in the past was written (the audit trail's second time), or NULL. */
GDateTime *pathway_action_update_get_recorded (PathwayActionUpdate *self);

G_END_DECLS
