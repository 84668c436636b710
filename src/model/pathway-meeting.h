/* pathway-meeting.h: one meeting of a board, where ratings are agreed and updates recorded. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MEETING (pathway_meeting_get_type ())

G_DECLARE_FINAL_TYPE (PathwayMeeting, pathway_meeting, PATHWAY, MEETING, GObject)

PathwayMeeting *pathway_meeting_new (void);

gint64 pathway_meeting_get_id (PathwayMeeting *self);
void pathway_meeting_set_id (PathwayMeeting *self, gint64 id);
gint64 pathway_meeting_get_board_id (PathwayMeeting *self);
void pathway_meeting_set_board_id (PathwayMeeting *self, gint64 board_id);
const GDate *pathway_meeting_get_date (PathwayMeeting *self);
void pathway_meeting_set_date (PathwayMeeting *self, const GDate *date);
const char *pathway_meeting_get_title (PathwayMeeting *self);
void pathway_meeting_set_title (PathwayMeeting *self, const char *title);
const char *pathway_meeting_get_location (PathwayMeeting *self);
void pathway_meeting_set_location (PathwayMeeting *self, const char *location);
const char *pathway_meeting_get_summary (PathwayMeeting *self);
void pathway_meeting_set_summary (PathwayMeeting *self, const char *summary);

G_END_DECLS
