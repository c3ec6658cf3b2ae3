"""Invented, non-identifying texts for the sample practice: session notes, action items,
reviews, unseen-work notes and enquiries.

Notes are put together from short fragments so hundreds of sessions read differently.
They describe ordinary coaching, counselling and healing work in the plain, careful
language a practitioner would use, and name no one: ``{name}`` is replaced by the
client's first name.
"""

from __future__ import annotations

from practice.models import ActionStatus, Attendance, EnquiryOutcome, WorkCategory

#: The three kinds of work the sample practitioner offers; each programme is one strand.
COACHING, THERAPY, HEALING = "coaching", "therapy", "healing"

OPENINGS: tuple[str, ...] = (
    "{name} arrived on time and settled quickly.",
    "{name} arrived a few minutes late after a difficult journey and took a while to land.",
    "{name} came in noticeably brighter than last time.",
    "{name} said the week had been hard and that they nearly cancelled.",
    "{name} began by reporting on what had happened since we last met.",
    "Quiet start; {name} wanted to sit for a minute before talking.",
    "{name} opened with something that had been on their mind all week.",
    "{name} joined on video from home; connection was steady.",
)

THEMES: dict[str, tuple[str, ...]] = {
    COACHING: (
        "We looked at the gap between where {name} is now in their work and where they want to be in a year.",
        "Main theme was boundaries at work: saying no to extra projects without feeling guilty.",
        "We explored the values exercise: freedom, craft and family came out on top.",
        "{name} talked through the job offer and what each option would mean day to day.",
        "We revisited the plan for the business launch and broke the next month into small steps.",
        "Focus on confidence before the promotion interview; we rehearsed two likely questions.",
        "We mapped where the week's time actually goes; far more on email than {name} had realised.",
        "{name} is weighing up going part-time; we listed what they would need to know first.",
    ),
    THERAPY: (
        "We returned to the anxiety that comes on in the early evening and what tends to set it off.",
        "{name} spoke about grief for their father and how it shows up at unexpected moments.",
        "Main theme was the pattern of people-pleasing and where {name} first learned it.",
        "We talked about sleep: waking at 3am with a racing mind most nights this week.",
        "{name} described an argument at home and we slowed it down to see what each person needed.",
        "We looked at the inner critic and the words it uses; {name} recognised a parent's voice.",
        "{name} noticed they have been avoiding friends; we explored what the withdrawal protects.",
        "We stayed with low mood today rather than trying to fix it; {name} found that a relief.",
    ),
    HEALING: (
        "{name} reported tension across the shoulders and jaw; we worked with the breath first.",
        "We worked with the body scan and {name} noticed where they hold stress.",
        "Session focused on rest after a period of burnout; {name} let themselves be still.",
        "{name} wanted to work with the restlessness that comes before sleep.",
        "We combined gentle movement with grounding; {name} felt heavy legs and a calmer belly.",
        "{name} described feeling disconnected from the body since the illness; we went slowly.",
        "We used the longer guided relaxation; {name} dozed for a few minutes, which is welcome.",
        "Energy work with a focus on the chest; {name} noticed warmth and some sadness.",
    ),
}

WORK_DONE: dict[str, tuple[str, ...]] = {
    COACHING: (
        "We used scaling questions: {name} put themselves at 4 out of 10 and named what 5 would look like.",
        "Role-play of the conversation with the manager; second attempt much clearer.",
        "Wheel of life revisited: health and relationships both up a point.",
        "We wrote three options on paper and {name} chose the least frightening first step.",
        "Reviewed the last fortnight's wins; {name} had forgotten half of them.",
    ),
    THERAPY: (
        "We practised a grounding exercise (5-4-3-2-1) which {name} said they could use at work.",
        "Used a thought record on the worry about the meeting; {name} found a kinder alternative.",
        "We drew a simple timeline of the last year, which helped {name} see how much has changed.",
        "Some tears near the end; we took time to settle before finishing.",
        "We talked about what support is available between sessions and agreed how to use it.",
    ),
    HEALING: (
        "Forty minutes of hands-on work with the client lying down, then a short talk about what came up.",
        "Taught the 4-7-8 breath; {name} managed four rounds comfortably.",
        "Recorded a short version of today's relaxation for {name} to use at home.",
        "We ended with a few minutes of quiet sitting and a glass of water.",
        "{name} said the headaches have been less frequent since we started.",
    ),
}

CLOSINGS: tuple[str, ...] = (
    "Agreed to pick this up next time.",
    "{name} left saying they felt lighter.",
    "Ended on time; {name} seemed calmer than at the start.",
    "Next session to look at how the week went with the new plan.",
    "{name} asked for the worksheet by email; sent after the session.",
    "No risk concerns today.",
    "Reminded {name} about the support calls if things get difficult.",
)

