-- 一表通 (issue 18): a case keeps the answers to its item's application form (a package's merged form; a part the
-- answers to its own item's questions) as one JSON object by field key. Cases from before this release answered no
-- form, and their record says so.

ALTER TABLE "Cases" ADD COLUMN "FormAnswers" TEXT NOT NULL DEFAULT '{}';
