/* pathway-first-frame.h: when a window's first frame is drawn, for the start-up benchmark.
 * With PATHWAY_REPORT_FIRST_FRAME set, a window watched here prints one line after its first
 * frame is painted:
 *   first-frame: 412 ms after process start, peak RSS 97480 kB
 * The time is measured from the kernel's start of the process, so it includes loading the
 * libraries and GTK; the peak RSS is the process's high-water mark (VmHWM) at that moment.
 * The bare libadwaita window of tests/bench is built from this same file, so the two report
 * in exactly the same way. It uses GTK only. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Does nothing unless PATHWAY_REPORT_FIRST_FRAME is set; call it before the window is shown. */
void pathway_first_frame_watch (GtkWindow *window);

G_END_DECLS
