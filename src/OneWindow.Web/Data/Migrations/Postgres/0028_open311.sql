-- Open311 GeoReport v2 (issue 19, ADR 0027): what a category asks for beyond the content (its service definition),
-- what a request sent through Open311 brought besides the work order, and the indexes the public list of requests
-- reads (by the instant requested, over all categories or some).

ALTER TABLE "HotlineCategories" ADD COLUMN "Description" character varying(200);
ALTER TABLE "HotlineCategories" ADD COLUMN "Keywords" character varying(200);
ALTER TABLE "HotlineCategories" ADD COLUMN "Attributes" character varying(8000) NOT NULL DEFAULT '[]';

CREATE TABLE "Open311Requests" (
    "WorkOrderId" uuid NOT NULL,
    "ClientId" uuid NOT NULL,
    "AddressId" character varying(40),
    "MediaUrl" character varying(500),
    "Email" character varying(100),
    "DeviceId" character varying(100),
    CONSTRAINT "PK_Open311Requests" PRIMARY KEY ("WorkOrderId")
);

CREATE INDEX "IX_WorkOrders_RegisteredAt_Id" ON "WorkOrders" ("RegisteredAt", "Id");
CREATE INDEX "IX_WorkOrders_CategoryCode_RegisteredAt_Id" ON "WorkOrders" ("CategoryCode", "RegisteredAt", "Id");
