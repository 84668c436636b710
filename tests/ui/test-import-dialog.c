/* test-import-dialog.c: the Import Tracker window on a real programme file (made in a
 * temporary folder) and small CSV trackers written by the test. It proves that the guessed
 * mapping is shown column by column with each header as written (markup characters and all);
 * that a bad rating keeps Import insensitive, marks its cell in the preview and lists the
 * problem; that setting that column to Ignore clears the error and enables Import; that
 * Import adds the actions to the programme, and a later file's changes become updates
 * carrying "Imported from FILE"; and that a file that is not a tracker shows why in the
 * dialog and changes nothing. With PATHWAY_SCREENSHOT_DIR set it saves the dialog with
 * problems at 1280x800, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-import-dialog.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\""

#define BAD_CSV \
  "Ref,Action,Lead,Workstream,RAG,\"S<OT & \"\"SALT\"\"\"\n" \
  "1A i,Publish the local offer,Sam Patel,Local offer,Green,first\n" \
  "1A ii,Train staff in the graduated approach,Sam Patel,Local offer,Purple,second\n" \
  "2B i,Review the quality of EHC plans,Aisha Begum,EHC plans,Amber,third\n"

#define LATER_CSV \
  "Ref,Action,Lead,Workstream,RAG\n" \
  "1A i,Publish the local offer,Sam Patel,Local offer,Amber\n" \
  "3C i,Set up the parent carer forum,Aisha Begum,Co-production,Red\n"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwayImportDialog *dialog; /* weak */
} Fixture;

