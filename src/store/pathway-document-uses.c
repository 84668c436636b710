/* pathway-document-uses.c: where a record is used, and moving those uses to another record.
 *
 * A use is a live record with a field that links to the record (a workstream's lead, an
 * action's area). Which fields can link to which kind is read from the kinds' descriptions,
 * so a new kind's links are found with no change here. Retiring a record in use is refused
 * (pathway_document_retire), so nothing live points at a retired record; a person who left is
 * first replaced, by reassigning, or a duplicate merged into the record kept. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-document-private.h"

static void
use_free (gpointer data)
{
  PathwayUse *use = data;

  g_clear_object (&use->record);
  g_free (use);
}

static GPtrArray *
find_uses (PathwayDocument *self, GObject *record, GError **error)
{
  g_autoptr (GPtrArray) uses = g_ptr_array_new_with_free_func (use_free);
  GType type = G_OBJECT_TYPE (record);
  const PathwayKind *const *kinds;
  guint n_kinds;

  kinds = pathway_kinds_all (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      const PathwayKind *kind = kinds[k];
      GObjectClass *klass = g_type_class_peek (kind->get_type ());
      g_autoptr (GListModel) records = NULL;

      if (klass == NULL)
        continue; /* no object of the kind was ever made, so none links here */
      for (const PathwayColumn *c = kind->columns; c->property; c++)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, c->property);

          if ((c->flags & (PATHWAY_COLUMN_OWNER | PATHWAY_COLUMN_HISTORICAL)) ||
              pspec->value_type != type)
            continue;
          if (records == NULL &&
              (records = pathway_document_list_records (self, kind, FALSE, error)) == NULL)
            return NULL;
          for (guint i = 0; i < g_list_model_get_n_items (records); i++)
            {
              g_autoptr (GObject) item = g_list_model_get_item (records, i);
              g_autoptr (GObject) linked = NULL;

              g_object_get (item, c->property, &linked, NULL);
              if (linked == record)
                {
                  PathwayUse *use = g_new (PathwayUse, 1);

                  use->record = g_object_ref (item);
                  use->field = pathway_column_field (c);
                  g_ptr_array_add (uses, use);
                }
            }
        }
    }
  return g_steal_pointer (&uses);
}

GPtrArray *
pathway_document_list_uses (PathwayDocument *self, gpointer record, GError **error)
{
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  return find_uses (self, record, error);
}

