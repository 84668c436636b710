/* test-model.c: the model classes on their own: every property notifies once per change and
 * never for the same value, properties of a kind share one range and default, what a record
 * points to is let go with it, the derived values (overdue, slippage, share complete,
 * indicator direction) come out right, every record has an id and a uuid read the same way
 * whatever its kind, and the programme still finds the records it has retired. */
#include <math.h>
#include <string.h>
#include "pathway-model.h"
#include "pathway-record-private.h"

typedef struct { guint count; } Counter;

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  ((Counter *)user_data)->count++;
}

static void
make_value (GParamSpec *pspec, GValue *value)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, t);
  if (t == G_TYPE_INT64) g_value_set_int64 (value, 42);
  else if (t == G_TYPE_INT) g_value_set_int (value, 7);
  else if (t == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (t == G_TYPE_STRING) g_value_set_string (value, "some text");
  else if (t == G_TYPE_DOUBLE) g_value_set_double (value, 1.5);
  else if (G_TYPE_IS_ENUM (t))
    {
      GEnumClass *klass = g_type_class_ref (t);
      g_value_set_enum (value, klass->values[klass->n_values - 1].value);
      g_type_class_unref (klass);
    }
  else if (t == G_TYPE_DATE) g_value_take_boxed (value, g_date_new_dmy (1, 2, 2020));
  else if (t == G_TYPE_DATE_TIME) g_value_take_boxed (value, g_date_time_new_utc (2020, 2, 1, 10, 0, 0));
  else if (t == PATHWAY_TYPE_TIMESCALE)
    {
      g_autoptr(GDate) d = g_date_new_dmy (31, 12, 2018);
      g_value_take_boxed (value, pathway_timescale_new ("Dec 18", d, PATHWAY_PRECISION_MONTH));
    }
  else if (G_TYPE_IS_OBJECT (t))
    {
      static GHashTable *shared;
      GObject *o;
      if (!shared)
        shared = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
      /* same instance both times so the second set is "same value" */
      o = g_hash_table_lookup (shared, GSIZE_TO_POINTER (t));
      if (!o)
        g_hash_table_insert (shared, GSIZE_TO_POINTER (t), o = g_object_new (t, NULL));
      g_value_set_object (value, o);
    }
  else
    g_assert_not_reached ();
}

static void
check_class (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n);
  Counter counter = { 0 };

  g_assert_cmpuint (n, >, 1);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), &counter);

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) got = G_VALUE_INIT;

      g_assert_true (pspec->flags & G_PARAM_STATIC_STRINGS);
      if (!(pspec->flags & G_PARAM_WRITABLE))
        {
          g_value_init (&got, t);
          g_object_get_property (object, pspec->name, &got);
          g_assert_nonnull (g_value_get_object (&got));
          continue;
        }
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      /* Defaults: strings never NULL, dates/datetimes NULL, same-as-default set is silent. */
      g_value_init (&got, t);
      g_object_get_property (object, pspec->name, &got);
      if (t == G_TYPE_STRING)
        {
          g_assert_cmpstr (g_value_get_string (&got), !=, NULL);
          if (g_str_equal (g_value_get_string (&got), ""))
            {
              counter.count = 0;
              g_object_set (object, pspec->name, NULL, NULL);
              g_object_set (object, pspec->name, "", NULL);
              g_assert_cmpuint (counter.count, ==, 0);
            }
        }
      else if (t == G_TYPE_DATE || t == G_TYPE_DATE_TIME)
        {
          g_autoptr(GDate) invalid = g_date_new ();
          g_assert_null (g_value_get_boxed (&got));
          counter.count = 0;
          g_object_set (object, pspec->name, NULL, NULL);
          if (t == G_TYPE_DATE)
            g_object_set (object, pspec->name, invalid, NULL);
          g_assert_cmpuint (counter.count, ==, 0);
        }
      else if (t == PATHWAY_TYPE_TIMESCALE)
        {
          counter.count = 0;
          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (counter.count, ==, 0);
        }
      else if (t == G_TYPE_DOUBLE)
        {
          double d = g_value_get_double (&got);
          counter.count = 0;
          g_object_set (object, pspec->name, d, NULL);
          g_assert_cmpuint (counter.count, ==, 0);
        }
      g_value_unset (&got);

      make_value (pspec, &a);
      make_value (pspec, &b);

      counter.count = 0;
      g_object_set_property (object, pspec->name, &a);
      g_assert_cmpuint (counter.count, ==, 1);
      g_object_set_property (object, pspec->name, &b);
      g_assert_cmpuint (counter.count, ==, 1);

      g_value_init (&got, t);
      g_object_get_property (object, pspec->name, &got);
      if (t == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&got), ==, "some text");
      else if (t == G_TYPE_DATE)
        g_assert_cmpint (g_date_compare (g_value_get_boxed (&got), g_value_get_boxed (&a)), ==, 0);
      else if (t == G_TYPE_DATE_TIME)
        g_assert_true (g_date_time_equal (g_value_get_boxed (&got), g_value_get_boxed (&a)));
      else if (t == PATHWAY_TYPE_TIMESCALE)
        g_assert_true (pathway_timescale_equal (g_value_get_boxed (&got), g_value_get_boxed (&a)));
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &got, &a), ==, 0);

      /* Back to unset for nullable kinds notifies once. */
      if (t == G_TYPE_DATE || t == G_TYPE_DATE_TIME || G_TYPE_IS_OBJECT (t) ||
          t == PATHWAY_TYPE_TIMESCALE || t == G_TYPE_STRING)
        {
          counter.count = 0;
          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (counter.count, ==, 1);
          g_object_set (object, pspec->name, NULL, NULL);
          g_assert_cmpuint (counter.count, ==, 1);
        }
    }
}

static GType (* const model_types[]) (void) = {
  pathway_rating_scheme_get_type, pathway_programme_get_type, pathway_area_of_weakness_get_type,
  pathway_person_get_type, pathway_workstream_get_type, pathway_member_get_type,
  pathway_action_get_type, pathway_action_update_get_type, pathway_timescale_revision_get_type,
  pathway_evidence_get_type, pathway_indicator_get_type, pathway_reading_get_type,
  pathway_milestone_get_type, pathway_board_get_type, pathway_meeting_get_type,
  pathway_risk_get_type, pathway_coproduction_get_type, pathway_publication_get_type,
};

