/* pathway-action.c: one action of the plan. Overdue and slippage are worked out from the
 * timescales every time they are asked for, never stored, so they cannot go stale. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-action.h"
#include "pathway-area-of-weakness.h"
#include "pathway-person.h"
#include "pathway-workstream.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayAction
{
  GObject parent_instance;

  gint64 id;
  char *reference;
  char *description;
  PathwayAreaOfWeakness *area;
  PathwayWorkstream *workstream;
  char *theme;
  PathwayPerson *lead;
  PathwayTimescale *original_timescale;
  PathwayTimescale *revised_timescale;
  PathwayStatus status;
  PathwayRating rating;
  char *success_measure;
  char *commentary;
  GDateTime *created;
  GDateTime *last_updated;
  gboolean deleted;
};

G_DEFINE_FINAL_TYPE (PathwayAction, pathway_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_DESCRIPTION,
  PROP_AREA,
  PROP_WORKSTREAM,
  PROP_THEME,
  PROP_LEAD,
  PROP_ORIGINAL_TIMESCALE,
  PROP_REVISED_TIMESCALE,
  PROP_STATUS,
  PROP_RATING,
  PROP_SUCCESS_MEASURE,
  PROP_COMMENTARY,
  PROP_CREATED,
  PROP_LAST_UPDATED,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_action_dispose (GObject *object)
{
  PathwayAction *self = (PathwayAction *)object;

  g_clear_object (&self->area);
  g_clear_object (&self->workstream);
  g_clear_object (&self->lead);

  G_OBJECT_CLASS (pathway_action_parent_class)->dispose (object);
}

static void
pathway_action_finalize (GObject *object)
{
  PathwayAction *self = (PathwayAction *)object;

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->original_timescale, pathway_timescale_free);
  g_clear_pointer (&self->revised_timescale, pathway_timescale_free);
  g_clear_pointer (&self->success_measure, g_free);
  g_clear_pointer (&self->commentary, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->last_updated, g_date_time_unref);

  G_OBJECT_CLASS (pathway_action_parent_class)->finalize (object);
}

static void
pathway_action_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwayAction *self = PATHWAY_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_AREA:
      g_value_set_object (value, self->area);
      break;

    case PROP_WORKSTREAM:
      g_value_set_object (value, self->workstream);
      break;

    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;

    case PROP_LEAD:
      g_value_set_object (value, self->lead);
      break;

    case PROP_ORIGINAL_TIMESCALE:
      g_value_set_boxed (value, self->original_timescale);
      break;

    case PROP_REVISED_TIMESCALE:
      g_value_set_boxed (value, self->revised_timescale);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_RATING:
      g_value_set_enum (value, self->rating);
      break;

    case PROP_SUCCESS_MEASURE:
      g_value_set_string (value, self->success_measure);
      break;

    case PROP_COMMENTARY:
      g_value_set_string (value, self->commentary);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_action_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PathwayAction *self = PATHWAY_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_action_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REFERENCE:
      pathway_action_set_reference (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pathway_action_set_description (self, g_value_get_string (value));
      break;

    case PROP_AREA:
      pathway_action_set_area (self, g_value_get_object (value));
      break;

    case PROP_WORKSTREAM:
      pathway_action_set_workstream (self, g_value_get_object (value));
      break;

    case PROP_THEME:
      pathway_action_set_theme (self, g_value_get_string (value));
      break;

    case PROP_LEAD:
      pathway_action_set_lead (self, g_value_get_object (value));
      break;

    case PROP_ORIGINAL_TIMESCALE:
      pathway_action_set_original_timescale (self, g_value_get_boxed (value));
      break;

    case PROP_REVISED_TIMESCALE:
      pathway_action_set_revised_timescale (self, g_value_get_boxed (value));
      break;

    case PROP_STATUS:
      pathway_action_set_status (self, g_value_get_enum (value));
      break;

    case PROP_RATING:
      pathway_action_set_rating (self, g_value_get_enum (value));
      break;

    case PROP_SUCCESS_MEASURE:
      pathway_action_set_success_measure (self, g_value_get_string (value));
      break;

    case PROP_COMMENTARY:
      pathway_action_set_commentary (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      _pathway_action_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_LAST_UPDATED:
      _pathway_action_set_last_updated (self, g_value_get_boxed (value));
      break;

    case PROP_DELETED:
      _pathway_action_set_deleted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_action_class_init (PathwayActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathway_action_dispose;
  object_class->finalize = pathway_action_finalize;
  object_class->get_property = pathway_action_get_property;
  object_class->set_property = pathway_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AREA] =
    g_param_spec_object ("area", NULL, NULL,
                         PATHWAY_TYPE_AREA_OF_WEAKNESS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKSTREAM] =
    g_param_spec_object ("workstream", NULL, NULL,
                         PATHWAY_TYPE_WORKSTREAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD] =
    g_param_spec_object ("lead", NULL, NULL,
                         PATHWAY_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORIGINAL_TIMESCALE] =
    g_param_spec_boxed ("original-timescale", NULL, NULL,
                        PATHWAY_TYPE_TIMESCALE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVISED_TIMESCALE] =
    g_param_spec_boxed ("revised-timescale", NULL, NULL,
                        PATHWAY_TYPE_TIMESCALE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PATHWAY_TYPE_STATUS, PATHWAY_STATUS_NOT_STARTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RATING] =
    g_param_spec_enum ("rating", NULL, NULL,
                       PATHWAY_TYPE_RATING, PATHWAY_RATING_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUCCESS_MEASURE] =
    g_param_spec_string ("success-measure", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMENTARY] =
    g_param_spec_string ("commentary", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_action_init (PathwayAction *self)
{
  self->reference = g_strdup ("");
  self->description = g_strdup ("");
  self->theme = g_strdup ("");
  self->original_timescale = pathway_timescale_new ("", NULL, PATHWAY_PRECISION_NONE);
  self->success_measure = g_strdup ("");
  self->commentary = g_strdup ("");
}

PathwayAction *
pathway_action_new (void)
{
  return g_object_new (PATHWAY_TYPE_ACTION, NULL);
}

gint64
pathway_action_get_id (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), 0);

  return self->id;
}

void
_pathway_action_set_id (PathwayAction *self,
                       gint64         id)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
pathway_action_get_reference (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->reference;
}

void
pathway_action_set_reference (PathwayAction *self,
                              const char    *reference)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->reference, reference,
                            properties[PROP_REFERENCE]);
}

const char *
pathway_action_get_description (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->description;
}

void
pathway_action_set_description (PathwayAction *self,
                                const char    *description)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

PathwayAreaOfWeakness *
pathway_action_get_area (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->area;
}

void
pathway_action_set_area (PathwayAction         *self,
                         PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));
  g_return_if_fail (area == NULL || PATHWAY_IS_AREA_OF_WEAKNESS (area));

  if (g_set_object (&self->area, area))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
}

PathwayWorkstream *
pathway_action_get_workstream (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->workstream;
}

void
pathway_action_set_workstream (PathwayAction     *self,
                               PathwayWorkstream *workstream)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));
  g_return_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream));

  if (g_set_object (&self->workstream, workstream))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSTREAM]);
}

const char *
pathway_action_get_theme (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->theme;
}

void
pathway_action_set_theme (PathwayAction *self,
                          const char    *theme)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->theme, theme, properties[PROP_THEME]);
}

PathwayPerson *
pathway_action_get_lead (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->lead;
}

void
pathway_action_set_lead (PathwayAction *self,
                         PathwayPerson *lead)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));
  g_return_if_fail (lead == NULL || PATHWAY_IS_PERSON (lead));

  if (g_set_object (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

const PathwayTimescale *
pathway_action_get_original_timescale (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->original_timescale;
}

void
pathway_action_set_original_timescale (PathwayAction          *self,
                                       const PathwayTimescale *original_timescale)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_timescale (G_OBJECT (self), &self->original_timescale, original_timescale,
                               TRUE, properties[PROP_ORIGINAL_TIMESCALE]);
}

const PathwayTimescale *
pathway_action_get_revised_timescale (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->revised_timescale;
}

void
pathway_action_set_revised_timescale (PathwayAction          *self,
                                      const PathwayTimescale *revised_timescale)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_timescale (G_OBJECT (self), &self->revised_timescale, revised_timescale,
                               FALSE, properties[PROP_REVISED_TIMESCALE]);
}

PathwayStatus
pathway_action_get_status (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), PATHWAY_STATUS_NOT_STARTED);

  return self->status;
}

void
pathway_action_set_status (PathwayAction *self,
                           PathwayStatus  status)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

PathwayRating
pathway_action_get_rating (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), PATHWAY_RATING_NONE);

  return self->rating;
}

void
pathway_action_set_rating (PathwayAction *self,
                           PathwayRating  rating)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  if (self->rating == rating)
    return;

  self->rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
}

const char *
pathway_action_get_success_measure (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->success_measure;
}

void
pathway_action_set_success_measure (PathwayAction *self,
                                    const char    *success_measure)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->success_measure, success_measure,
                            properties[PROP_SUCCESS_MEASURE]);
}

const char *
pathway_action_get_commentary (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->commentary;
}

void
pathway_action_set_commentary (PathwayAction *self,
                               const char    *commentary)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->commentary, commentary,
                            properties[PROP_COMMENTARY]);
}

GDateTime *
pathway_action_get_created (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->created;
}

void
_pathway_action_set_created (PathwayAction *self,
                            GDateTime     *created)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_date_time (G_OBJECT (self), &self->created, created, properties[PROP_CREATED]);
}

GDateTime *
pathway_action_get_last_updated (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->last_updated;
}

void
_pathway_action_set_last_updated (PathwayAction *self,
                                 GDateTime     *last_updated)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_date_time (G_OBJECT (self), &self->last_updated, last_updated,
                               properties[PROP_LAST_UPDATED]);
}

gboolean
pathway_action_get_deleted (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), FALSE);

  return self->deleted;
}

void
_pathway_action_set_deleted (PathwayAction *self,
                            gboolean       deleted)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_boolean (G_OBJECT (self), &self->deleted, deleted, properties[PROP_DELETED]);
}

const PathwayTimescale *
pathway_action_get_due_timescale (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->revised_timescale != NULL ? self->revised_timescale : self->original_timescale;
}

gboolean
pathway_action_is_complete (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), FALSE);

  return self->status == PATHWAY_STATUS_COMPLETE || self->rating == PATHWAY_RATING_BLUE;
}

gboolean
pathway_action_is_overdue (PathwayAction *self,
                           const GDate   *today)
{
  const PathwayTimescale *due;

  g_return_val_if_fail (PATHWAY_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  due = pathway_action_get_due_timescale (self);

  return pathway_timescale_has_date (due) &&
         g_date_compare (&due->date, today) < 0 &&
         !pathway_action_is_complete (self);
}

int
pathway_action_get_slippage_days (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), 0);

  if (self->revised_timescale == NULL ||
      !pathway_timescale_has_date (self->original_timescale) ||
      !pathway_timescale_has_date (self->revised_timescale))
    return 0;

  return g_date_days_between (&self->original_timescale->date, &self->revised_timescale->date);
}

gboolean
pathway_action_has_slipped (PathwayAction *self)
{
  return pathway_action_get_slippage_days (self) > 0;
}
