/* pathway-risks-view.c: the risk and issue log (see the header).
 *
 * The model chain, bottom to top:
 *
 *   GListStore of PathwayRisk      the programme's live entries in the order of their
 *     |                            references; an entry that changes is announced again there
 *     |                            (removed and added at its place), so that it is tested,
 *     |                            placed and shown again
 *   GtkFilterListModel             a GtkCustomFilter over the view's criteria: search words
 *     |                            (reference, title, description, response), status, kind,
 *     |                            band, owner, workstream, overdue review, heat map cell
 *   GtkSortListModel               the column view's sorter; each column's is a
 *     |                            GtkCustomSorter, and ties keep the references' order (the
 *     |                            sort is stable), whichever way a column is sorted
 *   GtkSingleSelection
 *     |
 *   GtkColumnView                  cells are inscriptions, the title a label that wraps, the
 *                                  scores chips (pathway-risk-score.c); binding one only sets
 *                                  text
 *
 * A log holds tens of entries, not thousands: the filter reads each entry's fields when it
 * tests it, and the sorters compare them directly. Changes wait for the view's refresh (an
 * idle, and only while the view is shown): the entries that notified are announced again
 * then, or all of them when an entry came or went or a person or workstream they show changed.
 * The heat map is made again from the entries shown at each refresh and change of criteria. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-announce.h"
#include "pathway-chart-view.h"
#include "pathway-format.h"
#include "pathway-risk-score.h"
#include "pathway-risks-view-private.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"

G_DEFINE_FINAL_TYPE (PathwayRisksView, pathway_risks_view, PATHWAY_TYPE_VIEW)

typedef struct {
  const char *title;  /* on the column's header */
  int min_chars;
  int nat_chars;
  gboolean expand;
} ColumnSpec;

/* Widths in characters of the cells' text, so that columns keep their width whatever the
 * rows in view say; the title has what is left. */
static const ColumnSpec columns[N_RISK_COLUMNS] = {
  [RISK_COLUMN_REFERENCE] = { N_("Ref"), 4, 5, FALSE },
  /* "Dependency" whole */
  [RISK_COLUMN_KIND] = { N_("Kind"), 8, 12, FALSE },
  [RISK_COLUMN_TITLE] = { N_("Title"), 18, 40, TRUE },
  [RISK_COLUMN_OWNER] = { N_("Owner"), 8, 20, FALSE },
  /* "20 Very high" whole */
  [RISK_COLUMN_SCORE] = { N_("Score"), 10, 10, FALSE },
  [RISK_COLUMN_RESIDUAL] = { N_("Residual"), 10, 10, FALSE },
  [RISK_COLUMN_STATUS] = { N_("Status"), 7, 8, FALSE },
  /* "14 September 2027" whole */
  [RISK_COLUMN_REVIEW] = { N_("Review"), 11, 16, FALSE },
  [RISK_COLUMN_ACTIONS] = { N_("Actions"), 6, 10, FALSE },
};

/* Lines of a title before "…". */
#define TITLE_LINES 3

static GQuark column_quark;
static GQuark item_quark;

static void update_shown (PathwayRisksView *self);
static void criteria_changed (PathwayRisksView *self);

/* What an entry is ---------------------------------------------------------------------------- */

static gboolean
is_overdue (PathwayRisksView *self,
            PathwayRisk      *risk)
{
  const GDate *review = pathway_risk_get_review_date (risk);

  return pathway_risk_is_open (risk) && review != NULL && g_date_valid (review) &&
         g_date_valid (&self->today) && g_date_compare (review, &self->today) < 0;
}

static const char *
owner_name (PathwayRisk *risk)
{
  PathwayPerson *owner = pathway_risk_get_owner (risk);

  return owner != NULL ? pathway_person_get_name (owner) : "";
}

char *
pathway_risks_view_describe_risk (PathwayRisksView *self,
                                  PathwayRisk      *risk)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int score = pathway_risk_get_score (risk);
  int residual = pathway_risk_get_residual_score (risk);
  PathwayRisk *raised_from = pathway_risk_get_raised_from (risk);
  g_autofree char *review = pathway_format_date (pathway_risk_get_review_date (risk));

  g_return_val_if_fail (PATHWAY_IS_RISKS_VIEW (self), NULL);
  g_return_val_if_fail (PATHWAY_IS_RISK (risk), NULL);

  g_ptr_array_add (parts, g_strdup (pathway_risk_get_reference (risk)));
  g_ptr_array_add (parts, g_strdup (pathway_risk_kind_label (pathway_risk_get_kind (risk))));
  g_ptr_array_add (parts, g_strdup (pathway_risk_get_title (risk)));
  if (raised_from != NULL)
    /* TRANSLATORS: part of an issue's row read out: "raised from R02" */
    g_ptr_array_add (parts, g_strdup_printf (_("raised from %s"),
                                             pathway_risk_get_reference (raised_from)));
  if (score > 0)
    {
      g_autofree char *band = g_utf8_strdown (
        pathway_risk_band_label (pathway_risk_band_for_score (score)), -1);

      /* TRANSLATORS: part of a row read out: "score 16 high" */
      g_ptr_array_add (parts, g_strdup_printf (_("score %d %s"), score, band));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("not scored")));
  if (residual > 0)
    {
      g_autofree char *band = g_utf8_strdown (
        pathway_risk_band_label (pathway_risk_band_for_score (residual)), -1);

      /* TRANSLATORS: part of a row read out: "residual 6 medium" */
      g_ptr_array_add (parts, g_strdup_printf (_("residual %d %s"), residual, band));
    }
  if (pathway_risk_get_status (risk) != PATHWAY_RISK_STATUS_OPEN)
    g_ptr_array_add (parts, g_utf8_strdown (
                       pathway_risk_status_label (pathway_risk_get_status (risk)), -1));
  if (pathway_risk_get_owner (risk) != NULL)
    /* TRANSLATORS: part of a row read out: "owner Beth Kowalski" */
    g_ptr_array_add (parts, g_strdup_printf (_("owner %s"), owner_name (risk)));
  if (review != NULL)
    /* TRANSLATORS: part of a row read out: "review 14 January 2027" */
    g_ptr_array_add (parts, g_strdup_printf (_("review %s"), review));
  if (is_overdue (self, risk))
    g_ptr_array_add (parts, g_strdup (_("review overdue")));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the parts of a row read out */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Filtering ------------------------------------------------------------------------------------ */

