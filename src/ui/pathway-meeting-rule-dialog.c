/* pathway-meeting-rule-dialog.c: a board's meetings added by a rule (see the header).
 *
 * The rule's parts are chosen in combo rows and the number of meetings in a spin button; on
 * every change the days are worked out again with pathway_meeting_rule_next_dates and listed,
 * a day the board already has a meeting on marked and left out. Add writes the meetings with
 * pathway_document_add_fields (board by UUID, day as YYYY-MM-DD, time, venue) inside one
 * batch, so a refused one leaves none and one undo takes them all back. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-meeting-rule-dialog.h"

#define MAX_EVERY_MONTHS 12

struct _PathwayMeetingRuleDialog
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  PathwayBoard *board;
  GArray *dates; /* GDate: the days to add */

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton *add_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  AdwComboRow *week_row;
  AdwComboRow *weekday_row;
  AdwComboRow *every_row;
  PathwayEntryRow *after_row;
  GtkLabel *after_meaning;
  GtkSpinButton *count_spin;
  PathwayEntryRow *time_row;
  PathwayEntryRow *venue_row;
  GtkLabel *rule_label;
  GtkListBox *dates_list;
};

G_DEFINE_FINAL_TYPE (PathwayMeetingRuleDialog, pathway_meeting_rule_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The week rows' order: the first to the fourth, then the last. */
static int
week_of (guint position)
{
  return position < 4 ? (int) position + 1 : -1;
}

static void
read_rule (PathwayMeetingRuleDialog *self,
           PathwayMeetingRule       *rule)
{
  rule->week = week_of (adw_combo_row_get_selected (self->week_row));
  rule->weekday =
    (GDateWeekday) (adw_combo_row_get_selected (self->weekday_row) + G_DATE_MONDAY);
  rule->every_months = adw_combo_row_get_selected (self->every_row) + 1;
}

/* "Wednesday 21 January 2026". */
static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (day),
                                                     g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  /* TRANSLATORS: a meeting's day with its weekday, as in "Wednesday 21 January 2026" (a
   * g_date_time_format() format) */
  return g_date_time_format (time, _("%A %-d %B %Y"));
}

static gboolean
board_meets_on (PathwayMeetingRuleDialog *self,
                const GDate              *day)
{
  GListModel *meetings = pathway_board_get_meetings (self->board);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);
      const GDate *date = pathway_meeting_get_date (meeting);

      if (date != NULL && g_date_valid (date) && g_date_compare (date, day) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
day_row_new (const GDate *day,
             gboolean     taken)
{
  g_autofree char *words = format_day (day);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words);
  gtk_widget_set_name (row, "date-row");
  if (taken)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The board already meets on this day: left out"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_name (row, "taken-date-row");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (taken ? "action-unavailable-symbolic"
                                                                 : "x-office-calendar-symbolic"));
  return row;
}

/* Works the days out again from the rule and shows them. */
static void
update_dates (PathwayMeetingRuleDialog *self)
{
  PathwayMeetingRule rule;
  g_autofree char *after_text = pathway_editor_dup_entry_text (self->after_row);
  g_autofree char *description = NULL;
  g_autofree char *rule_words = NULL;
  g_autofree char *add_label = NULL;
  g_autoptr(GArray) days = NULL;
  guint count = gtk_spin_button_get_value_as_int (self->count_spin);
  GDate after;

  g_array_set_size (self->dates, 0);
  pathway_editor_clear_list_box (self->dates_list);
  read_rule (self, &rule);
  rule_words = pathway_meeting_rule_describe (&rule);

  if (!pathway_date_parse_iso (after_text, &after))
    {
      gtk_label_set_text (self->after_meaning, _("Not a day: write YYYY-MM-DD"));
      gtk_widget_add_css_class (GTK_WIDGET (self->after_meaning), "error");
      pathway_editor_mark_error (self->after_row, TRUE);
    }
  else
    {
      g_autofree char *words = pathway_format_date (&after);

      gtk_label_set_text (self->after_meaning, words);
      gtk_widget_remove_css_class (GTK_WIDGET (self->after_meaning), "error");
      pathway_editor_mark_error (self->after_row, FALSE);
      days = pathway_meeting_rule_next_dates (&rule, &after, count);
    }

  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      const GDate *day = &g_array_index (days, GDate, i);
      gboolean taken = board_meets_on (self, day);

      gtk_list_box_append (self->dates_list, day_row_new (day, taken));
      if (!taken)
        g_array_append_vals (self->dates, day, 1);
    }
  if (days == NULL)
    gtk_list_box_append (self->dates_list,
                         pathway_editor_placeholder_row_new (_("Give the day to start after, "
                                                               "written YYYY-MM-DD.")));

  /* TRANSLATORS: what the rule gives: "On the third Wednesday of every month" */
  description = g_strdup_printf (_("On %s"), rule_words);
  gtk_label_set_text (self->rule_label, description);

  add_label = self->dates->len > 0
                ? g_strdup_printf (ngettext ("_Add %u Meeting", "_Add %u Meetings",
                                             self->dates->len), self->dates->len)
                : g_strdup (_("_Add"));
  gtk_button_set_label (self->add_button, add_label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.add",
                                 self->dates->len > 0 &&
                                   !pathway_document_get_read_only (self->document));
}

