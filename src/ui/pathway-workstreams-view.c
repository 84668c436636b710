/* pathway-workstreams-view.c: the workstreams, each with its lead, members, areas of weakness,
 * spread of ratings and actions.
 *
 * A leaflet holds the list of workstreams (code, title, lead organisation and a bar of its
 * actions' ratings) beside the page of the one chosen, whose counts by rating stand beside a
 * chart of them. Both are worked out from the model on one idle after the changes that call
 * for it: one pass over the actions counts the ratings of every workstream at once. The list
 * keeps its rows while the workstreams stay the same ones in the same order, so a change of
 * rating does not lose the selection or the scroll position.
 *
 * The view changes nothing itself. An action's row leads to the editor through win.edit-action;
 * the view's own actions (workstreams.*), which its buttons and menu name, add a workstream
 * and edit one (PathwayWorkstreamEditor) and retire one after asking. A workstream that
 * actions still belong to cannot be retired (the store refuses, naming them): the question
 * then names them too and offers to move them to another workstream first, in the same undo
 * step as the retiring. Each change is followed by a toast on the main window with Undo. */
#define G_LOG_DOMAIN "pathway-ui"

#include <glib/gi18n.h>

#include "pathway-chart-view.h"
#include "pathway-format.h"
#include "pathway-history-dialog.h"
#include "pathway-rating-bar.h"
#include "pathway-sidebar.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"
#include "pathway-window.h"
#include "pathway-workstream-editor.h"
#include "pathway-workstreams-view.h"

/* A workstream of a very large programme can have thousands of actions: the page lists this
 * many until asked for the rest, so that a change of rating does not rebuild them all. */
#define ACTIONS_SHOWN 100

typedef struct {
  PathwaySidebarEntry base; /* base.item: the PathwayWorkstream */
  GtkLabel *code;
  GtkLabel *title;
  GtkLabel *organisation;
  PathwayRatingBar *bar;
} SidebarEntry;

typedef struct {
  guint counts[PATHWAY_N_RATINGS];
} RatingCounts;

struct _PathwayWorkstreamsView
{
  PathwayView parent_instance;

  /* Borrowed from PathwayView, which holds them while they are shown. */
  PathwayDocument *document;
  PathwayProgramme *programme;

  PathwaySidebar sidebar; /* SidebarEntry, in the programme's order */
  PathwayWorkstream *selected;
  gboolean show_all_actions;

  /* Template children */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkWidget *empty_add_button;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkScrolledWindow *detail_scroller;
  GtkLabel *code_label;
  GtkLabel *title_label;
  GtkLabel *organisation_label;
  GtkLabel *description_label;
  PathwayRatingBar *detail_bar;
  GtkLabel *summary_label;
  AdwPreferencesGroup *lead_group;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *areas_group;
  AdwPreferencesGroup *ratings_group;
  AdwPreferencesGroup *actions_group;

  /* Rows made once */
  AdwActionRow *lead_row;
  GtkLabel *lead_organisation_value;
  AdwActionRow *rating_rows[PATHWAY_N_RATINGS];
  PathwayRatingBadge *rating_badges[PATHWAY_N_RATINGS];
  GtkLabel *rating_counts[PATHWAY_N_RATINGS];
  GtkLabel *rating_shares[PATHWAY_N_RATINGS];
  GtkListBox *ratings_list;
  PathwayChartView *ratings_chart;
  PathwayChartView *history_chart;
  GtkWidget *history_card;
  char *ratings_chart_key; /* what the chart was made from */

  /* Rows (ListRow) of the workstream shown, and what each list shows when it is empty */
  GPtrArray *member_rows;
  GPtrArray *area_rows;
  GPtrArray *action_rows;
  GtkWidget *members_none;
  GtkWidget *areas_none;
  GtkWidget *actions_none;
  GtkButton *show_all_button;
};

G_DEFINE_FINAL_TYPE (PathwayWorkstreamsView, pathway_workstreams_view, PATHWAY_TYPE_VIEW)


static void
sidebar_entry_free (gpointer data)
{
  SidebarEntry *entry = data;

  g_clear_object (&entry->base.item);
  g_free (entry);
}

/* Words ----------------------------------------------------------------------------------- */

static const char *
organisation_word (PathwayLeadOrganisation organisation)
{
  switch (organisation)
    {
    case PATHWAY_LEAD_HEALTH:
      return _("Health");
    case PATHWAY_LEAD_JOINT:
      return _("Joint");
    case PATHWAY_LEAD_COUNCIL:
    default:
      return _("Council");
    }
}

static const char *
organisation_phrase (PathwayLeadOrganisation organisation)
{
  switch (organisation)
    {
    case PATHWAY_LEAD_HEALTH:
      return _("Led by health");
    case PATHWAY_LEAD_JOINT:
      return _("Led jointly by the council and health");
    case PATHWAY_LEAD_COUNCIL:
    default:
      return _("Led by the council");
    }
}

/* "role, organisation", leaving out what is not recorded; NULL when neither is. */
static char *
join_details (const char *first,
              const char *second)
{
  if (first[0] != '\0' && second[0] != '\0')
    /* Translators: two details of a person, as in "Head of SEND, Sallowmere Council". */
    return g_strdup_printf (_("%s, %s"), first, second);
  if (first[0] != '\0')
    return g_strdup (first);
  if (second[0] != '\0')
    return g_strdup (second);
  return NULL;
}

