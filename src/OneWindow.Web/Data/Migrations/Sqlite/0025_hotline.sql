-- The 12345 hotline (issue 19): work orders, their sealed events, the category tree and the units orders are dispatched to.

CREATE TABLE "HotlineCategories" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_HotlineCategories" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "DefaultUnitId" TEXT NULL,
    "HandlingWorkingDays" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "HotlineUnits" (
    "DepartmentId" TEXT NOT NULL CONSTRAINT "PK_HotlineUnits" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "WorkOrderEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkOrderEvents" PRIMARY KEY AUTOINCREMENT,
    "WorkOrderId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "UnitId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" INTEGER NULL,
    "ToStatus" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Data" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "KeyId" TEXT NULL
);

CREATE TABLE "WorkOrders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrders" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Type" INTEGER NOT NULL,
    "CategoryCode" TEXT NOT NULL,
    "Urgency" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "CallerName" TEXT NULL,
    "CallerPhone" TEXT NULL,
    "CallerPhoneTail" TEXT NULL,
    "Anonymous" INTEGER NOT NULL,
    "Confidential" INTEGER NOT NULL,
    "RelatedCaseNumber" TEXT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "RegisteredBy" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Answer" TEXT NULL,
    "ReferredTo" INTEGER NULL,
    "RefusalGround" INTEGER NULL,
    "RightChannel" TEXT NULL,
    "MasterOrderId" TEXT NULL,
    "MasterNumber" TEXT NULL,
    "LeadUnitId" TEXT NULL,
    "CoHandlers" TEXT NOT NULL,
    "DispatchedAt" TEXT NULL,
    "SignLimitWorkingDays" INTEGER NULL,
    "SignLimitHours" INTEGER NULL,
    "SignDueAt" TEXT NULL,
    "SignedAt" TEXT NULL,
    "HandlingLimitWorkingDays" INTEGER NULL,
    "HandlingLimitHours" INTEGER NULL,
    "HandlingFrom" TEXT NULL,
    "DueAt" TEXT NULL,
    "ExtendedWorkingDays" INTEGER NOT NULL,
    "ExtensionRequestedDays" INTEGER NULL,
    "ExtensionReason" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "AssignedByRuling" INTEGER NOT NULL,
    "ReturnCount" INTEGER NOT NULL,
    "ReplyResult" INTEGER NULL,
    "ReplyText" TEXT NULL,
    "ReplyPlan" TEXT NULL,
    "RepliedAt" TEXT NULL,
    "SendBackCount" INTEGER NOT NULL,
    "CallbackDueAt" TEXT NULL,
    "CalledBackAt" TEXT NULL,
    "CallbackMethod" INTEGER NULL,
    "Resolved" INTEGER NULL,
    "Satisfaction" INTEGER NULL,
    "ReopenCount" INTEGER NOT NULL,
    "ClosingNote" TEXT NULL,
    "ConcludedAt" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    "LastEventHash" TEXT NOT NULL,
    "EventCount" INTEGER NOT NULL,
    "QueueAt" TEXT NOT NULL,
    "AtUnit" INTEGER NOT NULL
);

CREATE INDEX "IX_HotlineCategories_ParentCode_SortOrder" ON "HotlineCategories" ("ParentCode", "SortOrder");

CREATE INDEX "IX_HotlineUnits_Kind_SortOrder" ON "HotlineUnits" ("Kind", "SortOrder");

CREATE UNIQUE INDEX "IX_WorkOrderEvents_WorkOrderId_Sequence" ON "WorkOrderEvents" ("WorkOrderId", "Sequence");

CREATE INDEX "IX_WorkOrders_CallerPhone_RegisteredAt" ON "WorkOrders" ("CallerPhone", "RegisteredAt");

CREATE INDEX "IX_WorkOrders_ExtensionRequestedDays_QueueAt_Id" ON "WorkOrders" ("ExtensionRequestedDays", "QueueAt", "Id") WHERE "ExtensionRequestedDays" IS NOT NULL;

CREATE INDEX "IX_WorkOrders_LeadUnitId_AtUnit_QueueAt_Id" ON "WorkOrders" ("LeadUnitId", "AtUnit", "QueueAt", "Id");

CREATE UNIQUE INDEX "IX_WorkOrders_Number" ON "WorkOrders" ("Number");

CREATE INDEX "IX_WorkOrders_Status_QueueAt_Id" ON "WorkOrders" ("Status", "QueueAt", "Id");
