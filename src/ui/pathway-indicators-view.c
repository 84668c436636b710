/* pathway-indicators-view.c: the programme's indicators, each against its target.
 *
 * A leaflet holds the list of indicators (name, service, latest value, and where it stands
 * against its planned trajectory today, as a chip of words) beside the page of the one chosen:
 * its latest value and status, target and baseline; its definition; the chart of its trend;
 * where the target comes from and what it is compared with; and its readings, newest first.
 *
 * What the view changes it changes through its actions (indicators.*), which its buttons and
 * menus name: adding an indicator and editing it (PathwayIndicatorEditor), retiring it after
 * asking, adding a reading and correcting one (PathwayReadingDialog), and retiring a reading.
 * Each is one undo step, with a toast on the main window that offers to undo it.
 *
 * Readings and milestones are not part of the model: they are read from the document when
 * the view is shown and after every change to the document (any write, undo or redo notifies
 * "can-undo"), since no model object tells of their change. The status is the model's
 * (pathway-trajectory.c) on today's date by the document's clock. The rest follows the
 * model's signals, worked out on one idle after the changes that call for it. */
#define G_LOG_DOMAIN "pathway-ui"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-chart-view.h"
#include "pathway-format.h"
#include "pathway-history-dialog.h"
#include "pathway-indicator-editor.h"
#include "pathway-figure.h"
#include "pathway-indicators-view.h"
#include "pathway-reading-dialog.h"
#include "pathway-sidebar.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"
#include "pathway-window.h"

typedef struct {
  PathwaySidebarEntry base; /* base.item: the PathwayIndicator */
  PathwayIndicator *indicator; /* the same, borrowed */
  GListModel *readings; /* as last read, or NULL when they could not be */
  GListModel *milestones; /* likewise */
  char *readings_error;
  PathwayTrajectory trajectory; /* today, from the readings and milestones as last read */
  GtkLabel *name;
  GtkLabel *service;
  GtkLabel *value;
  GtkLabel *status;
} SidebarEntry;

struct _PathwayIndicatorsView
{
  PathwayView parent_instance;

  /* Borrowed from PathwayView, which holds them while they are shown. */
  PathwayDocument *document;
  PathwayProgramme *programme;

  PathwaySidebar sidebar; /* SidebarEntry, in the programme's order */
  PathwayIndicator *selected;

  /* Template children */
  GtkStack *stack;
  AdwStatusPage *status_page;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkScrolledWindow *detail_scroller;
  GtkLabel *name_label;
  GtkLabel *service_label;
  GtkLabel *definition_label;
  GtkLabel *latest_value;
  GtkLabel *latest_heading;
  GtkLabel *latest_status_label;
  GtkLabel *target_value;
  GtkLabel *target_detail;
  GtkLabel *baseline_value;
  GtkLabel *baseline_detail;
  AdwPreferencesGroup *trend_group;
  AdwPreferencesGroup *target_group;
  GtkLabel *readings_description;
  GtkButton *add_button;
  GtkListBox *readings_list;
  GtkWidget *empty_add_button;

  /* Made in code */
  PathwayChartView *trend_chart;
  AdwActionRow *target_row;
  GtkLabel *target_row_value;
  AdwActionRow *direction_row;
  GtkLabel *direction_value;
  AdwActionRow *comparator_row;
  GtkLabel *comparator_value;
  GPtrArray *reading_rows; /* ReadingRow, newest reading first */
  GtkWidget *readings_none;
  GtkLabel *readings_none_label;
};

G_DEFINE_FINAL_TYPE (PathwayIndicatorsView, pathway_indicators_view, PATHWAY_TYPE_VIEW)


static void
sidebar_entry_free (gpointer data)
{
  SidebarEntry *entry = data;

  g_clear_object (&entry->base.item);
  g_clear_object (&entry->readings);
  g_clear_object (&entry->milestones);
  g_free (entry->readings_error);
  pathway_trajectory_clear (&entry->trajectory);
  g_free (entry);
}

/* Words ----------------------------------------------------------------------------------- */

/* The status as a chip of words, in the rating chips' green when it is good news and amber
 * when it asks for attention, grey otherwise: the words carry the meaning, the colour repeats
 * it. */