static void
test_properties (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    {
      g_test_message ("%s", g_type_name (model_types[i] ()));
      check_class (model_types[i] ());
    }
}

/* Every property of a kind has the same range and default, so the store can write and read
 * any of them the same way; only the values never given (NAN) need lax validation. */
static void
check_param_specs (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                   &n);

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const GValue *fallback = g_param_spec_get_default_value (pspec);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);
      g_assert_true (pspec->owner_type == type);

      if (G_IS_PARAM_SPEC_INT64 (pspec))
        {
          g_assert_cmpint (G_PARAM_SPEC_INT64 (pspec)->minimum, ==, 0);
          g_assert_cmpint (G_PARAM_SPEC_INT64 (pspec)->maximum, ==, G_MAXINT64);
          g_assert_cmpint (g_value_get_int64 (fallback), ==, 0);
        }
      else if (G_IS_PARAM_SPEC_INT (pspec))
        {
          g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, 0);
          g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->maximum, ==, G_MAXINT);
          /* The stale limit alone has a default of its own. */
          g_assert_cmpint (g_value_get_int (fallback), ==,
                           g_str_equal (pspec->name, "stale-days")
                             ? PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS : 0);
        }
      else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        {
          double value;

          g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->minimum, ==, -G_MAXDOUBLE);
          g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->maximum, ==, G_MAXDOUBLE);
          g_assert_cmpfloat (g_value_get_double (fallback), ==, 0);
          g_object_get (object, pspec->name, &value, NULL);
          if (isnan (value))
            flags |= G_PARAM_LAX_VALIDATION;
          else
            g_assert_cmpfloat (value, ==, 0);
        }
      else if (G_IS_PARAM_SPEC_STRING (pspec))
        g_assert_cmpstr (g_value_get_string (fallback), ==, "");
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          gboolean value;

          /* Only the switches that start on (the public version's ratings, a "you said, we
           * did" entry being public) default to TRUE; the object starts at the default. */
          g_assert_cmpint (g_value_get_boolean (fallback), ==,
                           g_str_equal (pspec->name, "public-ratings") ||
                           (g_str_equal (pspec->name, "public") &&
                            G_OBJECT_TYPE (object) == PATHWAY_TYPE_COPRODUCTION));
          g_object_get (object, pspec->name, &value, NULL);
          g_assert_cmpint (value, ==, g_value_get_boolean (fallback));
        }
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        g_assert_cmpint (g_value_get_enum (fallback), ==, 0);

      /* The programme's rating scheme is its own, made with it. */
      if (!(pspec->flags & G_PARAM_WRITABLE))
        flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
      g_assert_cmphex (pspec->flags, ==, flags);
    }
}

static void
test_param_specs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    check_param_specs (model_types[i] ());
}

/* What a record points to is let go when the record goes. */
static void
test_references_released (void)
{
  PathwayProgramme *programme = pathway_programme_new ();
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  PathwayPerson *lead = pathway_person_new ();
  PathwayAction *action = pathway_action_new ();
  PathwayWorkstream *workstream = pathway_workstream_new ();
  PathwayIndicator *indicator = pathway_indicator_new ();
  PathwayBoard *board = pathway_board_new ();
  PathwayMember *member = pathway_member_new ();

  g_object_add_weak_pointer (G_OBJECT (scheme), (gpointer *)&scheme);
  pathway_action_set_lead (action, lead);
  pathway_workstream_set_lead (workstream, lead);
  pathway_indicator_set_owner (indicator, lead);
  pathway_board_set_chair (board, lead);
  pathway_member_set_person (member, lead);
  g_assert_cmpuint (G_OBJECT (lead)->ref_count, ==, 6);

  g_object_unref (action);
  g_object_unref (workstream);
  g_object_unref (indicator);
  g_object_unref (board);
  g_object_unref (member);
  g_assert_cmpuint (G_OBJECT (lead)->ref_count, ==, 1);
  g_object_unref (lead);

  g_object_unref (programme);
  g_assert_null (scheme);
}

/* The record classes: each has "uuid" right after "id" in its table. */
static GType (* const record_types[]) (void) = {
  pathway_programme_get_type, pathway_area_of_weakness_get_type, pathway_person_get_type,
  pathway_workstream_get_type, pathway_member_get_type, pathway_action_get_type,
  pathway_timescale_revision_get_type, pathway_evidence_get_type, pathway_indicator_get_type,
  pathway_reading_get_type, pathway_milestone_get_type, pathway_board_get_type,
  pathway_meeting_get_type,
};

