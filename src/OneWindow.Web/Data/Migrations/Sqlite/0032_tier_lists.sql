-- Tier item lists (下沉清单, issue 20 "The three tiers", ADR 0031): for each town hall and village room, the items it
-- takes in for the county department (1), decides itself (2, town halls only) or only advises on (3). Intake at a town
-- or village venue is checked against its list; the portal shows where an item is handed in nearest to a village.

CREATE TABLE "VenueItems" (
    "VenueId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    CONSTRAINT "PK_VenueItems" PRIMARY KEY ("VenueId", "ItemCode")
);

CREATE INDEX "IX_VenueItems_ItemCode" ON "VenueItems" ("ItemCode");
