/* test-report.c: the board pack as a PDF, read back with poppler-glib. The demo's pack has
 * many pages; every red action's reference is on the red pages; the amber table's header is on
 * every page it spans; every footer says "Page N of M"; two packs for one as-at day are the
 * same bytes and another day gives other ratings; a 1,000-action programme with long
 * commentary has no two runs of text on top of each other and nothing outside the margins;
 * user text prints as written; an empty programme still makes a pack; an indicator ahead of
 * its milestone but short of its final target reads "On trajectory", and one behind reads
 * "Behind trajectory by" and is in the exceptions table before the charts. Programmes are
 * written in a temporary folder. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "pathway-demo.h"
#include "pathway-pack-flow.h"
#include "pathway-pack.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *work_dir;
static PathwayDocument *demo;

/* Helpers ----------------------------------------------------------------------------------- */

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static PathwayMeeting *
latest_meeting (PathwayDocument *document)
{
  GListModel *boards = pathway_programme_get_boards (pathway_document_get_programme (document));
  g_autoptr(PathwayBoard) board = g_list_model_get_item (boards, 0);
  GListModel *meetings = pathway_board_get_meetings (board);
  PathwayMeeting *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PathwayMeeting) meeting = g_list_model_get_item (meetings, i);

      if (latest == NULL || g_date_compare (pathway_meeting_get_date (meeting),
                                            pathway_meeting_get_date (latest)) > 0)
        latest = meeting;
    }
  g_assert_nonnull (latest);
  return latest;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

static char *
page_text (PopplerDocument *pdf, int index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

/* Writes the pack and returns it with the PDF's path. */
static PathwayPack *
write_pack (PathwayDocument *document, PathwayMeeting *meeting, const GDate *as_at,
            const char *name, char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = work_path (name);
  PathwayPack *pack = pathway_pack_new (document, meeting, as_at, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_true (pathway_pack_write_pdf (pack, path, &error));
  g_assert_no_error (error);
  /* PATHWAY_PACK_DIR keeps a copy of each pack there, to be looked at. */
  if (g_getenv ("PATHWAY_PACK_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("PATHWAY_PACK_DIR"), name, NULL);
      g_autofree char *bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (copy, bytes, length, NULL));
    }
  *path_out = g_steal_pointer (&path);
  return pack;
}

/* Whether a reference stands on a line of its own in the text (a red action's heading), so
 * that "1B i" is not found inside "1B iii". */
static gboolean
has_line (const char *text, const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);

  return strstr (text, needle) != NULL;
}

/* The text of the pages that start in or run on in one section. */
static char *
section_text (PathwayPack *pack, PopplerDocument *pdf, PathwayPackSection section)
{
  GString *text = g_string_new ("\n");

  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    if (g_strcmp0 (pathway_pack_get_page_title (pack, i),
                   pathway_pack_section_title (section)) == 0)
      {
        g_autofree char *page = page_text (pdf, (int) i);

        g_string_append (text, page);
        g_string_append_c (text, '\n');
      }
  return g_string_free (text, FALSE);
}

static gboolean
page_is (PathwayPack *pack, guint page, PathwayPackSection section)
{
  return g_strcmp0 (pathway_pack_get_page_title (pack, page),
                    pathway_pack_section_title (section)) == 0;
}

/* The demo ---------------------------------------------------------------------------------- */

static void
test_demo_pack_pages (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (demo, meeting, NULL, "demo.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  int n = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n, >, 1);
  g_assert_cmpint (n, ==, (int) pathway_pack_get_n_pages (pack));

  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n);
      g_autofree char *wrong = g_strdup_printf ("Page %d of %d", i + 2, n);
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double width, height, pack_width, pack_height;

      g_assert_nonnull (strstr (text, footer));
      g_assert_null (strstr (text, wrong));
      g_assert_nonnull (strstr (text, "OFFICIAL"));
      g_assert_nonnull (strstr (text, pathway_programme_get_name (
                                        pathway_document_get_programme (demo))));
      poppler_page_get_size (page, &width, &height);
      pathway_pack_get_page_size (pack, i, &pack_width, &pack_height);
      g_assert_cmpfloat_with_epsilon (width, pack_width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, pack_height, 0.01);
    }
}

static void
test_demo_red_and_amber_sections (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (demo, meeting, NULL, "sections.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = pathway_document_states_as_at (demo,
                                                            pathway_pack_get_as_at (pack),
                                                            &error);
  PathwayProgramme *programme = pathway_document_get_programme (demo);
  g_autoptr(GString) red_text = g_string_new ("\n");
  guint n_red = 0, n_amber_pages = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    {
      g_autofree char *text = page_text (pdf, (int) i);

      if (page_is (pack, i, PATHWAY_PACK_SECTION_RED))
        g_string_append (red_text, text);
      if (page_is (pack, i, PATHWAY_PACK_SECTION_AMBER))
        {
          /* The table's header row is repeated on every page the table spans, and the
           * pages after the first say the table goes on. */
          g_assert_nonnull (strstr (text, "Original"));
          g_assert_nonnull (strstr (text, "Revised"));
          g_assert_nonnull (strstr (text, "Lead"));
          g_assert_nonnull (strstr (text, "Comments"));
          g_assert_nonnull (strstr (text, "Ref"));
          if (n_amber_pages > 0)
            g_assert_nonnull (strstr (text, "Amber actions, continued"));
          else
            g_assert_null (strstr (text, "continued"));
          n_amber_pages++;
        }
    }
  g_assert_cmpuint (n_amber_pages, >=, 2);

  for (guint i = 0; i < states->len; i++)
    {
      PathwayActionState *state = &g_array_index (states, PathwayActionState, i);
      PathwayAction *action = pathway_programme_find_action (programme, state->action_id);
      if (state->rating != PATHWAY_RATING_RED)
        continue;
      n_red++;
      g_assert_nonnull (action);
      g_assert_true (has_line (red_text->str, pathway_action_get_reference (action)));
    }
  g_assert_cmpuint (n_red, >, 0);
}

static char *whole_text (PopplerDocument *pdf);

/* The text of every page of the section, joined. */
static char *
whole_section_text (PathwayPack *pack, PopplerDocument *pdf, PathwayPackSection section)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    if (page_is (pack, i, section))
      {
        g_autofree char *page = page_text (pdf, (int) i);

        g_string_append (text, page);
      }
  return g_string_free (text, FALSE);
}

/* The amber table answers the board's questions: lead, original and revised timescales
 * (1A v was revised to Spring Term 2027), and when its commentary was written, stale
 * commentary marked by the programme's limit; a red action says when its commentary was
 * written and what will bring it back. */
static void
test_demo_tables_answer_questions (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (demo, meeting, NULL, "questions.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autofree char *amber = whole_section_text (pack, pdf, PATHWAY_PACK_SECTION_AMBER);
  g_autofree char *red = whole_section_text (pack, pdf, PATHWAY_PACK_SECTION_RED);
  const char *row = strstr (amber, "1A v");
  int stale_days = pathway_programme_get_stale_days (pathway_document_get_programme (demo));

  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row, "Spring"));
  g_assert_nonnull (strstr (row, "Term 2027"));
  g_assert_nonnull (strstr (row, "Daniel Okoro"));
  g_assert_nonnull (strstr (amber, "Not\nrevised"));
  g_assert_nonnull (strstr (amber, "Updated "));
  g_assert_nonnull (strstr (amber, "Not updated since "));
  g_assert_cmpint (stale_days, ==, 60);

  g_assert_nonnull (strstr (red, "Commentary, updated "));
  g_assert_nonnull (strstr (red, "What will bring it back on track"));
  g_assert_null (strstr (red, "Commentary as at"));
}

/* No month in the demo pack reads like a day ("Dec 25"): months, terms and quarters carry
 * their whole year, on the tables and the charts' axes alike. */
