/* store-fixture.c: temporary folders, whole-file comparison, a small programme and the
 * property-by-property comparison of model objects that the store tests share. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "store-fixture.h"

/* Fails the running test with a message built like printf, naming the caller's line. */
#define fail_printf(...) fail_at (__FILE__, __LINE__, G_STRFUNC, __VA_ARGS__)

static void fail_at (const char *file, int line, const char *func, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
fail_at (const char *file, int line, const char *func, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

char *
store_fixture_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathway-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
store_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  /* A test may have made the folder read-only; it must still be emptied. */
  g_chmod (dir, 0700);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        store_fixture_remove_dir (child);
      else if (g_unlink (child) != 0)
        g_test_message ("could not remove %s: %s", child, g_strerror (errno));
    }

  if (g_rmdir (dir) != 0)
    g_test_message ("could not remove %s: %s", dir, g_strerror (errno));
}

GBytes *
store_fixture_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

void
store_fixture_write_file (const char *path, const void *data, gsize size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

void
store_fixture_copy_file (const char *from, const char *to)
{
  g_autoptr(GBytes) bytes = store_fixture_read_file (from);
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  store_fixture_write_file (to, data, size);
}

void
store_fixture_assert_file_unchanged (const char *path, GBytes *before)
{
  g_autoptr(GBytes) after = store_fixture_read_file (path);
  gsize before_size = 0;
  gsize after_size = 0;
  const guint8 *before_data = g_bytes_get_data (before, &before_size);
  const guint8 *after_data = g_bytes_get_data (after, &after_size);

  g_assert_cmpuint (after_size, ==, before_size);
  if (before_size > 0 && memcmp (before_data, after_data, before_size) != 0)
    {
      gsize first = 0;

      while (before_data[first] == after_data[first])
        first++;
      fail_printf ("%s changed, first at byte %" G_GSIZE_FORMAT,
                                            path, first);
    }
}

GDateTime *
store_fixture_utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

GDate *
store_fixture_date (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

void
store_fixture_set_day (PathwayDocument *document, int year, int month, int day)
{
  g_autoptr(GDateTime) now = store_fixture_utc (year, month, day, 12, 0);

  pathway_document_set_now (document, now);
}

void
store_fixture_make_programme (const char *path, guint n_actions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = NULL;
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();

  document = pathway_document_create (path, "Fixture programme", &error);
  g_assert_no_error (error);
  store_fixture_set_day (document, 2024, 1, 10);

  pathway_workstream_set_code (workstream, "A");
  pathway_workstream_set_title (workstream, "Identification of need");
  pathway_document_add_workstream (document, workstream, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= n_actions; i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u", i);

      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, "Agree the local offer review");
      pathway_action_set_workstream (action, workstream);
      pathway_document_add_action (document, action, &error);
      g_assert_no_error (error);
    }

  pathway_document_close (document);
}

PathwayAction *
store_fixture_find_live_action (PathwayDocument *document, gint64 id)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  PathwayAction *action = pathway_programme_find_action (programme, id);

  if (action == NULL || pathway_action_get_deleted (action))
    return NULL;
  return action;
}

/* Comparing properties ------------------------------------------------------------------ */

static char *
describe_date (const GDate *date)
{
  char text[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("(no date)");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
describe_value (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_DATE)
    return describe_date (g_value_get_boxed (value));

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);

      return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("(no time)");
    }

  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *timescale = g_value_get_boxed (value);
      g_autofree char *date = NULL;

      if (timescale == NULL)
        return g_strdup ("(no timescale)");
      date = describe_date (&timescale->date);
      return g_strdup_printf ("\"%s\" %s precision %d", timescale->text, date,
                              timescale->precision);
    }

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      gsize length = text != NULL ? strlen (text) : 0;

      /* Very long strings are named by length and start, so a failure stays readable. */
      if (length > 200)
        return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes starting \"%.60s\"", length, text);
    }

  return g_strdup_value_contents (value);
}

static gboolean
dates_equal (const GDate *a, const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid == b_valid;
  return g_date_compare (a, b) == 0;
}

static gboolean
doubles_equal (double a, double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

static gboolean
timescales_equal (const PathwayTimescale *a, const PathwayTimescale *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->text, b->text) == 0 && dates_equal (&a->date, &b->date)
         && a->precision == b->precision;
}

static void compare_objects (const char *what, GObject *a, GObject *b, guint depth);

static gboolean
values_equal (const char *what, const GValue *a, const GValue *b, guint depth)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_DOUBLE)
    return doubles_equal (g_value_get_double (a), g_value_get_double (b));
  if (type == G_TYPE_DATE)
    return dates_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      if (ta == NULL || tb == NULL)
        return ta == tb;
      return g_date_time_equal (ta, tb);
    }
  if (type == PATHWAY_TYPE_TIMESCALE)
    return timescales_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (g_type_is_a (type, G_TYPE_OBJECT))
    {
      GObject *oa = g_value_get_object (a);
      GObject *ob = g_value_get_object (b);

      if (oa == NULL || ob == NULL)
        return oa == ob;
      if (G_OBJECT_TYPE (oa) != G_OBJECT_TYPE (ob))
        return FALSE;
      compare_objects (what, oa, ob, depth + 1);
      return TRUE;
    }

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_UINT:
      return g_value_get_uint (a) == g_value_get_uint (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_UINT64:
      return g_value_get_uint64 (a) == g_value_get_uint64 (b);
    case G_TYPE_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case G_TYPE_FLAGS:
      return g_value_get_flags (a) == g_value_get_flags (b);
    case G_TYPE_FLOAT:
      return doubles_equal (g_value_get_float (a), g_value_get_float (b));
    default:
      fail_printf ("%s: no comparison for type %s", what,
                                            g_type_name (type));
      return FALSE;
    }
}

