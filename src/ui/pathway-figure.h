/* pathway-figure.h: an indicator's figures as people read and write them: a value in its
 * unit ("21 weeks", "56.9%", "1204"), the word for the unit beside a field, and a value typed
 * into a field ("18.5", "56.9%", "1,204") read back, with what is wrong with it in words.
 * The Indicators view, the indicator editor and the reading dialog share them, so a figure
 * reads the same wherever it is shown or typed. */
#pragma once

#include <glib.h>
#include "pathway-model.h"

G_BEGIN_DECLS

/* Whole numbers as such, others to at most two places: "21", "56.9", "0.25". */
char       *pathway_figure_format_number (double       value);
/* A value in its unit: "21 weeks", "56.9%", "34". */
char       *pathway_figure_format_value  (PathwayUnit  unit,
                                          double       value);
/* What a value field says after the number: "%", "weeks", "days"; NULL for a count or a
 * number. */
const char *pathway_figure_unit_word     (PathwayUnit  unit);
/* Reads a value typed in the unit. Empty text is a problem unless 'optional', when it gives
 * NAN. On a problem, returns FALSE with *problem set to a sentence saying what to write
 * (static, translated). */
gboolean    pathway_figure_parse         (PathwayUnit  unit,
                                          const char  *text,
                                          gboolean     optional,
                                          double      *value,
                                          const char **problem);

G_END_DECLS
