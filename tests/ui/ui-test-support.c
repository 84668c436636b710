#define _GNU_SOURCE /* dl_iterate_phdr */
/* ui-test-support.c: shared helpers of the ui tests; the waits are described in
 * ui-test-support.h. */
#define G_LOG_DOMAIN "pathway-ui"

#include <glib/gstdio.h>

#include "ui-test-support.h"

#include <string.h>

/* How long a wait may take before the test fails: long enough for a machine busy with other
 * work, short enough that a condition that will never hold is reported by name rather than by
 * the test harness's timeout. */
static gint64
wait_limit_seconds (void)
{
  const char *multiplier = g_getenv ("PATHWAY_TEST_TIMEOUT_MULTIPLIER");
  double factor = multiplier != NULL ? g_ascii_strtod (multiplier, NULL) : 1.0;

  return (gint64) (30 * (factor >= 1.0 ? factor : 1.0));
}

/* Does nothing: a wake-up so the loop looks at its condition and the clock now and then,
 * when the condition changes without an event (another process writing a file). */
static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef char *(*Describe) (gpointer data);

/* Runs the main loop until the condition holds. On failure the message says what was awaited
 * and, when describe is given, what there is instead. */
static void
wait_or_fail (const char *file,
              int         line,
              const char *func,
              const char *what,
              Condition   condition,
              gpointer    data,
              Describe    describe)
{
  gint64 limit = wait_limit_seconds ();
  gint64 deadline = g_get_monotonic_time () + limit * G_USEC_PER_SEC;
  guint wake_up = 0;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *seen = describe != NULL ? describe (data) : NULL;
          g_autofree char *message = NULL;

          g_clear_handle_id (&wake_up, g_source_remove);
          message = g_strdup_printf ("waited %" G_GINT64_FORMAT " s for %s%s%s", limit, what,
                                     seen != NULL ? "; " : "", seen != NULL ? seen : "");
          g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
          return;
        }
      if (wake_up == 0)
        wake_up = g_timeout_add (50, wake_up_cb, NULL);
      g_main_context_iteration (NULL, TRUE);
    }
  g_clear_handle_id (&wake_up, g_source_remove);
}

void
ui_test_wait_for (const char *file,
                  int         line,
                  const char *func,
                  const char *what,
                  Condition   condition,
                  gpointer    data)
{
  wait_or_fail (file, line, func, what, condition, data, NULL);
}

/* "GtkLabel 'programme-name'", a window by its title, or the type alone for a widget without
 * a name of its own. */
static char *
describe_widget (GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    return g_strdup_printf ("%s '%s'", type, gtk_window_get_title (GTK_WINDOW (widget)));
  if (g_strcmp0 (name, type) == 0)
    return g_strdup (type);
  return g_strdup_printf ("%s '%s'", type, name);
}

typedef struct {
  GtkLabel *label;
  const char *text;
} LabelText;

static gboolean
label_reads (gpointer data)
{
  LabelText *expected = data;

  return g_strcmp0 (gtk_label_get_text (expected->label), expected->text) == 0;
}

static char *
describe_label (gpointer data)
{
  LabelText *expected = data;

  return g_strdup_printf ("it reads '%s'", gtk_label_get_text (expected->label));
}

