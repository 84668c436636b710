/* test-window.c: the main window on a real programme file (the demo, written into a temporary
 * folder). It proves that the window shows what the model says (the programme's name, its
 * counts by rating, share complete and overdue), follows changes made through the document,
 * shows the user's text as written and never as markup, says why a programme is read-only,
 * and refuses a file that is not a programme while keeping the one it shows. It also saves a
 * PNG of itself; with PATHWAY_SCREENSHOT_DIR set it saves light and dark ones at 1024x768 and
 * 1920x1080 there (run Xvfb with a screen that big), one of the read-only bar, and one of
 * every view at 1280x800, light and dark. It refuses a file from a newer Pathway, leaving it
 * byte for byte as it was, and undoes and redoes through the window's actions. Opening builds
 * only the view shown (the others when first shown or asked for); the Keyboard Shortcuts window,
 * the main menu and the switcher bar's buttons are built when first wanted. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "pathway-actions-view.h"
#include "pathway-demo.h"
#include "pathway-indicators-view.h"
#include "pathway-overview-view.h"
#include "pathway-report-view.h"
#include "pathway-setup-view.h"
#include "pathway-window.h"
#include "pathway-workstreams-view.h"

#define TRICKY_NAME "S<OT & \"SALT\" <b>x</b>"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static gboolean
is_revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static GtkLabel *
named_label (Fixture    *f,
             const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->window), name);

  g_assert_nonnull (widget);
  g_assert_true (GTK_IS_LABEL (widget));
  return GTK_LABEL (widget);
}

/* The label that shows the title in the header bar, found the way a person sees it. */
static GtkLabel *
header_title_label (Fixture *f)
{
  GtkWidget *title = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_WINDOW_TITLE, NULL);
  GtkWidget *label;

  g_assert_nonnull (title);
  label = find_of_type (title, GTK_TYPE_LABEL, "title");
  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static GtkLabel *
header_subtitle_label (Fixture *f)
{
  GtkWidget *title = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_WINDOW_TITLE, NULL);
  GtkWidget *label;

  g_assert_nonnull (title);
  label = find_of_type (title, GTK_TYPE_LABEL, "subtitle");
  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  PathwayDocument *document = pathway_window_get_document (f->window);

  g_assert_nonnull (document);
  return pathway_document_get_programme (document);
}

static char *
uint_text (guint value)
{
  return g_strdup_printf ("%u", value);
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

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_header_names_programme_and_file (Fixture       *f,
                                      gconstpointer  data)
{
  PathwayProgramme *programme = programme_of (f);
  const char *name = pathway_programme_get_name (programme);

  g_assert_cmpstr (name, !=, "");
  g_assert_cmpstr (gtk_label_get_text (header_title_label (f)), ==, name);
  g_assert_cmpstr (gtk_label_get_text (header_subtitle_label (f)), ==, "Demo programme.pathway");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, name);
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "programme-name")), ==, name);
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "local-area")), ==,
                   pathway_programme_get_local_area (programme));
}

static void
check_counts (Fixture *f)
{
  static const char *names[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };
  PathwayProgramme *programme = programme_of (f);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  guint total = 0;
  g_autofree char *total_text = NULL;

  pathway_programme_count_ratings (programme, NULL, counts);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts[i];
  g_assert_cmpuint (total, >, 0);

  total_text = uint_text (total);
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "actions-count")), ==, total_text);

  for (guint rating = 0; rating < PATHWAY_N_RATINGS; rating++)
    {
      g_autofree char *count_name = g_strdup_printf ("rating-count-%s", names[rating]);
      g_autofree char *expected = uint_text (counts[rating]);
      GtkLabel *count = named_label (f, count_name);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (count), ADW_TYPE_ACTION_ROW);

      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
      /* Every rating in use is listed, with the programme's word and definition for it. */
      if (counts[rating] > 0)
        g_assert_true (gtk_widget_get_visible (row));
      if (gtk_widget_get_visible (row))
        {
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           pathway_rating_scheme_get_label (scheme, rating));
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                           pathway_rating_scheme_get_definition (scheme, rating));
        }
    }
}

