/* pathway-remote-access.c: who may change what on a server, in PostgreSQL's dialect.
 *
 * Each database has its own group roles, named after it since roles are server-wide:
 * PREFIX_manager, PREFIX_lead, PREFIX_data_officer, PREFIX_reader, and PREFIX_owner, which owns
 * the tables and functions and which nobody signs in as. pathway_user maps each sign-in role
 * to a person of the programme and one of those four; the log's author is that person.
 *
 * Nobody has a table privilege beyond SELECT: writes go through pathway_apply(), which runs as
 * the owner. Every table has row-level security, forced so that the owner (and so the
 * function) is held by it too: anyone may read, and a row may be written only when
 * pathway_refusal() has no objection for the signed-in role (session_user, which a SECURITY
 * DEFINER function does not change). pathway_apply() asks the same function first, so a refusal
 * says why ("Only the leads of workstream B can change this"). A superuser bypasses row-level
 * security, as PostgreSQL has it; the set-up role (a member of PREFIX_owner) may change
 * anything, and its writes are logged like any made outside Pathway. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathway-remote-private.h"

/* "Pathway-Test 1" -> "pathway_test_1": what PostgreSQL keeps unquoted, at most 40 bytes so
 * that the longest role name fits in 63. */
char *
pathway_remote_role_prefix (const char *database)
{
  GString *prefix = g_string_new (NULL);

  for (const char *p = database; *p && prefix->len < 40; p++)
    g_string_append_c (prefix, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  if (prefix->len == 0 || g_ascii_isdigit (prefix->str[0]))
    g_string_prepend (prefix, "p_");
  return g_string_free (prefix, FALSE);
}

/* The people table of the server: a person and an access role for each sign-in role. */
static const char access_tables[] =
  "ALTER TABLE pathway_user ADD COLUMN person_id bigint,"
  "  ADD COLUMN role text NOT NULL DEFAULT 'reader'"
  "    CHECK (role IN ('manager', 'lead', 'data-officer', 'reader')),"
  "  ADD COLUMN removed boolean NOT NULL DEFAULT false;"
  "CREATE OR REPLACE FUNCTION pathway_author () RETURNS text LANGUAGE sql STABLE"
  "  SECURITY DEFINER SET search_path = public, pg_temp AS"
  "  $$ SELECT coalesce ((SELECT coalesce (p.name, u.person) FROM pathway_user u"
  "                       LEFT JOIN person p ON p.id = u.person_id"
  "                       WHERE u.login = session_user), session_user::text) $$;"

  /* The workstreams a person leads or is a member of. */
  "CREATE FUNCTION pathway_workstreams_of (who bigint) RETURNS SETOF bigint LANGUAGE sql STABLE"
  "  SECURITY DEFINER SET search_path = public, pg_temp AS"
  "  $$ SELECT id FROM workstream WHERE lead_id = who AND retired = 0"
  "     UNION SELECT workstream_id FROM member WHERE person_id = who AND retired = 0 $$;"

  /* NULL when the signed-in role may write the row r of table t, else why not. */
  "CREATE FUNCTION pathway_refusal (t text, r jsonb) RETURNS text LANGUAGE plpgsql STABLE"
  "  SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "DECLARE me pathway_user; ws bigint; code text;"
  "BEGIN"
  "  IF pg_has_role (session_user, (SELECT value FROM pathway_meta WHERE key = 'owner_role'),"
  "                  'MEMBER') THEN RETURN NULL; END IF;"
  "  SELECT * INTO me FROM pathway_user WHERE login = session_user AND NOT removed;"
  "  IF NOT FOUND THEN"
  "    RETURN 'You have no access to change this programme: ask its manager.';"
  "  END IF;"
  "  IF me.role = 'manager' THEN RETURN NULL; END IF;"
  "  IF me.role = 'reader' THEN"
  "    RETURN 'You can read this programme; only its managers, leads and data officers change it.';"
  "  END IF;"
  "  IF t IN ('change_log', 'import_layout') THEN RETURN NULL; END IF;"
  "  IF t = 'reading' THEN"
  "    IF me.role = 'data-officer' OR EXISTS (SELECT 1 FROM indicator i"
  "        WHERE i.id = (r->>'indicator_id')::bigint AND i.owner_id = me.person_id) THEN"
  "      RETURN NULL;"
  "    END IF;"
  "    RETURN 'Only the data officers and the indicator’s owner can change its readings.';"
  "  END IF;"
  "  IF me.role = 'data-officer' THEN"
  "    RETURN 'A data officer changes indicator readings only.';"
  "  END IF;"
  "  IF t IN ('action', 'risk') THEN"
  "    ws := (r->>'workstream_id')::bigint;"
  "    IF t = 'action' AND (r->>'lead_id')::bigint = me.person_id THEN RETURN NULL; END IF;"
  "  ELSIF t IN ('timescale_revision', 'evidence') THEN"
  "    SELECT a.workstream_id INTO ws FROM action a WHERE a.id = (r->>'action_id')::bigint;"
  "  ELSE"
  "    RETURN 'Only the programme’s managers can change this.';"
  "  END IF;"
  "  IF ws IN (SELECT pathway_workstreams_of (me.person_id)) THEN RETURN NULL; END IF;"
  "  SELECT w.code INTO code FROM workstream w WHERE w.id = ws;"
  "  IF code IS NULL THEN"
  "    RETURN 'Only the programme’s managers can change what belongs to no workstream.';"
  "  END IF;"
  "  RETURN format ('Only the leads of workstream %s can change this.', code);"
  "END $$;"

  /* Who may sign in as what: managers (and the set-up role) only. */
  "CREATE FUNCTION pathway_set_user (p_login name, p_person bigint, p_access text, p_gone boolean)"
  "  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "DECLARE g text; prefix text := (SELECT value FROM pathway_meta WHERE key = 'role_prefix');"
  "BEGIN"
  "  IF NOT pg_has_role (session_user, (SELECT value FROM pathway_meta WHERE key = 'owner_role'),"
  "                      'MEMBER')"
  "     AND NOT EXISTS (SELECT 1 FROM pathway_user WHERE login = session_user"
  "                     AND role = 'manager' AND NOT removed) THEN"
  "    RAISE EXCEPTION 'Only the programme’s managers can give or take access.'"
  "      USING ERRCODE = '42501';"
  "  END IF;"
  "  IF p_access NOT IN ('manager', 'lead', 'data-officer', 'reader') THEN"
  "    RAISE EXCEPTION 'role: say manager, lead, data-officer or reader.' USING ERRCODE = '22023';"
  "  END IF;"
  "  PERFORM set_config ('pathway.applying', 'on', true);"
  "  INSERT INTO pathway_user (login, person, person_id, role, removed)"
  "    VALUES (p_login, coalesce ((SELECT name FROM person WHERE id = p_person), ''), p_person,"
  "            p_access, p_gone)"
  "    ON CONFLICT (login) DO UPDATE SET person = excluded.person,"
  "      person_id = excluded.person_id, role = excluded.role, removed = excluded.removed;"
  /* The group that goes with the access, and no other of this programme's; the owner holds
   * each group with the admin option, so no right to create roles is needed. A role not yet
   * made (IT's to make) gets its group when it is. */
  "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN"
  "    FOR g IN SELECT unnest (ARRAY['manager', 'lead', 'data_officer', 'reader']) LOOP"
  "      IF NOT p_gone AND g = replace (p_access, '-', '_') THEN"
  "        EXECUTE format ('GRANT %I TO %I', prefix || '_' || g, p_login);"
  "      ELSIF pg_has_role (p_login, prefix || '_' || g, 'MEMBER') THEN"
  "        EXECUTE format ('REVOKE %I FROM %I', prefix || '_' || g, p_login);"
  "      END IF;"
  "    END LOOP;"
  "  END IF;"
  "END $$;";

/* What the set-up role runs once: the roles, the owner of everything, grants, policies. The
 * roles are made only when missing (IT may have made them). */
char *
pathway_remote_sql_access (const char *prefix, GPtrArray *tables)
{
  static const char *const groups[] = { "manager", "lead", "data_officer", "reader", NULL };
  GString *sql = g_string_new (access_tables);

  g_string_append (sql, "DO $$ BEGIN");
  g_string_append_printf (sql,
                          " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s_owner')"
                          " THEN CREATE ROLE %s_owner NOLOGIN; END IF;",
                          prefix, prefix);
  for (guint i = 0; groups[i]; i++)
    g_string_append_printf (sql,
                            " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s_%s')"
                            " THEN CREATE ROLE %s_%s NOLOGIN; END IF;",
                            prefix, groups[i], prefix, groups[i]);
  g_string_append (sql, " END $$;");
  /* The set-up role becomes a member of the owner, so it can hand everything over; the owner
   * may make things in the schema (which a table's new owner must), and each group may
   * connect to the database, whatever PUBLIC may. */
  g_string_append_printf (sql,
                          "GRANT %s_owner TO CURRENT_USER;"
                          "GRANT CREATE, USAGE ON SCHEMA public TO %s_owner;"
                          "DO $$ BEGIN EXECUTE format ('GRANT CONNECT ON DATABASE %%I TO %s_manager,"
                          " %s_lead, %s_data_officer, %s_reader', current_database ()); END $$;",
                          prefix, prefix, prefix, prefix, prefix, prefix);
  /* The owner gives and takes the groups (in pathway_set_user, for a manager). */
  for (guint i = 0; groups[i]; i++)
    g_string_append_printf (sql, "GRANT %s_%s TO %s_owner WITH ADMIN OPTION;", prefix,
                            groups[i], prefix);
  g_string_append_printf (sql,
                          "INSERT INTO pathway_meta VALUES ('owner_role', '%s_owner'),"
                          " ('role_prefix', '%s') ON CONFLICT (key) DO UPDATE"
                          " SET value = excluded.value;"
                          "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;"
                          "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;"
                          "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;"
                          "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
                          prefix, prefix);
  for (guint i = 0; groups[i]; i++)
    g_string_append_printf (sql,
                            "GRANT USAGE ON SCHEMA public TO %s_%s;"
                            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s_%s;"
                            "GRANT EXECUTE ON FUNCTION pathway_apply (jsonb, bigint),"
                            " pathway_reserve_ids (), pathway_author (),"
                            " pathway_refusal (text, jsonb), pathway_set_user (name, bigint, text,"
                            " boolean) TO %s_%s;",
                            prefix, groups[i], prefix, groups[i], prefix, groups[i]);
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);
      const char *t = table->name;

      g_string_append_printf (sql,
                              "ALTER TABLE %s OWNER TO %s_owner;"
                              "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;"
                              "ALTER TABLE %s FORCE ROW LEVEL SECURITY;"
                              "CREATE POLICY pathway_read ON %s FOR SELECT USING (true);"
                              "CREATE POLICY pathway_add ON %s FOR INSERT"
                              "  WITH CHECK (pathway_refusal ('%s', to_jsonb (%s)) IS NULL);"
                              "CREATE POLICY pathway_change ON %s FOR UPDATE"
                              "  USING (pathway_refusal ('%s', to_jsonb (%s)) IS NULL)"
                              "  WITH CHECK (pathway_refusal ('%s', to_jsonb (%s)) IS NULL);"
                              "CREATE POLICY pathway_remove ON %s FOR DELETE"
                              "  USING (pathway_refusal ('%s', to_jsonb (%s)) IS NULL);",
                              t, prefix, t, t, t, t, t, t, t, t, t, t, t, t, t, t);
    }
  /* What only the server keeps: read by all, written by its functions. */
  g_string_append_printf (sql,
                          "ALTER TABLE pathway_meta OWNER TO %s_owner;"
                          "ALTER TABLE pathway_table OWNER TO %s_owner;"
                          "ALTER TABLE pathway_user OWNER TO %s_owner;"
                          "ALTER TABLE pathway_commit OWNER TO %s_owner;"
                          "ALTER SEQUENCE pathway_commit_seq OWNER TO %s_owner;"
                          "ALTER SEQUENCE pathway_id_block OWNER TO %s_owner;",
                          prefix, prefix, prefix, prefix, prefix, prefix);
  g_string_append_printf (sql,
                          "DO $$ DECLARE f regprocedure; BEGIN"
                          " FOR f IN SELECT p.oid::regprocedure FROM pg_proc p"
                          "   JOIN pg_namespace n ON n.oid = p.pronamespace"
                          "   WHERE n.nspname = 'public' AND p.proname LIKE 'pathway\\_%%' LOOP"
                          "   EXECUTE format ('ALTER FUNCTION %%s OWNER TO %s_owner', f);"
                          " END LOOP; END $$;",
                          prefix);
  return g_string_free (sql, FALSE);
}

