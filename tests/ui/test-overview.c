/* test-overview.c: the Overview and Workstreams views on the demo programme, hosted in a small
 * window of the test's own with the window actions they call (win.edit-action,
 * win.filter-actions), so that what a click asks for can be checked. It proves that the
 * overview counts as the programme does and lists what needs attention, that the workstreams
 * view lists the workstreams and shows the lead and members of the one chosen, that both follow
 * changes made through the document, that the user's text shows as written, never as
 * markup, and that figures and workstream rows are read with their values. With
 * PATHWAY_SCREENSHOT_DIR set it saves PNGs of both views at 1280x800 (light and dark), at
 * 1024x768, and of the workstreams view folded on a narrow window. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-action-filter.h"
#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-overview-view.h"
#include "pathway-rating-bar.h"
#include "pathway-workstreams-view.h"

#define TRICKY_NAME "S<OT & \"SALT\" <b>x</b>"

typedef struct {
  char *dir;
  char *path;
  PathwayDocument *document;
  GtkWindow *window;
  GtkStack *stack;
  PathwayOverviewView *overview;
  PathwayWorkstreamsView *workstreams;
  /* What the views asked the window to do */
  char *last_action;
  GVariant *last_parameter;
} Fixture;

/* Widgets of that name that are shown (views keep spare rows hidden). */
static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found->len;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkLabel *
named_label (GtkWidget  *root,
             const char *name)
{
  GtkWidget *widget = named (root, name);

  g_assert_true (GTK_IS_LABEL (widget));
  return GTK_LABEL (widget);
}

/* The label a row shows its title in, found the way a person sees it. */
static GtkLabel *
row_title_label (GtkWidget *row)
{
  GtkWidget *label = find_of_type (row, GTK_TYPE_LABEL, "title");

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static gboolean
asked_to_edit (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (f->last_action, "edit-action") == 0;
}

static gboolean
asked_to_filter (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (f->last_action, "filter-actions") == 0;
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (f->document);
}

static char *
uint_text (guint value)
{
  return g_strdup_printf ("%u", value);
}

static void
record_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->last_action);
  f->last_action = g_strdup (g_action_get_name (G_ACTION (action)));
  g_clear_pointer (&f->last_parameter, g_variant_unref);
  if (parameter != NULL)
    f->last_parameter = g_variant_ref (parameter);
}

static gboolean
attention_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_is_visible (named (GTK_WIDGET (f->overview), "attention-red"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const GActionEntry entries[] = {
    { "edit-action", record_action, "x", NULL, NULL },
    { "filter-actions", record_action, "s", NULL, NULL },
    { "show-workstream", record_action, "x", NULL, NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *switcher;

  f->dir = g_dir_make_tmp ("pathway-overview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
  f->document = pathway_document_open (f->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* A window laid out as the application's: a header bar over a stack of views. */
  f->window = GTK_WINDOW (adw_window_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  f->stack = GTK_STACK (gtk_stack_new ());
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), f->stack);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (f->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->stack));
  adw_window_set_content (ADW_WINDOW (f->window), box);

  f->overview = PATHWAY_OVERVIEW_VIEW (pathway_overview_view_new ());
  f->workstreams = PATHWAY_WORKSTREAMS_VIEW (pathway_workstreams_view_new ());
  gtk_stack_add_titled (f->stack, GTK_WIDGET (f->overview), "overview", "Overview");
  gtk_stack_add_titled (f->stack, GTK_WIDGET (f->workstreams), "workstreams", "Workstreams");

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  pathway_view_set_document (PATHWAY_VIEW (f->overview), f->document);
  pathway_view_set_document (PATHWAY_VIEW (f->workstreams), f->document);

  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_present (f->window);
  wait_for_drawn (f->window);
  /* What lies below the first screen is filled on an idle after the first frame. */
  wait_for ("the Overview's Needs Attention to be filled", attention_shown, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  g_clear_object (&f->document);
  remove_tree (f->dir);
  g_clear_pointer (&f->last_parameter, g_variant_unref);
  g_free (f->last_action);
  g_free (f->path);
  g_free (f->dir);
}

/* Overview -------------------------------------------------------------------------------- */

static void
test_overview_counts_as_programme (Fixture       *f,
                                   gconstpointer  data)
{
  static const char *names[PATHWAY_N_RATINGS] = { "none", "red", "amber", "green", "blue" };
  GtkWidget *view = GTK_WIDGET (f->overview);
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autofree char *red = NULL;
  g_autofree char *total_text = NULL;
  guint total = 0;

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  g_assert_cmpuint (counts[PATHWAY_RATING_RED], >, 0);

  red = uint_text (counts[PATHWAY_RATING_RED]);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "rating-count-red")), ==, red);

  for (guint rating = 0; rating < PATHWAY_N_RATINGS; rating++)
    {
      g_autofree char *count_name = g_strdup_printf ("rating-count-%s", names[rating]);
      g_autofree char *expected = uint_text (counts[rating]);

      g_assert_cmpstr (gtk_label_get_text (named_label (view, count_name)), ==, expected);
      total += counts[rating];
    }
  total_text = uint_text (total);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "actions-count")), ==, total_text);
}

