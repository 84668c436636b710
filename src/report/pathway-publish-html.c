/* pathway-publish-html.c: the public version of the plan as a small static website. Every
 * page is plain HTML that reads without script or styles: the language declared, a title,
 * a link to skip to the content, the landmarks (banner, navigation, main, footer), headings in
 * order, a contents list linking every page, "Last updated" with the publish day, and
 * previous and next links. The stylesheet (pathway-publish.css, compiled in as a resource)
 * makes it read like a council's web page at any width from a phone's up, with visible focus
 * and colours of WCAG AA contrast. A figure's chart is inline SVG named for screen readers,
 * with its numbers in words under it and as a table.
 *
 * All text from the programme goes through one escaping function: it is text, never markup. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pathway-publish-private.h"
#include "pathway-publish-resources.h"

typedef struct {
  PublishPlan *plan;
  GString *out;
  guint pdf_pages;
  PublishPageKind kind;
  const char *file;      /* this page's file name */
} Page;

/* Text ---------------------------------------------------------------------------------------- */

/* Appends text as HTML character data or an attribute value: markup characters escaped,
 * characters HTML cannot hold (controls but tab and line end) dropped, invalid UTF-8 made
 * valid. */
static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)
              || c == 0xfffe || c == 0xffff)
            break;
          g_string_append_unichar (out, c);
        }
    }
}

/* Text as paragraphs: a blank line starts a new one, a single line end is a line break. */
static void
append_paragraphs (GString *out, const char *text, const char *css_class)
{
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *normal = NULL;
  GString *work;

  if (text == NULL || *text == '\0')
    return;
  work = g_string_new (text);
  g_string_replace (work, "\r\n", "\n", 0);
  normal = g_string_free (work, FALSE);
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n+", normal, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      if (css_class != NULL)
        g_string_append_printf (out, "<p class=\"%s\">", css_class);
      else
        g_string_append (out, "<p>");
      lines = g_strsplit (paragraphs[i], "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            g_string_append (out, "<br>\n");
          append_escaped (out, g_strstrip (lines[l]));
        }
      g_string_append (out, "</p>\n");
    }
}

/* Inline text with no paragraph around it: line ends become spaces. */
static void
append_inline (GString *out, const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\r\n", ' ');
  append_escaped (out, g_strstrip (flat));
}

static void
append_element (GString *out, const char *tag, const char *attributes, const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", tag, attributes ? " " : "", attributes ? attributes : "");
  append_inline (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* A rating's word on its tag. */
static void
append_rating_tag (GString *out, PathwayRating rating)
{
  static const char *const classes[PATHWAY_N_RATINGS] = {
    "tag-none", "tag-red", "tag-amber", "tag-green", "tag-blue",
  };
  const char *words = rating == PATHWAY_RATING_NONE ? _("Not yet rated")
                                                    : pathway_publish_rating_words (rating);

  g_string_append_printf (out, "<strong class=\"tag %s\">", classes[rating]);
  append_escaped (out, words);
  g_string_append (out, "</strong>");
}

/* The frame of every page ----------------------------------------------------------------- */

static const char *
page_title (Page *page, PublishArea **area_out)
{
  PublishPlan *plan = page->plan;

  *area_out = NULL;
  switch (page->kind)
    {
    case PUBLISH_PAGE_INDEX:
      return _("Overview");
    case PUBLISH_PAGE_FIGURES:
      return _("Our progress in figures");
    case PUBLISH_PAGE_SAID:
      return _("You said, we did");
    case PUBLISH_PAGE_AREA:
    default:
      for (guint i = 0; i < plan->areas->len; i++)
        {
          PublishArea *area = g_ptr_array_index (plan->areas, i);

          if (g_str_equal (area->file, page->file))
            {
              *area_out = area;
              return area->title;
            }
        }
      return "";
    }
}

/* The pages in the contents' order, as (file, title) pairs. */
static GPtrArray *
list_pages (PublishPlan *plan)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, (gpointer) PATHWAY_PUBLISH_INDEX);
  g_ptr_array_add (pages, (gpointer) _("Overview"));
  for (guint i = 0; i < plan->areas->len; i++)
    {
      PublishArea *area = g_ptr_array_index (plan->areas, i);

      g_ptr_array_add (pages, area->file);
      g_ptr_array_add (pages, area->title);
    }
  g_ptr_array_add (pages, (gpointer) PUBLISH_FIGURES_FILE);
  g_ptr_array_add (pages, (gpointer) _("Our progress in figures"));
  g_ptr_array_add (pages, (gpointer) PUBLISH_SAID_FILE);
  g_ptr_array_add (pages, (gpointer) _("You said, we did"));
  return pages;
}

