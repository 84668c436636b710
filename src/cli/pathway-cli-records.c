/* pathway-cli-records.c: `pathway-cli add`, `edit`, `retire`, `list`, `history` and
 * `readings`, which set up and keep a whole programme from a script: people, areas,
 * workstreams and their members, actions, boards and meetings, indicators with their
 * milestones and readings.
 *
 * The command line knows no kind of record itself: kinds and their fields are the store's
 * descriptions (pathway_kind_lookup, pathway_kind_dup_fields), records are found by id or
 * name (pathway_document_find_record) and fields are read and written as text
 * (pathway_document_add_fields, _set_fields, _dup_field_text), so a field the store gains is
 * on the command line at once. The store reads every value before it writes, so a value it
 * cannot use changes nothing. add, edit, retire and readings open the file for writing; list
 * and history open it read-only. Records are named on output by their id, the UUID that stays
 * the same when the programme is copied. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathway-cli-private.h"
#include "pathway-document.h"
#include "pathway-exchange.h"

/* Long text (a description, a commentary) is shortened in list's table so rows fit a line. */
#define LIST_CELL_MAX_WIDTH 30

/* Kinds and fields ------------------------------------------------------------------------ */

/* The kinds that exist, as one line: "programme, area, person, …". */
static char *
dup_kind_names (void)
{
  return g_strjoinv (", ", (char **) pathway_kind_list_names ());
}

/* The kind a command names, in any case; an unknown kind is a usage error naming those that
 * exist. */
static const PathwayKind *
lookup_kind (const char *command, const char *name, int *status)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const PathwayKind *kind = pathway_kind_lookup (g_strstrip (lower));

  if (kind == NULL)
    {
      g_autofree char *names = dup_kind_names ();
      g_autofree char *shown = dup_printable (name);

      *status = usage_error (_("%s: there is no kind of record called '%s'; the kinds are %s"),
                             command, shown, names);
    }
  return kind;
}

static gboolean
kind_has_field (const char *const *fields, const char *field)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return TRUE;
  return FALSE;
}

/* Reads each --set FIELD=VALUE into two NULL-terminated arrays, in the order given. A value
 * without '=', a field the kind does not have or a field given twice is a usage error: the
 * command line is wrong whatever the file holds. */
static gboolean
read_settings (const char *command, const PathwayKind *kind, GPtrArray *settings,
               GPtrArray *fields, GPtrArray *values, int *status)
{
  g_autofree const char **known = pathway_kind_dup_fields (kind);

  for (guint i = 0; settings != NULL && i < settings->len; i++)
    {
      const char *setting = g_ptr_array_index (settings, i);
      const char *equals = strchr (setting, '=');
      g_autofree char *field = NULL;

      if (equals == NULL || equals == setting)
        {
          g_autofree char *shown = dup_printable (setting);

          *status = usage_error (_("%s: --set needs FIELD=VALUE, not '%s'"), command, shown);
          return FALSE;
        }
      field = g_ascii_strdown (setting, equals - setting);
      g_strstrip (field);
      if (!kind_has_field (known, field))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) known);
          g_autofree char *shown = dup_printable (field);

          *status = usage_error (_("%s: records of kind %s have no field '%s'; their fields "
                                   "are %s"),
                                 command, pathway_kind_get_name (kind), shown, list);
          return FALSE;
        }
      for (guint j = 0; j < fields->len; j++)
        if (g_str_equal (g_ptr_array_index (fields, j), field))
          {
            *status = usage_error (_("%s: --set %s is given twice"), command, field);
            return FALSE;
          }
      g_ptr_array_add (fields, g_steal_pointer (&field));
      g_ptr_array_add (values, g_strdup (equals + 1));
    }
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (values, NULL);
  return TRUE;
}

/* Opening -------------------------------------------------------------------------------- */

/* For add, edit, retire and readings: a document that can be written, or NULL with the
 * reason (locked by another copy, read-only on disk, not a programme). */
static PathwayDocument *
open_for_writing (const char *file, GError **error)
{
  g_autoptr(PathwayDocument) document = pathway_document_open (file, PATHWAY_OPEN_DEFAULT,
                                                               error);

  if (document == NULL)
    return NULL;
  if (pathway_document_get_read_only (document))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                           pathway_document_get_read_only_reason (document));
      return NULL;
    }
  return g_steal_pointer (&document);
}