static void
today_local (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* The list of workstreams ----------------------------------------------------------------- */

static PathwaySidebarEntry *
sidebar_entry_new (GObject *item)
{
  SidebarEntry *entry = g_new0 (SidebarEntry, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *organisation = gtk_label_new (NULL);
  GtkWidget *bar = pathway_rating_bar_new ();

  entry->base.item = g_object_ref (item);
  entry->base.row = gtk_list_box_row_new ();
  gtk_widget_set_name (entry->base.row, "workstream-row");
  gtk_widget_add_css_class (entry->base.row, "workstream-row");

  gtk_widget_add_css_class (code, "workstream-code");
  gtk_widget_set_valign (code, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), code);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "workstream-row-title");
  gtk_box_append (GTK_BOX (text), title);

  gtk_label_set_xalign (GTK_LABEL (organisation), 0.0);
  gtk_widget_add_css_class (organisation, "caption");
  gtk_widget_add_css_class (organisation, "dim-label");
  gtk_box_append (GTK_BOX (text), organisation);

  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (text), bar);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->base.row), box);

  entry->code = GTK_LABEL (code);
  entry->title = GTK_LABEL (title);
  entry->organisation = GTK_LABEL (organisation);
  entry->bar = PATHWAY_RATING_BAR (bar);
  return &entry->base;
}

static void
sidebar_entry_update (SidebarEntry       *entry,
                      const RatingCounts *counts)
{
  static const RatingCounts none = { { 0, } };
  const char *code = pathway_workstream_get_code (PATHWAY_WORKSTREAM (entry->base.item));
  const char *title = pathway_workstream_get_title (PATHWAY_WORKSTREAM (entry->base.item));
  PathwayLeadOrganisation organisation =
    pathway_workstream_get_lead_organisation (PATHWAY_WORKSTREAM (entry->base.item));
  g_autofree char *accessible = NULL;
  g_autofree char *described = NULL;
  g_autofree char *detail = NULL;
  guint total = 0;

  /* The user's text is set as text, never as markup. */
  gtk_label_set_text (entry->code, code);
  gtk_widget_set_visible (GTK_WIDGET (entry->code), code[0] != '\0');
  gtk_label_set_text (entry->title, title[0] != '\0' ? title : _("Untitled workstream"));
  if (counts == NULL)
    counts = &none;
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts->counts[i];
  /* Translators: a workstream's lead organisation and its number of actions:
   * "Council · 19 actions". */
  detail = g_strdup_printf (ngettext ("%s · %u action", "%s · %u actions", total),
                            organisation_word (organisation), total);
  gtk_label_set_text (entry->organisation, detail);
  pathway_rating_bar_set_counts (entry->bar, counts->counts);

  /* Translators: how a screen reader names a workstream in the list: "A: Co-production". */
  accessible = g_strdup_printf (_("%s: %s"), code, title);
  /* Translators: what a screen reader says of a workstream in the list after its name: "Led
   * by the council, 19 actions: 3 red, 5 amber, 11 green". */
  described = g_strdup_printf (ngettext ("%s, %u action: %s", "%s, %u actions: %s", total),
                               organisation_phrase (organisation), total,
                               pathway_rating_bar_get_summary (entry->bar));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->base.row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
}

static void
set_selected (PathwayWorkstreamsView *self,
              PathwayWorkstream      *workstream)
{
  if (self->selected == workstream)
    return;

  g_set_object (&self->selected, workstream);
  self->show_all_actions = FALSE;
}

static void
update_sidebar (PathwayWorkstreamsView *self,
                GListModel             *workstreams)
{
  gboolean same = FALSE;
  PathwaySidebarEntry *keep = pathway_sidebar_update (&self->sidebar, workstreams,
                                                      G_OBJECT (self->selected),
                                                      sidebar_entry_new, &same);

  if (keep == NULL)
    set_selected (self, NULL);
  /* The same workstream, reloaded, keeps its page as it was (all actions shown or not). */
  else if (same)
    g_set_object (&self->selected, PATHWAY_WORKSTREAM (keep->item));
  else
    set_selected (self, PATHWAY_WORKSTREAM (keep->item));
}

/* The page of one workstream -------------------------------------------------------------- */

/* A row of the members, areas or actions list. Rows are made once and shown again for
 * whatever is in their place, so that a change of one rating does not remake the page. */
typedef struct {
  AdwActionRow *row;
  GtkLabel *reference;        /* areas and actions */
  PathwayRatingBadge *badge;  /* actions */
} ListRow;

typedef enum {
  LIST_MEMBERS,
  LIST_AREAS,
  LIST_ACTIONS,
} ListKind;

static GtkWidget *
placeholder_new (AdwPreferencesGroup *group,
                 const char          *text)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "workstream-placeholder");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkLabel *
reference_label_new (int width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "workstream-reference");
  return GTK_LABEL (label);
}

