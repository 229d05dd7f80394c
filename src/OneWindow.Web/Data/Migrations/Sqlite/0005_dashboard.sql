-- The supervision dashboard and the hall's screens: the window that took a case in, and the indexes for open cases
-- by department and state, today's intake by window, and conclusions by day.
ALTER TABLE "Cases" ADD COLUMN "ReceivingWindowId" TEXT NULL;

CREATE INDEX "IX_Cases_ConcludedAt" ON "Cases" ("ConcludedAt");

CREATE INDEX "IX_Cases_Open_DepartmentId_Status" ON "Cases" ("Open", "DepartmentId", "Status");

CREATE INDEX "IX_Cases_ReceivedAt_ReceivingWindowId" ON "Cases" ("ReceivedAt", "ReceivingWindowId");

CREATE INDEX "IX_Cases_Open_InboxDueAt_Id" ON "Cases" ("Open", "InboxDueAt", "Id");
