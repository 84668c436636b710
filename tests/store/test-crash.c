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
 * kernel keeps what was written even when the process dies.
 *
 * Built with CRASH_LONG (the slow suite), the test kills 1,000 times and mixes in imports:
 * store-child imports a tracker CSV of several dozen new actions as one batch, reporting each
 * action the batch adds and then that the import was acknowledged, and is killed after one of
 * those lines; the import must then be in the file whole (every row, its leads, each field as
 * the CSV has it) or not at all, and whole if it was acknowledged. Every earlier import stays
 * as it was found. The file is started afresh every RUNS_PER_FILE runs, so that each run costs
 * about the same and the 1,000 fit the slow suite's time. The counts are printed at the end
 * as a TAP comment. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store-fixture.h"

#ifdef CRASH_LONG
#define N_KILLS 1000
#define RUNS_PER_FILE 25
/* Out of 100 runs, how many import rather than edit. */
#define IMPORT_PERCENT 40
#else
#define N_KILLS 25
#define RUNS_PER_FILE N_KILLS
#define IMPORT_PERCENT 0
#endif
#define N_EDITS 1000
/* Each run is killed once this many edits or fewer have been acknowledged (none: during the
 * first), so the runs stay short while the file builds up a history. */
#ifdef CRASH_LONG
#define MAX_KILL_AFTER 10
#else
#define MAX_KILL_AFTER 20
#endif
/* The actions in each imported tracker, and the leads they share (new people to the
 * programme, added by the same batch). */
#define N_IMPORT_ROWS 40
#define N_IMPORT_LEADS 4

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

/* What the whole run counted, printed at the end. */
typedef struct {
  guint kills;
  guint edit_kills;
  guint import_kills;
  guint passed;
  guint edits_acknowledged;
  guint edits_saved_unreported;
  guint imports_acknowledged;
  guint imports_whole_unacknowledged;
  guint imports_absent;
  guint files;
} Counts;

/* One import made into the current file, and whether the file holds it. */
typedef struct {
  guint run;
  gboolean present;
} ImportSeen;

/* The file the runs work on, and what the test knows of it between runs. */
typedef struct {
  char *path;
  Known known[STORE_EDIT_N_ACTIONS];
  GArray *imports; /* ImportSeen */
} Programme;

static GSubprocess *
start_child (const char *mode, const char *path, const char *argument,
             GSubprocessFlags flags, GDataInputStream **output, gint64 *pid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "store-child", NULL);
  g_autofree char *ready = NULL;
  GSubprocess *process;

  /* The test holds no file open when it starts a child, so the child may inherit what it
   * has; GLib can then start it with posix_spawn instead of fork, which would copy this
   * process's large sanitizer mappings a thousand times. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_INHERIT_FDS
                              | flags, &error, program, mode, path, argument, NULL);
  g_assert_no_error (error);
  *pid = g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  *output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  ready = g_data_input_stream_read_line_utf8 (*output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");
  return process;
}

/* Waits for the killed child; returns whether the signal was what ended it. */
static gboolean
reap (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  /* A child that finished before the signal exited cleanly; otherwise it was killed. */
  if (!g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
      return FALSE;
    }
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
  return TRUE;
}

/* Runs the child once, kills it once it has acknowledged 'kill_after' edits, and returns
 * what it reported; *killed says whether the signal ended it. */
static GArray *
run_edit_child (const char *path, guint kill_after, gint64 *pid, gboolean *killed)
{
  g_autofree char *count = g_strdup_printf ("%d", N_EDITS);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  GArray *reported = g_array_new (FALSE, TRUE, sizeof (Reported));

  g_array_set_clear_func (reported, (GDestroyNotify) reported_clear);
  process = start_child ("edit", path, count, G_SUBPROCESS_FLAGS_NONE, &output, pid);

  /* Read as the child writes them; it goes on with the next edit meanwhile. */
  read_reported (output, reported, kill_after);
  g_assert_cmpuint (reported->len, ==, kill_after);
  g_subprocess_send_signal (process, SIGKILL);

  /* What it acknowledged before the signal landed waits in the pipe. */
  read_reported (output, reported, G_MAXUINT);
  *killed = reap (process);
  return reported;
}

/* Checks the reopened file's five actions against what the child reported (none for a run
 * that imported), and learns the new state. */
