/* pathway-cli-json.c: the JSON that pathway-cli prints for other programs (summary --json,
 * list --json, history --json). The shapes are small and fixed, so a writer of objects,
 * arrays, strings, whole numbers and booleans is enough; what matters is that any text a
 * programme file holds comes out as valid JSON, so strings are made valid UTF-8 and every
 * control character is escaped. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <stdio.h>

#include "pathway-cli-private.h"

void
json_writer_init (JsonWriter *writer)
{
  writer->out = g_string_new (NULL);
  writer->depth = 0;
  writer->first = TRUE;
}

static void
json_append_string (GString *out, const char *text)
{
  /* JSON is UTF-8: a bad byte from a damaged or foreign file would make it unreadable. */
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Control characters must be escaped; the line separators too, so the output can
           * be pasted into JavaScript. */
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_unichar (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_begin_value (JsonWriter *writer, const char *key)
{
  if (writer->depth > 0)
    {
      if (!writer->first)
        g_string_append_c (writer->out, ',');
      g_string_append_c (writer->out, '\n');
      for (guint i = 0; i < writer->depth; i++)
        g_string_append (writer->out, "  ");
    }
  if (key != NULL)
    {
      json_append_string (writer->out, key);
      g_string_append (writer->out, ": ");
    }
  writer->first = FALSE;
}

void
json_open (JsonWriter *writer, const char *key, char bracket)
{
  json_begin_value (writer, key);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first = TRUE;
}

void
json_close (JsonWriter *writer, char bracket)
{
  writer->depth--;
  if (!writer->first)
    {
      g_string_append_c (writer->out, '\n');
      for (guint i = 0; i < writer->depth; i++)
        g_string_append (writer->out, "  ");
    }
  g_string_append_c (writer->out, bracket);
  writer->first = FALSE;
}

void
json_add_string (JsonWriter *writer, const char *key, const char *value)
{
  json_begin_value (writer, key);
  json_append_string (writer->out, value);
}

void
json_add_uint (JsonWriter *writer, const char *key, guint value)
{
  json_begin_value (writer, key);
  g_string_append_printf (writer->out, "%u", value);
}

void
json_add_boolean (JsonWriter *writer, const char *key, gboolean value)
{
  json_begin_value (writer, key);
  g_string_append (writer->out, value ? "true" : "false");
}

gboolean
json_writer_print (JsonWriter *writer)
{
  gboolean written;

  g_string_append_c (writer->out, '\n');
  /* Straight to stdout: g_print would convert to the locale's charset, and JSON is UTF-8. */
  written = fwrite (writer->out->str, 1, writer->out->len, stdout) == writer->out->len;
  g_string_free (writer->out, TRUE);
  writer->out = NULL;
  return written;
}
