/* pathway-demo-log.c: the demo programme's risk and issue log, its "you said, we did" entries
 * and the plain-language summaries written for its public version.
 *
 * Like the rest of the demo, everything is written through the document API from text, as the
 * command line would write it, at the month's update day: the log is reviewed each month after
 * the tracker, so risks are raised, rescored, escalated and closed over the eighteen months,
 * and some move after the board's September 2026 meeting, so the pack for November shows
 * what moved. Co-production entries are dated when families said something and recorded at the
 * next month end. */

#define G_LOG_DOMAIN "pathway-demo"

#include "pathway-demo-private.h"

/* A risk as first raised: its month (0 is May 2025) and its fields as text. */
typedef struct {
  int month;
  const char *reference;
  const char *kind;
  const char *title;
  const char *description;
  const char *owner;
  const char *workstream;
  const char *actions;
  const char *likelihood, *impact, *residual_likelihood, *residual_impact;
  const char *proximity;
  const char *review_date;
  const char *response;
  const char *response_owner;
  const char *raised_from;
} RiskStub;

static const RiskStub risks[] = {
  { 0, "R01", "risk", "Not enough educational psychologists to give advice within six weeks",
    "Three of eleven educational psychologist posts are vacant and agency cover is hard to find. "
    "Without their advice, needs assessments cannot finish within 20 weeks.",
    "Joanne Fairclough", "B", "2A i, 2A ii", "4", "5", "3", "3", "Now",
    "2026-12-16",
    "Market supplement agreed for hard-to-fill posts; two trainee psychologists sponsored each "
    "year; a framework agreement with two agencies for short-term cover.",
    "Daniel Okoro", NULL },
  { 0, "R02", "risk", "The new case management system is late or does not work for families",
    "The move of EHC casework to the new system depends on the supplier, data migration and "
    "training. A late or poor launch would delay plans and the family portal.",
    "Mark Pennington", "B", "2A v", "3", "4", "2", "3", "Within 6 months",
    "2026-12-09",
    "Fortnightly checkpoint with the supplier; data cleansed before migration; the old system "
    "kept read-only for three months after go-live.",
    "Gareth Lloyd", NULL },
  { 0, "R03", "risk", "Demand for EHC needs assessments keeps rising faster than capacity",
    "Requests rose by a fifth in the last year. If the rise continues, the extra coordinators "
    "will not be enough to keep assessments within 20 weeks.",
    "Daniel Okoro", "B", "2A vi", "4", "4", "3", "3", "Within 12 months", "2027-01-13",
    "Monthly forecast of requests by locality; the panel's decisions audited for consistency; "
    "more support in schools before a request is needed.",
    "Mark Pennington", NULL },
  { 1, "R04", "risk", "The ICB cannot fund extra autism assessment capacity beyond March 2026",
    "The independent provider's contract is funded from one-off money. Without recurrent "
    "funding, waits will rise again when it ends.",
    "Nicola Brennan", "C", "3A i, 3A iii", "3", "5", "2", "4", "Within 12 months",
    "2026-12-16",
    "Business case for recurrent funding to the ICB's investment committee; the redesigned "
    "pathway to take more children through a single front door.",
    "Dr Fiona McAllister", NULL },
  { 1, "R05", "dependency", "The section 75 pooled budget for therapies needs both boards' "
    "agreement",
    "The joint therapy specification and the single waiting list depend on the council's cabinet "
    "and the ICB board both approving the pooled budget.",
    "Samuel Whitlock", "D", "4B ii, 3B iii", "3", "4", "2", "2", "Within 6 months",
    "2026-11-25",
    "Legal agreement drafted with both legal teams; papers timed for the same cycle of "
    "meetings; the cabinet member briefed.",
    "Nicola Brennan", NULL },
  { 2, "R06", "risk", "Families lose trust if co-production is seen as consultation after "
    "decisions",
    "The parent carer forum has warned that families will disengage if they are asked for views "
    "after plans are already made.",
    "Aisha Begum", "A", "1A v, 1C i", "3", "4", "2", "3", "Now", "2027-01-13",
    "Co-production charter applied to every workstream; the forum's chair sits on the board; "
    "\"you said, we did\" published each term.",
    "Louise Carver", NULL },
  { 3, "R07", "risk", "Data cannot be shared between the council, the ICB and the trusts",
    "Without a data processing agreement the shared dashboard cannot show health waiting times "
    "by child, and joint planning rests on estimates.",
    "Gareth Lloyd", "D", "4A iii, 4A ii", "4", "3", "2", "2", "Within 3 months", "2026-11-11",
    "Information governance leads of each partner meet fortnightly; a data protection impact "
    "assessment drafted; an interim feed of counts without names.",
    "Samuel Whitlock", NULL },
  { 4, "R08", "assumption", "Schools will release SENCos for training and assessment "
    "observations",
    "The plan assumes that schools can free SENCos and teaching assistants for training and to "
    "contribute to autism assessments.",
    "Claire Donnelly", "B", "2E ii, 3A v", "2", "3", "2", "2", "Within 12 months",
    "2027-02-10",
    "Training offered twilight and online; funded cover for small schools; checked each term "
    "with the SENCo network.",
    "Andrew Cole", NULL },
  { 5, "R09", "risk", "Too few local specialist places, so children travel far or go to "
    "independent schools",
    "Meadowbank School is full and the resourced provisions are not yet open. Children may be "
    "placed far from home at high cost.",
    "Samuel Whitlock", "D", "4D i, 4D ii", "4", "4", "3", "3", "Within 12 months",
    "2026-12-16",
    "Capital programme for 40 places at Meadowbank; two resourced provisions opening in "
    "September 2026; placements reviewed monthly.",
    "Daniel Okoro", NULL },
  { 7, "R10", "risk", "Young people reach 18 without a plan for moving to adult health "
    "services",
    "The transition protocol between children's and adult health services is not agreed, so "
    "young people with complex needs may lose care at 18.",
    "Rachel Osei", "E", "5C ii", "4", "4", "2", "3", "Now", "2026-11-30",
    "Named transition lead in each trust; a register of young people aged 16 and over with "
    "complex health needs; the protocol escalated to the ICB's chief nursing officer.",
    "Dr Fiona McAllister", NULL },
  { 9, "R11", "risk", "Council budget savings reduce the SEND service",
    "The council's medium-term financial plan asks every directorate for savings. Cuts to the "
    "SEN service would undo the gains in timeliness.",
    "Helen Ashworth", "D", "", "3", "5", "2", "4", "Within 12 months", "2027-03-10",
    "SEND improvement protected in the budget proposals; the board's chair briefs the cabinet "
    "before each budget round.",
    "Cllr Margaret Hughes", NULL },
  { 12, "R12", "issue", "Speech and language therapy waits above 18 weeks in two localities",
    "Vacancies in the north and east teams have pushed waits beyond the standard for new "
    "referrals.",
    "Kevin Marsh", "C", "3B i, 3B ii", "5", "3", "3", "2", "Now", "2026-11-25",
    "Agency therapists in the two localities until March; referrals triaged so that the most "
    "urgent are seen first; families given advice while they wait.",
    "Kevin Marsh", NULL },
  { 14, "R13", "risk", "The local offer's new website is not accessible to all families",
    "If the rebuilt site is not tested with disabled users and families who speak other "
    "languages, many will still not find what they need.",
    "Tom Hardcastle", "E", "5A i, 5A vi", "3", "3", "2", "2", "Within 6 months", "2027-01-13",
    "Testing with the parent carer forum, the young people's reference group and a disabled "
    "users' panel before launch; an accessibility audit in the contract.",
    "Aisha Begum", NULL },
  { 16, "R14", "issue", "Autism assessment waits rose after the independent contract paused",
    "The independent provider paused new assessments in September while its contract was "
    "renewed, and the number waiting rose by 60.",
    "Dr Sarah Lindqvist", "C", "3A i, 3A iii", "4", "4", "3", "3", "Now", "2026-12-09",
    "Contract extension signed in October; a weekend clinic added for the longest waits; "
    "families told of the delay and of support while they wait.",
    "Nicola Brennan", "R04" },
  { 17, "R15", "risk", "Annual reviews fall behind as plan numbers rise",
    "With 400 more plans than two years ago, annual reviews risk falling overdue again once "
    "the backlog team ends in March.",
    "Mark Pennington", "B", "2D i, 2D iv", "3", "3", "2", "2", "Within 6 months",
    "2027-01-13",
    "Review meetings scheduled a term ahead; schools given the standard pack; a monthly report "
    "of reviews due and overdue to the programme group.",
    "Mark Pennington", NULL },
};

