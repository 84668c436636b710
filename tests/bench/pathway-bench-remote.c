/* pathway-bench-remote.c: the store's figures for programmes on a PostgreSQL server, over the
 * loopback (the server build-aux/bench starts, PATHWAY_TEST_PG): opening the demo and the
 * benchmark's large programme from the server, one edit until the server acknowledges it, and
 * a change made in one client until it shows in another client's model. The other client
 * watches the server as the window does (pathway_document_watch), here in the same process
 * with the main context iterated until its model shows the change, so the figure covers the
 * writer's commit, the notification, the watcher's catch-up and its model update.
 *
 * Each client signs in as an ordinary role of its own, as people do. */
#define G_LOG_DOMAIN "pathway-bench"

#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pathway-bench.h"
#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-remote.h"
#include "pg-test-util.h"

#define N_DEMO_OPENS 10
#define N_BIG_OPENS 3

#define TARGET_SEEN_P95_MS 200.0
#define TARGET_DEMO_OPEN_MS 300.0
#define TARGET_BIG_OPEN_MS 1500.0
#define TARGET_EDIT_MS 10.0

/* A change not seen within this long is a failure, not a slow figure. */
#define SEEN_TIMEOUT_SECONDS 30

/* A database holding the programme of the file at 'path', and its URI signed in as 'role'. */
/* A sign-in role that manages the programme (who may change what: test-access.c), as a URI. */
static char *
give_access (const char *base, const char *db, const char *role, const char *person)
{
  g_autoptr (GError) error = NULL;

  if (!pathway_server_add_user (db, NULL, role, person, PATHWAY_ACCESS_MANAGER, NULL, &error))
    die ("give access", error);
  return pathway_test_pg_add_role (base, role, db);
}

static char *
upload (const char *path, const char *role, double *upload_ms, char **db_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *db = pathway_test_pg_new_database ();
  char *uri;
  gint64 start = g_get_monotonic_time ();

  if (!pathway_server_upload (path, db, NULL, &error))
    die ("upload", error);
  if (upload_ms != NULL)
    *upload_ms = ms_since (start);
  uri = give_access (base, db, role, "Bench Writer");
  if (db_out != NULL)
    *db_out = g_steal_pointer (&db);
  return uri;
}

static PathwayDocument *
open_remote (const char *uri)
{
  g_autoptr (GError) error = NULL;
  PathwayDocument *document = pathway_document_open (uri, PATHWAY_OPEN_DEFAULT, &error);

  if (document == NULL)
    die ("open from the server", error);
  return document;
}

/* Median of 'n' opens, each until the model holds every action. */
static double
time_opens (const char *uri, guint n, guint *n_actions)
{
  g_autofree double *samples = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PathwayDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();

      document = open_remote (uri);
      *n_actions = g_list_model_get_n_items (
        pathway_programme_get_actions (pathway_document_get_programme (document)));
      samples[i] = ms_since (start);
      pathway_document_close (document);
    }
  return median (samples, n);
}

static PathwayRating
next_rating (PathwayRating rating)
{
  return rating == PATHWAY_RATING_AMBER ? PATHWAY_RATING_GREEN : PATHWAY_RATING_AMBER;
}

static gboolean
set_rating (PathwayDocument *document, PathwayAction *action, PathwayRating rating,
            GError **error)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, PATHWAY_TYPE_RATING);
  g_value_set_enum (&value, rating);
  return pathway_document_set_value (document, action, "rating", &value, NULL, error);
}

/* 'n' edits of a rating, each timed until set_value returns: the server has acknowledged it. */
static void
time_edits (PathwayDocument *document, guint n, double *median_ms, double *p95_ms)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  guint n_actions = g_list_model_get_n_items (actions);
  g_autofree double *samples = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (actions, (i * 7919u) % n_actions);
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!set_rating (document, action, next_rating (pathway_action_get_rating (action)),
                       &error))
        die ("edit on the server", error);
      samples[i] = ms_since (start);
    }
  *median_ms = median (samples, n);
  *p95_ms = percentile (samples, n, 95);
}

static gboolean
seen_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* 'n' re-ratings by the writer, each timed from the start of the edit until the watcher's model
 * shows it. */
