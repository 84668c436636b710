/* pathway-risks-view-actions.c: what the Risks view does to the log, as risks.* actions so that
 * a button, a row's menu, a key and a row's activation take one path: adding an entry, editing
 * one (PathwayRiskDialog, which is also where an entry's linked actions open), raising an
 * issue from a risk, showing an entry's history (PathwayHistoryDialog), retiring one, and
 * putting the filters back.
 *
 * Retiring asks first: the entry leaves the log and the heat map, its history stays and Undo
 * brings it back. Every write is announced in a toast on the window with Undo (win.undo); an
 * entry added or changed is then selected in the table. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-history-dialog.h"
#include "pathway-risk-dialog.h"
#include "pathway-risks-view-private.h"
#include "pathway-window.h"

/* Helpers -------------------------------------------------------------------------------------- */

static PathwayDocument *
document_of (PathwayRisksView *self)
{
  return pathway_view_get_document (PATHWAY_VIEW (self));
}

static GtkWindow *
window_of (PathwayRisksView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast on the main window, with Undo when the write made an undo step. Toast titles are
 * markup in libadwaita 1.2, and these quote the log's references. */
static void
announce (PathwayRisksView *self,
          const char       *text)
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

/* A refusal the person cannot act on here (the file could not be written). */
static void
show_failure (GtkWindow    *parent,
              const char   *heading,
              const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void present_dialog (PathwayRisksView *self, PathwayRiskDialog *dialog);

/* The dialog's signals ------------------------------------------------------------------------- */

static void
saved_cb (PathwayRisksView  *self,
          PathwayRisk       *risk,
          gboolean           added,
          PathwayRiskDialog *dialog)
{
  g_autofree char *text = NULL;

  if (risk == NULL)
    return;
  /* TRANSLATORS: toasts after the risk dialog: "Added R05", "Saved R05" */
  text = added ? g_strdup_printf (_("Added %s"), pathway_risk_get_reference (risk))
               : g_strdup_printf (_("Saved %s"), pathway_risk_get_reference (risk));
  announce (self, text);
  /* The table shows the change before it is selected. */
  pathway_view_catch_up (PATHWAY_VIEW (self));
  if (!pathway_risks_view_select (self, pathway_risk_get_id (risk)) && added)
    {
      /* Added where the filters hide it: shown, rather than lost from sight. */
      pathway_risks_view_show_all (self);
      pathway_risks_view_select (self, pathway_risk_get_id (risk));
    }
}

/* Whether the person may change the entry; when not (on a server, a lead of another
 * workstream), says why, as the server would, instead of asking what it would refuse. */
static gboolean
may_change (PathwayRisksView *self,
            PathwayRisk      *risk,
            GtkWindow        *parent,
            const char       *heading)
{
  g_autofree char *refusal = pathway_view_dup_refusal (PATHWAY_VIEW (self), risk);
  g_autoptr(GError) error = NULL;

  if (refusal == NULL)
    return TRUE;
  if (pathway_view_get_writable (PATHWAY_VIEW (self)))
    {
      error = g_error_new_literal (PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY, refusal);
      show_failure (parent != NULL ? parent : window_of (self), heading, error);
    }
  return FALSE;
}

static void
raise_issue (PathwayRisksView *self,
             PathwayRisk      *risk)
{
  if (risk == NULL || !may_change (self, risk, NULL, _("Could Not Raise an Issue")))
    return;
  present_dialog (self, pathway_risk_dialog_new_issue (window_of (self), document_of (self),
                                                       risk));
}

static void
raise_issue_cb (PathwayRisksView  *self,
                PathwayRisk       *risk,
                PathwayRiskDialog *dialog)
{
  raise_issue (self, risk);
}

/* Kept with the question, which may answer more than once (a response, then closing). */
typedef struct {
  PathwayRisksView *view;
  gint64 id;
  GtkWindow *dialog; /* the risk dialog it was asked from, closed once retired; weak */
  gboolean answered;
} Retiring;

static void
retiring_free (gpointer data)
{
  Retiring *retiring = data;

  g_clear_weak_pointer (&retiring->dialog);
  g_object_unref (retiring->view);
  g_free (retiring);
}

static void
retire_response_cb (AdwMessageDialog *message,
                    const char       *response,
                    Retiring         *retiring)
{
  PathwayRisksView *self = retiring->view;
  PathwayRisk *risk = _pathway_risks_view_find (self, retiring->id);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;

  if (retiring->answered)
    return;
  retiring->answered = TRUE;
  if (!g_str_equal (response, "retire") || risk == NULL)
    return;
  reference = g_strdup (pathway_risk_get_reference (risk));
  if (!pathway_document_retire (document_of (self), risk, NULL, &error))
    {
      show_failure (retiring->dialog != NULL ? retiring->dialog : window_of (self),
                    _("Could Not Retire the Entry"), error);
      return;
    }
  if (retiring->dialog != NULL)
    gtk_window_destroy (retiring->dialog);
  /* TRANSLATORS: a toast after retiring an entry of the risk log: "Retired R04" */
  text = g_strdup_printf (_("Retired %s"), reference);
  announce (self, text);
}

/* Asks, over 'parent' (the risk dialog it was asked from, or the main window). */
static void
ask_retire (PathwayRisksView *self,
            PathwayRisk      *risk,
            GtkWindow        *parent)
{
  AdwMessageDialog *message;
  Retiring *retiring;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (risk == NULL || !may_change (self, risk, parent, _("Could Not Retire the Entry")))
    return;
  /* TRANSLATORS: asked before retiring an entry of the risk log: "Retire R04?" */
  heading = g_strdup_printf (_("Retire %s?"), pathway_risk_get_reference (risk));
  /* TRANSLATORS: the question's body: “Too few educational psychologists” leaves… */
  body = g_strdup_printf (_("“%s” leaves the log and the heat map. Its history is kept, and "
                            "Undo brings it back."),
                          pathway_risk_get_title (risk));
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent != NULL ? parent
                                                                       : window_of (self),
                                                        NULL, NULL));
  /* The heading and body quote the log's text: set as text. */
  adw_message_dialog_set_heading_use_markup (message, FALSE);
  adw_message_dialog_set_heading (message, heading);
  adw_message_dialog_set_body_use_markup (message, FALSE);
  adw_message_dialog_set_body (message, body);
  gtk_widget_set_name (GTK_WIDGET (message), "retire-risk-dialog");
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message, "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");

  retiring = g_new0 (Retiring, 1);
  retiring->view = g_object_ref (self);
  retiring->id = pathway_risk_get_id (risk);
  if (parent != NULL && parent != window_of (self))
    g_set_weak_pointer (&retiring->dialog, parent);
  g_object_set_data_full (G_OBJECT (message), "pathway-retiring", retiring, retiring_free);
  g_signal_connect (message, "response", G_CALLBACK (retire_response_cb), retiring);
  gtk_window_present (GTK_WINDOW (message));
}

