-- A work order's files (issue 19, ADR 0036): the caller's files, letter and e-mail scans, the center's files, the reply's
-- and the co-handlers' files, each kept as a stored file and entered with its SHA-256 in the order's record.

CREATE TABLE "WorkOrderFiles" (
    "Id" uuid NOT NULL,
    "WorkOrderId" uuid NOT NULL,
    "StoredFileId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL,
    "AddedBy" character varying(100) NOT NULL,
    "AddedByUnitId" uuid NULL,
    CONSTRAINT "PK_WorkOrderFiles" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_WorkOrderFiles_WorkOrderId_AddedAt" ON "WorkOrderFiles" ("WorkOrderId", "AddedAt");