static void
test_no_two_digit_years (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (demo, meeting, NULL, "years.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autofree char *text = whole_text (pdf);
  g_autoptr(GRegex) short_year = g_regex_new ("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|"
                                              "Nov|Dec)[a-z]* [0-9]{2}\\b(?![0-9/])",
                                              0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_cmpuint (pathway_pack_get_n_pages (pack), ==,
                    (guint) poppler_document_get_n_pages (pdf));
  if (g_regex_match (short_year, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_error ("the pack writes “%s”, which reads like a day", found);
    }
  g_assert_nonnull (strstr (text, "Term 2027"));
}

/* A pack for a day made after history for that day came in (a tracker imported as at it) says
 * how many of its changes were recorded later, since one made on the day showed less. */
static void
test_says_history_recorded_later (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own_path = work_path ("later.pathway");
  g_autofree char *before_path = NULL;
  g_autofree char *after_path = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autoptr(PathwayDocument) own = NULL;
  g_autoptr(PathwayPack) before = NULL;
  g_autoptr(PathwayPack) after = NULL;
  g_autoptr(PopplerDocument) before_pdf = NULL;
  g_autoptr(PopplerDocument) after_pdf = NULL;
  g_autoptr(PathwayAction) action = NULL;
  PathwayMeeting *meeting;
  GDate day;

  g_assert_true (pathway_demo_write (own_path, &error));
  g_assert_no_error (error);
  own = pathway_document_open (own_path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  meeting = latest_meeting (own);
  before = write_pack (own, meeting, NULL, "before.pdf", &before_path);
  before_pdf = open_pdf (before_path);
  before_text = whole_text (before_pdf);
  g_assert_null (strstr (before_text, "recorded after"));

  /* A commentary for a week before the pack's day, written now. */
  day = *pathway_pack_get_as_at (before);
  g_date_subtract_days (&day, 7);
  action = g_list_model_get_item (pathway_programme_get_actions (
                                    pathway_document_get_programme (own)), 0);
  g_assert_true (pathway_document_begin_batch (own, "Older tracker", &error));
  g_assert_true (pathway_document_set_as_at (own, &day, &error));
  g_assert_true (pathway_document_set_commentary (own, action, "As it stood a week before.",
                                                  &error));
  g_assert_true (pathway_document_commit_batch (own, &error));
  g_assert_no_error (error);

  after = write_pack (own, meeting, NULL, "after.pdf", &after_path);
  after_pdf = open_pdf (after_path);
  after_text = whole_text (after_pdf);
  g_assert_nonnull (strstr (after_text, "Includes 1 change for this period recorded after"));
}

/* The meeting's headlines and decisions are sections of their own only when they have text
 * (its risks too, but the demo has a risk log, which takes their place); a draft says DRAFT on
 * every page; the PDF has a bookmark for each section. */
static void
test_narrative_draft_and_outline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own_path = work_path ("narrative.pathway");
  g_autoptr(PathwayDocument) own = NULL;
  PathwayMeeting *meeting;
  g_autofree char *path = NULL;
  g_autofree char *before_path = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *whole_before = NULL;
  g_autoptr(PathwayPack) before = NULL;
  g_autoptr(PopplerDocument) plain = NULL;
  const char *const fields[] = { "headlines", "decisions", "risks", "draft", NULL };
  const char *const values[] = { "- Waiting times for assessment are down for a third month.",
                                 "Agree the revised timescale for 1A v.",
                                 "Recruitment of S<OT & \"SALT\" staff is slower than planned.",
                                 "yes", NULL };
  g_autoptr(PathwayPack) pack = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  PopplerIndexIter *outline;
  guint n_bookmarks = 0;
  gboolean red_bookmark = FALSE;

  /* A demo of its own, to change. */
  g_assert_true (pathway_demo_write (own_path, &error));
  g_assert_no_error (error);
  own = pathway_document_open (own_path, PATHWAY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  meeting = latest_meeting (own);
  before = write_pack (own, meeting, NULL, "plain.pdf", &before_path);
  plain = open_pdf (before_path);
  whole_before = whole_text (plain);
  g_assert_null (strstr (whole_before, "Headlines"));
  g_assert_null (strstr (whole_before, "Decisions for the board"));
  /* The demo's risk log. */
  g_assert_nonnull (strstr (whole_before, "Risks and issues"));
  g_assert_null (strstr (whole_before, "DRAFT"));

  g_assert_true (pathway_document_set_fields (own, meeting, fields, values, NULL, &error));
  g_assert_no_error (error);
  pack = write_pack (own, meeting, NULL, "narrative.pdf", &path);
  pdf = open_pdf (path);
  whole = whole_text (pdf);
  g_assert_nonnull (strstr (whole, "Headlines"));
  g_assert_nonnull (strstr (whole, "Waiting times for assessment are down"));
  g_assert_nonnull (strstr (whole, "Decisions for the board"));
  g_assert_nonnull (strstr (whole, "Risks and issues"));
  /* The log stands in for the meeting's own words on risks. */
  g_assert_null (strstr (whole, "S<OT & \"SALT\""));
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);

      g_assert_nonnull (strstr (text, "DRAFT"));
    }

  outline = poppler_index_iter_new (pdf);
  g_assert_nonnull (outline);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (outline);

      n_bookmarks++;
      if (action->type == POPPLER_ACTION_GOTO_DEST &&
          g_strcmp0 (action->goto_dest.title, "Red actions") == 0)
        red_bookmark = TRUE;
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (outline));
  poppler_index_iter_free (outline);
  g_assert_cmpuint (n_bookmarks, >=, 5);
  g_assert_true (red_bookmark);

}

static void
test_same_day_same_bytes (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  g_autofree char *first = NULL, *second = NULL, *earlier = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  gsize a_len, b_len, c_len;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(PathwayPack) p1 = write_pack (demo, meeting, NULL, "one.pdf", &first);
  g_autoptr(PathwayPack) p2 = write_pack (demo, meeting, NULL, "two.pdf", &second);
  g_autoptr(PathwayPack) p3 = write_pack (demo, meeting, day, "earlier.pdf", &earlier);
  g_autoptr(PopplerDocument) now_pdf = NULL;
  g_autoptr(PopplerDocument) then_pdf = NULL;
  g_autofree char *now_text = NULL, *then_text = NULL;

  g_assert_true (g_file_get_contents (first, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_len, NULL));
  g_assert_true (g_file_get_contents (earlier, &c, &c_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
  g_assert_false (a_len == c_len && memcmp (a, c, a_len) == 0);

  /* The demo's ratings moved between January and November: an action red on one day and
   * not on the other is in that day's red actions only. */
  now_pdf = open_pdf (first);
  then_pdf = open_pdf (earlier);
  now_text = page_text (now_pdf, 0);
  then_text = page_text (then_pdf, 0);
  g_assert_nonnull (strstr (then_text, "1 January 2026"));
  g_assert_cmpstr (now_text, !=, then_text);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) now_states = pathway_document_states_as_at (demo,
                                                                  pathway_pack_get_as_at (p1),
                                                                  &error);
    g_autoptr(GArray) then_states = pathway_document_states_as_at (demo, day, &error);
    g_autofree char *now_red = section_text (p1, now_pdf, PATHWAY_PACK_SECTION_RED);
    g_autofree char *then_red = section_text (p3, then_pdf, PATHWAY_PACK_SECTION_RED);
    PathwayProgramme *programme = pathway_document_get_programme (demo);
    guint n_moved = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < now_states->len; i++)
      {
        PathwayActionState *now_state = &g_array_index (now_states, PathwayActionState, i);
        const char *reference;
        gboolean red_now, red_then = FALSE;

        for (guint k = 0; k < then_states->len; k++)
          if (g_array_index (then_states, PathwayActionState, k).action_id
              == now_state->action_id)
            red_then = g_array_index (then_states, PathwayActionState, k).rating
                       == PATHWAY_RATING_RED;
        red_now = now_state->rating == PATHWAY_RATING_RED;
        reference = pathway_action_get_reference (
          pathway_programme_find_action (programme, now_state->action_id));
        g_assert_cmpint (has_line (now_red, reference), ==, red_now);
        g_assert_cmpint (has_line (then_red, reference), ==, red_then);
        n_moved += red_now != red_then;
      }
    g_assert_cmpuint (n_moved, >, 0);
  }
}

/* A large programme ------------------------------------------------------------------------- */

typedef struct {
  double x1, y1, x2, y2;
} Box;

/* Joins the characters of a page into runs (a word or a line of words on one baseline), so
 * that touching letters inside a word are not counted as overlapping. */
