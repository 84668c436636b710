/* pathway-bench.c: how fast the store is on a programme with years of history. It builds, in a
 * temporary folder, a programme of N actions and M updates spread over 24 months (dated with
 * the document's fake clock), closes it, then times what a person waits for: opening the file,
 * one edit, the monthly rating counts behind the "RAG over time" chart, the state of every
 * action as at a past day, and the consistency check (pathway-cli check). It then writes a
 * programme of the same size as the release before the change log wrote it (schema version 3,
 * straight in SQL, since the document API only writes the current version) and times the first
 * open of that file in this version: the backup, the upgrade to the current schema and the
 * load. With a PostgreSQL server in PATHWAY_TEST_PG (build-aux/bench starts one) it then times
 * the same programme and the demo on the server (pathway-bench-remote.c). Each line gives the
 * figure, how it was taken and the target.
 *
 * Registered with meson as the 'store' benchmark (meson test --benchmark); run it in a
 * release build. Small --actions and --updates make a quick smoke test. */
#define G_LOG_DOMAIN "pathway-bench"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "pathway-bench.h"
#include "pathway-document.h"
#include "pathway-store-private.h"

#define N_MONTHS 24
#define N_WORKSTREAMS 5
#define N_AREAS 9
#define N_PEOPLE 20
#define ACTION_BATCH 1000
#define N_OPENS 5
#define N_EDITS 200
#define N_QUERIES 5
#define N_MIGRATIONS 3
#define N_CHECKS 3

#define TARGET_LOAD_MS 150.0
#define TARGET_EDIT_MS 5.0
#define TARGET_MONTHLY_MS 50.0
#define TARGET_MIGRATE_MS 5000.0
#define TARGET_CHECK_MS 1000.0

static int n_actions = 10000;
static int n_updates = 200000;
static int n_changes = 200;
static char *parent_dir = NULL;
static gboolean keep = FALSE;

static const GOptionEntry entries[] = {
  { "actions", 0, 0, G_OPTION_ARG_INT, &n_actions, "Actions in the programme (10000)", "N" },
  { "updates", 0, 0, G_OPTION_ARG_INT, &n_updates, "Updates over 24 months (200000)", "M" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &parent_dir,
    "Folder for the temporary programme (default: the temporary folder; pick the disk the "
    "app's users have, since each edit waits for it)", "DIR" },
  { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes,
    "Edits timed on a server, and changes timed until another client sees them (200)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep,
    "Leave the generated programmes in the folder and print its name", NULL },
  { NULL }
};

static const char *themes[] = {
  "Co-production", "Workforce and training", "Joint commissioning", "Quality of EHC plans",
  "Preparing for adulthood", "Local offer",
};

void
die (const char *what, const GError *error)
{
  g_printerr ("pathway-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

double
percentile (const double *sorted, guint n, guint p)
{
  guint rank = (p * n + 99) / 100;

  return sorted[MAX (rank, 1) - 1];
}

void
report (const char *name, double ms, const char *how, double target_ms, guint *missed)
{
  g_autofree char *figure = g_strdup_printf ("%.2f ms", ms);

  if (target_ms > 0)
    {
      g_autofree char *target = g_strdup_printf ("target <= %g ms", target_ms);
      gboolean met = ms <= target_ms;

      g_print ("%-26s %11s  %-28s %-18s %s\n", name, figure, how, target,
               met ? "met" : "MISSED");
      if (!met)
        (*missed)++;
    }
  else
    {
      g_print ("%-26s %11s  %s\n", name, figure, how);
    }
}

/* Generating the programme --------------------------------------------------------------- */

static GDateTime *
first_month (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 9, 0, 0);

  /* The history ends in the current month, so "until today" covers all of it. */
  return g_date_time_add_months (month, -(N_MONTHS - 1));
}

static PathwayRating
other_rating (GRand *rand, PathwayRating current)
{
  static const PathwayRating choices[] = {
    PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN,
  };
  PathwayRating rating;

  do
    rating = choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (choices))];
  while (rating == current);
  return rating;
}

