/* test-server.c: windows on a programme kept on a real PostgreSQL server (PATHWAY_TEST_PG,
 * started by build-aux/test; without it the program skips). The demo programme is uploaded
 * to a new database and two roles of this test's own sign in as Beth Kowalski and Omar
 * Haddad, each in a window of their own. It proves that a re-rating in Beth's window reaches
 * Omar's model and is told in a toast naming her; that Omar's save over a commentary Beth
 * changed while his editor was open is refused with her name in the editor, his text kept,
 * and applied by a second Save, after which Beth's undo is refused in a toast naming him;
 * that the lost-connection bar comes when the server ends
 * Omar's connections (an open editor turning read-only, keeping what was typed) and goes,
 * with a toast, when the window has connected again; that
 * Connect to Server… opens a programme (and says in the dialog, the rows kept, why one would
 * not open), names its rows for screen readers and is reached by Tab; that `pathway URI`
 * opens it from the command line and Open Recent opens it again, without a password in the
 * URI it keeps. With PATHWAY_SCREENSHOT_DIR set it saves the dialog and the window with the
 * lost-connection bar at 1024x768 and 1920x1080 (when the screen is that big), light and
 * dark, there.
 *
 * The roles are this test's own (pathway_ui_beth, pathway_ui_omar): roles belong to the whole
 * server, and the store's tests, which may run at the same time, sign in as beth and omar. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-action-editor.h"
#include "pathway-application.h"
#include "pathway-connect-dialog.h"
#include "pathway-demo.h"
#include "pathway-remote.h"
#include "pathway-server-location.h"
#include "pathway-window.h"
#include "pg-test-util.h"

#define BETH_ROLE "pathway_ui_beth"
#define OMAR_ROLE "pathway_ui_omar"

typedef struct {
  char *db;    /* the database, as the superuser (its owner) */
  char *beth;  /* signed in as Beth Kowalski */
  char *omar;  /* signed in as Omar Haddad */
  char *dir;
  PathwayWindow *first;  /* Beth's */
  PathwayWindow *second; /* Omar's */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *path = NULL;

  f->db = pathway_test_pg_new_database ();
  f->beth = pathway_test_pg_add_role (base, BETH_ROLE, f->db);
  f->omar = pathway_test_pg_add_role (base, OMAR_ROLE, f->db);
  f->dir = g_dir_make_tmp ("pathway-ui-server-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (path, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_server_upload (path, f->db, NULL, &error));
  g_assert_no_error (error);
  /* Both manage the programme (who may change what: tests/store/test-access.c). */
  g_assert_true (pathway_server_add_user (f->db, NULL, BETH_ROLE, "Beth Kowalski",
                                          PATHWAY_ACCESS_MANAGER, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_server_add_user (f->db, NULL, OMAR_ROLE, "Omar Haddad",
                                          PATHWAY_ACCESS_MANAGER, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->first != NULL)
    destroy_window (f->first);
  if (f->second != NULL)
    destroy_window (f->second);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->beth);
  g_free (f->omar);
}

/* Finding things ------------------------------------------------------------------------------ */

static gboolean
has_document (gpointer data)
{
  return pathway_window_get_document (data) != NULL;
}

/* A window showing the programme at 'uri': opened in the background, as from Open Recent. */
static PathwayWindow *
open_window (const char *uri)
{
  PathwayWindow *window = pathway_window_new (NULL);

  pathway_window_open_location (window, uri);
  gtk_window_present (GTK_WINDOW (window));
  wait_for ("the programme on the server to open", has_document, window);
  wait_for_mapped (window);
  g_assert_true (pathway_document_get_remote (pathway_window_get_document (window)));
  return window;
}

static PathwayAction *
find_action (PathwayWindow *window, const char *reference)
{
  PathwayAction *action = pathway_programme_find_action_by_reference (
    pathway_document_get_programme (pathway_window_get_document (window)), reference);

  g_assert_nonnull (action);
  return action;
}

/* The title of the toast on show, or NULL (libadwaita 1.2 has no public way to ask the
 * overlay: the widget it shows a toast in holds it). */
static const char *
shown_toast_title (PathwayWindow *window)
{
  GType type = g_type_from_name ("AdwToastWidget");
  GtkWidget *widget = type != 0 ? find_of_type (GTK_WIDGET (window), type, NULL) : NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (widget == NULL)
    return NULL;
  g_object_get (widget, "toast", &toast, NULL);
  /* The overlay holds the toast while it shows. */
  return toast != NULL ? adw_toast_get_title (toast) : NULL;
}

static gboolean
toast_says (PathwayWindow *window, const char *words)
{
  const char *title = shown_toast_title (window);

  return title != NULL && strstr (title, words) != NULL;
}

static const char *
subtitle_of (PathwayWindow *window)
{
  GtkWidget *title = find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL);

  g_assert_nonnull (title);
  return adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title));
}

