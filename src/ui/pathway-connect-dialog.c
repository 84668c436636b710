/* pathway-connect-dialog.c: Connect to Server… (see the header).
 *
 * Connect stays off until a database is named. Pressing it (or Enter in any row) builds the
 * URI from the rows, each part escaped and the password never in it, and opens the programme
 * with pathway_server_open, which works on a worker thread: meanwhile the rows cannot be
 * changed and a spinner says where it is connecting, and the window stays free. A refusal
 * (libpq's own words: no such host, a wrong password, no such database, or a database that
 * holds no programme) is shown under the rows with the row it is about marked and given the
 * focus; what was typed stays. Once the programme is open the password is kept in the keyring
 * or forgotten, as the switch says, "connected" is emitted and the window closes. Closing it
 * while connecting gives the attempt up. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pathway-connect-dialog.h"
#include "pathway-editor-fields.h"
#include "pathway-server-location.h"
#include "pathway-style.h"

struct _PathwayConnectDialog
{
  AdwWindow parent_instance;

  GCancellable *connecting;       /* while an attempt is under way */
  PathwayServerLocation *location; /* what the attempt is for */

  /* Template children */
  AdwPreferencesGroup *server_group;
  AdwPreferencesGroup *sign_in_group;
  PathwayEntryRow *host_row;
  PathwayEntryRow *port_row;
  PathwayEntryRow *database_row;
  PathwayEntryRow *user_row;
  PathwayEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkWidget *connecting_box;
  GtkSpinner *spinner;
  GtkLabel *connecting_label;
  GtkWidget *problem_box;
  GtkLabel *problem_heading;
  GtkLabel *problem_label;
};

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayConnectDialog, pathway_connect_dialog, ADW_TYPE_WINDOW)

static PathwayEntryRow *
all_rows (PathwayConnectDialog *self, guint i)
{
  PathwayEntryRow *rows[] = {
    self->host_row, self->port_row, self->database_row, self->user_row, self->password_row,
  };

  return i < G_N_ELEMENTS (rows) ? rows[i] : NULL;
}

/* What went wrong ---------------------------------------------------------------------------- */

/* What to check, for the row a refusal is about. */
static const char *
heading_for (PathwayConnectDialog *self, PathwayEntryRow *row)
{
  if (row == self->host_row)
    return _("The server could not be reached. Check the host and the port.");
  if (row == self->port_row)
    return _("Check the port.");
  if (row == self->database_row)
    return _("Check the name of the database.");
  if (row == self->user_row)
    return _("Check the user name.");
  if (row == self->password_row)
    return _("Check the password.");
  return _("The programme could not be opened.");
}

/* Shows why Connect did not work ('detail' may be NULL), marking the row it is about and
 * giving it the focus; NULL heading clears it. */
static void
show_problem (PathwayConnectDialog *self, const char *heading, const char *detail,
              PathwayEntryRow      *row)
{
  PathwayEntryRow *each;

  for (guint i = 0; (each = all_rows (self, i)) != NULL; i++)
    {
      gboolean wrong = each == row && heading != NULL;
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (each));

      pathway_editor_mark_error (each, wrong);
      /* The row at fault is read with what is wrong with it. */
      if (wrong && text != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                        self->problem_heading, self->problem_label, NULL, -1);
      else if (text != NULL)
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (text),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      gtk_accessible_update_state (GTK_ACCESSIBLE (each), GTK_ACCESSIBLE_STATE_INVALID,
                                   wrong ? GTK_ACCESSIBLE_INVALID_TRUE
                                         : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (text != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_INVALID,
                                     wrong ? GTK_ACCESSIBLE_INVALID_TRUE
                                           : GTK_ACCESSIBLE_INVALID_FALSE,
                                     -1);
    }
  gtk_label_set_text (self->problem_heading, heading != NULL ? heading : "");
  gtk_label_set_text (self->problem_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), detail != NULL);
  gtk_widget_set_visible (self->problem_box, heading != NULL);
  if (row != NULL && heading != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (row));
}

