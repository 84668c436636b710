/* pathway-publish.c: the public version of the plan. Reads the programme once into a
 * PublishPlan (pathway-publish-private.h) that holds only what may be published, in words;
 * compares it with what the latest publication held; then has the site and the PDF written
 * (pathway-publish-html.c, pathway-publish-pdf.c) and writes them into the folder together
 * with the publication's record.
 *
 * What is chosen here is the whole of what families see, so the choices are made in one
 * place: an action appears only by its public summary (an officer's description is written
 * for the board, not for families, so an action without a summary is counted, not quoted);
 * a person only when marked public, by name and role; a co-production entry only when marked
 * public; ratings only when the programme's public-ratings is on, and then in the same plain
 * words whatever the programme's scheme calls them.
 *
 * A publication's record keeps its contents as a line per item (tab-separated: kind, UUID,
 * then what was shown), so the next publication can say what changed: actions newly done,
 * ratings that moved, summaries written or rewritten, new "you said, we did" entries and new
 * figures. The lines also name the files written, so pages the new site no longer has (an
 * area retired) are removed from the folder, and nothing else is. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pathway-pack-private.h"
#include "pathway-publish-private.h"
#include "pathway-reference.h"
#include "pathway-safe-file.h"
#include "pathway-trajectory.h"

/* Readings further apart than this are not joined by the chart's line. */
#define PUBLISH_MAX_JOINED_DAYS 45

const char *
pathway_publish_rating_words (PathwayRating rating)
{
  switch (rating)
    {
    case PATHWAY_RATING_RED:
      return _("Off track");
    case PATHWAY_RATING_AMBER:
      return _("At risk");
    case PATHWAY_RATING_GREEN:
      return _("On track");
    case PATHWAY_RATING_BLUE:
      return _("Done");
    case PATHWAY_RATING_NONE:
    default:
      return "";
    }
}

const char *
publish_rating_meaning (PathwayRating rating)
{
  switch (rating)
    {
    case PATHWAY_RATING_GREEN:
      return _("We expect to finish it on time.");
    case PATHWAY_RATING_AMBER:
      return _("It may be late unless we act now, and we are acting.");
    case PATHWAY_RATING_RED:
      return _("It will be late. We have a plan to put it right and the board checks it.");
    case PATHWAY_RATING_BLUE:
      return _("It is finished.");
    case PATHWAY_RATING_NONE:
    default:
      return _("We have not yet said how it is going.");
    }
}

const char *
publish_status_words (PathwayResponseStatus status)
{
  switch (status)
    {
    case PATHWAY_RESPONSE_HEARD:
      return _("We have heard this");
    case PATHWAY_RESPONSE_ACTING:
      return _("We are acting on this");
    case PATHWAY_RESPONSE_DONE:
      return _("Done");
    case PATHWAY_RESPONSE_NOT_DONE:
      return _("Not done");
    default:
      return "";
    }
}

char *
publish_action_when (const PublishAction *action)
{
  g_autofree char *when = NULL;

  if (action->due == NULL)
    return NULL;
  if (action->late)
    /* Translators: an action past its date: "Was due by March 2026; not done yet". */
    when = g_strdup_printf (_("Was due by %s; not done yet"), action->due);
  else if (g_date_valid (&action->due_date))
    when = g_strdup_printf (_("Due by %s"), action->due);
  else
    /* An undated timescale as written ("Ongoing"). */
    when = g_strdup (action->due);
  if (action->first_planned != NULL)
    /* Translators: "Due by June 2027 (first planned for March 2027)". */
    return g_strdup_printf (_("%s (first planned for %s)"), when, action->first_planned);
  return g_steal_pointer (&when);
}

char *
publish_partners_words (PublishPlan *plan)
{
  GPtrArray *list = plan->partner_list;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        /* Translators: between the last two partners of a list: "A, B and C". */
        g_string_append (out, i + 1 == list->len ? _(" and ") : ", ");
      g_string_append (out, g_ptr_array_index (list, i));
    }
  return g_string_free (out, FALSE);
}

/* Freeing ----------------------------------------------------------------------------------- */

static void
publish_action_free (gpointer pointer)
{
  PublishAction *action = pointer;

  g_free (action->summary);
  g_free (action->due);
  g_free (action->first_planned);
  g_free (action->lead);
  g_free (action);
}

static void
publish_entry_free (gpointer pointer)
{
  PublishEntry *entry = pointer;

  g_free (entry->id);
  g_free (entry->date_words);
  g_free (entry->who);
  g_free (entry->said);
  g_free (entry->will_do);
  g_free (entry->did);
  g_ptr_array_unref (entry->areas);
  g_free (entry);
}

static void
publish_area_free (gpointer pointer)
{
  PublishArea *area = pointer;

  g_free (area->file);
  g_free (area->number);
  g_free (area->title);
  g_free (area->summary);
  g_free (area->finding);
  g_free (area->commitment);
  g_ptr_array_unref (area->done);
  g_ptr_array_unref (area->next);
  g_ptr_array_unref (area->entries);
  g_free (area);
}

static void
publish_point_clear (gpointer pointer)
{
  PublishPoint *point = pointer;

  g_free (point->month);
  g_free (point->value_text);
}

static void
publish_indicator_free (gpointer pointer)
{
  PublishIndicator *indicator = pointer;

  g_free (indicator->id);
  g_free (indicator->name);
  g_free (indicator->definition);
  g_free (indicator->sentences);
  g_free (indicator->aim);
  g_free (indicator->target_text);
  g_free (indicator->chart_summary);
  g_array_unref (indicator->points);
  g_clear_object (&indicator->indicator);
  g_free (indicator);
}