static PathwayStatus
other_status (GRand *rand, PathwayStatus current)
{
  static const PathwayStatus choices[] = {
    PATHWAY_STATUS_NOT_STARTED, PATHWAY_STATUS_ON_TRACK, PATHWAY_STATUS_DELAYED,
    PATHWAY_STATUS_COMPLETE,
  };
  PathwayStatus status;

  do
    status = choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (choices))];
  while (status == current);
  return status;
}

static void
add_structure (PathwayDocument *document, GPtrArray *areas, GPtrArray *workstreams,
               GPtrArray *people)
{
  g_autoptr(GError) error = NULL;

  if (!pathway_document_begin_batch (document, "Set up", &error))
    die ("begin batch", error);

  for (guint i = 0; i < N_AREAS; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = pathway_area_of_weakness_new ();
      g_autofree char *reference = g_strdup_printf ("%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Area of weakness %u", i + 1);

      pathway_area_of_weakness_set_reference (area, reference);
      pathway_area_of_weakness_set_title (area, title);
      pathway_area_of_weakness_set_position (area, (int) i);
      if (!pathway_document_add_area (document, area, &error))
        die ("add area", error);
      g_ptr_array_add (areas, g_object_ref (area));
    }

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(PathwayPerson) person = pathway_person_new ();
      g_autofree char *name = g_strdup_printf ("Officer %u", i + 1);

      pathway_person_set_name (person, name);
      pathway_person_set_organisation (person, i % 2 ? "Council" : "ICB");
      if (!pathway_document_add_person (document, person, &error))
        die ("add person", error);
      g_ptr_array_add (people, g_object_ref (person));
    }

  for (guint i = 0; i < N_WORKSTREAMS; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();
      char code[2] = { (char) ('A' + i), '\0' };
      g_autofree char *title = g_strdup_printf ("Workstream %s", code);

      pathway_workstream_set_code (workstream, code);
      pathway_workstream_set_title (workstream, title);
      pathway_workstream_set_lead (workstream, g_ptr_array_index (people, i));
      if (!pathway_document_add_workstream (document, workstream, &error))
        die ("add workstream", error);
      g_ptr_array_add (workstreams, g_object_ref (workstream));
    }

  if (!pathway_document_commit_batch (document, &error))
    die ("commit set-up", error);
}

static void
add_actions (PathwayDocument *document, GDateTime *start, GRand *rand, GPtrArray *areas,
             GPtrArray *workstreams, GPtrArray *people, GPtrArray *actions)
{
  g_autoptr(GError) error = NULL;

  for (int first = 0; first < n_actions; first += ACTION_BATCH)
    {
      if (!pathway_document_begin_batch (document, "Add actions", &error))
        die ("begin batch", error);

      for (int i = first; i < MIN (first + ACTION_BATCH, n_actions); i++)
        {
          g_autoptr(PathwayAction) action = pathway_action_new ();
          g_autoptr(PathwayTimescale) timescale = NULL;
          g_autoptr(GDateTime) due = g_date_time_add_months (start,
                                                             g_rand_int_range (rand, 3, 31));
          g_autofree char *reference = g_strdup_printf ("%c%d.%d", 'A' + i % N_WORKSTREAMS,
                                                        i / N_WORKSTREAMS / 10 + 1, i % 10 + 1);
          g_autofree char *description =
            g_strdup_printf ("Action %d: improve the timeliness and quality of plans in the "
                             "locality, with parents and carers involved from the start", i + 1);
          g_autofree char *text = g_date_time_format (due, "%B %Y");
          GDate due_date;

          /* The end of the month the timescale names. */
          g_date_clear (&due_date, 1);
          g_date_set_dmy (&due_date, 1, g_date_time_get_month (due), g_date_time_get_year (due));
          g_date_set_day (&due_date, g_date_get_days_in_month (g_date_get_month (&due_date),
                                                              g_date_get_year (&due_date)));
          timescale = pathway_timescale_new (text, &due_date, PATHWAY_PRECISION_MONTH);

          pathway_action_set_reference (action, reference);
          pathway_action_set_description (action, description);
          pathway_action_set_workstream (action, g_ptr_array_index (workstreams,
                                                                    i % N_WORKSTREAMS));
          pathway_action_set_area (action, g_ptr_array_index (areas, i % N_AREAS));
          pathway_action_set_lead (action, g_ptr_array_index (people, i % N_PEOPLE));
          pathway_action_set_theme (action, themes[i % G_N_ELEMENTS (themes)]);
          pathway_action_set_original_timescale (action, timescale);
          pathway_action_set_status (action, PATHWAY_STATUS_NOT_STARTED);
          pathway_action_set_rating (action, other_rating (rand, PATHWAY_RATING_NONE));
          pathway_action_set_commentary (action, "Action agreed by the board.");
          if (!pathway_document_add_action (document, action, &error))
            die ("add action", error);
          g_ptr_array_add (actions, g_object_ref (action));
        }

      if (!pathway_document_commit_batch (document, &error))
        die ("commit actions", error);
    }
}

