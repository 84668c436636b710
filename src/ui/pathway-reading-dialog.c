/* pathway-reading-dialog.c: adding a reading of an indicator, or correcting one.
 *
 * A new reading starts on the last day of last month by the document's clock, the day a
 * month's figures are usually for. The day is read as a person writes one ("14 March 2026",
 * "14/3/2026") and the caption says what it was read as, so that "3/4/26" cannot be taken for
 * the wrong day; the value is read in the indicator's unit (pathway-figure.h).
 * Until the person has tried to save, the captions only say what to write.
 *
 * A new reading is written with pathway_document_add_reading; a correction sets the fields
 * that changed, in one batch, so that one undo takes it back. Readings are not kept in the
 * model: the Indicators view reads them again after every change to the document. On a
 * read-only programme, or one on a server where this person may not give the indicator's
 * readings (only its data officers and the indicator's owner do), the fields are insensitive
 * and a bar at the top says why. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-figure.h"
#include "pathway-reading-dialog.h"
#include "pathway-remote.h"
#include "pathway-style.h"
#include "pathway-window.h"

struct _PathwayReadingDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayIndicator *indicator;
  gint64 indicator_id;
  PathwayReading *reading; /* NULL while a new one is written */
  /* The person has tried to save: what is wrong is said as they type. */
  gboolean tried;
  gboolean read_only; /* this person may not give (or correct) the indicator's readings */
  GtkLabel *read_only_label;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *form;
  GtkWidget *save_button;
  PathwayEntryRow *date_entry;
  GtkLabel *date_caption;
  PathwayEntryRow *value_entry;
  GtkLabel *unit_label;
  GtkLabel *value_caption;
  PathwayEntryRow *note_entry;
  GtkLabel *save_error;
};

G_DEFINE_FINAL_TYPE (PathwayReadingDialog, pathway_reading_dialog, ADW_TYPE_WINDOW)

/* Checking the fields ------------------------------------------------------------------------ */

static void
set_caption (GtkLabel        *caption,
             PathwayEntryRow *entry,
             PathwayCaption   kind,
             const char      *text)
{
  pathway_editor_set_caption (caption, kind, text);
  pathway_editor_mark_error (entry, kind == PATHWAY_CAPTION_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               kind == PATHWAY_CAPTION_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE
                                                             : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
check_date (PathwayReadingDialog *self,
            GDate                *date_out)
{
  g_autofree char *text = pathway_editor_dup_entry_text (self->date_entry);
  const char *hint = _("The day it was measured, such as “14 March 2026”");
  g_autofree char *meaning = NULL;
  g_autofree char *meaning_hint = NULL;
  GDate date;

  if (*text == '\0' || !pathway_editor_parse_day (text, &date))
    {
      if (self->tried)
        set_caption (self->date_caption, self->date_entry, PATHWAY_CAPTION_ERROR,
                     *text == '\0' ? _("Write the day of the reading, such as “14 March 2026”")
                                   : _("Write one day, such as “14 March 2026”"));
      else
        set_caption (self->date_caption, self->date_entry, PATHWAY_CAPTION_HINT, hint);
      return FALSE;
    }

  meaning = pathway_format_date (&date);
  /* Translators: how a date that was typed was read: "Means 14 March 2026". */
  meaning_hint = g_strdup_printf (_("Means %s"), meaning);
  set_caption (self->date_caption, self->date_entry, PATHWAY_CAPTION_HINT,
               g_str_equal (meaning, text) ? hint : meaning_hint);
  if (date_out != NULL)
    *date_out = date;
  return TRUE;
}

static gboolean
check_value (PathwayReadingDialog *self,
             double               *value)
{
  const char *problem = NULL;
  gboolean valid = pathway_figure_parse (pathway_indicator_get_unit (self->indicator),
                                         gtk_editable_get_text (GTK_EDITABLE (self->value_entry)),
                                         FALSE, value, &problem);

  set_caption (self->value_caption, self->value_entry,
               !valid && self->tried ? PATHWAY_CAPTION_ERROR : PATHWAY_CAPTION_HIDDEN, problem);
  return valid;
}

static void
date_changed_cb (PathwayReadingDialog *self)
{
  check_date (self, NULL);
}

static void
value_changed_cb (PathwayReadingDialog *self)
{
  check_value (self, NULL);
}

/* Saving -------------------------------------------------------------------------------------- */

/* A toast is markup: the day is written by us, but the indicator's name is the person's. */
static void
announce (PathwayReadingDialog *self,
          const char           *title,
          gboolean              undoable)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), toast);
}

