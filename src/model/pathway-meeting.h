/* pathway-meeting.h: one meeting of a board, where ratings are agreed and updates recorded. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MEETING (pathway_meeting_get_type ())

G_DECLARE_FINAL_TYPE (PathwayMeeting, pathway_meeting, PATHWAY, MEETING, GObject)

PathwayMeeting *pathway_meeting_new (void);

gint64 pathway_meeting_get_id (PathwayMeeting *self);
gint64 pathway_meeting_get_board_id (PathwayMeeting *self);
const GDate *pathway_meeting_get_date (PathwayMeeting *self);
void pathway_meeting_set_date (PathwayMeeting *self, const GDate *date);
/* The time of day as people write it ("14:00"), kept as text. */
const char *pathway_meeting_get_time (PathwayMeeting *self);
void pathway_meeting_set_time (PathwayMeeting *self, const char *time);
const char *pathway_meeting_get_title (PathwayMeeting *self);
void pathway_meeting_set_title (PathwayMeeting *self, const char *title);
const char *pathway_meeting_get_location (PathwayMeeting *self);
void pathway_meeting_set_location (PathwayMeeting *self, const char *location);
const char *pathway_meeting_get_summary (PathwayMeeting *self);
void pathway_meeting_set_summary (PathwayMeeting *self, const char *summary);
/* Board report settings kept with the meeting (the board pack for this meeting). Sections
 * is a comma-separated list of section keys (see src/report); empty means the defaults. An
 * unset as-at date means the meeting's date. */
const char *pathway_meeting_get_report_title (PathwayMeeting *self);
void pathway_meeting_set_report_title (PathwayMeeting *self, const char *report_title);
const char *pathway_meeting_get_report_by (PathwayMeeting *self);
void pathway_meeting_set_report_by (PathwayMeeting *self, const char *report_by);
const char *pathway_meeting_get_report_for (PathwayMeeting *self);
void pathway_meeting_set_report_for (PathwayMeeting *self, const char *report_for);
const char *pathway_meeting_get_classification (PathwayMeeting *self);
void pathway_meeting_set_classification (PathwayMeeting *self, const char *classification);
const char *pathway_meeting_get_recommendation (PathwayMeeting *self);
void pathway_meeting_set_recommendation (PathwayMeeting *self, const char *recommendation);
const char *pathway_meeting_get_report_sections (PathwayMeeting *self);
const char *pathway_meeting_get_headlines (PathwayMeeting *self);
const char *pathway_meeting_get_risks (PathwayMeeting *self);
const char *pathway_meeting_get_decisions (PathwayMeeting *self);
gboolean pathway_meeting_get_draft (PathwayMeeting *self);
gboolean pathway_meeting_get_black_and_white (PathwayMeeting *self);
void pathway_meeting_set_headlines (PathwayMeeting *self, const char *headlines);
void pathway_meeting_set_risks (PathwayMeeting *self, const char *risks);
void pathway_meeting_set_decisions (PathwayMeeting *self, const char *decisions);
void pathway_meeting_set_draft (PathwayMeeting *self, gboolean draft);
void pathway_meeting_set_black_and_white (PathwayMeeting *self, gboolean black_and_white);
void pathway_meeting_set_report_sections (PathwayMeeting *self, const char *report_sections);
const GDate *pathway_meeting_get_as_at (PathwayMeeting *self);
void pathway_meeting_set_as_at (PathwayMeeting *self, const GDate *as_at);

G_END_DECLS
