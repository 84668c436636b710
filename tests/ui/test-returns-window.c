/* test-returns-window.c: return forms in the app, on the demo programme. Request Updates
 * writes a form per lead ticked (one left out here) and the Returns page then lists each lead
 * as outstanding; a form filled in as a spreadsheet program saves it comes back for review
 * with each change beside the value now, a value changed in the programme since the form went
 * out shown as a conflict and not accepted; Apply writes what is ticked as one undo step and
 * the lead shows as returned; a file that is not a form is named with the reason. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "exchange-test-support.h"
#include "pathway-demo.h"
#include "pathway-returns-window.h"
#include "pathway-returns.h"
#include "pathway-window.h"
#include "ui-test-support.h"

typedef struct {
  char *dir;
  char *path;
  char *forms;
  PathwayWindow *window;
  PathwayReturnsWindow *returns;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pathway-returns-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  f->forms = g_build_filename (f->dir, "Forms", NULL);
  g_assert_cmpint (g_mkdir (f->forms, 0755), ==, 0);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);
  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, PATHWAY_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->returns != NULL)
    destroy_window (f->returns);
  if (f->window != NULL)
    destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->forms);
  g_free (f->path);
  g_free (f->dir);
}

static PathwayDocument *
document_of (Fixture *f)
{
  return pathway_window_get_document (f->window);
}

static gboolean
returns_shown (gpointer data)
{
  Fixture *f = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PATHWAY_IS_RETURNS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          if (f->returns == NULL)
            {
              f->returns = PATHWAY_RETURNS_WINDOW (window);
              g_object_add_weak_pointer (G_OBJECT (f->returns), (gpointer *) &f->returns);
            }
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
named (Fixture *f, const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (f->returns), name);

  if (widget == NULL)
    g_error ("no widget named %s in the returns window", name);
  return widget;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static GtkListBoxRow *
row_at (Fixture *f, const char *list, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (f, list)), index);

  g_assert_nonnull (row);
  return row;
}

static const char *
label_text (Fixture *f, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (named (f, name)));
}

static gboolean
page_is (Fixture *f, const char *page)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (named (f, "returns-status"),
                                                        GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), page) == 0;
}

static gboolean
stack_still (gpointer data)
{
  Fixture *f = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (named (f, "returns-status"),
                                                        GTK_TYPE_STACK));

  return !gtk_stack_get_transition_running (stack);
}

/* The window as a person sees it once its page has stopped changing. */
static void
save_settled (Fixture *f, const char *path)
{
  wait_for ("the page to finish changing", stack_still, f);
  save_png (f->returns, path);
}

/* The forms written, sorted by name. */
static GPtrArray *
list_forms (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->forms, 0, NULL);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xlsx"))
      g_ptr_array_add (forms, g_build_filename (f->forms, name, NULL));
  g_ptr_array_sort (forms, (GCompareFunc) g_strcmp0);
  return forms;
}

