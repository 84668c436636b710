/* test-cli.c: runs the built pathway-cli (its path comes from PATHWAY_CLI) the way a person
 * or a script would, in a temporary folder, and checks what it prints, its exit codes and
 * that files it should only read are left exactly as they were. JSON output is read with the
 * strict reader of cli-test-support.c, which the first case here tests. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <zip.h>

#include "cli-test-support.h"
#include "disk-full-support.h"
#include "pathway-document.h"

/* Between the first of these and the last, the demo's timescales fall due. */
#define TODAY "2025-06-30"

static void
json_parser_test (void)
{
  static const char *good[] = {
    "{}", "[]", "0", "-1.5e+3", "\"a\\u00e9\\ud83d\\ude00\\n\"", "{\"a\": [1, true, null]}",
  };
  static const char *bad[] = {
    "", "{", "[1,]", "{\"a\":1,}", "01", "\"\x01\"", "\"\\x\"", "\"\\ud800\"", "{\"a\":1,\"a\":2}",
    "1 2", "tru", "{a:1}", "'a'", "\"abc", "[1 2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *error = NULL;
      g_autoptr(GVariant) value = json_try_parse (good[i], &error);

      g_assert_null (error);
      g_assert_nonnull (value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *error = NULL;
      g_autoptr(GVariant) value = json_try_parse (bad[i], &error);

      g_assert_nonnull (error);
      g_assert_null (value);
    }
}

static const char *rating_keys[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };

/* The ratings of one tally in the JSON add up to its actions. */
static void
assert_json_tally_consistent (GVariant *tally)
{
  g_autoptr(GVariant) ratings = json_object (tally, "ratings");
  guint actions = json_uint (tally, "actions");
  guint sum = 0;

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    sum += json_uint (ratings, rating_keys[r]);
  g_assert_cmpuint (sum, ==, actions);
  g_assert_cmpuint (json_uint (tally, "complete"), <=, actions);
  g_assert_cmpuint (json_uint (tally, "overdue"), <=, actions);
  g_assert_cmpuint (json_uint (tally, "complete_percent"), <=, 100);
  if (actions > 0)
    g_assert_cmpuint (json_uint (tally, "complete_percent"), ==,
                      (json_uint (tally, "complete") * 100 + actions / 2) / actions);
}

/* Reading the text output ---------------------------------------------------------------- */

/* The number after 'label' on the line that starts with it (then at least two spaces), or -1
 * when no line does. "48%" reads as 48. */
static gint64
text_value (const char *output, const char *label)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gsize length = strlen (label);

  for (guint i = 0; lines[i]; i++)
    {
      const char *rest;

      if (strncmp (lines[i], label, length) != 0 || strncmp (lines[i] + length, "  ", 2) != 0)
        continue;
      rest = lines[i] + length;
      while (*rest == ' ')
        rest++;
      if (!g_ascii_isdigit (*rest))
        continue;
      return (gint64) g_ascii_strtoull (rest, NULL, 10);
    }
  return -1;
}

/* The rows of the workstream table: the lines after the header line that starts "Code".
 * 'blue' says whether the header has a B column. */
static GPtrArray *
text_workstream_rows (const char *output, gboolean *blue)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  gboolean in_table = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      if (!in_table)
        {
          in_table = g_str_has_prefix (lines[i], "Code  ");
          if (in_table)
            *blue = strstr (lines[i], " B ") != NULL;
          continue;
        }
      if (*lines[i] == '\0')
        break;
      g_ptr_array_add (rows, g_strdup (lines[i]));
    }
  g_assert_true (in_table);
  return rows;
}

/* The numbers at the end of a table row, last first: overdue, complete %, then the ratings
 * backwards, then actions. */
static GArray *
text_row_numbers (const char *row)
{
  g_auto(GStrv) tokens = g_strsplit_set (row, " ", -1);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = g_strv_length (tokens);

  for (guint i = n; i > 0; i--)
    {
      const char *token = tokens[i - 1];
      char *end = NULL;
      guint value;

      if (*token == '\0')
        continue;
      if (!g_ascii_isdigit (*token))
        break;
      value = (guint) g_ascii_strtoull (token, &end, 10);
      if (*end != '\0' && strcmp (end, "%") != 0)
        break;
      g_array_append_val (numbers, value);
    }
  return numbers;
}

