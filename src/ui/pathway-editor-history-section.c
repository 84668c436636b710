/* pathway-editor-history-section.c: the timeline of an action and its timescale revisions.
 *
 * Both lists are read from the document (pathway_document_list_updates, _list_revisions)
 * when the editor opens and again after every write to the action, newest first. Each row
 * says when and by whom, then what changed in words ("Status: On track → Complete", a rating
 * as its badge and the programme's word), then the note and the text as written. Nothing here
 * is edited, so the section has no changes, needs no note and writes nothing. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-editor-history-section.h"
#include "pathway-format.h"
#include "pathway-history-rows.h"
#include "pathway-rating-badge.h"

struct _PathwayEditorHistorySection
{
  AdwBin parent_instance;

  PathwayDocument *document;
  PathwayAction *action;

  /* Template children */
  GtkListBox *timeline_list;
  GtkListBox *revisions_list;
};

static void pathway_editor_history_section_iface_init (PathwayEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEditorHistorySection, pathway_editor_history_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PATHWAY_TYPE_EDITOR_SECTION,
                                                      pathway_editor_history_section_iface_init))

/* The timeline --------------------------------------------------------------------------------- */

/* A rating as the history shows it: the badge and the programme's word. */
static void
append_rating (GtkBox              *line,
               PathwayRatingScheme *scheme,
               const char          *nick)
{
  PathwayRating rating = pathway_rating_from_nick (nick);
  const char *word = pathway_rating_scheme_get_label (scheme, rating);
  GtkWidget *badge = pathway_rating_badge_new ();
  GtkWidget *label = gtk_label_new (NULL);

  pathway_rating_badge_set_small (PATHWAY_RATING_BADGE (badge), TRUE);
  pathway_rating_badge_set_rating (PATHWAY_RATING_BADGE (badge), rating, word);
  gtk_label_set_text (GTK_LABEL (label), word);
  gtk_widget_add_css_class (label, "history-change");
  gtk_box_append (line, badge);
  gtk_box_append (line, label);
}

static const char *
status_word (const char *nick)
{
  return pathway_status_label (pathway_status_from_nick (nick));
}

/* "Description changed": the field a text update changed, when the update says which. */
static const char *
text_field_headline (PathwayActionUpdate *update)
{
  static const struct {
    const char *property;
    const char *headline;
  } headlines[] = {
    { "reference", N_("Reference changed") },
    { "description", N_("Description changed") },
    { "area", N_("Area of weakness changed") },
    { "workstream", N_("Workstream changed") },
    { "theme", N_("Theme changed") },
    { "lead", N_("Lead changed") },
    { "original-timescale", N_("Original timescale set") },
    { "success-measure", N_("Success measure changed") },
    { "public-summary", N_("Summary for families changed") },
  };
  const char *property = pathway_action_update_get_property_name (update);

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    if (g_str_equal (property, headlines[i].property))
      return _(headlines[i].headline);
  return _("Details changed");
}

static GtkWidget *
timeline_row_new (PathwayActionUpdate *update,
                  PathwayRatingScheme *scheme)
{
  const char *from = pathway_action_update_get_from_value (update);
  const char *to = pathway_action_update_get_to_value (update);
  const char *note = pathway_action_update_get_note (update);
  g_autofree char *headline = NULL;
  GtkWidget *row = pathway_editor_text_row_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *detail = NULL;
  const char *was = NULL;
  GtkWidget *byline;

  byline = pathway_history_byline_new (pathway_action_update_get_at (update),
                                       pathway_action_update_get_author (update),
                                       pathway_action_update_get_recorded (update));
  pathway_editor_text_row_add (row, byline);

  switch (pathway_action_update_get_field (update))
    {
    case PATHWAY_FIELD_CREATED:
      headline = g_strdup (_("Created"));
      break;
    case PATHWAY_FIELD_RATING:
      gtk_box_append (GTK_BOX (line), pathway_editor_plain_label (_("Rating:"), "history-change"));
      if (*from != '\0')
        {
          append_rating (GTK_BOX (line), scheme, from);
          gtk_box_append (GTK_BOX (line), pathway_history_arrow_new ());
        }
      append_rating (GTK_BOX (line), scheme, to);
      break;
    case PATHWAY_FIELD_STATUS:
      if (*from != '\0')
        /* TRANSLATORS: "Status: On track → Complete" */
        headline = g_strdup_printf (_("Status: %s → %s"), status_word (from), status_word (to));
      else
        headline = g_strdup_printf (_("Status: %s"), status_word (to));
      break;
    case PATHWAY_FIELD_REVISED_TIMESCALE:
      if (*from != '\0' && *to != '\0')
        /* TRANSLATORS: "Revised timescale: Dec 25 → Spring Term 2026" */
        headline = g_strdup_printf (_("Revised timescale: %s → %s"), from, to);
      else if (*to != '\0')
        headline = g_strdup_printf (_("Revised timescale: %s"), to);
      else
        headline = g_strdup_printf (_("Revised timescale withdrawn: %s"), from);
      break;
    case PATHWAY_FIELD_COMMENTARY:
      headline = g_strdup (*to != '\0' ? _("Commentary updated") : _("Commentary cleared"));
      detail = to;
      break;
    case PATHWAY_FIELD_DELETED:
      headline = g_strdup (g_strcmp0 (to, "yes") == 0 ? _("Removed") : _("Restored"));
      break;
    case PATHWAY_FIELD_NOTE:
      headline = g_strdup (g_strcmp0 (pathway_action_update_get_property_name (update),
                                      "decision") == 0 ? _("Decision") : _("Note"));
      break;
    case PATHWAY_FIELD_TEXT:
    default:
      headline = g_strdup (text_field_headline (update));
      detail = to;
      was = from;
      break;
    }

  if (headline != NULL)
    gtk_box_append (GTK_BOX (line), pathway_editor_plain_label (headline, "history-change"));
  pathway_editor_text_row_add (row, line);
  pathway_history_row_add_texts (row, note, detail, was);
  return row;
}

