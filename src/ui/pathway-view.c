/* pathway-view.c: the base of the main window's views (see the header). It holds the document
 * and the programme being followed, and owns the view's PathwayRefresh, so that each view
 * writes only what it shows and what it watches. */
#define G_LOG_DOMAIN "pathway-ui"

#include <glib/gi18n.h>

#include "pathway-refresh.h"
#include "pathway-remote.h"
#include "pathway-view.h"

#define DEFAULT_STALE_DAYS 60

typedef struct
{
  PathwayDocument *document;
  PathwayProgramme *programme;
  PathwayRefresh refresher;
  guint stale_days;
} PathwayViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PathwayView, pathway_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STALE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Following the document ---------------------------------------------------------------------- */

static void
refresh_cb (gpointer widget)
{
  PathwayView *self = PATHWAY_VIEW (widget);
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  pathway_refresh_begin (&priv->refresher);
  if (PATHWAY_VIEW_GET_CLASS (self)->refresh != NULL)
    PATHWAY_VIEW_GET_CLASS (self)->refresh (self);
}

static void
watch_item_cb (PathwayRefresh *refresh, GObject *item)
{
  PathwayView *self = PATHWAY_VIEW (refresh->widget);

  if (PATHWAY_VIEW_GET_CLASS (self)->watch_item != NULL)
    PATHWAY_VIEW_GET_CLASS (self)->watch_item (self, item);
}

static void
follow_programme (PathwayView *self)
{
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);
  PathwayProgramme *programme = NULL;

  pathway_refresh_unwatch_all (&priv->refresher);
  if (priv->document != NULL)
    programme = pathway_document_get_programme (priv->document);
  g_set_object (&priv->programme, programme);
  if (PATHWAY_VIEW_GET_CLASS (self)->programme_changed != NULL)
    PATHWAY_VIEW_GET_CLASS (self)->programme_changed (self, programme);
}

static void
document_programme_cb (PathwayView *self)
{
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  /* A rolled-back batch replaces the programme: every object the view knew is gone. */
  follow_programme (self);
  pathway_refresh_now_or_later (&priv->refresher);
}

static void
document_read_only_cb (PathwayView *self)
{
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  pathway_refresh_queue (&priv->refresher);
}

/* Another person's change on the server: the model's objects and lists have followed it, but
 * what a view reads from the store when it refreshes (readings, history, the pack) has not
 * told it, so every view refreshes, once, when next shown. */
static void
document_remote_change_cb (PathwayView *self)
{
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  pathway_refresh_queue (&priv->refresher);
}

void
pathway_view_set_document (PathwayView     *self,
                           PathwayDocument *document)
{
  PathwayViewPrivate *priv;

  g_return_if_fail (PATHWAY_IS_VIEW (self));
  g_return_if_fail (document == NULL || PATHWAY_IS_DOCUMENT (document));

  priv = pathway_view_get_instance_private (self);
  if (priv->document == document)
    return;

  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_set_object (&priv->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::programme",
                                G_CALLBACK (document_programme_cb), self);
      g_signal_connect_swapped (document, "notify::read-only",
                                G_CALLBACK (document_read_only_cb), self);
      g_signal_connect_swapped (document, "remote-change",
                                G_CALLBACK (document_remote_change_cb), self);
    }

  if (PATHWAY_VIEW_GET_CLASS (self)->document_changed != NULL)
    PATHWAY_VIEW_GET_CLASS (self)->document_changed (self);
  follow_programme (self);
  pathway_refresh_now_or_later (&priv->refresher);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PathwayDocument *
pathway_view_get_document (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), NULL);

  priv = pathway_view_get_instance_private (self);
  return priv->document;
}

PathwayProgramme *
pathway_view_get_programme (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), NULL);

  priv = pathway_view_get_instance_private (self);
  return priv->programme;
}

gboolean
pathway_view_get_writable (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), FALSE);

  priv = pathway_view_get_instance_private (self);
  return priv->document != NULL && !pathway_document_get_read_only (priv->document);
}

char *
pathway_view_dup_refusal (PathwayView *self,
                          gpointer     record)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), NULL);

  priv = pathway_view_get_instance_private (self);
  if (priv->document == NULL)
    return g_strdup ("");
  return pathway_document_dup_refusal (priv->document, record);
}

gboolean
pathway_view_get_can_add (PathwayView *self,
                          GType        type)
{
  PathwayViewPrivate *priv;
  PathwayAccess access;
  g_autoptr(GObject) draft = NULL;
  g_autofree char *refusal = NULL;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), FALSE);

  priv = pathway_view_get_instance_private (self);
  if (!pathway_view_get_writable (self))
    return FALSE;
  access = pathway_document_get_access (priv->document);
  /* A new action or risk belongs to no workstream until the form says which: asked of a
   * draft, the rules would refuse every lead. */
  if (type == PATHWAY_TYPE_ACTION || type == PATHWAY_TYPE_RISK)
    return access == PATHWAY_ACCESS_MANAGER || access == PATHWAY_ACCESS_LEAD;
  draft = g_object_new (type, NULL);
  refusal = pathway_document_dup_refusal (priv->document, draft);
  return refusal == NULL;
}

