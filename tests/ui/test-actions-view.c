/* test-actions-view.c: the tracker on the demo programme, in a window of its own. It proves
 * that the presets show what the programme's own counts say, that the search narrows and the
 * table sorts references the way the plan numbers them, that the view follows changes made
 * through the document (and a programme replaced by a rolled-back batch), that activating a
 * row asks the window to edit that action, that editing is off when the file is read-only,
 * and that user text shows as written, never as markup. For screen readers and the keyboard:
 * each row is named as it is said (and re-named when re-rated), the table is one Tab stop, the
 * filters say their choice, and the Keyboard Shortcuts window says how to leave a table. With
 * PATHWAY_SCREENSHOT_DIR set it saves PNGs of the view there, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-action-filter.h"
#include "pathway-actions-view.h"
#include "pathway-demo.h"

#define TRICKY_TEXT "S<OT & \"SALT\" <b>x</b>"

typedef struct {
  char *dir;
  char *path;
  PathwayDocument *document;
  GtkWindow *window;
  PathwayActionsView *view;
  GSimpleActionGroup *window_actions;
  gint64 edited_id;
  guint new_actions;
} Fixture;

static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static GtkColumnView *
column_view_of (Fixture *f)
{
  GtkWidget *column_view = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (column_view);
  return GTK_COLUMN_VIEW (column_view);
}

static GtkColumnViewColumn *
column_titled (Fixture    *f,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

/* The label showing "23 of 115 actions": the one in the view whose text ends in "actions". */
static const char *
count_text (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      if (g_str_has_suffix (text, " actions") || g_str_has_suffix (text, " action"))
        return text;
    }
  g_assert_not_reached ();
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (f->document);
}

static guint
n_actions (Fixture *f)
{
  return g_list_model_get_n_items (pathway_programme_get_actions (programme_of (f)));
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
edit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  Fixture *f = data;

  f->edited_id = g_variant_get_int64 (parameter);
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  Fixture *f = data;

  f->new_actions++;
}

/* The view in a window of its own, as the real window holds it, given the document. */
static void
make_window (Fixture *f)
{
  GtkWidget *box;

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win",
                                  G_ACTION_GROUP (f->window_actions));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  f->view = PATHWAY_ACTIONS_VIEW (pathway_actions_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_set_title (f->window, "Actions");

  pathway_view_set_document (PATHWAY_VIEW (f->view), f->document);
  gtk_window_present (f->window);
  wait_for_drawn (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "edit-action", edit_action_cb, "x", NULL, NULL },
    { "new-action", new_action_cb, NULL, NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.pathway.Pathway");

  /* Every test starts from the default columns, whatever one before arranged. */
  g_settings_reset (settings, "tracker-columns");

  f->dir = g_dir_make_tmp ("pathway-actions-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
  f->document = pathway_document_open (f->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* The window's own actions, as the real window offers them to its views. */
  f->window_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->window_actions), entries,
                                   G_N_ELEMENTS (entries), f);
  make_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  g_clear_object (&f->window_actions);
  if (f->document != NULL)
    pathway_document_close (f->document);
  g_clear_object (&f->document);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PathwayAction *
shown_action (Fixture *f,
              guint    position)
{
  GListModel *shown = pathway_actions_view_get_shown (f->view);
  g_autoptr(PathwayAction) action = g_list_model_get_item (shown, position);

  g_assert_nonnull (action);
  return action;
}

static void
test_shows_every_action (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%u actions", n_actions (f));

  g_assert_cmpuint (n_actions (f), >, 0);
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, n_actions (f));
  g_assert_cmpstr (count_text (f), ==, expected);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view_of (f))));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view_of (f))),
                    ==, 11);
}

static void
check_preset_rating (Fixture       *f,
                     const char    *preset,
                     PathwayRating  rating)
{
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  guint shown;
  g_autofree char *expected = NULL;

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  pathway_actions_view_apply_preset (f->view, preset);
  shown = pathway_actions_view_get_n_shown (f->view);
  g_assert_cmpuint (counts[rating], >, 0);
  g_assert_cmpuint (shown, ==, counts[rating]);
  for (guint i = 0; i < shown; i++)
    g_assert_cmpint (pathway_action_get_rating (shown_action (f, i)), ==, rating);

  expected = g_strdup_printf ("%u of %u actions", counts[rating], n_actions (f));
  g_assert_cmpstr (count_text (f), ==, expected);
}

static void
test_presets_match_programme_counts (Fixture       *f,
                                     gconstpointer  data)
{
  GDate date;
  guint overdue;

  check_preset_rating (f, "red", PATHWAY_RATING_RED);
  check_preset_rating (f, "amber", PATHWAY_RATING_AMBER);

  today (&date);
  overdue = pathway_programme_count_overdue (programme_of (f), NULL, &date);
  pathway_actions_view_apply_preset (f->view, "overdue");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, overdue);
  for (guint i = 0; i < overdue; i++)
    g_assert_true (pathway_action_is_overdue (shown_action (f, i), &date));

  /* Stale: not complete, and no update for longer than the stale days. */
  for (guint days = 0; days <= 400; days += 100)
    {
      guint stale = 0;
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (&date),
                                                             g_date_get_month (&date),
                                                             g_date_get_day (&date), 0, 0, 0);
      g_autoptr(GDateTime) before = g_date_time_add_days (midnight, -(int) days);
      GListModel *actions = pathway_programme_get_actions (programme_of (f));

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
          GDateTime *updated = pathway_action_get_last_updated (action);

          if (!pathway_action_is_complete (action) &&
              (updated == NULL || g_date_time_compare (updated, before) < 0))
            stale++;
        }
      pathway_view_set_stale_days (PATHWAY_VIEW (f->view), days);
      pathway_actions_view_apply_preset (f->view, "stale");
      g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, stale);
    }
  pathway_view_set_stale_days (PATHWAY_VIEW (f->view), 100000);
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, 0);

  pathway_actions_view_clear_filters (f->view);
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, n_actions (f));
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

static gboolean
action_mentions (PathwayAction *action,
                 const char    *word)
{
  PathwayPerson *lead = pathway_action_get_lead (action);

  return contains_folded (pathway_action_get_reference (action), word) ||
         contains_folded (pathway_action_get_description (action), word) ||
         contains_folded (pathway_action_get_commentary (action), word) ||
         contains_folded (pathway_action_get_theme (action), word) ||
         contains_folded (pathway_action_get_recovery_plan (action), word) ||
         contains_folded (pathway_action_get_success_measure (action), word) ||
         (lead != NULL && contains_folded (pathway_person_get_name (lead), word));
}

