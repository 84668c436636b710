/* pathway-number-format.c: Excel's number formats, as far as a tracker needs them. A date in
 * an XLSX is a number (days since the end of 1899) with a format that says how to show it; the
 * reader shows it the way Excel does, so "Dec 18" typed into Excel (stored as 1 December 2018
 * with the format mmm-yy) reads as "Dec-18", a month, not a day. Export uses the same
 * formatter to find a format that shows a timescale exactly as it was written. Month and day
 * names are English, as in the trackers this reads. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pathway-exchange-private.h"

/* 9999-12-31, the last day Excel shows. */
#define MAX_SERIAL 2958465.0

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

static const char * const day_names[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* Built-in formats (ECMA-376 18.8.30) that show dates or times, in the forms a UK copy of
 * Excel shows them. */
static const char *
builtin_code (int format_id)
{
  switch (format_id)
    {
    case 14: return "dd/mm/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "hh:mm";
    case 21: return "hh:mm:ss";
    case 22: return "dd/mm/yyyy hh:mm";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    default: break;
    }
  /* Ids 27-36 and 50-58 are East Asian date forms. */
  if ((format_id >= 27 && format_id <= 36) || (format_id >= 50 && format_id <= 58))
    return "dd/mm/yyyy";
  return NULL;
}

/* The first section of a code (a code has up to four, for positive, negative, zero, text),
 * with Windows' system date forms replaced by their UK equivalents. */
static char *
first_section (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;
  const char *p;

  if (strstr (code, "[$-F800]") != NULL || strstr (code, "[$-f800]") != NULL)
    return g_strdup ("dddd, d mmmm yyyy");
  if (strstr (code, "[$-F400]") != NULL || strstr (code, "[$-f400]") != NULL)
    return g_strdup ("hh:mm:ss");

  for (p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && *p == '\\' && p[1] != '\0')
        p++;
      else if (!quoted && !bracket && *p == ';')
        break;
    }
  return g_strndup (code, p - code);
}

gboolean
pathway_number_format_is_date (int format_id, const char *code)
{
  g_autofree char *section = NULL;
  gboolean quoted = FALSE;

  if (code == NULL)
    return builtin_code (format_id) != NULL;

  section = first_section (code);
  for (const char *p = section; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] != '\0')
            p++;
        }
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');

          /* [h], [mm], [ss]: elapsed time; anything else in brackets is a colour, a
           * condition or a locale. */
          if (end != NULL && end - p >= 2 && strchr ("hms", g_ascii_tolower (p[1])) != NULL &&
              (p[2] == ']' || g_ascii_tolower (p[2]) == g_ascii_tolower (p[1])))
            return TRUE;
          if (end == NULL)
            break;
          p = end;
        }
      else if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's')
        return TRUE;
      else if (c == 'e' && p == section)
        return FALSE; /* "e" alone is a year only in East Asian codes; "E+" is scientific */
    }
  return FALSE;
}

typedef enum {
  TOK_LITERAL,
  TOK_YEAR,
  TOK_MONTH,
  TOK_MINUTE,
  TOK_DAY,
  TOK_HOUR,
  TOK_SECOND,
  TOK_AMPM,
} TokenKind;

typedef struct {
  TokenKind kind;
  int width;          /* how many letters: mm is 2 */
  GString *literal;   /* TOK_LITERAL */
  gboolean short_ampm; /* A/P rather than AM/PM */
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;

  if (token->literal != NULL)
    g_string_free (token->literal, TRUE);
}

static void
add_literal (GArray *tokens, const char *text, gssize length)
{
  Token *last = tokens->len > 0 ? &g_array_index (tokens, Token, tokens->len - 1) : NULL;

  if (last == NULL || last->kind != TOK_LITERAL)
    {
      Token token = { TOK_LITERAL, 0, g_string_new (NULL), FALSE };

      g_array_append_val (tokens, token);
      last = &g_array_index (tokens, Token, tokens->len - 1);
    }
  g_string_append_len (last->literal, text, length);
}