static void
show_status (GtkLabel                *chip,
             const PathwayTrajectory *trajectory,
             PathwayIndicator        *indicator)
{
  GtkWidget *widget = GTK_WIDGET (chip);
  g_autofree char *words = pathway_trajectory_describe (trajectory, indicator);
  /* Translators: how a screen reader names an indicator's status: "Status: On trajectory". */
  g_autofree char *name = g_strdup_printf (_("Status: %s"), words);

  gtk_label_set_text (chip, words);
  gtk_widget_remove_css_class (widget, "good");
  gtk_widget_remove_css_class (widget, "attention");
  if (pathway_trajectory_is_good (trajectory))
    gtk_widget_add_css_class (widget, "good");
  else if (pathway_trajectory_needs_attention (trajectory))
    gtk_widget_add_css_class (widget, "attention");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_label_or_dash (GtkLabel *label,
                   char     *text)
{
  /* Translators: shown in place of a figure that is not recorded. */
  gtk_label_set_text (label, text != NULL ? text : _("—"));
  g_free (text);
}

/* The list of indicators ------------------------------------------------------------------ */

static PathwaySidebarEntry *
sidebar_entry_new (GObject *item)
{
  SidebarEntry *entry = g_new0 (SidebarEntry, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *service = gtk_label_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  entry->base.item = g_object_ref (item);
  entry->indicator = PATHWAY_INDICATOR (item);
  entry->base.row = gtk_list_box_row_new ();
  gtk_widget_set_name (entry->base.row, "indicator-row");
  gtk_widget_add_css_class (entry->base.row, "indicator-row");

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_widget_add_css_class (name, "indicator-row-name");
  gtk_box_append (GTK_BOX (box), name);

  gtk_label_set_ellipsize (GTK_LABEL (service), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (service), 0.0);
  gtk_widget_add_css_class (service, "caption");
  gtk_widget_add_css_class (service, "dim-label");
  gtk_box_append (GTK_BOX (box), service);

  gtk_widget_set_margin_top (line, 6);
  gtk_widget_set_name (value, "indicator-row-value");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "indicator-row-value");
  gtk_box_append (GTK_BOX (line), value);
  gtk_widget_set_name (status, "indicator-row-status");
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (status, GTK_ALIGN_START);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "trajectory-chip");
  gtk_box_append (GTK_BOX (line), status);
  gtk_box_append (GTK_BOX (box), line);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->base.row), box);

  entry->name = GTK_LABEL (name);
  entry->service = GTK_LABEL (service);
  entry->value = GTK_LABEL (value);
  entry->status = GTK_LABEL (status);
  return &entry->base;
}

/* Reads the entry's readings and milestones again from the document. */
static void
sidebar_entry_read (SidebarEntry    *entry,
                    PathwayDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&entry->readings);
  g_clear_object (&entry->milestones);
  g_clear_pointer (&entry->readings_error, g_free);
  entry->readings = pathway_document_list_readings (document, entry->indicator, &error);
  if (entry->readings == NULL)
    entry->readings_error = g_strdup (error->message);
  else
    entry->milestones = pathway_document_list_milestones (document, entry->indicator, NULL);
}

