/* pathway-timescale.c: reads a timescale the way a person writes one in an improvement plan
 * ("14th July 2017", "Dec 18", "end of Spring Term 2020", "Q3 2019/20", "ongoing") into the last
 * day of the period it names and the precision of that day, keeping the words as written.
 *
 * The reader is deliberately strict. It splits the text into numbers, words and separators,
 * drops the few words that only decorate a deadline ("by the end of"), and then accepts a short
 * list of shapes. Anything else (ranges, half terms, free text, impossible dates, years outside
 * 1990 to 2100) keeps its words and gets no date, so no report shows a date the area did not
 * write.
 *
 * Readings that could go either way, decided here:
 *  - numbers are day first, as in England: 04/07/2017 is 4 July 2017;
 *  - a two-digit year is 20xx: "Dec 18" is December 2018, and so "July 14" is July 2014, not a
 *    day without a year;
 *  - two consecutive years joined by / or - are a financial year, 1 April to 31 March: "2019/20"
 *    ends on 31 March 2020, and "12/13" is 2012/13 rather than December 2013;
 *  - a quarter is a quarter of the financial year (Q1 ends 30 June, Q4 the next 31 March); after
 *    a single year ("Q3 2019") it is the financial year that starts in that year, so Q3 2019 is
 *    Q3 of 2019/20 and ends on 31 December 2019;
 *  - terms end on fixed days: Autumn on 31 December, Spring on 31 March, Summer on 31 July. With
 *    an academic year ("Spring Term 2019/20") Autumn takes the first year, Spring and Summer the
 *    second;
 *  - "by", "until", "till", "end", "end of", "by the end of" and "no later than" all mean the
 *    last day of what follows; "from" is not read, since it names a start. */
#define G_LOG_DOMAIN "pathway-model"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-timescale.h"

#define MIN_YEAR 1990
#define MAX_YEAR 2100

/* A timescale is a few words; longer text is something else and gets no date. */
#define MAX_TOKENS 16
#define MAX_WORD 12

G_DEFINE_BOXED_TYPE (PathwayTimescale, pathway_timescale, pathway_timescale_copy,
                     pathway_timescale_free)

typedef enum {
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_SEPARATOR,
} TokenKind;

typedef struct {
  TokenKind kind;
  gboolean spaced;     /* whitespace, a comma or an apostrophe came before it */
  int value;           /* TOKEN_NUMBER */
  int digits;          /* TOKEN_NUMBER */
  char sep;            /* TOKEN_SEPARATOR: '/', '-' or '.' */
  char word[MAX_WORD]; /* TOKEN_WORD, in lower case */
} Token;

/* What the tokens mean, once the decoration is dropped. */
typedef enum {
  PART_NUMBER,
  PART_SEPARATOR, /* only ever between two numbers */
  PART_MONTH,     /* value 1 to 12 */
  PART_SEASON,    /* value a Season */
  PART_TERM,      /* the word "term" */
  PART_QUARTER,   /* value 1 to 4 */
} PartKind;

typedef struct {
  PartKind kind;
  int value;
  int digits;       /* PART_NUMBER */
  gboolean ordinal; /* PART_NUMBER written "14th" */
  char sep;         /* PART_SEPARATOR */
} Part;

typedef enum {
  SEASON_AUTUMN,
  SEASON_SPRING,
  SEASON_SUMMER,
} Season;

static const struct {
  const char *word;
  int month;
} month_words[] = {
  { "jan", 1 }, { "january", 1 },
  { "feb", 2 }, { "february", 2 },
  { "mar", 3 }, { "march", 3 },
  { "apr", 4 }, { "april", 4 },
  { "may", 5 },
  { "jun", 6 }, { "june", 6 },
  { "jul", 7 }, { "july", 7 },
  { "aug", 8 }, { "august", 8 },
  { "sep", 9 }, { "sept", 9 }, { "september", 9 },
  { "oct", 10 }, { "october", 10 },
  { "nov", 11 }, { "november", 11 },
  { "dec", 12 }, { "december", 12 },
};

