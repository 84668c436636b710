/* pathway-exchange.h: trackers in and out. An area's own tracker (CSV, XLSX or ODS, laid out
 * its own way) is read into a PathwaySheet of text cells, with what a person sees besides the
 * text (cell fills, hidden rows and columns, merged cells); its columns are mapped to the fields of
 * an action (guessed from the headers areas use, changeable column by column); a plan says
 * what each row would do to the programme and lists every problem without writing anything;
 * applying the plan writes the whole import as one document batch, or nothing. Export writes
 * the tracker as CSV (UTF-8 with BOM, CRLF) or XLSX. GLib only: the import dialog in the app
 * and pathway-cli share this. */
#pragma once

#include <gio/gio.h>
#include "pathway-document.h"

G_BEGIN_DECLS

/* Errors ---------------------------------------------------------------------------------
 * Reading and writing files report PATHWAY_EXCHANGE_ERROR; document writes pass on the
 * document's PATHWAY_ERROR. Every message names the file (and the row, column or limit). */
#define PATHWAY_EXCHANGE_ERROR (pathway_exchange_error_quark ())

typedef enum {
  PATHWAY_EXCHANGE_ERROR_READ,        /* the file could not be read (missing, unreadable) */
  PATHWAY_EXCHANGE_ERROR_FORMAT,      /* not CSV, XLSX or ODS: an old .xls, an .xlsb, an
                                       * encrypted file ... */
  PATHWAY_EXCHANGE_ERROR_MALFORMED,   /* a damaged zip or XML part, a DOCTYPE, a bad index */
  PATHWAY_EXCHANGE_ERROR_TOO_LARGE,   /* a limit below was passed; the message names it */
  PATHWAY_EXCHANGE_ERROR_NO_SHEET,    /* the named sheet is not in the workbook */
  PATHWAY_EXCHANGE_ERROR_EMPTY,       /* no cells at all */
  PATHWAY_EXCHANGE_ERROR_PROBLEMS,    /* the plan has errors: apply refused, nothing written */
  PATHWAY_EXCHANGE_ERROR_WRITE,       /* an export could not be written */
  PATHWAY_EXCHANGE_ERROR_NOT_TRACKER, /* no sheet has a reference and an action column */
  PATHWAY_EXCHANGE_ERROR_NOT_FORM,    /* not a return form (pathway-returns.h) */
  PATHWAY_EXCHANGE_ERROR_OTHER_PROGRAMME, /* a return form of another programme */
} PathwayExchangeError;

GQuark pathway_exchange_error_quark (void);

/* Limits on what a file may make us read. A tracker of a few thousand rows is far below
 * each; a file beyond one is refused with a message naming the file and the limit. */
#define PATHWAY_SHEET_MAX_FILE_SIZE (64 * 1024 * 1024)        /* bytes of the file itself */
#define PATHWAY_SHEET_MAX_ENTRY_SIZE (64 * 1024 * 1024)       /* one zip entry, uncompressed */
#define PATHWAY_SHEET_MAX_TOTAL_SIZE (160 * 1024 * 1024)      /* all entries read, uncompressed */
#define PATHWAY_SHEET_MAX_RATIO 200                          /* uncompressed / compressed */
#define PATHWAY_SHEET_MAX_ROWS 100000
#define PATHWAY_SHEET_MAX_COLUMNS 256
#define PATHWAY_SHEET_MAX_CELL_LENGTH (256 * 1024)            /* bytes of one cell's text */
#define PATHWAY_SHEET_MAX_SHARED_STRINGS 1000000
#define PATHWAY_SHEET_MAX_TEXT_SIZE (160 * 1024 * 1024)       /* bytes of all cells' text */
#define PATHWAY_SHEET_MAX_MERGED_RANGES 100000
#define PATHWAY_SHEET_MAX_MERGED_ROWS 1000000  /* rows with text that merged ranges cover,
                                                * summed over the ranges */

/* The sheet: a file read into rows of text cells ----------------------------------------- */

typedef enum {
  PATHWAY_SHEET_FORMAT_CSV,
  PATHWAY_SHEET_FORMAT_XLSX,
  PATHWAY_SHEET_FORMAT_ODS, /* LibreOffice's OpenDocument spreadsheet */
} PathwaySheetFormat;

#define PATHWAY_TYPE_SHEET (pathway_sheet_get_type ())
G_DECLARE_FINAL_TYPE (PathwaySheet, pathway_sheet, PATHWAY, SHEET, GObject)

