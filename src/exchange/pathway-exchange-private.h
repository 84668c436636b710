/* pathway-exchange-private.h: what the files of src/exchange share. The CSV, XLSX and ODS
 * readers fill a PathwaySheet through a small builder; the XLSX and ODS readers read their zip
 * package through one set of limits; Excel's number formats (dates in particular) are read and
 * written by one formatter, so what export writes as a date, import reads back as the same
 * text; the plan and the export share the field names. */
#pragma once

#include "pathway-exchange.h"

G_BEGIN_DECLS

/* Building a sheet ----------------------------------------------------------------------- */

typedef struct _PathwaySheetBuilder PathwaySheetBuilder;

/* display_name names the file in every message. */
PathwaySheetBuilder *pathway_sheet_builder_new (const char *display_name);
void pathway_sheet_builder_free (PathwaySheetBuilder *builder);
/* Starts a row shown to the user as row_number (Excel's numbering). Rows must come in
 * increasing order; the gaps between them are blank rows. Fails past the row limit. */
gboolean pathway_sheet_builder_begin_row (PathwaySheetBuilder *builder, guint row_number,
                                          GError **error);
/* Sets a cell of the current row (column from 0); the text is copied and made valid UTF-8.
 * Fails past the column or cell-length limit. */
gboolean pathway_sheet_builder_set_cell (PathwaySheetBuilder *builder, guint column,
                                         const char *text, gsize length, GError **error);
/* Gives a cell of the current row a solid fill (0xRRGGBB). A fill past the column limit is
 * left out: only a cell with text can be refused for its place. */
void pathway_sheet_builder_set_fill (PathwaySheetBuilder *builder, guint column, guint32 rgb);
/* Marks the current row as hidden in the spreadsheet. */
void pathway_sheet_builder_set_row_hidden (PathwaySheetBuilder *builder);
/* Marks columns first to last (from 0) as hidden; those past the column limit are left out. */
void pathway_sheet_builder_set_columns_hidden (PathwaySheetBuilder *builder, guint first,
                                               guint last);
/* Notes a merged range (row numbers as the user sees them, columns from 0), in any order of
 * rows. Its first cell's text and fill go to every cell of the range when the sheet is
 * finished. Fails past PATHWAY_SHEET_MAX_MERGED_RANGES. */
gboolean pathway_sheet_builder_add_merge (PathwaySheetBuilder *builder,
                                          const PathwaySheetRange *range, GError **error);
/* Notes that a cell was not read exactly as written (message translated, copied). A second
 * warning on the same cell as the last one is dropped. */
void pathway_sheet_builder_add_warning (PathwaySheetBuilder *builder, guint row_number,
                                        int column, const char *message);
/* Spreads merged ranges over their cells, drops rows with no text of their own (a row that
 * merged cells from above merely pass through is one), guesses the header row, and returns the
 * sheet (or an EMPTY error when no cell has text). Frees the builder. */
PathwaySheet *pathway_sheet_builder_finish (PathwaySheetBuilder *builder,
                                            PathwaySheetFormat format, const char *sheet_name,
                                            const char *encoding, char delimiter,
                                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaySheetBuilder, pathway_sheet_builder_free)

/* The readers: bytes to a sheet. */
PathwaySheet *pathway_sheet_read_csv (GBytes *bytes, const char *display_name, GError **error);
PathwaySheet *pathway_sheet_read_xlsx (GBytes *bytes, const char *display_name,
                                       const char *sheet_name, GError **error);
char **pathway_sheet_list_xlsx_sheets (GBytes *bytes, const char *display_name,
                                       GError **error);
PathwaySheet *pathway_sheet_read_ods (GBytes *bytes, const char *display_name,
                                      const char *sheet_name, GError **error);
char **pathway_sheet_list_ods_sheets (GBytes *bytes, const char *display_name, GError **error);

/* Sets a TOO_LARGE error naming the file and the limit. */
void pathway_sheet_set_limit_error (GError **error, const char *display_name,
                                    const char *what, guint64 limit);
/* Sets a MALFORMED error naming the file and what is wrong with it ('what' is made valid
 * UTF-8: it may quote the file). Returns FALSE. */
gboolean pathway_sheet_set_malformed_error (GError **error, const char *display_name,
                                            const char *what);

/* Which of a workbook's sheets to read: the one named (exactly, else in any case) or, with
 * wanted NULL, the first not hidden (the first of all when every one is). Returns its index,
 * or -1 with a NO_SHEET error listing the sheets (or MALFORMED when there are none). */
