/* pathway-demo.c: writes the demo programme of Sallowmere, a fictional English local area.
 *
 * Everything goes through the document API, as a user's own edits would, so the file is an
 * honest example of what Pathway writes: five areas of weakness, five workstreams, 110
 * actions, then eighteen month-end updates (May 2025 to October 2026) in which ratings
 * improve, some actions slip, timescales are revised, commentary is written and indicators
 * are read, with a board meeting every few months. The document's clock is set before every
 * dated write and the story's chance events come from a GRand with a fixed seed, so two runs
 * give the same file. */

#define G_LOG_DOMAIN "pathway-demo"

#include <math.h>
#include <string.h>

#include "pathway-backup.h"
#include "pathway-demo.h"
#include "pathway-demo-private.h"
#include "pathway-document.h"

/* The updates run from May 2025 (month 0) to October 2026 (month 17). */
#define N_MONTHS 18
#define FIRST_YEAR 2025
#define FIRST_MONTH 5
#define UPDATE_DAY 28

#define PLAN_SEED 20250314
#define TEXT_SEED 20250509
#define READING_SEED 20250822

/* Organisations and people --------------------------------------------------------------- */

typedef enum {
  O_COUNCIL,
  O_ICB,
  O_COMMUNITY,
  O_MENTAL_HEALTH,
  O_HOSPITALS,
  O_FORUM,
  O_SPECIAL_SCHOOL,
  O_PRIMARY_SCHOOL,
  O_COLLEGE,
  O_SENDIASS,
} Organisation;

typedef struct {
  const char *name;
  const char *short_name; /* as commentary refers to it */
  const char *mail_domain; /* its people's email addresses end in this */
} OrganisationStub;

static const OrganisationStub organisations[] = {
  [O_COUNCIL] = { "Sallowmere Borough Council", "the council", "sallowmere.gov.uk" },
  [O_ICB] = { "NHS Sallowmere and Kell Valley Integrated Care Board", "the ICB", "nhs.net" },
  [O_COMMUNITY] = { "Sallowmere Community Health NHS Trust", "the community health trust",
                      "nhs.net" },
  [O_MENTAL_HEALTH] = { "Kell Valley Mental Health NHS Foundation Trust",
                        "the mental health trust", "nhs.net" },
  [O_HOSPITALS] = { "Sallowmere Hospitals NHS Foundation Trust", "the hospitals trust", "nhs.net" },
  [O_FORUM] = { "Sallowmere Parent Carer Forum", "the parent carer forum",
                "sallowmerepcf.org.uk" },
  [O_SPECIAL_SCHOOL] = { "Meadowbank School", "Meadowbank School", "meadowbank.sch.uk" },
  [O_PRIMARY_SCHOOL] = { "Larkspur Primary School", "the SENCo network", "larkspur.sch.uk" },
  [O_COLLEGE] = { "Sallowmere College", "the college", "sallowmere.ac.uk" },
  [O_SENDIASS] = { "Sallowmere SENDIAS Service", "SENDIASS", "sallowmere.gov.uk" },
};

typedef enum {
  P_DCS,
  P_AD_SEND,
  P_PROGRAMME,
  P_HEAD_SEN,
  P_PEP,
  P_COMMISSIONING,
  P_ENGAGEMENT,
  P_ADULTHOOD,
  P_WORKFORCE,
  P_INTELLIGENCE,
  P_DISABILITIES,
  P_YOUTH,
  P_CABINET,
  P_NURSING,
  P_DCO,
  P_ICB_COMMISSIONING,
  P_DMO,
  P_NEURO,
  P_THERAPIES,
  P_AUDIOLOGY,
  P_FORUM_CHAIR,
  P_FORUM_REP,
  P_SPECIAL_HEAD,
  P_SENCO,
  P_COLLEGE,
  P_SENDIASS,
  N_PEOPLE
} PersonKey;

typedef struct {
  const char *name;
  const char *role;
  Organisation organisation;
} PersonStub;

static const PersonStub people[N_PEOPLE] = {
  [P_DCS] = { "Helen Ashworth", "Director of Children's Services", O_COUNCIL },
  [P_AD_SEND] = { "Daniel Okoro", "Assistant Director, SEND and Inclusion", O_COUNCIL },
  [P_PROGRAMME] = { "Priya Raman", "SEND Improvement Programme Manager", O_COUNCIL },
  [P_HEAD_SEN] = { "Mark Pennington", "Head of SEN Statutory Service", O_COUNCIL },
  [P_PEP] = { "Joanne Fairclough", "Principal Educational Psychologist", O_COUNCIL },
  [P_COMMISSIONING] = { "Samuel Whitlock", "Head of Commissioning, Children and Families",
                        O_COUNCIL },
  [P_ENGAGEMENT] = { "Aisha Begum", "Head of Participation and Engagement", O_COUNCIL },
  [P_ADULTHOOD] = { "Tom Hardcastle", "Head of Preparing for Adulthood", O_COUNCIL },
  [P_WORKFORCE] = { "Claire Donnelly", "SEND Workforce Development Lead", O_COUNCIL },
  [P_INTELLIGENCE] = { "Gareth Lloyd", "Business Intelligence Manager", O_COUNCIL },
  [P_DISABILITIES] = { "Yvonne Clarke", "Head of Children with Disabilities Service",
                       O_COUNCIL },
  [P_YOUTH] = { "Beth Kowalski", "Youth Participation Officer", O_COUNCIL },
  [P_CABINET] = { "Cllr Margaret Hughes", "Cabinet Member for Children and Families",
                  O_COUNCIL },
  [P_NURSING] = { "Dr Fiona McAllister", "Chief Nursing Officer", O_ICB },
  [P_DCO] = { "Rachel Osei", "Designated Clinical Officer for SEND", O_ICB },
  [P_ICB_COMMISSIONING] = { "Nicola Brennan", "Head of Children's Commissioning", O_ICB },
  [P_DMO] = { "Dr Imran Qureshi", "Designated Medical Officer", O_COMMUNITY },
  [P_NEURO] = { "Dr Sarah Lindqvist", "Clinical Director, Neurodevelopmental Services",
                O_MENTAL_HEALTH },
  [P_THERAPIES] = { "Kevin Marsh", "Head of Children's Therapies", O_COMMUNITY },
  [P_AUDIOLOGY] = { "Emma Thornton", "Paediatric Audiology Service Manager", O_HOSPITALS },
  [P_FORUM_CHAIR] = { "Louise Carver", "Chair", O_FORUM },
  [P_FORUM_REP] = { "Michael Adeyemi", "Parent carer representative", O_FORUM },
  [P_SPECIAL_HEAD] = { "Julie Stanton", "Headteacher", O_SPECIAL_SCHOOL },
  [P_SENCO] = { "Andrew Cole", "SENCo and chair of the SENCo network", O_PRIMARY_SCHOOL },
  [P_COLLEGE] = { "Hannah Wright", "Assistant Principal, Inclusion", O_COLLEGE },
  [P_SENDIASS] = { "Patrick Doyle", "Service Manager", O_SENDIASS },
};

/* Areas of weakness ----------------------------------------------------------------------- */

typedef struct {
  const char *reference;
  const char *title;
  const char *finding;
  const char *commitment;
} AreaStub;

static const AreaStub areas[] = {
  { "1", "Co-production with parents, carers, children and young people",
    "Leaders have not involved parents, carers, children and young people routinely enough in "
    "planning, commissioning or reviewing services. Many families told inspectors that they are "
    "not listened to and do not know how decisions about their child are made.",
    "We will make co-production the way the partnership works, from a single plan to the "
    "strategy, and show families what has changed because of what they told us." },
  { "2", "Timeliness and quality of EHC needs assessments and plans",
    "Too few education, health and care plans are issued within 20 weeks. Plans vary widely in "
    "quality: outcomes are vague, health and social care advice is often missing or late, and "
    "annual reviews do not keep plans up to date.",
    "We will issue plans on time, make every plan specific about needs, outcomes and provision, "
    "and keep plans current through timely annual reviews." },
  { "3", "Waiting times for neurodevelopmental assessment and therapies",
    "Children and young people wait too long for autism assessment, speech and language "
    "therapy, occupational therapy and audiology, and families receive little help while they "
    "wait.",
    "We will bring waiting times within national standards and make sure that no family waits "
    "without support." },
  { "4", "Joint commissioning and strategic oversight",
    "The council and the ICB do not use what they know about need to plan and commission "
    "services together, and leaders have no shared view of how well the reforms are working.",
    "We will commission together from a shared understanding of need, pool resources where that "
    "helps families, and govern the programme as one partnership." },
  { "5", "The local offer and preparation for adulthood",
    "The local offer is hard to find, out of date and little used. Young people's plans do not "
    "prepare them well for adult life, and the move to adult services is poorly planned.",
    "We will give families information they can find and trust, and plan with every young "
    "person from the age of 14 for work, independent living, friendships and good health." },
};

/* Workstreams ------------------------------------------------------------------------------ */

typedef struct {
  PersonKey person;
  const char *role; /* NULL ends the list */
} MemberStub;

typedef struct {
  const char *code;
  const char *title;
  PathwayLeadOrganisation lead_organisation;
  PersonKey lead;
  const char *description;
  const char *areas; /* references of the areas of weakness it addresses, one character each */
  MemberStub members[7];
} WorkstreamStub;

static const WorkstreamStub workstreams[] = {
  { "A", "Co-production and engagement", PATHWAY_LEAD_COUNCIL, P_ENGAGEMENT,
    "Makes co-production routine at every level and closes the loop with families and young "
    "people on what changed.",
    "1",
    { { P_ENGAGEMENT, "Chair" },
      { P_FORUM_CHAIR, "Parent carer representative" },
      { P_FORUM_REP, "Parent carer representative" },
      { P_YOUTH, "Member" },
      { P_SENDIASS, "Member" },
      { P_DCO, "Health representative" },
      { 0, NULL } } },
  { "B", "EHC needs assessments and plans", PATHWAY_LEAD_COUNCIL, P_HEAD_SEN,
    "Brings assessments within 20 weeks and raises the quality of plans and annual reviews.",
    "2",
    { { P_HEAD_SEN, "Chair" },
      { P_PEP, "Member" },
      { P_DISABILITIES, "Social care representative" },
      { P_FORUM_REP, "Parent carer representative" },
      { P_SPECIAL_HEAD, "Schools representative" },
      { 0, NULL } } },
  { "C", "Health pathways and waiting times", PATHWAY_LEAD_HEALTH, P_DCO,
    "Reduces waits for assessment and therapy, improves health advice to EHC plans and offers "
    "support while families wait.",
    "32",
    { { P_DCO, "Chair" },
      { P_NEURO, "Member" },
      { P_THERAPIES, "Member" },
      { P_AUDIOLOGY, "Member" },
      { P_DMO, "Clinical adviser" },
      { P_FORUM_CHAIR, "Parent carer representative" },
      { 0, NULL } } },
  { "D", "Joint commissioning and governance", PATHWAY_LEAD_JOINT, P_COMMISSIONING,
    "Builds a shared picture of need, joint commissioning arrangements and the programme's "
    "governance.",
    "4",
    { { P_COMMISSIONING, "Co-chair" },
      { P_ICB_COMMISSIONING, "Co-chair" },
      { P_INTELLIGENCE, "Member" },
      { P_NURSING, "Member" },
      { P_FORUM_CHAIR, "Parent carer representative" },
      { 0, NULL } } },
  { "E", "Local offer and preparing for adulthood", PATHWAY_LEAD_JOINT, P_ADULTHOOD,
    "Rebuilds the local offer with families and plans every young person's move into adult "
    "life from the age of 14.",
    "51",
    { { P_ADULTHOOD, "Chair" },
      { P_ENGAGEMENT, "Member" },
      { P_COLLEGE, "Member" },
      { P_SENDIASS, "Member" },
      { P_FORUM_REP, "Parent carer representative" },
      { 0, NULL } } },
};