void
publish_plan_free (PublishPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->document);
  g_free (plan->published_words);
  g_free (plan->published_iso);
  g_free (plan->site_name);
  g_free (plan->introduction);
  g_free (plan->partners);
  g_clear_pointer (&plan->partner_list, g_ptr_array_unref);
  g_free (plan->vision);
  g_clear_pointer (&plan->areas, g_ptr_array_unref);
  g_clear_pointer (&plan->entries, g_ptr_array_unref);
  g_clear_pointer (&plan->indicators, g_ptr_array_unref);
  g_free (plan->previous_words);
  g_clear_pointer (&plan->changes, g_ptr_array_unref);
  g_free (plan->contents);
  g_free (plan);
}

void
publish_file_free (PublishFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

/* Words -------------------------------------------------------------------------------------- */

/* Text as published: trimmed, "" for NULL. */
static char *
dup_text (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* "March 2027" */
static char *
month_words (const GDate *date)
{
  char text[64];

  if (date == NULL || !g_date_valid (date) || g_date_strftime (text, sizeof text, "%B %Y", date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

/* A timescale as families read it: its month ("December 2026"), not a financial quarter or
 * year ("Q3 2026/27"), nor a day no one promised; a school term as a term; an undated one as
 * written ("Ongoing"); "" when there is none. */
static char *
timescale_words (const PathwayTimescale *timescale)
{
  if (timescale == NULL || timescale->text == NULL || *timescale->text == '\0')
    return g_strdup ("");
  if (!pathway_timescale_has_date (timescale))
    {
      /* As written, but starting a sentence: "Ongoing". */
      g_autofree char *text = pathway_timescale_dup_display (timescale);
      gunichar first = g_utf8_get_char (text);
      char head[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), head);
      return g_strconcat (head, g_utf8_next_char (text), NULL);
    }
  if (timescale->precision == PATHWAY_PRECISION_TERM)
    return pathway_timescale_dup_display (timescale);
  return month_words (&timescale->date);
}

/* A file name for an area's page from its reference: "area-1.html", "area-2b.html". */
static char *
area_file_name (const char *reference, guint position, GHashTable *taken)
{
  GString *name = g_string_new ("area-");
  gsize start = name->len;
  char *file;

  for (const char *p = reference != NULL ? reference : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > start && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > start && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == start)
    g_string_append_printf (name, "%u", position + 1);
  file = g_strdup_printf ("%s.html", name->str);
  for (guint n = 2; g_hash_table_contains (taken, file); n++)
    {
      g_free (file);
      file = g_strdup_printf ("%s-%u.html", name->str, n);
    }
  g_hash_table_add (taken, file);
  g_string_free (name, TRUE);
  return g_strdup (file);
}

/* Words compared as a reader would: in any case, with either apostrophe. */
static char *
fold_words (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == 0x2019 || c == 0x2018 ? '\'' : c);
    }
  return g_string_free (out, FALSE);
}

/* Who said it, in the plan's words: the audience and the group ("Schools: SENCo network"),
 * the group alone when it names the audience already ("Annual survey of parents"), and a
 * survey's count of responses. */
static char *
entry_who (PathwayCoproduction *entry)
{
  const char *label = pathway_audience_label (pathway_coproduction_get_audience (entry));
  g_autofree char *who = dup_text (pathway_coproduction_get_who (entry));
  g_autofree char *folded_who = fold_words (who);
  g_autofree char *folded_label = fold_words (label);
  g_autofree char *named = NULL;
  int responses = pathway_coproduction_get_responses (entry);

  if (*who == '\0')
    named = g_strdup (label);
  else if (strstr (folded_who, folded_label) != NULL)
    named = g_strdup (who);
  else
    /* Translators: who said it: the audience and the group, "Schools: SENCo network". */
    named = g_strdup_printf (_("%s: %s"), label, who);
  if (responses > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d response)",
                                         "%s (%d responses)", (gulong) responses),
                            named, responses);
  return g_steal_pointer (&named);
}

/* Reading the programme ------------------------------------------------------------------- */

static int
compare_areas (gconstpointer a, gconstpointer b)
{
  PathwayAreaOfWeakness *x = *(PathwayAreaOfWeakness **) a;
  PathwayAreaOfWeakness *y = *(PathwayAreaOfWeakness **) b;
  int px = pathway_area_of_weakness_get_position (x);
  int py = pathway_area_of_weakness_get_position (y);
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;

  if (px != py)
    return px < py ? -1 : 1;
  kx = pathway_reference_sort_key (pathway_area_of_weakness_get_reference (x));
  ky = pathway_reference_sort_key (pathway_area_of_weakness_get_reference (y));
  return strcmp (kx, ky);
}

/* What is next: the earliest date first, undated ones last, then by summary. */
static int
compare_next (gconstpointer a, gconstpointer b)
{
  const PublishAction *x = *(PublishAction **) a;
  const PublishAction *y = *(PublishAction **) b;
  gboolean dx = g_date_valid (&x->due_date), dy = g_date_valid (&y->due_date);

  if (dx && dy)
    {
      int order = g_date_compare (&x->due_date, &y->due_date);

      if (order != 0)
        return order;
    }
  else if (dx != dy)
    return dx ? -1 : 1;
  return g_utf8_collate (x->summary, y->summary);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const PublishEntry *x = *(PublishEntry **) a;
  const PublishEntry *y = *(PublishEntry **) b;

  /* Newest first; entries of one day in the order they were added. */
  return g_date_compare (&y->date, &x->date);
}