static gboolean
search_matches (PathwayRisksView *self,
                PathwayRisk      *risk)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->search_words == NULL)
    return TRUE;
  text = g_strjoin ("\n", pathway_risk_get_reference (risk), pathway_risk_get_title (risk),
                    pathway_risk_get_description (risk), pathway_risk_get_response (risk),
                    NULL);
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    {
      if (strstr (folded, self->search_words[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  PathwayRisksView *self = data;
  PathwayRisk *risk = item;
  int score = pathway_risk_get_score (risk);

  if (self->statuses != 0 && !(self->statuses & (1u << pathway_risk_get_status (risk))))
    return FALSE;
  if (self->kinds != 0 && !(self->kinds & (1u << pathway_risk_get_kind (risk))))
    return FALSE;
  if (self->bands != 0 && !(self->bands & (1u << pathway_risk_band_for_score (score))))
    return FALSE;
  if (self->owner != NULL && pathway_risk_get_owner (risk) != self->owner)
    return FALSE;
  if (self->workstream != NULL && pathway_risk_get_workstream (risk) != self->workstream)
    return FALSE;
  if (self->overdue_only && !is_overdue (self, risk))
    return FALSE;
  if (self->cell_likelihood > 0)
    {
      int likelihood = self->cell_residual ? pathway_risk_get_residual_likelihood (risk)
                                           : pathway_risk_get_likelihood (risk);
      int impact = self->cell_residual ? pathway_risk_get_residual_impact (risk)
                                       : pathway_risk_get_impact (risk);

      if (likelihood != self->cell_likelihood || impact != self->cell_impact)
        return FALSE;
    }
  return search_matches (self, risk);
}

/* Sorting -------------------------------------------------------------------------------------- */

static int
compare_ints (int a,
              int b)
{
  return (a > b) - (a < b);
}

/* Empty text last, whichever way: people look for the named ones. */
static int
compare_texts (const char *a,
               const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return g_utf8_collate (a, b);
}

static int
status_rank (PathwayRisk *risk)
{
  switch (pathway_risk_get_status (risk))
    {
    case PATHWAY_RISK_STATUS_ESCALATED: return 0;
    case PATHWAY_RISK_STATUS_OPEN: return 1;
    case PATHWAY_RISK_STATUS_CLOSED:
    default: return 2;
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  PathwayRisk *x = (PathwayRisk *) a;
  PathwayRisk *y = (PathwayRisk *) b;

  switch ((RiskColumn) GPOINTER_TO_INT (data))
    {
    case RISK_COLUMN_REFERENCE:
      {
        g_autofree char *key_x = pathway_reference_sort_key (pathway_risk_get_reference (x));
        g_autofree char *key_y = pathway_reference_sort_key (pathway_risk_get_reference (y));

        return strcmp (key_x, key_y);
      }
    case RISK_COLUMN_KIND:
      return compare_ints (pathway_risk_get_kind (x), pathway_risk_get_kind (y));
    case RISK_COLUMN_TITLE:
      return compare_texts (pathway_risk_get_title (x), pathway_risk_get_title (y));
    case RISK_COLUMN_OWNER:
      return compare_texts (owner_name (x), owner_name (y));
    case RISK_COLUMN_SCORE:
      return compare_ints (pathway_risk_get_score (x), pathway_risk_get_score (y));
    case RISK_COLUMN_RESIDUAL:
      return compare_ints (pathway_risk_get_residual_score (x),
                           pathway_risk_get_residual_score (y));
    case RISK_COLUMN_STATUS:
      return compare_ints (status_rank (x), status_rank (y));
    case RISK_COLUMN_REVIEW:
      {
        const GDate *day_x = pathway_risk_get_review_date (x);
        const GDate *day_y = pathway_risk_get_review_date (y);
        gboolean has_x = day_x != NULL && g_date_valid (day_x);
        gboolean has_y = day_y != NULL && g_date_valid (day_y);

        if (!has_x || !has_y)
          return compare_ints (!has_x, !has_y);
        return g_date_compare (day_x, day_y);
      }
    case RISK_COLUMN_ACTIONS:
      return compare_texts (pathway_risk_get_actions (x), pathway_risk_get_actions (y));
    case N_RISK_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }
}

/* Cells ---------------------------------------------------------------------------------------- */

static RiskColumn
column_of (GtkListItemFactory *factory)
{
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (factory), column_quark));
}

static gboolean
inscription_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The whole title, when it is cut short after its last line. */
static gboolean
label_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  GtkLabel *label = GTK_LABEL (widget);
  const char *text = gtk_label_get_text (label);

  if (text == NULL || *text == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
cell_inscription_new (const ColumnSpec *spec)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), spec->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), spec->nat_chars);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0);
  gtk_widget_set_hexpand (inscription, TRUE);
  /* One line, at the top of a row grown for a long title, beside its first line. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_START);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (inscription_tooltip_cb), NULL);
  return inscription;
}

static GtkWidget *
small_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* The row a cell is in: its accessible name says the whole entry. GTK 4.8 gives no handle on
 * a column view's row, so it is found above the cell. */