/* Users ---------------------------------------------------------------------------------------- */

static const char *const access_words[] = { NULL, "manager", "lead", "data-officer", "reader" };

const char *
pathway_access_to_string (PathwayAccess access)
{
  return access > PATHWAY_ACCESS_NONE && access <= PATHWAY_ACCESS_READER ? access_words[access]
                                                                         : "none";
}

PathwayAccess
pathway_access_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (access_words); i++)
    if (g_strcmp0 (text, access_words[i]) == 0 ||
        (i == PATHWAY_ACCESS_DATA_OFFICER && g_strcmp0 (text, "data_officer") == 0))
      return i;
  return PATHWAY_ACCESS_NONE;
}

void
pathway_server_user_free (PathwayServerUser *user)
{
  g_free (user->login);
  g_free (user->person);
  g_free (user);
}

static char *
group_role (PGconn *conn, PathwayAccess access)
{
  PGresult *result = PQexec (conn, "SELECT value FROM pathway_meta WHERE key = 'role_prefix'");
  char *name = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    {
      g_autofree char *word = g_strdup (pathway_access_to_string (access));

      g_strdelimit (word, "-", '_');
      name = g_strdup_printf ("%s_%s", PQgetvalue (result, 0, 0), word);
    }
  PQclear (result);
  return name;
}

