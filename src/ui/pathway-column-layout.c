/* pathway-column-layout.c: a column view's columns as a person arranged them, kept in GSettings
 * (see the header for the key's form).
 *
 * The column view already lets a person drag a column's edge (its fixed width) and its header
 * (the order, when reorderable); the menu hides and shows. The layout only watches: the
 * columns' "visible" and "fixed-width", and the column list's items-changed. Each change
 * (re)starts a short timer, so that dragging an edge, a notify per pixel, is written once. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-column-layout.h"

/* How long after the last change the layout is written. */
#define SAVE_DELAY_MS 500

typedef struct {
  char *id;
  GtkColumnViewColumn *column;
  gboolean shown; /* by default */
} Entry;

struct _PathwayColumnLayout
{
  GObject parent_instance;

  GtkColumnView *column_view; /* weak */
  GPtrArray *entries;         /* Entry, in the default order */
  GMenu *menu;
  GMenu *column_items;
  GSimpleActionGroup *actions;
  GSettings *settings;
  char *key;
  guint save_source;
  gboolean changed;  /* since the last write */
  gboolean applying;
  gboolean arranged; /* by the person, rather than the default layout */
};

G_DEFINE_FINAL_TYPE (PathwayColumnLayout, pathway_column_layout, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_clear_object (&entry->column);
  g_free (entry);
}

static Entry *
entry_of_column (PathwayColumnLayout *self,
                 GtkColumnViewColumn *column)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->column == column)
        return entry;
    }
  return NULL;
}

static Entry *
entry_of_id (PathwayColumnLayout *self,
             const char          *id,
             gsize                length)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (strlen (entry->id) == length && strncmp (entry->id, id, length) == 0)
        return entry;
    }
  return NULL;
}

/* Writing ------------------------------------------------------------------------------------- */

char **
pathway_column_layout_dup_state (PathwayColumnLayout *self)
{
  GPtrArray *state;
  GListModel *columns;

  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), NULL);

  state = g_ptr_array_new ();
  columns = self->column_view != NULL ? gtk_column_view_get_columns (self->column_view) : NULL;
  for (guint i = 0; columns != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      Entry *entry = entry_of_column (self, column);

      if (entry != NULL)
        g_ptr_array_add (state,
                         g_strdup_printf ("%s:%d:%s", entry->id,
                                          MAX (gtk_column_view_column_get_fixed_width (column), -1),
                                          gtk_column_view_column_get_visible (column) ? "true"
                                                                                      : "false"));
    }
  g_ptr_array_add (state, NULL);
  return (char **) g_ptr_array_free (state, FALSE);
}

void
pathway_column_layout_flush (PathwayColumnLayout *self)
{
  g_auto(GStrv) state = NULL;

  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->changed || self->settings == NULL || self->column_view == NULL)
    return;
  self->changed = FALSE;
  /* The default layout is kept as none, so that it may follow the window's width. */
  if (self->arranged)
    state = pathway_column_layout_dup_state (self);
  g_settings_set_strv (self->settings, self->key, (const char *const *) state);
}

static gboolean
save_cb (gpointer data)
{
  PathwayColumnLayout *self = data;

  self->save_source = 0;
  pathway_column_layout_flush (self);
  return G_SOURCE_REMOVE;
}

