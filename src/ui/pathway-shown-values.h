/* pathway-shown-values.h: what a form showed of a record when it was opened, field by field,
 * so that saving writes only what the person changed, and refuses to write over a value
 * someone else changed meanwhile (a programme on a server is changed by others while a form
 * is open; the model follows them in place).
 *
 * A form remembers the fields it shows when it fills them. Before saving, it checks each field
 * the person changed with pathway_shown_values_check, which asks the document whether the
 * record still holds what was shown (pathway_document_check_unchanged); when it does not, the
 * error is PATHWAY_ERROR_CONFLICT naming who changed it, when and to what, and what the form
 * knows as shown becomes the value there now, so that saving again applies the person's input
 * deliberately. Linked records are kept by id, so a programme read again (a rolled-back batch
 * replaces its objects) compares as the same. */
#pragma once

#include "pathway-document.h"

G_BEGIN_DECLS

typedef struct _PathwayShownValues PathwayShownValues;

PathwayShownValues *pathway_shown_values_new (void);
void pathway_shown_values_free (PathwayShownValues *self);
/* Forgets every field. */
void pathway_shown_values_clear (PathwayShownValues *self);
/* Remembers the record's value of 'property' now, as shown. */
void pathway_shown_values_remember (PathwayShownValues *self, gpointer record,
                                    const char *property);
gboolean pathway_shown_values_has (PathwayShownValues *self, const char *property);

/* What was shown; a field not remembered reads as empty, 0 or none. */
const char *pathway_shown_values_get_string (PathwayShownValues *self, const char *property);
int pathway_shown_values_get_enum (PathwayShownValues *self, const char *property);
/* The value shown of a property that is not a linked record, or NULL when not remembered. */
const GValue *pathway_shown_values_get (PathwayShownValues *self, const char *property);
double pathway_shown_values_get_double (PathwayShownValues *self, const char *property);
/* NULL for none. */
const GDate *pathway_shown_values_get_date (PathwayShownValues *self, const char *property);
/* A linked record's id (0: none). */
gint64 pathway_shown_values_get_id (PathwayShownValues *self, const char *property);

/* Whether the record still holds what was shown of 'property'. FALSE with the document's
 * error (PATHWAY_ERROR_CONFLICT) when it does not; the field is then remembered as it is now. */
gboolean pathway_shown_values_check (PathwayShownValues *self, PathwayDocument *document,
                                     gpointer record, const char *property, GError **error);
/* Whether the record's value of 'property' is still what was shown (no error, nothing
 * remembered): an untouched field can then follow the record. */
gboolean pathway_shown_values_matches (PathwayShownValues *self, PathwayDocument *document,
                                       gpointer record, const char *property);

/* The same for a field named as the command line and the record dialogs name it ("owner",
 * "review-date"), for forms that write with pathway_document_set_fields. A field kept in no
 * property of the record (a list of links) is not remembered, and checks as unchanged. */
void pathway_shown_values_remember_field (PathwayShownValues *self, gpointer record,
                                          const char *field);
gboolean pathway_shown_values_check_field (PathwayShownValues *self, PathwayDocument *document,
                                           gpointer record, const char *field, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayShownValues, pathway_shown_values_free)

G_END_DECLS
