/* pathway-access-dialog.c: Who Has Access… (see the header).
 *
 * The dialog asks the keyring for the programme's password once (as the window does to open
 * it), then reads who has access. Each change is a job on a worker thread (GTask): the change,
 * then the list read again, so that the rows always show what the server holds. Meanwhile the
 * rows and the form are insensitive and a spinner turns, and the windows stay free; one job
 * runs at a time. Closing the dialog cancels what is under way, and its answer is dropped.
 *
 * The SQL that the server leaves to its administrator (pathway_server_add_user's sql_for_it)
 * is added to what the dialog shows for them, and stays until the dialog closes: until it is
 * run, the people it names cannot sign in. A manager's own row has no controls: taking away
 * or lowering one's own access is left to another manager. A removed person is given access
 * again with the form, under the same sign-in name. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathway-access-dialog.h"
#include "pathway-editor-fields.h"
#include "pathway-remote.h"
#include "pathway-server-location.h"
#include "pathway-style.h"

/* The roles in the order of the drop-downs. */
static const PathwayAccess roles[] = {
  PATHWAY_ACCESS_MANAGER, PATHWAY_ACCESS_LEAD, PATHWAY_ACCESS_DATA_OFFICER, PATHWAY_ACCESS_READER,
};

typedef enum {
  JOB_LIST,
  JOB_ADD,
  JOB_SET,
  JOB_REMOVE,
} JobKind;

/* One call to the server and the list read after it; what came back is kept here for the main
 * thread. */
typedef struct {
  JobKind kind;
  char *uri;
  char *password;
  char *login;
  char *person;
  PathwayAccess access;
  char *sql_for_it;
  GError *error;      /* the change refused */
  GPtrArray *users;   /* PathwayServerUser, or NULL when they could not be read */
  GError *list_error;
} Job;

struct _PathwayAccessDialog
{
  AdwWindow parent_instance;

  char *uri;      /* the programme's, without a password */
  char *password; /* the keyring's, or NULL */
  char *me;       /* the sign-in name this dialog is used under */
  /* The keyring's answer and the job under way: cancelled when the dialog goes. */
  GCancellable *cancellable;
  gboolean password_known; /* the keyring has answered */
  gboolean busy;
  gboolean filling; /* set while the rows are being made, so no drop-down acts */
  guint fit_source;
  GString *sql_for_it;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkSpinner *spinner;
  GtkWidget *problem_box;
  GtkLabel *problem_heading;
  GtkLabel *problem_label;
  GtkLabel *status_label;
  GtkWidget *it_group;
  GtkTextView *it_view;
  GtkListBox *users_list;
  GtkWidget *add_group;
  PathwayEntryRow *login_row;
  PathwayEntryRow *person_row;
  AdwComboRow *role_row;
  GtkWidget *add_button;

  GtkLabel *placeholder;
};

G_DEFINE_FINAL_TYPE (PathwayAccessDialog, pathway_access_dialog, ADW_TYPE_WINDOW)

/* Words ---------------------------------------------------------------------------------------- */

static const char *
role_name (PathwayAccess access)
{
  switch (access)
    {
    case PATHWAY_ACCESS_MANAGER:
      return _("Manager");
    case PATHWAY_ACCESS_LEAD:
      return _("Lead");
    case PATHWAY_ACCESS_DATA_OFFICER:
      return _("Data officer");
    case PATHWAY_ACCESS_READER:
      return _("Reader");
    case PATHWAY_ACCESS_NONE:
    default:
      return _("No access");
    }
}

static const char *
role_description (PathwayAccess access)
{
  switch (access)
    {
    case PATHWAY_ACCESS_MANAGER:
      return _("Changes everything, and gives and takes access");
    case PATHWAY_ACCESS_LEAD:
      return _("Changes the actions and risks of their workstreams, and the readings of the "
               "indicators they own");
    case PATHWAY_ACCESS_DATA_OFFICER:
      return _("Gives indicator readings");
    case PATHWAY_ACCESS_READER:
    case PATHWAY_ACCESS_NONE:
    default:
      return _("Reads the programme and changes nothing");
    }
}

