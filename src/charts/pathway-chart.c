/* pathway-chart.c: PathwayChart, a chart's data taken from the model or the document when it
 * is made, drawn on demand. Layouts (pathway-chart-donut.c, -bars.c, -history.c, -trend.c,
 * -heatmap.c)
 * turn data, size and style into geometry; the drawing reads only that. The last layout is
 * kept, since a widget draws and answers the pointer at one size many times. Export writes a
 * PNG, SVG or PDF through a temporary file. */
#define G_LOG_DOMAIN "pathway-charts"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pathway-chart-private.h"

/* Exports larger than this are refused rather than failing for want of memory. */
#define MAX_EXPORT_SIDE 20000.0

struct _PathwayChart
{
  GObject parent_instance;

  PathwayChartData *data;
  PathwayChartLayout *layout; /* the last one asked for */
};

G_DEFINE_FINAL_TYPE (PathwayChart, pathway_chart, G_TYPE_OBJECT)

/* Data ---------------------------------------------------------------------------------- */

static void
row_clear (gpointer data)
{
  PathwayChartRow *row = data;

  g_clear_pointer (&row->code, g_free);
  g_clear_pointer (&row->title, g_free);
}

static void
reading_clear (gpointer data)
{
  PathwayChartReading *reading = data;

  g_clear_pointer (&reading->note, g_free);
}

PathwayChartData *
pathway_chart_data_new (PathwayChartKind kind, const char *title, PathwayRatingScheme *scheme)
{
  PathwayChartData *data = g_new0 (PathwayChartData, 1);
  g_autoptr(PathwayRatingScheme) fallback = NULL;

  if (scheme == NULL)
    scheme = fallback = pathway_rating_scheme_new ();

  data->kind = kind;
  data->title = g_strdup (title ? title : "");
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    {
      data->rating_labels[r] = g_strdup (pathway_rating_scheme_get_label (scheme, r));
      data->shown[r] = pathway_rating_scheme_offers (scheme, r);
    }
  data->target = NAN;
  data->comparator = NAN;
  g_date_clear (&data->target_date, 1);
  data->target_source = g_strdup ("");
  data->comparator_label = g_strdup ("");
  data->rows = g_array_new (FALSE, TRUE, sizeof (PathwayChartRow));
  g_array_set_clear_func (data->rows, row_clear);
  data->months = g_array_new (FALSE, TRUE, sizeof (PathwayMonthCounts));
  data->readings = g_array_new (FALSE, TRUE, sizeof (PathwayChartReading));
  g_array_set_clear_func (data->readings, reading_clear);
  data->milestones = g_array_new (FALSE, TRUE, sizeof (PathwayChartMilestone));
  return data;
}

void
pathway_chart_data_free (PathwayChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    g_free (data->rating_labels[r]);
  g_free (data->target_source);
  g_free (data->comparator_label);
  g_free (data->verdict);
  for (guint i = 0; i < PATHWAY_CHART_RISK_LEVELS; i++)
    {
      g_free (data->likelihood_words[i]);
      g_free (data->impact_words[i]);
    }
  g_clear_pointer (&data->rows, g_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->readings, g_array_unref);
  g_clear_pointer (&data->milestones, g_array_unref);
  g_free (data);
}

void
pathway_chart_data_show_used (PathwayChartData *data, const guint counts[PATHWAY_N_RATINGS])
{
  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    if (counts[r] > 0)
      data->shown[r] = TRUE;
}

char *
pathway_chart_format_actions (guint count)
{
  g_autofree char *number = pathway_chart_format_count (count);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s action", "%s actions", count),
                          number);
}

char *
pathway_chart_format_value (PathwayUnit unit, double value)
{
  g_autofree char *number = pathway_chart_format_number (value, -1);
  gulong plural = fabs (value) == 1.0 ? 1 : 2;

  switch (unit)
    {
    case PATHWAY_UNIT_PERCENT:
      return g_strdup_printf ("%s%%", number);
    case PATHWAY_UNIT_WEEKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", plural),
                              number);
    case PATHWAY_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", plural),
                              number);
    case PATHWAY_UNIT_COUNT:
    default:
      return g_steal_pointer (&number);
    }
}

/* The object ------------------------------------------------------------------------------ */

