-- Kept work-order figures (issue 19, ADR 0032): one row per dimension (channel, type, category, lead unit, town,
-- place) x Beijing day x member, added to in the transaction of every action on an order (an EF save interceptor
-- folds the order's new events into one row of each dimension). The hotline report, its hot topics and the leaders'
-- monthly brief read these rows only. Orders from before this schema: run `check-figures <first day> <today> --repair`.

CREATE TABLE "DailyHotlineFigures" (
    "Dimension" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Member" TEXT NOT NULL,
    "Received" INTEGER NOT NULL,
    "AnsweredOnTheSpot" INTEGER NOT NULL,
    "Referred" INTEGER NOT NULL,
    "Refused" INTEGER NOT NULL,
    "Merged" INTEGER NOT NULL,
    "Dispatched" INTEGER NOT NULL,
    "SignedFor" INTEGER NOT NULL,
    "SignedForOnTime" INTEGER NOT NULL,
    "Returned" INTEGER NOT NULL,
    "Replied" INTEGER NOT NULL,
    "RepliedOnTime" INTEGER NOT NULL,
    "SentBack" INTEGER NOT NULL,
    "CallbackDue" INTEGER NOT NULL,
    "CalledBack" INTEGER NOT NULL,
    "Satisfied" INTEGER NOT NULL,
    "FairlySatisfied" INTEGER NOT NULL,
    "Unsatisfied" INTEGER NOT NULL,
    "Resolved" INTEGER NOT NULL,
    "Reopened" INTEGER NOT NULL,
    "Concluded" INTEGER NOT NULL,
    "ConcludedOnTime" INTEGER NOT NULL,
    CONSTRAINT "PK_DailyHotlineFigures" PRIMARY KEY ("Dimension", "Day", "Member")
);
