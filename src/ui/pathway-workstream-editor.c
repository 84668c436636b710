/* pathway-workstream-editor.c: adding a workstream, or changing one.
 *
 * The editor holds what the person has typed and chosen, and writes nothing until Save. The
 * members are kept as a list of entries (the member's id, or none for one added here, the
 * person's id and the role as saved) and the areas as check rows with whether each was
 * linked; both are found again by id when they are written, so that a rolled-back batch, which
 * replaces the programme and its objects, loses nothing that was typed.
 *
 * Save writes every change in one batch: the workstream's fields (or the new workstream),
 * then the members (retired, their roles changed, added) and the links to areas, so that one
 * undo takes the whole save back. The first change the store refuses rolls the batch back,
 * and its message is shown under the field it concerns; the editor stays open. A field is
 * changed when it differs from what the editor showed (PathwayShownValues), and one someone
 * else changed meanwhile (a programme on a server) is refused naming them, what was typed
 * kept; saving again writes it on purpose. After a save
 * the editor emits "saved", says so in a toast on the main window with Undo, and closes.
 * Cancel and Escape close it without writing; Ctrl+Enter saves. On a read-only programme, or one
 * on a server where only its managers change workstreams, the fields are insensitive and a bar
 * at the top says why. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-shown-values.h"

#include "pathway-editor-fields.h"
#include "pathway-person-picker.h"
#include "pathway-remote.h"
#include "pathway-style.h"
#include "pathway-window.h"
#include "pathway-workstream-editor.h"

/* The lead organisations in the order of the drop-down. */
static const PathwayLeadOrganisation organisations[] = {
  PATHWAY_LEAD_COUNCIL, PATHWAY_LEAD_HEALTH, PATHWAY_LEAD_JOINT,
};

typedef struct {
  gint64 member_id; /* 0: added in this editor */
  gint64 person_id;
  char *saved_role; /* the role as saved; NULL for a new member */
  AdwActionRow *row;
  GtkEntry *role_entry;
} MemberEntry;

typedef struct {
  gint64 area_id;
  gboolean linked; /* as saved */
  GtkCheckButton *check;
} AreaEntry;

struct _PathwayWorkstreamEditor
{
  AdwWindow parent_instance;

  PathwayDocument *document;
  /* Followed: a rolled-back batch replaces the programme, and its objects with it. */
  PathwayProgramme *programme;
  PathwayWorkstream *workstream; /* NULL while a new one is written */
  gint64 workstream_id;
  GPtrArray *members;      /* MemberEntry, in the list's order */
  GArray *removed_members; /* gint64: ids of members removed here */
  GPtrArray *areas;        /* AreaEntry */
  GtkWidget *members_none;
  PathwayShownValues *shown; /* the workstream's fields as the editor showed them */
  gboolean read_only;        /* this person may not change the workstream (or add one) */
  GtkLabel *read_only_label;

  /* What is wrong with a field, under it */
  GtkLabel *code_caption;
  GtkLabel *title_caption;
  GtkLabel *description_caption;
  GtkLabel *leadership_caption;
  GtkLabel *members_caption;
  GtkLabel *areas_caption;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  AdwPreferencesGroup *details_group;
  PathwayEntryRow *code_row;
  PathwayEntryRow *title_row;
  GtkTextView *description_view;
  PathwayPersonPicker *lead_picker;
  AdwComboRow *organisation_row;
  AdwPreferencesGroup *members_group;
  PathwayPersonPicker *new_member_picker;
  PathwayEntryRow *new_role_row;
  AdwPreferencesGroup *areas_group;
};

