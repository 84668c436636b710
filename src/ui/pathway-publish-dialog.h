/* pathway-publish-dialog.h: Publish for Families…: the public version of the plan written into
 * a folder as a website and a PDF (pathway-publish.h), once the person says who approved it and
 * when. Shows the last publication and what has changed since. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PUBLISH_DIALOG (pathway_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPublishDialog, pathway_publish_dialog, PATHWAY, PUBLISH_DIALOG,
                      AdwWindow)

/* Opens over 'parent' for the document; the folder, approver and last publication are those
 * of the latest publication. "published" (PathwayPublication *publication) is emitted after a
 * publication was written, before the dialog closes. */
PathwayPublishDialog *pathway_publish_dialog_new (GtkWindow *parent, PathwayDocument *document);

/* The folder to publish into, as Choose Folder… sets it (for tests and callers that know). */
void pathway_publish_dialog_set_folder (PathwayPublishDialog *self, const char *folder);
const char *pathway_publish_dialog_get_folder (PathwayPublishDialog *self);

G_END_DECLS
