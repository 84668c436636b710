/* pathway-sheet-csv.c: reads CSV the way Excel and LibreOffice write it, with libcsv doing
 * the RFC 4180 part (quoted fields with embedded delimiters, quotes and newlines). Around it:
 * the encoding (UTF-8 with or without a BOM, UTF-16 with a BOM as Excel's "Unicode Text"
 * writes it, and Windows-1252 when the bytes are not UTF-8), Excel's "sep=;" first line, and
 * the delimiter sniffed among comma, semicolon and tab. Row numbers are Excel's: one record is
 * one row, however many lines its quoted fields span, and blank lines are blank rows.
 * Nothing is garbled without a word: the encoding is judged on the whole file, so a UTF-8 file
 * with a few damaged bytes stays UTF-8 (those bytes replaced, each cell named in a warning),
 * and a NUL byte refuses the file, naming its row and column. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* The delimiter is judged on this many records at the start of the file. */
#define SNIFF_RECORDS 60
#define SNIFF_BYTES (64 * 1024)

/* A file whose bytes are UTF-8 but for a few is UTF-8 that was damaged (a cell pasted from
 * elsewhere, a cut in the middle of a character), not Windows-1252: a handful of bad bytes,
 * or fewer than one in this many. */
#define FEW_BAD_BYTES 16
#define BAD_BYTES_RATIO 1000

/* U+FFFD, which stands for each byte that was not UTF-8. */
#define REPLACEMENT "\xEF\xBF\xBD"
#define REPLACEMENT_LENGTH 3

/* Windows-1252's 0x80-0x9F; the five bytes it leaves undefined keep their code points, as
 * Windows itself does. 0xA0-0xFF are Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guchar *data, gsize length, gsize *out_length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* The bytes as UTF-8 with each byte that is not UTF-8 replaced by U+FFFD, as g_utf8_make_valid
 * does, but with NUL bytes kept (they are refused later, by row and column). Appends to
 * 'replaced' where each replacement starts in the text, and counts the characters of more
 * than one byte that were UTF-8: the evidence that the file is. */
static GString *
repair_utf8 (const char *data, gsize size, GArray *replaced, gsize *n_multibyte)
{
  GString *out = g_string_sized_new (size + 1);
  const char *p = data, *end = data + size;

  *n_multibyte = 0;
  while (p < end)
    {
      const char *stop = end;

      g_utf8_validate_len (p, (gsize) (end - p), &stop);
      for (const char *q = p; q < stop; q++)
        if ((guchar) *q >= 0xC0)
          (*n_multibyte)++;
      g_string_append_len (out, p, stop - p);
      if (stop >= end)
        break;
      if (*stop == '\0')
        g_string_append_c (out, '\0');
      else
        {
          gsize at = out->len;

          g_array_append_val (replaced, at);
          g_string_append_len (out, REPLACEMENT, REPLACEMENT_LENGTH);
        }
      p = stop + 1;
    }
  return out;
}

/* Whether a file that is not all UTF-8 is UTF-8 all the same: it has characters that only
 * UTF-8 writes that way (Windows-1252 text almost never does), and its bad bytes are few, or
 * far fewer than its good characters. */
static gboolean
mostly_utf8 (gsize n_bad, gsize n_multibyte, gsize size)
{
  if (n_multibyte == 0)
    return FALSE;
  return n_bad <= FEW_BAD_BYTES || n_bad < size / BAD_BYTES_RATIO || n_multibyte >= 2 * n_bad;
}

/* The text as UTF-8 (NUL bytes kept: *length says where it ends), and what it was. Never
 * fails: bytes that are no known encoding are read as Windows-1252, which gives every byte a
 * character. 'replaced' gets where each U+FFFD put for a bad byte of a UTF-8 file starts. */
