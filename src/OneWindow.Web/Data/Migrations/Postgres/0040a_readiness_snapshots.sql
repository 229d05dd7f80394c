-- Readiness history (issue 20, ADR 0039): each venue's readiness counts (事项进驻率, 授权到位率, 人员到位率) as they stood
-- at a month's end, written once per month and venue by the sweep after the month has ended. The key makes a second
-- instance's insert a no-op. No history before this schema: a past period before the first snapshot reads today's.

CREATE TABLE "ReadinessSnapshots" (
    "Month" date NOT NULL,
    "VenueId" uuid NOT NULL,
    "VenueName" character varying(200) NOT NULL,
    "Tier" integer NOT NULL,
    "RegionCode" character varying(12) NOT NULL,
    "ListedItems" integer NOT NULL,
    "ItemsTakenIn" integer NOT NULL,
    "ItemsDecided" integer NOT NULL,
    "Windows" integer NOT NULL,
    "WindowsStaffed" integer NOT NULL,
    "TakenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ReadinessSnapshots" PRIMARY KEY ("Month", "VenueId")
);