G_DEFINE_FINAL_TYPE (PathwayWorkstreamEditor, pathway_workstream_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
member_entry_free (gpointer data)
{
  MemberEntry *entry = data;

  g_free (entry->saved_role);
  g_free (entry);
}

static gint64
id_of (gpointer record)
{
  return record != NULL ? pathway_record_get_id (record) : 0;
}

/* A row of a group's list saying, dimmed, why the list is empty. A preferences row, so that
 * the group puts it in its list. */
static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE,
                                 "focusable", FALSE, NULL);
  GtkWidget *label = pathway_editor_plain_label (text, "dim-label");

  gtk_widget_add_css_class (label, "record-editor-placeholder");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* Captions ------------------------------------------------------------------------------------
 * A caption is a row of its own under the field's row, in the same list, shown only when it
 * has something to say (pathway_editor_caption_row_after in pathway-editor-fields.c); under a
 * text view, a label. */

static void
hide_captions (PathwayWorkstreamEditor *self)
{
  pathway_editor_show_caption (self->code_caption, self->code_row, PATHWAY_CAPTION_HIDDEN, NULL);
  pathway_editor_show_caption (self->title_caption, self->title_row, PATHWAY_CAPTION_HIDDEN, NULL);
  pathway_editor_show_caption (self->description_caption, self->description_view, PATHWAY_CAPTION_HIDDEN,
                NULL);
  pathway_editor_show_caption (self->leadership_caption, NULL, PATHWAY_CAPTION_HIDDEN, NULL);
  pathway_editor_show_caption (self->members_caption, NULL, PATHWAY_CAPTION_HIDDEN, NULL);
  pathway_editor_show_caption (self->areas_caption, NULL, PATHWAY_CAPTION_HIDDEN, NULL);
}

/* Members ------------------------------------------------------------------------------------- */

static void
update_members_none (PathwayWorkstreamEditor *self)
{
  gtk_widget_set_visible (self->members_none, self->members->len == 0);
}

static void remove_member_cb (GtkButton *button, PathwayWorkstreamEditor *self);

static MemberEntry *
member_entry_new (PathwayWorkstreamEditor *self,
                  gint64                   member_id,
                  PathwayPerson           *person,
                  const char              *role)
{
  MemberEntry *entry = g_new0 (MemberEntry, 1);
  GtkWidget *role_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *name = pathway_person_get_name (person);
  g_autofree char *role_name = NULL;
  g_autofree char *remove_name = NULL;

  entry->member_id = member_id;
  entry->person_id = pathway_person_get_id (person);
  entry->saved_role = member_id != 0 ? g_strdup (role) : NULL;

  entry->row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (entry->row), "member-row");
  /* The person's name and organisation are the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), name);
  adw_action_row_set_subtitle (entry->row, pathway_person_get_organisation (person));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), FALSE);

  gtk_widget_set_name (role_entry, "member-role-entry");
  gtk_editable_set_text (GTK_EDITABLE (role_entry), role != NULL ? role : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (role_entry), _("Role"));
  gtk_editable_set_width_chars (GTK_EDITABLE (role_entry), 26);
  gtk_widget_set_valign (role_entry, GTK_ALIGN_CENTER);
  /* Translators: how a screen reader names the role field of one member: "Role of Priya
   * Raman". */
  role_name = g_strdup_printf (_("Role of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (role_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  role_name, -1);
  adw_action_row_add_suffix (entry->row, role_entry);

  gtk_widget_set_name (remove, "member-remove-button");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: the tooltip and accessible name of a member's Remove button: "Remove Priya
   * Raman from the workstream". */
  remove_name = g_strdup_printf (_("Remove %s from the workstream"), name);
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  g_object_set_data (G_OBJECT (remove), "member-entry", entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_member_cb), self);
  adw_action_row_add_suffix (entry->row, remove);

  entry->role_entry = GTK_ENTRY (role_entry);
  adw_preferences_group_add (self->members_group, GTK_WIDGET (entry->row));
  g_ptr_array_add (self->members, entry);
  update_members_none (self);
  return entry;
}