static gboolean
says (const char *message, const char *words)
{
  return strstr (message, words) != NULL;
}

/* The row a refusal is about, from libpq's and the server's words (English: they are also
 * shown whole, so another language only loses the mark). */
static PathwayEntryRow *
row_for_error (PathwayConnectDialog *self, const GError *error)
{
  g_autofree char *message = g_utf8_strdown (error->message, -1);

  if (g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_PROGRAMME) ||
      g_error_matches (error, PATHWAY_ERROR, PATHWAY_ERROR_NEWER_VERSION))
    return self->database_row;
  if (says (message, "password"))
    return self->password_row;
  if (says (message, "role") && says (message, "does not exist"))
    return self->user_row;
  if (says (message, "database") && says (message, "does not exist"))
    return self->database_row;
  if (says (message, "translate host name") || says (message, "could not connect") ||
      says (message, "connection refused") || says (message, "no such file") ||
      says (message, "timeout") || says (message, "no route to host") ||
      says (message, "network is unreachable"))
    return self->host_row;
  return NULL;
}

void
pathway_connect_dialog_show_error (PathwayConnectDialog *self, const GError *error)
{
  PathwayEntryRow *row;

  g_return_if_fail (PATHWAY_IS_CONNECT_DIALOG (self));
  g_return_if_fail (error != NULL);

  row = row_for_error (self, error);
  show_problem (self, heading_for (self, row), error->message, row);
}

/* The rows ------------------------------------------------------------------------------------ */

/* The location the rows name, or NULL with what is missing or wrong shown. */
static PathwayServerLocation *
read_location (PathwayConnectDialog *self, gboolean say_why)
{
  g_autofree char *host = pathway_editor_dup_entry_text (self->host_row);
  g_autofree char *port_text = pathway_editor_dup_entry_text (self->port_row);
  g_autofree char *database = pathway_editor_dup_entry_text (self->database_row);
  g_autofree char *user = pathway_editor_dup_entry_text (self->user_row);
  guint64 port = PATHWAY_SERVER_DEFAULT_PORT;

  if (*database == '\0')
    {
      if (say_why)
        show_problem (self, _("Write the name of the database that holds the programme."),
                      NULL, self->database_row);
      return NULL;
    }
  if (*port_text != '\0' &&
      !g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &port, NULL))
    {
      if (say_why)
        show_problem (self, _("The port is a number from 1 to 65535; a server usually listens "
                              "on 5432."),
                      NULL, self->port_row);
      return NULL;
    }
  return pathway_server_location_new (host, (guint) port, database, user);
}

static void
update_connect (PathwayConnectDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 self->connecting == NULL &&
                                   pathway_editor_entry_has_text (self->database_row));
}

static void
row_changed_cb (PathwayConnectDialog *self)
{
  if (self->connecting == NULL)
    show_problem (self, NULL, NULL, NULL);
  update_connect (self);
}

static void
set_connecting (PathwayConnectDialog *self, GCancellable *cancellable)
{
  gboolean connecting = cancellable != NULL;

  g_set_object (&self->connecting, cancellable);
  /* A text that has the focus when it is made insensitive never hears that it lost it: the
   * focus leaves the rows while they are off, and comes back to them after. */
  if (connecting)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_group), !connecting);
  gtk_widget_set_visible (self->connecting_box, connecting);
  gtk_spinner_set_spinning (self->spinner, connecting);
  if (connecting)
    {
      g_autofree char *place = pathway_server_location_describe (self->location);
      /* TRANSLATORS: while the dialog connects: "Connecting to send on db.example.org…" */
      g_autofree char *text = g_strdup_printf (_("Connecting to %s…"), place);

      gtk_label_set_text (self->connecting_label, text);
      show_problem (self, NULL, NULL, NULL);
    }
  else if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->host_row));
  update_connect (self);
}