static void
test_record_uuid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      g_autoptr(GObject) record = g_object_new (record_types[i] (), NULL);
      GObjectClass *klass = G_OBJECT_GET_CLASS (record);
      GParamSpec *id = g_object_class_find_property (klass, "id");
      GParamSpec *uuid = g_object_class_find_property (klass, "uuid");
      g_autofree char *got = NULL;
      Counter counter = { 0 };

      g_test_message ("%s", g_type_name (record_types[i] ()));
      g_assert_nonnull (uuid);
      g_assert_true (G_IS_PARAM_SPEC_STRING (uuid));
      g_assert_cmpuint (id->param_id, ==, 1);
      g_assert_cmpuint (uuid->param_id, ==, 2);

      g_assert_cmpint (pathway_record_get_id (record), ==, 0);
      g_assert_cmpstr (pathway_record_get_uuid (record), ==, "");

      g_signal_connect (record, "notify::uuid", G_CALLBACK (on_notify), &counter);
      g_object_set (record, "uuid", "0b6e8f0a-4c1d-4e2f-9a3b-5c6d7e8f9a0b", NULL);
      g_assert_cmpstr (pathway_record_get_uuid (record), ==,
                       "0b6e8f0a-4c1d-4e2f-9a3b-5c6d7e8f9a0b");
      g_object_get (record, "uuid", &got, NULL);
      g_assert_cmpstr (got, ==, "0b6e8f0a-4c1d-4e2f-9a3b-5c6d7e8f9a0b");
      g_assert_cmpuint (counter.count, ==, 1);

      _pathway_record_set_uuid (record, "0b6e8f0a-4c1d-4e2f-9a3b-5c6d7e8f9a0b");
      g_assert_cmpuint (counter.count, ==, 1);
      _pathway_record_set_uuid (record, "1c7f9a1b-5d2e-4f30-8b4c-6d7e8f9a0b1c");
      g_assert_cmpuint (counter.count, ==, 2);
      g_assert_cmpstr (pathway_record_get_uuid (record), ==,
                       "1c7f9a1b-5d2e-4f30-8b4c-6d7e8f9a0b1c");
      _pathway_record_set_uuid (record, NULL);
      g_assert_cmpstr (pathway_record_get_uuid (record), ==, "");
      g_assert_cmpuint (counter.count, ==, 3);

      counter.count = 0;
      g_signal_connect (record, "notify::id", G_CALLBACK (on_notify), &counter);
      _pathway_record_set_id (record, 31);
      _pathway_record_set_id (record, 31);
      g_assert_cmpuint (counter.count, ==, 1);
      g_assert_cmpint (pathway_record_get_id (record), ==, 31);
      {
        gint64 value = 0;
        g_object_get (record, "id", &value, NULL);
        g_assert_cmpint (value, ==, 31);
      }
    }
}

/* The class getters and the generic reader agree; kinds without a uuid read as "". */
static void
test_record_accessors (void)
{
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  g_autoptr(PathwayMeeting) mt = pathway_meeting_new ();
  g_autoptr(PathwayActionUpdate) update = pathway_action_update_new ();
  g_autoptr(PathwayRatingScheme) scheme = pathway_rating_scheme_new ();
  g_autoptr(GObject) plain = g_object_new (G_TYPE_OBJECT, NULL);

  _pathway_action_set_id (action, 12);
  _pathway_person_set_id (person, 13);
  _pathway_meeting_set_id (mt, 14);
  g_assert_cmpint (pathway_record_get_id (action), ==, 12);
  g_assert_cmpint (pathway_record_get_id (person), ==, 13);
  g_assert_cmpint (pathway_record_get_id (mt), ==, 14);
  _pathway_record_set_id (action, 15);
  g_assert_cmpint (pathway_action_get_id (action), ==, 15);

  _pathway_record_set_uuid (person, "abc");
  g_assert_cmpstr (pathway_record_get_uuid (person), ==, "abc");
  g_assert_cmpstr (pathway_record_get_uuid (action), ==, "");

  /* An action update has an id but no uuid; the rating scheme likewise. */
  _pathway_action_update_set_id (update, 16);
  g_assert_cmpint (pathway_record_get_id (update), ==, 16);
  g_assert_cmpstr (pathway_record_get_uuid (update), ==, "");
  _pathway_rating_scheme_set_id (scheme, 17);
  g_assert_cmpint (pathway_record_get_id (scheme), ==, 17);
  g_assert_cmpstr (pathway_record_get_uuid (scheme), ==, "");
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (update), "uuid"));

  g_assert_cmpint (pathway_record_get_id (plain), ==, 0);
  g_assert_cmpstr (pathway_record_get_uuid (plain), ==, "");
  g_assert_cmpint (pathway_record_get_id (NULL), ==, 0);
  g_assert_cmpstr (pathway_record_get_uuid (NULL), ==, "");

  g_test_expect_message ("pathway-model", G_LOG_LEVEL_CRITICAL, "*field != NULL*");
  _pathway_record_set_uuid (update, "abc");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (pathway_record_get_uuid (update), ==, "");
}

static void
test_record_new_uuid (void)
{
  g_autofree char *first = pathway_record_new_uuid ();
  g_autofree char *second = pathway_record_new_uuid ();

  for (guint n = 0; n < 2; n++)
    {
      const char *uuid = n == 0 ? first : second;

      g_assert_cmpuint (strlen (uuid), ==, 36);
      for (guint i = 0; i < 36; i++)
        {
          if (i == 8 || i == 13 || i == 18 || i == 23)
            g_assert_cmpint (uuid[i], ==, '-');
          else
            g_assert_true (g_ascii_isxdigit (uuid[i]) && !g_ascii_isupper (uuid[i]));
        }
      /* Version 4, and the variant of RFC 4122 (8, 9, a or b). */
      g_assert_cmpint (uuid[14], ==, '4');
      g_assert_nonnull (strchr ("89ab", uuid[19]));
      g_assert_true (g_uuid_string_is_valid (uuid));
    }
  g_assert_cmpstr (first, !=, second);
}

/* A string field added for the change log: empty by default, read back by its getter, and
 * notified once per change through its setter. A macro, so getter and setter keep their types. */
#define assert_string_field(object, name, get, set)                                     \
  G_STMT_START                                                                          \
  {                                                                                     \
    Counter counter_ = { 0 };                                                           \
                                                                                        \
    g_assert_cmpstr (get (object), ==, "");                                             \
    g_signal_connect (object, "notify::" name, G_CALLBACK (on_notify), &counter_);      \
    set (object, "value");                                                              \
    set (object, "value");                                                              \
    g_assert_cmpuint (counter_.count, ==, 1);                                           \
    g_assert_cmpstr (get (object), ==, "value");                                        \
    set (object, NULL);                                                                 \
    g_assert_cmpstr (get (object), ==, "");                                             \
    g_assert_cmpuint (counter_.count, ==, 2);                                           \
    g_signal_handlers_disconnect_by_data (object, &counter_);                           \
  }                                                                                     \
  G_STMT_END

