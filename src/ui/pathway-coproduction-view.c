/* pathway-coproduction-view.c: the co-production view's cards, filters and counts (see the
 * header).
 *
 * The view follows the programme's list of entries and each entry (pathway_view_watch_list,
 * watch_item), and its actions and areas, which the cards link to; a change queues one
 * refresh, which makes the cards again from the model, newest first:
 *
 *   programme's entries -> sorted newest first -> a card each in a GtkListBox
 *                                                 -> the list box's filter (search, drop-downs)
 *
 * Filtering hides cards and makes none, so typing a search costs no widgets; each card keeps
 * its entry and its search text, folded once. The period and area drop-downs list what the
 * entries and the programme hold, and keep what was chosen across a refresh. The counts by
 * audience are of this quarter and the one before, by the document's clock.
 *
 * Everything the person wrote is shown as text: labels have markup off. Every control has an
 * accessible name that says its value ("Audience: Schools"). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-coproduction-view-private.h"
#include "pathway-format.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"

G_DEFINE_FINAL_TYPE (PathwayCoproductionView, pathway_coproduction_view, PATHWAY_TYPE_VIEW)

#define ENTRY_KEY "pathway-entry"
#define SEARCH_KEY "pathway-search-key"

static const char *const filter_names[N_FILTERS] = {
  N_("Audience"), N_("Status"), N_("Period"), N_("Area of weakness"),
};

/* Words --------------------------------------------------------------------------------------- */

char *
_pathway_coproduction_view_dup_day (PathwayCoproduction *entry)
{
  char *day = pathway_format_date (pathway_coproduction_get_date (entry));

  return day != NULL ? day : g_strdup (_("Undated"));
}

/* The quarter a day falls in: January to March, and so on. */
static void
quarter_of (const GDate *day,
            GDate       *first,
            GDate       *last)
{
  int month = g_date_get_month (day);
  int year = g_date_get_year (day); /* 'day' may be 'first' */

  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, ((month - 1) / 3) * 3 + 1, year);
  *last = *first;
  g_date_add_months (last, 3);
  g_date_subtract_days (last, 1);
}

/* "Oct–Dec 2026", or in full "October to December 2026". */
static char *
quarter_name (const GDate *first,
              gboolean     in_full)
{
  char from[64], to[64];
  GDate last = *first;

  g_date_add_months (&last, 2);
  g_date_strftime (from, sizeof from, in_full ? "%B" : "%b", first);
  g_date_strftime (to, sizeof to, in_full ? "%B" : "%b", &last);
  if (in_full)
    /* TRANSLATORS: a quarter of a year in full: "October to December 2026" */
    return g_strdup_printf (_("%s to %s %d"), from, to, g_date_get_year (first));
  /* TRANSLATORS: a quarter of a year, short: "Oct–Dec 2026" */
  return g_strdup_printf (_("%s–%s %d"), from, to, g_date_get_year (first));
}

/* The status chip's style (ui/style.css). */
static const char *
status_style (PathwayResponseStatus status)
{
  switch (status)
    {
    case PATHWAY_RESPONSE_ACTING: return "acting";
    case PATHWAY_RESPONSE_DONE: return "done";
    case PATHWAY_RESPONSE_NOT_DONE: return "not-done";
    case PATHWAY_RESPONSE_HEARD:
    default: return "heard";
    }
}

/* Cards --------------------------------------------------------------------------------------- */

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* The person's text, as written. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "You said" and what was said, as one line of the card's grid. */
static void
add_said_row (GtkGrid    *grid,
              int         line,
              const char *heading,
              const char *text,
              const char *name)
{
  GtkWidget *heading_label = plain_label (heading, "coproduction-heading");
  GtkWidget *text_label = plain_label (text, "coproduction-text");

  gtk_widget_set_name (text_label, name);
  gtk_widget_set_hexpand (text_label, TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text_label), 90);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading_label, NULL, -1);
  gtk_grid_attach (grid, heading_label, 0, line, 1, 1);
  gtk_grid_attach (grid, text_label, 1, line, 1, 1);
}

static GtkWidget *
link_button_new (const char *label,
                 const char *tooltip,
                 const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (child))
    gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "coproduction-link");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

