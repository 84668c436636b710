/* pathway-returns.h: return forms, the monthly update by email. Leads send their updates as
 * spreadsheets; this is how the programme asks for them and reads them back.
 *
 * Requesting: a PathwayReturnRequest plans one XLSX form per lead of the actions that need an
 * update (pathway_document_list_needing_update): which leads, which actions each, and each
 * file's name ("Updates from Beth Kowalski - due 2026-12-14.xlsx"). The caller may leave leads
 * out, then writes the forms into a folder, with "Who gets which file.csv" listing each file,
 * its lead and their email, and the programme records each form sent (a "return-form" record:
 * lead, sent, due, since, actions, file; one batch, one undo step).
 *
 * A form's visible sheet "Updates" has a title block and the columns Ref, Action, Current
 * rating, Current commentary, New rating, New status, New commentary and New recovery plan;
 * only the New columns can be typed in (the sheet is protected, with no password: it guards
 * against slips), and New rating and New status are drop-down lists. What identifies the form
 * lives in a hidden, protected sheet "Pathway form" (spreadsheet programs drop document
 * properties, never sheets): the programme's UUID and name, the lead's UUID and name, the days
 * sent, due and since, the form's id (its record's UUID) and, for each row, the action's UUID,
 * reference, description and its rating, status, commentary and recovery plan as sent.
 *
 * Importing: a PathwayReturnImport reads returned files (XLSX, or ODS when the lead saved it so)
 * into a plan of changes, writing nothing. A file that is not a return form, or is one for
 * another programme, is refused with a message naming the file (and both programmes). Each row
 * is matched to its action by the UUID in the hidden sheet; a row whose reference, action text
 * or current rating or commentary was altered is flagged, naming the file, row and column, and
 * a row added or deleted by the lead is reported. A change is a New value that is not blank and
 * differs from the action's value now; each carries the value now, the value as sent and the
 * value returned. A value changed in the programme since the form was sent is a conflict.
 * Changes start accepted unless they are conflicts or on a flagged row; the caller accepts or
 * rejects each (or all of a file's or a lead's) and applies them as ONE batch (one undo step),
 * each update noted "Return from NAME, 14 December 2026", and each form recorded as returned.
 * A form imported before can be imported again: what it changed is no longer a change.
 *
 * Status: pathway_returns_list_status gives, per lead sent a form, their latest form and
 * whether it is outstanding, overdue or returned.
 *
 * GLib only: the app's dialogs and `pathway-cli returns` share this. */
#pragma once

#include "pathway-exchange.h"

G_BEGIN_DECLS

/* The sheets of a form, and the list of who gets which file written beside the forms. */
#define PATHWAY_RETURN_UPDATES_SHEET "Updates"
#define PATHWAY_RETURN_FORM_SHEET "Pathway form"
#define PATHWAY_RETURN_LIST_FILE "Who gets which file.csv"

/* Days given to return a form when no due day is chosen. */
#define PATHWAY_RETURN_DEFAULT_DAYS 7

/* Requesting updates ------------------------------------------------------------------------ */

#define PATHWAY_TYPE_RETURN_REQUEST (pathway_return_request_get_type ())
G_DECLARE_FINAL_TYPE (PathwayReturnRequest, pathway_return_request, PATHWAY, RETURN_REQUEST,
                      GObject)

/* The day a request asks from by default: the date of the board's last meeting on or before
 * today by the document's clock (board NULL: the programme's first board). FALSE, 'since'
 * cleared, when there is no such board or meeting: then the day must be chosen. */
gboolean pathway_returns_default_since (PathwayDocument *document, PathwayBoard *board,
                                        GDate *since);

/* Plans a request: the actions with no change to their rating, status or commentary since the
 * start of 'since', not complete, grouped by lead (a form per lead, in the order of each lead's
 * first action in the plan's order; the actions in that order), every form included, due on
 * 'due' (NULL: PATHWAY_RETURN_DEFAULT_DAYS after today by the document's clock). Writes
 * nothing. A due day before today is INVALID. */
