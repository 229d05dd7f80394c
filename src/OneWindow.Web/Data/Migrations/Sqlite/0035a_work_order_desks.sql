-- The co-handlers' inboxes and the county coordinator's list of the orders towns lead (issue 19, ADR 0034): one row per
-- order per desk beyond the lead unit's, kept at every action, read by key on its own indexes.

CREATE TABLE "WorkOrderDesks" (
    "WorkOrderId" TEXT NOT NULL,
    "Desk" INTEGER NOT NULL,
    "UnitId" TEXT NOT NULL,
    "Open" INTEGER NOT NULL,
    "SortAt" TEXT NOT NULL,
    CONSTRAINT "PK_WorkOrderDesks" PRIMARY KEY ("WorkOrderId", "Desk", "UnitId")
);

CREATE INDEX "IX_WorkOrderDesks_Desk_UnitId_Open_SortAt_WorkOrderId" ON "WorkOrderDesks" ("Desk", "UnitId", "Open", "SortAt", "WorkOrderId");
CREATE INDEX "IX_WorkOrderDesks_Desk_Open_SortAt_WorkOrderId" ON "WorkOrderDesks" ("Desk", "Open", "SortAt", "WorkOrderId");

-- The orders dispatched before: their co-handlers (from the order's document; ids as EF writes them, upper case) and
-- the orders a town leads. Open: not answered, referred, refused, merged or concluded (statuses 1, 6–11).
INSERT INTO "WorkOrderDesks" ("WorkOrderId", "Desk", "UnitId", "Open", "SortAt")
SELECT o."Id", 1, upper(json_extract(c.value, '$.unitId')), o."Status" IN (1, 6, 7, 8, 9, 10, 11), COALESCE(o."DueAt", o."QueueAt")
FROM "WorkOrders" o, json_each(o."CoHandlers") c
WHERE o."LeadUnitId" IS NOT NULL;

INSERT INTO "WorkOrderDesks" ("WorkOrderId", "Desk", "UnitId", "Open", "SortAt")
SELECT o."Id", 2, o."LeadUnitId", o."Status" IN (1, 6, 7, 8, 9, 10, 11), o."QueueAt"
FROM "WorkOrders" o JOIN "HotlineUnits" u ON u."DepartmentId" = o."LeadUnitId"
WHERE u."Kind" = 2;
