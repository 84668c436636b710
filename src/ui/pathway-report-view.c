/* pathway-report-view.c: the Board report view.
 *
 * On the left, the report settings kept with a meeting: which board and meeting, the as-at
 * date, the header block (title, report by, report for, classification), the recommendation
 * and the sections the pack holds. On the right, the pack itself, one page at a time, drawn
 * by pathway_pack_draw_page on white paper: the same drawing the PDF and the printout use.
 *
 *   meeting settings --pathway_document_set_*--> file and model
 *   model notify ----PathwayRefresh (one idle)--> pathway_pack_new --> preview, page label
 *
 * A setting is written when its entry is activated or loses focus, never per keystroke, and
 * the view never sets a model property itself: the meeting's notify brings the change back.
 * Export writes the pack with pathway_pack_write_pdf, or as a Word document with
 * pathway_pack_write_docx; Print goes through GtkPrintOperation, scaling each page from points
 * to the printer's units.
 *
 * Without a meeting to make the pack for, the view says what to do next and offers it: Add
 * Board… (PathwayBoardDialog: the board, its chair and next meeting, in one batch) when the
 * programme has no board, Add Meeting… when its board has no meeting. */
#define G_LOG_DOMAIN "pathway-ui"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pathway-announce.h"
#include "pathway-board-dialog.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-report-view.h"
#include "pathway-style.h"
#include "pathway-window.h"
#include "pathway-tab-stop.h"

/* Space around the paper in the preview, in pixels. */
#define PAPER_MARGIN 24.0

struct _PathwayReportView
{
  PathwayView parent_instance;

  /* Borrowed from PathwayView, which holds them while they are shown. */
  PathwayDocument *document;
  PathwayProgramme *programme;

  GPtrArray *boards;   /* PathwayBoard, those with meetings, in the programme's order */
  GPtrArray *meetings; /* PathwayMeeting of the chosen board, oldest first */
  PathwayBoard *board;
  PathwayMeeting *meeting;
  PathwayMeeting *filled; /* the meeting the settings were last filled from */
  PathwayPack *pack;
  char *pack_error;
  guint page;
  gboolean syncing; /* filling widgets from the model: their signals write nothing */
  guint size_source;
  GtkFileChooserNative *chooser;
  gboolean export_word; /* the chooser is for a Word document, not a PDF */

  /* Template children */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkWidget *add_board_button;
  GtkWidget *add_meeting_button;
  GtkWidget *settings_box;
  AdwComboRow *board_row;
  AdwComboRow *meeting_row;
  PathwayEntryRow *as_at_row;
  GtkLabel *as_at_caption;
  PathwayEntryRow *title_row;
  PathwayEntryRow *by_row;
  PathwayEntryRow *for_row;
  PathwayEntryRow *classification_row;
  GtkTextView *recommendation_view;
  AdwPreferencesGroup *sections_group;
  GtkLabel *page_label;
  GtkToggleButton *fit_page_button;
  AdwSplitButton *export_button;
  GtkScrolledWindow *preview_scroller;
  GtkDrawingArea *preview;

  /* Made in code */
  GtkCheckButton *section_checks[PATHWAY_PACK_N_SECTIONS];
  GtkTextView *narrative_views[3]; /* headlines, decisions, risks: see narratives[] */
  GtkSwitch *draft_switch;
  GtkSwitch *black_and_white_switch;
};

G_DEFINE_FINAL_TYPE (PathwayReportView, pathway_report_view, PATHWAY_TYPE_VIEW)


/* Words ----------------------------------------------------------------------------------- */

/* The settings show a day as the file keeps it; no day is an empty field. */
static char *
iso_date (const GDate *date)
{
  char *text = pathway_date_format_iso (date);

  return text != NULL ? text : g_strdup ("");
}

static char *
meeting_label (PathwayMeeting *meeting)
{
  g_autofree char *date = pathway_format_date (pathway_meeting_get_date (meeting));
  const char *title = pathway_meeting_get_title (meeting);

  if (date == NULL)
    date = g_strdup (_("Undated meeting"));
  if (title == NULL || title[0] == '\0')
    return g_steal_pointer (&date);
  /* Translators: a meeting in the chooser: "18 November 2026 · Extraordinary meeting". */
  return g_strdup_printf (_("%s · %s"), date, title);
}

/* Where the paper goes ---------------------------------------------------------------------- */

static gboolean
fit_page (PathwayReportView *self)
{
  return gtk_toggle_button_get_active (self->fit_page_button);
}