static char *
write_tracker (Fixture *f, const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;

  f->dir = g_dir_make_tmp ("pathway-import-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "area.pathway", NULL);
  document = pathway_document_create (f->path, "Northshire SEND", &error);
  g_assert_no_error (error);
  g_clear_object (&document);

  f->window = g_object_ref_sink (pathway_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static gboolean
window_gone (gpointer data)
{
  Fixture *f = data;

  return f->window == NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  Fixture *f = data;

  return f->dialog == NULL;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_assert_null (f->dialog);
  /* Gone, document and all, before its folder is. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  wait_for ("the window to be finalized", window_gone, f);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PathwayDocument *
document_of (Fixture *f)
{
  return pathway_window_get_document (f->window);
}

static void
open_dialog (Fixture *f, const char *tracker)
{
  g_autoptr(GError) error = NULL;

  f->dialog = pathway_import_dialog_new (document_of (f), tracker, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (f->dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->dialog));
  wait_for_drawn (f->dialog);
}

static GtkWidget *
widget_named (Fixture *f, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->dialog), name);

  if (widget == NULL)
    g_error ("no widget named %s in the dialog", name);
  return widget;
}

/* A label below root whose text contains needle (or equals it, when exact). */
static GtkLabel *
find_label (GtkWidget *root, const char *needle, gboolean exact)
{
  if (GTK_IS_LABEL (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));

      if (exact ? g_strcmp0 (text, needle) == 0 : strstr (text, needle) != NULL)
        return GTK_LABEL (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, needle, exact);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
selected_field (Fixture *f, const char *letter)
{
  g_autofree char *name = g_strdup_printf ("field-%s", letter);

  return gtk_drop_down_get_selected (GTK_DROP_DOWN (widget_named (f, name)));
}

static guint
count_actions (Fixture *f)
{
  GListModel *actions = pathway_programme_get_actions (
    pathway_document_get_programme (document_of (f)));

  return g_list_model_get_n_items (actions);
}

static PathwayAction *
action_called (Fixture *f, const char *reference)
{
  PathwayAction *action = pathway_programme_find_action_by_reference (
    pathway_document_get_programme (document_of (f)), reference);

  if (action == NULL)
    g_error ("no action %s", reference);
  return action;
}

static gboolean
has_update_noted (Fixture *f, PathwayAction *action, PathwayField field, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document_of (f), action,
                                                                 &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == field &&
          g_strcmp0 (pathway_action_update_get_note (update), note) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The preview cell marked as an error whose tooltip mentions needle. */
static GtkWidget *
find_marked_cell (GtkWidget *root, const char *css_class, const char *needle)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (gtk_widget_has_css_class (root, "import-cell") &&
      gtk_widget_has_css_class (root, css_class) && tooltip != NULL && strstr (tooltip, needle) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked_cell (child, css_class, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
plan_has_no_errors (gpointer data)
{
  Fixture *f = data;

  return pathway_import_plan_get_n_errors (pathway_import_dialog_get_plan (f->dialog)) == 0;
}

static void
test_problems_then_import (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  g_autofree char *later = write_tracker (f, "later.csv", LATER_CSV, -1);
  PathwayImportPlan *plan;
  GtkWidget *import_button;
  GtkWidget *cell;
  GtkLabel *header;
  guint before = count_actions (f);

  open_dialog (f, bad);
  import_button = widget_named (f, "import-button");

  /* The guessed mapping, column by column; the sixth column's header as written. */
  g_assert_cmpuint (selected_field (f, "A"), ==, PATHWAY_IMPORT_FIELD_REFERENCE);
  g_assert_cmpuint (selected_field (f, "B"), ==, PATHWAY_IMPORT_FIELD_DESCRIPTION);
  g_assert_cmpuint (selected_field (f, "C"), ==, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "D"), ==, PATHWAY_IMPORT_FIELD_WORKSTREAM);
  g_assert_cmpuint (selected_field (f, "E"), ==, PATHWAY_IMPORT_FIELD_RATING);
  g_assert_cmpuint (selected_field (f, "F"), ==, PATHWAY_IMPORT_FIELD_NONE);
  header = find_label (widget_named (f, "mapping"), TRICKY, TRUE);
  g_assert_nonnull (header);
  g_assert_false (gtk_label_get_use_markup (header));

  /* "Purple": an error, Import insensitive, its cell marked and the problem listed. */
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), >=, 1);
  g_assert_false (pathway_import_dialog_can_import (f->dialog));
  g_assert_false (gtk_widget_get_sensitive (import_button));
  cell = find_marked_cell (widget_named (f, "preview"), "error", "Purple");
  g_assert_nonnull (cell);
  g_assert_nonnull (find_label (cell, "Purple", TRUE));
  g_assert_nonnull (find_of_type (cell, GTK_TYPE_IMAGE, NULL));
  g_assert_nonnull (find_label (widget_named (f, "problems"), "Purple", FALSE));
  g_assert_nonnull (find_label (widget_named (f, "problems"), "Row 3, column E", FALSE));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "summary"))),
                            "1 error"));
  /* Import refuses while the error stands, and writes nothing. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pathway_import_dialog_import (f->dialog, &error));
    g_assert_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS);
    g_assert_nonnull (f->dialog);
    g_assert_cmpuint (count_actions (f), ==, before);
  }

  /* Ignoring the rating column clears the error and enables Import. */
  pathway_import_dialog_set_field (f->dialog, 4, PATHWAY_IMPORT_FIELD_NONE);
  wait_for ("the plan to be made again without errors", plan_has_no_errors, f);
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_cmpuint (pathway_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 3);
  g_assert_cmpuint (selected_field (f, "E"), ==, PATHWAY_IMPORT_FIELD_NONE);
  g_assert_true (pathway_import_dialog_can_import (f->dialog));
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_null (find_marked_cell (widget_named (f, "preview"), "error", "Purple"));
  g_assert_null (find_label (widget_named (f, "problems"), "Purple", FALSE));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget_named (f, "summary"))),
                            "3 to add, 0 to update, 0 unchanged"));

  /* Choosing a field for a second column takes it from the first. */
  pathway_import_dialog_set_field (f->dialog, 5, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "C"), ==, PATHWAY_IMPORT_FIELD_NONE);
  pathway_import_dialog_set_field (f->dialog, 2, PATHWAY_IMPORT_FIELD_LEAD);
  g_assert_cmpuint (selected_field (f, "F"), ==, PATHWAY_IMPORT_FIELD_NONE);

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (pathway_import_dialog_import (f->dialog, &error));
    g_assert_no_error (error);
  }
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 3);
  g_assert_cmpstr (pathway_action_get_description (action_called (f, "1A ii")), ==,
                   "Train staff in the graduated approach");
  g_assert_cmpint (pathway_action_get_rating (action_called (f, "1A i")), ==,
                   PATHWAY_RATING_NONE);

  /* A later tracker: 1A i re-rated (an update noted with the file), 3C i new. */
  open_dialog (f, later);
  plan = pathway_import_dialog_get_plan (f->dialog);
  g_assert_cmpuint (pathway_import_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (pathway_import_plan_get_n_updated (plan), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  g_assert_true (pathway_import_dialog_import (f->dialog, NULL));
  wait_for ("the dialog to close once it has imported", dialog_gone, f);
  g_assert_cmpuint (count_actions (f), ==, before + 4);
  g_assert_cmpint (pathway_action_get_rating (action_called (f, "1A i")), ==,
                   PATHWAY_RATING_AMBER);
  g_assert_true (has_update_noted (f, action_called (f, "1A i"), PATHWAY_FIELD_RATING,
                                   "Imported from later.csv"));
}

static void
test_unreadable (Fixture *f, gconstpointer data)
{
  static const char not_a_tracker[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0binary";
  g_autofree char *path = write_tracker (f, "old.xls", not_a_tracker,
                                         sizeof not_a_tracker - 1);
  const GError *read_error;
  guint before = count_actions (f);
  GtkWidget *page;

  open_dialog (f, path);
  read_error = pathway_import_dialog_get_read_error (f->dialog);
  g_assert_nonnull (read_error);
  g_assert_nonnull (strstr (read_error->message, "old.xls"));
  g_assert_null (pathway_import_dialog_get_plan (f->dialog));
  g_assert_false (pathway_import_dialog_can_import (f->dialog));
  g_assert_false (gtk_widget_get_sensitive (widget_named (f, "import-button")));
  page = widget_named (f, "read-error");
  g_assert_true (gtk_widget_is_drawable (page));
  {
    g_autofree char *escaped = g_markup_escape_text (read_error->message, -1);

    g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, escaped);
  }
  g_assert_false (pathway_import_dialog_import (f->dialog, NULL));
  g_assert_cmpuint (count_actions (f), ==, before);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) copy = pathway_document_open_copy (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (pathway_document_get_read_only (copy));
  g_assert_null (pathway_import_dialog_new (copy, bad, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *bad = write_tracker (f, "tracker.csv", BAD_CSV, -1);

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("import-dialog-problems-%s.png",
                                               dark ? "dark" : "light");
      g_autofree char *png = g_build_filename (folder, name, NULL);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      open_dialog (f, bad);
      gtk_window_set_default_size (GTK_WINDOW (f->dialog), 1280, 800);
      save_png (f->dialog, png);
      destroy_window (f->dialog);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-dialog/problems-then-import", Fixture, NULL, fixture_set_up,
              test_problems_then_import, fixture_tear_down);
  g_test_add ("/import-dialog/unreadable", Fixture, NULL, fixture_set_up, test_unreadable,
              fixture_tear_down);
  g_test_add ("/import-dialog/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/import-dialog/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
