/* pathway-overview-view.c: the programme at a glance.
 *
 * From the top: the programme's name and local area; four figures (actions, share complete,
 * overdue, not updated); the count of each rating in the programme's own words, with charts of
 * them (the share of each rating, the counts at each month end, and each workstream's
 * ratings); "needs attention", three short lists (red, overdue, not updated for
 * longer than the stale period) that lead to the action editor and to the tracker filtered
 * the same way; and the programme's partners, inspection framework and dates.
 *
 * A programme without actions yet shows instead what to do next, with the buttons that do it:
 * Import Tracker… (win.import), Add Action… (win.new-action) and, when the window has a
 * Set-up page, Open Set-up (win.show-view "setup").
 *
 * Everything is worked out from the model on one idle after the changes that call for it, so a
 * batch of writes (an import, an undo of many steps) costs one pass over the actions, not one
 * per change. The charts are made again on an idle of their own, and only when what they show
 * has changed: the counts at each month end are read from the history in the file. The first
 * time the view shows a programme, what lies below the first screen (Needs Attention and the
 * programme's details) is filled by a second refresh, on an idle after the window's first
 * frame, so that opening the window costs only what it shows at once. The view
 * only reads the model: rows lead elsewhere through window actions (win.edit-action,
 * win.filter-actions). */
#define G_LOG_DOMAIN "pathway-ui"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-chart-view.h"
#include "pathway-format.h"
#include "pathway-overview-view.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"

/* How many actions each needs-attention list shows; the rest are a click away in the tracker. */
#define ATTENTION_ROWS 8

typedef enum {
  ATTENTION_RED,
  ATTENTION_OVERDUE,
  ATTENTION_STALE,
  N_ATTENTION,
} Attention;

typedef enum {
  DETAIL_PARTNERS,
  DETAIL_REGIME,
  DETAIL_INSPECTION,
  DETAIL_LETTER,
  DETAIL_PLAN_AGREED,
  N_DETAILS,
} Detail;

struct _PathwayOverviewView
{
  PathwayView parent_instance;

  /* Borrowed from PathwayView, which holds them while they are shown. */
  PathwayDocument *document;
  PathwayProgramme *programme;
  GListModel *chart_children;

  /* The charts in the slot under the counts, and what they were last made from */
  GtkWidget *charts;            /* the slot's child while the programme has actions */
  PathwayChartView *distribution_chart;
  PathwayChartView *history_chart;
  GtkWidget *history_card;
  PathwayChartView *workstreams_chart;
  GtkWidget *workstreams_card;
  char *charts_key;
  guint charts_source;
  /* Whether Needs Attention and the programme's details are filled and shown, and the idle
   * that will have them filled the first time (see pathway_overview_view_refresh). */
  gboolean lower_shown;
  guint lower_source;

  /* Template children */
  GtkStack *stack;
  AdwStatusPage *setup_page;
  GtkWidget *setup_buttons;
  GtkWidget *setup_open_button;
  GtkScrolledWindow *scroller;
  GtkLabel *programme_label;
  GtkLabel *area_label;
  GtkLabel *actions_value;
  GtkLabel *actions_detail;
  GtkLabel *complete_value;
  GtkLabel *complete_detail;
  GtkLabel *overdue_value;
  GtkLabel *overdue_detail;
  GtkLabel *stale_value;
  GtkLabel *stale_detail;
  AdwPreferencesGroup *ratings_group;
  GtkBox *chart_slot;
  GtkWidget *attention_box;
  AdwPreferencesGroup *red_group;
  GtkButton *red_button;
  AdwPreferencesGroup *overdue_group;
  GtkButton *overdue_button;
  AdwPreferencesGroup *stale_group;
  GtkButton *stale_button;
  AdwPreferencesGroup *details_group;

  /* One row per rating, indexed by PathwayRating */
  AdwActionRow *rating_rows[PATHWAY_N_RATINGS];
  PathwayRatingBadge *rating_badges[PATHWAY_N_RATINGS];
  GtkLabel *rating_counts[PATHWAY_N_RATINGS];
  GtkLabel *rating_shares[PATHWAY_N_RATINGS];

  GtkLabel *details[N_DETAILS];

  /* Each needs-attention group's rows (AttentionRow), and the line it shows when empty */
  GPtrArray *attention_rows[N_ATTENTION];
  GtkWidget *attention_none[N_ATTENTION];
  GtkLabel *attention_none_labels[N_ATTENTION];
};

G_DEFINE_FINAL_TYPE (PathwayOverviewView, pathway_overview_view, PATHWAY_TYPE_VIEW)

/* Formatting ------------------------------------------------------------------------------ */

