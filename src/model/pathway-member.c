/* pathway-member.c: a person's place in a workstream. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-member.h"
#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMember
{
  GObject parent_instance;

  gint64 id;
  PathwayPerson *person;
  char *role;
};

G_DEFINE_FINAL_TYPE (PathwayMember, pathway_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_member_dispose (GObject *object)
{
  PathwayMember *self = (PathwayMember *)object;

  g_clear_object (&self->person);

  G_OBJECT_CLASS (pathway_member_parent_class)->dispose (object);
}

static void
pathway_member_finalize (GObject *object)
{
  PathwayMember *self = (PathwayMember *)object;

  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (pathway_member_parent_class)->finalize (object);
}

static void
pathway_member_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwayMember *self = PATHWAY_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_member_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PathwayMember *self = PATHWAY_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_member_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON:
      _pathway_member_set_person (self, g_value_get_object (value));
      break;

    case PROP_ROLE:
      _pathway_member_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_member_class_init (PathwayMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathway_member_dispose;
  object_class->finalize = pathway_member_finalize;
  object_class->get_property = pathway_member_get_property;
  object_class->set_property = pathway_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         PATHWAY_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_member_init (PathwayMember *self)
{
  self->role = g_strdup ("");
}

PathwayMember *
pathway_member_new (void)
{
  return g_object_new (PATHWAY_TYPE_MEMBER, NULL);
}

gint64
pathway_member_get_id (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), 0);

  return self->id;
}

void
_pathway_member_set_id (PathwayMember *self,
                       gint64         id)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

PathwayPerson *
pathway_member_get_person (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), NULL);

  return self->person;
}

void
_pathway_member_set_person (PathwayMember *self,
                           PathwayPerson *person)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));
  g_return_if_fail (person == NULL || PATHWAY_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

const char *
pathway_member_get_role (PathwayMember *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEMBER (self), NULL);

  return self->role;
}

void
_pathway_member_set_role (PathwayMember *self,
                         const char    *role)
{
  g_return_if_fail (PATHWAY_IS_MEMBER (self));

  pathway_model_set_string (G_OBJECT (self), &self->role, role, properties[PROP_ROLE]);
}
