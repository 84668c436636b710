/* test-returns.c: return forms, from the request to the import (pathway-returns.h).
 *
 * A small programme (exchange_test_returns_programme) asks its leads for their updates on
 * 7 December 2026, the board having met on 18 November: Beth Kowalski gets 1A i and 1A ii, Sam
 * Patel 1B i; 2A i has no lead. The forms are checked as files (a hidden, protected sheet with
 * what identifies them; drop-down lists; locked and unlocked cells; A4 landscape) and as
 * records. They are filled in by editing the workbook's XML as a spreadsheet program saves it
 * (shared strings), then imported: changes carry the value now, as sent and returned; accepted
 * ones are written as one undo step noted "Return from Beth Kowalski, 7 December 2026". Forms of
 * another programme and files that are not forms are refused; an altered reference, a changed
 * locked cell, rows added or deleted and words not in the lists are reported by file, row and
 * column; a value changed in the programme since the form was sent is a conflict and not
 * applied. LibreOffice (when installed) opens a form with its drop-downs and its hidden sheet,
 * and a form it saves imports as Excel's does; the form as PDF is kept as a PNG when
 * PATHWAY_SHOTS_DIR names a folder. */
#define G_LOG_DOMAIN "pathway-exchange-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "exchange-test-support.h"
#include "pathway-returns.h"

#define PROGRAMME "Westmoor SEND Written Statement of Action"
#define BETH_FORM "Updates from Beth Kowalski - due 2026-12-14.xlsx"
#define SAM_FORM "Updates from Sam Patel - due 2026-12-14.xlsx"
#define NOTE "Return from Beth Kowalski, 7 December 2026"

typedef struct {
  char *dir;
  char *path;
  char *forms;
  PathwayDocument *document;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDate) today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  fixture->dir = exchange_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "westmoor.pathway", NULL);
  fixture->forms = g_build_filename (fixture->dir, "forms", NULL);
  g_assert_cmpint (g_mkdir (fixture->forms, 0755), ==, 0);
  fixture->document = exchange_test_returns_programme (fixture->path, PROGRAMME, today);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->document);
  exchange_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->forms);
}

static GDate *
day (int d, int m, int y)
{
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static char *
form_path (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->forms, name, NULL);
}

static PathwayReturnRequest *
plan_request (Fixture *fixture)
{
  g_autoptr(GDate) since = day (18, 11, 2026);
  g_autoptr(GError) error = NULL;
  PathwayReturnRequest *request = pathway_return_request_new (fixture->document, since, NULL,
                                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static PathwayReturnRequest *
send_forms (Fixture *fixture)
{
  PathwayReturnRequest *request = plan_request (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_return_request_write (request, fixture->forms, &error));
  g_assert_no_error (error);
  return request;
}

static PathwayReturnImport *
read_returns (Fixture *fixture, const char *first, ...) G_GNUC_NULL_TERMINATED;

static PathwayReturnImport *
read_returns (Fixture *fixture, const char *first, ...)
{
  PathwayReturnImport *import = pathway_return_import_new (fixture->document);
  va_list ap;

  va_start (ap, first);
  for (const char *name = first; name != NULL; name = va_arg (ap, const char *))
    {
      g_autofree char *path = form_path (fixture, name);
      g_autoptr(GError) error = NULL;

      g_assert_true (pathway_return_import_add_file (import, path, &error));
      g_assert_no_error (error);
    }
  va_end (ap);
  return import;
}

/* The change to an action's field, or NULL. */
static const PathwayReturnChange *
find_change (PathwayReturnImport *import, const char *reference, PathwayReturnField field,
             guint *index)
{
  for (guint i = 0; i < pathway_return_import_get_n_changes (import); i++)
    {
      const PathwayReturnChange *change = pathway_return_import_get_change (import, i);

      if (change->field == field &&
          g_str_equal (pathway_action_get_reference (change->action), reference))
        {
          if (index != NULL)
            *index = i;
          return change;
        }
    }
  return NULL;
}

static const PathwayReturnProblem *
find_problem (PathwayReturnImport *import, PathwayReturnProblemKind kind, guint nth)
{
  for (guint i = 0; i < pathway_return_import_get_n_problems (import); i++)
    {
      const PathwayReturnProblem *problem = pathway_return_import_get_problem (import, i);

      if (problem->kind == kind && nth-- == 0)
        return problem;
    }
  return NULL;
}

static PathwayReturnForm *
form_record (PathwayDocument *document, const char *uuid)
{
  return pathway_document_find_record (document, pathway_kind_lookup ("return-form"), uuid,
                                       NULL);
}

static guint
n_forms (PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) forms = pathway_document_list_records (document,
                                                               pathway_kind_lookup ("return-form"),
                                                               FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (forms);
}

static PathwayActionUpdate *
last_update (PathwayDocument *document, const char *reference, PathwayField field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (
    document, exchange_test_find_action (document, reference), &error);

  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (updates); i > 0; i--)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i - 1);

      if (pathway_action_update_get_field (update) == field)
        return g_steal_pointer (&update);
    }
  return NULL;
}

/* The plan ------------------------------------------------------------------------------------ */

