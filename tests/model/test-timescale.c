/* test-timescale.c: the timescale reader against the forms areas write in their plans, and the
 * copy, equality and ordering that sorting, overdue and slippage rely on. */
#include <stdarg.h>
#include <string.h>

#include "pathway-timescale.h"

#define DAY PATHWAY_PRECISION_DAY
#define MONTH PATHWAY_PRECISION_MONTH
#define TERM PATHWAY_PRECISION_TERM
#define QUARTER PATHWAY_PRECISION_QUARTER
#define YEAR PATHWAY_PRECISION_YEAR
#define NONE PATHWAY_PRECISION_NONE

typedef struct {
  const char *input;
  const char *iso;            /* NULL: no date */
  PathwayPrecision precision;
  const char *text;           /* as kept; NULL: the input itself */
} Case;

static const Case day_cases[] = {
  { "14 July 2017", "2017-07-14", DAY, NULL },
  { "14th July 2017", "2017-07-14", DAY, NULL },
  { "1st Jan 2018", "2018-01-01", DAY, NULL },
  { "22nd Feb 2019", "2019-02-22", DAY, NULL },
  { "3rd March 2020", "2020-03-03", DAY, NULL },
  { "14 Jul 2017", "2017-07-14", DAY, NULL },
  { "14 jul 17", "2017-07-14", DAY, NULL },
  { "14-Jul-2017", "2017-07-14", DAY, NULL },
  { "14th of July 2017", "2017-07-14", DAY, NULL },
  { "July 14 2017", "2017-07-14", DAY, NULL },
  { "July 14th, 2017", "2017-07-14", DAY, NULL },
  { "14 July, 2017.", "2017-07-14", DAY, NULL },
  { "14/07/2017", "2017-07-14", DAY, NULL },
  { "14/7/17", "2017-07-14", DAY, NULL },
  { "4/7/2017", "2017-07-04", DAY, NULL },
  { "14.07.2017", "2017-07-14", DAY, NULL },
  { "14.07.2017.", "2017-07-14", DAY, NULL },
  { "14-07-2017", "2017-07-14", DAY, NULL },
  { "14 / 07 / 2017", "2017-07-14", DAY, NULL },
  { "2017-07-14", "2017-07-14", DAY, NULL },
  { "by 31 December 2017", "2017-12-31", DAY, NULL },
  { "BY 31 DECEMBER 2017", "2017-12-31", DAY, NULL },
  { "no later than 31 March 2020", "2020-03-31", DAY, NULL },
  { "29/02/2020", "2020-02-29", DAY, NULL },
};

static const Case month_cases[] = {
  { "July 2017", "2017-07-31", MONTH, NULL },
  { "Jul 17", "2017-07-31", MONTH, NULL },
  { "Dec 18", "2018-12-31", MONTH, NULL },
  { "Sept 19", "2019-09-30", MONTH, NULL },
  { "Sept. 2019", "2019-09-30", MONTH, NULL },
  { "June 19", "2019-06-30", MONTH, NULL },
  { "Sep-19", "2019-09-30", MONTH, NULL },
  { "Dec-2018", "2018-12-31", MONTH, NULL },
  { "Dec '18", "2018-12-31", MONTH, NULL },
  { "april 2021", "2021-04-30", MONTH, NULL },
  { "NOVEMBER 2020", "2020-11-30", MONTH, NULL },
  { "May 2020", "2020-05-31", MONTH, NULL },
  { "07/2017", "2017-07-31", MONTH, NULL },
  { "7/17", "2017-07-31", MONTH, NULL },
  { "2017-07", "2017-07-31", MONTH, NULL },
  { "end June 18", "2018-06-30", MONTH, NULL },
  { "end of June 2018", "2018-06-30", MONTH, NULL },
  { "by end of June 2018", "2018-06-30", MONTH, NULL },
  { "By the end of June 2018.", "2018-06-30", MONTH, NULL },
  { "by December 2017", "2017-12-31", MONTH, NULL },
  { "until March 2019", "2019-03-31", MONTH, NULL },
  /* "July 14" is July 2014, as "Dec 18" is December 2018. */
  { "July 14", "2014-07-31", MONTH, NULL },
};