/* One batch per month, as a programme manager enters the monthly returns. */
static void
add_updates (PathwayDocument *document, GDateTime *start, GRand *rand, GPtrArray *actions)
{
  g_autoptr(GError) error = NULL;

  for (int month = 0; month < N_MONTHS; month++)
    {
      g_autoptr(GDateTime) month_start = g_date_time_add_months (start, month);
      g_autoptr(GDateTime) month_end = g_date_time_add_months (start, month + 1);
      GTimeSpan span = g_date_time_difference (month_end, month_start);
      int n = n_updates / N_MONTHS + (month < n_updates % N_MONTHS ? 1 : 0);

      if (!pathway_document_begin_batch (document, "Monthly returns", &error))
        die ("begin batch", error);

      for (int k = 0; k < n; k++)
        {
          PathwayAction *action = g_ptr_array_index (actions,
                                                     g_rand_int_range (rand, 0, actions->len));
          g_autoptr(GDateTime) at = g_date_time_add (month_start, span / (n + 1) * (k + 1));
          guint kind = (guint) g_rand_int_range (rand, 0, 4);
          gboolean ok;

          pathway_document_set_now (document, at);
          if (kind < 2)
            {
              ok = pathway_document_set_rating (document, action,
                                                other_rating (rand,
                                                              pathway_action_get_rating (action)),
                                                "Agreed at the monthly review", &error);
            }
          else if (kind == 2)
            {
              ok = pathway_document_set_status (document, action,
                                                other_status (rand,
                                                              pathway_action_get_status (action)),
                                                NULL, &error);
            }
          else
            {
              g_autofree char *commentary =
                g_strdup_printf ("Month %d, return %d: the lead reports progress against the "
                                 "milestones; next steps agreed with the workstream.",
                                 month + 1, k + 1);

              ok = pathway_document_set_commentary (document, action, commentary, &error);
            }
          if (!ok)
            die ("update", error);
        }

      if (!pathway_document_commit_batch (document, &error))
        die ("commit monthly returns", error);
    }
}

static void
generate (const char *path)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) workstreams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = first_month ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20190101);
  g_autoptr(GError) error = NULL;

  document = pathway_document_create (path, "Benchmark programme", &error);
  if (document == NULL)
    die ("create", error);
  pathway_document_set_author (document, "Programme manager");
  pathway_document_set_now (document, start);

  add_structure (document, areas, workstreams, people);
  add_actions (document, start, rand, areas, workstreams, people, actions);
  add_updates (document, start, rand, actions);

  pathway_document_close (document);
}

/* Timing --------------------------------------------------------------------------------- */

static double
time_open (const char *path)
{
  double samples[N_OPENS];

  for (guint i = 0; i < N_OPENS; i++)
    {
      g_autoptr(PathwayDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      guint n;

      document = pathway_document_open (path, PATHWAY_OPEN_DEFER_CHECK, &error);
      if (document == NULL)
        die ("open", error);
      n = g_list_model_get_n_items (
        pathway_programme_get_actions (pathway_document_get_programme (document)));
      samples[i] = ms_since (start);

      if (n != (guint) n_actions)
        {
          g_printerr ("pathway-bench: opened %u actions of %d\n", n, n_actions);
          exit (1);
        }
      pathway_document_close (document);
    }

  return median (samples, N_OPENS);
}

static void
time_edits (PathwayDocument *document, double *median_ms, double *p95_ms)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  guint n = g_list_model_get_n_items (actions);
  double samples[N_EDITS];

  /* The real clock: these are today's edits. */
  pathway_document_set_now (document, NULL);

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, (i * 7919u) % n);
      g_autoptr(GError) error = NULL;
      PathwayRating rating = pathway_action_get_rating (action) == PATHWAY_RATING_AMBER
                             ? PATHWAY_RATING_GREEN
                             : PATHWAY_RATING_AMBER;
      gint64 start = g_get_monotonic_time ();

      if (!pathway_document_set_rating (document, action, rating, NULL, &error))
        die ("edit", error);
      samples[i] = ms_since (start);
    }

  *median_ms = median (samples, N_EDITS);
  *p95_ms = percentile (samples, N_EDITS, 95);
}

