-- 容缺受理 and the decision's scope and validity (issue 18). A case pins from its guide which required materials may
-- be deferred, the result's validity and what its scope is called; an acceptance with deferred materials keeps them
-- and the day the applicant committed to; a grant keeps the scope granted and the last day it is valid. Cases from
-- before this release have none of these, and nothing changes for them.

ALTER TABLE "Cases" ADD COLUMN "DeferrableMaterials" text NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "DeferredMaterials" text NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "DeferredUntil" date NULL;
ALTER TABLE "Cases" ADD COLUMN "DeferredSuppliedAt" timestamp with time zone NULL;
ALTER TABLE "Cases" ADD COLUMN "ResultValidityMonths" integer NULL;
ALTER TABLE "Cases" ADD COLUMN "ResultScopeLabel" character varying(40) NULL;
ALTER TABLE "Cases" ADD COLUMN "DecisionValidUntil" date NULL;
ALTER TABLE "Cases" ADD COLUMN "DecisionScope" character varying(2000) NULL;

-- Notices get document numbers (文号) per department, kind and year from the same counters as case numbers: the
-- counter's name grows to hold the department's key.
ALTER TABLE "CaseNumberCounters" ALTER COLUMN "Prefix" TYPE character varying(80);
