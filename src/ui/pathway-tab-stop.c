/* pathway-tab-stop.c: a table, list or sidebar as one Tab stop (see the header).
 *
 * A Tab press is the window's move-focus, which asks each widget on the way to the focus in
 * turn to move it (gtk_widget_child_focus): saying no here, while the focus is within, lets
 * the widget around it move on to the next control, as it does after any other one. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-tab-stop.h"

struct _PathwayTabStop
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PathwayTabStop, pathway_tab_stop, ADW_TYPE_BIN)

static gboolean
pathway_tab_stop_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean within = gtk_widget_get_focus_child (widget) != NULL;

  if (child == NULL)
    return FALSE;
  if (within && (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    return FALSE;
  return gtk_widget_child_focus (child, direction);
}

static void
pathway_tab_stop_class_init (PathwayTabStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = pathway_tab_stop_focus;
}

static void
pathway_tab_stop_init (PathwayTabStop *self)
{
}

GtkWidget *
pathway_tab_stop_new (void)
{
  return g_object_new (PATHWAY_TYPE_TAB_STOP, NULL);
}

/* A list box's own rows, whether one holds a control of its own. */
static gboolean
holds_control (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && gtk_widget_get_focusable (child) &&
          gtk_widget_get_can_focus (child))
        return TRUE;
      if (holds_control (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkDirectionType direction;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || focus == NULL)
    return FALSE;
  /* A row that holds controls of its own (a menu, a switch) keeps Tab for them: only a row
   * that is the whole stop hands Tab on past the list. */
  if (!GTK_IS_LIST_BOX_ROW (focus) || gtk_widget_get_parent (focus) != list ||
      holds_control (focus))
    return FALSE;
  if (direction == GTK_DIR_TAB_BACKWARD && (state & GDK_SHIFT_MASK) == 0)
    return FALSE;
  /* Out of the list as from its last control: with the list closed to the focus for the
   * moment, the window moves on to the control after it (or before it). */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

void
pathway_tab_stop_attach (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (g_object_get_data (G_OBJECT (list), "pathway-tab-stop") != NULL)
    return;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_cb), NULL);
  gtk_widget_add_controller (list, keys);
  g_object_set_data (G_OBJECT (list), "pathway-tab-stop", GINT_TO_POINTER (1));
}

void
pathway_tab_stop_attach_lists (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (PATHWAY_IS_TAB_STOP (child))
        continue;
      if (GTK_IS_LIST_BOX (child))
        pathway_tab_stop_attach (child);
      pathway_tab_stop_attach_lists (child);
    }
}
