/* pathway-rating-badge.c: the coloured letter square of a rating. */
#define G_LOG_DOMAIN "pathway-ui"

#include <glib/gi18n.h>

#include "pathway-rating-badge.h"
#include "pathway-style.h"

struct _PathwayRatingBadge
{
  GtkWidget parent_instance;

  GtkWidget *letter;
  PathwayRating rating;
};

G_DEFINE_FINAL_TYPE (PathwayRatingBadge, pathway_rating_badge, GTK_TYPE_WIDGET)

static void
pathway_rating_badge_dispose (GObject *object)
{
  PathwayRatingBadge *self = PATHWAY_RATING_BADGE (object);

  g_clear_pointer (&self->letter, gtk_widget_unparent);
  G_OBJECT_CLASS (pathway_rating_badge_parent_class)->dispose (object);
}

static void
pathway_rating_badge_class_init (PathwayRatingBadgeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pathway_rating_badge_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ratingbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathway_rating_badge_init (PathwayRatingBadge *self)
{
  self->letter = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->letter, TRUE);
  gtk_widget_set_vexpand (self->letter, TRUE);
  gtk_widget_set_parent (self->letter, GTK_WIDGET (self));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "rating-badge");
  self->rating = G_MAXINT;
  pathway_rating_badge_set_rating (self, PATHWAY_RATING_NONE, NULL);
}

GtkWidget *
pathway_rating_badge_new (void)
{
  return g_object_new (PATHWAY_TYPE_RATING_BADGE, NULL);
}

void
pathway_rating_badge_set_rating (PathwayRatingBadge *self, PathwayRating rating,
                                 const char *word)
{
  static const char *defaults[PATHWAY_N_RATINGS] = {
    N_("Not rated"), N_("Red"), N_("Amber"), N_("Green"), N_("Blue"),
  };

  g_return_if_fail (PATHWAY_IS_RATING_BADGE (self));

  if ((guint) rating >= PATHWAY_N_RATINGS)
    rating = PATHWAY_RATING_NONE;
  if (word == NULL || *word == '\0')
    word = _(defaults[rating]);

  if (rating != self->rating)
    {
      if ((guint) self->rating < PATHWAY_N_RATINGS)
        gtk_widget_remove_css_class (GTK_WIDGET (self),
                                     pathway_style_rating_class (self->rating));
      gtk_widget_add_css_class (GTK_WIDGET (self), pathway_style_rating_class (rating));
      gtk_label_set_text (GTK_LABEL (self->letter), pathway_rating_letter (rating));
      self->rating = rating;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, word,
                                  -1);
}

PathwayRating
pathway_rating_badge_get_rating (PathwayRatingBadge *self)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_BADGE (self), PATHWAY_RATING_NONE);
  return self->rating;
}

void
pathway_rating_badge_set_small (PathwayRatingBadge *self, gboolean small)
{
  g_return_if_fail (PATHWAY_IS_RATING_BADGE (self));

  if (small)
    gtk_widget_add_css_class (GTK_WIDGET (self), "small");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "small");
}