SUPPORT_CALL_NOTES: tuple[str, ...] = (
    "Short check-in call. {name} wanted to talk through a wobble at work; talked it through.",
    "{name} rang after a hard day; we used the breathing exercise together on the phone.",
    "Quick call to adjust the plan after an unexpected week away.",
    "{name} wanted reassurance before the difficult conversation tomorrow.",
    "Check-in as agreed. Things steadier; no changes needed.",
)

REVIEW_SESSION_NOTES: tuple[str, ...] = (
    "Mid-programme review. We looked back at the goals {name} set at the start; two feel well on the way.",
    "Review: {name} feels the sessions are helping and wants to keep the same rhythm.",
    "Review of progress so far; agreed to spend the remaining sessions on staying steady after we finish.",
)

#: What the practitioner writes when a session did not take place.
ATTENDANCE_NOTES: dict[Attendance, str] = {
    Attendance.CANCELLED_EARLY: "Moved with plenty of notice; does not count as used.",
    Attendance.CANCELLED_LATE: "Cancelled on the morning of the session; counts as used.",
    Attendance.NO_SHOW: "Did not arrive and did not answer the phone; sent a kind message.",
}

#: Added when a note is corrected after the session (the earlier text is kept).
NOTE_CORRECTIONS: tuple[str, ...] = (
    "(Corrected: the next session is in two weeks, not one.)",
    "Added later: remembered that we also agreed to review the goals next time.",
    "(Typing error in the first version corrected.)",
)

#: Added to a signed note later on.
ADDENDA: tuple[str, ...] = (
    "Addendum: the client emailed the next day to say the exercise had helped.",
    "Addendum: discussed in supervision; no change to the plan.",
    "Addendum: the client asked for a copy of the worksheet mentioned above; sent.",
)

PRIVATE_NOTES: tuple[str, ...] = (
    "I noticed my own tiredness in this session; take to supervision.",
    "Felt protective of {name} today. Keep an eye on that.",
    "Possible link to the family history mentioned in the first session; do not push.",
    "I talked too much in the second half. Slow down next time.",
    "",
    "",
    "",
)

ACTION_ITEMS: dict[str, tuple[str, ...]] = {
    COACHING: (
        "Block two hours of focused work on Tuesday and Thursday mornings",
        "Write down three wins at the end of each working day",
        "Draft the email to the manager about workload and send it",
        "Ask two colleagues for honest feedback on the presentation",
        "Research three courses and note the cost and time of each",
        "Turn off work notifications after 7pm for a week",
        "Sketch the outline of the business plan on one page",
    ),
    THERAPY: (
        "Keep a sleep diary for the next week",
        "Use the grounding exercise when the evening anxiety starts",
        "Walk outside for 20 minutes on three days",
        "Notice and write down one moment of self-criticism each day",
        "Call one friend you have not seen for a while",
        "Try the thought record once before the next session",
        "Plan one small thing to look forward to at the weekend",
    ),
    HEALING: (
        "Listen to the relaxation recording before bed four nights this week",
        "Practise the 4-7-8 breath twice a day",
        "Drink water before coffee in the morning",
        "Do the shoulder release stretches after long spells at the desk",
        "Take a ten-minute screen-free break after lunch",
        "Write a few lines in the body journal each evening",
    ),
}

REVIEW_NOTES: dict[ActionStatus, tuple[str, ...]] = {
    ActionStatus.DONE: (
        "Done, and it helped more than expected.",
        "Done most days; wants to keep going.",
        "Completed. Noticed a difference by the end of the week.",
    ),
    ActionStatus.PARTLY: (
        "Managed about half; the busy days got in the way.",
        "Started well, tailed off midweek.",
        "Partly done; found the first step easier than the rest.",
    ),
    ActionStatus.DROPPED: (
        "Did not happen; agreed it was not the right thing for now.",
        "Dropped: circumstances changed.",
        "Not done. We talked about what got in the way and let it go.",
    ),
    ActionStatus.OPEN: ("",),
}

WORK_NOTES: dict[WorkCategory, tuple[str, ...]] = {
    WorkCategory.PREP: ("Read back through notes", "Prepared the worksheet", "Planned the session"),
    WorkCategory.WRITE_UP: ("Session notes written up", "Notes and action items typed up"),
    WorkCategory.SUPERVISION: (
        "Monthly clinical supervision",
        "Group supervision",
        "Extra supervision about a complex case",
    ),
    WorkCategory.SUPPORT: (
        "Replied to a client's email between sessions",
        "Text check-in as agreed",
        "Read and answered a client's journal excerpt",
    ),
    WorkCategory.ADMIN: (
        "Invoices and bookkeeping",
        "Diary and rescheduling",
        "Updated the website and directory listing",
        "Tax return paperwork",
    ),
    WorkCategory.RESOURCE_MAKING: (
        "Recorded a new guided relaxation",
        "Wrote the values worksheet",
        "Edited the body scan recording",
        "Made a short video on the breathing exercise",
    ),
    WorkCategory.TRAINING: (
        "CPD workshop on working with trauma",
        "Online course: coaching for career change",
        "Reading for CPD",
        "Annual safeguarding refresher",
    ),
    WorkCategory.TRAVEL: ("Travel to the clinic room", "Travel to a home visit"),
}