/* Words at the start that only say "by the end of". */
static const char * const lead_words[] = { "by", "end", "of", "the", "until", "till" };

static char *
dup_trimmed (const char *text)
{
  g_autofree char *valid = NULL;
  const char *start;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  /* The text is shown by GTK and collated, so it must be UTF-8 whatever the import gave. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
is_dash (gunichar c)
{
  /* Hyphens and dashes as word processors write them: "2019–20". */
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Splits valid UTF-8 text into at most MAX_TOKENS tokens. Returns how many, or -1 when the text
 * holds something no timescale holds (brackets, colons, letters outside ASCII, long numbers). */
static int
tokenise (const char *text, Token *tokens)
{
  const char *p = text;
  gboolean spaced = TRUE;
  int n = 0;

  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      Token *token;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char (p);

          if (g_unichar_isspace (u) || u == 0x2018 || u == 0x2019)
            {
              spaced = TRUE;
              p = g_utf8_next_char (p);
              continue;
            }
          if (!is_dash (u) || n == MAX_TOKENS)
            return -1;
          token = &tokens[n++];
          token->kind = TOKEN_SEPARATOR;
          token->sep = '-';
          p = g_utf8_next_char (p);
        }
      else if (g_ascii_isspace (c) || c == ',' || c == '\'')
        {
          spaced = TRUE;
          p++;
          continue;
        }
      else if (n == MAX_TOKENS)
        {
          return -1;
        }
      else if (g_ascii_isdigit (c))
        {
          token = &tokens[n++];
          token->kind = TOKEN_NUMBER;
          token->value = 0;
          token->digits = 0;
          for (; g_ascii_isdigit (*p); p++)
            {
              if (token->digits == 4)
                return -1;
              token->value = token->value * 10 + (*p - '0');
              token->digits++;
            }
        }
      else if (g_ascii_isalpha (c))
        {
          int len = 0;

          token = &tokens[n++];
          token->kind = TOKEN_WORD;
          for (; g_ascii_isalpha (*p); p++)
            {
              if (len == MAX_WORD - 1)
                return -1;
              token->word[len++] = g_ascii_tolower (*p);
            }
          token->word[len] = '\0';
        }
      else if (c == '/' || c == '-' || c == '.')
        {
          token = &tokens[n++];
          token->kind = TOKEN_SEPARATOR;
          token->sep = (char) c;
          p++;
        }
      else
        {
          return -1;
        }

      token->spaced = spaced;
      spaced = FALSE;
    }

  return n;
}

static gboolean
is_word (const Token *token, const char *word)
{
  return token != NULL && token->kind == TOKEN_WORD && strcmp (token->word, word) == 0;
}

static int
lookup_month (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (month_words); i++)
    if (strcmp (word, month_words[i].word) == 0)
      return month_words[i].month;
  return 0;
}

