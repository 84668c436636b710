/* pathway-cli.c: pathway-cli, the commands that need no display. It creates an empty
 * programme or the demo, summarises a programme (as aligned text for people or as JSON for
 * other programs), draws a chart to a PNG, SVG or PDF file, checks a file and upgrades one
 * saved by an older version; the board pack,
 * tracker import and export, and the commands that set up a whole programme record by record
 * (add, edit, retire, list, history, readings) and the server group (pathway-cli-server.c)
 * live in pathway-cli-<subject>.c and are listed in the command table here. FILE may be a
 * programme on a PostgreSQL server, a postgresql:// URI, which is only ever shown without its
 * password (dup_display_location). Everything goes through the document API; summary, chart,
 * check, pack, export, list and history open read-only, so looking at a file never changes it,
 * and a command that writes writes nothing when a value cannot be used.
 *
 * Exit codes, which scripts rely on: 0 done, 1 the command line was wrong, 2 a file or a value
 * could not be used (or, for check, the file has problems). */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathway-chart.h"
#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-remote.h"
#include "pathway-cli-private.h"

/* Workstream titles longer than this are shortened in the table so it fits a terminal. */
#define TITLE_MAX_WIDTH 40

static int run_new (const CliArgs *args);
static int run_demo (const CliArgs *args);
static int run_summary (const CliArgs *args);
static int run_chart (const CliArgs *args);
static int run_check (const CliArgs *args);
static int run_upgrade (const CliArgs *args);

static const CliOption new_options[] = {
  { "--name", N_("NAME"), N_("Name of the programme (required)") },
  { NULL }
};

static const CliOption summary_options[] = {
  { "--by", N_("workstream"), N_("Add a table of each workstream") },
  { "--json", NULL, N_("Print JSON instead of text") },
  { "--today", N_("YYYY-MM-DD"), N_("Count overdue actions as at this day (default: today)") },
  { NULL }
};

static const CliOption chart_options[] = {
  { "--kind", N_("KIND"),
    N_("rating, rating-by-workstream, rating-history, indicator or risks (required)") },
  { "--indicator", N_("NAME"), N_("The indicator to draw, by name (with --kind indicator)") },
  { "--workstream", N_("CODE"), N_("Only this workstream (with rating or rating-history)") },
  { "--style", N_("STYLE"), N_("screen (default), dark, print (black and white), print-colour or projector") },
  { "--size", N_("WxH"), N_("Width and height: pixels for PNG and SVG, points for PDF "
                            "(default 800x500)") },
  { "-o", N_("OUT"), N_("The file to write, ending .png, .svg or .pdf (required)") },
  { "--output", N_("OUT"), N_("The same as -o") },
  { NULL }
};

static const CliOption pack_options[] = {
  { "--board", N_("NAME"), N_("The board (default: the first)") },
  { "--date", N_("YYYY-MM-DD"), N_("The meeting's day (default: the next meeting, else the "
                                   "latest)") },
  { "--as-at", N_("YYYY-MM-DD"), N_("Ratings as they stood on this day (default: the "
                                    "meeting's as-at day, else its date)") },
  { "-o", N_("OUT"), N_("The PDF to write (required)") },
  { "--output", N_("OUT"), N_("The same as -o") },
  { NULL }
};

static const CliOption import_options[] = {
  { "--into", N_("FILE"), N_("The programme to import into (required)") },
  { "--dry-run", NULL, N_("Show what would be imported and every problem; write nothing") },
  { "--sheet", N_("NAME"), N_("The worksheet of an XLSX file (default: the one that looks "
                              "like a tracker); again for more sheets, or “all” for every "
                              "sheet that looks like one, imported together"), TRUE },
  { "--map", N_("COLUMN=FIELD"), N_("Read a column (letter, number or header) as a field: "
                                    "reference, description, lead, original-timescale, "
                                    "revised-timescale, rating, status, commentary, "
                                    "workstream, theme, area, success-measure, evidence, "
                                    "earlier-rating, earlier-commentary or none"), TRUE },
  { "--skip", N_("ROW"), N_("Do not import this row (its number in the spreadsheet; SHEET!ROW "
                            "with several sheets)"), TRUE },
  { "--risks", NULL, N_("Import a risk register into the risk log instead; its fields for "
                        "--map: reference, type, title, description, owner, workstream, "
                        "actions, likelihood, impact, score, residual-likelihood, "
                        "residual-impact, residual-score, proximity, review-date, response, "
                        "response-owner, status, raised-from or none") },
  { "--as-at", N_("YYYY-MM-DD"), N_("The day the tracker stood as it is (also DD/MM/YYYY): its "
                                    "changes are dated that day, between those already there, "
                                    "so old copies imported one after another give the "
                                    "history") },
  { NULL }
};

static const CliOption export_options[] = {
  { "-o", N_("OUT"), N_("The file to write, ending .csv or .xlsx (required)") },
  { "--output", N_("OUT"), N_("The same as -o") },
  { "--risks", NULL, N_("Export the risk log instead of the tracker") },
  { NULL }
};

static const CliOption add_options[] = {
  { "--set", N_("FIELD=VALUE"), N_("A field of the new record, as its kind names it (below); "
                                   "once for each field"), TRUE },
  { NULL }
};

static const CliOption edit_options[] = {
  { "--set", N_("FIELD=VALUE"), N_("A field to change, as its kind names it (below); once for "
                                   "each field; an empty VALUE clears it"), TRUE },
  { "--note", N_("TEXT"), N_("Why: kept with the change in the record's history") },
  { NULL }
};

static const CliOption retire_options[] = {
  { "--note", N_("TEXT"), N_("Why: kept with the change in the record's history") },
  { NULL }
};

static const CliOption list_options[] = {
  { "--json", NULL, N_("Print JSON: an object for each record, with its id and every field") },
  { "--retired", NULL, N_("List retired records too") },
  { NULL }
};

static const CliOption history_options[] = {
  { "--json", NULL, N_("Print JSON instead of text") },
  { NULL }
};

static const CliOption readings_options[] = {
  { "--from", N_("READINGS"), N_("The .csv or .xlsx file of readings: columns headed "
                                 "indicator, date (YYYY-MM-DD) and value, and optionally note "
                                 "(required)") },
  { "--sheet", N_("NAME"), N_("The worksheet of an XLSX file (default: the one that looks "
                              "like a tracker); again for more sheets, or “all” for every "
                              "sheet that looks like one, imported together"), TRUE },
  { NULL }
};

static const CliOption publish_options[] = {
  { "-o", N_("FOLDER"), N_("The folder to write the site and its PDF into; made when missing "
                           "(required)") },
  { "--output", N_("FOLDER"), N_("The same as -o") },
  { "--approved-by", N_("NAME"), N_("Who approved the public version (required)") },
  { "--approved-on", N_("YYYY-MM-DD"), N_("The day it was approved (required)") },
  { "--date", N_("YYYY-MM-DD"), N_("The publish day, shown as \"Last updated\" (default: "
                                   "today)") },
  { NULL }
};

static const CliOption restore_options[] = {
  { "-o", N_("NEW"), N_("The new programme file to write; never an existing file (required)") },
  { "--output", N_("NEW"), N_("The same as -o") },
  { NULL }
};

