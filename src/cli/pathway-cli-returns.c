/* pathway-cli-returns.c: `pathway-cli returns request`, `returns import` and `returns status`,
 * the monthly update by email without a display. Request writes a form for each lead of the
 * actions needing an update since the board's last meeting (or --since) and records them;
 * import reads returned forms and writes every change that has no conflict and no flag (all in
 * one transaction, or nothing when a file is refused), listing the conflicts and flags by file,
 * row and column; status shows each lead's latest form. Everything goes through
 * pathway-returns.h, as the app's dialogs do. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-returns.h"

static int
refuse (const char *file, const char *message)
{
  g_autofree char *display = dup_display_location (file);
  g_autofree char *printable = dup_printable (message);

  g_printerr ("pathway-cli: %s: %s\n", display, printable);
  return CLI_EXIT_FILE;
}

static PathwayDocument *
open_for_writing (const char *file, gboolean read_only, int *status)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = pathway_document_open (file, read_only ? PATHWAY_OPEN_READ_ONLY
                                                    : PATHWAY_OPEN_DEFAULT, &error);
  if (document == NULL)
    {
      *status = file_error (file, error);
      return NULL;
    }
  if (!read_only && pathway_document_get_read_only (document))
    {
      g_autoptr(GError) read_only_error =
        g_error_new_literal (PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                             pathway_document_get_read_only_reason (document));

      *status = file_error (file, read_only_error);
      return NULL;
    }
  return g_steal_pointer (&document);
}

/* returns request ---------------------------------------------------------------------------- */

int
run_returns_request (const CliArgs *args)
{
  const char *folder_arg = g_hash_table_lookup (args->values, "-o");
  const char *due_arg = g_hash_table_lookup (args->values, "--due");
  const char *since_arg = g_hash_table_lookup (args->values, "--since");
  const char *board_arg = g_hash_table_lookup (args->values, "--board");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayReturnRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *since_words = NULL;
  g_autofree char *due_words = NULL;
  g_autoptr(GString) table = g_string_new (NULL);
  GPtrArray *unled;
  GDate due, since, today;
  guint widths[3] = { 0 };
  int status = CLI_EXIT_OK;

  if (folder_arg == NULL)
    folder_arg = g_hash_table_lookup (args->values, "--output");
  if (folder_arg == NULL)
    return usage_error (_("returns request: missing -o FOLDER, where to write the forms"));
  if (due_arg != NULL && !pathway_import_parse_day (due_arg, &due))
    return usage_error (_("returns request: --due needs a day as YYYY-MM-DD or DD/MM/YYYY, not "
                          "'%s'"), due_arg);
  if (since_arg != NULL && !pathway_import_parse_day (since_arg, &since))
    return usage_error (_("returns request: --since needs a day as YYYY-MM-DD or DD/MM/YYYY, "
                          "not '%s'"), since_arg);
  folder = g_filename_from_utf8 (folder_arg, -1, NULL, NULL, NULL);
  if (folder == NULL)
    return usage_error (_("returns request: '%s' cannot be a folder name here"), folder_arg);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return usage_error (_("returns request: %s is not a folder"), folder_arg);

  document = open_for_writing (args->file, FALSE, &status);
  if (document == NULL)
    return status;
  pathway_document_get_today (document, &today);

  if (since_arg == NULL)
    {
      PathwayBoard *board =
        pathway_programme_find_board_by_name (pathway_document_get_programme (document),
                                              board_arg);

      if (board == NULL && board_arg != NULL)
        {
          g_autofree char *shown = dup_printable (board_arg);
          g_autofree char *message = g_strdup_printf (_("no board is called '%s'"), shown);

          return refuse (args->file, message);
        }
      if (!pathway_returns_default_since (document, board, &since))
        return usage_error (_("returns request: %s, so give --since, the day from which an "
                              "action without an update needs one"),
                            board == NULL ? _("the programme has no board")
                                          : _("the board has had no meeting yet"));
    }
  if (due_arg != NULL && g_date_compare (&due, &today) < 0)
    return usage_error (_("returns request: --due %s has passed"), due_arg);

  request = pathway_return_request_new (document, &since, due_arg ? &due : NULL, &error);
  if (request == NULL)
    return file_error (args->file, error);
  since_words = pathway_date_format_words (&since);
  due_words = pathway_date_format_words (pathway_return_request_get_due (request));

  unled = pathway_return_request_get_unled_actions (request);
  if (pathway_return_request_get_n_forms (request) == 0)
    {
      g_print (_("No action led by someone has gone without an update since %s: no form to "
                 "send.\n"), since_words);
      if (unled->len > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u action needs one but has no lead.\n",
                              "%u actions need one but have no lead.\n", unled->len),
                 unled->len);
      return CLI_EXIT_OK;
    }

  if (!pathway_return_request_write (request, folder, &error))
    return exchange_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u form of the actions without an update since %s, due %s:\n",
                        "%u forms of the actions without an update since %s, due %s:\n",
                        pathway_return_request_get_n_forms (request)),
           pathway_return_request_get_n_forms (request), since_words, due_words);
  for (guint i = 0; i < pathway_return_request_get_n_forms (request); i++)
    {
      PathwayPerson *lead = pathway_return_request_get_lead (request, i);
      g_autofree char *file = dup_printable (pathway_return_request_get_file_name (request, i));
      g_autofree char *name = dup_printable (pathway_person_get_name (lead));
      g_autofree char *email = dup_printable (pathway_person_get_email (lead));

      widths[0] = MAX (widths[0], text_width (file));
      widths[1] = MAX (widths[1], text_width (name));
      widths[2] = MAX (widths[2], text_width (*email ? email : _("(no email)")));
    }
  for (guint i = 0; i < pathway_return_request_get_n_forms (request); i++)
    {
      PathwayPerson *lead = pathway_return_request_get_lead (request, i);
      guint n = pathway_return_request_get_actions (request, i)->len;
      g_autofree char *file = dup_printable (pathway_return_request_get_file_name (request, i));
      g_autofree char *name = dup_printable (pathway_person_get_name (lead));
      g_autofree char *email = dup_printable (pathway_person_get_email (lead));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action",
                                                             "%u actions", n), n);

      g_string_append (table, "  ");
      append_padded (table, file, widths[0], FALSE);
      g_string_append (table, "  ");
      append_padded (table, name, widths[1], FALSE);
      g_string_append (table, "  ");
      append_padded (table, *email ? email : _("(no email)"), widths[2], FALSE);
      g_string_append_printf (table, "  %s\n", count);
    }
  g_print ("%s", table->str);
  if (unled->len > 0)
    {
      g_autoptr(GString) refs = g_string_new (NULL);

      for (guint i = 0; i < unled->len; i++)
        {
          g_autofree char *ref = dup_printable (pathway_action_get_reference (
                                                  g_ptr_array_index (unled, i)));

          g_string_append_printf (refs, "%s%s", i > 0 ? ", " : "", ref);
        }
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u action needs an update but has no lead, so no form asks about "
                            "it: %s\n",
                            "%u actions need an update but have no lead, so no form asks about "
                            "them: %s\n", unled->len),
               unled->len, refs->str);
    }
  {
    g_autofree char *shown = dup_printable (folder_arg);

    g_print (_("Wrote them and “%s” in %s.\n"), PATHWAY_RETURN_LIST_FILE, shown);
  }
  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* returns import ----------------------------------------------------------------------------- */

