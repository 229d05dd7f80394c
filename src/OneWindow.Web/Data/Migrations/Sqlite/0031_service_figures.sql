-- Kept figures, second increment (issue 20, ADR 0030). DailyFigures gains four case measures: prompt acceptance (on
-- the receipt day), extension days of the decided, and the concluded cases the applicant came to a counter for never
-- (跑零次) or at most once (最多跑一次). DailyServiceFigures, at the same grain, keeps what is not a case move: ratings by
-- level, bad ratings not set aside and rectified, alerts by severity and upheld complaints, added whenever one is
-- saved. Existing rows start at 0: run `check-figures <first day> <today> --repair` once after the upgrade.

ALTER TABLE "DailyFigures" ADD COLUMN "AcceptedPromptly" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "ExtensionDays" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "ZeroVisit" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "AtMostOneVisit" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "DailyServiceFigures" (
    "Day" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "WindowId" TEXT NOT NULL,
    "Channel" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "RatedVeryDissatisfied" INTEGER NOT NULL,
    "RatedDissatisfied" INTEGER NOT NULL,
    "RatedFair" INTEGER NOT NULL,
    "RatedSatisfied" INTEGER NOT NULL,
    "RatedVerySatisfied" INTEGER NOT NULL,
    "BadRatings" INTEGER NOT NULL,
    "BadRectified" INTEGER NOT NULL,
    "Reminders" INTEGER NOT NULL,
    "YellowCards" INTEGER NOT NULL,
    "RedCards" INTEGER NOT NULL,
    "ComplaintsUpheld" INTEGER NOT NULL,
    CONSTRAINT "PK_DailyServiceFigures" PRIMARY KEY ("Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_DailyServiceFigures_DepartmentId_Day" ON "DailyServiceFigures" ("DepartmentId", "Day");
CREATE INDEX "IX_DailyServiceFigures_RegionCode_Day" ON "DailyServiceFigures" ("RegionCode", "Day");
CREATE INDEX "IX_DailyServiceFigures_WindowId_Day" ON "DailyServiceFigures" ("WindowId", "Day");
