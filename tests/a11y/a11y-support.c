/* a11y-support.c: Pathway under the AT-SPI bus for the accessibility tests.
 *
 * The application runs as its own process (a screen reader is another process too, and
 * libatspi's calls are synchronous D-Bus calls that an application cannot answer to itself).
 * Waits poll the bus while running the main loop, so they last as long as the condition takes,
 * never a fixed time.
 */
#include "a11y-support.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define WAIT_SECONDS 30

static double wait_seconds = WAIT_SECONDS;

static double
timeout_multiplier (void)
{
  const char *text = g_getenv ("PATHWAY_TEST_TIMEOUT_MULTIPLIER");
  double value = text != NULL ? g_ascii_strtod (text, NULL) : 0;

  return value >= 1 ? value : 1;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
a11y_wait (gboolean (*condition) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () +
                    (gint64) (wait_seconds * timeout_multiplier () * G_USEC_PER_SEC);
  /* The bus's events arrive through the main loop; the tick wakes it to look again at
   * conditions that are read over the bus rather than told. */
  guint tick = g_timeout_add (20, wake, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return met;
}

static gboolean
same_application (AtspiAccessible *accessible, A11yApp *app)
{
  AtspiObject *object = ATSPI_OBJECT (accessible);
  AtspiObject *application = ATSPI_OBJECT (app->application);

  return object->app != NULL && application->app != NULL &&
         g_strcmp0 (object->app->bus_name, application->app->bus_name) == 0;
}

static void
on_focus (AtspiEvent *event, gpointer user_data)
{
  A11yApp *app = user_data;

  if (event->detail1 != 1 || app->application == NULL || event->source == NULL ||
      !same_application (event->source, app))
    return;
  g_ptr_array_add (app->focused, g_object_ref (event->source));
}

static gboolean
is_announcer_role (AtspiRole role)
{
  return role == ATSPI_ROLE_NOTIFICATION || role == ATSPI_ROLE_ALERT ||
         role == ATSPI_ROLE_STATUS_BAR;
}

static void
on_announcement (AtspiEvent *event, gpointer user_data)
{
  A11yApp *app = user_data;
  g_autofree char *name = NULL;

  AtspiAccessible *source = event->source;

  if (app->application == NULL || source == NULL || !same_application (source, app))
    return;
  if (g_str_has_prefix (event->type, "object:state-changed:showing") && event->detail1 != 1)
    return;
  /* GTK 4.8 tells of a widget being shown by adding it to its parent's children. */
  if (g_str_has_prefix (event->type, "object:children-changed:add"))
    {
      if (!G_VALUE_HOLDS_OBJECT (&event->any_data))
        return;
      source = g_value_get_object (&event->any_data);
      if (!ATSPI_IS_ACCESSIBLE (source))
        return;
    }
  if (!is_announcer_role (atspi_accessible_get_role (source, NULL)))
    return;
  name = atspi_accessible_get_name (source, NULL);
  if (name != NULL && name[0] != '\0')
    g_ptr_array_add (app->announcements, g_steal_pointer (&name));
}

static gboolean
application_found (gpointer data)
{
  A11yApp *app = data;
  g_autoptr (AtspiAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n && app->application == NULL; i++)
    {
      g_autoptr (AtspiAccessible) child = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (child != NULL && atspi_accessible_get_process_id (child, NULL) == (guint) app->pid)
        app->application = g_object_ref (child);
    }
  return app->application != NULL;
}

static gboolean
window_showing (gpointer data)
{
  g_autoptr (AtspiAccessible) window = a11y_app_get_window (data, NULL);

  return window != NULL;
}

static const char *const focus_events[] = { "object:state-changed:focused" };
static const char *const announcement_events[] = {
  "object:state-changed:showing", "object:property-change:accessible-name",
  "object:children-changed:add",
};

A11yApp *
a11y_app_start (const char *empty_name)
{
  const char *app_path = g_getenv ("PATHWAY_APP");
  const char *cli_path = g_getenv ("PATHWAY_CLI");
  A11yApp *app = g_new0 (A11yApp, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) made = NULL;

  g_assert_nonnull (app_path);
  g_assert_nonnull (cli_path);
  app->folder = g_dir_make_tmp ("pathway-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  app->file = g_build_filename (app->folder, "Programme.pathway", NULL);
  app->focused = g_ptr_array_new_with_free_func (g_object_unref);
  app->announcements = g_ptr_array_new_with_free_func (g_free);

  if (empty_name == NULL)
    made = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, cli_path, "demo", app->file, NULL);
  else
    made = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, cli_path, "new", app->file,
                             "--name", empty_name, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (made, NULL, &error);
  g_assert_no_error (error);

  atspi_init ();
  app->focus_listener = atspi_event_listener_new (on_focus, app, NULL);
  app->announcement_listener = atspi_event_listener_new (on_announcement, app, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (focus_events); i++)
    {
      atspi_event_listener_register (app->focus_listener, focus_events[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (announcement_events); i++)
    {
      atspi_event_listener_register (app->announcement_listener, announcement_events[i], &error);
      g_assert_no_error (error);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  /* A settings store of its own, so the window opens at its default size and place. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "atspi", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_setenv (launcher, "PATHWAY_BACKUP_DIR", app->folder, TRUE);
  /* The app is ended by a kill, so it never counts leaks; its mallocs keep the quick unwinder
   * the test program's leak check does without. */
  g_subprocess_launcher_unsetenv (launcher, "LSAN_OPTIONS");
  app->process = g_subprocess_launcher_spawn (launcher, &error, app_path, app->file, NULL);
  g_assert_no_error (error);
  app->pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (app->process), NULL, 10);

  if (!a11y_wait (application_found, app))
    g_error ("Pathway (pid %d) did not appear on the accessibility bus", app->pid);
  if (!a11y_wait (window_showing, app))
    g_error ("Pathway's window did not become active on the accessibility bus");
  a11y_point_at_window (app);
  return app;
}

void
a11y_point_at_window (A11yApp *app)
{
  g_autoptr (AtspiAccessible) window = a11y_app_get_window (app, NULL);
  g_autoptr (AtspiComponent) component = atspi_accessible_get_component_iface (window);
  g_autofree AtspiRect *extents = NULL;
  g_autoptr (GError) error = NULL;

  /* Without a window manager the X server gives the keyboard to the window under the
   * pointer. The window is at the screen's corner, so its own coordinates are the screen's. */
  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, &error);
  g_assert_no_error (error);
  atspi_generate_mouse_event (extents->x + extents->width / 2, extents->y + 8, "abs", &error);
  g_assert_no_error (error);
  g_test_message ("window %dx%d; pointer at %d,%d", extents->width, extents->height,
                  extents->x + extents->width / 2, extents->y + 8);
}

void
a11y_app_stop (A11yApp *app)
{
  for (guint i = 0; i < G_N_ELEMENTS (focus_events); i++)
    atspi_event_listener_deregister (app->focus_listener, focus_events[i], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (announcement_events); i++)
    atspi_event_listener_deregister (app->announcement_listener, announcement_events[i], NULL);
  g_clear_object (&app->focus_listener);
  g_clear_object (&app->announcement_listener);
  g_subprocess_force_exit (app->process);
  g_subprocess_wait (app->process, NULL, NULL);
  g_clear_object (&app->process);
  g_clear_object (&app->application);
  g_ptr_array_unref (app->focused);
  g_ptr_array_unref (app->announcements);
  {
    g_autoptr (GDir) dir = g_dir_open (app->folder, 0, NULL);
    const char *entry;

    while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (app->folder, entry, NULL);

        g_remove (path);
      }
  }
  g_rmdir (app->folder);
  g_free (app->folder);
  g_free (app->file);
  g_free (app);
}

AtspiAccessible *
a11y_app_get_window (A11yApp *app, const char *name_prefix)
{
  int n = atspi_accessible_get_child_count (app->application, NULL);

  for (int i = n - 1; i >= 0; i--)
    {
      g_autoptr (AtspiAccessible) child =
        atspi_accessible_get_child_at_index (app->application, i, NULL);
      g_autoptr (AtspiStateSet) states = NULL;
      g_autofree char *name = NULL;

      if (child == NULL)
        continue;
      states = atspi_accessible_get_state_set (child);
      /* GTK 4.8 says "showing" only of a window of the window role; the action editor's
       * window comes with another (a filler), and is there while it is open. */
      if (!atspi_state_set_contains (states, ATSPI_STATE_SHOWING) &&
          atspi_accessible_get_role (child, NULL) == ATSPI_ROLE_FRAME)
        continue;
      name = atspi_accessible_get_name (child, NULL);
      if (name_prefix != NULL && !g_str_has_prefix (name != NULL ? name : "", name_prefix))
        continue;
      return g_steal_pointer (&child);
    }
  return NULL;
}

static void
node_free (gpointer data)
{
  A11yNode *node = data;

  g_object_unref (node->accessible);
  g_free (node->role_name);
  g_free (node->name);
  g_free (node);
}

static gboolean
has_size (AtspiAccessible *accessible)
{
  g_autoptr (AtspiComponent) component = atspi_accessible_get_component_iface (accessible);
  g_autofree AtspiRect *extents = NULL;

  if (component == NULL)
    return FALSE;
  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  return extents != NULL && extents->width > 0 && extents->height > 0;
}

/* GTK 4.8 keeps the pages of a stack that are not shown in its tree, says nothing of which is
 * shown, and its GetAccessibleAtPoint answers with the window itself. The views (each in a
 * PathwayViewSlot, in the switcher's order) are told apart by the view asked for; any other
 * stack's page counts as shown when its content has been given a size (a page never shown has
 * none). */
static void
read_into (AtspiAccessible *accessible, A11yNode *parent, GPtrArray *nodes, int view)
{
  g_autoptr (AtspiStateSet) states = atspi_accessible_get_state_set (accessible);
  A11yNode *node;
  int n, slots = 0;

  node = g_new0 (A11yNode, 1);
  node->accessible = g_object_ref (accessible);
  node->parent = parent;
  node->role = atspi_accessible_get_role (accessible, NULL);
  node->role_name = atspi_role_get_name (node->role);
  node->name = atspi_accessible_get_name (accessible, NULL);
  node->focusable = atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE);
  node->focused = atspi_state_set_contains (states, ATSPI_STATE_FOCUSED);
  node->enabled = atspi_state_set_contains (states, ATSPI_STATE_SENSITIVE);
  node->editable = atspi_state_set_contains (states, ATSPI_STATE_EDITABLE);
  node->selectable = atspi_state_set_contains (states, ATSPI_STATE_SELECTABLE);
  g_ptr_array_add (nodes, node);

  n = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);
      g_autofree char *child_name = NULL;

      if (child == NULL)
        continue;
      if (g_strcmp0 (node->name, "GtkStackPage") == 0 &&
          !has_size (child))
        continue;
      child_name = atspi_accessible_get_name (child, NULL);
      /* libadwaita 1.2's view stack holds the views side by side, with no page between. */
      if (g_strcmp0 (child_name, "PathwayViewSlot") == 0 && slots++ != view && view >= 0)
        continue;
      read_into (child, node, nodes, view);
    }
}

