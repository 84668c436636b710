/* pathway-action-filter.c: the tracker's filter, its sort keys, and the list of actions they
 * work on.
 *
 * The list at the bottom of the chain mirrors the programme's actions and announces an action
 * again (items-changed at its position, one removed, one added) when it changes, so the filter
 * and sort models above test and place just that action again, and the row showing it is bound
 * afresh. The announcements wait for an idle: one change through the document sets several
 * properties (rating, then last-updated), and each would otherwise cost a re-sort.
 *
 * Keys are made when first asked for (the reference key on the first sort by reference) and
 * dropped when their action notifies; a change to a workstream, person, area or the rating
 * scheme drops them all, since any action may show it. The search text is also made ahead, in
 * short low-priority idles after a programme arrives, so that the first keystroke on a large
 * programme costs no more than the next.
 *
 * The search text keeps each field apart (folded, each ending in a newline, in the order of
 * Field below), so that a row can say in which field a word was found. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pathway-action-filter.h"
#include "pathway-style.h"

/* Past this many changed actions in one idle, announcing them all at once is cheaper than
 * finding each. */
#define MANY_CHANGED 64
/* How long one idle may spend making search text before the first keystroke needs it. */
#define WARM_SLICE_USEC 2000
/* Descriptions sort by their opening words; longer collation keys only cost memory. */
#define DESCRIPTION_KEY_CHARS 80

/* The fields a search looks in, in the order a match is reported in. */
typedef enum {
  FIELD_REFERENCE,
  FIELD_DESCRIPTION,
  FIELD_LEAD,
  FIELD_COMMENTARY,
  FIELD_THEME,
  FIELD_RECOVERY_PLAN,
  FIELD_SUCCESS_MEASURE,
  N_FIELDS
} Field;

/* The column showing each field; -1: none. */
static const int field_columns[N_FIELDS] = {
  [FIELD_REFERENCE] = PATHWAY_ACTION_COLUMN_REFERENCE,
  [FIELD_DESCRIPTION] = PATHWAY_ACTION_COLUMN_DESCRIPTION,
  [FIELD_LEAD] = PATHWAY_ACTION_COLUMN_LEAD,
  [FIELD_COMMENTARY] = PATHWAY_ACTION_COLUMN_COMMENTARY,
  [FIELD_THEME] = PATHWAY_ACTION_COLUMN_THEME,
  [FIELD_RECOVERY_PLAN] = -1,
  [FIELD_SUCCESS_MEASURE] = -1,
};

/* How much of the text around a match a reason shows, in characters either side. */
#define REASON_BEFORE_CHARS 24
#define REASON_AFTER_CHARS 90

typedef struct {
  char *search;      /* the case-folded fields, each ending in a newline */
  guint field_ends[N_FIELDS]; /* where each field's newline is in search */
  char *reference;   /* pathway_reference_sort_key */
  char *description; /* collation keys of the case-folded text; "" when there is none */
  char *workstream;
  char *theme;
  char *lead;
  char *last_update; /* for people: "14 July 2025" */
  char *commentary_date; /* for people: "12 Nov 2026" */
} ActionKeys;

struct _PathwayActionFilter
{
  GtkFilter parent_instance;

  PathwayProgramme *programme;
  GListStore *actions;
  GHashTable *keys;    /* PathwayAction (ref) -> ActionKeys */
  GHashTable *changed; /* set of PathwayAction (ref) to announce again */
  PathwayDocument *document; /* weak */
  GArray *states; /* PathwayActionState now, for the commentary's dates; NULL: not read */
  gboolean states_stale;
  gboolean all_changed;
  gboolean choices_changed;
  guint refresh_source;
  guint warm_source;
  guint warm_position;

  char *search;
  char **words;
  guint ratings;
  PathwayWorkstream *workstream;
  char *theme;
  PathwayPerson *lead;
  PathwayAreaOfWeakness *area;
  gboolean overdue_only;
  gboolean stale_only;
  guint stale_days;
  gboolean fixed_today;
  GDate today;
  GDateTime *stale_before; /* local midnight stale_days before today */
};

G_DEFINE_FINAL_TYPE (PathwayActionFilter, pathway_action_filter, GTK_TYPE_FILTER)

enum {
  CHOICES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  PathwayActionFilter *filter;
  PathwayActionColumn column;
} SortSpec;

static void
action_keys_free (gpointer data)
{
  ActionKeys *keys = data;

  g_free (keys->search);
  g_free (keys->reference);
  g_free (keys->description);
  g_free (keys->workstream);
  g_free (keys->theme);
  g_free (keys->lead);
  g_free (keys->last_update);
  g_free (keys->commentary_date);
  g_free (keys);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Case-folded and in one normal form, so that "É" typed finds "é" however it was stored. Most
 * text is ASCII, where folding is lowering: ten times quicker, which is most of the cost of
 * the first search on a large programme. */
static char *
fold (const char *text)
{
  g_autofree char *folded = NULL;
  char *normal;

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);
  folded = g_utf8_casefold (text, -1);
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
  return normal != NULL ? normal : g_steal_pointer (&folded);
}