static PublishAction *
publish_action_new (PublishPlan *plan, PathwayAction *action, const char *summary)
{
  PublishAction *published = g_new0 (PublishAction, 1);
  const PathwayTimescale *due = pathway_action_get_due_timescale (action);
  const PathwayTimescale *original = pathway_action_get_original_timescale (action);
  const PathwayTimescale *revised = pathway_action_get_revised_timescale (action);
  PathwayPerson *lead = pathway_action_get_lead (action);
  g_autofree char *due_text = timescale_words (due);

  published->summary = g_strdup (summary);
  published->done = pathway_action_is_complete (action);
  if (plan->ratings && !published->done)
    published->rating = pathway_action_get_rating (action);
  g_date_clear (&published->due_date, 1);
  if (*due_text != '\0')
    {
      published->due = g_steal_pointer (&due_text);
      if (due != NULL && pathway_timescale_has_date (due))
        published->due_date = due->date;
    }
  if (revised != NULL && pathway_timescale_has_date (revised) && original != NULL
      && pathway_timescale_has_date (original)
      && g_date_compare (&revised->date, &original->date) != 0)
    {
      g_autofree char *first = timescale_words (original);

      /* Moved within the month it was due in is no news to families. */
      if (g_strcmp0 (first, published->due) != 0)
        published->first_planned = g_steal_pointer (&first);
    }
  published->late = !published->done && g_date_valid (&published->due_date)
                    && g_date_compare (&published->due_date, &plan->published) < 0;
  if (lead != NULL && pathway_person_get_public (lead))
    {
      g_autofree char *name = dup_text (pathway_person_get_name (lead));
      g_autofree char *role = dup_text (pathway_person_get_role (lead));

      if (*name != '\0')
        published->lead = *role != '\0' ? g_strdup_printf (_("%s, %s"), name, role)
                                        : g_steal_pointer (&name);
    }
  return published;
}

static void
read_areas (PublishPlan *plan, PathwayProgramme *programme, GHashTable *by_area)
{
  GListModel *list = pathway_programme_get_areas (programme);
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    g_ptr_array_add (areas, g_list_model_get_item (list, i));
  g_ptr_array_sort (areas, compare_areas);

  for (guint i = 0; i < areas->len; i++)
    {
      PathwayAreaOfWeakness *area = g_ptr_array_index (areas, i);
      PublishArea *published = g_new0 (PublishArea, 1);
      g_autofree char *reference = dup_text (pathway_area_of_weakness_get_reference (area));
      const char *kind = pathway_finding_kind_label (pathway_area_of_weakness_get_kind (area));

      published->file = area_file_name (reference, i, taken);
      /* Translators: "Area of significant weakness 1", "Priority action 2". */
      published->number = *reference != '\0' ? g_strdup_printf (_("%s %s"), kind, reference)
                                             : g_strdup (kind);
      published->title = dup_text (pathway_area_of_weakness_get_title (area));
      if (*published->title == '\0')
        {
          g_free (published->title);
          published->title = g_strdup (published->number);
        }
      published->summary = dup_text (pathway_area_of_weakness_get_public_summary (area));
      published->finding = dup_text (pathway_area_of_weakness_get_finding (area));
      published->commitment = dup_text (pathway_area_of_weakness_get_commitment (area));
      published->done = g_ptr_array_new_with_free_func (publish_action_free);
      published->next = g_ptr_array_new_with_free_func (publish_action_free);
      published->entries = g_ptr_array_new ();
      g_ptr_array_add (plan->areas, published);
      g_hash_table_insert (by_area, area, published);
    }
}

static void
read_actions (PublishPlan *plan, PathwayProgramme *programme, GHashTable *by_area)
{
  GListModel *actions = pathway_programme_get_actions (programme);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      PublishArea *area = g_hash_table_lookup (by_area, pathway_action_get_area (action));
      g_autofree char *summary = dup_text (pathway_action_get_public_summary (action));
      gboolean done;

      if (pathway_action_get_deleted (action))
        continue;
      done = pathway_action_is_complete (action);
      plan->n_actions++;
      if (done)
        plan->n_done++;
      else if (plan->ratings)
        plan->counts[pathway_action_get_rating (action)]++;
      if (area == NULL)
        continue;
      area->n_actions++;
      if (done)
        area->n_done++;
      else if (plan->ratings)
        area->counts[pathway_action_get_rating (action)]++;
      if (*summary == '\0')
        {
          area->n_unsummarised++;
          continue;
        }
      g_ptr_array_add (done ? area->done : area->next,
                       publish_action_new (plan, action, summary));
    }
  for (guint i = 0; i < plan->areas->len; i++)
    {
      PublishArea *area = g_ptr_array_index (plan->areas, i);

      g_ptr_array_sort (area->next, compare_next);
    }
}

static void
add_entry_area (PublishEntry *entry, PublishArea *area)
{
  if (area != NULL && !g_ptr_array_find (entry->areas, area, NULL))
    g_ptr_array_add (entry->areas, area);
}

static void
read_entries (PublishPlan *plan, PathwayProgramme *programme, GHashTable *by_area)
{
  GListModel *list = pathway_programme_get_coproduction (programme);

  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayCoproduction) source = g_list_model_get_item (list, i);
      const GDate *date = pathway_coproduction_get_date (source);
      PublishEntry *entry;
      g_auto(GStrv) areas = NULL;
      g_auto(GStrv) actions = NULL;

      if (!pathway_coproduction_get_public (source))
        continue;
      entry = g_new0 (PublishEntry, 1);
      g_date_clear (&entry->date, 1);
      if (date != NULL && g_date_valid (date))
        entry->date = *date;
      entry->date_words = pathway_date_format_words (date);
      entry->who = entry_who (source);
      entry->said = dup_text (pathway_coproduction_get_said (source));
      entry->will_do = dup_text (pathway_coproduction_get_will_do (source));
      entry->did = dup_text (pathway_coproduction_get_did (source));
      entry->status = pathway_coproduction_get_status (source);
      entry->areas = g_ptr_array_new ();

      /* The areas it is about: those it names, and those of the actions it names. */
      areas = pathway_links_split (pathway_coproduction_get_areas (source));
      for (guint a = 0; areas != NULL && areas[a] != NULL; a++)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, by_area);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (g_strcmp0 (pathway_area_of_weakness_get_reference (key), areas[a]) == 0)
              add_entry_area (entry, value);
        }
      actions = pathway_links_split (pathway_coproduction_get_actions (source));
      for (guint a = 0; actions != NULL && actions[a] != NULL; a++)
        {
          PathwayAction *action = pathway_programme_find_action_by_reference (programme,
                                                                              actions[a]);

          if (action != NULL)
            add_entry_area (entry, g_hash_table_lookup (by_area,
                                                        pathway_action_get_area (action)));
        }
      g_ptr_array_add (plan->entries, entry);
    }
  g_ptr_array_sort (plan->entries, compare_entries);

  /* In the order of the areas, each area's entries newest first. */
  for (guint i = 0; i < plan->entries->len; i++)
    {
      PublishEntry *entry = g_ptr_array_index (plan->entries, i);

      entry->id = g_strdup_printf ("said-%u", i + 1);
      for (guint a = 0; a < entry->areas->len; a++)
        g_ptr_array_add (((PublishArea *) g_ptr_array_index (entry->areas, a))->entries, entry);
    }
}