static ListRow *
list_row_new (ListKind kind)
{
  static const char *names[] = {
    "workstream-member-row", "workstream-area-row", "workstream-action-row",
  };
  ListRow *item = g_new0 (ListRow, 1);

  item->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (item->row), names[kind]);
  /* Names, roles, references, titles and descriptions are the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);

  if (kind == LIST_AREAS)
    {
      item->reference = reference_label_new (3);
      adw_action_row_add_prefix (item->row, GTK_WIDGET (item->reference));
    }
  else if (kind == LIST_ACTIONS)
    {
      GtkWidget *badge = pathway_rating_badge_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      item->reference = reference_label_new (6);
      adw_action_row_add_prefix (item->row, GTK_WIDGET (item->reference));
      adw_action_row_set_title_lines (item->row, 2);
      adw_action_row_set_subtitle_lines (item->row, 1);

      item->badge = PATHWAY_RATING_BADGE (badge);
      pathway_rating_badge_set_small (item->badge, TRUE);
      adw_action_row_add_suffix (item->row, badge);
      /* Decoration: the row itself says it opens the action. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (item->row, arrow);

      /* Opening the action is the window's business: the row names it by id. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (item->row),
                                              g_variant_new_int64 (0));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (item->row), "win.edit-action");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), TRUE);
    }

  return item;
}

/* The rows of a list with 'used' of them in use: more are made as needed, the rest go. */
static ListRow *
list_row_at (AdwPreferencesGroup *group,
             GPtrArray           *rows,
             ListKind             kind,
             guint                index)
{
  while (rows->len <= index)
    {
      ListRow *item = list_row_new (kind);

      adw_preferences_group_add (group, GTK_WIDGET (item->row));
      g_ptr_array_add (rows, item);
    }
  return g_ptr_array_index (rows, index);
}

static void
list_trim (AdwPreferencesGroup *group,
           GPtrArray           *rows,
           guint                used)
{
  while (rows->len > used)
    {
      ListRow *item = g_ptr_array_index (rows, rows->len - 1);

      adw_preferences_group_remove (group, GTK_WIDGET (item->row));
      g_ptr_array_remove_index (rows, rows->len - 1);
    }
}

static void
refresh_leadership (PathwayWorkstreamsView *self)
{
  PathwayPerson *lead = pathway_workstream_get_lead (self->selected);
  PathwayLeadOrganisation organisation;
  g_autofree char *details = NULL;

  if (lead != NULL && pathway_person_get_name (lead)[0] != '\0')
    {
      details = join_details (pathway_person_get_role (lead),
                              pathway_person_get_organisation (lead));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_row),
                                     pathway_person_get_name (lead));
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_row), _("No lead recorded"));
  adw_action_row_set_subtitle (self->lead_row, details != NULL ? details : "");

  organisation = pathway_workstream_get_lead_organisation (self->selected);
  gtk_label_set_text (self->lead_organisation_value, organisation_word (organisation));
}

static void
refresh_members (PathwayWorkstreamsView *self)
{
  GListModel *members = pathway_workstream_get_members (self->selected);
  guint n = g_list_model_get_n_items (members);
  g_autofree char *description = NULL;

  description = g_strdup_printf (ngettext ("%u member", "%u members", n), n);
  adw_preferences_group_set_description (self->members_group, description);
  gtk_widget_set_visible (self->members_none, n == 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayMember) member = g_list_model_get_item (members, i);
      PathwayPerson *person = pathway_member_get_person (member);
      ListRow *item = list_row_at (self->members_group, self->member_rows, LIST_MEMBERS, i);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     person != NULL ? pathway_person_get_name (person)
                                                    : _("Unknown person"));
      subtitle = join_details (pathway_member_get_role (member),
                               person != NULL ? pathway_person_get_organisation (person) : "");
      adw_action_row_set_subtitle (item->row, subtitle != NULL ? subtitle : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (
                                        ADW_PREFERENCES_ROW (item->row)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      subtitle != NULL ? subtitle : "", -1);
    }
  list_trim (self->members_group, self->member_rows, n);
}

static void
refresh_areas (PathwayWorkstreamsView *self)
{
  GListModel *areas = pathway_workstream_get_areas (self->selected);
  guint n = g_list_model_get_n_items (areas);

  gtk_widget_set_visible (self->areas_none, n == 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);
      ListRow *item = list_row_at (self->areas_group, self->area_rows, LIST_AREAS, i);

      g_autofree char *name = NULL;

      gtk_label_set_text (item->reference, pathway_area_of_weakness_get_reference (area));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     pathway_area_of_weakness_get_title (area));
      /* Translators: an area of weakness read out, its reference and title: "1B, Joint
       * commissioning" */
      name = g_strdup_printf (_("%s, %s"), pathway_area_of_weakness_get_reference (area),
                              pathway_area_of_weakness_get_title (area));
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
  list_trim (self->areas_group, self->area_rows, n);
}

static void
show_all_clicked_cb (PathwayWorkstreamsView *self)
{
  self->show_all_actions = TRUE;
  pathway_view_refresh (PATHWAY_VIEW (self));
}