static gboolean
is_lead_word (const Token *token)
{
  for (gsize i = 0; i < G_N_ELEMENTS (lead_words); i++)
    if (is_word (token, lead_words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_ordinal_suffix (const Token *token)
{
  return is_word (token, "st") || is_word (token, "nd") || is_word (token, "rd")
         || is_word (token, "th");
}

/* Turns tokens into parts, dropping decoration. Returns how many parts (never more than
 * tokens), or -1 for a word no timescale uses. */
static int
read_parts (const Token *tokens, int n_tokens, Part *parts)
{
  int i = 0;
  int n = 0;

  /* "by", "end of", "by the end of", "no later than" ... */
  while (i < n_tokens)
    {
      if (is_lead_word (&tokens[i]))
        i++;
      else if (i + 2 < n_tokens && is_word (&tokens[i], "no")
               && is_word (&tokens[i + 1], "later") && is_word (&tokens[i + 2], "than"))
        i += 3;
      else
        break;
    }

  for (; i < n_tokens; i++)
    {
      const Token *token = &tokens[i];
      const Token *next = i + 1 < n_tokens ? &tokens[i + 1] : NULL;
      Part *part;
      int month;

      switch (token->kind)
        {
        case TOKEN_NUMBER:
          part = &parts[n++];
          part->kind = PART_NUMBER;
          part->value = token->value;
          part->digits = token->digits;
          part->ordinal = FALSE;
          if (next != NULL && !next->spaced && is_ordinal_suffix (next))
            {
              part->ordinal = TRUE;
              i++;
            }
          break;

        case TOKEN_SEPARATOR:
          /* Between numbers it shapes a date or a year; elsewhere it only joins words to
           * numbers ("Sep-19", "Q3-2019/20") or ends an abbreviation ("Sept.", a full stop). */
          if (n > 0 && parts[n - 1].kind == PART_NUMBER && next != NULL
              && next->kind == TOKEN_NUMBER)
            {
              part = &parts[n++];
              part->kind = PART_SEPARATOR;
              part->sep = token->sep;
            }
          break;

        case TOKEN_WORD:
          if ((month = lookup_month (token->word)) != 0)
            {
              part = &parts[n++];
              part->kind = PART_MONTH;
              part->value = month;
            }
          else if (is_word (token, "autumn") || is_word (token, "spring")
                   || is_word (token, "summer"))
            {
              part = &parts[n++];
              part->kind = PART_SEASON;
              part->value = is_word (token, "autumn") ? SEASON_AUTUMN
                            : is_word (token, "spring") ? SEASON_SPRING : SEASON_SUMMER;
            }
          else if (is_word (token, "term"))
            {
              part = &parts[n++];
              part->kind = PART_TERM;
            }
          else if (is_word (token, "q") || is_word (token, "qtr") || is_word (token, "quarter"))
            {
              if (next == NULL || next->kind != TOKEN_NUMBER || next->digits != 1
                  || next->value < 1 || next->value > 4)
                return -1;
              part = &parts[n++];
              part->kind = PART_QUARTER;
              part->value = next->value;
              i++;
            }
          else if (is_word (token, "financial") && is_word (next, "year"))
            {
              i++;
            }
          else if (!is_word (token, "of") && !is_word (token, "the") && !is_word (token, "fy"))
            {
              return -1;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return n;
}

/* A year written with four digits, or two meaning 20xx. */
static gboolean
read_year (const Part *part, int *year)
{
  if (part->kind != PART_NUMBER || part->ordinal)
    return FALSE;
  if (part->digits == 4)
    *year = part->value;
  else if (part->digits == 2)
    *year = 2000 + part->value;
  else
    return FALSE;
  return *year >= MIN_YEAR && *year <= MAX_YEAR;
}

/* A day or a month number: one or two digits. */
static gboolean
read_small (const Part *part, gboolean ordinal_ok, int *value)
{
  if (part->kind != PART_NUMBER || part->digits > 2 || (part->ordinal && !ordinal_ok))
    return FALSE;
  *value = part->value;
  return TRUE;
}

/* Reads a year ("2020", "20") or a financial or academic year ("2019/20", "2019-2020",
 * "19/20") at the start of parts. Returns how many parts it used, 0 for none. */
static int
read_years (const Part *parts, int n, int *first_year, gboolean *span)
{
  int year;

  if (n == 0 || !read_year (&parts[0], &year))
    return 0;

  *first_year = year;
  *span = FALSE;

  if (n >= 3 && parts[1].kind == PART_SEPARATOR && (parts[1].sep == '/' || parts[1].sep == '-')
      && parts[2].kind == PART_NUMBER && !parts[2].ordinal && year + 1 <= MAX_YEAR)
    {
      gboolean follows = FALSE;

      if (parts[2].digits == 2)
        follows = parts[2].value == (year + 1) % 100;
      else if (parts[2].digits == 4 && parts[0].digits == 4)
        follows = parts[2].value == year + 1;

      if (follows)
        {
          *span = TRUE;
          return 3;
        }
    }

  return 1;
}

static PathwayPrecision
set_day (GDate *date, int day, int month, int year, PathwayPrecision precision)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return PATHWAY_PRECISION_NONE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return precision;
}

static PathwayPrecision
set_month_end (GDate *date, int month, int year)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    return PATHWAY_PRECISION_NONE;

  return set_day (date, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year), month,
                  year, PATHWAY_PRECISION_MONTH);
}

/* A season or a quarter with its year on either side: "Spring Term 2020", "2019/20 Q3". */
static gboolean
read_named_period (const Part *parts, int n, PartKind kind, int *value, int *year,
                   gboolean *span)
{
  int i;
  int used;

  if (n > 0 && parts[0].kind == kind)
    {
      *value = parts[0].value;
      i = 1;
      if (kind == PART_SEASON && i < n && parts[i].kind == PART_TERM)
        i++;
      used = read_years (parts + i, n - i, year, span);
      return used > 0 && i + used == n;
    }

  used = read_years (parts, n, year, span);
  if (used == 0 || used >= n || parts[used].kind != kind)
    return FALSE;

  *value = parts[used].value;
  i = used + 1;
  if (kind == PART_SEASON && i < n && parts[i].kind == PART_TERM)
    i++;
  return i == n;
}

static PathwayPrecision
read_numbers (const Part *parts, int n, GDate *date)
{
  int day;
  int month;
  int year;
  gboolean span;

  /* 2020 */
  if (n == 1 && parts[0].digits == 4 && read_year (&parts[0], &year))
    return set_day (date, 31, 12, year, PATHWAY_PRECISION_YEAR);

  if (n == 3 && parts[1].kind == PART_SEPARATOR)
    {
      /* 2019/20, 2019-2020, 19/20: a financial year */
      if (read_years (parts, n, &year, &span) == 3 && span)
        return set_day (date, 31, 3, year + 1, PATHWAY_PRECISION_YEAR);

      /* 07/2017, 7/17 */
      if (read_small (&parts[0], FALSE, &month) && read_year (&parts[2], &year))
        return set_month_end (date, month, year);

      /* 2017-07 */
      if (parts[0].digits == 4 && parts[1].sep == '-' && parts[2].digits == 2
          && read_year (&parts[0], &year) && read_small (&parts[2], FALSE, &month))
        return set_month_end (date, month, year);

      return PATHWAY_PRECISION_NONE;
    }

  if (n == 5 && parts[1].kind == PART_SEPARATOR && parts[3].kind == PART_SEPARATOR
      && parts[1].sep == parts[3].sep)
    {
      /* 2017-07-14 */
      if (parts[0].kind == PART_NUMBER && parts[0].digits == 4)
        {
          if (read_year (&parts[0], &year) && read_small (&parts[2], FALSE, &month)
              && read_small (&parts[4], FALSE, &day))
            return set_day (date, day, month, year, PATHWAY_PRECISION_DAY);
          return PATHWAY_PRECISION_NONE;
        }

      /* 14/07/2017, 14/7/17, 14.07.2017, 14-07-2017 */
      if (read_small (&parts[0], FALSE, &day) && read_small (&parts[2], FALSE, &month)
          && read_year (&parts[4], &year))
        return set_day (date, day, month, year, PATHWAY_PRECISION_DAY);
    }

  return PATHWAY_PRECISION_NONE;
}

static PathwayPrecision
read_date (const Part *parts, int n, GDate *date)
{
  int day;
  int year;
  int value;
  gboolean span;

  if (n == 0)
    return PATHWAY_PRECISION_NONE;

  /* 14 July 2017, 14th Jul 17, 14-Jul-2017 */
  if (n == 3 && parts[1].kind == PART_MONTH && read_small (&parts[0], TRUE, &day)
      && read_year (&parts[2], &year))
    return set_day (date, day, parts[1].value, year, PATHWAY_PRECISION_DAY);

  if (parts[0].kind == PART_MONTH)
    {
      /* July 2017, Dec 18, Sep-19 */
      if (n == 2 && read_year (&parts[1], &year))
        return set_month_end (date, parts[0].value, year);

      /* July 14 2017, July 14th, 2017 */
      if (n == 3 && read_small (&parts[1], TRUE, &day) && read_year (&parts[2], &year))
        return set_day (date, day, parts[0].value, year, PATHWAY_PRECISION_DAY);

      return PATHWAY_PRECISION_NONE;
    }

  /* Spring Term 2020, Autumn 2019/20 */
  if (read_named_period (parts, n, PART_SEASON, &value, &year, &span))
    {
      switch (value)
        {
        case SEASON_AUTUMN:
          return set_day (date, 31, 12, year, PATHWAY_PRECISION_TERM);
        case SEASON_SPRING:
          return set_day (date, 31, 3, span ? year + 1 : year, PATHWAY_PRECISION_TERM);
        case SEASON_SUMMER:
        default:
          return set_day (date, 31, 7, span ? year + 1 : year, PATHWAY_PRECISION_TERM);
        }
    }

  /* Q3 2019/20, 2019/20 Q3, Q3 2019: a quarter of the financial year starting in the year */
  if (read_named_period (parts, n, PART_QUARTER, &value, &year, &span))
    {
      switch (value)
        {
        case 1:
          return set_day (date, 30, 6, year, PATHWAY_PRECISION_QUARTER);
        case 2:
          return set_day (date, 30, 9, year, PATHWAY_PRECISION_QUARTER);
        case 3:
          return set_day (date, 31, 12, year, PATHWAY_PRECISION_QUARTER);
        case 4:
        default:
          return set_day (date, 31, 3, year + 1, PATHWAY_PRECISION_QUARTER);
        }
    }

  for (int i = 0; i < n; i++)
    if (parts[i].kind != PART_NUMBER && parts[i].kind != PART_SEPARATOR)
      return PATHWAY_PRECISION_NONE;

  return read_numbers (parts, n, date);
}

PathwayTimescale *
pathway_timescale_parse (const char *text)
{
  PathwayTimescale *self = g_new0 (PathwayTimescale, 1);
  Token tokens[MAX_TOKENS] = { 0 };
  Part parts[MAX_TOKENS] = { 0 };
  int n_tokens;
  int n_parts;

  self->text = dup_trimmed (text);
  g_date_clear (&self->date, 1);
  self->precision = PATHWAY_PRECISION_NONE;

  n_tokens = tokenise (self->text, tokens);
  if (n_tokens > 0)
    {
      n_parts = read_parts (tokens, n_tokens, parts);
      if (n_parts > 0)
        self->precision = read_date (parts, n_parts, &self->date);
    }

  if (self->precision == PATHWAY_PRECISION_NONE)
    g_date_clear (&self->date, 1);

  return self;
}

/* Stored parts are trusted but kept consistent: a date stored with no precision (or one this
 * version does not know) is taken as an exact day, and a precision stored without a date is
 * dropped. */
PathwayTimescale *
pathway_timescale_new (const char *text, const GDate *date, PathwayPrecision precision)
{
  PathwayTimescale *self = g_new0 (PathwayTimescale, 1);

  self->text = dup_trimmed (text);
  g_date_clear (&self->date, 1);
  self->precision = PATHWAY_PRECISION_NONE;

  if (date != NULL && g_date_valid (date))
    {
      self->date = *date;
      if (precision > PATHWAY_PRECISION_NONE && precision <= PATHWAY_PRECISION_YEAR)
        self->precision = precision;
      else
        self->precision = PATHWAY_PRECISION_DAY;
    }

  return self;
}

PathwayTimescale *
pathway_timescale_copy (const PathwayTimescale *self)
{
  PathwayTimescale *copy;

  if (self == NULL)
    return NULL;

  copy = g_new0 (PathwayTimescale, 1);
  copy->text = g_strdup (self->text != NULL ? self->text : "");
  copy->date = self->date;
  copy->precision = self->precision;
  return copy;
}

void
pathway_timescale_free (PathwayTimescale *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

gboolean
pathway_timescale_has_date (const PathwayTimescale *self)
{
  return self != NULL && g_date_valid (&self->date);
}

/* NULL is taken as undated and empty, here as in pathway_timescale_compare(). */
gboolean
pathway_timescale_equal (const PathwayTimescale *a, const PathwayTimescale *b)
{
  gboolean a_dated = pathway_timescale_has_date (a);
  gboolean b_dated = pathway_timescale_has_date (b);
  const char *a_text = a != NULL && a->text != NULL ? a->text : "";
  const char *b_text = b != NULL && b->text != NULL ? b->text : "";
  PathwayPrecision a_precision = a != NULL ? a->precision : PATHWAY_PRECISION_NONE;
  PathwayPrecision b_precision = b != NULL ? b->precision : PATHWAY_PRECISION_NONE;

  if (a == b)
    return TRUE;
  if (strcmp (a_text, b_text) != 0 || a_precision != b_precision || a_dated != b_dated)
    return FALSE;
  return !a_dated || g_date_compare (&a->date, &b->date) == 0;
}

int
pathway_timescale_compare (const PathwayTimescale *a, const PathwayTimescale *b)
{
  gboolean a_dated = pathway_timescale_has_date (a);
  gboolean b_dated = pathway_timescale_has_date (b);
  int cmp;

  if (a == b)
    return 0;
  if (a_dated != b_dated)
    return a_dated ? -1 : 1;
  if (a_dated)
    {
      cmp = g_date_compare (&a->date, &b->date);
      if (cmp != 0)
        return cmp < 0 ? -1 : 1;
    }

  cmp = g_utf8_collate (a != NULL && a->text != NULL ? a->text : "",
                        b != NULL && b->text != NULL ? b->text : "");
  return (cmp > 0) - (cmp < 0);
}

char *
pathway_timescale_dup_iso_date (const PathwayTimescale *self)
{
  if (!pathway_timescale_has_date (self))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&self->date),
                          (guint) g_date_get_month (&self->date),
                          (guint) g_date_get_day (&self->date));
}

/* Showing a timescale ----------------------------------------------------------------------- */

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
  N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
pathway_timescale_dup_display (const PathwayTimescale *self)
{
  int year, month;

  if (self == NULL)
    return g_strdup ("");
  if (!pathway_timescale_has_date (self))
    return g_strdup (self->text);

  year = g_date_get_year (&self->date);
  month = g_date_get_month (&self->date);
  switch (self->precision)
    {
    case PATHWAY_PRECISION_DAY:
      /* TRANSLATORS: a day in full: "30 November 2025" */
      return g_strdup_printf (_("%d %s %d"), g_date_get_day (&self->date),
                              g_dgettext (GETTEXT_PACKAGE, month_names[month - 1]), year);
    case PATHWAY_PRECISION_MONTH:
      return g_strdup_printf (_("%s %d"), g_dgettext (GETTEXT_PACKAGE, month_names[month - 1]),
                              year);
    case PATHWAY_PRECISION_TERM:
      /* Terms end on 31 December, 31 March and 31 July (see the parser). */
      if (month >= 9)
        return g_strdup_printf (_("Autumn Term %d"), year);
      if (month <= 4)
        return g_strdup_printf (_("Spring Term %d"), year);
      return g_strdup_printf (_("Summer Term %d"), year);
    case PATHWAY_PRECISION_QUARTER:
      {
        /* Quarters of the financial year: Q1 ends in June, Q4 in the March after. */
        int quarter = month <= 3 ? 4 : (month - 1) / 3;
        int first = month <= 3 ? year - 1 : year;

        return g_strdup_printf ("Q%d %d/%02d", quarter, first, (first + 1) % 100);
      }
    case PATHWAY_PRECISION_YEAR:
      /* A financial year ends on 31 March. */
      if (month == 3)
        return g_strdup_printf ("%d/%02d", year - 1, year % 100);
      return g_strdup_printf ("%d", year);
    case PATHWAY_PRECISION_NONE:
    default:
      return g_strdup (self->text);
    }
}
