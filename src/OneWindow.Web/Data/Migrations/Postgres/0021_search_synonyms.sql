-- Search synonyms (issue 18): what citizens type (开饭店, 身份证) and the catalog's words for it, kept by the center
-- administrator; a search expands each query word with the words of the terms it contains.

CREATE TABLE "SearchSynonyms" (
    "Id" uuid NOT NULL,
    "Term" character varying(20) COLLATE "C" NOT NULL,
    "Words" character varying(1000) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(400) NOT NULL,
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_SearchSynonyms" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_SearchSynonyms_Term" ON "SearchSynonyms" ("Term");