static void
check_search_finds (Fixture    *f,
                    const char *text)
{
  guint shown = pathway_actions_view_get_n_shown (f->view);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint expected = 0;
  GListModel *actions = pathway_programme_get_actions (programme_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      gboolean all = TRUE;

      for (guint w = 0; words[w] != NULL; w++)
        all = all && action_mentions (action, words[w]);
      expected += all;
    }
  g_assert_cmpuint (shown, ==, expected);
}

typedef struct {
  Fixture *f;
  guint n;
} ShownIs;

static gboolean
shown_is (gpointer data)
{
  ShownIs *is = data;

  return pathway_actions_view_get_n_shown (is->f->view) == is->n;
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  static const char *typed[] = { "s", "su", "sup", "supp", "suppo", "support" };
  PathwayAction *first = shown_action (f, 0);
  PathwayPerson *lead = pathway_action_get_lead (first);
  guint before = n_actions (f);
  GtkWidget *entry = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, NULL);
  ShownIs is = { f, 0 };

  /* Typed one letter at a time, each keystroke shows no more than the one before. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      guint shown;

      pathway_actions_view_set_search (f->view, typed[i]);
      shown = pathway_actions_view_get_n_shown (f->view);
      g_assert_cmpuint (shown, <=, before);
      check_search_finds (f, typed[i]);
      before = shown;
    }
  g_assert_cmpuint (before, <, n_actions (f));
  g_assert_cmpuint (before, >, 0);

  /* Any case; words anywhere, all of them needed. */
  pathway_actions_view_set_search (f->view, "SUPPORT");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, before);
  pathway_actions_view_set_search (f->view, "support plan");
  check_search_finds (f, "support plan");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), <=, before);

  /* By reference, and by the lead's name. */
  pathway_actions_view_set_search (f->view, pathway_action_get_reference (first));
  check_search_finds (f, pathway_action_get_reference (first));
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), >=, 1);
  g_assert_nonnull (lead);
  pathway_actions_view_set_search (f->view, pathway_person_get_name (lead));
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), >=, 1);

  /* Nothing found: the page says so and offers to clear the filters. */
  pathway_actions_view_set_search (f->view, "zzqxj nothing like this");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, 0);
  {
    GtkWidget *status = find_of_type (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE, NULL);
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (status, GTK_TYPE_STACK));
    AdwStatusPage *empty = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
    GtkWidget *clear = adw_status_page_get_child (empty);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No actions match");
    /* Activated as by the keyboard, a button clicks after its press is shown. */
    g_assert_true (gtk_widget_activate (clear));
    is.n = n_actions (f);
    wait_for ("every action to be shown once the filters are cleared", shown_is, &is);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  }
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, n_actions (f));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Typed into the entry as a person does, the search follows after the entry's pause. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzqxj");
  is.n = 0;
  wait_for ("no action to be shown for a search typed into the entry", shown_is, &is);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  is.n = n_actions (f);
  wait_for ("every action to be shown once the entry is emptied", shown_is, &is);
}

static void
check_reference_order (Fixture *f,
                       int      direction)
{
  GListModel *shown = pathway_actions_view_get_shown (f->view);
  g_autofree char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown, i);
      g_autofree char *key = pathway_reference_sort_key (pathway_action_get_reference (action));

      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, key) * direction, <, 0);
      g_free (previous);
      previous = g_steal_pointer (&key);
    }
}

static guint
position_of_reference (Fixture    *f,
                       const char *reference)
{
  GListModel *shown = pathway_actions_view_get_shown (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown, i);

      if (g_str_equal (pathway_action_get_reference (action), reference))
        return i;
    }
  return G_MAXUINT;
}

static void
test_sorts_references_naturally (Fixture       *f,
                                 gconstpointer  data)
{
  GtkColumnView *column_view = column_view_of (f);
  GtkColumnViewColumn *rating = column_titled (f, "Rating");
  GListModel *shown = pathway_actions_view_get_shown (f->view);
  guint ix, x;

  /* By reference from the start, "1B ix" before "1B x" where the plan has both. */
  check_reference_order (f, 1);
  ix = position_of_reference (f, "1A ix");
  x = position_of_reference (f, "1A x");
  if (ix != G_MAXUINT && x != G_MAXUINT)
    g_assert_cmpuint (ix, <, x);
  g_assert_cmpuint (position_of_reference (f, "1A i"), <, position_of_reference (f, "1A ii"));

  gtk_column_view_sort_by_column (column_view, column_titled (f, "Ref"), GTK_SORT_DESCENDING);
  check_reference_order (f, -1);

  /* Every column sorts; by rating, worst first. */
  gtk_column_view_sort_by_column (column_view, rating, GTK_SORT_ASCENDING);
  {
    g_autoptr(PathwayAction) first = g_list_model_get_item (shown, 0);

    g_assert_cmpint (pathway_action_get_rating (first), ==, PATHWAY_RATING_RED);
  }
  for (guint i = 0; i < g_list_model_get_n_items (gtk_column_view_get_columns (column_view));
       i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (gtk_column_view_get_columns (column_view), i);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_actions (f));
    }

  gtk_column_view_sort_by_column (column_view, column_titled (f, "Ref"), GTK_SORT_ASCENDING);
  check_reference_order (f, 1);
}

/* The text of every cell in view: one-line cells are inscriptions, the action and its
 * commentary labels. */
static GPtrArray *
cell_texts (Fixture *f)
{
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *list = find_of_type (GTK_WIDGET (column_view_of (f)), GTK_TYPE_LIST_VIEW, NULL);
  GPtrArray *texts = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (column_view_of (f)), GTK_TYPE_INSCRIPTION, inscriptions);
  for (guint i = 0; i < inscriptions->len; i++)
    if (gtk_widget_get_mapped (inscriptions->pdata[i]))
      g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (inscriptions->pdata[i]));
  collect_of_type (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]))
      g_ptr_array_add (texts, (gpointer) gtk_label_get_text (labels->pdata[i]));
  return texts;
}

static gboolean
shows_cell (Fixture    *f,
            const char *text)
{
  g_autoptr(GPtrArray) texts = cell_texts (f);

  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  Fixture *f;
  const char *text;
} ShowsCell;

static gboolean
shows_cell_cond (gpointer data)
{
  ShowsCell *shows = data;

  return shows_cell (shows->f, shows->text);
}

