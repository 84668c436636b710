/* test-access.c: who may change what, in the window, on a programme kept on a real PostgreSQL
 * server (PATHWAY_TEST_PG, started by build-aux/test; without it the program skips). The demo
 * programme is uploaded to a new database and roles of this test's own are given access by the
 * set-up role: Claire Dunmore as a manager, Mark Pennington (who leads workstream B) as a lead and
 * Beth Kowalski as a reader. None of them is a superuser, so the server's rules hold them.
 *
 * It proves that a reader's window is read-only with the reason in its bar, and an editor opened
 * there says the same; that a lead's editor on an action of workstream C says "Only the leads of
 * workstream C can change this." with its fields insensitive, while the editor on their own
 * workstream's action can be changed, that their monthly update goes through their own actions
 * only, and that an indicator's editor is read-only for them too; and that a manager's Who Has
 * Access… dialog lists who has access, gives a new sign-in name access (the manager may not create
 * roles, so the dialog shows the SQL for the database administrator, CREATE ROLE and all), changes
 * a role, and takes access away after asking, after which that person's row says so. With
 * PATHWAY_SCREENSHOT_DIR set it saves the dialog showing the SQL at its own size, 1024x768 and
 * 1920x1080 (when the screen is that big), and the lead's read-only editor, light and dark.
 *
 * The roles are this test's own (pathway_ui_access_*): roles belong to the whole server, and other
 * tests may run at the same time. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-access-dialog.h"
#include "pathway-action-editor.h"
#include "pathway-demo.h"
#include "pathway-indicator-editor.h"
#include "pathway-remote.h"
#include "pathway-update-round.h"
#include "pathway-window.h"
#include "pg-test-util.h"

#define MANAGER_ROLE "pathway_ui_access_claire"
#define LEAD_ROLE "pathway_ui_access_mark"
#define READER_ROLE "pathway_ui_access_beth"

typedef struct {
  char *db;      /* the database, as the superuser (its owner) */
  char *manager; /* signed in as Claire Dunmore */
  char *lead;    /* as Mark Pennington, lead of workstream B */
  char *reader;  /* as Beth Kowalski */
  char *dir;
  PathwayWindow *window;
} Fixture;

static void
add_user (Fixture *f, const char *role, const char *person, PathwayAccess access)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_server_add_user (f->db, NULL, role, person, access, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *path = NULL;

  f->db = pathway_test_pg_new_database ();
  f->manager = pathway_test_pg_add_role (base, MANAGER_ROLE, f->db);
  f->lead = pathway_test_pg_add_role (base, LEAD_ROLE, f->db);
  f->reader = pathway_test_pg_add_role (base, READER_ROLE, f->db);
  f->dir = g_dir_make_tmp ("pathway-ui-access-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (path, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_server_upload (path, f->db, NULL, &error));
  g_assert_no_error (error);
  add_user (f, MANAGER_ROLE, "Claire Dunmore", PATHWAY_ACCESS_MANAGER);
  add_user (f, LEAD_ROLE, "Mark Pennington", PATHWAY_ACCESS_LEAD);
  add_user (f, READER_ROLE, "Beth Kowalski", PATHWAY_ACCESS_READER);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->manager);
  g_free (f->lead);
  g_free (f->reader);
}

/* Finding things ------------------------------------------------------------------------------- */

static gboolean
has_document (gpointer data)
{
  return pathway_window_get_document (data) != NULL;
}

static PathwayWindow *
open_window (const char *uri)
{
  PathwayWindow *window = pathway_window_new (NULL);

  pathway_window_open_location (window, uri);
  gtk_window_present (GTK_WINDOW (window));
  wait_for ("the programme on the server to open", has_document, window);
  wait_for_mapped (window);
  return window;
}

static PathwayDocument *
document_of (PathwayWindow *window)
{
  return pathway_window_get_document (window);
}