/* Themes and sub-headings ------------------------------------------------------------------ */

#define T_COPRODUCTION "Co-production"
#define T_WORKFORCE "Workforce and training"
#define T_COMMISSIONING "Joint commissioning"
#define T_EHC "EHC plans"
#define T_HEALTH "Health pathways"
#define T_LOCAL_OFFER "Local offer"
#define T_ADULTHOOD "Preparing for adulthood"
#define T_GOVERNANCE "Governance"

/* A sub-heading under an area of weakness: "1B" is area 1, heading B; its actions are
 * numbered "1B i", "1B ii" and so on, the way written statements number them. */
typedef struct {
  const char *key;
  guint workstream;
  const char *theme;
} HeadingStub;

static const HeadingStub headings[] = {
  { "1A", 0, T_COPRODUCTION },
  { "1B", 0, T_COPRODUCTION },
  { "1C", 0, T_COPRODUCTION },
  { "1D", 0, T_WORKFORCE },
  { "2A", 1, T_EHC },
  { "2B", 1, T_EHC },
  { "2C", 2, T_HEALTH },
  { "2D", 1, T_EHC },
  { "2E", 1, T_WORKFORCE },
  { "3A", 2, T_HEALTH },
  { "3B", 2, T_HEALTH },
  { "3C", 2, T_HEALTH },
  { "3D", 2, T_HEALTH },
  { "4A", 3, T_COMMISSIONING },
  { "4B", 3, T_COMMISSIONING },
  { "4C", 3, T_GOVERNANCE },
  { "4D", 3, T_COMMISSIONING },
  { "5A", 4, T_LOCAL_OFFER },
  { "5B", 4, T_LOCAL_OFFER },
  { "5C", 4, T_ADULTHOOD },
  { "5D", 4, T_LOCAL_OFFER },
};

/* Actions ------------------------------------------------------------------------------------ */

/* Where an action stands at the end of the story; the path there is drawn at random. */
typedef enum {
  DONE,      /* complete, rated green */
  GREEN,     /* in progress and on track */
  AMBER,
  RED,
  SUSPENDED, /* stood down by the board, left amber */
} Ending;

typedef struct {
  const char *heading;
  PersonKey lead;
  Ending ending;
  const char *timescale; /* written as areas write them */
  const char *description;
  const char *measure;   /* success measure, NULL when the plan gave none */
  const char *theme;     /* NULL: the heading's */
} ActionStub;

