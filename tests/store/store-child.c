/* store-child.c: a second process for the store tests, since only another process shows what
 * file locks and crashes do.
 *
 *   store-child hold FILE     opens FILE, prints "ready" and keeps it open until its standard
 *                             input closes (or it is killed)
 *   store-child edit FILE N   opens FILE, prints "ready", then makes N edits, each its own
 *                             transaction, and after each one the document acknowledges prints
 *                             "EDIT ACTION-ID TOKEN KIND VALUE" (see store-fixture.h)
 *
 * Lines go to standard output and are flushed at once, so a parent that kills this process
 * knows exactly which edits were acknowledged. Errors go to standard error, exit status 1. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store-fixture.h"

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = pathway_action_get_id (*(PathwayAction **) a);
  gint64 y = pathway_action_get_id (*(PathwayAction **) b);

  return (x > y) - (x < y);
}

static void
say (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  fflush (stdout);
}

static int
hold (PathwayDocument *document)
{
  char buffer[256];

  say ("ready\n");
  /* Until the parent closes our standard input. */
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;
  pathway_document_close (document);
  return 0;
}

static int
edit (PathwayDocument *document, guint n_edits)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list = pathway_programme_get_actions (pathway_document_get_programme (document));
  gint64 pid = getpid ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      PathwayAction *action = g_list_model_get_item (list, i);

      if (pathway_action_get_deleted (action))
        g_object_unref (action);
      else
        g_ptr_array_add (actions, action);
    }
  if (actions->len < STORE_EDIT_N_ACTIONS)
    {
      g_printerr ("store-child: the file has %u actions; %d are needed\n", actions->len,
                  STORE_EDIT_N_ACTIONS);
      return 1;
    }
  g_ptr_array_sort (actions, compare_ids);

  say ("ready\n");
  for (guint n = 1; n <= n_edits; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = store_edit_token (pid, n);
      PathwayAction *action = g_ptr_array_index (actions, store_edit_action_index (n));
      gint64 id = pathway_action_get_id (action);

      if (store_edit_is_rating (n))
        {
          PathwayRating rating = store_edit_next_rating (pathway_action_get_rating (action));

          if (!pathway_document_set_rating (document, action, rating, token, &error))
            {
              g_printerr ("store-child: edit %u: %s\n", n, error->message);
              return 1;
            }
          say ("%u %" G_GINT64_FORMAT " %s rating %s\n", n, id, token,
               pathway_rating_to_nick (rating));
        }
      else
        {
          g_autofree char *commentary = store_edit_commentary (token, n);

          if (!pathway_document_set_commentary (document, action, commentary, &error))
            {
              g_printerr ("store-child: edit %u: %s\n", n, error->message);
              return 1;
            }
          say ("%u %" G_GINT64_FORMAT " %s commentary -\n", n, id, token);
        }
    }

  pathway_document_close (document);
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  gboolean holding;

  if (argc < 3 || !(g_str_equal (argv[1], "hold") || g_str_equal (argv[1], "edit"))
      || (g_str_equal (argv[1], "edit") && argc < 4))
    {
      g_printerr ("usage: store-child hold FILE | store-child edit FILE N\n");
      return 2;
    }
  holding = g_str_equal (argv[1], "hold");

  document = pathway_document_open (argv[2], PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    {
      g_printerr ("store-child: %s\n", error->message);
      return 1;
    }
  pathway_document_set_author (document, "Child process");

  if (holding)
    return hold (document);
  return edit (document, (guint) g_ascii_strtoull (argv[3], NULL, 10));
}
