/* pathway-publication.h: a record of the public version of the plan being published: when,
 * who approved it and when, where it was written, what changed since the one before, and what
 * it held (so the next can say what changed). */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PUBLICATION (pathway_publication_get_type ())

G_DECLARE_FINAL_TYPE (PathwayPublication, pathway_publication, PATHWAY, PUBLICATION, GObject)

PathwayPublication *pathway_publication_new (void);

gint64 pathway_publication_get_id (PathwayPublication *self);
/* The day the public version was published. */
const GDate *pathway_publication_get_published (PathwayPublication *self);
void pathway_publication_set_published (PathwayPublication *self, const GDate *published);
/* Who approved it, as they are to be named ("Director of Children's Services"). */
const char *pathway_publication_get_approved_by (PathwayPublication *self);
void pathway_publication_set_approved_by (PathwayPublication *self, const char *approved_by);
const GDate *pathway_publication_get_approved_on (PathwayPublication *self);
void pathway_publication_set_approved_on (PathwayPublication *self, const GDate *approved_on);
/* Where it was written. */
const char *pathway_publication_get_folder (PathwayPublication *self);
void pathway_publication_set_folder (PathwayPublication *self, const char *folder);
/* What changed since the publication before, a line each, as listed on the site. */
const char *pathway_publication_get_changes (PathwayPublication *self);
void pathway_publication_set_changes (PathwayPublication *self, const char *changes);
/* What was published, a line per item (reference, words, rating), to compare the next
 * publication with. */
const char *pathway_publication_get_contents (PathwayPublication *self);
void pathway_publication_set_contents (PathwayPublication *self, const char *contents);

G_END_DECLS
