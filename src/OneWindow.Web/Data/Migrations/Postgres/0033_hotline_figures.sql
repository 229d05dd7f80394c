-- Kept work-order figures (issue 19, ADR 0032): one row per dimension (channel, type, category, lead unit, town,
-- place) x Beijing day x member, added to in the transaction of every action on an order (an EF save interceptor
-- folds the order's new events into one row of each dimension). The hotline report, its hot topics and the leaders'
-- monthly brief read these rows only. Orders from before this schema: run `check-figures <first day> <today> --repair`.

CREATE TABLE "DailyHotlineFigures" (
    "Dimension" integer NOT NULL,
    "Day" date NOT NULL,
    "Member" character varying(40) NOT NULL,
    "Received" bigint NOT NULL,
    "AnsweredOnTheSpot" bigint NOT NULL,
    "Referred" bigint NOT NULL,
    "Refused" bigint NOT NULL,
    "Merged" bigint NOT NULL,
    "Dispatched" bigint NOT NULL,
    "SignedFor" bigint NOT NULL,
    "SignedForOnTime" bigint NOT NULL,
    "Returned" bigint NOT NULL,
    "Replied" bigint NOT NULL,
    "RepliedOnTime" bigint NOT NULL,
    "SentBack" bigint NOT NULL,
    "CallbackDue" bigint NOT NULL,
    "CalledBack" bigint NOT NULL,
    "Satisfied" bigint NOT NULL,
    "FairlySatisfied" bigint NOT NULL,
    "Unsatisfied" bigint NOT NULL,
    "Resolved" bigint NOT NULL,
    "Reopened" bigint NOT NULL,
    "Concluded" bigint NOT NULL,
    "ConcludedOnTime" bigint NOT NULL,
    CONSTRAINT "PK_DailyHotlineFigures" PRIMARY KEY ("Dimension", "Day", "Member")
);