static const CliOption server_init_options[] = {
  { "--name", N_("NAME"), N_("Name of the new programme (default: none, to be given in the "
                             "application)") },
  { NULL }
};

static const CliOption server_snapshot_options[] = {
  { "-o", N_("FILE"), N_("The new programme file to write; never an existing file "
                         "(required)") },
  { "--output", N_("FILE"), N_("The same as -o") },
  { NULL }
};

static const CliOption server_user_add_options[] = {
  { "--login", N_("NAME"), N_("The person's sign-in name (role) on the server, made when "
                              "missing (required)") },
  { "--person", N_("NAME"), N_("Who they are in the programme, added to its people when "
                               "nobody has that name (required)") },
  { "--role", N_("ROLE"), N_("manager, lead, data-officer or reader (required)") },
  { NULL }
};

static const CliOption server_user_set_role_options[] = {
  { "--login", N_("NAME"), N_("The sign-in name given access with server user add "
                              "(required)") },
  { "--role", N_("ROLE"), N_("manager, lead, data-officer or reader (required)") },
  { NULL }
};

static const CliOption server_user_remove_options[] = {
  { "--login", N_("NAME"), N_("The sign-in name whose access is taken away (required)") },
  { NULL }
};

static const CliOption server_user_list_options[] = {
  { "--json", NULL, N_("Print JSON: an object for each sign-in name") },
  { NULL }
};

static const CliOption no_options[] = {
  { NULL }
};

static const CliOption returns_request_options[] = {
  { "-o", N_("FOLDER"), N_("The folder to write the forms into (required)") },
  { "--output", N_("FOLDER"), N_("The same as -o") },
  { "--due", N_("YYYY-MM-DD"), N_("The day the forms are due back (also DD/MM/YYYY; default: "
                                  "7 days from today)") },
  { "--since", N_("YYYY-MM-DD"), N_("Ask about actions with no update since this day (also "
                                    "DD/MM/YYYY; default: the board's last meeting)") },
  { "--board", N_("NAME"), N_("The board whose last meeting is the default --since (default: "
                              "the first)") },
  { NULL }
};

static const CliOption returns_import_options[] = {
  { "--dry-run", NULL, N_("Show every change, conflict and flag; write nothing") },
  { NULL }
};

/* The words after FILE of the commands that work on records of any kind. */
static const char *const kind_operands[] = { N_("KIND"), NULL };
static const char *const record_operands[] = { N_("KIND"), N_("ID-OR-KEY"), NULL };
static const char *const backup_operands[] = { N_("BACKUP"), NULL };
static const char *const uri_operands[] = { N_("URI"), NULL };

/* What to do instead when a command that needs a file is given a server. */
#define SERVER_NEW N_("to set up a programme on a server, use “pathway-cli server init URI”, or " \
                      "“pathway-cli server upload FILE URI” for one kept in a file")
#define SERVER_BACKUP N_("a programme on a server is backed up with the server's own tools " \
                         "(pg_dump), or copied to a file with “pathway-cli server snapshot”")

static const CliCommand commands[] = {
  { "new", N_("FILE --name NAME"), N_("Create an empty programme"), new_options, run_new,
    .file_only = SERVER_NEW },
  { "demo", N_("FILE"), N_("Write the demo programme to a new file"), no_options, run_demo,
    .file_only = SERVER_NEW },
  { "summary", N_("FILE [--by workstream] [--json] [--today YYYY-MM-DD]"),
    N_("Show actions by rating, share complete and overdue actions"), summary_options,
    run_summary },
  { "chart", N_("FILE --kind KIND [--indicator NAME] [--workstream CODE] [--style STYLE] "
                 "[--size WxH] -o OUT"),
    N_("Draw a chart of the programme to a PNG, SVG or PDF file"), chart_options, run_chart },
  { "pack", N_("FILE [--board NAME] [--date YYYY-MM-DD] [--as-at YYYY-MM-DD] "
               "-o OUT.pdf|OUT.docx"),
    N_("Write the board pack for a meeting as a PDF or a Word document"), pack_options,
    run_pack },
  { "publish", N_("FILE -o FOLDER --approved-by NAME --approved-on YYYY-MM-DD "
                  "[--date YYYY-MM-DD]"),
    N_("Publish the plan for families: a website and a PDF in plain words, and a record of "
       "who approved it"),
    publish_options, run_publish },
  { "check", N_("FILE"), N_("Check the file for damage; exit status 2 when it has problems"),
    no_options, run_check },
  { "upgrade", N_("FILE"),
    N_("Bring a file saved by an older version up to date, keeping a backup beside it"),
    no_options, run_upgrade },
  { "import", N_("TRACKER.csv|TRACKER.xlsx --into FILE [--dry-run] [--sheet NAME|all]… "
                  "[--map COLUMN=FIELD]… [--skip ROW]… [--as-at YYYY-MM-DD] [--risks]"),
    N_("Import a tracker (or with --risks a risk register) into a programme: one "
       "transaction, nothing deleted"),
    import_options, run_import },
  { "export", N_("FILE -o OUT.csv|OUT.xlsx [--risks]"),
    N_("Export the tracker (or with --risks the risk log) to a CSV or XLSX file"),
    export_options, run_export },
  { "add", N_("FILE KIND --set FIELD=VALUE…"),
    N_("Add a record of any kind and print its id"), add_options, run_add, kind_operands },
  { "edit", N_("FILE KIND ID-OR-KEY --set FIELD=VALUE… [--note TEXT]"),
    N_("Change fields of a record"), edit_options, run_edit, record_operands },
  { "retire", N_("FILE KIND ID-OR-KEY [--note TEXT]"),
    N_("Retire a record: it leaves the programme's lists and keeps its history"),
    retire_options, run_retire, record_operands },
  { "list", N_("FILE KIND [--json] [--retired]"),
    N_("List the records of a kind with their fields and ids"), list_options, run_list,
    kind_operands },
  { "history", N_("FILE KIND ID-OR-KEY [--json]"),
    N_("Show every change of a record, oldest first"), history_options, run_history,
    record_operands },
  { "readings", N_("FILE --from READINGS.csv|READINGS.xlsx [--sheet NAME]"),
    N_("Add indicator readings from a file: all of them, or none when a row has a problem"),
    readings_options, run_readings },
  { "backups", N_("FILE"),
    N_("List the programme's backups, newest first, with their actions and check"),
    no_options, run_backups, .file_only = SERVER_BACKUP },
  { "restore", N_("FILE BACKUP -o NEW"),
    N_("Copy a backup (a listed name or a path) to a new programme file"), restore_options,
    run_restore, backup_operands, .file_only = SERVER_BACKUP },
  { "salvage", N_("FILE -o NEW"),
    N_("Read what can be read of a damaged programme into a new file, saying what was lost"),
    restore_options, run_salvage, .file_only = SERVER_BACKUP },
  { "returns request", N_("FILE -o FOLDER [--due YYYY-MM-DD] [--since YYYY-MM-DD] "
                          "[--board NAME]"),
    N_("Write a spreadsheet form for each lead of their actions that need an update, and a "
       "list of who gets which file"),
    returns_request_options, run_returns_request },
  { "returns import", N_("FILE FORM.xlsx… [--dry-run]"),
    N_("Import returned forms: every change without a conflict is written, conflicts and "
       "altered rows are listed"),
    returns_import_options, run_returns_import, NULL, N_("FORM.xlsx…") },
  { "returns status", N_("FILE"),
    N_("Show each lead's latest form: when it was sent, when it is due, and whether it came "
       "back"),
    no_options, run_returns_status },
  { "server init", N_("URI [--name NAME]"),
    N_("Set up an empty database on a PostgreSQL server to hold a programme: its tables, "
       "its functions and an empty programme; a database set up already is left as it is"),
    server_init_options, run_server_init },
  { "server upload", N_("FILE URI"),
    N_("Copy a programme file, with its whole history, into a new database set up with "
       "server init (or an empty one)"),
    no_options, run_server_upload, uri_operands, .file_only =
      N_("to copy a programme from one server to another, write it to a file with "
         "“pathway-cli server snapshot” and upload the file") },
  { "server snapshot", N_("URI -o FILE"),
    N_("Write the programme on the server, with its whole history, to a new file; Pathway "
       "opens the copy read-only"),
    server_snapshot_options, run_server_snapshot },
  { "server upgrade", N_("URI"),
    N_("Bring the database up to this version of Pathway, in one transaction; run it when "
       "nobody has the programme open"),
    no_options, run_server_upgrade },
  { "server user add", N_("URI --login NAME --person NAME --role ROLE"),
    N_("Give a person access to the programme on the server: their sign-in name, who they "
       "are in the programme and what they may change"),
    server_user_add_options, run_server_user_add },
  { "server user set-role", N_("URI --login NAME --role ROLE"),
    N_("Change what a person may change in the programme on the server"),
    server_user_set_role_options, run_server_user_set_role },
  { "server user remove", N_("URI --login NAME"),
    N_("Take a person's access to the programme away; the person and the changes they made "
       "stay in its history"),
    server_user_remove_options, run_server_user_remove },
  { "server user list", N_("URI [--json]"),
    N_("List who has or had access to the programme on the server, with their roles"),
    server_user_list_options, run_server_user_list },
};