static GtkWidget *
row_of_cell (GtkWidget *child)
{
  GtkWidget *cell = gtk_widget_get_parent (child);

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

static void secondary_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                                  PathwayRisksView *self);

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PathwayRisksView         *self)
{
  RiskColumn column = column_of (GTK_LIST_ITEM_FACTORY (factory));
  const ColumnSpec *spec = &columns[column];
  GtkWidget *child;
  GtkGesture *secondary;

  switch (column)
    {
    case RISK_COLUMN_TITLE:
      {
        GtkWidget *label = gtk_label_new (NULL);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_lines (GTK_LABEL (label), TITLE_LINES);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (label), spec->min_chars);
        gtk_label_set_max_width_chars (GTK_LABEL (label), spec->nat_chars);
        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_widget_set_has_tooltip (label, TRUE);
        g_signal_connect (label, "query-tooltip", G_CALLBACK (label_tooltip_cb), NULL);
        gtk_box_append (GTK_BOX (child), label);
        /* An issue's risk, under its title. */
        gtk_box_append (GTK_BOX (child), small_label_new ("dim-label"));
        break;
      }

    case RISK_COLUMN_SCORE:
    case RISK_COLUMN_RESIDUAL:
      child = pathway_risk_score_chip_new ();
      break;

    case RISK_COLUMN_REVIEW:
      {
        GtkWidget *overdue = small_label_new ("risk-overdue");

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_widget_set_valign (child, GTK_ALIGN_START);
        gtk_box_append (GTK_BOX (child), cell_inscription_new (spec));
        gtk_label_set_text (GTK_LABEL (overdue), _("Overdue"));
        gtk_widget_set_halign (overdue, GTK_ALIGN_START);
        gtk_box_append (GTK_BOX (child), overdue);
        break;
      }

    case RISK_COLUMN_REFERENCE:
      child = cell_inscription_new (spec);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case RISK_COLUMN_KIND:
    case RISK_COLUMN_OWNER:
    case RISK_COLUMN_STATUS:
    case RISK_COLUMN_ACTIONS:
    case N_RISK_COLUMNS:
    default:
      child = cell_inscription_new (spec);
      break;
    }

  /* Right-click offers the entry's menu. */
  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (secondary));
  g_object_set_qdata (G_OBJECT (child), item_quark, item);
  gtk_list_item_set_child (item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PathwayRisksView         *self)
{
  RiskColumn column = column_of (GTK_LIST_ITEM_FACTORY (factory));
  PathwayRisk *risk = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *text = "";
  g_autofree char *shown = NULL;

  switch (column)
    {
    case RISK_COLUMN_REFERENCE:
      {
        g_autofree char *name = pathway_risks_view_describe_risk (self, risk);
        GtkWidget *row = row_of_cell (child);

        if (row != NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
        text = pathway_risk_get_reference (risk);
        break;
      }

    case RISK_COLUMN_KIND:
      text = pathway_risk_kind_label (pathway_risk_get_kind (risk));
      break;

    case RISK_COLUMN_TITLE:
      {
        GtkWidget *title = gtk_widget_get_first_child (child);
        GtkWidget *from = gtk_widget_get_next_sibling (title);
        PathwayRisk *raised_from = pathway_risk_get_raised_from (risk);

        gtk_label_set_text (GTK_LABEL (title), pathway_risk_get_title (risk));
        if (raised_from != NULL)
          {
            /* TRANSLATORS: under an issue's title: "Raised from R02" */
            shown = g_strdup_printf (_("Raised from %s"), pathway_risk_get_reference (raised_from));
            gtk_label_set_text (GTK_LABEL (from), shown);
          }
        gtk_widget_set_visible (from, raised_from != NULL);
        return;
      }

    case RISK_COLUMN_OWNER:
      text = owner_name (risk);
      break;

    case RISK_COLUMN_SCORE:
      pathway_risk_score_chip_set (child, pathway_risk_get_score (risk), _("Score"));
      return;

    case RISK_COLUMN_RESIDUAL:
      pathway_risk_score_chip_set (child, pathway_risk_get_residual_score (risk),
                                   _("Residual score"));
      return;

    case RISK_COLUMN_STATUS:
      text = pathway_risk_status_label (pathway_risk_get_status (risk));
      break;

    case RISK_COLUMN_REVIEW:
      {
        GtkWidget *day = gtk_widget_get_first_child (child);
        gboolean overdue = is_overdue (self, risk);

        shown = pathway_format_date (pathway_risk_get_review_date (risk));
        gtk_inscription_set_text (GTK_INSCRIPTION (day), shown != NULL ? shown : "");
        gtk_widget_set_visible (gtk_widget_get_next_sibling (day), overdue);
        if (overdue)
          gtk_widget_add_css_class (day, "risk-overdue-day");
        else
          gtk_widget_remove_css_class (day, "risk-overdue-day");
        return;
      }

    case RISK_COLUMN_ACTIONS:
      text = pathway_risk_get_actions (risk);
      break;

    case N_RISK_COLUMNS:
    default:
      g_return_if_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
add_columns (PathwayRisksView *self)
{
  for (RiskColumn i = 0; i < N_RISK_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (i), NULL));
      g_object_set_qdata (G_OBJECT (factory), column_quark, GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }
  /* The worst first, as boards read a risk log. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[RISK_COLUMN_SCORE],
                                  GTK_SORT_DESCENDING);
}

static void
activate_cb (PathwayRisksView *self,
             guint             position)
{
  g_autoptr(PathwayRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                       position);

  if (risk != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "risks.edit", "x",
                                pathway_risk_get_id (risk));
}

/* A row's menu, where the right-click was; the row is selected first, so it is clear which
 * entry the menu is about. */
static void
secondary_pressed_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      PathwayRisksView *self)
{
  GtkWidget *child = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *item = g_object_get_qdata (G_OBJECT (child), item_quark);
  PathwayRisk *risk = item != NULL ? gtk_list_item_get_item (item) : NULL;
  g_autoptr(GMenuModel) menu = NULL;
  graphene_point_t point;

  if (risk == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  if (!gtk_widget_compute_point (child, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  menu = _pathway_risks_view_risk_menu (risk);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The heat map --------------------------------------------------------------------------------- */

/* The heat map is the charts' (pathway_chart_new_risk_heat_map: the log's open entries, current
 * or residual, in the bands' colours, described in words); the view lays two outlines over it,
 * each a widget placed on a cell's box as the chart draws it: the cell the log is filtered to,
 * and the cell the keyboard is on while the map has the focus. A click on a cell filters the
 * log to it, a click on that cell again shows every cell; from the keyboard the arrows move
 * between cells and Enter (or Space) does what a click does, Escape shows every cell. */

static PathwayChart *
heat_map_chart (PathwayRisksView *self)
{
  return self->chart_view != NULL
           ? pathway_chart_view_get_chart (PATHWAY_CHART_VIEW (self->chart_view))
           : NULL;
}

/* What is under a cell's middle, as the chart says it when pointed at: "Likely, Major: 3 risks,
 * score 16, high". */
static char *
describe_cell (PathwayRisksView *self,
               int               likelihood,
               int               impact)
{
  PathwayChart *chart = heat_map_chart (self);
  PathwayChartView *view = PATHWAY_CHART_VIEW (self->chart_view);
  cairo_rectangle_t cell;

  if (chart == NULL ||
      !pathway_chart_get_risk_cell (chart, gtk_widget_get_width (self->chart_view),
                                    gtk_widget_get_height (self->chart_view),
                                    pathway_chart_view_get_style (view), likelihood, impact,
                                    &cell))
    return NULL;
  return pathway_chart_view_describe_at (view, cell.x + cell.width / 2,
                                         cell.y + cell.height / 2);
}

/* The map's name for screen readers: while the keyboard is on a cell, that cell and what Enter
 * does; else the chart's own title. */
static void
name_heat_map (PathwayRisksView *self)
{
  PathwayChart *chart = heat_map_chart (self);
  g_autofree char *cell = NULL;
  g_autofree char *name = NULL;
  gboolean chosen;

  if (chart == NULL)
    return;
  if (self->cursor_likelihood > 0)
    cell = describe_cell (self, self->cursor_likelihood, self->cursor_impact);
  if (cell == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathway_chart_get_title (chart), -1);
      return;
    }
  chosen = self->cell_likelihood == self->cursor_likelihood &&
           self->cell_impact == self->cursor_impact && self->cell_residual == self->residual;
  if (chosen)
    /* TRANSLATORS: the heat map's name for screen readers, on the cell the log shows: "Likely,
     * Major: 3 risks, score 16, high. The log shows these; Enter shows every cell" */
    name = g_strdup_printf (_("%s. The log shows these; Enter shows every cell"), cell);
  else
    /* TRANSLATORS: the heat map's name for screen readers, on a cell: "Likely, Major: 3 risks,
     * score 16, high. Enter shows only these in the log" */
    name = g_strdup_printf (_("%s. Enter shows only these in the log"), cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_cell_outlines (PathwayRisksView *self)
{
  gboolean chosen_here = self->cell_likelihood > 0 && self->cell_residual == self->residual &&
                         heat_map_chart (self) != NULL;

  if (self->chart_view == NULL)
    return;
  gtk_widget_set_visible (self->cell_chosen, chosen_here);
  gtk_widget_set_visible (self->cell_cursor, self->cursor_likelihood > 0 &&
                                               heat_map_chart (self) != NULL);
  gtk_widget_queue_allocate (gtk_widget_get_parent (self->chart_view));
  name_heat_map (self);
}

static gboolean
outline_position_cb (GtkOverlay       *overlay,
                     GtkWidget        *outline,
                     GdkRectangle     *allocation,
                     PathwayRisksView *self)
{
  PathwayChart *chart = heat_map_chart (self);
  gboolean cursor = outline == self->cell_cursor;
  int likelihood = cursor ? self->cursor_likelihood : self->cell_likelihood;
  int impact = cursor ? self->cursor_impact : self->cell_impact;
  cairo_rectangle_t cell;
  graphene_point_t origin;

  if (chart == NULL ||
      !pathway_chart_get_risk_cell (chart, gtk_widget_get_width (self->chart_view),
                                    gtk_widget_get_height (self->chart_view),
                                    pathway_chart_view_get_style (
                                      PATHWAY_CHART_VIEW (self->chart_view)),
                                    likelihood, impact, &cell) ||
      !gtk_widget_compute_point (self->chart_view, GTK_WIDGET (overlay),
                                 &GRAPHENE_POINT_INIT (cell.x, cell.y), &origin))
    {
      *allocation = (GdkRectangle) { 0, 0, 0, 0 };
      return TRUE;
    }
  /* Just outside the cell, so the count in it stays clear. */
  *allocation = (GdkRectangle) { (int) floor (origin.x) - 2, (int) floor (origin.y) - 2,
                                 (int) ceil (cell.width) + 4, (int) ceil (cell.height) + 4 };
  return TRUE;
}

static void
update_heat_map (PathwayRisksView *self)
{
  PathwayDocument *document = pathway_view_get_document (PATHWAY_VIEW (self));
  g_autoptr(PathwayChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  if (document != NULL)
    chart = pathway_chart_new_risk_heat_map (document, NULL, self->residual, &error);
  if (error != NULL)
    g_debug ("No risk heat map: %s", error->message);
  pathway_chart_view_set_chart (PATHWAY_CHART_VIEW (self->chart_view), chart);
  gtk_widget_set_visible (self->heat_map_card, chart != NULL);
  update_cell_outlines (self);
}

/* The keyboard's cell when the map takes the focus: the log's cell, else that of the highest
 * score among the open entries, else the middle. */
static void
place_cursor (PathwayRisksView *self)
{
  GListModel *risks = G_LIST_MODEL (self->risks);
  int best = 0;

  if (self->cell_likelihood > 0 && self->cell_residual == self->residual)
    {
      self->cursor_likelihood = self->cell_likelihood;
      self->cursor_impact = self->cell_impact;
      return;
    }
  self->cursor_likelihood = self->cursor_impact = 3;
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, i);
      int likelihood = self->residual ? pathway_risk_get_residual_likelihood (risk)
                                      : pathway_risk_get_likelihood (risk);
      int impact = self->residual ? pathway_risk_get_residual_impact (risk)
                                  : pathway_risk_get_impact (risk);

      if (pathway_risk_is_open (risk) && likelihood * impact > best)
        {
          best = likelihood * impact;
          self->cursor_likelihood = likelihood;
          self->cursor_impact = impact;
        }
    }
}

static void
heat_map_focus_in_cb (PathwayRisksView *self)
{
  place_cursor (self);
  update_cell_outlines (self);
}

static void
heat_map_focus_out_cb (PathwayRisksView *self)
{
  self->cursor_likelihood = self->cursor_impact = 0;
  update_cell_outlines (self);
}

/* A cell chosen again shows every cell. */
static void
choose_cell (PathwayRisksView *self,
             int               likelihood,
             int               impact)
{
  if (self->cell_likelihood == likelihood && self->cell_impact == impact &&
      self->cell_residual == self->residual)
    pathway_risks_view_filter_cell (self, 0, 0, FALSE);
  else
    pathway_risks_view_filter_cell (self, likelihood, impact, self->residual);
}

static void
heat_map_released_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      PathwayRisksView *self)
{
  PathwayChart *chart = heat_map_chart (self);
  int likelihood, impact;

  if (chart == NULL ||
      !pathway_chart_find_risk_cell (chart, gtk_widget_get_width (self->chart_view),
                                     gtk_widget_get_height (self->chart_view),
                                     pathway_chart_view_get_style (
                                       PATHWAY_CHART_VIEW (self->chart_view)),
                                     x, y, &likelihood, &impact))
    return;
  if (self->cursor_likelihood > 0)
    {
      self->cursor_likelihood = likelihood;
      self->cursor_impact = impact;
    }
  choose_cell (self, likelihood, impact);
}

static gboolean
heat_map_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 PathwayRisksView      *self)
{
  int likelihood = self->cursor_likelihood;
  int impact = self->cursor_impact;

  if (heat_map_chart (self) == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (likelihood == 0)
    place_cursor (self);
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      likelihood = MIN (self->cursor_likelihood + 1, 5);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      likelihood = MAX (self->cursor_likelihood - 1, 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      impact = MIN (self->cursor_impact + 1, 5);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      impact = MAX (self->cursor_impact - 1, 1);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      choose_cell (self, self->cursor_likelihood, self->cursor_impact);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->cell_likelihood == 0)
        return FALSE;
      pathway_risks_view_filter_cell (self, 0, 0, FALSE);
      return TRUE;
    default:
      return FALSE;
    }
  if (likelihood == 0)
    likelihood = self->cursor_likelihood;
  if (impact == 0)
    impact = self->cursor_impact;
  self->cursor_likelihood = likelihood;
  self->cursor_impact = impact;
  update_cell_outlines (self);
  return TRUE;
}

static void
set_up_heat_map (PathwayRisksView *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->chart_view = pathway_chart_view_new ();
  gtk_widget_set_name (self->chart_view, "heat-map");
  /* Room for the area's words beside and under a grid whose counts read at a glance. */
  gtk_widget_set_size_request (self->chart_view, 380, 220);
  gtk_widget_set_vexpand (self->chart_view, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->chart_view);

  self->cell_chosen = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->cell_chosen, "risk-cell-chosen");
  self->cell_cursor = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->cell_cursor, "risk-cell-cursor");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *outline = i == 0 ? self->cell_chosen : self->cell_cursor;

      /* Drawn over the map, never in the way of the pointer or of a screen reader. */
      gtk_widget_set_can_target (outline, FALSE);
      gtk_widget_set_visible (outline, FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (outline), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), outline);
    }
  g_signal_connect (overlay, "get-child-position", G_CALLBACK (outline_position_cb), self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (heat_map_released_cb), self);
  gtk_widget_add_controller (self->chart_view, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (heat_map_key_cb), self);
  gtk_widget_add_controller (self->chart_view, keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (heat_map_focus_in_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (heat_map_focus_out_cb), self);
  gtk_widget_add_controller (self->chart_view, focus);
  /* The outlines follow the map as it is drawn for a new size or the other colour scheme. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_allocate), overlay, G_CONNECT_SWAPPED);

  gtk_box_append (self->heat_map_slot, overlay);
  /* As wide as the map asks, however wide the window: the filters and the table take the rest. */
  gtk_widget_set_hexpand (self->heat_map_card, FALSE);
}

static char *
cell_words (PathwayRisksView *self)
{
  PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));
  const char *likelihood = programme != NULL
                             ? pathway_programme_get_likelihood_word (programme,
                                                                      self->cell_likelihood)
                             : "";
  const char *impact = programme != NULL
                         ? pathway_programme_get_impact_word (programme, self->cell_impact)
                         : "";

  if (self->cell_residual)
    /* TRANSLATORS: the heat map's cell the log is filtered to: "Residual: Likely × Major" */
    return g_strdup_printf (_("Residual: %s × %s"), likelihood, impact);
  /* TRANSLATORS: the heat map's cell the log is filtered to: "Likely × Major" */
  return g_strdup_printf (_("%s × %s"), likelihood, impact);
}

