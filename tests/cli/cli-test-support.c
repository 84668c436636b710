/* cli-test-support.c: what the tests of pathway-cli share. Each test gets a temporary
 * folder, removed with everything in it afterwards; pathway-cli (its path comes from
 * PATHWAY_CLI) runs there as a person or a script would run it, and a run that crashes or
 * draws a sanitizer report, a critical or a warning fails the test whatever it was checking.
 * JSON output is read with a strict reader (RFC 8259), so a stray control character or a bad
 * escape fails. */
#define G_LOG_DOMAIN "pathway-cli"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-test-support.h"

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pathway-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

char *
fixture_path (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs pathway-cli with the NULL-terminated 'args', in the fixture's folder. */
void
run_cli_argv (Fixture *fixture, Run *run, const char *const *args)
{
  const char *cli = g_getenv ("PATHWAY_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (fixture->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else
    run->status = -1;

  /* A sanitizer report or a crash is never the answer a test expects. */
  if (run->status == -1 || strstr (run->err, "Sanitizer") != NULL
      || strstr (run->err, "runtime error") != NULL || strstr (run->err, "CRITICAL") != NULL
      || strstr (run->err, "WARNING") != NULL)
    g_error ("pathway-cli %s failed badly (%d):\n%s", args[0] ? args[0] : "", wait_status,
             run->err);
}

void
run_cli (Fixture *fixture, Run *run, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (fixture, run, (const char *const *) args->pdata);
}

char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* A strict JSON reader --------------------------------------------------------------------
 * Objects become a{sv}, arrays av, strings s, numbers d, true/false b and null the empty
 * maybe mv. Duplicate keys, trailing commas, raw control characters, lone surrogates,
 * leading zeros and anything after the value are errors. */

typedef struct {
  const char *p;
  const char *end;
  char *error;
} JsonReader;

static GVariant *json_read_value (JsonReader *reader, guint depth);

static void
json_fail (JsonReader *reader, const char *what)
{
  if (reader->error == NULL)
    reader->error = g_strdup_printf ("%s at “%.20s”", what, reader->p);
}

static void
json_skip_space (JsonReader *reader)
{
  while (reader->p < reader->end
         && (*reader->p == ' ' || *reader->p == '\t' || *reader->p == '\n' || *reader->p == '\r'))
    reader->p++;
}

static gboolean
json_read_hex4 (JsonReader *reader, gunichar *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit;

      if (reader->p >= reader->end || (digit = g_ascii_xdigit_value (*reader->p)) < 0)
        {
          json_fail (reader, "bad \\u escape");
          return FALSE;
        }
      *value = *value * 16 + (gunichar) digit;
      reader->p++;
    }
  return TRUE;
}

static char *
json_read_string (JsonReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (reader->p >= reader->end || *reader->p != '"')
    {
      json_fail (reader, "expected a string");
      return NULL;
    }
  reader->p++;

  while (reader->p < reader->end)
    {
      guchar c = (guchar) *reader->p;

      if (c == '"')
        {
          reader->p++;
          if (!g_utf8_validate (out->str, out->len, NULL))
            {
              json_fail (reader, "string is not UTF-8");
              return NULL;
            }
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (c < 0x20)
        {
          json_fail (reader, "raw control character in a string");
          return NULL;
        }
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          reader->p++;
          continue;
        }

      reader->p++;
      if (reader->p >= reader->end)
        break;
      switch (*reader->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar value, low;

            if (!json_read_hex4 (reader, &value))
              return NULL;
            if (value >= 0xDC00 && value <= 0xDFFF)
              {
                json_fail (reader, "lone low surrogate");
                return NULL;
              }
            if (value >= 0xD800 && value <= 0xDBFF)
              {
                if (reader->end - reader->p < 6 || reader->p[0] != '\\' || reader->p[1] != 'u')
                  {
                    json_fail (reader, "lone high surrogate");
                    return NULL;
                  }
                reader->p += 2;
                if (!json_read_hex4 (reader, &low))
                  return NULL;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    json_fail (reader, "bad surrogate pair");
                    return NULL;
                  }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (out, value);
          }
          break;
        default:
          reader->p--;
          json_fail (reader, "unknown escape");
          return NULL;
        }
    }

  json_fail (reader, "unterminated string");
  return NULL;
}

static GVariant *
json_read_number (JsonReader *reader)
{
  const char *start = reader->p;
  g_autofree char *text = NULL;

  if (reader->p < reader->end && *reader->p == '-')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '0')
    reader->p++;
  else if (reader->p < reader->end && *reader->p >= '1' && *reader->p <= '9')
    while (reader->p < reader->end && g_ascii_isdigit (*reader->p))
      reader->p++;
  else
    {
      json_fail (reader, "bad number");
      return NULL;
    }
  if (reader->p < reader->end && *reader->p == '.')
    {
      reader->p++;
      if (reader->p >= reader->end || !g_ascii_isdigit (*reader->p))
        {
          json_fail (reader, "bad fraction");
          return NULL;
        }
      while (reader->p < reader->end && g_ascii_isdigit (*reader->p))
        reader->p++;
    }
  if (reader->p < reader->end && (*reader->p == 'e' || *reader->p == 'E'))
    {
      reader->p++;
      if (reader->p < reader->end && (*reader->p == '+' || *reader->p == '-'))
        reader->p++;
      if (reader->p >= reader->end || !g_ascii_isdigit (*reader->p))
        {
          json_fail (reader, "bad exponent");
          return NULL;
        }
      while (reader->p < reader->end && g_ascii_isdigit (*reader->p))
        reader->p++;
    }

  text = g_strndup (start, reader->p - start);
  return g_variant_new_double (g_ascii_strtod (text, NULL));
}

