/* pathway-editor-details-section.c: what an action is and where it belongs.
 *
 * Two groups: Action (reference, description, success measure, summary for families) and
 * Ownership (area of weakness, workstream, lead, theme). The area and workstream are combo rows filled from the
 * programme's lists, with "None" first; the lead is a PathwayPersonPicker on the programme's
 * people. The lists are followed, and when a rolled-back batch replaces the programme the
 * choices are found again by id (objects may be replaced, ids last). The reference must be
 * there and be no other action's; a new action's empty reference is said without alarm until
 * the person has been in the field or asks to save. Changes are measured from what the fields
 * showed (PathwayShownValues), and a field left alone follows the action when someone else
 * changes it. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-details-section.h"
#include "pathway-editor-fields.h"
#include "pathway-person-picker.h"
#include "pathway-shown-values.h"

/* The drop-downs that choose one of the programme's objects, or none. */
typedef enum {
  CHOICE_AREA,
  CHOICE_WORKSTREAM,
  N_CHOICES
} ChoiceKind;

static const char *choice_properties[N_CHOICES] = { "area", "workstream" };

struct _PathwayEditorDetailsSection
{
  AdwBin parent_instance;

  PathwayDocument *document;
  PathwayAction *action; /* NULL while a new action is being written */
  /* Followed: a rolled-back batch can replace the programme, and its objects with it. */
  PathwayProgramme *programme;
  GListModel *choice_lists[N_CHOICES];
  GPtrArray *choice_objects[N_CHOICES]; /* index 0 is NULL: "None" */
  /* Set while the fields are filled from the model, so that their signals are not taken for
   * the person's. */
  gboolean updating;
  /* Errors on a new action's empty reference wait until the person has been there. */
  gboolean reference_touched;
  /* What the fields showed of the action. */
  PathwayShownValues *shown;

  /* Template children */
  PathwayEntryRow *reference_row;
  GtkLabel *reference_caption;
  GtkTextView *description_view;
  GtkTextView *success_view;
  GtkTextView *public_view;
  AdwComboRow *area_row;
  AdwComboRow *workstream_row;
  PathwayPersonPicker *lead_picker;
  PathwayEntryRow *theme_row;
  GtkPopover *theme_popover;
  GtkListBox *theme_list;
};

static void pathway_editor_details_section_iface_init (PathwayEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEditorDetailsSection, pathway_editor_details_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PATHWAY_TYPE_EDITOR_SECTION,
                                                      pathway_editor_details_section_iface_init))

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

static void
field_changed_cb (PathwayEditorDetailsSection *self)
{
  if (!self->updating)
    pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

/* Choices: area, workstream -------------------------------------------------------------------- */

static AdwComboRow *
choice_row (PathwayEditorDetailsSection *self,
            ChoiceKind                   kind)
{
  return kind == CHOICE_AREA ? self->area_row : self->workstream_row;
}

static GListModel *
choice_list (PathwayProgramme *programme,
             ChoiceKind        kind)
{
  return kind == CHOICE_AREA ? pathway_programme_get_areas (programme)
                             : pathway_programme_get_workstreams (programme);
}

static char *
choice_name (ChoiceKind kind,
             gpointer   object)
{
  if (kind == CHOICE_WORKSTREAM)
    return pathway_editor_details_section_name_workstream (object);
  /* TRANSLATORS: an area of weakness in a list: its number and title, "1 – Co-production" */
  return g_strdup_printf (_("%s – %s"), pathway_area_of_weakness_get_reference (object),
                          pathway_area_of_weakness_get_title (object));
}

/* The object chosen in a drop-down, or NULL for "None". */
static gpointer
choice_get (PathwayEditorDetailsSection *self,
            ChoiceKind                   kind)
{
  guint selected = adw_combo_row_get_selected (choice_row (self, kind));
  GPtrArray *objects = self->choice_objects[kind];

  if (selected == GTK_INVALID_LIST_POSITION || selected >= objects->len)
    return NULL;
  return g_ptr_array_index (objects, selected);
}

/* The id of the choice the field showed (a new action has none). */
static gint64
choice_shown (PathwayEditorDetailsSection *self,
              ChoiceKind                   kind)
{
  return pathway_shown_values_get_id (self->shown, choice_properties[kind]);
}

static gboolean
choice_changed (PathwayEditorDetailsSection *self,
                ChoiceKind                   kind)
{
  return id_of (choice_get (self, kind)) != choice_shown (self, kind);
}

/* Fills a drop-down from the programme's list, choosing the object with the given id. */
static void
fill_choice (PathwayEditorDetailsSection *self,
             ChoiceKind                   kind,
             gint64                       chosen_id)
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
  /* A workstream or area retired since stays the action's until someone changes it. */
  if (chosen_id != 0 && chosen == 0)
    {
      gpointer retired = pathway_programme_find_record (self->programme,
                                                        kind == CHOICE_AREA
                                                          ? PATHWAY_TYPE_AREA_OF_WEAKNESS
                                                          : PATHWAY_TYPE_WORKSTREAM,
                                                        chosen_id);

      if (retired != NULL)
        {
          g_autofree char *name = choice_name (kind, retired);
          /* TRANSLATORS: a workstream or area that has been retired, in a drop-down */
          g_autofree char *label = g_strdup_printf (_("%s (retired)"), name);

          chosen = objects->len;
          gtk_string_list_append (names, label);
          g_ptr_array_add (objects, g_object_ref (retired));
        }
    }

  self->updating = TRUE;
  adw_combo_row_set_model (choice_row (self, kind), G_LIST_MODEL (names));
  adw_combo_row_set_selected (choice_row (self, kind), chosen);
  self->updating = was_updating;
}

