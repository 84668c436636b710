/* pathway-return-request.c: asking leads for their monthly updates. A PathwayReturnRequest
 * groups the actions that need an update by lead, names a form for each, and writes them: one
 * XLSX per lead (libxlsxwriter), the list of who gets which file, and a "return-form" record
 * per form sent, so the Returns page can tell who has replied.
 *
 * A form is made for a person to fill in without help: a title block saying whose actions
 * these are, by when to send them back and what to do, then one row per action. The Ref,
 * Action and Current columns are locked and the sheet protected (no password: it only keeps
 * slips from happening); the New columns are unlocked, tinted as places to type, and New rating
 * and New status are drop-down lists of the programme's own words. It prints on A4 landscape,
 * one page wide, the header row on every page. What identifies the form and the values it was
 * sent with are in a second sheet, hidden and protected, which spreadsheet programs keep as
 * they keep any sheet (document properties they often drop).
 *
 * Files are written to temporaries first, the records added in one batch, and only when that
 * commits are the files renamed into place: a failure anywhere leaves neither forms nor
 * records behind. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pathway-exchange-private.h"
#include "pathway-returns.h"
#include "pathway-safe-file.h"

/* Rows of the Updates sheet, from 0. */
#define TITLE_ROW 0
#define LEAD_ROW 1
#define INSTRUCTIONS_ROW 2
#define HEADER_ROW 4
#define FIRST_ACTION_ROW 5

/* A row holds at least this many lines, so there is room to write in the New columns. */
#define MIN_ACTION_LINES 3
#define MAX_ROW_HEIGHT 409.0
#define LINE_HEIGHT 15.0

/* Excel keeps a list validation's words in 255 characters; longer lists (a programme's long
 * rating words) are read from the hidden sheet instead. */
#define MAX_LIST_CHARS 255

/* Widths in Excel's characters. The commentary columns are the widest: they are what the form
 * is for. */
static const double column_widths[PATHWAY_FORM_N_COLUMNS] = {
  [PATHWAY_FORM_REF] = 7,
  [PATHWAY_FORM_ACTION] = 34,
  [PATHWAY_FORM_CURRENT_RATING] = 9,
  [PATHWAY_FORM_CURRENT_COMMENTARY] = 38,
  [PATHWAY_FORM_NEW_RATING] = 10,
  [PATHWAY_FORM_NEW_STATUS] = 11,
  [PATHWAY_FORM_NEW_COMMENTARY] = 40,
  [PATHWAY_FORM_NEW_RECOVERY_PLAN] = 28,
};

/* The rating fills of an export, so a form reads like the tracker it came from. */
static const struct {
  lxw_color_t fill;
  lxw_color_t font;
} rating_colours[PATHWAY_N_RATINGS] = {
  { 0xF2F2F2, LXW_COLOR_BLACK },
  { 0xC00000, 0xFFFFFF },
  { 0xFFC000, LXW_COLOR_BLACK },
  { 0x00B050, LXW_COLOR_BLACK },
  { 0x0070C0, 0xFFFFFF },
};

/* The places to type: a pale yellow, as forms mark their fields. */
#define INPUT_FILL 0xFFF7D6
#define INPUT_HEADER_FILL 0xFFE699
#define HEADER_FILL 0xD9D9D9
#define BORDER_COLOUR 0xBFBFBF

typedef struct {
  PathwayPerson *lead;
  GPtrArray *actions; /* PathwayAction */
  char *file_name;
  gboolean included;
  PathwayReturnForm *record; /* after a write */
} RequestForm;

struct _PathwayReturnRequest
{
  GObject parent_instance;

  PathwayDocument *document;
  GDate since;
  GDate due;
  GDate sent;
  GPtrArray *forms; /* RequestForm */
  GPtrArray *unled; /* PathwayAction */
};

G_DEFINE_FINAL_TYPE (PathwayReturnRequest, pathway_return_request, G_TYPE_OBJECT)

static void
request_form_free (gpointer data)
{
  RequestForm *form = data;

  g_clear_object (&form->lead);
  g_clear_pointer (&form->actions, g_ptr_array_unref);
  g_clear_pointer (&form->file_name, g_free);
  g_clear_object (&form->record);
  g_free (form);
}

static void
pathway_return_request_finalize (GObject *object)
{
  PathwayReturnRequest *self = PATHWAY_RETURN_REQUEST (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->unled, g_ptr_array_unref);
  G_OBJECT_CLASS (pathway_return_request_parent_class)->finalize (object);
}

static void
pathway_return_request_class_init (PathwayReturnRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pathway_return_request_finalize;
}

