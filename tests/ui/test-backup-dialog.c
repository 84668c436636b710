/* test-backup-dialog.c: Restore from Backup… on a copy of the demo programme opened for
 * writing (which takes a backup at open). It proves that the dialog lists the backups with
 * their actions and a damaged one as damaged and not to be chosen, that restoring writes a copy
 * with the same actions which the window then opens while the original stays byte for byte as
 * it was, that a file that exists is refused with the store's message, and that a programme
 * with no backups says where they would be. A damaged programme (the index-damage reproducer
 * kept in tests/store/fixtures) brings up the damaged-file dialog with its latest good backup
 * and salvage side by side: salvage writes a copy the window opens, Restore Backup… opens the
 * backups with the good one chosen, and the damaged file stays as it was. With
 * PATHWAY_SCREENSHOT_DIR set it saves the dialogs, light and dark, there. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-backup-dialog.h"
#include "pathway-backup.h"
#include "pathway-damage-dialog.h"
#include "pathway-demo.h"
#include "pathway-window.h"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static gboolean
has_backup (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) backups = pathway_backups_list (f->path, NULL);

  return backups != NULL && backups->len > 0;
}

static void
open_window (Fixture          *f,
             PathwayOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, flags, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
  /* The window takes the backup owed at open once it is on screen. */
  if (!(flags & PATHWAY_OPEN_NO_BACKUP))
    wait_for ("the backup taken at open", has_backup, f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
}

static void
remove_backups_of (const char *path)
{
  g_autofree char *folder = pathway_backup_folder_for (path);

  remove_tree (folder);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    destroy_window (f->window);
  remove_backups_of (f->path);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PathwayBackupDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_BACKUP_DIALOG (window))
        return PATHWAY_BACKUP_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_is_closed (gpointer data)
{
  return find_dialog () == NULL;
}

static PathwayBackupDialog *
open_dialog (Fixture *f)
{
  PathwayBackupDialog *dialog;
  g_autoptr(GString) unnamed = g_string_new (NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-backup",
                                             NULL));
  wait_for ("the backup dialog to open", dialog_is_open, NULL);
  dialog = find_dialog ();
  wait_for_mapped (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  /* Every control has a name for a screen reader. */
  ui_test_collect_unnamed (GTK_WIDGET (dialog), unnamed);
  if (unnamed->len > 0)
    g_error ("without a name in the backup dialog: %s", unnamed->str);
  return dialog;
}