static void
test_request_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = plan_request (fixture);
  g_autoptr(GDate) due = day (14, 12, 2026);
  g_autoptr(GDate) yesterday = day (6, 12, 2026);
  g_autoptr(GError) error = NULL;
  GPtrArray *actions;
  GPtrArray *unled;

  /* A form for each lead, in the order of their first action; the actions in plan order. */
  g_assert_cmpuint (pathway_return_request_get_n_forms (request), ==, 2);
  g_assert_cmpstr (pathway_person_get_name (pathway_return_request_get_lead (request, 0)), ==,
                   "Beth Kowalski");
  actions = pathway_return_request_get_actions (request, 0);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpstr (pathway_action_get_reference (g_ptr_array_index (actions, 0)), ==, "1A i");
  g_assert_cmpstr (pathway_action_get_reference (g_ptr_array_index (actions, 1)), ==, "1A ii");
  g_assert_cmpstr (pathway_person_get_name (pathway_return_request_get_lead (request, 1)), ==,
                   "Sam Patel");
  actions = pathway_return_request_get_actions (request, 1);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (pathway_action_get_reference (g_ptr_array_index (actions, 0)), ==, "1B i");
  /* Updated since the meeting (2A ii) or complete (1B ii): not asked about. No lead: said. */
  unled = pathway_return_request_get_unled_actions (request);
  g_assert_cmpuint (unled->len, ==, 1);
  g_assert_cmpstr (pathway_action_get_reference (g_ptr_array_index (unled, 0)), ==, "2A i");

  /* Due a week from today unless chosen; named after the lead and the day. */
  g_assert_cmpint (g_date_compare (pathway_return_request_get_due (request), due), ==, 0);
  g_assert_cmpstr (pathway_return_request_get_file_name (request, 0), ==, BETH_FORM);
  g_assert_cmpstr (pathway_return_request_get_file_name (request, 1), ==, SAM_FORM);
  g_assert_cmpuint (pathway_return_request_get_n_included (request), ==, 2);
  g_assert_cmpuint (pathway_return_request_get_n_included_actions (request), ==, 3);
  pathway_return_request_set_included (request, 1, FALSE);
  g_assert_cmpuint (pathway_return_request_get_n_included (request), ==, 1);
  g_assert_cmpuint (pathway_return_request_get_n_included_actions (request), ==, 2);

  /* By default, since the first board's last meeting; with no board, none. */
  {
    g_autoptr(GDate) meeting = day (18, 11, 2026);
    PathwayBoard *board = g_list_model_get_item (
      pathway_programme_get_boards (pathway_document_get_programme (fixture->document)), 0);
    GDate since;

    g_assert_true (pathway_returns_default_since (fixture->document, NULL, &since));
    g_assert_cmpint (g_date_compare (&since, meeting), ==, 0);
    g_assert_true (pathway_returns_default_since (fixture->document, board, &since));
    g_assert_true (pathway_document_retire (fixture->document, board, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (pathway_returns_default_since (fixture->document, NULL, &since));
    g_assert_false (g_date_valid (&since));
    g_object_unref (board);
  }

  /* Planning writes nothing; a due day that has passed is refused. */
  g_assert_cmpuint (n_forms (fixture->document), ==, 0);
  g_assert_null (pathway_return_request_new (fixture->document, due, yesterday, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
}

/* The form of the lead with this name. */
static guint
form_of (PathwayReturnRequest *request, const char *name)
{
  for (guint i = 0; i < pathway_return_request_get_n_forms (request); i++)
    if (g_str_equal (pathway_person_get_name (pathway_return_request_get_lead (request, i)), name))
      return i;
  g_error ("no form for %s", name);
}

/* Two leads whose names make the same file, and names no file system takes as they are. */
static void
test_request_file_names (Fixture *fixture, gconstpointer data)
{
  static const char *const names[] = { "Jo \"JJ\" O'Neil/Admin*", "Jo JJ O'Neil: Admin",
                                       "..Hidden Name.", NULL };
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(GDateTime) earlier = g_date_time_new_local (2026, 10, 1, 12, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 7, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  pathway_document_set_now (fixture->document, earlier);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *ref = g_strdup_printf ("3A %u", i + 1);
      const char *person_fields[] = { "name", NULL };
      const char *person_values[] = { names[i], NULL };
      const char *action_fields[] = { "reference", "lead", NULL };
      const char *action_values[] = { ref, names[i], NULL };
      g_autoptr(GObject) person = NULL;
      g_autoptr(GObject) action = NULL;

      g_assert_true (pathway_document_add_fields (fixture->document,
                                                  pathway_kind_lookup ("person"), person_fields,
                                                  person_values, (gpointer *) &person, &error));
      g_assert_no_error (error);
      g_assert_true (pathway_document_add_fields (fixture->document,
                                                  pathway_kind_lookup ("action"), action_fields,
                                                  action_values, (gpointer *) &action, &error));
      g_assert_no_error (error);
    }
  pathway_document_set_now (fixture->document, today);

  request = plan_request (fixture);
  g_assert_cmpuint (pathway_return_request_get_n_forms (request), ==, 5);
  g_assert_cmpstr (pathway_return_request_get_file_name (request, form_of (request, names[0])),
                   ==, "Updates from Jo JJ O'Neil Admin - due 2026-12-14.xlsx");
  g_assert_cmpstr (pathway_return_request_get_file_name (request, form_of (request, names[1])),
                   ==, "Updates from Jo JJ O'Neil Admin - due 2026-12-14 (2).xlsx");
  g_assert_cmpstr (pathway_return_request_get_file_name (request, form_of (request, names[2])),
                   ==, "Updates from Hidden Name - due 2026-12-14.xlsx");
  g_assert_true (pathway_return_request_write (request, fixture->forms, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < pathway_return_request_get_n_forms (request); i++)
    {
      g_autofree char *path = form_path (fixture,
                                         pathway_return_request_get_file_name (request, i));

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

/* The forms written --------------------------------------------------------------------------- */

static void
test_request_writes_forms (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autofree char *list_path = form_path (fixture, PATHWAY_RETURN_LIST_FILE);
  g_autofree char *list = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *updates_xml = NULL;
  g_autofree char *hidden_xml = NULL;
  g_autofree char *styles = NULL;
  g_autoptr(PathwaySheet) updates = NULL;
  g_autoptr(PathwaySheet) hidden = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  PathwayReturnForm *form;
  PathwayProgramme *programme = pathway_document_get_programme (fixture->document);
  const char *name;
  guint n_files = 0;

  /* The forms, the list and nothing else (no temporary left behind). */
  folder = g_dir_open (fixture->forms, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_assert_true (g_str_equal (name, BETH_FORM) || g_str_equal (name, SAM_FORM) ||
                     g_str_equal (name, PATHWAY_RETURN_LIST_FILE));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 3);

  g_assert_true (g_file_get_contents (list_path, &list, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (list, ==,
                   "\xEF\xBB\xBF" "File,Lead,Email,Actions,Due\r\n"
                   BETH_FORM ",Beth Kowalski,beth.kowalski@westmoor.gov.uk,2,2026-12-14\r\n"
                   SAM_FORM ",Sam Patel,sam.patel@westmoor.nhs.uk,1,2026-12-14\r\n");

  /* The visible sheet: title block, then the header and a row per action. */
  updates = pathway_sheet_read (beth, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_sheet_get_sheet_name (updates), ==, PATHWAY_RETURN_UPDATES_SHEET);
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 0, 0), ==, "Monthly update: " PROGRAMME);
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 1, 0), ==, "For Beth Kowalski: 2 actions");
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 1, 4), ==,
                   "Please send it back by Monday 14 December 2026");
  g_assert_nonnull (strstr (pathway_sheet_get_cell (updates, 2, 0),
                            "no update since 18 November 2026"));
  {
    static const char *const headers[] = { "Ref", "Action", "Current rating",
                                           "Current commentary", "New rating", "New status",
                                           "New commentary", "New recovery plan" };

    g_assert_cmpuint (pathway_sheet_get_row_number (updates, 3), ==, 5);
    for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
      g_assert_cmpstr (pathway_sheet_get_cell (updates, 3, c), ==, headers[c]);
  }
  g_assert_cmpuint (pathway_sheet_get_n_rows (updates), ==, 6);
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 4, 0), ==, "1A i");
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 4, 2), ==, "Amber");
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 4, 3), ==,
                   "Draft strategy shared with partners; comments due in November.");
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 5, 0), ==, "1A ii");
  g_assert_cmpstr (pathway_sheet_get_cell (updates, 5, 2), ==, "Red");
  for (guint c = 4; c < 8; c++)
    g_assert_cmpstr (pathway_sheet_get_cell (updates, 5, c), ==, "");

  /* The hidden sheet: what identifies the form, and the rows as sent. */
  hidden = pathway_sheet_read (beth, PATHWAY_RETURN_FORM_SHEET, &error);
  g_assert_no_error (error);
  form = pathway_return_request_get_form (request, 0);
  g_assert_nonnull (form);
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 0, 0), ==, "Pathway return form");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 1, 1), ==, pathway_record_get_uuid (programme));
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 1, 2), ==, PROGRAMME);
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 2, 1), ==,
                   pathway_record_get_uuid (pathway_return_request_get_lead (request, 0)));
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 3, 1), ==, pathway_record_get_uuid (form));
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 4, 1), ==, "2026-12-07");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 5, 1), ==, "2026-12-14");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 8, 0), ==, "6");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 8, 1), ==,
                   pathway_record_get_uuid (exchange_test_find_action (fixture->document,
                                                                       "1A i")));
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 9, 2), ==, "1A ii");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 9, 4), ==, "red");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 9, 5), ==, "delayed");
  g_assert_cmpstr (pathway_sheet_get_cell (hidden, 9, 7), ==,
                   "Agency cover until the posts are filled.");

  /* As a spreadsheet program reads it: the form sheet hidden, both protected, drop-downs of
   * the programme's words, New cells unlocked, A4 landscape one page wide. */
  workbook = exchange_test_zip_part (beth, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Pathway form\" sheetId=\"2\" "
                                      "state=\"hidden\""));
  updates_xml = exchange_test_zip_part (beth, "xl/worksheets/sheet1.xml");
  hidden_xml = exchange_test_zip_part (beth, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (updates_xml, "<sheetProtection sheet=\"1\""));
  g_assert_nonnull (strstr (hidden_xml, "<sheetProtection sheet=\"1\""));
  g_assert_nonnull (strstr (updates_xml, "sqref=\"E6:E7\"><formula1>\"Red,Amber,Green\""
                                         "</formula1>"));
  g_assert_nonnull (strstr (updates_xml, "sqref=\"F6:F7\"><formula1>\"Not started,On track,"
                                         "Delayed,Complete,Suspended\"</formula1>"));
  g_assert_nonnull (strstr (updates_xml, "orientation=\"landscape\""));
  g_assert_nonnull (strstr (updates_xml, "paperSize=\"9\""));
  g_assert_nonnull (strstr (updates_xml, "<pageSetUpPr fitToPage=\"1\"/>"));
  styles = exchange_test_zip_part (beth, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "<protection locked=\"0\"/>"));
  /* No document properties are relied on, but the title says what the file is. */
  {
    g_autofree char *core = exchange_test_zip_part (beth, "docProps/core.xml");

    g_assert_nonnull (strstr (core, "<dc:title>Updates from Beth Kowalski</dc:title>"));
  }
}