static void
pathway_return_request_init (PathwayReturnRequest *self)
{
  self->forms = g_ptr_array_new_with_free_func (request_form_free);
  self->unled = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->since, 1);
  g_date_clear (&self->due, 1);
  g_date_clear (&self->sent, 1);
}

/* File names --------------------------------------------------------------------------------- */

/* A name with only what every file system and mail program takes: no slashes, colons, quotes,
 * wildcards or control characters, no dot or space at either end, and not too long. */
static char *
safe_name (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = name ? name : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || strchr ("/\\:*?\"<>|", (int) (c < 0x80 ? c : 'x')) != NULL ||
          g_unichar_iscntrl (c) || !g_unichar_isprint (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
      if (g_utf8_strlen (out->str, -1) >= 80)
        break;
    }
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
name_files (PathwayReturnRequest *self)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *due = pathway_date_format_iso (&self->due);

  for (guint i = 0; i < self->forms->len; i++)
    {
      RequestForm *form = g_ptr_array_index (self->forms, i);
      g_autofree char *name = safe_name (pathway_person_get_name (form->lead));
      g_autofree char *base = NULL;

      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup_printf ("lead %" G_GINT64_FORMAT, pathway_person_get_id (form->lead));
        }
      /* TRANSLATORS: a return form's file name: the lead's name and the day it is due */
      base = g_strdup_printf (_("Updates from %s - due %s"), name, due);
      g_free (form->file_name);
      form->file_name = NULL;
      for (guint n = 1; form->file_name == NULL; n++)
        {
          g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.xlsx", base)
                                              : g_strdup_printf ("%s (%u).xlsx", base, n);
          g_autofree char *folded = g_utf8_casefold (candidate, -1);

          if (!g_hash_table_contains (taken, folded))
            {
              g_hash_table_add (taken, g_steal_pointer (&folded));
              form->file_name = g_steal_pointer (&candidate);
            }
        }
    }
}

/* Planning ----------------------------------------------------------------------------------- */

PathwayReturnRequest *
pathway_return_request_new (PathwayDocument *document, const GDate *since, const GDate *due,
                            GError **error)
{
  g_autoptr(PathwayReturnRequest) self = NULL;
  g_autoptr(GPtrArray) needing = NULL;
  g_autoptr(GHashTable) by_lead = NULL;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (since != NULL && g_date_valid (since), NULL);

  self = g_object_new (PATHWAY_TYPE_RETURN_REQUEST, NULL);
  self->document = g_object_ref (document);
  self->since = *since;
  pathway_document_get_today (document, &self->sent);
  if (due != NULL && g_date_valid (due))
    {
      if (g_date_compare (due, &self->sent) < 0)
        {
          g_autofree char *words = pathway_date_format_words (due);

          g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                       _("The forms cannot be due on %s: that day has passed."), words);
          return NULL;
        }
      self->due = *due;
    }
  else
    {
      self->due = self->sent;
      g_date_add_days (&self->due, PATHWAY_RETURN_DEFAULT_DAYS);
    }

  needing = pathway_document_list_needing_update (document, since, error);
  if (needing == NULL)
    return NULL;
  by_lead = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < needing->len; i++)
    {
      PathwayAction *action = g_ptr_array_index (needing, i);
      PathwayPerson *lead = pathway_action_get_lead (action);
      RequestForm *form;

      if (lead == NULL)
        {
          g_ptr_array_add (self->unled, g_object_ref (action));
          continue;
        }
      form = g_hash_table_lookup (by_lead, lead);
      if (form == NULL)
        {
          form = g_new0 (RequestForm, 1);
          form->lead = g_object_ref (lead);
          form->actions = g_ptr_array_new_with_free_func (g_object_unref);
          form->included = TRUE;
          g_hash_table_insert (by_lead, lead, form);
          g_ptr_array_add (self->forms, form);
        }
      g_ptr_array_add (form->actions, g_object_ref (action));
    }
  name_files (self);
  return g_steal_pointer (&self);
}

PathwayDocument *
pathway_return_request_get_document (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  return self->document;
}

const GDate *
pathway_return_request_get_since (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  return &self->since;
}

const GDate *
pathway_return_request_get_due (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  return &self->due;
}

const GDate *
pathway_return_request_get_sent (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  return &self->sent;
}

guint
pathway_return_request_get_n_forms (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), 0);
  return self->forms->len;
}

static RequestForm *
get_form (PathwayReturnRequest *self, guint form)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  g_return_val_if_fail (form < self->forms->len, NULL);
  return g_ptr_array_index (self->forms, form);
}

PathwayPerson *
pathway_return_request_get_lead (PathwayReturnRequest *self, guint form)
{
  RequestForm *f = get_form (self, form);

  return f ? f->lead : NULL;
}

