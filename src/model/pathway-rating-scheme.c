/* pathway-rating-scheme.c: the programme's own words for each rating. A new scheme starts
 * from the usual RAG key; an area that writes its own key replaces the words. */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathway-rating-scheme.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayRatingScheme
{
  GObject parent_instance;

  gint64 id;
  gboolean uses_blue;
  char *labels[PATHWAY_N_RATINGS];
  char *definitions[PATHWAY_N_RATINGS];
};

G_DEFINE_FINAL_TYPE (PathwayRatingScheme, pathway_rating_scheme, G_TYPE_OBJECT)

#define LABEL(rating) G_STRUCT_OFFSET (PathwayRatingScheme, labels[rating])
#define DEFINITION(rating) G_STRUCT_OFFSET (PathwayRatingScheme, definitions[rating])

/* Each colour's label comes just before its definition, colours in rating order. */
static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayRatingScheme, id) },
  { "uses-blue", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayRatingScheme, uses_blue) },
  { "red-label", PATHWAY_MODEL_STRING, LABEL (PATHWAY_RATING_RED) },
  { "red-definition", PATHWAY_MODEL_STRING, DEFINITION (PATHWAY_RATING_RED) },
  { "amber-label", PATHWAY_MODEL_STRING, LABEL (PATHWAY_RATING_AMBER) },
  { "amber-definition", PATHWAY_MODEL_STRING, DEFINITION (PATHWAY_RATING_AMBER) },
  { "green-label", PATHWAY_MODEL_STRING, LABEL (PATHWAY_RATING_GREEN) },
  { "green-definition", PATHWAY_MODEL_STRING, DEFINITION (PATHWAY_RATING_GREEN) },
  { "blue-label", PATHWAY_MODEL_STRING, LABEL (PATHWAY_RATING_BLUE) },
  { "blue-definition", PATHWAY_MODEL_STRING, DEFINITION (PATHWAY_RATING_BLUE) },
};

#undef LABEL
#undef DEFINITION

static const char * const default_labels[PATHWAY_N_RATINGS] = {
  NULL,
  N_("Red"),
  N_("Amber"),
  N_("Green"),
  N_("Blue"),
};

static const char * const default_definitions[PATHWAY_N_RATINGS] = {
  NULL,
  N_("Not on track"),
  N_("Not on track but can be recovered"),
  N_("On track or complete"),
  N_("Complete"),
};

static gboolean
is_colour (PathwayRating rating)
{
  return rating >= PATHWAY_RATING_RED && rating <= PATHWAY_RATING_BLUE;
}

/* The words for "not rated" are not properties, so they are the class's own to free. */
static void
pathway_rating_scheme_finalize (GObject *object)
{
  PathwayRatingScheme *self = (PathwayRatingScheme *)object;

  g_clear_pointer (&self->labels[PATHWAY_RATING_NONE], g_free);
  g_clear_pointer (&self->definitions[PATHWAY_RATING_NONE], g_free);

  pathway_model_finalize (object);
}

static void
pathway_rating_scheme_class_init (PathwayRatingSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pathway_model_class_install (object_class, fields, G_N_ELEMENTS (fields));
  object_class->finalize = pathway_rating_scheme_finalize;
}

static void
pathway_rating_scheme_init (PathwayRatingScheme *self)
{
  pathway_model_init_fields (G_OBJECT (self));
  self->labels[PATHWAY_RATING_NONE] = g_strdup (_("Not rated"));
  self->definitions[PATHWAY_RATING_NONE] = g_strdup ("");

  for (PathwayRating rating = PATHWAY_RATING_RED; rating <= PATHWAY_RATING_BLUE; rating++)
    {
      g_free (self->labels[rating]);
      self->labels[rating] = g_strdup (_(default_labels[rating]));
      g_free (self->definitions[rating]);
      self->definitions[rating] = g_strdup (_(default_definitions[rating]));
    }
}

PathwayRatingScheme *
pathway_rating_scheme_new (void)
{
  return g_object_new (PATHWAY_TYPE_RATING_SCHEME, NULL);
}

gint64
pathway_rating_scheme_get_id (PathwayRatingScheme *self)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_SCHEME (self), 0);

  return self->id;
}

