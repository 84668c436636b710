/* pathway-import-words.c: the words areas write in a tracker's rating and status columns, and
 * what each means in the programme. Ratings: the colours and their letters, "On track",
 * "At risk" and "Off track", the words of completion ("Complete", "Done", "Blue", "B"), "Not
 * started" for no rating yet, and split ratings such as "A/G" or "Amber/Red", read as the
 * worse colour. Statuses: "Not started"; "In progress", "On track", "Ongoing"; "Delayed",
 * "Behind", "Slipped"; "Complete", "Done"; "On hold". The plan reads cells with these, and the
 * mapping uses them to tell a status column from a rating column by what it holds. The README
 * lists the same words: change both together. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include "pathway-exchange-private.h"

/* Case-folded, spaces trimmed and runs of them made one. */
char *
pathway_import_fold_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *word;
  PathwayRating rating;
} ColourWord;

static const ColourWord colour_words[] = {
  { "r", PATHWAY_RATING_RED },     { "red", PATHWAY_RATING_RED },
  { "a", PATHWAY_RATING_AMBER },   { "amber", PATHWAY_RATING_AMBER },
  { "g", PATHWAY_RATING_GREEN },   { "green", PATHWAY_RATING_GREEN },
  { "b", PATHWAY_RATING_BLUE },    { "blue", PATHWAY_RATING_BLUE },
};

/* Words for a colour that are not colours: what trackers without a RAG key write. */
static const ColourWord rating_phrases[] = {
  { "on track", PATHWAY_RATING_GREEN },
  { "at risk", PATHWAY_RATING_AMBER },
  { "off track", PATHWAY_RATING_RED },
};

static const char *const complete_words[] = { "complete", "completed", "done" };

static gboolean
read_colour (const char *folded, PathwayRating *rating)
{
  for (guint i = 0; i < G_N_ELEMENTS (colour_words); i++)
    if (strcmp (folded, colour_words[i].word) == 0)
      {
        *rating = colour_words[i].rating;
        return TRUE;
      }
  return FALSE;
}

/* "A/G", "Amber / Red", "R-A", "Amber to Green": two or more colours. Blue counts as the best,
 * so the worse of a split is never blue unless every part is. */
static gboolean
read_split (const char *folded, PathwayRating *worse)
{
  g_autoptr(GString) spaced = g_string_sized_new (strlen (folded));
  g_auto(GStrv) parts = NULL;
  PathwayRating result = PATHWAY_RATING_NONE;
  guint n = 0;

  /* Every separator a space; "to" and "and" are passed over below. */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("/\\-&,+", (int) c) != NULL)
        g_string_append_c (spaced, ' ');
      else if (c == 0x2013 || c == 0x2014)
        g_string_append_c (spaced, ' ');
      else
        g_string_append_unichar (spaced, c);
    }
  parts = g_strsplit (spaced->str, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      PathwayRating rating;

      if (*parts[i] == '\0' || strcmp (parts[i], "to") == 0 || strcmp (parts[i], "and") == 0)
        continue;
      if (!read_colour (parts[i], &rating))
        return FALSE;
      n++;
      if (result == PATHWAY_RATING_NONE || (rating != PATHWAY_RATING_BLUE &&
                                            (result == PATHWAY_RATING_BLUE || rating < result)))
        result = rating;
    }
  if (n < 2)
    return FALSE;
  *worse = result;
  return TRUE;
}

PathwayRatingWord
pathway_import_read_rating_word (PathwayRatingScheme *scheme, const char *text,
                                 PathwayRating *rating)
{
  g_autofree char *folded = pathway_import_fold_name (text);

  *rating = PATHWAY_RATING_NONE;
  if (*folded == '\0')
    return PATHWAY_RATING_WORD_BLANK;

  /* The programme's own words first ("Not on track", "Complete"): they mean what it says. */
  for (PathwayRating r = PATHWAY_RATING_RED; scheme != NULL && r <= PATHWAY_RATING_BLUE; r++)
    {
      g_autofree char *label = pathway_import_fold_name (pathway_rating_scheme_get_label (scheme, r));

      if (*label != '\0' && strcmp (label, folded) == 0 &&
          (r != PATHWAY_RATING_BLUE || pathway_rating_scheme_get_uses_blue (scheme)))
        {
          *rating = r;
          return r == PATHWAY_RATING_BLUE ? PATHWAY_RATING_WORD_BLUE
                                          : PATHWAY_RATING_WORD_COLOUR;
        }
    }
  if (read_colour (folded, rating))
    return *rating == PATHWAY_RATING_BLUE ? PATHWAY_RATING_WORD_BLUE
                                          : PATHWAY_RATING_WORD_COLOUR;
  for (guint i = 0; i < G_N_ELEMENTS (rating_phrases); i++)
    if (strcmp (folded, rating_phrases[i].word) == 0)
      {
        *rating = rating_phrases[i].rating;
        return PATHWAY_RATING_WORD_COLOUR;
      }
  for (guint i = 0; i < G_N_ELEMENTS (complete_words); i++)
    if (strcmp (folded, complete_words[i]) == 0)
      {
        *rating = PATHWAY_RATING_BLUE;
        return PATHWAY_RATING_WORD_COMPLETE;
      }
  if (strcmp (folded, "not started") == 0 || strcmp (folded, "not yet started") == 0)
    return PATHWAY_RATING_WORD_NOT_STARTED;
  if (read_split (folded, rating))
    return PATHWAY_RATING_WORD_SPLIT;
  return PATHWAY_RATING_WORD_UNKNOWN;
}