static GArray *
text_runs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Box));
  Box run = { 0 };
  gboolean open = FALSE;
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      PopplerRectangle *r = &rects[i];
      double mid = (r->y1 + r->y2) / 2;

      if (g_unichar_isspace (c))
        {
          if (open)
            g_array_append_val (runs, run);
          open = FALSE;
          continue;
        }
      if (open && (fabs (mid - (run.y1 + run.y2) / 2) > 1.0 || r->x1 < run.x2 - 1.0
                   || r->x1 > run.x2 + 3.0))
        {
          g_array_append_val (runs, run);
          open = FALSE;
        }
      if (!open)
        {
          run = (Box) { r->x1, r->y1, r->x2, r->y2 };
          open = TRUE;
        }
      else
        {
          run.x2 = MAX (run.x2, r->x2);
          run.y1 = MIN (run.y1, r->y1);
          run.y2 = MAX (run.y2, r->y2);
        }
    }
  if (open)
    g_array_append_val (runs, run);
  g_free (rects);
  return runs;
}

static gboolean
boxes_overlap (const Box *a, const Box *b)
{
  /* Half a point of slack: line boxes of consecutive lines may touch. */
  return a->x1 < b->x2 - 0.5 && b->x1 < a->x2 - 0.5 && a->y1 < b->y2 - 0.5 && b->y1 < a->y2 - 0.5;
}

/* No two runs of text on top of each other and nothing outside the margins, on page 'i';
 * returns whether the page is landscape. */
static gboolean
assert_page_text_apart_and_inside (PopplerDocument *pdf, int i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
  g_autoptr(GArray) runs = text_runs (page);
  double width, height;

  poppler_page_get_size (page, &width, &height);
  g_assert_cmpuint (runs->len, >, 3);
  for (guint a = 0; a < runs->len; a++)
    {
      Box *box = &g_array_index (runs, Box, a);

      if (box->x1 < PACK_MARGIN_INNER - 1 || box->x2 > width - PACK_MARGIN_OUTER + 1
          || box->y1 < 20 || box->y2 > height - 20)
        g_error ("page %d: text at %.1f,%.1f-%.1f,%.1f is outside the margins", i + 1, box->x1,
                 box->y1, box->x2, box->y2);
      for (guint b = a + 1; b < runs->len; b++)
        if (boxes_overlap (box, &g_array_index (runs, Box, b)))
          {
            Box *other = &g_array_index (runs, Box, b);

            g_error ("page %d: text at %.1f,%.1f-%.1f,%.1f overlaps %.1f,%.1f-%.1f,%.1f", i + 1,
                     box->x1, box->y1, box->x2, box->y2, other->x1, other->y1, other->x2,
                     other->y2);
          }
    }
  return width > height;
}

/* The same on every page; returns whether some page is landscape. */
static gboolean
assert_text_apart_and_inside (PopplerDocument *pdf)
{
  gboolean landscape_seen = FALSE;

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    landscape_seen |= assert_page_text_apart_and_inside (pdf, i);
  return landscape_seen;
}

static PathwayDocument *
make_large_programme (const char *path, guint n_actions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayDocument) document = pathway_document_create (path, "Large Test Programme",
                                                                 &error);
  g_autoptr(PathwayBoard) board = pathway_board_new ();
  g_autoptr(PathwayMeeting) meeting = pathway_meeting_new ();
  g_autoptr(GDate) day = g_date_new_dmy (10, G_DATE_MARCH, 2026);
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 2, 1, 9, 0, 0);
  static const char *const timescales[] = { "Dec 25", "March 2026", "Summer Term 2026",
                                            "2026/27", "ongoing", "Q3 2026/27" };
  static const char *const themes[] = { "Co-production", "Workforce", "EHC plans",
                                        "Preparing for adulthood", "" };
  PathwayWorkstream *workstreams[3];

  g_assert_no_error (error);
  pathway_document_set_now (document, clock);
  for (guint w = 0; w < G_N_ELEMENTS (workstreams); w++)
    {
      g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
      g_autofree char *code = g_strdup_printf ("%c", 'A' + w);
      g_autofree char *title = g_strdup_printf ("Workstream %s with a title long enough to wrap "
                                                "in the table of ratings by workstream", code);

      pathway_workstream_set_code (draft, code);
      pathway_workstream_set_title (draft, title);
      pathway_workstream_set_description (draft, "- First aim of the workstream\n- Second aim");
      g_assert_true (pathway_document_add_workstream (document, draft, &error));
      g_assert_no_error (error);
      workstreams[w] = draft;
    }

  g_assert_true (pathway_document_begin_batch (document, "Fill", &error));
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(PathwayAction) action = pathway_action_new ();
      g_autofree char *reference = g_strdup_printf ("%u%c %s", 1 + i / 40, 'A' + (i / 10) % 4,
                                                    (const char *[]) { "i", "ii", "iii", "iv",
                                                                       "v", "vi", "vii",
                                                                       "viii", "ix",
                                                                       "x" }[i % 10]);
      g_autoptr(GString) commentary = g_string_new (NULL);
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (timescales[i % 6]);

      g_string_append_printf (commentary, "Progress update number %u for this action. ", i);
      for (guint k = 0; k < 1 + i % 7; k++)
        g_string_append (commentary, "The lead met the partners again this month and agreed "
                                     "the next steps, which are set out below in detail. ");
      if (i % 3 != 2)
        g_string_append (commentary, "\n- First step agreed\n- Second step with a longer "
                                     "explanation that wraps over more than one line\n"
                                     "• Third step");
      if (i % 97 == 0)
        for (guint k = 0; k < 60; k++)
          g_string_append (commentary, "A very long commentary that runs on and on. ");
      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, "Deliver the part of the plan that this action "
                                              "stands for, with families and partners");
      pathway_action_set_workstream (action, workstreams[i % 3]);
      pathway_action_set_theme (action, themes[i % 5]);
      pathway_action_set_original_timescale (action, timescale);
      pathway_action_set_rating (action, (PathwayRating) (1 + i % 3));
      pathway_action_set_commentary (action, commentary->str);
      g_assert_true (pathway_document_add_action (document, action, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pathway_document_commit_batch (document, &error));
  g_assert_no_error (error);

  pathway_board_set_name (board, "Improvement Board");
  g_assert_true (pathway_document_add_board (document, board, &error));
  pathway_meeting_set_date (meeting, day);
  pathway_meeting_set_report_sections (meeting, "introduction,current-rating,red,amber,"
                                                "workstreams,overdue,appendix");
  g_assert_true (pathway_document_add_meeting (document, board, meeting, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&document);
}

static void
test_large_pack_text_apart_and_inside (void)
{
  g_autofree char *file = work_path ("large.pathway");
  g_autoptr(PathwayDocument) document = make_large_programme (file, 1000);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (document, latest_meeting (document), NULL,
                                            "large.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 20);
  g_assert_true (assert_text_apart_and_inside (pdf));
  {
    /* Bullet lines in the amber table's comments are bullets: the dot is drawn, the marks
     * typed are gone. */
    g_autofree char *amber = section_text (pack, pdf, PATHWAY_PACK_SECTION_AMBER);

    g_assert_nonnull (strstr (amber, "First step agreed"));
    g_assert_nonnull (strstr (amber, "Third step"));
    g_assert_null (strstr (amber, "- First step"));
    g_assert_null (strstr (amber, "\u2022 Third step"));
    g_assert_null (strstr (amber, "\u2022Third step"));
  }
  pathway_document_close (document);
}

/* Words and edges --------------------------------------------------------------------------- */

static void
test_user_text_prints_as_written (void)
{
  g_autofree char *file = work_path ("markup.pathway");
  g_autoptr(PathwayDocument) document = make_large_programme (file, 3);
  PathwayMeeting *meeting = latest_meeting (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  g_assert_true (pathway_document_set_text (document, meeting, "report-title",
                                            "S<OT & \"SALT\" <b>report</b>", &error));
  g_assert_no_error (error);
  pack = write_pack (document, meeting, NULL, "markup.pdf", &path);
  pdf = open_pdf (path);
  text = page_text (pdf, 0);
  g_assert_nonnull (strstr (text, "S<OT & \"SALT\" <b>report</b>"));
  pathway_document_close (document);
}

static void
test_empty_programme (void)
{
  g_autofree char *file = work_path ("empty.pathway");
  g_autoptr(PathwayDocument) document = make_large_programme (file, 0);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (document, latest_meeting (document), NULL,
                                            "empty.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autofree char *text = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  /* Lines joined: a sentence may wrap. */
  text = g_strdelimit (page_text (pdf, 0), "\n", ' ');
  g_assert_nonnull (strstr (text, "The programme has no actions yet."));
  g_assert_nonnull (strstr (text, "No action has a rating yet."));
  pathway_document_close (document);
}

static char *
whole_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = page_text (pdf, i);

      g_string_append (text, page);
    }
  return g_string_free (text, FALSE);
}

/* Actions but none red, and no indicators: the sections say so rather than vanish. */
static void
test_no_red_no_indicators (void)
{
  g_autofree char *file = work_path ("no-red.pathway");
  g_autoptr(PathwayDocument) document = make_large_programme (file, 3);
  PathwayProgramme *programme = pathway_document_get_programme (document);
  GListModel *actions = pathway_programme_get_actions (programme);
  PathwayMeeting *meeting = latest_meeting (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);

      if (pathway_action_get_rating (action) == PATHWAY_RATING_RED)
        g_assert_true (pathway_document_set_rating (document, action, PATHWAY_RATING_GREEN,
                                                    "Recovered", &error));
      g_assert_no_error (error);
    }
  g_assert_true (pathway_document_set_text (document, meeting, "report-sections",
                                            "introduction,red,amber,indicators", &error));
  g_assert_no_error (error);

  pack = write_pack (document, meeting, NULL, "no-red.pdf", &path);
  pdf = open_pdf (path);
  text = whole_text (pdf);
  g_assert_nonnull (strstr (text, "3 actions"));
  g_assert_nonnull (strstr (text, "No action was rated Red on 10 March 2026."));
  g_assert_nonnull (strstr (text, "The programme has no indicators yet."));
  /* The amber action is still there; the sections left out are. */
  g_assert_nonnull (strstr (text, "Amber actions"));
  g_assert_null (strstr (text, "Workstream progress"));
  g_assert_null (strstr (text, "Overdue and slipped actions"));
  pathway_document_close (document);
}

/* Indicators against their trajectory ------------------------------------------------------ */

static PathwayIndicator *
add_indicator (PathwayDocument *document, const char *name, PathwayUnit unit,
               PathwayDirection direction, double baseline, double milestone, double target,
               PathwayPerson *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) baseline_date = g_date_new_dmy (31, G_DATE_MARCH, 2025);
  g_autoptr(GDate) milestone_date = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  g_autoptr(GDate) target_date = g_date_new_dmy (31, G_DATE_MARCH, 2027);
  g_autoptr(PathwayMilestone) planned = pathway_milestone_new ();
  PathwayIndicator *indicator = pathway_indicator_new ();

  pathway_indicator_set_name (indicator, name);
  pathway_indicator_set_unit (indicator, unit);
  pathway_indicator_set_direction (indicator, direction);
  pathway_indicator_set_baseline_value (indicator, baseline);
  pathway_indicator_set_baseline_date (indicator, baseline_date);
  pathway_indicator_set_target_value (indicator, target);
  pathway_indicator_set_target_date (indicator, target_date);
  pathway_indicator_set_owner (indicator, owner);
  g_assert_true (pathway_document_add_indicator (document, indicator, &error));
  g_assert_no_error (error);
  pathway_milestone_set_date (planned, milestone_date);
  pathway_milestone_set_planned_value (planned, milestone);
  g_assert_true (pathway_document_add_milestone (document, indicator, planned, &error));
  g_assert_no_error (error);
  return indicator;
}