static void
refresh_actions (PathwayWorkstreamsView *self,
                 GPtrArray              *actions)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  guint shown = self->show_all_actions ? actions->len : MIN (actions->len, ACTIONS_SHOWN);
  g_autofree char *description = NULL;
  g_autofree char *show_all = NULL;

  description = g_strdup_printf (ngettext ("%u action", "%u actions", actions->len),
                                 actions->len);
  adw_preferences_group_set_description (self->actions_group, description);
  gtk_widget_set_visible (self->actions_none, actions->len == 0);

  for (guint i = 0; i < shown; i++)
    {
      PathwayAction *action = g_ptr_array_index (actions, i);
      PathwayRating rating = pathway_action_get_rating (action);
      const PathwayTimescale *due = pathway_action_get_due_timescale (action);
      ListRow *item = list_row_at (self->actions_group, self->action_rows, LIST_ACTIONS, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;

      if (due != NULL && due->text[0] != '\0')
        {
          g_autofree char *shown = pathway_timescale_dup_display (due);

          /* Translators: the timescale an action is due by: "Due: December 2025". */
          subtitle = g_strdup_printf (_("Due: %s"), shown);
        }
      else
        subtitle = g_strdup (_("No timescale"));

      gtk_label_set_text (item->reference, pathway_action_get_reference (action));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     pathway_action_get_description (action));
      adw_action_row_set_subtitle (item->row, subtitle);
      pathway_rating_badge_set_rating (item->badge, rating,
                                       pathway_rating_scheme_get_label (scheme, rating));
      /* Translators: a workstream's action read out as the tracker's rows are: "1B iii,
       * Include the views of children…, Red, Due: December 2025". */
      name = g_strdup_printf (_("%s, %s, %s, %s"), pathway_action_get_reference (action),
                              pathway_action_get_description (action),
                              pathway_rating_scheme_get_label (scheme, rating), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (item->row),
                                              g_variant_new_int64 (pathway_action_get_id (
                                                action)));
    }
  list_trim (self->actions_group, self->action_rows, shown);

  /* Translators: shows the rest of a long list of a workstream's actions. */
  show_all = g_strdup_printf (_("Show All %u Actions"), actions->len);
  gtk_button_set_label (self->show_all_button, show_all);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), shown < actions->len);
}

/* The charts are made again only when the workstream, its counts, its title (the charts'),
 * the rating scheme's words or the day (the history's last month ends today) have changed.
 * The history is read from the file; if it cannot be, its card hides and the rest stands. */
static void
refresh_ratings_chart (PathwayWorkstreamsView *self,
                       const guint             counts[PATHWAY_N_RATINGS])
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  g_autoptr(PathwayChart) chart = NULL;
  g_autoptr(PathwayChart) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = pathway_document_dup_now (self->document);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%" G_GINT64_FORMAT "\x1f%s\x1f%d %d",
                          pathway_workstream_get_id (self->selected),
                          pathway_workstream_get_title (self->selected),
                          g_date_time_get_year (now), g_date_time_get_day_of_year (now));
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    g_string_append_printf (key, "\x1f%u %d %s", counts[i],
                            pathway_rating_scheme_offers (scheme, i),
                            pathway_rating_scheme_get_label (scheme, i));
  if (g_strcmp0 (key->str, self->ratings_chart_key) == 0 &&
      pathway_chart_view_get_chart (self->ratings_chart) != NULL)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->ratings_chart_key);
  self->ratings_chart_key = g_string_free (key, FALSE);

  chart = pathway_chart_new_rating_distribution (self->programme, self->selected);
  pathway_chart_view_set_chart (self->ratings_chart, chart);

  history = pathway_chart_new_rating_history (self->document, self->selected, NULL, &error);
  if (history == NULL)
    g_debug ("No chart of the workstream's ratings over time: %s", error->message);
  pathway_chart_view_set_chart (self->history_chart, history);
  gtk_widget_set_visible (self->history_card, history != NULL);
}

static void
refresh_ratings (PathwayWorkstreamsView *self,
                 const guint             counts[PATHWAY_N_RATINGS])
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (self->programme);
  guint total = 0;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    total += counts[i];

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];
      const char *word = pathway_rating_scheme_get_label (scheme, rating);
      gboolean shown = pathway_rating_scheme_offers (scheme, rating) || counts[rating] > 0;

      gtk_widget_set_visible (GTK_WIDGET (self->rating_rows[rating]), shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rating_rows[rating]), word);
      adw_action_row_set_subtitle (self->rating_rows[rating],
                                   pathway_rating_scheme_get_definition (scheme, rating));
      pathway_rating_badge_set_rating (self->rating_badges[rating], rating, word);
      pathway_label_set_printf (self->rating_counts[rating], "%u", counts[rating]);
      /* Translators: a share of the workstream's actions, such as "38%". */
      pathway_label_set_printf (self->rating_shares[rating], _("%u%%"), pathway_percent_of (counts[rating], total));
    }

  refresh_ratings_chart (self, counts);
}

static void
refresh_detail (PathwayWorkstreamsView *self,
                GPtrArray              *actions,
                const RatingCounts     *counts)
{
  static const RatingCounts none = { { 0, } };
  const char *code = pathway_workstream_get_code (self->selected);
  const char *title = pathway_workstream_get_title (self->selected);
  const char *description = pathway_workstream_get_description (self->selected);
  guint complete = 0;
  guint overdue = 0;
  GDate today;
  g_autofree char *count_text = NULL;
  g_autofree char *complete_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *summary = NULL;

  if (counts == NULL)
    counts = &none;

  gtk_label_set_text (self->code_label, code);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code[0] != '\0');
  gtk_label_set_text (self->title_label, title[0] != '\0' ? title : _("Untitled workstream"));
  gtk_label_set_text (self->organisation_label,
                      organisation_phrase (pathway_workstream_get_lead_organisation (
                        self->selected)));
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description[0] != '\0');

  today_local (&today);
  for (guint i = 0; i < actions->len; i++)
    {
      PathwayAction *action = g_ptr_array_index (actions, i);

      if (pathway_action_is_complete (action))
        complete++;
      if (pathway_action_is_overdue (action, &today))
        overdue++;
    }

  pathway_rating_bar_set_counts (self->detail_bar, counts->counts);
  count_text = g_strdup_printf (ngettext ("%u action", "%u actions", actions->len), actions->len);
  /* Translators: the share of a workstream's actions that is complete, as in "38% complete". */
  complete_text = g_strdup_printf (_("%u%% complete"), pathway_percent_of (complete, actions->len));
  overdue_text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  /* Translators: "22 actions · 38% complete · 3 overdue". */
  summary = g_strdup_printf (_("%s · %s · %s"), count_text, complete_text, overdue_text);
  gtk_label_set_text (self->summary_label, summary);

  refresh_leadership (self);
  refresh_members (self);
  refresh_areas (self);
  refresh_ratings (self, counts->counts);
  refresh_actions (self, actions);
}

