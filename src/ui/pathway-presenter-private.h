/* pathway-presenter-private.h: the presenter's insides, shared by pathway-presenter.c (the
 * slides, the note bar, leaving) and pathway-presenter-actions.c (its actions and the keys
 * bound to them). Nothing else includes it. */
#pragma once

#include "pathway-presenter.h"
#include "pathway-refresh.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_PRESENTER_ENTRY_NONE,
  PATHWAY_PRESENTER_ENTRY_RATING,
  PATHWAY_PRESENTER_ENTRY_NOTE,
  PATHWAY_PRESENTER_ENTRY_RECOVERY, /* a red action's recovery plan (P) */
} PathwayPresenterEntryMode;

struct _PathwayPresenter
{
  AdwWindow parent_instance;

  GtkWindow *parent;         /* weak */
  PathwayDocument *document;
  PathwayMeeting *meeting;
  PathwayBoard *board;
  PathwayMeeting *previous;  /* the board's meeting before this one, or NULL */
  GArray *previous_states;   /* PathwayActionState at the previous meeting, or NULL */
  GListStore *actions;
  GListStore *coproduction;  /* "you said, we did" entries of the period, oldest first */
  GDate coproduction_since;  /* the previous meeting's day they follow, or invalid */
  GDate today;
  guint position;
  gboolean writable;
  char *why_read_only;
  gboolean left;

  char *prior_summary;       /* what the meeting's summary said before it was presented */
  char *opening_summary;     /* the summary as this presenter would have written it on opening */
  GPtrArray *general;        /* PathwayRecordEntry about the meeting as a whole */
  gboolean recorded;         /* anything recorded since the presenter opened */

  PathwayPresenterEntryMode entry_mode;
  PathwayRating pending_rating;
  gboolean decision;         /* the note being typed is a decision ("note-kind") */

  /* The slide is made again from the model on an idle after changes to the action shown,
   * or at once when another slide is chosen. */
  PathwayRefresh refresh;
  PathwayAction *shown_action; /* watched while shown */
  PathwayCoproduction *shown_entry; /* watched while shown */
  guint n_builds;

  PathwayPresenterSlide *slide;
  GtkWidget *note_bar;
  GtkWidget *note_badge;
  GtkWidget *note_kinds;
  GtkLabel *note_prompt;
  GtkWidget *note_help;      /* "Enter saves, Esc cancels" */
  GtkLabel *note_problem;
  GtkEntry *entry;
  GtkWidget *hint_bar;
  GtkLabel *hint_keys;
  GtkLabel *hint_reason;

  GtkCssProvider *css;
  int bar_px;
  guint css_idle;
};

/* pathway-presenter-actions.c */
void _pathway_presenter_class_actions_init (PathwayPresenterClass *klass);
/* Turns the actions on and off for where the presenter is: while a note is typed only saving
 * and cancelling it are on, so the other keys are typing; rating needs an action shown. */
void _pathway_presenter_update_actions (PathwayPresenter *self);

/* pathway-presenter.c, for the actions */
void _pathway_presenter_start_rating (PathwayPresenter *self, PathwayRating rating);
void _pathway_presenter_start_note (PathwayPresenter *self);
void _pathway_presenter_save_note (PathwayPresenter *self);
void _pathway_presenter_start_recovery (PathwayPresenter *self);
void _pathway_presenter_cancel_note (PathwayPresenter *self);
void _pathway_presenter_set_hints_visible (PathwayPresenter *self, gboolean visible);
/* The position of the first "you said, we did" slide; 0 when there is none. */
guint _pathway_presenter_first_coproduction_slide (PathwayPresenter *self);

G_END_DECLS