/* The scale from points to pixels, and the paper's place, in an area this size. */
static double
paper_geometry (PathwayReportView *self,
                double             width,
                double             height,
                double            *x,
                double            *y,
                double            *page_width,
                double            *page_height)
{
  double scale;

  pathway_pack_get_page_size (self->pack, self->page, page_width, page_height);
  scale = (width - 2 * PAPER_MARGIN) / *page_width;
  if (fit_page (self))
    scale = MIN (scale, (height - 2 * PAPER_MARGIN) / *page_height);
  scale = MAX (scale, 0.05);
  *x = floor ((width - *page_width * scale) / 2);
  *y = PAPER_MARGIN;
  if (fit_page (self))
    *y = floor (MAX (PAPER_MARGIN, (height - *page_height * scale) / 2));
  return scale;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  PathwayReportView *self = data;
  double x, y, page_width, page_height, scale, w, h;

  if (self->pack == NULL || self->page >= pathway_pack_get_n_pages (self->pack))
    return;

  scale = paper_geometry (self, width, height, &x, &y, &page_width, &page_height);
  w = round (page_width * scale);
  h = round (page_height * scale);

  /* A soft shadow: a few widening, fading outlines below and around the sheet. */
  for (int i = 1; i <= 6; i++)
    {
      cairo_rectangle (cr, x - i, y - i + 2, w + 2 * i, h + 2 * i);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.045 - i * 0.006);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  pathway_pack_draw_page (self->pack, cr, self->page);
  cairo_restore (cr);
}

/* Fit Width: the area is as tall as the scaled page, and scrolls. Fit Page: it fills the
 * viewport. Worked out on an idle, never while GTK is allocating. */
static gboolean
update_size_cb (gpointer data)
{
  PathwayReportView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview));
  int wanted = 0;

  self->size_source = 0;
  if (self->pack != NULL && pathway_pack_get_n_pages (self->pack) > 0 && !fit_page (self) &&
      width > 0)
    {
      double x, y, page_width, page_height;
      double scale = paper_geometry (self, width, 0, &x, &y, &page_width, &page_height);

      wanted = (int) ceil (page_height * scale + 2 * PAPER_MARGIN);
    }
  if (gtk_drawing_area_get_content_height (self->preview) != wanted)
    gtk_drawing_area_set_content_height (self->preview, wanted);
  return G_SOURCE_REMOVE;
}

static void
queue_size (PathwayReportView *self)
{
  if (self->size_source == 0)
    self->size_source = g_idle_add (update_size_cb, self);
}

static void
preview_resize_cb (PathwayReportView *self,
                   int                width,
                   int                height,
                   GtkDrawingArea    *area)
{
  queue_size (self);
}

/* Pages ------------------------------------------------------------------------------------- */

static guint
n_pages (PathwayReportView *self)
{
  return self->pack != NULL ? pathway_pack_get_n_pages (self->pack) : 0;
}

static void
show_page (PathwayReportView *self)
{
  guint n = n_pages (self);
  g_autofree char *text = NULL;

  if (self->pack_error != NULL)
    /* Translators: the reason follows, as the file's error says it. */
    text = g_strdup_printf (_("The pack could not be made: %s"), self->pack_error);
  else if (n == 0)
    text = g_strdup (_("The pack has no pages"));
  else
    /* Translators: "Page 3 of 12 · Red actions": the page shown, and the section it opens in. */
    text = g_strdup_printf (_("Page %u of %u · %s"), self->page + 1, n,
                            pathway_pack_get_page_title (self->pack, self->page));

  gtk_label_set_text (self->page_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", self->page + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-word", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.present", self->meeting != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  queue_size (self);
}

static void
go_to_page (PathwayReportView *self,
            guint              page)
{
  if (page >= n_pages (self) || page == self->page)
    return;
  self->page = page;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->preview_scroller), 0);
  show_page (self);
  /* The page changes under a screen reader's focus on the Next button: say which it is. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pathway_announce (GTK_WIDGET (self), gtk_label_get_text (self->page_label));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (widget);

  if (g_str_equal (action_name, "report.next-page"))
    go_to_page (self, self->page + 1);
  else if (self->page > 0)
    go_to_page (self, self->page - 1);
}

static gboolean
preview_key_cb (PathwayReportView     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      go_to_page (self, self->page + 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (self->page > 0)
        go_to_page (self, self->page - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
preview_pressed_cb (PathwayReportView *self,
                    int                n_press,
                    double             x,
                    double             y,
                    GtkGesture        *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->preview));
}

static void
fit_page_toggled_cb (PathwayReportView *self,
                     GtkToggleButton   *button)
{
  /* The button says what pressing it does. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), gtk_toggle_button_get_active (button)
                                                      ? _("Fit Width")
                                                      : _("Fit Page"));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  queue_size (self);
}

/* The pack ---------------------------------------------------------------------------------- */

static void
rebuild_pack (PathwayReportView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->pack);
  g_clear_pointer (&self->pack_error, g_free);
  if (self->document != NULL && self->meeting != NULL)
    {
      self->pack = pathway_pack_new (self->document, self->meeting, NULL, &error);
      if (self->pack == NULL)
        self->pack_error = g_strdup (error->message);
    }
  if (self->page >= n_pages (self))
    self->page = n_pages (self) > 0 ? n_pages (self) - 1 : 0;
  show_page (self);
}

/* Writing settings -------------------------------------------------------------------------- */

static gboolean
can_write (PathwayReportView *self)
{
  return !self->syncing && self->document != NULL && self->meeting != NULL &&
         !pathway_document_get_read_only (self->document);
}