static char *
indicator_sentences (PublishPlan *plan, PublishIndicator *published,
                     const PathwayTrajectory *trajectory)
{
  PathwayIndicator *indicator = published->indicator;
  PathwayUnit unit = pathway_indicator_get_unit (indicator);
  GString *out = g_string_new (NULL);
  double baseline = pathway_indicator_get_baseline_value (indicator);
  double comparator = pathway_indicator_get_comparator_value (indicator);
  const GDate *baseline_date = pathway_indicator_get_baseline_date (indicator);
  g_autofree char *comparator_label = dup_text (pathway_indicator_get_comparator_label (indicator));

  if (published->points->len == 0)
    g_string_append (out, _("There is no figure yet."));
  else
    {
      PublishPoint *latest = &g_array_index (published->points, PublishPoint,
                                             published->points->len - 1);

      /* Translators: "In October 2026 the figure was 56.9%." */
      g_string_append_printf (out, _("In %s the figure was %s."), latest->month,
                              latest->value_text);
    }
  if (published->aim != NULL)
    {
      g_string_append_c (out, ' ');
      /* Translators: "Our aim is 60% by March 2027." */
      g_string_append_printf (out, _("Our aim is %s."), published->aim);
    }
  if (published->points->len > 0 && isfinite (trajectory->expected)
      && trajectory->status != PATHWAY_TRAJECTORY_TARGET_MET)
    {
      g_autofree char *expected = _pathway_pack_format_value (unit, trajectory->expected);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("By now we had planned to reach %s."), expected);
    }
  if (isfinite (baseline) && baseline_date != NULL && g_date_valid (baseline_date))
    {
      g_autofree char *value = _pathway_pack_format_value (unit, baseline);
      g_autofree char *month = month_words (baseline_date);

      g_string_append_c (out, ' ');
      /* Translators: "Our starting point, in March 2025, was 18%." */
      g_string_append_printf (out, _("Our starting point, in %s, was %s."), month, value);
    }
  if (isfinite (comparator))
    {
      g_autofree char *value = _pathway_pack_format_value (unit, comparator);

      g_string_append_c (out, ' ');
      if (*comparator_label != '\0')
        /* Translators: "For comparison, England average: 50%." */
        g_string_append_printf (out, _("For comparison, %s: %s."), comparator_label, value);
      else
        g_string_append_printf (out, _("For comparison: %s."), value);
    }
  g_string_append_c (out, ' ');
  g_string_append (out, published->higher_is_better ? _("A higher figure is better.")
                                                    : _("A lower figure is better."));
  return g_string_free (out, FALSE);
}

static char *
chart_summary (PublishIndicator *published)
{
  PublishPoint *first, *last;
  GString *out;

  if (published->points->len == 0)
    return g_strdup (_("There are no figures to show yet."));
  first = &g_array_index (published->points, PublishPoint, 0);
  last = &g_array_index (published->points, PublishPoint, published->points->len - 1);
  out = g_string_new (NULL);
  if (published->points->len == 1)
    /* Translators: "The chart shows the figure for October 2026: 56.9%" */
    g_string_append_printf (out, _("The chart shows the figure for %s: %s"), first->month,
                            first->value_text);
  else
    /* Translators: "The chart shows the figure each month from May 2025 (19%) to October
     * 2026 (56.9%)" */
    g_string_append_printf (out, _("The chart shows the figure each month from %s (%s) to %s "
                                   "(%s)"),
                            first->month, first->value_text, last->month, last->value_text);
  if (published->aim != NULL)
    /* Translators: continues the sentence above: ", against our aim of 60% by March 2027." */
    g_string_append_printf (out, _(", against our aim of %s."), published->aim);
  else
    g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static gboolean
read_indicators (PublishPlan *plan, PathwayProgramme *programme, GError **error)
{
  GListModel *list = pathway_programme_get_indicators (programme);

  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (list, i);
      g_autoptr(GListModel) readings = NULL;
      g_autoptr(GListModel) milestones = NULL;
      g_auto(PathwayTrajectory) trajectory = { 0 };
      PublishIndicator *published;
      PathwayUnit unit = pathway_indicator_get_unit (indicator);
      const GDate *target_date = pathway_indicator_get_target_date (indicator);

      readings = pathway_document_list_readings (plan->document, indicator, error);
      if (readings == NULL)
        return FALSE;
      milestones = pathway_document_list_milestones (plan->document, indicator, error);
      if (milestones == NULL)
        return FALSE;

      published = g_new0 (PublishIndicator, 1);
      g_ptr_array_add (plan->indicators, published);
      published->indicator = g_object_ref (indicator);
      published->id = g_strdup_printf ("figure-%u", i + 1);
      published->name = dup_text (pathway_indicator_get_name (indicator));
      published->definition = dup_text (pathway_indicator_get_definition (indicator));
      published->unit = unit;
      published->higher_is_better =
        pathway_indicator_get_direction (indicator) == PATHWAY_DIRECTION_HIGHER_IS_BETTER;
      published->target = NAN;
      published->points = g_array_new (FALSE, TRUE, sizeof (PublishPoint));
      g_array_set_clear_func (published->points, publish_point_clear);

      if (pathway_indicator_has_target (indicator))
        {
          published->target = pathway_indicator_get_target_value (indicator);
          published->target_text = _pathway_pack_format_value (unit, published->target);
          if (target_date != NULL && g_date_valid (target_date))
            {
              g_autofree char *month = month_words (target_date);

              /* Translators: an aim: "60% by March 2027". */
              published->aim = g_strdup_printf (_("%s by %s"), published->target_text, month);
            }
          else
            published->aim = g_strdup (published->target_text);
        }

      /* Readings in date order, none after the publish day. */
      for (guint r = 0, m = g_list_model_get_n_items (readings); r < m; r++)
        {
          g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, r);
          const GDate *date = pathway_reading_get_date (reading);
          double value = pathway_reading_get_value (reading);
          PublishPoint point = { 0 };

          if (date == NULL || !g_date_valid (date) || !isfinite (value)
              || g_date_compare (date, &plan->published) > 0)
            continue;
          point.julian = g_date_get_julian (date);
          point.value = value;
          point.month = month_words (date);
          point.value_text = _pathway_pack_format_value (unit, value);
          g_array_append_val (published->points, point);
        }
      pathway_trajectory_init (&trajectory, indicator, readings, milestones, &plan->published);
      published->sentences = indicator_sentences (plan, published, &trajectory);
      published->chart_summary = chart_summary (published);
    }
  return TRUE;
}