/* The revisions -------------------------------------------------------------------------------- */

static GtkWidget *
revision_row_new (PathwayTimescaleRevision *revision)
{
  const PathwayTimescale *timescale = pathway_timescale_revision_get_timescale (revision);
  const char *approved_by = pathway_timescale_revision_get_approved_by (revision);
  g_autofree char *approved_on =
    pathway_format_date (pathway_timescale_revision_get_approved_on (revision));
  g_autofree char *text = pathway_editor_describe_timescale (timescale);
  g_autofree char *reason = NULL;
  g_autofree char *approval = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *row = pathway_editor_text_row_new ();
  GtkWidget *byline;

  byline = pathway_history_byline_new (pathway_timescale_revision_get_recorded_at (revision),
                                       pathway_timescale_revision_get_author (revision), NULL);
  pathway_editor_text_row_add (row, byline);
  /* TRANSLATORS: the timescale a revision set, as written: "New timescale: March 2026" */
  headline = g_strdup_printf (_("New timescale: %s"), text);
  pathway_editor_text_row_add (row, pathway_editor_plain_label (headline, "history-change"));
  reason = g_strdup_printf (_("Reason: %s"), pathway_timescale_revision_get_reason (revision));
  pathway_editor_text_row_add (row, pathway_editor_plain_label (reason, "history-note"));

  if (*approved_by != '\0' && approved_on != NULL)
    /* TRANSLATORS: "Approved by SEND Improvement Board on 19 November 2025" */
    approval = g_strdup_printf (_("Approved by %s on %s"), approved_by, approved_on);
  else if (*approved_by != '\0')
    approval = g_strdup_printf (_("Approved by %s"), approved_by);
  else if (approved_on != NULL)
    approval = g_strdup_printf (_("Approved on %s"), approved_on);
  else
    approval = g_strdup (_("No approval recorded"));
  pathway_editor_text_row_add (row, pathway_history_caption_new (approval));
  return row;
}

/* Reading the history -------------------------------------------------------------------------- */

static void
history_refresh (PathwayEditorSection *section)
{
  PathwayEditorHistorySection *self = PATHWAY_EDITOR_HISTORY_SECTION (section);
  PathwayProgramme *programme = pathway_document_get_programme (self->document);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  pathway_editor_clear_list_box (self->timeline_list);
  pathway_editor_clear_list_box (self->revisions_list);
  if (self->action == NULL || pathway_action_get_id (self->action) == 0)
    return;

  updates = pathway_document_list_updates (self->document, self->action, &error);
  if (updates == NULL)
    gtk_list_box_append (self->timeline_list, pathway_editor_placeholder_row_new (error->message));
  g_clear_error (&error);
  n = updates ? g_list_model_get_n_items (updates) : 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayActionUpdate) update = g_list_model_get_item (updates, i - 1);

      gtk_list_box_append (self->timeline_list, timeline_row_new (update, scheme));
    }
  if (updates != NULL && n == 0)
    gtk_list_box_append (self->timeline_list,
                         pathway_editor_placeholder_row_new (_("No changes recorded yet")));

  revisions = pathway_document_list_revisions (self->document, self->action, &error);
  if (revisions == NULL)
    gtk_list_box_append (self->revisions_list,
                         pathway_editor_placeholder_row_new (error->message));
  n = revisions ? g_list_model_get_n_items (revisions) : 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PathwayTimescaleRevision) revision = g_list_model_get_item (revisions, i - 1);

      gtk_list_box_append (self->revisions_list, revision_row_new (revision));
    }
  if (revisions != NULL && n == 0)
    gtk_list_box_append (self->revisions_list,
                         pathway_editor_placeholder_row_new (_("The timescale has not been "
                                                              "revised")));
}

static void
history_set_action (PathwayEditorSection *section,
                    PathwayDocument      *document,
                    PathwayAction        *action,
                    PathwayEditorFlags    flags)
{
  PathwayEditorHistorySection *self = PATHWAY_EDITOR_HISTORY_SECTION (section);

  g_set_object (&self->document, document);
  g_set_object (&self->action, action);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
pathway_editor_history_section_dispose (GObject *object)
{
  PathwayEditorHistorySection *self = PATHWAY_EDITOR_HISTORY_SECTION (object);

  g_clear_object (&self->action);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_EDITOR_HISTORY_SECTION);
  G_OBJECT_CLASS (pathway_editor_history_section_parent_class)->dispose (object);
}

static void
pathway_editor_history_section_iface_init (PathwayEditorSectionInterface *iface)
{
  iface->set_action = history_set_action;
  iface->refresh = history_refresh;
}

static void
pathway_editor_history_section_class_init (PathwayEditorHistorySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_editor_history_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-editor-history-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorHistorySection,
                                        timeline_list);
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorHistorySection,
                                        revisions_list);
}

static void
pathway_editor_history_section_init (PathwayEditorHistorySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