/* Refreshing ------------------------------------------------------------------------------ */

static void
update_actions (PathwayWorkstreamsView *self)
{
  /* On a server the workstreams are its managers' to change. */
  gboolean writable = self->programme != NULL && pathway_view_get_manages (PATHWAY_VIEW (self));
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "workstreams.add", writable);
  gtk_widget_action_set_enabled (widget, "workstreams.edit", writable && self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "workstreams.history", self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "workstreams.retire",
                                 writable && self->selected != NULL);
}

static void
pathway_workstreams_view_refresh (PathwayView *view)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (view);
  GListModel *workstreams;
  GListModel *actions;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) selected_actions = NULL;
  g_autofree RatingCounts *all_counts = NULL;

  if (self->programme == NULL ||
      g_list_model_get_n_items (pathway_programme_get_workstreams (self->programme)) == 0)
    {
      if (self->sidebar.entries->len > 0)
        {
          g_autoptr(GListStore) nothing = g_list_store_new (PATHWAY_TYPE_WORKSTREAM);

          update_sidebar (self, G_LIST_MODEL (nothing));
        }
      set_selected (self, NULL);
      adw_status_page_set_title (self->status_page, self->programme == NULL
                                                      ? _("No Programme Open")
                                                      : _("No Workstreams Yet"));
      adw_status_page_set_description (self->status_page, self->programme == NULL
                                         ? NULL
                                         : _("Each workstream brings together the actions "
                                             "one lead and their group deliver."));
      gtk_widget_set_visible (self->empty_add_button, self->programme != NULL);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  workstreams = pathway_programme_get_workstreams (self->programme);
  actions = pathway_programme_get_actions (self->programme);

  update_sidebar (self, workstreams);

  /* One pass over the actions counts every workstream's ratings. */
  counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  selected_actions = g_ptr_array_new ();
  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      PathwayWorkstream *workstream = pathway_action_get_workstream (action);
      RatingCounts *entry;
      PathwayRating rating;

      if (workstream == NULL || pathway_action_get_deleted (action))
        continue;

      entry = g_hash_table_lookup (counts, workstream);
      if (entry == NULL)
        {
          entry = g_new0 (RatingCounts, 1);
          g_hash_table_insert (counts, workstream, entry);
        }
      rating = pathway_action_get_rating (action);
      if ((guint) rating < PATHWAY_N_RATINGS)
        entry->counts[rating]++;

      /* The programme's list holds the action for as long as this pass runs. */
      if (workstream == self->selected)
        g_ptr_array_add (selected_actions, action);
    }

  for (guint i = 0; i < self->sidebar.entries->len; i++)
    {
      SidebarEntry *entry = g_ptr_array_index (self->sidebar.entries, i);

      sidebar_entry_update (entry, g_hash_table_lookup (counts, entry->base.item));
    }

  if (self->selected != NULL)
    refresh_detail (self, selected_actions, g_hash_table_lookup (counts, self->selected));

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "workstreams");
}

/* Following the model --------------------------------------------------------------------- */

/* A workstream's members and areas are lists of their own. */
static void
pathway_workstreams_view_watch_item (PathwayView *view,
                                     GObject     *item)
{
  if (PATHWAY_IS_WORKSTREAM (item))
    {
      PathwayWorkstream *workstream = PATHWAY_WORKSTREAM (item);

      pathway_view_watch_list (view, pathway_workstream_get_members (workstream));
      pathway_view_watch_list (view, pathway_workstream_get_areas (workstream));
    }
}

static void
pathway_workstreams_view_document_changed (PathwayView *view)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (view);

  self->document = pathway_view_get_document (view);
  /* Another file: start from its first workstream, with the list in view. */
  set_selected (self, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
pathway_workstreams_view_programme_changed (PathwayView      *view,
                                            PathwayProgramme *programme)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (view);

  self->programme = programme;
  if (programme == NULL)
    return;

  pathway_view_watch (view, pathway_programme_get_rating_scheme (programme));
  pathway_view_watch_list (view, pathway_programme_get_workstreams (programme));
  pathway_view_watch_list (view, pathway_programme_get_people (programme));
  pathway_view_watch_list (view, pathway_programme_get_areas (programme));
  pathway_view_watch_list (view, pathway_programme_get_actions (programme));
}

/* Changing the workstreams ---------------------------------------------------------------- */

static GtkWindow *
parent_window (PathwayWorkstreamsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast on the main window, with Undo when the step named is the one undo would take back.
 * Toasts are markup: the title quotes the user's text. */
static void
announce (PathwayWorkstreamsView *self,
          const char             *title,
          const char             *undo_label)
{
  GtkWindow *window = parent_window (self);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (window))
    return;
  toast = adw_toast_new (escaped);
  if (pathway_document_get_can_undo (self->document) &&
      (undo_label == NULL ||
       g_strcmp0 (pathway_document_get_undo_label (self->document), undo_label) == 0))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (window), toast);
}

