/* pathway-view-slot.c: a page that makes its view when first asked (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-view-slot.h"

struct _PathwayViewSlot
{
  AdwBin parent_instance;

  /* A name rather than a GType property: GtkBuilder initialises the class of every type it
   * reads, and so would set up all six views' classes (and read their templates) at start. */
  char *view_type_name;
};

G_DEFINE_FINAL_TYPE (PathwayViewSlot, pathway_view_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW_TYPE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
pathway_view_slot_get_view_type (PathwayViewSlot *self)
{
  g_return_val_if_fail (PATHWAY_IS_VIEW_SLOT (self), G_TYPE_INVALID);

  return self->view_type_name != NULL ? g_type_from_name (self->view_type_name) : G_TYPE_INVALID;
}

PathwayView *
pathway_view_slot_get_view (PathwayViewSlot *self)
{
  PathwayView *view;
  GType type;

  g_return_val_if_fail (PATHWAY_IS_VIEW_SLOT (self), NULL);

  view = pathway_view_slot_peek_view (self);
  if (view != NULL)
    return view;
  type = pathway_view_slot_get_view_type (self);
  g_return_val_if_fail (g_type_is_a (type, PATHWAY_TYPE_VIEW) && !G_TYPE_IS_ABSTRACT (type), NULL);
  view = g_object_new (type, NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (view));
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
pathway_view_slot_finalize (GObject *object)
{
  PathwayViewSlot *self = PATHWAY_VIEW_SLOT (object);

  g_free (self->view_type_name);

  G_OBJECT_CLASS (pathway_view_slot_parent_class)->finalize (object);
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
    case PROP_VIEW_TYPE_NAME:
      g_value_set_string (value, self->view_type_name);
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
    case PROP_VIEW_TYPE_NAME:
      g_free (self->view_type_name);
      self->view_type_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_view_slot_class_init (PathwayViewSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_view_slot_finalize;
  object_class->get_property = pathway_view_slot_get_property;
  object_class->set_property = pathway_view_slot_set_property;

  /* The name of a PathwayView subclass, registered by the time the view is wanted. */
  properties[PROP_VIEW_TYPE_NAME] =
    g_param_spec_string ("view-type-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_view_slot_init (PathwayViewSlot *self)
{
}