static const char *
regime_words (PathwayRegime regime)
{
  switch (regime)
    {
    case PATHWAY_REGIME_ACCELERATED_PROGRESS:
      return _("Accelerated progress plan");
    case PATHWAY_REGIME_PRIORITY_ACTIONS_2023:
      return _("Priority actions (2023 framework)");
    case PATHWAY_REGIME_WSOA_2014:
    default:
      return _("Written statement of action (2014 framework)");
    }
}

/* Needs attention ------------------------------------------------------------------------- */

static GDateTime *
last_touched (PathwayAction *action)
{
  GDateTime *time = pathway_action_get_last_updated (action);

  return time != NULL ? time : pathway_action_get_created (action);
}

/* An action that may make a list, with its place in the plan to order equals by. */
typedef struct {
  PathwayAction *action;
  guint position;
} Candidate;

/* The first few of a list by some order, and how many the whole list has. Only the first few
 * are shown, so a programme of thousands of actions is never sorted whole. */
typedef struct {
  Candidate first[ATTENTION_ROWS];
  guint n_first;
  guint total;
  int (*compare) (const Candidate *a, const Candidate *b);
} Shortlist;

/* Soonest due first; undated last. */
static int
compare_due (const Candidate *a,
             const Candidate *b)
{
  int order = pathway_timescale_compare (pathway_action_get_due_timescale (a->action),
                                         pathway_action_get_due_timescale (b->action));

  return order != 0 ? order : (a->position < b->position ? -1 : a->position > b->position);
}

/* Longest without an update first; never updated before all. */
static int
compare_last_update (const Candidate *a,
                     const Candidate *b)
{
  GDateTime *ta = last_touched (a->action);
  GDateTime *tb = last_touched (b->action);

  if (ta != tb)
    {
      if (ta == NULL || tb == NULL)
        return ta == NULL ? -1 : 1;
      if (!g_date_time_equal (ta, tb))
        return g_date_time_compare (ta, tb);
    }
  return a->position < b->position ? -1 : a->position > b->position;
}

static void
shortlist_offer (Shortlist     *list,
                 PathwayAction *action,
                 guint          position)
{
  Candidate candidate = { action, position };
  guint at;

  list->total++;
  if (list->n_first == ATTENTION_ROWS &&
      list->compare (&candidate, &list->first[ATTENTION_ROWS - 1]) >= 0)
    return;

  at = MIN (list->n_first, ATTENTION_ROWS - 1);
  while (at > 0 && list->compare (&candidate, &list->first[at - 1]) < 0)
    at--;
  memmove (&list->first[at + 1], &list->first[at],
           (MIN (list->n_first, ATTENTION_ROWS - 1) - at) * sizeof (Candidate));
  list->first[at] = candidate;
  list->n_first = MIN (list->n_first + 1, ATTENTION_ROWS);
}

static char *
attention_subtitle (PathwayAction *action,
                    Attention      kind)
{
  PathwayPerson *lead = pathway_action_get_lead (action);
  const char *lead_name = lead != NULL ? pathway_person_get_name (lead) : "";
  g_autofree char *when = NULL;

  if (kind == ATTENTION_STALE)
    {
      GDateTime *time = last_touched (action);

      if (time != NULL)
        {
          g_autofree char *day = pathway_format_day_of (time);

          /* Translators: when an action was last updated, as in "Last updated 14 July 2026". */
          when = g_strdup_printf (_("Last updated %s"), day);
        }
      else
        when = g_strdup (_("Never updated"));
    }
  else
    {
      const PathwayTimescale *due = pathway_action_get_due_timescale (action);

      if (due != NULL && due->text[0] != '\0')
        {
          g_autofree char *shown = pathway_timescale_dup_display (due);

          /* Translators: the timescale an action is due by: "Due: December 2025". */
          when = g_strdup_printf (_("Due: %s"), shown);
        }
      else
        when = g_strdup (_("No timescale"));
    }

  if (lead_name[0] == '\0')
    return g_steal_pointer (&when);
  /* Translators: an action's due date or last update, then its lead: "Due: Dec 25 · Ana Ruiz". */
  return g_strdup_printf (_("%s · %s"), when, lead_name);
}

/* One row of a needs-attention list, made once and shown again for whichever action is in its
 * place: a change of rating moves text between rows instead of making rows. */
typedef struct {
  AdwActionRow *row;
  PathwayRatingBadge *badge;
  GtkLabel *reference;
} AttentionRow;

/* An attention row shows one line of its title and one of its subtitle. AdwActionRow gets that
 * by wrapping the labels and cutting them at a line, which lays out the whole description at
 * every width the row is measured for; a label that does not wrap shows the same line with
 * the same ellipsis and is measured once. The labels are found by their documented style
 * classes (label.title and label.subtitle). */
static void
unwrap_row_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unwrap_row_labels (child);
  if (GTK_IS_LABEL (widget) &&
      (gtk_widget_has_css_class (widget, "title") || gtk_widget_has_css_class (widget, "subtitle")))
    gtk_label_set_wrap (GTK_LABEL (widget), FALSE);
}