static void
report_error (PathwayReportView *self,
              const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = g_markup_escape_text (error->message, -1);

  if (PATHWAY_IS_WINDOW (root))
    pathway_window_add_toast (PATHWAY_WINDOW (root), adw_toast_new (title));
  else
    g_message ("%s", error->message);
}

static void
write_text (PathwayReportView *self,
            const char        *property,
            const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  if (!can_write (self))
    return;
  g_object_get (self->meeting, property, &old, NULL);
  if (g_strcmp0 (old != NULL ? old : "", text) == 0)
    return;
  if (!pathway_document_set_text (self->document, self->meeting, property, text, &error))
    report_error (self, error);
}

static void
show_as_at_caption (PathwayReportView *self,
                    gboolean           wrong)
{
  GtkWidget *caption = GTK_WIDGET (self->as_at_caption);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_at_row));
  g_autofree char *message = NULL;

  if (wrong)
    /* Translators: the as-at date typed cannot be read; %s is what was typed. */
    message = g_strdup_printf (_("“%s” is not a day: write it as 18/11/2026, 2026-11-18 or "
                                 "18 Nov 2026. Nothing was changed."), text);
  else if (self->meeting != NULL)
    {
      g_autofree char *date = pathway_format_date (pathway_meeting_get_date (self->meeting));

      /* Translators: under the as-at entry; %s is the meeting's date. */
      message = g_strdup_printf (_("Ratings and commentary as they stood on that day. Leave "
                                   "empty for the meeting’s date (%s)."),
                                 date != NULL ? date : _("not set"));
    }
  gtk_label_set_text (self->as_at_caption, message != NULL ? message : "");
  if (wrong)
    {
      gtk_widget_remove_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->as_at_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (caption, "error");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->as_at_row), "error");
    }
}

static void
write_as_at (PathwayReportView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->as_at_row))));
  const GDate *old;
  g_auto(GValue) value = G_VALUE_INIT;
  GDate date;

  if (!can_write (self))
    return;

  g_value_init (&value, G_TYPE_DATE);
  if (text[0] != '\0')
    {
      /* The same forms as every date entry: 30/11/2025, 2025-11-30, 30 Nov 2025. */
      if (!pathway_editor_parse_day (text, &date))
        {
          show_as_at_caption (self, TRUE);
          return;
        }
      g_value_set_boxed (&value, &date);
    }
  show_as_at_caption (self, FALSE);

  old = pathway_meeting_get_as_at (self->meeting);
  if (old != NULL && g_date_valid (old) ? text[0] != '\0' && g_date_compare (old, &date) == 0
                                        : text[0] == '\0')
    return;
  if (!pathway_document_set_value (self->document, self->meeting, "as-at", &value, NULL,
                                   &error))
    report_error (self, error);
}

