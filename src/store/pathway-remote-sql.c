/* pathway-remote-sql.c: everything that is PostgreSQL's own dialect, in one place.
 *
 * The server's tables are made from the replica's (the file's schema, read back with
 * PRAGMA table_info), so the two never differ in a column: INTEGER becomes bigint, REAL
 * double precision, TEXT text, with the same defaults and keys. Beside them the server keeps
 * what only it needs: its schema version, which table holds which kind of record, who each
 * sign-in role is, and the commits in the order they were made.
 *
 * Clients write only through pathway_apply(), a SECURITY DEFINER function: it takes the
 * advisory lock every writer takes (so commit numbers follow commit order), checks that each
 * value a client writes over is still the one it read (else raises PW409 naming the last
 * change since the client's last commit seen), requires a change-log row for every record it
 * changes, writes the log rows with the signed-in role's person as author, stores the commit's
 * rows and NOTIFYs "pathway". A trigger on every table logs any write made outside it (the
 * tables' owner in psql, say), so nothing changes without a row in the log. */
#define G_LOG_DOMAIN "pathway-store"

#include <glib/gi18n-lib.h>

#include "pathway-remote-private.h"

/* What the server keeps beside the programme's tables. */
static const char server_tables_first[] =
  "CREATE TABLE pathway_meta (key text PRIMARY KEY, value text NOT NULL);"
  "CREATE TABLE pathway_table (name text PRIMARY KEY, pk text[] NOT NULL, kind text);";

static const char server_tables[] =
  "CREATE TABLE pathway_user (login name PRIMARY KEY, person text NOT NULL);"
  "CREATE TABLE pathway_commit ("
  "  seq bigint PRIMARY KEY,"
  "  at timestamptz NOT NULL DEFAULT clock_timestamp(),"
  "  login name NOT NULL DEFAULT session_user,"
  "  author text NOT NULL,"
  "  rows jsonb NOT NULL);"
  "CREATE SEQUENCE pathway_commit_seq;"
  /* Each write transaction takes the next block of 2^20 record ids. */
  "CREATE SEQUENCE pathway_id_block;"
  "ALTER TABLE change_log ADD COLUMN commit_seq bigint;"
  "CREATE INDEX change_log_by_commit ON change_log (kind, record_id, commit_seq);";

