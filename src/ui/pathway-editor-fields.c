/* pathway-editor-fields.c: what the fields of Pathway's editing windows have in common.
 *
 * The action editor's sections, the person picker and the preferences window read and write
 * their fields through these, so that a date, a timescale or a caption reads the same wherever
 * it is typed, and every drop-down draws its items alike: as plain text (it may be the
 * person's), with more room than libadwaita's twenty characters, and a check mark on the
 * chosen item in the list. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-rating-badge.h"

/* Text ----------------------------------------------------------------------------------------- */

char *
pathway_editor_dup_entry_text (PathwayEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
pathway_editor_entry_has_text (PathwayEntryRow *row)
{
  g_autofree char *text = pathway_editor_dup_entry_text (row);

  return *text != '\0';
}

char *
pathway_editor_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
pathway_editor_set_view_text (GtkTextView *view,
                              const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

gboolean
pathway_editor_view_differs (GtkTextView *view,
                             const char  *current)
{
  g_autofree char *text = pathway_editor_dup_view_text (view);

  return g_strcmp0 (text, current) != 0;
}

/* Dates and timescales ------------------------------------------------------------------------- */

char *
pathway_editor_describe_timescale (const PathwayTimescale *timescale)
{
  g_autofree char *date = NULL;

  if (timescale == NULL || *timescale->text == '\0')
    return g_strdup ("");
  if (!pathway_timescale_has_date (timescale) || timescale->precision == PATHWAY_PRECISION_DAY)
    return g_strdup (timescale->text);
  date = pathway_format_date (&timescale->date);
  /* TRANSLATORS: a timescale as written and the last day it means: "Spring Term 2026 (by 31
   * March 2026)" */
  return g_strdup_printf (_("%s (by %s)"), timescale->text, date);
}

gboolean
pathway_editor_parse_day (const char *text,
                          GDate      *date)
{
  g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (text);

  if (timescale->precision != PATHWAY_PRECISION_DAY)
    return FALSE;
  *date = timescale->date;
  return TRUE;
}

/* Captions ------------------------------------------------------------------------------------- */

void
pathway_editor_set_caption (GtkLabel       *caption,
                            PathwayCaption  kind,
                            const char     *text)
{
  GtkWidget *widget = GTK_WIDGET (caption);

  gtk_widget_set_visible (widget, kind != PATHWAY_CAPTION_HIDDEN && text != NULL && *text != '\0');
  if (kind == PATHWAY_CAPTION_HIDDEN)
    return;
  gtk_label_set_text (caption, text);
  if (kind == PATHWAY_CAPTION_HINT)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");
  if (kind == PATHWAY_CAPTION_WARNING)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
  if (kind == PATHWAY_CAPTION_ERROR)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
pathway_editor_show_timescale_meaning (GtkLabel   *caption,
                                       const char *text)
{
  g_autoptr(PathwayTimescale) timescale = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meaning = NULL;

  if (text == NULL || *text == '\0')
    {
      pathway_editor_set_caption (caption, PATHWAY_CAPTION_HIDDEN, NULL);
      return;
    }
  timescale = pathway_timescale_parse (text);
  if (!pathway_timescale_has_date (timescale))
    {
      pathway_editor_set_caption (caption, PATHWAY_CAPTION_WARNING,
                                  _("Kept as written: no date"));
      return;
    }
  date = pathway_format_date (&timescale->date);
  /* TRANSLATORS: under a timescale being typed: "Means 31 December 2025" */
  meaning = g_strdup_printf (_("Means %s"), date);
  pathway_editor_set_caption (caption, PATHWAY_CAPTION_HINT, meaning);
}

void
pathway_editor_mark_error (gpointer row,
                           gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The part of a field that takes the focus, which is what a screen reader reads: an entry
 * row's entry, otherwise the field itself. */
static GtkAccessible *
focused_part (gpointer field)
{
  if (PATHWAY_IS_ENTRY_ROW (field))
    return GTK_ACCESSIBLE (pathway_entry_row_get_entry (field));
  return GTK_ACCESSIBLE (field);
}

/* On the row too, for whoever reads the row rather than the entry in it. */
void
pathway_editor_describe_with (gpointer  row,
                              GtkLabel *caption)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  caption, NULL, -1);
  if (focused_part (row) != GTK_ACCESSIBLE (row))
    gtk_accessible_update_relation (focused_part (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    caption, NULL, -1);
}

/* The text a combo row shows for its chosen item, or NULL. */
static char *
dup_choice_text (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_get_value_type (expression) == G_TYPE_STRING)
    {
      if (gtk_expression_evaluate (expression, item, &value))
        {
          text = g_value_dup_string (&value);
          g_value_unset (&value);
        }
    }
  else if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return text;
}

static void
choice_changed_cb (AdwComboRow *row)
{
  g_autofree char *text = dup_choice_text (row);

  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
pathway_editor_describe_choices (GtkWidget *root)
{
  if (ADW_IS_COMBO_ROW (root))
    {
      g_signal_connect (root, "notify::selected-item", G_CALLBACK (choice_changed_cb), NULL);
      choice_changed_cb (ADW_COMBO_ROW (root));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pathway_editor_describe_choices (child);
}

/* Lists ---------------------------------------------------------------------------------------- */

GtkWidget *
pathway_editor_plain_label (const char *text,
                            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

void
pathway_editor_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The text of a line of a text row as it is shown; a label may say what it means in words
 * (an arrow, "changed to") with PATHWAY_SPOKEN_KEY. A rating badge is left out: the word
 * beside it says the rating. */
static void
append_spoken (GtkWidget *widget,
               GString   *spoken)
{
  if (!gtk_widget_get_visible (widget) || PATHWAY_IS_RATING_BADGE (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = g_object_get_data (G_OBJECT (widget), PATHWAY_SPOKEN_KEY);

      if (text == NULL)
        text = gtk_label_get_text (GTK_LABEL (widget));
      if (*text != '\0' && spoken->len > 0)
        g_string_append_c (spoken, ' ');
      g_string_append (spoken, text);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_spoken (child, spoken);
}

GtkWidget *
pathway_editor_text_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "history-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
pathway_editor_text_row_add (GtkWidget *row,
                             GtkWidget *line)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  g_autoptr(GString) name = g_string_new (NULL);

  gtk_box_append (GTK_BOX (box), line);

  /* A screen reader reads the row as one: its lines in order, each as it is shown. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GString) spoken = g_string_new (NULL);

      append_spoken (child, spoken);
      if (spoken->len > 0 && name->len > 0)
        g_string_append (name, ", ");
      g_string_append (name, spoken->str);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
}

GtkWidget *
pathway_editor_placeholder_row_new (const char *text)
{
  GtkWidget *row = pathway_editor_text_row_new ();

  pathway_editor_text_row_add (row, pathway_editor_plain_label (text, "dim-label"));
  return row;
}

/* Drop-down items ------------------------------------------------------------------------------ */

GtkWidget *
pathway_editor_choice_item_new (int value_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), value_chars);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  return box;
}

/* The same item draws the row's value, where no check mark belongs, and the list's items. */
void
pathway_editor_choice_item_show (GtkWidget  *item,
                                 const char *text,
                                 int         list_chars)
{
  GtkWidget *label = gtk_widget_get_first_child (item);
  GtkWidget *check = gtk_widget_get_last_child (item);
  gboolean in_list = gtk_widget_get_ancestor (item, GTK_TYPE_POPOVER) != NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (check, in_list);
  if (in_list)
    {
      gtk_label_set_max_width_chars (GTK_LABEL (label), list_chars);
      gtk_widget_set_tooltip_text (label, text);
    }
}

void
pathway_editor_choice_item_mark (GtkWidget *item,
                                 gboolean   chosen)
{
  gtk_widget_set_opacity (gtk_widget_get_last_child (item), chosen ? 1.0 : 0.0);
}

typedef struct {
  AdwComboRow *row;
  int value_chars;
  int list_chars;
} ChoiceItems;

static void
combo_item_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        GtkListItem *item)
{
  pathway_editor_choice_item_mark (gtk_list_item_get_child (item),
                                   adw_combo_row_get_selected_item (row) ==
                                     gtk_list_item_get_item (item));
}

static void
combo_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ChoiceItems              *items)
{
  gtk_list_item_set_child (item, pathway_editor_choice_item_new (items->value_chars));
}

static void
combo_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ChoiceItems              *items)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  pathway_editor_choice_item_show (child,
                                   gtk_string_object_get_string (gtk_list_item_get_item (item)),
                                   items->list_chars);
  if (gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) != NULL)
    {
      g_signal_connect (items->row, "notify::selected-item", G_CALLBACK (combo_item_selected_cb),
                        item);
      combo_item_selected_cb (items->row, NULL, item);
    }
}

