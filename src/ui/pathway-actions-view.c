/* pathway-actions-view.c: the tracker: every action in a sortable, filterable table.
 *
 * The model chain, bottom to top:
 *
 *   programme's actions (GListModel)
 *     |
 *   pathway_action_filter_get_actions ()   the same actions, each announced again when it
 *     |                                     changes, so it is re-tested, re-placed and re-bound
 *   GtkFilterListModel                     PathwayActionFilter: search words (strstr over
 *     |                                     case-folded text kept per action), rating,
 *     |                                     workstream, theme, lead, area, overdue, stale
 *   GtkSortListModel                       the column view's sorter; each column's is a
 *     |                                     GtkCustomSorter over keys kept per action
 *   GtkSingleSelection
 *     |
 *   GtkColumnView                          cells are GtkInscriptions (and a rating badge), the
 *                                           action and its commentary labels that wrap to three
 *                                           lines; binding one only sets text
 *
 * The filter keeps the keys, and drops an action's when it notifies. The toolbar's widgets
 * are a view of the filter's criteria: presets and "clear" set the widgets, whose handlers
 * set the filter.
 *
 * The columns are a PathwayColumnLayout's: shown, hidden, moved and widened by the person,
 * from the headers' menu or the Columns button, and kept in the settings ("tracker-columns"),
 * read when the table is first shown. When the search finds a word only in text that no
 * column shown holds, the action's cell says where, under the action. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "pathway-action-filter.h"
#include "pathway-actions-view.h"
#include "pathway-announce.h"
#include "pathway-application.h"
#include "pathway-column-layout.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"
#include "pathway-tab-stop.h"

typedef enum {
  CHOICE_RATING,
  CHOICE_WORKSTREAM,
  CHOICE_THEME,
  CHOICE_LEAD,
  CHOICE_AREA,
  N_CHOICES
} Choice;

struct _PathwayActionsView
{
  PathwayView parent_instance;

  PathwayDocument *document; /* borrowed from PathwayView */
  PathwayActionFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  /* Set while the view puts its widgets in line with the filter, so their handlers keep
   * their hands off it. */
  gboolean syncing;

  /* What each drop-down offers: the labels it shows and, at the same positions, the values
   * they stand for (position 0, "All ...", stands for NULL). */
  GtkStringList *labels[N_CHOICES];
  GPtrArray *values[N_CHOICES];

  GtkSearchEntry *search_entry;
  GtkWidget *new_button;
  GtkWidget *none_new_button;
  GtkWidget *present_button;
  GtkDropDown *drop_downs[N_CHOICES];
  GtkToggleButton *overdue_toggle;
  GtkToggleButton *stale_toggle;
  GtkWidget *toolbar_clear_button;
  GtkMenuButton *columns_button;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkWidget *list_view; /* the column view's own list */
  GtkColumnViewColumn *columns[PATHWAY_N_ACTION_COLUMNS];
  PathwayColumnLayout *layout;
  gboolean layout_read;
  gboolean narrow;
  /* The Action column's list items, each bound or waiting: their reasons for matching change
   * with the search and the columns shown, which bind no row again. */
  GHashTable *action_items;
};

G_DEFINE_FINAL_TYPE (PathwayActionsView, pathway_actions_view, PATHWAY_TYPE_VIEW)

typedef struct {
  const char *id;     /* in the settings: never translated, never changed */
  const char *title;  /* on the column's header */
  const char *name;   /* in the columns' menu */
  int min_chars;
  int nat_chars;
  gboolean expand;
  gboolean shown;     /* by default */
} ColumnSpec;

/* In PathwayActionColumn order, which is also the default order. Widths in characters of the
 * cells' text, so that columns keep their width whatever the rows in view say. The default
 * layout leaves the room to the action and its latest commentary, the words a monthly update
 * is about: the theme (a filter above) and the last update (the commentary's date says how
 * fresh the words are) can be shown from the columns' menu. */
static const ColumnSpec columns[PATHWAY_N_ACTION_COLUMNS] = {
  [PATHWAY_ACTION_COLUMN_REFERENCE] = { "reference", N_("Ref"), N_("Reference"), 4, 6, FALSE,
                                        TRUE },
  /* Wraps to three lines: its minimum keeps a line readable in a small window. */
  [PATHWAY_ACTION_COLUMN_DESCRIPTION] = { "action", N_("Action"), N_("Action"), 22, 40, TRUE,
                                          TRUE },
  /* The code ("B"): its title is in the cell's tooltip and the drop-down above. */
  /* TRANSLATORS: the header of a narrow column of workstream codes, short for "Workstream" */
  [PATHWAY_ACTION_COLUMN_WORKSTREAM] = { "workstream", N_("WS"), N_("Workstream"), 2, 3, FALSE,
                                         TRUE },
  [PATHWAY_ACTION_COLUMN_THEME] = { "theme", N_("Theme"), N_("Theme"), 7, 12, FALSE, FALSE },
  [PATHWAY_ACTION_COLUMN_LEAD] = { "lead", N_("Lead"), N_("Lead"), 8, 14, FALSE, TRUE },
  /* "Summer Term 2026" whole, given the room */
  [PATHWAY_ACTION_COLUMN_ORIGINAL] = { "original", N_("Original"), N_("Original Timescale"), 13,
                                       16, FALSE, TRUE },
  [PATHWAY_ACTION_COLUMN_REVISED] = { "revised", N_("Revised"), N_("Revised Timescale"), 13, 16,
                                      FALSE, TRUE },
  /* Beside the badge: "Amber" whole */
  [PATHWAY_ACTION_COLUMN_RATING] = { "rating", N_("Rating"), N_("Rating"), 6, 6, FALSE, TRUE },
  [PATHWAY_ACTION_COLUMN_STATUS] = { "status", N_("Status"), N_("Status"), 7, 9, FALSE, TRUE },
  /* "28 September 2025" whole */
  [PATHWAY_ACTION_COLUMN_LAST_UPDATE] = { "last-update", N_("Last Update"), N_("Last Update"),
                                          16, 16, FALSE, FALSE },
  [PATHWAY_ACTION_COLUMN_COMMENTARY] = { "commentary", N_("Latest Commentary"),
                                         N_("Latest Commentary"), 20, 36, TRUE, TRUE },
};

