/* pathway-coproduction-view-private.h: the co-production view's insides, shared by
 * pathway-coproduction-view.c (the cards, filters and counts) and
 * pathway-coproduction-view-actions.c (the coproduction.* actions that add, edit, retire and
 * show the history of entries). Nothing else includes it. */
#pragma once

#include "pathway-coproduction-view.h"

G_BEGIN_DECLS

/* What a drop-down filter chooses among. */
typedef enum {
  FILTER_AUDIENCE,
  FILTER_STATUS,
  FILTER_PERIOD,
  FILTER_AREA,
  N_FILTERS
} PathwayCoproductionFilter;

/* A period of the period filter: a year or a quarter, first and last day. */
typedef struct {
  GDate first;
  GDate last;
} PathwayCoproductionPeriod;

struct _PathwayCoproductionView
{
  PathwayView parent_instance;

  /* Template children */
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkDropDown *drop_downs[N_FILTERS];
  GtkWidget *summary;
  GtkGrid *summary_grid;
  GtkLabel *summary_heading;
  GtkListBox *entries_list;

  GtkStringList *labels[N_FILTERS]; /* the drop-downs' items; the first is "All …" */
  GArray *audiences;                /* PathwayAudience of each item after the first */
  GArray *statuses;                 /* PathwayResponseStatus of each item after the first */
  GArray *periods;                  /* PathwayCoproductionPeriod of each item after the first */
  GPtrArray *areas;                 /* the area reference (char *) of each item after the first */
  char *search_key;                 /* the search, folded once for every card's test */
  gboolean syncing;                 /* the drop-downs are being refilled, not chosen from */
  guint n_entries;
  guint n_shown;
};

/* Installs the coproduction.* actions (pathway-coproduction-view-actions.c). */
void _pathway_coproduction_view_class_actions_init (GtkWidgetClass *widget_class);
/* Turns off what a read-only document, or none, does not allow. */
void _pathway_coproduction_view_update_actions (PathwayCoproductionView *self);
/* An entry's menu: Edit…, History…, Retire. */
GMenuModel *_pathway_coproduction_view_entry_menu (gint64 id);
/* Puts every filter back to "All" and empties the search. */
void _pathway_coproduction_view_clear_filters (PathwayCoproductionView *self);
/* "12 September 2026", or "Undated". */
char *_pathway_coproduction_view_dup_day (PathwayCoproduction *entry);

G_END_DECLS