/* The forms sent are records: listed, with their fields, and one undo takes the whole request
 * back. */
static void
test_request_records (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autoptr(GError) error = NULL;
  PathwayReturnForm *form = pathway_return_request_get_form (request, 0);
  g_autofree char *uuid = g_strdup (pathway_record_get_uuid (form));
  g_autoptr(PathwayReturnForm) again = NULL;
  g_autofree char *sent = NULL, *due = NULL, *since = NULL;

  g_assert_cmpuint (n_forms (fixture->document), ==, 2);
  again = form_record (fixture->document, uuid);
  g_assert_nonnull (again);
  g_assert_cmpstr (pathway_person_get_name (pathway_return_form_get_lead (again)), ==,
                   "Beth Kowalski");
  sent = pathway_date_format_iso (pathway_return_form_get_sent (again));
  due = pathway_date_format_iso (pathway_return_form_get_due (again));
  since = pathway_date_format_iso (pathway_return_form_get_since (again));
  g_assert_cmpstr (sent, ==, "2026-12-07");
  g_assert_cmpstr (due, ==, "2026-12-14");
  g_assert_cmpstr (since, ==, "2026-11-18");
  g_assert_cmpint (pathway_return_form_get_actions (again), ==, 2);
  g_assert_null (pathway_return_form_get_returned (again));
  g_assert_cmpstr (pathway_return_form_get_file (again), ==, BETH_FORM);

  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==, "Request updates");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_forms (fixture->document), ==, 0);
}

