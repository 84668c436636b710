/* pathway-risk-score.h: a risk's score as people read it, the same in the Risks view and the
 * risk dialog: a chip with the number and its band's word ("16 High"), coloured by the band.
 * The words carry the meaning; the colour only repeats it. */
#pragma once

#include <gtk/gtk.h>
#include "pathway-model.h"

G_BEGIN_DECLS

/* The score in words: "16 High", "20 Very high"; "Not scored" for 0. */
char *pathway_risk_score_dup_text (int score);
/* The CSS class of a score's band: "low", "medium", "high", "very-high", "none". */
const char *pathway_risk_score_band_class (int score);

/* A chip (a label) showing a score; its accessible label says what it is: "Score: 16 High". */
GtkWidget *pathway_risk_score_chip_new (void);
/* 'what' names the score for screen readers ("Score", "Residual score"); NULL leaves it. */
void pathway_risk_score_chip_set (GtkWidget *chip, int score, const char *what);

G_END_DECLS
