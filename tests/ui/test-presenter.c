/* test-presenter.c: meeting mode on the demo programme (written into a temporary folder, its
 * clock set to the day of the board's meeting of 18 November 2026). It proves that the
 * default set is the red, amber, overdue and re-rated actions by workstream and reference;
 * that the keys are bindings of the presenter's actions, move between slides, and that a
 * rating key does nothing off an action; that one re-rating makes the slide once; that R
 * with a note and N with a decision become updates linked to the meeting in the file, and the
 * summary stored with the meeting lists them (with a decision about the meeting as a whole);
 * that Escape in the note throws it away; that a read-only programme writes nothing and says
 * why; that a 500-character title and 3,000 characters of commentary stay inside the slide at
 * 1024x768 and 1920x1080 (the Pango layouts measured against the allocation), with the type
 * no smaller than 32 px for the title and 24 px for the rest at 1024x768; that every demo
 * action's slide, at both sizes and with the note bar and keys open, shows its whole latest
 * commentary or at least three lines of it, and no "Overdue" beside green or blue; that a
 * rating key's note becomes the latest commentary, dated today, with due words that agree with
 * the new rating, and one undo takes it back; that user text shows as written; that every
 * slide's accessible name and description hold every piece of text it draws (an action's
 * reference, title, rating, lead, timescale, workstream, position, rating history in words and
 * commentary), that the note field is named by its prompt and labelled by it, and that the
 * meeting dialog's choices are named; and that the
 * window's Present Meeting and Present (from the tracker's filter) start it through the
 * meeting dialog. With PATHWAY_SCREENSHOT_DIR set it saves every kind of slide (and the slides
 * of 1A v, of the red action with the longest recovery plan, of the longest commentary, and
 * after re-ratings), the note bar and the summary dialog at both sizes, light and dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-actions-view.h"
#include "pathway-demo.h"
#include "pathway-document.h"
#include "pathway-presenter-chooser.h"
#include "pathway-presenter.h"
#include "pathway-reference.h"
#include "pathway-window.h"

#define TRICKY_NAME "S<OT & \"SALT\""
#define MEETING_DAY 18

typedef struct {
  char *dir;
  char *path;
  PathwayDocument *document;
  GtkWindow *parent;
  PathwayPresenter *presenter;
} Fixture;


static void
set_clock (PathwayDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, MEETING_DAY, 10, 30, 0);

  pathway_document_set_now (document, now);
}

static void
meeting_day (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, MEETING_DAY, 11, 2026);
}

static PathwayBoard *
first_board (PathwayDocument *document)
{
  GListModel *boards = pathway_programme_get_boards (pathway_document_get_programme (document));
  g_autoptr(PathwayBoard) board = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (boards), >, 0);
  board = g_list_model_get_item (boards, 0);
  return board; /* the programme keeps it */
}

/* The board's meeting on that date. */
static PathwayMeeting *
meeting_on (PathwayDocument *document, int year, int month, int day)
{
  GListModel *meetings = pathway_board_get_meetings (first_board (document));

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);
      const GDate *date = pathway_meeting_get_date (meeting);

      if (date != NULL && g_date_valid (date) && g_date_get_year (date) == year &&
          g_date_get_month (date) == (GDateMonth) month && g_date_get_day (date) == day)
        return meeting;
    }
  g_assert_not_reached ();
  return NULL;
}

static PathwayMeeting *
todays_meeting (Fixture *f)
{
  return meeting_on (f->document, 2026, 11, MEETING_DAY);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-presenter-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
  f->document = pathway_document_open (f->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  set_clock (f->document);

  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->parent, 640, 480);
  gtk_window_present (f->parent);
  wait_for_mapped (f->parent);
  pathway_presenter_set_fullscreen (FALSE);
}

static void
destroy_toplevels_but (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (f->presenter));
  g_clear_object (&f->presenter);
  destroy_toplevels_but (f->parent);
  destroy_window (f->parent);
  g_clear_object (&f->document);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Shows the presenter at that size (its own minimum, so a smaller screen does not shrink it). */
static void
show_at (PathwayPresenter *presenter, int width, int height)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (presenter)))
    gtk_widget_hide (GTK_WIDGET (presenter));
  gtk_widget_set_size_request (GTK_WIDGET (presenter), width, height);
  gtk_window_set_default_size (GTK_WINDOW (presenter), width, height);
  pathway_presenter_present (presenter, NULL);
  wait_for_window_size (presenter, width, height);
  wait_for_drawn (presenter);
}

static PathwayPresenter *
open_presenter (Fixture *f, PathwayMeeting *meeting, GListModel *actions, int width, int height)
{
  g_clear_object (&f->presenter);
  f->presenter = g_object_ref_sink (pathway_presenter_new (f->parent, f->document, meeting,
                                                           actions));
  show_at (f->presenter, width, height);
  return f->presenter;
}

/* A key pressed as GTK hands it on to bindings (ui_test_press_key). */
static gboolean
press (PathwayPresenter *presenter, guint keyval, GdkModifierType state)
{
  return ui_test_press_key (GTK_WIDGET (presenter), keyval, state);
}

/* A key, then what it left ready to run (a style update, a dialog shown); what needs the
 * slide laid out again waits for that itself. */
static gboolean
key (PathwayPresenter *presenter, guint keyval)
{
  gboolean used = press (presenter, keyval, 0);

  drain_main_loop ();
  return used;
}

static PathwayPresenterSlideKind
kind_of (PathwayPresenter *presenter)
{
  return pathway_presenter_slide_get_kind (pathway_presenter_get_slide (presenter));
}

/* The first slide of an action with that rating, or of one without when rating is negative. */
static guint
slide_rated (PathwayPresenter *presenter, int rating, gboolean equal)
{
  GListModel *actions = pathway_presenter_get_actions (presenter);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if ((pathway_action_get_rating (action) == (PathwayRating) rating) == equal)
        return i + 2;
    }
  g_assert_not_reached ();
  return 0;
}

/* The slide of the action with that reference. */
static guint
slide_of (PathwayPresenter *presenter, const char *reference)
{
  GListModel *actions = pathway_presenter_get_actions (presenter);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (g_str_equal (pathway_action_get_reference (action), reference))
        return i + 2;
    }
  g_error ("%s is not presented", reference);
  return 0;
}

/* The slide of the red action with the longest recovery plan, and of the action whose
 * commentary (with its plan) is longest. */
static guint
slide_longest (PathwayPresenter *presenter, gboolean red_with_plan)
{
  GListModel *actions = pathway_presenter_get_actions (presenter);
  gsize longest = 0;
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      gsize plan = strlen (pathway_action_get_recovery_plan (action));
      gsize length = strlen (pathway_action_get_commentary (action));

      if (pathway_action_get_rating (action) == PATHWAY_RATING_RED)
        length += plan;
      if (red_with_plan)
        length = plan;

      if (red_with_plan && pathway_action_get_rating (action) != PATHWAY_RATING_RED)
        continue;
      if (length > longest)
        {
          longest = length;
          found = i + 2;
        }
    }
  g_assert_cmpuint (found, >, 0);
  return found;
}

static void save_slide (Fixture *f, const char *folder, const char *what, int width, int height,
                        gboolean dark);

static const char *part_text (PathwayPresenterSlide *slide, const char *name);

/* Default set ------------------------------------------------------------------------------- */

static void
test_default_set (Fixture *f, gconstpointer data)
{
  PathwayProgramme *programme = pathway_document_get_programme (f->document);
  GListModel *all = pathway_programme_get_actions (programme);
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  g_autoptr(PathwayAction) last = NULL;
  guint only_changed = 0;
  GDate today, previous;

  meeting_day (&today);
  chosen = pathway_document_actions_to_present (f->document, todays_meeting (f), &today,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chosen), >, 0);

  /* The board met before on 16 September 2026. */
  g_date_clear (&previous, 1);
  g_date_set_dmy (&previous, 16, 9, 2026);
  before = pathway_document_states_as_at (f->document, &previous, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (chosen, i);

      /* By workstream, then reference, in natural order. */
      if (last != NULL)
        g_assert_cmpint (pathway_action_compare_by_workstream (last, action), <, 0);
      g_hash_table_add (listed, action);
      g_set_object (&last, action);
    }

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (all, i);
      PathwayRating rating = pathway_action_get_rating (action);
      gboolean changed = FALSE;
      gboolean wanted;

      for (guint k = 0; k < before->len; k++)
        {
          PathwayActionState *state = &g_array_index (before, PathwayActionState, k);

          if (state->action_id == pathway_action_get_id (action))
            changed = state->rating != rating;
        }
      wanted = rating == PATHWAY_RATING_RED || rating == PATHWAY_RATING_AMBER ||
               pathway_action_is_overdue (action, &today) || changed;
      if (wanted && rating != PATHWAY_RATING_RED && rating != PATHWAY_RATING_AMBER &&
          !pathway_action_is_overdue (action, &today))
        only_changed++;
      g_assert_cmpint (wanted, ==, g_hash_table_contains (listed, action));
    }
  g_test_message ("%u actions, %u of them only for a change of rating",
                  g_list_model_get_n_items (chosen), only_changed);
  g_assert_cmpuint (only_changed, >, 0);
}

/* Keys ----------------------------------------------------------------------------------------- */

