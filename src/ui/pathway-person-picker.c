/* pathway-person-picker.c: a row choosing one of the programme's people, or no one.
 *
 * The row is built as libadwaita's combo row is (its "combo" style, the chosen item drawn by
 * an inline list of one, the arrow that holds the popover), so it looks like the drop-downs
 * beside it; what it adds is a search entry above the list. The list shown in the popover:
 *
 *   people ──▶ GtkFilterListModel ──▶ GtkSortListModel ──┐
 *              (name has the search)   (by name)          ├─▶ GtkFlattenListModel ──▶ selection
 *   "None", while nothing is searched and none is allowed ┘
 *
 * Typing in the search entry filters at once; Enter chooses the first person found, Down
 * goes into the list, Escape closes. Given the document (and while it may be changed), the
 * popover ends with "Add Person…", which opens PathwayPersonDialog with what was searched for
 * as the name and chooses the person it adds; Enter on a search that finds no one does the
 * same. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-person-dialog.h"
#include "pathway-person-picker.h"

struct _PathwayPersonPicker
{
  AdwActionRow parent_instance;

  GListModel *people;
  PathwayPerson *selected;
  gboolean allow_none;
  PathwayDocument *document; /* for adding people, or NULL */

  GtkStringObject *none_item;
  GListStore *none_store;    /* the "None" item, or nothing */
  GListStore *current_store; /* what the row shows: the chosen item, or nothing */
  GtkFilterListModel *filtered;
  GtkStringFilter *filter;
  GtkFlattenListModel *choices;
  GtkSingleSelection *selection;

  /* Template children */
  GtkListView *current;
  GtkWidget *arrow_box;
  GtkPopover *popover;
  GtkSearchEntry *search_entry;
  GtkListView *list;
  GtkWidget *add_separator;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (PathwayPersonPicker, pathway_person_picker, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PEOPLE,
  PROP_SELECTED,
  PROP_ALLOW_NONE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The item that stands for the chosen person, or for no one. */
static gpointer
chosen_item (PathwayPersonPicker *self)
{
  return self->selected != NULL ? (gpointer) self->selected : (gpointer) self->none_item;
}

static const char *
item_text (gpointer item)
{
  if (PATHWAY_IS_PERSON (item))
    return pathway_person_get_name (item);
  return gtk_string_object_get_string (item);
}

static void
update_accessible_name (PathwayPersonPicker *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *name = NULL;

  /* TRANSLATORS: the accessible name of a row choosing a person: what is chosen and who,
   * "Lead: Priya Raman" */
  name = g_strdup_printf (_("%s: %s"), title, item_text (chosen_item (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
show_chosen (PathwayPersonPicker *self)
{
  gpointer item = chosen_item (self);
  gboolean shown = self->selected != NULL || self->allow_none;

  g_list_store_splice (self->current_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->current_store)),
                       shown ? &item : NULL, shown ? 1 : 0);
  update_accessible_name (self);
}

static gboolean
can_add (PathwayPersonPicker *self)
{
  return self->document != NULL && !pathway_document_get_read_only (self->document);
}

/* As the combo row does: nothing to open with one choice, nothing to show with none. Adding
 * a person is a choice too. */
static void
update_choosable (PathwayPersonPicker *self)
{
  guint n = (self->people != NULL ? g_list_model_get_n_items (self->people) : 0) +
            (self->allow_none ? 1 : 0) + (can_add (self) ? 1 : 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self), n > 0);
  gtk_widget_set_visible (self->arrow_box, n > 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), n > 1);
}

static void
people_changed_cb (PathwayPersonPicker *self)
{
  update_choosable (self);
}

static void
update_add (PathwayPersonPicker *self)
{
  gtk_widget_set_visible (self->add_separator, can_add (self));
  gtk_widget_set_visible (self->add_button, can_add (self));
  update_choosable (self);
}

/* "None" is offered only while nothing is searched: Enter then chooses the first person found. */
static void
update_none (PathwayPersonPicker *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean offered = self->allow_none && *search == '\0';
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->none_store));

  if (offered && n == 0)
    g_list_store_append (self->none_store, self->none_item);
  else if (!offered && n > 0)
    g_list_store_remove_all (self->none_store);
}

/* The list's selection follows the chosen item, so that the list opens on it. */
static void
select_chosen (PathwayPersonPicker *self)
{
  GListModel *choices = G_LIST_MODEL (self->choices);
  gpointer chosen = chosen_item (self);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (choices) && position == GTK_INVALID_LIST_POSITION;
       i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if ((gpointer) item == chosen)
        position = i;
    }
  gtk_single_selection_set_selected (self->selection, position);
}

