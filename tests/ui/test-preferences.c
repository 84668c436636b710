/* test-preferences.c: the preferences window on a copy of the demo programme. It proves that
 * the programme's settings are written through the document when a row is applied (and are
 * in the file after it closes), that a date Pathway cannot read is refused next to its field,
 * that a read-only programme cannot be changed here, that the person's preferences go to
 * GSettings, that the rows follow undo and show user text as written, and that the keyboard
 * shortcuts window loads. With PATHWAY_SCREENSHOT_DIR set it saves both pages, light and
 * dark, there. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pathway-demo.h"
#include "pathway-entry-row.h"
#include "pathway-preferences-window.h"

#define TRICKY_NAME "S<OT & \"SALT\" <b>x</b>"

typedef struct {
  char *dir;
  char *path;
  PathwayDocument *document;
  GSettings *settings; /* NULL unless the test asks for settings */
  PathwayPreferencesWindow *window;
} Fixture;

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->window), name);

  g_assert_nonnull (widget);
  return widget;
}

static PathwayEntryRow *
entry_row (Fixture    *f,
           const char *name)
{
  GtkWidget *widget = named (f, name);

  g_assert_true (PATHWAY_IS_ENTRY_ROW (widget));
  return PATHWAY_ENTRY_ROW (widget);
}

/* Types into a row and applies it, as the row's apply button does. */
static void
apply_text (PathwayEntryRow *row,
            const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (f->document);
}

static PathwayRatingScheme *
scheme_of (Fixture *f)
{
  return pathway_programme_get_rating_scheme (programme_of (f));
}

static void
open_window (Fixture *f)
{
  f->window = pathway_preferences_window_new (NULL, f->settings, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwayOpenFlags flags = GPOINTER_TO_UINT (data);

  f->dir = g_dir_make_tmp ("pathway-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);

  f->document = pathway_document_open (f->path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->document);
}

/* Settings in memory, on the schema the build compiled (GSETTINGS_SCHEMA_DIR). */
static void
fixture_set_up_with_settings (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture_set_up (f, data);
  f->settings = g_settings_new_with_backend (APP_ID, backend);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    destroy_window (f->window);
  g_clear_object (&f->settings);
  if (f->document != NULL)
    pathway_document_close (f->document);
  g_clear_object (&f->document);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
window_gone (gpointer data)
{
  Fixture *f = data;

  return f->window == NULL;
}

static void
test_name_is_written_to_file (Fixture       *f,
                              gconstpointer  data)
{
  const char *name = "Sallowmere Local Area SEND Improvement Programme";
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) reopened = NULL;
  PathwayEntryRow *row;

  open_window (f);
  row = entry_row (f, "programme-name-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   pathway_programme_get_name (programme_of (f)));

  /* Typing alone changes nothing; applying does. */
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), !=, name);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), ==, name);

  /* Closed as a person closes it, and gone before the file is read again. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  wait_for ("the preferences window to be finalized once closed", window_gone, f);

  pathway_document_close (f->document);
  g_clear_object (&f->document);
  reopened = pathway_document_open (f->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_programme_get_name (pathway_document_get_programme (reopened)), ==,
                   name);
  pathway_document_close (reopened);
}

static void
test_unapplied_text_is_saved_on_close (Fixture       *f,
                                       gconstpointer  data)
{
  open_window (f);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (f, "partners-row")), "Council and ICB");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, "vision-view"))),
                            "Every child known.", -1);
  g_assert_true (gtk_widget_get_visible (named (f, "vision-save-button")));

  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_cmpstr (pathway_programme_get_partners (programme_of (f)), ==, "Council and ICB");
  g_assert_cmpstr (pathway_programme_get_vision (programme_of (f)), ==, "Every child known.");
}

static void
test_vision_saves_with_button (Fixture       *f,
                               gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkWidget *save;

  open_window (f);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, "vision-view")));
  save = named (f, "vision-save-button");
  g_assert_false (gtk_widget_get_visible (save));

  gtk_text_buffer_set_text (buffer, "Heard, helped early, close to home.", -1);
  g_assert_true (gtk_widget_get_visible (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_cmpstr (pathway_programme_get_vision (programme_of (f)), ==,
                   "Heard, helped early, close to home.");
  g_assert_false (gtk_widget_get_visible (save));
}

static void
test_amber_definition_updates_scheme (Fixture       *f,
                                      gconstpointer  data)
{
  const char *definition = "Behind, with a recovery plan the board has agreed";

  open_window (f);
  apply_text (entry_row (f, "amber-definition-row"), definition);
  g_assert_cmpstr (pathway_rating_scheme_get_definition (scheme_of (f), PATHWAY_RATING_AMBER),
                   ==, definition);

  apply_text (entry_row (f, "amber-label-row"), "Yellow");
  g_assert_cmpstr (pathway_rating_scheme_get_label (scheme_of (f), PATHWAY_RATING_AMBER), ==,
                   "Yellow");
}

static void
test_brag_shows_blue_rows (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *blue_label, *blue_definition;
  GtkSwitch *brag;

  open_window (f);
  brag = GTK_SWITCH (named (f, "brag-switch"));
  blue_label = named (f, "blue-label-row");
  blue_definition = named (f, "blue-definition-row");

  g_assert_false (pathway_rating_scheme_get_uses_blue (scheme_of (f)));
  g_assert_false (gtk_switch_get_active (brag));
  g_assert_false (gtk_widget_get_visible (blue_label));
  g_assert_false (gtk_widget_get_visible (blue_definition));

  gtk_switch_set_active (brag, TRUE);
  g_assert_true (pathway_rating_scheme_get_uses_blue (scheme_of (f)));
  g_assert_true (gtk_widget_get_visible (blue_label));
  g_assert_true (gtk_widget_get_visible (blue_definition));

  /* Undone elsewhere, the switch and the rows follow. */
  g_assert_true (pathway_document_undo (f->document, NULL));
  g_assert_false (gtk_switch_get_active (brag));
  g_assert_false (gtk_widget_get_visible (blue_label));
}