static void
test_navigates_with_keys (Fixture *f, gconstpointer data)
{
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  guint last = pathway_presenter_get_n_slides (presenter) - 1;

  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 0);
  g_assert_cmpint (kind_of (presenter), ==, PATHWAY_PRESENTER_SLIDE_TITLE);

  /* Clickers send Page Down and Page Up; keyboards Right, Left and Space. */
  g_assert_true (key (presenter, GDK_KEY_Right));
  g_assert_cmpint (kind_of (presenter), ==, PATHWAY_PRESENTER_SLIDE_OVERVIEW);
  g_assert_true (key (presenter, GDK_KEY_space));
  g_assert_cmpint (kind_of (presenter), ==, PATHWAY_PRESENTER_SLIDE_ACTION);
  g_assert_nonnull (pathway_presenter_get_action (presenter));
  g_assert_true (key (presenter, GDK_KEY_Page_Down));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 3);
  g_assert_true (key (presenter, GDK_KEY_Page_Up));
  g_assert_true (key (presenter, GDK_KEY_Left));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 1);
  g_assert_true (key (presenter, GDK_KEY_End));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, last);
  g_assert_cmpint (kind_of (presenter), ==, PATHWAY_PRESENTER_SLIDE_CLOSING);
  g_assert_true (key (presenter, GDK_KEY_Right));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, last);
  g_assert_true (key (presenter, GDK_KEY_Home));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 0);
  g_assert_true (key (presenter, GDK_KEY_Left));
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 0);

  /* A rating key off an action slide does nothing; B does nothing without BRAG. */
  g_assert_false (key (presenter, GDK_KEY_r));
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  pathway_presenter_set_position (presenter, 2);
  key (presenter, GDK_KEY_b);
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  /* With BRAG, B rates blue. */
  {
    PathwayRatingScheme *scheme =
      pathway_programme_get_rating_scheme (pathway_document_get_programme (f->document));
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    g_value_init (&value, G_TYPE_BOOLEAN);
    g_value_set_boolean (&value, TRUE);
    g_assert_true (pathway_document_set_value (f->document, scheme, "uses-blue", &value, NULL,
                                               &error));
    g_assert_no_error (error);
    g_assert_true (key (presenter, GDK_KEY_B));
    g_assert_true (pathway_presenter_get_entry_open (presenter));
    g_assert_true (key (presenter, GDK_KEY_Escape));
  }
  /* With Ctrl held a key is not the presenter's. */
  press (presenter, GDK_KEY_Right, GDK_CONTROL_MASK);
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 2);

  /* H shows and hides the keys. */
  g_assert_false (pathway_presenter_get_hints_visible (presenter));
  g_assert_true (key (presenter, GDK_KEY_H));
  g_assert_true (pathway_presenter_get_hints_visible (presenter));
  g_assert_true (key (presenter, GDK_KEY_h));
  g_assert_false (pathway_presenter_get_hints_visible (presenter));

  /* Escape in the note throws it away; Escape again leaves. */
  g_assert_true (key (presenter, GDK_KEY_a));
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  /* While the note is open, letters are typing, not keys. */
  g_assert_false (key (presenter, GDK_KEY_g));
  key (presenter, GDK_KEY_Page_Down);
  key (presenter, GDK_KEY_Right);
  g_assert_cmpuint (pathway_presenter_get_position (presenter), ==, 2);
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  g_assert_true (key (presenter, GDK_KEY_Escape));
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presenter)));
  g_assert_true (key (presenter, GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presenter)));
}

/* The action the first binding of that key on 'widget' names, with its parameter. */
static const char *
bound_action (GtkWidget *widget, guint keyval, GdkModifierType modifiers, GVariant **target)
{
  g_autoptr(GPtrArray) shortcuts = ui_test_shortcuts_of_key (widget, keyval, modifiers);
  GtkShortcutAction *action;

  g_assert_cmpuint (shortcuts->len, >, 0);
  action = gtk_shortcut_get_action (shortcuts->pdata[0]);
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  *target = gtk_shortcut_get_arguments (shortcuts->pdata[0]);
  return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
}

/* The keys of the README's table are bindings of the presenter's actions: the slide keys on
 * the slide (which has the focus), Escape on the window (so the note's entry passes it on). */
static void
test_keys_are_bound_actions (Fixture *f, gconstpointer data)
{
  static const struct {
    guint keyval;
    GdkModifierType modifiers;
    const char *action;
    const char *rating;
  } slide_keys[] = {
    { GDK_KEY_Right, 0, "presenter.next" },
    { GDK_KEY_Page_Down, 0, "presenter.next" },
    { GDK_KEY_space, 0, "presenter.next" },
    { GDK_KEY_Left, 0, "presenter.previous" },
    { GDK_KEY_Page_Up, 0, "presenter.previous" },
    { GDK_KEY_Home, 0, "presenter.first" },
    { GDK_KEY_End, 0, "presenter.last" },
    { GDK_KEY_r, 0, "presenter.rate", "red" },
    { GDK_KEY_a, GDK_SHIFT_MASK, "presenter.rate", "amber" },
    { GDK_KEY_g, 0, "presenter.rate", "green" },
    { GDK_KEY_b, 0, "presenter.rate", "blue" },
    { GDK_KEY_n, 0, "presenter.note" },
    { GDK_KEY_p, 0, "presenter.recovery-plan" },
    { GDK_KEY_h, 0, "presenter.toggle-keys" },
  };
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  GtkWidget *slide = GTK_WIDGET (pathway_presenter_get_slide (presenter));
  GVariant *target;

  g_assert_true (gtk_root_get_focus (GTK_ROOT (presenter)) == slide);
  for (guint i = 0; i < G_N_ELEMENTS (slide_keys); i++)
    {
      g_assert_cmpstr (bound_action (slide, slide_keys[i].keyval, slide_keys[i].modifiers,
                                     &target), ==, slide_keys[i].action);
      if (slide_keys[i].rating != NULL)
        g_assert_cmpstr (g_variant_get_string (target, NULL), ==, slide_keys[i].rating);
      else
        g_assert_null (target);
    }
  g_assert_cmpstr (bound_action (GTK_WIDGET (presenter), GDK_KEY_Escape, 0, &target), ==,
                   "presenter.cancel-note");

  /* Escape leaves when no note is open, and cancels the note when one is. */
  pathway_presenter_set_position (presenter, 2);
  g_assert_true (key (presenter, GDK_KEY_n));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (presenter)),
                                         GTK_WIDGET (pathway_presenter_get_entry (presenter))));
  gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.note-kind", "s", "decision");
  g_assert_true (key (presenter, GDK_KEY_Escape));
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presenter)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (presenter)) == slide);
  g_assert_true (key (presenter, GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (presenter)));
}

static gboolean
built_more_than (gpointer data)
{
  gpointer *pair = data;

  return pathway_presenter_get_n_builds (pair[0]) > GPOINTER_TO_UINT (pair[1]);
}

/* One re-rating makes the slide once, on an idle after the write, reading the action's
 * history once: the notifications of one write, and the note bar closing, are one refresh. */
static void
test_rerating_builds_once (Fixture *f, gconstpointer data)
{
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  PathwayAction *action;
  gpointer pair[2];
  guint builds;

  pathway_presenter_set_position (presenter, slide_rated (presenter, PATHWAY_RATING_AMBER,
                                                          TRUE));
  action = pathway_presenter_get_action (presenter);
  builds = pathway_presenter_get_n_builds (presenter);

  g_assert_true (press (presenter, GDK_KEY_r, 0));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "No evidence of impact yet");
  g_assert_true (press (presenter, GDK_KEY_Return, 0));
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  /* Written, and nothing made yet. */
  g_assert_cmpuint (pathway_presenter_get_n_builds (presenter), ==, builds);

  pair[0] = presenter;
  pair[1] = GUINT_TO_POINTER (builds);
  wait_for ("the slide to be made again", built_more_than, pair);
  /* Whatever else was queued runs now. */
  drain_main_loop ();
  g_assert_cmpuint (pathway_presenter_get_n_builds (presenter), ==, builds + 1);
  g_assert_cmpstr (part_text (pathway_presenter_get_slide (presenter), "rating"), ==, "Red");
}

/* Recording --------------------------------------------------------------------------------- */

static PathwayActionUpdate *
find_update (GListModel *updates, PathwayField field, gint64 action_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i);

      if (pathway_action_update_get_field (update) == field &&
          pathway_action_update_get_action_id (update) == action_id)
        return g_steal_pointer (&update);
    }
  return NULL;
}

