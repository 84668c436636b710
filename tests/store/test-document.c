/* test-document.c: the document keeps what it is given. Every field of every model class goes
 * through a file and comes back the same; every change of rating, status, commentary and
 * timescale leaves one entry in the history, dated by the document's clock; the history can
 * say how the programme stood on any day; undo writes a new change rather than erasing one;
 * a read-only document writes nothing; the user's text is kept exactly as written. */
#define G_LOG_DOMAIN "pathway-store-test"

#include <math.h>
#include <string.h>

#include "store-fixture.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = store_fixture_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "programme.pathway", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  store_fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static PathwayDocument *
create_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PathwayDocument *document = pathway_document_create (fixture->path, "Northbridge", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static PathwayDocument *
reopen (PathwayDocument *document, PathwayOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (pathway_document_get_path (document));
  PathwayDocument *again;

  pathway_document_close (document);
  g_object_unref (document);
  again = pathway_document_open (path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

static PathwayAction *
add_action (PathwayDocument *document, const char *reference, PathwayWorkstream *workstream,
            PathwayRating rating, PathwayStatus status, const char *commentary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayAction) draft = pathway_action_new ();

  pathway_action_set_reference (draft, reference);
  pathway_action_set_description (draft, "Publish the local offer in plain English");
  pathway_action_set_workstream (draft, workstream);
  pathway_action_set_rating (draft, rating);
  pathway_action_set_status (draft, status);
  pathway_action_set_commentary (draft, commentary);
  g_assert_true (pathway_document_add_action (document, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pathway_action_get_id (draft), >, 0);
  return draft; /* the document keeps its own reference */
}

static PathwayWorkstream *
add_workstream (PathwayDocument *document, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();

  pathway_workstream_set_code (draft, code);
  pathway_workstream_set_title (draft, "Joint commissioning");
  g_assert_true (pathway_document_add_workstream (document, draft, &error));
  g_assert_no_error (error);
  return draft;
}

static guint
count_updates (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

  g_assert_no_error (error);
  g_assert_nonnull (updates);
  return g_list_model_get_n_items (updates);
}

/* The newest update of an action (a new reference). */
static PathwayActionUpdate *
last_update (PathwayDocument *document, PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (updates);
  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (updates, n - 1);
}

static void
assert_update (PathwayActionUpdate *update, PathwayAction *action, PathwayField field,
               const char *author, GDateTime *at, const char *from, const char *to,
               const char *note)
{
  g_assert_cmpint (pathway_action_update_get_action_id (update), ==,
                   pathway_action_get_id (action));
  g_assert_cmpint (pathway_action_update_get_id (update), >, 0);
  g_assert_cmpint (pathway_action_update_get_field (update), ==, field);
  g_assert_cmpstr (pathway_action_update_get_author (update), ==, author);
  g_assert_nonnull (pathway_action_update_get_at (update));
  g_assert_true (g_date_time_equal (pathway_action_update_get_at (update), at));
  if (from != NULL)
    g_assert_cmpstr (pathway_action_update_get_from_value (update), ==, from);
  if (to != NULL)
    g_assert_cmpstr (pathway_action_update_get_to_value (update), ==, to);
  if (note != NULL)
    g_assert_cmpstr (pathway_action_update_get_note (update), ==, note);
}

static void
set_date (PathwayDocument *document, gpointer object, const char *property, int year, int month,
          int day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = store_fixture_date (year, month, day);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, date);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

static void
set_enum (PathwayDocument *document, gpointer object, const char *property, GType type,
          int number)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, number);
  g_assert_true (pathway_document_set_value (document, object, property, &value, NULL, &error));
  g_assert_no_error (error);
}

