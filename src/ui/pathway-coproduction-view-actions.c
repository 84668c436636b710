/* pathway-coproduction-view-actions.c: what the co-production view does, as coproduction.*
 * actions so that a button, a card's menu, a card's activation and a key take one path:
 *
 *   coproduction.add             Add Entry… (the toolbar, the empty page)
 *   coproduction.edit(x)         a card activated, or Edit… in its menu
 *   coproduction.history(x)      History… in a card's menu
 *   coproduction.retire(x)       Retire in a card's menu: at once, with Undo in the toast
 *   coproduction.show-area(s)    an area linked on a card: that area's entries
 *   coproduction.clear-filters   Show All Entries, when the filters leave nothing
 *   coproduction.find            Ctrl+F: the search
 *
 * Entries are added and edited in PathwayRecordDialog with every field of the kind, written
 * with pathway_document_add_fields / _set_fields: one save is one undo step, and a value the
 * store refuses (a linked action that does not exist) is shown under its field. Every write
 * is announced in a toast on the window with Undo (win.undo). */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-coproduction-view-private.h"
#include "pathway-history-dialog.h"
#include "pathway-window.h"

/* The fields of an entry --------------------------------------------------------------------- */

static const char *
audience_word (int value)
{
  return pathway_audience_label ((PathwayAudience) value);
}

static const char *
status_word (int value)
{
  return pathway_response_status_label ((PathwayResponseStatus) value);
}

static const PathwayRecordField entry_fields[] = {
  { "date", N_("Date"), PATHWAY_RECORD_ROW_DATE, .required = TRUE },
  { "audience", N_("Audience"), PATHWAY_RECORD_ROW_CHOICE, .choices = pathway_audience_get_type,
    .choice_label = audience_word },
  /* Before "Who", so that the list never ends with a hidden row. */
  { "responses", N_("Responses"), PATHWAY_RECORD_ROW_NUMBER,
    .shown_when = "audience=survey" },
  { "who", N_("Who"), PATHWAY_RECORD_ROW_TEXT },
  { "said", N_("_You said"), PATHWAY_RECORD_ROW_LONG_TEXT, .required = TRUE },
  { "will-do", N_("We _will"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "status", N_("Status"), PATHWAY_RECORD_ROW_CHOICE,
    .choices = pathway_response_status_get_type, .choice_label = status_word },
  { "did", N_("We _did, or why not"), PATHWAY_RECORD_ROW_LONG_TEXT },
  { "actions", N_("Linked actions"), PATHWAY_RECORD_ROW_TEXT,
    .hint = N_("Name actions by reference and areas of weakness by number, with commas or "
               "semicolons between them: “1A i; 2B iii”, “2, 4”.") },
  { "areas", N_("Linked areas of weakness"), PATHWAY_RECORD_ROW_TEXT },
  { "public", N_("_Show in the public version"), PATHWAY_RECORD_ROW_SWITCH },
  { NULL }
};

const PathwayRecordField *
pathway_coproduction_view_get_fields (void)
{
  return entry_fields;
}

GMenuModel *
_pathway_coproduction_view_entry_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) look = g_menu_new ();
  g_autoptr(GMenu) retire = g_menu_new ();
  g_autoptr(GMenuItem) edit_item = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) history_item = g_menu_item_new (_("_History…"), NULL);
  g_autoptr(GMenuItem) retire_item = g_menu_item_new (_("_Retire"), NULL);

  g_menu_item_set_action_and_target_value (edit_item, "coproduction.edit",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (history_item, "coproduction.history",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (retire_item, "coproduction.retire",
                                           g_variant_new_int64 (id));
  g_menu_append_item (look, edit_item);
  g_menu_append_item (look, history_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (look));
  g_menu_append_item (retire, retire_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (retire));
  return G_MENU_MODEL (menu);
}

/* Helpers ------------------------------------------------------------------------------------- */

static PathwayDocument *
document_of (PathwayCoproductionView *self)
{
  return pathway_view_get_document (PATHWAY_VIEW (self));
}

static GtkWindow *
window_of (PathwayCoproductionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A live entry by id; NULL when it has gone. Transfer none. */
static PathwayCoproduction *
find_entry (PathwayCoproductionView *self,
            gint64                   id)
{
  PathwayProgramme *programme = pathway_view_get_programme (PATHWAY_VIEW (self));
  GListModel *entries = programme != NULL ? pathway_programme_get_coproduction (programme)
                                          : NULL;

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (entries, i);

      if (pathway_coproduction_get_id (entry) == id)
        return entry; /* the programme keeps it */
    }
  return NULL;
}

/* A toast on the main window, with Undo when the write made an undo step. Toast titles are
 * markup in libadwaita 1.2. */
static void
announce (PathwayCoproductionView *self,
          const char              *text)
{
  GtkWindow *window = window_of (self);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (window))
    return;
  toast = adw_toast_new (escaped);
  if (pathway_document_get_can_undo (document_of (self)))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (window), toast);
}