static void
test_shows_user_text_as_written (Fixture       *f,
                                 gconstpointer  data)
{
  PathwayAction *action = shown_action (f, 0);
  g_autoptr(GError) error = NULL;
  ShowsCell shows = { f, TRICKY_TEXT };
  GtkWidget *theme_drop_down;
  GListModel *themes;
  gboolean offered = FALSE;

  g_assert_true (pathway_document_set_text (f->document, action, "description", TRICKY_TEXT,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (f->document, action, "theme", TRICKY_TEXT,
                                            &error));
  g_assert_no_error (error);

  /* The row is bound afresh with the new text, read back exactly as written. */
  wait_for ("a cell to show the new description", shows_cell_cond, &shows);

  /* Searched for by a piece of it, in any case. */
  pathway_actions_view_set_search (f->view, "\"salt\" <B>");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, 1);
  g_assert_true (shown_action (f, 0) == action);
  wait_for ("the one row found to show the description", shows_cell_cond, &shows);

  /* And offered as it is among the themes. */
  theme_drop_down = NULL;
  {
    g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();

    collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, drop_downs);
    g_assert_cmpuint (drop_downs->len, ==, 5);
    theme_drop_down = drop_downs->pdata[2];
  }
  themes = gtk_drop_down_get_model (GTK_DROP_DOWN (theme_drop_down));
  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(GtkStringObject) theme = g_list_model_get_item (themes, i);

      offered = offered || g_str_equal (gtk_string_object_get_string (theme), TRICKY_TEXT);
    }
  g_assert_true (offered);
}

static void
test_follows_rating_change (Fixture       *f,
                            gconstpointer  data)
{
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  g_autoptr(PathwayAction) action = NULL;
  g_autoptr(GError) error = NULL;
  ShownIs is = { f, 0 };

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  pathway_actions_view_apply_preset (f->view, "red");
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, counts[PATHWAY_RATING_RED]);

  for (guint i = 0; action == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) candidate = g_list_model_get_item (actions, i);

      if (pathway_action_get_rating (candidate) == PATHWAY_RATING_GREEN)
        action = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (action);
  g_assert_true (pathway_document_set_rating (f->document, action, PATHWAY_RATING_RED,
                                              "Slipped again", &error));
  g_assert_no_error (error);

  is.n = counts[PATHWAY_RATING_RED] + 1;
  wait_for ("the action turned red to join the red ones", shown_is, &is);

  /* Undone, it goes again. */
  g_assert_true (pathway_document_undo (f->document, &error));
  g_assert_no_error (error);
  is.n = counts[PATHWAY_RATING_RED];
  wait_for ("the action to leave the red ones when undone", shown_is, &is);
}

static void
test_follows_new_and_deleted_actions (Fixture       *f,
                                      gconstpointer  data)
{
  guint before = n_actions (f);
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(PathwayTimescale) due = pathway_timescale_parse ("Dec 30");
  g_autoptr(GError) error = NULL;
  ShownIs is = { f, before + 1 };

  pathway_action_set_reference (draft, "0 i");
  pathway_action_set_description (draft, "An action added while the tracker is open");
  pathway_action_set_original_timescale (draft, due);
  g_assert_true (pathway_document_add_action (f->document, draft, &error));
  g_assert_no_error (error);
  wait_for ("the new action to be shown", shown_is, &is);
  g_assert_true (shown_action (f, 0) == draft);

  g_assert_true (pathway_document_delete_action (f->document, draft, "Duplicate", &error));
  g_assert_no_error (error);
  is.n = before;
  wait_for ("the deleted action to go", shown_is, &is);
}

/* The table's first row is an action of the programme the document holds now. */
static gboolean
shows_current_programme (gpointer data)
{
  Fixture *f = data;
  GListModel *shown = pathway_actions_view_get_shown (f->view);
  g_autoptr(PathwayAction) first = g_list_model_get_item (shown, 0);

  return first != NULL &&
         pathway_programme_find_action (programme_of (f), pathway_action_get_id (first)) == first;
}

static void
test_follows_replaced_programme (Fixture       *f,
                                 gconstpointer  data)
{
  PathwayProgramme *before = programme_of (f);
  PathwayAction *action = shown_action (f, 0);
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  g_autoptr(GError) error = NULL;

  pathway_actions_view_apply_preset (f->view, "red");
  g_assert_true (pathway_document_begin_batch (f->document, "Import", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (f->document, action, PATHWAY_RATING_GREEN, NULL,
                                              &error));
  g_assert_no_error (error);
  /* A person added is only taken back by reading the file again. */
  pathway_person_set_name (person, "Someone imported");
  g_assert_true (pathway_document_add_person (f->document, person, &error));
  g_assert_no_error (error);
  pathway_document_rollback_batch (f->document);

  /* A rolled-back batch reloads the programme: the table shows the new objects. */
  g_assert_true (programme_of (f) != before);
  wait_for ("the table to show the reloaded programme's actions", shows_current_programme, f);
  {
    guint counts[PATHWAY_N_RATINGS] = { 0, };

    pathway_programme_count_ratings (programme_of (f), NULL, counts);
    g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==,
                      counts[PATHWAY_RATING_RED]);
    g_assert_true (pathway_programme_find_action (programme_of (f),
                                                  pathway_action_get_id (shown_action (f, 0)))
                   == shown_action (f, 0));
  }
  pathway_actions_view_clear_filters (f->view);
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, n_actions (f));
}

static void
test_activating_row_edits_action (Fixture       *f,
                                  gconstpointer  data)
{
  PathwayAction *second = shown_action (f, 1);

  g_signal_emit_by_name (column_view_of (f), "activate", 1);
  g_assert_cmpint (f->edited_id, ==, pathway_action_get_id (second));
  g_assert_cmpint (f->edited_id, >, 0);
}

static GtkWidget *
new_action_button (Fixture *f)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.new-action") == 0 &&
        gtk_widget_get_mapped (buttons->pdata[i]))
      return buttons->pdata[i];
  g_assert_not_reached ();
}

typedef struct {
  GtkWidget *widget;
  gboolean sensitive;
} SensitiveIs;

static gboolean
sensitive_is (gpointer data)
{
  SensitiveIs *is = data;

  return gtk_widget_is_sensitive (is->widget) == is->sensitive;
}

static void
test_no_editing_when_read_only (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "Board copy.pathway", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (f->path);
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) read_only = NULL;
  GtkWidget *button = new_action_button (f);
  SensitiveIs sensitive = { button, FALSE };
  ShownIs is = { f, 0 };

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (f->new_actions, ==, 1);

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  read_only = pathway_document_open (copy, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  pathway_view_set_document (PATHWAY_VIEW (f->view), read_only);
  wait_for ("New Action to be off on a read-only programme", sensitive_is, &sensitive);
  is.n = g_list_model_get_n_items (
    pathway_programme_get_actions (pathway_document_get_programme (read_only)));
  wait_for ("the read-only programme's actions to be shown", shown_is, &is);

  pathway_view_set_document (PATHWAY_VIEW (f->view), f->document);
  sensitive.sensitive = TRUE;
  wait_for ("New Action to be on again", sensitive_is, &sensitive);
  pathway_document_close (read_only);
}

