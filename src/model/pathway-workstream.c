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
  char *uuid;
  char *code;
  char *title;
  PathwayLeadOrganisation lead_organisation;
  PathwayPerson *lead;
  char *description;

  GListStore *members;
  GListStore *areas;
};

G_DEFINE_FINAL_TYPE (PathwayWorkstream, pathway_workstream, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayWorkstream, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayWorkstream, uuid) },
  { "code", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayWorkstream, code) },
  { "title", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayWorkstream, title) },
  { "lead-organisation", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayWorkstream, lead_organisation),
    pathway_lead_organisation_get_type, PATHWAY_LEAD_COUNCIL },
  { "lead", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayWorkstream, lead),
    pathway_person_get_type },
  { "description", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayWorkstream, description) },
};

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

  g_clear_object (&self->members);
  g_clear_object (&self->areas);

  pathway_model_dispose (object);
}

static void
pathway_workstream_class_init (PathwayWorkstreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pathway_model_class_install (object_class, fields, G_N_ELEMENTS (fields));
  object_class->dispose = pathway_workstream_dispose;
}

static void
pathway_workstream_init (PathwayWorkstream *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_string (G_OBJECT (self), &self->code, code);
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

  pathway_model_set_string (G_OBJECT (self), &self->title, title);
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

  pathway_model_set_enum (G_OBJECT (self), &self->lead_organisation, lead_organisation);
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

  pathway_model_set_object (G_OBJECT (self), &self->lead, lead);
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

  pathway_model_set_string (G_OBJECT (self), &self->description, description);
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

PathwayMember *
pathway_workstream_find_member (PathwayWorkstream *self,
                                gint64             id)
{
  guint n_members;

  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (self), NULL);

  n_members = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  for (guint i = 0; i < n_members; i++)
    {
      PathwayMember *member = pathway_model_borrow_item (self->members, i);

      if (pathway_member_get_id (member) == id)
        return member;
    }

  return NULL;
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