static const Case leap_cases[] = {
  { "Feb 20", "2020-02-29", MONTH, NULL },
  { "Feb 19", "2019-02-28", MONTH, NULL },
  { "February 2000", "2000-02-29", MONTH, NULL },
  { "February 2100", "2100-02-28", MONTH, NULL },
  { "02/2024", "2024-02-29", MONTH, NULL },
  { "29 Feb 2024", "2024-02-29", DAY, NULL },
  { "29 Feb 2019", NULL, NONE, NULL },
};

static const Case term_cases[] = {
  { "Spring Term 2020", "2020-03-31", TERM, NULL },
  { "Spring 2020", "2020-03-31", TERM, NULL },
  { "spring term 2020", "2020-03-31", TERM, NULL },
  { "Autumn Term 2019", "2019-12-31", TERM, NULL },
  { "Summer Term 2020", "2020-07-31", TERM, NULL },
  { "Summer 20", "2020-07-31", TERM, NULL },
  { "Spring Term 2019/20", "2020-03-31", TERM, NULL },
  { "Autumn term 2019-20", "2019-12-31", TERM, NULL },
  { "Summer Term 2019/2020", "2020-07-31", TERM, NULL },
  { "Autumn 19/20", "2019-12-31", TERM, NULL },
  { "end of the Summer Term 2020", "2020-07-31", TERM, NULL },
  { "by end of Spring term, 2021", "2021-03-31", TERM, NULL },
  { "2019/20 Spring Term", "2020-03-31", TERM, NULL },
  /* Half terms are not read: no guessing where half term falls. */
  { "Autumn 1 2019", NULL, NONE, NULL },
  { "Spring Term", NULL, NONE, NULL },
};

static const Case quarter_cases[] = {
  { "Q1 2019/20", "2019-06-30", QUARTER, NULL },
  { "Q2 2019/20", "2019-09-30", QUARTER, NULL },
  { "Q3 2019/20", "2019-12-31", QUARTER, NULL },
  { "Q4 2019/20", "2020-03-31", QUARTER, NULL },
  { "Q3 19/20", "2019-12-31", QUARTER, NULL },
  { "Q3 2019-20", "2019-12-31", QUARTER, NULL },
  { "Q3 2019–20", "2019-12-31", QUARTER, NULL },
  { "2019/20 Q3", "2019-12-31", QUARTER, NULL },
  { "q4 2019/2020", "2020-03-31", QUARTER, NULL },
  { "Quarter 2 2020/21", "2020-09-30", QUARTER, NULL },
  { "Q3 of 2019/20", "2019-12-31", QUARTER, NULL },
  { "end of Q1 2021/22", "2021-06-30", QUARTER, NULL },
  /* A single year after a quarter is the financial year that starts in it: Q3 of 2019/20. */
  { "Q3 2019", "2019-12-31", QUARTER, NULL },
  { "Q4 2019", "2020-03-31", QUARTER, NULL },
  { "Q5 2019/20", NULL, NONE, NULL },
  { "Q3 2019/21", NULL, NONE, NULL },
  { "Q3", NULL, NONE, NULL },
};

static const Case year_cases[] = {
  { "2019/20", "2020-03-31", YEAR, NULL },
  { "2019-20", "2020-03-31", YEAR, NULL },
  { "2019/2020", "2020-03-31", YEAR, NULL },
  { "19/20", "2020-03-31", YEAR, NULL },
  { "FY 2019/20", "2020-03-31", YEAR, NULL },
  { "financial year 2019/20", "2020-03-31", YEAR, NULL },
  { "2020", "2020-12-31", YEAR, NULL },
  { "by 2020", "2020-12-31", YEAR, NULL },
  { "end of 2020.", "2020-12-31", YEAR, NULL },
  { "1990", "1990-12-31", YEAR, NULL },
  { "2100", "2100-12-31", YEAR, NULL },
  { "2019/21", NULL, NONE, NULL },
  { "2019 - 2021", NULL, NONE, NULL },
};

