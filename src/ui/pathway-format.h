/* pathway-format.h: how the views write dates and shares for people, the same way in every
 * view: "14 March 2026" for a day, a whole percentage for a share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A day in words, or NULL when the date is NULL or not set. */
char  *pathway_format_date      (const GDate *date);
/* The day of a moment, in the local time zone, in words. */
char  *pathway_format_day_of    (GDateTime   *time);
/* A moment in the local time zone, with its weekday and time: "Monday 7 December 2026, 09:30". */
char  *pathway_format_moment    (GDateTime   *time);
/* part as a whole percentage of whole, rounded to the nearest; 0 when whole is 0. */
guint  pathway_percent_of       (guint        part,
                                 guint        whole);
/* Sets the label's text (plain text, never markup) from a printf format. */
void   pathway_label_set_printf (GtkLabel    *label,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
