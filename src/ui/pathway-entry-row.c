/* pathway-entry-row.c: a row of a preferences group holding a titled text entry.
 *
 * It stands in for libadwaita 1.2's AdwEntryRow, whose GtkText sits straight in the row and
 * sends no focus event on the accessibility bus, so a screen reader says nothing when it is
 * reached. Here the text is typed into a plain, flat GtkEntry named by the row's title, and
 * it is that entry which takes the focus; the title sits above it in small type, as
 * AdwEntryRow shows it once text is in the row.
 *
 *   ┌ prefixes ─┬ title ─────────────────┬ ✎ / apply ┬ suffixes ┐
 *   │           │ entry (GtkEntry, flat)  │           │           │
 *   └───────────┴─────────────────────────┴───────────┴───────────┘
 *
 * The row is a GtkEditable that hands everything to its entry, so gtk_editable_get_text() and
 * set_text(), the "changed" signal and the "text" property work on the row itself. It keeps
 * what Pathway used of AdwEntryRow: prefixes and suffixes (also as <child type="prefix"> and
 * <child type="suffix"> in a template), the apply button and its "apply" signal, the
 * "entry-activated" signal, activates-default and input-purpose. The entry is the internal
 * child "entry", so a template can give it a description (<child internal-child="entry">);
 * entry-label names it where the title alone would not say what it is. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-entry-row.h"

struct _PathwayEntryRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *header;
  GtkWidget *prefixes;
  GtkWidget *title;
  GtkWidget *entry;
  GtkWidget *suffixes;
  GtkWidget *edit_icon;
  GtkWidget *apply_button;

  char *entry_label;

  guint show_apply_button : 1;
  guint activates_default : 1;
  guint editing : 1;
  guint text_changed : 1;
};

static void pathway_entry_row_editable_init (GtkEditableInterface *iface);
static void pathway_entry_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEntryRow, pathway_entry_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      pathway_entry_row_editable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      pathway_entry_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SHOW_APPLY_BUTTON,
  PROP_ACTIVATES_DEFAULT,
  PROP_INPUT_PURPOSE,
  PROP_PASSWORD,
  PROP_ENTRY_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_APPLY,
  SIGNAL_ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Showing state ------------------------------------------------------------------------------ */

/* As AdwEntryRow: the pencil while the row is not being edited, the apply button once the
 * text has been edited and until it is applied. */
static void
update_icons (PathwayEntryRow *self)
{
  gboolean editable = gtk_editable_get_editable (GTK_EDITABLE (self->entry));

  gtk_widget_set_visible (self->edit_icon, !self->text_changed && (!self->editing || !editable));
  gtk_widget_set_sensitive (self->edit_icon, editable);
  gtk_widget_set_visible (self->apply_button, self->text_changed);
}

/* Whoever reads the entry hears the title, unless the row was given a fuller name for it.
 * The name is the LABEL property rather than a labelled-by relation to the title label: GTK
 * 4.8 would join a relation's text to a LABEL set later by whoever uses the row. */
static void
update_entry_name (PathwayEntryRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *plain = NULL;

  if (self->entry_label != NULL && *self->entry_label != '\0')
    title = self->entry_label;
  else if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)) && title != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (title, "_", -1);

      title = plain = g_strjoinv ("", parts);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  /* The row too, for whoever reads the list it is in: the entry inside takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
}

/* Callbacks ---------------------------------------------------------------------------------- */

static void
title_changed_cb (PathwayEntryRow *self,
                  GParamSpec      *pspec)
{
  update_entry_name (self);
}

static void
entry_changed_cb (PathwayEntryRow *self)
{
  if (self->show_apply_button && self->editing)
    self->text_changed = TRUE;
  update_icons (self);
}

