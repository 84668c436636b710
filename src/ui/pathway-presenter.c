/* pathway-presenter.c: meeting mode's window.
 *
 *   slides:  0 title | 1 overview | 2 .. n+1 one per action
 *            | n+2 .. n+m+1 one per "you said, we did" entry | n+m+2 what was decided
 *
 * One PathwayPresenterSlide shows whichever slide is current; the facts it shows are made
 * here from the model (and, for an action's trail of ratings, from its history in the file)
 * when a slide is chosen, and again through a PathwayRefresh (once, on an idle) when the
 * action shown changes, so a change made in the meeting shows at once. Below the slide sit
 * the note bar (opened by R, A, G, B or N) and the bar of keys (H); the keys are actions
 * (pathway-presenter-actions.c). Every write goes through the document with the meeting set
 * on it, so it is an update linked to the meeting; the meeting's notes and decisions that
 * concern no action are kept in its summary (pathway-meeting-record.h), which is written
 * again whenever one is added and when the presenter is left. What to present and the
 * board's previous meeting come from the document (pathway_document_actions_to_present,
 * pathway_document_previous_meeting), and so do the entries of "you said, we did" since that
 * meeting (pathway_document_coproduction_to_present). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-announce.h"
#include "pathway-meeting-record.h"
#include "pathway-presenter-private.h"
#include "pathway-rating-badge.h"
#include "pathway-remote.h"
#include "pathway-style.h"

#define N_TRAIL 6
/* Slides before the first action: the title and the overview. */
#define N_LEADING 2

enum {
  PROP_0,
  PROP_NOTE_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PathwayPresenter, pathway_presenter, ADW_TYPE_WINDOW)

static gboolean go_fullscreen = TRUE;

void
pathway_presenter_set_fullscreen (gboolean fullscreen)
{
  go_fullscreen = fullscreen;
}

/* Words ------------------------------------------------------------------------------------- */

static PathwayRatingScheme *
scheme_of (PathwayPresenter *self)
{
  return pathway_programme_get_rating_scheme (pathway_document_get_programme (self->document));
}

static char *
format_date (const GDate *date, const char *format)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (time, format);
}

static char *
format_moment (GDateTime *at, const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, format);
}

static const GDate *
meeting_date (PathwayPresenter *self)
{
  const GDate *date = self->meeting != NULL ? pathway_meeting_get_date (self->meeting) : NULL;

  return date != NULL && g_date_valid (date) ? date : &self->today;
}

/* The rating an action had at the previous meeting, or -1 when it had none then. */
static int
rating_before (PathwayPresenter *self, PathwayAction *action)
{
  const PathwayActionState *state =
    self->previous_states != NULL
      ? pathway_action_states_find (self->previous_states, pathway_action_get_id (action))
      : NULL;

  return state != NULL ? (int) state->rating : -1;
}

/* Slides ------------------------------------------------------------------------------------ */

static guint
n_actions (PathwayPresenter *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->actions));
}

static guint
n_entries (PathwayPresenter *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->coproduction));
}

guint
pathway_presenter_get_n_slides (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), 0);
  return N_LEADING + n_actions (self) + n_entries (self) + 1;
}

guint
_pathway_presenter_first_coproduction_slide (PathwayPresenter *self)
{
  return n_entries (self) > 0 ? N_LEADING + n_actions (self) : 0;
}

PathwayCoproduction *
pathway_presenter_get_coproduction_entry (PathwayPresenter *self)
{
  PathwayCoproduction *entry;
  guint first;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  first = N_LEADING + n_actions (self);
  if (self->position < first || self->position >= first + n_entries (self))
    return NULL;
  entry = g_list_model_get_item (G_LIST_MODEL (self->coproduction), self->position - first);
  /* The list keeps a reference. */
  g_object_unref (entry);
  return entry;
}

PathwayAction *
pathway_presenter_get_action (PathwayPresenter *self)
{
  PathwayAction *action;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  if (self->position < N_LEADING || self->position >= N_LEADING + n_actions (self))
    return NULL;
  action = g_list_model_get_item (G_LIST_MODEL (self->actions), self->position - N_LEADING);
  /* The list keeps a reference. */
  g_object_unref (action);
  return action;
}

static char *
counts_in_words (PathwayPresenter *self, const guint counts[PATHWAY_N_RATINGS])
{
  PathwayRatingScheme *scheme = scheme_of (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];

      /* Red, amber and green always, so that "0 red" is said; blue where the scheme has it
       * or an action is rated so; "not rated" only when some are. */
      if ((rating == PATHWAY_RATING_BLUE && !pathway_rating_scheme_get_uses_blue (scheme) &&
           counts[rating] == 0) ||
          (rating == PATHWAY_RATING_NONE && counts[rating] == 0))
        continue;
      /* TRANSLATORS: a count and a rating's word, "7 Red" */
      g_ptr_array_add (parts, g_strdup_printf (C_("rating count", "%u %s"), counts[rating],
                                               pathway_record_rating_word (scheme, rating)));
    }
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == parts->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

static void
show_title (PathwayPresenter *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  PathwayPresenterTitleFacts facts = { NULL, };
  const char *name = pathway_programme_get_name (programme);
  guint n = n_actions (self);

  facts.programme = g_strdup (*name != '\0' ? name : _("Untitled Programme"));
  facts.board = g_strdup (self->board != NULL ? pathway_board_get_name (self->board)
                                              : _("Review of actions"));
  if (self->meeting != NULL)
    {
      facts.meeting = g_strdup (pathway_meeting_get_title (self->meeting));
      facts.location = g_strdup (pathway_meeting_get_location (self->meeting));
    }
  facts.date = format_date (meeting_date (self), "%A %-d %B %Y");
  if (n_entries (self) > 0)
    /* TRANSLATORS: the title slide's agenda when the meeting also hears what families and
     * young people said: "14 actions to review, then “you said, we did”" */
    facts.agenda = g_strdup_printf (ngettext ("%u action to review, then “you said, we did”",
                                              "%u actions to review, then “you said, we did”",
                                              n),
                                    n);
  else
    facts.agenda = g_strdup_printf (ngettext ("%u action to review", "%u actions to review", n),
                                    n);
  pathway_presenter_slide_show_title (self->slide, &facts);
}

