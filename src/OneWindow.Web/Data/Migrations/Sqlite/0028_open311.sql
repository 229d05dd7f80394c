-- Open311 GeoReport v2 (issue 19, ADR 0027): what a category asks for beyond the content (its service definition),
-- what a request sent through Open311 brought besides the work order, and the indexes the public list of requests
-- reads (by the instant requested, over all categories or some).

ALTER TABLE "HotlineCategories" ADD COLUMN "Description" TEXT NULL;
ALTER TABLE "HotlineCategories" ADD COLUMN "Keywords" TEXT NULL;
ALTER TABLE "HotlineCategories" ADD COLUMN "Attributes" TEXT NOT NULL DEFAULT '[]';

CREATE TABLE "Open311Requests" (
    "WorkOrderId" TEXT NOT NULL CONSTRAINT "PK_Open311Requests" PRIMARY KEY,
    "ClientId" TEXT NOT NULL,
    "AddressId" TEXT NULL,
    "MediaUrl" TEXT NULL,
    "Email" TEXT NULL,
    "DeviceId" TEXT NULL
);

CREATE INDEX "IX_WorkOrders_RegisteredAt_Id" ON "WorkOrders" ("RegisteredAt", "Id");
CREATE INDEX "IX_WorkOrders_CategoryCode_RegisteredAt_Id" ON "WorkOrders" ("CategoryCode", "RegisteredAt", "Id");