static void
remove_member_cb (GtkButton               *button,
                  PathwayWorkstreamEditor *self)
{
  MemberEntry *entry = g_object_get_data (G_OBJECT (button), "member-entry");
  guint index;

  if (!g_ptr_array_find (self->members, entry, &index))
    return;
  if (entry->member_id != 0)
    g_array_append_val (self->removed_members, entry->member_id);
  adw_preferences_group_remove (self->members_group, GTK_WIDGET (entry->row));
  g_ptr_array_remove_index (self->members, index);
  update_members_none (self);
  /* The focus was on the button that went: give it to the next thing to do. */
  gtk_widget_grab_focus (GTK_WIDGET (self->new_member_picker));
}

static gboolean
is_member (PathwayWorkstreamEditor *self,
           PathwayPerson           *person)
{
  for (guint i = 0; i < self->members->len; i++)
    {
      MemberEntry *entry = g_ptr_array_index (self->members, i);

      if (entry->person_id == pathway_person_get_id (person))
        return TRUE;
    }
  return FALSE;
}

static void
add_member_cb (PathwayWorkstreamEditor *self)
{
  PathwayPerson *person = pathway_person_picker_get_selected (self->new_member_picker);
  g_autofree char *role = pathway_editor_dup_entry_text (self->new_role_row);

  if (person == NULL)
    {
      pathway_editor_show_caption (self->members_caption, self->new_member_picker, PATHWAY_CAPTION_ERROR,
                    _("Choose who joins the workstream, then add them."));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_member_picker));
      return;
    }
  if (is_member (self, person))
    {
      g_autofree char *text = g_strdup_printf (_("%s is a member already."),
                                               pathway_person_get_name (person));

      pathway_editor_show_caption (self->members_caption, self->new_member_picker, PATHWAY_CAPTION_ERROR,
                    text);
      return;
    }

  pathway_editor_show_caption (self->members_caption, self->new_member_picker, PATHWAY_CAPTION_HIDDEN, NULL);
  member_entry_new (self, 0, person, role);
  pathway_person_picker_set_selected (self->new_member_picker, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_role_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_member_picker));
}

static void
fill_members (PathwayWorkstreamEditor *self)
{
  GListModel *members;

  if (self->workstream == NULL)
    return;
  members = pathway_workstream_get_members (self->workstream);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(PathwayMember) member = g_list_model_get_item (members, i);
      PathwayPerson *person = pathway_member_get_person (member);

      if (person != NULL)
        member_entry_new (self, pathway_member_get_id (member), person,
                          pathway_member_get_role (member));
    }
}

/* Areas --------------------------------------------------------------------------------------- */

static gboolean
links_area (PathwayWorkstream     *workstream,
            PathwayAreaOfWeakness *area)
{
  GListModel *areas = workstream != NULL ? pathway_workstream_get_areas (workstream) : NULL;

  for (guint i = 0; areas != NULL && i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PathwayAreaOfWeakness) linked = g_list_model_get_item (areas, i);

      if (linked == area)
        return TRUE;
    }
  return FALSE;
}

static void
fill_areas (PathwayWorkstreamEditor *self)
{
  GListModel *areas = pathway_programme_get_areas (self->programme);
  guint n = g_list_model_get_n_items (areas);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwayAreaOfWeakness) area = g_list_model_get_item (areas, i);
      AreaEntry *entry = g_new0 (AreaEntry, 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      /* Translators: an area of weakness beside its check box: "1 – Co-production". */
      g_autofree char *title = g_strdup_printf (_("%s – %s"),
                                                pathway_area_of_weakness_get_reference (area),
                                                pathway_area_of_weakness_get_title (area));

      entry->area_id = pathway_area_of_weakness_get_id (area);
      entry->linked = links_area (self->workstream, area);
      entry->check = GTK_CHECK_BUTTON (check);

      gtk_widget_set_name (row, "area-check-row");
      /* An area's reference and title are the user's text. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), entry->linked);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->areas_group, row);
      g_ptr_array_add (self->areas, entry);
    }

  if (n == 0)
    {
      GtkWidget *row = placeholder_row_new (
        _("The programme has no areas of weakness yet."));

      adw_preferences_group_add (self->areas_group, row);
    }
}

/* What Save would write ----------------------------------------------------------------------- */

static PathwayLeadOrganisation
chosen_organisation (PathwayWorkstreamEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->organisation_row);

  return selected < G_N_ELEMENTS (organisations) ? organisations[selected]
                                                 : PATHWAY_LEAD_COUNCIL;
}