static void
choice_list_changed_cb (PathwayEditorDetailsSection *self)
{
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    fill_choice (self, kind, id_of (choice_get (self, kind)));
  pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

/* The lead, by id: the programme's people may have been replaced. A lead retired since is
 * still shown as the action's. */
static void
choose_lead (PathwayEditorDetailsSection *self,
             gint64                       id)
{
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  pathway_person_picker_set_selected (self->lead_picker,
                                      id != 0 ? pathway_programme_find_record (self->programme,
                                                                               PATHWAY_TYPE_PERSON,
                                                                               id)
                                              : NULL);
  self->updating = was_updating;
}

static gboolean
lead_changed (PathwayEditorDetailsSection *self)
{
  return id_of (pathway_person_picker_get_selected (self->lead_picker)) !=
         pathway_shown_values_get_id (self->shown, "lead");
}

static void
unfollow_programme (PathwayEditorDetailsSection *self)
{
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    {
      if (self->choice_lists[kind] != NULL)
        g_signal_handlers_disconnect_by_data (self->choice_lists[kind], self);
      g_clear_object (&self->choice_lists[kind]);
    }
  g_clear_object (&self->programme);
}

static void
follow_programme (PathwayEditorDetailsSection *self,
                  PathwayProgramme            *programme)
{
  if (programme == self->programme)
    return;
  unfollow_programme (self);
  self->programme = g_object_ref (programme);
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    {
      self->choice_lists[kind] = g_object_ref (choice_list (programme, kind));
      g_signal_connect_object (self->choice_lists[kind], "items-changed",
                               G_CALLBACK (choice_list_changed_cb), self, G_CONNECT_SWAPPED);
    }
  pathway_person_picker_set_people (self->lead_picker, pathway_programme_get_people (programme));
}

/* What the fields say, against what the action has --------------------------------------------- */

static const char *
saved_description (PathwayEditorDetailsSection *self)
{
  return pathway_shown_values_get_string (self->shown, "description");
}

static const char *
saved_success_measure (PathwayEditorDetailsSection *self)
{
  return pathway_shown_values_get_string (self->shown, "success-measure");
}

static const char *
saved_public_summary (PathwayEditorDetailsSection *self)
{
  return pathway_shown_values_get_string (self->shown, "public-summary");
}

static gboolean
entry_changed (PathwayEntryRow *row, const char *shown)
{
  g_autofree char *text = pathway_editor_dup_entry_text (row);

  return g_strcmp0 (text, shown) != 0;
}

static gboolean
reference_changed (PathwayEditorDetailsSection *self)
{
  return entry_changed (self->reference_row,
                        pathway_shown_values_get_string (self->shown, "reference"));
}

static gboolean
theme_changed (PathwayEditorDetailsSection *self)
{
  return entry_changed (self->theme_row, pathway_shown_values_get_string (self->shown, "theme"));
}

/* The properties the section writes, and whether the person changed each from what it showed. */
static const char *const shown_properties[] = { "reference", "description", "area",
                                                "workstream", "lead", "theme",
                                                "public-summary", "success-measure" };

static gboolean
field_changed (PathwayEditorDetailsSection *self, const char *property)
{
  if (g_str_equal (property, "reference"))
    return reference_changed (self);
  if (g_str_equal (property, "theme"))
    return theme_changed (self);
  if (g_str_equal (property, "description"))
    return pathway_editor_view_differs (self->description_view, saved_description (self));
  if (g_str_equal (property, "success-measure"))
    return pathway_editor_view_differs (self->success_view, saved_success_measure (self));
  if (g_str_equal (property, "public-summary"))
    return pathway_editor_view_differs (self->public_view, saved_public_summary (self));
  if (g_str_equal (property, "lead"))
    return lead_changed (self);
  return choice_changed (self, g_str_equal (property, "area") ? CHOICE_AREA : CHOICE_WORKSTREAM);
}

static gboolean
details_has_changes (PathwayEditorSection *section)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    if (field_changed (self, shown_properties[i]))
      return TRUE;
  return FALSE;
}

