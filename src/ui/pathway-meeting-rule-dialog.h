/* pathway-meeting-rule-dialog.h: adds a board's meetings by a rule ("the third Wednesday of
 * every month"), so that a year of meetings is set up at once. It shows the days the rule
 * gives before adding them, and adds them all in one batch: one undo takes them all back. Days
 * the board already meets on are shown and left out. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"
#include "pathway-meeting-rule.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MEETING_RULE_DIALOG (pathway_meeting_rule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayMeetingRuleDialog, pathway_meeting_rule_dialog, PATHWAY,
                      MEETING_RULE_DIALOG, AdwWindow)

/* Starts after the later of today (by the document's clock) and the board's last meeting,
 * with that meeting's time and venue. */
PathwayMeetingRuleDialog *pathway_meeting_rule_dialog_new (GtkWindow       *parent,
                                                           PathwayDocument *document,
                                                           PathwayBoard    *board);
/* The rule and the number of meetings, as if chosen. */
void pathway_meeting_rule_dialog_set_rule (PathwayMeetingRuleDialog *self,
                                           const PathwayMeetingRule *rule,
                                           guint                     count);
/* The days that would be added now (element type GDate), leaving out those the board already
 * meets on; empty when the rule or the first day cannot be used. */
GArray *pathway_meeting_rule_dialog_dup_dates (PathwayMeetingRuleDialog *self);
/* Adds the meetings, as the Add button does; on success emits "added" and closes. */
gboolean pathway_meeting_rule_dialog_add (PathwayMeetingRuleDialog *self);

G_END_DECLS