/* Below this width the default columns leave the commentary out, for the action's sake. */
#define NARROW_WIDTH 1100

/* The settings key holding the columns as the person arranged them. */
#define COLUMNS_KEY "tracker-columns"
/* Lines of an action's text and of its commentary before "…". */
#define TEXT_LINES 3

static GQuark column_quark;

static void update_count (PathwayActionsView *self);
static void criteria_changed (PathwayActionsView *self);
static void update_reasons (PathwayActionsView *self);

/* Cells ---------------------------------------------------------------------------------------- */

static PathwayActionColumn
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

/* The whole text of a label cut short after its last line; nothing for one shown whole. */
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
  /* One line tall, at the top of a row grown for a long action, beside its first line. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_START);
  return inscription;
}

/* Text that wraps, up to TEXT_LINES lines and then "…", its whole a hover away. */
static GtkWidget *
cell_text_new (const ColumnSpec *spec)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), TEXT_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), spec->min_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), spec->nat_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_tooltip_cb), NULL);
  return label;
}

/* Under the action: why the search shows it, when no column shown holds what was found. */
static GtkWidget *
reason_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "match-reason");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_tooltip_cb), NULL);
  return label;
}

/* Bits (1 << PathwayActionColumn) of the columns shown. */
static guint
shown_columns (PathwayActionsView *self)
{
  guint shown = 0;

  for (guint i = 0; i < PATHWAY_N_ACTION_COLUMNS; i++)
    if (self->columns[i] != NULL && gtk_column_view_column_get_visible (self->columns[i]))
      shown |= 1u << i;
  return shown;
}

static void
show_reason (PathwayActionsView *self,
             GtkListItem        *item)
{
  PathwayAction *action = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = box != NULL ? gtk_widget_get_last_child (box) : NULL;
  g_autofree char *reason = NULL;
  guint start = 0, end = 0;

  if (label == NULL)
    return;
  if (action != NULL)
    reason = pathway_action_filter_dup_match_reason (self->filter, action, shown_columns (self),
                                                     &start, &end);
  gtk_label_set_text (GTK_LABEL (label), reason != NULL ? reason : "");
  gtk_widget_set_visible (label, reason != NULL);
  if (reason != NULL && end > start)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = start;
      bold->end_index = end;
      pango_attr_list_insert (attributes, bold);
      gtk_label_set_attributes (GTK_LABEL (label), attributes);
    }
  else
    gtk_label_set_attributes (GTK_LABEL (label), NULL);
}

static void
update_reasons (PathwayActionsView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->action_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    show_reason (self, item);
}

/* The commentary after its date, the date small and dim: "12 Nov 2026  Waiting times…". The
 * text is the person's, set as text; only the date's look comes from attributes. */
static void
show_commentary (PathwayActionsView *self,
                 GtkLabel           *label,
                 PathwayAction      *action)
{
  const char *commentary = pathway_action_get_commentary (action);
  const char *date = pathway_action_filter_get_commentary_date_text (self->filter, action);
  g_autoptr(PangoAttrList) attributes = NULL;
  g_autofree char *text = NULL;

  if (*commentary == '\0' || *date == '\0')
    {
      gtk_label_set_text (label, commentary);
      gtk_label_set_attributes (label, NULL);
      return;
    }

  /* An em space keeps the date apart from the words without a mark between them. */
  text = g_strconcat (date, "\u2003", commentary, NULL);
  attributes = pango_attr_list_new ();
  {
    PangoAttribute *scale = pango_attr_scale_new (PANGO_SCALE_SMALL);
    PangoAttribute *alpha = pango_attr_foreground_alpha_new (0.6 * G_MAXUINT16);
    PangoAttribute *numbers = pango_attr_font_features_new ("tnum");

    scale->end_index = alpha->end_index = numbers->end_index = strlen (date);
    pango_attr_list_insert (attributes, scale);
    pango_attr_list_insert (attributes, alpha);
    pango_attr_list_insert (attributes, numbers);
  }
  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attributes);
}

/* The row as a person would say it: "1B iii, Include the views of children…, Red, lead Beth
 * Kowalski, due December 2025, overdue". GTK 4.8's column view has no row object to name, and a
 * row says nothing of its cells: the row widget is a cell's parent, named from each cell's bind
 * (a hidden column has no cells) so that a row re-bound to another action, or to this action
 * re-rated, says so at once. */
static void
append_part (GString    *name,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (name->len > 0)
    /* TRANSLATORS: what joins the parts of a tracker row read out, "1B iii, Include…, Red" */
    g_string_append (name, _(", "));
  g_string_append (name, part);
}

