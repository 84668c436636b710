/* pathway-action-editor.c: the editor of one action, or of a new one.
 *
 * Nothing is written while the person edits: the fields are compared with the action on
 * every change, to know what Save would write, whether a note or a reason is missing and
 * whether closing would lose anything. Save writes every changed field in one batch, so that
 * one undo takes the whole edit back; a failed save rolls the batch back, says why at the top
 * and keeps everything as typed. The history page reads the action's updates and timescale
 * revisions from the document, and reads them again whenever the action changes. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-action-editor.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"
#include "pathway-window.h"

/* The drop-downs that choose one of the programme's objects, or none. */
typedef enum {
  CHOICE_AREA,
  CHOICE_WORKSTREAM,
  CHOICE_LEAD,
  N_CHOICES
} ChoiceKind;

static const char *choice_properties[N_CHOICES] = { "area", "workstream", "lead" };

/* How a caption under a field speaks. */
typedef enum {
  CAPTION_HIDDEN,
  CAPTION_HINT,
  CAPTION_WARNING,
  CAPTION_ERROR,
} CaptionKind;

struct _PathwayActionEditor
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayAction *action; /* NULL while a new action is being written */
  gint64 action_id;

  /* Followed: a rolled-back batch can replace the programme, and its objects with it. */
  PathwayProgramme *programme;
  PathwayRatingScheme *scheme;
  GListModel *choice_lists[N_CHOICES];
  GPtrArray *choice_objects[N_CHOICES]; /* index 0 is NULL: "None" */

  GtkToggleButton *rating_buttons[PATHWAY_N_RATINGS];
  guint history_idle;
  /* Set while the fields are filled from the model, so that their signals are not taken for
   * the person's. */
  gboolean updating;
  gboolean closing;
  /* Errors on a new action's empty reference wait until the person has been there. */
  gboolean reference_touched;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkWidget *error_close_button;
  GtkWidget *read_only_bar;
  GtkLabel *read_only_label;
  GtkWidget *switcher_bar;
  GtkStack *stack;

  GtkWidget *action_group;
  GtkWidget *ownership_group;
  GtkWidget *timescale_group;
  GtkWidget *progress_group;
  GtkWidget *commentary_group;
  GtkWidget *evidence_group;
  GtkWidget *delete_group;

  AdwEntryRow *reference_row;
  GtkLabel *reference_caption;
  GtkTextView *description_view;
  AdwComboRow *area_row;
  AdwComboRow *workstream_row;
  AdwComboRow *lead_row;
  AdwEntryRow *theme_row;
  GtkPopover *theme_popover;
  GtkListBox *theme_list;
  AdwEntryRow *original_row;
  AdwActionRow *original_fixed_row;
  GtkLabel *original_caption;
  GtkWidget *revised_list;
  AdwActionRow *revised_row;
  GtkToggleButton *revise_button;
  GtkRevealer *revise_revealer;
  AdwEntryRow *new_timescale_row;
  GtkLabel *new_timescale_caption;
  AdwEntryRow *reason_row;
  GtkLabel *reason_caption;
  AdwEntryRow *approved_by_row;
  AdwEntryRow *approved_on_row;
  GtkLabel *approved_on_caption;
  AdwComboRow *status_row;
  GtkLabel *rating_definition;
  GtkBox *rating_buttons_box;
  GtkRevealer *note_revealer;
  AdwEntryRow *note_row;
  GtkLabel *note_caption;
  GtkTextView *success_view;
  GtkTextView *commentary_view;
  GtkListBox *evidence_list;
  AdwExpanderRow *add_evidence_row;
  AdwEntryRow *evidence_date_row;
  AdwEntryRow *evidence_text_row;
  AdwEntryRow *evidence_source_row;
  GtkLabel *evidence_caption;

  GtkListBox *timeline_list;
  GtkListBox *revisions_list;
};

G_DEFINE_FINAL_TYPE (PathwayActionEditor, pathway_action_editor, ADW_TYPE_WINDOW)

static void revalidate (PathwayActionEditor *self);
static void follow_programme (PathwayActionEditor *self);

/* Small helpers -------------------------------------------------------------------------------- */

static void
unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gint64
id_of (gpointer object)
{
  gint64 id = 0;

  if (object != NULL)
    g_object_get (object, "id", &id, NULL);
  return id;
}

static gboolean
is_read_only (PathwayActionEditor *self)
{
  return pathway_document_get_read_only (self->document);
}

/* The text of an entry row without the spaces around it. */
static char *
dup_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* "14 July 2025" */
static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  datetime = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 0, 0, 0);
  return g_date_time_format (datetime, "%-d %B %Y");
}