static void
add_token (GArray *tokens, TokenKind kind, int width)
{
  Token token = { kind, width, NULL, FALSE };

  g_array_append_val (tokens, token);
}

static GArray *
tokenize (const char *section)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = section;

  g_array_set_clear_func (tokens, token_clear);
  while (*p)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          if (end == NULL)
            end = p + strlen (p);
          add_literal (tokens, p + 1, end - p - 1);
          p = *end ? end + 1 : end;
        }
      else if (*p == '\\')
        {
          if (p[1] == '\0')
            break;
          add_literal (tokens, p + 1, g_utf8_next_char (p + 1) - (p + 1));
          p = g_utf8_next_char (p + 1);
        }
      else if (*p == '_')
        {
          add_literal (tokens, " ", 1);
          p += p[1] ? 2 : 1;
        }
      else if (*p == '*')
        p += p[1] ? 2 : 1;
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');

          if (end == NULL)
            break;
          if (end - p >= 2 && strchr ("hms", g_ascii_tolower (p[1])) != NULL)
            {
              TokenKind kind = g_ascii_tolower (p[1]) == 'h'   ? TOK_HOUR
                               : g_ascii_tolower (p[1]) == 'm' ? TOK_MINUTE
                                                               : TOK_SECOND;

              add_token (tokens, kind, (int) (end - p - 1));
            }
          else if (p[1] == '$')
            {
              /* [$£-809]: a currency symbol, then a locale. */
              const char *dash = memchr (p, '-', end - p);

              add_literal (tokens, p + 2, (dash ? dash : end) - (p + 2));
            }
          p = end + 1;
        }
      else if (c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's' || c == 'e')
        {
          int width = 0;

          while (g_ascii_tolower (p[width]) == c)
            width++;
          add_token (tokens,
                     c == 'y' || c == 'e' ? TOK_YEAR
                     : c == 'm'           ? TOK_MONTH
                     : c == 'd'           ? TOK_DAY
                     : c == 'h'           ? TOK_HOUR
                                          : TOK_SECOND,
                     c == 'e' ? 4 : width);
          p += width;
        }
      else if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0)
        {
          add_token (tokens, TOK_AMPM, 5);
          p += 5;
        }
      else if (g_ascii_strncasecmp (p, "A/P", 3) == 0)
        {
          add_token (tokens, TOK_AMPM, 3);
          g_array_index (tokens, Token, tokens->len - 1).short_ampm = TRUE;
          p += 3;
        }
      else
        {
          add_literal (tokens, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
        }
    }

  /* m and mm are minutes right after hours or right before seconds. */
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->kind != TOK_MONTH || token->width > 2)
        continue;
      for (int j = (int) i - 1; j >= 0; j--)
        {
          TokenKind kind = g_array_index (tokens, Token, j).kind;

          if (kind == TOK_LITERAL)
            continue;
          if (kind == TOK_HOUR)
            token->kind = TOK_MINUTE;
          break;
        }
      for (guint j = i + 1; token->kind == TOK_MONTH && j < tokens->len; j++)
        {
          TokenKind kind = g_array_index (tokens, Token, j).kind;

          if (kind == TOK_LITERAL)
            continue;
          if (kind == TOK_SECOND)
            token->kind = TOK_MINUTE;
          break;
        }
    }
  return tokens;
}

/* Days after 1899-12-30 to a date, as Excel counts them: it believes 1900 was a leap year,
 * so serial 60 is a day that never was, and days before it are one off. */
static gboolean
serial_to_date (double serial, GDate *date)
{
  gint64 days;

  if (!isfinite (serial) || serial < 1.0 || serial > MAX_SERIAL + 0.99999)
    return FALSE;
  days = (gint64) floor (serial);
  if (days == 60)
    return FALSE;
  if (days < 60)
    days++;
  g_date_clear (date, 1);
  g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  return TRUE;
}