/* The message beside a date that could not be read, when it is on screen. */
static gboolean
date_error_shown (PathwayEntryRow *row)
{
  GtkWidget *message = find_named (GTK_WIDGET (row), "date-error");

  return message != NULL && gtk_widget_is_visible (message);
}

static void
test_invalid_date_is_refused (Fixture       *f,
                              gconstpointer  data)
{
  PathwayProgramme *programme;
  PathwayEntryRow *row;
  GDate before;
  const GDate *after;

  open_window (f);
  programme = programme_of (f);
  before = *pathway_programme_get_inspection_date (programme);
  row = entry_row (f, "inspection-date-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "14 March 2025");
  g_assert_false (date_error_shown (row));

  /* A month is not a day; nonsense is not a date. Neither is saved. */
  for (guint i = 0; i < 2; i++)
    {
      apply_text (row, i == 0 ? "March 2025" : "the Ides of March");
      g_assert_true (date_error_shown (row));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
      after = pathway_programme_get_inspection_date (programme);
      g_assert_nonnull (after);
      g_assert_cmpint (g_date_compare (&before, after), ==, 0);
    }

  /* Putting it right takes the error away, and each way of writing a day is read. */
  gtk_editable_set_text (GTK_EDITABLE (row), "14/03/202");
  g_assert_false (date_error_shown (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  apply_text (row, "14/03/2025");
  g_assert_false (date_error_shown (row));
  apply_text (row, "2025-03-21");
  after = pathway_programme_get_inspection_date (programme);
  g_assert_cmpint (g_date_get_day (after), ==, 21);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "21 March 2025");
  apply_text (row, "4 April 2025");
  after = pathway_programme_get_inspection_date (programme);
  g_assert_cmpint (g_date_get_month (after), ==, G_DATE_APRIL);
  g_assert_cmpint (g_date_get_day (after), ==, 4);

  /* Empty means there is no date yet. */
  apply_text (entry_row (f, "plan-agreed-row"), "");
  g_assert_null (pathway_programme_get_plan_agreed (programme));
}

static GtkLabel *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  Fixture *f;
  const char *text;
} ToastShows;

static gboolean
toast_shows (gpointer data)
{
  ToastShows *shows = data;

  return find_label_with_text (GTK_WIDGET (shows->f->window), shows->text) != NULL;
}

static void
test_write_error_shows_toast (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *name = g_strdup (pathway_programme_get_name (programme_of (f)));
  g_autoptr(GError) expected = NULL;
  ToastShows shows = { f, NULL };
  PathwayEntryRow *row;

  open_window (f);
  row = entry_row (f, "programme-name-row");

  /* A write that cannot happen (the file was closed under the window) is told, not hidden,
   * and what was typed stays in the row. */
  pathway_document_close (f->document);
  g_assert_false (pathway_document_set_text (f->document, programme_of (f), "name", "x",
                                             &expected));
  apply_text (row, "Kell Valley <b>SEND</b>");
  shows.text = expected->message;
  wait_for ("a toast saying why the name was not written", toast_shows, &shows);
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Kell Valley <b>SEND</b>");
}

static void
test_regime_is_written (Fixture       *f,
                        gconstpointer  data)
{
  AdwComboRow *row;

  open_window (f);
  row = ADW_COMBO_ROW (named (f, "regime-row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==,
                    pathway_programme_get_regime (programme_of (f)));

  adw_combo_row_set_selected (row, PATHWAY_REGIME_PRIORITY_ACTIONS_2023);
  g_assert_cmpint (pathway_programme_get_regime (programme_of (f)), ==,
                   PATHWAY_REGIME_PRIORITY_ACTIONS_2023);
}

static void
test_rows_follow_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *name = g_strdup (pathway_programme_get_name (programme_of (f)));
  PathwayEntryRow *row;

  open_window (f);
  row = entry_row (f, "programme-name-row");
  apply_text (row, "Kell Valley");
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), ==, "Kell Valley");

  g_assert_true (pathway_document_undo (f->document, NULL));
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, name);
}