static const ActionStub actions[] = {
  /* 1A: strategic co-production */
  { "1A", P_ENGAGEMENT, DONE, "30/09/2025",
    "Agree a co-production charter with the parent carer forum, setting out how families, "
    "young people and every partner will plan, design and review services together.",
    "Charter signed by all partners and published on the local offer." },
  { "1A", P_AD_SEND, DONE, "14 July 2025",
    "Set up a co-production steering group, co-chaired by a parent carer, meeting monthly and "
    "reporting to the SEND Improvement Board.",
    "Group meets every month with a parent carer co-chair in post." },
  { "1A", P_COMMISSIONING, DONE, "Sept 25",
    "Fund the parent carer forum through a three-year grant so that it has paid time to take "
    "part in every workstream.",
    "Grant agreement signed; the forum attends at least 90% of workstream meetings." },
  { "1A", P_ENGAGEMENT, DONE, "Dec 25",
    "Map every parent carer group, support network and voluntary organisation working with "
    "families of children with SEND, and agree with each how it will feed into the programme.",
    "Map published; each group has a named contact in the programme office." },
  { "1A", P_AD_SEND, AMBER, "Summer Term 2026",
    "Co-produce the next SEND and alternative provision strategy with families, young people, "
    "schools, colleges and health partners. The strategy will set out the area's shared "
    "priorities for the next three years, will be tested in at least eight weeks of public "
    "consultation with events in every locality, and will be published in an easy-read and a "
    "young people's version as well as the full document.",
    "Strategy agreed by the council's Cabinet and the ICB board; at least 500 responses to the "
    "consultation." },
  { "1A", P_INTELLIGENCE, DONE, "Q4 2025/26",
    "Run an annual survey of parents and carers on their experience of SEND services, report it "
    "with the programme's indicators and agree improvement targets with the forum.",
    "Survey completed by at least 400 families; results reported to the board." },

  /* 1B: the voice of children and young people */
  { "1B", P_YOUTH, DONE, "Autumn Term 2025",
    "Set up a young people's SEND reference group with members aged 11 to 25 from mainstream "
    "schools, special schools and college.",
    "Group of at least 15 young people meeting every half term." },
  { "1B", P_YOUTH, DONE, "Spring Term 2026",
    "Train members of the reference group to co-deliver sessions for professionals on what good "
    "support feels like.",
    "Six sessions co-delivered by young people." },
  { "1B", P_YOUTH, RED, "Dec 25",
    "Include the views of children and young people in every annual report of education, health "
    "and care services, with a version written by and for young people.",
    "Every annual report has a section on children's views and a young people's version." },
  { "1B", P_AD_SEND, DONE, "Nov 25",
    "Agree with the Youth Council how SEND will be a standing item on its agenda and how senior "
    "leaders will report back to it each term.",
    "Protocol agreed; SEND discussed at every Youth Council meeting." },
  { "1B", P_SPECIAL_HEAD, AMBER, "June 2026",
    "Use symbols, video and advocates to gather the views of children who do not communicate "
    "verbally, and show how those views changed decisions.",
    NULL },
  { "1B", P_YOUTH, DONE, "Jan 26",
    "Publish a termly summary of what children and young people told us and what changed as a "
    "result.",
    "Summary published every term on the local offer." },

  /* 1C: communication and feedback to families */
  { "1C", P_ENGAGEMENT, AMBER, "ongoing",
    "Publish a termly 'you said, we did' report on the local offer, agreed with the parent carer "
    "forum before publication.",
    "Report published every term; forum confirms it reflects what families said." },
  { "1C", P_ENGAGEMENT, DONE, "31/07/2025",
    "Send a monthly SEND newsletter to families, schools and settings, with a plain-language "
    "summary of progress against this plan.",
    "Newsletter sent every month to at least 3,000 subscribers." },
  { "1C", P_AD_SEND, GREEN, "ongoing",
    "Hold an open family event in each of the four localities every term, with officers from "
    "education, health and social care there to answer questions.",
    "Twelve events a year; feedback from families collected at each." },
  { "1C", P_HEAD_SEN, DONE, "Q3 2025/26",
    "Analyse complaints, tribunal appeals and mediation cases about SEND, and report the themes "
    "and lessons learnt to the board every quarter.",
    "Quarterly report to the board; fewer complaints upheld at stage 2.",
    .theme = T_GOVERNANCE },
  { "1C", P_HEAD_SEN, AMBER, "end March 26",
    "Agree service standards for answering families' calls and emails in the SEN service, and "
    "publish how well they are met.",
    "95% of calls and emails answered within three working days." },

  /* 1D: workforce */
  { "1D", P_WORKFORCE, DONE, "Dec 25",
    "Commission co-production training, designed with the parent carer forum, for managers in "
    "education, health and social care.",
    "Training commissioned and first cohort booked." },
  { "1D", P_WORKFORCE, GREEN, "2026/27",
    "Deliver the co-production training to at least 300 practitioners across partners, "
    "including school SENCos and health professionals.",
    "300 practitioners trained; 80% say it changed their practice." },
  { "1D", P_WORKFORCE, AMBER, "Jan 27",
    "Add co-production and person-centred practice to the induction of every new member of "
    "staff working with children and young people with SEND.",
    "Induction updated in the council, the ICB and the three trusts." },
  { "1D", P_WORKFORCE, GREEN, "ongoing",
    "Run practitioner forums each half term for SENCos, early years settings and health staff to "
    "share practice.",
    NULL },

  /* 2A: timeliness of assessments */
  { "2A", P_HEAD_SEN, DONE, "Oct 25",
    "Recruit additional EHC coordinators and a team manager so that caseloads fall to no more "
    "than 120 plans each.",
    "Average caseload at or below 120 plans." },
  { "2A", P_HEAD_SEN, DONE, "by 31 January 2026",
    "Clear the backlog of EHC needs assessments past 20 weeks, giving each family a named "
    "coordinator and a date for their draft plan.",
    "No assessment open longer than 20 weeks without an agreed exception." },
  { "2A", P_HEAD_SEN, DONE, "14 July 2025",
    "Hold a weekly tracking meeting for every open assessment, with escalation to the head of "
    "service at week 12 when advice is missing.",
    "Tracker reviewed every week; escalations logged." },
  { "2A", P_HEAD_SEN, DONE, "Sept 25",
    "Agree and publish how the panel decides on requests for assessment, with parent carer and "
    "health members, and send a letter explaining every decision.",
    "Panel process published; every decision letter gives reasons." },
  { "2A", P_INTELLIGENCE, RED, "Summer Term 2026",
    "Move EHC casework onto the new case management system, with an online portal where "
    "families and professionals can see how far an assessment has got.",
    "Portal live; families can see the stage of their assessment online." },
  { "2A", P_INTELLIGENCE, GREEN, "ongoing",
    "Report the share of EHC plans issued within 20 weeks, with and without exceptions, to every "
    "board meeting alongside the national average.",
    NULL, .theme = T_GOVERNANCE },

  /* 2B: quality of plans */
  { "2B", P_HEAD_SEN, DONE, "Nov 25",
    "Adopt a quality assurance framework for EHC plans. Each month a multi-agency panel will "
    "audit a sample of new plans and amended plans after annual review, grade them against an "
    "agreed standard, feed back to the writers of each section of advice and report themes to "
    "workstream B, so that the same weaknesses are not found month after month.",
    "Monthly audit held; at least 10% of new plans audited." },
  { "2B", P_ENGAGEMENT, AMBER, "Autumn Term 2026",
    "Include parents, carers and young people on the audit panel, and ask every family for "
    "feedback when a plan is finalised.",
    "Parent carer on every panel; feedback from at least half of families.",
    .theme = T_COPRODUCTION },
  { "2B", P_HEAD_SEN, DONE, "Dec 25",
    "Rewrite the EHC plan template with families so that outcomes are specific, provision is "
    "quantified and each section links to the others.",
    "New template in use for every new plan." },
  { "2B", P_HEAD_SEN, GREEN, "2026/27",
    "Raise the share of audited plans rated good or better to 80%, reporting results by service.",
    "80% of audited plans rated good or better." },
  { "2B", P_ADULTHOOD, AMBER, "Spring Term 2026",
    "Audit the plans of all young people aged 14 and over to check that they contain outcomes "
    "for adult life.",
    "Every plan from year 9 has preparing for adulthood outcomes.",
    .theme = T_ADULTHOOD },
  { "2B", P_COMMISSIONING, AMBER, "Autumn Term 2026",
    "Review the plans of children placed in independent special schools to confirm that "
    "provision matches need and that placements are reviewed each year.",
    NULL },

  /* 2C: health and social care advice */
  { "2C", P_DCO, DONE, "Aug 25",
    "Agree with every health provider a six-week standard for returning advice for EHC needs "
    "assessments, monitored monthly by the Designated Clinical Officer.",
    "90% of health advice returned within six weeks." },
  { "2C", P_DMO, DONE, "Oct 25",
    "Introduce a quality checklist for health advice so that it describes needs and provision "
    "clearly enough to be written into the plan.",
    "Checklist in use by all health providers." },
  { "2C", P_DISABILITIES, RED, "Dec 25",
    "Appoint a Designated Social Care Officer and agree a standard for social care advice to EHC "
    "needs assessments.",
    "Officer in post; social care advice in every assessment where the child is known." },
  { "2C", P_DMO, AMBER, "Q3 2026/27",
    "Make sure health professionals contribute to the annual reviews of children with complex "
    "medical needs, with attendance recorded and reported to the board.",
    NULL },
  { "2C", P_DCO, DONE, "31/08/2025",
    "Set up a shared inbox and tracking log between the SEN service and health providers so that "
    "no request for advice is lost.",
    "Every request for advice logged and tracked." },

  /* 2D: annual reviews */
  { "2D", P_HEAD_SEN, DONE, "March 2026",
    "Clear the backlog of overdue annual reviews, starting with children and young people who "
    "are moving between phases.",
    "No annual review more than four weeks overdue." },
  { "2D", P_HEAD_SEN, DONE, "by 15 February 2026",
    "Publish a timetable for phase transfer reviews so that the plans of all children moving "
    "school in September are amended by 15 February.",
    "All phase transfer plans amended by 15 February." },
  { "2D", P_SENCO, DONE, "Autumn Term 2025",
    "Give schools a standard annual review pack and guidance, written with SENCos and parents.",
    "Pack used in every maintained school and academy." },
  { "2D", P_INTELLIGENCE, AMBER, "Nov 26",
    "Track the time from annual review meeting to amended plan and report it to the board, "
    "against a target of four weeks.",
    "Amended plans issued within four weeks of the review meeting." },

  /* 2E: training */
  { "2E", P_PEP, DONE, "Nov 25",
    "Train EHC coordinators, educational psychologists and those who write health and social "
    "care advice in writing outcomes and quantifying provision.",
    "All coordinators and psychologists trained." },
  { "2E", P_WORKFORCE, GREEN, "ongoing",
    "Offer a termly SENCo training programme on the graduated approach, requests for assessment "
    "and annual reviews.",
    "Every school represented at least once a year." },
  { "2E", P_HEAD_SEN, GREEN, "2026/27",
    "Train the whole SEN service in communicating with families, after parents described the "
    "service as hard to reach and slow to reply.",
    "Satisfaction with the SEN service in the annual survey up by 20 points." },

  /* 3A: neurodevelopmental pathway */
  { "3A", P_ICB_COMMISSIONING, DONE, "Sept 25",
    "Commission additional autism assessment capacity from an independent provider to reduce "
    "the number of children waiting more than a year.",
    "No child waiting more than 52 weeks for autism assessment." },
  { "3A", P_NEURO, AMBER, "June 2026",
    "Redesign the neurodevelopmental pathway so that autism and ADHD assessments share one front "
    "door, one triage and one multidisciplinary panel.",
    "Single pathway live; families tell their story once." },
  { "3A", P_NEURO, AMBER, "2026/27",
    "Meet the NICE standard that assessment begins within 13 weeks of referral, on a trajectory "
    "agreed by the ICB board.",
    "Autism assessment started within 13 weeks of referral." },
  { "3A", P_NEURO, DONE, "31/10/2025",
    "Validate the waiting list, contacting every family to confirm that an assessment is still "
    "wanted and that contact details are right.",
    "Every family on the list contacted." },
  { "3A", P_NEURO, AMBER, "Q3 2026/27",
    "Train school staff to contribute structured observations to autism assessments, so that "
    "clinicians see the child in more than one setting.",
    NULL, .theme = T_WORKFORCE },
  { "3A", P_ICB_COMMISSIONING, GREEN, "ongoing",
    "Report the wait for autism assessment, the number waiting and the longest wait to every "
    "board, by age group.",
    "Waiting times reported at every board meeting." },
  { "3A", P_NEURO, GREEN, "Dec 26",
    "Agree a pathway for young people aged 16 to 25 so that those referred close to adulthood "
    "move to adult services without starting again.",
    NULL },
  { "3A", P_NEURO, DONE, "March 2026",
    "Provide post-diagnostic support for families, including a course for parents within 12 "
    "weeks of diagnosis.",
    "Course offered to every family within 12 weeks of diagnosis." },

  /* 3B: therapies */
  { "3B", P_THERAPIES, DONE, "Q3 2025/26",
    "Review speech & language therapy (\"SALT\") capacity against demand. Where the wait from "
    "referral to first appointment is > 18 weeks, agree a recovery plan with the provider so "
    "that the share of children seen in < 18 weeks rises every quarter.",
    "Share of children seen within 18 weeks rises every quarter." },
  { "3B", P_THERAPIES, AMBER, "Q3 2026/27",
    "Fill vacant occupational therapy posts and open a sensory advice line for parents and "
    "schools.",
    "Occupational therapy wait from referral to treatment within 18 weeks." },
  { "3B", P_ICB_COMMISSIONING, AMBER, "2026/27",
    "Agree one specification for speech and language therapy, occupational therapy and "
    "physiotherapy, jointly with the council, which sets out what every child can expect "
    "universally, what is offered to those who need targeted help, and what is specified in EHC "
    "plans and by whom it is delivered and paid for, so that schools, families and therapists "
    "no longer dispute who provides what.",
    "Specification agreed by both commissioners and in every therapy contract." },
  { "3B", P_THERAPIES, AMBER, "March 2027",
    "Introduce a therapy outcomes measure and report it alongside waiting times.",
    NULL },
  { "3B", P_THERAPIES, DONE, "Summer Term 2026",
    "Train teaching assistants to deliver therapy programmes in class.",
    "Teaching assistants from 40 schools trained.", .theme = T_WORKFORCE },
  { "3B", P_THERAPIES, GREEN, "ongoing",
    "Run a weekly clinic in each special school where therapists, school nurses and "
    "paediatricians see children together.",
    NULL },

  /* 3C: audiology and sensory */
  { "3C", P_AUDIOLOGY, DONE, "end March 26",
    "Recover the six-week diagnostic standard in paediatric audiology by adding weekend clinics "
    "and a second sound-proofed booth.",
    "99% of children have diagnostics within six weeks." },
  { "3C", P_AUDIOLOGY, DONE, "Dec 25",
    "Complete the external quality review of paediatric hearing services and act on its "
    "findings.",
    "Review complete; action plan agreed with the ICB." },
  { "3C", P_AUDIOLOGY, AMBER, "Spring Term 2026",
    "Agree a joint pathway with the sensory support service so that children with a hearing or "
    "vision impairment get support within two weeks of diagnosis.",
    "Support starts within two weeks of diagnosis." },
  { "3C", P_ICB_COMMISSIONING, DONE, "Sept 25",
    "Report audiology waiting times to the ICB weekly and to the board monthly.",
    NULL },

  /* 3D: support while waiting */
  { "3D", P_DCO, DONE, "Nov 25",
    "Publish a 'support while you wait' offer on the local offer, covering advice lines, parent "
    "courses and what schools can do before a diagnosis.",
    "Offer published and linked from every referral letter.", .theme = T_LOCAL_OFFER },
  { "3D", P_AD_SEND, DONE, "Jan 26",
    "Issue guidance to every school that support must never depend on a diagnosis.",
    "Guidance issued; no requests refused for lack of diagnosis in the audit." },
  { "3D", P_NEURO, GREEN, "ongoing",
    "Contact every family waiting more than 26 weeks each quarter to check on the child and point "
    "them to support.",
    NULL },
  { "3D", P_ICB_COMMISSIONING, AMBER, "2026/27",
    "Commission a mental health and wellbeing offer for children with SEND who are waiting for "
    "specialist mental health services.",
    "Offer in place in every locality." },

  /* 4A: need and data */
  { "4A", P_INTELLIGENCE, DONE, "Dec 25",
    "Write a joint strategic needs assessment chapter on children and young people with SEND, "
    "using education, health and social care data.",
    "Chapter published and used in commissioning plans." },
  { "4A", P_INTELLIGENCE, DONE, "Feb 26",
    "Build a shared SEND dashboard for the council and the ICB, updated monthly and reviewed by "
    "the board.",
    "Dashboard reviewed at every board meeting." },
  { "4A", P_INTELLIGENCE, RED, "30/11/2025",
    "Agree data-sharing arrangements between the council, the ICB and the trusts, with a data "
    "protection impact assessment.",
    "Data-sharing agreement signed by all parties." },
  { "4A", P_COMMISSIONING, AMBER, "2026/27",
    "Forecast demand for specialist places, therapy and short breaks five years ahead, and "
    "refresh the forecast each year.",
    NULL },
  { "4A", P_COMMISSIONING, DONE, "June 2026",
    "Use what families and young people tell us alongside data when setting commissioning "
    "priorities.",
    "Every commissioning plan shows how families' views shaped it.", .theme = T_COPRODUCTION },

  /* 4B: joint commissioning arrangements */
  { "4B", P_COMMISSIONING, DONE, "Aug 25",
    "Set up a joint commissioning group of the council and the ICB, with terms of reference, a "
    "work plan and a parent carer member.",
    "Group meets monthly with a parent carer member." },
  { "4B", P_ICB_COMMISSIONING, RED, "March 2026",
    "Agree a section 75 agreement to pool council and ICB funding for therapy services.",
    "Section 75 agreement signed and pooled budget in place." },
  { "4B", P_COMMISSIONING, AMBER, "Dec 26",
    "Publish a joint commissioning strategy for SEND, written with families and schools.",
    "Strategy agreed by both organisations." },
  { "4B", P_ICB_COMMISSIONING, DONE, "Nov 25",
    "Agree a joint funding protocol for packages of education, health and care for children with "
    "the most complex needs.",
    "Protocol in use; decisions made within four weeks." },
  { "4B", P_ICB_COMMISSIONING, GREEN, "2026/27",
    "Commission equipment and continence services jointly.",
    NULL },
  { "4B", P_COMMISSIONING, AMBER, "Sept 26",
    "Review the contracts of all independent and non-maintained special schools against the SEND "
    "reforms, with a quality visit to each every year.",
    "Every placement visited at least once a year." },

  /* 4C: governance */
  { "4C", P_DCS, DONE, "June 2025",
    "Set up the SEND Improvement Board with agreed members, terms of reference and a forward plan, "
    "chaired by the Director of Children's Services.",
    "Board meets as planned with every partner present." },
  { "4C", P_PROGRAMME, GREEN, "ongoing",
    "Report progress on this plan to the Health and Wellbeing Board and the ICB board every six "
    "months.",
    NULL },
  { "4C", P_PROGRAMME, DONE, "14 July 2025",
    "Appoint a programme manager and keep a monthly tracker of every action in this plan. Each "
    "action will have one named lead, a rating agreed with the workstream lead and challenged "
    "at the programme group, commentary on progress and evidence of impact, and the tracker "
    "will be the single source for every report to the board, to scrutiny and to the DfE and "
    "NHS England advisers.",
    "Tracker updated every month; board reports drawn from it." },
  { "4C", P_PROGRAMME, GREEN, "ongoing",
    "Keep a risk register for the programme, reviewed monthly by the programme group.",
    NULL },
  { "4C", P_PROGRAMME, GREEN, "ongoing",
    "Hold a self-evaluation with families and partners every six months and share it with the "
    "DfE and NHS England advisers.",
    "Self-evaluation agreed with the parent carer forum every six months." },
  { "4C", P_CABINET, DONE, "2025/26",
    "Make sure the scrutiny committee examines progress on SEND at least twice a year.",
    "Two scrutiny sessions a year." },

  /* 4D: sufficiency of places */
  { "4D", P_COMMISSIONING, AMBER, "Autumn Term 2026",
    "Open resourced provision for autistic pupils in two mainstream secondary schools.",
    "Two bases open with 24 places." },
  { "4D", P_COMMISSIONING, AMBER, "2026/27",
    "Expand Meadowbank School by 40 places through the capital programme.",
    "40 additional special school places." },
  { "4D", P_COMMISSIONING, DONE, "Jan 26",
    "Review how alternative provision is commissioned and agree quality standards for every "
    "provider.",
    "Standards in every alternative provision contract." },
  { "4D", P_COMMISSIONING, SUSPENDED, "ongoing",
    "Reduce the use of independent special school placements by building local provision, "
    "tracked monthly.",
    "Share of children in independent special schools below the national average." },

  /* 5A: local offer website */
  { "5A", P_ENGAGEMENT, AMBER, "Spring Term 2026",
    "Rebuild the local offer website with families, testing it with parents and young people "
    "before launch.",
    "New site live; 80% of families testing it find what they need." },
  { "5A", P_ENGAGEMENT, DONE, "Oct 25",
    "Check every entry in the local offer directory and update or remove those more than a year "
    "old.",
    "No entry older than twelve months." },
  { "5A", P_DCO, DONE, "Dec 25",
    "Add information on health services, waiting times and how to be referred to every health "
    "page of the local offer.",
    "Every health service page shows current waiting times." },
  { "5A", P_ENGAGEMENT, DONE, "31/03/2026",
    "Publish the local offer annual report, including what families said about it and what "
    "changed.",
    "Annual report published." },
  { "5A", P_INTELLIGENCE, GREEN, "ongoing",
    "Measure use of the local offer monthly and survey its users each term.",
    "Visits to the local offer up by a quarter on the baseline." },
  { "5A", P_ENGAGEMENT, RED, "July 2026",
    "Translate the key pages into the five most spoken community languages and offer an "
    "easy-read version.",
    NULL },

  /* 5B: information, advice and support */
  { "5B", P_COMMISSIONING, DONE, "Dec 25",
    "Recommission the SEND information, advice and support service so that it meets the minimum "
    "standards and has enough caseworkers.",
    "Service meets the minimum standards; waiting list under two weeks." },
  { "5B", P_SENDIASS, DONE, "Sept 25",
    "Include the advice service's contact details in every letter refusing an assessment or a "
    "plan.",
    "Contact details in every refusal letter." },
  { "5B", P_SENDIASS, AMBER, "ongoing",
    "Open a drop-in advice session for families in each locality.",
    "Monthly drop-in in all four localities." },
  { "5B", P_SENDIASS, AMBER, "Summer Term 2026",
    "Survey families who used the advice service, publish the findings and act on them.",
    NULL },

  /* 5C: preparing for adulthood */
  { "5C", P_ADULTHOOD, DONE, "Jan 26",
    "Create a preparing for adulthood team bringing together SEN, social care and health for "
    "young people from the age of 14.",
    "Team in place with a named worker for every young person from year 9." },
  { "5C", P_DMO, RED, "June 2026",
    "Agree a protocol for the move from children's to adult health services. Planning will start "
    "at 14, each young person will have a named worker who stays with them until the move is "
    "complete, adult services will meet the young person before they turn 18, and no young "
    "person will be discharged from a children's service before an adult service has accepted "
    "them.",
    "Protocol signed by every trust; audited each year." },
  { "5C", P_COLLEGE, GREEN, "2026/27",
    "Increase supported internships from 12 to 40 places a year with local employers.",
    "40 supported internships a year." },
  { "5C", P_ADULTHOOD, DONE, "March 2026",
    "Publish a preparing for adulthood guide for young people and families, written with the "
    "reference group.",
    "Guide published in print and online." },
  { "5C", P_ADULTHOOD, AMBER, "ongoing",
    "Make sure every annual review from year 9 covers employment, independent living, community "
    "inclusion and health.",
    "Every year 9 review audited has all four outcomes." },
  { "5C", P_COLLEGE, DONE, "Autumn Term 2025",
    "Map post-16 provision with the colleges and agree where the gaps are.",
    "Gaps agreed and included in the sufficiency plan." },
  { "5C", P_ADULTHOOD, AMBER, "Dec 26",
    "Work with adult social care to assess young people's needs by the age of 17 and a half, so "
    "that support is in place at 18.",
    NULL },
  { "5C", P_ADULTHOOD, DONE, "Summer Term 2026",
    "Provide independent travel training for young people from the age of 14.",
    "60 young people trained a year." },

  /* 5D: short breaks */
  { "5D", P_DISABILITIES, DONE, "Nov 25",
    "Review the short breaks offer with families and publish a short breaks statement.",
    "Statement published after consultation with families." },
  { "5D", P_DISABILITIES, GREEN, "Dec 26",
    "Increase holiday activity places for disabled children.",
    "Holiday places up by half on the baseline." },
  { "5D", P_DISABILITIES, AMBER, "Feb 26",
    "Agree the eligibility criteria of the children with disabilities team with families.",
    "Criteria published after consultation." },
  { "5D", P_DISABILITIES, DONE, "Q2 2026/27",
    "Provide a direct payments support service for families of disabled children.",
    "Support service commissioned; take-up of direct payments rising." },
};

