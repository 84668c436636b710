/* test-new-programme.c: the new programme assistant, opened from the main window's New
 * Programme… (win.new-programme) and driven page by page, with its path given so that no file
 * chooser is needed. It proves that Next waits for a name and refuses a date that names no day;
 * that Escape cancels without making a file; that Create writes the programme's fields, its
 * rating scheme, the chair as a person, the board and its next meeting in one undo step and
 * opens the file in the window, whose Board report then shows the pack with the board's name
 * and whose Overview offers to set the programme up; and that choosing Import Tracker… runs
 * win.import. With PATHWAY_SCREENSHOT_DIR set it saves every page at 1280x800 and 1024x768,
 * light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <poppler.h>

#include "pathway-new-programme-assistant.h"
#include "pathway-pack.h"
#include "pathway-report-view.h"
#include "pathway-window.h"

#define BOARD_NAME "Sallowmere SEND Improvement Board"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (root, name)), text);
}

static PathwayNewProgrammeAssistant *
find_assistant (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_NEW_PROGRAMME_ASSISTANT (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return PATHWAY_NEW_PROGRAMME_ASSISTANT (window);
    }
  return NULL;
}

static gboolean
assistant_shown (gpointer data)
{
  PathwayNewProgrammeAssistant *assistant = find_assistant ();

  return assistant != NULL && gtk_widget_get_mapped (GTK_WIDGET (assistant));
}

static gboolean
assistant_gone (gpointer data)
{
  return find_assistant () == NULL;
}

static PathwayNewProgrammeAssistant *
open_assistant (Fixture *f)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme",
                                             NULL));
  wait_for ("the new programme assistant to be shown", assistant_shown, NULL);
  /* Every control on every page has a name for a screen reader. */
  ui_test_collect_unnamed (GTK_WIDGET (find_assistant ()), unnamed);
  if (unnamed->len > 0)
    g_error ("without a name in the assistant: %s", unnamed->str);
  return find_assistant ();
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
}

static gboolean
document_open (gpointer data)
{
  Fixture *f = data;
  PathwayDocument *document = pathway_window_get_document (f->window);

  return document != NULL && g_str_has_prefix (pathway_document_get_path (document), f->dir);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-new-programme-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sallowmere", NULL);
  f->window = pathway_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Fills in the pages as a person would, checking each as it goes. */
static void
fill_in (PathwayNewProgrammeAssistant *assistant)
{
  GtkWidget *root = GTK_WIDGET (assistant);
  GtkWidget *date;

  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "programme");
  /* Nothing goes on without a name. */
  g_assert_false (gtk_widget_is_sensitive (named (root, "assistant-next")));
  type_into (root, "assistant-name-row", "Sallowmere SEND Improvement Programme");
  g_assert_true (gtk_widget_is_sensitive (named (root, "assistant-next")));
  type_into (root, "assistant-local-area-row", "Sallowmere");
  type_into (root, "assistant-partners-row", "Sallowmere Council; Sallowmere and Kell ICB");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (root, "assistant-regime-row")), 2);
  type_into (root, "assistant-letter-published-row", "2 May 2025");

  /* A date that names no day keeps the page, and says so. */
  date = named (root, "assistant-inspection-date-row");
  type_into (root, "assistant-inspection-date-row", "the Tuesday after Easter");
  activate (assistant, "assistant.next");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "programme");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (date, "day-meaning"))), ==,
                   "Not a date");
  type_into (root, "assistant-inspection-date-row", "14/03/2025");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (date, "day-meaning"))), ==,
                   "Friday 14 March 2025");
  activate (assistant, "assistant.next");

  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "ratings");
  /* The words start as a new scheme's; blue's rows show with BRAG. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (root, "assistant-red-label-row"))),
                   ==, "Red");
  g_assert_false (gtk_widget_get_visible (named (root, "assistant-blue-label-row")));
  gtk_switch_set_active (GTK_SWITCH (named (root, "assistant-brag-switch")), TRUE);
  g_assert_true (gtk_widget_get_visible (named (root, "assistant-blue-label-row")));
  type_into (root, "assistant-red-label-row", "Off track");
  type_into (root, "assistant-blue-definition-row", "Complete and evidenced");
  activate (assistant, "assistant.next");

  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "start");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (root, "assistant-empty-check")), TRUE);
  activate (assistant, "assistant.next");

  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "board");
  /* The chair and meeting wait for the board. */
  g_assert_false (gtk_widget_get_sensitive (named (root, "assistant-chair-name-row")));
  type_into (root, "assistant-board-name-row", BOARD_NAME);
  g_assert_true (gtk_widget_get_sensitive (named (root, "assistant-chair-name-row")));
  type_into (root, "assistant-chair-name-row", "Sam Okafor");
  type_into (root, "assistant-chair-role-row", "Director of Children’s Services");
  type_into (root, "assistant-meeting-date-row", "2026-11-18");
  g_assert_true (gtk_widget_get_visible (named (root, "assistant-create")));
  g_assert_false (gtk_widget_get_visible (named (root, "assistant-next")));

  /* Back keeps what was typed. */
  activate (assistant, "assistant.back");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "start");
  activate (assistant, "assistant.next");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (root, "assistant-board-name-row"))),
                   ==, BOARD_NAME);
}

