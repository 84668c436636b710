/* test-export-safety.c: CSV and XLSX exports (the tracker and the risk log) on a full disk
 * fail, naming the file and the lack of space (never a library's code), keep the old file
 * byte for byte and leave no temporary; a new CSV gets the permissions the umask gives; and a
 * risk register imported into a programme on a full disk writes nothing at all, the people it
 * would add included. The full disk is a small tmpfs (root only; skipped elsewhere). */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "disk-full-support.h"
#include "exchange-test-support.h"
#include "pathway-demo.h"

static char *work_dir;
static PathwayDocument *demo;

static void
test_export_on_full_disk (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = NULL;
  char *dir = disk_full_mount ();

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  exchange_test_write (path, "the good old tracker\r\n", -1);
  before = exchange_test_read (path);

  disk_full_fill (dir);
  /* The risk log goes through the same safe file as the tracker. */
  if (g_str_has_prefix (name, "risk-log"))
    g_assert_false (pathway_export_risks (demo, path, &error));
  else
    g_assert_false (pathway_export (demo, path, &error));
  g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE);
  disk_full_assert_message (error->message, name);

  exchange_test_assert_unchanged (path, before);
  disk_full_assert_only (dir, name, NULL);
  disk_full_unmount (dir);
}

static void
test_risk_import_on_full_disk (void)
{
  static const char text[] =
    "Ref,Risk,Owner,Likelihood,Impact\n"
    "R1,Assessment backlog grows,New Officer,Likely,Major\n"
    "R2,Parents lose trust,Another Officer,2,2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  g_autofree char *path = NULL;
  char *dir = disk_full_mount ();
  PathwayProgramme *programme;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, "area.pathway", NULL);
  document = exchange_test_new_programme (path, FALSE);
  sheet = exchange_test_sheet_from_text ("risks.csv", text);
  mapping = pathway_import_guess_risk_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, document, NULL);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 2);
  before = exchange_test_read (path);

  disk_full_fill (dir);
  g_assert_false (pathway_import_apply (plan, document, &error));
  g_assert_nonnull (error);
  disk_full_assert_message (error->message, "area.pathway");
  programme = pathway_document_get_programme (document);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_risks (programme)), ==, 0);
  g_assert_null (pathway_programme_find_person_by_name (programme, "New Officer"));
  g_assert_false (pathway_document_get_can_undo (document));
  exchange_test_assert_unchanged (path, before);
  pathway_document_close (document);
  g_clear_object (&document);
  disk_full_unmount (dir);
}

static void
test_csv_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "permissions.csv", NULL);
  mode_t old_mask = umask (022);

  g_assert_true (pathway_export (demo, path, &error));
  g_assert_no_error (error);
  umask (old_mask);
  disk_full_assert_mode (path, 0644);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = exchange_test_make_dir ();
  demo_path = g_build_filename (work_dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (demo_path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (demo_path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/export/safety/full-disk-keeps-old-csv", "tracker.csv",
                        test_export_on_full_disk);
  g_test_add_data_func ("/export/safety/full-disk-keeps-old-xlsx", "tracker.xlsx",
                        test_export_on_full_disk);
  g_test_add_data_func ("/export/safety/full-disk-keeps-old-risk-log-csv", "risk-log.csv",
                        test_export_on_full_disk);
  g_test_add_data_func ("/export/safety/full-disk-keeps-old-risk-log-xlsx", "risk-log.xlsx",
                        test_export_on_full_disk);
  g_test_add_func ("/export/safety/csv-permissions-from-umask", test_csv_permissions);
  g_test_add_func ("/export/safety/risk-import-on-full-disk-writes-nothing",
                   test_risk_import_on_full_disk);
  status = g_test_run ();

  pathway_document_close (demo);
  g_object_unref (demo);
  exchange_test_remove_dir (work_dir);
  g_free (work_dir);
  return status;
}