static void
test_overview_shows_programme_details (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->overview);
  PathwayProgramme *programme = programme_of (f);
  g_auto(GStrv) partners = NULL;
  g_autofree char *partner_lines = NULL;

  g_assert_cmpstr (gtk_label_get_text (named_label (view, "programme-name")), ==,
                   pathway_programme_get_name (programme));
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "local-area")), ==, "Sallowmere");
  partners = g_strsplit (pathway_programme_get_partners (programme), "; ", -1);
  partner_lines = g_strjoinv ("\n", partners);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "programme-partners")), ==,
                   partner_lines);
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "programme-inspection-date")), ==,
                   "14 March 2025");
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "programme-letter-published")), ==,
                   "9 May 2025");
  g_assert_cmpstr (gtk_label_get_text (named_label (view, "programme-plan-agreed")), ==,
                   "22 August 2025");
}

static void
test_overview_lists_red_actions (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *group = named (GTK_WIDGET (f->overview), "attention-red");
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *show_all = NULL;
  GtkWidget *button;
  PathwayAction *action;

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  collect_named (group, "attention-red-row", rows);
  g_assert_cmpuint (rows->len, ==, MIN (8, counts[PATHWAY_RATING_RED]));

  /* Each row opens its action in the editor. */
  g_assert_true (gtk_widget_activate (g_ptr_array_index (rows, 0)));
  wait_for ("the row to ask the window to edit its action", asked_to_edit, f);
  action = pathway_programme_find_action (programme_of (f),
                                          g_variant_get_int64 (f->last_parameter));
  g_assert_nonnull (action);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  g_assert_cmpstr (gtk_label_get_text (row_title_label (g_ptr_array_index (rows, 0))), ==,
                   pathway_action_get_description (action));

  /* "Show All" opens the tracker filtered to them all. */
  button = find_of_type (group, GTK_TYPE_BUTTON, "flat");
  g_assert_nonnull (button);
  show_all = g_strdup_printf ("Show All %u", counts[PATHWAY_RATING_RED]);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, show_all);
  g_signal_emit_by_name (button, "clicked");
  wait_for ("Show All to ask the window to filter the tracker", asked_to_filter, f);
  g_assert_cmpstr (g_variant_get_string (f->last_parameter, NULL), ==, "red");
}

static gboolean
overdue_listed (Fixture *f)
{
  GtkWidget *group = named (GTK_WIDGET (f->overview), "attention-overdue");
  GtkWidget *stale = named (GTK_WIDGET (f->overview), "attention-stale");

  /* Every group shows either actions or a line saying there are none. */
  return count_named (group, "attention-overdue-row") +
           gtk_widget_is_visible (find_of_type (group, GTK_TYPE_LABEL,
                                                "attention-placeholder")) >
         0 &&
         count_named (stale, "attention-stale-row") +
           gtk_widget_is_visible (find_of_type (stale, GTK_TYPE_LABEL,
                                                "attention-placeholder")) >
         0;
}