static char *
dup_row_name (PathwayActionsView *self,
              PathwayAction      *action)
{
  PathwayProgramme *programme = pathway_action_filter_get_programme (self->filter);
  PathwayPerson *lead = pathway_action_get_lead (action);
  const GDate *today = pathway_action_filter_get_today (self->filter);
  g_autofree char *due = pathway_timescale_dup_display (pathway_action_get_due_timescale (action));
  g_autofree char *led = NULL;
  g_autofree char *due_part = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  append_part (name, pathway_action_get_reference (action));
  append_part (name, pathway_action_get_description (action));
  if (programme != NULL)
    append_part (name,
                 pathway_rating_scheme_get_label (pathway_programme_get_rating_scheme (programme),
                                                  pathway_action_get_rating (action)));
  if (lead != NULL && *pathway_person_get_name (lead) != '\0')
    /* TRANSLATORS: an action's lead in a tracker row read out: "lead Beth Kowalski" */
    append_part (name, led = g_strdup_printf (_("lead %s"), pathway_person_get_name (lead)));
  if (*due != '\0')
    /* TRANSLATORS: an action's due timescale in a tracker row read out: "due December 2025" */
    append_part (name, due_part = g_strdup_printf (_("due %s"), due));
  if (g_date_valid (today) && pathway_action_is_overdue (action, today))
    /* TRANSLATORS: said last of a tracker row whose action is past its due date */
    append_part (name, _("overdue"));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The row widget holding a cell's child: the list's child it is within. */
static GtkWidget *
row_of_cell (PathwayActionsView *self,
             GtkWidget          *child)
{
  GtkWidget *widget = child;

  while (widget != NULL && gtk_widget_get_parent (widget) != self->list_view)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static void name_row (PathwayActionsView *self, GtkWidget *child, PathwayAction *action);

static void
cell_mapped_cb (GtkWidget          *child,
                PathwayActionsView *self)
{
  PathwayAction *action = g_object_get_data (G_OBJECT (child), "pathway-row-action");

  if (action != NULL && row_of_cell (self, child) != NULL)
    name_row (self, child, action);
}

static void
name_row (PathwayActionsView *self,
          GtkWidget          *child,
          PathwayAction      *action)
{
  GtkWidget *row = row_of_cell (self, child);
  g_autofree char *name = NULL;

  if (row == NULL)
    {
      /* GTK 4.8 binds a new row's cells before it places them in the row: name it once it is
       * on screen. */
      g_object_set_data_full (G_OBJECT (child), "pathway-row-action", g_object_ref (action),
                              g_object_unref);
      if (g_object_get_data (G_OBJECT (child), "pathway-row-named") == NULL)
        {
          g_object_set_data (G_OBJECT (child), "pathway-row-named", GINT_TO_POINTER (1));
          g_signal_connect_object (child, "map", G_CALLBACK (cell_mapped_cb), self, 0);
        }
      return;
    }
  name = dup_row_name (self, action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PathwayActionsView       *self)
{
  PathwayActionColumn column = column_of (GTK_LIST_ITEM_FACTORY (factory));
  const ColumnSpec *spec = &columns[column];

  switch (column)
    {
    case PATHWAY_ACTION_COLUMN_RATING:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
        GtkWidget *badge = pathway_rating_badge_new ();

        pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
        gtk_widget_set_valign (box, GTK_ALIGN_START);
        gtk_box_append (GTK_BOX (box), badge);
        gtk_box_append (GTK_BOX (box), cell_inscription_new (spec));
        gtk_list_item_set_child (item, box);
        return;
      }

    case PATHWAY_ACTION_COLUMN_DESCRIPTION:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

        gtk_box_append (GTK_BOX (box), cell_text_new (spec));
        gtk_box_append (GTK_BOX (box), reason_label_new ());
        gtk_list_item_set_child (item, box);
        g_hash_table_add (self->action_items, item);
        return;
      }

    case PATHWAY_ACTION_COLUMN_COMMENTARY:
      gtk_list_item_set_child (item, cell_text_new (spec));
      return;

    case PATHWAY_ACTION_COLUMN_THEME:
    case PATHWAY_ACTION_COLUMN_LEAD:
    case PATHWAY_ACTION_COLUMN_ORIGINAL:
    case PATHWAY_ACTION_COLUMN_REVISED:
      {
        GtkWidget *inscription = cell_inscription_new (spec);

        /* These are cut short in a narrow column; the whole text is a hover away, made only
         * when asked. */
        gtk_widget_set_has_tooltip (inscription, TRUE);
        g_signal_connect (inscription, "query-tooltip", G_CALLBACK (inscription_tooltip_cb),
                          NULL);
        gtk_list_item_set_child (item, inscription);
        return;
      }

    case PATHWAY_ACTION_COLUMN_REFERENCE:
      {
        GtkWidget *inscription = cell_inscription_new (spec);

        gtk_widget_add_css_class (inscription, "numeric");
        gtk_list_item_set_child (item, inscription);
        return;
      }

    case PATHWAY_ACTION_COLUMN_WORKSTREAM:
    case PATHWAY_ACTION_COLUMN_STATUS:
    case PATHWAY_ACTION_COLUMN_LAST_UPDATE:
    default:
      gtk_list_item_set_child (item, cell_inscription_new (spec));
      return;
    }
}

static void
teardown_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PathwayActionsView       *self)
{
  if (self->action_items != NULL)
    g_hash_table_remove (self->action_items, item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PathwayActionsView       *self)
{
  PathwayActionColumn column = column_of (GTK_LIST_ITEM_FACTORY (factory));
  PathwayAction *action = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *text = "";
  g_autofree char *shown = NULL;

  name_row (self, child, action);

  switch (column)
    {
    case PATHWAY_ACTION_COLUMN_REFERENCE:
      text = pathway_action_get_reference (action);
      break;

    case PATHWAY_ACTION_COLUMN_DESCRIPTION:
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)),
                          pathway_action_get_description (action));
      show_reason (self, item);
      return;

    case PATHWAY_ACTION_COLUMN_COMMENTARY:
      show_commentary (self, GTK_LABEL (child), action);
      return;

    case PATHWAY_ACTION_COLUMN_WORKSTREAM:
      {
        PathwayWorkstream *workstream = pathway_action_get_workstream (action);
        const char *code = workstream != NULL ? pathway_workstream_get_code (workstream) : "";
        const char *title = workstream != NULL ? pathway_workstream_get_title (workstream) : "";
        g_autofree char *name = NULL;

        text = *code != '\0' ? code : title;
        gtk_widget_set_tooltip_text (child, *title != '\0' ? title : NULL);
        /* A screen reader says what the tooltip shows, not the letter alone. */
        if (*code != '\0' && *title != '\0')
          /* TRANSLATORS: a workstream's code and title, read out for its cell: "B, EHC plans" */
          name = g_strdup_printf (_("%s, %s"), code, title);
        /* After the text, which the inscription also gives as its name. */
        gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name != NULL ? name : text, -1);
        return;
      }

    case PATHWAY_ACTION_COLUMN_THEME:
      text = pathway_action_get_theme (action);
      break;

    case PATHWAY_ACTION_COLUMN_LEAD:
      {
        PathwayPerson *lead = pathway_action_get_lead (action);

        text = lead != NULL ? pathway_person_get_name (lead) : "";
        break;
      }

    /* Timescales as they cannot be misread ("December 2025", not "Dec 25"); the editor shows
     * them as written. */
    case PATHWAY_ACTION_COLUMN_ORIGINAL:
      shown = pathway_timescale_dup_display (pathway_action_get_original_timescale (action));
      text = shown;
      break;

    case PATHWAY_ACTION_COLUMN_REVISED:
      shown = pathway_timescale_dup_display (pathway_action_get_revised_timescale (action));
      text = shown;
      break;

    case PATHWAY_ACTION_COLUMN_RATING:
      {
        PathwayProgramme *programme = pathway_action_filter_get_programme (self->filter);
        PathwayRating rating = pathway_action_get_rating (action);
        GtkWidget *badge = gtk_widget_get_first_child (child);

        text = programme != NULL
                 ? pathway_rating_scheme_get_label (pathway_programme_get_rating_scheme (programme),
                                                    rating)
                 : "";
        pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (badge), rating, text);
        child = gtk_widget_get_next_sibling (badge);
        break;
      }

    case PATHWAY_ACTION_COLUMN_STATUS:
      text = pathway_status_label (pathway_action_get_status (action));
      break;

    case PATHWAY_ACTION_COLUMN_LAST_UPDATE:
      text = pathway_action_filter_get_last_update_text (self->filter, action);
      break;

    default:
      g_return_if_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