/* A programme that cannot be written keeps no form and no file. */
static void
test_request_read_only (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;

  pathway_document_close (fixture->document);
  g_clear_object (&fixture->document);
  fixture->document = pathway_document_open (fixture->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  request = plan_request (fixture);
  g_assert_false (pathway_return_request_write (request, fixture->forms, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
  folder = g_dir_open (fixture->forms, 0, NULL);
  g_assert_null (g_dir_read_name (folder));
}

/* A folder that is not there: said, and nothing recorded. */
static void
test_request_no_folder (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = plan_request (fixture);
  g_autofree char *missing = g_build_filename (fixture->dir, "not there", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pathway_return_request_write (request, missing, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "not there"));
  g_assert_cmpuint (n_forms (fixture->document), ==, 0);
  g_assert_null (pathway_return_request_get_form (request, 0));
}

/* Importing ------------------------------------------------------------------------------------ */

/* Beth rates 1A i red with a recovery plan and new commentary, and moves 1A ii to on track
 * with commentary; all of it but 1A ii's status is accepted and written as one step. */
static void
test_import_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autofree char *uuid = g_strdup (pathway_record_get_uuid (
                                      pathway_return_request_get_form (request, 0)));
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(PathwayReturnForm) form = NULL;
  g_autoptr(PathwayActionUpdate) rating = NULL;
  g_autoptr(PathwayActionUpdate) commentary = NULL;
  g_autoptr(PathwayActionUpdate) plan = NULL;
  g_autoptr(GError) error = NULL;
  PathwayAction *first = exchange_test_find_action (fixture->document, "1A i");
  PathwayAction *second = exchange_test_find_action (fixture->document, "1A ii");
  const PathwayReturnChange *change;
  guint status_index = 0;
  guint n_applied = 0;

  exchange_test_fill_form (beth, "E6", "Red", "F6", "Delayed",
                           "G6", "Partners have not replied;\r\nescalated to the board.",
                           "H6", "Chief executives to meet on 12 January.",
                           "F7", "On track", "G7", "  Both posts filled from January.  ",
                           NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_files (import), ==, 1);
  g_assert_cmpstr (pathway_return_import_get_file_name (import, 0), ==, BETH_FORM);
  g_assert_true (pathway_return_import_get_file_lead (import, 0) ==
                 pathway_action_get_lead (first));
  g_assert_cmpstr (pathway_return_import_get_file_lead_name (import, 0), ==, "Beth Kowalski");
  g_assert_nonnull (pathway_return_import_get_file_form (import, 0));
  g_assert_null (pathway_return_import_get_file_returned (import, 0));
  g_assert_cmpuint (pathway_return_import_get_file_n_rows (import, 0), ==, 2);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 6);
  g_assert_cmpuint (pathway_return_import_get_n_conflicts (import), ==, 0);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 6);

  /* Each change: the value now, as sent and returned, and where it was written. */
  change = find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->current, ==, "Amber");
  g_assert_cmpstr (change->sent, ==, "Amber");
  g_assert_cmpstr (change->returned, ==, "Red");
  g_assert_cmpint (change->rating, ==, PATHWAY_RATING_RED);
  g_assert_cmpuint (change->row_number, ==, 6);
  g_assert_cmpstr (change->column_letter, ==, "E");
  g_assert_false (change->conflict);
  g_assert_false (change->flagged);
  g_assert_null (change->reason);
  change = find_change (import, "1A i", PATHWAY_RETURN_STATUS, NULL);
  g_assert_cmpstr (change->current, ==, "On track");
  g_assert_cmpstr (change->returned, ==, "Delayed");
  change = find_change (import, "1A i", PATHWAY_RETURN_COMMENTARY, NULL);
  g_assert_cmpstr (change->returned, ==, "Partners have not replied;\nescalated to the board.");
  g_assert_cmpstr (change->current, ==,
                   "Draft strategy shared with partners; comments due in November.");
  change = find_change (import, "1A i", PATHWAY_RETURN_RECOVERY_PLAN, NULL);
  g_assert_cmpstr (change->current, ==, "");
  g_assert_cmpstr (change->returned, ==, "Chief executives to meet on 12 January.");
  change = find_change (import, "1A ii", PATHWAY_RETURN_STATUS, &status_index);
  g_assert_cmpint (change->status, ==, PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpstr (change->sent, ==, "Delayed");
  change = find_change (import, "1A ii", PATHWAY_RETURN_COMMENTARY, NULL);
  g_assert_cmpstr (change->returned, ==, "Both posts filled from January.");
  g_assert_null (find_change (import, "1A ii", PATHWAY_RETURN_RATING, NULL));

  /* Reading wrote nothing. */
  g_assert_cmpint (pathway_action_get_rating (first), ==, PATHWAY_RATING_AMBER);

  pathway_return_import_set_accepted (import, status_index, FALSE);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 5);
  g_assert_true (pathway_return_import_apply (import, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 5);
  /* Once. */
  g_assert_false (pathway_return_import_apply (import, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (pathway_action_get_rating (first), ==, PATHWAY_RATING_RED);
  g_assert_cmpint (pathway_action_get_status (first), ==, PATHWAY_STATUS_DELAYED);
  g_assert_cmpstr (pathway_action_get_commentary (first), ==,
                   "Partners have not replied;\nescalated to the board.");
  g_assert_cmpstr (pathway_action_get_recovery_plan (first), ==,
                   "Chief executives to meet on 12 January.");
  g_assert_cmpint (pathway_action_get_status (second), ==, PATHWAY_STATUS_DELAYED);
  g_assert_cmpstr (pathway_action_get_commentary (second), ==,
                   "Both posts filled from January.");

  /* Each update says where it came from. */
  rating = last_update (fixture->document, "1A i", PATHWAY_FIELD_RATING);
  g_assert_cmpstr (pathway_action_update_get_to_value (rating), ==, "red");
  g_assert_cmpstr (pathway_action_update_get_note (rating), ==, NOTE);
  commentary = last_update (fixture->document, "1A ii", PATHWAY_FIELD_COMMENTARY);
  g_assert_cmpstr (pathway_action_update_get_note (commentary), ==, NOTE);
  plan = last_update (fixture->document, "1A i", PATHWAY_FIELD_TEXT);
  g_assert_cmpstr (pathway_action_update_get_property_name (plan), ==, "recovery-plan");
  g_assert_cmpstr (pathway_action_update_get_note (plan), ==, NOTE);

  /* The form came back today. */
  form = form_record (fixture->document, uuid);
  g_assert_nonnull (pathway_return_form_get_returned (form));
  {
    g_autofree char *returned = pathway_date_format_iso (pathway_return_form_get_returned (form));

    g_assert_cmpstr (returned, ==, "2026-12-07");
  }
  g_clear_object (&form);

  /* One undo takes all of it back. */
  g_assert_cmpstr (pathway_document_get_undo_label (fixture->document), ==, "Import returns");
  g_assert_true (pathway_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_rating (first), ==, PATHWAY_RATING_AMBER);
  g_assert_cmpint (pathway_action_get_status (first), ==, PATHWAY_STATUS_ON_TRACK);
  g_assert_cmpstr (pathway_action_get_recovery_plan (first), ==, "");
  g_assert_cmpstr (pathway_action_get_commentary (second),
                   ==, "Recruitment paused while the budget is agreed.");
  form = form_record (fixture->document, uuid);
  g_assert_null (pathway_return_form_get_returned (form));
}

/* A form imported before can be imported again: what it changed is no change now, what was
 * rejected is offered again, and the day it came back stays. */
static void
test_import_again (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) first = NULL;
  g_autoptr(PathwayReturnImport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 12, 9, 12, 0, 0);
  g_autoptr(GListModel) updates = NULL;
  g_autofree char *returned = NULL;
  const PathwayReturnChange *change;
  guint index = 0, n_updates;

  exchange_test_fill_form (beth, "E6", "Green", "G6", "Strategy agreed.", "F7", "On track", NULL);
  first = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_changes (first), ==, 3);
  g_assert_nonnull (find_change (first, "1A ii", PATHWAY_RETURN_STATUS, &index));
  pathway_return_import_set_accepted (first, index, FALSE);
  g_assert_true (pathway_return_import_apply (first, NULL, &error));
  g_assert_no_error (error);
  updates = pathway_document_list_updates (fixture->document,
                                           exchange_test_find_action (fixture->document, "1A i"),
                                           &error);
  n_updates = g_list_model_get_n_items (updates);

  pathway_document_set_now (fixture->document, later);
  second = read_returns (fixture, BETH_FORM, NULL);
  g_assert_nonnull (pathway_return_import_get_file_returned (second, 0));
  g_assert_cmpuint (pathway_return_import_get_n_changes (second), ==, 1);
  change = find_change (second, "1A ii", PATHWAY_RETURN_STATUS, NULL);
  g_assert_nonnull (change);
  g_assert_true (change->accepted);
  g_assert_true (pathway_return_import_apply (second, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&updates);
  updates = pathway_document_list_updates (fixture->document,
                                           exchange_test_find_action (fixture->document, "1A i"),
                                           &error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, n_updates);
  {
    g_autoptr(PathwayReturnForm) form = form_record (
      fixture->document, pathway_record_get_uuid (pathway_return_request_get_form (request, 0)));

    returned = pathway_date_format_iso (pathway_return_form_get_returned (form));
  }
  g_assert_cmpstr (returned, ==, "2026-12-07");
}

/* Changed in the programme after the form went out: shown as a conflict, never applied unless
 * someone accepts it. */
static void
test_import_conflict (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  PathwayAction *first = exchange_test_find_action (fixture->document, "1A i");
  const PathwayReturnChange *change;
  guint n_applied = 0;

  g_assert_true (pathway_document_set_rating (fixture->document, first, PATHWAY_RATING_GREEN,
                                              "Agreed at the workstream meeting", &error));
  g_assert_no_error (error);
  exchange_test_fill_form (beth, "E6", "Red", "G7", "Posts advertised.", NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_conflicts (import), ==, 1);
  change = find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL);
  g_assert_true (change->conflict);
  g_assert_false (change->accepted);
  g_assert_cmpstr (change->current, ==, "Green");
  g_assert_cmpstr (change->sent, ==, "Amber");
  g_assert_cmpstr (change->returned, ==, "Red");
  g_assert_cmpstr (change->reason, ==, "The rating of 1A i was changed in the programme after "
                                       "the form was sent: it was Amber then and is Green now.");
  g_assert_true (find_change (import, "1A ii", PATHWAY_RETURN_COMMENTARY, NULL)->accepted);

  g_assert_true (pathway_return_import_apply (import, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 1);
  g_assert_cmpint (pathway_action_get_rating (first), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpstr (pathway_action_get_commentary (exchange_test_find_action (fixture->document,
                                                                             "1A ii")),
                   ==, "Posts advertised.");
}

/* A value that moves between reading and applying refuses the whole apply. */
static void
test_import_stale_plan (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  PathwayAction *second = exchange_test_find_action (fixture->document, "1A ii");

  exchange_test_fill_form (beth, "E6", "Red", "G7", "Posts advertised.", NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_true (pathway_document_set_commentary (fixture->document, second, "Posts filled.",
                                                  &error));
  g_assert_no_error (error);
  g_assert_false (pathway_return_import_apply (import, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_cmpint (pathway_action_get_rating (exchange_test_find_action (fixture->document,
                                                                         "1A i")),
                   ==, PATHWAY_RATING_AMBER);
}

/* Two returns of the same lead changing one value: neither wins by itself. */
static void
test_import_two_forms_one_value (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) first_request = send_forms (fixture);
  g_autoptr(PathwayReturnRequest) second_request = NULL;
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GDate) since = day (18, 11, 2026);
  g_autoptr(GDate) due = day (21, 12, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = form_path (fixture, BETH_FORM);
  g_autofree char *newer = form_path (fixture,
                                      "Updates from Beth Kowalski - due 2026-12-21.xlsx");

  second_request = pathway_return_request_new (fixture->document, since, due, &error);
  g_assert_no_error (error);
  g_assert_true (pathway_return_request_write (second_request, fixture->forms, &error));
  g_assert_no_error (error);
  exchange_test_fill_form (older, "E6", "Red", NULL);
  exchange_test_fill_form (newer, "E6", "Green", "G6", "Agreed.", NULL);
  import = read_returns (fixture, BETH_FORM, "Updates from Beth Kowalski - due 2026-12-21.xlsx",
                         NULL);
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 3);
  g_assert_cmpuint (pathway_return_import_get_n_conflicts (import), ==, 2);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 1);
  g_assert_nonnull (strstr (pathway_return_import_get_change (import, 0)->reason,
                            "is changed by two returns"));
  /* Accepting all of a file leaves its conflicts alone; rejecting all of a lead's takes all. */
  pathway_return_import_set_file_accepted (import, 1, TRUE);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 1);
  pathway_return_import_set_lead_accepted (import, pathway_return_import_get_file_lead (import,
                                                                                        0),
                                           FALSE);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 0);

  /* Both conflicting values ticked by hand: neither is written over the other. */
  for (guint i = 0; i < pathway_return_import_get_n_changes (import); i++)
    if (pathway_return_import_get_change (import, i)->conflict)
      pathway_return_import_set_accepted (import, i, TRUE);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 2);
  g_assert_false (pathway_return_import_apply (import, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Two returns change"));
}

/* Refusals ---------------------------------------------------------------------------------- */

static void
test_import_refuses_other_programme (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDate) today = day (7, 12, 2026);
  g_autoptr(GDate) since = day (18, 11, 2026);
  g_autofree char *other_path = g_build_filename (fixture->dir, "eastvale.pathway", NULL);
  g_autofree char *other_forms = g_build_filename (fixture->dir, "eastvale", NULL);
  g_autofree char *other_form = g_build_filename (other_forms, BETH_FORM, NULL);
  g_autoptr(PathwayDocument) other = NULL;
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(PathwayReturnImport) import = pathway_return_import_new (fixture->document);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (other_forms, 0755), ==, 0);
  other = exchange_test_returns_programme (other_path, "Eastvale Accelerated Progress Plan",
                                           today);
  request = pathway_return_request_new (other, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pathway_return_request_write (request, other_forms, &error));
  g_assert_no_error (error);

  g_assert_false (pathway_return_import_add_file (import, other_form, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_OTHER_PROGRAMME);
  g_assert_cmpstr (error->message, ==,
                   BETH_FORM " is a return form of the programme “Eastvale Accelerated Progress "
                   "Plan”, not of “" PROGRAMME "”: import it into the programme that sent it.");
  g_assert_cmpuint (pathway_return_import_get_n_files (import), ==, 0);
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 0);
}

