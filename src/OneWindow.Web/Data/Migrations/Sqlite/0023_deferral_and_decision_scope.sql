-- 容缺受理 and the decision's scope and validity (issue 18). A case pins from its guide which required materials may
-- be deferred, the result's validity and what its scope is called; an acceptance with deferred materials keeps them
-- and the day the applicant committed to; a grant keeps the scope granted and the last day it is valid. Cases from
-- before this release have none of these, and nothing changes for them.

ALTER TABLE "Cases" ADD COLUMN "DeferrableMaterials" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "DeferredMaterials" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "DeferredUntil" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "DeferredSuppliedAt" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "ResultValidityMonths" INTEGER NULL;
ALTER TABLE "Cases" ADD COLUMN "ResultScopeLabel" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "DecisionValidUntil" TEXT NULL;
ALTER TABLE "Cases" ADD COLUMN "DecisionScope" TEXT NULL;
