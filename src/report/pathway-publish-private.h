/* pathway-publish-private.h: the public version of the plan as the writers read it. The
 * programme is read once (pathway-publish.c) into plain structs holding only what may be
 * published, already in words, and the two writers (pathway-publish-html.c for the site,
 * pathway-publish-pdf.c for the PDF) only lay that out: neither looks at the programme, so
 * neither can print a field that was not chosen here. Only src/report includes this. */
#pragma once

#include "pathway-publish.h"

G_BEGIN_DECLS

/* An action as published: by its plain-language summary. */
typedef struct {
  char *summary;
  gboolean done;
  PathwayRating rating;   /* NONE when ratings are not published, and for a done action */
  char *due;              /* "March 2027", "Spring Term 2027", "Ongoing"; NULL: no timescale */
  char *first_planned;    /* the original timescale when a revised one replaced it; or NULL */
  gboolean late;          /* its date has passed and it is not done */
  char *lead;             /* "Helen Ashworth, Director of Children's Services" for a lead
                           * marked public; NULL otherwise */
  GDate due_date;         /* for the order of "What is next"; invalid when undated */
} PublishAction;

/* A "you said, we did" entry marked public. */
typedef struct {
  char *id;               /* the HTML id of its place on the "You said, we did" page */
  GDate date;
  char *date_words;       /* "12 March 2026" */
  char *who;              /* "Parent carer forum: steering group", "Survey (213 responses)" */
  char *said;
  char *will_do;          /* may be "" */
  char *did;              /* what was done, or why not; may be "" */
  PathwayResponseStatus status;
  GPtrArray *areas;       /* PublishArea, not owned: the areas it is about */
} PublishEntry;

typedef struct {
  char *file;             /* "area-1.html" */
  char *number;           /* "Area of significant weakness 1" */
  char *title;            /* the area's title */
  char *summary;          /* the plain-language summary; "" while it is being written */
  char *finding;          /* the inspectors' words */
  char *commitment;       /* what the area committed to do; may be "" */
  guint n_actions;        /* all its live actions */
  guint n_done;
  guint counts[PATHWAY_N_RATINGS]; /* its open actions by rating, when ratings are published */
  guint n_unsummarised;   /* its actions without a public summary, counted not shown */
  GPtrArray *done;        /* PublishAction with a summary, done */
  GPtrArray *next;        /* PublishAction with a summary, not done, by due date */
  GPtrArray *entries;     /* PublishEntry, not owned, newest first */
} PublishArea;

typedef struct {
  double julian;
  double value;
  char *month;            /* "October 2026" */
  char *value_text;       /* "56.9%" */
} PublishPoint;

typedef struct {
  char *id;               /* "figure-1" */
  char *name;
  char *definition;       /* may be "" */
  char *sentences;        /* the latest figure, the aim, the plan and the baseline, in words */
  char *aim;              /* "60% by March 2027"; NULL without a target */
  double target;          /* NAN without one */
  char *target_text;      /* "60%" */
  gboolean higher_is_better;
  PathwayUnit unit;
  GArray *points;         /* PublishPoint, by date */
  char *chart_summary;    /* the chart in one or two sentences, for its caption */
  PathwayIndicator *indicator; /* for the PDF's chart */
} PublishIndicator;

typedef struct {
  PathwayDocument *document;
  GDate published;
  char *published_words;  /* "7 December 2026" */
  char *published_iso;    /* "2026-12-07" */
  gboolean ratings;       /* the programme's public-ratings */
  char *site_name;        /* "Sallowmere SEND improvement plan" */
  char *introduction;     /* who inspected what, when, and what the site holds */
  char *partners;         /* may be "" */
  GPtrArray *partner_list; /* char *, the partners one by one */
  char *vision;           /* may be "" */
  GPtrArray *areas;       /* PublishArea, in the plan's order */
  GPtrArray *entries;     /* PublishEntry, newest first */
  GPtrArray *indicators;  /* PublishIndicator */
  guint n_actions, n_done;
  guint counts[PATHWAY_N_RATINGS];
  char *previous_words;   /* the day of the publication before, "4 November 2026"; NULL: first */
  GPtrArray *changes;     /* char *, what changed since then */
  char *contents;         /* a line per published item, kept in the record */
} PublishPlan;

void publish_plan_free (PublishPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PublishPlan, publish_plan_free)

/* The pages of the site, in the order of its contents list: the index, each area, the
 * figures, "You said, we did". */
typedef enum {
  PUBLISH_PAGE_INDEX,
  PUBLISH_PAGE_AREA,
  PUBLISH_PAGE_FIGURES,
  PUBLISH_PAGE_SAID,
} PublishPageKind;

#define PUBLISH_FIGURES_FILE "figures.html"
#define PUBLISH_SAID_FILE "you-said-we-did.html"
#define PUBLISH_STYLE_FILE "style.css"

/* A file of the site: its name in the folder and its bytes. */
typedef struct {
  char *name;
  GBytes *bytes;
} PublishFile;

void publish_file_free (PublishFile *file);

/* The site's files (PublishFile): every page and the stylesheet. pdf_pages is the PDF's page
 * count, for the download link. */
GPtrArray *publish_write_html (PublishPlan *plan, guint pdf_pages);
/* The PDF of the same content, as bytes; dated the publish day, so the same plan gives the
 * same bytes. */
GBytes *publish_write_pdf (PublishPlan *plan, guint *n_pages, GError **error);

/* The value axis of a figure's chart, the same on the site and in the PDF: from nought unless
 * the figures are far from it, to a round step above the highest figure or the aim. */
void publish_chart_scale (const PublishIndicator *indicator, double *lo, double *hi,
                          double *step);
/* A value on that axis: "60%", "20". */
char *publish_chart_tick (const PublishIndicator *indicator, double value);
/* Whether point 'index' is joined to the one before (no month missing between them). */
gboolean publish_chart_joins (const PublishIndicator *indicator, guint index);

/* Strings a page shows that both writers share. */
/* What a rating's public words mean, for the key. */
const char *publish_rating_meaning (PathwayRating rating);
const char *publish_status_words (PathwayResponseStatus status);
/* "Due by March 2027", "Was due by March 2026, not yet done", "Ongoing" */
char *publish_action_when (const PublishAction *action);
/* The partners in words: "A, B and C". */
char *publish_partners_words (PublishPlan *plan);

G_END_DECLS