/* "14 July 2025, 10:00", by the local clock. */
static char *
format_date_time (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;

  if (datetime == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (datetime);
  /* TRANSLATORS: a date and time in the history, as strftime: "14 July 2025, 10:00" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* A timescale for people: as written, with the day it means when that is not plain. */
static char *
describe_timescale (const PathwayTimescale *timescale)
{
  g_autofree char *date = NULL;

  if (timescale == NULL || *timescale->text == '\0')
    return g_strdup ("");
  if (!pathway_timescale_has_date (timescale) || timescale->precision == PATHWAY_PRECISION_DAY)
    return g_strdup (timescale->text);
  date = format_date (&timescale->date);
  /* TRANSLATORS: a timescale as written and the last day it means: "Spring Term 2026 (by 31
   * March 2026)" */
  return g_strdup_printf (_("%s (by %s)"), timescale->text, date);
}

/* Reads a date as a person writes one; FALSE unless the text names one day. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);

  if (timescale->precision != PATHWAY_PRECISION_DAY)
    return FALSE;
  *date = timescale->date;
  return TRUE;
}

static void
set_caption (GtkLabel    *label,
             CaptionKind  kind,
             const char  *text)
{
  GtkWidget *widget = GTK_WIDGET (label);

  gtk_widget_set_visible (widget, kind != CAPTION_HIDDEN && text != NULL && *text != '\0');
  if (kind == CAPTION_HIDDEN)
    return;
  gtk_label_set_text (label, text);
  if (kind == CAPTION_HINT)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");
  if (kind == CAPTION_WARNING)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
  if (kind == CAPTION_ERROR)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
mark_error (gpointer row,
            gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* What a typed timescale will mean, as the person types it. */
static void
show_timescale_meaning (GtkLabel   *caption,
                        const char *text)
{
  g_autoptr(PathwayTimescale) timescale = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meaning = NULL;

  if (text == NULL || *text == '\0')
    {
      set_caption (caption, CAPTION_HIDDEN, NULL);
      return;
    }
  timescale = pathway_timescale_parse (text);
  if (!pathway_timescale_has_date (timescale))
    {
      set_caption (caption, CAPTION_WARNING, _("Kept as written: no date"));
      return;
    }
  date = format_date (&timescale->date);
  /* TRANSLATORS: under a timescale being typed: "Means 31 December 2025" */
  meaning = g_strdup_printf (_("Means %s"), date);
  set_caption (caption, CAPTION_HINT, meaning);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
dim_caption (const char *text)
{
  GtkWidget *label = plain_label (text, "caption");

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Choices: area, workstream, lead -------------------------------------------------------------- */

static AdwComboRow *
choice_row (PathwayActionEditor *self,
            ChoiceKind           kind)
{
  switch (kind)
    {
    case CHOICE_AREA: return self->area_row;
    case CHOICE_WORKSTREAM: return self->workstream_row;
    case CHOICE_LEAD: return self->lead_row;
    default: g_assert_not_reached ();
    }
  return NULL;
}

static GListModel *
choice_list (PathwayProgramme *programme,
             ChoiceKind        kind)
{
  switch (kind)
    {
    case CHOICE_AREA: return pathway_programme_get_areas (programme);
    case CHOICE_WORKSTREAM: return pathway_programme_get_workstreams (programme);
    case CHOICE_LEAD: return pathway_programme_get_people (programme);
    default: g_assert_not_reached ();
    }
  return NULL;
}

static char *
choice_name (ChoiceKind kind,
             gpointer   object)
{
  switch (kind)
    {
    case CHOICE_AREA:
      /* TRANSLATORS: an area of weakness in a list: its number and title, "1 – Co-production" */
      return g_strdup_printf (_("%s – %s"), pathway_area_of_weakness_get_reference (object),
                              pathway_area_of_weakness_get_title (object));
    case CHOICE_WORKSTREAM:
      /* TRANSLATORS: a workstream in a list: its code and title, "A – Co-production" */
      return g_strdup_printf (_("%s – %s"), pathway_workstream_get_code (object),
                              pathway_workstream_get_title (object));
    case CHOICE_LEAD:
      return g_strdup (pathway_person_get_name (object));
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The object chosen in a drop-down, or NULL for "None". */
static gpointer
choice_get (PathwayActionEditor *self,
            ChoiceKind           kind)
{
  guint selected = adw_combo_row_get_selected (choice_row (self, kind));
  GPtrArray *objects = self->choice_objects[kind];

  if (selected == GTK_INVALID_LIST_POSITION || selected >= objects->len)
    return NULL;
  return g_ptr_array_index (objects, selected);
}

/* The action's own value of a choice (a new action has none). */
static gpointer
choice_current (PathwayActionEditor *self,
                ChoiceKind           kind)
{
  if (self->action == NULL)
    return NULL;
  switch (kind)
    {
    case CHOICE_AREA: return pathway_action_get_area (self->action);
    case CHOICE_WORKSTREAM: return pathway_action_get_workstream (self->action);
    case CHOICE_LEAD: return pathway_action_get_lead (self->action);
    default: g_assert_not_reached ();
    }
  return NULL;
}

/* Fills a drop-down from the programme's list, choosing the object with the given id (the
 * programme's objects may have been replaced: ids last, objects may not). */
static void
fill_choice (PathwayActionEditor *self,
             ChoiceKind           kind,
             gint64               chosen_id)
{
  GPtrArray *objects = self->choice_objects[kind];
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *list = self->choice_lists[kind];
  guint chosen = 0;
  gboolean was_updating = self->updating;

  g_ptr_array_set_size (objects, 0);
  g_ptr_array_add (objects, NULL);
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      g_autofree char *name = choice_name (kind, object);

      if (chosen_id != 0 && id_of (object) == chosen_id)
        chosen = objects->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (objects, g_steal_pointer (&object));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (choice_row (self, kind), G_LIST_MODEL (names));
  adw_combo_row_set_selected (choice_row (self, kind), chosen);
  self->updating = was_updating;
}

static void
choice_list_changed_cb (PathwayActionEditor *self)
{
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    fill_choice (self, kind, id_of (choice_get (self, kind)));
  revalidate (self);
}

/* The drop-downs' items. The text may be the person's: set as text, with room to be read. */
static void
combo_item_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) ==
                                   gtk_list_item_get_item (item) ? 1.0 : 0.0);
}

static void
combo_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
combo_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_last_child (box);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  /* In the list the whole text is shown; the row's value is cut to fit beside its title. */
  if (gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL)
    {
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_set_tooltip_text (label, text);
      gtk_widget_set_visible (check, TRUE);
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (combo_item_selected_cb), item);
      combo_item_selected_cb (row, NULL, item);
    }
  else
    gtk_widget_set_visible (check, FALSE);
}

static void
combo_item_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, combo_item_selected_cb, item);
}

static void
set_combo_factory (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (combo_item_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (combo_item_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (combo_item_unbind_cb), row);
  adw_combo_row_set_factory (row, factory);
}

/* Rating --------------------------------------------------------------------------------------- */

static PathwayRating
chosen_rating (PathwayActionEditor *self)
{
  for (guint rating = 0; rating < PATHWAY_N_RATINGS; rating++)
    if (self->rating_buttons[rating] != NULL &&
        gtk_toggle_button_get_active (self->rating_buttons[rating]))
      return rating;
  return self->action ? pathway_action_get_rating (self->action) : PATHWAY_RATING_NONE;
}

static void
show_rating_definition (PathwayActionEditor *self)
{
  PathwayRating rating = chosen_rating (self);
  const char *definition = pathway_rating_scheme_get_definition (self->scheme, rating);

  gtk_label_set_text (self->rating_definition, definition);
}

static void
rating_toggled_cb (GtkToggleButton     *button,
                   PathwayActionEditor *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  show_rating_definition (self);
  if (!self->updating)
    revalidate (self);
}

/* One button per rating the scheme offers, each with its badge and the programme's word.
 * "Not rated" and an unoffered blue appear only while the action has them. */
static void
build_rating_buttons (PathwayActionEditor *self,
                      PathwayRating        chosen)
{
  static const PathwayRating order[] = {
    PATHWAY_RATING_NONE, PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
    PATHWAY_RATING_BLUE,
  };
  PathwayRating current = self->action ? pathway_action_get_rating (self->action)
                                       : PATHWAY_RATING_NONE;
  GtkToggleButton *first = NULL;
  gboolean was_updating = self->updating;
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rating_buttons_box))) != NULL)
    gtk_box_remove (self->rating_buttons_box, child);
  memset (self->rating_buttons, 0, sizeof self->rating_buttons);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      PathwayRating rating = order[i];
      const char *word = pathway_rating_scheme_get_label (self->scheme, rating);
      const char *definition = pathway_rating_scheme_get_definition (self->scheme, rating);
      g_autofree char *name = g_strdup_printf ("rating-%s", pathway_rating_to_nick (rating));
      GtkWidget *button, *box, *badge, *label;

      if (!pathway_rating_scheme_offers (self->scheme, rating) && rating != chosen &&
          rating != current)
        continue;

      button = gtk_toggle_button_new ();
      gtk_widget_set_name (button, name);
      gtk_widget_add_css_class (button, "rating-choice");
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      badge = pathway_rating_badge_new ();
      pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
      pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (badge), rating, word);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      NULL, -1);
      gtk_widget_set_tooltip_text (badge, NULL);
      label = gtk_label_new (NULL);
      gtk_label_set_text (GTK_LABEL (label), word);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), badge);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, *definition ? definition : word);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      word, -1);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), rating == chosen);
      g_signal_connect_object (button, "toggled", G_CALLBACK (rating_toggled_cb), self, 0);
      gtk_box_append (self->rating_buttons_box, button);
      self->rating_buttons[rating] = GTK_TOGGLE_BUTTON (button);
    }
  show_rating_definition (self);
  self->updating = was_updating;
}