GPtrArray *
pathway_return_request_get_actions (PathwayReturnRequest *self, guint form)
{
  RequestForm *f = get_form (self, form);

  return f ? f->actions : NULL;
}

const char *
pathway_return_request_get_file_name (PathwayReturnRequest *self, guint form)
{
  RequestForm *f = get_form (self, form);

  return f ? f->file_name : NULL;
}

gboolean
pathway_return_request_get_included (PathwayReturnRequest *self, guint form)
{
  RequestForm *f = get_form (self, form);

  return f ? f->included : FALSE;
}

void
pathway_return_request_set_included (PathwayReturnRequest *self, guint form, gboolean included)
{
  RequestForm *f = get_form (self, form);

  if (f != NULL)
    f->included = !!included;
}

guint
pathway_return_request_get_n_included (PathwayReturnRequest *self)
{
  guint n = 0;

  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), 0);
  for (guint i = 0; i < self->forms->len; i++)
    n += ((RequestForm *) g_ptr_array_index (self->forms, i))->included ? 1 : 0;
  return n;
}

guint
pathway_return_request_get_n_included_actions (PathwayReturnRequest *self)
{
  guint n = 0;

  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), 0);
  for (guint i = 0; i < self->forms->len; i++)
    {
      RequestForm *form = g_ptr_array_index (self->forms, i);

      if (form->included)
        n += form->actions->len;
    }
  return n;
}

GPtrArray *
pathway_return_request_get_unled_actions (PathwayReturnRequest *self)
{
  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), NULL);
  return self->unled;
}

PathwayReturnForm *
pathway_return_request_get_form (PathwayReturnRequest *self, guint form)
{
  RequestForm *f = get_form (self, form);

  return f ? f->record : NULL;
}

/* Writing a form ------------------------------------------------------------------------------ */

typedef struct {
  lxw_workbook *workbook;
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *due;
  lxw_format *instructions;
  lxw_format *header;
  lxw_format *input_header;
  lxw_format *locked;
  lxw_format *locked_wrapped;
  lxw_format *ratings[PATHWAY_N_RATINGS];
  lxw_format *input;
  lxw_format *input_wrapped;
} FormFormats;

static lxw_format *
cell_format (lxw_workbook *workbook, gboolean wrap)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, BORDER_COLOUR);
  if (wrap)
    format_set_text_wrap (format);
  return format;
}

static void
make_form_formats (FormFormats *formats)
{
  lxw_workbook *workbook = formats->workbook;

  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 14);
  format_set_align (formats->title, LXW_ALIGN_VERTICAL_CENTER);

  formats->subtitle = workbook_add_format (workbook);
  format_set_align (formats->subtitle, LXW_ALIGN_VERTICAL_CENTER);

  formats->due = workbook_add_format (workbook);
  format_set_bold (formats->due);
  format_set_align (formats->due, LXW_ALIGN_VERTICAL_CENTER);

  formats->instructions = workbook_add_format (workbook);
  format_set_text_wrap (formats->instructions);
  format_set_align (formats->instructions, LXW_ALIGN_VERTICAL_TOP);

  formats->header = cell_format (workbook, TRUE);
  format_set_bold (formats->header);
  format_set_bg_color (formats->header, HEADER_FILL);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);

  formats->input_header = cell_format (workbook, TRUE);
  format_set_bold (formats->input_header);
  format_set_bg_color (formats->input_header, INPUT_HEADER_FILL);
  format_set_align (formats->input_header, LXW_ALIGN_VERTICAL_CENTER);

  formats->locked = cell_format (workbook, FALSE);
  formats->locked_wrapped = cell_format (workbook, TRUE);

  for (guint r = 0; r < PATHWAY_N_RATINGS; r++)
    {
      formats->ratings[r] = cell_format (workbook, TRUE);
      format_set_bg_color (formats->ratings[r], rating_colours[r].fill);
      format_set_font_color (formats->ratings[r], rating_colours[r].font);
      format_set_bold (formats->ratings[r]);
      format_set_align (formats->ratings[r], LXW_ALIGN_CENTER);
    }

  formats->input = cell_format (workbook, FALSE);
  format_set_bg_color (formats->input, INPUT_FILL);
  format_set_unlocked (formats->input);

  formats->input_wrapped = cell_format (workbook, TRUE);
  format_set_bg_color (formats->input_wrapped, INPUT_FILL);
  format_set_unlocked (formats->input_wrapped);
}

/* A header or footer takes "&" as a code: "&&" is an ampersand. */
static char *
header_footer_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The words of a drop-down list, NULL-terminated; FALSE when they cannot be given inline
 * (a comma in a word, or more than Excel keeps), so the list must be read from cells. */
