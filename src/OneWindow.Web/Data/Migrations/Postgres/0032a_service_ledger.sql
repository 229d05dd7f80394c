-- The service ledger (服务台帐, issue 20 "The three tiers", ADR 0031): every service at a town hall's or village
-- room's counter — consultations and help entered by the clerk or agent, applications taken in there entered by a
-- case hook — and its kept daily figures (day x venue x region x kind x outcome), added to in the same transaction.

CREATE TABLE "LedgerEntries" (
    "Id" uuid NOT NULL,
    "VenueId" uuid NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "StaffUserId" character varying(450) NOT NULL,
    "StaffName" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Day" date NOT NULL,
    "Kind" integer NOT NULL,
    "Outcome" integer NOT NULL,
    "ItemCode" character varying(40) NULL,
    "ItemName" character varying(200) NULL,
    "Summary" character varying(500) NOT NULL,
    "ApplicantName" character varying(100) NULL,
    "ApplicantPhone" character varying(20) NULL,
    "CaseId" uuid NULL,
    "CaseNumber" character varying(40) NULL,
    CONSTRAINT "PK_LedgerEntries" PRIMARY KEY ("Id")
);

-- A venue's day, newest first, paged by (At, Id); the entry of a case.
CREATE INDEX "IX_LedgerEntries_VenueId_Day_At_Id" ON "LedgerEntries" ("VenueId", "Day", "At", "Id");
CREATE INDEX "IX_LedgerEntries_CaseId" ON "LedgerEntries" ("CaseId");

CREATE TABLE "LedgerDailyFigures" (
    "Day" date NOT NULL,
    "VenueId" uuid NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "Kind" integer NOT NULL,
    "Outcome" integer NOT NULL,
    "Services" bigint NOT NULL,
    CONSTRAINT "PK_LedgerDailyFigures" PRIMARY KEY ("Day", "VenueId", "RegionCode", "Kind", "Outcome")
);

-- A region's (by code prefix) or a venue's figures over a period.
CREATE INDEX "IX_LedgerDailyFigures_RegionCode_Day" ON "LedgerDailyFigures" ("RegionCode", "Day");
CREATE INDEX "IX_LedgerDailyFigures_VenueId_Day" ON "LedgerDailyFigures" ("VenueId", "Day");
