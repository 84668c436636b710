/* pathway-presenter-actions.c: what the presenter does, as actions, and the keys a keyboard or
 * a presentation clicker sends for them (the table in the README):
 *
 *   presenter.next, .previous, .first, .last   Right, Page Down, Space; Left, Page Up; Home; End
 *   presenter.rate("red", ...)                  R, A, G, B
 *   presenter.note                              N
 *   presenter.recovery-plan                     P (the action's recovery plan)
 *   presenter.you-said                          Y (the first "you said, we did" slide)
 *   presenter.note-kind("note" | "decision")    the note bar's toggles (Alt+N, Alt+D)
 *   presenter.toggle-keys                       H
 *   presenter.save-note                         Enter in the note
 *   presenter.cancel-note, presenter.leave      Escape (whichever is on)
 *
 * The slide keys are bound on the slide, which has the focus while slides are shown: bound on
 * the window they would come after GtkWindow's own bindings of the arrow keys and Space
 * (moving and activating the focus), which would take them first. Escape is bound on the
 * window, so it also reaches it from the note being typed. While a note is typed the slide
 * actions are off, so a key the entry does not use does nothing. */
#define G_LOG_DOMAIN "pathway-ui"

#include "pathway-presenter-private.h"

static void
next_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);

  if (self->position + 1 < pathway_presenter_get_n_slides (self))
    pathway_presenter_set_position (self, self->position + 1);
}

static void
previous_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);

  if (self->position > 0)
    pathway_presenter_set_position (self, self->position - 1);
}

static void
first_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pathway_presenter_set_position (PATHWAY_PRESENTER (widget), 0);
}

static void
last_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);

  pathway_presenter_set_position (self, pathway_presenter_get_n_slides (self) - 1);
}

static void
you_said_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);
  guint first = _pathway_presenter_first_coproduction_slide (self);

  if (first > 0)
    pathway_presenter_set_position (self, first);
}

static void
rate_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_presenter_start_rating (PATHWAY_PRESENTER (widget),
                                   pathway_rating_from_nick (g_variant_get_string (parameter,
                                                                                   NULL)));
}

static void
note_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_presenter_start_note (PATHWAY_PRESENTER (widget));
}

static void
recovery_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_presenter_start_recovery (PATHWAY_PRESENTER (widget));
}

static void
toggle_keys_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PathwayPresenter *self = PATHWAY_PRESENTER (widget);

  _pathway_presenter_set_hints_visible (self, !pathway_presenter_get_hints_visible (self));
}

static void
save_note_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_presenter_save_note (PATHWAY_PRESENTER (widget));
}

static void
cancel_note_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _pathway_presenter_cancel_note (PATHWAY_PRESENTER (widget));
}

static void
leave_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pathway_presenter_leave (PATHWAY_PRESENTER (widget));
}

/* The slide keys; each letter also with Shift, as a clicker or Caps Lock may send it. */
static const struct {
  guint keyval;
  const char *action;
  const char *rating; /* presenter.rate's parameter */
} slide_keys[] = {
  { GDK_KEY_Right, "presenter.next" },
  { GDK_KEY_KP_Right, "presenter.next" },
  { GDK_KEY_Page_Down, "presenter.next" },
  { GDK_KEY_KP_Page_Down, "presenter.next" },
  { GDK_KEY_space, "presenter.next" },
  { GDK_KEY_KP_Space, "presenter.next" },
  { GDK_KEY_Left, "presenter.previous" },
  { GDK_KEY_KP_Left, "presenter.previous" },
  { GDK_KEY_Page_Up, "presenter.previous" },
  { GDK_KEY_KP_Page_Up, "presenter.previous" },
  { GDK_KEY_Home, "presenter.first" },
  { GDK_KEY_KP_Home, "presenter.first" },
  { GDK_KEY_End, "presenter.last" },
  { GDK_KEY_KP_End, "presenter.last" },
  { GDK_KEY_r, "presenter.rate", "red" },
  { GDK_KEY_a, "presenter.rate", "amber" },
  { GDK_KEY_g, "presenter.rate", "green" },
  { GDK_KEY_b, "presenter.rate", "blue" },
  { GDK_KEY_n, "presenter.note" },
  { GDK_KEY_p, "presenter.recovery-plan" },
  { GDK_KEY_h, "presenter.toggle-keys" },
  { GDK_KEY_y, "presenter.you-said" },
};