/* A value in one line, shortened for a terminal. */
static char *
shown_value (const char *text)
{
  g_autofree char *printable = dup_printable (text);

  if (*printable == '\0')
    return g_strdup (_("(blank)"));
  return dup_shortened (printable, 60);
}

static void
print_changes (PathwayReturnImport *import, guint file)
{
  guint n = 0;

  for (guint i = 0; i < pathway_return_import_get_n_changes (import); i++)
    {
      const PathwayReturnChange *change = pathway_return_import_get_change (import, i);
      g_autofree char *ref = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (change->file != file || change->conflict || change->flagged)
        continue;
      ref = dup_printable (pathway_action_get_reference (change->action));
      from = shown_value (change->current);
      to = shown_value (change->returned);
      g_print ("  %s  %s: %s -> %s\n", ref, pathway_return_field_label (change->field), from,
               to);
      n++;
    }
  if (n == 0)
    g_print ("  %s\n", _("No change to import."));
}

static void
print_held_back (PathwayReturnImport *import)
{
  guint n_held = 0;

  for (guint i = 0; i < pathway_return_import_get_n_changes (import); i++)
    {
      const PathwayReturnChange *change = pathway_return_import_get_change (import, i);
      const char *file = pathway_return_import_get_file_name (import, change->file);
      g_autofree char *reason = NULL;
      g_autofree char *name = NULL;
      g_autofree char *from = NULL;
      g_autofree char *sent = NULL;
      g_autofree char *to = NULL;

      if (!change->conflict && !change->flagged)
        continue;
      if (n_held++ == 0)
        g_print ("%s\n", _("Conflicts and flagged rows (not imported; change them in the "
                           "programme if they are right):"));
      name = dup_printable (file);
      reason = dup_printable (change->reason);
      from = shown_value (change->current);
      sent = shown_value (change->sent);
      to = shown_value (change->returned);
      g_print (_("  %s, row %u, column %s: %s\n"), name, change->row_number,
               change->column_letter, reason);
      g_print (_("    now: %s; as sent: %s; returned: %s\n"), from, sent, to);
    }
  for (guint i = 0; i < pathway_return_import_get_n_problems (import); i++)
    {
      const PathwayReturnProblem *problem = pathway_return_import_get_problem (import, i);
      g_autofree char *message = dup_printable (problem->message);

      if (i == 0)
        g_print ("%s\n", _("Reported:"));
      g_print ("  %s\n", message);
    }
}