static void
test_search_has_focus_on_request (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *entry = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (column_view_of (f)));
  pathway_actions_view_focus_search (f->view);
  g_assert_true (gtk_widget_is_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
}


/* The tracker shows the words ------------------------------------------------------------------ */

#define LONG_ACTION \
  "Commission an independent review of every EHC plan issued in the last two years that " \
  "names a special school place, checking each against the SEND Code of Practice, and " \
  "report the findings, with a plan agreed with families for every plan found wanting, " \
  "to the SEND Improvement Board and the parent carer forum before the end of the term."

/* A column's width as drawn: its header's, which GTK gives every column's width. */
static int
column_width (Fixture    *f,
              const char *title)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (column_view_of (f)));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_false (GTK_IS_LIST_VIEW (header));
  collect_of_type (header, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), title))
      {
        GtkWidget *button = labels->pdata[i];

        while (gtk_widget_get_parent (button) != header)
          button = gtk_widget_get_parent (button);
        return gtk_widget_get_width (button);
      }
  g_assert_not_reached ();
}

typedef struct {
  Fixture *f;
  const char *text;
  GtkLabel *label;
} LabelShown;

/* A label in the table's rows, shown, with exactly that text. */
static gboolean
label_shown (gpointer data)
{
  LabelShown *shown = data;
  GtkWidget *list = find_of_type (GTK_WIDGET (column_view_of (shown->f)), GTK_TYPE_LIST_VIEW,
                                  NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  shown->label = NULL;
  collect_of_type (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len && shown->label == NULL; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), shown->text) == 0)
      shown->label = labels->pdata[i];
  return shown->label != NULL;
}

static void
test_action_shows_three_lines (Fixture       *f,
                               gconstpointer  data)
{
  PathwayAction *action = shown_action (f, 0);
  g_autoptr(GError) error = NULL;
  LabelShown shown = { f, LONG_ACTION, NULL };
  g_autoptr(PangoLayout) three_lines = NULL;
  PangoLayout *layout;
  int three_lines_height, height;

  g_assert_true (pathway_document_set_text (f->document, action, "description", LONG_ACTION,
                                            &error));
  g_assert_no_error (error);
  wait_for ("the long action to be shown", label_shown, &shown);
  wait_for_drawn (f->window);
  g_assert_true (label_shown (&shown));

  /* Three lines of it, the rest cut short at the end of the third. */
  layout = gtk_label_get_layout (shown.label);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 3);
  g_assert_true (pango_layout_is_ellipsized (layout));
  three_lines = gtk_widget_create_pango_layout (GTK_WIDGET (shown.label), "Agree\nthe\nplan");
  pango_layout_get_pixel_size (three_lines, NULL, &three_lines_height);
  pango_layout_get_pixel_size (layout, NULL, &height);
  g_assert_cmpint (height, >=, three_lines_height - 2);
  /* The row has grown to hold them. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (shown.label)), >=, height);
  /* And the column has the room: the widest but for the commentary's, which shares it. */
  {
    GListModel *columns = gtk_column_view_get_columns (column_view_of (f));
    int action_width = column_width (f, "Action");

    g_assert_true (gtk_column_view_column_get_visible (column_titled (f, "Latest Commentary")));
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        const char *title = gtk_column_view_column_get_title (column);

        if (gtk_column_view_column_get_visible (column) && !g_str_equal (title, "Action") &&
            !g_str_equal (title, "Latest Commentary"))
          g_assert_cmpint (column_width (f, title), <, action_width);
      }
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown.label)), >=, 250);
  }
}

static void
test_workstream_shows_code (Fixture       *f,
                            gconstpointer  data)
{
  PathwayAction *action = shown_action (f, 0);
  PathwayWorkstream *workstream = pathway_action_get_workstream (action);
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();
  g_autofree char *name = NULL;
  GtkWidget *cell = NULL;

  g_assert_nonnull (workstream);
  g_assert_cmpstr (pathway_workstream_get_code (workstream), !=, "");
  g_assert_true (gtk_column_view_column_get_visible (column_titled (f, "WS")));

  /* The first cell showing the code carries the title as tooltip and in its name. */
  collect_of_type (GTK_WIDGET (column_view_of (f)), GTK_TYPE_INSCRIPTION, inscriptions);
  for (guint i = 0; i < inscriptions->len && cell == NULL; i++)
    if (gtk_widget_get_mapped (inscriptions->pdata[i]) &&
        g_strcmp0 (gtk_inscription_get_text (inscriptions->pdata[i]),
                   pathway_workstream_get_code (workstream)) == 0)
      cell = inscriptions->pdata[i];
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==,
                   pathway_workstream_get_title (workstream));
  name = g_strdup_printf ("%s, %s", pathway_workstream_get_code (workstream),
                          pathway_workstream_get_title (workstream));
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  /* Narrow: no wider than a few letters and its header. */
  g_assert_cmpint (gtk_widget_get_width (cell), <, 60);
}

/* Columns as the person left them ------------------------------------------------------------- */

