/* pathway-area-of-weakness.c: one finding of the inspection and the area's commitment for it. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-area-of-weakness.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayAreaOfWeakness
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *reference;
  PathwayFindingKind kind;
  char *title;
  char *finding;
  char *commitment;
  char *public_summary;
  int position;
};

G_DEFINE_FINAL_TYPE (PathwayAreaOfWeakness, pathway_area_of_weakness, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayAreaOfWeakness, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, uuid) },
  { "reference", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, reference) },
  { "kind", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayAreaOfWeakness, kind),
    pathway_finding_kind_get_type, PATHWAY_FINDING_WEAKNESS },
  { "title", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, title) },
  { "finding", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, finding) },
  { "commitment", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, commitment) },
  { "public-summary", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAreaOfWeakness, public_summary) },
  { "position", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayAreaOfWeakness, position) },
};

static void
pathway_area_of_weakness_class_init (PathwayAreaOfWeaknessClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_area_of_weakness_init (PathwayAreaOfWeakness *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_string (G_OBJECT (self), &self->reference, reference);
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

  pathway_model_set_enum (G_OBJECT (self), &self->kind, kind);
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

  pathway_model_set_string (G_OBJECT (self), &self->title, title);
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

  pathway_model_set_string (G_OBJECT (self), &self->finding, finding);
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

  pathway_model_set_string (G_OBJECT (self), &self->commitment, commitment);
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

  pathway_model_set_int (G_OBJECT (self), &self->position, position);
}

const char *
pathway_area_of_weakness_get_public_summary (PathwayAreaOfWeakness *self)
{
  g_return_val_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (self), NULL);

  return self->public_summary;
}