/* A change made at a month's review: a field as text, and the note that says why. */
typedef struct {
  int month;
  const char *reference;
  const char *field;
  const char *value;
  const char *note;
} RiskChange;

static const RiskChange changes[] = {
  { 3, "R01", "likelihood", "5", "Two more psychologists resigned in July." },
  { 6, "R02", "likelihood", "4", "The supplier has missed two milestones." },
  { 8, "R01", "likelihood", "4", "Three posts filled from the September recruitment." },
  { 9, "R07", "status", "escalated", "Escalated to the board: no agreement after six months." },
  { 10, "R04", "likelihood", "4", "The ICB's financial plan for 2026-27 has no money for it." },
  { 11, "R06", "likelihood", "2", "The forum reports that families see changes from what they "
    "said." },
  { 12, "R05", "likelihood", "4", "The ICB board deferred its decision to July." },
  { 13, "R03", "impact", "5", "Requests rose by a further 12% in the spring term." },
  { 14, "R02", "status", "escalated", "Go-live moved to January 2027; escalated to the board." },
  { 15, "R12", "likelihood", "4", "One locality's waits now back within 18 weeks." },
  { 15, "R08", "status", "closed", "Schools released SENCos for every session this year; the "
    "assumption held." },
  /* After the board's September 2026 meeting: what the November pack reports as moved. */
  { 16, "R09", "likelihood", "3", "Both resourced provisions opened in September." },
  { 16, "R10", "likelihood", "5", "Four young people turned 18 this term without a transition "
    "plan." },
  { 16, "R10", "status", "escalated", "Escalated to the board after the September meeting." },
  { 17, "R01", "likelihood", "3", "All but one post filled; agency cover ended in October." },
  { 17, "R01", "impact", "4", "Advice now returned within six weeks in 85% of cases." },
  { 17, "R05", "status", "closed", "Section 75 agreement signed by both boards in October." },
  { 17, "R12", "impact", "2", "Agency therapists in post in both localities." },
  { 17, "R07", "likelihood", "3", "Data processing agreement signed by three of four partners." },
  { 17, "R04", "status", "closed", "Superseded by issue R14 now that the contract has paused." },
};