static gboolean
details_check_unchanged (PathwayEditorSection *section,
                         GError              **error)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  gboolean unchanged = TRUE;

  if (self->action == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!field_changed (self, shown_properties[i]) ||
          pathway_shown_values_check (self->shown, self->document, self->action,
                                      shown_properties[i], &local_error))
        continue;
      if (unchanged)
        g_propagate_error (error, g_steal_pointer (&local_error));
      unchanged = FALSE;
    }
  return unchanged;
}

static gboolean
details_validate (PathwayEditorSection *section,
                  gboolean              saving)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  g_autofree char *reference = pathway_editor_dup_entry_text (self->reference_row);
  g_autofree char *message = NULL;
  PathwayAction *other;
  gboolean shown;

  if (saving)
    self->reference_touched = TRUE;
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
  pathway_editor_set_caption (self->reference_caption,
                              message == NULL ? PATHWAY_CAPTION_HIDDEN
                                : shown ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HINT,
                              message);
  pathway_editor_mark_error (self->reference_row, message != NULL && shown);
  return message == NULL;
}

/* Filling and writing -------------------------------------------------------------------------- */

static void
details_set_action (PathwayEditorSection *section,
                    PathwayDocument      *document,
                    PathwayAction        *action,
                    PathwayEditorFlags    flags)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  gboolean keep_typed = (flags & PATHWAY_EDITOR_FLAG_KEEP_TYPED) != 0;
  gint64 chosen[N_CHOICES];
  gint64 lead;

  g_set_object (&self->document, document);
  g_set_object (&self->action, action);
  /* The same action read again: what was shown stays what was shown. */
  if (!keep_typed)
    {
      pathway_shown_values_clear (self->shown);
      for (guint i = 0; action != NULL && i < G_N_ELEMENTS (shown_properties); i++)
        pathway_shown_values_remember (self->shown, action, shown_properties[i]);
    }
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    chosen[kind] = keep_typed ? id_of (choice_get (self, kind)) : choice_shown (self, kind);
  lead = keep_typed ? id_of (pathway_person_picker_get_selected (self->lead_picker))
                    : pathway_shown_values_get_id (self->shown, "lead");
  follow_programme (self, pathway_document_get_programme (document));
  pathway_person_picker_set_document (self->lead_picker, document);

  self->updating = TRUE;
  if (!keep_typed)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                             pathway_shown_values_get_string (self->shown, "reference"));
      pathway_editor_set_view_text (self->description_view, saved_description (self));
      pathway_editor_set_view_text (self->success_view, saved_success_measure (self));
      pathway_editor_set_view_text (self->public_view, saved_public_summary (self));
      gtk_editable_set_text (GTK_EDITABLE (self->theme_row),
                             pathway_shown_values_get_string (self->shown, "theme"));
    }
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    fill_choice (self, kind, chosen[kind]);
  choose_lead (self, lead);
  self->updating = FALSE;
}

static gboolean
set_object (PathwayEditorDetailsSection *self,
            const char                  *property,
            gpointer                     object,
            GError                     **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->action), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_value_set_object (&value, object);
  return pathway_document_set_value (self->document, self->action, property, &value, NULL,
                                     error);
}