/* The counts at the last month-end cover every action: a wrong sum would make the timing
 * meaningless. */
static void
check_monthly_counts (GArray *months, guint expected)
{
  const PathwayMonthCounts *last;
  guint sum = 0;

  if (months->len < N_MONTHS)
    {
      g_printerr ("pathway-bench: %u months of counts, expected at least %d\n", months->len,
                  N_MONTHS);
      exit (1);
    }
  last = &g_array_index (months, PathwayMonthCounts, months->len - 1);
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    sum += last->counts[r];
  if (sum != expected)
    {
      g_printerr ("pathway-bench: the last month counts %u actions, expected %u\n", sum,
                  expected);
      exit (1);
    }
}

static double
time_monthly_counts (PathwayDocument *document, gboolean by_workstream)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *workstreams = pathway_programme_get_workstreams (programme);
  double samples[N_QUERIES];

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = NULL;
      g_autoptr(GArray) months = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      if (by_workstream)
        workstream = g_list_model_get_item (workstreams, i % N_WORKSTREAMS);

      start = g_get_monotonic_time ();
      months = pathway_document_monthly_counts (document, workstream, NULL, &error);
      samples[i] = ms_since (start);
      if (months == NULL)
        die ("monthly counts", error);

      check_monthly_counts (months, by_workstream
                                    ? (guint) (n_actions / N_WORKSTREAMS
                                               + ((int) (i % N_WORKSTREAMS)
                                                  < n_actions % N_WORKSTREAMS ? 1 : 0))
                                    : (guint) n_actions);
    }

  return median (samples, N_QUERIES);
}

/* The damage check an open makes (the full integrity_check up to
 * PATHWAY_DAMAGE_FULL_CHECK_BYTES, quick_check and each index against its table above), or
 * the full integrity_check whatever the size; median of 3. */
static double
time_damage_check (const char *path, gboolean full)
{
  double times[3];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!pathway_document_check_file (path, full, &error))
        die ("damage check", error);
      times[i] = ms_since (start);
    }
  return median (times, G_N_ELEMENTS (times));
}

/* The whole consistency check, as `pathway-cli check` runs it: SQLite's integrity check and
 * foreign keys, then the programme's own rules over every action and the change log. */
static double
time_check (PathwayDocument *document)
{
  double samples[N_CHECKS];

  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      gint64 start_time = g_get_monotonic_time ();
      gboolean clean = pathway_document_check (document, problems, &error);

      samples[i] = ms_since (start_time);
      if (error != NULL)
        die ("check", error);
      if (!clean)
        {
          g_printerr ("pathway-bench: the check found %u problems, the first: %s\n",
                      problems->len, problems->len > 0 ? (char *) problems->pdata[0] : "");
          exit (1);
        }
    }
  return median (samples, N_CHECKS);
}