#define N_ACTIONS G_N_ELEMENTS (actions)

/* Timescale revisions and evidence of impact -------------------------------------------------- */

typedef struct {
  const char *reference;
  const char *timescale;
  const char *reason;
  const char *approved_by;
  int meeting;          /* index into meetings, or -1: approved outside a board meeting */
  int year, month, day; /* when approved, when not at a meeting */
} RevisionStub;

static const RevisionStub revisions[] = {
  { "2A ii", "by 31 March 2026",
    "The backlog was larger than estimated when the plan was written, and two coordinator posts "
    "stayed vacant until October.",
    "SEND Improvement Board", 1 },
  { "5A i", "Autumn Term 2026",
    "The first tender for the new website drew no compliant bids, so the supplier was appointed "
    "three months late.",
    "DfE adviser", -1, 2026, 2, 12 },
  { "2D i", "Summer Term 2026",
    "Phase transfer reviews were done first so that every child moving school in September had "
    "an amended plan.",
    "Director of Children's Services", -1, 2026, 3, 2 },
  { "4B ii", "Dec 26",
    "Legal advice on pooling therapy budgets took longer than expected, and the agreement must now "
    "go to both the council's Cabinet and the ICB board.",
    "SEND Improvement Board", 2 },
  { "3A ii", "Q3 2026/27",
    "The redesign is being aligned with the ICB's all-age neurodevelopmental review, so that "
    "families do not see the pathway change twice.",
    "ICB Chief Nursing Officer", -1, 2026, 5, 6 },
  { "1A v", "Spring Term 2027",
    "The strategy will take account of the national changes to the SEND system expected this "
    "year; agreed with the parent carer forum.",
    "SEND Improvement Board", 3 },
};

typedef struct {
  const char *reference;
  int months_after; /* after the month the action was completed */
  const char *text;
  const char *source;
} EvidenceStub;

static const EvidenceStub evidence[] = {
  { "1A ii", 2, "The steering group has met every month since July with a parent carer co-chair; "
    "average attendance 85%.", "Steering group minutes" },
  { "1B i", 2, "The reference group has 23 members from nine schools and the college.",
    "Participation team records" },
  { "1C ii", 3, "The newsletter reaches 3,400 subscribers and 58% of them open it.",
    "Mailing list statistics" },
  { "2A i", 3, "Average caseload fell from 182 to 118 plans per coordinator.",
    "SEN service caseload report" },
  { "2A ii", 2, "No assessment is open past 20 weeks without an agreed exception, down from 214 "
    "at the start of the plan.", "SEN service tracker" },
  { "2B iii", 4, "In the spring audit 72% of new plans were rated good or better, against 35% at "
    "baseline.", "Multi-agency audit report" },
  { "2C i", 3, "Health advice returned within six weeks rose from 41% to 88%.",
    "Designated Clinical Officer's tracking log" },
  { "2D ii", 1, "All 236 phase transfer plans were amended by 15 February.",
    "SEN service tracker" },
  { "3A i", 3, "Children waiting more than 52 weeks for autism assessment fell from 412 to 96.",
    "Provider waiting list report" },
  { "3A i", 8, "No child has waited more than 52 weeks for three months running.",
    "Provider waiting list report" },
  { "3B i", 4, "The share of children seen within 18 weeks for speech and language therapy rose "
    "from 38% to 67%.", "Community health trust performance report" },
  { "3C i", 2, "96% of children had audiology diagnostics within six weeks in March, up from 71%.",
    "Diagnostic waiting times return" },
  { "3D i", 3, "The 'support while you wait' pages were viewed 5,200 times in their first "
    "quarter.", "Local offer analytics" },
  { "4A ii", 2, "The dashboard has been used at every board meeting since it went live.",
    "Board papers" },
  { "4C i", 4, "The board has met as planned with every partner represented; decisions are "
    "logged and followed up.", "Board minutes" },
  { "5C i", 5, "The team holds 210 cases, and 95% of year 9 reviews now include preparing for "
    "adulthood outcomes.", "Case management system" },
};

/* Indicators -------------------------------------------------------------------------------- */

typedef struct {
  int year, month, day;
  double value;
} MilestoneStub;

typedef struct {
  const char *name;
  const char *service;
  const char *definition;
  PathwayUnit unit;
  PathwayDirection direction;
  double baseline;
  double target;
  int target_year, target_month, target_day;
  const char *target_source;
  double comparator; /* NAN: none */
  const char *comparator_label;
  /* The story the readings tell: from 'first' to 'last', along a curve (0: straight; larger:
   * faster early), with noise of up to +/- 'noise' and values rounded to 'decimals'. */
  double first, last, curve, noise;
  int decimals;
  int gaps[2];           /* readings never received, by reading index; -1: none */
  int note_reading;      /* reading carrying the note, or -1 */
  const char *note;
  double shift_after_note;
  MilestoneStub milestones[3];
} IndicatorStub;