/* "Lee Chan (lee) is now a lead." */
static char *
describe_given (const char *who, PathwayAccess access)
{
  switch (access)
    {
    case PATHWAY_ACCESS_MANAGER:
      /* TRANSLATORS: after access was given or changed: "Lee Chan (lee) is now a manager." */
      return g_strdup_printf (_("%s is now a manager."), who);
    case PATHWAY_ACCESS_LEAD:
      return g_strdup_printf (_("%s is now a lead."), who);
    case PATHWAY_ACCESS_DATA_OFFICER:
      return g_strdup_printf (_("%s is now a data officer."), who);
    case PATHWAY_ACCESS_READER:
    case PATHWAY_ACCESS_NONE:
    default:
      return g_strdup_printf (_("%s is now a reader."), who);
    }
}

/* "Lee Chan (lee)", or the sign-in name alone when it has no person. */
static char *
dup_who (const char *person, const char *login)
{
  if (person == NULL || *person == '\0')
    return g_strdup (login);
  /* TRANSLATORS: a person and their sign-in name: "Lee Chan (lee)" */
  return g_strdup_printf (_("%s (%s)"), person, login);
}

static guint
role_position (PathwayAccess access)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == access)
      return i;
  return G_N_ELEMENTS (roles) - 1;
}

static GListModel *
role_names_new (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (names, role_name (roles[i]));
  return G_LIST_MODEL (names);
}

/* What went wrong, and what was done ----------------------------------------------------------- */

/* Shows why a call was refused ('error' NULL: clears it), marking the form's row it is about
 * when the store's message names it ("login: …"). */
static void
show_problem (PathwayAccessDialog *self, const char *heading, const GError *error)
{
  PathwayEntryRow *row = NULL;
  g_autofree char *detail = NULL;

  pathway_editor_mark_error (self->login_row, FALSE);
  pathway_editor_mark_error (self->person_row, FALSE);
  pathway_editor_mark_error (self->role_row, FALSE);
  gtk_widget_set_visible (self->problem_box, error != NULL);
  if (error == NULL)
    return;
  if (g_str_has_prefix (error->message, "login:"))
    row = self->login_row;
  else if (g_str_has_prefix (error->message, "person:"))
    row = self->person_row;
  else if (g_str_has_prefix (error->message, "role:"))
    pathway_editor_mark_error (self->role_row, TRUE);
  if (row != NULL)
    pathway_editor_mark_error (row, TRUE);
  /* The dialog signs in with the password the keyring keeps: without one, say how to keep it. */
  if (strstr (error->message, "password") != NULL)
    detail = g_strdup_printf (_("%s\n\nConnect to the server again with “Remember password” "
                                "on, so that this computer’s keyring keeps it."),
                              error->message);
  gtk_label_set_text (self->problem_heading, heading);
  gtk_label_set_text (self->problem_label, detail != NULL ? detail : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
show_status (PathwayAccessDialog *self, const char *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* GTK 4.8's text view learns the height of the text it was given only once it is laid out,
 * on an idle, and does not ask for that height then: ask for it, after that idle. */
static gboolean
fit_sql_cb (gpointer data)
{
  PathwayAccessDialog *self = data;

  self->fit_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->it_view));
  return G_SOURCE_REMOVE;
}

static void
add_sql_for_it (PathwayAccessDialog *self, const char *sql)
{
  if (sql == NULL || *sql == '\0')
    return;
  if (self->sql_for_it->len > 0)
    g_string_append_c (self->sql_for_it, '\n');
  g_string_append (self->sql_for_it, sql);
  /* One statement a line, with no line left empty at the end. */
  while (self->sql_for_it->len > 0 && self->sql_for_it->str[self->sql_for_it->len - 1] == '\n')
    g_string_truncate (self->sql_for_it, self->sql_for_it->len - 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->it_view), self->sql_for_it->str, -1);
  gtk_widget_set_visible (self->it_group, TRUE);
  if (self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_LOW, fit_sql_cb, self, NULL);
}

