-- Search synonyms (issue 18): what citizens type (开饭店, 身份证) and the catalog's words for it, kept by the center
-- administrator; a search expands each query word with the words of the terms it contains.

CREATE TABLE "SearchSynonyms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SearchSynonyms" PRIMARY KEY,
    "Term" TEXT NOT NULL,
    "Words" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_SearchSynonyms_Term" ON "SearchSynonyms" ("Term");