static void
test_new_fields (void)
{
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  g_autoptr(PathwayPerson) other = pathway_person_new ();
  g_autoptr(PathwayAction) action = pathway_action_new ();
  g_autoptr(PathwayIndicator) indicator = pathway_indicator_new ();
  g_autoptr(PathwayMeeting) mt = pathway_meeting_new ();
  g_autoptr(PathwayMember) member = pathway_member_new ();
  Counter owner = { 0 }, workstream_id = { 0 }, member_person = { 0 };

  assert_string_field (person, "email", pathway_person_get_email, pathway_person_set_email);
  assert_string_field (action, "recovery-plan", pathway_action_get_recovery_plan,
                       pathway_action_set_recovery_plan);
  assert_string_field (indicator, "source", pathway_indicator_get_source,
                       pathway_indicator_set_source);
  assert_string_field (mt, "time", pathway_meeting_get_time, pathway_meeting_set_time);
  assert_string_field (member, "role", pathway_member_get_role, pathway_member_set_role);

  g_assert_null (pathway_indicator_get_owner (indicator));
  g_signal_connect (indicator, "notify::owner", G_CALLBACK (on_notify), &owner);
  pathway_indicator_set_owner (indicator, person);
  pathway_indicator_set_owner (indicator, person);
  g_assert_cmpuint (owner.count, ==, 1);
  g_assert_true (pathway_indicator_get_owner (indicator) == person);
  pathway_indicator_set_owner (indicator, other);
  pathway_indicator_set_owner (indicator, NULL);
  g_assert_cmpuint (owner.count, ==, 3);
  g_assert_null (pathway_indicator_get_owner (indicator));

  g_assert_cmpint (pathway_member_get_workstream_id (member), ==, 0);
  g_signal_connect (member, "notify::workstream-id", G_CALLBACK (on_notify), &workstream_id);
  _pathway_member_set_workstream_id (member, 4);
  _pathway_member_set_workstream_id (member, 4);
  g_assert_cmpuint (workstream_id.count, ==, 1);
  g_assert_cmpint (pathway_member_get_workstream_id (member), ==, 4);

  g_assert_null (pathway_member_get_person (member));
  g_signal_connect (member, "notify::person", G_CALLBACK (on_notify), &member_person);
  pathway_member_set_person (member, person);
  _pathway_member_set_person (member, person);
  g_assert_cmpuint (member_person.count, ==, 1);
  g_assert_true (pathway_member_get_person (member) == person);
  _pathway_member_set_role (member, "Chair");
  g_assert_cmpstr (pathway_member_get_role (member), ==, "Chair");
}

static void
test_board_chair (void)
{
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(PathwayPerson) chair = pathway_person_new ();
  g_autoptr(PathwayPerson) got = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (board), "chair");
  Counter counter = { 0 };

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == PATHWAY_TYPE_PERSON);
  g_assert_null (pathway_board_get_chair (board));
  g_signal_connect (board, "notify::chair", G_CALLBACK (on_notify), &counter);
  pathway_person_set_name (chair, "Helen Ashworth");
  pathway_board_set_chair (board, chair);
  pathway_board_set_chair (board, chair);
  g_assert_cmpuint (counter.count, ==, 1);
  g_assert_true (pathway_board_get_chair (board) == chair);
  g_object_get (board, "chair", &got, NULL);
  g_assert_true (got == chair);
  pathway_board_set_chair (board, NULL);
  g_assert_cmpuint (counter.count, ==, 2);
  g_assert_null (pathway_board_get_chair (board));
}

static void
test_rating_scheme (void)
{
  g_autoptr(PathwayRatingScheme) s = pathway_rating_scheme_new ();
  Counter red = { 0 }, amber_def = { 0 }, all = { 0 };

  g_assert_cmpstr (pathway_rating_scheme_get_label (s, PATHWAY_RATING_NONE), ==, "Not rated");
  g_assert_cmpstr (pathway_rating_scheme_get_definition (s, PATHWAY_RATING_NONE), ==, "");
  g_assert_cmpstr (pathway_rating_scheme_get_red_label (s), ==, "Red");
  g_assert_cmpstr (pathway_rating_scheme_get_definition (s, PATHWAY_RATING_AMBER), ==,
                   "Not on track but can be recovered");
  g_assert_cmpstr (pathway_rating_scheme_get_green_definition (s), ==, "On track or complete");
  g_assert_cmpstr (pathway_rating_scheme_get_blue_label (s), ==, "Blue");
  g_assert_cmpstr (pathway_rating_scheme_get_blue_definition (s), ==, "Complete");
  g_assert_cmpstr (pathway_rating_scheme_get_red_definition (s), ==, "Not on track");

  g_signal_connect (s, "notify::red-label", G_CALLBACK (on_notify), &red);
  g_signal_connect (s, "notify::amber-definition", G_CALLBACK (on_notify), &amber_def);
  g_signal_connect (s, "notify", G_CALLBACK (on_notify), &all);

  _pathway_rating_scheme_set_label (s, PATHWAY_RATING_RED, "Off track");
  _pathway_rating_scheme_set_label (s, PATHWAY_RATING_RED, "Off track");
  g_assert_cmpuint (red.count, ==, 1);
  g_assert_cmpstr (pathway_rating_scheme_get_red_label (s), ==, "Off track");
  _pathway_rating_scheme_set_definition (s, PATHWAY_RATING_AMBER, "At risk");
  g_assert_cmpuint (amber_def.count, ==, 1);
  _pathway_rating_scheme_set_label (s, PATHWAY_RATING_NONE, "x");
  _pathway_rating_scheme_set_definition (s, PATHWAY_RATING_NONE, "x");
  g_assert_cmpuint (all.count, ==, 2);
  g_assert_cmpstr (pathway_rating_scheme_get_label (s, PATHWAY_RATING_NONE), ==, "Not rated");

  g_assert_true (pathway_rating_scheme_offers (s, PATHWAY_RATING_RED));
  g_assert_true (pathway_rating_scheme_offers (s, PATHWAY_RATING_AMBER));
  g_assert_true (pathway_rating_scheme_offers (s, PATHWAY_RATING_GREEN));
  g_assert_false (pathway_rating_scheme_offers (s, PATHWAY_RATING_BLUE));
  g_assert_false (pathway_rating_scheme_offers (s, PATHWAY_RATING_NONE));
  _pathway_rating_scheme_set_uses_blue (s, 2);
  g_assert_cmpuint (all.count, ==, 3);
  _pathway_rating_scheme_set_uses_blue (s, TRUE);
  g_assert_cmpuint (all.count, ==, 3);
  g_assert_true (pathway_rating_scheme_offers (s, PATHWAY_RATING_BLUE));

  g_object_set (s, "green-label", "G", "blue-definition", "Done", NULL);
  g_assert_cmpstr (pathway_rating_scheme_get_label (s, PATHWAY_RATING_GREEN), ==, "G");
  g_assert_cmpstr (pathway_rating_scheme_get_definition (s, PATHWAY_RATING_BLUE), ==, "Done");
  {
    g_autofree char *v = NULL;
    g_object_get (s, "amber-definition", &v, NULL);
    g_assert_cmpstr (v, ==, "At risk");
  }
}

