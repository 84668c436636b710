/* pathway-presenter-slide.h: one slide of the presenter, drawn with Pango at the size it is
 * given, for a projector at the back of a room: type scales with the window (at 1024x768 the
 * title is at least 32 px and the rest at least 24 px); long titles wrap and then end with
 * "…"; an action's latest commentary always has three lines at the body size (or all of it)
 * before anything else is given room, and beyond that shrinks to a floor and then ends with
 * "…" and says how much more there is; nothing is drawn outside the slide. A rating is always
 * its word (or letter) as well as its colour. The slide shows what it is given as plain text:
 * it reads nothing itself.
 *
 * Each piece of text is a named part (its PangoLayout and where it is drawn), so tests can
 * compare what is drawn with the slide's allocation. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-chart.h"
#include "pathway-model.h"
#include "pathway-meeting-record.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_PRESENTER_SLIDE_TITLE,
  PATHWAY_PRESENTER_SLIDE_OVERVIEW,
  PATHWAY_PRESENTER_SLIDE_ACTION,
  PATHWAY_PRESENTER_SLIDE_CLOSING,
  PATHWAY_PRESENTER_SLIDE_COPRODUCTION,
} PathwayPresenterSlideKind;

/* The title slide: who meets, when, about what. */
typedef struct {
  char *programme;
  char *board;
  char *meeting;     /* the meeting's title, or NULL */
  char *date;        /* "Wednesday 18 November 2026" */
  char *location;    /* or NULL */
  char *agenda;      /* "14 actions to review" */
} PathwayPresenterTitleFacts;

/* The overview slide: the programme's ratings in words, and the chart. */
typedef struct {
  char *heading;
  char *as_at;       /* "18 November 2026 · 110 actions" */
  char *counts;      /* "7 red, 30 amber and 73 green." */
  char *agenda;      /* "This meeting reviews 14 actions." */
  PathwayChart *chart;
} PathwayPresenterOverviewFacts;

typedef struct {
  PathwayRating rating;
  char *word;        /* "Amber", for the slide's accessible text (the chip shows the letter) */
  char *date;        /* "12 Jun 2026" */
} PathwayPresenterTrailStep;

/* One action. */
typedef struct {
  char *reference;
  char *title;            /* the action's description */
  char *workstream;       /* "Workstream 2: Assessment and plans", or NULL */
  char *lead;             /* "Priya Shah, Head of SEN", or NULL */
  char *timescale;        /* "Dec 2025 → March 2026" */
  char *due;              /* "Overdue by 3 months", "Due December 2025, not complete", or
                           * NULL (pathway_action_dup_due_words) */
  gboolean due_warning;   /* the due words are a warning */
  PathwayRating rating;
  char *rating_word;
  char *rating_note;      /* "Amber at the last meeting", or NULL */
  char *commentary_heading;
  char *commentary;       /* or "" */
  char *recovery_plan;    /* a red action's, or NULL */
  PathwayPresenterTrailStep trail[6];
  guint n_trail;          /* oldest first */
  char *position;         /* "Action 3 of 14" */
} PathwayPresenterActionFacts;

/* The closing slide: what the meeting decided. */
typedef struct {
  char *heading;
  char *subheading;       /* "SEND Improvement Board · 18 November 2026" */
  GPtrArray *entries;     /* PathwayRecordEntry, oldest first (the slide keeps a reference) */
  GStrv lines;            /* each entry's line, at the same positions */
  char *footer;           /* "Press Escape to leave and see the summary" */
} PathwayPresenterClosingFacts;

/* One entry of "you said, we did": what an audience said, what the programme will do, and
 * what it did or why not. */
typedef struct {
  char *heading;          /* "You said, we did" */
  char *period;           /* "Since the meeting of 16 September 2026 · 2 of 5" */
  char *who;              /* "Survey, 212 responses · Annual parent carer survey" */
  char *date;             /* "12 September 2026" */
  PathwayResponseStatus status;
  char *status_word;      /* "Done" */
  char *said;
  char *will_do;          /* or NULL */
  char *did_heading;      /* "We did" or "Why not", or NULL */
  char *did;              /* or NULL */
  char *links;            /* "Actions 1A i, 2B iii · Area 2", or NULL */
} PathwayPresenterCoproductionFacts;

void pathway_presenter_title_facts_clear (PathwayPresenterTitleFacts *facts);
void pathway_presenter_overview_facts_clear (PathwayPresenterOverviewFacts *facts);
void pathway_presenter_action_facts_clear (PathwayPresenterActionFacts *facts);
void pathway_presenter_closing_facts_clear (PathwayPresenterClosingFacts *facts);
void pathway_presenter_coproduction_facts_clear (PathwayPresenterCoproductionFacts *facts);

/* A piece of text as drawn: its layout and the top left corner it is drawn at, in the slide's
 * coordinates. The font's size in pixels is the layout's font description's. */
typedef struct {
  const char *name;       /* "title", "commentary", "reference", ... */
  PangoLayout *layout;
  double x;
  double y;
} PathwayPresenterTextPart;

#define PATHWAY_TYPE_PRESENTER_SLIDE (pathway_presenter_slide_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPresenterSlide, pathway_presenter_slide, PATHWAY,
                      PRESENTER_SLIDE, GtkWidget)

GtkWidget *pathway_presenter_slide_new (void);

/* Each takes the facts (the slide owns them afterwards: pass a struct to copy from; its
 * fields are stolen and the struct is left cleared). */
void pathway_presenter_slide_show_title (PathwayPresenterSlide *self,
                                         PathwayPresenterTitleFacts *facts);
void pathway_presenter_slide_show_overview (PathwayPresenterSlide *self,
                                            PathwayPresenterOverviewFacts *facts);
void pathway_presenter_slide_show_action (PathwayPresenterSlide *self,
                                          PathwayPresenterActionFacts *facts);
void pathway_presenter_slide_show_closing (PathwayPresenterSlide *self,
                                           PathwayPresenterClosingFacts *facts);
void pathway_presenter_slide_show_coproduction (PathwayPresenterSlide *self,
                                                PathwayPresenterCoproductionFacts *facts);
PathwayPresenterSlideKind pathway_presenter_slide_get_kind (PathwayPresenterSlide *self);

/* The scale of the type: 1.0 for a 1024x768 window, growing with it. */
double pathway_presenter_slide_get_scale (PathwayPresenterSlide *self);
/* The text parts as laid out at the slide's current size (laid out now if need be). */
guint pathway_presenter_slide_get_n_parts (PathwayPresenterSlide *self);
const PathwayPresenterTextPart *pathway_presenter_slide_get_part (PathwayPresenterSlide *self,
                                                                  guint index);
const PathwayPresenterTextPart *pathway_presenter_slide_find_part (PathwayPresenterSlide *self,
                                                                   const char *name);
/* Where the chart of the overview slide is drawn (FALSE on other slides). */
gboolean pathway_presenter_slide_get_chart_area (PathwayPresenterSlide *self,
                                                 graphene_rect_t *area);

G_END_DECLS