static void
layout_changed (PathwayColumnLayout *self)
{
  if (self->applying)
    return;
  self->arranged = TRUE;
  if (self->settings == NULL)
    return;
  self->changed = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
column_notify_cb (GtkColumnViewColumn *column,
                  GParamSpec          *pspec,
                  PathwayColumnLayout *self)
{
  layout_changed (self);
}

static void
columns_changed_cb (GListModel          *columns,
                    guint                position,
                    guint                removed,
                    guint                added,
                    PathwayColumnLayout *self)
{
  layout_changed (self);
}

/* Reading ------------------------------------------------------------------------------------- */

/* "id:width:shown"; FALSE for anything else. */
static gboolean
parse_state_entry (const char  *text,
                   const char **id,
                   gsize       *id_length,
                   int         *width,
                   gboolean    *shown)
{
  const char *first = strchr (text, ':');
  const char *second = first != NULL ? strchr (first + 1, ':') : NULL;
  char *end = NULL;
  gint64 value;

  if (first == NULL || second == NULL || first == text)
    return FALSE;
  value = g_ascii_strtoll (first + 1, &end, 10);
  if (end != second || end == first + 1 || value < -1 || value > 10000)
    return FALSE;
  if (strcmp (second + 1, "true") == 0)
    *shown = TRUE;
  else if (strcmp (second + 1, "false") == 0)
    *shown = FALSE;
  else
    return FALSE;

  *id = text;
  *id_length = first - text;
  *width = (int) value;
  return TRUE;
}

void
pathway_column_layout_apply_state (PathwayColumnLayout *self,
                                   const char *const   *state)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autofree gboolean *placed = NULL;

  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));

  if (self->column_view == NULL)
    return;

  self->applying = TRUE;
  order = g_ptr_array_new ();
  placed = g_new0 (gboolean, self->entries->len);

  for (guint i = 0; state != NULL && state[i] != NULL; i++)
    {
      const char *id;
      gsize id_length;
      int width;
      gboolean shown;
      Entry *entry;
      guint index;

      if (!parse_state_entry (state[i], &id, &id_length, &width, &shown))
        {
          g_debug ("Passing over the column layout entry “%s”", state[i]);
          continue;
        }
      entry = entry_of_id (self, id, id_length);
      if (entry == NULL || !g_ptr_array_find (self->entries, entry, &index) || placed[index])
        continue;
      placed[index] = TRUE;
      g_ptr_array_add (order, entry);
      gtk_column_view_column_set_visible (entry->column, shown);
      gtk_column_view_column_set_fixed_width (entry->column, width > 0 ? width : -1);
    }

  /* Columns the layout does not name (new since it was kept) go back to their own places. */
  for (guint i = 0; i < self->entries->len; i++)
    if (!placed[i])
      {
        Entry *entry = g_ptr_array_index (self->entries, i);

        g_ptr_array_insert (order, MIN (i, order->len), entry);
        gtk_column_view_column_set_visible (entry->column, entry->shown);
        gtk_column_view_column_set_fixed_width (entry->column, -1);
      }

  for (guint i = 0; i < order->len; i++)
    {
      Entry *entry = g_ptr_array_index (order, i);
      g_autoptr(GtkColumnViewColumn) there =
        g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);

      if (there != entry->column)
        gtk_column_view_insert_column (self->column_view, i, entry->column);
    }
  self->applying = FALSE;
}

void
pathway_column_layout_reset (PathwayColumnLayout *self)
{
  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));

  pathway_column_layout_apply_state (self, NULL);
  layout_changed (self);
  self->arranged = FALSE;
}

gboolean
pathway_column_layout_get_arranged (PathwayColumnLayout *self)
{
  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), FALSE);
  return self->arranged;
}

void
pathway_column_layout_set_default_shown (PathwayColumnLayout *self,
                                         const char          *id,
                                         gboolean             shown)
{
  Entry *entry;

  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));
  g_return_if_fail (id != NULL);

  entry = entry_of_id (self, id, strlen (id));
  g_return_if_fail (entry != NULL);

  entry->shown = shown;
  if (self->arranged)
    return;
  self->applying = TRUE;
  gtk_column_view_column_set_visible (entry->column, shown);
  self->applying = FALSE;
}

static void
reset_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       data)
{
  pathway_column_layout_reset (PATHWAY_COLUMN_LAYOUT (data));
}

void
pathway_column_layout_bind (PathwayColumnLayout *self,
                            GSettings           *settings,
                            const char          *key)
{
  g_auto(GStrv) state = NULL;

  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (settings == NULL || key != NULL);

  pathway_column_layout_flush (self);
  g_set_object (&self->settings, settings);
  g_free (self->key);
  self->key = g_strdup (key);
  if (settings != NULL)
    state = g_settings_get_strv (settings, key);
  self->arranged = state != NULL && state[0] != NULL;
  pathway_column_layout_apply_state (self, (const char *const *) state);
}

/* Columns ------------------------------------------------------------------------------------- */