int pathway_sheet_choose (const char * const *names, const gboolean *hidden, guint n_sheets,
                          const char *wanted, const char *display_name, GError **error);

/* Zip packages (XLSX and ODS) ----------------------------------------------------------------
 * Every part read counts against the limits on entry size, total size and compression ratio,
 * whatever the zip's headers claim. Parts are XML parsed with GMarkup, a DOCTYPE refused. */

typedef struct _PathwaySheetPackage PathwaySheetPackage;

PathwaySheetPackage *pathway_sheet_package_open (GBytes *bytes, const char *display_name,
                                                 GError **error);
void pathway_sheet_package_free (PathwaySheetPackage *package);
const char *pathway_sheet_package_get_display_name (PathwaySheetPackage *package);
/* Whether the package holds the part (name in any case). */
gboolean pathway_sheet_package_has_part (PathwaySheetPackage *package, const char *name);
/* Parses the part 'name' with 'parser'. A missing part returns FALSE with no error when
 * 'optional'. Errors of the PATHWAY_EXCHANGE_ERROR domain set by the parser's callbacks come
 * back unchanged; any other is reported as a damaged part. */
gboolean pathway_sheet_package_parse (PathwaySheetPackage *package, const char *name,
                                      const GMarkupParser *parser, gpointer data,
                                      gboolean optional, GError **error);
/* The bytes of a small part (NUL-terminated), or NULL when it is missing, damaged or longer
 * than max_size. */
char *pathway_sheet_package_read_text (PathwaySheetPackage *package, const char *name,
                                       gsize max_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaySheetPackage, pathway_sheet_package_free)

/* Element and attribute names without their namespace prefix ("x:c" is "c"). */
const char *pathway_sheet_xml_local_name (const char *name);
/* The value of the attribute whose local name is 'wanted', or NULL. */
const char *pathway_sheet_xml_attribute (const char **names, const char **values,
                                         const char *wanted);
/* A GMarkupParser passthrough handler that refuses a DOCTYPE. */
void pathway_sheet_xml_passthrough_cb (GMarkupParseContext *context, const char *text,
                                       gsize length, gpointer data, GError **error);

/* Excel number formats ------------------------------------------------------------------- */

/* Whether a format code (or a built-in format id with code NULL) shows a date or time. */
gboolean pathway_number_format_is_date (int format_id, const char *code);
/* The text Excel shows for a date serial (days since 1899-12-30, with the 1900 leap-year bug
 * taken into account) in a date format code; NULL when the serial is not a date Excel can
 * show. Built-in ids without a code use the UK's forms (id 14 is DD/MM/YYYY). */
char *pathway_number_format_date (double serial, int format_id, const char *code);
/* Days since 1899-12-30 for a date, as Excel stores it. */
double pathway_number_format_serial (const GDate *date);
/* A number in Excel's General format: up to 15 significant digits, no exponent below 1e15. */
char *pathway_number_format_general (double value);

/* Fields ---------------------------------------------------------------------------------- */

/* A field an import can fill: its name on the command line, its name for people (N_()) and
 * the header names areas give it, NULL-terminated. */
typedef struct {
  const char *nick;
  const char *label;
  const char *const *headers;
} PathwayImportFieldInfo;

/* A risk register's fields, PATHWAY_RISK_N_FIELDS of them (pathway-import-risk-fields.c). */
const PathwayImportFieldInfo *pathway_import_risk_fields (void);
/* The target's field whose header names hold a folded header exactly; or whose longest name
 * (long enough, so "risk" does not begin "risk appetite") begins it as whole words. */
gboolean pathway_import_target_field_for_header (PathwayImportTarget target, const char *folded,
                                                 guint *field);
gboolean pathway_import_target_field_for_header_prefix (PathwayImportTarget target,
                                                        const char *folded, guint *field);
/* The header row for the target's names, as pathway_import_find_header_row finds a tracker's. */
guint pathway_import_find_header_row_for (PathwaySheet *sheet, PathwayImportTarget target);
/* Gives a column a field while guessing: no signal, no other column changed. */
void pathway_import_mapping_give (PathwayImportMapping *self, guint column, guint field);

/* Folds a header for matching: lower case, letters and digits only, single spaces. */
char *pathway_import_fold_header (const char *text);
/* The month a header names after or before the words of a field ("RAG Jun 19", "June 2019
 * update"): the last day of that month in *month_end and the month as written in *label;
 * FALSE when it names none. field is set to the field the words name (rating or
 * commentary). */
