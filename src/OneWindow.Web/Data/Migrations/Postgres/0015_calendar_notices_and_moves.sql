-- The review of issue 16 (ADR 0014). A national day keeps the year of the notice it came from, so that loading that
-- year's notice again replaces every day of the earlier one; a change keeps the disagreement with the statutory rule
-- that the administrator confirmed; a moved record keeps the department and venue whose staff see it in their slice
-- of the list, and how and when its applicant was told (the partial index finds those still to tell).

ALTER TABLE "SpecialDays" ADD "NoticeYear" integer NULL;
ALTER TABLE "CalendarChanges" ADD "Disagreement" character varying(400) NULL;
ALTER TABLE "CalendarChangeEntries" ADD "DepartmentId" uuid NULL;
ALTER TABLE "CalendarChangeEntries" ADD "VenueId" uuid NULL;
ALTER TABLE "CalendarChangeEntries" ADD "Told" integer NULL;
ALTER TABLE "CalendarChangeEntries" ADD "ToldAt" timestamp with time zone NULL;
CREATE INDEX "IX_CalendarChangeEntries_DepartmentId_ChangeId_Id" ON "CalendarChangeEntries" ("DepartmentId", "ChangeId", "Id");
CREATE INDEX "IX_CalendarChangeEntries_Untold" ON "CalendarChangeEntries" ("Id") WHERE "Told" IS NULL;

-- The shipped notices' days (2007–2026): a December day belongs to the next year's notice (2008's lists 29–31
-- December 2007, 2019's 29–31 December 2018).
UPDATE "SpecialDays" SET "NoticeYear" = extract(year FROM "Date")::integer + (CASE WHEN extract(month FROM "Date") = 12 THEN 1 ELSE 0 END)
WHERE "RegionCode" = '' AND "CreatedBy" = 'seed';
-- The days of a notice loaded at /admin/calendar (or by load-notice): written with its reference at the instant of
-- its latest load. A day left from an earlier load of the same year, or set on its own, belongs to no notice.
UPDATE "SpecialDays" d SET "NoticeYear" = n."Year"
FROM "HolidayNotices" n
WHERE d."RegionCode" = '' AND d."NoticeYear" IS NULL
  AND n."LoadedBy" <> 'migration' AND n."LoadedAt" = d."CreatedAt" AND n."Reference" = d."Reason";

-- The moves listed before were the center's to tell the applicants, as they still are.
UPDATE "CalendarChangeEntries" SET "Told" = 4, "ToldAt" = "RecordedAt";

-- A database in use (it has national days) had its open records counted as if a year without its notice had no
-- holiday. The national change that recounts them waits here, dated the far future so that no recount takes it, for
-- the first start after this migration (StatuteUpgrade): it takes back the years 0014 counted as published from
-- national days that are no notice, dates the change, and the recount moves, records and lists what it must.
INSERT INTO "CalendarChanges" ("Id", "Description", "RegionCode", "CreatedAt", "CreatedBy", "Stage", "After", "RecordsChecked", "CompletedAt")
SELECT '0193d0c0-0015-7000-8000-000000000015', '启用《全国年节及纪念日放假办法》法定节假日', '', '9999-12-31 00:00:00+00', 'migration', NULL, NULL, 0, NULL
WHERE EXISTS (SELECT 1 FROM "SpecialDays");