/* The demo file, and its rating scheme's labels read through the document API ------------- */

static char *
write_demo (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  char *path = fixture_path (fixture, "demo.pathway");

  run_cli (fixture, &run, "demo", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char **
dup_rating_labels (const char *path, gboolean *uses_blue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY,
                                                               &error);
  PathwayRatingScheme *scheme;
  char **labels = g_new0 (char *, PATHWAY_N_RATINGS + 1);

  g_assert_no_error (error);
  scheme = pathway_programme_get_rating_scheme (pathway_document_get_programme (document));
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    labels[r] = g_strdup (pathway_rating_scheme_get_label (scheme, r));
  *uses_blue = pathway_rating_scheme_get_uses_blue (scheme);
  pathway_document_close (document);
  return labels;
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_new_creates_empty_programme (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "area.pathway");
  g_autoptr(GVariant) json = NULL;
  g_autofree char *name = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "new", path, "--name", "Harrowfield SEND Improvement", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_cli (fixture, &run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Programme"));
  g_assert_nonnull (strstr (run.out, "Harrowfield SEND Improvement\n"));
  g_assert_cmpint (text_value (run.out, "Actions"), ==, 0);
  g_assert_cmpint (text_value (run.out, "Complete"), ==, 0);
  g_assert_cmpint (text_value (run.out, "Overdue"), ==, 0);

  run_cli (fixture, &run, "summary", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json = json_parse (run.out);
  name = json_dup_string (json, "programme");
  g_assert_cmpstr (name, ==, "Harrowfield SEND Improvement");
  g_assert_cmpuint (json_uint (json, "actions"), ==, 0);
  assert_json_tally_consistent (json);
  g_assert_false (g_variant_lookup (json, "workstreams", "*", NULL));
}

static void
test_new_refuses_existing_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "notes.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path, "minutes of the last board\n", -1, NULL));
  before = file_checksum (path);
  run_cli (fixture, &run, "new", path, "--name", "Area", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
  g_assert_nonnull (strstr (run.err, "notes.txt: "));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_summary_counts_demo (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_auto(GStrv) labels = NULL;
  g_auto(Run) run = { 0 };
  gboolean uses_blue = FALSE;
  gint64 actions, sum = 0;

  labels = dup_rating_labels (path, &uses_blue);
  run_cli (fixture, &run, "summary", path, "--today", TODAY, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  actions = text_value (run.out, "Actions");
  g_assert_cmpint (actions, >=, 100);
  g_assert_cmpint (actions, <=, 120);
  for (guint r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
    {
      gint64 count = text_value (run.out, labels[r]);

      if (r == PATHWAY_RATING_BLUE && !uses_blue && count < 0)
        continue;
      g_assert_cmpint (count, >=, 0);
      sum += count;
    }
  sum += MAX (text_value (run.out, labels[PATHWAY_RATING_NONE]), 0);
  g_assert_cmpint (sum, ==, actions);
  g_assert_cmpint (text_value (run.out, "Complete"), <=, 100);
  g_assert_cmpint (text_value (run.out, "Overdue"), >=, 0);
  g_assert_nonnull (strstr (run.out, "(as at " TODAY ")"));
}

static void
test_summary_json_matches_text (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_autofree char *programme = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) ratings = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(Run) text = { 0 };
  g_auto(Run) run = { 0 };
  gboolean uses_blue = FALSE;

  labels = dup_rating_labels (path, &uses_blue);
  run_cli (fixture, &text, "summary", path, "--today", TODAY, NULL);
  g_assert_cmpint (text.status, ==, 0);
  run_cli (fixture, &run, "summary", "--json", "--today=" TODAY, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json = json_parse (run.out);
  g_assert_true (g_variant_is_of_type (json, G_VARIANT_TYPE_VARDICT));
  programme = json_dup_string (json, "programme");
  g_assert_cmpstr (programme, !=, "");
  g_assert_nonnull (strstr (text.out, programme));
  today = json_dup_string (json, "today");
  g_assert_cmpstr (today, ==, TODAY);
  g_free (json_dup_string (json, "file"));

  assert_json_tally_consistent (json);
  g_assert_cmpint (json_uint (json, "actions"), ==, text_value (text.out, "Actions"));
  g_assert_cmpint (json_uint (json, "complete_percent"), ==, text_value (text.out, "Complete"));
  g_assert_cmpint (json_uint (json, "overdue"), ==, text_value (text.out, "Overdue"));

  ratings = json_object (json, "ratings");
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    {
      guint count = json_uint (ratings, rating_keys[r]);
      gint64 shown = text_value (text.out, labels[r]);

      /* Not rated shows only when some action is; blue only in a BRAG scheme or when used. */
      if (shown < 0)
        g_assert_cmpuint (count, ==, 0);
      else
        g_assert_cmpint (count, ==, shown);
    }
}

static void
test_summary_by_workstream (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) workstreams = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(Run) text = { 0 };
  g_auto(Run) run = { 0 };
  gboolean blue = FALSE;
  guint actions = 0;

  run_cli (fixture, &text, "summary", path, "--by", "workstream", "--today", TODAY, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  run_cli (fixture, &run, "summary", path, "--by=workstream", "--json", "--today", TODAY, NULL);
  g_assert_cmpint (run.status, ==, 0);

  json = json_parse (run.out);
  workstreams = g_variant_lookup_value (json, "workstreams", G_VARIANT_TYPE ("av"));
  g_assert_nonnull (workstreams);
  g_assert_cmpuint (g_variant_n_children (workstreams), ==, 5);

  rows = text_workstream_rows (text.out, &blue);
  g_assert_cmpuint (rows->len, ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (workstreams, i);
      g_autoptr(GVariant) workstream = g_variant_get_variant (boxed);
      g_autoptr(GVariant) ratings = json_object (workstream, "ratings");
      g_autofree char *code = json_dup_string (workstream, "code");
      g_autofree char *title = json_dup_string (workstream, "title");
      const char *row = g_ptr_array_index (rows, i);
      g_autoptr(GArray) numbers = text_row_numbers (row);
      guint n_ratings = blue ? 4 : 3;

      assert_json_tally_consistent (workstream);
      actions += json_uint (workstream, "actions");

      g_assert_cmpstr (code, !=, "");
      g_assert_true (g_str_has_prefix (row, code));
      g_assert_cmpuint (numbers->len, >=, n_ratings + 3);
      g_assert_cmpuint (g_array_index (numbers, guint, 0), ==, json_uint (workstream, "overdue"));
      g_assert_cmpuint (g_array_index (numbers, guint, 1), ==,
                        json_uint (workstream, "complete_percent"));
      for (guint r = 0; r < n_ratings; r++)
        g_assert_cmpuint (g_array_index (numbers, guint, 2 + r), ==,
                          json_uint (ratings, rating_keys[n_ratings - r]));
      g_assert_cmpuint (g_array_index (numbers, guint, 2 + n_ratings), ==,
                        json_uint (workstream, "actions"));
    }

  /* Every action is in a workstream, or counted apart. */
  if (g_variant_lookup (json, "no_workstream", "@a{sv}", NULL))
    {
      g_autoptr(GVariant) rest = json_object (json, "no_workstream");

      actions += json_uint (rest, "actions");
    }
  g_assert_cmpuint (actions, ==, json_uint (json, "actions"));
}

static void
test_summary_escapes_json_strings (Fixture *fixture, gconstpointer data)
{
  static const char *name = "Area \"North\" \\ Board\x01\x1f\x7f\ttab – Ysbyty Gwynedd ✓ \u2028";
  g_autofree char *path = fixture_path (fixture, "odd.pathway");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "new", path, "--name", name, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The store may tidy a name; the JSON must carry whatever it kept. */
  document = pathway_document_open (path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stored = g_strdup (pathway_programme_get_name (pathway_document_get_programme (document)));
  pathway_document_close (document);

  run_cli (fixture, &run, "summary", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json = json_parse (run.out);
  shown = json_dup_string (json, "programme");
  g_assert_cmpstr (shown, ==, stored);

  /* Text for people carries no control characters to the terminal. */
  run_cli (fixture, &run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (const char *p = run.out; *p; p++)
    g_assert_true (*p == '\n' || (guchar) *p >= 0x20);
  g_assert_null (strchr (run.out, '\x7f'));
}

typedef enum {
  FOREIGN_TEXT,
  FOREIGN_EMPTY,
  FOREIGN_SQLITE,
} ForeignKind;

static void
write_foreign_sqlite (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                                 "INSERT INTO recipes (title) VALUES ('Scones'), ('Flapjack');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_summary_refuses_foreign_file (Fixture *fixture, gconstpointer data)
{
  ForeignKind kind = GPOINTER_TO_INT (data);
  const char *names[] = { "tracker.pathway", "empty.pathway", "recipes.pathway" };
  g_autofree char *path = fixture_path (fixture, names[kind]);
  g_autofree char *prefix = g_strdup_printf ("pathway-cli: %s: ", path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  switch (kind)
    {
    case FOREIGN_TEXT:
      g_assert_true (g_file_set_contents (path,
                                          "Ref,Action,Rating\n1A i,Publish the local offer,Red\n",
                                          -1, NULL));
      break;
    case FOREIGN_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case FOREIGN_SQLITE:
      write_foreign_sqlite (path);
      break;
    }
  before = file_checksum (path);

  run_cli (fixture, &run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_cmpuint (strlen (run.err), >, strlen (prefix) + 5);
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, prefix));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* Nothing was left beside it either (a lock file, a journal, a backup). */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* Each kind of file that is not a programme gets its own explanation, not one catch-all. */
static void
test_summary_names_each_problem (Fixture *fixture, gconstpointer data)
{
  const char *names[] = { "tracker.pathway", "empty.pathway", "recipes.pathway" };
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint kind = 0; kind < G_N_ELEMENTS (names); kind++)
    {
      g_autofree char *path = fixture_path (fixture, names[kind]);
      g_autofree char *prefix = g_strdup_printf ("pathway-cli: %s: ", path);
      g_auto(Run) run = { 0 };
      g_autofree char *message = NULL;

      if (kind == FOREIGN_TEXT)
        g_assert_true (g_file_set_contents (path, "Ref,Action\n", -1, NULL));
      else if (kind == FOREIGN_EMPTY)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      else
        write_foreign_sqlite (path);

      run_cli (fixture, &run, "summary", path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, prefix));

      /* Without the file's own name, which the store may repeat. */
      message = g_strdup (run.err + strlen (prefix));
      {
        g_autofree char *base = g_path_get_basename (path);
        char *at;

        while ((at = strstr (message, base)) != NULL)
          memset (at, '_', strlen (base));
      }
      g_assert_false (g_hash_table_contains (messages, message));
      g_hash_table_add (messages, g_steal_pointer (&message));
    }
}

static void
test_summary_missing_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "nowhere.pathway");
  g_autofree char *prefix = g_strdup_printf ("pathway-cli: %s: ", path);
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_summary_leaves_file_unchanged (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "summary", path, "--by", "workstream", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "summary", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_check_demo_is_clean (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_cmpint (run.status, ==, 0);
}

/* Each rule of the check names what breaks it: here an action whose creation was taken out
 * of the history (the check once found these with a query that grew with the square of the
 * actions). */
static void
test_check_names_missing_creation (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, reference FROM action ORDER BY id DESC",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  expected = g_strdup_printf ("action without its creation in the history (action, reference): "
                              "%lld, %s\n",
                              (long long) sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1));
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DELETE FROM change_log WHERE kind = 'action' AND field = 0"
                                 " AND record_id = (SELECT max(id) FROM action)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  run_cli (fixture, &run, "check", path, NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_demo_refuses_to_overwrite (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "board.pathway");
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  /* Someone else's file of the same name. */
  g_assert_true (g_file_set_contents (path, "agenda\n", -1, NULL));
  before = file_checksum (path);
  run_cli (fixture, &run, "demo", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* And a programme, even the demo itself. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = file_checksum (demo);
  run_cli (fixture, &run, "demo", demo, NULL);
  g_assert_cmpint (run.status, ==, 2);
  after = file_checksum (demo);
  g_assert_cmpstr (before, ==, after);
}

/* chart ------------------------------------------------------------------------------------ */

static const char *
chart_magic (const char *name)
{
  if (g_str_has_suffix (name, ".png"))
    return "\x89PNG\r\n";
  if (g_str_has_suffix (name, ".svg"))
    return "<?xml";
  return "%PDF-";
}

static void
test_chart_writes_each_kind (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_demo (fixture);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  static const struct {
    const char *args[5];
  } kinds[] = {
    { { "--kind", "rating", NULL } },
    { { "--kind", "rating", "--workstream", "C", NULL } },
    { { "--kind", "rating-by-workstream", NULL } },
    { { "--kind", "rating-history", NULL } },
    { { "--kind", "rating-history", "--workstream", "A", NULL } },
    { { "--kind", "indicator", "--indicator", "Autism assessment waiting time", NULL } },
    /* A name is found whatever its case, when only one indicator has it. */
    { { "--kind=indicator", "--indicator=ehc plans issued within 20 weeks", NULL } },
    { { "--kind", "risks", NULL } },
  };
  static const char *const styles[] = { "screen", "dark", "print", "projector" };
  static const char *const outputs[] = { "chart.png", "chart.svg", "chart.pdf" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autofree char *out = fixture_path (fixture, outputs[o]);
        const char *style = styles[(k + o) % G_N_ELEMENTS (styles)];
        g_autoptr(GPtrArray) args = g_ptr_array_new ();
        g_autofree char *contents = NULL;
        g_auto(Run) run = { 0 };
        gsize length = 0;

        g_ptr_array_add (args, (char *) "chart");
        g_ptr_array_add (args, path);
        for (guint i = 0; kinds[k].args[i] != NULL; i++)
          g_ptr_array_add (args, (char *) kinds[k].args[i]);
        g_ptr_array_add (args, (char *) "--style");
        g_ptr_array_add (args, (char *) style);
        g_ptr_array_add (args, (char *) "--size");
        g_ptr_array_add (args, (char *) "640x400");
        g_ptr_array_add (args, (char *) (o == 1 ? "--output" : "-o"));
        g_ptr_array_add (args, out);
        g_ptr_array_add (args, NULL);

        run_cli_argv (fixture, &run, (const char *const *) args->pdata);
        if (run.status != 0)
          g_error ("chart %s %s -o %s: exit %d\n%s", kinds[k].args[0], kinds[k].args[1],
                   outputs[o], run.status, run.err);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_null (strstr (run.err, "pathway-cli:"));
        g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 100);
        g_assert_true (g_str_has_prefix (contents, chart_magic (outputs[o])));

        if (o == 0)
          {
            cairo_surface_t *png = cairo_image_surface_create_from_png (out);

            g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
            g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
            g_assert_cmpint (cairo_image_surface_get_height (png), ==, 400);
            cairo_surface_destroy (png);
          }
        g_assert_cmpint (g_unlink (out), ==, 0);
      }

  /* The default size, and looking never changed the programme. */
  {
    g_autofree char *out = fixture_path (fixture, "default.png");
    g_auto(Run) run = { 0 };
    cairo_surface_t *png;

    run_cli (fixture, &run, "chart", path, "--kind", "rating", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    png = cairo_image_surface_create_from_png (out);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 500);
    cairo_surface_destroy (png);
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

typedef struct {
  const char *args[10];
} ChartUsageCase;

static void
test_chart_usage_errors (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  const ChartUsageCase cases[] = {
    { { "chart", demo, "--kind", "pie", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "Rating", "-o", "out.png", NULL } },
    { { "chart", demo, "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", NULL } },
    { { "chart", demo, "--kind", "rating", "-o", "out.gif", NULL } },
    { { "chart", demo, "--kind", "rating", "-o", "png", NULL } },
    { { "chart", demo, "--kind", "indicator", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "--indicator", "Waits", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating-by-workstream", "--workstream", "A", "-o", "out.png",
        NULL } },
    { { "chart", demo, "--kind", "rating", "--style", "neon", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "--size", "800", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "--size", "0x100", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "--size", "800x-5", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "--size", "99999x100", "-o", "out.png", NULL } },
    { { "chart", demo, "--kind", "rating", "-o", NULL } },
    { { "chart", "--kind", "rating", "-o", "out.png", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *args = cases[i].args;
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli_argv (fixture, &run, args);
      if (run.status != 1)
        g_error ("chart case %u: exit %d\n%s%s", i, run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "pathway-cli: chart: "));
      g_assert_cmpstr (lines[1], ==, "Try 'pathway-cli --help'");
    }

  /* The wrong kind is named in the message. */
  {
    g_auto(Run) run = { 0 };

    run_cli_argv (fixture, &run, cases[0].args);
    g_assert_nonnull (strstr (run.err, "'pie'"));
    g_assert_nonnull (strstr (run.err, "rating-history"));
  }

  /* Nothing was written by a command line that was refused. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_cmpstr (name, ==, "demo.pathway");
  }
}

static void
test_chart_names_what_is_missing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *out = fixture_path (fixture, "out.png");
  g_autofree char *prefix = g_strdup_printf ("pathway-cli: %s: ", demo);
  g_autofree char *missing = fixture_path (fixture, "nowhere.pathway");
  g_autofree char *folder = fixture_path (fixture, "no-such-folder/out.png");
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "chart", demo, "--kind", "indicator", "--indicator",
           "Speech and language therapy waits", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "'Speech and language therapy waits'"));
  /* And says which there are. */
  g_assert_nonnull (strstr (run.err, "'Autism assessment waiting time'"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (fixture, &run, "chart", demo, "--kind", "rating", "--workstream", "Z", "-o", out,
           NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "'Z'"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (fixture, &run, "chart", missing, "--kind", "rating", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run_cli (fixture, &run, "chart", demo, "--kind", "rating", "-o", folder, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "pathway-cli: "));
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  g_assert_cmpuint (count_lines (run.err), >=, 1);
}

typedef struct {
  const char *args[6];
} UsageCase;

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  const UsageCase cases[] = {
    { { NULL } },
    { { "frobnicate", NULL } },
    { { "--frobnicate", NULL } },
    { { "summary", NULL } },
    { { "summary", demo, "--frobnicate", NULL } },
    { { "summary", demo, "other.pathway", NULL } },
    { { "summary", demo, "--by", "theme", NULL } },
    { { "summary", demo, "--by", NULL } },
    { { "summary", demo, "--today", "30/06/2025", NULL } },
    { { "summary", demo, "--today", "2025-02-30", NULL } },
    { { "summary", demo, "--json=yes", NULL } },
    { { "new", "fresh.pathway", NULL } },
    { { "new", "fresh.pathway", "--name", "   ", NULL } },
    { { "new", "--name", "Area", NULL } },
    { { "demo", NULL } },
    { { "check", demo, "--json", NULL } },
    { { "help", "frobnicate", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *args = cases[i].args;
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli_argv (fixture, &run, args);
      if (run.status != 1)
        g_error ("case %u (%s %s): exit %d\n%s%s", i, args[0] ? args[0] : "",
                 args[0] && args[1] ? args[1] : "", run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "pathway-cli: "));
      g_assert_cmpstr (lines[1], ==, "Try 'pathway-cli --help'");
      g_assert_cmpstr (lines[2], ==, "");
    }

  /* Nothing was created by a command line that was refused. */
  {
    g_autofree char *fresh = fixture_path (fixture, "fresh.pathway");

    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
}

static void
test_help_and_version (Fixture *fixture, gconstpointer data)
{
  const char *helps[][2] = {
    { "--help", NULL }, { "-h", NULL }, { "help", NULL }, { "help", "summary" },
    { "summary", "--help" },
  };
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    {
      run_cli (fixture, &run, helps[i][0], helps[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_str_has_prefix (run.out, "Usage: pathway-cli"));
      g_assert_nonnull (strstr (run.out, "summary"));
    }

  run_cli (fixture, &run, "--help", NULL);
  for (const char *const *command = (const char *[]) { "new", "demo", "summary", "chart", "check",
                                                       NULL };
       *command; command++)
    g_assert_nonnull (strstr (run.out, *command));

  run_cli (fixture, &run, "summary", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "--today"));
  g_assert_nonnull (strstr (run.out, "--by"));

  run_cli (fixture, &run, "chart", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (const char *const *option = (const char *[]) { "--kind", "--indicator", "--workstream",
                                                      "--style", "--size", "-o", NULL };
       *option; option++)
    g_assert_nonnull (strstr (run.out, *option));
  g_assert_nonnull (strstr (run.out, "rating-by-workstream"));

  run_cli (fixture, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "pathway-cli " PACKAGE_VERSION "\n");
}

/* The board pack: a PDF for the demo's next or latest meeting and for a given day, with the
 * programme file left exactly as it was; a board or a meeting that is not there is named, and
 * a bad date or a missing output is a usage error. */
static void
test_pack_writes_pdf (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *pdf = fixture_path (fixture, "pack.pdf");
  g_autofree char *before = file_checksum (demo);
  g_autofree char *after = NULL;
  g_autofree char *bytes = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "pack", demo, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_clear_pointer (&bytes, g_free);
  g_assert_cmpint (g_unlink (pdf), ==, 0);

  run_cli (fixture, &run, "pack", demo, "--board", "send improvement board", "--date",
           "2026-11-18", "--as-at", "2026-10-31", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  after = file_checksum (demo);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_unlink (pdf), ==, 0);

  run_cli (fixture, &run, "pack", demo, "--date", "2001-01-01", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no meeting on 2001-01-01"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_cli (fixture, &run, "pack", demo, "--board", "Scrutiny <b>", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no board is called 'Scrutiny <b>'"));

  run_cli (fixture, &run, "pack", demo, "--date", "2026-13-01", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (fixture, &run, "pack", demo, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The board pack as a Word document, by the output's ending in any case: a zip holding
 * word/document.xml, with the programme left as it was; any other ending is a usage error that
 * names both. */
static void
test_pack_writes_docx (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *docx = fixture_path (fixture, "x.docx");
  g_autofree char *upper = fixture_path (fixture, "Pack.DOCX");
  g_autofree char *text = fixture_path (fixture, "pack.txt");
  g_autofree char *before = file_checksum (demo);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  const char *outputs[] = { docx, upper };

  run_cli (fixture, &run, "pack", demo, "--as-at", "2026-10-31", "-o", docx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (fixture, &run, "pack", demo, "-o", upper, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      int error = 0;
      zip_t *zip = zip_open (outputs[i], ZIP_RDONLY | ZIP_CHECKCONS, &error);

      g_assert_nonnull (zip);
      g_assert_cmpint (zip_name_locate (zip, "word/document.xml", 0), >=, 0);
      g_assert_cmpint (zip_name_locate (zip, "[Content_Types].xml", 0), >=, 0);
      zip_close (zip);
    }
  after = file_checksum (demo);
  g_assert_cmpstr (before, ==, after);

  run_cli (fixture, &run, "pack", demo, "-o", text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ".pdf or .docx"));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
}

/* An edit opens the demo for writing, which takes a backup of it; "backups" lists it and
 * "restore" copies it to a new file with the same actions, never over an existing one. */
static void
test_backups_list_and_restore (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_demo (fixture);
  g_autofree char *copy = fixture_path (fixture, "restored.pathway");
  g_autofree char *actions = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) words = NULL;
  const char *name;

  /* The backups go to PATHWAY_BACKUP_DIR, which the test suite sets: a folder per file. */
  run_cli (fixture, &run, "backups", "never-opened.pathway", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "No backups yet"));
  run_clear (&run);

  run_cli (fixture, &run, "list", path, "action", NULL);
  g_assert_cmpint (run.status, ==, 0);
  actions = g_strdup (run.out);
  run_clear (&run);
  run_cli (fixture, &run, "add", path, "person", "--set", "name=Dana Whitfield", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  sum = file_checksum (path);

  run_cli (fixture, &run, "backups", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* The demo writes by its own clock over months, so it leaves backups of those days too;
   * the newest is first, after the heading. */
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  words = g_strsplit_set (lines[1], " ", -1);
  name = words[g_strv_length (words) - 1];
  g_assert_true (g_str_has_suffix (name, ".pathway"));
  g_assert_nonnull (strstr (lines[1], " ok "));
  run_clear (&run);

  run_cli (fixture, &run, "restore", path, name, "-o", copy, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (fixture, &run, "list", copy, "action", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), >, 1);
  g_assert_cmpuint (count_lines (run.out), <=, count_lines (actions));
  run_clear (&run);

  /* Never over a file that exists, the programme least of all. */
  run_cli (fixture, &run, "restore", path, name, "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "already exists"));
  run_clear (&run);
  run_cli (fixture, &run, "restore", path, name, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
  run_cli (fixture, &run, "restore", path, "no-such-backup.pathway", "-o", "other.pathway",
           NULL);
  g_assert_cmpint (run.status, ==, 2);
  after = file_checksum (path);
  g_assert_cmpstr (after, ==, sum);
}

/* On a full disk (a small tmpfs; root only, skipped elsewhere) pack exits 2 naming the file
 * and the lack of space, the old PDF stays byte for byte and no temporary is left; demo and new
 * fail without leaving a half-written programme. */
static void
test_full_disk (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = write_demo (fixture);
  g_autofree char *pdf = NULL;
  g_autofree char *new_file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  char *dir = disk_full_mount ();

  if (dir == NULL)
    return;
  pdf = g_build_filename (dir, "pack.pdf", NULL);
  run_cli (fixture, &run, "pack", demo, "--as-at", "2025-06-30", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  before = file_checksum (pdf);

  disk_full_fill (dir);
  run_clear (&run);
  run_cli (fixture, &run, "pack", demo, "--as-at", "2025-06-01", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  disk_full_assert_message (run.err, "pack.pdf");
  after = file_checksum (pdf);
  g_assert_cmpstr (before, ==, after);

  new_file = g_build_filename (dir, "new.pathway", NULL);
  run_clear (&run);
  run_cli (fixture, &run, "demo", new_file, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (fixture, &run, "new", new_file, "--name", "Full", NULL);
  g_assert_cmpint (run.status, ==, 2);
  disk_full_assert_only (dir, "pack.pdf", NULL);
  disk_full_unmount (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/json-reader/is-strict", json_parser_test);
  ADD ("/cli/new/creates-empty-programme", test_new_creates_empty_programme);
  ADD ("/cli/new/refuses-existing-file", test_new_refuses_existing_file);
  ADD ("/cli/full-disk/keeps-old-files", test_full_disk);
  ADD ("/cli/summary/counts-demo", test_summary_counts_demo);
  ADD ("/cli/summary/json-matches-text", test_summary_json_matches_text);
  ADD ("/cli/summary/by-workstream-lists-five", test_summary_by_workstream);
  ADD ("/cli/summary/json-escapes-strings", test_summary_escapes_json_strings);
  ADD_DATA ("/cli/summary/refuses-text-file", FOREIGN_TEXT, test_summary_refuses_foreign_file);
  ADD_DATA ("/cli/summary/refuses-empty-file", FOREIGN_EMPTY, test_summary_refuses_foreign_file);
  ADD_DATA ("/cli/summary/refuses-other-sqlite", FOREIGN_SQLITE,
            test_summary_refuses_foreign_file);
  ADD ("/cli/summary/names-each-problem", test_summary_names_each_problem);
  ADD ("/cli/summary/missing-file", test_summary_missing_file);
  ADD ("/cli/summary/leaves-file-unchanged", test_summary_leaves_file_unchanged);
  ADD ("/cli/check/demo-is-clean", test_check_demo_is_clean);
  ADD ("/cli/check/names-missing-creation", test_check_names_missing_creation);
  ADD ("/cli/demo/refuses-to-overwrite", test_demo_refuses_to_overwrite);
  ADD ("/cli/chart/writes-each-kind", test_chart_writes_each_kind);
  ADD ("/cli/chart/usage-errors-exit-1", test_chart_usage_errors);
  ADD ("/cli/chart/names-what-is-missing", test_chart_names_what_is_missing);
  ADD ("/cli/usage/errors-exit-1", test_usage_errors);
  ADD ("/cli/usage/help-and-version", test_help_and_version);
  ADD ("/cli/pack/writes-pdf", test_pack_writes_pdf);
  ADD ("/cli/pack/writes-docx", test_pack_writes_docx);
  ADD ("/cli/backups/list-and-restore", test_backups_list_and_restore);

#undef ADD
#undef ADD_DATA

  return g_test_run ();
}
