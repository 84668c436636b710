/* pathway-cli-private.h: what the commands of pathway-cli share: the option table, the parsed
 * arguments, the exit codes and the message helpers. Each command beyond the first few lives in
 * its own file (pathway-cli-<command>.c) and is listed in the command table in pathway-cli.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_USAGE = 1,
  CLI_EXIT_FILE = 2,
};

typedef struct {
  const char *name; /* with the dashes: "--name" */
  const char *value_name; /* NULL for a flag */
  const char *description;
  gboolean repeat; /* may be given more than once: the values are in CliArgs.lists */
} CliOption;

/* What the parser found: the one FILE, and each option given (flags map to ""). */
typedef struct {
  const char *file;
  GHashTable *values;
  GHashTable *lists; /* option name -> GPtrArray of values, for repeatable options */
} CliArgs;

typedef struct {
  const char *name;
  const char *synopsis;
  const char *description;
  const CliOption *options;
  int (*run) (const CliArgs *args);
} CliCommand;

/* Prints "pathway-cli: MESSAGE" and a hint to stderr; returns CLI_EXIT_USAGE. */
int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Prints "pathway-cli: FILE: MESSAGE"; returns CLI_EXIT_FILE. */
int file_error (const char *file, const GError *error);
/* Text from a file made safe for a terminal: valid UTF-8, no control characters. */
char *dup_printable (const char *text);
guint text_width (const char *text);
void append_padded (GString *out, const char *text, guint width, gboolean right);
char *dup_shortened (const char *text, guint max_width);

/* Commands that live in their own files. */
int run_pack (const CliArgs *args);
int run_import (const CliArgs *args);
int run_export (const CliArgs *args);

G_END_DECLS