static void
add_reading (PathwayDocument *document, PathwayIndicator *indicator, int month, double value,
             const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayReading) reading = pathway_reading_new ();
  g_autoptr(GDate) date = g_date_new_dmy (1, month, 2026);

  g_date_set_day (date, g_date_get_days_in_month (month, 2026));
  pathway_reading_set_date (reading, date);
  pathway_reading_set_value (reading, value);
  pathway_reading_set_note (reading, note);
  g_assert_true (pathway_document_add_reading (document, indicator, reading, &error));
  g_assert_no_error (error);
}

static guint
count_in (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* On 10 March 2026 (the meeting), one indicator is ahead of the line from its baseline to its
 * first milestone though far from its final target, and reads "On trajectory"; the other is
 * behind that line, reads "Behind trajectory by", and is the one row of the exceptions table
 * before the charts, with its owner and its reading's note. */
static void
test_indicators_against_trajectory (void)
{
  g_autofree char *file = work_path ("trajectory.pathway");
  g_autoptr(PathwayDocument) document = make_large_programme (file, 3);
  PathwayMeeting *meeting = latest_meeting (document);
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 3, 5, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwayPerson) owner = pathway_person_new ();
  g_autoptr(PathwayIndicator) ahead = NULL;
  g_autoptr(PathwayIndicator) behind = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  const char *table, *first_chart, *ahead_chart, *behind_chart;

  pathway_document_set_now (document, clock);
  pathway_person_set_name (owner, "Grace Mensah");
  g_assert_true (pathway_document_add_person (document, owner, &error));
  g_assert_no_error (error);
  /* Expected on 10 March 2026: 38.8% of a planned 40% by the end of March; 21.2 weeks. */
  ahead = add_indicator (document, "Short breaks", PATHWAY_UNIT_PERCENT,
                         PATHWAY_DIRECTION_HIGHER_IS_BETTER, 20, 40, 80, NULL);
  behind = add_indicator (document, "SALT wait", PATHWAY_UNIT_WEEKS,
                          PATHWAY_DIRECTION_LOWER_IS_BETTER, 40, 20, 10, owner);
  for (int month = 1; month <= 2; month++)
    {
      add_reading (document, ahead, month, 43 + month, "");
      add_reading (document, behind, month, 32 - month, month == 2 ? "Therapists on leave" : "");
    }
  g_assert_true (pathway_document_set_text (document, meeting, "report-sections",
                                            "introduction,indicators", &error));
  g_assert_no_error (error);

  pack = write_pack (document, meeting, NULL, "trajectory.pdf", &path);
  pdf = open_pdf (path);
  /* The section starts on the introduction's page. */
  text = g_strdelimit (whole_text (pdf), "\n", ' ');

  g_assert_nonnull (strstr (text, "1 of 2 indicators was behind its trajectory on 10 March "
                                  "2026."));
  table = strstr (text, "Expected now");
  g_assert_nonnull (table);
  /* The charts come after the table, in the programme's order: "Short breaks" first. */
  ahead_chart = strstr (text, "Short breaks");
  g_assert_nonnull (ahead_chart);
  g_assert_cmpuint (count_in (text, "Short breaks"), ==, 1);
  g_assert_cmpuint (count_in (text, "SALT wait"), ==, 2);
  first_chart = ahead_chart;
  g_assert_true (strstr (table, "SALT wait") < first_chart);
  g_assert_true (strstr (table, "Mensah") < first_chart);
  g_assert_true (strstr (table, "Therapists on leave") < first_chart);
  g_assert_true (strstr (table, "30 weeks") < first_chart);
  g_assert_true (strstr (table, "21.2 weeks") < first_chart);
  behind_chart = strstr (first_chart + 1, "SALT wait");
  g_assert_nonnull (behind_chart);

  /* Ahead of the line, short of the final target: on trajectory. */
  g_assert_nonnull (strstr (ahead_chart, "Latest: 45% on 28 February 2026. On trajectory."));
  g_assert_true (strstr (ahead_chart, "On trajectory") < behind_chart);
  g_assert_nonnull (strstr (behind_chart, "Latest: 30 weeks on 28 February 2026. Behind "
                                          "trajectory by 8.8 weeks."));
  g_assert_nonnull (strstr (behind_chart, "Expected by 10 March 2026: 21.2 weeks. Target: 10 "
                                          "weeks by 31 March 2027."));
  g_assert_null (strstr (text, "Misses the target"));
  g_assert_null (strstr (text, "Meets the target"));
  pathway_document_close (document);
}

