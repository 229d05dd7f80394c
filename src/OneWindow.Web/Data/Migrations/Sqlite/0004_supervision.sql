-- Electronic supervision (电子监察): alerts raised once per rule and subject, supervision notices, rule settings,
-- the sweep's watch list, and staff notifications. Every open case is put on the watch list, due at once, so the
-- first sweep after the upgrade looks at each one and sets its real next instant.

CREATE TABLE "StaffNotifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StaffNotifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "AlertId" TEXT NULL,
    "ReadAt" TEXT NULL
);

CREATE TABLE "SupervisionAlerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionAlerts" PRIMARY KEY,
    "Rule" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "CaseNumber" TEXT NULL,
    "ItemName" TEXT NULL,
    "NoticeId" TEXT NULL,
    "DepartmentId" TEXT NOT NULL,
    "VenueId" TEXT NULL,
    "RegionCode" TEXT NOT NULL,
    "HandlerId" TEXT NULL,
    "HandlerName" TEXT NULL,
    "Detail" TEXT NOT NULL,
    "TriggeredAt" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "EscalateAt" TEXT NULL,
    "NotifiedAt" TEXT NULL,
    "Response" INTEGER NULL,
    "ResponseText" TEXT NULL,
    "RespondedBy" TEXT NULL,
    "RespondedAt" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "ClosedBy" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "History" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE TABLE "SupervisionNotices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionNotices" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "CaseNumber" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Requirement" TEXT NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    "ReplyDueDate" TEXT NOT NULL,
    "ReplyDueAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Reply" TEXT NULL,
    "RepliedBy" TEXT NULL,
    "RepliedAt" TEXT NULL,
    "CloseNote" TEXT NULL,
    "ClosedBy" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE TABLE "SupervisionRuleSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionRuleSettings" PRIMARY KEY,
    "Rule" INTEGER NOT NULL,
    "Scope" INTEGER NOT NULL,
    "ScopeKey" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "Threshold" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "SupervisionWatches" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_SupervisionWatches" PRIMARY KEY,
    "DueAt" TEXT NOT NULL,
    "CaseRevision" INTEGER NOT NULL
);

CREATE INDEX "IX_StaffNotifications_UserId_Id" ON "StaffNotifications" ("UserId", "Id");

CREATE INDEX "IX_StaffNotifications_UserId_ReadAt" ON "StaffNotifications" ("UserId", "ReadAt");

CREATE INDEX "IX_SupervisionAlerts_CaseId_RaisedAt" ON "SupervisionAlerts" ("CaseId", "RaisedAt");

CREATE INDEX "IX_SupervisionAlerts_DepartmentId_Status_RaisedAt_Id" ON "SupervisionAlerts" ("DepartmentId", "Status", "RaisedAt", "Id");

CREATE INDEX "IX_SupervisionAlerts_EscalateAt_Id" ON "SupervisionAlerts" ("EscalateAt", "Id");

CREATE INDEX "IX_SupervisionAlerts_NoticeId" ON "SupervisionAlerts" ("NoticeId");

CREATE INDEX "IX_SupervisionAlerts_RaisedAt_Id" ON "SupervisionAlerts" ("RaisedAt", "Id");

CREATE UNIQUE INDEX "IX_SupervisionAlerts_Rule_Subject" ON "SupervisionAlerts" ("Rule", "Subject");

CREATE INDEX "IX_SupervisionAlerts_Status_RaisedAt_Id" ON "SupervisionAlerts" ("Status", "RaisedAt", "Id");

CREATE INDEX "IX_SupervisionNotices_CaseId" ON "SupervisionNotices" ("CaseId");

CREATE INDEX "IX_SupervisionNotices_DepartmentId_IssuedAt_Id" ON "SupervisionNotices" ("DepartmentId", "IssuedAt", "Id");

CREATE INDEX "IX_SupervisionNotices_IssuedAt_Id" ON "SupervisionNotices" ("IssuedAt", "Id");

CREATE UNIQUE INDEX "IX_SupervisionNotices_Number" ON "SupervisionNotices" ("Number");

CREATE INDEX "IX_SupervisionNotices_Status_ReplyDueAt_Id" ON "SupervisionNotices" ("Status", "ReplyDueAt", "Id");

CREATE UNIQUE INDEX "IX_SupervisionRuleSettings_Rule_Scope_ScopeKey" ON "SupervisionRuleSettings" ("Rule", "Scope", "ScopeKey");

CREATE INDEX "IX_SupervisionWatches_DueAt_CaseId" ON "SupervisionWatches" ("DueAt", "CaseId");

INSERT INTO "SupervisionWatches" ("CaseId", "DueAt", "CaseRevision")
SELECT "Id", "CreatedAt", "Revision" FROM "Cases" WHERE "Open" = 1;