static char *
quote_identifier (PGconn *conn, const char *name)
{
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

static gboolean
role_exists (PGconn *conn, const char *login)
{
  const char *values[] = { login };
  PGresult *result = PQexecParams (conn, "SELECT 1 FROM pg_roles WHERE rolname = $1", 1, NULL,
                                   values, NULL, NULL, 0);
  gboolean exists = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;

  PQclear (result);
  return exists;
}

/* Runs one statement the server may refuse for want of a right (42501): then it is added to
 * 'for_it', the SQL the server's administrator runs instead. */
static gboolean
exec_or_leave_to_it (PGconn *conn, const char *sql, GString *for_it, GError **error)
{
  PGresult *result = PQexec (conn, sql);
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok && state != NULL && g_str_equal (state, "42501"))
    {
      g_string_append_printf (for_it, "%s;\n", sql);
      ok = TRUE;
    }
  else if (!ok)
    pathway_remote_set_error (error, conn, result, _("giving access"));
  PQclear (result);
  return ok;
}

static gboolean
set_user_row (PGconn *conn, const char *login, gint64 person_id, PathwayAccess access,
              gboolean removed, GError **error)
{
  g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  const char *values[] = { login, person_id > 0 ? person : NULL, pathway_access_to_string (access),
                           removed ? "true" : "false" };
  PGresult *result = PQexecParams (conn, "SELECT pathway_set_user ($1, $2, $3, $4)", 4, NULL,
                                   values, NULL, NULL, 0);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    pathway_remote_set_error (error, conn, result, _("giving access"));
  PQclear (result);
  return ok;
}

