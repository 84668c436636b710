/* pathway-bench.h: what the store benchmark's files share (pathway-bench.c, the programme in a
 * file; pathway-bench-remote.c, programmes on a server): giving up, timing, and printing a
 * figure against its target. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

G_GNUC_NORETURN void die (const char *what, const GError *error);
double ms_since (gint64 start);
/* Sorts 'samples' in place. */
double median (double *samples, guint n);
/* Nearest-rank percentile of sorted samples. */
double percentile (const double *sorted, guint n, guint p);
/* One line: the figure, how it was taken, and the target (none when 0) met or MISSED, counted
 * in 'missed'. */
void report (const char *name, double ms, const char *how, double target_ms, guint *missed);

/* The server's figures (pathway-bench-remote.c), in a database of their own on the server in
 * PATHWAY_TEST_PG, with the programme at 'big_path' uploaded; 'dir' takes temporary files.
 * Prints why there are none without a server. */
void bench_remote (const char *dir, const char *big_path, guint n_changes, guint *missed);

G_END_DECLS
