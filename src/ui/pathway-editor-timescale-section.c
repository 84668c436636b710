/* pathway-editor-timescale-section.c: when an action is due, and why that moved.
 *
 * The original timescale can be written while the action has none, and only then (a new
 * action, or one imported without it); after that it is fixed and shown, and the person
 * records a revision instead: a new timescale with its reason and, if there was one, who
 * approved it and when. Every timescale typed says under it what it will mean ("Means 31 March
 * 2026", or that it is kept as written). Setting the original timescale of an existing action
 * is a change the board asks about, so it needs the update's note; a revision carries its
 * reason instead. Both are checked before saving against the timescales the section showed,
 * in case someone else set or revised one meanwhile. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-editor-timescale-section.h"
#include "pathway-format.h"
#include "pathway-shown-values.h"

struct _PathwayEditorTimescaleSection
{
  AdwBin parent_instance;

  PathwayDocument *document;
  PathwayAction *action; /* NULL while a new action is being written */
  /* Set while the fields are filled from the model. */
  gboolean updating;
  /* The timescales the section showed. */
  PathwayShownValues *shown;

  /* Template children */
  PathwayEntryRow *original_row;
  AdwActionRow *original_fixed_row;
  GtkLabel *original_caption;
  GtkWidget *revised_list;
  AdwActionRow *revised_row;
  GtkToggleButton *revise_button;
  PathwayEntryRow *new_timescale_row;
  GtkLabel *new_timescale_caption;
  PathwayEntryRow *reason_row;
  GtkLabel *reason_caption;
  PathwayEntryRow *approved_by_row;
  PathwayEntryRow *approved_on_row;
  GtkLabel *approved_on_caption;
};

static void pathway_editor_timescale_section_iface_init (PathwayEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEditorTimescaleSection, pathway_editor_timescale_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PATHWAY_TYPE_EDITOR_SECTION,
                                                      pathway_editor_timescale_section_iface_init))

/* What the fields say, against what the action has --------------------------------------------- */

/* The original timescale can be written while it is empty, and only then: empty as shown, so
 * that one someone else set meanwhile is found when saving rather than passed over. */
static gboolean
original_editable (PathwayEditorTimescaleSection *self)
{
  const GValue *shown;
  const PathwayTimescale *original;

  if (self->action == NULL)
    return TRUE;
  shown = pathway_shown_values_get (self->shown, "original-timescale");
  original = shown != NULL ? g_value_get_boxed (shown)
                           : pathway_action_get_original_timescale (self->action);
  return original == NULL || *original->text == '\0';
}

static gboolean
original_changed (PathwayEditorTimescaleSection *self)
{
  return original_editable (self) && pathway_editor_entry_has_text (self->original_row);
}

/* A revision is asked for once the revise fields are open and something is typed in them. */
static gboolean
revision_requested (PathwayEditorTimescaleSection *self)
{
  return self->action != NULL && gtk_toggle_button_get_active (self->revise_button) &&
         (pathway_editor_entry_has_text (self->new_timescale_row) ||
          pathway_editor_entry_has_text (self->reason_row) ||
          pathway_editor_entry_has_text (self->approved_by_row) ||
          pathway_editor_entry_has_text (self->approved_on_row));
}

static gboolean
timescale_has_changes (PathwayEditorSection *section)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);

  return original_changed (self) || revision_requested (self);
}

static gboolean
timescale_needs_note (PathwayEditorSection *section)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);

  return self->action != NULL && original_changed (self);
}

