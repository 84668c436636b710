/* test-a11y.c: Pathway as a screen reader and a keyboard meet it.
 *
 * The demo programme opens in the real application under the AT-SPI bus. For every view the
 * test reads the whole tree (no control without a name, no name that is a type name) and walks
 * it with Tab and Shift+Tab typed through the registry, counting where focus lands: every
 * control must be reached both ways, each list or table must be one stop, and every stop must
 * send a focus event (a screen reader says nothing otherwise). Then the tracker's rows must say
 * their reference and rating, the action editor's every field must be announced as focus
 * reaches it, and a search's count must be announced.
 *
 * The counts (elements, unnamed, unreachable) are printed as TAP comments: they are the
 * audit's numbers. With PATHWAY_A11Y_AUDIT=1 in the environment the test counts without
 * failing, for an audit of a tree that is known to fall short.
 */
#include "a11y-support.h"

#include <string.h>

#define KEY_TAB 0xff09
#define KEY_RETURN 0xff0d
#define KEY_ESCAPE 0xff1b
#define SHIFT 1
#define CONTROL 4

static A11yApp *app;
static gboolean audit;

typedef struct
{
  const char *title;
} View;

static const View views[] = {
  { "Overview" }, { "Workstreams" }, { "Actions" }, { "Indicators" },
  { "Risks" }, { "Co-production" }, { "Board Report" }, { "Set-up" },
};

/* The main window's name, to tell another window from it. */
static char *main_title;
/* The view shown, in the switcher's order (-1 before the first is chosen). */
static int current_view = -1;

static AtspiAccessible *
main_window (void)
{
  AtspiAccessible *window = a11y_app_get_window (app, NULL);

  g_assert_nonnull (window);
  return window;
}

/* The view switcher's button for a view, as read now. */
static A11yNode *
find_switcher_button (GPtrArray *nodes, const char *title)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      if ((node->role == ATSPI_ROLE_TOGGLE_BUTTON || node->role == ATSPI_ROLE_RADIO_BUTTON ||
           node->role == ATSPI_ROLE_PAGE_TAB) &&
          g_strcmp0 (node->name, title) == 0)
        return node;
    }
  return NULL;
}

static GHashTable *switcher_buttons;

/* The view switcher's buttons, found once: the bus keeps an element's object while it lives. */
static gboolean
switcher_found (gpointer data)
{
  g_autoptr (AtspiAccessible) window = main_window ();
  g_autoptr (GPtrArray) nodes = a11y_read_tree (window, current_view);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      A11yNode *button = find_switcher_button (nodes, views[i].title);

      if (button == NULL)
        return FALSE;
      g_hash_table_insert (switcher_buttons, (gpointer) views[i].title,
                           g_object_ref (button->accessible));
    }
  return TRUE;
}

static gboolean
view_is_shown (gpointer data)
{
  AtspiAccessible *button = g_hash_table_lookup (switcher_buttons, data);
  g_autoptr (AtspiStateSet) states = atspi_accessible_get_state_set (button);

  return atspi_state_set_contains (states, ATSPI_STATE_CHECKED) ||
         atspi_state_set_contains (states, ATSPI_STATE_PRESSED) ||
         atspi_state_set_contains (states, ATSPI_STATE_SELECTED);
}

static void
show_view (const char *title)
{
  g_autoptr (AtspiAction) action = NULL;
  g_autoptr (GError) error = NULL;
  AtspiAccessible *button;

  if (switcher_buttons == NULL)
    {
      switcher_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      /* The window is on the bus before all of its content is. */
      if (!a11y_wait (switcher_found, NULL))
        {
          g_autoptr (AtspiAccessible) window = main_window ();
          g_autoptr (GPtrArray) nodes = a11y_read_tree (window, -1);

          for (guint i = 0; i < nodes->len; i++)
            {
              A11yNode *node = g_ptr_array_index (nodes, i);

              if (node->role == ATSPI_ROLE_PAGE_TAB || node->role == ATSPI_ROLE_TOGGLE_BUTTON ||
                  node->role == ATSPI_ROLE_RADIO_BUTTON)
                {
                  g_autofree char *path = a11y_node_path (node);

                  g_test_message ("a button: %s", path);
                }
            }
          g_error ("The view switcher has not a button for every view");
        }
    }
  button = g_hash_table_lookup (switcher_buttons, title);
  action = atspi_accessible_get_action_iface (button);
  g_assert_nonnull (action);
  atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
  if (!a11y_wait (view_is_shown, (gpointer) title))
    g_error ("The view \"%s\" was not shown", title);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_str_equal (views[i].title, title))
      current_view = i;
}