/* "" for no text, so that empty values can be told apart and sorted last. */
static char *
collation_key (const char *text,
               gssize      max_chars)
{
  g_autofree char *folded = NULL;
  const char *end;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (max_chars < 0)
    end = text + strlen (text);
  else
    for (end = text; *end != '\0' && max_chars > 0; max_chars--)
      end = g_utf8_next_char (end);
  folded = g_utf8_casefold (text, end - text);
  return g_utf8_collate_key (folded, -1);
}

static ActionKeys *
keys_of (PathwayActionFilter *self,
         PathwayAction       *action)
{
  ActionKeys *keys = g_hash_table_lookup (self->keys, action);

  if (keys == NULL)
    {
      keys = g_new0 (ActionKeys, 1);
      g_hash_table_insert (self->keys, g_object_ref (action), keys);
    }
  return keys;
}

static const char *
field_text (PathwayAction *action,
            Field          field)
{
  switch (field)
    {
    case FIELD_REFERENCE:
      return pathway_action_get_reference (action);
    case FIELD_DESCRIPTION:
      return pathway_action_get_description (action);
    case FIELD_LEAD:
      {
        PathwayPerson *lead = pathway_action_get_lead (action);

        return lead != NULL ? pathway_person_get_name (lead) : "";
      }
    case FIELD_COMMENTARY:
      return pathway_action_get_commentary (action);
    case FIELD_THEME:
      return pathway_action_get_theme (action);
    case FIELD_RECOVERY_PLAN:
      return pathway_action_get_recovery_plan (action);
    case FIELD_SUCCESS_MEASURE:
      return pathway_action_get_success_measure (action);
    case N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

static ActionKeys *
searched_keys_of (PathwayActionFilter *self,
                  PathwayAction       *action)
{
  ActionKeys *keys = keys_of (self, action);

  if (keys->search == NULL)
    {
      GString *search = g_string_new (NULL);

      for (Field field = 0; field < N_FIELDS; field++)
        {
          const char *text = field_text (action, field);
          g_autofree char *folded = fold (text != NULL ? text : "");

          g_string_append (search, folded);
          keys->field_ends[field] = search->len;
          g_string_append_c (search, '\n');
        }
      keys->search = g_string_free (search, FALSE);
    }
  return keys;
}

static const char *
search_text_of (PathwayActionFilter *self,
                PathwayAction       *action)
{
  return searched_keys_of (self, action)->search;
}

/* The commentary's dates ------------------------------------------------------------------- */

static void
read_states (PathwayActionFilter *self)
{
  g_autoptr(GError) error = NULL;
  GArray *states = NULL;

  g_clear_pointer (&self->states, g_array_unref);
  self->states_stale = FALSE;
  if (self->document != NULL && self->programme != NULL &&
      pathway_document_get_programme (self->document) == self->programme)
    {
      GDate today;

      pathway_document_get_today (self->document, &today);
      states = pathway_document_states_as_at (self->document, &today, &error);
      if (states == NULL)
        g_debug ("Commentary dates not read: %s", error->message);
    }
  /* Read or not, asked once: a failed read is not tried again for every row. */
  self->states = states != NULL ? states : g_array_new (FALSE, TRUE, sizeof (PathwayActionState));
}

/* When the action's commentary was written (Unix time); 0: never, or not known. */
static gint64
commentary_at (PathwayActionFilter *self,
               PathwayAction       *action)
{
  const PathwayActionState *state;

  if (self->states == NULL || self->states_stale)
    read_states (self);
  if (*pathway_action_get_commentary (action) == '\0')
    return 0;
  state = pathway_action_states_find (self->states, pathway_action_get_id (action));
  return state != NULL ? state->commentary_at : 0;
}

void
pathway_action_filter_load_commentary_dates (PathwayActionFilter *self)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  if (self->states == NULL || self->states_stale)
    read_states (self);
}

void
pathway_action_filter_set_document (PathwayActionFilter *self,
                                    PathwayDocument     *document)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));
  g_return_if_fail (document == NULL || PATHWAY_IS_DOCUMENT (document));

  if (document == self->document)
    return;
  g_set_weak_pointer (&self->document, document);
  g_clear_pointer (&self->states, g_array_unref);
}

