/* pathway-meeting-record.h: what a board meeting recorded, as meeting mode's closing slide,
 * its summary dialog and the meeting's stored summary tell it: every re-rating (from, to and
 * its note), note and decision made while the meeting was set on the document, read back from
 * the updates linked to it, plus the notes and decisions about the meeting as a whole (which
 * belong to no action and so live only in the meeting's summary).
 *
 * The summary is plain text lines, so that the next board pack can print it as written under
 * "movements since the last meeting":
 *
 *   Text written about the meeting before it was presented, kept as it was.
 *
 *   Re-ratings
 *   - 1B vi: Amber → Red. Evidence of impact is not yet there.
 *   Notes
 *   - 2A i: The ICB will report the trajectory monthly.
 *   Decisions
 *   - Next meeting moved to January.
 *
 * The record is read through the document (pathway_document_list_meeting_updates), so it is
 * the same with or without a display. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_RECORD_RERATING,
  PATHWAY_RECORD_NOTE,
  PATHWAY_RECORD_DECISION,
} PathwayRecordKind;

typedef struct {
  PathwayRecordKind kind;
  char *reference;      /* the action's; NULL for the meeting as a whole */
  PathwayRating from;   /* a re-rating's */
  PathwayRating to;
  char *text;           /* the note or decision, or a re-rating's note ("" when none) */
} PathwayRecordEntry;

PathwayRecordEntry *pathway_record_entry_new (PathwayRecordKind kind, const char *reference,
                                              const char *text);
void pathway_record_entry_free (PathwayRecordEntry *entry);

/* The word a rating is given in this scheme ("Not rated" when none, the default word when the
 * scheme leaves it blank). */
const char *pathway_record_rating_word (PathwayRatingScheme *scheme, PathwayRating rating);

/* The entries made in the meeting, oldest first, from the updates linked to it: ratings give
 * re-ratings, notes give notes and decisions. Then the entries in 'general' (about the
 * meeting as a whole), copied. Element type PathwayRecordEntry (the array frees them). */
GPtrArray *pathway_record_collect (PathwayDocument *document, PathwayMeeting *meeting,
                                   GPtrArray *general, GError **error);

/* One line for an entry, without a bullet: "1B vi: Amber → Red. Note." */
char *pathway_record_format_entry (const PathwayRecordEntry *entry, PathwayRatingScheme *scheme);

/* The summary text: 'prior' (may be NULL or empty) then a section for each kind that has
 * entries. Returns "" when there is neither. */
char *pathway_record_format_summary (const char *prior, GPtrArray *entries,
                                     PathwayRatingScheme *scheme);

/* Reads a summary made by pathway_record_format_summary back: what came before the first
 * section heading (trimmed) in 'prior', and the notes and decisions whose lines are not among
 * those of 'action_entries' (the entries recorded against actions, which the updates give
 * again) appended to 'general' as entries about the meeting as a whole. A summary written by
 * hand is all prior. */
void pathway_record_parse_summary (const char *summary, GPtrArray *action_entries,
                                   PathwayRatingScheme *scheme, char **prior,
                                   GPtrArray *general);

G_END_DECLS
