/* test-write-safety.c: the board pack's PDF and Word document on a full disk fail, naming the
 * file and the lack of space, keep the old file byte for byte and leave no temporary; a new
 * PDF or Word document gets the permissions the umask gives. The full disk is a small tmpfs
 * (root only; skipped elsewhere). */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "disk-full-support.h"
#include "pathway-demo.h"
#include "pathway-pack.h"

static char *work_dir;
static PathwayDocument *demo;

static PathwayPack *
demo_pack (int day)
{
  GListModel *boards = pathway_programme_get_boards (pathway_document_get_programme (demo));
  g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, 0);
  GListModel *meetings = pathway_board_get_meetings (board);
  g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, 0);
  g_autoptr(GError) error = NULL;
  PathwayPack *pack;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, (GDateDay) day, G_DATE_JUNE, 2025);
  pack = pathway_pack_new (demo, meeting, &as_at, &error);
  g_assert_no_error (error);
  return pack;
}

static void
test_pdf_on_full_disk (void)
{
  g_autoptr(PathwayPack) old_pack = demo_pack (30);
  g_autoptr(PathwayPack) new_pack = demo_pack (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  char *dir = disk_full_mount ();

  if (dir == NULL)
    return;
  path = g_build_filename (dir, "pack.pdf", NULL);
  g_assert_true (pathway_pack_write_pdf (old_pack, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  disk_full_fill (dir);
  g_assert_false (pathway_pack_write_pdf (new_pack, path, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL);
  disk_full_assert_message (error->message, "pack.pdf");

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  disk_full_assert_only (dir, "pack.pdf", NULL);
  disk_full_unmount (dir);
}

static void
test_docx_on_full_disk (void)
{
  g_autoptr(PathwayPack) old_pack = demo_pack (30);
  g_autoptr(PathwayPack) new_pack = demo_pack (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  char *dir = disk_full_mount ();

  if (dir == NULL)
    return;
  path = g_build_filename (dir, "pack.docx", NULL);
  g_assert_true (pathway_pack_write_docx (old_pack, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  disk_full_fill (dir);
  g_assert_false (pathway_pack_write_docx (new_pack, path, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL);
  disk_full_assert_message (error->message, "pack.docx");

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  disk_full_assert_only (dir, "pack.docx", NULL);
  disk_full_unmount (dir);
}

static void
test_docx_permissions (void)
{
  g_autoptr(PathwayPack) pack = demo_pack (30);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "permissions.docx", NULL);
  mode_t old_mask = umask (027);

  g_assert_true (pathway_pack_write_docx (pack, path, &error));
  g_assert_no_error (error);
  umask (old_mask);
  disk_full_assert_mode (path, 0640);
  g_unlink (path);
}

static void
test_pdf_permissions (void)
{
  g_autoptr(PathwayPack) pack = demo_pack (30);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "permissions.pdf", NULL);
  mode_t old_mask = umask (022);

  g_assert_true (pathway_pack_write_pdf (pack, path, &error));
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
  work_dir = g_dir_make_tmp ("pathway-report-safety-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (work_dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (demo_path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (demo_path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/report/write-safety/full-disk-keeps-old-pdf", test_pdf_on_full_disk);
  g_test_add_func ("/report/write-safety/permissions-from-umask", test_pdf_permissions);
  g_test_add_func ("/report/write-safety/full-disk-keeps-old-docx", test_docx_on_full_disk);
  g_test_add_func ("/report/write-safety/docx-permissions-from-umask", test_docx_permissions);
  status = g_test_run ();

  pathway_document_close (demo);
  g_object_unref (demo);
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (work_dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