static char *
decode (GBytes *bytes, gsize *length, const char **encoding, GArray *replaced)
{
  gsize size, n_multibyte = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);
  GString *repaired;
  char *text;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      /* A BOM says UTF-8 whatever the bytes after it. */
      *encoding = "UTF-8 with BOM";
      repaired = repair_utf8 ((const char *) data + 3, size - 3, replaced, &n_multibyte);
      *length = repaired->len;
      return g_string_free (repaired, FALSE);
    }
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      text = g_convert_with_fallback ((const char *) data + 2, (gssize) ((size - 2) & ~(gsize) 1),
                                      "UTF-8", from, "\xEF\xBF\xBD", NULL, &written, NULL);
      if (text != NULL)
        {
          *encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
          /* written, not strlen: a NUL from the file stays, to be refused with its row. */
          *length = written;
          return text;
        }
    }
  repaired = repair_utf8 ((const char *) data, size, replaced, &n_multibyte);
  if (replaced->len == 0 || mostly_utf8 (replaced->len, n_multibyte, size))
    {
      *encoding = "UTF-8";
      *length = repaired->len;
      return g_string_free (repaired, FALSE);
    }
  g_string_free (repaired, TRUE);
  g_array_set_size (replaced, 0);
  *encoding = "Windows-1252";
  text = decode_cp1252 (data, size, length);
  return text;
}

/* Sniffing the delimiter -------------------------------------------------------------------- */

static const char candidates[] = { ',', ';', '\t' };

/* Counts each candidate per record, outside quotes, for the first records; the delimiter is
 * the one most records agree on (the same count, more than zero). A comma in unquoted text
 * (Excel in a semicolon locale does not quote it) varies from row to row and loses. */
static char
sniff_delimiter (const char *text, gsize length)
{
  guint counts[SNIFF_RECORDS][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_records = 0;
  gboolean quoted = FALSE, any = FALSE;
  guint best_score = 0;
  char best = ',';

  for (gsize i = 0; i < MIN (length, SNIFF_BYTES) && n_records < SNIFF_RECORDS; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (any)
            n_records++;
          any = FALSE;
        }
      else if (!quoted)
        {
          any = TRUE;
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == candidates[k])
              counts[n_records][k]++;
        }
    }
  if (any && n_records < SNIFF_RECORDS)
    n_records++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      /* The most common non-zero count among the records, and how many records have it. */
      guint best_count_records = 0;

      for (guint r = 0; r < n_records; r++)
        {
          guint same = 0;

          if (counts[r][k] == 0)
            continue;
          for (guint s = 0; s < n_records; s++)
            if (counts[s][k] == counts[r][k])
              same++;
          best_count_records = MAX (best_count_records, same);
        }
      if (best_count_records > best_score)
        {
          best_score = best_count_records;
          best = candidates[k];
        }
    }
  return best;
}

/* Parsing ------------------------------------------------------------------------------------ */

typedef struct {
  PathwaySheetBuilder *builder;
  guint row_number; /* of the record being read, from 1 */
  guint column;
  gboolean in_record;
  int last_end;     /* the character that ended the last record */
  const char *display_name;
  GError *error;    /* the first failure: later callbacks do nothing */
} CsvState;

/* A NUL byte is in no tracker's text: it is damage, or a file that is not CSV at all (a
 * spreadsheet's binary saved as .csv). Reading on as if it ended the cell, or the file, would
 * import something other than what the file shows, so the file is refused. */
static gboolean
check_no_nul (CsvState *state, const char *field, size_t length)
{
  g_autofree char *letter = NULL;

  if (memchr (field, '\0', length) == NULL)
    return TRUE;
  letter = pathway_column_letter (state->column);
  g_set_error (&state->error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
               _("%s cannot be read: row %u, column %s holds a NUL byte, which no text has. The "
                 "file is damaged or is not a CSV file; save it again from the spreadsheet as "
                 "CSV."),
               state->display_name, state->row_number, letter);
  return FALSE;
}

static void
field_cb (void *field, size_t length, void *data)
{
  CsvState *state = data;

  if (state->error != NULL)
    return;
  if (field != NULL && !check_no_nul (state, field, length))
    return;
  if (!state->in_record)
    {
      if (!pathway_sheet_builder_begin_row (state->builder, state->row_number, &state->error))
        return;
      state->in_record = TRUE;
    }
  if (field != NULL &&
      !pathway_sheet_builder_set_cell (state->builder, state->column, field, length,
                                       &state->error))
    return;
  state->column++;
}

