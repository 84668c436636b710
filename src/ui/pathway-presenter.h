/* pathway-presenter.h: meeting mode. A full-screen window that puts a board meeting's actions
 * on the wall one at a time (after a title slide and an overview of the ratings), then the
 * "you said, we did" entries since the board's last meeting one at a time, before a closing
 * slide of what was decided, driven from the keyboard or a presentation clicker (the keys are
 * bindings of the presenter's actions, pathway-presenter-actions.c):
 *
 *   Right, Page Down, Space  next slide        Left, Page Up  previous slide
 *   Home, End                first, last       H              show or hide the keys
 *   Y                        the first "you said, we did" slide
 *   R, A, G (B with BRAG)    re-rate the action shown, with a one-line note; Enter saves
 *   N                        a note or decision (about the action shown, or the meeting)
 *   Escape                   cancel the note; otherwise leave
 *
 * While it is open the meeting is set on the document, so every change made is an update
 * linked to the meeting. Leaving stores the meeting's summary (re-ratings, notes and
 * decisions; see pathway-meeting-record.h) with the meeting and shows it in a dialog over
 * the window the presenter was started from. A read-only document, or no meeting, leaves the
 * writing keys off, and the bar of keys says why. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"
#include "pathway-presenter-slide.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PRESENTER (pathway_presenter_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPresenter, pathway_presenter, PATHWAY, PRESENTER, AdwWindow)

/* Whether presenters go full screen when presented (default TRUE). Tests turn it off and
 * give the window a size instead. */
void pathway_presenter_set_fullscreen (gboolean fullscreen);

/* A presenter of 'actions' (PathwayAction, in the order given; NULL: the meeting's default
 * set, pathway_document_actions_to_present) in 'meeting' (NULL: nothing is recorded).
 * 'parent' is the window the summary is shown over when the presenter is left; it may be
 * NULL. */
PathwayPresenter *pathway_presenter_new (GtkWindow *parent, PathwayDocument *document,
                                         PathwayMeeting *meeting, GListModel *actions);

/* Shows the presenter full screen on 'monitor' (NULL: where the window manager puts it). */
void pathway_presenter_present (PathwayPresenter *self, GdkMonitor *monitor);

/* The monitor a presenter goes to by default when 'main' is on one of two or more: one that
 * is not main's. NULL when there is only one. */
GdkMonitor *pathway_presenter_default_monitor (GtkWindow *main);

/* Leaves as Escape does: stores the summary, unsets the meeting, closes the window, and shows
 * the summary dialog over the parent when anything was recorded (returned, transfer none;
 * NULL when nothing was recorded). */
GtkWindow *pathway_presenter_leave (PathwayPresenter *self);

PathwayMeeting *pathway_presenter_get_meeting (PathwayPresenter *self);
guint pathway_presenter_get_n_slides (PathwayPresenter *self);
guint pathway_presenter_get_position (PathwayPresenter *self);
void pathway_presenter_set_position (PathwayPresenter *self, guint position);
/* The action on the slide shown, or NULL on the title, overview and closing slides. */
PathwayAction *pathway_presenter_get_action (PathwayPresenter *self);
/* The actions presented, in order (transfer none). */
GListModel *pathway_presenter_get_actions (PathwayPresenter *self);
/* The "you said, we did" entries presented, oldest first (pathway_document_coproduction_to_
 * present; transfer none), and the one on the slide shown, or NULL. */
GListModel *pathway_presenter_get_coproduction (PathwayPresenter *self);
PathwayCoproduction *pathway_presenter_get_coproduction_entry (PathwayPresenter *self);
PathwayPresenterSlide *pathway_presenter_get_slide (PathwayPresenter *self);
/* Whether the note entry (after R, A, G, B or N) is open. */
gboolean pathway_presenter_get_entry_open (PathwayPresenter *self);
/* The note entry, to type into. */
GtkEditable *pathway_presenter_get_entry (PathwayPresenter *self);
/* On a note opened with N: record it as a decision rather than a note. */
void pathway_presenter_set_decision (PathwayPresenter *self, gboolean decision);
/* Whether the bar of keys is shown. */
gboolean pathway_presenter_get_hints_visible (PathwayPresenter *self);
/* The summary as it stands (what leaving would store). */
char *pathway_presenter_dup_summary (PathwayPresenter *self);
/* How many times the slide shown has been made from the model: tests count them. */
guint pathway_presenter_get_n_builds (PathwayPresenter *self);

G_END_DECLS