static void
show_error (PathwayWorkstreamsView *self,
            const char             *heading,
            const char             *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new workstream is shown once it is saved. */
static void
editor_saved_cb (PathwayWorkstreamsView *self,
                 PathwayWorkstream      *workstream)
{
  pathway_workstreams_view_select (self, pathway_workstream_get_id (workstream));
}

static void
open_editor (PathwayWorkstreamsView *self,
             PathwayWorkstream      *workstream)
{
  PathwayWorkstreamEditor *editor;

  if (self->document == NULL)
    return;
  editor = pathway_workstream_editor_new (parent_window (self), self->document, workstream);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (PATHWAY_WORKSTREAMS_VIEW (widget), NULL);
}

/* Every change of the workstream shown, who made it and when. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PathwayHistoryDialog *dialog;

  if (self->selected == NULL || self->document == NULL)
    return;
  dialog = pathway_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->document, self->selected, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (widget);

  if (self->selected != NULL)
    open_editor (self, self->selected);
}

/* The workstream's name in a message: "B – EHC needs assessments and plans". */
static char *
workstream_name (PathwayWorkstream *workstream)
{
  /* Translators: a workstream's code and title in a message. */
  return g_strdup_printf (_("%s – %s"), pathway_workstream_get_code (workstream),
                          pathway_workstream_get_title (workstream));
}

/* Moves every use of 'workstream' to 'to' (when given) and retires it, as one undo step. The
 * uses of a workstream are fields of live records that name it, each a property of that name. */
static gboolean
retire_workstream (PathwayWorkstreamsView *self,
                   PathwayWorkstream      *workstream,
                   PathwayWorkstream      *to,
                   char                  **label_out,
                   GError                **error)
{
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) uses = NULL;

  /* Translators: the name of an undo step: "Retire workstream B". */
  label = g_strdup_printf (_("Retire workstream %s"), pathway_workstream_get_code (workstream));
  if (to != NULL)
    /* Translators: the note on each action moved: "Moved from workstream B, which was
     * retired". */
    note = g_strdup_printf (_("Moved from workstream %s, which was retired"),
                            pathway_workstream_get_code (workstream));
  if (!pathway_document_begin_batch (self->document, label, error))
    return FALSE;
  if (to != NULL)
    {
      uses = pathway_document_list_uses (self->document, workstream, error);
      if (uses == NULL)
        goto failed;
      for (guint i = 0; i < uses->len; i++)
        {
          PathwayUse *use = g_ptr_array_index (uses, i);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (use->record),
                                                            use->field);
          g_auto(GValue) value = G_VALUE_INIT;

          if (pspec == NULL || pspec->value_type != PATHWAY_TYPE_WORKSTREAM)
            continue;
          g_value_init (&value, PATHWAY_TYPE_WORKSTREAM);
          g_value_set_object (&value, to);
          if (!pathway_document_set_value (self->document, use->record, use->field, &value, note,
                                           error))
            goto failed;
        }
    }
  if (!pathway_document_retire (self->document, workstream, NULL, error))
    goto failed;
  if (!pathway_document_commit_batch (self->document, error))
    return FALSE;
  *label_out = g_steal_pointer (&label);
  return TRUE;

failed:
  pathway_document_rollback_batch (self->document);
  return FALSE;
}

static void
retired (PathwayWorkstreamsView *self,
         const char             *code,
         PathwayWorkstream      *to,
         const char             *label)
{
  g_autofree char *title = NULL;

  if (to != NULL)
    /* Translators: after a workstream was retired and its actions moved: "Retired workstream
     * B; its actions are in workstream C now". */
    title = g_strdup_printf (_("Retired workstream %s; its actions are in workstream %s now"),
                             code, pathway_workstream_get_code (to));
  else
    /* Translators: after a workstream was retired: "Retired workstream B". */
    title = g_strdup_printf (_("Retired workstream %s"), code);
  announce (self, title, label);
}

static void ask_to_move (PathwayWorkstreamsView *self, PathwayWorkstream *workstream,
                         GPtrArray *uses);

static void
retire_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    PathwayWorkstreamsView *self)
{
  PathwayWorkstream *workstream = g_object_get_data (G_OBJECT (dialog), "workstream");
  GPtrArray *others = g_object_get_data (G_OBJECT (dialog), "others");
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  PathwayWorkstream *to = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || (!g_str_equal (response, "retire") &&
                                 !g_str_equal (response, "move")))
    return;
  if (g_str_equal (response, "move"))
    {
      guint chosen = gtk_drop_down_get_selected (drop_down);

      if (others == NULL || chosen >= others->len)
        return;
      to = g_ptr_array_index (others, chosen);
    }
  code = g_strdup (pathway_workstream_get_code (workstream));
  if (!retire_workstream (self, workstream, to, &label, &error))
    {
      g_autoptr(GPtrArray) uses = NULL;
      g_autofree char *heading = g_strdup_printf (_("Workstream %s Was Not Retired"), code);

      /* In use after all (changed since the question was asked): ask where to move them. */
      if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_IN_USE) &&
          (uses = pathway_document_list_uses (self->document, workstream, NULL)) != NULL &&
          uses->len > 0)
        ask_to_move (self, workstream, uses);
      else
        show_error (self, heading, error->message);
      return;
    }
  retired (self, code, to, label);
}

static AdwMessageDialog *
retire_dialog_new (PathwayWorkstreamsView *self,
                   PathwayWorkstream      *workstream)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: asked before a workstream is retired: "Retire workstream B?" */
  heading = g_strdup_printf (_("Retire Workstream %s?"),
                             pathway_workstream_get_code (workstream));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, NULL));
  gtk_widget_set_name (GTK_WIDGET (dialog), "retire-workstream-dialog");
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "workstream", g_object_ref (workstream),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  return dialog;
}