/* An entry of "you said, we did", its fields as text; recorded at the month end after it. */
typedef struct {
  const char *date;
  const char *audience;
  const char *who;
  const char *responses;
  const char *said;
  const char *will_do;
  const char *did;
  const char *status;
  const char *actions;
  const char *areas;
  const char *public;
} CoproductionStub;

static const CoproductionStub entries[] = {
  { "2025-06-18", "parent-carers", "Parent carer forum steering group", NULL,
    "Parents do not know who is dealing with their child's assessment or how to reach them.",
    "Give every family a named coordinator with a direct phone number and email.",
    "Every family in an assessment now has a named coordinator, written in the first letter.",
    "done", "2A ii", "2", NULL },
  { "2025-07-09", "young-people", "Young people's SEND reference group", NULL,
    "Meetings about us are full of words we do not understand, and nobody asks us first.",
    "Write a plain-words guide with the group and ask young people before each review.",
    "The group wrote \"Your plan, your words\"; coordinators use it in every annual review.",
    "done", "1B i, 1B iii", "1", NULL },
  { "2025-09-30", "survey", "Annual survey of parents and carers", "412",
    "Only one parent in three found the local offer useful; many did not know it existed.",
    "Rebuild the local offer with families and test it with them before it goes live.",
    "A parents' testing group has tried every page of the new site; launch is planned for "
    "spring.",
    "acting", "5A i, 5A v", "5", NULL },
  { "2025-10-15", "schools", "SENCo network", NULL,
    "Schools wait months for an educational psychologist and have no advice while they wait.",
    "Offer a weekly consultation line for SENCos run by the psychology service.",
    "The consultation line opened in January and takes about 30 calls a month.",
    "done", "2E ii", "2", NULL },
  { "2025-12-03", "parent-carers", "Parent carer forum: families waiting for autism "
    "assessment", NULL,
    "Families waiting for an autism assessment get no help until there is a diagnosis.",
    "Publish what support is open to every family while they wait, and check in with them.",
    "A \"support while you wait\" offer is on the local offer and families waiting more than 26 "
    "weeks are called each quarter.",
    "done", "3D i, 3D iii", "3", NULL },
  { "2026-01-21", "young-people", "Youth Council", NULL,
    "We want a say in which activities are funded in the holidays.",
    "Young people will sit on the panel that chooses holiday activity providers.",
    "Two young people sat on the panel for the summer 2026 programme.",
    "done", "5D ii", "5", NULL },
  { "2026-03-11", "practitioners", "Health visitors and school nurses", NULL,
    "Health professionals are asked for advice for plans with too little notice.",
    "Send health providers a request for advice on the day an assessment is agreed.",
    "Requests now go through the shared inbox on the same day.",
    "done", "2C v", "2", NULL },
  { "2026-04-22", "parent-carers", "Parent carer forum", NULL,
    "The council should translate all of its SEND letters into every community language.",
    "Translate the key pages of the local offer into the five most spoken languages.",
    "Not done for every letter: the cost of translating every letter is too high this year. We "
    "offer an interpreter for any meeting, and key pages are being translated.",
    "not-done", "5A vi", "5", NULL },
  { "2026-06-30", "survey", "Young people's survey on preparing for adulthood", "138",
    "Young people over 16 want to hear about jobs and college from people like them.",
    "Ask former supported interns to speak at the annual reviews of year 9 pupils.",
    "Eight former interns have spoken at 40 reviews since September.",
    "done", "5C iii, 5C v", "5", NULL },
  { "2026-09-24", "parent-carers", "Parent carer forum annual conference", NULL,
    "Annual reviews still happen without the health professionals who know the child.",
    "Ask health providers to send written advice when they cannot attend, and report how often.",
    NULL, "acting", "2C iv", "2", NULL },
  { "2026-10-08", "survey", "Annual survey of parents and carers", "486",
    "More parents are satisfied with the assessment service, but many still do not hear back "
    "when they call.",
    "Set service standards for answering calls and emails and publish how well they are met.",
    NULL, "acting", "1C v", "1", NULL },
  { "2026-10-14", "schools", "Special school headteachers", NULL,
    "Therapy in special schools stops when therapists leave and posts are not filled.",
    "Agree one therapy specification across the partnership and fill posts through a shared "
    "bank.",
    NULL, "heard", "3B iii, 3B vi", "3", NULL },
  { "2026-10-20", "young-people", "Young people's SEND reference group", NULL,
    "We were asked about the new website, but we do not know what happened to our ideas.",
    "Show the group what changed on the site because of them before it launches.",
    NULL, "heard", "5A i", "1, 5", "no" },
};