static void
write_introduction (PublishPlan *plan, PathwayProgramme *programme)
{
  GString *out = g_string_new (NULL);
  const GDate *inspected = pathway_programme_get_inspection_date (programme);
  const GDate *agreed = pathway_programme_get_plan_agreed (programme);
  g_autofree char *local_area = dup_text (pathway_programme_get_local_area (programme));
  guint n_areas = plan->areas->len;

  if (inspected != NULL && g_date_valid (inspected))
    {
      g_autofree char *month = month_words (inspected);

      if (*local_area != '\0')
        /* Translators: "In March 2025 Ofsted and the Care Quality Commission inspected ... in
         * Sallowmere." */
        g_string_append_printf (out, _("In %s Ofsted and the Care Quality Commission inspected "
                                       "how well services in %s support children and young "
                                       "people with special educational needs and "
                                       "disabilities (SEND)."),
                                month, local_area);
      else
        g_string_append_printf (out, _("In %s Ofsted and the Care Quality Commission inspected "
                                       "how well our services support children and young "
                                       "people with special educational needs and "
                                       "disabilities (SEND)."),
                                month);
      g_string_append_c (out, ' ');
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "The inspectors asked us to improve %u thing.",
                                            "The inspectors asked us to improve %u things.",
                                            n_areas),
                          n_areas);
  if (agreed != NULL && g_date_valid (agreed))
    {
      g_autofree char *month = month_words (agreed);

      g_string_append_c (out, ' ');
      /* Translators: "Our plan to do that was agreed in August 2025." */
      g_string_append_printf (out, _("Our plan to do that was agreed in %s."), month);
    }
  g_string_append_c (out, ' ');
  g_string_append (out, _("These pages explain each thing we must improve, what we have done "
                          "so far and what we will do next."));
  plan->introduction = g_string_free (out, FALSE);
}

void
publish_chart_scale (const PublishIndicator *indicator, double *lo_out, double *hi_out,
                     double *step_out)
{
  double lo = INFINITY, hi = -INFINITY, raw, magnitude, step;

  for (guint i = 0; i < indicator->points->len; i++)
    {
      lo = MIN (lo, g_array_index (indicator->points, PublishPoint, i).value);
      hi = MAX (hi, g_array_index (indicator->points, PublishPoint, i).value);
    }
  if (isfinite (indicator->target))
    {
      lo = MIN (lo, indicator->target);
      hi = MAX (hi, indicator->target);
    }
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  /* From nought when the figures are not far from it, so that a change does not look bigger
   * than it is. */
  if (lo >= 0 && lo < hi - lo)
    lo = 0;
  if (hi - lo < 1e-9)
    hi = lo + 1;
  /* A round step for about four intervals. */
  raw = (hi - lo) / 4;
  magnitude = pow (10, floor (log10 (raw)));
  step = raw / magnitude;
  step = (step <= 1 ? 1 : step <= 2 ? 2 : step <= 2.5 ? 2.5 : step <= 5 ? 5 : 10) * magnitude;
  *lo_out = floor (lo / step) * step;
  *hi_out = ceil (hi / step) * step;
  *step_out = step;
}

char *
publish_chart_tick (const PublishIndicator *indicator, double value)
{
  g_autofree char *number = g_strdup_printf ("%.10g", value);

  return indicator->unit == PATHWAY_UNIT_PERCENT ? g_strdup_printf ("%s%%", number)
                                                 : g_steal_pointer (&number);
}

gboolean
publish_chart_joins (const PublishIndicator *indicator, guint index)
{
  return index > 0
         && g_array_index (indicator->points, PublishPoint, index).julian
              - g_array_index (indicator->points, PublishPoint, index - 1).julian
            <= PUBLISH_MAX_JOINED_DAYS;
}

/* Contents and changes ---------------------------------------------------------------------- */

