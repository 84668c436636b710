/* pathway-pack.c: the board pack's content. Reads the programme as it stood on the as-at date
 * (ratings, statuses and commentary from the history; the risk log and "you said, we did"
 * entries field by field), compares it with the board's previous meeting, and writes the
 * sections as blocks for the page maker (pathway-pack-flow.c). Draws the running header and
 * footer of each page, and writes the PDF. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "pathway-chart.h"
#include "pathway-pack-flow.h"
#include "pathway-pack-private.h"
#include "pathway-pack.h"
#include "pathway-reference.h"
#include "pathway-safe-file.h"

static const struct {
  const char *key;
  const char *title;
} sections[PATHWAY_PACK_N_SECTIONS] = {
  { "introduction", N_("Introduction") },
  { "headlines", N_("Headlines") },
  { "current-rating", N_("Current rating") },
  { "recommendation", N_("Recommendation") },
  { "decisions", N_("Decisions for the board") },
  { "red", N_("Red actions") },
  { "amber", N_("Amber actions") },
  { "workstreams", N_("Workstream progress") },
  { "indicators", N_("Indicators") },
  { "overdue", N_("Overdue and slipped actions") },
  { "risks", N_("Risks and issues") },
  { "you-said-we-did", N_("You said, we did") },
  { "appendix", N_("Appendix: the whole tracker") },
};

const char *
pathway_pack_section_key (PathwayPackSection section)
{
  g_return_val_if_fail (section < PATHWAY_PACK_N_SECTIONS, NULL);
  return sections[section].key;
}

const char *
pathway_pack_section_title (PathwayPackSection section)
{
  g_return_val_if_fail (section < PATHWAY_PACK_N_SECTIONS, NULL);
  return _(sections[section].title);
}

guint
pathway_pack_sections_parse (const char *text)
{
  g_auto(GStrv) keys = NULL;
  guint set = 0;

  if (text == NULL || *text == '\0')
    return PATHWAY_PACK_SECTIONS_DEFAULT;
  keys = g_strsplit (text, ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_strstrip (keys[i]);
      for (guint s = 0; s < PATHWAY_PACK_N_SECTIONS; s++)
        if (g_str_equal (keys[i], sections[s].key))
          set |= 1u << s;
    }
  return set;
}

char *
pathway_pack_sections_to_string (guint set)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < PATHWAY_PACK_N_SECTIONS; s++)
    if (set & (1u << s))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", sections[s].key);
  return g_string_free (out, FALSE);
}

/* One action as it stood on the as-at date. */
typedef struct {
  PathwayAction *action;
  PathwayRating rating;
  PathwayStatus status;
  const char *commentary;
  gint64 commentary_at;      /* when the commentary was written; 0: never */
  char *sort_key;            /* pathway_action_sort_key */
} Entry;

struct _PathwayPack
{
  GObject parent_instance;

  PathwayDocument *document;
  PathwayProgramme *programme;
  PathwayMeeting *meeting;
  PathwayBoard *board;
  PathwayMeeting *previous;
  GDate as_at;
  char *title;
  char *footer_left;
  char *header_left;
  char *classification;
  GArray *states;          /* PathwayActionState, as at */
  GArray *entries;         /* Entry, by workstream and reference */
  GArray *previous_states; /* PathwayActionState, at the previous meeting; NULL without one */
  GPtrArray *texts;        /* strings made for the blocks, kept while the pack is */
  guint n_recorded_later;  /* changes true by the as-at day but recorded after it */
  PackFlow *flow;
};

G_DEFINE_FINAL_TYPE (PathwayPack, pathway_pack, G_TYPE_OBJECT)

static void
clear_entry (gpointer pointer)
{
  Entry *entry = pointer;

  g_free (entry->sort_key);
}

static void
pathway_pack_finalize (GObject *object)
{
  PathwayPack *self = PATHWAY_PACK (object);

  g_clear_pointer (&self->flow, pack_flow_free);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->states, g_array_unref);
  g_clear_pointer (&self->previous_states, g_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->meeting);
  g_clear_object (&self->previous);
  g_free (self->title);
  g_free (self->footer_left);
  g_free (self->header_left);
  g_free (self->classification);

  G_OBJECT_CLASS (pathway_pack_parent_class)->finalize (object);
}

static void
pathway_pack_class_init (PathwayPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_pack_finalize;
}

static void
pathway_pack_init (PathwayPack *self)
{
  self->texts = g_ptr_array_new_with_free_func (g_free);
}

/* Words ------------------------------------------------------------------------------------- */

static char *
format_date (const GDate *date)
{
  char text[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("no date"));
  g_date_strftime (text, sizeof text, "%-d %B %Y", date);
  return g_strdup (text);
}

static const char *
rating_word (PathwayPack *self, PathwayRating rating)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);

  if (rating == PATHWAY_RATING_NONE)
    return _("Not rated");
  return pathway_rating_scheme_get_label (scheme, rating);
}

static const char *
status_word (PathwayStatus status)
{
  switch (status)
    {
    case PATHWAY_STATUS_NOT_STARTED:
      return _("Not started");
    case PATHWAY_STATUS_ON_TRACK:
      return _("On track");
    case PATHWAY_STATUS_DELAYED:
      return _("Delayed");
    case PATHWAY_STATUS_COMPLETE:
      return _("Complete");
    case PATHWAY_STATUS_SUSPENDED:
      return _("Suspended");
    default:
      return "";
    }
}

/* A timescale as it cannot be misread ("December 2025", not "Dec 25"); the pack keeps the
 * text until it is finalized. */
static const char *
timescale_text_of (PathwayPack *self, const PathwayTimescale *timescale)
{
  char *text;

  if (timescale == NULL || *timescale->text == '\0')
    return "";
  text = pathway_timescale_dup_display (timescale);
  g_ptr_array_add (self->texts, text);
  return text;
}

static const char *
lead_name (PathwayAction *action)
{
  PathwayPerson *lead = pathway_action_get_lead (action);

  return lead != NULL ? pathway_person_get_name (lead) : "";
}

static char *
workstream_name (PathwayWorkstream *workstream)
{
  if (workstream == NULL)
    return g_strdup (_("No workstream"));
  if (*pathway_workstream_get_code (workstream) == '\0')
    return g_strdup (pathway_workstream_get_title (workstream));
  return g_strdup_printf ("%s  %s", pathway_workstream_get_code (workstream),
                          pathway_workstream_get_title (workstream));
}

/* The first sentence of an action's description, for tables where space is short. */
static const char *
description (PathwayAction *action)
{
  return pathway_action_get_description (action);
}

/* When the commentary was written, in words, and whether it is older than the programme's
 * stale limit before the as-at day: "Updated 28 August 2026" or "Not updated since 28 August
 * 2026". NULL when there is no commentary. */
static char *
commentary_date (PathwayPack *self, const Entry *entry, gboolean *stale)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *day = NULL;
  GDate written, limit;

  *stale = FALSE;
  if (entry->commentary_at == 0 || *entry->commentary == '\0')
    return NULL;
  moment = g_date_time_new_from_unix_local (entry->commentary_at);
  g_date_clear (&written, 1);
  g_date_set_dmy (&written, g_date_time_get_day_of_month (moment),
                  g_date_time_get_month (moment), g_date_time_get_year (moment));
  day = format_date (&written);
  limit = self->as_at;
  g_date_subtract_days (&limit, (guint) MAX (pathway_programme_get_stale_days (self->programme),
                                             0));
  *stale = g_date_compare (&written, &limit) < 0;
  return *stale ? g_strdup_printf (_("Not updated since %s"), day)
                : g_strdup_printf (_("Updated %s"), day);
}

/* Gathering --------------------------------------------------------------------------------- */

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;

  return strcmp (x->sort_key, y->sort_key);
}

static gboolean
gather (PathwayPack *self, GError **error)
{
  self->states = pathway_document_states_as_at (self->document, &self->as_at, error);
  if (self->states == NULL)
    return FALSE;

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
  for (guint i = 0; i < self->states->len; i++)
    {
      PathwayActionState *state = &g_array_index (self->states, PathwayActionState, i);
      /* An action deleted since the as-at day is still in the pack for that day. */
      PathwayAction *action = pathway_programme_find_record (self->programme,
                                                             PATHWAY_TYPE_ACTION,
                                                             state->action_id);
      Entry entry = { 0 };

      if (action == NULL)
        continue;
      entry.action = action;
      entry.rating = state->rating;
      entry.status = state->status;
      entry.commentary = state->commentary;
      entry.commentary_at = state->commentary_at;
      entry.sort_key = pathway_action_sort_key (action);
      g_array_append_val (self->entries, entry);
    }
  g_array_sort (self->entries, compare_entries);

  self->n_recorded_later = pathway_document_count_recorded_after (self->document, &self->as_at,
                                                                  error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (self->previous != NULL)
    {
      self->previous_states = pathway_document_states_as_at (
        self->document, pathway_meeting_get_date (self->previous), error);
      if (self->previous_states == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
count_ratings (PathwayPack *self, PathwayWorkstream *workstream, guint counts[PATHWAY_N_RATINGS],
               guint *complete)
{
  memset (counts, 0, sizeof (guint) * PATHWAY_N_RATINGS);
  if (complete != NULL)
    *complete = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (workstream != NULL && pathway_action_get_workstream (entry->action) != workstream)
        continue;
      counts[entry->rating]++;
      if (complete != NULL && (entry->status == PATHWAY_STATUS_COMPLETE
                               || entry->rating == PATHWAY_RATING_BLUE))
        (*complete)++;
    }
}

static gboolean
is_overdue (PathwayPack *self, Entry *entry)
{
  const PathwayTimescale *due = pathway_action_get_due_timescale (entry->action);

  if (entry->status == PATHWAY_STATUS_COMPLETE || entry->rating == PATHWAY_RATING_BLUE)
    return FALSE;
  return due != NULL && g_date_valid (&due->date) && g_date_compare (&due->date, &self->as_at) < 0;
}

/* Sections ---------------------------------------------------------------------------------- */

static void
add_header_block (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  g_autofree char *meeting_date = format_date (pathway_meeting_get_date (self->meeting));
  g_autofree char *as_at = format_date (&self->as_at);
  const char *meeting_title = pathway_meeting_get_title (self->meeting);
  g_autofree char *meeting_line = *meeting_title != '\0'
                                    ? g_strdup_printf ("%s: %s", meeting_date, meeting_title)
                                    : g_strdup (meeting_date);
  const char *report_by = pathway_meeting_get_report_by (self->meeting);
  const char *report_for = pathway_meeting_get_report_for (self->meeting);

  pack_flow_begin_section (flow, _("Summary"), FALSE);
  pack_flow_title (flow, self->title);
  pack_flow_label_value (flow, _("Programme"), pathway_programme_get_name (self->programme));
  pack_flow_label_value (flow, _("Board"), pathway_board_get_name (self->board));
  pack_flow_label_value (flow, _("Meeting"), meeting_line);
  if (*pathway_meeting_get_location (self->meeting) != '\0')
    pack_flow_label_value (flow, _("Where"), pathway_meeting_get_location (self->meeting));
  if (*report_by != '\0')
    pack_flow_label_value (flow, _("Report by"), report_by);
  pack_flow_label_value (flow, _("Report for"),
                         *report_for != '\0' ? report_for
                                             : _("Information, discussion and decision"));
  pack_flow_label_value (flow, _("Classification"), self->classification);
  pack_flow_label_value (flow, _("Ratings as at"), as_at);
  /* A pack for a past day made after history for it came in says so: one made on the day
   * showed less. */
  if (self->n_recorded_later > 0)
    {
      g_autofree char *later = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "Includes %u change for this period recorded after %s",
                     "Includes %u changes for this period recorded after %s",
                     self->n_recorded_later),
        self->n_recorded_later, as_at);

      pack_flow_label_value (flow, _("History"), later);
    }
  pack_flow_space (flow, 6);
}

static void
add_introduction (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  guint counts[PATHWAY_N_RATINGS], complete, total = self->entries->len;
  g_autofree char *as_at = format_date (&self->as_at);
  g_autofree char *text = NULL;
  count_ratings (self, NULL, counts, &complete);
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_INTRODUCTION),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_INTRODUCTION));
  /* The programme's name stands in the header block; the sentences read right whatever it
   * is called. */
  if (total == 0)
    text = g_strdup_printf (_("This report sets out the programme’s progress as it stood on %s. "
                              "The programme has no actions yet."), as_at);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This report sets out the programme’s progress as it "
                                         "stood on %s. It has %u action, and %u of them (%.0f%%) "
                                         "is complete.",
                                         "This report sets out the programme’s progress as it "
                                         "stood on %s. It has %u actions, and %u of them (%.0f%%) "
                                         "are complete.",
                                         total),
                            as_at, total, complete, 100.0 * complete / total);
  pack_flow_paragraph (flow, text, PACK_FONT_BODY);
  if (*pathway_programme_get_vision (self->programme) != '\0')
    pack_flow_paragraph (flow, pathway_programme_get_vision (self->programme), PACK_FONT_BODY);
  pack_flow_paragraph (flow, _("Each action is rated by its lead and agreed by the board on "
                               "this scale:"), PACK_FONT_BODY);
  for (PathwayRating r = PATHWAY_RATING_RED; r <= PATHWAY_RATING_BLUE; r++)
    {
      if (r == PATHWAY_RATING_BLUE && !pathway_rating_scheme_get_uses_blue (scheme))
        continue;
      pack_flow_rating_line (flow, r, pathway_rating_scheme_get_definition (scheme, r));
    }
  pack_flow_space (flow, 6);
}

