/* pathway-board.h: a board that oversees the programme (the SEND Improvement Board, the Health
 * and Wellbeing Board, scrutiny), with its chair, how often it meets and its meetings, earliest
 * first. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_BOARD (pathway_board_get_type ())

G_DECLARE_FINAL_TYPE (PathwayBoard, pathway_board, PATHWAY, BOARD, GObject)

PathwayBoard *pathway_board_new (void);

gint64 pathway_board_get_id (PathwayBoard *self);
const char *pathway_board_get_name (PathwayBoard *self);
void pathway_board_set_name (PathwayBoard *self, const char *name);
PathwayPerson *pathway_board_get_chair (PathwayBoard *self);
void pathway_board_set_chair (PathwayBoard *self, PathwayPerson *chair);
const char *pathway_board_get_cadence (PathwayBoard *self);
void pathway_board_set_cadence (PathwayBoard *self, const char *cadence);

GListModel *pathway_board_get_meetings (PathwayBoard *self);
/* Inserts by date, earliest first and undated last; on the same date, after those already there. */
void pathway_board_add_meeting (PathwayBoard *self, PathwayMeeting *meeting);
void pathway_board_remove_meeting (PathwayBoard *self, PathwayMeeting *meeting);
PathwayMeeting *pathway_board_find_meeting (PathwayBoard *self, gint64 id);
/* The latest meeting dated on or before 'day', or NULL when none is. */
PathwayMeeting *pathway_board_find_last_meeting (PathwayBoard *self, const GDate *day);

G_END_DECLS
