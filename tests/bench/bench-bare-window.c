/* bench-bare-window.c: the yardstick for Pathway's start-up. A bare libadwaita application
 * showing one AdwApplicationWindow, as big as Pathway's first window, with a header bar and a
 * label: what any libadwaita application pays before its first frame. It reports that frame
 * through the same code as Pathway's window (pathway-first-frame.c, built into this program
 * on its own, so that nothing else of Pathway is loaded). bench-startup runs it beside
 * Pathway. */
#define G_LOG_DOMAIN "pathway-bench"

#include <adwaita.h>

#include "pathway-first-frame.h"

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("A bare window");

  /* Pathway's window size when it has no settings yet (the schema's defaults). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  pathway_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("org.pathway.Pathway.BenchBareWindow",
                                     G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
