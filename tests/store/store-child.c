/* store-child.c: a second process for the store tests, since only another process shows what
 * file locks and crashes do.
 *
 *   store-child hold FILE     opens FILE, prints "ready" and keeps it open until its standard
 *                             input closes (or it is killed)
 *   store-child edit FILE N   opens FILE, prints "ready", then makes N edits, each its own
 *                             transaction, and after each one the document acknowledges prints
 *                             "EDIT ACTION-ID TOKEN KIND VALUE" (see store-fixture.h)
 *   store-child import FILE CSV
 *                             opens FILE, prints "ready", then imports the tracker CSV through
 *                             the exchange API (sheet, guessed mapping, plan, apply) as one
 *                             batch; prints "added N" each time the batch adds an action (N
 *                             counting from 1) and "imported N" once the import was
 *                             acknowledged, then keeps the file open until its standard input
 *                             closes (or it is killed)
 *
 * The file is opened without a backup (PATHWAY_OPEN_NO_BACKUP). Lines go to standard output
 * and are flushed at once, so a parent that kills this process knows exactly which edits were
 * acknowledged. Errors go to standard error, exit status 1. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pathway-exchange.h"
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

/* Until the parent closes our standard input. */
static void
wait_for_stdin_to_close (void)
{
  char buffer[256];

  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;
}

static int
hold (PathwayDocument *document)
{
  say ("ready\n");
  wait_for_stdin_to_close ();
  pathway_document_close (document);
  return 0;
}

/* The batch adds actions to the model one by one as each is written (inside the batch's
 * transaction), so each line marks how far the import has got before its commit. */
static void
on_actions_changed (GListModel *actions, guint position, guint removed, guint added,
                    guint *n_added)
{
  for (guint i = 0; i < added; i++)
    say ("added %u\n", ++*n_added);
}

static int
import (PathwayDocument *document, const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayImportMapping) mapping = NULL;
  g_autoptr(PathwayImportPlan) plan = NULL;
  GListModel *actions;
  guint n_added = 0;
  gulong handler;

  say ("ready\n");
  sheet = pathway_sheet_read (csv, NULL, &error);
  if (sheet == NULL)
    {
      g_printerr ("store-child: %s\n", error->message);
      return 1;
    }
  mapping = pathway_import_guess_mapping (sheet);
  plan = pathway_import_plan (sheet, mapping, document, NULL);
  if (pathway_import_plan_has_errors (plan))
    {
      g_autofree char *first = pathway_import_problem_to_string (
        pathway_import_plan_get_problem (plan, 0));

      g_printerr ("store-child: the plan has errors: %s\n", first);
      return 1;
    }

  actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  handler = g_signal_connect (actions, "items-changed", G_CALLBACK (on_actions_changed),
                              &n_added);
  if (!pathway_import_apply (plan, document, &error))
    {
      g_printerr ("store-child: %s\n", error->message);
      return 1;
    }
  g_signal_handler_disconnect (actions, handler);
  say ("imported %u\n", pathway_import_plan_get_n_added (plan));

  wait_for_stdin_to_close ();
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
  const char *mode = argc > 1 ? argv[1] : "";

  if (argc < 3 || !(g_str_equal (mode, "hold") || g_str_equal (mode, "edit")
                    || g_str_equal (mode, "import"))
      || (!g_str_equal (mode, "hold") && argc < 4))
    {
      g_printerr ("usage: store-child hold FILE | store-child edit FILE N"
                  " | store-child import FILE CSV\n");
      return 2;
    }

  /* No backup at open: "ready" comes after the open, so no test kills one, and a copy of the
   * file at each of the crash test's runs would only make the runs slower. */
  document = pathway_document_open (argv[2], PATHWAY_OPEN_NO_BACKUP, &error);
  if (document == NULL)
    {
      g_printerr ("store-child: %s\n", error->message);
      return 1;
    }
  pathway_document_set_author (document, "Child process");

  if (g_str_equal (mode, "hold"))
    return hold (document);
  if (g_str_equal (mode, "import"))
    return import (document, argv[3]);
  return edit (document, (guint) g_ascii_strtoull (argv[3], NULL, 10));
}
