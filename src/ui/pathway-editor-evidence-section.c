/* pathway-editor-evidence-section.c: what has changed for children, young people and families
 * because of an action.
 *
 * The evidence recorded so far is listed as the document has it, read again after every
 * write; below it, "Add evidence" opens the fields of one more piece, which is added with the
 * save (what has changed is needed; the date, if given, must name a day). A new action has no
 * evidence yet, and the section stays hidden until it is saved. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-evidence-section.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"

struct _PathwayEditorEvidenceSection
{
  AdwBin parent_instance;

  PathwayDocument *document;
  PathwayAction *action;

  /* Template children */
  GtkListBox *evidence_list;
  PathwayEntryRow *evidence_date_row;
  PathwayEntryRow *evidence_text_row;
  PathwayEntryRow *evidence_source_row;
  GtkLabel *evidence_caption;
};

static void pathway_editor_evidence_section_iface_init (PathwayEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwayEditorEvidenceSection, pathway_editor_evidence_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PATHWAY_TYPE_EDITOR_SECTION,
                                                      pathway_editor_evidence_section_iface_init))

/* The evidence recorded ------------------------------------------------------------------------ */

static GtkWidget *
evidence_row_new (PathwayEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = pathway_format_date (pathway_evidence_get_date (evidence));
  const char *source = pathway_evidence_get_source (evidence);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pathway_evidence_get_text (evidence));
  if (date != NULL && *source != '\0')
    /* TRANSLATORS: when evidence was recorded and where it comes from */
    subtitle = g_strdup_printf (_("%s · %s"), date, source);
  else
    subtitle = g_strdup (date != NULL ? date : source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "evidence-row");
  return row;
}

/* Shown only when there is something to show, or a reason why there is not. */
static void
evidence_refresh (PathwayEditorSection *section)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (section);
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  pathway_editor_clear_list_box (self->evidence_list);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), FALSE);
  if (self->action == NULL || pathway_action_get_id (self->action) == 0)
    return;

  evidence = pathway_document_list_evidence (self->document, self->action, &error);
  if (evidence == NULL)
    gtk_list_box_append (self->evidence_list, pathway_editor_placeholder_row_new (error->message));
  n = evidence ? g_list_model_get_n_items (evidence) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayEvidence) item = g_list_model_get_item (evidence, i);

      gtk_list_box_append (self->evidence_list, evidence_row_new (item));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), evidence == NULL || n > 0);
}

static void
evidence_set_action (PathwayEditorSection *section,
                     PathwayDocument      *document,
                     PathwayAction        *action,
                     PathwayEditorFlags    flags)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (section);

  g_set_object (&self->document, document);
  g_set_object (&self->action, action);
  gtk_widget_set_visible (GTK_WIDGET (self), action != NULL);
}

/* The evidence to add -------------------------------------------------------------------------- */

static gboolean
evidence_has_changes (PathwayEditorSection *section)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (section);

  return self->action != NULL &&
         (pathway_editor_entry_has_text (self->evidence_text_row) ||
          pathway_editor_entry_has_text (self->evidence_date_row) ||
          pathway_editor_entry_has_text (self->evidence_source_row));
}

static gboolean
evidence_validate (PathwayEditorSection *section,
                   gboolean              saving)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (section);
  g_autofree char *date_text = pathway_editor_dup_entry_text (self->evidence_date_row);
  gboolean text_missing = evidence_has_changes (section) &&
                          !pathway_editor_entry_has_text (self->evidence_text_row);
  gboolean date_wrong = FALSE;
  GDate date;

  if (*date_text != '\0' && !pathway_editor_parse_day (date_text, &date))
    date_wrong = TRUE;
  pathway_editor_mark_error (self->evidence_text_row, text_missing);
  pathway_editor_mark_error (self->evidence_date_row, date_wrong);
  if (date_wrong)
    pathway_editor_set_caption (self->evidence_caption, PATHWAY_CAPTION_ERROR,
                                _("Write the date of the evidence, such as “14 July 2025”"));
  else if (text_missing)
    pathway_editor_set_caption (self->evidence_caption, PATHWAY_CAPTION_ERROR,
                                _("Say what has changed, or clear the evidence fields"));
  else
    pathway_editor_set_caption (self->evidence_caption, PATHWAY_CAPTION_HIDDEN, NULL);
  return !date_wrong && !text_missing;
}

/* Evidence is not an undoable change, and adding it ends the undo history: the editor writes
 * this section last. */
static gboolean
evidence_apply (PathwayEditorSection *section,
                const char           *note,
                GError              **error)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (section);
  g_autoptr(PathwayEvidence) evidence = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  GDate date;

  if (!evidence_has_changes (section))
    return TRUE;
  evidence = pathway_evidence_new ();
  date_text = pathway_editor_dup_entry_text (self->evidence_date_row);
  text = pathway_editor_dup_entry_text (self->evidence_text_row);
  source = pathway_editor_dup_entry_text (self->evidence_source_row);
  if (*date_text != '\0' && pathway_editor_parse_day (date_text, &date))
    pathway_evidence_set_date (evidence, &date);
  pathway_evidence_set_text (evidence, text);
  pathway_evidence_set_source (evidence, source);
  return pathway_document_add_evidence (self->document, self->action, evidence, error);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
field_changed_cb (PathwayEditorEvidenceSection *self)
{
  pathway_editor_section_changed (PATHWAY_EDITOR_SECTION (self));
}

static void
pathway_editor_evidence_section_dispose (GObject *object)
{
  PathwayEditorEvidenceSection *self = PATHWAY_EDITOR_EVIDENCE_SECTION (object);

  g_clear_object (&self->action);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_EDITOR_EVIDENCE_SECTION);
  G_OBJECT_CLASS (pathway_editor_evidence_section_parent_class)->dispose (object);
}

static void
pathway_editor_evidence_section_iface_init (PathwayEditorSectionInterface *iface)
{
  iface->set_action = evidence_set_action;
  iface->refresh = evidence_refresh;
  iface->has_changes = evidence_has_changes;
  iface->validate = evidence_validate;
  iface->apply = evidence_apply;
}

static void
pathway_editor_evidence_section_class_init (PathwayEditorEvidenceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_editor_evidence_section_dispose;

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-editor-evidence-section.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayEditorEvidenceSection, name)
  BIND (evidence_list);
  BIND (evidence_date_row);
  BIND (evidence_text_row);
  BIND (evidence_source_row);
  BIND (evidence_caption);
#undef BIND
}

static void
pathway_editor_evidence_section_init (PathwayEditorEvidenceSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  PathwayEntryRow *entries[] = {
    self->evidence_date_row, self->evidence_text_row, self->evidence_source_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* A field's caption is read with it. */
  pathway_editor_describe_with (self->evidence_text_row, self->evidence_caption);
  pathway_editor_describe_with (self->evidence_date_row, self->evidence_caption);
}