static guint
column_position (Fixture    *f,
                 const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
shown (Fixture    *f,
       const char *title)
{
  return gtk_column_view_column_get_visible (column_titled (f, title));
}

static void
test_columns_survive_restart (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.pathway.Pathway");
  g_auto(GStrv) kept = NULL;
  GtkWidget *button;
  GMenuModel *menu;

  /* The default: the theme and the last update are a menu away. */
  g_assert_true (shown (f, "Lead"));
  g_assert_false (shown (f, "Theme"));
  g_assert_false (shown (f, "Last Update"));
  g_assert_true (shown (f, "Latest Commentary"));
  g_assert_cmpuint (column_position (f, "Action"), ==, 1);

  /* Every header's menu and the Columns button offer a check for each column, and Reset. */
  button = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_column_view_column_get_header_menu (column_titled (f, "Lead")) == menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0,
                                                                         G_MENU_LINK_SECTION)),
                   ==, 11);
  g_object_unref (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION));
  g_assert_true (gtk_column_view_get_reorderable (column_view_of (f)));
  g_assert_true (gtk_column_view_column_get_resizable (column_titled (f, "Action")));

  /* Hidden and shown from the menu, moved and widened as by dragging. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-lead", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-theme", NULL);
  g_assert_false (shown (f, "Lead"));
  g_assert_true (shown (f, "Theme"));
  gtk_column_view_insert_column (column_view_of (f), 1, column_titled (f, "Rating"));
  gtk_column_view_column_set_fixed_width (column_titled (f, "Action"), 420);

  /* Closed, the arrangement is kept for the person... */
  destroy_window (f->window);
  kept = g_settings_get_strv (settings, "tracker-columns");
  g_assert_cmpuint (g_strv_length (kept), ==, 11);
  g_assert_cmpstr (kept[0], ==, "reference:-1:true");
  g_assert_cmpstr (kept[1], ==, "rating:-1:true");
  g_assert_cmpstr (kept[2], ==, "action:420:true");
  g_assert_true (g_strv_contains ((const char *const *) kept, "lead:-1:false"));
  g_assert_true (g_strv_contains ((const char *const *) kept, "theme:-1:true"));

  /* ...and comes back in the next window. */
  make_window (f);
  g_assert_cmpuint (column_position (f, "Rating"), ==, 1);
  g_assert_cmpuint (column_position (f, "Action"), ==, 2);
  g_assert_false (shown (f, "Lead"));
  g_assert_true (shown (f, "Theme"));
  g_assert_true (shown (f, "Latest Commentary"));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (f, "Action")), ==, 420);

  /* Reset puts the default back, and keeps it as no arrangement at all. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.reset", NULL);
  g_assert_cmpuint (column_position (f, "Action"), ==, 1);
  g_assert_cmpuint (column_position (f, "Rating"), ==, 7);
  g_assert_true (shown (f, "Lead"));
  g_assert_false (shown (f, "Theme"));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (f, "Action")), ==, -1);
  destroy_window (f->window);
  g_clear_pointer (&kept, g_strfreev);
  kept = g_settings_get_strv (settings, "tracker-columns");
  g_assert_cmpuint (g_strv_length (kept), ==, 0);
  make_window (f);
}

/* A layout kept by an older version, before the commentary had a column, and with entries
 * no version wrote: what it names is applied, the new column takes its default place, nothing
 * malformed gets in. */
static void
test_columns_read_tolerantly (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.pathway.Pathway");
  const char *const kept[] = {
    "status:-1:true", "reference:-1:true", "no-such-column:80:true", "action:300:true",
    "workstream:-1:true", "theme:120:true", "lead:-1:false", "original:-1:true",
    "revised:-1:true", "rating:abc:false", "last-update:90", "status:200:false", NULL,
  };

  destroy_window (f->window);
  g_settings_set_strv (settings, "tracker-columns", kept);
  make_window (f);

  g_assert_cmpuint (column_position (f, "Status"), ==, 0);
  g_assert_cmpuint (column_position (f, "Ref"), ==, 1);
  g_assert_cmpuint (column_position (f, "Action"), ==, 2);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (f, "Action")), ==, 300);
  g_assert_true (shown (f, "Theme"));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (f, "Theme")), ==, 120);
  g_assert_false (shown (f, "Lead"));
  /* Named once only: the second "status" is passed over. */
  g_assert_true (shown (f, "Status"));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (f, "Status")), ==, -1);
  /* Not named in a form this version reads: as by default, in their default places. */
  g_assert_true (shown (f, "Rating"));
  g_assert_cmpuint (column_position (f, "Rating"), ==, 7);
  g_assert_false (shown (f, "Last Update"));
  g_assert_true (shown (f, "Latest Commentary"));
  g_assert_cmpuint (column_position (f, "Latest Commentary"), ==, 10);
}

/* Why a row matched ---------------------------------------------------------------------------- */

typedef struct {
  Fixture *f;
  GtkLabel *label;
} ReasonShown;

/* The one reason shown in the table, if any. */
static gboolean
reason_shown (gpointer data)
{
  ReasonShown *shown = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  shown->label = NULL;
  collect_of_type (GTK_WIDGET (column_view_of (shown->f)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "match-reason") &&
        gtk_widget_get_mapped (labels->pdata[i]))
      {
        g_assert_null (shown->label);
        shown->label = labels->pdata[i];
      }
  return shown->label != NULL;
}

static gboolean
no_reason_shown (gpointer data)
{
  return !reason_shown (data);
}

/* The bold part of the reason, where the search found its word. */
static char *
dup_bold_text (GtkLabel *label)
{
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  g_autoptr(GSList) list = attributes != NULL ? pango_attr_list_get_attributes (attributes)
                                              : NULL;
  char *bold = NULL;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_WEIGHT && bold == NULL)
        bold = g_strndup (gtk_label_get_text (label) + attribute->start_index,
                          attribute->end_index - attribute->start_index);
      pango_attribute_destroy (attribute);
    }
  return bold;
}

static void
search_for (Fixture    *f,
            const char *text,
            guint       expected)
{
  pathway_actions_view_set_search (f->view, text);
  g_assert_cmpuint (pathway_actions_view_get_n_shown (f->view), ==, expected);
}

static void
test_search_says_why (Fixture       *f,
                      gconstpointer  data)
{
  PathwayAction *action = shown_action (f, 0);
  g_autoptr(GError) error = NULL;
  ReasonShown reason = { f, NULL };
  g_autofree char *bold = NULL;

  g_assert_true (pathway_document_set_text (f->document, action, "recovery-plan",
                                            "The <b>Quokka</b> team & \"friends\" will run a "
                                            "second panel from January.", &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_commentary (f->document, action,
                                                  "Waiting for the wombat survey.", &error));
  g_assert_no_error (error);
  drain_main_loop ();

  /* Found where no column shows: the row says where, the user's text as written. */
  search_for (f, "quokka", 1);
  wait_for ("the reason the action was found to be shown", reason_shown, &reason);
  g_assert_cmpstr (gtk_label_get_text (reason.label), ==,
                   "Matched in the recovery plan: The <b>Quokka</b> team & \"friends\" will run "
                   "a second panel from January.");
  bold = dup_bold_text (reason.label);
  g_assert_cmpstr (bold, ==, "Quokka");

  /* Found in a column shown: nothing to say. */
  search_for (f, "wombat", 1);
  wait_for ("no reason for an action found by its commentary, shown", no_reason_shown, &reason);

  /* The commentary's column hidden, the commentary is named; shown again, it is not. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-commentary", NULL);
  g_assert_false (shown (f, "Latest Commentary"));
  wait_for ("the commentary to be named once its column is hidden", reason_shown, &reason);
  g_assert_cmpstr (gtk_label_get_text (reason.label), ==,
                   "Matched in commentary: Waiting for the wombat survey.");
  /* Every word must be in view for no reason to be given. */
  search_for (f, "survey quokka", 1);
  wait_for ("a reason for two words found out of view", reason_shown, &reason);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (reason.label), "Matched in commentary: "));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-commentary", NULL);
  wait_for ("the recovery plan to be named with the commentary shown", reason_shown, &reason);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (reason.label),
                                   "Matched in the recovery plan: "));

  pathway_actions_view_clear_filters (f->view);
  wait_for ("no reason once the search is cleared", no_reason_shown, &reason);
}