void
pathway_column_layout_append (PathwayColumnLayout *self,
                              GtkColumnViewColumn *column,
                              const char          *id,
                              const char          *name,
                              gboolean             shown)
{
  g_autoptr(GPropertyAction) action = NULL;
  g_autofree char *action_name = NULL;
  g_autofree char *detailed = NULL;
  Entry *entry;

  g_return_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (id != NULL && strchr (id, ':') == NULL);
  g_return_if_fail (self->column_view != NULL);

  entry = g_new0 (Entry, 1);
  entry->id = g_strdup (id);
  entry->column = g_object_ref (column);
  entry->shown = shown;
  g_ptr_array_add (self->entries, entry);

  gtk_column_view_column_set_visible (column, shown);
  gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (self->menu));
  gtk_column_view_append_column (self->column_view, column);
  g_signal_connect_object (column, "notify::visible", G_CALLBACK (column_notify_cb), self, 0);
  g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (column_notify_cb), self,
                           0);

  action_name = g_strconcat ("show-", id, NULL);
  action = g_property_action_new (action_name, column, "visible");
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
  detailed = g_strconcat ("columns.", action_name, NULL);
  g_menu_append (self->column_items, name, detailed);
}

GtkColumnViewColumn *
pathway_column_layout_find (PathwayColumnLayout *self,
                            const char          *id)
{
  Entry *entry;

  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = entry_of_id (self, id, strlen (id));
  return entry != NULL ? entry->column : NULL;
}

const char *
pathway_column_layout_get_id (PathwayColumnLayout *self,
                              GtkColumnViewColumn *column)
{
  Entry *entry;

  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), NULL);

  entry = entry_of_column (self, column);
  return entry != NULL ? entry->id : NULL;
}

GMenuModel *
pathway_column_layout_get_menu (PathwayColumnLayout *self)
{
  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), NULL);
  return G_MENU_MODEL (self->menu);
}

GActionGroup *
pathway_column_layout_get_actions (PathwayColumnLayout *self)
{
  g_return_val_if_fail (PATHWAY_IS_COLUMN_LAYOUT (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/* Life ---------------------------------------------------------------------------------------- */

static void
pathway_column_layout_dispose (GObject *object)
{
  PathwayColumnLayout *self = PATHWAY_COLUMN_LAYOUT (object);

  pathway_column_layout_flush (self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_columns (self->column_view),
                                            self);
      g_object_remove_weak_pointer (G_OBJECT (self->column_view),
                                    (gpointer *) &self->column_view);
      self->column_view = NULL;
    }
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_signal_handlers_disconnect_by_data (entry->column, self);
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->column_items);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (pathway_column_layout_parent_class)->dispose (object);
}

static void
pathway_column_layout_finalize (GObject *object)
{
  PathwayColumnLayout *self = PATHWAY_COLUMN_LAYOUT (object);

  g_free (self->key);

  G_OBJECT_CLASS (pathway_column_layout_parent_class)->finalize (object);
}

static void
pathway_column_layout_class_init (PathwayColumnLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathway_column_layout_dispose;
  object_class->finalize = pathway_column_layout_finalize;
}

static void
pathway_column_layout_init (PathwayColumnLayout *self)
{
  static const GActionEntry entries[] = {
    { "reset", reset_cb, NULL, NULL, NULL },
  };
  g_autoptr(GMenu) reset_section = g_menu_new ();

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);

  self->menu = g_menu_new ();
  self->column_items = g_menu_new ();
  g_menu_append_section (self->menu, _("Show Columns"), G_MENU_MODEL (self->column_items));
  g_menu_append (reset_section, _("_Reset Columns"), "columns.reset");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (reset_section));
}

PathwayColumnLayout *
pathway_column_layout_new (GtkColumnView *column_view)
{
  PathwayColumnLayout *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  self = g_object_new (PATHWAY_TYPE_COLUMN_LAYOUT, NULL);
  self->column_view = column_view;
  g_object_add_weak_pointer (G_OBJECT (column_view), (gpointer *) &self->column_view);
  g_signal_connect (gtk_column_view_get_columns (column_view), "items-changed",
                    G_CALLBACK (columns_changed_cb), self);
  return self;
}