/* A chart of the pack carries whether it prints in black and white. */
static gpointer
styled (PathwayPack *self, gpointer chart)
{
  g_object_set_data (G_OBJECT (chart), "pathway-black-and-white",
                     GINT_TO_POINTER (pathway_meeting_get_black_and_white (self->meeting)));
  return chart;
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  PathwayChart *chart = PATHWAY_CHART (data);

  pathway_chart_draw (chart, cr, width, height,
                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chart),
                                                          "pathway-black-and-white"))
                        ? PATHWAY_CHART_STYLE_PRINT : PATHWAY_CHART_STYLE_PRINT_COLOUR);
}

static int
rating_rank (PathwayRating rating)
{
  return rating == PATHWAY_RATING_NONE ? 0 : (int) rating;
}

static void
add_movements (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.10, 0.54, 0.18, 0.18 };
  const char *headers[] = { _("Ref"), _("Action"), _("Was"), _("Now") };
  g_autofree char *previous_date = NULL;
  g_autofree char *heading = NULL;
  PackTable *table = NULL;
  gboolean any = FALSE;

  if (self->previous == NULL)
    {
      pack_flow_subheading (flow, _("Movements since the last meeting"));
      pack_flow_paragraph (flow, _("This is the board's first meeting: there are no earlier "
                                   "ratings to compare with."), PACK_FONT_BODY);
      return;
    }
  previous_date = format_date (pathway_meeting_get_date (self->previous));
  heading = g_strdup_printf (_("Movements since the last meeting (%s)"), previous_date);
  pack_flow_subheading (flow, heading);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean started = FALSE;

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = &g_array_index (self->entries, Entry, i);
          gint64 id = pathway_action_get_id (entry->action);
          const PathwayActionState *before = pathway_action_states_find (self->previous_states,
                                                                         id);
          PathwayRating was;
          int change;

          if (before == NULL)
            continue;
          was = before->rating;
          if (was == PATHWAY_RATING_NONE || entry->rating == PATHWAY_RATING_NONE)
            continue;
          change = rating_rank (entry->rating) - rating_rank (was);
          if ((pass == 0 && change <= 0) || (pass == 1 && change >= 0))
            continue;
          if (table == NULL)
            table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
          if (!started)
            pack_flow_table_group_row (flow, table, pass == 0 ? _("Rating went up")
                                                              : _("Rating went down"));
          started = TRUE;
          {
            PackCell cells[] = {
              { pathway_action_get_reference (entry->action), 0, TRUE },
              { description (entry->action), 0, FALSE },
              { NULL, was, FALSE },
              { NULL, entry->rating, FALSE },
            };

            pack_flow_table_row (flow, table, cells);
          }
          any = TRUE;
        }
    }
  if (table != NULL)
    pack_flow_end_table (flow, table);
  if (!any)
    pack_flow_paragraph (flow, _("No action's rating went up or down."), PACK_FONT_BODY);

  if (*pathway_meeting_get_summary (self->previous) != '\0')
    {
      pack_flow_subheading (flow, _("Recorded at the last meeting"));
      pack_flow_paragraph (flow, pathway_meeting_get_summary (self->previous), PACK_FONT_BODY);
    }
}

static void
add_current_rating (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  gboolean blue = pathway_rating_scheme_get_uses_blue (scheme);
  guint counts[PATHWAY_N_RATINGS];
  GListModel *workstreams = pathway_programme_get_workstreams (self->programme);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
  PackTable *table;
  double share;
  guint n_columns;

  count_ratings (self, NULL, counts, NULL);
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_CURRENT_RATING),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_CURRENT_RATING));
  /* With no actions a chart would be an empty box: say so instead. */
  if (self->entries->len > 0)
    {
      pack_flow_drawing (flow, 190, draw_chart,
                         styled (self, pathway_chart_new_rating_counts (self->programme, NULL,
                                                                        counts)),
                         g_object_unref);
      pack_flow_space (flow, 8);
    }
  else
    pack_flow_paragraph (flow, _("No action has a rating yet."), PACK_FONT_BODY);

  g_ptr_array_add (headers, (gpointer) _("Workstream"));
  g_ptr_array_add (headers, (gpointer) _("Lead"));
  share = 0.45;
  g_array_append_val (shares, share);
  share = 0.21;
  g_array_append_val (shares, share);
  for (PathwayRating r = PATHWAY_RATING_RED; r <= PATHWAY_RATING_BLUE; r++)
    {
      if (r == PATHWAY_RATING_BLUE && !blue)
        continue;
      g_ptr_array_add (headers, (gpointer) pathway_rating_scheme_get_label (scheme, r));
    }
  g_ptr_array_add (headers, (gpointer) _("Total"));
  n_columns = headers->len;
  for (guint i = 2; i < n_columns; i++)
    {
      share = 0.34 / (n_columns - 2);
      g_array_append_val (shares, share);
    }
  table = pack_flow_begin_table (flow, n_columns, (double *) shares->data,
                                 (const char *const *) headers->pdata);
  for (guint i = 0, n = g_list_model_get_n_items (workstreams); i <= n; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = i < n ? g_list_model_get_item (workstreams, i)
                                                      : NULL;
      g_autofree char *name = i < n ? workstream_name (workstream) : g_strdup (_("Programme"));
      char *numbers[PATHWAY_N_RATINGS + 1] = { NULL };
      PackCell cells[8] = { { 0 } };
      PathwayPerson *lead = workstream ? pathway_workstream_get_lead (workstream) : NULL;
      guint c = 0, total = 0;

      count_ratings (self, workstream, counts, NULL);
      cells[c].text = name;
      cells[c++].bold = TRUE;
      cells[c++].text = lead ? pathway_person_get_name (lead) : "";
      for (PathwayRating r = PATHWAY_RATING_RED; r <= PATHWAY_RATING_BLUE; r++)
        {
          if (r == PATHWAY_RATING_BLUE && !blue)
            continue;
          numbers[r] = g_strdup_printf ("%u", counts[r]);
          cells[c].bold = i == n;
          cells[c++].text = numbers[r];
        }
      for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
        total += counts[r];
      numbers[0] = g_strdup_printf ("%u", total);
      cells[c].bold = TRUE;
      cells[c++].text = numbers[0];
      pack_flow_table_row (flow, table, cells);
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        g_free (numbers[k]);
    }
  pack_flow_end_table (flow, table);
  add_movements (self);
}

static void
add_recommendation (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  const char *text = pathway_meeting_get_recommendation (self->meeting);

  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RECOMMENDATION),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RECOMMENDATION));
  pack_flow_paragraph (flow, *text != '\0'
                               ? text
                               : _("The board is asked to note the progress set out in this "
                                   "report and to agree the ratings of the red actions."),
                       PACK_FONT_BODY);
}

/* A red action's recovery plan as it stood on the as-at day. */
static char *
recovery_plan_as_at (PathwayPack *self, PathwayAction *action)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  if (!pathway_document_get_value_as_at (self->document, action, "recovery-plan", &self->as_at,
                                         &value, NULL))
    return g_strdup (pathway_action_get_recovery_plan (action));
  return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
}

/* A section of the meeting's own words (headlines, decisions, risks), only when it has some. */
static void
add_narrative (PathwayPack *self, PathwayPackSection section, const char *text)
{
  PackFlow *flow = self->flow;

  if (text == NULL || *text == '\0')
    return;
  pack_flow_begin_section (flow, pathway_pack_section_title (section), FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (section));
  pack_flow_paragraph (flow, text, PACK_FONT_BODY);
}