static const char *
key_of (PathwayActionFilter *self,
        PathwayAction       *action,
        PathwayActionColumn  column)
{
  ActionKeys *keys = keys_of (self, action);

  switch (column)
    {
    case PATHWAY_ACTION_COLUMN_REFERENCE:
      if (keys->reference == NULL)
        keys->reference = pathway_reference_sort_key (pathway_action_get_reference (action));
      return keys->reference;

    case PATHWAY_ACTION_COLUMN_DESCRIPTION:
      if (keys->description == NULL)
        keys->description = collation_key (pathway_action_get_description (action),
                                           DESCRIPTION_KEY_CHARS);
      return keys->description;

    case PATHWAY_ACTION_COLUMN_WORKSTREAM:
      if (keys->workstream == NULL)
        {
          PathwayWorkstream *workstream = pathway_action_get_workstream (action);
          const char *code = workstream != NULL ? pathway_workstream_get_code (workstream) : "";

          /* Codes are numbered like references ("WS2" before "WS10"); without one, the title
           * is all there is to go by. */
          if (*code != '\0')
            keys->workstream = pathway_reference_sort_key (code);
          else if (workstream != NULL)
            keys->workstream = collation_key (pathway_workstream_get_title (workstream), -1);
          else
            keys->workstream = g_strdup ("");
        }
      return keys->workstream;

    case PATHWAY_ACTION_COLUMN_THEME:
      if (keys->theme == NULL)
        keys->theme = collation_key (pathway_action_get_theme (action), -1);
      return keys->theme;

    case PATHWAY_ACTION_COLUMN_LEAD:
      if (keys->lead == NULL)
        {
          PathwayPerson *lead = pathway_action_get_lead (action);

          keys->lead = collation_key (lead != NULL ? pathway_person_get_name (lead) : NULL, -1);
        }
      return keys->lead;

    case PATHWAY_ACTION_COLUMN_LAST_UPDATE:
      if (keys->last_update == NULL)
        {
          GDateTime *updated = pathway_action_get_last_updated (action);
          g_autoptr(GDateTime) local = updated != NULL ? g_date_time_to_local (updated) : NULL;
          char *text = local != NULL ? g_date_time_format (local, "%-d %B %Y") : NULL;

          keys->last_update = text != NULL ? text : g_strdup ("");
        }
      return keys->last_update;

    case PATHWAY_ACTION_COLUMN_COMMENTARY:
      if (keys->commentary_date == NULL)
        {
          gint64 at = commentary_at (self, action);
          g_autoptr(GDateTime) local = at != 0 ? g_date_time_new_from_unix_local (at) : NULL;
          char *text = local != NULL ? g_date_time_format (local, "%-d %b %Y") : NULL;

          keys->commentary_date = text != NULL ? text : g_strdup ("");
        }
      return keys->commentary_date;

    case PATHWAY_ACTION_COLUMN_ORIGINAL:
    case PATHWAY_ACTION_COLUMN_REVISED:
    case PATHWAY_ACTION_COLUMN_RATING:
    case PATHWAY_ACTION_COLUMN_STATUS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Text keys with nothing in them go last. */
static int
compare_text_keys (const char *a,
                   const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return strcmp (a, b);
}

static guint
rating_rank (PathwayRating rating)
{
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    if (pathway_style_rating_order[i] == rating)
      return i;
  return PATHWAY_N_RATINGS;
}

static int
compare_column (PathwayActionFilter *self,
                PathwayActionColumn  column,
                PathwayAction       *a,
                PathwayAction       *b)
{
  switch (column)
    {
    case PATHWAY_ACTION_COLUMN_REFERENCE:
      return strcmp (key_of (self, a, column), key_of (self, b, column));

    case PATHWAY_ACTION_COLUMN_DESCRIPTION:
    case PATHWAY_ACTION_COLUMN_WORKSTREAM:
    case PATHWAY_ACTION_COLUMN_THEME:
    case PATHWAY_ACTION_COLUMN_LEAD:
      return compare_text_keys (key_of (self, a, column), key_of (self, b, column));

    case PATHWAY_ACTION_COLUMN_ORIGINAL:
      return pathway_timescale_compare (pathway_action_get_original_timescale (a),
                                        pathway_action_get_original_timescale (b));

    case PATHWAY_ACTION_COLUMN_REVISED:
      {
        const PathwayTimescale *revised_a = pathway_action_get_revised_timescale (a);
        const PathwayTimescale *revised_b = pathway_action_get_revised_timescale (b);

        /* Never revised goes after every revision, dated or not. */
        if (revised_a == NULL || revised_b == NULL)
          return (revised_a == NULL) - (revised_b == NULL);
        return pathway_timescale_compare (revised_a, revised_b);
      }

    case PATHWAY_ACTION_COLUMN_RATING:
      return (int) rating_rank (pathway_action_get_rating (a)) -
             (int) rating_rank (pathway_action_get_rating (b));

    case PATHWAY_ACTION_COLUMN_STATUS:
      return (int) pathway_action_get_status (a) - (int) pathway_action_get_status (b);

    case PATHWAY_ACTION_COLUMN_LAST_UPDATE:
      {
        GDateTime *updated_a = pathway_action_get_last_updated (a);
        GDateTime *updated_b = pathway_action_get_last_updated (b);

        if (updated_a == NULL || updated_b == NULL)
          return (updated_a == NULL) - (updated_b == NULL);
        return g_date_time_compare (updated_a, updated_b);
      }

    case PATHWAY_ACTION_COLUMN_COMMENTARY:
      {
        gint64 at_a = commentary_at (self, a);
        gint64 at_b = commentary_at (self, b);

        /* By the day it was written, as shown; no commentary last. */
        if (at_a == 0 || at_b == 0)
          return (at_a == 0) - (at_b == 0);
        return (at_a > at_b) - (at_a < at_b);
      }

    default:
      g_return_val_if_reached (0);
    }
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  SortSpec *spec = data;
  PathwayAction *action_a = (PathwayAction *) a;
  PathwayAction *action_b = (PathwayAction *) b;
  int order = compare_column (spec->filter, spec->column, action_a, action_b);
  gint64 id_a, id_b;

  if (order == 0 && spec->column != PATHWAY_ACTION_COLUMN_REFERENCE)
    order = compare_column (spec->filter, PATHWAY_ACTION_COLUMN_REFERENCE, action_a, action_b);
  if (order != 0)
    return order;
  id_a = pathway_action_get_id (action_a);
  id_b = pathway_action_get_id (action_b);
  return (id_a > id_b) - (id_a < id_b);
}

static void
sort_spec_free (gpointer data)
{
  SortSpec *spec = data;

  g_object_unref (spec->filter);
  g_free (spec);
}

GtkSorter *
pathway_action_filter_create_sorter (PathwayActionFilter *self,
                                     PathwayActionColumn  column)
{
  SortSpec *spec;

  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  g_return_val_if_fail ((guint) column < PATHWAY_N_ACTION_COLUMNS, NULL);

  spec = g_new0 (SortSpec, 1);
  spec->filter = g_object_ref (self);
  spec->column = column;
  return GTK_SORTER (gtk_custom_sorter_new (compare_actions, spec, sort_spec_free));
}

const char *
pathway_action_filter_get_last_update_text (PathwayActionFilter *self,
                                            PathwayAction       *action)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), "");
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), "");

  return key_of (self, action, PATHWAY_ACTION_COLUMN_LAST_UPDATE);
}

