/* test-report-view.c: the Board report view, in the main window on the demo programme
 * (written into a temporary folder). It proves that the view shows the demo's pack over more
 * than one page; that Next and Previous move the page and its label; that a title typed in
 * and activated is written to the file and changes the pack, and is shown as written even with
 * markup characters in it; that turning a section off takes its pages out; that printing
 * through GtkPrintOperation to a PDF gives the pack's pages with the title on the first; and
 * that the settings are insensitive on a read-only file while the preview still works; that
 * the export button's menu offers the pack as a Word document, by keyboard and by name. With
 * PATHWAY_SCREENSHOT_DIR set it saves PNGs of the view at 1280x800 light and dark and at
 * 1024x768. */
#define G_LOG_DOMAIN "pathway-ui"

#include "ui-test-support.h"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <poppler.h>

#include "pathway-demo.h"
#include "pathway-pack.h"
#include "pathway-report-view.h"
#include "pathway-window.h"

#define AWKWARD_TITLE "S<OT & \"SALT\""

typedef struct {
  char *dir;
  char *path;
  PathwayWindow *window;
} Fixture;

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static PathwayReportView *
report_view (Fixture *f)
{
  GtkWidget *view = find_of_type (GTK_WIDGET (f->window), PATHWAY_TYPE_REPORT_VIEW, NULL);

  g_assert_nonnull (view);
  return PATHWAY_REPORT_VIEW (view);
}

static void
show_report (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s",
                                             "report"));
  /* Laid out, so that the preview has its room. */
  wait_for_drawn (report_view (f));
}

static GtkLabel *
page_label_widget (Fixture *f)
{
  return GTK_LABEL (named (GTK_WIDGET (report_view (f)), "report-page-label"));
}

static const char *
page_label (Fixture *f)
{
  return gtk_label_get_text (page_label_widget (f));
}

static PathwayPack *
pack_of (Fixture *f)
{
  PathwayPack *pack = pathway_report_view_get_pack (report_view (f));

  g_assert_nonnull (pack);
  return pack;
}

