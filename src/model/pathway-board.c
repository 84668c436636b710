/* pathway-board.c: a board and its meetings in date order. */
#define G_LOG_DOMAIN "pathway-model"

#include "pathway-board.h"
#include "pathway-meeting.h"
#include "pathway-person.h"
#include "pathway-model-private.h"
#include "pathway-record-private.h"

struct _PathwayBoard
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *name;
  PathwayPerson *chair;
  char *cadence;

  GListStore *meetings;
};

G_DEFINE_FINAL_TYPE (PathwayBoard, pathway_board, G_TYPE_OBJECT)

static const PathwayModelField fields[] = {
  { "id", PATHWAY_MODEL_INT64, G_STRUCT_OFFSET (PathwayBoard, id) },
  { "uuid", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayBoard, uuid) },
  { "name", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayBoard, name) },
  { "chair", PATHWAY_MODEL_OBJECT, G_STRUCT_OFFSET (PathwayBoard, chair),
    pathway_person_get_type },
  { "cadence", PATHWAY_MODEL_STRING, G_STRUCT_OFFSET (PathwayBoard, cadence) },
};

static void
pathway_board_finalize (GObject *object)
{
  PathwayBoard *self = (PathwayBoard *)object;

  g_clear_object (&self->meetings);

  pathway_model_finalize (object);
}

static void
pathway_board_class_init (PathwayBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  pathway_model_class_install (object_class, fields, G_N_ELEMENTS (fields));
  object_class->finalize = pathway_board_finalize;
}

static void
pathway_board_init (PathwayBoard *self)
{
  pathway_model_init_fields (G_OBJECT (self));
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

  pathway_model_set_int64 (G_OBJECT (self), &self->id, id);
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

  pathway_model_set_string (G_OBJECT (self), &self->name, name);
}

PathwayPerson *
pathway_board_get_chair (PathwayBoard *self)
{
  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);

  return self->chair;
}

void
pathway_board_set_chair (PathwayBoard  *self,
                         PathwayPerson *chair)
{
  g_return_if_fail (PATHWAY_IS_BOARD (self));
  g_return_if_fail (chair == NULL || PATHWAY_IS_PERSON (chair));

  pathway_model_set_object (G_OBJECT (self), &self->chair, chair);
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

  pathway_model_set_string (G_OBJECT (self), &self->cadence, cadence);
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

PathwayMeeting *
pathway_board_find_last_meeting (PathwayBoard *self,
                                 const GDate  *day)
{
  PathwayMeeting *last = NULL;
  guint n_meetings;

  g_return_val_if_fail (PATHWAY_IS_BOARD (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  /* Earliest first, undated last: the last dated one not after the day. */
  n_meetings = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n_meetings; i++)
    {
      PathwayMeeting *meeting = pathway_model_borrow_item (self->meetings, i);
      const GDate *date = pathway_meeting_get_date (meeting);

      if (date != NULL && g_date_valid (date) && g_date_compare (date, day) <= 0)
        last = meeting;
    }
  return last;
}