static PathwayAreaOfWeakness *
find_area (PathwayProgramme *programme,
           const char       *reference)
{
  GListModel *areas = pathway_programme_get_areas (programme);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);

      if (g_strcmp0 (pathway_area_of_weakness_get_reference (area), reference) == 0)
        return area; /* the programme keeps it */
    }
  return NULL;
}

/* A link that names nothing now (a renamed or retired action): said, not offered. */
static GtkWidget *
missing_link_new (const char *text)
{
  GtkWidget *label = plain_label (text, "dim-label");

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, _("Nothing in the programme has this reference now"));
  return label;
}

/* The linked actions (each opens in the action editor) and areas (each shows the area's
 * entries here), or NULL when there are none. */
static GtkWidget *
links_new (PathwayProgramme    *programme,
           PathwayCoproduction *entry)
{
  g_auto(GStrv) actions = pathway_links_split (pathway_coproduction_get_actions (entry));
  g_auto(GStrv) areas = pathway_links_split (pathway_coproduction_get_areas (entry));
  GtkWidget *box;

  if (actions[0] == NULL && areas[0] == NULL)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_name (box, "coproduction-links");
  gtk_widget_add_css_class (box, "coproduction-links");
  {
    GtkWidget *label = plain_label (_("Linked to"), "coproduction-heading");

    gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (box), label);
  }
  for (guint i = 0; actions[i] != NULL; i++)
    {
      PathwayAction *action = pathway_programme_find_action_by_reference (programme, actions[i]);
      g_autofree char *name = NULL;
      GtkWidget *button;

      if (action == NULL || pathway_action_get_deleted (action))
        {
          gtk_box_append (GTK_BOX (box), missing_link_new (actions[i]));
          continue;
        }
      /* TRANSLATORS: the accessible name of a linked action's button: "Open action 1A i:
       * Publish the local offer" */
      name = g_strdup_printf (_("Open action %s: %s"), actions[i],
                              pathway_action_get_description (action));
      button = link_button_new (actions[i], pathway_action_get_description (action), name);
      gtk_widget_set_name (button, "action-link");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-action");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (pathway_action_get_id (action)));
      gtk_box_append (GTK_BOX (box), button);
    }
  for (guint i = 0; areas[i] != NULL; i++)
    {
      PathwayAreaOfWeakness *area = find_area (programme, areas[i]);
      g_autofree char *label = NULL;
      g_autofree char *name = NULL;
      const char *title;
      GtkWidget *button;

      /* TRANSLATORS: a linked area of weakness on an entry: "Area 2" */
      label = g_strdup_printf (_("Area %s"), areas[i]);
      if (area == NULL)
        {
          gtk_box_append (GTK_BOX (box), missing_link_new (label));
          continue;
        }
      title = pathway_area_of_weakness_get_title (area);
      /* TRANSLATORS: the accessible name of a linked area's button: "Show the entries for
       * area 2: Joint commissioning" */
      name = g_strdup_printf (_("Show the entries for area %s: %s"), areas[i], title);
      button = link_button_new (label, *title != '\0' ? title : NULL, name);
      gtk_widget_set_name (button, "area-link");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "coproduction.show-area");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", areas[i]);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The menu is made when the button is first pressed, not with every card. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  g_autoptr(GMenuModel) menu = _pathway_coproduction_view_entry_menu (GPOINTER_TO_SIZE (data));

  gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