static void
scheme_changed_cb (PathwayActionEditor *self)
{
  build_rating_buttons (self, chosen_rating (self));
  revalidate (self);
}

/* What the fields say, against what the action has --------------------------------------------- */

static gboolean
text_changed (const char *typed,
              const char *current)
{
  return g_strcmp0 (typed, current) != 0;
}

static gboolean
reference_changed (PathwayActionEditor *self)
{
  g_autofree char *reference = dup_entry (self->reference_row);

  return self->action == NULL ? *reference != '\0'
                              : text_changed (reference,
                                              pathway_action_get_reference (self->action));
}

static gboolean
view_changed (PathwayActionEditor *self,
              GtkTextView         *view,
              const char          *current)
{
  g_autofree char *text = dup_view_text (view);

  return text_changed (text, current);
}

static const char *
action_text (PathwayActionEditor *self,
             const char          *property)
{
  if (self->action == NULL)
    return "";
  if (g_str_equal (property, "description"))
    return pathway_action_get_description (self->action);
  if (g_str_equal (property, "success-measure"))
    return pathway_action_get_success_measure (self->action);
  if (g_str_equal (property, "commentary"))
    return pathway_action_get_commentary (self->action);
  if (g_str_equal (property, "theme"))
    return pathway_action_get_theme (self->action);
  g_assert_not_reached ();
  return "";
}

static gboolean
theme_changed (PathwayActionEditor *self)
{
  g_autofree char *theme = dup_entry (self->theme_row);

  return text_changed (theme, action_text (self, "theme"));
}

/* The original timescale can be written while it is empty, and only then. */
static gboolean
original_editable (PathwayActionEditor *self)
{
  return self->action == NULL ||
         *pathway_action_get_original_timescale (self->action)->text == '\0';
}

static gboolean
original_changed (PathwayActionEditor *self)
{
  g_autofree char *text = NULL;

  if (!original_editable (self))
    return FALSE;
  text = dup_entry (self->original_row);
  return *text != '\0';
}

static PathwayStatus
chosen_status (PathwayActionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < PATHWAY_N_STATUSES ? (PathwayStatus) selected : PATHWAY_STATUS_NOT_STARTED;
}

static gboolean
status_changed (PathwayActionEditor *self)
{
  PathwayStatus current = self->action ? pathway_action_get_status (self->action)
                                       : PATHWAY_STATUS_NOT_STARTED;

  return chosen_status (self) != current;
}

static gboolean
rating_changed (PathwayActionEditor *self)
{
  PathwayRating current = self->action ? pathway_action_get_rating (self->action)
                                       : PATHWAY_RATING_NONE;

  return chosen_rating (self) != current;
}

static gboolean
entry_has_text (AdwEntryRow *row)
{
  g_autofree char *text = dup_entry (row);

  return *text != '\0';
}

/* A revision is asked for once the revise fields are open and something is typed in them. */
static gboolean
revision_requested (PathwayActionEditor *self)
{
  return self->action != NULL && gtk_toggle_button_get_active (self->revise_button) &&
         (entry_has_text (self->new_timescale_row) || entry_has_text (self->reason_row) ||
          entry_has_text (self->approved_by_row) || entry_has_text (self->approved_on_row));
}

static gboolean
evidence_requested (PathwayActionEditor *self)
{
  return self->action != NULL &&
         (entry_has_text (self->evidence_text_row) || entry_has_text (self->evidence_date_row) ||
          entry_has_text (self->evidence_source_row));
}

/* A change the board will ask about carries a note. A revision carries its reason instead. */
static gboolean
note_required (PathwayActionEditor *self)
{
  return self->action != NULL &&
         (rating_changed (self) || status_changed (self) || original_changed (self));
}

static gboolean
has_changes (PathwayActionEditor *self)
{
  if (reference_changed (self) || theme_changed (self) || original_changed (self) ||
      status_changed (self) || rating_changed (self) ||
      view_changed (self, self->description_view, action_text (self, "description")) ||
      view_changed (self, self->success_view, action_text (self, "success-measure")) ||
      view_changed (self, self->commentary_view, action_text (self, "commentary")) ||
      revision_requested (self) || evidence_requested (self))
    return TRUE;
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    if (choice_get (self, kind) != choice_current (self, kind))
      return TRUE;
  return FALSE;
}

/* Validation ----------------------------------------------------------------------------------- */

static gboolean
check_reference (PathwayActionEditor *self)
{
  g_autofree char *reference = dup_entry (self->reference_row);
  g_autofree char *message = NULL;
  PathwayAction *other;
  gboolean shown;

  if (*reference == '\0')
    message = g_strdup (_("An action needs a reference, such as “1B vi”."));
  else if ((other = pathway_programme_find_action_by_reference (self->programme, reference)) !=
             NULL && other != self->action)
    /* TRANSLATORS: the reference typed for an action is another action's */
    message = g_strdup_printf (_("“%s” is already the reference of another action."),
                               reference);

  /* A new action starts empty: say what is needed, and call it an error once the person has
   * been in the field. */
  shown = self->action != NULL || self->reference_touched;
  set_caption (self->reference_caption,
               message == NULL ? CAPTION_HIDDEN : shown ? CAPTION_ERROR : CAPTION_HINT, message);
  mark_error (self->reference_row, message != NULL && shown);
  return message == NULL;
}

static gboolean
check_note (PathwayActionEditor *self)
{
  gboolean required = note_required (self);
  gboolean missing = required && !entry_has_text (self->note_row);

  gtk_revealer_set_reveal_child (self->note_revealer, required);
  set_caption (self->note_caption, missing ? CAPTION_ERROR : CAPTION_HINT,
               _("A short note is needed when the rating, status or timescale changes"));
  mark_error (self->note_row, missing);
  return !missing;
}

