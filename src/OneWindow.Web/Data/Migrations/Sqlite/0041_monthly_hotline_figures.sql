-- Kept work-order figures by month (issue 19, ADR 0040): the same figures as "DailyHotlineFigures", summed over a
-- Beijing month ("Month" is its first day), added to in the same command as the day's row. A report over whole months
-- reads these (a quarter: three rows a member, not ninety) and the days only for a part-month. Filled here from the
-- day rows already kept; `check-figures` compares each month with its orders' events and repairs it.

CREATE TABLE "MonthlyHotlineFigures" (
    "Dimension" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
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
    CONSTRAINT "PK_MonthlyHotlineFigures" PRIMARY KEY ("Dimension", "Month", "Member")
);

INSERT INTO "MonthlyHotlineFigures" ("Dimension", "Month", "Member", "Received", "AnsweredOnTheSpot", "Referred", "Refused", "Merged", "Dispatched", "SignedFor", "SignedForOnTime", "Returned", "Replied", "RepliedOnTime", "SentBack", "CallbackDue", "CalledBack", "Satisfied", "FairlySatisfied", "Unsatisfied", "Resolved", "Reopened", "Concluded", "ConcludedOnTime")
SELECT "Dimension", substr("Day", 1, 8) || '01', "Member", SUM("Received"), SUM("AnsweredOnTheSpot"), SUM("Referred"), SUM("Refused"), SUM("Merged"), SUM("Dispatched"), SUM("SignedFor"), SUM("SignedForOnTime"), SUM("Returned"), SUM("Replied"), SUM("RepliedOnTime"), SUM("SentBack"), SUM("CallbackDue"), SUM("CalledBack"), SUM("Satisfied"), SUM("FairlySatisfied"), SUM("Unsatisfied"), SUM("Resolved"), SUM("Reopened"), SUM("Concluded"), SUM("ConcludedOnTime")
FROM "DailyHotlineFigures"
GROUP BY "Dimension", substr("Day", 1, 8) || '01', "Member";