GPtrArray *
a11y_read_tree (AtspiAccessible *root, int view)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func (node_free);

  read_into (root, NULL, nodes, view);
  return nodes;
}

char *
a11y_node_path (A11yNode *node)
{
  GString *path = g_string_new (NULL);

  for (A11yNode *n = node; n != NULL; n = n->parent)
    {
      g_autofree char *part = g_strdup_printf ("%s \"%s\"", n->role_name,
                                               n->name != NULL ? n->name : "");

      g_string_prepend (path, n == node ? part : "");
      if (n != node)
        {
          g_string_prepend (path, " > ");
          g_string_prepend (path, part);
        }
    }
  return g_string_free (path, FALSE);
}

gboolean
a11y_name_is_type_name (const char *name)
{
  static GRegex *type_name;

  if (type_name == NULL)
    type_name = g_regex_new ("^(Gtk|Adw|Gdk|Pathway)[A-Z][A-Za-z]*$", 0, 0, NULL);
  return name != NULL && g_regex_match (type_name, name, 0, NULL);
}

A11yNode *
a11y_node_get_list (A11yNode *node)
{
  A11yNode *list = NULL;

  /* A table whose children are cells rather than rows is a grid of things laid out (GTK 4.8
   * exposes a flow box so), not a list to move through. */
  for (A11yNode *n = node, *below = NULL; n != NULL; below = n, n = n->parent)
    if (n->role == ATSPI_ROLE_LIST || n->role == ATSPI_ROLE_LIST_BOX ||
        n->role == ATSPI_ROLE_TREE || n->role == ATSPI_ROLE_TREE_TABLE ||
        (n->role == ATSPI_ROLE_TABLE && (below == NULL || below->role == ATSPI_ROLE_TABLE_ROW)))
      list = n;
  return list;
}

