-- Typical orders (典型工单, issue 19, ADR 0037): the caller's consent to publication on the order (null: not asked),
-- the candidates' index, and the public versions the center's staff write.

ALTER TABLE "WorkOrders" ADD COLUMN "PublicationConsent" boolean NULL;

CREATE INDEX "IX_WorkOrders_PublicationConsent_Status_ConcludedAt_Id" ON "WorkOrders" ("PublicationConsent", "Status", "ConcludedAt", "Id");

CREATE TABLE "TypicalOrders" (
    "Id" uuid NOT NULL,
    "WorkOrderId" uuid NOT NULL,
    "Title" character varying(60) NOT NULL,
    "CategoryCode" character varying(20) NOT NULL,
    "GroupCode" character varying(20) NOT NULL,
    "PlaceCode" character varying(12) NOT NULL,
    "Question" character varying(1000) NOT NULL,
    "Answer" character varying(2000) NOT NULL,
    "HandlingUnitId" uuid NULL,
    "ReceivedOn" date NOT NULL,
    "ConcludedOn" date NOT NULL,
    "Published" boolean NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(100) NOT NULL,
    "UnpublishedAt" timestamp with time zone NULL,
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_TypicalOrders" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_TypicalOrders_WorkOrderId" ON "TypicalOrders" ("WorkOrderId");
CREATE INDEX "IX_TypicalOrders_Published_PublishedAt_Id" ON "TypicalOrders" ("Published", "PublishedAt", "Id");
CREATE INDEX "IX_TypicalOrders_Published_CategoryCode_PublishedAt_Id" ON "TypicalOrders" ("Published", "CategoryCode", "PublishedAt", "Id");
CREATE INDEX "IX_TypicalOrders_Published_GroupCode_PublishedAt_Id" ON "TypicalOrders" ("Published", "GroupCode", "PublishedAt", "Id");