void
ui_test_wait_for_label_text (const char *file,
                             int         line,
                             const char *func,
                             GtkLabel   *label,
                             const char *text)
{
  LabelText expected = { label, text };
  g_autofree char *widget = describe_widget (GTK_WIDGET (label));
  g_autofree char *what = g_strdup_printf ("%s to read '%s'", widget, text);

  wait_or_fail (file, line, func, what, label_reads, &expected, describe_label);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static char *
describe_visibility (gpointer data)
{
  GtkWidget *widget = data;

  return g_strdup_printf ("it is %s", gtk_widget_get_visible (widget) ? "visible"
                                                                     : "not visible");
}

void
ui_test_wait_for_mapped (const char *file,
                         int         line,
                         const char *func,
                         GtkWidget  *widget,
                         gboolean    mapped)
{
  g_autofree char *name = describe_widget (widget);
  g_autofree char *what = g_strdup_printf ("%s to be %s", name, mapped ? "mapped" : "unmapped");

  wait_or_fail (file, line, func, what, mapped ? is_mapped : is_unmapped, widget,
                describe_visibility);
}

typedef struct {
  GtkWindow *window;
  int width;
  int height;
} WindowSize;

static gboolean
window_has_size (gpointer data)
{
  WindowSize *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->window));

  /* The surface is the size asked for; the window inside it may be a few pixels smaller
   * where client-side decorations keep a border. A width of its own means it has been laid
   * out since it was shown. */
  return surface != NULL && gtk_widget_get_mapped (GTK_WIDGET (size->window)) &&
         gdk_surface_get_width (surface) == size->width &&
         gdk_surface_get_height (surface) == size->height &&
         gtk_widget_get_width (GTK_WIDGET (size->window)) > 0;
}

static char *
describe_window_size (gpointer data)
{
  WindowSize *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->window));

  if (surface == NULL || !gtk_widget_get_mapped (GTK_WIDGET (size->window)))
    return g_strdup ("it is not mapped");
  return g_strdup_printf ("its surface is %dx%d, the window %dx%d",
                          gdk_surface_get_width (surface), gdk_surface_get_height (surface),
                          gtk_widget_get_width (GTK_WIDGET (size->window)),
                          gtk_widget_get_height (GTK_WIDGET (size->window)));
}

void
ui_test_wait_for_window_size (const char *file,
                              int         line,
                              const char *func,
                              GtkWindow  *window,
                              int         width,
                              int         height)
{
  WindowSize size = { window, width, height };
  g_autofree char *name = describe_widget (GTK_WIDGET (window));
  g_autofree char *what = g_strdup_printf ("%s to be shown at %dx%d", name, width, height);

  wait_or_fail (file, line, func, what, window_has_size, &size, describe_window_size);
}

typedef struct {
  AdwLeaflet *leaflet;
  gboolean folded;
} Folded;

static gboolean
leaflet_folded (gpointer data)
{
  Folded *expected = data;

  return adw_leaflet_get_folded (expected->leaflet) == expected->folded;
}

static char *
describe_leaflet (gpointer data)
{
  Folded *expected = data;

  return g_strdup_printf ("it is %dx%d", gtk_widget_get_width (GTK_WIDGET (expected->leaflet)),
                          gtk_widget_get_height (GTK_WIDGET (expected->leaflet)));
}

void
ui_test_wait_for_folded (const char *file,
                         int         line,
                         const char *func,
                         AdwLeaflet *leaflet,
                         gboolean    folded)
{
  Folded expected = { leaflet, folded };
  g_autofree char *name = describe_widget (GTK_WIDGET (leaflet));
  g_autofree char *what = g_strdup_printf ("%s to be %s", name, folded ? "folded" : "unfolded");

  wait_or_fail (file, line, func, what, leaflet_folded, &expected, describe_leaflet);
}

typedef struct {
  GtkWidget *widget;
  GdkPaintable *paintable;
  GskRenderNode *node;
} Picture;

/* A widget paintable shows the widget as it was last drawn; made just after the widget was
 * asked to draw again, it has nothing to show until that drawing is done. */
static gboolean
picture_taken (gpointer data)
{
  Picture *picture = data;
  int width = gtk_widget_get_width (picture->widget);
  int height = gtk_widget_get_height (picture->widget);
  GtkSnapshot *snapshot;

  if (!gtk_widget_get_mapped (picture->widget) || width <= 0 || height <= 0)
    return FALSE;
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (picture->paintable, GDK_SNAPSHOT (snapshot), width, height);
  g_clear_pointer (&picture->node, gsk_render_node_unref);
  picture->node = gtk_snapshot_free_to_node (snapshot);
  return picture->node != NULL;
}