static void
test_shows_counts_by_rating (Fixture       *f,
                             gconstpointer  data)
{
  PathwayProgramme *programme = programme_of (f);
  PathwayDocument *document = pathway_window_get_document (f->window);
  g_autoptr(GDateTime) now = pathway_document_dup_now (document);
  g_autofree char *overdue = NULL;
  g_autofree char *complete = NULL;
  GDate today;

  check_counts (f);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  overdue = uint_text (pathway_programme_count_overdue (programme, NULL, &today));
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "overdue-count")), ==, overdue);

  complete = g_strdup_printf ("%u%%",
                              (guint) floor (pathway_programme_get_share_complete (programme,
                                                                                   NULL)
                                             * 100.0 + 1e-9));
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "complete-share")), ==, complete);
}

static void
test_follows_rating_change (Fixture       *f,
                            gconstpointer  data)
{
  PathwayDocument *document = pathway_window_get_document (f->window);
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autoptr(PathwayAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; action == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) candidate = g_list_model_get_item (actions, i);

      if (pathway_action_get_rating (candidate) != PATHWAY_RATING_RED &&
          !pathway_action_get_deleted (candidate))
        action = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (action);

  g_assert_true (pathway_document_set_rating (document, action, PATHWAY_RATING_RED,
                                              "Slipped again", &error));
  g_assert_no_error (error);

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  expected = uint_text (counts[PATHWAY_RATING_RED]);
  wait_for_label_text (named_label (f, "rating-count-red"), expected);
  check_counts (f);
}

static void
test_shows_user_text_as_written (Fixture       *f,
                                 gconstpointer  data)
{
  PathwayDocument *document = pathway_window_get_document (f->window);
  g_autoptr(GError) error = NULL;
  GtkLabel *title;

  g_assert_true (pathway_document_set_text (document, programme_of (f), "name", TRICKY_NAME,
                                            &error));
  g_assert_no_error (error);

  /* The header follows the name at once; the Overview on its next refresh. */
  title = header_title_label (f);
  wait_for_label_text (title, TRICKY_NAME);
  wait_for_label_text (named_label (f, "programme-name"), TRICKY_NAME);
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_cmpstr (gtk_label_get_text (title), ==, TRICKY_NAME);
  g_assert_cmpstr (gtk_label_get_label (title), ==, TRICKY_NAME);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, TRICKY_NAME);
  g_assert_false (gtk_label_get_use_markup (named_label (f, "programme-name")));
  g_assert_cmpstr (gtk_label_get_text (named_label (f, "programme-name")), ==, TRICKY_NAME);
}

static AdwMessageDialog *
find_message_dialog (gpointer parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer parent)
{
  return find_message_dialog (parent) != NULL;
}

