/* pathway-window-private.h: the main window's insides, shared by pathway-window.c (the
 * document, its views, titles and the window's own state) and pathway-window-actions.c (the
 * window actions every view, menu item and key triggers). Nothing else includes it. */
#pragma once

#include "pathway-actions-view.h"
#include "pathway-presenter.h"
#include "pathway-remote.h"
#include "pathway-update-round.h"
#include "pathway-window.h"
#include "pathway-workstreams-view.h"

G_BEGIN_DECLS

struct _PathwayWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PathwayDocument *document;
  guint check_source; /* the idle check of a large file's indexes, while it runs */
  GtkFileChooserNative *chooser;
  PathwayPresenter *presenter; /* weak: meeting mode, while it is open */
  PathwayUpdateRound *round;   /* the monthly update's round, kept where it stopped */
  /* A programme on a server being opened in the background (pathway_window_open_location),
   * and where: the window keeps showing what it showed until it is open. */
  GCancellable *opening;
  char *opening_uri;
  /* The open document's connection as last shown: its return is told in a toast. */
  PathwayConnection connection;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  guint switcher_source; /* reveals the bar or hides it, after the allocation that asked */
  GtkRevealer *read_only_revealer;
  GtkWidget *read_only_bar;
  GtkImage *read_only_icon;
  GtkLabel *read_only_label;
  GtkButton *upgrade_button;
  AdwToastOverlay *toast_overlay;
  AdwToast *undo_toast; /* the toast whose Undo is the latest change's, or NULL */
  /* When the toast shown last may have started to slide in (monotonic time): a toast is
   * dismissed only once that is over (see pathway_window_add_toast). */
  gint64 toast_started;
  GtkStack *stack;
  AdwStatusPage *connecting_page;
  GtkSpinner *connecting_spinner;
  AdwViewStack *view_stack;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GMenu *recent_section;
  GMenu *server_section; /* Who Has Access…, while the programme shown is on a server */

  /* The keyboard is in use: from a key press until a click or a touch (the focus ring stays
   * shown meanwhile), and the idle that shows it again after GTK has hidden it. */
  gboolean keyboard_in_use;
  guint focus_visible_source;
};

/* Installs the win.* actions and their keys (pathway-window-actions.c). */
void _pathway_window_class_actions_init (GtkWidgetClass *widget_class);
/* Enables the actions that the open document (or none, or a read-only one) allows. */
void _pathway_window_update_actions     (PathwayWindow  *self);
/* A message with one button, Close; heading and body are plain text. */
void _pathway_window_show_message       (PathwayWindow  *self,
                                         const char     *heading,
                                         const char     *body);
/* Says a toast's text to assistive technology (pathway_announce): every toast is. */
void _pathway_window_announce_toast     (PathwayWindow  *self,
                                         AdwToast       *toast);
/* Closes what is open and shows this document. */
void _pathway_window_show_document      (PathwayWindow   *self,
                                         PathwayDocument *document);
/* Connect to Server…, its rows filled from 'uri' (may be NULL) and showing 'error' (may be
 * NULL): why the programme there did not open. */
void _pathway_window_connect            (PathwayWindow   *self,
                                         const char      *uri,
                                         const GError    *error);

G_END_DECLS