PathwayReturnRequest *pathway_return_request_new (PathwayDocument *document, const GDate *since,
                                                  const GDate *due, GError **error);

PathwayDocument *pathway_return_request_get_document (PathwayReturnRequest *self);
const GDate *pathway_return_request_get_since (PathwayReturnRequest *self);
const GDate *pathway_return_request_get_due (PathwayReturnRequest *self);
/* The day the forms say they were sent: today by the document's clock when planned. */
const GDate *pathway_return_request_get_sent (PathwayReturnRequest *self);

/* One form per lead. */
guint pathway_return_request_get_n_forms (PathwayReturnRequest *self);
PathwayPerson *pathway_return_request_get_lead (PathwayReturnRequest *self, guint form);
/* The form's actions in the plan's order. Element type PathwayAction, transfer none. */
GPtrArray *pathway_return_request_get_actions (PathwayReturnRequest *self, guint form);
/* "Updates from Beth Kowalski - due 2026-12-14.xlsx": the lead's name with only characters
 * every file system takes, and a number when two leads' names would give one name
 * ("... (2).xlsx"). */
const char *pathway_return_request_get_file_name (PathwayReturnRequest *self, guint form);
/* Whether the form is written (all are at first). */
gboolean pathway_return_request_get_included (PathwayReturnRequest *self, guint form);
void pathway_return_request_set_included (PathwayReturnRequest *self, guint form,
                                          gboolean included);
/* The included forms, and the actions in them. */
guint pathway_return_request_get_n_included (PathwayReturnRequest *self);
guint pathway_return_request_get_n_included_actions (PathwayReturnRequest *self);
/* Actions that need an update but have no lead, so no form asks about them. Element type
 * PathwayAction, transfer none. */
GPtrArray *pathway_return_request_get_unled_actions (PathwayReturnRequest *self);

/* Writes each included form into 'folder' (which must exist) under its file name, and
 * PATHWAY_RETURN_LIST_FILE beside them (file, lead, email, actions, due), and records every
 * form sent in the programme as ONE batch ("Request updates", one undo step): the files are
 * written to temporaries beside their names while the batch is open, and renamed into place
 * only once it has committed. A file of the same name is replaced. On any failure nothing is
 * recorded and no file is left: PATHWAY_EXCHANGE_ERROR_WRITE naming the file (a full disk in
 * words), or the document's PATHWAY_ERROR (READ_ONLY...). INVALID when no form is included. */
gboolean pathway_return_request_write (PathwayReturnRequest *self, const char *folder,
                                       GError **error);
/* After a successful write: the record of each form written, or NULL for one left out.
 * Transfer none. */
PathwayReturnForm *pathway_return_request_get_form (PathwayReturnRequest *self, guint form);

/* Importing returns ------------------------------------------------------------------------- */

/* What a returned value changes. */
typedef enum {
  PATHWAY_RETURN_RATING,
  PATHWAY_RETURN_STATUS,
  PATHWAY_RETURN_COMMENTARY,
  PATHWAY_RETURN_RECOVERY_PLAN,
} PathwayReturnField;
#define PATHWAY_RETURN_N_FIELDS 4

/* "Rating", "Status", "Commentary", "Recovery plan", translated. */
const char *pathway_return_field_label (PathwayReturnField field);