static void
update_cell_button (PathwayRisksView *self)
{
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (self->cell_button, self->cell_likelihood > 0);
  if (self->cell_likelihood == 0)
    return;
  words = cell_words (self);
  gtk_label_set_text (self->cell_label, words);
  /* TRANSLATORS: the accessible name of the button clearing the heat map's cell:
   * "Showing likelihood 4, Likely, impact 4, Major. Show every cell" */
  name = g_strdup_printf (_("Showing likelihood %d, %s, impact %d, %s. Show every cell"),
                          self->cell_likelihood,
                          pathway_programme_get_likelihood_word (
                            pathway_view_get_programme (PATHWAY_VIEW (self)),
                            self->cell_likelihood),
                          self->cell_impact,
                          pathway_programme_get_impact_word (
                            pathway_view_get_programme (PATHWAY_VIEW (self)), self->cell_impact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cell_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
pathway_risks_view_filter_cell (PathwayRisksView *self,
                                int               likelihood,
                                int               impact,
                                gboolean          residual)
{
  g_return_if_fail (PATHWAY_IS_RISKS_VIEW (self));
  g_return_if_fail (likelihood >= 0 && likelihood <= 5 && impact >= 0 && impact <= 5);

  if (likelihood == 0 || impact == 0)
    likelihood = impact = 0;
  self->cell_likelihood = likelihood;
  self->cell_impact = impact;
  self->cell_residual = residual;
  update_cell_button (self);
  update_cell_outlines (self);
  criteria_changed (self);
}

static void
clear_cell_cb (PathwayRisksView *self)
{
  pathway_risks_view_filter_cell (self, 0, 0, FALSE);
}

void
pathway_risks_view_set_residual (PathwayRisksView *self,
                                 gboolean          residual)
{
  g_return_if_fail (PATHWAY_IS_RISKS_VIEW (self));

  gtk_toggle_button_set_active (residual ? self->residual_toggle : self->current_toggle, TRUE);
}

static void
heat_map_toggled_cb (PathwayRisksView *self)
{
  gboolean residual = gtk_toggle_button_get_active (self->residual_toggle);

  if (residual == self->residual)
    return;
  self->residual = residual;
  /* A cell of the other map means something else: let it go. */
  if (self->cell_likelihood > 0 && self->cell_residual != residual)
    pathway_risks_view_filter_cell (self, 0, 0, residual);
  update_heat_map (self);
}

/* Choices in the drop-downs -------------------------------------------------------------------- */

/* One line cut short, on the button and in the list. */
static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), in_list ? 24 : -1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), in_list ? 48 : 18);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *option = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  /* GTK 4.8 names a drop-down's options by their type alone: each says its text. */
  if (data != NULL && option != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (option), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_string_object_get_string (string), -1);
}

