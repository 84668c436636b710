/* pathway-view-slot.c: a page that makes its view when first asked (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-view-slot.h"

struct _PathwayViewSlot
{
  AdwBin parent_instance;

  GType view_type;
};

G_DEFINE_FINAL_TYPE (PathwayViewSlot, pathway_view_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
pathway_view_slot_get_view_type (PathwayViewSlot *self)
{
  g_return_val_if_fail (PATHWAY_IS_VIEW_SLOT (self), G_TYPE_INVALID);

  return self->view_type;
}

PathwayView *
pathway_view_slot_get_view (PathwayViewSlot *self)
{
  PathwayView *view;

  g_return_val_if_fail (PATHWAY_IS_VIEW_SLOT (self), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (self->view_type), NULL);

  view = pathway_view_slot_peek_view (self);
  if (view == NULL)
    {
      view = g_object_new (self->view_type, NULL);
      adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (view));
    }
  return view;
}

PathwayView *
pathway_view_slot_peek_view (PathwayViewSlot *self)
{
  GtkWidget *child;

  g_return_val_if_fail (PATHWAY_IS_VIEW_SLOT (self), NULL);

  child = adw_bin_get_child (ADW_BIN (self));
  return child != NULL ? PATHWAY_VIEW (child) : NULL;
}

static void
pathway_view_slot_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwayViewSlot *self = PATHWAY_VIEW_SLOT (object);

  switch (prop_id)
    {
    case PROP_VIEW_TYPE:
      g_value_set_gtype (value, self->view_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_view_slot_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwayViewSlot *self = PATHWAY_VIEW_SLOT (object);

  switch (prop_id)
    {
    case PROP_VIEW_TYPE:
      self->view_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_view_slot_class_init (PathwayViewSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pathway_view_slot_get_property;
  object_class->set_property = pathway_view_slot_set_property;

  /* The default is PathwayView itself, which is abstract: a page that names no type of view
   * is refused when its view is wanted. */
  properties[PROP_VIEW_TYPE] =
    g_param_spec_gtype ("view-type", NULL, NULL, PATHWAY_TYPE_VIEW,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_view_slot_init (PathwayViewSlot *self)
{
}
