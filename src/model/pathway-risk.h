/* pathway-risk.h: a line of the programme's risk and issue log (RAID: risks, assumptions,
 * issues, dependencies): what could stop the programme, how likely and how bad, who owns it,
 * what is being done and where it stands. Scored as likelihood times impact, before and after
 * the response. */
#pragma once

#include "pathway-types.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_RISK (pathway_risk_get_type ())

G_DECLARE_FINAL_TYPE (PathwayRisk, pathway_risk, PATHWAY, RISK, GObject)

PathwayRisk *pathway_risk_new (void);

gint64 pathway_risk_get_id (PathwayRisk *self);
/* The risk log's own reference ("R07"), unique among live entries. */
const char *pathway_risk_get_reference (PathwayRisk *self);
void pathway_risk_set_reference (PathwayRisk *self, const char *reference);
PathwayRiskKind pathway_risk_get_kind (PathwayRisk *self);
void pathway_risk_set_kind (PathwayRisk *self, PathwayRiskKind kind);
const char *pathway_risk_get_title (PathwayRisk *self);
void pathway_risk_set_title (PathwayRisk *self, const char *title);
const char *pathway_risk_get_description (PathwayRisk *self);
void pathway_risk_set_description (PathwayRisk *self, const char *description);
PathwayPerson *pathway_risk_get_owner (PathwayRisk *self);
void pathway_risk_set_owner (PathwayRisk *self, PathwayPerson *owner);
PathwayWorkstream *pathway_risk_get_workstream (PathwayRisk *self);
void pathway_risk_set_workstream (PathwayRisk *self, PathwayWorkstream *workstream);
/* The linked actions' references, comma-separated ("1A i, 2B iii"), kept in
 * this form by the store (see pathway_links_split). */
const char *pathway_risk_get_actions (PathwayRisk *self);
void pathway_risk_set_actions (PathwayRisk *self, const char *actions);
/* 1 (rare) to 5 (almost certain); 0 while not assessed. */
int pathway_risk_get_likelihood (PathwayRisk *self);
void pathway_risk_set_likelihood (PathwayRisk *self, int likelihood);
/* 1 (negligible) to 5 (severe); 0 while not assessed. */
int pathway_risk_get_impact (PathwayRisk *self);
void pathway_risk_set_impact (PathwayRisk *self, int impact);
/* Likelihood and impact once the response has worked; 0 while not assessed. */
int pathway_risk_get_residual_likelihood (PathwayRisk *self);
void pathway_risk_set_residual_likelihood (PathwayRisk *self, int residual_likelihood);
int pathway_risk_get_residual_impact (PathwayRisk *self);
void pathway_risk_set_residual_impact (PathwayRisk *self, int residual_impact);
/* How soon it could happen, in the area's words ("Within 3 months"). */
const char *pathway_risk_get_proximity (PathwayRisk *self);
void pathway_risk_set_proximity (PathwayRisk *self, const char *proximity);
const GDate *pathway_risk_get_review_date (PathwayRisk *self);
void pathway_risk_set_review_date (PathwayRisk *self, const GDate *review_date);
/* What is being done about it, and who leads that. */
const char *pathway_risk_get_response (PathwayRisk *self);
void pathway_risk_set_response (PathwayRisk *self, const char *response);
PathwayPerson *pathway_risk_get_response_owner (PathwayRisk *self);
void pathway_risk_set_response_owner (PathwayRisk *self, PathwayPerson *response_owner);
PathwayRiskStatus pathway_risk_get_status (PathwayRisk *self);
void pathway_risk_set_status (PathwayRisk *self, PathwayRiskStatus status);
/* An issue raised from a risk keeps the risk it came from. */
PathwayRisk *pathway_risk_get_raised_from (PathwayRisk *self);
void pathway_risk_set_raised_from (PathwayRisk *self, PathwayRisk *raised_from);

/* Likelihood times impact, 1 to 25; 0 while either is not assessed. */
int pathway_risk_get_score (PathwayRisk *self);
int pathway_risk_get_residual_score (PathwayRisk *self);
gboolean pathway_risk_is_open (PathwayRisk *self);

G_END_DECLS
