/* pathway-setup-view-private.h: the set-up view's insides, shared by pathway-setup-view.c (the
 * sections and their rows) and pathway-setup-view-actions.c (the setup.* actions that add,
 * edit, show the history of, merge and retire records). Nothing else includes it. */
#pragma once

#include "pathway-record-dialog.h"
#include "pathway-setup-view.h"

G_BEGIN_DECLS

struct _PathwaySetupView
{
  PathwayView parent_instance;

  /* Template children */
  AdwLeaflet *leaflet;
  GtkListBox *sections_list;
  GtkStack *sections;
  GtkLabel *people_count;
  GtkLabel *areas_count;
  GtkLabel *boards_count;
  GtkSearchEntry *people_search;
  GtkListBox *people_list;
  GtkListBox *areas_list;
  GtkBox *boards_box;

  GtkLabel *people_placeholder;
  char *people_search_key; /* the search, folded once for every row's test */
};

/* The fields the record dialog shows for a kind ("person", "area", "board", "meeting"), or
 * NULL. */
const PathwayRecordField *_pathway_setup_view_fields (const char *kind);
/* The menu of a record's row: Edit…, History…, Merge Into… (people), Retire…. */
GMenuModel *_pathway_setup_view_record_menu (const char *kind,
                                             gint64      id);
/* Installs the setup.* actions (pathway-setup-view-actions.c). */
void _pathway_setup_view_class_actions_init (GtkWidgetClass   *widget_class);
/* Turns off what a read-only document, or none, does not allow. */
void _pathway_setup_view_update_actions     (PathwaySetupView *self);

G_END_DECLS