entry_card_new (PathwayProgramme    *programme,
                PathwayCoproduction *entry)
{
  PathwayResponseStatus status = pathway_coproduction_get_status (entry);
  const char *will_do = pathway_coproduction_get_will_do (entry);
  const char *did = pathway_coproduction_get_did (entry);
  g_autofree char *day = _pathway_coproduction_view_dup_day (entry);
  g_autofree char *who = pathway_coproduction_dup_heard_from (entry);
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *key = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *chip, *menu, *label, *links;
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int line = 0;

  gtk_widget_set_name (row, "coproduction-entry");
  gtk_widget_add_css_class (row, "coproduction-entry");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), ENTRY_KEY, g_object_ref (entry), g_object_unref);

  /* Who and when, the status, and the menu. */
  label = plain_label (who, "coproduction-who");
  gtk_widget_set_name (label, "coproduction-who");
  gtk_box_append (GTK_BOX (words), label);
  if (pathway_coproduction_get_public (entry))
    when = g_strdup (day);
  else
    /* TRANSLATORS: an entry's day, and that it is left out of the public version */
    when = g_strdup_printf (_("%s · Not in the public version"), day);
  label = plain_label (when, "dim-label");
  gtk_widget_set_name (label, "coproduction-date");
  gtk_box_append (GTK_BOX (words), label);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (header), words);

  chip = gtk_label_new (pathway_response_status_label (status));
  gtk_widget_set_name (chip, "coproduction-status");
  gtk_widget_add_css_class (chip, "coproduction-status");
  gtk_widget_add_css_class (chip, status_style (status));
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  /* TRANSLATORS: the accessible name of an entry's status chip: "Status: Done" */
  name = g_strdup_printf (_("Status: %s"), pathway_response_status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_clear_pointer (&name, g_free);
  gtk_box_append (GTK_BOX (header), chip);

  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_valign (menu, GTK_ALIGN_START);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_name (menu, "entry-menu-button");
  /* TRANSLATORS: the tooltip of an entry's menu button: "More for the entry of 12 September
   * 2026" */
  tooltip = g_strdup_printf (_("More for the entry of %s"), day);
  gtk_widget_set_tooltip_text (menu, tooltip);
  /* GTK 4.8 does not take a tooltip for a name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), create_menu_cb,
                                         GSIZE_TO_POINTER (pathway_coproduction_get_id (entry)),
                                         NULL);
  gtk_box_append (GTK_BOX (header), menu);
  gtk_box_append (GTK_BOX (card), header);

  /* You said, we will, we did or why not. */
  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 9);
  add_said_row (grid, line++, _("You said"), pathway_coproduction_get_said (entry), "said");
  if (*will_do != '\0')
    add_said_row (grid, line++, _("We will"), will_do, "will-do");
  if (*did != '\0')
    add_said_row (grid, line++, status == PATHWAY_RESPONSE_NOT_DONE ? _("Why not")
                                                                    : _("We did"),
                  did, "did");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));

  links = links_new (programme, entry);
  if (links != NULL)
    gtk_box_append (GTK_BOX (card), links);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);

  /* What a screen reader says on reaching the card. */
  /* TRANSLATORS: an entry's accessible name: its day, who said it, and its status,
   * "12 September 2026, Parent carer forum · Steering group, Done" */
  name = g_strdup_printf (_("%s, %s, %s"), day, who, pathway_response_status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  pathway_coproduction_get_said (entry), -1);

  key = g_strjoin ("\n", day, who, pathway_coproduction_get_said (entry), will_do, did,
                   pathway_coproduction_get_actions (entry),
                   pathway_coproduction_get_areas (entry),
                   pathway_response_status_label (status), NULL);
  g_object_set_data_full (G_OBJECT (row), SEARCH_KEY, g_utf8_casefold (key, -1), g_free);
  return row;
}

static PathwayCoproduction *
entry_of (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ENTRY_KEY);
}

/* Filters ------------------------------------------------------------------------------------- */

