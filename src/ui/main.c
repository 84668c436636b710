/* main.c: starts the Pathway application. Everything else is in the pathway-ui library, so
 * the tests run the very code that ships. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pathway-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PathwayApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Pathway"));

  application = pathway_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