static void
as_at_changed_cb (PathwayReportView *self,
                  GtkEditable       *editable)
{
  GDate date;
  const char *text = gtk_editable_get_text (editable);

  /* A mistake already pointed out clears as soon as the text reads as a date. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->as_at_row), "error") &&
      (text[0] == '\0' || pathway_editor_parse_day (text, &date)))
    show_as_at_caption (self, FALSE);
}

static void
commit_row (PathwayReportView *self,
            PathwayEntryRow   *row)
{
  const char *property;

  if (row == self->as_at_row)
    {
      write_as_at (self);
      return;
    }
  property = g_object_get_data (G_OBJECT (row), "property");
  if (property != NULL)
    write_text (self, property, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
entry_activated_cb (PathwayReportView *self,
                    PathwayEntryRow   *row)
{
  commit_row (self, row);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    PathwayReportView       *self)
{
  commit_row (self, PATHWAY_ENTRY_ROW (gtk_event_controller_get_widget (
                      GTK_EVENT_CONTROLLER (controller))));
}

static void
recommendation_leave_cb (GtkEventControllerFocus *controller,
                         PathwayReportView       *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->recommendation_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  write_text (self, "recommendation", text);
}

/* The meeting's own words for the pack, each its own section when it has text. */
static const struct {
  const char *property;
  const char *title;
  const char *description;
} narratives[] = {
  { "headlines", N_("Headlines"),
    N_("A few paragraphs, or lines starting “- ” for bullets; printed after the introduction.") },
  { "decisions", N_("Decisions for the board"),
    N_("What the board is asked to decide; printed after the recommendation.") },
  { "risks", N_("Risks and issues"),
    N_("What could stop the programme and what is being done; printed after the overdue "
       "actions while the risk log is empty (once it has entries, the log is printed "
       "instead).") },
};

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
narrative_leave_cb (GtkEventControllerFocus *controller,
                    PathwayReportView       *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *text = dup_view_text (GTK_TEXT_VIEW (view));

  write_text (self, g_object_get_data (G_OBJECT (view), "pathway-property"), text);
}

static void
switch_active_cb (PathwayReportView *self,
                  GParamSpec        *pspec,
                  GtkSwitch         *toggle)
{
  const char *property = g_object_get_data (G_OBJECT (toggle), "pathway-property");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean old = FALSE;

  if (self->syncing || !can_write (self))
    return;
  g_object_get (self->meeting, property, &old, NULL);
  if (old == gtk_switch_get_active (toggle))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  if (!pathway_document_set_value (self->document, self->meeting, property, &value, NULL,
                                   &error))
    report_error (self, error);
}

static guint
checked_sections (PathwayReportView *self)
{
  guint sections = 0;

  for (guint i = 0; i < PATHWAY_PACK_N_SECTIONS; i++)
    if (gtk_check_button_get_active (self->section_checks[i]))
      sections |= 1u << i;
  return sections;
}

static void
section_toggled_cb (PathwayReportView *self,
                    GtkCheckButton    *check)
{
  g_autofree char *text = NULL;

  if (!can_write (self))
    return;
  text = pathway_pack_sections_to_string (checked_sections (self));
  write_text (self, "report-sections", text);
}

/* Filling the settings from the meeting ------------------------------------------------------ */

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A field being typed in keeps its text when the same meeting changes under it. */
static void
fill_entry (PathwayReportView *self,
            PathwayEntryRow   *row,
            const char        *text,
            gboolean           same_meeting)
{
  if (same_meeting && holds_focus (GTK_WIDGET (row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_settings (PathwayReportView *self)
{
  PathwayMeeting *meeting = self->meeting;
  gboolean same = meeting == self->filled;
  g_autofree char *as_at = NULL;
  guint sections;

  if (meeting == NULL)
    return;

  self->syncing = TRUE;
  as_at = iso_date (pathway_meeting_get_as_at (meeting));
  fill_entry (self, self->as_at_row, as_at, same);
  fill_entry (self, self->title_row, pathway_meeting_get_report_title (meeting), same);
  fill_entry (self, self->by_row, pathway_meeting_get_report_by (meeting), same);
  fill_entry (self, self->for_row, pathway_meeting_get_report_for (meeting), same);
  fill_entry (self, self->classification_row, pathway_meeting_get_classification (meeting),
              same);
  if (!(same && holds_focus (GTK_WIDGET (self->recommendation_view))))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->recommendation_view);
      const char *text = pathway_meeting_get_recommendation (meeting);
      GtkTextIter start, end;
      g_autofree char *old = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      old = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (old, text != NULL ? text : "") != 0)
        gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (narratives); i++)
    {
      GtkTextView *view = self->narrative_views[i];
      g_autofree char *text = NULL;
      g_autofree char *old = NULL;

      if (same && holds_focus (GTK_WIDGET (view)))
        continue;
      g_object_get (meeting, narratives[i].property, &text, NULL);
      old = dup_view_text (view);
      if (g_strcmp0 (old, text != NULL ? text : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
    }
  gtk_switch_set_active (self->draft_switch, pathway_meeting_get_draft (meeting));
  gtk_switch_set_active (self->black_and_white_switch,
                         pathway_meeting_get_black_and_white (meeting));
  sections = pathway_pack_sections_parse (pathway_meeting_get_report_sections (meeting));
  for (guint i = 0; i < PATHWAY_PACK_N_SECTIONS; i++)
    gtk_check_button_set_active (self->section_checks[i], (sections & (1u << i)) != 0);
  if (!same || !gtk_widget_has_css_class (GTK_WIDGET (self->as_at_row), "error"))
    show_as_at_caption (self, FALSE);
  self->filled = meeting;
  self->syncing = FALSE;
}

/* Boards and meetings ----------------------------------------------------------------------- */

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const GDate *da = pathway_meeting_get_date (*(PathwayMeeting **) a);
  const GDate *db = pathway_meeting_get_date (*(PathwayMeeting **) b);
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);

  if (va && vb)
    return g_date_compare (da, db);
  return va - vb;
}

/* The next meeting from today, else the latest. */
static PathwayMeeting *
default_meeting (PathwayReportView *self)
{
  g_autoptr(GDateTime) now = pathway_document_dup_now (self->document);
  GDate today;

  if (self->meetings->len == 0)
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (guint i = 0; i < self->meetings->len; i++)
    {
      PathwayMeeting *meeting = g_ptr_array_index (self->meetings, i);
      const GDate *date = pathway_meeting_get_date (meeting);

      if (date != NULL && g_date_valid (date) && g_date_compare (date, &today) >= 0)
        return meeting;
    }
  return g_ptr_array_index (self->meetings, self->meetings->len - 1);
}

static gboolean
same_objects (GPtrArray *array,
              GPtrArray *other)
{
  if (array->len != other->len)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    if (g_ptr_array_index (array, i) != g_ptr_array_index (other, i))
      return FALSE;
  return TRUE;
}

static gint64
board_id (gpointer board)
{
  return pathway_board_get_id (board);
}

static gint64
meeting_id (gpointer meeting)
{
  return pathway_meeting_get_id (meeting);
}

/* The object in the array with this one's id (a reloaded programme brings new objects). */
static gpointer
find_same (GPtrArray *array,
           gpointer   object,
           gint64   (*get_id) (gpointer))
{
  if (object == NULL)
    return NULL;
  for (guint i = 0; i < array->len; i++)
    if (get_id (g_ptr_array_index (array, i)) == get_id (object))
      return g_ptr_array_index (array, i);
  return NULL;
}

static void
set_choices (AdwComboRow *row,
             GPtrArray   *objects,
             char *     (*label) (gpointer))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      g_autofree char *text = label (g_ptr_array_index (objects, i));

      gtk_string_list_append (list, text);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static char *
board_label (gpointer board)
{
  return g_strdup (pathway_board_get_name (board));
}

static char *
meeting_choice_label (gpointer meeting)
{
  return meeting_label (meeting);
}

static void
select_in (AdwComboRow *row,
           GPtrArray   *objects,
           gpointer     object)
{
  guint index;

  if (object != NULL && g_ptr_array_find (objects, object, &index) &&
      adw_combo_row_get_selected (row) != index)
    adw_combo_row_set_selected (row, index);
}

/* Works out the boards and the chosen board's meetings, keeping the choice where it can. */
static void
sync_choices (PathwayReportView *self)
{
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list = pathway_programme_get_boards (self->programme);
  PathwayBoard *board;
  PathwayMeeting *meeting;

  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      PathwayBoard *item = g_list_model_get_item (list, i);

      if (g_list_model_get_n_items (pathway_board_get_meetings (item)) > 0)
        g_ptr_array_add (boards, item);
      else
        g_object_unref (item);
    }

  self->syncing = TRUE;
  if (!same_objects (boards, self->boards))
    {
      g_ptr_array_set_size (self->boards, 0);
      g_ptr_array_extend_and_steal (self->boards, g_steal_pointer (&boards));
      set_choices (self->board_row, self->boards, board_label);
    }
  board = find_same (self->boards, self->board, board_id);
  if (board == NULL && self->boards->len > 0)
    board = g_ptr_array_index (self->boards, 0);
  g_set_object (&self->board, board);
  select_in (self->board_row, self->boards, board);
  gtk_widget_set_visible (GTK_WIDGET (self->board_row), self->boards->len > 1);

  if (board != NULL)
    {
      list = pathway_board_get_meetings (board);
      for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
        g_ptr_array_add (meetings, g_list_model_get_item (list, i));
      g_ptr_array_sort (meetings, compare_meetings);
    }
  if (!same_objects (meetings, self->meetings))
    {
      g_ptr_array_set_size (self->meetings, 0);
      g_ptr_array_extend_and_steal (self->meetings, g_steal_pointer (&meetings));
      set_choices (self->meeting_row, self->meetings, meeting_choice_label);
    }
  meeting = find_same (self->meetings, self->meeting, meeting_id);
  if (meeting == NULL)
    meeting = default_meeting (self);
  g_set_object (&self->meeting, meeting);
  select_in (self->meeting_row, self->meetings, meeting);
  self->syncing = FALSE;
}

static void
board_selected_cb (PathwayReportView *self,
                   GParamSpec        *pspec,
                   AdwComboRow       *row)
{
  guint index = adw_combo_row_get_selected (row);

  if (self->syncing || index >= self->boards->len ||
      g_ptr_array_index (self->boards, index) == self->board)
    return;
  g_set_object (&self->board, g_ptr_array_index (self->boards, index));
  g_clear_object (&self->meeting);
  self->page = 0;
  pathway_view_refresh (PATHWAY_VIEW (self));
}

static void
meeting_selected_cb (PathwayReportView *self,
                     GParamSpec        *pspec,
                     AdwComboRow       *row)
{
  guint index = adw_combo_row_get_selected (row);

  if (self->syncing || index >= self->meetings->len ||
      g_ptr_array_index (self->meetings, index) == self->meeting)
    return;
  g_set_object (&self->meeting, g_ptr_array_index (self->meetings, index));
  self->page = 0;
  pathway_view_refresh (PATHWAY_VIEW (self));
}

/* Refreshing -------------------------------------------------------------------------------- */

/* The board a meeting would be added to: the first (the report's boards are those with
 * meetings, so this is only asked when there are none). */
static PathwayBoard *
first_board (PathwayReportView *self)
{
  GListModel *boards = self->programme != NULL ? pathway_programme_get_boards (self->programme)
                                               : NULL;
  g_autoptr(PathwayBoard) board = NULL;

  if (boards == NULL || g_list_model_get_n_items (boards) == 0)
    return NULL;
  board = g_list_model_get_item (boards, 0);
  return board; /* the programme keeps it */
}

static void
show_empty (PathwayReportView *self)
{
  gboolean writable = pathway_view_get_manages (PATHWAY_VIEW (self));
  PathwayBoard *board = first_board (self);
  const char *title;
  const char *description;

  if (self->programme == NULL)
    {
      title = _("No Programme Open");
      description = NULL;
    }
  else if (board == NULL)
    {
      title = _("No Board Yet");
      description = writable ? _("The board pack is written for a meeting of the programme’s "
                                 "board. Add the board and its next meeting to see the pack "
                                 "here.")
                             : _("The board pack is written for a meeting of the programme’s "
                                 "board, and this programme has no board.");
    }
  else
    {
      title = _("No Board Meetings");
      description = writable ? _("The board pack is written for a meeting of the board. Add "
                                 "its next meeting to see the pack here.")
                             : _("The board pack is written for a meeting of the board, and "
                                 "the board has no meetings.");
    }
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->add_board_button,
                          self->programme != NULL && board == NULL && writable);
  gtk_widget_set_visible (self->add_meeting_button,
                          self->programme != NULL && board != NULL && writable);
}

