/* test-reference.c: reference sort keys against the ways areas number their actions: each row
 * of a table is a run of references in the order a plan lists them, and their keys must sort
 * the same way with strcmp, whatever order they start in. Then actions in the plan's order:
 * by workstream code, then reference, those in no workstream last. */
#include <string.h>

#include "pathway-model.h"

typedef struct {
  const char *path;
  const char *references[12]; /* in order, NULL-terminated */
} Run;

static const Run runs[] = {
  { "/model/reference/roman-after-letter",
    { "1B i", "1B ii", "1B iii", "1B iv", "1B v", "1B vi", "1B ix", "1B x", "1B xi", "2A i",
      NULL } },
  { "/model/reference/roman-by-value-not-by-letter",
    { "3 ix", "3 x", "3 xiv", "3 xix", "3 xl", "3 xc", NULL } },
  { "/model/reference/roman-any-case",
    { "4A I", "4A ii", "4A III", "4A iv", "4A V", NULL } },
  { "/model/reference/roman-in-brackets",
    { "2.1 (i)", "2.1 (ii)", "2.1 (iv)", "2.1 (x)", "2.2 (i)", NULL } },
  { "/model/reference/range-sorts-with-its-first",
    { "3B i", "3B i-vi", "3B ii", "3B iii", NULL } },
  { "/model/reference/numbers-by-value",
    { "WSOA1", "WSOA2", "WSOA9", "WSOA10", "WSOA11", "WSOA100", NULL } },
  { "/model/reference/dotted-numbers",
    { "1", "1.1", "1.2", "1.10", "2", "2.3", "2.10", "10", "10.1", NULL } },
  { "/model/reference/leading-zeros-by-value",
    { "01", "2", "003", "10", NULL } },
  { "/model/reference/letters-after-numbers",
    { "1a", "1b", "1c", "1d", "2a", "12a", NULL } },
  { "/model/reference/text-case-folded",
    { "alpha 1", "Alpha 2", "BETA 1", "beta 3", "Gamma", NULL } },
  { "/model/reference/shorter-word-first",
    { "1", "1A", "1A 2", "1AB", "1B", NULL } },
  { "/model/reference/numbers-before-text",
    { "", "1", "99", "A", "PA1", "PA2", "PA10", "WSOA1", NULL } },
};

/* Words that look roman but are not a numeral, or not a word of their own, stay text. */
static const Run not_roman[] = {
  { "/model/reference/not-roman/letter-lists",
    { "2.1 (a)", "2.1 (b)", "2.1 (c)", "2.1 (d)", NULL } },
  { "/model/reference/not-roman/first-word",
    { "Access 1", "I 1", "IV 1", "Xylophone", NULL } },
  { "/model/reference/not-roman/badly-written",
    { "1 ii", "1 iv", "1 iiii", "1 vx", NULL } },
  { "/model/reference/not-roman/touching-a-number",
    { "1 ii", "1 iii", "1iv", "1v", NULL } },
  { "/model/reference/not-roman/words",
    { "1 ix", "1 civic", "1 civil", "1 mix", NULL } },
};

static void
check_run (const Run *run)
{
  guint n = 0;
  g_autofree char **keys = NULL;

  while (run->references[n] != NULL)
    n++;
  keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    keys[i] = pathway_reference_sort_key (run->references[i]);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        int order = strcmp (keys[i], keys[j]);

        if ((i < j && order >= 0) || (i > j && order <= 0) || (i == j && order != 0))
          g_error ("“%s” and “%s” sort the wrong way round", run->references[i],
                   run->references[j]);
      }

  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
}

static void
test_run (gconstpointer data)
{
  check_run (data);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The example in the issue, shuffled and sorted back. */
static void
test_sorts_shuffled_plan (void)
{
  static const char *plan[] = {
    "1A i", "1A ii", "1B i", "1B ii", "1B iv", "1B ix", "1B x", "2A i", "2A ii", "2B iii",
    "3B i", "3B i-vi", "3B ii", "WSOA2", "WSOA10",
  };
  static const guint shuffle[] = { 7, 12, 0, 14, 3, 9, 5, 1, 13, 11, 6, 2, 10, 8, 4 };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) reference_of = g_hash_table_new (g_str_hash, g_str_equal);

  G_STATIC_ASSERT (G_N_ELEMENTS (plan) == G_N_ELEMENTS (shuffle));
  for (guint i = 0; i < G_N_ELEMENTS (shuffle); i++)
    {
      char *key = pathway_reference_sort_key (plan[shuffle[i]]);

      g_ptr_array_add (keys, key);
      g_hash_table_insert (reference_of, key, (gpointer) plan[shuffle[i]]);
    }
  g_ptr_array_sort (keys, compare_keys);

  for (guint i = 0; i < keys->len; i++)
    g_assert_cmpstr (g_hash_table_lookup (reference_of, keys->pdata[i]), ==, plan[i]);
}

