/* pathway-presenter-chooser.c: which meeting to present, in a message dialog.
 *
 * A list of radio rows: for each board (the first on top) its meetings, latest first, then
 * "New meeting today"; with two monitors or more a row to pick the one the slides go to. The
 * choice it opens on is a meeting that exists: the board's meeting today, else its next one,
 * else its latest; never a new one, since a meeting made by pressing Enter would stay in the
 * programme and its board pack. Pressing Present adds the new meeting through the document
 * only if that row was chosen, then says "chosen".
 *
 * A programme without a board is offered the board instead: Add Board… opens
 * PathwayBoardDialog, and once the board is added a chooser for its meetings asks again (this
 * one, kept until then, passes that one's choice on as its own); Present Without Recording
 * shows the slides with nothing recorded. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-board-dialog.h"
#include "pathway-presenter-chooser.h"
#include "pathway-presenter.h"

typedef struct {
  GtkCheckButton *check;
  PathwayMeeting *meeting; /* or NULL */
  PathwayBoard *new_for;   /* or NULL */
} Row;

struct _PathwayPresenterChooser
{
  AdwMessageDialog parent_instance;

  PathwayDocument *document;
  GtkWindow *parent;          /* weak */
  GArray *rows;               /* Row */
  GtkCheckButton *group;      /* the first row's check button */
  AdwComboRow *monitor_row;   /* or NULL */
  GListModel *monitors;
};

enum {
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PathwayPresenterChooser, pathway_presenter_chooser, ADW_TYPE_MESSAGE_DIALOG)

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("No date"));
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (time, "%A %-d %B %Y");
}

/* Returns the row's index in self->rows. */
static guint
add_row (PathwayPresenterChooser *self, GtkListBox *list, const char *title,
         const char *subtitle, PathwayMeeting *meeting, PathwayBoard *new_for,
         gboolean sensitive)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  Row entry = { GTK_CHECK_BUTTON (check), meeting, new_for };

  /* Titles and subtitles are markup in libadwaita 1.2; these are the user's words. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The check button is what takes the focus: it reads as its row, the meeting and its day
   * (GTK 4.8 would name it by its type). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle != NULL ? subtitle : "",
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, sensitive);
  if (self->group == NULL)
    self->group = GTK_CHECK_BUTTON (check);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);
  gtk_list_box_append (list, row);
  g_array_append_val (self->rows, entry);
  return self->rows->len - 1;
}

static const Row *
chosen_row (PathwayPresenterChooser *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (gtk_check_button_get_active (row->check))
        return row;
    }
  return NULL;
}

PathwayMeeting *
pathway_presenter_chooser_get_meeting (PathwayPresenterChooser *self)
{
  const Row *row;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER_CHOOSER (self), NULL);
  row = chosen_row (self);
  return row != NULL ? row->meeting : NULL;
}

PathwayBoard *
pathway_presenter_chooser_get_new_for (PathwayPresenterChooser *self)
{
  const Row *row;

  g_return_val_if_fail (PATHWAY_IS_PRESENTER_CHOOSER (self), NULL);
  row = chosen_row (self);
  return row != NULL ? row->new_for : NULL;
}

void
pathway_presenter_chooser_choose_meeting (PathwayPresenterChooser *self, PathwayMeeting *meeting)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_CHOOSER (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->meeting == meeting && row->new_for == NULL)
        gtk_check_button_set_active (row->check, TRUE);
    }
}

void
pathway_presenter_chooser_choose_new (PathwayPresenterChooser *self, PathwayBoard *board)
{
  g_return_if_fail (PATHWAY_IS_PRESENTER_CHOOSER (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->new_for == board && board != NULL)
        gtk_check_button_set_active (row->check, TRUE);
    }
}

static GdkMonitor *
chosen_monitor (PathwayPresenterChooser *self)
{
  guint selected;

  if (self->monitor_row == NULL)
    return NULL;
  selected = adw_combo_row_get_selected (self->monitor_row);
  if (selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (self->monitors))
    return NULL;
  {
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, selected);

    return monitor; /* the display keeps it */
  }
}

/* The choice of the chooser that asked again, once there was a board, is this one's. */
static void
pass_on_cb (PathwayPresenterChooser *self, PathwayMeeting *meeting, GdkMonitor *monitor)
{
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, meeting, monitor);
}

