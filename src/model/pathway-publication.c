/* pathway-publication.c: a publication of the plan for families. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-publication.h"
#include "pathway-model-private.h"

struct _PathwayPublication
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  GDate published;
  char *approved_by;
  GDate approved_on;
  char *folder;
  char *changes;
  char *contents;
};

G_DEFINE_FINAL_TYPE (PathwayPublication, pathway_publication, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayPublication, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPublication, uuid) },
  { "published", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayPublication, published) },
  { "approved-by", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPublication, approved_by) },
  { "approved-on", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayPublication, approved_on) },
  { "folder", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPublication, folder) },
  { "changes", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPublication, changes) },
  { "contents", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayPublication, contents) },
};

static void
pathway_publication_class_init (PathwayPublicationClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_publication_init (PathwayPublication *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayPublication *
pathway_publication_new (void)
{
  return g_object_new (PATHWAY_TYPE_PUBLICATION, NULL);
}

gint64
pathway_publication_get_id (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), 0);

  return self->id;
}

const GDate *
pathway_publication_get_published (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return pathway_model_get_date (&self->published);
}

void
pathway_publication_set_published (PathwayPublication *self,
                                   const GDate *published)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_date (G_OBJECT (self), &self->published, published);
}

const char *
pathway_publication_get_approved_by (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return self->approved_by;
}

void
pathway_publication_set_approved_by (PathwayPublication *self,
                                     const char *approved_by)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_string (G_OBJECT (self), &self->approved_by, approved_by);
}

const GDate *
pathway_publication_get_approved_on (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return pathway_model_get_date (&self->approved_on);
}

void
pathway_publication_set_approved_on (PathwayPublication *self,
                                     const GDate *approved_on)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_date (G_OBJECT (self), &self->approved_on, approved_on);
}

const char *
pathway_publication_get_folder (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return self->folder;
}

void
pathway_publication_set_folder (PathwayPublication *self,
                                const char *folder)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_string (G_OBJECT (self), &self->folder, folder);
}

const char *
pathway_publication_get_changes (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return self->changes;
}

void
pathway_publication_set_changes (PathwayPublication *self,
                                 const char *changes)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_string (G_OBJECT (self), &self->changes, changes);
}

const char *
pathway_publication_get_contents (PathwayPublication *self)
{
  g_return_val_if_fail (PATHWAY_IS_PUBLICATION (self), NULL);

  return self->contents;
}

void
pathway_publication_set_contents (PathwayPublication *self,
                                  const char *contents)
{
  g_return_if_fail (PATHWAY_IS_PUBLICATION (self));

  pathway_model_set_string (G_OBJECT (self), &self->contents, contents);
}
