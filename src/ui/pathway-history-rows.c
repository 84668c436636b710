/* pathway-history-rows.c: the lines of a history row, the same in every history (see the
 * header). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-history-rows.h"

char *
pathway_history_format_moment (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (at);
  /* TRANSLATORS: a date and time in the history, as strftime: "14 July 2025, 10:00" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

GtkWidget *
pathway_history_caption_new (const char *text)
{
  GtkWidget *label = pathway_editor_plain_label (text, "caption");

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
pathway_history_byline_new (GDateTime  *at,
                            const char *author,
                            GDateTime  *recorded)
{
  g_autofree char *when = pathway_history_format_moment (at);
  g_autofree char *byline = NULL;

  /* TRANSLATORS: when and by whom a change was made: "14 July 2025, 10:00 · Priya Raman" */
  byline = author != NULL && *author != '\0' ? g_strdup_printf (_("%s · %s"), when, author)
                                             : g_strdup (when);
  /* A change brought in for a past day says when it was written, so the trail is whole. */
  if (recorded != NULL)
    {
      g_autofree char *written = pathway_history_format_moment (recorded);
      char *longer = g_strdup_printf (_("%s · recorded %s"), byline, written);

      g_free (byline);
      byline = longer;
    }
  return pathway_history_caption_new (byline);
}

GtkWidget *
pathway_history_arrow_new (void)
{
  GtkWidget *arrow = gtk_label_new ("→");

  gtk_widget_add_css_class (arrow, "history-change");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("changed to"), -1);
  g_object_set_data (G_OBJECT (arrow), PATHWAY_SPOKEN_KEY, (gpointer) _("changed to"));
  return arrow;
}

void
pathway_history_row_add_texts (GtkWidget  *row,
                               const char *note,
                               const char *detail,
                               const char *was)
{
  if (note != NULL && *note != '\0')
    pathway_editor_text_row_add (row, pathway_editor_plain_label (note, "history-note"));
  if (detail != NULL && *detail != '\0')
    pathway_editor_text_row_add (row, pathway_editor_plain_label (detail, "history-detail"));
  if (was != NULL && *was != '\0')
    {
      /* TRANSLATORS: what a field said before a change */
      g_autofree char *text = g_strdup_printf (_("Was: %s"), was);

      pathway_editor_text_row_add (row, pathway_history_caption_new (text));
    }
}