double
pathway_number_format_serial (const GDate *date)
{
  GDate base;
  gint64 days;

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, 30, G_DATE_DECEMBER, 1899);
  days = g_date_days_between (&base, date);
  if (days < 61)
    days--;
  return (double) days;
}

char *
pathway_number_format_date (double serial, int format_id, const char *code)
{
  g_autofree char *section = NULL;
  g_autoptr(GArray) tokens = NULL;
  GString *out;
  GDate date;
  gint64 seconds;
  int hour, minute, second;
  gboolean has_ampm = FALSE;

  if (code == NULL)
    code = builtin_code (format_id);
  if (code == NULL)
    code = "dd/mm/yyyy";
  if (!serial_to_date (serial, &date))
    return NULL;

  seconds = (gint64) llround ((serial - floor (serial)) * 86400.0);
  if (seconds >= 86400)
    seconds = 86399;
  hour = (int) (seconds / 3600);
  minute = (int) (seconds / 60 % 60);
  second = (int) (seconds % 60);

  section = first_section (code);
  tokens = tokenize (section);
  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).kind == TOK_AMPM)
      has_ampm = TRUE;

  out = g_string_new (NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      int month = g_date_get_month (&date), day = g_date_get_day (&date);
      int year = g_date_get_year (&date);
      int h12 = hour % 12 == 0 ? 12 : hour % 12;

      switch (token->kind)
        {
        case TOK_LITERAL:
          g_string_append (out, token->literal->str);
          break;
        case TOK_YEAR:
          if (token->width <= 2)
            g_string_append_printf (out, "%02d", year % 100);
          else
            g_string_append_printf (out, "%04d", year);
          break;
        case TOK_MONTH:
          if (token->width == 1)
            g_string_append_printf (out, "%d", month);
          else if (token->width == 2)
            g_string_append_printf (out, "%02d", month);
          else if (token->width == 3)
            g_string_append_len (out, month_names[month - 1], 3);
          else if (token->width == 5)
            g_string_append_len (out, month_names[month - 1], 1);
          else
            g_string_append (out, month_names[month - 1]);
          break;
        case TOK_DAY:
          if (token->width == 1)
            g_string_append_printf (out, "%d", day);
          else if (token->width == 2)
            g_string_append_printf (out, "%02d", day);
          else if (token->width == 3)
            g_string_append_len (out, day_names[g_date_get_weekday (&date) - 1], 3);
          else
            g_string_append (out, day_names[g_date_get_weekday (&date) - 1]);
          break;
        case TOK_HOUR:
          g_string_append_printf (out, token->width >= 2 ? "%02d" : "%d",
                                  has_ampm ? h12 : hour);
          break;
        case TOK_MINUTE:
          g_string_append_printf (out, token->width >= 2 ? "%02d" : "%d", minute);
          break;
        case TOK_SECOND:
          g_string_append_printf (out, token->width >= 2 ? "%02d" : "%d", second);
          break;
        case TOK_AMPM:
          if (token->short_ampm)
            g_string_append (out, hour < 12 ? "A" : "P");
          else
            g_string_append (out, hour < 12 ? "AM" : "PM");
          break;
        default:
          break;
        }
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* A number is stored as the nearest double, so 2.3 typed is kept as 2.2999999999999998224...,
 * which a writer printing 17 digits puts in the file as 2.2999999999999998. Excel shows
 * at most 15 significant digits, so rounding to 15 gives back what was typed; trailing zeros
 * go, and an exponent is written as Excel writes it (1E-05, 1.5E+20). */
char *
pathway_number_format_general (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;
  char *e;

  if (!isfinite (value))
    return g_strdup ("#NUM!");
  if (value == 0)
    return g_strdup ("0"); /* not "-0" */
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  e = strchr (buffer, 'e');
  if (e == NULL)
    return g_strdup (buffer);
  out = g_string_new_len (buffer, e - buffer);
  g_string_append_c (out, 'E');
  g_string_append (out, e + 1);
  return g_string_free (out, FALSE);
}
