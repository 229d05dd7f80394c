-- The knowledge base's list reads by category and question (as a reader looks things up), no longer by id (random:
-- the order meant nothing, and an entry could sit on any page). The list of all entries, of a department's, and of
-- the withdrawn ones each on its own index; the entries due for review stay on IX_KnowledgeEntries_Status_ReviewDue_Id.

DROP INDEX "IX_KnowledgeEntries_CategoryCode_Id";
DROP INDEX "IX_KnowledgeEntries_DepartmentId_Id";
CREATE INDEX "IX_KnowledgeEntries_CategoryCode_Question_Id" ON "KnowledgeEntries" ("CategoryCode", "Question", "Id");
CREATE INDEX "IX_KnowledgeEntries_DepartmentId_CategoryCode_Question_Id" ON "KnowledgeEntries" ("DepartmentId", "CategoryCode", "Question", "Id");
CREATE INDEX "IX_KnowledgeEntries_Status_CategoryCode_Question_Id" ON "KnowledgeEntries" ("Status", "CategoryCode", "Question", "Id");