static void
test_import_refuses_what_is_not_a_form (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnImport) import = pathway_return_import_new (fixture->document);
  g_autofree char *tracker = g_build_filename (fixture->dir, "tracker.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "tracker.csv", NULL);
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.xlsx", NULL);
  g_autofree char *list = NULL;
  g_autofree char *beth = NULL;
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autoptr(GError) error = NULL;

  beth = form_path (fixture, BETH_FORM);
  g_assert_true (pathway_export (fixture->document, tracker, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_export (fixture->document, csv, &error));
  g_assert_no_error (error);
  exchange_test_write (notes, "Beth will send hers on Friday.\n", -1);
  list = form_path (fixture, PATHWAY_RETURN_LIST_FILE);

  g_assert_false (pathway_return_import_add_file (import, tracker, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM);
  g_assert_true (g_str_has_prefix (error->message, "tracker.xlsx is not a return form"));
  g_clear_error (&error);
  g_assert_false (pathway_return_import_add_file (import, csv, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM);
  g_assert_true (g_str_has_prefix (error->message, "tracker.csv is not a return form"));
  g_clear_error (&error);
  g_assert_false (pathway_return_import_add_file (import, notes, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM);
  g_clear_error (&error);
  g_assert_false (pathway_return_import_add_file (import, list, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM);
  g_clear_error (&error);
  g_assert_false (pathway_return_import_add_file (import, missing, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.xlsx"));
  g_clear_error (&error);

  /* The same form twice in one import is refused the second time. */
  g_assert_true (pathway_return_import_add_file (import, beth, &error));
  g_assert_no_error (error);
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "Beth again.xlsx", NULL);
    g_autoptr(GBytes) bytes = exchange_test_read (beth);

    exchange_test_write (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_false (pathway_return_import_add_file (import, copy, &error));
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_NOT_FORM);
    g_assert_cmpstr (error->message, ==, "Beth again.xlsx is the same form as " BETH_FORM
                                         ", which is already being imported.");
  }
  g_assert_cmpuint (pathway_return_import_get_n_files (import), ==, 1);
}

/* Flags and reports ------------------------------------------------------------------------- */

static void
test_import_altered_reference (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayReturnProblem *problem;
  const PathwayReturnChange *change;
  guint n_applied = 0;

  exchange_test_fill_form (beth, "A6", "1A iii", "E6", "Red", "G7", "Posts advertised.", NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 1);
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_ALTERED_REFERENCE, 0);
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->row_number, ==, 6);
  g_assert_cmpstr (problem->column_letter, ==, "A");
  g_assert_cmpstr (problem->message, ==,
                   BETH_FORM ", row 6, column A (Ref): the reference was changed from “1A i” to "
                   "“1A iii”; the row is still read as 1A i.");
  /* The row's change waits for a look; the other row's goes ahead. */
  change = find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL);
  g_assert_true (change->flagged);
  g_assert_false (change->accepted);
  g_assert_cmpstr (change->reason, ==, problem->message);
  g_assert_true (find_change (import, "1A ii", PATHWAY_RETURN_COMMENTARY, NULL)->accepted);
  g_assert_true (pathway_return_import_apply (import, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 1);
  g_assert_cmpint (pathway_action_get_rating (exchange_test_find_action (fixture->document,
                                                                         "1A i")),
                   ==, PATHWAY_RATING_AMBER);
}

static void
test_import_locked_cells (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  const PathwayReturnProblem *problem;

  exchange_test_fill_form (beth, "C6", "Green", "D6", "Strategy signed off.",
                           "B7", "Recruit three more SEN case officers.", "F7", "On track", NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 3);
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, 0);
  g_assert_cmpstr (problem->message, ==,
                   BETH_FORM ", row 6, column C (Current rating): the current rating was changed "
                   "from “Amber” to “Green”; a new rating goes in New rating, so this one is not "
                   "imported.");
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, 1);
  g_assert_cmpuint (problem->row_number, ==, 6);
  g_assert_cmpstr (problem->column_letter, ==, "D");
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_LOCKED_CELL, 2);
  g_assert_cmpuint (problem->row_number, ==, 7);
  g_assert_cmpstr (problem->column_letter, ==, "B");
  g_assert_true (g_str_has_prefix (problem->message, BETH_FORM ", row 7, column B (Action): "));
  /* Nothing from the current columns is a change; the flagged row's new status waits. */
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 1);
  g_assert_true (find_change (import, "1A ii", PATHWAY_RETURN_STATUS, NULL)->flagged);
  g_assert_cmpuint (pathway_return_import_get_n_accepted (import), ==, 0);
}

