/* pathway-editor-progress-section.c: how an action is going.
 *
 * Two groups: Progress (status, rating, and the note for this update) and Progress
 * commentary. The rating is a row of toggle buttons made from the programme's rating scheme,
 * each with its badge and the programme's word, the chosen rating's definition beside the
 * title; they are made again when the scheme changes. A change of rating or status is one the
 * board asks about, so the save carries a note: the note field opens whenever any section's
 * changes need one (the editor says so) and the save waits for it. Changes are measured from
 * what the fields showed (PathwayShownValues), and a field left alone follows the action when
 * someone else changes it. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-editor-fields.h"
#include "pathway-editor-progress-section.h"
#include "pathway-format.h"
#include "pathway-rating-badge.h"
#include "pathway-shown-values.h"

struct _PathwayEditorProgressSection
{
  AdwBin parent_instance;

  PathwayDocument *document;
  PathwayAction *action; /* NULL while a new action is being written */
  /* Followed: its words and the ratings it offers make the buttons. */
  PathwayRatingScheme *scheme;
  GtkToggleButton *rating_buttons[PATHWAY_N_RATINGS];
  gboolean note_required;
  /* Set while the fields are filled from the model. */
  gboolean updating;
  /* What the fields showed of the action. */
  PathwayShownValues *shown;

  /* Template children */
  AdwComboRow *status_row;
  GtkLabel *rating_definition;
  GtkBox *rating_buttons_box;
  GtkRevealer *note_revealer;
  PathwayEntryRow *note_row;
  GtkLabel *note_caption;
  AdwPreferencesGroup *commentary_group;
  GtkTextView *commentary_view;
  GtkWidget *recovery_group;
  GtkTextView *recovery_view;
};

static void pathway_editor_progress_section_iface_init (PathwayEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEditorProgressSection, pathway_editor_progress_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PATHWAY_TYPE_EDITOR_SECTION,
                                                      pathway_editor_progress_section_iface_init))

static void update_recovery_visible (PathwayEditorProgressSection *self);

static void
field_changed_cb (PathwayEditorProgressSection *self)
{
  if (self->recovery_view != NULL)
    update_recovery_visible (self);
  if (!self->updating)
    pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

/* Rating --------------------------------------------------------------------------------------- */

static PathwayRating
saved_rating (PathwayEditorProgressSection *self)
{
  return self->action ? (PathwayRating) pathway_shown_values_get_enum (self->shown, "rating")
                      : PATHWAY_RATING_NONE;
}

static PathwayRating
chosen_rating (PathwayEditorProgressSection *self)
{
  for (guint rating = 0; rating < PATHWAY_N_RATINGS; rating++)
    if (self->rating_buttons[rating] != NULL &&
        gtk_toggle_button_get_active (self->rating_buttons[rating]))
      return rating;
  return saved_rating (self);
}

static void
show_rating_definition (PathwayEditorProgressSection *self)
{
  const char *definition = pathway_rating_scheme_get_definition (self->scheme,
                                                                 chosen_rating (self));

  gtk_label_set_text (self->rating_definition, definition);
}

static void
rating_toggled_cb (GtkToggleButton              *button,
                   PathwayEditorProgressSection *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  show_rating_definition (self);
  field_changed_cb (self);
}

static GtkWidget *
rating_button_new (PathwayEditorProgressSection *self,
                   PathwayRating                 rating)
{
  const char *word = pathway_rating_scheme_get_label (self->scheme, rating);
  const char *definition = pathway_rating_scheme_get_definition (self->scheme, rating);
  g_autofree char *name = g_strdup_printf ("rating-%s", pathway_rating_to_nick (rating));
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "rating-choice");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  /* The button says the word; the badge beside it is only its colour. */
  pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
  pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (badge), rating, word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL,
                                  -1);
  gtk_widget_set_tooltip_text (badge, NULL);
  gtk_label_set_text (GTK_LABEL (label), word);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, *definition ? definition : word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, word,
                                  -1);
  return button;
}

/* One button per rating the scheme offers. "Not rated" and an unoffered blue appear only while
 * the action has them. */
