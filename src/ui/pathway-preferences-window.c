/* pathway-preferences-window.c: the person's preferences and the programme's settings.
 *
 * The first page belongs to the person and lives in GSettings: its rows are bound to their
 * keys, so there is nothing to save. The second belongs to the programme and lives in its
 * file, shared by everyone who opens it: a row changes nothing until it is applied, and then
 * the change goes through the document like every other (so it can be undone from the main
 * window). Both pages follow what they show: the rows listen to the settings and to the
 * model's notify signals, so an undo elsewhere is seen here at once. */
#define G_LOG_DOMAIN "pathway-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pathway-announce.h"
#include "pathway-backup.h"
#include "pathway-editor-fields.h"
#include "pathway-format.h"
#include "pathway-preferences-window.h"
#include "pathway-rating-badge.h"
#include "pathway-style.h"

/* The programme's single-line fields, each an entry row of the template. */
typedef enum {
  FIELD_NAME,
  FIELD_LOCAL_AREA,
  FIELD_PARTNERS,
  FIELD_INSPECTION_DATE,
  FIELD_LETTER_PUBLISHED,
  FIELD_PLAN_AGREED,
  N_FIELDS
} Field;

static const struct {
  const char *property;
  gboolean is_date;
} fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", FALSE },
  [FIELD_LOCAL_AREA] = { "local-area", FALSE },
  [FIELD_PARTNERS] = { "partners", FALSE },
  [FIELD_INSPECTION_DATE] = { "inspection-date", TRUE },
  [FIELD_LETTER_PUBLISHED] = { "letter-published", TRUE },
  [FIELD_PLAN_AGREED] = { "plan-agreed", TRUE },
};

/* A rating's two rows in the scheme group: its word and what it means. */
enum { PART_LABEL, PART_DEFINITION, N_PARTS };

static const PathwayRating scheme_ratings[] = {
  PATHWAY_RATING_RED, PATHWAY_RATING_AMBER, PATHWAY_RATING_GREEN, PATHWAY_RATING_BLUE,
};

struct _PathwayPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  PathwayDocument *document;
  /* The document's programme and scheme, as followed now (a rolled-back batch replaces the
   * programme, and the rows move to the new one). */
  PathwayProgramme *programme;
  PathwayRatingScheme *scheme;
  GListModel *boards;
  GtkStringList *board_names;
  /* Set while rows are filled from the model or the settings, so that their change signals
   * are not taken for the person's. */
  gboolean updating;

  /* Preferences page */
  AdwPreferencesGroup *settings_note_group;
  AdwPreferencesGroup *author_group;
  AdwPreferencesGroup *tracking_group;
  AdwPreferencesGroup *backup_group;
  AdwActionRow *backup_days_row;
  GtkSpinButton *backup_days_spin;
  GtkSpinButton *backup_months_spin;
  AdwPreferencesGroup *board_group;
  PathwayEntryRow *author_row;
  GtkSpinButton *stale_spin;
  AdwComboRow *board_row;

  /* Programme page */
  AdwPreferencesPage *programme_page;
  AdwPreferencesGroup *programme_note_group;
  GtkLabel *programme_note;
  GtkLabel *programme_note_reason;
  AdwPreferencesGroup *programme_group;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *vision_group;
  AdwPreferencesGroup *scheme_group;
  PathwayEntryRow *name_row;
  PathwayEntryRow *local_area_row;
  PathwayEntryRow *partners_row;
  AdwComboRow *regime_row;
  PathwayEntryRow *inspection_row;
  PathwayEntryRow *letter_row;
  PathwayEntryRow *agreed_row;
  GtkTextView *vision_view;
  GtkWidget *vision_save_button;
  GtkSwitch *brag_switch;
  /* Made in code (add_public_rows): ratings in the public version, the risk levels' words. */
  AdwPreferencesGroup *public_group;
  GtkSwitch *public_ratings_switch;
  PathwayEntryRow *level_rows[2][5]; /* [0] likelihood, [1] impact; level 1 to 5 */

  PathwayEntryRow *field_rows[N_FIELDS];
  GtkWidget *date_errors[N_FIELDS]; /* NULL for the text fields */
  PathwayEntryRow *scheme_rows[PATHWAY_N_RATINGS][N_PARTS];
  PathwayRatingBadge *scheme_badges[PATHWAY_N_RATINGS][N_PARTS];
};