static const Case undated_cases[] = {
  { "ongoing", NULL, NONE, NULL },
  { "Ongoing", NULL, NONE, NULL },
  { "on-going", NULL, NONE, NULL },
  { "On-going.", NULL, NONE, NULL },
  { "TBC", NULL, NONE, NULL },
  { "tbc", NULL, NONE, NULL },
  { "n/a", NULL, NONE, NULL },
  { "N/A", NULL, NONE, NULL },
  { "As soon as possible", NULL, NONE, NULL },
  { "Dec 18 (revised)", NULL, NONE, NULL },
  { "from September 2019", NULL, NONE, NULL },
  { "Jan-Mar 2020", NULL, NONE, NULL },
  { "Dec 18 - Mar 19", NULL, NONE, NULL },
  { "July", NULL, NONE, NULL },
  { "14 July", NULL, NONE, NULL },
  { "20", NULL, NONE, NULL },
  { "Dec 8", NULL, NONE, NULL },
  { "20170714", NULL, NONE, NULL },
  { "mid June 2018", NULL, NONE, NULL },
  { "Décembre 2018", NULL, NONE, NULL },
  /* Far too long to be a timescale. */
  { "by by by by by by by by by by by by by by by by by Dec 18", NULL, NONE, NULL },
};

static const Case invalid_cases[] = {
  { "31/02/2019", NULL, NONE, NULL },
  { "32 July 2017", NULL, NONE, NULL },
  { "0 July 2017", NULL, NONE, NULL },
  { "31 June 2018", NULL, NONE, NULL },
  { "14/13/2017", NULL, NONE, NULL },
  { "13/2019", NULL, NONE, NULL },
  { "00/2019", NULL, NONE, NULL },
  { "2017-13-01", NULL, NONE, NULL },
  { "2017-02-30", NULL, NONE, NULL },
  { "14/07-2017", NULL, NONE, NULL },
  { "14th/07/2017", NULL, NONE, NULL },
  { "July 1989", NULL, NONE, NULL },
  { "1989", NULL, NONE, NULL },
  { "2101", NULL, NONE, NULL },
  { "14 July 2101", NULL, NONE, NULL },
  { "Q4 2100", NULL, NONE, NULL },
  { "2100/01", NULL, NONE, NULL },
  { "14/07/217", NULL, NONE, NULL },
};

static const Case whitespace_cases[] = {
  { "", NULL, NONE, "" },
  { "   ", NULL, NONE, "" },
  { " \t\n ", NULL, NONE, "" },
  { "  Dec 18  ", "2018-12-31", MONTH, "Dec 18" },
  { "\tSpring  Term   2020\n", "2020-03-31", TERM, "Spring  Term   2020" },
  { "14   July    2017", "2017-07-14", DAY, NULL },
  { "  Q3  2019 / 20 ", "2019-12-31", QUARTER, "Q3  2019 / 20" },
  { "\u00a0Dec\u00a018\u00a0", "2018-12-31", MONTH, "Dec\u00a018" },
  { "  ongoing  ", NULL, NONE, "ongoing" },
};

static const struct {
  const char *path;
  const Case *cases;
  gsize n_cases;
} tables[] = {
  { "/model/timescale/day-dates", day_cases, G_N_ELEMENTS (day_cases) },
  { "/model/timescale/month-dates", month_cases, G_N_ELEMENTS (month_cases) },
  { "/model/timescale/leap-years", leap_cases, G_N_ELEMENTS (leap_cases) },
  { "/model/timescale/term-dates", term_cases, G_N_ELEMENTS (term_cases) },
  { "/model/timescale/quarters", quarter_cases, G_N_ELEMENTS (quarter_cases) },
  { "/model/timescale/years", year_cases, G_N_ELEMENTS (year_cases) },
  { "/model/timescale/undated", undated_cases, G_N_ELEMENTS (undated_cases) },
  { "/model/timescale/invalid-dates", invalid_cases, G_N_ELEMENTS (invalid_cases) },
  { "/model/timescale/whitespace", whitespace_cases, G_N_ELEMENTS (whitespace_cases) },
};

/* Names every mismatch in a table, not only the last. */
static void G_GNUC_PRINTF (1, 2)
report_failure (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", message);
  g_test_fail ();
}