/* Shows the entry as it stands on 'today'. */
static void
sidebar_entry_update (SidebarEntry *entry,
                      const GDate  *today)
{
  PathwayIndicator *indicator = entry->indicator;
  const char *name = pathway_indicator_get_name (indicator);
  const char *service = pathway_indicator_get_service (indicator);
  PathwayReading *latest;
  g_autofree char *value = NULL;
  g_autofree char *words = NULL;
  g_autofree char *accessible = NULL;

  pathway_trajectory_clear (&entry->trajectory);
  pathway_trajectory_init (&entry->trajectory, indicator, entry->readings, entry->milestones,
                           today);
  latest = entry->trajectory.reading;
  words = pathway_trajectory_describe (&entry->trajectory, indicator);

  /* The user's text is set as text, never as markup. */
  gtk_label_set_text (entry->name, name[0] != '\0' ? name : _("Unnamed indicator"));
  gtk_label_set_text (entry->service, service);
  gtk_widget_set_visible (GTK_WIDGET (entry->service), service[0] != '\0');

  if (latest != NULL)
    value = pathway_figure_format_value (pathway_indicator_get_unit (indicator),
                          pathway_reading_get_value (latest));
  gtk_label_set_text (entry->value, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (entry->value), value != NULL);
  show_status (entry->status, &entry->trajectory, indicator);

  /* Translators: how a screen reader names an indicator in the list:
   * "Autism assessment waiting time, Neurodevelopmental service: 21 weeks, On trajectory". */
  accessible = value != NULL
                 ? g_strdup_printf (_("%s, %s: %s, %s"), name, service, value, words)
                 : g_strdup_printf (_("%s, %s: %s"), name, service, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->base.row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
set_selected (PathwayIndicatorsView *self,
              PathwayIndicator      *indicator)
{
  if (self->selected == indicator)
    return;

  g_set_object (&self->selected, indicator);
}

static void
update_sidebar (PathwayIndicatorsView *self,
                GListModel            *indicators)
{
  gboolean same = FALSE;
  PathwaySidebarEntry *keep = pathway_sidebar_update (&self->sidebar, indicators,
                                                      G_OBJECT (self->selected),
                                                      sidebar_entry_new, &same);

  if (keep == NULL)
    set_selected (self, NULL);
  /* The same indicator, reloaded, keeps its page as it was. */
  else if (same)
    g_set_object (&self->selected, PATHWAY_INDICATOR (keep->item));
  else
    set_selected (self, PATHWAY_INDICATOR (keep->item));
}

static SidebarEntry *
entry_for (PathwayIndicatorsView *self,
           PathwayIndicator      *indicator)
{
  for (guint i = 0; i < self->sidebar.entries->len; i++)
    {
      SidebarEntry *entry = g_ptr_array_index (self->sidebar.entries, i);

      if (entry->indicator == indicator)
        return entry;
    }
  return NULL;
}

/* The page of one indicator --------------------------------------------------------------- */

/* A figure's card is read whole, "Target, 13 weeks, By 31 March 2027", rather than as labels
 * apart; the parts left empty are left out. */
static void
name_card (GtkLabel   *value,
           const char *heading,
           GtkLabel   *detail,
           GtkLabel   *status)
{
  GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (value), GTK_TYPE_FLOW_BOX_CHILD);
  GtkLabel *parts[] = { value, detail, status };
  g_autoptr(GString) name = g_string_new (heading);

  if (card == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *gtk_label_get_text (parts[i]) == '\0' ||
          (parts[i] != value && !gtk_widget_get_visible (GTK_WIDGET (parts[i]))))
        continue;
      /* Translators: what joins the parts of a figure read out, "Target, 13 weeks" */
      g_string_append (name, _(", "));
      g_string_append (name, gtk_label_get_text (parts[i]));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
}

static void
refresh_figures (PathwayIndicatorsView *self,
                 SidebarEntry          *entry)
{
  PathwayIndicator *indicator = self->selected;
  PathwayReading *latest = entry->trajectory.reading;
  PathwayUnit unit = pathway_indicator_get_unit (indicator);
  double baseline = pathway_indicator_get_baseline_value (indicator);
  g_autofree char *latest_date = NULL;
  g_autofree char *target_date = pathway_format_date (pathway_indicator_get_target_date (indicator));
  g_autofree char *baseline_date = pathway_format_date (pathway_indicator_get_baseline_date (indicator));

  if (latest != NULL)
    latest_date = pathway_format_date (pathway_reading_get_date (latest));
  set_label_or_dash (self->latest_value,
                     latest != NULL
                       ? pathway_figure_format_value (unit, pathway_reading_get_value (latest))
                       : NULL);
  if (latest_date != NULL)
    {
      /* Translators: the day a figure was measured: "At 30 September 2026". */
      g_autofree char *when = g_strdup_printf (_("At %s"), latest_date);

      gtk_label_set_text (self->latest_heading, when);
    }
  else
    gtk_label_set_text (self->latest_heading, "");
  gtk_widget_set_visible (GTK_WIDGET (self->latest_heading), latest_date != NULL);
  show_status (self->latest_status_label, &entry->trajectory, indicator);

  set_label_or_dash (self->target_value,
                     pathway_indicator_has_target (indicator)
                       ? pathway_figure_format_value (unit,
                                                      pathway_indicator_get_target_value (
                                                        indicator))
                       : NULL);
  if (pathway_indicator_has_target (indicator) && target_date != NULL)
    {
      /* Translators: when a target is to be met: "By 31 March 2027". */
      g_autofree char *by = g_strdup_printf (_("By %s"), target_date);

      gtk_label_set_text (self->target_detail, by);
    }
  else
    gtk_label_set_text (self->target_detail,
                        pathway_indicator_has_target (indicator) ? "" : _("No target set"));

  set_label_or_dash (self->baseline_value, isfinite (baseline)
                                             ? pathway_figure_format_value (unit, baseline)
                                             : NULL);
  if (isfinite (baseline) && baseline_date != NULL)
    {
      /* Translators: the day a figure was measured: "At 30 September 2026". */
      g_autofree char *at = g_strdup_printf (_("At %s"), baseline_date);

      gtk_label_set_text (self->baseline_detail, at);
    }
  else
    gtk_label_set_text (self->baseline_detail, isfinite (baseline) ? "" : _("Not recorded"));

  /* The headings as the cards show them; the latest reading's card has its day instead. */
  name_card (self->latest_value, _("Latest reading"), self->latest_heading,
             self->latest_status_label);
  name_card (self->target_value, _("Target"), self->target_detail, NULL);
  name_card (self->baseline_value, _("Baseline"), self->baseline_detail, NULL);
}

/* A row of a title and a figure is read with both, "Target, 13 weeks by 31 March 2027"
 * (GTK 4.8 reads the title alone), and its subtitle as its description. */
static void
name_value_row (AdwActionRow *row,
                GtkLabel     *value)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_action_row_get_subtitle (row);
  /* Translators: a row's title and its figure, read out: "England average, 58.3%" */
  g_autofree char *name = g_strdup_printf (_("%s, %s"), title != NULL ? title : "",
                                           gtk_label_get_text (value));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle != NULL ? subtitle : "", -1);
}

