-- Kept figures, second increment (issue 20, ADR 0030). DailyFigures gains four case measures: prompt acceptance (on
-- the receipt day), extension days of the decided, and the concluded cases the applicant came to a counter for never
-- (跑零次) or at most once (最多跑一次). DailyServiceFigures, at the same grain, keeps what is not a case move: ratings by
-- level, bad ratings not set aside and rectified, alerts by severity and upheld complaints, added whenever one is
-- saved. Existing rows start at 0: run `check-figures <first day> <today> --repair` once after the upgrade.

ALTER TABLE "DailyFigures" ADD COLUMN "AcceptedPromptly" bigint NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "ExtensionDays" bigint NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "ZeroVisit" bigint NOT NULL DEFAULT 0;
ALTER TABLE "DailyFigures" ADD COLUMN "AtMostOneVisit" bigint NOT NULL DEFAULT 0;

CREATE TABLE "DailyServiceFigures" (
    "Day" date NOT NULL,
    "DepartmentId" uuid NOT NULL,
    "ItemCode" character varying(40) NOT NULL,
    "VenueId" uuid NOT NULL,
    "WindowId" uuid NOT NULL,
    "Channel" integer NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "RatedVeryDissatisfied" bigint NOT NULL,
    "RatedDissatisfied" bigint NOT NULL,
    "RatedFair" bigint NOT NULL,
    "RatedSatisfied" bigint NOT NULL,
    "RatedVerySatisfied" bigint NOT NULL,
    "BadRatings" bigint NOT NULL,
    "BadRectified" bigint NOT NULL,
    "Reminders" bigint NOT NULL,
    "YellowCards" bigint NOT NULL,
    "RedCards" bigint NOT NULL,
    "ComplaintsUpheld" bigint NOT NULL,
    CONSTRAINT "PK_DailyServiceFigures" PRIMARY KEY ("Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode")
);

CREATE INDEX "IX_DailyServiceFigures_DepartmentId_Day" ON "DailyServiceFigures" ("DepartmentId", "Day");
CREATE INDEX "IX_DailyServiceFigures_RegionCode_Day" ON "DailyServiceFigures" ("RegionCode", "Day");
CREATE INDEX "IX_DailyServiceFigures_WindowId_Day" ON "DailyServiceFigures" ("WindowId", "Day");
