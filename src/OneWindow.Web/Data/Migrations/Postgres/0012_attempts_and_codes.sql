-- Proof of phone and throttled sign-in (ADR 0015). Tries are counted in the database, so that every instance counts
-- together; one-time codes are kept as salted hashes. Identity's lockout is retired: wrong passwords now bring growing
-- delays instead, so the lockouts and failure counts of existing accounts are cleared and no account locks again.

CREATE TABLE "Attempts" (
    "Key" character varying(80) NOT NULL,
    "Count" integer NOT NULL,
    "BlockedUntil" timestamp with time zone,
    "ForgetAt" timestamp with time zone NOT NULL,
    "Revision" integer NOT NULL,
    CONSTRAINT "PK_Attempts" PRIMARY KEY ("Key")
);

CREATE INDEX "IX_Attempts_ForgetAt" ON "Attempts" ("ForgetAt");

CREATE TABLE "OneTimeCodes" (
    "Id" uuid NOT NULL,
    "Purpose" integer NOT NULL,
    "Phone" character varying(20) NOT NULL,
    "UserId" character varying(450),
    "Salt" character varying(32) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "TriesLeft" integer NOT NULL,
    "SpentAt" timestamp with time zone,
    CONSTRAINT "PK_OneTimeCodes" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_OneTimeCodes_ExpiresAt" ON "OneTimeCodes" ("ExpiresAt");
CREATE INDEX "IX_OneTimeCodes_Phone_Purpose_CreatedAt" ON "OneTimeCodes" ("Phone", "Purpose", "CreatedAt");

UPDATE "AspNetUsers" SET "LockoutEnabled" = false, "LockoutEnd" = NULL, "AccessFailedCount" = 0;