static void
refresh_target (PathwayIndicatorsView *self)
{
  PathwayIndicator *indicator = self->selected;
  PathwayUnit unit = pathway_indicator_get_unit (indicator);
  const char *source = pathway_indicator_get_target_source (indicator);
  double comparator = pathway_indicator_get_comparator_value (indicator);
  const char *comparator_label = pathway_indicator_get_comparator_label (indicator);
  g_autofree char *target = NULL;

  if (pathway_indicator_has_target (indicator))
    {
      g_autofree char *value = pathway_figure_format_value (
        unit, pathway_indicator_get_target_value (indicator));
      g_autofree char *date = pathway_format_date (pathway_indicator_get_target_date (indicator));

      /* Translators: a target and when it is to be met: "13 weeks by 31 March 2027". */
      target = date != NULL ? g_strdup_printf (_("%s by %s"), value, date) : g_strdup (value);
    }
  gtk_label_set_text (self->target_row_value, target != NULL ? target : _("No target set"));
  /* Where the target comes from is the programme's text. */
  adw_action_row_set_subtitle (self->target_row,
                               source[0] != '\0' ? source : _("Its source is not recorded."));

  gtk_label_set_text (self->direction_value,
                      pathway_indicator_get_direction (indicator) ==
                          PATHWAY_DIRECTION_HIGHER_IS_BETTER
                        ? _("Higher")
                        : _("Lower"));

  gtk_widget_set_visible (GTK_WIDGET (self->comparator_row), isfinite (comparator));
  if (isfinite (comparator))
    {
      g_autofree char *value = pathway_figure_format_value (unit, comparator);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comparator_row),
                                     comparator_label[0] != '\0' ? comparator_label
                                                                 : _("Comparator"));
      gtk_label_set_text (self->comparator_value, value);
      name_value_row (self->comparator_row, self->comparator_value);
    }
  name_value_row (self->target_row, self->target_row_value);
  name_value_row (self->direction_row, self->direction_value);
}

/* A row of the readings: the day, the note under it, the value, and a menu to correct or
 * retire the reading. Rows are made once and shown again for whatever reading is in their
 * place. */
typedef struct {
  AdwActionRow *row;
  GtkLabel *value;
  GtkMenuButton *menu_button;
} ReadingRow;

static ReadingRow *
reading_row_new (void)
{
  ReadingRow *item = g_new0 (ReadingRow, 1);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  item->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (item->row), "indicator-reading-row");
  /* A reading's note is the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  adw_action_row_set_subtitle_lines (item->row, 3);

  gtk_widget_set_name (value, "indicator-reading-value");
  gtk_label_set_xalign (GTK_LABEL (value), 1.0);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "heading");
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (item->row, value);

  gtk_widget_set_name (menu_button, "indicator-reading-menu");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Correct or Retire"));
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (item->row, menu_button);

  item->value = GTK_LABEL (value);
  item->menu_button = GTK_MENU_BUTTON (menu_button);
  return item;
}

static void
reading_row_show (ReadingRow     *item,
                  PathwayUnit     unit,
                  PathwayReading *reading)
{
  g_autofree char *date = pathway_format_date (pathway_reading_get_date (reading));
  g_autofree char *value = pathway_figure_format_value (unit, pathway_reading_get_value (reading));
  g_autofree char *menu_name = NULL;
  g_autofree char *row_name = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) correct = NULL;
  g_autoptr(GMenuItem) retire = NULL;
  GVariant *id = g_variant_new_int64 (pathway_reading_get_id (reading));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 date != NULL ? date : _("Undated"));
  adw_action_row_set_subtitle (item->row, pathway_reading_get_note (reading));
  gtk_label_set_text (item->value, value);
  /* Translators: how a screen reader names a reading, its day and value together:
   * "30 September 2026, 56.9%". */
  row_name = g_strdup_printf (_("%s, %s"), date != NULL ? date : _("Undated"), value);
  /* The note under it is the row's description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  row_name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  pathway_reading_get_note (reading), -1);

  /* The menu names the reading by its id: the row may show another one after a refresh. */
  correct = g_menu_item_new (_("_Correct…"), NULL);
  g_menu_item_set_action_and_target_value (correct, "indicators.correct-reading", id);
  g_menu_append_item (menu, correct);
  retire = g_menu_item_new (_("_Retire"), NULL);
  g_menu_item_set_action_and_target_value (retire, "indicators.retire-reading", id);
  g_menu_append_item (menu, retire);
  gtk_menu_button_set_menu_model (item->menu_button, G_MENU_MODEL (menu));

  /* Translators: how a screen reader names the menu of one reading: "Correct or retire the
   * reading of 31 October 2026: 21 weeks". */
  menu_name = g_strdup_printf (_("Correct or retire the reading of %s: %s"),
                               date != NULL ? date : _("Undated"), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
}

