/* pathway-preferences-window.c: preferences and programme settings. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-preferences-window.h"

struct _PathwayPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  PathwayDocument *document;
};

G_DEFINE_FINAL_TYPE (PathwayPreferencesWindow, pathway_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
pathway_preferences_window_dispose (GObject *object)
{
  PathwayPreferencesWindow *self = PATHWAY_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pathway_preferences_window_parent_class)->dispose (object);
}

static void
pathway_preferences_window_class_init (PathwayPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pathway_preferences_window_dispose;
}

static void
pathway_preferences_window_init (PathwayPreferencesWindow *self)
{
}

PathwayPreferencesWindow *
pathway_preferences_window_new (GtkWindow *parent, GSettings *settings,
                                PathwayDocument *document)
{
  PathwayPreferencesWindow *self = g_object_new (PATHWAY_TYPE_PREFERENCES_WINDOW,
                                                 "transient-for", parent, "modal", TRUE, NULL);

  g_set_object (&self->settings, settings);
  g_set_object (&self->document, document);
  return self;
}

void
pathway_preferences_window_show_programme (PathwayPreferencesWindow *self)
{
  g_return_if_fail (PATHWAY_IS_PREFERENCES_WINDOW (self));
}