static void
add_red (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  g_autofree char *as_at = format_date (&self->as_at);
  gboolean any = FALSE;
  guint counts[PATHWAY_N_RATINGS];

  /* The red actions start a page; a line saying there are none does not. */
  count_ratings (self, NULL, counts, NULL);
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RED),
                           counts[PATHWAY_RATING_RED] > 0);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RED));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      PathwayAction *action = entry->action;
      g_autofree char *heading = NULL;
      g_autofree char *ws = NULL;
      const char *revised;

      if (entry->rating != PATHWAY_RATING_RED)
        continue;
      ws = workstream_name (pathway_action_get_workstream (action));
      heading = g_strdup_printf ("%s", pathway_action_get_reference (action));
      revised = timescale_text_of (self, pathway_action_get_revised_timescale (action));
      pack_flow_begin_group (flow);
      if (any)
        pack_flow_rule (flow);
      pack_flow_subheading (flow, heading);
      pack_flow_paragraph (flow, pathway_action_get_description (action), PACK_FONT_BODY);
      pack_flow_label_value (flow, _("Workstream"), ws);
      pack_flow_label_value (flow, _("Lead"), lead_name (action));
      pack_flow_label_value (flow, _("Original timescale"),
                             timescale_text_of (self, pathway_action_get_original_timescale (action)));
      pack_flow_label_value (flow, _("Revised timescale"),
                             *revised ? revised : _("Not revised"));
      pack_flow_label_value (flow, _("Status"), status_word (entry->status));
      pack_flow_space (flow, 5);
      {
        gboolean stale = FALSE;
        g_autofree char *dated = commentary_date (self, entry, &stale);
        g_autofree char *label = NULL;

        /* "Commentary, updated 28 September 2026" */
        if (dated != NULL)
          {
            dated[0] = g_ascii_tolower (dated[0]);
            label = g_strdup_printf (_("Commentary, %s"), dated);
          }
        else
          label = g_strdup (_("Commentary"));

        pack_flow_label (flow, label);
      }
      pack_flow_paragraph (flow, *entry->commentary != '\0'
                                   ? entry->commentary
                                   : _("No commentary was recorded."), PACK_FONT_BODY);
      {
        g_autofree char *plan = recovery_plan_as_at (self, action);

        pack_flow_space (flow, 3);
        pack_flow_label (flow, _("What will bring it back on track"));
        pack_flow_paragraph (flow, *plan != '\0' ? plan : _("No recovery plan was recorded."),
                             PACK_FONT_BODY);
      }
      pack_flow_end_group (flow);
      pack_flow_space (flow, 4);
      any = TRUE;
    }
  if (!any)
    {
      g_autofree char *text = g_strdup_printf (_("No action was rated %s on %s."),
                                               rating_word (self, PATHWAY_RATING_RED), as_at);

      pack_flow_paragraph (flow, text, PACK_FONT_BODY);
    }
}

static void
add_amber (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.07, 0.30, 0.12, 0.10, 0.10, 0.31 };
  const char *headers[] = { _("Ref"), _("Action"), _("Lead"), _("Original"), _("Revised"),
                            _("Comments") };
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  PackTable *table = NULL;

  /* Themes in the order they first appear (workstream, then reference). */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      const char *theme = pathway_action_get_theme (entry->action);

      if (entry->rating == PATHWAY_RATING_AMBER
          && !g_ptr_array_find_with_equal_func (themes, theme, g_str_equal, NULL))
        g_ptr_array_add (themes, (gpointer) theme);
    }
  /* The table starts a page; a line saying there is none does not. */
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_AMBER),
                           themes->len > 0);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_AMBER));

  if (themes->len == 0)
    {
      g_autofree char *as_at = format_date (&self->as_at);
      g_autofree char *text = g_strdup_printf (_("No action was rated %s on %s."),
                                               rating_word (self, PATHWAY_RATING_AMBER), as_at);

      pack_flow_paragraph (flow, text, PACK_FONT_BODY);
      return;
    }

  table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
  for (guint t = 0; t < themes->len; t++)
    {
      const char *theme = g_ptr_array_index (themes, t);

      pack_flow_table_group_row (flow, table, *theme != '\0' ? theme : _("No theme"));
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = &g_array_index (self->entries, Entry, i);
          PathwayAction *action = entry->action;

          if (entry->rating != PATHWAY_RATING_AMBER
              || !g_str_equal (pathway_action_get_theme (action), theme))
            continue;
          {
            const char *revised = timescale_text_of (self, pathway_action_get_revised_timescale (action));
            gboolean stale = FALSE;
            g_autofree char *dated = commentary_date (self, entry, &stale);
            g_autofree char *comments = dated != NULL
                                          ? g_strdup_printf ("%s\n%s", dated, entry->commentary)
                                          : g_strdup (*entry->commentary != '\0'
                                                        ? entry->commentary
                                                        : _("No commentary was recorded."));
            PackCell cells[] = {
              { pathway_action_get_reference (action), 0, TRUE },
              { pathway_action_get_description (action), 0, FALSE },
              { lead_name (action), 0, FALSE },
              { timescale_text_of (self, pathway_action_get_original_timescale (action)), 0, FALSE },
              { *revised != '\0' ? revised : _("Not revised"), 0, FALSE },
              { comments, 0, FALSE },
            };

            pack_flow_table_row (flow, table, cells);
          }
        }
    }
  pack_flow_end_table (flow, table);
}

static void
add_workstreams (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  GListModel *workstreams = pathway_programme_get_workstreams (self->programme);
  guint n = g_list_model_get_n_items (workstreams);

  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_WORKSTREAMS),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_WORKSTREAMS));
  if (n == 0)
    pack_flow_paragraph (flow, _("The programme has no workstreams yet."), PACK_FONT_BODY);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      g_autofree char *name = workstream_name (workstream);
      PathwayPerson *lead = pathway_workstream_get_lead (workstream);
      g_autofree char *lead_text = NULL;
      guint counts[PATHWAY_N_RATINGS], complete;
      g_autofree char *progress = NULL;
      guint total = 0;

      count_ratings (self, workstream, counts, &complete);
      for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
        total += counts[r];
      if (lead != NULL && *pathway_person_get_role (lead) != '\0')
        lead_text = g_strdup_printf ("%s, %s", pathway_person_get_name (lead),
                                     pathway_person_get_role (lead));
      else
        lead_text = g_strdup (lead ? pathway_person_get_name (lead) : _("No lead named"));
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action complete",
                                               "%u of %u actions complete", total),
                                  complete, total);

      pack_flow_begin_group (flow);
      pack_flow_subheading (flow, name);
      pack_flow_label_value (flow, _("Lead"), lead_text);
      pack_flow_label_value (flow, _("Progress"), progress);
      pack_flow_rating_bar (flow, counts);
      pack_flow_space (flow, 3);
      if (*pathway_workstream_get_description (workstream) != '\0')
        pack_flow_paragraph (flow, pathway_workstream_get_description (workstream),
                             PACK_FONT_BODY);
      pack_flow_end_group (flow);
    }
}

/* A figure in the indicator's unit, as finely as its readings are written: "56.9%",
 * "24.3 weeks", "216". A value on a line between milestones is rounded the same way. */
char *
_pathway_pack_format_value (PathwayUnit unit, double value)
{
  int decimals = unit == PATHWAY_UNIT_COUNT ? 0 : unit == PATHWAY_UNIT_NUMBER ? 2 : 1;
  g_autofree char *number = g_strdup_printf ("%.*f", decimals, value);
  gulong plural;

  /* No trailing zeros: "21 weeks" and "60%", not "21.0 weeks" and "60.0%". */
  if (decimals > 0)
    {
      char *end = number + strlen (number) - 1;

      while (end > number && *end == '0')
        *end-- = '\0';
      if (end > number && (*end == '.' || *end == ','))
        *end = '\0';
    }
  plural = g_str_equal (number, "1") ? 1 : 2;
  switch (unit)
    {
    case PATHWAY_UNIT_PERCENT:
      return g_strdup_printf ("%s%%", number);
    case PATHWAY_UNIT_WEEKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", plural),
                              number);
    case PATHWAY_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", plural),
                              number);
    case PATHWAY_UNIT_COUNT:
    case PATHWAY_UNIT_NUMBER:
    default:
      return g_steal_pointer (&number);
    }
}

static char *
format_value (PathwayIndicator *indicator, double value)
{
  return _pathway_pack_format_value (pathway_indicator_get_unit (indicator), value);
}

/* One indicator as it stood on the as-at day. */
typedef struct {
  PathwayIndicator *indicator;
  PathwayTrajectory trajectory;
} IndicatorEntry;

static void
clear_indicator_entry (gpointer pointer)
{
  IndicatorEntry *entry = pointer;

  g_clear_object (&entry->indicator);
  pathway_trajectory_clear (&entry->trajectory);
}

/* "13 weeks by 31 March 2027", or the value alone without a target date. */
static char *
target_text (PathwayIndicator *indicator, const char *separator)
{
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;
  const GDate *target_date = pathway_indicator_get_target_date (indicator);

  if (!pathway_indicator_has_target (indicator))
    return g_strdup (_("No target set"));
  value = format_value (indicator, pathway_indicator_get_target_value (indicator));
  if (target_date == NULL)
    return g_steal_pointer (&value);
  date = format_date (target_date);
  /* Translators: a target and when it is to be met: "13 weeks by 31 March 2027"; the
   * separator is a space or a line break. */
  return g_strdup_printf (_("%s%sby %s"), value, separator, date);
}

/* The indicators behind the line planned for them, first, so the board sees them without
 * reading every chart: what the figure is, what it should be by now, where it is going, who
 * owns it and what the latest reading's note says. */