gboolean pathway_import_header_month (const char *header, PathwayImportField *field,
                                      GDate *month_end, char **label);

/* Words in cells (pathway-import-words.c) -------------------------------------------------- */

typedef enum {
  PATHWAY_RATING_WORD_BLANK,
  PATHWAY_RATING_WORD_COLOUR,      /* Red, A, "On track"...: the rating */
  PATHWAY_RATING_WORD_BLUE,        /* Blue or B */
  PATHWAY_RATING_WORD_COMPLETE,    /* Complete, Completed, Done */
  PATHWAY_RATING_WORD_NOT_STARTED, /* no rating yet */
  PATHWAY_RATING_WORD_SPLIT,       /* "A/G", "Amber/Red": the worse colour */
  PATHWAY_RATING_WORD_UNKNOWN,
} PathwayRatingWord;

/* Reads a rating cell: the programme's own words for its ratings (scheme may be NULL), then
 * the words areas use. *rating is the colour (the worse for a split, Blue for Blue and the
 * words of completion, none otherwise). */
PathwayRatingWord pathway_import_read_rating_word (PathwayRatingScheme *scheme, const char *text,
                                                   PathwayRating *rating);
/* Reads a status cell ("In progress", "On hold", the statuses' own names); FALSE for other
 * text. */
gboolean pathway_import_read_status_word (const char *text, PathwayStatus *status);
/* Whether a cell holds a colour ("Red", "A", "A/G", "Blue"), which only a rating column does. */
gboolean pathway_import_word_is_colour (const char *text);
/* Reads a cell of a colour key: a rating word ("Off track", "Complete", "Not started") or one
 * before what it means ("Red = off track", "Green: complete"). UNKNOWN for anything else,
 * split ratings too (a key gives one meaning to a colour). */
PathwayRatingWord pathway_import_read_key_word (PathwayRatingScheme *scheme, const char *text,
                                                PathwayRating *rating);

/* Colours in cells (pathway-import-colours.c) ------------------------------------------------ */

/* What a sheet's own colour key says a fill means. */
typedef struct {
  guint32 rgb;             /* 0xRRGGBB */
  PathwayRatingWord word;  /* COLOUR, BLUE, COMPLETE or NOT_STARTED */
  PathwayRating rating;    /* as pathway_import_read_rating_word gives it for the word */
} PathwayColourMeaning;

/* Whether a fill is no colour to a reader: white, or a pale grey or cream near it (a sheet
 * filled white to hide the grid). */
gboolean pathway_import_fill_is_blank (guint32 rgb);
/* Reads a fill as a rating: the meaning of the nearest colour of the sheet's own key (element
 * type PathwayColourMeaning; may be NULL) when one is within a shade of it, else the nearest
 * of the colours ratings are given in (Pathway's, Excel's standard and cell-style fills, the
 * Office themes' accents, common pale tints), compared by CIEDE2000. *word is COLOUR (with
 * *rating), BLUE, or what the key says. FALSE for a blank fill, a grey and any colour near
 * no rating (a purple, a brown, an orange between amber and red). */
gboolean pathway_import_read_fill (GArray *key, guint32 rgb, PathwayRatingWord *word,
                                   PathwayRating *rating);
/* A fill's colour in a word for messages ("grey", "purple", "red"), translated. */
const char *pathway_import_fill_name (guint32 rgb);

/* Tracker layouts (pathway-import-mapping.c) --------------------------------------------------- */

/* The key the programme keeps a layout's choices under: "headers:" and a checksum of the
 * header row's cells, folded (pathway_import_fold_header), in order, blank ones at the right
 * left out; NULL when the row has no text. */
char *pathway_import_layout_key (PathwaySheet *sheet, guint header_row);
/* The same for a target: a risk register's key begins "risk-headers:". */
char *pathway_import_layout_key_for (PathwaySheet *sheet, guint header_row,
                                     PathwayImportTarget target);
/* The mapping's choices as text for the programme to keep: each column given a field
 * ("A=reference;F=rating"), and each skipped row by its first cell's text, folded
 * ("skip=1 4"). */
char *pathway_import_mapping_dup_choices (PathwayImportMapping *self, PathwaySheet *sheet);

/* Plans (pathway-import-plan.c) ------------------------------------------------------------- */

/* A cell's value as an import uses it: line ends made LF, spaces around it dropped, and for
 * CSV the apostrophe an export put before text a spreadsheet could take for a formula taken
 * off again. "" for column -1. Free with g_free. */