static char *
describe_picture (gpointer data)
{
  Picture *picture = data;

  if (!gtk_widget_get_mapped (picture->widget))
    return g_strdup ("it is not mapped");
  return g_strdup_printf ("it is %dx%d and has not drawn",
                          gtk_widget_get_width (picture->widget),
                          gtk_widget_get_height (picture->widget));
}

GskRenderNode *
ui_test_wait_for_picture (const char *file,
                          int         line,
                          const char *func,
                          GtkWidget  *widget)
{
  Picture picture = { widget, NULL, NULL };
  g_autofree char *name = describe_widget (widget);
  g_autofree char *what = g_strdup_printf ("%s to be drawn", name);

  /* A coalesced refresh or the like first, so that the drawing shows its result. */
  drain_main_loop ();
  ui_test_wait_for_mapped (file, line, func, widget, TRUE);
  gtk_widget_queue_draw (widget);
  picture.paintable = gtk_widget_paintable_new (widget);
  wait_or_fail (file, line, func, what, picture_taken, &picture, describe_picture);
  g_object_unref (picture.paintable);
  return picture.node;
}

void
ui_test_wait_for_drawn (const char *file,
                        int         line,
                        const char *func,
                        GtkWidget  *widget)
{
  GskRenderNode *node = ui_test_wait_for_picture (file, line, func, widget);

  g_clear_pointer (&node, gsk_render_node_unref);
}

static gboolean
is_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

void
ui_test_destroy_window (const char *file,
                        int         line,
                        const char *func,
                        GtkWindow  *window)
{
  g_autofree char *name = describe_widget (GTK_WIDGET (window));
  g_autofree char *what = g_strdup_printf ("%s to be finalized once destroyed", name);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  wait_or_fail (file, line, func, what, is_gone, &window, NULL);
  if (window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
}

void
drain_main_loop (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_of_type (GtkWidget  *root,
              GType       type,
              const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ui_test_save_png (const char *file,
                  int         line,
                  const char *func,
                  GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GskRenderNode) node = ui_test_wait_for_picture (file, line, func, widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkTexture) texture = NULL;

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

#if defined(__has_include)
#if __has_include(<sanitizer/lsan_interface.h>) && \
    (defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_LEAK__))
#include <link.h>
#include <sanitizer/lsan_interface.h>
/* From the sanitizers' allocator interface (no header for it ships with GCC 12). */
int __sanitizer_get_ownership (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);
#define HAVE_LSAN 1
#endif
#endif

#ifdef HAVE_LSAN
/* GLib keeps its quark table in a static pointer ("quarks") whose first entries are the
 * strings of quarks 1, 2, 3. Finds that pointer's value in libglib's writable segments. */
static int
find_quark_block (struct dl_phdr_info *info, size_t size, void *data)
{
  gpointer *found = data;
  const char *one = g_quark_to_string (1);
  const char *two = g_quark_to_string (2);
  const char *three = g_quark_to_string (3);

  (void) size;
  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0") == NULL)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *phdr = &info->dlpi_phdr[i];
      const char *const **slot;
      const char *const **end;

      if (phdr->p_type != PT_LOAD || (phdr->p_flags & PF_W) == 0)
        continue;
      slot = (const char *const **) (info->dlpi_addr + phdr->p_vaddr);
      end = (const char *const **) (info->dlpi_addr + phdr->p_vaddr + phdr->p_memsz);
      for (; slot < end; slot++)
        {
          const char *const *block = *slot;

          if ((guintptr) block < 4096 || ((guintptr) block & (sizeof (gpointer) - 1)) != 0)
            continue;
          if (__sanitizer_get_ownership (block) &&
              __sanitizer_get_allocated_size (block) >= 2048 * sizeof (gpointer) &&
              block[1] == one && block[2] == two &&
              block[3] == three)
            {
              *found = (gpointer) block;
              return 1;
            }
        }
    }
  return 0;
}
#endif

void
ui_test_grow_quarks (void)
{
  /* GLib grows the table in blocks of 2048; a quark's value is its place in the table. */
  const GQuark block = 2048;
  GQuark quark;
  guint i = 0;
#ifdef HAVE_LSAN
  gpointer old_block = NULL;

  dl_iterate_phdr (find_quark_block, &old_block);
  g_assert_nonnull (old_block);
#endif

  quark = g_quark_from_static_string ("pathway-test-first-quark");
  while (quark <= block)
    {
      char name[64];

      g_snprintf (name, sizeof name, "pathway-test-quark-%u", i++);
      quark = g_quark_from_string (name);
    }
#ifdef HAVE_LSAN
  /* The old block is now unreachable on purpose (GLib keeps it for lock-free readers). */
  __lsan_ignore_object (old_block);
#endif
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

GPtrArray *
ui_test_shortcuts_of_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint k = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        k < g_list_model_get_n_items (G_LIST_MODEL (controller));
           k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            g_ptr_array_add (found, g_steal_pointer (&shortcut));
        }
    }
  return found;
}