/* The first actionable widget below root bound to the action. */
static GtkWidget *
find_actionable (GtkWidget *root, const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
no_toplevel (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static GtkWidget *
named (gpointer root, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* A change in one window reaches the other ---------------------------------------------------- */

typedef struct {
  PathwayWindow *window;
  PathwayAction *action;
  PathwayRating rating;
} RatingSeen;

static gboolean
rating_seen (gpointer data)
{
  RatingSeen *seen = data;

  return pathway_action_get_rating (seen->action) == seen->rating &&
         toast_says (seen->window, "Beth Kowalski re-rated 2A v");
}

static void
test_change_reaches_other_window (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayServerLocation) place = pathway_server_location_parse (f->omar);
  g_autofree char *expected = g_strdup_printf ("%s on this computer", place->database);
  PathwayAction *in_beth;
  RatingSeen seen;

  f->first = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->first, f->beth, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->first));
  f->second = open_window (f->omar);

  /* The window names the database and its server, and never a password. */
  g_assert_cmpstr (subtitle_of (f->second), ==, expected);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (f->second)), "password"));

  in_beth = find_action (f->first, "2A v");
  seen.window = f->second;
  seen.action = find_action (f->second, "2A v");
  seen.rating = pathway_action_get_rating (in_beth) == PATHWAY_RATING_RED ? PATHWAY_RATING_GREEN
                                                                          : PATHWAY_RATING_RED;
  g_assert_cmpint (pathway_action_get_rating (seen.action), !=, seen.rating);
  g_assert_true (pathway_document_set_rating (pathway_window_get_document (f->first), in_beth,
                                              seen.rating, "Reviewed at the board", &error));
  g_assert_no_error (error);
  wait_for ("Omar's window to show Beth's rating and say so", rating_seen, &seen);
  /* In place: the same action, so views keep their selection. */
  g_assert_true (seen.action == find_action (f->second, "2A v"));
}

/* A save over someone else's change is refused, naming them ------------------------------------ */

typedef struct {
  PathwayAction *action;
  const char *commentary;
} CommentarySeen;

static gboolean
commentary_seen (gpointer data)
{
  CommentarySeen *seen = data;

  return g_strcmp0 (pathway_action_get_commentary (seen->action), seen->commentary) == 0;
}

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The refusal, after the toast saying that his change came in. */
static gboolean
toast_names_omar (gpointer data)
{
  return toast_says (data, "Omar Haddad changed");
}

static void
save_toast_shot (PathwayWindow *window)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (folder == NULL || *folder == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  path = g_build_filename (folder, "server-undo-refused-light.png", NULL);
  save_png (window, path);
}