/* A live record by id or name; failing that, for reading its history, a retired one. */
static gpointer
find_record_or_retired (PathwayDocument *document, const PathwayKind *kind,
                        const char *id_or_key, GError **error)
{
  g_autoptr(GError) live_error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *wanted = NULL;
  gpointer record;
  GObject *found = NULL;
  guint n_found = 0;

  record = pathway_document_find_record (document, kind, id_or_key, &live_error);
  if (record != NULL)
    return record;

  all = pathway_document_list_records (document, kind, TRUE, NULL);
  wanted = g_utf8_casefold (id_or_key, -1);
  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (all, i);
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;

      if (!pathway_document_is_retired (document, candidate))
        continue;
      name = pathway_document_dup_record_name (document, candidate);
      folded = g_utf8_casefold (name, -1);
      if (g_ascii_strcasecmp (pathway_record_get_uuid (candidate), id_or_key) == 0
          || g_str_equal (folded, wanted))
        {
          found = candidate;
          n_found++;
        }
    }
  if (n_found == 1)
    return g_object_ref (found);

  g_propagate_error (error, g_steal_pointer (&live_error));
  return NULL;
}

/* add, edit, retire ------------------------------------------------------------------------ */

int
run_add (const CliArgs *args)
{
  GPtrArray *settings = g_hash_table_lookup (args->lists, "--set");
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayKind *kind;
  int status = CLI_EXIT_OK;

  kind = lookup_kind ("add", args->operands[0], &status);
  if (kind == NULL)
    return status;
  if (settings == NULL)
    return usage_error (_("add: nothing to add; give the new %s's fields with --set "
                          "FIELD=VALUE"), pathway_kind_get_name (kind));
  if (!read_settings ("add", kind, settings, fields, values, &status))
    return status;

  document = open_for_writing (args->file, &error);
  if (document == NULL)
    return file_error (args->file, error);
  if (!pathway_document_add_fields (document, kind, (const char *const *) fields->pdata,
                                    (const char *const *) values->pdata, (gpointer *) &record,
                                    &error))
    return file_error (args->file, error);

  /* The id alone, so a script can keep it: ID=$(pathway-cli add …). */
  g_print ("%s\n", pathway_record_get_uuid (record));
  pathway_document_close (document);
  return CLI_EXIT_OK;
}

int
run_edit (const CliArgs *args)
{
  GPtrArray *settings = g_hash_table_lookup (args->lists, "--set");
  const char *note = g_hash_table_lookup (args->values, "--note");
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayKind *kind;
  int status = CLI_EXIT_OK;

  kind = lookup_kind ("edit", args->operands[0], &status);
  if (kind == NULL)
    return status;
  if (settings == NULL)
    return usage_error (_("edit: nothing to change; give the fields with --set FIELD=VALUE"));
  if (!read_settings ("edit", kind, settings, fields, values, &status))
    return status;

  document = open_for_writing (args->file, &error);
  if (document == NULL)
    return file_error (args->file, error);
  record = pathway_document_find_record (document, kind, args->operands[1], &error);
  if (record == NULL)
    return file_error (args->file, error);
  if (!pathway_document_set_fields (document, record, (const char *const *) fields->pdata,
                                    (const char *const *) values->pdata, note, &error))
    return file_error (args->file, error);

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

int
run_retire (const CliArgs *args)
{
  const char *note = g_hash_table_lookup (args->values, "--note");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayKind *kind;
  int status = CLI_EXIT_OK;

  kind = lookup_kind ("retire", args->operands[0], &status);
  if (kind == NULL)
    return status;

  document = open_for_writing (args->file, &error);
  if (document == NULL)
    return file_error (args->file, error);
  record = pathway_document_find_record (document, kind, args->operands[1], &error);
  if (record == NULL)
    return file_error (args->file, error);
  if (!pathway_document_retire (document, record, note, &error))
    return file_error (args->file, error);

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* list ----------------------------------------------------------------------------------- */

static gboolean
print_list_json (PathwayDocument *document, GListModel *records, const char *const *fields,
                 gboolean with_retired)
{
  JsonWriter writer;

  json_writer_init (&writer);
  json_open (&writer, NULL, '[');
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      json_open (&writer, NULL, '{');
      json_add_string (&writer, "id", pathway_record_get_uuid (record));
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autofree char *text = pathway_document_dup_field_text (document, record, fields[f]);

          json_add_string (&writer, fields[f], text);
        }
      if (with_retired)
        json_add_boolean (&writer, "retired", pathway_document_is_retired (document, record));
      json_close (&writer, '}');
    }
  json_close (&writer, ']');
  return json_writer_print (&writer);
}

