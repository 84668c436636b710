/* bench-startup.c: how soon Pathway shows its first frame, beside a bare libadwaita window.
 * Pathway opens the demo programme (written here first, as `pathway-cli demo` does) and its
 * first frame is the Overview with its figures; the bare window (bench-bare-window.c) is an
 * AdwApplicationWindow with a header bar and a label. Both print their first frame the same
 * way (pathway-first-frame.c): the time since the process started and the peak RSS then.
 * They run in turn, one of each first to warm the disk cache and the session's services
 * (not counted), then N of each interleaved, so that a busy moment of the machine falls on
 * both alike. It prints the median of each, the ratio Pathway / bare (target at most 1.2) and
 * how much more memory Pathway holds (target at most 15 MB more).
 *
 * It needs a display and a session bus: `./build-aux/bench` runs it under xvfb-run and
 * dbus-run-session with the cairo renderer. Usage: bench-startup PATHWAY BARE-WINDOW [--runs N] */
#define G_LOG_DOMAIN "pathway-bench"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pathway-demo.h"

#define TARGET_RATIO 1.2
#define TARGET_EXTRA_MB 15.0
/* A first frame later than this is a program that failed to start. */
#define FIRST_FRAME_LIMIT_MS 60000
/* How long a program's CPU time must stand still for it to count as settled, and how long it
 * may take to get there. */
#define SETTLE_MS 500
#define SETTLE_LIMIT_MS 20000

typedef struct
{
  const char *label;
  const char *application_id;
  char **argv;
  GArray *ms;          /* double, one per counted run */
  GArray *rss;         /* double, kB, at the first frame */
  GArray *settled_rss; /* double, kB, once the program has gone quiet after it */
} Program;

static void
die (const char *what, const char *why)
{
  g_printerr ("bench-startup: %s: %s\n", what, why);
  exit (1);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  if (n == 0)
    return 0;
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* Reads the child's output until its first-frame line, or gives up at the limit. */
static gboolean
read_first_frame (int fd, double *ms, double *rss_kb, GString *output)
{
  gint64 deadline = g_get_monotonic_time () + FIRST_FRAME_LIMIT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      const char *line = strstr (output->str, "first-frame:");
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = deadline - g_get_monotonic_time ();
      char buffer[4096];
      ssize_t n;
      long kb = 0;

      if (line != NULL && strchr (line, '\n') != NULL)
        {
          if (sscanf (line, "first-frame: %lf ms after process start, peak RSS %ld kB", ms,
                      &kb) != 2)
            return FALSE;
          *rss_kb = kb;
          return TRUE;
        }
      if (left <= 0)
        return FALSE;
      if (poll (&pfd, 1, (int) (left / G_TIME_SPAN_MILLISECOND) + 1) < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (pfd.revents == 0)
        continue;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return FALSE;
      g_string_append_len (output, buffer, n);
    }
}

/* The CPU time the process has used so far, in clock ticks, or -1 once it has gone. */
static long long
cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long user = 0, system = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  fields = strrchr (stat, ')');
  if (fields == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &user,
              &system) != 2)
    return -1;
  return (long long) (user + system);
}

static double
peak_rss_kb_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;
  long kb = 0;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL || sscanf (line + strlen ("\nVmHWM:"), "%ld", &kb) != 1)
    return -1;
  return kb;
}

/* The peak RSS once the program has done what it does after its first frame (the Overview's
 * charts, the idle check of the file): when its CPU time has not grown for SETTLE_MS. Work
 * moved from before the first frame to just after it is counted here. This is a benchmark's
 * judgement of "quiet", not a test's condition. */
static double
settled_peak_rss_kb (GPid pid)
{
  long long last = cpu_ticks (pid);
  gint64 quiet_since = g_get_monotonic_time ();
  gint64 give_up = quiet_since + SETTLE_LIMIT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < give_up)
    {
      long long now;

      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
      now = cpu_ticks (pid);
      if (now != last)
        {
          last = now;
          quiet_since = g_get_monotonic_time ();
        }
      else if (g_get_monotonic_time () - quiet_since >= SETTLE_MS * G_TIME_SPAN_MILLISECOND)
        break;
    }
  return peak_rss_kb_of (pid);
}

/* A GApplication keeps its name on the session bus until the bus notices it has gone; the next
 * run of the same program must not find it there, or it would hand its start to the old one. */
static void
wait_until_name_is_free (GDBusConnection *bus, const char *name)
{
  for (guint tries = 0; tries < 10000; tries++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      if (reply == NULL)
        return;
      g_variant_get (reply, "(b)", &has_owner);
      if (!has_owner)
        return;
      g_usleep (1000);
    }
  die (name, "still on the session bus after its process ended");
}