gboolean
pathway_server_add_user (const char *uri, const char *password, const char *login,
                         const char *person, PathwayAccess access, char **sql_for_it,
                         GError **error)
{
  g_autoptr (PathwayDocument) document = NULL;
  g_autoptr (GString) for_it = g_string_new (NULL);
  PathwayPerson *found = NULL;
  PGconn *conn;
  GListModel *people;

  g_return_val_if_fail (login != NULL && person != NULL, FALSE);

  if (sql_for_it != NULL)
    *sql_for_it = NULL;
  if (access == PATHWAY_ACCESS_NONE)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("role: say manager, lead, data-officer or reader."));
      return FALSE;
    }
  if (*login == '\0' || strlen (login) > 63)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("login: a sign-in name of 1 to 63 characters is needed."));
      return FALSE;
    }
  /* The person, made when the programme has nobody of that name (with its log row). */
  document = pathway_document_open_remote (uri, password, PATHWAY_OPEN_DEFAULT, error);
  if (document == NULL)
    return FALSE;
  if (pathway_document_get_access (document) != PATHWAY_ACCESS_MANAGER)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_READ_ONLY,
                   _("Only the programme’s managers can give or take access."));
      return FALSE;
    }
  people = pathway_programme_get_people (pathway_document_get_programme (document));
  for (guint i = 0; i < g_list_model_get_n_items (people) && found == NULL; i++)
    {
      g_autoptr (PathwayPerson) candidate = g_list_model_get_item (people, i);

      if (g_utf8_collate (pathway_person_get_name (candidate), person) == 0)
        found = candidate;
    }
  if (found == NULL)
    {
      g_autoptr (PathwayPerson) draft = pathway_person_new ();

      pathway_person_set_name (draft, person);
      if (!pathway_document_add_person (document, draft, error))
        return FALSE;
      found = draft;
    }

  conn = pathway_remote_connect (uri, password, error);
  if (conn == NULL)
    return FALSE;
  if (!role_exists (conn, login))
    {
      g_autofree char *quoted = quote_identifier (conn, login);
      g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN", quoted);

      if (!exec_or_leave_to_it (conn, sql, for_it, error))
        goto fail;
      if (for_it->len > 0)
        {
          /* The role is IT's to make, and its group with it. */
          g_autofree char *group = group_role (conn, access);

          g_string_append_printf (for_it, "GRANT %s TO %s;\n", group, quoted);
        }
    }
  if (!set_user_row (conn, login, pathway_person_get_id (found), access, FALSE, error))
    goto fail;
  PQfinish (conn);
  if (sql_for_it != NULL && for_it->len > 0)
    *sql_for_it = g_strdup (for_it->str);
  return TRUE;