static double
time_states_as_at (PathwayDocument *document)
{
  g_autoptr(GDateTime) start = first_month ();
  g_autoptr(GDateTime) middle = g_date_time_add_months (start, N_MONTHS / 2);
  double samples[N_QUERIES];
  GDate date;

  /* The end of a month half-way through the history. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_time_get_month (middle), g_date_time_get_year (middle));
  g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date),
                                                   g_date_get_year (&date)));

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autoptr(GArray) states = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start_time = g_get_monotonic_time ();

      states = pathway_document_states_as_at (document, &date, &error);
      samples[i] = ms_since (start_time);
      if (states == NULL)
        die ("states as at", error);
      if (states->len != (guint) n_actions)
        {
          g_printerr ("pathway-bench: %u action states as at mid-history, expected %d\n",
                      states->len, n_actions);
          exit (1);
        }
    }

  return median (samples, N_QUERIES);
}

/* A version 3 file ---------------------------------------------------------------------- */

/* The version 3 file is written with SQLite itself: nothing in the store writes an old
 * version beyond the empty programme. */
static G_GNUC_NORETURN void
die_sql (sqlite3 *db, const char *what)
{
  g_printerr ("pathway-bench: %s: %s\n", what, sqlite3_errmsg (db));
  exit (1);
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    die_sql (db, sql);
  return stmt;
}

static void
step_done (sqlite3 *db, sqlite3_stmt *stmt, const char *what)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    die_sql (db, what);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    die_sql (db, sql);
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Where an action stands, so that each update's "from" is the value before it. */
typedef struct {
  PathwayRating rating;
  PathwayStatus status;
  char *commentary;
  gint64 last_updated;
} V3Action;

/* Rows of action_update as the store of that release wrote them. */
static void
insert_v3_update (sqlite3 *db, sqlite3_stmt *stmt, gint64 action_id, gint64 at,
                  PathwayField field, const char *from, const char *to, const char *note)
{
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, at);
  bind_text (stmt, 3, "Programme manager");
  sqlite3_bind_int (stmt, 4, field);
  bind_text (stmt, 5, from);
  bind_text (stmt, 6, to);
  bind_text (stmt, 7, note);
  step_done (db, stmt, "insert update");
}

/* The structure: areas, people and workstreams as add_structure makes them. */
static void
insert_v3_structure (sqlite3 *db)
{
  sqlite3_stmt *area = prepare (db, "INSERT INTO area (id, reference, title, position)"
                                    " VALUES (?1, ?2, ?3, ?4)");
  sqlite3_stmt *person = prepare (db, "INSERT INTO person (id, name, organisation)"
                                      " VALUES (?1, ?2, ?3)");
  sqlite3_stmt *workstream = prepare (db, "INSERT INTO workstream (id, code, title, lead_id)"
                                          " VALUES (?1, ?2, ?3, ?4)");

  for (int i = 0; i < N_AREAS; i++)
    {
      g_autofree char *reference = g_strdup_printf ("%d", i + 1);
      g_autofree char *title = g_strdup_printf ("Area of weakness %d", i + 1);

      sqlite3_bind_int (area, 1, i + 1);
      bind_text (area, 2, reference);
      bind_text (area, 3, title);
      sqlite3_bind_int (area, 4, i);
      step_done (db, area, "insert area");
    }
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Officer %d", i + 1);

      sqlite3_bind_int (person, 1, i + 1);
      bind_text (person, 2, name);
      bind_text (person, 3, i % 2 ? "Council" : "ICB");
      step_done (db, person, "insert person");
    }
  for (int i = 0; i < N_WORKSTREAMS; i++)
    {
      char code[2] = { (char) ('A' + i), '\0' };
      g_autofree char *title = g_strdup_printf ("Workstream %s", code);

      sqlite3_bind_int (workstream, 1, i + 1);
      bind_text (workstream, 2, code);
      bind_text (workstream, 3, title);
      sqlite3_bind_int (workstream, 4, i + 1);
      step_done (db, workstream, "insert workstream");
    }

  sqlite3_finalize (area);
  sqlite3_finalize (person);
  sqlite3_finalize (workstream);
}

/* N actions, each with the updates its creation writes (created, rating, status,
 * commentary), as add_actions makes them. */
