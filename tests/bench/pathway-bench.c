/* pathway-bench.c: how fast the store is on a programme with years of history. It builds, in a
 * temporary folder, a programme of N actions and M updates spread over 24 months (dated with
 * the document's fake clock), closes it, then times what a person waits for: opening the file,
 * one edit, the monthly rating counts behind the "RAG over time" chart, and the state of every
 * action as at a past day. Each line gives the figure, how it was taken and the target.
 *
 * Registered with meson as the 'store' benchmark (meson test --benchmark); run it in a
 * release build. Small --actions and --updates make a quick smoke test. */
#define G_LOG_DOMAIN "pathway-bench"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pathway-document.h"

#define N_MONTHS 24
#define N_WORKSTREAMS 5
#define N_AREAS 9
#define N_PEOPLE 20
#define ACTION_BATCH 1000
#define N_OPENS 5
#define N_EDITS 200
#define N_QUERIES 5

#define TARGET_LOAD_MS 150.0
#define TARGET_EDIT_MS 5.0
#define TARGET_MONTHLY_MS 50.0

static int n_actions = 10000;
static int n_updates = 200000;
static char *parent_dir = NULL;

static const GOptionEntry entries[] = {
  { "actions", 0, 0, G_OPTION_ARG_INT, &n_actions, "Actions in the programme (10000)", "N" },
  { "updates", 0, 0, G_OPTION_ARG_INT, &n_updates, "Updates over 24 months (200000)", "M" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &parent_dir,
    "Folder for the temporary programme (default: the temporary folder; pick the disk the "
    "app's users have, since each edit waits for it)", "DIR" },
  { NULL }
};

static const char *themes[] = {
  "Co-production", "Workforce and training", "Joint commissioning", "Quality of EHC plans",
  "Preparing for adulthood", "Local offer",
};

static G_GNUC_NORETURN void
die (const char *what, const GError *error)
{
  g_printerr ("pathway-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
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

/* Sorts 'samples' in place. */
static double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile (const double *sorted, guint n, guint p)
{
  guint rank = (p * n + 99) / 100;

  return sorted[MAX (rank, 1) - 1];
}

static void
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

      document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
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
  GStatBuf st;
  gint64 start;
  double generate_s, open_ms, edit_ms, edit_p95_ms, monthly_ms, monthly_ws_ms, states_ms;
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

  document = pathway_document_open (path, PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    die ("open", error);
  time_edits (document, &edit_ms, &edit_p95_ms);
  monthly_ms = time_monthly_counts (document, FALSE);
  monthly_ws_ms = time_monthly_counts (document, TRUE);
  states_ms = time_states_as_at (document);
  pathway_document_close (document);

  report ("open-and-load", open_ms, "median of 5", TARGET_LOAD_MS, &missed);
  report ("edit", edit_ms, "median of 200 set_rating", TARGET_EDIT_MS, &missed);
  report ("edit-p95", edit_p95_ms, "95th percentile of 200", 0, &missed);
  report ("monthly-counts", monthly_ms, "median of 5, programme", TARGET_MONTHLY_MS, &missed);
  report ("monthly-counts-workstream", monthly_ws_ms, "median of 5, one workstream",
          TARGET_MONTHLY_MS, &missed);
  report ("states-as-at", states_ms, "median of 5, mid-history", 0, &missed);
  if (missed == 0)
    g_print ("targets: all met\n");
  else
    g_print ("targets: %u missed\n", missed);

  g_clear_object (&document);
  remove_folder (dir);
  g_free (parent_dir);

  /* Missed targets are reported, not failed: the figures depend on the machine and on the
   * build (sanitizers), and the smoke test only proves the program runs. */
  return 0;
}