static guint
chosen (PathwayCoproductionView   *self,
        PathwayCoproductionFilter  filter)
{
  guint selected = gtk_drop_down_get_selected (self->drop_downs[filter]);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static gboolean
entry_matches (PathwayCoproductionView *self,
               PathwayCoproduction     *entry,
               const char              *search_key)
{
  guint audience = chosen (self, FILTER_AUDIENCE);
  guint status = chosen (self, FILTER_STATUS);
  guint period = chosen (self, FILTER_PERIOD);
  guint area = chosen (self, FILTER_AREA);

  if (audience > 0 && audience <= self->audiences->len &&
      pathway_coproduction_get_audience (entry) !=
        g_array_index (self->audiences, PathwayAudience, audience - 1))
    return FALSE;
  if (status > 0 && status <= self->statuses->len &&
      pathway_coproduction_get_status (entry) !=
        g_array_index (self->statuses, PathwayResponseStatus, status - 1))
    return FALSE;
  if (period > 0 && period <= self->periods->len)
    {
      const PathwayCoproductionPeriod *range =
        &g_array_index (self->periods, PathwayCoproductionPeriod, period - 1);
      const GDate *date = pathway_coproduction_get_date (entry);

      if (date == NULL || !g_date_valid (date) || g_date_compare (date, &range->first) < 0 ||
          g_date_compare (date, &range->last) > 0)
        return FALSE;
    }
  if (area > 0 && area <= self->areas->len &&
      !pathway_links_contain (pathway_coproduction_get_areas (entry),
                              g_ptr_array_index (self->areas, area - 1)))
    return FALSE;
  if (self->search_key != NULL && (search_key == NULL || strstr (search_key,
                                                                 self->search_key) == NULL))
    return FALSE;
  return TRUE;
}

static gboolean
row_matches_cb (GtkListBoxRow *row,
                gpointer       data)
{
  PathwayCoproductionView *self = data;
  PathwayCoproduction *entry = entry_of (row);

  return entry == NULL || entry_matches (self, entry,
                                         g_object_get_data (G_OBJECT (row), SEARCH_KEY));
}

/* "12 entries", or "3 of 12 entries"; read by screen readers as the list's description. */
static void
update_count (PathwayCoproductionView *self)
{
  g_autofree char *text = NULL;
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PathwayCoproduction *entry = GTK_IS_LIST_BOX_ROW (child)
                                     ? entry_of (GTK_LIST_BOX_ROW (child)) : NULL;

      if (entry != NULL && entry_matches (self, entry,
                                          g_object_get_data (G_OBJECT (child), SEARCH_KEY)))
        shown++;
    }
  self->n_shown = shown;
  if (shown == self->n_entries)
    text = g_strdup_printf (ngettext ("%u entry", "%u entries", self->n_entries),
                            self->n_entries);
  else
    /* TRANSLATORS: how many entries the filters show, of all: "3 of 12 entries" */
    text = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", self->n_entries),
                            shown, self->n_entries);
  gtk_label_set_text (self->count_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entries_list),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Each drop-down is named with what it shows: "Audience: Schools". */
static void
update_filter_names (PathwayCoproductionView *self)
{
  for (guint i = 0; i < N_FILTERS; i++)
    {
      GtkDropDown *drop_down = self->drop_downs[i];
      guint selected = chosen (self, i);
      const char *value = selected < g_list_model_get_n_items (G_LIST_MODEL (self->labels[i]))
                            ? gtk_string_list_get_string (self->labels[i], selected) : "";
      g_autofree char *name = NULL;

      /* TRANSLATORS: a filter's accessible name and value: "Audience: Schools" */
      name = g_strdup_printf (_("%s: %s"), _(filter_names[i]), value);
      pathway_view_name_drop_down (drop_down, name);
      if (selected > 0)
        gtk_widget_add_css_class (GTK_WIDGET (drop_down), "filter-active");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (drop_down), "filter-active");
    }
}

static void
filters_changed (PathwayCoproductionView *self)
{
  update_filter_names (self);
  gtk_list_box_invalidate_filter (self->entries_list);
  update_count (self);
}

static void
drop_down_selected_cb (PathwayCoproductionView *self)
{
  if (!self->syncing)
    filters_changed (self);
}

static void
search_changed_cb (PathwayCoproductionView *self)
{
  g_autofree char *search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_clear_pointer (&self->search_key, g_free);
  if (*g_strstrip (search) != '\0')
    self->search_key = g_utf8_casefold (search, -1);
  filters_changed (self);
}

static void
stop_search_cb (PathwayCoproductionView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
_pathway_coproduction_view_clear_filters (PathwayCoproductionView *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_drop_down_set_selected (self->drop_downs[i], 0);
  self->syncing = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_key, g_free);
  filters_changed (self);
}

void
pathway_coproduction_view_show_area (PathwayCoproductionView *self,
                                     const char              *reference)
{
  guint position = 0;

  g_return_if_fail (PATHWAY_IS_COPRODUCTION_VIEW (self));

  pathway_view_catch_up (PATHWAY_VIEW (self));
  for (guint i = 0; reference != NULL && i < self->areas->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->areas, i), reference))
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->drop_downs[FILTER_AREA], position);
}

/* The drop-downs' items ----------------------------------------------------------------------- */

/* Replaces a drop-down's items after its first ("All …"), choosing 'keep' (an index into the
 * new items after the first, or -1 for "All"). */