static gboolean
timescale_validate (PathwayEditorSection *section,
                    gboolean              saving)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);
  gboolean requested = revision_requested (self);
  g_autofree char *timescale = pathway_editor_dup_entry_text (self->new_timescale_row);
  g_autofree char *approved_on = pathway_editor_dup_entry_text (self->approved_on_row);
  gboolean timescale_missing = requested && *timescale == '\0';
  gboolean reason_missing = requested && !pathway_editor_entry_has_text (self->reason_row);
  gboolean date_wrong = FALSE;
  GDate date;

  if (original_editable (self))
    {
      g_autofree char *original = pathway_editor_dup_entry_text (self->original_row);

      pathway_editor_show_timescale_meaning (self->original_caption, original);
    }

  if (timescale_missing)
    pathway_editor_set_caption (self->new_timescale_caption, PATHWAY_CAPTION_ERROR,
                                _("Write the new timescale, such as “March 2026”"));
  else
    pathway_editor_show_timescale_meaning (self->new_timescale_caption, timescale);
  pathway_editor_mark_error (self->new_timescale_row, timescale_missing);

  pathway_editor_set_caption (self->reason_caption,
                              reason_missing ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN,
                              _("A revised timescale needs a reason"));
  pathway_editor_mark_error (self->reason_row, reason_missing);

  if (*approved_on == '\0')
    pathway_editor_set_caption (self->approved_on_caption, PATHWAY_CAPTION_HIDDEN, NULL);
  else if (pathway_editor_parse_day (approved_on, &date))
    {
      g_autofree char *text = pathway_format_date (&date);
      g_autofree char *meaning = g_strdup_printf (_("Means %s"), text);

      pathway_editor_set_caption (self->approved_on_caption, PATHWAY_CAPTION_HINT, meaning);
    }
  else
    {
      date_wrong = requested;
      pathway_editor_set_caption (self->approved_on_caption, PATHWAY_CAPTION_ERROR,
                                  _("Write the day it was approved, such as “14 July 2025”"));
    }
  pathway_editor_mark_error (self->approved_on_row, date_wrong);
  return !timescale_missing && !reason_missing && !date_wrong;
}

/* Showing the action --------------------------------------------------------------------------- */

static void
show_revised (PathwayEditorTimescaleSection *self)
{
  const PathwayTimescale *revised = self->action
                                      ? pathway_action_get_revised_timescale (self->action)
                                      : NULL;
  g_autofree char *text = pathway_editor_describe_timescale (revised);

  adw_action_row_set_subtitle (self->revised_row, *text ? text : _("Not revised"));
}

static void
show_original (PathwayEditorTimescaleSection *self)
{
  gboolean editable = original_editable (self);

  gtk_widget_set_visible (GTK_WIDGET (self->original_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->original_fixed_row), !editable);
  if (!editable)
    {
      const PathwayTimescale *original = pathway_action_get_original_timescale (self->action);
      g_autofree char *text = pathway_editor_describe_timescale (original);

      adw_action_row_set_subtitle (self->original_fixed_row, text);
      pathway_editor_set_caption (self->original_caption, PATHWAY_CAPTION_HINT,
                                  _("Fixed when the plan was agreed: record a revision to change "
                                    "it"));
    }
}

static void
timescale_set_action (PathwayEditorSection *section,
                      PathwayDocument      *document,
                      PathwayAction        *action,
                      PathwayEditorFlags    flags)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);

  g_set_object (&self->document, document);
  g_set_object (&self->action, action);
  if (flags & PATHWAY_EDITOR_FLAG_KEEP_TYPED)
    return;
  pathway_shown_values_clear (self->shown);
  if (action != NULL)
    {
      pathway_shown_values_remember (self->shown, action, "original-timescale");
      pathway_shown_values_remember (self->shown, action, "revised-timescale");
    }
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->original_row), "");
  self->updating = FALSE;
  /* A new action has nothing to revise. */
  gtk_widget_set_visible (self->revised_list, action != NULL);
  show_original (self);
  show_revised (self);
}

/* An original timescale someone else set, while none is typed here, is shown fixed. */
static void
timescale_refresh (PathwayEditorSection *section)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);

  if (self->action != NULL && self->document != NULL &&
      !pathway_editor_entry_has_text (self->original_row) &&
      !pathway_shown_values_matches (self->shown, self->document, self->action,
                                     "original-timescale"))
    {
      pathway_shown_values_remember (self->shown, self->action, "original-timescale");
      show_original (self);
    }
  show_revised (self);
}

static gboolean
timescale_check_unchanged (PathwayEditorSection *section,
                           GError              **error)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);
  g_autoptr(GError) revised_error = NULL;
  gboolean unchanged = TRUE;

  if (self->action == NULL)
    return TRUE;
  if (original_changed (self))
    unchanged &= pathway_shown_values_check (self->shown, self->document, self->action,
                                             "original-timescale", error);
  /* A revision is written over the revised timescale shown. */
  if (revision_requested (self) &&
      !pathway_shown_values_check (self->shown, self->document, self->action,
                                   "revised-timescale", unchanged ? error : &revised_error))
    unchanged = FALSE;
  return unchanged;
}

