-- Proof of phone and throttled sign-in (ADR 0015). Tries are counted in the database, so that every instance counts
-- together; one-time codes are kept as salted hashes. Identity's lockout is retired: wrong passwords now bring growing
-- delays instead, so the lockouts and failure counts of existing accounts are cleared and no account locks again.

CREATE TABLE "Attempts" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Attempts" PRIMARY KEY,
    "Count" INTEGER NOT NULL,
    "BlockedUntil" TEXT NULL,
    "ForgetAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE INDEX "IX_Attempts_ForgetAt" ON "Attempts" ("ForgetAt");

CREATE TABLE "OneTimeCodes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OneTimeCodes" PRIMARY KEY,
    "Purpose" INTEGER NOT NULL,
    "Phone" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Salt" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "TriesLeft" INTEGER NOT NULL,
    "SpentAt" TEXT NULL
);

CREATE INDEX "IX_OneTimeCodes_ExpiresAt" ON "OneTimeCodes" ("ExpiresAt");
CREATE INDEX "IX_OneTimeCodes_Phone_Purpose_CreatedAt" ON "OneTimeCodes" ("Phone", "Purpose", "CreatedAt");

UPDATE "AspNetUsers" SET "LockoutEnabled" = 0, "LockoutEnd" = NULL, "AccessFailedCount" = 0;