static void
test_records_in_meeting (Fixture *f, gconstpointer data)
{
  PathwayMeeting *meeting = todays_meeting (f);
  gint64 meeting_id = pathway_meeting_get_id (meeting);
  PathwayPresenter *presenter = open_presenter (f, meeting, NULL, 1024, 768);
  g_autofree char *reference = NULL;
  g_autofree char *second_reference = NULL;
  g_autoptr(PathwayDocument) reopened = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(PathwayActionUpdate) rating = NULL;
  g_autoptr(PathwayActionUpdate) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  PathwayAction *action;
  PathwayMeeting *stored;
  GtkWindow *dialog;
  GtkWidget *text;
  const char *summary;
  gint64 action_id, second_id;
  guint amber;

  /* An amber action goes red, with a note. */
  amber = slide_rated (presenter, PATHWAY_RATING_AMBER, TRUE);
  pathway_presenter_set_position (presenter, amber);
  action = pathway_presenter_get_action (presenter);
  action_id = pathway_action_get_id (action);
  reference = g_strdup (pathway_action_get_reference (action));
  g_assert_true (key (presenter, GDK_KEY_R));
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter),
                         "Evidence of impact is not there yet");
  g_assert_true (key (presenter, GDK_KEY_Return));
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_RED);
  /* The slide shows the new rating at once. */
  g_assert_cmpstr (part_text (pathway_presenter_get_slide (presenter), "rating"), ==, "Red");

  /* Now red, its recovery plan is agreed in the meeting (P), the plan as it was in the bar. */
  g_assert_true (key (presenter, GDK_KEY_p));
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  g_assert_cmpstr (gtk_editable_get_text (pathway_presenter_get_entry (presenter)), ==,
                   pathway_action_get_recovery_plan (action));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter),
                         "Two locum therapists from January; back on track by March");
  g_assert_true (key (presenter, GDK_KEY_Return));
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  g_assert_cmpstr (pathway_action_get_recovery_plan (action), ==,
                   "Two locum therapists from January; back on track by March");

  /* A decision about the next action. */
  g_assert_true (key (presenter, GDK_KEY_Right));
  action = pathway_presenter_get_action (presenter);
  g_assert_nonnull (action);
  second_id = pathway_action_get_id (action);
  second_reference = g_strdup (pathway_action_get_reference (action));
  g_assert_true (key (presenter, GDK_KEY_n));
  pathway_presenter_set_decision (presenter, TRUE);
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Escalate to the ICB board");
  g_assert_true (key (presenter, GDK_KEY_KP_Enter));
  g_assert_false (pathway_presenter_get_entry_open (presenter));

  /* A note about the meeting as a whole, from the title slide. */
  g_assert_true (key (presenter, GDK_KEY_Home));
  g_assert_true (key (presenter, GDK_KEY_N));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Next meeting moved to January");
  g_assert_true (key (presenter, GDK_KEY_Return));

  /* An empty note is not saved: the bar says what to do and stays open. */
  g_assert_true (key (presenter, GDK_KEY_n));
  g_assert_true (key (presenter, GDK_KEY_Return));
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (presenter),
                                                     "presenter-note-problem")));
  g_assert_true (key (presenter, GDK_KEY_Escape));

  /* A note typed and thrown away leaves nothing. */
  g_assert_true (key (presenter, GDK_KEY_n));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Not to be kept");
  g_assert_true (key (presenter, GDK_KEY_Escape));

  /* The closing slide lists all three. */
  g_assert_true (key (presenter, GDK_KEY_End));
  g_assert_cmpint (kind_of (presenter), ==, PATHWAY_PRESENTER_SLIDE_CLOSING);
  {
    PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
    guint lines = 0;

    for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
      {
        const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);

        if (g_str_equal (part->name, "closing-line"))
          {
            lines++;
            g_assert_null (strstr (pango_layout_get_text (part->layout), "Not to be kept"));
          }
      }
    g_assert_cmpuint (lines, ==, 3);
  }

  /* Leaving stores the summary and shows it. */
  g_assert_true (key (presenter, GDK_KEY_Escape));
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), "presenter-summary") == 0)
          dialog = window;
      }
  }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == f->parent);
  text = find_named (GTK_WIDGET (dialog), "presenter-summary-text");
  g_assert_nonnull (text);
  expected = g_strdup_printf ("%s: Amber → Red. Evidence of impact is not there yet", reference);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (text)), expected));
  g_free (expected);

  /* Changes after the meeting are not linked to it. */
  action = pathway_programme_find_action (pathway_document_get_programme (f->document),
                                          second_id);
  g_assert_true (pathway_document_set_rating (f->document, action, PATHWAY_RATING_GREEN,
                                              "After the meeting", &error));
  g_assert_no_error (error);

  /* Read back from the file. */
  g_clear_object (&f->presenter);
  destroy_toplevels_but (f->parent);
  pathway_document_close (f->document);
  g_clear_object (&f->document);
  reopened = pathway_document_open (f->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stored = pathway_programme_find_meeting (pathway_document_get_programme (reopened), meeting_id);
  g_assert_nonnull (stored);
  updates = pathway_document_list_meeting_updates (reopened, stored, &error);
  g_assert_no_error (error);
  /* The re-rating, its note as the latest commentary, the recovery plan agreed and the
   * decision, each linked to the meeting. */
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 4);
  {
    PathwayActionUpdate *commentary = find_update (updates, PATHWAY_FIELD_COMMENTARY, action_id);

    g_assert_nonnull (commentary);
    g_assert_cmpstr (pathway_action_update_get_to_value (commentary), ==,
                     "Evidence of impact is not there yet");
    g_object_unref (commentary);
  }
  {
    PathwayActionUpdate *plan = find_update (updates, PATHWAY_FIELD_TEXT, action_id);

    g_assert_nonnull (plan);
    g_assert_cmpstr (pathway_action_update_get_property_name (plan), ==, "recovery-plan");
    g_assert_cmpstr (pathway_action_update_get_to_value (plan), ==,
                     "Two locum therapists from January; back on track by March");
    g_object_unref (plan);
  }

  rating = find_update (updates, PATHWAY_FIELD_RATING, action_id);
  g_assert_nonnull (rating);
  g_assert_cmpint (pathway_action_update_get_meeting_id (rating), ==, meeting_id);
  g_assert_cmpstr (pathway_action_update_get_from_value (rating), ==, "amber");
  g_assert_cmpstr (pathway_action_update_get_to_value (rating), ==, "red");
  g_assert_cmpstr (pathway_action_update_get_note (rating), ==,
                   "Evidence of impact is not there yet");
  decision = find_update (updates, PATHWAY_FIELD_NOTE, second_id);
  g_assert_nonnull (decision);
  g_assert_cmpstr (pathway_action_update_get_property_name (decision), ==, "decision");
  g_assert_cmpstr (pathway_action_update_get_note (decision), ==, "Escalate to the ICB board");
  g_assert_null (find_update (updates, PATHWAY_FIELD_RATING, second_id));

  summary = pathway_meeting_get_summary (stored);
  g_test_message ("summary:\n%s", summary);
  g_assert_true (g_str_has_prefix (summary, "Re-ratings\n- "));
  expected = g_strdup_printf ("- %s: Amber → Red. Evidence of impact is not there yet\n",
                              reference);
  g_assert_nonnull (strstr (summary, expected));
  g_free (expected);
  expected = g_strdup_printf ("Decisions\n- %s: Escalate to the ICB board", second_reference);
  g_assert_nonnull (strstr (summary, expected));
  g_assert_nonnull (strstr (summary, "Notes\n- Next meeting moved to January"));
  g_assert_null (strstr (summary, "Not to be kept"));
  g_assert_null (strstr (summary, "After the meeting"));
}

/* A second session of the same meeting keeps what the first recorded, once; text written
 * about the meeting by hand stays first. */
static void
test_second_session_keeps_summary (Fixture *f, gconstpointer data)
{
  PathwayMeeting *meeting = todays_meeting (f);
  PathwayPresenter *presenter;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *stored;

  g_assert_true (pathway_document_set_text (f->document, meeting, "summary",
                                            "Apologies from the ICB.", &error));
  g_assert_no_error (error);

  presenter = open_presenter (f, meeting, NULL, 1024, 768);
  pathway_presenter_set_position (presenter, 2);
  g_assert_true (key (presenter, GDK_KEY_n));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Keep an eye on this");
  g_assert_true (key (presenter, GDK_KEY_Return));
  g_assert_true (key (presenter, GDK_KEY_Home));
  g_assert_true (key (presenter, GDK_KEY_n));
  pathway_presenter_set_decision (presenter, TRUE);
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Agreed the forward plan");
  g_assert_true (key (presenter, GDK_KEY_Return));
  pathway_presenter_leave (presenter);
  destroy_toplevels_but (f->parent);

  presenter = open_presenter (f, meeting, NULL, 1024, 768);
  summary = pathway_presenter_dup_summary (presenter);
  pathway_presenter_leave (presenter);
  stored = pathway_meeting_get_summary (meeting);
  g_assert_cmpstr (summary, ==, stored);
  g_assert_true (g_str_has_prefix (stored, "Apologies from the ICB.\n\nNotes\n- "));
  g_assert_nonnull (strstr (stored, "Decisions\n- Agreed the forward plan"));
  g_assert_true (strstr (stored, "Keep an eye on this") ==
                 g_strrstr (stored, "Keep an eye on this"));
  g_assert_true (strstr (stored, "Agreed the forward plan") ==
                 g_strrstr (stored, "Agreed the forward plan"));
}

static void
test_read_only_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  PathwayPresenter *presenter;
  GtkWidget *reason;
  PathwayAction *action;
  PathwayRating rating;

  pathway_document_close (f->document);
  g_clear_object (&f->document);
  f->document = pathway_document_open (f->path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  set_clock (f->document);
  before = pathway_document_list_meeting_updates (f->document, todays_meeting (f), &error);
  g_assert_no_error (error);

  presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  /* The bar of keys is shown from the start, and says why writing keys are off. */
  g_assert_true (pathway_presenter_get_hints_visible (presenter));
  reason = find_named (GTK_WIDGET (presenter), "presenter-read-only");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (reason)), "off"));
  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL)
    {
      g_mkdir_with_parents (g_getenv ("PATHWAY_SCREENSHOT_DIR"), 0755);
      pathway_presenter_set_position (presenter, 2);
      save_slide (f, g_getenv ("PATHWAY_SCREENSHOT_DIR"), "read-only", 1024, 768, FALSE);
    }

  pathway_presenter_set_position (presenter, 2);
  action = pathway_presenter_get_action (presenter);
  rating = pathway_action_get_rating (action);
  key (presenter, rating == PATHWAY_RATING_GREEN ? GDK_KEY_r : GDK_KEY_g);
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  key (presenter, GDK_KEY_n);
  g_assert_false (pathway_presenter_get_entry_open (presenter));
  g_assert_cmpint (pathway_action_get_rating (action), ==, rating);
  g_assert_null (pathway_presenter_leave (presenter));

  after = pathway_document_list_meeting_updates (f->document, todays_meeting (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
}

/* Fitting ------------------------------------------------------------------------------------- */

static PathwayAction *
add_long_action (Fixture *f)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) commentary = g_string_new (NULL);
  g_autoptr(PathwayTimescale) original = pathway_timescale_parse ("March 2026");
  g_autoptr(GError) error = NULL;
  PathwayProgramme *programme = pathway_document_get_programme (f->document);
  g_autoptr(PathwayWorkstream) workstream =
    g_list_model_get_item (pathway_programme_get_workstreams (programme), 0);
  g_autoptr(PathwayPerson) lead =
    g_list_model_get_item (pathway_programme_get_people (programme), 0);

  while (title->len < 500)
    g_string_append (title, "Agree a joint commissioning plan for speech and language therapy "
                            "with schools, ");
  g_string_truncate (title, 500);
  while (commentary->len < 3000)
    g_string_append (commentary, "The pooled budget has been drafted and goes to the council's "
                                 "Cabinet and the ICB board next month; recruitment of two "
                                 "therapists is under way. ");
  g_string_truncate (commentary, 3000);

  pathway_action_set_reference (draft, "9Z xviii");
  pathway_action_set_description (draft, title->str);
  pathway_action_set_commentary (draft, commentary->str);
  pathway_action_set_rating (draft, PATHWAY_RATING_AMBER);
  pathway_action_set_original_timescale (draft, original);
  pathway_action_set_workstream (draft, workstream);
  pathway_action_set_lead (draft, lead);
  g_assert_true (pathway_document_add_action (f->document, draft, &error));
  g_assert_no_error (error);
  return draft; /* the programme keeps it */
}