/* One returned value that would change an action. Strings valid UTF-8, owned by the import. */
typedef struct {
  guint file;                 /* the file it came from (pathway_return_import_get_file_name) */
  PathwayAction *action;      /* the action it changes (the model's own) */
  PathwayReturnField field;
  guint row_number;           /* its row in the form, as the spreadsheet numbers it */
  const char *column_letter;  /* its column in the form ("E") */
  const char *current;        /* the value now, as people read it ("Amber", "On track", text) */
  const char *sent;           /* the value the form was sent with */
  const char *returned;       /* the value the lead gave */
  PathwayRating rating;       /* the rating returned, for PATHWAY_RETURN_RATING */
  PathwayStatus status;       /* the status returned, for PATHWAY_RETURN_STATUS */
  /* The value changed in the programme since the form was sent (current differs from sent), or
   * another file of this import changes it too: never applied unless accepted by hand. */
  gboolean conflict;
  /* Its row was altered where it should not be (reference, action text, current rating or
   * commentary): shown for a look before accepting. */
  gboolean flagged;
  const char *reason;         /* why it is a conflict or flagged, one sentence; NULL otherwise */
  gboolean accepted;          /* written by pathway_return_import_apply */
} PathwayReturnChange;

/* Something about a row that is not a change: reported, never applied. */
typedef enum {
  PATHWAY_RETURN_PROBLEM_ALTERED_REFERENCE, /* the Ref is not the one sent */
  PATHWAY_RETURN_PROBLEM_LOCKED_CELL,       /* Action, Current rating or Current commentary */
  PATHWAY_RETURN_PROBLEM_ROW_ADDED,         /* a row the form was not sent with */
  PATHWAY_RETURN_PROBLEM_ROW_DELETED,       /* a row of the form is missing */
  PATHWAY_RETURN_PROBLEM_UNREADABLE,        /* a New rating or status not in the lists */
  PATHWAY_RETURN_PROBLEM_NO_ACTION,         /* the action has since been deleted */
} PathwayReturnProblemKind;

typedef struct {
  PathwayReturnProblemKind kind;
  guint file;
  guint row_number;           /* as the spreadsheet numbers it; 0 when the row is gone */
  int column;                 /* from 0, or -1 for the whole row */
  const char *column_letter;  /* "A", or "" */
  PathwayAction *action;      /* the row's action, or NULL (a row added, an action deleted) */
  /* A sentence naming the file, the row and the column: "Updates from Beth Kowalski - due
   * 2026-12-14.xlsx, row 7, column A (Ref): the reference was changed from “1B ii” to
   * “1B iii”; the row is still read as 1B ii." */
  const char *message;
} PathwayReturnProblem;

#define PATHWAY_TYPE_RETURN_IMPORT (pathway_return_import_get_type ())
G_DECLARE_FINAL_TYPE (PathwayReturnImport, pathway_return_import, PATHWAY, RETURN_IMPORT,
                      GObject)

PathwayReturnImport *pathway_return_import_new (PathwayDocument *document);

/* Reads a returned form into the plan. Refused, with the import as it was, the error naming
 * the file: a file no spreadsheet reader can read (PATHWAY_EXCHANGE_ERROR, as
 * pathway_sheet_read says), one with no form sheet (PATHWAY_EXCHANGE_ERROR_NOT_FORM), a form of
 * another programme (PATHWAY_EXCHANGE_ERROR_OTHER_PROGRAMME, naming both programmes), the same
 * form twice in one import or a form whose Updates sheet lost its header row
 * (PATHWAY_EXCHANGE_ERROR_NOT_FORM). */
gboolean pathway_return_import_add_file (PathwayReturnImport *self, const char *path,
                                         GError **error);
/* The same from bytes already in memory; display_name names the file in messages. */
gboolean pathway_return_import_add_bytes (PathwayReturnImport *self, GBytes *bytes,
                                          const char *display_name, GError **error);

PathwayDocument *pathway_return_import_get_document (PathwayReturnImport *self);

/* The files read, in the order added. */
guint pathway_return_import_get_n_files (PathwayReturnImport *self);
const char *pathway_return_import_get_file_name (PathwayReturnImport *self, guint file);
/* The lead the form went to: the programme's person with the form's lead UUID (a retired one
 * too), or NULL when the programme has none. */