column_shown_cb (PathwayActionsView *self)
{
  /* A reason is given only for what no column shows. */
  update_reasons (self);
  if (gtk_column_view_column_get_visible (self->columns[PATHWAY_ACTION_COLUMN_COMMENTARY]))
    pathway_action_filter_load_commentary_dates (self->filter);
}

static void
add_columns (PathwayActionsView *self)
{
  self->layout = pathway_column_layout_new (self->column_view);

  for (guint i = 0; i < PATHWAY_N_ACTION_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = pathway_action_filter_create_sorter (self->filter, i);

      g_object_set_qdata (G_OBJECT (factory), column_quark, GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      pathway_column_layout_append (self->layout, column, columns[i].id, _(columns[i].name),
                                    columns[i].shown);
      g_signal_connect_swapped (column, "notify::visible", G_CALLBACK (column_shown_cb), self);
      self->columns[i] = column;

      if (i == PATHWAY_ACTION_COLUMN_REFERENCE)
        gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_ASCENDING);
    }

  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  pathway_column_layout_get_actions (self->layout));
  gtk_menu_button_set_menu_model (self->columns_button,
                                  pathway_column_layout_get_menu (self->layout));
}

static void
activate_cb (PathwayActionsView *self,
             guint               position)
{
  g_autoptr(PathwayAction) action = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-action", "x",
                                pathway_action_get_id (action));
}

/* Choices in the drop-downs -------------------------------------------------------------------- */

/* One line cut short, on the button and in the list. A drop-down's list is only as wide as its
 * items must be, so there they are given room for a workstream's or an area's title. */
static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), in_list ? 36 : -1);
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
  /* GTK 4.8 names a drop-down's options by their type alone: each says its text. The
   * button's own item is left to the button, named with its drop-down's purpose. */
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

/* What each drop-down is, said before its value: "Rating: All ratings". The button inside the
 * drop-down is what takes the focus, so it carries the name too. */
static const char *const choice_names[N_CHOICES] = {
  N_("Rating"), N_("Workstream"), N_("Theme"), N_("Lead"), N_("Area of weakness"),
};

