-- Efficiency complaints (效能投诉): filed online or at the hall, anonymous ones found again by their tracking code.

CREATE TABLE "EfficiencyComplaints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EfficiencyComplaints" PRIMARY KEY,
    "TrackingCode" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "About" INTEGER NOT NULL,
    "CaseNumber" TEXT NULL,
    "Target" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "RegionCode" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "ComplainantName" TEXT NULL,
    "ComplainantPhone" TEXT NULL,
    "FiledAt" TEXT NOT NULL,
    "AcceptDueAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "AcceptedAt" TEXT NULL,
    "RefusalReason" TEXT NULL,
    "Findings" TEXT NULL,
    "Upheld" INTEGER NULL,
    "ReplyToComplainant" TEXT NULL,
    "ConcludedAt" TEXT NULL,
    "HandledBy" TEXT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE INDEX "IX_EfficiencyComplaints_DepartmentId_ConcludedAt" ON "EfficiencyComplaints" ("DepartmentId", "ConcludedAt");

CREATE INDEX "IX_EfficiencyComplaints_FiledAt_Id" ON "EfficiencyComplaints" ("FiledAt", "Id");

CREATE INDEX "IX_EfficiencyComplaints_Status_FiledAt_Id" ON "EfficiencyComplaints" ("Status", "FiledAt", "Id");

CREATE UNIQUE INDEX "IX_EfficiencyComplaints_TrackingCode" ON "EfficiencyComplaints" ("TrackingCode");