static void
show_overview (PathwayPresenter *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  PathwayPresenterOverviewFacts facts = { NULL, };
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  guint total = 0, overdue = 0, n = n_actions (self);
  g_autofree char *date = format_date (&self->today, "%-d %B %Y");

  pathway_programme_count_ratings (programme, NULL, counts);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts[i];
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (G_LIST_MODEL (self->actions), i);

      if (pathway_action_is_overdue (action, &self->today))
        overdue++;
    }

  facts.heading = g_strdup (_("Where the programme stands"));
  /* TRANSLATORS: "18 November 2026 · 110 actions" */
  facts.as_at = g_strdup_printf (ngettext ("%s · %u action", "%s · %u actions", total), date,
                                 total);
  facts.counts = counts_in_words (self, counts);
  if (overdue > 0)
    {
      /* TRANSLATORS: "This meeting reviews 14 actions, 3 of them overdue." */
      facts.agenda =
        g_strdup_printf (ngettext ("This meeting reviews %u action, %u of them overdue.",
                                   "This meeting reviews %u actions, %u of them overdue.", n),
                         n, overdue);
    }
  else
    facts.agenda = g_strdup_printf (ngettext ("This meeting reviews %u action.",
                                              "This meeting reviews %u actions.", n),
                                    n);
  facts.chart = pathway_chart_new_rating_distribution (programme, NULL);
  pathway_presenter_slide_show_overview (self->slide, &facts);
}

static char *
timescale_words (PathwayAction *action)
{
  const PathwayTimescale *original = pathway_action_get_original_timescale (action);
  const PathwayTimescale *revised = pathway_action_get_revised_timescale (action);
  g_autofree char *original_shown = pathway_timescale_dup_display (original);
  g_autofree char *revised_shown = pathway_timescale_dup_display (revised);
  const char *from = *original_shown != '\0' ? original_shown : NULL;

  if (*revised_shown != '\0' &&
      (original == NULL || !pathway_timescale_equal (original, revised)))
    {
      if (from == NULL)
        /* TRANSLATORS: a revised timescale where none was set at first */
        return g_strdup_printf (_("%s (revised)"), revised_shown);
      /* TRANSLATORS: original → revised timescale, "December 2025 → March 2026 (revised)" */
      return g_strdup_printf (_("%s → %s (revised)"), from, revised_shown);
    }
  return g_strdup (from != NULL ? from : _("None set"));
}

static void
show_action (PathwayPresenter *self, PathwayAction *action)
{
  PathwayRatingScheme *scheme = scheme_of (self);
  PathwayPresenterActionFacts facts = { NULL, };
  PathwayWorkstream *workstream = pathway_action_get_workstream (action);
  PathwayPerson *lead = pathway_action_get_lead (action);
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *commented = NULL;
  int then;
  guint n_ratings = 0;

  facts.reference = g_strdup (pathway_action_get_reference (action));
  facts.title = g_strdup (pathway_action_get_description (action));
  if (workstream != NULL)
    {
      const char *code = pathway_workstream_get_code (workstream);
      const char *title = pathway_workstream_get_title (workstream);

      if (*code != '\0' && *title != '\0')
        /* TRANSLATORS: "Workstream 2: Assessment and plans" */
        facts.workstream = g_strdup_printf (_("Workstream %s: %s"), code, title);
      else
        facts.workstream = g_strdup_printf (_("Workstream %s"), *code != '\0' ? code : title);
    }
  if (lead != NULL)
    {
      const char *role = pathway_person_get_role (lead);

      facts.lead = role != NULL && *role != '\0'
                     ? g_strdup_printf ("%s, %s", pathway_person_get_name (lead), role)
                     : g_strdup (pathway_person_get_name (lead));
    }
  facts.timescale = timescale_words (action);
  facts.due = pathway_action_dup_due_words (action, &self->today, &facts.due_warning);
  facts.rating = pathway_action_get_rating (action);
  facts.rating_word = g_strdup (pathway_record_rating_word (scheme, facts.rating));
  then = rating_before (self, action);
  if (then >= 0 && then != (int) facts.rating)
    /* TRANSLATORS: the rating an action had at the board's meeting before,
     * "Amber at the last meeting" */
    facts.rating_note = g_strdup_printf (_("%s at the last meeting"),
                                         pathway_record_rating_word (scheme, then));

  /* The history gives the trail of ratings and the date of the latest commentary. */
  updates = pathway_document_list_updates (self->document, action, &error);
  if (updates == NULL)
    g_debug ("No history for %s: %s", facts.reference, error->message);
  for (guint i = updates != NULL ? g_list_model_get_n_items (updates) : 0; i > 0; i--)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i - 1);
      PathwayField field = pathway_action_update_get_field (update);

      if (field == PATHWAY_FIELD_COMMENTARY && commented == NULL)
        commented = pathway_action_update_get_at (update);
      if (field == PATHWAY_FIELD_RATING && n_ratings < N_TRAIL)
        {
          const char *nick = pathway_action_update_get_to_value (update);
          PathwayRating step = pathway_rating_from_nick (nick);

          /* Newest first here; the slide wants oldest first. */
          facts.trail[N_TRAIL - 1 - n_ratings].rating = step;
          facts.trail[N_TRAIL - 1 - n_ratings].word =
            g_strdup (pathway_record_rating_word (scheme, step));
          facts.trail[N_TRAIL - 1 - n_ratings].date =
            format_moment (pathway_action_update_get_at (update), "%-d %b %Y");
          n_ratings++;
        }
    }
  if (n_ratings < N_TRAIL)
    {
      memmove (facts.trail, facts.trail + (N_TRAIL - n_ratings),
               n_ratings * sizeof (PathwayPresenterTrailStep));
      memset (facts.trail + n_ratings, 0,
              (N_TRAIL - n_ratings) * sizeof (PathwayPresenterTrailStep));
    }
  facts.n_trail = n_ratings;

  if (commented != NULL)
    {
      g_autofree char *when = format_moment (commented, "%-d %B %Y");

      /* TRANSLATORS: "Latest commentary, 31 October 2026" */
      facts.commentary_heading = g_strdup_printf (_("Latest commentary, %s"), when);
    }
  else
    facts.commentary_heading = g_strdup (_("Latest commentary"));
  facts.commentary = g_strdup (pathway_action_get_commentary (action));
  /* A red action's slide says what will bring it back, after the commentary. */
  if (facts.rating == PATHWAY_RATING_RED && *pathway_action_get_recovery_plan (action) != '\0')
    facts.recovery_plan = g_strdup (pathway_action_get_recovery_plan (action));
  facts.position = g_strdup_printf (_("Action %u of %u"), self->position - N_LEADING + 1,
                                    n_actions (self));
  pathway_presenter_slide_show_action (self->slide, &facts);
}