/* A field of a contents line: tabs and line ends would split it, so they become spaces. */
static void
append_field (GString *out, const char *text)
{
  g_string_append_c (out, '\t');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
write_contents (PublishPlan *plan, PathwayProgramme *programme, GPtrArray *files)
{
  GString *out = g_string_new (NULL);
  GListModel *list;

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_string_append (out, "file");
      append_field (out, g_ptr_array_index (files, i));
      g_string_append_c (out, '\n');
    }

  list = pathway_programme_get_areas (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (list, i);
      g_autofree char *summary = dup_text (pathway_area_of_weakness_get_public_summary (area));

      g_string_append (out, "area");
      append_field (out, pathway_record_get_uuid (area));
      append_field (out, pathway_area_of_weakness_get_reference (area));
      append_field (out, summary);
      g_string_append_c (out, '\n');
    }

  list = pathway_programme_get_actions (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (list, i);
      g_autofree char *summary = dup_text (pathway_action_get_public_summary (action));
      gboolean done = pathway_action_is_complete (action);

      if (pathway_action_get_deleted (action))
        continue;
      g_string_append (out, "action");
      append_field (out, pathway_record_get_uuid (action));
      append_field (out, pathway_action_get_reference (action));
      append_field (out, done ? "done" : "open");
      append_field (out, plan->ratings && !done
                           ? pathway_rating_to_nick (pathway_action_get_rating (action))
                           : "-");
      append_field (out, summary);
      g_string_append_c (out, '\n');
    }

  list = pathway_programme_get_coproduction (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (list, i);
      g_autofree char *date = pathway_date_format_iso (pathway_coproduction_get_date (entry));
      g_autofree char *who = entry_who (entry);
      char status[16];

      if (!pathway_coproduction_get_public (entry))
        continue;
      g_snprintf (status, sizeof status, "%d", (int) pathway_coproduction_get_status (entry));
      g_string_append (out, "said");
      append_field (out, pathway_record_get_uuid (entry));
      append_field (out, date);
      append_field (out, status);
      append_field (out, who);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < plan->indicators->len; i++)
    {
      PublishIndicator *indicator = g_ptr_array_index (plan->indicators, i);
      PublishPoint *latest = indicator->points->len > 0
                               ? &g_array_index (indicator->points, PublishPoint,
                                                 indicator->points->len - 1)
                               : NULL;

      g_string_append (out, "figure");
      append_field (out, pathway_record_get_uuid (indicator->indicator));
      append_field (out, indicator->name);
      append_field (out, latest != NULL ? latest->month : "");
      append_field (out, latest != NULL ? latest->value_text : "");
      g_string_append_c (out, '\n');
    }
  plan->contents = g_string_free (out, FALSE);
}

/* The lines of an earlier publication's contents by kind and UUID ("action\tUUID"), each the
 * line's fields. */
static GHashTable *
read_contents (const char *contents)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_strfreev);
  g_auto(GStrv) rows = g_strsplit (contents != NULL ? contents : "", "\n", -1);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      char **fields = g_strsplit (rows[i], "\t", -1);

      if (g_strv_length (fields) < 2)
        {
          g_strfreev (fields);
          continue;
        }
      g_hash_table_replace (lines, g_strdup_printf ("%s\t%s", fields[0], fields[1]), fields);
    }
  return lines;
}

static const char *
field_of (char **fields, guint index)
{
  return fields != NULL && g_strv_length (fields) > index ? fields[index] : "";
}

static void
list_changes (PublishPlan *plan, PathwayProgramme *programme, const char *previous)
{
  g_autoptr(GHashTable) before = read_contents (previous);
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  guint n_other_done = 0;
  GListModel *list;

  list = pathway_programme_get_areas (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (list, i);
      g_autofree char *key = g_strconcat ("area\t", pathway_record_get_uuid (area), NULL);
      char **was = g_hash_table_lookup (before, key);
      g_autofree char *summary = dup_text (pathway_area_of_weakness_get_public_summary (area));
      g_autofree char *title = dup_text (pathway_area_of_weakness_get_title (area));

      if (*summary == '\0' || g_strcmp0 (field_of (was, 3), summary) == 0)
        continue;
      g_ptr_array_add (plan->changes,
                       *field_of (was, 3) == '\0'
                         /* Translators: an area's title. */
                         ? g_strdup_printf (_("What the inspectors found about “%s” is now "
                                              "explained in plain words."), title)
                         : g_strdup_printf (_("The explanation of what the inspectors found "
                                              "about “%s” was updated."), title));
    }

  list = pathway_programme_get_actions (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (list, i);
      g_autofree char *key = g_strconcat ("action\t", pathway_record_get_uuid (action), NULL);
      char **was = g_hash_table_lookup (before, key);
      g_autofree char *summary = dup_text (pathway_action_get_public_summary (action));
      gboolean is_done = pathway_action_is_complete (action);
      gboolean was_done = g_str_equal (field_of (was, 3), "done");
      const char *was_summary = field_of (was, 5);

      if (pathway_action_get_deleted (action))
        continue;
      if (is_done && !was_done)
        {
          if (*summary != '\0')
            /* Translators: an action's public summary. */
            g_ptr_array_add (done, g_strdup_printf (_("Done: %s"), summary));
          else
            n_other_done++;
          continue;
        }
      if (*summary == '\0')
        continue;
      if (*was_summary == '\0')
        g_ptr_array_add (summaries, g_strdup_printf (_("New in the plan: %s"), summary));
      else if (!g_str_equal (was_summary, summary))
        g_ptr_array_add (summaries, g_strdup_printf (_("Updated: %s"), summary));
      if (plan->ratings && !is_done && was != NULL)
        {
          PathwayRating now = pathway_action_get_rating (action);
          const char *was_nick = field_of (was, 4);
          PathwayRating then = pathway_rating_from_nick (was_nick);

          if (!g_str_equal (was_nick, "-") && *was_nick != '\0' && now != then
              && now != PATHWAY_RATING_NONE && then != PATHWAY_RATING_NONE)
            /* Translators: "Now On track (was At risk): summary". */
            g_ptr_array_add (rated, g_strdup_printf (_("Now %s (was %s): %s"),
                                                     pathway_publish_rating_words (now),
                                                     pathway_publish_rating_words (then),
                                                     summary));
        }
    }
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&done));
  if (n_other_done > 0)
    g_ptr_array_add (plan->changes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u more action is done.",
                                                   "%u more actions are done.",
                                                   n_other_done),
                                      n_other_done));
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&rated));
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&summaries));

  list = pathway_programme_get_coproduction (programme);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (list, i);
      g_autofree char *key = g_strconcat ("said\t", pathway_record_get_uuid (entry), NULL);
      char **was = g_hash_table_lookup (before, key);
      g_autofree char *who = NULL;
      g_autofree char *day = NULL;
      PathwayResponseStatus status = pathway_coproduction_get_status (entry);

      if (!pathway_coproduction_get_public (entry))
        continue;
      who = entry_who (entry);
      day = pathway_date_format_words (pathway_coproduction_get_date (entry));
      if (was == NULL)
        /* Translators: "You said, we did: new from Parent carer forum, 12 March 2026". */
        g_ptr_array_add (plan->changes, g_strdup_printf (_("You said, we did: new from %s, %s"),
                                                         who, day));
      else if (atoi (field_of (was, 3)) != (int) status)
        /* Translators: "You said, we did: Schools, 3 May 2026: now “Done”". */
        g_ptr_array_add (plan->changes, g_strdup_printf (_("You said, we did: %s, %s: now “%s”"),
                                                         who, day,
                                                         publish_status_words (status)));
    }

  for (guint i = 0; i < plan->indicators->len; i++)
    {
      PublishIndicator *indicator = g_ptr_array_index (plan->indicators, i);
      g_autofree char *key = g_strconcat ("figure\t",
                                          pathway_record_get_uuid (indicator->indicator), NULL);
      char **was = g_hash_table_lookup (before, key);
      PublishPoint *latest;

      if (indicator->points->len == 0)
        continue;
      latest = &g_array_index (indicator->points, PublishPoint, indicator->points->len - 1);
      if (g_strcmp0 (field_of (was, 3), latest->month) != 0
          || g_strcmp0 (field_of (was, 4), latest->value_text) != 0)
        /* Translators: "New figure for Autism assessment waiting time: 21 weeks in October
         * 2026". */
        g_ptr_array_add (plan->changes, g_strdup_printf (_("New figure for %s: %s in %s"),
                                                         indicator->name, latest->value_text,
                                                         latest->month));
    }
}