static gboolean
set_view (PathwayEditorDetailsSection *self,
          GtkTextView                 *view,
          const char                  *property,
          const char                  *saved,
          GError                     **error)
{
  g_autofree char *text = pathway_editor_dup_view_text (view);

  if (g_strcmp0 (text, saved) == 0)
    return TRUE;
  return pathway_document_set_text (self->document, self->action, property, text, error);
}

static gboolean
set_entry (PathwayEditorDetailsSection  *self,
           PathwayEntryRow              *row,
           const char                   *property,
           GError                      **error)
{
  g_autofree char *text = pathway_editor_dup_entry_text (row);

  return pathway_document_set_text (self->document, self->action, property, text, error);
}

static gboolean
details_apply (PathwayEditorSection *section,
               const char           *note,
               GError              **error)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  PathwayPerson *lead = pathway_person_picker_get_selected (self->lead_picker);

  if (reference_changed (self) && !set_entry (self, self->reference_row, "reference", error))
    return FALSE;
  if (!set_view (self, self->description_view, "description", saved_description (self), error))
    return FALSE;
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    if (choice_changed (self, kind) &&
        !set_object (self, choice_properties[kind], choice_get (self, kind), error))
      return FALSE;
  if (lead_changed (self) && !set_object (self, "lead", lead, error))
    return FALSE;
  if (theme_changed (self) && !set_entry (self, self->theme_row, "theme", error))
    return FALSE;
  if (!set_view (self, self->public_view, "public-summary", saved_public_summary (self), error))
    return FALSE;
  return set_view (self, self->success_view, "success-measure", saved_success_measure (self),
                   error);
}

/* The fields the person left alone show what someone else changed them to. */
static void
details_refresh (PathwayEditorSection *section)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  gboolean was_updating = self->updating;

  if (self->action == NULL || self->document == NULL)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    {
      const char *property = shown_properties[i];

      if (field_changed (self, property) ||
          pathway_shown_values_matches (self->shown, self->document, self->action, property))
        continue;
      pathway_shown_values_remember (self->shown, self->action, property);
      if (g_str_equal (property, "reference"))
        gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                               pathway_shown_values_get_string (self->shown, property));
      else if (g_str_equal (property, "theme"))
        gtk_editable_set_text (GTK_EDITABLE (self->theme_row),
                               pathway_shown_values_get_string (self->shown, property));
      else if (g_str_equal (property, "description"))
        pathway_editor_set_view_text (self->description_view, saved_description (self));
      else if (g_str_equal (property, "success-measure"))
        pathway_editor_set_view_text (self->success_view, saved_success_measure (self));
      else if (g_str_equal (property, "public-summary"))
        pathway_editor_set_view_text (self->public_view, saved_public_summary (self));
      else if (g_str_equal (property, "lead"))
        choose_lead (self, pathway_shown_values_get_id (self->shown, property));
      else
        {
          ChoiceKind kind = g_str_equal (property, "area") ? CHOICE_AREA : CHOICE_WORKSTREAM;

          fill_choice (self, kind, choice_shown (self, kind));
        }
    }
  self->updating = was_updating;
}

static void
details_fill_draft (PathwayEditorSection *section,
                    PathwayAction        *draft)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (section);
  g_autofree char *reference = pathway_editor_dup_entry_text (self->reference_row);
  g_autofree char *description = pathway_editor_dup_view_text (self->description_view);
  g_autofree char *theme = pathway_editor_dup_entry_text (self->theme_row);
  g_autofree char *success = pathway_editor_dup_view_text (self->success_view);
  g_autofree char *summary = pathway_editor_dup_view_text (self->public_view);

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, description);
  pathway_action_set_area (draft, choice_get (self, CHOICE_AREA));
  pathway_action_set_workstream (draft, choice_get (self, CHOICE_WORKSTREAM));
  pathway_action_set_lead (draft, pathway_person_picker_get_selected (self->lead_picker));
  pathway_action_set_theme (draft, theme);
  pathway_action_set_success_measure (draft, success);
  g_object_set (draft, "public-summary", summary, NULL);
}

/* Themes --------------------------------------------------------------------------------------- */

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