static char *
member_role (MemberEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry->role_entry))));
}

static gboolean
has_changes (PathwayWorkstreamEditor *self)
{
  g_autofree char *code = pathway_editor_dup_entry_text (self->code_row);
  g_autofree char *title = pathway_editor_dup_entry_text (self->title_row);
  PathwayWorkstream *workstream = self->workstream;

  if (workstream == NULL)
    return TRUE;
  if (g_strcmp0 (code, pathway_shown_values_get_string (self->shown, "code")) != 0 ||
      g_strcmp0 (title, pathway_shown_values_get_string (self->shown, "title")) != 0 ||
      pathway_editor_view_differs (self->description_view,
                                   pathway_shown_values_get_string (self->shown, "description")) ||
      id_of (pathway_person_picker_get_selected (self->lead_picker)) !=
        pathway_shown_values_get_id (self->shown, "lead") ||
      (int) chosen_organisation (self) !=
        pathway_shown_values_get_enum (self->shown, "lead-organisation") ||
      self->removed_members->len > 0)
    return TRUE;
  for (guint i = 0; i < self->members->len; i++)
    {
      MemberEntry *entry = g_ptr_array_index (self->members, i);
      g_autofree char *role = member_role (entry);

      if (entry->member_id == 0 || g_strcmp0 (role, entry->saved_role) != 0)
        return TRUE;
    }
  for (guint i = 0; i < self->areas->len; i++)
    {
      AreaEntry *entry = g_ptr_array_index (self->areas, i);

      if (gtk_check_button_get_active (entry->check) != entry->linked)
        return TRUE;
    }
  return FALSE;
}

/* Saving -------------------------------------------------------------------------------------- */

/* The first refusal rolls the batch back and is shown under its field. */
static gboolean
refused (PathwayWorkstreamEditor *self,
         GtkLabel                *caption,
         gpointer                 field,
         GError                  *error)
{
  pathway_document_rollback_batch (self->document);
  pathway_editor_show_caption (caption, field, PATHWAY_CAPTION_ERROR, error->message);
  if (field != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (field));
  return FALSE;
}

static gboolean
set_field (PathwayWorkstreamEditor *self,
           PathwayWorkstream       *workstream,
           const char              *property,
           const GValue            *value,
           GtkLabel                *caption,
           gpointer                 field)
{
  g_autoptr(GError) error = NULL;

  /* Not over a value someone else gave it since the editor showed it. */
  if (pathway_shown_values_check (self->shown, self->document, workstream, property, &error) &&
      pathway_document_set_value (self->document, workstream, property, value, NULL, &error))
    return TRUE;
  return refused (self, caption, field, error);
}

static gboolean
set_string (PathwayWorkstreamEditor *self,
            PathwayWorkstream       *workstream,
            const char              *property,
            const char              *text,
            const char              *current,
            GtkLabel                *caption,
            gpointer                 field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_strcmp0 (text, current) == 0)
    return TRUE;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return set_field (self, workstream, property, &value, caption, field);
}