char *pathway_import_cell_value (PathwaySheet *sheet, guint row, int column);

/* A risk register's planner (pathway-import-risks.c) makes PathwayImportPlans through these, so
 * the preview, the dialog and the command line read its plans as they read a tracker's: a plan
 * with a row per sheet row, each skipped until set; "Imported from FILE" as its note. */
PathwayImportPlan *pathway_import_plan_new_for (PathwaySheet *sheet, PathwayImportTarget target,
                                                const char *file_display_name);
PathwayImportTarget pathway_import_plan_get_target (PathwayImportPlan *self);
/* A problem on a cell (column -1: the row); an error marks the row as having errors. */
void pathway_import_plan_add_problem (PathwayImportPlan *self, PathwayImportSeverity severity,
                                      guint row, int column, const char *value,
                                      const char *format, ...) G_GNUC_PRINTF (6, 7);
gboolean pathway_import_plan_row_has_error (PathwayImportPlan *self, guint row);
/* What a row does: its outcome, the fields it changes (bit 1 << field), the reference it is
 * imported under and why it is skipped (translated, static), as the getters give them. */
void pathway_import_plan_set_row (PathwayImportPlan *self, guint row,
                                  PathwayImportRowOutcome outcome, guint changes,
                                  const char *reference, const char *skip_reason);
/* Once every row is set: rows with errors become skipped ("has errors") and the rows are
 * counted. */
void pathway_import_plan_finish (PathwayImportPlan *self);
/* What the target's planner keeps for applying, freed with the plan. */
void pathway_import_plan_set_target_data (PathwayImportPlan *self, gpointer data,
                                          GDestroyNotify destroy);
gpointer pathway_import_plan_get_target_data (PathwayImportPlan *self);
const char *pathway_import_plan_get_note (PathwayImportPlan *self);
/* A line of pathway_import_plan_get_additions ("Owner: Sam Patel"). */
void pathway_import_plan_add_addition (PathwayImportPlan *self, const char *line);
/* The layout's key and the mapping's choices, kept by apply (both taken). */
void pathway_import_plan_set_layout (PathwayImportPlan *self, char *key, char *choices);
/* Keeps each plan's layout and choices in the programme, when they changed; inside the
 * import's batch. */
gboolean pathway_import_plan_remember_layouts (GPtrArray *plans, PathwayDocument *document,
                                               GError **error);

/* Risk registers (pathway-import-risks.c) --------------------------------------------------- */

/* Plans sheets of a risk register with their mappings, as one import (a reference may be on
 * one of them only): pathway_import_plan_sheets for a risk register's mappings. */
GPtrArray *pathway_import_plan_risk_sheets (GPtrArray *sheets, GPtrArray *mappings,
                                            PathwayDocument *document,
                                            const char *file_display_name);
/* pathway_import_apply_all for a risk register's plans. */
gboolean pathway_import_apply_risks (GPtrArray *plans, PathwayDocument *document,
                                     GError **error);

/* How a cell gives a level of likelihood or impact (pathway-import-risk-fields.c). */
typedef enum {
  PATHWAY_RISK_LEVEL_BLANK,   /* empty, "n/a", "TBC": not assessed, nothing to import */
  PATHWAY_RISK_LEVEL_READ,    /* a level from 1 to 5 */
  PATHWAY_RISK_LEVEL_OUT_OF_RANGE, /* a number, but not 1 to 5: *level holds it */
  PATHWAY_RISK_LEVEL_DISAGREES,    /* "2 - Likely": the number and the word differ */
  PATHWAY_RISK_LEVEL_UNKNOWN,
} PathwayRiskLevelWord;

/* Reads a likelihood (impact FALSE) or an impact: a number ("3", "3.0"), the programme's own
 * word for a level (programme may be NULL), the words registers use (Rare ... Almost certain;
 * Very low ... Very high; Negligible, Minor, Moderate, Major, Severe or Catastrophic), or a
 * number with a word ("4 - Likely", "Major (4)"). */
PathwayRiskLevelWord pathway_import_read_risk_level (PathwayProgramme *programme, gboolean impact,
                                                     const char *text, int *level);
/* A kind's word ("Risk", "Issue", "R", "I", "Assumption", "Dependency", in any case, the
 * translated labels too); FALSE for other text. */