/* Why the person may not give the readings of the indicator shown (on a server, only its
 * data officers and the indicator's owner do), or NULL. */
static char *
dup_readings_refusal (PathwayIndicatorsView *self)
{
  g_autoptr(PathwayReading) draft = NULL;

  if (self->selected == NULL)
    return pathway_view_dup_refusal (PATHWAY_VIEW (self), NULL);
  draft = g_object_new (PATHWAY_TYPE_READING, "indicator-id",
                        pathway_indicator_get_id (self->selected), NULL);
  return pathway_view_dup_refusal (PATHWAY_VIEW (self), draft);
}

static void
refresh_readings (PathwayIndicatorsView *self,
                  SidebarEntry          *entry)
{
  PathwayUnit unit = pathway_indicator_get_unit (self->selected);
  guint n = entry->readings != NULL ? g_list_model_get_n_items (entry->readings) : 0;
  g_autofree char *description = NULL;
  g_autofree char *refusal = dup_readings_refusal (self);
  gboolean writable = refusal == NULL;

  description = g_strdup_printf (ngettext ("%u reading", "%u readings", n), n);
  gtk_label_set_text (self->readings_description, description);

  if (entry->readings_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The readings could not be read: %s"),
                                               entry->readings_error);

      gtk_label_set_text (self->readings_none_label, text);
    }
  else
    gtk_label_set_text (self->readings_none_label, _("No readings yet."));
  gtk_widget_set_visible (self->readings_none, n == 0);

  /* Newest first: the board reads down from the latest. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (entry->readings, n - 1 - i);
      ReadingRow *item;

      if (i == self->reading_rows->len)
        {
          item = reading_row_new ();
          gtk_list_box_append (self->readings_list, GTK_WIDGET (item->row));
          g_ptr_array_add (self->reading_rows, item);
        }
      item = g_ptr_array_index (self->reading_rows, i);
      reading_row_show (item, unit, reading);
      gtk_widget_set_visible (GTK_WIDGET (item->menu_button), writable);
    }
  while (self->reading_rows->len > n)
    {
      ReadingRow *item = g_ptr_array_index (self->reading_rows, self->reading_rows->len - 1);

      gtk_list_box_remove (self->readings_list, GTK_WIDGET (item->row));
      g_ptr_array_remove_index (self->reading_rows, self->reading_rows->len - 1);
    }

  /* Read-only, or (on a server) another's to give: no reading can be added, and the button
   * says why. */
  if (writable)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), NULL);
  else if (pathway_view_get_writable (PATHWAY_VIEW (self)))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), refusal);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                 _("This programme is open read-only, so no reading can be "
                                   "added."));
}

static void
refresh_chart (PathwayIndicatorsView *self)
{
  g_autoptr(PathwayChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  chart = pathway_chart_new_indicator_trend (self->document, self->selected, &error);
  if (chart == NULL)
    g_debug ("No trend chart for this indicator: %s", error->message);
  pathway_chart_view_set_chart (self->trend_chart, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_group), chart != NULL);
}

static void
refresh_page (PathwayIndicatorsView *self)
{
  PathwayIndicator *indicator = self->selected;
  SidebarEntry *entry = entry_for (self, indicator);
  const char *name = pathway_indicator_get_name (indicator);
  const char *service = pathway_indicator_get_service (indicator);
  const char *definition = pathway_indicator_get_definition (indicator);

  g_return_if_fail (entry != NULL);

  /* The user's text is set as text, never as markup. */
  gtk_label_set_text (self->name_label, name[0] != '\0' ? name : _("Unnamed indicator"));
  gtk_label_set_text (self->service_label, service);
  gtk_widget_set_visible (GTK_WIDGET (self->service_label), service[0] != '\0');
  gtk_label_set_text (self->definition_label, definition);
  gtk_widget_set_visible (GTK_WIDGET (self->definition_label), definition[0] != '\0');

  refresh_figures (self, entry);
  refresh_target (self);
  refresh_chart (self);
  refresh_readings (self, entry);
}

/* Refreshing ------------------------------------------------------------------------------ */

static void update_actions (PathwayIndicatorsView *self);
static void document_written_cb (PathwayIndicatorsView *self);