static AttentionRow *
attention_row_new (Attention kind)
{
  static const char *names[N_ATTENTION] = {
    "attention-red-row", "attention-overdue-row", "attention-stale-row",
  };
  AttentionRow *item = g_new0 (AttentionRow, 1);
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *reference = gtk_label_new (NULL);
  GtkWidget *arrow;

  item->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (item->row), names[kind]);
  /* Reference, description and lead are the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  adw_action_row_set_title_lines (item->row, 1);
  adw_action_row_set_subtitle_lines (item->row, 1);
  unwrap_row_labels (GTK_WIDGET (item->row));

  pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
  adw_action_row_add_prefix (item->row, badge);

  gtk_label_set_xalign (GTK_LABEL (reference), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (reference), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (reference), 10);
  gtk_label_set_ellipsize (GTK_LABEL (reference), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (reference, "attention-reference");
  adw_action_row_add_prefix (item->row, reference);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  /* Decoration: the row itself says it opens the action. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (item->row, arrow);

  /* Opening the action is the window's business: the row names it by id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (item->row), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (item->row), "win.edit-action");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), TRUE);

  item->badge = PATHWAY_RATING_BADGE (badge);
  item->reference = GTK_LABEL (reference);
  return item;
}

static void
attention_row_show (AttentionRow        *item,
                    PathwayAction       *action,
                    Attention            kind,
                    PathwayRatingScheme *scheme)
{
  PathwayRating rating = pathway_action_get_rating (action);
  g_autofree char *subtitle = attention_subtitle (action, kind);
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 pathway_action_get_description (action));
  adw_action_row_set_subtitle (item->row, subtitle);
  gtk_label_set_text (item->reference, pathway_action_get_reference (action));
  pathway_rating_badge_set_rating (item->badge, rating,
                                   pathway_rating_scheme_get_label (scheme, rating));
  /* Translators: an action needing attention read out, as the tracker's rows are: "1B iii,
   * Include the views of children…, Red", then why it is listed as its description. */
  name = g_strdup_printf (_("%s, %s, %s"), pathway_action_get_reference (action),
                          pathway_action_get_description (action),
                          pathway_rating_scheme_get_label (scheme, rating));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle != NULL ? subtitle : "", -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (item->row),
                                          g_variant_new_int64 (pathway_action_get_id (action)));
  gtk_widget_set_visible (GTK_WIDGET (item->row), TRUE);
}

static GtkWidget *
attention_placeholder_new (GtkLabel **label_out)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "attention-placeholder");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  *label_out = GTK_LABEL (label);
  return row;
}

static void
fill_attention (PathwayOverviewView *self,
                Attention            kind,
                const Shortlist     *list,
                const char          *none_text)
{
  AdwPreferencesGroup *groups[N_ATTENTION] = { self->red_group, self->overdue_group,
                                               self->stale_group };
  GtkButton *buttons[N_ATTENTION] = { self->red_button, self->overdue_button,
                                      self->stale_button };
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  GPtrArray *rows = self->attention_rows[kind];
  g_autofree char *button_label = NULL;

  gtk_label_set_text (self->attention_none_labels[kind], none_text);
  gtk_widget_set_visible (self->attention_none[kind], list->total == 0);

  for (guint i = 0; i < list->n_first; i++)
    {
      if (i == rows->len)
        {
          AttentionRow *item = attention_row_new (kind);

          adw_preferences_group_add (groups[kind], GTK_WIDGET (item->row));
          g_ptr_array_add (rows, item);
        }
      attention_row_show (g_ptr_array_index (rows, i), list->first[i].action, kind, scheme);
    }
  for (guint i = list->n_first; i < rows->len; i++)
    {
      AttentionRow *item = g_ptr_array_index (rows, i);

      gtk_widget_set_visible (GTK_WIDGET (item->row), FALSE);
    }

  /* Translators: a button that opens the tracker filtered to all of these actions. */
  button_label = g_strdup_printf (_("Show All %u"), list->total);
  gtk_button_set_label (buttons[kind], button_label);
  gtk_widget_set_visible (GTK_WIDGET (buttons[kind]), list->total > 0);
}

/* Charts ---------------------------------------------------------------------------------- */

