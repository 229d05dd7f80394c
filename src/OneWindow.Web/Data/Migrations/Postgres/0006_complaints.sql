-- Efficiency complaints (效能投诉): filed online or at the hall, anonymous ones found again by their tracking code.

CREATE TABLE "EfficiencyComplaints" (
    "Id" uuid NOT NULL,
    "TrackingCode" character varying(12) NOT NULL,
    "Channel" integer NOT NULL,
    "About" integer NOT NULL,
    "CaseNumber" character varying(40),
    "Target" character varying(200),
    "DepartmentId" uuid,
    "RegionCode" character varying(12) NOT NULL,
    "Content" character varying(2000) NOT NULL,
    "Anonymous" boolean NOT NULL,
    "ComplainantName" character varying(100),
    "ComplainantPhone" character varying(20),
    "FiledAt" timestamp with time zone NOT NULL,
    "AcceptDueAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "RefusalReason" character varying(1000),
    "Findings" character varying(2000),
    "Upheld" boolean,
    "ReplyToComplainant" character varying(2000),
    "ConcludedAt" timestamp with time zone,
    "HandledBy" character varying(100),
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_EfficiencyComplaints" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_EfficiencyComplaints_DepartmentId_ConcludedAt" ON "EfficiencyComplaints" ("DepartmentId", "ConcludedAt");

CREATE INDEX "IX_EfficiencyComplaints_FiledAt_Id" ON "EfficiencyComplaints" ("FiledAt", "Id");

CREATE INDEX "IX_EfficiencyComplaints_Status_FiledAt_Id" ON "EfficiencyComplaints" ("Status", "FiledAt", "Id");

CREATE UNIQUE INDEX "IX_EfficiencyComplaints_TrackingCode" ON "EfficiencyComplaints" ("TrackingCode");
