/* pathway-record-dialog.h: a dialog, modal over the main window, that adds or edits one record
 * of any kind from the caller's table of fields: a person, an area of weakness, a board, a
 * meeting. Each field is named as the command line names it and is written through
 * pathway_document_add_fields or _set_fields, so every value is checked before anything is
 * written and one undo takes the save back. A value the store refuses is shown beside its
 * field; Cancel and Escape close without writing, Ctrl+Enter saves. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"

G_BEGIN_DECLS

/* How a field is edited. */
typedef enum {
  PATHWAY_RECORD_ROW_TEXT,      /* one line, in an entry row */
  PATHWAY_RECORD_ROW_LONG_TEXT, /* paragraphs (a finding, a commitment), in a text view */
  PATHWAY_RECORD_ROW_CHOICE,    /* one of an enumeration's values, in a combo row */
  PATHWAY_RECORD_ROW_DAY,       /* a day written YYYY-MM-DD, in an entry row */
  PATHWAY_RECORD_ROW_PERSON,    /* one of the programme's people, in a PathwayPersonPicker */
  PATHWAY_RECORD_ROW_DATE,      /* a day in any of the app's forms ("18 November 2026"), in an
                                 * entry row with its meaning (pathway-day-field.h); written
                                 * YYYY-MM-DD */
  PATHWAY_RECORD_ROW_NUMBER,    /* a whole number, in an entry row; left empty it is 0 */
  PATHWAY_RECORD_ROW_SWITCH,    /* yes or no, in a row with a switch */
} PathwayRecordRowKind;

/* The words for an enumeration's value ("Priority action"). */
typedef const char *(*PathwayChoiceLabelFunc) (int value);

/* One field of the table; a table ends with a field whose 'field' is NULL. */
typedef struct {
  const char *field;                   /* as the command line names it: "name", "venue" */
  const char *label;                   /* shown, marked with N_(): the dialog translates it */
  PathwayRecordRowKind kind;
  gboolean required;                   /* Save waits until it is filled in */
  GType (*choices) (void);             /* CHOICE: the enumeration's type */
  PathwayChoiceLabelFunc choice_label; /* CHOICE: its words; NULL shows the nicks */
  const char *hint;                    /* under the field until a refusal takes its place
                                        * (marked with N_()), or NULL */
  const char *shown_when;              /* "audience=survey": shown only while that CHOICE
                                        * field has that nick; NULL: always */
} PathwayRecordField;

#define PATHWAY_TYPE_RECORD_DIALOG (pathway_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwayRecordDialog, pathway_record_dialog, PATHWAY, RECORD_DIALOG,
                      AdwWindow)

/* Adds a record of 'kind' to 'owner' (the board of a meeting; NULL for a kind the programme
 * holds). 'fields' must outlive the dialog (a static table). */
PathwayRecordDialog *pathway_record_dialog_new_add (GtkWindow                *parent,
                                                    PathwayDocument          *document,
                                                    const PathwayKind        *kind,
                                                    gpointer                  owner,
                                                    const PathwayRecordField *fields,
                                                    const char               *title);
/* Edits 'record', showing its fields as they are now. */
PathwayRecordDialog *pathway_record_dialog_new_edit (GtkWindow                *parent,
                                                     PathwayDocument          *document,
                                                     gpointer                  record,
                                                     const PathwayRecordField *fields,
                                                     const char               *title);
/* Puts text into a field, as if typed (a person's name, "Other"). */
void pathway_record_dialog_set_text (PathwayRecordDialog *self,
                                     const char          *field,
                                     const char          *text);
/* The record added or edited: NULL until a new record has been saved. */
gpointer pathway_record_dialog_get_record (PathwayRecordDialog *self);
/* Saves as the Save button does: TRUE when written (or nothing had changed) and the dialog is
 * closing; FALSE, showing why, when the store refused a value. */
gboolean pathway_record_dialog_save (PathwayRecordDialog *self);

G_END_DECLS