static gboolean
fits_inline (const char *const *words)
{
  gsize length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strchr (words[i], ',') != NULL || strchr (words[i], '"') != NULL)
        return FALSE;
      length += strlen (words[i]) + (i > 0 ? 1 : 0);
    }
  return length <= MAX_LIST_CHARS;
}

typedef struct {
  PathwayReturnRequest *request;
  RequestForm *form;
  const char *form_id;
  const char *const *ratings; /* the drop-down's words */
  const char *const *statuses;
} FormContent;

static lxw_error
write_list_validation (lxw_worksheet *sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                       const char *const *words, const char *range, const char *title,
                       const char *input, const char *error_message)
{
  lxw_data_validation validation = { 0 };

  validation.validate = LXW_VALIDATION_TYPE_LIST;
  if (fits_inline (words))
    validation.value_list = (char **) words;
  else
    validation.value_formula = (char *) range;
  validation.ignore_blank = LXW_VALIDATION_ON;
  validation.dropdown = LXW_VALIDATION_ON;
  validation.show_input = LXW_VALIDATION_ON;
  validation.input_title = (char *) title;
  validation.input_message = (char *) input;
  validation.show_error = LXW_VALIDATION_ON;
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  validation.error_title = (char *) title;
  validation.error_message = (char *) error_message;
  return worksheet_data_validation_range (sheet, first, col, last, col, &validation);
}