static void
test_overview_stale_follows_setting (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWidget *stale = named (GTK_WIDGET (f->overview), "attention-stale");
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) oldest = NULL;
  guint days;

  g_assert_cmpuint (pathway_view_get_stale_days (PATHWAY_VIEW (f->overview)), ==, 60);
  g_assert_true (overdue_listed (f));

  /* A period longer than the programme has existed leaves nothing stale. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      GDateTime *created = pathway_action_get_created (action);

      if (created != NULL && (oldest == NULL || g_date_time_compare (created, oldest) < 0))
        {
          g_clear_pointer (&oldest, g_date_time_unref);
          oldest = g_date_time_ref (created);
        }
    }
  g_assert_nonnull (oldest);
  days = (guint) (g_date_time_difference (now, oldest) / G_TIME_SPAN_DAY) + 2;
  pathway_view_set_stale_days (PATHWAY_VIEW (f->overview), days);
  wait_for_label_text (named_label (GTK_WIDGET (f->overview), "stale-count"), "0");
  g_assert_cmpuint (count_named (stale, "attention-stale-row"), ==, 0);
  g_assert_true (gtk_widget_is_visible (find_of_type (stale, GTK_TYPE_LABEL,
                                                      "attention-placeholder")));
  g_assert_false (gtk_widget_get_visible (find_of_type (stale, GTK_TYPE_BUTTON, "flat")));
}

static void show_workstreams (Fixture *f);

/* How many actions the tracker shows for one of the presets "Show All" opens. */
static guint
tracker_count (Fixture    *f,
               const char *preset)
{
  g_autoptr(PathwayActionFilter) filter = pathway_action_filter_new ();
  g_autoptr(GtkFilterListModel) shown = NULL;

  pathway_action_filter_set_programme (filter, programme_of (f));
  if (g_str_equal (preset, "red"))
    pathway_action_filter_set_ratings (filter, 1u << PATHWAY_RATING_RED);
  else if (g_str_equal (preset, "overdue"))
    pathway_action_filter_set_overdue_only (filter, TRUE);
  else
    {
      pathway_action_filter_set_stale_days (filter, 60);
      pathway_action_filter_set_stale_only (filter, TRUE);
    }
  shown = gtk_filter_list_model_new (g_object_ref (pathway_action_filter_get_actions (filter)),
                                     GTK_FILTER (g_object_ref (filter)));
  return g_list_model_get_n_items (G_LIST_MODEL (shown));
}

/* "Show All N" leads to the tracker filtered the same way: it finds the same N. */
static void
test_overview_counts_match_tracker (Fixture       *f,
                                    gconstpointer  data)
{
  static const char *presets[] = { "red", "overdue", "stale" };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *group_name = g_strdup_printf ("attention-%s", presets[i]);
      GtkWidget *group = named (GTK_WIDGET (f->overview), group_name);
      GtkWidget *button = find_of_type (group, GTK_TYPE_BUTTON, "flat");
      guint expected = tracker_count (f, presets[i]);
      g_autofree char *label = g_strdup_printf ("Show All %u", expected);
      g_autofree char *row_name = g_strdup_printf ("%s-row", group_name);

      g_test_message ("%s: %u", presets[i], expected);
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, label);
      g_assert_cmpuint (count_named (group, row_name), ==,
                        MIN (8, expected));
    }
}