static void
build_rating_buttons (PathwayEditorProgressSection *self,
                      PathwayRating                 chosen)
{
  static const PathwayRating order[] = {
    PATHWAY_RATING_NONE, PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
    PATHWAY_RATING_BLUE,
  };
  PathwayRating current = saved_rating (self);
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
      GtkWidget *button;

      if (!pathway_rating_scheme_offers (self->scheme, rating) && rating != chosen &&
          rating != current)
        continue;
      button = rating_button_new (self, rating);
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
scheme_changed_cb (PathwayEditorProgressSection *self)
{
  build_rating_buttons (self, chosen_rating (self));
  pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

static void
follow_scheme (PathwayEditorProgressSection *self,
               PathwayRatingScheme          *scheme)
{
  if (scheme == self->scheme)
    return;
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  g_set_object (&self->scheme, scheme);
  g_signal_connect_object (scheme, "notify", G_CALLBACK (scheme_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* What the fields say, against what the action has --------------------------------------------- */

static PathwayStatus
saved_status (PathwayEditorProgressSection *self)
{
  return self->action ? (PathwayStatus) pathway_shown_values_get_enum (self->shown, "status")
                      : PATHWAY_STATUS_NOT_STARTED;
}

static PathwayStatus
chosen_status (PathwayEditorProgressSection *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < PATHWAY_N_STATUSES ? (PathwayStatus) selected : PATHWAY_STATUS_NOT_STARTED;
}

static const char *
saved_commentary (PathwayEditorProgressSection *self)
{
  return pathway_shown_values_get_string (self->shown, "commentary");
}

static const char *
saved_recovery_plan (PathwayEditorProgressSection *self)
{
  return pathway_shown_values_get_string (self->shown, "recovery-plan");
}

/* The recovery plan is asked for while the action is, or is being made, red; one already
 * written stays in view so it can be read and cleared. */
static void
update_recovery_visible (PathwayEditorProgressSection *self)
{
  g_autofree char *typed = pathway_editor_dup_view_text (self->recovery_view);

  gtk_widget_set_visible (self->recovery_group,
                          chosen_rating (self) == PATHWAY_RATING_RED || *typed != '\0' ||
                          *saved_recovery_plan (self) != '\0');
}

static gboolean
progress_has_changes (PathwayEditorSection *section)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);

  return chosen_status (self) != saved_status (self) ||
         chosen_rating (self) != saved_rating (self) ||
         pathway_editor_view_differs (self->commentary_view, saved_commentary (self)) ||
         pathway_editor_view_differs (self->recovery_view, saved_recovery_plan (self));
}

/* A change the board will ask about carries a note. */
static gboolean
progress_needs_note (PathwayEditorSection *section)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);

  return self->action != NULL &&
         (chosen_rating (self) != saved_rating (self) ||
          chosen_status (self) != saved_status (self));
}

static gboolean
progress_validate (PathwayEditorSection *section,
                   gboolean              saving)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
  gboolean missing = self->note_required && !pathway_editor_entry_has_text (self->note_row);

  gtk_revealer_set_reveal_child (self->note_revealer, self->note_required);
  pathway_editor_set_caption (self->note_caption,
                              missing ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HINT,
                              _("A short note is needed when the rating, status or timescale "
                                "changes"));
  pathway_editor_mark_error (self->note_row, missing);
  return !missing;
}

/* Filling and writing -------------------------------------------------------------------------- */

static const char *const shown_properties[] = { "status", "rating", "commentary",
                                                "recovery-plan" };