static void
record_cb (int end, void *data)
{
  CsvState *state = data;

  /* With CSV_REPALL_NL every line end outside a record is reported, so blank lines count as
   * rows; the LF of a CRLF that ended a record is not a line of its own. */
  if (!state->in_record && end == '\n' && state->last_end == '\r')
    {
      state->last_end = end;
      return;
    }
  state->last_end = end;
  state->in_record = FALSE;
  state->column = 0;
  state->row_number++;
}

/* Spaces around a field are kept, as Excel keeps them (the plan trims values it reads); a
 * quote is only a quote at the very start of a field, also as Excel reads it. */
static int
is_space (unsigned char c)
{
  return 0;
}

/* Feeds libcsv the text from *position to 'until'; FALSE once the file cannot be read. */
static gboolean
parse_part (struct csv_parser *parser, CsvState *state, const char *text, gsize *position,
            gsize until)
{
  gsize size = until - *position;

  if (csv_parse (parser, text + *position, size, field_cb, record_cb, state) != size &&
      state->error == NULL)
    g_set_error (&state->error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_MALFORMED,
                 _("%s cannot be read as CSV: %s."), state->display_name,
                 csv_strerror (csv_error (parser)));
  *position = until;
  return state->error == NULL;
}

PathwaySheet *
pathway_sheet_read_csv (GBytes *bytes, const char *display_name, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) replaced = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *encoding = NULL;
  const char *start;
  gsize length = 0, position;
  char delimiter;
  struct csv_parser parser;
  CsvState state = { 0 };

  text = decode (bytes, &length, &encoding, replaced);
  start = text;

  /* Excel writes, and reads, a first line "sep=;" naming the delimiter; it is not a row. */
  if (length >= 5 && g_ascii_strncasecmp (start, "sep=", 4) == 0 && start[4] != '\0' &&
      strchr (",;\t|", start[4]) != NULL &&
      (length == 5 || start[5] == '\n' || start[5] == '\r'))
    {
      delimiter = start[4];
      start += 5;
      if (start[0] == '\r' && start[1] == '\n')
        start += 2;
      else if (start[0] == '\r' || start[0] == '\n')
        start += 1;
    }
  else
    delimiter = sniff_delimiter (start, length);

  if (csv_init (&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    {
      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_READ,
                   _("%s cannot be read: out of memory."), display_name);
      return NULL;
    }
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_set_space_func (&parser, is_space);

  state.builder = pathway_sheet_builder_new (display_name);
  state.display_name = display_name;
  state.row_number = 1;
  state.last_end = -1;

  /* The text is fed in parts that end just after each replaced byte: libcsv has then taken
   * it into the field being read, so the state's row and column are where it is, however
   * many lines quoted cells span before it. */
  position = (gsize) (start - text);
  for (guint i = 0; i < replaced->len && state.error == NULL; i++)
    {
      gsize at = g_array_index (replaced, gsize, i);

      if (at < position)
        continue;
      if (!parse_part (&parser, &state, text, &position, at + REPLACEMENT_LENGTH))
        break;
      pathway_sheet_builder_add_warning (
        state.builder, state.row_number, (int) state.column,
        _("Bytes that are not UTF-8 were replaced by “�”: the file is UTF-8 but for "
          "these. Check the text against the original and correct it after the import."));
    }
  if (state.error == NULL)
    parse_part (&parser, &state, text, &position, length);
  csv_fini (&parser, field_cb, record_cb, &state);
  csv_free (&parser);

  if (state.error != NULL)
    {
      pathway_sheet_builder_free (state.builder);
      g_propagate_error (error, state.error);
      return NULL;
    }
  return pathway_sheet_builder_finish (state.builder, PATHWAY_SHEET_FORMAT_CSV, NULL, encoding,
                                       delimiter, error);
}
