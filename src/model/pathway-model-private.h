/* pathway-model-private.h: what the model classes share to hold their properties, so that every
 * kind of value is compared, stored and announced the same way in every class. Each setter
 * notifies pspec on object and returns TRUE only when the value changed. Nothing outside
 * src/model includes it. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

/* NULL is stored as "", so a string property is never NULL. */
gboolean pathway_model_set_string (GObject *object, char **field, const char *value,
                                   GParamSpec *pspec);

/* NULL and an invalid date both leave the date unset: cleared, so g_date_valid() is FALSE. */
gboolean pathway_model_set_date (GObject *object, GDate *field, const GDate *value,
                                 GParamSpec *pspec);

/* An unset date reads as NULL. */
const GDate *pathway_model_get_date (const GDate *field);

gboolean pathway_model_set_date_time (GObject *object, GDateTime **field, GDateTime *value,
                                      GParamSpec *pspec);

/* With never_null, NULL stands for the empty timescale; without it, NULL is kept and differs
 * from an empty timescale. */
gboolean pathway_model_set_timescale (GObject *object, PathwayTimescale **field,
                                      const PathwayTimescale *value, gboolean never_null,
                                      GParamSpec *pspec);

/* NAN marks a value never given, so NAN equals NAN here. */
gboolean pathway_model_set_double (GObject *object, double *field, double value,
                                   GParamSpec *pspec);

gboolean pathway_model_set_int (GObject *object, int *field, int value, GParamSpec *pspec);

gboolean pathway_model_set_int64 (GObject *object, gint64 *field, gint64 value,
                                  GParamSpec *pspec);

/* Any non-zero value is stored as TRUE. */
gboolean pathway_model_set_boolean (GObject *object, gboolean *field, gboolean value,
                                    GParamSpec *pspec);

/* The list keeps its own reference, so callers can hold a borrowed pointer. */
gpointer pathway_model_borrow_item (GListStore *store, guint position);

G_END_DECLS