static gboolean
check_revision (PathwayActionEditor *self)
{
  gboolean requested = revision_requested (self);
  g_autofree char *timescale = dup_entry (self->new_timescale_row);
  g_autofree char *approved_on = dup_entry (self->approved_on_row);
  gboolean timescale_missing = requested && *timescale == '\0';
  gboolean reason_missing = requested && !entry_has_text (self->reason_row);
  gboolean date_wrong = FALSE;
  GDate date;

  if (timescale_missing)
    set_caption (self->new_timescale_caption, CAPTION_ERROR,
                 _("Write the new timescale, such as “March 2026”"));
  else
    show_timescale_meaning (self->new_timescale_caption, timescale);
  mark_error (self->new_timescale_row, timescale_missing);

  set_caption (self->reason_caption, reason_missing ? CAPTION_ERROR : CAPTION_HIDDEN,
               _("A revised timescale needs a reason"));
  mark_error (self->reason_row, reason_missing);

  if (*approved_on == '\0')
    set_caption (self->approved_on_caption, CAPTION_HIDDEN, NULL);
  else if (parse_day (approved_on, &date))
    {
      g_autofree char *text = format_date (&date);
      g_autofree char *meaning = g_strdup_printf (_("Means %s"), text);

      set_caption (self->approved_on_caption, CAPTION_HINT, meaning);
    }
  else
    {
      date_wrong = requested;
      set_caption (self->approved_on_caption, CAPTION_ERROR,
                   _("Write the day it was approved, such as “14 July 2025”"));
    }
  mark_error (self->approved_on_row, date_wrong);
  return !timescale_missing && !reason_missing && !date_wrong;
}

static gboolean
check_evidence (PathwayActionEditor *self)
{
  g_autofree char *date_text = dup_entry (self->evidence_date_row);
  gboolean requested = evidence_requested (self);
  gboolean text_missing = requested && !entry_has_text (self->evidence_text_row);
  gboolean date_wrong = FALSE;
  GDate date;

  if (*date_text != '\0' && !parse_day (date_text, &date))
    date_wrong = TRUE;
  mark_error (self->evidence_text_row, text_missing);
  mark_error (self->evidence_date_row, date_wrong);
  if (date_wrong)
    set_caption (self->evidence_caption, CAPTION_ERROR,
                 _("Write the date of the evidence, such as “14 July 2025”"));
  else if (text_missing)
    set_caption (self->evidence_caption, CAPTION_ERROR,
                 _("Say what has changed, or clear the evidence fields"));
  else
    set_caption (self->evidence_caption, CAPTION_HIDDEN, NULL);
  return !date_wrong && !text_missing;
}

static gboolean
validate (PathwayActionEditor *self)
{
  gboolean valid = TRUE;

  /* Every check runs, so that every problem is shown at once. */
  valid &= check_reference (self);
  valid &= check_note (self);
  valid &= check_revision (self);
  valid &= check_evidence (self);
  return valid;
}

static void
revalidate (PathwayActionEditor *self)
{
  gboolean valid;
  g_autofree char *typed = NULL;

  if (self->updating || self->programme == NULL)
    return;
  valid = validate (self);
  if (original_editable (self))
    {
      typed = dup_entry (self->original_row);
      show_timescale_meaning (self->original_caption, typed);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 valid && !is_read_only (self) &&
                                 (self->action == NULL || has_changes (self)));
}

/* Filling the fields from the action ----------------------------------------------------------- */

static void
show_titles (PathwayActionEditor *self)
{
  g_autofree char *reference = dup_entry (self->reference_row);
  g_autofree char *subtitle = NULL;
  PathwayWorkstream *workstream = self->action ? pathway_action_get_workstream (self->action)
                                               : NULL;
  const char *title;

  /* Where the action belongs, as saved. */
  subtitle = workstream ? choice_name (CHOICE_WORKSTREAM, workstream) : g_strdup ("");
  if (*reference != '\0')
    title = reference;
  else if (self->action != NULL)
    title = pathway_action_get_reference (self->action);
  else
    title = _("New action");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_revised (PathwayActionEditor *self)
{
  const PathwayTimescale *revised = self->action
                                      ? pathway_action_get_revised_timescale (self->action)
                                      : NULL;
  g_autofree char *text = describe_timescale (revised);

  adw_action_row_set_subtitle (self->revised_row, *text ? text : _("Not revised"));
}

static void
show_original (PathwayActionEditor *self)
{
  gboolean editable = original_editable (self);

  gtk_widget_set_visible (GTK_WIDGET (self->original_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->original_fixed_row), !editable);
  if (!editable)
    {
      g_autofree char *text =
        describe_timescale (pathway_action_get_original_timescale (self->action));

      adw_action_row_set_subtitle (self->original_fixed_row, text);
      set_caption (self->original_caption, CAPTION_HINT,
                   _("Fixed when the plan was agreed: record a revision to change it"));
    }
}

static void
load_fields (PathwayActionEditor *self)
{
  PathwayAction *action = self->action;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                         action ? pathway_action_get_reference (action) : "");
  set_view_text (self->description_view, action ? pathway_action_get_description (action) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->theme_row),
                         action ? pathway_action_get_theme (action) : "");
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    fill_choice (self, kind, id_of (choice_current (self, kind)));
  gtk_editable_set_text (GTK_EDITABLE (self->original_row), "");
  adw_combo_row_set_selected (self->status_row,
                              action ? pathway_action_get_status (action)
                                     : PATHWAY_STATUS_NOT_STARTED);
  build_rating_buttons (self, action ? pathway_action_get_rating (action)
                                     : PATHWAY_RATING_NONE);
  set_view_text (self->success_view, action ? pathway_action_get_success_measure (action) : "");
  set_view_text (self->commentary_view, action ? pathway_action_get_commentary (action) : "");
  self->updating = FALSE;

  show_original (self);
  show_revised (self);
  show_titles (self);
}

/* History -------------------------------------------------------------------------------------- */

static GtkWidget *
history_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "history-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
history_row_add (GtkWidget *row,
                 GtkWidget *child)
{
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = history_row_new ();

  history_row_add (row, plain_label (text, "dim-label"));
  return row;
}

/* A rating as the history shows it: the badge and the programme's word. */
static void
append_rating (PathwayActionEditor *self,
               GtkBox              *line,
               const char          *nick)
{
  PathwayRating rating = pathway_rating_from_nick (nick);
  const char *word = pathway_rating_scheme_get_label (self->scheme, rating);
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *label = gtk_label_new (NULL);

  pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
  pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (badge), rating, word);
  gtk_label_set_text (GTK_LABEL (label), word);
  gtk_widget_add_css_class (label, "history-change");
  gtk_box_append (line, badge);
  gtk_box_append (line, label);
}

static void
append_arrow (GtkBox *line)
{
  GtkWidget *arrow = gtk_label_new ("→");

  gtk_widget_add_css_class (arrow, "history-change");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("changed to"), -1);
  gtk_box_append (line, arrow);
}

static const char *
status_word (const char *nick)
{
  return pathway_status_label (pathway_status_from_nick (nick));
}

