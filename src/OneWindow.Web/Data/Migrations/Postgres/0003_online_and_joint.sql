-- 0003 online applications and joint cases: applicant accounts (real-name ID number), the online path's
-- submission and pre-review, joint cases (一件事) and their parts, and the materials uploaded with a case.

ALTER TABLE "AspNetUsers" ADD COLUMN "IdentityNumber" character varying(18);
CREATE UNIQUE INDEX "IX_AspNetUsers_IdentityNumber" ON "AspNetUsers" ("IdentityNumber");

ALTER TABLE "Cases" ADD COLUMN "ApplicantUserId" character varying(450);
ALTER TABLE "Cases" ADD COLUMN "SubmittedAt" timestamp with time zone;
ALTER TABLE "Cases" ADD COLUMN "PreReviewDueAt" timestamp with time zone;
ALTER TABLE "Cases" ADD COLUMN "PreReviewNote" character varying(2000);
ALTER TABLE "Cases" ADD COLUMN "IsJoint" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "Cases" ADD COLUMN "ParentCaseId" uuid;
ALTER TABLE "Cases" ADD COLUMN "PartVersionIds" text NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "Parts" text NOT NULL DEFAULT '[]';
CREATE INDEX "IX_Cases_ApplicantUserId_CreatedAt_Id" ON "Cases" ("ApplicantUserId", "CreatedAt", "Id");
CREATE INDEX "IX_Cases_ParentCaseId" ON "Cases" ("ParentCaseId");

CREATE TABLE "CaseFiles" (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "MaterialName" character varying(200) NOT NULL,
    "StoredFileId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_CaseFiles" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_CaseFiles_CaseId_UploadedAt" ON "CaseFiles" ("CaseId", "UploadedAt");