static void
entry_state_flags_changed_cb (PathwayEntryRow *self)
{
  GtkStateFlags flags = gtk_widget_get_state_flags (self->entry);
  gboolean editing = (flags & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  if (editing == self->editing)
    return;
  self->editing = editing;
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
  update_icons (self);
}

static void
apply (PathwayEntryRow *self)
{
  if (gtk_widget_has_focus (self->apply_button))
    gtk_widget_grab_focus (self->entry);

  self->text_changed = FALSE;
  update_icons (self);
  g_signal_emit (self, signals[SIGNAL_APPLY], 0);
}

static void
entry_activate_cb (PathwayEntryRow *self)
{
  if (gtk_widget_get_visible (self->apply_button))
    {
      apply (self);
      return;
    }
  if (self->activates_default)
    gtk_widget_activate_default (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0);
}

/* A click on the row outside its controls (its title, its padding) goes to the entry, as it
 * does on AdwEntryRow. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PathwayEntryRow *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (picked != GTK_WIDGET (self) && picked != self->header && picked != self->title &&
      picked != self->edit_icon && picked != self->prefixes && picked != self->suffixes &&
      (picked == NULL || gtk_widget_get_parent (picked) != self->header))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (self->entry);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The password entry's eye shows and hides what was typed. */
static void
icon_press_cb (GtkEntry            *entry,
               GtkEntryIconPosition position)
{
  gboolean visible = !gtk_entry_get_visibility (entry);

  gtk_entry_set_visibility (entry, visible);
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     visible ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY,
                                   visible ? _("Hide Text") : _("Show Text"));
}

/* GtkEditable and GtkBuildable ---------------------------------------------------------------- */

static GtkEditable *
pathway_entry_row_get_delegate (GtkEditable *editable)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (editable);

  return GTK_EDITABLE (self->entry);
}

static void
pathway_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = pathway_entry_row_get_delegate;
}

static void
pathway_entry_row_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (buildable);

  if (g_strcmp0 (type, "prefix") == 0)
    pathway_entry_row_add_prefix (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "suffix") == 0 || (type == NULL && GTK_IS_WIDGET (child)))
    pathway_entry_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static GObject *
pathway_entry_row_buildable_get_internal_child (GtkBuildable *buildable,
                                                GtkBuilder   *builder,
                                                const char   *name)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (buildable);

  if (g_strcmp0 (name, "entry") == 0)
    return G_OBJECT (self->entry);
  return parent_buildable_iface->get_internal_child (buildable, builder, name);
}

static void
pathway_entry_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = pathway_entry_row_buildable_add_child;
  iface->get_internal_child = pathway_entry_row_buildable_get_internal_child;
}

/* GObject ------------------------------------------------------------------------------------ */

static gboolean
pathway_entry_row_grab_focus (GtkWidget *widget)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (widget);

  return gtk_widget_grab_focus (self->entry);
}

/* The row itself is never a stop for Tab: focus goes straight into its controls. */
static gboolean
pathway_entry_row_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (widget);

  return gtk_widget_child_focus (self->header, direction);
}