/* The groups of commands of two or three words, listed once in the help ("server user" inside
 * "server"). */
static const struct {
  const char *name;
  const char *description;
  const char *note; /* after the group's commands in its help, or NULL */
} command_groups[] = {
  { "returns", N_("Ask leads for their updates as spreadsheet forms and import what they send "
                  "back (pathway-cli help returns)") },
  { "server", N_("Set up, fill, copy and upgrade a programme kept on a PostgreSQL server, and "
                 "say who may change what (pathway-cli help server)"),
    N_("URI is postgresql://[USER@]HOST[:PORT]/DATABASE; add ?sslmode=verify-full to insist\n"
       "on TLS with a checked certificate, or give postgresql://?service=NAME for an entry\n"
       "of pg_service.conf. No password is taken on the command line: libpq reads it from\n"
       "~/.pgpass, the service file or PGPASSWORD.\n") },
  { "server user", N_("Give and take access to a programme on a PostgreSQL server"),
    N_("ROLE says what the person may change; the server enforces it:\n"
       "  manager       everything, and gives and takes access\n"
       "  lead          the actions, timescale revisions, evidence and risks of the\n"
       "                workstreams they lead or belong to, the actions they lead, and the\n"
       "                readings of the indicators they own\n"
       "  data-officer  indicator readings\n"
       "  reader        nothing: they read the programme\n"
       "A manager (or whoever set the database up) runs these commands. Where the server\n"
       "does not let them create sign-in roles, server user add does the rest and prints\n"
       "the SQL for the database administrator to run.\n") },
};

/* Messages ------------------------------------------------------------------------------ */

int G_GNUC_PRINTF (1, 2)
usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("pathway-cli: %s\n", message);
  g_printerr (_("Try 'pathway-cli --help'\n"));
  return CLI_EXIT_USAGE;
}

char *
dup_display_location (const char *location)
{
  /* A URI may carry a password, which the output must never show. */
  if (pathway_location_is_remote (location))
    return pathway_remote_display_uri (location);
  return g_filename_display_name (location);
}

int
file_error (const char *file, const GError *error)
{
  g_autofree char *display = dup_display_location (file);
  /* Messages quote values from the file or the command line, which may hold line breaks. */
  g_autofree char *message = dup_printable (error->message);

  /* The store's messages about a server name it ("Cannot connect to postgresql://…"). */
  if (pathway_location_is_remote (file) && strstr (message, display) != NULL)
    g_printerr ("pathway-cli: %s\n", message);
  else
    g_printerr ("pathway-cli: %s: %s\n", display, message);
  if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_DAMAGED)
      && !pathway_location_is_remote (file))
    print_damage_help (file);
  return CLI_EXIT_FILE;
}

int
exchange_error (const GError *error)
{
  g_autofree char *message = dup_printable (error->message);

  g_printerr ("pathway-cli: %s\n", message);
  return CLI_EXIT_FILE;
}

/* Text from a file goes to a terminal: repair bad UTF-8 and keep control characters (escape
 * sequences, line breaks in a name) from moving the cursor or breaking the alignment. */
char *
dup_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Width in characters, the way a terminal counts most text. */
guint
text_width (const char *text)
{
  return (guint) g_utf8_strlen (text, -1);
}

void
append_padded (GString *out, const char *text, guint width, gboolean right)
{
  guint w = text_width (text);
  guint pad = w < width ? width - w : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

char *
dup_shortened (const char *text, guint max_width)
{
  if (text_width (text) <= max_width)
    return g_strdup (text);

  {
    const char *end = g_utf8_offset_to_pointer (text, max_width - 1);
    g_autofree char *head = g_strndup (text, end - text);

    return g_strconcat (head, "…", NULL);
  }
}

/* Help ---------------------------------------------------------------------------------- */

static void
print_help (void)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, _("Usage: pathway-cli COMMAND FILE [KIND [ID-OR-KEY]] [OPTION…]\n\n"));
  g_string_append (out, _("Keep and report a SEND improvement programme without a display.\n\n"));
  g_string_append (out, _("FILE is a programme file, or a programme kept on a PostgreSQL server\n"
                          "given as postgresql://HOST/DATABASE (pathway-cli help server).\n\n"));
  g_string_append (out, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strchr (commands[i].name, ' ') != NULL)
        continue;
      g_string_append (out, "  ");
      append_padded (out, commands[i].name, 12, FALSE);
      g_string_append_printf (out, "%s\n", _(commands[i].description));
    }
  for (guint i = 0; i < G_N_ELEMENTS (command_groups); i++)
    {
      /* A group inside a group is listed in its group's help. */
      if (strchr (command_groups[i].name, ' ') != NULL)
        continue;
      g_string_append (out, "  ");
      append_padded (out, command_groups[i].name, 12, FALSE);
      g_string_append_printf (out, "%s\n", _(command_groups[i].description));
    }
  g_string_append (out, "  ");
  append_padded (out, "help", 12, FALSE);
  g_string_append_printf (out, "%s\n", _("Show this help, or a command's"));
  g_string_append (out, _("\nOptions:\n"));
  g_string_append (out, "  ");
  append_padded (out, "--help", 12, FALSE);
  g_string_append_printf (out, "%s\n", _("Show this help"));
  g_string_append (out, "  ");
  append_padded (out, "--version", 12, FALSE);
  g_string_append_printf (out, "%s\n", _("Show the version"));
  g_string_append (out, _("\nRun 'pathway-cli COMMAND --help' for a command's options.\n"));
  g_string_append (out, _("\nExit status: 0 done, 1 wrong usage, 2 a file or a value that "
                          "cannot be used, or a file that has problems.\n"));

  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