static void
verify_edits (PathwayDocument *document, Known *known, GArray *reported, gint64 pid,
              gboolean edit_run, Counts *counts)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  Known expected[STORE_EDIT_N_ACTIONS];
  guint next = reported->len + 1;
  gint64 next_id = 0;
  g_autofree char *next_token = store_edit_token (pid, next);
  gboolean next_is_rating = store_edit_is_rating (next);

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
      if (reported->len > 0 || edit_run)
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
      if (edit_run && known[a].id == next_id && next <= N_EDITS)
        {
          PathwayRating next_rating = store_edit_next_rating (rating);

          next_key = key_for (next_token, next, next_is_rating, next_rating);
          next_present = g_hash_table_contains (keys, next_key);
          if (next_present)
            {
              g_test_message ("edit %u was saved but not reported", next);
              counts->edits_saved_unreported++;
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

/* Imports ---------------------------------------------------------------------------------- */

static char *
import_reference (guint run, guint row)
{
  return g_strdup_printf ("I%u-%u", run, row);
}

static char *
import_description (guint run, guint row)
{
  return g_strdup_printf ("Review the panel's decisions, step %u of import %u", row, run);
}

static char *
import_lead (guint run, guint row)
{
  return g_strdup_printf ("Import lead %u-%u", run, row % N_IMPORT_LEADS);
}

static char *
import_commentary (guint run, guint row)
{
  return g_strdup_printf ("Imported progress %u of run %u: the forum agreed the plan", row, run);
}

static PathwayRating
import_rating (guint row)
{
  static const PathwayRating ratings[] = {
    PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
  };

  return ratings[row % G_N_ELEMENTS (ratings)];
}

/* The tracker of run 'run': N_IMPORT_ROWS new actions in the fixture's workstream A. */
static char *
write_tracker (const char *dir, guint run)
{
  g_autofree char *name = g_strdup_printf ("import-%u.csv", run);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) csv = g_string_new ("Ref,Action,Lead,Workstream,Timescale,RAG,Comments\n");

  for (guint row = 1; row <= N_IMPORT_ROWS; row++)
    {
      g_autofree char *reference = import_reference (run, row);
      g_autofree char *description = import_description (run, row);
      g_autofree char *lead = import_lead (run, row);
      g_autofree char *commentary = import_commentary (run, row);

      g_string_append_printf (csv, "%s,\"%s\",%s,A,31/03/2026,%s,\"%s\"\n", reference,
                              description, lead, pathway_rating_to_nick (import_rating (row)),
                              commentary);
    }
  store_fixture_write_file (path, csv->str, csv->len);
  return path;
}

/* Runs an importing child and kills it once it has written 'kill_after' lines after "ready":
 * 1 to N_IMPORT_ROWS are the actions the batch added, one more is the acknowledgement.
 * Returns whether the import was acknowledged. */
static gboolean
run_import_child (const char *path, const char *csv, guint kill_after, gboolean *killed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  gboolean acknowledged = FALSE;
  guint n_lines = 0;
  gint64 pid = 0;
  char *line;

  /* Its standard input is held open, so an acknowledged child waits to be killed with the
   * file still open. */
  process = start_child ("import", path, csv, G_SUBPROCESS_FLAGS_STDIN_PIPE, &output, &pid);
  while (n_lines < kill_after &&
         (line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error)) != NULL)
    {
      n_lines++;
      if (g_str_has_prefix (line, "imported "))
        {
          g_assert_cmpuint (g_ascii_strtoull (line + 9, NULL, 10), ==, N_IMPORT_ROWS);
          acknowledged = TRUE;
        }
      else
        g_assert_cmpuint (g_ascii_strtoull (line + strlen ("added "), NULL, 10), ==, n_lines);
      g_free (line);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines, ==, kill_after);
  g_subprocess_send_signal (process, SIGKILL);

  while ((line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "imported "))
        acknowledged = TRUE;
      g_free (line);
    }
  g_assert_no_error (error);
  *killed = reap (process);
  return acknowledged;
}

/* How many of import 'run''s actions the file holds; each one held must be as the tracker
 * has it, with its lead. */
