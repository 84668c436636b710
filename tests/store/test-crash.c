/* test-crash.c: a process killed in the middle of its edits loses no edit it was told had
 * been saved, and leaves no edit half made.
 *
 * store-child makes edits one transaction at a time and prints each one the document
 * acknowledged. It is killed with SIGKILL as soon as it has acknowledged a number of edits
 * chosen at random, wherever it has got to in the edits after that (the test picks the edit,
 * not the moment, and waits for no length of time), again and again on the same file; after
 * each kill the file must pass SQLite's checks, every acknowledged edit must be there whole
 * (its value and its entry in the history), and the one edit that may have been saved without
 * being reported must be there whole or not at all. This shows atomicity, not durability: the
 * kernel keeps what was written even when the process dies. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <signal.h>
#include <string.h>

#include "store-fixture.h"

#define N_RUNS 25
#define N_EDITS 1000
/* Each run is killed once this many edits or fewer have been acknowledged (none: during the
 * first), so the runs stay short while the file builds up a history. */
#define MAX_KILL_AFTER 20

/* What the test knows of one of the five actions between runs. */
typedef struct {
  gint64 id;
  PathwayRating rating;
  char *commentary;
} Known;

typedef struct {
  guint edit;
  gint64 action_id;
  char *token;
  gboolean rating;
  PathwayRating to;
} Reported;

static void
reported_clear (Reported *reported)
{
  g_free (reported->token);
}

/* Parses "EDIT ACTION-ID TOKEN KIND VALUE". */
static void
parse_line (const char *line, Reported *reported)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 5);

  g_assert_cmpuint (g_strv_length (words), ==, 5);
  reported->edit = (guint) g_ascii_strtoull (words[0], NULL, 10);
  reported->action_id = g_ascii_strtoll (words[1], NULL, 10);
  reported->token = g_strdup (words[2]);
  reported->rating = g_str_equal (words[3], "rating");
  reported->to = reported->rating ? pathway_rating_from_nick (words[4]) : PATHWAY_RATING_NONE;
  if (reported->rating)
    g_assert_cmpstr (pathway_rating_to_nick (reported->to), ==, words[4]);
  else
    g_assert_cmpstr (words[3], ==, "commentary");
}

/* The history of one action as keys: "rating:TOKEN" for rating changes (the token is their
 * note) and "commentary:TEXT" for commentary. */
static GHashTable *
history_keys (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      switch (pathway_action_update_get_field (update))
        {
        case PATHWAY_FIELD_RATING:
          g_hash_table_add (keys, g_strdup_printf ("rating:%s %s",
                                                   pathway_action_update_get_note (update),
                                                   pathway_action_update_get_to_value (update)));
          break;
        case PATHWAY_FIELD_COMMENTARY:
          g_hash_table_add (keys, g_strdup_printf ("commentary:%s",
                                                   pathway_action_update_get_to_value (update)));
          break;
        default:
          break;
        }
    }
  return keys;
}

static char *
key_for (const char *token, guint edit, gboolean rating, PathwayRating to)
{
  if (rating)
    return g_strdup_printf ("rating:%s %s", token, pathway_rating_to_nick (to));
  else
    {
      g_autofree char *text = store_edit_commentary (token, edit);

      return g_strdup_printf ("commentary:%s", text);
    }
}

static Known *
find_known (Known *known, gint64 id)
{
  for (guint i = 0; i < STORE_EDIT_N_ACTIONS; i++)
    if (known[i].id == id)
      return &known[i];
  g_error ("action %" G_GINT64_FORMAT " is not one of the five", id);
  return NULL;
}

static void
read_reported (GDataInputStream *output, GArray *reported, guint up_to)
{
  g_autoptr(GError) error = NULL;
  char *line;

  while (reported->len < up_to &&
         (line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error)) != NULL)
    {
      Reported one = { 0 };

      parse_line (line, &one);
      g_assert_cmpuint (one.edit, ==, reported->len + 1);
      g_array_append_val (reported, one);
      g_free (line);
    }
  g_assert_no_error (error);
}

/* Runs the child once, kills it once it has acknowledged 'kill_after' edits, and returns
 * what it reported. */
static GArray *
run_child (const char *path, guint kill_after, gint64 *pid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "store-child", NULL);
  g_autofree char *count = g_strdup_printf ("%d", N_EDITS);
  g_autofree char *ready = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  GArray *reported = g_array_new (FALSE, TRUE, sizeof (Reported));

  g_array_set_clear_func (reported, (GDestroyNotify) reported_clear);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, "edit", path,
                              count, NULL);
  g_assert_no_error (error);
  *pid = g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  ready = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");

  /* Read as the child writes them; it goes on with the next edit meanwhile. */
  read_reported (output, reported, kill_after);
  g_assert_cmpuint (reported->len, ==, kill_after);
  g_subprocess_send_signal (process, SIGKILL);

  /* What it acknowledged before the signal landed waits in the pipe. */
  read_reported (output, reported, G_MAXUINT);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  /* A child that finished before the signal exited cleanly; otherwise it was killed. */
  if (!g_subprocess_get_if_signaled (process))
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return reported;
}