/* Busy ----------------------------------------------------------------------------------------- */

static void
update_add (PathwayAccessDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.add",
                                 !self->busy && self->password_known &&
                                   pathway_editor_entry_has_text (self->login_row) &&
                                   pathway_editor_entry_has_text (self->person_row));
}

static void
set_busy (PathwayAccessDialog *self, gboolean busy)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  self->busy = busy;
  /* A text that has the focus when it is made insensitive never hears that it lost it. */
  if (busy && focus != NULL &&
      (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->users_list)) ||
       gtk_widget_is_ancestor (focus, self->add_group)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->users_list), !busy);
  gtk_widget_set_sensitive (self->add_group, !busy);
  update_add (self);
}

/* Jobs ----------------------------------------------------------------------------------------- */

static void
job_free (Job *job)
{
  g_free (job->uri);
  pathway_server_password_free (job->password);
  g_free (job->login);
  g_free (job->person);
  g_free (job->sql_for_it);
  g_clear_error (&job->error);
  g_clear_pointer (&job->users, g_ptr_array_unref);
  g_clear_error (&job->list_error);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;

  switch (job->kind)
    {
    case JOB_ADD:
      pathway_server_add_user (job->uri, job->password, job->login, job->person, job->access,
                               &job->sql_for_it, &job->error);
      break;
    case JOB_SET:
      pathway_server_set_user_access (job->uri, job->password, job->login, job->access,
                                      &job->sql_for_it, &job->error);
      break;
    case JOB_REMOVE:
      pathway_server_remove_user (job->uri, job->password, job->login, &job->sql_for_it,
                                  &job->error);
      break;
    case JOB_LIST:
    default:
      break;
    }
  /* Read again after a refusal too: someone else may have changed it meanwhile. */
  if (!g_cancellable_is_cancelled (cancellable))
    job->users = pathway_server_list_users (job->uri, job->password, &job->list_error);
  g_task_return_boolean (task, TRUE);
}

static void show_users (PathwayAccessDialog *self, GPtrArray *users);
static void focus_user (PathwayAccessDialog *self, const char *login);

static char *
dup_refused_heading (const Job *job)
{
  switch (job->kind)
    {
    case JOB_ADD:
      /* TRANSLATORS: a refusal's heading; %s is a sign-in name */
      return g_strdup_printf (_("Could not give “%s” access"), job->login);
    case JOB_SET:
      return g_strdup_printf (_("Could not change the role of “%s”"), job->login);
    case JOB_REMOVE:
      return g_strdup_printf (_("Could not remove the access of “%s”"), job->login);
    case JOB_LIST:
    default:
      return g_strdup (_("Could not read who has access"));
    }
}

static void
job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PathwayAccessDialog *self = PATHWAY_ACCESS_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *who = NULL;
  g_autofree char *done = NULL;

  /* The dialog went meanwhile: nothing to show it in. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_busy (self, FALSE);
  add_sql_for_it (self, job->sql_for_it);
  if (job->users != NULL)
    show_users (self, job->users);
  if (job->error != NULL || job->list_error != NULL)
    {
      g_autofree char *heading = NULL;

      if (job->error == NULL)
        job->kind = JOB_LIST;
      heading = dup_refused_heading (job);
      show_problem (self, heading, job->error != NULL ? job->error : job->list_error);
      if (job->users == NULL)
        gtk_label_set_text (self->placeholder, _("Who has access could not be read."));
      return;
    }
  show_problem (self, NULL, NULL);
  who = dup_who (job->person, job->login);
  switch (job->kind)
    {
    case JOB_ADD:
      done = describe_given (who, job->access);
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      break;
    case JOB_SET:
      done = describe_given (who, job->access);
      focus_user (self, job->login);
      break;
    case JOB_REMOVE:
      /* TRANSLATORS: after access was taken away: "Mark Pennington (mark) can no longer sign
       * in." */
      done = g_strdup_printf (_("%s can no longer sign in."), who);
      focus_user (self, job->login);
      break;
    case JOB_LIST:
    default:
      break;
    }
  show_status (self, done);
}

