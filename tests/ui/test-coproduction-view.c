/* test-coproduction-view.c: "you said, we did" in the main window and in meeting mode, driven
 * through the view's actions and the record dialog the way a person uses them. It proves that
 * an empty programme's page offers Add Entry…, and an entry added there (a survey, its
 * responses shown only for a survey, a day typed in words, user text with markup characters)
 * is written in one save, shown as written, and taken back by one undo; that an edit writes
 * one change, normalises linked actions ("1a i; 2B iii" to "1A i, 2B iii"), refuses a link to
 * nothing under its field writing nothing, and the card's links open the action and show the
 * area's entries; that the audience, status, period and area filters and the search narrow the
 * cards and the count line says so; that retiring takes the card away and Undo brings it
 * back; that the controls and cards have accessible names with their values; and that the
 * presenter shows the entries since the board's last meeting after the actions, one a slide,
 * Y jumping to them, inside the slide at 1024x768 and 1920x1080. With PATHWAY_SCREENSHOT_DIR
 * set it saves the view, the dialog and the slides at 1024x768 and 1920x1080, light and
 * dark. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "pathway-action-editor.h"
#include "pathway-coproduction-view.h"
#include "pathway-demo.h"
#include "pathway-history-dialog.h"
#include "pathway-presenter.h"
#include "pathway-record-dialog.h"
#include "pathway-window.h"
#include "ui-test-support.h"

#define TRICKY "S<OT & \"SALT\""

/* What a fixture opens. */
enum {
  EMPTY_PROGRAMME,
  DEMO_PROGRAMME,
};

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
  PathwayCoproductionView *view;
  PathwayPresenter *presenter;
} Fixture;

/* Finding things ------------------------------------------------------------------------------- */

static PathwayDocument *
document_of (Fixture *f)
{
  PathwayDocument *document = pathway_window_get_document (f->window);

  g_assert_nonnull (document);
  return document;
}

static PathwayProgramme *
programme_of (Fixture *f)
{
  return pathway_document_get_programme (document_of (f));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_toplevel (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_toplevel (gpointer type)
{
  return !has_toplevel (type);
}

static GtkWidget *
named_in (gpointer    root,
          const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
assert_label (gpointer    widget,
              const char *expected)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (mismatch != NULL)
    g_error ("accessible name: %s", mismatch);
}

static GtkWidget *
entries_list (Fixture *f)
{
  return named_in (f->view, "coproduction-list");
}

/* The cards shown (the filters hide some), in order. */
static GPtrArray *
shown_cards (Fixture *f)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (entries_list (f));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (gtk_widget_get_name (child), "coproduction-entry") == 0 &&
          gtk_widget_get_child_visible (child))
        g_ptr_array_add (cards, child);
    }
  return cards;
}

typedef struct {
  Fixture *fixture;
  guint count;
} CardCount;

static gboolean
has_card_count (gpointer data)
{
  CardCount *wanted = data;
  g_autoptr(GPtrArray) cards = NULL;

  if (pathway_view_is_refresh_pending (PATHWAY_VIEW (wanted->fixture->view)))
    return FALSE;
  cards = shown_cards (wanted->fixture);
  return cards->len == wanted->count;
}

#define wait_for_cards(f, n) \
  G_STMT_START { \
    CardCount wanted_ = { (f), (n) }; \
    wait_for ("the view to show " #n " cards", has_card_count, &wanted_); \
  } G_STMT_END

static const char *
card_text (GtkWidget  *card,
           const char *name)
{
  GtkWidget *label = named_in (card, name);

  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
card_at (Fixture *f,
         guint    index)
{
  g_autoptr(GPtrArray) cards = shown_cards (f);

  g_assert_cmpuint (index, <, cards->len);
  return g_ptr_array_index (cards, index);
}

static PathwayCoproduction *
entry_said (Fixture    *f,
            const char *said)
{
  GListModel *entries = pathway_programme_get_coproduction (programme_of (f));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (pathway_coproduction_get_said (entry), said))
        return entry; /* the programme keeps it */
    }
  return NULL;
}

/* Test data ------------------------------------------------------------------------------------ */

typedef struct {
  const char *date;
  const char *audience;
  const char *who;
  const char *responses;
  const char *said;
  const char *will_do;
  const char *did;
  const char *status;
  const char *actions;
  const char *areas;
} Entry;

/* An entry written through the document, as the command line writes one. */
static PathwayCoproduction *
add_entry (Fixture     *f,
           const Entry *entry)
{
  const char *names[12];
  const char *values[12];
  guint n = 0;
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

#define FIELD(name, value) \
  if ((value) != NULL) \
    { \
      names[n] = (name); \
      values[n++] = (value); \
    }
  FIELD ("date", entry->date);
  FIELD ("audience", entry->audience);
  FIELD ("who", entry->who);
  FIELD ("responses", entry->responses);
  FIELD ("said", entry->said);
  FIELD ("will-do", entry->will_do);
  FIELD ("did", entry->did);
  FIELD ("status", entry->status);
  FIELD ("actions", entry->actions);
  FIELD ("areas", entry->areas);
#undef FIELD
  names[n] = NULL;
  values[n] = NULL;
  g_assert_true (pathway_document_add_fields (document_of (f), pathway_kind_lookup ("coproduction"),
                                              names, values, &record, &error));
  g_assert_no_error (error);
  g_object_unref (record); /* the programme keeps it */
  return record;
}