gboolean
pathway_view_get_manages (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), FALSE);

  priv = pathway_view_get_instance_private (self);
  return pathway_view_get_writable (self) &&
         pathway_document_get_access (priv->document) == PATHWAY_ACCESS_MANAGER;
}

void
pathway_view_set_stale_days (PathwayView *self,
                             guint        days)
{
  PathwayViewPrivate *priv;

  g_return_if_fail (PATHWAY_IS_VIEW (self));

  priv = pathway_view_get_instance_private (self);
  days = MAX (days, 1);
  if (priv->stale_days == days)
    return;

  /* Only the views that show staleness follow it (notify::stale-days): the others are not
   * made again for it. */
  priv->stale_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_DAYS]);
}

guint
pathway_view_get_stale_days (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), DEFAULT_STALE_DAYS);

  priv = pathway_view_get_instance_private (self);
  return priv->stale_days;
}

void
pathway_view_watch (PathwayView *self,
                    gpointer     object)
{
  PathwayViewPrivate *priv;

  g_return_if_fail (PATHWAY_IS_VIEW (self));

  priv = pathway_view_get_instance_private (self);
  pathway_refresh_watch (&priv->refresher, object);
}

void
pathway_view_watch_list (PathwayView *self,
                         GListModel  *list)
{
  PathwayViewPrivate *priv;

  g_return_if_fail (PATHWAY_IS_VIEW (self));

  priv = pathway_view_get_instance_private (self);
  pathway_refresh_watch_list (&priv->refresher, list);
}

void
pathway_view_queue_refresh (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_if_fail (PATHWAY_IS_VIEW (self));

  priv = pathway_view_get_instance_private (self);
  pathway_refresh_queue (&priv->refresher);
}

void
pathway_view_refresh (PathwayView *self)
{
  g_return_if_fail (PATHWAY_IS_VIEW (self));

  refresh_cb (self);
}

gboolean
pathway_view_is_refresh_pending (PathwayView *self)
{
  PathwayViewPrivate *priv;

  g_return_val_if_fail (PATHWAY_IS_VIEW (self), FALSE);

  priv = pathway_view_get_instance_private (self);
  return pathway_refresh_is_pending (&priv->refresher);
}

void
pathway_view_catch_up (PathwayView *self)
{
  g_return_if_fail (PATHWAY_IS_VIEW (self));

  if (pathway_view_is_refresh_pending (self))
    refresh_cb (self);
}

void
pathway_view_dispose_template (PathwayView *self,
                               GType        type)
{
  g_return_if_fail (PATHWAY_IS_VIEW (self));

  /* The bin lets go of its child first: the template would unparent it behind its back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), type);
}

/* Class ---------------------------------------------------------------------------------------- */

static void
pathway_view_map (GtkWidget *widget)
{
  /* Up to date before its first frame. */
  pathway_view_catch_up (PATHWAY_VIEW (widget));

  GTK_WIDGET_CLASS (pathway_view_parent_class)->map (widget);
}

static void
pathway_view_dispose (GObject *object)
{
  PathwayView *self = PATHWAY_VIEW (object);
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  pathway_refresh_clear (&priv->refresher);
  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_clear_object (&priv->document);
  g_clear_object (&priv->programme);

  G_OBJECT_CLASS (pathway_view_parent_class)->dispose (object);
}

static void
pathway_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PathwayView *self = PATHWAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, pathway_view_get_document (self));
      break;

    case PROP_STALE_DAYS:
      g_value_set_uint (value, pathway_view_get_stale_days (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PathwayView *self = PATHWAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pathway_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_STALE_DAYS:
      pathway_view_set_stale_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_view_class_init (PathwayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_view_dispose;
  object_class->get_property = pathway_view_get_property;
  object_class->set_property = pathway_view_set_property;
  widget_class->map = pathway_view_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PATHWAY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STALE_DAYS] =
    g_param_spec_uint ("stale-days", NULL, NULL, 1, G_MAXUINT, DEFAULT_STALE_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_view_init (PathwayView *self)
{
  PathwayViewPrivate *priv = pathway_view_get_instance_private (self);

  priv->stale_days = DEFAULT_STALE_DAYS;
  pathway_refresh_init (&priv->refresher, self, refresh_cb);
  /* The class's own watch_item is looked up when an item comes: while this runs, the
   * instance's class is still PathwayViewClass. */
  pathway_refresh_set_item_func (&priv->refresher, watch_item_cb);
}

void
pathway_view_name_drop_down (GtkDropDown *drop_down,
                             const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  /* GTK 4.8 gives the focus to the drop-down's own toggle button, which says nothing of it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
}

void
pathway_view_name_column_headings (GtkColumnView *column_view)
{
  GtkWidget *header;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  /* GTK 4.8 makes the headings' row first, before the list of rows. */
  header = gtk_widget_get_first_child (GTK_WIDGET (column_view));
  if (header != NULL && !GTK_IS_LIST_VIEW (header))
    gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Column headings"), -1);
}
