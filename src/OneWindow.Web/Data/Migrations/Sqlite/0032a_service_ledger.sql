-- The service ledger (服务台帐, issue 20 "The three tiers", ADR 0031): every service at a town hall's or village
-- room's counter — consultations and help entered by the clerk or agent, applications taken in there entered by a
-- case hook — and its kept daily figures (day x venue x region x kind x outcome), added to in the same transaction.

CREATE TABLE "LedgerEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LedgerEntries" PRIMARY KEY,
    "VenueId" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "StaffUserId" TEXT NOT NULL,
    "StaffName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Outcome" INTEGER NOT NULL,
    "ItemCode" TEXT NULL,
    "ItemName" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "ApplicantName" TEXT NULL,
    "ApplicantPhone" TEXT NULL,
    "CaseId" TEXT NULL,
    "CaseNumber" TEXT NULL
);

-- A venue's day, newest first, paged by (At, Id); the entry of a case.
CREATE INDEX "IX_LedgerEntries_VenueId_Day_At_Id" ON "LedgerEntries" ("VenueId", "Day", "At", "Id");
CREATE INDEX "IX_LedgerEntries_CaseId" ON "LedgerEntries" ("CaseId");

CREATE TABLE "LedgerDailyFigures" (
    "Day" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Outcome" INTEGER NOT NULL,
    "Services" INTEGER NOT NULL,
    CONSTRAINT "PK_LedgerDailyFigures" PRIMARY KEY ("Day", "VenueId", "RegionCode", "Kind", "Outcome")
);

-- A region's (by code prefix) or a venue's figures over a period.
CREATE INDEX "IX_LedgerDailyFigures_RegionCode_Day" ON "LedgerDailyFigures" ("RegionCode", "Day");
CREATE INDEX "IX_LedgerDailyFigures_VenueId_Day" ON "LedgerDailyFigures" ("VenueId", "Day");
