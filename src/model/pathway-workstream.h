/* pathway-workstream.h: a workstream of the programme ("A", "1", ...) with its title, lead
 * organisation (council, health or joint), lead, members and the areas of weakness it addresses. */
#pragma once

#include <gio/gio.h>

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_WORKSTREAM (pathway_workstream_get_type ())

G_DECLARE_FINAL_TYPE (PathwayWorkstream, pathway_workstream, PATHWAY, WORKSTREAM, GObject)

PathwayWorkstream *pathway_workstream_new (void);

gint64 pathway_workstream_get_id (PathwayWorkstream *self);
const char *pathway_workstream_get_code (PathwayWorkstream *self);
void pathway_workstream_set_code (PathwayWorkstream *self, const char *code);
const char *pathway_workstream_get_title (PathwayWorkstream *self);
void pathway_workstream_set_title (PathwayWorkstream *self, const char *title);
PathwayLeadOrganisation pathway_workstream_get_lead_organisation (PathwayWorkstream *self);
void pathway_workstream_set_lead_organisation (PathwayWorkstream *self,
                                               PathwayLeadOrganisation lead_organisation);
PathwayPerson *pathway_workstream_get_lead (PathwayWorkstream *self);
void pathway_workstream_set_lead (PathwayWorkstream *self, PathwayPerson *lead);
const char *pathway_workstream_get_description (PathwayWorkstream *self);
void pathway_workstream_set_description (PathwayWorkstream *self, const char *description);

GListModel *pathway_workstream_get_members (PathwayWorkstream *self);
void pathway_workstream_add_member (PathwayWorkstream *self, PathwayMember *member);
void pathway_workstream_remove_member (PathwayWorkstream *self, PathwayMember *member);
PathwayMember *pathway_workstream_find_member (PathwayWorkstream *self, gint64 id);
GListModel *pathway_workstream_get_areas (PathwayWorkstream *self);
void pathway_workstream_add_area (PathwayWorkstream *self, PathwayAreaOfWeakness *area);
void pathway_workstream_remove_area (PathwayWorkstream *self, PathwayAreaOfWeakness *area);

G_END_DECLS