/* Reads a CSV, XLSX or ODS file, told apart by its content (not its name): a zip whose
 * mimetype part says OpenDocument spreadsheet is ODS, another zip XLSX, anything else CSV. An
 * old binary .xls (an OLE2 compound file) or an Excel binary workbook (.xlsb) is refused
 * (PATHWAY_EXCHANGE_ERROR_FORMAT) with a message saying to save it as .xlsx or .ods. sheet_name
 * picks a worksheet of an XLSX or ODS by name, exactly or in any case (NULL: the first one not
 * hidden); it is ignored for CSV. Every cell is valid UTF-8 text as the user sees it: numbers
 * in General format (up to 15 significant digits, so 2.3 typed is "2.3", never
 * "2.2999999999999998"), dates in their cell's number format ("Dec-18" for mmm-yy; DD/MM/YYYY
 * for Excel's default; an ODS date as LibreOffice shows it), booleans as TRUE/FALSE; spaces
 * are kept as written, and the lines of an ODS cell are joined with "\n". A merged range's
 * text and fill are every one of its cells' (what the spreadsheet shows over the range). Rows
 * with no text of their own are left out (pathway_sheet_get_row_number says where each row
 * was), and so are empty columns at the right. A CSV holding a NUL byte is refused
 * (PATHWAY_EXCHANGE_ERROR_MALFORMED, naming the row and column): no tracker's text has one,
 * and reading on past it would garble. */
PathwaySheet *pathway_sheet_read (const char *path, const char *sheet_name, GError **error);
/* The same from bytes already in memory (the fuzz harnesses, tests); display_name is the
 * file name the messages use. */
PathwaySheet *pathway_sheet_read_bytes (GBytes *bytes, const char *display_name,
                                        const char *sheet_name, GError **error);
/* The worksheet names of an XLSX or ODS, in the workbook's order (for a sheet chooser); a CSV
 * has one, its file name. Free with g_strfreev. */
char **pathway_sheet_list_sheet_names (const char *path, GError **error);

PathwaySheetFormat pathway_sheet_get_format (PathwaySheet *self);
/* The file's base name, as messages and the "Imported from FILE" note give it. */
const char *pathway_sheet_get_display_name (PathwaySheet *self);
/* The worksheet read (XLSX or ODS), or NULL for CSV. */
const char *pathway_sheet_get_sheet_name (PathwaySheet *self);
/* What was found in a CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252"; and the delimiter
 * (',', ';' or '\t'). NULL and 0 for XLSX and ODS. */
const char *pathway_sheet_get_encoding (PathwaySheet *self);
char pathway_sheet_get_delimiter (PathwaySheet *self);

guint pathway_sheet_get_n_rows (PathwaySheet *self);
/* The widest row's number of cells. */
guint pathway_sheet_get_n_columns (PathwaySheet *self);
/* The text of a cell, "" for an empty cell or one beyond its row. Never NULL. */
const char *pathway_sheet_get_cell (PathwaySheet *self, guint row, guint column);
/* The row number the user sees in Excel for row index 'row': row 1 is the first line, a CSV
 * record whose quoted cells span lines is one row, blank lines are rows (so the numbers can
 * jump), and Excel's own row numbers are kept for XLSX. */
guint pathway_sheet_get_row_number (PathwaySheet *self, guint row);
/* The index of the header row: guessed at reading as the first of the first rows that names
 * the most fields (usually 0; a title above the table moves it down). Rows above it are not
 * imported. */
guint pathway_sheet_get_header_row (PathwaySheet *self);
void pathway_sheet_set_header_row (PathwaySheet *self, guint row);
/* The header cell of a column (the text of the header row), "" when blank. */
const char *pathway_sheet_get_header (PathwaySheet *self, guint column);

/* What a person sees besides the text --------------------------------------------------------
 * A rating may be shown by a cell's colour alone, a column of last quarter's ratings may be
 * hidden, a workstream may be written once in cells merged down its rows: the sheet says so,
 * and the mapping and the plan decide what to make of it. CSV has none of this. */

/* Whether the cell has a solid fill, and if so its colour as 0xRRGGBB in *rgb (may be NULL).
 * XLSX: the fill of the cell's style, given as an RGB value, an index into the legacy palette
 * (or the workbook's own), or a theme colour with a tint, resolved through the workbook's
 * theme as Excel does; conditional formatting is not evaluated. ODS: the background colour of
 * the cell's style (or of its row's or column's default cell style). A cell of a merged range
 * has the fill of the range's first cell. */
gboolean pathway_sheet_get_cell_fill (PathwaySheet *self, guint row, guint column,
                                      guint32 *rgb);
/* Whether a column is hidden in the spreadsheet (XLSX hidden="1"; ODS visibility collapse or
 * filter, as rows filtered out are). */
gboolean pathway_sheet_column_is_hidden (PathwaySheet *self, guint column);
/* Whether the row with index 'row' (as for pathway_sheet_get_cell) is hidden, by hand or by a
 * filter. */