/* "Linked to: Actions 1A i, 2B iii · Area 2", or NULL without links. */
static char *
links_words (PathwayCoproduction *entry)
{
  g_auto(GStrv) actions = pathway_links_split (pathway_coproduction_get_actions (entry));
  g_auto(GStrv) areas = pathway_links_split (pathway_coproduction_get_areas (entry));
  guint n_actions = g_strv_length (actions), n_areas = g_strv_length (areas);
  g_autofree char *action_list = g_strjoinv (", ", actions);
  g_autofree char *area_list = g_strjoinv (", ", areas);
  g_autofree char *action_words = NULL;
  g_autofree char *area_words = NULL;

  if (n_actions > 0)
    /* TRANSLATORS: the actions an entry is linked to: "Actions 1A i, 2B iii" */
    action_words = g_strdup_printf (ngettext ("Action %s", "Actions %s", n_actions),
                                    action_list);
  if (n_areas > 0)
    /* TRANSLATORS: the areas of weakness an entry is linked to: "Areas 2, 4" */
    area_words = g_strdup_printf (ngettext ("Area %s", "Areas %s", n_areas), area_list);
  if (action_words != NULL && area_words != NULL)
    /* TRANSLATORS: at the foot of a "you said, we did" slide: "Linked to: Actions 1A i, 2B iii
     * · Area 2" */
    return g_strdup_printf (_("Linked to: %s · %s"), action_words, area_words);
  if (action_words != NULL || area_words != NULL)
    /* TRANSLATORS: at the foot of a "you said, we did" slide: "Linked to: Area 2" */
    return g_strdup_printf (_("Linked to: %s"), action_words != NULL ? action_words : area_words);
  return NULL;
}

static void
show_coproduction (PathwayPresenter *self, PathwayCoproduction *entry)
{
  PathwayPresenterCoproductionFacts facts = { NULL, };
  guint index = self->position - N_LEADING - n_actions (self);
  g_autofree char *position = NULL;
  const char *will_do = pathway_coproduction_get_will_do (entry);
  const char *did = pathway_coproduction_get_did (entry);

  facts.heading = g_strdup (_("You said, we did"));
  /* TRANSLATORS: which of the meeting's entries of "you said, we did" is shown: "2 of 5" */
  position = g_strdup_printf (_("%u of %u"), index + 1, n_entries (self));
  if (g_date_valid (&self->coproduction_since))
    {
      g_autofree char *since = format_date (&self->coproduction_since, "%-d %B %Y");

      /* TRANSLATORS: "Since the last meeting, 16 September 2026 · 2 of 5" */
      facts.period = g_strdup_printf (_("Since the last meeting, %s · %s"), since, position);
    }
  else if (self->previous != NULL)
    {
      g_autofree char *since = format_date (pathway_meeting_get_date (self->previous),
                                            "%-d %B %Y");

      /* TRANSLATORS: nothing was recorded after the last meeting, so the latest entries are
       * shown: "Nothing new since 16 September 2026: the latest · 2 of 5" */
      facts.period = g_strdup_printf (_("Nothing new since %s: the latest · %s"), since,
                                      position);
    }
  else
    /* TRANSLATORS: with no meeting before this one: "The latest entries · 2 of 5" */
    facts.period = g_strdup_printf (_("The latest entries · %s"), position);
  facts.who = pathway_coproduction_dup_heard_from (entry);
  facts.date = format_date (pathway_coproduction_get_date (entry), "%-d %B %Y");
  facts.status = pathway_coproduction_get_status (entry);
  facts.status_word = g_strdup (pathway_response_status_label (facts.status));
  facts.said = g_strdup (pathway_coproduction_get_said (entry));
  if (*will_do != '\0')
    facts.will_do = g_strdup (will_do);
  if (*did != '\0')
    {
      facts.did_heading = g_strdup (facts.status == PATHWAY_RESPONSE_NOT_DONE ? _("Why not")
                                                                              : _("We did"));
      facts.did = g_strdup (did);
    }
  facts.links = links_words (entry);
  pathway_presenter_slide_show_coproduction (self->slide, &facts);
}

static GPtrArray *
collect_record (PathwayPresenter *self, GError **error)
{
  return pathway_record_collect (self->document, self->meeting, self->general, error);
}

static void
show_closing (PathwayPresenter *self)
{
  PathwayPresenterClosingFacts facts = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autofree char *date = format_date (meeting_date (self), "%-d %B %Y");

  facts.heading = g_strdup (_("Decided in this meeting"));
  facts.subheading = self->board != NULL
                       ? g_strdup_printf ("%s · %s", pathway_board_get_name (self->board), date)
                       : g_strdup (date);
  facts.entries = collect_record (self, &error);
  if (facts.entries == NULL)
    {
      g_debug ("No record of the meeting: %s", error->message);
      facts.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
    }
  for (guint i = 0; i < facts.entries->len; i++)
    {
      g_autofree char *line = pathway_record_format_entry (g_ptr_array_index (facts.entries, i),
                                                           scheme_of (self));

      g_strv_builder_add (lines, line);
    }
  facts.lines = g_strv_builder_end (lines);
  facts.footer = g_strdup (self->writable ? _("Press Escape to leave and see the summary")
                                          : _("Press Escape to leave"));
  pathway_presenter_slide_show_closing (self->slide, &facts);
}

/* Makes the slide shown from the model, and follows the action on it: a change to that action
 * (from the presenter's keys or anywhere else) queues this once more. */
static void
refresh_cb (gpointer data)
{
  PathwayPresenter *self = data;
  PathwayAction *action = pathway_presenter_get_action (self);
  PathwayCoproduction *entry = pathway_presenter_get_coproduction_entry (self);

  pathway_refresh_begin (&self->refresh);
  self->n_builds++;
  if (action != self->shown_action || entry != self->shown_entry)
    {
      pathway_refresh_unwatch_all (&self->refresh);
      g_set_object (&self->shown_action, action);
      g_set_object (&self->shown_entry, entry);
      if (action != NULL)
        pathway_refresh_watch (&self->refresh, action);
      if (entry != NULL)
        pathway_refresh_watch (&self->refresh, entry);
    }

  if (self->position == 0)
    show_title (self);
  else if (self->position == 1)
    show_overview (self);
  else if (action != NULL)
    show_action (self, action);
  else if (entry != NULL)
    show_coproduction (self, entry);
  else
    show_closing (self);
}