static void
run_once (Program *program, char **envp, GDBusConnection *bus, gboolean counted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  GPid pid = 0;
  int out_fd = -1;
  double ms = 0, rss_kb = 0, settled_kb = 0;
  gboolean reported;
  int status = 0;

  if (!g_spawn_async_with_pipes (NULL, program->argv, envp, G_SPAWN_DO_NOT_REAP_CHILD
                                                              | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    die (program->argv[0], error->message);

  reported = read_first_frame (out_fd, &ms, &rss_kb, output);
  if (reported)
    settled_kb = settled_peak_rss_kb (pid);
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  close (out_fd);
  if (!reported)
    {
      g_printerr ("%s", output->str);
      die (program->argv[0], "no first-frame line (is there a display and a session bus?)");
    }
  wait_until_name_is_free (bus, program->application_id);

  if (!counted)
    return;
  g_array_append_val (program->ms, ms);
  g_array_append_val (program->rss, rss_kb);
  g_array_append_val (program->settled_rss, settled_kb);
}

/* The folder and what is in it, a folder deep (the backups). */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
print_values (const char *label, GArray *values, double scale, int decimals, const char *unit)
{
  g_print ("    %-22s", label);
  for (guint i = 0; i < values->len; i++)
    g_print (" %6.*f", decimals, g_array_index (values, double, i) / scale);
  g_print (" %s\n", unit);
}

static void
program_init (Program *program, const char *label, const char *application_id, char **argv)
{
  program->label = label;
  program->application_id = application_id;
  program->argv = argv;
  program->ms = g_array_new (FALSE, FALSE, sizeof (double));
  program->rss = g_array_new (FALSE, FALSE, sizeof (double));
  program->settled_rss = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
program_report (Program *program)
{
  g_print ("  %s:\n", program->label);
  print_values ("first frame", program->ms, 1, 0, "ms");
  print_values ("peak RSS then", program->rss, 1024, 1, "MB");
  print_values ("peak RSS once quiet", program->settled_rss, 1024, 1, "MB");
  g_print ("    %-22s %6.0f ms, %.1f MB at the first frame, %.1f MB once quiet\n", "median",
           median (program->ms), median (program->rss) / 1024,
           median (program->settled_rss) / 1024);
}

static void
program_clear (Program *program)
{
  g_clear_pointer (&program->ms, g_array_unref);
  g_clear_pointer (&program->rss, g_array_unref);
  g_clear_pointer (&program->settled_rss, g_array_unref);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *backups = NULL;
  g_auto(GStrv) envp = NULL;
  int runs = 5;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Counted runs of each program (5)", "N" },
    { NULL }
  };
  char *app_argv[3] = { NULL, NULL, NULL };
  char *bare_argv[2] = { NULL, NULL };
  Program app, bare;
  double ratio, extra_mb, extra_settled_mb;

  context = g_option_context_new ("PATHWAY BARE-WINDOW");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error->message);
  if (argc != 3 || runs < 1)
    die ("usage", "bench-startup PATHWAY BARE-WINDOW [--runs N]");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    die ("display", "none; run it under xvfb-run, as ./build-aux/bench does");
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    die ("session bus", error->message);

  /* The demo programme, written once beforehand: opening it is what is timed. */
  folder = g_dir_make_tmp ("pathway-startup-XXXXXX", &error);
  if (folder == NULL)
    die ("temporary folder", error->message);
  demo = g_build_filename (folder, "Demo programme.pathway", NULL);
  backups = g_build_filename (folder, "backups", NULL);
  if (!pathway_demo_write (demo, &error))
    die ("demo programme", error->message);

  app_argv[0] = argv[1];
  app_argv[1] = demo;
  bare_argv[0] = argv[2];
  program_init (&app, "Pathway, the demo's Overview", "org.pathway.Pathway", app_argv);
  program_init (&bare, "bare libadwaita window", "org.pathway.Pathway.BenchBareWindow",
                bare_argv);

  /* Settings in memory, so that neither the user's window size nor recent files count;
   * backups of the demo beside it, not among the user's. */
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "PATHWAY_REPORT_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "PATHWAY_BACKUP_DIR", backups, TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);

  run_once (&bare, envp, bus, FALSE);
  run_once (&app, envp, bus, FALSE);
  for (int i = 0; i < runs; i++)
    {
      run_once (&bare, envp, bus, TRUE);
      run_once (&app, envp, bus, TRUE);
    }

  ratio = median (app.ms) / median (bare.ms);
  extra_mb = (median (app.rss) - median (bare.rss)) / 1024;
  extra_settled_mb = (median (app.settled_rss) - median (bare.settled_rss)) / 1024;

  g_print ("start-up: the first frame after process start and the peak RSS (%d runs of each, "
           "interleaved, after one of each not counted)\n", runs);
  program_report (&bare);
  program_report (&app);
  g_print ("  ratio Pathway / bare, first frame: %.2f (target at most %.1f: %s)\n", ratio,
           TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "missed");
  g_print ("  Pathway's extra peak RSS: %+.1f MB at the first frame, %+.1f MB once quiet "
           "(target at most %.0f MB: %s)\n", extra_mb, extra_settled_mb, TARGET_EXTRA_MB,
           MAX (extra_mb, extra_settled_mb) <= TARGET_EXTRA_MB ? "met" : "missed");

  program_clear (&app);
  program_clear (&bare);
  remove_folder (folder);
  return 0;
}