gboolean pathway_sheet_row_is_hidden (PathwaySheet *self, guint row);

/* A merged range: rows as the user sees them numbered (not all of them need be rows of the
 * sheet: rows with no text of their own are left out), columns from 0. */
typedef struct {
  guint first_row_number;
  guint last_row_number;
  guint first_column;
  guint last_column;
} PathwaySheetRange;

/* Whether the cell lies in a merged range, and if so the range in *range (may be NULL). Every
 * cell of the range reads as its first cell; a cell other than the first holds nothing of its
 * own (so a heading merged across a row is one cell of text, however wide it is drawn). */
gboolean pathway_sheet_get_merged_range (PathwaySheet *self, guint row, guint column,
                                         PathwaySheetRange *range);
/* Whether the cell lies in a merged range and is not its first cell: it reads as the first
 * cell, but a person sees one cell there, so a count of a row's filled cells (is it a section
 * heading, only its first cell filled?) passes it over. */
gboolean pathway_sheet_cell_is_covered (PathwaySheet *self, guint row, guint column);

/* What was read, but not quite as the file has it: a CSV that is UTF-8 but for a few bytes
 * keeps its encoding, those bytes replaced by U+FFFD, and each cell holding one is named
 * here. The plan lists these as warnings, which do not stop an import. All strings valid
 * UTF-8, owned by the sheet. */
typedef struct {
  guint row;           /* the sheet's row index */
  guint row_number;    /* as the user sees it in Excel */
  int column;          /* column index, or -1 for the whole row */
  const char *message; /* what was done and what to check, translated */
} PathwaySheetWarning;

/* The warnings, in the order of the rows. */
guint pathway_sheet_get_n_warnings (PathwaySheet *self);
const PathwaySheetWarning *pathway_sheet_get_warning (PathwaySheet *self, guint index);

/* "A", "B" ... "Z", "AA" for a column index from 0. Free with g_free. */
char *pathway_column_letter (guint column);

/* Fields and the mapping of columns to fields -------------------------------------------- */

/* What a sheet is imported as: an area's tracker (its actions) or its risk register (the
 * programme's risk log). Each has its own fields: a mapping's fields are PathwayImportField
 * values for a tracker and PathwayRiskField values for a risk register, passed as guint. */
typedef enum {
  PATHWAY_IMPORT_TARGET_TRACKER,
  PATHWAY_IMPORT_TARGET_RISKS,
} PathwayImportTarget;

typedef enum {
  PATHWAY_IMPORT_FIELD_NONE = 0, /* the column is ignored */
  PATHWAY_IMPORT_FIELD_REFERENCE,
  PATHWAY_IMPORT_FIELD_DESCRIPTION,
  PATHWAY_IMPORT_FIELD_LEAD,
  PATHWAY_IMPORT_FIELD_ORIGINAL_TIMESCALE,
  PATHWAY_IMPORT_FIELD_REVISED_TIMESCALE,
  PATHWAY_IMPORT_FIELD_RATING,
  PATHWAY_IMPORT_FIELD_STATUS,
  PATHWAY_IMPORT_FIELD_COMMENTARY,
  PATHWAY_IMPORT_FIELD_WORKSTREAM,
  PATHWAY_IMPORT_FIELD_THEME,
  PATHWAY_IMPORT_FIELD_AREA,            /* area of weakness (or priority action) */
  PATHWAY_IMPORT_FIELD_SUCCESS_MEASURE, /* success measure: how we will know */
  PATHWAY_IMPORT_FIELD_EVIDENCE,        /* evidence of impact, outcome: an evidence record */
  /* A month's rating or commentary before the latest, in a tracker with a "RAG Jun 19" and
   * "Update Jun 19" column for each month; the month is read from the header. Unlike the
   * other fields, these may be given to many columns. */
  PATHWAY_IMPORT_FIELD_EARLIER_RATING,
  PATHWAY_IMPORT_FIELD_EARLIER_COMMENTARY,
} PathwayImportField;
#define PATHWAY_IMPORT_N_FIELDS 16

/* The fields of a risk register (risks, assumptions, issues and dependencies), as a risk log
 * kept in a spreadsheet has them. */