static gboolean
write_fields (PathwayWorkstreamEditor *self,
              PathwayWorkstream       *workstream)
{
  g_autofree char *code = pathway_editor_dup_entry_text (self->code_row);
  g_autofree char *title = pathway_editor_dup_entry_text (self->title_row);
  g_autofree char *description = pathway_editor_dup_view_text (self->description_view);
  PathwayPerson *lead = pathway_person_picker_get_selected (self->lead_picker);
  PathwayLeadOrganisation organisation = chosen_organisation (self);

  if (!set_string (self, workstream, "code", code,
                   pathway_shown_values_get_string (self->shown, "code"), self->code_caption,
                   self->code_row) ||
      !set_string (self, workstream, "title", title,
                   pathway_shown_values_get_string (self->shown, "title"), self->title_caption,
                   self->title_row) ||
      !set_string (self, workstream, "description", description,
                   pathway_shown_values_get_string (self->shown, "description"),
                   self->description_caption, self->description_view))
    return FALSE;
  if (id_of (lead) != pathway_shown_values_get_id (self->shown, "lead"))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_PERSON);
      g_value_set_object (&value, lead);
      if (!set_field (self, workstream, "lead", &value, self->leadership_caption,
                      self->lead_picker))
        return FALSE;
    }
  if ((int) organisation != pathway_shown_values_get_enum (self->shown, "lead-organisation"))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, PATHWAY_TYPE_LEAD_ORGANISATION);
      g_value_set_enum (&value, organisation);
      if (!set_field (self, workstream, "lead-organisation", &value, self->leadership_caption,
                      self->organisation_row))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_members (PathwayWorkstreamEditor *self,
               PathwayWorkstream       *workstream)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->removed_members->len; i++)
    {
      gint64 id = g_array_index (self->removed_members, gint64, i);
      PathwayMember *member = pathway_workstream_find_member (workstream, id);

      if (member != NULL && !pathway_document_retire (self->document, member, NULL, &error))
        return refused (self, self->members_caption, NULL, error);
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      MemberEntry *entry = g_ptr_array_index (self->members, i);
      g_autofree char *role = member_role (entry);

      if (entry->member_id == 0)
        {
          PathwayPerson *person = pathway_programme_find_person (self->programme,
                                                                 entry->person_id);

          if (!pathway_document_add_member (self->document, workstream, person, role, &error))
            return refused (self, self->members_caption, entry->role_entry, error);
        }
      else if (g_strcmp0 (role, entry->saved_role) != 0)
        {
          PathwayMember *member = pathway_workstream_find_member (workstream, entry->member_id);

          if (member != NULL &&
              !pathway_document_set_text (self->document, member, "role", role, &error))
            return refused (self, self->members_caption, entry->role_entry, error);
        }
    }
  return TRUE;
}

static gboolean
write_areas (PathwayWorkstreamEditor *self,
             PathwayWorkstream       *workstream)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->areas->len; i++)
    {
      AreaEntry *entry = g_ptr_array_index (self->areas, i);
      gboolean link = gtk_check_button_get_active (entry->check);
      PathwayAreaOfWeakness *area;

      if (link == entry->linked)
        continue;
      area = pathway_programme_find_area (self->programme, entry->area_id);
      if (area == NULL)
        continue;
      if (!(link ? pathway_document_link_area (self->document, workstream, area, &error)
                 : pathway_document_unlink_area (self->document, workstream, area, &error)))
        return refused (self, self->areas_caption, entry->check, error);
    }
  return TRUE;
}

static PathwayWorkstream *
add_workstream (PathwayWorkstreamEditor *self)
{
  g_autoptr(PathwayWorkstream) draft = pathway_workstream_new ();
  g_autofree char *code = pathway_editor_dup_entry_text (self->code_row);
  g_autofree char *title = pathway_editor_dup_entry_text (self->title_row);
  g_autofree char *description = pathway_editor_dup_view_text (self->description_view);
  g_autoptr(GError) error = NULL;

  pathway_workstream_set_code (draft, code);
  pathway_workstream_set_title (draft, title);
  pathway_workstream_set_description (draft, description);
  pathway_workstream_set_lead (draft, pathway_person_picker_get_selected (self->lead_picker));
  pathway_workstream_set_lead_organisation (draft, chosen_organisation (self));
  if (!pathway_document_add (self->document, NULL, draft, &error))
    {
      /* A workstream is known by its code: a refusal is most often about it. */
      refused (self, self->code_caption, self->code_row, error);
      return NULL;
    }
  /* The programme holds it now. */
  return draft;
}

