-- 在办量's kept month rows (issue 20, ADR 0035): per month and the grain of DailyFigures, what the month's days received
-- and closed, added to by the same case hook with the same difference as the day rows. The stock in hand at a period's
-- end reads the months before the end's month and that month's days, not every day row since the first case.
-- Filled here from the day rows already kept.

CREATE TABLE "StockMonths" (
    "Month" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "WindowId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Received" INTEGER NOT NULL,
    "Closed" INTEGER NOT NULL,
    CONSTRAINT "PK_StockMonths" PRIMARY KEY ("Month", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_StockMonths_DepartmentId_Month" ON "StockMonths" ("DepartmentId", "Month");
CREATE INDEX "IX_StockMonths_RegionCode_Month" ON "StockMonths" ("RegionCode", "Month");

INSERT INTO "StockMonths" ("Month", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", "Received", "Closed")
SELECT substr("Day", 1, 8) || '01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode", SUM("Received"), SUM("Closed")
FROM "DailyFigures"
GROUP BY substr("Day", 1, 8) || '01', "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode"
HAVING SUM("Received") <> 0 OR SUM("Closed") <> 0;