static void
test_import_rows_added_and_deleted (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  const PathwayReturnProblem *problem;

  exchange_test_fill_form (beth, "E6", "Green", NULL);
  exchange_test_delete_form_row (beth, 7);
  exchange_test_add_form_row (beth, 8, "A8", "1A iii", "B8", "Train staff on the new process.",
                              "G8", "Training booked.", NULL);
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 2);
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_ROW_DELETED, 0);
  g_assert_cmpstr (problem->message, ==,
                   BETH_FORM ": the row of 1A ii (sent as row 7) is missing: it was deleted, so "
                   "nothing of it is imported.");
  g_assert_true (problem->action == exchange_test_find_action (fixture->document, "1A ii"));
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_ROW_ADDED, 0);
  g_assert_cmpuint (problem->row_number, ==, 8);
  g_assert_true (g_str_has_prefix (problem->message, BETH_FORM ", row 8: this row was added"));
  g_assert_null (problem->action);
  /* The row still there is read as usual. */
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 1);
  g_assert_true (find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL)->accepted);
}

/* New ratings and statuses in the words areas use; others reported, not imported. */
static void
test_import_words (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = send_forms (fixture);
  g_autofree char *beth = form_path (fixture, BETH_FORM);
  g_autofree char *sam = form_path (fixture, SAM_FORM);
  g_autoptr(PathwayReturnImport) import = NULL;
  const PathwayReturnProblem *problem;

  exchange_test_fill_form (beth, "E6", "r", "F6", "in progress", "E7", "Purple", "F7", "Maybe",
                           NULL);
  exchange_test_fill_form (sam, "E6", "Blue", NULL);
  import = read_returns (fixture, BETH_FORM, SAM_FORM, NULL);
  g_assert_cmpint (find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL)->rating, ==,
                   PATHWAY_RATING_RED);
  /* "In progress" is on track, which 1A i is already. */
  g_assert_null (find_change (import, "1A i", PATHWAY_RETURN_STATUS, NULL));
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 1);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 3);
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_UNREADABLE, 0);
  g_assert_cmpstr (problem->message, ==,
                   BETH_FORM ", row 7, column E (New rating): “Purple” is not one of the "
                   "programme's ratings; it is not imported.");
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_UNREADABLE, 1);
  g_assert_cmpstr (problem->column_letter, ==, "F");
  /* This programme does not rate blue. */
  problem = find_problem (import, PATHWAY_RETURN_PROBLEM_UNREADABLE, 2);
  g_assert_cmpuint (problem->file, ==, 1);
  g_assert_true (g_str_has_prefix (problem->message, SAM_FORM ", row 6, column E"));
}

