/* pathway-publish-pdf.c: the public version of the plan as a PDF, for families who would
 * rather print it or keep it. The same content as the site, in the same order (the overview,
 * a section per area starting on its own page, the figures, "You said, we did"), laid out on
 * A4 by the board pack's page maker (pathway-pack-flow.c), whose rating chips here carry the
 * public words. Each page has the plan's name and "Last updated" above a rule and "Page N of
 * M" below one; each section a bookmark. Tagged as the board pack is, in British English,
 * each chart's alternative text the sentence the site describes it with. Dated the publish
 * day, so the same plan on the same day gives the same bytes. */
#define G_LOG_DOMAIN "pathway-report"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "pathway-pack-flow.h"
#include "pathway-publish-private.h"

/* A figure's chart as the site draws it: the figures as a line, the aim dashed, the latest
 * figure ringed and labelled, values on the left and the first and last months below. */
#define CHART_LEFT 40.0
#define CHART_TOP 14.0
#define CHART_BOTTOM 18.0

static void
show_chart_text (cairo_t *cr, PangoLayout *layout, double x, double y, double align)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

typedef struct {
  PackFlow *flow;
  const PublishIndicator *indicator;
} ChartData;

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  const ChartData *chart = data;
  const PublishIndicator *indicator = chart->indicator;
  GArray *points = indicator->points;
  const PublishPoint *first = &g_array_index (points, PublishPoint, 0);
  const PublishPoint *last = &g_array_index (points, PublishPoint, points->len - 1);
  double lo, hi, step, plot_w = width - CHART_LEFT - 8, plot_h = height - CHART_TOP - CHART_BOTTOM;
  double x0 = first->julian, x1 = MAX (last->julian, first->julian + 1);
  PangoLayout *layout;

#define X_OF(j) (CHART_LEFT + ((j) - x0) / (x1 - x0) * plot_w)
#define Y_OF(v) (CHART_TOP + plot_h - ((v) - lo) / (hi - lo) * plot_h)

  publish_chart_scale (indicator, &lo, &hi, &step);
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  for (double v = lo; v <= hi + step / 2; v += step)
    {
      g_autofree char *tick = publish_chart_tick (indicator, v);

      cairo_set_source_rgb (cr, 0.84, 0.85, 0.85);
      cairo_move_to (cr, CHART_LEFT, Y_OF (v));
      cairo_line_to (cr, width - 8, Y_OF (v));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.28, 0.29, 0.29);
      layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL, tick, -1);
      show_chart_text (cr, layout, CHART_LEFT - 5, Y_OF (v), 1);
      g_object_unref (layout);
    }
  if (indicator->unit == PATHWAY_UNIT_WEEKS || indicator->unit == PATHWAY_UNIT_DAYS)
    {
      layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL,
                                 pathway_unit_label (indicator->unit), -1);
      show_chart_text (cr, layout, 0, 4, 0);
      g_object_unref (layout);
    }
  layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL, first->month, -1);
  show_chart_text (cr, layout, CHART_LEFT, height - 7, 0);
  g_object_unref (layout);
  if (points->len > 1)
    {
      layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL, last->month, -1);
      show_chart_text (cr, layout, width - 8, height - 7, 1);
      g_object_unref (layout);
    }

  if (isfinite (indicator->target))
    {
      g_autofree char *label = g_strdup_printf (_("Aim: %s"), indicator->target_text);
      double dashes[] = { 4, 3 };
      double y = Y_OF (indicator->target);

      cairo_set_source_rgb (cr, 0.04, 0.05, 0.05);
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, CHART_LEFT, y);
      cairo_line_to (cr, width - 8, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL_BOLD, label, -1);
      show_chart_text (cr, layout, CHART_LEFT + 4, y - 7 < CHART_TOP ? y + 7 : y - 7, 0);
      g_object_unref (layout);
    }

  /* The line, broken where a month or more is missing. */
  cairo_set_source_rgb (cr, 0.114, 0.349, 0.627);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < points->len; i++)
    {
      const PublishPoint *point = &g_array_index (points, PublishPoint, i);

      if (publish_chart_joins (indicator, i))
        cairo_line_to (cr, X_OF (point->julian), Y_OF (point->value));
      else
        cairo_move_to (cr, X_OF (point->julian), Y_OF (point->value));
    }
  cairo_stroke (cr);
  for (guint i = 0; i + 1 < points->len; i++)
    {
      const PublishPoint *point = &g_array_index (points, PublishPoint, i);

      cairo_arc (cr, X_OF (point->julian), Y_OF (point->value), 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_arc (cr, X_OF (last->julian), Y_OF (last->value), 3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.114, 0.349, 0.627);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.04, 0.05, 0.05);
  layout = pack_flow_layout (chart->flow, PACK_FONT_SMALL_BOLD, last->value_text, -1);
  show_chart_text (cr, layout, X_OF (last->julian) - 5,
                   Y_OF (last->value) - 9 < CHART_TOP ? Y_OF (last->value) + 9
                                                      : Y_OF (last->value) - 9, 1);
  g_object_unref (layout);
  cairo_restore (cr);

#undef X_OF
#undef Y_OF
}

