-- Ten-day rows (旬: the 1st–10th, the 11th–20th, the 21st to the month's end) of the kept case figures (issue 20,
-- ADR 0045): PeriodFigures rows of span 3 whose Start is the ten days' first day, kept by the settlement with the day,
-- month and year rows. A period's days left over around its whole months are read as whole ten days and at most ten
-- days at either end, instead of up to sixty days of day rows. Filled here from the day rows already kept.

INSERT INTO "PeriodFigures" ("Span", "Start", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Instant", "Corrected", "Accepted", "RejectedAtIntake", "Withdrawn", "Terminated", "Concluded", "Decided", "OnTime", "Early", "OverduePromised", "OverdueStatutory", "OverdueWorkingDays", "WorkingDays", "PromisedDays", "StatutoryDays", "Closed", "Paid", "FeeFen", "AcceptedPromptly", "ExtensionDays", "ZeroVisit", "AtMostOneVisit")
SELECT 3, t."Start", t."DepartmentId", t."ItemCode", t."VenueId", t."WindowId", t."Channel", t."RegionCode", SUM("Received"), SUM("Instant"), SUM("Corrected"), SUM("Accepted"), SUM("RejectedAtIntake"), SUM("Withdrawn"), SUM("Terminated"), SUM("Concluded"), SUM("Decided"), SUM("OnTime"), SUM("Early"), SUM("OverduePromised"), SUM("OverdueStatutory"), SUM("OverdueWorkingDays"), SUM("WorkingDays"), SUM("PromisedDays"), SUM("StatutoryDays"), SUM("Closed"), SUM("Paid"), SUM("FeeFen"), SUM("AcceptedPromptly"), SUM("ExtensionDays"), SUM("ZeroVisit"), SUM("AtMostOneVisit")
FROM (
    SELECT (date_trunc('month', "Day")::date + CASE WHEN EXTRACT(DAY FROM "Day") > 20 THEN 20 WHEN EXTRACT(DAY FROM "Day") > 10 THEN 10 ELSE 0 END) AS "Start", *
    FROM "DailyFigures"
) t
GROUP BY t."Start", t."DepartmentId", t."ItemCode", t."VenueId", t."WindowId", t."Channel", t."RegionCode"
ORDER BY t."Start";

-- Plans for the new rows at once, rather than when autovacuum next analyzes the table.
ANALYZE "PeriodFigures";