/* The workstream is in use: the question names where, and offers to move those uses to
 * another workstream before retiring it. */
static void
ask_to_move (PathwayWorkstreamsView *self,
             PathwayWorkstream      *workstream,
             GPtrArray              *uses)
{
  AdwMessageDialog *dialog = retire_dialog_new (self, workstream);
  GListModel *workstreams = pathway_programme_get_workstreams (self->programme);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *where = pathway_document_describe_uses (self->document, uses);
  g_autofree char *name = workstream_name (workstream);
  g_autofree char *body = NULL;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *drop_down;

  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(PathwayWorkstream) other = g_list_model_get_item (workstreams, i);
      g_autofree char *other_name = NULL;

      if (other == workstream)
        continue;
      other_name = workstream_name (other);
      gtk_string_list_append (names, other_name);
      g_ptr_array_add (others, g_steal_pointer (&other));
    }

  /* Translators: why a workstream cannot simply be retired: "B – EHC needs assessments and
   * plans is still in use (workstream of actions 2A i, 2A ii). Move its actions to another
   * workstream, then retire it." */
  body = others->len > 0
           ? g_strdup_printf (_("%s is still in use (%s). Move its actions to another "
                                "workstream, then retire it."), name, where)
           : g_strdup_printf (_("%s is still in use (%s). Add another workstream to move its "
                                "actions to, then retire it."), name, where);
  adw_message_dialog_set_body (dialog, body);

  if (others->len > 0)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      label = gtk_label_new_with_mnemonic (_("_Move the actions to"));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_widget_set_name (drop_down, "retire-move-to");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (box), drop_down);
      adw_message_dialog_set_extra_child (dialog, box);
      adw_message_dialog_add_response (dialog, "move", _("_Move and Retire"));
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_DESTRUCTIVE);
      g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
      g_object_set_data_full (G_OBJECT (dialog), "others", g_steal_pointer (&others),
                              (GDestroyNotify) g_ptr_array_unref);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (widget);
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->selected == NULL || self->document == NULL)
    return;
  /* Asked before anything is tried, so that the one question says what retiring involves. */
  uses = pathway_document_list_uses (self->document, self->selected, &error);
  if (uses == NULL)
    {
      show_error (self, _("The Workstream Was Not Retired"), error->message);
      return;
    }
  if (uses->len > 0)
    {
      ask_to_move (self, self->selected, uses);
      return;
    }
  dialog = retire_dialog_new (self, self->selected);
  adw_message_dialog_set_body (dialog, _("It leaves the list of workstreams. Its members, "
                                         "areas and history are kept, and Undo brings it "
                                         "back."));
  adw_message_dialog_add_response (dialog, "retire", _("_Retire"));
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Signals from the template --------------------------------------------------------------- */