static void
test_overview_follows_rating_change (Fixture       *f,
                                     gconstpointer  data)
{
  GListModel *actions = pathway_programme_get_actions (programme_of (f));
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autoptr(PathwayAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

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

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  expected = uint_text (counts[PATHWAY_RATING_RED]);
  wait_for_label_text (named_label (GTK_WIDGET (f->overview), "rating-count-red"), expected);
}

static gboolean
workstream_rows_shown (gpointer data)
{
  Fixture *f = data;

  return count_named (GTK_WIDGET (f->workstreams), "workstream-row") == 5;
}

/* A rolled-back batch reloads the programme: the views move to the new objects. */
static void
test_views_follow_reloaded_programme (Fixture       *f,
                                      gconstpointer  data)
{
  PathwayProgramme *before = programme_of (f);
  GListModel *actions = pathway_programme_get_actions (before);
  g_autoptr(PathwayAction) action = g_list_model_get_item (actions, 0);
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_document_begin_batch (f->document, "Import", &error));
  g_assert_no_error (error);
  /* Adding a person is taken back by reloading the whole programme. */
  pathway_person_set_name (person, "Sam Okoro");
  g_assert_true (pathway_document_add_person (f->document, person, &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_rating (f->document, action,
                                              pathway_action_get_rating (action) ==
                                                  PATHWAY_RATING_RED
                                                ? PATHWAY_RATING_GREEN
                                                : PATHWAY_RATING_RED,
                                              NULL, &error));
  g_assert_no_error (error);
  pathway_document_rollback_batch (f->document);
  g_assert_true (programme_of (f) != before);

  pathway_programme_count_ratings (programme_of (f), NULL, counts);
  expected = uint_text (counts[PATHWAY_RATING_RED]);
  wait_for_label_text (named_label (GTK_WIDGET (f->overview), "rating-count-red"), expected);

  show_workstreams (f);
  wait_for ("the five workstreams to be listed", workstream_rows_shown, f);
  pathway_workstreams_view_select (
    f->workstreams,
    pathway_workstream_get_id (pathway_programme_find_workstream_by_code (programme_of (f),
                                                                          "C")));
  g_assert_true (pathway_workstreams_view_get_selected (f->workstreams) ==
                 pathway_programme_find_workstream_by_code (programme_of (f), "C"));
}

/* Workstreams ----------------------------------------------------------------------------- */

/* Shows the Workstreams view and waits until it has been laid out and drawn. */
static void
show_workstreams (Fixture *f)
{
  gtk_stack_set_visible_child_name (f->stack, "workstreams");
  wait_for_drawn (f->workstreams);
}

static void
test_workstreams_listed (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *list;

  show_workstreams (f);
  list = named (GTK_WIDGET (f->workstreams), "workstream-list");
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_workstreams (programme_of (f))),
                    ==, 5);
  g_assert_cmpuint (count_named (list, "workstream-row"), ==, 5);
  g_assert_true (gtk_widget_is_drawable (list));
}

static void
test_workstream_shows_lead_and_members (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->workstreams);
  PathwayWorkstream *workstream =
    pathway_programme_find_workstream_by_code (programme_of (f), "A");
  GListModel *members;
  PathwayPerson *lead;
  GtkWidget *lead_row;
  GtkWidget *members_group;
  g_autofree char *member_count = NULL;
  guint counts[PATHWAY_N_RATINGS] = { 0, };
  GtkWidget *bar;

  g_assert_nonnull (workstream);
  members = pathway_workstream_get_members (workstream);
  lead = pathway_workstream_get_lead (workstream);
  g_assert_nonnull (lead);

  show_workstreams (f);
  pathway_workstreams_view_select (f->workstreams, pathway_workstream_get_id (workstream));
  wait_for_drawn (f->workstreams);
  g_assert_true (pathway_workstreams_view_get_selected (f->workstreams) == workstream);

  g_assert_cmpstr (gtk_label_get_text (named_label (view, "workstream-title")), ==,
                   pathway_workstream_get_title (workstream));
  lead_row = named (view, "workstream-lead");
  g_assert_cmpstr (gtk_label_get_text (row_title_label (lead_row)), ==,
                   pathway_person_get_name (lead));
  g_assert_true (gtk_widget_is_drawable (lead_row));

  members_group = named (view, "workstream-members");
  g_assert_cmpuint (g_list_model_get_n_items (members), >, 0);
  g_assert_cmpuint (count_named (members_group, "workstream-member-row"), ==,
                    g_list_model_get_n_items (members));
  member_count = g_strdup_printf ("%u members", g_list_model_get_n_items (members));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (members_group)),
                   ==, member_count);

  /* Its actions, and the bar of their ratings in words. */
  pathway_programme_count_ratings (programme_of (f), workstream, counts);
  g_assert_cmpuint (count_named (view, "workstream-action-row"), ==,
                    MIN (100, counts[0] + counts[1] + counts[2] + counts[3] + counts[4]));
  bar = find_of_type (named (view, "workstream-list"), PATHWAY_TYPE_RATING_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_cmpuint (pathway_rating_bar_get_count (PATHWAY_RATING_BAR (bar), PATHWAY_RATING_RED),
                    ==, counts[PATHWAY_RATING_RED]);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bar), ==,
                   pathway_rating_bar_get_summary (PATHWAY_RATING_BAR (bar)));
  {
    PathwayWorkstream *first = pathway_programme_find_workstream_by_code (programme_of (f), "A");
    guint first_counts[PATHWAY_N_RATINGS] = { 0, };
    g_autofree char *summary = NULL;

    /* The first row's bar is workstream A's, and says its counts in words. */
    pathway_programme_count_ratings (programme_of (f), first, first_counts);
    summary = g_strdup_printf ("%u red, %u amber, %u green", first_counts[PATHWAY_RATING_RED],
                               first_counts[PATHWAY_RATING_AMBER],
                               first_counts[PATHWAY_RATING_GREEN]);
    g_assert_cmpstr (pathway_rating_bar_get_summary (PATHWAY_RATING_BAR (bar)), ==, summary);
  }
}