/* Entries over three quarters, for the demo programme (whose board met on 16 September 2026
 * and meets again on 18 November 2026, "today"). */
static const Entry sample_entries[] = {
  { "2026-06-24", "parent-carers", "Parent carer forum steering group", NULL,
    "Parents wait too long to hear back after asking for an assessment, and nobody tells them "
    "where their request has got to.",
    "Send every family a named contact and a letter at each stage of the assessment.",
    "Named contacts began in July; letters at each stage went out from August.", "done",
    "2A i", "2" },
  { "2026-08-12", "young-people", "Young people's forum (Sallowmere Voices)", NULL,
    "The local offer website does not talk to us. We want to find clubs, transport and "
    "help with college ourselves.",
    "Rewrite the local offer's pages for young people with the forum.", NULL, "acting",
    "5A i", "5" },
  { "2026-09-30", "survey", "Annual parent carer survey", "212",
    "Half of the parents who answered did not know what the local offer is.",
    "Tell every family about the local offer when a plan is issued or reviewed.",
    "Added to the plan letter and the annual review invitation in October.", "done",
    "5A ii", "5" },
  { "2026-10-14", "schools", "SENCO network", NULL,
    "Schools want the inclusion funding rules explained before the budget is set, not after.",
    "Hold a funding briefing for SENCOs each spring.",
    "The schools forum decided the rules cannot change before the new formula in 2028; a "
    "briefing will explain the present rules in March.", "not-done", NULL, "4" },
  { "2026-11-04", "parent-carers", TRICKY, NULL,
    "Families of children waiting for an autism assessment want support while they wait, not "
    "only after a diagnosis.",
    "Open the waiting-well sessions to every family on the waiting list.", NULL, "heard",
    "3A i", "3" },
};

static void
add_sample_entries (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_entries); i++)
    add_entry (f, &sample_entries[i]);
}

/* The demo's own entries retired in one step (one undo brings them back), so that a test
 * counts only its own. */