static void
add_board_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (widget);
  PathwayBoard *board = first_board (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  PathwayBoardDialog *dialog;

  if (!pathway_view_get_manages (PATHWAY_VIEW (self)))
    return;
  /* The board, or its first meeting: the view follows the boards and their meetings, so the
   * pack shows itself once they are added. */
  if (g_str_equal (action_name, "report.add-meeting") && board != NULL)
    dialog = pathway_board_dialog_new_meeting (parent, self->document, board);
  else
    dialog = pathway_board_dialog_new (parent, self->document);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pathway_report_view_refresh (PathwayView *view)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (view);
  gboolean read_only;

  if (self->programme != NULL)
    sync_choices (self);
  else
    {
      g_ptr_array_set_size (self->boards, 0);
      g_ptr_array_set_size (self->meetings, 0);
      g_clear_object (&self->board);
      g_clear_object (&self->meeting);
    }

  if (self->meeting == NULL)
    {
      g_clear_object (&self->pack);
      g_clear_pointer (&self->pack_error, g_free);
      self->filled = NULL;
      self->page = 0;
      show_empty (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      show_page (self);
      return;
    }

  /* The meeting's choices are the pack's record: on a server, its managers'. */
  read_only = !pathway_view_get_manages (PATHWAY_VIEW (self));
  gtk_widget_set_sensitive (self->settings_box, !read_only);
  fill_settings (self);
  rebuild_pack (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/* Following the model ----------------------------------------------------------------------- */

static void
pathway_report_view_watch_item (PathwayView *view,
                                GObject     *item)
{
  /* A board's meetings come and go too. */
  if (PATHWAY_IS_BOARD (item))
    pathway_view_watch_list (view, pathway_board_get_meetings (PATHWAY_BOARD (item)));
}

static void
pathway_report_view_document_changed (PathwayView *view)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (view);

  self->document = pathway_view_get_document (view);
  /* Another file: its own meetings, from the default one. */
  g_clear_object (&self->board);
  g_clear_object (&self->meeting);
  self->filled = NULL;
  self->page = 0;
}

/* The pack shows the actions, workstreams and indicators as well as the meeting's settings:
 * a change to any of them makes it again (once, and only while the view is shown). */
static void
pathway_report_view_programme_changed (PathwayView      *view,
                                       PathwayProgramme *programme)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (view);

  self->programme = programme;
  if (programme == NULL)
    return;

  pathway_view_watch (view, programme);
  pathway_view_watch_list (view, pathway_programme_get_boards (programme));
  pathway_view_watch_list (view, pathway_programme_get_actions (programme));
  pathway_view_watch_list (view, pathway_programme_get_workstreams (programme));
  pathway_view_watch_list (view, pathway_programme_get_indicators (programme));
}

/* Export, print, present -------------------------------------------------------------------- */

static GtkWindow *
parent_window (PathwayReportView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
pack_file_name (PathwayReportView *self)
{
  g_autofree char *date = iso_date (pathway_meeting_get_date (self->meeting));

  /* Translators: the suggested name of an exported pack; %s is the meeting's date. */
  return g_strdup_printf (_("Board pack %s.pdf"), date);
}

static void
show_failure (PathwayReportView *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    PathwayReportView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->pack == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_failure (self, _("Could Not Export the Board Pack"),
                    _("The chosen place is not a folder on this computer. Choose a folder "
                      "on this computer and export again."));
      return;
    }
  if (!(self->export_word ? pathway_pack_write_docx (self->pack, path, &error)
                          : pathway_pack_write_pdf (self->pack, path, &error)))
    {
      /* Translators: %s is the file's path, then the reason it could not be written. */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s"), path,
                                               error->message);

      show_failure (self, _("Could Not Export the Board Pack"), body);
      return;
    }
  if (PATHWAY_IS_WINDOW (parent_window (self)))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Toast titles are markup: the file's name is escaped. */
      g_autofree char *title = g_markup_printf_escaped (_("Board pack exported as “%s”"), name);

      pathway_window_add_toast (PATHWAY_WINDOW (parent_window (self)), adw_toast_new (title));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->pack == NULL || self->chooser != NULL)
    return;

  self->export_word = g_str_equal (action_name, "report.export-word");
  name = pack_file_name (self);
  if (self->export_word)
    {
      /* The same name as the PDF's, ending .docx. */
      g_autofree char *stem = g_steal_pointer (&name);

      if (g_str_has_suffix (stem, ".pdf"))
        stem[strlen (stem) - strlen (".pdf")] = '\0';
      name = g_strconcat (stem, ".docx", NULL);
    }
  self->chooser = gtk_file_chooser_native_new (self->export_word ? _("Export Board Pack as a "
                                                                    "Word Document")
                                                                 : _("Export Board Pack"),
                                               parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (self->export_word)
    {
      gtk_file_filter_set_name (filter, _("Word documents"));
      gtk_file_filter_add_mime_type (filter, "application/"
                                     "vnd.openxmlformats-officedocument.wordprocessingml.document");
      gtk_file_filter_add_suffix (filter, "docx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_request_page_setup_cb (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             int                page,
                             GtkPageSetup      *setup,
                             PathwayPack       *pack)
{
  double width, height;

  pathway_pack_get_page_size (pack, page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

/* The context's units are the printer's pixels at its resolution, with the origin at the
 * printable area's corner: the page is scaled from points, and down further if the printer's
 * margins leave less room than the page needs. */
static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    PathwayPack       *pack)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double sx = gtk_print_context_get_dpi_x (context) / 72.0;
  double sy = gtk_print_context_get_dpi_y (context) / 72.0;
  double room_width = gtk_print_context_get_width (context);
  double room_height = gtk_print_context_get_height (context);
  double width, height, fit;

  pathway_pack_get_page_size (pack, page, &width, &height);
  fit = MIN (1.0, MIN (room_width / (width * sx), room_height / (height * sy)));

  cairo_save (cr);
  cairo_translate (cr, MAX (0, (room_width - width * sx * fit) / 2), 0);
  cairo_scale (cr, sx * fit, sy * fit);
  pathway_pack_draw_page (pack, cr, page);
  cairo_restore (cr);
}

static GtkPrintOperationResult
run_print (PathwayReportView       *self,
           GtkPrintOperationAction  action,
           const char              *export_path,
           GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(PathwayPack) pack = g_object_ref (self->pack);
  g_autofree char *name = pack_file_name (self);

  /* The job's name without ".pdf". */
  if (g_str_has_suffix (name, ".pdf"))
    name[strlen (name) - 4] = '\0';

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_n_pages (operation, (int) pathway_pack_get_n_pages (pack));
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (print_request_page_setup_cb),
                    pack);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), pack);

  return gtk_print_operation_run (operation, action, parent_window (self), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->pack == NULL)
    return;
  if (run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    /* Translators: the reason follows, as the printing system says it. */
    show_failure (self, _("Could Not Print the Board Pack"), error->message);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (widget);

  if (self->meeting != NULL)
    gtk_widget_activate_action (widget, "win.present-meeting", "x",
                                pathway_meeting_get_id (self->meeting));
}