static void
pathway_indicators_view_refresh (PathwayView *view)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (view);
  GListModel *indicators;
  GDate today;

  if (self->programme == NULL ||
      g_list_model_get_n_items (pathway_programme_get_indicators (self->programme)) == 0)
    {
      if (self->sidebar.entries->len > 0)
        {
          g_autoptr(GListStore) nothing = g_list_store_new (PATHWAY_TYPE_INDICATOR);

          update_sidebar (self, G_LIST_MODEL (nothing));
        }
      set_selected (self, NULL);
      pathway_chart_view_set_chart (self->trend_chart, NULL);
      adw_status_page_set_title (self->status_page, self->programme == NULL
                                                      ? _("No Programme Open")
                                                      : _("No Indicators Yet"));
      adw_status_page_set_description (self->status_page, self->programme == NULL
                                         ? NULL
                                         : _("Waiting times and the other measures the board "
                                             "follows are shown here, each against its target, "
                                             "once the programme has them."));
      gtk_widget_set_visible (self->empty_add_button, self->programme != NULL);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  indicators = pathway_programme_get_indicators (self->programme);
  update_sidebar (self, indicators);
  pathway_document_get_today (self->document, &today);

  for (guint i = 0; i < self->sidebar.entries->len; i++)
    {
      SidebarEntry *entry = g_ptr_array_index (self->sidebar.entries, i);

      sidebar_entry_read (entry, self->document);
      sidebar_entry_update (entry, &today);
    }

  if (self->selected != NULL)
    refresh_page (self);

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "indicators");
}

/* Following the model --------------------------------------------------------------------- */

static void
pathway_indicators_view_document_changed (PathwayView *view)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (view);

  self->document = pathway_view_get_document (view);
  /* PathwayView lets go of the view's handlers on a document (by the view as their data) when
   * the document changes and when the view goes. */
  if (self->document != NULL)
    g_signal_connect_swapped (self->document, "notify::can-undo",
                              G_CALLBACK (document_written_cb), self);
  /* Another file: start from its first indicator, with the list in view. */
  set_selected (self, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
pathway_indicators_view_programme_changed (PathwayView      *view,
                                           PathwayProgramme *programme)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (view);

  self->programme = programme;
  if (programme != NULL)
    pathway_view_watch_list (view, pathway_programme_get_indicators (programme));
}

/* Changing the indicators ----------------------------------------------------------------- */

static void
update_actions (PathwayIndicatorsView *self)
{
  gboolean writable = self->programme != NULL && pathway_view_get_writable (PATHWAY_VIEW (self));
  g_autofree char *refusal = NULL;
  g_autofree char *readings_refusal = NULL;
  gboolean chosen, readings;
  GtkWidget *widget = GTK_WIDGET (self);

  /* On a server the indicator is a manager's to change, and its readings are its data
   * officers' and owner's to give. */
  if (writable && self->selected != NULL)
    {
      refusal = pathway_view_dup_refusal (PATHWAY_VIEW (self), self->selected);
      readings_refusal = dup_readings_refusal (self);
    }
  chosen = writable && self->selected != NULL && refusal == NULL;
  readings = writable && self->selected != NULL && readings_refusal == NULL;
  gtk_widget_action_set_enabled (widget, "indicators.add",
                                 self->programme != NULL &&
                                   pathway_view_get_can_add (PATHWAY_VIEW (self),
                                                             PATHWAY_TYPE_INDICATOR));
  gtk_widget_action_set_enabled (widget, "indicators.edit", chosen);
  gtk_widget_action_set_enabled (widget, "indicators.history", self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "indicators.retire", chosen);
  gtk_widget_action_set_enabled (widget, "indicators.add-reading", readings);
  gtk_widget_action_set_enabled (widget, "indicators.correct-reading", readings);
  gtk_widget_action_set_enabled (widget, "indicators.retire-reading", readings);
}

static GtkWindow *
parent_window (PathwayIndicatorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast on the main window, with Undo when the change can be undone. Toasts are markup: the
 * title quotes the user's text. */
static void
announce (PathwayIndicatorsView *self,
          const char            *title,
          gboolean               undoable)
{
  GtkWindow *window = parent_window (self);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (window))
    return;
  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (window), toast);
}