static void
start_job (PathwayAccessDialog *self, JobKind kind, const char *login, const char *person,
           PathwayAccess access)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->busy)
    return;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->uri = g_strdup (self->uri);
  job->password = g_strdup (self->password);
  job->login = g_strdup (login);
  job->person = g_strdup (person);
  job->access = access;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* The people with access ----------------------------------------------------------------------- */

static const char *
row_login (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "pathway-login") : NULL;
}

static const char *
row_person (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "pathway-person") : NULL;
}

static void
role_chosen_cb (GtkDropDown *drop_down, GParamSpec *pspec, PathwayAccessDialog *self)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (self->filling || position >= G_N_ELEMENTS (roles))
    return;
  start_job (self, JOB_SET, row_login (GTK_WIDGET (drop_down)),
             row_person (GTK_WIDGET (drop_down)), roles[position]);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, PathwayAccessDialog *self)
{
  if (!g_str_equal (response, "remove"))
    return;
  start_job (self, JOB_REMOVE, g_object_get_data (G_OBJECT (dialog), "pathway-login"),
             g_object_get_data (G_OBJECT (dialog), "pathway-person"), PATHWAY_ACCESS_NONE);
}

static void
remove_clicked_cb (GtkButton *button, PathwayAccessDialog *self)
{
  const char *login = row_login (GTK_WIDGET (button));
  const char *person = row_person (GTK_WIDGET (button));
  g_autofree char *who = dup_who (person, login);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (login == NULL || self->busy)
    return;
  /* TRANSLATORS: asked before access is taken away: "Remove Access for Mark Pennington?" */
  heading = g_strdup_printf (_("Remove Access for %s?"),
                             person != NULL && *person != '\0' ? person : login);
  body = g_strdup_printf (_("%s will no longer be able to sign in to this programme: their "
                            "access ends now. Everything they changed stays in the "
                            "programme’s history."),
                          who);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove Access"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pathway-login", g_strdup (login), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "pathway-person", g_strdup (person), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
user_row_new (PathwayAccessDialog *self, const PathwayServerUser *user)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean me = g_strcmp0 (user->login, self->me) == 0;
  g_autofree char *name = g_strdup_printf ("access-user-%s", user->login);
  g_autofree char *who = dup_who (user->person, user->login);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *user->person != '\0' ? user->person : user->login);
  /* TRANSLATORS: under a person with access: their sign-in name, and what stops them */
  if (user->removed)
    subtitle = g_strdup_printf (_("%s · access removed"), user->login);
  else if (!user->can_sign_in)
    subtitle = g_strdup_printf (_("%s · cannot sign in yet"), user->login);
  else if (me)
    subtitle = g_strdup_printf (_("%s · you"), user->login);
  else
    subtitle = g_strdup (user->login);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "pathway-login", g_strdup (user->login), g_free);
  g_object_set_data_full (G_OBJECT (row), "pathway-person", g_strdup (user->person), g_free);
  g_object_set_data (G_OBJECT (row), "pathway-removed", GINT_TO_POINTER (user->removed));

  if (user->removed || me)
    {
      GtkWidget *label = gtk_label_new (user->removed ? _("Removed") : role_name (user->access));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_name (label, "access-role-shown");
      if (me)
        gtk_widget_set_tooltip_text (label, _("Another manager changes your own access."));
      else
        gtk_widget_set_tooltip_text (label, _("Give Access below gives them access again."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      g_autoptr(GListModel) names = role_names_new ();
      GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (names), NULL);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *role_label = NULL;
      g_autofree char *remove_label = NULL;

      /* TRANSLATORS: read out for a person's role drop-down: "Role of Lee Chan (lee)" */
      role_label = g_strdup_printf (_("Role of %s"), who);
      /* TRANSLATORS: read out for the button: "Remove access for Lee Chan (lee)" */
      remove_label = g_strdup_printf (_("Remove access for %s"), who);
      gtk_widget_set_name (drop_down, "access-role");
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), role_position (user->access));
      gtk_widget_set_tooltip_text (drop_down, role_description (user->access));
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, role_label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      role_description (user->access), -1);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (role_chosen_cb), self,
                               0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);

      gtk_widget_set_name (remove, "access-remove");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove access"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