static void
board_added_cb (PathwayPresenterChooser *self, PathwayBoard *board, PathwayMeeting *meeting)
{
  PathwayPresenterChooser *again = pathway_presenter_chooser_new (self->parent, self->document);

  g_object_set_data_full (G_OBJECT (again), "pathway-asked-for", g_object_ref (self),
                          g_object_unref);
  g_signal_connect_object (again, "chosen", G_CALLBACK (pass_on_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (again));
}

static void
add_board (PathwayPresenterChooser *self)
{
  PathwayBoardDialog *dialog = pathway_board_dialog_new (self->parent, self->document);

  /* This dialog closes as it responds; it is kept (and whoever waits for its "chosen" with
   * it) for as long as the board is being added, and then by the chooser that asks again. */
  g_object_set_data_full (G_OBJECT (dialog), "pathway-asked-for", g_object_ref (self),
                          g_object_unref);
  g_signal_connect_object (dialog, "added", G_CALLBACK (board_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (PathwayPresenterChooser *self, const char *response)
{
  g_autoptr(PathwayMeeting) meeting = NULL;
  PathwayBoard *board;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "add-board"))
    {
      add_board (self);
      return;
    }
  if (g_str_equal (response, "without"))
    {
      g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, NULL, chosen_monitor (self));
      return;
    }
  if (!g_str_equal (response, "present"))
    return;

  board = pathway_presenter_chooser_get_new_for (self);
  if (board != NULL)
    {
      g_autoptr(PathwayMeeting) draft = pathway_meeting_new ();
      GDate today;

      pathway_document_get_today (self->document, &today);
      pathway_meeting_set_date (draft, &today);
      if (!pathway_document_add_meeting (self->document, board, draft, &error))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
          AdwMessageDialog *dialog;

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                               _("Could Not Add the Meeting"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
      meeting = g_steal_pointer (&draft);
    }
  else if (pathway_presenter_chooser_get_meeting (self) != NULL)
    meeting = g_object_ref (pathway_presenter_chooser_get_meeting (self));

  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, meeting, chosen_monitor (self));
}

static char *
describe_monitor (GdkMonitor *monitor, guint index)
{
  const char *model = gdk_monitor_get_model (monitor);
  const char *connector = gdk_monitor_get_connector (monitor);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  /* TRANSLATORS: a monitor: its number, name and size, "Screen 2: DELL U2415 (1920×1200)" */
  return g_strdup_printf (_("Screen %u: %s (%d×%d)"), index + 1,
                          model != NULL ? model : connector != NULL ? connector : "",
                          geometry.width, geometry.height);
}

static gboolean
dated_on (const GDate *date, const GDate *day, int *order)
{
  if (date == NULL || !g_date_valid (date))
    return FALSE;
  *order = g_date_compare (date, day);
  return TRUE;
}

/* Adds the board's rows: its meetings, latest first, then "New meeting today". Returns the
 * row of the meeting to open on, by the rule at the top of this file, or G_MAXUINT when the
 * board has no meeting. */
static guint
add_board_rows (PathwayPresenterChooser *self, GtkListBox *list, PathwayBoard *board,
                gboolean several_boards, gboolean writable, const GDate *today)
{
  GListModel *meetings = pathway_board_get_meetings (board);
  guint n = g_list_model_get_n_items (meetings);
  guint todays = G_MAXUINT, next = G_MAXUINT, latest = G_MAXUINT, last = G_MAXUINT;

  /* Latest first: the meetings about to be held are near the top. The board keeps its
   * meetings by date, undated last and, on one day, in the order they were added. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i - 1);
      const GDate *date = pathway_meeting_get_date (meeting);
      g_autofree char *title = format_date (date);
      g_autofree char *subtitle = NULL;
      const char *name = pathway_meeting_get_title (meeting);
      int order = 0;
      gboolean dated = dated_on (date, today, &order);
      guint row;

      if (dated && order == 0)
        {
          /* TRANSLATORS: a meeting's date when it is today,
           * "Wednesday 18 November 2026, today" */
          char *today_title = g_strdup_printf (_("%s, today"), title);

          g_free (title);
          title = today_title;
        }
      if (several_boards)
        subtitle = *name != '\0' ? g_strdup_printf ("%s · %s", pathway_board_get_name (board),
                                                    name)
                                 : g_strdup (pathway_board_get_name (board));
      else
        subtitle = g_strdup (name);
      row = add_row (self, list, title, subtitle, meeting, NULL, TRUE);

      if (dated && order == 0 && todays == G_MAXUINT)
        todays = row;      /* of two today, the one added last */
      if (dated && order > 0)
        next = row;        /* the loop goes back in time: the earliest after today */
      if (dated && latest == G_MAXUINT)
        latest = row;
      last = row;
    }

  add_row (self, list, _("New meeting today"),
           writable ? pathway_board_get_name (board)
                    : _("Not possible: the programme is read-only"),
           NULL, board, writable);

  if (todays != G_MAXUINT)
    return todays;
  if (next != G_MAXUINT)
    return next;
  return latest != G_MAXUINT ? latest : last;
}

