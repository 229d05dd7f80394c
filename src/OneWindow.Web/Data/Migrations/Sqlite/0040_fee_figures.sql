-- Fees by fee item (issue 20, ADR 0039). A case's fee lines (the Fees document) now record what was paid against each
-- line; DailyFeeFigures keeps, per day × department × item × fee line (its name) × receiving venue × region, the
-- payments and the amount in fen, added whenever a payment is saved. Payments made before this schema have no
-- per-line amount: `check-figures <first day> <today> --repair` counts them with 0 against their lines.

CREATE TABLE "DailyFeeFigures" (
    "Day" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "FeeName" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Payments" INTEGER NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    CONSTRAINT "PK_DailyFeeFigures" PRIMARY KEY ("Day", "DepartmentId", "ItemCode", "FeeName", "VenueId", "RegionCode")
);

CREATE INDEX "IX_DailyFeeFigures_DepartmentId_Day" ON "DailyFeeFigures" ("DepartmentId", "Day");
CREATE INDEX "IX_DailyFeeFigures_RegionCode_Day" ON "DailyFeeFigures" ("RegionCode", "Day");
