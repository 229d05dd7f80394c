-- The stock in hand at every month's end (issue 20, ADR 0044): per month and grain of the kept case figures, the cases
-- received and not closed by the month's last day, only for grains with cases in hand. The stock at any day is then
-- one month's rows plus the days since, instead of every year, month and day kept before it. StockedMonths says which
-- months are kept (from the first with figures to the last that has ended, without a gap). Nothing is filled here: the
-- figures' settlement builds the months at its first pass after the upgrade, each from its neighbour and its month rows.

CREATE TABLE "MonthEndStocks" (
    "Month" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "WindowId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "InHand" INTEGER NOT NULL,
    CONSTRAINT "PK_MonthEndStocks" PRIMARY KEY ("Month", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE TABLE "StockedMonths" (
    "Month" TEXT NOT NULL,
    "BuiltAt" TEXT NOT NULL,
    CONSTRAINT "PK_StockedMonths" PRIMARY KEY ("Month")
);