/* A table for people: a column for each field that any record fills, then the id (last, as
 * it is long and the same width in every row), and with --retired whether it is retired. */
static void
print_list_text (PathwayDocument *document, const PathwayKind *kind, GListModel *records,
                 const char *const *fields, gboolean with_retired)
{
  guint n_records = g_list_model_get_n_items (records);
  guint n_fields = g_strv_length ((char **) fields);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *widths = NULL;
  g_autofree gboolean *filled = g_new0 (gboolean, n_fields);
  GString *out;
  char **row;

  if (n_records == 0)
    {
      g_print (with_retired ? _("The programme has no records of kind %s.\n")
                            : _("The programme has no live records of kind %s.\n"),
               pathway_kind_get_name (kind));
      return;
    }

  /* Cells: the fields, then the id, then retired; headed by the names --set and --json use. */
  row = g_new0 (char *, n_fields + 3);
  for (guint f = 0; f < n_fields; f++)
    row[f] = g_strdup (fields[f]);
  row[n_fields] = g_strdup ("id");
  row[n_fields + 1] = g_strdup (with_retired ? "retired" : "");
  g_ptr_array_add (rows, row);
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      row = g_new0 (char *, n_fields + 3);
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *text = pathway_document_dup_field_text (document, record, fields[f]);
          g_autofree char *printable = dup_printable (text);

          row[f] = dup_shortened (printable, LIST_CELL_MAX_WIDTH);
          filled[f] |= *row[f] != '\0';
        }
      row[n_fields] = g_strdup (pathway_record_get_uuid (record));
      row[n_fields + 1] = g_strdup (with_retired && pathway_document_is_retired (document,
                                                                                 record)
                                    ? _("yes") : "");
      g_ptr_array_add (rows, row);
    }

  for (guint f = 0; f < n_fields; f++)
    if (filled[f])
      g_array_append_val (columns, f);
  {
    guint id_column = n_fields, retired_column = n_fields + 1;

    g_array_append_val (columns, id_column);
    if (with_retired)
      g_array_append_val (columns, retired_column);
  }

  widths = g_new0 (guint, n_fields + 2);
  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < columns->len; c++)
      {
        guint column = g_array_index (columns, guint, c);
        char **cells = g_ptr_array_index (rows, i);

        widths[column] = MAX (widths[column], text_width (cells[column]));
      }

  out = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < columns->len; c++)
        {
          guint column = g_array_index (columns, guint, c);

          if (c > 0)
            g_string_append (line, "  ");
          append_padded (line, cells[column], widths[column], FALSE);
        }
      /* No line ends in spaces. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

int
run_list (const CliArgs *args)
{
  gboolean json = g_hash_table_contains (args->values, "--json");
  gboolean with_retired = g_hash_table_contains (args->values, "--retired");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **fields = NULL;
  const PathwayKind *kind;
  int status = CLI_EXIT_OK;

  kind = lookup_kind ("list", args->operands[0], &status);
  if (kind == NULL)
    return status;

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);
  records = pathway_document_list_records (document, kind, with_retired, &error);
  if (records == NULL)
    return file_error (args->file, error);

  fields = pathway_kind_dup_fields (kind);
  if (json)
    {
      if (!print_list_json (document, records, fields, with_retired))
        return CLI_EXIT_FILE;
    }
  else
    print_list_text (document, kind, records, fields, with_retired);

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* history -------------------------------------------------------------------------------- */

/* The field a change is about, by its name on the command line: the field of a TEXT or NOTE
 * change, or the action's own fields for a rating, status, commentary or revised
 * timescale; "" for a record's creation and retirement. */
static const char *
change_property (const PathwayKind *kind, PathwayActionUpdate *update)
{
  const char *property = pathway_action_update_get_property_name (update);

  if (property != NULL && *property != '\0')
    return pathway_kind_field_for_property (kind, property);
  switch (pathway_action_update_get_field (update))
    {
    case PATHWAY_FIELD_RATING: return "rating";
    case PATHWAY_FIELD_STATUS: return "status";
    case PATHWAY_FIELD_COMMENTARY: return "commentary";
    case PATHWAY_FIELD_REVISED_TIMESCALE: return "revised-timescale";
    case PATHWAY_FIELD_CREATED:
    case PATHWAY_FIELD_DELETED:
    case PATHWAY_FIELD_TEXT:
    case PATHWAY_FIELD_NOTE:
    default: return "";
    }
}