static void
assert_inside (PathwayPresenterSlide *slide, double title_floor, double body_floor)
{
  int width = gtk_widget_get_width (GTK_WIDGET (slide));
  int height = gtk_widget_get_height (GTK_WIDGET (slide));
  guint n = pathway_presenter_slide_get_n_parts (slide);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);
      const PangoFontDescription *font = pango_layout_get_font_description (part->layout);
      double px = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      PangoRectangle ink, logical;

      pango_layout_get_pixel_extents (part->layout, &ink, &logical);
      g_assert_true (pango_font_description_get_size_is_absolute (font));
      /* The layout's whole box, and every inked pixel, within the slide. */
      g_assert_cmpfloat (part->x + logical.x, >=, 0);
      g_assert_cmpfloat (part->y + logical.y, >=, 0);
      g_assert_cmpfloat (part->x + logical.x + logical.width, <=, width);
      g_assert_cmpfloat (part->y + logical.y + logical.height, <=, height);
      if (ink.width > 0)
        {
          g_assert_cmpfloat (part->x + ink.x, >=, 0);
          g_assert_cmpfloat (part->y + ink.y, >=, 0);
          g_assert_cmpfloat (part->x + ink.x + ink.width, <=, width);
          g_assert_cmpfloat (part->y + ink.y + ink.height, <=, height);
        }
      if (g_str_equal (part->name, "title"))
        g_assert_cmpfloat (px, >=, title_floor);
      else
        g_assert_cmpfloat (px, >=, body_floor);
    }
}

/* No two parts of the slide overlap. */
static void
assert_apart (PathwayPresenterSlide *slide)
{
  guint n = pathway_presenter_slide_get_n_parts (slide);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const PathwayPresenterTextPart *a = pathway_presenter_slide_get_part (slide, i);
        const PathwayPresenterTextPart *b = pathway_presenter_slide_get_part (slide, j);
        PangoRectangle ra, rb;
        graphene_rect_t ga, gb;

        pango_layout_get_pixel_extents (a->layout, NULL, &ra);
        pango_layout_get_pixel_extents (b->layout, NULL, &rb);
        if (ra.width == 0 || rb.width == 0)
          continue;
        ga = GRAPHENE_RECT_INIT (a->x + ra.x, a->y + ra.y, ra.width, ra.height);
        gb = GRAPHENE_RECT_INIT (b->x + rb.x, b->y + rb.y, rb.width, rb.height);
        if (graphene_rect_intersection (&ga, &gb, NULL))
          g_error ("“%s” and “%s” overlap", a->name, b->name);
      }
}

/* Where each part is, in the test's log. */
static void
log_parts (PathwayPresenterSlide *slide)
{
  for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
    {
      const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);
      const PangoFontDescription *font = pango_layout_get_font_description (part->layout);
      int width, height;

      pango_layout_get_pixel_size (part->layout, &width, &height);
      g_test_message ("%-20s %5.0f,%5.0f %5dx%-5d %3d px %.40s", part->name, part->x, part->y,
                      width, height, pango_font_description_get_size (font) / PANGO_SCALE,
                      pango_layout_get_text (part->layout));
    }
}

typedef struct {
  PathwayPresenterSlide *slide;
  int height;
} SlideShorter;

static gboolean
slide_shorter (gpointer data)
{
  SlideShorter *shorter = data;

  return gtk_widget_get_height (GTK_WIDGET (shorter->slide)) < shorter->height;
}

static void
check_long_action (Fixture *f, int width, int height)
{
  g_autoptr(GListStore) only = g_list_store_new (PATHWAY_TYPE_ACTION);
  PathwayPresenter *presenter;
  PathwayPresenterSlide *slide;
  const PathwayPresenterTextPart *title, *commentary, *more;
  double scale;
  const char *text;
  SlideShorter shorter = { NULL, 0 };

  g_list_store_append (only, add_long_action (f));
  presenter = open_presenter (f, todays_meeting (f), G_LIST_MODEL (only), width, height);
  pathway_presenter_set_position (presenter, 2);
  wait_for_drawn (presenter);
  slide = pathway_presenter_get_slide (presenter);
  shorter.slide = slide;
  scale = pathway_presenter_slide_get_scale (slide);
  g_assert_cmpfloat (scale, >=, 1.0);
  log_parts (slide);

  /* At 1024x768 the title is 32 px or more and the rest 24 px or more; larger with the
   * window. */
  assert_inside (slide, 32 * scale - 0.5, 24 * scale - 0.5);
  assert_apart (slide);

  title = pathway_presenter_slide_find_part (slide, "title");
  g_assert_nonnull (title);
  g_assert_cmpint (pango_layout_get_line_count (title->layout), >, 2);
  commentary = pathway_presenter_slide_find_part (slide, "commentary");
  g_assert_nonnull (commentary);
  text = pango_layout_get_text (commentary->layout);
  g_assert_true (g_str_has_suffix (text, "…"));
  more = pathway_presenter_slide_find_part (slide, "commentary-more");
  g_assert_nonnull (more);
  g_assert_nonnull (strstr (pango_layout_get_text (more->layout), "more characters"));
  {
    /* It says exactly how many characters are left out. */
    g_autofree char *count = g_strdup_printf ("%ld", 3000 - g_utf8_strlen (text, -1) + 1);
    g_autoptr(GString) digits = g_string_new (NULL);

    for (const char *p = pango_layout_get_text (more->layout); *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    g_assert_cmpstr (digits->str, ==, count);
  }

  /* With the note bar and the keys open, the slide is shorter and still holds its text. */
  g_assert_true (key (presenter, GDK_KEY_h));
  g_assert_true (key (presenter, GDK_KEY_g));
  shorter.height = height;
  wait_for ("the slide to make room for the note bar and the keys", slide_shorter, &shorter);
  assert_inside (slide, 32 * scale - 0.5, 24 * scale - 0.5);
  assert_apart (slide);
  g_assert_true (key (presenter, GDK_KEY_Escape));

  /* Every other slide too. */
  for (guint i = 0; i < pathway_presenter_get_n_slides (presenter); i++)
    {
      pathway_presenter_set_position (presenter, i);
      wait_for_drawn (presenter);
      assert_inside (slide, 24 * scale - 0.5, 24 * scale - 0.5);
      assert_apart (slide);
    }
}

static void
test_long_text_fits_small (Fixture *f, gconstpointer data)
{
  check_long_action (f, 1024, 768);
}

static void
test_long_text_fits_large (Fixture *f, gconstpointer data)
{
  check_long_action (f, 1920, 1080);
}

static void
test_default_slides_fit (Fixture *f, gconstpointer data)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, sizes[s][0],
                                                    sizes[s][1]);
      PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
      double scale = pathway_presenter_slide_get_scale (slide);

      for (guint i = 0; i < pathway_presenter_get_n_slides (presenter); i++)
        {
          pathway_presenter_set_position (presenter, i);
          assert_inside (slide, 32 * scale - 0.5, 24 * scale - 0.5);
          assert_apart (slide);
        }
      pathway_presenter_leave (presenter);
    }
}

/* More decisions than the closing slide holds: as many as fit, and how many more. */
static void
test_closing_overflows (Fixture *f, gconstpointer data)
{
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  GListModel *actions = pathway_presenter_get_actions (presenter);
  PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
  const PathwayPresenterTextPart *more;
  g_autoptr(GError) error = NULL;
  guint lines = 0;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      g_assert_true (pathway_document_add_note (f->document, action, "decision",
                                                "Report back at the next meeting with a "
                                                "costed recovery plan and a named lead",
                                                &error));
      g_assert_no_error (error);
    }
  g_assert_true (key (presenter, GDK_KEY_End));
  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL)
    {
      g_mkdir_with_parents (g_getenv ("PATHWAY_SCREENSHOT_DIR"), 0755);
      save_slide (f, g_getenv ("PATHWAY_SCREENSHOT_DIR"), "closing-full", 1024, 768, FALSE);
    }
  assert_inside (slide, 24, 24);
  assert_apart (slide);
  for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
    lines += g_str_equal (pathway_presenter_slide_get_part (slide, i)->name, "closing-line");
  g_assert_cmpuint (lines, >, 3);
  g_assert_cmpuint (lines, <, 25);
  more = pathway_presenter_slide_find_part (slide, "closing-more");
  g_assert_nonnull (more);
  {
    g_autofree char *expected = g_strdup_printf ("… and %u more", 25 - lines);

    g_assert_true (g_str_has_prefix (pango_layout_get_text (more->layout), expected));
  }
}