/* The store's refusal, under the field it concerns (NULL: under the form). */
static void
show_refusal (PathwayReadingDialog *self,
              PathwayEntryRow      *entry,
              const GError         *error)
{
  if (entry == self->date_entry)
    set_caption (self->date_caption, entry, PATHWAY_CAPTION_ERROR, error->message);
  else if (entry == self->value_entry)
    set_caption (self->value_caption, entry, PATHWAY_CAPTION_ERROR, error->message);
  else
    {
      gtk_label_set_text (self->save_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
    }
}

static gboolean
add_reading (PathwayReadingDialog *self,
             const GDate          *date,
             double                value,
             const char           *note)
{
  g_autoptr(PathwayReading) draft = pathway_reading_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = pathway_format_date (date);
  g_autofree char *title = NULL;

  pathway_reading_set_date (draft, date);
  pathway_reading_set_value (draft, value);
  pathway_reading_set_note (draft, note);
  if (!pathway_document_add_reading (self->document, self->indicator, draft, &error))
    {
      /* A reading is known by its day: a refusal is most often about it. */
      show_refusal (self, self->date_entry, error);
      return FALSE;
    }
  /* Translators: after a reading was added: "Added the reading of 31 October 2026". */
  title = g_strdup_printf (_("Added the reading of %s"), day);
  announce (self, title, pathway_document_get_can_undo (self->document));
  return TRUE;
}

static gboolean
set_field (PathwayReadingDialog *self,
           const char           *property,
           const GValue         *value,
           PathwayEntryRow      *entry)
{
  g_autoptr(GError) error = NULL;

  if (pathway_document_set_value (self->document, self->reading, property, value, NULL, &error))
    return TRUE;
  pathway_document_rollback_batch (self->document);
  show_refusal (self, entry, error);
  return FALSE;
}

static gboolean
correct_reading (PathwayReadingDialog *self,
                 const GDate          *date,
                 double                value,
                 const char           *note)
{
  const GDate *old_date = pathway_reading_get_date (self->reading);
  g_autofree char *day = pathway_format_date (date);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) date_value = G_VALUE_INIT;
  g_auto(GValue) number_value = G_VALUE_INIT;
  g_auto(GValue) note_value = G_VALUE_INIT;
  gboolean date_changed = old_date == NULL || !g_date_valid (old_date) ||
                          g_date_compare (old_date, date) != 0;
  gboolean value_changed = pathway_reading_get_value (self->reading) != value;
  gboolean note_changed = g_strcmp0 (pathway_reading_get_note (self->reading), note) != 0;

  if (!date_changed && !value_changed && !note_changed)
    return TRUE;

  /* Translators: the name of an undo step: "Correct the reading of Autism assessment waiting
   * time of 31 October 2026". */
  label = g_strdup_printf (_("Correct the reading of %s of %s"),
                           pathway_indicator_get_name (self->indicator), day);
  if (!pathway_document_begin_batch (self->document, label, &error))
    {
      show_refusal (self, NULL, error);
      return FALSE;
    }
  g_value_init (&date_value, G_TYPE_DATE);
  g_value_set_boxed (&date_value, date);
  g_value_init (&number_value, G_TYPE_DOUBLE);
  g_value_set_double (&number_value, value);
  g_value_init (&note_value, G_TYPE_STRING);
  g_value_set_string (&note_value, note);
  if ((date_changed && !set_field (self, "date", &date_value, self->date_entry)) ||
      (value_changed && !set_field (self, "value", &number_value, self->value_entry)) ||
      (note_changed && !set_field (self, "note", &note_value, NULL)))
    return FALSE;
  if (!pathway_document_commit_batch (self->document, &error))
    {
      show_refusal (self, NULL, error);
      return FALSE;
    }

  /* Translators: after a reading was corrected: "Corrected the reading of 31 October 2026". */
  title = g_strdup_printf (_("Corrected the reading of %s"), day);
  announce (self, title,
            pathway_document_get_can_undo (self->document) &&
            g_strcmp0 (pathway_document_get_undo_label (self->document), label) == 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayReadingDialog *self = PATHWAY_READING_DIALOG (widget);
  g_autofree char *note = NULL;
  gboolean date_ok, value_ok;
  double value = NAN;
  GDate date;

  if (self->indicator == NULL || self->read_only)
    return;

  self->tried = TRUE;
  g_date_clear (&date, 1);
  date_ok = check_date (self, &date);
  value_ok = check_value (self, &value);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  if (!date_ok || !value_ok)
    {
      gtk_widget_grab_focus (GTK_WIDGET (!date_ok ? self->date_entry : self->value_entry));
      return;
    }

  note = pathway_editor_dup_entry_text (self->note_entry);
  if (self->reading == NULL ? !add_reading (self, &date, value, note)
                            : !correct_reading (self, &date, value, note))
    return;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* A rolled-back batch replaces the programme: the indicator is found again by its id. */
static void
programme_changed_cb (PathwayReadingDialog *self)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  PathwayIndicator *indicator = programme != NULL
                                  ? pathway_programme_find_indicator (programme,
                                                                      self->indicator_id)
                                  : NULL;

  g_set_object (&self->indicator, indicator);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reading.save",
                                 indicator != NULL && !self->read_only);
}

