-- The hotline's knowledge base (issue 19, ADR 0029): entries and their versions, the search postings (character
-- bigrams of entries and of the catalog's published guides) and the guides indexed; the telephony's call events, and on
-- a work order the call it came from, the recording's reference and the knowledge entry it was answered with.

CREATE TABLE "HotlineCalls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HotlineCalls" PRIMARY KEY AUTOINCREMENT,
    "CallId" TEXT NOT NULL,
    "Line" TEXT NOT NULL,
    "CallerPhone" TEXT NOT NULL,
    "Event" INTEGER NOT NULL,
    "RecordingRef" TEXT NULL,
    "At" TEXT NOT NULL,
    "ReportedBy" TEXT NOT NULL
);

CREATE TABLE "KnowledgeEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KnowledgeEntries" PRIMARY KEY,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "CategoryCode" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ServiceItemCode" TEXT NULL,
    "Keywords" TEXT NOT NULL,
    "ReviewDue" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "UseCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL
);

CREATE TABLE "KnowledgeEntryVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KnowledgeEntryVersions" PRIMARY KEY AUTOINCREMENT,
    "EntryId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "CategoryCode" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ServiceItemCode" TEXT NULL,
    "Keywords" TEXT NOT NULL,
    "ReviewDue" TEXT NOT NULL,
    "EditedAt" TEXT NOT NULL,
    "EditedBy" TEXT NOT NULL,
    "Note" TEXT NULL
);

CREATE TABLE "KnowledgeGuides" (
    "ItemCode" TEXT NOT NULL CONSTRAINT "PK_KnowledgeGuides" PRIMARY KEY,
    "VersionNumber" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "IndexedAt" TEXT NOT NULL
);

CREATE TABLE "KnowledgeTerms" (
    "Term" TEXT NOT NULL,
    "DocumentKey" TEXT NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "PK_KnowledgeTerms" PRIMARY KEY ("Term", "DocumentKey")
);

CREATE INDEX "IX_HotlineCalls_CallId" ON "HotlineCalls" ("CallId");

CREATE INDEX "IX_KnowledgeEntries_CategoryCode_Id" ON "KnowledgeEntries" ("CategoryCode", "Id");

CREATE INDEX "IX_KnowledgeEntries_DepartmentId_Id" ON "KnowledgeEntries" ("DepartmentId", "Id");

CREATE INDEX "IX_KnowledgeEntries_Status_ReviewDue_Id" ON "KnowledgeEntries" ("Status", "ReviewDue", "Id");

CREATE UNIQUE INDEX "IX_KnowledgeEntryVersions_EntryId_Version" ON "KnowledgeEntryVersions" ("EntryId", "Version");

CREATE INDEX "IX_KnowledgeTerms_DocumentKey" ON "KnowledgeTerms" ("DocumentKey");

ALTER TABLE "WorkOrders" ADD COLUMN "CallId" TEXT NULL;

ALTER TABLE "WorkOrders" ADD COLUMN "RecordingRef" TEXT NULL;

ALTER TABLE "WorkOrders" ADD COLUMN "KnowledgeEntryId" TEXT NULL;

CREATE INDEX "IX_WorkOrders_CallId" ON "WorkOrders" ("CallId") WHERE "CallId" IS NOT NULL;