/* What a person never lands on by itself: a part of another control (the item a drop-down's
 * button draws), a scrolled window (GTK 4.8 calls each focusable, but it takes the focus only
 * when nothing inside can), a list or table (its rows take the focus), and the
 * window's own controls, which GTK leaves out of Tab and the desktop gives keys to (Alt+F4,
 * Super+Up, Super+Down). */
static gboolean
is_part (A11yNode *node)
{
  if (a11y_node_get_control (node) != NULL || node->role == ATSPI_ROLE_SCROLL_PANE)
    return TRUE;
  /* The list a combo row drops down (libadwaita's own, unnamed in GTK 4.8): while it is
   * closed GTK 4.8 still has it in the tree. */
  for (A11yNode *n = node->parent; n != NULL; n = n->parent)
    if (n->role == ATSPI_ROLE_LIST && g_strcmp0 (n->name, "GtkListView") == 0)
      for (A11yNode *up = n->parent; up != NULL; up = up->parent)
        if (up->role == ATSPI_ROLE_LIST_ITEM)
          return TRUE;
  /* A list or table never holds the focus itself: its rows do, and say what they are. */
  if (node->role == ATSPI_ROLE_LIST || node->role == ATSPI_ROLE_LIST_BOX ||
      node->role == ATSPI_ROLE_TABLE || node->role == ATSPI_ROLE_TREE_TABLE ||
      node->role == ATSPI_ROLE_TREE)
    return TRUE;
  return node->role == ATSPI_ROLE_PUSH_BUTTON &&
         (g_strcmp0 (node->name, "Minimize") == 0 || g_strcmp0 (node->name, "Maximize") == 0 ||
          g_strcmp0 (node->name, "Close") == 0);
}

/* A control is something a person can operate or that holds a value. */
static gboolean
is_control (A11yNode *node)
{
  if (is_part (node))
    return FALSE;
  switch (node->role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_TEXT:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_TABLE_ROW:
      return TRUE;
    default:
      return node->focusable;
    }
}

static gboolean
is_unnamed (A11yNode *node)
{
  return node->name == NULL || node->name[0] == '\0' || a11y_name_is_type_name (node->name);
}

/* Reads the tree under the window and reports what is wrong with names. */
static void
check_names (GPtrArray *nodes, const char *what)
{
  guint controls = 0, unnamed = 0, type_names = 0, focusable = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      if (a11y_name_is_type_name (node->name))
        type_names++;
      if (node->focusable)
        focusable++;
      if (!is_control (node))
        continue;
      controls++;
      /* Something not given room on screen (an empty error line, a closed drop-down's list) is
       * named when it is shown. */
      if (is_unnamed (node) && a11y_node_has_size (node))
        {
          g_autofree char *path = a11y_node_path (node);

          unnamed++;
          g_test_message ("no name: %s", path);
        }
    }
  /* GTK 4.8 names every element without a name of its own by its type, libadwaita's inner
   * parts too ("AdwGizmo"); those that are not controls a screen reader passes over. */
  g_test_message ("%s: %u elements, %u controls, %u focusable, %u controls without a name "
                  "(or named by their type), %u elements in all named by their type", what,
                  nodes->len, controls, focusable, unnamed, type_names);
  if (!audit)
    g_assert_cmpuint (unnamed, ==, 0);
}

static void
dump (GPtrArray *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *path = a11y_node_path (node);
      int depth = 0;

      for (A11yNode *n = node; n != NULL; n = n->parent)
        depth++;
      if (depth <= 12)
        g_test_message ("%d %s%s", depth, path, node->focusable ? " (focusable)" : "");
    }
}

static gboolean
focus_was (A11yNode *node, GHashTable *reached)
{
  return g_hash_table_contains (reached, node->accessible);
}

/* Tabs round the window from where focus is until it comes back, then checks that every
 * focusable control was reached and that each list took one stop. */