typedef enum {
  PATHWAY_RISK_FIELD_NONE = 0, /* the column is ignored */
  PATHWAY_RISK_FIELD_REFERENCE,
  PATHWAY_RISK_FIELD_KIND,        /* risk, assumption, issue or dependency ("Type") */
  PATHWAY_RISK_FIELD_TITLE,
  PATHWAY_RISK_FIELD_DESCRIPTION, /* cause, event and effect */
  PATHWAY_RISK_FIELD_OWNER,
  PATHWAY_RISK_FIELD_WORKSTREAM,
  PATHWAY_RISK_FIELD_ACTIONS,     /* the references of linked actions ("WSOA ref") */
  PATHWAY_RISK_FIELD_LIKELIHOOD,  /* 1-5, or the words for the levels */
  PATHWAY_RISK_FIELD_IMPACT,
  PATHWAY_RISK_FIELD_SCORE,       /* likelihood times impact: checked, never split */
  PATHWAY_RISK_FIELD_RESIDUAL_LIKELIHOOD,
  PATHWAY_RISK_FIELD_RESIDUAL_IMPACT,
  PATHWAY_RISK_FIELD_RESIDUAL_SCORE,
  PATHWAY_RISK_FIELD_PROXIMITY,
  PATHWAY_RISK_FIELD_REVIEW_DATE,
  PATHWAY_RISK_FIELD_RESPONSE,    /* controls, mitigation, actions */
  PATHWAY_RISK_FIELD_RESPONSE_OWNER,
  PATHWAY_RISK_FIELD_STATUS,      /* open, closed or escalated */
  PATHWAY_RISK_FIELD_RAISED_FROM, /* the reference of the risk an issue was raised from */
} PathwayRiskField;
#define PATHWAY_RISK_N_FIELDS 20

/* A target's fields, by number: how many, each one's name for people (translated) and its
 * stable name for the command line ("review-date", "none"). */
guint pathway_import_target_get_n_fields (PathwayImportTarget target);
const char *pathway_import_target_field_label (PathwayImportTarget target, guint field);
const char *pathway_import_target_field_nick (PathwayImportTarget target, guint field);
/* Reads a nick, a label or a header name as pathway_import_field_from_name does, for the
 * target's fields. */
gboolean pathway_import_target_field_from_name (PathwayImportTarget target, const char *name,
                                                guint *field);

/* A tracker's field's name for people, translated ("Original timescale"). */
const char *pathway_import_field_label (PathwayImportField field);
/* Its stable name for the command line ("original-timescale", "none"). */
const char *pathway_import_field_nick (PathwayImportField field);
/* The header names areas use for it ("Ref", "Ref to WSOA", "No."), NULL-terminated. */
const char * const *pathway_import_field_header_names (PathwayImportField field);
/* Reads a nick, a label or a header name, in any case with spaces trimmed; returns FALSE
 * when it names no field. "ignore" and "none" give PATHWAY_IMPORT_FIELD_NONE. */
gboolean pathway_import_field_from_name (const char *name, PathwayImportField *field);

#define PATHWAY_TYPE_IMPORT_MAPPING (pathway_import_mapping_get_type ())
G_DECLARE_FINAL_TYPE (PathwayImportMapping, pathway_import_mapping, PATHWAY, IMPORT_MAPPING,
                      GObject)

/* Whether a field may be given to many columns (the earlier months' ratings and
 * commentaries). */
gboolean pathway_import_field_is_repeated (PathwayImportField field);

/* Every column of a tracker ignored. */
PathwayImportMapping *pathway_import_mapping_new (guint n_columns);
/* Every column ignored, for a tracker or a risk register. */
PathwayImportMapping *pathway_import_mapping_new_for (PathwayImportTarget target,
                                                      guint n_columns);
/* What the mapping's fields are of. */
PathwayImportTarget pathway_import_mapping_get_target (PathwayImportMapping *self);
/* Finds the header row first (pathway_import_find_header_row) and sets it on the sheet, then
 * matches its cells to fields by the names areas use (case, spaces and punctuation do not
 * matter); the first column naming a field gets it, the others none. "Status" means the
 * delivery status beside a column headed RAG or Rating, or when its cells are statuses ("In
 * progress", "Delayed"); otherwise the rating, as most trackers use it. With a rating or
 * commentary column for each of two or more months ("RAG Jun 19", "Update Jun 19", "RAG Jul
 * 19" ...), the latest month's are the rating and commentary and the others the earlier
 * months' (an undated "RAG" or "Update" column, when there is one, stays the current one). */
PathwayImportMapping *pathway_import_guess_mapping (PathwaySheet *sheet);
/* The index of the row among the first 20 that names the most different fields (a name as
 * areas write it counts twice, one it begins with once), so a title block above the header
 * is passed over and a title merged across the row counts once; the sheet's own guess when
 * no row names two fields. */
guint pathway_import_find_header_row (PathwaySheet *sheet);
/* The guess for a risk register: the header row found by the names registers use (a row of
 * group headings above it, "Inherent risk" and "Residual risk" merged over their columns, is
 * passed over and read: an "L" under "Residual risk" is the residual likelihood), then each
 * column matched as for a tracker ("Risk ID", "Cause, event, effect", "Target L", "RAG"). A
 * column headed "Risk/Issue" is the type when its cells say so, else the title; a "Status"
 * of colours is the score when nothing else is; with no title column, a description column
 * is the title. */
