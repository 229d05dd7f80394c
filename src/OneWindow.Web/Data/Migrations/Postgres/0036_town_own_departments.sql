-- Town-own items (issue 20 "The three tiers", ADR 0035): a town hall's own department (本级办理机构, e.g. the town
-- government) decides the items its tier list marks Decide, with its own reviewers and approvers. Null: the item's
-- county department decides them, as before.

ALTER TABLE "Venues" ADD COLUMN "OwnDepartmentId" uuid;