#: Enquiries that never became clients, with what the practitioner did about each.
#: (what they asked for, the outcome, the note the practitioner kept, the provider or
#: resource key it points to when there is one)
ENQUIRIES: tuple[tuple[str, EnquiryOutcome, str, str], ...] = (
    (
        "My partner and I keep having the same argument and we would like some help together.",
        EnquiryOutcome.REFERRED,
        "I work with individuals; referred to a couples therapist.",
        "couples",
    ),
    (
        "I think I might have ADHD and would like an assessment.",
        EnquiryOutcome.REFERRED,
        "Needs a formal assessment; referred to a specialist clinic.",
        "adhd",
    ),
    (
        "I have been struggling with food and my weight for years and it is getting worse.",
        EnquiryOutcome.REFERRED,
        "Outside my competence; referred to a specialist eating disorder service.",
        "eating",
    ),
    (
        "Looking for help for my teenage son who has stopped going to school.",
        EnquiryOutcome.REFERRED,
        "I do not work with under-18s; referred to a young people's counsellor.",
        "young",
    ),
    (
        "Bad back and shoulders from desk work. Would healing sessions help?",
        EnquiryOutcome.REFERRED,
        "Physical first: suggested a sports massage therapist, welcome to come back.",
        "massage",
    ),
    (
        "I cannot afford a programme right now but I am not sleeping and need something.",
        EnquiryOutcome.RESOURCE,
        "Sent the free sleep guide and the relaxation recording.",
        "sleep",
    ),
    (
        "Interested in mindfulness. Is there something I can try on my own first?",
        EnquiryOutcome.RESOURCE,
        "Pointed to the eight-week mindfulness course.",
        "mindfulness",
    ),
    (
        "Feeling stuck in my career, not sure if coaching is for me.",
        EnquiryOutcome.RESOURCE,
        "Sent the values worksheet to try first; may come back.",
        "values",
    ),
    (
        "Wanted one session only, on a Sunday evening.",
        EnquiryOutcome.DECLINED,
        "I do not work Sundays; explained and wished them well.",
        "",
    ),
    (
        "Could you write a report for my court case?",
        EnquiryOutcome.DECLINED,
        "Not something I offer; suggested asking their solicitor for an expert.",
        "",
    ),
    (
        "Looking for weekly sessions starting next month, in the evenings if possible.",
        EnquiryOutcome.WAITING,
        "Sent the programme details; waiting to hear back.",
        "",
    ),
    (
        "A friend recommended you. I am going through a divorce and everything feels too much.",
        EnquiryOutcome.WAITING,
        "Offered a free 20-minute call; waiting for a time.",
        "",
    ),
)

#: What people who went on to become clients first wrote.
CLIENT_ENQUIRIES: dict[str, tuple[str, ...]] = {
    COACHING: (
        "I want to change career but do not know where to start.",
        "Burnt out at work and want to find a better balance.",
        "Starting my own business and need someone to think it through with.",
    ),
    THERAPY: (
        "Anxiety has been getting worse since the spring.",
        "I lost my dad last year and I am not coping as well as I thought.",
        "Low mood for months; a friend suggested talking to someone.",
    ),
    HEALING: (
        "Looking for something to help me relax and sleep better.",
        "Recovering from a long illness and want to feel at home in my body again.",
        "Stress is showing up as headaches and tight shoulders.",
    ),
}

#: Why the practitioner referred an existing client to someone else.
CLIENT_REFERRAL_REASONS: tuple[tuple[str, str], ...] = (
    ("massage", "Persistent back pain alongside our work; suggested a sports massage."),
    ("gp", "Sleep has not improved; suggested a GP appointment to rule out anything physical."),
    ("couples", "Relationship themes would be better held in couples work as well."),
)

#: What the practitioner notes on a client's record.
CLIENT_NOTES: tuple[str, ...] = (
    "Prefers morning sessions.",
    "Works shifts; check the rota before booking.",
    "Likes a reminder text the day before.",
    "Has a dog who sometimes appears on video sessions.",
    "Prefers not to be phoned at work.",
    "",
    "",
    "",
)

END_EARLY_REASONS: tuple[str, ...] = (
    "Moved abroad for work.",
    "Money became tight; we agreed to stop after the minimum term.",
    "Felt they had got what they came for sooner than expected.",
    "Health reasons; may return later.",
)

CANCEL_REASONS: tuple[str, ...] = (
    "Changed their mind before the start.",
    "Found a practitioner closer to home.",
    "Could not find regular time after a change of shifts.",
)