gboolean
a11y_node_is_item (A11yNode *node)
{
  return node->role == ATSPI_ROLE_LIST_ITEM || node->role == ATSPI_ROLE_TABLE_ROW ||
         node->role == ATSPI_ROLE_TREE_ITEM;
}

A11yNode *
a11y_node_get_control (A11yNode *node)
{
  for (A11yNode *n = node->parent; n != NULL; n = n->parent)
    switch (n->role)
      {
      case ATSPI_ROLE_PUSH_BUTTON:
      case ATSPI_ROLE_TOGGLE_BUTTON:
      case ATSPI_ROLE_COMBO_BOX:
      case ATSPI_ROLE_CHECK_BOX:
      case ATSPI_ROLE_RADIO_BUTTON:
      case ATSPI_ROLE_SPIN_BUTTON:
      case ATSPI_ROLE_ENTRY:
        return n;
      default:
        break;
      }
  return NULL;
}

gboolean
a11y_node_has_size (A11yNode *node)
{
  return has_size (node->accessible);
}

void
a11y_press (guint keysym, guint modifiers)
{
  g_autoptr (GError) error = NULL;

  if (modifiers != 0)
    atspi_generate_keyboard_event (modifiers, NULL, ATSPI_KEY_LOCKMODIFIERS, &error);
  g_assert_no_error (error);
  atspi_generate_keyboard_event (keysym, NULL, ATSPI_KEY_SYM, &error);
  g_assert_no_error (error);
  if (modifiers != 0)
    atspi_generate_keyboard_event (modifiers, NULL, ATSPI_KEY_UNLOCKMODIFIERS, &error);
  g_assert_no_error (error);
}

typedef struct
{
  A11yApp *app;
  guint before;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *wait = data;

  return wait->app->focused->len > wait->before;
}

AtspiAccessible *
a11y_press_for_focus (A11yApp *app, guint keysym, guint modifiers)
{
  FocusWait wait = { app, app->focused->len };
  gboolean moved;

  a11y_press (keysym, modifiers);
  /* An audit of a tree known to be silent in places waits briefly for each event. */
  if (g_strcmp0 (g_getenv ("PATHWAY_A11Y_AUDIT"), "1") == 0)
    wait_seconds = 1;
  moved = a11y_wait (focus_moved, &wait);
  wait_seconds = WAIT_SECONDS;
  if (!moved)
    return NULL;
  return g_ptr_array_index (app->focused, app->focused->len - 1);
}