static void
search_changed_cb (PathwayPersonPicker *self)
{
  gtk_string_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_none (self);
  select_chosen (self);
}

static void
choose (PathwayPersonPicker *self,
        guint                position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->choices), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (self->popover);
  pathway_person_picker_set_selected (self, PATHWAY_IS_PERSON (item) ? PATHWAY_PERSON (item)
                                                                     : NULL);
}

static void
list_activate_cb (PathwayPersonPicker *self,
                  guint                position)
{
  choose (self, position);
}

/* Adding a person ------------------------------------------------------------------------------ */

static void
person_added_cb (PathwayPersonPicker *self,
                 PathwayPerson       *person)
{
  pathway_person_picker_set_selected (self, person);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
add_person (PathwayPersonPicker *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->search_entry))));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PathwayPersonDialog *dialog;

  if (!can_add (self))
    return;
  gtk_popover_popdown (self->popover);
  dialog = pathway_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->document);
  /* What was searched for and not found is most likely the name. */
  pathway_person_dialog_set_name (dialog, search);
  g_signal_connect_object (dialog, "added", G_CALLBACK (person_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_activate_cb (PathwayPersonPicker *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*search == '\0')
    gtk_popover_popdown (self->popover);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->choices)) == 0 && can_add (self))
    add_person (self);
  else
    choose (self, 0);
}

static void
search_stop_cb (PathwayPersonPicker *self)
{
  gtk_popover_popdown (self->popover);
}

static gboolean
search_key_pressed_cb (PathwayPersonPicker *self,
                       guint                keyval,
                       guint                keycode,
                       GdkModifierType      state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

static void
popover_visible_cb (PathwayPersonPicker *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_widget_add_css_class (GTK_WIDGET (self), "has-open-popup");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "has-open-popup");
}

static void
pathway_person_picker_activate (AdwActionRow *row)
{
  PathwayPersonPicker *self = PATHWAY_PERSON_PICKER (row);

  if (!gtk_widget_get_visible (self->arrow_box))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_chosen (self);
  gtk_popover_popup (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Items ---------------------------------------------------------------------------------------- */

static void
item_chosen_cb (PathwayPersonPicker *self,
                GParamSpec          *pspec,
                GtkListItem         *item)
{
  pathway_editor_choice_item_mark (gtk_list_item_get_child (item),
                                   gtk_list_item_get_item (item) == chosen_item (self));
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PathwayPersonPicker      *self)
{
  gtk_list_item_set_child (item, pathway_editor_choice_item_new (PATHWAY_EDITOR_VALUE_CHARS));
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PathwayPersonPicker      *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  pathway_editor_choice_item_show (child, item_text (gtk_list_item_get_item (item)),
                                   PATHWAY_EDITOR_LIST_CHARS);
  if (gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) != NULL)
    {
      g_signal_connect (self, "notify::selected", G_CALLBACK (item_chosen_cb), item);
      item_chosen_cb (self, NULL, item);
    }
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PathwayPersonPicker      *self)
{
  g_signal_handlers_disconnect_by_func (self, item_chosen_cb, item);
}

static void
build_lists (PathwayPersonPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) shown = NULL;
  GtkExpression *name = gtk_property_expression_new (PATHWAY_TYPE_PERSON, NULL, "name");
  GtkStringSorter *sorter = gtk_string_sorter_new (gtk_expression_ref (name));
  GtkSortListModel *sorted;
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  self->none_item = gtk_string_object_new (_("None"));
  self->none_store = g_list_store_new (G_TYPE_OBJECT);
  self->current_store = g_list_store_new (G_TYPE_OBJECT);

  self->filter = gtk_string_filter_new (name);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    GTK_SORTER (sorter));
  g_list_store_append (parts, self->none_store);
  g_list_store_append (parts, sorted);
  g_object_unref (sorted);
  self->choices = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->choices)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (item_unbind_cb), self);
  gtk_list_view_set_factory (self->current, factory);
  gtk_list_view_set_factory (self->list, factory);
  shown = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->current_store)));
  gtk_list_view_set_model (self->current, GTK_SELECTION_MODEL (shown));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_person_picker_dispose (GObject *object)
{
  PathwayPersonPicker *self = PATHWAY_PERSON_PICKER (object);

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_PERSON_PICKER);
  g_clear_object (&self->people);
  g_clear_object (&self->selected);
  g_clear_object (&self->selection);
  g_clear_object (&self->choices);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->current_store);
  g_clear_object (&self->none_store);
  g_clear_object (&self->none_item);
  G_OBJECT_CLASS (pathway_person_picker_parent_class)->dispose (object);
}