static guint
count_import (GHashTable *by_reference, GHashTable *people, guint run)
{
  guint n_present = 0;
  guint n_leads = 0;

  for (guint row = 1; row <= N_IMPORT_ROWS; row++)
    {
      g_autofree char *reference = import_reference (run, row);
      PathwayAction *action = g_hash_table_lookup (by_reference, reference);
      g_autofree char *description = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *commentary = NULL;
      PathwayPerson *person;

      if (action == NULL)
        continue;
      n_present++;
      description = import_description (run, row);
      lead = import_lead (run, row);
      commentary = import_commentary (run, row);
      person = pathway_action_get_lead (action);
      g_assert_cmpstr (pathway_action_get_description (action), ==, description);
      g_assert_cmpstr (pathway_action_get_commentary (action), ==, commentary);
      g_assert_cmpint (pathway_action_get_rating (action), ==, import_rating (row));
      g_assert_nonnull (person);
      g_assert_cmpstr (pathway_person_get_name (person), ==, lead);
    }
  for (guint k = 0; k < N_IMPORT_LEADS; k++)
    {
      g_autofree char *lead = import_lead (run, k);

      if (g_hash_table_contains (people, lead))
        n_leads++;
    }
  /* The batch adds the leads before the actions: all of them with the import, none
   * without. */
  if (n_present == 0 && n_leads != 0)
    g_error ("import %u left %u of its leads without its actions", run, n_leads);
  if (n_present != 0 && n_leads != N_IMPORT_LEADS)
    g_error ("import %u has %u of its %d leads", run, n_leads, N_IMPORT_LEADS);
  return n_present;
}

/* Every import made into this file is there whole or not at all, as it was last found; the
 * last one ('run', if it imported) is found for the first time. */
static void
verify_imports (PathwayDocument *document, Programme *programme, guint run, gboolean import_run,
                gboolean acknowledged, Counts *counts)
{
  PathwayProgramme *model = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (model);
  GListModel *people_list = pathway_programme_get_people (model);
  g_autoptr(GHashTable) by_reference = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (!pathway_action_get_deleted (action))
        g_hash_table_insert (by_reference, (gpointer) pathway_action_get_reference (action),
                             action);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people_list); i++)
    {
      g_autoptr(PathwayPerson) person = g_list_model_get_item (people_list, i);

      g_hash_table_add (people, (gpointer) pathway_person_get_name (person));
    }

  for (guint i = 0; i < programme->imports->len; i++)
    {
      ImportSeen *seen = &g_array_index (programme->imports, ImportSeen, i);
      guint n = count_import (by_reference, people, seen->run);

      if (n != (seen->present ? N_IMPORT_ROWS : 0))
        g_error ("import %u had %u actions and now has %u", seen->run,
                 seen->present ? N_IMPORT_ROWS : 0, n);
    }

  if (import_run)
    {
      guint n = count_import (by_reference, people, run);
      ImportSeen seen = { run, n == N_IMPORT_ROWS };

      if (n != 0 && n != N_IMPORT_ROWS)
        g_error ("import %u is half there: %u of its %d actions", run, n, N_IMPORT_ROWS);
      if (acknowledged && n == 0)
        g_error ("import %u was acknowledged but is not in the file", run);
      if (acknowledged)
        counts->imports_acknowledged++;
      else if (seen.present)
        {
          g_test_message ("import %u was saved but not acknowledged", run);
          counts->imports_whole_unacknowledged++;
        }
      else
        counts->imports_absent++;
      g_array_append_val (programme->imports, seen);
    }
}

/* Reopens the file after a kill: it passes its checks, and holds what the runs left. */
static void
verify (Programme *programme, guint run, gboolean import_run, GArray *reported, gint64 pid,
        gboolean acknowledged, Counts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  /* Backups are test-backup's business; one taken at every run would double its cost. */
  document = pathway_document_open (programme->path, PATHWAY_OPEN_NO_BACKUP, &error);
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

  verify_edits (document, programme->known, reported, pid, !import_run, counts);
  verify_imports (document, programme, run, import_run, acknowledged, counts);
  counts->passed++;
}