static void
add_indicator_exceptions (PathwayPack *self, GArray *entries)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.24, 0.15, 0.14, 0.15, 0.13, 0.19 };
  const char *headers[] = { _("Indicator"), _("Latest"), _("Expected now"), _("Target"),
                            _("Owner"), _("Note") };
  g_autofree char *as_at = format_date (&self->as_at);
  PackTable *table = NULL;
  guint n_behind = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, IndicatorEntry, i).trajectory.status == PATHWAY_TRAJECTORY_BEHIND)
      n_behind++;

  if (n_behind == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No indicator was behind its trajectory on %s."),
                                               as_at);

      pack_flow_paragraph (flow, text, PACK_FONT_BODY);
      pack_flow_space (flow, 6);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u of %u indicators was behind its "
                                                          "trajectory on %s.",
                                                          "%u of %u indicators were behind "
                                                          "their trajectory on %s.",
                                                          n_behind),
                                             n_behind, entries->len, as_at);

    pack_flow_paragraph (flow, text, PACK_FONT_BODY);
  }
  pack_flow_paragraph (flow, _("Expected now is the value planned for that day, on the straight "
                               "line between the milestones either side of it."),
                       PACK_FONT_SMALL);
  pack_flow_space (flow, 4);
  table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
  for (guint i = 0; i < entries->len; i++)
    {
      IndicatorEntry *entry = &g_array_index (entries, IndicatorEntry, i);
      PathwayIndicator *indicator = entry->indicator;
      PathwayReading *reading = entry->trajectory.reading;
      PathwayPerson *owner = pathway_indicator_get_owner (indicator);

      if (entry->trajectory.status != PATHWAY_TRAJECTORY_BEHIND)
        continue;
      {
        g_autofree char *value = format_value (indicator, pathway_reading_get_value (reading));
        g_autofree char *date = format_date (pathway_reading_get_date (reading));
        g_autofree char *latest = g_strdup_printf ("%s\n%s", value, date);
        g_autofree char *expected = format_value (indicator, entry->trajectory.expected);
        g_autofree char *target = target_text (indicator, "\n");
        PackCell cells[] = {
          { pathway_indicator_get_name (indicator), 0, TRUE },
          { latest, 0, FALSE },
          { expected, 0, FALSE },
          { target, 0, FALSE },
          { owner != NULL ? pathway_person_get_name (owner) : _("No owner named"), 0, FALSE },
          { pathway_reading_get_note (reading), 0, FALSE },
        };

        pack_flow_table_row (flow, table, cells);
      }
    }
  pack_flow_end_table (flow, table);
  pack_flow_space (flow, 12);
}

/* What the indicator's line says under its name: the latest reading and its status, then
 * what was expected by the as-at day and the target. */
static char *
indicator_status_text (IndicatorEntry *entry)
{
  PathwayIndicator *indicator = entry->indicator;
  PathwayReading *reading = entry->trajectory.reading;
  g_autofree char *status = pathway_trajectory_describe (&entry->trajectory, indicator);
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (reading == NULL)
    return g_strdup_printf ("%s.", status);
  value = format_value (indicator, pathway_reading_get_value (reading));
  date = format_date (pathway_reading_get_date (reading));
  /* Translators: "Latest: 27 weeks on 31 October 2026. Behind trajectory by 2.7 weeks." */
  return g_strdup_printf (_("Latest: %s on %s. %s."), value, date, status);
}

static char *
indicator_plan_text (PathwayPack *self, IndicatorEntry *entry)
{
  PathwayIndicator *indicator = entry->indicator;
  g_autofree char *target = target_text (indicator, " ");
  g_autofree char *as_at = NULL;
  g_autofree char *expected = NULL;

  if (!isfinite (entry->trajectory.expected))
    return pathway_indicator_has_target (indicator)
             /* Translators: "Target: 13 weeks by 31 March 2027." */
             ? g_strdup_printf (_("Target: %s."), target)
             : NULL;
  as_at = format_date (&self->as_at);
  expected = format_value (indicator, entry->trajectory.expected);
  if (!pathway_indicator_has_target (indicator))
    /* Translators: "Expected by 18 November 2026: 24.3 weeks." */
    return g_strdup_printf (_("Expected by %s: %s."), as_at, expected);
  /* Translators: "Expected by 18 November 2026: 24.3 weeks. Target: 13 weeks by 31 March
   * 2027." */
  return g_strdup_printf (_("Expected by %s: %s. Target: %s."), as_at, expected, target);
}

static void
add_indicators (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  /* The indicators as the programme had them on the as-at day: one retired since is still
   * there, one added since is not. */
  g_autoptr(GListModel) indicators =
    pathway_document_list_as_at (self->document, pathway_kind_lookup ("indicator"), &self->as_at,
                                 NULL);
  guint n = indicators ? g_list_model_get_n_items (indicators) : 0;
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (IndicatorEntry), n);

  g_array_set_clear_func (entries, clear_indicator_entry);
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_INDICATORS),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_INDICATORS));
  if (n == 0)
    {
      pack_flow_paragraph (flow, _("The programme has no indicators yet."), PACK_FONT_BODY);
      return;
    }

  /* Each indicator's status on the as-at day: readings after it were not known then. */
  for (guint i = 0; i < n; i++)
    {
      IndicatorEntry entry = { 0 };
      g_autoptr(GListModel) readings = NULL;
      g_autoptr(GListModel) milestones = NULL;

      entry.indicator = g_list_model_get_item (indicators, i);
      readings = pathway_document_list_readings (self->document, entry.indicator, NULL);
      milestones = pathway_document_list_milestones (self->document, entry.indicator, NULL);
      pathway_trajectory_init (&entry.trajectory, entry.indicator, readings, milestones,
                               &self->as_at);
      g_array_append_val (entries, entry);
    }

  add_indicator_exceptions (self, entries);

  for (guint i = 0; i < entries->len; i++)
    {
      IndicatorEntry *entry = &g_array_index (entries, IndicatorEntry, i);
      PathwayIndicator *indicator = entry->indicator;
      g_autoptr(PathwayChart) chart = pathway_chart_new_indicator_trend_until (self->document,
                                                                              indicator,
                                                                              &self->as_at,
                                                                              NULL);
      g_autofree char *status = indicator_status_text (entry);
      g_autofree char *plan = indicator_plan_text (self, entry);

      pack_flow_begin_group (flow);
      pack_flow_subheading (flow, pathway_indicator_get_name (indicator));
      if (*pathway_indicator_get_definition (indicator) != '\0')
        pack_flow_paragraph (flow, pathway_indicator_get_definition (indicator), PACK_FONT_SMALL);
      pack_flow_paragraph (flow, status, PACK_FONT_BOLD);
      if (plan != NULL)
        pack_flow_paragraph (flow, plan, PACK_FONT_SMALL);
      if (chart != NULL)
        pack_flow_drawing (flow, 170, draw_chart, styled (self, g_steal_pointer (&chart)),
                           g_object_unref);
      pack_flow_end_group (flow);
      pack_flow_space (flow, 6);
    }
}

static void
add_overdue (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.08, 0.38, 0.14, 0.14, 0.13, 0.13 };
  const char *headers[] = { _("Ref"), _("Action"), _("Original"), _("Revised"), _("Days"),
                            _("Rating") };
  PackTable *table = NULL;

  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_OVERDUE), FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_OVERDUE));

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = &g_array_index (self->entries, Entry, i);
          PathwayAction *action = entry->action;
          g_autofree char *days = NULL;

          if (pass == 0)
            {
              const PathwayTimescale *due = pathway_action_get_due_timescale (action);

              if (!is_overdue (self, entry))
                continue;
              days = g_strdup_printf (_("%d overdue"),
                                      g_date_days_between (&due->date, &self->as_at));
            }
          else
            {
              if (!pathway_action_has_slipped (action))
                continue;
              days = g_strdup_printf (_("%d later"), pathway_action_get_slippage_days (action));
            }
          if (table == NULL)
            table = pack_flow_begin_table (flow, 6, shares, headers);
          if (!any)
            pack_flow_table_group_row (flow, table, pass == 0
                                                      ? _("Past their due date")
                                                      : _("Timescale revised to a later date"));
          any = TRUE;
          {
            PackCell cells[] = {
              { pathway_action_get_reference (action), 0, TRUE },
              { pathway_action_get_description (action), 0, FALSE },
              { timescale_text_of (self, pathway_action_get_original_timescale (action)), 0, FALSE },
              { timescale_text_of (self, pathway_action_get_revised_timescale (action)), 0, FALSE },
              { days, 0, FALSE },
              { NULL, entry->rating, FALSE },
            };

            if (entry->rating == PATHWAY_RATING_NONE)
              cells[5].text = _("Not rated");
            pack_flow_table_row (flow, table, cells);
          }
        }
    }
  if (table != NULL)
    pack_flow_end_table (flow, table);
  else
    pack_flow_paragraph (flow, _("No action is past its due date or has slipped."),
                         PACK_FONT_BODY);
}

static void
add_appendix (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.06, 0.22, 0.08, 0.10, 0.08, 0.08, 0.07, 0.07, 0.24 };
  const char *headers[] = { _("Ref"), _("Action"), _("Workstream"), _("Lead"), _("Original"),
                            _("Revised"), _("Status"), _("Rating"), _("Latest commentary") };
  PackTable *table;

  pack_flow_set_landscape (flow, TRUE);
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_APPENDIX), TRUE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_APPENDIX));
  if (self->entries->len == 0)
    {
      pack_flow_paragraph (flow, _("The programme has no actions yet."), PACK_FONT_BODY);
      pack_flow_set_landscape (flow, FALSE);
      return;
    }
  table = pack_flow_begin_table (flow, 9, shares, headers);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      PathwayAction *action = entry->action;
      PathwayWorkstream *workstream = pathway_action_get_workstream (action);
      PackCell cells[] = {
        { pathway_action_get_reference (action), 0, TRUE },
        { pathway_action_get_description (action), 0, FALSE },
        { workstream ? pathway_workstream_get_code (workstream) : "", 0, FALSE },
        { lead_name (action), 0, FALSE },
        { timescale_text_of (self, pathway_action_get_original_timescale (action)), 0, FALSE },
        { timescale_text_of (self, pathway_action_get_revised_timescale (action)), 0, FALSE },
        { status_word (entry->status), 0, FALSE },
        { NULL, entry->rating, FALSE },
        { entry->commentary, 0, FALSE },
      };

      if (entry->rating == PATHWAY_RATING_NONE)
        cells[7].text = _("Not rated");
      pack_flow_table_row (flow, table, cells);
    }
  pack_flow_end_table (flow, table);
  pack_flow_set_landscape (flow, FALSE);
}

/* Risks and issues -------------------------------------------------------------------------- */

/* At most this many entries in the table of the highest scores. */
#define HIGHEST_RISKS 10

/* One entry of the risk log as it stood at the end of a day. */
typedef struct {
  PathwayRisk *risk;          /* the record, for its id (held by the list it came from) */
  PathwayRiskKind kind;
  PathwayRiskStatus status;
  int likelihood, impact;
  char *reference;
  char *title;
  char *response;
  PathwayPerson *owner;       /* may be NULL */
  PathwayRisk *raised_from;   /* may be NULL */
  GDate review;               /* may be invalid */
} RiskState;

static void
clear_risk_state (gpointer pointer)
{
  RiskState *state = pointer;

  g_clear_object (&state->risk);
  g_free (state->reference);
  g_free (state->title);
  g_free (state->response);
  g_clear_object (&state->owner);
  g_clear_object (&state->raised_from);
}

/* A field of a record as it stood at the end of 'day'; the value now when the history cannot
 * be read, as the recovery plan is. 'value' is initialised here. */
static void
value_as_at (PathwayPack *self, gpointer record, const char *property, const GDate *day,
             GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);

  g_value_init (value, pspec->value_type);
  if (!pathway_document_get_value_as_at (self->document, record, property, day, value, NULL))
    g_object_get_property (record, property, value);
}