static const char server_functions[] =
  /* The person a sign-in role is; the role's own name until someone says. */
  "CREATE FUNCTION pathway_author () RETURNS text LANGUAGE sql STABLE SECURITY DEFINER"
  "  SET search_path = public, pg_temp AS"
  "  $$ SELECT coalesce ((SELECT person FROM pathway_user WHERE login = session_user),"
  "                      session_user::text) $$;"

  "CREATE FUNCTION pathway_reserve_ids () RETURNS bigint LANGUAGE sql SECURITY DEFINER"
  "  SET search_path = public, pg_temp AS"
  "  $$ SELECT nextval ('pathway_id_block') * 1048576 $$;"

  /* WHERE text matching a row to the key values in k (a record of the table). */
  "CREATE FUNCTION pathway_key_match (pk text[]) RETURNS text LANGUAGE sql IMMUTABLE AS"
  "  $$ SELECT string_agg (format ('x.%I = k.%I', p, p), ' AND ') FROM unnest (pk) p $$;"

  /* Raises the conflict: the newest change to the record after the client's last commit
   * seen (its kind, id, author, moment, field, property, new value), or that the record is
   * gone. Rows beside the records are logged as their record's changes: the rating scheme's
   * words as the programme's, a workstream's areas as the workstream's. */
  "CREATE FUNCTION pathway_conflict (tname text, kind_name text, key jsonb, seen bigint,"
  "                                  cols text[] DEFAULT NULL)"
  "  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "DECLARE lg record; log_kind text := kind_name; rid bigint; prop text;"
  "BEGIN"
  "  IF tname = 'rating_scheme' THEN"
  "    log_kind := 'programme'; rid := 1;"
  "    prop := CASE WHEN key->>'rating' = 'blue' THEN 'uses-blue' END;"
  "  ELSIF tname = 'workstream_area' THEN"
  "    log_kind := 'workstream'; rid := (key->>'workstream_id')::bigint; prop := 'areas';"
  "  ELSE"
  "    rid := (key->>'id')::bigint;"
  "  END IF;"
  "  SELECT author, at, field, property, to_value INTO lg FROM change_log"
  "    WHERE kind = log_kind AND record_id = rid AND coalesce (commit_seq, 0) > seen"
  "      AND (tname <> 'rating_scheme' OR property = prop"
  "           OR property LIKE (key->>'rating') || '-%')"
  "      AND (tname <> 'workstream_area' OR property = prop)"
  /* The newest change of a column whose value no longer stands comes first: the change
   * that is in the way, not merely the newest. */
  "    ORDER BY (cols IS NOT NULL AND CASE field WHEN 1 THEN 'rating' = ANY (cols)"
  "                WHEN 2 THEN 'status' = ANY (cols) WHEN 4 THEN 'commentary' = ANY (cols)"
  "                ELSE replace (property, '-', '_') = ANY (cols)"
  "                  OR replace (property, '-', '_') || '_id' = ANY (cols) END) DESC NULLS LAST,"
  "             commit_seq DESC NULLS LAST, id DESC LIMIT 1;"
  "  RAISE EXCEPTION 'pathway-conflict' USING ERRCODE = 'PW409',"
  "    DETAIL = concat_ws (chr (31), coalesce (log_kind, tname), coalesce (rid::text, ''),"
  "                        coalesce (lg.author, ''), coalesce (lg.at::text, ''),"
  "                        coalesce (lg.field::text, ''), coalesce (lg.property, ''),"
  "                        coalesce (lg.to_value, ''));"
  "END $$;"

  /* The ops are read once, in groups of one table, one kind of op and (for an update) the
   * same columns, and each group is checked and written in one statement: an import of
   * 10,000 actions is a few statements, not 50,000. The server's tables have no foreign keys
   * and a changeset names each row once, so the order of the groups does not matter. */
  "CREATE FUNCTION pathway_apply (ops jsonb, seen bigint) RETURNS bigint LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path = public, pg_temp AS $$"
  "DECLARE"
  "  s bigint; who text := pathway_author (); g record; kind_name text; pkcols text[];"
  "  conds text; sets text; keyj jsonb; extra jsonb; part jsonb[]; result jsonb[] := '{}';"
  "  logged text[] := '{}'; touched text[] := '{}'; missing text; written jsonb[];"
  "  free boolean := pathway_refusal ('programme', '{}') IS NULL; ix int; cur jsonb; why text;"
  "BEGIN"
  "  PERFORM pg_advisory_xact_lock (5057415900);"
  "  PERFORM set_config ('pathway.applying', 'on', true);"
  "  s := nextval ('pathway_commit_seq');"
  "  FOR g IN"
  /* jsonb keeps an object's keys in one order, so the same columns give the same text. */
  "    SELECT y.e->>'t' AS t, y.e->>'o' AS o,"
  "           CASE WHEN y.e->>'o' = 'U' THEN (SELECT string_agg (c, ',')"
  "                                            FROM jsonb_object_keys (y.e->'n') c) END AS ncols,"
  "           CASE WHEN y.e->>'o' = 'U' THEN (SELECT string_agg (c, ',')"
  "                                            FROM jsonb_object_keys (y.e->'d') c) END AS dcols,"
  "           array_agg (y.i::int - 1) AS idx, count (*) AS n, min (y.i) AS first"
  "      FROM jsonb_array_elements (ops) WITH ORDINALITY y (e, i)"
  "      GROUP BY 1, 2, 3, 4 ORDER BY first"
  "  LOOP"
  "    SELECT t.pk, t.kind INTO pkcols, kind_name FROM pathway_table t WHERE t.name = g.t;"
  "    IF NOT FOUND THEN"
  "      RAISE EXCEPTION 'Pathway keeps no table \"%\".', g.t USING ERRCODE = 'PW400';"
  "    END IF;"
  "    IF g.t = 'change_log' AND g.o = 'U' AND NOT string_to_array (g.ncols, ',') <@"
  "        ARRAY['from_value', 'from_ref', 'at'] THEN"
  "      RAISE EXCEPTION 'Only the chain of a field''s changes may be rewritten in the log.'"
  "        USING ERRCODE = 'PW403';"
  "    END IF;"
  "    IF g.t = 'change_log' AND g.o = 'D' AND EXISTS ("
  "        SELECT 1 FROM unnest (g.idx) i WHERE ops->i->'d'->>'author' IS DISTINCT FROM who) THEN"
  "      RAISE EXCEPTION 'Only your own changes can be taken out of the log.'"
  "        USING ERRCODE = 'PW403';"
  "    END IF;"
  /* The records changed, and the log rows that say so. */
  "    IF g.t = 'change_log' AND g.o <> 'U' THEN"
  "      logged := logged || ARRAY (SELECT concat (r->>'kind', ':', r->>'record_id')"
  "                                 FROM unnest (g.idx) i, coalesce (ops->i->'n', ops->i->'d') r);"
  "    ELSIF kind_name IS NOT NULL THEN"
  "      touched := touched || ARRAY (SELECT concat (kind_name, ':', ops->i->'k'->>'id')"
  "                                   FROM unnest (g.idx) i);"
  "    END IF;"
  "    conds := pathway_key_match (pkcols);"
  /* Who may write these rows (pathway-remote-access.c), asked of each row as it stands and as
   * it would stand, so that a refusal says why rather than finding no row to change. A
   * manager may write anything, which is asked once. */
  "    IF NOT free THEN"
  "      FOREACH ix IN ARRAY g.idx LOOP"
  "        cur := NULL;"
  "        IF g.o <> 'I' THEN"
  "          EXECUTE format ('SELECT to_jsonb (x) FROM %I x, jsonb_populate_record (NULL::%I, $1) k' ||"
  "                          ' WHERE %s', g.t, g.t, conds) INTO cur USING ops->ix->'k';"
  "        END IF;"
  "        why := pathway_refusal (g.t, coalesce (cur, '{}') || coalesce (ops->ix->'n', '{}'));"
  "        IF why IS NULL AND cur IS NOT NULL THEN why := pathway_refusal (g.t, cur); END IF;"
  "        IF why IS NOT NULL THEN RAISE EXCEPTION '%', why USING ERRCODE = '42501'; END IF;"
  "      END LOOP;"
  "    END IF;"
  "    IF g.o = 'I' THEN"
  /* The log's author and commit are the server's; a row already there is a conflict. The
   * commit keeps each row as written: the client's values, with the server's author. */
  "      extra := CASE WHEN g.t = 'change_log'"
  "                    THEN jsonb_build_object ('author', who, 'commit_seq', s)"
  "                    ELSE '{}' END;"
  "      EXECUTE format ('WITH v AS (SELECT ($3->i->''n'') || $2 AS n FROM unnest ($1) i),' ||"
  "                      ' w AS (INSERT INTO %I SELECT r.* FROM v,' ||"
  "                      ' jsonb_populate_record (NULL::%I, v.n) r' ||"
  "                      ' ON CONFLICT DO NOTHING RETURNING jsonb_build_object (%s) AS k)' ||"
  "                      ' SELECT (SELECT array_agg (k) FROM w),' ||"
  "                      ' array_agg (jsonb_build_object (''t'', %L, ''o'', ''I'', ''r'', v.n))' ||"
  "                      ' FROM v', g.t, g.t,"
  "                      (SELECT string_agg (format ('%L, %I', p, p), ', ')"
  "                         FROM unnest (pkcols) p),"
  "                      g.t)"
  "        INTO written, part USING g.idx, extra, ops;"
  "    ELSIF g.o = 'U' THEN"
  /* Each value written over must still be the one the client read. */
  "      SELECT string_agg (format ('%I = n.%I', c, c), ', ') INTO sets"
  "        FROM unnest (string_to_array (g.ncols, ',')) c;"
  /* An action's last-updated moment moves with every change to it and nobody was shown it:
   * it is written, not checked, so a change to one field is not refused over another's. */
  "      SELECT conds || coalesce (' AND ' || string_agg (format ('x.%I IS NOT DISTINCT FROM"
  " d.%I', c, c), ' AND '), '') INTO conds FROM unnest (string_to_array (g.dcols, ',')) c"
  "        WHERE c <> 'last_updated';"
  "      EXECUTE format ('WITH w AS (UPDATE %I x SET %s' ||"
  "                      ' FROM unnest ($1) i, jsonb_extract_path ($2, i::text) e,' ||"
  "                      ' jsonb_populate_record (NULL::%I, e->''k'') k,' ||"
  "                      ' jsonb_populate_record (NULL::%I, e->''d'') d,' ||"
  "                      ' jsonb_populate_record (NULL::%I, e->''n'') n WHERE %s RETURNING x.*)' ||"
  "                      ' SELECT array_agg (jsonb_build_object (''t'', %L, ''o'', ''U'',' ||"
  "                      ' ''r'', to_jsonb (w))) FROM w',"
  "                      g.t, sets, g.t, g.t, g.t, conds, g.t) INTO part USING g.idx, ops;"
  "    ELSE"
  "      SELECT conds || coalesce (' AND ' || string_agg (format ('x.%I IS NOT DISTINCT FROM"
  " d.%I', c, c), ' AND '), '') INTO conds"
  "        FROM (SELECT jsonb_object_keys (ops->(g.idx[1])->'d') c) cs WHERE c <> 'commit_seq';"
  "      EXECUTE format ('WITH w AS (DELETE FROM %I x' ||"
  "                      ' USING unnest ($1) i, jsonb_extract_path ($2, i::text) e,' ||"
  "                      ' jsonb_populate_record (NULL::%I, e->''k'') k,' ||"
  "                      ' jsonb_populate_record (NULL::%I, e->''d'') d WHERE %s' ||"
  "                      ' RETURNING e->''k'' AS k)' ||"
  "                      ' SELECT array_agg (jsonb_build_object (''t'', %L, ''o'', ''D'',' ||"
  "                      ' ''r'', w.k)) FROM w', g.t, g.t, g.t, conds, g.t)"
  "        INTO part USING g.idx, ops;"
  "    END IF;"
  /* A row not written: the first op of the group the server did not take is the conflict. */
  "    IF g.o <> 'I' THEN"
  "      written := ARRAY (SELECT p->'r' FROM unnest (part) p);"
  "    END IF;"
  "    IF coalesce (array_length (written, 1), 0) <> g.n THEN"
  "      SELECT i INTO ix FROM unnest (g.idx) i"
  "        WHERE NOT EXISTS (SELECT 1 FROM unnest (written) w WHERE w @> (ops->i->'k'))"
  "        LIMIT 1;"
  "      keyj := ops->ix->'k';"
  /* The columns whose value the client read no longer stand. */
  "      EXECUTE format ('SELECT to_jsonb (x) FROM %I x, jsonb_populate_record (NULL::%I, $1) k' ||"
  "                      ' WHERE %s', g.t, g.t, pathway_key_match (pkcols)) INTO cur USING keyj;"
  "      PERFORM pathway_conflict (g.t, kind_name, keyj, seen,"
  "        ARRAY (SELECT c FROM jsonb_object_keys (coalesce (ops->ix->'d', '{}')) c"
  "                 WHERE c <> 'last_updated' AND cur->c IS DISTINCT FROM ops->ix->'d'->c));"
  "    END IF;"
  "    result := result || part;"
  "  END LOOP;"
  /* No record changes without its row in the log. */
  "  SELECT k INTO missing FROM (SELECT unnest (touched) EXCEPT SELECT unnest (logged)) x (k)"
  "    LIMIT 1;"
  "  IF FOUND THEN"
  "    RAISE EXCEPTION 'A change to % has no row in the change log.', replace (missing, ':', ' ')"
  "      USING ERRCODE = 'PW403';"
  "  END IF;"
  "  INSERT INTO pathway_commit (seq, author, rows) VALUES (s, who, to_jsonb (result));"
  "  PERFORM pg_notify ('pathway', s::text);"
  "  RETURN s;"
  "END $$;"

  /* A write made outside pathway_apply() is logged, field by field, and committed for the
   * other clients like any other. */
  "CREATE FUNCTION pathway_outside_write () RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
  "  SET search_path = public, pg_temp AS $$"
  "DECLARE"
  "  kind_name text; s bigint; oldj jsonb; newj jsonb; c text; rid bigint; lid bigint;"
  "  who text := pathway_author (); row jsonb;"
  "BEGIN"
  "  IF current_setting ('pathway.applying', true) = 'on' THEN RETURN NULL; END IF;"
  "  PERFORM pg_advisory_xact_lock (5057415900);"
  "  SELECT kind INTO kind_name FROM pathway_table WHERE name = TG_TABLE_NAME;"
  "  oldj := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb (OLD) ELSE '{}' END;"
  "  newj := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb (NEW) ELSE '{}' END;"
  "  s := nextval ('pathway_commit_seq');"
  "  lid := pathway_reserve_ids ();"
  "  PERFORM set_config ('pathway.applying', 'on', true);"
  "  rid := coalesce ((newj->>'id')::bigint, (oldj->>'id')::bigint, 0);"
  "  FOR c IN SELECT k FROM jsonb_object_keys (oldj || newj) k LOOP"
  "    IF oldj->c IS DISTINCT FROM newj->c AND c <> 'commit_seq' THEN"
  "      INSERT INTO change_log (id, kind, record_id, at, author, field, property, from_value,"
  "                              to_value, note, commit_seq)"
  "        VALUES (lid, coalesce (kind_name, TG_TABLE_NAME), rid,"
  "                extract (epoch FROM now ())::bigint, who, 6, c, oldj->>c, newj->>c,"
  "                'Changed outside Pathway', s);"
  "      lid := lid + 1;"
  "    END IF;"
  "  END LOOP;"
  "  PERFORM set_config ('pathway.applying', 'off', true);"
  "  SELECT coalesce (jsonb_agg (jsonb_build_object ('t', 'change_log', 'o', 'I', 'r', to_jsonb (l))),"
  "                   '[]') INTO row FROM change_log l WHERE l.commit_seq = s;"
  "  row := row || jsonb_build_array (jsonb_build_object ('t', TG_TABLE_NAME,"
  "    'o', left (TG_OP, 1), 'r', CASE WHEN TG_OP = 'DELETE' THEN oldj ELSE newj END));"
  "  INSERT INTO pathway_commit (seq, author, rows) VALUES (s, who, row);"
  "  PERFORM pg_notify ('pathway', s::text);"
  "  RETURN NULL;"
  "END $$;";

