-- 0003 online applications and joint cases: applicant accounts (real-name ID number), the online path's
-- submission and pre-review, joint cases (一件事) and their parts, and the materials uploaded with a case.

ALTER TABLE "AspNetUsers" ADD COLUMN "IdentityNumber" TEXT NULL;
CREATE UNIQUE INDEX "IX_AspNetUsers_IdentityNumber" ON "AspNetUsers" ("IdentityNumber");

ALTER TABLE "Cases" ADD COLUMN "ApplicantUserId" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "SubmittedAt" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "PreReviewDueAt" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "PreReviewNote" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "IsJoint" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Cases" ADD COLUMN "ParentCaseId" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "PartVersionIds" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "Parts" TEXT NOT NULL DEFAULT '[]';
CREATE INDEX "IX_Cases_ApplicantUserId_CreatedAt_Id" ON "Cases" ("ApplicantUserId", "CreatedAt", "Id");
CREATE INDEX "IX_Cases_ParentCaseId" ON "Cases" ("ParentCaseId");

CREATE TABLE "CaseFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseFiles" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "MaterialName" TEXT NOT NULL,
    "StoredFileId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL
);
CREATE INDEX "IX_CaseFiles_CaseId_UploadedAt" ON "CaseFiles" ("CaseId", "UploadedAt");