/* The kind of change by its stable name ("created", "rating", "text", …). */
static const char *
change_field_nick (PathwayActionUpdate *update)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PATHWAY_TYPE_FIELD);
  GEnumValue *value = g_enum_get_value (klass, pathway_action_update_get_field (update));

  return value != NULL ? value->value_nick : "";
}

static char *
dup_local_time (PathwayActionUpdate *update, const char *format)
{
  GDateTime *at = pathway_action_update_get_at (update);
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, format);
}

/* One change in words: "rating changed from “amber” to “green”". */
static char *
describe_change (const PathwayKind *kind, PathwayActionUpdate *update)
{
  g_autofree char *from = dup_printable (pathway_action_update_get_from_value (update));
  g_autofree char *to = dup_printable (pathway_action_update_get_to_value (update));
  g_autofree char *note = dup_printable (pathway_action_update_get_note (update));
  const char *field = change_property (kind, update);

  switch (pathway_action_update_get_field (update))
    {
    case PATHWAY_FIELD_CREATED:
      return *to != '\0' ? g_strdup_printf (_("added as “%s”"), to) : g_strdup (_("added"));
    case PATHWAY_FIELD_DELETED:
      return g_strdup (g_strcmp0 (pathway_action_update_get_to_value (update), "yes") == 0
                         ? _("retired")
                         : _("brought back"));
    case PATHWAY_FIELD_NOTE:
      return g_strdup_printf (g_strcmp0 (field, "decision") == 0 ? _("decision: %s")
                                                                  : _("note: %s"),
                              note);
    case PATHWAY_FIELD_RATING:
    case PATHWAY_FIELD_STATUS:
    case PATHWAY_FIELD_REVISED_TIMESCALE:
    case PATHWAY_FIELD_COMMENTARY:
    case PATHWAY_FIELD_TEXT:
    default:
      if (*from == '\0')
        return g_strdup_printf (_("%s set to “%s”"), field, to);
      if (*to == '\0')
        return g_strdup_printf (_("%s cleared (was “%s”)"), field, from);
      return g_strdup_printf (_("%s changed from “%s” to “%s”"), field, from, to);
    }
}

/* One line each, oldest first: "2026-05-01 14:03  Beth Kowalski  rating changed from “amber”
 * to “green” (note: …)". */
static void
print_history_text (const PathwayKind *kind, GListModel *changes)
{
  GString *out = g_string_new (NULL);
  guint author_width = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (changes, i);
      g_autofree char *author = dup_printable (pathway_action_update_get_author (update));

      author_width = MAX (author_width, text_width (author));
    }

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (changes, i);
      g_autofree char *when = dup_local_time (update, "%Y-%m-%d %H:%M");
      g_autofree char *author = dup_printable (pathway_action_update_get_author (update));
      g_autofree char *what = describe_change (kind, update);
      g_autofree char *note = dup_printable (pathway_action_update_get_note (update));

      g_string_append_printf (out, "%s  ", when);
      append_padded (out, author, author_width, FALSE);
      g_string_append_printf (out, "  %s", what);
      if (*note != '\0' && pathway_action_update_get_field (update) != PATHWAY_FIELD_NOTE)
        g_string_append_printf (out, _(" (note: %s)"), note);
      /* A change brought in for a past day: when it was written. */
      if (pathway_action_update_get_recorded (update) != NULL)
        {
          g_autoptr(GDateTime) local =
            g_date_time_to_local (pathway_action_update_get_recorded (update));
          g_autofree char *recorded = g_date_time_format (local, "%Y-%m-%d %H:%M");

          g_string_append_printf (out, _(" (recorded %s)"), recorded);
        }
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