static void
test_conflicting_save_refused (Fixture *f, gconstpointer data)
{
  const char *typed = "Omar: the SALT pathway was agreed with the trust on Tuesday.";
  const char *hers = "Beth: waiting for the trust's sign-off.";
  g_autoptr(GError) error = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *kept = NULL;
  PathwayActionEditor *editor;
  PathwayAction *in_omar;
  CommentarySeen seen;
  GtkWidget *message;

  f->first = open_window (f->beth);
  f->second = open_window (f->omar);
  in_omar = find_action (f->second, "1A i");

  /* Omar opens the action and writes his commentary... */
  gtk_widget_activate_action (GTK_WIDGET (f->second), "win.edit-action", "x",
                              pathway_action_get_id (in_omar));
  editor = find_toplevel (PATHWAY_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  wait_for_mapped (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (editor,
                                                                            "commentary-view"))),
                            typed, -1);

  /* ...while Beth changes it in her window, and his copy follows. */
  g_assert_true (pathway_document_set_commentary (pathway_window_get_document (f->first),
                                                  find_action (f->first, "1A i"), hers,
                                                  &error));
  g_assert_no_error (error);
  seen.action = in_omar;
  seen.commentary = hers;
  wait_for ("Omar's copy to have Beth's commentary", commentary_seen, &seen);

  /* His save is refused, naming her; what he typed stays, and the server keeps hers. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  drain_main_loop ();
  g_assert_true (find_toplevel (PATHWAY_TYPE_ACTION_EDITOR) == editor);
  message = named (editor, "save-error");
  g_assert_true (gtk_widget_get_mapped (message) ||
                 gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
                   message, GTK_TYPE_REVEALER))));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Beth Kowalski"));
  kept = dup_view_text (named (editor, "commentary-view"));
  g_assert_cmpstr (kept, ==, typed);
  on_server = pathway_test_pg_query_text (f->db,
                                          "SELECT commentary FROM action WHERE reference = '1A i'");
  g_assert_cmpstr (on_server, ==, hers);
  g_assert_cmpstr (pathway_action_get_commentary (in_omar), ==, hers);

  /* Having seen hers, a second Save writes his over it on purpose. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_for ("the editor to close", no_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_ACTION_EDITOR));
  g_free (on_server);
  on_server = pathway_test_pg_query_text (f->db,
                                          "SELECT commentary FROM action WHERE reference = '1A i'");
  g_assert_cmpstr (on_server, ==, typed);
  g_assert_cmpstr (pathway_action_get_commentary (in_omar), ==, typed);

  /* Beth's undo would take back Omar's words: refused, in a toast naming him. */
  seen.action = find_action (f->first, "1A i");
  seen.commentary = typed;
  wait_for ("Beth's copy to have Omar's commentary", commentary_seen, &seen);
  gtk_widget_activate_action (GTK_WIDGET (f->first), "win.undo", NULL);
  wait_for ("a toast naming Omar", toast_names_omar, f->first);
  g_test_message ("undo refused: %s", shown_toast_title (f->first));
  g_assert_cmpstr (pathway_action_get_commentary (seen.action), ==, typed);
  save_toast_shot (f->first);
  /* The toast's title is one line: Details gives the whole message. */
  {
    GtkWidget *widget = find_of_type (GTK_WIDGET (f->first),
                                      g_type_from_name ("AdwToastWidget"), NULL);
    g_autoptr(AdwToast) toast = NULL;
    AdwMessageDialog *details;

    g_object_get (widget, "toast", &toast, NULL);
    g_signal_emit_by_name (toast, "button-clicked");
    details = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (details);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (details), "Omar Haddad"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (details), "after you last saw it"));
    gtk_window_destroy (GTK_WINDOW (details));
  }
}

/* The lost-connection bar ---------------------------------------------------------------------- */

static gboolean
bar_shown (gpointer data)
{
  PathwayWindow *window = data;
  GtkWidget *label = named (window, "read-only-reason");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));

  return gtk_revealer_get_reveal_child (revealer) &&
         strstr (gtk_label_get_text (GTK_LABEL (label)), "connection to the server is lost") !=
           NULL;
}

static gboolean
bar_gone (gpointer data)
{
  PathwayWindow *window = data;
  GtkWidget *label = named (window, "read-only-reason");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));

  return !gtk_revealer_get_reveal_child (revealer) && toast_says (window, "Connected again");
}

/* Ends every connection Omar has to this test's database. */
static void
end_omars_connections (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_test_pg_exec (f->db,
                                       "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                       " WHERE usename = '" OMAR_ROLE "'"
                                       " AND datname = current_database ()",
                                       &error));
  g_assert_no_error (error);
}

static gboolean
editor_writable (gpointer data)
{
  return gtk_widget_get_visible (named (data, "save-button"));
}