static void
name_drop_down (PathwayActionsView *self,
                Choice              choice)
{
  GtkDropDown *drop_down = self->drop_downs[choice];
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  const char *value = GTK_IS_STRING_OBJECT (item)
                        ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                        : "";
  /* TRANSLATORS: a filter's accessible name and value, "Rating: All ratings" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), _(choice_names[choice]), value);

  pathway_view_name_drop_down (drop_down, name);
}

static gpointer
chosen_value (PathwayActionsView *self,
              Choice              choice)
{
  guint selected = gtk_drop_down_get_selected (self->drop_downs[choice]);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->values[choice]->len)
    return NULL;
  return g_ptr_array_index (self->values[choice], selected);
}

static void
apply_choice (PathwayActionsView *self,
              Choice              choice)
{
  gpointer value = chosen_value (self, choice);

  switch (choice)
    {
    case CHOICE_RATING:
      pathway_action_filter_set_ratings (self->filter,
                                         value != NULL ? 1u << (GPOINTER_TO_UINT (value) - 1)
                                                       : 0);
      break;
    case CHOICE_WORKSTREAM:
      pathway_action_filter_set_workstream (self->filter, value);
      break;
    case CHOICE_THEME:
      pathway_action_filter_set_theme (self->filter, value);
      break;
    case CHOICE_LEAD:
      pathway_action_filter_set_lead (self->filter, value);
      break;
    case CHOICE_AREA:
      pathway_action_filter_set_area (self->filter, value);
      break;
    case N_CHOICES:
    default:
      g_return_if_reached ();
    }
}

static void
drop_down_selected_cb (GtkDropDown        *drop_down,
                       GParamSpec         *pspec,
                       PathwayActionsView *self)
{
  if (self->syncing)
    return;

  for (Choice choice = 0; choice < N_CHOICES; choice++)
    if (self->drop_downs[choice] == drop_down)
      apply_choice (self, choice);
  criteria_changed (self);
}

/* The value the filter holds for a choice, to find it again among new choices. */
static gconstpointer
current_value (PathwayActionsView *self,
               Choice              choice)
{
  switch (choice)
    {
    case CHOICE_RATING:
      {
        guint ratings = pathway_action_filter_get_ratings (self->filter);

        for (guint rating = 0; rating < PATHWAY_N_RATINGS; rating++)
          if (ratings == 1u << rating)
            return GUINT_TO_POINTER (rating + 1);
        return NULL;
      }
    case CHOICE_WORKSTREAM:
      return pathway_action_filter_get_workstream (self->filter);
    case CHOICE_THEME:
      return pathway_action_filter_get_theme (self->filter);
    case CHOICE_LEAD:
      return pathway_action_filter_get_lead (self->filter);
    case CHOICE_AREA:
      return pathway_action_filter_get_area (self->filter);
    case N_CHOICES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
position_of_value (PathwayActionsView *self,
                   Choice              choice,
                   gconstpointer       value)
{
  GPtrArray *values = self->values[choice];

  for (guint i = 1; value != NULL && i < values->len; i++)
    {
      gconstpointer here = g_ptr_array_index (values, i);

      if (choice == CHOICE_THEME ? g_strcmp0 (here, value) == 0 : here == value)
        return i;
    }
  return 0;
}

/* Selects what the filter holds, without the drop-down's handler setting it back. */
static void
select_current (PathwayActionsView *self,
                Choice              choice)
{
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->drop_downs[choice],
                              position_of_value (self, choice, current_value (self, choice)));
  self->syncing = was_syncing;
}

/* The "All ..." place holds NULL. */
static void
unref_value (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static int
compare_utf8 (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  PathwayPerson *person_a = *(PathwayPerson * const *) a;
  PathwayPerson *person_b = *(PathwayPerson * const *) b;

  return g_utf8_collate (pathway_person_get_name (person_a), pathway_person_get_name (person_b));
}

static char *
code_and_title (const char *code,
                const char *title)
{
  if (*code == '\0')
    return g_strdup (title);
  if (*title == '\0')
    return g_strdup (code);
  /* TRANSLATORS: a workstream's or area's code and title in a filter, "B – EHC plans" */
  return g_strdup_printf (_("%s – %s"), code, title);
}

/* Fills one drop-down with labels (owned by the array) and the values they stand for. */
static void
set_choices (PathwayActionsView *self,
             Choice              choice,
             GPtrArray          *labels,
             GPtrArray          *values)
{
  gboolean was_syncing = self->syncing;
  GtkStringList *list = self->labels[choice];
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  gconstpointer current = current_value (self, choice);
  gboolean still_offered;

  g_ptr_array_add (labels, NULL);

  self->syncing = TRUE;
  g_ptr_array_unref (self->values[choice]);
  self->values[choice] = g_ptr_array_ref (values);
  gtk_string_list_splice (list, 0, n_old, (const char * const *) labels->pdata);
  still_offered = current == NULL || position_of_value (self, choice, current) != 0;
  self->syncing = was_syncing;

  /* A filter on something no longer offered (a theme nobody uses any more) would hide rows
   * with nothing on screen to say why: let it go. */
  if (!still_offered)
    {
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->drop_downs[choice], 0);
      self->syncing = was_syncing;
      apply_choice (self, choice);
    }
  else
    select_current (self, choice);
}

static void
update_choices (PathwayActionsView *self)
{
  PathwayProgramme *programme = pathway_action_filter_get_programme (self->filter);
  GListModel *actions = pathway_action_filter_get_actions (self->filter);
  guint n_actions = g_list_model_get_n_items (actions);
  PathwayRatingScheme *scheme = programme ? pathway_programme_get_rating_scheme (programme)
                                          : NULL;
  g_autoptr(GHashTable) themes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) leads = g_hash_table_new (NULL, NULL);
  gboolean rated[PATHWAY_N_RATINGS] = { FALSE, };
  static const char *all[N_CHOICES] = {
    N_("All ratings"), N_("All workstreams"), N_("All themes"), N_("All leads"),
    N_("All areas"),
  };
  GPtrArray *labels[N_CHOICES];
  GPtrArray *values[N_CHOICES];

  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      labels[choice] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (labels[choice], g_strdup (_(all[choice])));
    }
  values[CHOICE_RATING] = g_ptr_array_new ();
  values[CHOICE_WORKSTREAM] = g_ptr_array_new_with_free_func (unref_value);
  values[CHOICE_THEME] = g_ptr_array_new_with_free_func (g_free);
  values[CHOICE_LEAD] = g_ptr_array_new_with_free_func (unref_value);
  values[CHOICE_AREA] = g_ptr_array_new_with_free_func (unref_value);
  for (Choice choice = 0; choice < N_CHOICES; choice++)
    g_ptr_array_add (values[choice], NULL);

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      const char *theme = pathway_action_get_theme (action);
      PathwayPerson *lead = pathway_action_get_lead (action);

      if (*theme != '\0')
        g_hash_table_add (themes, (gpointer) theme);
      if (lead != NULL)
        g_hash_table_add (leads, lead);
      rated[pathway_action_get_rating (action)] = TRUE;
    }

  /* Worst first, as boards read them; blue and "not rated" only where they can occur. */
  for (guint i = 0; scheme != NULL && i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];

      if (pathway_rating_scheme_offers (scheme, rating) || rated[rating])
        {
          g_ptr_array_add (labels[CHOICE_RATING],
                           g_strdup (pathway_rating_scheme_get_label (scheme, rating)));
          g_ptr_array_add (values[CHOICE_RATING], GUINT_TO_POINTER (rating + 1));
        }
    }

  if (programme != NULL)
    {
      GListModel *workstreams = pathway_programme_get_workstreams (programme);
      GListModel *areas = pathway_programme_get_areas (programme);

      for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
        {
          PathwayWorkstream *workstream = g_list_model_get_item (workstreams, i);

          g_ptr_array_add (labels[CHOICE_WORKSTREAM],
                           code_and_title (pathway_workstream_get_code (workstream),
                                           pathway_workstream_get_title (workstream)));
          g_ptr_array_add (values[CHOICE_WORKSTREAM], workstream);
        }
      for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
        {
          PathwayAreaOfWeakness *area = g_list_model_get_item (areas, i);

          g_ptr_array_add (labels[CHOICE_AREA],
                           code_and_title (pathway_area_of_weakness_get_reference (area),
                                           pathway_area_of_weakness_get_title (area)));
          g_ptr_array_add (values[CHOICE_AREA], area);
        }
    }

  {
    g_autofree gpointer *sorted = g_hash_table_get_keys_as_array (themes, NULL);
    guint n = g_hash_table_size (themes);

    qsort (sorted, n, sizeof (gpointer), compare_utf8);
    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_add (labels[CHOICE_THEME], g_strdup (sorted[i]));
        g_ptr_array_add (values[CHOICE_THEME], g_strdup (sorted[i]));
      }
  }
  {
    g_autofree gpointer *sorted = g_hash_table_get_keys_as_array (leads, NULL);
    guint n = g_hash_table_size (leads);

    qsort (sorted, n, sizeof (gpointer), compare_people);
    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_add (labels[CHOICE_LEAD], g_strdup (pathway_person_get_name (sorted[i])));
        g_ptr_array_add (values[CHOICE_LEAD], g_object_ref (sorted[i]));
      }
  }

  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      set_choices (self, choice, labels[choice], values[choice]);
      g_ptr_array_unref (labels[choice]);
      g_ptr_array_unref (values[choice]);
    }
  update_count (self);
}

