/* pathway-document.h: a programme kept in one .pathway file, and the ONE way to change it.
 *
 * A document opens (or creates) the SQLite file, checks it is ours and not newer than us,
 * migrates it forward after a backup, takes an exclusive lock for as long as it is open, and
 * loads the programme into model objects. Every change goes through a pathway_document_*
 * call: it writes one transaction, then updates the model objects (whose notify signals
 * refresh the views). A write that fails leaves file and model as they were and sets a
 * PathwayError. Changes of rating, status, revised timescale and commentary append an
 * ActionUpdate, so the history of every action, and of the whole programme, can be told. */
#pragma once

#include <gio/gio.h>
#include "pathway-model.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_DOCUMENT (pathway_document_get_type ())
G_DECLARE_FINAL_TYPE (PathwayDocument, pathway_document, PATHWAY, DOCUMENT, GObject)

/* The file's schema version this build writes; older files are migrated forward. */
#define PATHWAY_SCHEMA_VERSION 7
/* "PWAY": the SQLite application_id that says a file is a Pathway programme. */
#define PATHWAY_APPLICATION_ID 0x50574159

typedef enum {
  PATHWAY_OPEN_DEFAULT = 0,
  PATHWAY_OPEN_READ_ONLY = 1 << 0, /* never write, even if the file is writable */
  PATHWAY_OPEN_NO_BACKUP = 1 << 1, /* a throw-away copy: take no backup (pathway-backup.h) */
  /* A large file's index comparison is left to check_step and finish_check (below) rather than
   * made before open returns: for the window, which opens within its budget and finishes the
   * check in idle moments. */
  PATHWAY_OPEN_DEFER_CHECK = 1 << 2,
  /* The backup that opening for writing takes (pathway-backup.h) is left to
   * pathway_document_backup_if_pending, or to the first write, which takes it first: for the
   * window, which shows the programme before it spends the time on a copy of the file. */
  PATHWAY_OPEN_DEFER_BACKUP = 1 << 3,
} PathwayOpenFlags;

/* Creating and opening ------------------------------------------------------------------ */

PathwayDocument *pathway_document_create (const char *path, const char *programme_name,
                                          GError **error);
/* Opens the file the path names, following symbolic links to it and to folders above it. A
 * rollback journal left by a crash is rolled back first, for a read-only open too, when the
 * file and its folder can be written; otherwise the open is refused saying so. */
PathwayDocument *pathway_document_open (const char *path, PathwayOpenFlags flags,
                                        GError **error);
/* For a file another process holds: copies it (with its rollback journal, so a write caught
 * half-way is rolled back in the copy) and opens the copy read-only; symbolic links are
 * followed first. The reason says whose
 * file it is and when the copy was taken. The copy is removed when the document closes. */
PathwayDocument *pathway_document_open_copy (const char *path, GError **error);
/* Releases the lock; later calls fail. Finalising an open document closes it too. */
void pathway_document_close (PathwayDocument *self);

const char *pathway_document_get_path (PathwayDocument *self);
PathwayProgramme *pathway_document_get_programme (PathwayDocument *self);
gboolean pathway_document_get_read_only (PathwayDocument *self);
/* Why the document is read-only (for a banner), or NULL when it is not. */
const char *pathway_document_get_read_only_reason (PathwayDocument *self);
/* Path of the backup written before a migration on this open, or NULL. */
const char *pathway_document_get_migration_backup (PathwayDocument *self);
/* TRUE when the file was saved by an older version and opened read-only (by the flag or
 * because it cannot be written): the document shows an upgraded temporary copy, the file is
 * unchanged, and its path is still the file's. */
gboolean pathway_document_get_needs_upgrade (PathwayDocument *self);
/* TRUE when such a file and its folder can be written, so opening it for editing upgrades it
 * (after a backup beside it). */
gboolean pathway_document_get_can_upgrade (PathwayDocument *self);

/* The author recorded on every update: the user's real name (or login) until set. */
const char *pathway_document_get_author (PathwayDocument *self);
void pathway_document_set_author (PathwayDocument *self, const char *author);