static PathwayTimescale *
ts (const char *text, int d, int m, int y)
{
  g_autoptr(GDate) date = y ? g_date_new_dmy (d, m, y) : NULL;
  return pathway_timescale_new (text, date, y ? PATHWAY_PRECISION_DAY : PATHWAY_PRECISION_NONE);
}

static void
test_action (void)
{
  g_autoptr(PathwayAction) a = pathway_action_new ();
  g_autoptr(PathwayTimescale) orig = ts ("Dec 18", 31, 12, 2018);
  g_autoptr(PathwayTimescale) rev = ts ("Mar 19", 31, 3, 2019);
  g_autoptr(PathwayTimescale) early = ts ("Nov 18", 30, 11, 2018);
  g_autoptr(PathwayTimescale) ongoing = ts ("ongoing", 0, 0, 0);
  g_autoptr(GDate) jan19 = g_date_new_dmy (15, 1, 2019);
  g_autoptr(GDate) dec18 = g_date_new_dmy (1, 12, 2018);

  g_assert_nonnull (pathway_action_get_original_timescale (a));
  g_assert_cmpstr (pathway_action_get_original_timescale (a)->text, ==, "");
  g_assert_null (pathway_action_get_revised_timescale (a));
  g_assert_true (pathway_action_get_due_timescale (a) == pathway_action_get_original_timescale (a));
  g_assert_false (pathway_action_is_overdue (a, jan19));
  g_assert_cmpint (pathway_action_get_slippage_days (a), ==, 0);

  pathway_action_set_original_timescale (a, orig);
  g_assert_true (pathway_action_is_overdue (a, jan19));
  g_assert_false (pathway_action_is_overdue (a, dec18));
  pathway_action_set_revised_timescale (a, rev);
  g_assert_cmpstr (pathway_action_get_due_timescale (a)->text, ==, "Mar 19");
  g_assert_false (pathway_action_is_overdue (a, jan19));
  g_assert_cmpint (pathway_action_get_slippage_days (a), ==, 90);
  g_assert_true (pathway_action_has_slipped (a));
  pathway_action_set_revised_timescale (a, early);
  g_assert_cmpint (pathway_action_get_slippage_days (a), ==, -31);
  g_assert_false (pathway_action_has_slipped (a));
  g_assert_true (pathway_action_is_overdue (a, jan19));
  pathway_action_set_status (a, PATHWAY_STATUS_COMPLETE);
  g_assert_true (pathway_action_is_complete (a));
  g_assert_false (pathway_action_is_overdue (a, jan19));
  pathway_action_set_status (a, PATHWAY_STATUS_ON_TRACK);
  pathway_action_set_rating (a, PATHWAY_RATING_BLUE);
  g_assert_true (pathway_action_is_complete (a));
  pathway_action_set_rating (a, PATHWAY_RATING_RED);
  g_assert_false (pathway_action_is_complete (a));
  pathway_action_set_revised_timescale (a, ongoing);
  g_assert_false (pathway_action_is_overdue (a, jan19));
  g_assert_cmpint (pathway_action_get_slippage_days (a), ==, 0);
  pathway_action_set_revised_timescale (a, NULL);
  g_assert_true (pathway_action_is_overdue (a, jan19));
  pathway_action_set_original_timescale (a, NULL);
  g_assert_nonnull (pathway_action_get_original_timescale (a));
}

/* The words beside the rating agree with it: "Overdue" only beside red, amber or no rating;
 * beside green the date that passed; nothing for a complete action or one not yet due. */
static void
test_action_due_words (void)
{
  g_autoptr(PathwayAction) a = pathway_action_new ();
  g_autoptr(PathwayTimescale) due = ts ("Dec 25", 31, 12, 2025);
  g_autoptr(GDate) nov25 = g_date_new_dmy (18, 11, 2025);
  g_autoptr(GDate) jan26 = g_date_new_dmy (5, 1, 2026);
  g_autoptr(GDate) aug26 = g_date_new_dmy (31, 8, 2026);
  gboolean warning = TRUE;
  char *words;

  pathway_action_set_original_timescale (a, due);
  pathway_action_set_status (a, PATHWAY_STATUS_ON_TRACK);
  pathway_action_set_rating (a, PATHWAY_RATING_AMBER);
  g_assert_null (pathway_action_dup_due_words (a, nov25, &warning));
  g_assert_false (warning);

  words = pathway_action_dup_due_words (a, jan26, &warning);
  g_assert_cmpstr (words, ==, "Overdue by 5 days");
  g_assert_true (warning);
  g_free (words);
  pathway_action_set_rating (a, PATHWAY_RATING_RED);
  words = pathway_action_dup_due_words (a, aug26, &warning);
  g_assert_cmpstr (words, ==, "Overdue by 8 months");
  g_assert_true (warning);
  g_free (words);

  pathway_action_set_rating (a, PATHWAY_RATING_GREEN);
  words = pathway_action_dup_due_words (a, aug26, &warning);
  g_assert_cmpstr (words, ==, "Due 31 December 2025, not complete");
  g_assert_false (warning);
  g_free (words);

  pathway_action_set_rating (a, PATHWAY_RATING_BLUE);
  g_assert_null (pathway_action_dup_due_words (a, aug26, NULL));
  pathway_action_set_rating (a, PATHWAY_RATING_GREEN);
  pathway_action_set_status (a, PATHWAY_STATUS_COMPLETE);
  warning = TRUE;
  g_assert_null (pathway_action_dup_due_words (a, aug26, &warning));
  g_assert_false (warning);
}