/* Checks the reopened file against what the child reported, and learns the new state. */
static void
verify (const char *path, Known *known, GArray *reported, gint64 pid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  PathwayProgramme *programme;
  Known expected[STORE_EDIT_N_ACTIONS];
  guint next = reported->len + 1;
  gint64 next_id = 0;
  g_autofree char *next_token = store_edit_token (pid, next);
  gboolean next_is_rating = store_edit_is_rating (next);

  document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (!pathway_document_check (document, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s", (char *) problems->pdata[i]);
      g_error ("the file fails its checks after a kill (%u problems)", problems->len);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  programme = pathway_document_get_programme (document);

  /* What the reported edits leave, before any unreported one. */
  memcpy (expected, known, sizeof expected);
  for (guint i = 0; i < reported->len; i++)
    {
      Reported *one = &g_array_index (reported, Reported, i);
      Known *state = find_known (expected, one->action_id);

      g_assert_cmpint (one->action_id, ==, known[store_edit_action_index (one->edit)].id);
      g_assert_cmpint (store_edit_is_rating (one->edit), ==, one->rating);
      if (one->rating)
        state->rating = one->to;
    }
  next_id = known[store_edit_action_index (next)].id;

  for (guint a = 0; a < STORE_EDIT_N_ACTIONS; a++)
    {
      PathwayAction *action = pathway_programme_find_action (programme, known[a].id);
      g_autoptr(GHashTable) keys = NULL;
      g_autofree char *commentary = NULL;
      g_autofree char *next_key = NULL;
      PathwayRating rating = expected[a].rating;
      gboolean next_present;

      g_assert_nonnull (action);
      keys = history_keys (document, action);

      /* Every acknowledged edit is in the history, whole. */
      for (guint i = 0; i < reported->len; i++)
        {
          Reported *one = &g_array_index (reported, Reported, i);
          g_autofree char *key = NULL;

          if (one->action_id != known[a].id)
            continue;
          key = key_for (one->token, one->edit, one->rating, one->to);
          if (!g_hash_table_contains (keys, key))
            g_error ("acknowledged edit %u (%s) of action %" G_GINT64_FORMAT
                     " is not in the history", one->edit, one->token, known[a].id);
          if (!one->rating)
            {
              g_free (commentary);
              commentary = store_edit_commentary (one->token, one->edit);
            }
        }
      if (commentary == NULL)
        commentary = g_strdup (known[a].commentary);

      /* The edit after the last reported one may have been saved; if so, wholly. */
      if (known[a].id == next_id && next <= N_EDITS)
        {
          PathwayRating next_rating = store_edit_next_rating (rating);

          next_key = key_for (next_token, next, next_is_rating, next_rating);
          next_present = g_hash_table_contains (keys, next_key);
          if (next_present)
            {
              g_test_message ("edit %u was saved but not reported", next);
              if (next_is_rating)
                rating = next_rating;
              else
                {
                  g_free (commentary);
                  commentary = store_edit_commentary (next_token, next);
                }
            }
        }

      g_assert_cmpint (pathway_action_get_rating (action), ==, rating);
      if (g_strcmp0 (pathway_action_get_commentary (action), commentary) != 0)
        g_error ("action %" G_GINT64_FORMAT " has commentary \"%.40s...\", expected \"%.40s...\"",
                 known[a].id, pathway_action_get_commentary (action), commentary);

      known[a].rating = rating;
      g_free (known[a].commentary);
      known[a].commentary = g_steal_pointer (&commentary);
    }
}

static void
test_kill_loses_no_acknowledged_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.pathway", NULL);
  Known known[STORE_EDIT_N_ACTIONS] = { { 0 } };
  guint total = 0;

  store_fixture_make_programme (path, STORE_EDIT_N_ACTIONS);
  {
    g_autoptr(PathwayDocument) document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY,
                                                                 &error);
    GListModel *actions;

    g_assert_no_error (error);
    actions = pathway_programme_get_actions (pathway_document_get_programme (document));
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, STORE_EDIT_N_ACTIONS);
    for (guint i = 0; i < STORE_EDIT_N_ACTIONS; i++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

        known[i].id = pathway_action_get_id (action);
        known[i].rating = pathway_action_get_rating (action);
        known[i].commentary = g_strdup (pathway_action_get_commentary (action));
      }
    for (guint i = 1; i < STORE_EDIT_N_ACTIONS; i++)
      g_assert_cmpint (known[i - 1].id, <, known[i].id);
  }

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GArray) reported = NULL;
      guint kill_after = g_test_rand_int_range (0, MAX_KILL_AFTER + 1);
      gint64 pid = 0;

      reported = run_child (path, kill_after, &pid);
      g_test_message ("run %u: killed once %u edits were acknowledged; %u were in all", run + 1,
                      kill_after, reported->len);
      total += reported->len;
      verify (path, known, reported, pid);
    }
  g_test_message ("%u edits acknowledged in all", total);

  for (guint i = 0; i < STORE_EDIT_N_ACTIONS; i++)
    g_free (known[i].commentary);
  store_fixture_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-loses-no-acknowledged-edit",
                   test_kill_loses_no_acknowledged_edit);
  return g_test_run ();
}