static void
compare_objects (const char *what, GObject *a, GObject *b, guint depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  /* Objects refer to others (an action to its workstream, the workstream to its lead); a few
   * levels are enough to reach every kind, and stop any cycle. */
  if (depth > 3)
    return;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *where = NULL;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      where = g_strdup_printf ("%s %s:%s", what, G_OBJECT_TYPE_NAME (a), pspec->name);
      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);

      if (!values_equal (where, &va, &vb, depth))
        {
          g_autofree char *da = describe_value (&va);
          g_autofree char *db = describe_value (&vb);

          fail_printf ("%s differs: %s then %s", where, da, db);
        }
    }
}

void
store_fixture_assert_same_properties (const char *what, gpointer a, gpointer b)
{
  g_assert_true (G_IS_OBJECT (a));
  g_assert_true (G_IS_OBJECT (b));
  compare_objects (what, a, b, 0);
}

static gint64
object_id (gpointer object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

void
store_fixture_assert_same_items (const char *what, GListModel *a, GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (g_list_model_get_n_items (b) != n)
    fail_printf ("%s: %u items then %u", what, n,
                                          g_list_model_get_n_items (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (a, i);
      gint64 id = object_id (item);
      gboolean found = FALSE;

      g_assert_cmpint (id, >, 0);
      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (b, j);

          if (object_id (other) == id)
            {
              g_autofree char *where = g_strdup_printf ("%s #%" G_GINT64_FORMAT, what, id);

              store_fixture_assert_same_properties (where, item, other);
              found = TRUE;
            }
        }

      if (!found)
        fail_printf ("%s: id %" G_GINT64_FORMAT " is missing", what,
                                              id);
    }
}

static gboolean
value_is_set (GParamSpec *pspec, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_get_string (value) != NULL && g_value_get_string (value)[0] != '\0';
  if (type == G_TYPE_DOUBLE)
    return !isnan (g_value_get_double (value));
  if (type == G_TYPE_DATE)
    return dates_equal (g_value_get_boxed (value), NULL) == FALSE;
  if (type == PATHWAY_TYPE_TIMESCALE)
    {
      const PathwayTimescale *timescale = g_value_get_boxed (value);

      return timescale != NULL && timescale->text[0] != '\0'
             && pathway_timescale_has_date (timescale);
    }
  if (G_TYPE_IS_BOXED (type))
    return g_value_get_boxed (value) != NULL;
  if (g_type_is_a (type, G_TYPE_OBJECT))
    return g_value_get_object (value) != NULL;
  if (G_TYPE_FUNDAMENTAL (type) == G_TYPE_INT64 && g_str_equal (pspec->name, "id"))
    return g_value_get_int64 (value) != 0;

  return !g_param_value_defaults (pspec, value);
}

void
store_fixture_assert_all_set (const char *what, gpointer object, const char *const *except)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;
      if (except != NULL && g_strv_contains (except, pspec->name))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);
      if (!value_is_set (pspec, &value))
        fail_printf ("%s: %s:%s is left at its default, so the round "
                                              "trip does not test it", what,
                                              G_OBJECT_TYPE_NAME (object), pspec->name);
    }
}

/* The child's edits -------------------------------------------------------------------------- */

guint
store_edit_action_index (guint edit)
{
  return (edit - 1) % STORE_EDIT_N_ACTIONS;
}

gboolean
store_edit_is_rating (guint edit)
{
  return ((edit - 1) / STORE_EDIT_N_ACTIONS) % 2 == 1;
}

char *
store_edit_token (gint64 pid, guint edit)
{
  return g_strdup_printf ("P%" G_GINT64_FORMAT "-E%u", pid, edit);
}

char *
store_edit_commentary (const char *token, guint edit)
{
  static const char words[] = " The panel met and agreed the next steps with the parent carer "
                              "forum.";
  GString *text = g_string_new (token);
  gsize length = (edit * 397) % 6000;

  while (text->len < length)
    g_string_append (text, words);
  return g_string_free (text, FALSE);
}

PathwayRating
store_edit_next_rating (PathwayRating current)
{
  switch (current)
    {
    case PATHWAY_RATING_RED:
      return PATHWAY_RATING_AMBER;
    case PATHWAY_RATING_AMBER:
      return PATHWAY_RATING_GREEN;
    case PATHWAY_RATING_NONE:
    case PATHWAY_RATING_GREEN:
    case PATHWAY_RATING_BLUE:
    default:
      return PATHWAY_RATING_RED;
    }
}
