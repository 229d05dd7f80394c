-- The staff's kept figures (issue 20, ADR 0043): per day and member of staff, the cases accepted (on the receipt day)
-- and decided (on the conclusion day), settled with the case figures from who accepted and who decided each case. The
-- staff's assessment sums them instead of reading the period's cases and events. CaseFigures remembers each case's staff
-- rows beside its case rows. Cases settled before this release are brought in by `check-figures <from> <to> --repair`
-- over the history (docs/deploy.md); until then the staff's assessment of earlier periods counts nothing for them.

CREATE TABLE "StaffFigures" (
    "Day" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "Accepted" INTEGER NOT NULL,
    "AcceptedPromptly" INTEGER NOT NULL,
    "Decided" INTEGER NOT NULL,
    "OnTime" INTEGER NOT NULL,
    "WorkingDays" INTEGER NOT NULL,
    "StatutoryDays" INTEGER NOT NULL,
    CONSTRAINT "PK_StaffFigures" PRIMARY KEY ("Day", "ActorId")
);

ALTER TABLE "CaseFigures" ADD COLUMN "StaffRows" TEXT NOT NULL DEFAULT '[]';
