/* pathway-programme.c: the programme holds every other object of the model, keeps the records
 * it has retired where they can still be found by id, and answers the questions a board asks of
 * the whole plan: how many actions are red, how many are overdue, how much is complete. */
#define G_LOG_DOMAIN "pathway-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pathway-programme.h"
#include "pathway-action.h"
#include "pathway-area-of-weakness.h"
#include "pathway-board.h"
#include "pathway-indicator.h"
#include "pathway-meeting.h"
#include "pathway-member.h"
#include "pathway-person.h"
#include "pathway-rating-scheme.h"
#include "pathway-risk.h"
#include "pathway-coproduction.h"
#include "pathway-workstream.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayProgramme
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *name;
  char *local_area;
  char *partners;
  PathwayRegime regime;
  GDate inspection_date;
  GDate letter_published;
  GDate plan_agreed;
  char *vision;
  int stale_days;
  char *likelihood_words;
  char *impact_words;
  gboolean public_ratings;
  PathwayRatingScheme *rating_scheme;

  GListStore *areas;
  GHashTable *areas_by_id;
  GListStore *workstreams;
  GHashTable *workstreams_by_id;
  GListStore *people;
  GHashTable *people_by_id;
  GListStore *actions;
  GHashTable *actions_by_id;
  GListStore *indicators;
  GHashTable *indicators_by_id;
  GListStore *boards;
  GHashTable *boards_by_id;
  GListStore *risks;
  GHashTable *risks_by_id;
  GListStore *coproduction;
  GHashTable *coproduction_by_id;

  /* RecordKey -> the retired record of that type and id. */
  GHashTable *retired;
};

G_DEFINE_FINAL_TYPE (PathwayProgramme, pathway_programme, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayProgramme, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, uuid) },
  { "name", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, name) },
  { "local-area", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, local_area) },
  { "partners", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, partners) },
  { "regime", PATHWAY_MODEL_ENUM, G_STRUCT_OFFSET (PathwayProgramme, regime),
    pathway_regime_get_type, PATHWAY_REGIME_WSOA_2014 },
  { "inspection-date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayProgramme, inspection_date) },
  { "letter-published", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayProgramme, letter_published) },
  { "plan-agreed", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayProgramme, plan_agreed) },
  { "vision", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, vision) },
  /* Commentary older than this before a day is stale on that day (the pack, the tracker). */
  { "stale-days", PATHWAY_MODEL_INT, G_STRUCT_OFFSET (PathwayProgramme, stale_days), NULL,
    PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS },
  /* The area's own words for the five levels of a risk's likelihood and impact, one per line
   * from 1 to 5; empty lines (or none) take the usual words. */
  { "likelihood-words", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, likelihood_words) },
  { "impact-words", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayProgramme, impact_words) },
  /* Whether the public version of the plan shows ratings. */
  { "public-ratings", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayProgramme, public_ratings),
    NULL, TRUE },
  { "rating-scheme", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayProgramme, rating_scheme),
    pathway_rating_scheme_get_type, .flags = PATHWAY_MODEL_READ_ONLY },
};

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* Objects not yet stored (id 0) are listed but cannot be found by id. */
static void
add_with_id (GListStore *store,
             GHashTable *by_id,
             gpointer    object,
             gint64      id)
{
  g_list_store_append (store, object);

  if (id != 0)
    g_hash_table_replace (by_id, g_memdup2 (&id, sizeof id), g_object_ref (object));
}

static gboolean
is_object (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return value == user_data;
}

/* By the object itself, not its id: the id it has now may not be the one it was added with. */
static void
remove_with_id (GListStore *store,
                GHashTable *by_id,
                gpointer    object)
{
  guint position;

  if (!g_list_store_find (store, object, &position))
    return;

  g_list_store_remove (store, position);
  g_hash_table_foreach_remove (by_id, is_object, object);
}

/* Ids are unique only within a kind of record, so a retired record is known by both. */
typedef struct
{
  GType type;
  gint64 id;
} RecordKey;

static guint
record_key_hash (gconstpointer key)
{
  const RecordKey *record_key = key;

  return g_int64_hash (&record_key->id) ^ g_direct_hash (GSIZE_TO_POINTER (record_key->type));
}

