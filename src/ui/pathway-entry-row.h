/* pathway-entry-row.h: a row of a preferences group holding a titled text entry. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATHWAY_TYPE_ENTRY_ROW (pathway_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (PathwayEntryRow, pathway_entry_row, PATHWAY, ENTRY_ROW, AdwPreferencesRow)

GtkWidget *pathway_entry_row_new (void);
GtkWidget *pathway_entry_row_new_password (void);

void pathway_entry_row_add_prefix (PathwayEntryRow *self,
                                   GtkWidget       *widget);
void pathway_entry_row_add_suffix (PathwayEntryRow *self,
                                   GtkWidget       *widget);
void pathway_entry_row_remove (PathwayEntryRow *self,
                               GtkWidget       *widget);

GtkEntry *pathway_entry_row_get_entry (PathwayEntryRow *self);

gboolean pathway_entry_row_get_show_apply_button (PathwayEntryRow *self);
void pathway_entry_row_set_show_apply_button (PathwayEntryRow *self,
                                              gboolean         show_apply_button);

gboolean pathway_entry_row_get_activates_default (PathwayEntryRow *self);
void pathway_entry_row_set_activates_default (PathwayEntryRow *self,
                                              gboolean         activates_default);

GtkInputPurpose pathway_entry_row_get_input_purpose (PathwayEntryRow *self);
void pathway_entry_row_set_input_purpose (PathwayEntryRow *self,
                                          GtkInputPurpose  purpose);

gboolean pathway_entry_row_get_password (PathwayEntryRow *self);
void pathway_entry_row_set_password (PathwayEntryRow *self,
                                     gboolean         password);

const char *pathway_entry_row_get_entry_label (PathwayEntryRow *self);
void pathway_entry_row_set_entry_label (PathwayEntryRow *self,
                                        const char      *entry_label);

G_END_DECLS
