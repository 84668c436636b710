/* test-publish.c: the public version of the plan (pathway-publish.h), written from the demo
 * programme with public words added where the demo has none (area and action summaries, a
 * public lead, "you said, we did" entries public and not, risks, an action summary with markup
 * characters). The site: every page reachable from index.html, the language on every html
 * element, "Last updated" on every page, user text escaped; the publication's record; a second
 * publication lists what changed and one undo takes it back; with the programme's
 * public-ratings off no rating word appears anywhere; publishing is refused without an approver
 * or an approval day; a full disk keeps the old site and records nothing. And no internal
 * string of the programme appears in any file written, HTML, CSS or the PDF's text (read with
 * poppler): every field of every record of every kind is internal unless it is one the public
 * version publishes. Each page has one h1 and headings in order, captioned tables with scoped
 * header cells and charts named and described; the PDF is tagged in British English with the
 * charts' descriptions as their alternative text. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "disk-full-support.h"
#include "pathway-demo.h"
#include "pathway-publish.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerStructureElement, g_object_unref)

#define APPROVER "Chair of the SEND Improvement Board, at its December meeting"
#define MARKUP_SUMMARY "S<OT & \"SALT\" drop-ins for families"
#define PRIVATE_SAID "The SENCo network asked, off the record, about the top-up funding formula"

static char *work_dir;
static char *programme_path;
static PathwayDocument *document;
static char *public_lead;       /* "Name, Role" of the lead made public */
static char *public_lead_email;

/* Helpers ----------------------------------------------------------------------------------- */

static void
set_fields (gpointer record, const char *field, const char *value)
{
  g_autoptr(GError) error = NULL;
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };

  g_assert_true (pathway_document_set_fields (document, record, fields, values, NULL, &error));
  g_assert_no_error (error);
}

static void
add_record (const char *kind, const char *const *fields, const char *const *values)
{
  g_autoptr(GError) error = NULL;
  gpointer record = NULL;

  g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup (kind), fields,
                                              values, &record, &error));
  g_assert_no_error (error);
  g_clear_object (&record);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Whitespace runs as one space, so a string wrapped across lines is still found. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* As the site escapes text. */
static char *
html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/* The files of a published folder: name -> its text (a PDF's as poppler reads it), with
 * whitespace normalised. */
static GHashTable *
read_site (const char *folder)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = g_str_has_suffix (name, ".pdf") ? pdf_text (path)
                                                               : read_text (path);

      g_assert_false (name[0] == '.'); /* no temporary left behind */
      g_hash_table_insert (files, g_strdup (name), normalise (text));
    }
  return files;
}

static char *
publish_to (const char *name, const GDate *published, GError **error)
{
  PathwayPublishOptions options = { APPROVER, NULL, published };
  g_autofree char *folder = g_build_filename (work_dir, name, NULL);
  GDate approved;

  g_date_clear (&approved, 1);
  g_date_set_dmy (&approved, 4, G_DATE_DECEMBER, 2026);
  options.approved_on = &approved;
  if (!pathway_publish (document, folder, &options, NULL, error))
    return NULL;
  return g_steal_pointer (&folder);
}