/* Writing -------------------------------------------------------------------------------------- */

static gboolean
timescale_apply (PathwayEditorSection *section,
                 const char           *note,
                 GError              **error)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);

  if (original_changed (self))
    {
      g_autofree char *text = pathway_editor_dup_entry_text (self->original_row);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_TIMESCALE);
      g_value_set_boxed (&value, timescale);
      if (!pathway_document_set_value (self->document, self->action, "original-timescale",
                                       &value, note, error))
        return FALSE;
    }

  if (revision_requested (self))
    {
      g_autofree char *text = pathway_editor_dup_entry_text (self->new_timescale_row);
      g_autofree char *reason = pathway_editor_dup_entry_text (self->reason_row);
      g_autofree char *approved_by = pathway_editor_dup_entry_text (self->approved_by_row);
      g_autofree char *approved_on = pathway_editor_dup_entry_text (self->approved_on_row);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);
      GDate date;
      gboolean dated = *approved_on != '\0' && pathway_editor_parse_day (approved_on, &date);

      if (!pathway_document_revise_timescale (self->document, self->action, timescale, reason,
                                              approved_by, dated ? &date : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
timescale_fill_draft (PathwayEditorSection *section,
                      PathwayAction        *draft)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (section);
  g_autofree char *original = pathway_editor_dup_entry_text (self->original_row);

  if (*original != '\0')
    {
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (original);

      pathway_action_set_original_timescale (draft, timescale);
    }
}

/* Signals of the fields ------------------------------------------------------------------------ */

static void
field_changed_cb (PathwayEditorTimescaleSection *self)
{
  if (!self->updating)
    pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

static void
revise_toggled_cb (PathwayEditorTimescaleSection *self)
{
  if (gtk_toggle_button_get_active (self->revise_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_timescale_row));
  field_changed_cb (self);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_editor_timescale_section_dispose (GObject *object)
{
  PathwayEditorTimescaleSection *self = PATHWAY_EDITOR_TIMESCALE_SECTION (object);

  g_clear_object (&self->action);
  g_clear_object (&self->document);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_EDITOR_TIMESCALE_SECTION);
  G_OBJECT_CLASS (pathway_editor_timescale_section_parent_class)->dispose (object);
}

static void
pathway_editor_timescale_section_iface_init (PathwayEditorSectionInterface *iface)
{
  iface->set_action = timescale_set_action;
  iface->refresh = timescale_refresh;
  iface->has_changes = timescale_has_changes;
  iface->needs_note = timescale_needs_note;
  iface->validate = timescale_validate;
  iface->check_unchanged = timescale_check_unchanged;
  iface->apply = timescale_apply;
  iface->fill_draft = timescale_fill_draft;
}

static void
pathway_editor_timescale_section_class_init (PathwayEditorTimescaleSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_editor_timescale_section_dispose;

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-editor-timescale-section.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorTimescaleSection, name)
  BIND (original_row);
  BIND (original_fixed_row);
  BIND (original_caption);
  BIND (revised_list);
  BIND (revised_row);
  BIND (revise_button);
  BIND (new_timescale_row);
  BIND (new_timescale_caption);
  BIND (reason_row);
  BIND (reason_caption);
  BIND (approved_by_row);
  BIND (approved_on_row);
  BIND (approved_on_caption);
#undef BIND
}

static void
pathway_editor_timescale_section_init (PathwayEditorTimescaleSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = pathway_shown_values_new ();

  PathwayEntryRow *entries[] = {
    self->original_row, self->new_timescale_row, self->reason_row, self->approved_by_row,
    self->approved_on_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revise_button, "toggled", G_CALLBACK (revise_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  /* A field's caption is read with it. */
  pathway_editor_describe_with (self->original_row, self->original_caption);
  pathway_editor_describe_with (self->original_fixed_row, self->original_caption);
  pathway_editor_describe_with (self->new_timescale_row, self->new_timescale_caption);
  pathway_editor_describe_with (self->reason_row, self->reason_caption);
  pathway_editor_describe_with (self->approved_on_row, self->approved_on_caption);
}
