#define _GNU_SOURCE /* dl_iterate_phdr */
/* ui-test-support.c: shared helpers of the ui tests. */
#include <glib/gstdio.h>

#include "ui-test-support.h"

#include <string.h>

void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
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
save_png (GtkWidget  *widget,
          const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;

  /* The paintable has no picture until the widget has drawn since it was made. */
  for (int i = 0; node == NULL && i < 50; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (i > 0)
        settle ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
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