/* A toast is markup: the code is the person's text. */
static void
announce (PathwayWorkstreamEditor *self,
          const char              *title,
          const char              *undo_label)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!PATHWAY_IS_WINDOW (parent))
    return;
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (pathway_document_get_can_undo (self->document) &&
      g_strcmp0 (pathway_document_get_undo_label (self->document), undo_label) == 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  pathway_window_add_toast (PATHWAY_WINDOW (parent), toast);
}

/* The code names the workstream wherever it is used: it must be there, and be no other's. */
static gboolean
validate (PathwayWorkstreamEditor *self)
{
  g_autofree char *code = pathway_editor_dup_entry_text (self->code_row);
  PathwayWorkstream *other = pathway_programme_find_workstream_by_code (self->programme, code);
  g_autofree char *taken = NULL;

  if (*code == '\0')
    {
      pathway_editor_show_caption (self->code_caption, self->code_row, PATHWAY_CAPTION_ERROR,
                    _("Write the workstream’s code, such as “B”: actions and reports name it "
                      "by its code."));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return FALSE;
    }
  if (other != NULL && id_of (other) != self->workstream_id)
    {
      /* Translators: under a workstream's code that another workstream has: "Workstream B
       * has that code already: choose another." */
      taken = g_strdup_printf (_("Workstream %s has that code already: choose another."),
                               pathway_workstream_get_code (other));
      pathway_editor_show_caption (self->code_caption, self->code_row, PATHWAY_CAPTION_ERROR, taken);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwayWorkstreamEditor *self = PATHWAY_WORKSTREAM_EDITOR (widget);
  g_autofree char *code = pathway_editor_dup_entry_text (self->code_row);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PathwayWorkstream) workstream = NULL;
  g_autoptr(GError) error = NULL;
  gboolean adding = self->workstream_id == 0;

  if (self->read_only || self->programme == NULL)
    return;
  hide_captions (self);
  if (!validate (self))
    return;
  if (!has_changes (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Translators: the name of an undo step: "Add workstream F", "Change workstream B". */
  label = g_strdup_printf (adding ? _("Add workstream %s") : _("Change workstream %s"), code);
  if (!pathway_document_begin_batch (self->document, label, &error))
    {
      pathway_editor_show_caption (self->code_caption, NULL, PATHWAY_CAPTION_ERROR, error->message);
      return;
    }
  if (adding)
    {
      PathwayWorkstream *added = add_workstream (self);

      if (added == NULL)
        return;
      workstream = g_object_ref (added);
    }
  else
    {
      workstream = g_object_ref (self->workstream);
      if (!write_fields (self, workstream))
        return;
    }
  if (!write_members (self, workstream) || !write_areas (self, workstream))
    return;
  if (!pathway_document_commit_batch (self->document, &error))
    {
      pathway_editor_show_caption (self->code_caption, NULL, PATHWAY_CAPTION_ERROR, error->message);
      return;
    }

  /* Translators: after a save: "Added workstream F", "Saved workstream B". */
  title = g_strdup_printf (adding ? _("Added workstream %s") : _("Saved workstream %s"), code);
  announce (self, title, label);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, workstream);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Filling in ---------------------------------------------------------------------------------- */

static void
fill_fields (PathwayWorkstreamEditor *self)
{
  PathwayWorkstream *workstream = self->workstream;
  PathwayLeadOrganisation organisation = PATHWAY_LEAD_COUNCIL;

  pathway_shown_values_clear (self->shown);
  if (workstream != NULL)
    {
      static const char *const shown[] = { "code", "title", "description", "lead",
                                           "lead-organisation" };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        pathway_shown_values_remember (self->shown, workstream, shown[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row),
                             pathway_workstream_get_code (workstream));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             pathway_workstream_get_title (workstream));
      pathway_editor_set_view_text (self->description_view,
                                    pathway_workstream_get_description (workstream));
      pathway_person_picker_set_selected (self->lead_picker,
                                          pathway_workstream_get_lead (workstream));
      organisation = pathway_workstream_get_lead_organisation (workstream);
    }
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    if (organisations[i] == organisation)
      adw_combo_row_set_selected (self->organisation_row, i);
}

static void
show_titles (PathwayWorkstreamEditor *self)
{
  const char *title = self->workstream_id == 0 ? _("New Workstream") : _("Edit Workstream");

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (self->workstream != NULL)
    {
      /* Translators: which workstream is edited, under the editor's title: "B – EHC needs
       * assessments and plans". */
      g_autofree char *subtitle = g_strdup_printf (_("%s – %s"),
                                                   pathway_workstream_get_code (self->workstream),
                                                   pathway_workstream_get_title (self->workstream));

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

/* The person pickers choose from the programme's people; a rolled-back batch brings new ones,
 * found again by id. */
static void
set_people (PathwayWorkstreamEditor *self,
            PathwayPersonPicker     *picker)
{
  gint64 chosen = id_of (pathway_person_picker_get_selected (picker));
  GListModel *people = pathway_programme_get_people (self->programme);

  pathway_person_picker_set_people (picker, people);
  pathway_person_picker_set_selected (picker, chosen != 0
                                                ? pathway_programme_find_person (self->programme,
                                                                                 chosen)
                                                : NULL);
}

static void
programme_changed_cb (PathwayWorkstreamEditor *self)
{
  PathwayWorkstream *found;
  PathwayProgramme *programme = pathway_document_get_programme (self->document);

  if (programme == self->programme)
    return;
  g_set_object (&self->programme, programme);
  if (programme == NULL)
    return;
  found = self->workstream_id != 0
            ? pathway_programme_find_workstream (programme, self->workstream_id)
            : NULL;
  g_set_object (&self->workstream, found);
  /* The workstream itself is gone (its adding was undone meanwhile): nothing to edit. */
  if (self->workstream_id != 0 && self->workstream == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  set_people (self, self->lead_picker);
  set_people (self, self->new_member_picker);
}

/* Read-only, saying why: the document's reason, or the server's rule for workstreams. */
static void
show_read_only (PathwayWorkstreamEditor *self)
{
  g_autoptr(PathwayWorkstream) draft = self->workstream == NULL ? pathway_workstream_new () : NULL;
  g_autofree char *refusal = pathway_document_dup_refusal (self->document,
                                                           self->workstream != NULL
                                                             ? self->workstream
                                                             : draft);

  self->read_only = refusal != NULL;
  pathway_editor_show_read_only (self->read_only_label, refusal);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->details_group)),
                            !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->read_only);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
pathway_workstream_editor_dispose (GObject *object)
{
  PathwayWorkstreamEditor *self = PATHWAY_WORKSTREAM_EDITOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->programme);
  g_clear_object (&self->workstream);
  g_clear_pointer (&self->shown, pathway_shown_values_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAY_TYPE_WORKSTREAM_EDITOR);
  G_OBJECT_CLASS (pathway_workstream_editor_parent_class)->dispose (object);
}

static void
pathway_workstream_editor_finalize (GObject *object)
{
  PathwayWorkstreamEditor *self = PATHWAY_WORKSTREAM_EDITOR (object);

  g_ptr_array_unref (self->members);
  g_array_unref (self->removed_members);
  g_ptr_array_unref (self->areas);
  G_OBJECT_CLASS (pathway_workstream_editor_parent_class)->finalize (object);
}

static void
pathway_workstream_editor_class_init (PathwayWorkstreamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathway_workstream_editor_dispose;
  object_class->finalize = pathway_workstream_editor_finalize;

  /* Emitted once the save is written, with the workstream saved (a new one, once added). */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        PATHWAY_TYPE_WORKSTREAM);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  g_type_ensure (PATHWAY_TYPE_PERSON_PICKER);
  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-workstream-editor.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayWorkstreamEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (details_group);
  BIND (code_row);
  BIND (title_row);
  BIND (description_view);
  BIND (lead_picker);
  BIND (organisation_row);
  BIND (members_group);
  BIND (new_member_picker);
  BIND (new_role_row);
  BIND (areas_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_member_cb);
}

