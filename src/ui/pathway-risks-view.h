/* pathway-risks-view.h: the risk and issue log: every entry in a sortable table (highest score
 * first), with a live search, filters for status (open and escalated unless asked), kind,
 * band, owner, workstream and overdue reviews, the count shown, and the heat map of the
 * entries shown by likelihood and impact, current or residual, whose cells filter the table.
 * Entries are added, edited, raised as issues, retired and their history shown from here
 * (risks.* actions, PathwayRiskDialog); a programme without entries is offered Add Risk… and
 * Import Risk Register… (win.import-risks). */
#pragma once

#include <adwaita.h>
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RISKS_VIEW (pathway_risks_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayRisksView, pathway_risks_view, PATHWAY, RISKS_VIEW, PathwayView)

GtkWidget *pathway_risks_view_new (void);

/* Sets the search entry's text and filters by it at once. */
void pathway_risks_view_set_search (PathwayRisksView *self, const char *text);
/* Back to the log's usual view: no search, the open and escalated entries of every kind,
 * band, owner, workstream and cell. */
void pathway_risks_view_clear_filters (PathwayRisksView *self);
/* The same, with every status: the closed entries too. */
void pathway_risks_view_show_all (PathwayRisksView *self);
/* Shows only the entries in one cell of the heat map (likelihood and impact, 1 to 5, of their
 * current or residual scores), as clicking the cell does; 0 and 0 show every cell. */
void pathway_risks_view_filter_cell (PathwayRisksView *self, int likelihood, int impact,
                                     gboolean residual);
/* Whether the heat map shows residual scores (the Residual toggle). */
void pathway_risks_view_set_residual (PathwayRisksView *self, gboolean residual);
/* The entries shown, filtered and in the table's order (transfer none). Items: PathwayRisk. */
GListModel *pathway_risks_view_get_shown (PathwayRisksView *self);
guint pathway_risks_view_get_n_shown (PathwayRisksView *self);
/* Selects the entry (by id) and scrolls to it; FALSE when it is not shown. */
gboolean pathway_risks_view_select (PathwayRisksView *self, gint64 id);
/* The entry selected, or NULL. */
PathwayRisk *pathway_risks_view_get_selected (PathwayRisksView *self);
/* What a screen reader says for an entry's row: "R04, Risk, Too few educational
 * psychologists, score 16 high, owner Beth Kowalski, review 14 January 2027". */
char *pathway_risks_view_describe_risk (PathwayRisksView *self, PathwayRisk *risk);

G_END_DECLS
