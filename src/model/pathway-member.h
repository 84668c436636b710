/* pathway-member.h: a person's place in a workstream, with the role they hold there ("Chair",
 * "Parent carer forum representative"). */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_MEMBER (pathway_member_get_type ())

G_DECLARE_FINAL_TYPE (PathwayMember, pathway_member, PATHWAY, MEMBER, GObject)

PathwayMember *pathway_member_new (void);

gint64 pathway_member_get_id (PathwayMember *self);
PathwayPerson *pathway_member_get_person (PathwayMember *self);
const char *pathway_member_get_role (PathwayMember *self);

G_END_DECLS
