/* fuzz-programme.c: a small programme for the fuzz harnesses, made through the document API
 * in a temporary folder that is removed when the process ends. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz-programme.h"

static char *dir;
static char *path;

static void
remove_programme (void)
{
  g_autofree char *lock = g_strconcat (path, "-lock", NULL);

  g_unlink (path);
  g_unlink (lock);
  g_rmdir (dir);
}

static void
add_action (PathwayDocument *document, const char *reference, PathwayWorkstream *workstream,
            PathwayPerson *lead, PathwayRating rating)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse ("Dec 18");

  pathway_action_set_reference (action, reference);
  pathway_action_set_description (action, "An action");
  pathway_action_set_workstream (action, workstream);
  pathway_action_set_lead (action, lead);
  pathway_action_set_rating (action, rating);
  pathway_action_set_original_timescale (action, timescale);
  if (!pathway_document_add_action (document, action, NULL))
    g_error ("could not add %s", reference);
}

PathwayDocument *
fuzz_programme_open (void)
{
  PathwayDocument *document;
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();
  g_autoptr(PathwayPerson) person = pathway_person_new ();

  dir = g_dir_make_tmp ("pathway-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    g_error ("no temporary folder");
  path = g_build_filename (dir, "fuzz.pathway", NULL);
  document = pathway_document_create (path, "Fuzz", NULL);
  if (document == NULL)
    g_error ("could not create %s", path);
  atexit (remove_programme);

  pathway_workstream_set_code (workstream, "A");
  pathway_workstream_set_title (workstream, "Co-production");
  pathway_person_set_name (person, "Aisha Begum");
  if (!pathway_document_add_workstream (document, workstream, NULL) ||
      !pathway_document_add_person (document, person, NULL))
    g_error ("could not make the fuzz programme");
  add_action (document, "1B ii", workstream, person, PATHWAY_RATING_RED);
  add_action (document, "1B iv", workstream, NULL, PATHWAY_RATING_AMBER);
  return document;
}