static void
check_case (const Case *c)
{
  g_autoptr(PathwayTimescale) ts = pathway_timescale_parse (c->input);
  g_autofree char *iso = NULL;
  const char *text = c->text != NULL ? c->text : c->input;

  g_assert_nonnull (ts);
  g_assert_nonnull (ts->text);
  iso = pathway_timescale_dup_iso_date (ts);

  if (g_strcmp0 (iso, c->iso) != 0)
    report_failure ("\"%s\": date %s, expected %s", c->input, iso ? iso : "(none)",
                        c->iso ? c->iso : "(none)");
  if (ts->precision != c->precision)
    report_failure ("\"%s\": precision %d, expected %d", c->input, ts->precision,
                        c->precision);
  if (strcmp (ts->text, text) != 0)
    report_failure ("\"%s\": text \"%s\", expected \"%s\"", c->input, ts->text, text);

  /* The invariants of the header, whatever the input. */
  if (pathway_timescale_has_date (ts) != (ts->precision != NONE)
      || pathway_timescale_has_date (ts) != g_date_valid (&ts->date))
    report_failure ("\"%s\": precision and date disagree", c->input);
}

static void
test_table (gconstpointer data)
{
  gsize index = GPOINTER_TO_SIZE (data);

  for (gsize i = 0; i < tables[index].n_cases; i++)
    check_case (&tables[index].cases[i]);
}

static void
test_null (void)
{
  g_autoptr(PathwayTimescale) ts = pathway_timescale_parse (NULL);

  g_assert_cmpstr (ts->text, ==, "");
  g_assert_false (pathway_timescale_has_date (ts));
  g_assert_false (g_date_valid (&ts->date));
  g_assert_cmpint (ts->precision, ==, NONE);
  g_assert_null (pathway_timescale_dup_iso_date (ts));

  g_assert_false (pathway_timescale_has_date (NULL));
  g_assert_null (pathway_timescale_dup_iso_date (NULL));
  g_assert_null (pathway_timescale_copy (NULL));
  pathway_timescale_free (NULL);
}

/* Parsing, then building again from the stored parts, gives the same timescale. */
static void
test_round_trip (void)
{
  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    for (gsize i = 0; i < tables[t].n_cases; i++)
      {
        const Case *c = &tables[t].cases[i];
        g_autoptr(PathwayTimescale) parsed = pathway_timescale_parse (c->input);
        g_autoptr(PathwayTimescale) built = NULL;

        built = pathway_timescale_new (parsed->text,
                                       pathway_timescale_has_date (parsed) ? &parsed->date : NULL,
                                       parsed->precision);
        if (!pathway_timescale_equal (parsed, built))
          report_failure ("\"%s\" does not round-trip", c->input);
        if (pathway_timescale_compare (parsed, built) != 0)
          report_failure ("\"%s\" does not compare equal to itself", c->input);
      }
}

static void
test_new (void)
{
  GDate date;
  GDate invalid;
  g_autoptr(PathwayTimescale) plain = NULL;
  g_autoptr(PathwayTimescale) no_date = NULL;
  g_autoptr(PathwayTimescale) no_precision = NULL;
  g_autoptr(PathwayTimescale) invalid_date = NULL;
  g_autoptr(PathwayTimescale) null_text = NULL;
  g_autofree char *iso = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2018);
  g_date_clear (&invalid, 1);

  plain = pathway_timescale_new ("  Dec 18 ", &date, MONTH);
  g_assert_cmpstr (plain->text, ==, "Dec 18");
  g_assert_cmpint (plain->precision, ==, MONTH);
  iso = pathway_timescale_dup_iso_date (plain);
  g_assert_cmpstr (iso, ==, "2018-12-31");

  /* A precision without a date is dropped. */
  no_date = pathway_timescale_new ("Dec 18", NULL, MONTH);
  g_assert_false (pathway_timescale_has_date (no_date));
  g_assert_cmpint (no_date->precision, ==, NONE);

  invalid_date = pathway_timescale_new ("Dec 18", &invalid, MONTH);
  g_assert_false (pathway_timescale_has_date (invalid_date));
  g_assert_cmpint (invalid_date->precision, ==, NONE);

  /* A date without a precision is taken as an exact day. */
  no_precision = pathway_timescale_new ("31/12/2018", &date, NONE);
  g_assert_true (pathway_timescale_has_date (no_precision));
  g_assert_cmpint (no_precision->precision, ==, DAY);

  null_text = pathway_timescale_new (NULL, NULL, NONE);
  g_assert_cmpstr (null_text->text, ==, "");
}