static void
add_bullets (PackFlow *flow, GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *flat = g_strdup (g_ptr_array_index (lines, i));

      g_strdelimit (flat, "\r\n", ' ');
      g_string_append_printf (text, "%s- %s", i > 0 ? "\n" : "", flat);
    }
  pack_flow_paragraph (flow, text->str, PACK_FONT_BODY);
  g_string_free (text, TRUE);
}

/* The ratings of actions still to do, in the order they are listed. */
static const PathwayRating open_ratings[] = {
  PATHWAY_RATING_GREEN, PATHWAY_RATING_AMBER, PATHWAY_RATING_RED, PATHWAY_RATING_NONE,
};

/* The open actions by rating, each on its chip: "[On track] 10 actions". */
static void
add_rating_counts (PackFlow *flow, const guint counts[PATHWAY_N_RATINGS])
{
  for (guint i = 0; i < G_N_ELEMENTS (open_ratings); i++)
    {
      g_autofree char *text = NULL;
      guint n = counts[open_ratings[i]];

      if (n == 0)
        continue;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
      pack_flow_rating_line (flow, open_ratings[i], text);
    }
}

/* "On track: 10, At risk: 4": the open actions by rating, in words. */
static char *
rating_counts_text (const guint counts[PATHWAY_N_RATINGS])
{
  const PathwayRating *order = open_ratings;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (open_ratings); i++)
    {
      guint n = counts[order[i]];

      if (n == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      /* Translators: "On track: 10" */
      g_string_append_printf (out, _("%s: %u"),
                              order[i] == PATHWAY_RATING_NONE
                                ? _("Not yet rated")
                                : pathway_publish_rating_words (order[i]),
                              n);
    }
  return g_string_free (out, FALSE);
}

static char *
done_text (guint n_done, guint n_actions)
{
  if (n_actions == 0)
    return g_strdup (_("No actions are listed for this yet."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action is done.",
                                       "%u of %u actions are done.", n_actions),
                          n_done, n_actions);
}

static gboolean
any_open (const guint counts[PATHWAY_N_RATINGS])
{
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    if (counts[r] > 0)
      return TRUE;
  return FALSE;
}

static void
add_entry (PackFlow *flow, PublishEntry *entry)
{
  g_autofree char *meta = g_strdup_printf ("%s. %s", entry->date_words,
                                           publish_status_words (entry->status));

  pack_flow_begin_group (flow);
  pack_flow_label (flow, entry->who);
  pack_flow_paragraph (flow, meta, PACK_FONT_SMALL);
  pack_flow_label_value (flow, _("You said"), entry->said);
  if (*entry->will_do != '\0')
    pack_flow_label_value (flow, _("We will"), entry->will_do);
  if (*entry->did != '\0')
    pack_flow_label_value (flow, entry->status == PATHWAY_RESPONSE_NOT_DONE ? _("Why we did not")
                                                                            : _("We did"),
                           entry->did);
  pack_flow_end_group (flow);
  pack_flow_space (flow, 10);
}