static GtkListItemFactory *
choice_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), GINT_TO_POINTER (in_list));
  return factory;
}

/* The status drop-down's choices and the statuses each shows. */
static const struct {
  const char *label;
  guint statuses;
} status_choices[] = {
  { N_("Open and escalated"),
    1u << PATHWAY_RISK_STATUS_OPEN | 1u << PATHWAY_RISK_STATUS_ESCALATED },
  { N_("Open"), 1u << PATHWAY_RISK_STATUS_OPEN },
  { N_("Escalated"), 1u << PATHWAY_RISK_STATUS_ESCALATED },
  { N_("Closed"), 1u << PATHWAY_RISK_STATUS_CLOSED },
  { N_("All statuses"), 0 },
};

static const struct {
  const char *label;
  guint kinds;
} kind_choices[] = {
  { N_("All kinds"), 0 },
  { N_("Risks"), 1u << PATHWAY_RISK_KIND_RISK },
  { N_("Issues"), 1u << PATHWAY_RISK_KIND_ISSUE },
  { N_("Assumptions"), 1u << PATHWAY_RISK_KIND_ASSUMPTION },
  { N_("Dependencies"), 1u << PATHWAY_RISK_KIND_DEPENDENCY },
};

static const struct {
  const char *label;
  guint bands;
} band_choices[] = {
  { N_("All scores"), 0 },
  /* TRANSLATORS: a band of risk scores with its range, in a filter */
  { N_("Very high (20–25)"), 1u << PATHWAY_RISK_BAND_VERY_HIGH },
  { N_("High (10–16)"), 1u << PATHWAY_RISK_BAND_HIGH },
  { N_("Medium (5–9)"), 1u << PATHWAY_RISK_BAND_MEDIUM },
  { N_("Low (1–4)"), 1u << PATHWAY_RISK_BAND_LOW },
  { N_("Not scored"), 1u << PATHWAY_RISK_BAND_NONE },
};

/* The status choice showing every entry. */
#define STATUS_ALL (G_N_ELEMENTS (status_choices) - 1)

/* What each drop-down is, for screen readers, before its value: "Status: Open". */
static const char *const choice_names[N_RISK_CHOICES] = {
  N_("Status"), N_("Kind"), N_("Score"), N_("Owner"), N_("Workstream"),
};