G_DEFINE_FINAL_TYPE (PathwayPreferencesWindow, pathway_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* Helpers ------------------------------------------------------------------------------------ */

static gboolean
programme_editable (PathwayPreferencesWindow *self)
{
  return self->document != NULL && self->programme != NULL &&
         !pathway_document_get_read_only (self->document);
}

/* A toast's title is markup; the message may quote the person's own text. */
static void
show_error (PathwayPreferencesWindow *self,
            const GError             *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  /* libadwaita 1.2's toasts are silent to a screen reader. */
  pathway_announce (GTK_WIDGET (self), error->message);
}

/* Only when it differs, so that the cursor of a row being read stays where it is. */
static void
set_row_text (PathwayEntryRow *row,
              const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The text a field's row shows for what the model holds. */
static char *
dup_field_text (PathwayPreferencesWindow *self,
                Field                     field)
{
  if (self->programme == NULL)
    return g_strdup ("");

  if (fields[field].is_date)
    {
      g_autoptr(GDate) date = NULL;
      char *text;

      g_object_get (self->programme, fields[field].property, &date, NULL);
      text = pathway_format_date (date);
      return text != NULL ? text : g_strdup ("");
    }
  else
    {
      char *text = NULL;

      g_object_get (self->programme, fields[field].property, &text, NULL);
      return text != NULL ? text : g_strdup ("");
    }
}

static const char *
scheme_text (PathwayPreferencesWindow *self,
             PathwayRating             rating,
             guint                     part)
{
  if (self->scheme == NULL)
    return "";
  return part == PART_LABEL ? pathway_rating_scheme_get_label (self->scheme, rating)
                            : pathway_rating_scheme_get_definition (self->scheme, rating);
}

static char *
scheme_property (PathwayRating rating,
                 guint         part)
{
  return g_strdup_printf ("%s-%s", pathway_rating_to_nick (rating),
                          part == PART_LABEL ? "label" : "definition");
}

/* The message is a suffix only while it is shown: an empty suffix box would still take room
 * and move the row's edit icon out of line with the rows above. */
static void
show_date_error (PathwayPreferencesWindow *self,
                 Field                     field,
                 gboolean                  shown)
{
  PathwayEntryRow *row = self->field_rows[field];
  GtkWidget *message = self->date_errors[field];
  gboolean is_shown = gtk_widget_get_parent (message) != NULL;

  if (shown == is_shown)
    return;
  if (shown)
    {
      pathway_entry_row_add_suffix (row, message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    {
      pathway_entry_row_remove (row, message);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
}

/* Filling rows from the model ---------------------------------------------------------------- */

static void
refresh_field (PathwayPreferencesWindow *self,
               Field                     field)
{
  g_autofree char *text = dup_field_text (self, field);

  set_row_text (self->field_rows[field], text);
  if (fields[field].is_date)
    show_date_error (self, field, FALSE);
}

static void
refresh_regime (PathwayPreferencesWindow *self)
{
  PathwayRegime regime = self->programme != NULL ? pathway_programme_get_regime (self->programme)
                                                 : PATHWAY_REGIME_WSOA_2014;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->regime_row, (guint) regime);
  self->updating = FALSE;
}

static void
update_vision_save (PathwayPreferencesWindow *self)
{
  g_autofree char *text = pathway_editor_dup_view_text (self->vision_view);
  const char *stored = self->programme != NULL ? pathway_programme_get_vision (self->programme)
                                               : "";

  gtk_widget_set_visible (self->vision_save_button,
                          programme_editable (self) && g_strcmp0 (text, stored) != 0);
}

static void
refresh_vision (PathwayPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->vision_view);
  g_autofree char *text = pathway_editor_dup_view_text (self->vision_view);
  const char *stored = self->programme != NULL ? pathway_programme_get_vision (self->programme)
                                               : "";

  if (g_strcmp0 (text, stored) != 0)
    gtk_text_buffer_set_text (buffer, stored, -1);
  update_vision_save (self);
}

static void
refresh_scheme_row (PathwayPreferencesWindow *self,
                    PathwayRating             rating,
                    guint                     part)
{
  set_row_text (self->scheme_rows[rating][part], scheme_text (self, rating, part));
  /* The badges' tooltip and accessible name are the rating's word. */
  if (part == PART_LABEL)
    for (guint p = 0; p < N_PARTS; p++)
      pathway_rating_badge_set_rating (self->scheme_badges[rating][p], rating,
                                       scheme_text (self, rating, PART_LABEL));
}

static void
refresh_uses_blue (PathwayPreferencesWindow *self)
{
  gboolean uses_blue = self->scheme != NULL && pathway_rating_scheme_get_uses_blue (self->scheme);

  self->updating = TRUE;
  gtk_switch_set_active (self->brag_switch, uses_blue);
  self->updating = FALSE;
  for (guint part = 0; part < N_PARTS; part++)
    gtk_widget_set_visible (GTK_WIDGET (self->scheme_rows[PATHWAY_RATING_BLUE][part]),
                            uses_blue);
}

/* The default board: one of the programme's boards, by name. With no board there is nothing
 * to choose, and the row says so. */
static void
refresh_board_choice (PathwayPreferencesWindow *self)
{
  guint n_boards = self->boards != NULL ? g_list_model_get_n_items (self->boards) : 0;
  g_autofree char *chosen = NULL;
  guint selected = 0;

  if (self->settings != NULL)
    chosen = g_settings_get_string (self->settings, "default-board");
  /* An empty key means the first board, which is what the row shows then. */
  for (guint i = 0; chosen != NULL && i < n_boards; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->board_names, i), chosen) == 0)
      selected = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->board_row, selected);
  self->updating = FALSE;
}

