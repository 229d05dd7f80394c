-- Certificates reported by departments' own systems, each checked against the case issued under its number
-- (有证照无办件: a clue of work outside the system).

CREATE TABLE "IssuedCertificates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IssuedCertificates" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "HolderName" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    "CaseNumber" TEXT NULL,
    "MatchedCaseId" TEXT NULL,
    "ReportedBy" TEXT NOT NULL,
    "ReportedAt" TEXT NOT NULL
);

CREATE INDEX "IX_Cases_ResultNumber" ON "Cases" ("ResultNumber");

CREATE INDEX "IX_IssuedCertificates_DepartmentId_IssuedAt" ON "IssuedCertificates" ("DepartmentId", "IssuedAt");

CREATE UNIQUE INDEX "IX_IssuedCertificates_Number" ON "IssuedCertificates" ("Number");