/* The clock: NULL means the real one. Tests and the demo set it to date their updates. */
void pathway_document_set_now (PathwayDocument *self, GDateTime *now);
GDateTime *pathway_document_dup_now (PathwayDocument *self);

/* The meeting that changes are being made in (meeting mode), or NULL. */
void pathway_document_set_meeting (PathwayDocument *self, PathwayMeeting *meeting);

/* Batches: many writes in one transaction (import, demo). Undo treats a batch as one step.
 * On rollback the model is reloaded from the file. */
gboolean pathway_document_begin_batch (PathwayDocument *self, const char *label, GError **error);
gboolean pathway_document_commit_batch (PathwayDocument *self, GError **error);
void pathway_document_rollback_batch (PathwayDocument *self);
/* Inside a batch: dates the changes written from here on at the last second of 'date' (local
 * time) instead of by the clock, so that "as at" answers and monthly counts for that day and
 * after see them, and those for the days before do not. For history that comes from an
 * earlier time, such as a tracker's ratings of past months. NULL goes back to the clock, as
 * the end of the outermost batch does. A day after today (by the document's clock) is
 * INVALID. Each change keeps a second time, when it was written
 * (pathway_action_update_get_recorded), for the audit trail. A field that already changed
 * after that day, or of a record created after it, keeps its value: the change joins its
 * history between the others, and a record created later has its creation dated back to that
 * day (it stood then, as the change says). Undo takes such changes out of the history again
 * (and the creation forward), and a record added as at a past day is retired from that same
 * moment, so no day shows it. */
gboolean pathway_document_set_as_at (PathwayDocument *self, const GDate *date, GError **error);

/* Changing fields ------------------------------------------------------------------------
 * Sets one property of a model object that belongs to this document, e.g. an action's
 * "rating", a workstream's "title", the programme's "name", the rating scheme's
 * "amber-definition". Only properties the file keeps are accepted (others: INVALID). On an
 * action, rating/status/commentary changes append an update carrying the note; other action
 * fields append a TEXT update. Setting the value it already has writes nothing. */
gboolean pathway_document_set_value (PathwayDocument *self, gpointer object,
                                     const char *property, const GValue *value,
                                     const char *note, GError **error);
gboolean pathway_document_set_text (PathwayDocument *self, gpointer object,
                                    const char *property, const char *text, GError **error);
gboolean pathway_document_set_rating (PathwayDocument *self, PathwayAction *action,
                                      PathwayRating rating, const char *note, GError **error);
gboolean pathway_document_set_status (PathwayDocument *self, PathwayAction *action,
                                      PathwayStatus status, const char *note, GError **error);
gboolean pathway_document_set_commentary (PathwayDocument *self, PathwayAction *action,
                                          const char *commentary, GError **error);
/* The original timescale never changes once set; a revision is a record with its reason. */
gboolean pathway_document_revise_timescale (PathwayDocument *self, PathwayAction *action,
                                            const PathwayTimescale *timescale,
                                            const char *reason, const char *approved_by,
                                            const GDate *approved_on, GError **error);

/* Adding and removing -------------------------------------------------------------------
 * "draft" is a new object made with pathway_*_new() and filled in by the caller; on success
 * it is given an id and joins the programme (the document keeps a reference). */
gboolean pathway_document_add_area (PathwayDocument *self, PathwayAreaOfWeakness *draft,
                                    GError **error);
gboolean pathway_document_add_person (PathwayDocument *self, PathwayPerson *draft,
                                      GError **error);
gboolean pathway_document_add_workstream (PathwayDocument *self, PathwayWorkstream *draft,
                                          GError **error);
gboolean pathway_document_add_member (PathwayDocument *self, PathwayWorkstream *workstream,
                                      PathwayPerson *person, const char *role, GError **error);
gboolean pathway_document_link_area (PathwayDocument *self, PathwayWorkstream *workstream,
                                     PathwayAreaOfWeakness *area, GError **error);