static void
name_drop_down (PathwayRisksView *self,
                RiskChoice        choice)
{
  GObject *item = gtk_drop_down_get_selected_item (self->drop_downs[choice]);
  const char *value = GTK_IS_STRING_OBJECT (item)
                        ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                        : "";
  /* TRANSLATORS: a filter's accessible name and value, "Status: Open and escalated" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), _(choice_names[choice]), value);

  guint selected = gtk_drop_down_get_selected (self->drop_downs[choice]);

  pathway_view_name_drop_down (self->drop_downs[choice], name);
  /* A filter that hides what one would expect to see says so; the log's usual view (open and
   * escalated) and every status do not. */
  if (selected != 0 && !(choice == RISK_CHOICE_STATUS && selected == STATUS_ALL))
    gtk_widget_add_css_class (GTK_WIDGET (self->drop_downs[choice]), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->drop_downs[choice]), "filter-active");
}

static void
set_drop_down (PathwayRisksView *self,
               RiskChoice        choice,
               guint             position)
{
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->drop_downs[choice], position);
  self->syncing = was_syncing;
  name_drop_down (self, choice);
}

static void
apply_choice (PathwayRisksView *self,
              RiskChoice        choice)
{
  guint selected = gtk_drop_down_get_selected (self->drop_downs[choice]);

  switch (choice)
    {
    case RISK_CHOICE_STATUS:
      self->statuses = selected < G_N_ELEMENTS (status_choices) ? status_choices[selected].statuses
                                                                : 0;
      break;
    case RISK_CHOICE_KIND:
      self->kinds = selected < G_N_ELEMENTS (kind_choices) ? kind_choices[selected].kinds : 0;
      break;
    case RISK_CHOICE_BAND:
      self->bands = selected < G_N_ELEMENTS (band_choices) ? band_choices[selected].bands : 0;
      break;
    case RISK_CHOICE_OWNER:
      {
        PathwayPerson *owner = selected < self->owner_values->len
                                 ? g_ptr_array_index (self->owner_values, selected)
                                 : NULL;

        g_set_object (&self->owner, owner);
        break;
      }
    case RISK_CHOICE_WORKSTREAM:
      {
        PathwayWorkstream *workstream = selected < self->workstream_values->len
                                          ? g_ptr_array_index (self->workstream_values, selected)
                                          : NULL;

        g_set_object (&self->workstream, workstream);
        break;
      }
    case N_RISK_CHOICES:
    default:
      g_return_if_reached ();
    }
}

static void
drop_down_selected_cb (GtkDropDown      *drop_down,
                       GParamSpec       *pspec,
                       PathwayRisksView *self)
{
  for (RiskChoice choice = 0; choice < N_RISK_CHOICES; choice++)
    {
      if (self->drop_downs[choice] != drop_down)
        continue;
      name_drop_down (self, choice);
      if (self->syncing)
        return;
      apply_choice (self, choice);
      criteria_changed (self);
    }
}

static void
set_labels (GtkDropDown *drop_down,
            GPtrArray   *labels)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (drop_down));

  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *) labels->pdata);
}

static void
unref_value (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  PathwayPerson *x = *(PathwayPerson *const *) a;
  PathwayPerson *y = *(PathwayPerson *const *) b;

  return g_utf8_collate (pathway_person_get_name (x), pathway_person_get_name (y));
}

static char *
code_and_title (const char *code,
                const char *title)
{
  if (*code == '\0')
    return g_strdup (title);
  if (*title == '\0')
    return g_strdup (code);
  /* TRANSLATORS: a workstream's code and title in a filter, "B – EHC plans" */
  return g_strdup_printf (_("%s – %s"), code, title);
}

/* The owners and workstreams offered: the people who own an entry, the programme's
 * workstreams. What the filter holds stays chosen while it is offered; else it goes. */
static void
update_choices (PathwayRisksView *self)
{
  PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));
  GListModel *risks = G_LIST_MODEL (self->risks);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = NULL;
  GPtrArray *values;
  guint position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, i);
      PathwayPerson *owner = pathway_risk_get_owner (risk);

      if (owner != NULL && !g_ptr_array_find (owners, owner, NULL))
        g_ptr_array_add (owners, owner);
    }
  g_ptr_array_sort (owners, compare_people);
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (unref_value);
  g_ptr_array_add (labels, g_strdup (_("All owners")));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < owners->len; i++)
    {
      PathwayPerson *owner = g_ptr_array_index (owners, i);

      g_ptr_array_add (labels, g_strdup (pathway_person_get_name (owner)));
      g_ptr_array_add (values, g_object_ref (owner));
      if (owner == self->owner)
        position = i + 1;
    }
  if (self->owner != NULL && position == 0)
    g_clear_object (&self->owner);
  g_ptr_array_unref (self->owner_values);
  self->owner_values = values;
  self->syncing = TRUE;
  set_labels (self->drop_downs[RISK_CHOICE_OWNER], labels);
  self->syncing = FALSE;
  set_drop_down (self, RISK_CHOICE_OWNER, position);

  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (unref_value);
  position = 0;
  g_ptr_array_add (labels, g_strdup (_("All workstreams")));
  g_ptr_array_add (values, NULL);
  if (programme != NULL)
    {
      GListModel *workstreams = pathway_programme_get_workstreams (programme);

      for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
        {
          PathwayWorkstream *workstream = g_list_model_get_item (workstreams, i);

          g_ptr_array_add (labels, code_and_title (pathway_workstream_get_code (workstream),
                                                   pathway_workstream_get_title (workstream)));
          g_ptr_array_add (values, workstream);
          if (workstream == self->workstream)
            position = i + 1;
        }
    }
  if (self->workstream != NULL && position == 0)
    g_clear_object (&self->workstream);
  g_ptr_array_unref (self->workstream_values);
  self->workstream_values = values;
  self->syncing = TRUE;
  set_labels (self->drop_downs[RISK_CHOICE_WORKSTREAM], labels);
  self->syncing = FALSE;
  set_drop_down (self, RISK_CHOICE_WORKSTREAM, position);
}

static void
fill_fixed_choices (PathwayRisksView *self)
{
  g_autoptr(GPtrArray) labels = NULL;

  labels = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    g_ptr_array_add (labels, (gpointer) _(status_choices[i].label));
  set_labels (self->drop_downs[RISK_CHOICE_STATUS], labels);
  g_ptr_array_unref (labels);

  labels = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (kind_choices); i++)
    g_ptr_array_add (labels, (gpointer) _(kind_choices[i].label));
  set_labels (self->drop_downs[RISK_CHOICE_KIND], labels);
  g_ptr_array_unref (labels);

  labels = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (band_choices); i++)
    g_ptr_array_add (labels, (gpointer) _(band_choices[i].label));
  set_labels (self->drop_downs[RISK_CHOICE_BAND], labels);
  g_clear_pointer (&labels, g_ptr_array_unref);
}

/* Search, overdue, count ----------------------------------------------------------------------- */