PathwayImportMapping *pathway_import_guess_risk_mapping (PathwaySheet *sheet);
/* pathway_import_guess_mapping or pathway_import_guess_risk_mapping. */
PathwayImportMapping *pathway_import_guess_mapping_for (PathwaySheet *sheet,
                                                        PathwayImportTarget target);
guint pathway_import_mapping_get_n_columns (PathwayImportMapping *self);
/* The column's field (a PathwayImportField or PathwayRiskField, by the mapping's target). */
guint pathway_import_mapping_get_field (PathwayImportMapping *self, guint column);
/* Gives a column a field. A field (other than none) belongs to one column: the column that
 * had it before is set to none. Emits "changed". */
void pathway_import_mapping_set_field (PathwayImportMapping *self, guint column, guint field);
/* The column holding a field, or -1. */
int pathway_import_mapping_get_column (PathwayImportMapping *self, guint field);
/* Applies "COLUMN=FIELD" (the command line's --map): COLUMN is a letter ("F"), a header
 * ("RAG") or a number from 1; FIELD as pathway_import_target_field_from_name reads it for
 * the mapping's target. The error
 * (PATHWAY_ERROR_INVALID) says which part it could not read. */
gboolean pathway_import_mapping_parse_override (PathwayImportMapping *self, PathwaySheet *sheet,
                                                const char *assignment, GError **error);
/* The rows the user chose to skip (sheet row indices): a skipped row is not imported and
 * raises no problem, whatever it holds. Emits "changed" when it changes, so a dialog makes its
 * plan again. */
void pathway_import_mapping_set_row_skipped (PathwayImportMapping *self, guint row,
                                             gboolean skipped);
gboolean pathway_import_mapping_get_row_skipped (PathwayImportMapping *self, guint row);
/* Skips the row the user sees as 'row_text' in the spreadsheet (the command line's --skip):
 * a row number as Excel shows it. The error (PATHWAY_ERROR_INVALID) says when the sheet has no
 * such row with anything in it. */
gboolean pathway_import_mapping_parse_skip (PathwayImportMapping *self, PathwaySheet *sheet,
                                            const char *row_text, GError **error);
/* Next month's import of the same layout needs no choices: pathway_import_apply keeps the
 * mapping it was given in the programme, under a key made from the tracker's header row (its
 * headers, folded, in order). Recall looks the sheet's layout up (at its header row, or at
 * another of its first rows where a header was chosen by hand) and, when the layout was
 * imported before, gives each column the field chosen then (none for the others), skips the
 * rows whose first cell reads as a row skipped then, moves the sheet's header row to the
 * layout's and returns TRUE. FALSE leaves the mapping as it was: a layout never imported, or
 * a sheet of another width. Emits "changed" when anything changed. */
gboolean pathway_import_mapping_recall (PathwayImportMapping *self, PathwaySheet *sheet,
                                        PathwayDocument *document);
/* The day the recalled choices were made ("Columns as chosen for this layout on 7 December
 * 2026"), or NULL when none were recalled. */
const GDate *pathway_import_mapping_get_recalled_date (PathwayImportMapping *self);
/* Reads a day as the import takes one (--as-at, a readings sheet's date): YYYY-MM-DD, or
 * DD/MM/YYYY as English spreadsheets show a date. FALSE, 'date' cleared, for anything else. */
gboolean pathway_import_parse_day (const char *text, GDate *date);

/* Choosing the sheets of a workbook ------------------------------------------------------- */

/* What a sheet lacks to be read as a tracker with this mapping (NULL: the guessed one), in a
 * few words for a message or a sheet chooser ("no reference column", "no action column", "no
 * rows under its header"), or NULL when it has a reference and an action column and rows
 * under them. A risk register's mapping asks for a reference and a risk column ("no risk
 * column"). Free with g_free. */
char *pathway_import_sheet_lacks (PathwaySheet *sheet, PathwayImportMapping *mapping);
/* Reads the sheet of a workbook that looks like a tracker: of those with a reference and an
 * action column, the one with the most rows under its header, whatever its place (a Summary
 * sheet before the tracker is passed over). A CSV is its one sheet. When no sheet looks like
 * a tracker, the error (PATHWAY_EXCHANGE_ERROR_NOT_TRACKER) names each sheet and what it
 * lacks. */
PathwaySheet *pathway_import_read_tracker (const char *path, GError **error);
/* Reads several sheets to import together (a tracker kept as a sheet per workstream): the
 * sheets named, or with the one name "all" every sheet that looks like a tracker (an error as
 * above when none does). A name the workbook lacks is PATHWAY_EXCHANGE_ERROR_NO_SHEET. Element
 * type PathwaySheet, in the workbook's order for "all" and as named otherwise. */
