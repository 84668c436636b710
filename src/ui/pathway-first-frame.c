/* pathway-first-frame.c: prints when a window's first frame was painted (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pathway-first-frame.h"

/* Milliseconds since this process started, from the kernel's own start time. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  double up = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  /* The command name may hold spaces: the fields start after its closing parenthesis. */
  fields = strrchr (stat, ')');
  if (fields == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d "
              "%*d %*d %*d %llu", &start_ticks) != 1 ||
      sscanf (uptime, "%lf", &up) != 1)
    return -1;
  return (up - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

/* The most memory the process has held in RAM so far, in kB, or -1. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = -1;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL || sscanf (line + strlen ("\nVmHWM:"), "%ld", &kb) != 1)
    return -1;
  return kb;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  double age = process_age_ms ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  /* Measured from process start, so it includes loading GTK and opening the programme. */
  g_print ("first-frame: %.0f ms after process start, peak RSS %ld kB\n", age, peak_rss_kb ());
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, realize_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

void
pathway_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("PATHWAY_REPORT_FIRST_FRAME") == NULL ||
      gtk_widget_get_realized (GTK_WIDGET (window)))
    return;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