static void
time_seen (PathwayDocument *writer, PathwayDocument *watcher, guint n, double *median_ms,
           double *p95_ms)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (writer));
  guint n_actions = g_list_model_get_n_items (actions);
  g_autofree double *samples = g_new (double, n);

  pathway_document_watch (watcher, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PathwayAction) action = g_list_model_get_item (actions, (i * 7919u) % n_actions);
      PathwayRating rating = next_rating (pathway_action_get_rating (action));
      gint64 id = pathway_action_get_id (action);
      g_autoptr (GError) error = NULL;
      gboolean timed_out = FALSE;
      guint timeout;
      gint64 start = g_get_monotonic_time ();

      if (!set_rating (writer, action, rating, &error))
        die ("edit on the server", error);
      timeout = g_timeout_add_seconds (SEEN_TIMEOUT_SECONDS, seen_timeout, &timed_out);
      /* Looked up each time: a catch-up that cannot follow a change reads the programme again. */
      while (pathway_action_get_rating (pathway_programme_find_action (
               pathway_document_get_programme (watcher), id)) != rating)
        {
          g_main_context_iteration (NULL, TRUE);
          if (timed_out)
            {
              g_printerr ("pathway-bench: the other client did not see change %u within %d s\n",
                          i + 1, SEEN_TIMEOUT_SECONDS);
              exit (1);
            }
        }
      samples[i] = ms_since (start);
      g_source_remove (timeout);
    }
  pathway_document_watch (watcher, FALSE);
  *median_ms = median (samples, n);
  *p95_ms = percentile (samples, n, 95);
}

void
bench_remote (const char *dir, const char *big_path, guint n_changes, guint *missed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo_path = g_build_filename (dir, "demo.pathway", NULL);
  g_autofree char *demo_uri = NULL;
  g_autofree char *demo_db = NULL;
  g_autofree char *watcher_uri = NULL;
  g_autofree char *big_uri = NULL;
  g_autofree char *base = pathway_test_pg_base_uri ();
  g_autofree char *how = NULL;
  g_autoptr (PathwayDocument) writer = NULL;
  g_autoptr (PathwayDocument) watcher = NULL;
  double demo_open_ms, big_open_ms, upload_ms, edit_ms, edit_p95_ms, seen_ms, seen_p95_ms;
  double big_edit_ms, big_edit_p95_ms;
  guint n_demo_actions = 0, n_big_actions = 0;

  if (base == NULL)
    {
      g_print ("server: no figures (PATHWAY_TEST_PG is not set; ./build-aux/bench starts a "
               "server)\n");
      return;
    }

  if (!pathway_demo_write (demo_path, &error))
    die ("write the demo", error);
  demo_uri = upload (demo_path, "bench_writer", NULL, &demo_db);
  demo_open_ms = time_opens (demo_uri, N_DEMO_OPENS, &n_demo_actions);

  writer = open_remote (demo_uri);
  time_edits (writer, n_changes, &edit_ms, &edit_p95_ms);
  watcher_uri = give_access (base, demo_db, "bench_watcher", "Bench Watcher");
  watcher = open_remote (watcher_uri);
  time_seen (writer, watcher, n_changes, &seen_ms, &seen_p95_ms);
  g_clear_object (&watcher);
  g_clear_object (&writer);

  big_uri = upload (big_path, "bench_writer", &upload_ms, NULL);
  big_open_ms = time_opens (big_uri, N_BIG_OPENS, &n_big_actions);
  writer = open_remote (big_uri);
  time_edits (writer, n_changes, &big_edit_ms, &big_edit_p95_ms);
  g_clear_object (&writer);

  g_print ("server: PostgreSQL over a Unix socket on this machine; the demo (%u actions) and "
           "the programme above (%u actions, uploaded in %.1f s)\n",
           n_demo_actions, n_big_actions, upload_ms / 1000.0);
  how = g_strdup_printf ("median of %u, the demo", n_changes);
  report ("server: seen by another", seen_ms, how, 0, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("95th percentile of %u", n_changes);
  report ("server: seen-p95", seen_p95_ms, how, TARGET_SEEN_P95_MS, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("median of %d, the demo", N_DEMO_OPENS);
  report ("server: open the demo", demo_open_ms, how, TARGET_DEMO_OPEN_MS, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("median of %d, %u actions", N_BIG_OPENS, n_big_actions);
  report ("server: open large", big_open_ms, how, TARGET_BIG_OPEN_MS, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("median of %u set_value rating, demo", n_changes);
  report ("server: edit acknowledged", edit_ms, how, TARGET_EDIT_MS, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("95th percentile of %u", n_changes);
  report ("server: edit-p95", edit_p95_ms, how, 0, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("median of %u, %u actions", n_changes, n_big_actions);
  report ("server: edit, large", big_edit_ms, how, 0, missed);
  g_clear_pointer (&how, g_free);
  how = g_strdup_printf ("95th percentile of %u", n_changes);
  report ("server: edit-p95, large", big_edit_p95_ms, how, 0, missed);
  g_unlink (demo_path);
}
