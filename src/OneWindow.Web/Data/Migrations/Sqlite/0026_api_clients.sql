-- Client applications (接入应用, issue 19, ADR 0025): other systems call the API with a key of their own. The key is
-- kept only as its SHA-256 (looked up by a unique index on every request) and its first characters in clear.

CREATE TABLE "ApiClients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiClients" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "DepartmentId" TEXT NULL,
    "Scopes" TEXT NOT NULL,
    "KeyPrefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "RequestsPerMinute" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedBy" TEXT NULL,
    "RevokeReason" TEXT NULL,
    "LastUsedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_ApiClients_KeyHash" ON "ApiClients" ("KeyHash");
CREATE INDEX "IX_ApiClients_CreatedAt_Id" ON "ApiClients" ("CreatedAt", "Id");