/* Search, toggles, count ----------------------------------------------------------------------- */

static void
search_changed_cb (PathwayActionsView *self)
{
  if (self->syncing)
    return;
  pathway_action_filter_set_search (self->filter,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  criteria_changed (self);
}

static void
stop_search_cb (PathwayActionsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pathway_action_filter_set_search (self->filter, NULL);
  criteria_changed (self);
}

static void
overdue_toggled_cb (PathwayActionsView *self)
{
  if (self->syncing)
    return;
  pathway_action_filter_set_overdue_only (self->filter,
                                          gtk_toggle_button_get_active (self->overdue_toggle));
  criteria_changed (self);
}

static void
update_stale_toggle (PathwayActionsView *self)
{
  gboolean stale_only = pathway_action_filter_get_stale_only (self->filter);
  g_autofree char *label = NULL;
  gboolean was_syncing = self->syncing;
  guint stale_days = pathway_view_get_stale_days (PATHWAY_VIEW (self));

  label = g_strdup_printf (ngettext ("No Update for %u Day", "No Update for %u Days",
                                     stale_days),
                           stale_days);
  gtk_button_set_label (GTK_BUTTON (self->stale_toggle), label);
  /* Only there while it is on: turned off, it goes, as there is no other way to it here. */
  gtk_widget_set_visible (GTK_WIDGET (self->stale_toggle), stale_only);
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->stale_toggle, stale_only);
  self->syncing = was_syncing;
}

static void
stale_toggled_cb (PathwayActionsView *self)
{
  if (self->syncing)
    return;
  pathway_action_filter_set_stale_only (self->filter,
                                        gtk_toggle_button_get_active (self->stale_toggle));
  update_stale_toggle (self);
  criteria_changed (self);
}