static const char *
server_type (const char *sqlite_type)
{
  if (g_ascii_strcasecmp (sqlite_type, "INTEGER") == 0)
    return "bigint";
  if (g_ascii_strcasecmp (sqlite_type, "REAL") == 0)
    return "double precision";
  return "text";
}

/* CREATE TABLE for each of the replica's tables, and what the server keeps of each. */
static gboolean
append_tables (PathwayDb *replica, GString *sql, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (replica, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);
      g_autoptr (GString) pk = g_string_new (NULL);
      g_autoptr (GString) pk_array = g_string_new (NULL);

      g_string_append_printf (sql, "CREATE TABLE %s (", table->name);
      for (guint c = 0; c < table->columns->len; c++)
        {
          const PathwayRemoteColumn *column = &g_array_index (table->columns,
                                                              PathwayRemoteColumn, c);

          g_string_append_printf (sql, "%s%s %s%s", c ? ", " : "", column->name,
                                  server_type (column->type),
                                  column->not_null ? " NOT NULL" : "");
          if (column->default_value != NULL)
            g_string_append_printf (sql, " DEFAULT %s", column->default_value);
        }
      for (guint p = 0; p < table->n_key; p++)
        {
          const char *name = g_array_index (table->columns, PathwayRemoteColumn,
                                            table->key[p]).name;

          g_string_append_printf (pk, "%s%s", p ? ", " : "", name);
          g_string_append_printf (pk_array, "%s%s", p ? "," : "", name);
        }
      g_string_append_printf (sql, ", PRIMARY KEY (%s));", pk->str);
      g_string_append_printf (sql, "INSERT INTO pathway_table VALUES ('%s', '{%s}', %s%s%s);",
                              table->name, pk_array->str, table->kind ? "'" : "",
                              table->kind ? table->kind : "NULL", table->kind ? "'" : "");
    }
  return TRUE;
}

