/* pathway-cli-pack.c: `pathway-cli pack`, the board pack for a meeting written as a PDF or, for
 * a committee system that files papers as Word, a .docx (by the output's extension). The file
 * is opened read-only: making a pack never changes the programme. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-pack.h"

/* The meeting on 'date'; without a date, the next meeting from today, else the latest. */
static PathwayMeeting *
find_meeting (PathwayBoard *board, const GDate *date, const GDate *today)
{
  GListModel *meetings = pathway_board_get_meetings (board);
  PathwayMeeting *next = NULL, *latest = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (meetings); i < n; i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);
      const GDate *when = pathway_meeting_get_date (meeting);

      if (when == NULL)
        continue;
      if (date != NULL)
        {
          if (g_date_compare (when, date) == 0)
            return meeting;
          continue;
        }
      if (g_date_compare (when, today) >= 0
          && (next == NULL || g_date_compare (when, pathway_meeting_get_date (next)) < 0))
        next = meeting;
      if (latest == NULL || g_date_compare (when, pathway_meeting_get_date (latest)) > 0)
        latest = meeting;
    }
  return next != NULL ? next : latest;
}

/* "PACK.PDF" and "Pack.Docx" are what they say, in any case. */
static gboolean
has_suffix_folded (const char *name, const char *suffix)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return g_str_has_suffix (folded, suffix);
}

static int
pack_failure (const char *file, const char *message)
{
  g_autofree char *display = dup_display_location (file);

  g_printerr ("pathway-cli: %s: %s\n", display, message);
  return CLI_EXIT_FILE;
}

int
run_pack (const CliArgs *args)
{
  const char *board_arg = g_hash_table_lookup (args->values, "--board");
  const char *date_arg = g_hash_table_lookup (args->values, "--date");
  const char *as_at_arg = g_hash_table_lookup (args->values, "--as-at");
  const char *output_arg = g_hash_table_lookup (args->values, "-o");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *output = NULL;
  PathwayProgramme *programme;
  PathwayBoard *board;
  PathwayMeeting *meeting;
  GDate date, as_at, today;
  gboolean word, written;

  if (output_arg == NULL)
    output_arg = g_hash_table_lookup (args->values, "--output");
  if (output_arg == NULL)
    return usage_error (_("pack: missing -o OUT.pdf or -o OUT.docx"));
  word = has_suffix_folded (output_arg, ".docx");
  if (!word && !has_suffix_folded (output_arg, ".pdf"))
    return usage_error (_("pack: the output must end in .pdf or .docx, not '%s'"), output_arg);
  if (date_arg != NULL && !pathway_date_parse_iso (date_arg, &date))
    return usage_error (_("pack: --date needs a day as YYYY-MM-DD, not '%s'"), date_arg);
  if (as_at_arg != NULL && !pathway_date_parse_iso (as_at_arg, &as_at))
    return usage_error (_("pack: --as-at needs a day as YYYY-MM-DD, not '%s'"), as_at_arg);
  output = g_filename_from_utf8 (output_arg, -1, NULL, NULL, NULL);
  if (output == NULL)
    return usage_error (_("pack: the output name '%s' cannot be a file name here"), output_arg);

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);
  programme = pathway_document_get_programme (document);

  board = pathway_programme_find_board_by_name (programme, board_arg);
  if (board == NULL)
    {
      g_autofree char *shown = dup_printable (board_arg);
      g_autofree char *message = board_arg
                                   ? g_strdup_printf (_("no board is called '%s'"), shown)
                                   : g_strdup (_("the programme has no board; add one in "
                                                 "the application first"));

      return pack_failure (args->file, message);
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  meeting = find_meeting (board, date_arg ? &date : NULL, &today);
  if (meeting == NULL)
    {
      g_autofree char *shown = dup_printable (pathway_board_get_name (board));
      g_autofree char *message = date_arg
                                   ? g_strdup_printf (_("'%s' has no meeting on %s"), shown,
                                                      date_arg)
                                   : g_strdup_printf (_("'%s' has no meetings yet"), shown);

      return pack_failure (args->file, message);
    }

  pack = pathway_pack_new (document, meeting, as_at_arg ? &as_at : NULL, &error);
  if (pack == NULL)
    return file_error (args->file, error);
  written = word ? pathway_pack_write_docx (pack, output, &error)
                 : pathway_pack_write_pdf (pack, output, &error);
  if (!written)
    {
      g_printerr ("pathway-cli: %s\n", error->message);
      return CLI_EXIT_FILE;
    }
  pathway_document_close (document);
  return CLI_EXIT_OK;
}