gboolean
ui_test_press_key (GtkWidget *root, guint keyval, GdkModifierType modifiers)
{
  guint lower = gdk_keyval_to_lower (keyval);
  GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (root));

  if (lower != keyval)
    modifiers |= GDK_SHIFT_MASK;
  for (widget = widget != NULL ? widget : root; widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GPtrArray) shortcuts = ui_test_shortcuts_of_key (widget, lower, modifiers);

      for (guint i = 0; i < shortcuts->len; i++)
        if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcuts->pdata[i]), 0,
                                          widget,
                                          gtk_shortcut_get_arguments (shortcuts->pdata[i])))
          return TRUE;
    }
  return FALSE;
}

/* Whether a screen reader has a name for the control: its LABEL, a labelled-by relation, or
 * (for a button) the text it shows. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  char *mismatch;

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "");
      if (mismatch != NULL)
        {
          g_free (mismatch);
          return TRUE;
        }
    }
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      GtkWidget *label = find_of_type (widget, GTK_TYPE_LABEL, NULL);

      return label != NULL && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
    }
  return FALSE;
}

void
ui_test_collect_unnamed (GtkWidget *widget,
                         GString   *unnamed)
{
  gboolean control = GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget) ||
                     GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget) ||
                     GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
                     GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
                     (GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_focusable (widget));

  if (!gtk_widget_get_visible (widget))
    return;
  if (control && !has_name (widget))
    {
      GtkWidget *label = find_of_type (widget, GTK_TYPE_LABEL, NULL);

      g_string_append_printf (unnamed, "%s%s \"%s\" (%s, showing \"%s\")",
                              unnamed->len > 0 ? ", " : "", G_OBJECT_TYPE_NAME (widget),
                              gtk_widget_get_name (widget),
                              gtk_widget_get_name (gtk_widget_get_parent (widget)),
                              label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "");
    }
  if (GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_ENTRY (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_unnamed (child, unnamed);
}

static gboolean
focus_within (GtkWidget *root,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
ui_test_check_sidebar_keys (GtkWidget  *root,
                            GtkWidget  *view,
                            GtkListBox *list,
                            gpointer  (*get_selected) (GtkWidget *view))
{
  GtkListBoxRow *first = gtk_list_box_get_selected_row (list);
  gpointer shown = get_selected (view);
  gpointer chosen;

  g_assert_nonnull (first);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));

  g_assert_true (ui_test_press_key (root, GDK_KEY_Down, 0));
  g_assert_true (focus_within (root, GTK_WIDGET (list)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) != GTK_WIDGET (first));
  drain_main_loop ();
  g_assert_true (get_selected (view) == shown);
  g_assert_true (gtk_list_box_get_selected_row (list) == first);

  g_assert_true (ui_test_press_key (root, GDK_KEY_Return, 0));
  drain_main_loop ();
  chosen = get_selected (view);
  g_assert_true (chosen != shown);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_selected_row (list))
                 == gtk_root_get_focus (GTK_ROOT (root)));

  g_assert_true (ui_test_press_key (root, GDK_KEY_Tab, 0));
  g_assert_false (focus_within (root, GTK_WIDGET (list)));
  g_assert_true (get_selected (view) == chosen);
}
