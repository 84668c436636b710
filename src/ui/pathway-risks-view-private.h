/* pathway-risks-view-private.h: the Risks view's insides, shared by pathway-risks-view.c (the
 * table, its filters and the heat map) and pathway-risks-view-actions.c (the risks.* actions
 * that add, edit, raise an issue from, retire and show the history of an entry). Nothing else
 * includes it. */
#pragma once

#include "pathway-risks-view.h"

G_BEGIN_DECLS

/* The drop-downs' filters, in the order of the drop_downs array. */
typedef enum {
  RISK_CHOICE_STATUS,
  RISK_CHOICE_KIND,
  RISK_CHOICE_BAND,
  RISK_CHOICE_OWNER,
  RISK_CHOICE_WORKSTREAM,
  N_RISK_CHOICES
} RiskChoice;

typedef enum {
  RISK_COLUMN_REFERENCE,
  RISK_COLUMN_KIND,
  RISK_COLUMN_TITLE,
  RISK_COLUMN_OWNER,
  RISK_COLUMN_SCORE,
  RISK_COLUMN_RESIDUAL,
  RISK_COLUMN_STATUS,
  RISK_COLUMN_REVIEW,
  RISK_COLUMN_ACTIONS,
  N_RISK_COLUMNS
} RiskColumn;

struct _PathwayRisksView
{
  PathwayView parent_instance;

  /* The model chain (see pathway-risks-view.c). */
  GListStore *risks;          /* the programme's entries, by reference */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GHashTable *changed;        /* PathwayRisk (ref): to be placed and shown again */
  gboolean names_changed;     /* a person or workstream changed: every row shows it again */

  /* What is shown: the criteria, which the widgets only set. */
  char **search_words;        /* folded; NULL for none */
  guint statuses;             /* bits (1 << PathwayRiskStatus); 0: every status */
  guint kinds;                /* bits (1 << PathwayRiskKind); 0: every kind */
  guint bands;                /* bits (1 << PathwayRiskBand); 0: every band */
  PathwayPerson *owner;
  PathwayWorkstream *workstream;
  gboolean overdue_only;
  int cell_likelihood;        /* 0: every cell */
  int cell_impact;
  gboolean cell_residual;
  gboolean residual;          /* the heat map shows residual scores */
  GDate today;                /* the document's, for overdue reviews */
  gboolean syncing;           /* set while the widgets are put in line with the criteria */

  /* What the owner and workstream drop-downs stand for, at their positions (0: all). */
  GPtrArray *owner_values;
  GPtrArray *workstream_values;

  GtkColumnViewColumn *columns[N_RISK_COLUMNS];
  GtkWidget *list_view;       /* the column view's own list */
  GtkWidget *chart_view;      /* the heat map (PathwayChartView) */
  GtkWidget *cell_chosen;     /* an outline over the cell the log is filtered to */
  GtkWidget *cell_cursor;     /* an outline over the cell the keyboard is on */
  int cursor_likelihood;      /* 0 while the map has not the focus */
  int cursor_impact;
  GtkWidget *context_menu;    /* a row's menu, made when first wanted */

  /* Template children */
  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkWidget *add_button;
  GtkWidget *none_add_button;
  GtkDropDown *drop_downs[N_RISK_CHOICES];
  GtkToggleButton *overdue_toggle;
  GtkLabel *count_label;
  GtkWidget *cell_button;
  GtkLabel *cell_label;
  GtkWidget *clear_button;
  GtkWidget *heat_map_card;
  GtkBox *heat_map_slot;
  GtkToggleButton *current_toggle;
  GtkToggleButton *residual_toggle;
  GtkStack *table_stack;
  AdwStatusPage *no_match_page;
  GtkButton *no_match_button;
  GtkColumnView *column_view;
};

/* The entry of that id, if the programme has it live. */
PathwayRisk *_pathway_risks_view_find (PathwayRisksView *self, gint64 id);
/* The menu of an entry's row: Edit…, History…, Raise Issue… (a risk), Retire…. */
GMenuModel *_pathway_risks_view_risk_menu (PathwayRisk *risk);
/* Installs the risks.* actions (pathway-risks-view-actions.c) and their keys. */
void _pathway_risks_view_class_actions_init (GtkWidgetClass *widget_class);
/* Turns off what a read-only document, or none, does not allow. */
void _pathway_risks_view_update_actions (PathwayRisksView *self);

G_END_DECLS