const char *
pathway_action_filter_get_commentary_date_text (PathwayActionFilter *self,
                                                PathwayAction       *action)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), "");
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), "");

  return key_of (self, action, PATHWAY_ACTION_COLUMN_COMMENTARY);
}

/* Matching ------------------------------------------------------------------------------------- */

static gboolean
is_stale (PathwayActionFilter *self,
          PathwayAction       *action)
{
  GDateTime *updated = pathway_action_get_last_updated (action);

  if (updated == NULL)
    updated = pathway_action_get_created (action);
  if (pathway_action_is_complete (action))
    return FALSE;
  return updated == NULL || g_date_time_compare (updated, self->stale_before) < 0;
}

static gboolean
pathway_action_filter_match (GtkFilter *filter,
                             gpointer   item)
{
  PathwayActionFilter *self = PATHWAY_ACTION_FILTER (filter);
  PathwayAction *action = item;

  if (pathway_action_get_deleted (action))
    return FALSE;
  if (self->ratings != 0 && (self->ratings & (1u << pathway_action_get_rating (action))) == 0)
    return FALSE;
  if (self->workstream != NULL && pathway_action_get_workstream (action) != self->workstream)
    return FALSE;
  if (self->lead != NULL && pathway_action_get_lead (action) != self->lead)
    return FALSE;
  if (self->area != NULL && pathway_action_get_area (action) != self->area)
    return FALSE;
  if (self->theme != NULL && strcmp (pathway_action_get_theme (action), self->theme) != 0)
    return FALSE;
  if (self->overdue_only && !pathway_action_is_overdue (action, &self->today))
    return FALSE;
  if (self->stale_only && !is_stale (self, action))
    return FALSE;

  if (self->words != NULL)
    {
      const char *text = search_text_of (self, action);

      for (guint i = 0; self->words[i] != NULL; i++)
        if (strstr (text, self->words[i]) == NULL)
          return FALSE;
    }
  return TRUE;
}

/* Where word is in the field, in the folded search text; NULL when it is not there. */
static const char *
find_in_field (ActionKeys *keys,
               Field       field,
               const char *word)
{
  const char *start = keys->search + (field == 0 ? 0 : keys->field_ends[field - 1] + 1);
  const char *end = keys->search + keys->field_ends[field];
  const char *found = strstr (start, word);

  /* Words hold no newline, so a match that starts in the field ends in it too. */
  return found != NULL && found < end ? found : NULL;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c);
}

/* The words around characters [at, at + length) of text, on one line, cut at spaces, with
 * "…" where text goes on; the match's bytes in the result through the pointers. */
