/* pathway-member.h: a person's place in a workstream, with the role they hold there ("Chair",
 * "Parent carer forum representative"). */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MEMBER (pathway_member_get_type ())

G_DECLARE_FINAL_TYPE (PathwayMember, pathway_member, PATHWAY, MEMBER, GObject)

PathwayMember *pathway_member_new (void);

gint64 pathway_member_get_id (PathwayMember *self);
/* The id of the workstream the member belongs to, given by the store. */
gint64 pathway_member_get_workstream_id (PathwayMember *self);
PathwayPerson *pathway_member_get_person (PathwayMember *self);
void pathway_member_set_person (PathwayMember *self, PathwayPerson *person);
const char *pathway_member_get_role (PathwayMember *self);
void pathway_member_set_role (PathwayMember *self, const char *role);

G_END_DECLS
