/* a11y-support.h: what the accessibility tests share: Pathway started as a person would start
 * it, under the AT-SPI bus (tests/a11y/run-under-atspi), found on the bus, its tree read as a
 * screen reader reads it, keys typed through the registry, and the focus and announcement
 * events it sends collected as they come.
 */
#pragma once

#include <atspi/atspi.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* libatspi 2.46 defines no automatic clean-up of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAction, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiComponent, g_object_unref)

/* One element of the tree as read at one moment. */
typedef struct _A11yNode A11yNode;
struct _A11yNode
{
  AtspiAccessible *accessible;
  A11yNode *parent;
  AtspiRole role;
  char *role_name;
  char *name;
  guint focusable : 1;
  guint focused : 1;
  guint enabled : 1;
  guint editable : 1;
  guint selectable : 1;
};

typedef struct
{
  GPid pid;
  GSubprocess *process;
  char *folder;
  char *file;
  AtspiAccessible *application;
  /* Every object that reported gaining focus, in order (owned references). */
  GPtrArray *focused;
  /* Every announcement heard: the name of a notification, alert or status object as it became
   * showing or changed its name (owned strings). */
  GPtrArray *announcements;
  AtspiEventListener *focus_listener;
  AtspiEventListener *announcement_listener;
} A11yApp;

/* Waits up to 30 s (times PATHWAY_TEST_TIMEOUT_MULTIPLIER) for condition, running the main
 * loop meanwhile; FALSE when it did not come. */
gboolean a11y_wait (gboolean (*condition) (gpointer data), gpointer data);

/* Writes the demo programme (empty_name NULL) or an empty programme of that name with
 * pathway-cli, opens it in pathway (both from the environment: PATHWAY_APP, PATHWAY_CLI) and
 * waits until its window is on the bus. */
A11yApp *a11y_app_start (const char *empty_name);
void a11y_app_stop (A11yApp *app);
/* Moves the pointer over the active window, which gives it the keyboard. */
void a11y_point_at_window (A11yApp *app);

/* The application's window that is showing and active, or NULL (a new reference). */
AtspiAccessible *a11y_app_get_window (A11yApp *app, const char *name_prefix);

/* The tree under a window as shown with the view-th view (in the switcher's order; -1: every
 * view): the pages of other stacks that are not shown are left out. Free with
 * g_ptr_array_unref. */
GPtrArray *a11y_read_tree (AtspiAccessible *root, int view);
char *a11y_node_path (A11yNode *node);
gboolean a11y_name_is_type_name (const char *name);
/* The outermost list, table or tree the node is or is in, or NULL. */
A11yNode *a11y_node_get_list (A11yNode *node);
/* Whether the node is an item of a list, table or tree (a row). */
gboolean a11y_node_is_item (A11yNode *node);
/* The control the node is a part of (the button a drop-down's current item is drawn in), or
 * NULL. */
A11yNode *a11y_node_get_control (A11yNode *node);
/* Whether the element has been given room on screen (a page never shown has none). */
gboolean a11y_node_has_size (A11yNode *node);

/* Keys through the registry, as a keyboard would type them. modifiers: ATSPI modifier mask
 * bits (1 Shift, 4 Control, 8 Alt). */
void a11y_press (guint keysym, guint modifiers);
/* Presses the key and waits for a focus event: the object focused, or NULL when none came. */
AtspiAccessible *a11y_press_for_focus (A11yApp *app, guint keysym, guint modifiers);

G_END_DECLS