guint
pathway_presenter_get_n_builds (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), 0);
  return self->n_builds;
}

guint
pathway_presenter_get_position (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), 0);
  return self->position;
}

static void close_entry (PathwayPresenter *self);
static void show_why_read_only (PathwayPresenter *self);

void
pathway_presenter_set_position (PathwayPresenter *self, guint position)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER (self));

  position = MIN (position, pathway_presenter_get_n_slides (self) - 1);
  if (self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE)
    close_entry (self);
  self->position = position;
  /* An action's own refusal, said for the slide before, is not this one's. */
  show_why_read_only (self);
  /* Another slide is shown now, not after the model's queued changes. */
  pathway_refresh_now_or_later (&self->refresh);
  _pathway_presenter_update_actions (self);
}

/* Bars --------------------------------------------------------------------------------------- */

/* What went wrong with the note, in the note bar above the line typed (which stays as it
 * was); NULL clears it. A change that worked needs no message: the slide shows it. */
static void
set_problem (PathwayPresenter *self, const char *text)
{
  gtk_label_set_text (self->note_problem, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_problem), text != NULL);
  /* What went wrong is read with the line it is about. */
  if (text != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->note_problem,
                                    self->note_help, NULL, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->note_help, NULL,
                                    -1);
}

void
_pathway_presenter_set_hints_visible (PathwayPresenter *self, gboolean visible)
{
  gtk_widget_set_visible (self->hint_bar, visible);
}

gboolean
pathway_presenter_get_hints_visible (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), FALSE);
  return gtk_widget_get_visible (self->hint_bar);
}

/* "<b>key</b> what it does", kept on one line (no-break spaces); lines break between pairs. */
static void
append_hint (GString *markup, const char *key, const char *meaning)
{
  g_autofree char *pair = g_markup_printf_escaped ("<b>%s</b> %s", key, meaning);
  g_auto(GStrv) words = g_strsplit (pair, " ", -1);
  g_autofree char *joined = g_strjoinv ("\u00a0", words);

  if (markup->len > 0)
    g_string_append (markup, "     ");
  g_string_append (markup, joined);
}

/* Why the writing keys are off for the whole meeting, under the keys. */
static void
show_why_read_only (PathwayPresenter *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hint_reason), !self->writable);
  if (!self->writable)
    gtk_label_set_text (self->hint_reason, self->why_read_only);
}

static void
update_hints (PathwayPresenter *self)
{
  gboolean blue = pathway_rating_scheme_get_uses_blue (scheme_of (self));
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autofree char *next = g_strdup_printf ("→ %s", C_("key", "Space"));
  g_autofree char *ends = g_strdup_printf ("%s %s", C_("key", "Home"), C_("key", "End"));

  /* Fixed words only: this markup never carries the user's text. */
  append_hint (keys, next, _("next"));
  append_hint (keys, "←", _("back"));
  append_hint (keys, ends, _("first, last"));
  append_hint (keys, blue ? "R A G B" : "R A G", _("rate"));
  append_hint (keys, "N", _("note or decision"));
  append_hint (keys, "P", _("recovery plan"));
  if (n_entries (self) > 0)
    append_hint (keys, "Y", _("you said, we did"));
  append_hint (keys, "H", _("hide keys"));
  append_hint (keys, C_("key", "Esc"), _("leave"));
  gtk_label_set_markup (self->hint_keys, keys->str);
  show_why_read_only (self);
}

/* The note bar -------------------------------------------------------------------------------- */

gboolean
pathway_presenter_get_entry_open (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), FALSE);
  return self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE;
}

GtkEditable *
pathway_presenter_get_entry (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

static void
set_decision (PathwayPresenter *self, gboolean decision)
{
  if (self->decision == decision)
    return;
  self->decision = decision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_KIND]);
}

void
pathway_presenter_set_decision (PathwayPresenter *self, gboolean decision)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER (self));
  set_decision (self, decision);
}

static void
close_entry (PathwayPresenter *self)
{
  self->entry_mode = PATHWAY_PRESENTER_ENTRY_NONE;
  set_problem (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (self->note_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->slide));
  _pathway_presenter_update_actions (self);
}

static void
open_entry (PathwayPresenter *self, PathwayPresenterEntryMode mode)
{
  self->entry_mode = mode;
  set_problem (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (self->note_badge, mode == PATHWAY_PRESENTER_ENTRY_RATING);
  gtk_widget_set_visible (self->note_kinds, mode == PATHWAY_PRESENTER_ENTRY_NOTE);
  gtk_widget_set_visible (self->note_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  _pathway_presenter_update_actions (self);
}

/* The writing keys do nothing but say why on a read-only document (or without a meeting), or
 * on an action the person may not change (a programme on a server, where a lead changes only
 * the actions of their workstreams). */
static gboolean
refuse_write (PathwayPresenter *self)
{
  PathwayAction *action = pathway_presenter_get_action (self);
  g_autofree char *refusal = NULL;

  if (self->writable && action != NULL)
    refusal = pathway_document_dup_refusal (self->document, action);
  if (self->writable && refusal == NULL)
    return FALSE;
  /* The bar of keys says why; the next slide's hints say the programme's reason again. */
  if (refusal != NULL)
    {
      gtk_label_set_text (self->hint_reason, refusal);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_reason), TRUE);
    }
  _pathway_presenter_set_hints_visible (self, TRUE);
  return TRUE;
}

/* The prompt above the line typed names the line for a screen reader too: the entry is
 * labelled by the prompt, and its name is kept in step with it, as GTK 4.8 reads a relation's
 * label only when the entry has no name of its own. */
static void
set_prompt (PathwayPresenter *self, const char *prompt)
{
  gtk_label_set_text (self->note_prompt, prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prompt, -1);
}

