/* pathway-rating-bar.h: a small horizontal bar split in the rating colours, one segment per
 * rating in proportion to its count (worst first), for a workstream's spread of ratings at a
 * glance. Colour alone carries nothing: its tooltip and accessible description give the counts
 * in words ("7 red, 30 amber, 73 green"), and the views show the counts beside it. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-model.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RATING_BAR (pathway_rating_bar_get_type ())
G_DECLARE_FINAL_TYPE (PathwayRatingBar, pathway_rating_bar, PATHWAY, RATING_BAR, GtkWidget)

GtkWidget *pathway_rating_bar_new (void);
/* counts: actions by rating, indexed by PathwayRating (as pathway_programme_count_ratings). */
void pathway_rating_bar_set_counts (PathwayRatingBar *self,
                                    const guint       counts[PATHWAY_N_RATINGS]);
guint pathway_rating_bar_get_count (PathwayRatingBar *self, PathwayRating rating);
/* The counts in words, as given to assistive technologies: "7 red, 30 amber, 73 green". */
const char *pathway_rating_bar_get_summary (PathwayRatingBar *self);

G_END_DECLS
