-- Supervision of work orders and the hotline's figures (ADR 0028).
-- Today's calls and orders on the supervision dashboard and the big screen: a range on the registration instant, by channel.
CREATE INDEX "IX_WorkOrders_RegisteredAt_Channel" ON "WorkOrders" ("RegisteredAt", "Channel");
-- The assessment's hotline indicators: the orders concluded in a period.
CREATE INDEX "IX_WorkOrders_ConcludedAt" ON "WorkOrders" ("ConcludedAt");
-- The assessment's return rate: the signatures and returns a unit made in a period.
CREATE INDEX "IX_WorkOrderEvents_Action_At" ON "WorkOrderEvents" ("Action", "At");