static void
pathway_workstream_editor_init (PathwayWorkstreamEditor *self)
{
  GtkWidget *description_caption;

  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));

  self->shown = pathway_shown_values_new ();
  self->members = g_ptr_array_new_with_free_func (member_entry_free);
  self->removed_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->areas = g_ptr_array_new_with_free_func (g_free);

  self->code_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->code_row), "workstream-code-caption");
  self->title_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->title_row),
                                           "workstream-title-caption");
  self->leadership_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->organisation_row),
                                                "workstream-leadership-caption");
  self->members_caption = pathway_editor_caption_row_after (GTK_WIDGET (self->new_role_row),
                                             "workstream-members-caption");
  /* Under the text view and under the areas' list: labels in the group's box. */
  self->description_caption = pathway_editor_caption_label_new ();
  description_caption = GTK_WIDGET (self->description_caption);
  gtk_widget_set_name (description_caption, "workstream-description-caption");
  gtk_widget_add_css_class (description_caption, "record-editor-caption");
  adw_preferences_group_add (self->details_group, description_caption);
  pathway_editor_describe_with (self->description_view, self->description_caption);
  self->areas_caption = pathway_editor_caption_label_new ();
  gtk_widget_set_name (GTK_WIDGET (self->areas_caption), "workstream-areas-caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->areas_caption), "record-editor-caption");
  adw_preferences_group_add (self->areas_group, GTK_WIDGET (self->areas_caption));

  self->members_none = placeholder_row_new (_("No members yet."));
  adw_preferences_group_add (self->members_group, self->members_none);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  pathway_editor_add_save_shortcut (GTK_WIDGET (self), "editor.save");
  self->read_only_label = pathway_editor_add_read_only_bar (ADW_WINDOW (self));
}