static void
append_updated (Page *page)
{
  GString *out = page->out;

  g_string_append (out, "<p class=\"updated\">");
  /* Translators: followed by the publish day, "Last updated 7 December 2026". */
  append_escaped (out, _("Last updated"));
  g_string_append_printf (out, " <time datetime=\"%s\">", page->plan->published_iso);
  append_escaped (out, page->plan->published_words);
  g_string_append (out, "</time></p>\n");
}

static void
begin_page (Page *page)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;
  g_autoptr(GPtrArray) pages = list_pages (plan);
  PublishArea *area;
  const char *title = page_title (page, &area);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
                        "<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">\n<title>");
  if (page->kind == PUBLISH_PAGE_INDEX)
    append_inline (out, plan->site_name);
  else
    {
      append_inline (out, title);
      g_string_append (out, " – ");
      append_inline (out, plan->site_name);
    }
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" href=\"" PUBLISH_STYLE_FILE "\">\n"
                        "</head>\n<body>\n");
  g_string_append (out, "<a class=\"skip-link\" href=\"#main\">");
  append_escaped (out, _("Skip to main content"));
  g_string_append (out, "</a>\n<header class=\"site-header\">\n<div class=\"width\">\n"
                        "<a class=\"site-name\" href=\"" PATHWAY_PUBLISH_INDEX "\">");
  append_inline (out, plan->site_name);
  g_string_append (out, "</a>\n</div>\n</header>\n<div class=\"width\">\n"
                        "<main id=\"main\" class=\"layout\" tabindex=\"-1\">\n"
                        "<div class=\"page-title\">\n");
  if (area != NULL)
    append_element (out, "p", "class=\"caption\"", area->number);
  append_element (out, "h1", NULL, page->kind == PUBLISH_PAGE_INDEX ? plan->site_name : title);
  append_updated (page);
  g_string_append (out, "</div>\n");

  /* The contents, after the title as in a guide of several parts (beside the page on a wide
   * screen): every page, this one marked as the current page. */
  g_string_append (out, "<nav class=\"contents\" aria-labelledby=\"contents-label\">\n"
                        "<p class=\"contents-label\" id=\"contents-label\">");
  append_escaped (out, _("Contents"));
  g_string_append (out, "</p>\n<ol class=\"contents-list\">\n");
  for (guint i = 0; i < pages->len; i += 2)
    {
      const char *file = g_ptr_array_index (pages, i);

      g_string_append_printf (out, "<li><a href=\"%s\"%s>", file,
                              g_str_equal (file, page->file) ? " aria-current=\"page\"" : "");
      append_inline (out, g_ptr_array_index (pages, i + 1));
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ol>\n</nav>\n<div class=\"page-body\">\n");
}

static void
end_page (Page *page)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;
  g_autoptr(GPtrArray) pages = list_pages (plan);
  g_autofree char *pdf = NULL;
  guint here = 0;

  for (guint i = 0; i < pages->len; i += 2)
    if (g_str_equal (g_ptr_array_index (pages, i), page->file))
      here = i;

  /* Previous and next, as in a guide of several parts. */
  g_string_append (out, "<nav class=\"pagination\" aria-label=\"");
  append_escaped (out, _("Previous and next page"));
  g_string_append (out, "\">\n<ul>\n");
  if (here >= 2)
    {
      g_string_append_printf (out, "<li class=\"pagination-previous\"><a href=\"%s\" "
                                   "rel=\"prev\"><span class=\"pagination-label\">",
                              (const char *) g_ptr_array_index (pages, here - 2));
      append_escaped (out, _("Previous"));
      g_string_append (out, "</span> ");
      append_inline (out, g_ptr_array_index (pages, here - 1));
      g_string_append (out, "</a></li>\n");
    }
  if (here + 2 < pages->len)
    {
      g_string_append_printf (out, "<li class=\"pagination-next\"><a href=\"%s\" "
                                   "rel=\"next\"><span class=\"pagination-label\">",
                              (const char *) g_ptr_array_index (pages, here + 2));
      append_escaped (out, _("Next"));
      g_string_append (out, "</span> ");
      append_inline (out, g_ptr_array_index (pages, here + 3));
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n</div>\n</main>\n</div>\n");

  g_string_append (out, "<footer class=\"site-footer\">\n<div class=\"width\">\n<p>"
                        "<a href=\"" PATHWAY_PUBLISH_PDF "\">");
  append_escaped (out, _("Download this plan as a PDF"));
  g_string_append (out, "</a> ");
  pdf = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "(A4, %u page)", "(A4, %u pages)",
                                      page->pdf_pages),
                         page->pdf_pages);
  append_escaped (out, pdf);
  g_string_append (out, "</p>\n");
  append_updated (page);
  if (plan->partner_list->len > 0)
    {
      g_autofree char *words = publish_partners_words (plan);
      g_autofree char *partners = g_strdup_printf (_("A plan of %s."), words);

      append_element (out, "p", NULL, partners);
    }
  g_string_append (out, "</div>\n</footer>\n</body>\n</html>\n");
}

