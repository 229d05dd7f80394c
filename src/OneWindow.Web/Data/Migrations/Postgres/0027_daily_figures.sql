-- Kept daily figures (issue 20, ADR 0024): one row per Beijing day x department x item x venue x window x channel x
-- region, kept by the statistics module's case hook in the transaction of every case move, so a report over any period
-- sums these rows instead of counting cases. CaseFigures remembers what each case added at its last move, so the next
-- move subtracts it and adds what the case adds now (a late event corrects the day it belongs to). Cases moved before
-- this release are brought in by `check-figures <from> <to> --repair` (docs/deploy.md).

CREATE TABLE "DailyFigures" (
    "Day" date NOT NULL,
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
    CONSTRAINT "PK_DailyFigures" PRIMARY KEY ("Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE TABLE "CaseFigures" (
    "CaseId" uuid NOT NULL,
    "Rows" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CaseFigures" PRIMARY KEY ("CaseId")
);

-- A department's, a region's (by code prefix) or a window's figures over a period, without reading the others'.
CREATE INDEX "IX_DailyFigures_DepartmentId_Day" ON "DailyFigures" ("DepartmentId", "Day");
CREATE INDEX "IX_DailyFigures_RegionCode_Day" ON "DailyFigures" ("RegionCode", "Day");
CREATE INDEX "IX_DailyFigures_WindowId_Day" ON "DailyFigures" ("WindowId", "Day");
