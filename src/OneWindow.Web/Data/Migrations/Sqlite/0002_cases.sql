-- 0002 cases: the case record with its clock and fees, its hash-chained events, the case number counters, and ratings (好差评).

CREATE TABLE "CaseEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseEvents" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" INTEGER NULL,
    "ToStatus" INTEGER NOT NULL,
    "Node" TEXT NULL,
    "Opinion" TEXT NULL,
    "Data" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "CaseNumberCounters" (
    "Prefix" TEXT NOT NULL CONSTRAINT "PK_CaseNumberCounters" PRIMARY KEY,
    "LastValue" INTEGER NOT NULL
);

CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "ItemVersionId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "ItemName" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ReceivingVenueId" TEXT NULL,
    "RegionCode" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "ApplicantKind" INTEGER NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantIdNumber" TEXT NOT NULL,
    "ApplicantPhone" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "StatusBeforeSuspension" INTEGER NULL,
    "IsInstant" INTEGER NOT NULL,
    "PromisedLimitDays" INTEGER NOT NULL,
    "StatutoryLimitDays" INTEGER NOT NULL,
    "ExtensionDays" INTEGER NOT NULL,
    "ExtensionReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReceivedAt" TEXT NULL,
    "IntakeDueAt" TEXT NULL,
    "AcceptedAt" TEXT NULL,
    "ClockStartAt" TEXT NULL,
    "DeemedAccepted" INTEGER NOT NULL,
    "PromisedDueAt" TEXT NULL,
    "StatutoryDueAt" TEXT NULL,
    "NextDeadlineAt" TEXT NULL,
    "Open" INTEGER NOT NULL,
    "InboxDueAt" TEXT NOT NULL,
    "CorrectionNotices" INTEGER NOT NULL,
    "Fees" TEXT NOT NULL,
    "PaidAmount" TEXT NULL,
    "PaidAt" TEXT NULL,
    "ReceiptNumber" TEXT NULL,
    "PaymentDifferenceReason" TEXT NULL,
    "MissingMaterials" TEXT NOT NULL,
    "Pauses" TEXT NOT NULL,
    "Nodes" TEXT NOT NULL,
    "CurrentNodeIndex" INTEGER NOT NULL,
    "AssigneeId" TEXT NULL,
    "AssigneeName" TEXT NULL,
    "Decision" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "ResultNumber" TEXT NULL,
    "ResultIssuedAt" TEXT NULL,
    "DeliveryMethod" INTEGER NULL,
    "DeliveryReference" TEXT NULL,
    "ConcludedAt" TEXT NULL,
    "ClosingReason" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    "LastEventHash" TEXT NOT NULL,
    "EventCount" INTEGER NOT NULL
);

CREATE TABLE "Ratings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Ratings" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "RatedAt" TEXT NOT NULL,
    "Rectification" INTEGER NOT NULL,
    "RectificationDueAt" TEXT NULL,
    "CallbackNote" TEXT NULL,
    "RectificationNote" TEXT NULL,
    "AppealReason" TEXT NULL,
    "AppealReview" TEXT NULL,
    "HandledBy" TEXT NULL,
    "HandledAt" TEXT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE INDEX "IX_CaseEvents_At" ON "CaseEvents" ("At");

CREATE UNIQUE INDEX "IX_CaseEvents_CaseId_Sequence" ON "CaseEvents" ("CaseId", "Sequence");

CREATE INDEX "IX_Cases_ApplicantIdNumber_CreatedAt" ON "Cases" ("ApplicantIdNumber", "CreatedAt");

CREATE INDEX "IX_Cases_AssigneeId_Open_InboxDueAt_Id" ON "Cases" ("AssigneeId", "Open", "InboxDueAt", "Id");

CREATE INDEX "IX_Cases_DepartmentId_Open_InboxDueAt_Id" ON "Cases" ("DepartmentId", "Open", "InboxDueAt", "Id");

CREATE INDEX "IX_Cases_NextDeadlineAt_Id" ON "Cases" ("NextDeadlineAt", "Id");

CREATE UNIQUE INDEX "IX_Cases_Number" ON "Cases" ("Number");

CREATE INDEX "IX_Cases_ReceivingVenueId_Open_InboxDueAt_Id" ON "Cases" ("ReceivingVenueId", "Open", "InboxDueAt", "Id");

CREATE UNIQUE INDEX "IX_Ratings_CaseId_Channel" ON "Ratings" ("CaseId", "Channel");

CREATE INDEX "IX_Ratings_DepartmentId_Rectification_RectificationDueAt_Id" ON "Ratings" ("DepartmentId", "Rectification", "RectificationDueAt", "Id");

CREATE INDEX "IX_Ratings_Rectification_RatedAt" ON "Ratings" ("Rectification", "RatedAt");
