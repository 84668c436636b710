/* pathway-coproduction-view.h: "you said, we did", the programme's co-production: what parent
 * carers, young people, schools and surveys told the programme, what it will do about it, and
 * what it did or why not. Entries are listed newest first as cards (date, who, "You said",
 * "We will", "We did" or "Why not", the status as a word on a chip, and the linked actions and
 * areas, which open the action and show the area's entries), filtered by audience, status,
 * period and area of weakness and searched as one types, under the counts by audience this
 * quarter and last. Entries are added, edited, retired (with Undo) and their history shown
 * through the coproduction.* actions (pathway-coproduction-view-actions.c), in the record
 * dialog. */
#pragma once

#include "pathway-record-dialog.h"
#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_COPRODUCTION_VIEW (pathway_coproduction_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayCoproductionView, pathway_coproduction_view, PATHWAY,
                      COPRODUCTION_VIEW, PathwayView)

GtkWidget *pathway_coproduction_view_new (void);

/* The fields of an entry as the record dialog and the history show them. */
const PathwayRecordField *pathway_coproduction_view_get_fields (void);
/* Shows only the entries linked to the area of weakness with this reference ("2"); NULL or ""
 * shows every area's. */
void pathway_coproduction_view_show_area (PathwayCoproductionView *self,
                                          const char              *reference);
/* How many entries the filters let through, and how many there are. */
guint pathway_coproduction_view_get_n_shown (PathwayCoproductionView *self);
guint pathway_coproduction_view_get_n_entries (PathwayCoproductionView *self);

G_END_DECLS
