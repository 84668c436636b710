/* pathway-rating-bar.c: the stacked bar of a set of ratings.
 *
 * Each segment is a child widget carrying the style sheet's .rating-fill class, so the bar
 * takes its colours from the same rules as the rating badges (ui/style.css) and follows any
 * change to them. The bar lays the segments out itself: a segment's width is its share of the
 * bar, every rating that has actions keeps at least a sliver, and a small gap separates
 * neighbours so that two segments never merge into one block of colour. */
#define G_LOG_DOMAIN "pathway-ui"

#include <string.h>
#include <glib/gi18n.h>

#include "pathway-rating-bar.h"
#include "pathway-style.h"

/* Smallest width of a segment that has actions, and the gap between two segments. */
#define MIN_SEGMENT 3
#define SEGMENT_GAP 2

struct _PathwayRatingBar
{
  GtkWidget parent_instance;

  GtkWidget *segments[PATHWAY_N_RATINGS]; /* indexed by PathwayRating */
  guint counts[PATHWAY_N_RATINGS];
  char *summary;
};

G_DEFINE_FINAL_TYPE (PathwayRatingBar, pathway_rating_bar, GTK_TYPE_WIDGET)

static void
pathway_rating_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* The height comes from the style sheet's min-height; the width from whoever places it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 24;
      *natural = 120;
    }
  else
    {
      *minimum = 0;
      *natural = 0;
    }
}

static void
pathway_rating_bar_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PathwayRatingBar *self = PATHWAY_RATING_BAR (widget);
  guint total = 0;
  int shown = 0;
  int spare;
  guint64 before = 0;
  int x = 0;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      total += self->counts[i];
      if (self->counts[i] > 0)
        shown++;
    }

  /* What is left once every shown segment has its sliver and every gap its space is shared
   * in proportion to the counts, rounding on the running total so the widths add up. */
  spare = MAX (0, width - shown * MIN_SEGMENT - MAX (0, shown - 1) * SEGMENT_GAP);

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];
      GtkWidget *segment = self->segments[rating];
      guint64 after;
      int share;

      if (self->counts[rating] == 0)
        continue;

      after = before + self->counts[rating];
      share = (int) ((after * (guint64) spare + total / 2) / total)
              - (int) ((before * (guint64) spare + total / 2) / total);
      before = after;

      gtk_widget_size_allocate (segment,
                                &(GtkAllocation) { x, 0, MIN_SEGMENT + share, height },
                                -1);
      x += MIN_SEGMENT + share + SEGMENT_GAP;
    }
}

static void
pathway_rating_bar_dispose (GObject *object)
{
  PathwayRatingBar *self = PATHWAY_RATING_BAR (object);

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    g_clear_pointer (&self->segments[i], gtk_widget_unparent);
  G_OBJECT_CLASS (pathway_rating_bar_parent_class)->dispose (object);
}

static void
pathway_rating_bar_finalize (GObject *object)
{
  PathwayRatingBar *self = PATHWAY_RATING_BAR (object);

  g_free (self->summary);
  G_OBJECT_CLASS (pathway_rating_bar_parent_class)->finalize (object);
}

static void
pathway_rating_bar_class_init (PathwayRatingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_rating_bar_dispose;
  object_class->finalize = pathway_rating_bar_finalize;
  widget_class->measure = pathway_rating_bar_measure;
  widget_class->size_allocate = pathway_rating_bar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "ratingbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathway_rating_bar_init (PathwayRatingBar *self)
{
  static const guint none[PATHWAY_N_RATINGS] = { 0, };

  /* Children in the order they are drawn, worst first. */
  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];
      GtkWidget *segment = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (segment, "rating-fill");
      gtk_widget_add_css_class (segment, pathway_style_rating_class (rating));
      gtk_widget_set_can_target (segment, FALSE);
      gtk_widget_set_child_visible (segment, FALSE);
      gtk_widget_set_parent (segment, GTK_WIDGET (self));
      self->segments[rating] = segment;
    }

  /* Rounded ends cut the outer segments too. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions by rating"), -1);
  pathway_rating_bar_set_counts (self, none);
}

GtkWidget *
pathway_rating_bar_new (void)
{
  return g_object_new (PATHWAY_TYPE_RATING_BAR, NULL);
}

static void
append_count (GString       *text,
              PathwayRating  rating,
              guint          count)
{
  if (text->len > 0)
    /* Translators: what separates the counts in "7 red, 30 amber, 73 green". */
    g_string_append (text, _(", "));

  switch (rating)
    {
    case PATHWAY_RATING_RED:
      /* Translators: counts of actions by rating, joined into "7 red, 30 amber, 73 green". */
      g_string_append_printf (text, _("%u red"), count);
      break;
    case PATHWAY_RATING_AMBER:
      g_string_append_printf (text, _("%u amber"), count);
      break;
    case PATHWAY_RATING_GREEN:
      g_string_append_printf (text, _("%u green"), count);
      break;
    case PATHWAY_RATING_BLUE:
      g_string_append_printf (text, _("%u blue"), count);
      break;
    case PATHWAY_RATING_NONE:
    default:
      g_string_append_printf (text, _("%u not rated"), count);
      break;
    }
}

static char *
describe_counts (const guint counts[PATHWAY_N_RATINGS])
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      PathwayRating rating = pathway_style_rating_order[i];

      if (counts[rating] > 0)
        append_count (text, rating, counts[rating]);
    }

  if (text->len == 0)
    g_string_append (text, _("No actions"));

  return g_string_free (text, FALSE);
}

void
pathway_rating_bar_set_counts (PathwayRatingBar *self,
                               const guint       counts[PATHWAY_N_RATINGS])
{
  guint total = 0;

  g_return_if_fail (PATHWAY_IS_RATING_BAR (self));
  g_return_if_fail (counts != NULL);

  if (self->summary != NULL &&
      memcmp (self->counts, counts, sizeof self->counts) == 0)
    return;

  for (guint i = 0; i < PATHWAY_N_RATINGS; i++)
    {
      self->counts[i] = counts[i];
      total += counts[i];
      gtk_widget_set_child_visible (self->segments[i], counts[i] > 0);
    }

  if (total == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");

  g_free (self->summary);
  self->summary = describe_counts (self->counts);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
pathway_rating_bar_get_count (PathwayRatingBar *self,
                              PathwayRating     rating)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_BAR (self), 0);
  g_return_val_if_fail ((guint) rating < PATHWAY_N_RATINGS, 0);

  return self->counts[rating];
}

const char *
pathway_rating_bar_get_summary (PathwayRatingBar *self)
{
  g_return_val_if_fail (PATHWAY_IS_RATING_BAR (self), NULL);

  return self->summary;
}