static void
walk (GPtrArray *nodes, guint modifiers, const char *what, gboolean *all_events)
{
  g_autoptr (GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) list_stops = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) node_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) reached_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
  guint silent = 0, unreachable = 0, presses = 0, lists_with_many = 0;
  AtspiAccessible *first = NULL;
  A11yNode *previous_list = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      g_hash_table_insert (node_of, node->accessible, node);
    }

  /* An audit of a tree known to fall short stops sooner where Tab is caught. */
  guint limit = audit ? 200 : 400;

  for (presses = 0; presses < limit; presses++)
    {
      AtspiAccessible *focused = a11y_press_for_focus (app, KEY_TAB, modifiers);
      A11yNode *node, *list;

      if (focused == NULL)
        {
          silent++;
          continue;
        }
      if (focused == first)
        break;
      if (first == NULL)
        first = focused;
      g_hash_table_add (reached, focused);
      g_ptr_array_add (order, focused);
      node = g_hash_table_lookup (node_of, focused);
      if (g_getenv ("PATHWAY_A11Y_DUMP") != NULL)
        {
          g_autofree char *path = node != NULL ? a11y_node_path (node) : NULL;

          g_test_message ("%s: stop %u: %s", what, order->len, path != NULL ? path : "(not in the tree read)");
        }
      /* Two stops in a row on items of one list: Tab moves through the list rather than past
       * it. (A stop on a control inside an item, a switch or a menu, is a form's: allowed.) */
      list = node != NULL && a11y_node_is_item (node) ? a11y_node_get_list (node) : NULL;
      if (list != NULL && list == previous_list)
        {
          guint stops = GPOINTER_TO_UINT (g_hash_table_lookup (list_stops, list)) + 1;

          g_hash_table_insert (list_stops, list, GUINT_TO_POINTER (stops));
          if (stops == 1)
            {
              g_autofree char *path = a11y_node_path (list);

              lists_with_many++;
              g_test_message ("%s: Tab stays inside %s", what, path);
            }
        }
      previous_list = list;
    }

  /* A control shown twice for two widths (libadwaita's view switcher in the header and in
   * the bar below) counts as reached when its twin of the same role and name was: GTK 4.8
   * does not say which of the two is on screen. */
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      if (focus_was (node, reached))
        g_hash_table_add (reached_names, g_strdup_printf ("%d %s", node->role, node->name));
    }
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);
      A11yNode *list;
      g_autofree char *role_name = g_strdup_printf ("%d %s", node->role, node->name);

      if (g_hash_table_contains (reached_names, role_name))
        continue;
      if (!node->focusable || !node->enabled || focus_was (node, reached) || is_part (node) ||
          !a11y_node_has_size (node))
        continue;
      /* One stop in a list reaches the list: the arrows go on from there. */
      list = a11y_node_get_list (node);
      if (list != NULL)
        {
          gboolean entered = focus_was (list, reached);

          for (guint j = 0; j < nodes->len && !entered; j++)
            {
              A11yNode *other = g_ptr_array_index (nodes, j);

              entered = a11y_node_get_list (other) == list && focus_was (other, reached);
            }
          if (entered)
            continue;
        }
      {
        g_autofree char *path = a11y_node_path (node);

        unreachable++;
        g_test_message ("%s: not reached: %s", what, path);
      }
    }
  g_test_message ("%s: %u stops, %u Tab presses, %u without a focus event, %u focusable not "
                  "reached, %u lists taking more than one stop", what, order->len, presses,
                  silent, unreachable, lists_with_many);
  if (all_events != NULL)
    *all_events = silent == 0;
  if (!audit)
    {
      g_assert_cmpuint (presses, <, limit);
      g_assert_cmpuint (silent, ==, 0);
      g_assert_cmpuint (unreachable, ==, 0);
      g_assert_cmpuint (lists_with_many, ==, 0);
    }
}

static GPtrArray *
read_view (const char *what)
{
  g_autoptr (AtspiAccessible) window = main_window ();
  gint64 start = g_get_monotonic_time ();
  GPtrArray *nodes = a11y_read_tree (window, current_view);

  g_test_message ("%s: the tree read in %.1f s", what,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  if (g_getenv ("PATHWAY_A11Y_DUMP") != NULL)
    dump (nodes);
  return nodes;
}

/* Every view: every control named, and Tab and Shift+Tab reach every one of them. */
static void
test_view (gconstpointer data)
{
  const View *view = data;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autofree char *forwards = g_strdup_printf ("%s, Tab", view->title);
  g_autofree char *backwards = g_strdup_printf ("%s, Shift+Tab", view->title);

  show_view (view->title);
  nodes = read_view (view->title);
  check_names (nodes, view->title);
  walk (nodes, 0, forwards, NULL);
  walk (nodes, SHIFT, backwards, NULL);
}

static const GRegex *
row_pattern (void)
{
  static GRegex *pattern;

  /* A reference ("1B iii", "3A"), then somewhere a rating in the demo's scheme. */
  if (pattern == NULL)
    pattern = g_regex_new ("^\\d+[A-Z]+( [ivx]+)?\\b.*\\b(Red|Amber|Green)\\b", 0, 0, NULL);
  return pattern;
}

/* The row of column headings, which a column view exposes as a row too: the one row with no
 * cells. */
static gboolean
is_headings (GPtrArray *nodes, A11yNode *row)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      if (node->role != ATSPI_ROLE_TABLE_CELL)
        continue;
      for (A11yNode *n = node->parent; n != NULL; n = n->parent)
        if (n == row)
          return FALSE;
    }
  return TRUE;
}