static guint
count_publications (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records =
    pathway_document_list_records (document, pathway_kind_lookup ("publication"), FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (records);
}

/* The programme --------------------------------------------------------------------------- */

/* Public words where the demo has none yet, and strings that must stay inside. */
static void
add_public_words (void)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *areas = pathway_programme_get_areas (programme);
  GListModel *actions = pathway_programme_get_actions (programme);
  gboolean has_summaries = FALSE;
  g_autoptr(GError) error = NULL;
  PathwayAction *markup_action = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);

      if (*pathway_area_of_weakness_get_public_summary (area) != '\0')
        has_summaries = TRUE;
    }
  g_assert_true (pathway_document_begin_batch (document, "Public words", &error));
  g_assert_no_error (error);
  if (!has_summaries)
    {
      for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
        {
          g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);
          g_autofree char *summary =
            g_strdup_printf ("In plain words: what the inspectors found about %s.",
                             pathway_area_of_weakness_get_title (area));

          if (i < 3)
            set_fields (area, "public-summary", summary);
        }
      for (guint i = 0; i < g_list_model_get_n_items (actions); i += 3)
        {
          g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
          g_autofree char *summary =
            g_strdup_printf ("What action %s changes for families, in plain words.",
                             pathway_action_get_reference (action));

          set_fields (action, "public-summary", summary);
        }
    }

  /* An open action with a summary: its summary has markup characters, its lead is public. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (!pathway_action_is_complete (action) && pathway_action_get_lead (action) != NULL
          && *pathway_action_get_public_summary (action) != '\0')
        {
          markup_action = action;
          break;
        }
    }
  g_assert_nonnull (markup_action);
  set_fields (markup_action, "public-summary", MARKUP_SUMMARY);
  {
    PathwayPerson *lead = pathway_action_get_lead (markup_action);

    set_fields (lead, "public", "true");
    if (*pathway_person_get_email (lead) == '\0')
      set_fields (lead, "email", "public.lead@example.org");
    public_lead = g_strdup_printf ("%s, %s", pathway_person_get_name (lead),
                                   pathway_person_get_role (lead));
    public_lead_email = g_strdup (pathway_person_get_email (lead));
  }

  {
    const char *fields[] = { "date", "audience", "who", "said", "will-do", "did", "status",
                             "areas", NULL };
    const char *entry[] = { "2026-03-12", "parent-carers", "Parent carer forum steering group",
                            "Parents did not know who to contact while they waited.",
                            "Give every waiting family a named contact.",
                            "Every waiting family now has a named contact.", "done", "3",
                            NULL };
    const char *private_fields[] = { "date", "audience", "who", "said", "public", NULL };
    const char *private_entry[] = { "2026-10-02", "schools", "SENCo network", PRIVATE_SAID,
                                    "false", NULL };
    const char *risk_fields[] = { "reference", "title", "description", "response", "proximity",
                                  "likelihood", "impact", NULL };
    const char *risk[] = { "R-PUBLISH-1", "Tribunal appeals overwhelm the casework team",
                           "A rise in appeals draws caseworkers away from new assessments.",
                           "Two agency caseworkers funded from the reserve until March.",
                           "Within the next quarter", "4", "4", NULL };

    add_record ("coproduction", fields, entry);
    add_record ("coproduction", private_fields, private_entry);
    add_record ("risk", risk_fields, risk);
  }
  g_assert_true (pathway_document_commit_batch (document, &error));
  g_assert_no_error (error);
}

/* Internal strings ------------------------------------------------------------------------- */

/* The fields the public version may print, as "kind field"; every other field of every record
 * is internal. A public co-production entry's fields and a public person's name and role are
 * public too (see collect_strings). */
static const char *const public_fields[] = {
  "programme name", "programme local-area", "programme partners", "programme vision",
  "area number", "area title", "area finding", "area commitment", "area public-summary",
  "action public-summary", "action original", "revision timescale",
  "indicator name", "indicator definition", "indicator comparator-name",
  /* What a publication shows is its changes; its contents are what was published. */
  "publication changes", "publication contents", "publication published",
  "publication approved-on",
  NULL,
};

static gboolean
field_is_public (const char *kind, const char *field, gpointer record)
{
  g_autofree char *key = g_strdup_printf ("%s %s", kind, field);

  if (g_strv_contains (public_fields, key))
    return TRUE;
  if (PATHWAY_IS_COPRODUCTION (record) && pathway_coproduction_get_public (record))
    return TRUE;
  if (PATHWAY_IS_PERSON (record) && pathway_person_get_public (record)
      && (g_str_equal (field, "name") || g_str_equal (field, "role")))
    return TRUE;
  return FALSE;
}

/* Too short or too plain to say anything when found: days, numbers, words of a closed set
 * ("amber", "in-progress"), true and false. */
static const char *
too_plain (const char *text, gboolean name)
{
  if (g_regex_match_simple ("^[-0-9 ./:T+]*$", text, 0, 0))
    return "a day or a number";
  if (g_regex_match_simple ("^[a-z-]+$", text, 0, 0))
    return "a word of a closed set";
  if (!name && g_utf8_strlen (text, -1) < 12)
    return "shorter than 12 characters";
  return NULL;
}