static void
retire_cb (PathwayRisksView  *self,
           PathwayRisk       *risk,
           PathwayRiskDialog *dialog)
{
  ask_retire (self, risk, GTK_WINDOW (dialog));
}

static void
present_dialog (PathwayRisksView  *self,
                PathwayRiskDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "raise-issue", G_CALLBACK (raise_issue_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "retire", G_CALLBACK (retire_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions -------------------------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);

  if (!pathway_view_get_writable (PATHWAY_VIEW (self)))
    return;
  present_dialog (self, pathway_risk_dialog_new_add (window_of (self), document_of (self)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);
  PathwayRisk *risk = _pathway_risks_view_find (self, g_variant_get_int64 (parameter));

  /* A read-only programme's entries open too, to be read. */
  if (risk != NULL)
    present_dialog (self, pathway_risk_dialog_new_edit (window_of (self), document_of (self),
                                                        risk));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);
  PathwayRisk *risk = _pathway_risks_view_find (self, g_variant_get_int64 (parameter));
  PathwayHistoryDialog *history;

  if (risk == NULL)
    return;
  history = pathway_history_dialog_new (window_of (self), document_of (self), risk,
                                        pathway_risk_dialog_get_fields ());
  gtk_window_present (GTK_WINDOW (history));
}

static void
raise_issue_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);

  raise_issue (self, _pathway_risks_view_find (self, g_variant_get_int64 (parameter)));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);

  ask_retire (self, _pathway_risks_view_find (self, g_variant_get_int64 (parameter)), NULL);
}