static GtkListBox *
backups_list (PathwayBackupDialog *dialog)
{
  GtkWidget *list = find_named (GTK_WIDGET (dialog), "backups-list");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

/* Whether Restore a Copy… can be pressed: its button follows the action. */
static gboolean
restore_enabled (PathwayBackupDialog *dialog)
{
  GtkWidget *button = find_named (GTK_WIDGET (dialog), "restore-button");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* The references of the document's live actions, in order, joined by spaces. */
static char *
dup_action_references (PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = pathway_document_list_records (document,
                                                                 pathway_kind_lookup ("action"),
                                                                 FALSE, &error);
  g_autoptr(GString) references = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (references, "%s ", pathway_action_get_reference (action));
    }
  return g_string_free (g_steal_pointer (&references), FALSE);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

typedef struct {
  PathwayWindow *window;
  const char *path;
} ShowsPath;

static gboolean
window_shows_path (gpointer data)
{
  ShowsPath *shows = data;
  PathwayDocument *document = pathway_window_get_document (shows->window);
  g_autoptr(GFile) shown = NULL;
  g_autoptr(GFile) wanted = g_file_new_for_path (shows->path);

  if (document == NULL)
    return FALSE;
  shown = g_file_new_for_path (pathway_document_get_path (document));
  return g_file_equal (shown, wanted);
}

/* A file in the backup folder that is no programme, named as a backup of an earlier day. */
static void
write_damaged_backup (const char *path)
{
  g_autofree char *folder = pathway_backup_folder_for (path);
  g_autofree char *damaged = g_build_filename (folder, "2026-01-05-101500.pathway", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (damaged, "not a programme", -1, &error));
  g_assert_no_error (error);
}

static void
save_screenshots (PathwayBackupDialog *dialog)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *path = g_build_filename (folder,
                                                dark ? "backup-dialog-dark.png"
                                                     : "backup-dialog-light.png", NULL);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_png (dialog, path);
      g_test_message ("saved %s", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_restores_copy_and_opens_it (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "Demo programme (restored).pathway",
                                              NULL);
  g_autofree char *references = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  PathwayBackupDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *row, *damaged;
  g_autofree char *count = NULL;
  ShowsPath shows = { NULL, target };

  open_window (f, PATHWAY_OPEN_DEFAULT);
  shows.window = f->window;
  references = dup_action_references (pathway_window_get_document (f->window));
  g_assert_cmpstr (references, !=, "");
  write_damaged_backup (f->path);
  backups = pathway_backups_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  before = read_bytes (f->path);

  dialog = open_dialog (f);
  list = backups_list (dialog);
  row = gtk_list_box_get_row_at_index (list, 0);
  damaged = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  g_assert_nonnull (damaged);
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  wait_for_mapped (row);

  /* Newest first, in words, with its actions; the damaged one cannot be chosen. */
  count = g_strdup_printf ("%" G_GINT64_FORMAT " actions",
                           ((PathwayBackup *) g_ptr_array_index (backups, 0))->n_actions);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, count);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (damaged)), ==,
                   "Monday 5 January 2026, 10:15");
  g_assert_nonnull (find_of_type (GTK_WIDGET (damaged), GTK_TYPE_LABEL, "error"));
  g_assert_false (gtk_list_box_row_get_selectable (damaged));
  /* The newest good backup is chosen from the start; a damaged one cannot be. */
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row));
  g_assert_true (restore_enabled (dialog));
  gtk_list_box_select_row (list, damaged);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row));
  gtk_list_box_unselect_all (list);
  g_assert_false (restore_enabled (dialog));

  gtk_list_box_select_row (list, row);
  g_assert_true (restore_enabled (dialog));
  save_screenshots (dialog);

  pathway_backup_dialog_set_target_path (dialog, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.restore", NULL));
  wait_for ("the window to open the restored copy", window_shows_path, &shows);
  wait_for ("the backup dialog to close", dialog_is_closed, NULL);

  restored = dup_action_references (pathway_window_get_document (f->window));
  g_assert_cmpstr (restored, ==, references);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  remove_backups_of (target);
}