static void
pathway_entry_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      g_value_set_boolean (value, self->show_apply_button);
      break;
    case PROP_ACTIVATES_DEFAULT:
      g_value_set_boolean (value, self->activates_default);
      break;
    case PROP_INPUT_PURPOSE:
      g_value_set_enum (value, pathway_entry_row_get_input_purpose (self));
      break;
    case PROP_PASSWORD:
      g_value_set_boolean (value, pathway_entry_row_get_password (self));
      break;
    case PROP_ENTRY_LABEL:
      g_value_set_string (value, self->entry_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_entry_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    {
      if (prop_id == N_PROPS + GTK_EDITABLE_PROP_EDITABLE)
        update_icons (self);
      return;
    }

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      pathway_entry_row_set_show_apply_button (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIVATES_DEFAULT:
      pathway_entry_row_set_activates_default (self, g_value_get_boolean (value));
      break;
    case PROP_INPUT_PURPOSE:
      pathway_entry_row_set_input_purpose (self, g_value_get_enum (value));
      break;
    case PROP_PASSWORD:
      pathway_entry_row_set_password (self, g_value_get_boolean (value));
      break;
    case PROP_ENTRY_LABEL:
      pathway_entry_row_set_entry_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_entry_row_dispose (GObject *object)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (object);

  if (self->entry != NULL)
    {
      gtk_editable_finish_delegate (GTK_EDITABLE (self));
      /* The entry goes with the row's children, after this: it must not call back. */
      g_signal_handlers_disconnect_by_data (self->entry, self);
    }
  self->entry = NULL;

  G_OBJECT_CLASS (pathway_entry_row_parent_class)->dispose (object);
}

static void
pathway_entry_row_finalize (GObject *object)
{
  PathwayEntryRow *self = PATHWAY_ENTRY_ROW (object);

  g_free (self->entry_label);

  G_OBJECT_CLASS (pathway_entry_row_parent_class)->finalize (object);
}

static void
pathway_entry_row_class_init (PathwayEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pathway_entry_row_get_property;
  object_class->set_property = pathway_entry_row_set_property;
  object_class->dispose = pathway_entry_row_dispose;
  object_class->finalize = pathway_entry_row_finalize;

  widget_class->focus = pathway_entry_row_focus;
  widget_class->grab_focus = pathway_entry_row_grab_focus;

  /* Typing reveals an apply button; it, or Enter, hides it again and sends "apply". */
  properties[PROP_SHOW_APPLY_BUTTON] =
    g_param_spec_boolean ("show-apply-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVATES_DEFAULT] =
    g_param_spec_boolean ("activates-default", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INPUT_PURPOSE] =
    g_param_spec_enum ("input-purpose", NULL, NULL, GTK_TYPE_INPUT_PURPOSE,
                       GTK_INPUT_PURPOSE_FREE_FORM,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the text is hidden, with a button in the entry to show it. */
  properties[PROP_PASSWORD] =
    g_param_spec_boolean ("password", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The entry's accessible name where the title alone does not say what it holds ("Value"
   * under a Target heading); NULL or empty, the title names it. */
  properties[PROP_ENTRY_LABEL] =
    g_param_spec_string ("entry-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  signals[SIGNAL_APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
pathway_entry_row_init (PathwayEntryRow *self)
{
  GtkWidget *column;
  GtkGesture *gesture;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* Not a stop of its own for Tab or a screen reader: the entry is. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  /* libadwaita's own style for entry rows: the focus ring drawn round the whole row while
   * the entry is focused, the "error" colour, the edit icon's size. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "entry");

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "header");
  gtk_widget_set_valign (self->header, GTK_ALIGN_CENTER);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->header);

  self->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->prefixes, "prefixes");
  gtk_widget_set_visible (self->prefixes, FALSE);
  gtk_box_append (GTK_BOX (self->header), self->prefixes);

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), column);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->title, "subtitle");
  gtk_widget_add_css_class (self->title, "caption");
  gtk_box_append (GTK_BOX (column), self->title);
  g_object_bind_property (self, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "use-underline", self->title, "use-underline",
                          G_BINDING_SYNC_CREATE);

  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "flat");
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_box_append (GTK_BOX (column), self->entry);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "state-flags-changed",
                            G_CALLBACK (entry_state_flags_changed_cb), self);
  g_signal_connect (self->entry, "icon-press", G_CALLBACK (icon_press_cb), NULL);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  g_signal_connect (self, "notify::use-underline", G_CALLBACK (title_changed_cb), NULL);
  update_entry_name (self);

  /* The pencil only says the row can be typed in; the entry says so to a screen reader. */
  self->edit_icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "document-edit-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  gtk_widget_add_css_class (self->edit_icon, "edit-icon");
  gtk_widget_add_css_class (self->edit_icon, "dim-label");
  gtk_widget_set_valign (self->edit_icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), self->edit_icon);

  self->apply_button = gtk_button_new_from_icon_name ("adw-entry-apply-symbolic");
  gtk_widget_set_tooltip_text (self->apply_button, _("Apply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->apply_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply"),
                                  -1);
  gtk_widget_add_css_class (self->apply_button, "apply-button");
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_add_css_class (self->apply_button, "circular");
  gtk_widget_set_valign (self->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->apply_button, FALSE);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply), self);
  gtk_box_append (GTK_BOX (self->header), self->apply_button);

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->suffixes, "suffixes");
  gtk_widget_set_visible (self->suffixes, FALSE);
  gtk_box_append (GTK_BOX (self->header), self->suffixes);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_icons (self);
}

/* Public ------------------------------------------------------------------------------------- */

GtkWidget *
pathway_entry_row_new (void)
{
  return g_object_new (PATHWAY_TYPE_ENTRY_ROW, NULL);
}

GtkWidget *
pathway_entry_row_new_password (void)
{
  return g_object_new (PATHWAY_TYPE_ENTRY_ROW, "password", TRUE, NULL);
}

void
pathway_entry_row_add_prefix (PathwayEntryRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_prepend (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

void
pathway_entry_row_add_suffix (PathwayEntryRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

void
pathway_entry_row_remove (PathwayEntryRow *self,
                          GtkWidget       *widget)
{
  GtkWidget *parent;

  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  parent = gtk_widget_get_parent (widget);
  if (parent == self->prefixes || parent == self->suffixes)
    {
      gtk_box_remove (GTK_BOX (parent), widget);
      gtk_widget_set_visible (parent, gtk_widget_get_first_child (parent) != NULL);
    }
  else
    g_critical ("%s: %p is not a prefix or suffix of the row", G_STRFUNC, (void *) widget);
}

/* The entry the text is typed into: for tests and for describing it to a screen reader. */
GtkEntry *
pathway_entry_row_get_entry (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), NULL);

  return GTK_ENTRY (self->entry);
}

gboolean
pathway_entry_row_get_show_apply_button (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), FALSE);

  return self->show_apply_button;
}