/* The widget -------------------------------------------------------------------------------- */

static void
build_sections (PathwayReportView *self)
{
  for (guint i = 0; i < PATHWAY_PACK_N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strdup_printf ("report-section-%s",
                                               pathway_pack_section_key (i));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pathway_pack_section_title (i));
      if (i == PATHWAY_PACK_SECTION_APPENDIX)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Landscape pages, off unless chosen"));
      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathway_pack_section_title (i), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (section_toggled_cb), self);
      adw_preferences_group_add (self->sections_group, row);
      self->section_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void add_focus_leave (GtkWidget *widget, GCallback callback, gpointer data);

static GtkWidget *
switch_row_new (PathwayReportView *self,
                const char        *property,
                const char        *title,
                const char        *subtitle,
                GtkSwitch        **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *name = g_strdup_printf ("report-%s", property);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (toggle, name);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data (G_OBJECT (toggle), "pathway-property", (gpointer) property);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (switch_active_cb), self);
  *out = GTK_SWITCH (toggle);
  return row;
}

/* The narrative's text fields and the printing switches, built here rather than in the
 * template since they repeat one pattern; they stand before the sections. */
static void
build_narrative (PathwayReportView *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->sections_group));
  GtkWidget *after = gtk_widget_get_prev_sibling (GTK_WIDGET (self->sections_group));
  GtkWidget *printing;

  for (guint i = 0; i < G_N_ELEMENTS (narratives); i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      g_autofree char *name = g_strdup_printf ("report-%s", narratives[i].property);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(narratives[i].title));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _(narratives[i].description));
      gtk_widget_add_css_class (frame, "report-recommendation");
      gtk_widget_set_name (view, name);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_widget_set_size_request (view, -1, 72);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(narratives[i].title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _(narratives[i].description), -1);
      g_object_set_data (G_OBJECT (view), "pathway-property",
                         (gpointer) narratives[i].property);
      add_focus_leave (view, G_CALLBACK (narrative_leave_cb), self);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
      gtk_box_insert_child_after (GTK_BOX (box), group, after);
      after = group;
      self->narrative_views[i] = GTK_TEXT_VIEW (view);
    }

  printing = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (printing), _("Printing"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (printing),
                             switch_row_new (self, "draft", _("Draft"),
                                             _("DRAFT across every page until the pack is final"),
                                             &self->draft_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (printing),
                             switch_row_new (self, "black-and-white",
                                             _("Print in black and white"),
                                             _("Charts and ratings in greys and hatching"),
                                             &self->black_and_white_switch));
  gtk_box_insert_child_after (GTK_BOX (box), printing, after);
}