static void
refresh_boards (PathwayPreferencesWindow *self)
{
  guint n_boards = self->boards != NULL ? g_list_model_get_n_items (self->boards) : 0;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_boards; i++)
    {
      g_autoptr(PathwayBoard) board = g_list_model_get_item (self->boards, i);

      gtk_string_list_append (names, pathway_board_get_name (board));
    }
  if (n_boards == 0)
    gtk_string_list_append (names, C_("board", "None"));

  g_set_object (&self->board_names, names);
  self->updating = TRUE;
  adw_combo_row_set_model (self->board_row, G_LIST_MODEL (names));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->board_row), n_boards > 0);
  refresh_board_choice (self);
}

static void
update_programme_sensitivity (PathwayPreferencesWindow *self)
{
  gboolean editable = programme_editable (self);
  GtkWidget *groups[] = {
    GTK_WIDGET (self->programme_group), GTK_WIDGET (self->dates_group),
    GTK_WIDGET (self->vision_group), GTK_WIDGET (self->scheme_group),
    GTK_WIDGET (self->public_group),
  };

  /* Read-only, the settings are still worth reading; with no programme there are none. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gtk_widget_set_sensitive (groups[i], editable);
      gtk_widget_set_visible (groups[i], self->programme != NULL);
    }
  gtk_text_view_set_editable (self->vision_view, editable);
  /* The stale limit is the programme's, so a pack for a day reads the same for everyone. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->stale_spin), editable);

  gtk_widget_set_visible (GTK_WIDGET (self->programme_note_group), !editable);
  if (self->document == NULL || self->programme == NULL)
    {
      gtk_label_set_text (self->programme_note, _("No programme is open"));
      gtk_label_set_text (self->programme_note_reason,
                          _("Open a programme to change its settings."));
      gtk_widget_set_visible (GTK_WIDGET (self->programme_note_reason), TRUE);
    }
  else if (!editable)
    {
      const char *reason = pathway_document_get_read_only_reason (self->document);

      gtk_label_set_text (self->programme_note,
                          _("This programme is read-only"));
      gtk_label_set_text (self->programme_note_reason, reason != NULL ? reason : "");
      gtk_widget_set_visible (GTK_WIDGET (self->programme_note_reason),
                              reason != NULL && *reason != '\0');
    }
  update_vision_save (self);
}

static void
refresh_stale (PathwayPreferencesWindow *self)
{
  gboolean was = self->updating;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->stale_spin,
                             self->programme != NULL
                               ? pathway_programme_get_stale_days (self->programme)
                               : PATHWAY_PROGRAMME_DEFAULT_STALE_DAYS);
  self->updating = was;
}

static void
stale_changed_cb (PathwayPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  int days = gtk_spin_button_get_value_as_int (self->stale_spin);

  if (self->updating || self->programme == NULL || !programme_editable (self) ||
      days == pathway_programme_get_stale_days (self->programme))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, days);
  if (!pathway_document_set_value (self->document, self->programme, "stale-days", &value, NULL,
                                   &error))
    {
      refresh_stale (self);
      show_error (self, error);
    }
}

/* The public version and the risk levels' words --------------------------------------------- */

static const char *const level_properties[2] = { "likelihood-words", "impact-words" };

static void
refresh_public (PathwayPreferencesWindow *self)
{
  gboolean was = self->updating;

  self->updating = TRUE;
  gtk_switch_set_active (self->public_ratings_switch,
                         self->programme == NULL ||
                           pathway_programme_get_public_ratings (self->programme));
  for (guint scale = 0; scale < 2; scale++)
    {
      g_autofree char *words = NULL;
      g_auto (GStrv) lines = NULL;

      if (self->programme != NULL)
        g_object_get (self->programme, level_properties[scale], &words, NULL);
      lines = g_strsplit (words != NULL ? words : "", "\n", 5);
      for (guint level = 0; level < 5; level++)
        {
          g_autofree char *word = g_strstrip (g_strdup (level < g_strv_length (lines)
                                                        ? lines[level] : ""));

          gtk_editable_set_text (GTK_EDITABLE (self->level_rows[scale][level]), word);
        }
    }
  self->updating = was;
}

static void
public_ratings_cb (PathwayPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean on = gtk_switch_get_active (self->public_ratings_switch);

  if (self->updating || self->programme == NULL || !programme_editable (self) ||
      on == pathway_programme_get_public_ratings (self->programme))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, on);
  if (!pathway_document_set_value (self->document, self->programme, "public-ratings", &value,
                                   NULL, &error))
    {
      refresh_public (self);
      show_error (self, error);
    }
}