/* The risk log and "you said, we did" ------------------------------------------------------ */

#define AWKWARD "S<OT & \"SALT\""

/* Joins a PDF's text into one line: a cell's wrapped lines read on. */
static char *
joined (char *text)
{
  return g_strdelimit (text, "\n", ' ');
}

static void
add_record (PathwayDocument *document, const char *kind, const char *const *fields,
            const char *const *values)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathway_document_add_fields (document, pathway_kind_lookup (kind), fields,
                                              values, NULL, &error));
  g_assert_no_error (error);
}

static void
set_record (PathwayDocument *document, const char *kind, const char *name, const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = pathway_document_find_record (document, pathway_kind_lookup (kind),
                                                            name, &error);
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };

  g_assert_no_error (error);
  g_assert_true (pathway_document_set_fields (document, record, fields, values, NULL, &error));
  g_assert_no_error (error);
}

static void
set_clock (PathwayDocument *document, int year, int month, int day)
{
  g_autoptr(GDateTime) clock = g_date_time_new_local (year, month, day, 10, 0, 0);

  pathway_document_set_now (document, clock);
}

/* The large test programme of a few actions, with a meeting of its board on 14 January 2026
 * before the one on 10 March 2026, and every section chosen. */
static PathwayDocument *
make_log_programme (const char *name)
{
  g_autofree char *file = work_path (name);
  PathwayDocument *document = make_large_programme (file, 3);
  PathwayProgramme *programme = pathway_document_get_programme (document);
  g_autoptr(PathwayBoard) board = g_list_model_get_item (pathway_programme_get_boards (programme),
                                                         0);
  g_autoptr(PathwayMeeting) january = pathway_meeting_new ();
  g_autoptr(GDate) day = g_date_new_dmy (14, G_DATE_JANUARY, 2026);
  g_autoptr(PathwayPerson) owner = pathway_person_new ();
  g_autoptr(GError) error = NULL;

  pathway_meeting_set_date (january, day);
  g_assert_true (pathway_document_add_meeting (document, board, january, &error));
  g_assert_true (pathway_document_set_text (document, latest_meeting (document),
                                            "report-sections", "", &error));
  pathway_person_set_name (owner, "Grace Mensah");
  g_assert_true (pathway_document_add_person (document, owner, &error));
  g_assert_no_error (error);
  return document;
}

/* A log written on 5 January 2026 and reviewed on 1 February (after the board's January
 * meeting), then changed again after the pack's day. */
static void
write_risk_log (PathwayDocument *document)
{
  static const char *const fields[] = { "reference", "kind", "title", "owner", "likelihood",
                                        "impact", "review-date", "response", NULL };
  static const char *const rows[][8] = {
    { "R01", "risk", AWKWARD " posts", "Grace Mensah", "3", "3", "2026-02-01",
      "Agency cover & <b>bank</b> staff" },
    { "R02", "risk", "Funding ends", "Grace Mensah", "4", "5", "2026-04-01", "Business case" },
    { "R03", "risk", "Data sharing", "", "4", "3", "2026-04-01", "Agreement drafted" },
    { "R04", "risk", "Old risk", "", "2", "2", "2026-04-01", "Watch" },
    { "R05", "assumption", "Unscored assumption", "", "0", "0", "", "" },
    { "R06", "risk", "Taken off later", "", "2", "3", "", "" },
  };
  static const char *const later[] = { "reference", "kind", "title", "likelihood", "impact",
                                       "raised-from", "response", NULL };
  static const char *const r07[] = { "R07", "issue", "Funding gap now real", "5", "5", "R02",
                                     "Bridging money asked for", NULL };
  g_autoptr(GError) error = NULL;

  set_clock (document, 2026, 1, 5);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_record (document, "risk", fields, rows[i]);

  set_clock (document, 2026, 2, 1);
  set_record (document, "risk", "R01", "likelihood", "4");
  set_record (document, "risk", "R02", "impact", "3");
  set_record (document, "risk", "R03", "status", "escalated");
  set_record (document, "risk", "R04", "status", "closed");
  add_record (document, "risk", later, r07);
  {
    g_autoptr(GObject) gone = pathway_document_find_record (document,
                                                            pathway_kind_lookup ("risk"), "R06",
                                                            &error);

    g_assert_no_error (error);
    g_assert_true (pathway_document_retire (document, gone, "Not a risk any more", &error));
    g_assert_no_error (error);
  }

  /* After the pack's day: not in a pack as at 10 March. */
  set_clock (document, 2026, 3, 12);
  set_record (document, "risk", "R01", "likelihood", "5");
}

static char *
pack_text (PathwayDocument *document, PathwayMeeting *meeting, const char *name,
           PathwayPack **pack_out)
{
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (document, meeting, NULL, name, &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  char *text = joined (whole_text (pdf));

  assert_text_apart_and_inside (pdf);
  if (pack_out != NULL)
    *pack_out = g_steal_pointer (&pack);
  return text;
}

/* The meeting's own words on risks print while the log is empty; once it has entries, the log
 * takes their place. */
static void
test_risk_log_replaces_free_text (void)
{
  g_autoptr(PathwayDocument) document = make_log_programme ("free-text.pathway");
  PathwayMeeting *meeting = latest_meeting (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *const fields[] = { "reference", "title", "likelihood", "impact", NULL };
  static const char *const values[] = { "R01", "Therapists leave", "3", "4", NULL };

  g_assert_true (pathway_document_set_text (document, meeting, "risks",
                                            "Recruitment of " AWKWARD " staff is slower than "
                                            "planned.", &error));
  g_assert_no_error (error);
  before = pack_text (document, meeting, "free-text.pdf", NULL);
  g_assert_nonnull (strstr (before, "Risks and issues"));
  g_assert_nonnull (strstr (before, "Recruitment of " AWKWARD " staff is slower than planned."));
  g_assert_null (strstr (before, "Open risks by likelihood and impact"));

  set_clock (document, 2026, 3, 1);
  add_record (document, "risk", fields, values);
  after = pack_text (document, meeting, "log.pdf", NULL);
  g_assert_nonnull (strstr (after, "Risks and issues"));
  g_assert_nonnull (strstr (after, "Open risks by likelihood and impact"));
  g_assert_nonnull (strstr (after, "Therapists leave"));
  g_assert_nonnull (strstr (after, "12, high Possible, Major"));
  g_assert_null (strstr (after, "slower than planned"));
  pathway_document_close (document);
}

/* The section as at the pack's day: the log's counts, the heat map, the highest scores first
 * with their words, an overdue review, and what moved, opened and closed since the board's
 * previous meeting; a change made after the day is not there. */
static void
test_risk_log_section (void)
{
  g_autoptr(PathwayDocument) document = make_log_programme ("risks.pathway");
  PathwayMeeting *meeting = latest_meeting (document);
  g_autoptr(PathwayPack) pack = NULL;
  g_autofree char *text = NULL;
  const char *section, *highest, *since, *r07, *r01, *r02, *r03;

  write_risk_log (document);
  text = pack_text (document, meeting, "risks.pdf", &pack);

  section = strstr (text, "Risks and issues");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "The risk and issue log as it stood on 10 March 2026: 5 open "
                                     "(1 escalated) and 1 closed."));
  /* The heat map's words, as drawn. */
  g_assert_nonnull (strstr (section, "Open risks by likelihood and impact"));
  g_assert_nonnull (strstr (section, "Likelihood"));
  g_assert_nonnull (strstr (section, "Almost certain"));
  g_assert_nonnull (strstr (section, "Negligible"));
  g_assert_nonnull (strstr (section, "Very high 20–25"));
  g_assert_nonnull (strstr (section, "1 open entry has no score yet and is not on the map."));

  /* Highest first: R07 (25), then the three scored 12, likelihood 4, by reference. */
  highest = strstr (section, "The highest scored open risks and issues");
  since = strstr (section, "Since the last meeting (14 January 2026)");
  g_assert_nonnull (highest);
  g_assert_nonnull (since);
  r07 = strstr (highest, "R07");
  r01 = strstr (highest, "R01");
  r02 = strstr (highest, "R02");
  r03 = strstr (highest, "R03");
  g_assert_true (r07 != NULL && r07 < r01 && r01 < r02 && r02 < r03 && r03 < since);
  g_assert_nonnull (strstr (highest, "25, very high Almost certain, Severe"));
  g_assert_nonnull (strstr (highest, "Funding gap now real Issue"));
  g_assert_nonnull (strstr (highest, "Data sharing Escalated"));
  g_assert_nonnull (strstr (highest, AWKWARD " posts"));
  g_assert_nonnull (strstr (highest, "Agency cover & <b>bank</b> staff"));
  g_assert_nonnull (strstr (highest, "Grace Mensah"));
  g_assert_nonnull (strstr (highest, "1 February 2026 (overdue)"));
  /* As at 10 March: R01 is 12, not the 15 it became two days later. */
  g_assert_nonnull (strstr (highest, "12, high Likely, Moderate"));
  g_assert_null (strstr (text, "15, high"));
  /* Closed and unscored entries are not among the highest. */
  {
    const char *closed = strstr (highest, "Old risk");
    const char *unscored = strstr (highest, "Unscored assumption");

    g_assert_true (closed == NULL || closed > since);
    g_assert_true (unscored == NULL || unscored > since);
  }

  g_assert_nonnull (strstr (since, "Score went up"));
  g_assert_nonnull (strstr (since, "Rose from 9 to 12 (likelihood 3 to 4)"));
  g_assert_nonnull (strstr (since, "Score went down"));
  g_assert_nonnull (strstr (since, "Fell from 20 to 12 (impact 5 to 3)"));
  g_assert_nonnull (strstr (since, "Status changed"));
  g_assert_nonnull (strstr (since, "Now escalated, was open"));
  g_assert_nonnull (strstr (since, "New since the last meeting"));
  g_assert_nonnull (strstr (since, "Score 25, very high (likelihood 5, impact 5); raised from "
                                   "R02"));
  g_assert_nonnull (strstr (since, "Closed since the last meeting"));
  g_assert_nonnull (strstr (since, "Closed; was 4, low"));
  g_assert_nonnull (strstr (since, "Taken off the log"));
  g_assert_nonnull (strstr (since, "Taken off later"));
  /* In the order of the groups. */
  g_assert_true (strstr (since, "Score went up") < strstr (since, "Score went down"));
  g_assert_true (strstr (since, "Status changed") < strstr (since, "New since the last meeting"));
  g_assert_true (strstr (since, "New since the last meeting")
                 < strstr (since, "Closed since the last meeting"));
  pathway_document_close (document);
}