/* Pieces shared by pages -------------------------------------------------------------------- */

/* "12 of 31 actions are done." */
static char *
done_words (guint n_done, guint n_actions)
{
  if (n_actions == 0)
    return g_strdup (_("No actions are listed for this yet."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action is done.",
                                       "%u of %u actions are done.", n_actions),
                          n_done, n_actions);
}

/* The bar of done against all, drawn for the eye; the words beside it say the same. */
static void
append_done_bar (GString *out, guint n_done, guint n_actions)
{
  double share = n_actions > 0 ? 100.0 * n_done / n_actions : 0;

  g_string_append_printf (out, "<div class=\"bar\" aria-hidden=\"true\"><span class=\"bar-done\" "
                               "style=\"width: %.1f%%\"></span></div>\n", share);
}

/* The open actions by rating, in words: "On track: 10 actions". */
static void
append_rating_counts (GString *out, const guint counts[PATHWAY_N_RATINGS])
{
  static const PathwayRating order[] = {
    PATHWAY_RATING_GREEN, PATHWAY_RATING_AMBER, PATHWAY_RATING_RED, PATHWAY_RATING_NONE,
  };
  guint n_open = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    n_open += counts[order[i]];
  if (n_open == 0)
    return;
  g_string_append (out, "<ul class=\"rating-counts\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *count = NULL;

      if (counts[order[i]] == 0)
        continue;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                            counts[order[i]]),
                               counts[order[i]]);
      g_string_append (out, "<li>");
      append_rating_tag (out, order[i]);
      g_string_append (out, " ");
      append_escaped (out, count);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_entry (Page *page, PublishEntry *entry, const char *heading, gboolean on_area_page)
{
  GString *out = page->out;
  const char *did_label = entry->status == PATHWAY_RESPONSE_NOT_DONE ? _("Why we did not")
                                                                     : _("We did");

  g_string_append_printf (out, "<article class=\"said\"%s%s%s>\n",
                          on_area_page ? "" : " id=\"", on_area_page ? "" : entry->id,
                          on_area_page ? "" : "\"");
  g_string_append_printf (out, "<%s class=\"said-heading\">", heading);
  append_inline (out, entry->who);
  g_string_append_printf (out, "</%s>\n", heading);
  g_string_append (out, "<p class=\"said-meta\">");
  append_escaped (out, entry->date_words);
  g_string_append (out, " <strong class=\"tag tag-status\">");
  append_escaped (out, publish_status_words (entry->status));
  g_string_append (out, "</strong></p>\n<dl class=\"said-list\">\n<dt>");
  append_escaped (out, _("You said"));
  g_string_append (out, "</dt>\n<dd>");
  append_paragraphs (out, entry->said, NULL);
  g_string_append (out, "</dd>\n");
  if (*entry->will_do != '\0')
    {
      g_string_append (out, "<dt>");
      append_escaped (out, _("We will"));
      g_string_append (out, "</dt>\n<dd>");
      append_paragraphs (out, entry->will_do, NULL);
      g_string_append (out, "</dd>\n");
    }
  if (*entry->did != '\0')
    {
      g_string_append (out, "<dt>");
      append_escaped (out, did_label);
      g_string_append (out, "</dt>\n<dd>");
      append_paragraphs (out, entry->did, NULL);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
  if (!on_area_page && entry->areas->len > 0)
    {
      g_string_append (out, "<p class=\"said-areas\">");
      append_escaped (out, entry->areas->len == 1 ? _("About:") : _("About these areas:"));
      for (guint i = 0; i < entry->areas->len; i++)
        {
          PublishArea *area = g_ptr_array_index (entry->areas, i);

          g_string_append_printf (out, "%s<a href=\"%s\">", i > 0 ? "; " : " ", area->file);
          append_inline (out, area->title);
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

/* The key to the progress words, in the order they are listed. */
static const PathwayRating key_ratings[] = {
  PATHWAY_RATING_GREEN, PATHWAY_RATING_AMBER, PATHWAY_RATING_RED, PATHWAY_RATING_NONE,
};

/* The index ------------------------------------------------------------------------------------ */

static void
write_index (Page *page)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;
  g_autofree char *done = done_words (plan->n_done, plan->n_actions);

  append_paragraphs (out, plan->introduction, "lead");

  if (plan->previous_words != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("What has changed since %s"),
                                                  plan->previous_words);

      g_string_append (out, "<section class=\"changes\" aria-labelledby=\"changes\">\n");
      g_string_append (out, "<h2 id=\"changes\">");
      append_escaped (out, heading);
      g_string_append (out, "</h2>\n");
      if (plan->changes->len == 0)
        append_element (out, "p", NULL, _("Nothing has changed since then."));
      else
        {
          g_string_append (out, "<ul>\n");
          for (guint i = 0; i < plan->changes->len; i++)
            append_element (out, "li", NULL, g_ptr_array_index (plan->changes, i));
          g_string_append (out, "</ul>\n");
        }
      g_string_append (out, "</section>\n");
    }
  else
    {
      g_string_append (out, "<section class=\"changes\" aria-labelledby=\"changes\">\n");
      g_string_append (out, "<h2 id=\"changes\">");
      append_escaped (out, _("What has changed"));
      g_string_append (out, "</h2>\n");
      append_element (out, "p", NULL, _("This is the first time we have published this plan. "
                                        "When we update it, this is where we will say what "
                                        "has changed."));
      g_string_append (out, "</section>\n");
    }

  if (*plan->vision != '\0')
    {
      append_element (out, "h2", NULL, _("Our vision"));
      append_paragraphs (out, plan->vision, NULL);
    }

  append_element (out, "h2", NULL, _("What we must improve"));
  append_element (out, "p", NULL, done);
  append_done_bar (out, plan->n_done, plan->n_actions);
  if (plan->ratings)
    {
      append_element (out, "p", NULL, _("How the actions still to do are going:"));
      append_rating_counts (out, plan->counts);
    }
  g_string_append (out, "<ol class=\"areas\">\n");
  for (guint i = 0; i < plan->areas->len; i++)
    {
      PublishArea *area = g_ptr_array_index (plan->areas, i);
      g_autofree char *area_done = done_words (area->n_done, area->n_actions);

      g_string_append (out, "<li class=\"area\">\n");
      append_element (out, "p", "class=\"caption\"", area->number);
      g_string_append_printf (out, "<h3 class=\"area-title\"><a href=\"%s\">", area->file);
      append_inline (out, area->title);
      g_string_append (out, "</a></h3>\n");
      if (*area->summary != '\0')
        append_paragraphs (out, area->summary, NULL);
      append_element (out, "p", "class=\"area-done\"", area_done);
      append_done_bar (out, area->n_done, area->n_actions);
      if (plan->ratings)
        append_rating_counts (out, area->counts);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");

  append_element (out, "h2", NULL, _("Our progress in figures"));
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "We watch %u figure to tell whether things are getting "
                                    "better for children, young people and families.",
                                    "We watch %u figures to tell whether things are getting "
                                    "better for children, young people and families.",
                                    plan->indicators->len),
                       plan->indicators->len);

    append_element (out, "p", NULL, text);
  }
  g_string_append (out, "<p><a href=\"" PUBLISH_FIGURES_FILE "\">");
  append_escaped (out, _("See our figures and how they are changing"));
  g_string_append (out, "</a></p>\n");

  append_element (out, "h2", NULL, _("You said, we did"));
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "Families, young people and schools have told us %u thing "
                                    "that we have written down here, with what we did about "
                                    "it.",
                                    "Families, young people and schools have told us %u things "
                                    "that we have written down here, with what we did about "
                                    "each.",
                                    plan->entries->len),
                       plan->entries->len);

    append_element (out, "p", NULL, text);
  }
  g_string_append (out, "<p><a href=\"" PUBLISH_SAID_FILE "\">");
  append_escaped (out, _("Read what you told us and what we did"));
  g_string_append (out, "</a></p>\n");

  if (plan->ratings)
    {
      append_element (out, "h2", NULL, _("What our progress words mean"));
      g_string_append (out, "<dl class=\"key\">\n");
      for (guint i = 0; i < G_N_ELEMENTS (key_ratings); i++)
        {
          g_string_append (out, "<dt>");
          append_rating_tag (out, key_ratings[i]);
          g_string_append (out, "</dt>\n");
          append_element (out, "dd", NULL, publish_rating_meaning (key_ratings[i]));
        }
      g_string_append (out, "</dl>\n");
    }

  if (plan->partner_list->len > 0)
    {
      append_element (out, "h2", NULL, _("Who is responsible for this plan"));
      append_element (out, "p", NULL, _("The plan belongs to all of these partners:"));
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < plan->partner_list->len; i++)
        append_element (out, "li", NULL, g_ptr_array_index (plan->partner_list, i));
      g_string_append (out, "</ul>\n");
    }
}