/* "Description changed": the field a text update changed, when the update says which. */
static const char *
text_field_headline (PathwayActionUpdate *update)
{
  static const struct {
    const char *property;
    const char *headline;
  } headlines[] = {
    { "reference", N_("Reference changed") },
    { "description", N_("Description changed") },
    { "area", N_("Area of weakness changed") },
    { "workstream", N_("Workstream changed") },
    { "theme", N_("Theme changed") },
    { "lead", N_("Lead changed") },
    { "original-timescale", N_("Original timescale set") },
    { "success-measure", N_("Success measure changed") },
  };
  const char *property = pathway_action_update_get_property_name (update);

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    if (g_str_equal (property, headlines[i].property))
      return _(headlines[i].headline);
  return _("Details changed");
}

static GtkWidget *
timeline_row_new (PathwayActionEditor *self,
                  PathwayActionUpdate *update)
{
  const char *from = pathway_action_update_get_from_value (update);
  const char *to = pathway_action_update_get_to_value (update);
  const char *note = pathway_action_update_get_note (update);
  const char *author = pathway_action_update_get_author (update);
  g_autofree char *when = format_date_time (pathway_action_update_get_at (update));
  g_autofree char *byline = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *row = history_row_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *detail = NULL;
  const char *was = NULL;

  /* TRANSLATORS: when and by whom a change was made: "14 July 2025, 10:00 · Priya Raman" */
  byline = *author ? g_strdup_printf (_("%s · %s"), when, author) : g_strdup (when);
  history_row_add (row, dim_caption (byline));

  switch (pathway_action_update_get_field (update))
    {
    case PATHWAY_FIELD_CREATED:
      headline = g_strdup (_("Created"));
      break;
    case PATHWAY_FIELD_RATING:
      gtk_box_append (GTK_BOX (line), plain_label (_("Rating:"), "history-change"));
      if (*from != '\0')
        {
          append_rating (self, GTK_BOX (line), from);
          append_arrow (GTK_BOX (line));
        }
      append_rating (self, GTK_BOX (line), to);
      break;
    case PATHWAY_FIELD_STATUS:
      if (*from != '\0')
        /* TRANSLATORS: "Status: On track → Complete" */
        headline = g_strdup_printf (_("Status: %s → %s"), status_word (from), status_word (to));
      else
        headline = g_strdup_printf (_("Status: %s"), status_word (to));
      break;
    case PATHWAY_FIELD_REVISED_TIMESCALE:
      if (*from != '\0' && *to != '\0')
        /* TRANSLATORS: "Revised timescale: Dec 25 → Spring Term 2026" */
        headline = g_strdup_printf (_("Revised timescale: %s → %s"), from, to);
      else if (*to != '\0')
        headline = g_strdup_printf (_("Revised timescale: %s"), to);
      else
        headline = g_strdup_printf (_("Revised timescale withdrawn: %s"), from);
      break;
    case PATHWAY_FIELD_COMMENTARY:
      headline = g_strdup (*to != '\0' ? _("Commentary updated") : _("Commentary cleared"));
      detail = to;
      break;
    case PATHWAY_FIELD_DELETED:
      headline = g_strdup (g_strcmp0 (to, "yes") == 0 ? _("Removed") : _("Restored"));
      break;
    case PATHWAY_FIELD_NOTE:
      headline = g_strdup (g_strcmp0 (pathway_action_update_get_property_name (update),
                                      "decision") == 0 ? _("Decision") : _("Note"));
      break;
    case PATHWAY_FIELD_TEXT:
    default:
      headline = g_strdup (text_field_headline (update));
      detail = to;
      was = from;
      break;
    }

  if (headline != NULL)
    gtk_box_append (GTK_BOX (line), plain_label (headline, "history-change"));
  history_row_add (row, line);
  if (note != NULL && *note != '\0')
    history_row_add (row, plain_label (note, "history-note"));
  if (detail != NULL && *detail != '\0')
    history_row_add (row, plain_label (detail, "history-detail"));
  if (was != NULL && *was != '\0')
    {
      /* TRANSLATORS: what a field said before a change */
      g_autofree char *text = g_strdup_printf (_("Was: %s"), was);

      history_row_add (row, dim_caption (text));
    }
  return row;
}

static GtkWidget *
revision_row_new (PathwayTimescaleRevision *revision)
{
  const PathwayTimescale *timescale = pathway_timescale_revision_get_timescale (revision);
  const char *approved_by = pathway_timescale_revision_get_approved_by (revision);
  const char *author = pathway_timescale_revision_get_author (revision);
  g_autofree char *when = format_date_time (pathway_timescale_revision_get_recorded_at (revision));
  g_autofree char *approved_on =
    format_date (pathway_timescale_revision_get_approved_on (revision));
  g_autofree char *byline = NULL;
  g_autofree char *text = describe_timescale (timescale);
  g_autofree char *reason = NULL;
  g_autofree char *approval = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *row = history_row_new ();

  byline = *author ? g_strdup_printf (_("%s · %s"), when, author) : g_strdup (when);
  history_row_add (row, dim_caption (byline));
  /* TRANSLATORS: the timescale a revision set, as written: "New timescale: March 2026" */
  headline = g_strdup_printf (_("New timescale: %s"), text);
  history_row_add (row, plain_label (headline, "history-change"));
  reason = g_strdup_printf (_("Reason: %s"), pathway_timescale_revision_get_reason (revision));
  history_row_add (row, plain_label (reason, "history-note"));

  if (*approved_by != '\0' && *approved_on != '\0')
    /* TRANSLATORS: "Approved by SEND Improvement Board on 19 November 2025" */
    approval = g_strdup_printf (_("Approved by %s on %s"), approved_by, approved_on);
  else if (*approved_by != '\0')
    approval = g_strdup_printf (_("Approved by %s"), approved_by);
  else if (*approved_on != '\0')
    approval = g_strdup_printf (_("Approved on %s"), approved_on);
  else
    approval = g_strdup (_("No approval recorded"));
  history_row_add (row, dim_caption (approval));
  return row;
}

static GtkWidget *
evidence_row_new (PathwayEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (pathway_evidence_get_date (evidence));
  const char *source = pathway_evidence_get_source (evidence);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pathway_evidence_get_text (evidence));
  if (*date != '\0' && *source != '\0')
    /* TRANSLATORS: when evidence was recorded and where it comes from */
    subtitle = g_strdup_printf (_("%s · %s"), date, source);
  else
    subtitle = g_strdup (*date != '\0' ? date : source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "evidence-row");
  return row;
}

static void
show_error_row (GtkListBox   *list,
                const GError *error)
{
  gtk_list_box_append (list, placeholder_row (error->message));
}