/* Commentary ------------------------------------------------------------------------------- */

typedef struct {
  PathwayPresenterSlide *slide;
  int height;
} SlideHeight;

static gboolean
slide_height_is (gpointer data)
{
  SlideHeight *wanted = data;

  return gtk_widget_get_height (GTK_WIDGET (wanted->slide)) == wanted->height;
}

/* The commentary part is the whole commentary, or at least three lines of it at no less than
 * the body's floor with the line saying how much more there is; all its lines are drawn.
 * Nothing says "Overdue" beside a green or blue rating. */
static void
assert_commentary_shown (PathwayPresenterSlide *slide, PathwayAction *action, double scale)
{
  const char *commentary = pathway_action_get_commentary (action);
  const PathwayPresenterTextPart *part = pathway_presenter_slide_find_part (slide, "commentary");
  const PathwayPresenterTextPart *more = pathway_presenter_slide_find_part (slide,
                                                                            "commentary-more");
  const PangoFontDescription *font;
  const char *text;
  PathwayRating rating = pathway_action_get_rating (action);

  if (part == NULL)
    g_error ("%s: no commentary on the slide", pathway_action_get_reference (action));
  font = pango_layout_get_font_description (part->layout);
  g_assert_cmpfloat (pango_font_description_get_size (font) / (double) PANGO_SCALE, >=,
                     24 * scale - 0.5);
  g_assert_false (pango_layout_is_ellipsized (part->layout));
  text = pango_layout_get_text (part->layout);
  if (*commentary == '\0')
    g_assert_cmpstr (text, ==, "No commentary yet.");
  else if (more == NULL)
    g_assert_cmpstr (text, ==, commentary);
  else if (pango_layout_get_line_count (part->layout) < 3)
    g_error ("%s: %d lines of commentary, then “%s”", pathway_action_get_reference (action),
             pango_layout_get_line_count (part->layout), pango_layout_get_text (more->layout));

  if (rating == PATHWAY_RATING_GREEN || rating == PATHWAY_RATING_BLUE)
    for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
      g_assert_null (strstr (pango_layout_get_text (pathway_presenter_slide_get_part (slide,
                                                                                      i)->layout),
                             "Overdue"));
}

/* Every action of the demo, at both sizes, and at the smaller with the bar of keys and the
 * note bar open (the least room the slide has). */
static void
test_commentary_never_hidden (Fixture *f, gconstpointer data)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  GListModel *all = pathway_programme_get_actions (pathway_document_get_programme (f->document));
  guint n = g_list_model_get_n_items (all);

  g_assert_cmpuint (n, >, 100);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), all, sizes[k][0],
                                                    sizes[k][1]);
      PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
      double scale = pathway_presenter_slide_get_scale (slide);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwayAction) action = g_list_model_get_item (all, i);

          pathway_presenter_set_position (presenter, i + 2);
          g_assert_true (pathway_presenter_get_action (presenter) == action);
          assert_commentary_shown (slide, action, scale);
          assert_apart (slide);
        }

      if (k == 0)
        {
          SlideHeight shorter = { slide, 0 };
          SlideShorter opened = { slide, gtk_widget_get_height (GTK_WIDGET (slide)) };

          pathway_presenter_set_position (presenter, 2);
          g_assert_true (key (presenter, GDK_KEY_h));
          g_assert_true (key (presenter, GDK_KEY_n));
          wait_for ("the slide to make room for the note bar and the keys", slide_shorter,
                    &opened);
          wait_for_drawn (presenter);
          shorter.height = gtk_widget_get_height (GTK_WIDGET (slide));
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(PathwayAction) action = g_list_model_get_item (all, i);

              pathway_presenter_set_position (presenter, i + 2);
              g_assert_true (key (presenter, GDK_KEY_n));
              wait_for ("the slide to keep room for the note bar", slide_height_is, &shorter);
              assert_commentary_shown (slide, action, scale);
              assert_inside (slide, 32 * scale - 0.5, 24 * scale - 0.5);
              assert_apart (slide);
            }
        }
      pathway_presenter_leave (presenter);
      destroy_toplevels_but (f->parent);
    }
}

typedef struct {
  PathwayPresenterSlide *slide;
  const char *part;
  const char *text;
} PartText;

static gboolean
part_says (gpointer data)
{
  PartText *wanted = data;
  const PathwayPresenterTextPart *part = pathway_presenter_slide_find_part (wanted->slide,
                                                                            wanted->part);

  return part != NULL && g_strcmp0 (pango_layout_get_text (part->layout), wanted->text) == 0;
}

/* R, A, G or B with a note in the meeting: the slide shows the new rating, the note as the
 * latest commentary dated today by the document's clock, and due words that agree with the
 * rating. One undo takes the rating and the commentary back. */
static void
test_rerating_note_is_commentary (Fixture *f, gconstpointer data)
{
  PathwayMeeting *meeting = todays_meeting (f);
  PathwayPresenter *presenter = open_presenter (f, meeting, NULL, 1024, 768);
  PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
  GListModel *actions = pathway_presenter_get_actions (presenter);
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(PathwayActionUpdate) commentary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *due_shown = NULL;
  g_autofree char *due_words = NULL;
  PathwayAction *action = NULL;
  PartText wanted = { slide, "commentary", NULL };
  const char *note = "Two locum therapists start in January; the plan holds";
  GDate today;

  /* An amber or red action past its due date. */
  pathway_document_get_today (f->document, &today);
  for (guint i = 0; action == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) candidate = g_list_model_get_item (actions, i);
      PathwayRating rating = pathway_action_get_rating (candidate);

      if ((rating == PATHWAY_RATING_AMBER || rating == PATHWAY_RATING_RED) &&
          pathway_action_is_overdue (candidate, &today))
        {
          action = candidate;
          pathway_presenter_set_position (presenter, i + 2);
        }
    }
  g_assert_nonnull (action);
  before = g_strdup (pathway_action_get_commentary (action));
  g_assert_true (g_str_has_prefix (part_text (slide, "due"), "Overdue by "));

  /* Green, with a note. */
  g_assert_true (key (presenter, GDK_KEY_g));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), note);
  g_assert_true (key (presenter, GDK_KEY_Return));
  wanted.text = note;
  wait_for ("the slide to show the note as the commentary", part_says, &wanted);

  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
  g_assert_cmpstr (pathway_action_get_commentary (action), ==, note);
  g_assert_cmpstr (part_text (slide, "rating"), ==, "Green");
  g_assert_null (pathway_presenter_slide_find_part (slide, "commentary-more"));
  {
    g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&today),
                                                       g_date_get_month (&today),
                                                       g_date_get_day (&today), 12, 0, 0);
    g_autofree char *day = g_date_time_format (noon, "%-d %B %Y");

    heading = g_strdup_printf ("Latest commentary, %s", day);
  }
  g_assert_cmpstr (part_text (slide, "commentary-heading"), ==, heading);
  g_assert_cmpstr (part_text (slide, "commentary-heading"), ==,
                   "Latest commentary, 18 November 2026");
  due_shown = pathway_timescale_dup_display (pathway_action_get_due_timescale (action));
  due_words = g_strdup_printf ("Due %s, not complete", due_shown);
  g_assert_cmpstr (part_text (slide, "due"), ==, due_words);
  assert_commentary_shown (slide, action, pathway_presenter_slide_get_scale (slide));

  /* In the file: the rating with its note and the commentary, both linked to the meeting. */
  updates = pathway_document_list_meeting_updates (f->document, meeting, &error);
  g_assert_no_error (error);
  commentary = find_update (updates, PATHWAY_FIELD_COMMENTARY, pathway_action_get_id (action));
  g_assert_nonnull (commentary);
  g_assert_cmpstr (pathway_action_update_get_from_value (commentary), ==, before);
  g_assert_cmpstr (pathway_action_update_get_to_value (commentary), ==, note);
  {
    g_autoptr(PathwayActionUpdate) rating = find_update (updates, PATHWAY_FIELD_RATING,
                                                         pathway_action_get_id (action));

    g_assert_nonnull (rating);
    g_assert_cmpstr (pathway_action_update_get_note (rating), ==, note);
  }

  /* R with a note, and the same rating again with another: each note is the commentary. */
  g_assert_true (key (presenter, GDK_KEY_r));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Slipped again");
  g_assert_true (key (presenter, GDK_KEY_Return));
  wanted.text = "Slipped again";
  wait_for ("the slide to show the second note as the commentary", part_says, &wanted);
  g_assert_cmpstr (part_text (slide, "rating"), ==, "Red");
  g_assert_true (g_str_has_prefix (part_text (slide, "due"), "Overdue by "));
  g_assert_true (key (presenter, GDK_KEY_r));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "Red, as agreed");
  g_assert_true (key (presenter, GDK_KEY_Return));
  wanted.text = "Red, as agreed";
  wait_for ("the slide to show the third note as the commentary", part_says, &wanted);

  /* One undo takes a re-rating with its note back whole. */
  g_assert_true (pathway_document_undo (f->document, &error));
  g_assert_no_error (error);
  wanted.text = "Slipped again";
  wait_for ("the slide to show the commentary before", part_says, &wanted);
  g_assert_true (pathway_document_undo (f->document, &error));
  g_assert_no_error (error);
  wanted.text = note;
  wait_for ("the slide to show the first note again", part_says, &wanted);
  g_assert_cmpint (pathway_action_get_rating (action), ==, PATHWAY_RATING_GREEN);
}

static const char *
part_text (PathwayPresenterSlide *slide, const char *name)
{
  const PathwayPresenterTextPart *part = pathway_presenter_slide_find_part (slide, name);

  g_assert_nonnull (part);
  return pango_layout_get_text (part->layout);
}

