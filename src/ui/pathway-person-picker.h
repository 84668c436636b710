/* pathway-person-picker.h: a row that chooses one of the programme's people, or no one: it
 * looks like the combo rows around it, and its list is sorted by name and can be searched;
 * given the document, it can add a person too. Its accessible name says what is being chosen
 * and who is: "Lead: Priya Raman". */
#pragma once

#include <adwaita.h>
#include "pathway-document.h"

G_BEGIN_DECLS

#define PATHWAY_TYPE_PERSON_PICKER (pathway_person_picker_get_type ())
G_DECLARE_FINAL_TYPE (PathwayPersonPicker, pathway_person_picker, PATHWAY, PERSON_PICKER,
                      AdwActionRow)

/* What is chosen is the row's title ("Lead"). */
GtkWidget *pathway_person_picker_new (const char *title);
/* people: a list of PathwayPerson, followed as it changes; NULL for no one. */
void pathway_person_picker_set_people (PathwayPersonPicker *self, GListModel *people);
GListModel *pathway_person_picker_get_people (PathwayPersonPicker *self);
/* NULL: no one ("None"). */
void pathway_person_picker_set_selected (PathwayPersonPicker *self, PathwayPerson *person);
PathwayPerson *pathway_person_picker_get_selected (PathwayPersonPicker *self);
/* Whether "None" is offered (it is unless told otherwise). */
void pathway_person_picker_set_allow_none (PathwayPersonPicker *self, gboolean allow_none);
gboolean pathway_person_picker_get_allow_none (PathwayPersonPicker *self);
/* Given the document, and while it may be changed, the list ends with "Add Person…", which
 * adds a person through it and chooses them. NULL: no adding (the default). */
void pathway_person_picker_set_document (PathwayPersonPicker *self, PathwayDocument *document);
PathwayDocument *pathway_person_picker_get_document (PathwayPersonPicker *self);

G_END_DECLS