static void
refresh_history (PathwayActionEditor *self)
{
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  clear_list_box (self->timeline_list);
  clear_list_box (self->revisions_list);
  clear_list_box (self->evidence_list);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), FALSE);
  if (self->action == NULL || pathway_action_get_id (self->action) == 0)
    return;

  updates = pathway_document_list_updates (self->document, self->action, &error);
  if (updates == NULL)
    show_error_row (self->timeline_list, error);
  g_clear_error (&error);
  n = updates ? g_list_model_get_n_items (updates) : 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i - 1);

      gtk_list_box_append (self->timeline_list, timeline_row_new (self, update));
    }
  if (updates != NULL && n == 0)
    gtk_list_box_append (self->timeline_list, placeholder_row (_("No changes recorded yet")));

  revisions = pathway_document_list_revisions (self->document, self->action, &error);
  if (revisions == NULL)
    show_error_row (self->revisions_list, error);
  g_clear_error (&error);
  n = revisions ? g_list_model_get_n_items (revisions) : 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayTimescaleRevision) revision = g_list_model_get_item (revisions, i - 1);

      gtk_list_box_append (self->revisions_list, revision_row_new (revision));
    }
  if (revisions != NULL && n == 0)
    gtk_list_box_append (self->revisions_list,
                         placeholder_row (_("The timescale has not been revised")));

  evidence = pathway_document_list_evidence (self->document, self->action, &error);
  if (evidence == NULL)
    show_error_row (self->evidence_list, error);
  n = evidence ? g_list_model_get_n_items (evidence) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayEvidence) item = g_list_model_get_item (evidence, i);

      gtk_list_box_append (self->evidence_list, evidence_row_new (item));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), evidence == NULL || n > 0);
}

static gboolean
refresh_history_idle (gpointer data)
{
  PathwayActionEditor *self = data;

  self->history_idle = 0;
  refresh_history (self);
  show_revised (self);
  return G_SOURCE_REMOVE;
}

/* A batch notifies many times: read the history once, after it. */
static void
action_notify_cb (PathwayActionEditor *self)
{
  if (self->history_idle == 0)
    self->history_idle = g_idle_add (refresh_history_idle, self);
}

/* Themes --------------------------------------------------------------------------------------- */

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

static void
theme_popover_show_cb (PathwayActionEditor *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actions = pathway_programme_get_actions (self->programme);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_free);

  clear_list_box (self->theme_list);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      const char *theme = pathway_action_get_theme (action);

      if (*theme != '\0' && g_hash_table_add (seen, (gpointer) theme))
        g_ptr_array_add (themes, g_strdup (theme));
    }
  g_ptr_array_sort (themes, compare_themes);
  for (guint i = 0; i < themes->len; i++)
    {
      GtkWidget *label = plain_label (g_ptr_array_index (themes, i), NULL);

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_append (self->theme_list, label);
    }
  if (themes->len == 0)
    {
      GtkWidget *label = plain_label (_("No themes yet"), "dim-label");

      gtk_list_box_append (self->theme_list, label);
    }
}

static void
theme_activated_cb (GtkListBox          *list,
                    GtkListBoxRow       *row,
                    PathwayActionEditor *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (!gtk_widget_has_css_class (label, "dim-label"))
    gtk_editable_set_text (GTK_EDITABLE (self->theme_row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_popover_popdown (self->theme_popover);
}

/* Saving --------------------------------------------------------------------------------------- */

static gboolean
set_object (PathwayActionEditor *self,
            const char          *property,
            gpointer             object,
            GError             **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->action), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_value_set_object (&value, object);
  return pathway_document_set_value (self->document, self->action, property, &value, NULL,
                                     error);
}

static gboolean
set_view (PathwayActionEditor *self,
          GtkTextView         *view,
          const char          *property,
          GError             **error)
{
  g_autofree char *text = dup_view_text (view);

  if (!text_changed (text, action_text (self, property)))
    return TRUE;
  if (g_str_equal (property, "commentary"))
    return pathway_document_set_commentary (self->document, self->action, text, error);
  return pathway_document_set_text (self->document, self->action, property, text, error);
}

/* Writes every changed field of an existing action; the caller holds the batch. */
static gboolean
write_changes (PathwayActionEditor *self,
               GError             **error)
{
  PathwayAction *action = self->action;
  g_autofree char *note = note_required (self) ? dup_entry (self->note_row) : NULL;

  if (reference_changed (self))
    {
      g_autofree char *reference = dup_entry (self->reference_row);

      if (!pathway_document_set_text (self->document, action, "reference", reference, error))
        return FALSE;
    }
  if (!set_view (self, self->description_view, "description", error))
    return FALSE;
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    if (choice_get (self, kind) != choice_current (self, kind) &&
        !set_object (self, choice_properties[kind], choice_get (self, kind), error))
      return FALSE;
  if (theme_changed (self))
    {
      g_autofree char *theme = dup_entry (self->theme_row);

      if (!pathway_document_set_text (self->document, action, "theme", theme, error))
        return FALSE;
    }
  if (original_changed (self))
    {
      g_autofree char *text = dup_entry (self->original_row);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_TIMESCALE);
      g_value_set_boxed (&value, timescale);
      if (!pathway_document_set_value (self->document, action, "original-timescale", &value,
                                       note, error))
        return FALSE;
    }
  if (status_changed (self) &&
      !pathway_document_set_status (self->document, action, chosen_status (self), note, error))
    return FALSE;
  if (rating_changed (self) &&
      !pathway_document_set_rating (self->document, action, chosen_rating (self), note, error))
    return FALSE;
  if (!set_view (self, self->success_view, "success-measure", error) ||
      !set_view (self, self->commentary_view, "commentary", error))
    return FALSE;

  if (revision_requested (self))
    {
      g_autofree char *text = dup_entry (self->new_timescale_row);
      g_autofree char *reason = dup_entry (self->reason_row);
      g_autofree char *approved_by = dup_entry (self->approved_by_row);
      g_autofree char *approved_on = dup_entry (self->approved_on_row);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);
      GDate date;
      gboolean dated = *approved_on != '\0' && parse_day (approved_on, &date);

      if (!pathway_document_revise_timescale (self->document, action, timescale, reason,
                                              approved_by, dated ? &date : NULL, error))
        return FALSE;
    }

  /* Last: evidence is not an undoable change, and adding it ends the undo history. */
  if (evidence_requested (self))
    {
      g_autoptr(PathwayEvidence) evidence = pathway_evidence_new ();
      g_autofree char *date_text = dup_entry (self->evidence_date_row);
      g_autofree char *text = dup_entry (self->evidence_text_row);
      g_autofree char *source = dup_entry (self->evidence_source_row);
      GDate date;

      if (*date_text != '\0' && parse_day (date_text, &date))
        pathway_evidence_set_date (evidence, &date);
      pathway_evidence_set_text (evidence, text);
      pathway_evidence_set_source (evidence, source);
      if (!pathway_document_add_evidence (self->document, action, evidence, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_existing (PathwayActionEditor *self,
               char               **undo_label,
               GError             **error)
{
  g_autofree char *label = g_strdup_printf (_("Update %s"),
                                            pathway_action_get_reference (self->action));

  if (!pathway_document_begin_batch (self->document, label, error))
    return FALSE;
  if (!write_changes (self, error))
    {
      pathway_document_rollback_batch (self->document);
      return FALSE;
    }
  if (!pathway_document_commit_batch (self->document, error))
    return FALSE;
  *undo_label = g_steal_pointer (&label);
  return TRUE;
}

static gboolean
save_new (PathwayActionEditor *self,
          GError             **error)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autofree char *reference = dup_entry (self->reference_row);
  g_autofree char *description = dup_view_text (self->description_view);
  g_autofree char *theme = dup_entry (self->theme_row);
  g_autofree char *original = dup_entry (self->original_row);
  g_autofree char *success = dup_view_text (self->success_view);
  g_autofree char *commentary = dup_view_text (self->commentary_view);

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, description);
  pathway_action_set_area (draft, choice_get (self, CHOICE_AREA));
  pathway_action_set_workstream (draft, choice_get (self, CHOICE_WORKSTREAM));
  pathway_action_set_lead (draft, choice_get (self, CHOICE_LEAD));
  pathway_action_set_theme (draft, theme);
  if (*original != '\0')
    {
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (original);

      pathway_action_set_original_timescale (draft, timescale);
    }
  pathway_action_set_status (draft, chosen_status (self));
  pathway_action_set_rating (draft, chosen_rating (self));
  pathway_action_set_success_measure (draft, success);
  pathway_action_set_commentary (draft, commentary);
  return pathway_document_add_action (self->document, draft, error);
}

static void
show_save_error (PathwayActionEditor *self,
                 const GError        *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A toast is markup: the reference is the person's text. */
static void
announce (PathwayActionEditor *self,
          gboolean             added,
          const char          *reference,
          gboolean             undoable)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  title = added ? g_strdup_printf (_("Added %s"), reference)
                : g_strdup_printf (_("Saved %s"), reference);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), toast);
}