static void
insert_v3_actions (sqlite3 *db, sqlite3_stmt *update, GDateTime *start, GRand *rand,
                   V3Action *actions)
{
  sqlite3_stmt *stmt = prepare (db,
                                "INSERT INTO action (id, reference, description, area_id,"
                                " workstream_id, theme, lead_id, original_text, original_date,"
                                " original_precision, status, rating, commentary, created,"
                                " last_updated)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'month', ?10,"
                                " ?11, ?12, ?13, ?13)");
  gint64 created = g_date_time_to_unix (start);

  for (int i = 0; i < n_actions; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_months (start, g_rand_int_range (rand, 3, 31));
      g_autofree char *reference = g_strdup_printf ("%c%d.%d", 'A' + i % N_WORKSTREAMS,
                                                    i / N_WORKSTREAMS / 10 + 1, i % 10 + 1);
      g_autofree char *description =
        g_strdup_printf ("Action %d: improve the timeliness and quality of plans in the "
                         "locality, with parents and carers involved from the start", i + 1);
      g_autofree char *text = g_date_time_format (due, "%B %Y");
      g_autofree char *due_iso = g_strdup_printf (
        "%04d-%02d-%02d", g_date_time_get_year (due), g_date_time_get_month (due),
        g_date_get_days_in_month (g_date_time_get_month (due), g_date_time_get_year (due)));
      V3Action *action = &actions[i];

      action->rating = other_rating (rand, PATHWAY_RATING_NONE);
      action->status = PATHWAY_STATUS_NOT_STARTED;
      action->commentary = g_strdup ("Action agreed by the board.");
      action->last_updated = created;

      sqlite3_bind_int (stmt, 1, i + 1);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, description);
      sqlite3_bind_int (stmt, 4, i % N_AREAS + 1);
      sqlite3_bind_int (stmt, 5, i % N_WORKSTREAMS + 1);
      bind_text (stmt, 6, themes[i % G_N_ELEMENTS (themes)]);
      sqlite3_bind_int (stmt, 7, i % N_PEOPLE + 1);
      bind_text (stmt, 8, text);
      bind_text (stmt, 9, due_iso);
      bind_text (stmt, 10, pathway_status_to_nick (action->status));
      bind_text (stmt, 11, pathway_rating_to_nick (action->rating));
      bind_text (stmt, 12, action->commentary);
      sqlite3_bind_int64 (stmt, 13, created);
      step_done (db, stmt, "insert action");

      insert_v3_update (db, update, i + 1, created, PATHWAY_FIELD_CREATED, NULL, reference,
                        "Add actions");
      insert_v3_update (db, update, i + 1, created, PATHWAY_FIELD_RATING, NULL,
                        pathway_rating_to_nick (action->rating), "");
      insert_v3_update (db, update, i + 1, created, PATHWAY_FIELD_STATUS, NULL,
                        pathway_status_to_nick (action->status), "");
      insert_v3_update (db, update, i + 1, created, PATHWAY_FIELD_COMMENTARY, NULL,
                        action->commentary, "");
    }

  sqlite3_finalize (stmt);
}

/* M updates over 24 months, as add_updates makes them, then each action's row brought to
 * where its history ends. */
static void
insert_v3_updates (sqlite3 *db, sqlite3_stmt *update, GDateTime *start, GRand *rand,
                   V3Action *actions)
{
  sqlite3_stmt *stmt = prepare (db, "UPDATE action SET rating = ?1, status = ?2, commentary = ?3,"
                                    " last_updated = ?4 WHERE id = ?5");

  for (int month = 0; month < N_MONTHS; month++)
    {
      g_autoptr(GDateTime) month_start = g_date_time_add_months (start, month);
      g_autoptr(GDateTime) month_end = g_date_time_add_months (start, month + 1);
      GTimeSpan span = g_date_time_difference (month_end, month_start);
      int n = n_updates / N_MONTHS + (month < n_updates % N_MONTHS ? 1 : 0);

      for (int k = 0; k < n; k++)
        {
          int index = g_rand_int_range (rand, 0, n_actions);
          V3Action *action = &actions[index];
          g_autoptr(GDateTime) when = g_date_time_add (month_start, span / (n + 1) * (k + 1));
          gint64 at = g_date_time_to_unix (when);
          guint kind = (guint) g_rand_int_range (rand, 0, 4);

          if (kind < 2)
            {
              PathwayRating rating = other_rating (rand, action->rating);

              insert_v3_update (db, update, index + 1, at, PATHWAY_FIELD_RATING,
                                pathway_rating_to_nick (action->rating),
                                pathway_rating_to_nick (rating), "Agreed at the monthly review");
              action->rating = rating;
            }
          else if (kind == 2)
            {
              PathwayStatus status = other_status (rand, action->status);

              insert_v3_update (db, update, index + 1, at, PATHWAY_FIELD_STATUS,
                                pathway_status_to_nick (action->status),
                                pathway_status_to_nick (status), "");
              action->status = status;
            }
          else
            {
              char *commentary =
                g_strdup_printf ("Month %d, return %d: the lead reports progress against the "
                                 "milestones; next steps agreed with the workstream.",
                                 month + 1, k + 1);

              insert_v3_update (db, update, index + 1, at, PATHWAY_FIELD_COMMENTARY,
                                action->commentary, commentary, "");
              g_free (action->commentary);
              action->commentary = commentary;
            }
          action->last_updated = at;
        }
    }

  for (int i = 0; i < n_actions; i++)
    {
      bind_text (stmt, 1, pathway_rating_to_nick (actions[i].rating));
      bind_text (stmt, 2, pathway_status_to_nick (actions[i].status));
      bind_text (stmt, 3, actions[i].commentary);
      sqlite3_bind_int64 (stmt, 4, actions[i].last_updated);
      sqlite3_bind_int (stmt, 5, i + 1);
      step_done (db, stmt, "update action");
    }

  sqlite3_finalize (stmt);
}