/* The visible sheet: title block, header and a row per action. */
static lxw_error
write_updates_sheet (lxw_worksheet *sheet, FormFormats *formats, const FormContent *content)
{
  PathwayReturnRequest *request = content->request;
  RequestForm *form = content->form;
  PathwayProgramme *programme = pathway_document_get_programme (request->document);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  const char *lead_name = pathway_person_get_name (form->lead);
  g_autofree char *title = NULL;
  g_autofree char *lead_line = NULL;
  g_autofree char *due_line = NULL;
  g_autofree char *instructions = NULL;
  g_autofree char *since_words = pathway_date_format_words (&request->since);
  g_autofree char *footer = NULL;
  g_autofree char *footer_name = NULL;
  char due_words[64] = "";
  lxw_row_t last_row = FIRST_ACTION_ROW + form->actions->len - 1;
  lxw_error status = LXW_NO_ERROR;
  double instructions_width = 0;
  guint header_lines = 1;
  lxw_protection protection = { 0 };

  g_date_strftime (due_words, sizeof due_words, "%A %-d %B %Y", &request->due);
  /* TRANSLATORS: the title of a return form; %s is the programme's name */
  title = g_strdup_printf (_("Monthly update: %s"), pathway_programme_get_name (programme));
  lead_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For %s: %u action",
                                            "For %s: %u actions", form->actions->len),
                               lead_name, form->actions->len);
  due_line = g_strdup_printf (_("Please send it back by %s"), due_words);
  /* Short numbered lines: a paragraph across a landscape page is too long a line to read. */
  instructions = g_strdup_printf (
    _("These are your actions that have had no update since %s.\n"
      "1. For each one, choose a new rating and a new status from the lists; leave them blank to "
      "keep the current ones.\n"
      "2. Write what has happened since the last update in New commentary. An action rated red "
      "needs a recovery plan.\n"
      "3. Save the file under the same name and send it back by email. Only the yellow columns "
      "can be changed."),
    since_words);

  for (guint c = 0; c < PATHWAY_FORM_N_COLUMNS && status == LXW_NO_ERROR; c++)
    {
      status = worksheet_set_column (sheet, c, c, column_widths[c], NULL);
      instructions_width += column_widths[c];
    }

  /* The title block, each line merged across the table so it reads as one. */
  if (status == LXW_NO_ERROR)
    status = worksheet_merge_range (sheet, TITLE_ROW, 0, TITLE_ROW, PATHWAY_FORM_N_COLUMNS - 1,
                                    title, formats->title);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_row (sheet, TITLE_ROW, 24, NULL);
  if (status == LXW_NO_ERROR)
    status = worksheet_merge_range (sheet, LEAD_ROW, 0, LEAD_ROW, PATHWAY_FORM_CURRENT_COMMENTARY,
                                    lead_line, formats->subtitle);
  if (status == LXW_NO_ERROR)
    status = worksheet_merge_range (sheet, LEAD_ROW, PATHWAY_FORM_NEW_RATING, LEAD_ROW,
                                    PATHWAY_FORM_N_COLUMNS - 1, due_line, formats->due);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_row (sheet, LEAD_ROW, 20, NULL);
  if (status == LXW_NO_ERROR)
    status = worksheet_merge_range (sheet, INSTRUCTIONS_ROW, 0, INSTRUCTIONS_ROW,
                                    PATHWAY_FORM_N_COLUMNS - 1, instructions,
                                    formats->instructions);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_row (sheet, INSTRUCTIONS_ROW,
                                LINE_HEIGHT * (pathway_export_wrapped_lines (instructions,
                                                                             instructions_width *
                                                                             0.9) + 0.5),
                                NULL);

  for (guint c = 0; c < PATHWAY_FORM_N_COLUMNS && status == LXW_NO_ERROR; c++)
    {
      status = worksheet_write_string (sheet, HEADER_ROW, c, pathway_form_headers[c],
                                       c >= PATHWAY_FORM_NEW_RATING ? formats->input_header
                                                                    : formats->header);
      header_lines = MAX (header_lines, pathway_export_wrapped_lines (pathway_form_headers[c],
                                                                      column_widths[c]));
    }
  /* "Current rating" takes two lines in its narrow column. */
  if (status == LXW_NO_ERROR)
    status = worksheet_set_row (sheet, HEADER_ROW, header_lines * LINE_HEIGHT + 2, NULL);

  for (guint i = 0; i < form->actions->len && status == LXW_NO_ERROR; i++)
    {
      PathwayAction *action = g_ptr_array_index (form->actions, i);
      PathwayRating rating = pathway_action_get_rating (action);
      lxw_row_t row = FIRST_ACTION_ROW + i;
      g_autofree char *description =
        pathway_return_cell_text (pathway_action_get_description (action));
      g_autofree char *commentary =
        pathway_return_cell_text (pathway_action_get_commentary (action));
      guint lines = MIN_ACTION_LINES;

      status = worksheet_write_string (sheet, row, PATHWAY_FORM_REF,
                                       pathway_action_get_reference (action), formats->locked);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, PATHWAY_FORM_ACTION, description,
                                         formats->locked_wrapped);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, PATHWAY_FORM_CURRENT_RATING,
                                         pathway_return_rating_text (scheme, rating),
                                         formats->ratings[rating]);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, PATHWAY_FORM_CURRENT_COMMENTARY, commentary,
                                         formats->locked_wrapped);
      for (guint c = PATHWAY_FORM_NEW_RATING; c < PATHWAY_FORM_N_COLUMNS && status == LXW_NO_ERROR;
           c++)
        status = worksheet_write_blank (sheet, row, c,
                                        c >= PATHWAY_FORM_NEW_COMMENTARY ? formats->input_wrapped
                                                                          : formats->input);
      lines = MAX (lines, pathway_export_wrapped_lines (description,
                                                        column_widths[PATHWAY_FORM_ACTION]));
      lines = MAX (lines,
                   pathway_export_wrapped_lines (commentary,
                                                 column_widths[PATHWAY_FORM_CURRENT_COMMENTARY]));
      if (status == LXW_NO_ERROR)
        status = worksheet_set_row (sheet, row, MIN (MAX_ROW_HEIGHT, lines * LINE_HEIGHT), NULL);
    }

  if (status == LXW_NO_ERROR && form->actions->len > 0)
    {
      guint n_ratings = g_strv_length ((char **) content->ratings);
      guint n_statuses = g_strv_length ((char **) content->statuses);
      g_autofree char *rating_range = g_strdup_printf ("='%s'!$K$2:$K$%u",
                                                       PATHWAY_RETURN_FORM_SHEET, 1 + n_ratings);
      g_autofree char *status_range = g_strdup_printf ("='%s'!$L$2:$L$%u",
                                                       PATHWAY_RETURN_FORM_SHEET, 1 + n_statuses);

      status = write_list_validation (sheet, FIRST_ACTION_ROW, last_row, PATHWAY_FORM_NEW_RATING,
                                      content->ratings, rating_range, _("New rating"),
                                      _("Choose the rating from the list, or leave it blank to "
                                        "keep the current one."),
                                      _("Choose one of the ratings in the list."));
      if (status == LXW_NO_ERROR)
        status = write_list_validation (sheet, FIRST_ACTION_ROW, last_row,
                                        PATHWAY_FORM_NEW_STATUS, content->statuses, status_range,
                                        _("New status"),
                                        _("Choose the status from the list, or leave it blank to "
                                          "keep the current one."),
                                        _("Choose one of the statuses in the list."));
    }

  if (status == LXW_NO_ERROR)
    {
      worksheet_freeze_panes (sheet, FIRST_ACTION_ROW, 0);
      /* Printed for a read before a meeting: A4 landscape, one page wide, the header row on
       * every page, and whose form it is at the foot. */
      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9);
      worksheet_set_margins (sheet, 0.4, 0.4, 0.5, 0.6);
      worksheet_fit_to_pages (sheet, 1, 0);
      status = worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
    }
  if (status == LXW_NO_ERROR)
    {
      footer_name = header_footer_text (form->file_name);
      footer = g_strdup_printf ("&L&8%s&R&8%s", footer_name, _("Page &P of &N"));
      status = worksheet_set_footer (sheet, footer);
    }

  /* Locked cells can be looked at and copied; rows and columns can be made wider to read or
   * write more. Nothing else changes without unprotecting, which asks for no password. */
  protection.format_columns = LXW_TRUE;
  protection.format_rows = LXW_TRUE;
  worksheet_protect (sheet, NULL, &protection);
  worksheet_activate (sheet);
  return status;
}