static void
set_items (PathwayCoproductionView   *self,
           PathwayCoproductionFilter  filter,
           GPtrArray                 *items,
           int                        keep)
{
  GtkStringList *labels = self->labels[filter];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (labels));

  self->syncing = TRUE;
  gtk_string_list_splice (labels, 1, n - 1, (const char *const *) items->pdata);
  gtk_drop_down_set_selected (self->drop_downs[filter], keep >= 0 ? (guint) keep + 1 : 0);
  self->syncing = FALSE;
}

static int
compare_days_newest_first (gconstpointer a,
                           gconstpointer b)
{
  return g_date_compare (b, a);
}

/* The years and quarters that have entries, newest first: "2026", "Oct–Dec 2026", … */
static void
update_periods (PathwayCoproductionView *self,
                GPtrArray               *entries)
{
  g_autoptr(GArray) quarters = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (PathwayCoproductionPeriod));
  guint was = chosen (self, FILTER_PERIOD);
  PathwayCoproductionPeriod kept = { { 0, }, };
  int keep = -1;
  int year = 0;

  if (was > 0 && was <= self->periods->len)
    kept = g_array_index (self->periods, PathwayCoproductionPeriod, was - 1);
  for (guint i = 0; i < entries->len; i++)
    {
      const GDate *date = pathway_coproduction_get_date (g_ptr_array_index (entries, i));
      GDate first, last;
      gboolean known = FALSE;

      if (date == NULL || !g_date_valid (date))
        continue;
      quarter_of (date, &first, &last);
      for (guint j = 0; j < quarters->len && !known; j++)
        known = g_date_compare (&g_array_index (quarters, GDate, j), &first) == 0;
      if (!known)
        g_array_append_val (quarters, first);
    }
  g_array_sort (quarters, compare_days_newest_first);

  for (guint i = 0; i < quarters->len; i++)
    {
      const GDate *first = &g_array_index (quarters, GDate, i);
      PathwayCoproductionPeriod period;

      if (g_date_get_year (first) != year)
        {
          year = g_date_get_year (first);
          g_date_clear (&period.first, 1);
          g_date_clear (&period.last, 1);
          g_date_set_dmy (&period.first, 1, G_DATE_JANUARY, year);
          g_date_set_dmy (&period.last, 31, G_DATE_DECEMBER, year);
          g_array_append_val (periods, period);
          g_ptr_array_add (names, g_strdup_printf ("%d", year));
        }
      quarter_of (first, &period.first, &period.last);
      g_array_append_val (periods, period);
      g_ptr_array_add (names, quarter_name (first, FALSE));
    }
  for (guint i = 0; i < periods->len && g_date_valid (&kept.first); i++)
    {
      PathwayCoproductionPeriod *period = &g_array_index (periods, PathwayCoproductionPeriod, i);

      if (g_date_compare (&period->first, &kept.first) == 0 &&
          g_date_compare (&period->last, &kept.last) == 0)
        keep = i;
    }
  g_ptr_array_add (names, NULL);
  g_array_set_size (self->periods, 0);
  g_array_append_vals (self->periods, periods->data, periods->len);
  set_items (self, FILTER_PERIOD, names, keep);
}

/* The programme's areas of weakness, in its order: "2 Joint commissioning". */
static void
update_areas (PathwayCoproductionView *self,
              PathwayProgramme        *programme)
{
  GListModel *areas = programme != NULL ? pathway_programme_get_areas (programme) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  guint was = chosen (self, FILTER_AREA);
  g_autofree char *kept = was > 0 && was <= self->areas->len
                            ? g_strdup (g_ptr_array_index (self->areas, was - 1)) : NULL;
  int keep = -1;

  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);
      const char *reference = pathway_area_of_weakness_get_reference (area);
      const char *title = pathway_area_of_weakness_get_title (area);

      if (g_strcmp0 (reference, kept) == 0)
        keep = references->len;
      g_ptr_array_add (references, g_strdup (reference));
      /* TRANSLATORS: an area of weakness named by number and title: "3 Joint commissioning" */
      g_ptr_array_add (names, *title != '\0' ? g_strdup_printf (_("%s %s"), reference, title)
                                             : g_strdup_printf (_("Area %s"), reference));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_set_size (self->areas, 0);
  g_ptr_array_extend_and_steal (self->areas, g_steal_pointer (&references));
  set_items (self, FILTER_AREA, names, keep);
}

