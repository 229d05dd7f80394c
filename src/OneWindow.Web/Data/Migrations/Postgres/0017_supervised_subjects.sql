-- Supervision of any subject (ADR 0020). Watches, alerts and supervision notices name the subject they are about by
-- kind, id and number instead of a case: every existing one becomes subject kind 1 (a case) with its case id and
-- number, so that a work order or a disclosure request can later be watched by the same sweep, rules and ladder. An
-- alert's "Subject" was the key of its finding (case/{id}/node/2), unique with its rule; it is now called "Key", and
-- keeps its values. A certificate's red card is about no subject: the case number the department named stays in its
-- detail. Columns are renamed in place, so the existing rows are not rewritten beyond the new kind.

ALTER TABLE "SupervisionAlerts" RENAME COLUMN "Subject" TO "Key";
ALTER TABLE "SupervisionAlerts" RENAME COLUMN "CaseId" TO "SubjectId";
ALTER TABLE "SupervisionAlerts" RENAME COLUMN "CaseNumber" TO "SubjectNumber";
ALTER TABLE "SupervisionAlerts" RENAME COLUMN "ItemName" TO "SubjectTitle";
ALTER TABLE "SupervisionAlerts" ADD COLUMN "SubjectKind" integer;
UPDATE "SupervisionAlerts" SET "SubjectKind" = 1 WHERE "SubjectId" IS NOT NULL;
UPDATE "SupervisionAlerts" SET "SubjectNumber" = NULL, "SubjectTitle" = NULL
WHERE "SubjectId" IS NULL AND ("SubjectNumber" IS NOT NULL OR "SubjectTitle" IS NOT NULL);

DROP INDEX "IX_SupervisionAlerts_CaseId_RaisedAt";
ALTER INDEX "IX_SupervisionAlerts_Rule_Subject" RENAME TO "IX_SupervisionAlerts_Rule_Key";
CREATE INDEX "IX_SupervisionAlerts_SubjectKind_SubjectId_RaisedAt" ON "SupervisionAlerts" ("SubjectKind", "SubjectId", "RaisedAt");

ALTER TABLE "SupervisionNotices" RENAME COLUMN "CaseId" TO "SubjectId";
ALTER TABLE "SupervisionNotices" RENAME COLUMN "CaseNumber" TO "SubjectNumber";
ALTER TABLE "SupervisionNotices" ADD COLUMN "SubjectKind" integer;
UPDATE "SupervisionNotices" SET "SubjectKind" = 1 WHERE "SubjectId" IS NOT NULL;

DROP INDEX "IX_SupervisionNotices_CaseId";
CREATE INDEX "IX_SupervisionNotices_SubjectKind_SubjectId" ON "SupervisionNotices" ("SubjectKind", "SubjectId");

ALTER TABLE "SupervisionWatches" RENAME COLUMN "CaseId" TO "SubjectId";
ALTER TABLE "SupervisionWatches" RENAME COLUMN "CaseRevision" TO "Revision";
ALTER TABLE "SupervisionWatches" ADD COLUMN "SubjectKind" integer NOT NULL DEFAULT 1;
ALTER TABLE "SupervisionWatches" ALTER COLUMN "SubjectKind" DROP DEFAULT;
ALTER TABLE "SupervisionWatches" DROP CONSTRAINT "PK_SupervisionWatches";
ALTER TABLE "SupervisionWatches" ADD CONSTRAINT "PK_SupervisionWatches" PRIMARY KEY ("SubjectKind", "SubjectId");
DROP INDEX "IX_SupervisionWatches_DueAt_CaseId";
CREATE INDEX "IX_SupervisionWatches_DueAt_SubjectKind_SubjectId" ON "SupervisionWatches" ("DueAt", "SubjectKind", "SubjectId");
