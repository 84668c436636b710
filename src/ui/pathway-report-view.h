/* pathway-report-view.h: the Board report view: the board pack for a meeting as it will
 * print, page by page, beside the report settings kept with that meeting, with Export PDF,
 * Print and Present. */
#pragma once

#include <adwaita.h>
#include "pathway-view.h"
#include "pathway-pack.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_REPORT_VIEW (pathway_report_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwayReportView, pathway_report_view, PATHWAY, REPORT_VIEW,
                      PathwayView)

GtkWidget *pathway_report_view_new (void);
/* The pack shown (made now if changes are pending), or NULL when there is no meeting. */
PathwayPack *pathway_report_view_get_pack (PathwayReportView *self);
/* The page shown, from 0. */
guint pathway_report_view_get_page (PathwayReportView *self);
/* Prints the pack through GtkPrintOperation to a PDF file, as the print dialog's "Print to
 * File" would. */
gboolean pathway_report_view_print_to_file (PathwayReportView *self, const char *pdf_path,
                                            GError **error);

G_END_DECLS