static void
set_search (PathwayRisksView *self,
            const char       *text)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  g_clear_pointer (&self->search_words, g_strfreev);
  if (folded != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      gboolean any = FALSE;

      for (guint i = 0; words[i] != NULL; i++)
        {
          if (*words[i] == '\0')
            continue;
          g_strv_builder_add (builder, words[i]);
          any = TRUE;
        }
      if (any)
        self->search_words = g_strv_builder_end (builder);
    }
}

static void
search_changed_cb (PathwayRisksView *self)
{
  if (self->syncing)
    return;
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  criteria_changed (self);
}

static void
stop_search_cb (PathwayRisksView *self)
{
  pathway_risks_view_set_search (self, NULL);
}

static void
overdue_toggled_cb (PathwayRisksView *self)
{
  if (self->syncing)
    return;
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  criteria_changed (self);
}

/* Whether anything narrows the log beyond its usual view, the open and escalated entries. */
static gboolean
filters_active (PathwayRisksView *self)
{
  return self->search_words != NULL || self->statuses != status_choices[0].statuses ||
         self->kinds != 0 ||
         self->bands != 0 || self->owner != NULL || self->workstream != NULL ||
         self->overdue_only || self->cell_likelihood > 0;
}

static void
update_shown (PathwayRisksView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  g_autofree char *text = NULL;

  if (shown < total)
    /* TRANSLATORS: "9 of 14 risks and issues": entries shown of all the log's entries */
    text = g_strdup_printf (ngettext ("%u of %u risk or issue", "%u of %u risks and issues",
                                      total),
                            shown, total);
  else
    text = g_strdup_printf (ngettext ("%u risk or issue", "%u risks and issues", total), total);
  /* Told when it changes while the log is on screen: a search or filter's result. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_label_get_text (self->count_label), text) != 0)
    pathway_announce (GTK_WIDGET (self), text);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (self->clear_button, filters_active (self));
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "none" : "log");
  gtk_stack_set_visible_child_name (self->table_stack, shown == 0 ? "empty" : "table");
  if (shown == 0 && !filters_active (self))
    {
      /* Only the usual view hides them: every entry is closed. */
      adw_status_page_set_title (self->no_match_page, _("Every Entry Is Closed"));
      adw_status_page_set_description (self->no_match_page,
                                       _("No risk or issue in the log is open or escalated."));
      gtk_button_set_label (self->no_match_button, _("_Show Closed Entries"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->no_match_button), "risks.show-all");
    }
  else if (shown == 0)
    {
      adw_status_page_set_title (self->no_match_page, _("No Risks or Issues Match"));
      adw_status_page_set_description (self->no_match_page,
                                       _("Try other words, or fewer filters."));
      gtk_button_set_label (self->no_match_button, _("_Clear Filters"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->no_match_button),
                                      "risks.clear-filters");
    }
}

static void
shown_changed_cb (PathwayRisksView *self)
{
  update_shown (self);
}

/* New criteria show their first matches first. GTK 4.8 has no scroll_to on a column view; its
 * list's own action does it. */
static void
criteria_changed (PathwayRisksView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
  if (self->list_view != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", 0);
}

/* Following the programme ---------------------------------------------------------------------- */

static int
compare_references (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  GHashTable *keys = data;
  gconstpointer x = *(const gconstpointer *) a;
  gconstpointer y = *(const gconstpointer *) b;

  return strcmp (g_hash_table_lookup (keys, x), g_hash_table_lookup (keys, y));
}

/* The programme's entries in their references' order. */
static GPtrArray *
sorted_risks (PathwayProgramme *programme)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GListModel *list = programme != NULL ? pathway_programme_get_risks (programme) : NULL;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      PathwayRisk *risk = g_list_model_get_item (list, i);

      g_hash_table_insert (keys, risk,
                           pathway_reference_sort_key (pathway_risk_get_reference (risk)));
      g_ptr_array_add (risks, risk);
    }
  g_ptr_array_sort_with_data (risks, compare_references, keys);
  return risks;
}

static gboolean
store_holds (GListStore *store,
             GPtrArray  *risks)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != risks->len)
    return FALSE;
  for (guint i = 0; i < risks->len; i++)
    {
      g_autoptr(GObject) here = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (here != g_ptr_array_index (risks, i))
        return FALSE;
    }
  return TRUE;
}

/* The store in line with the programme: everything announced again when entries came, went
 * or moved, or names changed; else only the entries that changed. */
static void
sync_store (PathwayRisksView *self)
{
  g_autoptr(GPtrArray) risks = sorted_risks (pathway_view_get_programme (PATHWAY_VIEW (self)));
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed);
  PathwayRisk *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(PathwayRisk) keep = selected != NULL ? g_object_ref (selected) : NULL;

  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  if (self->names_changed || !store_holds (self->risks, risks))
    {
      g_list_store_splice (self->risks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->risks)),
                           risks->pdata, risks->len);
      self->names_changed = FALSE;
    }
  else
    {
      GHashTableIter iter;
      gpointer risk;

      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &risk, NULL))
        {
          guint position;

          if (g_list_store_find (self->risks, risk, &position))
            g_list_store_splice (self->risks, position, 1, &risk, 1);
        }
    }
  /* The entry chosen stays chosen where it went. */
  if (keep != NULL && gtk_single_selection_get_selected_item (self->selection) != keep)
    pathway_risks_view_select (self, pathway_risk_get_id (keep));
}

static void
risk_notify_cb (PathwayRisk      *risk,
                GParamSpec       *pspec,
                PathwayRisksView *self)
{
  g_hash_table_add (self->changed, g_object_ref (risk));
  if (g_str_equal (pspec->name, "reference"))
    self->names_changed = TRUE;
}

static void
names_notify_cb (PathwayRisksView *self)
{
  self->names_changed = TRUE;
}

static void
pathway_risks_view_watch_item (PathwayView *view,
                               GObject     *item)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (view);

  if (PATHWAY_IS_RISK (item))
    {
      g_signal_handlers_disconnect_by_func (item, risk_notify_cb, self);
      g_signal_connect_object (item, "notify", G_CALLBACK (risk_notify_cb), self, 0);
    }
  else
    {
      g_signal_handlers_disconnect_by_func (item, names_notify_cb, self);
      g_signal_connect_object (item, "notify", G_CALLBACK (names_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
pathway_risks_view_programme_changed (PathwayView      *view,
                                      PathwayProgramme *programme)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (view);

  /* What the filters held belonged to the last programme. */
  g_clear_object (&self->owner);
  g_clear_object (&self->workstream);
  self->names_changed = TRUE;
  if (programme == NULL)
    return;
  pathway_view_watch (view, programme);
  pathway_view_watch_list (view, pathway_programme_get_risks (programme));
  pathway_view_watch_list (view, pathway_programme_get_people (programme));
  pathway_view_watch_list (view, pathway_programme_get_workstreams (programme));
}

static void
pathway_risks_view_document_changed (PathwayView *view)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (view);

  /* Another file: the filters start again from the log's usual view. */
  pathway_risks_view_clear_filters (self);
}

static void
pathway_risks_view_refresh (PathwayView *view)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (view);
  PathwayDocument *document = pathway_view_get_document (view);

  g_date_clear (&self->today, 1);
  if (document != NULL)
    pathway_document_get_today (document, &self->today);
  sync_store (self);
  update_choices (self);
  /* Reviews fall due as days pass, and the criteria may have let go of a workstream. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_cell_button (self);
  update_shown (self);
  update_heat_map (self);
  _pathway_risks_view_update_actions (self);
}

/* For the window and the tests ----------------------------------------------------------------- */

PathwayRisk *
_pathway_risks_view_find (PathwayRisksView *self,
                          gint64            id)
{
  PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));

  return programme != NULL ? pathway_programme_find_risk (programme, id) : NULL;
}