/* Connecting ---------------------------------------------------------------------------------- */

static void
open_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PathwayConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_server_open_finish (result, &error);
  g_autofree char *uri = NULL;
  gboolean remember;

  /* Given up (the dialog closed, or another attempt began): the programme is let go. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->connecting == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->connecting)
    return;
  set_connecting (self, NULL);
  if (document == NULL)
    {
      pathway_connect_dialog_show_error (self, error);
      return;
    }

  remember = gtk_switch_get_active (self->remember_switch);
  pathway_server_location_keep_password (
    self->location, remember ? gtk_editable_get_text (GTK_EDITABLE (self->password_row)) : NULL);
  uri = pathway_server_location_to_uri (self->location);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, document, uri);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayConnectDialog *self = PATHWAY_CONNECT_DIALOG (widget);
  g_autoptr(PathwayServerLocation) location = read_location (self, TRUE);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *uri = NULL;
  const char *password;

  if (location == NULL || self->connecting != NULL)
    return;
  g_clear_pointer (&self->location, pathway_server_location_free);
  self->location = g_steal_pointer (&location);
  uri = pathway_server_location_to_uri (self->location);
  /* Nothing typed: libpq looks in ~/.pgpass and the environment. */
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  cancellable = g_cancellable_new ();
  set_connecting (self, cancellable);
  pathway_server_open (uri, *password != '\0' ? password : NULL, cancellable, open_done_cb,
                       g_object_ref (self));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_connect_dialog_dispose (GObject *object)
{
  PathwayConnectDialog *self = PATHWAY_CONNECT_DIALOG (object);

  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_pointer (&self->location, pathway_server_location_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_CONNECT_DIALOG);
  G_OBJECT_CLASS (pathway_connect_dialog_parent_class)->dispose (object);
}

static void
pathway_connect_dialog_class_init (PathwayConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_connect_dialog_dispose;

  signals[SIGNAL_CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            2, PATHWAY_TYPE_DOCUMENT, G_TYPE_STRING);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/pathway-connect-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PathwayConnectDialog, name)
  BIND (server_group);
  BIND (sign_in_group);
  BIND (host_row);
  BIND (port_row);
  BIND (database_row);
  BIND (user_row);
  BIND (password_row);
  BIND (remember_switch);
  BIND (connecting_box);
  BIND (spinner);
  BIND (connecting_label);
  BIND (problem_box);
  BIND (problem_heading);
  BIND (problem_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathway_connect_dialog_init (PathwayConnectDialog *self)
{
  PathwayEntryRow *row;

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; (row = all_rows (self, i)) != NULL; i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      /* The row's title is its name; the entry in it is labelled by the title already. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remember_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remember password"), -1);
  update_connect (self);
}

PathwayConnectDialog *
pathway_connect_dialog_new (GtkWindow *parent)
{
  PathwayConnectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (PATHWAY_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->host_row));
  return self;
}

void
pathway_connect_dialog_set_location (PathwayConnectDialog *self, const char *uri)
{
  g_autoptr(PathwayServerLocation) location = NULL;
  g_autofree char *port = NULL;

  g_return_if_fail (PATHWAY_IS_CONNECT_DIALOG (self));

  location = pathway_server_location_parse (uri);
  if (location == NULL)
    return;
  port = g_strdup_printf ("%u", location->port);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), location->host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), location->database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), location->user);
  /* What is left to type is the password. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_row));
}

char *
pathway_connect_dialog_dup_uri (PathwayConnectDialog *self)
{
  g_autoptr(PathwayServerLocation) location = NULL;

  g_return_val_if_fail (PATHWAY_IS_CONNECT_DIALOG (self), NULL);

  location = read_location (self, FALSE);
  return location != NULL ? pathway_server_location_to_uri (location) : NULL;
}

gboolean
pathway_connect_dialog_get_connecting (PathwayConnectDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_CONNECT_DIALOG (self), FALSE);

  return self->connecting != NULL;
}
