/* pathway-setup-view.c: the programme's people, areas of weakness, and boards with their
 * meetings (see the header).
 *
 * The view follows the programme's lists of people, areas and boards, and each board's
 * meetings (pathway_view_watch_list, and watch_item for the boards' lists); a change queues
 * one refresh, which makes the rows again from the model. People are sorted by name and
 * filtered as the search is typed (a filter on the list, so typing makes no rows); areas keep
 * the programme's order; a board's meetings come earliest first, as the board holds them.
 *
 * Rows show the user's text as text: titles and subtitles have markup off. Each record's row
 * has a menu of what can be done to it, made when first opened; the actions behind it are in
 * pathway-setup-view-actions.c. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-format.h"
#include "pathway-setup-view-private.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"

G_DEFINE_FINAL_TYPE (PathwaySetupView, pathway_setup_view, PATHWAY_TYPE_VIEW)

/* Words --------------------------------------------------------------------------------------- */

/* "Head of SEND, Sallowmere Council", leaving out what is not recorded; NULL when neither is. */
static char *
join_details (const char *first,
              const char *second)
{
  if (*first != '\0' && *second != '\0')
    /* Translators: two details of a person, as in "Head of SEND, Sallowmere Council". */
    return g_strdup_printf (_("%s, %s"), first, second);
  if (*first != '\0')
    return g_strdup (first);
  if (*second != '\0')
    return g_strdup (second);
  return NULL;
}

/* "Wednesday 21 January 2026", or NULL for an undated meeting. */
static char *
format_meeting_day (const GDate *day)
{
  g_autoptr(GDateTime) time = NULL;

  if (day == NULL || !g_date_valid (day))
    return NULL;
  time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
  /* TRANSLATORS: a meeting's day with its weekday, as in "Wednesday 21 January 2026" (a
   * g_date_time_format() format) */
  return g_date_time_format (time, _("%A %-d %B %Y"));
}

/* Rows ---------------------------------------------------------------------------------------- */

typedef struct {
  char *kind;
  gint64 id;
} MenuTarget;

static void
menu_target_free (gpointer data)
{
  MenuTarget *target = data;

  g_free (target->kind);
  g_free (target);
}

/* The menu is made when the button is first pressed, not with every row. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  MenuTarget *target = data;
  g_autoptr(GMenuModel) menu = _pathway_setup_view_record_menu (target->kind, target->id);

  gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
menu_button_new (const char *kind,
                 gint64      id,
                 const char *name)
{
  GtkWidget *button = gtk_menu_button_new ();
  MenuTarget *target = g_new0 (MenuTarget, 1);
  g_autofree char *tooltip = NULL;

  target->kind = g_strdup (kind);
  target->id = id;
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "record-menu-button");
  /* TRANSLATORS: the tooltip of a record's menu button: "More for Priya Raman" */
  tooltip = g_strdup_printf (_("More for %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* A tooltip is not a name to a screen reader in GTK 4.8. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_menu_cb, target,
                                         menu_target_free);
  return button;
}

static void
row_activated_cb (AdwActionRow *row)
{
  MenuTarget *target = g_object_get_data (G_OBJECT (row), "pathway-target");

  gtk_widget_activate_action (GTK_WIDGET (row), "setup.edit", "(sx)", target->kind, target->id);
}

/* A record's row: activating it edits the record, its menu does the rest. */
static GtkWidget *
record_row_new (const char *kind,
                gpointer    record,
                const char *title,
                const char *subtitle,
                const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  MenuTarget *target = g_new0 (MenuTarget, 1);

  target->kind = g_strdup (kind);
  target->id = pathway_record_get_id (record);
  g_object_set_data_full (G_OBJECT (row), "pathway-target", target, menu_target_free);
  g_object_set_data_full (G_OBJECT (row), "pathway-record", g_object_ref (record),
                          g_object_unref);

  /* The user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The row is read as its title, then what its subtitle says of it ("Head of SEND,
   * Northshire Council"; "14:00 · Town Hall"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      subtitle, -1);
    }
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, kind);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button_new (kind, target->id, name));
  return row;
}

static GtkLabel *
placeholder_new (GtkListBox *list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "setup-placeholder");
  gtk_list_box_set_placeholder (list, label);
  return GTK_LABEL (label);
}

/* Removes the rows, leaving the placeholder. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The count beside a section in the sidebar, read with the section's name: "People: 12". */
static void
set_count (GtkLabel   *label,
           const char *section,
           guint       count)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *name = NULL;

  pathway_label_set_printf (label, "%u", count);
  /* TRANSLATORS: a section of the Set-up view with how many records it holds: "People: 12" */
  name = g_strdup_printf (_("%s: %u"), section, count);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

/* People -------------------------------------------------------------------------------------- */

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  PathwayPerson *first = *(PathwayPerson **) a;
  PathwayPerson *second = *(PathwayPerson **) b;
  int order = g_utf8_collate (pathway_person_get_name (first), pathway_person_get_name (second));

  return order != 0 ? order : (pathway_person_get_id (first) < pathway_person_get_id (second)
                                 ? -1 : 1);
}