/* An area's page --------------------------------------------------------------------------- */

static void
append_action (Page *page, PublishAction *action)
{
  GString *out = page->out;
  g_autofree char *when = action->done ? NULL : publish_action_when (action);
  gboolean tag = action->done || page->plan->ratings;

  g_string_append (out, "<li>\n");
  if (when != NULL)
    append_element (out, "p", action->late ? "class=\"item-when late\"" : "class=\"item-when\"",
                    when);
  append_paragraphs (out, action->summary, NULL);
  if (tag || action->lead != NULL)
    {
      g_string_append (out, "<p class=\"item-meta\">");
      if (action->done)
        {
          g_string_append (out, "<strong class=\"tag tag-done\">");
          append_escaped (out, _("Done"));
          g_string_append (out, "</strong>");
        }
      else if (page->plan->ratings)
        append_rating_tag (out, action->rating);
      if (action->lead != NULL)
        {
          g_autofree char *led = g_strdup_printf (_("Led by %s"), action->lead);

          g_string_append (out, tag ? " <span class=\"led-by\">" : "<span class=\"led-by\">");
          append_escaped (out, led);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</li>\n");
}

static void
write_area (Page *page, PublishArea *area)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;
  g_autofree char *done = done_words (area->n_done, area->n_actions);

  append_element (out, "h2", NULL, _("What the inspectors found"));
  if (*area->summary != '\0')
    append_paragraphs (out, area->summary, "lead");
  else
    append_element (out, "p", "class=\"pending\"",
                    _("We are still writing this in plain words. Here is what the inspectors "
                      "wrote."));
  if (*area->finding != '\0')
    {
      if (*area->summary != '\0')
        append_element (out, "p", NULL, _("The inspectors wrote:"));
      g_string_append (out, "<blockquote class=\"finding\">\n");
      append_paragraphs (out, area->finding, NULL);
      g_string_append (out, "</blockquote>\n");
    }

  if (*area->commitment != '\0')
    {
      append_element (out, "h2", NULL, _("What we said we would do"));
      append_paragraphs (out, area->commitment, NULL);
    }

  append_element (out, "h2", NULL, _("Progress so far"));
  append_element (out, "p", NULL, done);
  append_done_bar (out, area->n_done, area->n_actions);
  if (plan->ratings)
    append_rating_counts (out, area->counts);

  append_element (out, "h2", NULL, _("What is done"));
  if (area->done->len == 0)
    append_element (out, "p", NULL, area->n_done == 0 ? _("Nothing is finished yet.")
                                                      : _("We have not yet described the "
                                                          "finished actions in plain words."));
  else
    {
      g_string_append (out, "<ul class=\"items\">\n");
      for (guint i = 0; i < area->done->len; i++)
        append_action (page, g_ptr_array_index (area->done, i));
      g_string_append (out, "</ul>\n");
    }

  append_element (out, "h2", NULL, _("What is next"));
  if (area->next->len == 0)
    append_element (out, "p", NULL, area->n_done == area->n_actions
                                      ? _("Everything we planned here is done.")
                                      : _("We have not yet described the next actions in "
                                          "plain words."));
  else
    {
      g_string_append (out, "<ul class=\"items\">\n");
      for (guint i = 0; i < area->next->len; i++)
        append_action (page, g_ptr_array_index (area->next, i));
      g_string_append (out, "</ul>\n");
    }
  if (area->n_unsummarised > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "There is also %u more action that we have not yet "
                                      "described in plain words. It is counted in the progress "
                                      "above.",
                                      "There are also %u more actions that we have not yet "
                                      "described in plain words. They are counted in the "
                                      "progress above.",
                                      area->n_unsummarised),
                         area->n_unsummarised);

      append_element (out, "p", "class=\"note\"", text);
    }

  append_element (out, "h2", NULL, _("You said, we did"));
  if (area->entries->len == 0)
    append_element (out, "p", NULL, _("Nothing is recorded about this area yet."));
  for (guint i = 0; i < area->entries->len; i++)
    append_entry (page, g_ptr_array_index (area->entries, i), "h3", TRUE);
  g_string_append (out, "<p><a href=\"" PUBLISH_SAID_FILE "\">");
  append_escaped (out, _("Everything you told us, and what we did"));
  g_string_append (out, "</a></p>\n");
}

