-- Kept work-order figures by month (issue 19, ADR 0040): the same figures as "DailyHotlineFigures", summed over a
-- Beijing month ("Month" is its first day), added to in the same command as the day's row. A report over whole months
-- reads these (a quarter: three rows a member, not ninety) and the days only for a part-month. Filled here from the
-- day rows already kept; `check-figures` compares each month with its orders' events and repairs it.

CREATE TABLE "MonthlyHotlineFigures" (
    "Dimension" integer NOT NULL,
    "Month" date NOT NULL,
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
    CONSTRAINT "PK_MonthlyHotlineFigures" PRIMARY KEY ("Dimension", "Month", "Member")
);

INSERT INTO "MonthlyHotlineFigures" ("Dimension", "Month", "Member", "Received", "AnsweredOnTheSpot", "Referred", "Refused", "Merged", "Dispatched", "SignedFor", "SignedForOnTime", "Returned", "Replied", "RepliedOnTime", "SentBack", "CallbackDue", "CalledBack", "Satisfied", "FairlySatisfied", "Unsatisfied", "Resolved", "Reopened", "Concluded", "ConcludedOnTime")
SELECT "Dimension", CAST(date_trunc('month', "Day") AS date), "Member", SUM("Received"), SUM("AnsweredOnTheSpot"), SUM("Referred"), SUM("Refused"), SUM("Merged"), SUM("Dispatched"), SUM("SignedFor"), SUM("SignedForOnTime"), SUM("Returned"), SUM("Replied"), SUM("RepliedOnTime"), SUM("SentBack"), SUM("CallbackDue"), SUM("CalledBack"), SUM("Satisfied"), SUM("FairlySatisfied"), SUM("Unsatisfied"), SUM("Resolved"), SUM("Reopened"), SUM("Concluded"), SUM("ConcludedOnTime")
FROM "DailyHotlineFigures"
GROUP BY "Dimension", CAST(date_trunc('month', "Day") AS date), "Member";
