-- Statutory holidays before the notice (ADR 0014). The years whose State Council notice is loaded (other years keep
-- the statutory holidays of the 放假办法 only, provisionally); each change of the calendar, where its recount of the
-- open records' due dates has got to, and the records whose due dates it moved; the open cases by key for the recount.

CREATE TABLE "HolidayNotices" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_HolidayNotices" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "LoadedAt" TEXT NOT NULL,
    "LoadedBy" TEXT NOT NULL
);

CREATE TABLE "CalendarChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarChanges" PRIMARY KEY,
    "Description" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Stage" TEXT NULL,
    "After" TEXT NULL,
    "RecordsChecked" INTEGER NOT NULL,
    "CompletedAt" TEXT NULL
);

CREATE TABLE "CalendarChangeEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarChangeEntries" PRIMARY KEY AUTOINCREMENT,
    "ChangeId" TEXT NOT NULL,
    "RecordKind" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantPhone" TEXT NOT NULL,
    "Moves" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL
);

CREATE INDEX "IX_CalendarChanges_CreatedAt_Id" ON "CalendarChanges" ("CreatedAt", "Id");
CREATE INDEX "IX_CalendarChangeEntries_ChangeId_Id" ON "CalendarChangeEntries" ("ChangeId", "Id");
CREATE INDEX "IX_Cases_OpenById" ON "Cases" ("Id") WHERE "Open";

-- Until now a year counted as published when it had any national day; it keeps counting so. A notice may list the
-- end of the December before its year (2007's lists 30–31 December 2006), which does not make that year published.
INSERT INTO "HolidayNotices" ("Year", "Reference", "LoadedAt", "LoadedBy")
SELECT CAST(substr("Date", 1, 4) AS INTEGER), '国务院办公厅关于部分节假日安排的通知', min("CreatedAt"), 'migration'
FROM "SpecialDays"
WHERE "RegionCode" = '' AND substr("Date", 6, 2) <> '12'
GROUP BY substr("Date", 1, 4);
