/* pathway-chart-view.c: one chart on screen.
 *
 * The chart draws itself with Cairo at the widget's size; the view only chooses the style
 * (light or dark, following the desktop) and answers for the chart where GTK asks: the
 * tooltip says what is under the pointer, the accessible description says every figure, and
 * the context menu exports what is shown. Exports are always in the light style, the one that
 * reads on a page and a slide, whatever the desktop looks like at the time. */
#define G_LOG_DOMAIN "pathway-ui"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathway-chart-view.h"
#include "pathway-window.h"

/* Below this a chart has no room for its labels; above it, it grows with its place. A height
 * asked for with gtk_widget_set_size_request() is the chart's natural height too, so that a
 * chart beside a list can be as tall as the list and no taller. */
#define MIN_WIDTH 240
#define MIN_HEIGHT 120
#define NATURAL_WIDTH 240
#define NATURAL_HEIGHT 240
/* The size an export takes when the view has not been laid out. */
#define FALLBACK_WIDTH 800
#define FALLBACK_HEIGHT 500

struct _PathwayChartView
{
  GtkWidget parent_instance;

  PathwayChart *chart;
  GtkWidget *menu;                 /* GtkPopoverMenu, made when first asked for */
  GtkFileChooserNative *chooser;   /* the export dialog, while it is open */
  char *hover_text;                /* what the tooltip says for the pointer's place */
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PathwayChartView, pathway_chart_view, GTK_TYPE_WIDGET)

typedef struct {
  const char *extension;
  const char *mime_type;
  const char *name; /* for people */
} Format;

static const Format formats[] = {
  { "png", "image/png", N_("PNG image") },
  { "svg", "image/svg+xml", N_("SVG image") },
  { "pdf", "application/pdf", N_("PDF document") },
};

static const Format *
format_for_extension (const char *extension)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].extension, extension) == 0)
      return &formats[i];
  return NULL;
}

/* The format a file name asks for by its extension, or NULL. */
static const Format *
format_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  return dot != NULL ? format_for_extension (dot + 1) : NULL;
}

/* Drawing ---------------------------------------------------------------------------------- */

PathwayChartStyle
pathway_chart_view_get_style (PathwayChartView *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART_VIEW (self), PATHWAY_CHART_STYLE_SCREEN_LIGHT);

  return adw_style_manager_get_dark (adw_style_manager_get_default ())
           ? PATHWAY_CHART_STYLE_SCREEN_DARK
           : PATHWAY_CHART_STYLE_SCREEN_LIGHT;
}

static void
pathway_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pathway_chart_draw (self->chart, cr, width, height, pathway_chart_view_get_style (self));
  cairo_destroy (cr);
}

static void
pathway_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int requested;

      gtk_widget_get_size_request (widget, NULL, &requested);
      *minimum = MIN_HEIGHT;
      *natural = requested > 0 ? MAX (requested, MIN_HEIGHT) : NATURAL_HEIGHT;
    }
}

static void
pathway_chart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (widget);

  /* A popover's parent places it. */
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* Pointing ---------------------------------------------------------------------------------- */

char *
pathway_chart_view_describe_at (PathwayChartView *self,
                                double            x,
                                double            y)
{
  int width, height;

  g_return_val_if_fail (PATHWAY_IS_CHART_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->chart == NULL || width <= 0 || height <= 0)
    return NULL;
  return pathway_chart_describe_at (self->chart, width, height,
                                    pathway_chart_view_get_style (self), x, y);
}