gboolean
pathway_import_read_status_word (const char *text, PathwayStatus *status)
{
  g_autofree char *folded = pathway_import_fold_name (text);
  static const struct {
    const char *word;
    PathwayStatus status;
  } words[] = {
    { "not started", PATHWAY_STATUS_NOT_STARTED },
    { "not yet started", PATHWAY_STATUS_NOT_STARTED },
    { "in progress", PATHWAY_STATUS_ON_TRACK },
    { "on track", PATHWAY_STATUS_ON_TRACK },
    { "ongoing", PATHWAY_STATUS_ON_TRACK },
    { "started", PATHWAY_STATUS_ON_TRACK },
    { "delayed", PATHWAY_STATUS_DELAYED },
    { "behind", PATHWAY_STATUS_DELAYED },
    { "slipped", PATHWAY_STATUS_DELAYED },
    { "off track", PATHWAY_STATUS_DELAYED },
    { "complete", PATHWAY_STATUS_COMPLETE },
    { "completed", PATHWAY_STATUS_COMPLETE },
    { "done", PATHWAY_STATUS_COMPLETE },
    { "on hold", PATHWAY_STATUS_SUSPENDED },
    { "suspended", PATHWAY_STATUS_SUSPENDED },
    { "paused", PATHWAY_STATUS_SUSPENDED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i].word) == 0)
      {
        *status = words[i].status;
        return TRUE;
      }
  for (PathwayStatus s = PATHWAY_STATUS_NOT_STARTED; s < PATHWAY_N_STATUSES; s++)
    {
      g_autofree char *label = pathway_import_fold_name (pathway_status_label (s));
      g_autofree char *nick = pathway_import_fold_name (pathway_status_to_nick (s));

      if (strcmp (label, folded) == 0 || strcmp (nick, folded) == 0)
        {
          *status = s;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pathway_import_word_is_colour (const char *text)
{
  PathwayRating rating;

  switch (pathway_import_read_rating_word (NULL, text, &rating))
    {
    case PATHWAY_RATING_WORD_COLOUR:
    case PATHWAY_RATING_WORD_SPLIT:
      /* "On track" is a status as much as a rating: only a colour says "rating". */
      return !pathway_import_read_status_word (text, &(PathwayStatus) { 0 });
    case PATHWAY_RATING_WORD_BLUE:
      return TRUE;
    case PATHWAY_RATING_WORD_BLANK:
    case PATHWAY_RATING_WORD_COMPLETE:
    case PATHWAY_RATING_WORD_NOT_STARTED:
    case PATHWAY_RATING_WORD_UNKNOWN:
    default:
      return FALSE;
    }
}

/* A word that names a rating, or says it is complete or not started. */
static gboolean
names_rating (PathwayRatingWord word)
{
  return word == PATHWAY_RATING_WORD_COLOUR || word == PATHWAY_RATING_WORD_BLUE ||
         word == PATHWAY_RATING_WORD_COMPLETE || word == PATHWAY_RATING_WORD_NOT_STARTED;
}

PathwayRatingWord
pathway_import_read_key_word (PathwayRatingScheme *scheme, const char *text,
                              PathwayRating *rating)
{
  static const char *const separators[] = { "=", ":", " - ", "–", "—", "(" };
  PathwayRatingWord word = pathway_import_read_rating_word (scheme, text, rating);
  gsize cut = strlen (text);

  if (names_rating (word))
    return word;
  /* "Red = off track", "Green: complete", "Amber - at risk (some slippage)": the word
   * before what it means. */
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (text, separators[i]);

      if (at != NULL && (gsize) (at - text) < cut)
        cut = at - text;
    }
  if (cut == 0 || cut == strlen (text))
    return PATHWAY_RATING_WORD_UNKNOWN;
  {
    g_autofree char *head = g_strndup (text, cut);

    word = pathway_import_read_rating_word (scheme, head, rating);
  }
  return names_rating (word) ? word : PATHWAY_RATING_WORD_UNKNOWN;
}