/* The text on one page of the pack, read back from its PDF. */
static char *
page_text (PathwayPack *pack,
           guint        page,
           const char  *dir)
{
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *pdf_page;
  char *text;

  g_assert_true (pathway_pack_write_pdf (pack, path, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf_page = poppler_document_get_page (pdf, (int) page);
  text = poppler_page_get_text (pdf_page);
  g_object_unref (pdf_page);
  g_object_unref (pdf);
  return text;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = named (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types into an entry row and presses Enter in it. */
static void
type_and_activate (GtkWidget  *root,
                   const char *name,
                   const char *text)
{
  GtkWidget *row = named (root, name);
  GtkWidget *editable = find_of_type (row, GTK_TYPE_TEXT, NULL);

  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (editable, "activate");
}

typedef struct {
  Fixture *f;
  PathwayPack *before;
} PackRemade;

/* The view shows a pack other than the one it had. */
static gboolean
pack_remade (gpointer data)
{
  PackRemade *remade = data;

  return pathway_report_view_get_pack (report_view (remade->f)) != remade->before;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwayOpenFlags flags = GPOINTER_TO_UINT (data);

  f->dir = g_dir_make_tmp ("pathway-report-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Demo programme.pathway", NULL);
  g_assert_true (pathway_demo_write (f->path, &error));
  g_assert_no_error (error);

  f->window = pathway_window_new (NULL);
  g_assert_true (pathway_window_load (f->window, f->path, flags, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_mapped (f->window);
  show_report (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_window (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_shows_pack (Fixture       *f,
                 gconstpointer  data)
{
  PathwayPack *pack = pack_of (f);
  g_autofree char *expected = NULL;
  GtkWidget *preview = named (GTK_WIDGET (report_view (f)), "report-preview");

  g_assert_cmpuint (pathway_pack_get_n_pages (pack), >, 1);
  g_assert_cmpuint (pathway_report_view_get_page (report_view (f)), ==, 0);
  expected = g_strdup_printf ("Page 1 of %u · %s", pathway_pack_get_n_pages (pack),
                              pathway_pack_get_page_title (pack, 0));
  g_assert_cmpstr (page_label (f), ==, expected);
  /* The paper is drawn: the preview has room for a page. */
  g_assert_cmpint (gtk_widget_get_width (preview), >, 300);
  g_assert_cmpint (gtk_widget_get_height (preview), >, 300);
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (report_view (f)),
                                                "report-settings")));
}

static void
test_navigates_pages (Fixture       *f,
                      gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  PathwayPack *pack = pack_of (f);
  guint n = pathway_pack_get_n_pages (pack);
  g_autofree char *second = g_strdup_printf ("Page 2 of %u · %s", n,
                                             pathway_pack_get_page_title (pack, 1));
  g_autofree char *last = g_strdup_printf ("Page %u of %u · %s", n, n,
                                           pathway_pack_get_page_title (pack, n - 1));
  g_autofree char *first = g_strdup (page_label (f));

  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (view), "report-previous")));
  click (GTK_WIDGET (view), "report-next");
  g_assert_cmpuint (pathway_report_view_get_page (view), ==, 1);
  wait_for_label_text (page_label_widget (f), second);

  click (GTK_WIDGET (view), "report-previous");
  g_assert_cmpuint (pathway_report_view_get_page (view), ==, 0);
  wait_for_label_text (page_label_widget (f), first);

  /* To the last page: Next stops there. */
  for (guint i = 0; i < n + 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "report.next-page", NULL);
  wait_for_label_text (page_label_widget (f), last);
  g_assert_cmpuint (pathway_report_view_get_page (view), ==, n - 1);
  g_assert_false (gtk_widget_get_sensitive (named (GTK_WIDGET (view), "report-next")));
}

/* The first label below root showing that text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the menu (or one of its sections) has an item for that action with that label. */
static gboolean
menu_has_item (GMenuModel *menu,
               const char *action,
               const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_item (section, action, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label)
          && g_str_equal (item_action, action) && g_str_equal (item_label, label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
popover_gone (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* "Export Word Document…" is in the export button's menu beside "Export PDF…"; the menu's
 * button is named for screen readers and takes the keyboard focus; the item is on while
 * there is a pack. (Writing the file is the report and cli suites' to test.) */
static void
test_offers_word_document (Fixture       *f,
                           gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  AdwSplitButton *export = ADW_SPLIT_BUTTON (named (GTK_WIDGET (view), "report-export"));
  GtkWidget *formats = named (GTK_WIDGET (view), "report-export-formats");
  GtkWidget *toggle = gtk_widget_get_first_child (formats);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (formats));
  GtkWidget *item;
  char *mismatch;

  g_assert_true (menu_has_item (adw_split_button_get_menu_model (export), "report.export-word",
                                "Export _Word Document…"));
  g_assert_true (menu_has_item (adw_split_button_get_menu_model (export), "report.export",
                                "Export _PDF…"));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (formats),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "Other Formats");
  g_assert_null (mismatch);
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_true (gtk_widget_is_sensitive (toggle));

  adw_split_button_popup (export);
  g_assert_nonnull (popover);
  wait_for_mapped (popover);
  item = find_label (GTK_WIDGET (popover), "Export Word Document…");
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  adw_split_button_popdown (export);
  wait_for ("the export menu to close", popover_gone, popover);
}

/* A meeting property of every meeting of the first board, as the file holds it: "[a][b]". */
static char *
meetings_in_file (const char *path,
                  const char *property)
{
  g_autoptr(GError) error = NULL;
  /* The window holds the file's lock: a copy is read, as another process would read it. */
  g_autoptr(PathwayDocument) reopened = pathway_document_open_copy (path, &error);
  GListModel *boards;
  g_autoptr(PathwayBoard) board = NULL;
  GString *titles = g_string_new (NULL);

  g_assert_no_error (error);
  boards = pathway_programme_get_boards (pathway_document_get_programme (reopened));
  board = g_list_model_get_item (boards, 0);
  for (guint i = 0; i < g_list_model_get_n_items (pathway_board_get_meetings (board)); i++)
    {
      g_autoptr(PathwayMeeting) meeting =
        g_list_model_get_item (pathway_board_get_meetings (board), i);

      g_autofree char *value = NULL;

      g_object_get (meeting, property, &value, NULL);
      g_string_append_printf (titles, "[%s]", value);
    }
  return g_string_free (titles, FALSE);
}

static void
test_title_written_and_shown (Fixture       *f,
                              gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  PathwayPack *before = pack_of (f);
  g_autofree char *old_text = page_text (before, 0, f->dir);
  g_autofree char *text = NULL;
  g_autofree char *titles = NULL;
  PackRemade remade = { f, before };

  g_assert_null (strstr (old_text, "Spring pack for the Board"));
  g_object_ref (before);
  type_and_activate (GTK_WIDGET (view), "report-title", "Spring pack for the Board");

  /* In the file, as another process opening it would find it. */
  titles = meetings_in_file (f->path, "report-title");
  g_assert_nonnull (strstr (titles, "[Spring pack for the Board]"));
  /* The preview's pack is made again, with the title on its first page. */
  wait_for ("the pack to be made again with the new title", pack_remade, &remade);
  text = page_text (pack_of (f), 0, f->dir);
  g_assert_nonnull (strstr (text, "Spring pack for the Board"));
  g_object_unref (before);

  /* Markup characters are text: on the page as written. */
  remade.before = g_object_ref (pack_of (f));
  type_and_activate (GTK_WIDGET (view), "report-title", AWKWARD_TITLE);
  wait_for ("the pack to be made again with the awkward title", pack_remade, &remade);
  g_object_unref (remade.before);
  g_clear_pointer (&text, g_free);
  text = page_text (pack_of (f), 0, f->dir);
  g_assert_nonnull (strstr (text, AWKWARD_TITLE));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (GTK_WIDGET (view),
                                                               "report-title"))),
                   ==, AWKWARD_TITLE);
}

static void
test_refuses_bad_as_at (Fixture       *f,
                        gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  PathwayPack *before = g_object_ref (pack_of (f));
  GtkLabel *caption = GTK_LABEL (named (GTK_WIDGET (view), "report-as-at-caption"));
  PackRemade remade = { f, before };

  type_and_activate (GTK_WIDGET (view), "report-as-at", "31/02/2026");
  g_assert_nonnull (strstr (gtk_label_get_text (caption), "“31/02/2026” is not a day"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  /* Nothing written, so the pack is not made again, even once all ready work has run. */
  drain_main_loop ();
  g_assert_true (pack_of (f) == before);

  /* Any of the forms every date entry takes. */
  type_and_activate (GTK_WIDGET (view), "report-as-at", "31 Jan 2025");
  wait_for ("the pack to be made again as at the new date", pack_remade, &remade);
  g_object_unref (before);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  g_assert_cmpint (g_date_get_year (pathway_pack_get_as_at (pack_of (f))), ==, 2025);
  g_assert_cmpint (g_date_get_month (pathway_pack_get_as_at (pack_of (f))), ==, 1);
  g_assert_cmpint (g_date_get_day (pathway_pack_get_as_at (pack_of (f))), ==, 31);
}

static gboolean
has_page_titled (PathwayPack *pack,
                 const char  *title)
{
  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    if (g_strcmp0 (pathway_pack_get_page_title (pack, i), title) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
amber_gone (gpointer data)
{
  return !has_page_titled (pack_of (data), pathway_pack_section_title (PATHWAY_PACK_SECTION_AMBER));
}

static void
test_section_off_removes_pages (Fixture       *f,
                                gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  const char *amber = pathway_pack_section_title (PATHWAY_PACK_SECTION_AMBER);
  guint before = pathway_pack_get_n_pages (pack_of (f));
  GtkWidget *check = named (GTK_WIDGET (view), "report-section-amber");
  g_autofree char *sections = NULL;

  g_assert_true (has_page_titled (pack_of (f), amber));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  wait_for ("the pack to be made without the amber section", amber_gone, f);

  g_assert_false (has_page_titled (pack_of (f), amber));
  g_assert_cmpuint (pathway_pack_get_n_pages (pack_of (f)), <, before);
  /* Kept with the meeting: its sections are now named, without the amber table. */
  sections = meetings_in_file (f->path, "report-sections");
  g_assert_nonnull (strstr (sections, "[introduction,"));
  g_assert_null (strstr (sections, "amber"));
}

/* The meeting's headlines, typed and left, are kept with the meeting and become a section of
 * the pack; the Draft switch puts DRAFT in the pack's running header. */
static void
test_narrative_and_draft (Fixture       *f,
                          gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  GtkWidget *headlines = named (GTK_WIDGET (view), "report-headlines");
  GtkWidget *draft = named (GTK_WIDGET (view), "report-draft");
  PathwayPack *before = g_object_ref (pack_of (f));
  PackRemade remade = { f, before };
  g_autofree char *kept = NULL;
  g_autofree char *text = NULL;

  g_assert_false (has_page_titled (before, "Headlines"));
  g_assert_true (gtk_widget_grab_focus (headlines));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (headlines)),
                            "- Waiting times are down for a third month.", -1);
  /* Leaving the field keeps what was typed. */
  g_assert_true (gtk_widget_grab_focus (named (GTK_WIDGET (view), "report-title")));
  wait_for ("the pack to be made again with headlines", pack_remade, &remade);
  g_object_unref (before);
  kept = meetings_in_file (f->path, "headlines");
  g_assert_nonnull (strstr (kept, "Waiting times are down"));

  before = g_object_ref (pack_of (f));
  remade.before = before;
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (draft)));
  gtk_switch_set_active (GTK_SWITCH (draft), TRUE);
  wait_for ("the pack to be made again as a draft", pack_remade, &remade);
  g_object_unref (before);
  text = page_text (pack_of (f), 0, f->dir);
  g_assert_nonnull (strstr (text, "DRAFT"));
}

static void
test_prints_to_pdf (Fixture       *f,
                    gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  PopplerPage *first;
  g_autofree char *text = NULL;

  type_and_activate (GTK_WIDGET (view), "report-title", "Printed pack title");
  g_assert_true (pathway_report_view_print_to_file (view, path, &error));
  g_assert_no_error (error);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   (int) pathway_pack_get_n_pages (pack_of (f)));
  first = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (first);
  g_assert_nonnull (strstr (text, "Printed pack title"));
  g_object_unref (first);
  g_object_unref (pdf);
}

static void
test_read_only_settings (Fixture       *f,
                         gconstpointer  data)
{
  PathwayReportView *view = report_view (f);
  GtkWidget *title = named (GTK_WIDGET (view), "report-title");

  g_assert_true (pathway_document_get_read_only (pathway_view_get_document (PATHWAY_VIEW (view))));
  g_assert_false (gtk_widget_is_sensitive (title));
  g_assert_cmpuint (pathway_pack_get_n_pages (pack_of (f)), >, 1);
  click (GTK_WIDGET (view), "report-next");
  g_assert_cmpuint (pathway_report_view_get_page (view), ==, 1);
}

static gboolean
resize (Fixture *f,
        int      width,
        int      height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                            surface);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width || screen.height < height)
    {
      g_test_message ("not resizing to %dx%d: the screen is %dx%d", width, height, screen.width,
                      screen.height);
      return FALSE;
    }
  gtk_widget_hide (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_window_size (f->window, width, height);
  return TRUE;
}