static void
test_lost_connection_bar (Fixture *f, gconstpointer data)
{
  const char *typed = "Half-written while the network went.";
  g_autofree char *kept = NULL;
  PathwayActionEditor *editor;
  GtkWidget *new_action;
  GtkWidget *commentary;

  f->second = open_window (f->omar);
  new_action = find_actionable (GTK_WIDGET (f->second), "win.new-action");
  g_assert_nonnull (new_action);
  g_assert_true (gtk_widget_is_sensitive (new_action));
  /* An editor open, with something typed in it. */
  gtk_widget_activate_action (GTK_WIDGET (f->second), "win.edit-action", "x",
                              pathway_action_get_id (find_action (f->second, "1A i")));
  editor = find_toplevel (PATHWAY_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  wait_for_mapped (editor);
  commentary = named (editor, "commentary-view");
  gtk_widget_grab_focus (commentary);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (commentary)), typed, -1);
  g_assert_true (editor_writable (editor));

  end_omars_connections (f);
  wait_for ("the lost-connection bar", bar_shown, f->second);
  g_test_message ("the bar: %s",
                  gtk_label_get_text (GTK_LABEL (named (f->second, "read-only-reason"))));
  /* Readable, and nothing can be changed meanwhile; the editor says why and keeps what was
   * typed. */
  g_assert_true (pathway_document_get_read_only (pathway_window_get_document (f->second)));
  g_assert_false (gtk_widget_is_sensitive (new_action));
  g_assert_false (editor_writable (editor));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (editor, "read-only-reason"))),
                            "connection to the server is lost"));
  kept = dup_view_text (commentary);
  g_assert_cmpstr (kept, ==, typed);

  /* The window connects again by itself, and the editor can save once more. */
  wait_for ("the bar to go and a toast to say so", bar_gone, f->second);
  g_assert_true (gtk_widget_is_sensitive (new_action));
  g_assert_true (editor_writable (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_for ("the editor to close", no_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_ACTION_EDITOR));
  g_assert_cmpstr (pathway_action_get_commentary (find_action (f->second, "1A i")), ==, typed);
}

/* Screenshots of the bar: the database is closed to Omar meanwhile, so that it stays. */
static void
save_window_shot (PathwayWindow *window, const char *folder, int width, int height,
                  gboolean dark)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  GdkMonitor *monitor = g_list_model_get_item (monitors, 0);
  g_autofree char *name = g_strdup_printf ("server-lost-connection-%dx%d-%s.png", width, height,
                                           dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  g_object_unref (monitor);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s: the screen is %dx%d", name, screen.width, screen.height);
      return;
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_window_size (window, width, height);
  save_png (window, path);
  g_test_message ("saved %s", path);
}

static void
test_lost_connection_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;

  if (folder == NULL || *folder == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  f->second = open_window (f->omar);
  g_assert_true (pathway_test_pg_exec (f->db, "DO $$ BEGIN EXECUTE format ("
                                              "'REVOKE CONNECT ON DATABASE %I FROM PUBLIC',"
                                              " current_database ()); END $$",
                                       &error));
  g_assert_no_error (error);
  end_omars_connections (f);
  wait_for ("the lost-connection bar", bar_shown, f->second);
  for (int dark = 0; dark <= 1; dark++)
    {
      save_window_shot (f->second, folder, 1024, 768, dark);
      save_window_shot (f->second, folder, 1920, 1080, dark);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (pathway_test_pg_exec (f->db, "DO $$ BEGIN EXECUTE format ("
                                              "'GRANT CONNECT ON DATABASE %I TO PUBLIC',"
                                              " current_database ()); END $$",
                                       &error));
  g_assert_no_error (error);
}

/* Connect to Server… ------------------------------------------------------------------------- */

static void
type_row (PathwayConnectDialog *dialog, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, name)), text);
}

static gboolean
dialog_refused (gpointer data)
{
  PathwayConnectDialog *dialog = data;

  return !pathway_connect_dialog_get_connecting (dialog) &&
         gtk_widget_get_visible (named (dialog, "connect-problem-box"));
}

/* Every row's text is named for screen readers, and Tab reaches each in turn. */
static void
check_dialog_access (PathwayConnectDialog *dialog)
{
  static const struct { const char *row, *label; } rows[] = {
    { "connect-host", "Host" }, { "connect-port", "Port" }, { "connect-database", "Database" },
    { "connect-user", "User" }, { "connect-password", "Password" },
  };
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *remember = named (dialog, "connect-remember");
  char *mismatch;

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD))
        continue;
      /* The focus is in the text of an entry: the entry counts as reached. */
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      for (; focus != NULL; focus = gtk_widget_get_parent (focus))
        g_hash_table_add (reached, focus);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = named (dialog, rows[i].row);
      GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (text),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     rows[i].label);
      if (mismatch != NULL)
        g_error ("the text of %s: %s", rows[i].row, mismatch);
      if (!g_hash_table_contains (reached, text))
        g_error ("Tab does not reach the text of %s", rows[i].row);
    }
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (remember),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Remember password");
  if (mismatch != NULL)
    g_error ("the switch: %s", mismatch);
  g_assert_true (g_hash_table_contains (reached, remember));
}