static void
test_copy (void)
{
  g_autoptr(PathwayTimescale) ts = pathway_timescale_parse (" Q3 2019/20 ");
  g_autoptr(PathwayTimescale) copy = pathway_timescale_copy (ts);
  g_autoptr(PathwayTimescale) undated = pathway_timescale_parse ("ongoing");
  g_autoptr(PathwayTimescale) undated_copy = pathway_timescale_copy (undated);
  PathwayTimescale *boxed;
  GValue value = G_VALUE_INIT;

  g_assert_true (copy != ts);
  g_assert_true (copy->text != ts->text);
  g_assert_cmpstr (copy->text, ==, "Q3 2019/20");
  g_assert_cmpint (copy->precision, ==, QUARTER);
  g_assert_cmpint (g_date_compare (&copy->date, &ts->date), ==, 0);
  g_assert_true (pathway_timescale_equal (ts, copy));

  g_assert_true (pathway_timescale_equal (undated, undated_copy));
  g_assert_false (pathway_timescale_has_date (undated_copy));

  /* Changing the copy leaves the original alone. */
  g_date_add_days (&copy->date, 1);
  g_assert_false (pathway_timescale_equal (ts, copy));
  g_assert_cmpstr (ts->text, ==, "Q3 2019/20");

  /* As a boxed type, through GValue. */
  g_assert_true (G_TYPE_IS_BOXED (PATHWAY_TYPE_TIMESCALE));
  g_value_init (&value, PATHWAY_TYPE_TIMESCALE);
  g_value_set_boxed (&value, ts);
  boxed = g_value_dup_boxed (&value);
  g_assert_true (boxed != ts);
  g_assert_true (pathway_timescale_equal (boxed, ts));
  g_boxed_free (PATHWAY_TYPE_TIMESCALE, boxed);
  g_value_unset (&value);
}

static void
test_equal (void)
{
  g_autoptr(PathwayTimescale) dec = pathway_timescale_parse ("Dec 18");
  g_autoptr(PathwayTimescale) dec_again = pathway_timescale_parse ("  Dec 18");
  g_autoptr(PathwayTimescale) december = pathway_timescale_parse ("December 2018");
  g_autoptr(PathwayTimescale) day = pathway_timescale_parse ("31/12/2018");
  g_autoptr(PathwayTimescale) ongoing = pathway_timescale_parse ("ongoing");
  g_autoptr(PathwayTimescale) ongoing_again = pathway_timescale_parse ("ongoing");
  g_autoptr(PathwayTimescale) tbc = pathway_timescale_parse ("tbc");
  g_autoptr(PathwayTimescale) empty = pathway_timescale_parse ("   ");
  g_autoptr(PathwayTimescale) same_text_day = NULL;

  g_assert_true (pathway_timescale_equal (dec, dec));
  g_assert_true (pathway_timescale_equal (dec, dec_again));
  /* Same date, other words. */
  g_assert_false (pathway_timescale_equal (dec, december));
  /* Same date, other precision. */
  g_assert_false (pathway_timescale_equal (december, day));
  /* Same words, same date, other precision. */
  same_text_day = pathway_timescale_new ("Dec 18", &dec->date, DAY);
  g_assert_false (pathway_timescale_equal (dec, same_text_day));

  /* Both without a date. */
  g_assert_true (pathway_timescale_equal (ongoing, ongoing_again));
  g_assert_false (pathway_timescale_equal (ongoing, tbc));
  g_assert_false (pathway_timescale_equal (ongoing, dec));

  /* NULL is undated and empty. */
  g_assert_true (pathway_timescale_equal (NULL, NULL));
  g_assert_true (pathway_timescale_equal (NULL, empty));
  g_assert_true (pathway_timescale_equal (empty, NULL));
  g_assert_false (pathway_timescale_equal (NULL, ongoing));
  g_assert_false (pathway_timescale_equal (dec, NULL));
}