/* The text on one page of the pack, read back from its PDF. */
static char *
page_text (PathwayPack *pack,
           guint        page,
           const char  *dir)
{
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *pdf_page;
  char *text;

  g_assert_true (pathway_pack_write_pdf (pack, path, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf_page = poppler_document_get_page (pdf, (int) page);
  text = poppler_page_get_text (pdf_page);
  g_object_unref (pdf_page);
  g_object_unref (pdf);
  return text;
}

static void
check_file (Fixture *f)
{
  PathwayDocument *document = pathway_window_get_document (f->window);
  g_autofree char *expected = g_strconcat (f->path, ".pathway", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) copy = NULL;
  PathwayProgramme *programme;
  PathwayRatingScheme *scheme;
  g_autoptr(PathwayBoard) board = NULL;
  PathwayPerson *chair;
  g_autoptr(PathwayMeeting) meeting = NULL;
  const GDate *date;

  g_assert_cmpstr (pathway_document_get_path (document), ==, expected);
  /* The whole set-up is one step. */
  g_assert_true (pathway_document_get_can_undo (document));
  g_assert_cmpstr (pathway_document_get_undo_label (document), ==, "Set up the programme");

  /* What the file holds, read as another process would. */
  copy = pathway_document_open_copy (expected, &error);
  g_assert_no_error (error);
  programme = pathway_document_get_programme (copy);
  g_assert_cmpstr (pathway_programme_get_name (programme), ==,
                   "Sallowmere SEND Improvement Programme");
  g_assert_cmpstr (pathway_programme_get_local_area (programme), ==, "Sallowmere");
  g_assert_cmpstr (pathway_programme_get_partners (programme), ==,
                   "Sallowmere Council; Sallowmere and Kell ICB");
  g_assert_cmpint (pathway_programme_get_regime (programme), ==,
                   PATHWAY_REGIME_PRIORITY_ACTIONS_2023);
  date = pathway_programme_get_inspection_date (programme);
  g_assert_true (date != NULL && g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, 14);
  g_assert_cmpint (g_date_get_month (date), ==, 3);
  date = pathway_programme_get_letter_published (programme);
  g_assert_true (date != NULL && g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, 2);
  g_assert_cmpint (g_date_get_month (date), ==, 5);

  scheme = pathway_programme_get_rating_scheme (programme);
  g_assert_true (pathway_rating_scheme_get_uses_blue (scheme));
  g_assert_cmpstr (pathway_rating_scheme_get_red_label (scheme), ==, "Off track");
  g_assert_cmpstr (pathway_rating_scheme_get_blue_definition (scheme), ==,
                   "Complete and evidenced");
  g_assert_cmpstr (pathway_rating_scheme_get_amber_label (scheme), ==, "Amber");

  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_boards (programme)), ==, 1);
  board = g_list_model_get_item (pathway_programme_get_boards (programme), 0);
  g_assert_cmpstr (pathway_board_get_name (board), ==, BOARD_NAME);
  chair = pathway_board_get_chair (board);
  g_assert_nonnull (chair);
  g_assert_cmpstr (pathway_person_get_name (chair), ==, "Sam Okafor");
  g_assert_cmpstr (pathway_person_get_role (chair), ==, "Director of Children’s Services");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, 1);
  meeting = g_list_model_get_item (pathway_board_get_meetings (board), 0);
  date = pathway_meeting_get_date (meeting);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_get_month (date), ==, 11);
  g_assert_cmpint (g_date_get_day (date), ==, 18);
}

static gboolean
overview_offers_setup (gpointer data)
{
  Fixture *f = data;
  GtkWidget *setup = find_named (GTK_WIDGET (f->window), "overview-setup");

  return setup != NULL && gtk_widget_get_mapped (setup);
}

