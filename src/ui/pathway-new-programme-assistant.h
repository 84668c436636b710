/* pathway-new-programme-assistant.h: the window that sets up a new programme, a page at a
 * time: the programme (name, local area, partners, inspection framework and dates), its rating
 * scheme (RAG or BRAG, and each rating's word and definition in the area's own terms), where
 * its actions come from (a tracker to import, or none), and its board with the board's chair
 * and next meeting. Create asks where to save the file (unless a path was given), creates it
 * with pathway_document_create and writes the rest through the document in one batch.
 *
 * Signal "created" (PathwayDocument *document, gboolean import): the programme was created
 * and written, and 'import' says whether the person chose to import a tracker next. The
 * window closes itself after it. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_NEW_PROGRAMME_ASSISTANT (pathway_new_programme_assistant_get_type ())
G_DECLARE_FINAL_TYPE (PathwayNewProgrammeAssistant, pathway_new_programme_assistant, PATHWAY,
                      NEW_PROGRAMME_ASSISTANT, AdwWindow)

PathwayNewProgrammeAssistant *pathway_new_programme_assistant_new (GtkWindow *parent);

/* The folder the save dialog opens in (NULL: its own choice). */
void pathway_new_programme_assistant_set_folder (PathwayNewProgrammeAssistant *self,
                                                 GFile                        *folder);
/* Who the programme's first changes are recorded as made by (NULL or "": the document's
 * default, the user's real name). */
void pathway_new_programme_assistant_set_author (PathwayNewProgrammeAssistant *self,
                                                 const char                   *author);
/* Where Create makes the file, without asking (its "path" property); NULL asks, as it does
 * unless told. ".pathway" is added when the name lacks it. */
void pathway_new_programme_assistant_set_path (PathwayNewProgrammeAssistant *self,
                                               const char                   *path);
const char *pathway_new_programme_assistant_get_path (PathwayNewProgrammeAssistant *self);

/* The page shown: "programme", "ratings", "start" or "board". */
const char *pathway_new_programme_assistant_get_page (PathwayNewProgrammeAssistant *self);

G_END_DECLS
