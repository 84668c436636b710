/* pathway-error.c: the Pathway error domain. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-error.h"

G_DEFINE_QUARK (pathway-error-quark, pathway_error)