GPtrArray *pathway_import_read_trackers (const char *path, const char *const *sheet_names,
                                         GError **error);
/* The same for a tracker or a risk register (a sheet with a reference and a risk column; when
 * none has them, the error names each sheet and what it lacks). */
PathwaySheet *pathway_import_read_sheet_for (const char *path, PathwayImportTarget target,
                                             GError **error);
GPtrArray *pathway_import_read_sheets_for (const char *path, PathwayImportTarget target,
                                           const char *const *sheet_names, GError **error);

/* The plan: what an import would do, without writing ------------------------------------- */

typedef enum {
  PATHWAY_IMPORT_ROW_SKIPPED,   /* blank, the header row, above it, not an action, or with
                                 * errors: pathway_import_plan_get_row_skip_reason says which */
  PATHWAY_IMPORT_ROW_HEADING,   /* only its first cell filled: the theme of the rows below */
  PATHWAY_IMPORT_ROW_ADD,       /* a new reference: the action would be added */
  PATHWAY_IMPORT_ROW_UPDATE,    /* an existing action whose fields would change */
  PATHWAY_IMPORT_ROW_UNCHANGED, /* an existing action the row leaves as it is */
} PathwayImportRowOutcome;

typedef enum {
  PATHWAY_IMPORT_WARNING, /* imported all the same (e.g. a timescale kept as written) */
  PATHWAY_IMPORT_ERROR,   /* nothing can be imported until it is put right */
} PathwayImportSeverity;

/* One problem, on one cell (column >= 0) or a whole row (column -1). All strings valid UTF-8,
 * owned by the plan. */
typedef struct {
  PathwayImportSeverity severity;
  guint row;           /* the sheet's row index */
  guint row_number;    /* as the user sees it in Excel */
  int column;          /* column index, or -1 */
  const char *column_letter; /* "F", or "" */
  const char *header;  /* the column's header, or "" */
  const char *value;   /* the cell as read, or "" */
  const char *message; /* what is wrong and what to do, translated */
} PathwayImportProblem;

#define PATHWAY_TYPE_IMPORT_PLAN (pathway_import_plan_get_type ())
G_DECLARE_FINAL_TYPE (PathwayImportPlan, pathway_import_plan, PATHWAY, IMPORT_PLAN, GObject)

/* Reads every row below the header row with the mapping and compares it with the programme
 * in the document: nothing is written. A risk register's mapping gives a risk register's plan
 * (see "Risk registers" below), which the same getters read. Cheap enough to run again on
 * every change of the mapping (10,000 rows in about 50 ms). file_display_name goes into each
 * update's note ("Imported from FILE"); NULL takes the sheet's display name. A row is matched
 * to an existing action by reference; a lead, workstream or area that the programme does not
 * have yet is added by the import (listed by pathway_import_plan_get_additions). Never
 * NULL: a mapping with no reference column gives one error. */
PathwayImportPlan *pathway_import_plan (PathwaySheet *sheet, PathwayImportMapping *mapping,
                                        PathwayDocument *document,
                                        const char *file_display_name);
/* Plans several sheets of one workbook as one import (a sheet per workstream), each with its
 * mapping: references are compared across all of them, so an action a later sheet lists
 * under a reference an earlier one used is kept apart as in one sheet ("1.1 (2)"), and a
 * sheet with no workstream column gives its actions the workstream its title block names
 * ("Workstream 2: Health") or else its name. Element type PathwayImportPlan, one per sheet;
 * write them with pathway_import_apply_all. */
GPtrArray *pathway_import_plan_sheets (GPtrArray *sheets, GPtrArray *mappings,
                                       PathwayDocument *document,
                                       const char *file_display_name);

/* What the plan imports: a tracker's actions or a risk register's risks. */
PathwayImportTarget pathway_import_plan_get_target (PathwayImportPlan *self);
PathwaySheet *pathway_import_plan_get_sheet (PathwayImportPlan *self);
const char *pathway_import_plan_get_file_display_name (PathwayImportPlan *self);
guint pathway_import_plan_get_n_added (PathwayImportPlan *self);
guint pathway_import_plan_get_n_updated (PathwayImportPlan *self);
guint pathway_import_plan_get_n_unchanged (PathwayImportPlan *self);
guint pathway_import_plan_get_n_headings (PathwayImportPlan *self);
guint pathway_import_plan_get_n_skipped (PathwayImportPlan *self);
guint pathway_import_plan_get_n_errors (PathwayImportPlan *self);
guint pathway_import_plan_get_n_warnings (PathwayImportPlan *self);
gboolean pathway_import_plan_has_errors (PathwayImportPlan *self);