void
pathway_risks_view_set_search (PathwayRisksView *self,
                               const char       *text)
{
  g_return_if_fail (PATHWAY_IS_RISKS_VIEW (self));

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->syncing = FALSE;
  set_search (self, text);
  criteria_changed (self);
}

/* Back to the usual view, or every entry. */
static void
reset_filters (PathwayRisksView *self,
               gboolean          every_status)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  self->syncing = FALSE;
  set_search (self, NULL);
  set_drop_down (self, RISK_CHOICE_STATUS, every_status ? STATUS_ALL : 0);
  for (RiskChoice choice = RISK_CHOICE_KIND; choice < N_RISK_CHOICES; choice++)
    set_drop_down (self, choice, 0);
  for (RiskChoice choice = 0; choice < N_RISK_CHOICES; choice++)
    apply_choice (self, choice);
  self->overdue_only = FALSE;
  self->cell_likelihood = self->cell_impact = 0;
  update_cell_button (self);
  criteria_changed (self);
}

void
pathway_risks_view_clear_filters (PathwayRisksView *self)
{
  g_return_if_fail (PATHWAY_IS_RISKS_VIEW (self));
  reset_filters (self, FALSE);
}

void
pathway_risks_view_show_all (PathwayRisksView *self)
{
  g_return_if_fail (PATHWAY_IS_RISKS_VIEW (self));
  reset_filters (self, TRUE);
}

GListModel *
pathway_risks_view_get_shown (PathwayRisksView *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISKS_VIEW (self), NULL);

  pathway_view_catch_up (PATHWAY_VIEW (self));
  return G_LIST_MODEL (self->sorted);
}

guint
pathway_risks_view_get_n_shown (PathwayRisksView *self)
{
  return g_list_model_get_n_items (pathway_risks_view_get_shown (self));
}

gboolean
pathway_risks_view_select (PathwayRisksView *self,
                           gint64            id)
{
  GListModel *shown;

  g_return_val_if_fail (PATHWAY_IS_RISKS_VIEW (self), FALSE);

  shown = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (shown, i);

      if (pathway_risk_get_id (risk) != id)
        continue;
      gtk_single_selection_set_selected (self->selection, i);
      if (self->list_view != NULL)
        gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", i);
      return TRUE;
    }
  return FALSE;
}

PathwayRisk *
pathway_risks_view_get_selected (PathwayRisksView *self)
{
  g_return_val_if_fail (PATHWAY_IS_RISKS_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Life ----------------------------------------------------------------------------------------- */

/* A bin's layout that also places the row's menu: a popover's parent places it. */
static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
pathway_risks_view_dispose (GObject *object)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (object);

  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  pathway_view_dispose_template (PATHWAY_VIEW (self), PATHWAY_TYPE_RISKS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_object (&self->owner);
  g_clear_object (&self->workstream);
  g_clear_pointer (&self->owner_values, g_ptr_array_unref);
  g_clear_pointer (&self->workstream_values, g_ptr_array_unref);

  G_OBJECT_CLASS (pathway_risks_view_parent_class)->dispose (object);
}

static void
pathway_risks_view_class_init (PathwayRisksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_risks_view_dispose;
  view_class->document_changed = pathway_risks_view_document_changed;
  view_class->programme_changed = pathway_risks_view_programme_changed;
  view_class->watch_item = pathway_risks_view_watch_item;
  view_class->refresh = pathway_risks_view_refresh;

  column_quark = g_quark_from_static_string ("pathway-risks-view-column");
  item_quark = g_quark_from_static_string ("pathway-risks-view-item");

  g_type_ensure (PATHWAY_TYPE_TAB_STOP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-risks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, add_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, none_add_button);
  gtk_widget_class_bind_template_child_full (widget_class, "status_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayRisksView,
                                                              drop_downs[RISK_CHOICE_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayRisksView,
                                                              drop_downs[RISK_CHOICE_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "band_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayRisksView,
                                                              drop_downs[RISK_CHOICE_BAND]));
  gtk_widget_class_bind_template_child_full (widget_class, "owner_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayRisksView,
                                                              drop_downs[RISK_CHOICE_OWNER]));
  gtk_widget_class_bind_template_child_full (widget_class, "workstream_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayRisksView,
                                                              drop_downs[RISK_CHOICE_WORKSTREAM]));
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, cell_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, cell_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, heat_map_card);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, heat_map_slot);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, current_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, residual_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, table_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, no_match_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayRisksView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, heat_map_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  _pathway_risks_view_class_actions_init (widget_class);
}

static void
pathway_risks_view_init (PathwayRisksView *self)
{
  g_autoptr(GtkListItemFactory) button_factory = choice_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_view_name_column_headings (self->column_view);
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->risks = g_list_store_new (PATHWAY_TYPE_RISK);
  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->owner_values = g_ptr_array_new ();
  self->workstream_values = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->risks)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (
    g_object_ref (G_LIST_MODEL (self->filtered)),
    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (shown_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (_pathway_risks_view_update_actions), self);

  add_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        self->list_view = child;
    }

  for (RiskChoice choice = 0; choice < N_RISK_CHOICES; choice++)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      gtk_drop_down_set_factory (self->drop_downs[choice], button_factory);
      gtk_drop_down_set_list_factory (self->drop_downs[choice], list_factory);
      gtk_drop_down_set_model (self->drop_downs[choice], G_LIST_MODEL (list));
      g_signal_connect (self->drop_downs[choice], "notify::selected",
                        G_CALLBACK (drop_down_selected_cb), self);
    }
  fill_fixed_choices (self);
  update_choices (self);
  /* Open and escalated entries unless asked for others: what a board looks at. */
  set_drop_down (self, RISK_CHOICE_STATUS, 0);
  for (RiskChoice choice = 0; choice < N_RISK_CHOICES; choice++)
    apply_choice (self, choice);

  /* Typing anywhere in the log starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  set_up_heat_map (self);
  update_shown (self);
  update_heat_map (self);
}

GtkWidget *
pathway_risks_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_RISKS_VIEW, NULL);
}
