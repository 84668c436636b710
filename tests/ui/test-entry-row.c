/* test-entry-row.c: PathwayEntryRow, the titled entry row that stands in for AdwEntryRow. It
 * proves that the entry in the row is named by the row's title (or by the fuller name given
 * for it) so that a screen reader says what it is; that focusing the row, by Tab or by asking,
 * puts the focus in that entry; that text set on the row reads back from the row and the
 * entry alike, with "changed" sent on the row; that the apply button comes with the person's
 * typing and Enter applies; and that Enter otherwise sends "entry-activated". With
 * PATHWAY_SCREENSHOT_DIR set it saves the rows in a preferences group as a PNG, one of them
 * marked as an error, the other being typed in. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <adwaita.h>

#include "pathway-entry-row.h"
#include "ui-test-support.h"

typedef struct {
  GtkWindow *window;
  PathwayEntryRow *row;
  PathwayEntryRow *other;
  GtkWidget *button;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 480, 300);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Programme");

  f->row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "Local area");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (f->row));

  f->other = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->other), "Value");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (f->other));

  f->button = gtk_button_new_with_label ("Save");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), f->button);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  wait_for_mapped (f->row);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
}

static void
check_label (GtkWidget  *widget,
             const char *label)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  if (mismatch != NULL)
    g_error ("%s", mismatch);
}

/* The entry is named by the title, and follows it; a fuller name replaces it. */
static void
test_entry_named_by_title (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (pathway_entry_row_get_entry (f->row));

  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_true (gtk_widget_is_ancestor (entry, GTK_WIDGET (f->row)));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (entry),
                                               GTK_ACCESSIBLE_ROLE_TEXT_BOX));
  check_label (entry, "Local area");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "Area");
  check_label (entry, "Area");

  pathway_entry_row_set_entry_label (f->other, "Target value");
  check_label (GTK_WIDGET (pathway_entry_row_get_entry (f->other)), "Target value");
  pathway_entry_row_set_entry_label (f->other, NULL);
  check_label (GTK_WIDGET (pathway_entry_row_get_entry (f->other)), "Value");

  /* The apply button, icon-only, has a name of its own. */
  pathway_entry_row_set_show_apply_button (f->row, TRUE);
  check_label (find_of_type (GTK_WIDGET (f->row), GTK_TYPE_BUTTON, "apply-button"), "Apply");
}

/* The focus goes into the entry, never to the row itself: asked for, and by Tab. */
static void
test_focus_goes_to_entry (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (pathway_entry_row_get_entry (f->row));
  GtkWidget *other = GTK_WIDGET (pathway_entry_row_get_entry (f->other));
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->row)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->row)) == FALSE);

  /* Tab from the first entry lands in the second, not on its row. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == other || gtk_widget_is_ancestor (focus, other));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == f->button);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == other || gtk_widget_is_ancestor (focus, other));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* The row is the entry's GtkEditable: text set on one reads back from both. */
static void
test_text_reads_back (Fixture       *f,
                      gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (pathway_entry_row_get_entry (f->row));
  g_autofree char *property = NULL;
  guint changed = 0;

  g_signal_connect (f->row, "changed", G_CALLBACK (count_cb), &changed);

  gtk_editable_set_text (GTK_EDITABLE (f->row), "Northshire & <Dale>");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->row)), ==, "Northshire & <Dale>");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Northshire & <Dale>");
  g_assert_cmpuint (changed, >, 0);

  gtk_editable_set_text (entry, "Wessex");
  g_object_get (f->row, "text", &property, NULL);
  g_assert_cmpstr (property, ==, "Wessex");

  gtk_editable_set_editable (GTK_EDITABLE (f->row), FALSE);
  g_assert_false (gtk_editable_get_editable (entry));
}

/* Typing reveals the apply button; Enter applies and hides it. Without it, Enter sends
 * "entry-activated". */
static void
test_apply_and_activate (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *apply = find_of_type (GTK_WIDGET (f->row), GTK_TYPE_BUTTON, "apply-button");
  GtkWidget *entry = GTK_WIDGET (pathway_entry_row_get_entry (f->row));
  guint applied = 0, activated = 0;

  g_signal_connect (f->row, "apply", G_CALLBACK (count_cb), &applied);
  g_signal_connect (f->row, "entry-activated", G_CALLBACK (count_cb), &activated);
  g_signal_connect (f->other, "entry-activated", G_CALLBACK (count_cb), &activated);

  /* Set while no one is typing: no apply button (the model filling the row). */
  gtk_widget_grab_focus (f->button);
  pathway_entry_row_set_show_apply_button (f->row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (f->row), "From the model");
  g_assert_false (gtk_widget_get_visible (apply));

  gtk_widget_grab_focus (GTK_WIDGET (f->row));
  gtk_editable_set_text (GTK_EDITABLE (f->row), "Typed");
  g_assert_true (gtk_widget_get_visible (apply));

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (applied, ==, 1);
  g_assert_cmpuint (activated, ==, 0);
  g_assert_false (gtk_widget_get_visible (apply));

  g_signal_emit_by_name (pathway_entry_row_get_entry (f->other), "activate");
  g_assert_cmpuint (activated, ==, 1);
}

/* A password row hides its text and still reads it back. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *row = pathway_entry_row_new_password ();
  GtkEntry *entry = pathway_entry_row_get_entry (PATHWAY_ENTRY_ROW (row));

  g_object_ref_sink (row);
  g_assert_false (gtk_entry_get_visibility (entry));
  g_assert_cmpint (gtk_entry_get_input_purpose (entry), ==, GTK_INPUT_PURPOSE_PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (row), "secret");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "secret");
  g_object_unref (row);
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (f->row), "Northshire");
  /* As a field refused on saving shows it. */
  gtk_widget_add_css_class (GTK_WIDGET (f->row), "error");
  pathway_entry_row_set_show_apply_button (f->other, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (f->other));
  gtk_editable_set_text (GTK_EDITABLE (f->other), "56.9");
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "entry-row.png", NULL);
  save_png (f->window, path);
}

int
main (int argc, char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  ui_test_grow_quarks ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/entry-row/entry-named-by-title", Fixture, NULL, fixture_set_up,
              test_entry_named_by_title, fixture_tear_down);
  g_test_add ("/ui/entry-row/focus-goes-to-entry", Fixture, NULL, fixture_set_up,
              test_focus_goes_to_entry, fixture_tear_down);
  g_test_add ("/ui/entry-row/text-reads-back", Fixture, NULL, fixture_set_up,
              test_text_reads_back, fixture_tear_down);
  g_test_add ("/ui/entry-row/apply-and-activate", Fixture, NULL, fixture_set_up,
              test_apply_and_activate, fixture_tear_down);
  g_test_add ("/ui/entry-row/password", Fixture, NULL, fixture_set_up, test_password,
              fixture_tear_down);
  g_test_add ("/ui/entry-row/screenshot", Fixture, NULL, fixture_set_up, test_screenshot,
              fixture_tear_down);
  return g_test_run ();
}