static void
combo_item_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ChoiceItems              *items)
{
  g_signal_handlers_disconnect_by_func (items->row, combo_item_selected_cb, item);
}

void
pathway_editor_set_choice_items (AdwComboRow *row,
                                 int          value_chars,
                                 int          list_chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  ChoiceItems *items = g_new0 (ChoiceItems, 1);

  /* The factory lives as long as the row, which holds it: no reference back. */
  items->row = row;
  items->value_chars = value_chars;
  items->list_chars = list_chars;
  g_object_set_data_full (G_OBJECT (factory), "pathway-choice-items", items, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (combo_item_setup_cb), items);
  g_signal_connect (factory, "bind", G_CALLBACK (combo_item_bind_cb), items);
  g_signal_connect (factory, "unbind", G_CALLBACK (combo_item_unbind_cb), items);
  adw_combo_row_set_factory (row, factory);
}

/* Captions under a field, as rows of the field's own list ------------------------------------ */

GtkLabel *
pathway_editor_caption_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

GtkLabel *
pathway_editor_caption_row_after (GtkWidget  *field,
                                  const char *name)
{
  GtkWidget *list = gtk_widget_get_parent (field);
  GtkWidget *row = g_object_new (GTK_TYPE_LIST_BOX_ROW, "activatable", FALSE,
                                 "selectable", FALSE, "focusable", FALSE, NULL);
  GtkLabel *label = pathway_editor_caption_label_new ();

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_widget_add_css_class (row, "record-editor-caption-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (label));
  gtk_widget_set_visible (row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  pathway_editor_describe_with (field, label);
  return label;
}

void
pathway_editor_show_caption (GtkLabel       *caption,
                             gpointer        field,
                             PathwayCaption  kind,
                             const char     *text)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (caption));

  pathway_editor_set_caption (caption, kind, text);
  if (GTK_IS_LIST_BOX_ROW (row))
    gtk_widget_set_visible (row, gtk_widget_get_visible (GTK_WIDGET (caption)));
  if (field != NULL)
    {
      GtkAccessibleInvalidState invalid = kind == PATHWAY_CAPTION_ERROR
                                          ? GTK_ACCESSIBLE_INVALID_TRUE
                                          : GTK_ACCESSIBLE_INVALID_FALSE;

      pathway_editor_mark_error (field, kind == PATHWAY_CAPTION_ERROR);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, invalid,
                                   -1);
      if (focused_part (field) != GTK_ACCESSIBLE (field))
        gtk_accessible_update_state (focused_part (field), GTK_ACCESSIBLE_STATE_INVALID, invalid,
                                     -1);
    }
}

/* Ctrl+Enter runs 'action' (a dialog's save) wherever the focus is. Caught before the focused
 * field sees it: a text view would take it for a new line. */
void
pathway_editor_add_save_shortcut (GtkWidget *dialog, const char *action)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new (action)));
  gtk_widget_add_controller (dialog, controller);
}

/* Why nothing can be changed ------------------------------------------------------------------- */

GtkLabel *
pathway_editor_add_read_only_bar (AdwWindow *window)
{
  GtkWidget *content = adw_window_get_content (window);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "changes-prevent-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (GTK_IS_BOX (content), NULL);

  gtk_widget_add_css_class (bar, "read-only-bar");
  gtk_widget_set_visible (bar, FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_name (label, "read-only-reason");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (bar), icon);
  gtk_box_append (GTK_BOX (bar), label);
  /* Under the header bar, above what cannot be changed. */
  gtk_box_insert_child_after (GTK_BOX (content), bar, gtk_widget_get_first_child (content));
  return GTK_LABEL (label);
}

void
pathway_editor_show_read_only (GtkLabel *label, const char *reason)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, reason != NULL ? reason : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), reason != NULL);
}