static void
test_tracker_rows (void)
{
  g_autoptr (AtspiAccessible) window = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  guint rows = 0, wrong = 0;

  show_view ("Actions");
  nodes = read_view ("Actions");
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);
      A11yNode *list = a11y_node_get_list (node);

      if (list == NULL || list == node || (node->role != ATSPI_ROLE_TABLE_ROW &&
                                           node->role != ATSPI_ROLE_LIST_ITEM))
        continue;
      if (list->role != ATSPI_ROLE_TABLE && list->role != ATSPI_ROLE_TREE_TABLE)
        continue;
      if (is_headings (nodes, node))
        continue;
      rows++;
      if (node->name == NULL || !g_regex_match (row_pattern (), node->name, 0, NULL))
        {
          wrong++;
          if (wrong <= 5)
            g_test_message ("tracker row says \"%s\"", node->name != NULL ? node->name : "");
        }
    }
  g_test_message ("tracker: %u rows showing, %u without reference and rating", rows, wrong);
  g_assert_cmpuint (rows, >, 0);
  if (!audit)
    g_assert_cmpuint (wrong, ==, 0);
}

static gboolean
editor_open (gpointer data)
{
  g_autoptr (AtspiAccessible) window = a11y_app_get_window (app, NULL);
  g_autofree char *name = window != NULL ? atspi_accessible_get_name (window, NULL) : NULL;

  return name != NULL && (data == NULL ? g_strcmp0 (name, main_title) != 0
                                        : g_str_has_prefix (name, data));
}

static gboolean
is_field (A11yNode *node)
{
  return node->role == ATSPI_ROLE_ENTRY || node->role == ATSPI_ROLE_PASSWORD_TEXT ||
         node->role == ATSPI_ROLE_SPIN_BUTTON || node->role == ATSPI_ROLE_COMBO_BOX ||
         (node->role == ATSPI_ROLE_TEXT && node->editable);
}

static void
test_editor (void)
{
  g_autoptr (AtspiAccessible) editor = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GHashTable) reached = g_hash_table_new (NULL, NULL);
  guint fields = 0, silent_fields = 0;
  guint start;

  show_view ("Actions");
  /* Into the tracker from the search field, and open the row that takes focus. */
  a11y_press ('f', CONTROL);
  for (guint i = 0; i < 40; i++)
    {
      AtspiAccessible *focused = a11y_press_for_focus (app, KEY_TAB, 0);
      AtspiRole role = focused != NULL ? atspi_accessible_get_role (focused, NULL)
                                       : ATSPI_ROLE_INVALID;

      if (g_getenv ("PATHWAY_A11Y_DUMP") != NULL && focused != NULL)
        {
          g_autofree char *name = atspi_accessible_get_name (focused, NULL);
          g_autofree char *role_name = atspi_role_get_name (role);

          g_test_message ("to the tracker: %s \"%s\"", role_name, name);
        }
      if (role == ATSPI_ROLE_TABLE_ROW)
        break;
    }
  a11y_press (KEY_RETURN, 0);
  g_test_message ("%u focus events so far", app->focused->len);
  if (!a11y_wait (editor_open, NULL))
    {
      int n = atspi_accessible_get_child_count (app->application, NULL);

      for (int i = 0; i < n; i++)
        {
          g_autoptr (AtspiAccessible) child =
            atspi_accessible_get_child_at_index (app->application, i, NULL);
          g_autofree char *name = atspi_accessible_get_name (child, NULL);
          g_autofree char *role = atspi_accessible_get_role_name (child, NULL);

          g_test_message ("a window of the application: %s \"%s\"", role, name);
        }
    }
  if (!editor_open (NULL))
    g_error ("The action editor did not open with Enter on a tracker row");
  editor = a11y_app_get_window (app, NULL);
  /* Without a window manager the keys go to the window under the pointer. */
  a11y_point_at_window (app);
  nodes = a11y_read_tree (editor, -1);
  check_names (nodes, "Action editor");

  start = app->focused->len;
  walk (nodes, 0, "Action editor, Tab", NULL);
  for (guint i = start; i < app->focused->len; i++)
    g_hash_table_add (reached, g_ptr_array_index (app->focused, i));
  for (guint i = 0; i < nodes->len; i++)
    {
      A11yNode *node = g_ptr_array_index (nodes, i);

      /* A field in a part not opened (a new timescale's, new evidence's) is not on screen. */
      if (!is_field (node) || !node->enabled || !a11y_node_has_size (node))
        continue;
      fields++;
      if (!g_hash_table_contains (reached, node->accessible))
        {
          g_autofree char *path = a11y_node_path (node);

          silent_fields++;
          g_test_message ("no focus event from %s", path);
        }
    }
  g_test_message ("action editor: %u fields, %u without a focus event", fields, silent_fields);
  g_assert_cmpuint (fields, >, 0);
  if (!audit)
    g_assert_cmpuint (silent_fields, ==, 0);
  a11y_press (KEY_ESCAPE, 0);
  if (!a11y_wait (editor_open, main_title))
    g_test_message ("the editor did not close with Escape");
}

