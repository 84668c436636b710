/* pathway-meeting-record.c: the record of a meeting, read from the updates linked to it and
 * written as the meeting's plain-text summary (see the header for its shape). */
#define G_LOG_DOMAIN "pathway-store"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pathway-meeting-record.h"

#define BULLET "- "

PathwayRecordEntry *
pathway_record_entry_new (PathwayRecordKind kind, const char *reference, const char *text)
{
  PathwayRecordEntry *entry = g_new0 (PathwayRecordEntry, 1);

  entry->kind = kind;
  entry->reference = g_strdup (reference);
  entry->text = g_strdup (text != NULL ? text : "");
  return entry;
}

static PathwayRecordEntry *
entry_copy (const PathwayRecordEntry *entry)
{
  PathwayRecordEntry *copy = pathway_record_entry_new (entry->kind, entry->reference,
                                                       entry->text);

  copy->from = entry->from;
  copy->to = entry->to;
  return copy;
}

void
pathway_record_entry_free (PathwayRecordEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->reference);
  g_free (entry->text);
  g_free (entry);
}

const char *
pathway_record_rating_word (PathwayRatingScheme *scheme, PathwayRating rating)
{
  static const char *defaults[PATHWAY_N_RATINGS] = {
    N_("Not rated"), N_("Red"), N_("Amber"), N_("Green"), N_("Blue"),
  };
  const char *word = NULL;

  if ((guint) rating >= PATHWAY_N_RATINGS)
    rating = PATHWAY_RATING_NONE;
  if (scheme != NULL && rating != PATHWAY_RATING_NONE)
    word = pathway_rating_scheme_get_label (scheme, rating);
  return word != NULL && *word != '\0' ? word : _(defaults[rating]);
}

GPtrArray *
pathway_record_collect (PathwayDocument *document, PathwayMeeting *meeting, GPtrArray *general,
                        GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) pathway_record_entry_free);
  PathwayProgramme *programme;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (meeting == NULL || PATHWAY_IS_MEETING (meeting), NULL);

  programme = pathway_document_get_programme (document);
  if (meeting != NULL && pathway_meeting_get_id (meeting) > 0)
    {
      g_autoptr(GListModel) updates = pathway_document_list_meeting_updates (document, meeting,
                                                                            error);
      guint n;

      if (updates == NULL)
        return NULL;
      n = g_list_model_get_n_items (updates);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);
          PathwayAction *action = pathway_programme_find_action (
            programme, pathway_action_update_get_action_id (update));
          g_autofree char *reference = NULL;
          const char *note = pathway_action_update_get_note (update);
          PathwayRecordEntry *entry;

          /* A deleted action is no longer in the programme; its number still says which. */
          reference = action != NULL
                        ? g_strdup (pathway_action_get_reference (action))
                        : g_strdup_printf ("#%" G_GINT64_FORMAT,
                                           pathway_action_update_get_action_id (update));
          switch (pathway_action_update_get_field (update))
            {
            case PATHWAY_FIELD_RATING:
              entry = pathway_record_entry_new (PATHWAY_RECORD_RERATING, reference, note);
              entry->from =
                pathway_rating_from_nick (pathway_action_update_get_from_value (update));
              entry->to = pathway_rating_from_nick (pathway_action_update_get_to_value (update));
              g_ptr_array_add (entries, entry);
              break;
            case PATHWAY_FIELD_NOTE:
              entry = pathway_record_entry_new (
                g_strcmp0 (pathway_action_update_get_property_name (update), "decision") == 0
                  ? PATHWAY_RECORD_DECISION
                  : PATHWAY_RECORD_NOTE,
                reference, note);
              g_ptr_array_add (entries, entry);
              break;
            case PATHWAY_FIELD_CREATED:
            case PATHWAY_FIELD_STATUS:
            case PATHWAY_FIELD_REVISED_TIMESCALE:
            case PATHWAY_FIELD_COMMENTARY:
            case PATHWAY_FIELD_DELETED:
            case PATHWAY_FIELD_TEXT:
            default:
              /* The history keeps these; the meeting's record is what the board decided. */
              break;
            }
        }
    }

  for (guint i = 0; general != NULL && i < general->len; i++)
    g_ptr_array_add (entries, entry_copy (g_ptr_array_index (general, i)));

  return g_steal_pointer (&entries);
}

