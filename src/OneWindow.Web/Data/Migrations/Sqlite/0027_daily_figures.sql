-- Kept daily figures (issue 20, ADR 0024): one row per Beijing day x department x item x venue x window x channel x
-- region, kept by the statistics module's case hook in the transaction of every case move, so a report over any period
-- sums these rows instead of counting cases. CaseFigures remembers what each case added at its last move, so the next
-- move subtracts it and adds what the case adds now (a late event corrects the day it belongs to). Cases moved before
-- this release are brought in by `check-figures <from> <to> --repair` (docs/deploy.md).

CREATE TABLE "DailyFigures" (
    "Day" TEXT NOT NULL,
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
    CONSTRAINT "PK_DailyFigures" PRIMARY KEY ("Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE TABLE "CaseFigures" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_CaseFigures" PRIMARY KEY,
    "Rows" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

-- A department's, a region's (by code prefix) or a window's figures over a period, without reading the others'.
CREATE INDEX "IX_DailyFigures_DepartmentId_Day" ON "DailyFigures" ("DepartmentId", "Day");
CREATE INDEX "IX_DailyFigures_RegionCode_Day" ON "DailyFigures" ("RegionCode", "Day");
CREATE INDEX "IX_DailyFigures_WindowId_Day" ON "DailyFigures" ("WindowId", "Day");
