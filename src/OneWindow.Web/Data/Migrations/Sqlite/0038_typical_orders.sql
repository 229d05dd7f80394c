-- Typical orders (典型工单, issue 19, ADR 0037): the caller's consent to publication on the order (null: not asked),
-- the candidates' index, and the public versions the center's staff write.

ALTER TABLE "WorkOrders" ADD COLUMN "PublicationConsent" INTEGER NULL;

CREATE INDEX "IX_WorkOrders_PublicationConsent_Status_ConcludedAt_Id" ON "WorkOrders" ("PublicationConsent", "Status", "ConcludedAt", "Id");

CREATE TABLE "TypicalOrders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TypicalOrders" PRIMARY KEY,
    "WorkOrderId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CategoryCode" TEXT NOT NULL,
    "GroupCode" TEXT NOT NULL,
    "PlaceCode" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "HandlingUnitId" TEXT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ConcludedOn" TEXT NOT NULL,
    "Published" INTEGER NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UnpublishedAt" TEXT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_TypicalOrders_WorkOrderId" ON "TypicalOrders" ("WorkOrderId");
CREATE INDEX "IX_TypicalOrders_Published_PublishedAt_Id" ON "TypicalOrders" ("Published", "PublishedAt", "Id");
CREATE INDEX "IX_TypicalOrders_Published_CategoryCode_PublishedAt_Id" ON "TypicalOrders" ("Published", "CategoryCode", "PublishedAt", "Id");
CREATE INDEX "IX_TypicalOrders_Published_GroupCode_PublishedAt_Id" ON "TypicalOrders" ("Published", "GroupCode", "PublishedAt", "Id");