typedef struct {
  GHashTable *internal;   /* normalised string -> where it comes from */
  GString *public_text;   /* every public value, separated by \x01 */
} Strings;

static void
add_internal (Strings *strings, const char *text, const char *source)
{
  g_autofree char *normal = normalise (text != NULL ? text : "");

  if (*normal == '\0' || g_hash_table_contains (strings->internal, normal))
    return;
  g_hash_table_insert (strings->internal, g_steal_pointer (&normal), g_strdup (source));
}

static void
collect_strings (Strings *strings)
{
  const char *const *kinds = pathway_kind_list_names ();
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (programme);
  g_autoptr(GError) error = NULL;

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      const PathwayKind *kind = pathway_kind_lookup (kinds[k]);
      g_autofree const char **fields = pathway_kind_dup_fields (kind);
      g_autoptr(GListModel) records = pathway_document_list_records (document, kind, TRUE,
                                                                     &error);

      g_assert_no_error (error);
      for (guint r = 0; r < g_list_model_get_n_items (records); r++)
        {
          g_autoptr(GObject) record = g_list_model_get_item (records, r);

          for (guint f = 0; fields[f] != NULL; f++)
            {
              g_autofree char *text = pathway_document_dup_field_text (document, record,
                                                                       fields[f]);
              g_autofree char *source = g_strdup_printf ("%s %s", kinds[k], fields[f]);

              if (text == NULL || *text == '\0')
                continue;
              if (field_is_public (kinds[k], fields[f], record))
                {
                  g_autofree char *normal = normalise (text);

                  g_string_append (strings->public_text, normal);
                  g_string_append_c (strings->public_text, '\x01');
                }
              else
                add_internal (strings, text, source);
            }
        }
    }

  /* What actions said before: every note and every earlier commentary, recovery plan, success
   * measure and description. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GListModel) updates = pathway_document_list_updates (document, action, &error);

      g_assert_no_error (error);
      for (guint u = 0; u < g_list_model_get_n_items (updates); u++)
        {
          g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, u);
          const char *property = pathway_action_update_get_property_name (update);

          add_internal (strings, pathway_action_update_get_note (update), "action update note");
          if (pathway_action_update_get_field (update) == PATHWAY_FIELD_COMMENTARY)
            add_internal (strings, pathway_action_update_get_to_value (update),
                          "action history commentary");
          else if (g_strcmp0 (property, "commentary") == 0
              || g_strcmp0 (property, "recovery-plan") == 0
              || g_strcmp0 (property, "success-measure") == 0
              || g_strcmp0 (property, "description") == 0)
            {
              g_autofree char *source = g_strdup_printf ("action history %s", property);

              add_internal (strings, pathway_action_update_get_to_value (update), source);
            }
        }
    }
}

/* Searches every file for every internal string; fails naming the first found. */
static void
assert_no_internal_strings (GHashTable *files)
{
  Strings strings = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_string_new (NULL),
  };
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n_checked = 0, n_plain = 0, n_public = 0;

  collect_strings (&strings);
  g_hash_table_iter_init (&iter, strings.internal);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = key, *source = value;
      gboolean name = g_str_has_prefix (source, "person name")
                      || g_str_has_prefix (source, "person email");
      const char *plain = too_plain (text, name);
      g_autofree char *escaped = NULL;
      GHashTableIter files_iter;
      gpointer file_name, file_text;

      if (plain != NULL)
        {
          g_hash_table_add (skipped, g_strdup_printf ("%s: %s", source, plain));
          n_plain++;
          continue;
        }
      if (strstr (strings.public_text->str, text) != NULL)
        {
          /* A partner's name that is also a person's organisation, say. */
          g_test_message ("skipped (also a public field's text): %s: %s", source, text);
          n_public++;
          continue;
        }
      escaped = html_escape (text);
      n_checked++;
      g_hash_table_iter_init (&files_iter, files);
      while (g_hash_table_iter_next (&files_iter, &file_name, &file_text))
        if (strstr (file_text, text) != NULL || strstr (file_text, escaped) != NULL)
          g_error ("%s (%s) is in %s", text, source, (const char *) file_name);
    }
  g_hash_table_iter_init (&iter, skipped);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_test_message ("skipped kind of string: %s", (const char *) key);
  g_test_message ("%u internal strings searched for in %u files; %u skipped as too plain, %u "
                  "as also public", n_checked, g_hash_table_size (files), n_plain, n_public);
  {
    g_autoptr(GHashTable) by_source = g_hash_table_new (g_str_hash, g_str_equal);

    g_hash_table_iter_init (&iter, strings.internal);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (by_source, value,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_source,
                                                                                    value)) + 1));
    g_hash_table_iter_init (&iter, by_source);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_test_message ("  %u distinct strings of %s", GPOINTER_TO_UINT (value),
                      (const char *) key);
  }
  /* The demo has hundreds: commentary and its history, descriptions, success measures,
   * recovery plans, evidence, meetings, people. */
  g_assert_cmpuint (n_checked, >, 800);
  g_hash_table_unref (strings.internal);
  g_string_free (strings.public_text, TRUE);
}

