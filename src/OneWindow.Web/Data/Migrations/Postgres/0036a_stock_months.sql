-- 在办量's kept month rows (issue 20, ADR 0035): per month and the grain of DailyFigures, what the month's days received
-- and closed, added to by the same case hook with the same difference as the day rows. The stock in hand at a period's
-- end reads the months before the end's month and that month's days, not every day row since the first case.
-- Filled here from the day rows already kept.

CREATE TABLE "StockMonths" (
    "Month" date NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "ItemCode" character varying(40) NOT NULL,
    "VenueId" uuid NOT NULL,
    "WindowId" uuid NOT NULL,
    "Channel" integer NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "Received" bigint NOT NULL,
    "Closed" bigint NOT NULL,
    CONSTRAINT "PK_StockMonths" PRIMARY KEY ("Month", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_StockMonths_DepartmentId_Month" ON "StockMonths" ("DepartmentId", "Month");
CREATE INDEX "IX_StockMonths_RegionCode_Month" ON "StockMonths" ("RegionCode", "Month");

INSERT INTO "StockMonths" ("Month", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Closed")
SELECT date_trunc('month', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Closed")
FROM "DailyFigures"
GROUP BY date_trunc('month', "Day")::date, "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode"
HAVING SUM("Received") <> 0 OR SUM("Closed") <> 0;