static void
test_workstream_action_opens_editor (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWidget *row;
  PathwayAction *action;

  show_workstreams (f);
  row = named (GTK_WIDGET (f->workstreams), "workstream-action-row");
  g_assert_true (gtk_widget_activate (row));
  wait_for ("the row to ask the window to edit its action", asked_to_edit, f);
  action = pathway_programme_find_action (programme_of (f),
                                          g_variant_get_int64 (f->last_parameter));
  g_assert_nonnull (action);
  g_assert_true (pathway_action_get_workstream (action) ==
                 pathway_workstreams_view_get_selected (f->workstreams));
}

static void
test_empty_programme (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "New.pathway", NULL);
  g_autoptr(PathwayDocument) empty = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *status;

  empty = pathway_document_create (path, "New programme", &error);
  g_assert_no_error (error);

  pathway_view_set_document (PATHWAY_VIEW (f->workstreams), empty);
  pathway_view_set_document (PATHWAY_VIEW (f->overview), empty);
  show_workstreams (f);

  status = find_of_type (GTK_WIDGET (f->workstreams), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_drawable (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "No Workstreams Yet");
  gtk_stack_set_visible_child_name (f->stack, "overview");
  /* Without actions, the overview says how to set the programme up (test-empty-states.c). */
  wait_for_mapped (named (GTK_WIDGET (f->overview), "overview-setup"));

  pathway_view_set_document (PATHWAY_VIEW (f->workstreams), NULL);
  pathway_view_set_document (PATHWAY_VIEW (f->overview), NULL);
}

/* Text is text ---------------------------------------------------------------------------- */

static gboolean
first_workstream_row_reads (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = named (GTK_WIDGET (f->workstreams), "workstream-row");
  GtkWidget *title = find_of_type (row, GTK_TYPE_LABEL, "workstream-row-title");

  return title != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (title)), TRICKY_NAME) == 0;
}

/* The rows of a group may be made again on a refresh: found afresh each time. */
static gboolean
first_red_row_reads (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = named (named (GTK_WIDGET (f->overview), "attention-red"), "attention-red-row");

  return g_strcmp0 (gtk_label_get_text (row_title_label (row)), TRICKY_NAME) == 0;
}