static void
set_aside_entries (Fixture *f)
{
  GListModel *entries = pathway_programme_get_coproduction (programme_of (f));
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (all, g_list_model_get_item (entries, i));
  g_assert_true (pathway_document_begin_batch (document_of (f), "Set aside", &error));
  for (guint i = 0; i < all->len; i++)
    g_assert_true (pathway_document_retire (document_of (f), g_ptr_array_index (all, i), NULL,
                                            &error));
  g_assert_true (pathway_document_commit_batch (document_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
}

/* Driving the dialogs -------------------------------------------------------------------------- */

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
}

static PathwayRecordDialog *
record_dialog (void)
{
  wait_for ("the record dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_RECORD_DIALOG));
  return PATHWAY_RECORD_DIALOG (find_toplevel (PATHWAY_TYPE_RECORD_DIALOG));
}

static void
type_into (gpointer    dialog,
           const char *name,
           const char *text)
{
  GtkWidget *widget = named_in (dialog, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
press_save (PathwayRecordDialog *dialog)
{
  GtkWidget *button = named_in (dialog, "save-button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for ("the record dialog to close", has_no_toplevel,
            GSIZE_TO_POINTER (PATHWAY_TYPE_RECORD_DIALOG));
}

static GtkSwitch *
public_switch (PathwayRecordDialog *dialog)
{
  return GTK_SWITCH (find_of_type (named_in (dialog, "public"), GTK_TYPE_SWITCH, NULL));
}

static void
show_view (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "coproduction"));
  f->view = PATHWAY_COPRODUCTION_VIEW (pathway_window_get_view (f->window, "coproduction"));
  g_assert_nonnull (f->view);
  wait_for_mapped (f->view);
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
}

/* Fixture -------------------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 18, 10, 30, 0);

  f->dir = g_dir_make_tmp ("pathway-coproduction-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sallowmere SEND.pathway", NULL);
  if (GPOINTER_TO_INT (data) == DEMO_PROGRAMME)
    g_assert_true (pathway_demo_write (f->path, &error));
  else
    {
      g_autoptr(PathwayDocument) created = pathway_document_create (f->path,
                                                                    "Sallowmere SEND",
                                                                    &error);

      g_assert_no_error (error);
      pathway_document_close (created);
    }
  g_assert_no_error (error);

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  /* This quarter and the last, and the board's meetings, from a fixed today. */
  pathway_document_set_now (document_of (f), now);
  pathway_presenter_set_fullscreen (FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
  show_view (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  if (f->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (f->presenter));
  g_clear_object (&f->presenter);
  while ((dialog = find_toplevel (ADW_TYPE_WINDOW)) != NULL ||
         (dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    destroy_window (dialog);
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Tests ---------------------------------------------------------------------------------------- */

static gboolean
card_has_links (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) cards = NULL;

  if (pathway_view_is_refresh_pending (PATHWAY_VIEW (f->view)))
    return FALSE;
  cards = shown_cards (f);
  return cards->len == 1 && find_named (g_ptr_array_index (cards, 0), "area-link") != NULL;
}

static gboolean
shows_page (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  const char *page = ((gpointer *) data)[1];
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (named_in (f->view, "coproduction-empty")));

  return !pathway_view_is_refresh_pending (PATHWAY_VIEW (f->view)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), page) == 0;
}

#define wait_for_page(f, page) \
  G_STMT_START { \
    gpointer pair_[2] = { (f), (page) }; \
    wait_for ("the view to show its " page " page", shows_page, pair_); \
  } G_STMT_END

/* An empty programme's page offers Add Entry…; an entry added there is written in one save,
 * shown as written, and one undo takes it back. */
static void
test_add_in_empty_programme (Fixture       *f,
                             gconstpointer  data)
{
  PathwayRecordDialog *dialog;
  PathwayCoproduction *entry;
  GtkWidget *responses, *card;
  char date[16];

  wait_for_page (f, "empty");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (named_in (
                     f->view, "empty-add-button"))), ==, "coproduction.add");

  g_assert_true (gtk_widget_activate_action (named_in (f->view, "empty-add-button"),
                                             "coproduction.add", NULL));
  dialog = record_dialog ();
  /* Nothing to add before the day and what was said are given. */
  g_assert_false (gtk_widget_is_sensitive (named_in (dialog, "save-button")));
  /* New entries go in the public version unless the switch is turned off. */
  g_assert_true (gtk_switch_get_active (public_switch (dialog)));
  /* The responses are a survey's: hidden until the audience is a survey. */
  responses = named_in (dialog, "responses");
  g_assert_false (gtk_widget_get_visible (responses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (named_in (dialog, "audience")),
                              PATHWAY_AUDIENCE_SURVEY);
  g_assert_true (gtk_widget_get_visible (responses));

  /* A day in words, as people write them. */
  type_into (dialog, "date", "12 September 2026");
  assert_label (named_in (dialog, "date"), "Date: 12 September 2026");
  type_into (dialog, "responses", "212");
  type_into (dialog, "who", TRICKY);
  type_into (dialog, "said", "Parents want to know <b>who</b> to call.");
  g_assert_true (gtk_widget_is_sensitive (named_in (dialog, "save-button")));
  type_into (dialog, "will-do", "Name a contact for every family.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named_in (dialog, "status")),
                              PATHWAY_RESPONSE_DONE);
  type_into (dialog, "did", "Every family has a named contact since October.");
  gtk_switch_set_active (public_switch (dialog), FALSE);
  press_save (dialog);

  entry = entry_said (f, "Parents want to know <b>who</b> to call.");
  g_assert_nonnull (entry);
  g_assert_true (g_date_valid (pathway_coproduction_get_date (entry)));
  g_date_strftime (date, sizeof date, "%Y-%m-%d", pathway_coproduction_get_date (entry));
  g_assert_cmpstr (date, ==, "2026-09-12");
  g_assert_cmpint (pathway_coproduction_get_audience (entry), ==, PATHWAY_AUDIENCE_SURVEY);
  g_assert_cmpint (pathway_coproduction_get_responses (entry), ==, 212);
  g_assert_cmpstr (pathway_coproduction_get_who (entry), ==, TRICKY);
  g_assert_cmpint (pathway_coproduction_get_status (entry), ==, PATHWAY_RESPONSE_DONE);
  g_assert_false (pathway_coproduction_get_public (entry));

  /* Shown as written. */
  wait_for_page (f, "entries");
  wait_for_cards (f, 1);
  card = card_at (f, 0);
  g_assert_cmpstr (card_text (card, "coproduction-who"), ==,
                   "Survey, 212 responses · " TRICKY);
  g_assert_cmpstr (card_text (card, "coproduction-date"), ==,
                   "12 September 2026 · Not in the public version");
  g_assert_cmpstr (card_text (card, "said"), ==, "Parents want to know <b>who</b> to call.");
  g_assert_cmpstr (card_text (card, "did"), ==, "Every family has a named contact since October.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (card, "coproduction-status"))), ==,
                   "Done");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (f->view, "coproduction-count"))),
                   ==, "1 entry");

  /* One save, one undo. */
  undo (f);
  wait_for_page (f, "empty");
  g_assert_null (entry_said (f, "Parents want to know <b>who</b> to call."));
}

/* An edit writes one change; linked actions are normalised; a link to nothing is refused under
 * its field with nothing written; the card's links open the action and show the area. */