static void
theme_popover_show_cb (PathwayEditorDetailsSection *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actions = pathway_programme_get_actions (self->programme);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_free);

  pathway_editor_clear_list_box (self->theme_list);
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
      GtkWidget *label = pathway_editor_plain_label (g_ptr_array_index (themes, i), NULL);

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_append (self->theme_list, label);
    }
  if (themes->len == 0)
    gtk_list_box_append (self->theme_list,
                         pathway_editor_plain_label (_("No themes yet"), "dim-label"));
}

static void
theme_activated_cb (GtkListBox                  *list,
                    GtkListBoxRow               *row,
                    PathwayEditorDetailsSection *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (!gtk_widget_has_css_class (label, "dim-label"))
    gtk_editable_set_text (GTK_EDITABLE (self->theme_row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_popover_popdown (self->theme_popover);
}

/* Signals of the fields ------------------------------------------------------------------------ */

static void
reference_changed_cb (PathwayEditorDetailsSection *self)
{
  if (self->updating)
    return;
  self->reference_touched = TRUE;
  pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

/* GObject -------------------------------------------------------------------------------------- */

/* The first thing a person writes is the reference. */
static gboolean
pathway_editor_details_section_grab_focus (GtkWidget *widget)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
}

static void
pathway_editor_details_section_dispose (GObject *object)
{
  PathwayEditorDetailsSection *self = PATHWAY_EDITOR_DETAILS_SECTION (object);

  unfollow_programme (self);
  g_clear_object (&self->action);
  g_clear_object (&self->document);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    g_clear_pointer (&self->choice_objects[kind], g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_EDITOR_DETAILS_SECTION);
  G_OBJECT_CLASS (pathway_editor_details_section_parent_class)->dispose (object);
}

static void
pathway_editor_details_section_iface_init (PathwayEditorSectionInterface *iface)
{
  iface->set_action = details_set_action;
  iface->has_changes = details_has_changes;
  iface->validate = details_validate;
  iface->check_unchanged = details_check_unchanged;
  iface->apply = details_apply;
  iface->refresh = details_refresh;
  iface->fill_draft = details_fill_draft;
}

static void
pathway_editor_details_section_class_init (PathwayEditorDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_editor_details_section_dispose;
  widget_class->grab_focus = pathway_editor_details_section_grab_focus;

  g_type_ensure (PATHWAY_TYPE_PERSON_PICKER);
  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-editor-details-section.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorDetailsSection, name)
  BIND (reference_row);
  BIND (reference_caption);
  BIND (description_view);
  BIND (success_view);
  BIND (public_view);
  BIND (area_row);
  BIND (workstream_row);
  BIND (lead_picker);
  BIND (theme_row);
  BIND (theme_popover);
  BIND (theme_list);
#undef BIND
}

static void
pathway_editor_details_section_init (PathwayEditorDetailsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  self->shown = pathway_shown_values_new ();

  GtkTextView *views[] = { self->description_view, self->success_view, self->public_view };

  for (ChoiceKind kind = 0; kind < N_CHOICES; kind++)
    {
      self->choice_objects[kind] = g_ptr_array_new_with_free_func (unref0);
      pathway_editor_set_choice_items (choice_row (self, kind), PATHWAY_EDITOR_VALUE_CHARS,
                                       PATHWAY_EDITOR_LIST_CHARS);
      g_signal_connect_object (choice_row (self, kind), "notify::selected",
                               G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_row, "changed", G_CALLBACK (reference_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_row, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lead_picker, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_popover, "show", G_CALLBACK (theme_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_list, "row-activated", G_CALLBACK (theme_activated_cb),
                           self, 0);

  /* A field's caption is read with it. */
  pathway_editor_describe_with (self->reference_row, self->reference_caption);
}

char *
pathway_editor_details_section_dup_reference (PathwayEditorDetailsSection *self)
{
  g_return_val_if_fail (PATHWAY_IS_EDITOR_DETAILS_SECTION (self), NULL);
  return pathway_editor_dup_entry_text (self->reference_row);
}

char *
pathway_editor_details_section_name_workstream (PathwayWorkstream *workstream)
{
  g_return_val_if_fail (PATHWAY_IS_WORKSTREAM (workstream), NULL);
  /* TRANSLATORS: a workstream in a list: its code and title, "A – Co-production" */
  return g_strdup_printf (_("%s – %s"), pathway_workstream_get_code (workstream),
                          pathway_workstream_get_title (workstream));
}