/* Tests ---------------------------------------------------------------------------------- */

static void
assert_reachable_from_index (const char *folder, GHashTable *files)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) href = g_regex_new ("href=\"([^\"#/]+\\.html)[^\"]*\"", 0, 0, NULL);
  GHashTableIter iter;
  gpointer name;

  g_ptr_array_add (reached, g_strdup (PATHWAY_PUBLISH_INDEX));
  for (guint i = 0; i < reached->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (reached, i), NULL);
      g_autofree char *html = read_text (path);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (href, html, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *link = g_match_info_fetch (match, 1);

          if (!g_ptr_array_find_with_equal_func (reached, link, g_str_equal, NULL))
            {
              g_assert_true (g_hash_table_contains (files, link));
              g_ptr_array_add (reached, g_steal_pointer (&link));
            }
          g_match_info_next (match, NULL);
        }
    }
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (g_str_has_suffix (name, ".html"))
      g_assert_true (g_ptr_array_find_with_equal_func (reached, name, g_str_equal, NULL));
}

static void
test_site (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = publish_to ("site", NULL, &error);
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(PathwayPublication) latest = NULL;
  g_autofree char *escaped = html_escape (MARKUP_SUMMARY);
  g_autofree char *lead = html_escape (public_lead);
  GHashTableIter iter;
  gpointer name, text;
  guint n_pages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (folder);
  files = read_site (folder);
  g_assert_true (g_hash_table_contains (files, "index.html"));
  g_assert_true (g_hash_table_contains (files, "style.css"));
  g_assert_true (g_hash_table_contains (files, "figures.html"));
  g_assert_true (g_hash_table_contains (files, "you-said-we-did.html"));
  g_assert_true (g_hash_table_contains (files, PATHWAY_PUBLISH_PDF));
  assert_reachable_from_index (folder, files);

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      g_autoptr(GRegex) html = g_regex_new ("<html[^>]*>", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      n_pages++;
      /* Every html element declares the language. */
      g_regex_match (html, text, 0, &match);
      g_assert_true (g_match_info_matches (match));
      while (g_match_info_matches (match))
        {
          g_autofree char *element = g_match_info_fetch (match, 0);

          g_assert_cmpstr (element, ==, "<html lang=\"en-GB\">");
          g_match_info_next (match, NULL);
        }
      g_assert_nonnull (strstr (text, "Last updated <time datetime=\"2026-12-07\">7 December "
                                      "2026</time>"));
      g_assert_true (g_regex_match_simple ("<title>[^<]+</title>", text, 0, 0));
      g_assert_nonnull (strstr (text, "class=\"skip-link\" href=\"#main\""));
      g_assert_nonnull (strstr (text, "<main id=\"main\""));
      g_assert_null (strstr (text, "<script"));
      g_assert_null (strstr (text, "S<OT"));
      /* The pages link to each other and to the PDF. */
      g_assert_nonnull (strstr (text, "href=\"" PATHWAY_PUBLISH_PDF "\""));
    }
  g_assert_cmpuint (n_pages, ==, 3 + g_list_model_get_n_items (
    pathway_programme_get_areas (pathway_document_get_programme (document))));

  /* User text is text: as written on the page and in the PDF, never markup. */
  {
    gboolean in_html = FALSE;

    g_hash_table_iter_init (&iter, files);
    while (g_hash_table_iter_next (&iter, &name, &text))
      if (g_str_has_suffix (name, ".html") && strstr (text, escaped) != NULL)
        in_html = TRUE;
    g_assert_true (in_html);
  }
  g_assert_nonnull (strstr (g_hash_table_lookup (files, PATHWAY_PUBLISH_PDF), MARKUP_SUMMARY));
  g_assert_nonnull (strstr (g_hash_table_lookup (files, PATHWAY_PUBLISH_PDF),
                            "Last updated 7 December 2026"));

  /* A lead marked public is named with their role, never their email. */
  {
    gboolean named = FALSE;

    g_hash_table_iter_init (&iter, files);
    while (g_hash_table_iter_next (&iter, &name, &text))
      {
        if (strstr (text, lead) != NULL)
          named = TRUE;
        g_assert_null (strstr (text, public_lead_email));
      }
    g_assert_true (named);
  }

  /* Ratings in words; the first publication says so. */
  g_assert_nonnull (strstr (g_hash_table_lookup (files, "index.html"), "On track"));
  g_assert_nonnull (strstr (g_hash_table_lookup (files, "index.html"),
                            "This is the first time we have published this plan."));

  latest = pathway_publish_get_latest (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpstr (pathway_publication_get_approved_by (latest), ==, APPROVER);
  g_assert_cmpint (g_date_get_day (pathway_publication_get_approved_on (latest)), ==, 4);
  g_assert_cmpint (g_date_get_day (pathway_publication_get_published (latest)), ==, 7);
  g_assert_cmpstr (pathway_publication_get_changes (latest), ==, "First publication");
  g_assert_nonnull (strstr (pathway_publication_get_contents (latest), "file\tindex.html\n"));
  g_assert_nonnull (strstr (pathway_publication_get_contents (latest), "\naction\t"));
  g_assert_cmpuint (count_publications (), ==, 1);

  assert_no_internal_strings (files);
}

/* A second publication lists what changed since the first: an action newly done, a rating
 * moved, a new "you said, we did" entry; the index says so under the first's day. One undo
 * takes the record back. */
static void
test_second_publication (void)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (programme);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *index = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *done_line = NULL;
  g_autoptr(PathwayPublication) latest = NULL;
  PathwayAction *to_finish = NULL, *to_rate = NULL;
  GDate next_day;
  guint n_before;

  if (count_publications () == 0)
    {
      g_autofree char *first = publish_to ("site", NULL, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      const char *summary = pathway_action_get_public_summary (action);

      if (pathway_action_is_complete (action) || *summary == '\0'
          || g_str_equal (summary, MARKUP_SUMMARY))
        continue;
      if (to_finish == NULL)
        to_finish = action;
      else if (to_rate == NULL && pathway_action_get_rating (action) != PATHWAY_RATING_GREEN
               && pathway_action_get_rating (action) != PATHWAY_RATING_NONE)
        to_rate = action;
    }
  g_assert_nonnull (to_finish);
  g_assert_nonnull (to_rate);
  set_fields (to_finish, "status", "complete");
  set_fields (to_rate, "rating", "green");
  {
    const char *fields[] = { "date", "audience", "who", "responses", "said", "status", NULL };
    const char *values[] = { "2026-11-30", "survey", "Survey of families", "213",
                             "Families want the local offer to be easier to search.",
                             "acting", NULL };

    add_record ("coproduction", fields, values);
  }
  done_line = g_strdup_printf ("Done: %s", pathway_action_get_public_summary (to_finish));

  g_date_clear (&next_day, 1);
  g_date_set_dmy (&next_day, 8, G_DATE_DECEMBER, 2026);
  preview = pathway_publish_dup_changes (document, &next_day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, done_line));
  g_assert_nonnull (strstr (preview, "Now On track (was "));
  g_assert_nonnull (strstr (preview, pathway_action_get_public_summary (to_rate)));
  g_assert_nonnull (strstr (preview, "You said, we did: new from Survey of families (213 "
                                     "responses), 30 November 2026"));

  n_before = count_publications ();
  folder = publish_to ("site", &next_day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_publications (), ==, n_before + 1);
  latest = pathway_publish_get_latest (document, &error);
  g_assert_cmpstr (pathway_publication_get_changes (latest), ==, preview);
  index_path = g_build_filename (folder, PATHWAY_PUBLISH_INDEX, NULL);
  index = read_text (index_path);
  g_assert_nonnull (strstr (index, "What has changed since 7 December 2026"));
  g_assert_nonnull (strstr (index, "8 December 2026"));

  /* Publishing is one step of undo. */
  g_assert_true (pathway_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_publications (), ==, n_before);
  g_assert_true (pathway_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_publications (), ==, n_before + 1);
}