static void
test_refuses_non_programme (Fixture       *f,
                            gconstpointer  data)
{
  PathwayDocument *before = pathway_window_get_document (f->window);
  g_autofree char *name = g_strdup (pathway_programme_get_name (programme_of (f)));
  g_autofree char *bogus = g_build_filename (f->dir, "Minutes & <notes>.pathway", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bogus);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (bogus, "Board minutes, not a programme.\n", -1, &error));
  g_assert_no_error (error);

  g_assert_false (pathway_window_load (f->window, bogus, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_true (error != NULL && error->domain == PATHWAY_ERROR);
  g_assert_true (pathway_window_get_document (f->window) == before);

  /* Opened the way a person does, the refusal is explained in a dialog. */
  pathway_window_open (f->window, file);
  wait_for ("a message dialog over the window", has_message_dialog, f->window);
  dialog = find_message_dialog (f->window);
  g_assert_false (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Minutes & <notes>"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), error->message));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (pathway_window_get_document (f->window) == before);
  g_assert_cmpstr (gtk_label_get_text (header_title_label (f)), ==, name);
}


static void
test_says_why_read_only (Fixture       *f,
                         gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *copy = g_build_filename (f->dir, "Copy for the board.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  PathwayDocument *document;
  GtkLabel *reason;
  GtkWidget *revealer;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pathway_window_load (f->window, copy, PATHWAY_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);

  document = pathway_window_get_document (f->window);
  g_assert_true (pathway_document_get_read_only (document));
  wait_for_label_text (header_subtitle_label (f), "Copy for the board.pathway");
  reason = named_label (f, "read-only-reason");
  revealer = gtk_widget_get_ancestor (GTK_WIDGET (reason), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (reason), ==,
                   pathway_document_get_read_only_reason (document));
  wait_for ("the read-only bar to be revealed", is_revealed, revealer);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (reason)));

  if (folder != NULL && folder[0] != '\0')
    {
      g_autofree char *path = g_build_filename (folder, "window-read-only.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      save_png (f->window, path);
    }

  /* Back on a file that can be written, the bar goes. */
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

static void
save_sized_png (Fixture    *f,
                const char *folder,
                int         width,
                int         height,
                gboolean    dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *name = g_strdup_printf ("window-%dx%d-%s.png", width, height,
                                           dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  /* A window is kept within its screen: run under a screen at least this big. */
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s: the screen is %dx%d", name, screen.width, screen.height);
      return;
    }

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* A mapped window keeps its size; a default size applies when it is shown again. */
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, width, height);
  save_png (f->window, path);
  g_test_message ("saved %s", path);
}

static void
test_saves_screenshot (Fixture       *f,
                       gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (f->dir, "window.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  save_png (f->window, path);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (f->window)));

  if (folder != NULL && folder[0] != '\0')
    {
      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      for (int dark = 0; dark <= 1; dark++)
        {
          save_sized_png (f, folder, 1024, 768, dark);
          save_sized_png (f, folder, 1920, 1080, dark);
        }
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_DEFAULT);
    }
}

/* A file from a newer Pathway is refused with a message that says so, and left as it was. */
static void
test_refuses_newer_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *newer = g_build_filename (f->dir, "From the future.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (newer);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (newer, &before, &before_length, NULL));

  pathway_window_open (f->window, target);
  wait_for ("a message dialog over the window", has_message_dialog, f->window);
  dialog = find_message_dialog (f->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_get_contents (newer, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (newer, G_FILE_TEST_EXISTS) &&
                  g_str_equal (pathway_document_get_path (pathway_window_get_document (f->window)),
                               newer));
}

/* Undo in the window takes back a change made through the document, and can be redone. */
static void
test_undo_and_redo (Fixture       *f,
                    gconstpointer  data)
{
  PathwayDocument *document = pathway_window_get_document (f->window);
  g_autoptr(PathwayAction) action = g_list_model_get_item (
    pathway_programme_get_actions (programme_of (f)), 0);
  PathwayRating before = pathway_action_get_rating (action);
  PathwayRating other = before == PATHWAY_RATING_RED ? PATHWAY_RATING_GREEN : PATHWAY_RATING_RED;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_document_set_rating (document, action, other, "Agreed at board",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (pathway_action_get_rating (action), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpint (pathway_action_get_rating (action), ==, other);
}

static void
count_dismissed (AdwToast *toast, guint *dismissed)
{
  (*dismissed)++;
}

static AdwToast *
undo_toast (const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_action_name (toast, "win.undo");
  return toast;
}

static gboolean
dismissed_once (gpointer data)
{
  return *(guint *) data == 1;
}

/* Undo takes back the latest change, so a toast offering Undo stops offering it when a later
 * change's toast comes, and goes once it has finished appearing (libadwaita 1.2 crashes on a
 * toast dismissed as it slides in: changes in quick succession, as a board re-rates); a toast
 * without Undo stays. */
static void
test_one_undo_toast (Fixture       *f,
                     gconstpointer  data)
{
  AdwToast *first = undo_toast ("Added Priya Raman");
  AdwToast *plain = adw_toast_new ("Exported the tracker");
  AdwToast *second = undo_toast ("Added area 1");
  AdwToast *third = undo_toast ("Added area 2");
  guint first_dismissed = 0, plain_dismissed = 0, second_dismissed = 0;

  g_signal_connect (first, "dismissed", G_CALLBACK (count_dismissed), &first_dismissed);
  g_signal_connect (plain, "dismissed", G_CALLBACK (count_dismissed), &plain_dismissed);
  /* It stays until dismissed, however long the waits below take on a busy machine. */
  adw_toast_set_timeout (plain, 0);
  g_signal_connect (second, "dismissed", G_CALLBACK (count_dismissed), &second_dismissed);
  pathway_window_add_toast (f->window, first);
  pathway_window_add_toast (f->window, plain);
  g_assert_cmpuint (first_dismissed, ==, 0);
  g_object_ref (first);
  g_object_ref (second);
  pathway_window_add_toast (f->window, second);
  /* Gone at once when it had long finished appearing (a busy machine), else without Undo. */
  g_assert_true (first_dismissed == 1 ||
                 (adw_toast_get_action_name (first) == NULL &&
                  adw_toast_get_button_label (first) == NULL));
  g_assert_cmpstr (adw_toast_get_action_name (second), ==, "win.undo");
  pathway_window_add_toast (f->window, third);
  g_assert_true (second_dismissed == 1 || adw_toast_get_action_name (second) == NULL);
  g_assert_cmpstr (adw_toast_get_action_name (third), ==, "win.undo");
  wait_for ("the first toast to go", dismissed_once, &first_dismissed);
  wait_for ("the second toast to go", dismissed_once, &second_dismissed);
  g_object_unref (first);
  g_object_unref (second);
  g_assert_cmpuint (plain_dismissed, ==, 0);
}

/* One PNG of every view, light and dark, at 1280x800, for a person to look at. */
static void
test_screenshots_of_every_view (Fixture       *f,
                                gconstpointer  data)
{
  static const char *views[] = { "overview", "workstreams", "actions", "indicators", "report" };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, 1280, 800);

  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("view-%s-%s.png", views[i],
                                                   dark ? "dark" : "light");
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view",
                                                     "s", views[i]));
          save_png (f->window, path);
          g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The window's size is written once, when it closes: a live binding wrote at every step of
 * a resize, and without a session bus every failed write fed the binding again. The next
 * window opens at the size the last one closed at. */
static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Opening a programme builds the view shown and no other; a view is made when its page is
 * first shown, with the document, or when asked for before that. */
static void
test_views_made_when_shown (Fixture       *f,
                            gconstpointer  data)
{
  GType hidden[] = { PATHWAY_TYPE_WORKSTREAMS_VIEW, PATHWAY_TYPE_ACTIONS_VIEW,
                     PATHWAY_TYPE_INDICATORS_VIEW, PATHWAY_TYPE_REPORT_VIEW,
                     PATHWAY_TYPE_SETUP_VIEW };
  GtkWidget *overview = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_OVERVIEW_VIEW, NULL);
  GtkWidget *actions;
  PathwayView *report;

  g_assert_nonnull (overview);
  g_assert_true (pathway_view_get_document (PATHWAY_VIEW (overview)) ==
                 pathway_window_get_document (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_null (find_of_type (GTK_WIDGET (f->window), hidden[i], NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "actions"));
  actions = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_ACTIONS_VIEW, NULL);
  g_assert_nonnull (actions);
  g_assert_true (pathway_view_get_document (PATHWAY_VIEW (actions)) ==
                 pathway_window_get_document (f->window));
  g_assert_true (GTK_WIDGET (pathway_window_get_view (f->window, "actions")) == actions);
  wait_for_mapped (actions);

  /* Asked for: made now, and given the document when it is shown. */
  report = pathway_window_get_view (f->window, "report");
  g_assert_true (PATHWAY_IS_REPORT_VIEW (report));
  g_assert_null (pathway_view_get_document (report));
  g_assert_true (pathway_window_get_view (f->window, "report") == report);
  g_assert_null (pathway_window_get_view (f->window, "no-such-page"));
}

static GtkWindow *
find_shortcuts_window (gpointer parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

static gboolean
has_shortcuts_window (gpointer parent)
{
  return find_shortcuts_window (parent) != NULL;
}

/* The Keyboard Shortcuts window is built when asked for, not with every window. */
static void
test_shortcuts_window_when_asked (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_null (find_shortcuts_window (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay",
                                             NULL));
  wait_for ("the Keyboard Shortcuts window to open", has_shortcuts_window, f->window);
  shortcuts = find_shortcuts_window (f->window);
  wait_for_mapped (shortcuts);
  gtk_window_destroy (shortcuts);
}

/* The main menu is built when it is first opened, with its items. */
static void
test_main_menu_when_opened (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *button = find_of_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  wait_for_mapped (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static gboolean
switcher_bar_has_views (gpointer data)
{
  GtkWidget *bar = data;

  return adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) != NULL &&
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

/* The bar at the foot gets the views' buttons when the window is first too narrow for them in
 * the header bar. */
static void
test_switcher_bar_when_narrow (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *bar = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);

  g_assert_nonnull (bar);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  wait_for_drawn (f->window);
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  wait_for ("the switcher bar to show the views", switcher_bar_has_views, bar);
}

static void
test_saves_size_when_closed (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.pathway.Pathway");
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");
  PathwayWindow *window = pathway_window_new (NULL);
  PathwayWindow *next;
  int next_width = 0;
  int next_height = 0;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width + 37, height - 29);
  /* Nothing is written while the window is open. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_for ("the closed window to be finalized", window_gone, &window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width + 37);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height - 29);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  next = pathway_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (next), &next_width, &next_height);
  g_assert_cmpint (next_width, ==, width + 37);
  g_assert_cmpint (next_height, ==, height - 29);

  /* Quitting closes no window: the application has each save its state first. */
  gtk_window_set_default_size (GTK_WINDOW (next), width + 11, height + 13);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width + 37);
  pathway_window_save_state (next);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width + 11);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height + 13);
  destroy_window (next);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
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

  g_test_add ("/ui/window/header-names-programme-and-file", Fixture, NULL, fixture_set_up,
              test_header_names_programme_and_file, fixture_tear_down);
  g_test_add ("/ui/window/shows-counts-by-rating", Fixture, NULL, fixture_set_up,
              test_shows_counts_by_rating, fixture_tear_down);
  g_test_add ("/ui/window/follows-rating-change", Fixture, NULL, fixture_set_up,
              test_follows_rating_change, fixture_tear_down);
  g_test_add ("/ui/window/shows-user-text-as-written", Fixture, NULL, fixture_set_up,
              test_shows_user_text_as_written, fixture_tear_down);
  g_test_add ("/ui/window/refuses-non-programme-and-keeps-current", Fixture, NULL,
              fixture_set_up, test_refuses_non_programme, fixture_tear_down);
  g_test_add ("/ui/window/says-why-read-only", Fixture, NULL, fixture_set_up,
              test_says_why_read_only, fixture_tear_down);
  g_test_add ("/ui/window/saves-screenshot", Fixture, NULL, fixture_set_up,
              test_saves_screenshot, fixture_tear_down);
  g_test_add ("/ui/window/refuses-newer-schema-and-leaves-file", Fixture, NULL,
              fixture_set_up, test_refuses_newer_schema, fixture_tear_down);
  g_test_add ("/ui/window/undo-and-redo", Fixture, NULL, fixture_set_up, test_undo_and_redo,
              fixture_tear_down);
  g_test_add ("/ui/window/one-undo-toast", Fixture, NULL, fixture_set_up, test_one_undo_toast,
              fixture_tear_down);
  g_test_add ("/ui/window/screenshots-of-every-view", Fixture, NULL, fixture_set_up,
              test_screenshots_of_every_view, fixture_tear_down);
  g_test_add ("/ui/window/views-made-when-shown", Fixture, NULL, fixture_set_up,
              test_views_made_when_shown, fixture_tear_down);
  g_test_add ("/ui/window/shortcuts-window-when-asked", Fixture, NULL, fixture_set_up,
              test_shortcuts_window_when_asked, fixture_tear_down);
  g_test_add ("/ui/window/main-menu-when-opened", Fixture, NULL, fixture_set_up,
              test_main_menu_when_opened, fixture_tear_down);
  g_test_add ("/ui/window/switcher-bar-when-narrow", Fixture, NULL, fixture_set_up,
              test_switcher_bar_when_narrow, fixture_tear_down);
  g_test_add ("/ui/window/saves-size-when-closed", Fixture, NULL, fixture_set_up,
              test_saves_size_when_closed, fixture_tear_down);

  return g_test_run ();
}
