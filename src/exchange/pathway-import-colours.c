/* pathway-import-colours.c: what a cell's fill says about a rating. Many trackers show a
 * rating by the cell's colour alone; the plan reads such a cell by the nearest of the colours
 * ratings are given in: the sheet's own colour key first, when it has one, then the colours
 * Pathway draws ratings in and those spreadsheets offer for them (Excel's standard Red,
 * Orange, Green and Blue, its Good, Neutral and Bad fills, the Office themes' accents, the
 * pale tints areas colour rows with).
 *
 * Colours are compared as people see them: in CIE L*a*b* by the CIEDE2000 difference, so a
 * dark and a light green are nearer each other than either is to a grey of the same
 * lightness. A white or nearly white fill is no colour (whole sheets are filled white to hide
 * the grid); a grey, black, purple or brown is near no rating, and the plan refuses to guess
 * it. */
#define G_LOG_DOMAIN "pathway-exchange"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pathway-exchange-private.h"

/* A colour within this difference of one of the sheet's own key is that key's meaning:
 * the shade may differ a little (a theme tint, another palette) and still be the same. */
#define KEY_DISTANCE 6.0
/* Beyond this from every rating's colour, a fill is not read as a rating. A purple is about
 * 14 from the nearest blue, a grey 11 or more from the palest tint, an orange-brown such as
 * C65911 12 from amber and 14 from red: too near both to guess. */
#define RATING_DISTANCE 12.0
/* Below this chroma a fill is a grey (white, black or between). */
#define GREY_CHROMA 10.0

typedef struct {
  double l, a, b;
} Lab;

/* The colours ratings are given in, by rating. */
static const struct {
  PathwayRating rating;
  guint32 rgb;
} palette[] = {
  /* Pathway's charts and chips, and the fills its export writes. */
  { PATHWAY_RATING_RED, 0xC01C28 },   { PATHWAY_RATING_AMBER, 0xE5A50A },
  { PATHWAY_RATING_GREEN, 0x1B7A44 }, { PATHWAY_RATING_BLUE, 0x1A5FB4 },
  { PATHWAY_RATING_RED, 0xC00000 },   { PATHWAY_RATING_AMBER, 0xFFC000 },
  { PATHWAY_RATING_GREEN, 0x00B050 }, { PATHWAY_RATING_BLUE, 0x0070C0 },
  /* Excel's other standard colours and the pure ones. */
  { PATHWAY_RATING_RED, 0xFF0000 },   { PATHWAY_RATING_AMBER, 0xFFFF00 },
  { PATHWAY_RATING_AMBER, 0xFFBF00 }, { PATHWAY_RATING_GREEN, 0x92D050 },
  { PATHWAY_RATING_GREEN, 0x00FF00 }, { PATHWAY_RATING_GREEN, 0x008000 },
  { PATHWAY_RATING_BLUE, 0x00B0F0 },  { PATHWAY_RATING_BLUE, 0x0000FF },
  { PATHWAY_RATING_BLUE, 0x002060 },
  /* Excel's Bad, Neutral and Good cell styles. */
  { PATHWAY_RATING_RED, 0xFFC7CE },   { PATHWAY_RATING_AMBER, 0xFFEB9C },
  { PATHWAY_RATING_GREEN, 0xC6EFCE },
  /* The Office themes' accents (2007 and 2013 on), which the colour picker offers first. */
  { PATHWAY_RATING_AMBER, 0xF79646 }, { PATHWAY_RATING_AMBER, 0xED7D31 },
  { PATHWAY_RATING_GREEN, 0x9BBB59 }, { PATHWAY_RATING_GREEN, 0x70AD47 },
  { PATHWAY_RATING_BLUE, 0x4F81BD },  { PATHWAY_RATING_BLUE, 0x4472C4 },
  { PATHWAY_RATING_BLUE, 0x5B9BD5 },  { PATHWAY_RATING_BLUE, 0x1F497D },
  /* Google Sheets' and the pale tints areas use. */
  { PATHWAY_RATING_RED, 0xE06666 },   { PATHWAY_RATING_RED, 0xF4CCCC },
  { PATHWAY_RATING_RED, 0xDA9694 },   { PATHWAY_RATING_AMBER, 0xFF9900 },
  { PATHWAY_RATING_AMBER, 0xFFD966 }, { PATHWAY_RATING_AMBER, 0xFFE699 },
  { PATHWAY_RATING_GREEN, 0xA9D08E }, { PATHWAY_RATING_GREEN, 0xC6E0B4 },
  { PATHWAY_RATING_BLUE, 0x9BC2E6 },  { PATHWAY_RATING_BLUE, 0xBDD7EE },
};