/* A rolled-back batch reloads the programme into new objects; the rows move to them. */
static void
test_follows_replaced_programme (Fixture       *f,
                                 gconstpointer  data)
{
  PathwayProgramme *before = programme_of (f);
  g_autofree char *name = g_strdup (pathway_programme_get_name (before));
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(GError) error = NULL;
  PathwayEntryRow *row;

  open_window (f);
  row = entry_row (f, "programme-name-row");
  g_assert_true (pathway_document_begin_batch (f->document, "Import", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (f->document, before, "name", "Half imported",
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Half imported");
  /* An added board is taken back only by reloading the programme. */
  pathway_board_set_name (board, "Imported board");
  g_assert_true (pathway_document_add_board (f->document, board, &error));
  g_assert_no_error (error);
  pathway_document_rollback_batch (f->document);

  g_assert_true (programme_of (f) != before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, name);
  g_assert_cmpuint (g_list_model_get_n_items (
                      adw_combo_row_get_model (ADW_COMBO_ROW (named (f, "default-board-row")))),
                    ==, 1);
  apply_text (row, "After the rollback");
  g_assert_cmpstr (pathway_programme_get_name (programme_of (f)), ==, "After the rollback");
}

static void
test_shows_user_text_as_written (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwayEntryRow *name_row, *amber_row;

  open_window (f);
  g_assert_true (pathway_document_set_text (f->document, programme_of (f), "name", TRICKY_NAME,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (f->document, scheme_of (f), "amber-label",
                                            TRICKY_NAME, &error));
  g_assert_no_error (error);

  name_row = entry_row (f, "programme-name-row");
  amber_row = entry_row (f, "amber-label-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, TRICKY_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amber_row)), ==, TRICKY_NAME);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (name_row)));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (amber_row)));
  g_assert_false (adw_preferences_row_get_use_markup (
    ADW_PREFERENCES_ROW (named (f, "default-board-row"))));
}

static void
test_read_only_programme_is_insensitive (Fixture       *f,
                                         gconstpointer  data)
{
  const char *rows[] = {
    "programme-name-row", "local-area-row", "partners-row", "regime-row",
    "inspection-date-row", "vision-view", "brag-switch", "red-label-row",
    "amber-definition-row",
  };

  g_assert_true (pathway_document_get_read_only (f->document));
  open_window (f);
  pathway_preferences_window_show_programme (f->window);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (
                     ADW_PREFERENCES_WINDOW (f->window)), ==, "programme");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_false (gtk_widget_is_sensitive (named (f, rows[i])));
  g_assert_true (gtk_widget_is_drawable (named (f, "programme-note")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (f, "programme-note-reason"))), ==,
                   pathway_document_get_read_only_reason (f->document));
}


/* Into PATHWAY_SCREENSHOT_DIR when it is set. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (folder == NULL || folder[0] == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  path = g_build_filename (folder, name, NULL);
  save_png (f->window, path);
}

static void
test_no_programme_is_insensitive (Fixture       *f,
                                  gconstpointer  data)
{
  f->window = pathway_preferences_window_new (NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);

  g_assert_false (gtk_widget_is_sensitive (named (f, "programme-name-row")));
  g_assert_false (gtk_widget_is_sensitive (named (f, "author-name-row")));
  g_assert_true (gtk_widget_is_visible (named (f, "settings-note")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (f, "programme-name-row"))),
                   ==, "");
  save_screenshot (f, "preferences-unavailable-personal-light.png");
  pathway_preferences_window_show_programme (f->window);
  save_screenshot (f, "preferences-unavailable-programme-light.png");
}

static void
test_preferences_go_to_settings (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *chosen = NULL;
  PathwayEntryRow *row;
  AdwComboRow *boards;
  GListModel *names;

  open_window (f);
  g_assert_true (gtk_widget_is_sensitive (named (f, "author-name-row")));
  g_assert_false (gtk_widget_is_visible (named (f, "settings-note")));

  row = entry_row (f, "author-name-row");
  gtk_editable_set_text (GTK_EDITABLE (row), TRICKY_NAME);
  author = g_settings_get_string (f->settings, "author-name");
  g_assert_cmpstr (author, ==, TRICKY_NAME);

  /* The stale limit is the programme's: kept in the file, followed when it changes there. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (f, "stale-days-spin")), 30);
  g_assert_cmpint (pathway_programme_get_stale_days (pathway_document_get_programme (f->document)),
                   ==, 30);
  {
    g_auto(GValue) days = G_VALUE_INIT;

    g_value_init (&days, G_TYPE_INT);
    g_value_set_int (&days, 90);
    g_assert_true (pathway_document_set_value (f->document,
                                               pathway_document_get_programme (f->document),
                                               "stale-days", &days, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (named (f, "stale-days-spin"))),
                     ==, 90);

  /* Ratings in the public version, and the area's own word for a risk level: kept in the file,
   * one undo each; an empty level keeps the usual word. */
  {
    PathwayProgramme *programme = pathway_document_get_programme (f->document);
    GtkWidget *level = named (f, "likelihood-4-row");

    g_assert_true (pathway_programme_get_public_ratings (programme));
    gtk_switch_set_active (GTK_SWITCH (named (f, "public-ratings-switch")), FALSE);
    g_assert_false (pathway_programme_get_public_ratings (programme));
    gtk_editable_set_text (GTK_EDITABLE (level), TRICKY_NAME);
    g_signal_emit_by_name (level, "apply");
    g_assert_cmpstr (pathway_programme_get_likelihood_word (programme, 4), ==, TRICKY_NAME);
    g_assert_cmpstr (pathway_programme_get_likelihood_word (programme, 3), ==, "Possible");
    g_assert_cmpstr (pathway_programme_get_impact_word (programme, 4), ==, "Major");
    g_assert_true (pathway_document_undo (f->document, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (pathway_programme_get_likelihood_word (programme, 4), ==, "Likely");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level)), ==, "");
    g_assert_true (pathway_document_undo (f->document, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (named (f, "public-ratings-switch"))));
  }

  /* The default board is chosen from the programme's boards, and follows new ones. */
  boards = ADW_COMBO_ROW (named (f, "default-board-row"));
  names = adw_combo_row_get_model (boards);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  pathway_board_set_name (board, "Health & <Care> Board");
  g_assert_true (pathway_document_add_board (f->document, board, &error));
  g_assert_no_error (error);
  names = adw_combo_row_get_model (boards);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                   "Health & <Care> Board");
  adw_combo_row_set_selected (boards, 1);
  chosen = g_settings_get_string (f->settings, "default-board");
  g_assert_cmpstr (chosen, ==, "Health & <Care> Board");
}

