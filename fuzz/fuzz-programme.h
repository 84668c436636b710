/* fuzz-programme.h: the programme the fuzz harnesses plan against, and what they ask of a
 * sheet. */
#pragma once

#include "pathway-document.h"
#include "pathway-exchange.h"

/* A programme in a temporary file (removed at exit) with a workstream, a person and actions
 * "1B ii" and "1B iv", rated; opened for the life of the process. */
PathwayDocument *fuzz_programme_open (void);
/* Asks every cell of the sheet for its text, fill and merged range and every row and column
 * whether hidden, then maps and plans it against 'document' (ratings read from fills, the
 * plan compared again as at a past day), asserting what must hold of each answer. */
void fuzz_exercise_sheet (PathwaySheet *sheet, PathwayDocument *document, const char *file_name);