gboolean pathway_import_read_risk_kind (const char *text, PathwayRiskKind *kind);
/* A status ("Open", "Live", "Closed", "Resolved", "Escalated"); FALSE for other text. */
gboolean pathway_import_read_risk_status (const char *text, PathwayRiskStatus *status);
/* The English words export writes and import reads back, whatever the language. */
const char *pathway_export_risk_kind_word (PathwayRiskKind kind);
const char *pathway_export_risk_status_word (PathwayRiskStatus status);

/* Export ---------------------------------------------------------------------------------- */

/* Whether a spreadsheet could take this text for a formula: it begins with = + - @, tab, CR
 * or LF. */
gboolean pathway_export_text_is_risky (const char *text);
/* A CSV field, quoted when it needs to be, a risky text behind an apostrophe. */
void pathway_export_append_csv_field (GString *out, const char *text);
/* Text for one XLSX cell: Excel holds 32,767 characters, so longer text is cut and ends with
 * an ellipsis. */
char *pathway_export_fit_cell (const char *text);
/* The widest line of a text, in characters, and the lines it wraps to in a column 'width'
 * characters wide: for column widths and row heights, which neither Excel nor LibreOffice
 * fits to wrapped text when it opens a file. */
double pathway_export_text_width (const char *text);
guint pathway_export_wrapped_lines (const char *text, double width);
/* The errno to report for a failed libxlsxwriter write into 'dir' (its own codes lose it): a
 * full folder is ENOSPC. */
int pathway_export_folder_errno (const char *dir, int saved_errno);

/* Case-folded, spaces trimmed and runs of them made one (pathway-import-words.c): how names
 * and words from a tracker are compared. */
char *pathway_import_fold_name (const char *text);

/* Return forms (pathway-return-request.c writes them, pathway-return-import.c reads them) ---- */

/* The columns of a form's Updates sheet, in order. */
typedef enum {
  PATHWAY_FORM_REF,
  PATHWAY_FORM_ACTION,
  PATHWAY_FORM_CURRENT_RATING,
  PATHWAY_FORM_CURRENT_COMMENTARY,
  PATHWAY_FORM_NEW_RATING,
  PATHWAY_FORM_NEW_STATUS,
  PATHWAY_FORM_NEW_COMMENTARY,
  PATHWAY_FORM_NEW_RECOVERY_PLAN,
  PATHWAY_FORM_N_COLUMNS
} PathwayFormColumn;

/* Their headers, which import finds the columns by: English whatever the language, like an
 * export's, since the form is read back by any copy of Pathway. */
extern const char *const pathway_form_headers[PATHWAY_FORM_N_COLUMNS];

/* The hidden sheet: a first cell saying what it is, a line for each key, then a header row
 * (first cell PATHWAY_FORM_ROWS) and a row per action with the cells of PathwayFormRowCell. */
#define PATHWAY_FORM_MARK "Pathway return form"
#define PATHWAY_FORM_VERSION "1"
#define PATHWAY_FORM_KEY_PROGRAMME "Programme"
#define PATHWAY_FORM_KEY_LEAD "Lead"
#define PATHWAY_FORM_KEY_FORM "Form"
#define PATHWAY_FORM_KEY_SENT "Sent"
#define PATHWAY_FORM_KEY_DUE "Due"
#define PATHWAY_FORM_KEY_SINCE "Since"
#define PATHWAY_FORM_ROWS "Row"

typedef enum {
  PATHWAY_FORM_ROW_NUMBER,    /* the action's row on the Updates sheet */
  PATHWAY_FORM_ROW_UUID,
  PATHWAY_FORM_ROW_REF,
  PATHWAY_FORM_ROW_DESCRIPTION,
  PATHWAY_FORM_ROW_RATING,    /* as sent: the rating's nick */
  PATHWAY_FORM_ROW_STATUS,    /* the status's nick */
  PATHWAY_FORM_ROW_COMMENTARY,
  PATHWAY_FORM_ROW_RECOVERY_PLAN,
  PATHWAY_FORM_ROW_N_CELLS
} PathwayFormRowCell;

/* Text as a spreadsheet may give it back: line ends made "\n", spaces at either end dropped. */
char *pathway_return_clean_text (const char *text);
/* What a form shows for an action's value and keeps as sent: cut to what a cell holds and
 * cleaned, so a value compares equal to itself after the round trip. */
char *pathway_return_cell_text (const char *text);
/* A rating as the form shows it: the programme's word for it, "Not rated" for none. */
const char *pathway_return_rating_text (PathwayRatingScheme *scheme, PathwayRating rating);

G_END_DECLS
