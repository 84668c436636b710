/* pathway-meeting.c: one dated meeting of a board. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-meeting.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayMeeting
{
  GObject parent_instance;

  gint64 id;
  gint64 board_id;
  GDate date;
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
};

G_DEFINE_FINAL_TYPE (PathwayMeeting, pathway_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BOARD_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_SUMMARY,
  PROP_REPORT_TITLE,
  PROP_REPORT_BY,
  PROP_REPORT_FOR,
  PROP_CLASSIFICATION,
  PROP_RECOMMENDATION,
  PROP_REPORT_SECTIONS,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_meeting_finalize (GObject *object)
{
  PathwayMeeting *self = (PathwayMeeting *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->report_by, g_free);
  g_clear_pointer (&self->report_for, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_pointer (&self->recommendation, g_free);
  g_clear_pointer (&self->report_sections, g_free);

  G_OBJECT_CLASS (pathway_meeting_parent_class)->finalize (object);
}

static void
pathway_meeting_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PathwayMeeting *self = PATHWAY_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BOARD_ID:
      g_value_set_int64 (value, self->board_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, pathway_meeting_get_date (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_REPORT_TITLE:
      g_value_set_string (value, self->report_title);
      break;

    case PROP_REPORT_BY:
      g_value_set_string (value, self->report_by);
      break;

    case PROP_REPORT_FOR:
      g_value_set_string (value, self->report_for);
      break;

    case PROP_CLASSIFICATION:
      g_value_set_string (value, self->classification);
      break;

    case PROP_RECOMMENDATION:
      g_value_set_string (value, self->recommendation);
      break;

    case PROP_REPORT_SECTIONS:
      g_value_set_string (value, self->report_sections);
      break;

    case PROP_AS_AT:
      g_value_set_boxed (value, pathway_model_get_date (&self->as_at));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_meeting_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PathwayMeeting *self = PATHWAY_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_meeting_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BOARD_ID:
      _pathway_meeting_set_board_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      pathway_meeting_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_TITLE:
      pathway_meeting_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      pathway_meeting_set_location (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      pathway_meeting_set_summary (self, g_value_get_string (value));
      break;

    case PROP_REPORT_TITLE:
      pathway_meeting_set_report_title (self, g_value_get_string (value));
      break;

    case PROP_REPORT_BY:
      pathway_meeting_set_report_by (self, g_value_get_string (value));
      break;

    case PROP_REPORT_FOR:
      pathway_meeting_set_report_for (self, g_value_get_string (value));
      break;

    case PROP_CLASSIFICATION:
      pathway_meeting_set_classification (self, g_value_get_string (value));
      break;

    case PROP_RECOMMENDATION:
      pathway_meeting_set_recommendation (self, g_value_get_string (value));
      break;

    case PROP_REPORT_SECTIONS:
      pathway_meeting_set_report_sections (self, g_value_get_string (value));
      break;

    case PROP_AS_AT:
      pathway_meeting_set_as_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_meeting_class_init (PathwayMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_meeting_finalize;
  object_class->get_property = pathway_meeting_get_property;
  object_class->set_property = pathway_meeting_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BOARD_ID] =
    g_param_spec_int64 ("board-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPORT_TITLE] =
    g_param_spec_string ("report-title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPORT_BY] =
    g_param_spec_string ("report-by", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPORT_FOR] =
    g_param_spec_string ("report-for", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLASSIFICATION] =
    g_param_spec_string ("classification", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RECOMMENDATION] =
    g_param_spec_string ("recommendation", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPORT_SECTIONS] =
    g_param_spec_string ("report-sections", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AS_AT] =
    g_param_spec_boxed ("as-at", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_meeting_init (PathwayMeeting *self)
{
  g_date_clear (&self->date, 1);
  self->title = g_strdup ("");
  self->location = g_strdup ("");
  self->summary = g_strdup ("");
  self->report_title = g_strdup ("");
  self->report_by = g_strdup ("");
  self->report_for = g_strdup ("");
  self->classification = g_strdup ("");
  self->recommendation = g_strdup ("");
  self->report_sections = g_strdup ("");
  g_date_clear (&self->as_at, 1);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  pathway_model_set_int64 (G_OBJECT (self), &self->board_id, board_id, properties[PROP_BOARD_ID]);
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

  pathway_model_set_date (G_OBJECT (self), &self->date, date, properties[PROP_DATE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->location, location, properties[PROP_LOCATION]);
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

  pathway_model_set_string (G_OBJECT (self), &self->summary, summary, properties[PROP_SUMMARY]);
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

  pathway_model_set_string (G_OBJECT (self), &self->report_title, report_title, properties[PROP_REPORT_TITLE]);
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

  pathway_model_set_string (G_OBJECT (self), &self->report_by, report_by, properties[PROP_REPORT_BY]);
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

  pathway_model_set_string (G_OBJECT (self), &self->report_for, report_for, properties[PROP_REPORT_FOR]);
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

  pathway_model_set_string (G_OBJECT (self), &self->classification, classification, properties[PROP_CLASSIFICATION]);
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

  pathway_model_set_string (G_OBJECT (self), &self->recommendation, recommendation, properties[PROP_RECOMMENDATION]);
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

  pathway_model_set_string (G_OBJECT (self), &self->report_sections, report_sections, properties[PROP_REPORT_SECTIONS]);
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

  pathway_model_set_date (G_OBJECT (self), &self->as_at, as_at, properties[PROP_AS_AT]);
}