static char *
excerpt (const char *text,
         glong       at,
         glong       length,
         guint      *match_start,
         guint      *match_end)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong from, to;
  const char *p;
  GString *out;

  at = CLAMP (at, 0, n_chars);
  length = CLAMP (length, 0, n_chars - at);
  from = MAX (at - REASON_BEFORE_CHARS, 0);
  to = MIN (at + length + REASON_AFTER_CHARS, n_chars);

  /* Start and end on whole words, when a space is near enough. */
  if (from > 0)
    for (glong i = from; i < at; i++)
      if (is_space (g_utf8_get_char (g_utf8_offset_to_pointer (text, i))))
        {
          from = i + 1;
          break;
        }
  if (to < n_chars)
    for (glong i = to; i > at + length; i--)
      if (is_space (g_utf8_get_char (g_utf8_offset_to_pointer (text, i))))
        {
          to = i;
          break;
        }

  out = g_string_new (from > 0 ? "…" : "");
  p = g_utf8_offset_to_pointer (text, from);
  for (glong i = from; i < to; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (i == at)
        *match_start = out->len;
      if (i == at + length)
        *match_end = out->len;
      if (is_space (c))
        {
          /* One line: runs of spaces and line breaks become one space. */
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (to == at + length)
    *match_end = out->len;
  if (to < n_chars)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static char *
describe_match (Field       field,
                const char *words)
{
  switch (field)
    {
    /* TRANSLATORS: under an action the search found: where a word was found, then the words
     * around it, as in "Matched in the reference: 2B iv" */
    case FIELD_REFERENCE: return g_strdup_printf (_("Matched in the reference: %s"), words);
    /* TRANSLATORS: as in "Matched in the action: …agree a charter with…" */
    case FIELD_DESCRIPTION: return g_strdup_printf (_("Matched in the action: %s"), words);
    /* TRANSLATORS: as in "Matched in the lead: Priya Raman", the person leading the action */
    case FIELD_LEAD: return g_strdup_printf (_("Matched in the lead: %s"), words);
    /* TRANSLATORS: as in "Matched in commentary: …waiting times fell to…" */
    case FIELD_COMMENTARY: return g_strdup_printf (_("Matched in commentary: %s"), words);
    /* TRANSLATORS: as in "Matched in the theme: Co-production" */
    case FIELD_THEME: return g_strdup_printf (_("Matched in the theme: %s"), words);
    /* TRANSLATORS: as in "Matched in the recovery plan: …a second panel from January…" */
    case FIELD_RECOVERY_PLAN: return g_strdup_printf (_("Matched in the recovery plan: %s"), words);
    /* TRANSLATORS: as in "Matched in the success measure: …90% of plans within…" */
    case FIELD_SUCCESS_MEASURE:
      return g_strdup_printf (_("Matched in the success measure: %s"), words);
    case N_FIELDS:
    default:
      g_return_val_if_reached (g_strdup (words));
    }
}

char *
pathway_action_filter_dup_match_reason (PathwayActionFilter *self,
                                        PathwayAction       *action,
                                        guint                shown_columns,
                                        guint               *match_start,
                                        guint               *match_end)
{
  ActionKeys *keys;
  Field reason_field = N_FIELDS;
  const char *reason_at = NULL;
  const char *reason_word = NULL;
  const char *text;
  const char *folded_field;
  g_autofree char *snippet = NULL;
  g_autofree char *sentence = NULL;
  char *marker;
  guint start = 0, end = 0;
  glong at;

  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_ACTION (action), NULL);

  if (self->words == NULL)
    return NULL;
  keys = searched_keys_of (self, action);

  /* The first word found only in fields no column shows, and the first such field. */
  for (guint i = 0; reason_field == N_FIELDS && self->words[i] != NULL; i++)
    {
      Field hidden = N_FIELDS;
      const char *hidden_at = NULL;
      gboolean in_view = FALSE;

      for (Field field = 0; !in_view && field < N_FIELDS; field++)
        {
          const char *found = find_in_field (keys, field, self->words[i]);
          int column = field_columns[field];

          if (found == NULL)
            continue;
          if (column >= 0 && (shown_columns & (1u << column)) != 0)
            in_view = TRUE;
          else if (hidden == N_FIELDS)
            {
              hidden = field;
              hidden_at = found;
            }
        }
      if (!in_view && hidden != N_FIELDS)
        {
          reason_field = hidden;
          reason_at = hidden_at;
          reason_word = self->words[i];
        }
    }
  if (reason_field == N_FIELDS)
    return NULL;

  /* Folding keeps ASCII text's length and most other text's, so the match's place in the
   * folded text, in characters, is its place in the text as written; where folding changed
   * the length the excerpt is a few characters off, never out of the text. */
  text = field_text (action, reason_field);
  folded_field = keys->search + (reason_field == 0 ? 0 : keys->field_ends[reason_field - 1] + 1);
  at = g_utf8_pointer_to_offset (folded_field, reason_at);
  snippet = excerpt (text, at, g_utf8_strlen (reason_word, -1), &start, &end);

  /* The sentence is made around a mark, to find where the words go in the translation. */
  sentence = describe_match (reason_field, "\x01");
  marker = strchr (sentence, '\x01');
  if (marker == NULL)
    return NULL;
  *marker = '\0';
  if (match_start != NULL)
    *match_start = (marker - sentence) + start;
  if (match_end != NULL)
    *match_end = (marker - sentence) + MAX (end, start);
  return g_strconcat (sentence, snippet, marker + 1, NULL);
}

static GtkFilterMatch
pathway_action_filter_get_strictness (GtkFilter *filter)
{
  /* Deleted actions are always left out, so there is no "all". */
  return GTK_FILTER_MATCH_SOME;
}

/* The list of actions -------------------------------------------------------------------------- */

static void refresh_later (PathwayActionFilter *self);

static void
action_notify_cb (PathwayAction       *action,
                  GParamSpec          *pspec,
                  PathwayActionFilter *self)
{
  const char *name = pspec->name;

  g_hash_table_remove (self->keys, action);
  g_hash_table_add (self->changed, g_object_ref (action));
  if (self->states != NULL && g_str_equal (name, "commentary"))
    self->states_stale = TRUE;
  if (g_str_equal (name, "theme") || g_str_equal (name, "workstream") ||
      g_str_equal (name, "lead") || g_str_equal (name, "area"))
    self->choices_changed = TRUE;
  refresh_later (self);
}

static void
names_changed_cb (PathwayActionFilter *self)
{
  self->all_changed = TRUE;
  self->choices_changed = TRUE;
  refresh_later (self);
}

static void
names_list_changed_cb (GListModel          *list,
                       guint                position,
                       guint                removed,
                       guint                added,
                       PathwayActionFilter *self)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, position + i);

      g_signal_connect_object (object, "notify", G_CALLBACK (names_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  names_changed_cb (self);
}

static GListModel *
names_list (PathwayProgramme *programme,
            guint             which)
{
  switch (which)
    {
    case 0: return pathway_programme_get_workstreams (programme);
    case 1: return pathway_programme_get_people (programme);
    case 2: return pathway_programme_get_areas (programme);
    default: g_return_val_if_reached (NULL);
    }
}

static void
forget_action (PathwayActionFilter *self,
               PathwayAction       *action)
{
  g_signal_handlers_disconnect_by_func (action, action_notify_cb, self);
  g_hash_table_remove (self->keys, action);
}

static void
actions_changed_cb (GListModel          *list,
                    guint                position,
                    guint                removed,
                    guint                added,
                    PathwayActionFilter *self)
{
  g_autofree gpointer *items = g_new (gpointer, MAX (added, 1));

  for (guint i = 0; i < removed; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (G_LIST_MODEL (self->actions),
                                                               position + i);

      forget_action (self, action);
    }
  for (guint i = 0; i < added; i++)
    {
      items[i] = g_list_model_get_item (list, position + i);
      g_signal_connect (items[i], "notify", G_CALLBACK (action_notify_cb), self);
    }
  g_list_store_splice (self->actions, position, removed, items, added);
  for (guint i = 0; i < added; i++)
    g_object_unref (items[i]);

  self->choices_changed = TRUE;
  refresh_later (self);
}

static void
unwatch_programme (PathwayActionFilter *self)
{
  GListModel *actions = G_LIST_MODEL (self->actions);
  guint n = g_list_model_get_n_items (actions);

  if (self->programme == NULL)
    return;

  for (guint which = 0; which < 3; which++)
    {
      GListModel *list = names_list (self->programme, which);

      g_signal_handlers_disconnect_by_data (list, self);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (list, i);

          g_signal_handlers_disconnect_by_data (object, self);
        }
    }
  g_signal_handlers_disconnect_by_data (pathway_programme_get_rating_scheme (self->programme),
                                        self);
  g_signal_handlers_disconnect_by_data (pathway_programme_get_actions (self->programme), self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_signal_handlers_disconnect_by_func (action, action_notify_cb, self);
    }
}