void
_pathway_presenter_start_rating (PathwayPresenter *self, PathwayRating rating)
{
  PathwayAction *action = pathway_presenter_get_action (self);
  PathwayRatingScheme *scheme = scheme_of (self);
  PathwayRating current;
  g_autofree char *prompt = NULL;

  /* Blue only where the scheme rates blue. */
  if (action == NULL || !pathway_rating_scheme_offers (scheme, rating) || refuse_write (self))
    return;

  current = pathway_action_get_rating (action);
  self->pending_rating = rating;
  pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (self->note_badge), rating,
                                   pathway_record_rating_word (scheme, rating));
  if (current == rating)
    /* TRANSLATORS: the rating chosen is the one the action has, "Red, as it is" */
    prompt = g_strdup_printf (_("%s, as it is"), pathway_record_rating_word (scheme, rating));
  else
    /* TRANSLATORS: a new rating and the one it replaces, "Red, was Amber" */
    prompt = g_strdup_printf (_("%s, was %s"), pathway_record_rating_word (scheme, rating),
                              pathway_record_rating_word (scheme, current));
  set_prompt (self, prompt);
  gtk_entry_set_placeholder_text (self->entry, _("Why? A note for the record (optional)"));
  open_entry (self, PATHWAY_PRESENTER_ENTRY_RATING);
}

void
_pathway_presenter_start_note (PathwayPresenter *self)
{
  PathwayAction *action = pathway_presenter_get_action (self);
  g_autofree char *prompt = NULL;

  if (refuse_write (self))
    return;
  if (action != NULL)
    /* TRANSLATORS: a note or decision about one action, "About 1B vi" */
    prompt = g_strdup_printf (_("About %s"), pathway_action_get_reference (action));
  else
    prompt = g_strdup (_("About the meeting"));
  set_prompt (self, prompt);
  set_decision (self, FALSE);
  gtk_entry_set_placeholder_text (self->entry, _("Type the note or decision"));
  open_entry (self, PATHWAY_PRESENTER_ENTRY_NOTE);
}

/* A red action's recovery plan, agreed in the meeting: the bar holds the plan as it is, to be
 * changed and kept with Enter (it keeps its history like any field). */
void
_pathway_presenter_start_recovery (PathwayPresenter *self)
{
  PathwayAction *action = pathway_presenter_get_action (self);
  g_autofree char *prompt = NULL;

  if (refuse_write (self) || action == NULL)
    return;
  /* TRANSLATORS: the presenter's bar for a red action's recovery plan, "Recovery plan for
   * 1B iii" */
  prompt = g_strdup_printf (_("Recovery plan for %s"), pathway_action_get_reference (action));
  set_prompt (self, prompt);
  gtk_entry_set_placeholder_text (self->entry,
                                  _("What will bring it back on track, by when, and who"));
  open_entry (self, PATHWAY_PRESENTER_ENTRY_RECOVERY);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), pathway_action_get_recovery_plan (action));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

void
_pathway_presenter_cancel_note (PathwayPresenter *self)
{
  if (self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE)
    close_entry (self);
}

static gboolean
store_summary (PathwayPresenter *self, GPtrArray *entries, GError **error)
{
  g_autofree char *text = NULL;

  if (self->meeting == NULL || !self->writable)
    return TRUE;
  text = pathway_record_format_summary (self->prior_summary, entries, scheme_of (self));
  if (g_strcmp0 (text, pathway_meeting_get_summary (self->meeting)) == 0)
    return TRUE;
  return pathway_document_set_text (self->document, self->meeting, "summary", text, error);
}

/* A rating key's note is what the room says about the action now: it goes with the new
 * rating (or, the rating staying as it is, is kept as a note) and becomes the action's latest
 * commentary, dated today, in one step that one undo takes back. Without a note only a
 * change of rating is written. */
static gboolean
write_rating (PathwayPresenter *self, PathwayAction *action, PathwayRating rating,
              const char *note, gboolean *wrote, GError **error)
{
  gboolean rerated = pathway_action_get_rating (action) != rating;
  g_autofree char *label = NULL;

  *wrote = FALSE;
  if (*note == '\0')
    {
      if (!rerated)
        return TRUE;
      return *wrote = pathway_document_set_rating (self->document, action, rating, note, error);
    }

  /* TRANSLATORS: the undo step of a re-rating with a note in a meeting, "Re-rating of 1B vi" */
  label = g_strdup_printf (_("Re-rating of %s"), pathway_action_get_reference (action));
  if (!pathway_document_begin_batch (self->document, label, error))
    return FALSE;
  if ((rerated ? pathway_document_set_rating (self->document, action, rating, note, error)
               : pathway_document_add_note (self->document, action, "note", note, error)) &&
      pathway_document_set_commentary (self->document, action, note, error) &&
      pathway_document_commit_batch (self->document, error))
    {
      *wrote = TRUE;
      return TRUE;
    }
  pathway_document_rollback_batch (self->document);
  return FALSE;
}

/* The room sees the slide change; a screen reader is told in words. */
static void
announce_saved (PathwayPresenter *self, PathwayAction *action)
{
  g_autofree char *words = NULL;

  if (self->entry_mode == PATHWAY_PRESENTER_ENTRY_RATING && action != NULL)
    {
      PathwayRatingScheme *scheme = scheme_of (self);

      /* TRANSLATORS: said to a screen reader after a rating in a meeting, "1B vi rated Red" */
      words = g_strdup_printf (_("%s rated %s"), pathway_action_get_reference (action),
                               pathway_record_rating_word (scheme, self->pending_rating));
    }
  else if (self->entry_mode == PATHWAY_PRESENTER_ENTRY_RECOVERY)
    words = g_strdup (_("Recovery plan saved"));
  else
    words = g_strdup (self->decision ? _("Decision recorded") : _("Note recorded"));
  pathway_announce (GTK_WIDGET (self), words);
}