static gboolean
charts_idle_cb (gpointer user_data)
{
  PathwayOverviewView *self = user_data;
  g_autoptr(PathwayChart) distribution = NULL;
  g_autoptr(PathwayChart) history = NULL;
  g_autoptr(PathwayChart) workstreams = NULL;
  g_autoptr(GError) error = NULL;
  guint n_workstreams;

  self->charts_source = 0;
  if (self->programme == NULL || self->document == NULL)
    return G_SOURCE_REMOVE;

  distribution = pathway_chart_new_rating_distribution (self->programme, NULL);
  pathway_chart_view_set_chart (self->distribution_chart, distribution);

  /* The history is read from the file; if it cannot be, the other charts still stand. */
  history = pathway_chart_new_rating_history (self->document, NULL, NULL, &error);
  if (history == NULL)
    g_debug ("No chart of ratings over time: %s", error->message);
  pathway_chart_view_set_chart (self->history_chart, history);
  gtk_widget_set_visible (self->history_card, history != NULL);

  n_workstreams = g_list_model_get_n_items (pathway_programme_get_workstreams (self->programme));
  if (n_workstreams > 0)
    workstreams = pathway_chart_new_rating_by_workstream (self->programme);
  pathway_chart_view_set_chart (self->workstreams_chart, workstreams);
  /* A bar to each workstream, with its title above it, and the legend. */
  gtk_widget_set_size_request (GTK_WIDGET (self->workstreams_chart), -1,
                               MAX (200, 44 + 38 * (int) n_workstreams));
  gtk_widget_set_visible (self->workstreams_card, n_workstreams > 0);

  return G_SOURCE_REMOVE;
}

/* Makes the charts again, on an idle, when what they show has changed: the counts, each
 * action's workstream and rating (the workstreams' bars), the words of the rating scheme, the
 * workstreams' names, and the day (the last month of the history ends today). */
static void
queue_charts (PathwayOverviewView *self,
              const guint          counts[PATHWAY_N_RATINGS],
              guint                total,
              guint64              spread,
              const GDate         *today)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  GListModel *workstreams = pathway_programme_get_workstreams (self->programme);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%" G_GUINT64_FORMAT " %u", spread, g_date_get_julian (today));
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    g_string_append_printf (key, "\x1f%u %d %s", counts[i],
                            pathway_rating_scheme_offers (scheme, i),
                            pathway_rating_scheme_get_label (scheme, i));
  for (guint i = 0, n = g_list_model_get_n_items (workstreams); i < n; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);

      g_string_append_printf (key, "\x1e%s\x1f%s", pathway_workstream_get_code (workstream),
                              pathway_workstream_get_title (workstream));
    }

  if (g_strcmp0 (key->str, self->charts_key) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->charts_key);
  self->charts_key = g_string_free (key, FALSE);

  /* A programme with no actions yet has nothing to chart: the slot hides. */
  if (total == 0)
    {
      g_clear_handle_id (&self->charts_source, g_source_remove);
      if (gtk_widget_get_parent (self->charts) != NULL)
        gtk_box_remove (self->chart_slot, self->charts);
      pathway_chart_view_set_chart (self->distribution_chart, NULL);
      pathway_chart_view_set_chart (self->history_chart, NULL);
      pathway_chart_view_set_chart (self->workstreams_chart, NULL);
      return;
    }
  if (gtk_widget_get_parent (self->charts) == NULL)
    gtk_box_append (self->chart_slot, self->charts);
  if (self->charts_source == 0)
    self->charts_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, charts_idle_cb, self, NULL);
}

static GtkWidget *
charts_new (PathwayOverviewView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *distribution_card;

  /* Side by side on a wide window, one above the other on a narrow one. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_add_css_class (flow, "chart-cards");
  gtk_box_append (GTK_BOX (box), flow);

  distribution_card = pathway_chart_card_new ("overview-distribution-chart", TRUE,
                                              &self->distribution_chart);
  gtk_widget_set_size_request (GTK_WIDGET (self->distribution_chart), -1, 240);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), distribution_card);

  self->history_card = pathway_chart_card_new ("overview-history-chart", TRUE,
                                                &self->history_chart);
  gtk_widget_set_size_request (GTK_WIDGET (self->history_chart), -1, 240);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), self->history_card);

  /* The flow box's children take no focus of their own: the charts in them do. */
  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->workstreams_card = pathway_chart_card_new ("overview-workstreams-chart", TRUE,
                                                   &self->workstreams_chart);
  gtk_box_append (GTK_BOX (box), self->workstreams_card);

  return g_object_ref_sink (box);
}

/* Refreshing ------------------------------------------------------------------------------ */

static void
refresh_titles (PathwayOverviewView *self)
{
  const char *name = pathway_programme_get_name (self->programme);
  const char *area = pathway_programme_get_local_area (self->programme);

  /* The user's text is set as text, never as markup. */
  gtk_label_set_text (self->programme_label, name[0] != '\0' ? name : _("Untitled Programme"));
  gtk_label_set_text (self->area_label, area);
  gtk_widget_set_visible (GTK_WIDGET (self->area_label), area[0] != '\0');
}

/* A figure's card is read whole, "Overdue, 12, Past their due date": its name, its value and
 * what the value means, rather than three labels apart. */