static void
motion_cb (PathwayChartView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  g_autofree char *text = pathway_chart_view_describe_at (self, x, y);

  /* A tooltip stays as it is while the pointer moves over one widget: ask again when the
   * pointer moves onto another part of the chart. */
  if (g_strcmp0 (text, self->hover_text) != 0)
    {
      g_free (self->hover_text);
      self->hover_text = g_steal_pointer (&text);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
}

static void
leave_cb (PathwayChartView         *self,
          GtkEventControllerMotion *motion)
{
  g_clear_pointer (&self->hover_text, g_free);
}

static gboolean
pathway_chart_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  /* From the keyboard there is no point to describe; the accessible description says it all. */
  if (keyboard_tooltip)
    return FALSE;

  text = pathway_chart_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  /* Plain text: the chart's labels are the programme's own words. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Exporting --------------------------------------------------------------------------------- */

gboolean
pathway_chart_view_export (PathwayChartView  *self,
                           const char        *path,
                           GError           **error)
{
  const Format *format;
  double width, height;

  g_return_val_if_fail (PATHWAY_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("There is no chart to export."));
      return FALSE;
    }

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      width = FALLBACK_WIDTH;
      height = FALLBACK_HEIGHT;
    }
  /* A picture is seen on screens denser than this one and printed: twice the pixels. */
  format = format_for_path (path);
  if (format != NULL && g_str_equal (format->extension, "png"))
    {
      width *= 2;
      height *= 2;
    }
  return pathway_chart_export (self->chart, path, width, height,
                               PATHWAY_CHART_STYLE_SCREEN_LIGHT, error);
}

static void
show_toast (PathwayChartView *self,
            const char       *text,
            guint             timeout)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PATHWAY_TYPE_WINDOW);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (window == NULL)
    {
      /* Only outside the application's window (a test's own), where no toast can show. */
      g_message ("%s", text);
      return;
    }

  /* Toast titles are markup in libadwaita 1.2; file names and messages may hold '&' or '<'. */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, timeout);
  pathway_window_add_toast (PATHWAY_WINDOW (window), toast);
}

/* A file name from the chart's title: no folder separators, never empty. */
static char *
suggested_name (PathwayChartView *self,
                const Format     *format)
{
  g_autofree char *title = g_strdup (pathway_chart_get_title (self->chart));

  g_strdelimit (title, "/\\:", '-');
  g_strstrip (title);
  return g_strdup_printf ("%s.%s", title[0] != '\0' ? title : _("Chart"), format->extension);
}

static void
chooser_response_cb (PathwayChartView     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  const Format *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chooser == self->chooser)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Charts can only be exported to a folder on this computer."), 6);
      return;
    }
  /* A name typed without an extension (or with another) gets the one the menu chose, unless
   * it names one of the other formats, which the person then asked for. */
  if (format_for_path (path) == NULL)
    {
      char *with_extension = g_strdup_printf ("%s.%s", path, format->extension);

      g_free (path);
      path = with_extension;
    }

  if (!pathway_chart_view_export (self, path, &error))
    show_toast (self, error->message, 6);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: after a chart was exported, with the file's name. */
      g_autofree char *text = g_strdup_printf (_("Chart exported as “%s”"), name);

      show_toast (self, text, 3);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (widget);
  const Format *format = format_for_extension (g_variant_get_string (parameter, NULL));
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chart == NULL || format == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "format", (gpointer) format);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _(format->name));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  gtk_file_filter_add_suffix (filter, format->extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = suggested_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The context menu -------------------------------------------------------------------------- */

static void
popup_menu_at (PathwayChartView *self,
               double            x,
               double            y)
{
  if (self->chart == NULL)
    return;

  if (self->menu == NULL)
    {
      g_autoptr(GMenu) model = g_menu_new ();

      g_menu_append (model, _("Export as _PNG…"), "chart.export::png");
      g_menu_append (model, _("Export as _SVG…"), "chart.export::svg");
      g_menu_append (model, _("Export as P_DF…"), "chart.export::pdf");

      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  /* From the keyboard: from the middle of the chart. */
  popup_menu_at (PATHWAY_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0,
                 gtk_widget_get_height (widget) / 2.0);
}

static void
secondary_pressed_cb (PathwayChartView *self,
                      int               n_press,
                      double            x,
                      double            y,
                      GtkGestureClick  *gesture)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (
    gesture));

  if (self->chart == NULL)
    return;
  gtk_gesture_set_sequence_state (GTK_GESTURE (gesture), sequence, GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static void
long_pressed_cb (PathwayChartView    *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  popup_menu_at (self, x, y);
}

/* Class ----------------------------------------------------------------------------------- */

static void
pathway_chart_view_dispose (GObject *object)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (pathway_chart_view_parent_class)->dispose (object);
}

static void
pathway_chart_view_finalize (GObject *object)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (object);

  g_free (self->hover_text);

  G_OBJECT_CLASS (pathway_chart_view_parent_class)->finalize (object);
}