fail:
  PQfinish (conn);
  return FALSE;
}

static gboolean
find_user (PGconn *conn, const char *login, gint64 *person_id, GError **error)
{
  const char *values[] = { login };
  PGresult *result = PQexecParams (conn, "SELECT coalesce (person_id, 0) FROM pathway_user"
                                         " WHERE login = $1", 1, NULL, values, NULL, NULL, 0);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;

  if (ok)
    *person_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else if (PQresultStatus (result) == PGRES_TUPLES_OK)
    g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_NOT_FOUND,
                 _("login: “%s” has no access to this programme."), login);
  else
    pathway_remote_set_error (error, conn, result, _("reading who has access"));
  PQclear (result);
  return ok;
}

gboolean
pathway_server_set_user_access (const char *uri, const char *password, const char *login,
                                PathwayAccess access, char **sql_for_it, GError **error)
{
  g_autoptr (GString) for_it = g_string_new (NULL);
  PGconn *conn = pathway_remote_connect (uri, password, error);
  gint64 person_id = 0;
  gboolean ok;

  if (sql_for_it != NULL)
    *sql_for_it = NULL;
  if (conn == NULL)
    return FALSE;
  ok = find_user (conn, login, &person_id, error) &&
       set_user_row (conn, login, person_id, access, FALSE, error);
  PQfinish (conn);
  if (ok && sql_for_it != NULL && for_it->len > 0)
    *sql_for_it = g_strdup (for_it->str);
  return ok;
}

gboolean
pathway_server_remove_user (const char *uri, const char *password, const char *login,
                            char **sql_for_it, GError **error)
{
  g_autoptr (GString) for_it = g_string_new (NULL);
  PGconn *conn = pathway_remote_connect (uri, password, error);
  gint64 person_id = 0;
  gboolean ok;

  if (sql_for_it != NULL)
    *sql_for_it = NULL;
  if (conn == NULL)
    return FALSE;
  /* The person and every change they made stay; the role loses the groups and the row says
   * removed, which the policies read. */
  ok = find_user (conn, login, &person_id, error) &&
       set_user_row (conn, login, person_id, PATHWAY_ACCESS_READER, TRUE, error);
  PQfinish (conn);
  if (ok && sql_for_it != NULL && for_it->len > 0)
    *sql_for_it = g_strdup (for_it->str);
  return ok;
}

GPtrArray *
pathway_server_list_users (const char *uri, const char *password, GError **error)
{
  g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  pathway_server_user_free);
  PGconn *conn = pathway_remote_connect (uri, password, error);
  PGresult *result;

  if (conn == NULL)
    return NULL;
  result = PQexec (conn, "SELECT u.login, coalesce (p.name, u.person), u.role, u.removed,"
                         " EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = u.login"
                         "         AND r.rolcanlogin)"
                         " FROM pathway_user u LEFT JOIN person p ON p.id = u.person_id"
                         " ORDER BY u.removed, u.role, u.login");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      pathway_remote_set_error (error, conn, result, _("reading who has access"));
      PQclear (result);
      PQfinish (conn);
      return NULL;
    }
  for (int r = 0; r < PQntuples (result); r++)
    {
      PathwayServerUser *user = g_new0 (PathwayServerUser, 1);

      user->login = g_strdup (PQgetvalue (result, r, 0));
      user->person = g_strdup (PQgetvalue (result, r, 1));
      user->access = pathway_access_from_string (PQgetvalue (result, r, 2));
      user->removed = PQgetvalue (result, r, 3)[0] == 't';
      user->can_sign_in = PQgetvalue (result, r, 4)[0] == 't';
      g_ptr_array_add (users, user);
    }
  PQclear (result);
  PQfinish (conn);
  return g_steal_pointer (&users);
}