static int
int_as_at (PathwayPack *self, gpointer record, const char *property, const GDate *day)
{
  g_auto(GValue) value = G_VALUE_INIT;

  value_as_at (self, record, property, day, &value);
  return G_VALUE_HOLDS_ENUM (&value) ? g_value_get_enum (&value) : g_value_get_int (&value);
}

static char *
text_as_at (PathwayPack *self, gpointer record, const char *property, const GDate *day)
{
  g_auto(GValue) value = G_VALUE_INIT;

  value_as_at (self, record, property, day, &value);
  return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
}

static gpointer
object_as_at (PathwayPack *self, gpointer record, const char *property, const GDate *day)
{
  g_auto(GValue) value = G_VALUE_INIT;

  value_as_at (self, record, property, day, &value);
  return g_value_dup_object (&value);
}

static void
date_as_at (PathwayPack *self, gpointer record, const char *property, const GDate *day,
            GDate *date)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const GDate *got;

  value_as_at (self, record, property, day, &value);
  got = g_value_get_boxed (&value);
  if (got != NULL && g_date_valid (got))
    *date = *got;
  else
    g_date_clear (date, 1);
}

/* The risk log as it stood at the end of 'day': every entry then, whatever its status, with
 * its fields as they were. The whole entry only when 'whole'; else what the comparison needs
 * (status and scores). NULL when the history cannot be read. */
static GArray *
read_risks (PathwayPack *self, const GDate *day, gboolean whole)
{
  g_autoptr(GListModel) records = pathway_document_list_as_at (self->document,
                                                               pathway_kind_lookup ("risk"),
                                                               day, NULL);
  GArray *states;
  guint n;

  if (records == NULL)
    return NULL;
  n = g_list_model_get_n_items (records);
  states = g_array_sized_new (FALSE, TRUE, sizeof (RiskState), n);
  g_array_set_clear_func (states, clear_risk_state);
  for (guint i = 0; i < n; i++)
    {
      RiskState state = { 0 };

      state.risk = g_list_model_get_item (records, i);
      state.status = int_as_at (self, state.risk, "status", day);
      state.likelihood = int_as_at (self, state.risk, "likelihood", day);
      state.impact = int_as_at (self, state.risk, "impact", day);
      state.reference = text_as_at (self, state.risk, "reference", day);
      state.title = text_as_at (self, state.risk, "title", day);
      g_date_clear (&state.review, 1);
      if (whole)
        {
          state.kind = int_as_at (self, state.risk, "kind", day);
          state.response = text_as_at (self, state.risk, "response", day);
          state.owner = object_as_at (self, state.risk, "owner", day);
          state.raised_from = object_as_at (self, state.risk, "raised-from", day);
          date_as_at (self, state.risk, "review-date", day, &state.review);
        }
      g_array_append_val (states, state);
    }
  return states;
}

static const RiskState *
find_risk_state (GArray *states, PathwayRisk *risk)
{
  gint64 id = pathway_risk_get_id (risk);

  for (guint i = 0; states != NULL && i < states->len; i++)
    {
      const RiskState *state = &g_array_index (states, RiskState, i);

      if (pathway_risk_get_id (state->risk) == id)
        return state;
    }
  return NULL;
}

static int
risk_score (const RiskState *state)
{
  if (state->likelihood < 1 || state->impact < 1)
    return 0;
  return state->likelihood * state->impact;
}

/* "16, high" */
static char *
score_words (int score)
{
  g_autofree char *band = g_utf8_strdown (pathway_risk_band_label (
                                            pathway_risk_band_for_score (score)), -1);

  /* Translators: a risk's score and its band: "16, high". */
  return g_strdup_printf (_("%d, %s"), score, band);
}

static char *
lower_status (PathwayRiskStatus status)
{
  return g_utf8_strdown (pathway_risk_status_label (status), -1);
}

/* Highest score first, then the likelier, then by reference as people count ("R2" before
 * "R10"). */
static int
compare_by_score (gconstpointer a, gconstpointer b)
{
  const RiskState *x = *(const RiskState *const *) a;
  const RiskState *y = *(const RiskState *const *) b;
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;

  if (risk_score (x) != risk_score (y))
    return risk_score (y) - risk_score (x);
  if (x->likelihood != y->likelihood)
    return y->likelihood - x->likelihood;
  kx = g_utf8_collate_key_for_filename (x->reference, -1);
  ky = g_utf8_collate_key_for_filename (y->reference, -1);
  return strcmp (kx, ky);
}

static void
add_risk_summary (PathwayPack *self, GArray *risks)
{
  g_autofree char *as_at = format_date (&self->as_at);
  g_autofree char *text = NULL;
  guint open = 0, escalated = 0, closed = 0;

  for (guint i = 0; i < risks->len; i++)
    {
      const RiskState *state = &g_array_index (risks, RiskState, i);

      if (state->status == PATHWAY_RISK_STATUS_CLOSED)
        closed++;
      else
        open++;
      if (state->status == PATHWAY_RISK_STATUS_ESCALATED)
        escalated++;
    }
  if (escalated > 0)
    /* Translators: "The risk and issue log as it stood on 18 November 2026: 12 open (2
     * escalated) and 3 closed." */
    text = g_strdup_printf (_("The risk and issue log as it stood on %s: %u open (%u escalated) "
                              "and %u closed."), as_at, open, escalated, closed);
  else
    text = g_strdup_printf (_("The risk and issue log as it stood on %s: %u open and %u "
                              "closed."), as_at, open, closed);
  pack_flow_paragraph (self->flow, text, PACK_FONT_BODY);
}

static void
add_risk_heat_map (PathwayPack *self, GArray *risks)
{
  PackFlow *flow = self->flow;
  g_autoptr(PathwayChart) chart = pathway_chart_new_risk_heat_map (self->document, &self->as_at,
                                                                   FALSE, NULL);
  guint unscored = 0;
  g_autoptr(GString) note = g_string_new (NULL);

  if (chart == NULL)
    return;
  for (guint i = 0; i < risks->len; i++)
    {
      const RiskState *state = &g_array_index (risks, RiskState, i);

      if (state->status != PATHWAY_RISK_STATUS_CLOSED && risk_score (state) == 0)
        unscored++;
    }

  pack_flow_begin_group (flow);
  pack_flow_label (flow, pathway_chart_get_title (chart));
  pack_flow_drawing (flow, 200, draw_chart, styled (self, g_steal_pointer (&chart)),
                     g_object_unref);
  g_string_append (note, _("A score is likelihood times impact, each from 1 to 5: low 1 to 4, "
                           "medium 5 to 9, high 10 to 16, very high 20 to 25."));
  if (unscored > 0)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u open entry has no score yet and is not on the "
                                           "map.",
                                           "%u open entries have no score yet and are not on "
                                           "the map.",
                                           unscored),
                              unscored);
    }
  pack_flow_paragraph (flow, note->str, PACK_FONT_SMALL);
  pack_flow_end_group (flow);
  pack_flow_space (flow, 6);
}

static void
add_highest_risks (PathwayPack *self, GArray *risks)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.08, 0.25, 0.13, 0.15, 0.27, 0.12 };
  const char *headers[] = { _("Ref"), _("Risk or issue"), _("Owner"), _("Score"),
                            _("Response"), _("Review") };
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  PackTable *table;

  for (guint i = 0; i < risks->len; i++)
    {
      RiskState *state = &g_array_index (risks, RiskState, i);

      if (state->status != PATHWAY_RISK_STATUS_CLOSED && risk_score (state) > 0)
        g_ptr_array_add (scored, state);
    }
  g_ptr_array_sort (scored, compare_by_score);

  pack_flow_subheading (flow, _("The highest scored open risks and issues"));
  if (scored->len == 0)
    {
      pack_flow_paragraph (flow, _("No open risk or issue has a score."), PACK_FONT_BODY);
      return;
    }
  if (scored->len > HIGHEST_RISKS)
    {
      g_autofree char *text = g_strdup_printf (_("The %u highest of %u scored open entries, "
                                                 "highest first."),
                                               HIGHEST_RISKS, scored->len);

      pack_flow_paragraph (flow, text, PACK_FONT_SMALL);
    }

  table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
  for (guint i = 0; i < MIN (scored->len, HIGHEST_RISKS); i++)
    {
      const RiskState *state = g_ptr_array_index (scored, i);
      int score = risk_score (state);
      g_autofree char *band = score_words (score);
      /* Translators: a risk's score, then its likelihood and impact in the area's words:
       * "16, high" and "Likely, Major". */
      g_autofree char *score_text = g_strdup_printf (
        _("%s\n%s, %s"), band,
        pathway_programme_get_likelihood_word (self->programme, state->likelihood),
        pathway_programme_get_impact_word (self->programme, state->impact));
      g_autofree char *review = NULL;
      g_autofree char *title = NULL;
      g_autofree char *what = NULL;

      /* A plain risk open as usual needs no second line; anything else says what it is. */
      if (state->kind != PATHWAY_RISK_KIND_RISK && state->status == PATHWAY_RISK_STATUS_ESCALATED)
        {
          g_autofree char *status = lower_status (state->status);

          what = g_strdup_printf ("%s, %s", pathway_risk_kind_label (state->kind), status);
        }
      else if (state->kind != PATHWAY_RISK_KIND_RISK)
        what = g_strdup (pathway_risk_kind_label (state->kind));
      else if (state->status == PATHWAY_RISK_STATUS_ESCALATED)
        what = g_strdup (pathway_risk_status_label (state->status));
      title = what != NULL ? g_strdup_printf ("%s\n%s", state->title, what)
                           : g_strdup (state->title);

      if (g_date_valid (&state->review))
        {
          g_autofree char *day = format_date (&state->review);

          review = g_date_compare (&state->review, &self->as_at) < 0
                     /* Translators: a review date that has passed: "16 October 2026\n
                      * (overdue)". */
                     ? g_strdup_printf (_("%s\n(overdue)"), day)
                     : g_steal_pointer (&day);
        }
      {
        PackCell cells[] = {
          { state->reference, 0, TRUE },
          { title, 0, FALSE },
          { state->owner != NULL ? pathway_person_get_name (state->owner) : "", 0, FALSE },
          { score_text, 0, FALSE },
          { state->response, 0, FALSE },
          { review != NULL ? review : _("Not set"), 0, FALSE },
        };

        pack_flow_table_row (flow, table, cells);
      }
    }
  pack_flow_end_table (flow, table);
  pack_flow_space (flow, 6);
}