/* With the programme's public-ratings off, no rating word is printed anywhere, and no rating
 * change is listed. */
static void
test_ratings_off (void)
{
  PathwayProgramme *programme = pathway_document_get_programme (document);
  const char *words[] = { "On track", "At risk", "Off track", "Not yet rated",
                          "What our progress words mean", "tag-red", "tag-amber", "tag-green",
                          NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GHashTable) files = NULL;
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  GHashTableIter iter;
  gpointer name, text;

  set_fields (programme, "public-ratings", "false");
  g_assert_false (pathway_programme_get_public_ratings (programme));
  folder = publish_to ("no-ratings", NULL, &error);
  g_assert_no_error (error);
  files = read_site (folder);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      for (guint i = 0; words[i] != NULL; i++)
        /* The stylesheet has the tags' classes whatever a site uses. */
        if (strstr (text, words[i]) != NULL
            && !(g_str_has_prefix (words[i], "tag-") && g_str_has_suffix (name, ".css")))
          g_error ("%s holds \"%s\" with public ratings off", (const char *) name, words[i]);
      /* The scheme's own words, as whole words. */
      for (PathwayRating r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
        {
          g_autofree char *pattern =
            g_strdup_printf ("\\b%s\\b",
                             pathway_rating_scheme_get_label (scheme, r));

          if (g_regex_match_simple (pattern, text, 0, 0))
            g_error ("%s holds \"%s\" with public ratings off", (const char *) name,
                     pathway_rating_scheme_get_label (scheme, r));
        }
    }
  set_fields (programme, "public-ratings", "true");
}

