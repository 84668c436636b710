/* pathway-announce.c: the nearest GTK 4.8 comes to an announcement (gtk_accessible_announce
 * is GTK 4.14). A PathwayAnnouncer is an empty widget of no height that draws nothing, so
 * nothing is seen, with the accessible role ALERT; each announcement hides it, makes the text its
 * accessible label (its name), and shows it again, so that a repeat of the same words is a new
 * event too.
 *
 * What GTK 4.8.3 sends for this, as observed on its AT-SPI bus (at-spi2-core 2.46, Debian 12)
 * and read in gtk/a11y/gtkatspiutils.c and gtkatspicontext.c: the role is ATSPI_ROLE_ALERT
 * (4.8 maps no role to ATSPI_ROLE_NOTIFICATION); hiding and showing a widget, by
 * gtk_widget_set_visible or by GTK_ACCESSIBLE_STATE_HIDDEN alike, sends the parent's
 * object:children-changed:remove and :add with the alert as the child, and the new label
 * object:property-change:accessible-name; GTK 4.8 sends no object:state-changed:showing for
 * either. Events go out only for an object that an assistive technology has already read (GTK
 * 4.8 realises an accessible lazily, when a client asks for it): so the alert is in the tree
 * from the start, with an empty name, where a client reading the window finds it, and stays
 * there with the latest words, where a screen reader's review finds them again.
 *
 * Why an alert rather than GTK_ACCESSIBLE_ROLE_STATUS: 4.8 maps STATUS to a status bar, which
 * Orca reads only when asked (its "read status bar" key); an alert is the role ARIA gives to
 * words that must be told at once. What a screen reader says for these events on GTK 4.8
 * depends on it: Orca's default script speaks object:state-changed:showing only for
 * notifications and tooltips, and passes over most name and text changes of objects without
 * the focus. The other means 4.8 offers (changing the focused widget's description, which Orca
 * speaks) would overwrite the descriptions the views give their rows, so it is not used. When
 * the platform has GTK 4.14, pathway_announce is the one place to call gtk_accessible_announce
 * instead. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include "pathway-announce.h"

/* The key under which a window keeps its announcer, set while the announcer is in it. */
#define ANNOUNCER_KEY "pathway-announcer"

struct _PathwayAnnouncer
{
  GtkWidget parent_instance;

  char *text;
  guint n_announced;
};

G_DEFINE_FINAL_TYPE (PathwayAnnouncer, pathway_announcer, GTK_TYPE_WIDGET)

static void
pathway_announcer_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pathway_announcer_parent_class)->root (widget);

  g_object_set_data (G_OBJECT (gtk_widget_get_root (widget)), ANNOUNCER_KEY, widget);
}

static void
pathway_announcer_unroot (GtkWidget *widget)
{
  GObject *root = G_OBJECT (gtk_widget_get_root (widget));

  if (g_object_get_data (root, ANNOUNCER_KEY) == widget)
    g_object_set_data (root, ANNOUNCER_KEY, NULL);

  GTK_WIDGET_CLASS (pathway_announcer_parent_class)->unroot (widget);
}

static void
pathway_announcer_finalize (GObject *object)
{
  PathwayAnnouncer *self = PATHWAY_ANNOUNCER (object);

  g_free (self->text);

  G_OBJECT_CLASS (pathway_announcer_parent_class)->finalize (object);
}

static void
pathway_announcer_class_init (PathwayAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathway_announcer_finalize;
  widget_class->root = pathway_announcer_root;
  widget_class->unroot = pathway_announcer_unroot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_widget_class_set_css_name (widget_class, "announcer");
}

static void
pathway_announcer_init (PathwayAnnouncer *self)
{
  /* In the tree from the start, so that a screen reader reading the window reads it too and
   * the first announcement is sent (see above); with an empty name, not its type's. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static void
pathway_announcer_say (PathwayAnnouncer *self,
                       const char       *text)
{
  g_free (self->text);
  self->text = g_strdup (text);
  self->n_announced++;

  /* Hidden first, then named, then shown: the name is new before the alert appears again. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

PathwayAnnouncer *
pathway_announcer_find (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = GTK_IS_ROOT (widget) ? GTK_ROOT (widget) : gtk_widget_get_root (widget);
  /* A dialog says its results through the window it belongs to (an import's counts). */
  while (root != NULL)
    {
      PathwayAnnouncer *announcer = g_object_get_data (G_OBJECT (root), ANNOUNCER_KEY);

      if (announcer != NULL)
        return announcer;
      if (!GTK_IS_WINDOW (root))
        break;
      root = (GtkRoot *) gtk_window_get_transient_for (GTK_WINDOW (root));
    }
  return NULL;
}

void
pathway_announce (GtkWidget  *widget,
                  const char *text)
{
  PathwayAnnouncer *announcer;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (text[0] == '\0')
    return;
  announcer = pathway_announcer_find (widget);
  if (announcer == NULL)
    {
      g_debug ("No announcer for a %s: “%s” not announced", G_OBJECT_TYPE_NAME (widget), text);
      return;
    }
  pathway_announcer_say (announcer, text);
}

const char *
pathway_announcer_get_text (PathwayAnnouncer *self)
{
  g_return_val_if_fail (PATHWAY_IS_ANNOUNCER (self), NULL);

  return self->text;
}

guint
pathway_announcer_get_n_announced (PathwayAnnouncer *self)
{
  g_return_val_if_fail (PATHWAY_IS_ANNOUNCER (self), 0);

  return self->n_announced;
}