static void
show_failure (PathwayCoproductionView *self,
              const char              *heading,
              const GError            *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
entry_saved_cb (PathwayCoproductionView *self,
                GObject                 *record,
                gboolean                 added,
                PathwayRecordDialog     *dialog)
{
  g_autofree char *day = _pathway_coproduction_view_dup_day (PATHWAY_COPRODUCTION (record));
  g_autofree char *text = NULL;

  /* TRANSLATORS: toasts after the entry dialog: "Added the entry of 12 September 2026" */
  text = added ? g_strdup_printf (_("Added the entry of %s"), day)
               : g_strdup_printf (_("Saved the entry of %s"), day);
  announce (self, text);
}

static void
present_dialog (PathwayCoproductionView *self,
                PathwayRecordDialog     *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions ------------------------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (widget);

  if (document_of (self) == NULL)
    return;
  present_dialog (self, pathway_record_dialog_new_add (window_of (self), document_of (self),
                                                       pathway_kind_lookup ("coproduction"),
                                                       NULL, entry_fields, _("New Entry")));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (widget);
  PathwayCoproduction *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry == NULL)
    return;
  present_dialog (self, pathway_record_dialog_new_edit (window_of (self), document_of (self),
                                                        entry, entry_fields,
                                                        _("Edit Entry")));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (widget);
  PathwayCoproduction *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry == NULL)
    return;
  gtk_window_present (GTK_WINDOW (pathway_history_dialog_new (window_of (self),
                                                              document_of (self), entry,
                                                              entry_fields)));
}

/* No question first: the toast's Undo brings it back. */
static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (widget);
  PathwayCoproduction *entry = find_entry (self, g_variant_get_int64 (parameter));
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  day = _pathway_coproduction_view_dup_day (entry);
  if (!pathway_document_retire (document_of (self), entry, NULL, &error))
    {
      show_failure (self, _("Could Not Retire the Entry"), error);
      return;
    }
  /* TRANSLATORS: a toast: "Retired the entry of 12 September 2026" */
  text = g_strdup_printf (_("Retired the entry of %s"), day);
  announce (self, text);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pathway_coproduction_view_show_area (PATHWAY_COPRODUCTION_VIEW (widget),
                                       g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _pathway_coproduction_view_clear_filters (PATHWAY_COPRODUCTION_VIEW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayCoproductionView *self = PATHWAY_COPRODUCTION_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Class --------------------------------------------------------------------------------------- */

void
_pathway_coproduction_view_update_actions (PathwayCoproductionView *self)
{
  static const char *const writes[] = {
    "coproduction.add", "coproduction.edit", "coproduction.retire",
  };
  /* On a server the log is its managers' to change. */
  gboolean writable = pathway_view_get_can_add (PATHWAY_VIEW (self), PATHWAY_TYPE_COPRODUCTION);

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writes[i], writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coproduction.history",
                                 pathway_view_get_programme (PATHWAY_VIEW (self)) != NULL);
}

void
_pathway_coproduction_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "coproduction.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "coproduction.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "coproduction.history", "x", history_action);
  gtk_widget_class_install_action (widget_class, "coproduction.retire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "coproduction.show-area", "s",
                                   show_area_action);
  gtk_widget_class_install_action (widget_class, "coproduction.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "coproduction.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "coproduction.find", NULL);
}