static void
pathway_chart_finalize (GObject *object)
{
  PathwayChart *self = (PathwayChart *) object;

  g_clear_pointer (&self->layout, pathway_chart_layout_free);
  g_clear_pointer (&self->data, pathway_chart_data_free);

  G_OBJECT_CLASS (pathway_chart_parent_class)->finalize (object);
}

static void
pathway_chart_class_init (PathwayChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathway_chart_finalize;
}

static void
pathway_chart_init (PathwayChart *self)
{
}

PathwayChart *
pathway_chart_new_for_data (PathwayChartData *data)
{
  PathwayChart *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (PATHWAY_TYPE_CHART, NULL);
  self->data = data;
  return self;
}

const PathwayChartData *
pathway_chart_get_data (PathwayChart *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART (self), NULL);

  return self->data;
}

PathwayChart *
pathway_chart_new_rating_distribution (PathwayProgramme *programme,
                                       PathwayWorkstream *workstream)
{
  g_autofree char *title = NULL;
  PathwayChartData *data;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), NULL);

  if (workstream != NULL)
    title = g_strdup_printf (_("Actions by rating in %s"),
                             pathway_workstream_get_title (workstream));
  else
    title = g_strdup (_("Actions by rating"));

  data = pathway_chart_data_new (PATHWAY_CHART_RATING_DISTRIBUTION, title,
                                 pathway_programme_get_rating_scheme (programme));
  pathway_programme_count_ratings (programme, workstream, data->counts);
  pathway_chart_data_show_used (data, data->counts);
  return pathway_chart_new_for_data (data);
}

static void
add_row (PathwayChartData *data, const char *code, const char *title)
{
  PathwayChartRow row = { g_strdup (code), g_strdup (title), { 0 } };

  g_array_append_val (data->rows, row);
}

PathwayChart *
pathway_chart_new_rating_by_workstream (PathwayProgramme *programme)
{
  GListModel *workstreams, *actions;
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  PathwayChartData *data;
  guint unassigned[PATHWAY_N_RATINGS] = { 0 };
  gboolean any_unassigned = FALSE;
  guint n;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (programme), NULL);

  data = pathway_chart_data_new (PATHWAY_CHART_RATING_BY_WORKSTREAM,
                                 _("Actions by rating in each workstream"),
                                 pathway_programme_get_rating_scheme (programme));

  workstreams = pathway_programme_get_workstreams (programme);
  n = g_list_model_get_n_items (workstreams);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayWorkstream) workstream = g_list_model_get_item (workstreams, i);

      add_row (data, pathway_workstream_get_code (workstream),
               pathway_workstream_get_title (workstream));
      g_hash_table_insert (index, workstream, GUINT_TO_POINTER (i + 1));
    }

  /* One walk over the actions for every bar; deleted actions count in no summary. */
  actions = pathway_programme_get_actions (programme);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAction) action = g_list_model_get_item (actions, i);
      guint rating = pathway_action_get_rating (action);
      guint position;

      if (pathway_action_get_deleted (action) || rating >= PATHWAY_N_RATINGS)
        continue;
      position = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                                        pathway_action_get_workstream (action)));
      if (position > 0)
        g_array_index (data->rows, PathwayChartRow, position - 1).counts[rating]++;
      else
        {
          unassigned[rating]++;
          any_unassigned = TRUE;
        }
    }
  if (any_unassigned)
    {
      add_row (data, "", _("No workstream"));
      memcpy (g_array_index (data->rows, PathwayChartRow, data->rows->len - 1).counts,
              unassigned, sizeof unassigned);
    }
  for (guint i = 0; i < data->rows->len; i++)
    pathway_chart_data_show_used (data, g_array_index (data->rows, PathwayChartRow, i).counts);

  return pathway_chart_new_for_data (data);
}

PathwayChart *
pathway_chart_new_rating_history (PathwayDocument *document, PathwayWorkstream *workstream,
                                  const GDate *until, GError **error)
{
  PathwayProgramme *programme;
  g_autoptr(GArray) months = NULL;
  g_autofree char *title = NULL;
  PathwayChartData *data;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  months = pathway_document_monthly_counts (document, workstream, until, error);
  if (months == NULL)
    return NULL;

  programme = pathway_document_get_programme (document);
  if (workstream != NULL)
    title = g_strdup_printf (_("Actions by rating at each month end in %s"),
                             pathway_workstream_get_title (workstream));
  else
    title = g_strdup (_("Actions by rating at each month end"));
  data = pathway_chart_data_new (PATHWAY_CHART_RATING_HISTORY, title,
                                 programme ? pathway_programme_get_rating_scheme (programme)
                                           : NULL);
  g_array_append_vals (data->months, months->data, months->len);
  for (guint i = 0; i < data->months->len; i++)
    pathway_chart_data_show_used (data,
                                  g_array_index (data->months, PathwayMonthCounts, i).counts);
  return pathway_chart_new_for_data (data);
}

