-- A work order's files (issue 19, ADR 0036): the caller's files, letter and e-mail scans, the center's files, the reply's
-- and the co-handlers' files, each kept as a stored file and entered with its SHA-256 in the order's record.

CREATE TABLE "WorkOrderFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderFiles" PRIMARY KEY,
    "WorkOrderId" TEXT NOT NULL,
    "StoredFileId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedByUnitId" TEXT NULL
);

CREATE INDEX "IX_WorkOrderFiles_WorkOrderId_AddedAt" ON "WorkOrderFiles" ("WorkOrderId", "AddedAt");
