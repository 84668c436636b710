/* pathway-update-round.c: the monthly update's round.
 *
 * The round keeps its actions by id, so a rolled-back batch that replaces the programme loses
 * nothing, and asks the file which still need an update whenever it moves or counts
 * (pathway_document_list_needing_update, one query over the history). On a server it goes
 * through the actions the person may change: a lead's round is their workstreams'. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include "pathway-remote.h"
#include "pathway-returns.h"
#include "pathway-update-round.h"

struct _PathwayUpdateRound
{
  GObject parent_instance;

  PathwayDocument *document;
  GDate since;
  GArray *ids;         /* gint64: the round's actions, in the plan's order */
  GHashTable *skipped; /* ids passed over with Skip */
  guint position;
};

G_DEFINE_FINAL_TYPE (PathwayUpdateRound, pathway_update_round, G_TYPE_OBJECT)

static void
pathway_update_round_finalize (GObject *object)
{
  PathwayUpdateRound *self = PATHWAY_UPDATE_ROUND (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->skipped, g_hash_table_unref);
  G_OBJECT_CLASS (pathway_update_round_parent_class)->finalize (object);
}

static void
pathway_update_round_class_init (PathwayUpdateRoundClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_update_round_finalize;
}

static void
pathway_update_round_init (PathwayUpdateRound *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->skipped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* The ids of the actions that need an update now; NULL when the history cannot be read. */
static GHashTable *
needing_now (PathwayUpdateRound *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needing = pathway_document_list_needing_update (self->document,
                                                                       &self->since, &error);
  GHashTable *ids;

  if (needing == NULL)
    {
      g_warning ("Could not read which actions need an update: %s", error->message);
      return NULL;
    }
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < needing->len; i++)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { pathway_action_get_id (needing->pdata[i]) },
                                      sizeof (gint64)));
  return ids;
}

static int
compare_by_sorter (gconstpointer a, gconstpointer b, gpointer order)
{
  return gtk_sorter_compare (order, *(gpointer *) a, *(gpointer *) b);
}

PathwayUpdateRound *
pathway_update_round_new (PathwayDocument *document, const GDate *since, GtkSorter *order,
                          GError **error)
{
  g_autoptr(PathwayUpdateRound) self = NULL;
  g_autoptr(GPtrArray) needing = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (since != NULL && g_date_valid (since), NULL);

  needing = pathway_document_list_needing_update (document, since, error);
  if (needing == NULL)
    return NULL;
  /* A stable sort: what the tracker's order ties stays in the plan's order. */
  if (order != NULL)
    g_ptr_array_sort_with_data (needing, compare_by_sorter, order);
  self = g_object_new (PATHWAY_TYPE_UPDATE_ROUND, NULL);
  self->document = g_object_ref (document);
  self->since = *since;
  for (guint i = 0; i < needing->len; i++)
    {
      gint64 id = pathway_action_get_id (needing->pdata[i]);
      g_autofree char *refusal = pathway_document_dup_refusal (document, needing->pdata[i]);

      if (refusal == NULL)
        g_array_append_val (self->ids, id);
    }
  return g_steal_pointer (&self);
}

PathwayDocument *
pathway_update_round_get_document (PathwayUpdateRound *self)
{
  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), NULL);
  return self->document;
}

const GDate *
pathway_update_round_get_since (PathwayUpdateRound *self)
{
  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), NULL);
  return &self->since;
}

guint
pathway_update_round_get_n_actions (PathwayUpdateRound *self)
{
  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), 0);
  return self->ids->len;
}

guint
pathway_update_round_count_updated (PathwayUpdateRound *self)
{
  g_autoptr(GHashTable) needing = NULL;
  guint updated = 0;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), 0);

  needing = needing_now (self);
  if (needing == NULL)
    return 0;
  for (guint i = 0; i < self->ids->len; i++)
    if (!g_hash_table_contains (needing, &g_array_index (self->ids, gint64, i)))
      updated++;
  return updated;
}

guint
pathway_update_round_count_skipped (PathwayUpdateRound *self)
{
  g_autoptr(GHashTable) needing = NULL;
  GHashTableIter iter;
  gpointer id;
  guint skipped = 0;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), 0);

  needing = needing_now (self);
  if (needing == NULL)
    return 0;
  g_hash_table_iter_init (&iter, self->skipped);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (needing, id))
      skipped++;
  return skipped;
}

guint
pathway_update_round_get_position (PathwayUpdateRound *self)
{
  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), 0);
  return self->position;
}

gboolean
pathway_update_round_is_finished (PathwayUpdateRound *self)
{
  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), TRUE);
  return self->position >= self->ids->len;
}

PathwayAction *
pathway_update_round_get_current (PathwayUpdateRound *self)
{
  PathwayProgramme *programme;
  PathwayAction *action;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), NULL);

  programme = pathway_document_get_programme (self->document);
  if (programme == NULL || pathway_update_round_is_finished (self))
    return NULL;
  action = pathway_programme_find_action (programme,
                                          g_array_index (self->ids, gint64, self->position));
  /* Deleted while the round was away from it: nothing to update there. */
  if (action == NULL || pathway_action_get_deleted (action))
    return NULL;
  return action;
}

gboolean
pathway_update_round_current_needs_update (PathwayUpdateRound *self)
{
  g_autoptr(GHashTable) needing = NULL;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), FALSE);

  if (pathway_update_round_get_current (self) == NULL)
    return FALSE;
  needing = needing_now (self);
  return needing == NULL ||
         g_hash_table_contains (needing, &g_array_index (self->ids, gint64, self->position));
}

gboolean
pathway_update_round_advance (PathwayUpdateRound *self, gboolean skip)
{
  g_autoptr(GHashTable) needing = NULL;

  g_return_val_if_fail (PATHWAY_IS_UPDATE_ROUND (self), FALSE);

  if (pathway_update_round_is_finished (self))
    return FALSE;
  if (skip)
    g_hash_table_add (self->skipped,
                      g_memdup2 (&g_array_index (self->ids, gint64, self->position),
                                 sizeof (gint64)));
  needing = needing_now (self);
  for (self->position++; self->position < self->ids->len; self->position++)
    if (needing == NULL ||
        g_hash_table_contains (needing, &g_array_index (self->ids, gint64, self->position)))
      return TRUE;
  return FALSE;
}

void
pathway_update_round_default_since (PathwayDocument *document, const char *board_name,
                                    GDate *since)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayBoard *board = NULL;

  /* A default board since renamed or removed: the first board, as packs do. */
  if (programme != NULL && board_name != NULL)
    board = pathway_programme_find_board_by_name (programme, board_name);
  if (programme != NULL && pathway_returns_default_since (document, board, since))
    return;
  /* No board or no meeting yet: a month is what a monthly update covers. */
  pathway_document_get_today (document, since);
  g_date_subtract_months (since, 1);
}
