-- The kept case figures are settled by a sweep (issue 20, ADR 0042): a case's move only queues the case here, in its
-- own transaction; the sweep takes the queue in batches, adds the batch's differences to the day, month and year rows
-- and removes the rows it took.

CREATE TABLE "CaseFigureQueue" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseFigureQueue" PRIMARY KEY AUTOINCREMENT,
    "CaseId" TEXT NOT NULL,
    "QueuedAt" TEXT NOT NULL
);