static void
pathway_person_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwayPersonPicker *self = PATHWAY_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_PEOPLE:
      g_value_set_object (value, self->people);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_person_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PathwayPersonPicker *self = PATHWAY_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_PEOPLE:
      pathway_person_picker_set_people (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      pathway_person_picker_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ALLOW_NONE:
      pathway_person_picker_set_allow_none (self, g_value_get_boolean (value));
      break;
    case PROP_DOCUMENT:
      pathway_person_picker_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_person_picker_class_init (PathwayPersonPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = pathway_person_picker_dispose;
  object_class->get_property = pathway_person_picker_get_property;
  object_class->set_property = pathway_person_picker_set_property;
  row_class->activate = pathway_person_picker_activate;

  properties[PROP_PEOPLE] =
    g_param_spec_object ("people", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, PATHWAY_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PATHWAY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-person-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, current);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, arrow_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, list);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, add_separator);
  gtk_widget_class_bind_template_child (widget_class, PathwayPersonPicker, add_button);
}

static void
pathway_person_picker_init (PathwayPersonPicker *self)
{
  g_autoptr(GtkEventController) keys = gtk_event_controller_key_new ();

  self->allow_none = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_lists (self);

  /* The accessible name says what the title says, and who is chosen. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_accessible_name), self);

  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self,
                           G_CONNECT_SWAPPED);
  /* Before the entry's text, which would take Down for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), g_steal_pointer (&keys));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list));
  g_signal_connect_object (self->list, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "notify::visible", G_CALLBACK (popover_visible_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_person), self,
                           G_CONNECT_SWAPPED);
  /* Left-aligned, as the names above it are. */
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->add_button))), 0.0);

  update_none (self);
  show_chosen (self);
  update_choosable (self);
}

GtkWidget *
pathway_person_picker_new (const char *title)
{
  return g_object_new (PATHWAY_TYPE_PERSON_PICKER, "title", title, NULL);
}

void
pathway_person_picker_set_people (PathwayPersonPicker *self,
                                  GListModel          *people)
{
  g_return_if_fail (PATHWAY_IS_PERSON_PICKER (self));
  g_return_if_fail (people == NULL || G_IS_LIST_MODEL (people));

  if (self->people == people)
    return;
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  g_set_object (&self->people, people);
  if (people != NULL)
    g_signal_connect_object (people, "items-changed", G_CALLBACK (people_changed_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filtered, people);
  update_choosable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE]);
}

GListModel *
pathway_person_picker_get_people (PathwayPersonPicker *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON_PICKER (self), NULL);
  return self->people;
}

void
pathway_person_picker_set_selected (PathwayPersonPicker *self,
                                    PathwayPerson       *person)
{
  g_return_if_fail (PATHWAY_IS_PERSON_PICKER (self));
  g_return_if_fail (person == NULL || PATHWAY_IS_PERSON (person));

  if (!g_set_object (&self->selected, person))
    return;
  show_chosen (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

PathwayPerson *
pathway_person_picker_get_selected (PathwayPersonPicker *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON_PICKER (self), NULL);
  return self->selected;
}

void
pathway_person_picker_set_allow_none (PathwayPersonPicker *self,
                                      gboolean             allow_none)
{
  g_return_if_fail (PATHWAY_IS_PERSON_PICKER (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;
  self->allow_none = allow_none;
  update_none (self);
  show_chosen (self);
  update_choosable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

gboolean
pathway_person_picker_get_allow_none (PathwayPersonPicker *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON_PICKER (self), FALSE);
  return self->allow_none;
}

void
pathway_person_picker_set_document (PathwayPersonPicker *self,
                                    PathwayDocument     *document)
{
  g_return_if_fail (PATHWAY_IS_PERSON_PICKER (self));
  g_return_if_fail (document == NULL || PATHWAY_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_add), self,
                             G_CONNECT_SWAPPED);
  update_add (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

PathwayDocument *
pathway_person_picker_get_document (PathwayPersonPicker *self)
{
  g_return_val_if_fail (PATHWAY_IS_PERSON_PICKER (self), NULL);
  return self->document;
}
