/* pathway-publish.h: the public version of the plan, for families. Areas must publish their
 * plan and their progress in plain words; pathway_publish writes it into a folder as a small
 * static website (index.html, a page per area of weakness, the figures, "You said, we did", a
 * stylesheet: HTML and CSS, no script) and a PDF of the same content, and records who approved
 * it and when as a "publication" record, with what changed since the one before.
 *
 * Only what is meant for the public is written: an area's title, the inspectors' finding, the
 * commitment and the plain-language summary; actions by their public summaries (the others
 * counted, never quoted), whether they are done and when the rest are due; ratings in words,
 * and only when the programme's "public-ratings" is on; indicators' readings against their
 * targets; the co-production entries marked public. Commentary, recovery plans, success
 * measures, evidence, risks, meetings, reading notes, and people not marked public never
 * appear; a person marked public is named with their role, never their email. No GTK here. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

/* Where the site starts, and the PDF beside it, in the folder published to. */
#define PATHWAY_PUBLISH_INDEX "index.html"
#define PATHWAY_PUBLISH_PDF "plan.pdf"

typedef struct {
  /* Who approved the publication, as they are to be named in the record ("Helen Ashworth,
   * Director of Children's Services"); required. Kept in the record, not printed. */
  const char *approved_by;
  /* The day it was approved; required, and not after the publish day. */
  const GDate *approved_on;
  /* The publish day, printed as "Last updated" on every page; NULL: today by the document's
   * clock. */
  const GDate *published;
} PathwayPublishOptions;

/* Writes the site and the PDF into 'folder' (made when missing) and adds a publication record
 * (published, approved-by, approved-on, folder, contents: a line per published item, changes:
 * what changed since the latest publication, or "First publication") in one batch, so one
 * undo takes it back. Every file is written to a temporary in the folder first, and the files
 * take their names only once the record is in: a failure anywhere leaves the old site and no
 * record. Refused (PATHWAY_ERROR_INVALID, saying what is missing) without an approver or an
 * approval day, or with an approval day after the publish day; a read-only document is refused
 * as every write is. *publication (may be NULL) receives the new record, transfer full. */
gboolean pathway_publish (PathwayDocument *document, const char *folder,
                          const PathwayPublishOptions *options,
                          PathwayPublication **publication, GError **error);

/* The latest publication (by its published day, then the order added), or NULL when there is
 * none or the records cannot be read (error set then). Transfer full. */
PathwayPublication *pathway_publish_get_latest (PathwayDocument *document, GError **error);

/* What publishing on 'published' (NULL: today by the document's clock) would list as changed
 * since the latest publication, a line each; "First publication" when there was none. Free
 * with g_free. NULL only when the file cannot be read. */
char *pathway_publish_dup_changes (PathwayDocument *document, const GDate *published,
                                   GError **error);

/* The plain words a rating is published as ("On track"); "" for no rating. The public words
 * are the same for every programme, so that families read one language whatever the
 * programme's own scheme calls its ratings. */
const char *pathway_publish_rating_words (PathwayRating rating);

G_END_DECLS