/* Publishing needs who approved it and when, and not after the publish day; nothing is
 * written without them. */
static void
test_refused (void)
{
  g_autofree char *folder = g_build_filename (work_dir, "refused", NULL);
  PathwayPublishOptions options = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  guint n_before = count_publications ();
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, G_DATE_DECEMBER, 2026);
  g_assert_false (pathway_publish (document, folder, &options, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "who approved"));
  g_clear_error (&error);

  options.approved_by = "  ";
  options.approved_on = &day;
  g_assert_false (pathway_publish (document, folder, &options, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_clear_error (&error);

  options.approved_by = APPROVER;
  options.approved_on = NULL;
  g_assert_false (pathway_publish (document, folder, &options, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "when"));
  g_clear_error (&error);

  g_date_set_dmy (&day, 9, G_DATE_DECEMBER, 2026);
  options.approved_on = &day;
  g_assert_false (pathway_publish (document, folder, &options, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9 December 2026"));
  g_clear_error (&error);

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_publications (), ==, n_before);
}

/* On a full disk (a small tmpfs: root only, skipped elsewhere) publishing fails naming the
 * lack of space, the old site stays byte for byte, no temporary is left and nothing is
 * recorded. */
static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  PathwayPublishOptions options = { APPROVER, NULL, NULL };
  GHashTableIter iter;
  gpointer name, text;
  guint n_before;
  GDate day;
  char *dir = disk_full_mount ();

  if (dir == NULL)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, G_DATE_DECEMBER, 2026);
  options.approved_on = &day;
  g_assert_true (pathway_publish (document, dir, &options, NULL, &error));
  g_assert_no_error (error);
  before = read_site (dir);
  n_before = count_publications ();

  disk_full_fill_leaving (dir, 16 * 1024);
  g_assert_false (pathway_publish (document, dir, &options, NULL, &error));
  g_assert_error (error, PATHWAY_ERROR, PATHWAY_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "not enough space"));
  g_assert_cmpuint (count_publications (), ==, n_before);
  disk_full_empty (dir);
  after = read_site (dir);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &text))
    g_assert_cmpstr (g_hash_table_lookup (after, name), ==, text);
  disk_full_unmount (dir);
}