/* Delete on the table: the entry selected. */
static void
retire_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwayRisksView *self = PATHWAY_RISKS_VIEW (widget);

  ask_retire (self, pathway_risks_view_get_selected (self), NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pathway_risks_view_clear_filters (PATHWAY_RISKS_VIEW (widget));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pathway_risks_view_show_all (PATHWAY_RISKS_VIEW (widget));
}

/* For the view --------------------------------------------------------------------------------- */

GMenuModel *
_pathway_risks_view_risk_menu (PathwayRisk *risk)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) look = g_menu_new ();
  g_autoptr(GMenu) change = g_menu_new ();
  g_autoptr(GMenuItem) edit_item = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) history_item = g_menu_item_new (_("_History…"), NULL);
  g_autoptr(GMenuItem) retire_item = g_menu_item_new (_("_Retire…"), NULL);
  GVariant *id = g_variant_new_int64 (pathway_risk_get_id (risk));

  g_variant_ref_sink (id);
  g_menu_item_set_action_and_target_value (edit_item, "risks.edit", id);
  g_menu_item_set_action_and_target_value (history_item, "risks.history", id);
  g_menu_item_set_action_and_target_value (retire_item, "risks.retire", id);
  g_menu_append_item (look, edit_item);
  g_menu_append_item (look, history_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (look));
  if (pathway_risk_get_kind (risk) == PATHWAY_RISK_KIND_RISK)
    {
      g_autoptr(GMenuItem) raise_item = g_menu_item_new (_("Raise _Issue…"), NULL);

      g_menu_item_set_action_and_target_value (raise_item, "risks.raise-issue", id);
      g_menu_append_item (change, raise_item);
    }
  g_menu_append_item (change, retire_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (change));
  g_variant_unref (id);
  return G_MENU_MODEL (menu);
}

void
_pathway_risks_view_update_actions (PathwayRisksView *self)
{
  gboolean writable = pathway_view_get_writable (PATHWAY_VIEW (self));
  gboolean open = pathway_view_get_document (PATHWAY_VIEW (self)) != NULL;
  PathwayRisk *selected = pathway_risks_view_get_selected (self);
  g_autofree char *refusal = selected != NULL ? pathway_view_dup_refusal (PATHWAY_VIEW (self),
                                                                          selected)
                                              : NULL;

  /* A data officer or a reader on a server never changes the log; a lead only their
   * workstreams' entries, which the actions check one by one. */
  writable = writable && pathway_view_get_can_add (PATHWAY_VIEW (self), PATHWAY_TYPE_RISK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.edit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.history", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.raise-issue", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.retire", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.retire-selected",
                                 writable && selected != NULL && refusal == NULL);
}

void
_pathway_risks_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "risks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "risks.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "risks.history", "x", history_action);
  gtk_widget_class_install_action (widget_class, "risks.raise-issue", "x", raise_issue_action);
  gtk_widget_class_install_action (widget_class, "risks.retire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "risks.retire-selected", NULL,
                                   retire_selected_action);
  gtk_widget_class_install_action (widget_class, "risks.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "risks.show-all", NULL, show_all_action);

  /* Delete retires the entry selected, after asking; a text field with the focus takes the
   * key first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risks.retire-selected",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "risks.retire-selected", NULL);
}