static void
test_edit_and_links (Fixture       *f,
                     gconstpointer  data)
{
  const Entry plain = { "2026-10-01", "schools", "SENCO network", NULL,
                        "Schools want the funding rules earlier." };
  PathwayCoproduction *entry;
  g_autoptr(GListModel) changes = NULL;
  PathwayRecordDialog *dialog;
  GtkWidget *card, *caption, *link;
  PathwayAction *action;
  guint n_changes;
  g_autoptr(GError) error = NULL;

  set_aside_entries (f);
  entry = add_entry (f, &plain);
  wait_for_cards (f, 1);
  changes = pathway_document_list_changes (document_of (f), entry, &error);
  g_assert_no_error (error);
  n_changes = g_list_model_get_n_items (changes);
  g_clear_object (&changes);

  /* Activating the card edits the entry. */
  card = card_at (f, 0);
  g_signal_emit_by_name (entries_list (f), "row-activated", card);
  dialog = record_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (dialog, "who"))), ==,
                   "SENCO network");

  /* A link to nothing: refused under its field, nothing written. */
  type_into (dialog, "actions", "1a i; 9Z ix");
  g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
  drain_main_loop ();
  caption = named_in (dialog, "actions-error");
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (caption)), "Linked actions: "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (caption)), "9Z ix"));
  g_assert_cmpstr (pathway_coproduction_get_actions (entry), ==, "");
  g_assert_true (find_toplevel (PATHWAY_TYPE_RECORD_DIALOG) == GTK_WINDOW (dialog));

  /* Written as the programme writes references. */
  type_into (dialog, "actions", "1a i; 2B iii");
  type_into (dialog, "areas", "2");
  press_save (dialog);
  g_assert_cmpstr (pathway_coproduction_get_actions (entry), ==, "1A i, 2B iii");
  g_assert_cmpstr (pathway_coproduction_get_areas (entry), ==, "2");
  changes = pathway_document_list_changes (document_of (f), entry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, n_changes + 2);

  /* The card's links: the action opens in the action editor, the area shows its entries. */
  wait_for ("the card to show its links", card_has_links, f);
  card = card_at (f, 0);
  link = named_in (card, "action-link");
  action = pathway_programme_find_action_by_reference (programme_of (f), "1A i");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "1A i");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (link)), ==,
                   "win.edit-action");
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (link))), ==, pathway_action_get_id (action));
  {
    g_autofree char *name = g_strdup_printf ("Open action 1A i: %s",
                                             pathway_action_get_description (action));

    assert_label (link, name);
  }
  g_signal_emit_by_name (link, "clicked");
  wait_for ("the action editor", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_ACTION_EDITOR));
  destroy_window (find_toplevel (PATHWAY_TYPE_ACTION_EDITOR));

  link = named_in (card, "area-link");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "Area 2");
  g_signal_emit_by_name (link, "clicked");
  g_assert_cmpuint (pathway_coproduction_view_get_n_shown (f->view), ==, 1);
  {
    PathwayAreaOfWeakness *area = NULL;
    GListModel *areas = pathway_programme_get_areas (programme_of (f));
    g_autofree char *name = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      {
        g_autoptr(PathwayAreaOfWeakness) item = g_list_model_get_item (areas, i);

        if (g_str_equal (pathway_area_of_weakness_get_reference (item), "2"))
          area = item;
      }
    g_assert_nonnull (area);
    name = g_strdup_printf ("Area of weakness: 2 %s", pathway_area_of_weakness_get_title (area));
    assert_label (named_in (f->view, "area-filter"), name);
  }
}

/* The filters and the search narrow the cards, and the count line says how many. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *audience, *status, *period, *area;
  GtkLabel *count;
  GListModel *periods;
  guint autumn = 0;

  set_aside_entries (f);
  add_sample_entries (f);
  wait_for_cards (f, G_N_ELEMENTS (sample_entries));
  count = GTK_LABEL (named_in (f->view, "coproduction-count"));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "5 entries");
  /* Newest first. */
  g_assert_cmpstr (card_text (card_at (f, 0), "coproduction-date"), ==, "4 November 2026");
  g_assert_cmpstr (card_text (card_at (f, 4), "coproduction-date"), ==, "24 June 2026");
  /* Not done says why not. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (card_at (f, 1), "did"))), !=, "");

  audience = GTK_DROP_DOWN (named_in (f->view, "audience-filter"));
  status = GTK_DROP_DOWN (named_in (f->view, "status-filter"));
  period = GTK_DROP_DOWN (named_in (f->view, "period-filter"));
  area = GTK_DROP_DOWN (named_in (f->view, "area-filter"));
  assert_label (audience, "Audience: All audiences");

  /* By audience: the first item is "All", then the audiences in order. */
  gtk_drop_down_set_selected (audience, 1 + PATHWAY_AUDIENCE_PARENT_CARERS);
  wait_for_cards (f, 2);
  assert_label (audience, "Audience: Parent carer forum");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 of 5 entries");

  /* And by status. */
  gtk_drop_down_set_selected (status, 1 + PATHWAY_RESPONSE_DONE);
  wait_for_cards (f, 1);
  assert_label (status, "Status: Done");
  g_assert_cmpstr (card_text (card_at (f, 0), "coproduction-date"), ==, "24 June 2026");

  /* Nothing left: a way back to everything. */
  gtk_drop_down_set_selected (audience, 1 + PATHWAY_AUDIENCE_SCHOOLS);
  wait_for_cards (f, 0);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 of 5 entries");
  g_signal_emit_by_name (named_in (f->view, "clear-filters-button"), "clicked");
  wait_for_cards (f, 5);
  assert_label (audience, "Audience: All audiences");

  /* By quarter: "2026", then its quarters newest first. */
  periods = gtk_drop_down_get_model (period);
  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (periods), i), "Jul–Sep 2026"))
      autumn = i;
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (periods), 1), ==, "2026");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (periods), 2), ==,
                   "Oct–Dec 2026");
  g_assert_cmpuint (autumn, >, 0);
  gtk_drop_down_set_selected (period, autumn);
  wait_for_cards (f, 2);
  assert_label (period, "Period: Jul–Sep 2026");
  gtk_drop_down_set_selected (period, 1);
  wait_for_cards (f, 5);

  /* By area. */
  pathway_coproduction_view_show_area (f->view, "5");
  wait_for_cards (f, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (area), >, 0);
  pathway_coproduction_view_show_area (f->view, NULL);
  wait_for_cards (f, 5);

  /* The search, in any case, through who said it and what was said and done. */
  gtk_editable_set_text (GTK_EDITABLE (named_in (f->view, "coproduction-search")), "LOCAL OFFER");
  wait_for_label_text (count, "2 of 5 entries");
  gtk_editable_set_text (GTK_EDITABLE (named_in (f->view, "coproduction-search")), "senco");
  wait_for_label_text (count, "1 of 5 entries");
  assert_label (entries_list (f), "You said, we did");
  {
    char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (entries_list (f)),
                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                         "1 of 5 entries");

    g_assert_cmpstr (mismatch, ==, NULL);
  }
}