/* Adding --------------------------------------------------------------------------------------- */

static gboolean
add_meetings (PathwayMeetingRuleDialog *self,
              GError                  **error)
{
  const PathwayKind *kind = pathway_kind_lookup ("meeting");
  g_autofree char *time = pathway_editor_dup_entry_text (self->time_row);
  g_autofree char *venue = pathway_editor_dup_entry_text (self->venue_row);
  g_autofree char *label = NULL;
  const char *fields[] = { "board", "date", "time", "venue", NULL };

  /* TRANSLATORS: the undo step of adding meetings by a rule: "Add meetings of SEND Board" */
  label = g_strdup_printf (_("Add meetings of %s"), pathway_board_get_name (self->board));
  if (!pathway_document_begin_batch (self->document, label, error))
    return FALSE;
  for (guint i = 0; i < self->dates->len; i++)
    {
      g_autofree char *day = pathway_date_format_iso (&g_array_index (self->dates, GDate, i));
      const char *values[] = { pathway_record_get_uuid (self->board), day, time, venue, NULL };

      if (!pathway_document_add_fields (self->document, kind, fields, values, NULL, error))
        {
          pathway_document_rollback_batch (self->document);
          return FALSE;
        }
    }
  return pathway_document_commit_batch (self->document, error);
}

gboolean
pathway_meeting_rule_dialog_add (PathwayMeetingRuleDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (PATHWAY_IS_MEETING_RULE_DIALOG (self), FALSE);

  n = self->dates->len;
  if (n == 0 || pathway_document_get_read_only (self->document))
    return FALSE;
  if (!add_meetings (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[ADDED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pathway_meeting_rule_dialog_add (PATHWAY_MEETING_RULE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Choices -------------------------------------------------------------------------------------- */

static void
fill_choices (PathwayMeetingRuleDialog *self)
{
  const char *weeks[] = { _("First"), _("Second"), _("Third"), _("Fourth"), _("Last"), NULL };
  const char *weekdays[] = { _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"),
                             _("Friday"), _("Saturday"), _("Sunday"), NULL };
  g_autoptr(GtkStringList) week_list = gtk_string_list_new (weeks);
  g_autoptr(GtkStringList) weekday_list = gtk_string_list_new (weekdays);
  g_autoptr(GtkStringList) every_list = gtk_string_list_new (NULL);

  for (int months = 1; months <= MAX_EVERY_MONTHS; months++)
    {
      g_autofree char *text = NULL;

      if (months == 1)
        text = g_strdup (_("Every month"));
      else if (months == 2)
        text = g_strdup (_("Every other month"));
      else
        text = g_strdup_printf (ngettext ("Every %d month", "Every %d months", months), months);
      gtk_string_list_append (every_list, text);
    }
  adw_combo_row_set_model (self->week_row, G_LIST_MODEL (week_list));
  adw_combo_row_set_model (self->weekday_row, G_LIST_MODEL (weekday_list));
  adw_combo_row_set_model (self->every_row, G_LIST_MODEL (every_list));
}

/* The board's last dated meeting, or NULL. */
static PathwayMeeting *
last_meeting (PathwayBoard *board)
{
  GListModel *meetings = pathway_board_get_meetings (board);
  PathwayMeeting *last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);
      const GDate *date = pathway_meeting_get_date (meeting);

      if (date != NULL && g_date_valid (date))
        last = meeting; /* the board holds it */
    }
  return last;
}

static void
start_from_board (PathwayMeetingRuleDialog *self)
{
  PathwayMeeting *last = last_meeting (self->board);
  g_autofree char *after_text = NULL;
  GDate after;

  pathway_document_get_today (self->document, &after);
  if (last != NULL && g_date_compare (pathway_meeting_get_date (last), &after) > 0)
    after = *pathway_meeting_get_date (last);
  after_text = pathway_date_format_iso (&after);
  gtk_editable_set_text (GTK_EDITABLE (self->after_row), after_text);
  if (last != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), pathway_meeting_get_time (last));
      gtk_editable_set_text (GTK_EDITABLE (self->venue_row),
                             pathway_meeting_get_location (last));
    }
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_meeting_rule_dialog_dispose (GObject *object)
{
  PathwayMeetingRuleDialog *self = PATHWAY_MEETING_RULE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_MEETING_RULE_DIALOG);
  g_clear_pointer (&self->dates, g_array_unref);
  g_clear_object (&self->board);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_meeting_rule_dialog_parent_class)->dispose (object);
}

