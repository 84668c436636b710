/* pathway-return-form.h: a return form sent to a lead: the spreadsheet of their actions that
 * need a monthly update, which they fill in and send back. The record says who it went to,
 * when, by when it is due, from which day actions counted as needing an update, how many
 * actions it held, the file's name, and the day it came back (unset while it is outstanding).
 * Its UUID is the form's id, written in the form's hidden sheet, so a returned file finds its
 * record. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RETURN_FORM (pathway_return_form_get_type ())

G_DECLARE_FINAL_TYPE (PathwayReturnForm, pathway_return_form, PATHWAY, RETURN_FORM, GObject)

PathwayReturnForm *pathway_return_form_new (void);

gint64 pathway_return_form_get_id (PathwayReturnForm *self);
PathwayPerson *pathway_return_form_get_lead (PathwayReturnForm *self);
void pathway_return_form_set_lead (PathwayReturnForm *self, PathwayPerson *lead);
const GDate *pathway_return_form_get_sent (PathwayReturnForm *self);
void pathway_return_form_set_sent (PathwayReturnForm *self, const GDate *sent);
const GDate *pathway_return_form_get_due (PathwayReturnForm *self);
void pathway_return_form_set_due (PathwayReturnForm *self, const GDate *due);
/* Actions with no change to their rating, status or commentary since this day were asked
 * about. */
const GDate *pathway_return_form_get_since (PathwayReturnForm *self);
void pathway_return_form_set_since (PathwayReturnForm *self, const GDate *since);
int pathway_return_form_get_actions (PathwayReturnForm *self);
void pathway_return_form_set_actions (PathwayReturnForm *self, int actions);
/* NULL while the form is outstanding. */
const GDate *pathway_return_form_get_returned (PathwayReturnForm *self);
void pathway_return_form_set_returned (PathwayReturnForm *self, const GDate *returned);
/* The file's name as written, without its folder. */
const char *pathway_return_form_get_file (PathwayReturnForm *self);
void pathway_return_form_set_file (PathwayReturnForm *self, const char *file);

G_END_DECLS
