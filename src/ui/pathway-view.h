/* pathway-view.h: what every page of the main window is. A view shows the programme of one
 * document and follows it: it is given the document when it is first shown, watches the model
 * objects and lists it names, and is refreshed once, on an idle, after the changes that call
 * for it, and only while it is shown (a view that is not shown only notes that it is out of
 * date). The window holds its pages through this type alone.
 *
 * A view subclasses PathwayView (its template names it as parent) and fills in:
 * - programme_changed: another programme is shown (another document, or a rolled-back batch
 *   replaced the programme object), or none; name what to follow with pathway_view_watch and
 *   pathway_view_watch_list. Everything watched before has been let go.
 * - watch_item (optional): called for each object of a watched list, to watch lists it holds.
 * - document_changed (optional): another document; forget what belonged to the last one
 *   (selection, scroll position). Called before programme_changed.
 * - refresh: show the model as it is now. Also called when the document's read-only state
 *   changes, and after another person's change on a server ("remote-change"), so a view that
 *   reads from the store when it refreshes shows that too. */
#pragma once

#include <adwaita.h>

#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_VIEW (pathway_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (PathwayView, pathway_view, PATHWAY, VIEW, AdwBin)

struct _PathwayViewClass
{
  AdwBinClass parent_class;

  void (*document_changed)  (PathwayView      *self);
  void (*programme_changed) (PathwayView      *self,
                             PathwayProgramme *programme);
  void (*watch_item)        (PathwayView      *self,
                             GObject          *item);
  void (*refresh)           (PathwayView      *self);

  gpointer padding[8];
};

void              pathway_view_set_document       (PathwayView      *self,
                                                   PathwayDocument  *document);
PathwayDocument  *pathway_view_get_document       (PathwayView      *self);
/* The programme being followed, or NULL. */
PathwayProgramme *pathway_view_get_programme      (PathwayView      *self);
/* A document is open and may be changed. */
gboolean          pathway_view_get_writable       (PathwayView      *self);
/* Why the person may not change 'record' (the document read-only, or a programme on a server
 * whose rules keep them from it), or NULL when they may: pathway_document_dup_refusal. NULL
 * record: the programme as a whole; no document open: "". A view leaves off, or says this for,
 * what would only be refused. */
char             *pathway_view_dup_refusal        (PathwayView      *self,
                                                   gpointer          record);
/* Whether the person may add a record of 'type' (a PathwayModel type) at all: on a server a
 * lead adds actions and risks (the server refuses one outside their workstreams, saying so),
 * only a manager the programme's other records. */
gboolean          pathway_view_get_can_add        (PathwayView      *self,
                                                   GType             type);
/* Whether the person may change the programme's set-up (workstreams, people, boards): a file's
 * user, or a manager of a programme on a server. */
gboolean          pathway_view_get_manages        (PathwayView      *self);

/* How many days without an update make an action stale (the user's preference). A view that
 * shows staleness follows notify::stale-days. */
void              pathway_view_set_stale_days     (PathwayView      *self,
                                                   guint             days);
guint             pathway_view_get_stale_days     (PathwayView      *self);

/* From programme_changed or watch_item: a change to the object (its notify signal) or to the
 * list (an item added or removed) queues a refresh. Watching twice is watching once. */
void              pathway_view_watch              (PathwayView      *self,
                                                   gpointer          object);
void              pathway_view_watch_list         (PathwayView      *self,
                                                   GListModel       *list);

/* Refreshes on an idle if shown (several calls, one refresh), else marks it out of date. */
void              pathway_view_queue_refresh      (PathwayView      *self);
/* Refreshes now, whatever is pending. */
void              pathway_view_refresh            (PathwayView      *self);
/* Whether the view shows something older than the model. */
gboolean          pathway_view_is_refresh_pending (PathwayView      *self);
/* Refreshes now if the view is out of date: before it is asked about what it shows. */
void              pathway_view_catch_up           (PathwayView      *self);

/* From the subclass's dispose: lets go of the template, the bin's child first. */
void              pathway_view_dispose_template   (PathwayView      *self,
                                                   GType             type);

/* Names a drop-down, and the button inside it that takes the focus, "Rating: All ratings". */
void         pathway_view_name_drop_down     (GtkDropDown        *drop_down,
                                              const char         *name);

/* Names a column view's row of column headings, which GTK 4.8 exposes as a row without a
 * name. */
void         pathway_view_name_column_headings (GtkColumnView    *column_view);

G_END_DECLS