static PublishPlan *
read_plan (PathwayDocument *document, const GDate *published, PathwayPublication *previous,
           GError **error)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  g_autoptr(PublishPlan) plan = g_new0 (PublishPlan, 1);
  g_autoptr(GHashTable) by_area = g_hash_table_new (NULL, NULL);
  g_autofree char *local_area = dup_text (pathway_programme_get_local_area (programme));

  plan->document = g_object_ref (document);
  plan->published = *published;
  plan->published_words = pathway_date_format_words (published);
  plan->published_iso = pathway_date_format_iso (published);
  plan->ratings = pathway_programme_get_public_ratings (programme);
  plan->site_name = *local_area != '\0'
                      /* Translators: the public site's name: "Sallowmere SEND improvement
                       * plan". */
                      ? g_strdup_printf (_("%s SEND improvement plan"), local_area)
                      : dup_text (pathway_programme_get_name (programme));
  plan->partners = dup_text (pathway_programme_get_partners (programme));
  plan->partner_list = g_ptr_array_new_with_free_func (g_free);
  {
    g_auto(GStrv) partners = g_strsplit (plan->partners, ";", -1);

    for (guint i = 0; partners[i] != NULL; i++)
      if (*g_strstrip (partners[i]) != '\0')
        g_ptr_array_add (plan->partner_list, g_strdup (partners[i]));
  }
  plan->vision = dup_text (pathway_programme_get_vision (programme));
  plan->areas = g_ptr_array_new_with_free_func (publish_area_free);
  plan->entries = g_ptr_array_new_with_free_func (publish_entry_free);
  plan->indicators = g_ptr_array_new_with_free_func (publish_indicator_free);
  plan->changes = g_ptr_array_new_with_free_func (g_free);

  read_areas (plan, programme, by_area);
  read_actions (plan, programme, by_area);
  read_entries (plan, programme, by_area);
  if (!read_indicators (plan, programme, error))
    return NULL;
  write_introduction (plan, programme);

  if (previous != NULL)
    {
      plan->previous_words = pathway_date_format_words (pathway_publication_get_published (previous));
      list_changes (plan, programme, pathway_publication_get_contents (previous));
    }
  return g_steal_pointer (&plan);
}

/* The record's changes: a line each, or a sentence saying there were none. */
static char *
changes_text (PublishPlan *plan)
{
  GString *out;

  if (plan->previous_words == NULL)
    return g_strdup (_("First publication"));
  if (plan->changes->len == 0)
    return g_strdup_printf (_("No changes since %s"), plan->previous_words);
  out = g_string_new (NULL);
  for (guint i = 0; i < plan->changes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (plan->changes, i));
    }
  return g_string_free (out, FALSE);
}

/* Public calls ------------------------------------------------------------------------------ */

PathwayPublication *
pathway_publish_get_latest (PathwayDocument *document, GError **error)
{
  g_autoptr(GListModel) records = NULL;
  guint n;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  records = pathway_document_list_records (document, pathway_kind_lookup ("publication"), FALSE,
                                           error);
  if (records == NULL)
    return NULL;
  /* The kind's order is by published day, then the order added: the last is the latest. */
  n = g_list_model_get_n_items (records);
  return n > 0 ? g_list_model_get_item (records, n - 1) : NULL;
}

static void
publish_day (PathwayDocument *document, const GDate *published, GDate *day)
{
  if (published != NULL && g_date_valid (published))
    *day = *published;
  else
    pathway_document_get_today (document, day);
}