void
_pathway_presenter_save_note (PathwayPresenter *self)
{
  PathwayAction *action = pathway_presenter_get_action (self);
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(GError) error = NULL;
  gboolean wrote = FALSE;
  gboolean ok = TRUE;

  if (self->entry_mode == PATHWAY_PRESENTER_ENTRY_RECOVERY && action != NULL)
    {
      if (g_strcmp0 (text, pathway_action_get_recovery_plan (action)) != 0)
        ok = wrote = pathway_document_set_text (self->document, action, "recovery-plan", text,
                                                &error);
    }
  else if (self->entry_mode == PATHWAY_PRESENTER_ENTRY_RATING && action != NULL)
    ok = write_rating (self, action, self->pending_rating, text, &wrote, &error);
  else if (self->entry_mode == PATHWAY_PRESENTER_ENTRY_NOTE)
    {
      const char *kind = self->decision ? "decision" : "note";

      if (*text == '\0')
        {
          set_problem (self, _("Type the note first, or press Escape to leave it."));
          return;
        }
      if (action != NULL)
        ok = pathway_document_add_note (self->document, action, kind, text, &error);
      else
        {
          g_autoptr(GPtrArray) entries = NULL;

          g_ptr_array_add (self->general,
                           pathway_record_entry_new (self->decision ? PATHWAY_RECORD_DECISION
                                                                    : PATHWAY_RECORD_NOTE,
                                                     NULL, text));
          /* It lives only in the summary: write that now, not only when leaving. */
          entries = collect_record (self, &error);
          ok = entries != NULL && store_summary (self, entries, &error);
          if (!ok)
            g_ptr_array_remove_index (self->general, self->general->len - 1);
        }
      wrote = ok;
    }

  if (!ok)
    {
      /* The entry stays open with its text, so nothing typed is lost. */
      set_problem (self, error->message);
      return;
    }
  if (wrote)
    {
      self->recorded = TRUE;
      announce_saved (self, action);
    }
  close_entry (self);
  /* A note changes nothing the model notifies (the closing slide lists it): ask for the
   * refresh that a re-rating's notifications have queued already, so there is one. */
  pathway_refresh_queue (&self->refresh);
}

/* Leaving ------------------------------------------------------------------------------------ */

static void
summary_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  if (g_str_equal (response, "copy"))
    {
      const char *text = g_object_get_data (G_OBJECT (dialog), "summary");

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), text);
    }
}

/* The summary for the dialog: headings in bold, entries as written (escaped). */
static char *
summary_markup (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = NULL;

      if (g_str_has_prefix (lines[i], "- "))
        line = g_markup_printf_escaped ("•  %s", lines[i] + 2);
      else
        line = g_markup_printf_escaped (i > 0 ? "\n<b>%s</b>" : "<b>%s</b>", lines[i]);
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }
  return g_string_free (markup, FALSE);
}

static GtkWindow *
show_summary (PathwayPresenter *self, GPtrArray *entries, const GError *error)
{
  g_autofree char *text = pathway_record_format_summary (NULL, entries, scheme_of (self));
  g_autofree char *date = format_date (meeting_date (self), "%-d %B %Y");
  g_autofree char *body = NULL;
  g_autofree char *markup = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scroller, *label;

  if (error != NULL)
    body = g_strdup_printf (_("This summary could not be stored with the meeting: %s "
                              "Copy it before closing this."),
                            error->message);
  else
    body = g_strdup_printf (_("Stored with the meeting of %s. The next board pack lists it "
                              "under the movements since the last meeting."),
                            date);
  /* Heading and body are plain text. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Meeting Summary"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "presenter-summary");
  adw_message_dialog_add_responses (dialog, "copy", _("_Copy"), "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);

  label = gtk_label_new (NULL);
  gtk_widget_set_name (label, "presenter-summary-text");
  markup = summary_markup (text);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "presenter-summary-text");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* Wide enough for an entry to read on one or two lines; tall enough for a dozen lines
   * before it scrolls. */
  gtk_widget_set_size_request (scroller, 560, -1);
  {
    guint n_lines = 1;

    for (const char *c = text; *c != '\0'; c++)
      n_lines += *c == '\n';
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                MIN (n_lines * 20 + 24, 360));
  }
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);
  g_object_set_data_full (G_OBJECT (dialog), "summary", g_steal_pointer (&text), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (summary_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
pathway_presenter_leave (PathwayPresenter *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog = NULL;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);

  if (self->left)
    return NULL;
  self->left = TRUE;
  if (self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE)
    close_entry (self);
  _pathway_presenter_update_actions (self);

  if (self->meeting != NULL)
    {
      entries = collect_record (self, &error);
      /* Nothing is stored, or shown, for a meeting where nothing was recorded. */
      if (entries != NULL && self->writable && (entries->len > 0 || self->recorded))
        {
          g_autofree char *text = pathway_record_format_summary (self->prior_summary, entries,
                                                                 scheme_of (self));

          /* Only a record that changed while presenting is written: a summary written by
           * hand, or in another form than ours, stays as it was when nothing was recorded,
           * and so does the file. */
          if (g_strcmp0 (text, self->opening_summary) != 0)
            store_summary (self, entries, &error);
          dialog = show_summary (self, entries, error);
        }
      else if (entries == NULL)
        g_debug ("No record of the meeting: %s", error->message);
    }
  pathway_document_set_meeting (self->document, NULL);

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return dialog;
}

static gboolean
pathway_presenter_close_request (GtkWindow *window)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (window);

  /* Closed by the window manager: leave as Escape does, so the summary is kept. */
  if (!self->left)
    {
      pathway_presenter_leave (self);
      return TRUE;
    }
  return FALSE;
}

char *
pathway_presenter_dup_summary (PathwayPresenter *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);

  entries = collect_record (self, NULL);
  return pathway_record_format_summary (self->prior_summary, entries, scheme_of (self));
}

/* Type size of the bars --------------------------------------------------------------------- */

static gboolean
update_css_cb (gpointer data)
{
  PathwayPresenter *self = data;
  g_autofree char *css = NULL;

  self->css_idle = 0;
  css = g_strdup_printf ("window.presenter .presenter-bar { font-size: %dpx; }", self->bar_px);
  gtk_css_provider_load_from_data (self->css, css, -1);
  return G_SOURCE_REMOVE;
}

static void
pathway_presenter_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  int window_w = surface != NULL ? gdk_surface_get_width (surface) : width;
  int window_h = surface != NULL ? gdk_surface_get_height (surface) : height;
  double scale = CLAMP (MIN (window_w / 1024.0, window_h / 768.0), 0.5, 4.0);
  int px = (int) round (24 * scale);

  GTK_WIDGET_CLASS (pathway_presenter_parent_class)->size_allocate (widget, width, height,
                                                                    baseline);
  /* The bars' type follows the window's size as the slide's does; changing style during
   * allocation would allocate again, so it waits for an idle. */
  if (px != self->bar_px)
    {
      self->bar_px = px;
      if (self->css_idle == 0)
        self->css_idle = g_idle_add (update_css_cb, self);
    }
}