static double
linear (guint channel)
{
  double c = channel / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* sRGB to L*a*b* under D65. */
static Lab
to_lab (guint32 rgb)
{
  double r = linear ((rgb >> 16) & 0xFF), g = linear ((rgb >> 8) & 0xFF), b = linear (rgb & 0xFF);
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
  double fx = lab_f (x), fy = lab_f (y), fz = lab_f (z);

  return (Lab) { 116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz) };
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

static double
hue (double b, double a)
{
  double h;

  if (a == 0.0 && b == 0.0)
    return 0.0;
  h = atan2 (b, a) * 180.0 / G_PI;
  return h < 0.0 ? h + 360.0 : h;
}

/* CIEDE2000 (Sharma, Wu and Dalal's formulation). */
static double
difference (const Lab *x, const Lab *y)
{
  double c1 = hypot (x->a, x->b), c2 = hypot (y->a, y->b);
  double c_mean = (c1 + c2) / 2.0;
  double c7 = pow (c_mean, 7.0);
  double g = 0.5 * (1.0 - sqrt (c7 / (c7 + pow (25.0, 7.0))));
  double a1 = (1.0 + g) * x->a, a2 = (1.0 + g) * y->a;
  double c1p = hypot (a1, x->b), c2p = hypot (a2, y->b);
  double h1p = hue (x->b, a1), h2p = hue (y->b, a2);
  double dl = y->l - x->l, dc = c2p - c1p, dh = 0.0, big_dh, l_mean, cp_mean, h_mean, t;
  double d_theta, rc, sl, sc, sh, rt, cp7;

  if (c1p * c2p != 0.0)
    {
      dh = h2p - h1p;
      if (dh > 180.0)
        dh -= 360.0;
      else if (dh < -180.0)
        dh += 360.0;
    }
  big_dh = 2.0 * sqrt (c1p * c2p) * sin (radians (dh / 2.0));
  l_mean = (x->l + y->l) / 2.0;
  cp_mean = (c1p + c2p) / 2.0;
  if (c1p * c2p == 0.0)
    h_mean = h1p + h2p;
  else if (fabs (h1p - h2p) <= 180.0)
    h_mean = (h1p + h2p) / 2.0;
  else if (h1p + h2p < 360.0)
    h_mean = (h1p + h2p + 360.0) / 2.0;
  else
    h_mean = (h1p + h2p - 360.0) / 2.0;
  t = 1.0 - 0.17 * cos (radians (h_mean - 30.0)) + 0.24 * cos (radians (2.0 * h_mean)) +
      0.32 * cos (radians (3.0 * h_mean + 6.0)) - 0.20 * cos (radians (4.0 * h_mean - 63.0));
  d_theta = 30.0 * exp (-pow ((h_mean - 275.0) / 25.0, 2.0));
  cp7 = pow (cp_mean, 7.0);
  rc = 2.0 * sqrt (cp7 / (cp7 + pow (25.0, 7.0)));
  sl = 1.0 + 0.015 * pow (l_mean - 50.0, 2.0) / sqrt (20.0 + pow (l_mean - 50.0, 2.0));
  sc = 1.0 + 0.045 * cp_mean;
  sh = 1.0 + 0.015 * cp_mean * t;
  rt = -sin (radians (2.0 * d_theta)) * rc;
  return sqrt (pow (dl / sl, 2.0) + pow (dc / sc, 2.0) + pow (big_dh / sh, 2.0) +
               rt * (dc / sc) * (big_dh / sh));
}

/* The palette in L*a*b*, worked out once: every plan of every change in the dialog reads
 * fills. */
static const Lab *
palette_lab (void)
{
  static Lab lab[G_N_ELEMENTS (palette)];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
        lab[i] = to_lab (palette[i].rgb);
      g_once_init_leave (&done, 1);
    }
  return lab;
}

gboolean
pathway_import_fill_is_blank (guint32 rgb)
{
  Lab lab = to_lab (rgb);

  /* White, a pale grey or a cream: the paper, not a colour. */
  return lab.l >= 90.0 && hypot (lab.a, lab.b) < 8.0;
}

static PathwayRatingWord
word_for (PathwayRating rating)
{
  return rating == PATHWAY_RATING_BLUE ? PATHWAY_RATING_WORD_BLUE : PATHWAY_RATING_WORD_COLOUR;
}

gboolean
pathway_import_read_fill (GArray *key, guint32 rgb, PathwayRatingWord *word,
                          PathwayRating *rating)
{
  Lab lab = to_lab (rgb & 0xFFFFFF);
  const Lab *reference = palette_lab ();
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  if (pathway_import_fill_is_blank (rgb))
    return FALSE;

  /* The sheet's own key says what its colours mean, whatever they are. */
  for (guint i = 0; key != NULL && i < key->len; i++)
    {
      const PathwayColourMeaning *meaning = &g_array_index (key, PathwayColourMeaning, i);
      Lab other = to_lab (meaning->rgb);
      double d = difference (&lab, &other);

      if (d < best)
        {
          best = d;
          best_index = i;
        }
    }
  if (key != NULL && best <= KEY_DISTANCE)
    {
      const PathwayColourMeaning *meaning = &g_array_index (key, PathwayColourMeaning,
                                                            best_index);

      *word = meaning->word;
      *rating = meaning->rating;
      return TRUE;
    }

  if (hypot (lab.a, lab.b) < GREY_CHROMA)
    return FALSE;
  best = G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      double d = difference (&lab, &reference[i]);

      if (d < best)
        {
          best = d;
          best_index = i;
        }
    }
  if (best > RATING_DISTANCE)
    return FALSE;
  *rating = palette[best_index].rating;
  *word = word_for (*rating);
  return TRUE;
}

const char *
pathway_import_fill_name (guint32 rgb)
{
  Lab lab = to_lab (rgb & 0xFFFFFF);
  double h;

  if (hypot (lab.a, lab.b) < GREY_CHROMA)
    {
      if (lab.l >= 90.0)
        return _("white");
      if (lab.l <= 20.0)
        return _("black");
      return _("grey");
    }
  /* By the hue angle in L*a*b*: red near 40°, Excel's orange near 80°, yellow near 100°, green near 135°, blue near
   * 300°. */
  h = hue (lab.b, lab.a);
  if (h < 20.0 || h >= 340.0)
    return _("pink");
  if (h < 50.0)
    return lab.l < 35.0 ? _("brown") : _("red");
  if (h < 90.0)
    return lab.l < 50.0 ? _("brown") : _("orange");
  if (h < 115.0)
    return _("yellow");
  if (h < 170.0)
    return _("green");
  if (h < 230.0)
    return _("turquoise");
  if (h < 310.0)
    return _("blue");
  return _("purple");
}