static void
watch_programme (PathwayActionFilter *self)
{
  GListModel *actions;

  if (self->programme == NULL)
    return;

  for (guint which = 0; which < 3; which++)
    {
      GListModel *list = names_list (self->programme, which);

      g_signal_connect (list, "items-changed", G_CALLBACK (names_list_changed_cb), self);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (list, i);

          g_signal_connect_object (object, "notify", G_CALLBACK (names_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  g_signal_connect_object (pathway_programme_get_rating_scheme (self->programme), "notify",
                           G_CALLBACK (names_changed_cb), self, G_CONNECT_SWAPPED);

  actions = pathway_programme_get_actions (self->programme);
  g_signal_connect (actions, "items-changed", G_CALLBACK (actions_changed_cb), self);
}

static void
announce_all (PathwayActionFilter *self)
{
  GListModel *actions = G_LIST_MODEL (self->actions);
  guint n = g_list_model_get_n_items (actions);
  g_autofree gpointer *items = g_new (gpointer, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (actions, i);
  g_list_store_splice (self->actions, 0, n, items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static gboolean
warm_cb (gpointer data)
{
  PathwayActionFilter *self = data;
  GListModel *actions = G_LIST_MODEL (self->actions);
  guint n = g_list_model_get_n_items (actions);
  gint64 until = g_get_monotonic_time () + WARM_SLICE_USEC;

  while (self->warm_position < n && g_get_monotonic_time () < until)
    for (guint i = 0; i < 32 && self->warm_position < n; i++, self->warm_position++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (actions, self->warm_position);

        search_text_of (self, action);
      }

  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;
  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

static void
warm_later (PathwayActionFilter *self)
{
  self->warm_position = 0;
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_cb, self, NULL);
}

static gboolean
refresh_cb (gpointer data)
{
  PathwayActionFilter *self = data;
  /* Taken, so that whatever the announcements set off may start a new round safely. */
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed);
  gboolean all_changed = self->all_changed;

  self->refresh_source = 0;
  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->all_changed = FALSE;
  /* The rows about to be bound again find the commentary's new date ready. */
  if (self->states_stale)
    read_states (self);

  if (all_changed || g_hash_table_size (changed) > MANY_CHANGED)
    {
      if (all_changed)
        {
          g_hash_table_remove_all (self->keys);
          warm_later (self);
        }
      announce_all (self);
    }
  else
    {
      GHashTableIter iter;
      gpointer action;

      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &action, NULL))
        {
          guint position;

          if (g_list_store_find (self->actions, action, &position))
            g_list_store_splice (self->actions, position, 1, &action, 1);
        }
    }

  if (self->choices_changed)
    {
      self->choices_changed = FALSE;
      g_signal_emit (self, signals[CHOICES_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
refresh_later (PathwayActionFilter *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

void
pathway_action_filter_set_programme (PathwayActionFilter *self,
                                     PathwayProgramme    *programme)
{
  GListModel *actions;
  guint n_old;
  guint n_new;
  g_autofree gpointer *items = NULL;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));
  g_return_if_fail (programme == NULL || PATHWAY_IS_PROGRAMME (programme));

  if (programme == self->programme)
    return;

  unwatch_programme (self);
  g_set_object (&self->programme, programme);
  g_hash_table_remove_all (self->keys);
  g_hash_table_remove_all (self->changed);
  self->all_changed = FALSE;
  g_clear_pointer (&self->states, g_array_unref);

  /* Quietly: the whole list is replaced below, and every action is tested then. */
  g_clear_object (&self->workstream);
  g_clear_object (&self->lead);
  g_clear_object (&self->area);
  g_clear_pointer (&self->theme, g_free);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  actions = programme != NULL ? pathway_programme_get_actions (programme) : NULL;
  n_new = actions != NULL ? g_list_model_get_n_items (actions) : 0;
  items = g_new (gpointer, MAX (n_new, 1));
  for (guint i = 0; i < n_new; i++)
    {
      items[i] = g_list_model_get_item (actions, i);
      g_signal_connect (items[i], "notify", G_CALLBACK (action_notify_cb), self);
    }
  g_list_store_splice (self->actions, 0, n_old, items, n_new);
  for (guint i = 0; i < n_new; i++)
    g_object_unref (items[i]);

  watch_programme (self);
  self->choices_changed = TRUE;
  refresh_later (self);
  warm_later (self);
}

PathwayProgramme *
pathway_action_filter_get_programme (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->programme;
}

GListModel *
pathway_action_filter_get_actions (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return G_LIST_MODEL (self->actions);
}

/* Criteria ------------------------------------------------------------------------------------- */

static void
update_today (PathwayActionFilter *self)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (!self->fixed_today)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&self->today, 1);
      g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  midnight = g_date_time_new_local (g_date_get_year (&self->today),
                                    g_date_get_month (&self->today),
                                    g_date_get_day (&self->today), 0, 0, 0);
  g_clear_pointer (&self->stale_before, g_date_time_unref);
  self->stale_before = g_date_time_add_days (midnight, -(int) MIN (self->stale_days, 100000));
}

/* Whether every word of looser is within some word of stricter: then whatever the stricter
 * search finds, the looser one finds too. */
static gboolean
words_cover (char * const *stricter,
             char * const *looser)
{
  if (looser == NULL)
    return TRUE;
  if (stricter == NULL)
    return FALSE;

  for (guint i = 0; looser[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && stricter[j] != NULL; j++)
        found = strstr (stricter[j], looser[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static char **
split_words (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *words;

  if (text == NULL)
    return NULL;
  folded = fold (text);
  parts = g_strsplit_set (folded, " \t\n\r", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  if (words->len == 0)
    {
      g_ptr_array_free (words, TRUE);
      return NULL;
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

void
pathway_action_filter_set_search (PathwayActionFilter *self,
                                  const char          *text)
{
  char **words;
  gboolean stricter;
  gboolean looser;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  if (g_strcmp0 (text != NULL ? text : "", self->search != NULL ? self->search : "") == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);

  words = split_words (text);
  stricter = words_cover (words, self->words);
  looser = words_cover (self->words, words);
  g_strfreev (self->words);
  self->words = words;

  if (stricter && looser)
    return;
  gtk_filter_changed (GTK_FILTER (self), stricter ? GTK_FILTER_CHANGE_MORE_STRICT
                                         : looser ? GTK_FILTER_CHANGE_LESS_STRICT
                                                  : GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
pathway_action_filter_get_search (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->search != NULL ? self->search : "";
}

void
pathway_action_filter_set_ratings (PathwayActionFilter *self,
                                   guint                ratings)
{
  guint old;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  ratings &= (1u << PATHWAY_N_RATINGS) - 1;
  old = self->ratings;
  if (ratings == old)
    return;
  self->ratings = ratings;

  if (old == 0 || (ratings != 0 && (ratings & ~old) == 0))
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (ratings == 0 || (old & ~ratings) == 0)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
pathway_action_filter_get_ratings (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), 0);
  return self->ratings;
}

/* Sets one of the criteria that name an object, and refilters the least it can. */
static void
set_object_criterion (PathwayActionFilter *self,
                      gpointer            *field,
                      gpointer             object)
{
  gboolean had = *field != NULL;

  if (*field == object)
    return;
  g_set_object ((GObject **) field, object);
  gtk_filter_changed (GTK_FILTER (self), !had ? GTK_FILTER_CHANGE_MORE_STRICT
                                         : object == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
                                                          : GTK_FILTER_CHANGE_DIFFERENT);
}

void
pathway_action_filter_set_workstream (PathwayActionFilter *self,
                                      PathwayWorkstream   *workstream)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));
  g_return_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream));
  set_object_criterion (self, (gpointer *) &self->workstream, workstream);
}

PathwayWorkstream *
pathway_action_filter_get_workstream (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->workstream;
}

void
pathway_action_filter_set_lead (PathwayActionFilter *self,
                                PathwayPerson       *lead)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));
  g_return_if_fail (lead == NULL || PATHWAY_IS_PERSON (lead));
  set_object_criterion (self, (gpointer *) &self->lead, lead);
}

PathwayPerson *
pathway_action_filter_get_lead (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->lead;
}

void
pathway_action_filter_set_area (PathwayActionFilter   *self,
                                PathwayAreaOfWeakness *area)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));
  g_return_if_fail (area == NULL || PATHWAY_IS_AREA_OF_WEAKNESS (area));
  set_object_criterion (self, (gpointer *) &self->area, area);
}

PathwayAreaOfWeakness *
pathway_action_filter_get_area (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->area;
}

void
pathway_action_filter_set_theme (PathwayActionFilter *self,
                                 const char          *theme)
{
  gboolean had;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  if (g_strcmp0 (theme, self->theme) == 0)
    return;
  had = self->theme != NULL;
  g_free (self->theme);
  self->theme = g_strdup (theme);
  gtk_filter_changed (GTK_FILTER (self), !had ? GTK_FILTER_CHANGE_MORE_STRICT
                                         : theme == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
                                                         : GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
pathway_action_filter_get_theme (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return self->theme;
}

void
pathway_action_filter_set_overdue_only (PathwayActionFilter *self,
                                        gboolean             overdue_only)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  overdue_only = !!overdue_only;
  if (overdue_only == self->overdue_only)
    return;
  self->overdue_only = overdue_only;
  update_today (self);
  gtk_filter_changed (GTK_FILTER (self), overdue_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                                      : GTK_FILTER_CHANGE_LESS_STRICT);
}

gboolean
pathway_action_filter_get_overdue_only (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), FALSE);
  return self->overdue_only;
}