static void
close_now (PathwayActionEditor *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = dup_entry (self->reference_row);
  g_autofree char *undo_label = NULL;
  gboolean changed;

  if (is_read_only (self))
    return;
  /* The button is off while something is missing; a key or a script may still get here. */
  self->reference_touched = TRUE;
  if (!validate (self))
    {
      revalidate (self);
      return;
    }

  if (self->action == NULL)
    {
      if (!save_new (self, &error))
        {
          show_save_error (self, error);
          return;
        }
      announce (self, TRUE, reference, pathway_document_get_can_undo (self->document));
      close_now (self);
      return;
    }

  changed = has_changes (self);
  if (!save_existing (self, &undo_label, &error))
    {
      show_save_error (self, error);
      revalidate (self);
      return;
    }
  if (changed)
    announce (self, FALSE, reference,
              pathway_document_get_can_undo (self->document) &&
              g_strcmp0 (pathway_document_get_undo_label (self->document), undo_label) == 0);
  close_now (self);
}

/* Closing, discarding, deleting ---------------------------------------------------------------- */

static gboolean
is_dirty (PathwayActionEditor *self)
{
  return !is_read_only (self) && self->programme != NULL && has_changes (self);
}

static gboolean
close_idle (gpointer data)
{
  PathwayActionEditor *self = data;

  /* Unless it went meanwhile (its document is let go in dispose). */
  if (self->document != NULL)
    close_now (self);
  return G_SOURCE_REMOVE;
}

/* From a dialog's response: the dialog goes with the editor, so not while it is still
 * answering. */
static void
close_soon (PathwayActionEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     PathwayActionEditor *self)
{
  if (g_str_equal (response, "discard"))
    close_soon (self);
}