/* The words around a match in a long text, cut at spaces, "…" where the text goes on. */
static void
test_match_reason_excerpt (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PathwayActionFilter) filter = pathway_action_filter_new ();
  PathwayAction *action = shown_action (f, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  guint start = 0, end = 0;
  guint all_but_commentary = ((1u << PATHWAY_N_ACTION_COLUMNS) - 1)
                             & ~(1u << PATHWAY_ACTION_COLUMN_COMMENTARY);

  g_assert_true (pathway_document_set_commentary (f->document, action,
                                                  "The panel met in September and October. "
                                                  "Attendance from health partners improved, "
                                                  "and the backlog of\n\nassessments   waiting "
                                                  "over twenty weeks fell from 140 to 96; the "
                                                  "next step is a second panel in the spring, "
                                                  "subject to funding agreed by the board.",
                                                  &error));
  g_assert_no_error (error);
  pathway_action_filter_set_programme (filter, programme_of (f));
  pathway_action_filter_set_search (filter, "ASSESSMENTS");
  reason = pathway_action_filter_dup_match_reason (filter, action, all_but_commentary, &start,
                                                   &end);
  g_assert_cmpstr (reason, ==,
                   "Matched in commentary: …and the backlog of assessments waiting "
                   "over twenty weeks fell from 140 to 96; the next step is a second panel in "
                   "the…");
  g_assert_cmpuint (end - start, ==, strlen ("assessments"));
  g_assert_true (strncmp (reason + start, "assessments", end - start) == 0);

  /* With the commentary in view, there is nothing to explain. */
  g_clear_pointer (&reason, g_free);
  reason = pathway_action_filter_dup_match_reason (filter, action,
                                                   (1u << PATHWAY_N_ACTION_COLUMNS) - 1, NULL,
                                                   NULL);
  g_assert_null (reason);
  pathway_action_filter_set_search (filter, NULL);
  reason = pathway_action_filter_dup_match_reason (filter, action, 0, NULL, NULL);
  g_assert_null (reason);
  pathway_action_filter_set_programme (filter, NULL);
}

/* Dates sort by the day they mean --------------------------------------------------------------- */

static char *
dup_timescale_day (PathwayAction *action,
                   gboolean       revised)
{
  return pathway_timescale_dup_iso_date (revised ? pathway_action_get_revised_timescale (action)
                                                 : pathway_action_get_original_timescale (action));
}

/* Dated timescales in order of their days, then the undated; and not in order of their words,
 * which would put "December 2025" before "March 2025". */
static void
check_timescale_order (Fixture  *f,
                       gboolean  revised,
                       int       direction)
{
  GListModel *shown_actions = pathway_actions_view_get_shown (f->view);
  guint n = g_list_model_get_n_items (shown_actions);
  g_autofree char *previous_day = NULL;
  g_autofree char *previous_text = NULL;
  gboolean undated_seen = FALSE;
  guint out_of_word_order = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown_actions, i);
      g_autofree char *day = dup_timescale_day (action, revised);
      const PathwayTimescale *timescale = revised
                                            ? pathway_action_get_revised_timescale (action)
                                            : pathway_action_get_original_timescale (action);
      g_autofree char *text = pathway_timescale_dup_display (timescale);

      if (direction > 0)
        {
          if (day == NULL)
            undated_seen = TRUE;
          else
            g_assert_false (undated_seen);
        }
      if (day != NULL && previous_day != NULL)
        g_assert_cmpint (strcmp (previous_day, day) * direction, <=, 0);
      if (day != NULL && previous_day != NULL && previous_text != NULL &&
          g_utf8_collate (previous_text, text) * direction > 0)
        out_of_word_order++;
      if (day != NULL)
        {
          g_free (previous_day);
          previous_day = g_steal_pointer (&day);
          g_free (previous_text);
          previous_text = g_steal_pointer (&text);
        }
    }
  g_assert_cmpuint (out_of_word_order, >, 0);
}

/* When each action's commentary was last written, from its history. */
static gint64
commentary_written (Fixture       *f,
                    PathwayAction *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) updates = pathway_document_list_updates (f->document, action, &error);
  gint64 at = 0;

  g_assert_no_error (error);
  if (*pathway_action_get_commentary (action) == '\0')
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == PATHWAY_FIELD_COMMENTARY)
        at = g_date_time_to_unix (pathway_action_update_get_at (update));
    }
  return at;
}

static void
check_commentary_order (Fixture *f)
{
  GListModel *shown_actions = pathway_actions_view_get_shown (f->view);
  gint64 previous = 0;
  gboolean none_seen = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shown_actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown_actions, i);
      gint64 at = commentary_written (f, action);

      if (at == 0)
        none_seen = TRUE;
      else
        {
          g_assert_false (none_seen);
          g_assert_cmpint (previous, <=, at);
          previous = at;
        }
    }
}

typedef struct {
  Fixture *f;
  PathwayAction *action;
} IsLast;

static gboolean
is_last_commented (gpointer data)
{
  IsLast *is = data;
  GListModel *shown_actions = pathway_actions_view_get_shown (is->f->view);
  guint last = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown_actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown_actions, i);

      if (*pathway_action_get_commentary (action) != '\0')
        last = i;
    }
  {
    g_autoptr(PathwayAction) action = g_list_model_get_item (shown_actions, last);

    return action == is->action;
  }
}