/* Every problem, by row then column. A repeated header row (trackers printed with the header
 * on every page) is skipped without a problem. */
guint pathway_import_plan_get_n_problems (PathwayImportPlan *self);
const PathwayImportProblem *pathway_import_plan_get_problem (PathwayImportPlan *self,
                                                             guint index);
/* The worst problem on a cell (column -1: on the row itself), or NULL: for marking cells in
 * a preview. */
const PathwayImportProblem *pathway_import_plan_get_cell_problem (PathwayImportPlan *self,
                                                                  guint row, int column);
/* "Row 57, column F (RAG), "Purple": not a rating. Use Red, Amber, Green or Blue, or leave it
 * blank." Free with g_free. */
char *pathway_import_problem_to_string (const PathwayImportProblem *problem);

/* What a sheet row would do, and which fields it would change (bit 1 << field) for an update
 * or set for an add. */
PathwayImportRowOutcome pathway_import_plan_get_row_outcome (PathwayImportPlan *self,
                                                             guint row);
guint pathway_import_plan_get_row_changes (PathwayImportPlan *self, guint row);
/* Why a row below the header is skipped, for the list of skipped rows ("a colour key", "a
 * totals row", "a note under the table", "skipped as asked", "the header again", "has
 * errors"), translated; NULL for a row that is not skipped, a blank row, the header and the
 * rows above it. */
const char *pathway_import_plan_get_row_skip_reason (PathwayImportPlan *self, guint row);
/* The reference a row is imported under: its own, one made from its row number when it had
 * none ("Row 12"), or its own marked when another row has it too ("2.1 (2)"). NULL for a row
 * that is not an action. */
const char *pathway_import_plan_get_row_reference (PathwayImportPlan *self, guint row);
/* The people, workstreams and areas of weakness the import would add, one line each
 * ("Lead: Sam Patel"). Free with g_strfreev. */
char **pathway_import_plan_get_additions (PathwayImportPlan *self);
/* The rating the plan read from a row's rating cell (sheet row index) and whether it was read
 * from the cell's colour (a cell with no text but a fill: the nearest of the sheet's own colour
 * key, else of the colours ratings are shown in), for a preview. FALSE when the row has no
 * rating read (blank, unreadable, not an action). Either out argument may be NULL. */
gboolean pathway_import_plan_get_cell_rating (PathwayImportPlan *self, guint row,
                                              PathwayRating *rating, gboolean *from_fill);
/* How many rating cells of the rows to import (earlier months' too) were read by colour. */
guint pathway_import_plan_get_n_colour_ratings (PathwayImportPlan *self);
/* Dates the whole import at the end of 'date', a day no later than today (NULL: by the clock,
 * as made), for a copy of a tracker as it stood then ("This tracker is as it stood on..."):
 * the rows are compared again with the programme as it stood at the end of that day, so the
 * counts and outcomes change with it. pathway_import_apply then writes every change dated that
 * day (pathway_document_set_as_at; each keeps the time it was recorded too), earlier months'
 * columns at their own months' ends but never after that day. An action changed after that day
 * keeps its current values: the tracker's rating, status and commentary join its history
 * between the changes already there, and its other fields are left to the later tracker. An
 * action the programme only has from a later day is taken to have stood then too. Importing
 * an area's monthly trackers one after another, in any order, each as at its month's end,
 * gives every action its history; the same file at the same day again changes nothing. */
void pathway_import_plan_set_as_at (PathwayImportPlan *self, const GDate *date);
/* The day set by pathway_import_plan_set_as_at, or NULL. */
const GDate *pathway_import_plan_get_as_at (PathwayImportPlan *self);

/* Writes the plan into the document it was made for as ONE batch, which one undo takes back
 * whole (earlier months' history and all): new leads, workstreams and areas, then row by row
 * each new action (with a note "Imported from FILE") or each change to an existing action as
 * an update with that note (a revised timescale as a revision with that reason), dated as the
 * plan's as-at day says. A blank cell clears nothing and nothing is deleted. The mapping the
 * plan was made with is kept in the programme for its layout, in the same transaction
 * (pathway_import_mapping_recall; kept only when it changed, and not undone). Refuses a plan
 * with errors (PATHWAY_EXCHANGE_ERROR_PROBLEMS).
 * On any failure the batch is rolled back and neither file nor model changes; when the batch
 * had added people, workstreams or areas the document reloads its programme (a new
 * PathwayProgramme, announced by notify::programme), so hold the document, not the
 * programme, across this call. */
gboolean pathway_import_apply (PathwayImportPlan *plan, PathwayDocument *document,
                               GError **error);
/* Writes several plans (from pathway_import_plan_sheets) in ONE batch, as above. */
gboolean pathway_import_apply_all (GPtrArray *plans, PathwayDocument *document,
                                   GError **error);