/* The figures ------------------------------------------------------------------------------- */

#define CHART_W 400.0
#define CHART_H 220.0
#define PLOT_L 44.0
#define PLOT_R 12.0
#define PLOT_T 28.0
#define PLOT_B 34.0

/* A simple line chart: the figures, the aim as a dashed line, the latest figure labelled.
 * Named by its title and description; the page says the same in words below it. */
static void
append_chart (GString *out, PublishIndicator *indicator)
{
  GArray *points = indicator->points;
  double lo, hi, x0, x1, step, plot_w, plot_h;
  PublishPoint *first, *last;

  if (points->len == 0)
    return;
  first = &g_array_index (points, PublishPoint, 0);
  last = &g_array_index (points, PublishPoint, points->len - 1);
  publish_chart_scale (indicator, &lo, &hi, &step);
  x0 = first->julian;
  x1 = MAX (last->julian, x0 + 1);
  plot_w = CHART_W - PLOT_L - PLOT_R;
  plot_h = CHART_H - PLOT_T - PLOT_B;

#define X_OF(j) (PLOT_L + ((j) - x0) / (x1 - x0) * plot_w)
#define Y_OF(v) (PLOT_T + plot_h - ((v) - lo) / (hi - lo) * plot_h)

  g_string_append_printf (out, "<svg class=\"chart-svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                               "aria-labelledby=\"%s-title %s-desc\" focusable=\"false\">\n",
                          CHART_W, CHART_H, indicator->id, indicator->id);
  g_string_append_printf (out, "<title id=\"%s-title\">", indicator->id);
  append_inline (out, indicator->name);
  g_string_append_printf (out, "</title>\n<desc id=\"%s-desc\">", indicator->id);
  append_inline (out, indicator->chart_summary);
  g_string_append (out, "</desc>\n");

  /* The value axis: grid lines and their values, the unit above them. */
  for (double v = lo; v <= hi + step / 2; v += step)
    {
      g_autofree char *label = publish_chart_tick (indicator, v);

      g_string_append_printf (out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                                   "y2=\"%.1f\"/>\n",
                              PLOT_L, Y_OF (v), CHART_W - PLOT_R, Y_OF (v));
      g_string_append_printf (out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                                   "text-anchor=\"end\">",
                              PLOT_L - 6, Y_OF (v) + 4);
      append_escaped (out, label);
      g_string_append (out, "</text>\n");
    }
  if (indicator->unit == PATHWAY_UNIT_WEEKS || indicator->unit == PATHWAY_UNIT_DAYS)
    {
      g_string_append (out, "<text class=\"tick\" x=\"0\" y=\"14\">");
      append_escaped (out, pathway_unit_label (indicator->unit));
      g_string_append (out, "</text>\n");
    }

  /* The months at either end. */
  g_string_append_printf (out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">", PLOT_L,
                          CHART_H - 10);
  append_escaped (out, first->month);
  g_string_append (out, "</text>\n");
  if (points->len > 1)
    {
      g_string_append_printf (out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                                   "text-anchor=\"end\">",
                              CHART_W - PLOT_R, CHART_H - 10);
      append_escaped (out, last->month);
      g_string_append (out, "</text>\n");
    }

  /* The aim. */
  if (isfinite (indicator->target))
    {
      g_autofree char *label = g_strdup_printf (_("Aim: %s"), indicator->target_text);
      double y = Y_OF (indicator->target);
      /* Above the line unless that would leave the chart. */
      double label_y = y - 6 < PLOT_T - 8 ? y + 16 : y - 6;

      g_string_append_printf (out, "<line class=\"aim\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                                   "y2=\"%.1f\"/>\n",
                              PLOT_L, y, CHART_W - PLOT_R, y);
      g_string_append_printf (out, "<text class=\"aim-label\" x=\"%.1f\" y=\"%.1f\">",
                              PLOT_L + 6, label_y);
      append_escaped (out, label);
      g_string_append (out, "</text>\n");
    }

  /* The figures: a line, broken where a month or more is missing. */
  g_string_append (out, "<path class=\"line\" d=\"");
  for (guint i = 0; i < points->len; i++)
    {
      PublishPoint *point = &g_array_index (points, PublishPoint, i);

      g_string_append_printf (out, "%s%c%.1f %.1f", i > 0 ? " " : "",
                              publish_chart_joins (indicator, i) ? 'L' : 'M',
                              X_OF (point->julian), Y_OF (point->value));
    }
  g_string_append (out, "\"/>\n");
  for (guint i = 0; i < points->len; i++)
    {
      PublishPoint *point = &g_array_index (points, PublishPoint, i);

      g_string_append_printf (out, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" "
                                   "r=\"%s\"/>\n",
                              i + 1 == points->len ? " latest" : "", X_OF (point->julian),
                              Y_OF (point->value), i + 1 == points->len ? "5" : "2.5");
    }
  {
    double lx = X_OF (last->julian), ly = Y_OF (last->value);
    double label_y = ly - 10 < PLOT_T - 8 ? ly + 20 : ly - 10;

    g_string_append_printf (out, "<text class=\"latest-label\" x=\"%.1f\" y=\"%.1f\" "
                                 "text-anchor=\"end\">",
                            lx, label_y);
    append_escaped (out, last->value_text);
    g_string_append (out, "</text>\n");
  }
  g_string_append (out, "</svg>\n");

#undef X_OF
#undef Y_OF
}

