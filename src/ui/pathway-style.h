/* pathway-style.h: Pathway's style sheet and the rating colours' class names. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-model.h"

G_BEGIN_DECLS

/* Adds ui/style.css to the display once (windows made without the application, as in the
 * tests, need it as much as the application's own). */
void pathway_style_install (GdkDisplay *display);

/* "red", "amber", ...: the CSS class of a rating. */
const char *pathway_style_rating_class (PathwayRating rating);

/* Worst first: the order in which boards read a rating summary. */
extern const PathwayRating pathway_style_rating_order[PATHWAY_N_RATINGS];

G_END_DECLS
