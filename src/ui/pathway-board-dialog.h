/* pathway-board-dialog.h: the small window that adds the board overseeing the programme, with
 * its chair (chosen, or added, with a PathwayPersonPicker) and the date of its next meeting,
 * written through the document as one batch that one undo takes back. The Board report view
 * offers it when the programme has no board, and so does meeting mode; for a board without
 * meetings, the report view offers it asking only for the next meeting's date.
 *
 * Signal "added" (PathwayBoard *board, PathwayMeeting *meeting): the board was added, and its
 * next meeting (NULL when no date was given); the programme holds them. The window closes
 * itself after it. */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_BOARD_DIALOG (pathway_board_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayBoardDialog, pathway_board_dialog, PATHWAY, BOARD_DIALOG,
                      AdwWindow)

PathwayBoardDialog *pathway_board_dialog_new (GtkWindow       *parent,
                                              PathwayDocument *document);
/* The same window, asking only for the date of the next meeting of a board that exists (the
 * date is then required); "added" gives that board and the new meeting. */
PathwayBoardDialog *pathway_board_dialog_new_meeting (GtkWindow       *parent,
                                                      PathwayDocument *document,
                                                      PathwayBoard    *board);

G_END_DECLS