/* Class ---------------------------------------------------------------------------------------- */

PathwayMeeting *
pathway_presenter_get_meeting (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  return self->meeting;
}

GListModel *
pathway_presenter_get_actions (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  return G_LIST_MODEL (self->actions);
}

GListModel *
pathway_presenter_get_coproduction (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  return G_LIST_MODEL (self->coproduction);
}

PathwayPresenterSlide *
pathway_presenter_get_slide (PathwayPresenter *self)
{
  g_return_val_if_fail (PATHWAY_IS_PRESENTER (self), NULL);
  return self->slide;
}

static void
dark_changed_cb (PathwayPresenter *self)
{
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
pathway_presenter_dispose (GObject *object)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (object);

  if (self->document != NULL && !self->left)
    pathway_document_set_meeting (self->document, NULL);
  self->left = TRUE;
  pathway_refresh_clear (&self->refresh);
  g_clear_object (&self->shown_action);
  g_clear_object (&self->shown_entry);
  g_clear_handle_id (&self->css_idle, g_source_remove);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->document);
  g_clear_object (&self->meeting);
  g_clear_object (&self->previous);
  g_clear_object (&self->board);
  g_clear_object (&self->actions);
  g_clear_object (&self->coproduction);
  g_clear_pointer (&self->previous_states, g_array_unref);
  g_clear_pointer (&self->general, g_ptr_array_unref);
  g_clear_pointer (&self->prior_summary, g_free);
  g_clear_pointer (&self->opening_summary, g_free);
  g_clear_pointer (&self->why_read_only, g_free);

  G_OBJECT_CLASS (pathway_presenter_parent_class)->dispose (object);
}

static void
pathway_presenter_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_NOTE_KIND:
      g_value_set_string (value, self->decision ? "decision" : "note");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_presenter_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_NOTE_KIND:
      set_decision (self, g_strcmp0 (g_value_get_string (value), "decision") == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_presenter_map (GtkWidget *widget)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);

  pathway_refresh_map (&self->refresh);
  GTK_WIDGET_CLASS (pathway_presenter_parent_class)->map (widget);
}

static void
pathway_presenter_class_init (PathwayPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathway_presenter_dispose;
  object_class->get_property = pathway_presenter_get_property;
  object_class->set_property = pathway_presenter_set_property;
  widget_class->map = pathway_presenter_map;
  widget_class->size_allocate = pathway_presenter_size_allocate;
  window_class->close_request = pathway_presenter_close_request;

  /* What the note being typed is recorded as: "note" or "decision" (presenter.note-kind). */
  properties[PROP_NOTE_KIND] =
    g_param_spec_string ("note-kind", NULL, NULL, "note",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _pathway_presenter_class_actions_init (klass);
}

/* Choosing note or decision with the pointer (or Alt+N, Alt+D) leaves the typing where it was. */
static void
note_kind_changed_cb (PathwayPresenter *self)
{
  if (self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
entry_activate_cb (PathwayPresenter *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "presenter.save-note", NULL);
}

static GtkWidget *
new_kind_toggle (const char *mnemonic, const char *kind)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (mnemonic);

  /* A click leaves the focus in the entry, where Enter saves. */
  gtk_widget_set_focus_on_click (toggle, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "presenter.note-kind");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (toggle), "s", kind);
  return toggle;
}

static GtkWidget *
new_bar (void)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  gtk_widget_add_css_class (bar, "presenter-bar");
  return bar;
}

static void
build (PathwayPresenter *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *keys_box, *row;

  adw_window_set_content (ADW_WINDOW (self), box);

  /* The slide keys are bound on the slide (pathway-presenter-actions.c), so the slide holds
   * the focus whenever no note is being typed: it is the only thing here that takes focus
   * then, and closing the note bar gives the focus back to it. Anything focusable added to
   * the bars must hand the focus back too, or the clicker's keys stop working. */
  self->slide = PATHWAY_PRESENTER_SLIDE (pathway_presenter_slide_new ());
  gtk_widget_set_focusable (GTK_WIDGET (self->slide), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->slide));

  /* The note bar: what is being recorded above a line as wide as the slide to type it in. */
  self->note_bar = new_bar ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->note_bar), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self->note_bar), 10);
  gtk_widget_set_name (self->note_bar, "presenter-note-bar");
  gtk_widget_add_css_class (self->note_bar, "presenter-note-bar");
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  self->note_badge = pathway_rating_badge_new ();
  gtk_box_append (GTK_BOX (row), self->note_badge);
  self->note_kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->note_kinds, "linked");
  gtk_box_append (GTK_BOX (self->note_kinds), new_kind_toggle (_("_Note"), "note"));
  gtk_box_append (GTK_BOX (self->note_kinds), new_kind_toggle (_("_Decision"), "decision"));
  g_signal_connect (self, "notify::note-kind", G_CALLBACK (note_kind_changed_cb), NULL);
  gtk_box_append (GTK_BOX (row), self->note_kinds);
  self->note_prompt = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->note_prompt, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->note_prompt, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_prompt), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_prompt), "presenter-note-prompt");
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->note_prompt));
  self->note_help = gtk_label_new (_("Enter saves, Esc cancels"));
  gtk_widget_add_css_class (self->note_help, "presenter-help");
  gtk_box_append (GTK_BOX (row), self->note_help);
  gtk_box_append (GTK_BOX (self->note_bar), row);
  self->note_problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->note_problem), "presenter-note-problem");
  gtk_label_set_wrap (self->note_problem, TRUE);
  gtk_label_set_xalign (self->note_problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_problem), "presenter-note-problem");
  gtk_widget_set_visible (GTK_WIDGET (self->note_problem), FALSE);
  gtk_box_append (GTK_BOX (self->note_bar), GTK_WIDGET (self->note_problem));
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "presenter-note-entry");
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  /* Enter saves; Escape reaches the window's binding (the entry has none). */
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->note_prompt, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->note_help, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (self->note_bar), GTK_WIDGET (self->entry));
  gtk_widget_set_visible (self->note_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->note_bar);

  /* The bar of keys. */
  self->hint_bar = new_bar ();
  gtk_widget_set_name (self->hint_bar, "presenter-hints");
  gtk_widget_add_css_class (self->hint_bar, "presenter-hints");
  keys_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (keys_box, TRUE);
  self->hint_keys = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_keys, TRUE);
  gtk_label_set_xalign (self->hint_keys, 0);
  gtk_box_append (GTK_BOX (keys_box), GTK_WIDGET (self->hint_keys));
  self->hint_reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->hint_reason), "presenter-read-only");
  gtk_label_set_wrap (self->hint_reason, TRUE);
  gtk_label_set_xalign (self->hint_reason, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_reason), "presenter-read-only");
  gtk_box_append (GTK_BOX (keys_box), GTK_WIDGET (self->hint_reason));
  gtk_box_append (GTK_BOX (self->hint_bar), keys_box);
  gtk_widget_set_visible (self->hint_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->hint_bar);
}