static void
name_figure (GtkLabel   *value,
             const char *heading,
             GtkLabel   *detail)
{
  GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (value), GTK_TYPE_FLOW_BOX_CHILD);
  /* Translators: a figure on the Overview read out: its heading, value and meaning,
   * "Overdue, 12, Past their due date" */
  g_autofree char *name = g_strdup_printf (_("%s, %s, %s"), heading, gtk_label_get_text (value),
                                           gtk_label_get_text (detail));

  if (card != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

/* A row of the programme's details is read with its value, "Plan agreed, 3 March 2025". */
static void
name_detail_row (GtkLabel *value)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (value), ADW_TYPE_ACTION_ROW);
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  /* Translators: a detail of the programme read out with its value: "Inspection, 12 May 2025" */
  name = g_strdup_printf (_("%s, %s"),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          gtk_label_get_text (value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_detail_date (PathwayOverviewView *self,
                 Detail               detail,
                 const GDate         *date)
{
  g_autofree char *text = pathway_format_date (date);

  gtk_label_set_text (self->details[detail], text != NULL ? text : _("Not recorded"));
}

static void add_detail_row (PathwayOverviewView *self, Detail detail, const char *title,
                            const char *name);

/* The programme's rows, made when they are first filled: they lie below the first screen. */
static void
ensure_detail_rows (PathwayOverviewView *self)
{
  if (self->details[DETAIL_PARTNERS] != NULL)
    return;
  add_detail_row (self, DETAIL_PARTNERS, _("Partners"), "programme-partners");
  add_detail_row (self, DETAIL_REGIME, _("Inspection framework"), "programme-regime");
  add_detail_row (self, DETAIL_INSPECTION, _("Inspection"), "programme-inspection-date");
  add_detail_row (self, DETAIL_LETTER, _("Inspection letter published"),
                  "programme-letter-published");
  add_detail_row (self, DETAIL_PLAN_AGREED, _("Plan agreed"), "programme-plan-agreed");
}

static void
refresh_details (PathwayOverviewView *self)
{
  const char *partners = pathway_programme_get_partners (self->programme);
  g_auto(GStrv) names = g_strsplit (partners, ";", -1);
  g_autoptr(GString) list = g_string_new (NULL);

  ensure_detail_rows (self);

  /* Partners written "A; B; C" read best one to a line. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        continue;
      if (list->len > 0)
        g_string_append_c (list, '\n');
      g_string_append (list, names[i]);
    }
  gtk_label_set_text (self->details[DETAIL_PARTNERS],
                      list->len > 0 ? list->str : _("Not recorded"));
  gtk_label_set_text (self->details[DETAIL_REGIME],
                      regime_words (pathway_programme_get_regime (self->programme)));
  set_detail_date (self, DETAIL_INSPECTION,
                   pathway_programme_get_inspection_date (self->programme));
  set_detail_date (self, DETAIL_LETTER,
                   pathway_programme_get_letter_published (self->programme));
  set_detail_date (self, DETAIL_PLAN_AGREED, pathway_programme_get_plan_agreed (self->programme));
  for (guint i = 0; i < G_N_ELEMENTS (self->details); i++)
    if (self->details[i] != NULL)
      name_detail_row (self->details[i]);
}

static void
refresh_ratings (PathwayOverviewView *self,
                 const guint          counts[PATHWAY_N_RATINGS],
                 guint                total)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];
      gboolean shown = pathway_rating_scheme_offers (scheme, rating) || counts[rating] > 0;
      const char *word = pathway_rating_scheme_get_label (scheme, rating);

      gtk_widget_set_visible (GTK_WIDGET (self->rating_rows[rating]), shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rating_rows[rating]), word);
      adw_action_row_set_subtitle (self->rating_rows[rating],
                                   pathway_rating_scheme_get_definition (scheme, rating));
      pathway_rating_badge_set_rating (self->rating_badges[rating], rating, word);
      pathway_label_set_printf (self->rating_counts[rating], "%u", counts[rating]);
      /* Translators: a share of the programme's actions, such as "38%". */
      pathway_label_set_printf (self->rating_shares[rating], _("%u%%"), pathway_percent_of (counts[rating], total));
    }
}

static void
refresh_summary (PathwayOverviewView *self)
{
  guint stale_days = pathway_view_get_stale_days (PATHWAY_VIEW (self));
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  GListModel *actions = pathway_programme_get_actions (self->programme);
  const char *red_word = pathway_rating_scheme_get_label (scheme, PATHWAY_RATING_RED);
  const char *red_definition = pathway_rating_scheme_get_definition (scheme, PATHWAY_RATING_RED);
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  Shortlist red = { .compare = compare_due };
  Shortlist overdue = { .compare = compare_due };
  Shortlist stale = { .compare = compare_last_update };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) stale_before = NULL;
  g_autofree char *red_none = NULL;
  g_autofree char *stale_none = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *stale_description = NULL;
  GDate today;
  guint total = 0;
  guint complete;
  guint workstreams;
  double share_complete;
  /* Which workstream each action is in, with which rating, in one number, so that the charts
   * are made again when a bar of theirs would change. */
  guint64 spread = 14695981039346656037ull;

  /* "Today" is the real one: overdue is about the day the user is living in. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  /* Counted in whole days, as the tracker's "stale" filter counts them, so that "Show All"
   * finds the same actions. */
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  stale_before = g_date_time_add_days (midnight, -(int) stale_days);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      PathwayWorkstream *workstream;
      GDateTime *touched;

      if (pathway_action_get_deleted (action))
        continue;

      workstream = pathway_action_get_workstream (action);
      spread = (spread ^ (guint64) (workstream != NULL ? pathway_workstream_get_id (workstream)
                                                       : 0)) * 1099511628211ull;
      spread = (spread ^ (guint64) pathway_action_get_rating (action)) * 1099511628211ull;

      /* The programme's list holds the actions for as long as this pass runs. */
      if (pathway_action_get_rating (action) == PATHWAY_RATING_RED)
        shortlist_offer (&red, action, i);
      if (pathway_action_is_overdue (action, &today))
        shortlist_offer (&overdue, action, i);
      /* A complete action has nothing left to report. */
      touched = last_touched (action);
      if (!pathway_action_is_complete (action) &&
          (touched == NULL || g_date_time_compare (touched, stale_before) < 0))
        shortlist_offer (&stale, action, i);
    }

  pathway_programme_count_ratings (self->programme, NULL, counts);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts[i];
  complete = pathway_programme_count_complete (self->programme, NULL);
  share_complete = pathway_programme_get_share_complete (self->programme, NULL);
  workstreams = g_list_model_get_n_items (pathway_programme_get_workstreams (self->programme));

  pathway_label_set_printf (self->actions_value, "%u", total);
  if (workstreams > 0)
    pathway_label_set_printf (self->actions_detail,
                      ngettext ("In %u workstream", "Across %u workstreams", workstreams),
                      workstreams);
  else
    gtk_label_set_text (self->actions_detail, _("No workstreams yet"));

  /* Rounded down, so that 100% means every action is complete. */
  pathway_label_set_printf (self->complete_value, _("%u%%"),
                    (guint) floor (CLAMP (share_complete, 0.0, 1.0) * 100.0 + 1e-9));
  pathway_label_set_printf (self->complete_detail,
                    ngettext ("%u of %u action", "%u of %u actions", total), complete, total);

  pathway_label_set_printf (self->overdue_value, "%u", overdue.total);
  if (overdue.total == 0)
    gtk_label_set_text (self->overdue_detail, _("None past its due date"));
  else
    gtk_label_set_text (self->overdue_detail,
                        ngettext ("Past its due date", "Past their due date", overdue.total));

  pathway_label_set_printf (self->stale_value, "%u", stale.total);
  /* Translators: under the heading "Not Updated". */
  pathway_label_set_printf (self->stale_detail,
                    ngettext ("For over %u day", "For over %u days", stale_days),
                    stale_days);

  /* The headings as the cards show them. */
  name_figure (self->actions_value, _("Actions"), self->actions_detail);
  name_figure (self->complete_value, _("Complete"), self->complete_detail);
  name_figure (self->overdue_value, _("Overdue"), self->overdue_detail);
  name_figure (self->stale_value, _("Not Updated"), self->stale_detail);

  refresh_ratings (self, counts, total);
  queue_charts (self, counts, total, spread, &today);

  /* Group descriptions are markup: the programme's own words go in escaped. */
  escaped = red_definition[0] != '\0'
              ? g_markup_printf_escaped (_("Rated “%s”: %s"), red_word, red_definition)
              : g_markup_printf_escaped (_("Rated “%s”"), red_word);
  adw_preferences_group_set_description (self->red_group, escaped);
  adw_preferences_group_set_description (self->overdue_group,
                                         _("Past their due date and not complete."));
  stale_description = g_strdup_printf (ngettext ("Not complete, and no update for more than "
                                                 "%u day.",
                                                 "Not complete, and no update for more than "
                                                 "%u days.",
                                                 stale_days),
                                       stale_days);
  adw_preferences_group_set_description (self->stale_group, stale_description);

  red_none = g_strdup_printf (_("No action is rated “%s”."), red_word);
  stale_none = g_strdup_printf (ngettext ("Every action has been updated in the last day.",
                                          "Every action has been updated in the last %u days.",
                                          stale_days),
                                stale_days);
  if (!self->lower_shown)
    return;
  fill_attention (self, ATTENTION_RED, &red, red_none);
  fill_attention (self, ATTENTION_OVERDUE, &overdue, _("No action is past its due date."));
  fill_attention (self, ATTENTION_STALE, &stale, stale_none);
}