/* Retiring takes the card away at once; the toast's Undo (win.undo) brings it back. */
static void
test_retire_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  PathwayCoproduction *entry;

  set_aside_entries (f);
  add_sample_entries (f);
  wait_for_cards (f, 5);
  entry = entry_said (f, sample_entries[3].said);
  g_assert_nonnull (entry);
  activate (f, "coproduction.retire", g_variant_new_int64 (pathway_coproduction_get_id (entry)));
  wait_for_cards (f, 4);
  g_assert_null (entry_said (f, sample_entries[3].said));
  g_assert_true (pathway_document_get_can_undo (document_of (f)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named_in (f->view, "coproduction-count"))),
                   ==, "4 entries");

  undo (f);
  wait_for_cards (f, 5);
  g_assert_nonnull (entry_said (f, sample_entries[3].said));

  /* Its history lists its creation and its retiring and bringing back. */
  entry = entry_said (f, sample_entries[3].said);
  activate (f, "coproduction.history", g_variant_new_int64 (pathway_coproduction_get_id (entry)));
  wait_for ("the history dialog", has_toplevel, GSIZE_TO_POINTER (PATHWAY_TYPE_HISTORY_DIALOG));
  destroy_window (find_toplevel (PATHWAY_TYPE_HISTORY_DIALOG));
}

/* Every control names itself with its value, for a screen reader; the cards and the counts by
 * audience too. */
static void
test_accessible_labels (Fixture       *f,
                        gconstpointer  data)
{
  PathwayRecordDialog *dialog;
  GtkWidget *card;
  PathwayCoproduction *entry;

  set_aside_entries (f);
  add_sample_entries (f);
  wait_for_cards (f, 5);

  assert_label (named_in (f->view, "coproduction-search"), "Search entries");
  assert_label (named_in (f->view, "status-filter"), "Status: All statuses");
  assert_label (named_in (f->view, "period-filter"), "Period: All dates");
  assert_label (named_in (f->view, "area-filter"), "Area of weakness: All areas");
  card = card_at (f, 2);
  assert_label (card, "30 September 2026, Survey, 212 responses · Annual parent carer survey, "
                      "Done");
  assert_label (named_in (card, "coproduction-status"), "Status: Done");
  /* This quarter (October to December) heard from parents and schools. */
  assert_label (named_in (f->view, "coproduction-summary"), "Heard from, by quarter");
  {
    char *mismatch = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (named_in (f->view, "coproduction-summary")),
      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
      "This quarter, October to December 2026: 2 entries. Parent carer forum 1. Schools 1. "
      "Last quarter, July to September 2026: 2 entries. Young people’s forum 1. Survey 1.");

    g_assert_cmpstr (mismatch, ==, NULL);
  }

  /* The dialog's fields, with their values. */
  entry = entry_said (f, sample_entries[2].said);
  activate (f, "coproduction.edit", g_variant_new_int64 (pathway_coproduction_get_id (entry)));
  dialog = record_dialog ();
  assert_label (named_in (dialog, "date"), "Date: 2026-09-30");
  assert_label (named_in (dialog, "audience"), "Audience: Survey");
  assert_label (named_in (dialog, "responses"), "Responses: 212");
  assert_label (named_in (dialog, "who"), "Who: Annual parent carer survey");
  assert_label (named_in (dialog, "status"), "Status: Done");
  assert_label (named_in (dialog, "actions"), "Linked actions: 5A ii");
  assert_label (named_in (dialog, "areas"), "Linked areas of weakness: 5");
  /* How to write links, under them until a refusal takes its place. */
  g_assert_true (gtk_widget_get_visible (named_in (dialog, "actions-error")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (named_in (dialog,
                                                                            "actions-error"))),
                                   "Name actions by reference"));
  assert_label (public_switch (dialog), "Show in the public version: Yes");
  gtk_switch_set_active (public_switch (dialog), FALSE);
  assert_label (public_switch (dialog), "Show in the public version: No");
  /* Long texts are named by their headings. */
  g_assert_true (GTK_IS_TEXT_VIEW (named_in (dialog, "said")));
  destroy_window (dialog);
}

/* Meeting mode ---------------------------------------------------------------------------------- */

static PathwayMeeting *
meeting_on (Fixture    *f,
            const char *day)
{
  GListModel *boards = pathway_programme_get_boards (programme_of (f));
  g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, 0);
  GListModel *meetings = pathway_board_get_meetings (board);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *date = pathway_date_format_iso (pathway_meeting_get_date (meeting));

      if (g_strcmp0 (date, day) == 0)
        return meeting; /* the board keeps it */
    }
  g_error ("no meeting on %s", day);
  return NULL;
}

