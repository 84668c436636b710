/* pathway-setup-view.h: the programme's structure, set up and kept: its people, its areas of
 * weakness, and its boards with their meetings, each a section with its list and what can be
 * done to a record (add, edit, see its history, merge, retire). */
#pragma once

#include <adwaita.h>

#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_SETUP_VIEW (pathway_setup_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaySetupView, pathway_setup_view, PATHWAY, SETUP_VIEW, PathwayView)

GtkWidget *pathway_setup_view_new (void);
/* Shows a section: "people", "areas" or "boards" (on a narrow window, its page rather than the
 * list of sections). */
void pathway_setup_view_show_section (PathwaySetupView *self,
                                      const char       *section);
/* The section shown. */
const char *pathway_setup_view_get_section (PathwaySetupView *self);

G_END_DECLS