static void
write_figures (Page *page)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;

  append_element (out, "p", "class=\"lead\"",
                  _("These figures tell us whether things are getting better for children, "
                    "young people and families. We add the latest figures as they come in."));
  if (plan->indicators->len == 0)
    append_element (out, "p", NULL, _("We have not chosen the figures to watch yet."));

  for (guint i = 0; i < plan->indicators->len; i++)
    {
      PublishIndicator *indicator = g_ptr_array_index (plan->indicators, i);

      g_string_append_printf (out, "<section class=\"figure\" aria-labelledby=\"%s\">\n",
                              indicator->id);
      g_string_append_printf (out, "<h2 id=\"%s\">", indicator->id);
      append_inline (out, indicator->name);
      g_string_append (out, "</h2>\n");
      append_element (out, "p", "class=\"figure-words\"", indicator->sentences);
      if (*indicator->definition != '\0')
        {
          g_string_append (out, "<p class=\"definition\"><span class=\"definition-label\">");
          append_escaped (out, _("What this measures:"));
          g_string_append (out, "</span> ");
          append_inline (out, indicator->definition);
          g_string_append (out, "</p>\n");
        }
      if (indicator->points->len > 0)
        {
          g_string_append (out, "<figure class=\"chart\">\n");
          append_chart (out, indicator);
          append_element (out, "figcaption", NULL, indicator->chart_summary);
          g_string_append (out, "</figure>\n<details class=\"figures-table\">\n<summary>");
          append_escaped (out, _("Show the figures as a table"));
          g_string_append (out, "</summary>\n<table>\n<caption>");
          append_inline (out, indicator->name);
          g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
          append_escaped (out, _("Month"));
          g_string_append (out, "</th><th scope=\"col\" class=\"number\">");
          append_escaped (out, _("Figure"));
          g_string_append (out, "</th></tr></thead>\n<tbody>\n");
          for (guint p = indicator->points->len; p-- > 0;)
            {
              PublishPoint *point = &g_array_index (indicator->points, PublishPoint, p);

              g_string_append (out, "<tr><th scope=\"row\">");
              append_escaped (out, point->month);
              g_string_append (out, "</th><td class=\"number\">");
              append_escaped (out, point->value_text);
              g_string_append (out, "</td></tr>\n");
            }
          g_string_append (out, "</tbody>\n</table>\n</details>\n");
        }
      g_string_append (out, "</section>\n");
    }
}

