/* ui-test-support.h: what every ui test needs: running the main loop until something holds,
 * finding widgets, saving a window as PNG, and cleaning up temporary folders. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until condition holds; fails the test after ten seconds. */
void wait_until (Condition condition, gpointer data);
/* Lets idle work (coalesced refreshes, layout, drawing) finish. */
void settle (void);
gboolean is_mapped (gpointer widget);
/* The first widget below root (or root) with that widget name. */
GtkWidget *find_named (GtkWidget *root, const char *name);
/* The first widget below root (or root) of that type and, if given, that CSS class. */
GtkWidget *find_of_type (GtkWidget *root, GType type, const char *css_class);
/* Renders the widget with its own renderer and saves it as PNG. */
void save_png (GtkWidget *widget, const char *path);
void remove_tree (const char *path);
/* Call after adw_init(): grows GLib's quark table past its first block and tells
 * LeakSanitizer that the old block is not a leak. GLib deliberately drops its old quark block
 * when the table grows (at 2048 quarks, which a test of the whole window nears); system GLib
 * has no frame pointers for a suppression to match, so the block is found and ignored here. */
void ui_test_grow_quarks (void);

G_END_DECLS