/* The same rules in this copy ----------------------------------------------------------------- */

static gboolean
is_theirs (PathwayProgramme *programme, PathwayWorkstream *workstream, gint64 me)
{
  GListModel *members;

  if (workstream == NULL || me <= 0)
    return FALSE;
  if (pathway_workstream_get_lead (workstream) != NULL &&
      pathway_person_get_id (pathway_workstream_get_lead (workstream)) == me)
    return TRUE;
  members = pathway_workstream_get_members (workstream);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr (PathwayMember) member = g_list_model_get_item (members, i);
      PathwayPerson *person = pathway_member_get_person (member);

      if (person != NULL && pathway_person_get_id (person) == me)
        return TRUE;
    }
  return FALSE;
}

static PathwayWorkstream *
workstream_of_action (PathwayProgramme *programme, gint64 action_id)
{
  PathwayAction *action = pathway_programme_find_record (programme, PATHWAY_TYPE_ACTION,
                                                         action_id);

  return action ? pathway_action_get_workstream (action) : NULL;
}

char *
pathway_remote_refusal (PathwayProgramme *programme, PathwayAccess access, gint64 me,
                        gpointer record)
{
  PathwayWorkstream *workstream = NULL;

  switch (access)
    {
    case PATHWAY_ACCESS_MANAGER:
      return NULL;
    case PATHWAY_ACCESS_READER:
      return g_strdup (_("You can read this programme; only its managers, leads and data "
                         "officers change it."));
    case PATHWAY_ACCESS_NONE:
      return g_strdup (_("You have no access to change this programme: ask its manager."));
    default:
      break;
    }
  if (PATHWAY_IS_READING (record) || PATHWAY_IS_INDICATOR (record))
    {
      PathwayIndicator *indicator = PATHWAY_IS_INDICATOR (record)
                                      ? record
                                      : pathway_programme_find_record (
                                          programme, PATHWAY_TYPE_INDICATOR,
                                          pathway_reading_get_indicator_id (record));
      PathwayPerson *owner = indicator ? pathway_indicator_get_owner (indicator) : NULL;

      if (PATHWAY_IS_READING (record) &&
          (access == PATHWAY_ACCESS_DATA_OFFICER ||
           (owner != NULL && pathway_person_get_id (owner) == me)))
        return NULL;
      if (PATHWAY_IS_READING (record))
        return g_strdup (_("Only the data officers and the indicator’s owner can change its "
                           "readings."));
    }
  if (access == PATHWAY_ACCESS_DATA_OFFICER)
    return g_strdup (_("A data officer changes indicator readings only."));
  if (PATHWAY_IS_ACTION (record))
    {
      PathwayPerson *lead = pathway_action_get_lead (record);

      if (lead != NULL && pathway_person_get_id (lead) == me)
        return NULL;
      workstream = pathway_action_get_workstream (record);
    }
  else if (PATHWAY_IS_RISK (record))
    workstream = pathway_risk_get_workstream (record);
  else if (PATHWAY_IS_EVIDENCE (record))
    workstream = workstream_of_action (programme, pathway_evidence_get_action_id (record));
  else if (PATHWAY_IS_TIMESCALE_REVISION (record))
    workstream = workstream_of_action (programme,
                                       pathway_timescale_revision_get_action_id (record));
  else
    return g_strdup (_("Only the programme’s managers can change this."));
  if (is_theirs (programme, workstream, me))
    return NULL;
  if (workstream == NULL)
    return g_strdup (_("Only the programme’s managers can change what belongs to no "
                       "workstream."));
  return g_strdup_printf (_("Only the leads of workstream %s can change this."),
                          pathway_workstream_get_code (workstream));
}