void
pathway_entry_row_set_show_apply_button (PathwayEntryRow *self,
                                         gboolean         show_apply_button)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));

  show_apply_button = !!show_apply_button;
  if (self->show_apply_button == show_apply_button)
    return;
  self->show_apply_button = show_apply_button;
  if (!show_apply_button)
    {
      self->text_changed = FALSE;
      update_icons (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_APPLY_BUTTON]);
}

gboolean
pathway_entry_row_get_activates_default (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), FALSE);

  return self->activates_default;
}

void
pathway_entry_row_set_activates_default (PathwayEntryRow *self,
                                         gboolean         activates_default)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));

  activates_default = !!activates_default;
  if (self->activates_default == activates_default)
    return;
  self->activates_default = activates_default;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATES_DEFAULT]);
}

GtkInputPurpose
pathway_entry_row_get_input_purpose (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), GTK_INPUT_PURPOSE_FREE_FORM);

  return gtk_entry_get_input_purpose (GTK_ENTRY (self->entry));
}

void
pathway_entry_row_set_input_purpose (PathwayEntryRow *self,
                                     GtkInputPurpose  purpose)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));

  if (gtk_entry_get_input_purpose (GTK_ENTRY (self->entry)) == purpose)
    return;
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), purpose);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INPUT_PURPOSE]);
}

gboolean
pathway_entry_row_get_password (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), FALSE);

  return gtk_entry_get_icon_name (GTK_ENTRY (self->entry), GTK_ENTRY_ICON_SECONDARY) != NULL;
}

void
pathway_entry_row_set_password (PathwayEntryRow *self,
                                gboolean         password)
{
  GtkEntry *entry;

  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));

  if (pathway_entry_row_get_password (self) == !!password)
    return;
  entry = GTK_ENTRY (self->entry);
  gtk_entry_set_visibility (entry, !password);
  gtk_entry_set_input_purpose (entry, password ? GTK_INPUT_PURPOSE_PASSWORD
                                               : GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     password ? "view-reveal-symbolic" : NULL);
  if (password)
    gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, _("Show Text"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD]);
}

const char *
pathway_entry_row_get_entry_label (PathwayEntryRow *self)
{
  g_return_val_if_fail (PATHWAY_IS_ENTRY_ROW (self), NULL);

  return self->entry_label;
}

void
pathway_entry_row_set_entry_label (PathwayEntryRow *self,
                                   const char      *entry_label)
{
  g_return_if_fail (PATHWAY_IS_ENTRY_ROW (self));

  if (g_strcmp0 (self->entry_label, entry_label) == 0)
    return;
  g_free (self->entry_label);
  self->entry_label = g_strdup (entry_label);
  update_entry_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_LABEL]);
}