static void
test_user_text_as_written (Fixture       *f,
                           gconstpointer  data)
{
  PathwayProgramme *programme = programme_of (f);
  PathwayWorkstream *workstream = pathway_programme_find_workstream_by_code (programme, "A");
  GtkLabel *name;
  GtkLabel *title;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_document_set_text (f->document, programme, "name", TRICKY_NAME,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (pathway_document_set_text (f->document, workstream, "title", TRICKY_NAME,
                                            &error));
  g_assert_no_error (error);

  name = named_label (GTK_WIDGET (f->overview), "programme-name");
  wait_for_label_text (name, TRICKY_NAME);
  g_assert_false (gtk_label_get_use_markup (name));
  g_assert_cmpstr (gtk_label_get_label (name), ==, TRICKY_NAME);

  show_workstreams (f);
  pathway_workstreams_view_select (f->workstreams, pathway_workstream_get_id (workstream));
  title = named_label (GTK_WIDGET (f->workstreams), "workstream-title");
  wait_for_label_text (title, TRICKY_NAME);
  g_assert_false (gtk_label_get_use_markup (title));

  /* And in the list, where the row's title is a label of its own. */
  wait_for ("the first workstream row to show the new title", first_workstream_row_reads, f);
  row = named (GTK_WIDGET (f->workstreams), "workstream-row");
  g_assert_nonnull (find_of_type (row, GTK_TYPE_LABEL, "workstream-row-title"));
  title = GTK_LABEL (find_of_type (row, GTK_TYPE_LABEL, "workstream-row-title"));
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_cmpstr (gtk_label_get_text (title), ==, TRICKY_NAME);
}

static void
test_red_action_text_as_written (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *group = named (GTK_WIDGET (f->overview), "attention-red");
  GtkWidget *row = named (group, "attention-red-row");
  PathwayAction *action;
  GtkLabel *title;
  g_autoptr(GError) error = NULL;

  action = pathway_programme_find_action (
    programme_of (f), g_variant_get_int64 (gtk_actionable_get_action_target_value (
                        GTK_ACTIONABLE (row))));
  g_assert_nonnull (action);
  g_assert_true (pathway_document_set_text (f->document, action, "description", TRICKY_NAME,
                                            &error));
  g_assert_no_error (error);

  wait_for ("the first red action's row to show the new description", first_red_row_reads, f);
  row = named (group, "attention-red-row");
  title = row_title_label (row);
  g_assert_false (gtk_label_get_use_markup (title));
}

/* Screenshots ----------------------------------------------------------------------------- */

/* The whole length of a view's scrolled page, on the light window background, to look at
 * what lies below the fold. */
static GtkWidget *
find_mapped_clamp (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (ADW_IS_CLAMP (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_clamp (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_page_png (GtkWidget  *view,
               const char *path)
{
  GtkWidget *page = find_mapped_clamp (view);
  g_autoptr(GskRenderNode) picture = wait_for_picture (page);
  int width = gtk_widget_get_width (page);
  int height = gtk_widget_get_height (page);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA background = { 0.98, 0.98, 0.98, 1.0 };

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_node (snapshot, picture);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (view)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
resize (Fixture *f,
        int      width,
        int      height)
{
  /* A mapped window keeps its size; a default size applies when it is shown again. */
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (f->window, width, height);
  gtk_window_present (f->window);
  wait_for_window_size (f->window, width, height);
}

static void
save_view (Fixture    *f,
           const char *folder,
           const char *view,
           int         width,
           int         height,
           gboolean    dark)
{
  g_autofree char *name = g_strdup_printf ("%s-%dx%d-%s.png", view, width, height,
                                           dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  /* A window is kept within its screen: run under a screen at least this big. */
  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not saving %s: the screen is %dx%d", name, screen.width, screen.height);
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_stack_set_visible_child_name (f->stack, view);
  resize (f, width, height);
  save_png (f->window, path);
  g_test_message ("saved %s", path);

  if (!dark && width == 1280)
    {
      g_autofree char *page_name = g_strdup_printf ("%s-%d-page.png", view, width);
      g_autofree char *page_path = g_build_filename (folder, page_name, NULL);

      save_page_png (gtk_stack_get_visible_child (f->stack), page_path);
    }
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  static const char *views[] = { "overview", "workstreams" };
  PathwayWorkstream *workstream =
    pathway_programme_find_workstream_by_code (programme_of (f), "B");
  GtkWidget *leaflet;

  /* Folded on a narrow window, the list and the page take turns, with a way back. */
  show_workstreams (f);
  resize (f, 560, 700);
  leaflet = find_of_type (GTK_WIDGET (f->workstreams), ADW_TYPE_LEAFLET, NULL);
  wait_for_folded (leaflet, TRUE);
  pathway_workstreams_view_select (f->workstreams, pathway_workstream_get_id (workstream));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");

  if (folder == NULL || folder[0] == '\0')
    return;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  {
    g_autofree char *path = g_build_filename (folder, "workstreams-560x700-light.png", NULL);

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
    save_png (f->window, path);
  }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      save_view (f, folder, views[i], 1280, 800, FALSE);
      save_view (f, folder, views[i], 1280, 800, TRUE);
      save_view (f, folder, views[i], 1024, 768, FALSE);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_accessible (GtkWidget             *widget,
                  GtkAccessibleProperty  property,
                  const char            *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  property, expected);

  if (mismatch != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), mismatch);
}

/* Each figure's card is read whole, heading, value and meaning; the figures are text, so Tab
 * passes them by rather than stopping in their flow box. */
static void
test_figures_read_whole (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *value = GTK_WIDGET (named_label (GTK_WIDGET (f->overview), "actions-count"));
  GtkWidget *card = gtk_widget_get_ancestor (value, GTK_TYPE_FLOW_BOX_CHILD);
  GtkWidget *flow = gtk_widget_get_ancestor (value, GTK_TYPE_FLOW_BOX);
  GtkWidget *detail = gtk_widget_get_last_child (gtk_widget_get_parent (value));
  g_autofree char *expected = NULL;

  g_assert_nonnull (card);
  g_assert_true (GTK_IS_LABEL (detail));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), !=, "");
  expected = g_strdup_printf ("Actions, %s, %s", gtk_label_get_text (GTK_LABEL (value)),
                              gtk_label_get_text (GTK_LABEL (detail)));
  check_accessible (card, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  g_assert_false (gtk_widget_get_can_focus (flow));
  g_assert_false (gtk_widget_child_focus (flow, GTK_DIR_TAB_FORWARD));
}

/* A workstream in the sidebar says who leads it and its actions by rating after its name. */
static void
test_workstream_rows_say_counts (Fixture       *f,
                                 gconstpointer  data)
{
  GListModel *workstreams = pathway_programme_get_workstreams (programme_of (f));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *list;

  show_workstreams (f);
  list = named (GTK_WIDGET (f->workstreams), "workstream-list");
  collect_named (list, "workstream-row", rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (workstreams));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);
      g_autofree char *name = g_strdup_printf ("%s: %s", pathway_workstream_get_code (workstream),
                                               pathway_workstream_get_title (workstream));
      GtkWidget *bar = find_of_type (rows->pdata[i], PATHWAY_TYPE_RATING_BAR, NULL);
      PathwayLeadOrganisation lead = pathway_workstream_get_lead_organisation (workstream);
      guint counts[PATHWAY_N_RATINGS] = { 0, };
      guint total = 0;
      g_autofree char *described = NULL;

      pathway_programme_count_ratings (programme_of (f), workstream, counts);
      for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
        total += counts[r];
      described = g_strdup_printf ("%s, %u %s: %s",
                                   lead == PATHWAY_LEAD_HEALTH ? "Led by health"
                                   : lead == PATHWAY_LEAD_JOINT
                                     ? "Led jointly by the council and health"
                                     : "Led by the council",
                                   total, total == 1 ? "action" : "actions",
                                   pathway_rating_bar_get_summary (PATHWAY_RATING_BAR (bar)));
      check_accessible (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      check_accessible (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described);
    }
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
  /* Screenshots show where things end up, not a frame of a transition on the way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/overview/counts-as-programme", test_overview_counts_as_programme);
  ADD ("/ui/overview/shows-programme-details", test_overview_shows_programme_details);
  ADD ("/ui/overview/lists-red-actions-and-opens-them", test_overview_lists_red_actions);
  ADD ("/ui/overview/stale-follows-setting", test_overview_stale_follows_setting);
  ADD ("/ui/overview/counts-match-tracker", test_overview_counts_match_tracker);
  ADD ("/ui/overview/follows-rating-change", test_overview_follows_rating_change);
  ADD ("/ui/overview/shows-action-text-as-written", test_red_action_text_as_written);
  ADD ("/ui/views/follow-reloaded-programme", test_views_follow_reloaded_programme);
  ADD ("/ui/workstreams/lists-workstreams", test_workstreams_listed);
  ADD ("/ui/workstreams/shows-lead-and-members", test_workstream_shows_lead_and_members);
  ADD ("/ui/workstreams/action-opens-editor", test_workstream_action_opens_editor);
  ADD ("/ui/workstreams/empty-programme", test_empty_programme);
  ADD ("/ui/views/show-user-text-as-written", test_user_text_as_written);
  ADD ("/ui/overview/figures-read-whole", test_figures_read_whole);
  ADD ("/ui/workstreams/rows-say-counts", test_workstream_rows_say_counts);
  ADD ("/ui/views/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