/* "Rose from 9 to 16 (likelihood 3 to 4)": how a score moved, and which of its parts. */
static char *
movement_text (const RiskState *before, const RiskState *now)
{
  int was = risk_score (before), is = risk_score (now);
  g_autoptr(GString) parts = g_string_new (NULL);

  if (was == 0)
    /* Translators: "Scored 12, high (likelihood 3, impact 4); not scored before". */
    return g_strdup_printf (_("Scored %d (likelihood %d, impact %d); not scored before"), is,
                            now->likelihood, now->impact);
  if (is == 0)
    return g_strdup_printf (_("No longer scored; was %d"), was);

  if (before->likelihood != now->likelihood)
    g_string_append_printf (parts, _("likelihood %d to %d"), before->likelihood,
                            now->likelihood);
  if (before->impact != now->impact)
    {
      if (parts->len > 0)
        g_string_append (parts, ", ");
      g_string_append_printf (parts, _("impact %d to %d"), before->impact, now->impact);
    }
  return is > was
           /* Translators: "Rose from 9 to 16 (likelihood 3 to 4)". */
           ? g_strdup_printf (_("Rose from %d to %d (%s)"), was, is, parts->str)
           /* Translators: "Fell from 16 to 8 (impact 4 to 2)". */
           : g_strdup_printf (_("Fell from %d to %d (%s)"), was, is, parts->str);
}

typedef enum {
  MOVED_UP,
  MOVED_DOWN,
  MOVED_STATUS,
  MOVED_NEW,
  MOVED_CLOSED,
  N_MOVED,
} Moved;

/* What moved in the log since the board's previous meeting: scores up and down, statuses
 * changed, entries new and closed (or taken off the log), compared as the actions are, with
 * the log as it stood at the end of that meeting's day. */
static void
add_risk_movements (PathwayPack *self, GArray *risks)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.08, 0.50, 0.42 };
  const char *headers[] = { _("Ref"), _("Risk or issue"), _("What changed") };
  const char *groups[N_MOVED] = {
    _("Score went up"), _("Score went down"), _("Status changed"),
    _("New since the last meeting"), _("Closed since the last meeting"),
  };
  g_autoptr(GArray) before = NULL;
  g_autofree char *previous_date = NULL;
  g_autofree char *heading = NULL;
  PackTable *table = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  if (self->previous == NULL)
    {
      pack_flow_subheading (flow, _("Since the last meeting"));
      pack_flow_paragraph (flow, _("This is the board's first meeting: there is no earlier log "
                                   "to compare with."), PACK_FONT_BODY);
      return;
    }
  previous_date = format_date (pathway_meeting_get_date (self->previous));
  heading = g_strdup_printf (_("Since the last meeting (%s)"), previous_date);
  pack_flow_subheading (flow, heading);
  before = read_risks (self, pathway_meeting_get_date (self->previous), FALSE);
  if (before == NULL)
    {
      pack_flow_paragraph (flow, _("The log as it stood then could not be read."),
                           PACK_FONT_BODY);
      return;
    }

  for (guint i = 0; i < risks->len; i++)
    g_ptr_array_add (sorted, &g_array_index (risks, RiskState, i));
  g_ptr_array_sort (sorted, compare_by_score);

  for (Moved group = 0; group < N_MOVED; group++)
    {
      gboolean started = FALSE;
      guint n = group == MOVED_CLOSED ? sorted->len + before->len : sorted->len;

      for (guint i = 0; i < n; i++)
        {
          const RiskState *now = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;
          const RiskState *was = now != NULL ? find_risk_state (before, now->risk)
                                             : &g_array_index (before, RiskState,
                                                               i - sorted->len);
          g_autofree char *change = NULL;
          int was_score, is_score;

          /* After the entries of now, the closed group lists those taken off the log. */
          if (now == NULL && find_risk_state (risks, was->risk) != NULL)
            continue;
          if (now != NULL && was == NULL)
            {
              if (group != MOVED_NEW)
                continue;
              if (risk_score (now) > 0)
                {
                  g_autofree char *score = score_words (risk_score (now));

                  change = g_strdup_printf (_("Score %s (likelihood %d, impact %d)"), score,
                                            now->likelihood, now->impact);
                }
              else
                change = g_strdup (_("Not scored yet"));
              if (now->status == PATHWAY_RISK_STATUS_CLOSED)
                {
                  g_autofree char *text = g_strdup_printf (_("%s; closed since"), change);

                  g_free (change);
                  change = g_steal_pointer (&text);
                }
              if (now->raised_from != NULL)
                {
                  /* Translators: "Score 16, high (likelihood 4, impact 4); raised from R04". */
                  g_autofree char *text = g_strdup_printf (
                    _("%s; raised from %s"), change,
                    pathway_risk_get_reference (now->raised_from));

                  g_free (change);
                  change = g_steal_pointer (&text);
                }
            }
          else if (now == NULL)
            {
              if (group != MOVED_CLOSED || was->status == PATHWAY_RISK_STATUS_CLOSED)
                continue;
              change = g_strdup (_("Taken off the log"));
            }
          else
            {
              gboolean closed_now = now->status == PATHWAY_RISK_STATUS_CLOSED;
              gboolean closed_then = was->status == PATHWAY_RISK_STATUS_CLOSED;

              was_score = risk_score (was);
              is_score = risk_score (now);
              switch (group)
                {
                case MOVED_UP:
                case MOVED_DOWN:
                  /* A closed entry's score no longer matters. */
                  if (closed_now || was_score == is_score
                      || (group == MOVED_UP) != (is_score > was_score))
                    continue;
                  change = movement_text (was, now);
                  break;
                case MOVED_STATUS:
                  if (was->status == now->status || closed_now)
                    continue;
                  {
                    g_autofree char *is = lower_status (now->status);
                    g_autofree char *then = lower_status (was->status);

                    change = closed_then
                               /* Translators: "Reopened: now escalated, was closed". */
                               ? g_strdup_printf (_("Reopened: now %s, was %s"), is, then)
                               /* Translators: "Now escalated, was open". */
                               : g_strdup_printf (_("Now %s, was %s"), is, then);
                    /* Sentence case. */
                    if (!closed_then)
                      change[0] = g_ascii_toupper (change[0]);
                  }
                  break;
                case MOVED_CLOSED:
                  if (!closed_now || closed_then)
                    continue;
                  if (was_score > 0)
                    {
                      g_autofree char *score = score_words (was_score);

                      change = g_strdup_printf (_("Closed; was %s"), score);
                    }
                  else
                    change = g_strdup (_("Closed"));
                  break;
                case MOVED_NEW:
                case N_MOVED:
                default:
                  continue;
                }
            }

          if (table == NULL)
            table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
          if (!started)
            pack_flow_table_group_row (flow, table, groups[group]);
          started = TRUE;
          {
            const RiskState *shown = now != NULL ? now : was;
            PackCell cells[] = {
              { shown->reference, 0, TRUE },
              { shown->title, 0, FALSE },
              { change, 0, FALSE },
            };

            pack_flow_table_row (flow, table, cells);
          }
        }
    }
  if (table != NULL)
    pack_flow_end_table (flow, table);
  else
    pack_flow_paragraph (flow, _("No entry of the log moved, opened or closed since then."),
                         PACK_FONT_BODY);
}

/* The risk log as it stood on the as-at day, when it has entries: the heat map, the highest
 * scores and what moved since the last meeting. It stands in for the meeting's own words on
 * risks, which are printed only while the log is empty. */
static void
add_risks (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  g_autoptr(GArray) risks = read_risks (self, &self->as_at, TRUE);

  if (risks == NULL || risks->len == 0)
    {
      add_narrative (self, PATHWAY_PACK_SECTION_RISKS, pathway_meeting_get_risks (self->meeting));
      return;
    }
  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RISKS), FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_RISKS));
  add_risk_summary (self, risks);
  add_risk_heat_map (self, risks);
  add_highest_risks (self, risks);
  add_risk_movements (self, risks);
}

/* You said, we did -------------------------------------------------------------------------- */

/* Without entries in the period, the board sees this many of the latest. */
#define LATEST_HEARD 5
#define QUARTERS 4

/* One entry of "you said, we did" as it stood at the end of the as-at day. */
typedef struct {
  GDate date;
  PathwayAudience audience;
  int responses;
  PathwayResponseStatus status;
  char *who;
  char *said;
  char *will_do;
  char *did;
} HeardState;

static void
clear_heard_state (gpointer pointer)
{
  HeardState *state = pointer;

  g_free (state->who);
  g_free (state->said);
  g_free (state->will_do);
  g_free (state->did);
}

static int
compare_heard (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const HeardState *) a)->date, &((const HeardState *) b)->date);
}

/* The entries there were at the end of the as-at day and dated by then, oldest first. */
static GArray *
read_heard (PathwayPack *self)
{
  g_autoptr(GListModel) records = pathway_document_list_as_at (
    self->document, pathway_kind_lookup ("coproduction"), &self->as_at, NULL);
  GArray *states = g_array_new (FALSE, TRUE, sizeof (HeardState));
  guint n = records != NULL ? g_list_model_get_n_items (records) : 0;

  g_array_set_clear_func (states, clear_heard_state);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      HeardState state = { { 0 } };

      date_as_at (self, record, "date", &self->as_at, &state.date);
      if (!g_date_valid (&state.date) || g_date_compare (&state.date, &self->as_at) > 0)
        continue;
      state.audience = int_as_at (self, record, "audience", &self->as_at);
      state.responses = int_as_at (self, record, "responses", &self->as_at);
      state.status = int_as_at (self, record, "status", &self->as_at);
      state.who = text_as_at (self, record, "who", &self->as_at);
      state.said = text_as_at (self, record, "said", &self->as_at);
      state.will_do = text_as_at (self, record, "will-do", &self->as_at);
      state.did = text_as_at (self, record, "did", &self->as_at);
      g_array_append_val (states, state);
    }
  g_array_sort (states, compare_heard);
  return states;
}

static gboolean
starts_with_words (const char *text, const char *start)
{
  g_autofree char *a = g_utf8_casefold (text, -1);
  g_autofree char *b = g_utf8_casefold (start, -1);

  return g_str_has_prefix (a, b);
}

/* Who said it: the audience, a survey's count of responses, and the area's own name for the
 * group when it says more. */
static char *
heard_who (const HeardState *state)
{
  g_autofree char *audience = NULL;

  if (state->audience == PATHWAY_AUDIENCE_SURVEY && state->responses > 0)
    audience = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d response",
                                             "%s, %d responses", state->responses),
                                pathway_audience_label (state->audience), state->responses);
  else
    audience = g_strdup (pathway_audience_label (state->audience));
  if (*state->who == '\0')
    return g_steal_pointer (&audience);
  /* "Parent carer forum annual conference" says the audience already. */
  if (state->audience != PATHWAY_AUDIENCE_SURVEY && starts_with_words (state->who, audience))
    return g_strdup (state->who);
  return g_strdup_printf ("%s\n%s", audience, state->who);
}