static GtkWidget *
named (gpointer root, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
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

/* An action of workstream 'code' that Mark Pennington does not lead. */
static PathwayAction *
action_of (PathwayWindow *window, const char *code)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (
    document_of (window)));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      PathwayWorkstream *workstream = pathway_action_get_workstream (action);
      PathwayPerson *lead = pathway_action_get_lead (action);

      if (workstream != NULL && g_str_equal (pathway_workstream_get_code (workstream), code) &&
          (lead == NULL || !g_str_equal (pathway_person_get_name (lead), "Mark Pennington")))
        return action;
    }
  g_assert_not_reached ();
}

static PathwayActionEditor *
open_editor (PathwayWindow *window, PathwayAction *action)
{
  PathwayActionEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-action", "x",
                              pathway_action_get_id (action));
  editor = find_toplevel (PATHWAY_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  wait_for_mapped (editor);
  return editor;
}

static const char *
reason_shown (gpointer editor)
{
  GtkWidget *label = named (editor, "read-only-reason");

  return gtk_widget_get_visible (gtk_widget_get_parent (label)) ? gtk_label_get_text (
                                                                    GTK_LABEL (label))
                                                                : NULL;
}

static void
save_shots (GtkWidget *widget, const char *name, int width, int height)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  GListModel *monitors;
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle screen;

  if (folder == NULL || *folder == '\0')
    return;
  monitors = gdk_display_get_monitors (gdk_display_get_default ());
  monitor = g_list_model_get_item (monitors, 0);
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s at %dx%d: the screen is %dx%d", name, width, height,
                      screen.width, screen.height);
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  if (width > 0)
    {
      gtk_widget_hide (widget);
      gtk_window_set_default_size (GTK_WINDOW (widget), width, height);
      gtk_window_present (GTK_WINDOW (widget));
      wait_for_window_size (widget, width, height);
    }
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *file = width > 0 ? g_strdup_printf ("%s-%dx%d-%s.png", name, width,
                                                           height, dark ? "dark" : "light")
                                        : g_strdup_printf ("%s-%s.png", name,
                                                           dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (folder, file, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_png (widget, path);
      g_test_message ("saved %s", path);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* A reader ------------------------------------------------------------------------------------- */

static void
test_reader (Fixture *f, gconstpointer data)
{
  GtkWidget *label;
  GtkRevealer *revealer;
  PathwayActionEditor *editor;

  f->window = open_window (f->reader);
  g_assert_cmpint (pathway_document_get_access (document_of (f->window)), ==,
                   PATHWAY_ACCESS_READER);
  g_assert_true (pathway_document_get_read_only (document_of (f->window)));

  /* The window's bar says why, and nothing that changes the programme is on. */
  label = named (f->window, "read-only-reason");
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_test_message ("the bar: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "You can read this"));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (f->window),
                                                            "win.new-action")));
  /* Only a manager says who has access: the menu's item does nothing for a reader. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.access", NULL);
  drain_main_loop ();
  g_assert_null (find_toplevel (PATHWAY_TYPE_ACCESS_DIALOG));

  /* An editor shows the action, says the same and changes nothing. */
  editor = open_editor (f->window, action_of (f->window, "B"));
  g_assert_nonnull (strstr (reason_shown (editor), "You can read this"));
  g_assert_false (gtk_widget_get_visible (named (editor, "save-button")));
  g_assert_false (gtk_widget_is_sensitive (named (editor, "commentary-view")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A lead --------------------------------------------------------------------------------------- */

static void
test_lead (Fixture *f, gconstpointer data)
{
  PathwayActionEditor *editor;
  PathwayIndicatorEditor *indicator_editor;
  PathwayIndicator *indicator;
  const char *reason;

  f->window = open_window (f->lead);
  g_assert_cmpint (pathway_document_get_access (document_of (f->window)), ==,
                   PATHWAY_ACCESS_LEAD);
  /* The programme is theirs to change in part: the window is not read-only, and New Action
   * is offered (the server refuses one outside their workstreams, saying so). */
  g_assert_false (pathway_document_get_read_only (document_of (f->window)));
  g_assert_true (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (f->window),
                                                           "win.new-action")));

  /* Another workstream's action: shown, not to be changed, and why. */
  editor = open_editor (f->window, action_of (f->window, "C"));
  reason = reason_shown (editor);
  g_test_message ("workstream C's action: %s", reason);
  g_assert_cmpstr (reason, ==, "Only the leads of workstream C can change this.");
  g_assert_false (gtk_widget_get_visible (named (editor, "save-button")));
  g_assert_false (gtk_widget_is_sensitive (named (editor, "commentary-view")));
  save_shots (GTK_WIDGET (editor), "access-editor-read-only", 0, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Their own workstream's: no bar, and it can be changed and saved. */
  editor = open_editor (f->window, action_of (f->window, "B"));
  g_assert_null (reason_shown (editor));
  g_assert_true (gtk_widget_get_visible (named (editor, "save-button")));
  g_assert_true (gtk_widget_is_sensitive (named (editor, "commentary-view")));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The monthly update goes through their own actions only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PathwayUpdateRound) round = NULL;
    GDate today;

    pathway_document_get_today (document_of (f->window), &today);
    round = pathway_update_round_new (document_of (f->window), &today, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pathway_update_round_get_n_actions (round), >, 0);
    for (guint i = 0; i < pathway_update_round_get_n_actions (round); i++)
      {
        PathwayAction *action = pathway_update_round_get_current (round);
        g_autofree char *refusal = NULL;

        g_assert_nonnull (action);
        refusal = pathway_document_dup_refusal (document_of (f->window), action);
        g_assert_null (refusal);
        pathway_update_round_advance (round, TRUE);
      }
  }

  /* Indicators are the managers' to change (a lead gives the readings of those they own). */
  indicator = g_list_model_get_item (pathway_programme_get_indicators (
                                       pathway_document_get_programme (document_of (f->window))),
                                     0);
  indicator_editor = pathway_indicator_editor_new (GTK_WINDOW (f->window),
                                                   document_of (f->window), indicator);
  g_object_unref (indicator);
  gtk_window_present (GTK_WINDOW (indicator_editor));
  wait_for_mapped (indicator_editor);
  g_assert_cmpstr (reason_shown (indicator_editor), ==,
                   "Only the programme’s managers can change this.");
  g_assert_false (gtk_widget_is_sensitive (named (indicator_editor, "indicator-name-row")));
  gtk_window_destroy (GTK_WINDOW (indicator_editor));
}

