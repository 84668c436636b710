/* pathway-record-private.h: what only the store may do to the model's records: give them the
 * ids, uuids and links the file assigns, the times it records, the values it loads, the fields
 * of the records that only it writes (the programme, its rating scheme, members, timescale
 * revisions and updates), and retire them. Views, the exchange, reports and the command line
 * never include it: they change records through the document (tests/check-layers holds them to
 * it). */
#pragma once

#include "pathway-model.h"

G_BEGIN_DECLS

/* pathway-action-update.h */
void _pathway_action_update_set_action_id (PathwayActionUpdate *self, gint64 action_id);
void _pathway_action_update_set_at (PathwayActionUpdate *self, GDateTime *at);
void _pathway_action_update_set_author (PathwayActionUpdate *self, const char *author);
void _pathway_action_update_set_field (PathwayActionUpdate *self, PathwayField field);
void _pathway_action_update_set_from_value (PathwayActionUpdate *self, const char *from_value);
void _pathway_action_update_set_id (PathwayActionUpdate *self, gint64 id);
void _pathway_action_update_set_meeting_id (PathwayActionUpdate *self, gint64 meeting_id);
void _pathway_action_update_set_note (PathwayActionUpdate *self, const char *note);
void _pathway_action_update_set_property_name (PathwayActionUpdate *self, const char *property);
void _pathway_action_update_set_to_value (PathwayActionUpdate *self, const char *to_value);

/* pathway-action.h */
void _pathway_action_set_created (PathwayAction *self, GDateTime *created);
void _pathway_action_set_deleted (PathwayAction *self, gboolean deleted);
void _pathway_action_set_id (PathwayAction *self, gint64 id);
void _pathway_action_set_last_updated (PathwayAction *self, GDateTime *last_updated);

/* pathway-area-of-weakness.h */
void _pathway_area_of_weakness_set_id (PathwayAreaOfWeakness *self, gint64 id);

/* pathway-board.h */
void _pathway_board_set_id (PathwayBoard *self, gint64 id);

/* pathway-evidence.h */
void _pathway_evidence_set_action_id (PathwayEvidence *self, gint64 action_id);
void _pathway_evidence_set_id (PathwayEvidence *self, gint64 id);

/* pathway-indicator.h */
void _pathway_indicator_set_id (PathwayIndicator *self, gint64 id);

/* pathway-meeting.h */
void _pathway_meeting_set_board_id (PathwayMeeting *self, gint64 board_id);
void _pathway_meeting_set_id (PathwayMeeting *self, gint64 id);

/* pathway-member.h */
void _pathway_member_set_id (PathwayMember *self, gint64 id);
void _pathway_member_set_person (PathwayMember *self, PathwayPerson *person);
void _pathway_member_set_role (PathwayMember *self, const char *role);
void _pathway_member_set_workstream_id (PathwayMember *self, gint64 workstream_id);

/* pathway-milestone.h */
void _pathway_milestone_set_id (PathwayMilestone *self, gint64 id);
void _pathway_milestone_set_indicator_id (PathwayMilestone *self, gint64 indicator_id);

/* pathway-person.h */
void _pathway_person_set_id (PathwayPerson *self, gint64 id);

/* pathway-programme.h */
void _pathway_programme_set_id (PathwayProgramme *self, gint64 id);
void _pathway_programme_set_inspection_date (PathwayProgramme *self, const GDate *inspection_date);
void _pathway_programme_set_letter_published (PathwayProgramme *self,
                                              const GDate      *letter_published);
void _pathway_programme_set_local_area (PathwayProgramme *self, const char *local_area);
void _pathway_programme_set_name (PathwayProgramme *self, const char *name);
void _pathway_programme_set_partners (PathwayProgramme *self, const char *partners);
void _pathway_programme_set_plan_agreed (PathwayProgramme *self, const GDate *plan_agreed);
void _pathway_programme_set_regime (PathwayProgramme *self, PathwayRegime regime);
void _pathway_programme_set_vision (PathwayProgramme *self, const char *vision);
/* Retired records: out of the programme's lists, still found by pathway_programme_find_record.
 * The set holds one record for each type and id; adding another with the same type and id
 * replaces it, and removing takes out whichever record the set holds for them. */
void _pathway_programme_add_retired (PathwayProgramme *self, gpointer record);
void _pathway_programme_remove_retired (PathwayProgramme *self, gpointer record);

/* pathway-rating-scheme.h */
void _pathway_rating_scheme_set_amber_definition (PathwayRatingScheme *self,
                                                  const char *amber_definition);
void _pathway_rating_scheme_set_amber_label (PathwayRatingScheme *self, const char *amber_label);
void _pathway_rating_scheme_set_blue_definition (PathwayRatingScheme *self,
                                                 const char *blue_definition);
void _pathway_rating_scheme_set_blue_label (PathwayRatingScheme *self, const char *blue_label);
void _pathway_rating_scheme_set_definition (PathwayRatingScheme *self, PathwayRating rating,
                                            const char *definition);
void _pathway_rating_scheme_set_green_definition (PathwayRatingScheme *self,
                                                  const char *green_definition);
void _pathway_rating_scheme_set_green_label (PathwayRatingScheme *self, const char *green_label);
void _pathway_rating_scheme_set_id (PathwayRatingScheme *self, gint64 id);
void _pathway_rating_scheme_set_label (PathwayRatingScheme *self, PathwayRating rating,
                                       const char *label);
void _pathway_rating_scheme_set_red_definition (PathwayRatingScheme *self,
                                                const char *red_definition);
void _pathway_rating_scheme_set_red_label (PathwayRatingScheme *self, const char *red_label);
void _pathway_rating_scheme_set_uses_blue (PathwayRatingScheme *self, gboolean uses_blue);

/* pathway-reading.h */
void _pathway_reading_set_id (PathwayReading *self, gint64 id);
void _pathway_reading_set_indicator_id (PathwayReading *self, gint64 indicator_id);

/* pathway-record.h: only for a record whose class has the field. */
void _pathway_record_set_id (gpointer record, gint64 id);
void _pathway_record_set_uuid (gpointer record, const char *uuid);

/* pathway-timescale-revision.h */
void _pathway_timescale_revision_set_action_id (PathwayTimescaleRevision *self, gint64 action_id);
void _pathway_timescale_revision_set_approved_by (PathwayTimescaleRevision *self,
                                                  const char *approved_by);
void _pathway_timescale_revision_set_approved_on (PathwayTimescaleRevision *self,
                                                  const GDate *approved_on);
void _pathway_timescale_revision_set_author (PathwayTimescaleRevision *self, const char *author);
void _pathway_timescale_revision_set_id (PathwayTimescaleRevision *self, gint64 id);
void _pathway_timescale_revision_set_reason (PathwayTimescaleRevision *self, const char *reason);
void _pathway_timescale_revision_set_recorded_at (PathwayTimescaleRevision *self,
                                                  GDateTime *recorded_at);
void _pathway_timescale_revision_set_timescale (PathwayTimescaleRevision *self,
                                                const PathwayTimescale *timescale);

/* pathway-workstream.h */
void _pathway_workstream_set_id (PathwayWorkstream *self, gint64 id);

G_END_DECLS