/* Status ------------------------------------------------------------------------------------ */

static PathwayReturnLeadStatus *
status_of (GPtrArray *statuses, const char *name)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      PathwayReturnLeadStatus *status = g_ptr_array_index (statuses, i);

      if (g_str_equal (pathway_person_get_name (status->lead), name))
        return status;
    }
  return NULL;
}

static void
test_status (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GDate) after_due = day (15, 12, 2026);
  g_autoptr(GError) error = NULL;

  before = pathway_returns_list_status (fixture->document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 0);

  request = send_forms (fixture);
  sent = pathway_returns_list_status (fixture->document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 2);
  g_assert_cmpstr (pathway_person_get_name (((PathwayReturnLeadStatus *)
                                               g_ptr_array_index (sent, 0))->lead), ==,
                   "Beth Kowalski");
  g_assert_cmpint (status_of (sent, "Beth Kowalski")->state, ==, PATHWAY_RETURN_OUTSTANDING);
  g_assert_cmpint (status_of (sent, "Sam Patel")->state, ==, PATHWAY_RETURN_OUTSTANDING);
  g_assert_cmpuint (status_of (sent, "Sam Patel")->n_forms, ==, 1);
  g_assert_cmpuint (status_of (sent, "Sam Patel")->n_outstanding, ==, 1);

  {
    g_autofree char *beth = form_path (fixture, BETH_FORM);

    exchange_test_fill_form (beth, "G6", "Agreed.", NULL);
  }
  import = read_returns (fixture, BETH_FORM, NULL);
  g_assert_true (pathway_return_import_apply (import, NULL, &error));
  g_assert_no_error (error);

  back = pathway_returns_list_status (fixture->document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (back, "Beth Kowalski")->state, ==, PATHWAY_RETURN_RETURNED);
  g_assert_cmpuint (status_of (back, "Beth Kowalski")->n_outstanding, ==, 0);
  g_assert_cmpint (status_of (back, "Sam Patel")->state, ==, PATHWAY_RETURN_OUTSTANDING);
  late = pathway_returns_list_status (fixture->document, after_due, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (late, "Sam Patel")->state, ==, PATHWAY_RETURN_OVERDUE);
  g_assert_cmpstr (pathway_return_state_label (PATHWAY_RETURN_OVERDUE), ==, "Overdue");
}

/* LibreOffice ------------------------------------------------------------------------------- */

static void
convert (const char *soffice, const char *profile, const char *format, const char *folder,
         const char *path)
{
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, installation, "--headless", "--norestore", "--convert-to",
                         format, "--outdir", folder, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("soffice --convert-to %s failed: %s\n%s%s", format, error->message, out, err);
}