static int
compare_pointers (gconstpointer a, gconstpointer b)
{
  return pathway_timescale_compare (*(PathwayTimescale * const *) a,
                                    *(PathwayTimescale * const *) b);
}

static void
test_compare (void)
{
  /* Written in the order they must sort to; shuffled below. */
  static const char * const sorted[] = {
    "31 Dec 2017",
    "Q4 2017/18",          /* 31 Mar 2018, same day as the next: ordered by text */
    "Spring Term 2018",
    "June 18",
    "Autumn 2018",         /* 31 Dec 2018: "Autumn 2018" before "Dec 18" by text */
    "Dec 18",
    "2019/20",
    "2020",
    "",                    /* undated, by text */
    "ongoing",
    "tbc",
  };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (
    (GDestroyNotify) pathway_timescale_free);
  g_autoptr(PathwayTimescale) dated = pathway_timescale_parse ("Dec 18");
  g_autoptr(PathwayTimescale) undated = pathway_timescale_parse ("ongoing");
  g_autoptr(PathwayTimescale) empty = pathway_timescale_parse ("");
  GRand *rand = g_rand_new_with_seed (7);

  for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_ptr_array_add (list, pathway_timescale_parse (sorted[i]));
  for (guint i = list->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer swap = list->pdata[i];

      list->pdata[i] = list->pdata[j];
      list->pdata[j] = swap;
    }
  g_rand_free (rand);

  g_ptr_array_sort (list, compare_pointers);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((PathwayTimescale *) list->pdata[i])->text, ==, sorted[i]);

  /* Dated before undated, either way round. */
  g_assert_cmpint (pathway_timescale_compare (dated, undated), <, 0);
  g_assert_cmpint (pathway_timescale_compare (undated, dated), >, 0);
  g_assert_cmpint (pathway_timescale_compare (dated, dated), ==, 0);

  /* NULL sorts as undated and empty. */
  g_assert_cmpint (pathway_timescale_compare (NULL, NULL), ==, 0);
  g_assert_cmpint (pathway_timescale_compare (NULL, empty), ==, 0);
  g_assert_cmpint (pathway_timescale_compare (dated, NULL), <, 0);
  g_assert_cmpint (pathway_timescale_compare (NULL, dated), >, 0);
  g_assert_cmpint (pathway_timescale_compare (NULL, undated), <, 0);
  g_assert_cmpint (pathway_timescale_compare (undated, NULL), >, 0);
}

/* What is shown cannot be misread: no two-digit year, a month in full, terms and quarters
 * named with their years; undated text as written. */
static void
test_display (void)
{
  static const struct { const char *written; const char *shown; } cases[] = {
    { "Dec 25", "December 2025" },
    { "end March 26", "March 2026" },
    { "30/11/2025", "30 November 2025" },
    { "2025-11-30", "30 November 2025" },
    { "Summer Term 2026", "Summer Term 2026" },
    { "spring term 2027", "Spring Term 2027" },
    { "Autumn 2025/26", "Autumn Term 2025" },
    { "Q3 2025/26", "Q3 2025/26" },
    { "Q4 2025", "Q4 2025/26" },
    { "2025/26", "2025/26" },
    { "ongoing", "ongoing" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (cases[i].written);
      g_autofree char *shown = pathway_timescale_dup_display (timescale);

      g_test_message ("%s", cases[i].written);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      /* The text as written is kept. */
      g_assert_cmpstr (timescale->text, ==, cases[i].written);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_test_add_data_func (tables[i].path, GSIZE_TO_POINTER (i), test_table);
  g_test_add_func ("/model/timescale/null", test_null);
  g_test_add_func ("/model/timescale/round-trip", test_round_trip);
  g_test_add_func ("/model/timescale/new", test_new);
  g_test_add_func ("/model/timescale/display", test_display);
  g_test_add_func ("/model/timescale/copy", test_copy);
  g_test_add_func ("/model/timescale/equal", test_equal);
  g_test_add_func ("/model/timescale/compare", test_compare);

  return g_test_run ();
}