static void
test_request_and_review (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) forms = NULL;
  g_autoptr(PathwayReturnImport) peek = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *before = NULL;
  const PathwayReturnChange *first, *second;
  const char *chosen = NULL;
  PathwayAction *updated, *conflicted;
  GtkWidget *check;
  guint n_forms;

  /* Request Updates from the main menu's action: a form per lead, all ticked. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.request-updates", NULL);
  wait_for ("the returns window", returns_shown, f);
  g_assert_true (page_is (f, "request"));
  pathway_returns_window_set_folder (f->returns, f->forms);
  n_forms = n_rows (named (f, "request-forms"));
  g_assert_cmpuint (n_forms, >=, 3);

  /* The first lead is left out. */
  left_out = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, "request-forms", 0))));
  check = find_of_type (GTK_WIDGET (row_at (f, "request-forms", 0)), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  {
    g_autofree char *expected = g_strdup_printf ("%u forms", n_forms - 1);

    g_assert_true (g_str_has_prefix (label_text (f, "request-summary"), expected));
  }
  g_signal_emit_by_name (named (f, "write-button"), "clicked");
  drain_main_loop ();
  g_assert_true (page_is (f, "status"));
  forms = list_forms (f);
  g_assert_cmpuint (forms->len, ==, n_forms - 1);
  g_assert_cmpuint (n_rows (named (f, "returns-status")), ==, n_forms - 1);
  for (guint i = 0; i < n_forms - 1; i++)
    {
      GtkListBoxRow *row = row_at (f, "returns-status", i);
      GtkWidget *chip = find_of_type (GTK_WIDGET (row), GTK_TYPE_LABEL, "return-state");

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, left_out);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chip)), ==, "Outstanding");
    }

  /* The first form comes back with two new commentaries; the second row's action is changed
   * in the programme meanwhile. */
  /* A form of two actions or more. */
  for (guint i = 0; i < forms->len && chosen == NULL; i++)
    {
      g_autoptr(PathwayReturnImport) count = pathway_return_import_new (document_of (f));

      g_assert_true (pathway_return_import_add_file (count, forms->pdata[i], &error));
      g_assert_no_error (error);
      if (pathway_return_import_get_file_n_rows (count, 0) >= 2)
        chosen = forms->pdata[i];
    }
  g_assert_nonnull (chosen);
  exchange_test_fill_form (chosen, "G6", "Typed in the returned form.",
                           "G7", "Also typed in the form.", NULL);
  peek = pathway_return_import_new (document_of (f));
  g_assert_true (pathway_return_import_add_file (peek, chosen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pathway_return_import_get_n_changes (peek), ==, 2);
  first = pathway_return_import_get_change (peek, 0);
  second = pathway_return_import_get_change (peek, 1);
  updated = first->action;
  conflicted = second->action;
  g_assert_true (pathway_document_set_commentary (document_of (f), conflicted,
                                                  "Changed in the programme meanwhile.",
                                                  &error));
  g_assert_no_error (error);
  before = g_strdup (pathway_action_get_commentary (updated));

  {
    const char *paths[] = { chosen, NULL };

    pathway_returns_window_review_files (f->returns, paths);
  }
  g_assert_true (page_is (f, "review"));
  g_assert_false (gtk_widget_get_visible (named (f, "review-error")));
  g_assert_nonnull (strstr (label_text (f, "review-summary"), "2 changes from 1 forms"));
  g_assert_nonnull (strstr (label_text (f, "review-summary"), "is a conflict"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (f, "apply-button"))), ==,
                   "_Apply 1 Change");
  g_assert_nonnull (find_of_type (named (f, "review-changes"), ADW_TYPE_ACTION_ROW,
                                  "return-conflict"));

  g_signal_emit_by_name (named (f, "apply-button"), "clicked");
  drain_main_loop ();
  g_assert_true (page_is (f, "status"));
  g_assert_cmpstr (pathway_action_get_commentary (updated), ==, "Typed in the returned form.");
  g_assert_cmpstr (pathway_action_get_commentary (conflicted), ==,
                   "Changed in the programme meanwhile.");
  /* The lead whose form came back shows as returned, the others still outstanding. */
  {
    const char *lead = pathway_return_import_get_file_lead_name (peek, 0);
    guint n_returned = 0;

    for (guint i = 0; i < n_forms - 1; i++)
      {
        GtkListBoxRow *row = row_at (f, "returns-status", i);
        GtkWidget *chip = find_of_type (GTK_WIDGET (row), GTK_TYPE_LABEL, "return-state");
        gboolean returned = g_str_has_prefix (gtk_label_get_text (GTK_LABEL (chip)), "Returned ");

        g_assert_cmpint (returned, ==,
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    lead) == 0);
        n_returned += returned;
      }
    g_assert_cmpuint (n_returned, ==, 1);
  }

  /* One undo takes the applied return back. */
  g_assert_true (pathway_document_undo (document_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pathway_action_get_commentary (updated), ==, before);

  /* A file that is not a form is named, and nothing is offered from it. */
  {
    g_autofree char *stray = g_build_filename (f->dir, "notes.xlsx", NULL);
    const char *paths[] = { stray, NULL };

    g_assert_true (g_file_set_contents (stray, "not a workbook", -1, NULL));
    pathway_returns_window_review_files (f->returns, paths);
    g_assert_true (gtk_widget_get_visible (named (f, "review-error")));
    g_assert_nonnull (strstr (label_text (f, "review-error"), "notes.xlsx"));
    g_assert_false (gtk_widget_get_sensitive (named (f, "apply-button")));
  }

  if (g_getenv ("PATHWAY_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("PATHWAY_SCREENSHOT_DIR"),
                                                "returns-status.png", NULL);

      pathway_returns_window_show_status (f->returns);
      g_assert_cmpint (g_mkdir_with_parents (g_getenv ("PATHWAY_SCREENSHOT_DIR"), 0755), ==, 0);
      save_settled (f, path);
    }
}

/* Screenshots of the request and the review, light and dark. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (folder == NULL || *folder == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.request-updates", NULL);
  wait_for ("the returns window", returns_shown, f);
  pathway_returns_window_set_folder (f->returns, f->forms);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *request = g_strdup_printf ("%s/returns-request-%s.png", folder,
                                                  dark ? "dark" : "light");
      g_autofree char *review = g_strdup_printf ("%s/returns-review-%s.png", folder,
                                                 dark ? "dark" : "light");
      g_autoptr(GPtrArray) forms = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      pathway_returns_window_show_request (f->returns);
      save_settled (f, request);
      if (!dark)
        {
          g_signal_emit_by_name (named (f, "write-button"), "clicked");
          drain_main_loop ();
        }
      forms = list_forms (f);
      exchange_test_fill_form (forms->pdata[0], "E6", "Red", "F6", "Delayed",
                               "G6", "The provider withdrew; a new one is being sought.",
                               "H6", "Re-tender by February; the lead reports each fortnight.",
                               NULL);
      {
        const char *paths[] = { forms->pdata[0], forms->pdata[1], NULL };

        pathway_returns_window_review_files (f->returns, paths);
      }
      save_settled (f, review);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
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

  g_test_add ("/ui/returns/request-and-review", Fixture, NULL, fixture_set_up,
              test_request_and_review, fixture_tear_down);
  g_test_add ("/ui/returns/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