static void
build (PathwayPresenterChooser *self, GtkWindow *parent)
{
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  GListModel *boards = pathway_programme_get_boards (programme);
  guint n_boards = g_list_model_get_n_items (boards);
  gboolean writable = !pathway_document_get_read_only (self->document);
  /* Without a board, a writable programme is offered one rather than a list. */
  gboolean offer_board = n_boards == 0 && writable;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  guint choice = G_MAXUINT;
  GDate today;

  pathway_document_get_today (self->document, &today);
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (list), "presenter-meetings");

  /* The first board with a meeting gives the choice to open on. */
  for (guint b = 0; b < n_boards; b++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, b);
      guint row = add_board_rows (self, list, board, n_boards > 1, writable, &today);

      if (choice == G_MAXUINT)
        choice = row;
    }

  /* With no meeting to record in, presenting records nothing, and says so. */
  if (choice == G_MAXUINT && !offer_board)
    choice = add_row (self, list, _("Without a meeting"), _("Nothing is recorded"), NULL, NULL,
                      TRUE);
  if (choice != G_MAXUINT)
    {
      GtkCheckButton *check = g_array_index (self->rows, Row, choice).check;

      gtk_check_button_set_active (check, TRUE);
      /* The list scrolls to the focus: the choice is in view when the dialog opens. */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (check));
    }

  if (self->rows->len > 0)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      /* Room for four or five meetings; more scroll. */
      gtk_widget_set_size_request (scroller, 440, -1);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                  MIN (self->rows->len, 5) * 60);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (list));
      gtk_box_append (GTK_BOX (box), scroller);
    }
  else
    g_object_unref (g_object_ref_sink (list));

  /* With two screens, the slides go to the one the window is not on, unless told. */
  self->monitors = g_object_ref (gdk_display_get_monitors (
    parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ()));
  if (g_list_model_get_n_items (self->monitors) > 1)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GdkMonitor *preferred = pathway_presenter_default_monitor (parent);
      GtkWidget *monitor_list = gtk_list_box_new ();
      guint preferred_index = 0;

      for (guint i = 0; i < g_list_model_get_n_items (self->monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);
          g_autofree char *name = describe_monitor (monitor, i);

          gtk_string_list_append (names, name);
          if (monitor == preferred)
            preferred_index = i;
        }
      self->monitor_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->monitor_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->monitor_row), _("Show on"));
      adw_combo_row_set_model (self->monitor_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->monitor_row, preferred_index);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (monitor_list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (monitor_list, "boxed-list");
      gtk_list_box_append (GTK_LIST_BOX (monitor_list), GTK_WIDGET (self->monitor_row));
      gtk_box_append (GTK_BOX (box), monitor_list);
    }

  if (gtk_widget_get_first_child (box) != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  else
    g_object_unref (g_object_ref_sink (box));
  if (offer_board)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("No Board Yet"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Ratings and notes made while presenting are kept with a "
                                     "board meeting. Add the programme’s board and its next "
                                     "meeting, or present without recording anything."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                        "without", _("Present _Without Recording"),
                                        "add-board", _("_Add Board…"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add-board",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add-board");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
      return;
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Present a Meeting"));
  if (n_boards == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("This programme has no board yet, so nothing said in the "
                                   "room can be recorded with a meeting. You can still show "
                                   "the actions."));
  else if (!writable)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("The programme is read-only: the slides can be shown, but "
                                   "ratings and notes cannot be recorded."));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Ratings, notes and decisions made while presenting are "
                                   "recorded with the meeting chosen here."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "present", _("_Present"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "present",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "present");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

static void
pathway_presenter_chooser_dispose (GObject *object)
{
  PathwayPresenterChooser *self = PATHWAY_PRESENTER_CHOOSER (object);

  g_clear_object (&self->document);
  g_clear_object (&self->monitors);
  g_clear_weak_pointer (&self->parent);
  if (self->rows != NULL)
    g_array_set_size (self->rows, 0);

  G_OBJECT_CLASS (pathway_presenter_chooser_parent_class)->dispose (object);
}

static void
pathway_presenter_chooser_finalize (GObject *object)
{
  PathwayPresenterChooser *self = PATHWAY_PRESENTER_CHOOSER (object);

  g_array_unref (self->rows);
  G_OBJECT_CLASS (pathway_presenter_chooser_parent_class)->finalize (object);
}

static void
pathway_presenter_chooser_class_init (PathwayPresenterChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathway_presenter_chooser_dispose;
  object_class->finalize = pathway_presenter_chooser_finalize;

  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         PATHWAY_TYPE_MEETING, GDK_TYPE_MONITOR);
}

static void
pathway_presenter_chooser_init (PathwayPresenterChooser *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
}

PathwayPresenterChooser *
pathway_presenter_chooser_new (GtkWindow *parent, PathwayDocument *document)
{
  PathwayPresenterChooser *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_PRESENTER_CHOOSER, "transient-for", parent, "modal", TRUE,
                       NULL);
  gtk_widget_set_name (GTK_WIDGET (self), "presenter-chooser");
  self->document = g_object_ref (document);
  g_set_weak_pointer (&self->parent, parent);
  build (self, parent);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  return self;
}
