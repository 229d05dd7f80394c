-- Month and year rows carrying every measure of DailyFigures (issue 20, ADR 0038), replacing the stock's month rows of
-- 0036a (StockMonths, received and closed only). Span 1 is a calendar month, 2 a calendar year; Start is its first day.
-- The case hook adds to a case's day rows, their months and their years with the same difference in the same
-- transaction, so a month row is the sum of its days' rows and a year row of its months'; a report splits its period
-- into whole years, whole months and leftover days. Filled here from the day rows already kept.

CREATE TABLE "PeriodFigures" (
    "Span" integer NOT NULL,
    "Start" date NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "ItemCode" character varying(40) NOT NULL,
    "VenueId" uuid NOT NULL,
    "WindowId" uuid NOT NULL,
    "Channel" integer NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "Received" bigint NOT NULL,
    "Instant" bigint NOT NULL,
    "Corrected" bigint NOT NULL,
    "Accepted" bigint NOT NULL,
    "RejectedAtIntake" bigint NOT NULL,
    "Withdrawn" bigint NOT NULL,
    "Terminated" bigint NOT NULL,
    "Concluded" bigint NOT NULL,
    "Decided" bigint NOT NULL,
    "OnTime" bigint NOT NULL,
    "Early" bigint NOT NULL,
    "OverduePromised" bigint NOT NULL,
    "OverdueStatutory" bigint NOT NULL,
    "OverdueWorkingDays" bigint NOT NULL,
    "WorkingDays" bigint NOT NULL,
    "PromisedDays" bigint NOT NULL,
    "StatutoryDays" bigint NOT NULL,
    "Closed" bigint NOT NULL,
    "Paid" bigint NOT NULL,
    "FeeFen" bigint NOT NULL,
    "AcceptedPromptly" bigint NOT NULL,
    "ExtensionDays" bigint NOT NULL,
    "ZeroVisit" bigint NOT NULL,
    "AtMostOneVisit" bigint NOT NULL,
    CONSTRAINT "PK_PeriodFigures" PRIMARY KEY ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_PeriodFigures_DepartmentId_Span_Start" ON "PeriodFigures" ("DepartmentId", "Span", "Start");
CREATE INDEX "IX_PeriodFigures_RegionCode_Span_Start" ON "PeriodFigures" ("RegionCode", "Span", "Start");

INSERT INTO "PeriodFigures" ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Instant", "Corrected", "Accepted", "RejectedAtIntake", "Withdrawn", "Terminated", "Concluded", "Decided", "OnTime", "Early", "OverduePromised", "OverdueStatutory", "OverdueWorkingDays", "WorkingDays", "PromisedDays", "StatutoryDays", "Closed", "Paid", "FeeFen", "AcceptedPromptly", "ExtensionDays", "ZeroVisit", "AtMostOneVisit")
SELECT 1, date_trunc('month', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Instant"), SUM("Corrected"), SUM("Accepted"), SUM("RejectedAtIntake"), SUM("Withdrawn"), SUM("Terminated"), SUM("Concluded"), SUM("Decided"), SUM("OnTime"), SUM("Early"), SUM("OverduePromised"), SUM("OverdueStatutory"), SUM("OverdueWorkingDays"), SUM("WorkingDays"), SUM("PromisedDays"), SUM("StatutoryDays"), SUM("Closed"), SUM("Paid"), SUM("FeeFen"), SUM("AcceptedPromptly"), SUM("ExtensionDays"), SUM("ZeroVisit"), SUM("AtMostOneVisit")
FROM "DailyFigures"
GROUP BY date_trunc('month', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode";

INSERT INTO "PeriodFigures" ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Instant", "Corrected", "Accepted", "RejectedAtIntake", "Withdrawn", "Terminated", "Concluded", "Decided", "OnTime", "Early", "OverduePromised", "OverdueStatutory", "OverdueWorkingDays", "WorkingDays", "PromisedDays", "StatutoryDays", "Closed", "Paid", "FeeFen", "AcceptedPromptly", "ExtensionDays", "ZeroVisit", "AtMostOneVisit")
SELECT 2, date_trunc('year', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Instant"), SUM("Corrected"), SUM("Accepted"), SUM("RejectedAtIntake"), SUM("Withdrawn"), SUM("Terminated"), SUM("Concluded"), SUM("Decided"), SUM("OnTime"), SUM("Early"), SUM("OverduePromised"), SUM("OverdueStatutory"), SUM("OverdueWorkingDays"), SUM("WorkingDays"), SUM("PromisedDays"), SUM("StatutoryDays"), SUM("Closed"), SUM("Paid"), SUM("FeeFen"), SUM("AcceptedPromptly"), SUM("ExtensionDays"), SUM("ZeroVisit"), SUM("AtMostOneVisit")
FROM "DailyFigures"
GROUP BY date_trunc('year', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode";

DROP TABLE "StockMonths";