static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 gpointer   data)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", callback, data);
  gtk_widget_add_controller (widget, controller);
}

/* The split button's dropdown (its "menubutton" node, the last, as AdwSplitButton's
 * documentation draws it) has a tooltip but no name: screen readers get the tooltip's words. */
static void
name_export_menu (PathwayReportView *self)
{
  GtkWidget *dropdown = gtk_widget_get_last_child (GTK_WIDGET (self->export_button));

  if (GTK_IS_MENU_BUTTON (dropdown))
    {
      gtk_widget_set_name (dropdown, "report-export-formats");
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_split_button_get_dropdown_tooltip (
                                        self->export_button),
                                      -1);
    }
}

static void
pathway_report_view_dispose (GObject *object)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (object);

  g_clear_handle_id (&self->size_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->board);
  g_clear_object (&self->meeting);
  self->filled = NULL;
  g_clear_object (&self->pack);

  pathway_view_dispose_template (PATHWAY_VIEW (self), PATHWAY_TYPE_REPORT_VIEW);

  G_OBJECT_CLASS (pathway_report_view_parent_class)->dispose (object);
}

static void
pathway_report_view_finalize (GObject *object)
{
  PathwayReportView *self = PATHWAY_REPORT_VIEW (object);

  g_ptr_array_unref (self->boards);
  g_ptr_array_unref (self->meetings);
  g_free (self->pack_error);
  G_OBJECT_CLASS (pathway_report_view_parent_class)->finalize (object);
}