static void
sidebar_row_selected_cb (PathwayWorkstreamsView *self,
                         GtkListBoxRow          *row,
                         GtkListBox             *list)
{
  PathwaySidebarEntry *entry = pathway_sidebar_entry_for_row (&self->sidebar, row);

  if (entry == NULL || entry->item == G_OBJECT (self->selected))
    return;

  set_selected (self, PATHWAY_WORKSTREAM (entry->item));
  pathway_view_refresh (PATHWAY_VIEW (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0.0);
}

static void
sidebar_row_activated_cb (PathwayWorkstreamsView *self,
                          GtkListBoxRow          *row,
                          GtkListBox             *list)
{
  /* On a narrow window the list and the page take turns. On a wide one both are in view,
   * and the focus stays in the list for the arrows to go on (the leaflet would move it to
   * the page). */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
back_clicked_cb (PathwayWorkstreamsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Building -------------------------------------------------------------------------------- */

static void
add_rating_row (PathwayWorkstreamsView *self,
                PathwayRating           rating)
{
  const char *name = pathway_style_rating_class (rating);
  g_autofree char *count_name = g_strdup_printf ("workstream-rating-count-%s", name);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *count = gtk_label_new ("0");
  GtkWidget *share = gtk_label_new ("0%");

  /* Rating words and definitions are the programme's own text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
  adw_action_row_add_prefix (row, badge);

  gtk_widget_set_name (count, count_name);
  gtk_label_set_xalign (GTK_LABEL (count), 1.0);
  gtk_widget_add_css_class (count, "heading");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "rating-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, count);

  gtk_label_set_xalign (GTK_LABEL (share), 1.0);
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "dim-label");
  gtk_widget_add_css_class (share, "rating-share");
  gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, share);

  gtk_list_box_append (self->ratings_list, GTK_WIDGET (row));

  self->rating_rows[rating] = row;
  self->rating_badges[rating] = PATHWAY_RATING_BADGE (badge);
  self->rating_counts[rating] = GTK_LABEL (count);
  self->rating_shares[rating] = GTK_LABEL (share);
}

/* The counts by rating beside a chart of them; one above the other on a narrow page. */
static void
add_ratings_chart (PathwayWorkstreamsView *self)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *card;
  PathwayChartView *chart;

  pathway_tab_stop_attach (list);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_add_css_class (flow, "chart-cards");

  /* Wide enough that a rating's word and definition are not squeezed beside the chart: a
   * narrower page puts the chart under them. */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_size_request (list, 300, -1);
  gtk_widget_set_hexpand (list, TRUE);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions by rating"), -1);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), list);

  /* The group's title says what the chart is. */
  card = pathway_chart_card_new ("workstream-ratings-chart", FALSE, &chart);
  /* As tall as the three rows of a RAG scheme; with more rows, it grows with them. */
  gtk_widget_set_size_request (GTK_WIDGET (chart), -1, 144);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), card);

  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  adw_preferences_group_add (self->ratings_group, flow);
  self->ratings_list = GTK_LIST_BOX (list);
  self->ratings_chart = chart;

  /* The counts at each month end, under them, as wide as the page: its title says what. */
  self->history_card = pathway_chart_card_new ("workstream-history-chart", TRUE,
                                               &self->history_chart);
  gtk_widget_set_size_request (GTK_WIDGET (self->history_chart), -1, 240);
  gtk_widget_set_margin_top (self->history_card, 12);
  adw_preferences_group_add (self->ratings_group, self->history_card);
}

static void
add_leadership_rows (PathwayWorkstreamsView *self)
{
  AdwActionRow *organisation = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  self->lead_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* The lead's name, role and organisation are the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->lead_row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->lead_row), FALSE);
  gtk_widget_set_name (GTK_WIDGET (self->lead_row), "workstream-lead");
  adw_action_row_add_prefix (self->lead_row, icon);
  gtk_widget_set_tooltip_text (icon, _("Lead"));
  adw_preferences_group_add (self->lead_group, GTK_WIDGET (self->lead_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (organisation), _("Lead organisation"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (organisation), FALSE);
  gtk_widget_set_name (value, "workstream-lead-organisation");
  gtk_widget_add_css_class (value, "dim-label");
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (organisation, value);
  adw_preferences_group_add (self->lead_group, GTK_WIDGET (organisation));
  self->lead_organisation_value = GTK_LABEL (value);
}

static void
pathway_workstreams_view_dispose (GObject *object)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (object);

  g_clear_object (&self->selected);
  pathway_view_dispose_template (PATHWAY_VIEW (self), PATHWAY_TYPE_WORKSTREAMS_VIEW);

  G_OBJECT_CLASS (pathway_workstreams_view_parent_class)->dispose (object);
}

static void
pathway_workstreams_view_finalize (GObject *object)
{
  PathwayWorkstreamsView *self = PATHWAY_WORKSTREAMS_VIEW (object);

  pathway_sidebar_clear (&self->sidebar);
  g_ptr_array_unref (self->member_rows);
  g_ptr_array_unref (self->area_rows);
  g_ptr_array_unref (self->action_rows);
  g_free (self->ratings_chart_key);
  G_OBJECT_CLASS (pathway_workstreams_view_parent_class)->finalize (object);
}

static void
pathway_workstreams_view_class_init (PathwayWorkstreamsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_workstreams_view_dispose;
  object_class->finalize = pathway_workstreams_view_finalize;
  view_class->document_changed = pathway_workstreams_view_document_changed;
  view_class->programme_changed = pathway_workstreams_view_programme_changed;
  view_class->watch_item = pathway_workstreams_view_watch_item;
  view_class->refresh = pathway_workstreams_view_refresh;

  g_type_ensure (PATHWAY_TYPE_TAB_STOP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-workstreams-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, code_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView,
                                        organisation_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView,
                                        description_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, detail_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, lead_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, members_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, areas_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamsView, actions_group);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "workstreams.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "workstreams.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "workstreams.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "workstreams.retire", NULL, retire_action);
}

static void
pathway_workstreams_view_init (PathwayWorkstreamsView *self)
{
  g_type_ensure (PATHWAY_TYPE_RATING_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  pathway_sidebar_init (&self->sidebar, self->sidebar_list, sidebar_entry_free);
  self->member_rows = g_ptr_array_new_with_free_func (g_free);
  self->area_rows = g_ptr_array_new_with_free_func (g_free);
  self->action_rows = g_ptr_array_new_with_free_func (g_free);

  self->members_none = placeholder_new (self->members_group, _("No members recorded."));
  self->areas_none = placeholder_new (self->areas_group,
                                      _("No area of weakness is linked to this workstream."));
  self->actions_none = placeholder_new (self->actions_group,
                                        _("No action belongs to this workstream yet."));
  /* Not a row: the group puts it under the list. */
  self->show_all_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->show_all_button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->show_all_button), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->show_all_button), "pill");
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), FALSE);
  g_signal_connect_swapped (self->show_all_button, "clicked", G_CALLBACK (show_all_clicked_cb),
                            self);
  adw_preferences_group_add (self->actions_group, GTK_WIDGET (self->show_all_button));

  add_leadership_rows (self);
  add_ratings_chart (self);
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    add_rating_row (self, pathway_style_rating_order[i]);

  pathway_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_workstreams_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_WORKSTREAMS_VIEW, NULL);
}

void
pathway_workstreams_view_select (PathwayWorkstreamsView *self,
                                 gint64                  workstream_id)
{
  PathwaySidebarEntry *entry;

  g_return_if_fail (PATHWAY_IS_WORKSTREAMS_VIEW (self));

  /* Changes not shown yet may have brought this workstream. */
  pathway_view_catch_up (PATHWAY_VIEW (self));

  entry = pathway_sidebar_entry_for_id (&self->sidebar, workstream_id);
  if (entry != NULL)
    {
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (entry->row));
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
}

PathwayWorkstream *
pathway_workstreams_view_get_selected (PathwayWorkstreamsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAMS_VIEW (self), NULL);
  return self->selected;
}