static gboolean
person_matches_cb (GtkListBoxRow *row,
                   gpointer       data)
{
  PathwaySetupView *self = data;
  const char *key = g_object_get_data (G_OBJECT (row), "pathway-search-key");

  if (self->people_search_key == NULL || key == NULL)
    return TRUE;
  return strstr (key, self->people_search_key) != NULL;
}

static void
update_people_placeholder (PathwaySetupView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->people_search));
  g_autofree char *text = NULL;

  if (*search != '\0')
    /* TRANSLATORS: the list of people when the search finds no one: "No one matches “Raman”" */
    text = g_strdup_printf (_("No one matches “%s”"), search);
  else
    text = g_strdup (_("No one yet. Add the people the plan names: the leads of actions and "
                       "workstreams, members, and the chairs of boards."));
  gtk_label_set_text (self->people_placeholder, text);
}

static void
search_changed_cb (PathwaySetupView *self)
{
  g_autofree char *search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->people_search)));

  g_clear_pointer (&self->people_search_key, g_free);
  if (*g_strstrip (search) != '\0')
    self->people_search_key = g_utf8_casefold (search, -1);
  update_people_placeholder (self);
  gtk_list_box_invalidate_filter (self->people_list);
}

static void
refresh_people (PathwaySetupView *self,
                PathwayProgramme *programme)
{
  GListModel *people = pathway_programme_get_people (programme);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  clear_list (self->people_list);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (people, i));
  g_ptr_array_sort (sorted, compare_people);

  for (guint i = 0; i < sorted->len; i++)
    {
      PathwayPerson *person = g_ptr_array_index (sorted, i);
      const char *name = pathway_person_get_name (person);
      const char *role = pathway_person_get_role (person);
      const char *organisation = pathway_person_get_organisation (person);
      g_autofree char *details = join_details (role, organisation);
      g_autofree char *key = NULL;
      GtkWidget *row;

      row = record_row_new ("person", person, name, details, name);
      key = g_strjoin ("\n", name, role, organisation, NULL);
      g_object_set_data_full (G_OBJECT (row), "pathway-search-key", g_utf8_casefold (key, -1),
                              g_free);
      gtk_list_box_append (self->people_list, row);
    }
  set_count (self->people_count, _("People"), sorted->len);
  update_people_placeholder (self);
}

/* Areas of weakness --------------------------------------------------------------------------- */

static void
refresh_areas (PathwaySetupView *self,
               PathwayProgramme *programme)
{
  GListModel *areas = pathway_programme_get_areas (programme);
  guint n = g_list_model_get_n_items (areas);

  clear_list (self->areas_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);
      const char *reference = pathway_area_of_weakness_get_reference (area);
      const char *title = pathway_area_of_weakness_get_title (area);
      const char *kind = pathway_finding_kind_label (pathway_area_of_weakness_get_kind (area));
      g_autofree char *name = NULL;
      GtkWidget *number = gtk_label_new (reference);
      GtkWidget *row;

      /* TRANSLATORS: an area of weakness named by number and title: "3 Joint commissioning" */
      name = *title != '\0' ? g_strdup_printf (_("%s %s"), reference, title)
                            : g_strdup (reference);
      row = record_row_new ("area", area, *title != '\0' ? title : _("Untitled"), kind, name);
      gtk_widget_add_css_class (number, "setup-number");
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_list_box_append (self->areas_list, row);
    }
  set_count (self->areas_count, _("Areas of weakness"), n);
}

/* Boards and meetings ------------------------------------------------------------------------- */

