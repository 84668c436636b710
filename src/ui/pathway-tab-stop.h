/* pathway-tab-stop.h: a bin that makes its child, a table, list or sidebar, one Tab stop.
 *
 * Tab from before it enters the child where the arrows last left the focus (GTK's lists
 * remember it); from inside, Tab and Shift+Tab go on to the controls after and before it,
 * whereas GTK 4.8's lists and list boxes move from row to row and leave only after the last
 * (110 stops across the tracker). The arrows and every other key still move inside. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATHWAY_TYPE_TAB_STOP (pathway_tab_stop_get_type ())
G_DECLARE_FINAL_TYPE (PathwayTabStop, pathway_tab_stop, PATHWAY, TAB_STOP, AdwBin)

GtkWidget *pathway_tab_stop_new (void);

/* The same for a list box that cannot be put in one (the list of an AdwPreferencesGroup):
 * Tab and Shift+Tab on a row go on past the list, unless the row holds controls of its own,
 * which Tab still reaches. */
void       pathway_tab_stop_attach       (GtkWidget *list);
/* Attaches every list box under root that is not in a PathwayTabStop already. */
void       pathway_tab_stop_attach_lists (GtkWidget *root);

G_END_DECLS
