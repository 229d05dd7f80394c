-- The window a member of staff sits at, chosen at the workbench or at intake and remembered on the server (issue 18):
-- the cases they take in are counted against it, on the dashboard and on the venue's display alike.

CREATE TABLE "StaffSeats" (
    "UserId" character varying(450) NOT NULL,
    "WindowId" uuid NOT NULL,
    "ChosenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_StaffSeats" PRIMARY KEY ("UserId")
);

CREATE INDEX "IX_StaffSeats_WindowId" ON "StaffSeats" ("WindowId");
