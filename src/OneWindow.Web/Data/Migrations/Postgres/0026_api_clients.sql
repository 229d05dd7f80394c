-- Client applications (接入应用, issue 19, ADR 0025): other systems call the API with a key of their own. The key is
-- kept only as its SHA-256 (looked up by a unique index on every request) and its first characters in clear.

CREATE TABLE "ApiClients" (
    "Id" uuid NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Contact" character varying(200) NOT NULL,
    "DepartmentId" uuid,
    "Scopes" character varying(200) NOT NULL,
    "KeyPrefix" character varying(16) NOT NULL,
    "KeyHash" character varying(64) NOT NULL,
    "RequestsPerMinute" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "RevokedAt" timestamp with time zone,
    "RevokedBy" character varying(100),
    "RevokeReason" character varying(200),
    "LastUsedAt" timestamp with time zone,
    CONSTRAINT "PK_ApiClients" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_ApiClients_KeyHash" ON "ApiClients" ("KeyHash");
CREATE INDEX "IX_ApiClients_CreatedAt_Id" ON "ApiClients" ("CreatedAt", "Id");
