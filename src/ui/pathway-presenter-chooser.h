/* pathway-presenter-chooser.h: the small dialog that asks which meeting a presentation records
 * its changes in, when it was not started from a meeting: the boards' meetings, "New meeting
 * today" for each board (a choice, never the one it opens on), and, with two monitors or more,
 * which one the slides go to. It opens on the first board's meeting today, else its next
 * meeting, else its latest. A programme without a board is offered Add Board… (then asked
 * again) or Present Without Recording.
 *
 * Signal "chosen" (PathwayMeeting *meeting, GdkMonitor *monitor): emitted when the person
 * presses Present, after a new meeting has been added to the document where one was asked
 * for. The meeting is NULL when presenting without recording (no board, no meeting, or a
 * read-only programme without meetings); the monitor is NULL with a single monitor. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PRESENTER_CHOOSER (pathway_presenter_chooser_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPresenterChooser, pathway_presenter_chooser, PATHWAY,
                      PRESENTER_CHOOSER, AdwMessageDialog)

PathwayPresenterChooser *pathway_presenter_chooser_new (GtkWindow *parent,
                                                        PathwayDocument *document);

/* The choice as it stands: a meeting, or a board to hold a new meeting today (one of the two
 * is NULL; both are when presenting without a meeting). */
PathwayMeeting *pathway_presenter_chooser_get_meeting (PathwayPresenterChooser *self);
PathwayBoard *pathway_presenter_chooser_get_new_for (PathwayPresenterChooser *self);
/* Chooses a meeting's row, or a board's "New meeting today" row. */
void pathway_presenter_chooser_choose_meeting (PathwayPresenterChooser *self,
                                               PathwayMeeting *meeting);
void pathway_presenter_chooser_choose_new (PathwayPresenterChooser *self, PathwayBoard *board);

G_END_DECLS
