-- Messages leave through an outbox (ADR 0019): written in the transaction that decides them, sent by a dispatcher
-- after the commit, with retries and a failed state; the dedup key keeps one message per person per thing.

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "RecipientName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "DedupKey" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LeaseUntil" TEXT NULL,
    "ClaimToken" TEXT NULL,
    "HandedAt" TEXT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE INDEX "IX_OutboxMessages_ClaimToken" ON "OutboxMessages" ("ClaimToken");
CREATE INDEX "IX_OutboxMessages_CreatedAt" ON "OutboxMessages" ("CreatedAt");
CREATE UNIQUE INDEX "IX_OutboxMessages_DedupKey" ON "OutboxMessages" ("DedupKey");
CREATE INDEX "IX_OutboxMessages_State_NextAttemptAt_Id" ON "OutboxMessages" ("State", "NextAttemptAt", "Id");