static gboolean
record_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const RecordKey *key_a = a;
  const RecordKey *key_b = b;

  return key_a->type == key_b->type && key_a->id == key_b->id;
}

static RecordKey
record_key_of (gpointer record)
{
  return (RecordKey) { G_OBJECT_TYPE (record), pathway_record_get_id (record) };
}

/* The table of the live records of type that the programme holds by id, if it has one. */
static GHashTable *
table_for_type (PathwayProgramme *self,
                GType             type)
{
  if (type == PATHWAY_TYPE_AREA_OF_WEAKNESS)
    return self->areas_by_id;
  if (type == PATHWAY_TYPE_WORKSTREAM)
    return self->workstreams_by_id;
  if (type == PATHWAY_TYPE_PERSON)
    return self->people_by_id;
  if (type == PATHWAY_TYPE_ACTION)
    return self->actions_by_id;
  if (type == PATHWAY_TYPE_INDICATOR)
    return self->indicators_by_id;
  if (type == PATHWAY_TYPE_BOARD)
    return self->boards_by_id;
  if (type == PATHWAY_TYPE_RISK)
    return self->risks_by_id;
  if (type == PATHWAY_TYPE_COPRODUCTION)
    return self->coproduction_by_id;

  return NULL;
}

static PathwayMember *
find_member (PathwayProgramme *self,
             gint64            id)
{
  guint n_workstreams = g_list_model_get_n_items (G_LIST_MODEL (self->workstreams));

  for (guint i = 0; i < n_workstreams; i++)
    {
      PathwayWorkstream *workstream = pathway_model_borrow_item (self->workstreams, i);
      PathwayMember *member = pathway_workstream_find_member (workstream, id);

      if (member != NULL)
        return member;
    }

  return NULL;
}

typedef struct
{
  guint total;
  guint complete;
  guint overdue;
  guint ratings[PATHWAY_N_RATINGS];
} Tally;

/* Deleted actions stay in the list for their history but count in no summary. */
static void
tally_actions (PathwayProgramme  *self,
               PathwayWorkstream *workstream,
               const GDate       *today,
               Tally             *tally)
{
  guint n_actions = g_list_model_get_n_items (G_LIST_MODEL (self->actions));

  memset (tally, 0, sizeof *tally);

  for (guint i = 0; i < n_actions; i++)
    {
      PathwayAction *action = pathway_model_borrow_item (self->actions, i);
      guint rating = pathway_action_get_rating (action);

      if (pathway_action_get_deleted (action) ||
          (workstream != NULL && pathway_action_get_workstream (action) != workstream))
        continue;

      tally->total++;
      if (rating < PATHWAY_N_RATINGS)
        tally->ratings[rating]++;
      if (pathway_action_is_complete (action))
        tally->complete++;
      if (today != NULL && pathway_action_is_overdue (action, today))
        tally->overdue++;
    }
}

static void
pathway_programme_dispose (GObject *object)
{
  PathwayProgramme *self = (PathwayProgramme *)object;

  g_clear_object (&self->areas);
  g_clear_pointer (&self->areas_by_id, g_hash_table_unref);
  g_clear_object (&self->workstreams);
  g_clear_pointer (&self->workstreams_by_id, g_hash_table_unref);
  g_clear_object (&self->people);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->actions_by_id, g_hash_table_unref);
  g_clear_object (&self->indicators);
  g_clear_pointer (&self->indicators_by_id, g_hash_table_unref);
  g_clear_object (&self->boards);
  g_clear_pointer (&self->boards_by_id, g_hash_table_unref);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->risks_by_id, g_hash_table_unref);
  g_clear_object (&self->coproduction);
  g_clear_pointer (&self->coproduction_by_id, g_hash_table_unref);
  g_clear_pointer (&self->retired, g_hash_table_unref);

  pathway_model_dispose (object);
}

static void
pathway_programme_class_init (PathwayProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pathway_model_class_install (object_class, fields, G_N_ELEMENTS (fields));
  object_class->dispose = pathway_programme_dispose;
}