static void
add_overview (PublishPlan *plan, PackFlow *flow)
{
  g_autofree char *updated = g_strdup_printf (_("Last updated %s"), plan->published_words);
  g_autofree char *done = done_text (plan->n_done, plan->n_actions);

  pack_flow_begin_section (flow, _("Overview"), FALSE);
  pack_flow_title (flow, plan->site_name);
  pack_flow_paragraph (flow, updated, PACK_FONT_SMALL);
  pack_flow_space (flow, 6);
  pack_flow_paragraph (flow, plan->introduction, PACK_FONT_BODY);

  if (plan->previous_words != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("What has changed since %s"),
                                                  plan->previous_words);

      pack_flow_subheading (flow, heading);
      if (plan->changes->len == 0)
        pack_flow_paragraph (flow, _("Nothing has changed since then."), PACK_FONT_BODY);
      else
        add_bullets (flow, plan->changes);
    }
  else
    {
      pack_flow_subheading (flow, _("What has changed"));
      pack_flow_paragraph (flow, _("This is the first time we have published this plan. When "
                                   "we update it, this is where we will say what has changed."),
                           PACK_FONT_BODY);
    }

  if (*plan->vision != '\0')
    {
      pack_flow_subheading (flow, _("Our vision"));
      pack_flow_paragraph (flow, plan->vision, PACK_FONT_BODY);
    }

  pack_flow_subheading (flow, _("What we must improve"));
  pack_flow_paragraph (flow, done, PACK_FONT_BODY);
  if (plan->ratings && any_open (plan->counts))
    {
      pack_flow_paragraph (flow, _("How the actions still to do are going:"), PACK_FONT_BODY);
      add_rating_counts (flow, plan->counts);
    }
  pack_flow_space (flow, 8);
  {
    const char *headers[] = { _("What we must improve"), _("Done"), _("Still to do"), NULL };
    double shares[] = { 0.56, 0.16, 0.28 };
    guint n_columns = plan->ratings ? 3 : 2;
    PackTable *table;

    if (!plan->ratings)
      {
        shares[0] = 0.75;
        shares[1] = 0.25;
      }
    table = pack_flow_begin_table (flow, n_columns, shares, headers);
    for (guint i = 0; i < plan->areas->len; i++)
      {
        PublishArea *area = g_ptr_array_index (plan->areas, i);
        g_autofree char *name = g_strdup_printf ("%s\n%s", area->number, area->title);
        g_autofree char *count = g_strdup_printf (_("%u of %u"), area->n_done, area->n_actions);
        g_autofree char *open = rating_counts_text (area->counts);
        PackCell cells[3] = {
          { name, PATHWAY_RATING_NONE, FALSE },
          { count, PATHWAY_RATING_NONE, FALSE },
          { open, PATHWAY_RATING_NONE, FALSE },
        };

        pack_flow_table_row (flow, table, cells);
      }
    pack_flow_end_table (flow, table);
  }

  if (plan->ratings)
    {
      pack_flow_subheading (flow, _("What our progress words mean"));
      for (guint i = 0; i < G_N_ELEMENTS (open_ratings); i++)
        pack_flow_rating_line (flow, open_ratings[i], publish_rating_meaning (open_ratings[i]));
    }

  if (plan->partner_list->len > 0)
    {
      pack_flow_subheading (flow, _("Who is responsible for this plan"));
      pack_flow_paragraph (flow, _("The plan belongs to all of these partners:"),
                           PACK_FONT_BODY);
      add_bullets (flow, plan->partner_list);
    }
}

static void
add_area (PublishPlan *plan, PackFlow *flow, PublishArea *area)
{
  g_autofree char *done = done_text (area->n_done, area->n_actions);

  pack_flow_begin_section (flow, area->title, TRUE);
  pack_flow_paragraph (flow, area->number, PACK_FONT_SMALL);
  pack_flow_heading (flow, area->title);

  pack_flow_subheading (flow, _("What the inspectors found"));
  if (*area->summary != '\0')
    pack_flow_paragraph (flow, area->summary, PACK_FONT_BODY);
  else
    pack_flow_paragraph (flow, _("We are still writing this in plain words. Here is what the "
                                 "inspectors wrote."), PACK_FONT_BODY);
  if (*area->finding != '\0')
    {
      if (*area->summary != '\0')
        pack_flow_label (flow, _("The inspectors wrote:"));
      pack_flow_paragraph (flow, area->finding, PACK_FONT_BODY);
    }
  if (*area->commitment != '\0')
    {
      pack_flow_subheading (flow, _("What we said we would do"));
      pack_flow_paragraph (flow, area->commitment, PACK_FONT_BODY);
    }

  pack_flow_subheading (flow, _("Progress so far"));
  pack_flow_paragraph (flow, done, PACK_FONT_BODY);
  if (plan->ratings && any_open (area->counts))
    add_rating_counts (flow, area->counts);

  pack_flow_subheading (flow, _("What is done"));
  if (area->done->len == 0)
    pack_flow_paragraph (flow, area->n_done == 0 ? _("Nothing is finished yet.")
                                                 : _("We have not yet described the finished "
                                                     "actions in plain words."),
                         PACK_FONT_BODY);
  else
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();

      for (guint i = 0; i < area->done->len; i++)
        g_ptr_array_add (lines, ((PublishAction *) g_ptr_array_index (area->done, i))->summary);
      add_bullets (flow, lines);
    }

  pack_flow_subheading (flow, _("What is next"));
  if (area->next->len == 0)
    pack_flow_paragraph (flow, area->n_done == area->n_actions
                                 ? _("Everything we planned here is done.")
                                 : _("We have not yet described the next actions in plain "
                                     "words."),
                         PACK_FONT_BODY);
  else
    {
      const char *headers[] = { _("When"), _("What"), _("Progress"), NULL };
      double shares[] = { 0.24, 0.58, 0.18 };
      PackTable *table;

      if (!plan->ratings)
        {
          shares[0] = 0.28;
          shares[1] = 0.72;
        }
      table = pack_flow_begin_table (flow, plan->ratings ? 3 : 2, shares, headers);
      for (guint i = 0; i < area->next->len; i++)
        {
          PublishAction *action = g_ptr_array_index (area->next, i);
          g_autofree char *when = publish_action_when (action);
          g_autofree char *what = action->lead != NULL
                                    ? g_strdup_printf (_("%s\nLed by %s"), action->summary,
                                                       action->lead)
                                    : g_strdup (action->summary);
          PackCell cells[3] = {
            { when != NULL ? when : "", PATHWAY_RATING_NONE, FALSE },
            { what, PATHWAY_RATING_NONE, FALSE },
            { "", action->rating, FALSE },
          };

          pack_flow_table_row (flow, table, cells);
        }
      pack_flow_end_table (flow, table);
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

      pack_flow_paragraph (flow, text, PACK_FONT_SMALL);
    }

  pack_flow_subheading (flow, _("You said, we did"));
  if (area->entries->len == 0)
    pack_flow_paragraph (flow, _("Nothing is recorded about this area yet."), PACK_FONT_BODY);
  for (guint i = 0; i < area->entries->len; i++)
    add_entry (flow, g_ptr_array_index (area->entries, i));
}