static const IndicatorStub indicators[] = {
  { "EHC plans issued within 20 weeks", "SEN statutory service",
    "New EHC plans issued within 20 weeks of the request for assessment, excluding agreed "
    "exceptions, as a share of all new plans issued in the month.",
    PATHWAY_UNIT_PERCENT, PATHWAY_DIRECTION_HIGHER_IS_BETTER, 18, 60, 2027, 3, 31,
    "Local target agreed with the DfE adviser", 50, "England average",
    19, 58, 1.2, 4, 1, { 8, -1 }, 12, "definition changed: now counts all requests", -4,
    { { 2026, 3, 31, 35 }, { 2026, 9, 30, 50 }, { 2027, 3, 31, 60 } } },
  { "Autism assessment waiting time", "Neurodevelopmental service",
    "Median wait in weeks from referral to the first assessment appointment for children and "
    "young people aged under 18.",
    PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 61, 13, 2027, 3, 31,
    "NICE guidance: assessment to start within 3 months of referral", NAN, NULL,
    62, 21, 1.6, 2, 0, { -1, -1 }, -1, NULL, 0,
    { { 2026, 3, 31, 40 }, { 2026, 9, 30, 26 }, { 2027, 3, 31, 13 } } },
  { "Audiology diagnostics within 6 weeks", "Paediatric audiology",
    "Children referred for a diagnostic hearing test who had it within six weeks, as a share of "
    "all children waiting at the end of the month.",
    PATHWAY_UNIT_PERCENT, PATHWAY_DIRECTION_HIGHER_IS_BETTER, 71, 99, 2026, 12, 31,
    "NHS diagnostic standard", NAN, NULL,
    72, 96, 2.0, 2, 1, { 16, -1 }, -1, NULL, 0,
    { { 2025, 12, 31, 85 }, { 2026, 6, 30, 95 }, { 2026, 12, 31, 99 } } },
  { "Occupational therapy referral to treatment", "Children's occupational therapy",
    "Wait in weeks from referral to first treatment at the 92nd centile for children's "
    "occupational therapy.",
    PATHWAY_UNIT_WEEKS, PATHWAY_DIRECTION_LOWER_IS_BETTER, 38, 18, 2027, 3, 31,
    "NHS constitution", NAN, NULL,
    38, 19, 0.6, 1.5, 0, { 5, -1 }, -1, NULL, 0,
    { { 2026, 3, 31, 28 }, { 2026, 9, 30, 22 }, { 2027, 3, 31, 18 } } },
  { "Educational psychology assessment backlog", "Educational psychology service",
    "Requests for educational psychology advice to EHC needs assessments not returned within six "
    "weeks, at the end of the month.",
    PATHWAY_UNIT_COUNT, PATHWAY_DIRECTION_LOWER_IS_BETTER, 412, 20, 2027, 3, 31,
    "Local target agreed by the SEND Improvement Board", NAN, NULL,
    405, 34, 1.4, 12, 0, { -1, -1 }, -1, NULL, 0,
    { { 2025, 12, 31, 250 }, { 2026, 6, 30, 100 }, { 2027, 3, 31, 20 } } },
};

/* Board and meetings -------------------------------------------------------------------------- */

typedef struct {
  int year, month, day;
  const char *title;
  const char *location;
  const char *summary; /* NULL: not yet held */
} MeetingStub;

static const MeetingStub meetings[] = {
  { 2025, 7, 16, "First meeting of the SEND Improvement Board",
    "Council Chamber, Sallowmere Civic Centre",
    "Terms of reference agreed. The board reviewed the draft written statement of action and "
    "asked for sharper success measures before it is submitted in August." },
  { 2025, 11, 19, "Progress review: first months of delivery", "Kell House (ICB offices)",
    "Red actions are falling from the baseline. The board approved a revised timescale for the "
    "assessment backlog and asked for a deep dive on autism waiting times." },
  { 2026, 3, 18, "Deep dive: neurodevelopmental pathway and waiting times",
    "Committee Room 2, Sallowmere Civic Centre",
    "The ICB presented its trajectory for autism assessment. The board approved a revised "
    "timescale for the therapies pooled budget and asked for monthly reporting until it is "
    "signed." },
  { 2026, 5, 20, "Six-month self-evaluation with the DfE and NHS England advisers", "Online",
    "The self-evaluation, written with the parent carer forum, was endorsed. The board agreed to "
    "move the SEND strategy to the spring so that it reflects national reforms." },
  { 2026, 9, 16, "Progress review: local offer and preparing for adulthood",
    "Sallowmere College, Learning Centre",
    "The board noted good progress on the preparing for adulthood team and challenged the delay "
    "to the health transition protocol, which remains red." },
  { 2026, 11, 18, "Annual review of the written statement of action",
    "Council Chamber, Sallowmere Civic Centre", NULL },
};

/* Commentary ------------------------------------------------------------------------------- */

typedef enum {
  SAY_NOT_STARTED,
  SAY_STARTED,
  SAY_PROGRESS,
  SAY_IMPROVED,
  SAY_SLIPPED,
  SAY_DELAYED,
  SAY_COMPLETE,
  SAY_SUSPENDED,
} Situation;

/* Words in braces are filled from the action: {lead}, {role}, {org}, {ws}, {due}, {detail}
 * (someone the theme's work involves), {month}, {next}, {n} and {pct}. */
typedef struct {
  Situation situation;
  const char *text;
} Template;

static const Template templates[] = {
  { SAY_NOT_STARTED, "Not started. {lead} expects to begin in {next}, once {detail} have agreed "
    "the scope." },
  { SAY_NOT_STARTED, "Not started yet; workstream {ws} will agree a start date at its {next} "
    "meeting." },
  { SAY_NOT_STARTED, "Scoping only so far. {lead} will bring a plan to the next workstream {ws} "
    "meeting." },
  { SAY_NOT_STARTED, "Start held back by staff capacity in {org}; interim arrangements are being "
    "discussed with {detail}." },
  { SAY_NOT_STARTED, "Planned to start in {next}, after the dependency on {detail} is settled." },
  { SAY_STARTED, "Work began in {month}. {lead} has set up a task and finish group that "
    "includes {detail}." },
  { SAY_STARTED, "Started this month with a first meeting with {detail}; a project plan will go "
    "to workstream {ws}." },
  { SAY_STARTED, "Project plan agreed with {n} milestones, the first due in {next}." },
  { SAY_STARTED, "{lead} ({role}) has taken this on and met {detail} to agree the scope." },
  { SAY_PROGRESS, "On track: {n} of the planned steps are done and the rest are scheduled "
    "before {due}." },
  { SAY_PROGRESS, "Progress reviewed at workstream {ws} in {month}; no issues raised." },
  { SAY_PROGRESS, "Draft shared with {detail} for comment; replies due back in {next}." },
  { SAY_PROGRESS, "Good progress this month, with close involvement from {detail}." },
  { SAY_PROGRESS, "Delivery on schedule for {due}; next checkpoint at the {next} workstream "
    "meeting." },
  { SAY_PROGRESS, "Work continues; about {pct}% of the planned activity is complete." },
  { SAY_PROGRESS, "Feedback from {detail} has been built into the latest draft." },
  { SAY_PROGRESS, "Resources confirmed by {org}; no risk to the timescale." },
  { SAY_PROGRESS, "Workstream {ws} looked at the evidence in {month} and is satisfied with "
    "progress." },
  { SAY_IMPROVED, "Rating improved now that the recovery plan agreed last month is showing "
    "results." },
  { SAY_IMPROVED, "Moved up after additional staff started in {org}." },
  { SAY_IMPROVED, "The blocker reported last month was resolved with {detail}; delivery is back "
    "on track." },
  { SAY_IMPROVED, "Improved: the workstream {ws} lead is assured that the revised plan can be "
    "delivered by {due}." },
  { SAY_IMPROVED, "Better position this month after {org} took the outstanding decision." },
  { SAY_SLIPPED, "Rating lowered: a planned session with {detail} was cancelled in {month} and "
    "the plan has slipped." },
  { SAY_SLIPPED, "Slipped because of staff absence in {org}; {lead} is putting a recovery plan "
    "together." },
  { SAY_SLIPPED, "Lowered after the board asked for evidence of impact that is not yet "
    "available." },
  { SAY_SLIPPED, "At risk: the procurement timetable has moved and {due} now looks hard to "
    "meet." },
  { SAY_SLIPPED, "Lowered this month because demand has risen faster than planned; options go to "
    "workstream {ws} in {next}." },
  { SAY_DELAYED, "Still behind plan. {lead} has taken the resourcing gap to the programme "
    "group." },
  { SAY_DELAYED, "Remains delayed; a revised plan goes to the SEND Improvement Board in "
    "{next}." },
  { SAY_DELAYED, "No change this month: the dependency on {detail} is still unresolved." },
  { SAY_DELAYED, "Partial progress: {n} of the steps are complete, but the rest are behind "
    "schedule." },
  { SAY_DELAYED, "Waiting for a funding decision, which {org} expects to confirm in {next}." },
  { SAY_DELAYED, "Under review with {detail}; workstream {ws} will report options in {next}." },
  { SAY_COMPLETE, "Complete. Evidence is filed with the programme office and impact will be "
    "checked again in six months." },
  { SAY_COMPLETE, "Completed in {month}; {detail} confirmed that the new arrangement is "
    "working." },
  { SAY_COMPLETE, "Complete and signed off at workstream {ws}; impact is monitored through the "
    "dashboard." },
  { SAY_COMPLETE, "Done: {lead} presented the outcome to the programme group in {month}." },
  { SAY_COMPLETE, "Complete. Workstream {ws} agreed that the success measure has been met." },
  { SAY_SUSPENDED, "Suspended by the board until the national changes to the SEND system are "
    "known; to be looked at again in {next}." },
};

typedef struct {
  const char *theme;
  const char *details[3];
} ThemeDetails;

static const ThemeDetails theme_details[] = {
  { T_COPRODUCTION, { "the parent carer forum", "the young people's reference group",
                      "parent carer representatives" } },
  { T_WORKFORCE, { "the training providers", "school SENCos", "the workforce development team" } },
  { T_COMMISSIONING, { "ICB commissioners", "the joint commissioning group",
                       "finance colleagues in both organisations" } },
  { T_EHC, { "the EHC coordinators", "the quality assurance panel", "the SENCo network" } },
  { T_HEALTH, { "the provider trusts", "the Designated Clinical Officer", "the clinical leads" } },
  { T_LOCAL_OFFER, { "the local offer team", "the advice service",
                     "families who tested the pages" } },
  { T_ADULTHOOD, { "the colleges", "adult social care", "the young people's reference group" } },
  { T_GOVERNANCE, { "the programme group", "board members",
                    "the DfE and NHS England advisers" } },
};

static const char * const rating_notes[] = {
  "Agreed at the workstream meeting",
  "From the lead officer's monthly return",
  "Challenged and agreed at the programme group",
};

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* The writing -------------------------------------------------------------------------------- */

/* How one action's story runs, drawn before any of it is written. */
typedef struct {
  PathwayAction *action;
  const ActionStub *stub;
  const HeadingStub *heading;
  const RevisionStub *revision; /* NULL: never revised */
  int revision_month;
  GDate due;                    /* original; invalid when undated */
  GDate revised_due;
  int start;                    /* month work starts */
  int complete;                 /* month completed, or -1 */
  int suspend;                  /* month suspended, or -1 */
  PathwayRating planned[N_MONTHS];
  PathwayRating rating;         /* as last written */
  PathwayStatus status;
} Plan;

typedef struct {
  PathwayDocument *doc;
  GRand *plan_rand;
  GRand *text_rand;
  GRand *reading_rand;
  PathwayPerson *people[N_PEOPLE];
  PathwayAreaOfWeakness *areas[G_N_ELEMENTS (areas)];
  PathwayWorkstream *workstreams[G_N_ELEMENTS (workstreams)];
  PathwayIndicator *indicators[G_N_ELEMENTS (indicators)];
  PathwayBoard *board;
  PathwayMeeting *meetings[G_N_ELEMENTS (meetings)];
  Plan plans[N_ACTIONS];
} Demo;

static void
demo_free (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo->people); i++)
    g_clear_object (&demo->people[i]);
  for (guint i = 0; i < G_N_ELEMENTS (demo->areas); i++)
    g_clear_object (&demo->areas[i]);
  for (guint i = 0; i < G_N_ELEMENTS (demo->workstreams); i++)
    g_clear_object (&demo->workstreams[i]);
  for (guint i = 0; i < G_N_ELEMENTS (demo->indicators); i++)
    g_clear_object (&demo->indicators[i]);
  for (guint i = 0; i < G_N_ELEMENTS (demo->meetings); i++)
    g_clear_object (&demo->meetings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (demo->plans); i++)
    g_clear_object (&demo->plans[i].action);
  g_clear_object (&demo->board);
  g_clear_pointer (&demo->plan_rand, g_rand_free);
  g_clear_pointer (&demo->text_rand, g_rand_free);
  g_clear_pointer (&demo->reading_rand, g_rand_free);
  g_clear_object (&demo->doc);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* Dates and the clock */