static void
test_text_as_written (Fixture *f, gconstpointer data)
{
  g_autoptr(PathwayAction) draft = pathway_action_new ();
  g_autoptr(GListStore) only = g_list_store_new (PATHWAY_TYPE_ACTION);
  g_autoptr(GError) error = NULL;
  PathwayPresenter *presenter;
  PathwayPresenterSlide *slide;

  pathway_action_set_reference (draft, TRICKY_NAME);
  pathway_action_set_description (draft, TRICKY_NAME " <b>not bold</b>");
  pathway_action_set_commentary (draft, "Fish & chips </span> %s%n");
  pathway_action_set_rating (draft, PATHWAY_RATING_RED);
  g_assert_true (pathway_document_add_action (f->document, draft, &error));
  g_assert_no_error (error);
  g_list_store_append (only, draft);

  presenter = open_presenter (f, todays_meeting (f), G_LIST_MODEL (only), 1024, 768);
  pathway_presenter_set_position (presenter, 2);
  slide = pathway_presenter_get_slide (presenter);
  g_assert_cmpstr (part_text (slide, "reference"), ==, TRICKY_NAME);
  g_assert_cmpstr (part_text (slide, "title"), ==, TRICKY_NAME " <b>not bold</b>");
  g_assert_cmpstr (part_text (slide, "commentary"), ==, "Fish & chips </span> %s%n");
  /* Set as text: no attributes came from anything that looks like markup. */
  g_assert_null (pango_layout_get_attributes (
    pathway_presenter_slide_find_part (slide, "title")->layout));
  g_assert_null (pango_layout_get_attributes (
    pathway_presenter_slide_find_part (slide, "reference")->layout));

  /* Re-rated with a note that looks like markup: the record keeps it as written. */
  g_assert_true (key (presenter, GDK_KEY_a));
  gtk_editable_set_text (pathway_presenter_get_entry (presenter), "<i>" TRICKY_NAME "</i>");
  g_assert_true (key (presenter, GDK_KEY_Return));
  g_assert_true (key (presenter, GDK_KEY_End));
  g_assert_cmpstr (part_text (slide, "closing-line"), ==,
                   TRICKY_NAME ": Red → Amber. <i>" TRICKY_NAME "</i>");
}

/* Accessibility ------------------------------------------------------------------------------ */

/* An accessible property's value as GTK holds it: checked against a value it cannot have, so
 * the check hands back the value it found. */
static char *
accessible_text (gpointer widget, GtkAccessibleProperty property)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property,
                                                    "\x01 never a value");

  g_assert_nonnull (value);
  return value;
}

/* Parts whose words the accessible text says otherwise: a chip's letter is read as its word
 * (in the rating history, or the closing slide's line), and "and 120 more characters" has
 * nothing left out to count. */
static gboolean
part_said_otherwise (const char *name)
{
  const char *names[] = { "trail-letter", "closing-from", "closing-to", "closing-arrow",
                          "commentary-more", "closing-more", "closing-tag", "rating" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

/* Every piece of text the slide draws (each line, each side of a tab) is in its accessible
 * name or description; a piece the slide shortened, up to where it was cut. */
static void
assert_slide_reads_in_full (PathwayPresenterSlide *slide)
{
  g_autofree char *name = accessible_text (slide, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_autofree char *description = accessible_text (slide, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_autofree char *all = g_strdup_printf ("%s\n%s", name, description);

  g_assert_cmpstr (name, !=, "");
  for (guint i = 0; i < pathway_presenter_slide_get_n_parts (slide); i++)
    {
      const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);
      g_auto(GStrv) pieces = NULL;

      if (part_said_otherwise (part->name))
        continue;
      pieces = g_regex_split_simple ("[\t\n]", pango_layout_get_text (part->layout), 0, 0);
      for (guint k = 0; pieces[k] != NULL; k++)
        {
          char *piece = g_strstrip (pieces[k]);
          char *cut = g_strrstr (piece, "…");

          if (cut != NULL)
            *cut = '\0';
          if (*piece != '\0' && strstr (all, piece) == NULL)
            g_error ("The slide's \"%s\" shows \"%s\", which its accessible text leaves out: "
                     "%s", part->name, piece, all);
        }
    }
}

/* Every slide of the meeting reads as it shows, and an action's says all that a person at the
 * back of the room sees: reference, title, rating, lead, timescale, workstream, its place in
 * the meeting, the rating history in words and the commentary. */
static void
test_slides_read_in_full (Fixture *f, gconstpointer data)
{
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  PathwayPresenterSlide *slide = pathway_presenter_get_slide (presenter);
  guint n_slides = pathway_presenter_get_n_slides (presenter);
  guint n_actions = g_list_model_get_n_items (pathway_presenter_get_actions (presenter));
  gboolean saw_history = FALSE;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (slide),
                                               GTK_ACCESSIBLE_ROLE_GROUP));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (slide)));
  for (guint i = 0; i < n_slides; i++)
    {
      PathwayAction *action;

      pathway_presenter_set_position (presenter, i);
      assert_slide_reads_in_full (slide);
      action = pathway_presenter_get_action (presenter);
      if (action != NULL)
        {
          g_autofree char *name = accessible_text (slide, GTK_ACCESSIBLE_PROPERTY_LABEL);
          g_autofree char *description =
            accessible_text (slide, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          g_autofree char *position = g_strdup_printf ("Action %u of %u.", i - 1, n_actions);
          g_autofree char *expected_name =
            g_strdup_printf ("%s, %s", pathway_action_get_reference (action),
                             pathway_action_get_description (action));
          PathwayPerson *lead = pathway_action_get_lead (action);
          PathwayWorkstream *workstream = pathway_action_get_workstream (action);

          if (i == 2)
            g_test_message ("The first action's slide reads \"%s\", described as \"%s\"", name,
                            description);
          g_assert_cmpstr (name, ==, expected_name);
          g_assert_true (g_str_has_prefix (description, position));
          if (lead != NULL)
            g_assert_nonnull (strstr (description, pathway_person_get_name (lead)));
          if (workstream != NULL)
            g_assert_nonnull (strstr (description, pathway_workstream_get_title (workstream)));
          g_assert_nonnull (strstr (description, "Timescale: "));
          g_assert_nonnull (strstr (description, "Rating: "));
          g_assert_nonnull (strstr (description, pathway_action_get_commentary (action)));
          if (strstr (description, "Rating history: ") != NULL)
            {
              /* The history's steps are words, not the chips' letters. */
              g_assert_true (g_regex_match_simple ("Rating history: (Red|Amber|Green|Blue|"
                                                   "Not rated), [0-9]+ [A-Z][a-z]+ 20[0-9][0-9]",
                                                   description, 0, 0));
              saw_history = TRUE;
            }
        }
    }
  g_assert_true (saw_history);
}

/* The note field is named by its prompt ("Red, was Amber"), and linked to it; the note and
 * decision buttons say which is chosen. */
static void
test_note_field_labelled_by_prompt (Fixture *f, gconstpointer data)
{
  PathwayPresenter *presenter = open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  GtkWidget *entry = GTK_WIDGET (pathway_presenter_get_entry (presenter));
  GtkWidget *prompt = find_of_type (GTK_WIDGET (presenter), GTK_TYPE_LABEL,
                                    "presenter-note-prompt");
  g_autofree char *name = NULL;
  char *mismatch;

  g_assert_nonnull (prompt);
  pathway_presenter_set_position (presenter, slide_rated (presenter, PATHWAY_RATING_AMBER, TRUE));
  g_assert_true (key (presenter, GDK_KEY_r));
  g_assert_true (pathway_presenter_get_entry_open (presenter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (prompt)), ==, "Red, was Amber");
  name = accessible_text (entry, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (name, ==, "Red, was Amber");
  mismatch = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (entry),
                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY, prompt,
                                                 NULL);
  if (mismatch != NULL)
    g_error ("The note field is not labelled by its prompt: %s", mismatch);
  g_assert_true (key (presenter, GDK_KEY_Escape));

  /* Another prompt, another name. */
  g_assert_true (key (presenter, GDK_KEY_n));
  g_clear_pointer (&name, g_free);
  name = accessible_text (entry, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (name, ==, gtk_label_get_text (GTK_LABEL (prompt)));
  g_assert_true (g_str_has_prefix (name, "About "));

  /* Note and Decision say which is chosen. */
  {
    GtkWidget *note = find_of_type (GTK_WIDGET (presenter), GTK_TYPE_TOGGLE_BUTTON, NULL);
    GtkWidget *decision = gtk_widget_get_next_sibling (note);

    g_assert_nonnull (decision);
    g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (note),
                                                    GTK_ACCESSIBLE_STATE_PRESSED,
                                                    GTK_ACCESSIBLE_TRISTATE_TRUE));
    {
      /* Not pressed (GTK leaves a toggle never pressed "undefined", read as not pressed). */
      g_autofree char *pressed =
        gtk_test_accessible_check_state (GTK_ACCESSIBLE (decision),
                                         GTK_ACCESSIBLE_STATE_PRESSED,
                                         GTK_ACCESSIBLE_TRISTATE_TRUE);

      g_assert_nonnull (pressed);
    }
    pathway_presenter_set_decision (presenter, TRUE);
    drain_main_loop ();
    g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (decision),
                                                    GTK_ACCESSIBLE_STATE_PRESSED,
                                                    GTK_ACCESSIBLE_TRISTATE_TRUE));
  }
  g_assert_true (key (presenter, GDK_KEY_Escape));
}

/* Starting ----------------------------------------------------------------------------------- */

static void
chosen_cb (PathwayPresenterChooser *chooser, PathwayMeeting *meeting, GdkMonitor *monitor,
           gpointer data)
{
  PathwayMeeting **out = data;

  g_set_object (out, meeting);
}