/* The kinds and their fields, from the store's descriptions, for the commands that take a
 * KIND; with_key: the command also finds a record by ID-OR-KEY. */
static void
append_kinds_help (GString *out, gboolean with_key)
{
  const char *const *kinds = pathway_kind_list_names ();

  g_string_append (out, _("\nKinds and their fields (* the fields that name a record):\n"));
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const PathwayKind *kind = pathway_kind_lookup (kinds[i]);
      g_autofree const char **fields = pathway_kind_dup_fields (kind);

      guint column = 14;

      g_string_append (out, "  ");
      append_padded (out, kinds[i], 12, FALSE);
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autofree char *word = g_strdup_printf ("%s%s%s", fields[f],
                                                   pathway_kind_field_is_key (kind, fields[f])
                                                     ? "*" : "",
                                                   fields[f + 1] != NULL ? "," : "");

          /* Wrapped under the first field, so the list fits a terminal of 80 columns. */
          if (f > 0 && column + 1 + text_width (word) > 80)
            {
              g_string_append_printf (out, "\n%14s", "");
              column = 14;
            }
          else if (f > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, word);
          column += text_width (word);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append (out, _("\nA linked record is given by its name or its id "
                          "(lead=\"Beth Kowalski\",\n"
                          "workstream=WS1, board=\"SEND Improvement Board\"); days are written\n"
                          "YYYY-MM-DD; ratings and other choices by their words (rating=amber,\n"
                          "unit=weeks, better=lower).\n"));
  if (with_key)
    g_string_append (out, _("ID-OR-KEY is the id that add and list print, or the record's name:\n"
                            "its fields marked *, an owned record's owner first (a meeting:\n"
                            "\"SEND Improvement Board 2026-11-18\").\n"));
}

static void
print_command_help (const CliCommand *command)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Usage: pathway-cli %s %s\n\n"), command->name,
                          _(command->synopsis));
  g_string_append_printf (out, "%s\n", _(command->description));
  if (command->options[0].name != NULL)
    {
      g_string_append (out, _("\nOptions:\n"));
      for (const CliOption *option = command->options; option->name; option++)
        {
          g_autofree char *left = NULL;

          if (option->value_name)
            left = g_strdup_printf ("%s %s", option->name, _(option->value_name));
          else
            left = g_strdup (option->name);
          g_string_append (out, "  ");
          append_padded (out, left, 24, FALSE);
          g_string_append_printf (out, "%s\n", _(option->description));
        }
    }
  if (command->file_only == NULL
      && (g_str_has_prefix (command->synopsis, "FILE")
          || strstr (command->synopsis, "--into FILE") != NULL))
    g_string_append (out, _("\nFILE may also be a programme kept on a PostgreSQL server, given "
                            "as\npostgresql://HOST/DATABASE (see pathway-cli help server).\n"));
  if (command->operands == kind_operands)
    append_kinds_help (out, FALSE);
  else if (command->operands == record_operands)
    append_kinds_help (out, TRUE);

  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

/* Parsing ------------------------------------------------------------------------------- */

static const CliOption *
find_option (const CliCommand *command, const char *name)
{
  for (const CliOption *option = command->options; option->name; option++)
    if (strcmp (option->name, name) == 0)
      return option;
  return NULL;
}

static guint
count_operands (const CliCommand *command)
{
  guint n = 0;

  while (command->operands != NULL && command->operands[n] != NULL)
    n++;
  g_assert (n <= CLI_MAX_OPERANDS);
  return n;
}

/* Values are text for people (a programme's name): take them as UTF-8 when they are, else
 * from the locale's encoding. Returns NULL when they are neither. */
static char *
dup_argument_text (const char *arg)
{
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);
  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

/* Returns -1 when the arguments were read into 'args', else the exit code (help was printed,
 * or a usage error). */
static int
parse_arguments (const CliCommand *command, int argc, char **argv, CliArgs *args)
{
  gboolean options_ended = FALSE;
  guint n_operands = 0;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_ended && strcmp (arg, "--") == 0)
        {
          options_ended = TRUE;
          continue;
        }

      if (!options_ended && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0))
        {
          print_command_help (command);
          return CLI_EXIT_OK;
        }

      if (!options_ended && arg[0] == '-' && arg[1] != '\0')
        {
          const char *equals = strchr (arg, '=');
          g_autofree char *name = equals ? g_strndup (arg, equals - arg) : g_strdup (arg);
          const CliOption *option = find_option (command, name);
          const char *raw_value;
          char *value;

          if (option == NULL)
            return usage_error (_("%s: unknown option '%s'"), command->name, name);

          if (option->value_name == NULL)
            {
              if (equals)
                return usage_error (_("%s: option '%s' takes no value"), command->name, name);
              g_hash_table_replace (args->values, (char *) option->name, g_strdup (""));
              continue;
            }

          if (equals)
            raw_value = equals + 1;
          else if (i + 1 < argc)
            raw_value = argv[++i];
          else
            return usage_error (_("%s: option '%s' needs a value"), command->name, name);

          value = dup_argument_text (raw_value);
          if (value == NULL)
            return usage_error (_("%s: the value of '%s' is not readable text"), command->name,
                                name);
          if (option->repeat)
            {
              GPtrArray *list = g_hash_table_lookup (args->lists, option->name);

              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (args->lists, (char *) option->name, list);
                }
              g_ptr_array_add (list, g_strdup (value));
            }
          g_hash_table_replace (args->values, (char *) option->name, value);
          continue;
        }

      if (args->file == NULL)
        args->file = arg;
      else if (n_operands >= count_operands (command) && command->rest != NULL)
        g_ptr_array_add (args->rest, g_strdup (arg));
      else if (n_operands < count_operands (command))
        {
          /* Kinds and records are named in words, so read them as text like option values. */
          args->operands[n_operands] = dup_argument_text (arg);
          if (args->operands[n_operands] == NULL)
            return usage_error (_("%s: %s is not readable text"), command->name,
                                _(command->operands[n_operands]));
          n_operands++;
        }
      else
        return usage_error (_("%s: unexpected argument '%s'"), command->name, arg);
    }

  if (args->file == NULL)
    return usage_error (_("%s: missing %s"), command->name,
                        g_str_has_prefix (command->synopsis, "URI") ? "URI" : "FILE");
  if (n_operands < count_operands (command))
    return usage_error (_("%s: missing %s"), command->name, _(command->operands[n_operands]));
  if (command->rest != NULL && args->rest->len == 0)
    return usage_error (_("%s: missing %s"), command->name, _(command->rest));

  return -1;
}

/* new and demo --------------------------------------------------------------------------- */