/* The counts by audience ---------------------------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
count_label_new (guint       count,
                 const char *audience,
                 const char *quarter)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *name = NULL;
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, count > 0 ? "coproduction-count" : "dim-label");
  /* TRANSLATORS: a count of entries, for a screen reader: "Schools, October to December
   * 2026: 3" */
  name = g_strdup_printf (_("%s, %s: %u"), audience, quarter, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return label;
}

/* A grid of the audiences heard from this quarter or last, a column each with the total last:
 * a row for this quarter and one for the last. */
static void
update_summary (PathwayCoproductionView *self,
                GPtrArray               *entries)
{
  PathwayDocument *document = pathway_view_get_document (PATHWAY_VIEW (self));
  guint counts[2][PATHWAY_AUDIENCE_OTHER + 1] = { { 0, }, };
  guint totals[2] = { 0, 0 };
  GDate today, first[2], last[2];
  g_auto(GStrv) names = g_new0 (char *, 3);
  g_auto(GStrv) in_words = g_new0 (char *, 3);
  const char *quarters[2] = { _("This quarter"), _("Last quarter") };
  g_autoptr(GString) description = g_string_new (NULL);
  int column = 1;

  clear_grid (self->summary_grid);
  if (document == NULL)
    return;
  pathway_document_get_today (document, &today);
  quarter_of (&today, &first[0], &last[0]);
  first[1] = first[0];
  g_date_subtract_months (&first[1], 3);
  quarter_of (&first[1], &first[1], &last[1]);
  for (guint q = 0; q < 2; q++)
    {
      names[q] = quarter_name (&first[q], FALSE);
      in_words[q] = quarter_name (&first[q], TRUE);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PathwayCoproduction *entry = g_ptr_array_index (entries, i);
      const GDate *date = pathway_coproduction_get_date (entry);
      PathwayAudience audience = pathway_coproduction_get_audience (entry);

      if (date == NULL || !g_date_valid (date) || (guint) audience > PATHWAY_AUDIENCE_OTHER)
        continue;
      for (guint q = 0; q < 2; q++)
        {
          if (g_date_compare (date, &first[q]) >= 0 && g_date_compare (date, &last[q]) <= 0)
            {
              counts[q][audience]++;
              totals[q]++;
            }
        }
    }

  /* The quarters down the side. */
  for (guint q = 0; q < 2; q++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = plain_label (quarters[q], "coproduction-quarter");
      GtkWidget *months = plain_label (names[q], "dim-label");

      gtk_widget_set_tooltip_text (months, in_words[q]);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), months);
      gtk_widget_set_hexpand (box, TRUE);
      gtk_grid_attach (self->summary_grid, box, 0, q + 1, 1, 1);
    }

  for (guint audience = 0; audience <= PATHWAY_AUDIENCE_OTHER; audience++)
    {
      const char *word = pathway_audience_label (audience);
      GtkWidget *heading;

      if (counts[0][audience] == 0 && counts[1][audience] == 0)
        continue;
      heading = plain_label (word, "coproduction-audience");
      gtk_label_set_xalign (GTK_LABEL (heading), 0.5);
      gtk_label_set_justify (GTK_LABEL (heading), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (heading), 12);
      gtk_widget_set_valign (heading, GTK_ALIGN_END);
      gtk_grid_attach (self->summary_grid, heading, column, 0, 1, 1);
      for (guint q = 0; q < 2; q++)
        gtk_grid_attach (self->summary_grid,
                         count_label_new (counts[q][audience], word, in_words[q]),
                         column, q + 1, 1, 1);
      column++;
    }
  {
    GtkWidget *heading = plain_label (_("All"), "coproduction-audience");

    gtk_label_set_xalign (GTK_LABEL (heading), 0.5);
    gtk_widget_set_valign (heading, GTK_ALIGN_END);
    gtk_grid_attach (self->summary_grid, heading, column, 0, 1, 1);
    for (guint q = 0; q < 2; q++)
      {
        GtkWidget *total = count_label_new (totals[q], _("All"), in_words[q]);

        gtk_widget_add_css_class (total, "coproduction-total");
        gtk_grid_attach (self->summary_grid, total, column, q + 1, 1, 1);
      }
  }

  /* The same in words, for a screen reader reaching the group. */
  for (guint q = 0; q < 2; q++)
    {
      /* TRANSLATORS: "This quarter, October to December 2026: 5 entries." */
      g_string_append_printf (description,
                              ngettext ("%s, %s: %u entry.", "%s, %s: %u entries.", totals[q]),
                              quarters[q], in_words[q], totals[q]);
      for (guint audience = 0; audience <= PATHWAY_AUDIENCE_OTHER; audience++)
        if (counts[q][audience] > 0)
          g_string_append_printf (description, " %s %u.", pathway_audience_label (audience),
                                  counts[q][audience]);
      if (q == 0)
        g_string_append_c (description, ' ');
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->summary_heading),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}