/* The whole start tag of the element holding 'needle' among its attributes. */
static char *
element_with (const char *xml, const char *needle)
{
  const char *at = strstr (xml, needle);
  const char *start, *end;

  g_assert_nonnull (at);
  for (start = at; start > xml && *start != '<'; start--)
    ;
  end = strchr (at, '>');
  g_assert_nonnull (end);
  return g_strndup (start, end + 1 - start);
}

static char *
attribute_of (const char *tag, const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, needle);
  const char *end;

  g_assert_nonnull (at);
  at += strlen (needle);
  end = strchr (at, '"');
  return g_strndup (at, end - at);
}

static char *
ods_part (const char *path, const char *name)
{
  char *text = exchange_test_zip_part (path, name);

  g_assert_nonnull (text);
  return text;
}

/* LibreOffice opens a form with its drop-downs and its hidden sheet; a form it fills in and
 * saves as .xlsx imports like one Excel saved. The first page as PDF is kept as a PNG when
 * PATHWAY_SHOTS_DIR says where. */
static void
test_libreoffice (Fixture *fixture, gconstpointer data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "libreoffice", NULL);
  g_autofree char *saved = g_build_filename (fixture->dir, "saved", NULL);
  g_autofree char *beth = NULL;
  g_autofree char *ods = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *resaved = NULL;
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *shots = g_getenv ("PATHWAY_SHOTS_DIR");

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: build-aux/setup installs "
                   "libreoffice-calc-nogui");
      return;
    }
  request = send_forms (fixture);
  beth = form_path (fixture, BETH_FORM);
  profile = g_dir_make_tmp ("pathway-libreoffice-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (saved, 0755), ==, 0);

  convert (soffice, profile, "ods", out, beth);
  ods = g_build_filename (out, "Updates from Beth Kowalski - due 2026-12-14.ods", NULL);
  content = ods_part (ods, "content.xml");
  /* The drop-downs, with the programme's words. */
  g_assert_nonnull (strstr (content, "<table:content-validation "));
  g_assert_nonnull (strstr (content, "cell-content-is-in-list(&quot;Red&quot;;&quot;Amber&quot;;"
                                     "&quot;Green&quot;)"));
  g_assert_nonnull (strstr (content, "&quot;On track&quot;;&quot;Delayed&quot;"));
  /* The form sheet, hidden (its table style is not displayed), and both sheets protected. */
  {
    g_autofree char *hidden = element_with (content, "table:name=\"Pathway form\"");
    g_autofree char *updates = element_with (content, "table:name=\"Updates\"");
    g_autofree char *style_name = attribute_of (hidden, "table:style-name");
    g_autofree char *style_needle = g_strdup_printf ("style:name=\"%s\"", style_name);
    const char *style = strstr (content, style_needle);

    g_assert_nonnull (strstr (hidden, "table:protected=\"true\""));
    g_assert_nonnull (strstr (updates, "table:protected=\"true\""));
    g_assert_nonnull (style);
    g_assert_true (strstr (style, "table:display=\"false\"") <
                   strstr (style, "</style:style>"));
    g_assert_nonnull (strstr (style, "table:display=\"false\""));
  }
  styles = ods_part (ods, "styles.xml");
  g_assert_nonnull (strstr (styles, "style:print-orientation=\"landscape\""));

  /* As printed: the form as sent, one A4 landscape page for two actions. */
  convert (soffice, profile, "pdf", out, beth);
  pdf = g_build_filename (out, "Updates from Beth Kowalski - due 2026-12-14.pdf", NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (shots != NULL && *shots != '\0')
    {
      g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
      g_autofree char *stem = g_build_filename (shots, "return-form", NULL);
      const char *argv[] = { pdftoppm, "-png", "-r", "70", "-singlefile", "-f", "1", "-l", "1",
                             pdf, stem, NULL };
      int status;

      g_assert_nonnull (pdftoppm);
      g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                   NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_test_message ("the form as printed: %s.png", stem);
    }

  /* Filled in and saved by LibreOffice as .xlsx: read back like any return. */
  exchange_test_fill_form (beth, "E6", "Red", "G7", "Posts advertised.", NULL);
  convert (soffice, profile, "xlsx:Calc Office Open XML", saved, beth);
  resaved = g_build_filename (saved, BETH_FORM, NULL);
  import = pathway_return_import_new (fixture->document);
  g_assert_true (pathway_return_import_add_file (import, resaved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 2);
  g_assert_cmpint (find_change (import, "1A i", PATHWAY_RETURN_RATING, NULL)->rating, ==,
                   PATHWAY_RATING_RED);
  g_assert_cmpstr (find_change (import, "1A ii", PATHWAY_RETURN_COMMENTARY, NULL)->returned, ==,
                   "Posts advertised.");
  /* ... and so does the .ods it was opened as. */
  g_clear_object (&import);
  import = pathway_return_import_new (fixture->document);
  g_assert_true (pathway_return_import_add_file (import, ods, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pathway_return_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (pathway_return_import_get_n_changes (import), ==, 0);

  exchange_test_remove_dir (profile);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/returns/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("request/plan", test_request_plan);
  ADD ("request/file-names", test_request_file_names);
  ADD ("request/writes-forms", test_request_writes_forms);
  ADD ("request/records", test_request_records);
  ADD ("request/read-only", test_request_read_only);
  ADD ("request/no-folder", test_request_no_folder);
  ADD ("import/round-trip", test_import_round_trip);
  ADD ("import/again", test_import_again);
  ADD ("import/conflict", test_import_conflict);
  ADD ("import/stale-plan", test_import_stale_plan);
  ADD ("import/two-forms-one-value", test_import_two_forms_one_value);
  ADD ("import/refuses-other-programme", test_import_refuses_other_programme);
  ADD ("import/refuses-what-is-not-a-form", test_import_refuses_what_is_not_a_form);
  ADD ("import/altered-reference", test_import_altered_reference);
  ADD ("import/locked-cells", test_import_locked_cells);
  ADD ("import/rows-added-and-deleted", test_import_rows_added_and_deleted);
  ADD ("import/words", test_import_words);
  ADD ("status", test_status);
  ADD ("libreoffice", test_libreoffice);

#undef ADD

  return g_test_run ();
}