static void
pathway_programme_init (PathwayProgramme *self)
{
  pathway_model_init_fields (G_OBJECT (self));
  self->rating_scheme = pathway_rating_scheme_new ();
  self->areas = g_list_store_new (PATHWAY_TYPE_AREA_OF_WEAKNESS);
  self->areas_by_id = id_table_new ();
  self->workstreams = g_list_store_new (PATHWAY_TYPE_WORKSTREAM);
  self->workstreams_by_id = id_table_new ();
  self->people = g_list_store_new (PATHWAY_TYPE_PERSON);
  self->people_by_id = id_table_new ();
  self->actions = g_list_store_new (PATHWAY_TYPE_ACTION);
  self->actions_by_id = id_table_new ();
  self->indicators = g_list_store_new (PATHWAY_TYPE_INDICATOR);
  self->indicators_by_id = id_table_new ();
  self->boards = g_list_store_new (PATHWAY_TYPE_BOARD);
  self->boards_by_id = id_table_new ();
  self->risks = g_list_store_new (PATHWAY_TYPE_RISK);
  self->risks_by_id = id_table_new ();
  self->coproduction = g_list_store_new (PATHWAY_TYPE_COPRODUCTION);
  self->coproduction_by_id = id_table_new ();
  self->retired = g_hash_table_new_full (record_key_hash, record_key_equal, g_free, g_object_unref);
}

PathwayProgramme *
pathway_programme_new (void)
{
  return g_object_new (PATHWAY_TYPE_PROGRAMME, NULL);
}

gint64
pathway_programme_get_id (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), 0);

  return self->id;
}

void
_pathway_programme_set_id (PathwayProgramme *self,
                           gint64            id)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

const char *
pathway_programme_get_name (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return self->name;
}

void
_pathway_programme_set_name (PathwayProgramme *self,
                             const char       *name)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_string (G_OBJECT (self), &self->name, name);
}

const char *
pathway_programme_get_local_area (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return self->local_area;
}

void
_pathway_programme_set_local_area (PathwayProgramme *self,
                                   const char       *local_area)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_string (G_OBJECT (self), &self->local_area, local_area);
}

const char *
pathway_programme_get_partners (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return self->partners;
}

void
_pathway_programme_set_partners (PathwayProgramme *self,
                                 const char       *partners)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_string (G_OBJECT (self), &self->partners, partners);
}

PathwayRegime
pathway_programme_get_regime (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), PATHWAY_REGIME_WSOA_2014);

  return self->regime;
}

void
_pathway_programme_set_regime (PathwayProgramme *self,
                               PathwayRegime     regime)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_enum (G_OBJECT (self), &self->regime, regime);
}

const GDate *
pathway_programme_get_inspection_date (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return pathway_model_get_date (&self->inspection_date);
}

void
_pathway_programme_set_inspection_date (PathwayProgramme *self,
                                        const GDate      *inspection_date)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_date (G_OBJECT (self), &self->inspection_date, inspection_date);
}

const GDate *
pathway_programme_get_letter_published (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return pathway_model_get_date (&self->letter_published);
}

void
_pathway_programme_set_letter_published (PathwayProgramme *self,
                                         const GDate      *letter_published)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_date (G_OBJECT (self), &self->letter_published, letter_published);
}

const GDate *
pathway_programme_get_plan_agreed (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return pathway_model_get_date (&self->plan_agreed);
}

void
_pathway_programme_set_plan_agreed (PathwayProgramme *self,
                                    const GDate      *plan_agreed)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_date (G_OBJECT (self), &self->plan_agreed, plan_agreed);
}

int
pathway_programme_get_stale_days (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS);

  return self->stale_days;
}

const char *
pathway_programme_get_vision (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return self->vision;
}

void
_pathway_programme_set_vision (PathwayProgramme *self,
                               const char       *vision)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));

  pathway_model_set_string (G_OBJECT (self), &self->vision, vision);
}

PathwayRatingScheme *
pathway_programme_get_rating_scheme (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return self->rating_scheme;
}

GListModel *
pathway_programme_get_areas (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->areas);
}

void
pathway_programme_add_area (PathwayProgramme      *self,
                            PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (area));

  add_with_id (self->areas, self->areas_by_id, area, pathway_area_of_weakness_get_id (area));
}

void
pathway_programme_remove_area (PathwayProgramme      *self,
                               PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_AREA_OF_WEAKNESS (area));

  remove_with_id (self->areas, self->areas_by_id, area);
}

GListModel *
pathway_programme_get_workstreams (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->workstreams);
}