static GtkWidget *
meeting_row_new (PathwayMeeting *meeting)
{
  g_autofree char *day = format_meeting_day (pathway_meeting_get_date (meeting));
  const char *parts[] = { pathway_meeting_get_time (meeting),
                          pathway_meeting_get_location (meeting),
                          pathway_meeting_get_title (meeting) };
  g_autoptr(GString) details = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (details->len > 0)
        /* Translators: between a meeting's time, venue and title: "14:00 · Town Hall" */
        g_string_append (details, _(" · "));
      g_string_append (details, parts[i]);
    }
  return record_row_new ("meeting", meeting, day != NULL ? day : _("Undated meeting"),
                         details->len > 0 ? details->str : NULL,
                         day != NULL ? day : _("Undated meeting"));
}

static GtkWidget *
add_meeting_button_new (PathwayBoard *board)
{
  GtkWidget *button = adw_split_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) by_rule = g_menu_item_new (_("Add Meetings by _Rule…"), NULL);
  GtkWidget *content = adw_button_content_new ();

  g_menu_item_set_action_and_target_value (by_rule, "setup.add-meetings-by-rule",
                                           g_variant_new_int64 (pathway_board_get_id (board)));
  g_menu_append_item (menu, by_rule);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Meeting…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  adw_split_button_set_child (ADW_SPLIT_BUTTON (button), content);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (button), G_MENU_MODEL (menu));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "setup.add-meeting");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (pathway_board_get_id (board)));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "add-meeting-button");
  return button;
}

static GtkWidget *
board_block_new (PathwayBoard *board)
{
  const char *name = pathway_board_get_name (board);
  PathwayPerson *chair = pathway_board_get_chair (board);
  const char *cadence = pathway_board_get_cadence (board);
  GListModel *meetings = pathway_board_get_meetings (board);
  guint n = g_list_model_get_n_items (meetings);
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *chaired = NULL;
  g_autofree char *line = NULL;

  pathway_tab_stop_attach (list);
  g_autofree char *meeting_count = NULL;

  gtk_widget_set_name (block, "board");
  g_object_set_data_full (G_OBJECT (block), "pathway-record", g_object_ref (board),
                          g_object_unref);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_name (title, "board-name");
  gtk_box_append (GTK_BOX (words), title);

  if (chair != NULL)
    /* TRANSLATORS: who chairs a board: "Chaired by Priya Raman" */
    chaired = g_strdup_printf (_("Chaired by %s"), pathway_person_get_name (chair));
  else
    chaired = g_strdup (_("No chair recorded"));
  meeting_count = g_strdup_printf (ngettext ("%u meeting", "%u meetings", n), n);
  /* Translators: a board's chair, how often it meets and its meetings:
   * "Chaired by Priya Raman · Every other month · 6 meetings" */
  line = *cadence != '\0' ? g_strdup_printf (_("%s · %s · %s"), chaired, cadence, meeting_count)
                          : g_strdup_printf (_("%s · %s"), chaired, meeting_count);
  gtk_label_set_text (GTK_LABEL (details), line);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_name (details, "board-details");
  gtk_box_append (GTK_BOX (words), details);

  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), words);
  gtk_box_append (GTK_BOX (header), add_meeting_button_new (board));
  gtk_box_append (GTK_BOX (header), menu_button_new ("board", pathway_board_get_id (board),
                                                     name));
  gtk_box_append (GTK_BOX (block), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "meetings-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  line, -1);
  gtk_label_set_text (placeholder_new (GTK_LIST_BOX (list)),
                      _("No meetings yet. Add the next meeting, or a year of them by a rule "
                        "such as “the third Wednesday of every month”."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);

      gtk_list_box_append (GTK_LIST_BOX (list), meeting_row_new (meeting));
    }
  gtk_box_append (GTK_BOX (block), list);
  return block;
}

static void
refresh_boards (PathwaySetupView *self,
                PathwayProgramme *programme)
{
  GListModel *boards = programme != NULL ? pathway_programme_get_boards (programme) : NULL;
  guint n = boards != NULL ? g_list_model_get_n_items (boards) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->boards_box))) != NULL)
    gtk_box_remove (self->boards_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, i);

      gtk_box_append (self->boards_box, board_block_new (board));
    }
  if (n == 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_widget_add_css_class (list, "boxed-list");
      gtk_label_set_text (placeholder_new (GTK_LIST_BOX (list)),
                          _("No boards yet. Add the board that oversees the plan, then its "
                            "meetings."));
      gtk_box_append (self->boards_box, list);
    }
  set_count (self->boards_count, _("Boards and meetings"), n);
}