static void
show_presenter_at (PathwayPresenter *presenter,
                   int               width,
                   int               height)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (presenter)))
    gtk_widget_hide (GTK_WIDGET (presenter));
  gtk_widget_set_size_request (GTK_WIDGET (presenter), width, height);
  gtk_window_set_default_size (GTK_WINDOW (presenter), width, height);
  pathway_presenter_present (presenter, NULL);
  wait_for_window_size (presenter, width, height);
  wait_for_drawn (presenter);
}

static const char *
part_text (PathwayPresenterSlide *slide,
           const char            *name)
{
  const PathwayPresenterTextPart *part = pathway_presenter_slide_find_part (slide, name);

  if (part == NULL)
    g_error ("the slide has no part “%s”", name);
  return pango_layout_get_text (part->layout);
}

/* Every part inside the slide, at least 24 px at 1024x768 (scaled), and no two overlapping. */
static void
assert_fits (PathwayPresenterSlide *slide)
{
  int width = gtk_widget_get_width (GTK_WIDGET (slide));
  int height = gtk_widget_get_height (GTK_WIDGET (slide));
  double floor_px = 24 * pathway_presenter_slide_get_scale (slide) - 0.5;
  guint n = pathway_presenter_slide_get_n_parts (slide);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const PathwayPresenterTextPart *part = pathway_presenter_slide_get_part (slide, i);
      PangoRectangle logical;
      double px = pango_font_description_get_size (
                    pango_layout_get_font_description (part->layout)) / (double) PANGO_SCALE;

      pango_layout_get_pixel_extents (part->layout, NULL, &logical);
      g_assert_cmpfloat (part->x + logical.x, >=, 0);
      g_assert_cmpfloat (part->y + logical.y, >=, 0);
      g_assert_cmpfloat (part->x + logical.x + logical.width, <=, width);
      g_assert_cmpfloat (part->y + logical.y + logical.height, <=, height);
      g_assert_cmpfloat (px, >=, floor_px);
      for (guint j = i + 1; j < n; j++)
        {
          const PathwayPresenterTextPart *other = pathway_presenter_slide_get_part (slide, j);
          PangoRectangle other_logical;
          graphene_rect_t a, b;

          pango_layout_get_pixel_extents (other->layout, NULL, &other_logical);
          if (logical.width == 0 || other_logical.width == 0)
            continue;
          a = GRAPHENE_RECT_INIT (part->x + logical.x, part->y + logical.y, logical.width,
                                  logical.height);
          b = GRAPHENE_RECT_INIT (other->x + other_logical.x, other->y + other_logical.y,
                                  other_logical.width, other_logical.height);
          if (graphene_rect_intersection (&a, &b, NULL))
            g_error ("“%s” and “%s” overlap", part->name, other->name);
        }
    }
}

/* The entries since the board's last meeting follow the actions, one a slide, oldest first;
 * Y goes to the first; each fits at both sizes. */
