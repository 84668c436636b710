/* pathway-evidence.h: evidence of impact for an action: what has changed for children, young
 * people and families, kept apart from the progress commentary so the board can ask whether the
 * impact is sustained. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_EVIDENCE (pathway_evidence_get_type ())

G_DECLARE_FINAL_TYPE (PathwayEvidence, pathway_evidence, PATHWAY, EVIDENCE, GObject)

PathwayEvidence *pathway_evidence_new (void);

gint64 pathway_evidence_get_id (PathwayEvidence *self);
gint64 pathway_evidence_get_action_id (PathwayEvidence *self);
const GDate *pathway_evidence_get_date (PathwayEvidence *self);
void pathway_evidence_set_date (PathwayEvidence *self, const GDate *date);
const char *pathway_evidence_get_text (PathwayEvidence *self);
void pathway_evidence_set_text (PathwayEvidence *self, const char *text);
const char *pathway_evidence_get_source (PathwayEvidence *self);
void pathway_evidence_set_source (PathwayEvidence *self, const char *source);

G_END_DECLS