gboolean pathway_document_unlink_area (PathwayDocument *self, PathwayWorkstream *workstream,
                                       PathwayAreaOfWeakness *area, GError **error);
/* Records the creation, and the rating, status and commentary it starts with, as the
 * action's first updates. */
gboolean pathway_document_add_action (PathwayDocument *self, PathwayAction *draft,
                                      GError **error);
/* Removal is retiring: it keeps the row and its history (a DELETED update); undo brings it
 * back. */
gboolean pathway_document_delete_action (PathwayDocument *self, PathwayAction *action,
                                         const char *note, GError **error);
gboolean pathway_document_add_evidence (PathwayDocument *self, PathwayAction *action,
                                        PathwayEvidence *draft, GError **error);
gboolean pathway_document_add_indicator (PathwayDocument *self, PathwayIndicator *draft,
                                         GError **error);
gboolean pathway_document_add_reading (PathwayDocument *self, PathwayIndicator *indicator,
                                       PathwayReading *draft, GError **error);
gboolean pathway_document_add_milestone (PathwayDocument *self, PathwayIndicator *indicator,
                                         PathwayMilestone *draft, GError **error);
gboolean pathway_document_add_board (PathwayDocument *self, PathwayBoard *draft,
                                     GError **error);
gboolean pathway_document_add_meeting (PathwayDocument *self, PathwayBoard *board,
                                       PathwayMeeting *draft, GError **error);

/* Every kind of record -------------------------------------------------------------------
 * Programme settings, areas, people, workstreams, members, actions, timescale revisions,
 * evidence, indicators, readings, milestones, boards, meetings and return forms are each
 * added, changed field by field and retired through the calls below (the add_* and set_*
 * calls above are the same mechanism): every change is a row of the change log (author, time, field, from,
 * to, note, meeting) and can be undone and redone. Records are never erased: a retired record
 * leaves the programme's lists but stays in the file, in the history and in "as at" answers.
 * Every record has a UUID that stays the same when the programme is copied to another store. */
typedef struct _PathwayKind PathwayKind;

/* A kind by its name ("person", "area", "workstream", "member", "board", "meeting",
 * "indicator", "reading", "milestone", "action", "evidence", "revision", "return-form",
 * "programme"), or NULL. */
const PathwayKind *pathway_kind_lookup (const char *name);
const char *pathway_kind_get_name (const PathwayKind *kind);
/* The kind of a record (a PathwayPerson is a "person"), or NULL for an object of no kind. */
const PathwayKind *pathway_kind_for_record (gpointer record);
GType pathway_kind_get_record_type (const PathwayKind *kind);
/* The kinds' names, NULL-terminated, owners before what they own. */
const char *const *pathway_kind_list_names (void);
/* The kind's fields as the command line names them ("name", "role", ...), NULL-terminated;
 * free the array with g_free (the strings are static). */
const char **pathway_kind_dup_fields (const PathwayKind *kind);
/* The command line's name of the field a property is kept in ("better" for "direction"), or
 * the property itself when it is not a field of the kind. */
const char *pathway_kind_field_for_property (const PathwayKind *kind, const char *property);
/* TRUE when the field names the record (alone or with others, "board" and "date" for a
 * meeting). */
gboolean pathway_kind_field_is_key (const PathwayKind *kind, const char *field);

/* Adds a draft of any kind to its owner (a board for a meeting, NULL for a kind the programme
 * holds). Undo retires it again; redo brings it back. */
gboolean pathway_document_add (PathwayDocument *self, gpointer owner, gpointer draft,
                               GError **error);
/* The same, with a note kept in the record's creation row of the change log ("Imported from
 * risks.xlsx"), as a change's note is. A kind with an add of its own (an action, a revision)
 * keeps no note this way: give an action's with pathway_document_add_note. */
gboolean pathway_document_add_with_note (PathwayDocument *self, gpointer owner, gpointer draft,
                                         const char *note, GError **error);
