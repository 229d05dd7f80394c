-- The staff's kept figures (issue 20, ADR 0043): per day and member of staff, the cases accepted (on the receipt day)
-- and decided (on the conclusion day), settled with the case figures from who accepted and who decided each case. The
-- staff's assessment sums them instead of reading the period's cases and events. CaseFigures remembers each case's staff
-- rows beside its case rows. Cases settled before this release are brought in by `check-figures <from> <to> --repair`
-- over the history (docs/deploy.md); until then the staff's assessment of earlier periods counts nothing for them.

CREATE TABLE "StaffFigures" (
    "Day" date NOT NULL,
    "ActorId" character varying(100) NOT NULL,
    "Accepted" bigint NOT NULL,
    "AcceptedPromptly" bigint NOT NULL,
    "Decided" bigint NOT NULL,
    "OnTime" bigint NOT NULL,
    "WorkingDays" bigint NOT NULL,
    "StatutoryDays" bigint NOT NULL,
    CONSTRAINT "PK_StaffFigures" PRIMARY KEY ("Day", "ActorId")
);

ALTER TABLE "CaseFigures" ADD COLUMN "StaffRows" text NOT NULL DEFAULT '[]';