/* "You said, we did": this period's entries (after the previous meeting up to the as-at day)
 * with who said it, what, what we will do and did, and their status, then the count of
 * entries from each audience in the last four quarters; at a board's first meeting, the
 * latest few. User text prints as written. */
static void
test_you_said_we_did (void)
{
  g_autoptr(PathwayDocument) document = make_log_programme ("heard.pathway");
  PathwayMeeting *meeting = latest_meeting (document);
  PathwayMeeting *january = pathway_document_previous_meeting (document, meeting);
  static const char *const fields[] = { "date", "audience", "who", "responses", "said",
                                        "will-do", "did", "status", NULL };
  static const char *const rows[][8] = {
    { "2025-02-10", "parent-carers", "Forum", "0", "Too old to count", "Listen", "", "heard" },
    { "2025-08-05", "survey", "Summer survey", "120", "Summer said", "Summer will", "Summer did",
      "done" },
    { "2025-11-20", "schools", "SENCo network", "0", "Schools said", "Schools will", "",
      "acting" },
    { "2026-01-10", "young-people", "Youth council", "0", "Before the last meeting",
      "Youth will", "", "heard" },
    { "2026-02-03", "parent-carers", AWKWARD " group", "0", AWKWARD " waits are too long",
      "Add clinics", "", "acting" },
    { "2026-03-01", "survey", "Spring survey", "200", "Spring said", "Publish results",
      "Published the results", "done" },
    { "2026-03-20", "schools", "Heads", "0", "After the pack's day", "Later", "", "heard" },
  };
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  const char *section, *quarters;

  g_assert_nonnull (january);
  /* Each recorded on its day. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int year, month, day;

      g_assert_cmpint (sscanf (rows[i][0], "%d-%d-%d", &year, &month, &day), ==, 3);
      set_clock (document, year, month, day);
      add_record (document, "coproduction", fields, rows[i]);
    }

  text = pack_text (document, meeting, "heard.pdf", NULL);
  section = strstr (text, "You said, we did");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "after the last meeting (14 January 2026) up to 10 March "
                                     "2026"));
  /* poppler gives a row's cells one after the other. */
  g_assert_nonnull (strstr (section, "DateWhoYou saidWe will doWe did, or why notStatus"));
  g_assert_nonnull (strstr (section, AWKWARD " waits are too long"));
  g_assert_nonnull (strstr (section, "Parent carer forum " AWKWARD " group"));
  g_assert_nonnull (strstr (section, "Add clinics"));
  g_assert_nonnull (strstr (section, "Nothing yet"));
  g_assert_nonnull (strstr (section, "Acting on it"));
  g_assert_nonnull (strstr (section, "Survey, 200 responses Spring survey"));
  g_assert_nonnull (strstr (section, "Published the results"));
  g_assert_true (strstr (section, "3 February 2026") < strstr (section, "1 March 2026"));
  /* Not of this period. */
  g_assert_null (strstr (section, "Before the last meeting"));
  g_assert_null (strstr (section, "Summer said"));
  g_assert_null (strstr (text, "After the pack's day"));

  quarters = strstr (section, "Heard from, by quarter");
  g_assert_nonnull (quarters);
  g_assert_nonnull (strstr (quarters, "WhoApr–Jun 2025Jul–Sep 2025Oct–Dec 2025Jan–Mar 2026"
                                      "Total"));
  g_assert_nonnull (strstr (quarters, "Parent carer forum00011"));
  g_assert_nonnull (strstr (quarters, "Young people’s forum00011"));
  g_assert_nonnull (strstr (quarters, "Schools00101"));
  g_assert_nonnull (strstr (quarters, "Survey01 120 responses01 200 responses2 320 responses"));
  g_assert_nonnull (strstr (quarters, "Everyone01135"));

  /* The board's first meeting has no period: the latest entries up to its day. */
  first = pack_text (document, january, "heard-first.pdf", NULL);
  section = strstr (first, "You said, we did");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "The latest of what families"));
  g_assert_nonnull (strstr (section, "Before the last meeting"));
  g_assert_nonnull (strstr (section, "Too old to count"));
  g_assert_null (strstr (section, "Spring said"));
  g_assert_nonnull (strstr (section, "Apr–Jun 2025Jul–Sep 2025Oct–Dec 2025Jan–Mar 2026"));
  pathway_document_close (document);
}