/* Retires a record: it leaves the programme's lists, keeps its row and history, and counts
 * in "as at" answers for the days before. Undo brings it back. A record still used by a live
 * record (a person who leads a workstream) is refused with PATHWAY_ERROR_IN_USE, naming the
 * uses: reassign them first. */
gboolean pathway_document_retire (PathwayDocument *self, gpointer record, const char *note,
                                  GError **error);
gboolean pathway_document_is_retired (PathwayDocument *self, gpointer record);

/* Where a record is used: each live record with a field that links to it (an action's lead,
 * a workstream's lead, a member's person, a board's chair, an indicator's owner; an action's
 * workstream or area). Owned records (a board's meetings) are not uses. Element type
 * PathwayUse, freed with the array. */
typedef struct {
  GObject *record;
  const char *field;    /* the command line's name of the field, "lead" */
} PathwayUse;

GPtrArray *pathway_document_list_uses (PathwayDocument *self, gpointer record, GError **error);
/* The uses in words, for a message: "lead of workstream B; lead of actions 1A i and 1B ii;
 * chair of board Improvement Board". */
char *pathway_document_describe_uses (PathwayDocument *self, GPtrArray *uses);
/* Moves every use of 'from' to 'to' (a record of the same kind), each a logged change with the
 * note, in one undo step. */
gboolean pathway_document_reassign (PathwayDocument *self, gpointer from, gpointer to,
                                    const char *note, GError **error);
/* Merges a duplicate into the record kept ("B Kowalski" into "Beth Kowalski"): every use
 * moves to it and the duplicate is retired with a note saying so, in one undo step. */
gboolean pathway_document_merge (PathwayDocument *self, gpointer duplicate, gpointer keep,
                                 GError **error);

/* The records of a kind in its order: the live ones, and the retired ones too when asked.
 * Items: the kind's type (kept records are the model's own objects). */
GListModel *pathway_document_list_records (PathwayDocument *self, const PathwayKind *kind,
                                           gboolean with_retired, GError **error);
/* A live record by its UUID or its name ("Beth Kowalski"; an owned record's name starts with
 * its owner's: "SEND Improvement Board 2026-11-18", or just "2026-11-18" when that is
 * enough). Unknown or ambiguous names are an INVALID error that says so. Transfer full. */
gpointer pathway_document_find_record (PathwayDocument *self, const PathwayKind *kind,
                                       const char *id_or_key, GError **error);
/* A record's name as find_record takes it. */
char *pathway_document_dup_record_name (PathwayDocument *self, gpointer record);

/* Fields as text, named as the command line names them. A linked record is named by its
 * name ("lead=Beth Kowalski"); enumerations by their words ("rating=amber",
 * "better=higher"); days as YYYY-MM-DD; timescales as written ("Spring Term 2027"). */
char *pathway_document_dup_field_text (PathwayDocument *self, gpointer record,
                                       const char *field);
/* Adds a record of 'kind' made from fields, or changes fields of 'record', in one step: every
 * value is read first and nothing is written when one cannot be used (the error names the
 * field and the value). *record (may be NULL) receives the new record, transfer full. */
gboolean pathway_document_add_fields (PathwayDocument *self, const PathwayKind *kind,
                                      const char *const *fields, const char *const *values,
                                      gpointer *record, GError **error);
gboolean pathway_document_set_fields (PathwayDocument *self, gpointer record,
                                      const char *const *fields, const char *const *values,
                                      const char *note, GError **error);

/* Every change of one record, oldest first. Items: PathwayActionUpdate, whose "action-id"
 * holds the record's id. */
GListModel *pathway_document_list_changes (PathwayDocument *self, gpointer record,
                                           GError **error);
/* A field of a record as it stood at the end of 'date' ('value' initialised to the
 * property's type). A linked record that has since been retired is still given. */
gboolean pathway_document_get_value_as_at (PathwayDocument *self, gpointer record,
                                           const char *property, const GDate *date,
                                           GValue *value, GError **error);
/* The records of a kind that existed and were not retired at the end of 'date', in the
 * kind's order. Items: the kind's type. */