/* Punctuation only separates, yet different references never share a key. */
static void
test_distinct_references_distinct_keys (void)
{
  g_autofree char *dot = pathway_reference_sort_key ("2.3");
  g_autofree char *dash = pathway_reference_sort_key ("2-3");
  g_autofree char *upper = pathway_reference_sort_key ("1A");
  g_autofree char *lower = pathway_reference_sort_key ("1a");
  g_autofree char *ten = pathway_reference_sort_key ("2.10");

  g_assert_cmpstr (dot, !=, dash);
  g_assert_cmpstr (upper, !=, lower);
  /* ... and the tie between them is settled before anything that really differs. */
  g_assert_cmpint (strcmp (dot, ten), <, 0);
  g_assert_cmpint (strcmp (dash, ten), <, 0);
}

static void
test_odd_input (void)
{
  g_autofree char *null_key = pathway_reference_sort_key (NULL);
  g_autofree char *empty_key = pathway_reference_sort_key ("");
  g_autofree char *broken = pathway_reference_sort_key ("1B \xff ii");
  g_autofree char *accented = pathway_reference_sort_key ("Étape 2");
  g_autofree char *accented_lower = pathway_reference_sort_key ("étape 10");
  g_autofree char *long_number = pathway_reference_sort_key (
    "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"
    "901234567890");
  g_autofree char *one = pathway_reference_sort_key ("1");

  g_assert_cmpstr (null_key, ==, empty_key);
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_cmpint (strcmp (accented, accented_lower), <, 0);
  g_assert_cmpint (strcmp (one, long_number), <, 0);
}

/* Actions in the order a plan lists them: each pair compares so, and so do their keys. */
static void
test_actions_by_workstream (void)
{
  static const struct {
    const char *workstream; /* its code; NULL: in no workstream */
    const char *reference;
  } plan[] = {
    { "", "1" },          /* a workstream without a code comes first */
    { "1", "9" },         /* a code before a longer one it begins ... */
    { "1-", "1" },        /* ... whatever the references say */
    { "A", "1B ii" },
    { "A", "1B x" },
    { "a", "1A i" },      /* codes fold case, then differ by their text */
    { "B", "1A i" },
    { "WS2", "10" },
    { "WS10", "2" },      /* WS2 before WS10, whatever the references */
    { NULL, "1A" },
    { NULL, "2" },
  };
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) workstreams =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      PathwayAction *action = pathway_action_new ();

      if (plan[i].workstream != NULL)
        {
          PathwayWorkstream *workstream = g_hash_table_lookup (workstreams, plan[i].workstream);

          if (workstream == NULL)
            {
              workstream = pathway_workstream_new ();
              pathway_workstream_set_code (workstream, plan[i].workstream);
              g_hash_table_insert (workstreams, (gpointer) plan[i].workstream, workstream);
            }
          pathway_action_set_workstream (action, workstream);
        }
      pathway_action_set_reference (action, plan[i].reference);
      g_ptr_array_add (actions, action);
      g_ptr_array_add (keys, pathway_action_sort_key (action));
    }

  for (guint i = 0; i < actions->len; i++)
    for (guint j = 0; j < actions->len; j++)
      {
        int order = pathway_action_compare_by_workstream (actions->pdata[i], actions->pdata[j]);
        int by_key = strcmp (keys->pdata[i], keys->pdata[j]);

        if ((i < j && order >= 0) || (i > j && order <= 0) || (i == j && order != 0))
          g_error ("%s “%s” and %s “%s” are in the wrong order",
                   plan[i].workstream ? plan[i].workstream : "(none)", plan[i].reference,
                   plan[j].workstream ? plan[j].workstream : "(none)", plan[j].reference);
        g_assert_cmpint (order < 0, ==, by_key < 0);
        g_assert_cmpint (order > 0, ==, by_key > 0);
      }

  /* Shuffled, and sorted back. */
  {
    static const guint shuffle[] = { 7, 2, 10, 0, 5, 9, 3, 8, 1, 6, 4 };
    g_autoptr(GPtrArray) mixed = g_ptr_array_new ();

    G_STATIC_ASSERT (G_N_ELEMENTS (shuffle) == G_N_ELEMENTS (plan));
    for (guint i = 0; i < G_N_ELEMENTS (shuffle); i++)
      g_ptr_array_add (mixed, actions->pdata[shuffle[i]]);
    pathway_actions_sort_by_workstream (mixed);
    for (guint i = 0; i < mixed->len; i++)
      g_assert_true (mixed->pdata[i] == actions->pdata[i]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    g_test_add_data_func (runs[i].path, &runs[i], test_run);
  for (gsize i = 0; i < G_N_ELEMENTS (not_roman); i++)
    g_test_add_data_func (not_roman[i].path, &not_roman[i], test_run);
  g_test_add_func ("/model/reference/sorts-shuffled-plan", test_sorts_shuffled_plan);
  g_test_add_func ("/model/reference/distinct-references-distinct-keys",
                   test_distinct_references_distinct_keys);
  g_test_add_func ("/model/reference/odd-input", test_odd_input);
  g_test_add_func ("/model/reference/actions-by-workstream", test_actions_by_workstream);

  return g_test_run ();
}
