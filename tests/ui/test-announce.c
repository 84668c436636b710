/* test-announce.c: what the window tells assistive technology that a person cannot see, and
 * what it names. pathway_announce gives the window's announcer (an alert) the words and shows
 * it afresh, a repeat included; a dialog's announcement goes through the window it belongs
 * to. In the main window on the demo programme: a search's count is announced, as are a
 * toast's words (a save's, in the editor's own toast; a deletion, its undo and redo through
 * the window's actions); the focus ring stays after GTK's three seconds while the keyboard is
 * in use; the header's buttons, the view switcher's and the report's are named. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pathway-actions-view.h"
#include "pathway-announce.h"
#include "pathway-demo.h"
#include "pathway-report-view.h"
#include "pathway-window.h"

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

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

static PathwayAnnouncer *
announcer_of (Fixture *f)
{
  PathwayAnnouncer *announcer = pathway_announcer_find (GTK_WIDGET (f->window));

  g_assert_nonnull (announcer);
  return announcer;
}

static void
assert_label (GtkWidget  *widget,
              const char *label)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       label);
}

typedef struct {
  PathwayAnnouncer *announcer;
  const char *text;
} Said;

static gboolean
was_said (gpointer data)
{
  Said *said = data;

  return g_strcmp0 (pathway_announcer_get_text (said->announcer), said->text) == 0;
}

/* Waits until the window's announcer has said 'text' (it may say more on the way). */
#define wait_for_announced(f, words) \
  G_STMT_START { \
    Said said = { announcer_of (f), (words) }; \
    wait_for ("“" words "” to be announced", was_said, &said); \
  } G_STMT_END

static void
count_shown (GtkWidget *widget,
             GParamSpec *pspec,
             guint      *shown)
{
  if (gtk_widget_get_visible (widget))
    (*shown)++;
}

/* Not a programme's window: the announcer on its own, and a dialog that belongs to it. */
static void
test_sets_label_role_and_shows_anew (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Here");
  GtkWidget *announcer = g_object_new (PATHWAY_TYPE_ANNOUNCER, NULL);
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *dialog_button = gtk_button_new_with_label ("There");
  guint shown = 0;

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), announcer);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (button);

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (announcer),
                                               GTK_ACCESSIBLE_ROLE_ALERT));
  /* Nothing said yet: in the tree with an empty name (GTK 4.8 sends events only for objects
   * a screen reader has read), not its type's name. */
  g_assert_true (gtk_widget_get_visible (announcer));
  assert_label (announcer, "");
  g_assert_null (pathway_announcer_get_text (PATHWAY_ANNOUNCER (announcer)));
  g_assert_true (pathway_announcer_find (button) == PATHWAY_ANNOUNCER (announcer));
  g_signal_connect (announcer, "notify::visible", G_CALLBACK (count_shown), &shown);

  pathway_announce (button, "7 of 110 actions");
  g_assert_true (gtk_widget_get_visible (announcer));
  assert_label (announcer, "7 of 110 actions");
  g_assert_cmpuint (shown, ==, 1);
  wait_for_drawn (window);
  /* Of no height (a box gives it its width), and it draws nothing: it shows nothing. */
  g_assert_cmpint (gtk_widget_get_height (announcer), ==, 0);

  /* The same words again are a new announcement: hidden and shown once more. */
  pathway_announce (button, "7 of 110 actions");
  g_assert_cmpuint (shown, ==, 2);
  g_assert_cmpuint (pathway_announcer_get_n_announced (PATHWAY_ANNOUNCER (announcer)), ==, 2);
  assert_label (announcer, "7 of 110 actions");

  pathway_announce (button, "Saved 1A i");
  g_assert_cmpuint (shown, ==, 3);
  assert_label (announcer, "Saved 1A i");

  /* A dialog without an announcer says it through the window it belongs to. */
  gtk_window_set_child (GTK_WINDOW (dialog), dialog_button);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  pathway_announce (dialog_button, "Imported plan.xlsx: 3 added, 2 updated");
  assert_label (announcer, "Imported plan.xlsx: 3 added, 2 updated");
  g_assert_cmpuint (shown, ==, 4);

  /* A window without one, belonging to none, says nothing (and does not fail). */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  pathway_announce (dialog_button, "Unheard");
  g_assert_cmpstr (pathway_announcer_get_text (PATHWAY_ANNOUNCER (announcer)), ==,
                   "Imported plan.xlsx: 3 added, 2 updated");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_announces_filter_count (Fixture       *f,
                             gconstpointer  data)
{
  PathwayActionsView *view;
  g_autofree char *expected = NULL;
  guint total;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "actions");
  view = PATHWAY_ACTIONS_VIEW (pathway_window_get_view (f->window, "actions"));
  wait_for_mapped (view);
  total = pathway_actions_view_get_n_shown (view);

  pathway_actions_view_set_search (view, "zzqxj nothing like this");
  expected = g_strdup_printf ("0 of %u actions", total);
  {
    Said said = { announcer_of (f), expected };

    wait_for ("the search's count to be announced", was_said, &said);
  }
  assert_label (GTK_WIDGET (announcer_of (f)), expected);

  pathway_actions_view_set_search (view, "");
  g_free (expected);
  expected = g_strdup_printf ("%u actions", total);
  {
    Said said = { announcer_of (f), expected };

    wait_for ("the count without the search to be announced", was_said, &said);
  }
}

