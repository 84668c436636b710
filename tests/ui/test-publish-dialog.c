/* test-publish-dialog.c: Publish for Families… on the demo programme. The primary menu's
 * win.publish opens the dialog over the window: never published yet, it says so and that this
 * will be the first publication, and Publish stays off until a folder, an approver and an
 * approval day are given; Publish writes the site and its record, closes, and the window toasts
 * it with Open Folder. Opened again it shows that publication (day, approver, folder, all
 * filled in again) and that nothing has changed since; an approval day after today is refused
 * under the form and the dialog stays open. Every control has a name for screen readers. With
 * PATHWAY_SCREENSHOT_DIR set it saves the dialog, light and dark, there. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-demo.h"
#include "pathway-publish-dialog.h"
#include "pathway-publish.h"
#include "pathway-window.h"
#include "ui-test-support.h"

typedef struct {
  char *dir;
  char *path;
  char *site;
  PathwayWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-publish-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  f->site = g_build_filename (f->dir, "Public plan", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->site);
  g_free (f->path);
  g_free (f->dir);
}

static PathwayPublishDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_PUBLISH_DIALOG (window))
        return PATHWAY_PUBLISH_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  PathwayPublishDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_is_closed (gpointer data)
{
  return find_dialog () == NULL;
}

static PathwayPublishDialog *
open_dialog (Fixture *f)
{
  PathwayPublishDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  wait_for ("the publish dialog to open", dialog_is_open, NULL);
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  return dialog;
}

static GtkWidget *
named (PathwayPublishDialog *dialog, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
publish_enabled (PathwayPublishDialog *dialog)
{
  return gtk_widget_get_sensitive (named (dialog, "publish-button"));
}

/* The toast on show, found by the widget libadwaita 1.2 shows it in (it has no public way to
 * ask the overlay), or NULL. */
static AdwToast *
shown_toast (Fixture *f)
{
  GType type = g_type_from_name ("AdwToastWidget");
  GtkWidget *widget = type != 0 ? find_of_type (GTK_WIDGET (f->window), type, NULL) : NULL;
  AdwToast *toast = NULL;

  if (widget != NULL)
    g_object_get (widget, "toast", &toast, NULL);
  if (toast != NULL)
    g_object_unref (toast); /* the overlay holds it while it shows */
  return toast;
}

static gboolean
toast_shown (gpointer data)
{
  return shown_toast (data) != NULL;
}

/* Every control the person uses has a name: a button its label, a row its title, the folder's
 * button a name that says which folder. */
static void
assert_controls_named (PathwayPublishDialog *dialog, const char *folder)
{
  const char *rows[] = { "publish-approved-by", "publish-approved-on", "publish-folder-row",
                         NULL };
  g_autofree char *shown = g_filename_display_name (folder);
  g_autofree char *expected = g_strdup_printf ("Choose the folder to publish into. Now: %s",
                                               shown);
  g_autofree char *wrong = NULL;
  g_autoptr(GString) unnamed = g_string_new (NULL);

  ui_test_collect_unnamed (GTK_WIDGET (dialog), unnamed);
  if (unnamed->len > 0)
    g_error ("without a name in the publish dialog: %s", unnamed->str);
  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (dialog, rows[i]))),
                     !=, "");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (dialog, "publish-button"))), ==,
                   "_Publish");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (dialog, "publish-cancel"))), ==,
                   "_Cancel");
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (named (dialog,
                                                                     "publish-choose-folder")),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (wrong);
}

static void
type_into (PathwayPublishDialog *dialog, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, row)), text);
}

static void
test_publish (Fixture *f, gconstpointer data)
{
  PathwayPublishDialog *dialog = open_dialog (f);
  g_autofree char *index = g_build_filename (f->site, PATHWAY_PUBLISH_INDEX, NULL);
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  GtkLabel *changes;
  AdwToast *toast;
  GDate day;

  /* Never published. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (dialog,
                                                                              "publish-last-row"))),
                   ==, "The plan has not been published yet");
  changes = GTK_LABEL (named (dialog, "publish-changes"));
  g_assert_cmpstr (gtk_label_get_text (changes), ==,
                   "This will be the first publication of the plan.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (dialog,
                                                                      "publish-folder-row"))),
                   ==, "No folder chosen yet");
  g_assert_false (publish_enabled (dialog));

  pathway_publish_dialog_set_folder (dialog, f->site);
  g_assert_false (publish_enabled (dialog));
  type_into (dialog, "publish-approved-by", "SEND Improvement Board");
  g_assert_false (publish_enabled (dialog));
  type_into (dialog, "publish-approved-on", "1 December 2025");
  g_assert_true (publish_enabled (dialog));
  assert_controls_named (dialog, f->site);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.publish", NULL));
  wait_for ("the dialog to close after publishing", dialog_is_closed, NULL);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  wait_for ("the toast saying it was published", toast_shown, f);
  toast = shown_toast (f);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "Published the plan for families to Public plan");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open Folder");

  /* Again: the last publication, its approver and folder filled in, nothing changed since. */
  dialog = open_dialog (f);
  pathway_document_get_today (pathway_window_get_document (f->window), &day);
  today = pathway_date_format_words (&day);
  last = g_strdup_printf ("Published %s", today);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named (dialog,
                                                                              "publish-last-row"))),
                   ==, last);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (dialog,
                                                                              "publish-last-row"))),
                            "Approved by SEND Improvement Board on 1 December 2025"));
  g_assert_cmpstr (pathway_publish_dialog_get_folder (dialog), ==, f->site);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "publish-approved-by"))),
                   ==, "SEND Improvement Board");
  changes = GTK_LABEL (named (dialog, "publish-changes"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (changes), "• No changes since "));
  g_assert_false (publish_enabled (dialog));

  /* An approval after today is refused, in words, and the dialog stays. */
  type_into (dialog, "publish-approved-on", "1 January 2099");
  g_assert_true (publish_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.publish", NULL));
  drain_main_loop ();
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (named (dialog, "publish-problem")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "publish-problem"))),
                            "after the publish day"));
  destroy_window (dialog);
}

/* Screenshots of the dialog after a first publication, light and dark. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PathwayPublishOptions options = { "SEND Improvement Board", NULL, NULL };
  PathwayDocument *document = pathway_window_get_document (f->window);
  PathwayAction *action;
  g_autoptr(GError) error = NULL;
  GDate day;

  if (folder == NULL || *folder == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2025);
  options.approved_on = &day;
  g_assert_true (pathway_publish (document, f->site, &options, NULL, &error));
  g_assert_no_error (error);
  /* Something to list as changed. */
  action = pathway_programme_find_action_by_reference (pathway_document_get_programme (document),
                                                       "1A i");
  g_assert_true (pathway_document_set_text (document, action, "public-summary",
                                            "A charter for working with families, agreed by "
                                            "every partner.", &error));
  g_assert_no_error (error);

  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *path = g_strdup_printf ("%s/publish-dialog-%s.png", folder,
                                               dark ? "dark" : "light");
      PathwayPublishDialog *dialog;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      dialog = open_dialog (f);
      type_into (dialog, "publish-approved-on", "4 December 2026");
      wait_for_drawn (dialog);
      save_png (dialog, path);
      destroy_window (dialog);
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

  g_test_add ("/ui/publish/first-then-again", Fixture, NULL, fixture_set_up, test_publish,
              fixture_tear_down);
  g_test_add ("/ui/publish/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
