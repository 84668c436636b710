/* fuzz-programme.h: the programme the fuzz harnesses plan against. */
#pragma once

#include "pathway-document.h"

/* A programme in a temporary file (removed at exit) with a workstream, a person and actions
 * "1B ii" and "1B iv", rated; opened for the life of the process. */
PathwayDocument *fuzz_programme_open (void);
