/* pathway-reference.c: sort keys for action references, so that the tracker lists "1B ix"
 * before "1B x" and "WSOA2" before "WSOA10", as the plan itself numbers them.
 *
 * A reference is read as a row of words: runs of digits, runs of letters, and punctuation
 * and spaces that only separate them. Each word becomes one element of the key:
 *
 *   number      0x10, one byte for the count of digits (leading zeros dropped), the digits:
 *               more digits is a bigger number, and equal counts compare digit by digit;
 *   roman       a number element of its value;
 *   text        0x30, the letters case-folded; letters are all above 0x40, so "A" + anything
 *               that follows sorts before "AB", as a shorter word should;
 *
 * then 0x01, which is below every element, so "3B i" comes before "3B i-vi", which comes
 * before "3B ii"; and last the reference itself, so that "2.3" and "2-3" still differ.
 *
 * Roman numerals: a run of i, v, x, l and c (either case) that is a word of its own (no digit
 * or letter touching it) and not the first word, and that is a numeral written the usual way
 * ("iv", never "iiii"): so "1B ii", "3.1 (iv)" and "2 x" are numbers, while "1c", "Civil" and
 * "IV Access" stay text. The lone letters "c" and "l" stay text too: a plan that counts
 * "2.1 (a) (b) (c)" means a letter, and none counts to fifty in roman.
 *
 * An action's key is its workstream code's key, END_OF_ELEMENTS, then its reference's key. A
 * code's key can only be a prefix of another's when the longer code goes on past the shorter
 * one's text, and then with a byte above END_OF_ELEMENTS (unless the code holds U+0001), so
 * the joined keys sort by workstream first. NO_WORKSTREAM stands for the code of an action in
 * no workstream: no key starts with a byte that high (0xff is never part of UTF-8). */
#define G_LOG_DOMAIN "pathway-model"

#include <string.h>

#include "pathway-reference.h"
#include "pathway-workstream.h"

#define NUMBER_ELEMENT '\x10'
#define TEXT_ELEMENT '\x30'
#define END_OF_ELEMENTS '\x01'
#define NO_WORKSTREAM "\xff"
#define LENGTH_BASE 0x20
#define LENGTH_MAX 0x7e
#define ROMAN_MAX_LETTERS 12

static void
append_number (GString    *key,
               const char *digits,
               gsize       length)
{
  while (length > 0 && digits[0] == '0')
    {
      digits++;
      length--;
    }

  g_string_append_c (key, NUMBER_ELEMENT);
  /* Past 94 digits the count saturates and such numbers compare by their leading digits:
   * no plan numbers that far, and the order is still the same on every run. */
  g_string_append_c (key, (char) MIN (LENGTH_BASE + length, LENGTH_MAX));
  g_string_append_len (key, digits, length);
}

static int
roman_letter_value (char letter)
{
  switch (g_ascii_tolower (letter))
    {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    case 'c': return 100;
    default: return 0;
    }
}

/* The value of word as a roman numeral written the usual way, or 0 when it is not one. */
static guint
roman_value (const char *word,
             gsize       length)
{
  static const struct { int value; const char *letters; } parts[] = {
    { 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" },
    { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  char lower[ROMAN_MAX_LETTERS + 1];
  char written[4 * ROMAN_MAX_LETTERS + 1] = "";
  int value = 0;
  int rest;

  if (length == 0 || length > ROMAN_MAX_LETTERS)
    return 0;
  for (gsize i = 0; i < length; i++)
    {
      if (roman_letter_value (word[i]) == 0)
        return 0;
      lower[i] = g_ascii_tolower (word[i]);
    }
  lower[length] = '\0';
  if (length == 1 && (lower[0] == 'c' || lower[0] == 'l'))
    return 0;

  for (gsize i = 0; i < length; i++)
    {
      int here = roman_letter_value (lower[i]);
      int next = i + 1 < length ? roman_letter_value (lower[i + 1]) : 0;

      if (here < next)
        value -= here;
      else
        value += here;
    }
  if (value <= 0 || value > 399)
    return 0;

  /* Written back the usual way, it must read the same: this refuses "iiii", "vx" and "civil". */
  rest = value;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    while (rest >= parts[i].value)
      {
        g_strlcat (written, parts[i].letters, sizeof written);
        rest -= parts[i].value;
      }
  return strcmp (written, lower) == 0 ? (guint) value : 0;
}

static void
append_text (GString    *key,
             const char *word,
             gsize       length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);

  g_string_append_c (key, TEXT_ELEMENT);
  g_string_append (key, folded);
}

static gboolean
is_letter (const char *p)
{
  return *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p));
}