static void
test_announces_save_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  PathwayDocument *document = pathway_window_get_document (f->window);
  PathwayProgramme *programme = pathway_document_get_programme (document);
  g_autoptr(PathwayAction) action = g_list_model_get_item (
    pathway_programme_get_actions (programme), 0);
  g_autofree char *deleted = g_strdup_printf ("Deleted %s", pathway_action_get_reference (action));
  AdwToast *toast;

  /* The editor's own toast after a save: a title in markup, with Undo. */
  toast = adw_toast_new ("Saved 1B vi &amp; its note");
  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_action_name (toast, "win.undo");
  pathway_window_add_toast (f->window, toast);
  wait_for_announced (f, "Saved 1B vi & its note");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-action", "x",
                                             pathway_action_get_id (action)));
  {
    Said said = { announcer_of (f), deleted };

    wait_for ("the deletion to be announced", was_said, &said);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_nonnull (strstr (pathway_announcer_get_text (announcer_of (f)), "Undone"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  wait_for_announced (f, "Redone");
}

typedef struct {
  GtkWindow *window;
  guint hidden;
} Ring;

static void
ring_changed (GtkWindow  *window,
              GParamSpec *pspec,
              Ring       *ring)
{
  if (!gtk_window_get_focus_visible (window))
    ring->hidden++;
}

static gboolean
ring_back_after_gtk_hid_it (gpointer data)
{
  Ring *ring = data;

  return ring->hidden > 0 && gtk_window_get_focus_visible (ring->window);
}

/* GTK hides the ring three seconds after it was shown; while the keyboard is in use (as GTK
 * itself shows the ring on a key press) the window shows it again. */
static void
test_focus_ring_stays (Fixture       *f,
                       gconstpointer  data)
{
  Ring ring = { GTK_WINDOW (f->window), 0 };

  g_signal_connect (f->window, "notify::focus-visible", G_CALLBACK (ring_changed), &ring);
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  wait_for ("GTK's timeout to hide the focus ring and the window to show it again",
            ring_back_after_gtk_hid_it, &ring);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (f->window)));
  g_signal_handlers_disconnect_by_func (f->window, ring_changed, &ring);
}

/* Every button below 'root' that shows no text of its own has a name, or is labelled by what
 * has one. */
static guint
assert_buttons_named (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
          gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        {
          /* A menu button's toggle is labelled by the menu button, which has the name. */
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL) &&
              !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child),
                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY))
            g_error ("A %s (%s) has no name", G_OBJECT_TYPE_NAME (child),
                     gtk_widget_get_tooltip_text (child));
          n++;
        }
      n += assert_buttons_named (child);
    }
  return n;
}

static GtkWidget *
button_with_icon (GtkWidget  *root,
                  const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        return child;
      if ((found = button_with_icon (child, icon_name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
switcher_named (gpointer data)
{
  GtkWidget *switcher = data;
  GtkWidget *button = find_of_type (switcher, GTK_TYPE_TOGGLE_BUTTON, NULL);

  /* libadwaita labels each by its title's label (a name of one word: a label of its own as
   * well would be read after it, "Overview Overview"). */
  return button != NULL &&
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
test_header_buttons_named (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *header = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR, NULL);
  GtkWidget *switcher = find_of_type (header, ADW_TYPE_VIEW_SWITCHER_TITLE, NULL);
  GtkWidget *menu = find_of_type (header, GTK_TYPE_MENU_BUTTON, NULL);
  PathwayView *report;

  g_assert_nonnull (switcher);
  wait_for ("the view switcher's buttons to be named", switcher_named, switcher);
  g_assert_cmpuint (assert_buttons_named (header), >=, 6);

  assert_label (button_with_icon (header, "list-add-symbolic"), "New Action");
  assert_label (button_with_icon (header, "edit-undo-symbolic"), "Undo");
  assert_label (button_with_icon (header, "system-search-symbolic"), "Find Actions");
  assert_label (find_named (header, "update-round-button"), "Monthly Update");
  g_assert_nonnull (menu);
  assert_label (menu, "Main Menu");

  /* The bar that takes the switcher's place in a narrow window names its buttons too. */
  {
    GtkWidget *bar = find_of_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);

    gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
    wait_for ("the switcher bar's buttons to be named", switcher_named, bar);
    assert_buttons_named (bar);
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  }

  /* The report's toolbar. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "report");
  report = pathway_window_get_view (f->window, "report");
  wait_for_mapped (report);
  assert_label (find_named (GTK_WIDGET (report), "report-previous"), "Previous Page");
  assert_label (find_named (GTK_WIDGET (report), "report-next"), "Next Page");
  assert_label (find_named (GTK_WIDGET (report), "report-fit-page"), "Fit Page");
  assert_label (find_named (GTK_WIDGET (report), "report-preview"), "Page preview");
  assert_buttons_named (find_named (GTK_WIDGET (report), "report-previous") != NULL
                          ? gtk_widget_get_parent (find_named (GTK_WIDGET (report),
                                                               "report-previous"))
                          : GTK_WIDGET (report));
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

  g_test_add_func ("/ui/announce/sets-label-role-and-shows-anew",
                   test_sets_label_role_and_shows_anew);
  g_test_add ("/ui/announce/filter-count", Fixture, NULL, fixture_set_up,
              test_announces_filter_count, fixture_tear_down);
  g_test_add ("/ui/announce/save-and-undo", Fixture, NULL, fixture_set_up,
              test_announces_save_and_undo, fixture_tear_down);
  g_test_add ("/ui/announce/focus-ring-stays", Fixture, NULL, fixture_set_up,
              test_focus_ring_stays, fixture_tear_down);
  g_test_add ("/ui/announce/header-buttons-named", Fixture, NULL, fixture_set_up,
              test_header_buttons_named, fixture_tear_down);

  return g_test_run ();
}
