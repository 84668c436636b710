/* pathway-application.c: the application object. Started with files or "postgresql://" URIs
 * of programmes on a server, it opens each in a window (or brings forward the window that
 * already shows it); started without, it opens the programme of last time, or else the demo
 * programme, which it writes on the first run so that there is always something to look at.
 *
 * The command line is read here rather than by GApplication's "open": that would make every
 * argument a GFile, and a URI of a scheme GIO does not know is not given back as written (its
 * query, which may name the server's socket, can be changed on the way). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathway-application.h"
#include "pathway-demo.h"
#include "pathway-remote.h"
#include "pathway-window.h"

struct _PathwayApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (PathwayApplication, pathway_application, ADW_TYPE_APPLICATION)

/* The window showing the programme at a path or URI. */
static PathwayWindow *
find_window_for (PathwayApplication *self,
                 const char         *location)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (PATHWAY_IS_WINDOW (l->data) && pathway_window_shows_location (l->data, location))
        return l->data;
    }
  return NULL;
}

static void
open_in_window (PathwayApplication *self,
                const char         *location)
{
  PathwayWindow *window = find_window_for (self, location);

  if (window == NULL)
    {
      window = pathway_window_new (GTK_APPLICATION (self));
      pathway_window_open_location (window, location);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* The file a start without arguments opens: last time's if it is still there, else the
 * demo programme, written now if this is the first run. */
static char *
choose_start_path (PathwayApplication *self,
                   GError            **error)
{
  g_autofree char *demo_path = pathway_application_dup_demo_path ();
  g_autofree char *folder = NULL;

  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-file");

      /* A programme on a server is tried again; whether it is there is known once connected. */
      if (last[0] != '\0' &&
          (pathway_location_is_remote (last) || g_file_test (last, G_FILE_TEST_IS_REGULAR)))
        return g_steal_pointer (&last);
    }

  if (g_file_test (demo_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&demo_path);

  folder = g_path_get_dirname (demo_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }
  if (!pathway_demo_write (demo_path, error))
    return NULL;

  return g_steal_pointer (&demo_path);
}

static void
pathway_application_activate (GApplication *application)
{
  PathwayApplication *self = PATHWAY_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PathwayWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = pathway_window_new (GTK_APPLICATION (self));
  path = choose_start_path (self, &error);
  if (path == NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      pathway_window_show_error (window, _("Could Not Write the Demo Programme"), error);
      return;
    }

  /* Opened before the window is shown, so that its first frame is the programme rather than
   * the empty page fading into it (a server's programme says it is connecting meanwhile). */
  pathway_window_open_location (window, path);
  gtk_window_present (GTK_WINDOW (window));
}

static void
pathway_application_open (GApplication *application,
                          GFile       **files,
                          int           n_files,
                          const char   *hint)
{
  PathwayApplication *self = PATHWAY_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *uri = g_file_get_uri (files[i]);
      PathwayWindow *window;

      if (path != NULL)
        {
          open_in_window (self, path);
          continue;
        }
      /* A server's URI given to "open" by another program. */
      if (pathway_location_is_remote (uri))
        {
          open_in_window (self, uri);
          continue;
        }
      /* Not a file on this computer: the window explains. */
      window = pathway_window_new (GTK_APPLICATION (self));
      pathway_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Run in the first instance, with the arguments of whichever started it: a URI of a programme
 * on a server is taken as written, anything else is a file named relative to the folder that
 * instance was started in. */
static int
pathway_application_command_line (GApplication            *application,
                                  GApplicationCommandLine *command_line)
{
  PathwayApplication *self = PATHWAY_APPLICATION (application);
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (command_line, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any = FALSE;

  for (guint i = 1; arguments[i] != NULL; i++)
    {
      any = TRUE;
      if (pathway_location_is_remote (arguments[i]))
        open_in_window (self, arguments[i]);
      else
        g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line,
                                                                                arguments[i]));
    }
  if (files->len > 0)
    g_application_open (application, (GFile **) files->pdata, (int) files->len, "");
  else if (!any)
    g_application_activate (application);
  return 0;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PathwayApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Pathway"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Pathway authors"));
  adw_about_window_set_comments (about,
                                 _("Keep a SEND improvement programme on track and report "
                                   "it to the board."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_release_notes_version (about, "0.1.0");
  adw_about_window_set_release_notes (about,
                                      _("<p>The first release.</p>"
                                        "<ul>"
                                        "<li>Shows a programme’s actions by rating, the share "
                                        "complete and the number overdue</li>"
                                        "<li>Explains why a file cannot be opened and what "
                                        "to do</li>"
                                        "<li>Opens a demo programme the first time it "
                                        "starts</li>"
                                        "</ul>"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  /* Quitting ends the main loop without closing the windows: each keeps its size now. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    {
      if (PATHWAY_IS_WINDOW (l->data))
        pathway_window_save_state (PATHWAY_WINDOW (l->data));
    }
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
pathway_application_startup (GApplication *application)
{
  PathwayApplication *self = PATHWAY_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (pathway_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  /* GtkApplication gives this key itself only when it finds the shortcuts window at its own
   * place, where it would build it for every window (pathway.gresource.xml). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = pathway_application_new_settings ();
}

static void
pathway_application_dispose (GObject *object)
{
  PathwayApplication *self = PATHWAY_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pathway_application_parent_class)->dispose (object);
}

static void
pathway_application_class_init (PathwayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pathway_application_dispose;
  application_class->activate = pathway_application_activate;
  application_class->open = pathway_application_open;
  application_class->command_line = pathway_application_command_line;
  application_class->startup = pathway_application_startup;
}

static void
pathway_application_init (PathwayApplication *self)
{
}

PathwayApplication *
pathway_application_new (void)
{
  return g_object_new (PATHWAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/pathway/Pathway",
                       NULL);
}

GSettings *
pathway_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

char *
pathway_application_dup_demo_path (void)
{
  /* The name is the file's, not a sentence: it stays the same in every language so that a
   * change of language does not write a second demo. */
  return g_build_filename (g_get_user_data_dir (), "pathway", "Demo programme.pathway", NULL);
}