static void
test_indicator (void)
{
  g_autoptr(PathwayIndicator) i = pathway_indicator_new ();

  g_assert_true (isnan (pathway_indicator_get_baseline_value (i)));
  g_assert_true (isnan (pathway_indicator_get_target_value (i)));
  g_assert_true (isnan (pathway_indicator_get_comparator_value (i)));
  g_assert_false (pathway_indicator_has_target (i));
  g_assert_false (pathway_indicator_meets_target (i, 0));
  g_assert_true (pathway_indicator_is_better (i, 10, 20));
  g_assert_false (pathway_indicator_is_better (i, 20, 20));
  pathway_indicator_set_target_value (i, 0);
  g_assert_true (pathway_indicator_has_target (i));
  g_assert_true (pathway_indicator_meets_target (i, 0));
  g_assert_false (pathway_indicator_meets_target (i, 1));
  pathway_indicator_set_target_value (i, 18);
  pathway_indicator_set_direction (i, PATHWAY_DIRECTION_HIGHER_IS_BETTER);
  g_assert_true (pathway_indicator_is_better (i, 30, 20));
  g_assert_true (pathway_indicator_meets_target (i, 18));
  g_assert_true (pathway_indicator_meets_target (i, 19));
  g_assert_false (pathway_indicator_meets_target (i, 17));
  pathway_indicator_set_target_value (i, NAN);
  g_assert_false (pathway_indicator_has_target (i));
  g_object_set (i, "target-value", 20.0, NULL);
  g_assert_true (pathway_indicator_has_target (i));
  g_object_set (i, "target-value", NAN, NULL);
  g_assert_false (pathway_indicator_has_target (i));
}

static PathwayMeeting *
meeting (gint64 id, int d, int m, int y)
{
  PathwayMeeting *mt = pathway_meeting_new ();
  _pathway_meeting_set_id (mt, id);
  if (y)
    {
      g_autoptr(GDate) date = g_date_new_dmy (d, m, y);
      pathway_meeting_set_date (mt, date);
    }
  return mt;
}

static void
test_board (void)
{
  g_autoptr(PathwayBoard) b = pathway_board_new ();
  g_autoptr(PathwayMeeting) m1 = meeting (1, 10, 3, 2020);
  g_autoptr(PathwayMeeting) m2 = meeting (2, 0, 0, 0);
  g_autoptr(PathwayMeeting) m3 = meeting (3, 10, 1, 2020);
  g_autoptr(PathwayMeeting) m4 = meeting (4, 10, 3, 2020);
  g_autoptr(PathwayMeeting) m5 = meeting (5, 0, 0, 0);
  g_autoptr(PathwayMeeting) m6 = meeting (6, 1, 6, 2020);
  GListModel *list = pathway_board_get_meetings (b);
  gint64 want[] = { 3, 1, 4, 6, 2, 5 };

  pathway_board_add_meeting (b, m1);
  pathway_board_add_meeting (b, m2);
  pathway_board_add_meeting (b, m3);
  pathway_board_add_meeting (b, m4);
  pathway_board_add_meeting (b, m5);
  pathway_board_add_meeting (b, m6);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(PathwayMeeting) m = g_list_model_get_item (list, i);
      g_assert_cmpint (pathway_meeting_get_id (m), ==, want[i]);
    }
  g_assert_true (pathway_board_find_meeting (b, 4) == m4);
  g_assert_null (pathway_board_find_meeting (b, 99));
  pathway_board_remove_meeting (b, m4);
  g_assert_null (pathway_board_find_meeting (b, 4));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
}

static void
test_workstream (void)
{
  g_autoptr(PathwayWorkstream) w = pathway_workstream_new ();
  g_autoptr(PathwayMember) m = pathway_member_new ();
  g_autoptr(PathwayAreaOfWeakness) a = pathway_area_of_weakness_new ();

  pathway_workstream_add_member (w, m);
  pathway_workstream_add_member (w, m);
  pathway_workstream_add_area (w, a);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (w)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_areas (w)), ==, 1);
  pathway_workstream_remove_member (w, m);
  pathway_workstream_remove_area (w, a);
  pathway_workstream_remove_area (w, a);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_members (w)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_workstream_get_areas (w)), ==, 0);
}

static PathwayAction *
add_action (PathwayProgramme *p, gint64 id, const char *ref, PathwayWorkstream *w,
            PathwayRating rating, PathwayStatus status, int due_day)
{
  g_autoptr(PathwayAction) a = pathway_action_new ();
  g_autoptr(PathwayTimescale) t = ts ("x", due_day, 1, 2019);

  _pathway_action_set_id (a, id);
  pathway_action_set_reference (a, ref);
  pathway_action_set_workstream (a, w);
  pathway_action_set_rating (a, rating);
  pathway_action_set_status (a, status);
  pathway_action_set_original_timescale (a, t);
  pathway_programme_add_action (p, a);
  return a;
}