void
pathway_action_filter_set_stale_only (PathwayActionFilter *self,
                                      gboolean             stale_only)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  stale_only = !!stale_only;
  if (stale_only == self->stale_only)
    return;
  self->stale_only = stale_only;
  update_today (self);
  gtk_filter_changed (GTK_FILTER (self), stale_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                                    : GTK_FILTER_CHANGE_LESS_STRICT);
}

gboolean
pathway_action_filter_get_stale_only (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), FALSE);
  return self->stale_only;
}

void
pathway_action_filter_set_stale_days (PathwayActionFilter *self,
                                      guint                days)
{
  guint old;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  if (days == self->stale_days)
    return;
  old = self->stale_days;
  self->stale_days = days;
  update_today (self);
  if (self->stale_only)
    gtk_filter_changed (GTK_FILTER (self), days > old ? GTK_FILTER_CHANGE_MORE_STRICT
                                                      : GTK_FILTER_CHANGE_LESS_STRICT);
}

guint
pathway_action_filter_get_stale_days (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), 0);
  return self->stale_days;
}

void
pathway_action_filter_set_today (PathwayActionFilter *self,
                                 const GDate         *today)
{
  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  self->fixed_today = today != NULL && g_date_valid (today);
  if (self->fixed_today)
    self->today = *today;
  update_today (self);
  if (self->overdue_only || self->stale_only)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

const GDate *
pathway_action_filter_get_today (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), NULL);
  return &self->today;
}