/* Those who still have access first, each part by name. */
static int
compare_users (gconstpointer a, gconstpointer b)
{
  const PathwayServerUser *first = *(PathwayServerUser *const *) a;
  const PathwayServerUser *second = *(PathwayServerUser *const *) b;
  const char *first_name = *first->person != '\0' ? first->person : first->login;
  const char *second_name = *second->person != '\0' ? second->person : second->login;
  int order;

  if (first->removed != second->removed)
    return first->removed ? 1 : -1;
  order = g_utf8_collate (first_name, second_name);
  return order != 0 ? order : strcmp (first->login, second->login);
}

static void
show_users (PathwayAccessDialog *self, GPtrArray *users)
{
  GtkListBoxRow *row;

  g_ptr_array_sort (users, compare_users);

  self->filling = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->users_list, 0)) != NULL)
    gtk_list_box_remove (self->users_list, GTK_WIDGET (row));
  for (guint i = 0; i < users->len; i++)
    gtk_list_box_append (self->users_list, user_row_new (self, g_ptr_array_index (users, i)));
  gtk_label_set_text (self->placeholder, _("Nobody has been given access yet."));
  self->filling = FALSE;
}

/* The row of 'login', or NULL. */
static GtkWidget *
find_user_row (PathwayAccessDialog *self, const char *login)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->users_list, i)) != NULL; i++)
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "pathway-login"), login) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

static GtkWidget *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* After a change the rows are new: the focus goes back to the person's, on its drop-down when
 * it has one. */
static void
focus_user (PathwayAccessDialog *self, const char *login)
{
  GtkWidget *row = find_user_row (self, login);
  GtkWidget *drop_down = row != NULL ? find_drop_down (row) : NULL;

  if (drop_down != NULL)
    gtk_widget_grab_focus (drop_down);
  else if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Actions -------------------------------------------------------------------------------------- */

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayAccessDialog *self = PATHWAY_ACCESS_DIALOG (widget);
  g_autofree char *login = pathway_editor_dup_entry_text (self->login_row);
  g_autofree char *person = pathway_editor_dup_entry_text (self->person_row);
  guint position = adw_combo_row_get_selected (self->role_row);

  if (*login == '\0' || *person == '\0' || position >= G_N_ELEMENTS (roles))
    return;
  start_job (self, JOB_ADD, login, person, roles[position]);
}

static void
copy_sql_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayAccessDialog *self = PATHWAY_ACCESS_DIALOG (widget);

  if (self->sql_for_it->len == 0)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->sql_for_it->str);
  show_status (self, _("The SQL is copied: paste it into a message to your database "
                       "administrator."));
}

static void
form_changed_cb (PathwayAccessDialog *self)
{
  update_add (self);
}

static void
role_row_cb (PathwayAccessDialog *self)
{
  guint position = adw_combo_row_get_selected (self->role_row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                               position < G_N_ELEMENTS (roles) ? role_description (roles[position])
                                                               : "");
}

static void
password_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  char *password = pathway_server_location_lookup_password_finish (result);
  PathwayAccessDialog *self;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      pathway_server_password_free (password);
      return;
    }
  self = PATHWAY_ACCESS_DIALOG (user_data);
  self->password = password;
  self->password_known = TRUE;
  self->busy = FALSE;
  start_job (self, JOB_LIST, NULL, NULL, PATHWAY_ACCESS_NONE);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_access_dialog_dispose (GObject *object)
{
  PathwayAccessDialog *self = PATHWAY_ACCESS_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_ACCESS_DIALOG);
  G_OBJECT_CLASS (pathway_access_dialog_parent_class)->dispose (object);
}