static GDate
make_date (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
month_of (int index, int *year, int *month)
{
  int k = FIRST_MONTH - 1 + index;

  *year = FIRST_YEAR + k / 12;
  *month = k % 12 + 1;
}

static int
month_index (const GDate *date)
{
  return ((int) g_date_get_year (date) - FIRST_YEAR) * 12
         + (int) g_date_get_month (date) - FIRST_MONTH;
}

static GDate
update_date (int index)
{
  int year, month;

  month_of (index, &year, &month);
  return make_date (year, month, UPDATE_DAY);
}

static void
set_clock (Demo *demo, int year, int month, int day, int hour, int minute, int seconds)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (year, month, day, hour, minute, 0);
  g_autoptr(GDateTime) now = g_date_time_add_seconds (start, seconds);

  pathway_document_set_now (demo->doc, now);
}

static int
pick (GRand *rand, int lo, int hi)
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (rand, lo, hi + 1);
}

static gboolean
set_date_property (Demo *demo, gpointer object, const char *property, int year, int month,
                   int day, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GDate date = make_date (year, month, day);

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  return pathway_document_set_value (demo->doc, object, property, &value, NULL, error);
}

/* The programme and its people */

static gboolean
write_programme (Demo *demo, GError **error)
{
  PathwayProgramme *programme = pathway_document_get_programme (demo->doc);
  PathwayRatingScheme *scheme = pathway_programme_get_rating_scheme (programme);
  g_auto(GValue) regime = G_VALUE_INIT;
  g_auto(GValue) blue = G_VALUE_INIT;
  g_autofree char *partners = g_strjoin ("; ", organisations[O_COUNCIL].name,
                                         organisations[O_ICB].name,
                                         organisations[O_FORUM].name, NULL);

  g_value_init (&regime, PATHWAY_TYPE_REGIME);
  g_value_set_enum (&regime, PATHWAY_REGIME_WSOA_2014);
  g_value_init (&blue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&blue, FALSE);

  return pathway_document_set_text (demo->doc, programme, "local-area", "Sallowmere", error)
         && pathway_document_set_text (demo->doc, programme, "partners", partners, error)
         && pathway_document_set_value (demo->doc, programme, "regime", &regime, NULL, error)
         && set_date_property (demo, programme, "inspection-date", 2025, 3, 14, error)
         && set_date_property (demo, programme, "letter-published", 2025, 5, 9, error)
         && set_date_property (demo, programme, "plan-agreed", 2025, 8, 22, error)
         && pathway_document_set_text (demo->doc, programme, "vision",
                                       "Every child and young person in Sallowmere with special "
                                       "educational needs or a disability is known, heard and "
                                       "helped early, close to home, by services that work as "
                                       "one with their family, so that they can lead happy, "
                                       "healthy and independent lives.", error)
         && pathway_document_set_value (demo->doc, scheme, "uses-blue", &blue, NULL, error)
         && pathway_document_set_text (demo->doc, scheme, "red-definition", "Not on track",
                                       error)
         && pathway_document_set_text (demo->doc, scheme, "amber-definition",
                                       "Not on track but can be recovered", error)
         && pathway_document_set_text (demo->doc, scheme, "green-definition",
                                       "On track or complete", error);
}