static void
add_figures (PublishPlan *plan, PackFlow *flow)
{
  pack_flow_begin_section (flow, _("Our progress in figures"), TRUE);
  pack_flow_heading (flow, _("Our progress in figures"));
  pack_flow_paragraph (flow, _("These figures tell us whether things are getting better for "
                               "children, young people and families. We add the latest "
                               "figures as they come in."),
                       PACK_FONT_BODY);
  if (plan->indicators->len == 0)
    pack_flow_paragraph (flow, _("We have not chosen the figures to watch yet."),
                         PACK_FONT_BODY);
  for (guint i = 0; i < plan->indicators->len; i++)
    {
      PublishIndicator *indicator = g_ptr_array_index (plan->indicators, i);

      pack_flow_begin_group (flow);
      pack_flow_subheading (flow, indicator->name);
      pack_flow_paragraph (flow, indicator->sentences, PACK_FONT_BODY);
      if (*indicator->definition != '\0')
        {
          g_autofree char *definition = g_strdup_printf (_("What this measures: %s"),
                                                         indicator->definition);

          pack_flow_paragraph (flow, definition, PACK_FONT_SMALL);
        }
      if (indicator->points->len > 0)
        {
          ChartData *chart = g_new0 (ChartData, 1);

          chart->flow = flow;
          chart->indicator = indicator;
          pack_flow_drawing (flow, 150, draw_chart, chart, g_free);
          pack_flow_paragraph (flow, indicator->chart_summary, PACK_FONT_SMALL);
        }
      pack_flow_end_group (flow);
      pack_flow_space (flow, 8);
    }
}

static void
add_said (PublishPlan *plan, PackFlow *flow)
{
  pack_flow_begin_section (flow, _("You said, we did"), TRUE);
  pack_flow_heading (flow, _("You said, we did"));
  pack_flow_paragraph (flow, _("We ask parents and carers, children and young people, schools "
                               "and others what they think of our services and of this plan. "
                               "Here is what they told us, what we said we would do, and what "
                               "we did, or why we could not."),
                       PACK_FONT_BODY);
  pack_flow_space (flow, 8);
  if (plan->entries->len == 0)
    pack_flow_paragraph (flow, _("Nothing is recorded here yet."), PACK_FONT_BODY);
  for (guint i = 0; i < plan->entries->len; i++)
    add_entry (flow, g_ptr_array_index (plan->entries, i));
}

static PangoLayout *
running_text (PackFlow *flow, cairo_t *cr, PackFont font, const char *text, double width)
{
  PangoLayout *layout = pack_flow_layout (flow, font, text, -1);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return layout;
}