/* Both sections are the meeting's choice like the others, and on unless left out. */
static void
test_log_sections_chosen (void)
{
  g_autoptr(PathwayDocument) document = make_log_programme ("chosen.pathway");
  PathwayMeeting *meeting = latest_meeting (document);
  static const char *const fields[] = { "date", "audience", "said", NULL };
  static const char *const values[] = { "2026-02-03", "schools", "Schools said", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  write_risk_log (document);
  add_record (document, "coproduction", fields, values);
  with = pack_text (document, meeting, "chosen-all.pdf", NULL);
  g_assert_nonnull (strstr (with, "Open risks by likelihood and impact"));
  g_assert_nonnull (strstr (with, "You said, we did"));

  g_assert_true (pathway_document_set_text (document, meeting, "report-sections",
                                            "introduction,red", &error));
  g_assert_no_error (error);
  without = pack_text (document, meeting, "chosen-none.pdf", NULL);
  g_assert_null (strstr (without, "Risks and issues"));
  g_assert_null (strstr (without, "You said, we did"));
  pathway_document_close (document);
}

static int
compare_demo_risks (gconstpointer a, gconstpointer b)
{
  PathwayRisk *x = *(PathwayRisk *const *) a;
  PathwayRisk *y = *(PathwayRisk *const *) b;

  if (pathway_risk_get_score (x) != pathway_risk_get_score (y))
    return pathway_risk_get_score (y) - pathway_risk_get_score (x);
  if (pathway_risk_get_likelihood (x) != pathway_risk_get_likelihood (y))
    return pathway_risk_get_likelihood (y) - pathway_risk_get_likelihood (x);
  return strcmp (pathway_risk_get_reference (x), pathway_risk_get_reference (y));
}

/* The demo's pack: the risk log's open entries counted as the log has them, the ten highest
 * scores in order, the entries of "you said, we did" heard since the September board, and no
 * text on those pages on top of other text or outside the margins. */
static void
test_demo_risks_and_you_said (void)
{
  PathwayMeeting *meeting = latest_meeting (demo);
  PathwayMeeting *previous = pathway_document_previous_meeting (demo, meeting);
  PathwayProgramme *programme = pathway_document_get_programme (demo);
  GListModel *risks = pathway_programme_get_risks (programme);
  GListModel *heard = pathway_programme_get_coproduction (programme);
  g_autofree char *path = NULL;
  g_autoptr(PathwayPack) pack = write_pack (demo, meeting, NULL, "demo-log.pdf", &path);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  /* A section may start on the page of the one before: cut the whole text at headings. */
  g_autofree char *text = joined (whole_text (pdf));
  g_autofree char *risk_text = NULL;
  g_autofree char *heard_text = NULL;
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  guint open = 0, escalated = 0, closed = 0, n_heard = 0;
  const char *at;

  g_assert_nonnull (previous);
  at = strstr (text, "Risks and issues The risk and issue log");
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (at, "You said, we did What families"));
  risk_text = g_strndup (at, strstr (at, "You said, we did What families") - at);
  heard_text = g_strdup (strstr (at, "You said, we did What families"));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      PathwayRisk *risk = g_list_model_get_item (risks, i);

      g_object_unref (risk);
      if (!pathway_risk_is_open (risk))
        closed++;
      else
        open++;
      escalated += pathway_risk_get_status (risk) == PATHWAY_RISK_STATUS_ESCALATED;
      if (pathway_risk_is_open (risk) && pathway_risk_get_score (risk) > 0)
        g_ptr_array_add (scored, risk);
    }
  summary = g_strdup_printf ("The risk and issue log as it stood on 18 November 2026: %u open "
                             "(%u escalated) and %u closed.", open, escalated, closed);
  g_assert_nonnull (strstr (risk_text, summary));
  g_assert_nonnull (strstr (risk_text, "Open risks by likelihood and impact"));
  g_assert_cmpuint (scored->len, >, 10);
  /* The ten highest, highest first, then the likelier, then by reference. */
  g_ptr_array_sort (scored, compare_demo_risks);
  at = strstr (risk_text, "The highest scored open risks and issues");
  g_assert_nonnull (at);
  {
    g_autofree char *table = g_strndup (at, strstr (at, "Since the last meeting") - at);

    at = table;
    for (guint i = 0; i < 10; i++)
      {
        PathwayRisk *risk = g_ptr_array_index (scored, i);

        at = strstr (at, pathway_risk_get_reference (risk));
        if (at == NULL)
          g_error ("%s is not the highest but %u", pathway_risk_get_reference (risk), i);
      }
    /* The eleventh is left out. */
    g_assert_null (strstr (table, pathway_risk_get_reference (g_ptr_array_index (scored, 10))));
  }
  g_assert_nonnull (strstr (risk_text, "Since the last meeting (16 September 2026)"));

  for (guint i = 0; i < g_list_model_get_n_items (heard); i++)
    {
      g_autoptr(PathwayCoproduction) entry = g_list_model_get_item (heard, i);
      const GDate *date = pathway_coproduction_get_date (entry);
      g_autofree char *said = g_strdup (pathway_coproduction_get_said (entry));
      gboolean in_period = g_date_compare (date, pathway_meeting_get_date (previous)) > 0
                           && g_date_compare (date, pathway_pack_get_as_at (pack)) <= 0;
      char *first_line;

      /* The first words of what they said, which no cell wraps. */
      first_line = strchr (said, ' ');
      if (first_line != NULL && (first_line = strchr (first_line + 1, ' ')) != NULL)
        *first_line = '\0';
      n_heard += in_period;
      if (in_period)
        g_assert_nonnull (strstr (heard_text, said));
    }
  g_assert_cmpuint (n_heard, >, 0);
  g_assert_nonnull (strstr (heard_text, "Heard from, by quarter"));

  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    if (page_is (pack, i, PATHWAY_PACK_SECTION_RISKS)
        || page_is (pack, i, PATHWAY_PACK_SECTION_COPRODUCTION))
      assert_page_text_apart_and_inside (pdf, (int) i);
}

/* The page maker ---------------------------------------------------------------------------- */

/* A table of many rows of different heights under theme rows, with one row taller than a
 * page, after a few paragraphs: rows are whole on one page (but the tall one), each page the
 * table runs on to starts with its header again, nothing is below the body, a theme row or a
 * heading never ends a page, and the blocks come in the order they were written. */
static void
test_flow_table_geometry (void)
{
  g_autoptr(PackFlow) flow = pack_flow_new ();
  static const double shares[] = { 0.1, 0.4, 0.15, 0.35 };
  const char *headers[] = { "Ref", "Action", "Original timescale", "Comments" };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  double body = pack_flow_body_height (FALSE);
  PackTable *table;
  guint n_rows = 0, n_pages, tall_pages = 0;
  gconstpointer tall = NULL;
  double tall_reached = 0, tall_height = 0, header_height = 0;

  for (guint k = 0; k < 150; k++)
    g_string_append_printf (long_text, "- Step %u of a very long recovery plan\n", k);

  pack_flow_begin_section (flow, "Opening", FALSE);
  pack_flow_heading (flow, "Opening");
  for (guint k = 0; k < 5; k++)
    pack_flow_paragraph (flow, "A paragraph of several words that wraps over more than one "
                               "line at the width of an A4 page with these margins, twice over "
                               "so that it takes a few lines.", PACK_FONT_BODY);
  pack_flow_begin_section (flow, "Table", FALSE);
  pack_flow_heading (flow, "Table");
  table = pack_flow_begin_table (flow, 4, shares, headers);
  for (guint t = 0; t < 6; t++)
    {
      g_autofree char *theme = g_strdup_printf ("Theme %u", t);

      pack_flow_table_group_row (flow, table, theme);
      for (guint r = 0; r < 20; r++)
        {
          g_autofree char *ref = g_strdup_printf ("%u.%u", t, r);
          g_autoptr(GString) comment = g_string_new ("Comment");
          PackCell cells[4] = { { ref, 0, TRUE }, { "Deliver the plan", 0, FALSE },
                                { "Dec 26", 0, FALSE }, { NULL, 0, FALSE } };

          for (guint k = 0; k < (r * 7) % 11; k++)
            g_string_append (comment, "\n- another line of commentary that may wrap");
          cells[3].text = t == 3 && r == 5 ? long_text->str : comment->str;
          pack_flow_table_row (flow, table, cells);
          n_rows++;
        }
    }
  pack_flow_end_table (flow, table);
  pack_flow_paginate (flow);

  n_pages = pack_flow_get_n_pages (flow);
  g_assert_cmpuint (n_pages, >, 5);
  for (guint page = 0; page < n_pages; page++)
    {
      guint n = pack_flow_get_n_placements (flow, page);
      gboolean has_row = FALSE, opens_table = FALSE;
      PackPlacementInfo first, last;

      g_assert_cmpuint (n, >, 0);
      pack_flow_get_placement (flow, page, 0, &first);
      pack_flow_get_placement (flow, page, n - 1, &last);
      for (guint i = 0; i < n; i++)
        {
          PackPlacementInfo info;

          pack_flow_get_placement (flow, page, i, &info);
          g_assert_cmpfloat (info.y, >=, 0);
          g_assert_cmpfloat (info.y + (info.to - info.from), <=, body + 0.01);
          if (info.header)
            header_height = info.height;
          /* Only a row that cannot fit under the header of a fresh page is cut. */
          if (info.row && info.height > body - header_height)
            {
              /* The tall row goes on from where it stopped, under a repeated header. */
              g_assert_true (tall == NULL || tall == info.block);
              tall = info.block;
              tall_height = info.height;
              g_assert_cmpfloat_with_epsilon (info.from, tall_reached, 0.01);
              tall_reached = info.to;
              tall_pages++;
            }
          else if (info.row)
            {
              g_assert_cmpfloat (info.from, ==, 0);
              g_assert_cmpfloat (info.to, ==, info.height);
            }
          if (info.row)
            has_row = TRUE;
          if (info.header && !info.continued)
            opens_table = TRUE;
          if (!info.continued && (order->len == 0 || order->pdata[order->len - 1] != info.block))
            {
              /* Every block once, in order (the slices of one block follow each other). */
              g_assert_false (g_ptr_array_find (order, info.block, NULL));
              g_ptr_array_add (order, (gpointer) info.block);
            }
        }
      if (has_row && !opens_table)
        {
          g_assert_true (first.header);
          g_assert_true (first.continued);
          g_assert_cmpfloat (first.y, ==, 0);
        }
      if (page + 1 < n_pages)
        {
          g_assert_false (last.group_row);
          g_assert_false (last.heading);
          g_assert_false (last.header);
        }
    }
  g_assert_nonnull (tall);
  g_assert_cmpuint (tall_pages, >=, 2);
  /* The tall row was drawn to its end, and every row is there once. */
  g_assert_cmpfloat_with_epsilon (tall_reached, tall_height, 0.01);
  {
    guint rows = 0;

    for (guint i = 0; i < order->len; i++)
      for (guint page = 0; page < n_pages; page++)
        for (guint k = 0; k < pack_flow_get_n_placements (flow, page); k++)
          {
            PackPlacementInfo info;

            pack_flow_get_placement (flow, page, k, &info);
            if (info.block == order->pdata[i] && info.row && info.from == 0)
              rows++;
          }
    g_assert_cmpuint (rows, ==, n_rows);
  }
}

