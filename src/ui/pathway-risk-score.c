/* pathway-risk-score.c: a risk's score as a chip (see the header). The bands' classes are
 * styled in ui/style.css (.risk-score), in colours that keep the word legible (4.5:1) and
 * match the heat map's. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-risk-score.h"
#include "pathway-style.h"

static const char *const band_classes[] = {
  [PATHWAY_RISK_BAND_NONE] = "none",
  [PATHWAY_RISK_BAND_LOW] = "low",
  [PATHWAY_RISK_BAND_MEDIUM] = "medium",
  [PATHWAY_RISK_BAND_HIGH] = "high",
  [PATHWAY_RISK_BAND_VERY_HIGH] = "very-high",
};

char *
pathway_risk_score_dup_text (int score)
{
  PathwayRiskBand band = pathway_risk_band_for_score (score);

  if (band == PATHWAY_RISK_BAND_NONE)
    return g_strdup (_("Not scored"));
  /* TRANSLATORS: a risk's score and its band, "16 High" */
  return g_strdup_printf (_("%d %s"), score, pathway_risk_band_label (band));
}

const char *
pathway_risk_score_band_class (int score)
{
  return band_classes[pathway_risk_band_for_score (score)];
}

GtkWidget *
pathway_risk_score_chip_new (void)
{
  GtkWidget *chip = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (chip), FALSE);
  gtk_widget_add_css_class (chip, "risk-score");
  gtk_widget_add_css_class (chip, "numeric");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  pathway_style_install (gtk_widget_get_display (chip));
  return chip;
}

void
pathway_risk_score_chip_set (GtkWidget  *chip,
                             int         score,
                             const char *what)
{
  g_autofree char *text = pathway_risk_score_dup_text (score);
  const char *band_class = pathway_risk_score_band_class (score);

  g_return_if_fail (GTK_IS_LABEL (chip));

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    {
      if (band_classes[i] != band_class)
        gtk_widget_remove_css_class (chip, band_classes[i]);
    }
  gtk_widget_add_css_class (chip, band_class);
  gtk_label_set_text (GTK_LABEL (chip), text);
  if (what != NULL)
    {
      /* TRANSLATORS: a score's accessible name, "Score: 16 High" */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), what, text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
}