static gboolean
json_read_literal (JsonReader *reader, const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (reader->end - reader->p) < length || strncmp (reader->p, literal, length) != 0)
    {
      json_fail (reader, "unknown literal");
      return FALSE;
    }
  reader->p += length;
  return TRUE;
}

static GVariant *
json_read_object (JsonReader *reader, guint depth)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  reader->p++;
  json_skip_space (reader);
  if (reader->p < reader->end && *reader->p == '}')
    {
      reader->p++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      g_autofree char *key = NULL;
      GVariant *value;

      json_skip_space (reader);
      key = json_read_string (reader);
      if (key == NULL)
        break;
      if (g_hash_table_contains (keys, key))
        {
          json_fail (reader, "duplicate key");
          break;
        }
      json_skip_space (reader);
      if (reader->p >= reader->end || *reader->p != ':')
        {
          json_fail (reader, "expected ':'");
          break;
        }
      reader->p++;
      value = json_read_value (reader, depth + 1);
      if (value == NULL)
        break;
      g_variant_builder_add (&builder, "{sv}", key, value);
      g_hash_table_add (keys, g_steal_pointer (&key));

      json_skip_space (reader);
      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }
      if (reader->p < reader->end && *reader->p == '}')
        {
          reader->p++;
          return g_variant_builder_end (&builder);
        }
      json_fail (reader, "expected ',' or '}'");
      break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_read_array (JsonReader *reader, guint depth)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  reader->p++;
  json_skip_space (reader);
  if (reader->p < reader->end && *reader->p == ']')
    {
      reader->p++;
      return g_variant_builder_end (&builder);
    }

  for (;;)
    {
      GVariant *value = json_read_value (reader, depth + 1);

      if (value == NULL)
        break;
      g_variant_builder_add (&builder, "v", value);
      json_skip_space (reader);
      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }
      if (reader->p < reader->end && *reader->p == ']')
        {
          reader->p++;
          return g_variant_builder_end (&builder);
        }
      json_fail (reader, "expected ',' or ']'");
      break;
    }

  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
json_read_value (JsonReader *reader, guint depth)
{
  json_skip_space (reader);
  if (depth > 32)
    {
      json_fail (reader, "nested too deeply");
      return NULL;
    }
  if (reader->p >= reader->end)
    {
      json_fail (reader, "unexpected end");
      return NULL;
    }

  switch (*reader->p)
    {
    case '{':
      return json_read_object (reader, depth);
    case '[':
      return json_read_array (reader, depth);
    case '"':
      {
        char *text = json_read_string (reader);

        return text ? g_variant_new_take_string (text) : NULL;
      }
    case 't':
      return json_read_literal (reader, "true") ? g_variant_new_boolean (TRUE) : NULL;
    case 'f':
      return json_read_literal (reader, "false") ? g_variant_new_boolean (FALSE) : NULL;
    case 'n':
      return json_read_literal (reader, "null")
             ? g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL)
             : NULL;
    default:
      return json_read_number (reader);
    }
}

GVariant *
json_try_parse (const char *text, char **error)
{
  JsonReader reader = { text, text + strlen (text), NULL };
  g_autoptr(GVariant) value = json_read_value (&reader, 0);

  if (value != NULL)
    {
      g_variant_ref_sink (value);
      json_skip_space (&reader);
      if (reader.p != reader.end)
        json_fail (&reader, "text after the value");
    }
  if (reader.error != NULL)
    {
      *error = reader.error;
      return NULL;
    }
  *error = NULL;
  return g_steal_pointer (&value);
}

GVariant *
json_parse (const char *text)
{
  g_autofree char *error = NULL;
  GVariant *value;

  if (!g_utf8_validate (text, -1, NULL))
    g_error ("JSON output is not UTF-8");
  value = json_try_parse (text, &error);
  if (error != NULL)
    g_error ("invalid JSON: %s\n%s", error, text);
  return value;
}

guint
json_uint (GVariant *object, const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (object, key, G_VARIANT_TYPE_DOUBLE);
  double number;

  if (value == NULL)
    g_error ("JSON has no number “%s”", key);
  number = g_variant_get_double (value);
  g_assert_cmpfloat (number, >=, 0);
  g_assert_cmpfloat (number, ==, (double) (guint) number);
  return (guint) number;
}

char *
json_dup_string (GVariant *object, const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (object, key, G_VARIANT_TYPE_STRING);

  if (value == NULL)
    g_error ("JSON has no string “%s”", key);
  return g_variant_dup_string (value, NULL);
}

GVariant *
json_object (GVariant *object, const char *key)
{
  GVariant *value = g_variant_lookup_value (object, key, G_VARIANT_TYPE_VARDICT);

  if (value == NULL)
    g_error ("JSON has no object “%s”", key);
  return value;
}