static void
ask_discard (PathwayActionEditor *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard changes?"), NULL));
  adw_message_dialog_set_body (dialog, self->action != NULL
                                 ? _("The changes to this action have not been saved.")
                                 : _("The new action has not been saved."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pathway_action_editor_close_request (GtkWindow *window)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (window);

  if (!self->closing && is_dirty (self))
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (pathway_action_editor_parent_class)->close_request (window);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PathwayActionEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->action == NULL)
    return;
  /* Through the main window when there is one, for its toast and its Undo. */
  if (parent == NULL ||
      !gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-action", "x",
                                   pathway_action_get_id (self->action)))
    {
      if (!pathway_document_delete_action (self->document, self->action, NULL, &error))
        {
          show_save_error (self, error);
          return;
        }
    }
  close_soon (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->action == NULL || is_read_only (self))
    return;
  /* TRANSLATORS: asked before an action is deleted: "Delete 1B vi?" */
  heading = g_strdup_printf (_("Delete %s?"), pathway_action_get_reference (self->action));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog,
                               is_dirty (self)
                                 ? _("The action leaves the tracker and the changes made here "
                                     "are not saved. Its history is kept, and Undo brings it "
                                     "back.")
                                 : _("The action leaves the tracker. Its history is kept, and "
                                     "Undo brings it back."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Following the document ----------------------------------------------------------------------- */

static void
unfollow_programme (PathwayActionEditor *self)
{
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    {
      if (self->choice_lists[kind] != NULL)
        g_signal_handlers_disconnect_by_data (self->choice_lists[kind], self);
      g_clear_object (&self->choice_lists[kind]);
    }
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  g_clear_object (&self->scheme);
  g_clear_object (&self->programme);
}

static void
set_action (PathwayActionEditor *self,
            PathwayAction       *action)
{
  if (self->action == action)
    return;
  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  g_set_object (&self->action, action);
  if (action != NULL)
    g_signal_connect_object (action, "notify", G_CALLBACK (action_notify_cb), self,
                             G_CONNECT_SWAPPED);
}

/* The document's programme, now: the first time, and whenever a rolled-back batch replaces it
 * (the action and the choices are then found again by id, and what was typed stays). */
static void
follow_programme (PathwayActionEditor *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  if (programme == self->programme)
    return;
  unfollow_programme (self);
  if (programme == NULL)
    return;
  self->programme = g_object_ref (programme);
  self->scheme = g_object_ref (pathway_programme_get_rating_scheme (programme));
  g_signal_connect_object (self->scheme, "notify", G_CALLBACK (scheme_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    {
      self->choice_lists[kind] = g_object_ref (choice_list (programme, kind));
      g_signal_connect_object (self->choice_lists[kind], "items-changed",
                               G_CALLBACK (choice_list_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->action_id != 0)
    set_action (self, pathway_programme_find_action (programme, self->action_id));
}

static void
programme_changed_cb (PathwayActionEditor *self)
{
  gint64 chosen[N_CHOICES];

  if (pathway_document_get_programme (self->document) == self->programme)
    return;
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    chosen[kind] = id_of (choice_get (self, kind));
  follow_programme (self);
  if (self->programme == NULL)
    return;
  /* The action is gone from this programme (its adding was rolled back): nothing to edit. */
  if (self->action_id != 0 && self->action == NULL)
    {
      close_now (self);
      return;
    }
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    fill_choice (self, kind, chosen[kind]);
  build_rating_buttons (self, chosen_rating (self));
  action_notify_cb (self);
  revalidate (self);
}

/* Read-only: everything can be read, nothing changed. */
static void
show_read_only (PathwayActionEditor *self)
{
  gboolean read_only = is_read_only (self);
  GtkWidget *groups[] = {
    self->action_group, self->ownership_group, self->timescale_group, self->progress_group,
    self->commentary_group, self->evidence_group,
  };

  gtk_widget_set_visible (self->read_only_bar, read_only);
  if (read_only)
    gtk_label_set_text (self->read_only_label,
                        pathway_document_get_read_only_reason (self->document));
  gtk_widget_set_visible (self->save_button, !read_only);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), read_only ? _("_Close")
                                                                     : _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], !read_only);
  gtk_widget_set_visible (self->delete_group, self->action != NULL && !read_only);
}

/* Signals of the fields ------------------------------------------------------------------------ */

static void
field_changed_cb (PathwayActionEditor *self)
{
  revalidate (self);
}

static void
reference_changed_cb (PathwayActionEditor *self)
{
  if (self->updating)
    return;
  self->reference_touched = TRUE;
  show_titles (self);
  revalidate (self);
}

static void
revise_toggled_cb (PathwayActionEditor *self)
{
  if (gtk_toggle_button_get_active (self->revise_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_timescale_row));
  revalidate (self);
}

static void
error_close_cb (PathwayActionEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_action_editor_dispose (GObject *object)
{
  PathwayActionEditor *self = PATHWAY_ACTION_EDITOR (object);

  g_clear_handle_id (&self->history_idle, g_source_remove);
  set_action (self, NULL);
  unfollow_programme (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    g_clear_pointer (&self->choice_objects[kind], g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_ACTION_EDITOR);
  G_OBJECT_CLASS (pathway_action_editor_parent_class)->dispose (object);
}

static void
pathway_action_editor_class_init (PathwayActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathway_action_editor_dispose;
  window_class->close_request = pathway_action_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-action-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PathwayActionEditor, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (save_button);
  BIND (error_revealer);
  BIND (error_label);
  BIND (error_close_button);
  BIND (read_only_bar);
  BIND (read_only_label);
  BIND (switcher_bar);
  BIND (stack);
  BIND (action_group);
  BIND (ownership_group);
  BIND (timescale_group);
  BIND (progress_group);
  BIND (commentary_group);
  BIND (evidence_group);
  BIND (delete_group);
  BIND (reference_row);
  BIND (reference_caption);
  BIND (description_view);
  BIND (area_row);
  BIND (workstream_row);
  BIND (lead_row);
  BIND (theme_row);
  BIND (theme_popover);
  BIND (theme_list);
  BIND (original_row);
  BIND (original_fixed_row);
  BIND (original_caption);
  BIND (revised_list);
  BIND (revised_row);
  BIND (revise_button);
  BIND (revise_revealer);
  BIND (new_timescale_row);
  BIND (new_timescale_caption);
  BIND (reason_row);
  BIND (reason_caption);
  BIND (approved_by_row);
  BIND (approved_on_row);
  BIND (approved_on_caption);
  BIND (status_row);
  BIND (rating_definition);
  BIND (rating_buttons_box);
  BIND (note_revealer);
  BIND (note_row);
  BIND (note_caption);
  BIND (success_view);
  BIND (commentary_view);
  BIND (evidence_list);
  BIND (add_evidence_row);
  BIND (evidence_date_row);
  BIND (evidence_text_row);
  BIND (evidence_source_row);
  BIND (evidence_caption);
  BIND (timeline_list);
  BIND (revisions_list);
#undef BIND
}

static void
describe (gpointer  row,
          GtkLabel *caption)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  caption, NULL, -1);
}

static void
pathway_action_editor_init (PathwayActionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    self->choice_objects[kind] = g_ptr_array_new_with_free_func (unref0);
  for (PathwayStatus status = 0; status < PATHWAY_N_STATUSES; status++)
    gtk_string_list_append (statuses, pathway_status_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  set_combo_factory (self->status_row);
  set_combo_factory (self->area_row);
  set_combo_factory (self->workstream_row);
  set_combo_factory (self->lead_row);

  AdwEntryRow *entries[] = {
    self->theme_row, self->original_row, self->new_timescale_row, self->reason_row,
    self->approved_by_row, self->approved_on_row, self->note_row, self->evidence_date_row,
    self->evidence_text_row, self->evidence_source_row,
  };
  GtkTextView *views[] = { self->description_view, self->success_view, self->commentary_view };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_row, "changed", G_CALLBACK (reference_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workstream_row, "notify::selected",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lead_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revise_button, "toggled", G_CALLBACK (revise_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_popover, "show", G_CALLBACK (theme_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_list, "row-activated", G_CALLBACK (theme_activated_cb),
                           self, 0);
  g_signal_connect_object (self->error_close_button, "clicked", G_CALLBACK (error_close_cb),
                           self, G_CONNECT_SWAPPED);

  /* A field's caption is read with it. */
  describe (self->reference_row, self->reference_caption);
  describe (self->original_row, self->original_caption);
  describe (self->original_fixed_row, self->original_caption);
  describe (self->new_timescale_row, self->new_timescale_caption);
  describe (self->reason_row, self->reason_caption);
  describe (self->approved_on_row, self->approved_on_caption);
  describe (self->note_row, self->note_caption);
  describe (self->evidence_text_row, self->evidence_caption);
  describe (self->evidence_date_row, self->evidence_caption);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

PathwayActionEditor *
pathway_action_editor_new (GtkWindow *parent, PathwayDocument *document, PathwayAction *action)
{
  PathwayActionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (action == NULL || PATHWAY_IS_ACTION (action), NULL);

  self = g_object_new (PATHWAY_TYPE_ACTION_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->action_id = action ? pathway_action_get_id (action) : 0;
  follow_programme (self);
  /* An action from elsewhere (not this document's) is edited as it is. */
  if (action != NULL && self->action != action)
    set_action (self, action);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);

  load_fields (self);
  gtk_widget_set_visible (self->revised_list, self->action != NULL);
  gtk_widget_set_visible (self->evidence_group, self->action != NULL);
  /* A new action has no history yet: one page, no switcher. */
  gtk_widget_set_visible (self->switcher_bar, self->action != NULL);
  show_read_only (self);
  refresh_history (self);
  revalidate (self);
  if (self->action == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
  return self;
}

PathwayAction *
pathway_action_editor_get_action (PathwayActionEditor *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACTION_EDITOR (self), NULL);
  return self->action;
}