static lxw_error
write_key (lxw_worksheet *sheet, lxw_row_t row, const char *key, const char *value,
           const char *extra)
{
  lxw_error status = worksheet_write_string (sheet, row, 0, key, NULL);

  if (status == LXW_NO_ERROR && value != NULL && *value != '\0')
    status = worksheet_write_string (sheet, row, 1, value, NULL);
  if (status == LXW_NO_ERROR && extra != NULL && *extra != '\0')
    status = worksheet_write_string (sheet, row, 2, extra, NULL);
  return status;
}

/* The hidden sheet: what the form is, and each row as it was sent. Every value is a string
 * cell, so no spreadsheet reads "2026-12-14" as a date or "1.10" as a number. */
static lxw_error
write_form_sheet (lxw_worksheet *sheet, const FormContent *content)
{
  PathwayReturnRequest *request = content->request;
  RequestForm *form = content->form;
  PathwayProgramme *programme = pathway_document_get_programme (request->document);
  g_autofree char *sent = pathway_date_format_iso (&request->sent);
  g_autofree char *due = pathway_date_format_iso (&request->due);
  g_autofree char *since = pathway_date_format_iso (&request->since);
  static const char *const row_headers[PATHWAY_FORM_ROW_N_CELLS] = {
    PATHWAY_FORM_ROWS, "Action UUID", "Ref", "Action", "Rating", "Status", "Commentary",
    "Recovery plan",
  };
  lxw_error status;
  lxw_row_t row = 9;
  lxw_protection protection = { 0 };

  status = write_key (sheet, 0, PATHWAY_FORM_MARK, PATHWAY_FORM_VERSION, NULL);
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 1, PATHWAY_FORM_KEY_PROGRAMME, pathway_record_get_uuid (programme),
                        pathway_programme_get_name (programme));
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 2, PATHWAY_FORM_KEY_LEAD, pathway_record_get_uuid (form->lead),
                        pathway_person_get_name (form->lead));
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 3, PATHWAY_FORM_KEY_FORM, content->form_id, NULL);
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 4, PATHWAY_FORM_KEY_SENT, sent, NULL);
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 5, PATHWAY_FORM_KEY_DUE, due, NULL);
  if (status == LXW_NO_ERROR)
    status = write_key (sheet, 6, PATHWAY_FORM_KEY_SINCE, since, NULL);

  for (guint c = 0; c < PATHWAY_FORM_ROW_N_CELLS && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, row - 1, c, row_headers[c], NULL);
  for (guint i = 0; i < form->actions->len && status == LXW_NO_ERROR; i++, row++)
    {
      PathwayAction *action = g_ptr_array_index (form->actions, i);
      g_autofree char *number = g_strdup_printf ("%u", FIRST_ACTION_ROW + i + 1);
      g_autofree char *description =
        pathway_return_cell_text (pathway_action_get_description (action));
      g_autofree char *commentary =
        pathway_return_cell_text (pathway_action_get_commentary (action));
      g_autofree char *recovery =
        pathway_return_cell_text (pathway_action_get_recovery_plan (action));
      const char *cells[PATHWAY_FORM_ROW_N_CELLS] = {
        [PATHWAY_FORM_ROW_NUMBER] = number,
        [PATHWAY_FORM_ROW_UUID] = pathway_record_get_uuid (action),
        [PATHWAY_FORM_ROW_REF] = pathway_action_get_reference (action),
        [PATHWAY_FORM_ROW_DESCRIPTION] = description,
        [PATHWAY_FORM_ROW_RATING] = pathway_rating_to_nick (pathway_action_get_rating (action)),
        [PATHWAY_FORM_ROW_STATUS] = pathway_status_to_nick (pathway_action_get_status (action)),
        [PATHWAY_FORM_ROW_COMMENTARY] = commentary,
        [PATHWAY_FORM_ROW_RECOVERY_PLAN] = recovery,
      };

      for (guint c = 0; c < PATHWAY_FORM_ROW_N_CELLS && status == LXW_NO_ERROR; c++)
        if (cells[c] != NULL && *cells[c] != '\0')
          status = worksheet_write_string (sheet, row, c, cells[c], NULL);
    }

  /* The lists' words, for drop-downs too long to give inline. */
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 0, 10, "Ratings", NULL);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 0, 11, "Statuses", NULL);
  for (guint i = 0; content->ratings[i] != NULL && status == LXW_NO_ERROR; i++)
    status = worksheet_write_string (sheet, 1 + i, 10, content->ratings[i], NULL);
  for (guint i = 0; content->statuses[i] != NULL && status == LXW_NO_ERROR; i++)
    status = worksheet_write_string (sheet, 1 + i, 11, content->statuses[i], NULL);

  worksheet_hide (sheet);
  worksheet_protect (sheet, NULL, &protection);
  return status;
}