PathwayPerson *pathway_return_import_get_file_lead (PathwayReturnImport *self, guint file);
/* The lead's name as the programme has it now, else as the form gives it. */
const char *pathway_return_import_get_file_lead_name (PathwayReturnImport *self, guint file);
const GDate *pathway_return_import_get_file_sent (PathwayReturnImport *self, guint file);
const GDate *pathway_return_import_get_file_due (PathwayReturnImport *self, guint file);
/* The form's record, or NULL when this programme has none (a form sent from a copy of it, or a
 * record retired since). Transfer none. */
PathwayReturnForm *pathway_return_import_get_file_form (PathwayReturnImport *self, guint file);
/* The day the form was imported before, or NULL the first time. */
const GDate *pathway_return_import_get_file_returned (PathwayReturnImport *self, guint file);
/* How many actions the form was sent with, and how many of its changes are in the plan. */
guint pathway_return_import_get_file_n_rows (PathwayReturnImport *self, guint file);

/* The changes of every file, file by file in the order of their rows, each row's fields in the
 * order of PathwayReturnField. */
guint pathway_return_import_get_n_changes (PathwayReturnImport *self);
const PathwayReturnChange *pathway_return_import_get_change (PathwayReturnImport *self,
                                                             guint index);
void pathway_return_import_set_accepted (PathwayReturnImport *self, guint index,
                                         gboolean accepted);
/* Accepts or rejects every change of one file, or of every file whose lead is 'lead';
 * accepting leaves conflicts and flagged changes as they are (they are ticked one by one). */
void pathway_return_import_set_file_accepted (PathwayReturnImport *self, guint file,
                                              gboolean accepted);
void pathway_return_import_set_lead_accepted (PathwayReturnImport *self, PathwayPerson *lead,
                                              gboolean accepted);
guint pathway_return_import_get_n_accepted (PathwayReturnImport *self);
guint pathway_return_import_get_n_conflicts (PathwayReturnImport *self);

/* Flags and reports, file by file in the order of their rows. */
guint pathway_return_import_get_n_problems (PathwayReturnImport *self);
const PathwayReturnProblem *pathway_return_import_get_problem (PathwayReturnImport *self,
                                                               guint index);

/* Writes every accepted change into the document as ONE batch ("Import returns", one undo
 * step): ratings and statuses with the note "Return from NAME, 14 December 2026" (the lead's
 * name, the day by the document's clock), commentary as the action's commentary and the
 * recovery plan as its recovery plan, with the same note; and marks each file's form returned
 * on that day (a form returned before keeps its day). An accepted change whose action no longer
 * has the value it was planned against (changed since the plan was made) is not written, and
 * refuses the whole import (PATHWAY_ERROR_INVALID): plan again; so do two accepted changes of
 * one value (two forms changing it). On failure nothing is
 * written. *n_applied (may be NULL) says how many changes were written. An import is applied
 * once: to import the files again, read them into a new import. */
gboolean pathway_return_import_apply (PathwayReturnImport *self, guint *n_applied,
                                      GError **error);

/* Status ------------------------------------------------------------------------------------ */

typedef enum {
  PATHWAY_RETURN_OUTSTANDING, /* not back, not yet due */
  PATHWAY_RETURN_OVERDUE,     /* not back, due before today */
  PATHWAY_RETURN_RETURNED,
} PathwayReturnState;

/* "Outstanding", "Overdue", "Returned", translated. */
const char *pathway_return_state_label (PathwayReturnState state);

typedef struct {
  PathwayPerson *lead;      /* the form's lead (a retired person too) */
  PathwayReturnForm *form;  /* their latest form: the last sent, of one day the last added */
  PathwayReturnState state;
  guint n_forms;            /* every form they were sent */
  guint n_outstanding;      /* of which not returned */
} PathwayReturnLeadStatus;

/* One entry per lead ever sent a form (forms retired are left out), by the lead's name; their
 * latest form judged on 'today' (NULL: today by the document's clock). Element type
 * PathwayReturnLeadStatus, freed with the array. */
GPtrArray *pathway_returns_list_status (PathwayDocument *document, const GDate *today,
                                        GError **error);

G_END_DECLS
