/* exchange-test-support.h: what the exchange tests share: a temporary folder per test, the
 * fixtures folder, programmes made through the document API, workbooks assembled from XML
 * parts written in the tests themselves (so every byte of an XLSX fixture is readable), and a
 * check that a file is byte for byte what it was. */
#pragma once

#include "pathway-exchange.h"

G_BEGIN_DECLS

/* A new folder under the system's temporary folder, and its removal with everything in it. */
char *exchange_test_make_dir (void);
void exchange_test_remove_dir (const char *dir);

/* The path of a file in tests/exchange/fixtures. */
char *exchange_test_fixture (const char *name);

GBytes *exchange_test_read (const char *path);
void exchange_test_write (const char *path, const char *data, gssize length);
void exchange_test_assert_unchanged (const char *path, GBytes *before);

/* An empty programme at 'path', open; with uses_blue the scheme is BRAG. The clock is fixed. */
PathwayDocument *exchange_test_new_programme (const char *path, gboolean uses_blue);

/* A workbook made from NULL-terminated pairs of part name and XML text. */
GBytes *exchange_test_zip (const char *first_name, ...) G_GNUC_NULL_TERMINATED;
/* The minimal workbook parts around one worksheet's XML and (optional) shared strings and
 * styles, as Excel lays them out. */
GBytes *exchange_test_xlsx (const char *sheet_xml, const char *shared_strings_xml,
                            const char *styles_xml);
/* The text of one part of a zip file, or NULL when it has none. */
char *exchange_test_zip_part (const char *path, const char *name);

/* A workbook written by libxlsxwriter, as Excel would save it: each sheet a name and its rows
 * from row 1, NULL-terminated, each row its cells separated by '|' ("" for an empty row, an
 * empty cell between two bars). Cells are text; a cell ending {RRGGBB} has that solid fill
 * ("{FF0000}" a red cell with no text, "Green{FF0000}" a red cell saying Green). */
typedef struct {
  const char *name;
  const char *const *rows;
} ExchangeTestSheet;

void exchange_test_write_workbook (const char *path, const ExchangeTestSheet *sheets,
                                   guint n_sheets);

/* The live action with this reference, or NULL. */
PathwayAction *exchange_test_find_action (PathwayDocument *document, const char *reference);

/* The fixture of the import tests: a programme made in a folder of its own, open. */
typedef struct {
  char *dir;
  char *path; /* the programme's file */
  PathwayDocument *document;
} ExchangeFixture;

/* The programme uses Blue when GPOINTER_TO_INT (data) is TRUE. */
void exchange_fixture_set_up (ExchangeFixture *fixture, gconstpointer data);
/* A programme rated Red, Amber and Green, whatever the test's data. */
void exchange_fixture_set_up_rag (ExchangeFixture *fixture, gconstpointer data);
void exchange_fixture_tear_down (ExchangeFixture *fixture, gconstpointer data);

/* The text read as a file called 'name' (CSV, by its content). */
PathwaySheet *exchange_test_sheet_from_text (const char *name, const char *text);

/* Return forms ------------------------------------------------------------------------------
 * A programme whose history leads up to 'today' (its clock is left at noon that day): Beth
 * Kowalski leads 1A i (amber, on track) and 1A ii (red, delayed, with a recovery plan), Sam
 * Patel 1B i (green) and 2A ii (updated two days after the meeting), Ann Lee 1B ii (complete);
 * 2A i has no lead. Everything was written 67 days before 'today', the board "SEND Improvement
 * Board" met 19 days before it and 2A ii was updated 17 days before it; Beth and Sam have
 * emails. So since the meeting, 1A i, 1A ii and 1B i need an update from a lead, and 2A i from
 * no one. */
PathwayDocument *exchange_test_returns_programme (const char *path, const char *name,
                                                  const GDate *today);
/* Fills in a returned form as a spreadsheet program saves it: NULL-terminated pairs of a cell
 * of the Updates sheet ("E6") and its new text (a shared string; "" empties the cell). */
void exchange_test_fill_form (const char *path, const char *first_cell, ...)
  G_GNUC_NULL_TERMINATED;
/* Takes a row out of the Updates sheet, as deleting the last row does; or adds one after the
 * others with NULL-terminated pairs of cell and text. */
void exchange_test_delete_form_row (const char *path, guint row_number);
void exchange_test_add_form_row (const char *path, guint row_number, const char *first_cell,
                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