static int
compare_readings (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const PathwayChartReading *) a)->date,
                         &((const PathwayChartReading *) b)->date);
}

static int
compare_milestones (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const PathwayChartMilestone *) a)->date,
                         &((const PathwayChartMilestone *) b)->date);
}

PathwayChart *
pathway_chart_new_indicator_trend (PathwayDocument *document, PathwayIndicator *indicator,
                                   GError **error)
{
  return pathway_chart_new_indicator_trend_until (document, indicator, NULL, error);
}

PathwayChart *
pathway_chart_new_indicator_trend_until (PathwayDocument *document, PathwayIndicator *indicator,
                                         const GDate *until, GError **error)
{
  g_autoptr(GListModel) readings = NULL;
  g_autoptr(GListModel) milestones = NULL;
  PathwayProgramme *programme;
  PathwayChartData *data;
  guint n;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PATHWAY_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  readings = pathway_document_list_readings (document, indicator, error);
  if (readings == NULL)
    return NULL;
  milestones = pathway_document_list_milestones (document, indicator, error);
  if (milestones == NULL)
    return NULL;

  programme = pathway_document_get_programme (document);
  data = pathway_chart_data_new (PATHWAY_CHART_INDICATOR_TREND,
                                 pathway_indicator_get_name (indicator),
                                 programme ? pathway_programme_get_rating_scheme (programme)
                                           : NULL);
  data->unit = pathway_indicator_get_unit (indicator);
  data->direction = pathway_indicator_get_direction (indicator);
  if (pathway_indicator_has_target (indicator))
    data->target = pathway_indicator_get_target_value (indicator);
  if (pathway_indicator_get_target_date (indicator) != NULL)
    data->target_date = *pathway_indicator_get_target_date (indicator);
  g_free (data->target_source);
  data->target_source = g_strdup (pathway_indicator_get_target_source (indicator));
  data->comparator = pathway_indicator_get_comparator_value (indicator);
  g_free (data->comparator_label);
  data->comparator_label = g_strdup (pathway_indicator_get_comparator_label (indicator));

  /* A reading with no day or no number cannot be placed; the others are all drawn. */
  n = g_list_model_get_n_items (readings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayReading) reading = g_list_model_get_item (readings, i);
      const GDate *date = pathway_reading_get_date (reading);
      double value = pathway_reading_get_value (reading);
      PathwayChartReading copy = { { 0 } };

      if (date == NULL || !g_date_valid (date) || !isfinite (value))
        continue;
      if (until != NULL && g_date_compare (date, until) > 0)
        continue;
      copy.date = *date;
      copy.value = value;
      copy.note = g_strdup (pathway_reading_get_note (reading));
      copy.meets_target = pathway_indicator_meets_target (indicator, value);
      g_array_append_val (data->readings, copy);
    }
  g_array_sort (data->readings, compare_readings);

  n = g_list_model_get_n_items (milestones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayMilestone) milestone = g_list_model_get_item (milestones, i);
      const GDate *date = pathway_milestone_get_date (milestone);
      PathwayChartMilestone copy;

      if (date == NULL || !g_date_valid (date)
          || !isfinite (pathway_milestone_get_planned_value (milestone)))
        continue;
      copy.date = *date;
      copy.value = pathway_milestone_get_planned_value (milestone);
      g_array_append_val (data->milestones, copy);
    }
  g_array_sort (data->milestones, compare_milestones);

  /* The verdict beside the latest reading is the one the rest of the app gives: against the
   * trajectory on the chart's last day (or today). */
  if (data->readings->len > 0)
    {
      g_auto(PathwayTrajectory) trajectory = { 0 };
      GDate day;

      if (until != NULL && g_date_valid (until))
        day = *until;
      else
        pathway_document_get_today (document, &day);
      pathway_trajectory_init (&trajectory, indicator, readings, milestones, &day);
      if (trajectory.status != PATHWAY_TRAJECTORY_NO_READING)
        {
          data->verdict = pathway_trajectory_describe (&trajectory, indicator);
          data->verdict_good = pathway_trajectory_is_good (&trajectory);
        }
    }

  return pathway_chart_new_for_data (data);
}