static void
update_count (PathwayActionsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint total = g_list_model_get_n_items (pathway_action_filter_get_actions (self->filter));
  gboolean active = pathway_action_filter_get_active (self->filter);
  g_autofree char *text = NULL;

  /* A filter that is on says so, in the toolbar as well as in the count. */
  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      name_drop_down (self, choice);
      if (gtk_drop_down_get_selected (self->drop_downs[choice]) > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->drop_downs[choice]), "filter-active");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->drop_downs[choice]), "filter-active");
    }
  gtk_widget_set_visible (self->toolbar_clear_button, active);
  /* Presenting an empty list would show only a title and a closing slide. */
  gtk_widget_set_sensitive (self->present_button, shown > 0);

  if (active)
    /* TRANSLATORS: "23 of 115 actions": actions shown of all the programme's actions */
    text = g_strdup_printf (ngettext ("%u of %u action", "%u of %u actions", total), shown,
                            total);
  else
    text = g_strdup_printf (ngettext ("%u action", "%u actions", total), total);
  /* Told when it changes while the list is on screen: a search or filter's result. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_label_get_text (self->count_label), text) != 0)
    pathway_announce (GTK_WIDGET (self), text);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "none"
                                                 : shown == 0 ? "empty"
                                                              : "table");
}

static void
shown_changed_cb (PathwayActionsView *self)
{
  update_count (self);
}

/* New criteria show their first matches first, rather than keep whichever row was at the
 * top before (the table keeps its top row through any change of the rows). GTK 4.8 has no
 * scroll_to on a column view; its list's own action does it. */
static void
criteria_changed (PathwayActionsView *self)
{
  update_count (self);
  update_reasons (self);
  if (self->list_view != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", 0);
}

/* The document --------------------------------------------------------------------------------- */

static void
pathway_actions_view_refresh (PathwayView *view)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (view);
  /* A data officer or a reader on a server adds none. */
  gboolean editable = pathway_view_get_can_add (view, PATHWAY_TYPE_ACTION);

  gtk_widget_set_sensitive (self->new_button, editable);
  gtk_widget_set_sensitive (self->none_new_button, editable);
}

static void
pathway_actions_view_document_changed (PathwayView *view)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (view);

  self->document = pathway_view_get_document (view);
  pathway_action_filter_set_document (self->filter, self->document);
}

static void
pathway_actions_view_programme_changed (PathwayView      *view,
                                        PathwayProgramme *programme)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (view);

  pathway_action_filter_set_programme (self->filter, programme);
  /* The commentary's dates in one query now, rather than when the first row is bound. */
  if (gtk_column_view_column_get_visible (self->columns[PATHWAY_ACTION_COLUMN_COMMENTARY]))
    pathway_action_filter_load_commentary_dates (self->filter);
  /* The filter lets go of the old programme's workstreams, people and areas: so do the
   * drop-downs, at once rather than when the new choices come. */
  for (Choice choice = CHOICE_WORKSTREAM; choice < N_CHOICES; choice++)
    select_current (self, choice);
  update_count (self);
}

/* For the window ------------------------------------------------------------------------------- */

