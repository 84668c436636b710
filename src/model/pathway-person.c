/* pathway-person.c: someone named in the plan, with their role and organisation. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayPerson
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *role;
  char *organisation;
};

G_DEFINE_FINAL_TYPE (PathwayPerson, pathway_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_person_finalize (GObject *object)
{
  PathwayPerson *self = (PathwayPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->organisation, g_free);

  G_OBJECT_CLASS (pathway_person_parent_class)->finalize (object);
}

static void
pathway_person_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwayPerson *self = PATHWAY_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_person_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PathwayPerson *self = PATHWAY_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pathway_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      pathway_person_set_role (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      pathway_person_set_organisation (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_person_class_init (PathwayPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_person_finalize;
  object_class->get_property = pathway_person_get_property;
  object_class->set_property = pathway_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_person_init (PathwayPerson *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->organisation = g_strdup ("");
}

PathwayPerson *
pathway_person_new (void)
{
  return g_object_new (PATHWAY_TYPE_PERSON, NULL);
}

gint64
pathway_person_get_id (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), 0);

  return self->id;
}

void
_pathway_person_set_id (PathwayPerson *self,
                       gint64         id)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
pathway_person_get_name (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->name;
}

void
pathway_person_set_name (PathwayPerson *self,
                         const char    *name)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

const char *
pathway_person_get_role (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->role;
}

void
pathway_person_set_role (PathwayPerson *self,
                         const char    *role)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->role, role, properties[PROP_ROLE]);
}

const char *
pathway_person_get_organisation (PathwayPerson *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON (self), NULL);

  return self->organisation;
}

void
pathway_person_set_organisation (PathwayPerson *self,
                                 const char    *organisation)
{
  g_return_if_fail (PATHWAY_IS_PERSON (self));

  pathway_model_set_string (G_OBJECT (self), &self->organisation, organisation,
                            properties[PROP_ORGANISATION]);
}
