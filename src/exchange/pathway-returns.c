/* pathway-returns.c: what the writing and the reading of return forms share (the form's
 * headers, how values are shown and compared, days in words), and the status of each lead's
 * forms for a Returns page or `pathway-cli returns status`. The forms themselves are written in
 * pathway-return-request.c and read back in pathway-return-import.c. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"
#include "pathway-returns.h"

const char *const pathway_form_headers[PATHWAY_FORM_N_COLUMNS] = {
  [PATHWAY_FORM_REF] = "Ref",
  [PATHWAY_FORM_ACTION] = "Action",
  [PATHWAY_FORM_CURRENT_RATING] = "Current rating",
  [PATHWAY_FORM_CURRENT_COMMENTARY] = "Current commentary",
  [PATHWAY_FORM_NEW_RATING] = "New rating",
  [PATHWAY_FORM_NEW_STATUS] = "New status",
  [PATHWAY_FORM_NEW_COMMENTARY] = "New commentary",
  [PATHWAY_FORM_NEW_RECOVERY_PLAN] = "New recovery plan",
};

const char *
pathway_return_field_label (PathwayReturnField field)
{
  switch (field)
    {
    case PATHWAY_RETURN_RATING: return _("Rating");
    case PATHWAY_RETURN_STATUS: return _("Status");
    case PATHWAY_RETURN_COMMENTARY: return _("Commentary");
    case PATHWAY_RETURN_RECOVERY_PLAN: return _("Recovery plan");
    default: return "";
    }
}

const char *
pathway_return_state_label (PathwayReturnState state)
{
  switch (state)
    {
    case PATHWAY_RETURN_OUTSTANDING: return _("Outstanding");
    case PATHWAY_RETURN_OVERDUE: return _("Overdue");
    case PATHWAY_RETURN_RETURNED: return _("Returned");
    default: return "";
    }
}

char *
pathway_return_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);

  /* Excel keeps a typed line break as "\n", but text pasted from elsewhere may bring "\r\n". */
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

char *
pathway_return_cell_text (const char *text)
{
  g_autofree char *fitted = pathway_export_fit_cell (text ? text : "");

  return pathway_return_clean_text (fitted);
}

const char *
pathway_return_rating_text (PathwayRatingScheme *scheme, PathwayRating rating)
{
  if (rating == PATHWAY_RATING_NONE)
    return _("Not rated");
  return pathway_rating_scheme_get_label (scheme, rating);
}

gboolean
pathway_returns_default_since (PathwayDocument *document, PathwayBoard *board, GDate *since)
{
  g_autoptr(PathwayBoard) first = NULL;
  PathwayMeeting *meeting;
  GDate today;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (since != NULL, FALSE);

  g_date_clear (since, 1);
  if (board == NULL)
    {
      GListModel *boards = pathway_programme_get_boards (pathway_document_get_programme (document));

      if (g_list_model_get_n_items (boards) == 0)
        return FALSE;
      first = g_list_model_get_item (boards, 0);
      board = first;
    }
  pathway_document_get_today (document, &today);
  meeting = pathway_board_find_last_meeting (board, &today);
  if (meeting == NULL)
    return FALSE;
  *since = *pathway_meeting_get_date (meeting);
  return TRUE;
}

/* Status ------------------------------------------------------------------------------------ */

static void
lead_status_free (gpointer data)
{
  PathwayReturnLeadStatus *status = data;

  g_clear_object (&status->lead);
  g_clear_object (&status->form);
  g_free (status);
}

static int
compare_by_lead_name (gconstpointer a, gconstpointer b)
{
  const PathwayReturnLeadStatus *x = *(PathwayReturnLeadStatus *const *) a;
  const PathwayReturnLeadStatus *y = *(PathwayReturnLeadStatus *const *) b;
  g_autofree char *kx = g_utf8_collate_key (pathway_person_get_name (x->lead), -1);
  g_autofree char *ky = g_utf8_collate_key (pathway_person_get_name (y->lead), -1);
  int order = strcmp (kx, ky);

  if (order != 0)
    return order;
  return (pathway_person_get_id (x->lead) > pathway_person_get_id (y->lead)) -
         (pathway_person_get_id (x->lead) < pathway_person_get_id (y->lead));
}

GPtrArray *
pathway_returns_list_status (PathwayDocument *document, const GDate *today, GError **error)
{
  g_autoptr(GListModel) forms = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) by_lead = NULL;
  GDate day;

  g_return_val_if_fail (PATHWAY_IS_DOCUMENT (document), NULL);

  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    pathway_document_get_today (document, &day);

  forms = pathway_document_list_records (document, pathway_kind_lookup ("return-form"), FALSE,
                                         error);
  if (forms == NULL)
    return NULL;

  statuses = g_ptr_array_new_with_free_func (lead_status_free);
  by_lead = g_hash_table_new (g_direct_hash, g_direct_equal);
  /* The forms come in the order they were sent (of one day, as added), so the last of each
   * lead's is their latest. */
  for (guint i = 0; i < g_list_model_get_n_items (forms); i++)
    {
      g_autoptr(PathwayReturnForm) form = g_list_model_get_item (forms, i);
      PathwayPerson *lead = pathway_return_form_get_lead (form);
      PathwayReturnLeadStatus *status;

      if (lead == NULL)
        continue;
      status = g_hash_table_lookup (by_lead, lead);
      if (status == NULL)
        {
          status = g_new0 (PathwayReturnLeadStatus, 1);
          status->lead = g_object_ref (lead);
          g_hash_table_insert (by_lead, lead, status);
          g_ptr_array_add (statuses, status);
        }
      g_set_object (&status->form, form);
      status->n_forms++;
      if (pathway_return_form_get_returned (form) == NULL)
        status->n_outstanding++;
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      PathwayReturnLeadStatus *status = g_ptr_array_index (statuses, i);
      const GDate *due = pathway_return_form_get_due (status->form);

      if (pathway_return_form_get_returned (status->form) != NULL)
        status->state = PATHWAY_RETURN_RETURNED;
      else if (due != NULL && g_date_compare (due, &day) < 0)
        status->state = PATHWAY_RETURN_OVERDUE;
      else
        status->state = PATHWAY_RETURN_OUTSTANDING;
    }
  g_ptr_array_sort (statuses, compare_by_lead_name);
  return g_steal_pointer (&statuses);
}
