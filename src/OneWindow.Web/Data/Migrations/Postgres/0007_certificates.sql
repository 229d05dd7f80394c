-- Certificates reported by departments' own systems, each checked against the case issued under its number
-- (有证照无办件: a clue of work outside the system).

CREATE TABLE "IssuedCertificates" (
    "Id" uuid NOT NULL,
    "Number" character varying(60) NOT NULL,
    "ItemCode" character varying(40) NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "HolderName" character varying(100) NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL,
    "CaseNumber" character varying(40),
    "MatchedCaseId" uuid,
    "ReportedBy" character varying(100) NOT NULL,
    "ReportedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IssuedCertificates" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Cases_ResultNumber" ON "Cases" ("ResultNumber");

CREATE INDEX "IX_IssuedCertificates_DepartmentId_IssuedAt" ON "IssuedCertificates" ("DepartmentId", "IssuedAt");

CREATE UNIQUE INDEX "IX_IssuedCertificates_Number" ON "IssuedCertificates" ("Number");