static void
test_presenter_shows_entries (Fixture       *f,
                              gconstpointer  data)
{
  const Entry before = { "2026-09-10", "schools", "Heads' forum", NULL,
                         "Said before the last meeting." };
  const Entry after = { "2026-11-25", "schools", "Heads' forum", NULL,
                        "Said after this meeting." };
  const Entry long_entry = { "2026-11-18", "other", "Drop-in at the library", NULL,
                             NULL, NULL, NULL, "not-done", "1A i, 1A ii, 1A iii", "1, 2, 3" };
  PathwayMeeting *meeting = meeting_on (f, "2026-11-18");
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GString) why_not = g_string_new (NULL);
  Entry with_long = long_entry;
  PathwayPresenterSlide *slide;
  GListModel *entries, *actions;
  guint first, expected = 0;
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  add_sample_entries (f);
  add_entry (f, &before);
  add_entry (f, &after);
  for (guint i = 0; i < 40; i++)
    g_string_append (said, "Families asked again and again for someone to ring them back. ");
  for (guint i = 0; i < 30; i++)
    g_string_append (why_not, "The service cannot take on the work this year. ");
  with_long.said = said->str;
  with_long.did = why_not->str;
  add_entry (f, &with_long);

  /* What the document counts as the period: after 16 September, up to 18 November. */
  {
    GListModel *all = pathway_programme_get_coproduction (programme_of (f));

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (all, i);
        g_autofree char *day = pathway_date_format_iso (pathway_coproduction_get_date (entry));

        if (g_strcmp0 (day, "2026-09-16") > 0 && g_strcmp0 (day, "2026-11-18") <= 0)
          expected++;
      }
    g_assert_cmpuint (expected, >=, 4);
  }

  f->presenter = g_object_ref_sink (pathway_presenter_new (GTK_WINDOW (f->window),
                                                           document_of (f), meeting, NULL));
  show_presenter_at (f->presenter, 1024, 768);
  slide = pathway_presenter_get_slide (f->presenter);
  entries = pathway_presenter_get_coproduction (f->presenter);
  actions = pathway_presenter_get_actions (f->presenter);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, expected);
  g_assert_cmpuint (pathway_presenter_get_n_slides (f->presenter), ==,
                    2 + g_list_model_get_n_items (actions) + expected + 1);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (pathway_coproduction_get_said (entry), !=, before.said);
      g_assert_cmpstr (pathway_coproduction_get_said (entry), !=, after.said);
    }

  /* Y: the first entry's slide, straight after the last action. */
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_y, 0));
  drain_main_loop ();
  first = 2 + g_list_model_get_n_items (actions);
  g_assert_cmpuint (pathway_presenter_get_position (f->presenter), ==, first);
  g_assert_cmpint (pathway_presenter_slide_get_kind (slide), ==,
                   PATHWAY_PRESENTER_SLIDE_COPRODUCTION);
  g_assert_null (pathway_presenter_get_action (f->presenter));
  {
    g_autoptr(PathwayCoproduction) oldest = g_list_model_get_item (entries, 0);

    g_assert_true (pathway_presenter_get_coproduction_entry (f->presenter) == oldest);
    g_assert_cmpstr (part_text (slide, "said"), ==, pathway_coproduction_get_said (oldest));
    g_assert_cmpstr (part_text (slide, "heading"), ==, "You said, we did");
    g_assert_true (g_str_has_prefix (part_text (slide, "subheading"),
                                     "Since the last meeting, 16 September 2026 · 1 of "));
  }
  /* The rating keys are for actions. */
  g_assert_false (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_r, 0));

  /* The same keys move on, through every entry to the closing slide. */
  for (guint i = 1; i < expected; i++)
    {
      g_assert_true (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_Right, 0));
      drain_main_loop ();
      g_assert_cmpint (pathway_presenter_slide_get_kind (slide), ==,
                       PATHWAY_PRESENTER_SLIDE_COPRODUCTION);
    }
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_Right, 0));
  drain_main_loop ();
  g_assert_cmpint (pathway_presenter_slide_get_kind (slide), ==, PATHWAY_PRESENTER_SLIDE_CLOSING);
  g_assert_true (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_Left, 0));
  drain_main_loop ();
  g_assert_cmpint (pathway_presenter_slide_get_kind (slide), ==,
                   PATHWAY_PRESENTER_SLIDE_COPRODUCTION);

  /* Each entry's slide inside the slide, the type large enough, at both sizes; the long one
   * says why not. */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      show_presenter_at (f->presenter, sizes[s][0], sizes[s][1]);
      for (guint i = 0; i < expected; i++)
        {
          PathwayCoproduction *entry;

          pathway_presenter_set_position (f->presenter, first + i);
          wait_for_drawn (f->presenter);
          assert_fits (slide);
          entry = pathway_presenter_get_coproduction_entry (f->presenter);
          if (pathway_coproduction_get_status (entry) == PATHWAY_RESPONSE_NOT_DONE)
            g_assert_cmpstr (part_text (slide, "did-heading"), ==, "Why not");
          if (g_str_equal (pathway_coproduction_get_said (entry), said->str))
            {
              /* Cut short, with at least three lines of each text. */
              g_assert_cmpint (pango_layout_get_line_count (pathway_presenter_slide_find_part (
                                 slide, "said")->layout), >=, 3);
              g_assert_cmpint (pango_layout_get_line_count (pathway_presenter_slide_find_part (
                                 slide, "did")->layout), >=, 3);
              g_assert_cmpstr (part_text (slide, "links"), ==,
                               "Linked to: Actions 1A i, 1A ii, 1A iii · Areas 1, 2, 3");
            }
        }
    }
  pathway_presenter_leave (f->presenter);
}

/* Screenshots ---------------------------------------------------------------------------------- */

static void
set_window_size (GtkWindow *window,
                 int        width,
                 int        height)
{
  /* A mapped window keeps its size; a default size applies when it is shown again. Its own
   * minimum too, so that a screen smaller than 1920x1080 does not shrink it. */
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_widget_set_size_request (GTK_WIDGET (window), width, height);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wait_for_window_size (window, width, height);
}

static gboolean
squeezer_still (gpointer window)
{
  GtkWidget *squeezer = find_of_type (window, ADW_TYPE_SQUEEZER, NULL);

  return squeezer == NULL || !adw_squeezer_get_transition_running (ADW_SQUEEZER (squeezer));
}

/* The window drawn once the header's title has settled after a change of size. */
static void
wait_for_settled (GtkWindow *window)
{
  wait_for_drawn (window);
  wait_for ("the header bar's title to settle", squeezer_still, window);
  wait_for_drawn (window);
}

/* The field is inside what its dialog's scrolled window shows. */
static gboolean
scrolled_into_view (gpointer field)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (field, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static void
save_named_png (GtkWidget  *widget,
                const char *folder,
                const char *name,
                const char *scheme)
{
  g_autofree char *file = g_strdup_printf ("coproduction-%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  save_png (widget, path);
  g_test_message ("saved %s", path);
}

/* The view (empty, with entries, and filtered) at both sizes, the dialog, and the slides,
 * light and dark. */
static void
save_entry_slides (Fixture        *f,
                   PathwayMeeting *meeting,
                   const char     *folder,
                   const char     *scheme,
                   gboolean        last_only)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  f->presenter = g_object_ref_sink (pathway_presenter_new (GTK_WINDOW (f->window),
                                                           document_of (f), meeting, NULL));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint first, last;

      show_presenter_at (f->presenter, sizes[s][0], sizes[s][1]);
      g_assert_true (ui_test_press_key (GTK_WIDGET (f->presenter), GDK_KEY_y, 0));
      first = pathway_presenter_get_position (f->presenter);
      last = pathway_presenter_get_n_slides (f->presenter) - 2;
      for (guint i = last_only ? last : first; i <= last; i++)
        {
          g_autofree char *name = NULL;

          if (last_only)
            name = g_strdup_printf ("slide-long-%dx%d", sizes[s][0], sizes[s][1]);
          else
            name = g_strdup_printf ("slide-%u-%dx%d", i - first + 1, sizes[s][0], sizes[s][1]);
          pathway_presenter_set_position (f->presenter, i);
          wait_for_drawn (f->presenter);
          save_named_png (GTK_WIDGET (f->presenter), folder, name, scheme);
        }
    }
  pathway_presenter_leave (f->presenter);
  g_clear_object (&f->presenter);
}