/* Following the programme --------------------------------------------------------------------- */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PathwayCoproduction *first = *(PathwayCoproduction **) a;
  PathwayCoproduction *second = *(PathwayCoproduction **) b;
  const GDate *first_date = pathway_coproduction_get_date (first);
  const GDate *second_date = pathway_coproduction_get_date (second);
  gboolean first_valid = first_date != NULL && g_date_valid (first_date);
  gboolean second_valid = second_date != NULL && g_date_valid (second_date);
  int order;

  if (first_valid != second_valid)
    return first_valid ? -1 : 1;
  order = first_valid ? g_date_compare (second_date, first_date) : 0;
  if (order != 0)
    return order;
  return pathway_coproduction_get_id (first) > pathway_coproduction_get_id (second) ? -1 : 1;
}

/* The entry whose card has the focus, to give it back after the cards are made again. */
static gint64
focused_entry (PathwayCoproductionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->entries_list) ||
      entry_of (GTK_LIST_BOX_ROW (row)) == NULL)
    return 0;
  return pathway_coproduction_get_id (entry_of (GTK_LIST_BOX_ROW (row)));
}

static void
refresh_entries (PathwayCoproductionView *self,
                 PathwayProgramme        *programme,
                 GPtrArray               *entries)
{
  gint64 focused = focused_entry (self);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->entries_list, 0)) != NULL)
    gtk_list_box_remove (self->entries_list, GTK_WIDGET (row));
  for (guint i = 0; i < entries->len; i++)
    {
      PathwayCoproduction *entry = g_ptr_array_index (entries, i);
      GtkWidget *card = entry_card_new (programme, entry);

      gtk_list_box_append (self->entries_list, card);
      if (focused != 0 && pathway_coproduction_get_id (entry) == focused)
        gtk_widget_grab_focus (card);
    }
}

static void
pathway_coproduction_view_refresh (PathwayView *view)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (view);
  PathwayProgramme *programme = pathway_view_get_programme (view);
  GListModel *list = programme != NULL ? pathway_programme_get_coproduction (programme) : NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  _pathway_coproduction_view_update_actions (self);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (entries, g_list_model_get_item (list, i));
  g_ptr_array_sort (entries, compare_newest_first);
  self->n_entries = entries->len;

  update_periods (self, entries);
  update_areas (self, programme);
  update_summary (self, entries);
  refresh_entries (self, programme, entries);
  filters_changed (self);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "entries" : "empty");
}

static void
pathway_coproduction_view_programme_changed (PathwayView      *view,
                                             PathwayProgramme *programme)
{
  if (programme == NULL)
    return;
  pathway_view_watch_list (view, pathway_programme_get_coproduction (programme));
  /* The cards name actions and areas, and the area filter lists the areas. */
  pathway_view_watch_list (view, pathway_programme_get_actions (programme));
  pathway_view_watch_list (view, pathway_programme_get_areas (programme));
}

static void
pathway_coproduction_view_watch_item (PathwayView *view,
                                      GObject     *item)
{
  /* An entry's own changes; an action's or area's matter only when they come or go. */
  if (PATHWAY_IS_COPRODUCTION (item))
    pathway_view_watch (view, item);
}

static void
pathway_coproduction_view_document_changed (PathwayView *view)
{
  /* What was chosen in the last programme means nothing in this one. */
  _pathway_coproduction_view_clear_filters (PATHWAY_COPRODUCTION_VIEW (view));
}

/* The cards ----------------------------------------------------------------------------------- */

static void
row_activated_cb (PathwayCoproductionView *self,
                  GtkListBoxRow           *row)
{
  PathwayCoproduction *entry = entry_of (row);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "coproduction.edit", "x",
                                pathway_coproduction_get_id (entry));
}

