/* pathway-style.c: loads Pathway's style sheet from the resource. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-style.h"

const PathwayRating pathway_style_rating_order[PATHWAY_N_RATINGS] = {
  PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN, PATHWAY_RATING_BLUE,
  PATHWAY_RATING_NONE,
};

void
pathway_style_install (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "pathway-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/pathway/Pathway/ui/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "pathway-style", g_steal_pointer (&provider),
                          g_object_unref);
}

const char *
pathway_style_rating_class (PathwayRating rating)
{
  static const char *names[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };

  return (guint) rating < PATHWAY_N_RATINGS ? names[rating] : "none";
}