static gboolean
append_triggers (PathwayDb *replica, GString *sql, GError **error)
{
  g_autoptr (GPtrArray) tables = pathway_remote_list_tables (replica, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      PathwayRemoteTable *table = g_ptr_array_index (tables, i);

      g_string_append_printf (sql,
                              "CREATE TRIGGER pathway_outside_write AFTER INSERT OR UPDATE OR"
                              " DELETE ON %s FOR EACH ROW WHEN (current_setting"
                              " ('pathway.applying', true) IS DISTINCT FROM 'on')"
                              " EXECUTE FUNCTION pathway_outside_write ();",
                              table->name);
    }
  return TRUE;
}

char *
pathway_remote_sql_schema (PathwayDb *replica, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);

  g_string_append (sql, server_tables_first);
  if (!append_tables (replica, sql, error))
    return NULL;
  g_string_append (sql, server_tables);
  g_string_append (sql, server_functions);
  if (!append_triggers (replica, sql, error))
    return NULL;
  g_string_append_printf (sql,
                          "INSERT INTO pathway_meta VALUES ('application', 'pathway'),"
                          " ('schema_version', '%d');"
                          /* Everyone who may sign in to the database reads; only the
                           * functions write (who may change what: the next step). */
                          /* Who may read and write: pathway_remote_sql_access(). */
                          "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;"
                          "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;",
                          PATHWAY_SCHEMA_VERSION);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}