static void
test_saves_screenshots (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { int width, height; gboolean dark; guint page; } sizes[] = {
    { 1280, 800, FALSE, 0 }, { 1280, 800, TRUE, 2 }, { 1024, 768, FALSE, 1 },
  };
  const char *folder = g_getenv ("PATHWAY_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PathwayReportView *view = report_view (f);

  if (folder == NULL || folder[0] == '\0')
    {
      g_test_skip ("PATHWAY_SCREENSHOT_DIR is not set");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("report-view-%dx%d-%s.png", sizes[s].width,
                                               sizes[s].height,
                                               sizes[s].dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (folder, name, NULL);

      adw_style_manager_set_color_scheme (style, sizes[s].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      if (!resize (f, sizes[s].width, sizes[s].height))
        continue;
      while (pathway_report_view_get_page (view) > sizes[s].page)
        gtk_widget_activate_action (GTK_WIDGET (view), "report.previous-page", NULL);
      while (pathway_report_view_get_page (view) < sizes[s].page)
        gtk_widget_activate_action (GTK_WIDGET (view), "report.next-page", NULL);
      save_png (f->window, path);
      g_test_message ("saved %s", path);
    }

  /* The whole page in view. */
  {
    g_autofree char *path = g_build_filename (folder, "report-view-fit-page.png", NULL);

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    resize (f, 1280, 800);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (GTK_WIDGET (view),
                                                            "report-fit-page")),
                                  TRUE);
    save_png (f->window, path);
  }

  /* The settings below the fold: the sections. */
  {
    g_autofree char *path = g_build_filename (folder, "report-view-sections.png", NULL);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (named (GTK_WIDGET (view), "report-settings")));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_png (f->window, path);
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
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, flags, test) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (flags), fixture_set_up, test, fixture_tear_down)

  ADD ("/ui/report-view/shows-pack", PATHWAY_OPEN_DEFAULT, test_shows_pack);
  ADD ("/ui/report-view/navigates-pages", PATHWAY_OPEN_DEFAULT, test_navigates_pages);
  ADD ("/ui/report-view/title-written-and-shown", PATHWAY_OPEN_DEFAULT,
       test_title_written_and_shown);
  ADD ("/ui/report-view/refuses-bad-as-at", PATHWAY_OPEN_DEFAULT, test_refuses_bad_as_at);
  ADD ("/ui/report-view/section-off-removes-pages", PATHWAY_OPEN_DEFAULT,
       test_section_off_removes_pages);
  ADD ("/ui/report-view/narrative-and-draft", PATHWAY_OPEN_DEFAULT, test_narrative_and_draft);
  ADD ("/ui/report-view/prints-to-pdf", PATHWAY_OPEN_DEFAULT, test_prints_to_pdf);
  ADD ("/ui/report-view/offers-word-document", PATHWAY_OPEN_DEFAULT, test_offers_word_document);
  ADD ("/ui/report-view/read-only-settings", PATHWAY_OPEN_READ_ONLY, test_read_only_settings);
  ADD ("/ui/report-view/save-screenshots", PATHWAY_OPEN_DEFAULT, test_saves_screenshots);

#undef ADD

  return g_test_run ();
}
