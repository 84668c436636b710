/* pathway-view-slot.h: a page of the main window's view stack that holds the place of its
 * view until the view is first wanted, so that opening a window builds the view it shows and
 * not all six. The page names the type of its view in ui/pathway-window.ui:
 *   <object class="PathwayViewSlot">
 *     <property name="view-type-name">PathwayActionsView</property>
 *   </object>
 * (the type must be registered before the view is wanted: the window ensures its views' types
 * in its class_init).
 * The window makes the view when its page is first shown, or when an action or a test asks
 * for it (pathway_window_get_view). Once made, a view stays. */
#pragma once

#include "pathway-view.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_VIEW_SLOT (pathway_view_slot_get_type ())
G_DECLARE_FINAL_TYPE (PathwayViewSlot, pathway_view_slot, PATHWAY, VIEW_SLOT, AdwBin)

/* The type of view the slot holds the place of, a PathwayView subclass (G_TYPE_INVALID when the
 * name is not a registered type). */
GType        pathway_view_slot_get_view_type (PathwayViewSlot *self);
/* The view, made now if it has not been. */
PathwayView *pathway_view_slot_get_view      (PathwayViewSlot *self);
/* The view if it has been made, else NULL. */
PathwayView *pathway_view_slot_peek_view     (PathwayViewSlot *self);

G_END_DECLS