/* Structure for screen readers -------------------------------------------------------------- */

/* Text of an element as the HTML writer escapes it, back to what it says. */
static char *
html_unescape (const char *text)
{
  static const struct { const char *entity, *character; } entities[] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&amp;", "&" },
  };
  char *result = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_auto(GStrv) parts = g_strsplit (result, entities[i].entity, -1);

      g_free (result);
      result = g_strjoinv (entities[i].character, parts);
    }
  return result;
}

/* The content of the element with this id ("<title id=\"x\">…</title>"), unescaped. */
static char *
element_text (const char *html, const char *id)
{
  g_autofree char *pattern = g_strdup_printf ("id=\"%s\">([^<]*)<", id);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;

  if (!g_regex_match (regex, html, 0, &match))
    return NULL;
  text = g_match_info_fetch (match, 1);
  return html_unescape (g_strstrip (text));
}

/* Every page of the site: one h1 and headings that never skip a level on the way down, a
 * caption on every table and a scope on every header cell, every chart an image named by its
 * title and described by its numbers, every img with alternative text. Returns the charts'
 * descriptions in order. */
static GPtrArray *
assert_page_structure (const char *name, const char *html)
{
  g_autoptr(GRegex) headings = g_regex_new ("<h([1-6])[ >]", 0, 0, NULL);
  g_autoptr(GRegex) cells = g_regex_new ("<th[ >][^>]*>|<th>", 0, 0, NULL);
  g_autoptr(GRegex) svgs = g_regex_new ("<svg[^>]*>", 0, 0, NULL);
  g_autoptr(GRegex) labelled = g_regex_new ("aria-labelledby=\"([^\" ]+) ([^\" ]+)\"", 0, 0,
                                            NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *descriptions = g_ptr_array_new_with_free_func (g_free);
  int previous = 0, n_h1 = 0;
  guint n_tables = 0, n_captions = 0;

  g_test_message ("%s", name);
  for (g_regex_match (headings, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *level_text = g_match_info_fetch (match, 1);
      int level = atoi (level_text);

      g_assert_cmpint (level, <=, previous + 1);
      n_h1 += level == 1;
      previous = level;
    }
  g_clear_pointer (&match, g_match_info_free);
  g_assert_cmpint (n_h1, ==, 1);

  for (g_regex_match (cells, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *cell = g_match_info_fetch (match, 0);

      g_assert_true (strstr (cell, " scope=\"col\"") != NULL
                     || strstr (cell, " scope=\"row\"") != NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  for (const char *at = html; (at = strstr (at, "<table")) != NULL; at++)
    n_tables++;
  for (const char *at = html; (at = strstr (at, "<table>\n<caption")) != NULL; at++)
    n_captions++;
  g_assert_cmpuint (n_captions, ==, n_tables);

  for (g_regex_match (svgs, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *svg = g_match_info_fetch (match, 0);
      g_autoptr(GMatchInfo) ids = NULL;
      g_autofree char *title_id = NULL, *desc_id = NULL, *title = NULL, *desc = NULL;

      if (strstr (svg, "aria-hidden=\"true\"") != NULL)
        continue;
      g_assert_nonnull (strstr (svg, "role=\"img\""));
      g_assert_true (g_regex_match (labelled, svg, 0, &ids));
      title_id = g_match_info_fetch (ids, 1);
      desc_id = g_match_info_fetch (ids, 2);
      title = element_text (html, title_id);
      desc = element_text (html, desc_id);
      g_assert_nonnull (title);
      g_assert_nonnull (desc);
      g_assert_cmpstr (title, !=, "");
      g_assert_cmpstr (desc, !=, "");
      g_ptr_array_add (descriptions, g_steal_pointer (&desc));
    }
  g_clear_pointer (&match, g_match_info_free);

  for (const char *at = html; (at = strstr (at, "<img")) != NULL; at++)
    {
      const char *end = strchr (at, '>');
      g_autofree char *img = g_strndup (at, end - at);

      g_assert_nonnull (strstr (img, " alt=\""));
    }
  return descriptions;
}

static GPtrArray *
structure_elements (PopplerStructureElementIter *iter, PopplerStructureElementKind kind,
                    GPtrArray *found)
{
  do
    {
      g_autoptr(PopplerStructureElement) element =
        poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);

      if (poppler_structure_element_get_kind (element) == kind)
        g_ptr_array_add (found, g_object_ref (element));
      if (child != NULL)
        {
          structure_elements (child, kind, found);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
  return found;
}

/* The site's pages are structured for a screen reader, and the PDF is tagged in British
 * English with each chart's alternative text the description the site's chart has. */
static void
test_structure_for_screen_readers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = publish_to ("structure", NULL, &error);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) descriptions = NULL;
  const char *name;

  g_assert_no_error (error);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *html = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
      found = assert_page_structure (name, html);
      if (g_str_equal (name, "figures.html"))
        descriptions = g_steal_pointer (&found);
    }
  g_assert_nonnull (descriptions);
  g_assert_cmpuint (descriptions->len, >, 0);

  {
    g_autofree char *path = g_build_filename (folder, PATHWAY_PUBLISH_PDF, NULL);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    PopplerStructureElementIter *iter;
    g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_object_unref);
    g_autofree char *bytes = NULL;
    gsize length;
    gboolean lang = FALSE;

    g_assert_no_error (error);
    iter = poppler_structure_element_iter_new (pdf);
    g_assert_nonnull (iter);
    structure_elements (iter, POPPLER_STRUCTURE_ELEMENT_FIGURE, figures);
    poppler_structure_element_iter_free (iter);
    iter = poppler_structure_element_iter_new (pdf);
    structure_elements (iter, POPPLER_STRUCTURE_ELEMENT_HEADING_1, headings);
    poppler_structure_element_iter_free (iter);

    g_assert_cmpuint (headings->len, >, 1);
    g_assert_cmpuint (figures->len, ==, descriptions->len);
    for (guint i = 0; i < figures->len; i++)
      {
        g_autofree char *alt = poppler_structure_element_get_alt_text (
          g_ptr_array_index (figures, i));

        g_assert_cmpstr (alt, ==, g_ptr_array_index (descriptions, i));
      }

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    for (gsize at = 0; at + 13 <= length && !lang; at++)
      lang = memcmp (bytes + at, "/Lang (en-GB)", 13) == 0;
    g_assert_true (lang);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  work_dir = g_dir_make_tmp ("pathway-publish-XXXXXX", &error);
  g_assert_no_error (error);
  programme_path = g_build_filename (work_dir, "demo.pathway", NULL);
  g_assert_true (pathway_demo_write (programme_path, &error));
  g_assert_no_error (error);
  document = pathway_document_open (programme_path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  now = g_date_time_new_local (2026, 12, 7, 10, 0, 0);
  pathway_document_set_now (document, now);
  add_public_words ();

  g_test_add_func ("/report/publish/site", test_site);
  g_test_add_func ("/report/publish/second-publication-lists-changes", test_second_publication);
  g_test_add_func ("/report/publish/ratings-off-leave-no-rating-word", test_ratings_off);
  g_test_add_func ("/report/publish/refused-without-approval", test_refused);
  g_test_add_func ("/report/publish/full-disk-keeps-old-site", test_full_disk);
  g_test_add_func ("/report/publish/structure-for-screen-readers",
                   test_structure_for_screen_readers);
  status = g_test_run ();

  g_clear_object (&document);
  g_free (public_lead);
  g_free (public_lead_email);
  g_free (programme_path);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", work_dir);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
  g_free (work_dir);
  return status;
}