/* A heading never ends a page, wherever the page fills up: it moves on with what it
 * introduces (here a group that keeps together), a group that fits on a page is never split,
 * and a rule between items never starts a page. */
static void
test_flow_keeps_headings_and_groups (void)
{
  double body = pack_flow_body_height (FALSE);

  /* Up to a page of filler lines, so the heading lands at every height of the first page. */
  for (guint filler = 0; filler < 43; filler++)
    {
      g_autoptr(PackFlow) flow = pack_flow_new ();
      guint n_pages;

      pack_flow_begin_section (flow, "First", FALSE);
      for (guint k = 0; k < filler; k++)
        pack_flow_paragraph (flow, "One line of filler.", PACK_FONT_BODY);
      pack_flow_heading (flow, "Items");
      for (guint k = 0; k < 12; k++)
        {
          pack_flow_begin_group (flow);
          if (k > 0)
            pack_flow_rule (flow);
          pack_flow_subheading (flow, "An item");
          pack_flow_label_value (flow, "Lead", "A named officer");
          pack_flow_label_value (flow, "Original timescale", "Dec 26");
          pack_flow_label (flow, "Latest commentary");
          pack_flow_paragraph (flow, "Progress was made this month and the next steps were "
                                     "agreed with partners across education, health and care.",
                               PACK_FONT_BODY);
          pack_flow_end_group (flow);
        }
      pack_flow_paginate (flow);
      n_pages = pack_flow_get_n_pages (flow);
      g_assert_cmpuint (n_pages, >, 1);
      for (guint page = 0; page < n_pages; page++)
        {
          guint n = pack_flow_get_n_placements (flow, page);
          PackPlacementInfo first, last;

          pack_flow_get_placement (flow, page, 0, &first);
          pack_flow_get_placement (flow, page, n - 1, &last);
          if (page > 0)
            {
              /* Each later page starts with an item's heading, not a rule. */
              g_assert_true (first.heading);
              g_assert_cmpfloat (first.y, ==, 0);
            }
          if (page + 1 < n_pages)
            g_assert_false (last.heading);
          for (guint i = 0; i < n; i++)
            {
              PackPlacementInfo info;

              pack_flow_get_placement (flow, page, i, &info);
              g_assert_cmpfloat (info.from, ==, 0);
              g_assert_cmpfloat (info.y + info.height, <=, body + 0.01);
            }
        }
    }
}

static void
test_sections_setting (void)
{
  g_autofree char *keys = NULL;

  g_assert_cmpuint (pathway_pack_sections_parse (""), ==, PATHWAY_PACK_SECTIONS_DEFAULT);
  g_assert_cmpuint (pathway_pack_sections_parse ("red, amber,unknown"), ==,
                    (1u << PATHWAY_PACK_SECTION_RED) | (1u << PATHWAY_PACK_SECTION_AMBER));
  keys = pathway_pack_sections_to_string ((1u << PATHWAY_PACK_SECTION_RED)
                                          | (1u << PATHWAY_PACK_SECTION_APPENDIX));
  g_assert_cmpstr (keys, ==, "red,appendix");
  g_assert_false (PATHWAY_PACK_SECTIONS_DEFAULT & (1u << PATHWAY_PACK_SECTION_APPENDIX));
  g_assert_true (PATHWAY_PACK_SECTIONS_DEFAULT & (1u << PATHWAY_PACK_SECTION_RISKS));
  g_assert_true (PATHWAY_PACK_SECTIONS_DEFAULT & (1u << PATHWAY_PACK_SECTION_COPRODUCTION));
  g_assert_cmpstr (pathway_pack_section_key (PATHWAY_PACK_SECTION_COPRODUCTION), ==,
                   "you-said-we-did");
  g_assert_cmpstr (pathway_pack_section_title (PATHWAY_PACK_SECTION_COPRODUCTION), ==,
                   "You said, we did");
  g_assert_cmpuint (pathway_pack_sections_parse ("risks,you-said-we-did"), ==,
                    (1u << PATHWAY_PACK_SECTION_RISKS)
                      | (1u << PATHWAY_PACK_SECTION_COPRODUCTION));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("pathway-report-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = work_path ("demo.pathway");
  g_assert_true (pathway_demo_write (demo_path, &error));
  g_assert_no_error (error);
  demo = pathway_document_open (demo_path, PATHWAY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/report/sections-setting", test_sections_setting);
  g_test_add_func ("/report/demo-pages-and-footers", test_demo_pack_pages);
  g_test_add_func ("/report/demo-red-and-amber", test_demo_red_and_amber_sections);
  g_test_add_func ("/report/demo-tables-answer-questions", test_demo_tables_answer_questions);
  g_test_add_func ("/report/narrative-draft-and-outline", test_narrative_draft_and_outline);
  g_test_add_func ("/report/no-two-digit-years", test_no_two_digit_years);
  g_test_add_func ("/report/says-history-recorded-later", test_says_history_recorded_later);
  g_test_add_func ("/report/same-day-same-bytes", test_same_day_same_bytes);
  g_test_add_func ("/report/user-text-as-written", test_user_text_prints_as_written);
  g_test_add_func ("/report/empty-programme", test_empty_programme);
  g_test_add_func ("/report/no-red-no-indicators", test_no_red_no_indicators);
  g_test_add_func ("/report/indicators-against-trajectory", test_indicators_against_trajectory);
  g_test_add_func ("/report/risks/demo-risks-and-you-said-we-did", test_demo_risks_and_you_said);
  g_test_add_func ("/report/risks/log-replaces-free-text", test_risk_log_replaces_free_text);
  g_test_add_func ("/report/risks/section-as-at-and-since-last-meeting", test_risk_log_section);
  g_test_add_func ("/report/you-said-we-did/period-and-quarters", test_you_said_we_did);
  g_test_add_func ("/report/risks-and-you-said-we-did/chosen-by-the-meeting",
                   test_log_sections_chosen);
  g_test_add_func ("/report/flow/table-rows-whole-header-repeated", test_flow_table_geometry);
  g_test_add_func ("/report/flow/headings-and-groups-kept", test_flow_keeps_headings_and_groups);
  g_test_add_func ("/report/large-text-apart-and-inside", test_large_pack_text_apart_and_inside);
  status = g_test_run ();

  pathway_document_close (demo);
  g_object_unref (demo);
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = work_path (name);

        g_unlink (path);
      }
  }
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
