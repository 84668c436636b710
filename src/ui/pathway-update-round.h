/* pathway-update-round.h: the monthly update as a round: the actions that need an update (not
 * complete, no change of rating, status or commentary since a day) in the plan's order, gone
 * through one after another. The round remembers where it stopped, so leaving it and coming
 * back goes on from there; what counts as updated is asked of the file each time, so an update
 * made anywhere (the tracker, an import, another round) counts. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_UPDATE_ROUND (pathway_update_round_get_type ())
G_DECLARE_FINAL_TYPE (PathwayUpdateRound, pathway_update_round, PATHWAY, UPDATE_ROUND, GObject)

/* A round of the actions needing an update since the start of 'since', in the order 'order'
 * sorts them (the tracker's; NULL or a tie: the plan's), positioned on the first. NULL with
 * 'error' set when the history cannot be read. */
PathwayUpdateRound *pathway_update_round_new (PathwayDocument *document, const GDate *since,
                                              GtkSorter *order, GError **error);
PathwayDocument *pathway_update_round_get_document (PathwayUpdateRound *self);
const GDate *pathway_update_round_get_since (PathwayUpdateRound *self);

/* How many actions the round began with. */
guint pathway_update_round_get_n_actions (PathwayUpdateRound *self);
/* Of those, how many need no update now (updated since the day, completed or deleted). */
guint pathway_update_round_count_updated (PathwayUpdateRound *self);
/* How many were passed over with Skip and still need an update. */
guint pathway_update_round_count_skipped (PathwayUpdateRound *self);
/* Where the round is: 0 for its first action, up to n_actions when it has finished. */
guint pathway_update_round_get_position (PathwayUpdateRound *self);
/* The action the round is on, or NULL when it has finished. */
PathwayAction *pathway_update_round_get_current (PathwayUpdateRound *self);
gboolean pathway_update_round_is_finished (PathwayUpdateRound *self);
/* Whether the action the round is on still needs an update (FALSE when it was updated or
 * deleted since, or the round has finished). */
gboolean pathway_update_round_current_needs_update (PathwayUpdateRound *self);

/* Moves on to the next of the round's actions that still needs an update; the current one is
 * marked skipped when 'skip'. Returns FALSE when there is none (the round has finished). */
gboolean pathway_update_round_advance (PathwayUpdateRound *self, gboolean skip);

/* The day a round starts from unless the person picks another: the last meeting on or before
 * today of the board named (the default board; NULL or not found: the programme's first
 * board), or, with no meeting, a month before today. */
void pathway_update_round_default_since (PathwayDocument *document, const char *board_name,
                                         GDate *since);

G_END_DECLS