static void
save_dialog_shots (PathwayConnectDialog *dialog, const char *state)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

  if (folder == NULL || *folder == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("server-connect-%s-%s.png", state,
                                               dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (folder, name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_png (dialog, path);
      g_test_message ("saved %s", path);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
save_empty_window_shots (PathwayWindow *window)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

  if (folder == NULL || *folder == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("server-start-page-1024x768-%s.png",
                                               dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (folder, name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_png (window, path);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_connect_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(PathwayServerLocation) place = pathway_server_location_parse (f->omar);
  g_autofree char *uri = NULL;
  PathwayConnectDialog *dialog;
  g_autofree char *expected = NULL;

  g_assert_nonnull (place);
  f->second = pathway_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->second), 1024, 768);
  gtk_window_present (GTK_WINDOW (f->second));
  wait_for_window_size (f->second, 1024, 768);
  /* The start page offers it beside Open. */
  g_assert_nonnull (named (f->second, "empty-connect"));
  save_empty_window_shots (f->second);

  gtk_widget_activate_action (GTK_WIDGET (f->second), "win.connect", NULL);
  dialog = find_toplevel (PATHWAY_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_mapped (dialog);
  check_dialog_access (dialog);

  /* A database that is not there: said in the dialog, the rows as typed. */
  type_row (dialog, "connect-host", place->host);
  type_row (dialog, "connect-database", "no_programme_here");
  type_row (dialog, "connect-user", OMAR_ROLE);
  type_row (dialog, "connect-password", "not in any URI");
  uri = pathway_connect_dialog_dup_uri (dialog);
  g_assert_null (strstr (uri, "not in any URI"));
  g_assert_null (strstr (uri, "password"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  wait_for ("the dialog to say why it did not connect", dialog_refused, dialog);
  g_test_message ("refused: %s",
                  gtk_label_get_text (GTK_LABEL (named (dialog, "connect-problem"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "connect-problem"))),
                            "no_programme_here"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "connect-problem-heading"))), ==,
                   "Check the name of the database.");
  g_assert_true (gtk_widget_has_css_class (named (dialog, "connect-database"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "connect-user"))), ==,
                   OMAR_ROLE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "connect-password"))), ==,
                   "not in any URI");
  g_assert_null (pathway_window_get_document (f->second));
  save_dialog_shots (dialog, "refused");

  /* The right database opens in the window, and the dialog goes. The password is kept only
   * where there is a keyring: here there is none, and nothing is said. */
  type_row (dialog, "connect-database", place->database);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  wait_for ("the programme to open", has_document, f->second);
  wait_for ("the dialog to close", no_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_CONNECT_DIALOG));
  expected = g_strdup_printf ("%s on this computer", place->database);
  g_assert_cmpstr (subtitle_of (f->second), ==, expected);
}

/* The command line and Open Recent ------------------------------------------------------------ */

typedef struct {
  GApplication *application;
  char *shown;   /* the document's path when the window showed it */
  gboolean timed_out;
} Run;

static void
title_cb (PathwayWindow *window, GParamSpec *pspec, Run *run)
{
  PathwayDocument *document = pathway_window_get_document (window);

  if (document == NULL || run->shown != NULL)
    return;
  run->shown = g_strdup (pathway_document_get_path (document));
  g_application_quit (run->application);
}

static void
window_added_cb (GtkApplication *application, GtkWindow *window, Run *run)
{
  if (PATHWAY_IS_WINDOW (window))
    g_signal_connect (window, "notify::title", G_CALLBACK (title_cb), run);
}

/* Fails the run rather than leave it waiting: the same limit as the waits' own. */
static gboolean
run_timeout_cb (gpointer data)
{
  Run *run = data;

  run->timed_out = TRUE;
  g_application_quit (run->application);
  return G_SOURCE_REMOVE;
}