static void
draw_page (PublishPlan *plan, PackFlow *flow, cairo_t *cr, guint page, guint n_pages,
           PackTags *tags)
{
  double left = PACK_MARGIN_INNER, right = PACK_A4_SHORT - PACK_MARGIN_OUTER;
  double width = right - left, bottom = PACK_A4_LONG - PACK_MARGIN_BOTTOM;
  g_autofree char *updated = g_strdup_printf (_("Last updated %s"), plan->published_words);
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  g_autoptr(PangoLayout) name = running_text (flow, cr, PACK_FONT_SMALL_BOLD, plan->site_name,
                                              width * 0.6);
  g_autoptr(PangoLayout) date = running_text (flow, cr, PACK_FONT_SMALL, updated, width * 0.38);
  g_autoptr(PangoLayout) footer = running_text (flow, cr, PACK_FONT_SMALL, number, width);
  int w, h;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, left, 30);
  pango_cairo_show_layout (cr, name);
  pango_layout_get_pixel_size (date, &w, &h);
  cairo_move_to (cr, right - w, 30);
  pango_cairo_show_layout (cr, date);
  pango_layout_get_pixel_size (footer, &w, &h);
  cairo_move_to (cr, right - w, bottom + 22);
  pango_cairo_show_layout (cr, footer);

  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_move_to (cr, left, 44);
  cairo_line_to (cr, right, 44);
  cairo_move_to (cr, left, bottom + 16);
  cairo_line_to (cr, right, bottom + 16);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  pack_flow_draw_page_tagged (flow, cr, page, tags);
  cairo_restore (cr);
}

/* A chart's alternative text is the sentence the website's chart has for its description. */
static GPtrArray *
describe_figures (PackFlow *flow, PackTags *tags)
{
  const GPtrArray *figures = pack_tags_get_figures (tags);
  GPtrArray *alts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < figures->len; i++)
    {
      PackBlock block;
      guint index;
      const ChartData *chart;

      if (!pack_flow_find_block (flow, g_ptr_array_index (figures, i), &index))
        {
          g_ptr_array_add (alts, NULL);
          continue;
        }
      pack_flow_get_block (flow, index, &block);
      chart = block.draw == draw_chart ? block.data : NULL;
      g_ptr_array_add (alts, chart ? g_strdup (chart->indicator->chart_summary) : NULL);
    }
  return alts;
}

static cairo_status_t
write_to_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
publish_write_pdf (PublishPlan *plan, guint *n_pages_out, GError **error)
{
  g_autoptr(PackFlow) flow = pack_flow_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *date = g_strconcat (plan->published_iso, "T00:00:00Z", NULL);
  g_autoptr(GPtrArray) alts = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *previous = NULL;
  guint n_pages;

  pack_flow_set_rating_label (flow, PATHWAY_RATING_NONE, _("Not yet rated"));
  for (PathwayRating r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
    pack_flow_set_rating_label (flow, r, pathway_publish_rating_words (r));

  add_overview (plan, flow);
  for (guint i = 0; i < plan->areas->len; i++)
    add_area (plan, flow, g_ptr_array_index (plan->areas, i));
  add_figures (plan, flow);
  add_said (plan, flow);
  pack_flow_paginate (flow);
  n_pages = pack_flow_get_n_pages (flow);

  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, PACK_A4_SHORT,
                                                 PACK_A4_LONG);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plan->site_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathway");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  {
    cairo_t *cr = cairo_create (surface);
    g_autoptr(PackTags) tags = pack_tags_new (cr);

    for (guint page = 0; page < n_pages; page++)
      {
        draw_page (plan, flow, cr, page, n_pages, tags);
        /* The document's end on its last page, not on a page of its own. */
        if (page + 1 == n_pages)
          pack_tags_finish (tags, cr);
        cairo_show_page (cr);
      }
    for (guint page = 0; page < n_pages; page++)
      {
        const char *title = pack_flow_get_page_title (flow, page);

        if (title != NULL && *title != '\0' && g_strcmp0 (title, previous) != 0)
          {
            g_autofree char *link = g_strdup_printf ("page=%u", page + 1);

            cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
          }
        previous = title;
      }
    status = cairo_status (cr);
    cairo_destroy (cr);
    alts = describe_figures (flow, tags);
  }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED,
                   _("Could not make the PDF of the plan: %s"), cairo_status_to_string (status));
      return NULL;
    }
  /* Its language and the charts' alternative text, which cairo cannot write; without them
   * (a cairo this does not know) it is still the plan. */
  if (!pack_tags_update_pdf (bytes, "en-GB", (const char *const *) alts->pdata, alts->len,
                             &local_error))
    g_warning ("The plan's PDF is not marked as British English: %s", local_error->message);
  if (n_pages_out != NULL)
    *n_pages_out = n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