char *
pathway_publish_dup_changes (PathwayDocument *document, const GDate *published, GError **error)
{
  g_autoptr(PathwayPublication) latest = NULL;
  g_autoptr(PublishPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate day;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  latest = pathway_publish_get_latest (document, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  publish_day (document, published, &day);
  plan = read_plan (document, &day, latest, error);
  if (plan == NULL)
    return NULL;
  return changes_text (plan);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID, message);
  return FALSE;
}

/* Makes the folder when it is missing; refuses a file. */
static gboolean
ensure_folder (const char *folder, GError **error)
{
  g_autofree char *display = g_filename_display_name (folder);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0777) == 0 && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  saved_errno = errno;
  if (g_file_test (folder, G_FILE_TEST_EXISTS) && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_IO,
                 _("%s is a file, not a folder: the plan is published into a folder."), display);
  else
    g_set_error (error, PATHWAY_ERROR,
                 saved_errno == ENOSPC ? PATHWAY_ERROR_DISK_FULL : PATHWAY_ERROR_IO,
                 _("Could not make the folder %s: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Files of an earlier publication into the same folder that this one did not write again (an
 * area's page after the area was retired). Only files the record names are removed. */
static void
remove_old_files (PathwayPublication *previous, const char *folder, const char *folder_text,
                  GPtrArray *written)
{
  g_auto(GStrv) rows = NULL;

  /* The record names the folder as shown; the files are removed by its own bytes. */
  if (previous == NULL ||
      g_strcmp0 (pathway_publication_get_folder (previous), folder_text) != 0)
    return;
  rows = g_strsplit (pathway_publication_get_contents (previous) != NULL
                       ? pathway_publication_get_contents (previous) : "", "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      const char *name;

      if (!g_str_has_prefix (rows[i], "file\t"))
        continue;
      name = rows[i] + strlen ("file\t");
      /* A name is a plain file name in the folder, never a path. */
      if (*name == '\0' || strchr (name, G_DIR_SEPARATOR) != NULL || name[0] == '.'
          || g_ptr_array_find_with_equal_func (written, name, g_str_equal, NULL))
        continue;
      path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
}

static void
safe_file_list_free (gpointer data)
{
  pathway_safe_file_free (data);
}

gboolean
pathway_publish (PathwayDocument *document, const char *folder,
                 const PathwayPublishOptions *options, PathwayPublication **publication,
                 GError **error)
{
  g_autoptr(PathwayPublication) previous = NULL;
  g_autoptr(PathwayPublication) draft = NULL;
  g_autoptr(PublishPlan) plan = NULL;
  g_autoptr(GPtrArray) site = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (safe_file_list_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *approved_by = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *folder_text = NULL;
  g_autofree char *changes = NULL;
  GDate published;
  guint n_pages = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  approved_by = dup_text (options->approved_by);
  if (*approved_by == '\0')
    return invalid (error, _("Say who approved the publication: publishing the plan needs the "
                             "name of the person or board who approved it."));
  if (options->approved_on == NULL || !g_date_valid (options->approved_on))
    return invalid (error, _("Say when the publication was approved: publishing the plan needs "
                             "the day it was approved."));
  publish_day (document, options->published, &published);
  if (g_date_compare (options->approved_on, &published) > 0)
    {
      g_autofree char *approved = pathway_date_format_words (options->approved_on);
      g_autofree char *day = pathway_date_format_words (&published);
      g_autofree char *message =
        g_strdup_printf (_("The approval day, %s, is after the publish day, %s: the plan can "
                           "only be published once it is approved."), approved, day);

      return invalid (error, message);
    }
  if (pathway_document_get_read_only (document))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                           pathway_document_get_read_only_reason (document)
                             ? pathway_document_get_read_only_reason (document)
                             : _("The programme is open read-only, so a publication cannot "
                                 "be recorded."));
      return FALSE;
    }

  previous = pathway_publish_get_latest (document, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  plan = read_plan (document, &published, previous, error);
  if (plan == NULL)
    return FALSE;

  /* The pages link to the PDF with its page count, so it is made first. */
  pdf = publish_write_pdf (plan, &n_pages, error);
  if (pdf == NULL)
    return FALSE;
  site = publish_write_html (plan, n_pages);
  {
    PublishFile *file = g_new0 (PublishFile, 1);

    file->name = g_strdup (PATHWAY_PUBLISH_PDF);
    file->bytes = g_bytes_ref (pdf);
    g_ptr_array_add (site, file);
  }
  for (guint i = 0; i < site->len; i++)
    g_ptr_array_add (names, g_strdup (((PublishFile *) g_ptr_array_index (site, i))->name));
  write_contents (plan, pathway_document_get_programme (document), names);

  if (!ensure_folder (folder, error))
    return FALSE;
  canonical = g_canonicalize_filename (folder, NULL);
  folder_text = g_filename_display_name (canonical);
  changes = changes_text (plan);

  if (!pathway_document_begin_batch (document, _("Publish the plan for families"), error))
    return FALSE;

  draft = pathway_publication_new ();
  pathway_publication_set_published (draft, &published);
  pathway_publication_set_approved_by (draft, approved_by);
  pathway_publication_set_approved_on (draft, options->approved_on);
  pathway_publication_set_folder (draft, folder_text);
  pathway_publication_set_changes (draft, changes);
  pathway_publication_set_contents (draft, plan->contents);
  if (!pathway_document_add (document, NULL, draft, &local_error))
    ok = FALSE;

  for (guint i = 0; ok && i < site->len; i++)
    {
      PublishFile *site_file = g_ptr_array_index (site, i);
      g_autofree char *path = g_build_filename (canonical, site_file->name, NULL);
      PathwaySafeFile *file = pathway_safe_file_new (path, &local_error);
      gsize length;
      gconstpointer data;

      if (file == NULL)
        {
          ok = FALSE;
          break;
        }
      data = g_bytes_get_data (site_file->bytes, &length);
      if (!pathway_safe_file_write (file, data, length))
        {
          /* Committing a failed file reports its failure in words and removes it. */
          pathway_safe_file_commit (file, &local_error);
          pathway_safe_file_free (file);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (files, file);
    }

  if (!ok)
    {
      pathway_document_rollback_batch (document);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!pathway_document_commit_batch (document, error))
    return FALSE;

  /* The record is in: now the files take their names. A rename that fails here (it hardly
   * can, in the folder the temporaries were made in) takes the record back; the pages already
   * renamed are the new site's, whole. */
  for (guint i = 0; i < files->len; i++)
    {
      PathwaySafeFile *file = g_ptr_array_index (files, i);

      g_ptr_array_index (files, i) = NULL;
      if (!pathway_safe_file_commit (file, &local_error))
        {
          pathway_safe_file_free (file);
          pathway_document_undo (document, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      pathway_safe_file_free (file);
    }
  remove_old_files (previous, canonical, folder_text, names);

  if (publication != NULL)
    *publication = g_steal_pointer (&draft);
  return TRUE;
}