static void
add_heard_table (PathwayPack *self, GArray *heard, guint from, guint to)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.11, 0.16, 0.20, 0.19, 0.22, 0.12 };
  const char *headers[] = { _("Date"), _("Who"), _("You said"), _("We will do"),
                            _("We did, or why not"), _("Status") };
  PackTable *table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);

  for (guint i = from; i < to; i++)
    {
      const HeardState *state = &g_array_index (heard, HeardState, i);
      g_autofree char *date = format_date (&state->date);
      g_autofree char *who = heard_who (state);
      PackCell cells[] = {
        { date, 0, FALSE },
        { who, 0, FALSE },
        { state->said, 0, FALSE },
        { state->will_do, 0, FALSE },
        { *state->did != '\0' ? state->did : _("Nothing yet"), 0, FALSE },
        { pathway_response_status_label (state->status), 0, TRUE },
      };

      pack_flow_table_row (flow, table, cells);
    }
  pack_flow_end_table (flow, table);
}

/* "Oct–Dec 2026": a calendar quarter, counted from year 0. */
static char *
quarter_label (guint quarter)
{
  GDate first, last;
  char start[32], end[32];

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) (quarter % 4 * 3 + 1), (GDateYear) (quarter / 4));
  g_date_set_dmy (&last, 1, (GDateMonth) (quarter % 4 * 3 + 3), (GDateYear) (quarter / 4));
  g_date_strftime (start, sizeof start, "%b", &first);
  g_date_strftime (end, sizeof end, "%b %Y", &last);
  /* Translators: a quarter of the year: "Oct–Dec 2026". */
  return g_strdup_printf (_("%s–%s"), start, end);
}

static guint
quarter_of (const GDate *date)
{
  return g_date_get_year (date) * 4 + (g_date_get_month (date) - 1) / 3;
}

/* How many entries each audience gave in each of the last four calendar quarters to the as-at
 * day (the last one so far), and a survey's responses. */
static void
add_heard_by_quarter (PathwayPack *self, GArray *heard)
{
  PackFlow *flow = self->flow;
  static const double shares[] = { 0.28, 0.14, 0.14, 0.14, 0.14, 0.16 };
  guint last = quarter_of (&self->as_at), first = last - (QUARTERS - 1);
  guint counts[PATHWAY_N_AUDIENCES][QUARTERS + 1] = { { 0 } };
  int responses[PATHWAY_N_AUDIENCES][QUARTERS + 1] = { { 0 } };
  guint totals[QUARTERS + 1] = { 0 };
  char *labels[QUARTERS] = { NULL };
  const char *headers[QUARTERS + 2];
  g_autofree char *as_at = format_date (&self->as_at);
  g_autofree char *intro = NULL;
  PackTable *table;

  for (guint i = 0; i < heard->len; i++)
    {
      const HeardState *state = &g_array_index (heard, HeardState, i);
      guint quarter = quarter_of (&state->date);

      if (quarter < first || quarter > last || state->audience >= PATHWAY_N_AUDIENCES)
        continue;
      counts[state->audience][quarter - first]++;
      counts[state->audience][QUARTERS]++;
      responses[state->audience][quarter - first] += MAX (state->responses, 0);
      responses[state->audience][QUARTERS] += MAX (state->responses, 0);
      totals[quarter - first]++;
      totals[QUARTERS]++;
    }

  pack_flow_subheading (flow, _("Heard from, by quarter"));
  /* Translators: under "Heard from, by quarter". */
  intro = g_strdup_printf (_("Entries by when they were heard, in the four quarters to %s; a "
                             "survey's responses under its count."), as_at);
  pack_flow_paragraph (flow, intro, PACK_FONT_SMALL);

  headers[0] = _("Who");
  for (guint q = 0; q < QUARTERS; q++)
    {
      labels[q] = quarter_label (first + q);
      headers[q + 1] = labels[q];
    }
  headers[QUARTERS + 1] = _("Total");
  table = pack_flow_begin_table (flow, G_N_ELEMENTS (shares), shares, headers);
  for (guint a = 0; a <= PATHWAY_N_AUDIENCES; a++)
    {
      gboolean all = a == PATHWAY_N_AUDIENCES;
      const guint *row = all ? totals : counts[a];
      char *numbers[QUARTERS + 1] = { NULL };
      PackCell cells[QUARTERS + 2] = { { 0 } };

      /* Only the audiences heard from in these quarters, and everyone together. */
      if (!all && row[QUARTERS] == 0)
        continue;
      cells[0].text = all ? _("Everyone") : pathway_audience_label (a);
      cells[0].bold = TRUE;
      for (guint q = 0; q <= QUARTERS; q++)
        {
          if (!all && responses[a][q] > 0)
            numbers[q] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u\n%d response",
                                                       "%u\n%d responses", responses[a][q]),
                                          row[q], responses[a][q]);
          else
            numbers[q] = g_strdup_printf ("%u", row[q]);
          cells[q + 1].text = numbers[q];
          cells[q + 1].bold = all || q == QUARTERS;
        }
      pack_flow_table_row (flow, table, cells);
      for (guint q = 0; q <= QUARTERS; q++)
        g_free (numbers[q]);
    }
  pack_flow_end_table (flow, table);
  for (guint q = 0; q < QUARTERS; q++)
    g_free (labels[q]);
}

/* "You said, we did": what families, young people, schools and others told the programme in
 * the period since the board's previous meeting (or, when nothing was heard then, the latest
 * entries), what it will do and what it did, then the count of entries from each audience in
 * the last four quarters. */
static void
add_coproduction (PathwayPack *self)
{
  PackFlow *flow = self->flow;
  g_autoptr(GArray) heard = read_heard (self);
  g_autofree char *as_at = format_date (&self->as_at);
  g_autofree char *text = NULL;
  guint from = heard->len;

  pack_flow_begin_section (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_COPRODUCTION),
                           FALSE);
  pack_flow_heading (flow, pathway_pack_section_title (PATHWAY_PACK_SECTION_COPRODUCTION));
  if (heard->len == 0)
    {
      text = g_strdup_printf (_("Nothing was recorded of what families, young people, schools "
                                "or others told the programme by %s."), as_at);
      pack_flow_paragraph (flow, text, PACK_FONT_BODY);
      return;
    }

  if (self->previous != NULL)
    {
      const GDate *since = pathway_meeting_get_date (self->previous);
      g_autofree char *start = format_date (since);

      while (from > 0
             && g_date_compare (&g_array_index (heard, HeardState, from - 1).date, since) > 0)
        from--;
      if (from < heard->len)
        /* Translators: "What families, young people, schools and others told the programme
         * after the last meeting (17 September 2026) up to 18 November 2026, what we will do
         * about it, and what we did or why not." */
        text = g_strdup_printf (_("What families, young people, schools and others told the "
                                  "programme after the last meeting (%s) up to %s, what we will "
                                  "do about it, and what we did or why not."), start, as_at);
      else
        text = g_strdup_printf (_("Nothing new was recorded after the last meeting (%s) up to "
                                  "%s. The latest entries:"), start, as_at);
    }
  if (from == heard->len)
    {
      from = heard->len > LATEST_HEARD ? heard->len - LATEST_HEARD : 0;
      if (text == NULL)
        text = g_strdup_printf (_("The latest of what families, young people, schools and "
                                  "others told the programme, up to %s, what we will do about "
                                  "it, and what we did or why not."), as_at);
    }
  pack_flow_paragraph (flow, text, PACK_FONT_BODY);
  add_heard_table (self, heard, from, heard->len);
  pack_flow_space (flow, 8);
  add_heard_by_quarter (self, heard);
}

/* Making the pack --------------------------------------------------------------------------- */

static PathwayBoard *
board_of (PathwayProgramme *programme, PathwayMeeting *meeting)
{
  return pathway_programme_find_board (programme, pathway_meeting_get_board_id (meeting));
}