int
run_returns_import (const CliArgs *args)
{
  gboolean dry_run = g_hash_table_contains (args->values, "--dry-run");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayReturnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = dup_display_location (args->file);
  guint n_refused = 0;
  guint n_applied = 0;
  int status = CLI_EXIT_OK;

  /* A dry run only looks, so it never takes the file for writing. */
  document = open_for_writing (args->file, dry_run, &status);
  if (document == NULL)
    return status;

  import = pathway_return_import_new (document);
  for (guint i = 0; i < args->rest->len; i++)
    {
      const char *path = g_ptr_array_index (args->rest, i);
      g_autoptr(GError) file_error = NULL;

      if (!pathway_return_import_add_file (import, path, &file_error))
        {
          exchange_error (file_error);
          n_refused++;
        }
    }

  for (guint f = 0; f < pathway_return_import_get_n_files (import); f++)
    {
      g_autofree char *name = dup_printable (pathway_return_import_get_file_name (import, f));
      g_autofree char *lead = dup_printable (pathway_return_import_get_file_lead_name (import,
                                                                                       f));
      g_autofree char *sent = pathway_date_format_words (pathway_return_import_get_file_sent (import, f));
      g_autofree char *returned = pathway_date_format_words (pathway_return_import_get_file_returned (import,
                                                                                        f));

      g_print (_("%s: from %s, sent %s\n"), name, lead, sent);
      if (*returned != '\0')
        g_print (_("  (imported before, on %s: only what is still different is shown)\n"),
                 returned);
      print_changes (import, f);
    }
  print_held_back (import);

  if (n_refused > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "pathway-cli: nothing was imported: %u file was refused (above); "
                               "leave it out or put it right and import again.\n",
                               "pathway-cli: nothing was imported: %u files were refused "
                               "(above); leave them out or put them right and import again.\n",
                               n_refused),
                  n_refused);
      return CLI_EXIT_FILE;
    }
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return CLI_EXIT_OK;
    }
  if (!pathway_return_import_apply (import, &n_applied, &error))
    return file_error (args->file, error);
  pathway_document_close (document);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u change into %s.\n",
                        "Imported %u changes into %s.\n", n_applied),
           n_applied, display);
  return CLI_EXIT_OK;
}

/* returns status ----------------------------------------------------------------------------- */

int
run_returns_status (const CliArgs *args)
{
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint lead_width = text_width (_("Lead"));
  GDate today;
  int status = CLI_EXIT_OK;

  document = open_for_writing (args->file, TRUE, &status);
  if (document == NULL)
    return status;
  pathway_document_get_today (document, &today);
  statuses = pathway_returns_list_status (document, &today, &error);
  if (statuses == NULL)
    return file_error (args->file, error);
  if (statuses->len == 0)
    {
      g_print (_("No form has been sent yet: pathway-cli returns request sends them.\n"));
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      PathwayReturnLeadStatus *entry = g_ptr_array_index (statuses, i);
      g_autofree char *name = dup_printable (pathway_person_get_name (entry->lead));

      lead_width = MAX (lead_width, text_width (name));
    }
  g_string_append (out, "  ");
  append_padded (out, _("Lead"), lead_width, FALSE);
  g_string_append_printf (out, "  %-10s  %-10s  %s\n", _("Sent"), _("Due"), _("State"));
  for (guint i = 0; i < statuses->len; i++)
    {
      PathwayReturnLeadStatus *entry = g_ptr_array_index (statuses, i);
      g_autofree char *name = dup_printable (pathway_person_get_name (entry->lead));
      g_autofree char *sent = pathway_date_format_iso (pathway_return_form_get_sent (entry->form));
      g_autofree char *due = pathway_date_format_iso (pathway_return_form_get_due (entry->form));
      g_autofree char *state = NULL;
      guint earlier;

      if (entry->state == PATHWAY_RETURN_RETURNED)
        {
          g_autofree char *returned =
            pathway_date_format_iso (pathway_return_form_get_returned (entry->form));

          state = g_strdup_printf (_("Returned %s"), returned);
        }
      else if (entry->state == PATHWAY_RETURN_OVERDUE)
        {
          guint days = (guint) g_date_days_between (pathway_return_form_get_due (entry->form),
                                                    &today);

          state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %u day",
                                                "Overdue by %u days", days), days);
        }
      else
        state = g_strdup (pathway_return_state_label (entry->state));

      g_string_append (out, "  ");
      append_padded (out, name, lead_width, FALSE);
      g_string_append_printf (out, "  %-10s  %-10s  %s", sent ? sent : "", due ? due : "",
                              state);
      earlier = entry->n_outstanding - (entry->state == PATHWAY_RETURN_RETURNED ? 0u : 1u);
      if (entry->n_outstanding > 0 && earlier > 0)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  " (and %u earlier form not returned)",
                                                  " (and %u earlier forms not returned)",
                                                  earlier),
                                earlier);
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
  return CLI_EXIT_OK;
}