void
pathway_programme_add_workstream (PathwayProgramme  *self,
                                  PathwayWorkstream *workstream)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (workstream));

  add_with_id (self->workstreams, self->workstreams_by_id, workstream,
               pathway_workstream_get_id (workstream));
}

void
pathway_programme_remove_workstream (PathwayProgramme  *self,
                                     PathwayWorkstream *workstream)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_WORKSTREAM (workstream));

  remove_with_id (self->workstreams, self->workstreams_by_id, workstream);
}

GListModel *
pathway_programme_get_people (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->people);
}

void
pathway_programme_add_person (PathwayProgramme *self,
                              PathwayPerson    *person)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_PERSON (person));

  add_with_id (self->people, self->people_by_id, person, pathway_person_get_id (person));
}

void
pathway_programme_remove_person (PathwayProgramme *self,
                                 PathwayPerson    *person)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_PERSON (person));

  remove_with_id (self->people, self->people_by_id, person);
}

GListModel *
pathway_programme_get_actions (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->actions);
}

void
pathway_programme_add_action (PathwayProgramme *self,
                              PathwayAction    *action)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_ACTION (action));

  add_with_id (self->actions, self->actions_by_id, action, pathway_action_get_id (action));
}

void
pathway_programme_remove_action (PathwayProgramme *self,
                                 PathwayAction    *action)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_ACTION (action));

  remove_with_id (self->actions, self->actions_by_id, action);
}

GListModel *
pathway_programme_get_indicators (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

void
pathway_programme_add_indicator (PathwayProgramme *self,
                                 PathwayIndicator *indicator)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_INDICATOR (indicator));

  add_with_id (self->indicators, self->indicators_by_id, indicator,
               pathway_indicator_get_id (indicator));
}

void
pathway_programme_remove_indicator (PathwayProgramme *self,
                                    PathwayIndicator *indicator)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_INDICATOR (indicator));

  remove_with_id (self->indicators, self->indicators_by_id, indicator);
}

GListModel *
pathway_programme_get_boards (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->boards);
}

void
pathway_programme_add_board (PathwayProgramme *self,
                             PathwayBoard     *board)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_BOARD (board));

  add_with_id (self->boards, self->boards_by_id, board, pathway_board_get_id (board));
}

void
pathway_programme_remove_board (PathwayProgramme *self,
                                PathwayBoard     *board)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_BOARD (board));

  remove_with_id (self->boards, self->boards_by_id, board);
}

PathwayAreaOfWeakness *
pathway_programme_find_area (PathwayProgramme *self,
                             gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->areas_by_id, &id);
}

PathwayWorkstream *
pathway_programme_find_workstream (PathwayProgramme *self,
                                   gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->workstreams_by_id, &id);
}

PathwayPerson *
pathway_programme_find_person (PathwayProgramme *self,
                               gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->people_by_id, &id);
}

PathwayAction *
pathway_programme_find_action (PathwayProgramme *self,
                               gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->actions_by_id, &id);
}

PathwayIndicator *
pathway_programme_find_indicator (PathwayProgramme *self,
                                  gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->indicators_by_id, &id);
}

PathwayBoard *
pathway_programme_find_board (PathwayProgramme *self,
                              gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->boards_by_id, &id);
}

PathwayBoard *
pathway_programme_find_board_by_name (PathwayProgramme *self,
                                      const char       *name)
{
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;
  guint n_boards;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  n_boards = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; i < n_boards; i++)
    {
      PathwayBoard *board = pathway_model_borrow_item (self->boards, i);
      g_autofree char *other = NULL;

      if (folded == NULL)
        return board;
      other = g_utf8_casefold (pathway_board_get_name (board), -1);
      if (g_strcmp0 (other, folded) == 0)
        return board;
    }
  return NULL;
}

PathwayMeeting *
pathway_programme_find_meeting (PathwayProgramme *self,
                                gint64            id)
{
  guint n_boards;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  n_boards = g_list_model_get_n_items (G_LIST_MODEL (self->boards));
  for (guint i = 0; i < n_boards; i++)
    {
      PathwayBoard *board = pathway_model_borrow_item (self->boards, i);
      PathwayMeeting *meeting = pathway_board_find_meeting (board, id);

      if (meeting != NULL)
        return meeting;
    }

  return NULL;
}

/* A reference can be reused once an action is deleted, so a live action wins over a deleted
 * one with the same reference. */