static void
pathway_access_dialog_finalize (GObject *object)
{
  PathwayAccessDialog *self = PATHWAY_ACCESS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->uri);
  g_free (self->me);
  pathway_server_password_free (self->password);
  g_string_free (self->sql_for_it, TRUE);
  G_OBJECT_CLASS (pathway_access_dialog_parent_class)->finalize (object);
}

static void
pathway_access_dialog_class_init (PathwayAccessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_access_dialog_dispose;
  object_class->finalize = pathway_access_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "access.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "access.copy-sql", NULL, copy_sql_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-access-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PathwayAccessDialog, name)
  BIND (window_title);
  BIND (spinner);
  BIND (problem_box);
  BIND (problem_heading);
  BIND (problem_label);
  BIND (status_label);
  BIND (it_group);
  BIND (it_view);
  BIND (users_list);
  BIND (add_group);
  BIND (login_row);
  BIND (person_row);
  BIND (role_row);
  BIND (add_button);
#undef BIND
}

static void
pathway_access_dialog_init (PathwayAccessDialog *self)
{
  g_autoptr(GListModel) names = role_names_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  self->cancellable = g_cancellable_new ();
  self->sql_for_it = g_string_new (NULL);

  self->placeholder = GTK_LABEL (gtk_label_new (_("Reading who has access…")));
  gtk_widget_set_name (GTK_WIDGET (self->placeholder), "access-users-placeholder");
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_list_box_set_placeholder (self->users_list, GTK_WIDGET (self->placeholder));

  adw_combo_row_set_model (self->role_row, names);
  adw_combo_row_set_selected (self->role_row, role_position (PATHWAY_ACCESS_READER));
  pathway_editor_set_choice_items (self->role_row, PATHWAY_EDITOR_VALUE_CHARS,
                                   PATHWAY_EDITOR_LIST_CHARS);
  role_row_cb (self);
  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (role_row_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->login_row, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_row, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);

  /* Each row's title is its name, for the row and for the text in it that has the focus. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *row = i == 0 ? GTK_WIDGET (self->login_row)
                              : i == 1 ? GTK_WIDGET (self->person_row)
                                       : GTK_WIDGET (self->role_row);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      if (GTK_IS_EDITABLE (row))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (
                                          GTK_EDITABLE (row))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

PathwayAccessDialog *
pathway_access_dialog_new (GtkWindow *parent, PathwayDocument *document)
{
  PathwayAccessDialog *self;
  g_autoptr(PathwayServerLocation) location = NULL;
  g_autofree char *place = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pathway_document_get_remote (document), NULL);

  self = g_object_new (PATHWAY_TYPE_ACCESS_DIALOG, "transient-for", parent, NULL);
  self->uri = g_strdup (pathway_document_get_path (document));
  location = pathway_server_location_parse (self->uri);
  /* libpq signs in under the account's own name when the URI names nobody. */
  self->me = g_strdup (location != NULL && *location->user != '\0' ? location->user
                                                                   : g_get_user_name ());
  place = pathway_location_describe (self->uri);
  adw_window_title_set_subtitle (self->window_title, place);

  /* Nothing can be asked until the keyring has answered. */
  set_busy (self, TRUE);
  pathway_server_location_lookup_password (location, self->cancellable, password_found_cb, self);
  return self;
}

gboolean
pathway_access_dialog_get_busy (PathwayAccessDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACCESS_DIALOG (self), FALSE);
  return self->busy;
}

char *
pathway_access_dialog_dup_sql_for_it (PathwayAccessDialog *self)
{
  g_return_val_if_fail (PATHWAY_IS_ACCESS_DIALOG (self), NULL);
  return self->sql_for_it->len > 0 ? g_strdup (self->sql_for_it->str) : NULL;
}