/* A refusal that has no field to stand beside. */
static void
show_error (PathwayIndicatorsView *self,
            const char            *heading,
            const GError          *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new indicator is shown once it is saved. */
static void
editor_saved_cb (PathwayIndicatorsView *self,
                 PathwayIndicator      *indicator)
{
  pathway_indicators_view_select (self, pathway_indicator_get_id (indicator));
}

static void
open_editor (PathwayIndicatorsView *self,
             PathwayIndicator      *indicator)
{
  PathwayIndicatorEditor *editor;

  if (self->document == NULL)
    return;
  editor = pathway_indicator_editor_new (parent_window (self), self->document, indicator);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (PATHWAY_INDICATORS_VIEW (widget), NULL);
}

/* Every change of the indicator shown, who made it and when. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);
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
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);

  if (self->selected != NULL)
    open_editor (self, self->selected);
}

static void
retire_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    PathwayIndicatorsView *self)
{
  PathwayIndicator *indicator = g_object_get_data (G_OBJECT (dialog), "indicator");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "retire") || self->document == NULL)
    return;
  name = g_strdup (pathway_indicator_get_name (indicator));
  if (!pathway_document_retire (self->document, indicator, NULL, &error))
    {
      show_error (self, _("The Indicator Was Not Retired"), error);
      return;
    }
  /* Translators: after an indicator was retired: "Retired Autism assessment waiting time". */
  title = g_strdup_printf (_("Retired %s"), name);
  announce (self, title, pathway_document_get_can_undo (self->document));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->selected == NULL)
    return;
  /* Translators: asked before an indicator is retired: "Retire Autism assessment waiting
   * time?" */
  heading = g_strdup_printf (_("Retire %s?"), pathway_indicator_get_name (self->selected));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, NULL));
  adw_message_dialog_set_body (dialog, _("It leaves the list of indicators and the board "
                                         "reports from today. Its readings and history are "
                                         "kept, and Undo brings it back."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "indicator", g_object_ref (self->selected),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_reading_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);
  PathwayReadingDialog *dialog;

  if (self->selected == NULL || self->document == NULL)
    return;
  dialog = pathway_reading_dialog_new (parent_window (self), self->document, self->selected,
                                       NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The reading of the indicator shown with this id, as last read (transfer none), or NULL. */
static PathwayReading *
find_reading (PathwayIndicatorsView *self,
              GVariant              *parameter)
{
  SidebarEntry *entry = self->selected != NULL ? entry_for (self, self->selected) : NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (entry == NULL || entry->readings == NULL)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (entry->readings); i < n; i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (entry->readings, i);

      /* The entry's list holds the reading. */
      if (pathway_reading_get_id (reading) == id)
        return reading;
    }
  return NULL;
}

static void
correct_reading_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);
  PathwayReading *reading = find_reading (self, parameter);
  PathwayReadingDialog *dialog;

  if (reading == NULL)
    return;
  dialog = pathway_reading_dialog_new (parent_window (self), self->document, self->selected,
                                       reading);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Retiring a reading asks nothing: Undo in the toast brings it back. */
static void
retire_reading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);
  g_autoptr(PathwayReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  if (find_reading (self, parameter) == NULL)
    return;
  /* The list is read again after the change: hold the reading until then. */
  reading = g_object_ref (find_reading (self, parameter));
  date = pathway_format_date (pathway_reading_get_date (reading));
  if (!pathway_document_retire (self->document, reading, NULL, &error))
    {
      show_error (self, _("The Reading Was Not Retired"), error);
      return;
    }
  /* Translators: after a reading was retired: "Retired the reading of 31 October 2026". */
  title = g_strdup_printf (_("Retired the reading of %s"), date != NULL ? date : _("Undated"));
  announce (self, title, pathway_document_get_can_undo (self->document));
}

/* Readings are read from the file: any write, undo or redo may have changed them. */
static void
document_written_cb (PathwayIndicatorsView *self)
{
  pathway_view_queue_refresh (PATHWAY_VIEW (self));
}

/* Signals from the template --------------------------------------------------------------- */

static void
sidebar_row_selected_cb (PathwayIndicatorsView *self,
                         GtkListBoxRow         *row,
                         GtkListBox            *list)
{
  PathwaySidebarEntry *entry = pathway_sidebar_entry_for_row (&self->sidebar, row);

  if (entry == NULL || entry->item == G_OBJECT (self->selected))
    return;

  set_selected (self, PATHWAY_INDICATOR (entry->item));
  refresh_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0.0);
}

static void
sidebar_row_activated_cb (PathwayIndicatorsView *self,
                          GtkListBoxRow         *row,
                          GtkListBox            *list)
{
  /* On a narrow window the list and the page take turns. On a wide one both are in view,
   * and the focus stays in the list for the arrows to go on (the leaflet would move it to
   * the page). */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
back_clicked_cb (PathwayIndicatorsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Building -------------------------------------------------------------------------------- */

static AdwActionRow *
value_row_new (AdwPreferencesGroup *group,
               const char          *name,
               const char          *title,
               GtkLabel           **value_out)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *value = gtk_label_new (NULL);

  if (name != NULL)
    gtk_widget_set_name (GTK_WIDGET (row), name);
  /* Titles and subtitles may be the programme's text (a comparator's name, a source). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (row, 0);

  /* Figures and dates stay on one line; the title and subtitle beside them wrap. */
  gtk_label_set_xalign (GTK_LABEL (value), 1.0);
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, value);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  *value_out = GTK_LABEL (value);
  return row;
}