static void
test_help_overlay_loads (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/pathway/Pathway/ui/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  if (folder != NULL && folder[0] != '\0')
    {
      g_autofree char *path = g_build_filename (folder, "keyboard-shortcuts-light.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      gtk_window_present (GTK_WINDOW (overlay));
      save_png (overlay, path);
    }
  /* The builder holds it too, until the end of this function. */
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Scrolls the visible page to its start or its end, to show what lies below the first
 * screen. */
static void
scroll_page (Fixture  *f,
             gboolean  to_end)
{
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (
    ADW_PREFERENCES_WINDOW (f->window)));
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adjustment;

  while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
    scrolled = gtk_widget_get_first_child (scrolled);
  g_assert_nonnull (scrolled);
  /* Laid out, so that the page knows how far it scrolls. */
  wait_for_drawn (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, to_end ? gtk_adjustment_get_upper (adjustment) : 0);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  g_settings_set_string (f->settings, "author-name", "Priya Shah");
  open_window (f);
  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autofree char *personal = g_strdup_printf ("preferences-personal-%s.png", scheme);
      g_autofree char *programme = g_strdup_printf ("preferences-programme-%s.png", scheme);
      g_autofree char *rest = g_strdup_printf ("preferences-programme-end-%s.png", scheme);
      g_autofree char *path = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window),
                                                    "preferences");
      path = g_build_filename (folder, personal, NULL);
      save_png (f->window, path);
      g_clear_pointer (&path, g_free);

      pathway_preferences_window_show_programme (f->window);
      scroll_page (f, FALSE);
      path = g_build_filename (folder, programme, NULL);
      save_png (f->window, path);
      g_clear_pointer (&path, g_free);

      scroll_page (f, TRUE);
      path = g_build_filename (folder, rest, NULL);
      save_png (f->window, path);
    }

  /* Mid-edit: a date that could not be read, blue in use, the vision changed but not saved. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  apply_text (entry_row (f, "inspection-date-row"), "Spring 2025");
  gtk_switch_set_active (GTK_SWITCH (named (f, "brag-switch")), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (f, "vision-view"))),
                            "Every child known, heard and helped early.", -1);
  for (int end = 0; end <= 1; end++)
    {
      g_autofree char *path = g_build_filename (folder, end ? "preferences-editing-end-light.png"
                                                            : "preferences-editing-light.png",
                                                NULL);

      scroll_page (f, end);
      save_png (f->window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_saves_read_only_screenshot (Fixture       *f,
                                 gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  open_window (f);
  pathway_preferences_window_show_programme (f->window);
  path = g_build_filename (folder, "preferences-programme-read-only.png", NULL);
  save_png (f->window, path);
}

/* Every field, drop-down, switch and button of both pages has a name for a screen reader. */
static void
test_every_control_is_named (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  open_window (f);
  ui_test_collect_unnamed (GTK_WIDGET (f->window), unnamed);
  if (unnamed->len > 0)
    g_error ("without a name: %s", unnamed->str);
}