/* The public version's words: what each area of weakness means for families, and what some
 * actions will change. */
typedef struct {
  const char *reference;
  const char *summary;
} PublicSummary;

static const PublicSummary area_summaries[] = {
  { "1", "Inspectors found that families and young people were not asked often enough about "
    "the services they use, and did not hear what changed because of what they said. We are "
    "making sure families help plan and check every part of this work." },
  { "2", "Inspectors found that too many education, health and care plans took longer than 20 "
    "weeks, and that some plans were vague or out of date. We are making plans quicker, "
    "clearer and reviewed on time." },
  { "3", "Inspectors found that children waited too long for autism assessments and therapy, "
    "with little help while waiting. We are cutting waits and offering support while families "
    "wait." },
  { "4", "Inspectors found that the council and the NHS did not plan services together well "
    "enough. We now plan and pay for services together and check progress as one partnership." },
  { "5", "Inspectors found that information for families was hard to find and that young people "
    "were not well prepared for adult life. We are rebuilding the local offer and planning "
    "with young people from the age of 14." },
};

static const PublicSummary action_summaries[] = {
  { "1A i", "A charter, agreed with parents and carers, on how we plan services together." },
  { "1A v", "A new SEND strategy written with families, young people and schools." },
  { "1B i", "A group of young people aged 11 to 25 who advise us on everything we do." },
  { "1B iii", "Children's own views written into every annual review of their plan." },
  { "1C i", "A \"you said, we did\" report each term on the local offer." },
  { "1C v", "Standards for how quickly we answer families' calls and emails." },
  { "2A i", "More coordinators, so that each family's case gets the time it needs." },
  { "2A ii", "Every family waiting for an assessment has a named coordinator." },
  { "2A v", "A new online portal where families can follow their child's assessment." },
  { "2B iii", "A clearer plan, written with families, that says exactly what help a child "
    "gets." },
  { "2C iv", "Health professionals taking part in the reviews of children with complex "
    "needs." },
  { "2D i", "Catching up on every overdue annual review." },
  { "3A i", "More autism assessments, to bring waiting times down." },
  { "3A iii", "Autism assessments starting within 13 weeks of a referral." },
  { "3B ii", "More occupational therapists and an advice line for parents and schools." },
  { "3D i", "Support open to every family while they wait for an assessment." },
  { "4A ii", "One set of figures shared by the council and the NHS, checked every month." },
  { "4B ii", "The council and the NHS paying for therapy services from one budget." },
  { "4D ii", "Forty more places at Meadowbank School, so that children can learn nearer "
    "home." },
  { "5A i", "A new local offer website, tested with parents and young people." },
  { "5A vi", "Key pages of the local offer in the five most spoken community languages." },
  { "5C ii", "A plan for every young person moving from children's to adult health "
    "services." },
  { "5C iii", "Forty supported internships a year with local employers." },
};