/* The five words of a scale are kept as lines; an empty one takes the usual word. */
static void
level_apply_cb (PathwayEntryRow          *row,
                PathwayPreferencesWindow *self)
{
  guint scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pathway-scale"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  if (self->programme == NULL || !programme_editable (self))
    return;
  for (guint level = 0; level < 5; level++)
    {
      g_autofree char *word = pathway_editor_dup_entry_text (self->level_rows[scale][level]);

      g_strdelimit (word, "\n", ' ');
      g_string_append_printf (words, "%s%s", level > 0 ? "\n" : "", word);
    }
  /* All five empty: the usual words, kept as nothing. */
  if (strspn (words->str, "\n") == words->len)
    g_string_truncate (words, 0);
  if (!pathway_document_set_text (self->document, self->programme, level_properties[scale],
                                  words->str, &error))
    {
      refresh_public (self);
      show_error (self, error);
    }
}

static void
add_public_rows (PathwayPreferencesWindow *self)
{
  static const char *const scale_titles[2] = { N_("Words for likelihood"),
                                               N_("Words for impact") };
  static const char *const scale_names[2] = { "likelihood", "impact" };
  AdwActionRow *ratings_row = ADW_ACTION_ROW (adw_action_row_new ());

  self->public_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->public_group, _("Risks and the Public Version"));
  adw_preferences_group_set_description (self->public_group,
    _("How the risk log names its levels, and what the plan published for families shows"));

  self->public_ratings_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->public_ratings_switch), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->public_ratings_switch), "public-ratings-switch");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ratings_row),
                                 _("Ratings in the public version"));
  adw_action_row_set_subtitle (ratings_row,
                               _("Each action's rating, in words, on the website and PDF "
                                 "published for families"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (ratings_row), FALSE);
  adw_action_row_add_suffix (ratings_row, GTK_WIDGET (self->public_ratings_switch));
  adw_action_row_set_activatable_widget (ratings_row, GTK_WIDGET (self->public_ratings_switch));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->public_ratings_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, ratings_row, NULL, -1);
  adw_preferences_group_add (self->public_group, GTK_WIDGET (ratings_row));
  g_signal_connect_object (self->public_ratings_switch, "notify::active",
                           G_CALLBACK (public_ratings_cb), self, G_CONNECT_SWAPPED);

  for (guint scale = 0; scale < 2; scale++)
    {
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
      g_autofree char *expander_name = g_strdup_printf ("%s-words-row", scale_names[scale]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(scale_titles[scale]));
      adw_expander_row_set_subtitle (expander, _("Left empty, a level takes the usual word"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(scale_titles[scale]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Left empty, a level takes the usual word"), -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      gtk_widget_set_name (GTK_WIDGET (expander), expander_name);
      for (guint level = 0; level < 5; level++)
        {
          PathwayEntryRow *row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
          g_autoptr (PathwayProgramme) plain = pathway_programme_new ();
          const char *usual = scale == 0 ? pathway_programme_get_likelihood_word (plain, level + 1)
                                         : pathway_programme_get_impact_word (plain, level + 1);
          /* "3 (usually Possible)": the level and the word it has when none is given. */
          g_autofree char *title = g_strdup_printf (_("%u (usually %s)"), level + 1, usual);
          g_autofree char *name = g_strdup_printf ("%s-%u-row", scale_names[scale], level + 1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          pathway_entry_row_set_show_apply_button (row, TRUE);
          gtk_widget_set_name (GTK_WIDGET (row), name);
          g_object_set_data (G_OBJECT (row), "pathway-scale", GUINT_TO_POINTER (scale));
          g_signal_connect_object (row, "apply", G_CALLBACK (level_apply_cb), self, 0);
          adw_expander_row_add_row (expander, GTK_WIDGET (row));
          self->level_rows[scale][level] = row;
        }
      adw_preferences_group_add (self->public_group, GTK_WIDGET (expander));
    }
  adw_preferences_page_add (self->programme_page, self->public_group);
}

static void
refresh_programme (PathwayPreferencesWindow *self)
{
  refresh_stale (self);
  refresh_public (self);
  for (Field field = 0; field < N_FIELDS; field++)
    refresh_field (self, field);
  refresh_regime (self);
  refresh_vision (self);
  for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
    for (guint part = 0; part < N_PARTS; part++)
      refresh_scheme_row (self, scheme_ratings[i], part);
  refresh_uses_blue (self);
  refresh_boards (self);
  update_programme_sensitivity (self);
}

/* Following the model ------------------------------------------------------------------------- */

static void
programme_notify_cb (PathwayPreferencesWindow *self,
                     GParamSpec               *pspec,
                     PathwayProgramme         *programme)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (g_str_equal (pspec->name, fields[field].property))
      refresh_field (self, field);
  if (g_str_equal (pspec->name, "stale-days"))
    refresh_stale (self);
  if (g_str_equal (pspec->name, "public-ratings") ||
      g_str_equal (pspec->name, "likelihood-words") ||
      g_str_equal (pspec->name, "impact-words"))
    refresh_public (self);
  if (g_str_equal (pspec->name, "regime"))
    refresh_regime (self);
  else if (g_str_equal (pspec->name, "vision"))
    refresh_vision (self);
}

static void
scheme_notify_cb (PathwayPreferencesWindow *self,
                  GParamSpec               *pspec,
                  PathwayRatingScheme      *scheme)
{
  if (g_str_equal (pspec->name, "uses-blue"))
    {
      refresh_uses_blue (self);
      return;
    }

  /* Only the row of the property that changed: another row may hold an edit not yet
   * applied. */
  for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
    for (guint part = 0; part < N_PARTS; part++)
      {
        g_autofree char *property = scheme_property (scheme_ratings[i], part);

        if (g_str_equal (pspec->name, property))
          refresh_scheme_row (self, scheme_ratings[i], part);
      }
}

static void
boards_changed_cb (PathwayPreferencesWindow *self,
                   guint                     position,
                   guint                     removed,
                   guint                     added,
                   GListModel               *boards)
{
  refresh_boards (self);
}

static void
follow_programme (PathwayPreferencesWindow *self)
{
  PathwayProgramme *programme = self->document != NULL
                                  ? pathway_document_get_programme (self->document)
                                  : NULL;

  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  if (self->boards != NULL)
    g_signal_handlers_disconnect_by_data (self->boards, self);

  g_set_object (&self->programme, programme);
  /* Parenthesised: g_set_object casts its argument, and a cast binds tighter than ?:. */
  g_set_object (&self->scheme,
                (programme != NULL ? pathway_programme_get_rating_scheme (programme) : NULL));
  g_set_object (&self->boards,
                (programme != NULL ? pathway_programme_get_boards (programme) : NULL));

  if (self->programme != NULL)
    {
      g_signal_connect_object (self->programme, "notify", G_CALLBACK (programme_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->scheme, "notify", G_CALLBACK (scheme_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->boards, "items-changed", G_CALLBACK (boards_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  refresh_programme (self);
}

/* Applying the person's changes --------------------------------------------------------------- */

static void
apply_field (PathwayPreferencesWindow *self,
             Field                     field)
{
  PathwayEntryRow *row = self->field_rows[field];
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!programme_editable (self))
    return;

  if (fields[field].is_date)
    {
      g_autofree char *text = pathway_editor_dup_entry_text (row);
      g_auto(GValue) value = G_VALUE_INIT;
      GDate date;

      g_value_init (&value, G_TYPE_DATE);
      /* Empty means no date yet; anything else must name one day. */
      if (*text != '\0')
        {
          if (!pathway_editor_parse_day (text, &date))
            {
              show_date_error (self, field, TRUE);
              return;
            }
          g_value_set_boxed (&value, &date);
        }
      done = pathway_document_set_value (self->document, self->programme,
                                         fields[field].property, &value, NULL, &error);
    }
  else
    done = pathway_document_set_text (self->document, self->programme, fields[field].property,
                                      gtk_editable_get_text (GTK_EDITABLE (row)), &error);

  /* On failure the text stays as typed, for the person to correct or try again. */
  if (!done)
    show_error (self, error);
  else
    refresh_field (self, field); /* the model's form: "14/03/2025" reads "14 March 2025" */
}

static void
field_apply_cb (PathwayEntryRow          *row,
                PathwayPreferencesWindow *self)
{
  apply_field (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pathway-field")));
}

static void
date_changed_cb (GtkEditable              *row,
                 PathwayPreferencesWindow *self)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pathway-field"));

  /* The error goes as soon as the person starts to put it right. */
  show_date_error (self, field, FALSE);
}

static void
apply_scheme_row (PathwayPreferencesWindow *self,
                  PathwayRating             rating,
                  guint                     part)
{
  PathwayEntryRow *row = self->scheme_rows[rating][part];
  g_autofree char *property = scheme_property (rating, part);
  g_autoptr(GError) error = NULL;

  if (!programme_editable (self))
    return;
  if (!pathway_document_set_text (self->document, self->scheme, property,
                                  gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error (self, error);
  else
    refresh_scheme_row (self, rating, part);
}

static void
scheme_apply_cb (PathwayEntryRow          *row,
                 PathwayPreferencesWindow *self)
{
  apply_scheme_row (self,
                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pathway-rating")),
                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pathway-part")));
}

static void
regime_selected_cb (PathwayPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->regime_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->updating || !programme_editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_value_init (&value, PATHWAY_TYPE_REGIME);
  g_value_set_enum (&value, (int) selected);
  if (!pathway_document_set_value (self->document, self->programme, "regime", &value, NULL,
                                   &error))
    {
      show_error (self, error);
      refresh_regime (self);
    }
}

static void
brag_active_cb (PathwayPreferencesWindow *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->updating || !programme_editable (self))
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (self->brag_switch));
  if (!pathway_document_set_value (self->document, self->scheme, "uses-blue", &value, NULL,
                                   &error))
    show_error (self, error);
  /* Either way the switch and the blue rows show what the scheme now says. */
  refresh_uses_blue (self);
}

static void
save_vision (PathwayPreferencesWindow *self)
{
  g_autofree char *text = pathway_editor_dup_view_text (self->vision_view);
  g_autoptr(GError) error = NULL;

  if (!programme_editable (self))
    return;
  if (!pathway_document_set_text (self->document, self->programme, "vision", text, &error))
    show_error (self, error);
  update_vision_save (self);
}

static void
vision_changed_cb (PathwayPreferencesWindow *self)
{
  update_vision_save (self);
}

/* What was typed but not applied is applied when the window closes: closing is not a way
 * to throw away what one wrote. */
static gboolean
pathway_preferences_window_close_request (GtkWindow *window)
{
  PathwayPreferencesWindow *self = PATHWAY_PREFERENCES_WINDOW (window);

  if (programme_editable (self))
    {
      g_autofree char *vision = pathway_editor_dup_view_text (self->vision_view);

      for (Field field = 0; field < N_FIELDS; field++)
        {
          g_autofree char *stored = dup_field_text (self, field);

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->field_rows[field])),
                         stored) != 0)
            apply_field (self, field);
        }
      for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
        for (guint part = 0; part < N_PARTS; part++)
          {
            PathwayRating rating = scheme_ratings[i];

            if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->scheme_rows[rating][part])),
                           scheme_text (self, rating, part)) != 0)
              apply_scheme_row (self, rating, part);
          }
      if (g_strcmp0 (vision, pathway_programme_get_vision (self->programme)) != 0)
        save_vision (self);
    }

  return GTK_WINDOW_CLASS (pathway_preferences_window_parent_class)->close_request (window);
}

