/* pathway-area-of-weakness.c: one finding of the inspection and the area's commitment for it. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-area-of-weakness.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayAreaOfWeakness
{
  GObject parent_instance;

  gint64 id;
  char *reference;
  PathwayFindingKind kind;
  char *title;
  char *finding;
  char *commitment;
  int position;
};

G_DEFINE_FINAL_TYPE (PathwayAreaOfWeakness, pathway_area_of_weakness, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_KIND,
  PROP_TITLE,
  PROP_FINDING,
  PROP_COMMITMENT,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_area_of_weakness_finalize (GObject *object)
{
  PathwayAreaOfWeakness *self = (PathwayAreaOfWeakness *)object;

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->finding, g_free);
  g_clear_pointer (&self->commitment, g_free);

  G_OBJECT_CLASS (pathway_area_of_weakness_parent_class)->finalize (object);
}

static void
pathway_area_of_weakness_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PathwayAreaOfWeakness *self = PATHWAY_AREA_OF_WEAKNESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FINDING:
      g_value_set_string (value, self->finding);
      break;

    case PROP_COMMITMENT:
      g_value_set_string (value, self->commitment);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_area_of_weakness_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PathwayAreaOfWeakness *self = PATHWAY_AREA_OF_WEAKNESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_area_of_weakness_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REFERENCE:
      pathway_area_of_weakness_set_reference (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pathway_area_of_weakness_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      pathway_area_of_weakness_set_title (self, g_value_get_string (value));
      break;

    case PROP_FINDING:
      pathway_area_of_weakness_set_finding (self, g_value_get_string (value));
      break;

    case PROP_COMMITMENT:
      pathway_area_of_weakness_set_commitment (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      pathway_area_of_weakness_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_area_of_weakness_class_init (PathwayAreaOfWeaknessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_area_of_weakness_finalize;
  object_class->get_property = pathway_area_of_weakness_get_property;
  object_class->set_property = pathway_area_of_weakness_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PATHWAY_TYPE_FINDING_KIND, PATHWAY_FINDING_WEAKNESS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FINDING] =
    g_param_spec_string ("finding", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMITMENT] =
    g_param_spec_string ("commitment", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_area_of_weakness_init (PathwayAreaOfWeakness *self)
{
  self->reference = g_strdup ("");
  self->title = g_strdup ("");
  self->finding = g_strdup ("");
  self->commitment = g_strdup ("");
}

PathwayAreaOfWeakness *
pathway_area_of_weakness_new (void)
{
  return g_object_new (PATHWAY_TYPE_AREA_OF_WEAKNESS, NULL);
}

gint64
pathway_area_of_weakness_get_id (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), 0);

  return self->id;
}

void
_pathway_area_of_weakness_set_id (PathwayAreaOfWeakness *self,
                                 gint64                 id)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
pathway_area_of_weakness_get_reference (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), NULL);

  return self->reference;
}

void
pathway_area_of_weakness_set_reference (PathwayAreaOfWeakness *self,
                                        const char            *reference)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_string (G_OBJECT (self), &self->reference, reference,
                            properties[PROP_REFERENCE]);
}

PathwayFindingKind
pathway_area_of_weakness_get_kind (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), PATHWAY_FINDING_WEAKNESS);

  return self->kind;
}

void
pathway_area_of_weakness_set_kind (PathwayAreaOfWeakness *self,
                                   PathwayFindingKind     kind)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
pathway_area_of_weakness_get_title (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), NULL);

  return self->title;
}

void
pathway_area_of_weakness_set_title (PathwayAreaOfWeakness *self,
                                    const char            *title)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
}

const char *
pathway_area_of_weakness_get_finding (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), NULL);

  return self->finding;
}

void
pathway_area_of_weakness_set_finding (PathwayAreaOfWeakness *self,
                                      const char            *finding)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_string (G_OBJECT (self), &self->finding, finding, properties[PROP_FINDING]);
}

const char *
pathway_area_of_weakness_get_commitment (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), NULL);

  return self->commitment;
}

void
pathway_area_of_weakness_set_commitment (PathwayAreaOfWeakness *self,
                                         const char            *commitment)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_string (G_OBJECT (self), &self->commitment, commitment,
                            properties[PROP_COMMITMENT]);
}

int
pathway_area_of_weakness_get_position (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), 0);

  return self->position;
}

void
pathway_area_of_weakness_set_position (PathwayAreaOfWeakness *self,
                                       int                    position)
{
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self));

  pathway_model_set_int (G_OBJECT (self), &self->position, position, properties[PROP_POSITION]);
}
