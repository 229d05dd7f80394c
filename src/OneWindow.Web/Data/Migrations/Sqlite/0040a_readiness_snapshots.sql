-- Readiness history (issue 20, ADR 0039): each venue's readiness counts (事项进驻率, 授权到位率, 人员到位率) as they stood
-- at a month's end, written once per month and venue by the sweep after the month has ended. The key makes a second
-- instance's insert a no-op. No history before this schema: a past period before the first snapshot reads today's.

CREATE TABLE "ReadinessSnapshots" (
    "Month" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "VenueName" TEXT NOT NULL,
    "Tier" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "ListedItems" INTEGER NOT NULL,
    "ItemsTakenIn" INTEGER NOT NULL,
    "ItemsDecided" INTEGER NOT NULL,
    "Windows" INTEGER NOT NULL,
    "WindowsStaffed" INTEGER NOT NULL,
    "TakenAt" TEXT NOT NULL,
    CONSTRAINT "PK_ReadinessSnapshots" PRIMARY KEY ("Month", "VenueId")
);
