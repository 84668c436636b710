/* pathway-workstream.c: a workstream and the people and areas of weakness that belong to it. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-workstream.h"
#include "pathway-area-of-weakness.h"
#include "pathway-member.h"
#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayWorkstream
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *title;
  PathwayLeadOrganisation lead_organisation;
  PathwayPerson *lead;
  char *description;

  GListStore *members;
  GListStore *areas;
};

G_DEFINE_FINAL_TYPE (PathwayWorkstream, pathway_workstream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE,
  PROP_LEAD_ORGANISATION,
  PROP_LEAD,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_once (GListStore *store,
          gpointer    object)
{
  if (!g_list_store_find (store, object, NULL))
    g_list_store_append (store, object);
}

static void
remove_object (GListStore *store,
               gpointer    object)
{
  guint position;

  if (g_list_store_find (store, object, &position))
    g_list_store_remove (store, position);
}

static void
pathway_workstream_dispose (GObject *object)
{
  PathwayWorkstream *self = (PathwayWorkstream *)object;

  g_clear_object (&self->lead);
  g_clear_object (&self->members);
  g_clear_object (&self->areas);

  G_OBJECT_CLASS (pathway_workstream_parent_class)->dispose (object);
}

static void
pathway_workstream_finalize (GObject *object)
{
  PathwayWorkstream *self = (PathwayWorkstream *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pathway_workstream_parent_class)->finalize (object);
}

static void
pathway_workstream_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwayWorkstream *self = PATHWAY_WORKSTREAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LEAD_ORGANISATION:
      g_value_set_enum (value, self->lead_organisation);
      break;

    case PROP_LEAD:
      g_value_set_object (value, self->lead);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_workstream_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwayWorkstream *self = PATHWAY_WORKSTREAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_workstream_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      pathway_workstream_set_code (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pathway_workstream_set_title (self, g_value_get_string (value));
      break;

    case PROP_LEAD_ORGANISATION:
      pathway_workstream_set_lead_organisation (self, g_value_get_enum (value));
      break;

    case PROP_LEAD:
      pathway_workstream_set_lead (self, g_value_get_object (value));
      break;

    case PROP_DESCRIPTION:
      pathway_workstream_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_workstream_class_init (PathwayWorkstreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathway_workstream_dispose;
  object_class->finalize = pathway_workstream_finalize;
  object_class->get_property = pathway_workstream_get_property;
  object_class->set_property = pathway_workstream_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD_ORGANISATION] =
    g_param_spec_enum ("lead-organisation", NULL, NULL,
                       PATHWAY_TYPE_LEAD_ORGANISATION, PATHWAY_LEAD_COUNCIL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD] =
    g_param_spec_object ("lead", NULL, NULL,
                         PATHWAY_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_workstream_init (PathwayWorkstream *self)
{
  self->code = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->members = g_list_store_new (PATHWAY_TYPE_MEMBER);
  self->areas = g_list_store_new (PATHWAY_TYPE_AREA_OF_WEAKNESS);
}

PathwayWorkstream *
pathway_workstream_new (void)
{
  return g_object_new (PATHWAY_TYPE_WORKSTREAM, NULL);
}

gint64
pathway_workstream_get_id (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), 0);

  return self->id;
}

void
_pathway_workstream_set_id (PathwayWorkstream *self,
                           gint64             id)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
pathway_workstream_get_code (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return self->code;
}

void
pathway_workstream_set_code (PathwayWorkstream *self,
                             const char        *code)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));

  pathway_model_set_string (G_OBJECT (self), &self->code, code, properties[PROP_CODE]);
}

const char *
pathway_workstream_get_title (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return self->title;
}

void
pathway_workstream_set_title (PathwayWorkstream *self,
                              const char        *title)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));

  pathway_model_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
}

PathwayLeadOrganisation
pathway_workstream_get_lead_organisation (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), PATHWAY_LEAD_COUNCIL);

  return self->lead_organisation;
}

void
pathway_workstream_set_lead_organisation (PathwayWorkstream       *self,
                                          PathwayLeadOrganisation  lead_organisation)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));

  if (self->lead_organisation == lead_organisation)
    return;

  self->lead_organisation = lead_organisation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ORGANISATION]);
}

PathwayPerson *
pathway_workstream_get_lead (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return self->lead;
}

void
pathway_workstream_set_lead (PathwayWorkstream *self,
                             PathwayPerson     *lead)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));
  g_return_if_fail (lead == NULL || PATHWAY_IS_PERSON (lead));

  if (g_set_object (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

const char *
pathway_workstream_get_description (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return self->description;
}

void
pathway_workstream_set_description (PathwayWorkstream *self,
                                    const char        *description)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));

  pathway_model_set_string (G_OBJECT (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

GListModel *
pathway_workstream_get_members (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return G_LIST_MODEL (self->members);
}

void
pathway_workstream_add_member (PathwayWorkstream *self,
                               PathwayMember     *member)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));
  g_return_if_fail (PATHWAY_IS_MEMBER (member));

  add_once (self->members, member);
}

void
pathway_workstream_remove_member (PathwayWorkstream *self,
                                  PathwayMember     *member)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));
  g_return_if_fail (PATHWAY_IS_MEMBER (member));

  remove_object (self->members, member);
}

GListModel *
pathway_workstream_get_areas (PathwayWorkstream *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  return G_LIST_MODEL (self->areas);
}

void
pathway_workstream_add_area (PathwayWorkstream     *self,
                             PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (area));

  add_once (self->areas, area);
}

void
pathway_workstream_remove_area (PathwayWorkstream     *self,
                                PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (self));
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (area));

  remove_object (self->areas, area);
}