PathwayChart *
pathway_chart_new_rating_counts (PathwayProgramme *programme, const char *title,
                                 const guint counts[PATHWAY_N_RATINGS])
{
  PathwayChartData *data;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (programme), NULL);

  data = pathway_chart_data_new (PATHWAY_CHART_RATING_DISTRIBUTION,
                                 title ? title : _("Actions by rating"),
                                 pathway_programme_get_rating_scheme (programme));
  memcpy (data->counts, counts, sizeof data->counts);
  pathway_chart_data_show_used (data, data->counts);
  return pathway_chart_new_for_data (data);
}

PathwayChart *
pathway_chart_new_rating_rows (PathwayProgramme *programme, const char *title,
                               const PathwayChartRowCounts *rows, guint n_rows)
{
  PathwayChartData *data;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  data = pathway_chart_data_new (PATHWAY_CHART_RATING_BY_WORKSTREAM,
                                 title ? title : _("Actions by rating in each workstream"),
                                 pathway_programme_get_rating_scheme (programme));
  for (guint i = 0; i < n_rows; i++)
    {
      PathwayChartRow row = { g_strdup (rows[i].code ? rows[i].code : ""),
                              g_strdup (rows[i].title ? rows[i].title : ""), { 0 } };

      memcpy (row.counts, rows[i].counts, sizeof row.counts);
      g_array_append_val (data->rows, row);
      pathway_chart_data_show_used (data, row.counts);
    }
  return pathway_chart_new_for_data (data);
}

static PathwayChartData *
risk_data_new (PathwayProgramme *programme, const char *title, gboolean residual)
{
  PathwayChartData *data = pathway_chart_data_new (PATHWAY_CHART_RISK_HEAT_MAP, title,
                                                   pathway_programme_get_rating_scheme (programme));

  data->residual = residual;
  for (int level = 1; level <= PATHWAY_CHART_RISK_LEVELS; level++)
    {
      data->likelihood_words[level - 1] =
        g_strdup (pathway_programme_get_likelihood_word (programme, level));
      data->impact_words[level - 1] =
        g_strdup (pathway_programme_get_impact_word (programme, level));
    }
  return data;
}

static const char *
heat_map_title (gboolean residual)
{
  return residual ? _("Open risks by residual likelihood and impact")
                  : _("Open risks by likelihood and impact");
}

/* An int or enum field of a risk as it stood at the end of 'as_at'. */
static gboolean
risk_int_as_at (PathwayDocument *document, PathwayRisk *risk, const char *property,
                const GDate *as_at, int *result, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (risk), property);

  g_value_init (&value, pspec->value_type);
  if (!pathway_document_get_value_as_at (document, risk, property, as_at, &value, error))
    return FALSE;
  *result = G_VALUE_HOLDS_ENUM (&value) ? g_value_get_enum (&value) : g_value_get_int (&value);
  return TRUE;
}

PathwayChart *
pathway_chart_new_risk_heat_map (PathwayDocument *document, const GDate *as_at,
                                 gboolean residual, GError **error)
{
  PathwayProgramme *programme;
  g_autoptr(GListModel) risks = NULL;
  PathwayChartData *data;
  guint n;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (as_at == NULL || g_date_valid (as_at), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = pathway_document_get_programme (document);
  /* The log as it is now is the loaded one; a past day's is read from the history. */
  if (as_at == NULL)
    risks = g_object_ref (pathway_programme_get_risks (programme));
  else
    risks = pathway_document_list_as_at (document, pathway_kind_lookup ("risk"), as_at, error);
  if (risks == NULL)
    return NULL;

  data = risk_data_new (programme, heat_map_title (residual), residual);
  n = g_list_model_get_n_items (risks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayRisk) risk = g_list_model_get_item (risks, i);
      int status, likelihood, impact;

      if (as_at == NULL)
        {
          status = pathway_risk_get_status (risk);
          likelihood = residual ? pathway_risk_get_residual_likelihood (risk)
                                : pathway_risk_get_likelihood (risk);
          impact = residual ? pathway_risk_get_residual_impact (risk)
                            : pathway_risk_get_impact (risk);
        }
      else if (!risk_int_as_at (document, risk, "status", as_at, &status, error)
               || !risk_int_as_at (document, risk,
                                   residual ? "residual-likelihood" : "likelihood", as_at,
                                   &likelihood, error)
               || !risk_int_as_at (document, risk, residual ? "residual-impact" : "impact",
                                   as_at, &impact, error))
        {
          pathway_chart_data_free (data);
          return NULL;
        }

      if (status == PATHWAY_RISK_STATUS_CLOSED)
        continue;
      if (likelihood < 1 || likelihood > PATHWAY_CHART_RISK_LEVELS || impact < 1
          || impact > PATHWAY_CHART_RISK_LEVELS)
        data->risks_unscored++;
      else
        data->risks[likelihood - 1][impact - 1]++;
    }
  return pathway_chart_new_for_data (data);
}