/* The preferences page ----------------------------------------------------------------------- */

static void
default_board_changed_cb (PathwayPreferencesWindow *self)
{
  refresh_board_choice (self);
}

static void
board_selected_cb (PathwayPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->board_row);
  guint n_boards = self->boards != NULL ? g_list_model_get_n_items (self->boards) : 0;

  if (self->updating || self->settings == NULL || selected >= n_boards)
    return;
  g_settings_set_string (self->settings, "default-board",
                         gtk_string_list_get_string (self->board_names, selected));
}

/* Where the backups are is worth knowing before they are needed. */
static void
show_backup_folder (PathwayPreferencesWindow *self)
{
  g_autofree char *root = pathway_backup_root ();
  g_autofree char *display = g_filename_display_name (root);
  g_autofree char *where = NULL;

  /* Translators: the subtitle of the daily backups row; %s is a folder. */
  where = g_strdup_printf (_("The newest backup of each day, kept in %s"), display);
  adw_action_row_set_subtitle (self->backup_days_row, where);
}

static void
set_settings (PathwayPreferencesWindow *self,
              GSettings                *settings)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->author_group), GTK_WIDGET (self->tracking_group),
    GTK_WIDGET (self->backup_group), GTK_WIDGET (self->board_group),
  };

  g_set_object (&self->settings, settings);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], settings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->settings_note_group), settings == NULL);
  if (settings == NULL)
    return;

  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-days", self->backup_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-months", self->backup_months_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::default-board",
                           G_CALLBACK (default_board_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
set_document (PathwayPreferencesWindow *self,
              PathwayDocument          *document)
{
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::programme", G_CALLBACK (follow_programme),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only",
                               G_CALLBACK (update_programme_sensitivity), self,
                               G_CONNECT_SWAPPED);
    }
  follow_programme (self);
}

