/* pathway-action.c: one action of the plan. Overdue and slippage are worked out from the
 * timescales every time they are asked for, never stored, so they cannot go stale. */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

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
  char *uuid;
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
  char *recovery_plan;
  char *public_summary;
  GDateTime *created;
  GDateTime *last_updated;
  gboolean deleted;
};

G_DEFINE_FINAL_TYPE (PathwayAction, pathway_action, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayAction, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, uuid) },
  { "reference", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, reference) },
  { "description", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, description) },
  { "area", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayAction, area),
    pathway_area_of_weakness_get_type },
  { "workstream", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayAction, workstream),
    pathway_workstream_get_type },
  { "theme", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, theme) },
  { "lead", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayAction, lead), pathway_person_get_type },
  { "original-timescale", PATHWAY_MODEL_TIMESCALE,
    G_STRUCT_OFFSET (PathwayAction, original_timescale), .flags = PATHWAY_MODEL_NEVER_NULL },
  { "revised-timescale", PATHWAY_MODEL_TIMESCALE,
    G_STRUCT_OFFSET (PathwayAction, revised_timescale) },
  { "status", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayAction, status),
    pathway_status_get_type, PATHWAY_STATUS_NOT_STARTED },
  { "rating", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayAction, rating),
    pathway_rating_get_type, PATHWAY_RATING_NONE },
  { "success-measure", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, success_measure) },
  { "commentary", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, commentary) },
  { "recovery-plan", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, recovery_plan) },
  { "public-summary", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayAction, public_summary) },
  { "created", PATHWAY_MODEL_DATE_TIME, G_STRUCT_OFFSET (PathwayAction, created) },
  { "last-updated", PATHWAY_MODEL_DATE_TIME, G_STRUCT_OFFSET (PathwayAction, last_updated) },
  { "deleted", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayAction, deleted) },
};

static void
pathway_action_class_init (PathwayActionClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_action_init (PathwayAction *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_string (G_OBJECT (self), &self->reference, reference);
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

  pathway_model_set_string (G_OBJECT (self), &self->description, description);
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

  pathway_model_set_object (G_OBJECT (self), &self->area, area);
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

  pathway_model_set_object (G_OBJECT (self), &self->workstream, workstream);
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

  pathway_model_set_string (G_OBJECT (self), &self->theme, theme);
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

  pathway_model_set_object (G_OBJECT (self), &self->lead, lead);
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

  pathway_model_set_timescale (G_OBJECT (self), &self->original_timescale, original_timescale);
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

  pathway_model_set_timescale (G_OBJECT (self), &self->revised_timescale, revised_timescale);
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

  pathway_model_set_enum (G_OBJECT (self), &self->status, status);
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

  pathway_model_set_enum (G_OBJECT (self), &self->rating, rating);
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

  pathway_model_set_string (G_OBJECT (self), &self->success_measure, success_measure);
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

  pathway_model_set_string (G_OBJECT (self), &self->commentary, commentary);
}

const char *
pathway_action_get_recovery_plan (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->recovery_plan;
}

void
pathway_action_set_recovery_plan (PathwayAction *self,
                                  const char    *recovery_plan)
{
  g_return_if_fail (PATHWAY_IS_ACTION (self));

  pathway_model_set_string (G_OBJECT (self), &self->recovery_plan, recovery_plan);
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

  pathway_model_set_date_time (G_OBJECT (self), &self->created, created);
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

  pathway_model_set_date_time (G_OBJECT (self), &self->last_updated, last_updated);
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

  pathway_model_set_boolean (G_OBJECT (self), &self->deleted, deleted);
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

char *
pathway_action_dup_due_words (PathwayAction *self, const GDate *today, gboolean *warning)
{
  const PathwayTimescale *due;
  int days;

  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (warning != NULL)
    *warning = FALSE;
  if (!pathway_action_is_overdue (self, today))
    return NULL;
  due = pathway_action_get_due_timescale (self);

  /* A lead who rates it green says it is on track: the date has passed, which is worth saying
   * plainly, but "overdue" beside green would contradict the rating the board sees. */
  if (self->rating == PATHWAY_RATING_GREEN)
    {
      g_autofree char *shown = pathway_timescale_dup_display (due);

      /* TRANSLATORS: an action rated green whose due date has passed, "Due December 2025, not
       * complete" */
      return g_strdup_printf (_("Due %s, not complete"), shown);
    }

  if (warning != NULL)
    *warning = TRUE;
  days = g_date_days_between (&due->date, today);
  if (days < 14)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                         "Overdue by %d days", days),
                            days);
  if (days < 61)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d week",
                                         "Overdue by %d weeks", days / 7),
                            days / 7);
  {
    int months = (int) round (days / 30.44);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d month",
                                         "Overdue by %d months", months),
                            months);
  }
}

const char *
pathway_action_get_public_summary (PathwayAction *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION (self), NULL);

  return self->public_summary;
}
