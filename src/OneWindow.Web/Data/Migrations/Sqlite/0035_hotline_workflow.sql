-- The hotline's remaining workflow (issue 19, ADR 0034): the category editor's versioned rows.

ALTER TABLE "HotlineCategories" ADD COLUMN "Revision" INTEGER NOT NULL DEFAULT 0;
