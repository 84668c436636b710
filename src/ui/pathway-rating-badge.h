/* pathway-rating-badge.h: a rating shown as a coloured square carrying its letter, so that
 * it reads without colour. Its tooltip and accessible label give the scheme's word. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-model.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RATING_BADGE (pathway_rating_badge_get_type ())
G_DECLARE_FINAL_TYPE (PathwayRatingBadge, pathway_rating_badge, PATHWAY, RATING_BADGE, GtkWidget)

GtkWidget *pathway_rating_badge_new (void);
/* word: the programme's word for the rating (from its scheme), or NULL for the default. */
void pathway_rating_badge_set_rating (PathwayRatingBadge *self, PathwayRating rating,
                                      const char *word);
PathwayRating pathway_rating_badge_get_rating (PathwayRatingBadge *self);
/* A smaller badge for table rows. */
void pathway_rating_badge_set_small (PathwayRatingBadge *self, gboolean small);

G_END_DECLS