/* Set-up ------------------------------------------------------------------------------------ */

static gboolean
has_live_actions (PathwayProgramme *programme)
{
  GListModel *actions = pathway_programme_get_actions (programme);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (!pathway_action_get_deleted (action))
        return TRUE;
    }
  return FALSE;
}

/* The window's Set-up page, if the stack the view is in has one. */
static gboolean
window_has_setup (PathwayOverviewView *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  return stack != NULL && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "setup");
}

static void
refresh_setup (PathwayOverviewView *self)
{
  gboolean writable = pathway_view_get_writable (PATHWAY_VIEW (self));

  adw_status_page_set_description (self->setup_page,
                                   writable
                                     ? _("Bring in the actions from the area’s tracker, or add "
                                         "them one by one.")
                                     : _("This programme has no actions yet, and it is open "
                                         "read-only, so none can be added here."));
  gtk_widget_set_visible (self->setup_buttons, writable);
  gtk_widget_set_visible (self->setup_open_button, window_has_setup (self));
}

static void
setup_open_clicked_cb (PathwayOverviewView *self)
{
  /* The page may have gone since the button was shown: then nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "setup");
}

static gboolean
lower_idle_cb (gpointer user_data)
{
  PathwayOverviewView *self = user_data;

  self->lower_source = 0;
  self->lower_shown = TRUE;
  pathway_view_queue_refresh (PATHWAY_VIEW (self));
  return G_SOURCE_REMOVE;
}

static void
pathway_overview_view_refresh (PathwayView *view)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (view);

  if (self->programme == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (!has_live_actions (self->programme))
    {
      refresh_setup (self);
      gtk_stack_set_visible_child_name (self->stack, "setup");
      return;
    }

  refresh_titles (self);
  if (self->lower_shown)
    refresh_details (self);
  refresh_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");

  /* The first time a programme is shown, what lies below the first screen (Needs Attention,
   * with up to 24 rows, and the programme's details) is left to a refresh after an idle that
   * comes after the window's first frame, as the charts are: the window opens with the figures
   * sooner, and the rows are made and measured once it is on screen. */
  gtk_widget_set_visible (self->attention_box, self->lower_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), self->lower_shown);
  if (!self->lower_shown && self->lower_source == 0)
    self->lower_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, lower_idle_cb, self, NULL);
}

