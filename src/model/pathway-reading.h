/* pathway-reading.h: one measured value of an indicator on a date, as reported to the board. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_READING (pathway_reading_get_type ())

G_DECLARE_FINAL_TYPE (PathwayReading, pathway_reading, PATHWAY, READING, GObject)

PathwayReading *pathway_reading_new (void);

gint64 pathway_reading_get_id (PathwayReading *self);
gint64 pathway_reading_get_indicator_id (PathwayReading *self);
const GDate *pathway_reading_get_date (PathwayReading *self);
void pathway_reading_set_date (PathwayReading *self, const GDate *date);
double pathway_reading_get_value (PathwayReading *self);
void pathway_reading_set_value (PathwayReading *self, double value);
const char *pathway_reading_get_note (PathwayReading *self);
void pathway_reading_set_note (PathwayReading *self, const char *note);

G_END_DECLS