/* Following the programme --------------------------------------------------------------------- */

static void
pathway_setup_view_refresh (PathwayView *view)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (view);
  PathwayProgramme *programme = pathway_view_get_programme (view);

  _pathway_setup_view_update_actions (self);
  if (programme == NULL)
    {
      clear_list (self->people_list);
      clear_list (self->areas_list);
      set_count (self->people_count, _("People"), 0);
      set_count (self->areas_count, _("Areas of weakness"), 0);
      refresh_boards (self, NULL);
      return;
    }
  refresh_people (self, programme);
  refresh_areas (self, programme);
  refresh_boards (self, programme);
}

static void
pathway_setup_view_watch_item (PathwayView *view,
                               GObject     *item)
{
  if (PATHWAY_IS_BOARD (item))
    pathway_view_watch_list (view, pathway_board_get_meetings (PATHWAY_BOARD (item)));
}

static void
pathway_setup_view_programme_changed (PathwayView      *view,
                                      PathwayProgramme *programme)
{
  if (programme == NULL)
    return;
  pathway_view_watch_list (view, pathway_programme_get_people (programme));
  pathway_view_watch_list (view, pathway_programme_get_areas (programme));
  pathway_view_watch_list (view, pathway_programme_get_boards (programme));
}

static void
pathway_setup_view_document_changed (PathwayView *view)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (view);

  /* What was searched for in the last programme means nothing in this one. */
  gtk_editable_set_text (GTK_EDITABLE (self->people_search), "");
}

/* Sections ------------------------------------------------------------------------------------ */

static void
section_selected_cb (PathwaySetupView *self,
                     GtkListBoxRow    *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->sections, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
section_activated_cb (PathwaySetupView *self,
                      GtkListBoxRow    *row)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

void
pathway_setup_view_show_section (PathwaySetupView *self,
                                 const char       *section)
{
  g_return_if_fail (PATHWAY_IS_SETUP_VIEW (self));
  g_return_if_fail (section != NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_str_equal (gtk_widget_get_name (row), section))
        {
          gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (row));
          adw_leaflet_set_visible_child_name (self->leaflet, "content");
          return;
        }
    }
}

const char *
pathway_setup_view_get_section (PathwaySetupView *self)
{
  g_return_val_if_fail (PATHWAY_IS_SETUP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sections);
}

/* Class --------------------------------------------------------------------------------------- */

static void
pathway_setup_view_dispose (GObject *object)
{
  PathwaySetupView *self = PATHWAY_SETUP_VIEW (object);

  pathway_view_dispose_template (PATHWAY_VIEW (object), PATHWAY_TYPE_SETUP_VIEW);
  g_clear_pointer (&self->people_search_key, g_free);

  G_OBJECT_CLASS (pathway_setup_view_parent_class)->dispose (object);
}

static void
pathway_setup_view_class_init (PathwaySetupViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_setup_view_dispose;
  view_class->document_changed = pathway_setup_view_document_changed;
  view_class->programme_changed = pathway_setup_view_programme_changed;
  view_class->watch_item = pathway_setup_view_watch_item;
  view_class->refresh = pathway_setup_view_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-setup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, sections);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, people_count);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, areas_count);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, boards_count);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, people_search);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, people_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, areas_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaySetupView, boards_box);
  gtk_widget_class_bind_template_callback (widget_class, section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);

  _pathway_setup_view_class_actions_init (widget_class);
}

static void
pathway_setup_view_init (PathwaySetupView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->people_placeholder = placeholder_new (self->people_list);
  gtk_label_set_text (placeholder_new (self->areas_list),
                      _("No areas of weakness yet. Add each finding of the inspection, "
                        "numbered as in the letter."));
  gtk_list_box_set_filter_func (self->people_list, person_matches_cb, self, NULL);
  g_signal_connect_object (self->people_search, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_select_row (self->sections_list,
                           gtk_list_box_get_row_at_index (self->sections_list, 0));
  pathway_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_setup_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_SETUP_VIEW, NULL);
}