/* Following the model --------------------------------------------------------------------- */

static void
pathway_overview_view_document_changed (PathwayView *view)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (view);

  self->document = pathway_view_get_document (view);
  /* A new programme starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

static void
pathway_overview_view_programme_changed (PathwayView      *view,
                                         PathwayProgramme *programme)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (view);

  self->programme = programme;
  /* Another programme: its charts are made afresh. */
  g_clear_pointer (&self->charts_key, g_free);
  if (programme == NULL)
    return;

  pathway_view_watch (view, programme);
  pathway_view_watch (view, pathway_programme_get_rating_scheme (programme));
  pathway_view_watch_list (view, pathway_programme_get_actions (programme));
  pathway_view_watch_list (view, pathway_programme_get_people (programme));
  /* Their number shows here, and their names in the chart of their ratings. */
  pathway_view_watch_list (view, pathway_programme_get_workstreams (programme));
}

static void
chart_children_changed_cb (PathwayOverviewView *self,
                           guint                position,
                           guint                removed,
                           guint                added,
                           GListModel          *children)
{
  gtk_widget_set_visible (GTK_WIDGET (self->chart_slot), g_list_model_get_n_items (children) > 0);
}

/* Building -------------------------------------------------------------------------------- */

static void
add_rating_row (PathwayOverviewView *self,
                PathwayRating        rating)
{
  const char *name = pathway_style_rating_class (rating);
  g_autofree char *count_name = g_strdup_printf ("rating-count-%s", name);
  g_autofree char *share_name = g_strdup_printf ("rating-share-%s", name);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *share = gtk_label_new ("0%");

  /* Rating words and definitions are the programme's own text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  adw_action_row_add_prefix (row, badge);

  gtk_widget_set_name (count, count_name);
  gtk_label_set_xalign (GTK_LABEL (count), 1.0);
  gtk_widget_add_css_class (count, "title-3");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "rating-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, count);

  gtk_widget_set_name (share, share_name);
  gtk_label_set_xalign (GTK_LABEL (share), 1.0);
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "dim-label");
  gtk_widget_add_css_class (share, "rating-share");
  gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, share);

  adw_preferences_group_add (self->ratings_group, GTK_WIDGET (row));

  self->rating_rows[rating] = row;
  self->rating_badges[rating] = PATHWAY_RATING_BADGE (badge);
  self->rating_counts[rating] = GTK_LABEL (count);
  self->rating_shares[rating] = GTK_LABEL (share);
}

static void
add_detail_row (PathwayOverviewView *self,
                Detail               detail,
                const char          *title,
                const char          *name)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_name (value, name);
  gtk_label_set_xalign (GTK_LABEL (value), 1.0);
  /* Dates and the framework stay on one line; a long list of partners wraps, but keeps a
   * column wide enough not to stand one word to a line. */
  if (detail == DETAIL_PARTNERS)
    {
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
      gtk_label_set_width_chars (GTK_LABEL (value), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 60);
    }
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_can_focus (value, FALSE);
  gtk_widget_add_css_class (value, "dim-label");
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, value);

  adw_preferences_group_add (self->details_group, GTK_WIDGET (row));
  self->details[detail] = GTK_LABEL (value);
}