GListModel *pathway_document_list_as_at (PathwayDocument *self, const PathwayKind *kind,
                                         const GDate *date, GError **error);

/* A note or decision about an action ("note" or "decision" as kind) that changes no field:
 * an update of field NOTE whose property is the kind and whose note is the text, linked to
 * the current meeting if there is one. Not undoable (it changes nothing). */
gboolean pathway_document_add_note (PathwayDocument *self, PathwayAction *action,
                                    const char *kind, const char *text, GError **error);

/* Undo and redo -------------------------------------------------------------------------
 * Undo makes a new write that puts the values back (recorded in the history as such); it
 * never erases history. */
gboolean pathway_document_get_can_undo (PathwayDocument *self);
gboolean pathway_document_get_can_redo (PathwayDocument *self);
/* Label of the step that undo would take back ("Set rating of 1B vi"), or NULL. */
const char *pathway_document_get_undo_label (PathwayDocument *self);
gboolean pathway_document_undo (PathwayDocument *self, GError **error);
gboolean pathway_document_redo (PathwayDocument *self, GError **error);

/* Queries -------------------------------------------------------------------------------
 * History and readings are read from the file when asked for, not at open. */

/* Every update of one action, oldest first. Items: PathwayActionUpdate. */
GListModel *pathway_document_list_updates (PathwayDocument *self, PathwayAction *action,
                                           GError **error);
/* Updates made in one meeting, oldest first. */
GListModel *pathway_document_list_meeting_updates (PathwayDocument *self,
                                                   PathwayMeeting *meeting, GError **error);
GListModel *pathway_document_list_revisions (PathwayDocument *self, PathwayAction *action,
                                             GError **error);
GListModel *pathway_document_list_evidence (PathwayDocument *self, PathwayAction *action,
                                            GError **error);
/* Readings and milestones of one indicator, by date. */
GListModel *pathway_document_list_readings (PathwayDocument *self, PathwayIndicator *indicator,
                                            GError **error);
GListModel *pathway_document_list_milestones (PathwayDocument *self,
                                              PathwayIndicator *indicator, GError **error);

/* How one action stood at the end of a given day. */
typedef struct {
  gint64 action_id;
  PathwayRating rating;
  PathwayStatus status;
  char *commentary; /* owned by the array */
  gint64 commentary_at; /* when the commentary was written (Unix time); 0: never */
} PathwayActionState;

/* The state of every action that existed (and was not deleted) at the end of 'date'.
 * Element type PathwayActionState, ordered by action id; free with g_array_unref. */
GArray *pathway_document_states_as_at (PathwayDocument *self, const GDate *date,
                                       GError **error);
/* How many changes that were true by the end of 'date' were recorded after it (history brought
 * in later for past days): a pack for that day made now says so, since one made on the day
 * did not have them. */
guint pathway_document_count_recorded_after (PathwayDocument *self, const GDate *date,
                                             GError **error);
/* The state of one action in such an array, or NULL when it has none there (it did not
 * exist then, or was deleted). */
const PathwayActionState *pathway_action_states_find (GArray *states, gint64 action_id);

/* The actions that need a monthly update: not deleted, not complete, and with the rating,
 * status and commentary they had when 'since' began (local time); a change undone, or changed
 * back, is no update, and an action added since is new, so it needs none. In the plan's order
 * (pathway_actions_sort_by_workstream). Element type PathwayAction, from the loaded model. */
GPtrArray *pathway_document_list_needing_update (PathwayDocument *self, const GDate *since,
                                                 GError **error);

typedef struct {
  GDate month_end;                  /* last day of the month */
  guint counts[PATHWAY_N_RATINGS]; /* actions by rating at the end of that day */
} PathwayMonthCounts;

/* Counts by rating at the end of each month, from the month of the first update to the
 * month of 'until' (NULL: today by the document's clock), for the whole programme or one
 * workstream (NULL: all). Element type PathwayMonthCounts. */
GArray *pathway_document_monthly_counts (PathwayDocument *self, PathwayWorkstream *workstream,
                                         const GDate *until, GError **error);