static void
test_sorts_dates_by_meaning (Fixture       *f,
                             gconstpointer  data)
{
  GtkColumnView *column_view = column_view_of (f);
  GListModel *shown_actions = pathway_actions_view_get_shown (f->view);
  g_autoptr(PathwayTimescale) september = pathway_timescale_parse ("September 2027");
  g_autoptr(PathwayTimescale) march = pathway_timescale_parse ("March 2028");
  g_autoptr(PathwayAction) first = g_object_ref (shown_action (f, 0));
  g_autoptr(PathwayAction) second = g_object_ref (shown_action (f, 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *shown_text = NULL;
  IsLast is = { f, NULL };
  LabelShown label = { f, NULL, NULL };

  /* Two revisions whose words sort the other way from their days. */
  g_assert_true (pathway_document_revise_timescale (f->document, first, march, "Slipped",
                                                    NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_revise_timescale (f->document, second, september, "Slipped",
                                                    NULL, NULL, &error));
  g_assert_no_error (error);
  drain_main_loop ();

  gtk_column_view_sort_by_column (column_view, column_titled (f, "Original"), GTK_SORT_ASCENDING);
  check_timescale_order (f, FALSE, 1);
  gtk_column_view_sort_by_column (column_view, column_titled (f, "Original"),
                                  GTK_SORT_DESCENDING);
  check_timescale_order (f, FALSE, -1);
  gtk_column_view_sort_by_column (column_view, column_titled (f, "Revised"), GTK_SORT_ASCENDING);
  check_timescale_order (f, TRUE, 1);
  {
    guint at_first = G_MAXUINT, at_second = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (shown_actions); i++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (shown_actions, i);

        if (action == first)
          at_first = i;
        if (action == second)
          at_second = i;
      }
    g_assert_cmpuint (at_second, <, at_first);
  }

  /* The commentary by the day it was written, not by its words. */
  gtk_column_view_sort_by_column (column_view, column_titled (f, "Latest Commentary"),
                                  GTK_SORT_ASCENDING);
  check_commentary_order (f);

  /* Written now, the oldest goes last, showing today's date. */
  is.action = g_object_ref (shown_action (f, 0));
  g_assert_true (pathway_document_set_commentary (f->document, is.action,
                                                  "Rewritten today after the review.", &error));
  g_assert_no_error (error);
  wait_for ("the commentary written now to sort last", is_last_commented, &is);
  check_commentary_order (f);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%-d %b %Y");
  shown_text = g_strconcat (today, "\u2003", "Rewritten today after the review.", NULL);
  label.text = shown_text;
  gtk_column_view_sort_by_column (column_view, column_titled (f, "Latest Commentary"),
                                  GTK_SORT_DESCENDING);
  wait_for ("the commentary to show the day it was written", label_shown, &label);
  g_object_unref (is.action);
}

static void
save_sized_png (Fixture    *f,
                const char *folder,
                const char *what,
                int         width,
                int         height,
                gboolean    dark)
{
  g_autofree char *name = g_strdup_printf ("actions-%s%s%dx%d-%s.png", what, *what ? "-" : "",
                                           width, height, dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s: the screen is %dx%d", name, screen.width, screen.height);
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (f->window, width, height);
  gtk_window_present (f->window);
  wait_for_window_size (f->window, width, height);
  save_png (f->window, path);
  g_test_message ("saved %s", path);
}

/* The workstream drop-down open, to see its list. */
static void
save_open_drop_down (Fixture    *f,
                     const char *folder)
{
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (folder, "actions-workstream-list-light.png",
                                            NULL);
  GtkWidget *toggle;
  GtkWidget *popover;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, drop_downs);
  toggle = find_of_type (drop_downs->pdata[1], GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  popover = find_of_type (drop_downs->pdata[1], GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  wait_for_mapped (popover);
  /* A popover is a surface of its own, outside the window's picture. */
  save_png (popover, path);
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_for_unmapped (popover);
}

/* The Columns button's menu open. */
static void
save_open_columns_menu (Fixture    *f,
                        const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "actions-columns-menu-light.png", NULL);
  GtkWidget *button = find_of_type (GTK_WIDGET (f->view), GTK_TYPE_MENU_BUTTON, NULL);
  GtkPopover *popover;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  wait_for_mapped (popover);
  save_png (GTK_WIDGET (popover), path);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  wait_for_unmapped (popover);
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (int dark = 0; dark <= 1; dark++)
    {
      pathway_actions_view_clear_filters (f->view);
      save_sized_png (f, folder, "", 1280, 800, dark);
      save_sized_png (f, folder, "", 1024, 768, dark);
      pathway_actions_view_apply_preset (f->view, "red");
      save_sized_png (f, folder, "red", 1280, 800, dark);
      pathway_actions_view_set_search (f->view, "nothing like this");
      save_sized_png (f, folder, "none-match", 1280, 800, dark);
      pathway_actions_view_apply_preset (f->view, "stale");
      save_sized_png (f, folder, "stale", 1280, 800, dark);
      /* Words found where no column shows them: each row says where. */
      pathway_actions_view_clear_filters (f->view);
      pathway_actions_view_set_search (f->view, "local offer");
      save_sized_png (f, folder, "search", 1280, 800, dark);
      save_sized_png (f, folder, "search", 1024, 768, dark);
    }
  pathway_actions_view_clear_filters (f->view);
  save_open_drop_down (f, folder);
  save_open_columns_menu (f, folder);
  /* Every column shown, as a person may choose. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-theme", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-last-update", NULL);
  if (!gtk_column_view_column_get_visible (column_titled (f, "Latest Commentary")))
    gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.show-commentary", NULL);
  save_sized_png (f, folder, "all-columns", 1280, 800, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "columns.reset", NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Row names ------------------------------------------------------------------------------------ */

static GtkWidget *
list_view_of (Fixture *f)
{
  GtkWidget *list = find_of_type (GTK_WIDGET (column_view_of (f)), GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (list);
  return list;
}

/* The row of the table showing the action with this reference, or NULL. */
static GtkWidget *
row_of_reference (Fixture    *f,
                  const char *reference)
{
  GtkWidget *list = list_view_of (f);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *first = find_of_type (row, GTK_TYPE_INSCRIPTION, NULL);

      if (g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0 && first != NULL
          && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (first)), reference) == 0)
        return row;
    }
  return NULL;
}

/* What the row should say, put together here from the action's own parts. */
static char *
expected_row_name (Fixture       *f,
                   PathwayAction *action)
{
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme_of (f));
  PathwayPerson *lead = pathway_action_get_lead (action);
  g_autofree char *due = pathway_timescale_dup_display (pathway_action_get_due_timescale (action));
  GString *name = g_string_new (NULL);
  GDate day;

  today (&day);
  g_string_append_printf (name, "%s, %s, %s", pathway_action_get_reference (action),
                          pathway_action_get_description (action),
                          pathway_rating_scheme_get_label (scheme,
                                                           pathway_action_get_rating (action)));
  if (lead != NULL)
    g_string_append_printf (name, ", lead %s", pathway_person_get_name (lead));
  if (*due != '\0')
    g_string_append_printf (name, ", due %s", due);
  if (pathway_action_is_overdue (action, &day))
    g_string_append (name, ", overdue");
  return g_string_free (name, FALSE);
}

typedef struct {
  Fixture *f;
  PathwayAction *action;
  char *error;
} RowNamed;

static gboolean
row_named (gpointer data)
{
  RowNamed *named = data;
  GtkWidget *row = row_of_reference (named->f, pathway_action_get_reference (named->action));
  g_autofree char *expected = expected_row_name (named->f, named->action);

  g_clear_pointer (&named->error, g_free);
  if (row == NULL)
    {
      named->error = g_strdup ("no row");
      return FALSE;
    }
  named->error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  return named->error == NULL;
}

/* Every row in view reads as a person would say it, reference to "overdue", and says the new
 * rating as soon as the action is re-rated. */
static void
test_rows_read_as_said (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *shown = pathway_actions_view_get_shown (f->view);
  g_autoptr(GError) error = NULL;
  RowNamed named = { f, NULL, NULL };
  guint checked = 0, overdue = 0;
  GDate day;

  today (&day);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (shown, i);

      if (row_of_reference (f, pathway_action_get_reference (action)) == NULL)
        continue;
      named.action = action;
      if (!row_named (&named))
        g_error ("Row %s: %s", pathway_action_get_reference (action), named.error);
      checked++;
      if (pathway_action_is_overdue (action, &day))
        overdue++;
    }
  g_assert_cmpuint (checked, >=, 5);

  /* The first action shown, re-rated: its row says the new word. */
  named.action = shown_action (f, 0);
  g_assert_true (pathway_document_set_rating (f->document, named.action,
                                              pathway_action_get_rating (named.action)
                                                == PATHWAY_RATING_RED ? PATHWAY_RATING_GREEN
                                                                      : PATHWAY_RATING_RED,
                                              "Re-rated", &error));
  g_assert_no_error (error);
  wait_for ("the re-rated row to say its new rating", row_named, &named);
  g_assert_true (pathway_document_undo (f->document, &error));
  g_assert_no_error (error);
  wait_for ("the row to say its rating again when undone", row_named, &named);
  g_free (named.error);
}