static void
pathway_overview_view_map (GtkWidget *widget)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (pathway_overview_view_parent_class)->map (widget);

  /* Overdue and stale depend on the day: shown again after a night, they may have changed. */
  if (self->programme != NULL)
    pathway_view_queue_refresh (PATHWAY_VIEW (self));
}

static void
pathway_overview_view_dispose (GObject *object)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->charts_source, g_source_remove);
  g_clear_handle_id (&self->lower_source, g_source_remove);
  if (self->chart_children != NULL)
    g_signal_handlers_disconnect_by_data (self->chart_children, self);
  g_clear_object (&self->chart_children);

  pathway_view_dispose_template (PATHWAY_VIEW (self), PATHWAY_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->charts);

  G_OBJECT_CLASS (pathway_overview_view_parent_class)->dispose (object);
}

static void
pathway_overview_view_finalize (GObject *object)
{
  PathwayOverviewView *self = PATHWAY_OVERVIEW_VIEW (object);

  for (guint i = 0; i < N_ATTENTION; i++)
    g_ptr_array_unref (self->attention_rows[i]);
  g_free (self->charts_key);
  G_OBJECT_CLASS (pathway_overview_view_parent_class)->finalize (object);
}

/* The pages for no programme and for one without actions show the Overview's icon large, which
 * is drawn from SVG. It is given when such a page is shown, not in the template: GTK loads an
 * image's icon as soon as it works out its style, shown or not, and loading an SVG brings in
 * a library of several megabytes that the Overview of a programme does not need. */
static void
status_page_map_cb (AdwStatusPage *page)
{
  adw_status_page_set_icon_name (page, "view-grid-symbolic");
}

static void
pathway_overview_view_class_init (PathwayOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_overview_view_dispose;
  object_class->finalize = pathway_overview_view_finalize;
  widget_class->map = pathway_overview_view_map;
  view_class->document_changed = pathway_overview_view_document_changed;
  view_class->programme_changed = pathway_overview_view_programme_changed;
  view_class->refresh = pathway_overview_view_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, setup_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, setup_buttons);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, setup_open_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, programme_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, area_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, actions_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, actions_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, complete_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, complete_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, overdue_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, stale_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, stale_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, attention_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, red_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, red_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, stale_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, stale_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayOverviewView, details_group);
  gtk_widget_class_bind_template_callback (widget_class, status_page_map_cb);
}

static void
pathway_overview_view_init (PathwayOverviewView *self)
{
  g_type_ensure (PATHWAY_TYPE_RATING_BADGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  g_signal_connect (self, "notify::stale-days", G_CALLBACK (pathway_view_queue_refresh), NULL);
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; i < N_ATTENTION; i++)
    {
      AdwPreferencesGroup *groups[N_ATTENTION] = { self->red_group, self->overdue_group,
                                                   self->stale_group };

      self->attention_rows[i] = g_ptr_array_new_with_free_func (g_free);
      self->attention_none[i] = attention_placeholder_new (&self->attention_none_labels[i]);
      adw_preferences_group_add (groups[i], self->attention_none[i]);
    }

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    add_rating_row (self, pathway_style_rating_order[i]);

  self->chart_children = gtk_widget_observe_children (GTK_WIDGET (self->chart_slot));
  g_signal_connect_swapped (self->chart_children, "items-changed",
                            G_CALLBACK (chart_children_changed_cb), self);
  gtk_box_set_spacing (self->chart_slot, 12);
  self->charts = charts_new (self);

  g_signal_connect_object (self->setup_open_button, "clicked", G_CALLBACK (setup_open_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
pathway_overview_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_OVERVIEW_VIEW, NULL);
}

GtkBox *
pathway_overview_view_get_chart_slot (PathwayOverviewView *self)
{
  g_return_val_if_fail (PATHWAY_IS_OVERVIEW_VIEW (self), NULL);
  return self->chart_slot;
}