static void
test_command_line_and_recent (Fixture *f, gconstpointer data)
{
  g_autoptr(PathwayApplication) application = pathway_application_new ();
  g_autoptr(GSettings) settings = pathway_application_new_settings ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *display = pathway_remote_display_uri (f->omar);
  char *argv[] = { (char *) "pathway", f->omar, NULL };
  Run run = { G_APPLICATION (application), NULL, FALSE };
  const char *multiplier = g_getenv ("PATHWAY_TEST_TIMEOUT_MULTIPLIER");
  guint limit = 30 * (multiplier != NULL ? MAX (1, atoi (multiplier)) : 1);
  guint timeout;
  int status;

  /* One instance of its own: not handed to another Pathway, and no bus needed. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), &run);
  timeout = g_timeout_add_seconds (limit, run_timeout_cb, &run);
  status = g_application_run (G_APPLICATION (application), 2, argv);
  if (!run.timed_out)
    g_source_remove (timeout);
  g_assert_cmpint (status, ==, 0);
  g_assert_false (run.timed_out);
  /* The URI as given, its query (the server's socket) and all. */
  g_assert_cmpstr (run.shown, ==, display);

  /* Kept among the recent programmes without a password, and opened again from there. */
  g_assert_nonnull (settings);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, display);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (application)))
    destroy_window (l->data);

  f->second = pathway_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->second));
  gtk_widget_activate_action (GTK_WIDGET (f->second), "win.open-recent", "s", recent[0]);
  g_assert_true (pathway_window_get_connecting (f->second));
  wait_for ("the recent programme to open", has_document, f->second);
  g_assert_cmpstr (pathway_document_get_path (pathway_window_get_document (f->second)), ==,
                   display);
  g_free (run.shown);
}

/* Where URIs are read and written ------------------------------------------------------------- */

static void
test_locations (void)
{
  g_autoptr(PathwayServerLocation) odd = pathway_server_location_new ("db.example.org", 5433,
                                                                      "SEND & inclusion/2027",
                                                                      "o'neill@la");
  g_autoptr(PathwayServerLocation) socket = pathway_server_location_new ("/run/postgresql", 0,
                                                                         "send", "");
  g_autoptr(PathwayServerLocation) back = NULL;
  g_autofree char *uri = pathway_server_location_to_uri (odd);
  g_autofree char *socket_uri = pathway_server_location_to_uri (socket);
  g_autofree char *described = NULL;

  /* Every part escaped, and read back as it was. */
  back = pathway_server_location_parse (uri);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->host, ==, "db.example.org");
  g_assert_cmpuint (back->port, ==, 5433);
  g_assert_cmpstr (back->database, ==, "SEND & inclusion/2027");
  g_assert_cmpstr (back->user, ==, "o'neill@la");
  described = pathway_server_location_describe (back);
  g_assert_cmpstr (described, ==, "SEND & inclusion/2027 on db.example.org:5433");
  g_clear_pointer (&back, pathway_server_location_free);

  g_assert_cmpstr (socket_uri, ==, "postgresql:///send?host=%2Frun%2Fpostgresql");
  back = pathway_server_location_parse ("postgres://beth@/send?host=/run/postgresql&port=5433");
  g_assert_cmpstr (back->host, ==, "/run/postgresql");
  g_assert_cmpuint (back->port, ==, 5433);
  g_assert_cmpstr (back->user, ==, "beth");
  g_clear_pointer (&back, pathway_server_location_free);
  back = pathway_server_location_parse ("postgresql://[::1]/send");
  g_assert_cmpstr (back->host, ==, "::1");
  g_clear_pointer (&back, pathway_server_location_free);
  /* Several hosts: opened all the same, but nothing to keep a password for. */
  g_assert_null (pathway_server_location_parse ("postgresql://a,b/send"));
  g_assert_null (pathway_server_location_parse ("/home/beth/send.pathway"));
}

int
main (int argc, char *argv[])
{
  /* Before g_test_init, so that a run without a display or a server says why and passes as
   * skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  if (!pathway_test_pg_available ())
    return pathway_test_pg_skip_all ();
  adw_init ();
  ui_test_grow_quarks ();
  /* Screenshots show what settles, not a transition half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/locations", test_locations);
  g_test_add ("/server/change-reaches-other-window", Fixture, NULL, fixture_set_up,
              test_change_reaches_other_window, fixture_tear_down);
  g_test_add ("/server/conflicting-save-refused", Fixture, NULL, fixture_set_up,
              test_conflicting_save_refused, fixture_tear_down);
  g_test_add ("/server/lost-connection-bar", Fixture, NULL, fixture_set_up,
              test_lost_connection_bar, fixture_tear_down);
  g_test_add ("/server/lost-connection-screenshots", Fixture, NULL, fixture_set_up,
              test_lost_connection_screenshots, fixture_tear_down);
  g_test_add ("/server/connect-dialog", Fixture, NULL, fixture_set_up, test_connect_dialog,
              fixture_tear_down);
  g_test_add ("/server/command-line-and-recent", Fixture, NULL, fixture_set_up,
              test_command_line_and_recent, fixture_tear_down);
  return g_test_run ();
}