gboolean
pathway_action_filter_get_active (PathwayActionFilter *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_FILTER (self), FALSE);

  return self->words != NULL || self->ratings != 0 || self->workstream != NULL ||
         self->theme != NULL || self->lead != NULL || self->area != NULL ||
         self->overdue_only || self->stale_only;
}

void
pathway_action_filter_reset (PathwayActionFilter *self)
{
  gboolean was_active;

  g_return_if_fail (PATHWAY_IS_ACTION_FILTER (self));

  was_active = pathway_action_filter_get_active (self);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  self->ratings = 0;
  g_clear_object (&self->workstream);
  g_clear_pointer (&self->theme, g_free);
  g_clear_object (&self->lead);
  g_clear_object (&self->area);
  self->overdue_only = FALSE;
  self->stale_only = FALSE;
  if (was_active)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

/* Life ----------------------------------------------------------------------------------------- */

static void
pathway_action_filter_dispose (GObject *object)
{
  PathwayActionFilter *self = PATHWAY_ACTION_FILTER (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  unwatch_programme (self);
  g_clear_object (&self->programme);
  g_clear_weak_pointer (&self->document);
  g_clear_pointer (&self->states, g_array_unref);
  if (self->actions != NULL)
    g_list_store_remove_all (self->actions);
  if (self->keys != NULL)
    g_hash_table_remove_all (self->keys);
  if (self->changed != NULL)
    g_hash_table_remove_all (self->changed);
  g_clear_object (&self->workstream);
  g_clear_object (&self->lead);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (pathway_action_filter_parent_class)->dispose (object);
}

static void
pathway_action_filter_finalize (GObject *object)
{
  PathwayActionFilter *self = PATHWAY_ACTION_FILTER (object);

  g_clear_object (&self->actions);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_free (self->search);
  g_strfreev (self->words);
  g_free (self->theme);
  g_clear_pointer (&self->stale_before, g_date_time_unref);

  G_OBJECT_CLASS (pathway_action_filter_parent_class)->finalize (object);
}

static void
pathway_action_filter_class_init (PathwayActionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = pathway_action_filter_dispose;
  object_class->finalize = pathway_action_filter_finalize;
  filter_class->match = pathway_action_filter_match;
  filter_class->get_strictness = pathway_action_filter_get_strictness;

  signals[CHOICES_CHANGED] =
    g_signal_new ("choices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
pathway_action_filter_init (PathwayActionFilter *self)
{
  self->actions = g_list_store_new (PATHWAY_TYPE_ACTION);
  self->keys = g_hash_table_new_full (NULL, NULL, g_object_unref, action_keys_free);
  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->stale_days = 60;
  update_today (self);
}

PathwayActionFilter *
pathway_action_filter_new (void)
{
  return g_object_new (PATHWAY_TYPE_ACTION_FILTER, NULL);
}
