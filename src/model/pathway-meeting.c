/* pathway-meeting.c: one dated meeting of a board. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-meeting.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMeeting
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 board_id;
  GDate date;
  char *time;
  char *title;
  char *location;
  char *summary;
  char *report_title;
  char *report_by;
  char *report_for;
  char *classification;
  char *recommendation;
  char *report_sections;
  GDate as_at;
  char *headlines;
  char *risks;
  char *decisions;
  gboolean draft;
  gboolean black_and_white;
};

G_DEFINE_FINAL_TYPE (PathwayMeeting, pathway_meeting, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMeeting, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, uuid) },
  { "board-id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayMeeting, board_id) },
  { "date", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayMeeting, date) },
  { "time", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, time) },
  { "title", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, title) },
  { "location", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, location) },
  { "summary", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, summary) },
  { "report-title", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, report_title) },
  { "report-by", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, report_by) },
  { "report-for", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, report_for) },
  { "classification", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, classification) },
  { "recommendation", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, recommendation) },
  { "report-sections", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, report_sections) },
  { "as-at", PATHWAY_MODEL_DATE, G_STRUCT_OFFSET (PathwayMeeting, as_at) },
  /* The report's narrative, each its own section when it has text. */
  { "headlines", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, headlines) },
  { "risks", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, risks) },
  { "decisions", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayMeeting, decisions) },
  /* DRAFT across every page until the pack is final. */
  { "draft", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayMeeting, draft) },
  /* Charts and chips in greys and hatching, for a black-and-white printer. */
  { "black-and-white", PATHWAY_MODEL_BOOLEAN, G_STRUCT_OFFSET (PathwayMeeting, black_and_white) },
};

static void
pathway_meeting_class_init (PathwayMeetingClass *klass)
{
  pathway_model_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
pathway_meeting_init (PathwayMeeting *self)
{
  pathway_model_init_fields (G_OBJECT (self));
}

PathwayMeeting *
pathway_meeting_new (void)
{
  return g_object_new (PATHWAY_TYPE_MEETING, NULL);
}

gint64
pathway_meeting_get_id (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), 0);

  return self->id;
}

void
_pathway_meeting_set_id (PathwayMeeting *self,
                         gint64          id)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
}

gint64
pathway_meeting_get_board_id (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), 0);

  return self->board_id;
}

void
_pathway_meeting_set_board_id (PathwayMeeting *self,
                               gint64          board_id)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->board_id, board_id);
}

const GDate *
pathway_meeting_get_date (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return pathway_model_get_date (&self->date);
}

void
pathway_meeting_set_date (PathwayMeeting *self,
                          const GDate    *date)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_date (G_OBJECT (self), &self->date, date);
}

const char *
pathway_meeting_get_time (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->time;
}

void
pathway_meeting_set_time (PathwayMeeting *self,
                          const char     *time)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->time, time);
}

const char *
pathway_meeting_get_title (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->title;
}

void
pathway_meeting_set_title (PathwayMeeting *self,
                           const char     *title)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->title, title);
}

const char *
pathway_meeting_get_location (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->location;
}

void
pathway_meeting_set_location (PathwayMeeting *self,
                              const char     *location)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->location, location);
}

const char *
pathway_meeting_get_summary (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->summary;
}

void
pathway_meeting_set_summary (PathwayMeeting *self,
                             const char     *summary)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->summary, summary);
}

const char *
pathway_meeting_get_report_title (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->report_title;
}

void
pathway_meeting_set_report_title (PathwayMeeting *self,
                                  const char     *report_title)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->report_title, report_title);
}

const char *
pathway_meeting_get_report_by (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->report_by;
}

void
pathway_meeting_set_report_by (PathwayMeeting *self,
                               const char     *report_by)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->report_by, report_by);
}

const char *
pathway_meeting_get_report_for (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->report_for;
}

void
pathway_meeting_set_report_for (PathwayMeeting *self,
                                const char     *report_for)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->report_for, report_for);
}

const char *
pathway_meeting_get_classification (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->classification;
}

void
pathway_meeting_set_classification (PathwayMeeting *self,
                                    const char     *classification)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->classification, classification);
}

const char *
pathway_meeting_get_recommendation (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->recommendation;
}

void
pathway_meeting_set_recommendation (PathwayMeeting *self,
                                    const char     *recommendation)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->recommendation, recommendation);
}

const char *
pathway_meeting_get_report_sections (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->report_sections;
}

void
pathway_meeting_set_report_sections (PathwayMeeting *self,
                                     const char     *report_sections)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->report_sections, report_sections);
}

const GDate *
pathway_meeting_get_as_at (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return pathway_model_get_date (&self->as_at);
}

void
pathway_meeting_set_as_at (PathwayMeeting *self,
                           const GDate    *as_at)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_date (G_OBJECT (self), &self->as_at, as_at);
}

const char *
pathway_meeting_get_headlines (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->headlines;
}

const char *
pathway_meeting_get_risks (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->risks;
}

const char *
pathway_meeting_get_decisions (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), NULL);

  return self->decisions;
}

gboolean
pathway_meeting_get_draft (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), FALSE);

  return self->draft;
}

gboolean
pathway_meeting_get_black_and_white (PathwayMeeting *self)
{
  g_return_val_if_fail (PATHWAY_IS_MEETING (self), FALSE);

  return self->black_and_white;
}

void
pathway_meeting_set_headlines (PathwayMeeting *self, const char *headlines)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->headlines, headlines);
}

void
pathway_meeting_set_risks (PathwayMeeting *self, const char *risks)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->risks, risks);
}

void
pathway_meeting_set_decisions (PathwayMeeting *self, const char *decisions)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  pathway_model_set_string (G_OBJECT (self), &self->decisions, decisions);
}

void
pathway_meeting_set_draft (PathwayMeeting *self, gboolean draft)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  g_object_set (self, "draft", draft, NULL);
}

void
pathway_meeting_set_black_and_white (PathwayMeeting *self, gboolean black_and_white)
{
  g_return_if_fail (PATHWAY_IS_MEETING (self));

  g_object_set (self, "black-and-white", black_and_white, NULL);
}