/* A manager's Who Has Access… ------------------------------------------------------------------ */

static gboolean
dialog_idle (gpointer data)
{
  return !pathway_access_dialog_get_busy (data);
}

static GtkWidget *
user_row (PathwayAccessDialog *dialog, const char *login)
{
  g_autofree char *name = g_strdup_printf ("access-user-%s", login);

  return named (dialog, name);
}

static void
check_accessible_label (GtkWidget *widget, const char *label)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  if (mismatch != NULL)
    g_error ("%s: %s", gtk_widget_get_name (widget), mismatch);
}

/* The form's rows are named for screen readers, and Tab reaches each, the rows' drop-downs
 * and the Give Access button. */
static void
check_dialog_access (PathwayAccessDialog *dialog)
{
  static const struct { const char *row, *label; } rows[] = {
    { "access-login", "Sign-in name" }, { "access-person", "Person" },
  };
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *lead_row = user_row (dialog, LEAD_ROLE);
  GtkWidget *drop_down = find_named (lead_row, "access-role");
  GtkWidget *remove = find_named (lead_row, "access-remove");

  for (guint i = 0; i < 80; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      for (; focus != NULL; focus = gtk_widget_get_parent (focus))
        g_hash_table_add (reached, focus);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = named (dialog, rows[i].row);

      check_accessible_label (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                              rows[i].label);
      if (!g_hash_table_contains (reached, row))
        g_error ("Tab does not reach %s", rows[i].row);
    }
  check_accessible_label (drop_down, "Role of Mark Pennington (" LEAD_ROLE ")");
  check_accessible_label (remove, "Remove access for Mark Pennington (" LEAD_ROLE ")");
  g_assert_true (g_hash_table_contains (reached, drop_down));
  g_assert_true (g_hash_table_contains (reached, remove));
  g_assert_true (g_hash_table_contains (reached, named (dialog, "access-new-role")));
}

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_manager (Fixture *f, gconstpointer data)
{
  g_autofree char *newcomer = g_strdup_printf ("pathway_ui_access_new_%d", (int) getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *role = NULL;
  g_autofree char *query = NULL;
  PathwayAccessDialog *dialog;
  AdwMessageDialog *confirm;
  GtkWidget *row;

  f->window = open_window (f->manager);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.access", NULL);
  dialog = find_toplevel (PATHWAY_TYPE_ACCESS_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_mapped (dialog);
  wait_for ("the list of who has access", dialog_idle, dialog);
  g_assert_false (gtk_widget_get_visible (named (dialog, "access-problem-box")));
  /* Everyone given access, the manager's own row without controls. */
  g_assert_null (find_named (user_row (dialog, MANAGER_ROLE), "access-role"));
  g_assert_nonnull (find_named (user_row (dialog, READER_ROLE), "access-role"));
  check_dialog_access (dialog);

  /* Someone new: the manager may not create roles, so the rest is done and the SQL for the
   * database's administrator shown, with a sentence saying why. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "access-login")), newcomer);
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "access-person")), "Lee Chan");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "access-new-role")), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "access.add", NULL);
  g_assert_true (pathway_access_dialog_get_busy (dialog));
  wait_for ("the new person to be given access", dialog_idle, dialog);
  g_assert_false (gtk_widget_get_visible (named (dialog, "access-problem-box")));
  sql = pathway_access_dialog_dup_sql_for_it (dialog);
  g_assert_nonnull (sql);
  g_test_message ("for IT:\n%s", sql);
  g_assert_nonnull (strstr (sql, "CREATE ROLE"));
  g_assert_nonnull (strstr (sql, newcomer));
  g_assert_true (gtk_widget_get_visible (named (dialog, "access-it-group")));
  shown = dup_view_text (named (dialog, "access-sql"));
  g_assert_cmpstr (shown, ==, sql);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog,
                                                                  "access-it-explanation"))),
                            "database administrator must run this SQL"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (user_row (dialog,
                                                                                    newcomer))),
                            "cannot sign in yet"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "access-status"))),
                            "Lee Chan"));
  save_shots (GTK_WIDGET (dialog), "access-dialog", 0, 0);
  save_shots (GTK_WIDGET (dialog), "access-dialog", 1024, 768);
  save_shots (GTK_WIDGET (dialog), "access-dialog", 1920, 1080);

  /* A role changed from the row's drop-down. */
  row = user_row (dialog, READER_ROLE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (row, "access-role")), 2);
  wait_for ("the role to change", dialog_idle, dialog);
  g_assert_false (gtk_widget_get_visible (named (dialog, "access-problem-box")));
  role = pathway_test_pg_query_text (f->db, "SELECT role FROM pathway_user WHERE login = '"
                                            READER_ROLE "'");
  g_assert_cmpstr (role, ==, "data-officer");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (user_row (dialog,
                                                                                READER_ROLE),
                                                                      "access-role"))),
                    ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "access-status"))),
                            "data officer"));

  /* Access taken away, after a question that says the history stays. */
  g_signal_emit_by_name (named (user_row (dialog, LEAD_ROLE), "access-remove"), "clicked");
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_test_message ("asked: %s", adw_message_dialog_get_body (confirm));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "access ends"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "history"));
  adw_message_dialog_response (confirm, "remove");
  gtk_window_destroy (GTK_WINDOW (confirm));
  wait_for ("the access to be taken away", dialog_idle, dialog);
  g_assert_false (gtk_widget_get_visible (named (dialog, "access-problem-box")));
  row = user_row (dialog, LEAD_ROLE);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "access removed"));
  g_assert_null (find_named (row, "access-role"));
  query = pathway_test_pg_query_text (f->db, "SELECT removed FROM pathway_user WHERE login = '"
                                             LEAD_ROLE "'");
  g_assert_cmpstr (query, ==, "t");
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  g_test_add ("/access/reader-read-only", Fixture, NULL, fixture_set_up, test_reader,
              fixture_tear_down);
  g_test_add ("/access/lead-editors", Fixture, NULL, fixture_set_up, test_lead,
              fixture_tear_down);
  g_test_add ("/access/manager-dialog", Fixture, NULL, fixture_set_up, test_manager,
              fixture_tear_down);
  return g_test_run ();
}
