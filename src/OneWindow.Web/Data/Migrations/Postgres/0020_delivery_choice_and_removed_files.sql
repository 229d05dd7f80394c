-- Online applicants choose how the result reaches them (window, mail to an address, electronic), and may take a file
-- out of a draft before submitting (issue 18). A removed file keeps its row, without its content, so that the day's
-- upload count still sees it.

ALTER TABLE "Cases" ADD COLUMN "DeliveryRequested" integer;
ALTER TABLE "Cases" ADD COLUMN "DeliveryAddress" character varying(200);
ALTER TABLE "CaseFiles" ADD COLUMN "RemovedAt" timestamp with time zone;
