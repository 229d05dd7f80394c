-- The co-handlers' inboxes and the county coordinator's list of the orders towns lead (issue 19, ADR 0034): one row per
-- order per desk beyond the lead unit's, kept at every action, read by key on its own indexes.

CREATE TABLE "WorkOrderDesks" (
    "WorkOrderId" uuid NOT NULL,
    "Desk" integer NOT NULL,
    "UnitId" uuid NOT NULL,
    "Open" boolean NOT NULL,
    "SortAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WorkOrderDesks" PRIMARY KEY ("WorkOrderId", "Desk", "UnitId")
);

CREATE INDEX "IX_WorkOrderDesks_Desk_UnitId_Open_SortAt_WorkOrderId" ON "WorkOrderDesks" ("Desk", "UnitId", "Open", "SortAt", "WorkOrderId");
CREATE INDEX "IX_WorkOrderDesks_Desk_Open_SortAt_WorkOrderId" ON "WorkOrderDesks" ("Desk", "Open", "SortAt", "WorkOrderId");

-- The orders dispatched before: their co-handlers (from the order's document) and the orders a town leads.
-- Open: not answered, referred, refused, merged or concluded (statuses 1, 6–11).
INSERT INTO "WorkOrderDesks" ("WorkOrderId", "Desk", "UnitId", "Open", "SortAt")
SELECT o."Id", 1, (c ->> 'unitId')::uuid, o."Status" IN (1, 6, 7, 8, 9, 10, 11), COALESCE(o."DueAt", o."QueueAt")
FROM "WorkOrders" o CROSS JOIN LATERAL jsonb_array_elements(o."CoHandlers"::jsonb) c
WHERE o."LeadUnitId" IS NOT NULL;

INSERT INTO "WorkOrderDesks" ("WorkOrderId", "Desk", "UnitId", "Open", "SortAt")
SELECT o."Id", 2, o."LeadUnitId", o."Status" IN (1, 6, 7, 8, 9, 10, 11), o."QueueAt"
FROM "WorkOrders" o JOIN "HotlineUnits" u ON u."DepartmentId" = o."LeadUnitId"
WHERE u."Kind" = 2;
