/* cli-test-support.h: what the tests of pathway-cli share: a temporary folder for each test,
 * running the built pathway-cli in it, checksums of files that must not change, and a strict
 * JSON reader for what it prints with --json. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *dir;
} Fixture;

typedef struct {
  int status; /* exit code; -1 when killed by a signal */
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* g_test_add's set-up and tear-down: a temporary folder, removed with its files. */
void fixture_set_up (Fixture *fixture, gconstpointer data);
void fixture_tear_down (Fixture *fixture, gconstpointer data);
char *fixture_path (Fixture *fixture, const char *name);

/* Runs pathway-cli with the NULL-terminated 'args', in the fixture's folder. */
void run_cli_argv (Fixture *fixture, Run *run, const char *const *args);
void run_cli (Fixture *fixture, Run *run, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* SHA-256 of a file's bytes, to show a file was left exactly as it was. */
char *file_checksum (const char *path);
guint count_lines (const char *text);

/* Objects become a{sv}, arrays av, strings s, numbers d, true/false b and null the empty
 * maybe mv. json_try_parse gives NULL and the reason for text that is not strict JSON;
 * json_parse fails the test instead. */
GVariant *json_try_parse (const char *text, char **error);
GVariant *json_parse (const char *text);
/* Members that must be there (else the test fails): a whole number, a string, an object. */
guint json_uint (GVariant *object, const char *key);
char *json_dup_string (GVariant *object, const char *key);
GVariant *json_object (GVariant *object, const char *key);

G_END_DECLS
