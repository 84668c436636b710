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

/* The most words a command takes after FILE (KIND and ID-OR-KEY). */
#define CLI_MAX_OPERANDS 2

/* What the parser found: FILE, the words after it, and each option given (flags map to ""). */
typedef struct {
  const char *file;
  char *operands[CLI_MAX_OPERANDS]; /* as many as the command names, as UTF-8 text */
  GPtrArray *rest; /* the files after FILE of a command that takes them, as given */
  GHashTable *values;
  GHashTable *lists; /* option name -> GPtrArray of values, for repeatable options */
} CliArgs;

typedef struct {
  const char *name;
  const char *synopsis;
  const char *description;
  const CliOption *options;
  int (*run) (const CliArgs *args);
  /* The words the command takes after FILE ("KIND", "ID-OR-KEY"), NULL-terminated, all
   * required; NULL when it takes none. */
  const char *const *operands;
  /* Files the command takes after FILE and its operands, as many as given ("FILE…"); NULL
   * when it takes none. */
  const char *rest;
  /* NULL when FILE may also be a programme on a server (a postgresql:// URI); else FILE must
   * be a file, and this says what to do instead for a server. */
  const char *file_only;
} CliCommand;

/* A command of two words ("returns request") is one of a group: the help lists the group once,
 * and `pathway-cli help returns` lists its commands. */

/* Prints "pathway-cli: MESSAGE" and a hint to stderr; returns CLI_EXIT_USAGE. */
int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Prints "pathway-cli: FILE: MESSAGE" on one line; returns CLI_EXIT_FILE. FILE may be a
 * server's URI, shown without its password (and left out when the message names it). */
int file_error (const char *file, const GError *error);
/* FILE as people read it: a file's name, or a server's URI without its password. */
char *dup_display_location (const char *location);
/* FALSE, with PATHWAY_ERROR_EXISTS, when something is at 'file' already (a new file is never
 * written over one). */
gboolean refuse_existing (const char *file, GError **error);
/* Prints "pathway-cli: MESSAGE" for an error of src/exchange, whose messages already name the
 * file (and the row, part or limit); returns CLI_EXIT_FILE. */
int exchange_error (const GError *error);
/* Text from a file made safe for a terminal: valid UTF-8, no control characters. */
char *dup_printable (const char *text);
guint text_width (const char *text);
void append_padded (GString *out, const char *text, guint width, gboolean right);
char *dup_shortened (const char *text, guint max_width);

/* JSON for other programs (pathway-cli-json.c): objects and arrays, strings, whole numbers
 * and booleans, two spaces of indent. Every string is written as valid UTF-8 with control
 * characters escaped, whatever a file held. */
typedef struct {
  GString *out;
  guint depth;
  gboolean first; /* nothing written yet in the open object or array */
} JsonWriter;

void json_writer_init (JsonWriter *writer);
/* key is NULL inside an array and for the outermost value; bracket is '{' or '['. */
void json_open (JsonWriter *writer, const char *key, char bracket);
void json_close (JsonWriter *writer, char bracket);
void json_add_string (JsonWriter *writer, const char *key, const char *value);
void json_add_uint (JsonWriter *writer, const char *key, guint value);
void json_add_boolean (JsonWriter *writer, const char *key, gboolean value);
/* Writes the document and a line end straight to stdout (JSON is UTF-8 whatever the
 * locale's charset) and frees the text; FALSE when stdout could not take it. */
gboolean json_writer_print (JsonWriter *writer);

/* Commands that live in their own files. */
int run_pack (const CliArgs *args);
int run_publish (const CliArgs *args);
int run_import (const CliArgs *args);
int run_export (const CliArgs *args);
int run_add (const CliArgs *args);
int run_edit (const CliArgs *args);
int run_retire (const CliArgs *args);
int run_history (const CliArgs *args);
int run_list (const CliArgs *args);
int run_readings (const CliArgs *args);
int run_backups (const CliArgs *args);
int run_restore (const CliArgs *args);
int run_salvage (const CliArgs *args);
int run_returns_request (const CliArgs *args);
int run_returns_import (const CliArgs *args);
int run_returns_status (const CliArgs *args);
int run_server_init (const CliArgs *args);
int run_server_upload (const CliArgs *args);
int run_server_snapshot (const CliArgs *args);
int run_server_upgrade (const CliArgs *args);
int run_server_user_add (const CliArgs *args);
int run_server_user_set_role (const CliArgs *args);
int run_server_user_remove (const CliArgs *args);
int run_server_user_list (const CliArgs *args);
void print_damage_help (const char *file);

G_END_DECLS