static void
build_page (PathwayIndicatorsView *self)
{
  GtkWidget *card;
  GtkWidget *label;

  /* The group's title says what the chart is; the page's heading names the indicator. */
  card = pathway_chart_card_new ("indicator-trend-chart", FALSE, &self->trend_chart);
  gtk_widget_set_size_request (GTK_WIDGET (self->trend_chart), -1, 320);
  adw_preferences_group_add (self->trend_group, card);

  self->target_row = value_row_new (self->target_group, "indicator-target-row", _("Target"),
                                    &self->target_row_value);
  self->direction_row = value_row_new (self->target_group, NULL, _("Better when"),
                                       &self->direction_value);
  self->comparator_row = value_row_new (self->target_group, NULL, NULL,
                                        &self->comparator_value);
  adw_action_row_set_subtitle (self->comparator_row, _("For comparison"));

  self->readings_none = g_object_new (GTK_TYPE_LIST_BOX_ROW, "activatable", FALSE,
                                      "selectable", FALSE, NULL);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "indicator-placeholder");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->readings_none), label);
  gtk_list_box_append (self->readings_list, self->readings_none);
  self->readings_none_label = GTK_LABEL (label);
}

static void
pathway_indicators_view_map (GtkWidget *widget)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (widget);

  /* Up to date before its first frame; readings are read again each time it is shown. */
  if (self->programme != NULL)
    pathway_view_refresh (PATHWAY_VIEW (self));

  GTK_WIDGET_CLASS (pathway_indicators_view_parent_class)->map (widget);
}

static void
pathway_indicators_view_dispose (GObject *object)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (object);

  g_clear_object (&self->selected);
  pathway_view_dispose_template (PATHWAY_VIEW (self), PATHWAY_TYPE_INDICATORS_VIEW);

  G_OBJECT_CLASS (pathway_indicators_view_parent_class)->dispose (object);
}

static void
pathway_indicators_view_finalize (GObject *object)
{
  PathwayIndicatorsView *self = PATHWAY_INDICATORS_VIEW (object);

  pathway_sidebar_clear (&self->sidebar);
  g_ptr_array_unref (self->reading_rows);
  G_OBJECT_CLASS (pathway_indicators_view_parent_class)->finalize (object);
}

static void
pathway_indicators_view_class_init (PathwayIndicatorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_indicators_view_dispose;
  object_class->finalize = pathway_indicators_view_finalize;
  widget_class->map = pathway_indicators_view_map;
  view_class->document_changed = pathway_indicators_view_document_changed;
  view_class->programme_changed = pathway_indicators_view_programme_changed;
  view_class->refresh = pathway_indicators_view_refresh;

  g_type_ensure (PATHWAY_TYPE_TAB_STOP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-indicators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, name_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, service_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, definition_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, latest_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, latest_heading);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView,
                                        latest_status_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, target_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, target_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, baseline_value);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, baseline_detail);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, trend_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, target_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView,
                                        readings_description);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, readings_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayIndicatorsView, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "indicators.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "indicators.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "indicators.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "indicators.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "indicators.add-reading", NULL,
                                   add_reading_action);
  gtk_widget_class_install_action (widget_class, "indicators.correct-reading", "x",
                                   correct_reading_action);
  gtk_widget_class_install_action (widget_class, "indicators.retire-reading", "x",
                                   retire_reading_action);
}

static void
pathway_indicators_view_init (PathwayIndicatorsView *self)
{
  g_type_ensure (PATHWAY_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  pathway_sidebar_init (&self->sidebar, self->sidebar_list, sidebar_entry_free);
  self->reading_rows = g_ptr_array_new_with_free_func (g_free);

  build_page (self);
  pathway_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_indicators_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_INDICATORS_VIEW, NULL);
}

void
pathway_indicators_view_select (PathwayIndicatorsView *self,
                                gint64                 indicator_id)
{
  PathwaySidebarEntry *entry;

  g_return_if_fail (PATHWAY_IS_INDICATORS_VIEW (self));

  /* Changes not shown yet may have brought this indicator. */
  pathway_view_catch_up (PATHWAY_VIEW (self));

  entry = pathway_sidebar_entry_for_id (&self->sidebar, indicator_id);
  if (entry != NULL)
    {
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (entry->row));
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
}

PathwayIndicator *
pathway_indicators_view_get_selected (PathwayIndicatorsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_INDICATORS_VIEW (self), NULL);
  return self->selected;
}
