-- Month and year rows carrying every measure of DailyFigures (issue 20, ADR 0038), replacing the stock's month rows of
-- 0036a (StockMonths, received and closed only). Span 1 is a calendar month, 2 a calendar year; Start is its first day.
-- The case hook adds to a case's day rows, their months and their years with the same difference in the same
-- transaction, so a month row is the sum of its days' rows and a year row of its months'; a report splits its period
-- into whole years, whole months and leftover days. Filled here from the day rows already kept.

CREATE TABLE "PeriodFigures" (
    "Span" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "WindowId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Received" INTEGER NOT NULL,
    "Instant" INTEGER NOT NULL,
    "Corrected" INTEGER NOT NULL,
    "Accepted" INTEGER NOT NULL,
    "RejectedAtIntake" INTEGER NOT NULL,
    "Withdrawn" INTEGER NOT NULL,
    "Terminated" INTEGER NOT NULL,
    "Concluded" INTEGER NOT NULL,
    "Decided" INTEGER NOT NULL,
    "OnTime" INTEGER NOT NULL,
    "Early" INTEGER NOT NULL,
    "OverduePromised" INTEGER NOT NULL,
    "OverdueStatutory" INTEGER NOT NULL,
    "OverdueWorkingDays" INTEGER NOT NULL,
    "WorkingDays" INTEGER NOT NULL,
    "PromisedDays" INTEGER NOT NULL,
    "StatutoryDays" INTEGER NOT NULL,
    "Closed" INTEGER NOT NULL,
    "Paid" INTEGER NOT NULL,
    "FeeFen" INTEGER NOT NULL,
    "AcceptedPromptly" INTEGER NOT NULL,
    "ExtensionDays" INTEGER NOT NULL,
    "ZeroVisit" INTEGER NOT NULL,
    "AtMostOneVisit" INTEGER NOT NULL,
    CONSTRAINT "PK_PeriodFigures" PRIMARY KEY ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_PeriodFigures_DepartmentId_Span_Start" ON "PeriodFigures" ("DepartmentId", "Span", "Start");
CREATE INDEX "IX_PeriodFigures_RegionCode_Span_Start" ON "PeriodFigures" ("RegionCode", "Span", "Start");

INSERT INTO "PeriodFigures" ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Instant", "Corrected", "Accepted", "RejectedAtIntake", "Withdrawn", "Terminated", "Concluded", "Decided", "OnTime", "Early", "OverduePromised", "OverdueStatutory", "OverdueWorkingDays", "WorkingDays", "PromisedDays", "StatutoryDays", "Closed", "Paid", "FeeFen", "AcceptedPromptly", "ExtensionDays", "ZeroVisit", "AtMostOneVisit")
SELECT 1, substr("Day", 1, 8) || '01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Instant"), SUM("Corrected"), SUM("Accepted"), SUM("RejectedAtIntake"), SUM("Withdrawn"), SUM("Terminated"), SUM("Concluded"), SUM("Decided"), SUM("OnTime"), SUM("Early"), SUM("OverduePromised"), SUM("OverdueStatutory"), SUM("OverdueWorkingDays"), SUM("WorkingDays"), SUM("PromisedDays"), SUM("StatutoryDays"), SUM("Closed"), SUM("Paid"), SUM("FeeFen"), SUM("AcceptedPromptly"), SUM("ExtensionDays"), SUM("ZeroVisit"), SUM("AtMostOneVisit")
FROM "DailyFigures"
GROUP BY substr("Day", 1, 8) || '01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode";

INSERT INTO "PeriodFigures" ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Instant", "Corrected", "Accepted", "RejectedAtIntake", "Withdrawn", "Terminated", "Concluded", "Decided", "OnTime", "Early", "OverduePromised", "OverdueStatutory", "OverdueWorkingDays", "WorkingDays", "PromisedDays", "StatutoryDays", "Closed", "Paid", "FeeFen", "AcceptedPromptly", "ExtensionDays", "ZeroVisit", "AtMostOneVisit")
SELECT 2, substr("Day", 1, 5) || '01-01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Instant"), SUM("Corrected"), SUM("Accepted"), SUM("RejectedAtIntake"), SUM("Withdrawn"), SUM("Terminated"), SUM("Concluded"), SUM("Decided"), SUM("OnTime"), SUM("Early"), SUM("OverduePromised"), SUM("OverdueStatutory"), SUM("OverdueWorkingDays"), SUM("WorkingDays"), SUM("PromisedDays"), SUM("StatutoryDays"), SUM("Closed"), SUM("Paid"), SUM("FeeFen"), SUM("AcceptedPromptly"), SUM("ExtensionDays"), SUM("ZeroVisit"), SUM("AtMostOneVisit")
FROM "DailyFigures"
GROUP BY substr("Day", 1, 5) || '01-01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode";

DROP TABLE "StockMonths";