static void
test_programme (void)
{
  g_autoptr(PathwayProgramme) p = pathway_programme_new ();
  g_autoptr(PathwayWorkstream) wa = pathway_workstream_new ();
  g_autoptr(PathwayWorkstream) wb = pathway_workstream_new ();
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  g_autoptr(PathwayAreaOfWeakness) area = pathway_area_of_weakness_new ();
  g_autoptr(PathwayIndicator) ind = pathway_indicator_new ();
  g_autoptr(PathwayBoard) board1 = pathway_board_new ();
  g_autoptr(PathwayBoard) board2 = pathway_board_new ();
  g_autoptr(PathwayMeeting) mt = meeting (77, 1, 1, 2020);
  g_autoptr(GDate) today = g_date_new_dmy (15, 1, 2019);
  PathwayAction *a1, *a2, *a3, *a4, *a5;
  guint counts[PATHWAY_N_RATINGS];

  g_assert_nonnull (pathway_programme_get_rating_scheme (p));
  _pathway_workstream_set_id (wa, 1);
  pathway_workstream_set_code (wa, "A");
  _pathway_workstream_set_id (wb, 2);
  pathway_workstream_set_code (wb, "B");
  pathway_programme_add_workstream (p, wa);
  pathway_programme_add_workstream (p, wb);
  _pathway_person_set_id (person, 5);
  pathway_person_set_name (person, "Jo Bloggs");
  pathway_programme_add_person (p, person);
  _pathway_area_of_weakness_set_id (area, 9);
  pathway_programme_add_area (p, area);
  _pathway_indicator_set_id (ind, 3);
  pathway_programme_add_indicator (p, ind);
  _pathway_board_set_id (board1, 1);
  _pathway_board_set_id (board2, 2);
  pathway_board_add_meeting (board2, mt);
  pathway_programme_add_board (p, board1);
  pathway_programme_add_board (p, board2);

  a1 = add_action (p, 101, "1A", wa, PATHWAY_RATING_RED, PATHWAY_STATUS_DELAYED, 10);
  a2 = add_action (p, 102, "1B", wa, PATHWAY_RATING_GREEN, PATHWAY_STATUS_COMPLETE, 10);
  a3 = add_action (p, 103, "2A", wb, PATHWAY_RATING_AMBER, PATHWAY_STATUS_ON_TRACK, 20);
  a4 = add_action (p, 104, "2B", wb, PATHWAY_RATING_BLUE, PATHWAY_STATUS_ON_TRACK, 1);
  a5 = add_action (p, 105, "1A", wa, PATHWAY_RATING_RED, PATHWAY_STATUS_DELAYED, 1);
  _pathway_action_set_deleted (a5, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (p)), ==, 5);

  g_assert_true (pathway_programme_find_action (p, 103) == a3);
  g_assert_null (pathway_programme_find_action (p, 0));
  g_assert_null (pathway_programme_find_action (p, 999));
  g_assert_true (pathway_programme_find_workstream (p, 2) == wb);
  g_assert_true (pathway_programme_find_person (p, 5) == person);
  g_assert_true (pathway_programme_find_area (p, 9) == area);
  g_assert_true (pathway_programme_find_indicator (p, 3) == ind);
  g_assert_true (pathway_programme_find_board (p, 2) == board2);
  g_assert_true (pathway_programme_find_meeting (p, 77) == mt);
  g_assert_null (pathway_programme_find_meeting (p, 78));
  g_assert_true (pathway_programme_find_action_by_reference (p, "1A") == a1);
  g_assert_null (pathway_programme_find_action_by_reference (p, "9Z"));
  g_assert_null (pathway_programme_find_action_by_reference (p, NULL));
  g_assert_true (pathway_programme_find_person_by_name (p, "Jo Bloggs") == person);
  g_assert_null (pathway_programme_find_person_by_name (p, "jo bloggs"));
  g_assert_true (pathway_programme_find_workstream_by_code (p, "B") == wb);

  pathway_programme_count_ratings (p, NULL, counts);
  g_assert_cmpuint (counts[PATHWAY_RATING_NONE], ==, 0);
  g_assert_cmpuint (counts[PATHWAY_RATING_RED], ==, 1);
  g_assert_cmpuint (counts[PATHWAY_RATING_AMBER], ==, 1);
  g_assert_cmpuint (counts[PATHWAY_RATING_GREEN], ==, 1);
  g_assert_cmpuint (counts[PATHWAY_RATING_BLUE], ==, 1);
  pathway_programme_count_ratings (p, wa, counts);
  g_assert_cmpuint (counts[PATHWAY_RATING_RED], ==, 1);
  g_assert_cmpuint (counts[PATHWAY_RATING_GREEN], ==, 1);
  g_assert_cmpuint (counts[PATHWAY_RATING_AMBER], ==, 0);
  g_assert_cmpuint (pathway_programme_count_overdue (p, NULL, today), ==, 1);
  g_assert_cmpuint (pathway_programme_count_overdue (p, wb, today), ==, 0);
  g_assert_cmpuint (pathway_programme_count_complete (p, NULL), ==, 2);
  g_assert_cmpuint (pathway_programme_count_complete (p, wb), ==, 1);
  g_assert_cmpfloat (pathway_programme_get_share_complete (p, NULL), ==, 0.5);
  g_assert_cmpfloat (pathway_programme_get_share_complete (p, wa), ==, 0.5);

  _pathway_action_set_deleted (a1, TRUE);
  g_assert_true (pathway_programme_find_action_by_reference (p, "1A") == a1);
  g_object_ref (a1);
  pathway_programme_remove_action (p, a1);
  g_assert_null (pathway_programme_find_action (p, 101));
  g_assert_true (pathway_programme_find_action_by_reference (p, "1A") == a5);
  pathway_programme_remove_action (p, a1);
  g_object_unref (a1);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_actions (p)), ==, 4);
  g_assert_true (pathway_programme_find_action (p, 102) == a2);
  g_assert_true (pathway_programme_find_action (p, 104) == a4);

  {
    g_autoptr(PathwayProgramme) empty = pathway_programme_new ();
    g_assert_cmpfloat (pathway_programme_get_share_complete (empty, NULL), ==, 0);
    pathway_programme_count_ratings (empty, NULL, counts);
    g_assert_cmpuint (counts[PATHWAY_RATING_RED], ==, 0);
  }
}

/* Every kind the programme holds, found by type and id while live; removed, it is gone from
 * the lists and the lookups; retired, it is found again by type and id, and only by those. */