static gboolean
write_people (Demo *demo, GError **error)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      PathwayPerson *person = pathway_person_new ();

      demo->people[i] = person;
      pathway_person_set_name (person, people[i].name);
      pathway_person_set_role (person, people[i].role);
      pathway_person_set_organisation (person, organisations[people[i].organisation].name);
      {
        /* "Dr Imran Qureshi" at the ICB is imran.qureshi@nhs.net. */
        const char *name = g_str_has_prefix (people[i].name, "Dr ") ? people[i].name + 3
                                                                     : people[i].name;
        g_autofree char *local = g_ascii_strdown (name, -1);
        g_autofree char *email = NULL;

        g_strdelimit (local, " ", '.');
        g_strdelimit (local, "'", '-');
        email = g_strdup_printf ("%s@%s", local,
                                 organisations[people[i].organisation].mail_domain);
        pathway_person_set_email (person, email);
      }
      if (!pathway_document_add_person (demo->doc, person, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_areas (Demo *demo, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      PathwayAreaOfWeakness *area = pathway_area_of_weakness_new ();

      demo->areas[i] = area;
      pathway_area_of_weakness_set_reference (area, areas[i].reference);
      pathway_area_of_weakness_set_kind (area, PATHWAY_FINDING_WEAKNESS);
      pathway_area_of_weakness_set_title (area, areas[i].title);
      pathway_area_of_weakness_set_finding (area, areas[i].finding);
      pathway_area_of_weakness_set_commitment (area, areas[i].commitment);
      pathway_area_of_weakness_set_position (area, (int) i + 1);
      if (!pathway_document_add_area (demo->doc, area, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_workstreams (Demo *demo, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (workstreams); i++)
    {
      const WorkstreamStub *stub = &workstreams[i];
      PathwayWorkstream *workstream = pathway_workstream_new ();

      demo->workstreams[i] = workstream;
      pathway_workstream_set_code (workstream, stub->code);
      pathway_workstream_set_title (workstream, stub->title);
      pathway_workstream_set_lead_organisation (workstream, stub->lead_organisation);
      pathway_workstream_set_lead (workstream, demo->people[stub->lead]);
      pathway_workstream_set_description (workstream, stub->description);
      if (!pathway_document_add_workstream (demo->doc, workstream, error))
        return FALSE;

      for (const MemberStub *member = stub->members; member->role != NULL; member++)
        if (!pathway_document_add_member (demo->doc, workstream, demo->people[member->person],
                                          member->role, error))
          return FALSE;

      for (const char *ref = stub->areas; *ref != '\0'; ref++)
        if (!pathway_document_link_area (demo->doc, workstream, demo->areas[*ref - '1'], error))
          return FALSE;
    }
  return TRUE;
}

/* Actions and their stories */

static const HeadingStub *
find_heading (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (headings[i].key, key))
      return &headings[i];
  g_return_val_if_reached (NULL);
}

static const RevisionStub *
find_revision (const char *reference)
{
  for (guint i = 0; i < G_N_ELEMENTS (revisions); i++)
    if (g_str_equal (revisions[i].reference, reference))
      return &revisions[i];
  return NULL;
}

static GDate
revision_date (const RevisionStub *revision)
{
  if (revision->meeting >= 0)
    {
      const MeetingStub *meeting = &meetings[revision->meeting];

      return make_date (meeting->year, meeting->month, meeting->day);
    }
  return make_date (revision->year, revision->month, revision->day);
}

static const char *
theme_of (const Plan *plan)
{
  return plan->stub->theme != NULL ? plan->stub->theme : plan->heading->theme;
}

static void
plan_from (Plan *plan, int month, PathwayRating rating)
{
  for (int m = MAX (month, 0); m < N_MONTHS; m++)
    plan->planned[m] = rating;
}

/* Whether the timescale in force at that month-end has passed. */
static gboolean
past_due (const Plan *plan, int month)
{
  GDate today = update_date (month);
  const GDate *due = &plan->due;

  if (plan->revision != NULL && month >= plan->revision_month)
    due = &plan->revised_due;
  return g_date_valid (due) && g_date_compare (due, &today) < 0;
}

static PathwayRating
pick_first_rating (GRand *rand, Ending ending)
{
  /* Per cent red, then amber, at the start; the rest are green. Actions that end well
   * mostly start better, but most of the plan starts red or amber. */
  static const int shares[][2] = {
    [DONE] = { 35, 50 },
    [GREEN] = { 35, 45 },
    [AMBER] = { 55, 40 },
    [RED] = { 60, 40 },
    [SUSPENDED] = { 40, 60 },
  };
  int x = g_rand_int_range (rand, 0, 100);

  if (x < shares[ending][0])
    return PATHWAY_RATING_RED;
  if (x < shares[ending][0] + shares[ending][1])
    return PATHWAY_RATING_AMBER;
  return PATHWAY_RATING_GREEN;
}

/* Draws one action's path from its first rating to its ending: when it starts, when its
 * rating changes, when it completes, and whether it slips on the way. */
static void
plan_story (Demo *demo, Plan *plan)
{
  /* Most actions finish around their timescale; plenty finish late. */
  static const int completion_jitter[] = { -1, 0, 0, 1, 1, 2, 3 };
  GRand *rand = demo->plan_rand;
  PathwayRating first = pick_first_rating (rand, plan->stub->ending);
  const GDate *final_due = plan->revision != NULL ? &plan->revised_due : &plan->due;
  gboolean dated = g_date_valid (final_due);
  int due = dated ? month_index (final_due) : N_MONTHS + 6;
  int a, g, b, c;

  plan->rating = first;
  plan->status = PATHWAY_STATUS_NOT_STARTED;
  plan->complete = -1;
  plan->suspend = -1;
  plan_from (plan, 0, first);
  plan->start = dated ? pick (rand, 0, CLAMP (due - 2, 0, 6)) : pick (rand, 0, 5);

  switch (plan->stub->ending)
    {
    case DONE:
      c = due + completion_jitter[g_rand_int_range (rand, 0, G_N_ELEMENTS (completion_jitter))];
      c = MAX (c, plan->start + 1);
      if (plan->revision != NULL)
        c = MAX (c, plan->revision_month);
      c = MIN (c, N_MONTHS - 1);
      if (first == PATHWAY_RATING_RED)
        {
          a = pick (rand, plan->start, c);
          plan_from (plan, a, PATHWAY_RATING_AMBER);
          plan_from (plan, pick (rand, a, c), PATHWAY_RATING_GREEN);
        }
      else if (first == PATHWAY_RATING_AMBER)
        plan_from (plan, pick (rand, plan->start, c), PATHWAY_RATING_GREEN);
      plan_from (plan, c, PATHWAY_RATING_GREEN);
      plan->complete = c;
      break;

    case GREEN:
      if (first == PATHWAY_RATING_RED)
        {
          a = pick (rand, plan->start, 12);
          plan_from (plan, a, PATHWAY_RATING_AMBER);
          plan_from (plan, pick (rand, a + 1, 16), PATHWAY_RATING_GREEN);
        }
      else if (first == PATHWAY_RATING_AMBER)
        plan_from (plan, pick (rand, plan->start, 14), PATHWAY_RATING_GREEN);
      break;

    case AMBER:
    case SUSPENDED:
      if (first == PATHWAY_RATING_RED)
        {
          a = pick (rand, 1, 14);
          plan_from (plan, a, PATHWAY_RATING_AMBER);
          if (a <= 10 && g_rand_int_range (rand, 0, 100) < 25)
            {
              g = pick (rand, a + 1, 12);
              plan_from (plan, g, PATHWAY_RATING_GREEN);
              plan_from (plan, pick (rand, g + 2, N_MONTHS - 1), PATHWAY_RATING_AMBER);
            }
        }
      else if (first == PATHWAY_RATING_AMBER)
        {
          if (g_rand_int_range (rand, 0, 100) < 35)
            {
              g = pick (rand, plan->start, 11);
              plan_from (plan, g, PATHWAY_RATING_GREEN);
              plan_from (plan, pick (rand, g + 2, N_MONTHS - 1), PATHWAY_RATING_AMBER);
            }
        }
      else
        plan_from (plan, pick (rand, 3, N_MONTHS - 1), PATHWAY_RATING_AMBER);

      if (plan->stub->ending == SUSPENDED)
        {
          plan->suspend = pick (rand, 9, 13);
          plan_from (plan, plan->suspend, PATHWAY_RATING_AMBER);
        }
      break;

    case RED:
    default:
      if (first == PATHWAY_RATING_RED)
        {
          if (g_rand_int_range (rand, 0, 100) < 40)
            {
              a = pick (rand, 2, 10);
              plan_from (plan, a, PATHWAY_RATING_AMBER);
              plan_from (plan, pick (rand, a + 2, N_MONTHS - 1), PATHWAY_RATING_RED);
            }
          else
            plan->start = pick (rand, plan->start, 12);
        }
      else
        {
          b = pick (rand, 3, N_MONTHS - 1);
          plan_from (plan, b, PATHWAY_RATING_RED);
        }
      break;
    }

  /* Nothing past its timescale and still open is on track, however well it is going. */
  for (int m = 0; m < N_MONTHS; m++)
    if (plan->planned[m] == PATHWAY_RATING_GREEN && past_due (plan, m)
        && (plan->complete < 0 || m < plan->complete))
      plan->planned[m] = PATHWAY_RATING_AMBER;
}

static gboolean
write_actions (Demo *demo, GError **error)
{
  guint counts[G_N_ELEMENTS (headings)] = { 0 };
  static const char * const numerals[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
  };

  for (guint i = 0; i < N_ACTIONS; i++)
    {
      const ActionStub *stub = &actions[i];
      const HeadingStub *heading = find_heading (stub->heading);
      guint h = heading - headings;
      Plan *plan = &demo->plans[i];
      g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (stub->timescale);
      g_autofree char *reference = NULL;
      PathwayAction *action;

      g_assert (counts[h] < G_N_ELEMENTS (numerals));
      reference = g_strdup_printf ("%s %s", stub->heading, numerals[counts[h]++]);

      plan->stub = stub;
      plan->heading = heading;
      g_date_clear (&plan->due, 1);
      g_date_clear (&plan->revised_due, 1);
      if (pathway_timescale_has_date (timescale))
        plan->due = timescale->date;
      plan->revision = find_revision (reference);
      if (plan->revision != NULL)
        {
          g_autoptr(PathwayTimescale) revised = pathway_timescale_parse (plan->revision->timescale);
          GDate approved = revision_date (plan->revision);

          if (pathway_timescale_has_date (revised))
            plan->revised_due = revised->date;
          plan->revision_month = month_index (&approved);
        }
      plan_story (demo, plan);

      action = pathway_action_new ();
      plan->action = action;
      pathway_action_set_reference (action, reference);
      pathway_action_set_description (action, stub->description);
      pathway_action_set_area (action, demo->areas[stub->heading[0] - '1']);
      pathway_action_set_workstream (action, demo->workstreams[heading->workstream]);
      pathway_action_set_theme (action, theme_of (plan));
      pathway_action_set_lead (action, demo->people[stub->lead]);
      pathway_action_set_original_timescale (action, timescale);
      pathway_action_set_status (action, plan->status);
      pathway_action_set_rating (action, plan->rating);
      if (stub->measure != NULL)
        pathway_action_set_success_measure (action, stub->measure);

      set_clock (demo, 2025, 5, 20, 9, 0, (int) i * 20);
      if (!pathway_document_add_action (demo->doc, action, error))
        return FALSE;
    }
  return TRUE;
}

/* Commentary */

static void
append_token (Demo *demo, GString *out, const char *token, const Plan *plan, int month)
{
  const PersonStub *lead = &people[plan->stub->lead];
  int year, number;

  if (g_str_equal (token, "lead"))
    g_string_append (out, lead->name);
  else if (g_str_equal (token, "role"))
    g_string_append (out, lead->role);
  else if (g_str_equal (token, "org"))
    g_string_append (out, organisations[lead->organisation].short_name);
  else if (g_str_equal (token, "ws"))
    g_string_append (out, workstreams[plan->heading->workstream].code);
  else if (g_str_equal (token, "due"))
    {
      const PathwayTimescale *due = pathway_action_get_due_timescale (plan->action);
      g_autofree char *shown = pathway_timescale_dup_display (due);

      g_string_append (out, pathway_timescale_has_date (due) ? shown : "the planned date");
    }
  else if (g_str_equal (token, "detail"))
    {
      const char *theme = theme_of (plan);
      int k = g_rand_int_range (demo->text_rand, 0, 3);

      for (guint i = 0; i < G_N_ELEMENTS (theme_details); i++)
        if (g_str_equal (theme_details[i].theme, theme))
          g_string_append (out, theme_details[i].details[k]);
    }
  else if (g_str_equal (token, "month"))
    {
      month_of (month, &year, &number);
      g_string_append (out, month_names[number - 1]);
    }
  else if (g_str_equal (token, "next"))
    {
      month_of (month + 1, &year, &number);
      g_string_append (out, month_names[number - 1]);
    }
  else if (g_str_equal (token, "n"))
    g_string_append_printf (out, "%d", g_rand_int_range (demo->text_rand, 2, 7));
  else if (g_str_equal (token, "pct"))
    g_string_append_printf (out, "%d", 5 * g_rand_int_range (demo->text_rand, 8, 19));
  else
    g_return_if_reached ();
}

/* The template with each {token} filled from the action (append_token). */
static GString *
expand_template (Demo *demo, const char *text, const Plan *plan, int month)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;

      if (end != NULL)
        {
          g_autofree char *token = g_strndup (p + 1, end - p - 1);

          append_token (demo, out, token, plan, month);
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return out;
}

static char *
write_commentary (Demo *demo, Situation situation, const Plan *plan, int month)
{
  const char *current = pathway_action_get_commentary (plan->action);
  guint matching = 0, k;
  GString *out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (templates[i].situation == situation)
      matching++;
  g_return_val_if_fail (matching > 0, NULL);
  k = g_rand_int_range (demo->text_rand, 0, matching);

  for (guint attempt = 0; attempt < 2; attempt++, k = (k + 1) % matching)
    {
      const char *text = NULL;

      for (guint i = 0, seen = 0; i < G_N_ELEMENTS (templates); i++)
        if (templates[i].situation == situation && seen++ == k)
          text = templates[i].text;

      out = expand_template (demo, text, plan, month);
      /* A fresh line each month: the same words again would record nothing. */
      if (!g_str_equal (out->str, current) || matching == 1)
        break;
      g_string_free (out, TRUE);
      out = NULL;
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* What will bring a red action back: written when it turns red, from these in turn (they
 * take no random choice, so the rest of the demo reads as before). */
static const char *const recovery_plans[] = {
  "{lead} will agree a revised plan with {org} by the end of {next}, checked fortnightly at "
  "the {ws} workstream meeting until the action is back on track.",
  "Extra capacity from {org} starts in {next}; {lead} reports progress to the programme group "
  "each month until the rating improves.",
  "The {ws} workstream will re-plan the remaining steps with the parent carer forum in {next}; "
  "{lead} expects the action to be back on track within three months.",
};

static char *
write_recovery_plan (Demo *demo, const Plan *plan, guint index, int month)
{
  const char *text = recovery_plans[index % G_N_ELEMENTS (recovery_plans)];

  return g_string_free (expand_template (demo, text, plan, month), FALSE);
}

/* The monthly update */

static PathwayStatus
status_at (const Plan *plan, int month)
{
  if (plan->complete >= 0 && month >= plan->complete)
    return PATHWAY_STATUS_COMPLETE;
  if (plan->suspend >= 0 && month >= plan->suspend)
    return PATHWAY_STATUS_SUSPENDED;
  if (month < plan->start)
    return PATHWAY_STATUS_NOT_STARTED;
  if (plan->planned[month] == PATHWAY_RATING_RED || past_due (plan, month))
    return PATHWAY_STATUS_DELAYED;
  return PATHWAY_STATUS_ON_TRACK;
}

static Situation
situation_of (PathwayRating old_rating, PathwayStatus old_status, PathwayRating rating,
              PathwayStatus status)
{
  if (status == PATHWAY_STATUS_COMPLETE)
    return SAY_COMPLETE;
  if (status == PATHWAY_STATUS_SUSPENDED)
    return SAY_SUSPENDED;
  if (rating > old_rating)
    return SAY_IMPROVED;
  if (rating < old_rating)
    return SAY_SLIPPED;
  if (old_status == PATHWAY_STATUS_NOT_STARTED && status != PATHWAY_STATUS_NOT_STARTED)
    return SAY_STARTED;
  if (status == PATHWAY_STATUS_NOT_STARTED)
    return SAY_NOT_STARTED;
  if (status == PATHWAY_STATUS_DELAYED || rating == PATHWAY_RATING_RED)
    return SAY_DELAYED;
  return SAY_PROGRESS;
}

static gboolean
update_action (Demo *demo, guint index, int month, GError **error)
{
  Plan *plan = &demo->plans[index];
  PathwayRating rating = plan->planned[month];
  PathwayStatus status = status_at (plan, month);
  gboolean changed = rating != plan->rating || status != plan->status;
  gboolean finished = plan->status == PATHWAY_STATUS_COMPLETE
                      || plan->status == PATHWAY_STATUS_SUSPENDED;
  g_autofree char *commentary = NULL;
  const char *note = NULL;
  int year, number;

  /* Leads write most returns; the programme manager fills in the rest. */
  gboolean by_lead = g_rand_int_range (demo->text_rand, 0, 100) < 70;
  gboolean say = changed || (!finished && g_rand_int_range (demo->text_rand, 0, 100) < 40);

  if (!say)
    return TRUE;

  month_of (month, &year, &number);
  set_clock (demo, year, number, UPDATE_DAY, 10, 0, (int) index * 30);
  pathway_document_set_author (demo->doc, by_lead ? people[plan->stub->lead].name
                                                  : people[P_PROGRAMME].name);

  if (rating != plan->rating)
    {
      note = rating_notes[g_rand_int_range (demo->text_rand, 0, G_N_ELEMENTS (rating_notes))];
      if (!pathway_document_set_rating (demo->doc, plan->action, rating, note, error))
        return FALSE;
    }
  /* A red action without a recovery plan gets one with its next update. */
  if (rating == PATHWAY_RATING_RED && *pathway_action_get_recovery_plan (plan->action) == '\0')
    {
      g_autofree char *recovery = write_recovery_plan (demo, plan, index, month);

      if (!pathway_document_set_text (demo->doc, plan->action, "recovery-plan", recovery, error))
        return FALSE;
    }
  if (status != plan->status
      && !pathway_document_set_status (demo->doc, plan->action, status, NULL, error))
    return FALSE;

  if (say)
    {
      commentary = write_commentary (demo, situation_of (plan->rating, plan->status, rating,
                                                         status), plan, month);
      if (commentary != NULL
          && !pathway_document_set_commentary (demo->doc, plan->action, commentary, error))
        return FALSE;
    }

  plan->rating = rating;
  plan->status = status;
  return TRUE;
}

static gboolean
write_evidence (Demo *demo, int month, GError **error)
{
  int year, number;

  month_of (month, &year, &number);
  for (guint i = 0; i < G_N_ELEMENTS (evidence); i++)
    {
      const EvidenceStub *stub = &evidence[i];
      PathwayProgramme *programme = pathway_document_get_programme (demo->doc);
      PathwayAction *action = pathway_programme_find_action_by_reference (programme,
                                                                          stub->reference);
      g_autoptr(PathwayEvidence) draft = NULL;
      GDate date;
      int due_month = -1;

      for (guint k = 0; k < N_ACTIONS; k++)
        if (demo->plans[k].action == action && demo->plans[k].complete >= 0)
          due_month = MIN (demo->plans[k].complete + stub->months_after, N_MONTHS - 1);
      if (action == NULL || due_month != month)
        continue;

      date = make_date (year, number, 20);
      draft = pathway_evidence_new ();
      pathway_evidence_set_date (draft, &date);
      pathway_evidence_set_text (draft, stub->text);
      pathway_evidence_set_source (draft, stub->source);
      set_clock (demo, year, number, UPDATE_DAY, 15, 0, (int) i * 60);
      pathway_document_set_author (demo->doc, people[P_PROGRAMME].name);
      if (!pathway_document_add_evidence (demo->doc, action, draft, error))
        return FALSE;
    }
  return TRUE;
}

/* Indicators */

static double
reading_value (Demo *demo, const IndicatorStub *stub, int index)
{
  double t = (double) index / (N_MONTHS - 1);
  double shape = stub->curve == 0 ? t : (1 - exp (-stub->curve * t)) / (1 - exp (-stub->curve));
  double value = stub->first + (stub->last - stub->first) * shape;
  double scale = pow (10, stub->decimals);

  value += g_rand_double_range (demo->reading_rand, -stub->noise, stub->noise);
  if (stub->note_reading >= 0 && index >= stub->note_reading)
    value += stub->shift_after_note;
  if (stub->unit == PATHWAY_UNIT_PERCENT)
    value = CLAMP (value, 0, 100);
  value = MAX (value, 0);
  return round (value * scale) / scale;
}

static gboolean
write_indicators (Demo *demo, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      const IndicatorStub *stub = &indicators[i];
      PathwayIndicator *indicator = pathway_indicator_new ();
      GDate baseline = make_date (2025, 3, 31);
      GDate target = make_date (stub->target_year, stub->target_month, stub->target_day);

      demo->indicators[i] = indicator;
      pathway_indicator_set_name (indicator, stub->name);
      pathway_indicator_set_service (indicator, stub->service);
      pathway_indicator_set_definition (indicator, stub->definition);
      pathway_indicator_set_unit (indicator, stub->unit);
      pathway_indicator_set_direction (indicator, stub->direction);
      pathway_indicator_set_baseline_value (indicator, stub->baseline);
      pathway_indicator_set_baseline_date (indicator, &baseline);
      pathway_indicator_set_target_value (indicator, stub->target);
      pathway_indicator_set_target_date (indicator, &target);
      pathway_indicator_set_target_source (indicator, stub->target_source);
      pathway_indicator_set_comparator_value (indicator, stub->comparator);
      pathway_indicator_set_comparator_label (indicator, stub->comparator_label);
      pathway_indicator_set_position (indicator, (int) i + 1);
      if (!pathway_document_add_indicator (demo->doc, indicator, error))
        return FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (stub->milestones); k++)
        {
          const MilestoneStub *m = &stub->milestones[k];
          g_autoptr(PathwayMilestone) milestone = pathway_milestone_new ();
          GDate date = make_date (m->year, m->month, m->day);

          pathway_milestone_set_date (milestone, &date);
          pathway_milestone_set_planned_value (milestone, m->value);
          if (!pathway_document_add_milestone (demo->doc, indicator, milestone, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Each month's update records the readings for the month before, the latest complete one. */
static gboolean
write_readings (Demo *demo, int month, GError **error)
{
  int year, number, update_year, update_month;

  month_of (month - 1, &year, &number);
  month_of (month, &update_year, &update_month);
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      const IndicatorStub *stub = &indicators[i];
      g_autoptr(PathwayReading) reading = NULL;
      GDate date;
      double value = reading_value (demo, stub, month);

      if (month == stub->gaps[0] || month == stub->gaps[1])
        continue;

      date = make_date (year, number, g_date_get_days_in_month (number, year));
      reading = pathway_reading_new ();
      pathway_reading_set_date (reading, &date);
      pathway_reading_set_value (reading, value);
      if (month == stub->note_reading)
        pathway_reading_set_note (reading, stub->note);
      set_clock (demo, update_year, update_month, UPDATE_DAY, 16, 0, (int) i * 60);
      pathway_document_set_author (demo->doc, people[P_INTELLIGENCE].name);
      if (!pathway_document_add_reading (demo->doc, demo->indicators[i], reading, error))
        return FALSE;
    }
  return TRUE;
}

/* The board */

static gboolean
write_board (Demo *demo, GError **error)
{
  demo->board = pathway_board_new ();
  pathway_board_set_name (demo->board, "SEND Improvement Board");
  pathway_board_set_chair (demo->board, demo->people[P_DCS]);
  pathway_board_set_cadence (demo->board, "Every two months");
  if (!pathway_document_add_board (demo->doc, demo->board, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      PathwayMeeting *meeting = pathway_meeting_new ();
      GDate date = make_date (meetings[i].year, meetings[i].month, meetings[i].day);

      demo->meetings[i] = meeting;
      pathway_meeting_set_date (meeting, &date);
      pathway_meeting_set_title (meeting, meetings[i].title);
      pathway_meeting_set_location (meeting, meetings[i].location);
      /* Every pack goes out the same way: by the programme manager, for the whole board. */
      pathway_meeting_set_report_title (meeting, "SEND written statement of action: "
                                                 "progress report");
      pathway_meeting_set_report_by (meeting, "Priya Raman, SEND Improvement Programme "
                                              "Manager");
      pathway_meeting_set_report_for (meeting, "Information, discussion and decision");
      pathway_meeting_set_classification (meeting, "OFFICIAL");
      pathway_meeting_set_recommendation (meeting,
        "The board is asked to:\n"
        "- note progress on the written statement of action since its last meeting;\n"
        "- agree the ratings of the red actions and the recovery plans set out for them;\n"
        "- agree the revised timescales listed under overdue and slipped actions.");
      if (!pathway_document_add_meeting (demo->doc, demo->board, meeting, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_revision (Demo *demo, const RevisionStub *stub, GError **error)
{
  PathwayProgramme *programme = pathway_document_get_programme (demo->doc);
  PathwayAction *action = pathway_programme_find_action_by_reference (programme, stub->reference);
  g_autoptr(PathwayTimescale) timescale = pathway_timescale_parse (stub->timescale);
  GDate approved = revision_date (stub);

  if (action == NULL)
    {
      g_set_error (error, PATHWAY_ERROR, PATHWAY_ERROR_FAILED, "The demo has no action %s",
                   stub->reference);
      return FALSE;
    }
  pathway_document_set_author (demo->doc, people[P_PROGRAMME].name);
  return pathway_document_revise_timescale (demo->doc, action, timescale, stub->reason,
                                            stub->approved_by, &approved, error);
}

/* What happens between month-ends: board meetings, and revisions approved outside them. */
static gboolean
write_days (Demo *demo, int month, GError **error)
{
  int year, number;

  month_of (month, &year, &number);
  for (int day = 1; day < UPDATE_DAY; day++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
        {
          const MeetingStub *stub = &meetings[i];

          if (stub->year != year || stub->month != number || stub->day != day
              || stub->summary == NULL)
            continue;

          pathway_document_set_meeting (demo->doc, demo->meetings[i]);
          for (guint k = 0; k < G_N_ELEMENTS (revisions); k++)
            {
              if (revisions[k].meeting != (int) i)
                continue;
              set_clock (demo, year, number, day, 15, 0, (int) k * 60);
              if (!write_revision (demo, &revisions[k], error))
                {
                  pathway_document_set_meeting (demo->doc, NULL);
                  return FALSE;
                }
            }
          pathway_document_set_meeting (demo->doc, NULL);

          set_clock (demo, year, number, day, 17, 30, 0);
          pathway_document_set_author (demo->doc, people[P_PROGRAMME].name);
          if (!pathway_document_set_text (demo->doc, demo->meetings[i], "summary", stub->summary,
                                          error))
            return FALSE;
        }

      for (guint k = 0; k < G_N_ELEMENTS (revisions); k++)
        {
          const RevisionStub *stub = &revisions[k];

          if (stub->meeting >= 0 || stub->year != year || stub->month != number
              || stub->day != day)
            continue;
          set_clock (demo, year, number, day, 11, 0, 0);
          if (!write_revision (demo, stub, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_month (Demo *demo, int month, GError **error)
{
  g_autofree char *label = NULL;
  int year, number;

  if (!write_days (demo, month, error))
    return FALSE;

  month_of (month, &year, &number);
  label = g_strdup_printf ("Monthly update, %s %d", month_names[number - 1], year);
  if (!pathway_document_begin_batch (demo->doc, label, error))
    return FALSE;

  for (guint i = 0; i < N_ACTIONS; i++)
    if (!update_action (demo, i, month, error))
      goto fail;
  if (!write_evidence (demo, month, error) || !write_readings (demo, month, error))
    goto fail;

  if (!pathway_document_commit_batch (demo->doc, error))
    return FALSE;

  /* The programme group reviews the risk log after the tracker, and records what families
   * said that month; the summaries for families were written once the plan was agreed. */
  g_free (label);
  label = g_strdup_printf ("Risk log review, %s %d", month_names[number - 1], year);
  set_clock (demo, year, number, UPDATE_DAY, 16, 0, 0);
  pathway_document_set_author (demo->doc, people[P_PROGRAMME].name);
  if (!pathway_document_begin_batch (demo->doc, label, error))
    return FALSE;
  if (!pathway_demo_write_log (demo->doc, month, error))
    goto fail;
  if (!pathway_document_commit_batch (demo->doc, error))
    return FALSE;
  if (year == 2025 && number == 8)
    {
      set_clock (demo, year, number, UPDATE_DAY, 17, 0, 0);
      if (!pathway_document_begin_batch (demo->doc, "Summaries for families", error))
        return FALSE;
      if (!pathway_demo_write_public_summaries (demo->doc, error))
        goto fail;
      return pathway_document_commit_batch (demo->doc, error);
    }
  return TRUE;

fail:
  pathway_document_rollback_batch (demo->doc);
  return FALSE;
}

gboolean
pathway_demo_write (const char *path, GError **error)
{
  g_autoptr(Demo) demo = g_new0 (Demo, 1);

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo->doc = pathway_document_create (path, "Sallowmere Local Area SEND Written Statement of "
                                       "Action", error);
  if (demo->doc == NULL)
    return FALSE;
  /* Its clock walks through eighteen months in seconds: no daily backups on the way. */
  pathway_document_set_backup_policy (demo->doc, 0, 0);
  demo->plan_rand = g_rand_new_with_seed (PLAN_SEED);
  demo->text_rand = g_rand_new_with_seed (TEXT_SEED);
  demo->reading_rand = g_rand_new_with_seed (READING_SEED);

  /* The plan as it was drafted after the inspection letter. */
  set_clock (demo, 2025, 5, 19, 9, 0, 0);
  pathway_document_set_author (demo->doc, people[P_PROGRAMME].name);
  if (!pathway_document_begin_batch (demo->doc, "Set up the programme", error))
    return FALSE;
  if (!write_programme (demo, error)
      || !write_people (demo, error)
      || !write_areas (demo, error)
      || !write_workstreams (demo, error)
      || !write_indicators (demo, error)
      || !write_board (demo, error))
    {
      pathway_document_rollback_batch (demo->doc);
      return FALSE;
    }
  if (!pathway_document_commit_batch (demo->doc, error))
    return FALSE;

  if (!pathway_document_begin_batch (demo->doc, "Add the actions", error))
    return FALSE;
  if (!write_actions (demo, error))
    {
      pathway_document_rollback_batch (demo->doc);
      return FALSE;
    }
  if (!pathway_document_commit_batch (demo->doc, error))
    return FALSE;

  for (int month = 0; month < N_MONTHS; month++)
    if (!write_month (demo, month, error))
      return FALSE;

  pathway_document_close (demo->doc);
  return TRUE;
}
