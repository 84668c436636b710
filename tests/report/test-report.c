/* test-report.c: the board pack as a PDF, read back with poppler-glib. The demo's pack has
 * many pages; every red action's reference is on the red pages; the amber table's header is on
 * every page it spans; every footer says "Page N of M"; two packs for one as-at day are the
 * same bytes and another day gives other ratings; a 1,000-action programme with long
 * commentary has no two runs of text on top of each other and nothing outside the margins;
 * user text prints as written; an empty programme still makes a pack. Programmes are written
 * in a temporary folder. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>
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
  *path_out = g_steal_pointer (&path);
  return pack;
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
  g_autoptr(GString) red_text = g_string_new (NULL);
  guint n_red = 0, n_amber_pages = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pathway_pack_get_n_pages (pack); i++)
    {
      g_autofree char *text = page_text (pdf, (int) i);

      if (page_is (pack, i, PATHWAY_PACK_SECTION_RED))
        g_string_append (red_text, text);
      if (page_is (pack, i, PATHWAY_PACK_SECTION_AMBER))
        {
          /* The table's header row is repeated on every page the table spans. */
          g_assert_nonnull (strstr (text, "Original"));
          g_assert_nonnull (strstr (text, "Comments"));
          g_assert_nonnull (strstr (text, "Ref"));
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
      g_assert_nonnull (strstr (red_text->str, pathway_action_get_reference (action)));
    }
  g_assert_cmpuint (n_red, >, 0);
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

  /* The demo's ratings moved between January and November: the counts on page 1 differ. */
  now_pdf = open_pdf (first);
  then_pdf = open_pdf (earlier);
  now_text = page_text (now_pdf, 0);
  then_text = page_text (then_pdf, 0);
  g_assert_nonnull (strstr (then_text, "1 January 2026"));
  g_assert_cmpstr (now_text, !=, then_text);
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
      if (i % 3 == 0)
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
  int n = poppler_document_get_n_pages (pdf);
  gboolean landscape_seen = FALSE;

  g_assert_cmpint (n, >, 20);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GArray) runs = text_runs (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      landscape_seen |= width > height;
      g_assert_cmpuint (runs->len, >, 3);
      for (guint a = 0; a < runs->len; a++)
        {
          Box *box = &g_array_index (runs, Box, a);

          if (box->x1 < PACK_MARGIN_INNER - 1 || box->x2 > width - PACK_MARGIN_OUTER + 1
              || box->y1 < 20 || box->y2 > height - 20)
            g_error ("page %d: text at %.1f,%.1f-%.1f,%.1f is outside the margins", i + 1,
                     box->x1, box->y1, box->x2, box->y2);
          for (guint b = a + 1; b < runs->len; b++)
            if (boxes_overlap (box, &g_array_index (runs, Box, b)))
              {
                Box *other = &g_array_index (runs, Box, b);

                g_error ("page %d: text at %.1f,%.1f-%.1f,%.1f overlaps %.1f,%.1f-%.1f,%.1f",
                         i + 1, box->x1, box->y1, box->x2, box->y2, other->x1, other->y1,
                         other->x2, other->y2);
              }
        }
    }
  g_assert_true (landscape_seen);
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
  text = page_text (pdf, 0);
  g_assert_nonnull (strstr (text, "0 actions"));
  pathway_document_close (document);
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
  g_test_add_func ("/report/same-day-same-bytes", test_same_day_same_bytes);
  g_test_add_func ("/report/user-text-as-written", test_user_text_prints_as_written);
  g_test_add_func ("/report/empty-programme", test_empty_programme);
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