/* The store refuses to create over a file, but say so before any work, and without relying
 * on how a writer makes its file. */
gboolean
refuse_existing (const char *file, GError **error)
{
  GStatBuf st;

  if (g_lstat (file, &st) == 0)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS,
                           _("The file already exists; choose a new name"));
      return FALSE;
    }
  return TRUE;
}

/* A new file that failed half-way (a full disk while the demo was written) is no programme
 * anyone wants: it goes, with the store's side files. refuse_existing made sure it was ours;
 * a refusal to create over a file that appeared meanwhile leaves that file alone. */
static int
remove_failed_file (const char *file, const GError *error)
{
  static const char *const sides[] = { "", "-journal", "-wal", "-shm", "-lock" };

  if (!g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_EXISTS))
    for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
      {
        g_autofree char *side = g_strconcat (file, sides[i], NULL);

        g_unlink (side);
      }
  return file_error (file, error);
}

static int
run_new (const CliArgs *args)
{
  const char *name = g_hash_table_lookup (args->values, "--name");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;

  if (name == NULL)
    return usage_error (_("new: missing --name NAME"));
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return usage_error (_("new: the programme's name is empty"));

  if (!refuse_existing (args->file, &error))
    return file_error (args->file, error);

  document = pathway_document_create (args->file, stripped, &error);
  if (document == NULL)
    return remove_failed_file (args->file, error);
  pathway_document_close (document);
  return CLI_EXIT_OK;
}

static int
run_demo (const CliArgs *args)
{
  g_autoptr(GError) error = NULL;

  if (!refuse_existing (args->file, &error))
    return file_error (args->file, error);
  if (!pathway_demo_write (args->file, &error))
    return remove_failed_file (args->file, error);
  return CLI_EXIT_OK;
}

/* summary ------------------------------------------------------------------------------- */

typedef struct {
  PathwayWorkstream *workstream; /* NULL: actions in no workstream */
  guint actions;
  guint ratings[PATHWAY_N_RATINGS];
  guint complete;
  guint overdue;
} Tally;

static guint
percent_of (guint part, guint whole)
{
  if (whole == 0)
    return 0;
  return (guint) (((guint64) part * 100 + whole / 2) / whole);
}

static void
tally_action (Tally *tally, PathwayAction *action, const GDate *today)
{
  PathwayRating rating = pathway_action_get_rating (action);

  tally->actions++;
  if ((guint) rating < PATHWAY_N_RATINGS)
    tally->ratings[rating]++;
  if (pathway_action_is_complete (action))
    tally->complete++;
  if (pathway_action_is_overdue (action, today))
    tally->overdue++;
}

/* One walk over the actions fills the programme's tally and each workstream's, so the
 * numbers in every part of the output come from the same reading. Deleted actions keep their
 * rows for the history but are no longer part of the plan. */
static void
tally_programme (PathwayProgramme *programme, const GDate *today, Tally *total,
                 GArray *by_workstream, Tally *no_workstream)
{
  GListModel *workstreams = pathway_programme_get_workstreams (programme);
  GListModel *actions = pathway_programme_get_actions (programme);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  guint n;

  n = g_list_model_get_n_items (workstreams);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      Tally tally = { .workstream = workstream };

      g_array_append_val (by_workstream, tally);
      g_hash_table_insert (index, workstream, GUINT_TO_POINTER (i + 1));
    }

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      PathwayWorkstream *workstream;
      guint position;

      if (pathway_action_get_deleted (action))
        continue;

      tally_action (total, action, today);
      workstream = pathway_action_get_workstream (action);
      position = GPOINTER_TO_UINT (g_hash_table_lookup (index, workstream));
      if (position > 0)
        tally_action (&g_array_index (by_workstream, Tally, position - 1), action, today);
      else
        tally_action (no_workstream, action, today);
    }
}

static gboolean
shows_blue (PathwayRatingScheme *scheme, const Tally *total)
{
  return pathway_rating_scheme_get_uses_blue (scheme) || total->ratings[PATHWAY_RATING_BLUE] > 0;
}

static void
append_workstream_table (GString *out, gboolean blue, GArray *by_workstream,
                         const Tally *no_workstream)
{
  static const PathwayRating letters[] = {
    PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN, PATHWAY_RATING_BLUE,
  };
  enum { CODE, TITLE, ACTIONS, FIRST_RATING };
  guint n_ratings = blue ? 4 : 3;
  guint n_columns = FIRST_RATING + n_ratings + 2;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  guint n_rows;
  char **row;

  row = g_new0 (char *, n_columns + 1);
  row[CODE] = g_strdup (_("Code"));
  row[TITLE] = g_strdup (_("Workstream"));
  row[ACTIONS] = g_strdup (_("Actions"));
  for (guint r = 0; r < n_ratings; r++)
    row[FIRST_RATING + r] = g_strdup (pathway_rating_letter (letters[r]));
  row[FIRST_RATING + n_ratings] = g_strdup (_("Complete"));
  row[FIRST_RATING + n_ratings + 1] = g_strdup (_("Overdue"));
  g_ptr_array_add (rows, row);

  n_rows = by_workstream->len + (no_workstream->actions > 0 ? 1 : 0);
  for (guint i = 0; i < n_rows; i++)
    {
      const Tally *tally = i < by_workstream->len
                           ? &g_array_index (by_workstream, Tally, i)
                           : no_workstream;

      row = g_new0 (char *, n_columns + 1);
      if (tally->workstream != NULL)
        {
          g_autofree char *code = dup_printable (pathway_workstream_get_code (tally->workstream));
          g_autofree char *title = dup_printable (pathway_workstream_get_title (tally->workstream));

          row[CODE] = dup_shortened (code, 8);
          row[TITLE] = dup_shortened (title, TITLE_MAX_WIDTH);
        }
      else
        {
          row[CODE] = g_strdup ("–");
          row[TITLE] = g_strdup (_("No workstream"));
        }
      row[ACTIONS] = g_strdup_printf ("%u", tally->actions);
      for (guint r = 0; r < n_ratings; r++)
        row[FIRST_RATING + r] = g_strdup_printf ("%u", tally->ratings[letters[r]]);
      row[FIRST_RATING + n_ratings] =
        g_strdup_printf ("%u%%", percent_of (tally->complete, tally->actions));
      row[FIRST_RATING + n_ratings + 1] = g_strdup_printf ("%u", tally->overdue);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], text_width (row[c]));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          /* Numbers line up on the right; the last column is a number, so no line ends in
           * spaces. */
          append_padded (out, row[c], widths[c], c >= ACTIONS);
        }
      g_string_append_c (out, '\n');
    }
}