/* The newest entry of a survey. */
static PathwayCoproduction *
newest_survey (Fixture *f)
{
  GListModel *entries = pathway_programme_get_coproduction (programme_of (f));
  PathwayCoproduction *newest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      if (pathway_coproduction_get_audience (entry) == PATHWAY_AUDIENCE_SURVEY &&
          (newest == NULL || g_date_compare (pathway_coproduction_get_date (entry),
                                             pathway_coproduction_get_date (newest)) > 0))
        newest = entry; /* the programme keeps it */
    }
  g_assert_nonnull (newest);
  return newest;
}

/* The view (empty, and with the demo's entries) at both sizes, the dialog, and the slides of
 * the demo's entries since the board's last meeting and of a long entry, light and dark. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PathwayMeeting *meeting = meeting_on (f, "2026-11-18");
  guint n_entries = g_list_model_get_n_items (pathway_programme_get_coproduction (
                                                programme_of (f)));
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GString) why_not = g_string_new (NULL);
  Entry long_entry = { "2026-11-18", "other", "Drop-in at the library", NULL, NULL,
                       "Ask the short breaks team to call back within a week.", NULL,
                       "not-done", "1A i, 1A ii, 1A iii", "1, 2, 3" };

  for (guint i = 0; i < 12; i++)
    g_string_append (said, "Families asked again and again for someone to ring them back. ");
  for (guint i = 0; i < 10; i++)
    g_string_append (why_not, "The service cannot take on the work this year. ");
  long_entry.said = said->str;
  long_entry.did = why_not->str;

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      PathwayRecordDialog *dialog;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* Empty: the demo's entries set aside for a moment. */
      set_window_size (GTK_WINDOW (f->window), 1024, 768);
      set_aside_entries (f);
      wait_for_page (f, "empty");
      wait_for_settled (GTK_WINDOW (f->window));
      save_named_png (GTK_WIDGET (f->window), folder, "empty-1024x768", scheme);
      /* Through the document, so that no toast covers the next pictures. */
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (pathway_document_undo (document_of (f), &error));
        g_assert_no_error (error);
      }
      wait_for_cards (f, n_entries);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *name = g_strdup_printf ("view-%dx%d", sizes[s][0], sizes[s][1]);

          set_window_size (GTK_WINDOW (f->window), sizes[s][0], sizes[s][1]);
          wait_for_settled (GTK_WINDOW (f->window));
          save_named_png (GTK_WIDGET (f->window), folder, name, scheme);
        }

      /* The dialog of a survey's entry, and a new entry whose link was refused. */
      set_window_size (GTK_WINDOW (f->window), 1024, 768);
      activate (f, "coproduction.edit",
                g_variant_new_int64 (pathway_coproduction_get_id (newest_survey (f))));
      dialog = record_dialog ();
      /* Twice: a text view learns its height from its text after it is first drawn. */
      wait_for_drawn (dialog);
      wait_for_drawn (dialog);
      save_named_png (GTK_WIDGET (dialog), folder, "dialog", scheme);
      destroy_window (dialog);
      activate (f, "coproduction.add", NULL);
      dialog = record_dialog ();
      type_into (dialog, "date", "18/11/2026");
      type_into (dialog, "said", "The short breaks list is out of date.");
      type_into (dialog, "actions", "9Z ix");
      g_signal_emit_by_name (named_in (dialog, "save-button"), "clicked");
      drain_main_loop ();
      wait_for_drawn (dialog);
      wait_for ("the refused field to be scrolled into view", scrolled_into_view,
                named_in (dialog, "actions-error"));
      wait_for_drawn (dialog);
      save_named_png (GTK_WIDGET (dialog), folder, "dialog-refused", scheme);
      destroy_window (dialog);

      save_entry_slides (f, meeting, folder, scheme, FALSE);
    }

  /* A long entry's slide, cut short. */
  add_entry (f, &long_entry);
  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_entry_slides (f, meeting, folder, dark ? "dark" : "light", TRUE);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/coproduction/add-in-empty-programme", Fixture,
              GINT_TO_POINTER (EMPTY_PROGRAMME), fixture_set_up, test_add_in_empty_programme,
              fixture_tear_down);
  g_test_add ("/ui/coproduction/edit-and-links", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_edit_and_links, fixture_tear_down);
  g_test_add ("/ui/coproduction/filters", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/coproduction/retire-and-undo", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_retire_and_undo, fixture_tear_down);
  g_test_add ("/ui/coproduction/accessible-labels", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_accessible_labels, fixture_tear_down);
  g_test_add ("/ui/coproduction/presenter-shows-entries", Fixture,
              GINT_TO_POINTER (DEMO_PROGRAMME), fixture_set_up, test_presenter_shows_entries,
              fixture_tear_down);
  g_test_add ("/ui/coproduction/screenshots", Fixture, GINT_TO_POINTER (DEMO_PROGRAMME),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