static gboolean
is_set (gpointer data)
{
  gpointer *pointer = data;

  return *pointer != NULL;
}

static void
test_chooser (Fixture *f, gconstpointer data)
{
  PathwayPresenterChooser *chooser = pathway_presenter_chooser_new (f->parent, f->document);
  g_autoptr(PathwayMeeting) chosen = NULL;
  PathwayBoard *board = first_board (f->document);
  guint before = g_list_model_get_n_items (pathway_board_get_meetings (board));
  const GDate *date;

  g_signal_connect (chooser, "chosen", G_CALLBACK (chosen_cb), &chosen);
  gtk_window_present (GTK_WINDOW (chooser));
  wait_for_mapped (chooser);
  /* Today's meeting is chosen. */
  g_assert_true (pathway_presenter_chooser_get_meeting (chooser) == todays_meeting (f));
  g_assert_null (pathway_presenter_chooser_get_new_for (chooser));
  /* Each choice's check button reads as its meeting. */
  {
    GtkWidget *check = find_of_type (GTK_WIDGET (chooser), GTK_TYPE_CHECK_BUTTON, NULL);
    g_autofree char *name = NULL;

    g_assert_nonnull (check);
    name = accessible_text (check, GTK_ACCESSIBLE_PROPERTY_LABEL);
    g_assert_cmpstr (name, !=, "");
    g_assert_null (strstr (name, "GtkCheckButton"));
  }
  {
    const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");

    if (folder != NULL)
      {
        g_autofree char *path = g_build_filename (folder, "presenter-chooser.png", NULL);

        g_mkdir_with_parents (folder, 0755);
        save_png (chooser, path);
      }
  }

  /* "New meeting today" adds a meeting through the document. */
  pathway_presenter_chooser_choose_new (chooser, board);
  g_assert_true (pathway_presenter_chooser_get_new_for (chooser) == board);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "present");
  wait_for ("the chooser to choose a meeting", is_set, &chosen);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==,
                    before + 1);
  g_assert_cmpint (pathway_meeting_get_id (chosen), >, 0);
  date = pathway_meeting_get_date (chosen);
  g_assert_cmpint (g_date_get_day (date), ==, MEETING_DAY);
  g_assert_cmpint (g_date_get_month (date), ==, 11);

  /* After the last meeting, the default is the latest: never a new meeting. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_local (2027, 1, 20, 10, 0, 0);
    PathwayPresenterChooser *second;

    pathway_document_set_now (f->document, later);
    second = pathway_presenter_chooser_new (f->parent, f->document);
    g_assert_true (pathway_presenter_chooser_get_meeting (second) == todays_meeting (f) ||
                   pathway_presenter_chooser_get_meeting (second) == chosen);
    g_assert_null (pathway_presenter_chooser_get_new_for (second));
    gtk_window_destroy (GTK_WINDOW (second));
  }
}

/* The meeting a chooser opens on, on a day of the demo's calendar. */
static PathwayMeeting *
default_on (Fixture *f, int year, int month, int day, PathwayBoard **new_for)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (year, month, day, 10, 0, 0);
  PathwayPresenterChooser *chooser;
  PathwayMeeting *meeting;

  pathway_document_set_now (f->document, now);
  chooser = pathway_presenter_chooser_new (f->parent, f->document);
  meeting = pathway_presenter_chooser_get_meeting (chooser);
  *new_for = pathway_presenter_chooser_get_new_for (chooser);
  gtk_window_destroy (GTK_WINDOW (chooser));
  return meeting; /* the board keeps it */
}

