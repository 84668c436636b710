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
