/* bench-pack.c: how long the board pack takes, beside what a user does today.
 *  - the demo's pack, the whole `pathway-cli pack` process from start to exit (median of
 *    seven runs; target 0.15 s);
 *  - a 10,000-action programme's pack with the appendix, in this process (target 5 s);
 *  - the demo's tracker as a CSV turned into a PDF by LibreOffice and by Gnumeric's ssconvert,
 *    when they are installed (what printing the tracker costs today).
 * Usage: bench-pack PATHWAY-CLI [--actions N]. Small N makes the smoke test. */
#define G_LOG_DOMAIN "pathway-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pathway-demo.h"
#include "pathway-pack.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
die (const char *what, const GError *error)
{
  g_printerr ("bench-pack: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
run_timed (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                                                   | G_SPAWN_STDOUT_TO_DEV_NULL
                                                   | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    die (argv[0], error);
  if (!g_spawn_check_wait_status (status, &error))
    return -1;
  return seconds_since (start);
}

static gboolean
installed (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
write_tracker_csv (PathwayDocument *document, const char *path)
{
  GListModel *actions = pathway_programme_get_actions (pathway_document_get_programme (document));
  GString *out = g_string_new ("Ref,Action,Lead,Timescale,RAG,Comments\r\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      const char *fields[6];
      PathwayPerson *lead = pathway_action_get_lead (action);
      const PathwayTimescale *original = pathway_action_get_original_timescale (action);

      fields[0] = pathway_action_get_reference (action);
      fields[1] = pathway_action_get_description (action);
      fields[2] = lead ? pathway_person_get_name (lead) : "";
      fields[3] = original ? original->text : "";
      fields[4] = pathway_rating_to_nick (pathway_action_get_rating (action));
      fields[5] = pathway_action_get_commentary (action);
      for (guint f = 0; f < 6; f++)
        {
          g_auto(GStrv) parts = g_strsplit (fields[f], "\"", -1);
          g_autofree char *quoted = g_strjoinv ("\"\"", parts);

          g_string_append_printf (out, "%s\"%s\"", f ? "," : "", quoted);
        }
      g_string_append (out, "\r\n");
    }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    die (path, error);
  g_string_free (out, TRUE);
}

static PathwayDocument *
make_programme (const char *path, guint n_actions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_document_create (path, "Benchmark Programme",
                                                                 &error);
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(PathwayMeeting) meeting = pathway_meeting_new ();
  g_autoptr(GDate) day = g_date_new_dmy (10, G_DATE_MARCH, 2026);
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 2, 1, 9, 0, 0);
  PathwayWorkstream *workstreams[5];

  if (document == NULL)
    die (path, error);
  /* The actions exist before the meeting, so its pack holds them all. */
  pathway_document_set_now (document, clock);
  for (guint w = 0; w < G_N_ELEMENTS (workstreams); w++)
    {
      g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
      g_autofree char *code = g_strdup_printf ("%c", 'A' + w);

      pathway_workstream_set_code (draft, code);
      pathway_workstream_set_title (draft, "Workstream");
      if (!pathway_document_add_workstream (document, draft, &error))
        die ("workstream", error);
      workstreams[w] = draft;
    }
  if (!pathway_document_begin_batch (document, "Fill", &error))
    die ("batch", error);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u%c %u", 1 + i / 100, 'A' + i % 4, i);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse ("March 2026");

      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, "Deliver this part of the plan with families "
                                              "and partners across education, health and care");
      pathway_action_set_workstream (action, workstreams[i % 5]);
      pathway_action_set_theme (action, i % 2 ? "Co-production" : "Workforce");
      pathway_action_set_original_timescale (action, timescale);
      pathway_action_set_rating (action, (PathwayRating) (1 + i % 3));
      pathway_action_set_commentary (action, "Progress this month: the lead met partners and "
                                             "agreed the next steps; the plan is on course.");
      if (!pathway_document_add_action (document, action, &error))
        die ("action", error);
    }
  if (!pathway_document_commit_batch (document, &error))
    die ("batch", error);
  pathway_board_set_name (board, "Board");
  if (!pathway_document_add_board (document, board, &error))
    die ("board", error);
  pathway_meeting_set_date (meeting, day);
  pathway_meeting_set_report_sections (meeting, "introduction,current-rating,recommendation,"
                                                "red,amber,workstreams,indicators,overdue,"
                                                "appendix");
  if (!pathway_document_add_meeting (document, board, meeting, &error))
    die ("meeting", error);
  return g_steal_pointer (&document);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *demo = NULL, *pdf = NULL, *big = NULL, *csv = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayPack) pack = NULL;
  GListModel *boards;
  g_autoptr(PathwayBoard) board = NULL;
  g_autoptr(PathwayMeeting) meeting = NULL;
  double times[7], big_s, generated_s;
  guint n_actions = 10000;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("usage: bench-pack PATHWAY-CLI [--actions N]\n");
      return 1;
    }
  if (argc == 4 && g_str_equal (argv[2], "--actions"))
    n_actions = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  dir = g_dir_make_tmp ("pathway-bench-pack-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  demo = g_build_filename (dir, "demo.pathway", NULL);
  pdf = g_build_filename (dir, "demo.pdf", NULL);
  if (!pathway_demo_write (demo, &error))
    die ("demo", error);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      const char *args[] = { argv[1], "pack", demo, "-o", pdf, NULL };

      times[i] = run_timed (args);
      if (times[i] < 0)
        die ("pathway-cli pack", NULL);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  g_print ("demo pack, pathway-cli pack start to exit: %.3f s median (%.3f-%.3f) "
           "(target 0.15 s)\n", times[3], times[0], times[6]);

  /* What printing the tracker costs today. */
  document = pathway_document_open (demo, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    die (demo, error);
  csv = g_build_filename (dir, "tracker.csv", NULL);
  write_tracker_csv (document, csv);
  g_clear_object (&document);
  if (installed ("libreoffice"))
    {
      const char *args[] = { "libreoffice", "--headless", "--convert-to", "pdf", "--outdir", dir,
                             csv, NULL };
      double s = run_timed (args);

      g_print ("the same tracker through LibreOffice to PDF: %.2f s\n", s);
    }
  else
    g_print ("LibreOffice: not installed (build-aux/bench installs it)\n");
  if (installed ("ssconvert"))
    {
      g_autofree char *out = g_build_filename (dir, "tracker-ssconvert.pdf", NULL);
      const char *args[] = { "ssconvert", csv, out, NULL };
      double s = run_timed (args);

      g_print ("the same tracker through Gnumeric's ssconvert to PDF: %.2f s\n", s);
    }
  else
    g_print ("ssconvert: not installed (build-aux/bench installs it)\n");

  big = g_build_filename (dir, "big.pathway", NULL);
  start = g_get_monotonic_time ();
  document = make_programme (big, n_actions);
  generated_s = seconds_since (start);
  boards = pathway_programme_get_boards (pathway_document_get_programme (document));
  board = g_list_model_get_item (boards, 0);
  meeting = g_list_model_get_item (pathway_board_get_meetings (board), 0);
  g_free (pdf);
  pdf = g_build_filename (dir, "big.pdf", NULL);
  start = g_get_monotonic_time ();
  pack = pathway_pack_new (document, meeting, NULL, &error);
  if (pack == NULL || !pathway_pack_write_pdf (pack, pdf, &error))
    die ("pack", error);
  big_s = seconds_since (start);
  g_print ("%u-action pack with the appendix: %u pages in %.2f s (target 5 s; programme made "
           "in %.1f s)\n", n_actions, pathway_pack_get_n_pages (pack), big_s, generated_s);
  pathway_document_close (document);

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
  return 0;
}