/* Risk registers ---------------------------------------------------------------------------
 * A register's sheet is read with pathway_import_read_sheet_for (path,
 * PATHWAY_IMPORT_TARGET_RISKS, ...), its columns guessed with
 * pathway_import_guess_risk_mapping (remembered per layout like a tracker's), and planned and
 * applied with the functions above. Each row is matched to a risk of the log by reference
 * (a row with no reference is imported as "Row 12", with a warning); the row's outcome is add,
 * update (get_row_changes: bits of PathwayRiskField) or unchanged, or skipped with its reason.
 * Likelihood and impact are read as numbers from 1 to 5 or as words (the programme's own
 * words for the levels, then Rare/Unlikely/Possible/Likely/Almost certain, Very low ... Very
 * high, Negligible/Minor/Moderate/Major/Severe/Catastrophic, "4 - Likely"). Errors, each
 * naming row, column and value: a level outside 1-5, a word that is no level, a number and
 * word that disagree, a date that is none, a type or status no word names, a reference on two
 * rows, a new risk with no title. Warnings: a linked action, workstream or raised-from
 * reference the programme lacks is left out; a score is checked against likelihood times
 * impact and never imported, and one with no likelihood and impact beside it (a number, a
 * word or only a colour) cannot be split, so the risk is left unscored. An owner the
 * programme lacks is added as a person (get_additions: "Person: NAME"). The plan is not
 * dated: pathway_import_plan_set_as_at does nothing to it. Applying writes one batch, one
 * undo step: each new risk's creation and each changed field noted "Imported from FILE". */

/* Readings in -----------------------------------------------------------------------------
 * A sheet of indicator readings: one row per reading, in columns headed indicator, date and
 * value (in any order and case) and optionally note; other columns are ignored. The headers
 * are the first row with one of them (a title above is passed over). */

/* Checks every row before writing anything: the indicator is one of the programme's (by name
 * or id), the date is written YYYY-MM-DD, the value is a number, and the indicator has no
 * reading on that day yet (in the programme or a row above). Each problem is one line added
 * to 'problems' (may be NULL), naming the file, the row and column as the spreadsheet shows
 * them and the field: "readings.csv: row 4, column B (date): “31/04/2026” is not a date
 * written YYYY-MM-DD."; a missing header is a line too. With any problem nothing is written
 * and the error is PATHWAY_EXCHANGE_ERROR_PROBLEMS. Otherwise every reading is added in ONE
 * batch through pathway_document_add_fields (the first failure rolls all back, with the
 * document's error prefixed by the file and row) and *n_added (may be NULL) says how many. */
gboolean pathway_import_readings (PathwaySheet *sheet, PathwayDocument *document,
                                  GPtrArray *problems, guint *n_added, GError **error);

/* Export ---------------------------------------------------------------------------------
 * One row per action (deleted ones left out), in workstream and reference order, with the
 * headers import reads back. The file is written to a temporary name beside 'path', synced
 * and renamed, so a crash leaves the old file or the whole new one.
 * No cell runs as a formula: CSV text beginning with = + - @, tab, CR or LF is written with
 * a leading apostrophe (which import takes off again); XLSX writes every text as a string
 * cell, which no spreadsheet evaluates, so the text stays as it is. */

/* UTF-8 with a BOM (so Excel reads it right), CRLF line ends, comma-separated. */
gboolean pathway_export_csv (PathwayDocument *document, const char *path, GError **error);
/* Bold frozen header row with an autofilter, rating cells coloured and carrying the word,
 * day-precise timescales as real dates (other timescales as written), sensible widths. */
gboolean pathway_export_xlsx (PathwayDocument *document, const char *path, GError **error);
/* By the name's ending: .csv or .xlsx (any case); anything else is an error. */
gboolean pathway_export (PathwayDocument *document, const char *path, GError **error);

/* The risk log: one row per live entry, by reference in natural order, under the headers the
 * risk register import reads back (Ref, Type, Risk, Description, Owner, Workstream, Linked
 * actions, Likelihood, Impact, Score, Residual likelihood, Residual impact, Residual score,
 * Proximity, Review date, Response, Response owner, Status, Raised from), so export then
 * import changes nothing. Levels and scores are numbers (blank while not assessed); XLSX
 * writes them as numbers, each score filled in its band's colour, and the review date as a
 * date; text is protected as for the tracker. By the name's ending, .csv or .xlsx. */
gboolean pathway_export_risks_csv (PathwayDocument *document, const char *path, GError **error);
gboolean pathway_export_risks_xlsx (PathwayDocument *document, const char *path,
                                    GError **error);
gboolean pathway_export_risks (PathwayDocument *document, const char *path, GError **error);

G_END_DECLS