static void
print_summary_text (PathwayProgramme *programme, const GDate *today, const Tally *total,
                    GArray *by_workstream, const Tally *no_workstream, gboolean workstreams)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  gboolean blue = shows_blue (scheme, total);
  g_autofree char *name = dup_printable (pathway_programme_get_name (programme));
  g_autofree char *today_text = pathway_date_format_iso (today);
  g_autofree char *actions_text = g_strdup_printf ("%u", total->actions);
  g_autofree char *complete_text = g_strdup_printf ("%u%%",
                                                    percent_of (total->complete, total->actions));
  g_autofree char *overdue_text = g_strdup_printf ("%u", total->overdue);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *headings[] = { _("Programme"), _("Actions"), _("Complete"), _("Overdue") };
  PathwayRating ratings[PATHWAY_N_RATINGS];
  guint n_ratings = 0;
  GString *out = g_string_new (NULL);
  guint label_width = 0;
  guint number_width;
  guint percent_width = 0;

  /* Not rated only matters when some action has no rating yet. */
  if (total->ratings[PATHWAY_RATING_NONE] > 0)
    ratings[n_ratings++] = PATHWAY_RATING_NONE;
  ratings[n_ratings++] = PATHWAY_RATING_RED;
  ratings[n_ratings++] = PATHWAY_RATING_AMBER;
  ratings[n_ratings++] = PATHWAY_RATING_GREEN;
  if (blue)
    ratings[n_ratings++] = PATHWAY_RATING_BLUE;

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    label_width = MAX (label_width, text_width (headings[i]));
  for (guint i = 0; i < n_ratings; i++)
    {
      PathwayRating r = ratings[i];
      char *label = dup_printable (pathway_rating_scheme_get_label (scheme, r));
      g_autofree char *percent = g_strdup_printf ("(%u%%)",
                                                  percent_of (total->ratings[r], total->actions));

      g_ptr_array_add (labels, label);
      label_width = MAX (label_width, text_width (label));
      percent_width = MAX (percent_width, text_width (percent));
    }
  label_width += 3;
  number_width = MAX (text_width (actions_text), text_width (complete_text));

  append_padded (out, headings[0], label_width, FALSE);
  g_string_append_printf (out, "%s\n", name);
  append_padded (out, headings[1], label_width, FALSE);
  append_padded (out, actions_text, number_width, TRUE);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_ratings; i++)
    {
      PathwayRating r = ratings[i];
      g_autofree char *count = g_strdup_printf ("%u", total->ratings[r]);
      g_autofree char *percent = g_strdup_printf ("(%u%%)",
                                                  percent_of (total->ratings[r], total->actions));
      g_autofree char *definition =
        dup_printable (pathway_rating_scheme_get_definition (scheme, r));

      append_padded (out, g_ptr_array_index (labels, i), label_width, FALSE);
      append_padded (out, count, number_width, TRUE);
      g_string_append (out, "  ");
      append_padded (out, percent, percent_width, TRUE);
      if (*definition != '\0')
        g_string_append_printf (out, "   %s", definition);
      g_string_append_c (out, '\n');
    }

  append_padded (out, headings[2], label_width, FALSE);
  append_padded (out, complete_text, number_width, TRUE);
  g_string_append (out, "  ");
  g_string_append_printf (out, ngettext ("(%u action)", "(%u actions)", total->complete),
                          total->complete);
  g_string_append_c (out, '\n');

  append_padded (out, headings[3], label_width, FALSE);
  append_padded (out, overdue_text, number_width, TRUE);
  g_string_append (out, "  ");
  g_string_append_printf (out, _("(as at %s)"), today_text);
  g_string_append_c (out, '\n');

  if (workstreams)
    {
      g_string_append_c (out, '\n');
      append_workstream_table (out, blue, by_workstream, no_workstream);
    }

  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

/* JSON ---------------------------------------------------------------------------------- */

static void
json_add_tally (JsonWriter *writer, const Tally *tally)
{
  static const char *keys[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };

  json_add_uint (writer, "actions", tally->actions);
  json_open (writer, "ratings", '{');
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    json_add_uint (writer, keys[r], tally->ratings[r]);
  json_close (writer, '}');
  json_add_uint (writer, "complete", tally->complete);
  json_add_uint (writer, "complete_percent", percent_of (tally->complete, tally->actions));
  json_add_uint (writer, "overdue", tally->overdue);
}

static gboolean
print_summary_json (PathwayProgramme *programme, const char *file, const GDate *today,
                    const Tally *total, GArray *by_workstream, const Tally *no_workstream,
                    gboolean workstreams)
{
  JsonWriter writer;
  g_autofree char *display_file = dup_display_location (file);
  g_autofree char *today_text = pathway_date_format_iso (today);

  json_writer_init (&writer);

  json_open (&writer, NULL, '{');
  json_add_string (&writer, "programme", pathway_programme_get_name (programme));
  json_add_string (&writer, "file", display_file);
  json_add_string (&writer, "today", today_text);
  json_add_tally (&writer, total);

  if (workstreams)
    {
      json_open (&writer, "workstreams", '[');
      for (guint i = 0; i < by_workstream->len; i++)
        {
          const Tally *tally = &g_array_index (by_workstream, Tally, i);

          json_open (&writer, NULL, '{');
          json_add_string (&writer, "code", pathway_workstream_get_code (tally->workstream));
          json_add_string (&writer, "title", pathway_workstream_get_title (tally->workstream));
          json_add_tally (&writer, tally);
          json_close (&writer, '}');
        }
      json_close (&writer, ']');

      if (no_workstream->actions > 0)
        {
          json_open (&writer, "no_workstream", '{');
          json_add_tally (&writer, no_workstream);
          json_close (&writer, '}');
        }
    }
  json_close (&writer, '}');
  return json_writer_print (&writer);
}

static int
run_summary (const CliArgs *args)
{
  const char *by = g_hash_table_lookup (args->values, "--by");
  const char *today_arg = g_hash_table_lookup (args->values, "--today");
  gboolean json = g_hash_table_contains (args->values, "--json");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) by_workstream = g_array_new (FALSE, TRUE, sizeof (Tally));
  PathwayProgramme *programme;
  Tally total = { NULL };
  Tally no_workstream = { NULL };
  GDate today;

  if (by != NULL && strcmp (by, "workstream") != 0)
    return usage_error (_("summary: --by takes 'workstream', not '%s'"), by);

  if (today_arg != NULL)
    {
      if (!pathway_date_parse_iso (today_arg, &today))
        return usage_error (_("summary: --today needs a date written YYYY-MM-DD, not '%s'"),
                            today_arg);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);

  programme = pathway_document_get_programme (document);
  tally_programme (programme, &today, &total, by_workstream, &no_workstream);

  if (json)
    {
      if (!print_summary_json (programme, args->file, &today, &total, by_workstream,
                               &no_workstream, by != NULL))
        {
          g_printerr ("pathway-cli: %s\n", g_strerror (errno));
          return CLI_EXIT_FILE;
        }
    }
  else
    {
      print_summary_text (programme, &today, &total, by_workstream, &no_workstream, by != NULL);
    }

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* chart --------------------------------------------------------------------------------- */

typedef struct {
  const char *name;
  PathwayChartKind kind;
} ChartKindName;

static const ChartKindName chart_kinds[] = {
  { "rating", PATHWAY_CHART_RATING_DISTRIBUTION },
  { "rating-by-workstream", PATHWAY_CHART_RATING_BY_WORKSTREAM },
  { "rating-history", PATHWAY_CHART_RATING_HISTORY },
  { "indicator", PATHWAY_CHART_INDICATOR_TREND },
  { "risks", PATHWAY_CHART_RISK_HEAT_MAP },
};