/* Writes one form into the safe file's temporary and records any failure in it. */
static void
write_form (PathwaySafeFile *file, const char *tmpdir, const FormContent *content)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) tmpdir };
  PathwayReturnRequest *request = content->request;
  FormFormats formats = { 0 };
  lxw_doc_properties properties = { 0 };
  lxw_worksheet *updates, *hidden;
  lxw_error status;
  g_autofree char *doc_title = g_strdup_printf (_("Updates from %s"),
                                                pathway_person_get_name (content->form->lead));

  errno = 0;
  formats.workbook = workbook_new_opt (pathway_safe_file_get_temp_path (file), &options);
  if (formats.workbook == NULL)
    {
      pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno ? errno : EIO),
                              NULL);
      return;
    }
  make_form_formats (&formats);
  properties.title = doc_title;
  properties.company = (char *) pathway_programme_get_name (
    pathway_document_get_programme (request->document));
  workbook_set_properties (formats.workbook, &properties);
  updates = workbook_add_worksheet (formats.workbook, PATHWAY_RETURN_UPDATES_SHEET);
  hidden = workbook_add_worksheet (formats.workbook, PATHWAY_RETURN_FORM_SHEET);
  status = updates && hidden ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
  if (status == LXW_NO_ERROR)
    status = write_updates_sheet (updates, &formats, content);
  if (status == LXW_NO_ERROR)
    status = write_form_sheet (hidden, content);

  {
    lxw_error closed;

    errno = 0;
    closed = workbook_close (formats.workbook);
    if (status == LXW_NO_ERROR)
      status = closed;
  }
  if (status != LXW_NO_ERROR)
    pathway_safe_file_fail (file, pathway_export_folder_errno (tmpdir, errno),
                            lxw_strerror (status));
}