typedef struct
{
  guint from;
  const char *words;
} Heard;

static gboolean
heard (gpointer data)
{
  Heard *h = data;

  for (guint i = h->from; i < app->announcements->len; i++)
    if (strstr (g_ptr_array_index (app->announcements, i), h->words) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_announcements (void)
{
  Heard count = { app->announcements->len, " of 110 actions" };
  g_autoptr (GError) error = NULL;

  show_view ("Actions");
  a11y_press ('f', CONTROL);
  atspi_generate_keyboard_event (0, "SALT", ATSPI_KEY_STRING, &error);
  g_assert_no_error (error);
  if (!a11y_wait (heard, &count))
    {
      for (guint i = count.from; i < app->announcements->len; i++)
        g_test_message ("heard: %s", (char *) g_ptr_array_index (app->announcements, i));
      if (!audit)
        g_error ("The search's count was not announced");
      g_test_message ("the search's count was not announced");
    }
  a11y_press (KEY_ESCAPE, 0);
}

/* From an empty programme, as a new area starts: the Overview's first steps named and reached
 * both ways, and the programme's name read as it was typed (user text is text, not markup). */
static void
test_empty (void)
{
  static const char *name = "S<OT & \"SALT\" improvement programme";
  g_autoptr (GPtrArray) nodes = NULL;

  a11y_app_stop (app);
  app = a11y_app_start (name);
  g_clear_pointer (&main_title, g_free);
  {
    g_autoptr (AtspiAccessible) window = main_window ();

    main_title = atspi_accessible_get_name (window, NULL);
  }
  g_assert_cmpstr (main_title, ==, name);
  g_clear_pointer (&switcher_buttons, g_hash_table_unref);
  show_view ("Overview");
  nodes = read_view ("Empty programme, Overview");
  check_names (nodes, "Empty programme, Overview");
  walk (nodes, 0, "Empty programme, Overview, Tab", NULL);
  walk (nodes, SHIFT, "Empty programme, Overview, Shift+Tab", NULL);
}

/* libatspi warns once that GTK 4.8 has no cache of its tree to hand over (it then reads the
 * tree call by call); that warning is about the library, not about Pathway. */
static gboolean
fatal_unless_libatspi (const char *domain, GLogLevelFlags level, const char *message,
                       gpointer data)
{
  return g_strcmp0 (domain, "dbind") != 0;
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_log_set_fatal_handler (fatal_unless_libatspi, NULL);
  audit = g_strcmp0 (g_getenv ("PATHWAY_A11Y_AUDIT"), "1") == 0;
  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs an X display and a D-Bus session (tests/a11y/run-under-atspi)");
      return g_test_run ();
    }
  app = a11y_app_start (NULL);
  {
    g_autoptr (AtspiAccessible) window = main_window ();

    main_title = atspi_accessible_get_name (window, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/a11y/view/%s", views[i].title);

      g_test_add_data_func (path, &views[i], test_view);
    }
  g_test_add_func ("/a11y/rows/tracker", test_tracker_rows);
  g_test_add_func ("/a11y/editor/fields", test_editor);
  g_test_add_func ("/a11y/announce/search", test_announcements);
  g_test_add_func ("/a11y/empty/overview", test_empty);
  status = g_test_run ();
  a11y_app_stop (app);
  g_free (main_title);
  return status;
}