/* You said, we did --------------------------------------------------------------------------- */

/* "October to December 2026" */
static char *
quarter_words (const GDate *date)
{
  int year;

  if (!g_date_valid (date))
    return g_strdup (_("Undated"));
  year = g_date_get_year (date);
  switch ((g_date_get_month (date) - 1) / 3)
    {
    case 0:
      return g_strdup_printf (_("January to March %d"), year);
    case 1:
      return g_strdup_printf (_("April to June %d"), year);
    case 2:
      return g_strdup_printf (_("July to September %d"), year);
    default:
      return g_strdup_printf (_("October to December %d"), year);
    }
}

static void
write_said (Page *page)
{
  PublishPlan *plan = page->plan;
  GString *out = page->out;
  g_autofree char *quarter = NULL;

  append_element (out, "p", "class=\"lead\"",
                  _("We ask parents and carers, children and young people, schools and others "
                    "what they think of our services and of this plan. Here is what they told "
                    "us, what we said we would do, and what we did, or why we could not."));
  if (plan->entries->len == 0)
    append_element (out, "p", NULL, _("Nothing is recorded here yet."));

  for (guint i = 0; i < plan->entries->len; i++)
    {
      PublishEntry *entry = g_ptr_array_index (plan->entries, i);
      g_autofree char *this_quarter = quarter_words (&entry->date);

      if (g_strcmp0 (quarter, this_quarter) != 0)
        {
          append_element (out, "h2", NULL, this_quarter);
          g_free (quarter);
          quarter = g_steal_pointer (&this_quarter);
        }
      append_entry (page, entry, "h3", FALSE);
    }
}