/* "Who gets which file": one line per form, for whoever sends the emails. */
static char *
list_text (PathwayReturnRequest *self)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *due = pathway_date_format_iso (&self->due);
  /* TRANSLATORS: the headings of the list of who gets which return form */
  const char *headers[] = { N_("File"), N_("Lead"), N_("Email"), N_("Actions"), N_("Due") };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      pathway_export_append_csv_field (out, _(headers[c]));
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < self->forms->len; i++)
    {
      RequestForm *form = g_ptr_array_index (self->forms, i);
      g_autofree char *count = g_strdup_printf ("%u", form->actions->len);
      const char *cells[] = { form->file_name, pathway_person_get_name (form->lead),
                              pathway_person_get_email (form->lead), count, due };

      if (!form->included)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          pathway_export_append_csv_field (out, cells[c] ? cells[c] : "");
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
safe_file_list_free (gpointer data)
{
  pathway_safe_file_free (data);
}

static gboolean
write_error (GError **error, const GError *local_error)
{
  g_set_error_literal (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}

gboolean
pathway_return_request_write (PathwayReturnRequest *self, const char *folder, GError **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (safe_file_list_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *list = NULL;
  const char *const *ratings;
  const char *statuses[PATHWAY_N_STATUSES + 1] = { NULL };
  g_autoptr(GPtrArray) rating_words = g_ptr_array_new ();
  PathwayRatingScheme *scheme;
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAY_IS_RETURN_REQUEST (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (pathway_return_request_get_n_included (self) == 0)
    {
      g_set_error_literal (error, PATHWAY_ERROR, PATHWAY_ERROR_INVALID,
                           self->forms->len == 0
                             ? _("No action needs an update from a lead, so there is no form to "
                                 "send.")
                             : _("No lead is chosen, so there is no form to send."));
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, PATHWAY_EXCHANGE_ERROR, PATHWAY_EXCHANGE_ERROR_WRITE,
                   _("%s is not a folder: the forms are written into a folder."), display);
      return FALSE;
    }

  scheme = pathway_programme_get_rating_scheme (pathway_document_get_programme (self->document));
  for (PathwayRating r = PATHWAY_RATING_RED; r < PATHWAY_N_RATINGS; r++)
    if (pathway_rating_scheme_offers (scheme, r))
      g_ptr_array_add (rating_words, (gpointer) pathway_rating_scheme_get_label (scheme, r));
  g_ptr_array_add (rating_words, NULL);
  ratings = (const char *const *) rating_words->pdata;
  for (PathwayStatus s = 0; s < PATHWAY_N_STATUSES; s++)
    statuses[s] = pathway_status_label (s);

  if (!pathway_document_begin_batch (self->document, _("Request updates"), error))
    return FALSE;

  for (guint i = 0; ok && i < self->forms->len; i++)
    {
      RequestForm *form = g_ptr_array_index (self->forms, i);
      g_autoptr(PathwayReturnForm) draft = NULL;
      g_autofree char *path = NULL;
      PathwaySafeFile *file;
      FormContent content = { self, form, NULL, ratings, statuses };

      g_clear_object (&form->record);
      if (!form->included)
        continue;
      draft = pathway_return_form_new ();
      pathway_return_form_set_lead (draft, form->lead);
      pathway_return_form_set_sent (draft, &self->sent);
      pathway_return_form_set_due (draft, &self->due);
      pathway_return_form_set_since (draft, &self->since);
      pathway_return_form_set_actions (draft, (int) form->actions->len);
      pathway_return_form_set_file (draft, form->file_name);
      /* The record is added first: its UUID is the form's id. */
      if (!pathway_document_add (self->document, NULL, draft, &local_error))
        {
          ok = FALSE;
          break;
        }
      content.form_id = pathway_record_get_uuid (draft);
      path = g_build_filename (folder, form->file_name, NULL);
      file = pathway_safe_file_new (path, &local_error);
      if (file == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (files, file);
      g_ptr_array_add (paths, g_steal_pointer (&path));
      write_form (file, folder, &content);
      if (pathway_safe_file_has_failed (file))
        {
          /* Committing a failed file reports its failure in words and removes it. */
          pathway_safe_file_commit (file, &local_error);
          g_ptr_array_set_size (files, files->len - 1);
          ok = FALSE;
          break;
        }
      form->record = g_steal_pointer (&draft);
    }

  if (ok)
    {
      g_autofree char *path = g_build_filename (folder, PATHWAY_RETURN_LIST_FILE, NULL);
      PathwaySafeFile *file = pathway_safe_file_new (path, &local_error);

      list = list_text (self);
      if (file == NULL)
        ok = FALSE;
      else
        {
          g_ptr_array_add (files, file);
          g_ptr_array_add (paths, g_steal_pointer (&path));
          pathway_safe_file_write (file, list, strlen (list));
        }
    }

  if (!ok)
    {
      pathway_document_rollback_batch (self->document);
      for (guint i = 0; i < self->forms->len; i++)
        g_clear_object (&((RequestForm *) g_ptr_array_index (self->forms, i))->record);
      if (local_error != NULL && local_error->domain == PATHWAY_ERROR &&
          local_error->code != PATHWAY_ERROR_IO && local_error->code != PATHWAY_ERROR_DISK_FULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return write_error (error, local_error);
    }

  if (!pathway_document_commit_batch (self->document, error))
    {
      for (guint i = 0; i < self->forms->len; i++)
        g_clear_object (&((RequestForm *) g_ptr_array_index (self->forms, i))->record);
      return FALSE;
    }

  /* The records are in: now the files take their names. A rename that fails here (it hardly
   * can, in the folder the temporaries were made in) takes the records back. */
  for (guint i = 0; i < files->len; i++)
    {
      PathwaySafeFile *file = g_ptr_array_index (files, i);

      g_ptr_array_index (files, i) = NULL;
      if (!pathway_safe_file_commit (file, &local_error))
        {
          pathway_safe_file_free (file);
          for (guint j = i + 1; j < files->len; j++)
            g_clear_pointer (&g_ptr_array_index (files, j), pathway_safe_file_free);
          for (guint j = 0; j < i; j++)
            g_unlink (g_ptr_array_index (paths, j));
          pathway_document_undo (self->document, NULL);
          for (guint j = 0; j < self->forms->len; j++)
            g_clear_object (&((RequestForm *) g_ptr_array_index (self->forms, j))->record);
          return write_error (error, local_error);
        }
      pathway_safe_file_free (file);
    }
  return TRUE;
}