void
pathway_actions_view_focus_search (PathwayActionsView *self)
{
  g_return_if_fail (PATHWAY_IS_ACTIONS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
pathway_actions_view_set_search (PathwayActionsView *self,
                                 const char         *text)
{
  g_return_if_fail (PATHWAY_IS_ACTIONS_VIEW (self));

  /* The entry's own search-changed comes later and finds the filter already set. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  pathway_action_filter_set_search (self->filter, text);
  criteria_changed (self);
}

void
pathway_actions_view_clear_filters (PathwayActionsView *self)
{
  g_return_if_fail (PATHWAY_IS_ACTIONS_VIEW (self));

  pathway_action_filter_reset (self->filter);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (Choice choice = 0; choice < N_CHOICES; choice++)
    gtk_drop_down_set_selected (self->drop_downs[choice], 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  self->syncing = FALSE;

  update_stale_toggle (self);
  criteria_changed (self);
}

void
pathway_actions_view_apply_preset (PathwayActionsView *self,
                                   const char         *preset)
{
  g_return_if_fail (PATHWAY_IS_ACTIONS_VIEW (self));

  pathway_actions_view_clear_filters (self);

  if (g_strcmp0 (preset, "red") == 0 || g_strcmp0 (preset, "amber") == 0)
    {
      PathwayRating rating = g_str_equal (preset, "red") ? PATHWAY_RATING_RED
                                                         : PATHWAY_RATING_AMBER;

      pathway_action_filter_set_ratings (self->filter, 1u << rating);
      select_current (self, CHOICE_RATING);
    }
  else if (g_strcmp0 (preset, "overdue") == 0)
    gtk_toggle_button_set_active (self->overdue_toggle, TRUE);
  else if (g_strcmp0 (preset, "stale") == 0)
    {
      pathway_action_filter_set_stale_days (self->filter,
                                            pathway_view_get_stale_days (PATHWAY_VIEW (self)));
      pathway_action_filter_set_stale_only (self->filter, TRUE);
      update_stale_toggle (self);
    }
  else if (preset != NULL && *preset != '\0')
    g_debug ("No filter preset called “%s”", preset);

  criteria_changed (self);
}

static void
stale_days_cb (PathwayActionsView *self)
{
  pathway_action_filter_set_stale_days (self->filter,
                                        pathway_view_get_stale_days (PATHWAY_VIEW (self)));
  update_stale_toggle (self);
  update_count (self);
}

GListModel *
pathway_actions_view_get_shown (PathwayActionsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTIONS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkSorter *
pathway_actions_view_get_sorter (PathwayActionsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTIONS_VIEW (self), NULL);
  return gtk_column_view_get_sorter (self->column_view);
}

guint
pathway_actions_view_get_n_shown (PathwayActionsView *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTIONS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

/* Life ----------------------------------------------------------------------------------------- */

/* A bin's layout, which also fits the default columns to the width it is given: below
 * NARROW_WIDTH the action alone has the room, the commentary a column the person can show. */
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
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean narrow = width < NARROW_WIDTH;

  if (self->layout != NULL && narrow != self->narrow)
    {
      self->narrow = narrow;
      pathway_column_layout_set_default_shown (self->layout,
                                               columns[PATHWAY_ACTION_COLUMN_COMMENTARY].id,
                                               !narrow);
    }
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* The columns as the person left them, read when the table is first shown rather than while
 * the window starts. */
static void
pathway_actions_view_map (GtkWidget *widget)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (widget);

  if (!self->layout_read)
    {
      g_autoptr(GSettings) settings = pathway_application_new_settings ();

      self->layout_read = TRUE;
      pathway_column_layout_bind (self->layout, settings, COLUMNS_KEY);
    }
  GTK_WIDGET_CLASS (pathway_actions_view_parent_class)->map (widget);
}

static void
pathway_actions_view_dispose (GObject *object)
{
  PathwayActionsView *self = PATHWAY_ACTIONS_VIEW (object);

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      pathway_action_filter_set_programme (self->filter, NULL);
    }
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  /* Kept before the columns go with the table, and no longer followed while they go. */
  if (self->layout != NULL)
    {
      pathway_column_layout_flush (self->layout);
      for (guint i = 0; i < PATHWAY_N_ACTION_COLUMNS; i++)
        g_signal_handlers_disconnect_by_data (self->columns[i], self);
      g_clear_object (&self->layout);
    }
  g_clear_pointer (&self->action_items, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_ACTIONS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      g_clear_object (&self->labels[choice]);
      g_clear_pointer (&self->values[choice], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (pathway_actions_view_parent_class)->dispose (object);
}

static void
pathway_actions_view_class_init (PathwayActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_actions_view_dispose;
  widget_class->map = pathway_actions_view_map;
  view_class->document_changed = pathway_actions_view_document_changed;
  view_class->programme_changed = pathway_actions_view_programme_changed;
  view_class->refresh = pathway_actions_view_refresh;

  column_quark = g_quark_from_static_string ("pathway-actions-view-column");

  g_type_ensure (PATHWAY_TYPE_TAB_STOP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, none_new_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, present_button);
  gtk_widget_class_bind_template_child_full (widget_class, "rating_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayActionsView,
                                                              drop_downs[CHOICE_RATING]));
  gtk_widget_class_bind_template_child_full (widget_class, "workstream_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayActionsView,
                                                              drop_downs[CHOICE_WORKSTREAM]));
  gtk_widget_class_bind_template_child_full (widget_class, "theme_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayActionsView,
                                                              drop_downs[CHOICE_THEME]));
  gtk_widget_class_bind_template_child_full (widget_class, "lead_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayActionsView,
                                                              drop_downs[CHOICE_LEAD]));
  gtk_widget_class_bind_template_child_full (widget_class, "area_drop_down", FALSE,
                                             G_STRUCT_OFFSET (PathwayActionsView,
                                                              drop_downs[CHOICE_AREA]));
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, stale_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, toolbar_clear_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayActionsView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pathway_actions_view_clear_filters);
}

static void
pathway_actions_view_init (PathwayActionsView *self)
{
  g_autoptr(GtkListItemFactory) button_factory = choice_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_view_name_column_headings (self->column_view);
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->filter = pathway_action_filter_new ();
  pathway_action_filter_set_stale_days (self->filter,
                                        pathway_view_get_stale_days (PATHWAY_VIEW (self)));
  g_signal_connect (self, "notify::stale-days", G_CALLBACK (stale_days_cb), NULL);
  g_signal_connect_swapped (self->filter, "choices-changed", G_CALLBACK (update_choices), self);

  self->filtered = gtk_filter_list_model_new (
    g_object_ref (pathway_action_filter_get_actions (self->filter)),
    g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (
    g_object_ref (G_LIST_MODEL (self->filtered)),
    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (shown_changed_cb), self);

  self->action_items = g_hash_table_new (NULL, NULL);
  add_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      self->list_view = child;

  for (Choice choice = 0; choice < N_CHOICES; choice++)
    {
      self->labels[choice] = gtk_string_list_new (NULL);
      self->values[choice] = g_ptr_array_new ();
      gtk_drop_down_set_factory (self->drop_downs[choice], button_factory);
      gtk_drop_down_set_list_factory (self->drop_downs[choice], list_factory);
      gtk_drop_down_set_model (self->drop_downs[choice], G_LIST_MODEL (self->labels[choice]));
      g_signal_connect (self->drop_downs[choice], "notify::selected",
                        G_CALLBACK (drop_down_selected_cb), self);
    }

  /* Typing anywhere in the table starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  update_choices (self);
  update_stale_toggle (self);
  pathway_actions_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_actions_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_ACTIONS_VIEW, NULL);
}