static void
pathway_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwayChartView *self = PATHWAY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      pathway_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_chart_view_class_init (PathwayChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_chart_view_dispose;
  object_class->finalize = pathway_chart_view_finalize;
  object_class->get_property = pathway_chart_view_get_property;
  object_class->set_property = pathway_chart_view_set_property;

  widget_class->snapshot = pathway_chart_view_snapshot;
  widget_class->measure = pathway_chart_view_measure;
  widget_class->size_allocate = pathway_chart_view_size_allocate;
  widget_class->query_tooltip = pathway_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, PATHWAY_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathway_chart_view_init (PathwayChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_focusable (widget, FALSE);
  gtk_widget_action_set_enabled (widget, "chart.export", FALSE);
  gtk_widget_action_set_enabled (widget, "menu.popup", FALSE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_swapped (long_press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  /* The desktop turning dark (or light) redraws the chart in the matching style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pathway_chart_view_new (void)
{
  return g_object_new (PATHWAY_TYPE_CHART_VIEW, NULL);
}

void
pathway_chart_view_set_chart (PathwayChartView *self,
                              PathwayChart     *chart)
{
  GtkWidget *widget;

  g_return_if_fail (PATHWAY_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || PATHWAY_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  widget = GTK_WIDGET (self);
  g_clear_pointer (&self->hover_text, g_free);
  if (chart != NULL)
    {
      g_autofree char *description = pathway_chart_describe (chart);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathway_chart_get_title (chart),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      if (self->menu != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->menu));
    }
  /* Only a chart is worth a stop on the way through with Tab, for its menu. */
  gtk_widget_set_focusable (widget, chart != NULL);
  gtk_widget_action_set_enabled (widget, "chart.export", chart != NULL);
  gtk_widget_action_set_enabled (widget, "menu.popup", chart != NULL);
  gtk_widget_queue_draw (widget);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

PathwayChart *
pathway_chart_view_get_chart (PathwayChartView *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/* Cards ----------------------------------------------------------------------------------- */

static void
card_chart_cb (GtkLabel         *heading,
               GParamSpec       *pspec,
               PathwayChartView *view)
{
  PathwayChart *chart = view->chart;
  const char *title = chart != NULL ? pathway_chart_get_title (chart) : "";

  /* The chart's title is the programme's words (a workstream's title): text, not markup. */
  gtk_label_set_text (heading, title);
  gtk_widget_set_visible (GTK_WIDGET (heading), title[0] != '\0');
}

GtkWidget *
pathway_chart_card_new (const char        *name,
                        gboolean           show_title,
                        PathwayChartView **view)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *chart_view = pathway_chart_view_new ();

  g_return_val_if_fail (view != NULL, NULL);

  if (name != NULL)
    gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "chart-heading");
  gtk_widget_set_visible (heading, FALSE);
  if (show_title)
    gtk_box_append (GTK_BOX (card), heading);
  else
    g_object_ref_sink (heading);

  gtk_widget_set_vexpand (chart_view, TRUE);
  gtk_box_append (GTK_BOX (card), chart_view);
  if (show_title)
    g_signal_connect_object (chart_view, "notify::chart", G_CALLBACK (card_chart_cb), heading,
                             G_CONNECT_SWAPPED);
  else
    g_object_unref (heading);

  *view = PATHWAY_CHART_VIEW (chart_view);
  return card;
}
