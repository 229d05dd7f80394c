-- Records sealed with a key held outside the database (ADR 0017). Every case event keeps the id of the record key
-- whose HMAC-SHA256 seals it; events written before keys existed have none until the start after this migration
-- checks their unkeyed chain and seals them (the partial index finds them). The database lists the ids of the keys
-- its records are sealed with, never the keys themselves, so that an instance lacking one refuses to start.

ALTER TABLE "CaseEvents" ADD "KeyId" character varying(40) NULL;
CREATE INDEX "IX_CaseEvents_CaseId_Unsealed" ON "CaseEvents" ("CaseId") WHERE "KeyId" IS NULL;

CREATE TABLE "RecordKeyIds" (
    "Id" character varying(40) NOT NULL,
    "FirstUsedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RecordKeyIds" PRIMARY KEY ("Id")
);