PathwayAction *
pathway_programme_find_action_by_reference (PathwayProgramme *self,
                                            const char       *reference)
{
  PathwayAction *deleted = NULL;
  guint n_actions;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  if (reference == NULL)
    return NULL;

  n_actions = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  for (guint i = 0; i < n_actions; i++)
    {
      PathwayAction *action = pathway_model_borrow_item (self->actions, i);

      if (g_strcmp0 (pathway_action_get_reference (action), reference) != 0)
        continue;

      if (!pathway_action_get_deleted (action))
        return action;

      if (deleted == NULL)
        deleted = action;
    }

  return deleted;
}

PathwayPerson *
pathway_programme_find_person_by_name (PathwayProgramme *self,
                                       const char       *name)
{
  guint n_people;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  n_people = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  for (guint i = 0; i < n_people; i++)
    {
      PathwayPerson *person = pathway_model_borrow_item (self->people, i);

      if (g_strcmp0 (pathway_person_get_name (person), name) == 0)
        return person;
    }

  return NULL;
}

PathwayWorkstream *
pathway_programme_find_workstream_by_code (PathwayProgramme *self,
                                           const char       *code)
{
  guint n_workstreams;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  n_workstreams = g_list_model_get_n_items (G_LIST_MODEL (self->workstreams));
  for (guint i = 0; i < n_workstreams; i++)
    {
      PathwayWorkstream *workstream = pathway_model_borrow_item (self->workstreams, i);

      if (g_strcmp0 (pathway_workstream_get_code (workstream), code) == 0)
        return workstream;
    }

  return NULL;
}

void
_pathway_programme_add_retired (PathwayProgramme *self,
                                gpointer          record)
{
  RecordKey key;

  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (G_IS_OBJECT (record));

  /* A record without an id could never be asked for again. */
  key = record_key_of (record);
  g_return_if_fail (key.id != 0);

  g_hash_table_replace (self->retired, g_memdup2 (&key, sizeof key), g_object_ref (record));
}

void
_pathway_programme_remove_retired (PathwayProgramme *self,
                                   gpointer          record)
{
  RecordKey key;

  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (G_IS_OBJECT (record));

  key = record_key_of (record);
  g_hash_table_remove (self->retired, &key);
}

gboolean
pathway_programme_is_retired (PathwayProgramme *self,
                              gpointer          record)
{
  RecordKey key;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  key = record_key_of (record);

  return key.id != 0 && g_hash_table_contains (self->retired, &key);
}

gpointer
pathway_programme_find_record (PathwayProgramme *self,
                               GType             type,
                               gint64            id)
{
  RecordKey key = { type, id };
  GHashTable *by_id;
  gpointer record = NULL;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  if (id == 0)
    return NULL;

  by_id = table_for_type (self, type);
  if (by_id != NULL)
    record = g_hash_table_lookup (by_id, &id);
  else if (type == PATHWAY_TYPE_MEETING)
    record = pathway_programme_find_meeting (self, id);
  else if (type == PATHWAY_TYPE_MEMBER)
    record = find_member (self, id);
  else if (type == PATHWAY_TYPE_PROGRAMME && id == self->id)
    record = self;

  if (record == NULL)
    record = g_hash_table_lookup (self->retired, &key);

  /* A meeting of a retired board, a member of a retired workstream: still theirs. */
  if (record == NULL && (type == PATHWAY_TYPE_MEETING || type == PATHWAY_TYPE_MEMBER))
    {
      GHashTableIter iter;
      gpointer owner;

      g_hash_table_iter_init (&iter, self->retired);
      while (record == NULL && g_hash_table_iter_next (&iter, NULL, &owner))
        {
          if (type == PATHWAY_TYPE_MEETING && PATHWAY_IS_BOARD (owner))
            record = pathway_board_find_meeting (owner, id);
          else if (type == PATHWAY_TYPE_MEMBER && PATHWAY_IS_WORKSTREAM (owner))
            record = pathway_workstream_find_member (owner, id);
        }
    }

  return record;
}

void
pathway_programme_count_ratings (PathwayProgramme  *self,
                                 PathwayWorkstream *workstream,
                                 guint              counts[PATHWAY_N_RATINGS])
{
  Tally tally;

  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream));
  g_return_if_fail (counts != NULL);

  tally_actions (self, workstream, NULL, &tally);
  memcpy (counts, tally.ratings, sizeof tally.ratings);
}