void
_pathway_rating_scheme_set_id (PathwayRatingScheme *self,
                               gint64               id)
{
  g_return_if_fail (PATHWAY_IS_RATING_SCHEME (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

gboolean
pathway_rating_scheme_get_uses_blue (PathwayRatingScheme *self)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_SCHEME (self), FALSE);

  return self->uses_blue;
}

void
_pathway_rating_scheme_set_uses_blue (PathwayRatingScheme *self,
                                      gboolean             uses_blue)
{
  g_return_if_fail (PATHWAY_IS_RATING_SCHEME (self));

  pathway_model_set_boolean (G_OBJECT (self), &self->uses_blue, uses_blue);
}

const char *
pathway_rating_scheme_get_label (PathwayRatingScheme *self,
                                 PathwayRating        rating)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_SCHEME (self), NULL);
  g_return_val_if_fail (rating == PATHWAY_RATING_NONE || is_colour (rating), "");

  return self->labels[rating];
}

void
_pathway_rating_scheme_set_label (PathwayRatingScheme *self,
                                  PathwayRating        rating,
                                  const char          *label)
{
  g_return_if_fail (PATHWAY_IS_RATING_SCHEME (self));

  if (is_colour (rating))
    pathway_model_set_string (G_OBJECT (self), &self->labels[rating], label);
}

const char *
pathway_rating_scheme_get_definition (PathwayRatingScheme *self,
                                      PathwayRating        rating)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_SCHEME (self), NULL);
  g_return_val_if_fail (rating == PATHWAY_RATING_NONE || is_colour (rating), "");

  return self->definitions[rating];
}

void
_pathway_rating_scheme_set_definition (PathwayRatingScheme *self,
                                       PathwayRating        rating,
                                       const char          *definition)
{
  g_return_if_fail (PATHWAY_IS_RATING_SCHEME (self));

  if (is_colour (rating))
    pathway_model_set_string (G_OBJECT (self), &self->definitions[rating], definition);
}

gboolean
pathway_rating_scheme_offers (PathwayRatingScheme *self,
                              PathwayRating        rating)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_SCHEME (self), FALSE);

  if (rating == PATHWAY_RATING_BLUE)
    return self->uses_blue;

  return is_colour (rating);
}

const char *
pathway_rating_scheme_get_red_label (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_label (self, PATHWAY_RATING_RED);
}

void
_pathway_rating_scheme_set_red_label (PathwayRatingScheme *self,
                                      const char          *red_label)
{
  _pathway_rating_scheme_set_label (self, PATHWAY_RATING_RED, red_label);
}

const char *
pathway_rating_scheme_get_red_definition (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_definition (self, PATHWAY_RATING_RED);
}

void
_pathway_rating_scheme_set_red_definition (PathwayRatingScheme *self,
                                           const char          *red_definition)
{
  _pathway_rating_scheme_set_definition (self, PATHWAY_RATING_RED, red_definition);
}

const char *
pathway_rating_scheme_get_amber_label (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_label (self, PATHWAY_RATING_AMBER);
}

void
_pathway_rating_scheme_set_amber_label (PathwayRatingScheme *self,
                                        const char          *amber_label)
{
  _pathway_rating_scheme_set_label (self, PATHWAY_RATING_AMBER, amber_label);
}

const char *
pathway_rating_scheme_get_amber_definition (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_definition (self, PATHWAY_RATING_AMBER);
}

void
_pathway_rating_scheme_set_amber_definition (PathwayRatingScheme *self,
                                             const char          *amber_definition)
{
  _pathway_rating_scheme_set_definition (self, PATHWAY_RATING_AMBER, amber_definition);
}

const char *
pathway_rating_scheme_get_green_label (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_label (self, PATHWAY_RATING_GREEN);
}

void
_pathway_rating_scheme_set_green_label (PathwayRatingScheme *self,
                                        const char          *green_label)
{
  _pathway_rating_scheme_set_label (self, PATHWAY_RATING_GREEN, green_label);
}

const char *
pathway_rating_scheme_get_green_definition (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_definition (self, PATHWAY_RATING_GREEN);
}

void
_pathway_rating_scheme_set_green_definition (PathwayRatingScheme *self,
                                             const char          *green_definition)
{
  _pathway_rating_scheme_set_definition (self, PATHWAY_RATING_GREEN, green_definition);
}

const char *
pathway_rating_scheme_get_blue_label (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_label (self, PATHWAY_RATING_BLUE);
}

void
_pathway_rating_scheme_set_blue_label (PathwayRatingScheme *self,
                                       const char          *blue_label)
{
  _pathway_rating_scheme_set_label (self, PATHWAY_RATING_BLUE, blue_label);
}

const char *
pathway_rating_scheme_get_blue_definition (PathwayRatingScheme *self)
{
  return pathway_rating_scheme_get_definition (self, PATHWAY_RATING_BLUE);
}

void
_pathway_rating_scheme_set_blue_definition (PathwayRatingScheme *self,
                                            const char          *blue_definition)
{
  _pathway_rating_scheme_set_definition (self, PATHWAY_RATING_BLUE, blue_definition);
}