static gboolean
print_history_json (const PathwayKind *kind, GListModel *changes)
{
  JsonWriter writer;

  json_writer_init (&writer);
  json_open (&writer, NULL, '[');
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (changes, i);
      GDateTime *at = pathway_action_update_get_at (update);
      g_autoptr(GDateTime) utc = at ? g_date_time_to_utc (at) : NULL;
      g_autofree char *at_text = utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      json_open (&writer, NULL, '{');
      json_add_string (&writer, "at", at_text);
      json_add_string (&writer, "author", pathway_action_update_get_author (update));
      json_add_string (&writer, "field", change_field_nick (update));
      json_add_string (&writer, "property", change_property (kind, update));
      json_add_string (&writer, "from", pathway_action_update_get_from_value (update));
      json_add_string (&writer, "to", pathway_action_update_get_to_value (update));
      json_add_string (&writer, "note", pathway_action_update_get_note (update));
      if (pathway_action_update_get_recorded (update) != NULL)
        {
          g_autoptr(GDateTime) recorded_utc =
            g_date_time_to_utc (pathway_action_update_get_recorded (update));
          g_autofree char *recorded = g_date_time_format (recorded_utc, "%Y-%m-%dT%H:%M:%SZ");

          json_add_string (&writer, "recorded", recorded);
        }
      json_close (&writer, '}');
    }
  json_close (&writer, ']');
  return json_writer_print (&writer);
}

int
run_history (const CliArgs *args)
{
  gboolean json = g_hash_table_contains (args->values, "--json");
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  const PathwayKind *kind;
  int status = CLI_EXIT_OK;

  kind = lookup_kind ("history", args->operands[0], &status);
  if (kind == NULL)
    return status;

  document = pathway_document_open (args->file, PATHWAY_OPEN_READ_ONLY, &error);
  if (document == NULL)
    return file_error (args->file, error);
  record = find_record_or_retired (document, kind, args->operands[1], &error);
  if (record == NULL)
    return file_error (args->file, error);
  changes = pathway_document_list_changes (document, record, &error);
  if (changes == NULL)
    return file_error (args->file, error);

  if (json)
    {
      if (!print_history_json (kind, changes))
        return CLI_EXIT_FILE;
    }
  else
    print_history_text (kind, changes);

  pathway_document_close (document);
  return CLI_EXIT_OK;
}

/* readings ------------------------------------------------------------------------------- */

int
run_readings (const CliArgs *args)
{
  const char *from = g_hash_table_lookup (args->values, "--from");
  const char *sheet_name = g_hash_table_lookup (args->values, "--sheet");
  g_autoptr(PathwaySheet) sheet = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *from_file = NULL;
  guint n_added = 0;

  if (from == NULL)
    return usage_error (_("readings: missing --from READINGS, the .csv or .xlsx file of "
                          "readings"));
  /* Option values were read as text; the file name goes back to the file system's bytes. */
  from_file = g_filename_from_utf8 (from, -1, NULL, NULL, NULL);
  if (from_file == NULL)
    return usage_error (_("readings: '%s' cannot be a file name here"), from);

  sheet = pathway_sheet_read (from_file, sheet_name, &error);
  if (sheet == NULL)
    return exchange_error (error);

  document = open_for_writing (args->file, &error);
  if (document == NULL)
    return file_error (args->file, error);

  /* What was read but not quite as written (bytes that were not UTF-8), by row and column. */
  for (guint i = 0; i < pathway_sheet_get_n_warnings (sheet); i++)
    {
      const PathwaySheetWarning *warning = pathway_sheet_get_warning (sheet, i);
      g_autofree char *column = warning->column >= 0
                                  ? pathway_column_letter ((guint) warning->column) : NULL;
      g_autofree char *where = column != NULL
                                 ? g_strdup_printf (_("row %u, column %s"), warning->row_number,
                                                    column)
                                 : g_strdup_printf (_("row %u"), warning->row_number);
      g_autofree char *line = g_strdup_printf (_("%s: %s: warning: %s"),
                                               pathway_sheet_get_display_name (sheet), where,
                                               warning->message);
      g_autofree char *shown = dup_printable (line);

      g_printerr ("%s\n", shown);
    }

  if (!pathway_import_readings (sheet, document, problems, &n_added, &error))
    {
      if (!g_error_matches (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_PROBLEMS))
        return file_error (args->file, error);

      /* As compilers list problems: "FILE: row N, column C (field): what is wrong". */
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = dup_printable (g_ptr_array_index (problems, i));

          g_printerr ("%s\n", line);
        }
      return exchange_error (error);
    }

  pathway_document_close (document);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u reading.\n", "Added %u readings.\n",
                        n_added),
           n_added);
  return CLI_EXIT_OK;
}
