/* pathway-board.c: a board and its meetings in date order. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-board.h"
#include "pathway-meeting.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayBoard
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *chair;
  char *cadence;

  GListStore *meetings;
};

G_DEFINE_FINAL_TYPE (PathwayBoard, pathway_board, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CHAIR,
  PROP_CADENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathway_board_finalize (GObject *object)
{
  PathwayBoard *self = (PathwayBoard *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->chair, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_object (&self->meetings);

  G_OBJECT_CLASS (pathway_board_parent_class)->finalize (object);
}

static void
pathway_board_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PathwayBoard *self = PATHWAY_BOARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CHAIR:
      g_value_set_string (value, self->chair);
      break;

    case PROP_CADENCE:
      g_value_set_string (value, self->cadence);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_board_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PathwayBoard *self = PATHWAY_BOARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      _pathway_board_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pathway_board_set_name (self, g_value_get_string (value));
      break;

    case PROP_CHAIR:
      pathway_board_set_chair (self, g_value_get_string (value));
      break;

    case PROP_CADENCE:
      pathway_board_set_cadence (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathway_board_class_init (PathwayBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_board_finalize;
  object_class->get_property = pathway_board_get_property;
  object_class->set_property = pathway_board_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHAIR] =
    g_param_spec_string ("chair", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CADENCE] =
    g_param_spec_string ("cadence", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathway_board_init (PathwayBoard *self)
{
  self->name = g_strdup ("");
  self->chair = g_strdup ("");
  self->cadence = g_strdup ("");
  self->meetings = g_list_store_new (PATHWAY_TYPE_MEETING);
}

PathwayBoard *
pathway_board_new (void)
{
  return g_object_new (PATHWAY_TYPE_BOARD, NULL);
}

gint64
pathway_board_get_id (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), 0);

  return self->id;
}

void
_pathway_board_set_id (PathwayBoard *self,
                      gint64        id)
{
  g_return_if_fail (PATHWAY_IS_BOARD (self));

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
pathway_board_get_name (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  return self->name;
}

void
pathway_board_set_name (PathwayBoard *self,
                        const char   *name)
{
  g_return_if_fail (PATHWAY_IS_BOARD (self));

  pathway_model_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

const char *
pathway_board_get_chair (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  return self->chair;
}

void
pathway_board_set_chair (PathwayBoard *self,
                         const char   *chair)
{
  g_return_if_fail (PATHWAY_IS_BOARD (self));

  pathway_model_set_string (G_OBJECT (self), &self->chair, chair, properties[PROP_CHAIR]);
}

const char *
pathway_board_get_cadence (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  return self->cadence;
}

void
pathway_board_set_cadence (PathwayBoard *self,
                           const char   *cadence)
{
  g_return_if_fail (PATHWAY_IS_BOARD (self));

  pathway_model_set_string (G_OBJECT (self), &self->cadence, cadence, properties[PROP_CADENCE]);
}

GListModel *
pathway_board_get_meetings (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->meetings);
}

void
pathway_board_add_meeting (PathwayBoard   *self,
                           PathwayMeeting *meeting)
{
  const GDate *date;
  guint n_meetings;
  guint position;

  g_return_if_fail (PATHWAY_IS_BOARD (self));
  g_return_if_fail (PATHWAY_IS_MEETING (meeting));

  date = pathway_meeting_get_date (meeting);
  n_meetings = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));

  /* After any meeting on the same day, so meetings added in order stay in that order. */
  for (position = 0; position < n_meetings; position++)
    {
      const GDate *other =
        pathway_meeting_get_date (pathway_model_borrow_item (self->meetings, position));

      if (date != NULL && (other == NULL || g_date_compare (date, other) < 0))
        break;
    }

  g_list_store_insert (self->meetings, position, meeting);
}

void
pathway_board_remove_meeting (PathwayBoard   *self,
                              PathwayMeeting *meeting)
{
  guint position;

  g_return_if_fail (PATHWAY_IS_BOARD (self));
  g_return_if_fail (PATHWAY_IS_MEETING (meeting));

  if (g_list_store_find (self->meetings, meeting, &position))
    g_list_store_remove (self->meetings, position);
}

PathwayMeeting *
pathway_board_find_meeting (PathwayBoard *self,
                            gint64        id)
{
  guint n_meetings;

  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  n_meetings = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n_meetings; i++)
    {
      PathwayMeeting *meeting = pathway_model_borrow_item (self->meetings, i);

      if (pathway_meeting_get_id (meeting) == id)
        return meeting;
    }

  return NULL;
}