/* A new file from the template, and what the test knows of its five actions. */
static void
programme_start (Programme *programme, const char *dir, const char *template, guint number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("crash-%u.pathway", number);
  g_autoptr(PathwayDocument) document = NULL;
  GListModel *actions;

  programme->path = g_build_filename (dir, name, NULL);
  programme->imports = g_array_new (FALSE, FALSE, sizeof (ImportSeen));
  store_fixture_copy_file (template, programme->path);

  document = pathway_document_open (programme->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, STORE_EDIT_N_ACTIONS);
  for (guint i = 0; i < STORE_EDIT_N_ACTIONS; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      programme->known[i].id = pathway_action_get_id (action);
      programme->known[i].rating = pathway_action_get_rating (action);
      programme->known[i].commentary = g_strdup (pathway_action_get_commentary (action));
    }
  for (guint i = 1; i < STORE_EDIT_N_ACTIONS; i++)
    g_assert_cmpint (programme->known[i - 1].id, <, programme->known[i].id);
}

static void
programme_finish (Programme *programme)
{
  g_autofree char *journal = g_strdup_printf ("%s-journal", programme->path);
  g_autofree char *lock = g_strdup_printf ("%s-lock", programme->path);

  g_unlink (programme->path);
  g_unlink (journal);
  g_unlink (lock);
  for (guint i = 0; i < STORE_EDIT_N_ACTIONS; i++)
    g_clear_pointer (&programme->known[i].commentary, g_free);
  g_clear_pointer (&programme->imports, g_array_unref);
  g_clear_pointer (&programme->path, g_free);
}

/* Where an importing child is killed: after "ready" and 0 to N_IMPORT_ROWS - 1 actions (inside
 * the batch), after the last action (in or after the commit) or after the acknowledgement;
 * the last two are where most can go wrong, so they get a quarter each. */
static guint
pick_import_kill (void)
{
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return N_IMPORT_ROWS + 1;
    case 1:
      return N_IMPORT_ROWS;
    default:
      return g_test_rand_int_range (0, N_IMPORT_ROWS);
    }
}

static void
test_kill_loses_no_acknowledged_edit (void)
{
  g_autofree char *dir = store_fixture_make_dir ();
  g_autofree char *template = g_build_filename (dir, "template.pathway", NULL);
  Programme programme = { 0 };
  Counts counts = { 0 };
  guint run = 0;

  store_fixture_make_programme (template, STORE_EDIT_N_ACTIONS);

  /* Until the count is reached: a child that finished before its signal is no kill. */
  while (counts.kills < N_KILLS)
    {
      gboolean import_run = g_test_rand_int_range (0, 100) < IMPORT_PERCENT;
      gboolean killed = FALSE;
      gboolean acknowledged = FALSE;
      g_autoptr(GArray) reported = g_array_new (FALSE, TRUE, sizeof (Reported));
      gint64 pid = 0;

      if (run % RUNS_PER_FILE == 0)
        {
          if (programme.path != NULL)
            programme_finish (&programme);
          programme_start (&programme, dir, template, ++counts.files);
        }
      run++;

      if (import_run)
        {
          g_autofree char *csv = write_tracker (dir, run);
          guint kill_after = pick_import_kill ();

          acknowledged = run_import_child (programme.path, csv, kill_after, &killed);
          g_test_message ("run %u: import killed after %u lines; %s", run, kill_after,
                          acknowledged ? "acknowledged" : "not acknowledged");
          g_unlink (csv);
        }
      else
        {
          guint kill_after = g_test_rand_int_range (0, MAX_KILL_AFTER + 1);

          g_clear_pointer (&reported, g_array_unref);
          reported = run_edit_child (programme.path, kill_after, &pid, &killed);
          g_test_message ("run %u: killed once %u edits were acknowledged; %u were in all", run,
                          kill_after, reported->len);
          counts.edits_acknowledged += reported->len;
        }
      if (killed)
        {
          counts.kills++;
          if (import_run)
            counts.import_kills++;
          else
            counts.edit_kills++;
        }
      verify (&programme, run, import_run, reported, pid, acknowledged, &counts);
    }
  programme_finish (&programme);

  g_test_message ("crash: %u kills (%u during edits, %u during imports), %u passed, "
                  "%u edits acknowledged (%u more saved before they were reported); imports: "
                  "%u acknowledged, %u saved whole before they were acknowledged, %u not saved; "
                  "%u runs on %u %s",
                  counts.kills, counts.edit_kills, counts.import_kills, counts.passed,
                  counts.edits_acknowledged, counts.edits_saved_unreported,
                  counts.imports_acknowledged, counts.imports_whole_unacknowledged,
                  counts.imports_absent, run, counts.files, counts.files == 1 ? "file" : "files");
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