static void
pathway_meeting_rule_dialog_class_init (PathwayMeetingRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_meeting_rule_dialog_dispose;

  /**
   * PathwayMeetingRuleDialog::added:
   * @count: how many meetings were added
   *
   * After the meetings were added, before the dialog closes.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-meeting-rule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog,
                                        error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, week_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, every_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, after_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog,
                                        after_meaning);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayMeetingRuleDialog, dates_list);

  gtk_widget_class_install_action (widget_class, "rule.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rule.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "rule.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "rule.add", NULL);
}

static void
pathway_meeting_rule_dialog_init (PathwayMeetingRuleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  self->dates = g_array_new (FALSE, TRUE, sizeof (GDate));
  fill_choices (self);
  pathway_editor_set_choice_items (self->week_row, PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
  pathway_editor_set_choice_items (self->weekday_row, PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
  pathway_editor_set_choice_items (self->every_row, PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
}

PathwayMeetingRuleDialog *
pathway_meeting_rule_dialog_new (GtkWindow       *parent,
                                 PathwayDocument *document,
                                 PathwayBoard    *board)
{
  PathwayMeetingRuleDialog *self;
  /* A common rule, to change from. */
  const PathwayMeetingRule usual = { G_DATE_WEDNESDAY, 3, 1 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_BOARD (board), NULL);

  self = g_object_new (PATHWAY_TYPE_MEETING_RULE_DIALOG, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->document = g_object_ref (document);
  self->board = g_object_ref (board);
  /* The board's name is the user's text: the subtitle shows it as written. */
  adw_window_title_set_subtitle (self->window_title, pathway_board_get_name (board));
  start_from_board (self);
  pathway_meeting_rule_dialog_set_rule (self, &usual, 6);

  g_signal_connect_object (self->week_row, "notify::selected", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weekday_row, "notify::selected", G_CALLBACK (update_dates),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->every_row, "notify::selected", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->after_row, "changed", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->count_spin, "value-changed", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  update_dates (self);
  return self;
}

void
pathway_meeting_rule_dialog_set_rule (PathwayMeetingRuleDialog *self,
                                      const PathwayMeetingRule *rule,
                                      guint                     count)
{
  g_return_if_fail (PATHWAY_IS_MEETING_RULE_DIALOG (self));
  g_return_if_fail (rule != NULL);

  adw_combo_row_set_selected (self->week_row, rule->week > 0 ? (guint) rule->week - 1 : 4);
  adw_combo_row_set_selected (self->weekday_row, rule->weekday - G_DATE_MONDAY);
  adw_combo_row_set_selected (self->every_row, CLAMP (rule->every_months, 1,
                                                      MAX_EVERY_MONTHS) - 1);
  gtk_spin_button_set_value (self->count_spin, count);
}

GArray *
pathway_meeting_rule_dialog_dup_dates (PathwayMeetingRuleDialog *self)
{
  GArray *dates;

  g_return_val_if_fail (PATHWAY_IS_MEETING_RULE_DIALOG (self), NULL);

  dates = g_array_sized_new (FALSE, TRUE, sizeof (GDate), self->dates->len);
  g_array_append_vals (dates, self->dates->data, self->dates->len);
  return dates;
}