/* The site ------------------------------------------------------------------------------------ */

static PublishFile *
page_file (Page *page)
{
  PublishFile *file = g_new0 (PublishFile, 1);
  gsize length = page->out->len;

  file->name = g_strdup (page->file);
  file->bytes = g_bytes_new_take (g_string_free (page->out, FALSE), length);
  page->out = NULL;
  return file;
}

GPtrArray *
publish_write_html (PublishPlan *plan, guint pdf_pages)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) publish_file_free);
  Page page = { plan, NULL, pdf_pages, PUBLISH_PAGE_INDEX, PATHWAY_PUBLISH_INDEX };
  g_autoptr(GBytes) css = NULL;

  page.out = g_string_new (NULL);
  begin_page (&page);
  write_index (&page);
  end_page (&page);
  g_ptr_array_add (files, page_file (&page));

  for (guint i = 0; i < plan->areas->len; i++)
    {
      PublishArea *area = g_ptr_array_index (plan->areas, i);

      page.kind = PUBLISH_PAGE_AREA;
      page.file = area->file;
      page.out = g_string_new (NULL);
      begin_page (&page);
      write_area (&page, area);
      end_page (&page);
      g_ptr_array_add (files, page_file (&page));
    }

  page.kind = PUBLISH_PAGE_FIGURES;
  page.file = PUBLISH_FIGURES_FILE;
  page.out = g_string_new (NULL);
  begin_page (&page);
  write_figures (&page);
  end_page (&page);
  g_ptr_array_add (files, page_file (&page));

  page.kind = PUBLISH_PAGE_SAID;
  page.file = PUBLISH_SAID_FILE;
  page.out = g_string_new (NULL);
  begin_page (&page);
  write_said (&page);
  end_page (&page);
  g_ptr_array_add (files, page_file (&page));

  /* The stylesheet is part of the program; it cannot be missing. */
  css = g_resource_lookup_data (pathway_publish_get_resource (),
                                "/org/pathway/Pathway/report/pathway-publish.css",
                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (css != NULL);
  {
    PublishFile *file = g_new0 (PublishFile, 1);

    file->name = g_strdup (PUBLISH_STYLE_FILE);
    file->bytes = g_steal_pointer (&css);
    g_ptr_array_add (files, file);
  }
  return files;
}