static void
remember_shown (PathwayEditorProgressSection *self)
{
  pathway_shown_values_clear (self->shown);
  if (self->action == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    pathway_shown_values_remember (self->shown, self->action, shown_properties[i]);
}

/* Whether the person changed the field of this property from what it showed. */
static gboolean
field_changed (PathwayEditorProgressSection *self, const char *property)
{
  if (g_str_equal (property, "status"))
    return chosen_status (self) != saved_status (self);
  if (g_str_equal (property, "rating"))
    return chosen_rating (self) != saved_rating (self);
  if (g_str_equal (property, "commentary"))
    return pathway_editor_view_differs (self->commentary_view, saved_commentary (self));
  return pathway_editor_view_differs (self->recovery_view, saved_recovery_plan (self));
}

static gboolean
progress_check_unchanged (PathwayEditorSection *section,
                          GError              **error)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
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

/* The fields the person left alone show what someone else changed them to. */
static void
follow_action (PathwayEditorProgressSection *self)
{
  gboolean was_updating = self->updating;

  if (self->action == NULL)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    {
      const char *property = shown_properties[i];

      if (field_changed (self, property) ||
          pathway_shown_values_matches (self->shown, self->document, self->action, property))
        continue;
      pathway_shown_values_remember (self->shown, self->action, property);
      if (g_str_equal (property, "status"))
        adw_combo_row_set_selected (self->status_row, saved_status (self));
      else if (g_str_equal (property, "rating"))
        build_rating_buttons (self, saved_rating (self));
      else if (g_str_equal (property, "commentary"))
        pathway_editor_set_view_text (self->commentary_view, saved_commentary (self));
      else
        pathway_editor_set_view_text (self->recovery_view, saved_recovery_plan (self));
    }
  self->updating = was_updating;
  update_recovery_visible (self);
}

static void
progress_set_action (PathwayEditorSection *section,
                     PathwayDocument      *document,
                     PathwayAction        *action,
                     PathwayEditorFlags    flags)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
  PathwayRating chosen = chosen_rating (self);

  g_set_object (&self->document, document);
  g_set_object (&self->action, action);
  follow_scheme (self,
                 pathway_programme_get_rating_scheme (pathway_document_get_programme (document)));
  /* The same action read again: what was shown stays what was shown. */
  if (flags & PATHWAY_EDITOR_FLAG_KEEP_TYPED)
    {
      build_rating_buttons (self, chosen);
      return;
    }
  remember_shown (self);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, saved_status (self));
  build_rating_buttons (self, saved_rating (self));
  pathway_editor_set_view_text (self->commentary_view, saved_commentary (self));
  pathway_editor_set_view_text (self->recovery_view, saved_recovery_plan (self));
  self->updating = FALSE;
  update_recovery_visible (self);
}

static gboolean
progress_apply (PathwayEditorSection *section,
                const char           *note,
                GError              **error)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
  g_autofree char *commentary = pathway_editor_dup_view_text (self->commentary_view);

  if (chosen_status (self) != saved_status (self) &&
      !pathway_document_set_status (self->document, self->action, chosen_status (self), note,
                                    error))
    return FALSE;
  if (chosen_rating (self) != saved_rating (self) &&
      !pathway_document_set_rating (self->document, self->action, chosen_rating (self), note,
                                    error))
    return FALSE;
  if (g_strcmp0 (commentary, saved_commentary (self)) != 0 &&
      !pathway_document_set_commentary (self->document, self->action, commentary, error))
    return FALSE;
  {
    g_autofree char *recovery = pathway_editor_dup_view_text (self->recovery_view);

    if (g_strcmp0 (recovery, saved_recovery_plan (self)) != 0 &&
        !pathway_document_set_text (self->document, self->action, "recovery-plan", recovery,
                                    error))
      return FALSE;
  }
  return TRUE;
}

static void
progress_fill_draft (PathwayEditorSection *section,
                     PathwayAction        *draft)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
  g_autofree char *commentary = pathway_editor_dup_view_text (self->commentary_view);

  pathway_action_set_status (draft, chosen_status (self));
  pathway_action_set_rating (draft, chosen_rating (self));
  pathway_action_set_commentary (draft, commentary);
  {
    g_autofree char *recovery = pathway_editor_dup_view_text (self->recovery_view);

    g_object_set (draft, "recovery-plan", recovery, NULL);
  }
}

gboolean
pathway_editor_progress_section_focus_rating (PathwayEditorProgressSection *self)
{
  PathwayRating chosen;

  g_return_val_if_fail (PATHWAY_IS_EDITOR_PROGRESS_SECTION (self), FALSE);

  chosen = chosen_rating (self);
  if (self->rating_buttons[chosen] == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->rating_buttons[chosen]));
}