/* Building ----------------------------------------------------------------------------------- */

static void
add_date_error (PathwayPreferencesWindow *self,
                Field                     field)
{
  GtkWidget *label = gtk_label_new (_("Not a date"));

  gtk_widget_set_name (label, "date-error");
  gtk_widget_add_css_class (label, "date-error");
  gtk_widget_set_tooltip_text (label, _("Write a date such as 14 March 2025"));
  /* Kept while out of the row (see show_date_error). */
  self->date_errors[field] = g_object_ref_sink (label);
  g_signal_connect_object (self->field_rows[field], "changed", G_CALLBACK (date_changed_cb),
                           self, 0);
}

static void
add_scheme_rows (PathwayPreferencesWindow *self)
{
  /* Whole phrases, so that each language can put the colour where it belongs. */
  static const char *titles[PATHWAY_N_RATINGS][N_PARTS] = {
    [PATHWAY_RATING_RED] = { N_("Word for red"), N_("Definition of red") },
    [PATHWAY_RATING_AMBER] = { N_("Word for amber"), N_("Definition of amber") },
    [PATHWAY_RATING_GREEN] = { N_("Word for green"), N_("Definition of green") },
    [PATHWAY_RATING_BLUE] = { N_("Word for blue"), N_("Definition of blue") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scheme_ratings); i++)
    for (guint part = 0; part < N_PARTS; part++)
      {
        PathwayRating rating = scheme_ratings[i];
        g_autofree char *property = scheme_property (rating, part);
        g_autofree char *name = g_strdup_printf ("%s-row", property);
        PathwayEntryRow *row = PATHWAY_ENTRY_ROW (pathway_entry_row_new ());
        PathwayRatingBadge *badge = PATHWAY_RATING_BADGE (pathway_rating_badge_new ());

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[rating][part]));
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        pathway_entry_row_set_show_apply_button (row, TRUE);
        gtk_widget_set_name (GTK_WIDGET (row), name);
        pathway_rating_badge_set_small (badge, TRUE);
        pathway_rating_badge_set_rating (badge, rating, NULL);
        pathway_entry_row_add_prefix (row, GTK_WIDGET (badge));
        g_object_set_data (G_OBJECT (row), "pathway-rating", GUINT_TO_POINTER (rating));
        g_object_set_data (G_OBJECT (row), "pathway-part", GUINT_TO_POINTER (part));
        g_signal_connect_object (row, "apply", G_CALLBACK (scheme_apply_cb), self, 0);
        adw_preferences_group_add (self->scheme_group, GTK_WIDGET (row));

        self->scheme_rows[rating][part] = row;
        self->scheme_badges[rating][part] = badge;
      }
}

