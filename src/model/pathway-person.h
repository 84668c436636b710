/* pathway-person.h: someone named in the plan: the lead officer for an action or a workstream, a
 * member of a workstream, the person who approved a revised timescale. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PERSON (pathway_person_get_type ())

G_DECLARE_FINAL_TYPE (PathwayPerson, pathway_person, PATHWAY, PERSON, GObject)

PathwayPerson *pathway_person_new (void);

gint64 pathway_person_get_id (PathwayPerson *self);
const char *pathway_person_get_name (PathwayPerson *self);
void pathway_person_set_name (PathwayPerson *self, const char *name);
const char *pathway_person_get_role (PathwayPerson *self);
void pathway_person_set_role (PathwayPerson *self, const char *role);
const char *pathway_person_get_organisation (PathwayPerson *self);
void pathway_person_set_organisation (PathwayPerson *self, const char *organisation);
const char *pathway_person_get_email (PathwayPerson *self);
void pathway_person_set_email (PathwayPerson *self, const char *email);

/* Whether the person may be named in the public version of the plan (a director who signs it
 * off, say); officers are not named unless this is set. */
gboolean pathway_person_get_public (PathwayPerson *self);

G_END_DECLS