typedef struct {
  const char *name;
  PathwayChartStyle style;
} ChartStyleName;

static const ChartStyleName chart_styles[] = {
  { "screen", PATHWAY_CHART_STYLE_SCREEN_LIGHT },
  { "dark", PATHWAY_CHART_STYLE_SCREEN_DARK },
  { "print", PATHWAY_CHART_STYLE_PRINT },
  { "projector", PATHWAY_CHART_STYLE_PROJECTOR },
  { "print-colour", PATHWAY_CHART_STYLE_PRINT_COLOUR },
};

/* The largest side cairo and the chart export accept. */
#define CHART_MAX_SIDE 20000

/* Reads exactly WxH, two whole numbers from 1 to CHART_MAX_SIDE. */
static gboolean
parse_size (const char *text, int *width, int *height)
{
  const char *x = strchr (text, 'x');
  g_autofree char *width_text = NULL;
  guint64 w, h;

  if (x == NULL)
    return FALSE;
  width_text = g_strndup (text, x - text);
  if (!g_ascii_string_to_unsigned (width_text, 10, 1, CHART_MAX_SIDE, &w, NULL)
      || !g_ascii_string_to_unsigned (x + 1, 10, 1, CHART_MAX_SIDE, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static gboolean
has_chart_extension (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL
         && (g_ascii_strcasecmp (dot, ".png") == 0 || g_ascii_strcasecmp (dot, ".svg") == 0
             || g_ascii_strcasecmp (dot, ".pdf") == 0);
}

/* By name exactly, else ignoring case when that names only one. */
static PathwayIndicator *
find_indicator (PathwayProgramme *programme, const char *name)
{
  GListModel *indicators = pathway_programme_get_indicators (programme);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  PathwayIndicator *found = NULL;
  guint n_folded = 0;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *other = g_utf8_casefold (pathway_indicator_get_name (indicator), -1);

      if (strcmp (pathway_indicator_get_name (indicator), name) == 0)
        return indicator;
      if (strcmp (other, folded) == 0)
        {
          found = indicator;
          n_folded++;
        }
    }
  return n_folded == 1 ? found : NULL;
}

static int
unknown_indicator (const char *file, PathwayProgramme *programme, const char *name)
{
  GListModel *indicators = pathway_programme_get_indicators (programme);
  g_autofree char *display = dup_display_location (file);
  g_autofree char *shown = dup_printable (name);
  guint n = g_list_model_get_n_items (indicators);

  g_printerr ("pathway-cli: %s: ", display);
  g_printerr (_("no indicator is named '%s'"), shown);
  g_printerr ("\n");
  if (n > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwayIndicator) indicator = g_list_model_get_item (indicators, i);
          g_autofree char *text = dup_printable (pathway_indicator_get_name (indicator));

          g_string_append_printf (names, "%s'%s'", i > 0 ? ", " : "", text);
        }
      g_printerr (_("Indicators: %s\n"), names->str);
      g_string_free (names, TRUE);
    }
  return CLI_EXIT_FILE;
}

static int
run_chart (const CliArgs *args)
{
  const char *kind_arg = g_hash_table_lookup (args->values, "--kind");
  const char *indicator_arg = g_hash_table_lookup (args->values, "--indicator");
  const char *workstream_arg = g_hash_table_lookup (args->values, "--workstream");
  const char *style_arg = g_hash_table_lookup (args->values, "--style");
  const char *size_arg = g_hash_table_lookup (args->values, "--size");
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  PathwayWorkstream *workstream = NULL;
  PathwayChartStyle style = PATHWAY_CHART_STYLE_SCREEN_LIGHT;
  PathwayChartKind kind = PATHWAY_CHART_RATING_DISTRIBUTION;
  PathwayProgramme *programme;
  gboolean known = FALSE;
  int width = 800, height = 500;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");

  if (kind_arg == NULL)
    return usage_error (_("chart: missing --kind KIND"));
  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (strcmp (kind_arg, chart_kinds[i].name) == 0)
      {
        kind = chart_kinds[i].kind;
        known = TRUE;
      }
  if (!known)
    return usage_error (_("chart: --kind takes rating, rating-by-workstream, rating-history, "
                          "indicator or risks, not '%s'"), kind_arg);

  if (kind == PATHWAY_CHART_INDICATOR_TREND && indicator_arg == NULL)
    return usage_error (_("chart: --kind indicator needs --indicator NAME"));
  if (kind != PATHWAY_CHART_INDICATOR_TREND && indicator_arg != NULL)
    return usage_error (_("chart: --indicator goes with --kind indicator"));
  if (workstream_arg != NULL && kind != PATHWAY_CHART_RATING_DISTRIBUTION
      && kind != PATHWAY_CHART_RATING_HISTORY)
    return usage_error (_("chart: --workstream goes with --kind rating or rating-history"));

  if (style_arg != NULL)
    {
      known = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (chart_styles); i++)
        if (strcmp (style_arg, chart_styles[i].name) == 0)
          {
            style = chart_styles[i].style;
            known = TRUE;
          }
      if (!known)
        return usage_error (_("chart: --style takes screen, dark, print or projector, not '%s'"),
                            style_arg);
    }

  if (size_arg != NULL && !parse_size (size_arg, &width, &height))
    return usage_error (_("chart: --size needs WIDTHxHEIGHT, each from 1 to %d, not '%s'"),
                        CHART_MAX_SIDE, size_arg);

  if (output_arg == NULL)
    return usage_error (_("chart: missing -o OUT"));
  if (!has_chart_extension (output_arg))
    return usage_error (_("chart: the output must end in .png, .svg or .pdf, not '%s'"),
                        output_arg);
  /* Option values were read as text; the file name goes back to the file system's bytes. */
  output = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  if (output == NULL)
    return usage_error (_("chart: the output name '%s' cannot be a file name here"), output_arg);

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);
  programme = pathway_document_get_programme (document);

  if (workstream_arg != NULL)
    {
      workstream = pathway_programme_find_workstream_by_code (programme, workstream_arg);
      if (workstream == NULL)
        {
          g_autofree char *display = dup_display_location (args->file);
          g_autofree char *shown = dup_printable (workstream_arg);

          g_printerr ("pathway-cli: %s: ", display);
          g_printerr (_("no workstream has the code '%s'"), shown);
          g_printerr ("\n");
          return CLI_EXIT_FILE;
        }
    }

  switch (kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      chart = pathway_chart_new_rating_by_workstream (programme);
      break;
    case PATHWAY_CHART_RATING_HISTORY:
      chart = pathway_chart_new_rating_history (document, workstream, NULL, &error);
      break;
    case PATHWAY_CHART_INDICATOR_TREND:
      {
        PathwayIndicator *indicator = find_indicator (programme, indicator_arg);

        if (indicator == NULL)
          return unknown_indicator (args->file, programme, indicator_arg);
        chart = pathway_chart_new_indicator_trend (document, indicator, &error);
      }
      break;
    case PATHWAY_CHART_RISK_HEAT_MAP:
      chart = pathway_chart_new_risk_heat_map (document, NULL, FALSE, &error);
      break;
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      chart = pathway_chart_new_rating_distribution (programme, workstream);
      break;
    }
  if (chart == NULL)
    return file_error (args->file, error);

  if (!pathway_chart_export (chart, output, width, height, style, &error))
    {
      g_printerr ("pathway-cli: %s\n", error->message);
      return CLI_EXIT_FILE;
    }

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* check --------------------------------------------------------------------------------- */