/* The people who may be named in public: those who sign the plan off. */
static const char *const public_people[] = { "Helen Ashworth", "Cllr Margaret Hughes" };

static gboolean
add_fields (PathwayDocument *doc, const char *kind, const char *const *fields,
            const char *const *values, GError **error)
{
  return pathway_document_add_fields (doc, pathway_kind_lookup (kind), fields, values, NULL,
                                      error);
}

static gboolean
set_field (PathwayDocument *doc, const char *kind, const char *name, const char *field,
           const char *value, const char *note, GError **error)
{
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };
  g_autoptr (GObject) record = pathway_document_find_record (doc, pathway_kind_lookup (kind),
                                                             name, error);

  return record != NULL &&
         pathway_document_set_fields (doc, record, fields, values, note, error);
}

static gboolean
write_risk (PathwayDocument *doc, const RiskStub *stub, GError **error)
{
  const char *fields[18];
  const char *values[18];
  guint n = 0;

#define FIELD(name, value) \
  if ((value) != NULL && *(value) != '\0') \
    { fields[n] = (name); values[n] = (value); n++; }
  FIELD ("reference", stub->reference);
  FIELD ("kind", stub->kind);
  FIELD ("title", stub->title);
  FIELD ("description", stub->description);
  FIELD ("owner", stub->owner);
  FIELD ("workstream", stub->workstream);
  FIELD ("actions", stub->actions);
  FIELD ("likelihood", stub->likelihood);
  FIELD ("impact", stub->impact);
  FIELD ("residual-likelihood", stub->residual_likelihood);
  FIELD ("residual-impact", stub->residual_impact);
  FIELD ("proximity", stub->proximity);
  FIELD ("review-date", stub->review_date);
  FIELD ("response", stub->response);
  FIELD ("response-owner", stub->response_owner);
  FIELD ("raised-from", stub->raised_from);
#undef FIELD
  fields[n] = NULL;
  values[n] = NULL;
  return add_fields (doc, "risk", fields, values, error);
}

static gboolean
write_entry (PathwayDocument *doc, const CoproductionStub *stub, GError **error)
{
  const char *fields[12];
  const char *values[12];
  guint n = 0;

#define FIELD(name, value) \
  if ((value) != NULL) \
    { fields[n] = (name); values[n] = (value); n++; }
  FIELD ("date", stub->date);
  FIELD ("audience", stub->audience);
  FIELD ("who", stub->who);
  FIELD ("responses", stub->responses);
  FIELD ("said", stub->said);
  FIELD ("will-do", stub->will_do);
  FIELD ("did", stub->did);
  FIELD ("status", stub->status);
  FIELD ("actions", stub->actions);
  FIELD ("areas", stub->areas);
  FIELD ("public", stub->public);
#undef FIELD
  fields[n] = NULL;
  values[n] = NULL;
  return add_fields (doc, "coproduction", fields, values, error);
}

/* The month of a YYYY-MM-DD date, counted from May 2025. */
static int
month_of_date (const char *date)
{
  int year = (int) g_ascii_strtoll (date, NULL, 10);
  int month = (int) g_ascii_strtoll (date + 5, NULL, 10);
  int day = (int) g_ascii_strtoll (date + 8, NULL, 10);
  int index = (year - 2025) * 12 + (month - 5);

  /* Said after a month's update day, it is recorded at the next. */
  return day > 28 ? index + 1 : index;
}

gboolean
pathway_demo_write_log (PathwayDocument *doc, int month, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (risks); i++)
    if (risks[i].month == month && !write_risk (doc, &risks[i], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (changes[i].month == month &&
        !set_field (doc, "risk", changes[i].reference, changes[i].field, changes[i].value,
                    changes[i].note, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (month_of_date (entries[i].date) == month && !write_entry (doc, &entries[i], error))
      return FALSE;
  return TRUE;
}

gboolean
pathway_demo_write_public_summaries (PathwayDocument *doc, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (area_summaries); i++)
    if (!set_field (doc, "area", area_summaries[i].reference, "public-summary",
                    area_summaries[i].summary, NULL, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (action_summaries); i++)
    if (!set_field (doc, "action", action_summaries[i].reference, "public-summary",
                    action_summaries[i].summary, NULL, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (public_people); i++)
    if (!set_field (doc, "person", public_people[i], "public", "yes", NULL, error))
      return FALSE;
  return TRUE;
}