PathwayPack *
pathway_pack_new (PathwayDocument *document, PathwayMeeting *meeting, const GDate *as_at,
                  GError **error)
{
  g_autoptr(PathwayPack) self = NULL;
  PathwayRatingScheme *scheme;
  guint set;
  const char *classification, *title;
  g_autofree char *meeting_date = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_MEETING (meeting), NULL);

  self = g_object_new (PATHWAY_TYPE_PACK, NULL);
  self->document = g_object_ref (document);
  self->programme = pathway_document_get_programme (document);
  self->meeting = g_object_ref (meeting);
  self->board = board_of (self->programme, meeting);
  if (self->board == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("The meeting belongs to no board of this programme."));
      return NULL;
    }
  self->previous = pathway_document_previous_meeting (document, meeting);
  if (self->previous != NULL)
    g_object_ref (self->previous);

  if (as_at == NULL)
    as_at = pathway_meeting_get_as_at (meeting);
  if (as_at == NULL)
    as_at = pathway_meeting_get_date (meeting);
  if (as_at != NULL && g_date_valid (as_at))
    self->as_at = *as_at;
  else
    {
      g_autoptr(GDateTime) now = pathway_document_dup_now (document);

      g_date_clear (&self->as_at, 1);
      g_date_set_dmy (&self->as_at, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  classification = pathway_meeting_get_classification (meeting);
  self->classification = g_strdup (*classification ? classification : _("OFFICIAL"));
  title = pathway_meeting_get_report_title (meeting);
  self->title = g_strdup (*title ? title : _("SEND improvement programme: progress report"));
  meeting_date = format_date (pathway_meeting_get_date (meeting));
  self->footer_left = g_strdup (pathway_programme_get_name (self->programme));
  /* A draft says so in its running header too, where text readers find it. */
  self->header_left = g_strdup_printf ("%s%s  ·  %s, %s",
                                       pathway_meeting_get_draft (meeting) ? _("DRAFT  ·  ") : "",
                                       self->title,
                                       pathway_board_get_name (self->board), meeting_date);

  if (!gather (self, error))
    return NULL;

  self->flow = pack_flow_new ();
  pack_flow_set_black_and_white (self->flow, pathway_meeting_get_black_and_white (meeting));
  scheme = pathway_programme_get_rating_scheme (self->programme);
  for (PathwayRating r = PATHWAY_RATING_NONE; r < PATHWAY_N_RATINGS; r++)
    pack_flow_set_rating_label (self->flow, r, rating_word (self, r));

  set = pathway_pack_sections_parse (pathway_meeting_get_report_sections (meeting));
  add_header_block (self);
  if (set & (1u << PATHWAY_PACK_SECTION_INTRODUCTION))
    add_introduction (self);
  if (set & (1u << PATHWAY_PACK_SECTION_HEADLINES))
    add_narrative (self, PATHWAY_PACK_SECTION_HEADLINES, pathway_meeting_get_headlines (meeting));
  if (set & (1u << PATHWAY_PACK_SECTION_CURRENT_RATING))
    add_current_rating (self);
  if (set & (1u << PATHWAY_PACK_SECTION_RECOMMENDATION))
    add_recommendation (self);
  if (set & (1u << PATHWAY_PACK_SECTION_DECISIONS))
    add_narrative (self, PATHWAY_PACK_SECTION_DECISIONS, pathway_meeting_get_decisions (meeting));
  if (set & (1u << PATHWAY_PACK_SECTION_RED))
    add_red (self);
  if (set & (1u << PATHWAY_PACK_SECTION_AMBER))
    add_amber (self);
  if (set & (1u << PATHWAY_PACK_SECTION_WORKSTREAMS))
    add_workstreams (self);
  if (set & (1u << PATHWAY_PACK_SECTION_INDICATORS))
    add_indicators (self);
  if (set & (1u << PATHWAY_PACK_SECTION_OVERDUE))
    add_overdue (self);
  if (set & (1u << PATHWAY_PACK_SECTION_RISKS))
    add_risks (self);
  if (set & (1u << PATHWAY_PACK_SECTION_COPRODUCTION))
    add_coproduction (self);
  if (set & (1u << PATHWAY_PACK_SECTION_APPENDIX))
    add_appendix (self);
  (void) scheme;

  pack_flow_paginate (self->flow);
  return g_steal_pointer (&self);
}

const GDate *
pathway_pack_get_as_at (PathwayPack *self)
{
  g_return_val_if_fail (PATHWAY_IS_PACK (self), NULL);
  return &self->as_at;
}

guint
pathway_pack_get_n_pages (PathwayPack *self)
{
  g_return_val_if_fail (PATHWAY_IS_PACK (self), 0);
  return pack_flow_get_n_pages (self->flow);
}

void
pathway_pack_get_page_size (PathwayPack *self, guint page, double *width_pt, double *height_pt)
{
  gboolean landscape;

  g_return_if_fail (PATHWAY_IS_PACK (self));
  g_return_if_fail (page < pack_flow_get_n_pages (self->flow));

  landscape = pack_flow_page_is_landscape (self->flow, page);
  if (width_pt != NULL)
    *width_pt = landscape ? PACK_A4_LONG : PACK_A4_SHORT;
  if (height_pt != NULL)
    *height_pt = landscape ? PACK_A4_SHORT : PACK_A4_LONG;
}

const char *
pathway_pack_get_page_title (PathwayPack *self, guint page)
{
  g_return_val_if_fail (PATHWAY_IS_PACK (self), NULL);
  g_return_val_if_fail (page < pack_flow_get_n_pages (self->flow), NULL);

  return pack_flow_get_page_title (self->flow, page);
}

/* For the pack's other writers (pathway-pack-private.h) ---------------------------------- */

PackFlow *
_pathway_pack_get_flow (PathwayPack *self)
{
  g_return_val_if_fail (PATHWAY_IS_PACK (self), NULL);
  return self->flow;
}

void
_pathway_pack_get_running_text (PathwayPack *self, PathwayPackRunningText *text)
{
  g_return_if_fail (PATHWAY_IS_PACK (self));

  text->title = self->title;
  text->author = pathway_meeting_get_report_by (self->meeting);
  text->header = self->header_left;
  text->footer = self->footer_left;
  text->classification = self->classification;
}

char *
_pathway_pack_describe_drawing (PathwayPack *self, const PackBlock *block)
{
  g_return_val_if_fail (PATHWAY_IS_PACK (self), NULL);

  /* Only draw_chart's data is known to be a chart. */
  if (block->kind != PACK_BLOCK_DRAWING || block->draw != draw_chart)
    return NULL;
  return pathway_chart_describe (PATHWAY_CHART ((gpointer) block->data));
}

static void
show_text (PathwayPack *self, cairo_t *cr, PackFont font, const char *text, double x, double y,
           double max_width, double align)
{
  PangoLayout *layout = pack_flow_layout (self->flow, font, text, -1);
  PangoRectangle logical;
  double width;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_get_extents (layout, NULL, &logical);
  width = MIN ((double) logical.width / PANGO_SCALE, max_width);
  cairo_move_to (cr, x + (max_width - width) * align - logical.x / (double) PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void draw_page_tagged (PathwayPack *self, cairo_t *cr, guint page, PackTags *tags);

void
pathway_pack_draw_page (PathwayPack *self, cairo_t *cr, guint page)
{
  draw_page_tagged (self, cr, page, NULL);
}

/* With 'tags', the body is tagged for the PDF; the running header, the footer and the draft
 * mark are drawn outside any element that holds content, so they are not read as the pack's
 * text. */
static void
draw_page_tagged (PathwayPack *self, cairo_t *cr, guint page, PackTags *tags)
{
  double width, height, left = PACK_MARGIN_INNER, right, text_width, bottom;
  guint n_pages;
  g_autofree char *page_text = NULL;

  g_return_if_fail (PATHWAY_IS_PACK (self));
  n_pages = pack_flow_get_n_pages (self->flow);
  g_return_if_fail (page < n_pages);

  pathway_pack_get_page_size (self, page, &width, &height);
  right = width - PACK_MARGIN_OUTER;
  text_width = right - left;
  bottom = height - PACK_MARGIN_BOTTOM;

  cairo_save (cr);
  /* Running header: the report's title and its classification. */
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (self, cr, PACK_FONT_SMALL, self->header_left, left, 30, text_width * 0.75, 0);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (self, cr, PACK_FONT_SMALL_BOLD, self->classification, left + text_width * 0.78, 30,
             text_width * 0.22, 1);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_move_to (cr, left, 44);
  cairo_line_to (cr, right, 44);
  cairo_move_to (cr, left, bottom + 16);
  cairo_line_to (cr, right, bottom + 16);
  cairo_stroke (cr);

  /* Footer: where the page comes from, its classification, and where it is in the pack. */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (self, cr, PACK_FONT_SMALL, self->footer_left, left, bottom + 22, text_width * 0.6,
             0);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (self, cr, PACK_FONT_SMALL_BOLD, self->classification, left + text_width * 0.61,
             bottom + 22, text_width * 0.19, 0.5);
  show_text (self, cr, PACK_FONT_SMALL, page_text, left + text_width * 0.8, bottom + 22,
             text_width * 0.2, 1);
  cairo_restore (cr);

  cairo_save (cr);
  pack_flow_draw_page_tagged (self->flow, cr, page, tags);
  cairo_restore (cr);

  /* Until the pack is final, every page says it is a draft, across the page behind nothing
   * important: pale, so the text stays readable. */
  if (pathway_meeting_get_draft (self->meeting))
    {
      double width, height;

      pathway_pack_get_page_size (self, page, &width, &height);
      cairo_save (cr);
      cairo_translate (cr, width / 2, height / 2);
      cairo_rotate (cr, -atan2 (height, width));
      /* The title's face, five times over. */
      cairo_scale (cr, 5, 5);
      cairo_set_source_rgba (cr, 0.75, 0.1, 0.1, 0.14);
      show_text (self, cr, PACK_FONT_TITLE, _("DRAFT"), -width / 5, -12, width * 2 / 5, 0.5);
      cairo_restore (cr);
    }
}

/* The PDF is made in memory first: the document's language and the figures' alternative
 * text are added after cairo has finished (pathway-pack-tags.h). */
static cairo_status_t
write_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Each figure's alternative text: its chart's numbers in words, as on the screen. */
static GPtrArray *
describe_figures (PathwayPack *self, PackTags *tags)
{
  const GPtrArray *figures = tags != NULL ? pack_tags_get_figures (tags) : NULL;
  GPtrArray *alts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      PackBlock block;
      guint index;

      if (!pack_flow_find_block (self->flow, g_ptr_array_index (figures, i), &index))
        {
          g_ptr_array_add (alts, NULL);
          continue;
        }
      pack_flow_get_block (self->flow, index, &block);
      g_ptr_array_add (alts, _pathway_pack_describe_drawing (self, &block));
    }
  return alts;
}

/* Written to a temporary beside 'path', synced and renamed over it: a failure anywhere leaves
 * the old file as it was. */
gboolean
pathway_pack_write_pdf (PathwayPack *self, const char *path, GError **error)
{
  g_autoptr(PathwaySafeFile) file = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) alts = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (PATHWAY_IS_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pathway_safe_file_new (path, error);
  if (file == NULL)
    return FALSE;

  pathway_pack_get_page_size (self, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, width, height);
  /* Dates from the as-at day: the same pack for the same day is the same bytes. */
  day = pathway_date_format_iso (&self->as_at);
  date = g_strconcat (day, "T00:00:00Z", NULL);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  pathway_meeting_get_report_by (self->meeting));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathway");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  {
    cairo_t *cr = cairo_create (surface);
    g_autoptr(PackTags) tags = NULL;
    guint n_pages = pathway_pack_get_n_pages (self);
    const char *previous = NULL;

    for (guint page = 0; page < n_pages; page++)
      {
        pathway_pack_get_page_size (self, page, &width, &height);
        cairo_pdf_surface_set_size (surface, width, height);
        /* Only once the first page has its size: cairo starts the page again when its size is
         * set, and the Document's start would be lost with it. */
        if (tags == NULL)
          tags = pack_tags_new (cr);
        draw_page_tagged (self, cr, page, tags);
        if (page + 1 == n_pages)
          pack_tags_finish (tags, cr);
        cairo_show_page (cr);
      }
    /* A bookmark for each section where it starts, so a reader can jump to it. */
    for (guint page = 0; page < n_pages; page++)
      {
        const char *title = pathway_pack_get_page_title (self, page);

        if (title != NULL && *title != '\0' && g_strcmp0 (title, previous) != 0)
          {
            g_autofree char *link = g_strdup_printf ("page=%u", page + 1);

            cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
          }
        previous = title;
      }
    status = cairo_status (cr);
    cairo_destroy (cr);
    alts = describe_figures (self, tags);
  }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    pathway_safe_file_fail (file, 0, cairo_status_to_string (status));
  else
    {
      /* A PDF cairo wrote in a way this does not know (another version) is still the pack:
       * written without its language rather than not at all. */
      if (!pack_tags_update_pdf (bytes, "en-GB", (const char *const *) alts->pdata, alts->len,
                                 &local_error))
        g_warning ("The pack's PDF is not marked as British English: %s", local_error->message);
      /* A write error is recorded with its errno (a full disk says so). */
      pathway_safe_file_write (file, bytes->data, bytes->len);
    }
  return pathway_safe_file_commit (file, error);
}