/* The programme of N actions and M updates as the release before the change log wrote it:
 * an empty programme file at schema version 3, as the store makes one for the migration
 * tests, filled in one transaction. */
static void
generate_v3 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = first_month ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20190101);
  V3Action *actions = g_new0 (V3Action, n_actions);
  sqlite3 *db = NULL;
  sqlite3_stmt *update;

  if (!pathway_store_create_at_version (path, 3, &error))
    die ("create a version 3 file", error);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    die_sql (db, path);

  exec_sql (db, "BEGIN");
  exec_sql (db, "UPDATE programme SET name = 'Benchmark programme'");
  update = prepare (db, "INSERT INTO action_update (action_id, at, author, field, from_value,"
                        " to_value, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert_v3_structure (db);
  insert_v3_actions (db, update, start, rand, actions);
  insert_v3_updates (db, update, start, rand, actions);
  sqlite3_finalize (update);
  exec_sql (db, "COMMIT");

  if (sqlite3_close (db) != SQLITE_OK)
    die_sql (db, "close");
  for (int i = 0; i < n_actions; i++)
    g_free (actions[i].commentary);
  g_free (actions);
}

/* The rows the upgrade must have moved into the change log: four for each action's creation
 * and the M updates. */
static void
check_migrated (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 expected = 4 * (gint64) n_actions + n_updates;
  gint64 version, moved;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    die_sql (db, path);
  stmt = prepare (db, "SELECT (SELECT count(*) FROM change_log WHERE kind = 'action'),"
                      " (SELECT user_version FROM pragma_user_version)");
  if (sqlite3_step (stmt) != SQLITE_ROW)
    die_sql (db, "count the change log");
  moved = sqlite3_column_int64 (stmt, 0);
  version = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (version != PATHWAY_SCHEMA_VERSION || moved != expected)
    {
      g_printerr ("pathway-bench: the upgraded file is version %" G_GINT64_FORMAT " with %"
                  G_GINT64_FORMAT " action changes, expected version %d with %" G_GINT64_FORMAT
                  "\n", version, moved, PATHWAY_SCHEMA_VERSION, expected);
      exit (1);
    }
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &contents, &length, &error) ||
      !g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0644, &error))
    die ("copy the version 3 file", error);
}

/* Each round opens a fresh copy of the version 3 file, since an open upgrades it; the copy is
 * made outside the timing. */