/* Read-only, saying why: the document's reason, or the server's rule for the readings of this
 * indicator (a new reading is asked about as one of it). */
static void
show_read_only (PathwayReadingDialog *self)
{
  g_autoptr(PathwayReading) draft = NULL;
  g_autofree char *refusal = NULL;

  if (self->reading == NULL)
    draft = g_object_new (PATHWAY_TYPE_READING, "indicator-id", self->indicator_id, NULL);
  refusal = pathway_document_dup_refusal (self->document,
                                          self->reading != NULL ? self->reading : draft);
  self->read_only = refusal != NULL;
  pathway_editor_show_read_only (self->read_only_label, refusal);
  gtk_widget_set_sensitive (self->form, !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reading.save",
                                 self->indicator != NULL && !self->read_only);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
pathway_reading_dialog_dispose (GObject *object)
{
  PathwayReadingDialog *self = PATHWAY_READING_DIALOG (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->indicator);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_READING_DIALOG);
  G_OBJECT_CLASS (pathway_reading_dialog_parent_class)->dispose (object);
}

static void
pathway_reading_dialog_class_init (PathwayReadingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_reading_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "reading.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reading.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reading.cancel", NULL);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-reading-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PathwayReadingDialog, name)
  BIND (window_title);
  BIND (form);
  BIND (save_button);
  BIND (date_entry);
  BIND (date_caption);
  BIND (value_entry);
  BIND (unit_label);
  BIND (value_caption);
  BIND (note_entry);
  BIND (save_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
}

static void
pathway_reading_dialog_init (PathwayReadingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  pathway_editor_add_save_shortcut (GTK_WIDGET (self), "reading.save");
  self->read_only_label = pathway_editor_add_read_only_bar (ADW_WINDOW (self));
}

PathwayReadingDialog *
pathway_reading_dialog_new (GtkWindow        *parent,
                            PathwayDocument  *document,
                            PathwayIndicator *indicator,
                            PathwayReading   *reading)
{
  PathwayReadingDialog *self;
  const char *unit;
  g_autofree char *date_text = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (reading == NULL || PATHWAY_IS_READING (reading), NULL);

  self = g_object_new (PATHWAY_TYPE_READING_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->indicator = g_object_ref (indicator);
  self->indicator_id = pathway_indicator_get_id (indicator);
  self->reading = reading != NULL ? g_object_ref (reading) : NULL;
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);

  adw_window_title_set_title (self->window_title, reading == NULL ? _("New Reading")
                                                                  : _("Correct Reading"));
  adw_window_title_set_subtitle (self->window_title, pathway_indicator_get_name (indicator));
  gtk_window_set_title (GTK_WINDOW (self), reading == NULL ? _("New Reading")
                                                           : _("Correct Reading"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), reading == NULL ? _("_Add") : _("_Save"));

  unit = pathway_figure_unit_word (pathway_indicator_get_unit (indicator));
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit != NULL);

  if (reading == NULL)
    {
      GDate today, month_end;

      /* The figures of a month usually come in the month after. */
      pathway_document_get_today (document, &today);
      pathway_date_last_month_end (&today, &month_end);
      date_text = pathway_format_date (&month_end);
    }
  else
    {
      double value = pathway_reading_get_value (reading);
      g_autofree char *number = isfinite (value) ? pathway_figure_format_number (value) : NULL;

      date_text = pathway_format_date (pathway_reading_get_date (reading));
      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), number != NULL ? number : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), pathway_reading_get_note (reading));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date_text != NULL ? date_text : "");
  check_date (self, NULL);
  check_value (self, NULL);
  show_read_only (self);
  /* A server's connection lost or back while the dialog is open. */
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (show_read_only), self,
                           G_CONNECT_SWAPPED);

  /* The day is usually right: the value is what is typed first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
  return self;
}
