/* ui-test-support.h: what every ui test needs: waiting for what it is about to check, finding
 * widgets, saving a window as PNG, and cleaning up temporary folders.
 *
 * A test never waits for a length of time. Each wait_for… runs the main loop until its
 * condition holds, however long a busy machine takes, and fails the test naming what did not
 * happen if it has not held within 30 seconds (times PATHWAY_TEST_TIMEOUT_MULTIPLIER when that
 * is set, for slow machines). The wait_for… names are macros so that a failure points at the
 * test's own line. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until condition (data) holds; 'what' completes "waiting for ...", as in
 * "the editor to close". */
#define wait_for(what, condition, data) \
  ui_test_wait_for (__FILE__, __LINE__, G_STRFUNC, (what), (condition), (data))
/* Until the label's text is exactly 'text'. */
#define wait_for_label_text(label, text) \
  ui_test_wait_for_label_text (__FILE__, __LINE__, G_STRFUNC, (label), (text))
/* Until the widget is mapped (shown on a mapped window), or no longer mapped. */
#define wait_for_mapped(widget) \
  ui_test_wait_for_mapped (__FILE__, __LINE__, G_STRFUNC, GTK_WIDGET (widget), TRUE)
#define wait_for_unmapped(widget) \
  ui_test_wait_for_mapped (__FILE__, __LINE__, G_STRFUNC, GTK_WIDGET (widget), FALSE)
/* Until the window is mapped with a surface of that size and has been given its size. */
#define wait_for_window_size(window, width, height) \
  ui_test_wait_for_window_size (__FILE__, __LINE__, G_STRFUNC, GTK_WINDOW (window), (width), \
                                (height))
/* Until the leaflet has been laid out folded (or unfolded). */
#define wait_for_folded(leaflet, folded) \
  ui_test_wait_for_folded (__FILE__, __LINE__, G_STRFUNC, ADW_LEAFLET (leaflet), (folded))
/* Asks the widget to draw again and waits until it has: what it shows then includes every
 * change made before the call (work ready to run, styles, layout, text). Waiting for a view
 * to be drawn is also how a test knows it has been laid out. */
#define wait_for_drawn(widget) \
  ui_test_wait_for_drawn (__FILE__, __LINE__, G_STRFUNC, GTK_WIDGET (widget))
/* The same, returning that drawing (free with gsk_render_node_unref). */
#define wait_for_picture(widget) \
  ui_test_wait_for_picture (__FILE__, __LINE__, G_STRFUNC, GTK_WIDGET (widget))
/* Destroys the window and waits until it has been finalized, so nothing of it is left
 * running (an idle of its views, its hold on the document) when the test goes on. */
#define destroy_window(window) \
  ui_test_destroy_window (__FILE__, __LINE__, G_STRFUNC, GTK_WINDOW (window))
/* Renders the widget, drawn afresh, with its own renderer and saves it as PNG. */
#define save_png(widget, path) \
  ui_test_save_png (__FILE__, __LINE__, G_STRFUNC, GTK_WIDGET (widget), (path))

/* Runs the work that is ready now (idle callbacks: coalesced refreshes, a dialog's close),
 * waiting for nothing. For a step whose result does not depend on time; what does (layout,
 * drawing, a window mapping) has a wait_for… of its own. */
void drain_main_loop (void);

/* A key pressed as GTK hands it on to bindings: from the widget with the focus in 'root' up to
 * the window, the first shortcut bound on a widget (its class's key bindings and shortcut
 * controllers) that the key with exactly these modifiers matches and whose action runs (a
 * disabled action does not). Capital letters come with Shift, as they do from a keyboard.
 * Returns whether a shortcut ran. */
gboolean ui_test_press_key (GtkWidget *root, guint keyval, GdkModifierType modifiers);

/* A sidebar's keys: the arrows move the focus without choosing (get_selected (view) stays on
 * the record shown) until Enter chooses the row with the focus; Tab then leaves the list in
 * one press. The list's first chosen row must be selected when called. */
void ui_test_check_sidebar_keys (GtkWidget  *root,
                                 GtkWidget  *view,
                                 GtkListBox *list,
                                 gpointer  (*get_selected) (GtkWidget *view));
/* The shortcuts bound on 'widget' itself that such a key matches, in the order GTK tries them
 * (element type GtkShortcut). */
GPtrArray *ui_test_shortcuts_of_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers);

/* The first widget below root (or root) with that widget name. */
GtkWidget *find_named (GtkWidget *root, const char *name);
/* The first widget below root (or root) of that type and, if given, that CSS class. */
GtkWidget *find_of_type (GtkWidget *root, GType type, const char *css_class);
void remove_tree (const char *path);

/* Adds to 'unnamed' ("GtkButton "name" (parent, showing "…")", comma-separated) every shown
 * control below 'root' that has no accessible name: an entry, text view, drop-down, button,
 * switch, check button, spin button or focusable list row without a LABEL or labelled-by
 * relation (a button may be named by the text it shows). The parts GTK builds inside a
 * drop-down, a menu button, a spin button or an entry are named with their whole. */
void ui_test_collect_unnamed (GtkWidget *root, GString *unnamed);
/* Call after adw_init(): grows GLib's quark table past its first block and tells
 * LeakSanitizer that the old block is not a leak. GLib deliberately drops its old quark block
 * when the table grows (at 2048 quarks, which a test of the whole window nears); system GLib
 * has no frame pointers for a suppression to match, so the block is found and ignored here. */
void ui_test_grow_quarks (void);

/* What the macros above call. */
void ui_test_wait_for (const char *file, int line, const char *func, const char *what,
                       Condition condition, gpointer data);
void ui_test_wait_for_label_text (const char *file, int line, const char *func, GtkLabel *label,
                                  const char *text);
void ui_test_wait_for_mapped (const char *file, int line, const char *func, GtkWidget *widget,
                              gboolean mapped);
void ui_test_wait_for_window_size (const char *file, int line, const char *func,
                                   GtkWindow *window, int width, int height);
void ui_test_wait_for_folded (const char *file, int line, const char *func,
                              AdwLeaflet *leaflet, gboolean folded);
void ui_test_wait_for_drawn (const char *file, int line, const char *func, GtkWidget *widget);
GskRenderNode *ui_test_wait_for_picture (const char *file, int line, const char *func,
                                         GtkWidget *widget);
void ui_test_destroy_window (const char *file, int line, const char *func, GtkWindow *window);
void ui_test_save_png (const char *file, int line, const char *func, GtkWidget *widget,
                       const char *path);

G_END_DECLS