static void
test_chooser_never_defaults_to_new (Fixture *f, gconstpointer data)
{
  PathwayBoard *new_for = NULL;

  /* A meeting today: that one. */
  g_assert_true (default_on (f, 2026, 11, 18, &new_for) == meeting_on (f->document, 2026, 11, 18));
  g_assert_null (new_for);
  /* Between meetings: the next one, not the one just held. */
  g_assert_true (default_on (f, 2026, 10, 1, &new_for) == meeting_on (f->document, 2026, 11, 18));
  g_assert_null (new_for);
  g_assert_true (default_on (f, 2026, 3, 19, &new_for) == meeting_on (f->document, 2026, 5, 20));
  g_assert_null (new_for);
  /* After the last: the latest. */
  g_assert_true (default_on (f, 2027, 2, 1, &new_for) == meeting_on (f->document, 2026, 11, 18));
  g_assert_null (new_for);
  /* Present, as Enter would, adds no meeting. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2027, 2, 1, 10, 0, 0);
    PathwayBoard *board = first_board (f->document);
    guint before = g_list_model_get_n_items (pathway_board_get_meetings (board));
    PathwayPresenterChooser *chooser;
    g_autoptr(PathwayMeeting) chosen = NULL;

    pathway_document_set_now (f->document, now);
    chooser = pathway_presenter_chooser_new (f->parent, f->document);
    g_signal_connect (chooser, "chosen", G_CALLBACK (chosen_cb), &chosen);
    gtk_window_present (GTK_WINDOW (chooser));
    wait_for_mapped (chooser);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "present");
    wait_for ("the chooser to choose a meeting", is_set, &chosen);
    gtk_window_destroy (GTK_WINDOW (chooser));
    g_assert_true (chosen == meeting_on (f->document, 2026, 11, 18));
    g_assert_cmpuint (g_list_model_get_n_items (pathway_board_get_meetings (board)), ==, before);
  }
}


static gboolean
presenter_shown (gpointer data)
{
  PathwayPresenter **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_PRESENTER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *out = PATHWAY_PRESENTER (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
no_presenter_shown (gpointer data)
{
  PathwayPresenter *presenter = NULL;

  return !presenter_shown (&presenter);
}

static PathwayPresenterChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_PRESENTER_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return PATHWAY_PRESENTER_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

typedef struct {
  PathwayWindow *window;
  PathwayActionsView *view;
} Tracker;

static gboolean
tracker_shows_actions (gpointer data)
{
  Tracker *tracker = data;

  tracker->view = PATHWAY_ACTIONS_VIEW (find_of_type (GTK_WIDGET (tracker->window),
                                                      PATHWAY_TYPE_ACTIONS_VIEW, NULL));
  return tracker->view != NULL && gtk_widget_get_mapped (GTK_WIDGET (tracker->view)) &&
         g_list_model_get_n_items (pathway_actions_view_get_shown (tracker->view)) > 0;
}

/* Presenting and leaving without recording ------------------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Fails naming the first byte that differs. */
static void
assert_same_bytes (GBytes *before, GBytes *after)
{
  gsize before_size = 0, after_size = 0;
  const guint8 *a = g_bytes_get_data (before, &before_size);
  const guint8 *b = g_bytes_get_data (after, &after_size);

  for (gsize i = 0; i < MIN (before_size, after_size); i++)
    if (a[i] != b[i])
      g_error ("the file changed: byte %" G_GSIZE_FORMAT " was %u, is %u", i, a[i], b[i]);
  g_assert_cmpuint (after_size, ==, before_size);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->document = pathway_document_open (f->path, PATHWAY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  set_clock (f->document);
}

static void
close_document (Fixture *f)
{
  pathway_document_close (f->document);
  g_clear_object (&f->document);
}

static void
test_present_and_leave_changes_nothing (Fixture *f, gconstpointer data)
{
  PathwayMeeting *meeting = todays_meeting (f);
  PathwayAction *action = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  /* A meeting that has recorded a re-rating, and whose summary was since written over by hand:
   * the record read back would not give that summary again. */
  shown = pathway_document_actions_to_present (f->document, meeting, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  action = g_list_model_get_item (shown, 0);
  g_object_unref (action); /* the programme keeps it */
  pathway_document_set_meeting (f->document, meeting);
  g_assert_true (pathway_document_set_rating (f->document, action,
                                              pathway_action_get_rating (action) ==
                                                  PATHWAY_RATING_RED
                                                ? PATHWAY_RATING_AMBER
                                                : PATHWAY_RATING_RED,
                                              "Agreed in the room", &error));
  g_assert_no_error (error);
  pathway_document_set_meeting (f->document, NULL);
  g_assert_true (pathway_document_set_text (f->document, meeting, "summary",
                                            "Minutes to follow from the clerk.", &error));
  g_assert_no_error (error);

  close_document (f);
  before = read_bytes (f->path);

  /* Present it, and leave at once. */
  reopen (f);
  open_presenter (f, todays_meeting (f), NULL, 1024, 768);
  pathway_presenter_leave (f->presenter);
  destroy_toplevels_but (f->parent);
  g_clear_object (&f->presenter);
  close_document (f);
  after = read_bytes (f->path);
  assert_same_bytes (before, after);

  /* And through the window: F5, Present (the default choice), Escape. */
  {
    PathwayWindow *window = pathway_window_new (NULL);
    PathwayPresenter *presenter = NULL;
    PathwayPresenterChooser *chooser;
    g_autoptr(GBytes) again = NULL;

    g_assert_true (pathway_window_load (window, f->path, PATHWAY_OPEN_DEFAULT, &error));
    g_assert_no_error (error);
    set_clock (pathway_window_get_document (window));
    gtk_window_present (GTK_WINDOW (window));
    wait_for_mapped (window);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present-meeting", "x", (gint64) 0);
    wait_for ("the meeting chooser to be shown", chooser_shown, NULL);
    chooser = find_chooser ();
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "present");
    gtk_window_destroy (GTK_WINDOW (chooser));
    wait_for ("the presenter to be shown", presenter_shown, &presenter);
    key (presenter, GDK_KEY_Escape);
    wait_for ("the presenter to close on Escape", no_presenter_shown, NULL);
    destroy_window (window);
    destroy_toplevels_but (f->parent);
    again = read_bytes (f->path);
    assert_same_bytes (before, again);
  }
  reopen (f);
}

static void
test_window_starts_presenter (Fixture *f, gconstpointer data)
{
  PathwayWindow *window;
  PathwayDocument *document;
  PathwayPresenter *presenter = NULL;
  PathwayPresenterChooser *chooser;
  PathwayActionsView *view;
  g_autoptr(GError) error = NULL;
  GListModel *shown;
  GListModel *presented;
  PathwayMeeting *meeting;
  Tracker tracker = { NULL, NULL };

  /* The window opens the file itself. */
  pathway_document_close (f->document);
  g_clear_object (&f->document);
  window = pathway_window_new (NULL);
  tracker.window = window;
  g_assert_true (pathway_window_load (window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  document = pathway_window_get_document (window);
  set_clock (document);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (window);

  /* From a meeting (as the Board report offers it). */
  meeting = meeting_on (document, 2026, 11, MEETING_DAY);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-meeting", "x",
                              pathway_meeting_get_id (meeting));
  wait_for ("the presenter to be shown", presenter_shown, &presenter);
  g_assert_true (pathway_presenter_get_meeting (presenter) == meeting);
  {
    GDate today;
    g_autoptr(GListModel) expected = NULL;

    meeting_day (&today);
    expected = pathway_document_actions_to_present (document, meeting, &today, &error);
    g_assert_cmpuint (g_list_model_get_n_items (pathway_presenter_get_actions (presenter)), ==,
                      g_list_model_get_n_items (expected));
  }
  key (presenter, GDK_KEY_Escape);
  wait_for ("the presenter to close on Escape", no_presenter_shown, NULL);
  presenter = NULL;

  /* Without a meeting (F5, the menu), it asks which. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-meeting", "x", (gint64) 0);
  wait_for ("the meeting chooser to be shown", chooser_shown, NULL);
  chooser = find_chooser ();
  /* (A button closes the dialog as it responds; a response made here does not.) */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "cancel");
  gtk_window_destroy (GTK_WINDOW (chooser));
  drain_main_loop ();
  g_assert_false (presenter_shown (&presenter));

  /* From the tracker's filter: the meeting dialog first, then the rows shown, in order. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-actions", "s", "red");
  wait_for ("the tracker to be shown with the red actions", tracker_shows_actions, &tracker);
  view = tracker.view;
  shown = pathway_actions_view_get_shown (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  wait_for ("the meeting chooser to be shown", chooser_shown, NULL);
  chooser = find_chooser ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "present");
  gtk_window_destroy (GTK_WINDOW (chooser));
  wait_for ("the presenter to be shown", presenter_shown, &presenter);
  presented = pathway_presenter_get_actions (presenter);
  g_assert_cmpuint (g_list_model_get_n_items (presented), ==, g_list_model_get_n_items (shown));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (shown, i);
      g_autoptr(GObject) b = g_list_model_get_item (presented, i);

      g_assert_true (a == b);
    }
  g_assert_true (pathway_presenter_get_meeting (presenter) == meeting);

  /* Closing the window ends meeting mode too. */
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for ("the presenter to close with the window", no_presenter_shown, NULL);
}

/* Screenshots --------------------------------------------------------------------------------- */

static void
save_slide (Fixture *f, const char *folder, const char *what, int width, int height,
            gboolean dark)
{
  g_autofree char *name = g_strdup_printf ("presenter-%s-%dx%d-%s.png", what, width, height,
                                           dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (folder, name, NULL);

  save_png (f->presenter, path);
  g_test_message ("saved %s", path);
}

static void
save_set (Fixture *f, const char *folder, int width, int height, gboolean dark)
{
  PathwayMeeting *meeting = todays_meeting (f);
  PathwayPresenter *presenter;
  GtkWindow *dialog;
  guint red;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  presenter = open_presenter (f, meeting, NULL, width, height);
  save_slide (f, folder, "title", width, height, dark);
  key (presenter, GDK_KEY_Right);
  save_slide (f, folder, "overview", width, height, dark);
  red = slide_rated (presenter, PATHWAY_RATING_RED, TRUE);
  pathway_presenter_set_position (presenter, red);
  save_slide (f, folder, "action", width, height, dark);
  pathway_presenter_set_position (presenter, slide_rated (presenter, PATHWAY_RATING_AMBER, TRUE));
  save_slide (f, folder, "action-amber", width, height, dark);
  pathway_presenter_set_position (presenter, slide_of (presenter, "1A v"));
  save_slide (f, folder, "action-1A-v", width, height, dark);
  pathway_presenter_set_position (presenter, slide_longest (presenter, TRUE));
  save_slide (f, folder, "action-recovery", width, height, dark);
  pathway_presenter_set_position (presenter, slide_longest (presenter, FALSE));
  save_slide (f, folder, "action-longest", width, height, dark);

  /* Re-rate the red one with a note, showing the bar and the keys. */
  pathway_presenter_set_position (presenter, red);
  key (presenter, GDK_KEY_h);
  key (presenter, GDK_KEY_a);
  gtk_editable_set_text (pathway_presenter_get_entry (presenter),
                         "Recovery plan agreed with the ICB");
  save_slide (f, folder, "action-note", width, height, dark);
  key (presenter, GDK_KEY_Return);
  key (presenter, GDK_KEY_h);
  save_slide (f, folder, "action-rerated", width, height, dark);
  /* An action past its date re-rated green: no "Overdue" beside it. */
  {
    GListModel *actions = pathway_presenter_get_actions (presenter);
    GDate today;

    pathway_document_get_today (f->document, &today);
    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

        if (pathway_action_get_rating (action) == PATHWAY_RATING_AMBER &&
            pathway_action_is_overdue (action, &today))
          {
            pathway_presenter_set_position (presenter, i + 2);
            key (presenter, GDK_KEY_g);
            gtk_editable_set_text (pathway_presenter_get_entry (presenter),
                                   "Back on track: the last two steps are booked for January");
            key (presenter, GDK_KEY_Return);
            save_slide (f, folder, "action-rerated-green", width, height, dark);
            break;
          }
      }
  }
  pathway_presenter_set_position (presenter, red);
  key (presenter, GDK_KEY_Right);
  key (presenter, GDK_KEY_n);
  pathway_presenter_set_decision (presenter, TRUE);
  save_slide (f, folder, "action-decision", width, height, dark);
  gtk_editable_set_text (pathway_presenter_get_entry (presenter),
                         "Deep dive on this at the next meeting");
  key (presenter, GDK_KEY_Return);
  key (presenter, GDK_KEY_End);
  save_slide (f, folder, "closing", width, height, dark);

  dialog = pathway_presenter_leave (presenter);
  g_assert_nonnull (dialog);
  {
    g_autofree char *name = g_strdup_printf ("presenter-summary-%dx%d-%s.png", width, height,
                                             dark ? "dark" : "light");
    g_autofree char *path = g_build_filename (folder, name, NULL);

    save_png (dialog, path);
  }
  destroy_window (dialog);
}

static void
test_saves_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autoptr(GListStore) only = g_list_store_new (PATHWAY_TYPE_ACTION);

  if (folder == NULL)
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (folder, 0755);

  for (int dark = 0; dark <= 1; dark++)
    {
      /* Each set records in the meeting: start each from the demo as written. */
      save_set (f, folder, 1024, 768, dark);
      save_set (f, folder, 1920, 1080, dark);
    }

  /* The longest text, at the smallest size. */
  g_list_store_append (only, add_long_action (f));
  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      open_presenter (f, todays_meeting (f), G_LIST_MODEL (only), 1024, 768);
      pathway_presenter_set_position (f->presenter, 2);
      save_slide (f, folder, "action-long", 1024, 768, dark);
      pathway_presenter_leave (f->presenter);
    }
}

int
main (int argc, char *argv[])
{
  /* Before g_test_init, so that a run without a display says why and passes as skipped. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/presenter/default-set", test_default_set);
  ADD ("/ui/presenter/navigates-with-keys", test_navigates_with_keys);
  ADD ("/ui/presenter/keys-are-bound-actions", test_keys_are_bound_actions);
  ADD ("/ui/presenter/rerating-builds-once", test_rerating_builds_once);
  ADD ("/ui/presenter/records-in-meeting", test_records_in_meeting);
  ADD ("/ui/presenter/second-session-keeps-summary", test_second_session_keeps_summary);
  ADD ("/ui/presenter/read-only-writes-nothing", test_read_only_writes_nothing);
  ADD ("/ui/presenter/long-text-fits-1024x768", test_long_text_fits_small);
  ADD ("/ui/presenter/long-text-fits-1920x1080", test_long_text_fits_large);
  ADD ("/ui/presenter/every-slide-fits", test_default_slides_fit);
  ADD ("/ui/presenter/commentary-never-hidden", test_commentary_never_hidden);
  ADD ("/ui/presenter/rerating-note-is-commentary", test_rerating_note_is_commentary);
  ADD ("/ui/presenter/closing-overflows", test_closing_overflows);
  ADD ("/ui/presenter/text-as-written", test_text_as_written);
  ADD ("/ui/presenter/slides-read-in-full", test_slides_read_in_full);
  ADD ("/ui/presenter/note-field-labelled-by-prompt", test_note_field_labelled_by_prompt);
  ADD ("/ui/presenter/chooser", test_chooser);
  ADD ("/ui/presenter/chooser-never-defaults-to-new", test_chooser_never_defaults_to_new);
  ADD ("/ui/presenter/present-and-leave-changes-nothing", test_present_and_leave_changes_nothing);
  ADD ("/ui/presenter/window-starts-presenter", test_window_starts_presenter);
  ADD ("/ui/presenter/save-screenshots", test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