/* The store's refusal is shown in the dialog; nothing is written or opened. */
static void
test_refuses_existing_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Someone else's.pathway", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  const char *targets[] = { NULL, NULL };
  PathwayBackupDialog *dialog;
  GtkListBox *list;
  GtkWidget *message;
  ShowsPath shows = { NULL, NULL };

  targets[0] = f->path;
  targets[1] = other;
  g_assert_true (g_file_set_contents (other, "mine", -1, &error));
  g_assert_no_error (error);
  open_window (f, PATHWAY_OPEN_DEFAULT);
  shows.window = f->window;
  shows.path = f->path;
  before = read_bytes (f->path);

  dialog = open_dialog (f);
  list = backups_list (dialog);
  message = find_named (GTK_WIDGET (dialog), "backup-error");
  g_assert_nonnull (message);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *name = g_filename_display_basename (targets[i]);
      g_autofree char *expected = g_strdup_printf ("“%s” already exists; choose another name.",
                                                   name);

      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
      pathway_backup_dialog_set_target_path (dialog, targets[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.restore", NULL));
      drain_main_loop ();
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected);
      g_assert_true (find_dialog () == dialog);
      g_assert_true (window_shows_path (&shows));
    }
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_file_get_contents (other, &mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mine, ==, "mine");

  /* Escape closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.close", NULL));
  wait_for ("the backup dialog to close", dialog_is_closed, NULL);
}

static void
test_empty_says_where (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = pathway_backup_folder_for (f->path);
  g_autofree char *expected = g_strdup_printf ("Pathway keeps backups of this programme in %s",
                                               folder);
  PathwayBackupDialog *dialog;
  GtkWidget *empty, *where;

  open_window (f, PATHWAY_OPEN_NO_BACKUP);
  dialog = open_dialog (f);
  empty = find_named (GTK_WIDGET (dialog), "backups-empty");
  where = find_named (GTK_WIDGET (dialog), "backups-empty-where");
  wait_for_mapped (empty);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (backups_list (dialog))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (where)), ==, expected);
  g_assert_false (restore_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for ("the backup dialog to close", dialog_is_closed, NULL);
}

static AdwMessageDialog *
find_damage_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_str_has_suffix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                            "Is Damaged"))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
damage_dialog_is_open (gpointer data)
{
  return find_damage_dialog () != NULL;
}

/* The damaged programme in the test's folder, and a good backup of it in its backup folder. */
static char *
set_up_damaged (Fixture *f)
{
  g_autofree char *kept = g_build_filename (g_getenv ("PATHWAY_FIXTURES"),
                                            "index-damage.pathway", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "Damaged programme.pathway", NULL);
  g_autofree char *folder = pathway_backup_folder_for (damaged);
  g_autofree char *backup = g_build_filename (folder, "2026-11-30-171500.pathway", NULL);
  g_autoptr(GBytes) bytes = read_bytes (kept);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (damaged, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (pathway_demo_write (backup, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&damaged);
}

static AdwMessageDialog *
open_damaged (Fixture *f, const char *damaged)
{
  g_autoptr(GFile) file = g_file_new_for_path (damaged);
  AdwMessageDialog *dialog;

  f->window = pathway_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
  pathway_window_open (f->window, file);
  wait_for ("the damaged-file dialog to open", damage_dialog_is_open, NULL);
  dialog = find_damage_dialog ();
  wait_for_mapped (dialog);
  g_assert_null (pathway_window_get_document (f->window));
  return dialog;
}

static void
test_damaged_salvaged (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *damaged = set_up_damaged (f);
  g_autofree char *target = g_build_filename (f->dir, "Salvaged.pathway", NULL);
  g_autoptr(GBytes) before = read_bytes (damaged);
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog = open_damaged (f, damaged);
  ShowsPath shows = { f->window, target };
  const char *body = adw_message_dialog_get_body (dialog);

  /* What was found, that nothing was changed, and the two ways back. */
  g_assert_nonnull (strstr (body, "“Damaged programme.pathway” is damaged"));
  g_assert_nonnull (strstr (body, "has not changed it"));
  g_assert_nonnull (strstr (body, "The latest good backup is from"));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_true (adw_message_dialog_has_response (dialog, "salvage"));
  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("PATHWAY_SCREENSHOT_DIR"),
                                               "damaged-file.png", NULL);

      g_mkdir_with_parents (g_getenv ("PATHWAY_SCREENSHOT_DIR"), 0755);
      save_png (dialog, png);
    }

  pathway_damage_dialog_set_target_path (dialog, target);
  adw_message_dialog_response (dialog, "salvage");
  wait_for ("the window to open the salvaged copy", window_shows_path, &shows);
  g_assert_false (pathway_document_get_read_only (pathway_window_get_document (f->window)));

  after = read_bytes (damaged);
  g_assert_true (g_bytes_equal (before, after));
  remove_backups_of (damaged);
  remove_backups_of (target);
}

static void
test_damaged_offers_backup (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *damaged = set_up_damaged (f);
  AdwMessageDialog *dialog = open_damaged (f, damaged);
  PathwayBackupDialog *backups;
  GtkListBoxRow *chosen;

  adw_message_dialog_response (dialog, "backup");
  wait_for ("the backup dialog to open", dialog_is_open, NULL);
  backups = find_dialog ();
  wait_for_mapped (backups);
  /* The good backup is chosen already: one press of Restore a Copy… away. */
  chosen = gtk_list_box_get_selected_row (backups_list (backups));
  g_assert_nonnull (chosen);
  g_assert_true (restore_enabled (backups));
  gtk_window_destroy (GTK_WINDOW (backups));
  wait_for ("the backup dialog to close", dialog_is_closed, NULL);
  remove_backups_of (damaged);
}

int
main (int   argc,
      char *argv[])
{
  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/backup-dialog/restores-copy-and-opens-it", Fixture, NULL, fixture_set_up,
              test_restores_copy_and_opens_it, fixture_tear_down);
  g_test_add ("/ui/backup-dialog/refuses-existing-file", Fixture, NULL, fixture_set_up,
              test_refuses_existing_file, fixture_tear_down);
  g_test_add ("/ui/backup-dialog/damaged-file-salvaged", Fixture, NULL, fixture_set_up,
              test_damaged_salvaged, fixture_tear_down);
  g_test_add ("/ui/backup-dialog/damaged-file-offers-backup", Fixture, NULL, fixture_set_up,
              test_damaged_offers_backup, fixture_tear_down);
  g_test_add ("/ui/backup-dialog/empty-says-where", Fixture, NULL, fixture_set_up,
              test_empty_says_where, fixture_tear_down);

  return g_test_run ();
}