static void
bind_slide_key (GtkWidgetClass *slide_class, guint keyval, GdkModifierType modifiers,
                const char *action, const char *rating)
{
  if (rating != NULL)
    gtk_widget_class_add_binding_action (slide_class, keyval, modifiers, action, "s", rating);
  else
    gtk_widget_class_add_binding_action (slide_class, keyval, modifiers, action, NULL);
}

void
_pathway_presenter_class_actions_init (PathwayPresenterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWidgetClass *slide_class = g_type_class_ref (PATHWAY_TYPE_PRESENTER_SLIDE);

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "presenter.first", NULL, first_cb);
  gtk_widget_class_install_action (widget_class, "presenter.last", NULL, last_cb);
  gtk_widget_class_install_action (widget_class, "presenter.you-said", NULL, you_said_cb);
  gtk_widget_class_install_action (widget_class, "presenter.rate", "s", rate_cb);
  gtk_widget_class_install_action (widget_class, "presenter.note", NULL, note_cb);
  gtk_widget_class_install_action (widget_class, "presenter.recovery-plan", NULL, recovery_cb);
  gtk_widget_class_install_property_action (widget_class, "presenter.note-kind", "note-kind");
  gtk_widget_class_install_action (widget_class, "presenter.toggle-keys", NULL, toggle_keys_cb);
  gtk_widget_class_install_action (widget_class, "presenter.save-note", NULL, save_note_cb);
  gtk_widget_class_install_action (widget_class, "presenter.cancel-note", NULL, cancel_note_cb);
  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, leave_cb);

  for (guint i = 0; i < G_N_ELEMENTS (slide_keys); i++)
    {
      bind_slide_key (slide_class, slide_keys[i].keyval, 0, slide_keys[i].action,
                      slide_keys[i].rating);
      if (gdk_keyval_to_upper (slide_keys[i].keyval) != slide_keys[i].keyval)
        bind_slide_key (slide_class, slide_keys[i].keyval, GDK_SHIFT_MASK, slide_keys[i].action,
                        slide_keys[i].rating);
    }
  /* Of the two, the one that is on runs: cancelling while a note is typed, else leaving. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presenter.cancel-note",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presenter.leave", NULL);

  g_type_class_unref (slide_class);
}

void
_pathway_presenter_update_actions (PathwayPresenter *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean typing = self->entry_mode != PATHWAY_PRESENTER_ENTRY_NONE;
  gboolean showing = !self->left && !typing;
  static const char *slide_actions[] = {
    "presenter.next", "presenter.previous", "presenter.first", "presenter.last",
    "presenter.note", "presenter.toggle-keys", "presenter.leave",
  };

  for (guint i = 0; i < G_N_ELEMENTS (slide_actions); i++)
    gtk_widget_action_set_enabled (widget, slide_actions[i], showing);
  gtk_widget_action_set_enabled (widget, "presenter.rate",
                                 showing && pathway_presenter_get_action (self) != NULL);
  gtk_widget_action_set_enabled (widget, "presenter.recovery-plan",
                                 showing && pathway_presenter_get_action (self) != NULL);
  gtk_widget_action_set_enabled (widget, "presenter.you-said",
                                 showing && _pathway_presenter_first_coproduction_slide (self) > 0);
  gtk_widget_action_set_enabled (widget, "presenter.save-note", !self->left && typing);
  gtk_widget_action_set_enabled (widget, "presenter.cancel-note", !self->left && typing);
}