static void
pathway_report_view_class_init (PathwayReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PathwayViewClass *view_class = PATHWAY_VIEW_CLASS (klass);

  object_class->dispose = pathway_report_view_dispose;
  object_class->finalize = pathway_report_view_finalize;
  view_class->document_changed = pathway_report_view_document_changed;
  view_class->programme_changed = pathway_report_view_programme_changed;
  view_class->watch_item = pathway_report_view_watch_item;
  view_class->refresh = pathway_report_view_refresh;

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, status_page);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, add_board_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, add_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, settings_box);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, board_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, as_at_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, as_at_caption);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, title_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, by_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, for_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, classification_row);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, recommendation_view);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, sections_group);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, page_label);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, fit_page_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, export_button);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwayReportView, preview);
  gtk_widget_class_bind_template_callback (widget_class, board_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_at_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fit_page_toggled_cb);

  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.export-word", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "report.add-board", NULL, add_board_action);
  gtk_widget_class_install_action (widget_class, "report.add-meeting", NULL, add_board_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "report.print", NULL);
}

static void
pathway_report_view_init (PathwayReportView *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each list of rows is one Tab stop; the arrows move through it. */
  pathway_tab_stop_attach_lists (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->boards = g_ptr_array_new_with_free_func (g_object_unref);
  self->meetings = g_ptr_array_new_with_free_func (g_object_unref);

  g_object_set_data (G_OBJECT (self->title_row), "property", (gpointer) "report-title");
  g_object_set_data (G_OBJECT (self->by_row), "property", (gpointer) "report-by");
  g_object_set_data (G_OBJECT (self->for_row), "property", (gpointer) "report-for");
  g_object_set_data (G_OBJECT (self->classification_row), "property",
                     (gpointer) "classification");
  add_focus_leave (GTK_WIDGET (self->as_at_row), G_CALLBACK (row_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->title_row), G_CALLBACK (row_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->by_row), G_CALLBACK (row_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->for_row), G_CALLBACK (row_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->classification_row), G_CALLBACK (row_focus_leave_cb),
                   self);
  add_focus_leave (GTK_WIDGET (self->recommendation_view), G_CALLBACK (recommendation_leave_cb),
                   self);
  build_narrative (self);
  build_sections (self);
  name_export_menu (self);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_swapped (self->preview, "resize", G_CALLBACK (preview_resize_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (preview_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview), keys);
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (preview_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview), GTK_EVENT_CONTROLLER (click));

  pathway_view_refresh (PATHWAY_VIEW (self));
}

GtkWidget *
pathway_report_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_REPORT_VIEW, NULL);
}

PathwayPack *
pathway_report_view_get_pack (PathwayReportView *self)
{
  g_return_val_if_fail (PATHWAY_IS_REPORT_VIEW (self), NULL);

  pathway_view_catch_up (PATHWAY_VIEW (self));
  return self->pack;
}

guint
pathway_report_view_get_page (PathwayReportView *self)
{
  g_return_val_if_fail (PATHWAY_IS_REPORT_VIEW (self), 0);
  return self->page;
}

gboolean
pathway_report_view_print_to_file (PathwayReportView  *self,
                                   const char         *pdf_path,
                                   GError            **error)
{
  g_return_val_if_fail (PATHWAY_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  if (pathway_report_view_get_pack (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no board meeting to print the pack of."));
      return FALSE;
    }
  return run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf_path, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