/* What the list says when the filters leave nothing. */
static GtkWidget *
placeholder_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("No entries match the search and filters."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show All Entries"));

  gtk_widget_add_css_class (box, "coproduction-placeholder");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "coproduction.clear-filters");
  gtk_widget_set_name (button, "clear-filters-button");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

guint
pathway_coproduction_view_get_n_shown (PathwayCoproductionView *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION_VIEW (self), 0);
  pathway_view_catch_up (PATHWAY_VIEW (self));
  return self->n_shown;
}

guint
pathway_coproduction_view_get_n_entries (PathwayCoproductionView *self)
{
  g_return_val_if_fail (PATHWAY_IS_COPRODUCTION_VIEW (self), 0);
  pathway_view_catch_up (PATHWAY_VIEW (self));
  return self->n_entries;
}

/* Class --------------------------------------------------------------------------------------- */

static void
pathway_coproduction_view_dispose (GObject *object)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (object);

  pathway_view_dispose_template (PATHWAY_VIEW (object), PATHWAY_TYPE_COPRODUCTION_VIEW);
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_object (&self->labels[i]);
  g_clear_pointer (&self->audiences, g_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (pathway_coproduction_view_parent_class)->dispose (object);
}

static void
pathway_coproduction_view_class_init (PathwayCoproductionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_coproduction_view_dispose;
  view_class->document_changed = pathway_coproduction_view_document_changed;
  view_class->programme_changed = pathway_coproduction_view_programme_changed;
  view_class->watch_item = pathway_coproduction_view_watch_item;
  view_class->refresh = pathway_coproduction_view_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-coproduction-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, summary);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView,
                                        summary_heading);
  gtk_widget_class_bind_template_child (widget_class, PathwayCoproductionView, entries_list);
  gtk_widget_class_bind_template_child_full (widget_class, "audience_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayCoproductionView,
                                                              drop_downs[FILTER_AUDIENCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayCoproductionView,
                                                              drop_downs[FILTER_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "period_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayCoproductionView,
                                                              drop_downs[FILTER_PERIOD]));
  gtk_widget_class_bind_template_child_full (widget_class, "area_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayCoproductionView,
                                                              drop_downs[FILTER_AREA]));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  _pathway_coproduction_view_class_actions_init (widget_class);
}

static void
pathway_coproduction_view_init (PathwayCoproductionView *self)
{
  static const char *const all[N_FILTERS] = {
    N_("All audiences"), N_("All statuses"), N_("All dates"), N_("All areas"),
  };
  GEnumClass *audiences = g_type_class_ref (PATHWAY_TYPE_AUDIENCE);
  GEnumClass *statuses = g_type_class_ref (PATHWAY_TYPE_RESPONSE_STATUS);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->audiences = g_array_new (FALSE, FALSE, sizeof (PathwayAudience));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (PathwayResponseStatus));
  self->periods = g_array_new (FALSE, FALSE, sizeof (PathwayCoproductionPeriod));
  self->areas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      self->labels[i] = gtk_string_list_new (NULL);
      gtk_string_list_append (self->labels[i], _(all[i]));
    }
  for (guint i = 0; i < audiences->n_values; i++)
    {
      PathwayAudience audience = audiences->values[i].value;

      g_array_append_val (self->audiences, audience);
      gtk_string_list_append (self->labels[FILTER_AUDIENCE], pathway_audience_label (audience));
    }
  for (guint i = 0; i < statuses->n_values; i++)
    {
      PathwayResponseStatus status = statuses->values[i].value;

      g_array_append_val (self->statuses, status);
      gtk_string_list_append (self->labels[FILTER_STATUS],
                              pathway_response_status_label (status));
    }
  g_type_class_unref (audiences);
  g_type_class_unref (statuses);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      gtk_drop_down_set_model (self->drop_downs[i], G_LIST_MODEL (self->labels[i]));
      g_signal_connect_object (self->drop_downs[i], "notify::selected",
                               G_CALLBACK (drop_down_selected_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_set_filter_func (self->entries_list, row_matches_cb, self, NULL);
  gtk_list_box_set_placeholder (self->entries_list, placeholder_new ());
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->entries_list));
  update_filter_names (self);
  pathway_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_coproduction_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_COPRODUCTION_VIEW, NULL);
}