/* Keyboard ------------------------------------------------------------------------------------- */

static gboolean
focus_within (GtkWidget *root,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The table is one Tab stop: Tab from the control before it enters it, the arrows move from
 * row to row inside, and one Tab or Shift+Tab leaves it for the controls after and before. */
static void
test_table_is_one_tab_stop (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *table = GTK_WIDGET (column_view_of (f));
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  GtkWidget *before = NULL;
  GtkWidget *after = gtk_button_new_with_label ("After");
  GtkWidget *first_row;

  /* A control after the view, for Tab to go to. */
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (f->view))), after);
  wait_for_drawn (f->window);
  /* "Overdue Only", the toolbar's last control shown, is the one before the table. */
  collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), "_Overdue Only") == 0)
      before = toggles->pdata[i];
  g_assert_nonnull (before);
  g_assert_true (gtk_widget_grab_focus (before));

  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, 0));
  g_assert_true (focus_within (root, table));
  first_row = gtk_root_get_focus (GTK_ROOT (root));

  g_assert_true (ui_test_press_key (root, GDK_KEY_Down, 0));
  g_assert_true (focus_within (root, table));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) != first_row);

  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, 0));
  g_assert_true (focus_within (root, after));

  /* Back in, where the arrows left it, and out backwards in one press. */
  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (focus_within (root, table));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) != first_row);
  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (focus_within (root, before));
}

/* A filter's drop-down, and the button in it that takes the focus, say what it filters and
 * the choice made: "Rating: All ratings", then "Rating: Red". */
static void
test_filters_say_their_choice (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkWidget *rating;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *list;
  guint options = 0;
  char *error;

  collect_of_type (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 5);
  rating = drop_downs->pdata[0];
  button = find_of_type (rating, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Rating: All ratings");
  g_assert_null (error);
  pathway_actions_view_apply_preset (f->view, "red");
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Rating: Red");
  g_assert_null (error);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (rating),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Rating: Red");
  g_assert_null (error);
  pathway_actions_view_clear_filters (f->view);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Rating: All ratings");
  g_assert_null (error);

  /* Opened, its options say their text. */
  g_signal_emit_by_name (rating, "activate");
  popover = find_of_type (rating, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  wait_for_mapped (popover);
  wait_for_drawn (popover);
  list = find_of_type (popover, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list);
  for (GtkWidget *option = gtk_widget_get_first_child (list);
       option != NULL;
       option = gtk_widget_get_next_sibling (option))
    {
      GtkWidget *label = find_of_type (option, GTK_TYPE_LABEL, NULL);

      if (label == NULL || !gtk_widget_get_visible (option))
        continue;
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (option),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  gtk_label_get_text (GTK_LABEL (label)));
      if (error != NULL)
        g_error ("option %s: %s", gtk_label_get_text (GTK_LABEL (label)), error);
      options++;
    }
  g_assert_cmpuint (options, >=, 4);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The Keyboard Shortcuts window says how to leave a table: Tab and Shift+Tab. */
static void
test_shortcuts_say_how_to_leave (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/pathway/Pathway/ui/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  gboolean forwards = FALSE, backwards = FALSE;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_of_type (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      g_object_get (shortcuts->pdata[i], "accelerator", &accelerator, NULL);
      keys = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      forwards |= g_strv_contains ((const char * const *) keys, "Tab");
      backwards |= g_strv_contains ((const char * const *) keys, "<Shift>Tab");
    }
  g_assert_true (forwards);
  g_assert_true (backwards);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ui/actions-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-every-action", test_shows_every_action);
  ADD ("presets-match-programme-counts", test_presets_match_programme_counts);
  ADD ("search-narrows", test_search_narrows);
  ADD ("sorts-references-naturally", test_sorts_references_naturally);
  ADD ("shows-user-text-as-written", test_shows_user_text_as_written);
  ADD ("follows-rating-change", test_follows_rating_change);
  ADD ("follows-new-and-deleted-actions", test_follows_new_and_deleted_actions);
  ADD ("follows-replaced-programme", test_follows_replaced_programme);
  ADD ("activating-row-edits-action", test_activating_row_edits_action);
  ADD ("no-editing-when-read-only", test_no_editing_when_read_only);
  ADD ("search-has-focus-on-request", test_search_has_focus_on_request);
  ADD ("action-shows-three-lines", test_action_shows_three_lines);
  ADD ("workstream-shows-code", test_workstream_shows_code);
  ADD ("columns-survive-restart", test_columns_survive_restart);
  ADD ("columns-read-tolerantly", test_columns_read_tolerantly);
  ADD ("search-says-why", test_search_says_why);
  ADD ("match-reason-excerpt", test_match_reason_excerpt);
  ADD ("sorts-dates-by-meaning", test_sorts_dates_by_meaning);
  ADD ("rows-read-as-said", test_rows_read_as_said);
  ADD ("table-is-one-tab-stop", test_table_is_one_tab_stop);
  ADD ("filters-say-their-choice", test_filters_say_their_choice);
  ADD ("shortcuts-say-how-to-leave", test_shortcuts_say_how_to_leave);
  ADD ("saves-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
