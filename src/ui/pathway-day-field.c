/* pathway-day-field.c: a day typed into an entry row, with what it means at the row's end.
 *
 * While the person types, an unfinished day ("18 Nov") is not an error: the label is simply
 * empty until the text names a day. Only pathway_day_field_check, when the form is sent,
 * calls such text an error, and the next change of the text takes that back.
 *
 * The label is in the row only while it says something: a hidden suffix would still move the
 * row's edit icon out of line with the rows above (as the preferences window's date rows
 * found). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-day-field.h"
#include "pathway-editor-fields.h"

#define MEANING_KEY "pathway-day-meaning"

PathwayDayState
pathway_day_field_read (PathwayEntryRow *row,
                        GDate           *date)
{
  g_autofree char *text = pathway_editor_dup_entry_text (row);
  GDate day;

  if (*text == '\0')
    return PATHWAY_DAY_EMPTY;
  if (!pathway_editor_parse_day (text, &day))
    return PATHWAY_DAY_INVALID;
  if (date != NULL)
    *date = day;
  return PATHWAY_DAY_VALID;
}

static char *
format_long_day (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* TRANSLATORS: a day with its weekday, "Wednesday 18 November 2026" (a g_date_time_format()
   * format) */
  return g_date_time_format (time, _("%A %-d %B %Y"));
}

static void
show_meaning (PathwayEntryRow *row,
              gboolean         as_error)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), MEANING_KEY);
  GDate date;
  PathwayDayState state = pathway_day_field_read (row, &date);
  g_autofree char *day = state == PATHWAY_DAY_VALID ? format_long_day (&date) : NULL;

  gboolean shown;

  as_error = as_error && state == PATHWAY_DAY_INVALID;
  shown = day != NULL || as_error;
  gtk_label_set_text (label, day != NULL ? day : as_error ? _("Not a date") : "");
  if (shown && gtk_widget_get_parent (GTK_WIDGET (label)) == NULL)
    pathway_entry_row_add_suffix (row, GTK_WIDGET (label));
  else if (!shown && gtk_widget_get_parent (GTK_WIDGET (label)) != NULL)
    pathway_entry_row_remove (row, GTK_WIDGET (label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               as_error ? _("Write a date such as 14 March 2025") : NULL);
  if (as_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "date-error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "date-error");
    }
  pathway_editor_mark_error (row, as_error);
}

static void
text_changed_cb (PathwayEntryRow *row)
{
  show_meaning (row, FALSE);
}

void
pathway_day_field_attach (PathwayEntryRow *row)
{
  GtkWidget *label;

  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (row));

  label = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_set_name (label, "day-meaning");
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "day-meaning");
  /* Kept while out of the row. */
  g_object_set_data_full (G_OBJECT (row), MEANING_KEY, label, g_object_unref);
  pathway_editor_describe_with (row, GTK_LABEL (label));
  g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), NULL);
  show_meaning (row, FALSE);
}

gboolean
pathway_day_field_check (PathwayEntryRow *row)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (row), FALSE);

  if (pathway_day_field_read (row, NULL) != PATHWAY_DAY_INVALID)
    return TRUE;
  show_meaning (row, TRUE);
  return FALSE;
}