static void
pathway_preferences_window_dispose (GObject *object)
{
  PathwayPreferencesWindow *self = PATHWAY_PREFERENCES_WINDOW (object);

  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  if (self->boards != NULL)
    g_signal_handlers_disconnect_by_data (self->boards, self);
  g_clear_object (&self->programme);
  g_clear_object (&self->scheme);
  g_clear_object (&self->boards);
  g_clear_object (&self->board_names);
  for (Field field = 0; field < N_FIELDS; field++)
    g_clear_object (&self->date_errors[field]);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pathway_preferences_window_parent_class)->dispose (object);
}

static void
pathway_preferences_window_class_init (PathwayPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathway_preferences_window_dispose;
  window_class->close_request = pathway_preferences_window_close_request;

  g_type_ensure (PATHWAY_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathway/Pathway/ui/"
                                               "pathway-preferences-window.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, PathwayPreferencesWindow, name)
  BIND (settings_note_group);
  BIND (author_group);
  BIND (tracking_group);
  BIND (backup_group);
  BIND (backup_days_row);
  BIND (backup_days_spin);
  BIND (backup_months_spin);
  BIND (board_group);
  BIND (author_row);
  BIND (stale_spin);
  BIND (board_row);
  BIND (programme_page);
  BIND (programme_note_group);
  BIND (programme_note);
  BIND (programme_note_reason);
  BIND (programme_group);
  BIND (dates_group);
  BIND (vision_group);
  BIND (scheme_group);
  BIND (name_row);
  BIND (local_area_row);
  BIND (partners_row);
  BIND (regime_row);
  BIND (inspection_row);
  BIND (letter_row);
  BIND (agreed_row);
  BIND (vision_view);
  BIND (vision_save_button);
  BIND (brag_switch);
#undef BIND
}

static void
pathway_preferences_window_init (PathwayPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pathway_editor_describe_choices (GTK_WIDGET (self));
  pathway_style_install (gtk_widget_get_display (GTK_WIDGET (self)));
  show_backup_folder (self);

  self->field_rows[FIELD_NAME] = self->name_row;
  self->field_rows[FIELD_LOCAL_AREA] = self->local_area_row;
  self->field_rows[FIELD_PARTNERS] = self->partners_row;
  self->field_rows[FIELD_INSPECTION_DATE] = self->inspection_row;
  self->field_rows[FIELD_LETTER_PUBLISHED] = self->letter_row;
  self->field_rows[FIELD_PLAN_AGREED] = self->agreed_row;
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_object_set_data (G_OBJECT (self->field_rows[field]), "pathway-field",
                         GUINT_TO_POINTER (field));
      g_signal_connect_object (self->field_rows[field], "apply", G_CALLBACK (field_apply_cb),
                               self, 0);
      if (fields[field].is_date)
        add_date_error (self, field);
    }
  g_signal_connect_object (self->stale_spin, "value-changed", G_CALLBACK (stale_changed_cb),
                           self, G_CONNECT_SWAPPED);
  add_scheme_rows (self);
  add_public_rows (self);
  /* libadwaita's own items are cut at twenty characters, which leaves "Written statement of
   * …" for a regime; these give the full text room. A board's name is the person's text. */
  pathway_editor_set_choice_items (self->regime_row, 48, 48);
  pathway_editor_set_choice_items (self->board_row, 48, 48);

  g_signal_connect_object (self->regime_row, "notify::selected",
                           G_CALLBACK (regime_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brag_switch, "notify::active", G_CALLBACK (brag_active_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->vision_view), "changed",
                           G_CALLBACK (vision_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vision_save_button, "clicked", G_CALLBACK (save_vision), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board_row, "notify::selected", G_CALLBACK (board_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

PathwayPreferencesWindow *
pathway_preferences_window_new (GtkWindow       *parent,
                                GSettings       *settings,
                                PathwayDocument *document)
{
  PathwayPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (document == NULL || PATHWAY_IS_DOCUMENT (document), NULL);

  self = g_object_new (PATHWAY_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  set_settings (self, settings);
  set_document (self, document);
  return self;
}

void
pathway_preferences_window_show_programme (PathwayPreferencesWindow *self)
{
  g_return_if_fail (PATHWAY_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->programme_page));
}