static void
test_programme_records (void)
{
  g_autoptr(PathwayProgramme) p = pathway_programme_new ();
  g_autoptr(PathwayAreaOfWeakness) area = pathway_area_of_weakness_new ();
  g_autoptr(PathwayPerson) person = pathway_person_new ();
  g_autoptr(PathwayWorkstream) workstream = pathway_workstream_new ();
  g_autoptr(PathwayMember) member = pathway_member_new ();
  g_autoptr(PathwayIndicator) indicator = pathway_indicator_new ();
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(PathwayMeeting) mt = meeting (8, 1, 2, 2020);
  g_autoptr(PathwayReading) reading = pathway_reading_new ();
  g_autoptr(PathwayAction) stale = pathway_action_new ();
  PathwayAction *action;

  _pathway_programme_set_id (p, 1);
  _pathway_area_of_weakness_set_id (area, 2);
  pathway_programme_add_area (p, area);
  _pathway_person_set_id (person, 3);
  pathway_programme_add_person (p, person);
  _pathway_workstream_set_id (workstream, 4);
  _pathway_member_set_id (member, 5);
  pathway_workstream_add_member (workstream, member);
  pathway_programme_add_workstream (p, workstream);
  _pathway_indicator_set_id (indicator, 6);
  pathway_programme_add_indicator (p, indicator);
  _pathway_board_set_id (board, 7);
  pathway_board_add_meeting (board, mt);
  pathway_programme_add_board (p, board);
  action = add_action (p, 9, "1A", workstream, PATHWAY_RATING_RED, PATHWAY_STATUS_DELAYED, 1);
  _pathway_reading_set_id (reading, 10);

  g_assert_true (pathway_workstream_find_member (workstream, 5) == member);
  g_assert_null (pathway_workstream_find_member (workstream, 6));

  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_PROGRAMME, 1) == p);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_AREA_OF_WEAKNESS, 2) == area);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 3) == person);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_WORKSTREAM, 4) == workstream);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_MEMBER, 5) == member);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_INDICATOR, 6) == indicator);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_BOARD, 7) == board);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_MEETING, 8) == mt);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_ACTION, 9) == action);
  /* Ids are per kind; unknown ids, id 0 and kinds the programme does not hold are not found. */
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 2));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_PROGRAMME, 2));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_ACTION, 99));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_MEETING, 99));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_MEMBER, 99));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_READING, 10));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_RATING_SCHEME, 0));
  g_assert_null (pathway_programme_find_record (p, G_TYPE_OBJECT, 3));
  g_assert_false (pathway_programme_is_retired (p, person));

  pathway_programme_remove_area (p, area);
  pathway_programme_remove_person (p, person);
  pathway_programme_remove_workstream (p, workstream);
  pathway_programme_remove_indicator (p, indicator);
  pathway_programme_remove_board (p, board);
  pathway_programme_remove_board (p, board);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_areas (p)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (p)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_workstreams (p)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_indicators (p)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_boards (p)), ==, 0);
  g_assert_null (pathway_programme_find_area (p, 2));
  g_assert_null (pathway_programme_find_person (p, 3));
  g_assert_null (pathway_programme_find_workstream (p, 4));
  g_assert_null (pathway_programme_find_indicator (p, 6));
  g_assert_null (pathway_programme_find_board (p, 7));
  g_assert_null (pathway_programme_find_meeting (p, 8));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 3));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_MEMBER, 5));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_MEETING, 8));

  _pathway_programme_add_retired (p, area);
  _pathway_programme_add_retired (p, person);
  _pathway_programme_add_retired (p, member);
  _pathway_programme_add_retired (p, board);
  _pathway_programme_add_retired (p, mt);
  _pathway_programme_add_retired (p, reading);
  g_assert_true (pathway_programme_is_retired (p, person));
  g_assert_true (pathway_programme_is_retired (p, reading));
  g_assert_false (pathway_programme_is_retired (p, indicator));
  g_assert_false (pathway_programme_is_retired (p, action));
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_AREA_OF_WEAKNESS, 2) == area);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 3) == person);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_MEMBER, 5) == member);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_BOARD, 7) == board);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_MEETING, 8) == mt);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_READING, 10) == reading);
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_INDICATOR, 6));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_READING, 3));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_EVIDENCE, 10));
  /* Retired records stay out of the lists and the kind's own lookups. */
  g_assert_cmpuint (g_list_model_get_n_items (pathway_programme_get_people (p)), ==, 0);
  g_assert_null (pathway_programme_find_person (p, 3));

  /* A live record wins over a retired one of the same type and id. */
  _pathway_action_set_id (stale, 9);
  _pathway_programme_add_retired (p, stale);
  g_assert_true (pathway_programme_is_retired (p, action));
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_ACTION, 9) == action);
  pathway_programme_remove_action (p, action);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_ACTION, 9) == stale);

  /* Brought back: out of the set and into the lists again. */
  _pathway_programme_remove_retired (p, person);
  g_assert_false (pathway_programme_is_retired (p, person));
  g_assert_null (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 3));
  pathway_programme_add_person (p, person);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_PERSON, 3) == person);
  _pathway_programme_remove_retired (p, person);
  g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_READING, 10) == reading);

  /* The set keeps what it holds alive. */
  {
    PathwayEvidence *evidence = pathway_evidence_new ();

    _pathway_evidence_set_id (evidence, 11);
    _pathway_programme_add_retired (p, evidence);
    g_object_unref (evidence);
    g_assert_true (pathway_programme_find_record (p, PATHWAY_TYPE_EVIDENCE, 11) == evidence);
    g_assert_cmpint (pathway_evidence_get_id (evidence), ==, 11);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/properties/notify-once-per-change", test_properties);
  g_test_add_func ("/model/properties/ranges-and-defaults", test_param_specs);
  g_test_add_func ("/model/properties/references-released", test_references_released);
  g_test_add_func ("/model/rating-scheme", test_rating_scheme);
  g_test_add_func ("/model/action/derived", test_action);
  g_test_add_func ("/model/action/due-words-agree-with-rating", test_action_due_words);
  g_test_add_func ("/model/indicator", test_indicator);
  g_test_add_func ("/model/board/meetings-in-date-order", test_board);
  g_test_add_func ("/model/workstream/lists", test_workstream);
  g_test_add_func ("/model/programme/lookups-and-summaries", test_programme);
  g_test_add_func ("/model/programme/retired-records-found-by-id", test_programme_records);
  g_test_add_func ("/model/record/uuid-after-id-on-every-record", test_record_uuid);
  g_test_add_func ("/model/record/id-and-uuid-of-any-kind", test_record_accessors);
  g_test_add_func ("/model/record/new-uuid-is-random-version-4", test_record_new_uuid);
  g_test_add_func ("/model/fields/change-log-fields", test_new_fields);
  g_test_add_func ("/model/board/chair-is-a-person", test_board_chair);
  return g_test_run ();
}
