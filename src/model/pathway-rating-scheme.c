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

/* Each colour's label comes just before its definition, colours in rating order. */
enum {
  PROP_0,
  PROP_ID,
  PROP_USES_BLUE,
  PROP_RED_LABEL,
  PROP_RED_DEFINITION,
  PROP_AMBER_LABEL,
  PROP_AMBER_DEFINITION,
  PROP_GREEN_LABEL,
  PROP_GREEN_DEFINITION,
  PROP_BLUE_LABEL,
  PROP_BLUE_DEFINITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static PathwayRating
rating_of_prop (guint prop_id)
{
  return PATHWAY_RATING_RED + (prop_id - PROP_RED_LABEL) / 2;
}

static guint
label_prop (PathwayRating rating)
{
  return PROP_RED_LABEL + 2 * (rating - PATHWAY_RATING_RED);
}

static void
pathway_rating_scheme_finalize (GObject *object)
{
  PathwayRatingScheme *self = (PathwayRatingScheme *)object;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      g_clear_pointer (&self->labels[i], g_free);
      g_clear_pointer (&self->definitions[i], g_free);
    }

  G_OBJECT_CLASS (pathway_rating_scheme_parent_class)->finalize (object);
}

static void
pathway_rating_scheme_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwayRatingScheme *self = PATHWAY_RATING_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USES_BLUE:
      g_value_set_boolean (value, self->uses_blue);
      break;

    case PROP_RED_LABEL:
    case PROP_AMBER_LABEL:
    case PROP_GREEN_LABEL:
    case PROP_BLUE_LABEL:
      g_value_set_string (value, self->labels[rating_of_prop (prop_id)]);
      break;

    case PROP_RED_DEFINITION:
    case PROP_AMBER_DEFINITION:
    case PROP_GREEN_DEFINITION:
    case PROP_BLUE_DEFINITION:
      g_value_set_string (value, self->definitions[rating_of_prop (prop_id)]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_rating_scheme_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PathwayRatingScheme *self = PATHWAY_RATING_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_rating_scheme_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_USES_BLUE:
      _pathway_rating_scheme_set_uses_blue (self, g_value_get_boolean (value));
      break;

    case PROP_RED_LABEL:
    case PROP_AMBER_LABEL:
    case PROP_GREEN_LABEL:
    case PROP_BLUE_LABEL:
      _pathway_rating_scheme_set_label (self, rating_of_prop (prop_id), g_value_get_string (value));
      break;

    case PROP_RED_DEFINITION:
    case PROP_AMBER_DEFINITION:
    case PROP_GREEN_DEFINITION:
    case PROP_BLUE_DEFINITION:
      _pathway_rating_scheme_set_definition (self,
                                            rating_of_prop (prop_id),
                                            g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_rating_scheme_class_init (PathwayRatingSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_rating_scheme_finalize;
  object_class->get_property = pathway_rating_scheme_get_property;
  object_class->set_property = pathway_rating_scheme_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USES_BLUE] =
    g_param_spec_boolean ("uses-blue", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RED_LABEL] =
    g_param_spec_string ("red-label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RED_DEFINITION] =
    g_param_spec_string ("red-definition", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AMBER_LABEL] =
    g_param_spec_string ("amber-label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AMBER_DEFINITION] =
    g_param_spec_string ("amber-definition", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GREEN_LABEL] =
    g_param_spec_string ("green-label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GREEN_DEFINITION] =
    g_param_spec_string ("green-definition", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BLUE_LABEL] =
    g_param_spec_string ("blue-label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BLUE_DEFINITION] =
    g_param_spec_string ("blue-definition", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_rating_scheme_init (PathwayRatingScheme *self)
{
  self->labels[PATHWAY_RATING_NONE] = g_strdup (_("Not rated"));
  self->definitions[PATHWAY_RATING_NONE] = g_strdup ("");

  for (PathwayRating rating = PATHWAY_RATING_RED; rating <= PATHWAY_RATING_BLUE; rating++)
    {
      self->labels[rating] = g_strdup (_(default_labels[rating]));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  pathway_model_set_boolean (G_OBJECT (self), &self->uses_blue, uses_blue,
                             properties[PROP_USES_BLUE]);
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
    pathway_model_set_string (G_OBJECT (self), &self->labels[rating], label,
                              properties[label_prop (rating)]);
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
    pathway_model_set_string (G_OBJECT (self), &self->definitions[rating], definition,
                              properties[label_prop (rating) + 1]);
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