char *
pathway_record_format_entry (const PathwayRecordEntry *entry, PathwayRatingScheme *scheme)
{
  GString *line = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->reference != NULL)
    g_string_append_printf (line, "%s: ", entry->reference);
  if (entry->kind == PATHWAY_RECORD_RERATING)
    {
      /* TRANSLATORS: a rating change, "Amber → Red" */
      g_string_append_printf (line, _("%s → %s"),
                              pathway_record_rating_word (scheme, entry->from),
                              pathway_record_rating_word (scheme, entry->to));
      if (entry->text != NULL && *entry->text != '\0')
        g_string_append_printf (line, ". %s", entry->text);
    }
  else
    g_string_append (line, entry->text);

  /* One line each: a note typed with a line break still reads as one entry. */
  g_strdelimit (line->str, "\r\n", ' ');
  return g_string_free (line, FALSE);
}

static const char *
heading_for (PathwayRecordKind kind)
{
  switch (kind)
    {
    case PATHWAY_RECORD_RERATING:
      return _("Re-ratings");
    case PATHWAY_RECORD_NOTE:
      return _("Notes");
    case PATHWAY_RECORD_DECISION:
    default:
      return _("Decisions");
    }
}

char *
pathway_record_format_summary (const char *prior, GPtrArray *entries,
                               PathwayRatingScheme *scheme)
{
  static const PathwayRecordKind kinds[] = {
    PATHWAY_RECORD_RERATING, PATHWAY_RECORD_NOTE, PATHWAY_RECORD_DECISION,
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (prior != NULL ? prior : ""));
  GString *sections = g_string_new (NULL);
  GString *text = g_string_new (trimmed);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean headed = FALSE;

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          const PathwayRecordEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *line = NULL;

          if (entry->kind != kinds[k])
            continue;
          if (!headed)
            {
              g_string_append_printf (sections, "%s\n", heading_for (kinds[k]));
              headed = TRUE;
            }
          line = pathway_record_format_entry (entry, scheme);
          g_string_append_printf (sections, BULLET "%s\n", line);
        }
    }

  if (sections->len > 0)
    {
      /* A blank line between what was written by hand and what the meeting recorded. */
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_len (text, sections->str, sections->len - 1);
    }
  g_string_free (sections, TRUE);
  return g_string_free (text, FALSE);
}

static gboolean
is_heading (const char *line, PathwayRecordKind *kind)
{
  static const PathwayRecordKind kinds[] = {
    PATHWAY_RECORD_RERATING, PATHWAY_RECORD_NOTE, PATHWAY_RECORD_DECISION,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_equal (line, heading_for (kinds[k])))
      {
        *kind = kinds[k];
        return TRUE;
      }
  return FALSE;
}

void
pathway_record_parse_summary (const char *summary, GPtrArray *action_entries,
                              PathwayRatingScheme *scheme, char **prior, GPtrArray *general)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *before = g_string_new (NULL);
  gboolean in_sections = FALSE;
  PathwayRecordKind kind = PATHWAY_RECORD_NOTE;

  g_return_if_fail (prior != NULL);

  /* Lines the updates will give again, each as many times as it was recorded. */
  for (guint i = 0; action_entries != NULL && i < action_entries->len; i++)
    {
      char *line = pathway_record_format_entry (g_ptr_array_index (action_entries, i), scheme);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (known, line));

      g_hash_table_insert (known, line, GUINT_TO_POINTER (count + 1));
    }

  lines = g_strsplit (summary != NULL ? summary : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      PathwayRecordKind heading;

      /* A heading is ours only with an entry under it: a line "Notes" written by hand stays
       * the person's text. */
      if (is_heading (line, &heading) && lines[i + 1] != NULL &&
          g_str_has_prefix (lines[i + 1], BULLET))
        {
          in_sections = TRUE;
          kind = heading;
          continue;
        }
      if (in_sections && g_str_has_prefix (line, BULLET))
        {
          const char *item = line + strlen (BULLET);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (known, item));

          if (count > 0)
            {
              g_hash_table_insert (known, g_strdup (item), GUINT_TO_POINTER (count - 1));
              continue;
            }
          /* Re-ratings always come from the updates; only the meeting's own notes and
           * decisions live here alone. */
          if (kind != PATHWAY_RECORD_RERATING && general != NULL)
            g_ptr_array_add (general, pathway_record_entry_new (kind, NULL, item));
          continue;
        }
      /* Anything else is kept as written, whether before the sections or added among them
       * since: nothing a person wrote is dropped. */
      if (*line != '\0' || !in_sections)
        g_string_append_printf (before, "%s\n", line);
    }

  *prior = g_strstrip (g_string_free (before, FALSE));
}