PathwayChart *
pathway_chart_new_risk_counts (PathwayProgramme *programme, const char *title,
                               const guint counts[5][5])
{
  PathwayChartData *data;

  g_return_val_if_fail (PATHWAY_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  data = risk_data_new (programme, title ? title : heat_map_title (FALSE), FALSE);
  memcpy (data->risks, counts, sizeof data->risks);
  return pathway_chart_new_for_data (data);
}

PathwayChartKind
pathway_chart_get_kind (PathwayChart *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART (self), PATHWAY_CHART_RATING_DISTRIBUTION);

  return self->data->kind;
}

const char *
pathway_chart_get_title (PathwayChart *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART (self), NULL);

  return self->data->title;
}

/* Layouts ------------------------------------------------------------------------------- */

PathwayChartLayout *
pathway_chart_layout_new (const PathwayChartData *data, double width, double height,
                          PathwayChartStyle style)
{
  switch (data->kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      return pathway_bars_layout_new (data, width, height, style);
    case PATHWAY_CHART_RATING_HISTORY:
      return pathway_history_layout_new (data, width, height, style);
    case PATHWAY_CHART_INDICATOR_TREND:
      return pathway_trend_layout_new (data, width, height, style);
    case PATHWAY_CHART_RISK_HEAT_MAP:
      return pathway_heat_map_layout_new (data, width, height, style);
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      return pathway_donut_layout_new (data, width, height, style);
    }
}

void
pathway_chart_layout_free (PathwayChartLayout *layout)
{
  if (layout == NULL)
    return;
  switch (layout->kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      pathway_bars_layout_free ((PathwayBarsLayout *) layout);
      break;
    case PATHWAY_CHART_RATING_HISTORY:
      pathway_history_layout_free ((PathwayHistoryLayout *) layout);
      break;
    case PATHWAY_CHART_INDICATOR_TREND:
      pathway_trend_layout_free ((PathwayTrendLayout *) layout);
      break;
    case PATHWAY_CHART_RISK_HEAT_MAP:
      pathway_heat_map_layout_free ((PathwayHeatMapLayout *) layout);
      break;
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      pathway_donut_layout_free ((PathwayDonutLayout *) layout);
      break;
    }
}

void
pathway_chart_layout_draw (const PathwayChartLayout *layout, cairo_t *cr)
{
  switch (layout->kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      pathway_bars_layout_draw ((const PathwayBarsLayout *) layout, cr);
      break;
    case PATHWAY_CHART_RATING_HISTORY:
      pathway_history_layout_draw ((const PathwayHistoryLayout *) layout, cr);
      break;
    case PATHWAY_CHART_INDICATOR_TREND:
      pathway_trend_layout_draw ((const PathwayTrendLayout *) layout, cr);
      break;
    case PATHWAY_CHART_RISK_HEAT_MAP:
      pathway_heat_map_layout_draw ((const PathwayHeatMapLayout *) layout, cr);
      break;
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      pathway_donut_layout_draw ((const PathwayDonutLayout *) layout, cr);
      break;
    }
}

char *
pathway_chart_layout_describe_at (const PathwayChartLayout *layout, const PathwayChartData *data,
                                  double x, double y)
{
  switch (layout->kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      return pathway_bars_layout_describe_at ((const PathwayBarsLayout *) layout, data, x, y);
    case PATHWAY_CHART_RATING_HISTORY:
      return pathway_history_layout_describe_at ((const PathwayHistoryLayout *) layout, data, x,
                                                 y);
    case PATHWAY_CHART_INDICATOR_TREND:
      return pathway_trend_layout_describe_at ((const PathwayTrendLayout *) layout, data, x, y);
    case PATHWAY_CHART_RISK_HEAT_MAP:
      return pathway_heat_map_layout_describe_at ((const PathwayHeatMapLayout *) layout, data,
                                                  x, y);
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      return pathway_donut_layout_describe_at ((const PathwayDonutLayout *) layout, data, x, y);
    }
}