static double
time_migrate (const char *v3_path, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "migrate.pathway", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.v3-backup", path);
  double samples[N_MIGRATIONS];

  for (guint i = 0; i < N_MIGRATIONS; i++)
    {
      g_autoptr(PathwayDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      guint n;

      g_unlink (path);
      g_unlink (backup);
      copy_file (v3_path, path);

      start = g_get_monotonic_time ();
      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
      if (document == NULL)
        die ("open the version 3 file", error);
      n = g_list_model_get_n_items (
        pathway_programme_get_actions (pathway_document_get_programme (document)));
      samples[i] = ms_since (start);

      if (pathway_document_get_migration_backup (document) == NULL)
        {
          g_printerr ("pathway-bench: the version 3 file was opened without an upgrade\n");
          exit (1);
        }
      if (n != (guint) n_actions)
        {
          g_printerr ("pathway-bench: upgraded %u actions of %d\n", n, n_actions);
          exit (1);
        }
      pathway_document_close (document);
      check_migrated (path);
    }

  return median (samples, N_MIGRATIONS);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the Pathway store");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *v3_path = NULL;
  g_autofree char *migrate_how = NULL;
  GStatBuf st;
  gint64 start;
  double generate_s, open_ms, edit_ms, edit_p95_ms, monthly_ms, monthly_ws_ms, states_ms;
  double check_ms, damage_ms, integrity_ms;
  double v3_generate_s, migrate_ms;
  guint missed = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("pathway-bench: %s\n", error->message);
      return 1;
    }
  if (n_actions < N_WORKSTREAMS || n_updates < 0)
    {
      g_printerr ("pathway-bench: --actions must be at least %d and --updates not negative\n",
                  N_WORKSTREAMS);
      return 1;
    }

  if (parent_dir != NULL)
    {
      dir = g_build_filename (parent_dir, "pathway-bench-XXXXXX", NULL);
      if (g_mkdtemp (dir) == NULL)
        {
          g_printerr ("pathway-bench: %s: %s\n", parent_dir, g_strerror (errno));
          return 1;
        }
    }
  else
    {
      dir = g_dir_make_tmp ("pathway-bench-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary folder", error);
    }
  path = g_build_filename (dir, "bench.pathway", NULL);

  start = g_get_monotonic_time ();
  generate (path);
  generate_s = ms_since (start) / 1000.0;
  if (g_stat (path, &st) != 0)
    st.st_size = 0;

  g_print ("programme: %d actions, %d updates over %d months; generated in %.1f s; "
           "file %.1f MB\n",
           n_actions, n_updates, N_MONTHS, generate_s, (double) st.st_size / 1e6);

  open_ms = time_open (path);
  damage_ms = time_damage_check (path, FALSE);
  integrity_ms = time_damage_check (path, TRUE);

  document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    die ("open", error);
  time_edits (document, &edit_ms, &edit_p95_ms);
  monthly_ms = time_monthly_counts (document, FALSE);
  monthly_ws_ms = time_monthly_counts (document, TRUE);
  states_ms = time_states_as_at (document);
  check_ms = time_check (document);
  pathway_document_close (document);

  v3_path = g_build_filename (dir, "bench-v3.pathway", NULL);
  start = g_get_monotonic_time ();
  generate_v3 (v3_path);
  v3_generate_s = ms_since (start) / 1000.0;
  if (g_stat (v3_path, &st) != 0)
    st.st_size = 0;
  g_print ("version 3 file: the same programme written in SQL in %.1f s; file %.1f MB\n",
           v3_generate_s, (double) st.st_size / 1e6);
  migrate_ms = time_migrate (v3_path, dir);
  migrate_how = g_strdup_printf ("median of %d: %d actions, %d updates, backup included",
                                 N_MIGRATIONS, n_actions, n_updates);

  report ("open-and-load", open_ms, "median of 5", TARGET_LOAD_MS, &missed);
  report ("damage check", damage_ms, "median of 3, quick_check and indexes (the window: in idle steps)", 0, &missed);
  report ("integrity_check", integrity_ms, "median of 3, the whole file", 0, &missed);
  report ("edit", edit_ms, "median of 200 set_rating", TARGET_EDIT_MS, &missed);
  report ("edit-p95", edit_p95_ms, "95th percentile of 200", 0, &missed);
  report ("monthly-counts", monthly_ms, "median of 5, programme", TARGET_MONTHLY_MS, &missed);
  report ("monthly-counts-workstream", monthly_ws_ms, "median of 5, one workstream",
          TARGET_MONTHLY_MS, &missed);
  report ("states-as-at", states_ms, "median of 5, mid-history", 0, &missed);
  report ("check", check_ms, "median of 3, whole file", TARGET_CHECK_MS, &missed);
  report ("migrate from version 3", migrate_ms, migrate_how, TARGET_MIGRATE_MS, &missed);
  bench_remote (dir, path, (guint) MAX (n_changes, 1), &missed);
  if (missed == 0)
    g_print ("targets: all met\n");
  else
    g_print ("targets: %u missed\n", missed);

  g_clear_object (&document);
  if (keep)
    g_print ("programmes kept in %s\n", dir);
  else
    remove_folder (dir);
  g_free (parent_dir);

  /* Missed targets are reported, not failed: the figures depend on the machine and on the
   * build (sanitizers), and the smoke test only proves the program runs. */
  return 0;
}
