-- Open work by key at any size (ADR 0011). The inboxes, the drill-down and the dashboard's open figures read partial
-- indexes over the open cases alone, which stay the size of the work in hand whatever the years of concluded cases;
-- today's intake and conclusions are counted from covering indexes; past days' counts are kept, one row a day.

DROP INDEX "IX_Cases_DepartmentId_Open_InboxDueAt_Id";
DROP INDEX "IX_Cases_ReceivingVenueId_Open_InboxDueAt_Id";
DROP INDEX "IX_Cases_AssigneeId_Open_InboxDueAt_Id";
DROP INDEX "IX_Cases_Open_InboxDueAt_Id";
DROP INDEX "IX_Cases_Open_DepartmentId_Status";
DROP INDEX "IX_Cases_ReceivedAt_ReceivingWindowId";
DROP INDEX "IX_Cases_ConcludedAt";

CREATE INDEX "IX_Cases_DepartmentId_InboxDueAt_Id" ON "Cases" ("DepartmentId", "InboxDueAt", "Id") WHERE "Open";
CREATE INDEX "IX_Cases_ReceivingVenueId_InboxDueAt_Id" ON "Cases" ("ReceivingVenueId", "InboxDueAt", "Id") WHERE "Open";
CREATE INDEX "IX_Cases_AssigneeId_InboxDueAt_Id" ON "Cases" ("AssigneeId", "InboxDueAt", "Id") WHERE "Open";
CREATE INDEX "IX_Cases_InboxDueAt_Id" ON "Cases" ("InboxDueAt", "Id") WHERE "Open";
CREATE INDEX "IX_Cases_OpenFigures" ON "Cases" ("Status", "DepartmentId", "InboxDueAt", "Id", "PromisedDueAt", "Open") WHERE "Open";
CREATE INDEX "IX_Cases_OpenItems" ON "Cases" ("ItemCode", "ItemName", "Open") WHERE "Open";
CREATE INDEX "IX_Cases_ReceivedFigures" ON "Cases" ("ReceivedAt", "ParentCaseId", "DepartmentId", "ReceivingWindowId");
CREATE INDEX "IX_Cases_ConcludedFigures" ON "Cases" ("ConcludedAt", "Status", "ParentCaseId", "DepartmentId", "DecidedAt", "PromisedDueAt");

CREATE TABLE "DailyCaseCounts" (
    "Day" date NOT NULL,
    "Intake" integer NOT NULL,
    "Concluded" integer NOT NULL,
    "Decided" integer NOT NULL,
    "OnTime" integer NOT NULL,
    "CountedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DailyCaseCounts" PRIMARY KEY ("Day")
);