static gboolean
size_usable (double width, double height)
{
  return isfinite (width) && isfinite (height) && width >= 1 && height >= 1;
}

const PathwayChartLayout *
pathway_chart_get_layout (PathwayChart *self, double width, double height,
                          PathwayChartStyle style)
{
  g_return_val_if_fail (PATHWAY_IS_CHART (self), NULL);

  if (self->layout == NULL || self->layout->width != width || self->layout->height != height
      || self->layout->style != style)
    {
      g_clear_pointer (&self->layout, pathway_chart_layout_free);
      self->layout = pathway_chart_layout_new (self->data, width, height, style);
    }
  return self->layout;
}

void
pathway_chart_draw (PathwayChart *self, cairo_t *cr, double width, double height,
                    PathwayChartStyle style)
{
  const PathwayChartLayout *layout;

  g_return_if_fail (PATHWAY_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (!size_usable (width, height))
    return;

  layout = pathway_chart_get_layout (self, width, height, style);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  pathway_chart_layout_draw (layout, cr);
  cairo_restore (cr);
}

char *
pathway_chart_describe (PathwayChart *self)
{
  g_return_val_if_fail (PATHWAY_IS_CHART (self), NULL);

  switch (self->data->kind)
    {
    case PATHWAY_CHART_RATING_BY_WORKSTREAM:
      return pathway_bars_describe (self->data);
    case PATHWAY_CHART_RATING_HISTORY:
      return pathway_history_describe (self->data);
    case PATHWAY_CHART_INDICATOR_TREND:
      return pathway_trend_describe (self->data);
    case PATHWAY_CHART_RISK_HEAT_MAP:
      return pathway_heat_map_describe (self->data);
    case PATHWAY_CHART_RATING_DISTRIBUTION:
    default:
      return pathway_donut_describe (self->data);
    }
}

char *
pathway_chart_describe_at (PathwayChart *self, double width, double height,
                           PathwayChartStyle style, double x, double y)
{
  const PathwayChartLayout *layout;

  g_return_val_if_fail (PATHWAY_IS_CHART (self), NULL);

  if (!size_usable (width, height) || x < 0 || y < 0 || x > width || y > height)
    return NULL;
  layout = pathway_chart_get_layout (self, width, height, style);
  return pathway_chart_layout_describe_at (layout, self->data, x, y);
}

/* The heat map's cells, for a widget showing one: the layout's own boxes, so that what is
 * clicked is what is drawn. */
static const PathwayHeatMapLayout *
heat_map_layout (PathwayChart *self, double width, double height, PathwayChartStyle style)
{
  if (self->data->kind != PATHWAY_CHART_RISK_HEAT_MAP || !size_usable (width, height))
    return NULL;
  return (const PathwayHeatMapLayout *) pathway_chart_get_layout (self, width, height, style);
}

gboolean
pathway_chart_get_risk_cell (PathwayChart *self, double width, double height,
                             PathwayChartStyle style, int likelihood, int impact,
                             cairo_rectangle_t *cell)
{
  const PathwayHeatMapLayout *layout;
  const PathwayChartBox *box;

  g_return_val_if_fail (PATHWAY_IS_CHART (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  layout = heat_map_layout (self, width, height, style);
  if (layout == NULL || likelihood < 1 || likelihood > PATHWAY_CHART_RISK_LEVELS || impact < 1 ||
      impact > PATHWAY_CHART_RISK_LEVELS)
    return FALSE;
  box = &layout->cells[likelihood - 1][impact - 1].rect;
  *cell = (cairo_rectangle_t) { box->x, box->y, box->width, box->height };
  return TRUE;
}

gboolean
pathway_chart_find_risk_cell (PathwayChart *self, double width, double height,
                              PathwayChartStyle style, double x, double y, int *likelihood,
                              int *impact)
{
  const PathwayHeatMapLayout *layout;

  g_return_val_if_fail (PATHWAY_IS_CHART (self), FALSE);

  layout = heat_map_layout (self, width, height, style);
  for (int l = 0; layout != NULL && l < PATHWAY_CHART_RISK_LEVELS; l++)
    for (int i = 0; i < PATHWAY_CHART_RISK_LEVELS; i++)
      {
        if (!pathway_chart_box_contains (&layout->cells[l][i].rect, x, y))
          continue;
        if (likelihood != NULL)
          *likelihood = l + 1;
        if (impact != NULL)
          *impact = i + 1;
        return TRUE;
      }
  return FALSE;
}

/* Export -------------------------------------------------------------------------------- */

typedef enum {
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} ExportFormat;

static gboolean
format_for_path (const char *path, ExportFormat *format)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static void
set_errno_error (GError **error, int saved_errno, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PATHWAY_ERROR,
               saved_errno == ENOSPC ? PATHWAY_ERROR_DISK_FULL
               : saved_errno == ENOENT ? PATHWAY_ERROR_NOT_FOUND
                                       : PATHWAY_ERROR_IO,
               _("Could not write the chart to “%s”: %s"), display, g_strerror (saved_errno));
}

typedef struct {
  FILE *file;
  int saved_errno;
} Output;

static cairo_status_t
write_output (void *closure, const unsigned char *bytes, unsigned int length)
{
  Output *output = closure;

  if (fwrite (bytes, 1, length, output->file) != length)
    {
      output->saved_errno = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* The page an export holds: the title on top, so the file stands on its own, then the chart. */
static void
draw_page (PathwayChart *self, cairo_t *cr, double width, double height, PathwayChartStyle style)
{
  PathwayChartLayout page;
  double title_h = 0;

  pathway_chart_layout_init (&page, self->data->kind, width, height, style);
  pathway_chart_theme_set_source (cr, &page.theme.background);
  cairo_paint (cr);

  if (self->data->title[0] != '\0'
      && height >= pathway_chart_layout_line_height (&page, PATHWAY_CHART_FONT_TITLE) * 5)
    {
      g_autoptr(PangoLayout) title = pathway_chart_layout_text (&page, self->data->title,
                                                                PATHWAY_CHART_FONT_TITLE,
                                                                width - 2 * page.theme.margin);

      pathway_chart_text_size (title, NULL, &title_h);
      pathway_chart_show_text (cr, title, page.theme.margin, page.theme.margin,
                               &page.theme.text);
      title_h += page.theme.margin;
    }

  cairo_save (cr);
  cairo_translate (cr, 0, title_h);
  pathway_chart_draw (self, cr, width, height - title_h, style);
  cairo_restore (cr);
  pathway_chart_layout_clear (&page);
}

static gboolean
write_surface (PathwayChart *self, ExportFormat format, Output *output, double width,
               double height, PathwayChartStyle style)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_output, output, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_output, output, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->data->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathway");
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  draw_page (self, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_output, output);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && output->saved_errno == 0)
    output->saved_errno = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
  return status == CAIRO_STATUS_SUCCESS;
}

gboolean
pathway_chart_export (PathwayChart *self, const char *path, double width, double height,
                      PathwayChartStyle style, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *template = NULL;
  Output output = { NULL, 0 };
  ExportFormat format;
  gboolean written;
  int fd;

  g_return_val_if_fail (PATHWAY_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_for_path (path, &format))
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           _("A chart is written as PNG, SVG or PDF: end the file name with "
                             ".png, .svg or .pdf"));
      return FALSE;
    }
  if (!size_usable (width, height) || width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                   _("A chart must be between 1 and %.0f units wide and high"), MAX_EXPORT_SIDE);
      return FALSE;
    }

  /* Beside the final file, so the rename cannot cross file systems. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s-XXXXXX", base);
  temp = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (temp, O_WRONLY, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  output.file = fdopen (fd, "wb");
  if (output.file == NULL)
    {
      set_errno_error (error, errno, path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }

  written = write_surface (self, format, &output, width, height, style);
  if (written && (fflush (output.file) != 0 || fsync (fileno (output.file)) != 0))
    {
      output.saved_errno = errno;
      written = FALSE;
    }
  if (fclose (output.file) != 0 && written)
    {
      output.saved_errno = errno;
      written = FALSE;
    }
  if (written && g_rename (temp, path) != 0)
    {
      output.saved_errno = errno;
      written = FALSE;
    }
  if (!written)
    {
      set_errno_error (error, output.saved_errno ? output.saved_errno : EIO, path);
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}