/* Board meetings (pathway-document-meeting.c) ------------------------------------------- */

/* Today's date by the document's clock, in local time. */
void pathway_document_get_today (PathwayDocument *self, GDate *today);
/* The board's meeting before 'meeting': the latest of its meetings dated before it (an
 * undated meeting is taken as today's); of two on one day, the one added last. NULL when
 * there is none. Transfer none: the board keeps it. */
PathwayMeeting *pathway_document_previous_meeting (PathwayDocument *self,
                                                   PathwayMeeting *meeting);
/* What a board reviews at 'meeting': red, amber and overdue actions, and those whose rating
 * changed since the board's previous meeting (as at the end of its day, against now), in the
 * plan's order (pathway_action_sort_key). 'today' is the day overdue is judged on, and an
 * undated meeting's day (NULL: the document's clock). 'meeting' may be NULL: then nothing
 * counts as re-rated. Items: PathwayAction. */
GListModel *pathway_document_actions_to_present (PathwayDocument *self, PathwayMeeting *meeting,
                                                 const GDate *today, GError **error);

/* Tracker layouts (pathway-document-fields.c) ----------------------------------------------
 * The column choices made for a tracker's layout (a key made from its headers), kept in the
 * programme so next month's import of the same layout needs none. Text in whatever form the
 * importer writes; not history, not undone. NULL when the layout was never imported. */
char *pathway_document_dup_import_layout (PathwayDocument *self, const char *layout);
gboolean pathway_document_set_import_layout (PathwayDocument *self, const char *layout,
                                             const char *mapping, GError **error);

/* Checks ---------------------------------------------------------------------------------
 * integrity_check, foreign_key_check and the schema's own checks. Each problem is one line
 * in 'problems' (may be NULL); returns TRUE when there were none. */
gboolean pathway_document_check (PathwayDocument *self, GPtrArray *problems, GError **error);

/* Damage and salvage (pathway-damage.c) ------------------------------------------------------
 * A damaged file is refused at open with PATHWAY_ERROR_DAMAGED and never written. Salvage
 * reads what it can of the file at 'path' into a new file at 'new_path' (which must not exist:
 * PATHWAY_ERROR_EXISTS), leaving the damaged file as it was: where only indexes are damaged, a
 * copy with its indexes rebuilt (REINDEX), so nothing is lost; otherwise the tables copied row
 * by row into a new file, skipping and counting the rows that cannot be read and the records
 * that depended on them. The new file passes integrity_check and opens, or is removed again. */
typedef struct {
  gboolean indexes_only; /* only indexes were damaged, and they were rebuilt */
  guint64 rows_kept;     /* rows copied (every row when indexes_only) */
  guint64 rows_lost;     /* rows that could not be read, and rows that depended on them */
  char *summary;         /* one or two sentences for the user, naming what was lost */
} PathwaySalvage;

void pathway_salvage_clear (PathwaySalvage *salvage);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PathwaySalvage, pathway_salvage_clear)

gboolean pathway_document_salvage (const char *path, const char *new_path,
                                   PathwaySalvage *salvage, GError **error);
/* Checks the file at 'path' for damage as opening it would, or (full) with integrity_check
 * whatever its size, without opening it as a programme; for `pathway-cli check` and the
 * benchmark. */
gboolean pathway_document_check_file (const char *path, gboolean full, GError **error);
/* A file too large for the whole integrity_check at open (over 4 MB) gets quick_check then,
 * and its indexes are compared with their tables afterwards: a few rows at a time by
 * check_step (for idle moments; '*done' once finished), and wholly by finish_check, which every
 * write calls first. When damage is found the document becomes read-only, get_damaged says
 * so, and the error (PATHWAY_ERROR_DAMAGED) is the message to show. */
gboolean pathway_document_check_step (PathwayDocument *self, guint max_rows, gboolean *done,
                                      GError **error);
gboolean pathway_document_finish_check (PathwayDocument *self, GError **error);
gboolean pathway_document_get_damaged (PathwayDocument *self);

G_END_DECLS