static int
run_check (const CliArgs *args)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);

  if (!pathway_document_check (document, problems, &error) && error != NULL)
    return file_error (args->file, error);
  pathway_document_close (document);

  if (problems->len == 0)
    {
      g_print ("%s\n", _("ok"));
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = dup_printable (g_ptr_array_index (problems, i));

      g_print ("%s\n", line);
    }
  return CLI_EXIT_FILE;
}

/* upgrade ------------------------------------------------------------------------------- */

static int
run_upgrade (const CliArgs *args)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  const char *backup;

  /* A server's schema is upgraded by the server's own steps, not by opening it. */
  if (pathway_location_is_remote (args->file))
    return run_server_upgrade (args);
  display = g_filename_display_name (args->file);

  /* Opening for editing is what upgrades: a byte-for-byte backup first, then the migration
   * in one transaction. */
  document = pathway_document_open (args->file, PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    return file_error (args->file, error);

  if (pathway_document_get_needs_upgrade (document))
    {
      g_set_error (&error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                   _("it was saved by an older version of Pathway, but it cannot be upgraded "
                     "here because the file or its folder cannot be written. Copy it to a "
                     "folder you can write to and upgrade the copy."));
      return file_error (args->file, error);
    }

  backup = pathway_document_get_migration_backup (document);
  if (backup == NULL)
    {
      g_print (_("“%s” is already up to date (file format %d); nothing was changed.\n"),
               display, PATHWAY_SCHEMA_VERSION);
      return CLI_EXIT_OK;
    }
  {
    g_autofree char *backup_display = g_filename_display_name (backup);

    g_print (_("Upgraded “%s” to file format %d. The file as it was is kept in “%s”.\n"),
             display, PATHWAY_SCHEMA_VERSION, backup_display);
  }
  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* main ---------------------------------------------------------------------------------- */

static const CliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static int
group_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (command_groups); i++)
    if (strcmp (command_groups[i].name, name) == 0)
      return (int) i;
  return -1;
}

/* TRUE when 'name' is the first words of longer commands ("server", "server user"). */
static gboolean
has_commands_under (const char *name)
{
  g_autofree char *prefix = g_strconcat (name, " ", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (commands[i].name, prefix))
      return TRUE;
  return FALSE;
}

/* `pathway-cli help returns`: each command of the group, then the notes of the group and of
 * the groups inside it ("server user" in "server"). */
static void
print_group_help (const char *group)
{
  g_autofree char *prefix = g_strconcat (group, " ", NULL);
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_has_prefix (commands[i].name, prefix))
        continue;
      if (!first)
        g_print ("\n");
      print_command_help (&commands[i]);
      first = FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (command_groups); i++)
    if (command_groups[i].note != NULL
        && (strcmp (command_groups[i].name, group) == 0
            || g_str_has_prefix (command_groups[i].name, prefix)))
      g_print ("\n%s", _(command_groups[i].note));
}

/* "request, import, status": the next words of a group's commands, each once ("user" for
 * the four commands of "server user"). */
static char *
dup_group_commands (const char *group)
{
  g_autofree char *prefix = g_strconcat (group, " ", NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *rest, *space;
      g_autofree char *word = NULL;
      guint index;

      if (!g_str_has_prefix (commands[i].name, prefix))
        continue;
      rest = commands[i].name + strlen (prefix);
      space = strchr (rest, ' ');
      word = space ? g_strndup (rest, space - rest) : g_strdup (rest);
      if (g_ptr_array_find_with_equal_func (words, word, g_str_equal, &index))
        continue;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", word);
      g_ptr_array_add (words, g_steal_pointer (&word));
    }
  return g_string_free (names, FALSE);
}

static int
finish_output (int status)
{
  /* A full disk or a closed pipe must not pass for success. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("pathway-cli: %s\n", _("could not write the output"));
      return status == CLI_EXIT_OK ? CLI_EXIT_FILE : status;
    }
  return status;
}

int
main (int argc, char *argv[])
{
  const CliCommand *command;
  CliArgs args = { NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("pathway-cli");

  if (argc < 2)
    return usage_error (_("missing command"));

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help ();
      return finish_output (CLI_EXIT_OK);
    }

  if (strcmp (argv[1], "help") == 0)
    {
      if (argc == 2)
        {
          print_help ();
          return finish_output (CLI_EXIT_OK);
        }
      /* "help server user add": the words of a command, or of a group. */
      if (argc > 3 && group_of (argv[2]) < 0)
        return usage_error (_("help: unexpected argument '%s'"), argv[3]);
      {
        g_autofree char *name = g_strjoinv (" ", argv + 2);

        command = find_command (name);
        if (command != NULL)
          print_command_help (command);
        else if (has_commands_under (name))
          print_group_help (name);
        else
          return usage_error (_("unknown command '%s'"), name);
      }
      return finish_output (CLI_EXIT_OK);
    }

  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0)
    {
      g_print ("pathway-cli %s\n", PACKAGE_VERSION);
      return finish_output (CLI_EXIT_OK);
    }

  command = find_command (argv[1]);
  if (command == NULL && group_of (argv[1]) >= 0)
    {
      /* "returns request FILE ...", "server user add URI ...": the group's words, then the
       * command's; argv[1] ends as the command's last word. */
      g_autofree char *name = g_strdup (argv[1]);

      while (command == NULL && has_commands_under (name))
        {
          char *longer;

          if (argc < 3)
            {
              g_autofree char *names = dup_group_commands (name);

              return usage_error (_("%s: missing command (%s)"), name, names);
            }
          if (strcmp (argv[2], "--help") == 0 || strcmp (argv[2], "-h") == 0)
            {
              print_group_help (name);
              return finish_output (CLI_EXIT_OK);
            }
          longer = g_strconcat (name, " ", argv[2], NULL);
          g_free (name);
          name = longer;
          command = find_command (name);
          argc--;
          argv++;
        }
      if (command == NULL)
        return usage_error (_("unknown command '%s'"), name);
    }
  if (command == NULL)
    {
      if (argv[1][0] == '-')
        return usage_error (_("unknown option '%s'"), argv[1]);
      return usage_error (_("unknown command '%s'"), argv[1]);
    }

  args.rest = g_ptr_array_new_with_free_func (g_free);
  args.values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  args.lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  status = parse_arguments (command, argc - 2, argv + 2, &args);
  if (status < 0 && command->file_only != NULL && pathway_location_is_remote (args.file))
    {
      g_autofree char *display = dup_display_location (args.file);

      status = usage_error (_("%s: FILE must be a file, not a server (%s): %s"), command->name,
                            display, _(command->file_only));
    }
  if (status < 0)
    status = command->run (&args);
  g_hash_table_unref (args.values);
  g_hash_table_unref (args.lists);
  g_ptr_array_unref (args.rest);
  for (guint i = 0; i < CLI_MAX_OPERANDS; i++)
    g_free (args.operands[i]);

  return finish_output (status);
}