PathwayWorkstreamEditor *
pathway_workstream_editor_new (GtkWindow         *parent,
                               PathwayDocument   *document,
                               PathwayWorkstream *workstream)
{
  PathwayWorkstreamEditor *self;
  GListModel *people;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (workstream == NULL || PATHWAY_IS_WORKSTREAM (workstream), NULL);

  self = g_object_new (PATHWAY_TYPE_WORKSTREAM_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->programme = g_object_ref (pathway_document_get_programme (document));
  self->workstream = workstream != NULL ? g_object_ref (workstream) : NULL;
  self->workstream_id = id_of (workstream);
  g_signal_connect_object (document, "notify::programme", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);

  people = pathway_programme_get_people (self->programme);
  pathway_person_picker_set_people (self->lead_picker, people);
  pathway_person_picker_set_people (self->new_member_picker, people);
  /* "Add Person…" inside the pickers: a lead or member not yet in the programme. */
  pathway_person_picker_set_document (self->lead_picker, document);
  pathway_person_picker_set_document (self->new_member_picker, document);
  fill_fields (self);
  fill_members (self);
  fill_areas (self);
  show_titles (self);
  show_read_only (self);
  /* A server's connection lost or back while the editor is open. */
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (show_read_only), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_grab_focus (GTK_WIDGET (workstream == NULL ? self->code_row : self->title_row));
  return self;
}
