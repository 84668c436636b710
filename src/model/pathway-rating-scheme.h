/* pathway-rating-scheme.h: how this programme words its ratings: the label and definition the
 * board gave red, amber, green and, where the area uses BRAG, blue. Every report shows them as
 * its key, so a rating always reads in the area's own words. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RATING_SCHEME (pathway_rating_scheme_get_type ())

G_DECLARE_FINAL_TYPE (PathwayRatingScheme, pathway_rating_scheme, PATHWAY, RATING_SCHEME, GObject)

PathwayRatingScheme *pathway_rating_scheme_new (void);

gint64 pathway_rating_scheme_get_id (PathwayRatingScheme *self);
gboolean pathway_rating_scheme_get_uses_blue (PathwayRatingScheme *self);

/* "Not rated" and "" for PATHWAY_RATING_NONE; setting NONE does nothing. */
const char *pathway_rating_scheme_get_label (PathwayRatingScheme *self, PathwayRating rating);
const char *pathway_rating_scheme_get_definition (PathwayRatingScheme *self, PathwayRating rating);
/* Whether a board may give this rating: blue only when the scheme uses it. */
gboolean pathway_rating_scheme_offers (PathwayRatingScheme *self, PathwayRating rating);

const char *pathway_rating_scheme_get_red_label (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_red_definition (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_amber_label (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_amber_definition (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_green_label (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_green_definition (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_blue_label (PathwayRatingScheme *self);
const char *pathway_rating_scheme_get_blue_definition (PathwayRatingScheme *self);

G_END_DECLS
