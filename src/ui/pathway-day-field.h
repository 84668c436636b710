/* pathway-day-field.h: an entry row where a day is typed (a meeting's date, an inspection's).
 * A label at the row's end says what the text means ("Wednesday 18 November 2026") as the
 * person types, and "Not a date" when a form is sent with text that names no day, as the
 * preferences window's date rows do. Days are read as everywhere else in Pathway
 * (pathway_editor_parse_day: "18 November 2026", "18/11/2026", "2026-11-18"); the group
 * holding the row says how to write one. */
#pragma once

#include <adwaita.h>

#include "pathway-entry-row.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_DAY_EMPTY,
  PATHWAY_DAY_VALID,
  PATHWAY_DAY_INVALID,
} PathwayDayState;

/* Adds the label and follows the row's text; the row is described by the label for
 * assistive technologies. */
void pathway_day_field_attach (PathwayEntryRow *row);
/* What the row holds now; 'date' (may be NULL) is set when it is VALID. */
PathwayDayState pathway_day_field_read (PathwayEntryRow *row, GDate *date);
/* For a form being sent: TRUE when the row is empty or names a day; otherwise marks the row
 * as an error (until its text changes) and returns FALSE. */
gboolean pathway_day_field_check (PathwayEntryRow *row);

G_END_DECLS
