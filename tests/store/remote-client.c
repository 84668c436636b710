/* remote-client.c: one client of a programme on a PostgreSQL server, as its own process and
 * signed in as its own role, for the concurrency and kill tests (test-concurrency.c). Only
 * separate processes on separate connections show what the server does when clients commit at
 * the same moment or die in the middle of a commit.
 *
 *   remote-client edit URI N SEED
 *       opens the programme at URI, prints "ready", then makes N edits, each its own commit:
 *       edit E re-rates an action (noted "edit E by AUTHOR") or sets its commentary to
 *       "AUTHOR: edit E", choosing action and field with SEED. After each edit it prints
 *         ok TAB REF TAB rating|commentary TAB VALUE TAB COMMIT-SEEN-AFTER
 *       or, for a change the server refused because someone changed the value first,
 *         refused TAB REF TAB rating|commentary TAB MESSAGE
 *       and then catches up, as a person's copy does once told; it also catches up after
 *       about one edit in four. Then it prints "done" and waits for a line on its standard
 *       input, catches up once more and prints, for every action,
 *         final TAB REF TAB RATING TAB COMMENTARY TAB COMMIT-SEEN
 *       and "end".
 *
 *   remote-client batch URI MARKER N
 *       opens the programme, prints "ready", begins a batch, adds N people named
 *       "MARKER person I" and sets every action's commentary to "MARKER action REF", printing
 *       "changed K" after each change; then prints "committing", commits the batch and prints
 *       "committed SEEN". The test kills it somewhere along the way.
 *
 * Lines are flushed as they are written, so a parent that kills this process knows what it
 * had done. Anything unexpected (an error that is not a refusal) goes to standard error as
 * "error ..." with exit status 1. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathway-document.h"
#include "pathway-remote.h"

static void say (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  fflush (stdout);
}

static G_GNUC_NORETURN void
fail (const char *what, const GError *error)
{
  g_printerr ("error: %s: %s (%s %d)\n", what, error ? error->message : "failed",
              error ? g_quark_to_string (error->domain) : "-", error ? error->code : 0);
  exit (1);
}

/* Tabs and line ends would split the line the parent reads. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "\t\r\n", ' ');
  return copy;
}

/* The programme's actions, by reference. */
static GPtrArray *
list_actions (PathwayDocument *document)
{
  GListModel *model = pathway_programme_get_actions (pathway_document_get_programme (document));
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (actions, g_list_model_get_item (model, i));
  return actions;
}

static void
catch_up (PathwayDocument *document)
{
  g_autoptr (GError) error = NULL;

  if (!pathway_document_catch_up (document, NULL, &error))
    fail ("catching up", error);
}

static PathwayRating
other_rating (GRand *rand, PathwayRating current)
{
  PathwayRating rating;

  do
    rating = (PathwayRating) g_rand_int_range (rand, PATHWAY_RATING_RED, PATHWAY_RATING_GREEN + 1);
  while (rating == current);
  return rating;
}

static int
edit (PathwayDocument *document, guint n_edits, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) actions = list_actions (document);
  const char *author = pathway_document_get_author (document);
  char line[64];

  if (actions->len == 0)
    {
      g_printerr ("error: the programme has no actions\n");
      return 1;
    }
  say ("ready\n");
  for (guint e = 1; e <= n_edits; e++)
    {
      /* Looked up again each time: a catch-up that reads the programme again replaces it. */
      g_autoptr (GPtrArray) current = list_actions (document);
      PathwayAction *action = g_ptr_array_index (current, g_rand_int_range (rand, 0,
                                                                             current->len));
      const char *reference = pathway_action_get_reference (action);
      gboolean rating_edit = g_rand_boolean (rand);
      g_autoptr (GError) error = NULL;
      g_autofree char *value = NULL;
      gboolean ok;

      if (rating_edit)
        {
          PathwayRating rating = other_rating (rand, pathway_action_get_rating (action));
          g_autofree char *note = g_strdup_printf ("edit %u by %s", e, author);

          value = g_strdup (pathway_rating_to_nick (rating));
          ok = pathway_document_set_rating (document, action, rating, note, &error);
        }
      else
        {
          value = g_strdup_printf ("%s: edit %u", author, e);
          ok = pathway_document_set_commentary (document, action, value, &error);
        }
      if (ok)
        say ("ok\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n", reference,
             rating_edit ? "rating" : "commentary", value,
             pathway_document_get_commit_seen (document));
      else if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_CONFLICT))
        {
          g_autofree char *message = one_line (error->message);

          say ("refused\t%s\t%s\t%s\n", reference, rating_edit ? "rating" : "commentary",
               message);
        }
      else
        fail ("editing", error);
      /* Told of a conflict, a person's copy shows what is there now. */
      if (!ok || g_rand_int_range (rand, 0, 4) == 0)
        catch_up (document);
    }

  say ("done\n");
  if (fgets (line, sizeof line, stdin) == NULL)
    return 0;
  catch_up (document);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = list_actions (document);
  for (guint i = 0; i < actions->len; i++)
    {
      PathwayAction *action = g_ptr_array_index (actions, i);
      g_autofree char *commentary = one_line (pathway_action_get_commentary (action));

      say ("final\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n", pathway_action_get_reference (action),
           pathway_rating_to_nick (pathway_action_get_rating (action)), commentary,
           pathway_document_get_commit_seen (document));
    }
  say ("end\n");
  return 0;
}

static int
batch (PathwayDocument *document, const char *marker, guint n_people)
{
  g_autoptr (GPtrArray) actions = list_actions (document);
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  say ("ready\n");
  if (!pathway_document_begin_batch (document, "Marked changes", &error))
    fail ("beginning the batch", error);
  for (guint i = 1; i <= n_people; i++)
    {
      g_autoptr (PathwayPerson) person = pathway_person_new ();
      g_autofree char *name = g_strdup_printf ("%s person %u", marker, i);

      pathway_person_set_name (person, name);
      if (!pathway_document_add_person (document, person, &error))
        fail ("adding a person", error);
      say ("changed %u\n", ++changed);
    }
  for (guint i = 0; i < actions->len; i++)
    {
      PathwayAction *action = g_ptr_array_index (actions, i);
      g_autofree char *commentary = g_strdup_printf ("%s action %s", marker,
                                                     pathway_action_get_reference (action));

      if (!pathway_document_set_commentary (document, action, commentary, &error))
        fail ("setting the commentary", error);
      say ("changed %u\n", ++changed);
    }
  say ("committing\n");
  if (!pathway_document_commit_batch (document, &error))
    fail ("committing the batch", error);
  say ("committed %" G_GINT64_FORMAT "\n", pathway_document_get_commit_seen (document));
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PathwayDocument) document = NULL;
  const char *mode = argc > 1 ? argv[1] : "";
  int status;

  if (argc != 5 || !(g_str_equal (mode, "edit") || g_str_equal (mode, "batch")))
    {
      g_printerr ("usage: remote-client edit URI N SEED | remote-client batch URI MARKER N\n");
      return 2;
    }
  document = pathway_document_open (argv[2], PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    fail ("opening the programme", error);
  if (g_str_equal (mode, "edit"))
    status = edit (document, (guint) g_ascii_strtoull (argv[3], NULL, 10),
                   (guint32) g_ascii_strtoull (argv[4], NULL, 10));
  else
    status = batch (document, argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));
  pathway_document_close (document);
  return status;
}