char *
pathway_reference_sort_key (const char *reference)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  GString *key = g_string_new (NULL);
  guint words = 0;
  const char *p;

  if (reference == NULL)
    reference = "";
  valid = g_utf8_make_valid (reference, -1);
  text = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (text == NULL)
    text = g_strdup (valid);

  p = text;
  while (*p != '\0')
    {
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          append_number (key, start, p - start);
          words++;
        }
      else if (is_letter (p))
        {
          gboolean alone;
          guint value;

          while (is_letter (p))
            p = g_utf8_next_char (p);
          /* A run of letters is as long as it goes, so only a digit can touch it. */
          alone = (start == text || !g_ascii_isdigit (start[-1])) && !g_ascii_isdigit (*p);
          value = words > 0 && alone ? roman_value (start, p - start) : 0;
          if (value > 0)
            {
              char digits[8];

              g_snprintf (digits, sizeof digits, "%u", value);
              append_number (key, digits, strlen (digits));
            }
          else
            append_text (key, start, p - start);
          words++;
        }
      else
        p = g_utf8_next_char (p);
    }

  g_string_append_c (key, END_OF_ELEMENTS);
  g_string_append (key, text);
  return g_string_free (key, FALSE);
}

char *
pathway_action_sort_key (PathwayAction *action)
{
  PathwayWorkstream *workstream;
  g_autofree char *workstream_key = NULL;
  g_autofree char *reference_key = NULL;

  g_return_val_if_fail (PATHWAY_IS_ACTION (action), NULL);

  workstream = pathway_action_get_workstream (action);
  workstream_key = workstream != NULL
                     ? pathway_reference_sort_key (pathway_workstream_get_code (workstream))
                     : g_strdup (NO_WORKSTREAM);
  reference_key = pathway_reference_sort_key (pathway_action_get_reference (action));
  return g_strdup_printf ("%s%c%s", workstream_key, END_OF_ELEMENTS, reference_key);
}

int
pathway_action_compare_by_workstream (PathwayAction *a, PathwayAction *b)
{
  g_autofree char *key_a = pathway_action_sort_key (a);
  g_autofree char *key_b = pathway_action_sort_key (b);

  return strcmp (key_a, key_b);
}

typedef struct {
  PathwayAction *action;
  char *key;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  return strcmp (((const Placed *) a)->key, ((const Placed *) b)->key);
}

void
pathway_actions_sort_by_workstream (GPtrArray *actions)
{
  g_autoptr(GArray) placed = NULL;

  g_return_if_fail (actions != NULL);

  placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      Placed item = { actions->pdata[i], pathway_action_sort_key (actions->pdata[i]) };

      g_array_append_val (placed, item);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *item = &g_array_index (placed, Placed, i);

      actions->pdata[i] = item->action;
      g_free (item->key);
    }
}

char **
pathway_links_split (const char *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[,;\\n]", text != NULL ? text : "", 0, 0);
  GPtrArray *links = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *link = g_strstrip (g_strdup (parts[i]));

      if (*link == '\0')
        g_free (link);
      else
        g_ptr_array_add (links, link);
    }
  g_ptr_array_add (links, NULL);
  return (char **) g_ptr_array_free (links, FALSE);
}

gboolean
pathway_links_contain (const char *text,
                       const char *reference)
{
  g_auto (GStrv) links = pathway_links_split (text);

  return reference != NULL && g_strv_contains ((const char *const *) links, reference);
}