guint
pathway_programme_count_overdue (PathwayProgramme  *self,
                                 PathwayWorkstream *workstream,
                                 const GDate       *today)
{
  Tally tally;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), 0);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  tally_actions (self, workstream, today, &tally);

  return tally.overdue;
}

guint
pathway_programme_count_complete (PathwayProgramme  *self,
                                  PathwayWorkstream *workstream)
{
  Tally tally;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), 0);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), 0);

  tally_actions (self, workstream, NULL, &tally);

  return tally.complete;
}

double
pathway_programme_get_share_complete (PathwayProgramme  *self,
                                      PathwayWorkstream *workstream)
{
  Tally tally;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), 0);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), 0);

  tally_actions (self, workstream, NULL, &tally);

  return tally.total > 0 ? (double)tally.complete / tally.total : 0;
}

/* The risk log and "you said, we did" ---------------------------------------------------- */

GListModel *
pathway_programme_get_risks (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->risks);
}

void
pathway_programme_add_risk (PathwayProgramme *self,
                            PathwayRisk      *risk)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_RISK (risk));

  add_with_id (self->risks, self->risks_by_id, risk, pathway_risk_get_id (risk));
}

void
pathway_programme_remove_risk (PathwayProgramme *self,
                               PathwayRisk      *risk)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_RISK (risk));

  remove_with_id (self->risks, self->risks_by_id, risk);
}

PathwayRisk *
pathway_programme_find_risk (PathwayProgramme *self,
                             gint64            id)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return g_hash_table_lookup (self->risks_by_id, &id);
}

PathwayRisk *
pathway_programme_find_risk_by_reference (PathwayProgramme *self,
                                          const char       *reference)
{
  guint n;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  for (guint i = 0; reference != NULL && i < n; i++)
    {
      PathwayRisk *risk = pathway_model_borrow_item (self->risks, i);

      if (g_utf8_collate (pathway_risk_get_reference (risk), reference) == 0)
        return risk;
    }
  return NULL;
}

GListModel *
pathway_programme_get_coproduction (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->coproduction);
}

void
pathway_programme_add_coproduction (PathwayProgramme    *self,
                                    PathwayCoproduction *entry)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (entry));

  add_with_id (self->coproduction, self->coproduction_by_id, entry,
               pathway_coproduction_get_id (entry));
}

void
pathway_programme_remove_coproduction (PathwayProgramme    *self,
                                       PathwayCoproduction *entry)
{
  g_return_if_fail (PATHWAY_IS_PROGRAMME (self));
  g_return_if_fail (PATHWAY_IS_COPRODUCTION (entry));

  remove_with_id (self->coproduction, self->coproduction_by_id, entry);
}

static const char *
level_word (const char  *words,
            int          level,
            const char  *const defaults[5])
{
  g_auto (GStrv) lines = NULL;

  if (level < 1 || level > 5)
    return "";
  lines = g_strsplit (words != NULL ? words : "", "\n", -1);
  if ((guint) level <= g_strv_length (lines))
    {
      g_autofree char *word = g_strstrip (g_strdup (lines[level - 1]));

      if (*word != '\0')
        return g_intern_string (word);
    }
  return defaults[level - 1];
}

const char *
pathway_programme_get_likelihood_word (PathwayProgramme *self,
                                       int               level)
{
  const char *const defaults[5] = {
    N_("Rare"), N_("Unlikely"), N_("Possible"), N_("Likely"), N_("Almost certain"),
  };
  const char *word;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), "");

  word = level_word (self->likelihood_words, level, defaults);
  return level >= 1 && level <= 5 && word == defaults[level - 1] ? _(word) : word;
}

const char *
pathway_programme_get_impact_word (PathwayProgramme *self,
                                   int               level)
{
  const char *const defaults[5] = {
    N_("Negligible"), N_("Minor"), N_("Moderate"), N_("Major"), N_("Severe"),
  };
  const char *word;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), "");

  word = level_word (self->impact_words, level, defaults);
  return level >= 1 && level <= 5 && word == defaults[level - 1] ? _(word) : word;
}

gboolean
pathway_programme_get_public_ratings (PathwayProgramme *self)
{
  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (self), TRUE);

  return self->public_ratings;
}