int
main (int   argc,
      char *argv[])
{
  gconstpointer read_only = GUINT_TO_POINTER (PATHWAY_OPEN_READ_ONLY);

  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/preferences/programme-name-is-written-to-file", Fixture, NULL,
              fixture_set_up, test_name_is_written_to_file, fixture_tear_down);
  g_test_add ("/ui/preferences/unapplied-text-is-saved-on-close", Fixture, NULL,
              fixture_set_up, test_unapplied_text_is_saved_on_close, fixture_tear_down);
  g_test_add ("/ui/preferences/vision-saves-with-button", Fixture, NULL, fixture_set_up,
              test_vision_saves_with_button, fixture_tear_down);
  g_test_add ("/ui/preferences/amber-definition-updates-scheme", Fixture, NULL, fixture_set_up,
              test_amber_definition_updates_scheme, fixture_tear_down);
  g_test_add ("/ui/preferences/brag-shows-blue-rows", Fixture, NULL, fixture_set_up,
              test_brag_shows_blue_rows, fixture_tear_down);
  g_test_add ("/ui/preferences/invalid-date-is-refused-next-to-field", Fixture, NULL,
              fixture_set_up, test_invalid_date_is_refused, fixture_tear_down);
  g_test_add ("/ui/preferences/write-error-shows-toast", Fixture, NULL, fixture_set_up,
              test_write_error_shows_toast, fixture_tear_down);
  g_test_add ("/ui/preferences/regime-is-written", Fixture, NULL, fixture_set_up,
              test_regime_is_written, fixture_tear_down);
  g_test_add ("/ui/preferences/rows-follow-undo", Fixture, NULL, fixture_set_up,
              test_rows_follow_undo, fixture_tear_down);
  g_test_add ("/ui/preferences/follows-replaced-programme", Fixture, NULL, fixture_set_up,
              test_follows_replaced_programme, fixture_tear_down);
  g_test_add ("/ui/preferences/shows-user-text-as-written", Fixture, NULL, fixture_set_up,
              test_shows_user_text_as_written, fixture_tear_down);
  g_test_add ("/ui/preferences/read-only-programme-is-insensitive", Fixture, read_only,
              fixture_set_up, test_read_only_programme_is_insensitive, fixture_tear_down);
  g_test_add ("/ui/preferences/without-programme-or-settings-is-insensitive", Fixture, NULL,
              fixture_set_up, test_no_programme_is_insensitive, fixture_tear_down);
  g_test_add ("/ui/preferences/preferences-go-to-settings", Fixture, NULL,
              fixture_set_up_with_settings, test_preferences_go_to_settings,
              fixture_tear_down);
  g_test_add ("/ui/preferences/help-overlay-loads", Fixture, NULL, fixture_set_up,
              test_help_overlay_loads, fixture_tear_down);
  g_test_add ("/ui/preferences/every-control-is-named", Fixture, NULL,
              fixture_set_up_with_settings, test_every_control_is_named, fixture_tear_down);
  g_test_add ("/ui/preferences/saves-screenshots", Fixture, NULL, fixture_set_up_with_settings,
              test_saves_screenshots, fixture_tear_down);
  g_test_add ("/ui/preferences/saves-read-only-screenshot", Fixture, read_only,
              fixture_set_up, test_saves_read_only_screenshot, fixture_tear_down);

  return g_test_run ();
}
