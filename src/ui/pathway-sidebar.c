/* pathway-sidebar.c: the list of records beside a record's page (see the header). */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-sidebar.h"
#include "pathway-record.h"

/* The arrows move the focus among the rows without choosing one, so that going down the list
 * does not load every record's page on the way: Enter, Space or a click chooses. GtkListBox
 * selects each row its arrows reach unless told they modify the selection, as Ctrl does. */
static void
move_cursor_cb (GtkListBox      *list,
                GtkMovementStep  step,
                int              count,
                gboolean         extend,
                gboolean         modify,
                gpointer         data)
{
  if (modify)
    return;
  g_signal_stop_emission_by_name (list, "move-cursor");
  g_signal_emit_by_name (list, "move-cursor", step, count, FALSE, TRUE);
}

void
pathway_sidebar_init (PathwaySidebar *self,
                      GtkListBox     *list,
                      GDestroyNotify  entry_free)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  self->list = list;
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->rebuilding = FALSE;
  g_signal_connect (list, "move-cursor", G_CALLBACK (move_cursor_cb), NULL);
}

void
pathway_sidebar_clear (PathwaySidebar *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->list = NULL;
}

static gboolean
entries_match (PathwaySidebar *self,
               GListModel     *items)
{
  guint n = g_list_model_get_n_items (items);

  if (n != self->entries->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      PathwaySidebarEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->item != item)
        return FALSE;
    }
  return TRUE;
}

PathwaySidebarEntry *
pathway_sidebar_update (PathwaySidebar         *self,
                        GListModel             *items,
                        GObject                *shown,
                        PathwaySidebarEntryNew  entry_new,
                        gboolean               *same)
{
  gint64 shown_id = pathway_record_get_id (shown);
  PathwaySidebarEntry *keep = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (entry_new != NULL, NULL);

  if (entries_match (self, items))
    {
      for (guint i = 0; i < self->entries->len && keep == NULL; i++)
        {
          PathwaySidebarEntry *entry = g_ptr_array_index (self->entries, i);

          if (entry->item == shown)
            keep = entry;
        }
      if (keep == NULL && self->entries->len > 0)
        {
          keep = g_ptr_array_index (self->entries, 0);
          self->rebuilding = TRUE;
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (keep->row));
          self->rebuilding = FALSE;
        }
      if (same != NULL)
        *same = keep != NULL && keep->item == shown;
      return keep;
    }

  self->rebuilding = TRUE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      PathwaySidebarEntry *entry = g_ptr_array_index (self->entries, i);

      gtk_list_box_remove (self->list, entry->row);
    }
  g_ptr_array_set_size (self->entries, 0);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      PathwaySidebarEntry *entry = entry_new (item);

      gtk_list_box_append (self->list, entry->row);
      g_ptr_array_add (self->entries, entry);
      if (keep == NULL && shown_id != 0 && pathway_record_get_id (item) == shown_id)
        keep = entry;
    }

  if (keep == NULL && self->entries->len > 0)
    keep = g_ptr_array_index (self->entries, 0);
  if (keep != NULL)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (keep->row));
  if (same != NULL)
    *same = keep != NULL && shown != NULL && pathway_record_get_id (keep->item) == shown_id;

  self->rebuilding = FALSE;
  return keep;
}

PathwaySidebarEntry *
pathway_sidebar_entry_for_row (PathwaySidebar *self,
                               GtkListBoxRow  *row)
{
  if (row == NULL || self->rebuilding)
    return NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      PathwaySidebarEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->row == GTK_WIDGET (row))
        return entry;
    }
  return NULL;
}

PathwaySidebarEntry *
pathway_sidebar_entry_for_id (PathwaySidebar *self,
                              gint64          id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      PathwaySidebarEntry *entry = g_ptr_array_index (self->entries, i);

      if (pathway_record_get_id (entry->item) == id)
        return entry;
    }
  return NULL;
}