static void
pathway_presenter_init (PathwayPresenter *self)
{
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  gtk_window_set_title (GTK_WINDOW (self), _("Meeting"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  self->general = g_ptr_array_new_with_free_func ((GDestroyNotify) pathway_record_entry_free);
  pathway_refresh_init (&self->refresh, self, refresh_cb);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  build (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self);
}

PathwayPresenter *
pathway_presenter_new (GtkWindow *parent, PathwayDocument *document, PathwayMeeting *meeting,
                       GListModel *actions)
{
  PathwayPresenter *self;
  PathwayProgramme *programme;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (meeting == NULL || PATHWAY_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (actions == NULL || G_IS_LIST_MODEL (actions), NULL);

  self = g_object_new (PATHWAY_TYPE_PRESENTER, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->document = g_object_ref (document);
  self->meeting = meeting != NULL ? g_object_ref (meeting) : NULL;
  programme = pathway_document_get_programme (document);
  pathway_document_get_today (document, &self->today);
  if (meeting != NULL)
    {
      PathwayBoard *board = pathway_programme_find_board (programme,
                                                          pathway_meeting_get_board_id (meeting));
      PathwayMeeting *previous = pathway_document_previous_meeting (document, meeting);

      self->board = board != NULL ? g_object_ref (board) : NULL;
      self->previous = previous != NULL ? g_object_ref (previous) : NULL;
    }
  if (self->previous != NULL)
    {
      self->previous_states = pathway_document_states_as_at (
        document, pathway_meeting_get_date (self->previous), &error);
      if (self->previous_states == NULL)
        {
          g_debug ("No ratings at the previous meeting: %s", error->message);
          g_clear_error (&error);
        }
    }

  /* The actions, copied: the list stays as it was when the meeting started. */
  self->actions = g_list_store_new (PATHWAY_TYPE_ACTION);
  {
    g_autoptr(GListModel) chosen = actions != NULL
                                     ? g_object_ref (actions)
                                     : pathway_document_actions_to_present (document, meeting,
                                                                            &self->today, &error);

    for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (chosen, i);

        if (PATHWAY_IS_ACTION (item))
          g_list_store_append (self->actions, item);
      }
    if (chosen == NULL)
      {
        g_debug ("No actions to present: %s", error->message);
        g_clear_error (&error);
      }
  }

  /* What families, young people and schools said since the board last met. */
  self->coproduction = G_LIST_STORE (pathway_document_coproduction_to_present (
    document, meeting, &self->today, &self->coproduction_since));

  /* Whether anything can be recorded, and if not, why. */
  self->writable = meeting != NULL && !pathway_document_get_read_only (document);
  if (pathway_document_get_read_only (document))
    {
      const char *reason = pathway_document_get_read_only_reason (document);

      if (reason != NULL && *reason != '\0')
        /* TRANSLATORS: %s says why the programme is read-only, as a sentence */
        self->why_read_only = g_strdup_printf (_("%s The rating and note keys are off."),
                                               reason);
      else
        self->why_read_only = g_strdup (_("This programme is open read-only. The rating and "
                                          "note keys are off."));
    }
  else if (meeting == NULL)
    self->why_read_only = g_strdup (_("No meeting was chosen to record in. The rating and "
                                      "note keys are off."));

  /* What the meeting's summary said already: text written by hand stays first, and its
   * notes and decisions about the meeting as a whole are kept. */
  if (meeting != NULL)
    {
      recorded = pathway_record_collect (document, meeting, NULL, &error);
      pathway_record_parse_summary (pathway_meeting_get_summary (meeting), recorded,
                                    pathway_programme_get_rating_scheme (programme),
                                    &self->prior_summary, self->general);
      g_clear_error (&error);
      g_clear_pointer (&recorded, g_ptr_array_unref);
      recorded = collect_record (self, NULL);
      self->opening_summary =
        pathway_record_format_summary (self->prior_summary, recorded,
                                       pathway_programme_get_rating_scheme (programme));
    }

  if (self->writable)
    pathway_document_set_meeting (document, meeting);

  title = g_strdup_printf (_("Meeting: %s"),
                           self->board != NULL ? pathway_board_get_name (self->board)
                                               : pathway_programme_get_name (programme));
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_hints (self);
  _pathway_presenter_set_hints_visible (self, !self->writable);
  pathway_refresh_now_or_later (&self->refresh);
  _pathway_presenter_update_actions (self);
  return self;
}

void
pathway_presenter_present (PathwayPresenter *self, GdkMonitor *monitor)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (go_fullscreen)
    {
      if (monitor != NULL)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
      else
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->slide));
}

GdkMonitor *
pathway_presenter_default_monitor (GtkWindow *main)
{
  GdkDisplay *display;
  GListModel *monitors;
  GdkSurface *surface;
  GdkMonitor *main_monitor = NULL;

  g_return_val_if_fail (main == NULL || GTK_IS_WINDOW (main), NULL);

  display = main != NULL ? gtk_widget_get_display (GTK_WIDGET (main)) : gdk_display_get_default ();
  monitors = gdk_display_get_monitors (display);
  if (g_list_model_get_n_items (monitors) < 2)
    return NULL;
  surface = main != NULL ? gtk_native_get_surface (GTK_NATIVE (main)) : NULL;
  if (surface != NULL)
    main_monitor = gdk_display_get_monitor_at_surface (display, surface);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != main_monitor)
        return monitor; /* the display keeps it */
    }
  return NULL;
}