static void
test_creates_programme (Fixture       *f,
                        gconstpointer  data)
{
  PathwayNewProgrammeAssistant *assistant = open_assistant (f);
  GtkWidget *view;
  PathwayPack *pack;
  g_autofree char *text = NULL;

  fill_in (assistant);
  pathway_new_programme_assistant_set_path (assistant, f->path);
  activate (assistant, "assistant.create");
  wait_for ("the new programme to open in the window", document_open, f);
  wait_for ("the assistant to close", assistant_gone, NULL);
  check_file (f);

  /* No actions yet: the Overview says what to do next. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "overview"));
  wait_for ("the Overview to offer to set the programme up", overview_offers_setup, f);

  /* The Board report makes the pack for the board's meeting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "report"));
  view = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_REPORT_VIEW, NULL);
  g_assert_nonnull (view);
  wait_for_drawn (view);
  pack = pathway_report_view_get_pack (PATHWAY_REPORT_VIEW (view));
  g_assert_nonnull (pack);
  g_assert_cmpuint (pathway_pack_get_n_pages (pack), >=, 1);
  text = page_text (pack, 0, f->dir);
  g_assert_nonnull (strstr (text, BOARD_NAME));
  g_assert_true (gtk_widget_get_mapped (named (view, "report-preview")));
}

static void
test_escape_cancels (Fixture       *f,
                     gconstpointer  data)
{
  PathwayNewProgrammeAssistant *assistant = open_assistant (f);
  g_autofree char *expected = g_strconcat (f->path, ".pathway", NULL);

  type_into (GTK_WIDGET (assistant), "assistant-name-row", "Never made");
  pathway_new_programme_assistant_set_path (assistant, f->path);
  activate (assistant, "assistant.cancel");
  wait_for ("the assistant to close", assistant_gone, NULL);
  g_assert_null (pathway_window_get_document (f->window));
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
}

/* Creating where a file already is says so, and keeps everything typed. */
static void
test_refuses_existing_file (Fixture       *f,
                            gconstpointer  data)
{
  PathwayNewProgrammeAssistant *assistant = open_assistant (f);
  g_autofree char *expected = g_strconcat (f->path, ".pathway", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (expected, "someone else's", -1, &error));
  type_into (GTK_WIDGET (assistant), "assistant-name-row", "Second try");
  pathway_new_programme_assistant_set_path (assistant, f->path);
  activate (assistant, "assistant.create");
  drain_main_loop ();
  g_assert_true (find_assistant () == assistant);
  g_assert_null (pathway_window_get_document (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (GTK_WIDGET (assistant),
                                                               "assistant-name-row"))),
                   ==, "Second try");
}

static void
created_cb (PathwayNewProgrammeAssistant *assistant,
            PathwayDocument              *document,
            gboolean                      import,
            int                          *said)
{
  *said = import ? 1 : 0;
}

static GtkWindow *
find_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window; /* the toplevels' list keeps it */
    }
  return NULL;
}

static gboolean
import_chooser_shown (gpointer data)
{
  return find_titled ("Import Tracker") != NULL;
}

/* Import Tracker… (the page's default) runs win.import once the programme is open, which asks
 * for the tracker's file. */
static void
test_import_runs_import (Fixture       *f,
                         gconstpointer  data)
{
  PathwayNewProgrammeAssistant *assistant;
  int said = -1;

  assistant = open_assistant (f);
  type_into (GTK_WIDGET (assistant), "assistant-name-row", "Imported programme");
  activate (assistant, "assistant.next");
  activate (assistant, "assistant.next");
  g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, "start");
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (named (GTK_WIDGET (assistant), "assistant-import-check"))));
  pathway_new_programme_assistant_set_path (assistant, f->path);
  g_signal_connect (assistant, "created", G_CALLBACK (created_cb), &said);

  activate (assistant, "assistant.create");
  wait_for ("the new programme to open in the window", document_open, f);
  g_assert_cmpint (said, ==, 1);
  wait_for ("the window to ask for the tracker to import", import_chooser_shown, NULL);
  gtk_window_destroy (find_titled ("Import Tracker"));
}

/* Screenshots ---------------------------------------------------------------------------------- */

static void
show_at (GtkWindow *window,
         int        width,
         int        height)
{
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wait_for_window_size (window, width, height);
  wait_for_drawn (window);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 768 } };
  static const char *const pages[] = { "programme", "ratings", "start", "board" };
  PathwayNewProgrammeAssistant *assistant;

  if (folder == NULL)
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (folder, 0755);
  assistant = open_assistant (f);
  type_into (GTK_WIDGET (assistant), "assistant-name-row", "Sallowmere SEND Improvement Programme");
  type_into (GTK_WIDGET (assistant), "assistant-local-area-row", "Sallowmere");
  type_into (GTK_WIDGET (assistant), "assistant-inspection-date-row", "14/03/2025");
  type_into (GTK_WIDGET (assistant), "assistant-board-name-row", BOARD_NAME);
  type_into (GTK_WIDGET (assistant), "assistant-chair-name-row", "Sam Okafor");
  type_into (GTK_WIDGET (assistant), "assistant-meeting-date-row", "18 November 2026");

  for (int dark = 0; dark <= 1; dark++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
        show_at (GTK_WINDOW (assistant), sizes[s].width, sizes[s].height);
        while (g_strcmp0 (pathway_new_programme_assistant_get_page (assistant), "programme") != 0)
          activate (assistant, "assistant.back");
        for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
          {
            g_autofree char *name = g_strdup_printf ("new-programme-%s-%dx%d-%s.png", pages[p],
                                                     sizes[s].width, sizes[s].height,
                                                     dark ? "dark" : "light");
            g_autofree char *path = g_build_filename (folder, name, NULL);

            g_assert_cmpstr (pathway_new_programme_assistant_get_page (assistant), ==, pages[p]);
            save_png (assistant, path);
            g_test_message ("saved %s", path);
            if (p + 1 < G_N_ELEMENTS (pages))
              activate (assistant, "assistant.next");
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/new-programme/creates-programme", test_creates_programme);
  ADD ("/ui/new-programme/escape-cancels", test_escape_cancels);
  ADD ("/ui/new-programme/refuses-existing-file", test_refuses_existing_file);
  ADD ("/ui/new-programme/import-runs-import", test_import_runs_import);
  ADD ("/ui/new-programme/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