/* When the commentary was written and by whom, from the history: the board weighs a line by
 * its age. */
static void
progress_refresh (PathwayEditorSection *section)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (section);
  g_autoptr(GListModel) updates = NULL;
  g_autofree char *description = NULL;
  PathwayActionUpdate *written = NULL;
  guint n_updates;

  follow_action (self);
  if (self->action != NULL && self->document != NULL &&
      *pathway_action_get_commentary (self->action) != '\0')
    updates = pathway_document_list_updates (self->document, self->action, NULL);
  n_updates = updates != NULL ? g_list_model_get_n_items (updates) : 0;
  for (guint i = n_updates; i > 0 && written == NULL; i--)
    {
      PathwayActionUpdate *update = g_list_model_get_item (updates, i - 1);

      if (pathway_action_update_get_field (update) == PATHWAY_FIELD_COMMENTARY)
        written = update;
      else
        g_object_unref (update);
    }
  if (written != NULL)
    {
      g_autofree char *day = pathway_format_day_of (pathway_action_update_get_at (written));
      const char *author = pathway_action_update_get_author (written);

      /* TRANSLATORS: under "Progress commentary": when and by whom it was written */
      /* A group's description is markup; the author's name is the person's text. */
      description = author != NULL && *author != '\0'
                      ? g_markup_printf_escaped (_("Written %s by %s"), day, author)
                      : g_markup_printf_escaped (_("Written %s"), day);
      g_object_unref (written);
    }
  adw_preferences_group_set_description (self->commentary_group, description);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_editor_progress_section_dispose (GObject *object)
{
  PathwayEditorProgressSection *self = PATHWAY_EDITOR_PROGRESS_SECTION (object);

  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  g_clear_object (&self->scheme);
  g_clear_object (&self->action);
  g_clear_object (&self->document);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_EDITOR_PROGRESS_SECTION);
  G_OBJECT_CLASS (pathway_editor_progress_section_parent_class)->dispose (object);
}

static void
pathway_editor_progress_section_iface_init (PathwayEditorSectionInterface *iface)
{
  iface->set_action = progress_set_action;
  iface->has_changes = progress_has_changes;
  iface->needs_note = progress_needs_note;
  iface->validate = progress_validate;
  iface->check_unchanged = progress_check_unchanged;
  iface->apply = progress_apply;
  iface->fill_draft = progress_fill_draft;
  iface->refresh = progress_refresh;
}

static void
pathway_editor_progress_section_class_init (PathwayEditorProgressSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_editor_progress_section_dispose;

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-editor-progress-section.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorProgressSection, name)
  BIND (status_row);
  BIND (rating_definition);
  BIND (rating_buttons_box);
  BIND (note_revealer);
  BIND (note_row);
  BIND (note_caption);
  BIND (commentary_group);
  BIND (commentary_view);
  BIND (recovery_group);
  BIND (recovery_view);
#undef BIND
}

static void
pathway_editor_progress_section_init (PathwayEditorProgressSection *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  self->shown = pathway_shown_values_new ();

  for (PathwayStatus status = 0; status < PATHWAY_N_STATUSES; status++)
    gtk_string_list_append (statuses, pathway_status_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  pathway_editor_set_choice_items (self->status_row, PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);

  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->commentary_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->recovery_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

  /* A field's caption is read with it. */
  pathway_editor_describe_with (self->note_row, self->note_caption);
}

void
pathway_editor_progress_section_set_note_required (PathwayEditorProgressSection *self,
                                                   gboolean                      required)
{
  g_return_if_fail (PATHWAY_IS_EDITOR_PROGRESS_SECTION (self));
  self->note_required = required;
}

char *
pathway_editor_progress_section_dup_note (PathwayEditorProgressSection *self)
{
  g_return_val_if_fail (PATHWAY_IS_EDITOR_PROGRESS_SECTION (self), NULL);
  return pathway_editor_dup_entry_text (self->note_row);
}