/* The kinds' names for more than one ("lead of actions 1A i, 1B ii"). */
static const char *
plural (const PathwayKind *kind)
{
  static const struct { const char *one, *many; } words[] = {
    { "person", N_("people") }, { "area", N_("areas") }, { "workstream", N_("workstreams") },
    { "member", N_("members") }, { "action", N_("actions") }, { "indicator", N_("indicators") },
    { "board", N_("boards") }, { "meeting", N_("meetings") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (g_str_equal (words[i].one, kind->name))
        return _(words[i].many);
    }
  return kind->name;
}

char *
pathway_document_describe_uses (PathwayDocument *self, GPtrArray *uses)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree gboolean *done = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (uses != NULL, NULL);

  done = g_new0 (gboolean, uses->len + 1);
  for (guint i = 0; i < uses->len; i++)
    {
      PathwayUse *use = g_ptr_array_index (uses, i);
      const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (use->record));
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      if (done[i])
        continue;
      /* A person who is a member of a workstream is "member of workstream B", as people say
       * it, not "person of member B Priya Raman". */
      {
        const PathwayColumn *column = pathway_kind_field_column (kind, use->field);
        const PathwayColumn *owner_column = pathway_kind_owner_column (kind);

        if (column != NULL && owner_column != NULL && (column->flags & PATHWAY_COLUMN_KEY))
          {
            const PathwayKind *owner_kind = pathway_kind_lookup (kind->owner);
            gint64 owner_id = 0;
            g_autoptr (GObject) owner = NULL;
            g_autofree char *owner_name = NULL;

            g_object_get (use->record, owner_column->property, &owner_id, NULL);
            owner = pathway_document_lookup (self, owner_kind->get_type (), owner_id);
            owner_name = owner ? pathway_document_record_name (self, owner) : g_strdup ("");
            if (out->len > 0)
              g_string_append (out, "; ");
            /* TRANSLATORS: "member of workstream B" */
            g_string_append_printf (out, _("%s of %s %s"), kind->name, owner_kind->name,
                                    owner_name);
            done[i] = TRUE;
            continue;
          }
      }
      /* The uses by the same field of the same kind go together. */
      for (guint j = i; j < uses->len; j++)
        {
          PathwayUse *other = g_ptr_array_index (uses, j);

          if (!done[j] && G_OBJECT_TYPE (other->record) == G_OBJECT_TYPE (use->record) &&
              g_str_equal (other->field, use->field))
            {
              g_ptr_array_add (names, pathway_document_record_name (self, other->record));
              done[j] = TRUE;
            }
        }
      g_ptr_array_add (names, NULL);
      {
        g_autofree char *list = g_strjoinv (", ", (char **) names->pdata);

        if (out->len > 0)
          g_string_append (out, "; ");
        /* TRANSLATORS: a use of a record: "lead of workstream B", "lead of actions 1A i, 1B ii" */
        g_string_append_printf (out, _("%s of %s %s"), use->field,
                                names->len > 2 ? plural (kind) : kind->name, list);
        /* (names ends with its NULL: more than two entries is more than one name) */
      }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
move_uses (PathwayDocument *self, GObject *from, GObject *to, const char *note,
           GError **error)
{
  g_autoptr (GPtrArray) uses = find_uses (self, from, error);

  if (uses == NULL)
    return FALSE;
  for (guint i = 0; i < uses->len; i++)
    {
      PathwayUse *use = g_ptr_array_index (uses, i);
      const PathwayKind *kind = pathway_kind_for_type (G_OBJECT_TYPE (use->record));
      const PathwayColumn *column = pathway_kind_field_column (kind, use->field);
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_OBJECT_TYPE (to));
      g_value_set_object (&value, to);
      if (!pathway_document_set_value (self, use->record, column->property, &value, note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_pair (PathwayDocument *self, GObject *from, GObject *to, GError **error)
{
  if (!G_IS_OBJECT (from) || !G_IS_OBJECT (to) || G_OBJECT_TYPE (from) != G_OBJECT_TYPE (to))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("Uses can only move to a record of the same kind."));
      return FALSE;
    }
  if (from == to)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("Choose another record to move the uses to."));
      return FALSE;
    }
  return TRUE;
}

gboolean
pathway_document_reassign (PathwayDocument *self, gpointer from, gpointer to,
                           const char *note, GError **error)
{
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (!check_pair (self, from, to, error))
    return FALSE;
  from_name = pathway_document_record_name (self, from);
  to_name = pathway_document_record_name (self, to);
  label = g_strdup_printf (_("Reassign from %s to %s"), from_name, to_name);
  if (!pathway_document_begin_batch (self, label, error))
    return FALSE;
  if (!move_uses (self, from, to, note, error))
    {
      pathway_document_rollback_batch (self);
      return FALSE;
    }
  return pathway_document_commit_batch (self, error);
}

gboolean
pathway_document_merge (PathwayDocument *self, gpointer duplicate, gpointer keep,
                        GError **error)
{
  g_autofree char *duplicate_name = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (self), FALSE);

  if (!check_pair (self, duplicate, keep, error))
    return FALSE;
  duplicate_name = pathway_document_record_name (self, duplicate);
  keep_name = pathway_document_record_name (self, keep);
  label = g_strdup_printf (_("Merge %s into %s"), duplicate_name, keep_name);
  note = g_strdup_printf (_("Merged into %s"), keep_name);
  if (!pathway_document_begin_batch (self, label, error))
    return FALSE;
  if (!move_uses (self, duplicate, keep, note, error) ||
      !pathway_document_retire (self, duplicate, note, error))
    {
      pathway_document_rollback_batch (self);
      return FALSE;
    }
  return pathway_document_commit_batch (self, error);
}
