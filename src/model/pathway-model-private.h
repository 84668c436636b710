/* pathway-model-private.h: what the model classes share to hold their properties. Each class
 * describes its plain properties once, in a static table of fields; the functions here make the
 * param specs from it, get and set the properties, give new objects their defaults and free the
 * fields, so that every kind of value is compared, stored and announced the same way in every
 * class. Each setter notifies the field's property and returns TRUE only when the value
 * changed. Nothing outside src/model includes it. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAY_MODEL_STRING,    /* char *, never NULL: "" by default and in place of NULL */
  PATHWAY_MODEL_INT,       /* int, 0 to G_MAXINT */
  PATHWAY_MODEL_INT64,     /* gint64, 0 to G_MAXINT64 */
  PATHWAY_MODEL_DOUBLE,    /* double, 0 by default (see PATHWAY_MODEL_NAN_UNSET) */
  PATHWAY_MODEL_BOOLEAN,   /* gboolean */
  PATHWAY_MODEL_ENUM,      /* a registered enum, stored as int */
  PATHWAY_MODEL_DATE,      /* GDate held in the instance, unset by default; reads as NULL */
  PATHWAY_MODEL_DATE_TIME, /* GDateTime *, NULL by default */
  PATHWAY_MODEL_TIMESCALE, /* PathwayTimescale *, NULL by default (see PATHWAY_MODEL_NEVER_NULL) */
  PATHWAY_MODEL_OBJECT,    /* a reference to an object of the field's type, let go in dispose */
} PathwayModelKind;

typedef enum {
  PATHWAY_MODEL_FLAGS_NONE = 0,
  /* A double never given is NAN, which is where it starts. GLib refuses NAN for a double
   * property unless validation is lax, and a param spec cannot hold NAN as its default, so the
   * property's default stays 0. */
  PATHWAY_MODEL_NAN_UNSET = 1 << 0,
  /* A timescale that is never NULL: it starts empty and NULL stands for the empty timescale.
   * Without the flag NULL is kept, and differs from an empty timescale. */
  PATHWAY_MODEL_NEVER_NULL = 1 << 1,
  /* Readable only, without notify: the class gives the field its value in init. */
  PATHWAY_MODEL_READ_ONLY = 1 << 2,
} PathwayModelFlags;

typedef struct
{
  const char *name;         /* the property's name, a static string */
  PathwayModelKind kind;
  glong offset;             /* G_STRUCT_OFFSET of the field in the instance struct */
  GType (*get_type) (void); /* ENUM and OBJECT: the type of the value */
  int default_value;        /* INT, BOOLEAN and ENUM: the default, 0 unless given */
  PathwayModelFlags flags;
} PathwayModelField;

/* In class_init: installs a property for each field, in the table's order, and the
 * get_property, set_property, dispose and finalize that serve them. A class with more to
 * release sets its own dispose or finalize afterwards and ends it with pathway_model_dispose()
 * or pathway_model_finalize() instead of chaining up to GObject itself. */
void pathway_model_class_install (GObjectClass *klass, const PathwayModelField *fields,
                                  guint n_fields);

/* In init: gives every field of the object's table its default. */
void pathway_model_init_fields (GObject *object);

void pathway_model_dispose (GObject *object);
void pathway_model_finalize (GObject *object);

/* The address of the field called name in the object's table, if it has one of that kind, or
 * NULL: for code that reads a field every record has (the id) without knowing the class. */
gpointer pathway_model_field_address (GObject *object, const char *name, PathwayModelKind kind);

/* Each setter takes the address of a field named in the object's table. */

/* NULL is stored as "", so a string property is never NULL. */
gboolean pathway_model_set_string (GObject *object, char **field, const char *value);

/* NULL and an invalid date both leave the date unset: cleared, so g_date_valid() is FALSE. */
gboolean pathway_model_set_date (GObject *object, GDate *field, const GDate *value);

/* An unset date reads as NULL. */
const GDate *pathway_model_get_date (const GDate *field);

gboolean pathway_model_set_date_time (GObject *object, GDateTime **field, GDateTime *value);

/* NULL means what the field's PATHWAY_MODEL_NEVER_NULL flag says. */
gboolean pathway_model_set_timescale (GObject *object, PathwayTimescale **field,
                                      const PathwayTimescale *value);

/* NAN marks a value never given, so NAN equals NAN here. */
gboolean pathway_model_set_double (GObject *object, double *field, double value);

gboolean pathway_model_set_int (GObject *object, int *field, int value);

gboolean pathway_model_set_int64 (GObject *object, gint64 *field, gint64 value);

/* Any non-zero value is stored as TRUE. */
gboolean pathway_model_set_boolean (GObject *object, gboolean *field, gboolean value);

/* field points to a field of an enum type. */
gboolean pathway_model_set_enum (GObject *object, gpointer field, int value);

/* field points to an object pointer; the field takes its own reference. */
gboolean pathway_model_set_object (GObject *object, gpointer field, gpointer value);

/* The list keeps its own reference, so callers can hold a borrowed pointer. */
gpointer pathway_model_borrow_item (GListStore *store, guint position);

G_END_DECLS
